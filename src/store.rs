//! Review records: which translations a translator confirmed as correct.
//!
//! The file `.trame-reviews` sits in the content directory, is committed with
//! the content, and is meant to be merged by git: one record per line,
//! tab-separated, sorted, keyed by fingerprints (not line numbers), with a
//! version header. Rendering is deterministic and a file is never rewritten
//! when its records did not change.
//!
//! Alignment corrections (`.trame-align`) follow the same rules, in
//! [`corrections`].

use std::path::{Path, PathBuf};

pub mod corrections;

use crate::segment::Fingerprint;

/// The file name of the review records, in each content directory.
pub const FILE_NAME: &str = ".trame-reviews";

/// The commit of a review made against English that is not committed.
pub const WORK_TREE: &str = "worktree";

const HEADER: &str = "# trame review records, format 1. One record per line:\n# page\tlang\ttranslation fingerprint\tsource fingerprint\tcommit\n";

/// One review: the translation with fingerprint `target` is correct for the
/// English with fingerprint `source`, as of `commit`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    /// The source page's file name, relative to the records file.
    pub page: String,
    /// The translation's language.
    pub lang: String,
    /// Fingerprint of the reviewed translation text.
    pub target: Fingerprint,
    /// Fingerprint of the English it was reviewed against.
    pub source: Fingerprint,
    /// The commit the English comes from (`worktree` for uncommitted English).
    pub commit: String,
}

/// Why a records file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read or written.
    #[error("cannot access {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// The file was written by a newer trame.
    #[error("{}: format {version} is newer than this trame understands", path.display())]
    Version { path: PathBuf, version: String },
}

/// Parses the records in `text`, read from `path` (for error messages).
pub fn parse(path: &Path, text: &str) -> Result<Vec<Review>, StoreError> {
    let mut out = Vec::new();
    for (line, fields) in record_lines(path, text, "# trame review records, format ")? {
        let bad = |message: &str| parse_error(path, line, message);
        let [page, lang, target, source, commit] = fields[..] else {
            return Err(bad("expected five tab-separated fields"));
        };
        let fp = |s: &str| {
            u64::from_str_radix(s, 16)
                .map(Fingerprint)
                .map_err(|_| bad("a fingerprint is not 16 hex digits"))
        };
        out.push(Review {
            page: page.to_owned(),
            lang: lang.to_owned(),
            target: fp(target)?,
            source: fp(source)?,
            commit: commit.to_owned(),
        });
    }
    Ok(out)
}

/// Returns the records of a records file as (line number, tab-separated
/// fields), after checking the format version on the header line (the one
/// starting with `version_prefix`); comments and blank lines are skipped.
pub(crate) fn record_lines<'t>(
    path: &Path,
    text: &'t str,
    version_prefix: &str,
) -> Result<Vec<(usize, Vec<&'t str>)>, StoreError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(version_prefix) {
            let version = rest.split('.').next().unwrap_or("").trim();
            if version != "1" {
                return Err(StoreError::Version {
                    path: path.to_owned(),
                    version: version.to_owned(),
                });
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        out.push((n + 1, line.split('\t').collect()));
    }
    Ok(out)
}

/// A malformed line of a records file.
pub(crate) fn parse_error(path: &Path, line: usize, message: &str) -> StoreError {
    StoreError::Parse {
        path: path.to_owned(),
        line,
        message: message.to_owned(),
    }
}

/// Renders records: the header, then one sorted, deduplicated line each.
pub fn render(records: &[Review]) -> String {
    let mut sorted = records.to_vec();
    sorted.sort();
    sorted.dedup();
    let mut out = String::from(HEADER);
    for r in sorted {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            r.page, r.lang, r.target, r.source, r.commit
        ));
    }
    out
}

/// Loads the records of a directory (none when the file does not exist).
pub fn load(dir: &Path) -> Result<Vec<Review>, StoreError> {
    let path = dir.join(FILE_NAME);
    read_file(&path)?.map_or(Ok(Vec::new()), |text| parse(&path, &text))
}

/// Reads a records file; `None` when it does not exist.
pub(crate) fn read_file(path: &Path) -> Result<Option<String>, StoreError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Writes a records file atomically unless its text (`old`, as read) is
/// already `new`; returns whether it was written.
pub(crate) fn replace_file(path: &Path, old: Option<&str>, new: &str) -> Result<bool, StoreError> {
    if old == Some(new) {
        return Ok(false);
    }
    crate::fs::write_atomic(path, new.as_bytes()).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(true)
}

/// Adds records to a directory's file, replacing older records of the same
/// page, language and translation; returns false when nothing changed (the
/// file is then not touched).
pub fn add(dir: &Path, new: &[Review]) -> Result<bool, StoreError> {
    let path = dir.join(FILE_NAME);
    let old_text = read_file(&path)?;
    let old = match &old_text {
        Some(text) => parse(&path, text)?,
        None => Vec::new(),
    };
    let mut records: Vec<Review> = old
        .iter()
        .filter(|r| {
            !new.iter()
                .any(|n| n.page == r.page && n.lang == r.lang && n.target == r.target)
        })
        .cloned()
        .collect();
    records.extend(new.iter().cloned());
    replace_file(&path, old_text.as_deref(), &render(&records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_is_sorted_and_parses_back() {
        let r = |page: &str, t: u64| Review {
            page: page.into(),
            lang: "fr".into(),
            target: Fingerprint(t),
            source: Fingerprint(7),
            commit: "abc".into(),
        };
        let text = render(&[r("b.md", 2), r("a.md", 1), r("b.md", 2)]);
        assert_eq!(
            text.lines().skip(2).collect::<Vec<_>>(),
            [
                "a.md\tfr\t0000000000000001\t0000000000000007\tabc",
                "b.md\tfr\t0000000000000002\t0000000000000007\tabc"
            ]
        );
        assert_eq!(
            parse(Path::new("x"), &text).unwrap(),
            vec![r("a.md", 1), r("b.md", 2)]
        );
    }

    #[test]
    fn newer_format_and_bad_lines_are_errors() {
        let newer = "# trame review records, format 2. One record per line:\n";
        assert!(matches!(
            parse(Path::new("x"), newer),
            Err(StoreError::Version { .. })
        ));
        let bad = "a.md\tfr\tnothex\t0000000000000007\tabc\n";
        assert!(matches!(
            parse(Path::new("x"), bad),
            Err(StoreError::Parse { line: 1, .. })
        ));
    }

    #[test]
    fn adding_the_same_record_twice_does_not_rewrite() {
        let dir = tempfile::tempdir().unwrap();
        let rec = Review {
            page: "a.md".into(),
            lang: "it".into(),
            target: Fingerprint(1),
            source: Fingerprint(2),
            commit: "c".into(),
        };
        assert!(add(dir.path(), std::slice::from_ref(&rec)).unwrap());
        assert!(!add(dir.path(), &[rec]).unwrap());
    }
}
