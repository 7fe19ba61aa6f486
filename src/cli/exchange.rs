//! `trame export`, `trame import` and `trame tm`: XLIFF, PO and TMX for
//! translators' tools (issue 19).
//!
//! The units come from `workspace::exchange`; the formats from the pure
//! `exchange` module. Files are printed (or written with `-o`, inside the
//! repository); an import prints each refused unit with its reason, then a
//! summary, and exits 1 when a unit was refused.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;

use crate::cli::output::{
    DRY_RUN, Progress, explain, explain_project, explain_save, explain_stale, shown_path,
    shown_value, use_colour, warn_notes, write_diff,
};
use crate::exchange::inline::Broken;
use crate::exchange::{self, ReadError};
use crate::i18n::{Arg, Localizer, ids};
use crate::text;
use crate::workspace::Project;
use crate::workspace::exchange::{self as plan, Refused};

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    SCANNING,
    EXPORTED,
    TM_WROTE,
    ERROR_LANG,
    ERROR_READ_XLIFF,
    ERROR_READ_PO,
    ERROR_NO_LANGUAGE,
    REFUSED,
    REASON_ENGLISH,
    REASON_PAGE,
    REASON_MISSING,
    REASON_ADDED,
    REASON_ALTERED,
    REASON_SEGMENTS,
    REASON_LOCALIZE,
    WROTE,
    SUMMARY,
    REVIEWS,
];

const SCANNING: &str = "scanning";
const EXPORTED: &str = "export-wrote";
const TM_WROTE: &str = "tm-wrote";
const ERROR_LANG: &str = "write-error-lang";
const ERROR_READ_XLIFF: &str = "import-error-xliff";
const ERROR_READ_PO: &str = "import-error-po";
const ERROR_NO_LANGUAGE: &str = "import-error-no-language";
const REFUSED: &str = "import-refused";
const REASON_ENGLISH: &str = "import-reason-english-changed";
const REASON_PAGE: &str = "import-reason-no-page";
const REASON_MISSING: &str = "import-reason-code-missing";
const REASON_ADDED: &str = "import-reason-code-added";
const REASON_ALTERED: &str = "import-reason-code-altered";
const REASON_SEGMENTS: &str = "import-reason-segments";
const REASON_LOCALIZE: &str = "import-reason-localize";
const WROTE: &str = "write-wrote";
const SUMMARY: &str = "import-summary";
const REVIEWS: &str = "import-reviews";

/// Formats of `trame export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// XLIFF 1.2 (OmegaT, Poedit, Weblate, Translate Toolkit...).
    Xliff,
    /// A gettext PO file (Poedit, Lokalize, Weblate...).
    Po,
}

/// Formats of `trame tm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TmFormat {
    /// TMX 1.4b.
    Tmx,
}

/// The project of `paths` (the current folder when none).
fn project(paths: &[PathBuf], l10n: &Localizer) -> anyhow::Result<Project> {
    Project::for_paths(paths).map_err(|e| explain_project(e, l10n))
}

/// Prints `text`, or writes it to `output` and says so.
fn emit(
    project: &Project,
    text: &str,
    output: Option<&Path>,
    said: String,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            plan::write_file(project, path, text).map_err(|e| explain_save(e, l10n))?;
            writeln!(out, "{said}")
        }
        None => out.write_all(text.as_bytes()),
    }
    .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))
}

/// Runs `trame export`.
pub(crate) fn export(
    paths: &[PathBuf],
    lang: &str,
    format: ExportFormat,
    all: bool,
    output: Option<&Path>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = project(paths, l10n)?;
    if crate::config::parse_tag(lang).is_none_or(|l| l == project.source_lang) {
        let lang = shown_value(lang);
        anyhow::bail!("{}", l10n.tr_args(ERROR_LANG, &[("lang", Arg::Str(&lang))]));
    }
    let progress = Progress::start(l10n.tr(SCANNING));
    let result = plan::export(&project, paths, lang, all);
    drop(progress);
    let (exchange, notes) = result.map_err(|e| explain_stale(e, l10n))?;
    warn_notes(&notes, l10n);
    let text = match format {
        ExportFormat::Xliff => exchange::xliff::write(&exchange),
        ExportFormat::Po => exchange::po::write(&exchange),
    };
    let units: usize = exchange.pages.iter().map(|p| p.units.len()).sum();
    let said = l10n.tr_args(
        EXPORTED,
        &[
            ("units", Arg::Num(units as f64)),
            ("pages", Arg::Num(exchange.pages.len() as f64)),
            (
                "path",
                Arg::Str(&output.map(shown_path).unwrap_or_default()),
            ),
        ],
    );
    emit(&project, &text, output, said, l10n, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trame tm`.
pub(crate) fn tm(
    paths: &[PathBuf],
    lang: Option<&str>,
    format: TmFormat,
    output: Option<&Path>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = project(paths, l10n)?;
    let progress = Progress::start(l10n.tr(SCANNING));
    let result = plan::memory(&project, paths, lang);
    drop(progress);
    let (memory, notes) = result.map_err(|e| explain_stale(e, l10n))?;
    warn_notes(&notes, l10n);
    let text = match format {
        TmFormat::Tmx => exchange::tmx::write(&memory),
    };
    let said = l10n.tr_args(
        TM_WROTE,
        &[
            ("count", Arg::Num(memory.pairs.len() as f64)),
            (
                "path",
                Arg::Str(&output.map(shown_path).unwrap_or_default()),
            ),
        ],
    );
    emit(&project, &text, output, said, l10n, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trame import`.
pub(crate) fn import(
    file: &Path,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = project(&[], l10n)?;
    let text = plan::read_file(file).map_err(|e| explain(e, l10n))?;
    let shown = shown_path(file);
    let returns = exchange::read(&text).map_err(|e| {
        let message = match e {
            ReadError::Xliff(detail) => l10n.tr_args(
                ERROR_READ_XLIFF,
                &[
                    ("path", Arg::Str(&shown)),
                    ("detail", Arg::Str(&text::visible(&detail))),
                ],
            ),
            ReadError::Po { line, message } => l10n.tr_args(
                ERROR_READ_PO,
                &[
                    ("path", Arg::Str(&shown)),
                    ("line", Arg::Num(line as f64)),
                    ("detail", Arg::Str(&text::visible(&message))),
                ],
            ),
            ReadError::NoLanguage => l10n.tr_args(ERROR_NO_LANGUAGE, &[("path", Arg::Str(&shown))]),
        };
        anyhow::anyhow!("{message}")
    })?;
    let progress = Progress::start(l10n.tr(SCANNING));
    let result = plan::plan_import(&project, &returns);
    drop(progress);
    let (plan, notes) = result.map_err(|e| explain_stale(e, l10n))?;
    warn_notes(&notes, l10n);
    // Written before anything is printed, so a closed output cannot stop it.
    let (written, reviews) = if dry_run {
        (Vec::new(), 0)
    } else {
        plan::apply_import(&project, &plan).map_err(|e| match e {
            plan::ImportError::Save(e) => explain_save(e, l10n),
            plan::ImportError::Stale(e) => explain_stale(e, l10n),
            plan::ImportError::Store(e) => anyhow::Error::new(e),
        })?
    };
    report(out, &plan, dry_run, &written, reviews, l10n)
        .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(if plan.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints what an import did or would do.
fn report(
    out: &mut dyn Write,
    plan: &plan::ImportPlan,
    dry_run: bool,
    written: &[PathBuf],
    reviews: usize,
    l10n: &Localizer,
) -> std::io::Result<()> {
    for refusal in &plan.refused {
        let reason = reason_text(&refusal.reason, l10n);
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                REFUSED,
                &[
                    ("id", Arg::Str(&text::visible_line(&refusal.id))),
                    ("reason", Arg::Str(&reason)),
                    (
                        "text",
                        Arg::Str(&text::truncate(&text::one_line(&refusal.source), 60))
                    ),
                ]
            )
        )?;
    }
    if dry_run {
        let colour = use_colour();
        for file in &plan.files {
            let shown = shown_path(&file.path);
            write_diff(out, &file.original, &file.text, &shown, &shown, colour)?;
        }
    }
    for path in written {
        writeln!(
            out,
            "{}",
            l10n.tr_args(WROTE, &[("path", Arg::Str(&shown_path(path)))])
        )?;
    }
    let units: usize = plan.files.iter().map(|f| f.units).sum();
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            SUMMARY,
            &[
                ("units", Arg::Num(units as f64)),
                ("files", Arg::Num(plan.files.len() as f64)),
                ("unchanged", Arg::Num(plan.unchanged as f64)),
                ("refused", Arg::Num(plan.refused.len() as f64)),
            ]
        )
    )?;
    if reviews > 0 {
        writeln!(
            out,
            "{}",
            l10n.tr_args(REVIEWS, &[("count", Arg::Num(reviews as f64))])
        )?;
    }
    if dry_run {
        writeln!(out, "{}", l10n.tr(DRY_RUN))?;
    }
    Ok(())
}

/// Why a unit was refused, in words.
fn reason_text(reason: &Refused, l10n: &Localizer) -> String {
    let code = |c: &str| text::visible_line(c).into_owned();
    match reason {
        Refused::EnglishChanged => l10n.tr(REASON_ENGLISH),
        Refused::NoSuchPage => l10n.tr(REASON_PAGE),
        Refused::Broken(Broken::Missing(c)) => {
            l10n.tr_args(REASON_MISSING, &[("code", Arg::Str(&code(c)))])
        }
        Refused::Broken(Broken::Added(c)) => {
            l10n.tr_args(REASON_ADDED, &[("code", Arg::Str(&code(c)))])
        }
        Refused::Broken(Broken::Altered(c)) => {
            l10n.tr_args(REASON_ALTERED, &[("code", Arg::Str(&code(c)))])
        }
        Refused::Segments { expected, found } => l10n.tr_args(
            REASON_SEGMENTS,
            &[
                ("expected", Arg::Num(*expected as f64)),
                ("found", Arg::Num(*found as f64)),
            ],
        ),
        Refused::Localize(detail) => l10n.tr_args(
            REASON_LOCALIZE,
            &[("detail", Arg::Str(&text::visible_line(detail)))],
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_id_exists_in_every_language() {
        let missing = crate::i18n::missing_ids(super::IDS);
        assert!(missing.is_empty(), "{missing:?}");
    }
}
