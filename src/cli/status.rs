//! `trame status`: translation coverage per page, language and section, for
//! coordinators; human text is localized, JSON is English and stable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::Format;
use crate::cli::output::{bar, shown_path, shown_value, use_colour};
use crate::cli::scan::{Scanned, scan};
use crate::i18n::{Arg, Localizer};
use crate::stale::State;
use crate::text;
use crate::workspace::StaleNote;

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[STATUS_HEADER, STATUS_CELL, STATUS_NONE, STATUS_SECTION_TOP];
const STATUS_HEADER: &str = "status-header";
const STATUS_CELL: &str = "status-cell";
/// Shown where there is no value, for `status` and `check` alike.
pub(crate) const STATUS_NONE: &str = "status-none";
/// The name of the part of a page before its first heading, for `status`
/// and `check` alike.
pub(crate) const STATUS_SECTION_TOP: &str = "status-section-top";

/// Runs `trame status`.
pub(crate) fn status(
    paths: &[PathBuf],
    lang: Option<&str>,
    sections: bool,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (_, scanned, notes) = scan(paths, lang, l10n)?;
    let written = match format {
        Format::Json => {
            let json = StatusJson::new(&scanned, &notes, sections);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Text => write_status_text(out, &scanned, sections, l10n),
    };
    written.with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
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

fn write_status_text(
    out: &mut dyn Write,
    scanned: &[Scanned],
    sections: bool,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let colour = use_colour();
    let mut langs: Vec<&str> = scanned.iter().map(|s| s.doc.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let shown_langs: Vec<String> = langs.iter().map(|l| shown_value(l)).collect();
    let mut sources: Vec<&Path> = scanned
        .iter()
        .map(|s| s.doc.source.path.as_path())
        .collect();
    sources.dedup();
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            STATUS_HEADER,
            &[
                ("documents", Arg::Num(sources.len() as f64)),
                ("languages", Arg::Str(&shown_langs.join(", ")))
            ]
        )
    )?;
    let section_width = if sections {
        scanned
            .iter()
            .flat_map(|s| &s.report.sections)
            .map(|sec| text::width(&text::one_line(&sec.title)) + 4)
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let name_width = sources
        .iter()
        .map(|p| text::width(&shown_path(p)))
        .max()
        .unwrap_or(0)
        .max(8)
        .max(section_width);
    for source in sources {
        let docs: Vec<&Scanned> = scanned
            .iter()
            .filter(|s| s.doc.source.path == source)
            .collect();
        write!(out, "{}", text::pad(&shown_path(source), name_width))?;
        for (lang, shown_lang) in langs.iter().zip(&shown_langs) {
            match docs.iter().find(|d| d.doc.lang == *lang) {
                Some(d) => write!(
                    out,
                    "  {shown_lang} {}",
                    cell(&d.report.total, colour, l10n)
                )?,
                None => write!(out, "  {shown_lang} {}", l10n.tr(STATUS_NONE))?,
            }
        }
        writeln!(out)?;
        if sections {
            let Some(first) = docs.first() else { continue };
            for (k, section) in first.report.sections.iter().enumerate() {
                let title = if section.title.is_empty() {
                    l10n.tr(STATUS_SECTION_TOP)
                } else {
                    text::one_line(&section.title)
                };
                let label = format!("  § {title}");
                write!(out, "{}", text::pad(&label, name_width))?;
                for (lang, shown_lang) in langs.iter().zip(&shown_langs) {
                    match docs
                        .iter()
                        .find(|d| d.doc.lang == *lang)
                        .and_then(|d| d.report.sections.get(k))
                    {
                        Some(s) => {
                            write!(out, "  {shown_lang} {}", cell(&s.counts, colour, l10n))?;
                        }
                        None => write!(out, "  {shown_lang} {}", l10n.tr(STATUS_NONE))?,
                    }
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

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
