//! The façade between the front ends and the pure core: finds and reads pages.
//!
//! The only layer that touches the file system for content. Errors name the
//! file and, for bad bytes, the offset.

use std::path::{Path, PathBuf};

mod cache;
pub mod write;

use crate::segment::{self, Diagnostic, Document};

/// A page read from disk and segmented.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where the page was read from.
    pub path: PathBuf,
    /// The page's text, exactly as on disk.
    pub text: String,
    /// Its segments.
    pub document: Document,
    /// Problems found while segmenting.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a page could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{} is not UTF-8: invalid byte sequence at byte {offset}", path.display())]
    InvalidUtf8 { path: PathBuf, offset: usize },
    /// A directory holds no Markdown file.
    #[error("no Markdown file found in {}", path.display())]
    NoMarkdown { path: PathBuf },
}

/// Reads and segments one page.
pub fn load_page(path: &Path, config: &segment::Config) -> Result<Page, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = segment::decode(&bytes)
        .map_err(|e| LoadError::InvalidUtf8 {
            path: path.to_owned(),
            offset: e.offset,
        })?
        .to_owned();
    let (document, diagnostics) = segment::parse_with(&text, config);
    Ok(Page {
        path: path.to_owned(),
        text,
        document,
        diagnostics,
    })
}

/// Expands files and directories into the Markdown files they name, sorted
/// within each directory; a directory with none is an error.
pub fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        if !meta.is_dir() {
            out.push(path.clone());
            continue;
        }
        let before = out.len();
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|source| LoadError::Io {
                path: dir.clone(),
                source,
            })?;
            // `./x.md` is shown as `x.md`.
            let mut entries: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .map(|p| p.strip_prefix(".").map(Path::to_owned).unwrap_or(p))
                .collect();
            entries.sort();
            for entry in entries.into_iter().rev() {
                let hidden = entry
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                if hidden {
                    continue;
                }
                if entry.is_dir() {
                    stack.push(entry);
                } else if entry
                    .extension()
                    .is_some_and(|e| e == "md" || e == "markdown")
                {
                    out.push(entry);
                }
            }
        }
        out[before..].sort();
        if out.len() == before {
            return Err(LoadError::NoMarkdown { path: path.clone() });
        }
    }
    Ok(out)
}

/// A source page and its translations, found from the Hugo layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSet {
    /// The source-language page.
    pub source: PathBuf,
    /// Translations by language code, sorted by language.
    pub translations: Vec<(String, PathBuf)>,
}

/// Finds source pages and their translations among `files`, in both Hugo
/// layouts: by suffix (`name.fr.md` beside `name.md`) and by directory
/// (`content/fr/x.md` beside `content/en/x.md`, `source_lang` being `en`).
/// Translations with no source page are left out.
pub fn page_sets(files: &[PathBuf], source_lang: &str) -> Vec<PageSet> {
    page_sets_in(files, source_lang, crate::config::Layout::Auto)
}

/// Finds page sets in one layout, or both with `Layout::Auto`.
pub fn page_sets_in(
    files: &[PathBuf],
    source_lang: &str,
    layout: crate::config::Layout,
) -> Vec<PageSet> {
    use crate::config::Layout;
    use std::collections::BTreeMap;
    let known: std::collections::HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut sets: BTreeMap<PathBuf, Vec<(String, PathBuf)>> = BTreeMap::new();
    for file in files {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // Suffix layout: `stem.LANG.md`.
        let parts: Vec<&str> = name.rsplitn(3, '.').collect();
        if parts.len() == 3 && is_lang_code(parts[1]) && layout != Layout::Directory {
            let source = file.with_file_name(format!("{}.{}", parts[2], parts[0]));
            if known.contains(source.as_path()) {
                sets.entry(source)
                    .or_default()
                    .push((parts[1].to_owned(), file.clone()));
            }
            continue;
        }
        // Directory layout: a `LANG` component with a `source_lang` sibling.
        let comps: Vec<&std::ffi::OsStr> = file.iter().collect();
        let mut matched = false;
        for (k, comp) in comps.iter().enumerate().rev() {
            let Some(lang) = comp.to_str() else { continue };
            if k + 1 == comps.len()
                || !is_lang_code(lang)
                || lang == source_lang
                || layout == Layout::Suffix
            {
                continue;
            }
            let mut source = PathBuf::new();
            for (x, c) in comps.iter().enumerate() {
                source.push(if x == k {
                    std::ffi::OsStr::new(source_lang)
                } else {
                    c
                });
            }
            if known.contains(source.as_path()) {
                sets.entry(source)
                    .or_default()
                    .push((lang.to_owned(), file.clone()));
                matched = true;
            }
            break;
        }
        if !matched && !is_translation_dir(&comps, source_lang) {
            sets.entry(file.clone()).or_default();
        }
    }
    sets.into_iter()
        .map(|(source, mut translations)| {
            translations.sort();
            PageSet {
                source,
                translations,
            }
        })
        .collect()
}

/// Returns the folder where a page's translations are found: its own
/// folder (suffix layout), or the folder above its language folder
/// (directory layout: `content/fr/x.md` gives `content` when `content/en`
/// exists, `en` being the source language).
fn sibling_root(file: &Path, source_lang: &str) -> PathBuf {
    let dir = file.parent().unwrap_or(Path::new(""));
    let root = dir
        .ancestors()
        .filter(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_lang_code)
        })
        .filter_map(Path::parent)
        .find(|up| {
            let up = if up.as_os_str().is_empty() {
                Path::new(".")
            } else {
                up
            };
            up.join(source_lang).is_dir()
        })
        .unwrap_or(dir);
    if root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        root.to_owned()
    }
}

fn is_lang_code(s: &str) -> bool {
    (s.len() == 2 || s.len() == 3) && s.chars().all(|c| c.is_ascii_lowercase())
}

/// Returns true when a path lies in a language directory other than the source's.
fn is_translation_dir(comps: &[&std::ffi::OsStr], source_lang: &str) -> bool {
    comps.iter().rev().skip(1).any(|c| {
        c.to_str()
            .is_some_and(|s| is_lang_code(s) && s != source_lang)
    })
}

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since it was read: nothing was written.
    #[error("{} changed on disk since it was read; nothing was written", path.display())]
    ChangedOnDisk { path: PathBuf },
    /// The file could not be read or written.
    #[error("cannot write {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Saves `new_text` to `path`, which was read as `original`: refused when the
/// file on disk is no longer `original` (someone else changed it), so nothing
/// is lost; otherwise written atomically. A deleted file counts as changed.
pub fn save_file(path: &Path, original: &[u8], new_text: &str) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    match std::fs::read(path) {
        Ok(now) if now == original => {}
        Ok(_) => {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !original.is_empty() {
                return Err(SaveError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
        }
        Err(e) => return Err(io(e)),
    }
    crate::fs::write_atomic(path, new_text.as_bytes()).map_err(io)
}

/// A translation's staleness report.
#[derive(Debug, Clone)]
pub struct StaleDoc {
    /// The source page.
    pub source: Page,
    /// The translation.
    pub target: Page,
    /// The translation's language.
    pub lang: String,
    /// The alignment of the two.
    pub alignment: crate::align::Alignment,
    /// One label per source segment, plus removed target segments.
    pub labels: Vec<crate::stale::Labelled>,
}

/// Why staleness is only partly known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaleNote {
    /// No git repository: only missing segments are reported.
    NoRepository { path: PathBuf },
    /// A shallow clone: bases older than its history are unknown.
    Shallow,
    /// A file is not committed: its segments count as translated against the current English.
    NotCommitted { path: PathBuf },
}

/// The staleness of every translation under `paths`, optionally of one
/// language, with English as the source language.
pub fn staleness(
    paths: &[PathBuf],
    lang: Option<&str>,
    config: &crate::segment::Config,
) -> Result<(Vec<StaleDoc>, Vec<StaleNote>), StaleError> {
    staleness_from(paths, lang, config, "en", crate::config::Layout::Auto)
}

/// The staleness of every translation of pages in `source_lang` under `paths`.
pub fn staleness_from(
    paths: &[PathBuf],
    lang: Option<&str>,
    config: &crate::segment::Config,
    source_lang: &str,
    layout: crate::config::Layout,
) -> Result<(Vec<StaleDoc>, Vec<StaleNote>), StaleError> {
    let parts = std::sync::Mutex::new(Vec::new());
    let mut notes = staleness_each(
        paths,
        lang,
        config,
        source_lang,
        layout,
        &|page: PageReport| {
            parts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(page);
        },
    )?;
    let mut parts = parts
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    parts.sort_by_key(|p| p.index);
    let mut docs = Vec::new();
    for part in parts {
        docs.extend(part.docs);
        notes.extend(part.notes);
    }
    Ok((docs, notes))
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
}

/// The staleness of every translation of pages in `source_lang` under
/// `paths`, handed to `sink` page set by page set as soon as each is ready
/// (in no fixed order), so a front end can show the first pages while the
/// others are read. Returns the notes about the whole scan (no repository,
/// shallow clone).
///
/// The history is read on one thread while two others parse and align pages;
/// each page set is labelled as soon as both its pages and the history are
/// there.
pub fn staleness_each(
    paths: &[PathBuf],
    lang: Option<&str>,
    config: &crate::segment::Config,
    source_lang: &str,
    layout: crate::config::Layout,
    sink: &(dyn Fn(PageReport) + Sync),
) -> Result<Vec<StaleNote>, StaleError> {
    use crate::history::{self, Repo};
    use crate::stale::{self, Base};
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    // A file argument selects its page set; its siblings are needed to find it.
    let requested: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut search: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            if p.is_file() {
                sibling_root(p, source_lang)
            } else {
                p.clone()
            }
        })
        .collect();
    search.sort();
    search.dedup();
    let files = markdown_files(&search)?;
    let mut sets = page_sets_in(&files, source_lang, layout);
    if !requested.is_empty() {
        let wanted = |p: &PathBuf| p.canonicalize().is_ok_and(|c| requested.contains(&c));
        sets.retain(|s| wanted(&s.source) || s.translations.iter().any(|(_, t)| wanted(t)));
    }
    let mut notes = Vec::new();
    let repo = match Repo::open(paths.first().map_or(Path::new("."), PathBuf::as_path)) {
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
    // Every file of interest, relative to the work tree: one walk for all.
    let mut rel: HashMap<PathBuf, PathBuf> = HashMap::new();
    if let Some(repo) = &repo {
        for set in &sets {
            for p in std::iter::once(&set.source).chain(set.translations.iter().map(|(_, t)| t)) {
                if let Some(r) = repo.relative(p) {
                    rel.insert(p.clone(), r);
                }
            }
        }
    }
    // Reading the history needs no page, and parsing and aligning pages needs
    // no history: the walk runs on its own thread beside the page work.
    let rel_paths: Vec<PathBuf> = rel.values().cloned().collect();
    let repo_path = repo.as_ref().map(|r| r.workdir().to_owned());
    let cache_dir = repo
        .as_ref()
        .map(|r| r.git_dir().join("trame").join("pages"));
    drop(repo);
    // Alignment corrections, loaded once per directory before pages are aligned.
    let corrections_by_dir = per_dir(&sets, crate::store::corrections::load)?;
    let load = |set: &PageSet| -> Result<Loaded, StaleError> {
        let source = load_page(&set.source, config)?;
        let mut targets = Vec::new();
        for (tlang, tpath) in set
            .translations
            .iter()
            .filter(|(l, _)| lang.is_none_or(|x| x == l))
        {
            targets.push((tlang.clone(), tpath.clone(), load_page(tpath, config)?));
        }
        Ok((source, targets))
    };
    let no_corrections = Vec::new();
    let corrections_of = |set: &PageSet| {
        corrections_by_dir
            .get(set.source.parent().unwrap_or(Path::new(".")))
            .unwrap_or(&no_corrections)
    };
    let prepare = |set: &PageSet, (source, targets): Loaded| -> Prepared {
        let corrections = corrections_of(set);
        let targets = targets
            .into_iter()
            .map(|(tlang, tpath, target)| {
                let alignment = align_pages(&source, &target, &tlang, corrections);
                (tlang, tpath, target, alignment)
            })
            .collect();
        (source, targets)
    };
    // Review records, loaded once per directory before the work is shared out.
    let reviews_by_dir = per_dir(&sets, crate::store::load)?;
    // Labels one page set, given the history.
    let label_set = |repo: Option<&Repo>,
                     hist: &history::History,
                     commit_index: &HashMap<&str, usize>,
                     set: &PageSet,
                     (source, targets): Prepared|
     -> Result<(Vec<StaleDoc>, Vec<StaleNote>), StaleError> {
        let mut out = Vec::new();
        let mut notes = Vec::new();
        if targets.is_empty() {
            return Ok((out, notes));
        }
        let dir = set.source.parent().unwrap_or(Path::new(".")).to_owned();
        let no_reviews = Vec::new();
        let reviews = reviews_by_dir.get(&dir).unwrap_or(&no_reviews);
        let page_name = set
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source_versions = rel.get(&set.source).and_then(|r| hist.versions.get(r));
        if repo.is_some() && source_versions.is_none() {
            notes.push(StaleNote::NotCommitted {
                path: set.source.clone(),
            });
        }
        // Base English documents, parsed once per commit index (None = work tree).
        let mut base_key: HashMap<Option<usize>, Option<Option<history::BlobId>>> = HashMap::new();
        let mut base_docs: HashMap<Option<history::BlobId>, Option<BaseDoc>> = HashMap::new();
        let identity: Vec<Option<usize>> = (0..source.document.segments.len()).map(Some).collect();
        for (tlang, tpath, target, alignment) in targets {
            let (tlang, tpath) = (&tlang, &tpath);
            // Line origins of the translation: commit index per line, None for uncommitted.
            let line_commit: Vec<Option<usize>> =
                match (&repo, rel.get(tpath).and_then(|r| hist.versions.get(r))) {
                    (Some(repo), Some(versions)) => {
                        let mut texts = Vec::new();
                        for v in versions.iter().rev() {
                            texts.push(repo.text(v.blob).map_err(StaleError::History)?);
                        }
                        let mut origin_commit: Vec<Option<usize>> =
                            versions.iter().rev().map(|v| Some(v.commit)).collect();
                        if texts.last() != Some(&target.text) {
                            texts.push(target.text.clone());
                            origin_commit.push(None);
                        }
                        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                        history::line_origins(&refs)
                            .into_iter()
                            .map(|o| origin_commit[o])
                            .collect()
                    }
                    (Some(_), None) => {
                        notes.push(StaleNote::NotCommitted {
                            path: tpath.clone(),
                        });
                        vec![None; target.text.lines().count()]
                    }
                    (None, _) => Vec::new(),
                };
            // The base of each row: the newest origin among its lines, or a
            // newer review record.
            let mut row_base: Vec<Option<Option<usize>>> = Vec::with_capacity(alignment.rows.len());
            for row in &alignment.rows {
                if repo.is_none() || row.target.is_empty() {
                    row_base.push(None);
                    continue;
                }
                let mut newest: Option<Option<usize>> = None;
                for j in row.target.clone() {
                    let seg = &target.document.segments[j];
                    for line in seg.lines.0..=seg.lines.1 {
                        let origin = line_commit.get(line as usize - 1).copied().unwrap_or(None);
                        newest = Some(match (newest, origin) {
                            (None, o) => o,
                            (Some(None), _) | (_, None) => None,
                            (Some(Some(a)), Some(b)) => Some(a.min(b)),
                        });
                    }
                }
                let target_fp = row_fingerprint(&target.document, &row.target);
                let reviewed = reviews
                    .iter()
                    .filter(|r| r.page == page_name && r.lang == *tlang && r.target == target_fp)
                    .filter_map(|r| {
                        if r.commit == "worktree" {
                            Some(None)
                        } else {
                            commit_index.get(r.commit.as_str()).map(|k| Some(*k))
                        }
                    })
                    .next();
                // `None` stands for the work tree, newer than any commit; a
                // smaller commit index is a newer commit.
                let newer = |a: Option<usize>, b: Option<usize>| a.zip(b).map(|(x, y)| x.min(y));
                let base = match (newest, reviewed) {
                    (Some(n), Some(r)) => newer(n, r),
                    (Some(n), None) => n,
                    (None, Some(r)) => r,
                    (None, None) => None,
                };
                row_base.push(Some(base));
            }
            for base in row_base.iter().flatten() {
                if base_key.contains_key(base) {
                    continue;
                }
                // The English version at the base commit; many commits share one.
                let key = match (base, &repo) {
                    (None, _) => Some(None),
                    (Some(k), Some(_)) => rel
                        .get(&set.source)
                        .and_then(|r| hist.version_at(r, *k))
                        .map(|v| Some(v.blob)),
                    (Some(_), None) => None,
                };
                base_key.insert(*base, key);
                let Some(key) = key else { continue };
                if base_docs.contains_key(&key) {
                    continue;
                }
                let entry = match (key, &repo) {
                    (Some(blob), Some(repo)) => {
                        let text = repo.text(blob).map_err(StaleError::History)?;
                        if text == source.text {
                            None
                        } else {
                            let d = crate::segment::parse_with(&text, config).0;
                            let versions = stale::match_versions(&d, &source.document);
                            Some((d, versions))
                        }
                    }
                    _ => None,
                };
                base_docs.insert(key, entry);
            }
            let commit_id =
                |base: Option<usize>| base.map_or("worktree", |k| hist.commits[k].id.as_str());
            let base_of_row = |r: usize| -> Option<Base<'_>> {
                let base = row_base.get(r).copied().flatten()?;
                let key = base_key.get(&base).copied().flatten()?;
                // `None` means the base English is the current English.
                let (doc, versions) = match base_docs.get(&key)? {
                    Some((d, v)) => (d, v.as_slice()),
                    None => (&source.document, identity.as_slice()),
                };
                Some(Base {
                    document: doc,
                    versions,
                    commit: Some(commit_id(base)),
                })
            };
            let mut labels =
                stale::label(&source.document, &target.document, &alignment, &base_of_row);
            // A review of the current English settles a row, whatever changed.
            for l in &mut labels {
                let (Some(i), false) = (l.source, l.target.is_empty()) else {
                    continue;
                };
                let row = alignment.rows.iter().find(|r| r.source.contains(&i));
                let Some(row) = row else { continue };
                let (tfp, sfp) = (
                    row_fingerprint(&target.document, &row.target),
                    row_fingerprint(&source.document, &row.source),
                );
                if reviews.iter().any(|r| {
                    r.page == page_name && r.lang == *tlang && r.target == tfp && r.source == sfp
                }) {
                    l.state = crate::stale::State::UpToDate;
                    l.diff.clear();
                }
            }
            out.push(StaleDoc {
                source: source.clone(),
                target,
                lang: tlang.clone(),
                alignment,
                labels,
            });
        }
        Ok((out, notes))
    };
    // Reading the history needs no page, and parsing and aligning pages
    // needs no history: the walk runs on its own thread while two workers
    // (the machines trame runs on have two cores) take page sets in turn,
    // each with its own repository handle.
    // The name of a page set's cache entry: everything its result depends on.
    let cache_key = |set: &PageSet,
                     source: &Page,
                     targets: &[(&String, &PathBuf, &Page)],
                     hist: &history::History,
                     commit_index: &HashMap<&str, usize>| {
        let mut key = cache::KeyBuilder::new();
        key.add(format!("{config:?} {source_lang}"));
        let page_name = set
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let add_file = |key: &mut cache::KeyBuilder, path: &Path, page: &Page| {
            key.add(path.as_os_str().as_encoded_bytes());
            key.add(&page.text);
            let versions = rel.get(path).and_then(|r| hist.versions.get(r));
            for v in versions.into_iter().flatten() {
                key.add(format!(
                    "{} {:?} {}",
                    hist.commits[v.commit].id,
                    v.blob,
                    v.path.display()
                ));
            }
            key.add("end of versions");
        };
        add_file(&mut key, &set.source, source);
        for (lang, path, page) in targets {
            key.add(lang);
            add_file(&mut key, path, page);
        }
        let dir = set.source.parent().unwrap_or(Path::new("."));
        for r in reviews_by_dir.get(dir).into_iter().flatten() {
            if r.page == page_name {
                let known = commit_index.contains_key(r.commit.as_str());
                key.add(format!("{r:?} {known}"));
            }
        }
        for c in corrections_of(set) {
            if c.page == page_name {
                key.add(format!("{c:?}"));
            }
        }
        key.finish()
    };
    if let Some(dir) = &cache_dir {
        cache::prune(dir);
    }
    let total = sets.len();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let walked: std::sync::OnceLock<Option<history::History>> = std::sync::OnceLock::new();
    let work = || -> Result<(), StaleError> {
        let repo = match &repo_path {
            Some(p) => Some(Repo::open(p).map_err(StaleError::History)?),
            None => None,
        };
        let mut commit_index: Option<HashMap<&str, usize>> = None;
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(set) = sets.get(index) else { break };
            let loaded = load(set)?;
            // Until the history is there, the cache cannot be asked: align
            // (a cache entry found then still saves the labelling).
            let (loaded, prepared) = match walked.get() {
                Some(_) => (Some(loaded), None),
                None => (None, Some(prepare(set, loaded))),
            };
            // A failed walk reports its own error.
            let Some(hist) = walked.wait() else { break };
            let commit_index = commit_index.get_or_insert_with(|| {
                hist.commits
                    .iter()
                    .enumerate()
                    .map(|(k, c)| (c.id.as_str(), k))
                    .collect()
            });
            let (source, targets): (&Page, Vec<(&String, &PathBuf, &Page)>) =
                match (&loaded, &prepared) {
                    (Some((s, t)), _) => (s, t.iter().map(|(l, p, page)| (l, p, page)).collect()),
                    (None, Some((s, t))) => {
                        (s, t.iter().map(|(l, p, page, _)| (l, p, page)).collect())
                    }
                    (None, None) => break,
                };
            let key = cache_dir
                .as_ref()
                .map(|_| cache_key(set, source, &targets, hist, commit_index));
            let hit = match (&cache_dir, &key) {
                (Some(dir), Some(key)) => cache::read(dir, key, source, &targets),
                _ => None,
            };
            let cached = match (hit, loaded, prepared) {
                (Some(hit), _, _) => Ok(hit),
                (None, Some(loaded), _) => Err(prepare(set, loaded)),
                (None, None, Some(prepared)) => Err(prepared),
                (None, None, None) => break,
            };
            let (docs, notes) = match cached {
                Ok(hit) => hit,
                Err(prepared) => {
                    let result = label_set(repo.as_ref(), hist, commit_index, set, prepared)?;
                    if let (Some(dir), Some(key)) = (&cache_dir, &key) {
                        cache::write(dir, key, &result.0, &result.1);
                    }
                    result
                }
            };
            sink(PageReport {
                index,
                total,
                docs,
                notes,
            });
        }
        Ok(())
    };
    let worker = || {
        let result = work();
        if result.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        result
    };
    let (walk, first, second) = std::thread::scope(|scope| {
        let walker = scope.spawn(|| {
            let result = match &repo_path {
                Some(p) => Repo::open(p)
                    .and_then(|r| r.history(&rel_paths))
                    .map_err(StaleError::History),
                None => Ok(history::History::default()),
            };
            let (hist, result) = match result {
                Ok(h) => (Some(h), Ok(())),
                Err(e) => (None, Err(e)),
            };
            let _ = walked.set(hist);
            result
        });
        let helper = scope.spawn(worker);
        let first = worker();
        (join(walker), first, join(helper))
    });
    walk?;
    first?;
    second?;
    Ok(notes)
}

/// Loads records (reviews, corrections) once for each directory holding a
/// source page of `sets`.
fn per_dir<T>(
    sets: &[PageSet],
    load: fn(&Path) -> Result<Vec<T>, crate::store::StoreError>,
) -> Result<std::collections::HashMap<PathBuf, Vec<T>>, StaleError> {
    let mut out = std::collections::HashMap::new();
    for set in sets {
        let dir = set.source.parent().unwrap_or(Path::new(".")).to_owned();
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

/// A source page with its translations, parsed.
type Loaded = (Page, Vec<(String, PathBuf, Page)>);

/// A source page with its translations, parsed and aligned.
type Prepared = (Page, Vec<(String, PathBuf, Page, crate::align::Alignment)>);

/// A base English document and, for each current segment, its version there.
type BaseDoc = (crate::segment::Document, Vec<Option<usize>>);

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
    let page = source
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fixed = crate::store::corrections::resolve(
        corrections,
        &page,
        lang,
        &source.document,
        &target.document,
    );
    crate::align::align_with(&source.document, &target.document, &fixed)
}

/// Returns the language of `target` as a translation of `source`, from the
/// Hugo layout: `x.fr.md` beside `x.md`, or `fr/x.md` beside `en/x.md`.
pub fn translation_lang(source: &Path, target: &Path) -> Option<String> {
    let (s_name, t_name) = (source.file_name()?.to_str()?, target.file_name()?.to_str()?);
    let parts: Vec<&str> = t_name.rsplitn(3, '.').collect();
    if let [ext, lang, stem] = parts[..]
        && is_lang_code(lang)
        && s_name == format!("{stem}.{ext}")
    {
        return Some(lang.to_owned());
    }
    let (s_comps, t_comps): (Vec<_>, Vec<_>) = (source.iter().collect(), target.iter().collect());
    if s_name != t_name || s_comps.len() != t_comps.len() {
        return None;
    }
    let differ: Vec<_> = s_comps
        .iter()
        .zip(&t_comps)
        .filter(|(a, b)| a != b)
        .map(|(_, b)| b.to_str())
        .collect();
    match differ[..] {
        [Some(lang)] if is_lang_code(lang) => Some(lang.to_owned()),
        _ => None,
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_language_comes_from_either_layout() {
        let lang = |s: &str, t: &str| translation_lang(Path::new(s), Path::new(t));
        assert_eq!(lang("issues/a.md", "issues/a.fr.md").as_deref(), Some("fr"));
        assert_eq!(lang("a.md", "a.it.md").as_deref(), Some("it"));
        assert_eq!(
            lang("content/en/blog/a.md", "content/it/blog/a.md").as_deref(),
            Some("it")
        );
        assert_eq!(lang("a.md", "b.fr.md"), None);
        assert_eq!(lang("en/a.md", "fr/b.md"), None);
        assert_eq!(lang("x/en/a.md", "y/fr/a.md"), None);
        assert_eq!(lang("a.md", "a.md"), None);
    }

    #[test]
    fn save_refuses_a_file_changed_on_disk_and_keeps_both_versions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.fr.md");
        std::fs::write(&path, "Bonjour.\n").unwrap();
        let original = std::fs::read(&path).unwrap();
        // Someone else edits the file meanwhile.
        std::fs::write(&path, "Bonjour à tous.\n").unwrap();
        let err = save_file(&path, &original, "Salut.\n").unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Bonjour à tous.\n");
        // Saved against what is on disk now, it goes through.
        let now = std::fs::read(&path).unwrap();
        save_file(&path, &now, "Salut.\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Salut.\n");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }
}
