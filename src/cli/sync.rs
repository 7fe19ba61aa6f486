//! `trame sync`: carries link-only changes, in-page anchors and link prefixes
//! into translations (issue 6).
//!
//! The plans come from `workspace::write`; this module prints them (one
//! `file:line: old → new` line per change, the changes left for translators
//! with the English word diff) and saves them, or with `--dry-run` prints the
//! unified diff of what would change and writes nothing.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::{
    DRY_RUN, ERROR_LOCALIZE, explain_save, render_diff, shown_path, shown_value, use_colour,
    warn_notes, write_changes, write_diff,
};
use crate::i18n::{Arg, Localizer, ids};
use crate::localize::{CarryIssue, InvariantKind};
use crate::workspace::write::{self as plan, Change, SyncIssue};

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    SYNC_LEFT,
    REASON_COUNT,
    REASON_CONFLICTING,
    REASON_NOT_FOUND,
    REASON_REPEATED,
    REASON_OUTDATED,
    REASON_SEVERAL,
    REASON_CONTEXT,
    REASON_CODE_CHANGED,
    SYNC_SUMMARY,
];

const SYNC_LEFT: &str = "sync-left";
const REASON_COUNT: &str = "sync-reason-count";
const REASON_CONFLICTING: &str = "sync-reason-conflicting";
const REASON_NOT_FOUND: &str = "sync-reason-not-found";
const REASON_REPEATED: &str = "sync-reason-repeated";
const REASON_OUTDATED: &str = "sync-reason-outdated";
const REASON_SEVERAL: &str = "sync-reason-several";
const REASON_CONTEXT: &str = "sync-reason-context";
const REASON_CODE_CHANGED: &str = "sync-reason-code-changed";
const SYNC_SUMMARY: &str = "sync-summary";

/// Runs `trame sync`.
pub(crate) fn sync(
    paths: &[PathBuf],
    lang: Option<&str>,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, docs, notes) = crate::cli::scan::configured_staleness(paths, lang, l10n)?;
    warn_notes(&notes, l10n);
    let config = &project.segment;
    // Link localization only when `trame.toml` asks for it: sites without
    // language directories in their links must keep them as they are.
    let links = &project.config.links;
    let rule = (!links.localize.is_empty()).then(|| crate::localize::LinkRule {
        prefixes: links.localize.clone(),
        keep: links.keep.clone(),
    });
    let mut plans = Vec::with_capacity(docs.len());
    for doc in &docs {
        let p = plan::plan_sync(doc, config, rule.as_ref()).with_context(|| {
            let path = shown_path(&doc.target.path);
            l10n.tr_args(ERROR_LOCALIZE, &[("path", Arg::Str(&path))])
        })?;
        plans.push(p);
    }
    let colour = use_colour();
    let (mut n_changes, mut n_files, mut n_left) = (0usize, 0usize, 0usize);
    let mut failed = false;
    for p in &plans {
        n_left += p.left.len();
        // Saved before anything is printed, so a closed output cannot stop the write.
        let saved = if dry_run || !p.changes_file() {
            Ok(false)
        } else {
            plan::save(Some(&project.confine), &p.path, Some(&p.original), &p.text)
        };
        if let Err(e) = saved {
            // One file changed on disk does not stop the others.
            print_error(&explain_save(e, l10n), l10n);
            failed = true;
            continue;
        }
        let mut changes: Vec<Change> = p.carried.iter().chain(&p.anchors).cloned().collect();
        changes.sort_by_key(|c| c.line);
        if p.changes_file() {
            n_changes += changes.len();
            n_files += 1;
        }
        write_sync_report(out, p, &changes, dry_run, colour, l10n)
            .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    }
    let summary = l10n.tr_args(
        SYNC_SUMMARY,
        &[
            ("changes", Arg::Num(n_changes as f64)),
            ("files", Arg::Num(n_files as f64)),
            ("left", Arg::Num(n_left as f64)),
        ],
    );
    writeln!(out, "{summary}").with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    if dry_run {
        writeln!(out, "{}", l10n.tr(DRY_RUN)).with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the changes of a sync plan, the changes left for translators with
/// the English word diff, and with `--dry-run` the unified diff.
fn write_sync_report(
    out: &mut dyn Write,
    p: &plan::SyncPlan,
    changes: &[Change],
    dry_run: bool,
    colour: bool,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let shown = shown_path(&p.path);
    write_changes(out, &shown, changes, l10n)?;
    for l in &p.left {
        let location = format!("{shown}:{}", l.line);
        let reason = reason(&l.issue, l10n);
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                SYNC_LEFT,
                &[
                    ("location", Arg::Str(&location)),
                    ("reason", Arg::Str(&reason)),
                ]
            )
        )?;
        writeln!(out, "      {}", render_diff(&l.diff, colour))?;
    }
    if dry_run && p.changes_file() {
        write_diff(out, &p.original, &p.text, &shown, &shown, colour)?;
    }
    Ok(())
}

/// Prints an error that does not stop the command, as `main` prints those that do.
#[allow(clippy::print_stderr)]
fn print_error(err: &anyhow::Error, l10n: &Localizer) {
    let detail = crate::text::visible(&format!("{err:#}")).into_owned();
    eprintln!(
        "trame: {}",
        l10n.tr_args(ids::ERROR, &[("detail", Arg::Str(&detail))])
    );
}

/// Returns why a change was left for translators, in words.
fn reason(issue: &SyncIssue, l10n: &Localizer) -> String {
    let kind = |k: &InvariantKind| match k {
        InvariantKind::Url => "url",
        InvariantKind::Code => "code",
        InvariantKind::Number => "number",
    };
    match issue {
        SyncIssue::Carry(CarryIssue::CountChanged { kind: k, old, new }) => l10n.tr_args(
            REASON_COUNT,
            &[
                ("kind", Arg::Str(kind(k))),
                ("old", Arg::Num(*old as f64)),
                ("new", Arg::Num(*new as f64)),
            ],
        ),
        SyncIssue::Carry(CarryIssue::Conflicting { value, .. }) => l10n.tr_args(
            REASON_CONFLICTING,
            &[("value", Arg::Str(&shown_value(value)))],
        ),
        SyncIssue::Carry(CarryIssue::NotFound { value, .. }) => l10n.tr_args(
            REASON_NOT_FOUND,
            &[("value", Arg::Str(&shown_value(value)))],
        ),
        SyncIssue::Carry(CarryIssue::Repeated { value, count, .. }) => l10n.tr_args(
            REASON_REPEATED,
            &[
                ("value", Arg::Str(&shown_value(value))),
                ("count", Arg::Num(*count as f64)),
            ],
        ),
        SyncIssue::Carry(CarryIssue::Outdated) => l10n.tr(REASON_OUTDATED),
        SyncIssue::SeveralSegments => l10n.tr(REASON_SEVERAL),
        SyncIssue::Context => l10n.tr(REASON_CONTEXT),
        SyncIssue::CodeChanged => l10n.tr(REASON_CODE_CHANGED),
    }
}
