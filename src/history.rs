//! The git adapter: file versions, commits and line origins, as plain data.
//!
//! The only module that uses git2. All history is read in one walk over the
//! commits reachable from HEAD (first parents), whatever the number of files,
//! so the cost grows with the history, not with history times files.
//! Renames are followed by libgit2's similarity detection on the commits
//! that add and delete files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A commit, newest first in [`History::commits`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    /// Full hexadecimal id.
    pub id: String,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// Author name.
    pub author: String,
    /// First line of the message.
    pub summary: String,
}

/// An opaque reference to a file's content in the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlobId(git2::Oid);

/// One version of a file: the commit that produced it and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Index into [`History::commits`].
    pub commit: usize,
    /// The file's path (relative to the work tree) at that commit.
    pub path: PathBuf,
    /// The content after the commit.
    pub blob: BlobId,
}

/// What one walk over the history found for a set of files.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Commits reachable from HEAD by first parents, newest first.
    pub commits: Vec<CommitInfo>,
    /// For each requested path (its current name), its versions, newest first.
    pub versions: HashMap<PathBuf, Vec<Version>>,
}

impl History {
    /// Returns the version of `path` current at commit index `commit` (the
    /// newest version at or before it), if the file existed then.
    pub fn version_at(&self, path: &Path, commit: usize) -> Option<&Version> {
        self.versions.get(path)?.iter().find(|v| v.commit >= commit)
    }
}

/// Why history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// No repository holds this path.
    #[error("{} is not in a git repository", path.display())]
    NotARepository { path: PathBuf },
    /// The repository has no work tree.
    #[error("the repository at {} has no work tree", path.display())]
    Bare { path: PathBuf },
    /// libgit2 failed.
    #[error("git: {context}")]
    Git {
        context: String,
        #[source]
        source: git2::Error,
    },
}

fn git(context: &str) -> impl FnOnce(git2::Error) -> HistoryError + '_ {
    move |source| HistoryError::Git {
        context: context.to_owned(),
        source,
    }
}

/// An open repository.
pub struct Repo {
    inner: git2::Repository,
    workdir: PathBuf,
}

impl std::fmt::Debug for Repo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Repo")
            .field("workdir", &self.workdir)
            .finish()
    }
}

impl Repo {
    /// Opens the repository holding `path`.
    pub fn open(path: &Path) -> Result<Repo, HistoryError> {
        let inner = git2::Repository::discover(path).map_err(|_| HistoryError::NotARepository {
            path: path.to_owned(),
        })?;
        let workdir = inner.workdir().ok_or_else(|| HistoryError::Bare {
            path: path.to_owned(),
        })?;
        let workdir = workdir
            .canonicalize()
            .unwrap_or_else(|_| workdir.to_owned());
        Ok(Repo { inner, workdir })
    }

    /// Returns the root of the work tree (canonical).
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Returns true for a shallow clone, whose oldest history is missing.
    pub fn is_shallow(&self) -> bool {
        self.inner.is_shallow()
    }

    /// Returns the text of a blob (lossy for bytes that are not UTF-8).
    pub fn text(&self, blob: BlobId) -> Result<String, HistoryError> {
        let blob = self
            .inner
            .find_blob(blob.0)
            .map_err(git("cannot read a file version"))?;
        Ok(String::from_utf8_lossy(blob.content()).into_owned())
    }

    /// Reads the history of `paths` (relative to the work tree) in one walk.
    ///
    /// An empty repository (no commit yet) has an empty history.
    pub fn history(&self, paths: &[PathBuf]) -> Result<History, HistoryError> {
        let mut out = History::default();
        let head = match self.inner.head() {
            Ok(h) => h,
            Err(_) => return Ok(out),
        };
        let Some(head) = head.target() else {
            return Ok(out);
        };
        // Maps a path as named at the commit being visited to its current name.
        let mut current_name: HashMap<PathBuf, PathBuf> =
            paths.iter().map(|p| (p.clone(), p.clone())).collect();
        let mut walk = self
            .inner
            .revwalk()
            .map_err(git("cannot walk the history"))?;
        walk.push(head).map_err(git("cannot walk the history"))?;
        walk.simplify_first_parent()
            .map_err(git("cannot walk the history"))?;
        let mut diff_opts = git2::DiffOptions::new();
        diff_opts.skip_binary_check(true);
        for oid in walk {
            let oid = oid.map_err(git("cannot walk the history"))?;
            let commit = self
                .inner
                .find_commit(oid)
                .map_err(git("cannot read a commit"))?;
            let index = out.commits.len();
            out.commits.push(CommitInfo {
                id: oid.to_string(),
                time: commit.time().seconds(),
                author: commit.author().name().unwrap_or("").to_owned(),
                summary: commit.summary().ok().flatten().unwrap_or("").to_owned(),
            });
            let tree = commit.tree().map_err(git("cannot read a commit"))?;
            let parent_tree = match commit.parent(0) {
                Ok(p) => Some(p.tree().map_err(git("cannot read a commit"))?),
                Err(_) => None,
            };
            let mut diff = self
                .inner
                .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut diff_opts))
                .map_err(git("cannot compare commits"))?;
            let has_add = diff.deltas().any(|d| d.status() == git2::Delta::Added);
            let has_delete = diff.deltas().any(|d| d.status() == git2::Delta::Deleted);
            if has_add && has_delete {
                let mut find = git2::DiffFindOptions::new();
                find.renames(true);
                diff.find_similar(Some(&mut find))
                    .map_err(git("cannot follow renames"))?;
            }
            for delta in diff.deltas() {
                let Some(new_path) = delta.new_file().path() else {
                    continue;
                };
                let Some(current) = current_name.get(new_path).cloned() else {
                    continue;
                };
                let version = Version {
                    commit: index,
                    path: new_path.to_owned(),
                    blob: BlobId(delta.new_file().id()),
                };
                match delta.status() {
                    git2::Delta::Deleted => continue,
                    git2::Delta::Added => {
                        current_name.remove(new_path);
                    }
                    git2::Delta::Renamed => {
                        current_name.remove(new_path);
                        if let Some(old) = delta.old_file().path() {
                            current_name.insert(old.to_owned(), current.clone());
                        }
                    }
                    _ => {}
                }
                out.versions.entry(current).or_default().push(version);
            }
        }
        Ok(out)
    }

    /// Returns the path of `file` relative to the work tree, if it is inside.
    pub fn relative(&self, file: &Path) -> Option<PathBuf> {
        let abs = file.canonicalize().ok()?;
        abs.strip_prefix(&self.workdir).ok().map(Path::to_owned)
    }
}

/// The origin of a line: a version's index (into the list given to
/// [`line_origins`]) .
pub type Origin = usize;

/// Returns, for each line of the newest text, the index of the version that
/// last changed it ("blame"), given the versions oldest first.
///
/// Lines are compared as wholes with a line diff between consecutive
/// versions, so it is exact for the line-based edits translators make.
pub fn line_origins(versions: &[&str]) -> Vec<Origin> {
    let mut origins: Vec<Origin> = Vec::new();
    let mut prev: Option<&str> = None;
    for (k, text) in versions.iter().enumerate() {
        origins = match prev {
            None => vec![k; text.lines().count()],
            Some(old) => {
                let diff = similar::TextDiff::configure()
                    .algorithm(similar::Algorithm::Myers)
                    .diff_lines(old, *text);
                let mut next = Vec::with_capacity(text.lines().count());
                for op in diff.ops() {
                    match *op {
                        similar::DiffOp::Equal { old_index, len, .. } => {
                            next.extend(
                                (0..len).map(|i| origins.get(old_index + i).copied().unwrap_or(k)),
                            );
                        }
                        similar::DiffOp::Insert { new_len, .. }
                        | similar::DiffOp::Replace { new_len, .. } => {
                            next.extend(std::iter::repeat_n(k, new_len));
                        }
                        similar::DiffOp::Delete { .. } => {}
                    }
                }
                next
            }
        };
        prev = Some(text);
    }
    origins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_origins_follow_edits() {
        let v0 = "a\nb\nc\n";
        let v1 = "a\nB\nc\n";
        let v2 = "a\nB\nc\nd\n";
        assert_eq!(line_origins(&[v0, v1, v2]), vec![0, 1, 0, 2]);
        assert_eq!(line_origins(&[v0]), vec![0, 0, 0]);
        assert!(line_origins(&[]).is_empty());
    }
}
