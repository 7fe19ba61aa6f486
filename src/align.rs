//! Alignment of a translation with its source, segment by segment.
//!
//! Pure: no I/O. Invariant: every segment of both documents appears in exactly
//! one row, and rows are in document order on both sides.
//!
//! The method is a dynamic program over the two segment sequences (Gale-Church
//! and Needleman-Wunsch in spirit). Each row pairs 0-3 consecutive source
//! segments with 0-3 consecutive target segments; its score adds evidence:
//! kind compatibility, shared invariants (URLs, code, numbers, shortcodes,
//! dates) weighted by rarity, shared word stems (names and cognates), the
//! length ratio, and position. Skipping a segment has a fixed cost, so a
//! dropped section becomes 1-0 rows instead of a cascade of wrong pairs.
//!
//! To stay linear, the program runs in a band around a skeleton path made of
//! tokens that occur exactly once on each side (their longest increasing
//! chain), not around the straight diagonal: a dropped section moves the
//! skeleton with it.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::segment::{Document, Segment, SegmentKind};

/// One row of an alignment: consecutive source segments with consecutive
/// target segments (either side may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// Indices into the source document's segments.
    pub source: Range<usize>,
    /// Indices into the target document's segments.
    pub target: Range<usize>,
    /// Confidence in this row, from 0 to 1.
    pub score: f64,
    /// True when the row's two source segments were translated in the
    /// opposite order (a figure moved after the next list item): the first
    /// source segment pairs with the second target segment and vice versa.
    pub crossed: bool,
    /// For a one-sided row, the segment on the other side that translates
    /// it from another place of the page (a block or section moved since):
    /// the target segment of a source-only row, the source segment of a
    /// target-only row. Every segment stays in exactly one row.
    #[serde(default)]
    pub moved: Option<usize>,
}

impl Row {
    /// Returns the links of the row: pairs of source and target segment indices.
    pub fn links(&self) -> Vec<(usize, usize)> {
        if let Some(j) = self.moved {
            // Listed once, by the source side of the move.
            return if self.target.is_empty() {
                self.source.clone().map(|i| (i, j)).collect()
            } else {
                Vec::new()
            };
        }
        if self.crossed {
            return vec![
                (self.source.start, self.target.end - 1),
                (self.source.end - 1, self.target.start),
            ];
        }
        self.source
            .clone()
            .flat_map(|i| self.target.clone().map(move |j| (i, j)))
            .collect()
    }

    /// Returns true when the row's confidence is too low to trust unreviewed.
    pub fn needs_review(&self) -> bool {
        self.score < REVIEW_THRESHOLD
    }
}

/// Rows scoring below this are flagged for review.
pub const REVIEW_THRESHOLD: f64 = 0.5;

/// The alignment of two documents.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Alignment {
    /// Rows in document order.
    pub rows: Vec<Row>,
}

impl Alignment {
    /// Returns, for each source segment, the row index holding it.
    pub fn row_of_source(&self, n_source: usize) -> Vec<usize> {
        let mut out = vec![0; n_source];
        for (r, row) in self.rows.iter().enumerate() {
            for i in row.source.clone() {
                out[i] = r;
            }
        }
        out
    }
}

/// Aligns `target` (a translation) with `source`.
pub fn align(source: &Document, target: &Document) -> Alignment {
    align_with(source, target, &[])
}

/// What the aligner needs of a document, computed once: a document aligned
/// with several others (the English with each translation, a translation
/// with the English now and at its base) is read once, not once per pair.
pub struct Prepared {
    segs: Vec<SegFeatures>,
}

impl Prepared {
    /// The features of every segment of `doc`.
    pub fn of(doc: &Document) -> Prepared {
        Prepared {
            segs: doc.segments.iter().map(seg_features).collect(),
        }
    }
}

/// [`align_with`] on documents already prepared.
pub fn align_prepared(source: &Prepared, target: &Prepared, fixed: &[FixedRow]) -> Alignment {
    fixed::align_features(&source.segs, &target.segs, fixed)
}

/// Aligns segment slices with the dynamic program: `ratio` overrides the
/// estimated length ratio and `forced` keeps segments unmatched. Returns
/// `None` when the constraints leave no path through the band.
fn align_segments(
    source: &[SegFeatures],
    target: &[SegFeatures],
    ratio: Option<f32>,
    forced: &Forced,
    moves: bool,
) -> Option<Alignment> {
    let s = Features::of(source);
    let t = Features::of(target);
    let weights = Weights::new(&s, &t);
    let mut ctx = Ctx::new(&s, &t, &weights, forced);
    if let Some(r) = ratio {
        ctx.ratio = r;
    }
    let mut alignment = ctx.run()?;
    if moves && let Some((s_rows, t_rows)) = lonely_rows(&alignment.rows, &|_| false) {
        moves_with(
            &s,
            &t,
            &weights,
            ctx.ratio,
            &mut alignment.rows,
            &s_rows,
            &t_rows,
        );
        let headings = moved_headings(source, target, &alignment.rows);
        if !headings.is_empty() {
            // The moved sections' headings kept apart: the program pairs
            // the headings left in place with each other, not with them.
            let mut again = Forced {
                source: forced.source.clone(),
                target: forced.target.clone(),
            };
            again.source.resize(source.len(), None);
            again.target.resize(target.len(), None);
            for (n, &(hi, hj, _)) in headings.iter().enumerate() {
                again.source[hi] = Some(usize::MAX - 2 * n);
                again.target[hj] = Some(usize::MAX - 2 * n - 1);
            }
            let mut ctx = Ctx::new(&s, &t, &weights, &again);
            ctx.ratio = ratio.unwrap_or(ctx.ratio);
            if let Some(mut second) = ctx.run() {
                if let Some((s_rows, t_rows)) = lonely_rows(&second.rows, &|_| false) {
                    moves_with(
                        &s,
                        &t,
                        &weights,
                        ctx.ratio,
                        &mut second.rows,
                        &s_rows,
                        &t_rows,
                    );
                }
                for &(hi, hj, score) in &headings {
                    for row in &mut second.rows {
                        if row.moved.is_none()
                            && row.source == (hi..hi + 1)
                            && row.target.is_empty()
                        {
                            row.moved = Some(hj);
                            row.score = score;
                        } else if row.moved.is_none()
                            && row.target == (hj..hj + 1)
                            && row.source.is_empty()
                        {
                            row.moved = Some(hi);
                            row.score = score;
                        }
                    }
                }
                alignment = second;
            }
        }
    }
    Some(alignment)
}

/// The headings of moved sections: for a block moved from source segment
/// `i` to target segment `j` (the first of its section's moved blocks),
/// the headings right before both, `(i - 1, j - 1, the move's score)`,
/// when the source heading was left alone and the target heading is alone
/// or in a row flagged for review (paired by its place with the heading of
/// the section that is there now).
fn moved_headings(
    source: &[SegFeatures],
    target: &[SegFeatures],
    rows: &[Row],
) -> Vec<(usize, usize, f64)> {
    let row_of = |source_side: bool, k: usize| {
        rows.iter().find(|r| {
            if source_side {
                r.source.contains(&k)
            } else {
                r.target.contains(&k)
            }
        })
    };
    let mut out = Vec::new();
    for r in rows {
        let (Some(j), 1, 0) = (r.moved, r.source.len(), r.target.len()) else {
            continue;
        };
        let i = r.source.start;
        let (Some(hi), Some(hj)) = (i.checked_sub(1), j.checked_sub(1)) else {
            continue;
        };
        let heading = |f: &SegFeatures| f.kind == SegmentKind::Heading;
        // Levels may differ: a reorganized page nests sections anew.
        if !heading(&source[hi]) || !heading(&target[hj]) {
            continue;
        }
        let source_alone = row_of(true, hi)
            .is_some_and(|h| h.moved.is_none() && h.source.len() == 1 && h.target.is_empty());
        let target_free = row_of(false, hj).is_some_and(|h| {
            h.moved.is_none()
                && h.target.len() == 1
                && (h.source.is_empty() || (h.source.len() == 1 && h.needs_review()))
        });
        if source_alone && target_free && !out.iter().any(|&(a, b, _)| a == hi || b == hj) {
            out.push((hi, hj, r.score));
        }
    }
    out
}

/// Segments that must stay unmatched, as one-sided rows of their own: for
/// each source (target) index, the id of the fixed row holding it. Empty
/// vectors mean no constraint.
#[derive(Debug, Default)]
struct Forced {
    source: Vec<Option<usize>>,
    target: Vec<Option<usize>>,
}

impl Forced {
    fn is_empty(&self) -> bool {
        self.source.iter().all(Option::is_none) && self.target.iter().all(Option::is_none)
    }

    /// Returns true when the move `(di, dj)` into cell `(i, j)` keeps every
    /// forced segment alone and every forced row in one piece.
    fn allows(&self, i: usize, j: usize, di: usize, dj: usize) -> bool {
        let on = |v: &[Option<usize>], k: usize| v.get(k).copied().flatten();
        if (i - di..i).any(|x| on(&self.source, x).is_some()) && (di, dj) != (1, 0) {
            return false;
        }
        if (j - dj..j).any(|y| on(&self.target, y).is_some()) && (di, dj) != (0, 1) {
            return false;
        }
        // Nothing may come between two segments of one forced row.
        let inside = |v: &[Option<usize>], k: usize| {
            k > 0 && on(v, k - 1).is_some() && on(v, k - 1) == on(v, k)
        };
        match (di, dj) {
            (0, 1) => !inside(&self.source, i),
            (1, 0) => !inside(&self.target, j),
            _ => true,
        }
    }
}

/// Moves of the dynamic program: (source segments, target segments). The
/// last one is the crossed 2-2 row (two neighbours swapped).
const MOVES: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (3, 1),
    (1, 3),
    (2, 2),
];
const CROSSED: usize = 7;

/// Cost of leaving one segment unmatched.
const SKIP: f32 = -1.4;
/// Extra cost of a 2-1 or 1-2 row, and of a 3-1 or 1-3 row.
const MERGE2: f32 = -1.0;
const MERGE3: f32 = -2.2;
/// Added to a merge of items of one list at one level (see [`Ctx::merge_cost`]).
const SIBLING_ITEMS: f32 = -1.0;
/// Merged and crossed rows are only tried when one of their pairs scores above this,
const PRUNE: f32 = -1.0;
/// or (merged rows) when the row as a whole scores at least this.
const SURE_MERGE: f32 = 1.0;
/// Cost of swapping two neighbours, on top of their two pair scores.
const CROSS: f32 = -1.5;
/// Variance of target length per source character (Gale-Church's 6.8 is for
/// sentence-aligned corpora; paragraphs written freely vary more).
const LENGTH_VARIANCE: f32 = 16.0;
/// Anchor weight from which a block counts as rich in anchors (three
/// links, numbers or code spans of its own).
const ANCHOR_RICH: f32 = 3.0;
/// Cost of pairing two anchor-rich blocks that share no anchor.
const UNRELATED: f32 = 3.0;
/// Most a length mismatch can cost a row.
const LENGTH_CAP: f32 = 2.5;
/// A pair whose shared anchors and stems add less than this to its score
/// rests on its position alone.
const WEAK_SUPPORT: f32 = 0.5;
/// Anchor and word weight a block of a weak pair shares with a
/// neighbouring row's other side for it to join that row (see
/// [`Ctx::regroup_weak_pairs`]): a word found in at most two blocks of a side
/// weighs at least a half.
const BELONGS: f32 = 1.0;
/// A one-sided row is doubtful when joining it to its neighbouring pair
/// would cost less than this.
const MERGE_MARGIN: f32 = 1.0;
/// Skipped segments in a row from which position alone stops being
/// evidence for the pair beside them.
const LONG_SKIP: usize = 2;
/// The confidence of a row its context makes doubtful: under the review
/// threshold.
const DOUBT_CAP: f64 = 0.45;
/// A replaced section with at least this many rows besides its heading
/// is unpaired; a smaller one is only doubted (too few rows to tell a
/// replaced section from a translation worded freely).
const REPLACED_MIN_ROWS: usize = 4;
/// Texts up to this many bytes may be names (see `SegFeatures::short_text`).
const SHORT_TEXT: usize = 64;
/// Half-width of the band around the skeleton path, in segments.
const BAND: usize = 32;
/// What the support of a table row's other cells adds to pairing one of its
/// cells, per unit (see [`Ctx::row_evidence`]).
const ROW_WEIGHT: f32 = 0.5;
/// Most support of a table row's other cells counted.
const ROW_CAP: f32 = 4.0;
/// Documents whose full matrix has at most this many cells skip the band.
const FULL_MATRIX: usize = 64 * 64;

/// What the aligner knows of one segment.
struct SegFeatures {
    kind: SegmentKind,
    level: u8,
    key: Option<String>,
    /// True for prose kinds that translators split and merge.
    mergeable: bool,
    /// Prose length in characters (link destinations left out).
    len: f32,
    /// Hashed invariant tokens, sorted and unique.
    anchors: Vec<u64>,
    /// The link destinations among `anchors` (in-page anchors left out),
    /// with the addresses written without a link.
    links: Vec<u64>,
    /// The block is its links: most of its letters are link text (an item
    /// of a list of links, a button).
    link_only: bool,
    /// Hashed word stems (first five letters of words of four or more), sorted and unique.
    words: Vec<u64>,
    /// The fingerprint of a short text (a name, a title), to know one kept
    /// as it is whatever the block it is written in.
    short_text: Option<crate::segment::Fingerprint>,
    /// Hashed code spans (as in `anchors`), sorted and unique.
    code: Vec<u64>,
    /// Hashed names written as plain text that may be the other side's code
    /// (see [`plain_names`]), sorted, unique, none of them in `code`.
    plain: Vec<u64>,
    /// For a table cell, the line of its table row (its column is `level`).
    row: u32,
    /// For a heading with an explicit `{#id}`, the id hashed (it is among
    /// `anchors` too).
    id: Option<u64>,
}

/// The features of a run of segments (a whole document, or a gap between
/// fixed rows).
struct Features<'a> {
    segs: &'a [SegFeatures],
}

impl<'a> Features<'a> {
    fn of(segs: &'a [SegFeatures]) -> Features<'a> {
        Features { segs }
    }
}

fn seg_features(seg: &Segment) -> SegFeatures {
    let inv = &seg.invariants;
    // In-page anchors are translated with their headings.
    let mut links: Vec<u64> = inv
        .urls
        .iter()
        .filter(|url| !url.starts_with('#'))
        .map(|url| hash(1, &normalize_url(url)))
        .collect();
    let mut anchors = links.clone();
    // A link the Markdown does not make one (`[text] (https://...)`, a bare
    // address) is still a link the translator kept.
    links.extend(bare_urls(&seg.text).map(|url| hash(1, &normalize_url(url))));
    links.sort_unstable();
    links.dedup();
    let mut code: Vec<u64> = inv.code.iter().map(|c| hash(2, c)).collect();
    code.sort_unstable();
    code.dedup();
    anchors.extend(&code);
    anchors.extend(inv.numbers.iter().map(|n| hash(3, n)));
    // A month in a date and the same month named alone are one anchor.
    anchors.extend(
        inv.dates
            .iter()
            .map(|d| hash(4, d.trim_start_matches(['-', '~']))),
    );
    anchors.extend(inv.shortcodes.iter().map(|s| hash(5, s)));
    // A heading's explicit id is kept by its translations (links to the
    // section rely on it).
    let id = match &seg.anchor {
        Some(a) if seg.kind == SegmentKind::Heading && seg.explicit_anchor => Some(hash(7, a)),
        _ => None,
    };
    anchors.extend(id);
    anchors.sort_unstable();
    anchors.dedup();
    let prose = prose_text(&seg.text);
    let mut words: Vec<u64> = prose
        .split(|c: char| !crate::segment::is_letter_or_digit(c))
        .flat_map(split_scripts)
        .filter(|w| w.chars().nth(3).is_some() && !w.bytes().all(|c| c.is_ascii_digit()))
        .map(|w| {
            // `hash(6, stem)` of the lower-cased first five characters,
            // without building the stem. A name shaped like an identifier
            // (`schedulerName`, `v1beta2`) is kept whole: translations keep
            // it as it is, and its first letters would make it as common as
            // the words it starts like (`scheduler`, `schedule`).
            let bytes = w.as_bytes();
            let identifier = bytes.windows(2).any(|p| {
                (p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
                    || (p[0].is_ascii_alphabetic() && p[1].is_ascii_digit())
                    || (p[0].is_ascii_digit() && p[1].is_ascii_alphabetic())
            });
            let take = if identifier { usize::MAX } else { 5 };
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ 6;
            let mut buf = [0u8; 4];
            for c in w
                .chars()
                .take(take)
                .flat_map(char::to_lowercase)
                .map(fold_latin)
            {
                for b in c.encode_utf8(&mut buf).bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            h
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    SegFeatures {
        mergeable: matches!(
            seg.kind,
            SegmentKind::Paragraph | SegmentKind::ListItem | SegmentKind::Blockquote
        ),
        kind: seg.kind,
        level: seg.level,
        key: seg.key.clone(),
        len: prose.chars().filter(|c| !c.is_whitespace()).count() as f32,
        anchors,
        link_only: !links.is_empty() && link_text_dominates(&seg.text),
        links,
        words,
        plain: plain_names(&seg.text, &code),
        code,
        short_text: (seg.text.len() <= SHORT_TEXT).then(|| seg.fingerprint()),
        row: if seg.kind == SegmentKind::TableCell {
            seg.lines.0
        } else {
            0
        },
        id,
    }
}

/// Whether most letters of the Markdown `text` are in link text: at least
/// twice as many as outside links (link destinations are not counted).
fn link_text_dominates(text: &str) -> bool {
    let (mut inside, mut outside) = (0usize, 0usize);
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => {
                depth -= 1;
                if chars.peek() == Some(&'(') {
                    // The destination: up to its closing parenthesis.
                    let mut open = 0usize;
                    for d in chars.by_ref() {
                        match d {
                            '(' => open += 1,
                            ')' => {
                                open -= 1;
                                if open == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            c if crate::segment::is_letter_or_digit(c) => {
                if depth > 0 {
                    inside += 1;
                } else {
                    outside += 1;
                }
            }
            _ => {}
        }
    }
    inside > 0 && inside >= 2 * outside
}

/// The web addresses written in `text` (`http://` or `https://` up to a
/// space or a closing bracket), whether or not the Markdown links them.
fn bare_urls(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("http").filter_map(move |(at, _)| {
        let rest = &text[at..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '\'' | '<'))
            .unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches(['.', ',', ';', ':']))
    })
}

/// The Latin letter without its accent (`é` is `e`, `ł` is `l`), for word
/// stems: the languages of Europe write their shared words with and
/// without them (`sémantique`, `semantic`). Lower-case letters of Latin-1
/// and Latin Extended-A; any other character is returned as it is.
fn fold_latin(c: char) -> char {
    const LATIN1: &str = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    const EXTENDED_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    match u32::from(c) {
        0xE0..=0xFF => LATIN1.as_bytes()[(u32::from(c) - 0xE0) as usize] as char,
        0x100..=0x17F => EXTENDED_A.as_bytes()[(u32::from(c) - 0x100) as usize] as char,
        _ => c,
    }
}

/// Splits a run of letters where it passes into or out of Chinese,
/// Japanese or Korean script: those put no space between a Latin name and
/// the words around it (`minMember的使用` is `minMember` and `的使用`).
fn split_scripts(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let cjk = is_cjk(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_cjk(c) != cjk)
            .map_or(rest.len(), |(at, _)| at);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Whether `c` is a letter of the Chinese, Japanese or Korean scripts (or
/// their punctuation and full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF // Hangul Jamo
        | 0x2E80..=0x2FDF // CJK radicals
        | 0x3000..=0x31FF // CJK symbols, kana, bopomofo, Hangul compatibility
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x3134F // CJK extensions B to G
    )
}

/// The names a segment writes as plain text that a translation may write
/// as code, or the reverse (translators drop or add the backticks around
/// identifiers: `名为test的queue` for ``queue `test` ``), hashed as code
/// spans are. In text of another script (Chinese, Russian...) every
/// Latin-script word is such a name; in Latin-script text only words
/// shaped like identifiers are (`schedulerName`, `max_retry`, `v1.2`,
/// `default-scheduler`), an ordinary word being no evidence. Words that
/// are code spans of the segment itself are left out.
fn plain_names(text: &str, code: &[u64]) -> Vec<u64> {
    // Words, not letters: a run of Latin letters (accented ones included, up
    // to Latin Extended-B) or of another alphabet is one word; a Chinese,
    // Japanese or Korean character is one, as it is about one morpheme.
    let (mut latin, mut other) = (0usize, 0usize);
    let mut previous = 0u8; // 0 none, 1 Latin, 2 another alphabet
    for c in text.chars() {
        // (`is_letter` is `is_alphabetic` with the common scripts' ranges
        // answered without Unicode's tables.)
        let class = if c.is_ascii() {
            u8::from(c.is_ascii_alphabetic())
        } else if !crate::segment::is_letter(c) {
            0
        } else if u32::from(c) < 0x250 {
            1
        } else {
            2
        };
        if class == 1 && previous != 1 {
            latin += 1;
        } else if class == 2 && (previous != 2 || is_cjk(c)) {
            other += 1;
        }
        previous = class;
    }
    let foreign_script = other > latin;
    let name_char = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'/');
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !name_char(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && name_char(bytes[at]) {
            at += 1;
        }
        // ASCII bytes only, so both ends are char boundaries.
        let word = text[start..at].trim_matches(['.', '-', '/']);
        let w = word.as_bytes();
        if w.len() < 2 || !w.iter().any(u8::is_ascii_alphabetic) {
            continue;
        }
        let identifier = w
            .iter()
            .any(|&b| b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-' | b'/'))
            || w.windows(2)
                .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
        if foreign_script || identifier {
            let h = hash(2, word);
            if code.binary_search(&h).is_err() {
                out.push(h);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Returns the text without link destinations and shortcodes, which are not prose.
fn prose_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // `text[kept..at]` is prose not copied yet; both are char boundaries
    // (the markers are ASCII).
    let (mut kept, mut at) = (0, 0);
    while at < bytes.len() {
        let skip_to = match (bytes[at], bytes.get(at + 1)) {
            (b']', Some(b'(')) => match text[at + 2..].find(')') {
                Some(end) => Some(at + 2 + end + 1),
                // An unclosed destination ends the prose.
                None => {
                    out.push_str(&text[kept..at]);
                    return out;
                }
            },
            (b'{', Some(b'{')) => text[at..].find("}}").map(|end| at + end + 2),
            _ => None,
        };
        match skip_to {
            Some(next) => {
                out.push_str(&text[kept..at]);
                out.push(' ');
                (kept, at) = (next, next);
            }
            None => at += 1,
        }
    }
    out.push_str(&text[kept..]);
    out
}

/// Normalizes a URL for comparison across languages: no trailing slash, and
/// no leading language directory on site-relative links (`/fr/x/` is `/x`).
///
/// A site link keeps no language folder (`/fr/x/`, `/pt-br/x/`), trailing
/// slash or `.md`/`index.md`, so the same page written either way is one
/// target.
pub fn normalize_url(url: &str) -> String {
    let u = url.trim();
    let u = u.strip_suffix("index.md").unwrap_or(u);
    let u = u.strip_suffix(".md").unwrap_or(u).trim_end_matches('/');
    if let Some(rest) = u.strip_prefix('/') {
        let mut parts = rest.splitn(2, '/');
        let first = parts.next().unwrap_or("");
        if is_language_folder(first) {
            return format!("/{}", parts.next().unwrap_or(""));
        }
    }
    u.to_owned()
}

/// `fr`, `ita`, `pt-br`, `zh-cn`, `zh-hans`: a language folder in a link.
fn is_language_folder(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    let regions: Vec<&str> = parts.collect();
    // Two letters (`fr`), or two or three with a region (`pt-br`, `ast-es`):
    // a bare three-letter folder is more often `api/` or `faq/`.
    primary.chars().all(|c| c.is_ascii_lowercase())
        && (primary.len() == 2 || (primary.len() == 3 && !regions.is_empty()))
        && regions
            .iter()
            .all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Maps keyed by token hashes ([`hash`]): the key is a hash already, so it
/// is only spread over the bits, not hashed again (SipHash was a tenth of
/// an alignment's time).
type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<TokenHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<TokenHasher>>;

/// The hasher of [`HashMap`]: a multiply of the `u64` key.
#[derive(Default)]
struct TokenHasher(u64);

impl Hasher for TokenHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by u64 keys; FNV-1a keeps any other key correct.
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

fn hash(tag: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Rarity weights of tokens: a token found once on each side weighs 1, a
/// common one little.
struct Weights {
    anchor: HashMap<u64, f32>,
    word: HashMap<u64, f32>,
    /// Tokens found in exactly one segment on each side: (source, target).
    unique_pairs: Vec<(usize, usize)>,
}

impl Weights {
    fn new(s: &Features, t: &Features) -> Weights {
        let mut counts: HashMap<u64, (u32, u32, usize, usize)> = HashMap::default();
        let mut word_counts: HashMap<u64, (u32, u32)> = HashMap::default();
        for (i, seg) in s.segs.iter().enumerate() {
            for &a in &seg.anchors {
                let e = counts.entry(a).or_insert((0, 0, 0, 0));
                e.0 += 1;
                e.2 = i;
            }
            for &w in &seg.words {
                word_counts.entry(w).or_insert((0, 0)).0 += 1;
            }
        }
        for (j, seg) in t.segs.iter().enumerate() {
            for &a in &seg.anchors {
                let e = counts.entry(a).or_insert((0, 0, 0, 0));
                e.1 += 1;
                e.3 = j;
            }
            for &w in &seg.words {
                word_counts.entry(w).or_insert((0, 0)).1 += 1;
            }
        }
        // A heading id found on one side only (a translation that
        // translates its ids, a section added since) is no evidence either
        // way; found once on each side, it is a sure pair.
        let ids: HashSet<u64> = s.segs.iter().chain(t.segs).filter_map(|x| x.id).collect();
        let mut unique_pairs = Vec::new();
        let anchor = counts
            .iter()
            .map(|(&k, &(a, b, i, j))| {
                if a == 1 && b == 1 {
                    unique_pairs.push((i, j));
                }
                let weight = if !ids.contains(&k) {
                    1.0 / a.max(b).max(1) as f32
                } else if a == 1 && b == 1 {
                    1.0
                } else {
                    0.0
                };
                (k, weight)
            })
            .collect();
        let word = word_counts
            .iter()
            .map(|(&k, &(a, b))| (k, 1.0 / a.max(b).max(1) as f32))
            .collect();
        unique_pairs.sort_unstable();
        Weights {
            anchor,
            word,
            unique_pairs,
        }
    }
}

/// A sorted token set with each token's weight.
type Weighted = Vec<(u64, f32)>;

/// Attaches each token's weight, so intersections need no lookups.
fn with_weights(set: &[u64], w: &HashMap<u64, f32>) -> Weighted {
    set.iter()
        .map(|t| (*t, w.get(t).copied().unwrap_or(0.0)))
        .collect()
}

/// Band of target indices (inclusive bounds) allowed for each source index.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && j >= self.lo[i] && j <= self.hi[i]
    }
    fn index(&self, i: usize, j: usize) -> usize {
        self.offset[i] + (j - self.lo[i])
    }
}

/// Per-pair evidence cached inside the band (pairs of single segments).
#[derive(Clone, Copy, Default)]
struct PairEvidence {
    anchors: f32,
    words: f32,
}

struct Ctx<'a> {
    s: &'a Features<'a>,
    t: &'a Features<'a>,
    /// Segments kept unmatched (empty when nothing is forced).
    forced: &'a Forced,
    band: Band,
    /// Band-shaped cache of pair evidence, over (n + 1) x (m + 1) cells.
    pairs: Vec<PairEvidence>,
    /// Band-shaped cache of 1-1 scores.
    single: Vec<f32>,
    s_anchor_w: Vec<f32>,
    t_anchor_w: Vec<f32>,
    s_word_w: Vec<f32>,
    t_word_w: Vec<f32>,
    /// Per segment: whether it is its links and none of them is found
    /// anywhere on the other side (see [`lonely_links`]).
    s_lonely: Vec<bool>,
    t_lonely: Vec<bool>,
    /// Per segment: the segment of the other side with the same explicit
    /// heading id (see [`id_partners`]).
    s_partner: Vec<Option<usize>>,
    t_partner: Vec<Option<usize>>,
    /// Whether any heading id is on both sides (else none conflicts).
    id_pairs: bool,
    /// Expected target length per source character.
    ratio: f32,
}

impl<'a> Ctx<'a> {
    fn new(
        s: &'a Features<'a>,
        t: &'a Features<'a>,
        w: &'a Weights,
        forced: &'a Forced,
    ) -> Ctx<'a> {
        let (n, m) = (s.segs.len(), t.segs.len());
        let band = make_band(n, m, &w.unique_pairs);
        let cells = band.offset.last().copied().unwrap_or(0) + band_row_len(&band, n);
        let weigh = |f: &Features| -> (Vec<Weighted>, Vec<Weighted>) {
            f.segs
                .iter()
                .map(|x| {
                    (
                        with_weights(&x.anchors, &w.anchor),
                        with_weights(&x.words, &w.word),
                    )
                })
                .unzip()
        };
        let (sa, sw) = weigh(s);
        let (ta, tw) = weigh(t);
        let total = |v: &[Weighted]| -> Vec<f32> {
            v.iter().map(|x| x.iter().map(|p| p.1).sum()).collect()
        };
        // Intersections through inverted indexes of the target's tokens: the
        // work is the number of shared tokens, not the band's area.
        let mut pairs = vec![PairEvidence::default(); cells];
        let postings = |sets: &[Weighted]| -> HashMap<u64, Vec<usize>> {
            let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
            for (j, set) in sets.iter().enumerate() {
                for (token, _) in set {
                    index.entry(*token).or_default().push(j);
                }
            }
            index
        };
        let (anchor_index, word_index) = (postings(&ta), postings(&tw));
        for i in 0..n {
            let (lo, hi) = (band.lo[i], band.hi[i].min(m.saturating_sub(1)));
            for (sets, index, is_anchor) in [(&sa, &anchor_index, true), (&sw, &word_index, false)]
            {
                for (token, weight) in &sets[i] {
                    let Some(js) = index.get(token) else { continue };
                    let start = js.partition_point(|&j| j < lo);
                    for &j in js[start..].iter().take_while(|&&j| j <= hi) {
                        let cell = &mut pairs[band.index(i, j)];
                        if is_anchor {
                            cell.anchors += weight;
                        } else {
                            cell.words += weight;
                        }
                    }
                }
            }
        }
        // Code of one side the other writes as plain text: shared anchors
        // all the same, at the code's weight.
        let code_index = |f: &Features| -> HashMap<u64, Vec<usize>> {
            let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
            for (k, seg) in f.segs.iter().enumerate() {
                for &c in &seg.code {
                    index.entry(c).or_default().push(k);
                }
            }
            index
        };
        let (s_code, t_code) = (code_index(s), code_index(t));
        let mut t_plain: HashMap<u64, Vec<usize>> = HashMap::default();
        for (j, seg) in t.segs.iter().enumerate() {
            for &p in &seg.plain {
                if s_code.contains_key(&p) {
                    t_plain.entry(p).or_default().push(j);
                }
            }
        }
        for i in 0..n {
            let (lo, hi) = (band.lo[i], band.hi[i].min(m.saturating_sub(1)));
            let mut add = |token: u64, js: &[usize]| {
                let weight = w.anchor.get(&token).copied().unwrap_or(0.0);
                let start = js.partition_point(|&j| j < lo);
                for &j in js[start..].iter().take_while(|&&j| j <= hi) {
                    pairs[band.index(i, j)].anchors += weight;
                }
            };
            for c in &s.segs[i].code {
                if let Some(js) = t_plain.get(c) {
                    add(*c, js);
                }
            }
            for p in &s.segs[i].plain {
                if let Some(js) = t_code.get(p) {
                    add(*p, js);
                }
            }
        }
        let (s_lonely, t_lonely) = lonely_links(s, t);
        let (s_partner, t_partner) = id_partners(s, t);
        let mut ctx = Ctx {
            s,
            t,
            forced,
            s_anchor_w: total(&sa),
            t_anchor_w: total(&ta),
            s_word_w: total(&sw),
            t_word_w: total(&tw),
            s_lonely,
            t_lonely,
            id_pairs: s_partner.iter().any(Option::is_some),
            s_partner,
            t_partner,
            band,
            pairs,
            single: Vec::new(),
            ratio: length_ratio(s, t, &w.unique_pairs),
        };
        // Cache every 1-1 score: the program and the confidences reuse them.
        let mut single = vec![f32::NEG_INFINITY; cells];
        for i in 0..n {
            for j in ctx.band.lo[i]..=ctx.band.hi[i].min(m.saturating_sub(1)) {
                if j < m {
                    single[ctx.band.index(i, j)] = ctx.score(i..i + 1, j..j + 1);
                }
            }
        }
        ctx.single = single;
        ctx
    }

    /// Returns the 1-1 score of source `i` with target `j`, cached in the band.
    fn score11(&self, i: usize, j: usize) -> f32 {
        if self.band.contains(i, j) && j < self.t.segs.len() && !self.single.is_empty() {
            self.single[self.band.index(i, j)]
        } else {
            self.score(i..i + 1, j..j + 1)
        }
    }

    fn pair(&self, i: usize, j: usize) -> PairEvidence {
        if self.band.contains(i, j) && j < self.t.segs.len() {
            self.pairs[self.band.index(i, j)]
        } else {
            PairEvidence::default()
        }
    }

    /// The weights of the anchors and of the word stems source `si` and
    /// target `tj` share.
    fn shared(&self, si: &Range<usize>, tj: &Range<usize>) -> (f32, f32) {
        let (mut anchors, mut words) = (0.0, 0.0);
        for i in si.clone() {
            for j in tj.clone() {
                let p = self.pair(i, j);
                anchors += p.anchors;
                words += p.words;
            }
        }
        (anchors, words)
    }

    /// Scores a row pairing source `si` with target `tj` (both non-empty).
    fn score(&self, si: Range<usize>, tj: Range<usize>) -> f32 {
        let kind = self.kind_score(&si, &tj);
        if kind == f32::NEG_INFINITY
            || (self.id_pairs
                && si.clone().any(|i| {
                    tj.clone()
                        .any(|j| id_conflict(&self.s_partner, &self.t_partner, i, j))
                }))
        {
            return f32::NEG_INFINITY;
        }
        let (inter_a, inter_w) = self.shared(&si, &tj);
        let s_a: f32 = si.clone().map(|i| self.s_anchor_w[i]).sum::<f32>();
        let t_a: f32 = tj.clone().map(|j| self.t_anchor_w[j]).sum::<f32>();
        let tot_w: f32 = si.clone().map(|i| self.s_word_w[i]).sum::<f32>()
            + tj.clone().map(|j| self.t_word_w[j]).sum::<f32>();
        let ls: f32 = si.clone().map(|i| self.s.segs[i].len).sum();
        let lt: f32 = tj.clone().map(|j| self.t.segs[j].len).sum();
        let mut score = evidence_score(
            kind,
            (inter_a, s_a, t_a),
            (inter_w, tot_w),
            (ls, lt),
            row_ratio(&self.s.segs[si.start], self.ratio),
        );
        // (Two anchor-rich blocks that share nothing have lost it already.)
        if inter_a <= 0.0
            && inter_w <= 0.0
            && !(s_a >= ANCHOR_RICH && t_a >= ANCHOR_RICH)
            && self.links_left_out(&si, &tj)
        {
            score -= UNRELATED;
        }
        if si.len() == 1 && tj.len() == 1 {
            score += self.row_evidence(si.start, tj.start);
        }
        let (n, m) = (
            self.s.segs.len().max(1) as f32,
            self.t.segs.len().max(1) as f32,
        );
        let drift = (si.start as f32 / n - tj.start as f32 / m).abs();
        score -= 2.0 * drift;
        score
    }

    /// What the other cells of their table rows say of pairing cell `i`
    /// with cell `j` of the same column: a table is translated row by row,
    /// so a cell (`true`, a number, a short phrase) belongs to the row whose
    /// other cells pair (the row's key, its links), not to a look-alike cell
    /// of a row the English added next to it. [`ROW_WEIGHT`] times the
    /// support (see [`Ctx::own_support`]) of the row's other cells paired by
    /// column, at most [`ROW_CAP`] of it; 0 for blocks that are not cells
    /// of one column.
    fn row_evidence(&self, i: usize, j: usize) -> f32 {
        let (a, b) = (&self.s.segs[i], &self.t.segs[j]);
        if a.kind != SegmentKind::TableCell
            || b.kind != SegmentKind::TableCell
            || a.level != b.level
        {
            return 0.0;
        }
        // A cell whose own numbers, code or links the other does not keep
        // (`~1,600` beside `)`, the cell after it in a row the translation
        // broke) is not made a pair by its row.
        let (inter_a, _) = self.shared(&(i..i + 1), &(j..j + 1));
        if anchor_evidence(inter_a, self.s_anchor_w[i] + self.t_anchor_w[j]) < 0.0 {
            return 0.0;
        }
        // The cells of a segment's row: the cells around it on its line.
        let row = |segs: &[SegFeatures], k: usize| {
            let line = segs[k].row;
            let same = |x: &usize| segs[*x].kind == SegmentKind::TableCell && segs[*x].row == line;
            let first = (0..k).rev().take_while(same).last().unwrap_or(k);
            let last = (k + 1..segs.len()).take_while(same).last().unwrap_or(k);
            first..last + 1
        };
        let (s_row, t_row) = (row(self.s.segs, i), row(self.t.segs, j));
        let mut support = 0.0;
        for x in s_row.filter(|&x| x != i) {
            let column = self.s.segs[x].level;
            if let Some(y) = t_row.clone().find(|&y| self.t.segs[y].level == column) {
                support += self.own_support(x..x + 1, y..y + 1);
            }
        }
        ROW_WEIGHT * support.min(ROW_CAP)
    }

    /// The score of the merged row `si`, `tj` when it is a sure row as a
    /// whole (see [`SURE_MERGE`]); rows that share no anchor and no word
    /// stem are not scored.
    fn sure_merge(&self, si: Range<usize>, tj: Range<usize>) -> Option<f32> {
        if !self.shares_any(&si, &tj) {
            return None;
        }
        Some(self.score(si, tj)).filter(|&score| score >= SURE_MERGE)
    }

    /// True when source `si` and target `tj` share an anchor or a word stem.
    fn shares_any(&self, si: &Range<usize>, tj: &Range<usize>) -> bool {
        let (anchors, words) = self.shared(si, tj);
        anchors > 0.0 || words > 0.0
    }

    /// True when one side of the row is links (most of its text is link
    /// text) to pages the other document never links to, and the other side
    /// links nowhere, on a page pair that keeps its links (they share at
    /// least [`KEPT_LINKS`] destinations). A block that is a link is
    /// translated with its link: set against a block without one, it is a
    /// block the translation does not have (an item of a list of links the
    /// translators replaced with one of their own), not its translation. A
    /// paragraph that merely mentions a link may lose it in translation, and
    /// is left to the other evidence. Weighed only when the blocks share
    /// nothing else.
    fn links_left_out(&self, si: &Range<usize>, tj: &Range<usize>) -> bool {
        // Whether the blocks have links, and all of those are lonely.
        let side = |segs: &[SegFeatures], lonely: &[bool], r: &Range<usize>| {
            let linked = || r.clone().filter(|&x| !segs[x].links.is_empty());
            let any = linked().next().is_some();
            (any, any && linked().all(|x| lonely[x]))
        };
        let (s_any, s_lonely) = side(self.s.segs, &self.s_lonely, si);
        let (t_any, t_lonely) = side(self.t.segs, &self.t_lonely, tj);
        (s_lonely && !t_any) || (t_lonely && !s_any)
    }

    /// Kind compatibility of the row's segments; `-inf` forbids the row.
    fn kind_score(&self, si: &Range<usize>, tj: &Range<usize>) -> f32 {
        let multi = si.len() > 1 || tj.len() > 1;
        let mut total = 0.0;
        for i in si.clone() {
            for j in tj.clone() {
                let (a, b) = (&self.s.segs[i], &self.t.segs[j]);
                let k = kind_pair(a, b, multi);
                if k == f32::NEG_INFINITY {
                    return k;
                }
                total += k;
            }
        }
        total / (si.len() * tj.len()) as f32
    }

    fn run(&self) -> Option<Alignment> {
        let (n, m) = (self.s.segs.len(), self.t.segs.len());
        let constrained = !self.forced.is_empty();
        let cells = self.band.offset.last().copied().unwrap_or(0) + band_row_len(&self.band, n);
        let mut best = vec![f32::NEG_INFINITY; cells];
        let mut back = vec![u8::MAX; cells];
        best[self.band.index(0, 0)] = 0.0;
        // How many mergeable segments end just before each index: a merge of
        // `d` segments ending there is allowed when the run is at least `d`.
        let runs = |segs: &[SegFeatures]| -> Vec<usize> {
            let mut run = vec![0; segs.len() + 1];
            for (x, seg) in segs.iter().enumerate() {
                run[x + 1] = if seg.mergeable { run[x] + 1 } else { 0 };
            }
            run
        };
        let (s_run, t_run) = (runs(self.s.segs), runs(self.t.segs));
        for i in 0..=n {
            for j in self.band.lo[i]..=self.band.hi[i] {
                let here = self.band.index(i, j);
                for (k, &(di, dj)) in MOVES.iter().enumerate() {
                    if di > i || dj > j || !self.band.contains(i - di, j - dj) {
                        continue;
                    }
                    if constrained && !self.forced.allows(i, j, di, dj) {
                        continue;
                    }
                    // Only prose merges: headings, captions and front matter never do.
                    if k != CROSSED && (di > 1 || dj > 1) && (s_run[i] < di || t_run[j] < dj) {
                        continue;
                    }
                    // A merged or crossed row holds at least one decent pair,
                    // or is a sure row as a whole (a long paragraph made of
                    // three short ones pairs badly with each by length); this
                    // prunes most of the work at no loss. A sure row's score
                    // is kept for its gain.
                    let mut sure = None;
                    if (di > 1 || dj > 1)
                        && !(i - di..i).any(|x| (j - dj..j).any(|y| self.score11(x, y) > PRUNE))
                    {
                        sure = if k == CROSSED {
                            None
                        } else {
                            self.sure_merge(i - di..i, j - dj..j)
                        };
                        if sure.is_none() {
                            continue;
                        }
                    }
                    let prev = best[self.band.index(i - di, j - dj)];
                    if prev == f32::NEG_INFINITY {
                        continue;
                    }
                    // A swap goes against position, so each of its pairs
                    // needs evidence of its own.
                    if k == CROSSED
                        && (self.support(i - 2..i - 1, j - 1..j) < WEAK_SUPPORT
                            || self.support(i - 1..i, j - 2..j - 1) < WEAK_SUPPORT)
                    {
                        continue;
                    }
                    let gain = match (di, dj) {
                        (1, 0) | (0, 1) => SKIP,
                        _ if k == CROSSED => self.crossed_score(i - 2, j - 2) + CROSS,
                        _ if di == 1 && dj == 1 => self.score11(i - 1, j - 1),
                        _ => {
                            let (si, tj) = (i - di..i, j - dj..j);
                            self.merge_cost(&si, &tj) + sure.unwrap_or_else(|| self.score(si, tj))
                        }
                    };
                    let total = prev + gain;
                    if total > best[here] {
                        best[here] = total;
                        back[here] = k as u8;
                    }
                }
            }
        }
        if best[self.band.index(n, m)] == f32::NEG_INFINITY {
            return None;
        }
        // Walk back from (n, m).
        let mut rows = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let k = back[self.band.index(i, j)];
            let (di, dj) =
                MOVES
                    .get(k as usize)
                    .copied()
                    .unwrap_or(if i > 0 { (1, 0) } else { (0, 1) });
            rows.push(Row {
                source: i - di..i,
                target: j - dj..j,
                score: 0.0,
                crossed: k as usize == CROSSED,
                moved: None,
            });
            i -= di;
            j -= dj;
        }
        rows.reverse();
        let mut rows = self.regroup_weak_pairs(rows);
        self.keep_sections(&mut rows);
        for row in &mut rows {
            row.score = self.confidence(row);
        }
        let replaced = self.weigh_context(&mut rows);
        let rows = self.unpair(rows, &replaced);
        Some(Alignment { rows })
    }

    /// Gives a block of a pair that rests on its position alone to the
    /// neighbouring pair its words belong to: a paragraph the translator
    /// wrote into the paragraph before or after (two English paragraphs made
    /// one, their sentences in another order), paired instead with the next
    /// block, which translates something else. The program weighs that merge
    /// and may refuse it on length (the merged row is longer than its parts
    /// were) when the weak pair costs less than leaving two blocks out.
    ///
    /// A 1-1 row is regrouped when it shares no anchor and next to no word
    /// stem ([`WEAK_SUPPORT`]), and one of its blocks shares with the other
    /// side of the nearest pair row on either side at least two anchors or
    /// stems (one word in common is chance: `places` beside `takes place`),
    /// weighing at least [`BELONGS`] and twice what it shares with its
    /// partner, the blocks being next to each other on that side. The block
    /// joins that row (a merge of at most three prose blocks, no list items
    /// of one list made one, kinds that pair), and its partner is left
    /// unmatched.
    fn regroup_weak_pairs(&self, mut rows: Vec<Row>) -> Vec<Row> {
        let pair = |r: &Row| !r.source.is_empty() && !r.target.is_empty() && !r.crossed;
        let weight = |si: &Range<usize>, tj: &Range<usize>| {
            let (a, w) = self.shared(si, tj);
            a + w
        };
        let mut regrouped = false;
        let mut k = 0;
        while k < rows.len() {
            let w = &rows[k];
            if !pair(w)
                || w.source.len() != 1
                || w.target.len() != 1
                || self.keyed(w)
                || self.support(w.source.clone(), w.target.clone()) >= WEAK_SUPPORT
            {
                k += 1;
                continue;
            }
            let own = weight(&w.source, &w.target);
            let before = (0..k).rev().find(|&x| pair(&rows[x]));
            let after = (k + 1..rows.len()).find(|&x| pair(&rows[x]));
            // (row to join, source side?, that side joined, its weight)
            let mut best: Option<(usize, bool, Range<usize>, f32)> = None;
            for n in [before, after].into_iter().flatten() {
                let r = &rows[n];
                for source_side in [true, false] {
                    let (mine, theirs) = if source_side {
                        (&w.source, &r.source)
                    } else {
                        (&w.target, &r.target)
                    };
                    let next_to = theirs.end == mine.start || mine.end == theirs.start;
                    let joined = theirs.start.min(mine.start)..theirs.end.max(mine.end);
                    // Paragraphs made one, or an item and its sub-item: a
                    // block of another kind (the paragraph after a list)
                    // was not written into the row's.
                    let segs = if source_side {
                        self.s.segs
                    } else {
                        self.t.segs
                    };
                    let one_kind = segs[joined.clone()]
                        .windows(2)
                        .all(|p| p[0].kind == p[1].kind);
                    // The block with the row's other side, and the row it
                    // would make.
                    let ((bs, bt), (si, tj)) = if source_side {
                        (
                            (mine.clone(), r.target.clone()),
                            (joined.clone(), r.target.clone()),
                        )
                    } else {
                        (
                            (r.source.clone(), mine.clone()),
                            (r.source.clone(), joined.clone()),
                        )
                    };
                    let shared = weight(&bs, &bt);
                    if !next_to
                        || !one_kind
                        || shared < BELONGS
                        || shared < 2.0 * own
                        || best.as_ref().is_some_and(|&(_, _, _, b)| b >= shared)
                        || !self.can_merge(&si, &tj)
                        || self.common_tokens(&bs, &bt) < 2
                    {
                        continue;
                    }
                    best = Some((n, source_side, joined, shared));
                }
            }
            let Some((n, source_side, joined, _)) = best else {
                k += 1;
                continue;
            };
            // The block goes to row `n`; its partner stays alone (its empty
            // side placed below).
            if source_side {
                rows[n].source = joined;
                rows[k].source.end = rows[k].source.start;
            } else {
                rows[n].target = joined;
                rows[k].target.end = rows[k].target.start;
            }
            regrouped = true;
            k += 1;
        }
        if regrouped {
            // The empty side of a one-sided row sits where the rows before
            // it end (a block given to a row before it moved that place).
            let (mut i, mut j) = (0, 0);
            for r in &mut rows {
                if r.source.is_empty() {
                    r.source = i..i;
                }
                if r.target.is_empty() {
                    r.target = j..j;
                }
                (i, j) = (r.source.end, r.target.end);
            }
        }
        rows
    }

    /// How many distinct anchors and word stems source `si` and target `tj`
    /// have in common, whatever their weights.
    fn common_tokens(&self, si: &Range<usize>, tj: &Range<usize>) -> usize {
        let set = |segs: &[SegFeatures], r: &Range<usize>| -> HashSet<u64> {
            segs[r.clone()]
                .iter()
                .flat_map(|x| x.anchors.iter().chain(&x.words).copied())
                .collect()
        };
        set(self.s.segs, si)
            .intersection(&set(self.t.segs, tj))
            .count()
    }

    /// True when `si` and `tj` may be one row: prose blocks only, at most
    /// three on one side and one on the other, no items of one list made
    /// one item, kinds that pair.
    fn can_merge(&self, si: &Range<usize>, tj: &Range<usize>) -> bool {
        self.merge_shape(si, tj)
            && self.merge_cost(si, tj) == merge_base(si, tj)
            && self.kind_score(si, tj) != f32::NEG_INFINITY
    }

    /// True when `si` and `tj` have the shape of a merged row: prose blocks
    /// only, at most three on one side and one on the other.
    fn merge_shape(&self, si: &Range<usize>, tj: &Range<usize>) -> bool {
        si.clone().all(|i| self.s.segs[i].mergeable)
            && tj.clone().all(|j| self.t.segs[j].mergeable)
            && si.len().max(tj.len()) <= 3
            && si.len().min(tj.len()) <= 1
    }

    /// Keeps a translated block in its section: when English blocks left
    /// unmatched run from the last pair to a pair `(s, t)` and a heading
    /// among them opens a section the translation does not have (dropped,
    /// or added to the English since), the target `t`, with no heading of
    /// its own before it, still belongs to the section before that heading.
    /// When `(s, t)` rests on position alone, the nearest unmatched English
    /// block of that section is `t`'s partner if pairing them beats leaving
    /// both out: `(u, t)`, then `s` alone.
    fn keep_sections(&self, rows: &mut [Row]) {
        let heading = |i: usize| self.s.segs[i].kind == SegmentKind::Heading;
        let source_only = |r: &Row| !r.source.is_empty() && r.target.is_empty();
        for k in 0..rows.len() {
            let row = &rows[k];
            if row.source.len() != 1 || row.target.len() != 1 || row.crossed {
                continue;
            }
            let (s, t) = (row.source.start, row.target.start);
            if heading(s) || self.t.segs[t].kind == SegmentKind::Heading {
                continue;
            }
            // The source-only rows right before, back to the last pair.
            let first = (0..k)
                .rev()
                .take_while(|&x| source_only(&rows[x]))
                .last()
                .unwrap_or(k);
            let run = first..k;
            let Some(h) = run.clone().find(|&x| rows[x].source.clone().any(heading)) else {
                continue;
            };
            // The nearest single block before that heading.
            let Some(u) = (first..h)
                .rev()
                .find(|&x| rows[x].source.len() == 1 && !heading(rows[x].source.start))
            else {
                continue;
            };
            let ui = rows[u].source.start;
            // Only where the translation keeps the English's sections: the
            // heading of `u`'s section is paired with a heading (a
            // translation of a version without headings has no sections to
            // keep).
            let opened = (0..u).rev().find(|&x| rows[x].source.clone().any(heading));
            let kept = opened.is_some_and(|x| {
                rows[x]
                    .target
                    .clone()
                    .any(|j| self.t.segs[j].kind == SegmentKind::Heading)
            });
            if !kept {
                continue;
            }
            // A segment a correction keeps alone stays alone.
            let forced = |v: &[Option<usize>], x: usize| v.get(x).copied().flatten().is_some();
            if forced(&self.forced.source, ui)
                || forced(&self.forced.source, s)
                || forced(&self.forced.target, t)
            {
                continue;
            }
            // Section structure outweighs position, not evidence: `(s, t)`
            // must rest on position alone, `(u, t)` beat leaving both out.
            if !self.band.contains(ui, t)
                || self.support(s..s + 1, t..t + 1) >= WEAK_SUPPORT
                || self.score11(ui, t) <= 2.0 * SKIP
            {
                continue;
            }
            let before = rows[u].target.start;
            rows[u].target = before..t + 1;
            rows[k].target = t + 1..t + 1;
            for r in &mut rows[u + 1..k] {
                r.target = t + 1..t + 1;
            }
        }
    }

    /// The evidence a pair row rests on besides kind, length and position:
    /// what its shared anchors and word stems add to its score (0 when it
    /// shares nothing), and for a table cell what the other cells of its
    /// row share (see [`Ctx::row_evidence`]).
    fn support(&self, si: Range<usize>, tj: Range<usize>) -> f32 {
        let row = if si.len() == 1 && tj.len() == 1 {
            self.row_evidence(si.start, tj.start)
        } else {
            0.0
        };
        self.own_support(si, tj) + row
    }

    /// [`Ctx::support`] from the blocks' own tokens alone.
    fn own_support(&self, si: Range<usize>, tj: Range<usize>) -> f32 {
        let (inter_a, inter_w) = self.shared(&si, &tj);
        let tot_a: f32 = si.clone().map(|i| self.s_anchor_w[i]).sum::<f32>()
            + tj.clone().map(|j| self.t_anchor_w[j]).sum::<f32>();
        let tot_w: f32 =
            si.map(|i| self.s_word_w[i]).sum::<f32>() + tj.map(|j| self.t_word_w[j]).sum::<f32>();
        anchor_evidence(inter_a, tot_a).max(0.0) + word_evidence(inter_w, tot_w).max(0.0)
    }

    /// Lowers the confidence of rows whose place in the alignment, not their
    /// own evidence, makes them doubtful:
    ///
    /// - a pair that shares no anchor and next to no word stem rests on its
    ///   position alone, which a long skip beside it undermines (a replaced
    ///   section, button labels beside section titles); one block added or
    ///   dropped beside it does not;
    /// - a block left unmatched right beside an unmatched block of the other
    ///   side may be its rewritten or replaced counterpart;
    /// - a block left unmatched that the neighbouring pair could nearly as
    ///   well have taken in (a merge the program weighed and refused by a
    ///   small margin).
    ///
    /// Returns which rows belong to a replaced section (see
    /// [`Ctx::doubt_replaced_sections`]).
    fn weigh_context(&self, rows: &mut [Row]) -> Vec<bool> {
        let one_sided = |r: &Row| r.source.is_empty() != r.target.is_empty();
        let weak: Vec<bool> = rows
            .iter()
            .map(|r| {
                !r.source.is_empty()
                    && !r.target.is_empty()
                    && !r.crossed
                    && !self.keyed(r)
                    && self.support(r.source.clone(), r.target.clone()) < WEAK_SUPPORT
            })
            .collect();
        // Segments skipped in the one-sided rows right before and after a row.
        let skipped = |r: &Row| {
            if one_sided(r) {
                r.source.len() + r.target.len()
            } else {
                0
            }
        };
        let run_before = |k: usize| -> usize {
            rows[..k]
                .iter()
                .rev()
                .map(skipped)
                .take_while(|&n| n > 0)
                .sum()
        };
        let run_after = |k: usize| -> usize {
            rows[k + 1..]
                .iter()
                .map(skipped)
                .take_while(|&n| n > 0)
                .sum()
        };
        let mut doubt = vec![false; rows.len()];
        for k in 0..rows.len() {
            let mut neighbours = [k.checked_sub(1), (k + 1 < rows.len()).then_some(k + 1)]
                .into_iter()
                .flatten();
            if weak[k] {
                doubt[k] = (run_before(k) >= LONG_SKIP || run_after(k) >= LONG_SKIP)
                    && !self.heading_confirmed(rows, &weak, k);
            } else if one_sided(&rows[k]) {
                let source_side = !rows[k].source.is_empty();
                doubt[k] = neighbours.any(|n| {
                    (one_sided(&rows[n]) && rows[n].source.is_empty() == source_side)
                        || self.merge_margin(&rows[k], &rows[n]) < MERGE_MARGIN
                });
                // A run of blocks of one side left unmatched together
                // (an intro and a list item that the translation wrote as
                // one paragraph with the next pair's block): doubtful when
                // the whole run taken into the pair beside it would cost
                // little more, the margin counted per block of the run.
                let same_side = |r: &Row| one_sided(r) && r.source.is_empty() != source_side;
                let first = (0..k)
                    .rev()
                    .take_while(|&x| same_side(&rows[x]))
                    .last()
                    .unwrap_or(k);
                let last = (k + 1..rows.len())
                    .take_while(|&x| same_side(&rows[x]))
                    .last()
                    .unwrap_or(k);
                if !doubt[k] && last > first {
                    let run = Row {
                        source: rows[first].source.start..rows[last].source.end,
                        target: rows[first].target.start..rows[last].target.end,
                        score: 0.0,
                        crossed: false,
                        moved: None,
                    };
                    let blocks = (run.source.len() + run.target.len()) as f32;
                    doubt[k] = [
                        first.checked_sub(1),
                        (last + 1 < rows.len()).then_some(last + 1),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|n| self.merge_margin(&run, &rows[n]) < MERGE_MARGIN * blocks);
                }
            }
        }
        let mut replaced = vec![false; rows.len()];
        self.doubt_replaced_sections(rows, &mut doubt, &mut replaced);
        for (row, doubt) in rows.iter_mut().zip(&doubt) {
            if *doubt {
                row.score = row.score.min(DOUBT_CAP);
            }
        }
        replaced
    }

    /// Marks as doubtful every pair of a section that looks replaced: its
    /// heading pair is doubtful and at most half of its other rows are
    /// sure pairs (the rest doubtful or one-sided). A section the English
    /// rewrote on another subject (a label renamed, its list of values
    /// changed) keeps look-alike blocks (`Property` beside `property`, a
    /// code template) that translate nothing of each other: when the
    /// section has at least [`REPLACED_MIN_ROWS`] rows besides its heading,
    /// the heading's row and those pairs are marked `replaced` (to be
    /// unpaired), since a translated section of that size keeps most of its
    /// blocks' evidence.
    fn doubt_replaced_sections(&self, rows: &[Row], doubt: &mut [bool], replaced: &mut [bool]) {
        let heading_in = |r: &Row| {
            r.source
                .clone()
                .any(|i| self.s.segs[i].kind == SegmentKind::Heading)
                || r.target
                    .clone()
                    .any(|j| self.t.segs[j].kind == SegmentKind::Heading)
        };
        let pair = |r: &Row| !r.source.is_empty() && !r.target.is_empty();
        let mut k = 0;
        while k < rows.len() {
            let opens =
                pair(&rows[k]) && heading_in(&rows[k]) && (doubt[k] || rows[k].needs_review());
            if !opens {
                k += 1;
                continue;
            }
            let end = (k + 1..rows.len())
                .find(|&x| heading_in(&rows[x]))
                .unwrap_or(rows.len());
            let sure = (k + 1..end)
                .filter(|&x| pair(&rows[x]) && !doubt[x] && !rows[x].needs_review())
                .count();
            let others = end - k - 1;
            if others > 0 && 2 * sure <= others {
                replaced[k] = others >= REPLACED_MIN_ROWS;
                for x in k + 1..end {
                    if pair(&rows[x]) {
                        doubt[x] = true;
                        replaced[x] = others >= REPLACED_MIN_ROWS;
                    }
                }
            }
            k = end;
        }
    }

    /// Splits every pair row marked `replaced` into one-sided rows, each
    /// with the confidence of a segment left unmatched.
    fn unpair(&self, rows: Vec<Row>, replaced: &[bool]) -> Vec<Row> {
        let mut out = Vec::with_capacity(rows.len());
        for (row, &gone) in rows.into_iter().zip(replaced) {
            if !gone || row.source.is_empty() || row.target.is_empty() {
                out.push(row);
                continue;
            }
            let (before, after) = (row.target.start, row.source.end);
            let lone = row
                .source
                .clone()
                .map(|i| (i..i + 1, before..before))
                .chain(row.target.clone().map(|j| (after..after, j..j + 1)));
            for (source, target) in lone {
                let mut r = Row {
                    source,
                    target,
                    score: 0.0,
                    crossed: false,
                    moved: None,
                };
                r.score = self.confidence(&r);
                out.push(r);
            }
        }
        out
    }

    /// True when row `k` pairs two headings and the rows right after it pair
    /// the blocks of both sections without a gap, up to one pair with
    /// evidence of its own: a heading is confirmed by the section it opens,
    /// whatever was dropped before it.
    fn heading_confirmed(&self, rows: &[Row], weak: &[bool], k: usize) -> bool {
        let heading = |seg: &SegFeatures| seg.kind == SegmentKind::Heading;
        let row = &rows[k];
        if row.source.len() != 1
            || row.target.len() != 1
            || !heading(&self.s.segs[row.source.start])
            || !heading(&self.t.segs[row.target.start])
        {
            return false;
        }
        for (next, &next_weak) in rows[k + 1..].iter().zip(&weak[k + 1..]) {
            let pair = !next.source.is_empty() && !next.target.is_empty() && !next.crossed;
            if !pair
                || next.source.clone().any(|i| heading(&self.s.segs[i]))
                || next.target.clone().any(|j| heading(&self.t.segs[j]))
            {
                return false;
            }
            if !next_weak {
                return true;
            }
        }
        false
    }

    /// True for a 1-1 row of front matter fields or shortcode parameters
    /// with the same key: the key is the evidence.
    fn keyed(&self, r: &Row) -> bool {
        let (a, b) = (&self.s.segs[r.source.start], &self.t.segs[r.target.start]);
        r.source.len() == 1 && r.target.len() == 1 && a.key.is_some() && a.key == b.key
    }

    /// How much better the one-sided row `lone` is left alone than taken
    /// into its neighbouring pair row `pair` as a merge; infinite when the
    /// merge is not possible.
    fn merge_margin(&self, lone: &Row, pair: &Row) -> f32 {
        if lone.source.is_empty() == lone.target.is_empty()
            || pair.source.is_empty()
            || pair.target.is_empty()
            || pair.crossed
        {
            return f32::INFINITY;
        }
        let join = |a: &Range<usize>, b: &Range<usize>| -> Option<Range<usize>> {
            (a.end == b.start || b.end == a.start).then(|| a.start.min(b.start)..a.end.max(b.end))
        };
        let merged = if lone.target.is_empty() {
            join(&lone.source, &pair.source).map(|s| (s, pair.target.clone()))
        } else {
            join(&lone.target, &pair.target).map(|t| (pair.source.clone(), t))
        };
        let Some((si, tj)) = merged else {
            return f32::INFINITY;
        };
        if !self.merge_shape(&si, &tj) {
            return f32::INFINITY;
        }
        let now = self.score(pair.source.clone(), pair.target.clone())
            + self.merge_cost(&pair.source, &pair.target)
            + SKIP;
        let alternative = self.score(si.clone(), tj.clone()) + self.merge_cost(&si, &tj);
        now - alternative
    }

    /// What making one row of `si` and `tj` costs besides its score: nothing
    /// for a 1-1 row, more for three blocks than for two, and more again
    /// when items of one list at one level, one of which shares nothing
    /// (no anchor, no word stem) with the other side, are made one item of
    /// the other side's list. A list kept a list is translated item by
    /// item: an item that brings nothing to the row is more likely one
    /// added or dropped than half of a merge. Two items that each share a
    /// name with the one they were made into, a paragraph split in two, an
    /// item with its sub-item, or items that were one paragraph in the
    /// version translated, are merges as before.
    fn merge_cost(&self, si: &Range<usize>, tj: &Range<usize>) -> f32 {
        let base = merge_base(si, tj);
        let siblings = |segs: &[SegFeatures], r: &Range<usize>| {
            r.len() > 1
                && segs[r.clone()].windows(2).any(|p| {
                    p.iter().all(|x| x.kind == SegmentKind::ListItem) && p[0].level == p[1].level
                })
        };
        let items = |segs: &[SegFeatures], r: &Range<usize>| {
            segs[r.clone()]
                .iter()
                .all(|x| x.kind == SegmentKind::ListItem)
        };
        // An item that shares no anchor and no word stem with the other side.
        let idle_source = || si.clone().any(|i| !self.shares_any(&(i..i + 1), tj));
        let idle_target = || tj.clone().any(|j| !self.shares_any(si, &(j..j + 1)));
        if (siblings(self.s.segs, si) && items(self.t.segs, tj) && idle_source())
            || (siblings(self.t.segs, tj) && items(self.s.segs, si) && idle_target())
        {
            base + SIBLING_ITEMS
        } else {
            base
        }
    }

    /// Scores source `i, i+1` paired crosswise with target `j, j+1`.
    fn crossed_score(&self, i: usize, j: usize) -> f32 {
        self.score11(i, j + 1) + self.score11(i + 1, j)
    }

    /// Turns a row's evidence into a confidence between 0 and 1.
    fn confidence(&self, row: &Row) -> f64 {
        let logistic = |x: f32| 1.0 / (1.0 + (-f64::from(x)).exp());
        if row.crossed {
            // As sure as its weaker pair.
            let (i, j) = (row.source.start, row.target.start);
            let weaker = self.score11(i, j + 1).min(self.score11(i + 1, j));
            return logistic(1.2 * (weaker - 0.3));
        }
        match (row.source.is_empty(), row.target.is_empty()) {
            (false, false) => {
                logistic(1.2 * (self.score(row.source.clone(), row.target.clone()) - 0.3))
            }
            // An unmatched segment is as sure as its best possible partner is poor.
            (false, true) => {
                let i = row.source.start;
                let best = (self.band.lo[i]
                    ..=self.band.hi[i].min(self.t.segs.len().saturating_sub(1)))
                    .filter(|&j| j < self.t.segs.len())
                    .map(|j| self.score11(i, j))
                    .fold(f32::NEG_INFINITY, f32::max);
                logistic(1.2 * (-best + 1.0))
            }
            (true, false) => {
                let j = row.target.start;
                let best = (0..self.s.segs.len())
                    .filter(|&i| self.band.contains(i, j))
                    .map(|i| self.score11(i, j))
                    .fold(f32::NEG_INFINITY, f32::max);
                logistic(1.2 * (-best + 1.0))
            }
            (true, true) => 1.0,
        }
    }
}

/// The cost of making one row of `si` and `tj`, by its size alone: nothing
/// for a 1-1 row, more for three blocks than for two.
fn merge_base(si: &Range<usize>, tj: &Range<usize>) -> f32 {
    match si.len().max(tj.len()) {
        2 => MERGE2,
        3 => MERGE3,
        _ => 0.0,
    }
}

/// For every segment of `s` and of `t`, the segment of the other side
/// whose heading has the same explicit `{#id}` (ids are unique in a page).
fn id_partners(s: &Features, t: &Features) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let index = |f: &Features| -> HashMap<u64, usize> {
        f.segs
            .iter()
            .enumerate()
            .filter_map(|(k, x)| Some((x.id?, k)))
            .collect()
    };
    let (s_ids, t_ids) = (index(s), index(t));
    let partners = |f: &Features, other: &HashMap<u64, usize>| -> Vec<Option<usize>> {
        f.segs.iter().map(|x| other.get(&x.id?).copied()).collect()
    };
    (partners(s, &t_ids), partners(t, &s_ids))
}

/// True when source `i` and target `j` may not pair: one is a heading whose
/// explicit id the other side gives to another heading. Translations keep
/// heading ids (links to the section rely on them), so `#### Yarn {#yarn}`
/// is no translation of `#### PostgreSQL {#postgresql}` when the
/// translation has its own `{#postgresql}` heading elsewhere.
fn id_conflict(
    s_partner: &[Option<usize>],
    t_partner: &[Option<usize>],
    i: usize,
    j: usize,
) -> bool {
    s_partner.get(i).copied().flatten().is_some_and(|p| p != j)
        || t_partner.get(j).copied().flatten().is_some_and(|p| p != i)
}

/// Least number of link destinations two documents share for a block whose
/// links the other never has to count against pairing it (see
/// [`Ctx::links_left_out`]): with fewer, the translation may not keep
/// links at all, or the English may have changed them all since.
const KEPT_LINKS: usize = 2;

/// For every segment of `s` and of `t`, whether it is its links (see
/// [`SegFeatures::link_only`]) and none of them is found on the other side,
/// on a page pair that keeps its links (see [`Ctx::links_left_out`]).
fn lonely_links(s: &Features, t: &Features) -> (Vec<bool>, Vec<bool>) {
    let all = |f: &Features| -> HashSet<u64> {
        f.segs
            .iter()
            .flat_map(|x| x.links.iter().copied())
            .collect()
    };
    let (s_all, t_all) = (all(s), all(t));
    let kept = s_all.intersection(&t_all).count() >= KEPT_LINKS;
    let sides = |f: &Features, other: &HashSet<u64>| -> Vec<bool> {
        f.segs
            .iter()
            .map(|x| kept && x.link_only && x.links.iter().all(|l| !other.contains(l)))
            .collect()
    };
    (sides(s, &t_all), sides(t, &s_all))
}

/// The score of a row from its kind compatibility, its shared anchor and
/// word weights against their totals, and its lengths: everything but its
/// position in the page.
#[inline]
fn evidence_score(
    kind: f32,
    (inter_a, s_a, t_a): (f32, f32, f32),
    (inter_w, tot_w): (f32, f32),
    (ls, lt): (f32, f32),
    ratio: f32,
) -> f32 {
    let mut score = 1.0 + kind;
    score += anchor_evidence(inter_a, s_a + t_a);
    score += word_evidence(inter_w, tot_w);
    // Two blocks that each carry several links, numbers or code spans and
    // share none of them, nor any word stem or name, are no translation of
    // each other: translators keep those. (With a name or stem in common,
    // the English may have updated every link and version since.)
    if inter_a <= 0.0 && inter_w <= 0.0 && s_a >= ANCHOR_RICH && t_a >= ANCHOR_RICH {
        score -= UNRELATED;
    }
    let delta = (lt - ratio * ls) / (ls.max(lt).max(4.0) * LENGTH_VARIANCE).sqrt();
    score - (0.5 * delta * delta).min(LENGTH_CAP)
}

/// What the anchors two blocks share (weight `inter` of the `total` both
/// carry) add to their pair's score; negative when they share too few.
fn anchor_evidence(inter: f32, total: f32) -> f32 {
    if total <= 0.0 {
        return 0.0;
    }
    let dice = (2.0 * inter / total).min(1.0);
    // Evidence grows with the weight of the tokens at stake.
    let strength = (total / 2.0).min(1.5);
    5.0 * strength * (dice - 0.35)
}

/// What the word stems two blocks share add to their pair's score, as
/// [`anchor_evidence`] for anchors.
fn word_evidence(inter: f32, total: f32) -> f32 {
    if total <= 0.0 {
        return 0.0;
    }
    let dice = (2.0 * inter / total).min(1.0);
    let strength = (total / 4.0).min(1.0);
    4.0 * strength * (dice - 0.12)
}

/// Least score, position left out, of a moved pair.
const MOVE_MIN: f32 = 2.5;
/// Pages with more unmatched pairs to weigh than this look for no moves.
const MOVE_MAX_PAIRS: usize = 1_000_000;

/// Pairs the unmatched segments that translate each other from different
/// places of the page: a block or section moved since, which the in-order
/// program leaves as a drop plus an addition. A pair must be each other's
/// best, of compatible kinds, and score at least [`MOVE_MIN`] on its
/// evidence alone (anchors, words, length), with an anchor or a fair share
/// of words in common. The rows stay where they are; each names its partner
/// in [`Row::moved`] and takes the pair's confidence.
///
/// `settled` rows (a translator's corrections) are left as they are.
fn find_moves(
    source: &[SegFeatures],
    target: &[SegFeatures],
    rows: &mut [Row],
    settled: &dyn Fn(&Row) -> bool,
) {
    let Some((s_rows, t_rows)) = lonely_rows(rows, settled) else {
        return;
    };
    let (s, t) = (Features::of(source), Features::of(target));
    let w = Weights::new(&s, &t);
    let ratio = length_ratio(&s, &t, &w.unique_pairs);
    moves_with(&s, &t, &w, ratio, rows, &s_rows, &t_rows);
}

/// The unmatched single segments of each side, as (row, segment) pairs;
/// `None` when one side has none or there are too many pairs to weigh.
#[allow(clippy::type_complexity)]
fn lonely_rows(
    rows: &[Row],
    settled: &dyn Fn(&Row) -> bool,
) -> Option<(Vec<(usize, usize)>, Vec<(usize, usize)>)> {
    let lonely = |source_side: bool| -> Vec<(usize, usize)> {
        rows.iter()
            .enumerate()
            .filter(|(_, r)| r.moved.is_none() && !settled(r))
            .filter_map(
                |(k, r)| match (source_side, r.source.len(), r.target.len()) {
                    (true, 1, 0) => Some((k, r.source.start)),
                    (false, 0, 1) => Some((k, r.target.start)),
                    _ => None,
                },
            )
            .collect()
    };
    let (s_rows, t_rows) = (lonely(true), lonely(false));
    let weighable = !s_rows.is_empty()
        && !t_rows.is_empty()
        && s_rows.len().saturating_mul(t_rows.len()) <= MOVE_MAX_PAIRS;
    weighable.then_some((s_rows, t_rows))
}

/// [`find_moves`] with the pair's features already computed.
fn moves_with(
    s: &Features,
    t: &Features,
    w: &Weights,
    ratio: f32,
    rows: &mut [Row],
    s_rows: &[(usize, usize)],
    t_rows: &[(usize, usize)],
) {
    // Each candidate's tokens with their weights, looked up once.
    struct Side {
        anchors: Weighted,
        words: Weighted,
        anchor_w: f32,
        word_w: f32,
    }
    let side = |f: &SegFeatures| {
        let (anchors, words) = (
            with_weights(&f.anchors, &w.anchor),
            with_weights(&f.words, &w.word),
        );
        Side {
            anchor_w: anchors.iter().map(|p| p.1).sum(),
            word_w: words.iter().map(|p| p.1).sum(),
            anchors,
            words,
        }
    };
    let s_side: Vec<Side> = s_rows.iter().map(|&(_, i)| side(&s.segs[i])).collect();
    let t_side: Vec<Side> = t_rows.iter().map(|&(_, j)| side(&t.segs[j])).collect();
    let shared = |a: &Weighted, b: &Weighted| -> f32 {
        let (mut x, mut y, mut sum) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[x].1;
                    x += 1;
                    y += 1;
                }
            }
        }
        sum
    };
    let (s_partner, t_partner) = id_partners(s, t);
    let score = |x: usize, y: usize| -> Option<f32> {
        let (a, b) = (&s.segs[s_rows[x].1], &t.segs[t_rows[y].1]);
        let kind = kind_pair(a, b, false);
        if kind == f32::NEG_INFINITY
            || id_conflict(&s_partner, &t_partner, s_rows[x].1, t_rows[y].1)
        {
            return None;
        }
        let (sa, tb) = (&s_side[x], &t_side[y]);
        let inter_a = shared(&sa.anchors, &tb.anchors);
        let inter_w = shared(&sa.words, &tb.words);
        let tot_w = sa.word_w + tb.word_w;
        let word_share = if tot_w > 0.0 {
            2.0 * inter_w / tot_w
        } else {
            0.0
        };
        if inter_a <= 0.0 && word_share < 0.3 {
            return None;
        }
        let v = evidence_score(
            kind,
            (inter_a, sa.anchor_w, tb.anchor_w),
            (inter_w, tot_w),
            (a.len, b.len),
            row_ratio(a, ratio),
        );
        (v >= MOVE_MIN).then_some(v)
    };
    // Paired rows before each row: a move crosses at least one, else the
    // two blocks sit at the same place and the program weighed them there.
    let mut paired_before = Vec::with_capacity(rows.len() + 1);
    paired_before.push(0usize);
    for r in rows.iter() {
        let last = paired_before.last().copied().unwrap_or(0);
        paired_before.push(last + usize::from(!r.source.is_empty() && !r.target.is_empty()));
    }
    let in_place = |x: usize, y: usize| {
        let (a, b) = (s_rows[x].0.min(t_rows[y].0), s_rows[x].0.max(t_rows[y].0));
        paired_before[b] == paired_before[a]
    };
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for x in 0..s_rows.len() {
        for y in 0..t_rows.len() {
            if in_place(x, y) {
                continue;
            }
            if let Some(v) = score(x, y) {
                pairs.push((v, x, y));
            }
        }
    }
    // Best first; a pair is taken only when neither side has a better one.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut s_taken, mut t_taken) = (vec![false; s_rows.len()], vec![false; t_rows.len()]);
    let (mut s_seen, mut t_seen) = (vec![false; s_rows.len()], vec![false; t_rows.len()]);
    for (v, x, y) in pairs {
        let first = !s_seen[x] && !t_seen[y];
        s_seen[x] = true;
        t_seen[y] = true;
        if !first || s_taken[x] || t_taken[y] {
            continue;
        }
        s_taken[x] = true;
        t_taken[y] = true;
        let ((rs, i), (rt, j)) = (s_rows[x], t_rows[y]);
        let confidence = 1.0 / (1.0 + (-1.2 * f64::from(v - 0.3)).exp());
        rows[rs].moved = Some(j);
        rows[rs].score = confidence;
        rows[rt].moved = Some(i);
        rows[rt].score = confidence;
    }
}

/// Whether a segment's length says how long its translation is: prose
/// does, by the pair's length ratio; a code block or a shortcode is kept as
/// it is, whatever the languages.
fn is_prose(seg: &SegFeatures) -> bool {
    !matches!(seg.kind, SegmentKind::Code | SegmentKind::Shortcode)
}

/// The length ratio a row starting with `first` is weighed with: the
/// pair's for prose, 1 for blocks kept as they are (a Chinese paragraph is
/// a third as long as its English, its code block is not).
fn row_ratio(first: &SegFeatures, ratio: f32) -> f32 {
    if is_prose(first) { ratio } else { 1.0 }
}

/// Estimates target characters per source character of prose: the median
/// over prose segments paired by a unique token (a pair counted once per
/// token, so a pair with more evidence weighs more), else the ratio of
/// prose totals, bounded. Code
/// blocks and blocks left as they are (lists of links) are left out: their
/// ratio is 1 in any language, and counting them pulled the ratio of a
/// Chinese release note from about 0.5 to 1.
fn length_ratio(s: &Features, t: &Features, unique_pairs: &[(usize, usize)]) -> f32 {
    let pairs: Vec<(usize, usize)> = unique_pairs
        .iter()
        .copied()
        .filter(|&(i, j)| {
            let (a, b) = (&s.segs[i], &t.segs[j]);
            // A block left as it is (a list of links, a name) says
            // nothing of how long a translation is.
            is_prose(a) && is_prose(b) && !(a.len == b.len && a.words == b.words)
        })
        .collect();
    let mut ratios: Vec<f32> = pairs
        .iter()
        .map(|&(i, j)| (s.segs[i].len, t.segs[j].len))
        .filter(|&(a, b)| a >= 30.0 && b >= 30.0)
        .map(|(a, b)| b / a)
        .collect();
    if ratios.len() >= 3 {
        ratios.sort_by(f32::total_cmp);
        return ratios[ratios.len() / 2].clamp(0.2, 3.0);
    }
    let prose_len =
        |f: &Features| -> f32 { f.segs.iter().filter(|x| is_prose(x)).map(|x| x.len).sum() };
    let (ls, lt) = (prose_len(s), prose_len(t));
    if ls > 0.0 && lt > 0.0 {
        (lt / ls).clamp(0.8, 1.5)
    } else {
        1.0
    }
}

/// Kind compatibility of two segments.
#[inline]
fn kind_pair(a: &SegFeatures, b: &SegFeatures, multi: bool) -> f32 {
    use SegmentKind::*;
    match (a.kind, b.kind) {
        (FrontMatter, FrontMatter) if !multi && a.key == b.key => 1.5,
        (FrontMatter, _) | (_, FrontMatter) => f32::NEG_INFINITY,
        (ShortcodeParam, ShortcodeParam) if !multi && a.key == b.key => 0.5,
        (ShortcodeParam, ShortcodeParam) => -2.0,
        (ShortcodeParam, _) | (_, ShortcodeParam) => f32::NEG_INFINITY,
        // Blocks a translation keeps as they are pair only with their like.
        (Code, Code) if !multi => 0.5,
        (Shortcode, Shortcode) if !multi && a.key == b.key => 1.0,
        (Shortcode, Shortcode) if !multi => -1.0,
        (Code | Shortcode, _) | (_, Code | Shortcode) => f32::NEG_INFINITY,
        (Heading, Heading) if multi => f32::NEG_INFINITY,
        (Heading, Heading) => {
            if a.level == b.level {
                0.6
            } else {
                0.2
            }
        }
        // The same short text in another kind of block is one name the
        // translation set out its own way (`### schedulerName` written as
        // the list item `* schedulerName`).
        (
            Heading | TableCell | ListItem | Paragraph,
            Heading | TableCell | ListItem | Paragraph,
        ) if !multi && a.short_text.is_some() && a.short_text == b.short_text => 0.0,
        (Heading, _) | (_, Heading) => -3.0,
        (TableCell, TableCell) => 0.0,
        (TableCell, _) | (_, TableCell) => -3.0,
        (ListItem, ListItem) => {
            if a.level == b.level {
                0.3
            } else {
                0.0
            }
        }
        (Paragraph, Paragraph) | (Blockquote, Blockquote) => 0.3,
        (Paragraph, Blockquote) | (Blockquote, Paragraph) => -0.3,
        _ => -0.6,
    }
}

fn band_row_len(band: &Band, i: usize) -> usize {
    band.hi[i] - band.lo[i] + 1
}

/// Builds the band: around the longest increasing chain of unique token
/// pairs, `BAND` segments either side; the whole matrix when it is small.
///
/// Between two skeleton points the band covers the whole jump (a dropped
/// section moves the path far off the line), unless that would make the band
/// larger than [`MAX_BAND_CELLS_PER_SEGMENT`] cells per segment: a page
/// with no unique tokens (the same paragraph repeated) would otherwise ask
/// for the whole matrix. Then it keeps `BAND` either side of the line, so
/// memory stays linear in the input.
fn make_band(n: usize, m: usize, unique_pairs: &[(usize, usize)]) -> Band {
    let full = (n + 1) * (m + 1) <= FULL_MATRIX;
    let mut lo = vec![0; n + 1];
    let mut hi = vec![m; n + 1];
    if !full {
        let skeleton = increasing_chain(unique_pairs);
        let mut points: Vec<(usize, usize)> = vec![(0, 0)];
        points.extend(skeleton);
        points.push((n, m));
        let budget = (n + m + 2).saturating_mul(MAX_BAND_CELLS_PER_SEGMENT);
        for cover_jumps in [true, false] {
            band_around(&points, n, m, cover_jumps, &mut lo, &mut hi);
            let cells: usize = (0..=n).map(|i| hi[i] - lo[i] + 1).sum();
            if cells <= budget {
                break;
            }
        }
    }
    let mut offset = Vec::with_capacity(n + 1);
    let mut acc = 0;
    for i in 0..=n {
        offset.push(acc);
        acc += hi[i] - lo[i] + 1;
    }
    Band { lo, hi, offset }
}

/// The most band cells per segment (source and target) before the band
/// stops covering whole jumps between skeleton points.
const MAX_BAND_CELLS_PER_SEGMENT: usize = 8 * (2 * BAND + 1);

/// Fills `lo` and `hi` with a band around the line through `points`.
fn band_around(
    points: &[(usize, usize)],
    n: usize,
    m: usize,
    cover_jumps: bool,
    lo: &mut [usize],
    hi: &mut [usize],
) {
    let mut p = 0;
    for i in 0..=n {
        while p + 1 < points.len() - 1 && points[p + 1].0 <= i {
            p += 1;
        }
        let (a, b) = (points[p], points[(p + 1).min(points.len() - 1)]);
        let center = if b.0 > a.0 {
            a.1 as f64 + (b.1 as f64 - a.1 as f64) * (i - a.0) as f64 / (b.0 - a.0) as f64
        } else {
            a.1 as f64
        };
        let c = center.round().max(0.0) as usize;
        // Cover the whole jump between two skeleton points, not just the line.
        let (jlo, jhi) = if cover_jumps {
            (a.1.min(c), b.1.max(c))
        } else {
            (c, c)
        };
        lo[i] = jlo.saturating_sub(BAND).min(m);
        hi[i] = (jhi + BAND).min(m).max(if i == n { m } else { 0 });
    }
    // Keep the band monotone and connected so every move can be made.
    for i in 1..=n {
        lo[i] = lo[i].max(lo[i - 1]);
    }
    for i in (0..n).rev() {
        hi[i] = hi[i].min(hi[i + 1]);
    }
    lo[0] = 0;
    for i in 1..=n {
        lo[i] = lo[i].min(hi[i - 1]);
    }
}

/// Returns the longest chain of pairs increasing in both coordinates.
fn increasing_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Patience sorting on the target index, pairs sorted by source index.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j && pairs[t].0 < pairs[k].0);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        out.push(pairs[k]);
        cur = prev[k];
    }
    out.reverse();
    out
}

pub(crate) mod fixed;

pub use fixed::{FixedRow, align_with};

#[cfg(test)]
mod tests;
