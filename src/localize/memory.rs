//! A translation memory: source segments and their translations from
//! aligned pages, looked up by exact and near matches.
//!
//! Pure: no I/O. Exact matches are found through the segment fingerprint
//! (whitespace-normalized text). Near matches are scored by a word-level
//! edit distance; candidates come from an inverted index over the query's
//! rarest words, and the prefix is long enough that no match above the
//! threshold is missed (prefix filtering, as in set-similarity joins).

use std::collections::HashMap;

use crate::align::{Alignment, REVIEW_THRESHOLD};
use crate::segment::{Document, Fingerprint, fingerprint, normalize};

/// Near matches must be at least this similar (1 = identical words).
const NEAR: f64 = 0.6;

/// A translation offered for a source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The source text the translation was made for.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// 1.0 for an exact match (same normalized text), else the word-level
    /// similarity, from 0.6 to 1.
    pub similarity: f64,
}

/// Translations of one language pair, deduplicated, with an index for fast
/// lookups.
///
/// Texts are stored as written in the pages (Markdown, escapes of quoted
/// values included).
#[derive(Debug, Clone, Default)]
pub struct TranslationMemory {
    entries: Vec<Entry>,
    /// Entries by source fingerprint.
    exact: HashMap<Fingerprint, Vec<usize>>,
    /// Entry by (source, target) fingerprints, to count repeats.
    pairs: HashMap<(Fingerprint, Fingerprint), usize>,
    /// Word ids.
    vocabulary: HashMap<String, u32>,
    /// Entries by (word id, occurrence number of the word in the entry).
    postings: HashMap<(u32, u32), Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Entry {
    source: String,
    target: String,
    normalized: String,
    words: Vec<u32>,
    /// How many times the pair was added.
    count: u32,
}

impl TranslationMemory {
    /// Returns an empty memory.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns how many distinct pairs the memory holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Returns true when the memory holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds the one-to-one rows of an alignment that score at least 0.5.
    ///
    /// A pair whose translation is the source text itself is kept only when
    /// short (a name, a number): longer ones are prose left untranslated.
    pub fn add_pair(&mut self, source: &Document, target: &Document, alignment: &Alignment) {
        for row in &alignment.rows {
            if row.source.len() != 1 || row.target.len() != 1 || row.score < REVIEW_THRESHOLD {
                continue;
            }
            let (Some(s), Some(t)) = (
                source.segments.get(row.source.start),
                target.segments.get(row.target.start),
            ) else {
                continue;
            };
            if crate::segment::is_left_in_source(&s.text, &t.text) {
                continue;
            }
            self.add(&s.text, &t.text);
        }
    }

    /// Adds one pair of texts.
    pub fn add(&mut self, source: &str, target: &str) {
        let key = (fingerprint(source), fingerprint(target));
        if let Some(&e) = self.pairs.get(&key) {
            self.entries[e].count += 1;
            return;
        }
        let idx = self.entries.len();
        let mut seen: HashMap<u32, u32> = HashMap::new();
        let mut words = Vec::new();
        for w in tokens(source) {
            let next = u32::try_from(self.vocabulary.len()).unwrap_or(u32::MAX);
            let id = *self.vocabulary.entry(w).or_insert(next);
            let n = seen.entry(id).or_insert(0);
            self.postings.entry((id, *n)).or_default().push(idx);
            *n += 1;
            words.push(id);
        }
        self.entries.push(Entry {
            source: source.to_owned(),
            target: target.to_owned(),
            normalized: normalize(source),
            words,
            count: 1,
        });
        self.exact.entry(key.0).or_default().push(idx);
        self.pairs.insert(key, idx);
    }

    /// Returns the translation of the most frequent exact match, if any.
    pub fn exact(&self, source_text: &str) -> Option<&str> {
        self.exact_matches(source_text)
            .first()
            .map(|&e| self.entries[e].target.as_str())
    }

    /// Returns up to `limit` suggestions for a source text: exact matches
    /// first (similarity 1.0, most frequent first), then near matches, most
    /// similar first. Suggestions with the same translation appear once.
    pub fn lookup(&self, source_text: &str, limit: usize) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = Vec::new();
        let mut seen_targets: Vec<Fingerprint> = Vec::new();
        let mut push = |out: &mut Vec<Suggestion>, e: &Entry, similarity: f64| {
            let fp = fingerprint(&e.target);
            if !seen_targets.contains(&fp) {
                seen_targets.push(fp);
                out.push(Suggestion {
                    source: e.source.clone(),
                    target: e.target.clone(),
                    similarity,
                });
            }
        };
        let exact = self.exact_matches(source_text);
        for &e in &exact {
            push(&mut out, &self.entries[e], 1.0);
        }
        if out.len() < limit {
            let mut near = self.near_matches(source_text, &exact);
            near.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then(self.entries[b.0].count.cmp(&self.entries[a.0].count))
                    .then(a.0.cmp(&b.0))
            });
            for (e, similarity) in near {
                push(&mut out, &self.entries[e], similarity);
            }
        }
        out.truncate(limit);
        out
    }

    fn exact_matches(&self, source_text: &str) -> Vec<usize> {
        let Some(found) = self.exact.get(&fingerprint(source_text)) else {
            return Vec::new();
        };
        let normalized = normalize(source_text);
        let mut out: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&e| self.entries[e].normalized == normalized)
            .collect();
        out.sort_by(|&a, &b| {
            self.entries[b]
                .count
                .cmp(&self.entries[a].count)
                .then(a.cmp(&b))
        });
        out
    }

    /// Returns entries at least [`NEAR`] similar, with their similarity.
    fn near_matches(&self, source_text: &str, exclude: &[usize]) -> Vec<(usize, f64)> {
        // Query words: known ones get their id and occurrence number; unknown
        // ones get ids that match nothing.
        let mut query = Vec::new();
        let mut keys: Vec<(usize, (u32, u32))> = Vec::new();
        let mut seen: HashMap<u32, u32> = HashMap::new();
        for (k, w) in tokens(source_text).into_iter().enumerate() {
            match self.vocabulary.get(&w) {
                Some(&id) => {
                    let n = seen.entry(id).or_insert(0);
                    let postings = self.postings.get(&(id, *n)).map_or(0, Vec::len);
                    keys.push((postings, (id, *n)));
                    *n += 1;
                    query.push(id);
                }
                None => {
                    query.push(u32::MAX - u32::try_from(k).unwrap_or(0));
                }
            }
        }
        let n = query.len();
        if n == 0 {
            return Vec::new();
        }
        // A match shares at least ceil(0.6 n) words with the query, so it
        // shares one of the query's n - ceil(0.6 n) + 1 rarest words.
        // Unknown words are the rarest of all and have no postings.
        let shared = (3 * n).div_ceil(5);
        let prefix = n - shared + 1;
        let n_unknown = n - keys.len();
        keys.sort_unstable();
        let mut candidates: Vec<usize> = keys
            .iter()
            .take(prefix.saturating_sub(n_unknown))
            .flat_map(|(_, key)| self.postings.get(key).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut out = Vec::new();
        for e in candidates {
            if exclude.contains(&e) {
                continue;
            }
            let words = &self.entries[e].words;
            let longest = n.max(words.len());
            // Each extra word costs one edit.
            if (n.abs_diff(words.len()) as f64) > (1.0 - NEAR) * longest as f64 {
                continue;
            }
            let similarity = 1.0 - word_distance(&query, words) as f64 / longest as f64;
            if similarity >= NEAR {
                out.push((e, similarity));
            }
        }
        out
    }
}

/// Returns the lowercase words (runs of letters and digits) of a text.
pub(super) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Returns the Levenshtein distance between two word sequences.
pub(super) fn word_distance(a: &[u32], b: &[u32]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(x != y);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
