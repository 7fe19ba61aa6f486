//! Edits of translated segments and new translation files from the source.
//!
//! Pure: no I/O. Invariant: only the bytes of edited segments change (and
//! their quotes, when the quoting must change); no edits, or edits that give
//! segments their current values, return the text unchanged.

use std::ops::Range;

use super::{LocalizeError, quote};
use crate::segment::{Document, Segment};

/// A new value for one segment of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Index of the segment in the document.
    pub segment: usize,
    /// The new value: Markdown as the translator writes it, or for a quoted
    /// value the text without escapes (see [`segment_value`]).
    pub text: String,
}

/// A translation file made from its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// The new file's text.
    pub text: String,
    /// Source segments left in the source language, in order.
    pub missing: Vec<usize>,
}

/// Returns the value of a segment as a translator edits it: the text with
/// its quoting decoded (`Say \"hi\"` in a double-quoted caption is `Say "hi"`).
///
/// An [`Edit`] carrying this value (or the segment's `text`) changes nothing.
pub fn segment_value(text: &str, seg: &Segment) -> String {
    quote::decode(&quote::context(text, seg), &seg.text)
}

/// Applies edits to a target file: each edited segment's bytes are replaced
/// by its new value, written for its place; every other byte is kept.
///
/// New line breaks follow the line ending of the edited line (CRLF in a CRLF
/// file). A value inside quotes is escaped for them; a YAML plain value that
/// would not parse back is quoted. Two edits of one segment, or an index
/// beyond the document, are refused and nothing is applied.
///
/// ```
/// use trame::localize::{apply_edits, Edit};
/// let text = "# Hello\n\nSome *text*.\n";
/// let (doc, _) = trame::segment::parse(text);
/// let edit = Edit { segment: 0, text: "Bonjour".into() };
/// assert_eq!(apply_edits(text, &doc, &[edit]).unwrap(), "# Bonjour\n\nSome *text*.\n");
/// ```
pub fn apply_edits(
    target_text: &str,
    target: &Document,
    edits: &[Edit],
) -> Result<String, LocalizeError> {
    check_document(target_text, target, "target")?;
    let mut order: Vec<&Edit> = edits.iter().collect();
    order.sort_by_key(|e| e.segment);
    let mut replacements: Vec<(usize, Range<usize>, String)> = Vec::with_capacity(edits.len());
    for edit in order {
        let seg = target
            .segments
            .get(edit.segment)
            .ok_or(LocalizeError::NoSuchSegment {
                segment: edit.segment,
                n_segments: target.segments.len(),
            })?;
        if let Some((prev, ..)) = replacements.last()
            && *prev == edit.segment
        {
            return Err(LocalizeError::DuplicateEdit {
                segment: edit.segment,
            });
        }
        if !segment_matches(target_text, seg) {
            return Err(LocalizeError::DocumentMismatch { side: "target" });
        }
        let (range, bytes) = quote::render(target_text, seg, &edit.text);
        if let Some((prev, prev_range, _)) = replacements.last()
            && prev_range.end > range.start
        {
            return Err(LocalizeError::OverlappingEdits {
                first: *prev,
                second: edit.segment,
            });
        }
        replacements.push((edit.segment, range, bytes));
    }
    Ok(splice(
        target_text,
        replacements.into_iter().map(|(_, r, b)| (r, b)),
    ))
}

/// Creates a translation from its source: every byte of the source is kept
/// except each segment's text, replaced by `translate(index, segment)` when
/// it returns a value (a translation-memory hit, say) and otherwise left in
/// the source language and listed in `missing`.
///
/// Front-matter keys, untranslated values, URLs, shortcodes, code and all
/// the structure are copied as they are. The value
/// returned by `translate` is written as an [`Edit`]'s would be.
pub fn create(
    source_text: &str,
    source: &Document,
    translate: &dyn Fn(usize, &Segment) -> Option<String>,
) -> Created {
    let mut missing = Vec::new();
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut end = 0;
    for (i, seg) in source.segments.iter().enumerate() {
        // Code and standalone shortcodes stay as they are, not left to
        // translate.
        if !seg.kind.is_prose() {
            continue;
        }
        // A segment that does not match the text is kept as it is: create
        // never loses source bytes.
        let value = if segment_matches(source_text, seg) && seg.bytes.start >= end {
            translate(i, seg)
        } else {
            None
        };
        match value {
            Some(value) => {
                let (range, bytes) = quote::render(source_text, seg, &value);
                if range.start < end {
                    missing.push(i);
                    continue;
                }
                end = range.end;
                replacements.push((range, bytes));
            }
            None => missing.push(i),
        }
    }
    Created {
        text: splice(source_text, replacements),
        missing,
    }
}

/// Returns an error unless `doc` was segmented from `text`.
pub(super) fn check_document(
    text: &str,
    doc: &Document,
    side: &'static str,
) -> Result<(), LocalizeError> {
    if doc.len == text.len() {
        Ok(())
    } else {
        Err(LocalizeError::DocumentMismatch { side })
    }
}

/// Returns true when the segment's bytes in `text` are its text.
pub(super) fn segment_matches(text: &str, seg: &Segment) -> bool {
    text.get(seg.bytes.clone()) == Some(seg.text.as_str())
}

/// Replaces sorted, disjoint ranges of `text`.
pub(super) fn splice(
    text: &str,
    replacements: impl IntoIterator<Item = (Range<usize>, String)>,
) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0;
    for (range, bytes) in replacements {
        out.push_str(&text[pos..range.start]);
        out.push_str(&bytes);
        pos = range.end;
    }
    out.push_str(&text[pos..]);
    out
}
