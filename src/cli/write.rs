//! `trame write`: creates a translation, or fills its missing segments from
//! the translation memory (issue 6).
//!
//! The plan comes from `workspace::write`; this module prints it (a summary,
//! the translations taken from the memory, one `file:line: old → new` line
//! per anchor change, the segments left for translators) and saves it, or
//! with `--dry-run` prints the unified diff of what would change and writes
//! nothing.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::{
    DRY_RUN, ERROR_LOCALIZE, explain, explain_save, kind_id, shown_path, shown_value, use_colour,
    warn_diagnostics, write_changes, write_diff,
};
use crate::i18n::{Arg, Localizer, ids};
use crate::segment;
use crate::text;
use crate::workspace::write::{self as plan, WriteError, WritePlan};

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    ERROR_LANG,
    ERROR_NOT_A_SOURCE,
    NEW,
    FILLED,
    MISSING,
    FROM_MEMORY,
    SUGGESTION,
    WROTE,
    UNCHANGED,
];

const ERROR_LANG: &str = "write-error-lang";
const ERROR_NOT_A_SOURCE: &str = "write-error-not-a-source";
const NEW: &str = "write-new";
const FILLED: &str = "write-filled";
const MISSING: &str = "write-missing";
const FROM_MEMORY: &str = "write-from-memory";
const SUGGESTION: &str = "write-suggestion";
const WROTE: &str = "write-wrote";
const UNCHANGED: &str = "write-unchanged";

/// Missing segments are shown this long, in columns.
const TEXT_WIDTH: usize = 72;

/// Runs `trame write`.
pub(crate) fn write(
    source: &Path,
    lang: &str,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = crate::workspace::Project::for_paths(&[source.to_owned()])
        .map_err(|e| crate::cli::output::explain_project(e, l10n))?;
    let valid = crate::config::parse_tag(lang).is_some_and(|l| l != project.source_lang);
    if !valid {
        let lang = shown_value(lang);
        anyhow::bail!("{}", l10n.tr_args(ERROR_LANG, &[("lang", Arg::Str(&lang))]));
    }
    let plan = plan::plan_write(&project, source, lang).map_err(|e| explain_write(e, l10n))?;
    warn_diagnostics(
        &source.display().to_string(),
        &plan.source.diagnostics,
        l10n,
    );
    // Saved before anything is printed, so a closed output cannot stop the write.
    let id = if dry_run {
        DRY_RUN
    } else if plan::save(
        Some(&project.confine),
        &plan.path,
        plan.original.as_deref(),
        &plan.text,
    )
    .map_err(|e| explain_save(e, l10n))?
    {
        WROTE
    } else {
        UNCHANGED
    };
    let colour = use_colour();
    write_plan_report(out, source, lang, &plan, l10n)
        .and_then(|()| {
            if dry_run && plan.changes_file() {
                let shown = shown_path(&plan.path);
                let old_name = if plan.original.is_some() {
                    shown.as_str()
                } else {
                    "/dev/null"
                };
                let old = plan.original.as_deref().unwrap_or("");
                write_diff(out, old, &plan.text, old_name, &shown, colour)?;
            }
            Ok(())
        })
        .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    let shown = shown_path(&plan.path);
    writeln!(out, "{}", l10n.tr_args(id, &[("path", Arg::Str(&shown))]))
        .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the summary of a write plan, its anchor changes and the segments
/// still missing, with the translation memory's best near match.
fn write_plan_report(
    out: &mut dyn Write,
    source: &Path,
    lang: &str,
    plan: &WritePlan,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let shown = shown_path(&plan.path);
    let lang = shown_value(lang);
    let counts = [
        ("memory", Arg::Num(plan.from_memory.len() as f64)),
        ("missing", Arg::Num(plan.missing.len() as f64)),
    ];
    let summary = if plan.original.is_some() {
        l10n.tr_args(
            FILLED,
            &[&[("path", Arg::Str(&shown))], &counts[..]].concat(),
        )
    } else {
        l10n.tr_args(
            NEW,
            &[
                &[("path", Arg::Str(&shown)), ("lang", Arg::Str(&lang))],
                &counts[..],
            ]
            .concat(),
        )
    };
    writeln!(out, "{summary}")?;
    let english = shown_path(source);
    // In an existing file, each translation taken from the memory is shown;
    // a new file is all skeleton, and its summary says enough.
    if plan.original.is_some() {
        for m in &plan.from_memory {
            let seg = &plan.source.document.segments[m.segment];
            let location = format!("{english}:{}", seg.lines.0);
            let text = text::truncate(
                &text::one_line(&segment::normalize(&m.translation)),
                TEXT_WIDTH,
            );
            writeln!(
                out,
                "  {}",
                l10n.tr_args(
                    FROM_MEMORY,
                    &[
                        ("location", Arg::Str(&location)),
                        ("kind", Arg::Str(&l10n.tr(kind_id(seg.kind)))),
                        ("text", Arg::Str(&text)),
                    ]
                )
            )?;
        }
    }
    write_changes(out, &shown, &plan.anchors, l10n)?;
    for m in &plan.missing {
        let seg = &plan.source.document.segments[m.segment];
        let location = format!("{english}:{}", seg.lines.0);
        let text = text::truncate(&text::one_line(&segment::normalize(&seg.text)), TEXT_WIDTH);
        writeln!(
            out,
            "  {}",
            l10n.tr_args(
                MISSING,
                &[
                    ("location", Arg::Str(&location)),
                    ("kind", Arg::Str(&l10n.tr(kind_id(seg.kind)))),
                    ("text", Arg::Str(&text)),
                ]
            )
        )?;
        if let Some(s) = &m.suggestion {
            // Words are compared without case: say so when the texts differ.
            let mut percent = (s.similarity * 100.0).floor();
            let value = crate::localize::segment_value(&plan.source.text, seg);
            if percent >= 100.0 && segment::normalize(&s.source) != segment::normalize(&value) {
                percent = 99.0;
            }
            let text = text::truncate(&text::one_line(&segment::normalize(&s.target)), TEXT_WIDTH);
            writeln!(
                out,
                "      {}",
                l10n.tr_args(
                    SUGGESTION,
                    &[("similarity", Arg::Num(percent)), ("text", Arg::Str(&text)),]
                )
            )?;
        }
    }
    Ok(())
}

/// Turns a write error into a localized error that keeps its cause.
fn explain_write(err: WriteError, l10n: &Localizer) -> anyhow::Error {
    match err {
        WriteError::Load(e) => explain(e, l10n),
        WriteError::NotASource { path } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ERROR_NOT_A_SOURCE,
                &[("path", Arg::Str(&shown_path(&path)))]
            )
        ),
        WriteError::Localize { path, source } => anyhow::Error::new(source)
            .context(l10n.tr_args(ERROR_LOCALIZE, &[("path", Arg::Str(&shown_path(&path)))])),
    }
}
