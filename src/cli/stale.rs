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
use crate::cli::scan::configured_staleness_in_order;
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
    let colour = use_colour();
    // Each report is written as soon as it is ready and then dropped.
    let mut written: std::io::Result<()> = Ok(());
    let mut first = true;
    let (_, notes) = configured_staleness_in_order(paths, lang, l10n, &mut |doc| {
        if written.is_err() {
            return;
        }
        written = match format {
            Format::Json => write_stale_json(out, &doc, all, first),
            Format::Text => write_stale_text(out, &doc, all, colour, l10n),
        };
        first = false;
    })?;
    if let (Format::Json, Ok(())) = (format, &written) {
        written = if first {
            writeln!(out, "{{\n  \"documents\": []\n}}")
        } else {
            writeln!(out, "\n  ]\n}}")
        };
    }
    written.with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    warn_notes(&notes, l10n);
    Ok(ExitCode::SUCCESS)
}

/// Writes one document of `{"documents": [...]}` as `serde_json`'s pretty
/// printer would write it inside the whole object (the opening of the
/// object before the first, a comma before the others).
fn write_stale_json(
    out: &mut dyn Write,
    doc: &workspace::StaleDoc,
    all: bool,
    first: bool,
) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(&StaleDocJson::new(doc, all))?;
    out.write_all(if first {
        b"{\n  \"documents\": [\n"
    } else {
        b",\n"
    })?;
    // JSON strings hold no raw line break: every line is one of the value's.
    for (i, line) in json.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "    {line}")?;
    }
    Ok(())
}

fn write_stale_text(
    out: &mut dyn Write,
    doc: &workspace::StaleDoc,
    all: bool,
    colour: bool,
    l10n: &Localizer,
) -> std::io::Result<()> {
    use crate::stale::State;
    {
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
        for (k, l) in doc.labels.iter().enumerate() {
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
            if let Some(page) = doc.moved_to(k) {
                let page = shown_path(page);
                writeln!(
                    out,
                    "      {}",
                    l10n.tr_args(ids::STALE_MOVED_TO, &[("page", Arg::Str(&page))])
                )?;
            }
        }
    }
    Ok(())
}

/// One document of `trame stale --format json` (`{"documents": [...]}`).
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
    /// On a removed segment: the English page its English is in now.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_to: Option<String>,
    diff: Vec<DiffJson>,
}

#[derive(Debug, Serialize)]
struct DiffJson {
    op: &'static str,
    text: String,
}

impl StaleDocJson {
    /// Builds the JSON view of one staleness report.
    fn new(d: &workspace::StaleDoc, all: bool) -> Self {
        StaleDocJson {
            source: d.source.path.display().to_string(),
            target: d.target.path.display().to_string(),
            lang: d.lang.clone(),
            segments: d
                .labels
                .iter()
                .enumerate()
                .filter(|(_, l)| all || l.state != crate::stale::State::UpToDate)
                .map(|(k, l)| StaleSegmentJson {
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
                    moved_to: d.moved_to(k).map(|p| p.display().to_string()),
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
        }
    }
}
