//! Staleness: what changed in the English since each translation was made.
//!
//! Pure: no I/O, no git. The caller (the workspace, through `history`)
//! finds, for every translated segment, the English text it was translated
//! from (its *base*) and passes it in as a parsed `Document`. This module
//! matches base and current English segments (same language: exact
//! fingerprints first, then word similarity), classifies each change, and
//! labels every segment with a [`State`] and the word diff of its English.

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};
use std::ops::Range;

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
        // The same words set out anew (an item nested under another, a
        // heading a level down) is markup the translation should follow.
        // (A table cell's level is its column: a column added before it
        // moves no word of it.)
        return if old.kind == new.kind
            && (old.level == new.level || old.kind == crate::segment::SegmentKind::TableCell)
        {
            Change::None
        } else {
            Change::Cosmetic
        };
    }
    if old.fingerprint() == new.fingerprint() {
        // Only whitespace moved: a re-wrap.
        return Change::Cosmetic;
    }
    if !old.kind.is_prose() || !new.kind.is_prose() {
        // Code and standalone shortcodes are compared as code: any change
        // is carried over as it is, never translated.
        return Change::LinkOnly;
    }
    // HTML tags are markup in the English (`<br/>` taken out, an HTML list
    // written in Markdown).
    let words = |text: &str, code: bool| prose_words_with(text, code, true);
    let (a, b) = (words(&old.text, false), words(&new.text, false));
    // Same words: only markup, punctuation or invariants moved. (A word
    // put in or out of a code span, `themes` for themes, is the same word.)
    if a == b || words(&old.text, true) == words(&new.text, true) {
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
    prose_words_with(text, false, false)
}

/// [`prose_words`], with the words of code spans kept when `code` is set
/// and markup left out when `markup` is: HTML tags (`<br/>`, `<li>`) and
/// shortcode syntax (`{{< button href="/docs/" >}}`, whose settings are
/// compared as invariants; a parameter holding text for a reader keeps its
/// words). (A translation's edit of its markup stays an edit: the commit
/// that took `<br/>` out of the English and the French alike re-synced that
/// row.)
fn prose_words_with(text: &str, code: bool, markup: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let shortcodes = if markup && text.contains("{{") {
        crate::segment::shortcode_markup(text)
    } else {
        Vec::new()
    };
    let mut next_shortcode = shortcodes.iter().peekable();
    let mut word = String::new();
    // Letters written right before digits (`v1`, `ipv6`, `mp3`): part of a
    // version or a name, an invariant as a whole, not a word. Letters after
    // digits stay words (`10ms` and `10 ms` say the same unit).
    let mut touches_digit = false;
    let flush = |word: &mut String, out: &mut Vec<String>, touches: &mut bool| {
        if !word.is_empty() && !*touches {
            out.push(std::mem::take(word));
        }
        word.clear();
        *touches = false;
    };
    while let Some(c) = rest.chars().next() {
        let pos = text.len() - rest.len();
        while next_shortcode.next_if(|r| r.end <= pos).is_some() {}
        if let Some(r) = next_shortcode.peek()
            && r.start <= pos
        {
            flush(&mut word, &mut out, &mut touches_digit);
            rest = &text[r.end..];
            continue;
        }
        // Skip link destinations `](...)` and inline code `` `...` ``.
        if let Some(after) = rest.strip_prefix("](")
            && let Some(end) = after.find(')')
        {
            flush(&mut word, &mut out, &mut touches_digit);
            rest = &after[end + 1..];
            continue;
        }
        if !code
            && let Some(after) = rest.strip_prefix('`')
            && let Some(end) = after.find('`')
        {
            flush(&mut word, &mut out, &mut touches_digit);
            rest = &after[end + 1..];
            continue;
        }
        // (Not a shortcode's `{{<` or `{{</*`.)
        if markup
            && let Some(after) = rest.strip_prefix('<')
            && !text[..text.len() - rest.len()].ends_with('{')
            && (after.starts_with(|n: char| n.is_ascii_alphabetic() || n == '!')
                || after
                    .strip_prefix('/')
                    .is_some_and(|a| a.starts_with(|n: char| n.is_ascii_alphabetic())))
            && let Some(end) = after.find('>')
            && !after[..end].contains('\n')
        {
            flush(&mut word, &mut out, &mut touches_digit);
            rest = &after[end + 1..];
            continue;
        }
        if crate::segment::is_letter(c) || c == '\'' || c == '’' {
            word.extend(c.to_lowercase());
        } else {
            if c.is_ascii_digit() && !word.is_empty() {
                touches_digit = true;
            }
            // Digits end a word and are dropped: numbers are invariants.
            flush(&mut word, &mut out, &mut touches_digit);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut word, &mut out, &mut touches_digit);
    out.retain(|w| w.chars().any(crate::segment::is_letter));
    out
}

/// Returns true when at most two words changed, each by a typo (see
/// [`typo_apart`]).
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
                    let (old, new) = (&a[old_index + k], &b[new_index + k]);
                    if !typo_apart(old, new) || flips_negation(old, new) {
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
                if !typo_apart(&joined_a, &joined_b) {
                    return false;
                }
                changed += 1;
            }
            // A doubled word removed ("indicates indicates") or made.
            DiffOp::Delete {
                old_index,
                old_len: 1,
                ..
            } if doubled(a, old_index) => changed += 1,
            DiffOp::Insert {
                new_index,
                new_len: 1,
                ..
            } if doubled(b, new_index) => changed += 1,
            _ => return false,
        }
    }
    changed <= 2
}

/// Whether `words[k]` repeats the word before or after it.
fn doubled(words: &[String], k: usize) -> bool {
    let word = &words[k];
    (k > 0 && words[k - 1] == *word) || words.get(k + 1) == Some(word)
}

/// Whether two words a letter or two apart say opposite things: one is the
/// other negated (`can` / `can't`, `safe` / `unsafe`, `able` / `unable`,
/// `secure` / `insecure`), or they are two of the short negations and their
/// look-alikes (`not` / `now`, `no` / `not`). A typo fix never does that.
fn flips_negation(a: &str, b: &str) -> bool {
    const SHORT: &[&str] = &["no", "not", "now", "nor", "non"];
    let negates = |word: &str, neg: &str| {
        ["un", "in", "im", "ir", "il", "non"]
            .iter()
            .any(|prefix| neg.strip_prefix(prefix) == Some(word))
            || ["n't", "n’t", "'t", "’t", "not"]
                .iter()
                .any(|suffix| neg.strip_suffix(suffix) == Some(word))
    };
    negates(a, b) || negates(b, a) || (SHORT.contains(&a) && SHORT.contains(&b))
}

/// Whether `new` can be `old` with a typo fixed (or made): at most two
/// edits, a swap of two neighbouring letters counting as one (`teh` /
/// `the`), and at most one edit per three letters of the longer word. A
/// short word with half its letters changed is another word (`toot` /
/// `post`), where `than` / `then` is one edit in four.
fn typo_apart(old: &str, new: &str) -> bool {
    let longer = old.chars().count().max(new.chars().count());
    let edits = strsim::osa_distance(old, new);
    edits <= 2 && 3 * edits <= longer
}

/// Matches the segments of two versions of one English document: returns,
/// for each segment of `current`, the index of its version in `base`.
///
/// Equal fingerprints are matched first (a patience diff keeps the order);
/// in each changed region, segments of the same family (a paragraph and the
/// list item it became) are paired in order when their words are similar
/// enough.
pub fn match_versions(base: &Document, current: &Document) -> Vec<Option<usize>> {
    let old: Vec<(Fingerprint, u8)> = base
        .segments
        .iter()
        .map(|s| (s.fingerprint(), same_text_class(s.kind)))
        .collect();
    let new: Vec<(Fingerprint, u8)> = current
        .segments
        .iter()
        .map(|s| (s.fingerprint(), same_text_class(s.kind)))
        .collect();
    let mut out = vec![None; new.len()];
    let words = (WordSets::of(base), WordSets::of(current));
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
                    &words,
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                    &mut out,
                );
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    pair_front_matter_keys(base, current, &mut out);
    match_moves(&words, &mut out);
    out
}

/// The words of each segment of a document, lower-cased, sorted and
/// unique (for [`dice`]), and their stems (for the long words two
/// versions share), each computed when first asked: matching two versions
/// compares a segment with many others.
struct WordSets<'a> {
    segments: &'a [Segment],
    words: Vec<std::cell::OnceCell<Vec<String>>>,
    stems: Vec<std::cell::OnceCell<Vec<String>>>,
}

impl<'a> WordSets<'a> {
    fn of(doc: &'a Document) -> WordSets<'a> {
        let n = doc.segments.len();
        WordSets {
            segments: &doc.segments,
            words: (0..n).map(|_| std::cell::OnceCell::new()).collect(),
            stems: (0..n).map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    fn words(&self, k: usize) -> &[String] {
        self.words[k].get_or_init(|| word_set(&self.segments[k].text))
    }

    fn stems(&self, k: usize) -> &[String] {
        self.stems[k].get_or_init(|| stem_set(&self.segments[k].text))
    }
}

/// The base and current versions' segments and their words.
type Versions<'a> = (WordSets<'a>, WordSets<'a>);

/// A front-matter value belongs to its key, whatever it says: `title: New
/// Releases` that became `title: Releases`, or `linkTitle: Documentation`
/// that became `Docs`, is one segment changed, not one removed and one
/// added. Keys found once in each version are paired; a segment the diff
/// had paired with that key's value otherwise gives it up.
fn pair_front_matter_keys(base: &Document, current: &Document, out: &mut [Option<usize>]) {
    fn unique_keys(doc: &Document) -> std::collections::HashMap<&str, usize> {
        let mut seen: std::collections::HashMap<&str, Option<usize>> =
            std::collections::HashMap::new();
        for (k, s) in doc.segments.iter().enumerate() {
            if s.kind == crate::segment::SegmentKind::FrontMatter
                && let Some(key) = &s.key
            {
                seen.entry(key).and_modify(|v| *v = None).or_insert(Some(k));
            }
        }
        seen.into_iter()
            .filter_map(|(key, k)| Some((key, k?)))
            .collect()
    }
    let old = unique_keys(base);
    for (key, i) in unique_keys(current) {
        let Some(&k) = old.get(key) else { continue };
        if out[i] == Some(k) {
            continue;
        }
        for slot in out.iter_mut().filter(|slot| **slot == Some(k)) {
            *slot = None;
        }
        out[i] = Some(k);
    }
}

/// Finds the blocks that moved: the order-keeping diff leaves a moved block
/// unmatched on both sides. Unmatched segments with the same fingerprint and
/// kind are paired (exact moves, in order), then those of the same kind
/// whose words are close (a moved block that was also edited), best pair
/// first. Last, a heading renamed along with its section (`## Setup` that
/// became `### Building from source`) is paired through its body: an
/// unmatched current heading followed by a block whose version followed an
/// unmatched base heading.
fn match_moves(words: &Versions<'_>, out: &mut [Option<usize>]) {
    const MOVED_SIMILARITY: f64 = 0.6;
    let (old, new) = (words.0.segments, words.1.segments);
    let mut taken = vec![false; old.len()];
    for k in out.iter().flatten() {
        taken[*k] = true;
    }
    let mut by_fingerprint: std::collections::HashMap<(Fingerprint, u8), Vec<usize>> =
        std::collections::HashMap::new();
    for (k, s) in old.iter().enumerate().rev().filter(|(k, _)| !taken[*k]) {
        by_fingerprint
            .entry((s.fingerprint(), same_text_class(s.kind)))
            .or_default()
            .push(k);
    }
    for (i, s) in new.iter().enumerate() {
        if out[i].is_none()
            && let Some(k) = by_fingerprint
                .get_mut(&(s.fingerprint(), same_text_class(s.kind)))
                .and_then(Vec::pop)
        {
            out[i] = Some(k);
            taken[k] = true;
        }
    }
    let free_old: Vec<usize> = (0..old.len()).filter(|k| !taken[*k]).collect();
    let free_new: Vec<usize> = (0..new.len()).filter(|i| out[*i].is_none()).collect();
    if free_old.len() * free_new.len() <= 250_000 {
        let mut pairs = Vec::new();
        for &i in &free_new {
            for &k in &free_old {
                if old[k].kind.family() == new[i].kind.family()
                    && old[k].kind != crate::segment::SegmentKind::Heading
                {
                    let s = version_similarity(words, k, i);
                    if s >= MOVED_SIMILARITY {
                        pairs.push((s, i, k));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        for (_, i, k) in pairs {
            if out[i].is_none() && !taken[k] {
                out[i] = Some(k);
                taken[k] = true;
            }
        }
    }
    // A block that moved with its neighbour and was edited too: next to the
    // version of its neighbour, with some words still in common.
    const NEIGHBOUR_SIMILARITY: f64 = 0.3;
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..new.len() {
            if out[i].is_some() {
                continue;
            }
            let after_prev = i
                .checked_sub(1)
                .and_then(|p| out[p])
                .map(|k| k + 1)
                .filter(|&k| k < old.len());
            let before_next = out
                .get(i + 1)
                .copied()
                .flatten()
                .and_then(|k| k.checked_sub(1));
            for k in [after_prev, before_next].into_iter().flatten() {
                if !taken[k]
                    && old[k].kind == new[i].kind
                    && (version_similarity(words, k, i) >= NEIGHBOUR_SIMILARITY
                        || shared_count(words.0.stems(k), words.1.stems(i)) >= 2)
                {
                    out[i] = Some(k);
                    taken[k] = true;
                    changed = true;
                    break;
                }
            }
        }
    }
    use crate::segment::SegmentKind::Heading;
    for i in 0..new.len().saturating_sub(1) {
        if out[i].is_none()
            && new[i].kind == Heading
            && let Some(next) = out[i + 1]
            && next > 0
            && !taken[next - 1]
            && old[next - 1].kind == Heading
        {
            out[i] = Some(next - 1);
            taken[next - 1] = true;
        }
    }
}

/// How alike two versions of one English segment are: the Dice similarity
/// of their words, except that a standalone shortcode is known by its name
/// too (`{{% pageinfo %}}` that gained `color="warning"` is the same block,
/// with changed parameters). The name alone is enough to pair in order or
/// beside a paired neighbour, not to pair a far move.
fn version_similarity(words: &Versions<'_>, k: usize, i: usize) -> f64 {
    const SAME_SHORTCODE: f64 = 0.5;
    let (old, new) = (&words.0.segments[k], &words.1.segments[i]);
    let words = dice(words.0.words(k), words.1.words(i));
    if old.kind == crate::segment::SegmentKind::Shortcode
        && new.kind == old.kind
        && old.key.is_some()
        && old.key == new.key
    {
        words.max(SAME_SHORTCODE)
    } else {
        words
    }
}

/// The blocks whose versions match when their text is the same: those of
/// one family (see [`SegmentKind::family`]), and a heading with body text as
/// well (a bullet made a heading says the same). Front-matter values,
/// shortcode parameters and code stay apart.
fn same_text_class(kind: crate::segment::SegmentKind) -> u8 {
    match kind {
        crate::segment::SegmentKind::Heading => crate::segment::SegmentKind::Paragraph.family(),
        kind => kind.family(),
    }
}

/// The similarity at which two versions of different kinds of one family
/// pair (see [`SegmentKind::family`]): most words kept.
const RESHAPED_SIMILARITY: f64 = 0.6;

/// Pairs the changed base segments `olds` with the current segments
/// `news` in order by a small dynamic program that maximizes total
/// similarity; pairs under the threshold stay unmatched.
fn pair_region(
    words: &Versions<'_>,
    olds: Range<usize>,
    news: Range<usize>,
    out: &mut [Option<usize>],
) {
    const THRESHOLD: f64 = 0.3;
    let (n, m) = (olds.len(), news.len());
    let (o, c) = (olds.start, news.start);
    // Regions are small in practice; cap the work on pathological input.
    if n * m > 250_000 {
        for (k, slot) in out[news].iter_mut().enumerate().take(n.min(m)) {
            *slot = Some(o + k);
        }
        return;
    }
    let (old, new) = (words.0.segments, words.1.segments);
    // A block set out in another form (a table cell made a definition, a
    // paragraph an item) pairs when it kept most of its words; a rewrite
    // pairs only with a block of its own kind.
    let sim = |i: usize, j: usize| -> f64 {
        let (a, b) = (&old[o + i], &new[c + j]);
        if a.kind.family() != b.kind.family() {
            return 0.0;
        }
        let s = version_similarity(words, o + i, c + j);
        if a.kind != b.kind && s < RESHAPED_SIMILARITY {
            return 0.0;
        }
        s
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
            out[c + j] = Some(o + i);
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pair_rewrites(words, olds, news, out);
}

/// Pairs the blocks left between two paired ones that are rewrites of each
/// other: a block rewritten in place keeps some of its long words ("the
/// container" and "when the container is removed", "converts existing
/// databases" and "no longer converts existing databases"), a block on
/// another topic shares none. In each gap, the pairs sharing the most long
/// words go first.
fn pair_rewrites(
    words: &Versions<'_>,
    olds: Range<usize>,
    news: Range<usize>,
    out: &mut [Option<usize>],
) {
    let (old, new) = (words.0.segments, words.1.segments);
    let taken: std::collections::HashSet<usize> =
        out[news.clone()].iter().flatten().copied().collect();
    let mut anchors: Vec<(usize, usize)> = news
        .clone()
        .filter_map(|j| out[j].map(|k| (k, j)))
        .collect();
    anchors.push((olds.end, news.end));
    let (mut lo_old, mut lo_new) = (olds.start, news.start);
    for (hi_old, hi_new) in anchors {
        let mut pairs = Vec::new();
        for (j, n) in new.iter().enumerate().take(hi_new).skip(lo_new) {
            for (i, o) in old.iter().enumerate().take(hi_old).skip(lo_old) {
                if taken.contains(&i) || o.kind != n.kind {
                    continue;
                }
                let shared = shared_count(words.0.stems(i), words.1.stems(j));
                if shared > 0 {
                    pairs.push((shared, j, i));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut used = Vec::new();
        for (_, j, i) in pairs {
            if out[j].is_none() && !used.contains(&i) {
                out[j] = Some(i);
                used.push(i);
            }
        }
        (lo_old, lo_new) = (hi_old + 1, hi_new + 1);
    }
}

/// The words of six letters or more of `text`, by their first six letters
/// (so "archive" meets "archives", "publish" meets "published"), sorted
/// and unique.
fn stem_set(text: &str) -> Vec<String> {
    let mut out: Vec<String> = crate::segment::words(text)
        .filter(|w| w.chars().count() >= 6)
        .map(|w| w.to_lowercase().chars().take(6).collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted sets without duplicates have in common.
fn shared_count(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The words of `text`, lower-cased, sorted and unique.
fn word_set(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text
        .split(|c: char| !crate::segment::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// The Dice similarity of two word sets (see [`word_set`]), 0 to 1.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared_count(a, b) as f64 / (a.len() + b.len()) as f64
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

/// The languages of a page pair: the English's (the project's source
/// language) and the translation's, as tags (`en`, `pt-BR`).
#[derive(Debug, Clone, Copy)]
pub struct Langs<'a> {
    pub source: &'a str,
    pub target: &'a str,
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
    langs: Langs<'_>,
    alignment: &Alignment,
    base_of_row: &dyn Fn(usize) -> Option<Base<'a>>,
) -> Vec<Labelled> {
    let mut out = Vec::new();
    // The deleted block of each base the last removed label against it
    // named: the next translated block of the same gap names the one after.
    let mut last_deleted: Vec<(*const Document, usize)> = Vec::new();
    // Per base: which of its blocks the current English still has (see
    // [`still_there`]), computed once.
    let mut kept_of: Vec<(*const Document, Vec<bool>)> = Vec::new();
    let names = CodeNames::of(current);
    for (r, row) in alignment.rows.iter().enumerate() {
        // A moved block is labelled with its partner, once, from its
        // English side; the translated side is no removed text.
        let (row_target, row_base) = match row.moved {
            Some(_) if row.source.is_empty() => continue,
            Some(j) if row.target.is_empty() => {
                let holder = alignment
                    .rows
                    .iter()
                    .position(|x| x.source.is_empty() && x.target.contains(&j));
                (j..j + 1, holder.map_or(r, |h| h))
            }
            _ => (row.target.clone(), r),
        };
        if row_target.is_empty() {
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
        let base = base_of_row(row_base);
        if row.source.is_empty() {
            // A translated segment with no English: removed if its base had
            // English there that is gone now.
            if let Some(b) = &base
                && let Some(k) = deleted_near(
                    b,
                    {
                        let known = kept_of
                            .iter()
                            .position(|(doc, _)| std::ptr::eq(*doc, b.document));
                        let at = known.unwrap_or_else(|| {
                            kept_of.push((std::ptr::from_ref(b.document), still_there(b, current)));
                            kept_of.len() - 1
                        });
                        &kept_of[at].1
                    },
                    current,
                    row.source.start,
                    last_deleted
                        .iter()
                        .find(|(doc, _)| std::ptr::eq(*doc, b.document))
                        .map(|(_, k)| *k),
                )
            {
                last_deleted.retain(|(doc, _)| !std::ptr::eq(*doc, b.document));
                last_deleted.push((std::ptr::from_ref(b.document), k));
                let diff = vec![Chunk {
                    op: Op::Delete,
                    text: normalize(&b.document.segments[k].text),
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
        let target_text = Target::new(target, row_target.clone(), langs);
        for i in row.source.clone() {
            let seg = &current.segments[i];
            let Some(b) = &base else {
                out.push(Labelled {
                    state: State::UpToDate,
                    source: Some(i),
                    target: row_target.clone(),
                    base_commit: None,
                    diff: vec![],
                });
                continue;
            };
            let commit = b.commit.map(str::to_owned);
            let (state, diff) = match b.versions.get(i).copied().flatten() {
                Some(k) => state_since(&b.document.segments[k], seg, &target_text, &names, &|| {
                    joined_with_neighbours(b, k, seg)
                }),
                // Added to the English after the translation was made, yet
                // paired with translated text: stale unless it already
                // carries the new segment's invariants.
                None => {
                    let empty = Segment {
                        text: String::new(),
                        invariants: Default::default(),
                        ..seg.clone()
                    };
                    // A field the translation had before the English had it
                    // at all (a `description` added to the translated pages
                    // first) was written ahead of it (see [`written_ahead`]).
                    let keyed_ahead = seg.key.is_some()
                        && row_target.len() == 1
                        && target.segments[row_target.start].key == seg.key
                        && !b
                            .document
                            .segments
                            .iter()
                            .any(|old| old.kind == seg.kind && old.key == seg.key);
                    let state = if keyed_ahead
                        || (!seg.invariants.is_empty()
                            && carries_new_invariants(&empty, seg, &target_text))
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
                target: row_target.clone(),
                base_commit: commit,
                diff,
            });
        }
    }
    mark_left_in_source(current, target, alignment, &mut out, &names);
    out
}

/// The state of a translated English segment whose base version is `old`.
fn state_since(
    old: &Segment,
    seg: &Segment,
    target_text: &Target<'_>,
    names: &CodeNames<'_>,
    joined: &dyn Fn() -> bool,
) -> (State, Vec<Chunk>) {
    // The English it was made from, copied as it was: a page left in
    // English whose English moved on since is untranslated, not stale
    // (a command's name kept is no text left in English).
    if judged_left_in_source(old.kind)
        && crate::segment::is_left_in_source(&old.text, &target_text.text)
        && !names.has(&old.text)
    {
        return (State::Untranslated, vec![]);
    }
    match classify(old, seg) {
        Change::None => (State::UpToDate, vec![]),
        // Set out anew (an item nested under another, a heading a level
        // down): to do while the translation keeps the old shape.
        Change::Cosmetic if old.text == seg.text => {
            if target_text.shape == Some((old.kind, old.level)) {
                (State::Cosmetic, vec![])
            } else {
                (State::UpToDate, vec![])
            }
        }
        Change::Cosmetic => (State::Cosmetic, word_diff(&old.text, &seg.text)),
        // Its words are the old block's with short neighbours joined to it:
        // set out anew, as above.
        Change::Meaning if joined() => (State::Cosmetic, vec![]),
        change => {
            let diff = word_diff(&old.text, &seg.text);
            let state = if carries_new_invariants(old, seg, target_text)
                || (change == Change::LinkOnly && lacks_removed_invariants(old, seg, target_text))
                || carries_new_number_words(&diff, target_text)
                || (!seg.kind.is_prose()
                    && (normalize(&target_text.text) == normalize(&seg.text)
                        || code_change_carried(&diff, (&old.text, &seg.text), &target_text.text)))
            {
                State::AlreadyUpdated
            } else if change == Change::LinkOnly {
                State::LinkOnly
            } else {
                State::Stale
            };
            (state, diff)
        }
    }
}

/// Returns true when `seg` says what its base version `k` said joined with
/// short blocks next to it that the current English no longer has on their
/// own: a `**Version history:**` line made one paragraph with the item
/// under it, a `Note:` label run into its paragraph. The same words and
/// invariants in another shape. Only short blocks count (a label, at most
/// [`JOINED_WORDS`] words in all): two paragraphs joined into one may hide
/// one that the translation never had.
fn joined_with_neighbours(b: &Base<'_>, k: usize, seg: &Segment) -> bool {
    joined_range(b.document, &kept_versions(b), k, seg).is_some()
}

/// Which base segments have a version in the current English (matched;
/// blocks joined into a neighbour are found by [`joined_into`]).
fn kept_versions(b: &Base<'_>) -> Vec<bool> {
    let mut kept = vec![false; b.document.segments.len()];
    for k in b.versions.iter().flatten() {
        if let Some(slot) = kept.get_mut(*k) {
            *slot = true;
        }
    }
    kept
}

/// Which base segments the current English still has: matched, or joined
/// into a current block.
fn still_there(b: &Base<'_>, current: &Document) -> Vec<bool> {
    let mut kept = kept_versions(b);
    for (k, into) in joined_into(b, current).into_iter().enumerate() {
        kept[k] |= into.is_some();
    }
    kept
}

/// For each base segment joined into a current one (see
/// [`joined_with_neighbours`]), that current segment.
fn joined_into(b: &Base<'_>, current: &Document) -> Vec<Option<usize>> {
    let kept = kept_versions(b);
    let mut out = vec![None; b.document.segments.len()];
    for (i, v) in b.versions.iter().enumerate() {
        let (Some(k), Some(seg)) = (*v, current.segments.get(i)) else {
            continue;
        };
        if seg.text == b.document.segments[k].text {
            continue;
        }
        if let Some(range) = joined_range(b.document, &kept, k, seg) {
            for j in range.filter(|&j| j != k) {
                out[j] = Some(i);
            }
        }
    }
    out
}

/// The base segments around `k`, itself included, whose words joined are
/// `seg`'s (see [`joined_with_neighbours`]); `kept` says which base
/// segments have a current version.
fn joined_range(
    base: &Document,
    kept: &[bool],
    k: usize,
    seg: &Segment,
) -> Option<std::ops::RangeInclusive<usize>> {
    const REACH: usize = 3;
    let segs = &base.segments;
    let free = |j: usize| segs[j].kind.is_prose() && !kept[j];
    let (mut lo, mut hi) = (k, k);
    while lo > 0 && k - lo < REACH && free(lo - 1) {
        lo -= 1;
    }
    while hi + 1 < segs.len() && hi - k < REACH && free(hi + 1) {
        hi += 1;
    }
    if (lo, hi) == (k, k) {
        return None;
    }
    let words = |s: &Segment| prose_words_with(&s.text, true, true);
    let want = words(seg);
    for start in lo..=k {
        for end in k..=hi {
            if (start, end) == (k, k) {
                continue;
            }
            let (mut joined, mut numbers, mut urls, mut extra) =
                (Vec::new(), Vec::new(), Vec::new(), 0);
            for (j, s) in segs.iter().enumerate().take(end + 1).skip(start) {
                let w = words(s);
                if j != k {
                    extra += w.len();
                }
                joined.extend(w);
                numbers.extend(s.invariants.numbers.iter().cloned());
                urls.extend(s.invariants.urls.iter().cloned());
            }
            if extra <= JOINED_WORDS
                && joined == want
                && numbers == seg.invariants.numbers
                && urls == seg.invariants.urls
            {
                return Some(start..=end);
            }
        }
    }
    None
}

/// At most this many words joined to a block keep it the same text (see
/// [`joined_with_neighbours`]).
const JOINED_WORDS: usize = 6;

/// Follows the chain translation → base English → current English where it
/// disagrees with the current alignment: the translation was made from the
/// base English, so `through_base` (the translation aligned with it, nearly
/// one to one) says which translated text renders which base block, and
/// `base.versions` (the monolingual match, moves included) where each base
/// block is now. The current alignment keeps its order and cannot follow a
/// moved section; the chain can.
///
/// Only confident chain pairs count (one base block, not flagged for
/// review), and a pair flagged for review where the current alignment is
/// impossible: the English segment has no translation now, and its text is
/// held by English added since the base, which that text cannot render (an
/// English paragraph inserted next to an unchanged one took its Japanese
/// partner; text written ahead of its English stood alone at the base and
/// is no chain pair). A current segment whose base block is rendered elsewhere takes
/// that translation and is labelled against it; a current segment holding
/// translated text that renders another base block loses it (`Missing` if
/// it was added since, `Untranslated` if it was in the base); translated
/// text that renders a base block deleted since, and that no label holds,
/// is `Removed`.
pub fn follow_chain(
    labels: &mut Vec<Labelled>,
    current: &Document,
    target: &Document,
    langs: Langs<'_>,
    base: &Base<'_>,
    through_base: &Alignment,
) {
    let n_base = base.document.segments.len();
    let (chain, now) = chain_and_now(base, Some(current), through_base);
    // Pairs flagged for review, for the impossible pairings only.
    let mut unsure: Vec<Option<std::ops::Range<usize>>> = vec![None; n_base];
    for row in &through_base.rows {
        if row.source.len() == 1 && !row.target.is_empty() && !row.crossed {
            unsure[row.source.start] = Some(row.target.clone());
        }
    }
    // The translated text held by English added since the base, or by none.
    let holders: Vec<(std::ops::Range<usize>, Option<usize>)> = labels
        .iter()
        .map(|l| (l.target.clone(), l.source))
        .collect();
    let held_by_new = |t: &std::ops::Range<usize>| {
        holders
            .iter()
            .filter(|(target, _)| overlaps(target, t))
            .all(|(_, source)| {
                source.is_some_and(|s| base.versions.get(s).copied().flatten().is_none())
            })
    };
    // Whether translated text `t` lies between the translated text of the
    // labels around label `n` (others than its holders): taking it crosses
    // no pair, as an unsure pair may not.
    let in_order = |n: usize, t: &std::ops::Range<usize>| {
        let other = |(target, _): &&(std::ops::Range<usize>, Option<usize>)| {
            !target.is_empty() && !overlaps(target, t)
        };
        let before = holders[..n].iter().rev().find(other);
        let after = holders.get(n + 1..).and_then(|h| h.iter().find(other));
        before.is_none_or(|(b, _)| b.end <= t.start) && after.is_none_or(|(a, _)| t.end <= a.start)
    };
    // The base block a translated range renders, by the chain.
    let rendered_by = |t: &std::ops::Range<usize>| -> Option<usize> {
        (0..n_base).find(|&k| chain[k].as_ref().is_some_and(|c| overlaps(c, t)))
    };
    let commit = base.commit.map(str::to_owned);
    let names = CodeNames::of(current);
    let mut claimed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut moved = vec![false; labels.len()];
    for (n, l) in labels.iter_mut().enumerate() {
        let Some(i) = l.source else { continue };
        let Some(k) = base.versions.get(i).copied().flatten() else {
            continue;
        };
        let Some(t) = chain[k].clone().or_else(|| {
            unsure[k].clone().filter(|t| {
                l.target.is_empty()
                    && held_by_new(t)
                    && in_order(n, t)
                    && same_code_and_links(&base.document.segments[k], &target.segments[t.clone()])
            })
        }) else {
            continue;
        };
        if overlaps(&l.target, &t) {
            continue;
        }
        let (state, diff) = state_since(
            &base.document.segments[k],
            &current.segments[i],
            &Target::new(target, t.clone(), langs),
            &names,
            &|| joined_with_neighbours(base, k, &current.segments[i]),
        );
        *l = Labelled {
            state,
            source: Some(i),
            target: t.clone(),
            base_commit: commit.clone(),
            diff,
        };
        moved[n] = true;
        claimed.push(t);
    }
    for (n, l) in labels.iter_mut().enumerate() {
        let Some(i) = l.source else { continue };
        if moved[n] || l.target.is_empty() {
            continue;
        }
        let own = base.versions.get(i).copied().flatten();
        if own
            .and_then(|k| chain[k].as_ref())
            .is_some_and(|c| overlaps(c, &l.target))
        {
            continue;
        }
        let elsewhere = claimed.iter().any(|c| overlaps(c, &l.target))
            || rendered_by(&l.target)
                .is_some_and(|k| Some(k) != own && now[k].is_none_or(|j| j != i));
        if elsewhere {
            l.target = l.target.start..l.target.start;
            l.diff = vec![Chunk {
                op: Op::Insert,
                text: normalize(&current.segments[i].text),
            }];
            l.state = if own.is_some() {
                State::Untranslated
            } else {
                State::Missing
            };
        }
    }
    // Removed labels on text a moved segment now holds are not removed.
    labels.retain(|l| l.state != State::Removed || !claimed.iter().any(|c| overlaps(c, &l.target)));
    // A removed label shows the deleted English its text renders by the
    // chain, not a guess from its place.
    for l in labels.iter_mut().filter(|l| l.state == State::Removed) {
        if let Some(k) = rendered_by(&l.target).filter(|&k| now[k].is_none()) {
            l.diff = vec![Chunk {
                op: Op::Delete,
                text: normalize(&base.document.segments[k].text),
            }];
            l.base_commit.clone_from(&commit);
        }
    }
    for k in 0..n_base {
        let Some(t) = chain[k].clone() else { continue };
        if now[k].is_some() || labels.iter().any(|l| overlaps(&l.target, &t)) {
            continue;
        }
        // After the label holding the translated text just before it.
        let at = labels
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.target.is_empty() && l.target.end <= t.start)
            .max_by_key(|(n, l)| (l.target.end, *n))
            .map_or(0, |(n, _)| n + 1);
        labels.insert(
            at,
            Labelled {
                state: State::Removed,
                source: None,
                target: t,
                base_commit: commit.clone(),
                diff: vec![Chunk {
                    op: Op::Delete,
                    text: normalize(&base.document.segments[k].text),
                }],
            },
        );
    }
}

/// Whether two ranges of segments share one.
fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a block and translated segments carry the same code spans and
/// link targets (as sets; none on both sides counts): what a translation
/// keeps as it is, so a pair with no other evidence at least does not
/// contradict it.
fn same_code_and_links(block: &Segment, translated: &[Segment]) -> bool {
    use std::collections::BTreeSet;
    fn of(s: &Segment) -> impl Iterator<Item = &str> {
        s.invariants
            .code
            .iter()
            .chain(&s.invariants.urls)
            .map(String::as_str)
    }
    let a: BTreeSet<&str> = of(block).collect();
    let b: BTreeSet<&str> = translated.iter().flat_map(of).collect();
    a == b
}

/// Per base block: the translated text that renders it by the chain
/// (confident rows of `through_base` holding one base block), and the
/// current block that is its version now.
#[allow(clippy::type_complexity)]
fn chain_and_now(
    base: &Base<'_>,
    joined_in: Option<&Document>,
    through_base: &Alignment,
) -> (Vec<Option<std::ops::Range<usize>>>, Vec<Option<usize>>) {
    let n_base = base.document.segments.len();
    let mut chain: Vec<Option<std::ops::Range<usize>>> = vec![None; n_base];
    for row in &through_base.rows {
        if row.source.len() == 1 && !row.target.is_empty() && !row.needs_review() && !row.crossed {
            chain[row.source.start] = Some(row.target.clone());
        }
    }
    let mut now = vec![None; n_base];
    for (i, v) in base.versions.iter().enumerate() {
        if let Some(k) = v
            && let Some(slot) = now.get_mut(*k)
        {
            *slot = Some(i);
        }
    }
    // With `joined_in`, a lead line joined into the block under it in that
    // document is still there.
    if let Some(current) = joined_in {
        for (k, into) in joined_into(base, current).into_iter().enumerate() {
            if now[k].is_none() {
                now[k] = into;
            }
        }
    }
    (chain, now)
}

/// Translated text written ahead of its English: a label [`label`] found
/// stale because its English was added after the translation's base, whose
/// translated text had no English at all at that base (aligned with the
/// base English, `through_base`, it stood alone), and which now pairs with
/// that English confidently (a row of `current_alignment` not flagged for
/// review, that English alone on its side: an English paragraph merged into
/// the row may be one the translation lacks). The translation said it first
/// (a page written in its language first, or one change committed language
/// by language: a `description` added to the Chinese pages on one day and
/// to the English ones days later); the English caught up with it, which
/// is no change to translate.
/// Such a label is `AlreadyUpdated`, to be labelled again against the
/// English as it was first written (see [`since_written`]): returns the
/// English segments of the labels changed. Labels against another base
/// than `base` are left as they are. Call after [`follow_chain`].
pub fn written_ahead(
    labels: &mut [Labelled],
    current_alignment: &Alignment,
    base: &Base<'_>,
    through_base: &Alignment,
) -> Vec<usize> {
    let mut changed = Vec::new();
    // Translated segments that stood alone beside the base English. (Not
    // those in a row flagged for review: beside the English of a Polish
    // or Japanese translation, many a true pair is flagged.) The rows
    // tile the translation.
    let mut alone = vec![false; through_base.rows.last().map_or(0, |r| r.target.end)];
    for row in through_base.rows.iter().filter(|r| r.source.is_empty()) {
        alone[row.target.clone()].fill(true);
    }
    for l in labels.iter_mut() {
        let Some(i) = l.source else { continue };
        if l.state != State::Stale
            || l.target.is_empty()
            || l.base_commit.as_deref() != base.commit
            || base.versions.get(i).copied().flatten().is_some()
            || !l
                .target
                .clone()
                .all(|j| alone.get(j).copied().unwrap_or(false))
        {
            continue;
        }
        let confident = current_alignment
            .rows
            .iter()
            .find(|r| r.source.contains(&i))
            .is_some_and(|r| !r.needs_review() && r.target == l.target && r.source.len() == 1);
        if confident {
            l.state = State::AlreadyUpdated;
            changed.push(i);
        }
    }
    changed
}

/// Labels again translations written ahead of their English (see
/// [`written_ahead`]): each `(label index, first)` pair gives `first`, the
/// English segment as first written after the translation's base. What
/// the English changed since it caught up with the translation is to
/// translate as any change is (`Stale`, `LinkOnly`...); nothing changed
/// since leaves the label `AlreadyUpdated`.
pub fn since_written(
    labels: &mut [Labelled],
    firsts: &[(usize, &Segment)],
    current: &Document,
    target: &Document,
    langs: Langs<'_>,
) {
    if firsts.is_empty() {
        return;
    }
    let names = CodeNames::of(current);
    for &(n, first) in firsts {
        let Some(l) = labels.get_mut(n) else { continue };
        let Some(i) = l.source else { continue };
        let (state, diff) = state_since(
            first,
            &current.segments[i],
            &Target::new(target, l.target.clone(), langs),
            &names,
            &|| false,
        );
        if state != State::UpToDate {
            l.state = state;
            l.diff = diff;
        }
    }
}

/// Gives a translated copy the verdict of its twin. Documentation repeats
/// blocks word for word (the same commands under two set-up paths, one
/// heading in each of three tabs), and so do their translations. Which copy
/// a commit wrote, line history cannot always tell: an old line matched to
/// the new copy gives it a base from before its English existed, and the
/// copy reads as stale while its twin, the same English translated the same
/// way, is up to date. The same English with the same translation needs the
/// same work: a stale label whose English segment and translated text are
/// both, word for word, those of another label's that needs no work (in
/// another row) takes that label's state, diff and base.
pub fn settle_copies(labels: &mut [Labelled], current: &Document, target: &Document) {
    if !labels.iter().any(|l| l.state == State::Stale) {
        return;
    }
    type Key = (Fingerprint, u8, Fingerprint);
    let key = |l: &Labelled| -> Option<Key> {
        let seg = current.segments.get(l.source?)?;
        let translated = match target.segments.get(l.target.clone())? {
            [] => return None,
            [one] => one.fingerprint(),
            several => crate::segment::fingerprint(
                &several
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        };
        Some((seg.fingerprint(), seg.kind as u8, translated))
    };
    let mut settled: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for (n, l) in labels.iter().enumerate() {
        if !l.state.needs_work()
            && let Some(k) = key(l)
        {
            settled.entry(k).or_insert(n);
        }
    }
    if settled.is_empty() {
        return;
    }
    for n in 0..labels.len() {
        if labels[n].state != State::Stale {
            continue;
        }
        let Some(&twin) = key(&labels[n]).and_then(|k| settled.get(&k)) else {
            continue;
        };
        if labels[twin].target == labels[n].target {
            continue;
        }
        let (state, diff, base) = (
            labels[twin].state,
            labels[twin].diff.clone(),
            labels[twin].base_commit.clone(),
        );
        let l = &mut labels[n];
        (l.state, l.diff, l.base_commit) = (state, diff, base);
    }
}

/// Paragraphs split or joined in the English without a word changed: one
/// base block whose words are now those of two or three neighbouring
/// blocks (a split), or two or three neighbouring base blocks whose words
/// are now one block's (a join). A paragraph break is markup: the
/// translation still says every word, so each block of the group is
/// `Cosmetic` against the translated text of the base block(s) (by the
/// chain, `through_base`), and that text is neither `Missing` nor
/// `Removed`. Call after [`follow_chain`].
pub fn rejoin_resplits(
    labels: &mut Vec<Labelled>,
    current: &Document,
    base: &Base<'_>,
    through_base: &Alignment,
) {
    let n_base = base.document.segments.len();
    let (chain, now) = chain_and_now(base, None, through_base);
    let words_of = |doc: &Document, r: std::ops::RangeInclusive<usize>| -> Vec<String> {
        r.flat_map(|k| prose_words(&doc.segments[k].text)).collect()
    };
    // Neighbours of one kind of running text, `lo..=hi` around `at`.
    let runs = |len: usize, at: usize| {
        (at.saturating_sub(2)..=at)
            .flat_map(move |lo| (at..=(at + 2).min(len.saturating_sub(1))).map(move |hi| (lo, hi)))
            .filter(|(lo, hi)| hi > lo && hi - lo <= 2)
    };
    let same_prose = |doc: &Document, lo: usize, hi: usize, kind| {
        (lo..=hi).all(|k| doc.segments[k].kind == kind && kind.is_prose())
    };
    // (current blocks, their translated text, the joined base text) of
    // each group.
    type Group = (
        std::ops::RangeInclusive<usize>,
        std::ops::Range<usize>,
        Option<String>,
    );
    let mut groups: Vec<Group> = Vec::new();
    for (i, v) in base.versions.iter().enumerate() {
        let Some(k) = *v else { continue };
        let kind = current.segments[i].kind;
        if base.document.segments[k].kind != kind {
            continue;
        }
        // A split: the other parts are new blocks.
        if let Some(t) = chain[k].clone()
            && let Some((lo, hi)) = runs(current.segments.len(), i).find(|&(lo, hi)| {
                same_prose(current, lo, hi, kind)
                    && (lo..=hi)
                        .all(|j| j == i || base.versions.get(j).copied().flatten().is_none())
                    && words_of(current, lo..=hi) == words_of(base.document, k..=k)
            })
        {
            // Each part is the base block's text, in part: shown as it is.
            groups.push((lo..=hi, t, None));
            continue;
        }
        // A join: the other base blocks are gone, their translations kept.
        if let Some((lo, hi)) = runs(n_base, k).find(|&(lo, hi)| {
            same_prose(base.document, lo, hi, kind)
                && (lo..=hi).all(|m| m == k || now[m].is_none())
                && (lo..=hi).all(|m| chain[m].is_some())
                && words_of(base.document, lo..=hi) == words_of(current, i..=i)
        }) && let (Some(first), Some(last)) = (chain[lo].clone(), chain[hi].clone())
            && first.start < last.end
        {
            let text = (lo..=hi)
                .map(|m| normalize(&base.document.segments[m].text))
                .collect::<Vec<_>>()
                .join(" ");
            groups.push((i..=i, first.start..last.end, Some(text)));
        }
    }
    if groups.is_empty() {
        return;
    }
    let commit = base.commit.map(str::to_owned);
    for (blocks, t, base_text) in groups {
        // Translated text of the group reported removed is the group's.
        labels.retain(|l| l.state != State::Removed || !overlaps(&l.target, &t));
        for i in blocks {
            let now_text = normalize(&current.segments[i].text);
            let label = Labelled {
                state: State::Cosmetic,
                source: Some(i),
                target: t.clone(),
                base_commit: commit.clone(),
                diff: match &base_text {
                    Some(joined) => word_diff(joined, &now_text),
                    None => vec![Chunk {
                        op: Op::Equal,
                        text: now_text,
                    }],
                },
            };
            match labels.iter_mut().find(|l| l.source == Some(i)) {
                Some(l) => *l = label,
                None => labels.push(label),
            }
        }
    }
}

/// Marks translated rows whose text is their English left as it was as
/// `Untranslated`: the page is not translated there, whatever its age.
/// Judged: running prose (paragraphs, headings, quotes, table cells) and
/// the texts a reader sees as titles and captions (front-matter values,
/// shortcode parameters), by `segment::is_left_in_source_by` with the
/// page pair's own evidence of which words are English. List items left in
/// English stay neutral: most often references (titles of linked articles,
/// quoted changelogs) that translations keep on purpose. A heading left as
/// it was over a section whose every translated block is left in English
/// is untranslated with it, however short ("Publish").
fn mark_left_in_source(
    current: &Document,
    target: &Document,
    alignment: &Alignment,
    labels: &mut [Labelled],
    names: &CodeNames<'_>,
) {
    use crate::segment::{SegmentKind, SourceWords, normalize};
    let joined = |doc: &Document, r: &std::ops::Range<usize>| -> String {
        r.clone()
            .map(|k| doc.segments[k].text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let paired = |row: &crate::align::Row| !row.source.is_empty() && !row.target.is_empty();
    let identical: Vec<bool> = alignment
        .rows
        .iter()
        .map(|row| {
            paired(row)
                && normalize(&joined(current, &row.source))
                    == normalize(&joined(target, &row.target))
        })
        .collect();
    let mut in_row = vec![false; target.segments.len()];
    for row in &alignment.rows {
        for k in row.target.clone() {
            in_row[k] = true;
        }
    }
    let judged = judged_left_in_source;
    // Counted only when some row needs it (a short identical text), and
    // only for the words of those rows.
    let focus: Vec<String> = alignment
        .rows
        .iter()
        .zip(&identical)
        .filter(|(row, same)| {
            **same && row.source.clone().all(|i| judged(current.segments[i].kind))
        })
        .map(|(row, _)| joined(current, &row.source))
        .filter(|en| !crate::segment::is_left_in_source(en, en))
        .collect();
    let focus: Vec<&str> = focus.iter().map(String::as_str).collect();
    let evidence: std::cell::OnceCell<SourceWords> = std::cell::OnceCell::new();
    let evidence = || {
        evidence.get_or_init(|| {
            SourceWords::for_texts(
                &focus,
                current
                    .segments
                    .iter()
                    .filter(|s| s.kind.is_prose())
                    .map(|s| s.text.as_str()),
                alignment
                    .rows
                    .iter()
                    .zip(&identical)
                    .filter(|(_, same)| !**same)
                    .flat_map(|(row, _)| row.target.clone())
                    .chain((0..target.segments.len()).filter(|k| !in_row[*k]))
                    .map(|k| &target.segments[k])
                    .filter(|s| s.kind.is_prose())
                    .map(|s| s.text.as_str()),
            )
        })
    };
    let mut left = vec![false; alignment.rows.len()];
    for (r, row) in alignment.rows.iter().enumerate() {
        left[r] = identical[r] && row.source.clone().all(|i| judged(current.segments[i].kind)) && {
            let (en, tr) = (joined(current, &row.source), joined(target, &row.target));
            (crate::segment::is_left_in_source(&en, &tr)
                || crate::segment::is_left_in_source_by(&en, &tr, evidence()))
                && !names.has(&en)
        };
    }
    // A heading left as it was heads an untranslated section when every
    // paired block of its section (up to the next heading of its level or
    // above) is left in English.
    let heading = |r: usize| -> Option<u8> {
        let row = &alignment.rows[r];
        let first = current.segments.get(row.source.start)?;
        (row.source.len() == 1 && first.kind == SegmentKind::Heading).then_some(first.level)
    };
    for r in 0..alignment.rows.len() {
        let Some(level) = heading(r) else { continue };
        if left[r] || !identical[r] {
            continue;
        }
        let section = (r + 1..alignment.rows.len())
            .take_while(|&k| heading(k).is_none_or(|l| l > level))
            .filter(|&k| paired(&alignment.rows[k]));
        let (mut any, mut all) = (false, true);
        for k in section {
            any = true;
            all &= left[k];
        }
        left[r] = any && all;
    }
    for (row, _) in alignment.rows.iter().zip(&left).filter(|(_, l)| **l) {
        for l in labels.iter_mut() {
            if l.source.is_some_and(|i| row.source.contains(&i)) {
                l.state = State::Untranslated;
                l.diff.clear();
            }
        }
    }
}

/// Most words of a title that can be a command's name.
const MAX_NAME_WORDS: usize = 5;

/// The code of an English page (blocks and spans), lower-cased, read on
/// first use: a short title that is a command shown there (`helm show
/// values` over its usage line) is a name, left as it is on purpose, not
/// text left untranslated.
struct CodeNames<'a> {
    doc: &'a Document,
    code: std::cell::OnceCell<String>,
}

impl<'a> CodeNames<'a> {
    fn of(doc: &'a Document) -> CodeNames<'a> {
        CodeNames {
            doc,
            code: std::cell::OnceCell::new(),
        }
    }

    /// Whether `en`, a short title without sentence punctuation, is in the
    /// page's code.
    fn has(&self, en: &str) -> bool {
        let en = normalize(en).to_lowercase();
        let words = en.split_whitespace().count();
        if !(1..=MAX_NAME_WORDS).contains(&words) || en.contains(['.', ',', ':', ';', '?', '!']) {
            return false;
        }
        self.code
            .get_or_init(|| {
                let mut all = String::new();
                for seg in &self.doc.segments {
                    if seg.kind == crate::segment::SegmentKind::Code {
                        all.push_str(&seg.text.to_lowercase());
                        all.push('\n');
                    }
                    for span in &seg.invariants.code {
                        all.push_str(&span.to_lowercase());
                        all.push('\n');
                    }
                }
                normalize(&all)
            })
            .contains(&en)
    }
}

/// The kinds of segment whose text left in English counts as untranslated;
/// list items left in English stay neutral (most often references: titles
/// of linked articles, quoted changelogs, kept on purpose).
fn judged_left_in_source(kind: crate::segment::SegmentKind) -> bool {
    use crate::segment::SegmentKind;
    matches!(
        kind,
        SegmentKind::Paragraph
            | SegmentKind::Heading
            | SegmentKind::Blockquote
            | SegmentKind::TableCell
            | SegmentKind::FrontMatter
            | SegmentKind::ShortcodeParam
    )
}

/// Tells the two kinds of gaps apart: a `Missing` segment whose English was
/// already in its base (`gap_bases[n]` for label `n`, the English its
/// translated neighbours were made from, else `page_base`, the English the
/// translation was last made against) is a gap the translation always had,
/// `Untranslated`; one added since stays `Missing`.
pub fn split_gaps(labels: &mut [Labelled], page_base: &Base<'_>, gap_bases: &[Option<Base<'_>>]) {
    for (n, l) in labels.iter_mut().enumerate() {
        let base = gap_bases
            .get(n)
            .and_then(Option::as_ref)
            .unwrap_or(page_base);
        if l.state == State::Missing
            && let Some(i) = l.source
            && base.versions.get(i).copied().flatten().is_some()
        {
            l.state = State::Untranslated;
            l.base_commit = base.commit.map(str::to_owned);
        }
    }
}

/// The invariants a translation carries over as they are, old and new:
/// links, code spans, numbers and shortcodes with their settings.
fn carried_values<'s>(old: &'s Segment, new: &'s Segment) -> [(&'s [String], &'s [String]); 4] {
    let (a, b) = (&old.invariants, &new.invariants);
    [
        (&a.urls, &b.urls),
        (&a.code, &b.code),
        (&a.numbers, &b.numbers),
        (&a.shortcodes, &b.shortcodes),
    ]
}

/// Returns true when the English change touched invariants and the
/// translation already has every new value and none of the replaced ones.
fn carries_new_invariants(old: &Segment, new: &Segment, target: &Target<'_>) -> bool {
    let mut any_change = false;
    for (old_values, new_values) in carried_values(old, new) {
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

/// Returns true when the English change only took links, code spans or
/// numbers out (nothing added, no other invariant touched) and the
/// translation has none of them: it already reads as the new English does
/// (a link the translator had left out, a number already dropped).
fn lacks_removed_invariants(old: &Segment, new: &Segment, target: &Target<'_>) -> bool {
    if old.invariants.dates != new.invariants.dates
        || old.invariants.shortcodes != new.invariants.shortcodes
    {
        return false;
    }
    let mut removed = false;
    for (old_values, new_values) in carried_values(old, new) {
        if new_values.iter().any(|v| !old_values.contains(v)) {
            return false;
        }
        for gone in old_values.iter().filter(|v| !new_values.contains(v)) {
            removed = true;
            if target.has(gone) {
                return false;
            }
        }
    }
    removed
}

/// Returns true when the English change (its word `diff`) only replaced
/// numbers, written in words or digits (`two` became `three`, `2` became `three`), and the
/// translation already has every new number, in digits or in its own
/// words (`tre`), and none of the replaced ones. The English's and the
/// translation's number words are read from their languages' tables only
/// (see [`crate::segment::numbers`]): in a language without one, only
/// digits count.
/// The number one is never taken as said or unsaid in words: it is the
/// article of many languages (`un`, `ein`).
fn carries_new_number_words(diff: &[Chunk], target: &Target<'_>) -> bool {
    use crate::segment::numbers::{has_table, spelled_out, value_of_word};
    let value = |word: &str| -> Option<String> {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return Some(word.to_owned());
        }
        value_of_word(&word.to_lowercase(), target.langs.source).map(|n| n.to_string())
    };
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for chunk in diff {
        let side = match chunk.op {
            Op::Equal => continue,
            Op::Delete => &mut before,
            Op::Insert => &mut after,
        };
        for word in chunk
            .text
            .split(|c: char| !crate::segment::is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
        {
            match value(word) {
                Some(v) => side.push(v),
                None => return false,
            }
        }
    }
    let lang = target.langs.target;
    let in_words = |v: &str| has_table(lang) && spelled_out(v, lang, &target.text);
    let said = |v: &String| v != "1" && (target.has(v) || in_words(v));
    let unsaid = |v: &String| v != "1" && !target.has(v) && !in_words(v);
    !after.is_empty()
        && after.iter().all(said)
        && before.iter().filter(|v| !after.contains(v)).all(unsaid)
}

/// Returns true when a change to code (or a standalone shortcode) is in
/// the translation already, though the translation changed the code's
/// comments or texts (a `{{%/*` made `{{</*` in the English and the
/// Chinese example alike): every token the English put in is there as
/// often as in the English, and every token it took out is there no more
/// often than in the English. Tokens are the diff's whitespace-separated
/// pieces, each a whole token of its version (else nothing is judged).
fn code_change_carried(diff: &[Chunk], (before, english): (&str, &str), translated: &str) -> bool {
    let count = |text: &str, token: &str| text.split_whitespace().filter(|t| *t == token).count();
    let tokens = |op: Op| -> Vec<&str> {
        diff.iter()
            .filter(|c| c.op == op)
            .flat_map(|c| c.text.split_whitespace())
            .collect()
    };
    let (added, gone) = (tokens(Op::Insert), tokens(Op::Delete));
    !(added.is_empty() && gone.is_empty())
        && added.iter().all(|t| count(english, t) > 0)
        && gone.iter().all(|t| count(before, t) > 0)
        && added
            .iter()
            .all(|t| count(translated, t) >= count(english, t))
        && gone
            .iter()
            .filter(|t| !added.contains(t))
            .all(|t| count(translated, t) <= count(english, t))
}

/// The translated side of a row: its raw text and its parsed invariants
/// (so `2024-07\_Berlin` in the Markdown matches the URL `2024-07_Berlin`).
struct Target<'a> {
    text: String,
    values: Vec<&'a str>,
    /// The kind and level of the translated block, when it is one block.
    shape: Option<(crate::segment::SegmentKind, u8)>,
    /// The languages of the English and of the translation.
    langs: Langs<'a>,
}

impl<'a> Target<'a> {
    fn new(target: &'a Document, range: std::ops::Range<usize>, langs: Langs<'a>) -> Target<'a> {
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
                    .chain(&s.invariants.shortcodes)
            })
            .map(String::as_str)
            .collect();
        let shape = match segs {
            [one] => Some((one.kind, one.level)),
            _ => None,
        };
        Target {
            text,
            values,
            shape,
            langs,
        }
    }

    fn has(&self, value: &str) -> bool {
        let bare = value.trim_end_matches('/');
        let digit = |v: &str| v.starts_with(|c: char| c.is_ascii_digit());
        // A number as the language writes it: `15,00` is `15.00`.
        let number = digit(value).then(|| crate::segment::normalize_number(value));
        self.text.contains(value)
            || self.values.iter().any(|v| {
                *v == value
                    || v.trim_end_matches('/') == bare
                    || number
                        .as_ref()
                        .is_some_and(|n| digit(v) && crate::segment::normalize_number(v) == *n)
            })
    }
}

/// Returns the index of a base segment near current position `at` that no
/// longer exists in the current English (the one a target-only row most
/// likely translated): the first of the gap, or the one after `named` when
/// an earlier translated block of the same gap named that one (the blocks
/// of a gap render its deleted English in order). `kept` says which base
/// segments the current English still has (see [`still_there`]).
fn deleted_near(
    base: &Base<'_>,
    kept: &[bool],
    current: &Document,
    at: usize,
    named: Option<usize>,
) -> Option<usize> {
    // The base segments between the versions of the current neighbours.
    let before = (0..at)
        .rev()
        .find_map(|i| base.versions.get(i).copied().flatten());
    let after = (at..current.segments.len()).find_map(|i| base.versions.get(i).copied().flatten());
    let lo = before.map_or(0, |k| k + 1);
    let hi = after.unwrap_or(base.document.segments.len());
    let deleted = |from: usize| (from..hi).find(|&k| !kept[k]);
    // Past the one an earlier block of the gap named, while there is one.
    named
        .filter(|&k| k >= lo && k < hi)
        .and_then(|k| deleted(k + 1))
        .or_else(|| named.filter(|&k| k >= lo && k < hi))
        .or_else(|| deleted(lo))
}

#[cfg(test)]
mod tests;
