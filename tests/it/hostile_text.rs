//! Text that would act on a terminal never reaches it: pages whose headings,
//! paragraphs, link URLs, numbers and file names hold bidi overrides and
//! isolates, ESC sequences (CSI and an OSC title), a C1 control and an emoji
//! ZWJ sequence, run through every text output of the command line; the raw
//! bytes of stdout and stderr are checked.

use crate::support::{TestRepo, trame};

/// RIGHT-TO-LEFT OVERRIDE, LEFT-TO-RIGHT ISOLATE, POP DIRECTIONAL ISOLATE.
const RLO: &str = "\u{202e}";
const LRI: &str = "\u{2066}";
const PDI: &str = "\u{2069}";
/// Colour red, then an OSC sequence that sets the window title.
const ESC_SEQ: &str = "\u{1b}[31m\u{1b}]0;title\u{7}";
/// The C1 control sequence introducer.
const CSI: &str = "\u{9b}";
const EMOJI: &str = "👩\u{200d}💻";

fn english(version: u32) -> String {
    let seats = if version == 1 {
        "Only a few seats are left"
    } else {
        "All seats are now taken"
    };
    let board = if version == 1 { "lyon" } else { "sprints/lyon" };
    format!(
        "---
title: The Loom {RLO}Newsletter{ESC_SEQ}
---

## Events {RLO}evil{LRI}x{PDI} {EMOJI} {ESC_SEQ}red{CSI}2J

The sprint {EMOJI} in Lyon {RLO}takes place on 12 October, see [the wiki](https://wiki.example/{RLO}lyon{CSI}).

{seats} {RLO}for the {ESC_SEQ}sprint{CSI}: 1{RLO}200 places in 2026{LRI}.

- [Topic board](https://board.example/{board}{RLO})

## Specifications {RLO}{CSI}{ESC_SEQ}

Two new specifications {CSI}31m were published {EMOJI}.
"
    )
}

fn french() -> String {
    format!(
        "---
title: La lettre de Loom {RLO}{ESC_SEQ}
---

## Événements {RLO}mal{LRI}x{PDI} {EMOJI} {ESC_SEQ}rouge{CSI}2J

Le sprint {EMOJI} de Lyon {RLO}a lieu le 13 octobre, voir [le wiki](https://wiki.example/{RLO}lyon-fr{CSI}).

Il reste quelques places {RLO}pour le {ESC_SEQ}sprint{CSI} : 1{RLO}300 places en 2026{LRI}.

- [Tableau des sujets](https://board.example/lyon{RLO})
"
    )
}

/// A repository whose French was made from the first English version; the
/// English then changed a sentence and a link. A second page has a bidi
/// override in its file name and no Italian (the first page has one).
fn repo() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/news.md", &english(1));
    r.write("content/news.fr.md", &french());
    r.write(
        "content/news.it.md",
        &french().replace("Événements", "Eventi"),
    );
    let evil = format!("content/e{RLO}vil.md");
    r.write(&evil, &english(1));
    r.write(&format!("content/e{RLO}vil.fr.md"), &french());
    r.commit("English and French");
    r.write("content/news.md", &english(2));
    r.write(&evil, &english(2));
    r.commit("English changes a sentence and a link");
    r
}

/// Returns the characters of `bytes` that must never reach a terminal, and
/// the ESC bytes.
fn forbidden(bytes: &[u8]) -> Vec<String> {
    let mut found: Vec<String> = bytes
        .iter()
        .filter(|b| **b == 0x1b)
        .map(|_| "ESC byte".to_owned())
        .collect();
    let text = String::from_utf8(bytes.to_vec()).expect("output is UTF-8");
    found.extend(
        text.chars()
            .filter(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{80}'..='\u{9f}'))
            .map(|c| format!("U+{:04X}", c as u32)),
    );
    found
}

#[test]
fn no_text_output_sends_controls_or_bidi_overrides_to_the_terminal() {
    let r = repo();
    let evil = format!("content/e{RLO}vil.md");
    let runs: Vec<(Vec<&str>, &[i32])> = vec![
        (vec!["segments", "content/news.md"], &[0]),
        (vec!["segments", &evil], &[0]),
        (vec!["align", "content/news.md", "content/news.fr.md"], &[0]),
        (vec!["stale", "content"], &[0]),
        (vec!["stale", "--all", "content"], &[0]),
        (vec!["status", "content"], &[0]),
        (vec!["status", "--sections", "content"], &[0]),
        (vec!["check", "content"], &[1]),
        (vec!["check", "--format", "github", "content"], &[1]),
        (vec!["check", "--format", "junit", "content"], &[1]),
        (
            vec!["write", "--dry-run", "--lang", "it", "content/news.md"],
            &[0],
        ),
        (vec!["write", "--dry-run", "--lang", "fr", &evil], &[0]),
        (vec!["sync", "--dry-run", "content"], &[0]),
        (
            vec!["review", "--lang", "it", &evil, "--segment", "1"],
            &[2],
        ),
        (
            vec!["review", "--lang", "fr", &evil, "--segment", "2"],
            &[0],
        ),
    ];
    // Every run is checked before failing, so a failure names them all.
    let mut problems = Vec::new();
    for (args, codes) in &runs {
        let out = trame(args, r.path(), &[]);
        let mut bytes = out.stdout.clone();
        bytes.extend_from_slice(&out.stderr);
        let shown = String::from_utf8_lossy(&bytes);
        let code = out.status.code().unwrap_or(-1);
        if !codes.contains(&code) {
            problems.push(format!("{args:?} exited {code}:\n{shown}"));
        }
        let found = forbidden(&bytes);
        if !found.is_empty() {
            problems.push(format!("{args:?} printed {found:?}:\n{shown}"));
        }
        // Each of these outputs quotes the hostile text (the review error
        // names the file), so the override must show up as its escape, not
        // just vanish; the successful review prints the records file only.
        let quotes = !(args[0] == "review" && code == 0);
        if quotes && !shown.contains("⟨U+202E⟩") {
            problems.push(format!("{args:?} shows no ⟨U+202E⟩:\n{shown}"));
        }
        if args.contains(&"junit") {
            let invalid: Vec<char> = String::from_utf8_lossy(&out.stdout)
                .chars()
                .filter(|c| {
                    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                        || matches!(c, '\u{fffe}' | '\u{ffff}')
                })
                .collect();
            if !invalid.is_empty() {
                problems.push(format!("XML 1.0 forbids {invalid:?}:\n{shown}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn json_keeps_the_text_as_written() {
    // JSON is for programs: serde escapes the C0 controls, the rest is as
    // in the file (a program decodes it and decides).
    let r = repo();
    let out = trame(
        &["segments", "--format", "json", "content/news.md"],
        r.path(),
        &[],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = json["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains(RLO) && t.contains(ESC_SEQ)),
        "{texts:?}"
    );
    assert!(!out.stdout.contains(&0x1b));
}
