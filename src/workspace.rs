//! The façade between the front ends and the pure core: finds and reads pages.
//!
//! The only layer that touches the file system for content. Errors name the
//! file and, for bad bytes, the offset.

use std::path::{Path, PathBuf};

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
            let mut entries: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
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
    use std::collections::BTreeMap;
    let known: std::collections::HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut sets: BTreeMap<PathBuf, Vec<(String, PathBuf)>> = BTreeMap::new();
    for file in files {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // Suffix layout: `stem.LANG.md`.
        let parts: Vec<&str> = name.rsplitn(3, '.').collect();
        if parts.len() == 3 && is_lang_code(parts[1]) {
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
            if k + 1 == comps.len() || !is_lang_code(lang) || lang == source_lang {
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
