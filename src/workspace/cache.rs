//! The page cache: the alignment and labels of a page set, kept while
//! nothing they depend on changes.
//!
//! An entry is named by a hash of everything the result depends on: trame's
//! version and a hash of its source code (`build.rs`), the segmentation settings, the texts of the page and its
//! translations, the versions git has of each (commit and blob), and the
//! review records and alignment corrections of the page. A change to any of
//! them gives another name, so an entry is never invalidated, only no longer
//! asked for; entries unused for 30 days are deleted. Entries live in
//! `.git/trame/pages/`, one JSON file each, written atomically; an entry
//! that cannot be read or does not fit the pages is ignored.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::align::Alignment;
use crate::stale::Labelled;
use crate::workspace::{Page, StaleDoc, StaleNote};

/// Bump when the meaning of cached results changes without a version change.
const FORMAT: &str = "trame page cache 4";

/// Entries older than this are deleted.
const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 3600);

/// Builds the name of an entry from its inputs.
pub(super) struct KeyBuilder {
    a: std::hash::DefaultHasher,
    b: std::hash::DefaultHasher,
}

impl KeyBuilder {
    pub(super) fn new() -> KeyBuilder {
        let mut builder = KeyBuilder {
            a: std::hash::DefaultHasher::new(),
            b: std::hash::DefaultHasher::new(),
        };
        // Two differently started hashes: a 128-bit name.
        builder.b.write_u8(1);
        builder.add(FORMAT);
        builder.add(env!("CARGO_PKG_VERSION"));
        // The code that computed the entry (build.rs hashes `src/`).
        builder.add(env!("TRAME_SOURCE_HASH"));
        builder
    }

    /// Adds one input (its length too, so inputs cannot run together).
    pub(super) fn add(&mut self, part: impl AsRef<[u8]>) {
        let part = part.as_ref();
        for h in [&mut self.a, &mut self.b] {
            part.len().hash(h);
            h.write(part);
        }
    }

    pub(super) fn finish(&self) -> String {
        format!("{:016x}{:016x}", self.a.finish(), self.b.finish())
    }
}

/// An entry as stored: compact, since a warm run reads one per page set
/// (rows and labels as arrays of numbers, base commits listed once).
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    targets: Vec<TargetEntry>,
    not_committed: Vec<PathBuf>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct TargetEntry {
    lang: String,
    /// Rows: `[source start, source end, target start, target end, score,
    /// flags]` (flag 1: crossed, 2: `moved` follows as a seventh number).
    rows: Vec<Vec<serde_json::Number>>,
    /// The base commits the labels name.
    commits: Vec<String>,
    labels: Vec<LabelEntry>,
}

/// A label: state, source segment + 1 (0: none), target start and end, base
/// commit + 1 (0: none), and the word diff when there is one.
#[derive(serde::Serialize, serde::Deserialize)]
struct LabelEntry(
    crate::stale::State,
    usize,
    usize,
    usize,
    usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")] Vec<crate::stale::Chunk>,
);

impl TargetEntry {
    /// The entry of one translation (none when a score is not a finite
    /// number, which JSON cannot hold: that result is not kept).
    fn new(doc: &StaleDoc) -> Option<TargetEntry> {
        let rows = doc
            .alignment
            .rows
            .iter()
            .map(|r| {
                let flags = u64::from(r.crossed) | if r.moved.is_some() { 2 } else { 0 };
                let mut row: Vec<serde_json::Number> =
                    [r.source.start, r.source.end, r.target.start, r.target.end]
                        .into_iter()
                        .map(|n| (n as u64).into())
                        .collect();
                row.push(serde_json::Number::from_f64(r.score)?);
                row.push(flags.into());
                row.extend(r.moved.map(|m| (m as u64).into()));
                Some(row)
            })
            .collect::<Option<_>>()?;
        let mut commits: Vec<String> = Vec::new();
        let labels = doc
            .labels
            .iter()
            .map(|l| {
                let commit = l.base_commit.as_ref().map_or(0, |c| {
                    1 + commits.iter().position(|k| k == c).unwrap_or_else(|| {
                        commits.push(c.clone());
                        commits.len() - 1
                    })
                });
                LabelEntry(
                    l.state,
                    l.source.map_or(0, |i| i + 1),
                    l.target.start,
                    l.target.end,
                    commit,
                    l.diff.clone(),
                )
            })
            .collect();
        Some(TargetEntry {
            lang: doc.lang.clone(),
            rows,
            commits,
            labels,
        })
    }

    /// The alignment and labels, if the entry is well formed.
    fn open(self) -> Option<(String, Alignment, Vec<Labelled>)> {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let n = |k: usize| r.get(k)?.as_u64().and_then(|n| usize::try_from(n).ok());
                let flags = n(5)?;
                let moved = if flags & 2 != 0 { Some(n(6)?) } else { None };
                Some(crate::align::Row {
                    source: n(0)?..n(1)?,
                    target: n(2)?..n(3)?,
                    score: r.get(4)?.as_f64()?,
                    crossed: flags & 1 != 0,
                    moved,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let labels = self
            .labels
            .into_iter()
            .map(|LabelEntry(state, source, start, end, commit, diff)| {
                Some(Labelled {
                    state,
                    source: source.checked_sub(1),
                    target: start..end,
                    base_commit: match commit {
                        0 => None,
                        k => Some(self.commits.get(k - 1)?.clone()),
                    },
                    diff,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some((self.lang, Alignment { rows }, labels))
    }
}

/// Returns the cached result for `key`, rebuilt on the pages just read, if
/// there is one and it fits them.
pub(super) fn read(
    dir: &Path,
    key: &str,
    source: &Page,
    targets: &[(&String, &PathBuf, &Page)],
) -> Option<(Vec<StaleDoc>, Vec<StaleNote>)> {
    let text = std::fs::read(dir.join(format!("{key}.json"))).ok()?;
    // The first line is the checksum of the rest: an entry edited by hand
    // (or half written by another tool) is computed again, not believed.
    let newline = text.iter().position(|b| *b == b'\n')?;
    let (sum, json) = (&text[..newline], &text[newline + 1..]);
    if sum != checksum(json).as_bytes() {
        return None;
    }
    let entry: Entry = serde_json::from_slice(json).ok()?;
    if entry.targets.len() != targets.len() {
        return None;
    }
    let n_source = source.document.segments.len();
    let mut docs = Vec::with_capacity(targets.len());
    for (cached, (lang, _, target)) in entry.targets.into_iter().zip(targets) {
        let n_target = target.document.segments.len();
        let (cached_lang, alignment, labels) = cached.open()?;
        let fits = cached_lang == **lang
            && alignment
                .rows
                .iter()
                .all(|r| r.source.end <= n_source && r.target.end <= n_target)
            && labels
                .iter()
                .all(|l| l.source.is_none_or(|i| i < n_source) && l.target.end <= n_target);
        if !fits {
            return None;
        }
        docs.push(StaleDoc {
            source: source.clone(),
            target: (*target).clone(),
            lang: cached_lang,
            alignment,
            labels,
            dismissed: Vec::new(),
            site: None,
        });
    }
    let notes = entry
        .not_committed
        .into_iter()
        .map(|path| StaleNote::NotCommitted { path })
        .collect();
    Some((docs, notes))
}

/// Stores a result; failing to is not an error (the cache only saves time).
pub(super) fn write(dir: &Path, key: &str, docs: &[StaleDoc], notes: &[StaleNote]) {
    let entry = Entry {
        targets: match docs.iter().map(TargetEntry::new).collect() {
            Some(targets) => targets,
            None => return,
        },
        not_committed: notes
            .iter()
            .filter_map(|n| match n {
                StaleNote::NotCommitted { path } => Some(path.clone()),
                _ => None,
            })
            .collect(),
    };
    let Ok(json) = serde_json::to_vec(&entry) else {
        return;
    };
    let mut file = checksum(&json).into_bytes();
    file.push(b'\n');
    file.extend_from_slice(&json);
    let json = file;
    // Renamed into place, so a reader sees all of an entry or none; not
    // synced to disk: an entry lost in a crash is only computed again.
    let _ = std::fs::create_dir_all(dir)
        .and_then(|()| crate::fs::write_cache(&dir.join(format!("{key}.json")), &json));
}

/// The checksum an entry's first line carries: FNV-1a (64 bits, in hex)
/// of the rest. It guards against edits and torn writes, not attacks: the
/// cache lives in `.git/`, which only the user writes.
fn checksum(json: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Deletes the entries not written for [`MAX_AGE`].
pub(super) fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > MAX_AGE);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_their_inputs() {
        let key = |parts: &[&str]| {
            let mut k = KeyBuilder::new();
            for p in parts {
                k.add(p);
            }
            k.finish()
        };
        assert_eq!(key(&["ab", "c"]), key(&["ab", "c"]));
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_ne!(key(&["ab"]), key(&["ab", ""]));
        assert_eq!(key(&[]).len(), 32);
    }
}
