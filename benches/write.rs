//! Writing budgets: one newsletter translation after an edit (the edit
//! applied, then saved atomically with the changed-on-disk check) under
//! 5 ms; every corpus translation rewritten with no edits under 100 ms, with
//! zero bytes changed.
//!
//! Run with `cargo bench --bench write`; needs `../shared/corpus`. Memory is
//! counted by divan's allocation profiler (bytes allocated per iteration).

#![allow(clippy::print_stderr)]

use std::cell::Cell;
use std::path::{Path, PathBuf};

use trame::localize::{Edit, apply_edits};
use trame::segment::{Document, parse};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// Every translation of the corpus.
fn corpus_translations() -> Vec<PathBuf> {
    let dir = corpus();
    if !dir.is_dir() {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return Vec::new();
    }
    let paths = [
        dir.join("xsf-xmpp.org/content"),
        dir.join("cncf-glossary/content"),
    ];
    // Two sites: each is its own project.
    paths
        .iter()
        .flat_map(|path| {
            let paths = std::slice::from_ref(path);
            let project = trame::workspace::Project::for_paths(paths).expect("corpus project");
            project.scan(paths, None).expect("corpus files").sets
        })
        .flat_map(|set| set.translations.into_iter().map(|(_, t)| t))
        .collect()
}

/// The Italian 2024-07-05 newsletter, its document, and an edit of its
/// longest paragraph.
fn newsletter() -> (String, Document, Edit) {
    let path = corpus().join("xsf-xmpp.org/content/blog/newsletter/2024-07-05-newsletter.it.md");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let (doc, _) = parse(&text);
    let longest = (0..doc.segments.len())
        .max_by_key(|&i| doc.segments[i].text.len())
        .unwrap_or(0);
    let edit = Edit {
        segment: longest,
        text: "Un paragrafo riscritto dal traduttore.".to_owned(),
    };
    (text, doc, edit)
}

/// One edit applied to the newsletter and saved: each iteration writes the
/// edited file over the original or back, so the check always passes.
#[divan::bench]
fn one_newsletter_edit_and_save(bencher: divan::Bencher) {
    let (text, doc, edit) = newsletter();
    if doc.segments.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("2024-07-05-newsletter.it.md");
    std::fs::write(&path, &text).expect("write the copy");
    let edited = apply_edits(&text, &doc, std::slice::from_ref(&edit)).expect("edit applies");
    let on_disk_is_original = Cell::new(true);
    bencher.bench_local(|| {
        let new = apply_edits(&text, &doc, std::slice::from_ref(&edit)).expect("edit applies");
        if on_disk_is_original.get() {
            trame::workspace::save_file(&path, text.as_bytes(), &new).expect("saved");
        } else {
            trame::workspace::save_file(&path, edited.as_bytes(), &text).expect("saved");
        }
        on_disk_is_original.set(!on_disk_is_original.get());
    });
}

/// The edit alone, without the save.
#[divan::bench]
fn one_newsletter_edit(bencher: divan::Bencher) {
    let (text, doc, edit) = newsletter();
    if doc.segments.is_empty() {
        return;
    }
    bencher.bench(|| {
        apply_edits(&text, &doc, std::slice::from_ref(&edit))
            .expect("edit applies")
            .len()
    });
}

/// Every corpus translation, already read and segmented, rewritten with no
/// edits: the texts must come back unchanged (so nothing is saved).
#[divan::bench(sample_count = 20)]
fn all_corpus_translations_no_edits(bencher: divan::Bencher) {
    let pages: Vec<(String, Document)> = corpus_translations()
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("corpus file");
            let doc = parse(&text).0;
            (text, doc)
        })
        .collect();
    bencher.bench(|| {
        let mut changed = 0;
        for (text, doc) in &pages {
            let out = apply_edits(text, doc, &[]).expect("no edits apply");
            if out != *text {
                changed += 1;
            }
        }
        assert_eq!(changed, 0, "a rewrite with no edits changed a file");
    });
}

/// The same, reading and segmenting every file too.
#[divan::bench(sample_count = 20)]
fn all_corpus_translations_read_parse_no_edits(bencher: divan::Bencher) {
    let paths = corpus_translations();
    bencher.bench(|| {
        for p in &paths {
            let page = trame::workspace::load_page(p, &Default::default()).expect("corpus file");
            let out = apply_edits(&page.text, &page.document, &[]).expect("no edits apply");
            assert_eq!(out, page.text, "{}", p.display());
        }
    });
}
