//! The consistency findings of a translation as every front end shows them:
//! the report of the pure core, without the findings a translator dismissed
//! for their row (`trame review --dismiss`, the interface's key) and those of
//! the rules the page switches off in its front matter (`trame.ignore`).
//!
//! One place, so `check` (every format), its JSON and the interface agree.

use std::sync::{Arc, OnceLock};

use super::{Project, StaleDoc};
use crate::report::{self, DocReport, Rule, SitePages};

/// The pages of a project's site, listed once on first use: what links of
/// translations are checked against. Shared by every translation of a scan.
pub struct SiteIndex {
    source_lang: String,
    pages: OnceLock<SitePages>,
    list: Box<dyn Fn() -> SitePages + Send + Sync>,
    /// The English pages near each page, for English moved between pages.
    pub(super) moved: super::moved::MovedIndex,
}

impl SiteIndex {
    /// The index of `project`'s content roots, not listed yet.
    pub fn of(project: &Project) -> Arc<SiteIndex> {
        let project = project.clone();
        Arc::new(SiteIndex {
            source_lang: project.source_lang.to_string(),
            pages: OnceLock::new(),
            moved: super::moved::MovedIndex::new(
                project.site_roots().to_vec(),
                project.segment.clone(),
            ),
            list: Box::new(move || project.site_pages()),
        })
    }

    /// The pages, listed on the first call.
    pub fn pages(&self) -> &SitePages {
        self.pages.get_or_init(|| (self.list)())
    }
}

impl std::fmt::Debug for SiteIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteIndex")
            .field("source_lang", &self.source_lang)
            .field("listed", &self.pages.get().is_some())
            .finish()
    }
}

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
    let context = report::Context {
        source_lang: doc.site.as_ref().map_or("en", |s| s.source_lang.as_str()),
        lang: &doc.lang,
        site: doc.site.as_ref().map(|s| s.pages()),
    };
    let mut report = report::report(
        &doc.source.document,
        &doc.source.text,
        &doc.target.document,
        &doc.target.text,
        &report::own_diagnostics(&doc.source.diagnostics, &doc.target.diagnostics),
        &doc.alignment,
        &doc.labels,
        &context,
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
