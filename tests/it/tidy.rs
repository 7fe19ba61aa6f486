//! Architecture rules as tests: module docs, layer boundaries, no ignored tests.

use std::path::{Path, PathBuf};

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

fn rel(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    for (path, text) in sources() {
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! module doc",
            rel(&path)
        );
    }
}

#[test]
fn layers_only_use_what_they_may() {
    const CORE: &[&str] = &["src/segment/", "src/align", "src/stale", "src/localize/"];
    for (path, text) in sources() {
        let rel = rel(&path);
        let uses = |needle: &str| {
            text.lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(needle))
        };
        if CORE.iter().any(|c| rel.starts_with(c)) {
            for banned in [
                "std::fs",
                "std::env",
                "std::process",
                "git2",
                "ratatui",
                "crossterm",
                "fluent",
                "println!",
                "eprintln!",
            ] {
                assert!(!uses(banned), "{rel}: the pure core must not use {banned}");
            }
        }
        if !rel.starts_with("src/history/") {
            assert!(!uses("git2::"), "{rel}: only src/history/ may use git2");
        }
        if !rel.starts_with("src/tui") {
            assert!(
                !uses("ratatui::") && !uses("crossterm::"),
                "{rel}: only src/tui may use the terminal"
            );
        }
        if rel != "src/i18n.rs" {
            assert!(
                !uses("fluent_bundle"),
                "{rel}: only src/i18n.rs may use fluent"
            );
        }
    }
}

#[test]
fn no_ignored_or_should_panic_tests() {
    let mut files = sources();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    let ignore = ["#[", "ignore]"].concat();
    let should_panic = ["#[", "should_panic"].concat();
    for (path, text) in files {
        assert!(
            !text.contains(&ignore) && !text.contains(&should_panic),
            "{}",
            rel(&path)
        );
    }
}

#[test]
fn every_integration_module_is_declared() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && stem != "main" {
            assert!(
                main.contains(&format!("mod {stem};")),
                "tests/it/{stem}.rs is not declared in main.rs"
            );
        }
    }
}

/// Every message of the English bundle is used by some module (the shared
/// ids, the command line's or the interface's): the binary joins both front
/// ends, so the check lives here, not in either.
#[test]
fn every_english_message_is_used_by_the_program() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let mut ftl = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        ftl.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        ftl.push('\n');
    }
    let defined: std::collections::BTreeSet<&str> = ftl
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
        .collect();
    let used: std::collections::BTreeSet<&str> = [
        trame::i18n::ids::ALL,
        &trame::cli::ids::all(),
        trame::tui::IDS,
    ]
    .concat()
    .into_iter()
    .collect();
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "English messages no module lists: {unused:?}"
    );
    assert!(defined.len() > 100, "{} messages read", defined.len());
}
