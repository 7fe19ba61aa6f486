//! Unit tests of change classification, version matching and labelling.

use super::*;
use crate::segment::parse;

/// An English page and its French translation.
const FR: Langs = Langs {
    source: "en",
    target: "fr",
};

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
    // A word put in a code span is the same word; HTML tags are markup.
    assert_eq!(
        change(
            "Extract it in the themes directory.",
            "Extract it in the `themes` directory."
        ),
        Change::LinkOnly
    );
    assert_eq!(
        change(
            "Include a text under each page.<br/>when no text is set, none is shown.",
            "Include a text under each page. When no text is set, none is shown."
        ),
        Change::Cosmetic
    );
    // A word added next to the code span is a change.
    assert_eq!(
        change(
            "Extract it in the themes directory.",
            "Extract it in the `themes` folder."
        ),
        Change::Meaning
    );
    // A shortcode's `{{<` is no HTML tag: the words in it still count.
    assert_eq!(
        change(
            "Press {{< kbd Ctrl >}} to copy.",
            "Press {{< kbd Alt >}} to copy."
        ),
        Change::Meaning
    );
    // Its settings are compared as invariants: a link moved, not words;
    // a parameter that holds text for a reader keeps its words.
    assert_eq!(
        change(
            "{{< button href=\"/docs/start\" >}}Explore{{< /button >}}",
            "{{< button href=\"/docs/getting-started/start\" >}}Explore{{< /button >}}"
        ),
        Change::LinkOnly
    );
    assert_eq!(
        change(
            "Read {{< link title=\"Get started\" href=\"/a\" >}} first.",
            "Read {{< link title=\"Start here now\" href=\"/a\" >}} first."
        ),
        Change::Meaning
    );
    assert_eq!(
        change(
            "See {{< icon name=\"fa-heart\" >}} the docs.",
            "See {{< icon name=\"fas-heart\" >}} the docs."
        ),
        Change::LinkOnly
    );
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
    // Letters before digits are part of a version or a name: a version
    // added to a title or a unit's value changed is an invariant change, a
    // unit written against its number or apart is the same text; a name
    // spelled out is a change of words.
    assert_eq!(change("Kubeflow", "Kubeflow (v1)"), Change::LinkOnly);
    assert_eq!(
        change("It takes 10 ms.", "It takes 10ms."),
        Change::Cosmetic
    );
    assert_eq!(
        change("It runs in 10ms.", "It runs in 20ms."),
        Change::LinkOnly
    );
    assert_eq!(
        change("Run the e2e tests.", "Run the end-to-end tests."),
        Change::Meaning
    );
    // A doubled word removed is a typo fix; a word removed is not.
    assert_eq!(
        change(
            "It indicates indicates that a PodSet waits.",
            "It indicates that a PodSet waits."
        ),
        Change::Cosmetic
    );
    assert_eq!(
        change(
            "It indicates that a PodSet waits.",
            "It indicates that a PodSet never waits."
        ),
        Change::Meaning
    );
    // A word negated, however short the edit, is no typo fix.
    for (old, new) in [
        ("You can use the old API.", "You can't use the old API."),
        ("This setting is safe.", "This setting is unsafe."),
        ("The key is not stored.", "The key is now stored."),
        (
            "The module is able to load it.",
            "The module is unable to load it.",
        ),
        ("A secure default.", "An insecure default."),
    ] {
        assert_eq!(change(old, new), Change::Meaning, "{old} -> {new}");
    }
    // A typo is small beside its word: letters swapped count once; half
    // of a short word changed is another word (a term renamed).
    for (old, new) in [
        ("Recieve a notification.", "Receive a notification."),
        ("Seperate the two.", "Separate the two."),
        ("It is bigger then that.", "It is bigger than that."),
    ] {
        assert_eq!(change(old, new), Change::Cosmetic, "{old} -> {new}");
    }
    for (old, new) in [
        ("When you pin a toot.", "When you pin a post."),
        ("Your toots tab.", "Your posts tab."),
    ] {
        assert_eq!(change(old, new), Change::Meaning, "{old} -> {new}");
    }
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

/// A paragraph set out as a list item (or a list made a table) is the same
/// text in another form: its versions match, by fingerprint or by words,
/// and the change is markup. A heading matches body text only by the same
/// words.
#[test]
fn versions_match_across_block_forms() {
    let (base, _) = parse(
        "# Title\n\n- Documentation theme for Hugo, as simple as a book.\n- Second item about speed and size.\n\nSetup\n",
    );
    let (cur, _) = parse(
        "# Title\n\nDocumentation theme for Hugo, as simple as a book.\n\nSecond item about the speed and the size.\n\n## Setup\n",
    );
    assert_eq!(
        match_versions(&base, &cur),
        vec![Some(0), Some(1), Some(2), Some(3)]
    );
    assert_eq!(
        classify(&base.segments[1], &cur.segments[1]),
        Change::Cosmetic
    );
    // A bullet made a heading with the same words matches too; a heading
    // never matches a paragraph by similar words alone.
    let (base, _) = parse("Intro.\n\n- Media storage\n- Other text here.\n");
    let (cur, _) = parse("Intro.\n\n## Media storage\n\nOther text here now.\n");
    assert_eq!(match_versions(&base, &cur), vec![Some(0), Some(1), Some(2)]);
    let (cur, _) = parse("Intro.\n\n## Media storage settings\n\nOther text here.\n");
    assert_eq!(match_versions(&base, &cur), vec![Some(0), None, Some(2)]);
}

/// Front-matter values pair by their key, however much the value changed;
/// a key found twice pairs by the diff as before.
#[test]
fn front_matter_versions_match_by_key() {
    let (base, _) = parse(
        "---\ntitle: New Releases\nlinkTitle: Documentation\ndescription: Short text.\n---\n\nBody.\n",
    );
    let (cur, _) =
        parse("---\ntitle: Releases\nlinkTitle: Docs\ndescription: Documentation\n---\n\nBody.\n");
    // Without keys, `description: Documentation` would take the old
    // `linkTitle` (same words), and `Docs` would be new.
    assert_eq!(
        match_versions(&base, &cur),
        vec![Some(0), Some(1), Some(2), Some(3)]
    );
    let (base, _) = parse("---\ntitle: Old\nparams:\n  title: Inner\n---\n");
    let (cur, _) = parse("---\ntitle: Fresh\nparams:\n  title: Other\n---\n");
    assert_eq!(match_versions(&base, &cur), vec![None, None]);
}

/// A standalone shortcode whose parameters changed is the same block; two
/// shortcodes of different names are not.
#[test]
fn shortcode_versions_match_by_name() {
    let (base, _) = parse("Intro.\n\n{{% pageinfo %}}\n\nOld text of the box.\n");
    let (cur, _) = parse(
        "Intro.\n\n{{% pageinfo color=\"warning td-max-width mx-0\" %}}\n\nNew placeholder wording.\n",
    );
    assert_eq!(match_versions(&base, &cur), vec![Some(0), Some(1), None]);
    let (cur, _) = parse("Intro.\n\n{{% alert color=\"warning td-max-width mx-0\" %}}\n");
    assert_eq!(match_versions(&base, &cur), vec![Some(0), None]);
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
                moved: None,
            },
            crate::align::Row {
                source: 1..2,
                target: 1..2,
                score: 1.0,
                crossed: false,
                moved: None,
            },
            crate::align::Row {
                source: 2..3,
                target: 2..3,
                score: 1.0,
                crossed: false,
                moved: None,
            },
            crate::align::Row {
                source: 3..4,
                target: 3..4,
                score: 1.0,
                crossed: false,
                moved: None,
            },
            crate::align::Row {
                source: 4..4,
                target: 4..5,
                score: 1.0,
                crossed: false,
                moved: None,
            },
            crate::align::Row {
                source: 4..5,
                target: 5..5,
                score: 1.0,
                crossed: false,
                moved: None,
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
    let states: Vec<State> = label(&c, &t, FR, &alignment, &base)
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
    let states: Vec<State> = label(&c, &t2, FR, &alignment, &base)
        .iter()
        .map(|l| l.state)
        .collect();
    assert_eq!(states[2], State::AlreadyUpdated);
    // With no history, translated segments are up to date and untranslated ones missing.
    let states: Vec<State> = label(&c, &t, FR, &alignment, &|_| None)
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

/// Moved blocks are found: exact moves, moved-and-edited blocks, and a
/// heading renamed with its section; a replacement sharing nothing stays
/// unmatched while an in-place rewrite sharing a long word is matched.
#[test]
fn versions_follow_moved_sections_and_renamed_headings() {
    let (base, _) = parse(
        "## Setup\n\nClone the repository and run make.\n\n## Style\n\nWe format code with the formatter.\n\nCommit messages start with a verb.\n\n## FAQ\n\nQuestions go to the forum, not to the tracker.\n",
    );
    let (cur, _) = parse(
        "## FAQ\n\nQuestions go to the forum, never to the tracker.\n\n### Building from source\n\nClone the repository and run make.\n\n## Style\n\nWe format code with the formatter.\n\nEvery pull request needs one review.\n",
    );
    assert_eq!(
        match_versions(&base, &cur),
        vec![Some(5), Some(6), Some(0), Some(1), Some(2), Some(3), None]
    );
    let (base, _) = parse("## Install\n\nDownload the archive and unpack it.\n\n## Next\n");
    let (cur, _) = parse("## Install\n\nUse your package manager; archives are gone.\n\n## Next\n");
    assert_eq!(match_versions(&base, &cur), vec![Some(0), Some(1), Some(2)]);
}

/// The chain translation → base English → current English labels a moved
/// section against its own translation, and the translation of a replaced
/// paragraph is removed while the new paragraph is missing.
#[test]
fn labels_follow_the_chain_through_the_base_english() {
    let (base, _) = parse(
        "## Setup\n\nClone the repository and run make.\n\n## Style\n\nWe format code with the formatter.\n\nCommit messages start with a verb.\n\n## FAQ\n\nQuestions go to the forum, not to the tracker.\n",
    );
    let (cur, _) = parse(
        "## FAQ\n\nQuestions go to the forum, not to the tracker.\n\n## Setup\n\nClone the repository and run make.\n\n## Style\n\nWe format code with the formatter.\n\nEvery pull request needs one review.\n",
    );
    let (fr, _) = parse(
        "## Installation\n\nClonez le dépôt et lancez make.\n\n## Style\n\nNous formatons le code avec le formateur.\n\nLes messages de commit commencent par un verbe.\n\n## FAQ\n\nLes questions vont sur le forum, pas dans le suivi.\n",
    );
    let versions = match_versions(&base, &cur);
    let b = Base {
        document: &base,
        versions: &versions,
        commit: Some("c1"),
    };
    let current_alignment = crate::align::align(&cur, &fr);
    let mut labels = label(&cur, &fr, FR, &current_alignment, &|_| Some(b.clone()));
    follow_chain(
        &mut labels,
        &cur,
        &fr,
        FR,
        &b,
        &crate::align::align(&base, &fr),
    );
    let got: Vec<(Option<usize>, std::ops::Range<usize>, State)> = labels
        .iter()
        .map(|l| (l.source, l.target.clone(), l.state))
        .collect();
    // Every current English block keeps its own translation, wherever the
    // current alignment put it.
    for (i, t) in [(0, 5), (1, 6), (2, 0), (3, 1), (4, 2), (5, 3)] {
        assert!(
            got.contains(&(Some(i), t..t + 1, State::UpToDate)),
            "{i} -> {t}: {got:?}"
        );
    }
    assert!(
        got.iter()
            .any(|(s, t, st)| *s == Some(6) && t.is_empty() && *st == State::Missing),
        "{got:?}"
    );
    // The removed translation sits after the translated text before it.
    assert_eq!(got[6], (None, 4..5, State::Removed), "{got:?}");
    assert_eq!(got.len(), 8, "{got:?}");
}

/// A paragraph split in three and two paragraphs joined, not a word
/// changed: every block of each group is cosmetic against the translation
/// of its base block(s), none missing, none of the translation removed. A
/// split that also changed a word is no such group.
#[test]
fn paragraphs_split_or_joined_word_for_word_are_cosmetic() {
    let (base, _) = parse(
        "Reports help. Search first. Duplicates are closed.\n\nSay which version you run.\n\nDescribe what happened.\n\nAttach the log.\n",
    );
    let (cur, _) = parse(
        "Reports help.\n\nSearch first.\n\nDuplicates are closed.\n\nSay which version you run. Describe what happened.\n\nAttach the log.\n",
    );
    let (fr, _) = parse(
        "Les rapports aident. Cherchez d'abord. Les doublons sont fermés.\n\nDites quelle version vous utilisez.\n\nDécrivez ce qui s'est passé.\n\nJoignez le journal.\n",
    );
    let versions = match_versions(&base, &cur);
    let b = Base {
        document: &base,
        versions: &versions,
        commit: Some("c1"),
    };
    let through_base = crate::align::align(&base, &fr);
    let mut labels = label(&cur, &fr, FR, &crate::align::align(&cur, &fr), &|_| {
        Some(b.clone())
    });
    follow_chain(&mut labels, &cur, &fr, FR, &b, &through_base);
    rejoin_resplits(&mut labels, &cur, &b, &through_base);
    let got: Vec<(Option<usize>, std::ops::Range<usize>, State)> = labels
        .iter()
        .map(|l| (l.source, l.target.clone(), l.state))
        .collect();
    let want = vec![
        (Some(0), 0..1, State::Cosmetic),
        (Some(1), 0..1, State::Cosmetic),
        (Some(2), 0..1, State::Cosmetic),
        (Some(3), 1..3, State::Cosmetic),
        (Some(4), 3..4, State::UpToDate),
    ];
    let mut sorted = got.clone();
    sorted.sort_by_key(|(s, _, _)| *s);
    assert_eq!(sorted, want, "{got:?}");
    // A split with a word changed: the new part is not the base's words.
    let (edited, _) = parse(
        "Reports help.\n\nSearch the tracker first. Duplicates are closed.\n\nSay which version you run.\n\nDescribe what happened.\n\nAttach the log.\n",
    );
    let versions = match_versions(&base, &edited);
    let b = Base {
        document: &base,
        versions: &versions,
        commit: Some("c1"),
    };
    let mut labels = label(
        &edited,
        &fr,
        FR,
        &crate::align::align(&edited, &fr),
        &|_| Some(b.clone()),
    );
    follow_chain(&mut labels, &edited, &fr, FR, &b, &through_base);
    rejoin_resplits(&mut labels, &edited, &b, &through_base);
    assert!(
        labels
            .iter()
            .filter(|l| l.source.is_some_and(|s| s < 2))
            .all(|l| l.state != State::Cosmetic),
        "{labels:?}"
    );
}

/// A page the English emptied (its sections moved to other pages): each
/// translated block left is removed, and each says which English it
/// rendered, not all the first English block deleted near its place.
#[test]
fn each_removed_block_names_its_own_deleted_english() {
    let (base, _) = parse(
        "# FAQ\n\nAsk us anything.\n\n## Installing\n\nDownload the binary from the releases page.\n\n## Upgrading\n\nRun the upgrade command with the new version.\n\n## Removing\n\nDelete the binary and its configuration folder.\n",
    );
    let (cur, _) = parse("# FAQ\n\nAsk us anything.\n");
    let (fr, _) = parse(
        "# FAQ\n\nDemandez-nous ce que vous voulez.\n\n## Installation\n\nTéléchargez le binaire depuis la page des versions.\n\n## Mise à jour\n\nLancez la commande de mise à jour avec la nouvelle version.\n\n## Suppression\n\nSupprimez le binaire et son dossier de configuration.\n",
    );
    let versions = match_versions(&base, &cur);
    let b = Base {
        document: &base,
        versions: &versions,
        commit: Some("c1"),
    };
    let current_alignment = crate::align::align(&cur, &fr);
    let removed = |labels: &[Labelled]| -> Vec<(std::ops::Range<usize>, String)> {
        labels
            .iter()
            .filter(|l| l.state == State::Removed)
            .map(|l| {
                let text: String = l.diff.iter().map(|c| c.text.as_str()).collect();
                (l.target.clone(), text)
            })
            .collect()
    };
    let mut labels = label(&cur, &fr, FR, &current_alignment, &|_| Some(b.clone()));
    // From their places alone, in order.
    let by_place = removed(&labels);
    follow_chain(
        &mut labels,
        &cur,
        &fr,
        FR,
        &b,
        &crate::align::align(&base, &fr),
    );
    // By the chain through the base English.
    let by_chain = removed(&labels);
    let expected: Vec<(std::ops::Range<usize>, String)> = [
        (2..3, "Installing"),
        (3..4, "Download the binary from the releases page."),
        (4..5, "Upgrading"),
        (5..6, "Run the upgrade command with the new version."),
        (6..7, "Removing"),
        (7..8, "Delete the binary and its configuration folder."),
    ]
    .into_iter()
    .map(|(t, s)| (t, s.to_owned()))
    .collect();
    // By place, the blocks of one gap name its deleted blocks in order,
    // each its own (the current alignment joined the first two
    // translated blocks to the English left, so the guess runs early).
    let texts: Vec<&str> = by_place.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Installing",
            "Download the binary from the releases page.",
            "Upgrading",
            "Run the upgrade command with the new version."
        ],
        "{by_place:?}"
    );
    assert_eq!(by_chain, expected);
}

#[test]
fn the_same_words_set_out_anew_are_a_cosmetic_change() {
    // An item nested under another, a heading a level down: markup the
    // translation should follow, not nothing.
    let nth = |text: &str, k: usize| parse(text).0.segments.swap_remove(k);
    let flat = nth("- Check the build.\n- Run the full test suite.\n", 1);
    let nested = nth("- Check the build.\n  - Run the full test suite.\n", 1);
    assert_eq!(flat.text, nested.text);
    assert_eq!(classify(&flat, &nested), Change::Cosmetic);
    assert_eq!(classify(&flat, &flat.clone()), Change::None);
    assert_eq!(change("## Install", "### Install"), Change::Cosmetic);
    assert_eq!(change("## Install", "## Install"), Change::None);
    // Labelled cosmetic while the translation keeps the old shape; one
    // already set out the new way is up to date.
    let (old, new) = (seg("## Install"), seg("### Install"));
    let current = parse(
        "### Install
",
    )
    .0;
    let names = CodeNames::of(&current);
    for (translated, state) in [
        (
            "## Installer
",
            State::Cosmetic,
        ),
        (
            "### Installer
",
            State::UpToDate,
        ),
    ] {
        let target = parse(translated).0;
        let text = Target::new(&target, 0..1, FR);
        assert_eq!(
            state_since(&old, &new, &text, &names, &|| false).0,
            state,
            "{translated}"
        );
    }
}

/// The state of the one paragraph of `fr`, paired with the English that
/// went from `base_en` to `cur_en`.
fn one_paragraph_state(base_en: &str, cur_en: &str, fr: &str) -> State {
    one_paragraph_state_in(base_en, cur_en, fr, "fr")
}

fn one_paragraph_state_in(base_en: &str, cur_en: &str, translation: &str, lang: &str) -> State {
    let (b, _) = parse(base_en);
    let (c, _) = parse(cur_en);
    let (t, _) = parse(translation);
    let alignment = Alignment {
        rows: vec![crate::align::Row {
            source: 0..1,
            target: 0..1,
            score: 1.0,
            crossed: false,
            moved: None,
        }],
    };
    let versions = match_versions(&b, &c);
    let base = |_row: usize| {
        Some(Base {
            document: &b,
            versions: &versions,
            commit: Some("abc"),
        })
    };
    let langs = Langs {
        source: "en",
        target: lang,
    };
    label(&c, &t, langs, &alignment, &base)[0].state
}

/// A number the English now writes otherwise (`two` became `three`) that
/// the translation already gives, in digits or in its own words, is no
/// work; the old number still there, another word changed too, a
/// language without number words, or the number one (an article in many
/// languages) leave the change to translate.
#[test]
fn numbers_the_translation_already_gives_in_its_own_words() {
    let two = "We test with two screen readers.\n";
    let three = "We test with three screen readers.\n";
    let state =
        |base: &str, cur: &str, tr: &str, lang: &str| one_paragraph_state_in(base, cur, tr, lang);
    assert_eq!(
        state(two, three, "Proviamo con tre lettori di schermo.\n", "it"),
        State::AlreadyUpdated
    );
    assert_eq!(
        state(
            two,
            "We test with 3 screen readers.\n",
            "Wir testen mit drei Screenreadern.\n",
            "de"
        ),
        State::AlreadyUpdated
    );
    assert_eq!(
        state(two, three, "Nous testons avec 3 lecteurs d'écran.\n", "fr"),
        State::AlreadyUpdated
    );
    // Still the old number: to do.
    assert_eq!(
        state(two, three, "Proviamo con due lettori di schermo.\n", "it"),
        State::Stale
    );
    // Another word changed as well.
    assert_eq!(
        state(
            two,
            "We test with three screen magnifiers.\n",
            "Proviamo con tre lettori di schermo.\n",
            "it"
        ),
        State::Stale
    );
    // No table of number words for Polish: its words are not read.
    assert_eq!(
        state(two, three, "Testujemy z trzema czytnikami ekranu.\n", "pl"),
        State::Stale
    );
    // One is an article as often as a number.
    assert_eq!(
        state(
            "The limit is two.\n",
            "The limit is one.\n",
            "Il limite è uno.\n",
            "it"
        ),
        State::Stale
    );
}

/// A link the English took out that the translation never had, or a
/// number the translation already writes in its own format, is no work.
#[test]
fn translation_that_already_reads_as_the_new_english() {
    let linked = "Add new instances, or [nodes](/nodes/), to share the load.\n";
    let plain = "Add new instances, or nodes, to share the load.\n";
    let fr = "Ajoutez des instances, ou nœuds, pour répartir la charge.\n";
    assert_eq!(
        one_paragraph_state(linked, plain, fr),
        State::AlreadyUpdated
    );
    // The translation still links (its own localized address): to do.
    let fr_linked = "Ajoutez des instances, ou [nœuds](/fr/nodes/), pour répartir la charge.\n";
    assert_eq!(
        one_paragraph_state(linked, plain, fr_linked),
        State::LinkOnly
    );
    // Added links are not taken out ones: the translation lacks the new one.
    assert_eq!(one_paragraph_state(plain, linked, fr), State::LinkOnly);
    // A price changed; the German writes the new one with a decimal comma.
    let de = "Tickets kosten 1.015,00 Euro.\n";
    assert_eq!(
        one_paragraph_state(
            "Tickets cost 12.50 euros.\n",
            "Tickets cost 1,015.00 euros.\n",
            de
        ),
        State::AlreadyUpdated
    );
    assert_eq!(
        one_paragraph_state(
            "Tickets cost 12.50 euros.\n",
            "Tickets cost 1,016.00 euros.\n",
            de
        ),
        State::LinkOnly
    );
}

/// A block the English repeats word for word, translated the same way in
/// both places, needs the same work in both: a stale copy takes the
/// verdict of an up-to-date twin. A copy translated otherwise, a twin that
/// is stale too, or English that only looks alike keep their labels.
#[test]
fn a_stale_copy_takes_the_verdict_of_its_up_to_date_twin() {
    let en = parse(
        "### Check it\n\n```shell\ntool version\n```\n\n### Check it\n\n```shell\ntool version\n```\n\n### Check it again\n",
    )
    .0;
    let zh = parse(
        "### 检查\n\n```shell\ntool version\n```\n\n### 检查\n\n```shell\ntool --version\n```\n\n### 检查\n",
    )
    .0;
    let label = |state: State, source: usize, target: usize, base: &str| Labelled {
        state,
        source: Some(source),
        target: target..target + 1,
        base_commit: Some(base.to_owned()),
        diff: if state == State::Stale {
            word_diff("", &en.segments[source].text)
        } else {
            Vec::new()
        },
    };
    let mut labels = vec![
        label(State::UpToDate, 0, 0, "new"),
        label(State::UpToDate, 1, 1, "new"),
        // The copy of heading 0, translated the same way: takes its verdict.
        label(State::Stale, 2, 2, "old"),
        // The copy of code block 1, translated otherwise: still stale.
        label(State::Stale, 3, 3, "old"),
        // Another English heading with the same translation: still stale.
        label(State::Stale, 4, 4, "old"),
    ];
    settle_copies(&mut labels, &en, &zh);
    let states: Vec<(State, Option<&str>, usize)> = labels
        .iter()
        .map(|l| (l.state, l.base_commit.as_deref(), l.diff.len()))
        .collect();
    assert_eq!(
        states,
        vec![
            (State::UpToDate, Some("new"), 0),
            (State::UpToDate, Some("new"), 0),
            (State::UpToDate, Some("new"), 0),
            (State::Stale, Some("old"), 1),
            (State::Stale, Some("old"), 1),
        ]
    );
    // A twin that is stale too settles nothing.
    let mut both_stale = vec![
        label(State::Stale, 0, 0, "old"),
        label(State::Stale, 2, 2, "old"),
    ];
    settle_copies(&mut both_stale, &en, &zh);
    assert!(both_stale.iter().all(|l| l.state == State::Stale));
}

/// A short lead line joined to the block under it (`**Version history:**`
/// and its item made one paragraph) is the same words in another shape; a
/// whole paragraph joined to another is not, nor is a lead with a number
/// changed.
#[test]
fn short_blocks_joined_are_the_same_text() {
    let joined = |base: &str, current: &str| {
        let (b, _) = parse(base);
        let (c, _) = parse(current);
        let versions = match_versions(&b, &c);
        let base = Base {
            document: &b,
            versions: &versions,
            commit: None,
        };
        c.segments.iter().enumerate().any(|(i, seg)| {
            versions[i].is_some_and(|k| {
                classify(&b.segments[k], seg) == Change::Meaning
                    && joined_with_neighbours(&base, k, seg)
            })
        })
    };
    assert!(joined(
        "Intro.\n\n**Version history:**\n\n- 2.6.0 - added\n",
        "Intro.\n\n**Version history:**\\\n2.6.0 - added\n"
    ));
    assert!(!joined(
        "Intro.\n\n**Version history:**\n\n- 2.6.0 - added\n",
        "Intro.\n\n**Version history:**\\\n2.7.0 - added\n"
    ));
    assert!(!joined(
        "Intro.\n\nThe server keeps every message for a week by default.\n\nOld messages are removed by a nightly job.\n",
        "Intro.\n\nThe server keeps every message for a week by default. Old messages are removed by a nightly job.\n"
    ));
}

/// A shortcode's settings changed in the English (an icon renamed) and the
/// translation already has the new ones: already updated; with the old
/// ones still, a link-only change to carry over.
#[test]
fn shortcode_settings_carried_over_are_already_updated() {
    let old = seg("{{% button href=\"/get/\" icon=\"fa fa-download\" %}}Get it{{% /button %}}");
    let new = seg("{{% button href=\"/get/\" icon=\"fas fa-download\" %}}Get it{{% /button %}}");
    assert_eq!(classify(&old, &new), Change::LinkOnly);
    let current = parse(&new.text).0;
    let names = CodeNames::of(&current);
    for (translated, state) in [
        (
            "{{% button href=\"/get/\" icon=\"fas fa-download\" %}}Obtenez-le{{% /button %}}",
            State::AlreadyUpdated,
        ),
        (
            "{{% button href=\"/get/\" icon=\"fa fa-download\" %}}Obtenez-le{{% /button %}}",
            State::LinkOnly,
        ),
    ] {
        let target = parse(translated).0;
        let text = Target::new(&target, 0..1, FR);
        assert_eq!(
            state_since(&old, &new, &text, &names, &|| false).0,
            state,
            "{translated}"
        );
    }
}

/// Translated text the current alignment gives to English added since the
/// base, while the English it rendered at the base is unchanged and left
/// without translation, goes back to that English even when its pair with
/// the base English was unsure (no shared words, as between English and
/// Japanese): it cannot render English that did not exist yet. Not when
/// the pair contradicts the code both keep, nor across another pair.
#[test]
fn text_given_to_added_english_goes_back_to_its_unchanged_block() {
    let row = |source: std::ops::Range<usize>, target: std::ops::Range<usize>, score: f64| {
        crate::align::Row {
            source,
            target,
            score,
            crossed: false,
            moved: None,
        }
    };
    let labels_for = |base_en: &str, cur_en: &str, ja: &str| {
        let (b, _) = parse(base_en);
        let (c, _) = parse(cur_en);
        let (t, _) = parse(ja);
        // Current: heading, the unchanged paragraph left out, the added
        // paragraph given the Japanese paragraph.
        let current = Alignment {
            rows: vec![
                row(0..1, 0..1, 0.99),
                row(1..2, 1..1, 0.8),
                row(2..3, 1..2, 0.3),
            ],
        };
        // At the base, heading and paragraph in order, the paragraph unsure.
        let through_base = Alignment {
            rows: vec![row(0..1, 0..1, 0.99), row(1..2, 1..2, 0.3)],
        };
        let versions = match_versions(&b, &c);
        let base = Base {
            document: &b,
            versions: &versions,
            commit: Some("c1"),
        };
        let langs = Langs {
            source: "en",
            target: "ja",
        };
        let mut labels = label(&c, &t, langs, &current, &|_| Some(base.clone()));
        follow_chain(&mut labels, &c, &t, langs, &base, &through_base);
        let mut got: Vec<(Option<usize>, std::ops::Range<usize>, State)> = labels
            .iter()
            .map(|l| (l.source, l.target.clone(), l.state))
            .collect();
        got.sort_by_key(|(s, _, _)| *s);
        got
    };
    let base_en = "## Invites\n\nInvite links can be generated and shared with other people.\n";
    let cur_en = "## Invites\n\nInvite links can be generated and shared with other people.\n\nGo to **Preferences** to generate invite links.\n";
    let ja = "## 招待\n\n招待リンクを作成して他の人に配ることができます。\n";
    assert_eq!(
        labels_for(base_en, cur_en, ja),
        vec![
            (Some(0), 0..1, State::UpToDate),
            (Some(1), 1..2, State::UpToDate),
            (Some(2), 1..1, State::Missing),
        ]
    );
    // The Japanese keeps a code span the base paragraph does not have: the
    // unsure pair is no evidence, the current labels stay (the gap is
    // told missing or untranslated later, by `split_gaps`).
    let ja_code = "## 招待\n\n`tootctl` で招待リンクを作成できます。\n";
    assert_eq!(
        labels_for(base_en, cur_en, ja_code),
        vec![
            (Some(0), 0..1, State::UpToDate),
            (Some(1), 1..1, State::Missing),
            (Some(2), 1..2, State::Stale),
        ]
    );
}

/// A code change the translation's own example already has (its texts
/// translated) is already updated; one it lacks is link-only; a change
/// inside a token (`8080` in `--port=8080`) is not judged by tokens.
#[test]
fn code_changes_the_translation_carries_are_already_updated() {
    let code = |text: &str| {
        parse(&format!("```markdown\n{text}\n```\n"))
            .0
            .segments
            .swap_remove(0)
    };
    let old =
        code("{{%/* details title=\"Details\" */%}}\nThis is the content.\n{{%/* /details */%}}");
    let new =
        code("{{</* details title=\"Details\" */>}}\nThis is the content.\n{{</* /details */>}}");
    let current = parse(&new.text).0;
    let names = CodeNames::of(&current);
    let state = |translated: &str| {
        let target = parse(&format!("```markdown\n{translated}\n```\n")).0;
        state_since(&old, &new, &Target::new(&target, 0..1, FR), &names, &|| {
            false
        })
        .0
    };
    assert_eq!(
        state("{{</* details title=\"Détails\" */>}}\nVoici le contenu.\n{{</* /details */>}}"),
        State::AlreadyUpdated
    );
    assert_eq!(
        state("{{%/* details title=\"Détails\" */%}}\nVoici le contenu.\n{{%/* /details */%}}"),
        State::LinkOnly
    );
    let old = code("serve --port=8080 --quiet");
    let new = code("serve --port=9090 --quiet");
    let target = parse("```\nserve --port=7070 --quiet\n```\n").0;
    assert_eq!(
        state_since(&old, &new, &Target::new(&target, 0..1, FR), &names, &|| {
            false
        })
        .0,
        State::LinkOnly
    );
}
