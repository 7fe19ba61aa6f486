//! `trame status` and `trame check` end to end: a temporary repository, a
//! cleared environment, stdout, stderr and the exit code snapshotted.

use crate::support::{TestRepo, render, trame};

const EN: &str = "---
title: The Loom Newsletter
date: 2026-10-05
---

Welcome to the September 2026 issue.

## Events

The sprint in Lyon takes place in October, see [the wiki](https://wiki.loom.example/lyon).

## Specifications

Two new specifications were published this month.
";

const FR: &str = "---
title: La lettre de Loom
date: 2026-10-05
---

Bienvenue dans le numéro de septembre 2026.

## Événements

Le sprint de Lyon a lieu en octobre, voir [le wiki](https://wiki.loom.example/lyon).

## Spécifications

Deux nouvelles spécifications ont été publiées ce mois-ci.
";

/// A repository whose French is complete and whose Italian lacks a section
/// and says August where the English says September.
fn repo() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/news.md", EN);
    r.write("content/news.fr.md", FR);
    r.write(
        "content/news.it.md",
        "---\ntitle: La newsletter di Loom\ndate: 2026-10-05\n---\n\nBenvenuti al numero di agosto 2026.\n\n## Eventi\n\nLo sprint di Lione si tiene a ottobre, vedi [il wiki](https://wiki.loom.example/lyon).\n",
    );
    r.commit("English, French and Italian");
    r
}

fn run(r: &TestRepo, args: &[&str]) -> String {
    render(&trame(args, r.path(), &[]))
}

#[test]
fn a_complete_translation_passes() {
    let mut r = TestRepo::new();
    r.write("news.md", EN);
    r.write("news.fr.md", FR);
    r.commit("English and French");
    insta::assert_snapshot!("check_complete", run(&r, &["check", "."]));
}

#[test]
fn status_in_each_format() {
    let r = repo();
    insta::assert_snapshot!("status_text", run(&r, &["status", "content"]));
    insta::assert_snapshot!(
        "status_sections",
        run(&r, &["status", "--sections", "content"])
    );
    insta::assert_snapshot!(
        "status_json",
        run(&r, &["status", "--format", "json", "content"])
    );
}

#[test]
fn check_names_the_untranslated_section_and_the_wrong_month_in_each_format() {
    let r = repo();
    for format in ["text", "json", "github", "junit"] {
        insta::assert_snapshot!(
            format!("check_{format}"),
            run(&r, &["check", "--format", format, "content"])
        );
    }
}

#[test]
fn a_stale_segment_fails_with_its_diff() {
    let mut r = TestRepo::new();
    r.write("news.md", EN);
    r.write("news.fr.md", FR);
    r.commit("English and French");
    r.write(
        "news.md",
        &EN.replace(
            "Two new specifications were",
            "Three new specifications were",
        ),
    );
    r.commit("English: three specifications");
    insta::assert_snapshot!(run(&r, &["check", "."]));
}

#[test]
fn rules_from_trame_toml_and_a_bad_key() {
    let mut r = repo();
    r.write("trame.toml", "[check]\nuntranslated-sections = [\"Specifications\"]\nwarnings = [\"date\", \"number\"]\n");
    r.commit("rules");
    insta::assert_snapshot!("check_with_rules", run(&r, &["check", "content"]));
    r.write("trame.toml", "[check]\ncoverag = 90\n");
    insta::assert_snapshot!("check_bad_config", run(&r, &["check", "content"]));
}

#[test]
fn a_missing_path_exits_2_with_one_line() {
    let r = repo();
    insta::assert_snapshot!(run(&r, &["check", "nowhere"]), @r"
    ------- stderr -------
    trame: error: cannot read nowhere: No such file or directory (os error 2)
    [exit status: 2]
    ");
}

#[test]
fn the_source_language_comes_from_trame_toml() {
    let mut r = TestRepo::new();
    r.write("trame.toml", "source-language = \"de\"\n");
    r.write("content/de/seite.md", "# Neuigkeiten\n\nDer Sprint findet im Oktober in [Lyon](https://wiki.loom.example/lyon) statt.\n");
    r.write(
        "content/fr/seite.md",
        "# Nouvelles\n\nLe sprint a lieu en octobre à [Lyon](https://wiki.loom.example/lyon).\n",
    );
    r.commit("German source, French translation");
    insta::assert_snapshot!(run(&r, &["status", "content"]), @r"
    one page (fr)
    content/de/seite.md  fr ██████████ 100% (0 stale, 0 missing)

    Total                fr ██████████ 100% (0 stale, 0 missing)
    ------- stderr -------
    [exit status: 0]
    ");
}

#[test]
fn stale_and_review_read_trame_toml() {
    let mut r = TestRepo::new();
    r.write(
        "trame.toml",
        "content = \"site\"\nsource-language = \"de\"\nlanguages = [\"fr\"]\n",
    );
    r.write(
        "site/de/seite.md",
        "# Neuigkeiten\n\nDer Sprint findet im Oktober statt.\n",
    );
    r.write(
        "site/fr/seite.md",
        "# Nouvelles\n\nLe sprint a lieu en octobre.\n",
    );
    r.write("site/it/seite.md", "# Notizie\n");
    r.commit("German source, French and Italian translations");
    r.write(
        "site/de/seite.md",
        "# Neuigkeiten\n\nDer Sprint findet im November statt.\n",
    );
    r.commit("The sprint moves");
    // No path: the content folder, the source language and the languages
    // all come from trame.toml (Italian is not listed, so not reported).
    let stale = |r: &TestRepo| {
        let out = trame(&["stale", "--format", "json"], r.path(), &[]);
        assert!(out.status.success(), "{}", render(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let docs = json["documents"].as_array().unwrap().clone();
        docs.iter()
            .map(|d| {
                let states: Vec<&str> = d["segments"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["state"].as_str().unwrap())
                    .collect();
                format!(
                    "{} {} {:?}",
                    d["target"].as_str().unwrap(),
                    d["lang"],
                    states
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(stale(&r), [r#"site/fr/seite.md "fr" ["stale"]"#]);
    // Review finds the German page as the source of the French one.
    let out = trame(
        &["review", "site/fr/seite.md", "--lang", "fr", "--all"],
        r.path(),
        &[],
    );
    assert!(out.status.success(), "{}", render(&out));
    assert_eq!(stale(&r), [r#"site/fr/seite.md "fr" []"#]);
}

/// A value the translation lacks twice on one line is one finding, not two.
#[test]
fn identical_findings_are_reported_once() {
    let mut r = TestRepo::new();
    r.write(
        "content/a.md",
        "# News\n\nSee [docs](https://x.example/a) and [docs](https://x.example/a) again.\n",
    );
    r.write(
        "content/a.fr.md",
        "# Nouvelles\n\nVoir la documentation, deux fois.\n",
    );
    r.commit("English and French");
    let out = trame(&["check", "--format", "json"], r.path(), &[]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let urls: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "url")
        .collect();
    assert_eq!(urls.len(), 1, "{report}");
}

/// The part of a page before its first heading has one name in `check` and
/// `status --sections`.
#[test]
fn the_top_section_has_one_name() {
    let mut r = TestRepo::new();
    r.write(
        "content/a.md",
        "---\ntitle: Title\n---\n\nAn intro the French skipped entirely.\n\n## Events\n\nThe sprint is in Lyon.\n",
    );
    r.write(
        "content/a.fr.md",
        "---\ntitle: Titre\n---\n\n## Événements\n\nLe sprint a lieu à Lyon.\n",
    );
    r.commit("English and French");
    let check = render(&trame(&["check"], r.path(), &[]));
    assert!(check.contains("(top)") && !check.contains('—'), "{check}");
    let status = render(&trame(&["status", "--sections"], r.path(), &[]));
    assert!(status.contains("(top)"), "{status}");
}

/// Every rule has a level in trame.toml: off, warn or error; an unknown
/// rule is an error naming the known ones.
#[test]
fn rules_can_be_switched_off_or_made_errors() {
    let r = repo();
    let level = |toml: &str| -> (Option<i32>, String) {
        r.write("trame.toml", toml);
        let out = trame(&["check"], r.path(), &[]);
        (out.status.code(), render(&out))
    };
    let (_, default) = level("");
    assert!(default.contains("warning (date, it)"), "{default}");
    let (_, off) = level("[check.rules]\ndate = \"off\"\n");
    assert!(!off.contains("(date, it)"), "{off}");
    let (_, error) = level("[check.rules]\ndate = \"error\"\n");
    assert!(error.contains("error (date, it)"), "{error}");
    let (code, bad) = level("[check.rules]\ndates = \"off\"\n");
    assert_eq!(code, Some(2));
    assert!(bad.contains("unknown rule `dates`"), "{bad}");
}

/// A translation created by `trame write` with its prose left in English is
/// not translated: below 100% in `status`, and `check` fails on it.
#[test]
fn prose_left_in_english_by_write_is_not_translated() {
    let mut r = TestRepo::new();
    r.write(
        "content/news.md",
        "---\ntitle: News\n---\n\nThe sprint takes place in the old town this year.\n\n## Events\n\nWe meet every Monday in the main room of the library.\n",
    );
    r.commit("English");
    let out = trame(&["write", "content/news.md", "--lang", "fr"], r.path(), &[]);
    assert!(out.status.success(), "{}", render(&out));
    r.commit("French skeleton");
    let status = trame(&["status", "--format", "json"], r.path(), &[]);
    let report: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let fr = &report["documents"][0]["translations"][0];
    assert!(fr["percent"].as_f64().unwrap() < 100.0, "{report}");
    // Both paragraphs, and the heading of the section left in English; the
    // one-word title is not evidence enough.
    assert_eq!(fr["states"]["untranslated"], 3, "{report}");
    let check = trame(&["check"], r.path(), &[]);
    assert_eq!(check.status.code(), Some(1), "{}", render(&check));
}

/// Links are checked against the pages the site has, in both layouts: a
/// link of the translation to its own language's page of the same term is
/// no finding, nor one the translator added to an existing page; a link to
/// a page the site lacks is.
#[test]
fn check_reads_links_against_the_pages_of_the_site() {
    for (layout, en_path, it_page, it_other) in [
        (
            "directory",
            "content/en/api.md",
            "content/it/api.md",
            "content/it/microservices.md",
        ),
        (
            "suffix",
            "content/api.md",
            "content/api.it.md",
            "content/microservices.it.md",
        ),
    ] {
        let mut r = TestRepo::new();
        let en_other = en_path.replace("api", "microservices-architecture");
        r.write(&en_other, "Small services.\n");
        r.write(it_other, "Piccoli servizi.\n");
        r.write(
            en_path,
            "An API serves [microservices](/microservices-architecture/).\n\nIt can [scale](/horizontal-scaling/).\n",
        );
        r.write(
            it_page,
            "Un'API serve [microservizi](/it/microservices/).\n\nPuò [scalare](/it/horizontal_scaling/).\n",
        );
        r.commit("pages");
        let out = run(&r, &["check", "--format", "json", "content"]);
        let urls: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("\"value\": \"/"))
            .map(str::trim)
            .collect();
        assert_eq!(
            urls,
            [
                "\"value\": \"/horizontal-scaling\",",
                "\"value\": \"/horizontal_scaling\","
            ],
            "{layout}:\n{out}"
        );
    }
}

/// A section's coverage finding says what is true of it: how many
/// segments the translation lacks and how many it left in English.
#[test]
fn a_section_finding_tells_missing_from_left_in_english() {
    let mut r = TestRepo::new();
    r.write(
        "content/guide.md",
        "# Guide\n\nThis guide explains how the tool reads your site.\n\n## Setup\n\nInstall the tool with your package manager.\n\nThe configuration file is read once at start, before any page of the site is opened.\n\nThe tool then writes its cache in a hidden folder of the repository.\n",
    );
    r.write(
        "content/guide.fr.md",
        "# Guide\n\nCe guide explique comment l'outil lit votre site.\n\n## Installation\n\nInstallez l'outil avec votre gestionnaire de paquets.\n\nThe configuration file is read once at start, before any page of the site is opened.\n",
    );
    r.commit("English and French");
    let check = render(&trame(&["check"], r.path(), &[]));
    assert!(
        check.contains("section “Setup” is not fully translated: one segment is missing, one is left in English (content/guide.md:5-11)"),
        "{check}"
    );
    let json = trame(&["check", "--format", "json"], r.path(), &[]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let section = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "coverage" && f["section"] == "Setup")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(section["value"], "Setup", "{report}");
    let fr = render(&trame(&["check"], r.path(), &[("LANG", "fr_FR.UTF-8")]));
    assert!(
        fr.contains("la section « Setup » n'est pas entièrement traduite : 1 segment manque, 1 est resté en anglais"),
        "{fr}"
    );
}

#[test]
fn status_fits_the_terminal_width_and_totals_each_language() {
    let mut r = TestRepo::new();
    let deep = "content/en/posts/2024/a-rather-long-folder-name/the-page-with-a-long-name";
    r.write(&format!("{deep}.md"), "# News\n\nOne.\n\nTwo.\n");
    r.write(
        &format!("{}.md", deep.replace("/en/", "/fr/")),
        "# Nouvelles\n\nUn.\n\nDeux.\n",
    );
    r.write(
        &format!("{}.md", deep.replace("/en/", "/it/")),
        "# Notizie\n",
    );
    r.write("content/en/short.md", "# Short\n\nOne.\n");
    r.write("content/fr/short.md", "# Court\n\nUn.\n");
    r.write("content/it/short.md", "# Corto\n\nUno.\n");
    r.commit("pages");
    let status = |columns: &str| {
        let out = crate::support::trame(
            &["status"],
            r.path(),
            &[("COLUMNS", columns), ("LANG", "C.UTF-8")],
        );
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    // Wide: one line a page, paths whole, a totals line per language.
    let wide = status("250");
    assert!(wide.contains(&format!("{deep}.md  fr")), "{wide}");
    let total = wide.lines().find(|l| l.starts_with("Total")).unwrap();
    assert!(
        // Italian: 1 of 3 segments, and 2 of 2: 3 of 5.
        total.contains("fr ██████████ 100%") && total.contains("it ██████░░░░ 60%"),
        "{wide}"
    );
    // Narrower: paths cut in the middle, by display width, the file name kept.
    let narrow = status("120");
    for line in narrow.lines() {
        assert!(crate::support::width(line) <= 120, "{line}\n{narrow}");
    }
    let first = narrow.lines().nth(1).unwrap();
    assert!(first.starts_with("content/en/…ong-name.md  fr"), "{narrow}");
    // Too narrow for a line a page: one language a line, still within width.
    let thin = status("50");
    for line in thin.lines() {
        assert!(crate::support::width(line) <= 50, "{line}\n{thin}");
    }
    assert!(thin.contains("\nTotal\n    fr ██████████ 100%"), "{thin}");
    // A pipe with no COLUMNS: no limit.
    let out = crate::support::trame(&["status"], r.path(), &[("LANG", "C.UTF-8")]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(&format!("{deep}.md"))
    );
}

/// `check --format markdown --base`: the English of one paragraph changes
/// in the last commit and the Italian gets its untranslated section, so the
/// summary says two segments newly need work (that paragraph in French and
/// in Italian) and two were fixed (the section's heading and paragraph),
/// with the link to the HTML page.
#[test]
fn check_markdown_says_what_changed_since_the_base() {
    let mut r = repo();
    r.write(
        "content/news.md",
        &EN.replace(
            "The sprint in Lyon takes place in October",
            "The sprint in Lyon is cancelled this year",
        ),
    );
    r.write(
        "content/news.it.md",
        "---\ntitle: La newsletter di Loom\ndate: 2026-10-05\n---\n\nBenvenuti al numero di agosto 2026.\n\n## Eventi\n\nLo sprint di Lione si tiene a ottobre, vedi [il wiki](https://wiki.loom.example/lyon).\n\n## Specifiche\n\nDue nuove specifiche sono state pubblicate questo mese.\n",
    );
    r.commit("Sprint cancelled; Italian specifications");
    insta::assert_snapshot!(
        "check_markdown_base",
        run(
            &r,
            &[
                "check",
                "--format",
                "markdown",
                "--base",
                "HEAD~1",
                "--report-url",
                "https://loom.example/status/",
            ]
        )
    );
    // Without a base: the files with the most errors; a report URL that is
    // not a web address is left out.
    insta::assert_snapshot!(
        "check_markdown",
        run(
            &r,
            &[
                "check",
                "--format",
                "markdown",
                "--report-url",
                "javascript:alert(1)"
            ]
        )
    );
    // A base that does not exist is an error (exit 2).
    let out = trame(
        &["check", "--format", "markdown", "--base", "no-such-ref"],
        r.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", render(&out));
}

/// `status` on pages none of which has a translation: one sentence saying
/// what a translation looks like, not an empty table ("0 pages ()").
#[test]
fn status_with_no_translation_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/a.md"), "# A\n\nText.\n").unwrap();
    let out = crate::support::trame(&["status"], dir.path(), &[("LANG", "C.UTF-8")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text,
        "No translated page found: a translation is a file beside its page \
         (x.fr.md for x.md) or in a language folder (content/fr/x.md).\n"
    );
    // `check` passes (nothing failed) but says on standard error that it
    // checked nothing, so a gate pointed at the wrong place is seen.
    let out = crate::support::trame(&["check"], dir.path(), &[("LANG", "C.UTF-8")]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("No translated page found"), "{err}");
}

/// A link to a heading the translation renamed names the fix (an explicit
/// id, or the new anchor); Markdown the translation broke says so, and the
/// same construct copied from the English is not the translation's.
#[test]
fn check_explains_broken_anchors_and_markdown() {
    let mut r = TestRepo::new();
    r.write(
        "content/news.md",
        "# News\n\nSee [the team](#contributors).\n\n{{< card title=\"A\"\n\n## Contributors\n\nThanks to all.\n",
    );
    r.write(
        "content/news.fr.md",
        "# Nouvelles\n\nVoir [l'équipe](#contributors).\n\n{{< card title=\"A\"\n\n## Contributeurs\n\nMerci à tous.\n\n```sh\nnever closed\n",
    );
    r.commit("pages");
    let out = run(&r, &["check", "content"]);
    assert!(
        out.contains("link to “#contributors” leads to no heading of this page (a translated heading gets another anchor: write {#contributors} after the heading it means, or link to its new anchor)"),
        "{out}"
    );
    assert!(
        out.contains(
            "Markdown broken here but not in the English (content/news.md): unclosed-code-fence"
        ),
        "{out}"
    );
    assert!(!out.contains("unclosed-shortcode"), "{out}");
}
