//! Atomic file writes, the one way trame replaces a file on disk.
//!
//! Every writer (translations, review records, alignment corrections, the
//! history log, the page cache) goes through here. A write creates a
//! temporary file named `.trame-XXXXXX.tmp` (random, created exclusively, so
//! nothing planted at a predictable name is ever followed) in the target's
//! directory, writes and syncs it, gives it the permissions of the file it
//! replaces, renames it over the target and syncs the directory (on a
//! background thread, which [`settle`] waits for): a crash leaves the old
//! file or the new one, never half of either.
//!
//! A target that is a symbolic link is refused (`InvalidInput`), unless the
//! caller names a root the link resolves inside: then the real file is
//! written ([`write_atomic_in`]).
//!
//! Which files are pages at all ([`is_markdown`]) is decided here too, for
//! discovery and history alike.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The file extensions of Markdown pages, as Hugo reads them (any case).
pub const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown"];

/// Whether `path` names a Markdown page (`x.md`, `x.markdown`, `x.mdown`,
/// in any case): the one rule for discovery and history alike.
pub fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        MARKDOWN_EXTENSIONS
            .iter()
            .any(|m| e.eq_ignore_ascii_case(m))
    })
}

/// The start of every temporary file name.
const TEMP_PREFIX: &str = ".trame-";
/// The end of every temporary file name.
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically and durably; refuses a symbolic link.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_in(None, path, bytes)
}

/// Writes `bytes` to `path` atomically and durably. When `path` is a
/// symbolic link, it is refused unless `root` is given and the link resolves
/// to a file inside `root`; then that file is replaced (the link stays).
pub fn write_atomic_in(root: Option<&Path>, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(root, path)?;
    replace(&target, bytes, true)
}

/// Writes a cache file: atomic (a reader sees all of it or none) but not
/// synced, since a cache lost in a crash is only computed again. Refuses a
/// symbolic link like [`write_atomic`].
pub fn write_cache(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(None, path)?;
    replace(&target, bytes, false)
}

/// Removes the temporary files a killed write left in `dir` (`.trame-*.tmp`,
/// and `.NAME.trame-PID.tmp` from older versions) last modified more than
/// `older_than` ago; returns the paths removed. Errors are skipped: this is
/// housekeeping.
pub fn remove_stale_temp_files(dir: &Path, older_than: Duration) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !is_temp_name(name) {
            continue;
        }
        // The entry itself, never what a link points to.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.is_dir() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > older_than);
        if old && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed.sort();
    removed
}

/// Removes `path` when it was last modified more than `older_than` ago;
/// returns whether it did.
pub fn remove_if_stale(path: &Path, older_than: Duration) -> bool {
    let old = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > older_than);
    old && std::fs::remove_file(path).is_ok()
}

/// Whether a file name is one of our temporary files, current or legacy.
pub fn is_temp_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(TEMP_SUFFIX) else {
        return false;
    };
    if stem.starts_with(TEMP_PREFIX) && stem.len() > TEMP_PREFIX.len() {
        return true;
    }
    // Legacy: `.NAME.trame-PID.tmp`.
    name.starts_with('.')
        && stem.rsplit_once(".trame-").is_some_and(|(file, pid)| {
            file.len() > 1 && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The file to replace: `path`, or the file its link resolves to inside `root`.
fn resolve(root: Option<&Path>, path: &Path) -> io::Result<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_owned());
    }
    let refuse = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "refusing to write through a symbolic link: {}",
                path.display()
            ),
        )
    };
    let root = root.ok_or_else(refuse)?;
    // A dangling link or one leaving the root is refused alike.
    let real = std::fs::canonicalize(path).map_err(|_| refuse())?;
    let root = std::fs::canonicalize(root).map_err(|_| refuse())?;
    if real.starts_with(&root) && std::fs::metadata(&real).is_ok_and(|m| m.is_file()) {
        Ok(real)
    } else {
        Err(refuse())
    }
}

/// Replaces `target` (not a link) through a temporary file in its directory.
fn replace(target: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // A new file gets the usual mode (umask applied), not tempfile's 0600.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Created exclusively (O_EXCL) under a random name; removed on error.
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
        // The owner and group of the file replaced too, where the user may
        // set them (root editing someone's checkout); else they stay ours.
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
        }
    }
    tmp.persist(target).map_err(|e| e.error)?;
    if durable {
        dir_sync::later(dir);
    }
    Ok(())
}

/// Waits until every directory sync asked for by a durable write so far is
/// done: once it returns, every rename made before is on disk. The command
/// line calls it before the process exits.
pub fn settle() {
    dir_sync::settle();
}

/// Directory syncs, made on one background thread.
///
/// A durable write syncs its file before the rename (so the new name never
/// points at missing data) and its directory after (so the rename itself
/// survives a crash). Until the directory is synced a crash leaves the old
/// file, whole, as it would a moment before the rename: the sync adds
/// durability, not atomicity, so it need not hold up the caller. It runs
/// beside the caller's next work, at most [`GATHER`] later, once per
/// directory for the writes queued meanwhile (a group commit: a `sync` of a
/// hundred pages of one folder syncs it once, as git's batched fsync mode
/// does), and [`settle`] has it run at once and waits for it.
mod dir_sync {
    use std::path::{Path, PathBuf};
    use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
    use std::time::{Duration, Instant};

    /// Directories waiting for their sync, and whether one is under way.
    struct Queue {
        waiting: Vec<PathBuf>,
        syncing: bool,
        /// Set by [`settle`]: sync what waits now, without gathering more.
        hurry: bool,
    }

    /// How long the worker gathers the directories of further writes before
    /// it syncs: writes in a burst (a `sync` of many pages, a benchmark)
    /// share a sync instead of each waiting behind the last one's.
    const GATHER: Duration = Duration::from_millis(20);

    static QUEUE: Mutex<Queue> = Mutex::new(Queue {
        waiting: Vec::new(),
        syncing: false,
        hurry: false,
    });
    /// Wakes the worker when a directory is queued.
    static QUEUED: Condvar = Condvar::new();
    /// Wakes [`settle`] when the worker has synced what it took.
    static DONE: Condvar = Condvar::new();
    /// How many directory syncs the worker has made.
    pub(super) static SYNCED: std::sync::atomic::AtomicUsize =
        std::sync::atomic::AtomicUsize::new(0);

    /// Whether the worker thread could be started (on first use).
    static STARTED: OnceLock<bool> = OnceLock::new();

    fn lock() -> MutexGuard<'static, Queue> {
        QUEUE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Syncs one directory; not possible everywhere (Windows cannot open a
    /// directory this way), so failures are ignored.
    fn sync(dir: &Path) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }

    /// Queues `dir` for a sync (or syncs it now when no thread can be
    /// started).
    pub(super) fn later(dir: &Path) {
        let started = *STARTED.get_or_init(|| {
            std::thread::Builder::new()
                .name("trame-dir-sync".to_owned())
                .spawn(work)
                .is_ok()
        });
        if !started {
            sync(dir);
            return;
        }
        let mut queue = lock();
        // A directory already waiting is synced after this rename too; one
        // being synced now is queued again, its sync may have begun before.
        if !queue.waiting.iter().any(|d| d == dir) {
            queue.waiting.push(dir.to_owned());
        }
        QUEUED.notify_one();
    }

    fn work() {
        loop {
            let dirs = {
                let mut queue = lock();
                while queue.waiting.is_empty() {
                    queue = QUEUED
                        .wait(queue)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                let until = Instant::now() + GATHER;
                while !queue.hurry {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    queue = QUEUED
                        .wait_timeout(queue, left)
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .0;
                }
                queue.hurry = false;
                queue.syncing = true;
                std::mem::take(&mut queue.waiting)
            };
            for dir in &dirs {
                sync(dir);
            }
            SYNCED.fetch_add(dirs.len(), std::sync::atomic::Ordering::Relaxed);
            lock().syncing = false;
            DONE.notify_all();
        }
    }

    pub(super) fn settle() {
        let mut queue = lock();
        if !queue.waiting.is_empty() {
            queue.hurry = true;
            QUEUED.notify_one();
        }
        while !queue.waiting.is_empty() || queue.syncing {
            queue = DONE
                .wait(queue)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hugo's Markdown extensions, in any case; not other text files.
    #[test]
    fn markdown_pages_by_extension() {
        for page in [
            "a.md",
            "b.fr.MD",
            "c.markdown",
            "d.it.mdown",
            "e/f.Markdown",
        ] {
            assert!(is_markdown(Path::new(page)), "{page}");
        }
        for other in ["a.mdx", "b.txt", "md", "c.md.bak", "d.html"] {
            assert!(!is_markdown(Path::new(other)), "{other}");
        }
    }

    /// A durable write has its directory synced by the time `settle`
    /// returns.
    #[test]
    fn settle_waits_for_the_directory_sync() {
        use std::sync::atomic::Ordering;
        let dir = tempfile::tempdir().unwrap();
        let before = dir_sync::SYNCED.load(Ordering::Relaxed);
        write_atomic(&dir.path().join("x.md"), b"one").unwrap();
        settle();
        assert!(dir_sync::SYNCED.load(Ordering::Relaxed) > before);
        assert_eq!(std::fs::read(dir.path().join("x.md")).unwrap(), b"one");
    }

    /// The owner of a replaced file is kept where the user may set it (as
    /// root, which CI is); elsewhere the test says it cannot check.
    #[cfg(unix)]
    #[test]
    fn the_owner_is_kept() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, "one").unwrap();
        if std::os::unix::fs::chown(&path, Some(1234), Some(1234)).is_err() {
            eprintln!("SKIPPED: not allowed to change owners here, ownership not checked");
            return;
        }
        write_atomic(&path, b"two").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (1234, 1234));
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn write_creates_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        write_cache(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["x.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private_to_the_owner() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        // 0o666 minus the umask; a usual umask leaves it readable by the owner
        // and never makes it executable.
        assert_eq!(mode & 0o600, 0o600);
        assert_eq!(mode & 0o111, 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leaving_the_root_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, "keep").unwrap();
        let link = root.path().join("x.md");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        for result in [
            write_atomic(&link, b"evil"),
            write_atomic_in(Some(root.path()), &link, b"evil"),
            write_cache(&link, b"evil"),
        ] {
            let err = result.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
            assert_eq!(
                err.to_string(),
                format!(
                    "refusing to write through a symbolic link: {}",
                    link.display()
                )
            );
        }
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), "keep");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_root_writes_the_real_file() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("shared")).unwrap();
        let real = root.path().join("shared/x.md");
        std::fs::write(&real, "old").unwrap();
        let link = root.path().join("x.md");
        std::os::unix::fs::symlink("shared/x.md", &link).unwrap();
        // Without a root, even a link inside is refused.
        assert_eq!(
            write_atomic(&link, b"new").unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        write_atomic_in(Some(root.path()), &link, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A dangling link is refused, even inside the root.
        let dangling = root.path().join("gone.md");
        std::os::unix::fs::symlink("shared/gone.md", &dangling).unwrap();
        assert_eq!(
            write_atomic_in(Some(root.path()), &dangling, b"x")
                .unwrap_err()
                .kind(),
            io::ErrorKind::InvalidInput
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let planted = dir
            .path()
            .join(format!(".x.md.trame-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"new").unwrap();
        write_cache(&path, b"newer").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "newer");
        assert!(
            std::fs::symlink_metadata(&planted)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn stale_temporary_files_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let day = Duration::from_secs(24 * 3600);
        let age = |name: &str, ago: Duration| {
            let path = dir.path().join(name);
            let f = std::fs::File::create(&path).unwrap();
            f.set_modified(SystemTime::now() - ago).unwrap();
        };
        age(".trame-a1B2c3.tmp", 2 * day);
        age(".x.md.trame-4242.tmp", 2 * day);
        age(".trame-fresh.tmp", Duration::ZERO);
        age(".y.md.trame-7.tmp", Duration::from_secs(60));
        // Not ours, however old.
        age("notes.tmp", 2 * day);
        age(".x.md.trame-abc.tmp", 2 * day);
        age(".trame-.tmp", 2 * day);
        age("x.md", 2 * day);
        let removed = remove_stale_temp_files(dir.path(), day);
        assert_eq!(
            removed,
            [
                dir.path().join(".trame-a1B2c3.tmp"),
                dir.path().join(".x.md.trame-4242.tmp"),
            ]
        );
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".trame-.tmp",
                ".trame-fresh.tmp",
                ".x.md.trame-abc.tmp",
                ".y.md.trame-7.tmp",
                "notes.tmp",
                "x.md"
            ]
        );
        assert!(remove_stale_temp_files(&dir.path().join("missing"), day).is_empty());
    }
}
