//! `trame status`: translation coverage per page, language and section, and
//! the totals per language, for coordinators; human text is localized and
//! fits the terminal (long paths cut in the middle, else one language a
//! line), JSON is English and stable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::StatusFormat;
use crate::cli::html;
use crate::cli::output::{bar, explain_save, shown_path, shown_value, use_colour};
use crate::cli::scan::{Scanned, scan};
use crate::i18n::{Arg, Localizer};
use crate::stale::State;
use crate::text;
use crate::workspace::StaleNote;

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    STATUS_HEADER,
    STATUS_EMPTY,
    STATUS_CELL,
    STATUS_NONE,
    STATUS_SECTION_TOP,
    STATUS_TOTAL,
    STATUS_WROTE,
];
/// Said when the report was written to a file (`-o`).
const STATUS_WROTE: &str = "status-wrote";
const STATUS_HEADER: &str = "status-header";
/// Said instead of the table when no page has a translation.
pub(crate) const STATUS_EMPTY: &str = "status-empty";
/// The label of the totals per language.
const STATUS_TOTAL: &str = "status-total";
pub(crate) const STATUS_CELL: &str = "status-cell";
/// Shown where there is no value, for `status` and `check` alike.
pub(crate) const STATUS_NONE: &str = "status-none";
/// The name of the part of a page before its first heading, for `status`
/// and `check` alike.
pub(crate) const STATUS_SECTION_TOP: &str = "status-section-top";

/// How `trame status` reports.
pub(crate) struct Options<'a> {
    /// Each page broken down by heading section (the HTML page always is).
    pub(crate) sections: bool,
    pub(crate) format: StatusFormat,
    /// The file to write instead of printing.
    pub(crate) output: Option<&'a Path>,
    /// The width text output fits in.
    pub(crate) columns: Option<usize>,
}

/// Runs `trame status`.
pub(crate) fn status(
    paths: &[PathBuf],
    lang: Option<&str>,
    options: Options<'_>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, scanned, notes) = scan(paths, lang, l10n)?;
    let sections = options.sections;
    let mut report: Vec<u8> = Vec::new();
    let written = match options.format {
        StatusFormat::Json => {
            let json = StatusJson::new(&scanned, &notes, sections);
            serde_json::to_writer_pretty(&mut report, &json)?;
            writeln!(report)
        }
        StatusFormat::Text => {
            // On a terminal only: a file gets no colour and no width limit.
            let to_file = options.output.is_some();
            let columns = if to_file { None } else { options.columns };
            let colour = !to_file && use_colour();
            write_status_text(&mut report, &scanned, sections, columns, colour, l10n)
        }
        StatusFormat::Html => {
            let untranslated = untranslated(&project, paths, lang, &scanned);
            let links = crate::workspace::web::web_links(&project);
            report.extend_from_slice(
                html::page(&scanned, &untranslated, links.as_ref(), l10n).as_bytes(),
            );
            Ok(())
        }
    };
    written.with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    match options.output {
        Some(path) => {
            let text = String::from_utf8_lossy(&report);
            crate::workspace::web::write_report(&project, path, &text)
                .map_err(|e| explain_save(e, l10n))?;
            writeln!(
                out,
                "{}",
                l10n.tr_args(STATUS_WROTE, &[("path", Arg::Str(&shown_path(path)))])
            )
        }
        None => out.write_all(&report),
    }
    .with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// Per language, the English pages under `paths` with no translation in
/// it (the languages of the scan, or `lang` alone).
fn untranslated(
    project: &crate::workspace::Project,
    paths: &[PathBuf],
    lang: Option<&str>,
    scanned: &[Scanned],
) -> Vec<html::Untranslated> {
    let Ok(scan) = project.scan(paths, lang) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = match lang {
        Some(l) => vec![l.to_owned()],
        None => scanned.iter().map(|s| s.doc.lang.clone()).collect(),
    };
    if lang.is_none() {
        langs.extend(
            scan.sets
                .iter()
                .flat_map(|s| s.translations.iter().map(|(l, _)| l.clone())),
        );
    }
    langs.sort_unstable();
    langs.dedup();
    langs
        .into_iter()
        .map(|lang| html::Untranslated {
            sources: scan
                .sets
                .iter()
                .filter(|set| {
                    !set.translations
                        .iter()
                        .any(|(l, _)| crate::workspace::same_tag(l, &lang))
                })
                .map(|set| set.source.clone())
                .collect(),
            lang,
        })
        .collect()
}

fn cell(counts: &crate::report::Counts, colour: bool, l10n: &Localizer) -> String {
    let percent = counts.percent();
    format!(
        "{} {}",
        bar(percent, colour),
        l10n.tr_args(
            STATUS_CELL,
            &[
                ("percent", Arg::Num(percent.floor())),
                ("stale", Arg::Num(counts.get(State::Stale) as f64)),
                ("missing", Arg::Num(counts.get(State::Missing) as f64)),
                (
                    "untranslated",
                    Arg::Num(counts.get(State::Untranslated) as f64),
                ),
            ]
        )
    )
}

/// One line of the text table: a page, a section of it, or the totals.
struct Row {
    /// The page's path, the section's title or "Total", as shown.
    label: String,
    /// True for a page path (cut in the middle when too long; other labels
    /// are cut at the end).
    path: bool,
    /// Per language, the cell without colour (its width) and as printed.
    cells: Vec<(String, String)>,
}

fn write_status_text(
    out: &mut dyn Write,
    scanned: &[Scanned],
    sections: bool,
    columns: Option<usize>,
    colour: bool,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let mut langs: Vec<&str> = scanned.iter().map(|s| s.doc.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let shown_langs: Vec<String> = langs.iter().map(|l| shown_value(l)).collect();
    // The translations of one page come together, in path order.
    let groups: Vec<&[Scanned]> = scanned
        .chunk_by(|a, b| a.doc.source.path == b.doc.source.path)
        .collect();
    if groups.is_empty() {
        // No table of nothing: say what was looked for.
        return writeln!(out, "{}", l10n.tr(STATUS_EMPTY));
    }
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            STATUS_HEADER,
            &[
                ("documents", Arg::Num(groups.len() as f64)),
                ("languages", Arg::Str(&shown_langs.join(", ")))
            ]
        )
    )?;
    let none = l10n.tr(STATUS_NONE);
    let cells = |counts: &dyn Fn(&str) -> Option<crate::report::Counts>| {
        langs
            .iter()
            .zip(&shown_langs)
            .map(|(lang, shown)| match counts(lang) {
                Some(c) => (
                    format!("{shown} {}", cell(&c, false, l10n)),
                    format!("{shown} {}", cell(&c, colour, l10n)),
                ),
                None => (format!("{shown} {none}"), format!("{shown} {none}")),
            })
            .collect::<Vec<_>>()
    };
    let mut rows: Vec<Row> = Vec::new();
    for docs in groups {
        let Some(first) = docs.first() else { continue };
        let find = |lang: &str| docs.iter().find(|d| d.doc.lang == lang);
        rows.push(Row {
            label: shown_path(&first.doc.source.path),
            path: true,
            cells: cells(&|lang| find(lang).map(|d| d.report.total.clone())),
        });
        if !sections {
            continue;
        }
        for (k, section) in first.report.sections.iter().enumerate() {
            let title = if section.title.is_empty() {
                l10n.tr(STATUS_SECTION_TOP)
            } else {
                text::one_line(&section.title)
            };
            rows.push(Row {
                label: format!("  § {title}"),
                path: false,
                cells: cells(&|lang| {
                    find(lang)
                        .and_then(|d| d.report.sections.get(k))
                        .map(|s| s.counts.clone())
                }),
            });
        }
    }
    // Totals per language: every page's segments added up.
    let total = |lang: &str| {
        let mut sum = crate::report::Counts::default();
        for s in scanned.iter().filter(|s| s.doc.lang == lang) {
            let c = &s.report.total;
            for (a, b) in sum.by_state.iter_mut().zip(c.by_state) {
                *a += b;
            }
            sum.words_to_translate += c.words_to_translate;
        }
        Some(sum)
    };
    let totals = Row {
        label: l10n.tr(STATUS_TOTAL),
        path: false,
        cells: cells(&total),
    };
    let column_widths: Vec<usize> = (0..langs.len())
        .map(|j| {
            rows.iter()
                .chain(std::iter::once(&totals))
                .map(|r| text::width(&r.cells[j].0))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let cells_width: usize = column_widths.iter().map(|w| w + 2).sum();
    let label_width = rows
        .iter()
        .chain(std::iter::once(&totals))
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(0)
        .max(8);
    // One line a row when it fits (cutting long paths in the middle, down
    // to MIN_LABEL columns); else the label on its line and one language a
    // line under it.
    let fitted_label = match columns {
        None => Some(label_width),
        Some(c) if label_width + cells_width <= c => Some(label_width),
        Some(c) if c >= cells_width + MIN_LABEL => Some(c - cells_width),
        Some(_) => None,
    };
    let cut = |row: &Row, max: usize| {
        if row.path {
            text::truncate_middle(&row.label, max)
        } else {
            text::truncate(&row.label, max)
        }
    };
    let write_row = |out: &mut dyn Write, row: &Row| -> std::io::Result<()> {
        match fitted_label {
            Some(w) => {
                write!(out, "{}", text::pad(&cut(row, w), w))?;
                let last = row.cells.len().saturating_sub(1);
                for (j, (plain, printed)) in row.cells.iter().enumerate() {
                    let pad = if j == last {
                        0
                    } else {
                        column_widths[j].saturating_sub(text::width(plain))
                    };
                    write!(out, "  {printed}{}", " ".repeat(pad))?;
                }
                writeln!(out)
            }
            None => {
                let c = columns.unwrap_or(usize::MAX);
                writeln!(out, "{}", cut(row, c))?;
                for (plain, printed) in &row.cells {
                    if text::width(plain) + 4 <= c {
                        writeln!(out, "    {printed}")?;
                    } else {
                        writeln!(out, "    {}", text::truncate(plain, c.saturating_sub(4)))?;
                    }
                }
                Ok(())
            }
        }
    };
    for row in &rows {
        write_row(out, row)?;
    }
    writeln!(out)?;
    write_row(out, &totals)
}

/// Page paths are cut in the middle down to this width before the table
/// falls back to one language a line.
const MIN_LABEL: usize = 16;

/// `trame status --format json`.
#[derive(Serialize)]
struct StatusJson {
    documents: Vec<StatusDocJson>,
    /// Translations whose source page does not exist.
    orphans: Vec<OrphanJson>,
    /// Files that could not be read as pages.
    skipped: Vec<SkippedJson>,
}

#[derive(Serialize)]
struct OrphanJson {
    path: String,
    lang: String,
    likely_source: Option<String>,
}

#[derive(Serialize)]
struct SkippedJson {
    path: String,
    reason: &'static str,
}

#[derive(Serialize)]
struct StatusDocJson {
    source: String,
    translations: Vec<StatusTranslationJson>,
}

#[derive(Serialize)]
struct StatusTranslationJson {
    lang: String,
    target: String,
    #[serde(flatten)]
    counts: CountsJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    sections: Option<Vec<SectionJson>>,
}

#[derive(Serialize)]
struct CountsJson {
    total: usize,
    translated: usize,
    percent: f64,
    words_to_translate: usize,
    states: std::collections::BTreeMap<&'static str, usize>,
}

impl CountsJson {
    fn new(c: &crate::report::Counts) -> CountsJson {
        CountsJson {
            total: c.total(),
            translated: c.translated(),
            percent: (c.percent() * 10.0).round() / 10.0,
            words_to_translate: c.words_to_translate,
            states: State::ALL.iter().map(|s| (s.as_str(), c.get(*s))).collect(),
        }
    }
}

#[derive(Serialize)]
struct SectionJson {
    title: String,
    anchor: Option<String>,
    line: u32,
    #[serde(flatten)]
    counts: CountsJson,
}

impl StatusJson {
    fn new(scanned: &[Scanned], notes: &[StaleNote], sections: bool) -> StatusJson {
        let mut documents: Vec<StatusDocJson> = Vec::new();
        for s in scanned {
            let source = s.doc.source.path.display().to_string();
            let t = StatusTranslationJson {
                lang: s.doc.lang.clone(),
                target: s.doc.target.path.display().to_string(),
                counts: CountsJson::new(&s.report.total),
                sections: sections.then(|| {
                    s.report
                        .sections
                        .iter()
                        .map(|sec| SectionJson {
                            title: sec.title.clone(),
                            anchor: sec.anchor.clone(),
                            line: sec.line,
                            counts: CountsJson::new(&sec.counts),
                        })
                        .collect()
                }),
            };
            match documents.last_mut() {
                Some(d) if d.source == source => d.translations.push(t),
                _ => documents.push(StatusDocJson {
                    source,
                    translations: vec![t],
                }),
            }
        }
        let shown = |p: &std::path::Path| p.display().to_string();
        let orphans = notes
            .iter()
            .filter_map(|n| match n {
                StaleNote::Orphan {
                    path,
                    lang,
                    likely_source,
                } => Some(OrphanJson {
                    path: shown(path),
                    lang: lang.clone(),
                    likely_source: likely_source.as_deref().map(shown),
                }),
                _ => None,
            })
            .collect();
        let skipped = notes
            .iter()
            .filter_map(|n| match n {
                StaleNote::Skipped { path, reason } => Some(SkippedJson {
                    path: shown(path),
                    reason: reason.as_str(),
                }),
                _ => None,
            })
            .collect();
        StatusJson {
            documents,
            orphans,
            skipped,
        }
    }
}
