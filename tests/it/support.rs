//! Shared helpers: the corpus location and running the binary hermetically.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
