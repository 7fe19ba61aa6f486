//! The page cache: the alignment and labels of a page set, kept while
//! nothing they depend on changes.
//!
//! An entry is named by a hash of everything the result depends on: trame's
//! version and a hash of its source code (`build.rs`), the segmentation settings, the texts of the page and its
//! translations, the versions git has of each (commit and blob), and the
//! review records and alignment corrections of the page. A change to any of
//! them gives another name, so an entry is never invalidated, only no longer
//! asked for.
//!
//! An entry has a second name, an alias line (`KEY DAY CHECKSUM @KEY`): the
//! same inputs with the history identity (HEAD's commit, see
//! `Repo::history_identity`) in place of the versions, which HEAD decides.
//! It is asked for first and needs no history: a run at the HEAD of the
//! last one reads no history at all.
//!
//! Entries live in pack files in `.git/trame/pages/` (`pages-LANG/` for a
//! run limited to one language, whose entries are its own) (`*.pack`), one line
//! each: `KEY DAY CHECKSUM JSON`, where DAY is the day (since the epoch) the
//! entry was last used and CHECKSUM guards the JSON against hand edits and
//! torn writes. A run reads every pack once and writes at most one new pack,
//! atomically, holding what it computed (and the entries it used whose day
//! is old, so they stay young): thousands of page sets cost one file
//! creation, not thousands. When the packs grow many, they are merged into
//! one, leaving out the entries unused for 30 days.

use std::collections::HashMap;
use std::hash::Hasher;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use crate::align::Alignment;
use crate::stale::Labelled;
use crate::workspace::{Page, StaleDoc, StaleNote};

/// Bump when the meaning of cached results changes without a version change.
const FORMAT: &str = "trame page cache 7";

/// Entries unused for this many days are left out when packs are merged.
const MAX_AGE_DAYS: u64 = 30;
/// Entries used after this many days are written again, with today's day.
const REFRESH_DAYS: u64 = 7;
/// Packs are merged into one when a run would leave more than this.
const MAX_PACKS: usize = 8;
/// The extension of pack files.
const PACK_EXT: &str = "pack";

/// Builds the name of an entry from its inputs: a 128-bit SipHash-1-3 (one
/// pass over the page texts, and the same on every platform and Rust
/// release, which std's `DefaultHasher` does not promise).
pub(super) struct KeyBuilder {
    hasher: siphasher::sip128::SipHasher13,
}

impl KeyBuilder {
    pub(super) fn new() -> KeyBuilder {
        let mut builder = KeyBuilder {
            hasher: siphasher::sip128::SipHasher13::new(),
        };
        builder.add(FORMAT);
        builder.add(env!("CARGO_PKG_VERSION"));
        // The code that computed the entry (build.rs hashes `src/`).
        builder.add(env!("TRAME_SOURCE_HASH"));
        builder
    }

    /// Adds one input (its length too, so inputs cannot run together).
    pub(super) fn add(&mut self, part: impl AsRef<[u8]>) {
        let part = part.as_ref();
        self.hasher.write_u64(part.len() as u64);
        self.hasher.write(part);
    }

    pub(super) fn finish(&self) -> String {
        use siphasher::sip128::Hasher128 as _;
        format!("{:032x}", self.hasher.finish128().as_u128())
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

/// The page cache of one run: every pack read at the start, the entries
/// computed collected, and one pack written by [`PageCache::finish`].
/// Shared by the workers (`read` and `write` take `&self`).
pub(super) struct PageCache {
    dir: PathBuf,
    today: u64,
    /// Pack files found, with their bytes.
    packs: Vec<(PathBuf, Vec<u8>)>,
    /// Each key's newest line.
    index: HashMap<String, Located>,
    /// Lines to write in the new pack.
    fresh: Mutex<Vec<Vec<u8>>>,
    /// Aliases answered this run: the only ones a merge keeps besides
    /// those written (see [`PageCache::finish`]).
    aliases_read: Mutex<std::collections::HashSet<String>>,
}

impl PageCache {
    /// Reads the packs of `dir` (none when it does not exist). Files that
    /// are not packs are left alone, but entries of the former layout (one
    /// `KEY.json` file each) are deleted: no key asks for them any more.
    pub(super) fn open(dir: &Path) -> PageCache {
        let today = day(SystemTime::now());
        let mut cache = PageCache {
            dir: dir.to_owned(),
            today,
            packs: Vec::new(),
            index: HashMap::new(),
            fresh: Mutex::new(Vec::new()),
            aliases_read: Mutex::new(std::collections::HashSet::new()),
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return cache;
        };
        // Oldest first: of two lines with one key and one day, the one
        // written last wins.
        let mut paths: Vec<(SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| {
                let modified = e.metadata().and_then(|m| m.modified());
                (modified.unwrap_or(SystemTime::UNIX_EPOCH), e.path())
            })
            .collect();
        paths.sort();
        for (_, path) in paths {
            match path.extension().and_then(|e| e.to_str()) {
                Some(PACK_EXT) => {}
                Some("json") if is_key(path.file_stem().and_then(|s| s.to_str())) => {
                    let _ = std::fs::remove_file(&path);
                    continue;
                }
                _ => continue,
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let pack = cache.packs.len();
            let mut at = 0;
            for line in bytes.split_inclusive(|b| *b == b'\n') {
                let range = at..at + line.len();
                at += line.len();
                // The checksum is checked when a line is used, not here.
                let Some(Line { key, day, .. }) = split_line(line) else {
                    continue;
                };
                let newer = cache.index.get(key).is_none_or(|(_, _, d)| *d <= day);
                if newer {
                    cache.index.insert(key.to_owned(), (pack, range, day));
                }
            }
            cache.packs.push((path, bytes));
        }
        cache
    }

    /// Returns the cached result for `key`, if there is one and it fits the
    /// pages just read ([`Cached::into_docs`] puts them in it).
    pub(super) fn read(
        &self,
        key: &str,
        source: &Page,
        targets: &[(&String, &PathBuf, &Page)],
    ) -> Option<Cached> {
        let (line, day) = self.read_line(key)?;
        // An alias (`@KEY`) names the line that holds the entry.
        let (json, target) = match line.strip_prefix(b"@") {
            Some(to) => {
                let to = std::str::from_utf8(to).ok().filter(|k| is_key(Some(k)))?;
                let (json, to_day) = self.read_line(to)?;
                (json, Some((to, to_day)))
            }
            None => (line, None),
        };
        let hit = open_entry(json, source, targets)?;
        if target.is_some()
            && let Ok(mut read) = self.aliases_read.lock()
        {
            read.insert(key.to_owned());
        }
        if self.today.saturating_sub(day) >= REFRESH_DAYS {
            self.push(key, line);
        }
        if let Some((to, to_day)) = target
            && self.today.saturating_sub(to_day) >= REFRESH_DAYS
        {
            self.push(to, json);
        }
        Some(hit)
    }

    /// Makes `from` a second name of `to`'s entry (one short line, not a
    /// copy of the entry).
    pub(super) fn alias(&self, from: &str, to: &str) {
        if from != to && is_key(Some(to)) {
            self.push(from, format!("@{to}").as_bytes());
        }
    }

    /// The JSON and day of `key`'s line, if its checksum holds.
    fn read_line(&self, key: &str) -> Option<(&[u8], u64)> {
        let (pack, range, _) = self.index.get(key)?;
        let (_, day, json) = parse_line(&self.packs[*pack].1[range.clone()])?;
        Some((json, day))
    }

    /// Keeps a result; failing to is not an error (the cache only saves time).
    pub(super) fn write(&self, key: &str, docs: &[StaleDoc], notes: &[StaleNote]) {
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
        // Compact JSON escapes line breaks: one entry is one line.
        if let Ok(json) = serde_json::to_vec(&entry) {
            self.push(key, &json);
        }
    }

    fn push(&self, key: &str, json: &[u8]) {
        let mut line = format!("{key} {} {} ", self.today, checksum(json)).into_bytes();
        line.extend_from_slice(json);
        line.push(b'\n');
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.push(line);
        }
    }

    /// Writes the entries of this run as one new pack, renamed into place so
    /// a reader sees all of it or none (not synced to disk: an entry lost in
    /// a crash is only computed again); merges the packs when they are many.
    pub(super) fn finish(self) {
        let fresh = self.fresh.into_inner().unwrap_or_default();
        if fresh.is_empty() {
            return;
        }
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let merge = self.packs.len() + 1 > MAX_PACKS;
        let mut bytes: Vec<u8> = fresh.concat();
        if merge {
            // Every key once: this run's lines first, then the newest line
            // of each other key still young enough.
            let mut written: std::collections::HashSet<&str> = fresh
                .iter()
                .filter_map(|l| parse_line(l).map(|(k, _, _)| k))
                .collect();
            let mut kept: Vec<(&String, &Located)> = self.index.iter().collect();
            kept.sort_by_key(|(_, (pack, range, _))| (*pack, range.start));
            // An alias names an entry by one HEAD: those of HEADs this run
            // did not ask for (every run at a new HEAD adds one per page set)
            // are left out, or they would pile up for a month. Their entries
            // stay, found by versions.
            let aliases_read = self.aliases_read.into_inner().unwrap_or_default();
            for (key, (pack, range, day)) in kept {
                let line = &self.packs[*pack].1[range.clone()];
                let wanted = match parse_line(line) {
                    Some((_, _, json)) => !json.starts_with(b"@") || aliases_read.contains(key),
                    None => false,
                };
                if self.today.saturating_sub(*day) < MAX_AGE_DAYS && wanted && written.insert(key) {
                    bytes.extend_from_slice(line);
                }
            }
        }
        let name = format!("{}.{PACK_EXT}", checksum(&bytes));
        if crate::fs::write_cache(&self.dir.join(name), &bytes).is_ok() && merge {
            for (path, _) in &self.packs {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Where a key's line is: (pack, byte range in it, day last used).
type Located = (usize, Range<usize>, u64);

/// The fields of a pack line.
struct Line<'a> {
    key: &'a str,
    day: u64,
    sum: &'a [u8],
    json: &'a [u8],
}

/// Splits a pack line into key, day and JSON, if its checksum holds.
fn parse_line(line: &[u8]) -> Option<(&str, u64, &[u8])> {
    let l = split_line(line)?;
    (l.sum == checksum(l.json).as_bytes()).then_some((l.key, l.day, l.json))
}

/// Splits a pack line into its fields, the checksum unchecked.
fn split_line(line: &[u8]) -> Option<Line<'_>> {
    let line = line.strip_suffix(b"\n")?;
    let mut parts = line.splitn(4, |b| *b == b' ');
    let key = std::str::from_utf8(parts.next()?).ok()?;
    let day = std::str::from_utf8(parts.next()?).ok()?.parse().ok()?;
    let sum = parts.next()?;
    let json = parts.next()?;
    is_key(Some(key)).then_some(Line {
        key,
        day,
        sum,
        json,
    })
}

/// True for an entry name: 32 lower-case hexadecimal digits.
fn is_key(name: Option<&str>) -> bool {
    name.is_some_and(|n| n.len() == 32 && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Days since the epoch.
fn day(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400)
}

/// A cached result that fits the pages it was asked for: the alignment
/// and labels of each translation, in order, and the notes.
pub(super) struct Cached {
    targets: Vec<(String, Alignment, Vec<Labelled>)>,
    notes: Vec<StaleNote>,
}

impl Cached {
    /// The reports, on the pages the entry was checked against (moved in,
    /// not copied: the source page, then the translations in order).
    pub(super) fn into_docs(
        self,
        source: Page,
        targets: impl IntoIterator<Item = Page>,
    ) -> (Vec<StaleDoc>, Vec<StaleNote>) {
        // One English page shared by its translations' reports.
        let shared = std::sync::Arc::new(source);
        let docs = self
            .targets
            .into_iter()
            .zip(targets)
            .map(|((lang, alignment, labels), target)| StaleDoc {
                source: shared.clone(),
                target,
                lang,
                alignment,
                labels,
                dismissed: Vec::new(),
                site: None,
                moved: Vec::new(),
            })
            .collect();
        (docs, self.notes)
    }
}

/// Opens an entry for the pages just read, if it fits them.
fn open_entry(
    json: &[u8],
    source: &Page,
    targets: &[(&String, &PathBuf, &Page)],
) -> Option<Cached> {
    let entry: Entry = serde_json::from_slice(json).ok()?;
    if entry.targets.len() != targets.len() {
        return None;
    }
    let n_source = source.document.segments.len();
    let mut opened = Vec::with_capacity(targets.len());
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
        opened.push((cached_lang, alignment, labels));
    }
    let notes = entry
        .not_committed
        .into_iter()
        .map(|path| StaleNote::NotCommitted { path })
        .collect();
    Some(Cached {
        targets: opened,
        notes,
    })
}

/// The checksum a pack line carries: FNV-1a (64 bits, in hex) of its JSON.
/// It guards against edits and torn writes, not attacks: the cache lives in
/// `.git/`, which only the user writes.
fn checksum(json: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
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

    fn line(key: char, day: u64, json: &str) -> String {
        format!(
            "{} {day} {} {json}\n",
            key.to_string().repeat(32),
            checksum(json.as_bytes())
        )
    }

    fn packs(dir: &Path) -> Vec<String> {
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.sort();
        texts
    }

    /// A run writes one pack of what it computed, and the entries it used
    /// that were old, with today's day; lines whose checksum fails are
    /// not entries.
    #[test]
    fn a_run_writes_one_pack() {
        let dir = tempfile::tempdir().unwrap();
        let today = day(SystemTime::now());
        let old = line('a', today - REFRESH_DAYS, "{\"old\":1}");
        let recent = line('b', today - 1, "{\"recent\":2}");
        let torn = line('c', today, "{\"torn\":3}").replace("3}", "4}");
        std::fs::write(dir.path().join("1.pack"), format!("{old}{recent}{torn}")).unwrap();
        let cache = PageCache::open(dir.path());
        assert!(
            cache.read_line(&"c".repeat(32)).is_none(),
            "the torn line is no entry"
        );
        // What `read` does on a hit, for an old and a recent entry.
        for key in ['a', 'b'] {
            let key = key.to_string().repeat(32);
            let (json, day) = cache.read_line(&key).unwrap();
            if today - day >= REFRESH_DAYS {
                cache.push(&key, json);
            }
        }
        cache.push(&"d".repeat(32), b"{\"new\":4}");
        cache.finish();
        let texts = packs(dir.path());
        assert_eq!(texts.len(), 2);
        let written = texts.iter().find(|t| !t.contains("recent")).unwrap();
        assert_eq!(
            *written,
            format!(
                "{}{}",
                line('a', today, "{\"old\":1}"),
                line('d', today, "{\"new\":4}")
            )
        );
        // A run that computed nothing writes nothing.
        PageCache::open(dir.path()).finish();
        assert_eq!(packs(dir.path()).len(), 2);
    }

    /// A merge keeps the aliases this run answered and those it wrote, not
    /// those of other HEADs (each run at a new HEAD adds one per page set);
    /// the entries they named stay.
    #[test]
    fn a_merge_keeps_only_the_aliases_of_this_run() {
        let dir = tempfile::tempdir().unwrap();
        let today = day(SystemTime::now());
        let entry = "f".repeat(32);
        let text = format!(
            "{}{}{}",
            line('f', today, "{\"v\":1}"),
            line('a', today, &format!("@{entry}")),
            line('b', today, &format!("@{entry}"))
        );
        std::fs::write(dir.path().join("0.pack"), text).unwrap();
        for k in 1..MAX_PACKS {
            let alias = line('c', today, &format!("@{entry}")).replacen('c', &k.to_string(), 1);
            std::fs::write(dir.path().join(format!("{k}.pack")), alias).unwrap();
        }
        let cache = PageCache::open(dir.path());
        // What `read` records on a hit through an alias.
        cache.aliases_read.lock().unwrap().insert("a".repeat(32));
        cache.alias(&"d".repeat(32), &entry);
        cache.finish();
        let texts = packs(dir.path());
        assert_eq!(texts.len(), 1, "merged");
        let keys: Vec<&str> = texts[0].lines().map(|l| &l[..1]).collect();
        assert_eq!(keys, ["d", "f", "a"], "{}", texts[0]);
    }

    /// Past [`MAX_PACKS`] the packs are merged into one: every key once,
    /// the newest line of each, entries unused for 30 days left out.
    #[test]
    fn many_packs_are_merged() {
        let dir = tempfile::tempdir().unwrap();
        let today = day(SystemTime::now());
        let expired = line('e', today - MAX_AGE_DAYS, "{\"expired\":0}");
        std::fs::write(dir.path().join("0.pack"), &expired).unwrap();
        for k in 1..MAX_PACKS {
            let text = line('f', today - 20 + k as u64, &format!("{{\"v\":{k}}}"));
            std::fs::write(dir.path().join(format!("{k}.pack")), text).unwrap();
        }
        // An entry of the former layout, and a file that is none of ours.
        std::fs::write(dir.path().join(format!("{}.json", "9".repeat(32))), "{}").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let cache = PageCache::open(dir.path());
        cache.push(&"d".repeat(32), b"{\"new\":4}");
        cache.finish();
        let newest = line(
            'f',
            today - 20 + (MAX_PACKS - 1) as u64,
            &format!("{{\"v\":{}}}", MAX_PACKS - 1),
        );
        assert_eq!(
            packs(dir.path()),
            [
                format!("{}{newest}", line('d', today, "{\"new\":4}")),
                "mine".to_owned()
            ]
        );
    }
}
