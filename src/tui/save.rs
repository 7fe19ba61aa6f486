//! The new text of a translation file from its pending edits.
//!
//! Pure: the runner writes the result with `workspace::save_file`. Edits
//! are applied to the text the file had when the first edit was made (with
//! `localize::apply_edits`, so only the edited bytes change); translations
//! of missing segments are then inserted one by one with `localize::fill`.

use crate::align::Alignment;
use crate::localize::{self, Edit, LocalizeError};
use crate::segment::{self, Document};
use crate::tui::model::PendingFile;

/// Returns the file's new text with every pending edit and fill applied.
/// `config` cuts the new text into segments as every command does, and
/// `realign` aligns it again when a fill changed its segments.
pub fn localized_text(
    pending: &PendingFile,
    config: &segment::Config,
    realign: &dyn Fn(&Document, &Document) -> Alignment,
) -> Result<String, LocalizeError> {
    let edits: Vec<Edit> = pending
        .edits
        .iter()
        .map(|(&segment, text)| Edit {
            segment,
            text: text.clone(),
        })
        .collect();
    let mut text = localize::apply_edits(&pending.target_text, &pending.target_doc, &edits)?;
    if pending.fills.is_empty() {
        return Ok(text);
    }
    let mut doc = segment::parse_with(&text, config).0;
    let mut alignment = if doc.segments.len() == pending.target_doc.segments.len() {
        pending.alignment.clone()
    } else {
        realign(&pending.source_doc, &doc)
    };
    for (&i, value) in &pending.fills {
        text = localize::fill(
            &pending.source_text,
            &pending.source_doc,
            &text,
            &doc,
            &alignment,
            i,
            value,
        )?;
        let new_doc = segment::parse_with(&text, config).0;
        alignment = after_fill(&pending.source_doc, &new_doc, alignment, i, value, realign);
        doc = new_doc;
    }
    Ok(text)
}

/// Returns the alignment after the translation of English segment `i` was
/// inserted: its row gains the new segment and later rows shift by one;
/// when the new document does not look like that, it is aligned again.
fn after_fill(
    source: &Document,
    target: &Document,
    mut alignment: Alignment,
    i: usize,
    value: &str,
    realign: &dyn Fn(&Document, &Document) -> Alignment,
) -> Alignment {
    let Some(r) = alignment
        .rows
        .iter()
        .position(|row| row.source.contains(&i) && row.target.is_empty())
    else {
        return realign(source, target);
    };
    let k = alignment.rows[r].target.start;
    let inserted = target
        .segments
        .get(k)
        .is_some_and(|s| segment::normalize(&s.text) == segment::normalize(value));
    let n_before: usize = alignment.rows.iter().map(|row| row.target.len()).sum();
    if !inserted || target.segments.len() != n_before + 1 {
        return realign(source, target);
    }
    alignment.rows[r].target = k..k + 1;
    for row in &mut alignment.rows[r + 1..] {
        row.target = row.target.start + 1..row.target.end + 1;
    }
    alignment
}
