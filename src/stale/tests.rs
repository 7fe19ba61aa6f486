//! Unit tests of change classification, version matching and labelling.

use super::*;
use crate::segment::parse;

fn seg(text: &str) -> Segment {
    parse(text)
        .0
        .segments
        .into_iter()
        .next()
        .expect("one segment")
}

fn change(old: &str, new: &str) -> Change {
    classify(&seg(old), &seg(new))
}

#[test]
fn classification_of_english_changes() {
    assert_eq!(change("One two three.", "One two three."), Change::None);
    assert_eq!(
        change("One two\nthree.", "One two three."),
        Change::Cosmetic
    );
    assert_eq!(
        change("The *new* release.", "The **new** release."),
        Change::Cosmetic
    );
    assert_eq!(
        change("We recieve patches.", "We receive patches."),
        Change::Cosmetic
    );
    assert_eq!(
        change(
            "See [docs](https://a.org/1).",
            "See [docs](https://a.org/2)."
        ),
        Change::LinkOnly
    );
    assert_eq!(
        change("Version 1.2 is out.", "Version 1.3 is out."),
        Change::LinkOnly
    );
    assert_eq!(
        change("Run `loom up` now.", "Run `loom start` now."),
        Change::LinkOnly
    );
    assert_eq!(
        change("The sprint is in Lyon.", "The sprint is in Berlin."),
        Change::Meaning
    );
    assert_eq!(
        change("We ship on Monday.", "We never ship on Monday."),
        Change::Meaning
    );
    // Two typo fixes are cosmetic, three word changes are not.
    assert_eq!(
        change("Teh quick brwn fox.", "The quick brown fox."),
        Change::Cosmetic
    );
    assert_eq!(
        change("Teh quikc brwn fox.", "The quick brown fox."),
        Change::Meaning
    );
}

#[test]
fn word_diff_ignores_wrapping_and_merges_runs() {
    let d = word_diff("The sprint is\nin Lyon.", "The sprint is in sunny Berlin.");
    let rendered: Vec<String> = d
        .iter()
        .map(|c| match c.op {
            Op::Equal => c.text.clone(),
            Op::Delete => format!("[-{}-]", c.text),
            Op::Insert => format!("{{+{}+}}", c.text),
        })
        .collect();
    assert_eq!(
        rendered.concat(),
        "The sprint is in [-Lyon.-]{+sunny Berlin.+}"
    );
}

#[test]
fn versions_match_by_fingerprint_then_similarity() {
    let (base, _) = parse(
        "# Title\n\nKept paragraph.\n\nOld wording of the news item here.\n\nDeleted paragraph.\n",
    );
    let (cur, _) = parse(
        "# Title\n\nKept paragraph.\n\nNew wording of the news item here.\n\nBrand new text.\n",
    );
    assert_eq!(
        match_versions(&base, &cur),
        vec![Some(0), Some(1), Some(2), None]
    );
}

#[test]
fn labels_every_state() {
    let base_en = "# News\n\nThe sprint is in Lyon.\n\nSee [docs](https://a.org/1).\n\nWe recieve patches.\n\nGone paragraph here.\n";
    let cur_en = "# News\n\nThe sprint is in Berlin.\n\nSee [docs](https://a.org/2).\n\nWe receive patches.\n\nBrand new text about Loom.\n";
    let fr = "# Nouvelles\n\nLe sprint a lieu à Lyon.\n\nVoir la [doc](https://a.org/1).\n\nNous recevons des correctifs.\n\nParagraphe disparu ici.\n";
    let (b, _) = parse(base_en);
    let (c, _) = parse(cur_en);
    let (t, _) = parse(fr);
    let alignment = Alignment {
        rows: vec![
            crate::align::Row {
                source: 0..1,
                target: 0..1,
                score: 1.0,
                crossed: false,
            },
            crate::align::Row {
                source: 1..2,
                target: 1..2,
                score: 1.0,
                crossed: false,
            },
            crate::align::Row {
                source: 2..3,
                target: 2..3,
                score: 1.0,
                crossed: false,
            },
            crate::align::Row {
                source: 3..4,
                target: 3..4,
                score: 1.0,
                crossed: false,
            },
            crate::align::Row {
                source: 4..4,
                target: 4..5,
                score: 1.0,
                crossed: false,
            },
            crate::align::Row {
                source: 4..5,
                target: 5..5,
                score: 1.0,
                crossed: false,
            },
        ],
    };
    let versions = match_versions(&b, &c);
    let base = |_row: usize| {
        Some(Base {
            document: &b,
            versions: &versions,
            commit: Some("abc"),
        })
    };
    let states: Vec<State> = label(&c, &t, &alignment, &base)
        .iter()
        .map(|l| l.state)
        .collect();
    assert_eq!(
        states,
        [
            State::UpToDate,
            State::Stale,
            State::LinkOnly,
            State::Cosmetic,
            State::Removed,
            State::Missing
        ]
    );
    // The translation already carrying the new URL is already updated.
    let fr2 = fr.replace("https://a.org/1", "https://a.org/2");
    let (t2, _) = parse(&fr2);
    let states: Vec<State> = label(&c, &t2, &alignment, &base)
        .iter()
        .map(|l| l.state)
        .collect();
    assert_eq!(states[2], State::AlreadyUpdated);
    // With no history, translated segments are up to date and untranslated ones missing.
    let states: Vec<State> = label(&c, &t, &alignment, &|_| None)
        .iter()
        .map(|l| l.state)
        .collect();
    assert_eq!(
        states,
        [State::UpToDate; 4]
            .into_iter()
            .chain([State::Missing])
            .collect::<Vec<_>>()
    );
}

#[test]
fn word_diff_coalesces_neighbouring_changes() {
    let d = word_diff(
        "The sprint is in Lyon this year.",
        "The sprint is in Berlin next year.",
    );
    assert_eq!(
        d,
        vec![
            Chunk {
                op: Op::Equal,
                text: "The sprint is in ".into()
            },
            Chunk {
                op: Op::Delete,
                text: "Lyon this".into()
            },
            Chunk {
                op: Op::Insert,
                text: "Berlin next".into()
            },
            Chunk {
                op: Op::Equal,
                text: " year.".into()
            },
        ]
    );
}
