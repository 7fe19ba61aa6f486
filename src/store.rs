//! Review records: which translations a translator confirmed as correct.
//!
//! The file `.trame-reviews` sits in the content directory, is committed with
//! the content, and is meant to be merged by git: one record per line,
//! tab-separated, sorted, keyed by fingerprints (not line numbers), with a
//! version header. Rendering is deterministic and a file is never rewritten
//! when its records did not change.
//!
//! The same file holds *dismissals*: a consistency finding of `trame check`
//! a translator judged wrong, silenced for one aligned row until its English
//! or its translation changes (both fingerprints are in the record). A file
//! without dismissals is written in format 1, exactly as before; one with
//! dismissals says format 2, so an older trame refuses it instead of reading
//! a dismissal as a review. Both formats load here.
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

/// The header of a file with dismissals.
const HEADER_2: &str = "# trame review records, format 2. One record per line:\n# page\tlang\ttranslation fingerprint\tsource fingerprint\tcommit\n# page\tlang\ttranslation fingerprint\tsource fingerprint\tdismiss\trule\n";

const VERSION_PREFIX: &str = "# trame review records, format ";

/// The fifth field of a dismissal record, where a review has its commit.
const DISMISS: &str = "dismiss";

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

/// One dismissal: findings of `rule` are wrong for the aligned row whose
/// translation has fingerprint `target` and whose English has fingerprint
/// `source`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dismissal {
    /// The source page's file name, relative to the records file.
    pub page: String,
    /// The translation's language.
    pub lang: String,
    /// Fingerprint of the row's translation text.
    pub target: Fingerprint,
    /// Fingerprint of the row's English text.
    pub source: Fingerprint,
    /// The rule's machine name (`number`, `url`, ...), kept as written so a
    /// rule this trame does not know survives a rewrite.
    pub rule: String,
}

/// Everything a `.trame-reviews` file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewFile {
    /// The reviews.
    pub reviews: Vec<Review>,
    /// The dismissals.
    pub dismissals: Vec<Dismissal>,
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

/// Parses the records in `text`, read from `path` (for error messages):
/// format 1 (reviews) or 2 (reviews and dismissals).
pub fn parse(path: &Path, text: &str) -> Result<ReviewFile, StoreError> {
    let mut out = ReviewFile::default();
    for (line, fields) in record_lines(path, text, VERSION_PREFIX, 2)? {
        let bad = |message: &str| parse_error(path, line, message);
        let fp = |s: &str| {
            u64::from_str_radix(s, 16)
                .map(Fingerprint)
                .map_err(|_| bad("a fingerprint is not 16 hex digits"))
        };
        match fields[..] {
            [page, lang, target, source, DISMISS, rule] => out.dismissals.push(Dismissal {
                page: page.to_owned(),
                lang: lang.to_owned(),
                target: fp(target)?,
                source: fp(source)?,
                rule: rule.to_owned(),
            }),
            [page, lang, target, source, commit] => out.reviews.push(Review {
                page: page.to_owned(),
                lang: lang.to_owned(),
                target: fp(target)?,
                source: fp(source)?,
                commit: commit.to_owned(),
            }),
            _ => {
                return Err(bad(
                    "expected five tab-separated fields (six for a dismissal)",
                ));
            }
        }
    }
    Ok(out)
}

/// Returns the records of a records file as (line number, tab-separated
/// fields), after checking the format version on the header line (the one
/// starting with `version_prefix`: 1 up to `newest`); comments and blank
/// lines are skipped.
pub(crate) fn record_lines<'t>(
    path: &Path,
    text: &'t str,
    version_prefix: &str,
    newest: u32,
) -> Result<Vec<(usize, Vec<&'t str>)>, StoreError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(version_prefix) {
            let version = rest.split('.').next().unwrap_or("").trim();
            if !version
                .parse::<u32>()
                .is_ok_and(|v| (1..=newest).contains(&v))
            {
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

/// Renders records: the header, then one sorted, deduplicated line each,
/// reviews first. Without dismissals, the file is format 1, as written
/// before dismissals existed.
pub fn render(records: &ReviewFile) -> String {
    let mut reviews = records.reviews.clone();
    reviews.sort();
    reviews.dedup();
    let mut dismissals = records.dismissals.clone();
    dismissals.sort();
    dismissals.dedup();
    let mut out = String::from(if dismissals.is_empty() {
        HEADER
    } else {
        HEADER_2
    });
    for r in reviews {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            r.page, r.lang, r.target, r.source, r.commit
        ));
    }
    for d in dismissals {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{DISMISS}\t{}\n",
            d.page, d.lang, d.target, d.source, d.rule
        ));
    }
    out
}

/// Loads the records of a directory (none when the file does not exist).
pub fn load(dir: &Path) -> Result<ReviewFile, StoreError> {
    let path = dir.join(FILE_NAME);
    read_file(&path)?.map_or(Ok(ReviewFile::default()), |text| parse(&path, &text))
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
    change(dir, |file| {
        file.reviews.retain(|r| {
            !new.iter()
                .any(|n| n.page == r.page && n.lang == r.lang && n.target == r.target)
        });
        file.reviews.extend(new.iter().cloned());
    })
}

/// Adds dismissals to a directory's file, replacing older dismissals of the
/// same rule on the same page, language and translation (made against other
/// English); returns false when nothing changed (the file is then not
/// touched).
pub fn add_dismissals(dir: &Path, new: &[Dismissal]) -> Result<bool, StoreError> {
    change(dir, |file| {
        file.dismissals.retain(|d| {
            !new.iter().any(|n| {
                n.page == d.page && n.lang == d.lang && n.target == d.target && n.rule == d.rule
            })
        });
        file.dismissals.extend(new.iter().cloned());
    })
}

/// Reads a directory's file, changes its records and writes it back unless
/// its text is the same.
fn change(dir: &Path, edit: impl FnOnce(&mut ReviewFile)) -> Result<bool, StoreError> {
    let path = dir.join(FILE_NAME);
    let old_text = read_file(&path)?;
    let mut file = match &old_text {
        Some(text) => parse(&path, text)?,
        None => ReviewFile::default(),
    };
    edit(&mut file);
    replace_file(&path, old_text.as_deref(), &render(&file))
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
        let text = render(&ReviewFile {
            reviews: vec![r("b.md", 2), r("a.md", 1), r("b.md", 2)],
            dismissals: Vec::new(),
        });
        assert_eq!(
            text.lines().skip(2).collect::<Vec<_>>(),
            [
                "a.md\tfr\t0000000000000001\t0000000000000007\tabc",
                "b.md\tfr\t0000000000000002\t0000000000000007\tabc"
            ]
        );
        assert_eq!(
            parse(Path::new("x"), &text).unwrap().reviews,
            vec![r("a.md", 1), r("b.md", 2)]
        );
    }

    /// A file written before dismissals existed loads as it is, and is
    /// written back byte for byte while it has none.
    #[test]
    fn a_format_1_file_loads_and_stays_format_1() {
        let old: &[u8] = b"# trame review records, format 1. One record per line:\n\
# page\tlang\ttranslation fingerprint\tsource fingerprint\tcommit\n\
a.md\tfr\t0000000000000001\t0000000000000007\tabc\n";
        let text = std::str::from_utf8(old).unwrap();
        let file = parse(Path::new("x"), text).unwrap();
        assert_eq!(file.reviews.len(), 1);
        assert!(file.dismissals.is_empty());
        assert_eq!(render(&file).as_bytes(), old);
    }

    #[test]
    fn dismissals_make_format_2_and_parse_back_beside_reviews() {
        let file = ReviewFile {
            reviews: vec![Review {
                page: "a.md".into(),
                lang: "fr".into(),
                target: Fingerprint(1),
                source: Fingerprint(7),
                commit: "abc".into(),
            }],
            dismissals: vec![Dismissal {
                page: "a.md".into(),
                lang: "fr".into(),
                target: Fingerprint(2),
                source: Fingerprint(8),
                rule: "number".into(),
            }],
        };
        let text = render(&file);
        assert!(
            text.starts_with("# trame review records, format 2."),
            "{text}"
        );
        assert!(
            text.ends_with("a.md\tfr\t0000000000000002\t0000000000000008\tdismiss\tnumber\n"),
            "{text}"
        );
        assert_eq!(parse(Path::new("x"), &text).unwrap(), file);
        // A format newer than 2 is refused, as before.
        let newer = "# trame review records, format 3. One record per line:\n";
        assert!(matches!(
            parse(Path::new("x"), newer),
            Err(StoreError::Version { .. })
        ));
    }

    #[test]
    fn reviews_and_dismissals_are_added_without_losing_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let review = Review {
            page: "a.md".into(),
            lang: "it".into(),
            target: Fingerprint(1),
            source: Fingerprint(2),
            commit: "c".into(),
        };
        let dismissal = |source: u64, rule: &str| Dismissal {
            page: "a.md".into(),
            lang: "it".into(),
            target: Fingerprint(3),
            source: Fingerprint(source),
            rule: rule.into(),
        };
        assert!(add(dir.path(), std::slice::from_ref(&review)).unwrap());
        assert!(add_dismissals(dir.path(), &[dismissal(4, "number")]).unwrap());
        assert!(!add_dismissals(dir.path(), &[dismissal(4, "number")]).unwrap());
        assert!(!add(dir.path(), std::slice::from_ref(&review)).unwrap());
        // The same translation and rule against newer English replaces the
        // old dismissal; another rule is kept beside it.
        assert!(
            add_dismissals(dir.path(), &[dismissal(5, "number"), dismissal(5, "url")]).unwrap()
        );
        let file = load(dir.path()).unwrap();
        assert_eq!(file.reviews, [review]);
        assert_eq!(
            file.dismissals,
            [dismissal(5, "number"), dismissal(5, "url")]
        );
    }

    #[test]
    fn newer_format_and_bad_lines_are_errors() {
        let newer = "# trame review records, format 3. One record per line:\n";
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
