//! Staleness: what changed in the English since each translation was made.
//!
//! Pure: no I/O, no git. The caller (the workspace, through `history`)
//! finds, for every translated segment, the English text it was translated
//! from (its *base*) and passes it in as a parsed `Document`. This module
//! matches base and current English segments (same language: exact
//! fingerprints first, then word similarity), classifies each change, and
//! labels every segment with a [`State`] and the word diff of its English.

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::align::Alignment;
use crate::segment::{Document, Fingerprint, Segment, normalize};

/// The state of one segment of a translation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum State {
    /// The English did not change since the translation was made.
    UpToDate,
    /// Whitespace, re-wrapping, markup or a small typo fix: nothing to translate.
    Cosmetic,
    /// Only URLs, anchors, numbers or inline code changed: can be carried over.
    LinkOnly,
    /// The English changed, but the translation already has the change.
    AlreadyUpdated,
    /// The meaning changed: the translation must be revised.
    Stale,
    /// An English segment added since the translation was made, with no
    /// translation: news to the translator.
    Missing,
    /// An English segment that was already there when the translation was
    /// made and that the translation lacks: a gap it always had (a dropped
    /// section, a skipped intro).
    Untranslated,
    /// The English segment was deleted, and the translation still has it.
    Removed,
}

impl State {
    /// Returns the stable machine name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            State::UpToDate => "up-to-date",
            State::Cosmetic => "cosmetic",
            State::LinkOnly => "link-only",
            State::AlreadyUpdated => "already-updated",
            State::Stale => "stale",
            State::Missing => "missing",
            State::Untranslated => "untranslated",
            State::Removed => "removed",
        }
    }

    /// Every state, in display order.
    pub const ALL: [State; 8] = [
        State::UpToDate,
        State::Cosmetic,
        State::LinkOnly,
        State::AlreadyUpdated,
        State::Stale,
        State::Missing,
        State::Untranslated,
        State::Removed,
    ];

    /// Returns true for states that need a translator (stale, missing,
    /// untranslated, removed).
    pub fn needs_work(self) -> bool {
        matches!(
            self,
            State::Stale | State::Missing | State::Untranslated | State::Removed
        )
    }

    /// Returns true for English segments with no translation.
    pub fn is_gap(self) -> bool {
        matches!(self, State::Missing | State::Untranslated)
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Op {
    /// Text in both versions.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

impl Op {
    /// Returns the stable machine name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of text with its diff operation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Chunk {
    /// What happened to the text.
    pub op: Op,
    /// The text.
    pub text: String,
}

/// Returns the word diff from `old` to `new`, on normalized text (so a
/// re-wrap shows as equal), with neighbouring chunks of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<Chunk> {
    let (old, new) = (normalize(old), normalize(new));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(&old, &new);
    let mut out: Vec<Chunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Chunk {
                op,
                text: text.to_owned(),
            }),
        }
    }
    coalesce(out)
}

/// Joins changes separated only by whitespace into one deletion and one
/// insertion (`[-Lyon this-]{+Berlin next+}`, not word by word).
fn coalesce(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Chunk>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Chunk {
                op: Op::Delete,
                text: std::mem::take(del),
            });
        }
        if !ins.is_empty() {
            out.push(Chunk {
                op: Op::Insert,
                text: std::mem::take(ins),
            });
        }
    };
    for (k, c) in chunks.iter().enumerate() {
        match c.op {
            Op::Delete => del.push_str(&c.text),
            Op::Insert => ins.push_str(&c.text),
            Op::Equal => {
                let inside_change = (!del.is_empty() || !ins.is_empty())
                    && c.text.trim().is_empty()
                    && chunks.get(k + 1).is_some_and(|n| n.op != Op::Equal);
                if inside_change {
                    del.push_str(&c.text);
                    ins.push_str(&c.text);
                } else {
                    flush(&mut out, &mut del, &mut ins);
                    out.push(c.clone());
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// How an English segment changed between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The same text, byte for byte.
    None,
    /// Markup, whitespace or a small typo fix.
    Cosmetic,
    /// Only invariants (URLs, anchors, numbers, inline code) changed.
    LinkOnly,
    /// The words changed.
    Meaning,
}

/// Classifies the change from `old` to `new` (two versions of one English segment).
pub fn classify(old: &Segment, new: &Segment) -> Change {
    if old.text == new.text {
        return Change::None;
    }
    if old.fingerprint == new.fingerprint {
        // Only whitespace moved: a re-wrap.
        return Change::Cosmetic;
    }
    if !old.kind.is_prose() || !new.kind.is_prose() {
        // Code and standalone shortcodes are compared as code: any change
        // is carried over as it is, never translated.
        return Change::LinkOnly;
    }
    let (a, b) = (prose_words(&old.text), prose_words(&new.text));
    if a == b {
        // Same words: only markup, punctuation or invariants moved.
        return if old.invariants == new.invariants {
            Change::Cosmetic
        } else {
            Change::LinkOnly
        };
    }
    if is_typo_fix(&a, &b) && old.invariants == new.invariants {
        return Change::Cosmetic;
    }
    Change::Meaning
}

/// Returns true when `new` says what `old` says: only whitespace, markup,
/// punctuation or case differ, or a small typo was fixed (as English changes
/// are judged cosmetic), and the numbers are the same. A translation edited
/// this way was not brought up to date with the English: its base stays.
pub fn is_cosmetic_edit(old: &str, new: &str) -> bool {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    if digits(old) != digits(new) {
        return false;
    }
    let (a, b) = (prose_words(old), prose_words(new));
    a == b || is_typo_fix(&a, &b)
}

/// Returns the words of a text with markup, link destinations and invariant
/// values (numbers, code) removed and letters lowercased, so that two texts
/// with equal results differ only in markup or invariants.
fn prose_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    while let Some(c) = rest.chars().next() {
        // Skip link destinations `](...)` and inline code `` `...` ``.
        if let Some(after) = rest.strip_prefix("](")
            && let Some(end) = after.find(')')
        {
            flush(&mut word, &mut out);
            rest = &after[end + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('`')
            && let Some(end) = after.find('`')
        {
            flush(&mut word, &mut out);
            rest = &after[end + 1..];
            continue;
        }
        if c.is_alphabetic() || c == '\'' || c == '’' {
            word.extend(c.to_lowercase());
        } else {
            // Digits end a word and are dropped: numbers are invariants.
            flush(&mut word, &mut out);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut word, &mut out);
    out.retain(|w| w.chars().any(char::is_alphabetic));
    out
}

/// Returns true when at most two words changed, each by at most two letters.
fn is_typo_fix(a: &[String], b: &[String]) -> bool {
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let mut changed = 0;
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if old_len == new_len => {
                for k in 0..old_len {
                    if edit_distance(&a[old_index + k], &b[new_index + k]) > 2 {
                        return false;
                    }
                    changed += 1;
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if old_len + new_len <= 3 => {
                // A word split or joined ("e-mail" / "email", "set up" / "setup").
                let joined_a: String = a[old_index..old_index + old_len].concat();
                let joined_b: String = b[new_index..new_index + new_len].concat();
                if edit_distance(&joined_a, &joined_b) > 2 {
                    return false;
                }
                changed += 1;
            }
            _ => return false,
        }
    }
    changed <= 2
}

/// Levenshtein distance in characters, stopping early past 3.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Matches the segments of two versions of one English document: returns,
/// for each segment of `current`, the index of its version in `base`.
///
/// Equal fingerprints are matched first (a patience diff keeps the order);
/// in each changed region, segments of the same kind are paired in order
/// when their words are similar enough.
pub fn match_versions(base: &Document, current: &Document) -> Vec<Option<usize>> {
    let old: Vec<(Fingerprint, u8)> = base
        .segments
        .iter()
        .map(|s| (s.fingerprint, s.kind as u8))
        .collect();
    let new: Vec<(Fingerprint, u8)> = current
        .segments
        .iter()
        .map(|s| (s.fingerprint, s.kind as u8))
        .collect();
    let mut out = vec![None; new.len()];
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    out[new_index + k] = Some(old_index + k);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                pair_region(
                    &base.segments[old_index..old_index + old_len],
                    &current.segments[new_index..new_index + new_len],
                    old_index,
                    &mut out[new_index..new_index + new_len],
                );
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    out
}

/// Pairs changed segments in order by a small dynamic program that maximizes
/// total similarity; pairs under the threshold stay unmatched.
fn pair_region(old: &[Segment], new: &[Segment], old_offset: usize, out: &mut [Option<usize>]) {
    const THRESHOLD: f64 = 0.3;
    let (n, m) = (old.len(), new.len());
    // Regions are small in practice; cap the work on pathological input.
    if n * m > 250_000 {
        for (k, slot) in out.iter_mut().enumerate().take(n.min(m)) {
            *slot = Some(old_offset + k);
        }
        return;
    }
    let sim = |i: usize, j: usize| -> f64 {
        if old[i].kind != new[j].kind {
            return 0.0;
        }
        similarity(&old[i].text, &new[j].text)
    };
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = sim(i, j);
            let take = if s >= THRESHOLD {
                s + best[i + 1][j + 1]
            } else {
                f64::NEG_INFINITY
            };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = sim(i, j);
        if s >= THRESHOLD && (best[i][j] - (s + best[i + 1][j + 1])).abs() < 1e-9 {
            out[j] = Some(old_offset + i);
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// Returns the Dice similarity of two texts' word sets (0 to 1).
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        let mut w: Vec<String> = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The English a group of translated segments was made from.
#[derive(Debug, Clone)]
pub struct Base<'a> {
    /// The English document as it was.
    pub document: &'a Document,
    /// For each current English segment, its version in `document`.
    pub versions: &'a [Option<usize>],
    /// The commit the base comes from, if known.
    pub commit: Option<&'a str>,
}

/// A labelled segment.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Labelled {
    /// The state.
    pub state: State,
    /// Index of the current English segment, if any.
    pub source: Option<usize>,
    /// Indices of the translation's segments (the alignment row's target side).
    pub target: std::ops::Range<usize>,
    /// The base commit, if known.
    pub base_commit: Option<String>,
    /// Word diff from the base English to the current English (empty when up to date).
    pub diff: Vec<Chunk>,
}

/// Labels every segment of a translation.
///
/// `base_of_row` gives, for each alignment row with target segments, the base
/// to compare with (`None` when history is unknown: the segment is then
/// reported up to date). Every source segment yields one `Labelled`; target
/// segments with no source yield one `Removed` when their base shows a deleted
/// English segment.
pub fn label<'a>(
    current: &Document,
    target: &Document,
    alignment: &Alignment,
    base_of_row: &dyn Fn(usize) -> Option<Base<'a>>,
) -> Vec<Labelled> {
    let mut out = Vec::new();
    for (r, row) in alignment.rows.iter().enumerate() {
        if row.target.is_empty() {
            for i in row.source.clone() {
                let diff = vec![Chunk {
                    op: Op::Insert,
                    text: normalize(&current.segments[i].text),
                }];
                out.push(Labelled {
                    state: State::Missing,
                    source: Some(i),
                    target: row.target.clone(),
                    base_commit: None,
                    diff,
                });
            }
            continue;
        }
        let base = base_of_row(r);
        if row.source.is_empty() {
            // A translated segment with no English: removed if its base had
            // English there that is gone now.
            if let Some(b) = &base
                && let Some(deleted) = deleted_near(b, current, row.source.start)
            {
                let diff = vec![Chunk {
                    op: Op::Delete,
                    text: normalize(&deleted.text),
                }];
                out.push(Labelled {
                    state: State::Removed,
                    source: None,
                    target: row.target.clone(),
                    base_commit: b.commit.map(str::to_owned),
                    diff,
                });
            }
            continue;
        }
        let target_text = Target::new(target, row.target.clone());
        for i in row.source.clone() {
            let seg = &current.segments[i];
            let Some(b) = &base else {
                out.push(Labelled {
                    state: State::UpToDate,
                    source: Some(i),
                    target: row.target.clone(),
                    base_commit: None,
                    diff: vec![],
                });
                continue;
            };
            let commit = b.commit.map(str::to_owned);
            let (state, diff) = match b.versions.get(i).copied().flatten() {
                Some(k) => {
                    let old = &b.document.segments[k];
                    match classify(old, seg) {
                        Change::None => (State::UpToDate, vec![]),
                        Change::Cosmetic => (State::Cosmetic, word_diff(&old.text, &seg.text)),
                        change => {
                            let state = if carries_new_invariants(old, seg, &target_text)
                                || (!seg.kind.is_prose()
                                    && normalize(&target_text.text) == normalize(&seg.text))
                            {
                                State::AlreadyUpdated
                            } else if change == Change::LinkOnly {
                                State::LinkOnly
                            } else {
                                State::Stale
                            };
                            (state, word_diff(&old.text, &seg.text))
                        }
                    }
                }
                // Added to the English after the translation was made, yet
                // paired with translated text: stale unless it already
                // carries the new segment's invariants.
                None => {
                    let empty = Segment {
                        text: String::new(),
                        invariants: Default::default(),
                        ..seg.clone()
                    };
                    let state = if !seg.invariants.is_empty()
                        && carries_new_invariants(&empty, seg, &target_text)
                    {
                        State::AlreadyUpdated
                    } else {
                        State::Stale
                    };
                    (
                        state,
                        vec![Chunk {
                            op: Op::Insert,
                            text: normalize(&seg.text),
                        }],
                    )
                }
            };
            out.push(Labelled {
                state,
                source: Some(i),
                target: row.target.clone(),
                base_commit: commit,
                diff,
            });
        }
    }
    mark_left_in_source(current, target, alignment, &mut out);
    out
}

/// Marks translated rows whose text is their English left as it was
/// (`segment::is_left_in_source`) as `Untranslated`: the page is not
/// translated there, whatever its age. Only running prose (paragraphs,
/// headings, quotes, table cells) is judged: list items left in English are
/// most often references (titles of linked articles, quoted changelogs)
/// that translations keep on purpose.
pub fn mark_left_in_source(
    current: &Document,
    target: &Document,
    alignment: &Alignment,
    labels: &mut [Labelled],
) {
    use crate::segment::SegmentKind;
    let joined = |doc: &Document, r: &std::ops::Range<usize>| -> String {
        r.clone()
            .map(|k| doc.segments[k].text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    for row in &alignment.rows {
        if row.source.is_empty() || row.target.is_empty() {
            continue;
        }
        let prose = row.source.clone().all(|i| {
            matches!(
                current.segments[i].kind,
                SegmentKind::Paragraph
                    | SegmentKind::Heading
                    | SegmentKind::Blockquote
                    | SegmentKind::TableCell
            )
        });
        if !prose
            || !crate::segment::is_left_in_source(
                &joined(current, &row.source),
                &joined(target, &row.target),
            )
        {
            continue;
        }
        for l in labels.iter_mut() {
            if l.source.is_some_and(|i| row.source.contains(&i)) {
                l.state = State::Untranslated;
                l.diff.clear();
            }
        }
    }
}

/// Tells the two kinds of gaps apart: a `Missing` segment whose English was
/// already in `page_base` (the English the translation was last made
/// against) is a gap the translation always had, `Untranslated`; one added
/// since stays `Missing`.
pub fn split_gaps(labels: &mut [Labelled], page_base: &Base<'_>) {
    for l in labels {
        if l.state == State::Missing
            && let Some(i) = l.source
            && page_base.versions.get(i).copied().flatten().is_some()
        {
            l.state = State::Untranslated;
            l.base_commit = page_base.commit.map(str::to_owned);
        }
    }
}

/// Returns true when the English change touched invariants and the
/// translation already has every new value and none of the replaced ones.
fn carries_new_invariants(old: &Segment, new: &Segment, target: &Target<'_>) -> bool {
    let pairs = [
        (&old.invariants.urls, &new.invariants.urls),
        (&old.invariants.code, &new.invariants.code),
        (&old.invariants.numbers, &new.invariants.numbers),
    ];
    let mut any_change = false;
    for (old_values, new_values) in pairs {
        for added in new_values.iter().filter(|v| !old_values.contains(v)) {
            any_change = true;
            if !target.has(added) {
                return false;
            }
        }
        // A removed value only counts when the translation still has it as an
        // invariant: its raw text may hold it inside a URL.
        for gone in old_values.iter().filter(|v| !new_values.contains(v)) {
            if target.values.contains(&gone.as_str()) {
                return false;
            }
        }
    }
    any_change
}

/// The translated side of a row: its raw text and its parsed invariants
/// (so `2024-07\_Berlin` in the Markdown matches the URL `2024-07_Berlin`).
struct Target<'a> {
    text: String,
    values: Vec<&'a str>,
}

impl<'a> Target<'a> {
    fn new(target: &'a Document, range: std::ops::Range<usize>) -> Target<'a> {
        let segs = &target.segments[range];
        let text = segs
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let values = segs
            .iter()
            .flat_map(|s| {
                s.invariants
                    .urls
                    .iter()
                    .chain(&s.invariants.code)
                    .chain(&s.invariants.numbers)
            })
            .map(String::as_str)
            .collect();
        Target { text, values }
    }

    fn has(&self, value: &str) -> bool {
        let bare = value.trim_end_matches('/');
        self.text.contains(value)
            || self
                .values
                .iter()
                .any(|v| *v == value || v.trim_end_matches('/') == bare)
    }
}

/// Returns a base segment near current position `at` that no longer exists
/// in the current English (the one a target-only row most likely translated).
fn deleted_near<'b>(base: &Base<'b>, current: &Document, at: usize) -> Option<&'b Segment> {
    let mut kept = vec![false; base.document.segments.len()];
    for k in base.versions.iter().flatten() {
        kept[*k] = true;
    }
    // The base segments between the versions of the current neighbours.
    let before = (0..at)
        .rev()
        .find_map(|i| base.versions.get(i).copied().flatten());
    let after = (at..current.segments.len()).find_map(|i| base.versions.get(i).copied().flatten());
    let lo = before.map_or(0, |k| k + 1);
    let hi = after.unwrap_or(base.document.segments.len());
    (lo..hi)
        .find(|&k| !kept[k])
        .map(|k| &base.document.segments[k])
}

#[cfg(test)]
mod tests;
