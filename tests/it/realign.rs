//! Alignment corrections (`.trame-align`) end to end: `trame align` and the
//! staleness report use them, an edited translation lets them lapse, and a
//! broken file is an error naming its line.

use std::path::Path;

use serde_json::Value;

use crate::support::{TestRepo, render, trame};

const EN: &str = "# News\n\nThe sprint is in [Lyon](https://loom.example/lyon) this year.\n\nBring a laptop and a charger.\n\nThanks for reading!\n";
const FR: &str = "# Nouvelles\n\nLe sprint a lieu à [Lyon](https://loom.example/lyon) cette année, apportez un portable.\n\nEt un chargeur.\n\nMerci de votre lecture !\n";

/// The fingerprint of segment `k` of a text, as `trame segments` shows it.
fn fp(text: &str, k: usize) -> String {
    trame::segment::parse(text).0.segments[k]
        .fingerprint()
        .to_string()
}

/// Rows of `trame align --format json` as (source start lines, target start lines).
fn align_rows(dir: &Path) -> Vec<(Vec<u64>, Vec<u64>)> {
    let out = trame(&["align", "--format", "json", "a.md", "a.fr.md"], dir, &[]);
    assert!(out.status.success(), "{}", render(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let starts = |v: &Value| -> Vec<u64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| l[0].as_u64().unwrap())
            .collect()
    };
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (starts(&r["source_lines"]), starts(&r["target_lines"])))
        .collect()
}

/// The translator's correction: English lines 3 and 5 are French line 3,
/// and French line 5 has no English of its own.
fn corrections() -> String {
    format!(
        "# trame alignment corrections, format 1. One record per line:\n\
         # page\tlang\tsource fingerprints\ttarget fingerprints\n\
         a.md\tfr\t{},{}\t{}\n\
         a.md\tfr\t-\t{}\n",
        fp(EN, 1),
        fp(EN, 2),
        fp(FR, 1),
        fp(FR, 2)
    )
}

#[test]
fn trame_align_follows_the_recorded_corrections() {
    let mut r = TestRepo::new();
    r.write("a.md", EN);
    r.write("a.fr.md", FR);
    r.commit("English and French");
    let automatic = align_rows(r.path());
    assert!(
        automatic.contains(&(vec![5], vec![5])),
        "the automatic alignment pairs the charger lines: {automatic:?}"
    );
    r.write(".trame-align", &corrections());
    let corrected = align_rows(r.path());
    assert_eq!(
        corrected,
        [
            (vec![1], vec![1]),
            (vec![3, 5], vec![3]),
            (vec![], vec![5]),
            (vec![7], vec![7])
        ]
    );
    // Italian is another language: the French corrections do not apply.
    r.write("a.it.md", "# Notizie\n\nLo sprint è a [Lione](https://loom.example/lyon).\n\nPortate un portatile.\n\nGrazie!\n");
    let out = trame(
        &["align", "--format", "json", "a.md", "a.it.md"],
        r.path(),
        &[],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 4, "{json}");
    // The staleness report (stale, status, check, the interface) uses them too.
    r.commit("corrections");
    let (docs, _) = r.staleness(Some("fr"));
    let rows: Vec<_> = docs[0]
        .alignment
        .rows
        .iter()
        .map(|row| (row.source.clone(), row.target.clone(), row.score))
        .collect();
    assert_eq!(
        rows,
        [
            (0..1, 0..1, rows[0].2),
            (1..3, 1..2, 1.0),
            (3..3, 2..3, 1.0),
            (3..4, 3..4, rows[3].2)
        ]
    );
    let out = trame(&["stale", "--all", "--format", "json", "."], r.path(), &[]);
    assert!(out.status.success(), "{}", render(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fr = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["lang"] == "fr")
        .unwrap();
    let laptop = fr["segments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source_lines"] == serde_json::json!([5, 5]))
        .unwrap();
    assert_eq!(laptop["target_lines"], serde_json::json!([3, 3]), "{fr}");
}

#[test]
fn an_edited_translation_lets_its_correction_lapse() {
    let r = TestRepo::new();
    r.write("a.md", EN);
    r.write("a.fr.md", FR);
    r.write(".trame-align", &corrections());
    let edited = FR.replace("Et un chargeur.", "Et aussi un chargeur.");
    r.write("a.fr.md", &edited);
    let rows = align_rows(r.path());
    // The join's French side still resolves; the one-sided row's does not.
    assert!(rows.contains(&(vec![3, 5], vec![3])), "{rows:?}");
    assert!(
        !rows.iter().any(|(s, t)| s.is_empty() && t == &[5]),
        "{rows:?}"
    );
    r.write("a.fr.md", &FR.replace("cette année", "cet été"));
    let rows = align_rows(r.path());
    assert!(!rows.contains(&(vec![3, 5], vec![3])), "{rows:?}");
}

#[test]
fn a_broken_corrections_file_is_an_error_naming_its_line() {
    let r = TestRepo::new();
    r.write("a.md", EN);
    r.write("a.fr.md", FR);
    r.write(
        ".trame-align",
        "# trame alignment corrections, format 1.\na.md\tfr\tnot-a-fingerprint\t-\n",
    );
    let out = trame(&["align", "a.md", "a.fr.md"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", render(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".trame-align:2:"), "{stderr}");
    let out = trame(&["stale", "."], r.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", render(&out));
}
