//! The git adapter: file versions, commits and line origins, as plain data.
//!
//! The only module that uses git2. All history is read in one walk over the
//! commits reachable from HEAD (first parents), whatever the number of files,
//! so the cost grows with the history, not with history times files.
//! Renames are followed as git follows them: exact renames by blob id, then
//! content similarity (`likeness`) for the pages left over.

mod likeness;
mod log;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use log::{Change, Link, Log};

/// A commit, newest first in [`History::commits`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    /// Full hexadecimal id.
    pub id: String,
    /// Committer time, seconds since the epoch.
    pub time: i64,
}

/// An opaque reference to a file's content in the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlobId(git2::Oid);

impl BlobId {
    /// The raw bytes of the id, for hashing into cache keys.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

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
    /// Folder lookups already made, by tree: `(tree, name) -> subtree`.
    /// Consecutive commits share every folder they did not change, so
    /// following a folder path through a history reads only the trees
    /// that changed, as git's pathspec-limited walk does.
    subtrees: std::cell::RefCell<SubtreeMemo>,
}

/// The folders of each tree read so far, and each commit's root tree.
#[derive(Default)]
struct SubtreeMemo {
    entries: HashMap<git2::Oid, Vec<(std::ffi::OsString, git2::Oid)>, OidHash>,
    roots: HashMap<git2::Oid, git2::Oid, OidHash>,
}

/// What a read of the history learned, for the history log: nothing, or
/// a log to write ([`Learned::save`]).
#[must_use = "what the walk learned is lost unless saved"]
pub struct Learned(Option<PendingLog>);

/// A log that differs from the one read.
struct PendingLog {
    file: PathBuf,
    log: Log,
    /// The log file's text as read (empty when there was none).
    read: String,
}

impl Learned {
    /// Writes the history log, if the read learned something. The log only
    /// saves time: failing to write it is not an error.
    pub fn save(self) {
        let Some(pending) = self.0 else { return };
        let text = log::render(&pending.log);
        if text != pending.read {
            let _ = write_log(&pending.file, &text);
        }
    }
}

/// A commit's tree, first parent and committer time.
struct ChainFacts {
    tree: git2::Oid,
    parent: Option<git2::Oid>,
    time: i64,
}

impl ChainFacts {
    /// Reads them from a commit object's header (`tree`, `parent` and
    /// `committer` lines, before the first empty line); `None` when one is
    /// missing or malformed.
    fn parse(data: &[u8]) -> Option<ChainFacts> {
        let (mut tree, mut parent, mut time) = (None, None, None);
        for line in data.split(|&b| b == b'\n') {
            if line.is_empty() {
                break;
            }
            let hex = |rest: &[u8]| git2::Oid::from_str(std::str::from_utf8(rest).ok()?).ok();
            if let Some(rest) = line.strip_prefix(b"tree ") {
                tree = Some(hex(rest)?);
            } else if let Some(rest) = line.strip_prefix(b"parent ") {
                if parent.is_none() {
                    parent = Some(hex(rest)?);
                }
            } else if let Some(rest) = line.strip_prefix(b"committer ") {
                // `Name <email> 1700000000 +0100`: the time is the second
                // field from the end.
                let mut fields = rest.rsplit(|&b| b == b' ');
                let (_zone, seconds) = (fields.next()?, fields.next()?);
                time = Some(std::str::from_utf8(seconds).ok()?.parse::<i64>().ok()?);
            }
        }
        Some(ChainFacts {
            tree: tree?,
            parent,
            time: time?,
        })
    }
}

/// Hashes an object id by its first eight bytes: ids are hashes already.
#[derive(Default, Clone, Copy)]
struct OidHash;

impl std::hash::BuildHasher for OidHash {
    type Hasher = OidHasher;
    fn build_hasher(&self) -> OidHasher {
        OidHasher(0)
    }
}

/// See [`OidHash`].
#[derive(Default)]
struct OidHasher(u64);

impl std::hash::Hasher for OidHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // `Oid` hashes its 20 bytes in one call (after their length):
        // the first eight are as random as the whole.
        for &b in bytes.iter().take(8) {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
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
        // libgit2's object cache keeps every tree a walk reads (up to 256 MB
        // by default: 130 MB for one page's walk of an 8,000-commit site);
        // the walks hold the trees they compare themselves, so the cache
        // only costs memory (same times measured with and without it).
        git2::opts::enable_caching(false);
        let inner = git2::Repository::discover(path).map_err(|_| HistoryError::NotARepository {
            path: path.to_owned(),
        })?;
        let workdir = inner.workdir().ok_or_else(|| HistoryError::Bare {
            path: path.to_owned(),
        })?;
        let workdir = workdir
            .canonicalize()
            .unwrap_or_else(|_| workdir.to_owned());
        Ok(Repo {
            inner,
            workdir,
            subtrees: Default::default(),
        })
    }

    /// Returns the root of the work tree (canonical).
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Returns the repository's git directory (`.git`), where trame keeps
    /// what it may read again (`.git/trame/`).
    pub fn git_dir(&self) -> &Path {
        self.inner.path()
    }

    /// Returns true when an earlier run left a history log: reading the
    /// history then takes moments, not a walk.
    pub fn has_history_log(&self) -> bool {
        self.inner.path().join("trame").join(LOG_FILE).is_file()
    }

    /// Returns true for a shallow clone, whose oldest history is missing.
    pub fn is_shallow(&self) -> bool {
        self.inner.is_shallow()
    }

    /// Everything the history of a path is read from, as bytes: the commit
    /// HEAD points at (the history is its first-parent chain) and the files
    /// that cut or rewire that chain (`shallow`, `info/grafts`). Two reads
    /// with the same identity give the same history. `None` without a HEAD.
    pub fn history_identity(&self) -> Option<Vec<u8>> {
        let mut identity = self.head()?.into_bytes();
        // Both live in the common folder, shared by linked worktrees.
        for file in ["shallow", "info/grafts"] {
            identity.extend_from_slice(format!("\0{file}\0").as_bytes());
            if let Ok(bytes) = std::fs::read(self.inner.commondir().join(file)) {
                identity.extend_from_slice(&bytes);
            }
        }
        Some(identity)
    }

    /// Returns the id of the commit HEAD points at, if any.
    pub fn head(&self) -> Option<String> {
        self.inner.head().ok()?.target().map(|oid| oid.to_string())
    }

    /// Checks out the commit `rev` names (`origin/main`, a commit id) into
    /// the empty folder `dest` as a repository of its own that borrows this
    /// one's objects (`objects/info/alternates`, as `git clone --shared`):
    /// nothing is copied but the files of that commit, and this repository
    /// is not changed. Returns the commit's id.
    pub fn check_out_at(&self, rev: &str, dest: &Path) -> Result<String, HistoryError> {
        let commit = self
            .inner
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(git("cannot find the base revision"))?;
        let copy = git2::Repository::init(dest).map_err(git("cannot make a repository"))?;
        let objects = self.inner.path().join("objects");
        let info = copy.path().join("objects/info");
        let io = |e: std::io::Error| HistoryError::Git {
            context: "cannot write objects/info/alternates".into(),
            source: git2::Error::from_str(&e.to_string()),
        };
        std::fs::create_dir_all(&info).map_err(io)?;
        std::fs::write(info.join("alternates"), format!("{}\n", objects.display())).map_err(io)?;
        // A shallow clone stays shallow: its oldest commits have no parents.
        if let Ok(shallow) = std::fs::read(self.inner.path().join("shallow")) {
            std::fs::write(copy.path().join("shallow"), shallow).map_err(io)?;
        }
        // Reopened, so the alternates are read.
        let copy = git2::Repository::open(dest).map_err(git("cannot open the copy"))?;
        copy.set_head_detached(commit.id())
            .map_err(git("cannot set HEAD"))?;
        copy.checkout_head(Some(git2::build::CheckoutBuilder::new().force()))
            .map_err(git("cannot check out the base revision"))?;
        Ok(commit.id().to_string())
    }

    /// Returns the URL of the remote `name` (`origin`) as configured, if any.
    pub fn remote_url(&self, name: &str) -> Option<String> {
        let remote = self.inner.find_remote(name).ok()?;
        remote.url().ok().map(str::to_owned)
    }

    /// Returns the message of a commit, if it can be read.
    pub fn message(&self, id: &str) -> Option<String> {
        let oid = git2::Oid::from_str(id).ok()?;
        let commit = self.inner.find_commit(oid).ok()?;
        Some(String::from_utf8_lossy(commit.message_bytes()).into_owned())
    }

    /// Returns the commits git blame is told to ignore: those listed in the
    /// file named by `blame.ignoreRevsFile`, else in `.git-blame-ignore-revs`
    /// at the root of the work tree (full ids, `#` comments).
    pub fn ignored_revs(&self) -> Vec<String> {
        let configured = self
            .inner
            .config()
            .ok()
            .and_then(|c| c.get_path("blame.ignoreRevsFile").ok());
        let file = match configured {
            Some(p) if p.is_absolute() => p,
            Some(p) => self.workdir.join(p),
            None => self.workdir.join(".git-blame-ignore-revs"),
        };
        std::fs::read_to_string(file)
            .map(|text| {
                text.lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim())
                    .filter(|l| l.len() >= 7 && l.bytes().all(|b| b.is_ascii_hexdigit()))
                    .map(|l| l.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default()
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
    /// What a walk learns is kept in the history log (`.git/trame/history-log`,
    /// the `log` module), so a later call reads only the commits made since, or
    /// older ones no call needed yet. A shallow clone is walked without the
    /// log; a log that cannot be read is rebuilt, one that cannot be written
    /// is skipped: the answer is the same either way.
    pub fn history(&self, paths: &[PathBuf]) -> Result<History, HistoryError> {
        let (history, learned) = self.read_history(paths, true)?;
        learned.save();
        Ok(history)
    }

    /// [`Repo::history`], leaving what the walk learned to be saved by the
    /// caller once the answer is out: rendering and writing the log (half a
    /// megabyte for one page's chain of 8,000 commits, megabytes for a
    /// site) then costs no one any waiting.
    pub fn history_to_save(&self, paths: &[PathBuf]) -> Result<(History, Learned), HistoryError> {
        self.read_history(paths, true)
    }

    /// [`Repo::history_to_save`]; `may_probe` false always reads the history
    /// log (tests of the log).
    fn read_history(
        &self,
        paths: &[PathBuf],
        may_probe: bool,
    ) -> Result<(History, Learned), HistoryError> {
        // Objects come from our own repository: verifying every object's
        // hash on read costs a third of the walk and protects against nothing.
        git2::opts::strict_hash_verification(false);
        let Some(head) = self.inner.head().ok().and_then(|h| h.target()) else {
            return Ok((History::default(), Learned(None)));
        };
        if self.is_shallow() {
            return Ok((self.walk(paths)?, Learned(None)));
        }
        let file = self.inner.path().join("trame").join(LOG_FILE);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let (mut log, read) = match log::parse(&text) {
            Some(found) => {
                let shape = found.shape();
                (self.advance(found, head)?, Some(shape))
            }
            None => (Log::new(self.link(head)?), None),
        };
        // A few files the log has not followed yet are read by bisection,
        // not by a walk (one page opened on a fresh clone).
        let history = if may_probe && paths.len() <= FEW_FILES && !logged(&log, paths) {
            self.probe(paths, &mut log)?
        } else {
            self.scan(paths, &mut log)?
        };
        // Rendered (megabytes on a long history) only when it learned something.
        let learned = (read != Some(log.shape()) && log.loggable()).then_some(PendingLog {
            file,
            log,
            read: text,
        });
        Ok((history, Learned(learned)))
    }

    /// Returns the chain link of a commit.
    fn link(&self, id: git2::Oid) -> Result<Link, HistoryError> {
        let commit = self
            .inner
            .find_commit(id)
            .map_err(git("cannot read a commit"))?;
        Ok(self.link_of(&commit))
    }

    /// The chain link of a commit read, whose root tree is remembered.
    fn link_of(&self, commit: &git2::Commit<'_>) -> Link {
        self.subtrees
            .borrow_mut()
            .roots
            .insert(commit.id(), commit.tree_id());
        Link {
            id: commit.id(),
            time: commit.time().seconds(),
        }
    }

    /// Brings a log to a new head: the commits made since its head are put in
    /// front of it; after a history rewrite, the part still shared is kept.
    fn advance(&self, mut found: Log, head: git2::Oid) -> Result<Log, HistoryError> {
        if found.head() == head {
            return Ok(found);
        }
        let index: HashMap<git2::Oid, usize> = found
            .chain
            .iter()
            .enumerate()
            .map(|(k, l)| (l.id, k))
            .collect();
        let mut links = Vec::new();
        let mut at = head;
        let keep = loop {
            if let Some(&k) = index.get(&at) {
                break Some(k);
            }
            let commit = self
                .inner
                .find_commit(at)
                .map_err(git("cannot read a commit"))?;
            links.push(Link {
                id: at,
                time: commit.time().seconds(),
            });
            match commit.parent_ids().next() {
                Some(parent) => at = parent,
                None => break None,
            }
        };
        let Some(keep) = keep else {
            // No commit in common: start again.
            let mut fresh = Log::new(links[0]);
            fresh.chain = links;
            fresh.complete = true;
            return Ok(fresh);
        };
        let mut fresh = BTreeMap::new();
        let mut chain = links.clone();
        chain.push(found.chain[keep]);
        for (dir, d) in &found.dirs {
            if d.covered > keep {
                let changes = self.dir_changes(&chain, false, dir, 0..links.len())?;
                fresh.insert(dir.clone(), changes);
            }
        }
        found.prepend(links, keep, fresh);
        Ok(found)
    }

    /// Lengthens the chain to `len` commits, or to its root commit.
    fn extend_chain(&self, log: &mut Log, len: usize) -> Result<(), HistoryError> {
        if log.chain.len() >= len || log.complete {
            return Ok(());
        }
        let odb = self.inner.odb().map_err(git("cannot read a commit"))?;
        let mut at = self.chain_facts(&odb, log.chain[log.chain.len() - 1].id)?;
        while log.chain.len() < len && !log.complete {
            match at.parent {
                Some(parent) => {
                    at = self.chain_facts(&odb, parent)?;
                    self.subtrees.borrow_mut().roots.insert(parent, at.tree);
                    log.chain.push(Link {
                        id: parent,
                        time: at.time,
                    });
                }
                None => log.complete = true,
            }
        }
        Ok(())
    }

    /// What the chain needs of a commit: read from the object database
    /// and only its header lines parsed, without parsing and allocating the
    /// whole commit (a chain of 8,000 commits read about 7% faster; the rest
    /// is the pack lookup and the inflating). A header trame does not
    /// understand is read by libgit2 instead.
    fn chain_facts(&self, odb: &git2::Odb<'_>, id: git2::Oid) -> Result<ChainFacts, HistoryError> {
        let raw = odb.read(id).map_err(git("cannot read a commit"))?;
        if raw.kind() == git2::ObjectType::Commit
            && let Some(facts) = ChainFacts::parse(raw.data())
        {
            return Ok(facts);
        }
        let commit = self
            .inner
            .find_commit(id)
            .map_err(git("cannot read a commit"))?;
        Ok(ChainFacts {
            tree: commit.tree_id(),
            parent: commit.parent_ids().next(),
            time: commit.time().seconds(),
        })
    }

    /// Makes the log of `dir` cover at least `want` commits (fewer when the
    /// chain is shorter).
    fn extend_dir(&self, log: &mut Log, dir: &Path, want: usize) -> Result<(), HistoryError> {
        self.extend_chain(log, want + 1)?;
        let end = want.min(log.chain.len());
        if !log.dirs.contains_key(dir) {
            seed_from_ancestor(log, dir);
        }
        let covered = log.dirs.get(dir).map_or(0, |d| d.covered);
        if covered >= end {
            return Ok(());
        }
        let changes = self.dir_changes(&log.chain, log.complete, dir, covered..end)?;
        let d = log.dirs.entry(dir.to_owned()).or_default();
        d.changes.extend(changes);
        d.covered = end;
        Ok(())
    }

    /// Returns what the commits `chain[range]` changed in `dir`. The parent of
    /// each commit is the next link; the last link's parent must be in the
    /// chain too, unless `complete` says it is a root commit.
    fn dir_changes(
        &self,
        chain: &[Link],
        complete: bool,
        dir: &Path,
        range: std::ops::Range<usize>,
    ) -> Result<Vec<Change>, HistoryError> {
        let mut out = Vec::new();
        let Some(first) = chain.get(range.start) else {
            return Ok(out);
        };
        let mut current = self.dir_at(first.id, dir)?;
        let mut tree = self.tree(current)?;
        for k in range {
            let parent = match chain.get(k + 1) {
                Some(link) => self.dir_at(link.id, dir)?,
                None if complete => None,
                None => {
                    let commit = self
                        .inner
                        .find_commit(chain[k].id)
                        .map_err(git("cannot read a commit"))?;
                    match commit.parent_ids().next() {
                        Some(p) => self.dir_at(p, dir)?,
                        None => None,
                    }
                }
            };
            if parent == current {
                continue;
            }
            let parent_tree = self.tree(parent)?;
            let mut changes = Vec::new();
            self.tree_changes(k, parent_tree.as_ref(), tree.as_ref(), "", &mut changes)?;
            changes.sort_by(|a, b| a.name.cmp(&b.name));
            out.extend(changes);
            (current, tree) = (parent, parent_tree);
        }
        Ok(out)
    }

    /// Lists what changed from `old` to `new` (a directory's trees at a
    /// commit's parent and at the commit) in every file below it, as git's
    /// recursive tree diff does: a subtree whose id did not change is not
    /// read. Names are paths relative to the directory (`a/b.md`).
    fn tree_changes(
        &self,
        commit: usize,
        old: Option<&git2::Tree<'_>>,
        new: Option<&git2::Tree<'_>>,
        prefix: &str,
        out: &mut Vec<log::Change>,
    ) -> Result<(), HistoryError> {
        use git2::ObjectType::{Blob, Tree};
        // Entries in git's order (a subtree sorts as if its name ended in
        // `/`), the same on both sides: merged without copying names.
        fn list<'t>(t: Option<&'t git2::Tree<'_>>) -> Vec<(bool, git2::TreeEntry<'t>)> {
            t.into_iter()
                .flat_map(|t| t.iter())
                .filter_map(|e| match e.kind() {
                    Some(Blob) => Some((false, e)),
                    Some(Tree) => Some((true, e)),
                    _ => None,
                })
                .collect()
        }
        let (a, b) = (list(old), list(new));
        let key = |e: &(bool, git2::TreeEntry<'_>)| {
            let slash: &[u8] = if e.0 { b"/" } else { b"" };
            e.1.name_bytes()
                .iter()
                .chain(slash)
                .copied()
                .collect::<Vec<u8>>()
        };
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let (x, y) = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 && x.1.name_bytes() == y.1.name_bytes() => {
                    i += 1;
                    j += 1;
                    if x.1.id() == y.1.id() {
                        continue;
                    }
                    (Some(x), Some(y))
                }
                (Some(x), Some(y)) if key(x) < key(y) => {
                    i += 1;
                    (Some(x), None)
                }
                (Some(x), None) => {
                    i += 1;
                    (Some(x), None)
                }
                (_, y) => {
                    j += 1;
                    (None, y)
                }
            };
            let Some(e) = x.or(y) else { break };
            let Ok(base) = std::str::from_utf8(e.1.name_bytes()) else {
                continue;
            };
            let name = format!("{prefix}{base}");
            if e.0 {
                let (tx, ty) = (
                    self.tree(x.map(|e| e.1.id()))?,
                    self.tree(y.map(|e| e.1.id()))?,
                );
                self.tree_changes(commit, tx.as_ref(), ty.as_ref(), &format!("{name}/"), out)?;
            } else {
                out.push(log::Change {
                    commit,
                    name,
                    old: x.map(|e| e.1.id()),
                    new: y.map(|e| e.1.id()),
                });
            }
        }
        Ok(())
    }

    /// Returns the tree of `dir` at a commit, if the directory exists there.
    fn dir_at(&self, commit: git2::Oid, dir: &Path) -> Result<Option<git2::Oid>, HistoryError> {
        let known = self.subtrees.borrow().roots.get(&commit).copied();
        let mut id = match known {
            Some(root) => root,
            // Read once: the link remembers it.
            None => self
                .link(commit)
                .map(|_| self.subtrees.borrow().roots[&commit])?,
        };
        for part in dir.components() {
            match self.subtree(id, part.as_os_str())? {
                Some(next) => id = next,
                None => return Ok(None),
            }
        }
        Ok(Some(id))
    }

    /// The folder `name` of tree `id`, if it has one; each tree is read at
    /// most once (all its folders are kept).
    fn subtree(
        &self,
        id: git2::Oid,
        name: &std::ffi::OsStr,
    ) -> Result<Option<git2::Oid>, HistoryError> {
        let find = |folders: &[(std::ffi::OsString, git2::Oid)]| {
            folders.iter().find(|(n, _)| n == name).map(|&(_, id)| id)
        };
        if let Some(folders) = self.subtrees.borrow().entries.get(&id) {
            return Ok(find(folders));
        }
        let tree = self
            .inner
            .find_tree(id)
            .map_err(git("cannot read a tree"))?;
        let folders: Vec<(std::ffi::OsString, git2::Oid)> = tree
            .iter()
            .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
            .filter_map(|e| {
                let name = std::str::from_utf8(e.name_bytes()).ok()?;
                Some((std::ffi::OsString::from(name), e.id()))
            })
            .collect();
        let found = find(&folders);
        self.subtrees.borrow_mut().entries.insert(id, folders);
        Ok(found)
    }

    /// Returns the root tree of a commit.
    fn commit_tree(&self, commit: git2::Oid) -> Result<git2::Tree<'_>, HistoryError> {
        self.inner
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(git("cannot read a commit"))
    }

    fn tree(&self, id: Option<git2::Oid>) -> Result<Option<git2::Tree<'_>>, HistoryError> {
        id.map(|id| self.inner.find_tree(id))
            .transpose()
            .map_err(git("cannot read a tree"))
    }

    /// Returns the first commit from `from` on where a tracked file of `dir`
    /// changed, reading the directory's log further as needed (in growing
    /// steps: a few trees for a recent file, the whole history for an old
    /// one); `None` when its log reached the first commit with no such
    /// change.
    fn next_event(
        &self,
        log: &mut Log,
        dir: &Path,
        from: usize,
        tracked: &HashMap<(PathBuf, String), usize>,
    ) -> Result<Option<usize>, HistoryError> {
        loop {
            let covered = log.dirs.get(dir).map_or(0, |d| d.covered);
            if covered <= from {
                self.extend_dir(log, dir, (from + 1).max(2 * covered).max(32))?;
                if log.dirs.get(dir).map_or(0, |d| d.covered) <= from {
                    return Ok(None);
                }
                continue;
            }
            let d = &log.dirs[dir];
            let start = d.changes.partition_point(|c| c.commit < from);
            let next = d.changes[start..]
                .iter()
                .find(|c| tracked.contains_key(&(dir.to_owned(), c.name.clone())));
            return Ok(Some(match next {
                Some(c) => c.commit,
                // Nothing known up to `covered`: read further there.
                None => covered,
            }));
        }
    }

    /// The folders whose recursive logs serve `paths`: the folders of the
    /// files when they are few (one page and its translations: following
    /// a folder through the history reads only the trees that changed on
    /// its path), else their deepest common folder or, when the files lie
    /// in at most half of its subfolders (one language of ten in
    /// `content/<lang>/`), those subfolders, so the walk never reads the
    /// trees of the others.
    fn roots(
        &self,
        head_tree: &git2::Tree<'_>,
        paths: &[PathBuf],
    ) -> Result<Vec<PathBuf>, HistoryError> {
        let folders: std::collections::BTreeSet<&Path> =
            paths.iter().filter_map(|p| p.parent()).collect();
        if folders.len() <= FEW_FOLDERS {
            // The outermost ones: a recursive log covers its subfolders.
            let outer: Vec<PathBuf> = folders
                .iter()
                .filter(|f| !folders.iter().any(|o| o != *f && f.starts_with(o)))
                .map(|f| f.to_path_buf())
                .collect();
            return Ok(outer);
        }
        let common = common_dir(paths);
        let mut children = std::collections::BTreeSet::new();
        for path in paths {
            let Ok(rest) = path.strip_prefix(&common) else {
                return Ok(vec![common]);
            };
            let mut parts = rest.components();
            match (parts.next(), parts.next()) {
                (Some(first), Some(_)) => children.insert(first.as_os_str().to_owned()),
                // A file right in the common folder.
                _ => return Ok(vec![common]),
            };
        }
        let subtrees = if common.as_os_str().is_empty() {
            Some(head_tree.clone())
        } else {
            self.tree(self.dir_in(head_tree, &common))?
        }
        .map_or(0, |t| {
            t.iter()
                .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
                .count()
        });
        if children.len() * 2 > subtrees {
            return Ok(vec![common]);
        }
        Ok(children.into_iter().map(|c| common.join(c)).collect())
    }

    /// The id of the folder `dir` in `tree`, if it is one.
    fn dir_in(&self, tree: &git2::Tree<'_>, dir: &Path) -> Option<git2::Oid> {
        tree.get_path(dir)
            .ok()
            .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
            .map(|e| e.id())
    }

    /// Reads the history of `paths` from the log, lengthening it as needed.
    fn scan(&self, paths: &[PathBuf], log: &mut Log) -> Result<History, HistoryError> {
        let mut out = History::default();
        let head_tree = self.commit_tree(log.head())?;
        // The tracked files, by their name at the commit being read, under
        // the deepest folder holding them all: one recursive log of that
        // folder serves every page, as one tree diff per commit does for git.
        let roots = self.roots(&head_tree, paths)?;
        // The tracked files, by their name at the commit being read.
        let mut tracked: HashMap<(PathBuf, String), usize> = HashMap::new();
        let mut head_dirs = HashMap::new();
        for (f, path) in paths.iter().enumerate() {
            if let Some(key) = key_in(&roots, path)
                && self.blob_in(&head_tree, path, &mut head_dirs)?.is_some()
            {
                tracked.insert(key, f);
            }
        }
        let mut record = |f: usize, commit: usize, path: PathBuf, blob: git2::Oid| {
            out.versions
                .entry(paths[f].clone())
                .or_default()
                .push(Version {
                    commit,
                    path,
                    blob: BlobId(blob),
                });
        };
        // The last commit to list: the first (from the newest) where none of
        // the files exists, as a walk would stop there.
        // The work follows the changes, not the commits: a queue holds, per
        // directory, the next commit where one of its tracked files changed
        // (or where its log must be read further), so a commit that touches
        // no tracked file costs nothing, whatever the number of directories.
        // A directory is queued once (`queued`, older entries are skipped)
        // and dropped when none of its files is tracked any more (`live`).
        let mut folders = Folders::default();
        let mut queue = std::collections::BinaryHeap::new();
        for (dir, _) in tracked.keys() {
            folders.track(dir);
        }
        for (n, dir) in folders.paths.iter().enumerate() {
            if let Some(at) = self.next_event(log, dir, 0, &tracked)? {
                queue.push(std::cmp::Reverse((at, n)));
                folders.queued[n] = Some(at);
            }
        }
        let mut k;
        let last = loop {
            if tracked.is_empty() {
                break 0;
            }
            // Entries superseded by an earlier one of the same directory go.
            while let Some(&std::cmp::Reverse((at, n))) = queue.peek() {
                if folders.queued[n] == Some(at) && folders.live[n] > 0 {
                    break;
                }
                queue.pop();
            }
            let Some(&std::cmp::Reverse((at, _))) = queue.peek() else {
                // Every directory's log reached the first commit.
                break log.chain.len() - 1;
            };
            k = at;
            let mut appeared: Vec<(PathBuf, String, git2::Oid)> = Vec::new();
            let mut changed = Vec::new();
            while let Some(&std::cmp::Reverse((at, n))) = queue.peek() {
                if at != k {
                    break;
                }
                queue.pop();
                if folders.queued[n] != Some(at) || folders.live[n] == 0 {
                    continue;
                }
                folders.queued[n] = None;
                let dir = &folders.paths[n];
                let covered = log.dirs.get(dir).map_or(0, |d| d.covered);
                let from = if covered > k {
                    let d = &log.dirs[dir];
                    let start = d.changes.partition_point(|c| c.commit < k);
                    for c in d.changes[start..].iter().take_while(|c| c.commit == k) {
                        let Some(&f) = tracked.get(&(dir.clone(), c.name.clone())) else {
                            continue;
                        };
                        let Some(new) = c.new else { continue };
                        if c.old.is_none() {
                            appeared.push((dir.clone(), c.name.clone(), new));
                        } else {
                            changed.push((f, dir.join(&c.name), new));
                        }
                    }
                    k + 1
                } else {
                    // The log must be read further: look again from here.
                    k
                };
                if let Some(next) = self.next_event(log, dir, from, &tracked)? {
                    queue.push(std::cmp::Reverse((next, n)));
                    folders.queued[n] = Some(next);
                }
            }
            if k >= log.chain.len() {
                break log.chain.len() - 1;
            }
            for (f, path, blob) in changed {
                record(f, k, path, blob);
            }
            if !appeared.is_empty() {
                let names: Vec<PathBuf> = appeared.iter().map(|(d, n, _)| d.join(n)).collect();
                let renames = self.renamed_from(log, k, &names)?;
                let mut renamed_into = Vec::new();
                for (i, (dir, name, blob)) in appeared.into_iter().enumerate() {
                    let Some(f) = tracked.remove(&(dir.clone(), name.clone())) else {
                        continue;
                    };
                    folders.live[folders.index[&dir]] -= 1;
                    match renames.get(&i) {
                        Some((old, old_blob)) => {
                            // From another directory, the walk goes on there.
                            let Some(key) = key_in(&roots, old) else {
                                continue;
                            };
                            if *old_blob != Some(blob) {
                                record(f, k, dir.join(&name), blob);
                            }
                            renamed_into.push(key.0.clone());
                            tracked.insert(key, f);
                        }
                        None => record(f, k, dir.join(&name), blob),
                    }
                }
                // The old names are followed from the parent commit on.
                for dir in renamed_into {
                    let n = folders.track(&dir);
                    if folders.queued[n].is_some_and(|at| at <= k + 1) {
                        continue;
                    }
                    if let Some(at) = self.next_event(log, &dir, k + 1, &tracked)? {
                        queue.push(std::cmp::Reverse((at, n)));
                        folders.queued[n] = Some(at);
                    }
                }
            }
            k += 1;
            if tracked.is_empty() {
                self.extend_chain(log, k + 1)?;
                break k.min(log.chain.len() - 1);
            }
        };
        out.commits = commit_infos(&log.chain[..=last]);
        Ok(out)
    }

    /// Reads the history of a few `paths` by bisection over the chain
    /// instead of a walk: the versions of a file are found where its blob
    /// differs between two commits, looking only between commits whose
    /// blobs differ, in steps back that double until the file is absent (the
    /// chain is read no further than the file goes back). One page and its
    /// translations then cost the chain back to their creation and a few
    /// dozen tree lookups per version, not one tree per commit and folder.
    ///
    /// The answer is the walk's, with one exception: a file whose blob is
    /// the same at two probed commits is taken as unchanged between them,
    /// so a change undone later (a revert to the very same content, a file
    /// renamed away and back) is not seen. What is read at every version
    /// found is exact, and the content at both ends of what is skipped is
    /// the same. The log keeps the chain and the renames looked for.
    fn probe(&self, paths: &[PathBuf], log: &mut Log) -> Result<History, HistoryError> {
        let mut out = History::default();
        let mut last = 0;
        for path in paths {
            let Some(mut at_lo) = self.probe_blob(log, 0, path)? else {
                // Missing at HEAD: a file with no history.
                continue;
            };
            let (mut name, mut lo) = (path.clone(), 0);
            let versions = out.versions.entry(path.clone()).or_default();
            let mut push = |commit: usize, name: &Path, blob: git2::Oid| {
                versions.push(Version {
                    commit,
                    path: name.to_owned(),
                    blob: BlobId(blob),
                });
            };
            // The chain is read only as far as the file goes back: steps
            // that double from `lo` until the file is absent (then it was
            // added in the last step) or the first commit is reached.
            let mut step = FIRST_STEP;
            loop {
                self.extend_chain(log, lo + step + 1)?;
                let end = log.chain.len() - 1;
                let hi = (lo + step).min(end);
                let at_hi = if hi == lo {
                    Some(at_lo)
                } else {
                    self.probe_blob(log, hi, &name)?
                };
                let mut found = Vec::new();
                let added = self.bisect(log, &name, (lo, at_lo), (hi, at_hi), &mut found)?;
                for &(commit, blob) in &found {
                    if Some(commit) != added {
                        push(commit, &name, blob);
                    }
                }
                let Some(added) = added else {
                    // Present at both ends of the step: the next one.
                    let at_hi = at_hi.unwrap_or(at_lo);
                    if hi == end && log.complete {
                        // What the first commit has, it added.
                        push(end, &name, at_hi);
                        last = end;
                        break;
                    }
                    (lo, at_lo, step) = (hi, at_hi, step * 2);
                    continue;
                };
                let blob = found.last().map_or(at_lo, |&(_, b)| b);
                last = last.max(added + 1);
                match self
                    .renamed_from(log, added, std::slice::from_ref(&name))?
                    .remove(&0)
                {
                    Some((old, Some(old_blob))) => {
                        if old_blob != blob {
                            push(added, &name, blob);
                        }
                        (name, lo, at_lo, step) = (old, added + 1, old_blob, FIRST_STEP);
                    }
                    _ => {
                        push(added, &name, blob);
                        break;
                    }
                }
            }
        }
        out.versions.retain(|_, v| !v.is_empty());
        out.commits = commit_infos(&log.chain[..=last.min(log.chain.len() - 1)]);
        Ok(out)
    }

    /// Pushes onto `found` (newest first) each commit of `lo.0..hi.0` where
    /// the blob of `name` differs from the commit's parent, with its blob
    /// there, given the blobs at both ends (present at `lo`). Returns the
    /// commit that added the file, where the search stops: an older file of
    /// the same name is another file.
    fn bisect(
        &self,
        log: &Log,
        name: &Path,
        lo: (usize, git2::Oid),
        hi: (usize, Option<git2::Oid>),
        found: &mut Vec<(usize, git2::Oid)>,
    ) -> Result<Option<usize>, HistoryError> {
        if hi.1 == Some(lo.1) {
            return Ok(None);
        }
        if hi.0 == lo.0 + 1 {
            found.push(lo);
            return Ok(hi.1.is_none().then_some(lo.0));
        }
        let mid = lo.0 + (hi.0 - lo.0) / 2;
        let Some(at_mid) = self.probe_blob(log, mid, name)? else {
            return self.bisect(log, name, lo, (mid, None), found);
        };
        if let Some(added) = self.bisect(log, name, lo, (mid, Some(at_mid)), found)? {
            return Ok(Some(added));
        }
        self.bisect(log, name, (mid, at_mid), hi, found)
    }

    /// The blob of `path` at the commit `chain[k]`, if it is a file there.
    fn probe_blob(
        &self,
        log: &Log,
        k: usize,
        path: &Path,
    ) -> Result<Option<git2::Oid>, HistoryError> {
        let (Some(dir), Some(file)) = (path.parent(), path.file_name()) else {
            return Ok(None);
        };
        let Some(dir) = self.dir_at(log.chain[k].id, dir)? else {
            return Ok(None);
        };
        let tree = self
            .inner
            .find_tree(dir)
            .map_err(git("cannot read a tree"))?;
        Ok(tree
            .get_name_bytes(file.as_encoded_bytes())
            .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
            .map(|e| e.id()))
    }

    /// The names that the commit `chain[k]` gave by renaming (by index into
    /// `names`): each one's name in the parent and its blob there. Renames
    /// are looked for once per commit, ever: the log keeps the answer.
    fn renamed_from(
        &self,
        log: &mut Log,
        k: usize,
        names: &[PathBuf],
    ) -> Result<HashMap<usize, (PathBuf, Option<git2::Oid>)>, HistoryError> {
        let Some(parent_id) = log.chain.get(k + 1).map(|l| l.id) else {
            return Ok(HashMap::new());
        };
        let id = log.chain[k].id;
        if let std::collections::btree_map::Entry::Vacant(slot) = log.renames.entry(id) {
            let parent = self.commit_tree(parent_id)?;
            let child = self.commit_tree(id)?;
            slot.insert(self.commit_renames(&parent, child.id())?);
        }
        let all: Vec<usize> = (0..names.len()).collect();
        let found = renamed_among(&log.renames[&id], &all, names);
        if found.is_empty() {
            return Ok(HashMap::new());
        }
        let parent = self.commit_tree(parent_id)?;
        found
            .into_iter()
            .map(|(i, old)| {
                let blob = self.blob_at(&parent, &old)?;
                Ok((i, (old, blob)))
            })
            .collect()
    }

    /// Reads the history of `paths` by walking the commits, without the log.
    ///
    /// For each commit (newest first) the blob of every tracked path is
    /// looked up in its directory's tree, and a directory whose tree did not
    /// change since the previous commit visited is not read again: the cost is
    /// one tree read per commit and directory, whatever the number of files.
    /// A path missing from a parent commit was added or renamed there; only
    /// then is a full diff with rename detection computed. An empty
    /// repository (no commit yet) has an empty history.
    fn walk(&self, paths: &[PathBuf]) -> Result<History, HistoryError> {
        let mut out = History::default();
        let Some(head) = self.inner.head().ok().and_then(|h| h.target()) else {
            return Ok(out);
        };
        // Tracked files by index: their name at the commit being visited,
        // grouped by directory so each directory's tree is read once.
        let mut at: Vec<PathBuf> = paths.to_vec();
        let mut gone = vec![false; paths.len()];
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
            });
            let tree = commit.tree().map_err(git("cannot read a commit"))?;
            let mut here = self.blobs_at(&tree, &groups, &mut dir_trees, at.len())?;
            // A file's history ends where it was created (as `git blame`
            // sees it): an older file of the same name is another file, and
            // a file missing at HEAD has no history.
            for (blob, gone) in here.iter_mut().zip(&mut gone) {
                if index == 0 && blob.is_none() {
                    *gone = true;
                }
                if *gone {
                    *blob = None;
                }
            }
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
                    for &f in &appeared {
                        gone[f] = here[f].is_none();
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

    /// [`Repo::blob_at`] for many paths of one tree: each folder's tree is
    /// read once (`dirs` keeps them), not once per file.
    fn blob_in<'r>(
        &'r self,
        root: &git2::Tree<'r>,
        path: &Path,
        dirs: &mut HashMap<PathBuf, Option<git2::Tree<'r>>>,
    ) -> Result<Option<git2::Oid>, HistoryError> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return Ok(None);
        };
        Ok(self.dir_tree(root, dir, dirs)?.and_then(|t| {
            t.get_name_bytes(name.as_encoded_bytes())
                .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
                .map(|e| e.id())
        }))
    }

    /// The tree of folder `dir` in `root`, if it is a folder there.
    fn dir_tree<'r>(
        &'r self,
        root: &git2::Tree<'r>,
        dir: &Path,
        dirs: &mut HashMap<PathBuf, Option<git2::Tree<'r>>>,
    ) -> Result<Option<git2::Tree<'r>>, HistoryError> {
        let Some(name) = dir.file_name() else {
            // The root itself (`""`); `..` or `/` name no folder of the tree.
            return Ok(dir.as_os_str().is_empty().then(|| root.clone()));
        };
        if let Some(known) = dirs.get(dir) {
            return Ok(known.clone());
        }
        let parent = dir.parent().unwrap_or(Path::new(""));
        let found = match self.dir_tree(root, parent, dirs)? {
            Some(p) => match p.get_name_bytes(name.as_encoded_bytes()) {
                Some(e) if e.kind() == Some(git2::ObjectType::Tree) => Some(
                    self.inner
                        .find_tree(e.id())
                        .map_err(git("cannot read a tree"))?,
                ),
                _ => None,
            },
            None => None,
        };
        dirs.insert(dir.to_owned(), found.clone());
        Ok(found)
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

    /// Finds which of the `appeared` files the child commit renamed;
    /// returns (file index, name in `parent`).
    fn renames(
        &self,
        parent: &git2::Tree<'_>,
        child_tree: git2::Oid,
        appeared: &[usize],
        names: &[PathBuf],
    ) -> Result<Vec<(usize, PathBuf)>, HistoryError> {
        let found = self.commit_renames(parent, child_tree)?;
        Ok(renamed_among(&found, appeared, names))
    }

    /// Every rename of one commit, found as git finds them: exact renames
    /// first, by blob id (a hash join on the added and deleted files, no
    /// content read); then similarity, only between the added and deleted
    /// files left over, and only while their product stays under
    /// [`RENAME_LIMIT`] squared (git's `diff.renameLimit`). Returns (old
    /// path, new path) pairs.
    fn commit_renames(
        &self,
        parent: &git2::Tree<'_>,
        child_tree: git2::Oid,
    ) -> Result<Vec<(PathBuf, PathBuf)>, HistoryError> {
        let child_tree = self
            .inner
            .find_tree(child_tree)
            .map_err(git("cannot read a tree"))?;
        // The added and deleted files, by the same tree diff as the log's
        // (a subtree whose id did not change is not read).
        let mut changes = Vec::new();
        self.tree_changes(0, Some(parent), Some(&child_tree), "", &mut changes)?;
        let mut added: Vec<(PathBuf, git2::Oid)> = Vec::new();
        let mut deleted: HashMap<git2::Oid, Vec<PathBuf>> = HashMap::new();
        for c in changes {
            match (c.old, c.new) {
                (None, Some(new)) => added.push((PathBuf::from(c.name), new)),
                (Some(old), None) => deleted.entry(old).or_default().push(PathBuf::from(c.name)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        let mut left_added = Vec::new();
        let added_blobs: HashMap<PathBuf, git2::Oid> = added.iter().cloned().collect();
        for (path, blob) in added {
            let Some(sources) = deleted.get_mut(&blob).filter(|v| !v.is_empty()) else {
                left_added.push(path);
                continue;
            };
            // As git does: a source with the same file name first.
            let k = sources
                .iter()
                .position(|s| s.file_name() == path.file_name())
                .unwrap_or(0);
            out.push((sources.remove(k), path));
        }
        // Similarity only for pages: trame follows no other file, and a
        // site's images and data are most of what a reorganisation moves.
        let blobs_of = |v: Vec<(PathBuf, git2::Oid)>| -> Vec<(PathBuf, git2::Oid)> {
            v.into_iter()
                .filter(|(p, _)| crate::fs::is_markdown(p))
                .collect()
        };
        let left_deleted = blobs_of(
            deleted
                .into_iter()
                .flat_map(|(oid, paths)| paths.into_iter().map(move |p| (p, oid)))
                .collect(),
        );
        let left_added = blobs_of(
            left_added
                .into_iter()
                .filter_map(|p| {
                    let oid = added_blobs.get(&p).copied()?;
                    Some((p, oid))
                })
                .collect(),
        );
        if left_added.is_empty()
            || left_deleted.is_empty()
            || left_added.len() * left_deleted.len() > RENAME_LIMIT * RENAME_LIMIT
        {
            out.sort();
            return Ok(out);
        }
        let signature = |oid: git2::Oid| -> Result<likeness::Signature, HistoryError> {
            let blob = self
                .inner
                .find_blob(oid)
                .map_err(git("cannot read a file version"))?;
            Ok(likeness::Signature::of(blob.content()))
        };
        let sign = |v: &[(PathBuf, git2::Oid)]| -> Result<Vec<(String, likeness::Signature)>, HistoryError> {
            v.iter()
                .map(|(p, oid)| Ok((p.to_string_lossy().into_owned(), signature(*oid)?)))
                .collect()
        };
        let (d_sigs, a_sigs) = (sign(&left_deleted)?, sign(&left_added)?);
        let d_view: Vec<(&str, &likeness::Signature)> =
            d_sigs.iter().map(|(p, s)| (p.as_str(), s)).collect();
        let a_view: Vec<(&str, &likeness::Signature)> =
            a_sigs.iter().map(|(p, s)| (p.as_str(), s)).collect();
        for (d, a) in likeness::renames(&d_view, &a_view) {
            out.push((left_deleted[d].0.clone(), left_added[a].0.clone()));
        }
        out.sort();
        Ok(out)
    }

    /// Returns the path of `file` relative to the work tree, if it is inside.
    pub fn relative(&self, file: &Path) -> Option<PathBuf> {
        let abs = file.canonicalize().ok()?;
        abs.strip_prefix(&self.workdir).ok().map(Path::to_owned)
    }

    /// [`Repo::relative`] for many files: each folder is resolved once (a
    /// site's pages share a few hundred folders), and a file that is itself
    /// a symbolic link is resolved whole. Returns the files inside the work
    /// tree with their relative paths.
    pub fn relative_all<'p>(
        &self,
        files: impl IntoIterator<Item = &'p PathBuf>,
    ) -> HashMap<PathBuf, PathBuf> {
        let mut dirs: HashMap<&Path, Option<PathBuf>> = HashMap::new();
        let mut out = HashMap::new();
        for file in files {
            let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
                continue;
            };
            // As `canonicalize`, a file that does not exist is not inside.
            let Ok(meta) = std::fs::symlink_metadata(file) else {
                continue;
            };
            let rel = if meta.file_type().is_symlink() || name == ".." || name == "." {
                self.relative(file)
            } else {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                dirs.entry(dir)
                    .or_insert_with(|| {
                        let abs = dir.canonicalize().ok()?;
                        abs.strip_prefix(&self.workdir).ok().map(Path::to_owned)
                    })
                    .as_ref()
                    .map(|d| d.join(name))
            };
            if let Some(rel) = rel {
                out.insert(file.clone(), rel);
            }
        }
        out
    }
}

/// Writes the log through a temporary file, so a reader never sees half of it.
/// The folders a log scan follows: each one's place in the queue (the
/// commit it is queued at) and how many tracked files it holds.
#[derive(Default)]
struct Folders {
    paths: Vec<PathBuf>,
    index: HashMap<PathBuf, usize>,
    live: Vec<usize>,
    queued: Vec<Option<usize>>,
}

impl Folders {
    /// Counts one more tracked file in `dir`; returns the folder's number.
    fn track(&mut self, dir: &Path) -> usize {
        let n = match self.index.get(dir) {
            Some(&n) => n,
            None => {
                self.paths.push(dir.to_owned());
                self.live.push(0);
                self.queued.push(None);
                self.index.insert(dir.to_owned(), self.paths.len() - 1);
                self.paths.len() - 1
            }
        };
        self.live[n] += 1;
        n
    }
}

/// Starts the log of `dir` from the log of the nearest folder above it,
/// which holds every change below it: what it covers is not read again.
fn seed_from_ancestor(log: &mut Log, dir: &Path) {
    let found = dir.ancestors().skip(1).find_map(|a| {
        let d = log.dirs.get(a)?;
        let rest = dir.strip_prefix(a).ok()?.to_str()?;
        (d.covered > 0).then(|| (d, format!("{}/", rest.replace('\\', "/"))))
    });
    let Some((ancestor, prefix)) = found else {
        return;
    };
    let seeded = log::DirLog {
        covered: ancestor.covered,
        changes: ancestor
            .changes
            .iter()
            .filter_map(|c| {
                let name = c.name.strip_prefix(&prefix)?;
                Some(log::Change {
                    name: name.to_owned(),
                    ..c.clone()
                })
            })
            .collect(),
    };
    log.dirs.insert(dir.to_owned(), seeded);
}

/// The commits of a stretch of the chain, as [`History::commits`] lists them.
fn commit_infos(links: &[Link]) -> Vec<CommitInfo> {
    links
        .iter()
        .map(|l| CommitInfo {
            id: l.id.to_string(),
            time: l.time,
        })
        .collect()
}

/// Returns the deepest folder holding every path.
fn common_dir(paths: &[PathBuf]) -> PathBuf {
    let mut common: Option<Vec<std::path::Component<'_>>> = None;
    for p in paths {
        let parent: Vec<_> = p
            .parent()
            .map(|d| d.components().collect())
            .unwrap_or_default();
        common = Some(match common {
            None => parent,
            Some(c) => c
                .into_iter()
                .zip(parent)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common.unwrap_or_default().iter().collect()
}

/// Returns the log key of a path under the first of `roots` holding it
/// (see [`key_of`]).
fn key_in(roots: &[PathBuf], path: &Path) -> Option<(PathBuf, String)> {
    let root = roots
        .iter()
        .find(|r| path.starts_with(r))
        .or(roots.first())?;
    key_of(root, path)
}

/// Returns the log key of a path: `root` and the path below it (`a/b.md`),
/// or, outside `root`, its folder and file name.
fn key_of(root: &Path, path: &Path) -> Option<(PathBuf, String)> {
    match path.strip_prefix(root) {
        Ok(rest) if !rest.as_os_str().is_empty() => {
            let parts: Option<Vec<&str>> =
                rest.components().map(|c| c.as_os_str().to_str()).collect();
            Some((root.to_owned(), parts?.join("/")))
        }
        _ => log::split(path),
    }
}

/// At most this many folders of files are each followed on their own
/// (see [`Repo::roots`]).
const FEW_FOLDERS: usize = 16;

/// At most this many files are read by bisection (see [`Repo::probe`])
/// when the log has not followed their folders yet.
const FEW_FILES: usize = 64;

/// Returns true when the log knows what every commit of its chain changed
/// in the folder of each path (or in a folder above it).
fn logged(log: &Log, paths: &[PathBuf]) -> bool {
    paths.iter().all(|p| {
        p.parent().is_some_and(|dir| {
            dir.ancestors().any(|a| {
                log.dirs
                    .get(a)
                    .is_some_and(|d| d.covered + 1 >= log.chain.len())
            })
        })
    })
}

/// The first step back of [`Repo::probe`], in commits: a recent page
/// reads this many commits of the chain, an old one twice as many steps
/// as the doublings it takes.
const FIRST_STEP: usize = 16;

/// The history log's file name, in `.git/trame/`.
const LOG_FILE: &str = "history-log";

/// The most added × deleted files compared by similarity in one commit is
/// this squared, as git's `diff.renameLimit` (whose default is 1,000).
const RENAME_LIMIT: usize = 1000;

/// Returns which of the `appeared` files (indices into `names`) a commit's
/// renames (old, new) created, with their old names.
fn renamed_among(
    renames: &[(PathBuf, PathBuf)],
    appeared: &[usize],
    names: &[PathBuf],
) -> Vec<(usize, PathBuf)> {
    // By name: a bulk move renames thousands of files at once.
    let mut by_name: HashMap<&Path, Vec<usize>> = HashMap::new();
    for &f in appeared {
        by_name.entry(names[f].as_path()).or_default().push(f);
    }
    let mut out = Vec::new();
    for (old, new) in renames {
        if let Some(files) = by_name.get(new.as_path()) {
            out.extend(files.iter().map(|&f| (f, old.clone())));
        }
    }
    out
}

fn write_log(file: &Path, text: &str) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    crate::fs::write_cache(file, text.as_bytes())
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
    line_origins_with(versions, &|_, _| false)
}

/// [`line_origins`], where a replaced run of lines that `unchanged` judges
/// the same as the lines it replaces (say, a typo fix) keeps their origins.
pub fn line_origins_with(versions: &[&str], unchanged: &dyn Fn(&str, &str) -> bool) -> Vec<Origin> {
    let mut origins: Vec<Origin> = Vec::new();
    let mut prev: Option<&str> = None;
    for (k, text) in versions.iter().enumerate() {
        origins = match prev {
            None => vec![k; text.lines().count()],
            Some(old) => {
                // Lines as the pages count them: ended by `\n` only (a lone
                // `\r` is no line break for Markdown line numbers).
                let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
                let new_lines: Vec<&str> = text.split_inclusive('\n').collect();
                let ops =
                    similar::capture_diff_slices(similar::Algorithm::Myers, &old_lines, &new_lines);
                let mut next = Vec::with_capacity(new_lines.len());
                for op in ops {
                    match op {
                        similar::DiffOp::Equal { old_index, len, .. } => {
                            next.extend(
                                (0..len).map(|i| origins.get(old_index + i).copied().unwrap_or(k)),
                            );
                        }
                        similar::DiffOp::Replace {
                            old_index,
                            old_len,
                            new_index,
                            new_len,
                        } => {
                            let before = old_lines[old_index..old_index + old_len].concat();
                            let after = new_lines[new_index..new_index + new_len].concat();
                            if unchanged(&before, &after) {
                                // The newest origin of the lines replaced.
                                let kept = (old_index..old_index + old_len)
                                    .filter_map(|i| origins.get(i).copied())
                                    .max()
                                    .unwrap_or(k);
                                next.extend((0..new_len).map(|i| {
                                    if old_len == new_len {
                                        origins.get(old_index + i).copied().unwrap_or(kept)
                                    } else {
                                        kept
                                    }
                                }));
                            } else {
                                next.extend(std::iter::repeat_n(k, new_len));
                            }
                        }
                        similar::DiffOp::Insert { new_len, .. } => {
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
    fn unchanged_runs_keep_their_origins() {
        let v0 = "a\nb\nc\n";
        let v1 = "a\nB\nc\n";
        let same = |x: &str, y: &str| x.eq_ignore_ascii_case(y);
        assert_eq!(line_origins_with(&[v0, v1], &same), vec![0, 0, 0]);
        assert_eq!(line_origins_with(&[v0, "a\nX\nc\n"], &same), vec![0, 1, 0]);
        // Line breaks of every kind, as the diff cuts them.
        let r0 = "a\rb\r\nc";
        let r1 = "a\rB\r\nc\rd";
        assert_eq!(
            line_origins_with(&[r0, r1], &same).len(),
            r1.lines().count()
        );
    }

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

/// The log answers exactly as a walk does, through new commits, rewrites,
/// renames and damage.
#[cfg(test)]
mod log_tests {
    use super::*;

    /// A repository whose commits have a fixed author and increasing times.
    struct Fixture {
        dir: tempfile::TempDir,
        repo: git2::Repository,
        time: i64,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = tempfile::tempdir().unwrap();
            let repo = git2::Repository::init(dir.path()).unwrap();
            Fixture {
                dir,
                repo,
                time: 1_700_000_000,
            }
        }

        /// Writes (`Some`) or deletes (`None`) files, then commits them.
        fn commit(&mut self, files: &[(&str, Option<&str>)]) -> git2::Oid {
            let mut index = self.repo.index().unwrap();
            for (path, text) in files {
                let abs = self.dir.path().join(path);
                match text {
                    Some(text) => {
                        std::fs::create_dir_all(abs.parent().unwrap()).unwrap();
                        std::fs::write(&abs, text).unwrap();
                        index.add_path(Path::new(path)).unwrap();
                    }
                    None => {
                        let _ = std::fs::remove_file(&abs);
                        index.remove_path(Path::new(path)).unwrap();
                    }
                }
            }
            index.write().unwrap();
            self.time += 3600;
            let sig = git2::Signature::new(
                "Fixture",
                "fixture@example.org",
                &git2::Time::new(self.time, 0),
            )
            .unwrap();
            let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
            let parent = self.head().map(|id| self.repo.find_commit(id).unwrap());
            let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
            self.repo
                .commit(Some("HEAD"), &sig, &sig, "change", &tree, &parents)
                .unwrap()
        }

        fn head(&self) -> Option<git2::Oid> {
            self.repo.head().ok().and_then(|h| h.target())
        }

        /// Moves HEAD (and the work tree) to `id`.
        fn reset(&self, id: git2::Oid) {
            let commit = self.repo.find_object(id, None).unwrap();
            self.repo
                .reset(&commit, git2::ResetType::Hard, None)
                .unwrap();
        }

        fn open(&self) -> Repo {
            Repo::open(self.dir.path()).unwrap()
        }

        fn log_file(&self) -> PathBuf {
            self.repo.path().join("trame").join("history-log")
        }

        /// Asserts that the log, a bisection and a walk agree on `paths`;
        /// returns the answer.
        fn check(&self, paths: &[&str]) -> History {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            let repo = self.open();
            let (logged, learned) = repo.read_history(&paths, false).unwrap();
            learned.save();
            let walked = repo.walk(&paths).unwrap();
            assert_eq!(logged.commits, walked.commits);
            assert_eq!(logged.versions, walked.versions);
            assert!(self.log_file().is_file());
            // Read back from the log alone, the answer is the same.
            let (again, learned) = repo.read_history(&paths, false).unwrap();
            learned.save();
            assert_eq!(again.versions, walked.versions);
            // By bisection, from a log that knows only HEAD.
            let mut fresh = Log::new(repo.link(self.head().unwrap()).unwrap());
            let probed = repo.probe(&paths, &mut fresh).unwrap();
            assert_eq!(probed.commits, walked.commits);
            assert_eq!(probed.versions, walked.versions);
            logged
        }
    }

    /// A deterministic sequence of edits, renames, deletions and re-creations
    /// in two directories and the root.
    fn busy_history(fx: &mut Fixture, steps: usize) -> Vec<git2::Oid> {
        let names = ["a/x.md", "a/y.md", "a/z.md", "b/x.md", "b/w.md", "r.md"];
        let mut seed: u64 = 7;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut present: HashMap<&str, String> = HashMap::new();
        let mut commits = Vec::new();
        for step in 0..steps {
            let name = names[next(names.len() as u64) as usize];
            let mut files: Vec<(&str, Option<String>)> = Vec::new();
            match (present.get(name).cloned(), next(6)) {
                (None, _) => files.push((name, Some(format!("{name} born at {step}\nline\n")))),
                (Some(_), 0) => files.push((name, None)),
                (Some(text), 1) => {
                    // Rename within the directory, keeping the text.
                    let dir = &name[..name.rfind('/').map_or(0, |i| i + 1)];
                    let to = names
                        .iter()
                        .find(|n| n.starts_with(dir) && !present.contains_key(*n))
                        .copied();
                    if let Some(to) = to.filter(|t| t.contains('/') == name.contains('/')) {
                        files.push((name, None));
                        files.push((to, Some(text)));
                    } else {
                        files.push((name, Some(format!("{text}edit {step}\n"))));
                    }
                }
                (Some(text), _) => files.push((name, Some(format!("{text}edit {step}\n")))),
            }
            for (n, t) in &files {
                match t {
                    Some(t) => present.insert(n, t.clone()),
                    None => present.remove(n),
                };
            }
            let refs: Vec<(&str, Option<&str>)> =
                files.iter().map(|(n, t)| (*n, t.as_deref())).collect();
            commits.push(fx.commit(&refs));
        }
        commits
    }

    const ALL: &[&str] = &["a/x.md", "a/y.md", "a/z.md", "b/x.md", "b/w.md", "r.md"];

    #[test]
    fn log_agrees_with_walk_as_history_grows() {
        let mut fx = Fixture::new();
        let commits = busy_history(&mut fx, 80);
        // Built at an old head, then advanced, then asked for one file.
        // Advanced one commit and many commits at a time.
        for head in [30, 31, 32, 40, 41, 55, 79] {
            fx.reset(commits[head]);
            fx.check(ALL);
        }
        // One file of a fresh clone is read by bisection: the log keeps the
        // chain, as far as the file goes back, and learns no folder.
        std::fs::remove_file(fx.log_file()).unwrap();
        let probed = fx.open().history(&[PathBuf::from("a/y.md")]).unwrap();
        let log = log::parse(&std::fs::read_to_string(fx.log_file()).unwrap()).unwrap();
        assert!(log.dirs.is_empty());
        assert!(log.chain.len() >= probed.commits.len());
        assert_eq!(
            probed.versions,
            fx.open().walk(&[PathBuf::from("a/y.md")]).unwrap().versions
        );
        let all = fx.check(ALL);
        assert!(all.versions.values().map(Vec::len).sum::<usize>() > 20);
        fx.check(&["a/y.md"]);
        fx.check(&["r.md", "b/w.md"]);
        // Back to an older head: the log is cut, not rebuilt.
        fx.reset(commits[50]);
        fx.check(ALL);
        fx.reset(commits[79]);
        fx.check(ALL);
    }

    #[test]
    fn log_survives_a_rewritten_history() {
        let mut fx = Fixture::new();
        let commits = busy_history(&mut fx, 40);
        fx.check(ALL);
        // Drop the last ten commits and commit something else instead.
        fx.reset(commits[29]);
        fx.commit(&[("a/x.md", Some("rewritten\n")), ("b/new.md", Some("n\n"))]);
        fx.commit(&[("a/x.md", Some("rewritten twice\n"))]);
        let h = fx.check(&["a/x.md", "b/new.md", "b/x.md"]);
        assert_eq!(h.versions[Path::new("a/x.md")][0].commit, 0);
        assert!(!h.commits.iter().any(|c| c.id == commits[39].to_string()));
    }

    #[test]
    fn damaged_or_foreign_log_is_ignored() {
        let mut fx = Fixture::new();
        busy_history(&mut fx, 30);
        fx.check(ALL);
        let file = fx.log_file();
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, &text[..text.len() / 2]).unwrap();
        fx.check(ALL);
        std::fs::write(&file, "not a log\n").unwrap();
        fx.check(ALL);
        // A log of another repository shares no commit with this one.
        let mut other = Fixture::new();
        busy_history(&mut other, 10);
        other.check(ALL);
        std::fs::copy(other.log_file(), &file).unwrap();
        fx.check(ALL);
    }

    #[test]
    fn one_log_folder_holds_every_page() {
        let paths = [
            PathBuf::from("content/en/docs/a/x.md"),
            PathBuf::from("content/fr/docs/b/x.md"),
        ];
        let root = common_dir(&paths);
        assert_eq!(root, PathBuf::from("content"));
        assert_eq!(
            key_of(&root, &paths[1]),
            Some((root.clone(), "fr/docs/b/x.md".to_owned()))
        );
        // Outside the folder (a rename from elsewhere): its own folder.
        assert_eq!(
            key_of(&root, Path::new("old/y.md")),
            Some((PathBuf::from("old"), "y.md".to_owned()))
        );
        assert_eq!(common_dir(&[PathBuf::from("x.md")]), PathBuf::new());
    }

    #[test]
    fn a_page_moved_and_edited_is_followed_by_similarity() {
        let page = "# Search\n\nSet up Elasticsearch.\n\nIt indexes public posts.\n\nRun the indexer once.\n\nCheck the logs.\n";
        let mut fx = Fixture::new();
        fx.commit(&[
            ("c/opt/search.md", Some(page)),
            ("c/opt/tor.md", Some("# Tor\n\nOnion services.\n")),
        ]);
        // Moved with one line changed, and an unrelated page replaced.
        let edited = page.replace("once", "twice");
        fx.commit(&[
            ("c/opt/search.md", None),
            ("c/search.md", Some(edited.as_str())),
            ("c/opt/tor.md", None),
            (
                "c/i2p.md",
                Some("# I2P\n\nGarlic routing, another network.\n"),
            ),
        ]);
        let h = fx.check(&["c/search.md", "c/i2p.md"]);
        let paths = |p: &str| -> Vec<PathBuf> {
            h.versions[Path::new(p)]
                .iter()
                .map(|v| v.path.clone())
                .collect()
        };
        assert_eq!(
            paths("c/search.md"),
            [
                PathBuf::from("c/search.md"),
                PathBuf::from("c/opt/search.md")
            ]
        );
        assert_eq!(paths("c/i2p.md"), [PathBuf::from("c/i2p.md")]);
    }

    #[test]
    fn renames_are_followed_within_and_across_directories() {
        let mut fx = Fixture::new();
        fx.commit(&[("c/en.md", Some("one\ntwo\n"))]);
        fx.commit(&[("c/en.md", Some("one\ntwo\nthree\n"))]);
        // Renamed within the directory, then moved to another one.
        fx.commit(&[("c/en.md", None), ("c/news.md", Some("one\ntwo\nthree\n"))]);
        fx.commit(&[("c/news.md", Some("one\ntwo\nthree\nfour\n"))]);
        let h = fx.check(&["c/news.md"]);
        let paths: Vec<&Path> = h.versions[Path::new("c/news.md")]
            .iter()
            .map(|v| v.path.as_path())
            .collect();
        assert_eq!(
            paths,
            [
                Path::new("c/news.md"),
                Path::new("c/en.md"),
                Path::new("c/en.md")
            ]
        );
        fx.commit(&[
            ("c/news.md", None),
            ("d/news.md", Some("one\ntwo\nthree\nfour\n")),
        ]);
        let h = fx.check(&["d/news.md"]);
        assert_eq!(h.versions[Path::new("d/news.md")].len(), 3);
    }

    /// Files in two of four language folders are logged folder by folder
    /// (the others' trees are never read), and such a folder's log starts
    /// from the log of the folder above it when there is one; either way
    /// the answer is the walk's.
    #[test]
    fn one_language_of_several_is_logged_on_its_own() {
        let mut fx = Fixture::new();
        // Pages in more folders than are followed one by one.
        let many: Vec<String> = (0..=FEW_FOLDERS).map(|k| format!("c/x/{k}/p.md")).collect();
        let files: Vec<(&str, Option<&str>)> =
            many.iter().map(|p| (p.as_str(), Some("x\n"))).collect();
        fx.commit(&files);
        let langs = ["en", "fr", "de", "it"];
        for step in 0..24 {
            let lang = langs[step % 4];
            let text = format!("step {step}\n");
            fx.commit(&[(format!("c/{lang}/p.md").as_str(), Some(text.as_str()))]);
            if step == 12 {
                // A move within the English folder.
                fx.commit(&[("c/en/p.md", None), ("c/en/q/p.md", Some("step 12\n"))]);
                fx.commit(&[("c/en/p.md", Some("new\n"))]);
            }
        }
        let two = ["c/en/q/p.md", "c/fr/p.md"];
        let h = fx.check(&two);
        assert!(h.versions[Path::new("c/en/q/p.md")].len() >= 4);
        let logged =
            |fx: &Fixture| log::parse(&std::fs::read_to_string(fx.log_file()).unwrap()).unwrap();
        // Few files: each folder on its own, and the folder the page was
        // moved from (which holds `c/en/q`, so that one is not stored).
        let dirs: Vec<PathBuf> = logged(&fx).dirs.into_keys().collect();
        assert_eq!(dirs, ["c/en", "c/fr"].map(PathBuf::from));
        // Logged from above: the whole folder first, then two languages.
        std::fs::remove_file(fx.log_file()).unwrap();
        let mut all: Vec<&str> = vec!["c/en/q/p.md", "c/fr/p.md", "c/de/p.md", "c/it/p.md"];
        all.extend(many.iter().map(String::as_str));
        fx.check(&all);
        let before = logged(&fx);
        fx.check(&two);
        // Cut from the log of `c`, they are not stored again (nor read by
        // bisection: the log has them).
        assert_eq!(logged(&fx), before);
        let mut log = before.clone();
        seed_from_ancestor(&mut log, Path::new("c/fr"));
        let fr = &log.dirs[Path::new("c/fr")];
        assert_eq!(fr.covered, before.dirs[Path::new("c")].covered);
        let names: Vec<&str> = fr.changes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        assert!(names.iter().all(|n| *n == "p.md"), "{names:?}");
    }

    /// The chain is read from commit headers by trame's own parser: it
    /// agrees with libgit2 on real commits, takes the first of two parents,
    /// reads past a signature, and gives up (libgit2 reads it then) on a
    /// header it does not understand.
    #[test]
    fn commit_headers_give_tree_parent_and_time() {
        let mut fx = Fixture::new();
        fx.commit(&[("a.md", Some("a\n"))]);
        fx.commit(&[("a.md", Some("b\n"))]);
        let repo = fx.open();
        let odb = repo.inner.odb().unwrap();
        let mut at = fx.head();
        while let Some(id) = at {
            let commit = repo.inner.find_commit(id).unwrap();
            let raw = odb.read(id).unwrap();
            let facts = ChainFacts::parse(raw.data()).unwrap();
            assert_eq!(facts.tree, commit.tree_id());
            assert_eq!(facts.parent, commit.parent_ids().next());
            assert_eq!(facts.time, commit.time().seconds());
            at = facts.parent;
        }
        let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
        let (p1, p2) = (
            "1111111111111111111111111111111111111111",
            "2222222222222222222222222222222222222222",
        );
        let merge = format!(
            "tree {tree}\nparent {p1}\nparent {p2}\nauthor A <a@x> 1 +0000\n\
             committer C D <c@x> 1700000123 -0130\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n \
             abc\n -----END PGP SIGNATURE-----\n\nMessage\n\ncommitter X <x@x> 5 +0000\n"
        );
        let facts = ChainFacts::parse(merge.as_bytes()).unwrap();
        assert_eq!(facts.tree.to_string(), tree);
        assert_eq!(facts.parent.map(|p| p.to_string()).as_deref(), Some(p1));
        assert_eq!(facts.time, 1_700_000_123);
        let root =
            format!("tree {tree}\nauthor A <a@x> 1 +0000\ncommitter C <c@x> 42 +0000\n\nroot\n");
        let facts = ChainFacts::parse(root.as_bytes()).unwrap();
        assert_eq!((facts.parent, facts.time), (None, 42));
        for bad in [
            "tree zz\ncommitter C <c@x> 42 +0000\n\n".to_owned(),
            format!("tree {tree}\ncommitter C <c@x> soon +0000\n\n"),
            format!("tree {tree}\n\ncommitter C <c@x> 42 +0000\n"),
        ] {
            assert!(ChainFacts::parse(bad.as_bytes()).is_none(), "{bad}");
        }
    }

    #[test]
    fn recreated_file_starts_a_new_history() {
        let mut fx = Fixture::new();
        fx.commit(&[("p.md", Some("old\n")), ("q.md", Some("q\n"))]);
        fx.commit(&[("p.md", None)]);
        fx.commit(&[("p.md", Some("new\n"))]);
        let h = fx.check(&["p.md", "q.md", "missing.md"]);
        assert_eq!(h.versions[Path::new("p.md")].len(), 1);
        assert!(!h.versions.contains_key(Path::new("missing.md")));
    }
}
