//! The language the interface works in: remembered per repository in
//! `.git/trame/`, and a `--lang` the site does not have refused before the
//! terminal is taken over.

use crate::support::{TestRepo, trame};

fn site() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/en/a.md", "# Hello\n\nOne paragraph.\n");
    r.write("content/fr/a.md", "# Bonjour\n\nUn paragraphe.\n");
    r.write("content/it/a.md", "# Ciao\n\nUn paragrafo.\n");
    r.commit("site");
    r
}

#[test]
fn the_language_worked_in_is_remembered_per_repository() {
    let r = site();
    let project = trame::workspace::Project::discover(Some(r.path())).unwrap();
    assert_eq!(project.remembered_language(), None);
    project.remember_language("it").unwrap();
    let file = r.path().join(".git/trame/interface-language");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "it\n");
    // Found again from any folder of the repository.
    let again = trame::workspace::Project::discover(Some(&r.path().join("content/fr"))).unwrap();
    assert_eq!(again.remembered_language().as_deref(), Some("it"));
    project.remember_language("fr").unwrap();
    assert_eq!(again.remembered_language().as_deref(), Some("fr"));
    // A damaged file is ignored, not believed.
    std::fs::write(&file, "\u{1b}[2J\n").unwrap();
    assert_eq!(again.remembered_language(), None);
    // Nothing is written outside the repository's git folder.
    let status = r.repo.statuses(None).unwrap();
    assert!(status.is_empty(), "{} changes", status.len());
}

#[test]
fn outside_a_repository_nothing_is_remembered_or_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/en")).unwrap();
    let project = trame::workspace::Project::discover(Some(dir.path())).unwrap();
    project.remember_language("it").unwrap();
    assert_eq!(project.remembered_language(), None);
    assert!(!dir.path().join(".git").exists());
}

#[test]
fn an_unknown_interface_language_is_an_error_before_the_terminal() {
    let r = site();
    for args in [&["--lang", "de"][..], &["tui", "--lang", "de"][..]] {
        let out = trame(args, r.path(), &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("`de`"), "{stderr}");
        assert!(stderr.contains("fr, it"), "{stderr}");
        // The terminal was never taken over: no escape sequence was sent.
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
    }
    assert!(!r.path().join(".git/trame/interface-language").exists());
}

#[test]
fn the_interface_language_before_another_command_is_refused() {
    let r = site();
    let out = trame(&["--lang", "it", "stale"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`trame --lang it` alone"), "{stderr}");
    // After the command it is that command's.
    let out = trame(&["stale", "--lang", "it"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
}
