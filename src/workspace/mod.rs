//! The façade between the front ends and the pure core: finds and reads pages.
//!
//! The only layer that touches the file system for content. Errors name the
//! file and, for bad bytes, the offset.

use std::path::{Path, PathBuf};

pub mod base;
mod cache;
pub mod discover;
pub mod exchange;
mod findings;
mod moved;
mod prefs;
pub mod project;
mod staleness;
pub mod web;
pub mod write;

pub use discover::{Orphan, Scan, SkipReason, Skipped};
pub use findings::{Reported, report};
pub use project::{Project, ProjectError, same_tag};
pub use staleness::{
    PageReport, StaleDoc, StaleError, StaleNote, align_pages, moved_page, row_fingerprint,
    scan_notes, staleness, staleness_each, staleness_in_order,
};

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
    /// A directory, FIFO, socket or device where a page was expected: never opened.
    #[error("{} is not a regular file", path.display())]
    Special { path: PathBuf },
    /// The page is larger than `max-page-bytes`: never read.
    #[error("{} is {size} bytes, more than the limit of {limit} (max-page-bytes in trame.toml)", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

/// Reads and segments one page.
pub fn load_page(path: &Path, config: &segment::Config) -> Result<Page, LoadError> {
    let text = read_page_text(path, config)?;
    let (document, diagnostics) = segment::parse_with(&text, config);
    Ok(Page {
        path: path.to_owned(),
        text,
        document,
        diagnostics,
    })
}

/// Whether a page can be read (as [`load_page`] would), without
/// segmenting it.
pub(crate) fn check_page(path: &Path, config: &segment::Config) -> Result<(), LoadError> {
    read_page_text(path, config).map(|_| ())
}

/// Reads a page's text: a regular file, within the size limit, in UTF-8.
fn read_page_text(path: &Path, config: &segment::Config) -> Result<String, LoadError> {
    // A FIFO would block the read forever, a device never end it; a huge
    // file would take memory without bound.
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return Err(LoadError::Special {
                path: path.to_owned(),
            });
        }
        Ok(m) if m.len() > config.max_page_bytes => {
            return Err(LoadError::TooLarge {
                path: path.to_owned(),
                size: m.len(),
                limit: config.max_page_bytes,
            });
        }
        _ => {}
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    // `segment::decode`, without copying the bytes.
    String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Expands files and folders into the Markdown files they name, sorted
/// within each folder. What cannot be a page (a missing path, a FIFO, a
/// folder named like a page, a folder with no Markdown) is reported beside
/// the files, never opened, and the others are still listed.
pub fn markdown_files(paths: &[PathBuf], root: Option<&Path>) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let reason = match std::fs::metadata(path) {
            Err(e) => Some(SkipReason::Unreadable {
                message: e.to_string(),
            }),
            Ok(m) if m.is_file() => {
                out.push(
                    path.strip_prefix(".")
                        .map(Path::to_owned)
                        .unwrap_or(path.clone()),
                );
                None
            }
            Ok(m) if m.is_dir() => {
                let mut found = discover::Listing::default();
                discover::list_dir(path, true, root, &mut found);
                skipped.append(&mut found.skipped);
                let none = found.files.is_empty();
                out.extend(
                    found
                        .files
                        .into_iter()
                        .map(|p| p.strip_prefix(".").map(Path::to_owned).unwrap_or(p)),
                );
                none.then_some(SkipReason::NoMarkdown)
            }
            Ok(_) => Some(SkipReason::Special),
        };
        if let Some(reason) = reason {
            skipped.push(Skipped {
                path: path.clone(),
                reason,
            });
        }
    }
    (out, skipped)
}

/// A source page and its translations, found from the Hugo layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSet {
    /// The source-language page.
    pub source: PathBuf,
    /// Translations by language code, sorted by language.
    pub translations: Vec<(String, PathBuf)>,
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

/// Refuses a `path` that resolves (links followed, `..` taken off) outside
/// `root`; with no root, nothing is refused.
pub fn confine_to(root: Option<&Path>, path: &Path) -> Result<(), SaveError> {
    match root {
        Some(root) if !project::resolve(path).starts_with(root) => Err(SaveError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{} is outside the repository: refused", path.display()),
            ),
        }),
        _ => Ok(()),
    }
}

/// Waits until every save made so far is on disk, its rename included (the
/// directory syncs run in the background, see `fs::settle`); the command
/// line calls it before the process exits.
pub fn settle_writes() {
    crate::fs::settle();
}

/// Saves `new_text` to `path`, which was read as `original`: refused when the
/// file on disk is no longer `original` (someone else changed it), so nothing
/// is lost; otherwise written atomically. A deleted file counts as changed.
///
/// A symbolic link at `path` is refused; see [`save_file_in`].
pub fn save_file(path: &Path, original: &[u8], new_text: &str) -> Result<(), SaveError> {
    save_file_in(None, path, original, new_text)
}

/// [`save_file`], confined to `root`: a `path` that resolves outside it is
/// refused, and a symbolic link is written through only when it leads to a
/// file inside it.
pub fn save_file_in(
    root: Option<&Path>,
    path: &Path,
    original: &[u8],
    new_text: &str,
) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    confine_to(root, path)?;
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
    crate::fs::write_atomic_in(root, path, new_text.as_bytes()).map_err(io)
}

/// Returns the language of `target` as a translation of `source`, from the
/// Hugo layout: `x.fr.md` beside `x.md`, or `fr/x.md` beside `en/x.md`.
pub fn translation_lang(source: &Path, target: &Path) -> Option<String> {
    let (s_name, t_name) = (source.file_name()?.to_str()?, target.file_name()?.to_str()?);
    let parts: Vec<&str> = t_name.rsplitn(3, '.').collect();
    // The source may carry its own language too (`x.en.md`).
    let s_parts: Vec<&str> = s_name.rsplitn(3, '.').collect();
    let s_plain = match s_parts[..] {
        [ext, tag, stem] if crate::config::parse_tag(tag).is_some() => format!("{stem}.{ext}"),
        _ => s_name.to_owned(),
    };
    if let [ext, lang, stem] = parts[..]
        && crate::config::parse_tag(lang).is_some()
        && (s_name == format!("{stem}.{ext}") || s_plain == format!("{stem}.{ext}"))
        && s_name != t_name
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
        [Some(lang)] if crate::config::parse_tag(lang).is_some() => Some(lang.to_owned()),
        _ => None,
    }
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
        // A source page that carries its own language (`x.en.md`).
        assert_eq!(lang("c/a.en.md", "c/a.fr.md").as_deref(), Some("fr"));
        assert_eq!(lang("c/a.en.md", "c/a.en.md"), None);
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
