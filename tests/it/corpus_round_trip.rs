//! Segmentation round-trips every corpus file byte for byte.

use crate::support;

#[test]
fn every_corpus_file_round_trips() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let files = support::markdown_under(&corpus);
    assert!(
        files.len() >= 236,
        "expected the whole corpus, found {} files",
        files.len()
    );
    let mut n_segments = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let text = trame::segment::decode(&bytes).unwrap();
        let (doc, _) = trame::segment::parse(text);
        let mut rebuilt = Vec::with_capacity(bytes.len());
        let mut pos = 0;
        for piece in doc.pieces() {
            let r = piece.bytes();
            assert_eq!(
                r.start,
                pos,
                "{}: gap or overlap at byte {pos}",
                path.display()
            );
            rebuilt.extend_from_slice(&bytes[r.clone()]);
            pos = r.end;
            if let trame::segment::Piece::Segment(s) = piece {
                assert_eq!(s.text.as_bytes(), &bytes[r], "{}", path.display());
                assert!(
                    !s.text.trim().is_empty(),
                    "{}: blank segment",
                    path.display()
                );
            }
        }
        assert_eq!(rebuilt, bytes, "{} does not round-trip", path.display());
        n_segments += doc.segments.len();
    }
    assert!(
        n_segments > 3_000,
        "suspiciously few segments: {n_segments}"
    );
}

#[test]
fn corpus_round_trips_with_crlf_line_endings() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    for path in support::markdown_under(&corpus).iter().step_by(7) {
        // Some corpus files already mix endings: compare pure LF with pure CRLF.
        let lf = std::fs::read_to_string(path).unwrap().replace("\r\n", "\n");
        let text = lf.replace('\n', "\r\n");
        let (lf_doc, _) = trame::segment::parse(&lf);
        let (doc, _) = trame::segment::parse(&text);
        let rebuilt: String = doc.pieces().iter().map(|p| &text[p.bytes()]).collect();
        assert_eq!(rebuilt, text);
        // Same segments, same fingerprints: line endings are not content.
        let fps = |d: &trame::segment::Document| {
            d.segments
                .iter()
                .map(|s| s.fingerprint())
                .collect::<Vec<_>>()
        };
        assert_eq!(fps(&doc), fps(&lf_doc), "{}", path.display());
    }
}
