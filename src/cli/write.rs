//! `trame write` and `trame sync`: writing localized files (issue 6).
//!
//! The plans come from `workspace::write`; this module prints them (a
//! summary, one `file:line: old → new` line per change, the segments left
//! for translators) and saves them, or with `--dry-run` prints the unified
//! diff of what would change and writes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{explain, kind_id, render_diff, sanitize, truncate, use_colour};
use crate::cli::{warn_diagnostics, warn_notes};
use crate::i18n::{Arg, Localizer, ids};
use crate::localize::{CarryIssue, InvariantKind};
use crate::segment;
use crate::workspace::write::{self as plan, Change, SyncIssue, WriteError, WritePlan};
use crate::workspace::{self, SaveError};

/// Message ids used by this module.
pub const IDS: &[&str] = &[
    ERROR_LANG,
    ERROR_NOT_A_SOURCE,
    ERROR_CHANGED,
    ERROR_SAVE,
    ERROR_LOCALIZE,
    NEW,
    FILLED,
    MISSING,
    FROM_MEMORY,
    SUGGESTION,
    WROTE,
    UNCHANGED,
    DRY_RUN,
    SYNC_CHANGE,
    SYNC_LEFT,
    REASON_COUNT,
    REASON_CONFLICTING,
    REASON_NOT_FOUND,
    REASON_REPEATED,
    REASON_OUTDATED,
    REASON_SEVERAL,
    REASON_CONTEXT,
    SYNC_SUMMARY,
];

const ERROR_LANG: &str = "write-error-lang";
const ERROR_NOT_A_SOURCE: &str = "write-error-not-a-source";
const ERROR_CHANGED: &str = "write-error-changed";
const ERROR_SAVE: &str = "write-error-save";
const ERROR_LOCALIZE: &str = "write-error-localize";
const NEW: &str = "write-new";
const FILLED: &str = "write-filled";
const MISSING: &str = "write-missing";
const FROM_MEMORY: &str = "write-from-memory";
const SUGGESTION: &str = "write-suggestion";
const WROTE: &str = "write-wrote";
const UNCHANGED: &str = "write-unchanged";
const DRY_RUN: &str = "write-dry-run";
const SYNC_CHANGE: &str = "sync-change";
const SYNC_LEFT: &str = "sync-left";
const REASON_COUNT: &str = "sync-reason-count";
const REASON_CONFLICTING: &str = "sync-reason-conflicting";
const REASON_NOT_FOUND: &str = "sync-reason-not-found";
const REASON_REPEATED: &str = "sync-reason-repeated";
const REASON_OUTDATED: &str = "sync-reason-outdated";
const REASON_SEVERAL: &str = "sync-reason-several";
const REASON_CONTEXT: &str = "sync-reason-context";
const SYNC_SUMMARY: &str = "sync-summary";

/// Missing segments are shown this long, in characters.
const TEXT_WIDTH: usize = 72;

/// Runs `trame write`.
pub fn write(
    source: &Path,
    lang: &str,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = workspace::Project::for_paths(&[source.to_owned()])
        .map_err(|e| crate::cli::explain_project(e, l10n))?;
    let valid = crate::config::parse_tag(lang).is_some_and(|l| l != project.source_lang);
    if !valid {
        anyhow::bail!("{}", l10n.tr_args(ERROR_LANG, &[("lang", Arg::Str(lang))]));
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
    } else if plan::save(&plan.path, plan.original.as_deref(), &plan.text)
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
                let shown = plan.path.display().to_string();
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
    let shown = plan.path.display().to_string();
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
    let shown = plan.path.display().to_string();
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
                &[("path", Arg::Str(&shown)), ("lang", Arg::Str(lang))],
                &counts[..],
            ]
            .concat(),
        )
    };
    writeln!(out, "{summary}")?;
    let english = source.display().to_string();
    // In an existing file, each translation taken from the memory is shown;
    // a new file is all skeleton, and its summary says enough.
    if plan.original.is_some() {
        for m in &plan.from_memory {
            let seg = &plan.source.document.segments[m.segment];
            let location = format!("{english}:{}", seg.lines.0);
            let text = truncate(&sanitize(&segment::normalize(&m.translation)), TEXT_WIDTH);
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
        let text = truncate(&sanitize(&segment::normalize(&seg.text)), TEXT_WIDTH);
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
            let text = truncate(&sanitize(&segment::normalize(&s.target)), TEXT_WIDTH);
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

/// Writes one `file:line: old → new` line per change.
fn write_changes(
    out: &mut dyn Write,
    shown: &str,
    changes: &[Change],
    l10n: &Localizer,
) -> std::io::Result<()> {
    for c in changes {
        let location = format!("{shown}:{}", c.line);
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                SYNC_CHANGE,
                &[
                    ("location", Arg::Str(&location)),
                    ("old", Arg::Str(&sanitize(&c.old))),
                    ("new", Arg::Str(&sanitize(&c.new))),
                ]
            )
        )?;
    }
    Ok(())
}

/// Runs `trame sync`.
pub fn sync(
    paths: &[PathBuf],
    lang: Option<&str>,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, docs, notes) = crate::cli::report::configured_staleness(paths, lang, l10n)?;
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
            let path = doc.target.path.display().to_string();
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
            plan::save(&p.path, Some(&p.original), &p.text)
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
    let shown = p.path.display().to_string();
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
    let detail = format!("{err:#}");
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
        SyncIssue::Carry(CarryIssue::Conflicting { value, .. }) => {
            l10n.tr_args(REASON_CONFLICTING, &[("value", Arg::Str(&sanitize(value)))])
        }
        SyncIssue::Carry(CarryIssue::NotFound { value, .. }) => {
            l10n.tr_args(REASON_NOT_FOUND, &[("value", Arg::Str(&sanitize(value)))])
        }
        SyncIssue::Carry(CarryIssue::Repeated { value, count, .. }) => l10n.tr_args(
            REASON_REPEATED,
            &[
                ("value", Arg::Str(&sanitize(value))),
                ("count", Arg::Num(*count as f64)),
            ],
        ),
        SyncIssue::Carry(CarryIssue::Outdated) => l10n.tr(REASON_OUTDATED),
        SyncIssue::SeveralSegments => l10n.tr(REASON_SEVERAL),
        SyncIssue::Context => l10n.tr(REASON_CONTEXT),
    }
}

/// Writes the unified diff from `old` to `new` (three lines of context);
/// coloured on a terminal. Control characters are shown as symbols, except
/// tabs; the `\r` of CRLF line ends is not shown.
fn write_diff(
    out: &mut dyn Write,
    old: &str,
    new: &str,
    old_name: &str,
    new_name: &str,
    colour: bool,
) -> std::io::Result<()> {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let shown: String = line
            .split('\t')
            .map(sanitize)
            .collect::<Vec<_>>()
            .join("\t");
        let style = match shown.as_bytes().first() {
            _ if !colour => None,
            Some(b'+') if !shown.starts_with("+++") => Some("32"),
            Some(b'-') if !shown.starts_with("---") => Some("31"),
            Some(b'@') => Some("36"),
            _ => None,
        };
        match style {
            Some(code) => writeln!(out, "\x1b[{code}m{shown}\x1b[0m")?,
            None => writeln!(out, "{shown}")?,
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
                &[("path", Arg::Str(&path.display().to_string()))]
            )
        ),
        WriteError::Localize { path, source } => anyhow::Error::new(source).context(l10n.tr_args(
            ERROR_LOCALIZE,
            &[("path", Arg::Str(&path.display().to_string()))],
        )),
    }
}

/// Turns a save error into a localized error that keeps its cause.
fn explain_save(err: SaveError, l10n: &Localizer) -> anyhow::Error {
    match err {
        SaveError::ChangedOnDisk { path } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ERROR_CHANGED,
                &[("path", Arg::Str(&path.display().to_string()))]
            )
        ),
        SaveError::Io { path, source } => anyhow::Error::new(source).context(l10n.tr_args(
            ERROR_SAVE,
            &[("path", Arg::Str(&path.display().to_string()))],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_save_names_the_file_in_every_language() {
        for lang in ["en", "fr", "it"] {
            let l10n = Localizer::new(&[lang]);
            let err = SaveError::ChangedOnDisk {
                path: PathBuf::from("content/x.it.md"),
            };
            let shown = format!("{:#}", explain_save(err, &l10n));
            assert!(shown.contains("content/x.it.md"), "{lang}: {shown}");
            assert_ne!(shown, ERROR_CHANGED, "{lang}: untranslated");
        }
    }

    #[test]
    fn the_diff_shows_tabs_and_hides_control_characters() {
        let mut out = Vec::new();
        write_diff(
            &mut out,
            "a\tb\r\nc\r\n",
            "a\tb\r\nd\u{1b}\r\n",
            "x",
            "x",
            false,
        )
        .unwrap();
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains(" a\tb\n"), "{shown}");
        assert!(shown.contains("+d␛\n"), "{shown}");
        assert!(!shown.contains('\r'));
    }
}
