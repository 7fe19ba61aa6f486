//! Alignment with fixed rows: a translator's corrections, kept as anchors.
//!
//! Pure: no I/O. A fixed row with segments on both sides splits the two
//! documents: the gaps between such rows are aligned by the dynamic program
//! of the parent module, each on its own (with the whole pair's length
//! ratio). A fixed row with one empty side keeps its segments together and
//! unmatched inside its gap; the program places it. Fixed rows score 1.0.
//!
//! Conflicting fixed rows (overlapping, crossing, out of range, or with no
//! segment at all) are dropped, the later ones first, so the result never
//! depends on anything but the input order.

use std::ops::Range;

use crate::align::{
    Alignment, Features, Forced, Row, SegFeatures, Weights, align_segments, find_moves,
    length_ratio,
};
use crate::segment::Document;

/// A row the aligner must produce as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedRow {
    /// Source segment indices (may be empty).
    pub source: Range<usize>,
    /// Target segment indices (may be empty).
    pub target: Range<usize>,
}

impl FixedRow {
    fn two_sided(&self) -> bool {
        !self.source.is_empty() && !self.target.is_empty()
    }
}

/// Aligns `target` with `source` so that every usable row of `fixed` is a
/// row of the result; the rest is aligned as [`super::align`] would.
///
/// The position of an empty side is not used: a row of source segments with
/// no translation is placed among the target segments by the aligner.
pub fn align_with(source: &Document, target: &Document, fixed: &[FixedRow]) -> Alignment {
    super::align_prepared(
        &super::Prepared::of(source),
        &super::Prepared::of(target),
        fixed,
    )
}

/// [`align_with`] on the documents' features.
pub(super) fn align_features(
    s: &[SegFeatures],
    t: &[SegFeatures],
    fixed: &[FixedRow],
) -> Alignment {
    let kept = usable(fixed, s.len(), t.len());
    if kept.is_empty() {
        return align_segments(s, t, None, &Forced::default(), true)
            .unwrap_or_else(|| unaligned(0..s.len(), 0..t.len()));
    }
    // Gaps share the whole pair's length ratio: a short gap says little.
    let ratio = {
        let (fs, ft) = (Features::of(s), Features::of(t));
        let w = Weights::new(&fs, &ft);
        length_ratio(&fs, &ft, &w.unique_pairs)
    };
    let (mut pinned, loose): (Vec<&FixedRow>, Vec<&FixedRow>) =
        kept.iter().partition(|f| f.two_sided());
    pinned.sort_by_key(|f| f.source.start);
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    for p in pinned.iter().map(|p| Some(*p)).chain([None]) {
        let (si, tj) = match p {
            Some(p) => (i..p.source.start, j..p.target.start),
            None => (i..s.len(), j..t.len()),
        };
        rows.extend(gap(s, t, si, tj, &loose, ratio));
        if let Some(p) = p {
            rows.push(Row {
                source: p.source.clone(),
                target: p.target.clone(),
                score: 1.0,
                crossed: false,
                moved: None,
            });
            (i, j) = (p.source.end, p.target.end);
        }
    }
    // A correction that leaves segments unmatched is the translator's word.
    let settled = |r: &Row| {
        loose.iter().any(|f| {
            (r.target.is_empty() && f.target.is_empty() && f.source == r.source)
                || (r.source.is_empty() && f.source.is_empty() && f.target == r.target)
        })
    };
    find_moves(s, t, &mut rows, &settled);
    Alignment { rows }
}

/// Returns the fixed rows that fit the documents and each other, in input
/// order: a row conflicting with an earlier kept one is dropped.
pub(super) fn usable(fixed: &[FixedRow], n: usize, m: usize) -> Vec<FixedRow> {
    let fits = |r: &Range<usize>, len: usize| r.start == r.end || (r.start < r.end && r.end <= len);
    let mut kept: Vec<FixedRow> = Vec::new();
    for f in fixed {
        if (f.source.is_empty() && f.target.is_empty())
            || !fits(&f.source, n)
            || !fits(&f.target, m)
        {
            continue;
        }
        if kept.iter().all(|k| compatible(k, f)) {
            kept.push(f.clone());
        }
    }
    kept
}

/// Returns true when both rows can be rows of one alignment.
fn compatible(a: &FixedRow, b: &FixedRow) -> bool {
    let overlap = |x: &Range<usize>, y: &Range<usize>| x.start < y.end && y.start < x.end;
    if a.two_sided() && b.two_sided() {
        let before = |x: &FixedRow, y: &FixedRow| {
            x.source.end <= y.source.start && x.target.end <= y.target.start
        };
        return before(a, b) || before(b, a);
    }
    !overlap(&a.source, &b.source) && !overlap(&a.target, &b.target)
}

/// Aligns one gap between pinned rows, keeping the one-sided fixed rows that
/// fall inside it together and unmatched; indices are the documents'.
fn gap(
    s: &[SegFeatures],
    t: &[SegFeatures],
    si: Range<usize>,
    tj: Range<usize>,
    loose: &[&FixedRow],
    ratio: f32,
) -> Vec<Row> {
    if si.is_empty() && tj.is_empty() {
        return Vec::new();
    }
    let mut forced = Forced {
        source: vec![None; si.len()],
        target: vec![None; tj.len()],
    };
    for (id, f) in loose.iter().enumerate() {
        let (range, within, slots) = if f.source.is_empty() {
            (&f.target, &tj, &mut forced.target)
        } else {
            (&f.source, &si, &mut forced.source)
        };
        if range.start >= within.start && range.end <= within.end {
            for k in range.clone() {
                slots[k - within.start] = Some(id);
            }
        }
    }
    let (ss, ts) = (&s[si.clone()], &t[tj.clone()]);
    let alignment = align_segments(ss, ts, Some(ratio), &forced, false)
        .or_else(|| align_segments(ss, ts, Some(ratio), &Forced::default(), false))
        .unwrap_or_else(|| unaligned(0..ss.len(), 0..ts.len()));
    // One row per forced run, scored as sure; indices shifted to the documents'.
    let mut out: Vec<Row> = Vec::with_capacity(alignment.rows.len());
    let mut last_id: Option<(bool, usize)> = None;
    for row in alignment.rows {
        let id = match (row.source.len(), row.target.len()) {
            (1, 0) => forced.source[row.source.start].map(|id| (true, id)),
            (0, 1) => forced.target[row.target.start].map(|id| (false, id)),
            _ => None,
        };
        let row = Row {
            source: row.source.start + si.start..row.source.end + si.start,
            target: row.target.start + tj.start..row.target.end + tj.start,
            score: if id.is_some() { 1.0 } else { row.score },
            crossed: row.crossed,
            moved: row.moved,
        };
        match (out.last_mut(), id) {
            (Some(prev), Some(_)) if id == last_id => {
                prev.source.end = row.source.end;
                prev.target.end = row.target.end;
            }
            _ => out.push(row),
        }
        last_id = id;
    }
    out
}

/// Returns every segment on a row of its own: the source's, then the target's.
fn unaligned(s: Range<usize>, t: Range<usize>) -> Alignment {
    let (n, m0) = (s.end, t.start);
    let rows = s
        .map(|i| (i..i + 1, m0..m0))
        .chain(t.map(|j| (n..n, j..j + 1)))
        .map(|(source, target)| Row {
            source,
            target,
            score: 0.0,
            crossed: false,
            moved: None,
        })
        .collect();
    Alignment { rows }
}
