//! One project model: every command and the interface find the same pages
//! on a site in the directory layout with a nested folder named like a
//! language, a region code, an orphan and files that cannot be pages (a
//! non-UTF-8 page, a FIFO, a directory named like a page); each reports the
//! orphan and the bad files by name, processes the rest, and returns.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use crate::support::TestRepo;

const EN: &str = "---\ntitle: Intro\n---\n\nWelcome to the project, read the guide first.\n\n## Install\n\nRun the installer and follow the steps.\n";
const DE: &str = "---\ntitle: Einführung\n---\n\nWillkommen beim Projekt, lies zuerst die Anleitung.\n\n## Installation\n\nStarte das Installationsprogramm und folge den Schritten.\n";
const FR: &str = "---\ntitle: Introduction\n---\n\nBienvenue dans le projet, lisez d'abord le guide.\n\n## Installation\n\nLancez l'installateur et suivez les étapes.\n";
const PT: &str = "---\ntitle: Introdução\n---\n\nBem-vindo ao projeto, leia o guia primeiro.\n\n## Instalação\n\nExecute o instalador e siga os passos.\n";
const EN_CPP: &str = "# C++\n\nThe C++ client library is called `libloom`.\n";
const JA_CPP: &str = "# C++\n\nC++ のクライアントライブラリは `libloom` です。\n";
const EN_NEWS: &str = "# News of December\n\nThe December issue is out.\n";
const DE_NEWS: &str = "# Neuigkeiten im Dezember\n\nDie Dezemberausgabe ist da.\n";

/// The pairs every entry point must find, as (source, translation).
const PAIRS: &[(&str, &str)] = &[
    (
        "content/en/docs/languages/cpp/x.md",
        "content/ja/docs/languages/cpp/x.md",
    ),
    ("content/en/intro.md", "content/de/intro.md"),
    ("content/en/intro.md", "content/fr/intro.md"),
    ("content/en/intro.md", "content/pt-br/intro.md"),
];

/// Builds the site; returns it and whether a FIFO could be made.
fn site() -> (TestRepo, bool) {
    let mut r = TestRepo::new();
    r.write("content/en/docs/languages/cpp/x.md", EN_CPP);
    r.write("content/ja/docs/languages/cpp/x.md", JA_CPP);
    r.write("content/en/intro.md", EN);
    r.write("content/de/intro.md", DE);
    r.write("content/fr/intro.md", FR);
    r.write("content/pt-br/intro.md", PT);
    r.write("content/en/2024-12-05-newsletter.md", EN_NEWS);
    // Renamed in English after it was translated: an orphan.
    r.write("content/de/2024-12-05_newsletter.md", DE_NEWS);
    r.write("content/en/bad.md", EN_NEWS);
    r.commit("site");
    // Not a page: Latin-1 bytes, a folder named like a page, a FIFO.
    std::fs::write(
        r.path().join("content/fr/bad.md"),
        b"# Nouvelles de d\xe9cembre\n",
    )
    .unwrap();
    std::fs::create_dir_all(r.path().join("content/en/y.fr.md")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(r.path().join("content/fr/pipe.md"))
        .status()
        .is_ok_and(|s| s.success());
    if !fifo {
        eprintln!("SKIPPED (FIFO part): `mkfifo` is not available on this machine");
    }
    (r, fifo)
}

/// Runs trame in `cwd` with a cleared environment; fails the test if it
/// does not return within a minute (a FIFO opened for reading would block).
fn trame(cwd: &Path, args: &[&str]) -> Output {
    crate::support::trame_within(cwd, args, Duration::from_secs(60))
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn pairs_of(items: &[serde_json::Value], source: &str, target: &str) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|d| {
            (
                d[source].as_str().unwrap_or_default().to_owned(),
                d[target].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn expected() -> BTreeSet<(String, String)> {
    pair_set(PAIRS)
}

/// Every bad file and the orphan are named on standard error.
fn assert_reports_bad_files(stderr: &str, fifo: bool, what: &str) {
    assert!(
        stderr.contains("content/de/2024-12-05_newsletter.md (de) is a translation with no source page; it probably translates content/en/2024-12-05-newsletter.md"),
        "{what}: orphan not reported:\n{stderr}"
    );
    assert!(
        stderr.contains("content/fr/bad.md is not UTF-8"),
        "{what}: non-UTF-8 page not named:\n{stderr}"
    );
    assert!(
        stderr.contains("content/en/y.fr.md is a directory"),
        "{what}: directory not named:\n{stderr}"
    );
    if fifo {
        assert!(
            stderr.contains("content/fr/pipe.md is not a regular file"),
            "{what}: FIFO not named:\n{stderr}"
        );
    }
}

#[test]
fn every_command_finds_the_same_pages_and_names_what_it_skips() {
    let (r, fifo) = site();
    let dir = r.path();

    let stale = trame(dir, &["stale", "--format", "json"]);
    assert_eq!(stale.status.code(), Some(0), "{stale:?}");
    let docs = json(&stale)["documents"].as_array().cloned().unwrap();
    assert_eq!(pairs_of(&docs, "source", "target"), expected(), "stale");
    assert_reports_bad_files(&String::from_utf8_lossy(&stale.stderr), fifo, "stale");

    let status = trame(dir, &["status", "--format", "json"]);
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    let mut found = BTreeSet::new();
    for d in json(&status)["documents"].as_array().unwrap() {
        for t in d["translations"].as_array().unwrap() {
            found.insert((
                d["source"].as_str().unwrap().to_owned(),
                t["target"].as_str().unwrap().to_owned(),
            ));
        }
    }
    assert_eq!(found, expected(), "status");
    let report = json(&status);
    assert_eq!(
        report["orphans"],
        serde_json::json!([{
            "path": "content/de/2024-12-05_newsletter.md",
            "lang": "de",
            "likely_source": "content/en/2024-12-05-newsletter.md"
        }])
    );
    let skipped: BTreeSet<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        skipped.contains(&("content/fr/bad.md".into(), "not-utf8".into())),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&("content/en/y.fr.md".into(), "directory".into())),
        "{skipped:?}"
    );
    assert_reports_bad_files(&String::from_utf8_lossy(&status.stderr), fifo, "status");

    let check = trame(dir, &["check", "--format", "json"]);
    let report = json(&check);
    let coverage = report["coverage"].as_array().cloned().unwrap();
    assert_eq!(pairs_of(&coverage, "source", "target"), expected(), "check");
    let orphan = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "orphan")
        .unwrap_or_else(|| panic!("check reports no orphan: {report}"));
    assert_eq!(orphan["file"], "content/de/2024-12-05_newsletter.md");
    // A warning by default (`[check.rules] orphan = "error"` makes it fail).
    assert_eq!(orphan["severity"], "warning");
    assert_reports_bad_files(&String::from_utf8_lossy(&check.stderr), fifo, "check");

    // A file argument finds its set from a nested folder named like a language.
    let one = trame(
        dir,
        &[
            "stale",
            "content/ja/docs/languages/cpp/x.md",
            "--all",
            "--format",
            "json",
        ],
    );
    let docs = json(&one)["documents"].as_array().cloned().unwrap();
    assert_eq!(
        pairs_of(&docs, "source", "target"),
        BTreeSet::from([(PAIRS[0].0.to_owned(), PAIRS[0].1.to_owned())])
    );

    // Region codes match whatever their case.
    let pt = trame(
        dir,
        &["stale", "--lang", "pt-BR", "--all", "--format", "json"],
    );
    let docs = json(&pt)["documents"].as_array().cloned().unwrap();
    assert_eq!(
        pairs_of(&docs, "source", "target"),
        BTreeSet::from([(PAIRS[3].0.to_owned(), PAIRS[3].1.to_owned())])
    );
    // An unknown language is an error listing the languages found.
    let xx = trame(dir, &["status", "--lang", "xx"]);
    assert_eq!(xx.status.code(), Some(2));
    let err = String::from_utf8_lossy(&xx.stderr);
    assert!(err.contains("languages found: de, fr, ja, pt-br"), "{err}");

    // segments: the bad files are named, the others listed, exit 0.
    let seg = trame(dir, &["segments", "content"]);
    assert_eq!(seg.status.code(), Some(0), "{seg:?}");
    let out = String::from_utf8_lossy(&seg.stdout);
    assert!(out.contains("content/ja/docs/languages/cpp/x.md"), "{out}");
    let err = String::from_utf8_lossy(&seg.stderr);
    assert!(err.contains("content/fr/bad.md is not UTF-8"), "{err}");
    assert!(err.contains("content/en/y.fr.md is a directory"), "{err}");
    if fifo {
        assert!(
            err.contains("content/fr/pipe.md is not a regular file"),
            "{err}"
        );
    }

    // write: the new translation goes into the language folder at the same depth.
    let write = trame(
        dir,
        &[
            "write",
            "content/en/docs/languages/cpp/x.md",
            "--lang",
            "fr",
            "--dry-run",
        ],
    );
    assert_eq!(write.status.code(), Some(0), "{write:?}");
    assert!(
        String::from_utf8_lossy(&write.stdout).contains("content/fr/docs/languages/cpp/x.md"),
        "{write:?}"
    );

    // sync and review return and name the same files.
    let sync = trame(dir, &["sync", "--dry-run"]);
    assert_eq!(sync.status.code(), Some(0), "{sync:?}");
    assert_reports_bad_files(&String::from_utf8_lossy(&sync.stderr), fifo, "sync");
    let review = trame(
        dir,
        &[
            "review",
            "content/ja/docs/languages/cpp/x.md",
            "--lang",
            "ja",
            "--all",
        ],
    );
    assert_eq!(review.status.code(), Some(0), "{review:?}");
    assert!(
        dir.join("content/en/docs/languages/cpp/.trame-reviews")
            .is_file()
    );

    // The interface loads the same pages through the same project.
    let project = trame::workspace::Project::discover(Some(dir)).unwrap();
    let (sender, received) = std::sync::mpsc::channel();
    trame::tui::load(&project, &[], sender);
    let mut found = BTreeSet::new();
    let mut notes = Vec::new();
    for msg in received.try_iter() {
        match msg {
            trame::tui::message::Message::Loaded { docs, .. } => {
                for d in docs {
                    let rel = |p: &Path| p.strip_prefix(dir).unwrap_or(p).display().to_string();
                    found.insert((rel(&d.source.path), rel(&d.target.path)));
                }
            }
            trame::tui::message::Message::LoadFinished { notes: n, error } => {
                assert_eq!(error, None);
                notes = n;
            }
            _ => {}
        }
    }
    assert_eq!(found, expected(), "interface");
    let orphans: Vec<_> = notes
        .iter()
        .filter(|n| matches!(n, trame::workspace::StaleNote::Orphan { .. }))
        .collect();
    assert_eq!(orphans.len(), 1, "{notes:?}");
    let skipped = notes
        .iter()
        .filter(|n| matches!(n, trame::workspace::StaleNote::Skipped { .. }))
        .count();
    assert_eq!(skipped, if fifo { 3 } else { 2 }, "{notes:?}");
}

#[test]
fn a_nested_folder_named_like_a_language_is_an_ordinary_folder() {
    let mut r = TestRepo::new();
    for lang in ["en", "ja"] {
        for sub in ["cpp", "go", "js", "php", "web", "ios"] {
            r.write(
                &format!("content/{lang}/docs/languages/{sub}/index.md"),
                EN_CPP,
            );
        }
    }
    r.commit("docs");
    let status = trame(r.path(), &["status", "--format", "json"]);
    let report = json(&status);
    let n: usize = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["translations"].as_array().unwrap().len())
        .sum();
    assert_eq!(n, 6, "{report}");
    assert!(status.stderr.is_empty(), "{status:?}");
}

/// A page saved from the interface is cut into segments as `trame check`
/// cuts it: both read `trame.toml` (here a German source and a front-matter
/// key that is not among the defaults).
#[test]
fn a_page_saved_in_the_interface_is_checked_with_the_same_settings() {
    use trame::tui::model::{Model, PendingFile};
    let mut r = TestRepo::new();
    r.write(
        "trame.toml",
        "source-language = \"de\"\nfront-matter-keys = [\"title\", \"teaser\"]\n",
    );
    r.write(
        "content/news.md",
        "---\ntitle: Neuigkeiten\nteaser: Alles Neue dieser Woche\n---\n\nDie neue Ausgabe ist da.\n",
    );
    r.write(
        "content/news.en.md",
        "---\ntitle: News\n---\n\nThe new issue is out.\n",
    );
    r.commit("German page and its English translation");
    let dir = r.path();

    // `check` sees the teaser as a segment the English lacks.
    let before = json(&trame(dir, &["check", "--format", "json"]));
    assert_eq!(before["coverage"][0]["target"], "content/news.en.md");
    assert_eq!(before["coverage"][0]["total"], 3, "{before}");
    assert_eq!(before["coverage"][0]["translated"], 2, "{before}");

    // The interface loads the same page and fills the teaser.
    let project = trame::workspace::Project::discover(Some(dir)).unwrap();
    let (sender, received) = std::sync::mpsc::channel();
    trame::tui::load(&project, &[], sender);
    let docs: Vec<_> = received
        .try_iter()
        .filter_map(|m| match m {
            trame::tui::message::Message::Loaded { docs, .. } => Some(docs),
            _ => None,
        })
        .flatten()
        .collect();
    let mut model = Model::new(docs, Vec::new(), (80, 24));
    let group = &model.groups[0];
    let english = &group.langs[0];
    assert_eq!(english.lang, "en");
    let teaser = group
        .source
        .document
        .segments
        .iter()
        .position(|s| s.key.as_deref() == Some("teaser"))
        .expect("the interface cuts the teaser out as trame.toml says");
    let target = english.target.path.clone();
    let mut pending = PendingFile::new(&group.source, english);
    pending
        .fills
        .insert(teaser, "Everything new this week".to_owned());
    model.pending.insert(target.clone(), pending);
    let outcome = trame::tui::save_file(&project, &model, &target);
    assert!(
        matches!(outcome, trame::tui::message::SaveOutcome::Saved { .. }),
        "{outcome:?}"
    );
    let saved = std::fs::read_to_string(dir.join("content/news.en.md")).unwrap();
    assert_eq!(
        saved,
        "---\ntitle: News\nteaser: \"Everything new this week\"\n---\n\nThe new issue is out.\n"
    );

    // `check` and `segments` read the saved page with the same settings.
    let after = trame(dir, &["check", "--format", "json"]);
    let report = json(&after);
    assert_eq!(report["coverage"][0]["translated"], 3, "{report}");
    assert_eq!(after.status.code(), Some(0), "{report}");
    let segments = json(&trame(
        dir,
        &["segments", "content/news.en.md", "--format", "json"],
    ));
    let keys: Vec<&str> = segments["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["key"].as_str())
        .collect();
    assert_eq!(keys, ["title", "teaser"], "{segments}");
}

/// The same pairs from inside a language folder, from a relative path, and
/// in a site that is not a git repository.
#[test]
fn pairs_are_found_from_any_folder_and_without_a_repository() {
    let (r, _) = site();
    let dir = r.path();
    let fr = dir.join("content/fr");
    let status = trame(&fr, &["status", "--format", "json"]);
    let report = json(&status);
    let targets: BTreeSet<String> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["translations"].as_array().unwrap().clone())
        .map(|t| t["target"].as_str().unwrap().to_owned())
        .collect();
    assert!(targets.contains("../fr/intro.md"), "{targets:?}");
    assert!(
        targets.contains("../ja/docs/languages/cpp/x.md"),
        "{targets:?}"
    );
    // No repository: a folder inside a language folder still belongs to
    // the site above it.
    let plain = tempfile::tempdir().unwrap();
    write_files(
        plain.path(),
        &[
            ("site/content/en/intro.md", EN),
            ("site/content/fr/intro.md", FR),
        ],
    );
    let status = trame(
        plain.path(),
        &["status", "site/content/fr", "--format", "json"],
    );
    let report = json(&status);
    assert_eq!(
        report["documents"][0]["translations"][0]["target"], "site/content/fr/intro.md",
        "{report}"
    );
}

/// A new translation in a language with a region goes where Hugo looks for
/// it, whatever the case of `--lang`: `content/pt-br/`, `x.pt-br.md`.
#[test]
fn a_new_translation_with_a_region_is_written_in_lower_case() {
    let (r, _) = site();
    let out = trame(
        r.path(),
        &[
            "write",
            "content/en/intro.md",
            "--lang",
            "zh-CN",
            "--dry-run",
        ],
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("content/zh-cn/intro.md"), "{shown}");
    let mut s = TestRepo::new();
    s.write("content/x.md", EN);
    s.commit("English");
    let out = trame(
        s.path(),
        &["write", "content/x.md", "--lang", "pt-BR", "--dry-run"],
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("content/x.pt-br.md"), "{shown}");
}

/// A translation named alone is read alone: `check content/fr/intro.md`
/// speaks of the French only; the English page names every language.
#[test]
fn a_translation_named_alone_limits_the_command_to_its_language() {
    let (r, _) = site();
    let dir = r.path();
    let langs = |args: &[&str]| -> BTreeSet<String> {
        let out = json(&trame(dir, args));
        out["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["lang"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        langs(&["check", "content/fr/intro.md", "--format", "json"]),
        BTreeSet::from(["fr".to_owned()])
    );
    assert_eq!(
        langs(&["check", "content/en/intro.md", "--format", "json"]),
        BTreeSet::from(["de".to_owned(), "fr".to_owned(), "pt-br".to_owned()])
    );
}

/// `--lang` limits discovery itself (the other languages' folders are not
/// listed, which only shows in the time taken): the other languages' bad
/// files are not named, the language's own are, and an unknown language
/// still lists every language found (found by a second, full listing).
#[test]
fn one_language_lists_only_its_own_folder() {
    let (r, _) = site();
    let dir = r.path();
    let de = trame(dir, &["stale", "--lang", "de", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&de.stderr);
    let stdout = String::from_utf8_lossy(&de.stdout);
    assert!(stdout.contains("content/de/intro.md"), "{stdout}");
    assert!(!stdout.contains("content/fr/intro.md"), "{stdout}");
    assert!(
        stderr.contains(
            "content/de/2024-12-05_newsletter.md (de) is a translation with no source page"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("content/fr/bad.md"), "{stderr}");
    let fr = trame(dir, &["stale", "--lang", "fr", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&fr.stderr);
    assert!(
        stderr.contains("content/fr/bad.md is not UTF-8"),
        "{stderr}"
    );
    let unknown = trame(dir, &["stale", "--lang", "xx"]);
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("de, fr, ja, pt-br") || stderr.contains("de, fr, ja, pt-BR"),
        "{stderr}"
    );
}

/// Hugo's `translationKey` pairs a translation whose file name is
/// translated too with its source page; a key two source pages share pairs
/// nothing, and a page with no key and no source stays an orphan, with the
/// page it was moved to named.
#[test]
fn translation_keys_pair_pages_whose_names_differ() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("content/en/intro.md", EN),
            ("content/fr/intro.md", FR),
            (
                "content/en/about.md",
                "---\ntitle: About\ntranslationKey: about\n---\n\nWho we are.\n",
            ),
            (
                "content/fr/a-propos.md",
                "---\ntitle: À propos\ntranslationKey: \"about\"\n---\n\nQui nous sommes.\n",
            ),
            (
                "content/en/one.md",
                "---\ntranslationKey: twice\n---\n\nOne.\n",
            ),
            (
                "content/en/two.md",
                "---\ntranslationKey: twice\n---\n\nTwo.\n",
            ),
            (
                "content/fr/deux.md",
                "---\ntranslationKey: twice\n---\n\nDeux.\n",
            ),
            ("content/en/admin/search.md", "# Search\n\nSet it up.\n"),
            (
                "content/fr/admin/optional/search.md",
                "# Recherche\n\nInstallez-la.\n",
            ),
        ],
    );
    let status = trame(dir.path(), &["status", "--format", "json"]);
    let report = json(&status);
    let pairs = status_pairs(&report);
    let want = pair_set(&[
        ("content/en/about.md", "content/fr/a-propos.md"),
        ("content/en/intro.md", "content/fr/intro.md"),
    ]);
    assert_eq!(pairs, want, "{report}");
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("content/fr/deux.md"), "{stderr}");
    assert!(
        stderr.contains("content/fr/admin/optional/search.md")
            && stderr.contains("content/en/admin/search.md"),
        "{stderr}"
    );
    assert!(!stderr.contains("a-propos"), "{stderr}");
}

/// Hugo's form where every language carries a suffix, the source too
/// (`x.en.md` beside `x.fr.md`): the pairs are found, beside ordinary ones
/// (`y.md` beside `y.fr.md`), and a new translation of `x.en.md` is named
/// `x.it.md`.
#[test]
fn a_source_page_with_its_own_language_suffix_is_paired() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("content/a.en.md", EN),
            ("content/a.fr.md", FR),
            ("content/docs/b.md", EN),
            ("content/docs/b.fr.md", FR),
            ("content/docs/c.en.md", EN),
        ],
    );
    let status = trame(dir.path(), &["status", "--format", "json"]);
    let report = json(&status);
    let pairs = status_pairs(&report);
    let want = pair_set(&[
        ("content/a.en.md", "content/a.fr.md"),
        ("content/docs/b.md", "content/docs/b.fr.md"),
    ]);
    assert_eq!(pairs, want, "{report}");
    assert!(
        !String::from_utf8_lossy(&status.stderr).contains("no source page"),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    // Named alone, the translation finds its page too (it found none).
    for named in ["content/a.fr.md", "content/a.en.md"] {
        let report = json(&trame(dir.path(), &["status", named, "--format", "json"]));
        assert_eq!(
            status_pairs(&report),
            pair_set(&[("content/a.en.md", "content/a.fr.md")]),
            "{named}: {report}"
        );
    }
    let paths = [dir.path().to_owned()];
    let project = trame::workspace::Project::for_paths(&paths).unwrap();
    assert_eq!(
        project.new_translation_path(&dir.path().join("content/docs/c.en.md"), "it"),
        dir.path().join("content/docs/c.it.md")
    );
}

/// Hugo's `contentDir` per language (`content.en`, `content.zh`): the site's
/// configuration names the language of each folder, from the site's root or
/// a folder inside it, in TOML or YAML; `--lang` keeps one; a new
/// translation goes in the language's folder. Without the configuration the
/// folders are no languages (and nothing is paired).
#[test]
fn hugo_content_folders_per_language_are_paired() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    write_files(
        &site,
        &[
            (
                "hugo.toml",
                "[languages.en]\ncontentDir = 'content.en'\n[languages.zh]\ncontentDir = 'content.zh'\n[languages.it]\ncontentDir = 'content.it'\n",
            ),
            ("content.en/a.md", EN),
            ("content.en/docs/b.md", EN),
            ("content.zh/a.md", FR),
            ("content.zh/docs/b.md", FR),
            ("content.it/docs/b.md", FR),
        ],
    );
    let want = pair_set(&[
        ("content.en/a.md", "content.zh/a.md"),
        ("content.en/docs/b.md", "content.it/docs/b.md"),
        ("content.en/docs/b.md", "content.zh/docs/b.md"),
    ]);
    for cwd in [site.clone(), site.join("content.zh/docs")] {
        let report = json(&trame(&cwd, &["status", "--format", "json"]));
        let shown: BTreeSet<(String, String)> = status_pairs(&report)
            .into_iter()
            .map(|(s, t)| {
                let base = |p: &str| {
                    let p = cwd.join(p);
                    let p = p.canonicalize().unwrap_or(p);
                    p.strip_prefix(site.canonicalize().unwrap())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                };
                (base(&s), base(&t))
            })
            .collect();
        assert_eq!(shown, want, "from {}: {report}", cwd.display());
    }
    let report = json(&trame(
        &site,
        &["status", "--lang", "it", "--format", "json"],
    ));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[("content.en/docs/b.md", "content.it/docs/b.md")]),
        "{report}"
    );
    let paths = [site.clone()];
    let project = trame::workspace::Project::for_paths(&paths).unwrap();
    assert_eq!(
        project.new_translation_path(&site.join("content.en/a.md"), "it"),
        site.join("content.it/a.md")
    );
    // The same site configured in YAML under config/_default.
    std::fs::remove_file(site.join("hugo.toml")).unwrap();
    write_files(
        &site,
        &[(
            "config/_default/languages.yaml",
            "en:\n  contentDir: content.en\nzh:\n  contentDir: content.zh\nit:\n  contentDir: content.it\n",
        )],
    );
    let report = json(&trame(&site, &["status", "--format", "json"]));
    assert_eq!(status_pairs(&report), want, "{report}");
    // Without it: no language folders.
    std::fs::remove_dir_all(site.join("config")).unwrap();
    let report = json(&trame(&site, &["status", "--format", "json"]));
    assert!(status_pairs(&report).is_empty(), "{report}");
}

/// A Hugo site in a folder of its repository (a theme's `exampleSite`):
/// from inside it, its `content` folder is read, not the whole repository
/// (whose `README.zh-cn.md` is no page of the site), and paths are shown
/// from there. A site configuration with the source's folder given once at
/// the top (`contentDir = 'content/en'`, as Docsy writes it) and the other
/// languages' in `languages` keeps its language folders.
#[test]
fn a_hugo_site_in_a_folder_reads_its_own_content() {
    let mut repo = TestRepo::new();
    repo.write("README.md", EN);
    repo.write("README.zh-cn.md", FR);
    repo.write("exampleSite/hugo.toml", "title = 'Demo'\n");
    repo.write("exampleSite/content/a.en.md", EN);
    repo.write("exampleSite/content/a.zh-cn.md", FR);
    repo.write(
        "docs/hugo.yaml",
        "contentDir: content/en\nlanguages:\n  en:\n    weight: 1\n  fr:\n    contentDir: content/fr\n",
    );
    repo.write("docs/content/en/b.md", EN);
    repo.write("docs/content/fr/b.md", FR);
    repo.commit("sites");
    let site = repo.path().join("exampleSite");
    let report = json(&trame(&site, &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[("content/a.en.md", "content/a.zh-cn.md")]),
        "{report}"
    );
    let docs = repo.path().join("docs");
    let report = json(&trame(&docs, &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[("content/en/b.md", "content/fr/b.md")]),
        "{report}"
    );
}

/// A theme's repository: its own `hugo.toml` has no content, and the site
/// it documents is in `exampleSite/` (languages in `content.en`,
/// `content.zh`). From the repository's root that site is read, not the
/// README and its translation. With two sites below, none is guessed.
#[test]
fn the_one_hugo_site_below_the_root_is_read_from_the_root() {
    let mut repo = TestRepo::new();
    repo.write(
        "hugo.toml",
        "[module]\n[module.hugoVersion]\nmin = '0.146.0'\n",
    );
    repo.write("README.md", EN);
    repo.write("README.zh.md", FR);
    repo.write("layouts/partials/docs/x.md", EN);
    repo.write(
        "exampleSite/hugo.toml",
        "[languages.en]\ncontentDir = 'content.en'\n[languages.zh]\ncontentDir = 'content.zh'\n",
    );
    repo.write("exampleSite/content.en/a.md", EN);
    repo.write("exampleSite/content.zh/a.md", FR);
    repo.commit("theme");
    let report = json(&trame(repo.path(), &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[("exampleSite/content.en/a.md", "exampleSite/content.zh/a.md")]),
        "{report}"
    );
    // A second site below: the whole repository is read, as before.
    repo.write("docs/hugo.toml", "title = 'Docs'\n");
    repo.write("docs/content/b.md", EN);
    repo.write("docs/content/b.fr.md", FR);
    repo.commit("docs");
    let report = json(&trame(repo.path(), &["status", "--format", "json"]));
    let pairs = status_pairs(&report);
    assert!(
        pairs.contains(&("README.md".to_owned(), "README.zh.md".to_owned()))
            && pairs.contains(&(
                "docs/content/b.md".to_owned(),
                "docs/content/b.fr.md".to_owned()
            )),
        "{report}"
    );
}

/// A Hugo site whose default content language is French: `x.md` is French
/// and `x.en.md` its English translation (Hugo's reading), so French is the
/// source, in the suffix and the directory layout alike. A `trame.toml`
/// naming the source language wins over the site's configuration.
#[test]
fn hugo_default_content_language_is_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("blog");
    write_files(
        &site,
        &[
            (
                "hugo.toml",
                "defaultContentLanguage = 'fr'\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n",
            ),
            ("content/posts/a.md", FR),
            ("content/posts/a.en.md", EN),
            ("content/posts/b.md", FR),
        ],
    );
    let report = json(&trame(&site, &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[("content/posts/a.md", "content/posts/a.en.md")]),
        "{report}"
    );
    let docs = dir.path().join("docs");
    write_files(
        &docs,
        &[
            ("config/_default/hugo.yaml", "defaultContentLanguage: fr\n"),
            ("content/fr/a.md", FR),
            ("content/en/a.md", EN),
            ("content/it/a.md", FR),
        ],
    );
    let report = json(&trame(&docs, &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[
            ("content/fr/a.md", "content/en/a.md"),
            ("content/fr/a.md", "content/it/a.md"),
        ]),
        "{report}"
    );
    write_files(&docs, &[("trame.toml", "source-language = 'en'\n")]);
    let report = json(&trame(&docs, &["status", "--format", "json"]));
    assert_eq!(
        status_pairs(&report),
        pair_set(&[
            ("content/en/a.md", "content/fr/a.md"),
            ("content/en/a.md", "content/it/a.md"),
        ]),
        "{report}"
    );
}

/// An English page is the likely source of one orphan per language: two
/// French pages of one name in different folders name none, a lone one
/// names the only English page of its name.
#[test]
fn two_orphans_never_share_a_likely_source() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("content/en/b.md", EN),
            ("content/fr/b.md", FR),
            ("content/en/docs/a.md", EN),
            ("content/fr/guide/a.md", FR),
            ("content/fr/blog/a.md", FR),
            ("content/en/docs/c.md", EN),
            ("content/fr/x/c.md", FR),
        ],
    );
    let report = json(&trame(dir.path(), &["status", "--format", "json"]));
    let orphans: BTreeSet<(String, Option<String>)> = report["orphans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["path"].as_str().unwrap().to_owned(),
                o["likely_source"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let want: BTreeSet<(String, Option<String>)> = [
        ("content/fr/blog/a.md", None),
        ("content/fr/guide/a.md", None),
        ("content/fr/x/c.md", Some("content/en/docs/c.md")),
    ]
    .into_iter()
    .map(|(p, s)| (p.to_owned(), s.map(str::to_owned)))
    .collect();
    assert_eq!(orphans, want, "{report}");
}

/// Writes each `(path, text)` under `root`, making the folders.
fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// Every (English page, translation) pair of a `status --format json` report.
fn status_pairs(report: &serde_json::Value) -> BTreeSet<(String, String)> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            let source = d["source"].as_str().unwrap().to_owned();
            d["translations"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |t| (source.clone(), t["target"].as_str().unwrap().to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The pairs as owned strings, to compare with [`status_pairs`].
fn pair_set(pairs: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    pairs
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect()
}

/// A translation whose English page was renamed (by git's rename
/// detection: same content, another name no rule of names would guess)
/// names the page its source became, from the history; a page whose
/// English was deleted, not renamed, names none.
#[test]
fn an_orphan_names_the_page_its_source_was_renamed_to() {
    let en = "# Admission checks\n\nAn admission check is a mechanism that allows \
        external components to influence when a workload can be admitted.\n\n\
        Each check has a controller that sets its state on the workload.\n";
    let fr = "# Contrôles d'admission\n\nUn contrôle d'admission permet à des composants \
        externes de décider quand une charge de travail peut être admise.\n";
    let mut r = TestRepo::new();
    r.write(
        "content/en/docs/admission-check-controllers/provisioning.md",
        en,
    );
    r.write(
        "content/fr/docs/admission-check-controllers/provisioning.md",
        fr,
    );
    r.write(
        "content/en/docs/old-page.md",
        "# Old\n\nA page that is deleted later on.\n",
    );
    r.write(
        "content/fr/docs/old-page.md",
        "# Ancienne\n\nUne page supprimée plus tard.\n",
    );
    r.write(
        "content/en/docs/other.md",
        "# Other\n\nAnother page of the site.\n",
    );
    r.write(
        "content/fr/docs/other.md",
        "# Autre\n\nUne autre page du site.\n",
    );
    r.commit("docs in English and French");
    std::fs::remove_file(
        r.path()
            .join("content/en/docs/admission-check-controllers/provisioning.md"),
    )
    .unwrap();
    r.write(
        "content/en/docs/concepts/admission_check/provisioning_request.md",
        &format!("{en}\nA new closing line.\n"),
    );
    std::fs::remove_file(r.path().join("content/en/docs/old-page.md")).unwrap();
    r.commit("Restructure the documentation");
    let out = trame(r.path(), &["status"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "content/fr/docs/admission-check-controllers/provisioning.md (fr) is a translation \
             with no source page; it probably translates \
             content/en/docs/concepts/admission_check/provisioning_request.md, renamed since"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/fr/docs/old-page.md (fr) is a translation with no source page\n"),
        "{stderr}"
    );
    // A second run at the same HEAD names it from the record of the first
    // and reads no history: a history log damaged meanwhile stays as it is.
    let log = r.repo.path().join("trame/history-log");
    std::fs::write(&log, "not a history log\n").unwrap();
    let again = trame(r.path(), &["status"]);
    assert_eq!(String::from_utf8_lossy(&again.stderr), stderr);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "not a history log\n"
    );
    // Another HEAD asks the history again.
    r.write("content/en/docs/more.md", "# More\n\nOne more page.\n");
    r.commit("One more page");
    let third = trame(r.path(), &["status"]);
    assert!(
        String::from_utf8_lossy(&third.stderr).contains("renamed since"),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    assert_ne!(
        std::fs::read_to_string(&log).unwrap(),
        "not a history log\n"
    );
}
