//! Alignment budgets: one newsletter pair under 2 ms, every corpus pair under
//! 50 ms, and linear growth (a 10 times longer synthetic pair).
//!
//! Run with `cargo bench --bench align`; needs `../shared/corpus`. Memory is
//! counted by divan's allocation profiler (bytes allocated per iteration).

#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

use trame::segment::{Document, parse};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn doc(path: &Path) -> Document {
    parse(&std::fs::read_to_string(path).expect("corpus file")).0
}

/// Every (source, translation) pair of the corpus, parsed.
fn corpus_pairs() -> Vec<(Document, Document)> {
    let dir = corpus();
    if !dir.is_dir() {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return Vec::new();
    }
    let paths = [dir.join("xsf-xmpp.org"), dir.join("cncf-glossary/content")];
    // Two sites: each is its own project.
    let sets: Vec<_> = paths
        .iter()
        .flat_map(|path| {
            let paths = std::slice::from_ref(path);
            let project = trame::workspace::Project::for_paths(paths).expect("corpus project");
            project.scan(paths, None).expect("corpus files").sets
        })
        .collect();
    sets.iter()
        .flat_map(|set| {
            set.translations
                .iter()
                .map(move |(_, t)| (doc(&set.source), doc(t)))
        })
        .collect()
}

fn newsletter_pair(times: usize) -> (Document, Document) {
    let dir = corpus().join("xsf-xmpp.org/content/blog/newsletter");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let (en, it) = (
        read("2024-07-05-newsletter.md"),
        read("2024-07-05-newsletter.it.md"),
    );
    // Repeat the body, making each copy's URLs distinct as a real long page's would be.
    let grow = |text: &str| -> String {
        (0..times)
            .map(|k| text.replace("https://", &format!("https://c{k}.")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    (parse(&grow(&en)).0, parse(&grow(&it)).0)
}

/// One newsletter pair (2024-07-05, English and Italian, about 110 segments a side).
#[divan::bench]
fn one_newsletter_pair(bencher: divan::Bencher) {
    let (s, t) = newsletter_pair(1);
    bencher.bench(|| {
        trame::align::align(divan::black_box(&s), divan::black_box(&t))
            .rows
            .len()
    });
}

/// The same pair repeated 10 times (about 1,100 segments a side).
#[divan::bench]
fn ten_times_longer_pair(bencher: divan::Bencher) {
    let (s, t) = newsletter_pair(10);
    bencher.bench(|| {
        trame::align::align(divan::black_box(&s), divan::black_box(&t))
            .rows
            .len()
    });
}

/// Every newsletter and glossary pair of the corpus in one pass.
#[divan::bench(sample_count = 20)]
fn all_corpus_pairs(bencher: divan::Bencher) {
    let pairs = corpus_pairs();
    bencher.bench(|| {
        pairs
            .iter()
            .map(|(s, t)| trame::align::align(s, t).rows.len())
            .sum::<usize>()
    });
}
