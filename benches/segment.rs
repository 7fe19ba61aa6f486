//! Segmentation budgets: the whole corpus under 30 ms, one newsletter quickly.
//!
//! Run with `cargo bench --bench segment`; needs `../shared/corpus` and says
//! so when it is absent. Process-level timing of `trame segments` is in
//! `benches/process.sh`.

#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn corpus_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable corpus") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus"))
        .collect()
}

/// Segments all corpus files (236 files, about 1.3 MB) in one pass.
#[divan::bench(sample_count = 30)]
fn whole_corpus(bencher: divan::Bencher) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let mut n = 0;
            for t in &texts {
                n += trame::segment::parse(divan::black_box(t)).0.segments.len();
            }
            n
        });
}

/// Segments one newsletter (the largest English issue of the corpus).
#[divan::bench(sample_count = 100)]
fn one_newsletter(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/xsf-xmpp.org/content/blog/newsletter/2024-07-05-newsletter.md");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    bencher.bench(|| {
        trame::segment::parse(divan::black_box(&text))
            .0
            .segments
            .len()
    });
}
