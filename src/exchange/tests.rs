//! The formats written and read back.

use super::inline::{Broken, Piece, check_codes, codes, pieces};
use super::*;

fn unit(id: &str, source: &str, target: Option<&str>, status: Status) -> Unit {
    Unit {
        id: id.to_owned(),
        source: source.to_owned(),
        target: target.map(str::to_owned),
        status,
        label: "stale".to_owned(),
        base: None,
        diff: None,
        section: Some("News".to_owned()),
        line: 3,
        neighbours: (None, Some("Next.".to_owned())),
        kind: "paragraph".to_owned(),
    }
}

fn exchange(units: Vec<Unit>) -> Exchange {
    Exchange {
        source_lang: "en".to_owned(),
        target_lang: "fr".to_owned(),
        tool_version: "0.1.0".to_owned(),
        pages: vec![Page {
            path: "content/a.md".to_owned(),
            units,
        }],
    }
}

#[test]
fn inline_codes_are_cut_out_and_the_pieces_rejoin() {
    let text = "See [the *docs*](https://x.org/a_(b) \"T\"), `a ` b`` and {{< ref \"x\" >}}<br> \\[not a link] ![img](/i.png) [ref][r] [plain].";
    let joined: String = pieces(text)
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Code(t) => *t,
        })
        .collect();
    assert_eq!(joined, text);
    assert_eq!(
        codes(text),
        [
            "[",
            "](https://x.org/a_(b) \"T\")",
            "`a `",
            "{{< ref \"x\" >}}",
            "<br>",
            "![",
            "](/i.png)",
            "[",
            "][r]",
        ]
    );
    assert_eq!(codes("a < b and c > d, x * y"), Vec::<&str>::new());
}

#[test]
fn codes_must_come_back_whatever_their_order_and_language_prefix() {
    let en = "Read [the docs](/docs/) and run `make`.";
    assert_eq!(
        check_codes("Lisez `make` puis [la doc](/fr/docs/).", &[en], "fr"),
        Ok(())
    );
    assert_eq!(
        check_codes("Lisez [la doc](/docs/) et lancez make.", &[en], "fr"),
        Err(Broken::Missing("`make`".to_owned()))
    );
    assert_eq!(
        check_codes("Lisez [la doc](/docs/), `make` et `make`.", &[en], "fr"),
        Err(Broken::Added("`make`".to_owned()))
    );
    // The translation as it was is a reference too.
    let old = "Lisez [la doc](/fr/documentation/) et lancez `make`.";
    assert_eq!(
        check_codes(
            "Lisez [la doc](/fr/documentation/) puis `make`.",
            &[en, old],
            "fr"
        ),
        Ok(())
    );
}

#[test]
fn xliff_is_stable_and_reads_back_exactly() {
    let mut stale = unit(
        "content/a.md#00000000000000aa",
        "Run `make` in [the repo](https://x.org/r) & \"wait\" <3.\r\nDone.",
        Some("Lancez `make` dans [le dépôt](https://x.org/r).\r\nFini."),
        Status::NeedsReview,
    );
    stale.base = Some("Run `make` in [the repo](https://x.org/r).".to_owned());
    stale.diff = Some("Run `make` in [the repo](https://x.org/r) {+& \"wait\"+}".to_owned());
    let missing = unit(
        "content/a.md#00000000000000bb",
        "A new line.",
        None,
        Status::NeedsTranslation,
    );
    let xliff = xliff::write(&exchange(vec![stale, missing]));
    insta::assert_snapshot!(xliff);
    let back = xliff::read(&xliff).unwrap();
    assert_eq!(back.target_lang, "fr");
    assert_eq!(back.units.len(), 2);
    assert_eq!(
        back.units[0].target.as_deref(),
        Some("Lancez `make` dans [le dépôt](https://x.org/r).\r\nFini.")
    );
    assert_eq!(
        back.units[0].source,
        "Run `make` in [the repo](https://x.org/r) & \"wait\" <3.\r\nDone."
    );
    assert!(!back.units[0].done);
    assert_eq!(back.units[0].broken, None);
    assert_eq!(back.units[1].target, None);
}

#[test]
fn xliff_targets_edited_by_a_tool_come_back_as_markdown() {
    let xliff = xliff::write(&exchange(vec![unit(
        "p#1",
        "Run `make` now.",
        None,
        Status::NeedsTranslation,
    )]));
    let translated = xliff.replace(
        "<target state=\"needs-translation\"></target>",
        "<target state=\"translated\">Lancez <ph id=\"1\">`make`</ph> <![CDATA[tout de suite]]>.</target>",
    );
    let back = xliff::read(&translated).unwrap();
    assert_eq!(
        back.units[0].target.as_deref(),
        Some("Lancez `make` tout de suite.")
    );
    assert!(back.units[0].done);
    assert_eq!(back.units[0].broken, None);
    // A code whose content changed, or an element trame never wrote.
    let altered = xliff.replace(
        "<target state=\"needs-translation\"></target>",
        "<target state=\"translated\">Lancez <ph id=\"1\">`rm -rf`</ph>.</target>",
    );
    assert_eq!(
        xliff::read(&altered).unwrap().units[0].broken,
        Some(Broken::Altered("`rm -rf`".to_owned()))
    );
    let other = xliff.replace(
        "<target state=\"needs-translation\"></target>",
        "<target state=\"final\">Lancez <g id=\"9\">make</g>.</target>",
    );
    assert_eq!(
        xliff::read(&other).unwrap().units[0].broken,
        Some(Broken::Altered("<g>".to_owned()))
    );
    assert!(matches!(
        xliff::read("<xliff version=\"1.2\"><file"),
        Err(ReadError::Xliff(_))
    ));
}

#[test]
fn po_is_stable_and_reads_back_exactly() {
    let mut stale = unit(
        "content/a.md#00000000000000aa",
        "Line one \"quoted\" \\ back\nline two\twith a tab\r\n",
        Some("Ligne un\nligne deux\r\n"),
        Status::NeedsReview,
    );
    stale.base = Some("Line one\nold two".to_owned());
    stale.diff = Some("Line one {+\"quoted\"+} [-old-]{+line+} two".to_owned());
    let po = po::write(&exchange(vec![
        stale,
        unit(
            "content/a.md#00000000000000bb",
            "New.",
            None,
            Status::NeedsTranslation,
        ),
        unit(
            "content/a.md#00000000000000cc",
            "Same.",
            Some("Pareil."),
            Status::Translated,
        ),
    ]));
    insta::assert_snapshot!(po);
    let back = po::read(&po).unwrap();
    assert_eq!(back.target_lang, "fr");
    let got: Vec<_> = back
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.target.as_deref(), u.done))
        .collect();
    assert_eq!(
        got,
        [
            (
                "content/a.md#00000000000000aa",
                Some("Ligne un\nligne deux\r\n"),
                false
            ),
            ("content/a.md#00000000000000bb", None, false),
            ("content/a.md#00000000000000cc", Some("Pareil."), true),
        ]
    );
    assert_eq!(
        back.units[0].source,
        "Line one \"quoted\" \\ back\nline two\twith a tab\r\n"
    );
}

#[test]
fn po_escapes_follow_the_gettext_grammar() {
    assert_eq!(
        po::unescape(r#"a\tb\\\"\101\x42\n"#).unwrap(),
        "a\tb\\\"AB\n"
    );
    assert!(po::unescape(r"bad\q").is_err());
    assert!(po::unescape("a\"b").is_err());
    assert_eq!(po::escape("\u{1}é"), "\\001é");
    assert!(matches!(
        po::read("msgid \"x\nmsgstr \"\""),
        Err(ReadError::Po { line: 1, .. })
    ));
    assert_eq!(
        po::read("msgid \"\"\nmsgstr \"\"\n"),
        Err(ReadError::NoLanguage)
    );
}

#[test]
fn tmx_lists_every_pair_and_parses() {
    let memory = tmx::Memory {
        source_lang: "en".to_owned(),
        tool_version: "0.1.0".to_owned(),
        pairs: vec![
            tmx::Pair {
                id: "a.md#1".to_owned(),
                lang: "fr".to_owned(),
                source: "Run `make` & go.".to_owned(),
                target: "Lancez `make` et partez.".to_owned(),
            },
            tmx::Pair {
                id: "a.md#1".to_owned(),
                lang: "it".to_owned(),
                source: "Run `make` & go.".to_owned(),
                target: "Esegui `make`.".to_owned(),
            },
        ],
    };
    let text = tmx::write(&memory);
    insta::assert_snapshot!(text);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut langs = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "tuv" => {
                let lang = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "xml:lang")
                    .unwrap();
                langs.push(lang.value.to_string());
            }
            _ => {}
        }
    }
    assert_eq!(langs, ["en", "fr", "en", "it"]);
}

#[test]
fn read_tells_xliff_from_po() {
    let po = po::write(&exchange(vec![unit(
        "p#1",
        "A.",
        Some("B."),
        Status::Translated,
    )]));
    let xliff = xliff::write(&exchange(vec![unit(
        "p#1",
        "A.",
        Some("B."),
        Status::Translated,
    )]));
    assert_eq!(read(&po).unwrap(), read(&xliff).unwrap());
}
