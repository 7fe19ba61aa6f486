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
        &Weights::new(&Features::of(&s.segments), &Features::of(&t.segments)).unique_pairs,
    );
    let cells: usize = band.offset.last().unwrap() + band_row_len(&band, s.segments.len());
    assert!(
        cells < 200 * s.segments.len(),
        "band is not linear: {cells} cells"
    );
}
