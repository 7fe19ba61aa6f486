//! `trame segments`: the translatable segments of Markdown files, in text or JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::Format;
use crate::cli::output::{explain, kind_id, shown_path, shown_value, warn_diagnostics};
use crate::i18n::{Arg, Localizer, ids};
use crate::segment::{self, DiagnosticKind};
use crate::text;
use crate::workspace;

#[allow(clippy::print_stderr)]
pub(crate) fn segments(
    paths: &[PathBuf],
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = workspace::Project::for_paths(paths)
        .map_err(|e| crate::cli::output::explain_project(e, l10n))?;
    let (files, mut skipped) = workspace::markdown_files(paths, Some(&project.confine));
    if files.is_empty()
        && skipped.len() == 1
        && let Some(s) = skipped.pop()
    {
        return Err(crate::cli::output::skipped_error(s.path, s.reason, l10n));
    }
    let mut processed = 0usize;
    for s in skipped {
        crate::cli::output::warn_notes(
            &[workspace::StaleNote::Skipped {
                path: s.path,
                reason: s.reason,
            }],
            l10n,
        );
    }
    let several = files.len() > 1;
    for path in &files {
        let page = match workspace::load_page(path, &project.segment) {
            Ok(page) => page,
            Err(e) => {
                // One bad file does not stop the others.
                let detail = format!("{:#}", explain(e, l10n));
                let detail = text::visible(&detail);
                eprintln!(
                    "trame: {}",
                    l10n.tr_args(ids::ERROR, &[("detail", Arg::Str(&detail))])
                );
                continue;
            }
        };
        processed += 1;
        let shown = path.display().to_string();
        let written = match format {
            Format::Json => {
                let json = SegmentsJson::new(&shown, &page);
                if several {
                    serde_json::to_writer(&mut *out, &json)?;
                } else {
                    serde_json::to_writer_pretty(&mut *out, &json)?;
                }
                writeln!(out)
            }
            Format::Text => {
                warn_diagnostics(&shown, &page.diagnostics, l10n);
                write_segments_text(out, &shown_path(path), &page, l10n)
            }
        };
        written.with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    }
    // Exit 2 only when nothing at all could be read.
    Ok(if processed == 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_segments_text(
    out: &mut dyn Write,
    shown: &str,
    page: &workspace::Page,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let segments = &page.document.segments;
    let count = segments.len() as f64;
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            ids::SEGMENTS_SUMMARY,
            &[("path", Arg::Str(shown)), ("count", Arg::Num(count))]
        )
    )?;
    let width = segments.len().to_string().len();
    for (i, seg) in segments.iter().enumerate() {
        let lines = if seg.lines.0 == seg.lines.1 {
            seg.lines.0.to_string()
        } else {
            format!("{}-{}", seg.lines.0, seg.lines.1)
        };
        let mut label = l10n.tr(kind_id(seg.kind));
        if seg.level > 0 {
            label.push_str(&format!(" {}", seg.level));
        }
        if let Some(key) = &seg.key {
            label.push_str(&format!(" ({})", shown_value(key)));
        }
        let mut shown = text::one_line(&segment::normalize(&seg.text));
        if let Some(anchor) = &seg.anchor {
            shown.push_str(&format!("  #{}", shown_value(anchor)));
        }
        writeln!(
            out,
            "{:>width$}  {lines:<9} {} {}",
            i + 1,
            text::pad(&label, 28),
            text::truncate(&shown, 100)
        )?;
    }
    Ok(())
}

/// `trame segments --format json`: one file.
#[derive(Debug, Serialize)]
struct SegmentsJson<'a> {
    file: &'a str,
    segments: Vec<SegmentJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Debug, Serialize)]
struct SegmentJson<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    lines: [u32; 2],
    bytes: [usize; 2],
    text: &'a str,
    fingerprint: String,
    anchor: Option<&'a str>,
    invariants: InvariantsJson<'a>,
}

#[derive(Debug, Serialize)]
struct InvariantsJson<'a> {
    urls: &'a [String],
    code: &'a [String],
    numbers: &'a [String],
    dates: &'a [String],
    shortcodes: &'a [String],
}

#[derive(Debug, Serialize)]
struct DiagnosticJson<'a> {
    line: u32,
    offset: usize,
    code: &'static str,
    detail: Option<&'a str>,
}

impl<'a> SegmentsJson<'a> {
    /// Builds the JSON view of a page.
    fn new(file: &'a str, page: &'a workspace::Page) -> Self {
        let segments = page
            .document
            .segments
            .iter()
            .map(|s| SegmentJson {
                kind: s.kind.as_str(),
                level: (s.level > 0).then_some(s.level),
                key: s.key.as_deref(),
                lines: [s.lines.0, s.lines.1],
                bytes: [s.bytes.start, s.bytes.end],
                text: &s.text,
                fingerprint: s.fingerprint().to_string(),
                anchor: s.anchor.as_deref(),
                invariants: InvariantsJson {
                    urls: &s.invariants.urls,
                    code: &s.invariants.code,
                    numbers: &s.invariants.numbers,
                    dates: &s.invariants.dates,
                    shortcodes: &s.invariants.shortcodes,
                },
            })
            .collect();
        let diagnostics = page
            .diagnostics
            .iter()
            .map(|d| DiagnosticJson {
                line: d.line,
                offset: d.offset,
                code: d.kind.code(),
                detail: match &d.kind {
                    DiagnosticKind::BadFrontMatter { message } => Some(message),
                    _ => None,
                },
            })
            .collect();
        SegmentsJson {
            file,
            segments,
            diagnostics,
        }
    }
}
