//! Staleness of a site's translations: the one place that joins git and the
//! pure core.
//!
//! [`staleness_each`] runs in named steps:
//! 1. [`open_repository`]: the repository, or a note saying there is none;
//! 2. [`Records`]: review records and alignment corrections, once per folder;
//! 3. [`load_set`] and [`align_set`]: pages parsed and aligned (a page that
//!    cannot be read is a note, and the rest of the site goes on);
//! 4. the history, read on its own thread beside steps 3;
//! 5. [`row_bases`]: the base of each alignment row, from the commits that
//!    last changed its lines and the review records;
//! 6. [`BaseDocs`]: the English at each base, parsed once per blob, matched
//!    with the current English;
//! 7. [`label_target`]: the labels, with reviews settling rows;
//!    with the page cache answering for steps 3-7 when nothing changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::cache;
use super::discover::{Scan, SkipReason};
use super::project::{Project, ProjectError};
use super::{LoadError, Page, PageSet, load_page};
use crate::align::Prepared;
use crate::history::{self, Repo};
use crate::stale::{self, Base};

/// A translation's staleness report.
#[derive(Debug, Clone)]
pub struct StaleDoc {
    /// The source page.
    pub source: std::sync::Arc<Page>,
    /// The translation.
    pub target: Page,
    /// The translation's language, as written in its path.
    pub lang: String,
    /// The alignment of the two.
    pub alignment: crate::align::Alignment,
    /// One label per source segment, plus removed target segments.
    pub labels: Vec<crate::stale::Labelled>,
    /// The findings dismissed on its rows (`.trame-reviews`), resolved
    /// against the current texts: see [`super::report`].
    pub dismissed: Vec<crate::report::Dismissal>,
    /// The site's pages, which links are checked against (none when the
    /// page was not read through a project scan).
    pub site: Option<std::sync::Arc<super::findings::SiteIndex>>,
    /// Removed labels whose English is now in another English page near
    /// this one (a page split, a section moved): `(label index, page)`.
    pub moved: Vec<(usize, PathBuf)>,
}

impl StaleDoc {
    /// The English page the English of removed label `k` is in now, if any.
    pub fn moved_to(&self, k: usize) -> Option<&Path> {
        moved_page(&self.moved, k)
    }
}

/// In a translation's `(label index, page)` list of English moved to other
/// pages (`StaleDoc::moved`), the page of label `k`, if any.
pub fn moved_page(moved: &[(usize, PathBuf)], k: usize) -> Option<&Path> {
    moved
        .iter()
        .find(|(label, _)| *label == k)
        .map(|(_, page)| page.as_path())
}

/// What is only partly known, or was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaleNote {
    /// No git repository: only missing segments are reported.
    NoRepository { path: PathBuf },
    /// A shallow clone: bases older than its history are unknown.
    Shallow,
    /// A file is not committed: its segments count as translated against the current English.
    NotCommitted { path: PathBuf },
    /// A file was not read; the rest of the site was.
    Skipped { path: PathBuf, reason: SkipReason },
    /// A temporary file left by an interrupted save was removed.
    RemovedTemp { path: PathBuf },
    /// A translation whose source page does not exist.
    Orphan {
        path: PathBuf,
        lang: String,
        likely_source: Option<PathBuf>,
    },
    /// A page's front matter switches off a rule that does not exist
    /// (`trame: {ignore: [...]}`); the other names still apply.
    UnknownRule {
        path: PathBuf,
        line: u32,
        name: String,
    },
}

/// Why a staleness report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum StaleError {
    /// A page could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The review records could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// git failed.
    #[error(transparent)]
    History(crate::history::HistoryError),
    /// The project could not be used.
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// Nothing could be read: every file named was skipped.
    #[error("no page could be read: {}", .skipped.iter().map(|(p, _)| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    NothingRead { skipped: Vec<(PathBuf, SkipReason)> },
}

/// The staleness of one page set, as [`staleness_each`] hands it over.
#[derive(Debug)]
pub struct PageReport {
    /// The page set's place among all of them (in path order).
    pub index: usize,
    /// How many page sets there are.
    pub total: usize,
    /// One report per translation.
    pub docs: Vec<StaleDoc>,
    /// What is only partly known about them.
    pub notes: Vec<StaleNote>,
    /// Whether its source page could be read.
    pub read: bool,
}

/// The staleness of every translation under `paths` (the content roots when
/// empty), optionally of one language, in path order. Files that cannot be
/// read are notes; only when nothing at all could be read is it an error.
pub fn staleness(
    project: &Project,
    paths: &[PathBuf],
    lang: Option<&str>,
) -> Result<(Vec<StaleDoc>, Vec<StaleNote>), StaleError> {
    let mut docs = Vec::new();
    let notes = staleness_in_order(project, paths, lang, &mut |doc| docs.push(doc))?;
    Ok((docs, notes))
}

/// As [`staleness`], but each translation's report is handed to `consume`
/// in path order as soon as it and every one before it are ready, and then
/// forgotten: a front end that writes reports as they come holds a few
/// page sets in memory, not the whole site. Returns the notes (those of
/// every page set after the scan's own).
pub fn staleness_in_order(
    project: &Project,
    paths: &[PathBuf],
    lang: Option<&str>,
    consume: &mut dyn FnMut(StaleDoc),
) -> Result<Vec<StaleNote>, StaleError> {
    let scan = project.scan(paths, lang)?;
    let (send, receive) = std::sync::mpsc::channel::<PageReport>();
    let mut page_notes = Vec::new();
    let (mut any, mut any_read) = (false, false);
    let notes = std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            staleness_each(project, scan, &|page: PageReport| {
                // The receiver only goes away when this scope ends.
                let _ = send.send(page);
            })
        });
        // Reports arrive in any order: each waits for those before it.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for page in receive {
            waiting.insert(page.index, page);
            while let Some(page) = waiting.remove(&next) {
                next += 1;
                any = true;
                any_read |= page.read;
                page.docs.into_iter().for_each(&mut *consume);
                page_notes.push(page.notes);
            }
        }
        join(producer)
    })?;
    let mut notes = notes;
    notes.extend(page_notes.into_iter().flatten());
    if any && !any_read {
        // Every page named could not be read: an error, naming them.
        let skipped = notes
            .into_iter()
            .filter_map(|n| match n {
                StaleNote::Skipped { path, reason } => Some((path, reason)),
                _ => None,
            })
            .collect();
        return Err(StaleError::NothingRead { skipped });
    }
    Ok(notes)
}

/// The notes a scan gives before any page is read: files skipped, orphans.
pub fn scan_notes(scan: &Scan) -> Vec<StaleNote> {
    let skipped = scan.skipped.iter().map(|s| StaleNote::Skipped {
        path: s.path.clone(),
        reason: s.reason.clone(),
    });
    let orphans = scan.orphans.iter().map(|o| StaleNote::Orphan {
        path: o.path.clone(),
        lang: o.lang.clone(),
        likely_source: o.likely_source.clone(),
    });
    let removed = scan
        .removed
        .iter()
        .map(|path| StaleNote::RemovedTemp { path: path.clone() });
    skipped.chain(orphans).chain(removed).collect()
}

/// The staleness of every translation of `scan`, handed to `sink` page set
/// by page set as soon as each is ready (in no fixed order), so a front end
/// can show the first pages while the others are read. Returns the notes
/// about the whole scan (files skipped, orphans, no repository, shallow
/// clone).
///
/// The history is read on one thread while two others parse and align pages;
/// each page set is labelled as soon as both its pages and the history are
/// there.
pub fn staleness_each(
    project: &Project,
    scan: Scan,
    sink: &(dyn Fn(PageReport) + Sync),
) -> Result<Vec<StaleNote>, StaleError> {
    let mut notes = scan_notes(&scan);
    let sets = scan.sets;
    if sets.is_empty() && !scan.skipped.is_empty() && scan.orphans.is_empty() {
        return Err(StaleError::NothingRead {
            skipped: scan
                .skipped
                .into_iter()
                .map(|s| (s.path, s.reason))
                .collect(),
        });
    }
    let start = scan
        .paths
        .first()
        .or(project.default_paths.first())
        .cloned()
        .unwrap_or_default();
    let (repo, repo_notes) = open_repository(&start)?;
    notes.extend(repo_notes);
    // Orphans no name tells the source of: the English pages that may be
    // theirs, renamed since, are walked too (see [`renamed_sources`]).
    let unguessed: Vec<&super::discover::Orphan> = scan
        .orphans
        .iter()
        .filter(|o| o.likely_source.is_none())
        .collect();
    let candidates = rename_candidates(&sets, &unguessed);
    // Every file of interest, relative to the work tree: found by the
    // history thread (a call on each file), while the workers read pages.
    let rel_lock: std::sync::OnceLock<HashMap<PathBuf, PathBuf>> = std::sync::OnceLock::new();
    let no_rel = HashMap::new();
    let relative = |repo: &Repo| -> Vec<PathBuf> {
        let rel = repo.relative_all(sets.iter().flat_map(|set| {
            std::iter::once(&set.source).chain(set.translations.iter().map(|(_, t)| t))
        }));
        // Only a page with a translation needs its history: an untranslated
        // page's report is the same whatever its past (with `--lang`, half
        // the English of a site may be untranslated in that language).
        let rel_paths = sets
            .iter()
            .filter(|set| !set.translations.is_empty())
            .flat_map(|set| {
                std::iter::once(&set.source).chain(set.translations.iter().map(|(_, t)| t))
            })
            // Candidates with translations in other languages are walked
            // already.
            .chain(
                candidates
                    .iter()
                    .filter(|set| set.translations.is_empty())
                    .map(|set| &set.source),
            )
            .filter_map(|path| rel.get(path).cloned())
            .collect();
        let _ = rel_lock.set(rel);
        rel_paths
    };
    let repo_path = repo.as_ref().map(|r| r.workdir().to_owned());
    let ignored_revs = repo.as_ref().map(Repo::ignored_revs).unwrap_or_default();
    // A run of one language keeps its page sets (keyed by that language
    // alone) in packs of their own: it never reads the whole site's.
    let packs = match &scan.only_lang {
        None => "pages".to_owned(),
        Some(lang) => format!(
            "pages-{}",
            lang.to_ascii_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
        ),
    };
    let cache_dir = repo.as_ref().map(|r| r.git_dir().join("trame").join(packs));
    let has_log = repo.as_ref().is_some_and(Repo::has_history_log);
    let history_identity = repo.as_ref().and_then(Repo::history_identity);
    drop(repo);
    let records = Records::load(&sets)?;
    let ignored = std::sync::Mutex::new(HashMap::new());
    // Before the history is there, the relative paths are not known yet:
    // only aligning, which needs none of them, is done with `early_ctx`.
    let early_ctx = Ctx {
        project,
        rel: &no_rel,
        records: &records,
        ignored_revs: &ignored_revs,
        ignored: &ignored,
    };
    let full_ctx = || Ctx {
        rel: rel_lock.get().unwrap_or(&no_rel),
        ..early_ctx
    };
    // Read on a thread of its own while the history is read.
    let page_cache_lock: std::sync::OnceLock<Option<cache::PageCache>> = std::sync::OnceLock::new();
    let total = sets.len();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let walked: std::sync::OnceLock<Option<history::History>> = std::sync::OnceLock::new();
    // Reading the history needs no page, and parsing and aligning pages
    // needs no history: the walk runs on its own thread while two workers
    // (the machines trame runs on have two cores) take page sets in turn,
    // each with its own repository handle.
    let site = super::findings::SiteIndex::of(project);
    // While the history is read, the workers read sets ahead (a bounded
    // number, which bounds the memory they hold). With no history log yet,
    // the walk takes a while: they align those sets too. With a log, the
    // history is there in moments, and a set aligned early would be wasted
    // on a cache hit.
    let ahead_limit = if repo_path.is_some() { AHEAD_SETS } else { 1 };
    let align_early = !has_log;
    // Orphans' sources found in the history by an earlier run at this HEAD
    // (the same orphans, the same candidates) need no history now.
    let guess_record = match (&cache_dir, &history_identity) {
        (Some(dir), Some(identity)) if !unguessed.is_empty() => Some((
            dir.with_file_name(GUESSES_FILE),
            guesses_key(identity, &unguessed, &candidates),
        )),
        _ => None,
    };
    let recorded_guesses = guess_record
        .as_ref()
        .and_then(|(file, key)| read_guesses(file, key));
    // A set is first asked of the cache by HEAD (no history needed); the
    // history is read only once one is not there, or from the start when
    // there is no log (a first run), no HEAD, or orphans to follow.
    let gate = Gate::new(
        2,
        !has_log
            || history_identity.is_none()
            || (!unguessed.is_empty() && recorded_guesses.is_none()),
    );
    // A set with no report: its notes, and whether its English was read.
    let no_report = |index: usize, notes: Vec<StaleNote>, read: bool| {
        sink(PageReport {
            index,
            total,
            docs: Vec::new(),
            notes,
            read,
        });
    };
    // Dismissals, resolved after the cache (they change no label), and the
    // site's pages, then the report goes out.
    let deliver = |index: usize, set: &PageSet, mut docs: Vec<StaleDoc>, notes: Vec<StaleNote>| {
        let page = page_name(&set.source);
        for doc in &mut docs {
            doc.dismissed =
                super::findings::dismissed_rows(early_ctx.records.dismissals_of(set), &page, doc);
            doc.moved = site.moved.homes(&doc.source.path, &doc.labels);
            doc.site = Some(site.clone());
        }
        sink(PageReport {
            index,
            total,
            docs,
            notes,
            read: true,
        });
    };
    let work = || -> Result<(), StaleError> {
        let repo = match &repo_path {
            Some(p) => Some(Repo::open(p).map_err(StaleError::History)?),
            None => None,
        };
        let mut commit_index: Option<HashMap<&str, usize>> = None;
        // Sets read (and aligned) before the history was there, in order,
        // with the name their entry has by HEAD.
        let mut ahead: std::collections::VecDeque<(usize, Vec<StaleNote>, Ready, Option<String>)> =
            std::collections::VecDeque::new();
        while !failed.load(Ordering::Relaxed) {
            // Read ahead while the history is not there and there is room;
            // else finish the oldest set read.
            let read_ahead = walked.get().is_none() && ahead.len() < ahead_limit;
            let oldest = if read_ahead { None } else { ahead.pop_front() };
            let (index, mut notes, ready, head_key) = match oldest {
                Some(item) => item,
                None => {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(set) = sets.get(index) else {
                        if ahead.is_empty() {
                            break;
                        }
                        // Nothing left to read: wait for the history.
                        walked.wait();
                        continue;
                    };
                    if set.translations.is_empty() {
                        // A page no translation follows (in the languages
                        // asked for) has no report: only whether it can be
                        // read is told, and it is not segmented.
                        match super::check_page(&set.source, &project.segment) {
                            Ok(()) => no_report(index, Vec::new(), true),
                            Err(e) => no_report(index, vec![skipped_note(e)], false),
                        }
                        continue;
                    }
                    let (loaded, notes) = load_set(project, set);
                    let Some(loaded) = loaded else {
                        no_report(index, notes, false);
                        continue;
                    };
                    // Asked by HEAD first: a hit needs no history.
                    let ready = Ready::Loaded(loaded);
                    let (head_key, hit) = match (&history_identity, page_cache_lock.wait()) {
                        (Some(identity), Some(cache)) => {
                            let (source, targets) = ready.pages();
                            let key = early_ctx.cache_key(
                                set,
                                source,
                                &targets,
                                &HistoryKey::Head(identity),
                            );
                            let hit = cache.read(&key, source, &targets);
                            (Some(key), hit)
                        }
                        _ => (None, None),
                    };
                    if let Some(hit) = hit {
                        let (source, targets) = ready.into_pages();
                        let (docs, set_notes) = hit.into_docs(source, targets);
                        let mut notes = notes;
                        notes.extend(set_notes);
                        deliver(index, set, docs, notes);
                        continue;
                    }
                    gate.open();
                    // Until the history is there, the cache cannot be asked
                    // by versions; with no history log, align meanwhile (a
                    // cache entry found later still saves the labelling).
                    let ready = match ready {
                        Ready::Loaded(l) if align_early && walked.get().is_none() => {
                            Ready::Aligned(align_set(&early_ctx, set, l))
                        }
                        ready => ready,
                    };
                    if walked.get().is_none() {
                        ahead.push_back((index, notes, ready, head_key));
                        continue;
                    }
                    (index, notes, ready, head_key)
                }
            };
            let set = &sets[index];
            // A failed walk reports its own error.
            let Some(hist) = walked.wait() else { break };
            let ctx = full_ctx();
            let page_cache = page_cache_lock.wait().as_ref();
            let commit_index = commit_index.get_or_insert_with(|| {
                hist.commits
                    .iter()
                    .enumerate()
                    .map(|(k, c)| (c.id.as_str(), k))
                    .collect()
            });
            let (source, targets) = ready.pages();
            let key = page_cache.map(|_| {
                ctx.cache_key(
                    set,
                    source,
                    &targets,
                    &HistoryKey::Versions { hist, commit_index },
                )
            });
            let hit = match (page_cache, &key) {
                (Some(cache), Some(key)) => cache.read(key, source, &targets),
                _ => None,
            };
            drop(targets);
            let (docs, set_notes) = match hit {
                Some(hit) => {
                    let (source, targets) = ready.into_pages();
                    hit.into_docs(source, targets)
                }
                None => {
                    let aligned = match ready {
                        Ready::Aligned(a) => a,
                        Ready::Loaded(l) => align_set(&ctx, set, l),
                    };
                    let history = History {
                        repo: repo.as_ref(),
                        hist,
                        commit_index,
                    };
                    let result = label_set(&ctx, &history, set, aligned)?;
                    if let (Some(cache), Some(key)) = (page_cache, &key) {
                        cache.write(key, &result.0, &result.1);
                    }
                    result
                }
            };
            // The next run at this HEAD finds the entry by HEAD.
            if let (Some(cache), Some(key), Some(head_key)) = (page_cache, &key, &head_key) {
                cache.alias(head_key, key);
            }
            notes.extend(set_notes);
            deliver(index, set, docs, notes);
        }
        Ok(())
    };
    let worker = || {
        let result = work();
        if result.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        gate.worker_done();
        result
    };
    let (walk, first, second) = std::thread::scope(|scope| {
        scope.spawn(|| {
            let _ = page_cache_lock.set(cache_dir.as_deref().map(cache::PageCache::open));
        });
        let walker = scope.spawn(|| {
            if !gate.wait_open() {
                // Every set was answered by HEAD: nothing to read.
                let _ = rel_lock.set(HashMap::new());
                let _ = walked.set(None);
                return Ok(());
            }
            let result = match &repo_path {
                Some(p) => Repo::open(p)
                    .and_then(|r| r.history_to_save(&relative(&r)))
                    .map(|(h, learned)| (h, Some(learned)))
                    .map_err(StaleError::History),
                None => Ok((history::History::default(), None)),
            };
            // Set in every case, so no worker waits for it.
            let _ = rel_lock.set(HashMap::new());
            let (hist, learned, result) = match result {
                Ok((h, learned)) => (Some(h), learned, Ok(())),
                Err(e) => (None, None, Err(e)),
            };
            let _ = walked.set(hist);
            // The workers label with the history while the log is written.
            if let Some(learned) = learned {
                learned.save();
            }
            result
        });
        let helper = scope.spawn(worker);
        let first = worker();
        (join(walker), first, join(helper))
    });
    walk?;
    first?;
    second?;
    if let Some(Some(cache)) = page_cache_lock.into_inner() {
        cache.finish();
    }
    let guesses = match (
        recorded_guesses,
        walked.get(),
        rel_lock.get(),
        repo_path.as_deref(),
    ) {
        (Some(recorded), _, _, _) => Some(recorded),
        (None, Some(Some(hist)), Some(rel), Some(workdir)) => {
            let found = renamed_sources(&unguessed, &candidates, hist, rel, workdir);
            if let Some((file, key)) = &guess_record {
                write_guesses(file, key, &found);
            }
            Some(found)
        }
        _ => None,
    };
    if let Some(guesses) = guesses {
        for note in &mut notes {
            if let StaleNote::Orphan {
                path,
                likely_source: likely @ None,
                ..
            } = note
                && let Some(source) = guesses.get(path.as_path())
            {
                *likely = Some(source.clone());
            }
        }
    }
    Ok(notes)
}

/// The file, beside the page packs in `.git/trame/`, that keeps the last
/// sources found in the history for orphans: its first line is the key
/// ([`guesses_key`]), then `ORPHAN\tSOURCE` lines.
const GUESSES_FILE: &str = "orphan-sources";

/// Everything the sources found for orphans depend on: the history identity
/// (HEAD), the orphans and where their sources would be, the candidates.
fn guesses_key(
    identity: &[u8],
    orphans: &[&super::discover::Orphan],
    candidates: &[&PageSet],
) -> String {
    let mut key = cache::KeyBuilder::new();
    key.add(identity);
    for orphan in orphans {
        key.add(orphan.path.as_os_str().as_encoded_bytes());
        key.add(orphan.expected.as_os_str().as_encoded_bytes());
    }
    key.add("candidates");
    for set in candidates {
        key.add(set.source.as_os_str().as_encoded_bytes());
    }
    key.finish()
}

/// The sources recorded under `key`, if the file holds them.
fn read_guesses(file: &Path, key: &str) -> Option<HashMap<PathBuf, PathBuf>> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut lines = text.lines();
    if lines.next()? != key {
        return None;
    }
    lines
        .map(|l| {
            let (orphan, source) = l.split_once('\t')?;
            Some((PathBuf::from(orphan), PathBuf::from(source)))
        })
        .collect()
}

/// Records the sources found (failing to is no error: they are found again).
fn write_guesses(file: &Path, key: &str, found: &HashMap<PathBuf, PathBuf>) {
    let mut text = format!("{key}\n");
    let mut lines: Vec<String> = Vec::new();
    for (orphan, source) in found {
        let (Some(o), Some(s)) = (orphan.to_str(), source.to_str()) else {
            return;
        };
        if [o, s].iter().any(|p| p.contains(['\t', '\n', '\r'])) {
            return;
        }
        lines.push(format!("{o}\t{s}\n"));
    }
    lines.sort();
    text.extend(lines);
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::fs::write_cache(file, text.as_bytes());
}

/// At most this many English pages are walked to find where orphans' sources
/// went: past it, a site restructured wholesale costs a name guess only.
const MAX_RENAME_CANDIDATES: usize = 2_000;

/// The English pages that may be the source of an orphan, renamed since:
/// those with no translation in the orphan's language.
fn rename_candidates<'s>(
    sets: &'s [PageSet],
    orphans: &[&super::discover::Orphan],
) -> Vec<&'s PageSet> {
    if orphans.is_empty() {
        return Vec::new();
    }
    let candidates: Vec<&PageSet> = sets
        .iter()
        .filter(|set| {
            orphans.iter().any(|o| {
                !set.translations
                    .iter()
                    .any(|(lang, _)| lang.eq_ignore_ascii_case(&o.lang))
            })
        })
        .collect();
    if candidates.len() > MAX_RENAME_CANDIDATES {
        return Vec::new();
    }
    candidates
}

/// For each orphan, the one English page whose history passes through the
/// path its source would have (the page was renamed or moved there since,
/// by git's rename detection): `concepts/admission_check.md` for a
/// translation still at the old name. None when no page or two pages did.
fn renamed_sources(
    orphans: &[&super::discover::Orphan],
    candidates: &[&PageSet],
    hist: &history::History,
    rel: &HashMap<PathBuf, PathBuf>,
    workdir: &Path,
) -> HashMap<PathBuf, PathBuf> {
    let mut out = HashMap::new();
    for orphan in orphans {
        let Some(expected) = relative_to(&orphan.expected, workdir) else {
            continue;
        };
        let found: Vec<&PathBuf> = candidates
            .iter()
            .map(|set| &set.source)
            .filter(|source| {
                rel.get(*source)
                    .and_then(|r| hist.versions.get(r))
                    .is_some_and(|versions| versions.iter().any(|v| v.path == expected))
            })
            .collect();
        if let [one] = found[..] {
            out.insert(orphan.path.clone(), one.clone());
        }
    }
    out
}

/// The path of `file`, which may not exist, relative to the work tree
/// `workdir` (canonical, as [`Repo::workdir`]): its nearest existing folder
/// resolved, the rest joined.
fn relative_to(file: &Path, workdir: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut at = file;
    loop {
        if let Ok(abs) = at.canonicalize() {
            let mut rel = abs.strip_prefix(workdir).ok()?.to_owned();
            rel.extend(rest.iter().rev());
            return Some(rel);
        }
        rest.push(at.file_name()?.to_owned());
        at = match at.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
    }
}

/// Step 1: the repository holding `start`, with a note when there is none
/// or it is a shallow clone.
fn open_repository(start: &Path) -> Result<(Option<Repo>, Vec<StaleNote>), StaleError> {
    let mut notes = Vec::new();
    let repo = match Repo::open(if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    }) {
        Ok(r) => Some(r),
        Err(
            history::HistoryError::NotARepository { path } | history::HistoryError::Bare { path },
        ) => {
            notes.push(StaleNote::NoRepository { path });
            None
        }
        Err(e) => return Err(StaleError::History(e)),
    };
    if repo.as_ref().is_some_and(Repo::is_shallow) {
        notes.push(StaleNote::Shallow);
    }
    Ok((repo, notes))
}

/// Step 2: review records and alignment corrections, loaded once for each
/// folder holding a source page.
struct Records {
    reviews: HashMap<PathBuf, crate::store::ReviewFile>,
    corrections: HashMap<PathBuf, Vec<crate::store::corrections::Correction>>,
}

impl Records {
    fn load(sets: &[PageSet]) -> Result<Records, StaleError> {
        Ok(Records {
            reviews: per_dir(sets, crate::store::load)?,
            corrections: per_dir(sets, crate::store::corrections::load)?,
        })
    }

    fn reviews_of(&self, set: &PageSet) -> &[crate::store::Review] {
        self.reviews
            .get(dir_of(&set.source))
            .map_or(&[], |f| f.reviews.as_slice())
    }

    fn dismissals_of(&self, set: &PageSet) -> &[crate::store::Dismissal] {
        self.reviews
            .get(dir_of(&set.source))
            .map_or(&[], |f| f.dismissals.as_slice())
    }

    fn corrections_of(&self, set: &PageSet) -> &[crate::store::corrections::Correction] {
        self.corrections
            .get(dir_of(&set.source))
            .map_or(&[], Vec::as_slice)
    }
}

fn dir_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

/// What every step shares.
struct Ctx<'a> {
    project: &'a Project,
    /// Each file of interest, relative to the work tree.
    rel: &'a HashMap<PathBuf, PathBuf>,
    records: &'a Records,
    /// Commits listed in `.git-blame-ignore-revs` (ids or prefixes).
    ignored_revs: &'a [String],
    /// Whether each commit seen so far is ignored (its message read once).
    ignored: &'a std::sync::Mutex<HashMap<String, bool>>,
}

impl Ctx<'_> {
    /// Whether a commit must not move the base of the translation lines it
    /// touched: listed in `.git-blame-ignore-revs`, or with an ignore
    /// keyword (`[i18n-ignore]`) in its message.
    fn ignores(&self, repo: &Repo, id: &str) -> bool {
        if self.ignored_revs.iter().any(|r| id.starts_with(r.as_str())) {
            return true;
        }
        let keywords = &self.project.config.ignore_commit_keywords;
        if keywords.is_empty() {
            return false;
        }
        let known = self
            .ignored
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(id)
            .copied();
        if let Some(known) = known {
            return known;
        }
        let ignored = repo
            .message(id)
            .is_some_and(|m| keywords.iter().any(|k| m.contains(k.as_str())));
        self.ignored
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(id.to_owned(), ignored);
        ignored
    }
}

/// The history as the labelling steps need it.
struct History<'a> {
    repo: Option<&'a Repo>,
    hist: &'a history::History,
    commit_index: &'a HashMap<&'a str, usize>,
}

/// Whether the history is to be read: shut while the workers find every
/// set in the cache by HEAD, open once one does not (or from the start),
/// closed when the workers are done without opening it.
struct Gate {
    state: std::sync::Mutex<GateState>,
    changed: std::sync::Condvar,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GateState {
    /// Not decided; this many workers are still at work.
    Shut(usize),
    Open,
    Closed,
}

impl Gate {
    fn new(workers: usize, open: bool) -> Gate {
        Gate {
            state: std::sync::Mutex::new(if open {
                GateState::Open
            } else {
                GateState::Shut(workers)
            }),
            changed: std::sync::Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A worker needs the history.
    fn open(&self) {
        let mut state = self.lock();
        if *state != GateState::Open {
            *state = GateState::Open;
            self.changed.notify_all();
        }
    }

    /// A worker is done; the last one closes a gate still shut.
    fn worker_done(&self) {
        let mut state = self.lock();
        if let GateState::Shut(left) = *state {
            *state = if left <= 1 {
                GateState::Closed
            } else {
                GateState::Shut(left - 1)
            };
            self.changed.notify_all();
        }
    }

    /// Waits until the gate is decided: true when the history is needed.
    fn wait_open(&self) -> bool {
        let mut state = self.lock();
        while let GateState::Shut(_) = *state {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *state == GateState::Open
    }
}

/// A source page with its translations, parsed.
struct Loaded {
    source: Page,
    targets: Vec<(String, PathBuf, Page)>,
}

/// How many page sets a worker reads ahead while the history is read (and
/// aligns too when there is no history log yet, so the walk takes a while).
const AHEAD_SETS: usize = 64;

/// A page set read, and aligned when that was done before the history was
/// there.
enum Ready {
    Loaded(Loaded),
    Aligned(Aligned),
}

impl Ready {
    /// The source page and the translations, in order.
    fn into_pages(self) -> (Page, Vec<Page>) {
        match self {
            Ready::Loaded(l) => (l.source, l.targets.into_iter().map(|(_, _, p)| p).collect()),
            Ready::Aligned(a) => (
                a.source,
                a.targets.into_iter().map(|(_, _, p, _, _)| p).collect(),
            ),
        }
    }

    /// The source page and the translations with their language and path.
    #[allow(clippy::type_complexity)]
    fn pages(&self) -> (&Page, Vec<(&String, &PathBuf, &Page)>) {
        match self {
            Ready::Loaded(l) => (
                &l.source,
                l.targets.iter().map(|(a, b, c)| (a, b, c)).collect(),
            ),
            Ready::Aligned(a) => (
                &a.source,
                a.targets
                    .iter()
                    .map(|(l, p, page, _, _)| (l, p, page))
                    .collect(),
            ),
        }
    }
}

/// A source page with its translations, parsed and aligned.
struct Aligned {
    source: Page,
    /// The source's features, for every alignment of it.
    prepared: Prepared,
    targets: Vec<AlignedTarget>,
}

/// A translation, its alignment with the source and its features.
type AlignedTarget = (String, PathBuf, Page, crate::align::Alignment, Prepared);

/// Step 3: reads a page set. A source page that cannot be read drops the
/// set; a translation that cannot be read drops that translation. Either
/// way a note names the file.
fn load_set(project: &Project, set: &PageSet) -> (Option<Loaded>, Vec<StaleNote>) {
    let mut notes = Vec::new();
    let source = match load_page(&set.source, &project.segment) {
        Ok(p) => p,
        Err(e) => {
            notes.push(skipped_note(e));
            return (None, notes);
        }
    };
    let mut targets = Vec::new();
    for (tlang, tpath) in &set.translations {
        match load_page(tpath, &project.segment) {
            Ok(page) => {
                let unknown = crate::config::page_ignores(&page.text).unknown;
                notes.extend(unknown.into_iter().map(|u| StaleNote::UnknownRule {
                    path: tpath.clone(),
                    line: u.line,
                    name: u.name,
                }));
                targets.push((tlang.clone(), tpath.clone(), page));
            }
            Err(e) => notes.push(skipped_note(e)),
        }
    }
    (Some(Loaded { source, targets }), notes)
}

/// The note for a page that could not be read.
fn skipped_note(e: LoadError) -> StaleNote {
    let (path, reason) = match e {
        LoadError::Io { path, source } => (
            path,
            SkipReason::Unreadable {
                message: source.to_string(),
            },
        ),
        LoadError::InvalidUtf8 { path, offset } => (path, SkipReason::NotUtf8 { offset }),
        LoadError::Special { path } => (path, SkipReason::Special),
        LoadError::TooLarge { path, size, limit } => (path, SkipReason::TooLarge { size, limit }),
    };
    StaleNote::Skipped { path, reason }
}

/// Step 3, continued: aligns each translation with its source, keeping the
/// alignment corrections recorded for the page.
fn align_set(ctx: &Ctx<'_>, set: &PageSet, loaded: Loaded) -> Aligned {
    let corrections = ctx.records.corrections_of(set);
    let prepared = Prepared::of(&loaded.source.document);
    let targets = loaded
        .targets
        .into_iter()
        .map(|(tlang, tpath, target)| {
            let target_prepared = Prepared::of(&target.document);
            let alignment = align_prepared_pages(
                (&loaded.source, &prepared),
                (&target, &target_prepared),
                &tlang,
                corrections,
            );
            (tlang, tpath, target, alignment, target_prepared)
        })
        .collect();
    Aligned {
        source: loaded.source,
        prepared,
        targets,
    }
}

/// The base of an alignment row: the version of the English its translation
/// was made against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RowBase {
    /// Unknown: no repository, or the row has no translation.
    Unknown,
    /// Uncommitted lines, or a review of the English in the work tree:
    /// made against the current English.
    WorkTree,
    /// The commit at this index of the history (0 is the newest).
    Commit(usize),
}

impl RowBase {
    /// The newer of two bases (the work tree is newer than any commit).
    fn newer(self, other: RowBase) -> RowBase {
        match (self, other) {
            (RowBase::Unknown, b) | (b, RowBase::Unknown) => b,
            (RowBase::WorkTree, _) | (_, RowBase::WorkTree) => RowBase::WorkTree,
            (RowBase::Commit(a), RowBase::Commit(b)) => RowBase::Commit(a.min(b)),
        }
    }
}

/// Step 5: the commit (or work tree) that last changed each line of the
/// translation, from the versions git has of it.
fn line_origins(
    ctx: &Ctx<'_>,
    history: &History<'_>,
    tpath: &Path,
    target: &Page,
    notes: &mut Vec<StaleNote>,
) -> Result<Vec<RowBase>, StaleError> {
    let versions = ctx
        .rel
        .get(tpath)
        .and_then(|r| history.hist.versions.get(r));
    match (history.repo, versions) {
        (Some(repo), Some(versions)) => {
            // The versions blame walks, oldest first. A version that
            // restores an earlier one exactly (a revert, a file deleted and
            // brought back) takes the history back to it: the restored
            // lines keep the bases they had, not the reverting commit's.
            let mut texts: Vec<String> = Vec::new();
            let mut blobs: Vec<Option<history::BlobId>> = Vec::new();
            // Lines an ignored commit (a bulk fix) touched keep the base they
            // had before it.
            let mut origin: Vec<RowBase> = Vec::with_capacity(versions.len() + 1);
            for v in versions.iter().rev() {
                if let Some(back) = blobs.iter().position(|b| *b == Some(v.blob)) {
                    texts.truncate(back + 1);
                    blobs.truncate(back + 1);
                    origin.truncate(back + 1);
                    continue;
                }
                let id = &history.hist.commits[v.commit].id;
                let base = match origin.last() {
                    Some(previous) if ctx.ignores(repo, id) => *previous,
                    _ => RowBase::Commit(v.commit),
                };
                texts.push(repo.text(v.blob).map_err(StaleError::History)?);
                blobs.push(Some(v.blob));
                origin.push(base);
            }
            if texts.last() != Some(&target.text) {
                if let Some(back) = texts.iter().position(|t| *t == target.text) {
                    texts.truncate(back + 1);
                    origin.truncate(back + 1);
                } else {
                    texts.push(target.text.clone());
                    origin.push(RowBase::WorkTree);
                }
            }
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            // A typo or punctuation sweep over the translation is no
            // re-sync with the English: those lines keep their base.
            Ok(history::line_origins_with(&refs, &stale::is_cosmetic_edit)
                .into_iter()
                .map(|o| origin[o])
                .collect())
        }
        (Some(_), None) => {
            notes.push(StaleNote::NotCommitted {
                path: tpath.to_owned(),
            });
            Ok(vec![RowBase::WorkTree; target.text.lines().count()])
        }
        (None, _) => Ok(Vec::new()),
    }
}

/// Step 5: the base of each alignment row: the newest origin among its
/// translated lines, or a newer review record of its translation.
#[allow(clippy::too_many_arguments)]
fn row_bases(
    history: &History<'_>,
    reviews: &[crate::store::Review],
    page_name: &str,
    tlang: &str,
    target: &Page,
    alignment: &crate::align::Alignment,
    line_origin: &[RowBase],
    base_key: Option<&str>,
) -> Vec<RowBase> {
    // The commit the translation's front matter says it was made from: where
    // a site keeps that key, it is the base of every translated row (a
    // translation committed late, or touched by later fixes, was still made
    // from that English); only a review record is newer.
    let declared = base_key
        .and_then(|key| declared_base(&target.text, key))
        .and_then(|id| {
            history
                .hist
                .commits
                .iter()
                .position(|c| c.id.starts_with(&id))
        })
        .map(RowBase::Commit);
    alignment
        .rows
        .iter()
        .map(|row| {
            if history.repo.is_none() || row.target.is_empty() {
                return RowBase::Unknown;
            }
            let mut newest = RowBase::Unknown;
            for j in row.target.clone() {
                let seg = &target.document.segments[j];
                for line in seg.lines.0..=seg.lines.1 {
                    let origin = line_origin
                        .get(line as usize - 1)
                        .copied()
                        .unwrap_or(RowBase::WorkTree);
                    newest = match newest {
                        RowBase::Unknown => origin,
                        // The row's base is its newest line.
                        n => n.newer(origin),
                    };
                }
            }
            let target_fp = row_fingerprint(&target.document, &row.target);
            let reviewed = reviews
                .iter()
                .filter(|r| r.page == page_name && r.lang == tlang && r.target == target_fp)
                .find_map(|r| {
                    if r.commit == crate::store::WORK_TREE {
                        Some(RowBase::WorkTree)
                    } else {
                        history
                            .commit_index
                            .get(r.commit.as_str())
                            .map(|k| RowBase::Commit(*k))
                    }
                });
            let newest = declared.unwrap_or(newest);
            match reviewed {
                Some(r) => newest.newer(r),
                None => newest,
            }
        })
        .collect()
}

/// The value of `key` in a page's front matter (YAML `key: value` or TOML
/// `key = "value"`), lower-cased: a commit id or its prefix.
fn declared_base(text: &str, key: &str) -> Option<String> {
    let text = &text[crate::segment::front_matter_start(text)..];
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    for line in text.lines().skip(1) {
        if line.trim_end() == fence {
            break;
        }
        let Some(rest) = line.strip_prefix(key) else {
            continue;
        };
        let value = rest
            .trim_start()
            .strip_prefix([':', '='])?
            .trim()
            .trim_matches(['"', '\'']);
        if value.len() >= 7 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(value.to_ascii_lowercase());
        }
    }
    None
}

/// Step 6: the English at each base, parsed once per blob and matched with
/// the current English (`None`: the base English is the current English).
struct BaseDocs {
    /// Base to the blob of the English there (`None` for the work tree);
    /// absent when the English did not exist then.
    blob_of: HashMap<RowBase, Option<Option<history::BlobId>>>,
    docs: HashMap<Option<history::BlobId>, Option<BaseDoc>>,
}

/// A base English document and, for each current segment, its version there.
struct BaseDoc {
    doc: crate::segment::Document,
    versions: Vec<Option<usize>>,
    /// Its features, when it is aligned with a translation.
    prepared: std::cell::OnceCell<Prepared>,
}

impl BaseDoc {
    fn prepared(&self) -> &Prepared {
        self.prepared.get_or_init(|| Prepared::of(&self.doc))
    }
}

impl BaseDocs {
    /// The English at the translation's newest base and its match with the
    /// current English, when that English differs from the current one.
    fn page_doc(&self, bases: &[RowBase]) -> Option<&BaseDoc> {
        self.doc_at(page_base(bases)?)
    }

    /// The English at `base` when it was read and differs from the current
    /// English.
    fn doc_at(&self, base: RowBase) -> Option<&BaseDoc> {
        let key = self.blob_of.get(&base).copied().flatten()?;
        self.docs.get(&key)?.as_ref()
    }

    fn new() -> BaseDocs {
        BaseDocs {
            blob_of: HashMap::new(),
            docs: HashMap::new(),
        }
    }

    /// Reads the English at every base not read yet.
    fn read(
        &mut self,
        ctx: &Ctx<'_>,
        history: &History<'_>,
        set: &PageSet,
        source: &Page,
        bases: &[RowBase],
    ) -> Result<(), StaleError> {
        for &base in bases {
            if base == RowBase::Unknown || self.blob_of.contains_key(&base) {
                continue;
            }
            let key = match (base, history.repo) {
                (RowBase::WorkTree, _) => Some(None),
                (RowBase::Commit(k), Some(_)) => ctx
                    .rel
                    .get(&set.source)
                    .and_then(|r| history.hist.version_at(r, k))
                    .map(|v| Some(v.blob)),
                _ => None,
            };
            self.blob_of.insert(base, key);
            let Some(key) = key else { continue };
            if self.docs.contains_key(&key) {
                continue;
            }
            let entry = match (key, history.repo) {
                (Some(blob), Some(repo)) => {
                    let text = repo.text(blob).map_err(StaleError::History)?;
                    if text == source.text {
                        None
                    } else {
                        let d = crate::segment::parse_with(&text, &ctx.project.segment).0;
                        let versions = stale::match_versions(&d, &source.document);
                        Some(BaseDoc {
                            doc: d,
                            versions,
                            prepared: std::cell::OnceCell::new(),
                        })
                    }
                }
                _ => None,
            };
            self.docs.insert(key, entry);
        }
        Ok(())
    }
}

/// Steps 5 to 7 for one page set.
fn label_set(
    ctx: &Ctx<'_>,
    history: &History<'_>,
    set: &PageSet,
    aligned: Aligned,
) -> Result<(Vec<StaleDoc>, Vec<StaleNote>), StaleError> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    if aligned.targets.is_empty() {
        return Ok((out, notes));
    }
    // One English page shared by its translations' reports.
    let source = std::sync::Arc::new(aligned.source);
    let source_prepared = aligned.prepared;
    let source_versions = ctx
        .rel
        .get(&set.source)
        .and_then(|r| history.hist.versions.get(r));
    if history.repo.is_some() && source_versions.is_none() {
        notes.push(StaleNote::NotCommitted {
            path: set.source.clone(),
        });
    }
    let mut base_docs = BaseDocs::new();
    for (tlang, tpath, target, alignment, target_prepared) in aligned.targets {
        let origins = line_origins(ctx, history, &tpath, &target, &mut notes)?;
        let bases_of = |alignment: &crate::align::Alignment| {
            row_bases(
                history,
                ctx.records.reviews_of(set),
                &page_name(&set.source),
                &tlang,
                &target,
                alignment,
                &origins,
                ctx.project.config.base_key.as_deref(),
            )
        };
        let mut bases = bases_of(&alignment);
        base_docs.read(ctx, history, set, &source, &bases)?;
        // The translation was made from the English at its base: aligned
        // with that English first (nearly one to one), then carried to the
        // current English, a reorganized page or a deleted paragraph no
        // longer pulls translated text onto the wrong row.
        let mut alignment = alignment;
        let through_base = base_docs
            .page_doc(&bases)
            .map(|b| crate::align::align_prepared(b.prepared(), &target_prepared, &[]));
        if let Some(through_base) = &through_base
            && let Some(pivoted) = pivot(
                ctx,
                set,
                &source,
                &target,
                &tlang,
                (&source_prepared, &target_prepared),
                &alignment,
                &bases,
                &base_docs,
                through_base,
            )
        {
            alignment = pivoted;
            bases = bases_of(&alignment);
            base_docs.read(ctx, history, set, &source, &bases)?;
        }
        let (mut labels, ahead) = label_target(
            ctx,
            history,
            set,
            &source,
            &target,
            &tlang,
            &alignment,
            &bases,
            &base_docs,
            (through_base.as_ref(), &target_prepared),
        );
        if !ahead.is_empty() {
            since_written(
                ctx,
                history,
                set,
                &source,
                &target,
                &mut base_docs,
                &mut labels,
                (&tlang, &ahead),
            )?;
        }
        stale::settle_copies(&mut labels, &source.document, &target.document);
        out.push(StaleDoc {
            source: source.clone(),
            target,
            lang: tlang,
            alignment,
            labels,
            dismissed: Vec::new(),
            site: None,
            moved: Vec::new(),
        });
    }
    Ok((out, notes))
}

/// Labels again each translation written ahead of its English (English
/// segments `ahead`, see [`stale::written_ahead`]) against the English as
/// first written after the label's base: the English versions since are
/// read, oldest first, until one has the segment.
#[allow(clippy::too_many_arguments)]
fn since_written(
    ctx: &Ctx<'_>,
    history: &History<'_>,
    set: &PageSet,
    source: &Page,
    target: &Page,
    base_docs: &mut BaseDocs,
    labels: &mut [stale::Labelled],
    (tlang, ahead): (&str, &[usize]),
) -> Result<(), StaleError> {
    let Some(versions) = ctx
        .rel
        .get(&set.source)
        .and_then(|r| history.hist.versions.get(r))
    else {
        return Ok(());
    };
    // For each label to label again, the blob of the English as first
    // written after its base and that segment's place there (`None` when
    // it is the current English, unchanged since).
    let mut firsts: Vec<(usize, Option<(history::BlobId, usize)>)> = Vec::new();
    for (n, l) in labels.iter().enumerate() {
        let Some(i) = l.source else { continue };
        if l.state != stale::State::AlreadyUpdated || !ahead.contains(&i) {
            continue;
        }
        let Some(&since) = l
            .base_commit
            .as_deref()
            .and_then(|c| history.commit_index.get(c))
        else {
            continue;
        };
        // The English versions newer than the base, oldest first.
        let mut newer: Vec<usize> = versions
            .iter()
            .map(|v| v.commit)
            .filter(|&k| k < since)
            .collect();
        newer.sort_unstable_by(|a, b| b.cmp(a));
        for k in newer {
            let base = RowBase::Commit(k);
            base_docs.read(ctx, history, set, source, &[base])?;
            let Some(key) = base_docs.blob_of.get(&base).copied().flatten() else {
                continue;
            };
            match base_docs.docs.get(&key) {
                // The current English itself: unchanged since it was written.
                Some(None) => break,
                Some(Some(doc)) => {
                    if let Some(at) = doc.versions.get(i).copied().flatten() {
                        firsts.push((n, key.map(|blob| (blob, at))));
                        break;
                    }
                }
                None => {}
            }
        }
    }
    let firsts: Vec<(usize, &crate::segment::Segment)> = firsts
        .iter()
        .filter_map(|&(n, found)| {
            let (blob, at) = found?;
            let doc = base_docs.docs.get(&Some(blob))?.as_ref()?;
            Some((n, &doc.doc.segments[at]))
        })
        .collect();
    let langs = stale::Langs {
        source: &ctx.project.config.source_language,
        target: tlang,
    };
    stale::since_written(labels, &firsts, &source.document, &target.document, langs);
    Ok(())
}

/// The newest base of a translation's rows: the English it was last made
/// against, as a whole.
fn page_base(bases: &[RowBase]) -> Option<RowBase> {
    bases
        .iter()
        .copied()
        .filter(|b| *b != RowBase::Unknown)
        .reduce(RowBase::newer)
}

/// Step 6b, the pivot: when the English changed since the translation's
/// newest base, aligns the translation with that base English (nearly one
/// to one). A translated paragraph that pairs there, confidently and alone,
/// with English deleted since, yet shares a row of the current alignment
/// with other translated text, is given a row of its own, so it is reported
/// removed instead of hiding in a neighbour; the translator's corrections
/// stay. `None` when nothing changes.
#[allow(clippy::too_many_arguments)]
fn pivot(
    ctx: &Ctx<'_>,
    set: &PageSet,
    source: &Page,
    target: &Page,
    tlang: &str,
    prepared: (&Prepared, &Prepared),
    current: &crate::align::Alignment,
    bases: &[RowBase],
    base_docs: &BaseDocs,
    through_base: &crate::align::Alignment,
) -> Option<crate::align::Alignment> {
    use crate::align::FixedRow;
    // Only a row holding English and several translated segments can hide
    // the translation of a deleted paragraph.
    if !current
        .rows
        .iter()
        .any(|r| !r.source.is_empty() && r.target.len() > 1)
    {
        return None;
    }
    let BaseDoc {
        doc: base_doc,
        versions,
        ..
    } = base_docs.page_doc(bases)?;
    let mut current_of = vec![None; base_doc.segments.len()];
    for (i, v) in versions.iter().enumerate() {
        if let Some(k) = v
            && let Some(slot) = current_of.get_mut(*k)
        {
            *slot = Some(i);
        }
    }
    // And only when some English was deleted since.
    if current_of.iter().all(Option::is_some) {
        return None;
    }
    let mut changed = false;
    let mut fixed = crate::store::corrections::resolve(
        ctx.records.corrections_of(set),
        &page_name(&set.source),
        tlang,
        &source.document,
        &target.document,
    );
    for row in &through_base.rows {
        if row.source.len() != 1 || row.target.is_empty() || row.needs_review() || row.crossed {
            continue;
        }
        // The translation of a paragraph deleted from the English since,
        // which the current alignment merged into a neighbour's row, stands
        // alone (removed). Pinning the surviving pairs as well was measured
        // on the staleness gold: it breaks moved sections (crossing pins)
        // more than it helps.
        let merged = current
            .rows
            .iter()
            .find(|r| r.target.contains(&row.target.start))
            .is_some_and(|r| !r.source.is_empty() && r.target.len() > row.target.len());
        if current_of[row.source.start].is_none() && merged {
            fixed.push(FixedRow {
                source: 0..0,
                target: row.target.clone(),
            });
            changed = true;
        }
    }
    changed.then(|| crate::align::align_prepared(prepared.0, prepared.1, &fixed))
}

/// Step 7: labels one translation, a review of the current English settling
/// a row whatever changed.
#[allow(clippy::too_many_arguments)]
fn label_target(
    ctx: &Ctx<'_>,
    history: &History<'_>,
    set: &PageSet,
    source: &Page,
    target: &Page,
    tlang: &str,
    alignment: &crate::align::Alignment,
    bases: &[RowBase],
    base_docs: &BaseDocs,
    (through_base, target_prepared): (Option<&crate::align::Alignment>, &Prepared),
) -> (Vec<stale::Labelled>, Vec<usize>) {
    // English segments whose translation was written ahead of them.
    let mut ahead = Vec::new();
    let identity: Vec<Option<usize>> = (0..source.document.segments.len()).map(Some).collect();
    let commit_id = |base: RowBase| match base {
        RowBase::Commit(k) => history.hist.commits[k].id.as_str(),
        _ => crate::store::WORK_TREE,
    };
    let base_at = |base: RowBase| -> Option<Base<'_>> {
        let key = base_docs.blob_of.get(&base).copied().flatten()?;
        let (doc, versions) = match base_docs.docs.get(&key)? {
            Some(b) => (&b.doc, b.versions.as_slice()),
            None => (&source.document, identity.as_slice()),
        };
        Some(Base {
            document: doc,
            versions,
            commit: Some(commit_id(base)),
        })
    };
    // The English the translation was last made against: the newest base of
    // its rows. A gap whose English was already there then is one the
    // translation always had.
    let newest = bases
        .iter()
        .enumerate()
        .filter(|(_, b)| **b != RowBase::Unknown)
        .min_by_key(|(_, b)| match b {
            RowBase::WorkTree => 0,
            RowBase::Commit(k) => k + 1,
            RowBase::Unknown => usize::MAX,
        })
        .map(|(r, _)| r);
    // Translated text written more than once on the page (`**Avantages :**`
    // under each of three lists): which copy a commit added, line history
    // cannot tell, and it may name an older one. Such a row whose English
    // was not yet in its base, between translated rows that a newer commit
    // wrote (the same base on both sides), takes that commit's base when
    // its English is there.
    let copies: std::cell::OnceCell<HashMap<String, usize>> = std::cell::OnceCell::new();
    let repeated = |r: usize| {
        let copies = copies.get_or_init(|| {
            let mut m = HashMap::new();
            for s in &target.document.segments {
                *m.entry(crate::segment::normalize(&s.text)).or_insert(0) += 1;
            }
            m
        });
        let row = &alignment.rows[r];
        !row.target.is_empty()
            && row.target.clone().all(|j| {
                let text = crate::segment::normalize(&target.document.segments[j].text);
                copies.get(&text).is_some_and(|&n| n > 1)
            })
    };
    let absent = |b: &Base<'_>, r: usize| {
        let row = &alignment.rows[r];
        !row.source.is_empty()
            && row
                .source
                .clone()
                .all(|i| b.versions.get(i).copied().flatten().is_none())
    };
    // The base of the translated rows on both sides of row `r`, when they
    // share one: the commit that wrote the region around it.
    let around = |r: usize| -> Option<RowBase> {
        let translated = |k: &usize| !alignment.rows[*k].target.is_empty();
        let before = (0..r).rev().find(translated)?;
        let after = (r + 1..alignment.rows.len()).find(translated)?;
        let (b, a) = (*bases.get(before)?, *bases.get(after)?);
        (b == a && b != RowBase::Unknown).then_some(b)
    };
    let base_of_row = |r: usize| -> Option<Base<'_>> {
        let base = bases.get(r).copied().filter(|b| *b != RowBase::Unknown)?;
        let own = base_at(base)?;
        if absent(&own, r)
            && let Some(region) = around(r)
            && region != base
            && region.newer(base) == region
            && repeated(r)
            && let Some(written) = base_at(region)
            && !absent(&written, r)
        {
            return Some(written);
        }
        Some(own)
    };
    let langs = stale::Langs {
        source: &ctx.project.config.source_language,
        target: tlang,
    };
    let mut labels = stale::label(
        &source.document,
        &target.document,
        langs,
        alignment,
        &base_of_row,
    );
    if let Some(page_base) = newest.and_then(base_of_row) {
        // Where the English changed since, the chain through the base
        // English says which translated text renders which block.
        if let Some(through_base) = through_base
            && !std::ptr::eq(page_base.document, &source.document)
        {
            stale::follow_chain(
                &mut labels,
                &source.document,
                &target.document,
                langs,
                &page_base,
                through_base,
            );
            stale::rejoin_resplits(&mut labels, &source.document, &page_base, through_base);
            ahead.extend(stale::written_ahead(
                &mut labels,
                alignment,
                &page_base,
                through_base,
            ));
        }
        // A gap is weighed against the English its translated neighbours
        // were made from (the newer of the two), not the page's newest
        // base: a later commit that touched a few lines of the translation
        // (a link fixed, an item added in every language) is no re-sync of
        // the rest, and English added before it is missing there, not a
        // gap the translation always had.
        let row_base = |l: &stale::Labelled| -> Option<RowBase> {
            if l.target.is_empty() {
                return None;
            }
            match l.base_commit.as_deref()? {
                crate::store::WORK_TREE => Some(RowBase::WorkTree),
                id => history.commit_index.get(id).map(|k| RowBase::Commit(*k)),
            }
        };
        // The base of the nearest translated label before and after each.
        let mut before = vec![None; labels.len()];
        let mut after = vec![None; labels.len()];
        let mut last = None;
        for (n, l) in labels.iter().enumerate() {
            before[n] = last;
            last = row_base(l).or(last);
        }
        last = None;
        for (n, l) in labels.iter().enumerate().rev() {
            after[n] = last;
            last = row_base(l).or(last);
        }
        let gap_bases: Vec<Option<Base<'_>>> = (0..labels.len())
            .map(|n| {
                if labels[n].state != stale::State::Missing {
                    return None;
                }
                let local = match (before[n], after[n]) {
                    (Some(b), Some(a)) => b.newer(a),
                    (b, a) => b.or(a)?,
                };
                base_at(local)
            })
            .collect();
        stale::split_gaps(&mut labels, &page_base, &gap_bases);
    }
    // Text written ahead of the English against older bases than the
    // page's: the translation aligned with each such base English, only
    // where a label may be one (stale, with no English at its base).
    let page_commit = newest.map(|r| commit_id(bases[r]));
    let mut seen: Vec<RowBase> = Vec::new();
    for &base in bases {
        if base == RowBase::Unknown || seen.contains(&base) {
            continue;
        }
        seen.push(base);
        let commit = commit_id(base);
        let (Some(b), Some(doc)) = (base_at(base), base_docs.doc_at(base)) else {
            continue;
        };
        let candidate = Some(commit) != page_commit
            && labels.iter().any(|l| {
                l.state == stale::State::Stale
                    && l.base_commit.as_deref() == Some(commit)
                    && l.source
                        .is_some_and(|i| b.versions.get(i).copied().flatten().is_none())
            });
        if candidate {
            let through = crate::align::align_prepared(doc.prepared(), target_prepared, &[]);
            ahead.extend(stale::written_ahead(&mut labels, alignment, &b, &through));
        }
    }
    let page = page_name(&set.source);
    let reviews: Vec<_> = ctx
        .records
        .reviews_of(set)
        .iter()
        .filter(|r| r.page == page && r.lang == tlang)
        .collect();
    // Fingerprints are only worth computing for a reviewed translation.
    if reviews.is_empty() {
        return (labels, ahead);
    }
    for l in &mut labels {
        let (Some(i), false) = (l.source, l.target.is_empty()) else {
            continue;
        };
        let Some(row) = alignment.rows.iter().find(|r| r.source.contains(&i)) else {
            continue;
        };
        let (tfp, sfp) = (
            row_fingerprint(&target.document, &row.target),
            row_fingerprint(&source.document, &row.source),
        );
        if reviews.iter().any(|r| r.target == tfp && r.source == sfp) {
            l.state = crate::stale::State::UpToDate;
            l.diff.clear();
        }
    }
    (labels, ahead)
}

impl Ctx<'_> {
    /// The name of a page set's cache entry: everything its result depends
    /// on, the history named by `by`.
    fn cache_key(
        &self,
        set: &PageSet,
        source: &Page,
        targets: &[(&String, &PathBuf, &Page)],
        by: &HistoryKey<'_>,
    ) -> String {
        let mut key = cache::KeyBuilder::new();
        key.add(format!(
            "{:?} {} {:?} {:?} {:?}",
            self.project.segment,
            self.project.source_tag(),
            self.ignored_revs,
            self.project.config.ignore_commit_keywords,
            self.project.config.base_key,
        ));
        if let HistoryKey::Head(identity) = by {
            key.add("history at");
            key.add(identity);
        }
        let page = page_name(&set.source);
        let add_file = |key: &mut cache::KeyBuilder, path: &Path, page: &Page| {
            key.add(path.as_os_str().as_encoded_bytes());
            key.add(&page.text);
            if let HistoryKey::Versions { hist, .. } = by {
                let versions = self.rel.get(path).and_then(|r| hist.versions.get(r));
                // Raw bytes, not formatted text: a file has a version per
                // commit that touched it, thousands on a long history.
                for v in versions.into_iter().flatten() {
                    key.add(&hist.commits[v.commit].id);
                    key.add(v.blob.as_bytes());
                    key.add(v.path.as_os_str().as_encoded_bytes());
                }
                key.add("end of versions");
            }
        };
        add_file(&mut key, &set.source, source);
        for (lang, path, page) in targets {
            key.add(lang);
            add_file(&mut key, path, page);
        }
        for r in self.records.reviews_of(set) {
            if r.page == page {
                // Whether its commit is in the history: HEAD decides it.
                let known = match by {
                    HistoryKey::Head(_) => None,
                    HistoryKey::Versions { commit_index, .. } => {
                        Some(commit_index.contains_key(r.commit.as_str()))
                    }
                };
                key.add(format!("{r:?} {known:?}"));
            }
        }
        for c in self.records.corrections_of(set) {
            if c.page == page {
                key.add(format!("{c:?}"));
            }
        }
        key.finish()
    }
}

/// How a cache key names the history its result was computed from.
enum HistoryKey<'h> {
    /// By the history identity (HEAD's commit; `Repo::history_identity`),
    /// which decides every version: asked for before the history is read.
    Head(&'h [u8]),
    /// By the versions of each file, read from the history: still right
    /// after commits that touched none of the set's files.
    Versions {
        hist: &'h history::History,
        commit_index: &'h HashMap<&'h str, usize>,
    },
}

/// The file name of a source page, which records are keyed by.
pub(super) fn page_name(source: &Path) -> String {
    source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Loads records (reviews, corrections) once for each directory holding a
/// source page of `sets`.
fn per_dir<T>(
    sets: &[PageSet],
    load: fn(&Path) -> Result<T, crate::store::StoreError>,
) -> Result<HashMap<PathBuf, T>, StaleError> {
    let mut out = HashMap::new();
    for set in sets {
        let dir = dir_of(&set.source).to_owned();
        if let std::collections::hash_map::Entry::Vacant(slot) = out.entry(dir) {
            let records = load(slot.key())?;
            slot.insert(records);
        }
    }
    Ok(out)
}

/// Waits for a scoped thread, passing its panic on.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Returns the fingerprint of a row side: its segments' texts joined.
pub fn row_fingerprint(
    doc: &crate::segment::Document,
    range: &std::ops::Range<usize>,
) -> crate::segment::Fingerprint {
    let text: Vec<&str> = range
        .clone()
        .map(|k| doc.segments[k].text.as_str())
        .collect();
    crate::segment::fingerprint(&text.join("\n"))
}

/// Aligns a translation with its source page, keeping the alignment
/// corrections recorded for the page in `lang` (see [`crate::store::corrections`]).
pub fn align_pages(
    source: &Page,
    target: &Page,
    lang: &str,
    corrections: &[crate::store::corrections::Correction],
) -> crate::align::Alignment {
    align_prepared_pages(
        (source, &Prepared::of(&source.document)),
        (target, &Prepared::of(&target.document)),
        lang,
        corrections,
    )
}

/// [`align_pages`] on pages whose features are already computed.
fn align_prepared_pages(
    (source, source_prepared): (&Page, &Prepared),
    (target, target_prepared): (&Page, &Prepared),
    lang: &str,
    corrections: &[crate::store::corrections::Correction],
) -> crate::align::Alignment {
    let fixed = crate::store::corrections::resolve(
        corrections,
        &page_name(&source.path),
        lang,
        &source.document,
        &target.document,
    );
    crate::align::align_prepared(source_prepared, target_prepared, &fixed)
}
