//! The repository's web address, for reports that link a file at a line
//! (`trame status --format html`), and the one way a report file is written.
//!
//! The address is `[links] repository` of `trame.toml`, else the `origin`
//! remote's URL made a web address (`git@github.com:ORG/REPO.git` and
//! `https://github.com/ORG/REPO.git` give `https://github.com/ORG/REPO`;
//! credentials in a URL are dropped). Links point at HEAD's commit, so
//! they keep showing the lines the report was made from.

use std::path::{Path, PathBuf};

use crate::history::Repo;
use crate::workspace::{Project, SaveError};

/// How a forge spells a link to a file at a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    /// `REPO/blob/REV/PATH#L1` (GitHub, and the default).
    GitHub,
    /// `REPO/-/blob/REV/PATH#L1`.
    GitLab,
    /// `REPO/src/commit/REV/PATH#L1` (Gitea, Forgejo, Codeberg).
    Gitea,
}

/// What links a file of the work tree to its page on the forge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLinks {
    /// `https://host/ORG/REPO`, no trailing slash.
    pub repository: String,
    /// The forge's link style, from the host name.
    pub forge: Forge,
    /// HEAD's commit id (`HEAD` when there is no commit).
    pub rev: String,
    /// The work tree (canonical), which file paths are made relative to.
    pub root: PathBuf,
}

impl WebLinks {
    /// Returns `path` (as the scan names it) relative to the work tree, each
    /// folder encoded for a URL, or `None` for a file outside it.
    pub fn repository_path(&self, path: &Path) -> Option<String> {
        let absolute = super::project::resolve(path);
        let relative = absolute.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = relative
            .components()
            .map(|c| percent_encode(&c.as_os_str().to_string_lossy()))
            .collect();
        Some(parts.join("/"))
    }

    /// Returns the web address of the repository path `path` (`/` between
    /// folders, already encoded) at `line`.
    pub fn link(&self, path: &str, line: u32) -> String {
        let (repo, rev) = (&self.repository, &self.rev);
        match self.forge {
            Forge::GitHub => format!("{repo}/blob/{rev}/{path}#L{line}"),
            Forge::GitLab => format!("{repo}/-/blob/{rev}/{path}#L{line}"),
            Forge::Gitea => format!("{repo}/src/commit/{rev}/{path}#L{line}"),
        }
    }
}

/// Returns the web links of the project's repository: `[links] repository`
/// when set, else the `origin` remote; `None` outside a repository or when
/// neither gives a web address.
pub fn web_links(project: &Project) -> Option<WebLinks> {
    let repo = Repo::open(&project.confine).ok()?;
    let configured = project.config.links.repository.as_deref();
    let repository = match configured {
        Some(url) => web_address(url)?,
        None => web_address(&repo.remote_url("origin")?)?,
    };
    Some(WebLinks {
        forge: forge_of(&repository),
        repository,
        rev: repo.head().unwrap_or_else(|| "HEAD".into()),
        root: repo.workdir().to_owned(),
    })
}

/// Returns the web address of a remote URL: `https://host/ORG/REPO` from
/// `git@host:ORG/REPO.git`, `ssh://git@host[:port]/ORG/REPO.git` or
/// `https://[user@]host/ORG/REPO[.git][/]`; `None` for a local path or
/// anything else. Credentials are never kept.
pub fn web_address(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, host, path) = if let Some(rest) = url
        .strip_prefix("https://")
        .map(|r| ("https", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http", r)))
    {
        let (scheme, rest) = rest;
        let (authority, path) = rest.split_once('/')?;
        let host = authority.rsplit('@').next()?;
        (scheme, host.to_owned(), path)
    } else if let Some(rest) = url.strip_prefix("ssh://") {
        let (authority, path) = rest.split_once('/')?;
        let host = authority.rsplit('@').next()?;
        // An ssh port is not the web server's.
        let host = host.split(':').next()?;
        ("https", host.to_owned(), path)
    } else if !url.contains("://")
        && let Some((authority, path)) = url.split_once(':')
        && authority.contains('@')
    {
        let host = authority.rsplit('@').next()?;
        ("https", host.to_owned(), path)
    } else {
        return None;
    };
    let path = path.trim_end_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let path = path.trim_matches('/');
    let safe = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/:".contains(c))
    };
    if !safe(&host) || !safe(path) || host.contains('/') || path.contains("..") {
        return None;
    }
    Some(format!("{scheme}://{host}/{path}"))
}

fn forge_of(repository: &str) -> Forge {
    let host = repository
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("")
        .to_ascii_lowercase();
    if host.contains("gitlab") {
        Forge::GitLab
    } else if ["codeberg", "gitea", "forgejo"]
        .iter()
        .any(|h| host.contains(h))
    {
        Forge::Gitea
    } else {
        Forge::GitHub
    }
}

/// Encodes a path component for a URL: every byte but unreserved ones.
fn percent_encode(part: &str) -> String {
    let mut out = String::new();
    for b in part.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes a report (`status --format html -o FILE`) atomically: a path
/// inside the repository may be reached through a link that stays inside
/// it; the user may name a file elsewhere, which must not be a link. A
/// missing folder is made.
pub fn write_report(project: &Project, path: &Path, text: &str) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let inside = super::project::resolve(path).starts_with(&project.confine);
    let root = inside.then_some(project.confine.as_path());
    // `-o public/index.html` in a fresh CI checkout: the folder is made.
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    crate::fs::write_atomic_in(root, path, text.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_urls_become_web_addresses() {
        let cases = [
            ("git@github.com:ORG/REPO.git", "https://github.com/ORG/REPO"),
            (
                "https://github.com/ORG/REPO.git",
                "https://github.com/ORG/REPO",
            ),
            (
                "https://github.com/ORG/REPO/",
                "https://github.com/ORG/REPO",
            ),
            (
                "https://x-access-token:secret@github.com/ORG/REPO.git",
                "https://github.com/ORG/REPO",
            ),
            (
                "ssh://git@gitlab.com:2222/group/sub/repo.git",
                "https://gitlab.com/group/sub/repo",
            ),
            (
                "git@codeberg.org:me/site.git",
                "https://codeberg.org/me/site",
            ),
        ];
        for (url, want) in cases {
            assert_eq!(web_address(url).as_deref(), Some(want), "{url}");
        }
        for bad in [
            "/home/me/repo",
            "../repo.git",
            "file:///srv/repo.git",
            "https://github.com/\"><script>",
            "",
        ] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn links_follow_the_forge() {
        let mut links = WebLinks {
            repository: "https://github.com/o/r".into(),
            forge: forge_of("https://github.com/o/r"),
            rev: "abc".into(),
            root: PathBuf::from("/x"),
        };
        assert_eq!(
            links.link("content/a%20b.md", 3),
            "https://github.com/o/r/blob/abc/content/a%20b.md#L3"
        );
        links.repository = "https://gitlab.example.org/o/r".into();
        links.forge = forge_of(&links.repository);
        assert_eq!(
            links.link("p.md", 1),
            "https://gitlab.example.org/o/r/-/blob/abc/p.md#L1"
        );
        links.repository = "https://codeberg.org/o/r".into();
        links.forge = forge_of(&links.repository);
        assert_eq!(
            links.link("p.md", 1),
            "https://codeberg.org/o/r/src/commit/abc/p.md#L1"
        );
        assert_eq!(percent_encode("a b&é"), "a%20b%26%C3%A9");
    }
}
