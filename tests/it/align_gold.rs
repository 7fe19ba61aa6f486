//! The aligner scored against hand-made gold alignments of corpus pairs
//! (`tests/data/align/*.tsv`, see its README): precision and recall of links.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use trame::segment::Document;

use crate::support;

struct Gold {
    name: String,
    source: String,
    target: String,
    /// Rows of segment ids (`line` or `line.k`) per side.
    rows: Vec<(Vec<String>, Vec<String>)>,
}

fn load_gold() -> Vec<Gold> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/align");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
    {
        let text = std::fs::read_to_string(&path).unwrap();
        let (mut source, mut target, mut rows) = (String::new(), String::new(), Vec::new());
        for line in text.lines() {
            if let Some(s) = line.strip_prefix("# source: ") {
                source = s.trim().to_owned();
            } else if let Some(t) = line.strip_prefix("# target: ") {
                target = t.trim().to_owned();
            } else if !line.starts_with('#') && !line.trim().is_empty() {
                let (a, b) = line
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{}: bad row {line:?}", path.display()));
                let ids = |s: &str| -> Vec<String> {
                    if s.trim() == "-" {
                        vec![]
                    } else {
                        s.split(',').map(|x| x.trim().to_owned()).collect()
                    }
                };
                rows.push((ids(a), ids(b.split('\t').next().unwrap_or(""))));
            }
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push(Gold {
            name,
            source,
            target,
            rows,
        });
    }
    out
}

/// Maps segment ids (`line`, or `line.k` for the k-th segment on a line) to indices.
fn ids(doc: &Document) -> HashMap<String, usize> {
    let mut per_line: HashMap<u32, usize> = HashMap::new();
    let mut out = HashMap::new();
    for (i, s) in doc.segments.iter().enumerate() {
        let k = per_line.entry(s.lines.0).or_insert(0);
        *k += 1;
        out.insert(format!("{}.{}", s.lines.0, k), i);
        if *k == 1 {
            out.insert(s.lines.0.to_string(), i);
        }
    }
    out
}

fn parse(path: &Path) -> Document {
    trame::segment::parse(&std::fs::read_to_string(path).unwrap()).0
}

#[test]
fn gold_alignments_score_f1_at_least_0_97() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let gold = load_gold();
    assert!(gold.len() >= 6, "expected at least six gold pairs");
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    let mut failures = Vec::new();
    for g in &gold {
        let (s, t) = (
            parse(&corpus.join(&g.source)),
            parse(&corpus.join(&g.target)),
        );
        let (sid, tid) = (ids(&s), ids(&t));
        let idx = |map: &HashMap<String, usize>, id: &String| {
            *map.get(id)
                .unwrap_or_else(|| panic!("{}: no segment {id}", g.name))
        };
        let mut gold_links = BTreeSet::new();
        let mut dropped = BTreeSet::new();
        for (a, b) in &g.rows {
            for x in a {
                if b.is_empty() {
                    dropped.insert(idx(&sid, x));
                }
                for y in b {
                    gold_links.insert((idx(&sid, x), idx(&tid, y)));
                }
            }
        }
        let alignment = trame::align::align(&s, &t);
        let mut links = BTreeSet::new();
        let mut unmatched = BTreeSet::new();
        for row in &alignment.rows {
            if row.target.is_empty() {
                unmatched.extend(row.source.clone());
            }
            links.extend(row.links());
        }
        let hit = links.intersection(&gold_links).count();
        report.push_str(&format!(
            "{}: precision {:.3} recall {:.3} ({} gold links)\n",
            g.name,
            hit as f64 / links.len().max(1) as f64,
            hit as f64 / gold_links.len().max(1) as f64,
            gold_links.len()
        ));
        for (i, j) in links.symmetric_difference(&gold_links) {
            let side = if links.contains(&(*i, *j)) {
                "extra"
            } else {
                "missed"
            };
            report.push_str(&format!(
                "  {side}: {} {:?} <-> {} {:?}\n",
                s.segments[*i].lines.0,
                s.segments[*i].text.chars().take(40).collect::<String>(),
                t.segments[*j].lines.0,
                t.segments[*j].text.chars().take(40).collect::<String>()
            ));
        }
        let not_reported: Vec<_> = dropped
            .difference(&unmatched)
            .map(|i| s.segments[*i].lines.0)
            .collect();
        if !not_reported.is_empty() {
            failures.push(format!(
                "{}: dropped source segments not reported unmatched: lines {not_reported:?}",
                g.name
            ));
        }
        tp += hit;
        n_pred += links.len();
        n_gold += gold_links.len();
    }
    let precision = tp as f64 / n_pred.max(1) as f64;
    let recall = tp as f64 / n_gold.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    eprintln!("{report}overall: precision {precision:.3} recall {recall:.3} F1 {f1:.3}");
    assert!(f1 >= 0.97, "F1 {f1:.3} below 0.97\n{report}");
    assert!(failures.is_empty(), "{failures:#?}");
}
