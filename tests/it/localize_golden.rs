//! Golden tests of the localized writer: one folder per case under
//! `tests/data/localize/` (see its README) holding the input pages, a
//! `case.txt` naming the operation, and the expected file and report.
//! Then the corpus: writing with no edits, or creating with an identity
//! translation, reproduces every file byte for byte.
//!
//! Set `TRAME_BLESS=1` to write the actual outputs over the expected files
//! (and review them before committing).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use trame::align::align;
use trame::localize::{
    Carry, Edit, LinkRule, TranslationMemory, apply_edits, broken_anchors, carry, create, fill,
    localize_anchors, localize_link_prefix, segment_value,
};
use trame::segment::{Document, SegmentKind, normalize, parse};

use crate::support;

/// One case folder.
struct Case {
    dir: PathBuf,
    op: String,
    crlf: bool,
    /// `(segment text prefix, value)` pairs of `edit:` or `fill:` lines.
    changes: Vec<(String, String)>,
    lang: String,
}

impl Case {
    fn load(dir: &Path) -> Case {
        let spec = std::fs::read_to_string(dir.join("case.txt")).unwrap();
        let mut case = Case {
            dir: dir.to_owned(),
            op: String::new(),
            crlf: false,
            changes: Vec::new(),
            lang: "fr".to_owned(),
        };
        for line in spec.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (key, value) = line
                .split_once(':')
                .unwrap_or_else(|| panic!("{}: bad line {line:?}", dir.display()));
            let value = value.trim();
            match key.trim() {
                "op" => case.op = value.to_owned(),
                "crlf" => case.crlf = value == "yes",
                "lang" => case.lang = value.to_owned(),
                "edit" | "fill" => {
                    let (prefix, text) = value
                        .split_once(" => ")
                        .unwrap_or_else(|| panic!("{}: no ` => ` in {line:?}", dir.display()));
                    case.changes
                        .push((prefix.to_owned(), text.replace("\\n", "\n")));
                }
                other => panic!("{}: unknown key {other:?}", dir.display()),
            }
        }
        case
    }

    /// Reads an input file, in CRLF when the case asks for it.
    fn read(&self, name: &str) -> String {
        let path = self.dir.join(name);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if self.crlf {
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            text
        }
    }
}

/// Returns the index of the only segment of `doc` whose text starts with `prefix`.
fn find(doc: &Document, prefix: &str, case: &Case) -> usize {
    let found: Vec<usize> = (0..doc.segments.len())
        .filter(|&i| doc.segments[i].text.starts_with(prefix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{}: segments starting with {prefix:?}: {found:?}",
        case.dir.display()
    );
    found[0]
}

/// Shortens a segment text for reports.
fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 40 {
        format!("{}...", one_line.chars().take(40).collect::<String>())
    } else {
        one_line
    }
}

/// Runs a case and returns the written file and the report.
fn run(case: &Case) -> (String, String) {
    let mut report = String::new();
    let text = match case.op.as_str() {
        "round-trip" => {
            let target = case.read("target.md");
            let (doc, _) = parse(&target);
            let unchanged = apply_edits(&target, &doc, &[]).unwrap();
            assert_eq!(unchanged, target, "{}: no edits", case.dir.display());
            let values: Vec<Edit> = (0..doc.segments.len())
                .map(|i| Edit {
                    segment: i,
                    text: segment_value(&target, &doc.segments[i]),
                })
                .collect();
            let same = apply_edits(&target, &doc, &values).unwrap();
            assert_eq!(same, target, "{}: current values", case.dir.display());
            let created = create(&target, &doc, &|_, s| Some(s.text.clone()));
            assert!(created.missing.is_empty());
            created.text
        }
        "edit" => {
            let target = case.read("target.md");
            let (doc, _) = parse(&target);
            let edits: Vec<Edit> = case
                .changes
                .iter()
                .map(|(prefix, text)| Edit {
                    segment: find(&doc, prefix, case),
                    text: text.clone(),
                })
                .collect();
            let out = apply_edits(&target, &doc, &edits).unwrap();
            let (again, _) = parse(&out);
            assert_eq!(
                again.segments.len(),
                doc.segments.len(),
                "{}: the edits changed the structure",
                case.dir.display()
            );
            out
        }
        "fill" => {
            let source = case.read("source.md");
            let mut target = case.read("target.md");
            let (s, _) = parse(&source);
            for (prefix, translation) in &case.changes {
                let (t, _) = parse(&target);
                let alignment = align(&s, &t);
                let m = find(&s, prefix, case);
                target = fill(&source, &s, &target, &t, &alignment, m, translation)
                    .unwrap_or_else(|e| panic!("{}: {e}", case.dir.display()));
                let (again, _) = parse(&target);
                let kind = s.segments[m].kind;
                let present = again
                    .segments
                    .iter()
                    .any(|x| x.kind == kind && segment_value(&target, x) == *translation);
                assert!(
                    present,
                    "{}: no {kind:?} segment {translation:?} after the fill",
                    case.dir.display()
                );
                writeln!(report, "filled {}: {}", kind.as_str(), short(translation)).unwrap();
            }
            target
        }
        "create" => {
            let source = case.read("source.md");
            let (s, _) = parse(&source);
            let mut memory = TranslationMemory::new();
            if case.dir.join("memory.en.md").exists() {
                let (me, _) = parse(&case.read("memory.en.md"));
                let (mf, _) = parse(&case.read("memory.fr.md"));
                memory.add_pair(&me, &mf, &align(&me, &mf));
            }
            let created = create(&source, &s, &|_, seg| {
                memory.exact(&seg.text).map(str::to_owned)
            });
            for i in &created.missing {
                let seg = &s.segments[*i];
                writeln!(
                    report,
                    "missing {}: {}",
                    seg.kind.as_str(),
                    short(&seg.text)
                )
                .unwrap();
                for suggestion in memory.lookup(&seg.text, 2) {
                    writeln!(
                        report,
                        "  suggested {:.2}: {}",
                        suggestion.similarity,
                        short(&suggestion.target)
                    )
                    .unwrap();
                }
            }
            created.text
        }
        "carry" => {
            let old_text = case.read("old.md");
            let source = case.read("source.md");
            let target = case.read("target.md");
            let (old, _) = parse(&old_text);
            let (s, _) = parse(&source);
            let (t, _) = parse(&target);
            assert_eq!(old.segments.len(), s.segments.len(), "link-only changes");
            let alignment = align(&s, &t);
            let mut edits = Vec::new();
            for row in &alignment.rows {
                for (i, j) in row.links() {
                    if old.segments[i].text == s.segments[i].text {
                        continue;
                    }
                    let outcome = carry(&old.segments[i], &s.segments[i], &target, &t.segments[j]);
                    let at = short(&t.segments[j].text);
                    match outcome {
                        Carry::Applied { text, changes } => {
                            for (o, n) in changes {
                                writeln!(report, "carried in {at:?}: {o} -> {n}").unwrap();
                            }
                            edits.push(Edit { segment: j, text });
                        }
                        Carry::Ambiguous { reason } => {
                            writeln!(report, "ambiguous in {at:?}: {reason:?}").unwrap();
                        }
                        Carry::Nothing => writeln!(report, "nothing in {at:?}").unwrap(),
                    }
                }
            }
            apply_edits(&target, &t, &edits).unwrap()
        }
        "anchors" => {
            let source = case.read("source.md");
            let target = case.read("target.md");
            let (s, _) = parse(&source);
            let (t, _) = parse(&target);
            let edits = localize_anchors(&target, &t, &s, &align(&s, &t));
            let out = apply_edits(&target, &t, &edits).unwrap();
            let (again, _) = parse(&out);
            for (i, anchor) in broken_anchors(&again) {
                writeln!(
                    report,
                    "broken in {:?}: #{anchor}",
                    short(&again.segments[i].text)
                )
                .unwrap();
            }
            out
        }
        "link-prefix" => {
            let target = case.read("target.md");
            let (t, _) = parse(&target);
            let rule = LinkRule::default();
            let edits: Vec<Edit> = t
                .segments
                .iter()
                .enumerate()
                // As `trame sync` does: links shown in code are examples.
                .filter(|(_, seg)| seg.kind.is_prose())
                .filter_map(|(i, seg)| {
                    let value = segment_value(&target, seg);
                    let new = localize_link_prefix(&value, &case.lang, &rule);
                    (new != value).then_some(Edit {
                        segment: i,
                        text: new,
                    })
                })
                .collect();
            apply_edits(&target, &t, &edits).unwrap()
        }
        other => panic!("{}: unknown op {other:?}", case.dir.display()),
    };
    (text, report)
}

/// Returns a readable line diff of two texts (line endings shown).
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // Longest common subsequence table, from the end.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            writeln!(out, "  {:?}", a[i]).unwrap();
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            writeln!(out, "+ {:?}", b[j]).unwrap();
            j += 1;
        } else {
            writeln!(out, "- {:?}", a[i]).unwrap();
            i += 1;
        }
    }
    out
}

/// Compares an output with its expected file, or writes it when blessing.
fn compare(case: &Case, name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = case.dir.join(name);
    let bless = std::env::var_os("TRAME_BLESS").is_some_and(|v| v == "1");
    if bless {
        let stored = if case.crlf {
            actual.replace("\r\n", "\n")
        } else {
            actual.to_owned()
        };
        if stored.is_empty() && name == "report.txt" {
            let _ = std::fs::remove_file(&path);
        } else {
            std::fs::write(&path, stored).unwrap();
        }
        return;
    }
    let expected = if path.exists() || name != "report.txt" {
        case.read(name)
    } else {
        String::new()
    };
    if expected != actual {
        failures.push(format!(
            "{} differs (- expected, + actual):\n{}",
            path.display(),
            diff(&expected, actual)
        ));
    }
}

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/localize");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn golden_cases() {
    let dirs = case_dirs();
    let names: BTreeSet<String> = dirs
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for required in [
        "round-trip",
        "edit-paragraph",
        "edit-caption-quoted",
        "edit-crlf",
        "fill-heading",
        "fill-list-item",
        "fill-caption",
        "create-skeleton",
        "carry-link",
        "carry-ambiguous",
        "anchors",
    ] {
        assert!(names.contains(required), "missing golden case {required}");
    }
    let mut failures = Vec::new();
    for dir in &dirs {
        let case = Case::load(dir);
        let (text, report) = run(&case);
        if case.crlf {
            assert!(
                !text.replace("\r\n", "").contains('\n'),
                "{}: a bare LF in a CRLF file",
                dir.display()
            );
        }
        compare(&case, "expected.md", &text, &mut failures);
        compare(&case, "report.txt", &report, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_files_are_rewritten_byte_for_byte() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let files = support::markdown_under(&corpus);
    assert!(files.len() >= 236, "expected the whole corpus");
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let text = trame::segment::decode(&bytes).unwrap();
        let (doc, _) = parse(text);
        let written = apply_edits(text, &doc, &[]).unwrap();
        assert!(
            written == text,
            "{}: no edits changed the file",
            path.display()
        );
        let created = create(text, &doc, &|_, s| Some(s.text.clone()));
        assert!(
            created.text == text,
            "{}: identity create changed the file",
            path.display()
        );
        assert!(created.missing.is_empty());
        // Giving every segment its decoded value changes nothing either.
        let values: Vec<Edit> = (0..doc.segments.len())
            .map(|i| Edit {
                segment: i,
                text: segment_value(text, &doc.segments[i]),
            })
            .collect();
        let same = apply_edits(text, &doc, &values).unwrap();
        assert!(
            same == text,
            "{}: current values changed the file",
            path.display()
        );
    }
}

/// A stand-in translation that changes every letter-run but keeps what a
/// translation must keep: link destinations, code, shortcodes, HTML, entities.
fn pseudo_translate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let skips: [(&str, &str); 6] = [
        ("](", ")"),
        ("][", "]"),
        ("`", "`"),
        ("{{", "}}"),
        ("<", ">"),
        ("&", ";"),
    ];
    'outer: while let Some(c) = rest.chars().next() {
        for (open, close) in skips {
            if rest.starts_with(open)
                && let Some(end) = rest[open.len()..].find(close)
            {
                let n = open.len() + end + close.len();
                out.push_str(&rest[..n]);
                rest = &rest[n..];
                continue 'outer;
            }
        }
        out.push(match c {
            'a' => 'à',
            'e' => 'è',
            'o' => 'ò',
            c => c,
        });
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Returns the front-matter keys of a text, by their lines.
fn keys(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut lines = text.lines();
    if lines.next() != Some("---") {
        return out;
    }
    for line in lines.take_while(|l| *l != "---") {
        if let Some((key, _)) = line.split_once(':')
            && !key.trim().is_empty()
            && key
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            out.insert(key.to_owned());
        }
    }
    out
}

#[test]
fn italian_skeleton_of_2023_12_05_keeps_urls_shortcodes_and_keys() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let path = corpus.join("xsf-xmpp.org/content/blog/newsletter/2023-12-05-newsletter.md");
    let english = std::fs::read_to_string(path).unwrap();
    let (en, _) = parse(&english);
    // No translation at all: the English, every prose segment reported
    // missing (code and standalone shortcodes are kept as they are).
    let untranslated = create(&english, &en, &|_, _| None);
    assert_eq!(untranslated.text, english);
    assert_eq!(
        untranslated.missing.len(),
        en.segments.iter().filter(|s| s.kind.is_prose()).count()
    );
    // Every segment "translated": structure and invariants must survive.
    let created = create(&english, &en, &|_, s| {
        Some(pseudo_translate(&segment_value(&english, s)))
    });
    assert!(created.missing.is_empty());
    assert_ne!(created.text, english);
    let (it, _) = parse(&created.text);
    assert_eq!(it.segments.len(), en.segments.len());
    let skipped = |doc: &Document, text: &str| -> Vec<String> {
        doc.skipped
            .iter()
            .map(|s| text[s.bytes.clone()].to_owned())
            .collect()
    };
    assert_eq!(skipped(&it, &created.text), skipped(&en, &english));
    for (a, b) in en.segments.iter().zip(&it.segments) {
        assert_eq!(a.kind, b.kind);
        assert_eq!(a.key, b.key);
        assert_eq!(a.invariants.urls, b.invariants.urls, "{:?}", b.text);
        assert_eq!(
            a.invariants.shortcodes, b.invariants.shortcodes,
            "{:?}",
            b.text
        );
        assert_eq!(a.invariants.code, b.invariants.code, "{:?}", b.text);
        assert_eq!(a.invariants.numbers, b.invariants.numbers, "{:?}", b.text);
    }
    assert_eq!(keys(&created.text), keys(&english));
    assert!(keys(&english).contains("title") && keys(&english).contains("date"));
    let srcs = |text: &str| -> Vec<String> {
        text.match_indices("src=\"")
            .map(|(i, _)| text[i..].split('"').nth(1).unwrap_or("").to_owned())
            .collect()
    };
    assert!(!srcs(&english).is_empty());
    assert_eq!(srcs(&created.text), srcs(&english));
    assert!(
        en.segments
            .iter()
            .any(|s| s.kind == SegmentKind::ShortcodeParam)
    );
}

/// Returns the length of the common start of two byte sequences.
fn common_len(a: impl Iterator<Item = u8>, b: impl Iterator<Item = u8>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// Returns the corpus translation pairs: `(english, translation)` paths.
fn corpus_pairs(corpus: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for path in support::markdown_under(corpus) {
        let s = path.to_string_lossy().into_owned();
        if s.contains("/_history/") {
            continue;
        }
        for lang in ["fr", "it"] {
            let translation = if s.contains("/content/en/") {
                PathBuf::from(s.replace("/content/en/", &format!("/content/{lang}/")))
            } else if s.ends_with("-newsletter.md") {
                PathBuf::from(s.replace(".md", &format!(".{lang}.md")))
            } else {
                continue;
            };
            if translation.exists() {
                out.push((path.clone(), translation));
            }
        }
    }
    out
}

#[test]
fn corpus_fills_land_as_new_segments() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let pairs = corpus_pairs(&corpus);
    assert!(pairs.len() >= 100, "found {} pairs", pairs.len());
    let mut n_fills = 0;
    let mut failures = Vec::new();
    for (en_path, tr_path) in &pairs {
        let english = std::fs::read_to_string(en_path).unwrap();
        let translation = std::fs::read_to_string(tr_path).unwrap();
        let (s, _) = parse(&english);
        let (t, _) = parse(&translation);
        let alignment = align(&s, &t);
        for row in alignment.rows.iter().filter(|r| r.target.is_empty()) {
            for m in row.source.clone() {
                let value = pseudo_translate(&segment_value(&english, &s.segments[m]));
                let out = fill(&english, &s, &translation, &t, &alignment, m, &value).unwrap();
                n_fills += 1;
                let (again, _) = parse(&out);
                let kind = s.segments[m].kind;
                // Continuation lines may get the block's indentation.
                let present = again.segments.iter().any(|x| {
                    x.kind == kind && normalize(&segment_value(&out, x)) == normalize(&value)
                });
                // One insertion: the old text is the new one's prefix and suffix.
                let prefix = common_len(translation.bytes(), out.bytes());
                let suffix = common_len(translation.bytes().rev(), out.bytes().rev());
                let kept =
                    prefix + suffix >= translation.len() && again.segments.len() > t.segments.len();
                if !present || !kept {
                    failures.push(format!(
                        "{} segment {m} ({kind:?} {:?}): present {present}, kept {kept}",
                        tr_path.display(),
                        short(&s.segments[m].text)
                    ));
                }
            }
        }
    }
    assert!(n_fills > 50, "only {n_fills} fills");
    assert!(
        failures.is_empty(),
        "{} of {n_fills} fills failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
