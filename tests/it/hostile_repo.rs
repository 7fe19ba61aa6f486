//! Hostile repositories: symbolic links planted at the temporary names of
//! the old writer (`.NAME.trame-PID.tmp` for the process ids that follow
//! ours, and names like the current `.trame-XXXXXX.tmp`) point outside the
//! repository; `sync`, `write`, `review` and a save through the library
//! write their files and change no byte outside.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A command that has not returned by then is a failure.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Page names, for the bait files outside the repository.
const NAMES: [&str; 8] = [
    "intro",
    "2024-12-05-newsletter",
    "guide",
    "faq",
    "über-uns",
    "release notes",
    "a.b",
    "x_y",
];

// ---------------------------------------------------------------------------
// Files on disk.

/// What a file system entry is, compared before and after the commands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Dir,
    Link(PathBuf),
    Other,
}

/// Every entry under `dir` (links not followed), by path from `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let rel = path.strip_prefix(dir).unwrap().to_owned();
            let entry = if meta.file_type().is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap())
            } else if meta.is_dir() {
                stack.push(path.clone());
                Entry::Dir
            } else if meta.is_file() {
                Entry::File(std::fs::read(&path).unwrap())
            } else {
                Entry::Other
            };
            out.insert(rel, entry);
        }
    }
    out
}

/// Writes a file of the repository, after making sure no folder on the way
/// is a link (the test itself must not write outside).
fn put(repo: &Path, rel: &str, bytes: &[u8]) {
    let path = repo.join(rel);
    for a in Path::new(rel).ancestors().skip(1) {
        if a.as_os_str().is_empty() {
            continue;
        }
        let m = std::fs::symlink_metadata(repo.join(a));
        assert!(
            !m.is_ok_and(|m| m.file_type().is_symlink()),
            "test bug: {rel} is under a link"
        );
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[cfg(unix)]
fn link(repo: &Path, rel: &str, target: &str) {
    let path = repo.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// Stages everything (deletions included) and commits, one minute apart.
fn commit(repo: &git2::Repository, time: &mut i64, message: &str) {
    let mut index = repo.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.update_all(["*"], None).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::new("Test", "test@example.com", &git2::Time::new(*time, 0)).unwrap();
    *time += 60;
    let parents: Vec<git2::Commit<'_>> = repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_commit().ok())
        .into_iter()
        .collect();
    let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .unwrap();
}

/// The folder outside the repository the links point at.
fn make_outside(root: &Path) -> PathBuf {
    let outside = root.join("outside");
    std::fs::create_dir_all(outside.join("sub")).unwrap();
    std::fs::write(
        outside.join("victim.md"),
        "---\ntitle: Victime\n---\n\nNe pas toucher.\n",
    )
    .unwrap();
    std::fs::write(outside.join("notes.txt"), "keep me\n").unwrap();
    std::fs::write(outside.join("records.txt"), "not a record\n").unwrap();
    for name in NAMES {
        std::fs::write(
            outside.join(format!("sub/{name}.md")),
            "# Dehors\n\nthe project [guide](https://example.org/x) 42\n",
        )
        .unwrap();
        std::fs::write(
            outside.join(format!("sub/{name}.fr.md")),
            "# Dehors\n\nle projet\n",
        )
        .unwrap();
    }
    outside
}

// ---------------------------------------------------------------------------
// Running the binary.

/// Runs trame in `cwd` with a cleared environment and no input; fails if it
/// has not returned within [`TIMEOUT`]. Output goes to files, so a large
/// output cannot block the child while it is polled.
fn run(cwd: &Path, args: &[&str]) -> Output {
    let mut out = tempfile::tempfile().unwrap();
    let mut err = tempfile::tempfile().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .expect("trame runs");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "trame {args:?} did not return within {} s in {}",
                TIMEOUT.as_secs(),
                cwd.display()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let read = |f: &mut std::fs::File| {
        use std::io::{Read as _, Seek as _};
        f.rewind().unwrap();
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        v
    };
    Output {
        status,
        stdout: read(&mut out),
        stderr: read(&mut err),
    }
}

/// The assertions every run must meet.
fn check_run(args: &[&str], out: &Output) -> Result<(), TestCaseError> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    prop_assert!(
        matches!(code, Some(0..=2)),
        "trame {:?}: exit {:?}\nstderr:\n{}",
        args,
        code,
        stderr
    );
    prop_assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "trame {:?} panicked:\n{}",
        args,
        stderr
    );
    let json = args.windows(2).any(|w| w == ["--format", "json"]);
    if json && matches!(code, Some(0 | 1)) {
        let parsed = serde_json::from_slice::<serde_json::Value>(&out.stdout);
        prop_assert!(
            parsed.is_ok(),
            "trame {:?}: stdout is not JSON ({:?}):\n{}\nstderr:\n{}",
            args,
            parsed.err(),
            String::from_utf8_lossy(&out.stdout),
            stderr
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Links at the temporary names of the old writer.

const HOSTILE_EN_V1: &str = "---\ntitle: Hello\n---\n\nRead the [guide](https://example.org/v1/guide) first.\n\n## Install\n\nRun the installer and follow the steps.\n";
const HOSTILE_EN_V2: &str = "---\ntitle: Hello\n---\n\nRead the [guide](https://example.org/v2/guide) first.\n\n## Install\n\nRun the installer and follow the steps.\n";
const HOSTILE_FR: &str = "---\ntitle: Bonjour\n---\n\nLisez d'abord le [guide](https://example.org/v1/guide).\n\n## Installation\n\nLancez l'installateur et suivez les étapes.\n";
const HOSTILE_OTHER: &str = "# Other\n\nThe other page, not yet translated.\n";

/// How many process ids after this one get a planted link (the child's id
/// is unknown, but follows ours closely on an idle machine).
const PID_RANGE: u32 = 2000;

#[cfg(unix)]
#[test]
fn links_at_temporary_names_are_never_followed() {
    let root = tempfile::tempdir().unwrap();
    let outside = make_outside(root.path());
    let dir = root.path().join("repo");
    let repo = git2::Repository::init(&dir).unwrap();
    let mut time = 1_700_000_000;
    put(&dir, "content/x.md", HOSTILE_EN_V1.as_bytes());
    put(&dir, "content/x.fr.md", HOSTILE_FR.as_bytes());
    put(&dir, "content/y.md", HOSTILE_OTHER.as_bytes());
    commit(&repo, &mut time, "site");
    put(&dir, "content/x.md", HOSTILE_EN_V2.as_bytes());
    commit(&repo, &mut time, "new guide");

    // Every name the old writer would have used for the files written
    // below (`.NAME.trame-PID.tmp`), and names like the current ones.
    let victim = "../../outside/victim.md";
    let me = std::process::id();
    for pid in me..=me.saturating_add(PID_RANGE) {
        for name in ["x.fr.md", "y.it.md", ".trame-reviews", ".trame-align"] {
            link(&dir, &format!("content/.{name}.trame-{pid}.tmp"), victim);
        }
    }
    for name in ["", "000000", "XXXXXX", "aaaaaa", "x.fr.md", "y.it.md"] {
        link(&dir, &format!("content/.trame-{name}.tmp"), victim);
    }
    let before = snapshot(&outside);

    let sync = run(&dir, &["sync"]);
    check_run(&["sync"], &sync).unwrap();
    assert_eq!(sync.status.code(), Some(0), "{sync:?}");
    let fr = std::fs::read_to_string(dir.join("content/x.fr.md")).unwrap();
    assert!(
        fr.contains("https://example.org/v2/guide"),
        "{fr}\n{sync:?}"
    );

    let write = run(&dir, &["write", "content/y.md", "--lang", "it"]);
    assert_eq!(write.status.code(), Some(0), "{write:?}");
    let it = dir.join("content/y.it.md");
    assert!(
        std::fs::symlink_metadata(&it).is_ok_and(|m| m.is_file()),
        "{write:?}"
    );
    assert!(
        std::fs::read_to_string(&it)
            .unwrap()
            .contains("not yet translated")
    );

    let review = run(&dir, &["review", "content/x.md", "--lang", "fr", "--all"]);
    assert_eq!(review.status.code(), Some(0), "{review:?}");
    assert!(
        std::fs::symlink_metadata(dir.join("content/.trame-reviews")).is_ok_and(|m| m.is_file()),
        "{review:?}"
    );

    // A save through the library, from this very process.
    let path = dir.join("content/x.fr.md");
    let original = std::fs::read(&path).unwrap();
    let edited = String::from_utf8(original.clone())
        .unwrap()
        .replace("Lancez", "Exécutez");
    trame::workspace::save_file(&path, &original, &edited).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert!(
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()),
        "the translation is a file, not a link"
    );

    assert_eq!(
        snapshot(&outside),
        before,
        "a command wrote through a planted link"
    );
}
