//! Alignment corrections: rows a translator fixed by hand when the automatic
//! alignment was wrong.
//!
//! The file `.trame-align` sits beside `.trame-reviews` in the content
//! directory and follows the same rules: committed with the content, one
//! tab-separated record per line, sorted and deduplicated, a version header,
//! never rewritten when its records did not change, written atomically.
//!
//! A record names segments by fingerprint, not by index, so it survives
//! edits elsewhere in the page: `page lang source target`, each side a
//! comma-separated list of consecutive segment fingerprints or `-` for none.
//! For example (tabs between the four fields)
//! `news.md fr 0f3c…51a2,9a0b…11e4 77c1…0b3e` says that the two English
//! segments form one row with the French one, and `news.md fr - 5d2e…c3a1`
//! that this French segment has no English. When a side's text changes
//! (the English is rewritten, or a translator edits the translation), the
//! record no longer resolves and is ignored: the correction lapses with the
//! text it was made for, and the automatic alignment takes over again.

use std::ops::Range;
use std::path::Path;

use crate::align::FixedRow;
use crate::segment::{Document, Fingerprint};
use crate::store::StoreError;

/// The file name of the alignment corrections, in each content directory.
pub const FILE_NAME: &str = ".trame-align";

const HEADER: &str = "# trame alignment corrections, format 1. One record per line:\n# page\tlang\tsource fingerprints\ttarget fingerprints\n";
const VERSION_PREFIX: &str = "# trame alignment corrections, format ";

/// One correction: these consecutive source segments and these consecutive
/// target segments form exactly one alignment row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Correction {
    /// The source page's file name, relative to the corrections file.
    pub page: String,
    /// The translation's language.
    pub lang: String,
    /// Fingerprints of the source segments, in order (empty for none).
    pub source: Vec<Fingerprint>,
    /// Fingerprints of the target segments, in order (empty for none).
    pub target: Vec<Fingerprint>,
}

impl Correction {
    /// Returns the correction making `source[si]` and `target[tj]` one row.
    pub fn of_row(
        page: &str,
        lang: &str,
        source: &Document,
        si: Range<usize>,
        target: &Document,
        tj: Range<usize>,
    ) -> Correction {
        let fps = |doc: &Document, r: Range<usize>| -> Vec<Fingerprint> {
            doc.segments
                .get(r)
                .map(|segs| segs.iter().map(|s| s.fingerprint()).collect())
                .unwrap_or_default()
        };
        Correction {
            page: page.to_owned(),
            lang: lang.to_owned(),
            source: fps(source, si),
            target: fps(target, tj),
        }
    }

    /// Returns true when both corrections are about the same page and
    /// language and share a segment text on either side.
    fn overlaps(&self, other: &Correction) -> bool {
        let shares = |a: &[Fingerprint], b: &[Fingerprint]| a.iter().any(|x| b.contains(x));
        self.page == other.page
            && self.lang == other.lang
            && (shares(&self.source, &other.source) || shares(&self.target, &other.target))
    }
}

/// Parses the corrections in `text`, read from `path` (for error messages).
pub fn parse(path: &Path, text: &str) -> Result<Vec<Correction>, StoreError> {
    let mut out = Vec::new();
    for (line, fields) in super::record_lines(path, text, VERSION_PREFIX, 1)? {
        let bad = |message: &str| super::parse_error(path, line, message);
        let [page, lang, source, target] = fields[..] else {
            return Err(bad("expected four tab-separated fields"));
        };
        if page.is_empty() || lang.is_empty() {
            return Err(bad("the page and the language must not be empty"));
        }
        let side = |s: &str| -> Result<Vec<Fingerprint>, StoreError> {
            if s == "-" {
                return Ok(Vec::new());
            }
            s.split(',')
                .map(|fp| {
                    if fp.len() != 16 {
                        return Err(bad("a fingerprint is not 16 hex digits"));
                    }
                    u64::from_str_radix(fp, 16)
                        .map(Fingerprint)
                        .map_err(|_| bad("a fingerprint is not 16 hex digits"))
                })
                .collect()
        };
        let (source, target) = (side(source)?, side(target)?);
        if source.is_empty() && target.is_empty() {
            return Err(bad("a correction needs a segment on at least one side"));
        }
        out.push(Correction {
            page: page.to_owned(),
            lang: lang.to_owned(),
            source,
            target,
        });
    }
    Ok(out)
}

/// Renders corrections: the header, then one sorted, deduplicated line each.
pub fn render(records: &[Correction]) -> String {
    let mut sorted = records.to_vec();
    sorted.sort();
    sorted.dedup();
    let side = |fps: &[Fingerprint]| {
        if fps.is_empty() {
            "-".to_owned()
        } else {
            fps.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        }
    };
    let mut out = String::from(HEADER);
    for r in sorted {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            r.page,
            r.lang,
            side(&r.source),
            side(&r.target)
        ));
    }
    out
}

/// Loads the corrections of a directory (none when the file does not exist).
pub fn load(dir: &Path) -> Result<Vec<Correction>, StoreError> {
    let path = dir.join(FILE_NAME);
    super::read_file(&path)?.map_or(Ok(Vec::new()), |text| parse(&path, &text))
}

/// Adds corrections to a directory's file, first removing older ones of the
/// same page and language that share a segment with a new one (the new rows
/// replace them); returns false when nothing changed (the file is then not
/// touched). Records that cannot be written as one line are refused.
pub fn add(dir: &Path, new: &[Correction]) -> Result<bool, StoreError> {
    let path = dir.join(FILE_NAME);
    if let Some(r) = new
        .iter()
        .find(|r| r.page.contains(['\t', '\n', '\r']) || r.lang.contains(['\t', '\n', '\r']))
    {
        let message = format!(
            "{:?} cannot be recorded: it holds a tab or a line break",
            r.page
        );
        return Err(StoreError::Io {
            path,
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, message),
        });
    }
    let old_text = super::read_file(&path)?;
    let old = match &old_text {
        Some(text) => parse(&path, text)?,
        None => Vec::new(),
    };
    let mut records: Vec<Correction> = old
        .into_iter()
        .filter(|r| !new.iter().any(|n| n.overlaps(r)))
        .collect();
    records.extend(
        new.iter()
            .filter(|r| !(r.source.is_empty() && r.target.is_empty()))
            .cloned(),
    );
    super::replace_file(&path, old_text.as_deref(), &render(&records))
}

/// Returns the fixed rows of the corrections of `page` in `lang`, in record
/// order, as segment indices of the current documents.
///
/// A side resolves to a run of consecutive segments with its fingerprints; a
/// correction whose side no longer resolves is left out (it lapsed). When a
/// text occurs more than once, the pair of occurrences closest in relative
/// position is used (for a one-sided correction, the first occurrence).
pub fn resolve(
    records: &[Correction],
    page: &str,
    lang: &str,
    source: &Document,
    target: &Document,
) -> Vec<FixedRow> {
    let (n, m) = (
        source.segments.len().max(1) as f64,
        target.segments.len().max(1) as f64,
    );
    records
        .iter()
        .filter(|r| r.page == page && r.lang == lang)
        .filter_map(|r| {
            let (si, tj) = (runs(source, &r.source), runs(target, &r.target));
            let (i, j) = match (r.source.is_empty(), r.target.is_empty()) {
                (false, false) => {
                    let drift = |&(i, j): &(usize, usize)| (i as f64 / n - j as f64 / m).abs();
                    si.iter()
                        .flat_map(|&i| tj.iter().map(move |&j| (i, j)))
                        .min_by(|a, b| drift(a).total_cmp(&drift(b)))?
                }
                (false, true) => (*si.first()?, 0),
                (true, false) => (0, *tj.first()?),
                (true, true) => return None,
            };
            Some(FixedRow {
                source: if r.source.is_empty() {
                    0..0
                } else {
                    i..i + r.source.len()
                },
                target: if r.target.is_empty() {
                    0..0
                } else {
                    j..j + r.target.len()
                },
            })
        })
        .collect()
}

/// Returns the start of every run of consecutive segments with these fingerprints.
fn runs(doc: &Document, fps: &[Fingerprint]) -> Vec<usize> {
    if fps.is_empty() {
        return Vec::new();
    }
    doc.segments
        .windows(fps.len())
        .enumerate()
        .filter(|(_, w)| w.iter().zip(fps).all(|(s, fp)| s.fingerprint() == *fp))
        .map(|(k, _)| k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::parse as segments;

    const EN: &str = "# News\n\nFirst paragraph about the sprint.\n\nSecond paragraph about the release.\n\nThanks!\n";
    const FR: &str = "# Nouvelles\n\nPremier paragraphe sur le sprint. Second paragraphe sur la version.\n\nMerci !\n";

    fn sample() -> Vec<Correction> {
        let r = |page: &str, source: Vec<u64>, target: Vec<u64>| Correction {
            page: page.into(),
            lang: "fr".into(),
            source: source.into_iter().map(Fingerprint).collect(),
            target: target.into_iter().map(Fingerprint).collect(),
        };
        vec![
            r("b.md", vec![3], vec![]),
            r("a.md", vec![1, 2], vec![0xabc]),
            r("b.md", vec![3], vec![]),
            r("a.md", vec![], vec![0xdef]),
        ]
    }

    #[test]
    fn render_is_sorted_deduplicated_and_parses_back() {
        let text = render(&sample());
        assert_eq!(
            text,
            "# trame alignment corrections, format 1. One record per line:\n\
             # page\tlang\tsource fingerprints\ttarget fingerprints\n\
             a.md\tfr\t-\t0000000000000def\n\
             a.md\tfr\t0000000000000001,0000000000000002\t0000000000000abc\n\
             b.md\tfr\t0000000000000003\t-\n"
        );
        let back = parse(Path::new("x"), &text).unwrap();
        assert_eq!(back.len(), 3);
        // Deterministic: any order renders the same text.
        let mut reversed = sample();
        reversed.reverse();
        assert_eq!(render(&reversed), text);
        assert_eq!(render(&back), text);
    }

    #[test]
    fn bad_lines_name_the_file_and_line_and_newer_formats_are_refused() {
        let header = "# trame alignment corrections, format 1. One record per line:\n";
        for (body, line) in [
            ("a.md\tfr\t-\n", 2),
            ("a.md\tfr\t-\t-\n", 2),
            ("a.md\tfr\t00000000000000zz\t-\n", 2),
            ("a.md\tfr\t0001\t-\n", 2),
            ("\n# note\n\tfr\t-\t0000000000000001\n", 4),
        ] {
            let err = parse(Path::new("dir/.trame-align"), &format!("{header}{body}")).unwrap_err();
            assert!(
                matches!(&err, StoreError::Parse { line: l, .. } if *l == line),
                "{body:?}: {err:?}"
            );
            assert!(
                err.to_string()
                    .starts_with(&format!("dir/.trame-align:{line}: "))
            );
        }
        let newer = "# trame alignment corrections, format 2. One record per line:\n";
        assert!(matches!(
            parse(Path::new("x"), newer),
            Err(StoreError::Version { .. })
        ));
    }

    #[test]
    fn adding_replaces_overlapping_records_and_never_rewrites_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let c = |source: Vec<u64>, target: Vec<u64>| Correction {
            page: "a.md".into(),
            lang: "it".into(),
            source: source.into_iter().map(Fingerprint).collect(),
            target: target.into_iter().map(Fingerprint).collect(),
        };
        assert!(add(dir.path(), &[c(vec![1, 2], vec![9])]).unwrap());
        let other_lang = Correction {
            lang: "fr".into(),
            ..c(vec![1], vec![8])
        };
        assert!(add(dir.path(), &[other_lang.clone(), c(vec![5], vec![])]).unwrap());
        // Unchanged: the file is not written again (its time stays).
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!add(dir.path(), &[c(vec![5], vec![])]).unwrap());
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
        // A new row over segment 2 replaces the 1,2 row; French is untouched.
        assert!(add(dir.path(), &[c(vec![2], vec![9]), c(vec![1], vec![])]).unwrap());
        let mut got = load(dir.path()).unwrap();
        got.sort();
        let mut want = vec![
            other_lang,
            c(vec![1], vec![]),
            c(vec![2], vec![9]),
            c(vec![5], vec![]),
        ];
        want.sort();
        assert_eq!(got, want);
        // A page name that would break the line format is refused.
        let tab = Correction {
            page: "a\tb.md".into(),
            ..c(vec![1], vec![])
        };
        assert!(add(dir.path(), &[tab]).is_err());
        assert_eq!(load(dir.path()).unwrap().len(), 4);
    }

    #[test]
    fn records_resolve_by_text_and_lapse_when_it_changes() {
        let (en, _) = segments(EN);
        let (fr, _) = segments(FR);
        let joined = Correction::of_row("news.md", "fr", &en, 1..3, &fr, 1..2);
        let alone = Correction::of_row("news.md", "fr", &en, 3..4, &fr, 2..2);
        let other = Correction {
            lang: "it".into(),
            ..joined.clone()
        };
        let records = [joined.clone(), alone, other];
        assert_eq!(
            resolve(&records, "news.md", "fr", &en, &fr),
            [
                FixedRow {
                    source: 1..3,
                    target: 1..2
                },
                FixedRow {
                    source: 3..4,
                    target: 0..0
                }
            ]
        );
        assert!(resolve(&records, "other.md", "fr", &en, &fr).is_empty());
        // The translator rewrites the French paragraph: the join lapses.
        let (edited, _) = segments(&FR.replace("le sprint", "la rencontre"));
        assert_eq!(
            resolve(&records, "news.md", "fr", &en, &edited),
            [FixedRow {
                source: 3..4,
                target: 0..0
            }]
        );
        // A new paragraph before them moves the indices, not the records.
        let (moved, _) = segments(&EN.replace("# News\n", "# News\n\nIntro.\n"));
        assert_eq!(
            resolve(&[joined], "news.md", "fr", &moved, &fr)[0].source,
            2..4
        );
        // Re-wrapping keeps the fingerprints.
        let (wrapped, _) = segments(&FR.replace("sur le sprint. ", "sur le sprint.\n"));
        assert_eq!(resolve(&records, "news.md", "fr", &en, &wrapped).len(), 2);
    }

    #[test]
    fn repeated_texts_resolve_to_the_closest_occurrences() {
        let (en, _) = segments("Thanks!\n\nOne.\n\nTwo.\n\nThree.\n\nThanks!\n");
        let (fr, _) = segments("Un.\n\nDeux.\n\nTrois.\n\nMerci !\n");
        let record = Correction::of_row("p.md", "fr", &en, 4..5, &fr, 3..4);
        assert_eq!(
            resolve(&[record], "p.md", "fr", &en, &fr)[0].source,
            4..5,
            "the last Thanks! is closest to the last French segment"
        );
    }
}
