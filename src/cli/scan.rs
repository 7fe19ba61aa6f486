//! What `trame status` and `trame check` (and `stale`, `review`, `sync` and
//! the interface) share: finding and reading `trame.toml`, the content paths,
//! and the staleness and report of every translation under them.

use std::path::PathBuf;

use crate::cli::output::warn_notes;
use crate::i18n::Localizer;
use crate::report::DocReport;
use crate::workspace::{self, StaleDoc};

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[SCANNING, ERROR_CONFIG];
const SCANNING: &str = "scanning";
const ERROR_CONFIG: &str = "error-config";

/// A translation with its report.
pub(crate) struct Scanned {
    pub(crate) doc: StaleDoc,
    /// Its findings without those dismissed or ignored by the page.
    pub(crate) report: DocReport,
    /// How many findings were dismissed or ignored.
    pub(crate) dismissed: usize,
}

/// Loads `trame.toml`, scans the content and reports every translation;
/// returns the project with them.
pub(crate) fn scan(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
) -> anyhow::Result<(workspace::Project, Vec<Scanned>, Vec<workspace::StaleNote>)> {
    // Each report is made as its translation comes, while the workers go on
    // with the others.
    let mut scanned = Vec::new();
    let (project, notes) = run(paths, lang, l10n, NoteStays::UntilEnd, &mut |doc| {
        let workspace::Reported { report, dismissed } = workspace::report(&doc);
        scanned.push(Scanned {
            doc,
            report,
            dismissed,
        });
    })?;
    warn_notes(&notes, l10n);
    Ok((project, scanned, notes))
}

/// The staleness of the content as the project describes it (`trame.toml`
/// found from the first path, else the defaults): its content roots unless
/// paths are given, source language, layout, front matter keys and
/// languages. A progress note shows on a terminal after half a second.
pub(crate) fn configured_staleness(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
) -> anyhow::Result<(workspace::Project, Vec<StaleDoc>, Vec<workspace::StaleNote>)> {
    let mut docs = Vec::new();
    let (project, notes) = run(paths, lang, l10n, NoteStays::UntilEnd, &mut |doc| {
        docs.push(doc);
    })?;
    Ok((project, docs, notes))
}

/// As [`configured_staleness`], handing each translation's report to
/// `consume` in path order as soon as it is ready (so a command that writes
/// them as they come never holds the whole site).
pub(crate) fn configured_staleness_in_order(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
    consume: &mut dyn FnMut(StaleDoc),
) -> anyhow::Result<(workspace::Project, Vec<workspace::StaleNote>)> {
    run(paths, lang, l10n, NoteStays::UntilFirst, consume)
}

/// How long the progress note stays.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NoteStays {
    /// Until every report is there (nothing is written before).
    UntilEnd,
    /// Until the first report is handed over (it is written at once).
    UntilFirst,
}

/// What the three functions above share: the project of `paths`, and the
/// staleness under it, each report handed to `consume` in path order, with
/// a progress note on a terminal after half a second.
fn run(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
    note_stays: NoteStays,
    consume: &mut dyn FnMut(StaleDoc),
) -> anyhow::Result<(workspace::Project, Vec<workspace::StaleNote>)> {
    let project = workspace::Project::for_paths(paths)
        .map_err(|e| crate::cli::output::explain_project(e, l10n))?;
    let mut note = Some(crate::cli::output::Progress::start(l10n.tr(SCANNING)));
    let result = workspace::staleness_in_order(&project, paths, lang, &mut |doc| {
        if note_stays == NoteStays::UntilFirst {
            drop(note.take());
        }
        consume(doc);
    });
    drop(note);
    let notes = result.map_err(|e| crate::cli::output::explain_stale(e, l10n))?;
    Ok((project, notes))
}
