//! Safety on hostile repositories: nothing read or written outside the
//! repository, bounded input, leftovers of killed saves cleaned up. Each case
//! builds its own repository with a sibling folder `outside/` whose bytes
//! must never change.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::support::{TestRepo, render, trame};

const EN: &str = "---\ntitle: Intro\n---\n\nWelcome to the project.\n\nSee [the guide](https://example.org/guide).\n";
const FR: &str = "---\ntitle: Introduction\n---\n\nBienvenue dans le projet.\n\nVoir [le guide](https://example.org/guide).\n";

/// A folder beside the repository holding a file that must never change.
struct Outside {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("victim.md");
        std::fs::write(&path, "# Not yours\n\nDo not write here.\n").unwrap();
        Outside { _dir: dir, path }
    }

    fn unchanged(&self) -> bool {
        std::fs::read_to_string(&self.path).unwrap() == "# Not yours\n\nDo not write here.\n"
    }
}

fn site() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/intro.md", EN);
    r.write("content/intro.fr.md", FR);
    r.commit("English and French");
    r
}

#[test]
fn content_outside_the_repository_is_refused() {
    for content in ["../outside", "../../..", "/", "content/../../x"] {
        let r = site();
        r.write("trame.toml", &format!("content = {content:?}\n"));
        let start = Instant::now();
        let out = trame(&["stale"], r.path(), &[]);
        let shown = render(&out);
        assert_eq!(out.status.code(), Some(2), "{content}: {shown}");
        // The message names the path (as written, where it does not climb
        // above the temporary folder, whose depth varies).
        let named = if content.matches("..").count() < 3 && content != "/" {
            format!("{content} is outside the repository")
        } else {
            " is outside the repository".to_owned()
        };
        assert!(shown.contains(&named), "{content}: {shown}");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{content}: took {:?}",
            start.elapsed()
        );
    }
    // A path argument leading out of the repository is refused too.
    let r = site();
    let out = trame(&["status", "content", "../.."], r.path(), &[]);
    let shown = render(&out);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("../.. is outside the repository"), "{shown}");
}

#[test]
fn a_translation_linked_outside_the_repository_is_skipped_and_never_written() {
    let outside = Outside::new();
    let mut r = site();
    r.write("content/guide.md", EN);
    std::os::unix::fs::symlink(&outside.path, r.path().join("content/guide.fr.md")).unwrap();
    r.commit("a translation that is a link out of the repository");
    for args in [
        &["stale"][..],
        &["status"],
        &["check"],
        &["sync"],
        &["write", "content/guide.md", "--lang", "fr"],
    ] {
        let out = trame(args, r.path(), &[]);
        let shown = render(&out);
        // Discovery skips the link with a note; `write`, which names the
        // file itself, refuses to write through it.
        assert!(
            shown.contains("content/guide.fr.md is a link that leads outside the repository")
                || shown.contains("content/guide.fr.md is outside the repository: refused"),
            "{args:?}: {shown}"
        );
        assert!(!shown.contains("panicked"), "{args:?}: {shown}");
        assert!(outside.unchanged(), "{args:?} wrote outside the repository");
    }
    // The pair beside it is still processed.
    let out = trame(&["stale", "--format", "json"], r.path(), &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("content/intro.fr.md"),
        "{}",
        render(&out)
    );
}

#[test]
fn a_save_writes_through_a_link_inside_the_repository_only() {
    let outside = Outside::new();
    let r = site();
    let root = r.path().canonicalize().unwrap();
    // A link to another file of the repository: the real file is written.
    std::fs::write(r.path().join("content/real.fr.md"), FR).unwrap();
    std::os::unix::fs::symlink("real.fr.md", r.path().join("content/link.fr.md")).unwrap();
    trame::workspace::save_file_in(
        Some(&root),
        &r.path().join("content/link.fr.md"),
        FR.as_bytes(),
        "# Nouveau\n",
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/real.fr.md")).unwrap(),
        "# Nouveau\n"
    );
    assert!(
        std::fs::symlink_metadata(r.path().join("content/link.fr.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A link out of it: refused, nothing written.
    std::os::unix::fs::symlink(&outside.path, r.path().join("content/out.fr.md")).unwrap();
    let original = std::fs::read(&outside.path).unwrap();
    let err = trame::workspace::save_file_in(
        Some(&root),
        &r.path().join("content/out.fr.md"),
        &original,
        "# Gotcha\n",
    )
    .unwrap_err();
    assert!(err.to_string().contains("out.fr.md"), "{err}");
    assert!(outside.unchanged());
}

#[test]
fn a_page_above_the_size_limit_is_skipped_with_the_limit_named() {
    let mut r = site();
    // 20 MB of ordinary prose.
    let big: String = "A paragraph of English prose that goes on.\n\n".repeat(460_000);
    assert!(big.len() > 20_000_000);
    r.write("content/big.md", &big);
    r.write("content/big.fr.md", &big.replace("English", "French"));
    r.commit("a huge page");
    let start = Instant::now();
    let out = trame(&["status"], r.path(), &[]);
    let shown = render(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains("content/big.md is 20240000 bytes, more than the limit of 8388608"),
        "{shown}"
    );
    assert!(shown.contains("content/intro.md  fr"), "{shown}");
    // Aligning the pair stops with the limit named, quickly.
    let out = trame(
        &["align", "content/big.md", "content/big.fr.md"],
        r.path(),
        &[],
    );
    let shown = render(&out);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("max-page-bytes"), "{shown}");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    // The limit is a setting; when nothing at all can be read, exit 2.
    r.write("trame.toml", "max-page-bytes = 60\n");
    let out = trame(&["status"], r.path(), &[]);
    let shown = render(&out);
    assert!(
        shown.contains(&format!(
            "content/intro.md is {} bytes, more than the limit of 60",
            EN.len()
        )),
        "{shown}"
    );
    assert!(shown.contains("no page could be read"), "{shown}");
    assert_eq!(out.status.code(), Some(2), "{shown}");
}

#[test]
fn temporary_files_of_killed_saves_are_removed_when_old() {
    let r = site();
    let old = r.path().join("content/.trame-a1B2c3.tmp");
    let fresh = r.path().join("content/.trame-d4E5f6.tmp");
    let legacy = r.path().join("content/.intro.fr.md.trame-4242.tmp");
    for p in [&old, &fresh, &legacy] {
        std::fs::write(p, "half a page").unwrap();
    }
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    for p in [&old, &legacy] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    let out = trame(&["status"], r.path(), &[]);
    let shown = render(&out);
    assert!(!old.exists() && !legacy.exists(), "{shown}");
    assert!(fresh.exists(), "a save may still be writing it");
    assert!(
        shown.contains(&format!(
            "removed {}, a temporary file left by an interrupted save",
            Path::new("content/.trame-a1B2c3.tmp").display()
        )),
        "{shown}"
    );
}
