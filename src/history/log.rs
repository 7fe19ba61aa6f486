//! The history log: what one walk over the commits learned, kept between runs.
//!
//! A [`Log`] holds the first-parent chain from a head commit (newest first)
//! and, for each directory walked so far, what every commit of a prefix of
//! that chain changed in it: the files whose blob differs from the commit's
//! first parent. Every fact in it is a fact about immutable git objects, so
//! the log never goes stale: a new head only adds commits in front of it
//! (or, after a rewrite, the log is rebuilt). Reading the log replaces
//! reading one directory tree per commit, which is what a walk costs.
//!
//! This module is pure: the text format and the comparison of listings.
//! The format is line-based, versioned and ends with an `end` line; any
//! line it does not understand makes the whole log unreadable, and the caller then walks the history
//! again. Names containing a line break are not logged (see
//! [`Log::loggable`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use git2::Oid;

/// The first line of a log file.
const HEADER: &str = "trame history log, format 3";

/// One commit of the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Link {
    /// The commit.
    pub(super) id: Oid,
    /// Committer time, seconds since the epoch.
    pub(super) time: i64,
}

/// A file that one commit changed in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change {
    /// Index of the commit in [`Log::chain`].
    pub(super) commit: usize,
    /// The file name inside the directory.
    pub(super) name: String,
    /// The blob in the commit's first parent (`None`: absent there).
    pub(super) old: Option<Oid>,
    /// The blob in the commit (`None`: deleted by it).
    pub(super) new: Option<Oid>,
}

/// What the commits `0..covered` of the chain changed in one directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DirLog {
    /// How many commits of the chain, from the newest, are known.
    pub(super) covered: usize,
    /// Changes ordered by commit index, then name.
    pub(super) changes: Vec<Change>,
}

/// The chain from a head commit and the per-directory changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Log {
    /// The first-parent chain, newest first; never empty.
    pub(super) chain: Vec<Link>,
    /// True when the last commit of the chain has no parent.
    pub(super) complete: bool,
    /// Directories (relative to the work tree, `""` for the root).
    pub(super) dirs: BTreeMap<PathBuf, DirLog>,
    /// Every rename (old path, new path) of the commits whose renames were
    /// looked for: rename detection runs once per commit, ever.
    pub(super) renames: BTreeMap<Oid, Vec<(PathBuf, PathBuf)>>,
}

impl Log {
    /// A log that knows only its head commit.
    pub(super) fn new(head: Link) -> Log {
        Log {
            chain: vec![head],
            complete: false,
            dirs: BTreeMap::new(),
            renames: BTreeMap::new(),
        }
    }

    /// Returns the head commit.
    pub(super) fn head(&self) -> Oid {
        self.chain[0].id
    }

    /// A summary of what the log knows: the log only grows (a longer chain,
    /// more of a directory's commits, more renames looked for), so a log
    /// with the summary it was read with has nothing new to write.
    pub(super) fn shape(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (
            self.chain.len(),
            self.head(),
            self.complete,
            self.renames.len(),
        )
            .hash(&mut h);
        for (dir, d) in &self.dirs {
            (dir, d.covered, d.changes.len()).hash(&mut h);
        }
        h.finish()
    }

    /// Returns true when every name and directory can be written on a line.
    pub(super) fn loggable(&self) -> bool {
        let ok = |s: &str| !s.contains(['\n', '\r']);
        let path_ok = |p: &PathBuf| p.to_str().is_some_and(|s| ok(s) && !s.contains('\t'));
        self.dirs
            .iter()
            .all(|(dir, d)| dir.to_str().is_some_and(ok) && d.changes.iter().all(|c| ok(&c.name)))
            && self
                .renames
                .values()
                .flatten()
                .all(|(a, b)| path_ok(a) && path_ok(b))
    }

    /// Puts `links` in front of the chain, the newest first, whose last
    /// link's parent is `self.chain[keep]`: the commits before `keep` are
    /// replaced. `fresh[d]` are the changes of the new links in the
    /// directory `d` (commit indices counted in `links`); a directory not
    /// in `fresh` is forgotten.
    pub(super) fn prepend(
        &mut self,
        links: Vec<Link>,
        keep: usize,
        mut fresh: BTreeMap<PathBuf, Vec<Change>>,
    ) {
        let shift = links.len();
        let dirs = std::mem::take(&mut self.dirs);
        for (dir, old) in dirs {
            let Some(mut changes) = fresh.remove(&dir) else {
                continue;
            };
            let covered = if old.covered > keep {
                changes.extend(old.changes.into_iter().filter(|c| c.commit >= keep).map(
                    |mut c| {
                        c.commit = c.commit - keep + shift;
                        c
                    },
                ));
                old.covered - keep + shift
            } else {
                shift
            };
            self.dirs.insert(dir, DirLog { covered, changes });
        }
        let mut chain = links;
        chain.extend_from_slice(&self.chain[keep..]);
        self.chain = chain;
    }
}

/// Renders a log as text.
pub(super) fn render(log: &Log) -> String {
    let hex = |o: Option<Oid>| o.map_or_else(|| "-".to_owned(), |o| o.to_string());
    let mut out = String::with_capacity(64 * log.chain.len());
    out.push_str(HEADER);
    out.push('\n');
    let _ = writeln!(out, "complete {}", u8::from(log.complete));
    for link in &log.chain {
        let _ = writeln!(out, "c {} {}", link.id, link.time);
    }
    for (dir, d) in &log.dirs {
        // A folder whose log a folder above it holds in full is cut from
        // that one when asked for again: not stored twice.
        let derived = dir.ancestors().skip(1).any(|a| {
            log.dirs
                .get(a)
                .is_some_and(|above| above.covered >= d.covered)
        });
        if derived {
            continue;
        }
        let name = match dir.to_str() {
            Some("") | None => ".",
            Some(s) => s,
        };
        let _ = writeln!(out, "d {} {}", d.covered, name);
        for c in &d.changes {
            let _ = writeln!(out, "{} {} {} {}", c.commit, hex(c.old), hex(c.new), c.name);
        }
    }
    // Renames of commits no longer in the chain (a rewritten history) go.
    let in_chain: std::collections::HashSet<Oid, super::OidHash> = if log.renames.is_empty() {
        std::collections::HashSet::default()
    } else {
        log.chain.iter().map(|l| l.id).collect()
    };
    for (id, renames) in log.renames.iter().filter(|(id, _)| in_chain.contains(id)) {
        let _ = writeln!(out, "r {id}");
        for (old, new) in renames {
            let _ = writeln!(out, "m {}\t{}", old.display(), new.display());
        }
    }
    out.push_str("end\n");
    out
}

/// Parses a log rendered by [`render`]; `None` for anything else.
pub(super) fn parse(text: &str) -> Option<Log> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let complete = match lines.next()? {
        "complete 0" => false,
        "complete 1" => true,
        _ => return None,
    };
    let oid = |s: &str| Oid::from_str(s).ok().filter(|_| s.len() == 40);
    let opt_oid = |s: &str| {
        if s == "-" {
            Some(None)
        } else {
            oid(s).map(Some)
        }
    };
    let mut chain = Vec::new();
    let mut dirs: BTreeMap<PathBuf, DirLog> = BTreeMap::new();
    let mut renames: BTreeMap<Oid, Vec<(PathBuf, PathBuf)>> = BTreeMap::new();
    let mut current: Option<PathBuf> = None;
    let mut renames_of: Option<Oid> = None;
    let mut ended = false;
    for line in lines {
        if ended {
            return None;
        }
        if line == "end" {
            ended = true;
        } else if let Some(rest) = line.strip_prefix("c ") {
            if current.is_some() {
                return None;
            }
            let (id, time) = rest.split_once(' ')?;
            chain.push(Link {
                id: oid(id)?,
                time: time.parse().ok()?,
            });
        } else if let Some(id) = line.strip_prefix("r ") {
            let id = oid(id)?;
            if renames.insert(id, Vec::new()).is_some() {
                return None;
            }
            renames_of = Some(id);
        } else if let Some(rest) = line.strip_prefix("m ") {
            let (old, new) = rest.split_once('\t')?;
            let id = renames_of?;
            renames
                .get_mut(&id)?
                .push((PathBuf::from(old), PathBuf::from(new)));
        } else if let Some(rest) = line.strip_prefix("d ") {
            let (covered, name) = rest.split_once(' ')?;
            let dir = if name == "." {
                PathBuf::new()
            } else {
                PathBuf::from(name)
            };
            let covered: usize = covered.parse().ok()?;
            if dirs.contains_key(&dir) || covered > chain.len() {
                return None;
            }
            dirs.insert(
                dir.clone(),
                DirLog {
                    covered,
                    changes: Vec::new(),
                },
            );
            current = Some(dir);
        } else {
            let dir = dirs.get_mut(current.as_ref()?)?;
            let mut fields = line.splitn(4, ' ');
            let commit: usize = fields.next()?.parse().ok()?;
            let old = opt_oid(fields.next()?)?;
            let new = opt_oid(fields.next()?)?;
            let name = fields.next()?.to_owned();
            let ordered = dir
                .changes
                .last()
                .is_none_or(|p| (p.commit, p.name.as_str()) < (commit, name.as_str()));
            if commit >= dir.covered || !ordered || old == new {
                return None;
            }
            dir.changes.push(Change {
                commit,
                name,
                old,
                new,
            });
        }
    }
    if chain.is_empty() || !ended {
        return None;
    }
    Some(Log {
        chain,
        complete,
        dirs,
        renames,
    })
}

/// Returns the directory and file name of a path relative to the work tree.
pub(super) fn split(path: &Path) -> Option<(PathBuf, String)> {
    let name = path.file_name()?.to_str()?.to_owned();
    let dir = path.parent().map(Path::to_owned).unwrap_or_default();
    Some((dir, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    fn sample() -> Log {
        let mut log = Log::new(Link {
            id: oid(1),
            time: 300,
        });
        log.chain.push(Link {
            id: oid(2),
            time: 200,
        });
        log.complete = true;
        log.dirs.insert(
            PathBuf::from("content/news letter"),
            DirLog {
                covered: 2,
                changes: vec![
                    Change {
                        commit: 0,
                        name: "a b.md".into(),
                        old: Some(oid(3)),
                        new: Some(oid(4)),
                    },
                    Change {
                        commit: 1,
                        name: "a b.md".into(),
                        old: None,
                        new: Some(oid(3)),
                    },
                ],
            },
        );
        log.dirs.insert(PathBuf::new(), DirLog::default());
        log.renames.insert(
            oid(2),
            vec![(
                PathBuf::from("content/old name.md"),
                PathBuf::from("content/news letter/a b.md"),
            )],
        );
        // Looked for, none found: remembered too.
        log.renames.insert(oid(1), Vec::new());
        log
    }

    #[test]
    fn render_parse_round_trip() {
        let log = sample();
        let text = render(&log);
        assert_eq!(parse(&text), Some(log));
        assert!(text.starts_with("trame history log, format 3\ncomplete 1\nc 0101"));
        assert!(text.contains("\nd 0 .\n"));
        assert!(text.contains("\nm content/old name.md\tcontent/news letter/a b.md\n"));
        // Renames of a commit that left the chain are not kept.
        let mut other = sample();
        other.renames.insert(oid(7), Vec::new());
        assert_eq!(render(&other), text);
    }

    #[test]
    fn parse_rejects_damage() {
        let text = render(&sample());
        // Every truncation inside a line, a wrong version and reordering fail.
        assert_eq!(parse(&text.replace("format 3", "format 4")), None);
        assert_eq!(parse(&text.replace(".md\tcontent", ".md content")), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse(&text.replace("d 2 ", "d 9 ")), None);
        let swapped = text.replace("\n0 0303", "\n9 0303");
        assert_eq!(parse(&swapped), None);
        // A log cut anywhere (a write that did not finish) is rejected.
        for cut in (0..text.len() - 1).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(parse(&text[..cut]), None, "cut at {cut}");
        }
        assert_eq!(parse(&format!("{text}c {} 1\n", oid(5))), None);
    }

    #[test]
    fn prepend_shifts_known_changes() {
        let mut log = sample();
        // Two new commits replace the head: the old head's parent is kept.
        let links = vec![
            Link {
                id: oid(8),
                time: 500,
            },
            Link {
                id: oid(9),
                time: 400,
            },
        ];
        let dir = PathBuf::from("content/news letter");
        let fresh = BTreeMap::from([(dir.clone(), Vec::new())]);
        log.prepend(links, 1, fresh);
        assert_eq!(log.chain.len(), 3);
        assert_eq!(log.head(), oid(8));
        let d = &log.dirs[&dir];
        assert_eq!(d.covered, 3);
        assert_eq!(d.changes.len(), 1);
        assert_eq!(d.changes[0].commit, 2);
        assert_eq!(d.changes[0].new, Some(oid(3)));
        // The root directory had no fresh changes: forgotten.
        assert!(!log.dirs.contains_key(Path::new("")));
    }
}
