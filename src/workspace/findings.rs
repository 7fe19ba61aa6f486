//! The consistency findings of a translation as every front end shows them:
//! the report of the pure core, without the findings a translator dismissed
//! for their row (`trame review --dismiss`, the interface's key) and those of
//! the rules the page switches off in its front matter (`trame.ignore`).
//!
//! One place, so `check` (every format), its JSON and the interface agree.

use super::StaleDoc;
use crate::report::{self, DocReport, Rule};

/// A translation's report, with dismissed and ignored findings left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// The report; its findings are those to show.
    pub report: DocReport,
    /// How many findings were left out (dismissed or ignored by the page).
    pub dismissed: usize,
}

/// Builds the report of a translation and leaves out its dismissed findings
/// and those of the rules its front matter ignores.
pub fn report(doc: &StaleDoc) -> Reported {
    let mut report = report::report(
        &doc.source.document,
        &doc.source.text,
        &doc.target.document,
        &doc.target.text,
        &doc.target.diagnostics,
        &doc.alignment,
        &doc.labels,
    );
    let ignored = crate::config::page_ignores(&doc.target.text).rules;
    let dismissed = report::leave_out(&mut report, &doc.dismissed, &ignored);
    Reported { report, dismissed }
}

/// The dismissals recorded for a translation that still hold: those whose
/// fingerprints are a current row's English and translation (a dismissal
/// lapses as soon as either text changes). `page` is the source page's file
/// name, as records name it.
pub(super) fn dismissed_rows(
    records: &[crate::store::Dismissal],
    page: &str,
    doc: &StaleDoc,
) -> Vec<report::Dismissal> {
    let mine: Vec<&crate::store::Dismissal> = records
        .iter()
        .filter(|d| d.page == page && super::same_tag(&d.lang, &doc.lang))
        .collect();
    if mine.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, row) in doc.alignment.rows.iter().enumerate() {
        if row.source.is_empty() || row.target.is_empty() {
            continue;
        }
        let target = super::row_fingerprint(&doc.target.document, &row.target);
        let source = super::row_fingerprint(&doc.source.document, &row.source);
        for d in &mine {
            if d.target == target
                && d.source == source
                && let Some(rule) = Rule::parse(&d.rule)
            {
                out.push(report::Dismissal { row: k, rule });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
