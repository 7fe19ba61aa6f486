//! The hand-classified precision sample of `trame check` (issue 16):
//! `tests/data/check-sample.tsv` holds every finding `trame check` reported
//! on the two corpus sites when it was written, each judged by reading the
//! English page and the translation at the cited place: `true` when a careful
//! reviewer would want to be told, `false` when the translation is fine and
//! the tool is wrong. The verdicts were written by reading the texts, never
//! tuned to trame's output.
//!
//! The test runs `trame check --format json` in each site, matches each
//! sampled row to a finding still reported, and prints the share of true
//! verdicts for errors and for warnings (severity as reported now), plus the
//! false findings still reported
//! (`cargo test --test it check_sample -- --nocapture`).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::{self, render, trame};

// Today's figures, rounded down: a change that lowers one fails. The targets
// of issue 16 are 0.9 for errors and 0.7 for warnings.
const ERROR_FLOOR: f64 = 0.90;
const WARNING_FLOOR: f64 = 0.85;
/// Share of the sampled rows that must still be reported, so the shares
/// cannot be kept up by reporting nothing.
const REPORTED_FLOOR: f64 = 0.6;

const SITES: [&str; 2] = ["cncf-glossary", "xsf-xmpp.org"];
const HEADER: &str = "site\tfile\tlang\trule\tline\tvalue\tseverity\tverdict\twhy";

struct Row {
    site: String,
    file: String,
    lang: String,
    rule: String,
    line: u64,
    value: String,
    verdict: bool,
    why: String,
}

struct Finding {
    site: String,
    file: String,
    lang: String,
    rule: String,
    line: u64,
    value: String,
    severity: String,
}

/// (site, file, lang, rule, value): a finding's identity without its line.
type Key = (String, String, String, String, String);

fn row_key(r: &Row) -> Key {
    (
        r.site.clone(),
        r.file.clone(),
        r.lang.clone(),
        r.rule.clone(),
        r.value.clone(),
    )
}

fn finding_key(f: &Finding) -> Key {
    (
        f.site.clone(),
        f.file.clone(),
        f.lang.clone(),
        f.rule.clone(),
        f.value.clone(),
    )
}

fn read_sample() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/check-sample.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER), "{}: header", path.display());
    lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 9, "{}:{}: 9 columns", path.display(), i + 2);
            assert!(SITES.contains(&f[0]), "{}:{}: site", path.display(), i + 2);
            assert!(
                f[6] == "error" || f[6] == "warning",
                "{}:{}: severity",
                path.display(),
                i + 2
            );
            assert!(
                f[7] == "true" || f[7] == "false",
                "{}:{}: verdict",
                path.display(),
                i + 2
            );
            assert!(!f[8].trim().is_empty(), "{}:{}: why", path.display(), i + 2);
            Row {
                site: f[0].to_owned(),
                file: f[1].to_owned(),
                lang: f[2].to_owned(),
                rule: f[3].to_owned(),
                line: f[4].parse().unwrap(),
                value: f[5].to_owned(),
                verdict: f[7] == "true",
                why: f[8].to_owned(),
            }
        })
        .collect()
}

fn findings(corpus: &Path, site: &str) -> Vec<Finding> {
    let out = trame(&["check", "--format", "json"], &corpus.join(site), &[]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{site}: {}",
        render(&out)
    );
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{site}: {e}: {}", render(&out)));
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Finding {
            site: site.to_owned(),
            file: text(f, "file"),
            lang: text(f, "lang"),
            rule: text(f, "rule"),
            line: f["line"].as_u64().unwrap(),
            value: text(f, "value"),
            severity: text(f, "severity"),
        })
        .collect()
}

/// Pairs each sampled row with a distinct finding: first same line, then the
/// same (site, file, lang, rule, value) at the nearest other line. Returns,
/// per row, the index of its finding.
fn pair(sample: &[Row], found: &[Finding]) -> Vec<Option<usize>> {
    let mut free: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        free.entry(finding_key(f)).or_default().push(i);
    }
    let mut paired = vec![None; sample.len()];
    for (r, row) in sample.iter().enumerate() {
        if let Some(list) = free.get_mut(&row_key(row))
            && let Some(p) = list.iter().position(|&i| found[i].line == row.line)
        {
            paired[r] = Some(list.remove(p));
        }
    }
    for (r, row) in sample.iter().enumerate() {
        if paired[r].is_some() {
            continue;
        }
        if let Some(list) = free.get_mut(&row_key(row))
            && let Some(p) = (0..list.len()).min_by_key(|&p| found[list[p]].line.abs_diff(row.line))
        {
            paired[r] = Some(list.remove(p));
        }
    }
    paired
}

#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, verdict: bool) {
        self.total += 1;
        if verdict {
            self.right += 1;
        }
    }
    fn share(self) -> Option<f64> {
        (self.total > 0).then(|| self.right as f64 / self.total as f64)
    }
    fn show(self) -> String {
        match self.share() {
            Some(s) => format!("{s:.3} ({}/{})", self.right, self.total),
            None => "n/a (0 reported)".to_owned(),
        }
    }
}

#[test]
fn check_sample_precision() {
    let sample = read_sample();
    assert!(sample.len() >= 150, "{} sampled rows", sample.len());
    let Some(corpus) = support::corpus() else {
        eprintln!("SKIPPED: check precision sample (no corpus)");
        return;
    };
    let found: Vec<Finding> = SITES
        .iter()
        .flat_map(|site| findings(&corpus, site))
        .collect();
    let paired = pair(&sample, &found);

    let mut by_severity: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_rule: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut false_lines = Vec::new();
    let mut reported = 0;
    let mut moved = 0;
    for (row, p) in sample.iter().zip(&paired) {
        let Some(i) = *p else { continue };
        let f = &found[i];
        reported += 1;
        if f.line != row.line {
            moved += 1;
        }
        by_severity
            .entry(f.severity.as_str())
            .or_default()
            .add(row.verdict);
        by_rule
            .entry((f.rule.as_str(), f.severity.as_str()))
            .or_default()
            .add(row.verdict);
        if !row.verdict {
            false_lines.push(format!(
                "  {} {}:{} {} {} - {}",
                row.site, f.file, f.line, f.rule, row.value, row.why
            ));
        }
    }
    let unsampled = found.len() - paired.iter().flatten().count();
    let errors = by_severity.get("error").copied().unwrap_or_default();
    let warnings = by_severity.get("warning").copied().unwrap_or_default();

    println!(
        "check precision sample (issue 16): {} sampled rows",
        sample.len()
    );
    println!(
        "  still reported: {reported} ({moved} at another line); not reported any more: {}",
        sample.len() - reported
    );
    println!("  findings reported now but not in the sample: {unsampled}");
    println!("  errors:   true share {}", errors.show());
    println!("  warnings: true share {}", warnings.show());
    println!("  by rule (severity now):");
    for ((rule, severity), t) in &by_rule {
        println!("    {rule:<13} {severity:<8} {}", t.show());
    }
    println!("  false findings still reported ({}):", false_lines.len());
    for l in &false_lines {
        println!("{l}");
    }

    assert!(
        reported as f64 >= REPORTED_FLOOR * sample.len() as f64,
        "only {reported} of {} sampled rows are still reported (floor {REPORTED_FLOOR})",
        sample.len()
    );
    if let Some(s) = errors.share() {
        assert!(
            s >= ERROR_FLOOR,
            "errors: true share {} below {ERROR_FLOOR}",
            errors.show()
        );
    }
    if let Some(s) = warnings.share() {
        assert!(
            s >= WARNING_FLOOR,
            "warnings: true share {} below {WARNING_FLOOR}",
            warnings.show()
        );
    }
}
