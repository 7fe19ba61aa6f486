//! `trame review`: records that translated segments are correct for the
//! current English (`.trame-reviews` beside the page).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output::warn_notes;
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
    let (_, docs, notes) = configured_staleness(&[path.to_owned()], Some(lang), l10n)?;
    warn_notes(&notes, l10n);
    let doc = docs.into_iter().find(|d| d.lang == lang).ok_or_else(|| {
        anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ids::ERROR_NO_TRANSLATION,
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    ("lang", Arg::Str(lang))
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
    // Reviews made against uncommitted English are keyed to the work tree.
    let english_committed = !notes.iter().any(
        |n| matches!(n, workspace::StaleNote::NotCommitted { path } if *path == doc.source.path),
    );
    let commit = crate::history::Repo::open(path)
        .ok()
        .and_then(|repo| repo.head())
        .filter(|_| english_committed)
        .unwrap_or_else(|| "worktree".to_owned());
    let page = doc
        .source
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut records = Vec::new();
    for row in &doc.alignment.rows {
        if row.source.is_empty() || row.target.is_empty() {
            continue;
        }
        if let Some(n) = segment_no
            && !row.source.contains(&(n - 1))
        {
            continue;
        }
        records.push(crate::store::Review {
            page: page.clone(),
            lang: lang.to_owned(),
            target: workspace::row_fingerprint(&doc.target.document, &row.target),
            source: workspace::row_fingerprint(&doc.source.document, &row.source),
            commit: commit.clone(),
        });
    }
    let dir = doc
        .source
        .path
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .to_owned();
    let changed = crate::store::add(&dir, &records)?;
    let shown = dir.join(crate::store::FILE_NAME).display().to_string();
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
                ("count", Arg::Num(records.len() as f64)),
                ("path", Arg::Str(&shown))
            ]
        )
    )
    .with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}
