//! `trame align` end to end: the JSON contract, the corpus acceptance case and
//! the sample issues aligned as their authors intended.

use std::path::Path;

use serde_json::Value;

use crate::support::{self, render, trame};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn align_json(source: &Path, target: &Path, cwd: &Path) -> Value {
    let out = trame(
        &[
            "align",
            "--format",
            "json",
            source.to_str().unwrap(),
            target.to_str().unwrap(),
        ],
        cwd,
        &[],
    );
    assert!(out.status.success(), "{}", render(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Returns the row pairing the segment starting at `source_line`, as
/// (source start lines, target start lines).
fn row_of(json: &Value, source_line: u64) -> (Vec<u64>, Vec<u64>) {
    let starts = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_u64().unwrap())
            .collect::<Vec<_>>()
    };
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (starts(&r["source_lines"]), starts(&r["target_lines"])))
        .find(|(s, _)| s.contains(&source_line))
        .unwrap_or_else(|| panic!("no row holds source line {source_line}"))
}

/// Checks the contract: every segment of both files in exactly one row, in order.
#[track_caller]
fn assert_contract(json: &Value, source: &Path, target: &Path) {
    for (side, path) in [("source_lines", source), ("target_lines", target)] {
        let (doc, _) = trame::segment::parse(&std::fs::read_to_string(path).unwrap());
        let expected: Vec<[u64; 2]> = doc
            .segments
            .iter()
            .map(|s| [u64::from(s.lines.0), u64::from(s.lines.1)])
            .collect();
        let listed: Vec<[u64; 2]> = json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| {
                r[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| [l[0].as_u64().unwrap(), l[1].as_u64().unwrap()])
            })
            .collect();
        assert_eq!(listed, expected, "{side} of {}", path.display());
    }
    for row in json["rows"].as_array().unwrap() {
        let score = row["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        let n = row["source_lines"].as_array().unwrap().len()
            + row["target_lines"].as_array().unwrap().len();
        assert_eq!(row["kinds"].as_array().unwrap().len(), n);
    }
}

#[test]
fn corpus_2024_07_05_italian_pairs_moved_figures_and_relevelled_headings() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let dir = corpus.join("xsf-xmpp.org/content/blog/newsletter");
    let (en, it) = (
        dir.join("2024-07-05-newsletter.md"),
        dir.join("2024-07-05-newsletter.it.md"),
    );
    let json = align_json(&en, &it, &corpus);
    assert_contract(&json, &en, &it);
    // The Gajim and ejabberd figures left their list items in Italian.
    assert_eq!(row_of(&json, 54), (vec![54], vec![62]));
    assert_eq!(row_of(&json, 63), (vec![63], vec![78]));
    // `### XMPP and Google Summer of Code 2024` became `# XMPP e Google ...`,
    // `## XMPP Software News` and `### XMPP Clients...` became `#` and `##`.
    assert_eq!(row_of(&json, 12), (vec![12], vec![11]));
    assert_eq!(row_of(&json, 48), (vec![48], vec![52]));
    assert_eq!(row_of(&json, 50), (vec![50], vec![54]));
}

#[test]
fn sample_issues_align_as_intended() {
    let issues = root().join("issues");
    let pair = |name: &str, lang: &str| {
        let (en, tr) = (
            issues.join(format!("{name}.md")),
            issues.join(format!("{name}.{lang}.md")),
        );
        let json = align_json(&en, &tr, root());
        assert_contract(&json, &en, &tr);
        json
    };
    // French August: one paragraph split in two.
    let fr = pair("2026-09-05-newsletter", "fr");
    assert_eq!(row_of(&fr, 16), (vec![16], vec![16, 19]));
    assert_eq!(
        row_of(&fr, 100),
        (vec![100], vec![101]),
        "heading left in English"
    );
    // Italian August: the Extensions section (lines 72-88) is dropped.
    let it = pair("2026-09-05-newsletter", "it");
    for line in [72, 74, 77, 79, 80, 82, 84, 86, 87] {
        assert_eq!(
            row_of(&it, line),
            (vec![line], vec![]),
            "line {line} should be unmatched"
        );
    }
    assert_eq!(row_of(&it, 89), (vec![89], vec![72]));
    // French September: two paragraphs merged into one.
    let fr = pair("2026-10-05-newsletter", "fr");
    assert_eq!(row_of(&fr, 16), (vec![16, 18], vec![16]));
    // Italian September: the figure moved after the next item (a crossed
    // row), a heading re-levelled, one left in English.
    let it = pair("2026-10-05-newsletter", "it");
    let crossed = it["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["crossed"].is_array())
        .expect("a crossed row");
    assert_eq!(
        crossed["source_lines"],
        serde_json::json!([[46, 46], [47, 47]])
    );
    assert_eq!(
        crossed["target_lines"],
        serde_json::json!([[45, 45], [47, 47]])
    );
    assert_eq!(row_of(&it, 49), (vec![49], vec![49]));
    assert_eq!(row_of(&it, 73), (vec![73], vec![73]));
}

#[test]
fn text_output_shows_both_sides() {
    let out = trame(
        &[
            "align",
            "issues/2026-09-05-newsletter.md",
            "issues/2026-09-05-newsletter.it.md",
        ],
        root(),
        &[],
    );
    insta::assert_snapshot!(render(&out));
}
