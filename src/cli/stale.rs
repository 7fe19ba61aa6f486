//! `trame stale`: translated segments whose English changed, with word diffs,
//! in text or JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::Format;
use crate::cli::output::{
    lines, render_diff, shown_path, shown_value, state_id, use_colour, warn_notes,
};
use crate::cli::scan::configured_staleness;
use crate::i18n::{Arg, Localizer, ids};
use crate::workspace;

pub(crate) fn stale(
    paths: &[PathBuf],
    lang: Option<&str>,
    all: bool,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (_, docs, notes) = configured_staleness(paths, lang, l10n)?;
    warn_notes(&notes, l10n);
    let written = match format {
        Format::Json => {
            let json = StaleJson::new(&docs, all);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Text => write_stale_text(out, &docs, all, l10n),
    };
    written.with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

fn write_stale_text(
    out: &mut dyn Write,
    docs: &[workspace::StaleDoc],
    all: bool,
    l10n: &Localizer,
) -> std::io::Result<()> {
    use crate::stale::State;
    let colour = use_colour();
    for doc in docs {
        let count = |s: State| doc.labels.iter().filter(|l| l.state == s).count() as f64;
        let source = shown_path(&doc.source.path);
        let target = shown_path(&doc.target.path);
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                ids::STALE_SUMMARY,
                &[
                    ("source", Arg::Str(&source)),
                    ("target", Arg::Str(&target)),
                    ("lang", Arg::Str(&shown_value(&doc.lang))),
                    ("stale", Arg::Num(count(State::Stale))),
                    ("missing", Arg::Num(count(State::Missing))),
                    ("untranslated", Arg::Num(count(State::Untranslated))),
                    ("removed", Arg::Num(count(State::Removed))),
                    ("cosmetic", Arg::Num(count(State::Cosmetic))),
                    ("linkonly", Arg::Num(count(State::LinkOnly))),
                ]
            )
        )?;
        for l in &doc.labels {
            if l.state == State::UpToDate && !all {
                continue;
            }
            let src = l.source.map(|i| {
                let s = &doc.source.document.segments[i];
                format!("#{} L{}", i + 1, lines(s.lines))
            });
            let tgt = (!l.target.is_empty()).then(|| {
                let (a, b) = (
                    &doc.target.document.segments[l.target.start],
                    &doc.target.document.segments[l.target.end - 1],
                );
                format!("L{}", lines((a.lines.0, b.lines.1)))
            });
            let base = l
                .base_commit
                .as_deref()
                .map(|c| shown_value(&c.chars().take(10).collect::<String>()))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:<16} {:<14} → {:<10} {base}",
                l10n.tr(state_id(l.state)),
                src.unwrap_or_else(|| "-".into()),
                tgt.unwrap_or_else(|| "-".into())
            )?;
            if !l.diff.is_empty() {
                writeln!(out, "      {}", render_diff(&l.diff, colour))?;
            }
        }
    }
    Ok(())
}

/// `trame stale --format json`.
#[derive(Debug, Serialize)]
struct StaleJson {
    documents: Vec<StaleDocJson>,
}

#[derive(Debug, Serialize)]
struct StaleDocJson {
    source: String,
    target: String,
    lang: String,
    segments: Vec<StaleSegmentJson>,
}

#[derive(Debug, Serialize)]
struct StaleSegmentJson {
    state: &'static str,
    source_lines: Option<[u32; 2]>,
    target_lines: Option<[u32; 2]>,
    base_commit: Option<String>,
    diff: Vec<DiffJson>,
}

#[derive(Debug, Serialize)]
struct DiffJson {
    op: &'static str,
    text: String,
}

impl StaleJson {
    /// Builds the JSON view of staleness reports.
    fn new(docs: &[workspace::StaleDoc], all: bool) -> Self {
        let documents = docs
            .iter()
            .map(|d| StaleDocJson {
                source: d.source.path.display().to_string(),
                target: d.target.path.display().to_string(),
                lang: d.lang.clone(),
                segments: d
                    .labels
                    .iter()
                    .filter(|l| all || l.state != crate::stale::State::UpToDate)
                    .map(|l| StaleSegmentJson {
                        state: l.state.as_str(),
                        source_lines: l.source.map(|i| {
                            let s = &d.source.document.segments[i];
                            [s.lines.0, s.lines.1]
                        }),
                        target_lines: (!l.target.is_empty()).then(|| {
                            let segs = &d.target.document.segments;
                            [segs[l.target.start].lines.0, segs[l.target.end - 1].lines.1]
                        }),
                        base_commit: l.base_commit.clone(),
                        diff: l
                            .diff
                            .iter()
                            .map(|c| DiffJson {
                                op: c.op.as_str(),
                                text: c.text.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        StaleJson { documents }
    }
}
