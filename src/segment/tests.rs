//! Unit tests of segmentation through one `dump` helper.

use super::*;

/// Renders a document for snapshots: one line per piece, segments with their
/// kind, level, key, lines, anchor and invariants.
fn dump(text: &str) -> String {
    let (doc, diagnostics) = parse(text);
    assert_round_trip(text, &doc);
    let mut out = String::new();
    for piece in doc.pieces() {
        match piece {
            Piece::Segment(s) => {
                out.push_str(s.kind.as_str());
                if s.level > 0 {
                    out.push_str(&format!(" {}", s.level));
                }
                if let Some(k) = &s.key {
                    out.push_str(&format!(" [{k}]"));
                }
                out.push_str(&format!(" L{}-{} {:?}", s.lines.0, s.lines.1, s.text));
                if let Some(a) = &s.anchor {
                    out.push_str(&format!(" #{a}"));
                }
                if !s.invariants.is_empty() {
                    out.push_str(&format!(" {:?}", s.invariants));
                }
                out.push('\n');
            }
            Piece::Skipped(s) => {
                out.push_str(&format!(
                    "  ~{} {:?}\n",
                    s.kind.as_str(),
                    &text[s.bytes.clone()]
                ));
            }
        }
    }
    for d in diagnostics {
        out.push_str(&format!("! L{} {:?}\n", d.line, d.kind));
    }
    out
}

/// Checks the tiling invariant: pieces are contiguous, cover the input, and
/// each segment's text is its bytes.
#[track_caller]
pub(crate) fn assert_round_trip(text: &str, doc: &Document) {
    let mut rebuilt = String::with_capacity(text.len());
    let mut pos = 0;
    for piece in doc.pieces() {
        let r = piece.bytes();
        assert_eq!(r.start, pos, "gap or overlap at byte {pos}");
        assert!(!r.is_empty(), "empty piece at {pos}");
        rebuilt.push_str(&text[r.clone()]);
        pos = r.end;
        if let Piece::Segment(s) = piece {
            assert_eq!(s.text, text[r.clone()]);
            assert!(s.lines.0 <= s.lines.1);
        }
    }
    assert_eq!(pos, text.len());
    assert_eq!(rebuilt, text);
    assert_eq!(doc.len, text.len());
}

#[test]
fn hugo_page_with_everything() {
    let text = r#"---
title: "Déjà vu: the August issue"
date: 2026-09-05
categories: ['Newsletter']
description: >
  A folded
  description
params:
  caption: 'It''s nested'
---

{{< figure src="/images/banner.png" caption="Our banner" >}}

Welcome to the issue.
It covers August 2026 and `loomctl` 2.4.1.

## Help us build the newsletter {#help}

### Clients & servers

- [Loom](https://loom.example/)
  - [Desktop 1.2](https://loom.example/desktop)
    - [Blog post](https://blog.example/1)
- Second item with a figure:
  {{< figure src="/images/shot.png" caption="A screenshot" >}}

1. First step
2. Second step

| Project | Version |
|---------|--------:|
| Loom    | 2.4.1   |

> A quoted paragraph.

```sh
loomctl --sync
```

<div class="note">raw html</div>

<!-- a comment -->

[ref]: https://example.org/ref

{{< note >}}
Text inside a paired shortcode, see [at the bottom](#help).
{{< /note >}}
"#;
    insta::assert_snapshot!(dump(text));
}

#[test]
fn toml_front_matter_and_setext_heading() {
    let text = "+++\ntitle = \"Bonjour\"\ndraft = false\n[params]\nsummary = 'Court'\n+++\nA title\n=======\n\nText.\n";
    insta::assert_snapshot!(dump(text));
}

#[test]
fn crlf_bom_and_tabs() {
    let text = "\u{feff}---\r\ntitle: Hi\r\n---\r\n# Head\r\n\r\n-\tone\r\n-\ttwo\r\n  wrapped\r\n";
    insta::assert_snapshot!(dump(text));
}

/// Hugo skips blank lines and spaces before the front matter; so do we.
/// Without a delimiter after them, the blank lines are the body's.
#[test]
fn front_matter_after_blank_lines() {
    let text = "\n  \n---\ntitle: \"Documentation\"\n---\n\nText.\n";
    insta::assert_snapshot!(dump(text));
    assert_eq!(front_matter_start(text), 4);
    assert_eq!(
        front_matter_start("\u{feff}\r\n+++\r\ntitle = 'x'\r\n+++\r\n"),
        5
    );
    // No delimiter line: a thematic break with text after it, or prose.
    assert_eq!(front_matter_start("\n---x\n"), 0);
    assert_eq!(front_matter_start("\u{feff}\nText.\n"), 3);
    assert_eq!(front_matter_start("---\ntitle: x\n---\n"), 0);
    let (doc, _) = parse("\n\nText.\n\n---\n\nMore.\n");
    assert_eq!(doc.segments.len(), 2);
}

/// Named shortcode parameters compare in any order; positional ones keep
/// theirs.
#[test]
fn shortcode_signatures_ignore_the_order_of_named_parameters() {
    let sig = |text: &str| parse(text).0.segments[0].invariants.shortcodes.clone();
    assert_eq!(
        sig("{{< blocks/cover height=\"full\" image_anchor=\"top\" >}}\n"),
        ["blocks/cover height=full image_anchor=top"]
    );
    assert_eq!(
        sig("{{< blocks/cover image_anchor=\"top\" height=\"full\" >}}\n"),
        ["blocks/cover height=full image_anchor=top"]
    );
    assert_eq!(sig("{{< gist a b >}}\n"), ["gist a b"]);
    // Text for the reader (a button's label, a subtitle) is no setting: a
    // translation changes it. Settings stay, positional parameters too.
    assert_eq!(
        sig(
            "{{< hero-button text=\"Get Started\" link=\"docs\" subtitle=\"Built with Hugo: fast / light\" style=\"color: red;\" class=\"hx:w-[110%]\" icon=\"sparkles\" >}}\n"
        ),
        ["hero-button class=hx:w-[110%] icon=sparkles link=docs style=color: red;"]
    );
    assert_eq!(
        sig("{{< hero-button text=\"شروع کنید\" link=\"docs\" >}}\n"),
        ["hero-button link=docs"]
    );
    assert_eq!(
        sig("{{< alert color=\"warning\" >}}\n"),
        ["alert color=warning"]
    );
    // A reference names its page whatever the language and the heading.
    assert_eq!(
        sig("{{% relref \"cont/markdown.en.md#images\" %}}\n"),
        sig("{{% relref \"cont/markdown.fr.md#images-fr\" %}}\n")
    );
    assert_eq!(sig("{{< ref \"/docs/a.md#x\" >}}\n"), ["ref /docs/a.md"]);
    assert_ne!(sig("{{< ref \"A.md\" >}}\n"), sig("{{< ref \"B.md\" >}}\n"));
    assert_eq!(sig("{{< ref \"About\" >}}\n"), ["ref About"]);
    // Its page given by name, and the English rendering of it.
    assert_eq!(
        sig("{{< ref path=\"docs/a.md#katex\" lang=\"en\" >}}\n"),
        sig("{{< ref \"docs/a.md#x\" >}}\n")
    );
    assert_ne!(
        sig("{{< relref path=\"A.md\" outputFormat=\"rss\" >}}\n"),
        sig("{{< relref \"B.md\" >}}\n")
    );
    assert_eq!(sig("{{% expand \"Is it good?\" %}}\n"), ["expand"]);
    for text in [
        "Get Started",
        "Clace",
        "**Note**",
        "Note: read this",
        "HTML / CSS",
        "Démarrer",
    ] {
        assert!(shortcode::is_text(text), "{text}");
    }
    for setting in [
        "info",
        "true",
        "12",
        "/img/a.png",
        "images/a.png",
        "https://x.org",
        "a:b",
        "fa-solid fa-check",
        "Markdown=1",
        "#top",
        "About.md",
    ] {
        assert!(!shortcode::is_text(setting), "{setting}");
    }
    assert_ne!(sig("{{< gist a b >}}\n"), sig("{{< gist b a >}}\n"));
}

/// A shortcode written one parameter per line with `>}}` on a line of its
/// own (Hextra's and Docsy's cards) is closed: its `>` starts no
/// blockquote, its title is a segment, and the texts keep their bytes. A
/// `>}}` that closes no shortcode is still a quote.
#[test]
fn a_shortcode_closed_on_a_line_of_its_own_is_closed() {
    let text = "Intro.\n\n{{< cards >}}\n  {{< card\n    link=\"/a\"\n    title=\"Fast and light\"\n  >}}\n{{< /cards >}}\n\nAfter.\n\n>}} is a quote.\n";
    let (doc, diagnostics) = parse(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let got: Vec<(&str, &str)> = doc
        .segments
        .iter()
        .map(|s| (s.kind.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("paragraph", "Intro."),
            ("shortcode", "{{< cards >}}"),
            ("shortcode-param", "Fast and light"),
            ("paragraph", "After."),
            ("blockquote", "}} is a quote."),
        ]
    );
    assert!(
        doc.segments
            .iter()
            .any(|s| s.invariants.shortcodes.iter().any(|c| c == "card link=/a")),
        "{:?}",
        doc.segments
    );
}

/// Display math is kept as it is, as code is; a sentence with inline math
/// stays prose.
#[test]
fn display_math_is_code() {
    let text = "$$ \\ce{CO2 + C -> 2 CO} $$\n\n\\\\[ f(x)=\\int x \\\\]\n\n\\begin{align}\n  a&=b+c\n\\end{align}\n\nThe sum $a+b$ is small.\n";
    let (doc, _) = parse(text);
    let kinds: Vec<&str> = doc.segments.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["code", "code", "code", "paragraph"],
        "{:?}",
        doc.segments
    );
    assert!(!is_display_math("$$ not closed"));
    assert!(!is_display_math("$$"));
}

/// Goldmark block attributes style a block; they are no prose of it.
#[test]
fn block_attributes_are_markup() {
    let text = "{{% _param description %}}\n{.display-6}\n\nLead text.\n{.lead #intro data-x=\"a b\"}\n\n- Item\n  {.small}\n\n{name} is a placeholder.\n\n{name}\n";
    insta::assert_snapshot!(dump(text));
    for yes in [
        "{.a}",
        " {#b .c-d} ",
        "{class=\"wide one\"}",
        "{.x data-y='1'}",
    ] {
        assert!(is_attribute_list(yes), "{yes}");
    }
    for no in [
        "{}",
        "{name}",
        "{.a",
        "{.a {b}}",
        "{x=}",
        "{class=\"open}",
        "{. }",
    ] {
        assert!(!is_attribute_list(no), "{no}");
    }
}

#[test]
fn broken_input_is_diagnosed_not_fatal() {
    let text = "---\ntitle: never closed\n\n# Heading\n\n```rust\nfn main() {}\n\n{{< figure src=\"x\" caption=\"y\"\n";
    insta::assert_snapshot!(dump(text));
    let bad_yaml = "---\ntitle: [unclosed\n---\nBody.\n";
    insta::assert_snapshot!(dump(bad_yaml));
}

#[test]
fn inline_shortcodes_stay_in_the_sentence() {
    let text = "See {{< ref \"other.md\" >}} for 3 details.\n";
    insta::assert_snapshot!(dump(text));
}

#[test]
fn rewrapping_keeps_the_fingerprint() {
    let (a, _) = parse("One two\nthree four.\n");
    let (b, _) = parse("One two three\n   four.\n");
    let (c, _) = parse("One two three five.\n");
    assert_eq!(a.segments[0].fingerprint(), b.segments[0].fingerprint());
    assert_ne!(a.segments[0].fingerprint(), c.segments[0].fingerprint());
}

#[test]
fn duplicate_headings_get_numbered_anchors() {
    let (doc, _) = parse("## News\n\n## News\n\n## Nouvelles d'août\n");
    let anchors: Vec<_> = doc
        .segments
        .iter()
        .map(|s| s.anchor.clone().unwrap_or_default())
        .collect();
    assert_eq!(anchors, ["news", "news-1", "nouvelles-daoût"]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    for text in [
        ">".repeat(10_000) + " deep\n",
        "[".repeat(10_000) + "x" + &"]".repeat(10_000),
        "*".repeat(10_000) + "x" + &"*".repeat(10_000),
        "- ".repeat(10_000) + "x\n",
        (0..10_000)
            .map(|i| format!("{}- x\n", " ".repeat(i % 200)))
            .collect(),
    ] {
        let (doc, _) = parse(&text);
        assert_round_trip(&text, &doc);
    }
}

#[test]
fn invalid_utf8_names_the_offset() {
    assert_eq!(decode(b"ok \xff").unwrap_err().offset, 3);
    assert_eq!(decode("é".as_bytes()), Ok("é"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Markdown-ish text: the syntax characters trame cares about, mixed.
    fn markdownish() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "---\n",
            "+++\n",
            "# ",
            "## ",
            "- ",
            "  - ",
            "1. ",
            "> ",
            "```\n",
            "~~~",
            "|",
            "| --- |",
            "\n",
            "\r\n",
            "\t",
            " ",
            "    ",
            "{{< ",
            ">}}",
            "{{% ",
            "%}}",
            "figure src=\"a.png\" caption=\"c\"",
            "\"",
            "'",
            "`",
            "*",
            "_",
            "[",
            "]",
            "(",
            ")",
            "<div>",
            "</div>",
            "<!--",
            "-->",
            "{#id}",
            "title: x\n",
            "title = \"y\"\n",
            "word",
            "é",
            "\u{feff}",
            "2024-07-05",
            "[r]: /u\n",
            "\\",
            "=====\n",
            ":",
        ]);
        prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn markdownish_text_round_trips(text in markdownish()) {
            let (doc, _) = parse(&text);
            assert_round_trip(&text, &doc);
        }

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            match decode(&bytes) {
                Ok(text) => {
                    let (doc, _) = parse(text);
                    assert_round_trip(text, &doc);
                }
                Err(e) => prop_assert!(std::str::from_utf8(&bytes[..e.offset]).is_ok()),
            }
        }

        #[test]
        fn random_unicode_round_trips(text in "\\PC{0,300}") {
            let (doc, _) = parse(&text);
            assert_round_trip(&text, &doc);
        }
    }
}

/// A blockquote alert's marker (`> [!NOTE]`) is structure: the segment is
/// the prose after it, a marker alone is no segment, a title after the
/// marker stays prose; the page still round-trips.
#[test]
fn alert_markers_are_structure() {
    let text = "> [!NOTE]\n> See [the docs](https://x.org/a) first.\n\n> [!WARNING]\n>\n> Careful.\n\n> [!TIP] A title\n> Body.\n\n> [!CAUTION]\n";
    let (doc, _) = parse(text);
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "See [the docs](https://x.org/a) first.",
            "Careful.",
            "[!TIP] A title\n> Body."
        ]
    );
    assert_eq!(doc.segments[0].lines, (2, 2));
    assert_eq!(doc.segments[0].invariants.urls, ["https://x.org/a"]);
    let mut rebuilt = String::new();
    for piece in doc.pieces() {
        rebuilt.push_str(&text[piece.bytes()]);
    }
    assert_eq!(rebuilt, text);
}

/// Titles and captions left in English are told from kept terms by the
/// page pair's own vocabulary: words frequent in the English and absent
/// from the translation read as English.
#[test]
fn titles_left_in_the_source_language_by_the_pages_evidence() {
    let english = [
        "The XMPP Newsletter July 2024",
        "The XSF and the community met in July and in June.",
        "Read the notes of the meeting and of the sprint with Google.",
        "Containers as a Service (CaaS) is a service.",
    ];
    let italian = [
        "La XSF e la comunità si sono incontrate a luglio e a giugno.",
        "Leggi le note della riunione e dello sprint con Google.",
        "Containers-as-a-Service (CaaS) è un servizio.",
    ];
    let evidence = SourceWords::new(english, italian);
    assert!(evidence.is_source_word("the"));
    assert!(evidence.is_source_word("and"));
    assert!(
        !evidence.is_source_word("Google"),
        "a name the translation repeats"
    );
    assert!(!evidence.is_source_word("XSF"));
    let same = |t: &str| is_left_in_source_by(t, t, &evidence);
    assert!(same("The XMPP Newsletter July 2024"));
    assert!(same("XSF and Google Summer of Code"));
    // A term the translation itself uses is kept on purpose.
    assert!(!same("Containers as a Service"));
    // One English word is not enough evidence.
    assert!(!same("Google and XSF"));
    assert!(!same("XMPP Newsletter"));
    // A link whose text is a name is the title of what it links to; the
    // same words as prose are not.
    assert!(!same(
        "[The XSF Meeting Notes](https://xmpp.org/notes/2024-07)"
    ));
    assert!(same("The XSF Meeting and the Notes"));
    // Names of parameters and variables are identifiers, not words.
    assert!(!same("THE_NOTES_OF_THE_MEETING"));
    assert!(!is_left_in_source_by(
        "The XMPP Newsletter July 2024",
        "La Newsletter XMPP di luglio 2024",
        &evidence
    ));
    // Counting only the words of the texts judged gives the same answers.
    let focus = ["The XMPP Newsletter July 2024", "Google and XSF"];
    let focused = SourceWords::for_texts(&focus, english, italian);
    for text in focus {
        assert_eq!(focused.count_in(text), evidence.count_in(text), "{text}");
    }
}

/// Prose left in the source language is told from names, titles and short
/// labels kept on purpose.
#[test]
fn prose_left_in_the_source_language() {
    let same = |t: &str| is_left_in_source(t, t);
    assert!(same("Movim 0.26 with custom emojis"));
    assert!(same("We meet every Monday in the\nmain room."));
    assert!(!same("Last Call"));
    assert!(!same("The XMPP Newsletter July 2024"));
    assert!(!same("Application Programming Interface (API)"));
    assert!(!same(
        "[Bifrost bridge](https://opencollective.com/bifrost-mam)"
    ));
    assert!(!same("Run `cargo install --locked trame` now"));
    // Identifiers written without code spans (image references, paths,
    // domains, file names) are the same in every language.
    assert!(!same(
        "openfunction/builder-java:v2-11, openfunction/builder-java:v2-16, openfunction/builder-java:v2-17"
    ));
    assert!(!same(
        "example.com, mastodon.example.com or config/settings.yml"
    ));
    // A name written against Chinese or Korean text is a word of its own.
    assert_eq!(
        words("Vitess非常适合 Kubernetes는").collect::<Vec<_>>(),
        ["Vitess", "非", "常", "适", "合", "Kubernetes", "는"]
    );
    assert_eq!(
        words("Set it in config.toml: see docs/setup, then run_it or RUN_IMAGE.")
            .collect::<Vec<_>>(),
        ["Set", "it", "in", "see", "then", "or"]
    );
    // Emoji and icon codes name pictures.
    assert_eq!(
        words("Done :white_check_mark: :+1: :(far fa-check-square): at 10:30: yes")
            .collect::<Vec<_>>(),
        ["Done", "at", "yes"]
    );
    assert!(!same(":(far fa-check-square):"));
    // Account handles are names: a line of contributors is no prose.
    assert_eq!(
        words("Thanks @wanjunlei, @lizzzcai and @alice@example.org.").collect::<Vec<_>>(),
        ["Thanks", "and"]
    );
    assert!(!same(
        "[@wanjunlei](https://github.com/wanjunlei) [@benjaminhuo](https://github.com/benjaminhuo) [@tpiperatgod](https://github.com/tpiperatgod)"
    ));
    assert!(!same("@wanjunlei @benjaminhuo @tpiperatgod"));
    // Characters written by name are no words.
    assert_eq!(
        words("a&nbsp;b &mdash; c&#8212;d &#x2014; AT&T; &amp").collect::<Vec<_>>(),
        ["a", "b", "c", "d", "AT", "T", "amp"]
    );
    assert!(!same(
        "{{< badge \"default\" >}}&nbsp;\n{{< badge content=\"border\" >}}&nbsp;\n{{< badge content=\"color\" >}}&nbsp;"
    ));
    // Different text is a translation, however close.
    assert!(!is_left_in_source(
        "We meet every Monday.",
        "Nous nous réunissons chaque lundi."
    ));
}

/// The fingerprint hashes the words joined by single spaces, whatever
/// white space (any Unicode white space, the vertical tab included)
/// separates them; ASCII texts take a faster path that must agree.
#[test]
fn fingerprints_ignore_the_white_space_between_words() {
    fn reference(text: &str) -> u64 {
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in joined.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }
    for text in [
        "",
        " ",
        "word",
        "  two  words  ",
        "tab\tand\nline\r\nbreaks\x0bvertical\x0cfeed",
        "\x0b\x0c leading and trailing \t\n",
        "non\u{a0}breaking space and é",
        "ideographic\u{3000}space\u{2028}line separator",
    ] {
        assert_eq!(fingerprint(text).0, reference(text), "{text:?}");
    }
    assert_eq!(fingerprint("a  b"), fingerprint("a\nb"));
    assert_ne!(fingerprint("ab"), fingerprint("a b"));
}

#[test]
fn is_letter_is_is_alphabetic() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        assert_eq!(
            super::is_letter(c),
            c.is_alphabetic(),
            "{:#x}",
            u32::from(c)
        );
        assert_eq!(
            super::is_letter_or_digit(c),
            c.is_alphanumeric(),
            "{:#x}",
            u32::from(c)
        );
    }
}

/// Names a Chinese translation writes against its own text ("Vitess非常…")
/// are names it repeats: a heading of names kept as it is stays neutral.
#[test]
fn names_written_against_chinese_text_are_repeated_names() {
    let english = [
        "Vitess on Kubernetes",
        "Vitess is well-suited for Cloud deployments on Kubernetes.",
        "Kubernetes is an orchestration system, and Vitess runs on it.",
    ];
    let chinese = [
        "Vitess非常适合云部署，运行Vitess的最简单方法是通过Kubernetes。",
        "Kubernetes是开源编排系统，Vitess可以在其上运行。",
    ];
    let evidence = SourceWords::new(english, chinese);
    assert!(!evidence.is_source_word("Vitess"));
    assert!(!evidence.is_source_word("Kubernetes"));
    assert!(!is_left_in_source_by(
        "Vitess on Kubernetes",
        "Vitess on Kubernetes",
        &evidence
    ));
}

/// The line and kind of each diagnostic of `text`.
fn kinds(text: &str) -> Vec<(u32, DiagnosticKind)> {
    parse(text)
        .1
        .into_iter()
        .map(|d| (d.line, d.kind))
        .collect()
}

/// A line that starts with the closing fence and goes on with text closes
/// nothing (the translated sentence glued to the fence: `` ``` で生成されます。 ``);
/// it is diagnosed where it is. A fence followed by an info word (the
/// opening of the next block, read inside out after such a break) and a
/// fence that closes are not.
#[test]
fn a_fence_followed_by_text_is_diagnosed() {
    let broken =
        "Intro.\n\n```go\nvar x = 1\n``` で生成されます。\n\nText.\n\n```go\nvar y = 2\n```\n";
    assert_eq!(kinds(broken), [(5, DiagnosticKind::FenceWithText)]);
    let fine = "Intro.\n\n```go\nvar x = 1\n```\n\nText.\n\n~~~\n```go\n~~~\n";
    assert!(kinds(fine).is_empty());
    let indented = "````md\n```go\n````\n";
    assert!(kinds(indented).is_empty());
}

/// Table rows Markdown reads as a paragraph are diagnosed at their first
/// line: a header with fewer cells than its delimiter row, and rows joined
/// on one line. A table that parses, a delimiter row quoted in a code span
/// and prose with pipes are not.
#[test]
fn table_rows_read_as_a_paragraph_are_diagnosed() {
    let header = "Intro.\n\n| Le paquet se compose de : - Paquet - Objectif\n|---|---|\n| `pool` | Travaux |\n";
    assert_eq!(kinds(header), [(3, DiagnosticKind::BrokenTable)]);
    let joined = "Intro.\n\n| Funzione | Contesto || --- | --- || `Agent` | Servizio |\n";
    assert_eq!(kinds(joined), [(3, DiagnosticKind::BrokenTable)]);
    let fine = "| a | b |\n|---|:---:|\n| 1 | 2 |\n\nWrite `|---|---|` under the header.\n\nChoose red | green | blue.\n";
    assert!(kinds(fine).is_empty(), "{:?}", kinds(fine));
}

/// Lines numbered with Persian or full-width digits make one paragraph, not
/// a list: diagnosed at the first. One such line, numbers inside a
/// sentence and ASCII lists are not.
#[test]
fn lists_numbered_with_other_digits_are_diagnosed() {
    let persian = "مقدمه.\n\n۱. مورد اول\n۲. مورد دوم\n۳. مورد سوم\n";
    assert_eq!(kinds(persian), [(3, DiagnosticKind::BrokenList)]);
    let full_width = "はじめに。\n\n１．最初\n２．次\n";
    assert_eq!(kinds(full_width), [(3, DiagnosticKind::BrokenList)]);
    let fine = "۱۴۰۲. سال خوبی بود.\n\n1. First\n2. Second\n\nنسخه ۲. منتشر شد\nو ۳. آینده\n";
    assert!(kinds(fine).is_empty(), "{:?}", kinds(fine));
}
