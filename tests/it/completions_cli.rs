//! `trame completions bash|zsh|fish` and `trame man`: generated from the
//! clap types, so every command is in them; the bash script is checked by
//! bash itself, and zsh and fish when they are installed.

use std::process::Command;

use crate::support::trame;

const COMMANDS: &[&str] = &[
    "segments",
    "align",
    "stale",
    "write",
    "sync",
    "status",
    "check",
    "tui",
    "review",
    "completions",
    "man",
];

fn output_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = trame(args, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Checks `script`'s syntax with `shell -n` when the shell is installed.
fn syntax_ok(shell: &str, script: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("script");
    std::fs::write(&file, script).unwrap();
    match Command::new(shell).arg("-n").arg(&file).output() {
        Ok(out) => assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("SKIPPED: {shell} is not installed; its syntax is not checked"),
    }
}

#[test]
fn completion_scripts_name_every_command_and_parse() {
    let bash = output_of(&["completions", "bash"]);
    assert!(bash.contains("complete -F _trame"), "{bash}");
    let zsh = output_of(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef trame"), "{zsh}");
    let fish = output_of(&["completions", "fish"]);
    assert!(fish.contains("complete -c trame"), "{fish}");
    for command in COMMANDS {
        for (shell, script) in [("bash", &bash), ("zsh", &zsh), ("fish", &fish)] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    // Options of the interface and of commands are completed too.
    assert!(bash.contains("--lang"));
    assert!(bash.contains("--dry-run"));
    syntax_ok("bash", &bash);
    syntax_ok("zsh", &zsh);
    syntax_ok("fish", &fish);
    // Another shell is refused with the list of those known.
    let dir = tempfile::tempdir().unwrap();
    let out = trame(&["completions", "tcsh"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bash, zsh, fish"), "{stderr}");
}

#[test]
fn the_manual_page_lists_every_command() {
    let page = output_of(&["man"]);
    assert!(page.contains(".TH trame 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("trame\\-{command}")),
            "{command}: {page}"
        );
    }
}

#[test]
fn the_pre_commit_hook_runs_trame_check_on_the_whole_site() {
    use saphyr::{LoadableYamlNode, Yaml};
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let docs = Yaml::load_from_str(&text).unwrap();
    let hook = &docs[0][0];
    let field = |key: &str| hook[key].as_str().unwrap_or_default().to_owned();
    assert_eq!(field("id"), "trame-check");
    assert_eq!(field("language"), "rust", "built by pre-commit with cargo");
    assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
    // The entry is a command of this binary that passes on a clean site.
    let entry = field("entry");
    let args: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(args[0], "trame");
    let mut r = crate::support::TestRepo::new();
    r.write("content/en/a.md", "# Hello\n\nOne paragraph.\n");
    r.write("content/fr/a.md", "# Bonjour\n\nUn paragraphe.\n");
    r.commit("site");
    let out = trame(&args[1..], r.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::render(&out)
    );
    // The README's two lines of `.pre-commit-config.yaml` name that hook.
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let at = readme
        .find("repos:\n")
        .expect("the README shows the config");
    let indent = readme[..at].len() - readme[..at].trim_end_matches(' ').len();
    let config: String = readme[at - indent..]
        .lines()
        .take(2)
        .map(|l| l.get(indent..).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let docs = Yaml::load_from_str(&config).unwrap();
    let entry = &docs[0]["repos"][0];
    assert!(
        entry["repo"].as_str().unwrap().ends_with("/trame"),
        "{config}"
    );
    assert_eq!(
        entry["hooks"][0]["id"].as_str(),
        Some("trame-check"),
        "{config}"
    );
}
