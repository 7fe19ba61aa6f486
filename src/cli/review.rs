//! `trame review`: records that translated segments are correct for the
//! current English, or (`--dismiss RULE`) that findings of `trame check` on
//! them are wrong (`.trame-reviews` beside the page).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::{rule_names, shown_path, shown_value, warn_notes};
use crate::cli::scan::configured_staleness;
use crate::i18n::{Arg, Localizer, ids};
use crate::report::{Dismissal, Rule};
use crate::workspace::{self, Project, StaleDoc, StaleNote};

pub(crate) fn review(
    path: &std::path::Path,
    lang: &str,
    segment_no: Option<usize>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, doc, notes) = translation(path, lang, segment_no, l10n)?;
    let rows: Vec<usize> = doc
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.source.is_empty() && !row.target.is_empty())
        .filter(|(_, row)| segment_no.is_none_or(|n| row.source.contains(&(n - 1))))
        .map(|(k, _)| k)
        .collect();
    let recorded = project.record_reviews(&doc, &rows, &notes)?;
    let id = if recorded.changed {
        ids::REVIEW_RECORDED
    } else {
        ids::REVIEW_UNCHANGED
    };
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            id,
            &[
                ("count", Arg::Num(recorded.count as f64)),
                ("path", Arg::Str(&shown_path(&recorded.file)))
            ]
        )
    )
    .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// `trame review --dismiss RULE`: records that the findings of these rules
/// on the segment (every segment of the page with one, when no segment is
/// given) are wrong.
pub(crate) fn dismiss(
    path: &std::path::Path,
    lang: &str,
    segment_no: Option<usize>,
    names: &[String],
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    // Rule names are checked before anything is read.
    let mut rules = Vec::new();
    for name in names {
        let Some(rule) = Rule::parse(name) else {
            anyhow::bail!(
                "{}",
                l10n.tr_args(
                    ids::ERROR_UNKNOWN_RULE,
                    &[
                        ("name", Arg::Str(&shown_value(name))),
                        ("rules", Arg::Str(&rule_names())),
                    ]
                )
            );
        };
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    }
    let (project, doc, _) = translation(path, lang, segment_no, l10n)?;
    let on_segment = |row: usize| {
        segment_no.is_none_or(|n| {
            doc.alignment
                .rows
                .get(row)
                .is_some_and(|r| r.source.contains(&(n - 1)))
        })
    };
    // The rows with a finding of these rules now, and those dismissed
    // already (so that running the command again says so).
    let reported = workspace::report(&doc);
    let mut dismissals: Vec<Dismissal> = reported
        .report
        .findings
        .iter()
        .zip(&reported.report.finding_rows)
        .filter_map(|(f, row)| {
            Some(Dismissal {
                row: (*row)?,
                rule: f.rule,
            })
        })
        .chain(doc.dismissed.iter().copied())
        .filter(|d| rules.contains(&d.rule) && on_segment(d.row))
        .collect();
    dismissals.sort();
    dismissals.dedup();
    let shown_rules = rules
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let line = if dismissals.is_empty() {
        l10n.tr_args(ids::DISMISS_NOTHING, &[("rules", Arg::Str(&shown_rules))])
    } else {
        let recorded = project.record_dismissals(&doc, &dismissals)?;
        let id = if recorded.changed {
            ids::DISMISS_RECORDED
        } else {
            ids::DISMISS_UNCHANGED
        };
        l10n.tr_args(
            id,
            &[
                ("count", Arg::Num(recorded.count as f64)),
                ("rules", Arg::Str(&shown_rules)),
                ("path", Arg::Str(&shown_path(&recorded.file))),
            ],
        )
    };
    writeln!(out, "{line}").with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// The translation of `path` in `lang`, checking the segment number.
fn translation(
    path: &std::path::Path,
    lang: &str,
    segment_no: Option<usize>,
    l10n: &Localizer,
) -> anyhow::Result<(Project, StaleDoc, Vec<StaleNote>)> {
    let (project, docs, notes) = configured_staleness(&[path.to_owned()], Some(lang), l10n)?;
    warn_notes(&notes, l10n);
    let doc = docs
        .into_iter()
        .find(|d| workspace::same_tag(&d.lang, lang))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}",
                l10n.tr_args(
                    ids::ERROR_NO_TRANSLATION,
                    &[
                        ("path", Arg::Str(&shown_path(path))),
                        ("lang", Arg::Str(&shown_value(lang)))
                    ]
                )
            )
        })?;
    let n_source = doc.source.document.segments.len();
    if let Some(n) = segment_no
        && (n == 0 || n > n_source)
    {
        anyhow::bail!(
            "{}",
            l10n.tr_args(
                ids::ERROR_NO_SEGMENT,
                &[
                    ("number", Arg::Num(n as f64)),
                    ("count", Arg::Num(n_source as f64))
                ]
            )
        );
    }
    Ok((project, doc, notes))
}
