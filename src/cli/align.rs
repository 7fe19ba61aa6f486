//! `trame align`: a translation next to its source, row by row, in text or JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::Format;
use crate::cli::output::{explain, shown_path, warn_diagnostics};
use crate::i18n::{Arg, Localizer, ids};
use crate::segment;
use crate::text;
use crate::workspace;

pub(crate) fn align(
    source: &std::path::Path,
    target: &std::path::Path,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = workspace::Project::for_paths(&[source.to_owned()])
        .map_err(|e| crate::cli::output::explain_project(e, l10n))?;
    let s = workspace::load_page(source, &project.segment).map_err(|e| explain(e, l10n))?;
    let t = workspace::load_page(target, &project.segment).map_err(|e| explain(e, l10n))?;
    // Corrections recorded beside the source page (`.trame-align`), for the
    // target's language when the layout tells it.
    let alignment = project.align(&s, &t)?;
    let (s_shown, t_shown) = (source.display().to_string(), target.display().to_string());
    let written = match format {
        Format::Json => {
            let json = AlignJson::new(&s_shown, &t_shown, &s.document, &t.document, &alignment);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Text => {
            warn_diagnostics(&s_shown, &s.diagnostics, l10n);
            warn_diagnostics(&t_shown, &t.diagnostics, l10n);
            write_align_text(
                out,
                &shown_path(source),
                &shown_path(target),
                &s.document,
                &t.document,
                &alignment,
                l10n,
            )
        }
    };
    written.with_context(|| l10n.tr(ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the two sides next to each other, one row per line (a row with
/// several segments on a side shows their texts joined).
fn write_align_text(
    out: &mut dyn Write,
    s_shown: &str,
    t_shown: &str,
    s: &segment::Document,
    t: &segment::Document,
    alignment: &crate::align::Alignment,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let n_review = alignment.rows.iter().filter(|r| r.needs_review()).count() as f64;
    let n_rows = alignment.rows.len() as f64;
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            ids::ALIGN_SUMMARY,
            &[
                ("source", Arg::Str(s_shown)),
                ("target", Arg::Str(t_shown)),
                ("rows", Arg::Num(n_rows)),
                ("review", Arg::Num(n_review))
            ]
        )
    )?;
    const WIDTH: usize = 48;
    for row in &alignment.rows {
        let side = |doc: &segment::Document, range: &std::ops::Range<usize>| -> (String, String) {
            if range.is_empty() {
                return ("-".into(), String::new());
            }
            let (a, b) = (
                doc.segments[range.start].lines.0,
                doc.segments[range.end - 1].lines.1,
            );
            let lines = if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            };
            let texts: Vec<String> = range
                .clone()
                .map(|k| segment::normalize(&doc.segments[k].text))
                .collect();
            (lines, text::one_line(&texts.join(" ¶ ")))
        };
        let (mut sl, st) = side(s, &row.source);
        let (mut tl, tt) = side(t, &row.target);
        // A moved block: the empty side points at its partner's line.
        if let Some(k) = row.moved {
            if row.target.is_empty() {
                tl = t.segments.get(k).map_or(tl, |x| format!("→{}", x.lines.0));
            } else {
                sl = s.segments.get(k).map_or(sl, |x| format!("→{}", x.lines.0));
            }
        }
        let mark = if row.needs_review() {
            '?'
        } else if row.crossed {
            '×'
        } else if row.moved.is_some() {
            '↕'
        } else {
            ' '
        };
        writeln!(
            out,
            "{mark}{:>4.2} {sl:>7} {} │ {tl:>7} {}",
            row.score,
            text::pad(&text::truncate(&st, WIDTH), WIDTH),
            text::truncate(&tt, WIDTH)
        )?;
    }
    Ok(())
}

/// `trame align --format json`.
#[derive(Debug, Serialize)]
struct AlignJson<'a> {
    source: &'a str,
    target: &'a str,
    rows: Vec<AlignRowJson>,
}

#[derive(Debug, Serialize)]
struct AlignRowJson {
    source_lines: Vec<[u32; 2]>,
    target_lines: Vec<[u32; 2]>,
    /// Kinds of the row's source segments, then of its target segments.
    kinds: Vec<&'static str>,
    score: f64,
    review: bool,
    /// Present only on a crossed 2-2 row: its two pairs, as indices into
    /// `source_lines` and `target_lines`.
    #[serde(skip_serializing_if = "Option::is_none")]
    crossed: Option<[[usize; 2]; 2]>,
    /// Present only on a one-sided row whose partner sits elsewhere (a moved
    /// block): the partner's lines, on the other side.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<MovedJson>,
}

#[derive(Debug, Serialize)]
struct MovedJson {
    /// `target` when the partner is a target segment, else `source`.
    side: &'static str,
    lines: [u32; 2],
}

impl<'a> AlignJson<'a> {
    /// Builds the JSON view of an alignment.
    fn new(
        source: &'a str,
        target: &'a str,
        s: &segment::Document,
        t: &segment::Document,
        alignment: &crate::align::Alignment,
    ) -> Self {
        let lines = |doc: &segment::Document, r: &std::ops::Range<usize>| -> Vec<[u32; 2]> {
            r.clone()
                .map(|k| [doc.segments[k].lines.0, doc.segments[k].lines.1])
                .collect()
        };
        let rows = alignment
            .rows
            .iter()
            .map(|row| AlignRowJson {
                source_lines: lines(s, &row.source),
                target_lines: lines(t, &row.target),
                kinds: row
                    .source
                    .clone()
                    .map(|k| s.segments[k].kind.as_str())
                    .chain(row.target.clone().map(|k| t.segments[k].kind.as_str()))
                    .collect(),
                score: (row.score * 1000.0).round() / 1000.0,
                review: row.needs_review(),
                crossed: row.crossed.then_some([[0, 1], [1, 0]]),
                moved: row.moved.and_then(|k| {
                    let (side, doc) = if row.target.is_empty() {
                        ("target", t)
                    } else {
                        ("source", s)
                    };
                    let seg = doc.segments.get(k)?;
                    Some(MovedJson {
                        side,
                        lines: [seg.lines.0, seg.lines.1],
                    })
                }),
            })
            .collect();
        AlignJson {
            source,
            target,
            rows,
        }
    }
}
