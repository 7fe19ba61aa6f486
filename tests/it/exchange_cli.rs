//! `trame export`, `import` and `tm`: XLIFF, PO and TMX round trips on the
//! corpus and on hermetic repositories (fixed dates, no user configuration).

use std::path::Path;
use std::process::Command;

use trame::exchange::{self, ReadError};
use trame::workspace::{Project, exchange as plan};

use crate::support::{self, TestRepo, render, trame};

const EN: &str = "# News\n\nThe sprint is in Lyon this year.\n\nRun `make check` and read [the docs](https://loom.example/docs) first.\n\nWe meet every Monday.\n";
const FR: &str = "# Nouvelles\n\nLe sprint a lieu à Lyon cette année.\n\nLancez `make check` et lisez d'abord [la doc](https://loom.example/docs).\n\nNous nous réunissons chaque lundi.\n";

/// A repository with one English page and its French translation, committed.
fn repo() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", FR);
    r.commit("English and French");
    r
}

/// Runs a program if it is installed; `None` (saying so) when it is not.
fn tool(name: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(name).args(args).output() {
        Ok(out) => Some(out),
        Err(_) => {
            eprintln!("{name} is not installed: cannot check with it");
            None
        }
    }
}

/// Parses XML with quick-xml to its end, failing on the first error;
/// returns the values of `attr` on every `element`.
fn parse_xml(text: &str, element: &str, attr: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut found = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.name().as_ref() == element =>
            {
                if let Some(a) = e.attributes().flatten().find(|a| a.key.as_ref() == attr) {
                    found.push(a.value.to_string());
                }
            }
            _ => {}
        }
    }
    found
}

/// The projects and languages of the corpus: each site with fr and it.
fn corpus_sites(corpus: &Path) -> Vec<std::path::PathBuf> {
    ["cncf-glossary/content", "xsf-xmpp.org/content"]
        .iter()
        .map(|s| corpus.join(s))
        .filter(|p| p.is_dir())
        .collect()
}

#[test]
fn corpus_export_then_import_with_no_change_is_byte_identical() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let mut total = 0;
    for site in corpus_sites(&corpus) {
        let paths = [site.clone()];
        let project = Project::for_paths(&paths).unwrap();
        for lang in ["fr", "it"] {
            let (export, _) = plan::export(&project, &paths, lang, true).unwrap();
            let units: Vec<_> = export.pages.iter().flat_map(|p| &p.units).collect();
            let translated = units.iter().filter(|u| u.target.is_some()).count();
            assert!(translated > 50, "{}: {lang}: {translated}", site.display());
            for text in [
                exchange::xliff::write(&export),
                exchange::po::write(&export),
            ] {
                let returns = exchange::read(&text).unwrap();
                assert_eq!(returns.units.len(), units.len());
                let (import, _) = plan::plan_import(&project, &returns).unwrap();
                assert_eq!(import.refused, [], "{}: {lang}", site.display());
                assert_eq!(
                    import.files,
                    [],
                    "{}: {lang}: a file would change",
                    site.display()
                );
                assert_eq!(import.unchanged, translated);
            }
            total += units.len();
        }
    }
    assert!(total > 1_000, "{total} units");
}

#[test]
fn an_edited_xliff_target_comes_back_as_exactly_that_segments_bytes() {
    let r = repo();
    let out = trame(
        &["export", "--lang", "fr", "--all", "-o", "fr.xlf"],
        r.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    let xliff = std::fs::read_to_string(r.path().join("fr.xlf")).unwrap();
    assert_eq!(parse_xml(&xliff, "trans-unit", "id").len(), 4);
    let edited = xliff.replace(
        "<target state=\"translated\">Nous nous réunissons chaque lundi.</target>",
        "<target state=\"translated\">On se retrouve tous les lundis.</target>",
    );
    assert_ne!(edited, xliff);
    std::fs::write(r.path().join("fr.xlf"), &edited).unwrap();
    let out = trame(&["import", "fr.xlf"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    insta::assert_snapshot!(render(&out));
    let now = std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap();
    assert_eq!(
        now,
        FR.replace(
            "Nous nous réunissons chaque lundi.",
            "On se retrouve tous les lundis."
        )
    );
    // Imported again: nothing changes.
    let out = trame(&["import", "fr.xlf"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap(),
        now
    );
}

#[test]
fn a_broken_inline_code_is_refused_with_its_reason() {
    let r = repo();
    let out = trame(&["export", "--lang", "fr", "--all"], r.path(), &[]);
    let xliff = String::from_utf8(out.stdout).unwrap();
    // The translator typed the code over instead of keeping it.
    let broken = xliff.replace(
        "Lancez <ph id=\"1\">`make check`</ph> et",
        "Lancez make check et",
    );
    assert_ne!(broken, xliff);
    std::fs::write(r.path().join("fr.xlf"), &broken).unwrap();
    let out = trame(&["import", "fr.xlf"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    insta::assert_snapshot!(render(&out));
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap(),
        FR
    );
    // A PO translation that drops the link is refused too.
    let out = trame(
        &["export", "--lang", "fr", "--all", "--format", "po"],
        r.path(),
        &[],
    );
    let po = String::from_utf8(out.stdout).unwrap().replace(
        "lisez d'abord [la doc](https://loom.example/docs).",
        "lisez d'abord la doc.",
    );
    std::fs::write(r.path().join("fr.po"), &po).unwrap();
    let out = trame(&["import", "fr.po"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("the inline code [ is missing"),
        "{}",
        render(&out)
    );
}

#[test]
fn a_unit_whose_english_changed_since_the_export_is_refused() {
    let mut r = repo();
    let out = trame(&["export", "--lang", "fr", "--all"], r.path(), &[]);
    let xliff = String::from_utf8(out.stdout)
        .unwrap()
        .replace(
            "Le sprint a lieu à Lyon cette année.</target>",
            "Le sprint se tient à Lyon cette année.</target>",
        )
        .replace(
            "Nous nous réunissons chaque lundi.</target>",
            "On se retrouve tous les lundis.</target>",
        );
    std::fs::write(r.path().join("fr.xlf"), &xliff).unwrap();
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("The sprint moves");
    let out = trame(&["import", "fr.xlf"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    insta::assert_snapshot!(render(&out));
    // The other unit went in; the refused one did not.
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap(),
        FR.replace(
            "Nous nous réunissons chaque lundi.",
            "On se retrouve tous les lundis."
        )
    );
}

#[test]
fn po_of_a_stale_page_passes_msgfmt_and_shows_the_previous_msgid() {
    let mut r = repo();
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("The sprint moves");
    let out = trame(
        &["export", "--lang", "fr", "--format", "po", "-o", "fr.po"],
        r.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    let po = std::fs::read_to_string(r.path().join("fr.po")).unwrap();
    insta::assert_snapshot!(po);
    assert!(po.contains(
        "#, fuzzy\n#| msgid \"The sprint is in Lyon this year.\"\nmsgctxt \"content/a.md#"
    ));
    let po_path = r.path().join("fr.po").to_string_lossy().into_owned();
    if let Some(check) = tool("msgfmt", &["--check", "-o", "/dev/null", &po_path]) {
        assert!(
            check.status.success(),
            "msgfmt --check: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    // Translated in the tool and marked done: written and recorded as reviewed.
    let done = po.replace("#, fuzzy\n", "").replace(
        "msgstr \"Le sprint a lieu à Lyon cette année.\"",
        "msgstr \"Le sprint a lieu à Berlin l'an prochain.\"",
    );
    std::fs::write(r.path().join("fr.po"), &done).unwrap();
    let out = trame(&["import", "fr.po"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("one segment recorded as reviewed"),
        "{}",
        render(&out)
    );
    let (docs, _) = r.staleness(Some("fr"));
    assert!(
        docs[0]
            .labels
            .iter()
            .all(|l| l.state == trame::stale::State::UpToDate),
        "{:?}",
        docs[0].labels
    );
}

#[test]
fn xliff_of_a_stale_page_is_well_formed_and_carries_the_base_english() {
    let mut r = repo();
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("The sprint moves");
    let out = trame(&["export", "--lang", "fr"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    let xliff = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(xliff);
    assert_eq!(
        parse_xml(&xliff, "target", "state"),
        ["needs-review-translation"]
    );
    assert_eq!(parse_xml(&xliff, "alt-trans", "origin"), ["trame-base"]);
    std::fs::write(r.path().join("fr.xlf"), &xliff).unwrap();
    if let Some(check) = tool(
        "xmllint",
        &["--noout", &r.path().join("fr.xlf").to_string_lossy()],
    ) {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn tmx_lists_every_up_to_date_pair_and_parses() {
    let mut r = repo();
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("The sprint moves");
    let out = trame(&["tm", "-o", "memory.tmx"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote 3 aligned pairs to memory.tmx\n"
    );
    let tmx = std::fs::read_to_string(r.path().join("memory.tmx")).unwrap();
    insta::assert_snapshot!(tmx);
    assert_eq!(parse_xml(&tmx, "tu", "tuid").len(), 3);
    assert_eq!(
        parse_xml(&tmx, "tuv", "xml:lang"),
        ["en", "fr", "en", "fr", "en", "fr"]
    );
    assert!(!tmx.contains("Lyon"), "the stale pair is left out");
}

#[test]
fn export_writes_only_inside_the_repository_and_import_reads_only_what_it_knows() {
    let r = repo();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("fr.xlf");
    let out = trame(
        &["export", "--lang", "fr", "-o", &target.to_string_lossy()],
        r.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", render(&out));
    assert!(!target.exists());
    std::fs::write(r.path().join("bad.po"), "msgid \"x\nmsgstr \"\"\n").unwrap();
    let out = trame(&["import", "bad.po"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", render(&out));
    insta::assert_snapshot!(render(&out));
    assert!(matches!(
        exchange::read("<nope/>"),
        Err(ReadError::Xliff(_))
    ));
}

#[test]
fn a_site_that_is_not_a_repository_imports_what_it_exported() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in [("content/en/a.md", EN), ("content/fr/a.md", FR)] {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let out = trame(
        &["export", "content", "--lang", "fr", "--all"],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    let xliff = String::from_utf8(out.stdout).unwrap().replace(
        ">Nous nous réunissons chaque lundi.</target>",
        ">On se retrouve tous les lundis.</target>",
    );
    std::fs::write(dir.path().join("fr.xlf"), xliff).unwrap();
    let out = trame(&["import", "fr.xlf"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/fr/a.md")).unwrap(),
        FR.replace(
            "Nous nous réunissons chaque lundi.",
            "On se retrouve tous les lundis."
        )
    );
}

#[test]
fn translate_toolkit_counts_the_units_of_both_formats_as_exported() {
    let mut r = repo();
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("The sprint moves");
    for (format, name) in [("xliff", "all.xlf"), ("po", "all.po")] {
        let out = trame(
            &[
                "export", "--lang", "fr", "--all", "--format", format, "-o", name,
            ],
            r.path(),
            &[],
        );
        assert_eq!(out.status.code(), Some(0), "{}", render(&out));
        let path = r.path().join(name).to_string_lossy().into_owned();
        let Some(count) = tool("pocount", &["--csv", &path]) else {
            return;
        };
        assert!(
            count.status.success(),
            "{}",
            String::from_utf8_lossy(&count.stderr)
        );
        let csv = String::from_utf8(count.stdout).unwrap();
        let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
        // Translated, fuzzy, untranslated and total messages.
        assert_eq!(
            [row[1], row[4], row[6], row[8]],
            ["3", "1", "0", "4"],
            "{format}: {csv}"
        );
    }
}

#[test]
fn corpus_tmx_is_well_formed_and_lists_every_up_to_date_pair() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    for site in corpus_sites(&corpus) {
        let paths = [site.clone()];
        let project = Project::for_paths(&paths).unwrap();
        let (docs, _) = trame::workspace::staleness(&project, &paths, None).unwrap();
        // Counted here from the labels, apart from the exporter: rows with
        // English prose and a translation, every English segment up to date.
        let expected: usize = docs
            .iter()
            .map(|d| {
                let state = |i: usize| {
                    d.labels
                        .iter()
                        .find(|l| l.source == Some(i))
                        .map(|l| l.state)
                };
                d.alignment
                    .rows
                    .iter()
                    .filter(|r| !r.source.is_empty() && !r.target.is_empty())
                    .filter(|r| {
                        r.source.clone().all(|i| {
                            d.source.document.segments[i].kind.is_prose()
                                && state(i) == Some(trame::stale::State::UpToDate)
                        })
                    })
                    .count()
            })
            .sum();
        let (memory, _) = plan::memory(&project, &paths, None).unwrap();
        let tmx = exchange::tmx::write(&memory);
        let tus = parse_xml(&tmx, "tu", "tuid");
        assert_eq!(tus.len(), expected, "{}", site.display());
        assert!(expected > 500, "{}: {expected} pairs", site.display());
        let langs = parse_xml(&tmx, "tuv", "xml:lang");
        assert_eq!(langs.len(), 2 * expected);
        assert!(
            langs
                .iter()
                .all(|l| ["en", "fr", "it"].contains(&l.as_str()))
        );
    }
}

#[test]
fn a_missing_segment_translated_in_the_tool_is_inserted_where_the_english_has_it() {
    let mut r = repo();
    r.write(
        "content/a.md",
        &format!("{EN}\n## Travel\n\nTrains to Lyon leave from Paris-Gare-de-Lyon at 08:00.\n"),
    );
    r.commit("A new section");
    let out = trame(&["export", "--lang", "fr", "--format", "po"], r.path(), &[]);
    let po = String::from_utf8(out.stdout).unwrap();
    assert!(po.contains("#. trame: missing\n"), "{po}");
    let translated = po
        .replace(
            "msgid \"Travel\"\nmsgstr \"\"",
            "msgid \"Travel\"\nmsgstr \"Voyage\"",
        )
        .replace(
            "msgid \"Trains to Lyon leave from Paris-Gare-de-Lyon at 08:00.\"\nmsgstr \"\"",
            "msgid \"Trains to Lyon leave from Paris-Gare-de-Lyon at 08:00.\"\nmsgstr \"Les trains pour Lyon partent de Paris-Gare-de-Lyon à 08:00.\"",
        );
    assert_ne!(translated, po);
    std::fs::write(r.path().join("fr.po"), translated).unwrap();
    let out = trame(&["import", "fr.po"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", render(&out));
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap(),
        format!("{FR}\n## Voyage\n\nLes trains pour Lyon partent de Paris-Gare-de-Lyon à 08:00.\n")
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("2 segments recorded as reviewed"),
        "{}",
        render(&out)
    );
}
