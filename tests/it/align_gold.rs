//! The aligner scored against hand-made gold alignments of corpus pairs
//! (`tests/data/align/*.tsv`, see its README).
//!
//! Printed per pair and overall: precision, recall and F1 of links, the worst
//! pair's F1, the share of gold-dropped source blocks (rows `N -`) that trame
//! leaves unpaired and the same for target-only blocks (rows `- N`); then the
//! calibration of `Row::score`: rows per score band with how many are wrong,
//! the share of wrong rows flagged by `Row::needs_review()` and the share of
//! all rows flagged. Issue 15's targets are printed beside each figure.
//!
//! The aligner does not meet those targets yet, so the test asserts a ratchet:
//! today's figures rounded down to two decimals, so any regression fails.
//! Raise the constants when the aligner improves. The share of rows flagged
//! is the exception: it is held under issue 15's own bound (10%), not under
//! today's 8.0%, because flagging more of the rows is how the share of wrong
//! rows flagged has to rise; a ceiling at today's value would block that.
//!
//! The older check "dropped source segments are reported unmatched" is kept,
//! strictly, for the six original pairs only (`STRICT_PAIRS`): trame passes
//! it there today and a regression on those easy pairs should name the lines.
//! On the harder pairs it cannot hold yet, so there it becomes the printed
//! share of gold-dropped blocks left unpaired, which has a floor over all
//! pairs; a per-pair check would only be a second copy of that floor.
//!
//! Every gold file is also checked for consistency: each segment of both
//! files appears in exactly one row.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use trame::align::Row;
use trame::segment::Document;

use crate::support;

/// Ratchet floors (today's figures rounded down to two decimals).
const F1_FLOOR: f64 = 0.97;
const WORST_F1_FLOOR: f64 = 0.80;
const DROPPED_UNPAIRED_FLOOR: f64 = 0.82;
const TARGET_ONLY_UNPAIRED_FLOOR: f64 = 0.46;
const WRONG_FLAGGED_FLOOR: f64 = 0.66;
/// Ceiling on the share of rows flagged: issue 15's bound (today: 0.080).
const FLAGGED_CEILING: f64 = FLAGGED_TARGET;

/// Issue 15's targets, printed beside the figures.
const F1_TARGET: f64 = 0.99;
const WORST_F1_TARGET: f64 = 0.95;
const UNPAIRED_TARGET: f64 = 0.95;
const WRONG_FLAGGED_TARGET: f64 = 0.90;
const FLAGGED_TARGET: f64 = 0.10;

/// The six pairs of the first gold set, where every gold-dropped source
/// segment must be reported unmatched.
const STRICT_PAIRS: [&str; 6] = [
    "gl-observability-it",
    "gl-service-mesh-fr",
    "gl-service-mesh-it",
    "nl-2023-10-05-fr",
    "nl-2024-07-05-it",
    "nl-2024-10-05-it",
];

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

/// A share as `hit/total = 0.xx`, or `n/a` when there is nothing to count.
fn share(hit: usize, total: usize) -> String {
    if total == 0 {
        "n/a".to_owned()
    } else {
        format!("{hit}/{total} = {:.3}", hit as f64 / total as f64)
    }
}

fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

fn f1(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    let precision = ratio(tp, n_pred);
    let recall = ratio(tp, n_gold);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    (precision, recall, f1)
}

/// Counts of one pair or of all pairs.
#[derive(Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
    dropped: usize,
    dropped_unpaired: usize,
    target_only: usize,
    target_only_unpaired: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
        self.dropped += o.dropped;
        self.dropped_unpaired += o.dropped_unpaired;
        self.target_only += o.target_only;
        self.target_only_unpaired += o.target_only_unpaired;
    }

    fn line(&self) -> String {
        let (p, r, f) = f1(self.tp, self.pred, self.gold);
        format!(
            "precision {p:.3} recall {r:.3} F1 {f:.3} ({} gold links); \
             dropped left unpaired {}; target-only left unpaired {}",
            self.gold,
            share(self.dropped_unpaired, self.dropped),
            share(self.target_only_unpaired, self.target_only)
        )
    }
}

/// Rows per score band: `[0, 0.2)`, ..., `[0.8, 1.0]`.
#[derive(Default)]
struct Calibration {
    rows: [usize; 5],
    wrong: [usize; 5],
    flagged: [usize; 5],
    wrong_flagged: usize,
}

impl Calibration {
    fn add(&mut self, row: &Row, wrong: bool) {
        let band = ((row.score * 5.0).floor().max(0.0) as usize).min(4);
        self.rows[band] += 1;
        if wrong {
            self.wrong[band] += 1;
        }
        if row.needs_review() {
            self.flagged[band] += 1;
            if wrong {
                self.wrong_flagged += 1;
            }
        }
    }

    fn total(v: &[usize; 5]) -> usize {
        v.iter().sum()
    }
}

#[test]
fn gold_alignments_score_and_calibration() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let gold = load_gold();
    assert!(gold.len() >= 15, "expected at least fifteen gold pairs");
    let mut total = Counts::default();
    let mut calibration = Calibration::default();
    let mut per_pair = Vec::new();
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
        // Consistency: every segment of both files in exactly one row.
        let (mut seen_s, mut seen_t) = (vec![0; s.segments.len()], vec![0; t.segments.len()]);
        let mut gold_links = BTreeSet::new();
        let (mut dropped, mut target_only) = (BTreeSet::new(), BTreeSet::new());
        for (a, b) in &g.rows {
            for x in a {
                seen_s[idx(&sid, x)] += 1;
                if b.is_empty() {
                    dropped.insert(idx(&sid, x));
                }
                for y in b {
                    gold_links.insert((idx(&sid, x), idx(&tid, y)));
                }
            }
            for y in b {
                seen_t[idx(&tid, y)] += 1;
                if a.is_empty() {
                    target_only.insert(idx(&tid, y));
                }
            }
        }
        for (side, seen, doc) in [("source", &seen_s, &s), ("target", &seen_t, &t)] {
            for (i, n) in seen.iter().enumerate() {
                assert_eq!(
                    *n, 1,
                    "{}: {side} segment at line {} is in {n} rows (must be exactly one)",
                    g.name, doc.segments[i].lines.0
                );
            }
        }
        let gold_source: BTreeSet<usize> = gold_links.iter().map(|l| l.0).collect();
        let gold_target: BTreeSet<usize> = gold_links.iter().map(|l| l.1).collect();

        let alignment = trame::align::align(&s, &t);
        let mut wrong_rows = Vec::new();
        let mut links = BTreeSet::new();
        let (mut unmatched_s, mut unmatched_t) = (BTreeSet::new(), BTreeSet::new());
        for row in &alignment.rows {
            let row_links = row.links();
            let wrong = if let Some(k) = row.moved {
                // A moved block: its one link, whichever side it is read from.
                let link = if row.target.is_empty() {
                    (row.source.start, k)
                } else {
                    (k, row.target.start)
                };
                !gold_links.contains(&link)
            } else if row.target.is_empty() {
                unmatched_s.extend(row.source.clone());
                row.source.clone().any(|i| gold_source.contains(&i))
            } else if row.source.is_empty() {
                unmatched_t.extend(row.target.clone());
                row.target.clone().any(|j| gold_target.contains(&j))
            } else {
                row_links.iter().any(|l| !gold_links.contains(l))
            };
            calibration.add(row, wrong);
            if wrong {
                let lines = |doc: &Document, r: &std::ops::Range<usize>| -> Vec<u32> {
                    r.clone().map(|i| doc.segments[i].lines.0).collect()
                };
                wrong_rows.push(format!(
                    "  wrong row, score {:.2}{}: source {:?} target {:?}",
                    row.score,
                    if row.needs_review() { " (flagged)" } else { "" },
                    lines(&s, &row.source),
                    lines(&t, &row.target)
                ));
            }
            links.extend(row_links);
        }
        let counts = Counts {
            tp: links.intersection(&gold_links).count(),
            pred: links.len(),
            gold: gold_links.len(),
            dropped: dropped.len(),
            dropped_unpaired: dropped.intersection(&unmatched_s).count(),
            target_only: target_only.len(),
            target_only_unpaired: target_only.intersection(&unmatched_t).count(),
        };
        let _ = writeln!(report, "{}: {}", g.name, counts.line());
        for (i, j) in links.symmetric_difference(&gold_links) {
            let side = if links.contains(&(*i, *j)) {
                "extra"
            } else {
                "missed"
            };
            let _ = writeln!(
                report,
                "  {side}: {} {:?} <-> {} {:?}",
                s.segments[*i].lines.0,
                s.segments[*i].text.chars().take(40).collect::<String>(),
                t.segments[*j].lines.0,
                t.segments[*j].text.chars().take(40).collect::<String>()
            );
        }
        for w in &wrong_rows {
            let _ = writeln!(report, "{w}");
        }
        if STRICT_PAIRS.contains(&g.name.as_str()) {
            let not_reported: Vec<_> = dropped
                .difference(&unmatched_s)
                .map(|i| s.segments[*i].lines.0)
                .collect();
            if !not_reported.is_empty() {
                failures.push(format!(
                    "{}: dropped source segments not reported unmatched: lines {not_reported:?}",
                    g.name
                ));
            }
        }
        per_pair.push((g.name.clone(), f1(counts.tp, counts.pred, counts.gold).2));
        total.add(&counts);
    }

    let (_, _, f1_all) = f1(total.tp, total.pred, total.gold);
    let (worst_name, worst_f1) = per_pair
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap();
    let dropped_unpaired = ratio(total.dropped_unpaired, total.dropped);
    let target_only_unpaired = ratio(total.target_only_unpaired, total.target_only);
    let _ = writeln!(report, "overall: {}", total.line());
    let _ = writeln!(
        report,
        "F1 {f1_all:.3} (target >= {F1_TARGET}); worst pair {worst_name} F1 {worst_f1:.3} \
         (target >= {WORST_F1_TARGET}); dropped left unpaired {dropped_unpaired:.3}, \
         target-only left unpaired {target_only_unpaired:.3} (target >= {UNPAIRED_TARGET} each)"
    );

    let c = &calibration;
    let _ = writeln!(
        report,
        "calibration (score band: rows, wrong, flagged for review):"
    );
    for band in 0..5 {
        let _ = writeln!(
            report,
            "  {:.1}-{:.1}: {:4} rows {:4} wrong {:4} flagged",
            band as f64 * 0.2,
            (band + 1) as f64 * 0.2,
            c.rows[band],
            c.wrong[band],
            c.flagged[band]
        );
    }
    let (n_rows, n_wrong, n_flagged) = (
        Calibration::total(&c.rows),
        Calibration::total(&c.wrong),
        Calibration::total(&c.flagged),
    );
    let wrong_flagged = ratio(c.wrong_flagged, n_wrong);
    let flagged = ratio(n_flagged, n_rows);
    let _ = writeln!(
        report,
        "  wrong rows flagged {} (target >= {WRONG_FLAGGED_TARGET}); \
         rows flagged {} (target <= {FLAGGED_TARGET}); threshold {}",
        share(c.wrong_flagged, n_wrong),
        share(n_flagged, n_rows),
        trame::align::REVIEW_THRESHOLD
    );
    eprintln!("{report}");

    assert!(f1_all >= F1_FLOOR, "F1 {f1_all:.3} below {F1_FLOOR}");
    assert!(
        worst_f1 >= WORST_F1_FLOOR,
        "worst pair {worst_name} F1 {worst_f1:.3} below {WORST_F1_FLOOR}"
    );
    assert!(
        dropped_unpaired >= DROPPED_UNPAIRED_FLOOR,
        "dropped blocks left unpaired {dropped_unpaired:.3} below {DROPPED_UNPAIRED_FLOOR}"
    );
    assert!(
        target_only_unpaired >= TARGET_ONLY_UNPAIRED_FLOOR,
        "target-only blocks left unpaired {target_only_unpaired:.3} below {TARGET_ONLY_UNPAIRED_FLOOR}"
    );
    assert!(
        wrong_flagged >= WRONG_FLAGGED_FLOOR,
        "wrong rows flagged {wrong_flagged:.3} below {WRONG_FLAGGED_FLOOR}"
    );
    assert!(
        flagged <= FLAGGED_CEILING,
        "rows flagged {flagged:.3} above {FLAGGED_CEILING}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
