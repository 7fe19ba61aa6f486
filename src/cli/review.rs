//! `trame review`: records that translated segments are correct for the
//! current English (`.trame-reviews` beside the page).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::{shown_path, shown_value, warn_notes};
use crate::cli::scan::configured_staleness;
use crate::i18n::{Arg, Localizer, ids};
use crate::workspace;

pub(crate) fn review(
    path: &std::path::Path,
    lang: &str,
    segment_no: Option<usize>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
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
    let (changed, count) = (recorded.changed, recorded.count);
    let shown = shown_path(&recorded.file);
    let id = if changed {
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
                ("count", Arg::Num(count as f64)),
                ("path", Arg::Str(&shown))
            ]
        )
    )
    .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}
