//! The project as it was at a base revision (`trame check --base
//! origin/main`), so a summary can say what a change made stale or fixed.
//!
//! The base commit is checked out into a temporary folder as a repository
//! that borrows the objects of the user's (`history::Repo::check_out_at`):
//! the user's repository and work tree are not touched, and the staleness at
//! the base is computed exactly as it would be on a checkout of that commit.

use std::path::{Path, PathBuf};

use crate::history::Repo;
use crate::workspace::{Project, StaleDoc, StaleError, StaleNote};

/// The staleness at a base revision.
pub struct AtBase {
    /// The temporary checkout (removed when dropped).
    _dir: tempfile::TempDir,
    /// The checkout's root: paths of `docs` are under it.
    pub root: PathBuf,
    /// The base commit's id.
    pub commit: String,
    /// Every translation at the base, as [`super::staleness`] gives them.
    pub docs: Vec<StaleDoc>,
    /// What could not be known there.
    pub notes: Vec<StaleNote>,
}

/// Returns the root of the work tree of the repository holding `project`.
pub fn work_tree(project: &Project) -> Option<PathBuf> {
    Repo::open(&project.confine)
        .ok()
        .map(|r| r.workdir().to_owned())
}

/// Computes the staleness of `paths` (mapped into the base checkout; the
/// base's content roots when empty) at the revision `rev`.
pub fn staleness_at(project: &Project, paths: &[PathBuf], rev: &str) -> Result<AtBase, StaleError> {
    let repo = Repo::open(&project.confine).map_err(StaleError::History)?;
    let dir = tempfile::Builder::new()
        .prefix("trame-base-")
        .tempdir()
        .map_err(|source| {
            StaleError::Load(super::LoadError::Io {
                path: std::env::temp_dir(),
                source,
            })
        })?;
    let root = dir
        .path()
        .canonicalize()
        .unwrap_or_else(|_| dir.path().to_owned());
    let commit = repo.check_out_at(rev, &root).map_err(StaleError::History)?;
    let workdir = repo.workdir();
    let inside = |p: &Path| {
        super::project::resolve(p)
            .strip_prefix(workdir)
            .map(|rel| root.join(rel))
            .ok()
    };
    // The project found from the same place in the base checkout: its
    // `trame.toml` is the base's.
    let cwd = std::env::current_dir().unwrap_or_default();
    let start = inside(&cwd).unwrap_or_else(|| root.clone());
    let mapped: Vec<PathBuf> = paths.iter().filter_map(|p| inside(p)).collect();
    let base = Project::discover(Some(&start)).map_err(StaleError::Project)?;
    // A path that did not exist at the base has nothing to compare with.
    let mapped: Vec<PathBuf> = mapped.into_iter().filter(|p| p.exists()).collect();
    if !paths.is_empty() && mapped.is_empty() {
        return Ok(AtBase {
            _dir: dir,
            root,
            commit,
            docs: Vec::new(),
            notes: Vec::new(),
        });
    }
    let (docs, notes) = super::staleness(&base, &mapped, None)?;
    Ok(AtBase {
        _dir: dir,
        root,
        commit,
        docs,
        notes,
    })
}

/// Returns `path` relative to `root` with `/` between folders (what keys a
/// file across the base checkout and the work tree), or `None` outside it.
pub fn relative_to(root: &Path, path: &Path) -> Option<String> {
    let absolute = super::project::resolve(path);
    let rel = absolute.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}
