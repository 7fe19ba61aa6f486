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

    /// Returns the id of the commit HEAD points at, if any.
    pub fn head(&self) -> Option<String> {
        self.inner.head().ok()?.target().map(|oid| oid.to_string())
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
    /// For each commit (newest first) the blob of every tracked path is
    /// looked up in its directory's tree, and a directory whose tree did not
    /// change since the previous commit visited is not read again: the cost is
    /// one tree read per commit and directory, whatever the number of files.
    /// A path missing from a parent commit was added or renamed there; only
    /// then is a full diff with rename detection computed. An empty
    /// repository (no commit yet) has an empty history.
    pub fn history(&self, paths: &[PathBuf]) -> Result<History, HistoryError> {
        // Objects come from our own repository: verifying every object's
        // hash on read costs a third of the walk and protects against nothing.
        git2::opts::strict_hash_verification(false);
        let mut out = History::default();
        let Some(head) = self.inner.head().ok().and_then(|h| h.target()) else {
            return Ok(out);
        };
        // Tracked files by index: their name at the commit being visited,
        // grouped by directory so each directory's tree is read once.
        let mut at: Vec<PathBuf> = paths.to_vec();
        let mut groups = group_by_dir(&at);
        let mut dir_trees: Vec<Option<(git2::Oid, git2::Tree<'_>)>> = vec![None; groups.len()];
        // Blobs of the tracked files at the previously visited (child) commit.
        let mut child: Option<(usize, git2::Oid, Vec<Option<git2::Oid>>)> = None;
        let mut walk = self
            .inner
            .revwalk()
            .map_err(git("cannot walk the history"))?;
        walk.push(head).map_err(git("cannot walk the history"))?;
        walk.simplify_first_parent()
            .map_err(git("cannot walk the history"))?;
        let record =
            |out: &mut History, file: usize, commit: usize, path: &Path, blob: git2::Oid| {
                let version = Version {
                    commit,
                    path: path.to_owned(),
                    blob: BlobId(blob),
                };
                out.versions
                    .entry(paths[file].clone())
                    .or_default()
                    .push(version);
            };
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
            let mut here = self.blobs_at(&tree, &groups, &mut dir_trees, at.len())?;
            if let Some((child_index, child_tree, child_blobs)) = child.take() {
                let child_names = at.clone();
                // Files in the child but not here were added or renamed by the child.
                let appeared: Vec<usize> = (0..at.len())
                    .filter(|&f| child_blobs[f].is_some() && here[f].is_none())
                    .collect();
                if !appeared.is_empty() {
                    let renamed = self.renames(&tree, child_tree, &appeared, &at)?;
                    if !renamed.is_empty() {
                        for (f, old) in renamed {
                            here[f] = self.blob_at(&tree, &old)?;
                            at[f] = old;
                        }
                        groups = group_by_dir(&at);
                        dir_trees = vec![None; groups.len()];
                    }
                }
                for f in 0..at.len() {
                    if let Some(blob) = child_blobs[f]
                        && here[f] != Some(blob)
                    {
                        record(&mut out, f, child_index, &child_names[f], blob);
                    }
                }
            }
            // Before the oldest tracked file existed there is nothing more to learn.
            if here.iter().all(Option::is_none) {
                child = None;
                break;
            }
            child = Some((index, tree.id(), here));
        }
        // What the oldest commit has, it added.
        if let Some((child_index, _, child_blobs)) = child {
            for (f, blob) in child_blobs.into_iter().enumerate() {
                if let Some(blob) = blob {
                    record(&mut out, f, child_index, &at[f], blob);
                }
            }
        }
        Ok(out)
    }

    /// Returns the blob of every tracked file in `tree` (by file index).
    fn blobs_at<'r>(
        &'r self,
        tree: &git2::Tree<'r>,
        groups: &[(PathBuf, Vec<(usize, String)>)],
        dir_trees: &mut [Option<(git2::Oid, git2::Tree<'r>)>],
        n_files: usize,
    ) -> Result<Vec<Option<git2::Oid>>, HistoryError> {
        let mut out = vec![None; n_files];
        for (g, (dir, files)) in groups.iter().enumerate() {
            let dir_oid = if dir.as_os_str().is_empty() {
                Some(tree.id())
            } else {
                tree.get_path(dir)
                    .ok()
                    .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
                    .map(|e| e.id())
            };
            let Some(dir_oid) = dir_oid else { continue };
            if dir_trees[g].as_ref().is_none_or(|(o, _)| *o != dir_oid) {
                dir_trees[g] = Some((
                    dir_oid,
                    self.inner
                        .find_tree(dir_oid)
                        .map_err(git("cannot read a tree"))?,
                ));
            }
            let Some((_, sub)) = &dir_trees[g] else {
                continue;
            };
            for (f, name) in files {
                if let Some(entry) = sub.get_name(name)
                    && entry.kind() == Some(git2::ObjectType::Blob)
                {
                    out[*f] = Some(entry.id());
                }
            }
        }
        Ok(out)
    }

    fn blob_at(
        &self,
        tree: &git2::Tree<'_>,
        path: &Path,
    ) -> Result<Option<git2::Oid>, HistoryError> {
        Ok(tree
            .get_path(path)
            .ok()
            .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
            .map(|e| e.id()))
    }

    /// Finds which of the `appeared` files the child commit renamed, by a
    /// diff with rename detection; returns (file index, name in `parent`).
    fn renames(
        &self,
        parent: &git2::Tree<'_>,
        child_tree: git2::Oid,
        appeared: &[usize],
        names: &[PathBuf],
    ) -> Result<Vec<(usize, PathBuf)>, HistoryError> {
        let child_tree = self
            .inner
            .find_tree(child_tree)
            .map_err(git("cannot read a tree"))?;
        let mut diff = self
            .inner
            .diff_tree_to_tree(Some(parent), Some(&child_tree), None)
            .map_err(git("cannot compare commits"))?;
        let mut find = git2::DiffFindOptions::new();
        find.renames(true);
        diff.find_similar(Some(&mut find))
            .map_err(git("cannot follow renames"))?;
        let mut out = Vec::new();
        for delta in diff.deltas().filter(|d| d.status() == git2::Delta::Renamed) {
            let (Some(old), Some(new)) = (delta.old_file().path(), delta.new_file().path()) else {
                continue;
            };
            out.extend(
                appeared
                    .iter()
                    .filter(|&&f| names[f] == new)
                    .map(|&f| (f, old.to_owned())),
            );
        }
        Ok(out)
    }

    /// Returns the path of `file` relative to the work tree, if it is inside.
    pub fn relative(&self, file: &Path) -> Option<PathBuf> {
        let abs = file.canonicalize().ok()?;
        abs.strip_prefix(&self.workdir).ok().map(Path::to_owned)
    }
}

/// Groups file indices by directory, with their file names.
fn group_by_dir(names: &[PathBuf]) -> Vec<(PathBuf, Vec<(usize, String)>)> {
    let mut groups: Vec<(PathBuf, Vec<(usize, String)>)> = Vec::new();
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    for (f, name) in names.iter().enumerate() {
        let dir = name.parent().map(Path::to_owned).unwrap_or_default();
        let Some(file) = name.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let g = *index.entry(dir.clone()).or_insert_with(|| {
            groups.push((dir, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push((f, file.to_owned()));
    }
    groups
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
