//! Page discovery: which files are pages, and which are translations of which.
//!
//! Hugo places a translation beside its source page (`x.fr.md` beside
//! `x.md`, the suffix layout) or in a language folder directly under a
//! content root (`content/fr/x.md` beside `content/en/x.md`, the directory
//! layout). The rules here are the same for every command and the interface:
//!
//! - A source page may carry its own language (`x.en.md`): `x.fr.md`
//!   translates it when `x.md` does not exist.
//! - The language folder is the one **directly under a content root**, at any
//!   depth below it the path is ordinary folders: `content/ja/docs/cpp/x.md`
//!   is Japanese, `cpp` is a folder.
//! - A language is a BCP 47 tag (`fr`, `pt-br`, `zh-CN`), matched without
//!   regard to case or `_`/`-`.
//! - A file whose source page does not exist is an **orphan** when its
//!   language is established: configured in `trame.toml`, or having at least
//!   one real pair in the same root (so `x.old.md` or a folder `api/` is not
//!   mistaken for a language).
//! - A translation whose path names no source page joins the source page
//!   with the same `translationKey` in its front matter, as in Hugo
//!   (`fr/a-propos.md` for `en/about.md`). Only front matters of orphans,
//!   then of source pages when an orphan has a key, are read.
//! - A file that cannot be a page (a directory named `x.md`, a FIFO, a
//!   device) is skipped with a reason naming it; nothing here ever opens one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use super::PageSet;
use crate::config::{Layout, parse_tag, tag_is};

/// What a scan found: page sets, orphans and files it had to skip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Source pages with their translations, in path order.
    pub sets: Vec<PageSet>,
    /// Translations whose source page does not exist.
    pub orphans: Vec<Orphan>,
    /// Files that could not be taken as pages.
    pub skipped: Vec<Skipped>,
    /// Every translation language found (tags as written, sorted), before
    /// any language filter.
    pub languages: Vec<String>,
    /// The files and folders scanned.
    pub paths: Vec<PathBuf>,
    /// Temporary files left by interrupted saves, removed.
    pub removed: Vec<PathBuf>,
    /// The one language the scan was limited to (`--lang`), if any.
    pub only_lang: Option<String>,
}

/// A translation with no source page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The translation.
    pub path: PathBuf,
    /// Its language, as written in its path.
    pub lang: String,
    /// Where its source page would be.
    pub expected: PathBuf,
    /// The source page it most likely translates (renamed since), if any.
    pub likely_source: Option<PathBuf>,
}

/// A file that was not read as a page, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: SkipReason,
}

/// Why a file was not read as a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A directory named like a page.
    Directory,
    /// A FIFO, socket or device named like a page: never opened.
    Special,
    /// The file or folder could not be read.
    Unreadable {
        /// The system's message.
        message: String,
    },
    /// The page is not UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A folder given holds no Markdown file.
    NoMarkdown,
    /// Larger than `max-page-bytes`: never read.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A symbolic link that leads outside the repository: never followed.
    Outside,
}

impl SkipReason {
    /// A stable machine name, for JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            SkipReason::Directory => "directory",
            SkipReason::Special => "special-file",
            SkipReason::Unreadable { .. } => "unreadable",
            SkipReason::NotUtf8 { .. } => "not-utf8",
            SkipReason::NoMarkdown => "no-markdown",
            SkipReason::TooLarge { .. } => "too-large",
            SkipReason::Outside => "outside-repository",
        }
    }
}

/// What discovery needs to know of the project.
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    /// Links leading outside this folder are not followed.
    pub root: Option<&'a Path>,
    /// The source language.
    pub source: &'a LanguageIdentifier,
    /// Configured translation languages (established without a pair).
    pub configured: &'a [LanguageIdentifier],
    /// Which layouts to look for.
    pub layout: Layout,
    /// The one translation language wanted (`--lang`): the folders of the
    /// other languages are not listed.
    pub only_lang: Option<&'a str>,
    /// Language folders not named like a language, `(folder name, tag)`:
    /// Hugo's `languages.zh.contentDir = "content.zh"`.
    pub lang_folders: &'a [(String, String)],
}

/// A content root and its language folders.
#[derive(Debug, Clone)]
struct Root {
    path: PathBuf,
    /// The source-language folder's name, when the root uses folders.
    source_dir: Option<String>,
    /// Other folders directly under the root named like languages.
    lang_dirs: Vec<String>,
    /// The language of folders not named like one (`content.zh`: `zh`).
    tags: Vec<(String, String)>,
}

impl Root {
    fn read(path: &Path, rules: &Rules<'_>) -> Root {
        let mut source_dir = None;
        let mut lang_dirs = Vec::new();
        let mut tags = Vec::new();
        if rules.layout != Layout::Suffix {
            let mut names: Vec<String> = std::fs::read_dir(dir_or_dot(path))
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter_map(|e| e.file_name().into_string().ok())
                .collect();
            names.sort();
            for name in names {
                let folder_tag = rules
                    .lang_folders
                    .iter()
                    .find(|(folder, _)| *folder == name)
                    .map(|(_, tag)| tag.clone());
                match parse_tag(folder_tag.as_deref().unwrap_or(&name)) {
                    Some(tag) if tag == *rules.source => source_dir = Some(name.clone()),
                    Some(_) => lang_dirs.push(name.clone()),
                    None => continue,
                }
                if let Some(tag) = folder_tag {
                    tags.push((name, tag));
                }
            }
        }
        Root {
            path: tidy(path),
            source_dir,
            lang_dirs,
            tags,
        }
    }

    /// The language tag of a language folder: its name, or the language
    /// the site's configuration gives it.
    fn tag_of<'s>(&'s self, name: &'s str) -> &'s str {
        self.tags
            .iter()
            .find(|(folder, _)| folder == name)
            .map_or(name, |(_, tag)| tag.as_str())
    }

    /// The language folder a path under this root lies in, if any.
    fn lang_dir_of<'p>(&self, rel: &'p Path) -> Option<&'p str> {
        self.source_dir.as_ref()?;
        let first = rel.iter().next()?.to_str()?;
        let known =
            self.source_dir.as_deref() == Some(first) || self.lang_dirs.iter().any(|d| d == first);
        (known && rel.iter().count() > 1).then_some(first)
    }

    /// Every language folder, the source's first.
    fn all_dirs(&self) -> impl Iterator<Item = &String> {
        self.source_dir.iter().chain(&self.lang_dirs)
    }

    /// True for a language folder of a language other than `only`.
    fn unwanted(&self, name: &str, only: Option<&str>) -> bool {
        only.is_some_and(|l| {
            self.source_dir.is_some()
                && self.lang_dirs.iter().any(|d| d == name)
                && !crate::workspace::same_tag(self.tag_of(name), l)
        })
    }
}

/// Finds the content root of `path`: the project content root holding it,
/// else the outermost folder above a language folder that has a
/// source-language folder beside it, else the folder itself.
pub fn root_of(path: &Path, content_roots: &[PathBuf], rules: &Rules<'_>) -> PathBuf {
    let canonical = path.canonicalize().ok();
    for root in content_roots {
        if let (Some(p), Ok(r)) = (&canonical, root.canonicalize())
            && let Ok(rel) = p.strip_prefix(&r)
        {
            // The root written as the user wrote `path` (`../site/content`
            // for `../site/content/blog`), so every path found under it
            // keeps that form.
            let alias = up(path, rel.components().count());
            if alias.canonicalize().is_ok_and(|a| a == r) {
                return alias;
            }
            return root.clone();
        }
    }
    // The outermost folder (inside the repository) above a language folder
    // that has a source-language folder beside it; looked for on the
    // resolved path, so `.` inside `content/fr` finds `content`.
    if let Some(p) = &canonical {
        let mut found = None;
        for (levels, a) in p.ancestors().enumerate() {
            if rules.root.is_some_and(|r| !a.starts_with(r) || a == r) {
                break;
            }
            if let (Some(name), Some(parent)) = (a.file_name().and_then(|n| n.to_str()), a.parent())
                && parse_tag(name).is_some()
                && has_source_dir(parent, rules.source)
            {
                found = Some(levels + 1);
            }
        }
        if let Some(levels) = found {
            // `path` is a file: its folder is one level up already.
            return up(path, levels);
        }
    }
    if path.is_dir() {
        path.to_owned()
    } else {
        path.parent().map(Path::to_owned).unwrap_or_default()
    }
}

/// `path` with `levels` trailing components taken off, written as the user
/// wrote it (`..` added when it runs out of names).
fn up(path: &Path, levels: usize) -> PathBuf {
    let mut p = tidy(path);
    for _ in 0..levels {
        match p.file_name() {
            Some(_) => {
                p.pop();
            }
            None => p.push(".."),
        }
    }
    p
}

fn has_source_dir(dir: &Path, source: &LanguageIdentifier) -> bool {
    std::fs::read_dir(dir_or_dot(dir))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_type().is_ok_and(|t| t.is_dir())
                && e.file_name().to_str().is_some_and(|n| tag_is(n, source))
        })
}

/// A path without a leading `./` (and `.` as the empty path), so paths
/// built from a root compare equal to paths listed under it.
fn tidy(p: &Path) -> PathBuf {
    if p == Path::new(".") {
        return PathBuf::new();
    }
    p.strip_prefix(".")
        .map(Path::to_owned)
        .unwrap_or_else(|_| p.to_owned())
}

fn dir_or_dot(p: &Path) -> &Path {
    if p.as_os_str().is_empty() {
        Path::new(".")
    } else {
        p
    }
}

/// Finds the pages under `paths` (files or folders), with `content_roots`
/// telling where language folders sit.
pub fn scan(paths: &[PathBuf], content_roots: &[PathBuf], rules: &Rules<'_>) -> Scan {
    let mut found = Listing::default();
    // Sets to keep when a file was named: the source it belongs to.
    let mut wanted: Option<HashSet<PathBuf>> = None;
    // The files named, as found: a translation named alone keeps its set to
    // that translation.
    let mut named: HashSet<PathBuf> = HashSet::new();
    let mut roots: BTreeMap<PathBuf, Root> = BTreeMap::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                found.skipped.push(Skipped {
                    path: path.clone(),
                    reason: SkipReason::Unreadable {
                        message: e.to_string(),
                    },
                });
                continue;
            }
        };
        let root_path = tidy(&root_of(path, content_roots, rules));
        let root = roots
            .entry(root_path.clone())
            .or_insert_with(|| Root::read(&root_path, rules))
            .clone();
        let rel = relative_to(path, &root.path);
        if meta.is_file() {
            if !crate::fs::is_markdown(path) {
                continue;
            }
            let file = tidy(&root.path.join(&rel));
            let source = source_of(&root, &rel, rules).unwrap_or_else(|| file.clone());
            // The folders where its siblings are: its own (suffix) and the
            // same folder in every language (directory).
            let source_rel = relative_to(&source, &root.path);
            for dir in sibling_dirs(&root, &source_rel) {
                list_dir(&dir, false, rules.root, &mut found);
            }
            found.files.insert(file.clone());
            named.insert(file);
            wanted.get_or_insert_with(HashSet::new).insert(source);
        } else if meta.is_dir() {
            // Content roots inside the folder keep their language folders.
            if let Ok(dir) = path.canonicalize() {
                for c in content_roots {
                    if let Ok(inner) = c.canonicalize()
                        && inner != dir
                        && let Ok(rel) = inner.strip_prefix(&dir)
                    {
                        let alias = tidy(&path.join(rel));
                        roots
                            .entry(alias.clone())
                            .or_insert_with(|| Root::read(&alias, rules));
                    }
                }
            }
            let before = found.files.len();
            let dirs: Vec<PathBuf> = match root.lang_dir_of(&rel.join("x")) {
                // A folder inside a language folder: the same folder in
                // every language.
                Some(_) => {
                    let rest: PathBuf = rel.iter().skip(1).collect();
                    root.all_dirs()
                        .filter(|d| !root.unwanted(d, rules.only_lang))
                        .map(|d| root.path.join(d).join(&rest))
                        .filter(|d| d.is_dir())
                        .collect()
                }
                _ => vec![path.clone()],
            };
            // The root of language folders, one language wanted: the other
            // languages' folders are not listed.
            let at_root = rel.as_os_str().is_empty();
            let unwanted = |name: &str| at_root && root.unwanted(name, rules.only_lang);
            for dir in dirs {
                list_dir_but(&dir, true, rules.root, &unwanted, &mut found);
            }
            if found.files.len() == before {
                found.skipped.push(Skipped {
                    path: path.clone(),
                    reason: SkipReason::NoMarkdown,
                });
            }
        } else {
            found.skipped.push(Skipped {
                path: path.clone(),
                reason: SkipReason::Special,
            });
        }
    }
    let mut scan = classify(&found.files, &mut roots, content_roots, rules);
    if let Some(mut wanted) = wanted {
        // A translation named alone whose page carries its own language as
        // a suffix (`x.fr.md` of `x.en.md`): its set is that page's.
        let suffixed: Vec<PathBuf> = scan
            .sets
            .iter()
            .filter(|s| {
                plain_source_of(&s.source, rules.source).is_some_and(|p| wanted.contains(&p))
            })
            .map(|s| s.source.clone())
            .collect();
        wanted.extend(suffixed);
        // A named file keeps its own set; folders named beside it keep all.
        let named_dirs = paths.iter().any(|p| p.is_dir());
        if !named_dirs {
            scan.sets.retain(|s| wanted.contains(&s.source));
            scan.orphans.retain(|o| wanted.contains(&o.expected));
            for set in &mut scan.sets {
                if !named.contains(&set.source) {
                    set.translations.retain(|(_, t)| named.contains(t));
                }
            }
        }
    }
    found.skipped.append(&mut scan.skipped);
    scan.skipped = found.skipped;
    scan.removed = found.removed;
    scan.paths = paths.to_vec();
    scan
}

/// The site path and language of every page under `content_roots`, as
/// Hugo serves them without `url`, `slug` or `permalinks` settings:
/// `content/fr/docs/a.md` and `content/docs/a.fr.md` are `("fr",
/// "/docs/a")`, an `_index.md` or `index.md` is its folder. Languages are
/// lower-cased primary subtags; paths are lower-cased.
pub fn site_paths(content_roots: &[PathBuf], rules: &Rules<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let source = rules.source.language.as_str().to_ascii_lowercase();
    for root_path in content_roots {
        let root = Root::read(root_path, rules);
        let mut found = Listing::default();
        list_dir(&root.path, true, rules.root, &mut found);
        for file in &found.files {
            let rel = relative_to(file, &root.path);
            let (lang, rel): (String, PathBuf) = match root.lang_dir_of(&rel) {
                Some(dir) => (
                    parse_tag(root.tag_of(dir)).map_or_else(
                        || dir.to_ascii_lowercase(),
                        |t| t.language.as_str().to_ascii_lowercase(),
                    ),
                    rel.iter().skip(1).collect(),
                ),
                None => match suffix_parts(&rel, rules.source) {
                    Some((tag, source_name)) => (
                        parse_tag(tag).map_or_else(
                            || tag.to_ascii_lowercase(),
                            |t| t.language.as_str().to_ascii_lowercase(),
                        ),
                        rel.with_file_name(source_name),
                    ),
                    None => (source.clone(), rel),
                },
            };
            let mut parts: Vec<String> = rel
                .iter()
                .filter_map(|c| c.to_str())
                .map(str::to_lowercase)
                .collect();
            if let Some(last) = parts.pop() {
                let stem = last.rsplit_once('.').map_or(last.as_str(), |(s, _)| s);
                if stem != "_index" && stem != "index" {
                    parts.push(stem.to_owned());
                }
            }
            out.push((lang, format!("/{}", parts.join("/"))));
        }
    }
    out
}

/// Where the source page of a file under `root` is (the file itself for a
/// source page); `None` when it is not a translation.
fn source_of(root: &Root, rel: &Path, rules: &Rules<'_>) -> Option<PathBuf> {
    if rules.layout != Layout::Suffix
        && let (Some(dir), Some(source_dir)) = (root.lang_dir_of(rel), &root.source_dir)
        && dir != source_dir
    {
        let rest: PathBuf = rel.iter().skip(1).collect();
        return Some(root.path.join(source_dir).join(rest));
    }
    if rules.layout != Layout::Directory
        && let Some((_, source_name)) = suffix_parts(rel, rules.source)
    {
        return Some(root.path.join(rel.with_file_name(source_name)));
    }
    None
}

/// Where a new `lang` translation of the source page `source` goes: in the
/// `lang` folder when the page sits in the source-language folder of a
/// content root (directory layout), else `stem.lang.ext` beside it.
pub fn new_translation_path(
    source: &Path,
    lang: &str,
    content_roots: &[PathBuf],
    rules: &Rules<'_>,
) -> PathBuf {
    let root = Root::read(&root_of(source, content_roots, rules), rules);
    let rel = relative_to(source, &root.path);
    // A new folder or suffix is written as Hugo writes language codes:
    // lower case, `pt-br`.
    let lang = &lang.to_lowercase().replace('_', "-");
    if rules.layout != Layout::Suffix
        && let (Some(dir), Some(source_dir)) = (root.lang_dir_of(&rel), &root.source_dir)
        && dir == source_dir
        && (!root.lang_dirs.is_empty() || rules.layout == Layout::Directory)
    {
        let folder = root
            .lang_dirs
            .iter()
            .find(|d| crate::workspace::same_tag(root.tag_of(d), lang))
            .cloned()
            .unwrap_or_else(|| lang.to_owned());
        let rest: PathBuf = rel.iter().skip(1).collect();
        return root.path.join(folder).join(rest);
    }
    // `x.en.md` is translated as `x.fr.md`, as `x.md` is.
    let plain = plain_source_of(source, rules.source).unwrap_or_else(|| source.to_owned());
    let stem = plain
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match plain.extension() {
        Some(ext) => format!("{stem}.{lang}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{lang}"),
    };
    source.with_file_name(name)
}

/// `stem.TAG.ext` gives `(TAG, stem.ext)` when TAG is a language other than
/// the source.
/// `x.md` for a page named `x.en.md` in the source language `en`: the
/// page its translations would name as their source.
fn plain_source_of(file: &Path, source: &LanguageIdentifier) -> Option<PathBuf> {
    let name = file.file_name()?.to_str()?;
    let parts: Vec<&str> = name.rsplitn(3, '.').collect();
    let [ext, tag, stem] = parts[..] else {
        return None;
    };
    (!stem.is_empty() && parse_tag(tag).is_some_and(|l| l == *source))
        .then(|| file.with_file_name(format!("{stem}.{ext}")))
}

fn suffix_parts<'a>(file: &'a Path, source: &LanguageIdentifier) -> Option<(&'a str, String)> {
    let name = file.file_name()?.to_str()?;
    let parts: Vec<&str> = name.rsplitn(3, '.').collect();
    let [ext, tag, stem] = parts[..] else {
        return None;
    };
    let lang = parse_tag(tag)?;
    (lang != *source && !stem.is_empty()).then(|| (tag, format!("{stem}.{ext}")))
}

/// The folders where the translations of the source page `source_rel` are.
fn sibling_dirs(root: &Root, source_rel: &Path) -> Vec<PathBuf> {
    let parent = source_rel.parent().unwrap_or(Path::new(""));
    let mut dirs = vec![root.path.join(parent)];
    if root.lang_dir_of(source_rel).is_some() {
        let rest: PathBuf = parent.iter().skip(1).collect();
        for d in root.all_dirs() {
            let dir = root.path.join(d).join(&rest);
            if !dirs.contains(&dir) && dir.is_dir() {
                dirs.push(dir);
            }
        }
    }
    dirs
}

/// Lists the Markdown files of `dir` (and below when `deep`), skipping hidden
/// entries and never following a link to a folder; reports what it cannot
/// take as a page.
///
/// A link is followed only to a file inside `root` (when given). Temporary
/// files an interrupted save left (`.trame-*.tmp`) older than an hour are
/// removed and added to `removed`.
pub(super) fn list_dir(dir: &Path, deep: bool, root: Option<&Path>, found: &mut Listing) {
    list_dir_but(dir, deep, root, &|_| false, found);
}

/// [`list_dir`], not going into the folders right under `dir` whose name
/// `skip` says.
fn list_dir_but(
    dir: &Path,
    deep: bool,
    root: Option<&Path>,
    skip: &dyn Fn(&str) -> bool,
    found: &mut Listing,
) {
    let Listing {
        files,
        skipped,
        removed,
    } = found;
    let top = dir.to_owned();
    let mut stack = vec![dir.to_owned()];
    // Files in the order listed (each folder's in order, folders depth
    // first): nearly sorted, so the set is built from them in one sort
    // and a bulk load rather than by one search per file.
    let mut listed: Vec<PathBuf> = Vec::new();
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(dir_or_dot(&dir)) {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Skipped {
                    path: dir.clone(),
                    reason: SkipReason::Unreadable {
                        message: e.to_string(),
                    },
                });
                continue;
            }
        };
        let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let Some(name) = name.to_str() else {
                    return true;
                };
                if crate::fs::is_temp_name(name)
                    && crate::fs::remove_if_stale(&e.path(), TEMP_MAX_AGE)
                {
                    removed.push(dir.join(name));
                }
                !name.starts_with('.')
            })
            .map(|e| {
                let path = dir.join(e.file_name());
                let path = path.strip_prefix(".").map(Path::to_owned).unwrap_or(path);
                (path, e.file_type().ok())
            })
            .collect();
        // One folder's entries: ordered by name as paths are.
        entries.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
        let mut folders = Vec::new();
        for (path, kind) in entries {
            let Some(kind) = kind else { continue };
            let markdown = crate::fs::is_markdown(&path);
            if kind.is_dir() {
                if markdown {
                    skipped.push(Skipped {
                        path,
                        reason: SkipReason::Directory,
                    });
                } else if deep
                    && !(dir == top && path.file_name().and_then(|n| n.to_str()).is_some_and(skip))
                {
                    folders.push(path);
                }
            } else if !markdown {
                continue;
            } else if kind.is_file() {
                listed.push(path);
            } else if kind.is_symlink() {
                // A link is followed to a file only, never to a folder, and
                // never out of the repository.
                let outside = root.is_some_and(|r| {
                    path.canonicalize()
                        .map_or(true, |target| !target.starts_with(r))
                });
                match std::fs::metadata(&path) {
                    Ok(_) if outside => skipped.push(Skipped {
                        path,
                        reason: SkipReason::Outside,
                    }),
                    Ok(m) if m.is_file() => {
                        listed.push(path);
                    }
                    Ok(m) if m.is_dir() => skipped.push(Skipped {
                        path,
                        reason: SkipReason::Directory,
                    }),
                    Ok(_) => skipped.push(Skipped {
                        path,
                        reason: SkipReason::Special,
                    }),
                    Err(e) => skipped.push(Skipped {
                        path,
                        reason: SkipReason::Unreadable {
                            message: e.to_string(),
                        },
                    }),
                }
            } else {
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Special,
                });
            }
        }
        // Popped in order.
        stack.extend(folders.into_iter().rev());
    }
    let mut listed: BTreeSet<PathBuf> = listed.into_iter().collect();
    files.append(&mut listed);
}

/// Temporary files older than this were left by a save that was killed.
const TEMP_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// What listing folders found.
#[derive(Debug, Default)]
pub(super) struct Listing {
    /// Markdown files.
    pub(super) files: BTreeSet<PathBuf>,
    /// Files that cannot be pages.
    pub(super) skipped: Vec<Skipped>,
    /// Stale temporary files removed.
    pub(super) removed: Vec<PathBuf>,
}

/// `path` relative to `root` (both as written, or both canonical).
fn relative_to(path: &Path, root: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(root) {
        return rel.to_owned();
    }
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p
            .strip_prefix(&r)
            .map(Path::to_owned)
            .unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}

/// One file's place: a source page, or a translation of `source` in `lang`.
enum Place {
    Source,
    Translation { lang: String, source: PathBuf },
}

/// Groups files into page sets, orphans and source pages.
fn classify(
    files: &BTreeSet<PathBuf>,
    roots: &mut BTreeMap<PathBuf, Root>,
    content_roots: &[PathBuf],
    rules: &Rules<'_>,
) -> Scan {
    // Each file's root: the longest known root that holds it.
    let mut placed: Vec<(&PathBuf, PathBuf, Place)> = Vec::with_capacity(files.len());
    for file in files {
        let root_path = roots
            .keys()
            .filter(|r| r.as_os_str().is_empty() || file.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
            .cloned()
            .unwrap_or_else(|| tidy(&root_of(file, content_roots, rules)));
        let root = roots
            .entry(root_path.clone())
            .or_insert_with(|| Root::read(&root_path, rules));
        let rel = relative_to(file, &root.path);
        let place = match source_of(root, &rel, rules) {
            Some(source) => {
                let lang = match root.lang_dir_of(&rel) {
                    Some(d) if root.source_dir.as_deref() != Some(d) => root.tag_of(d).to_owned(),
                    _ => suffix_parts(&rel, rules.source)
                        .map(|(t, _)| t.to_owned())
                        .unwrap_or_default(),
                };
                Place::Translation { lang, source }
            }
            None => Place::Source,
        };
        placed.push((file, root_path, place));
    }
    // Looked up once or twice per file: hashed, not searched in order.
    let file_set: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    // A source page may carry its own language as a suffix (`x.en.md`,
    // Hugo's form when every language is suffixed): a translation whose
    // `x.md` does not exist translates it.
    let suffixed: BTreeMap<PathBuf, PathBuf> = files
        .iter()
        .filter_map(|f| Some((plain_source_of(f, rules.source)?, f.clone())))
        .collect();
    for (_, _, place) in &mut placed {
        if let Place::Translation { source, .. } = place
            && !file_set.contains(source.as_path())
            && let Some(own) = suffixed.get(source)
        {
            *source = own.clone();
        }
    }
    // Languages with at least one real pair, per root; configured ones count everywhere.
    let mut established: HashSet<(PathBuf, String)> = HashSet::new();
    for (_, root, place) in &placed {
        if let Place::Translation { lang, source } = place
            && file_set.contains(source.as_path())
        {
            established.insert((root.clone(), lang.to_lowercase().replace('_', "-")));
        }
    }
    let is_established = |root: &PathBuf, lang: &str| {
        established.contains(&(root.clone(), lang.to_lowercase().replace('_', "-")))
            || rules.configured.iter().any(|c| tag_is(lang, c))
    };
    let mut sets: BTreeMap<PathBuf, Vec<(String, PathBuf)>> = BTreeMap::new();
    let mut orphans = Vec::new();
    let mut languages: BTreeSet<String> = BTreeSet::new();
    for (file, root, place) in &placed {
        match place {
            Place::Source => {
                sets.entry((*file).clone()).or_default();
            }
            Place::Translation { lang, source } if file_set.contains(source.as_path()) => {
                languages.insert(lang.clone());
                sets.entry(source.clone())
                    .or_default()
                    .push((lang.clone(), (*file).clone()));
            }
            Place::Translation { lang, source } if is_established(root, lang) => {
                languages.insert(lang.clone());
                orphans.push(Orphan {
                    path: (*file).clone(),
                    lang: lang.clone(),
                    expected: source.clone(),
                    likely_source: None,
                });
            }
            // `x.old.md`, `api/x.md`: not a language after all.
            Place::Translation { .. } => {
                sets.entry((*file).clone()).or_default();
            }
        }
    }
    pair_by_translation_key(&mut sets, &mut orphans);
    // A page in a language folder with no source is not a source page either.
    let sources: Vec<&PathBuf> = sets.keys().collect();
    for orphan in &mut orphans {
        orphan.likely_source = likely_source(&orphan.expected, &sources);
    }
    // One English page is the likely source of one translation per
    // language: two orphans in a language naming the same page (two
    // `x.md` in different folders) say nothing about either.
    let mut claims: HashMap<(String, PathBuf), usize> = HashMap::new();
    for orphan in &orphans {
        if let Some(source) = &orphan.likely_source {
            *claims
                .entry((orphan.lang.to_lowercase(), source.clone()))
                .or_default() += 1;
        }
    }
    for orphan in &mut orphans {
        let shared = orphan.likely_source.as_ref().is_some_and(|source| {
            claims.get(&(orphan.lang.to_lowercase(), source.clone())) > Some(&1)
        });
        if shared {
            orphan.likely_source = None;
        }
    }
    Scan {
        sets: sets
            .into_iter()
            .map(|(source, mut translations)| {
                translations.sort();
                PageSet {
                    source,
                    translations,
                }
            })
            .collect(),
        orphans,
        skipped: Vec::new(),
        languages: languages.into_iter().collect(),
        paths: Vec::new(),
        removed: Vec::new(),
        only_lang: None,
    }
}

/// Hugo's `translationKey`: a translation whose path names no source page
/// joins the source page whose front matter gives the same key (a page
/// whose translated file name is translated too, `fr/a-propos.md` for
/// `en/about.md`). A key that two source pages share pairs nothing; a
/// source page keeps one translation per language.
fn pair_by_translation_key(
    sets: &mut BTreeMap<PathBuf, Vec<(String, PathBuf)>>,
    orphans: &mut Vec<Orphan>,
) {
    let keyed: Vec<(usize, String)> = orphans
        .iter()
        .enumerate()
        .filter_map(|(k, o)| translation_key(&o.path).map(|key| (k, key)))
        .collect();
    if keyed.is_empty() {
        return;
    }
    // Each key's source page; `None` when several have it.
    let mut by_key: BTreeMap<String, Option<PathBuf>> = BTreeMap::new();
    for source in sets.keys() {
        if let Some(key) = translation_key(source) {
            by_key
                .entry(key)
                .and_modify(|v| *v = None)
                .or_insert_with(|| Some(source.clone()));
        }
    }
    let mut joined = HashSet::new();
    for (k, key) in keyed {
        let Some(Some(source)) = by_key.get(&key) else {
            continue;
        };
        let orphan = &orphans[k];
        let Some(translations) = sets.get_mut(source) else {
            continue;
        };
        let taken = translations
            .iter()
            .any(|(lang, _)| lang.eq_ignore_ascii_case(&orphan.lang));
        if !taken {
            translations.push((orphan.lang.clone(), orphan.path.clone()));
            joined.insert(k);
        }
    }
    let mut k = 0;
    orphans.retain(|_| {
        k += 1;
        !joined.contains(&(k - 1))
    });
}

/// The `translationKey` of a page's front matter (YAML `translationKey: x`
/// or TOML `translationKey = "x"`, the key in any case as Hugo reads it),
/// from the first 16 KiB of a regular file; `None` when it has none.
fn translation_key(path: &Path) -> Option<String> {
    use std::io::Read as _;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(16 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    front_matter_key(&text, "translationkey")
}

/// The value of top-level `key` (compared in lower case) in the YAML or
/// TOML front matter opening `text`.
fn front_matter_key(text: &str, key: &str) -> Option<String> {
    let text = &text[crate::segment::front_matter_start(text)..];
    let mut lines = text.lines();
    let fence = lines.next()?.trim_end();
    let (close, sep) = match fence {
        "---" => ("---", ':'),
        "+++" => ("+++", '='),
        _ => return None,
    };
    for line in lines {
        let end = line.trim_end();
        if end == close || (close == "---" && end == "...") {
            return None;
        }
        // Top level only: a nested key is indented.
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, value)) = line.split_once(sep) else {
            continue;
        };
        let name = name.trim().trim_matches(['"', '\'']);
        if !name.eq_ignore_ascii_case(key) {
            continue;
        }
        let value = value.trim();
        // A quoted value ends at its closing quote; an unquoted one at a
        // comment.
        let value = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value.split(" #").next().unwrap_or(value),
        }
        .trim();
        return (!value.is_empty()).then(|| value.to_owned());
    }
    None
}

/// The source page an orphan most likely translates: in the folder where its
/// source would be, the page with the same name up to `_`/`-` and case, else
/// the only page with the same date prefix (`2024-12-05`, `2024-12`); else
/// the same page turned into a section or bundle (`x.md` -> `x/_index.md`
/// or `x/index.md`) or back; else, anywhere, the only page with the same
/// name (a page moved to another folder; `_index.md` and `index.md` name
/// too many pages to tell).
fn likely_source(expected: &Path, sources: &[&PathBuf]) -> Option<PathBuf> {
    let dir = expected.parent()?;
    let name = expected.file_name()?.to_str()?;
    let fold = |s: &str| s.to_lowercase().replace('_', "-");
    let here: Vec<&&PathBuf> = sources.iter().filter(|s| s.parent() == Some(dir)).collect();
    let name_of = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned()
    };
    if let Some(same) = here.iter().find(|s| fold(&name_of(s)) == fold(name)) {
        return Some((**same).clone());
    }
    if let Some(date) = date_prefix(name) {
        let dated: Vec<&&&PathBuf> = here
            .iter()
            .filter(|s| date_prefix(&name_of(s)) == Some(date))
            .collect();
        if let [one] = dated[..] {
            return Some((**one).clone());
        }
    }
    // A page turned into a section or a bundle (`x.md` -> `x/_index.md`,
    // `x/index.md`), or back: Hugo's usual move when a page gains children.
    let stem = expected.file_stem()?;
    let index_page = matches!(
        stem.to_str().map(str::to_lowercase).as_deref(),
        Some("_index" | "index")
    );
    let bundle: Vec<PathBuf> = if index_page {
        let folder = dir.file_name()?;
        let parent = dir.parent()?;
        let ext = expected.extension()?;
        vec![parent.join(folder).with_extension(ext)]
    } else {
        ["_index", "index"]
            .iter()
            .filter_map(|n| Some(dir.join(stem).join(n).with_extension(expected.extension()?)))
            .collect()
    };
    if let Some(found) = sources.iter().find(|s| bundle.iter().any(|b| b == **s)) {
        return Some((*found).clone());
    }
    if index_page {
        return None;
    }
    // Moved: the same name in another folder of the same language folder
    // tree (the expected path's first folders up to the language).
    let same_name: Vec<&&PathBuf> = sources
        .iter()
        .filter(|s| fold(&name_of(s)) == fold(name) && same_tree(s, expected))
        .collect();
    match same_name[..] {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// True when two paths share their first two components (`content/en`):
/// the same site and the same language folder.
fn same_tree(a: &Path, b: &Path) -> bool {
    a.components().take(2).eq(b.components().take(2))
}

/// `2024-12-05` or `2024-12` at the start of a file name.
fn date_prefix(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
        return None;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) {
        Some(&name[..10])
    } else {
        Some(&name[..7])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes() {
        assert_eq!(date_prefix("2024-12-05-newsletter.md"), Some("2024-12-05"));
        assert_eq!(date_prefix("2024-12_newsletter.md"), Some("2024-12"));
        assert_eq!(date_prefix("newsletter.md"), None);
    }

    #[test]
    fn likely_sources_by_name_then_date() {
        let a = PathBuf::from("c/2024-12-05-newsletter.md");
        let b = PathBuf::from("c/2024-11-07-xmpp-newsletter.md");
        let sources = [&a, &b];
        assert_eq!(
            likely_source(Path::new("c/2024-12-05_newsletter.md"), &sources),
            Some(a.clone())
        );
        assert_eq!(
            likely_source(Path::new("c/2024-11-07-newsletter.md"), &sources),
            Some(b.clone())
        );
        assert_eq!(likely_source(Path::new("c/other.md"), &sources), None);
        // A page turned into a section or a bundle, and back.
        let section = PathBuf::from("c/docs/admission/_index.md");
        let bundle = PathBuf::from("c/docs/queues/index.md");
        let page = PathBuf::from("c/docs/setup.md");
        let sources = [&section, &bundle, &page];
        for (expected, found) in [
            ("c/docs/admission.md", &section),
            ("c/docs/queues.md", &bundle),
            ("c/docs/setup/_index.md", &page),
        ] {
            assert_eq!(
                likely_source(Path::new(expected), &sources).as_ref(),
                Some(found),
                "{expected}"
            );
        }
        assert_eq!(
            likely_source(Path::new("c/docs/other/_index.md"), &sources),
            None
        );
        assert_eq!(
            likely_source(Path::new("d/2024-12-05_newsletter.md"), &sources),
            None
        );
    }

    #[test]
    fn a_page_moved_to_another_folder_is_found_by_its_unique_name() {
        let moved = PathBuf::from("content/en/admin/elasticsearch.md");
        let a = PathBuf::from("content/en/admin/_index.md");
        let b = PathBuf::from("content/en/user/_index.md");
        let other_site = PathBuf::from("docs/en/tor.md");
        let sources = [&moved, &a, &b, &other_site];
        assert_eq!(
            likely_source(
                Path::new("content/en/admin/optional/elasticsearch.md"),
                &sources
            ),
            Some(moved.clone())
        );
        // `_index.md` names a page in every folder: no guess.
        assert_eq!(
            likely_source(Path::new("content/en/admin/optional/_index.md"), &sources),
            None
        );
        // Only within the same site and language folder.
        assert_eq!(
            likely_source(Path::new("content/en/admin/optional/tor.md"), &sources),
            None
        );
        // Two pages with the name: no guess.
        let twin = PathBuf::from("content/en/user/elasticsearch.md");
        let sources = [&moved, &twin];
        assert_eq!(
            likely_source(Path::new("content/en/x/elasticsearch.md"), &sources),
            None
        );
    }

    #[test]
    fn translation_keys_from_yaml_and_toml_front_matter() {
        let key = |text: &str| front_matter_key(text, "translationkey");
        assert_eq!(
            key("---\ntitle: À propos\ntranslationKey: about\n---\nBody\n").as_deref(),
            Some("about")
        );
        assert_eq!(
            key("---\ntranslationkey: \"about us\" # why\n---\n").as_deref(),
            Some("about us")
        );
        assert_eq!(
            key("\u{feff}---\r\nTranslationKey: 'a'\r\n---\r\n").as_deref(),
            Some("a")
        );
        assert_eq!(
            key("+++\ntitle = \"x\"\ntranslationKey = \"about\"\n+++\n").as_deref(),
            Some("about")
        );
        // Nested, after the front matter, empty, or no front matter: none.
        assert_eq!(key("---\nparams:\n  translationKey: about\n---\n"), None);
        assert_eq!(key("---\ntitle: x\n---\ntranslationKey: about\n"), None);
        assert_eq!(key("---\ntranslationKey:\n---\n"), None);
        assert_eq!(key("translationKey: about\n"), None);
    }
}
