//! Unit tests of the localized writer on small hand-written pages.

use super::*;
use crate::align::{Alignment, Row};
use crate::segment::{Document, parse};

/// Returns the index of the only segment whose text starts with `prefix`.
#[track_caller]
fn seg(doc: &Document, prefix: &str) -> usize {
    let found: Vec<usize> = (0..doc.segments.len())
        .filter(|&i| doc.segments[i].text.starts_with(prefix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "segments starting with {prefix:?}: {found:?}"
    );
    found[0]
}

/// Applies one edit to the segment starting with `prefix`, and checks that
/// the result has as many segments, the edited one of the same kind.
#[track_caller]
fn edit(text: &str, prefix: &str, value: &str) -> String {
    let (doc, _) = parse(text);
    let i = seg(&doc, prefix);
    let edits = [Edit {
        segment: i,
        text: value.to_owned(),
    }];
    let out = apply_edits(text, &doc, &edits).unwrap();
    let (again, _) = parse(&out);
    assert_eq!(again.segments.len(), doc.segments.len(), "{out:?}");
    assert_eq!(again.segments[i].kind, doc.segments[i].kind, "{out:?}");
    out
}

/// Aligns two documents one to one in order, except the source segments in
/// `missing`, which get 1-0 rows.
fn align_except(s: &Document, t: &Document, missing: &[usize]) -> Alignment {
    let mut rows = Vec::new();
    let mut j = 0;
    for i in 0..s.segments.len() {
        let target = if missing.contains(&i) || j >= t.segments.len() {
            j..j
        } else {
            j += 1;
            j - 1..j
        };
        rows.push(Row {
            source: i..i + 1,
            target,
            score: 0.9,
            crossed: false,
            moved: None,
        });
    }
    assert_eq!(j, t.segments.len(), "the target has extra segments");
    Alignment { rows }
}

/// Fills the source segment starting with `prefix` into `target`, where the
/// source segments starting with `missing` have no translation, and checks
/// that the result has a segment of the same kind reading `translation`.
#[track_caller]
fn fill_one(
    source: &str,
    target: &str,
    missing: &[&str],
    prefix: &str,
    translation: &str,
) -> String {
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let missing: Vec<usize> = missing.iter().map(|p| seg(&s, p)).collect();
    let alignment = align_except(&s, &t, &missing);
    let m = seg(&s, prefix);
    let out = fill(source, &s, target, &t, &alignment, m, translation).unwrap();
    let (again, _) = parse(&out);
    // A table row brings its other cells too.
    assert!(again.segments.len() > t.segments.len(), "{out}");
    let kind = s.segments[m].kind;
    assert!(
        again
            .segments
            .iter()
            .any(|x| x.kind == kind && segment_value(&out, x) == translation),
        "no {kind:?} segment {translation:?} in\n{out}"
    );
    out
}

// Edit.

#[test]
fn no_edits_change_nothing() {
    let text = "---\ntitle: \"A \\\"quoted\\\" title\"\n---\n\n# Hi\n\nText.\n";
    let (doc, _) = parse(text);
    assert_eq!(apply_edits(text, &doc, &[]).unwrap(), text);
}

#[test]
fn an_edit_replaces_only_its_segment() {
    let text = "# Loom news\n\nWelcome to *this* issue.\n\n- one\n- two\n";
    assert_eq!(
        edit(text, "Welcome", "Bienvenue dans *ce* numéro."),
        "# Loom news\n\nBienvenue dans *ce* numéro.\n\n- one\n- two\n"
    );
    assert_eq!(
        edit(text, "two", "deux"),
        "# Loom news\n\nWelcome to *this* issue.\n\n- one\n- deux\n"
    );
}

#[test]
fn current_value_or_text_keeps_the_bytes() {
    let text = "---\ntitle: \"Say \\\"hi\\\"\\t\"\n---\n";
    let (doc, _) = parse(text);
    for value in [
        doc.segments[0].text.clone(),
        segment_value(text, &doc.segments[0]),
    ] {
        let out = apply_edits(
            text,
            &doc,
            &[Edit {
                segment: 0,
                text: value,
            }],
        )
        .unwrap();
        assert_eq!(out, text);
    }
    assert_eq!(segment_value(text, &doc.segments[0]), "Say \"hi\"\t");
}

#[test]
fn bad_edits_are_refused() {
    let text = "# A\n\nB.\n";
    let (doc, _) = parse(text);
    let e = |segment: usize| Edit {
        segment,
        text: "x".into(),
    };
    assert_eq!(
        apply_edits(text, &doc, &[e(1), e(1)]),
        Err(LocalizeError::DuplicateEdit { segment: 1 })
    );
    assert_eq!(
        apply_edits(text, &doc, &[e(5)]),
        Err(LocalizeError::NoSuchSegment {
            segment: 5,
            n_segments: 2
        })
    );
    assert_eq!(
        apply_edits("# A\n\nB!\n\n", &doc, &[e(0)]),
        Err(LocalizeError::DocumentMismatch { side: "target" })
    );
}

#[test]
fn crlf_files_get_crlf_line_breaks() {
    let text = "# Title\r\n\r\nOne line.\r\n\r\n- item\r\n";
    assert_eq!(
        edit(text, "One", "Première ligne,\nseconde ligne."),
        "# Title\r\n\r\nPremière ligne,\r\nseconde ligne.\r\n\r\n- item\r\n"
    );
    assert_eq!(
        edit(text, "item", "élément\r\nsuite"),
        "# Title\r\n\r\nOne line.\r\n\r\n- élément\r\n  suite\r\n"
    );
}

#[test]
fn quoted_values_are_escaped() {
    let text = r#"---
title: "Loom: the news"
summary: 'Short'
description: Plain words
---

{{< figure src="/a.png" caption="A \"big\" day" alt=`raw` >}}
"#;
    let out = edit(text, "Loom: the", r#"Loom : les "nouvelles" \o/"#);
    assert!(
        out.contains(r#"title: "Loom : les \"nouvelles\" \\o/""#),
        "{out}"
    );
    let out = edit(text, "Short", "L'été");
    assert!(out.contains("summary: 'L''été'"), "{out}");
    let out = edit(text, "Plain", "Mots : simples");
    assert!(out.contains("description: \"Mots : simples\"\n"), "{out}");
    let out = edit(text, "Plain", "Mots simples");
    assert!(out.contains("description: Mots simples\n"), "{out}");
    let out = edit(text, "A \\\"big", "Un \"grand\" jour");
    assert!(out.contains(r#"caption="Un \"grand\" jour""#), "{out}");
    let out = edit(text, "raw", "brut `x`");
    assert!(out.contains(r#"alt="brut `x`" >}}"#), "{out}");
}

#[test]
fn toml_literal_strings_switch_to_basic_for_apostrophes() {
    let text = "+++\ntitle = 'Summer'\n+++\n\nText.\n";
    assert_eq!(
        edit(text, "Summer", "L'été"),
        "+++\ntitle = \"L'été\"\n+++\n\nText.\n"
    );
}

#[test]
fn block_scalars_keep_their_indentation() {
    let text = "---\ndescription: >\n  A folded\n  description\n---\n";
    assert_eq!(
        edit(text, "A folded", "Une description\nrepliée"),
        "---\ndescription: >\n  Une description\n  repliée\n---\n"
    );
}

#[test]
fn new_lines_stay_inside_their_block() {
    let text = "> Quoted.\n\n1. First\n\n| a | b |\n|---|---|\n| c | d |\n\n## Head\n";
    assert_eq!(
        edit(text, "Quoted", "Cité,\nsur deux lignes."),
        "> Cité,\n> sur deux lignes.\n\n1. First\n\n| a | b |\n|---|---|\n| c | d |\n\n## Head\n"
    );
    assert_eq!(
        edit(text, "First", "Premier\npoint"),
        "> Quoted.\n\n1. Premier\n   point\n\n| a | b |\n|---|---|\n| c | d |\n\n## Head\n"
    );
    assert_eq!(
        edit(text, "c", "x | y"),
        "> Quoted.\n\n1. First\n\n| a | b |\n|---|---|\n| x \\| y | d |\n\n## Head\n"
    );
    assert_eq!(
        edit(text, "Head", "Titre\nsur une ligne"),
        "> Quoted.\n\n1. First\n\n| a | b |\n|---|---|\n| c | d |\n\n## Titre sur une ligne\n"
    );
}

// Create.

#[test]
fn create_keeps_everything_but_translated_text() {
    let text = "---\ntitle: Loom news\ndate: 2026-09-05\n---\n\n# Welcome\n\nSee [the site](https://loom.example/) and `loomctl`.\n\n{{< figure src=\"/images/a.png\" caption=\"A dialog\" >}}\n";
    let (doc, _) = parse(text);
    let created = create(text, &doc, &|_, s| match s.text.as_str() {
        "Welcome" => Some("Bienvenue".into()),
        "A dialog" => Some("Une \"boîte\"".into()),
        _ => None,
    });
    assert_eq!(
        created.text,
        "---\ntitle: Loom news\ndate: 2026-09-05\n---\n\n# Bienvenue\n\nSee [the site](https://loom.example/) and `loomctl`.\n\n{{< figure src=\"/images/a.png\" caption=\"Une \\\"boîte\\\"\" >}}\n"
    );
    assert_eq!(created.missing, vec![0, 2]);
    let identity = create(text, &doc, &|_, s| Some(s.text.clone()));
    assert_eq!(identity.text, text);
    assert!(identity.missing.is_empty());
}

// Fill.

const SOURCE: &str = "---
title: \"Loom news\"
summary: The monthly letter
---

Welcome to the Loom newsletter.

## Releases {#releases}

- [Loom 2.4](https://loom.example/2.4) is out.
  - Faster sync.
  - Smaller files.
- [Weft 1.0](https://weft.example/) joins.

{{< figure src=\"/images/loom.png\" caption=\"The new dialog\" >}}

> Send us your news.
>
> We read everything.

| Project | Version |
|---------|---------|
| Loom    | 2.4     |
| Weft    | 1.0     |

## Help us

Write to us.
";

/// The source segments that `TARGET` does not translate.
const MISSING: &[&str] = &[
    "The monthly",
    "Smaller",
    "The new dialog",
    "We read",
    "Weft",
    "1.0",
];

const TARGET: &str = "---
title: \"Nouvelles de Loom\"
---

Bienvenue dans la lettre de Loom.

## Versions

- [Loom 2.4](https://loom.example/2.4) est sorti.
  - Synchronisation plus rapide.
- [Weft 1.0](https://weft.example/) nous rejoint.

> Envoyez-nous vos nouvelles.

| Projet | Version |
|--------|---------|
| Loom   | 2.4     |

## Aidez-nous

Écrivez-nous.
";

#[test]
fn fill_puts_each_missing_segment_where_the_source_has_it() {
    let out = fill_one(SOURCE, TARGET, MISSING, "Smaller", "Fichiers plus petits.");
    assert!(
        out.contains("  - Synchronisation plus rapide.\n  - Fichiers plus petits.\n- [Weft"),
        "{out}"
    );
    let out = fill_one(
        SOURCE,
        TARGET,
        MISSING,
        "The new dialog",
        "La nouvelle \"boîte\"",
    );
    assert!(
        out.contains("nous rejoint.\n\n{{< figure src=\"/images/loom.png\" caption=\"La nouvelle \\\"boîte\\\"\" >}}\n\n> Envoyez"),
        "{out}"
    );
    let out = fill_one(SOURCE, TARGET, MISSING, "We read", "Nous lisons tout.");
    assert!(
        out.contains("> Envoyez-nous vos nouvelles.\n>\n> Nous lisons tout.\n\n| Projet"),
        "{out}"
    );
    let out = fill_one(
        SOURCE,
        TARGET,
        MISSING,
        "The monthly",
        "La lettre : mensuelle",
    );
    assert!(
        out.contains("title: \"Nouvelles de Loom\"\nsummary: \"La lettre : mensuelle\"\n---"),
        "{out}"
    );
}

#[test]
fn fill_copies_a_missing_table_row() {
    let out = fill_one(SOURCE, TARGET, MISSING, "Weft", "Trame");
    assert!(
        out.contains("| Loom   | 2.4     |\n| Trame    | 1.0     |\n\n## Aidez"),
        "{out}"
    );
}

#[test]
fn fill_a_heading_drops_its_explicit_id() {
    let source = "# Loom\n\nIntro.\n\n## Releases {#releases}\n\nNew things.\n";
    let target = "# Loom\n\nIntroduction.\n\nDes nouveautés.\n";
    assert_eq!(
        fill_one(source, target, &["Releases"], "Releases", "Versions"),
        "# Loom\n\nIntroduction.\n\n## Versions\n\nDes nouveautés.\n"
    );
}

#[test]
fn fill_refuses_a_translated_segment() {
    let (s, _) = parse(SOURCE);
    let (t, _) = parse(TARGET);
    let missing: Vec<usize> = MISSING.iter().map(|p| seg(&s, p)).collect();
    let alignment = align_except(&s, &t, &missing);
    let m = seg(&s, "Welcome");
    assert_eq!(
        fill(SOURCE, &s, TARGET, &t, &alignment, m, "x"),
        Err(LocalizeError::AlreadyTranslated { segment: m })
    );
}

#[test]
fn fill_before_the_first_linked_segment() {
    let source = "---\ntitle: Loom\n---\n\nWelcome.\n\n## News\n\nText.\n";
    let target = "---\ntitle: Loom\n---\n\n## Nouvelles\n\nTexte.\n";
    assert_eq!(
        fill_one(source, target, &["Welcome"], "Welcome", "Bienvenue."),
        "---\ntitle: Loom\n---\n\nBienvenue.\n\n## Nouvelles\n\nTexte.\n"
    );
}

#[test]
fn fill_into_an_empty_body() {
    let source = "---\ntitle: Loom\n---\n\nWelcome.\n";
    assert_eq!(
        fill_one(
            source,
            "---\ntitle: Loom\n---\n",
            &["Welcome"],
            "Welcome",
            "Bienvenue."
        ),
        "---\ntitle: Loom\n---\n\nBienvenue.\n"
    );
    assert_eq!(
        fill_one("Welcome.", "", &["Welcome"], "Welcome", "Bienvenue."),
        "Bienvenue.\n"
    );
}

#[test]
fn fill_keeps_a_missing_final_newline_and_crlf() {
    let source = "# Loom\n\nOne.\n\nTwo.\n";
    assert_eq!(
        fill_one(source, "# Loom\r\n\r\nUn.", &["Two"], "Two", "Deux."),
        "# Loom\r\n\r\nUn.\r\n\r\nDeux."
    );
}

#[test]
fn fill_lands_after_material_the_target_has_too() {
    let source = "Run this:\n\n```sh\nloomctl sync\n```\n\nThen wait.\n\n## Next\n";
    let target = "Lancez :\n\n```sh\nloomctl sync\n```\n\n## Suite\n";
    assert_eq!(
        fill_one(source, target, &["Then"], "Then", "Puis attendez."),
        "Lancez :\n\n```sh\nloomctl sync\n```\n\nPuis attendez.\n\n## Suite\n"
    );
    // Material after the missing segment: the new one goes before it.
    let source = "Intro.\n\nFirst do this:\n\n```sh\nloomctl init\n```\n\nDone.\n";
    let target = "Introduction.\n\n```sh\nloomctl init\n```\n\nFini.\n";
    assert_eq!(
        fill_one(source, target, &["First"], "First", "D'abord :"),
        "Introduction.\n\nD'abord :\n\n```sh\nloomctl init\n```\n\nFini.\n"
    );
}

/// After or before a fenced code block, with another missing segment in
/// between (so no material of the source leads the way): the new block
/// goes outside the fences, never into the code.
#[test]
fn fill_never_lands_inside_a_code_fence() {
    let source = "Run this:\n\n```sh\nloomctl sync\n```\n\n## Tags\n\nUse tags sparingly.\n";
    let target = "Lancez :\n\n```sh\nloomctl sync\n```\n";
    assert_eq!(
        fill_one(source, target, &["Tags", "Use"], "Use", "Étiquetez peu."),
        "Lancez :\n\n```sh\nloomctl sync\n```\n\nÉtiquetez peu.\n"
    );
    let source = "## Setup\n\nInstall it:\n\n~~~sh\nloomctl init\n~~~\n";
    let target = "~~~sh\nloomctl init\n~~~\n";
    assert_eq!(
        fill_one(
            source,
            target,
            &["Setup", "Install"],
            "Install",
            "Installez-le :"
        ),
        "Installez-le :\n\n~~~sh\nloomctl init\n~~~\n"
    );
}

#[test]
fn fill_ordered_items_and_setext_headings() {
    let source = "Steps\n=====\n\n1. Install.\n2. Sync.\n3. Enjoy.\n";
    let target = "Étapes\n======\n\n1. Installer.\n3. Profiter.\n";
    assert_eq!(
        fill_one(source, target, &["Sync"], "Sync", "Synchroniser."),
        "Étapes\n======\n\n1. Installer.\n2. Synchroniser.\n3. Profiter.\n"
    );
    let target = "1. Installer.\n2. Synchroniser.\n3. Profiter.\n";
    assert_eq!(
        fill_one(source, target, &["Steps"], "Steps", "Étapes"),
        "Étapes\n=====\n\n1. Installer.\n2. Synchroniser.\n3. Profiter.\n"
    );
}

#[test]
fn fill_a_cell_of_an_existing_row() {
    let source = "| Project | Version |\n|---|---|\n| Loom | 2.4 |\n";
    let empty = "| Projet | Version |\n|---|---|\n| Loom |     |\n";
    assert_eq!(
        fill_one(source, empty, &["2.4"], "2.4", "2,4"),
        "| Projet | Version |\n|---|---|\n| Loom | 2,4 |\n"
    );
    let short = "| Projet | Version |\n|---|---|\n| 2.4 |\n";
    assert_eq!(
        fill_one(source, short, &["Loom"], "Loom", "Métier"),
        "| Projet | Version |\n|---|---|\n| Métier | 2.4 |\n"
    );
}

#[test]
fn fill_a_row_of_a_missing_table_brings_the_header() {
    let source = "Intro.\n\n| Project | Version |\n|---|---|\n| Loom | 2.4 |\n\nEnd.\n";
    let target = "Introduction.\n\nFin.\n";
    let missing = ["Project", "Version", "Loom", "2.4"];
    assert_eq!(
        fill_one(source, target, &missing, "Loom", "Métier"),
        "Introduction.\n\n| Project | Version |\n|---|---|\n| Métier | 2.4 |\n\nFin.\n"
    );
    assert_eq!(
        fill_one(source, target, &missing, "Version", "Version publiée"),
        "Introduction.\n\n| Project | Version publiée |\n|---|---|\n\nFin.\n"
    );
}

#[test]
fn fill_front_matter_values() {
    let nested = "---\ntitle: Loom\nparams:\n  caption: 'A loom'\n---\n";
    assert_eq!(
        fill_one(
            nested,
            "---\ntitle: Métier\n---\n",
            &["A loom"],
            "A loom",
            "Un métier"
        ),
        "---\ntitle: Métier\nparams:\n  caption: \"Un métier\"\n---\n"
    );
    assert_eq!(
        fill_one(
            nested,
            "---\ntitle: Métier\nparams:\n  x: 1\n---\n",
            &["A loom"],
            "A loom",
            "Un métier"
        ),
        "---\ntitle: Métier\nparams:\n  caption: \"Un métier\"\n  x: 1\n---\n"
    );
    // Front matter after blank lines (Hugo reads it there): the value goes
    // inside it, the blank lines stay.
    assert_eq!(
        fill_one(
            nested,
            "\n---\ntitle: Métier\n---\n",
            &["A loom"],
            "A loom",
            "Un métier"
        ),
        "\n---\ntitle: Métier\nparams:\n  caption: \"Un métier\"\n---\n"
    );
    let toml = "+++\ntitle = 'Loom'\n[params]\nx = 1\n+++\n";
    assert_eq!(
        fill_one(
            toml,
            "+++\n[params]\nx = 1\n+++\n",
            &["Loom"],
            "Loom",
            "L'atelier"
        ),
        "+++\ntitle = \"L'atelier\"\n[params]\nx = 1\n+++\n"
    );
    assert_eq!(
        fill_one(
            "---\ntitle: Loom\n---\n\nHi.\n",
            "Salut.\n",
            &["Loom"],
            "Loom",
            "Métier"
        ),
        "---\ntitle: \"Métier\"\n---\nSalut.\n"
    );
    let folded = "---\ndescription: >\n  A folded\n  text\n---\n";
    assert_eq!(
        fill_one(
            folded,
            "---\ndate: 2026-01-01\n---\n",
            &["A folded"],
            "A folded",
            "Un texte"
        ),
        "---\ndate: 2026-01-01\ndescription: \"Un texte\"\n---\n"
    );
}

#[test]
fn fill_refuses_what_it_cannot_place() {
    let (s, _) = parse("# A\n\nB.\n");
    let (t, _) = parse("# A\n");
    let ok = align_except(&s, &t, &[1]);
    assert_eq!(
        fill("# A\n\nB.\n", &s, "# A\n", &t, &ok, 7, "x"),
        Err(LocalizeError::NoSuchSegment {
            segment: 7,
            n_segments: 2
        })
    );
    let empty = Alignment::default();
    assert_eq!(
        fill("# A\n\nB.\n", &s, "# A\n", &t, &empty, 1, "x"),
        Err(LocalizeError::NotAligned { segment: 1 })
    );
    let (s2, _) = parse("---\ntitle: Loom\n---\n");
    let (t2, _) = parse("---\ntitle: x\n");
    let rows = vec![Row {
        source: 0..1,
        target: 0..0,
        score: 1.0,
        crossed: false,
        moved: None,
    }];
    assert_eq!(
        fill(
            "---\ntitle: Loom\n---\n",
            &s2,
            "---\ntitle: x\n",
            &t2,
            &Alignment { rows },
            0,
            "x"
        ),
        Err(LocalizeError::UnclosedFrontMatter)
    );
}

// Carry.

/// Carries the change between two one-segment pages into a one-segment translation.
fn carry_one(old: &str, new: &str, target: &str) -> Carry {
    let (o, _) = parse(old);
    let (n, _) = parse(new);
    let (t, _) = parse(target);
    carry(&o.segments[0], &n.segments[0], target, &t.segments[0])
}

#[test]
fn carry_replaces_a_changed_url_code_and_number() {
    assert_eq!(
        carry_one(
            "See [notes](https://loom.example/2.4) for `loom sync` in 2.4.",
            "See [notes](https://loom.example/2.5) for `loom push` in 2.5.",
            "Voir les [notes](https://loom.example/2.4) de `loom sync` en 2.4.\n",
        ),
        Carry::Applied {
            text: "Voir les [notes](https://loom.example/2.5) de `loom push` en 2.5.".into(),
            changes: vec![
                (
                    "https://loom.example/2.4".into(),
                    "https://loom.example/2.5".into()
                ),
                ("loom sync".into(), "loom push".into()),
                ("2.4".into(), "2.5".into()),
            ],
        }
    );
}

#[test]
fn carry_works_on_quoted_values() {
    let old = "{{< figure src=\"/a.png\" caption=\"Loom 2.4 \\\"beta\\\"\" >}}\n";
    let new = "{{< figure src=\"/a.png\" caption=\"Loom 2.5 \\\"beta\\\"\" >}}\n";
    let target = "{{< figure src=\"/a.png\" caption=\"Métier 2.4 \\\"bêta\\\"\" >}}\n";
    assert_eq!(
        carry_one(old, new, target),
        Carry::Applied {
            text: "Métier 2.5 \"bêta\"".into(),
            changes: vec![("2.4".into(), "2.5".into())],
        }
    );
}

#[test]
fn carry_leaves_ambiguous_changes() {
    use CarryIssue::*;
    let kind = InvariantKind::Url;
    let issue = |old: &str, new: &str, target: &str| match carry_one(old, new, target) {
        Carry::Ambiguous { reason } => reason,
        other => panic!("not ambiguous: {other:?}"),
    };
    assert_eq!(
        issue("[a](/a) and [b](/b)", "[a](/a)", "[a](/a) et [b](/b)"),
        CountChanged {
            kind,
            old: 2,
            new: 1
        }
    );
    assert_eq!(
        issue("[a](/a)", "[a](/z)", "[a](/autre)"),
        NotFound {
            kind,
            value: "/a".into()
        }
    );
    assert_eq!(
        issue("[a](/a)", "[a](/z)", "[a](/a), encore [a](/a)"),
        Repeated {
            kind,
            value: "/a".into(),
            count: 2
        }
    );
    assert_eq!(
        issue("[a](/a) [b](/a)", "[a](/z) [b](/a)", "[a](/a) [b](/a)"),
        Conflicting {
            kind,
            value: "/a".into()
        }
    );
    assert_eq!(
        issue("Version 2 of 2", "Version 3 of 2", "Version 2 sur 2"),
        Conflicting {
            kind: InvariantKind::Number,
            value: "2".into()
        }
    );
    // Half a change: the translation's own date has the new day by chance
    // and the old year; carrying the year alone would make a third date.
    assert_eq!(
        issue(
            "Generated on 14-Sep-2020",
            "Generated on 11-Sep-2025",
            "Généré le 11-May-2020"
        ),
        NotFound {
            kind: InvariantKind::Number,
            value: "14".into()
        }
    );
}

#[test]
fn carry_has_nothing_to_do() {
    assert_eq!(
        carry_one("Hello [a](/a).", "Hi [a](/a).", "Salut [a](/a)."),
        Carry::Nothing
    );
    // Already carried by hand.
    assert_eq!(carry_one("[a](/a)", "[a](/z)", "[a](/z)"), Carry::Nothing);
    // In-page anchors follow headings, not the source.
    assert_eq!(carry_one("[a](#x)", "[a](#y)", "[a](#z)"), Carry::Nothing);
}

#[test]
fn carry_counts_whole_number_tokens_only() {
    assert_eq!(
        carry_one(
            "Loom 2 is out.",
            "Loom 3 is out.",
            "Loom 2 est sorti en 2024 ([notes](/v2))."
        ),
        Carry::Applied {
            text: "Loom 3 est sorti en 2024 ([notes](/v2)).".into(),
            changes: vec![("2".into(), "3".into())],
        }
    );
}

// Anchors and links.

#[test]
fn in_page_links_follow_translated_headings() {
    let source = "Read [how to help](#help-us) or [the top](#).\n\n## Help us\n\nWrite.\n";
    let target = "Lisez [comment aider](#help-us) ou [le haut](#).\n\n## Aidez-nous\n\nÉcrivez.\n";
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let alignment = align_except(&s, &t, &[]);
    let edits = localize_anchors(target, &t, &s, &alignment);
    assert_eq!(
        edits,
        vec![Edit {
            segment: 0,
            text: "Lisez [comment aider](#aidez-nous) ou [le haut](#).".into()
        }]
    );
    assert_eq!(broken_anchors(&t), vec![(0, "help-us".to_owned())]);
    let fixed = apply_edits(target, &t, &edits).unwrap();
    let (f, _) = parse(&fixed);
    assert!(broken_anchors(&f).is_empty());
    assert!(localize_anchors(&fixed, &f, &s, &alignment).is_empty());
}

#[test]
fn links_to_existing_target_anchors_are_kept() {
    let source = "See [x](#a).\n\n## A\n\n## B {#b}\n";
    let target = "Voir [x](#b).\n\n## A traduit\n\n## B {#b}\n";
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let alignment = align_except(&s, &t, &[]);
    assert!(localize_anchors(target, &t, &s, &alignment).is_empty());
    let percent = "[x](#d%C3%A9j%C3%A0)\n\n## Déjà\n";
    let (p, _) = parse(percent);
    assert!(broken_anchors(&p).is_empty());
}

#[test]
fn site_links_get_the_language_directory() {
    let rule = LinkRule::default();
    assert_eq!(
        localize_link_prefix(
            "[a](/about/) [b](/fr/x/) [c](/images/x.png) [d](https://x.org/) [e](//cdn/x) [f](</g h/>) `[g](/code/)` [h](/)",
            "fr",
            &rule
        ),
        "[a](/fr/about/) [b](/fr/x/) [c](/images/x.png) [d](https://x.org/) [e](//cdn/x) [f](</fr/g h/>) `[g](/code/)` [h](/fr/)"
    );
    let once = localize_link_prefix("[a](/about/)", "it", &rule);
    assert_eq!(localize_link_prefix(&once, "it", &rule), once);
    let docs = LinkRule {
        prefixes: vec!["/docs/".into()],
        keep: vec![],
    };
    assert_eq!(
        localize_link_prefix("[a](/docs/x/) [b](/blog/)", "it", &docs),
        "[a](/docs/it/x/) [b](/blog/)"
    );
}

// Translation memory.

fn memory(pairs: &[(&str, &str)]) -> TranslationMemory {
    let mut tm = TranslationMemory::new();
    for (s, t) in pairs {
        tm.add(s, t);
    }
    tm
}

#[test]
fn memory_offers_exact_matches_first() {
    let tm = memory(&[
        (
            "Welcome to the Loom newsletter!",
            "Bienvenue dans la lettre de Loom !",
        ),
        (
            "Welcome to the Loom newsletter!",
            "Bienvenue dans la lettre de Loom !",
        ),
        (
            "Welcome to the Loom newsletter!",
            "Bienvenue à la lettre de Loom !",
        ),
        (
            "Welcome to the Weft newsletter!",
            "Bienvenue dans la lettre de Weft !",
        ),
        ("Something else entirely", "Autre chose"),
    ]);
    assert_eq!(tm.len(), 4);
    let found = tm.lookup("Welcome  to the Loom\nnewsletter!", 5);
    let got: Vec<(&str, f64)> = found
        .iter()
        .map(|s| (s.target.as_str(), s.similarity))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Bienvenue dans la lettre de Loom !", 1.0),
            ("Bienvenue à la lettre de Loom !", 1.0),
            ("Bienvenue dans la lettre de Weft !", 0.8),
        ]
    );
    assert_eq!(
        tm.exact("Welcome to the Loom newsletter!"),
        Some("Bienvenue dans la lettre de Loom !")
    );
    assert_eq!(tm.lookup("Welcome to the Loom newsletter!", 1).len(), 1);
    assert!(tm.lookup("Nothing like it", 5).is_empty());
}

#[test]
fn memory_near_matches_follow_word_edits() {
    let tm = memory(&[
        (
            "This issue covers the month of November 2023.",
            "Ce numéro couvre novembre 2023.",
        ),
        (
            "This issue covers the month of May 2024 and more.",
            "Ce numéro couvre mai 2024 et plus.",
        ),
        ("the the the the the", "le le le le le"),
    ]);
    let found = tm.lookup("This issue covers the month of December 2023.", 5);
    let got: Vec<(&str, String)> = found
        .iter()
        .map(|s| (s.target.as_str(), format!("{:.2}", s.similarity)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Ce numéro couvre novembre 2023.", "0.88".to_owned()),
            ("Ce numéro couvre mai 2024 et plus.", "0.60".to_owned()),
        ]
    );
    // Repeated words count once each: no match on "the" alone.
    assert!(tm.lookup("the cat and the dog", 5).is_empty());
}

#[test]
fn memory_learns_from_aligned_pages() {
    let (s, _) = parse(
        "# Loom\n\nWelcome to the newsletter of Loom.\n\nUntranslated prose stays out.\n\n| 2.4 |\n|---|\n",
    );
    let (t, _) = parse(
        "# Métier\n\nBienvenue dans la lettre de Loom.\n\nUntranslated prose stays out.\n\n| 2.4 |\n|---|\n",
    );
    let mut alignment = align_except(&s, &t, &[]);
    alignment.rows[0].score = 0.3;
    let mut tm = TranslationMemory::new();
    tm.add_pair(&s, &t, &alignment);
    assert_eq!(tm.len(), 2);
    assert_eq!(
        tm.exact("Welcome to the newsletter of Loom."),
        Some("Bienvenue dans la lettre de Loom.")
    );
    assert_eq!(tm.exact("2.4"), Some("2.4"));
    assert_eq!(tm.exact("Loom"), None);
}

#[test]
fn memory_index_misses_no_near_match() {
    // Pseudo-random sentences over a small vocabulary, so many share words:
    // the index must find exactly what comparing with every entry finds.
    const WORDS: &[&str] = &[
        "loom", "weft", "warp", "sync", "news", "the", "a", "of", "2026", "issue", "release",
        "client",
    ];
    let mut seed = 7u64;
    let mut sentence = || {
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap()
        };
        let n = 2 + next() % 9;
        (0..n)
            .map(|_| WORDS[next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let sources: Vec<String> = (0..300).map(|_| sentence()).collect();
    let mut tm = TranslationMemory::new();
    for (k, s) in sources.iter().enumerate() {
        tm.add(s, &format!("t{k}"));
    }
    let ids = |s: &str| -> Vec<u32> {
        memory::tokens(s)
            .iter()
            .map(|w| u32::try_from(WORDS.iter().position(|x| x == w).unwrap()).unwrap())
            .collect()
    };
    for _ in 0..100 {
        let query = sentence();
        let q = ids(&query);
        let mut expected: Vec<String> = Vec::new();
        for (k, s) in sources.iter().enumerate() {
            let e = ids(s);
            let longest = q.len().max(e.len());
            let similarity = 1.0 - memory::word_distance(&q, &e) as f64 / longest as f64;
            if similarity >= 0.6 && crate::segment::normalize(s) != query {
                expected.push(format!("t{k}"));
            }
        }
        let mut found: Vec<String> = tm
            .lookup(&query, usize::MAX)
            .into_iter()
            .filter(|s| s.similarity < 1.0 || crate::segment::normalize(&s.source) != query)
            .map(|s| s.target)
            .collect();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "{query:?}");
    }
}

#[test]
fn fill_a_parameter_of_a_shortcode_the_target_has() {
    let source = "Intro.\n\n{{< figure src=\"/a.png\" alt=\"A loom\" caption=\"The loom\" >}}\n";
    let target = "Introduction.\n\n{{< figure src=\"/a.png\" alt=\"Un métier\" >}}\n";
    assert_eq!(
        fill_one(source, target, &["The loom"], "The loom", "Le \"métier\""),
        "Introduction.\n\n{{< figure src=\"/a.png\" alt=\"Un métier\" caption=\"Le \\\"métier\\\"\" >}}\n"
    );
    let target = "Introduction.\n\n{{< figure src=\"/a.png\" caption=\"Le métier\" >}}\n";
    assert_eq!(
        fill_one(source, target, &["A loom"], "A loom", "Un métier"),
        "Introduction.\n\n{{< figure src=\"/a.png\" alt=\"Un métier\" caption=\"Le métier\" >}}\n"
    );
}

#[test]
fn a_heading_is_recognized_at_another_level_and_with_punctuation() {
    use crate::localize::heading_translated;
    let (doc, _) = crate::segment::parse(
        "# Lettre\n\n### Partagez les nouvelles !\n\nPartagez les nouvelles avec vos amis.\n",
    );
    assert_eq!(heading_translated(&doc, "Partagez les nouvelles"), Some(1));
    assert_eq!(
        heading_translated(&doc, "partagez  les nouvelles ?"),
        Some(1)
    );
    // Other words are another heading; a paragraph saying it is not one.
    assert_eq!(heading_translated(&doc, "Partagez la nouvelle"), None);
    assert_eq!(
        heading_translated(&doc, "Partagez les nouvelles avec vos amis."),
        None
    );
    assert_eq!(heading_translated(&doc, "!"), None);
}
