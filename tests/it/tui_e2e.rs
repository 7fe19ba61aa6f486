//! The terminal interface end to end: the real binary runs in a tmux
//! pseudo-terminal of fixed size with a cleared environment, on a copy of
//! the sample `issues/` in a temporary git repository where one English
//! paragraph changed after the translations were committed. The test opens
//! the document, goes to the first stale segment with `n`, types into it,
//! saves, goes back to the dashboard and quits, then checks that the French file changed in that segment
//! only. Without tmux it prints SKIPPED and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The English paragraph edited after the translations were made.
const OLD_ENGLISH: &str = "Welcome back to the Loom Newsletter, and thank you for reading!";
const NEW_ENGLISH: &str =
    "Welcome to the Loom Newsletter, the monthly digest for everyone who builds with Loom!";
/// The end of its French translation, where the typed text goes.
const FRENCH_END: &str = "(#aidez-nous-à-construire-la-lettre-dinformation).";
const TYPED: &str = " Bienvenue aux nouveaux lecteurs.";

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            // Our own server, UTF-8 whatever the caller's locale.
            .env_remove("TMUX")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    fn text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    /// Waits until the screen satisfies `ready`; panics with the screen after 20 s.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alive(&self) -> bool {
        self.run(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Copies the sample issues into a new repository and commits them, then
/// commits an English edit of one paragraph.
fn sample_repo(dir: &Path) {
    let issues = Path::new(env!("CARGO_MANIFEST_DIR")).join("issues");
    std::fs::create_dir(dir.join("issues")).unwrap();
    for entry in std::fs::read_dir(&issues).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("issues").join(path.file_name().unwrap())).unwrap();
    }
    let repo = git2::Repository::init(dir).unwrap();
    let mut time = 1_700_000_000;
    let mut commit = |message: &str| {
        let mut index = repo.index().unwrap();
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig =
            git2::Signature::new("Test", "test@example.com", &git2::Time::new(time, 0)).unwrap();
        time += 60;
        let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
            .unwrap();
    };
    commit("Add the sample issues");
    let english = dir.join("issues/2026-09-05-newsletter.md");
    let text = std::fs::read_to_string(&english).unwrap();
    assert!(text.contains(OLD_ENGLISH));
    std::fs::write(&english, text.replace(OLD_ENGLISH, NEW_ENGLISH)).unwrap();
    commit("Rewrite the welcome");
}

#[test]
fn edit_the_first_stale_segment_save_and_quit() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed; the terminal end-to-end test is not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    sample_repo(dir.path());
    let french = dir.path().join("issues/2026-09-05-newsletter.fr.md");
    let before = std::fs::read_to_string(&french).unwrap();
    assert_eq!(before.matches(FRENCH_END).count(), 1);

    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    let home = dir.path().display().to_string();
    let started = Instant::now();
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "36",
        "-c",
        &home,
        "env",
        "-i",
        &format!("HOME={home}"),
        "LANG=C.UTF-8",
        "TERM=xterm-256color",
        env!("CARGO_BIN_EXE_trame"),
    ]);
    assert!(out.status.success(), "{out:?}");
    let screen = tmux.wait_for("the dashboard", |s| {
        s.contains("2 documents") && !s.contains("pages read")
    });
    eprintln!("dashboard on screen after {:?}", started.elapsed());
    // The page with the stale paragraph needs the most work: it is first.
    let first = screen
        .lines()
        .find(|l| l.contains("newsletter.md"))
        .unwrap_or_default();
    assert!(first.contains("2026-09-05-newsletter.md"), "{screen}");

    tmux.keys(&["Enter"]);
    tmux.wait_for("the document", |s| s.contains("│ French │ 1/"));
    tmux.keys(&["n"]);
    tmux.wait_for("the stale segment", |s| {
        s.lines()
            .any(|l| l.starts_with('▶') && l.contains("Welcome"))
    });
    tmux.keys(&["e"]);
    tmux.wait_for("the editor", |s| s.contains("French: your translation"));
    tmux.text(TYPED);
    tmux.wait_for("the typed text", |s| s.contains("Bienvenue aux nouveaux"));
    tmux.keys(&["C-s"]);
    // The English had changed: the save records the review too.
    tmux.wait_for("the save", |s| {
        s.contains("Saved 2026-09-05-newsletter.fr.md; the translation is marked")
    });
    // `q` goes back to the dashboard, and quits from there.
    tmux.keys(&["q"]);
    tmux.wait_for("the dashboard", |s| s.contains("2 documents"));
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "trame did not quit; screen:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let after = std::fs::read_to_string(&french).unwrap();
    let expected = before.replacen(FRENCH_END, &format!("{FRENCH_END}{TYPED}"), 1);
    assert_eq!(after, expected);
    // Only the stale segment's bytes changed: the change lies inside it.
    let doc = trame::segment::parse(&before).0;
    let at = before.find(FRENCH_END).unwrap();
    let seg = doc.segments.iter().find(|s| s.bytes.contains(&at)).unwrap();
    assert!(seg.text.starts_with("Bienvenue dans cette nouvelle lettre"));
    assert_eq!(after[..seg.bytes.end], before[..seg.bytes.end]);
    assert_eq!(
        after[seg.bytes.end + TYPED.len()..],
        before[seg.bytes.end..]
    );
    // The other files are untouched.
    for name in [
        "2026-09-05-newsletter.it.md",
        "2026-10-05-newsletter.fr.md",
        "2026-10-05-newsletter.it.md",
    ] {
        let original = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("issues")
                .join(name),
        )
        .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("issues").join(name)).unwrap(),
            original,
            "{name}"
        );
    }
}

// ------------------------------------------------ issue 18: three keys

/// The English paragraph rewritten after both translations were made.
const FLOW_OLD: &str = "The sprint in Lyon takes place from 9 to 11 October.";
const FLOW_NEW: &str = "The sprint in Lyon takes place from 9 to 12 October, in the old silk mill.";
/// The end of its Italian translation, where the typed text goes.
const FLOW_IT_END: &str = "dal 9 all'11 ottobre.";
const FLOW_TYPED: &str = " Ora fino al 12, nella vecchia filanda.";

const FLOW_EN: &str = "---
title: The Loom Newsletter
---

## Lyon Sprint

The sprint in Lyon takes place from 9 to 11 October.

Remote participants are welcome too.

## Events

See you next month!
";

const FLOW_FR: &str = "---
title: La lettre de Loom
---

## Sprint de Lyon

Le sprint de Lyon a lieu du 9 au 11 octobre.

Les participants à distance sont aussi les bienvenus.

## Événements

Rendez-vous le mois prochain !
";

const FLOW_IT: &str = "---
title: La newsletter di Loom
---

## Sprint di Lione

Lo sprint di Lione si terrà dal 9 all'11 ottobre.

Anche i partecipanti a distanza sono i benvenuti.

## Eventi

Ci vediamo il mese prossimo!
";

/// A site with one page in English, French and Italian, committed, then
/// one English paragraph rewritten and committed: one stale segment in
/// each language. Returns the repository (its clock fixed).
fn flow_repo() -> crate::support::TestRepo {
    let mut r = crate::support::TestRepo::new();
    r.write("content/en/news.md", FLOW_EN);
    r.write("content/fr/news.md", FLOW_FR);
    r.write("content/it/news.md", FLOW_IT);
    r.commit("Add the newsletter and its translations");
    r.write("content/en/news.md", &FLOW_EN.replace(FLOW_OLD, FLOW_NEW));
    r.commit("Move the sprint's end and place");
    r
}

/// The keys sent to the interface, beside typed text: counted, so the test
/// says how many a translator needs.
struct Keys<'a> {
    tmux: &'a Tmux,
    sent: Vec<&'static str>,
}

impl Keys<'_> {
    fn press(&mut self, key: &'static str) {
        self.tmux.keys(&[key]);
        self.sent.push(key);
    }
}

/// Runs `trame stale --lang LANG` in the repository; returns the states
/// and target lines of the segments it reports.
fn stale_in(dir: &Path, lang: &str) -> Vec<(String, serde_json::Value)> {
    let out = crate::support::trame(
        &["stale", "--lang", lang, "--format", "json"],
        dir,
        &[("LANG", "C.UTF-8")],
    );
    assert!(out.status.success(), "{}", crate::support::render(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["segments"].as_array().unwrap().clone())
        .map(|s| {
            (
                s["state"].as_str().unwrap().to_owned(),
                s["target_lines"].clone(),
            )
        })
        .collect()
}

/// The screen without the trailing blanks tmux may or may not keep.
fn trimmed(screen: &str) -> String {
    screen
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn from_launch_three_keys_update_and_save_the_first_stale_segment_of_the_language() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed; the terminal end-to-end test is not run");
        return;
    }
    for (width, height) in [(80u16, 24u16), (160, 48)] {
        let r = flow_repo();
        let dir = r.path();
        let italian = dir.join("content/it/news.md");
        let french = dir.join("content/fr/news.md");
        let before = std::fs::read_to_string(&italian).unwrap();
        let fr_before = std::fs::read(&french).unwrap();
        // One stale segment in each language: the paragraph on line 7.
        let line_7 = || ("stale".to_owned(), serde_json::json!([7, 7]));
        assert_eq!(stale_in(dir, "it"), [line_7()]);
        assert_eq!(stale_in(dir, "fr"), [line_7()]);

        let tmux = Tmux {
            socket: dir.join(".git/tmux.sock"),
        };
        let home = dir.display().to_string();
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-c",
            &home,
            "env",
            "-i",
            &format!("HOME={home}"),
            "LANG=C.UTF-8",
            "TERM=xterm-256color",
            env!("CARGO_BIN_EXE_trame"),
            "--lang",
            "it",
        ]);
        assert!(out.status.success(), "{out:?}");
        let size = format!("{width}x{height}");
        let screen = tmux.wait_for("the dashboard", |s| {
            s.contains("one document") && !s.contains("pages read") && !s.contains("reading the")
        });
        insta::assert_snapshot!(format!("flow_dashboard_{size}"), trimmed(&screen));

        let mut keys = Keys {
            tmux: &tmux,
            sent: Vec::new(),
        };
        keys.press("n");
        tmux.wait_for("the stale Italian segment", |s| {
            s.lines()
                .any(|l| l.starts_with('▶') && l.contains("sprint in Lyon"))
                && s.contains("Italian")
        });
        keys.press("e");
        tmux.wait_for("the editor", |s| s.contains("Italian: your translation"));
        tmux.text(FLOW_TYPED);
        let screen = tmux.wait_for("the typed text", |s| s.contains("filanda."));
        insta::assert_snapshot!(format!("flow_editor_{size}"), trimmed(&screen));
        keys.press("C-s");
        let screen = tmux.wait_for("the save and review", |s| {
            s.contains("Saved news.md; the translation is marked")
        });
        insta::assert_snapshot!(format!("flow_saved_{size}"), trimmed(&screen));
        // Three keys beyond the text: n, e, Ctrl-S.
        assert_eq!(keys.sent, ["n", "e", "C-s"]);

        // `q` back to the dashboard, `q` quits: nothing is left unsaved.
        tmux.keys(&["q"]);
        tmux.wait_for("the dashboard again", |s| s.contains("one document"));
        tmux.keys(&["q"]);
        let start = Instant::now();
        while tmux.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "trame did not quit; screen:\n{}",
                tmux.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }

        // The Italian file changed inside the stale segment only.
        let after = std::fs::read_to_string(&italian).unwrap();
        let doc = trame::segment::parse(&before).0;
        let at = before.find(FLOW_IT_END).unwrap();
        let seg = doc.segments.iter().find(|s| s.bytes.contains(&at)).unwrap();
        assert!(seg.text.starts_with("Lo sprint di Lione"));
        assert_eq!(after[..seg.bytes.end], before[..seg.bytes.end]);
        assert_eq!(
            &after[seg.bytes.end..seg.bytes.end + FLOW_TYPED.len()],
            FLOW_TYPED
        );
        assert_eq!(
            after[seg.bytes.end + FLOW_TYPED.len()..],
            before[seg.bytes.end..]
        );
        assert_eq!(std::fs::read(&french).unwrap(), fr_before);
        // Nothing stale is left in Italian; French still reports its segment.
        assert_eq!(stale_in(dir, "it"), []);
        assert_eq!(stale_in(dir, "fr"), [line_7()]);
        // The language is remembered for the repository.
        assert_eq!(
            std::fs::read_to_string(dir.join(".git/trame/interface-language")).unwrap(),
            "it\n"
        );
    }
}
