//! Shared helpers: the corpus location and running the binary hermetically.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Returns `../shared/corpus` when it exists; otherwise says so on stderr
/// and returns `None`, so only the corpus cases are skipped.
pub(crate) fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; corpus cases are not run",
            dir.display()
        );
        None
    }
}

/// Returns every Markdown file under `dir`, sorted.
pub(crate) fn markdown_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Runs `trame` with a cleared environment (English UI unless `LANG` is given).
pub(crate) fn trame(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trame"));
    cmd.args(args)
        .current_dir(cwd)
        .env_clear()
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("trame runs")
}

/// Renders an output as a snapshot: stdout, stderr and the exit code.
pub(crate) fn render(output: &Output) -> String {
    format!(
        "{}------- stderr -------\n{}[exit status: {}]\n",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        output
            .status
            .code()
            .map_or("signal".into(), |c| c.to_string())
    )
}

/// A temporary repository with a clock that advances one minute per commit.
pub(crate) struct TestRepo {
    dir: tempfile::TempDir,
    pub(crate) repo: git2::Repository,
    time: i64,
}

impl TestRepo {
    pub(crate) fn new() -> TestRepo {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        TestRepo {
            dir,
            repo,
            time: 1_700_000_000,
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Stages every change (additions, edits, deletions) and commits.
    pub(crate) fn commit(&mut self, message: &str) {
        commit(&self.repo, &mut self.time, message);
    }

    pub(crate) fn staleness(
        &self,
        lang: Option<&str>,
    ) -> (
        Vec<trame::workspace::StaleDoc>,
        Vec<trame::workspace::StaleNote>,
    ) {
        let paths = [self.path().to_owned()];
        let project = trame::workspace::Project::for_paths(&paths).unwrap();
        trame::workspace::staleness(&project, &paths, lang).unwrap()
    }
}

/// Runs `trame` with a cleared environment and no input, failing the test
/// when it has not returned within `limit` (a FIFO opened for reading would
/// block forever). Output goes to files, so a large output never fills a
/// pipe and stalls the child.
pub(crate) fn trame_within(cwd: &Path, args: &[&str], limit: Duration) -> Output {
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
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "trame {args:?} did not return within {} s in {}",
                limit.as_secs(),
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

/// Stages everything (deletions included) and commits, one minute apart.
pub(crate) fn commit(repo: &git2::Repository, time: &mut i64, message: &str) {
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

/// Returns the display width of a line, as a terminal counts it.
pub(crate) fn width(line: &str) -> usize {
    trame::text::width(line)
}
