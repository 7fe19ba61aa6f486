//! Unit tests of the aligner on small hand-written pairs.

use super::*;
use crate::segment::parse;

/// Aligns two texts and renders each row as `source-lines | target-lines`.
fn check(source: &str, target: &str) -> Vec<String> {
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let alignment = align(&s, &t);
    assert_tiles(&alignment, s.segments.len(), t.segments.len());
    alignment
        .rows
        .iter()
        .map(|r| {
            let side = |doc: &Document, range: &Range<usize>| {
                if range.is_empty() {
                    "-".to_owned()
                } else {
                    range
                        .clone()
                        .map(|k| doc.segments[k].lines.0.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                }
            };
            format!("{} | {}", side(&s, &r.source), side(&t, &r.target))
        })
        .collect()
}

#[track_caller]
fn assert_tiles(a: &Alignment, n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for row in &a.rows {
        assert_eq!(row.source.start, i);
        assert_eq!(row.target.start, j);
        assert!(!(row.source.is_empty() && row.target.is_empty()));
        assert!((0.0..=1.0).contains(&row.score));
        i = row.source.end;
        j = row.target.end;
    }
    assert_eq!((i, j), (n, m));
}

#[test]
fn one_to_one_with_relevelled_heading_and_english_heading_left() {
    let en = "## Events\n\nThe sprint runs on 12 July in [Berlin](https://e.org/b).\n\n### Last Call\n\nVote on [XEP-0001](https://x.org/1).\n";
    let it = "# Eventi\n\nLo sprint si tiene il 12 luglio a [Berlino](https://e.org/b).\n\n# Last Call\n\nVotate la [XEP-0001](https://x.org/1).\n";
    assert_eq!(check(en, it), ["1 | 1", "3 | 3", "5 | 5", "7 | 7"]);
}

#[test]
fn split_paragraph_is_one_to_two() {
    let en = "# Title\n\nFirst sentence about Loom and the [sync](https://l.example/sync) feature, which is long enough. Second sentence about `loomctl` and its many options for everyone.\n\n## Next\n";
    let fr = "# Titre\n\nPremière phrase sur Loom et la fonction de [synchro](https://l.example/sync), assez longue.\n\nDeuxième phrase sur `loomctl` et ses nombreuses options pour tout le monde.\n\n## Suite\n";
    assert_eq!(check(en, fr), ["1 | 1", "3 | 3,5", "5 | 7"]);
}

#[test]
fn dropped_section_is_unmatched_not_a_cascade() {
    let en = "## A\n\nAlpha text with [link one](https://a.example/1).\n\n## B\n\nBeta text with [link two](https://a.example/2).\n\n- item [three](https://a.example/3)\n- item [four](https://a.example/4)\n\n## C\n\nGamma text with [link five](https://a.example/5).\n";
    let it = "## A\n\nTesto alfa con [link uno](https://a.example/1).\n\n## C\n\nTesto gamma con [link cinque](https://a.example/5).\n";
    assert_eq!(
        check(en, it),
        [
            "1 | 1", "3 | 3", "5 | -", "7 | -", "9 | -", "10 | -", "12 | 5", "14 | 7"
        ]
    );
}

#[test]
fn empty_sides() {
    assert_eq!(check("", "# Solo\n"), ["- | 1"]);
    assert_eq!(check("# Only\n", ""), ["1 | -"]);
    assert!(check("", "").is_empty());
}

#[test]
fn urls_are_compared_without_language_prefix_or_trailing_slash() {
    assert_eq!(
        normalize_url("/fr/microservices-architecture/"),
        "/microservices-architecture"
    );
    assert_eq!(normalize_url("/it/microservices"), "/microservices");
    assert_eq!(normalize_url("https://x.org/a/"), "https://x.org/a");
    assert_eq!(normalize_url("/images/a.png"), "/images/a.png");
}

#[test]
fn prose_text_drops_link_destinations_and_shortcodes() {
    assert_eq!(
        prose_text("See [the docs](https://x.org/a_(b)) now {{< ref x >}}."),
        "See [the docs ) now  ."
    );
}

#[test]
fn long_documents_use_a_band_and_still_align() {
    let section = |k: usize, lang: &str| {
        format!("## {lang} {k}\n\n{lang} text [l{k}](https://e.org/{k}) about item {k}.\n\n")
    };
    let en: String = (0..400).map(|k| section(k, "Section")).collect();
    // The translation drops sections 100 to 139.
    let it: String = (0..400)
        .filter(|k| !(100..140).contains(k))
        .map(|k| section(k, "Sezione"))
        .collect();
    let (s, _) = parse(&en);
    let (t, _) = parse(&it);
    let a = align(&s, &t);
    assert_tiles(&a, s.segments.len(), t.segments.len());
    let dropped = a
        .rows
        .iter()
        .filter(|r| r.target.is_empty())
        .map(|r| r.source.len())
        .sum::<usize>();
    assert_eq!(dropped, 80);
    let band = make_band(
        s.segments.len(),
        t.segments.len(),
        &Weights::new(
            &Features::of(&Prepared::of(&s).segs),
            &Features::of(&Prepared::of(&t).segs),
        )
        .unique_pairs,
    );
    let cells: usize = band.offset.last().unwrap() + band_row_len(&band, s.segments.len());
    assert!(
        cells < 200 * s.segments.len(),
        "band is not linear: {cells} cells"
    );
}

// ---------------------------------------------------------------- fixed rows

const EN_SECTIONS: &str = "## A\n\nAlpha text with [link one](https://a.example/1).\n\n## B\n\nBeta text with [link two](https://a.example/2).\n\n- item [three](https://a.example/3)\n- item [four](https://a.example/4)\n\n## C\n\nGamma text with [link five](https://a.example/5).\n";
const IT_SECTIONS: &str = "## A\n\nTesto alfa con [link uno](https://a.example/1).\n\n## C\n\nTesto gamma con [link cinque](https://a.example/5).\n";

/// Aligns with fixed rows (given as segment indices) and renders each row as
/// `source-lines | target-lines`, with `!` after rows scored 1 (every fixed
/// row, and unmatched rows with no possible partner).
fn check_with(source: &str, target: &str, fixed: &[(Range<usize>, Range<usize>)]) -> Vec<String> {
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let fixed: Vec<FixedRow> = fixed
        .iter()
        .map(|(source, target)| FixedRow {
            source: source.clone(),
            target: target.clone(),
        })
        .collect();
    let alignment = align_with(&s, &t, &fixed);
    assert_tiles(&alignment, s.segments.len(), t.segments.len());
    alignment
        .rows
        .iter()
        .map(|r| {
            let side = |doc: &Document, range: &Range<usize>| {
                if range.is_empty() {
                    "-".to_owned()
                } else {
                    range
                        .clone()
                        .map(|k| doc.segments[k].lines.0.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                }
            };
            let sure = if r.score == 1.0 { " !" } else { "" };
            format!("{} | {}{sure}", side(&s, &r.source), side(&t, &r.target))
        })
        .collect()
}

/// Strips the `!` marks, to compare row shapes only.
fn shapes(rows: &[String]) -> Vec<String> {
    rows.iter()
        .map(|r| r.trim_end_matches(" !").to_owned())
        .collect()
}

#[test]
fn no_fixed_rows_is_the_automatic_alignment() {
    let (s, _) = parse(EN_SECTIONS);
    let (t, _) = parse(IT_SECTIONS);
    assert_eq!(align_with(&s, &t, &[]), align(&s, &t));
}

#[test]
fn a_fixed_row_is_kept_and_the_gaps_are_still_aligned() {
    // Wrongly, say, "## B" is declared the translation of "## C" (target 2).
    let got = check_with(EN_SECTIONS, IT_SECTIONS, &[(2..3, 2..3)]);
    assert_eq!(
        got,
        [
            "1 | 1", "3 | 3", "5 | 5 !", "7 | -", "9 | -", "10 | -", "12 | -", "14 | 7"
        ]
    );
    // Before the fixed row, the gap aligns as before (link one pairs).
    assert_eq!(shapes(&got[..2]), ["1 | 1", "3 | 3"]);
}

#[test]
fn fixed_rows_may_join_segments_and_score_one() {
    let (s, _) = parse(EN_SECTIONS);
    let (t, _) = parse(IT_SECTIONS);
    // The two list items as one row with the Italian "## C" heading.
    let a = align_with(
        &s,
        &t,
        &[FixedRow {
            source: 4..6,
            target: 2..3,
        }],
    );
    let row = a.rows.iter().find(|r| r.source == (4..6)).unwrap();
    assert_eq!(row.target, 2..3);
    assert_eq!(row.score, 1.0);
    assert!(!row.needs_review() && !row.crossed);
}

#[test]
fn one_sided_fixed_rows_stay_together_and_unmatched() {
    // "Alpha" has no translation, and the Italian "Testo alfa" none either.
    let got = check_with(EN_SECTIONS, IT_SECTIONS, &[(1..2, 0..0), (0..0, 1..2)]);
    assert!(got.contains(&"3 | - !".to_owned()), "{got:?}");
    assert!(got.contains(&"- | 3 !".to_owned()), "{got:?}");
    assert!(got.contains(&"1 | 1".to_owned()), "{got:?}");
    assert!(got.contains(&"14 | 7".to_owned()), "{got:?}");
    // Two English segments as one untranslated row, even matchable ones.
    let got = check_with(EN_SECTIONS, IT_SECTIONS, &[(6..8, 9..9)]);
    assert!(got.contains(&"12,14 | - !".to_owned()), "{got:?}");
    assert!(
        !got.iter()
            .any(|r| r.starts_with("12 |") || r.starts_with("14 |"))
    );
    // Two Italian segments as one row with no English.
    let got = check_with(EN_SECTIONS, IT_SECTIONS, &[(0..0, 2..4)]);
    assert!(got.contains(&"- | 5,7 !".to_owned()), "{got:?}");
}

#[test]
fn conflicting_fixed_rows_drop_the_later_ones() {
    let first = (0..1, 0..1);
    let shape = |fixed: &[(Range<usize>, Range<usize>)]| {
        shapes(&check_with(EN_SECTIONS, IT_SECTIONS, fixed))
    };
    let alone = shape(std::slice::from_ref(&first));
    // Overlapping, out of range and empty rows are dropped.
    for later in [
        (1..2, 0..1), // overlaps on the target side
        (0..2, 1..2), // overlaps on the source side
        (7..9, 1..2), // out of range
        (1..1, 3..3), // no segment at all
        (0..0, 0..1), // a one-sided row over a fixed target
    ] {
        let got = shape(&[first.clone(), later.clone()]);
        assert_eq!(got, alone, "{later:?} should be dropped");
    }
    // A compatible later row is kept: "Alpha" left untranslated.
    let got = shape(&[first.clone(), (1..2, 0..0)]);
    assert!(got.contains(&"3 | -".to_owned()), "{got:?}");
    // A crossing pair: the later row is dropped, whichever it is.
    let (a, b) = ((7..8, 0..1), (0..1, 3..4));
    let crossed = check_with(EN_SECTIONS, IT_SECTIONS, &[a.clone(), b.clone()]);
    assert_eq!(shapes(&crossed[..1]), ["1 | -"]);
    assert!(crossed.contains(&"14 | 1 !".to_owned()), "{crossed:?}");
    assert!(!crossed.contains(&"1 | 7 !".to_owned()), "{crossed:?}");
    let crossed = check_with(EN_SECTIONS, IT_SECTIONS, &[b, a]);
    assert!(crossed.contains(&"1 | 7 !".to_owned()), "{crossed:?}");
    assert!(!crossed.contains(&"14 | 1 !".to_owned()), "{crossed:?}");
    // Reversed ranges are dropped, never a panic.
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = shape(&[(2..1, 0..1)]);
    assert_eq!(reversed, shape(&[]));
}

#[test]
fn any_fixed_rows_give_a_tiling_and_keep_the_usable_ones() {
    let (s, _) = parse(EN_SECTIONS);
    let (t, _) = parse(IT_SECTIONS);
    let (n, m) = (s.segments.len(), t.segments.len());
    // Every pair of small rows, in both orders: a deterministic sweep.
    let mut rows = Vec::new();
    for a in 0..=n {
        for b in a..=(a + 2).min(n) {
            for c in 0..=m {
                for d in c..=(c + 1).min(m) {
                    rows.push(FixedRow {
                        source: a..b,
                        target: c..d,
                    });
                }
            }
        }
    }
    for (k, x) in rows.iter().enumerate().step_by(3) {
        for y in rows.iter().skip(k % 7).step_by(11) {
            let fixed = [x.clone(), y.clone()];
            let a = align_with(&s, &t, &fixed);
            assert_tiles(&a, n, m);
            for f in fixed::usable(&fixed, n, m) {
                let found = a.rows.iter().any(|r| {
                    r.score == 1.0
                        && if f.source.is_empty() {
                            r.source.is_empty() && r.target == f.target
                        } else if f.target.is_empty() {
                            r.target.is_empty() && r.source == f.source
                        } else {
                            r.source == f.source && r.target == f.target
                        }
                });
                assert!(found, "{f:?} missing from {:?} (fixed {fixed:?})", a.rows);
            }
        }
    }
}

/// A page with no token found once on each side (the same paragraph
/// repeated) has no skeleton: the band must still stay linear, not become
/// the whole matrix (60,000 such paragraphs asked for 28 GB).
#[test]
fn the_band_stays_linear_without_a_skeleton() {
    let (n, m) = (20_000, 30_000);
    let band = super::make_band(n, m, &[]);
    let cells: usize = (0..=n).map(|i| band.hi[i] - band.lo[i] + 1).sum();
    assert!(
        cells <= (n + m + 2) * super::MAX_BAND_CELLS_PER_SEGMENT,
        "{cells} cells for {n}x{m}"
    );
    // Connected from corner to corner.
    assert_eq!((band.lo[0], band.hi[n]), (0, m));
    // With a skeleton, a jump between two points is still covered whole.
    let band = super::make_band(400, 400, &[(100, 100), (101, 300), (399, 399)]);
    assert!(
        band.lo[100] <= 100 && band.hi[100] >= 300,
        "{:?}",
        (band.lo[100], band.hi[100])
    );
}

/// A section moved far in the translation (beyond a crossed neighbour) is
/// found as a move: each of its blocks names its partner, every segment
/// stays in one row, and the links are the true ones; a block the
/// translation lacks stays unmatched.
#[test]
fn a_section_moved_far_is_found_as_a_move() {
    let en = "# Release notes\n\n\
        ## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) when the roster is empty.\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 adds message reactions and a new emoji picker for every chat.\n\n\
        Dino 0.5 brings encrypted calls between three people in a group.\n\n\
        Conversations 2.17.3 improves battery usage on Android with push.\n\n\
        ## Libraries\n\n\
        Slixmpp 1.8.6 supports the new `XEP-0461` message replies.\n\n\
        A paragraph the translation never had, about the sprint in Berlin.\n";
    let fr = "# Notes de version\n\n\
        ## Bibliothèques\n\n\
        Slixmpp 1.8.6 prend en charge les réponses `XEP-0461`.\n\n\
        ## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) quand la liste est vide.\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 ajoute les réactions aux messages et un sélecteur d'emoji.\n\n\
        Dino 0.5 apporte les appels chiffrés à trois dans un groupe.\n\n\
        Conversations 2.17.3 consomme moins de batterie sur Android grâce au push.\n";
    let (s, _) = parse(en);
    let (t, _) = parse(fr);
    let alignment = align(&s, &t);
    assert_tiles(&alignment, s.segments.len(), t.segments.len());
    let line = |doc: &Document, k: usize| doc.segments[k].lines.0;
    let mut links: Vec<(u32, u32)> = alignment
        .rows
        .iter()
        .flat_map(|r| r.links())
        .map(|(i, j)| (line(&s, i), line(&t, j)))
        .collect();
    links.sort();
    // English line 17 (Slixmpp) is French line 5, by a move, and its
    // heading "Libraries" (15) moved with it to French line 3, though no
    // anchor says so; the Berlin paragraph (19) has no translation.
    assert!(links.contains(&(17, 5)), "{links:?}");
    assert!(links.contains(&(15, 3)), "{links:?}");
    for (en_line, fr_line) in [(1, 1), (3, 7), (5, 9), (7, 11), (9, 13), (11, 15), (13, 17)] {
        assert!(links.contains(&(en_line, fr_line)), "{links:?}");
    }
    assert!(!links.iter().any(|&(i, _)| i == 19), "{links:?}");
    let moved: Vec<&Row> = alignment
        .rows
        .iter()
        .filter(|r| r.moved.is_some())
        .collect();
    assert!(moved.len() >= 2, "{:?}", alignment.rows);
    assert!(
        moved
            .iter()
            .all(|r| r.source.is_empty() || r.target.is_empty())
    );
}

/// Renders each row as `source-lines | target-lines` with `?` when it is
/// flagged for review.
fn check_flags(source: &str, target: &str) -> Vec<String> {
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let alignment = align(&s, &t);
    let rows = check(source, target);
    rows.into_iter()
        .zip(&alignment.rows)
        .map(|(text, row)| {
            if row.needs_review() {
                format!("{text} ?")
            } else {
                text
            }
        })
        .collect()
}

/// A section replaced since the translation (new English blocks where the
/// translation has others): the heading pair that shares nothing with its
/// partner and sits beside the skipped English blocks rests on position
/// alone and is flagged; the same kind of pair between two anchored pairs
/// is not.
#[test]
fn a_pair_resting_on_position_beside_a_skip_is_flagged() {
    let en = "## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        ## Labels\n\n\
        The tag label follows the status label in every entry we publish.\n\n\
        Apply tags sparingly, since too many of them dilute their meaning.\n\n\
        Only the maintainers may introduce new tags to the list below.\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 adds [reactions](https://gajim.org/post/2.1) to chats.\n";
    let fr = "## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        ## Catégorie\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 ajoute [les réactions](https://gajim.org/post/2.1) aux discussions.\n";
    assert_eq!(
        check_flags(en, fr),
        [
            "1 | 1", "3 | 3", "5 | 5 ?", "7 | -", "9 | -", "11 | -", "13 | 7", "15 | 9",
        ]
    );
}

/// A block left unmatched beside an unmatched block of the other side may
/// be its rewritten counterpart: both are flagged. A block dropped between
/// two sure pairs is not.
#[test]
fn unmatched_blocks_facing_each_other_are_flagged() {
    let en = "Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        A paragraph about the sprint in Berlin, written after the translation.\n\n\
        Gajim 2.1.0 adds [reactions](https://gajim.org/post/2.1) to chats.\n\n\
        {{< newsletter-subscribe >}}\n";
    let fr = "Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        Gajim 2.1.0 ajoute [les réactions](https://gajim.org/post/2.1) aux discussions.\n\n\
        Abonnez-vous à la lettre d'information mensuelle depuis notre site.\n";
    assert_eq!(
        check_flags(en, fr),
        ["1 | 1", "3 | -", "5 | 3", "- | 5 ?", "7 | - ?"]
    );
}

/// A section dropped by the translator: the next heading pair shares no
/// word with its partner and follows the skipped English blocks, but the
/// section it opens aligns on evidence of its own, which confirms it.
#[test]
fn a_heading_after_a_dropped_section_is_confirmed_by_its_section() {
    let en = "## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        ## Last call\n\n\
        The following last call is open until the end of the month.\n\n\
        Send your feedback to the standards list before it closes.\n\n\
        ## Help us write\n\n\
        Open the [shared draft](https://pad.example.org/draft) and add your news.\n";
    let fr = "## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        ## Aidez-nous à écrire\n\n\
        Ouvrez le [brouillon partagé](https://pad.example.org/draft) et ajoutez vos nouvelles.\n";
    assert_eq!(
        check_flags(en, fr),
        [
            "1 | 1", "3 | 3", "5 | -", "7 | -", "9 | -", "11 | 5", "13 | 7"
        ]
    );
}

/// A section the English replaced since the translation (a label renamed,
/// its list of values changed): under a doubtful heading pair, most rows are
/// one-sided or doubtful, so the look-alike pairs left in it (a value that
/// reads the same in both lists, the entry template) translate nothing: the
/// whole section is unpaired, each side's blocks one-sided rows.
#[test]
fn look_alike_pairs_of_a_replaced_section_are_unpaired() {
    let en = "## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        ## Tags\n\n\
        The tag label follows the status label in every entry we publish.\n\n\
        Apply tags sparingly, since too many of them dilute their meaning.\n\n\
        - application\n\
        - networking\n\
        - property\n\
        - security\n\n\
        ```md\n---\ntitle: Template\ntags: [\"tag 1\"]\n---\n```\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 adds [reactions](https://gajim.org/post/2.1) to chats.\n";
    let fr = "## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        ## Catégorie\n\n\
        - Technologie\n\
        - Property\n\
        - Concept\n\n\
        ```md\n---\ntitle: Modèle\ncategory: Concept\n---\n```\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 ajoute [les réactions](https://gajim.org/post/2.1) aux discussions.\n";
    let rows = check_flags(en, fr);
    // Every block between the two headings is alone in its row, the
    // headings too.
    let section: Vec<&String> = rows
        .iter()
        .skip_while(|r| !r.starts_with("5 |"))
        .take_while(|r| !r.starts_with("23 |"))
        .collect();
    assert!(section.len() >= 12, "{rows:?}");
    for row in &section {
        assert!(row.contains("| -") || row.starts_with("- |"), "{rows:?}");
    }
    // `property` beside `Property`, and the templates, are not even taken
    // for a move: they sit at the same place.
    for lone in [
        "5 | - ?", "- | 5 ?", "13 | - ?", "- | 8 ?", "17 | - ?", "- | 12 ?",
    ] {
        assert!(rows.contains(&lone.to_owned()), "{lone}: {rows:?}");
    }
    // The sections around it are not.
    assert_eq!(&rows[..2], ["1 | 1", "3 | 3"]);
    assert_eq!(rows.last().map(String::as_str), Some("25 | 20"));
}

/// A replaced section too short to tell from a freely worded translation
/// (its heading and three blocks) keeps its pairs, flagged for review.
#[test]
fn a_short_replaced_section_is_flagged_not_unpaired() {
    let en = "## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        ## Tags\n\n\
        The tag label follows the status label in every entry we publish.\n\n\
        Apply tags sparingly, since too many of them dilute their meaning.\n\n\
        - property\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 adds [reactions](https://gajim.org/post/2.1) to chats.\n";
    let fr = "## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        ## Catégorie\n\n\
        - Property\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 ajoute [les réactions](https://gajim.org/post/2.1) aux discussions.\n";
    let rows = check_flags(en, fr);
    assert_eq!(
        rows,
        [
            "1 | 1", "3 | 3", "5 | 5 ?", "7 | -", "9 | -", "11 | 7 ?", "13 | 9", "15 | 11"
        ]
    );
}

/// The same heading pair, doubtful, over a section whose blocks pair on
/// evidence of their own: those pairs stay unflagged.
#[test]
fn a_doubtful_heading_over_sure_pairs_leaves_them_alone() {
    let en = "## Servers\n\n\
        Prosody 13.0.2 fixes [a crash](https://prosody.im/issue/1888) today.\n\n\
        ## News of the month\n\n\
        Movim 0.29 ships [a new theme](https://movim.eu/news/0.29) for 2025.\n\n\
        Dino 0.5.0 adds [audio calls](https://dino.im/blog/0.5) on Windows.\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 adds [reactions](https://gajim.org/post/2.1) to chats.\n";
    let fr = "## Serveurs\n\n\
        Prosody 13.0.2 corrige [un plantage](https://prosody.im/issue/1888) aujourd'hui.\n\n\
        ## Ce mois-ci\n\n\
        Movim 0.29 publie [un nouveau thème](https://movim.eu/news/0.29) pour 2025.\n\n\
        Dino 0.5.0 ajoute [les appels audio](https://dino.im/blog/0.5) sous Windows.\n\n\
        ## Clients\n\n\
        Gajim 2.1.0 ajoute [les réactions](https://gajim.org/post/2.1) aux discussions.\n";
    let rows = check_flags(en, fr);
    assert!(rows.contains(&"7 | 7".to_owned()), "{rows:?}");
    assert!(rows.contains(&"9 | 9".to_owned()), "{rows:?}");
}

/// Two English blocks left unmatched side by side (an intro and a list
/// item) that the translation wrote as one paragraph with the next block:
/// each is doubtful when taking the whole run into that pair would cost
/// little more (the margin counted per block), however sure each looks
/// alone; a run the pair could not take in stays sure.
#[test]
fn a_run_of_unmatched_blocks_beside_a_merge_is_flagged() {
    let en = "## How it helps\n\n\
        Organizations can use cloud computing to rent compute, storage and network capabilities.\n\n\
        - It removes the delays and expenses of establishing and operating facilities.\n\
        - Organizations can [scale](https://example.org/scalability/) up and down quickly.\n";
    let it = "## In che modo aiuta\n\n\
        Le organizzazioni noleggiano capacità di calcolo, storage e rete, senza i ritardi e le spese \
        delle strutture proprie, e possono [scalare](https://example.org/scalability/) rapidamente.\n";
    // The intro and the first item left out, the second item paired.
    let (before, after) = flags_in_context(
        en,
        it,
        &[(0..1, 0..1), (1..2, 1..1), (2..3, 1..1), (3..4, 1..2)],
    );
    assert_eq!(
        (before[1..3].to_vec(), after[1..3].to_vec()),
        (vec![false, false], vec![true, true])
    );
    // With a heading between them and the pair, no merge can take them.
    let en = en.replace("- Organizations", "## Scale\n\n- Organizations");
    let it = it.replace("Le organizzazioni", "## Scala\n\nLe organizzazioni");
    let rows = [
        (0..1, 0..1),
        (1..2, 1..1),
        (2..3, 1..1),
        (3..4, 1..2),
        (4..5, 2..3),
    ];
    let (before, after) = flags_in_context(&en, &it, &rows);
    assert_eq!(before[1..3], after[1..3]);
}

/// Which of the given rows of two texts are flagged for review on their own
/// evidence, then after [`Ctx::weigh_context`] has weighed their context.
fn flags_in_context(
    source: &str,
    target: &str,
    rows: &[(Range<usize>, Range<usize>)],
) -> (Vec<bool>, Vec<bool>) {
    let (s, _) = parse(source);
    let (t, _) = parse(target);
    let (sp, tp) = (Prepared::of(&s), Prepared::of(&t));
    let (sf, tf) = (Features::of(&sp.segs), Features::of(&tp.segs));
    let weights = Weights::new(&sf, &tf);
    let forced = Forced::default();
    let ctx = Ctx::new(&sf, &tf, &weights, &forced);
    let mut rows: Vec<Row> = rows
        .iter()
        .map(|(source, target)| {
            let mut r = Row {
                source: source.clone(),
                target: target.clone(),
                score: 0.0,
                crossed: false,
                moved: None,
            };
            r.score = ctx.confidence(&r);
            r
        })
        .collect();
    let before = rows.iter().map(Row::needs_review).collect();
    ctx.weigh_context(&mut rows);
    (before, rows.iter().map(Row::needs_review).collect())
}

/// A translated block with no heading of its own before it stays in the
/// section of the blocks before it: when the English opens a section the
/// translation lacks (added since), the block pairs with the English block
/// of its own section, not with one of the new section that only position
/// and length favour; a pair with evidence of its own is kept.
#[test]
fn a_block_stays_in_its_section_when_the_english_adds_one() {
    let en = "## Getting started\n\n\
        Start with a shared doc.\n\n\
        Before getting started, please read the published definitions to see how the writing should sound and feel today.\n\n\
        ## Sign language videos\n\n\
        If you are contributing a sign language video, follow this guide, record with good lighting and a plain background wall.\n";
    let it = "## Per iniziare\n\n\
        Inizia con un documento condiviso.\n\n\
        Ultimo suggerimento redazionale: leggi qualche voce già pubblicata per capire il tono da usare nelle nuove voci del glossario.\n";
    assert_eq!(check(en, it), ["1 | 1", "3 | 3", "5 | 5", "7 | -", "9 | -"]);
    // A translation without the English's headings: the same pairs.
    let flat = it.replace("## Per iniziare\n\n", "");
    assert_eq!(
        check(en, &flat),
        ["1 | -", "3 | 1", "5 | 3", "7 | -", "9 | -"]
    );
    // The same block with a link both sides share is its pair.
    let it = it.replace("qualche voce", "[qualche voce](https://example.org/videos)");
    let en = en.replace(
        "follow this guide",
        "follow [this guide](https://example.org/videos)",
    );
    assert_eq!(
        check(&en, &it),
        ["1 | 1", "3 | 3", "5 | -", "7 | -", "9 | 5"]
    );
}

/// A Chinese page is about half as long as its English, except for what it
/// keeps as it is: code blocks and lists of links. Those must not set the
/// length ratio of its prose, or every translated item looks too short for
/// its English and the list falls apart into unmatched rows.
#[test]
fn chinese_prose_is_weighed_by_its_own_length_not_by_kept_blocks() {
    let mut en = String::from(
        "# Release 2.4\n\nThis release brings faster scheduling for large training jobs, better isolation between tenants and many fixes contributed by the community over the last three months.\n\n## Highlights\n\n",
    );
    let mut zh = String::from(
        "# 2.4 版本发布\n\n本次发布为大规模训练任务带来更快的调度、更好的租户隔离，以及社区在过去三个月贡献的大量修复。\n\n## 亮点\n\n",
    );
    let items = [
        (
            "**Topology-aware placement (Alpha):** Places the workers of one distributed training job close to each other in the data-centre network, which cuts the traffic that has to cross switches and shortens each step.",
            "**拓扑感知放置（Alpha）：** 将同一分布式训练作业的工作节点放在网络中彼此靠近的位置，减少跨交换机流量。",
        ),
        (
            "**Queue quotas across clusters:** Lets administrators limit what each tenant may use in every member cluster at once, from one place, instead of editing every cluster by hand.",
            "**跨集群队列配额：** 管理员可在一处统一限制每个租户在所有成员集群中的资源用量。",
        ),
        (
            "**Device sharing:** Adds support for splitting one accelerator between several pods.",
            "**设备共享：** 支持多个 Pod 共享一个加速器。",
        ),
        (
            "**Safer defaults:** Turns on stricter access control for the controller, drops the capabilities it never needs and runs every component as a user without privileges.",
            "**更安全的默认值：** 启用更严格的访问控制，移除多余权限，并以非特权用户运行各组件。",
        ),
        (
            "**Fewer webhook calls:** Skips the validation requests that cannot change the outcome, which helps busy clusters with thousands of pods a minute.",
            "**更少的 Webhook 调用：** 跳过不会改变结果的校验请求，减轻繁忙集群的负担。",
        ),
        (
            "**Gang scheduling for any workload:** Lets a deployment or a stateful set ask for a minimum number of members started together, through one annotation, with no change to its controller.",
            "**通用工作负载的 Gang 调度：** 通过一个注解即可为 Deployment 或 StatefulSet 指定最少同时启动的成员数。",
        ),
        (
            "**Workflow improvements:** Makes the built-in workflow engine more robust.",
            "**工作流改进：** 内置工作流引擎更加健壮。",
        ),
        (
            "And many smaller fixes for stability and ease of use.",
            "以及更多稳定性与易用性方面的小修复。",
        ),
    ];
    for (e, z) in items {
        en.push_str(&format!("* {e}\n"));
        zh.push_str(&format!("* {z}\n"));
    }
    let code = "```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train-42\nspec:\n  parallelism: 8\n  template:\n    spec:\n      containers:\n      - name: worker\n        image: example.org/train:2.4.1\n```\n";
    en.push_str(&format!(
        "\nUse it like this:\n\n{code}\n## Pull requests\n\n"
    ));
    zh.push_str(&format!("\n用法如下：\n\n{code}\n## 合并请求\n\n"));
    for n in 4100..4112 {
        let url = format!("https://github.com/example/sched/pull/{n}");
        let item = format!("* [{url}]({url})\n");
        en.push_str(&item);
        zh.push_str(&item);
    }
    let (s, _) = parse(&en);
    let (t, _) = parse(&zh);
    assert_eq!(s.segments.len(), t.segments.len());
    let alignment = align(&s, &t);
    assert_tiles(&alignment, s.segments.len(), t.segments.len());
    let one_to_one: Vec<(usize, usize)> = alignment
        .rows
        .iter()
        .filter(|r| r.source.len() == 1 && r.target.len() == 1)
        .map(|r| (r.source.start, r.target.start))
        .collect();
    let expected: Vec<(usize, usize)> = (0..s.segments.len()).map(|k| (k, k)).collect();
    assert_eq!(one_to_one, expected);
}

/// A Chinese translation that writes the English's code spans as plain
/// text (`名为test的queue`), sets field names out as list items where the
/// English has headings, and glues names to Chinese words: each field and
/// its description still pair one to one, and none needs review.
#[test]
fn chinese_names_without_backticks_pair_with_their_code() {
    let fields = [
        (
            "schedulerName",
            "indicates the scheduler that will place the pods of the job; it is `volcano` unless set to `default-scheduler`.",
            "表示该作业的 pod 所使用的调度器，默认为volcano，也可指定为default-scheduler。",
        ),
        (
            "minAvailable",
            "is the least number of pods that must run before the job counts as running; until then it stays `pending`.",
            "表示运行该作业所需的最少 pod 数量，在此之前作业处于pending状态。",
        ),
        (
            "maxRetry",
            "is how many times the job may be restarted before it is marked `failed`.",
            "表示作业在被标记为failed之前可重启的最大次数。",
        ),
        (
            "priorityClassName",
            "sets the priority of the job, used when the scheduler must preempt other jobs.",
            "表示作业的优先级，在抢占调度时使用。",
        ),
    ];
    let mut en = String::from("# Job\n\n## Key Fields\n\n");
    let mut zh = String::from("# Job\n\n## 关键字段\n\n");
    for (name, en_text, zh_text) in fields {
        en.push_str(&format!("### {name}\n\n`{name}` {en_text}\n\n"));
        zh.push_str(&format!("* {name}\n\n{name}{zh_text}\n\n"));
    }
    en.push_str("## Usage\n\n### minAvailable\n\nSome training jobs can go on once most of their workers run: set `minAvailable` for them.\n");
    zh.push_str("## 使用场景\n\n* minAvailable的使用\n\n某些训练作业只要大部分工作节点运行即可继续，这时适合设置minAvailable。\n");
    let (s, _) = parse(&en);
    let (t, _) = parse(&zh);
    assert_eq!(s.segments.len(), t.segments.len());
    let alignment = align(&s, &t);
    assert_tiles(&alignment, s.segments.len(), t.segments.len());
    let rows: Vec<(Vec<usize>, Vec<usize>, bool)> = alignment
        .rows
        .iter()
        .map(|r| {
            (
                r.source.clone().collect(),
                r.target.clone().collect(),
                r.needs_review(),
            )
        })
        .collect();
    let expected: Vec<(Vec<usize>, Vec<usize>, bool)> = (0..s.segments.len())
        .map(|k| (vec![k], vec![k], false))
        .collect();
    // The last heading (`minAvailable` against `minAvailable的使用`) is a
    // title the translation reworded: paired, but worth a look.
    let last_title = s.segments.len() - 2;
    let mut expected = expected;
    expected[last_title].2 = rows[last_title].2;
    assert_eq!(rows, expected);
}

#[test]
fn words_split_only_where_chinese_japanese_or_korean_meets_another_script() {
    fn split(w: &str) -> Vec<&str> {
        split_scripts(w).collect()
    }
    assert_eq!(split("minMember的使用"), ["minMember", "的使用"]);
    assert_eq!(split("使用Helm安装"), ["使用", "Helm", "安装"]);
    assert_eq!(split("développement"), ["développement"]);
    assert_eq!(split("Привет"), ["Привет"]);
    // Names in Chinese text count whatever their shape; in Latin text only
    // identifier-shaped ones do, and never the segment's own code.
    let code = [hash(2, "volcano")];
    let zh = plain_names("默认为volcano，也可指定为default-scheduler。", &[]);
    assert_eq!(
        zh,
        sorted(&[hash(2, "volcano"), hash(2, "default-scheduler")])
    );
    let en = plain_names(
        "Set schedulerName to volcano for the v1.2 scheduler.",
        &code,
    );
    assert_eq!(en, sorted(&[hash(2, "schedulerName"), hash(2, "v1.2")]));
    // Words are counted, not letters: one Cyrillic word is one, like one
    // Latin word, and two Latin names do not outweigh eight ideographs.
    let ru = plain_names("Задайте параметр scheduler для планировщика.", &[]);
    assert_eq!(ru, [hash(2, "scheduler")]);
    let fr = plain_names("Définissez le scheduler à volcano.", &[]);
    assert_eq!(fr, Vec::<u64>::new());
}

fn sorted(v: &[u64]) -> Vec<u64> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

#[test]
fn a_linked_item_the_translation_never_links_to_is_not_its_own_item() {
    // The translators replaced the second rule of a list of links with one
    // of their own, without a link: each stays alone.
    let en = "1. [Avoid jargon](https://a.example/jargon)\n2. [Omit contractions](https://a.example/contractions)\n3. [Prefer the active voice](https://a.example/active)\n4. Be concise\n";
    let it = "1. [Evita il gergo](https://a.example/jargon)\n2. Fai attenzione alla punteggiatura\n3. [Prediligi la forma attiva](https://a.example/active)\n4. Sii conciso\n";
    assert_eq!(check(en, it), ["1 | 1", "- | 2", "2 | -", "3 | 3", "4 | 4"]);
    // A block that only mentions a link may lose it in translation: it is
    // paired by its place.
    let en = "# Notes\n\nThe library stays open until eight. See [the notes](https://n.example/0).\n\nMembers vote every spring. See [the notes](https://n.example/1).\n\nThe meeting is upstairs. See [the notes](https://n.example/2).\n";
    let fr = "# Notes\n\nLa bibliothèque ferme à huit heures.\n\nLes membres votent au printemps. Voir [les notes](https://n.example/1).\n\nLa réunion est en haut. Voir [les notes](https://n.example/2).\n";
    assert_eq!(check(en, fr), ["1 | 1", "3 | 3", "5 | 5", "7 | 7"]);
    // With fewer than two links in common, the translation may not keep
    // links at all: the item is paired by its place.
    let en = "1. Avoid jargon\n2. [Omit contractions](https://a.example/contractions)\n3. Prefer the active voice\n";
    let it =
        "1. Evita il gergo\n2. Fai attenzione alla punteggiatura\n3. Prediligi la forma attiva\n";
    assert_eq!(check(en, it), ["1 | 1", "2 | 2", "3 | 3"]);
}

#[test]
fn an_item_added_beside_a_translated_item_is_not_merged_into_it() {
    // Items of a list kept a list are translated one by one: the item the
    // translators added after the second is theirs, not half of it.
    let en = "- [Use the passive voice sparingly](https://a.example/passive)\n- [Phrase statements in a positive form](https://a.example/positive)\n- Do not exaggerate\n- Avoid repetition\n";
    let it = "- [Prediligi la forma attiva](https://a.example/passive)\n- [Utilizza la forma affermativa](https://a.example/positive)\n- Non eccedere con le parentesi\n- Non esagerare\n- Evita le ripetizioni\n";
    let rows = check(en, it);
    assert!(rows.contains(&"2 | 2".to_owned()), "{rows:?}");
    assert!(!rows.iter().any(|r| r.ends_with("2,3")), "{rows:?}");
    // Two items that each share a name with the one they were made into
    // are one row with it.
    let en = "- Install `loomctl` with [Homebrew](https://brew.example/loomctl) on macOS\n- Run `loomctl init --site` in the folder of your project\n- Open [the guide](https://loom.example/guide) to go further\n";
    let it = "- Installa `loomctl` con [Homebrew](https://brew.example/loomctl) ed esegui `loomctl init --site` nella cartella del progetto\n- Apri [la guida](https://loom.example/guide) per andare oltre\n";
    assert_eq!(check(en, it), ["1,2 | 1", "3 | 2"]);
    // Items that were one paragraph in the version translated are still
    // made one row with it.
    let en = "# Help\n\nOrganizations rent computing resources on demand. This has two advantages:\n\n- No delays for new infrastructure, organizations concentrate on their business.\n- Organizations [scale](https://a.example/scale) their resources with demand.\n";
    let it = "# Aiuto\n\nLe organizzazioni noleggiano risorse on-demand. Questo ha due vantaggi: le organizzazioni si concentrano sul loro business senza infrastrutture nuove, e possono [scalare](https://a.example/scale) le risorse con la domanda.\n";
    assert_eq!(check(en, it), ["1 | 1", "3,5,6 | 3"]);
}

#[test]
fn word_stems_are_compared_without_accents_and_written_addresses_are_links() {
    assert_eq!(
        "éèêëàâäçîïôöùûüÿñåøłşžőœ"
            .chars()
            .map(fold_latin)
            .collect::<String>(),
        "eeeeaaaciioouuuynaolszoo"
    );
    let features = |text: &str| {
        let (doc, _) = parse(text);
        seg_features(&doc.segments[0])
    };
    let (fr, en) = (
        features("Les sauts de ligne sémantiques facilitent la revue."),
        features("Semantic line breaks ease review."),
    );
    assert!(
        fr.words.iter().any(|w| en.words.contains(w)),
        "séman = seman"
    );
    // A link the Markdown does not make one still names its address.
    let (broken, link) = (
        features("Consultez notre [Flux RSS] (https://x.example/feed.xml)."),
        features("Check out our [RSS Feed](https://x.example/feed.xml)."),
    );
    assert_eq!(broken.links, link.links);
    assert!(!broken.links.is_empty());
    // A block that is a link, and one that mentions one.
    assert!(features("[Omit contractions](https://a.example/c)").link_only);
    assert!(!features("Also check out our [RSS Feed](https://x.example/f).").link_only);
}

#[test]
fn three_short_paragraphs_made_one_long_one_are_one_row() {
    // Each English paragraph is too short for the long Italian one, and
    // its words are found all over the page, so no single pair is decent;
    // the three together are a sure row.
    let words = "kernel Linux applications hardware modules system";
    let en = format!(
        "# Kernel\n\nThe kernel of a Linux system runs small programs safely, without changing the source code of the kernel or loading modules.\n\nA Linux system has a kernel space and a user space, and only the kernel has unlimited access.\n\nApplications ask the kernel for access to the hardware when they need higher permissions.\n\n## More\n\nMore on the {words}.\n\n## Again\n\nAgain the {words}.\n"
    );
    let it = format!(
        "# Kernel\n\nIl kernel di un sistema Linux esegue piccoli programmi in modo sicuro, senza modificare il codice sorgente del kernel né caricare moduli. Un sistema Linux ha uno spazio kernel e uno spazio utente, e solo il kernel ha accesso illimitato. Le applicazioni chiedono al kernel l'accesso all'hardware quando necessitano di permessi più elevati.\n\n## Altro\n\nAltro sul {words}.\n\n## Ancora\n\nAncora il {words}.\n"
    );
    assert_eq!(
        check(&en, &it),
        ["1 | 1", "3,5,7 | 3", "9 | 5", "11 | 7", "13 | 9", "15 | 11"]
    );
}

/// Two English paragraphs that an older translation wrote as one (their
/// sentences in the other order), before a paragraph of its own the English
/// no longer has: the second English paragraph joins the merged row by the
/// words it shares with it, not the unrelated last paragraph by its place.
#[test]
fn weak_pair_block_joins_the_row_its_words_are_in() {
    let en = "Caching is a technique that keeps the results of expensive work close to where they are needed.\n\n\
Web applications are measured by response latency, throughput, error rates and resource usage, including memory and network bandwidth per request.\n\n\
Cached systems return answers quickly to their users, allowing them to reach good outcomes (shorter waits, lower server load) and fewer outages.\n\n\
Consequently, how well a system caches will significantly affect its operating and hosting costs.\n";
    let it = "## Cos'è\n\nLa memorizzazione nella cache è la capacità di conservare i risultati di elaborazioni costose vicino a dove servono.\n\n\
## Quali problemi risolve\n\n\
Le applicazioni web vengono misurate in base alla latenza di risposta, al throughput, al tasso di errori e all'uso delle risorse.\n\n\
La cache di un sistema ha un impatto significativo sui suoi costi operativi e di hosting.\n\
I sistemi con cache restituiscono risposte rapide agli utenti, consentendo loro di ottenere buoni risultati (attese più brevi, carico ridotto sui server) e meno interruzioni.\n\n\
## Come aiuta\n\n\
È importante capire che conservare più dati non rende sempre più veloce un'applicazione: a volte la quantità di dati conservati rende più difficile trovare quelli giusti al momento giusto.\n";
    assert_eq!(
        check(en, it),
        [
            "- | 1", "1 | 3", "- | 5", "3 | 7", "5,7 | 9", "- | 12", "- | 14"
        ]
    );
}

/// A label after a list, paired by its place with a block that shares
/// little with it, stays paired: a block of another kind than the row's
/// (a paragraph after the list item) was not written into it.
#[test]
fn weak_pair_block_of_another_kind_stays() {
    let en = "Each run has a status and a phase: the status tells how it ended, the phase where it is.\n\nA client reads the status of a run from its events.\n\n- **Partial update** (from `StepDone`): `phase` only.\n- **Final update** (from `RunDone`): `status` and final `phase`, with error fields on failures.\n\n**Final status mapping**\n\n| a | b |\n|---|---|\n| x | y |\n";
    let ja = "各実行には status と phase があります。status は終わり方を、phase は現在地を示します。\n\nクライアントはイベントから実行の status を読み取ります。\n\n- **部分更新**（`StepDone`）: `phase` のみ。\n- **最終更新**（`RunDone`）: `status` と最終 `phase`。失敗時はエラー情報を含みます。\n\n**最終 status のマッピング**\n\n| a | b |\n|---|---|\n| x | y |\n";
    assert_eq!(
        check(en, ja),
        [
            "1 | 1", "3 | 3", "5 | 5", "6 | 6", "8 | 8", "10 | 10", "10 | 10", "12 | 12", "12 | 12"
        ]
    );
}

#[test]
fn table_cells_follow_their_row() {
    // The English added the `beta` and `gamma` rows since; their `true`
    // looks like the `alpha` row's, and descriptions in Japanese share no
    // word with the English: the row's key says which row each cell is in.
    let en = "| Name | Default | Description |\n|---|---|---|\n\
        | `alpha` | `true` | Whether images are marked for lazy loading. |\n\
        | `beta` | `true` | Whether images are written in the smaller format. |\n\
        | `gamma` | `true` | Whether the quick link library is included. |\n\
        | `delta` | _Not set_ | How robots should handle the site. |\n\
        | `epsilon` | `false` | Whether the search is shown. |\n";
    let ja = "| 名前 | 既定値 | 説明 |\n|---|---|---|\n\
        | `alpha` | `true` | ブラウザが遅延ロードするように画像をマークするかどうか。 |\n\
        | `delta` | _Not set_ | ロボットがサイトをどのように扱うべきか。 |\n\
        | `epsilon` | `false` | 検索を表示するかどうか。 |\n";
    let rows = check(en, ja);
    // Cells are segments; `3 | 3` is a row 3 cell paired with a row 3 cell.
    let row3: Vec<&String> = rows.iter().filter(|r| r.starts_with("3 |")).collect();
    assert_eq!(row3, ["3 | 3", "3 | 3", "3 | 3"], "{rows:#?}");
    for line in ["4 |", "5 |"] {
        let added: Vec<&String> = rows.iter().filter(|r| r.starts_with(line)).collect();
        assert!(added.iter().all(|r| r.ends_with("| -")), "{rows:#?}");
    }
}

/// A heading's explicit `{#id}` is kept by its translations: the heading
/// the translation gives that id is its partner, found where it is (a
/// section the translation has in another order), and a heading the
/// translation lacks is not paired by its place with another id's heading.
#[test]
fn explicit_heading_ids_pair_their_headings_and_no_others() {
    let en = "# Setup\n\n## Node.js {#node}\n\nInstall the current long-term release of Node.js.\n\n\
              ## PostgreSQL {#postgresql}\n\nCreate a database user for the service before the first start.\n\n\
              ## System packages {#packages}\n\nInstall the libraries the service links against.\n\n\
              ## Yarn {#yarn}\n\nEnable the package manager so that the right version is used.\n";
    let ja = "# セットアップ\n\n## Node.js {#node}\n\nNode.js の現在の長期サポート版をインストールします。\n\n\
              ## パッケージマネージャー {#yarn}\n\n正しいバージョンが使われるように、パッケージマネージャーを有効にします。\n\n\
              ## システムパッケージ {#packages}\n\nサービスがリンクするライブラリをインストールします。\n";
    let (s, _) = parse(en);
    let (t, _) = parse(ja);
    let a = align(&s, &t);
    assert_tiles(&a, s.segments.len(), t.segments.len());
    let at = |doc: &Document, line: u32| {
        doc.segments
            .iter()
            .position(|x| x.lines.0 == line)
            .expect("a segment on that line")
    };
    let row_of = |i: usize| a.rows.iter().find(|r| r.source.contains(&i)).unwrap();
    // `{#postgresql}` is not in the translation: left alone.
    assert!(row_of(at(&s, 7)).target.is_empty());
    // `{#packages}` pairs in place, `{#yarn}` is found as a move.
    assert_eq!(row_of(at(&s, 11)).target, at(&t, 11)..at(&t, 11) + 1);
    assert_eq!(row_of(at(&s, 15)).moved, Some(at(&t, 7)));
}
