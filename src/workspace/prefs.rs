//! What the interface remembers per repository: the language a translator
//! works in (`.git/trame/interface-language`, one tag on one line).
//!
//! Kept in `.git/` like the caches: it describes one clone and its user,
//! is never committed, and a fresh clone simply starts without it. Written
//! through `fs::write_cache` (atomic; a lost write only forgets the choice).

use std::path::{Path, PathBuf};

use crate::history::Repo;
use crate::workspace::Project;

/// The file name under `.git/trame/`.
const LANGUAGE_FILE: &str = "interface-language";

impl Project {
    /// Returns the language the interface last worked in for this
    /// repository, if one was remembered (and the project is in a
    /// repository).
    pub fn remembered_language(&self) -> Option<String> {
        let file = language_file(&self.root)?;
        let text = std::fs::read_to_string(file).ok()?;
        let tag = text.trim();
        // A tag, nothing else: a damaged file is ignored.
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid.then(|| tag.to_owned())
    }

    /// Remembers `lang` as the interface's language for this repository;
    /// outside a repository there is nowhere to keep it and nothing is
    /// written.
    pub fn remember_language(&self, lang: &str) -> std::io::Result<()> {
        let Some(file) = language_file(&self.root) else {
            return Ok(());
        };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::fs::write_cache(&file, format!("{lang}\n").as_bytes())
    }
}

fn language_file(root: &Path) -> Option<PathBuf> {
    let repo = Repo::open(root).ok()?;
    Some(repo.git_dir().join("trame").join(LANGUAGE_FILE))
}
