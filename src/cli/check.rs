//! `trame check`: a gate for CI. Applies the rules of `trame.toml` to every
//! translation and fails (exit 1) on errors. Human text is localized; JSON,
//! GitHub annotations and JUnit XML are English (their messages come from the
//! English bundle) and stable. GitHub shows at most ten error and ten warning
//! annotations per file, so no more are written, with a notice for the
//! rest; the Markdown job summary (`$GITHUB_STEP_SUMMARY`) is for people,
//! so localized.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::CheckFormat;
use crate::cli::output::{markdown_cell, render_diff, shown_value, use_colour, warn};
use crate::cli::scan::{Scanned, scan};
use crate::config::Config;
use crate::i18n::{Arg, Localizer};
use crate::report::{Counts, DocReport, Rule, Side};
use crate::stale::State;
use crate::text;
use crate::workspace::StaleDoc;

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    CHECK_COVERAGE,
    CHECK_SECTION_MISSING,
    CHECK_STALE,
    CHECK_REMOVED,
    CHECK_MOVED,
    CHECK_FINDING_SOURCE,
    CHECK_FINDING_TARGET,
    CHECK_FINDING_ANCHOR,
    CHECK_FINDING_MARKDOWN,
    CHECK_SUMMARY,
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    CHECK_GITHUB_LEFT_OUT,
    CHECK_JUNIT_FAILURES,
    CHECK_STEP_TITLE,
    CHECK_STEP_LANGUAGE,
    CHECK_STEP_PAGES,
    CHECK_STEP_TRANSLATED,
    CHECK_STEP_PERCENT,
    CHECK_STEP_STALE,
    CHECK_STEP_MISSING,
    CHECK_STEP_UNTRANSLATED,
    CHECK_STEP_ERRORS,
    CHECK_STEP_WARNINGS,
    CHECK_STEP_FILES,
    CHECK_STEP_FILE,
    CHECK_STEP_MORE_FILES,
    CHECK_STEP_FAILED,
    CHECK_MD_BASE,
    CHECK_MD_NEW,
    CHECK_MD_FIXED,
    CHECK_MD_MORE,
    CHECK_MD_REPORT,
];
const CHECK_COVERAGE: &str = "check-coverage";
const CHECK_SECTION_MISSING: &str = "check-section-missing";
const CHECK_STALE: &str = "check-stale";
const CHECK_REMOVED: &str = "check-removed";
const CHECK_MOVED: &str = "check-moved";
const CHECK_FINDING_SOURCE: &str = "check-finding-source";
const CHECK_FINDING_TARGET: &str = "check-finding-target";
/// A link of the translation to a heading of its own page it lacks.
const CHECK_FINDING_ANCHOR: &str = "check-finding-anchor";
/// Markdown the translation broke.
const CHECK_FINDING_MARKDOWN: &str = "check-finding-markdown";
const CHECK_SUMMARY: &str = "check-summary";
const SEVERITY_ERROR: &str = "severity-error";
const SEVERITY_WARNING: &str = "severity-warning";
const CHECK_GITHUB_LEFT_OUT: &str = "check-github-left-out";
const CHECK_JUNIT_FAILURES: &str = "check-junit-failures";
const CHECK_STEP_TITLE: &str = "check-step-title";
const CHECK_STEP_LANGUAGE: &str = "check-step-language";
const CHECK_STEP_PAGES: &str = "check-step-pages";
const CHECK_STEP_TRANSLATED: &str = "check-step-translated";
const CHECK_STEP_PERCENT: &str = "check-step-percent";
const CHECK_STEP_STALE: &str = "check-step-stale";
const CHECK_STEP_MISSING: &str = "check-step-missing";
const CHECK_STEP_UNTRANSLATED: &str = "check-step-untranslated";
const CHECK_STEP_ERRORS: &str = "check-step-errors";
const CHECK_STEP_WARNINGS: &str = "check-step-warnings";
const CHECK_STEP_FILES: &str = "check-step-files";
const CHECK_STEP_FILE: &str = "check-step-file";
const CHECK_STEP_MORE_FILES: &str = "check-step-more-files";
const CHECK_STEP_FAILED: &str = "check-step-failed";
const CHECK_MD_BASE: &str = "check-md-base";
const CHECK_MD_NEW: &str = "check-md-new";
const CHECK_MD_FIXED: &str = "check-md-fixed";
const CHECK_MD_MORE: &str = "check-md-more";
const CHECK_MD_REPORT: &str = "check-md-report";

/// GitHub shows at most this many error annotations, and as many warning
/// annotations, per file and step; `--format github` writes no more.
const GITHUB_ANNOTATIONS: usize = 10;

/// Files listed in the job summary, those with the most errors first.
const SUMMARY_FILES: usize = 10;

/// How serious a check finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Severity {
    Error,
    Warning,
}

/// One result of `trame check`, before rendering.
#[derive(Debug, Clone)]
struct CheckFinding {
    severity: Severity,
    rule: &'static str,
    file: String,
    line: u32,
    lang: String,
    section: String,
    /// Message id and arguments, rendered in the chosen language.
    message: (&'static str, Vec<(&'static str, MessageArg)>),
    diff: Option<Vec<crate::stale::Chunk>>,
}

/// An argument of a finding's message.
#[derive(Debug, Clone, PartialEq)]
enum MessageArg {
    /// Text from a page or the project (a value, a path, a line number),
    /// shown as written.
    Text(String),
    /// A count or a percentage, passed to Fluent as a number so that it
    /// selects plural forms.
    Number(f64),
}

impl CheckFinding {
    /// The message for people (text, GitHub annotations, JUnit): every value
    /// from a content file shown with its controls visible.
    fn text(&self, l10n: &Localizer) -> String {
        let shown: Vec<(&'static str, MessageArg)> = self
            .message
            .1
            .iter()
            .map(|(k, v)| match v {
                MessageArg::Text(t) => (*k, MessageArg::Text(shown_value(t))),
                MessageArg::Number(_) => (*k, v.clone()),
            })
            .collect();
        self.render(&shown, l10n)
    }

    /// The value the finding is about (see `FindingJson::value`).
    fn value(&self) -> &str {
        let arg = |name: &str| {
            self.message.1.iter().find_map(|(k, v)| match v {
                MessageArg::Text(t) if *k == name => Some(t.as_str()),
                _ => None,
            })
        };
        arg("value").or_else(|| arg("section")).unwrap_or("")
    }

    /// The message for JSON: values as written (serde escapes what JSON must).
    fn raw_text(&self, l10n: &Localizer) -> String {
        self.render(&self.message.1, l10n)
    }

    fn render(&self, values: &[(&'static str, MessageArg)], l10n: &Localizer) -> String {
        let top = l10n.tr(crate::cli::status::STATUS_SECTION_TOP);
        let args: Vec<(&str, Arg<'_>)> = values
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        MessageArg::Text(t) if *k == "section" && t.is_empty() => Arg::Str(&top),
                        MessageArg::Text(t) => Arg::Str(t),
                        MessageArg::Number(n) => Arg::Num(*n),
                    },
                )
            })
            .collect();
        l10n.tr_args(self.message.0, &args)
    }
}

/// What `trame check --format markdown` adds to the summary.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MarkdownOptions<'a> {
    /// The revision to compare with (`origin/main`).
    pub(crate) base: Option<&'a str>,
    /// Where the HTML status page is published.
    pub(crate) report_url: Option<&'a str>,
}

/// Runs `trame check`. With `--format github`, a Markdown job summary is
/// appended to `step_summary` when given (`$GITHUB_STEP_SUMMARY`); with
/// `--format markdown` the same summary is printed, with what the change
/// made stale or fixed since `markdown.base` and a link to the HTML page.
pub(crate) fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    step_summary: Option<&Path>,
    markdown: MarkdownOptions<'_>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, scanned, notes) = scan(paths, None, l10n)?;
    if scanned.is_empty() {
        // A gate that checked nothing says so (a path or a layout trame
        // did not read as translations), though nothing failed.
        crate::cli::output::warn(&l10n.tr(crate::cli::status::STATUS_EMPTY), l10n);
    }
    let changes = match (format, markdown.base) {
        (CheckFormat::Markdown, Some(rev)) => {
            Some(compare_with_base(&project, paths, rev, &scanned, l10n)?)
        }
        _ => None,
    };
    let config = project.config;
    let mut findings = orphans(&notes);
    findings.extend(evaluate(&config, &scanned));
    // Each rule at its level: off, warning or error.
    findings.retain_mut(|f| match config.check.level(f.rule) {
        crate::config::Level::Off => false,
        crate::config::Level::Warn => {
            f.severity = Severity::Warning;
            true
        }
        crate::config::Level::Error => {
            f.severity = Severity::Error;
            true
        }
    });
    // The same finding on the same line is said once (a value repeated in
    // one paragraph, or seen from several rows).
    let mut seen = std::collections::HashSet::new();
    findings.retain(|f| {
        seen.insert((
            f.file.clone(),
            f.line,
            f.rule,
            f.lang.clone(),
            format!("{:?}", f.message),
        ))
    });
    let n_errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let english = Localizer::new(&["en"]);
    let written = match format {
        CheckFormat::Text => write_check_text(out, &findings, scanned.len(), l10n),
        CheckFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &CheckJson::new(&findings, &scanned, &config, &english),
            )?;
            writeln!(out)
        }
        CheckFormat::Github => write_github(out, &findings, &english),
        CheckFormat::Junit => write_junit(out, &findings, &scanned, &english),
        CheckFormat::Markdown => {
            let md = markdown_summary(&findings, &scanned, changes.as_ref(), markdown, l10n);
            out.write_all(md.as_bytes())
        }
    };
    written.with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    if format == CheckFormat::Github
        && let Some(path) = step_summary
    {
        let summary = step_summary_markdown(&findings, &scanned, l10n);
        // The summary is a courtesy to readers: the annotations and the
        // exit code are the check, so a summary that cannot be written
        // is a warning.
        if let Err(err) = append(path, &summary) {
            let detail = format!(
                "{}: {}",
                l10n.tr_args(
                    CHECK_STEP_FAILED,
                    &[("path", Arg::Str(&crate::cli::output::shown_path(path)))]
                ),
                text::visible_line(&err.to_string())
            );
            warn(&detail, l10n);
        }
    }
    Ok(if n_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A translation whose source page does not exist is an error of its own
/// rule, `orphan`, naming the source it most likely translates.
fn orphans(notes: &[crate::workspace::StaleNote]) -> Vec<CheckFinding> {
    notes
        .iter()
        .filter_map(|n| match n {
            crate::workspace::StaleNote::Orphan {
                path,
                lang,
                likely_source,
            } => {
                let mut args = vec![
                    ("path", MessageArg::Text(path.display().to_string())),
                    ("lang", MessageArg::Text(lang.clone())),
                ];
                let id = match likely_source {
                    Some(s) => {
                        args.push(("source", MessageArg::Text(s.display().to_string())));
                        crate::i18n::ids::NOTE_ORPHAN_LIKELY
                    }
                    None => crate::i18n::ids::NOTE_ORPHAN,
                };
                Some(CheckFinding {
                    severity: Severity::Error,
                    rule: "orphan",
                    file: path.display().to_string(),
                    line: 1,
                    lang: lang.clone(),
                    section: String::new(),
                    message: (id, args),
                    diff: None,
                })
            }
            _ => None,
        })
        .collect()
}

/// Applies the rules of `trame.toml` to every translation.
fn evaluate(config: &Config, scanned: &[Scanned]) -> Vec<CheckFinding> {
    let rules = &config.check;
    let allowed = |section: &crate::report::Section| {
        rules.untranslated_sections.iter().any(|a| {
            a.eq_ignore_ascii_case(&section.title)
                || section
                    .anchor
                    .as_deref()
                    .is_some_and(|anchor| anchor == a.trim_start_matches('#'))
        })
    };
    let mut out = Vec::new();
    for s in scanned {
        let (doc, report) = (&s.doc, &s.report);
        let target = doc.target.path.display().to_string();
        let source = doc.source.path.display().to_string();
        let section_name = |k: usize| {
            report
                .sections
                .get(k)
                .map_or(String::new(), |sec| sec.title.clone())
        };
        // Coverage, with the sections allowed to stay untranslated left out.
        let (mut total, mut translated) = (0usize, 0usize);
        for sec in report.sections.iter().filter(|sec| !allowed(sec)) {
            total += sec.counts.total();
            translated += sec.counts.translated();
        }
        let percent = if total == 0 {
            100.0
        } else {
            100.0 * translated as f64 / total as f64
        };
        let required = rules.coverage_for(&doc.lang);
        if percent + 1e-9 < required {
            out.push(CheckFinding {
                severity: Severity::Error,
                rule: "coverage",
                file: target.clone(),
                line: 1,
                lang: doc.lang.clone(),
                section: String::new(),
                message: (
                    CHECK_COVERAGE,
                    vec![
                        ("percent", MessageArg::Number(percent.floor())),
                        ("required", MessageArg::Number(required)),
                    ],
                ),
                diff: None,
            });
            // Per section: English segments the translation lacks, and
            // those it has but left in English (both `Missing` or
            // `Untranslated`: the states tell news from old gaps, the
            // target tells absent from left as it was).
            let mut gaps = vec![(0usize, 0usize); report.sections.len()];
            for (l, &k) in doc.labels.iter().zip(&report.label_sections) {
                if let (true, Some(gap)) = (l.state.is_gap(), gaps.get_mut(k)) {
                    if l.target.is_empty() {
                        gap.0 += 1;
                    } else {
                        gap.1 += 1;
                    }
                }
            }
            for (k, sec) in report.sections.iter().enumerate() {
                let (absent, in_english) = gaps[k];
                if absent + in_english == 0 || allowed(sec) {
                    continue;
                }
                // Empty for the part before the first heading: named when
                // the message is rendered, as `status --sections` names it.
                let title = sec.title.clone();
                out.push(CheckFinding {
                    severity: Severity::Error,
                    rule: "coverage",
                    file: target.clone(),
                    line: target_line_near(doc, k, report),
                    lang: doc.lang.clone(),
                    section: section_name(k),
                    message: (
                        CHECK_SECTION_MISSING,
                        vec![
                            ("section", MessageArg::Text(title)),
                            ("missing", MessageArg::Number(absent as f64)),
                            ("english", MessageArg::Number(in_english as f64)),
                            ("source", MessageArg::Text(source.clone())),
                            ("first", MessageArg::Text(sec.line.to_string())),
                            ("last", MessageArg::Text(sec.end_line.to_string())),
                        ],
                    ),
                    diff: None,
                });
            }
        }
        // Stale and removed segments beyond what is allowed.
        let stale: Vec<(usize, &crate::stale::Labelled)> = doc
            .labels
            .iter()
            .enumerate()
            .filter(|(k, l)| {
                matches!(l.state, State::Stale | State::Removed)
                    && !report
                        .sections
                        .get(report.label_sections[*k])
                        .is_some_and(allowed)
            })
            .collect();
        if stale.len() > rules.stale {
            // Removed blocks whose English went to another page (a page
            // split, a section moved): one finding per page they went to.
            // Each at the place of its first block: (page, blocks, finding).
            let mut moved: Vec<(&Path, usize, usize)> = Vec::new();
            for (k, l) in stale {
                if let Some(page) = doc.moved_to(k)
                    && l.state == State::Removed
                    && !l.target.is_empty()
                {
                    match moved.iter_mut().find(|m| m.0 == page) {
                        Some(m) => m.1 += 1,
                        None => {
                            moved.push((page, 1, out.len()));
                            out.push(CheckFinding {
                                severity: Severity::Error,
                                rule: State::Removed.as_str(),
                                file: target.clone(),
                                line: doc.target.document.segments[l.target.start].lines.0,
                                lang: doc.lang.clone(),
                                section: section_name(report.label_sections[k]),
                                message: (CHECK_MOVED, Vec::new()),
                                diff: None,
                            });
                        }
                    }
                    continue;
                }
                let line = if l.target.is_empty() {
                    1
                } else {
                    doc.target.document.segments[l.target.start].lines.0
                };
                let source_line = l
                    .source
                    .map_or(0, |i| doc.source.document.segments[i].lines.0);
                let id = if l.state == State::Removed {
                    CHECK_REMOVED
                } else {
                    CHECK_STALE
                };
                out.push(CheckFinding {
                    severity: Severity::Error,
                    rule: l.state.as_str(),
                    file: target.clone(),
                    line,
                    lang: doc.lang.clone(),
                    section: section_name(report.label_sections[k]),
                    message: (
                        id,
                        vec![
                            ("source", MessageArg::Text(source.clone())),
                            ("line", MessageArg::Text(source_line.to_string())),
                        ],
                    ),
                    diff: Some(l.diff.clone()),
                });
            }
            for (page, count, at) in moved {
                out[at].message.1 = vec![
                    ("count", MessageArg::Number(count as f64)),
                    ("page", MessageArg::Text(page.display().to_string())),
                ];
            }
        }
        // Consistency findings.
        for f in &report.findings {
            let severity = if rules.warnings.iter().any(|w| w == f.rule.as_str()) {
                Severity::Warning
            } else {
                Severity::Error
            };
            let (id, value) = match (f.side, f.rule) {
                (Some(Side::Source), _) => (CHECK_FINDING_SOURCE, f.value.clone()),
                (_, Rule::Anchor) => (CHECK_FINDING_ANCHOR, f.value.clone()),
                (_, Rule::Markdown) => (CHECK_FINDING_MARKDOWN, f.value.clone()),
                _ => (CHECK_FINDING_TARGET, f.value.clone()),
            };
            let shown = if f.rule == Rule::Date {
                month_name(&value)
            } else {
                value
            };
            out.push(CheckFinding {
                severity,
                rule: f.rule.as_str(),
                file: target.clone(),
                line: f.target_line.unwrap_or(1),
                lang: doc.lang.clone(),
                section: section_name(f.section),
                message: (
                    id,
                    vec![
                        ("rule", MessageArg::Text(f.rule.as_str().to_owned())),
                        ("value", MessageArg::Text(shown)),
                        ("source", MessageArg::Text(source.clone())),
                        (
                            "line",
                            MessageArg::Text(f.source_line.unwrap_or(0).to_string()),
                        ),
                    ],
                ),
                diff: None,
            });
        }
    }
    out
}

/// Shows `--09` as `September (--09)` so a reader sees the month.
fn month_name(value: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    value
        .strip_prefix("--")
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .map_or(value.to_owned(), |name| format!("{name} ({value})"))
}

/// Returns the translation line where a missing section would go: the line
/// of the translated segment before it, else 1.
fn target_line_near(doc: &StaleDoc, section: usize, report: &DocReport) -> u32 {
    let mut line = 1;
    for (k, l) in doc.labels.iter().enumerate() {
        if report.label_sections[k] >= section {
            break;
        }
        if !l.target.is_empty() {
            line = doc.target.document.segments[l.target.end - 1].lines.1;
        }
    }
    line
}

fn write_check_text(
    out: &mut dyn Write,
    findings: &[CheckFinding],
    n_docs: usize,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let colour = use_colour();
    for f in findings {
        let severity = l10n.tr(if f.severity == Severity::Error {
            SEVERITY_ERROR
        } else {
            SEVERITY_WARNING
        });
        let section = if f.section.is_empty() {
            String::new()
        } else {
            format!("[{}] ", text::one_line(&f.section))
        };
        writeln!(
            out,
            "{}:{}: {severity} ({}, {}): {section}{}",
            shown_value(&f.file),
            f.line,
            f.rule,
            shown_value(&f.lang),
            f.text(l10n)
        )?;
        if let Some(diff) = &f.diff {
            writeln!(out, "    {}", render_diff(diff, colour))?;
        }
    }
    let n_errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    writeln!(
        out,
        "{}",
        l10n.tr_args(
            CHECK_SUMMARY,
            &[
                ("errors", Arg::Num(n_errors as f64)),
                ("warnings", Arg::Num((findings.len() - n_errors) as f64)),
                ("translations", Arg::Num(n_docs as f64)),
            ]
        )
    )
}

/// Escapes a GitHub workflow command's data, after showing its controls
/// (GitHub's interface shows annotations to people).
fn github_escape(s: &str) -> String {
    text::visible(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(s: &str) -> String {
    github_escape(&text::visible_line(s))
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// Writes the first [`GITHUB_ANNOTATIONS`] errors and warnings of each file
/// as annotations, in order, then one notice per file that had more, saying
/// how many were left out.
fn write_github(
    out: &mut dyn Write,
    findings: &[CheckFinding],
    english: &Localizer,
) -> std::io::Result<()> {
    // Errors and warnings seen per file, files in order of first finding.
    let mut seen: Vec<(&str, [usize; 2])> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for f in findings {
        let k = *index.entry(f.file.as_str()).or_insert_with(|| {
            seen.push((f.file.as_str(), [0, 0]));
            seen.len() - 1
        });
        let (kind, n) = if f.severity == Severity::Error {
            ("error", &mut seen[k].1[0])
        } else {
            ("warning", &mut seen[k].1[1])
        };
        *n += 1;
        if *n > GITHUB_ANNOTATIONS {
            continue;
        }
        let mut message = f.text(english);
        if !f.section.is_empty() {
            message = format!("[{}] {message}", text::one_line(&f.section));
        }
        if let Some(diff) = &f.diff {
            message.push('\n');
            message.push_str(&render_diff(diff, false));
        }
        writeln!(
            out,
            "::{kind} file={},line={},title={}::{}",
            github_property(&f.file),
            f.line,
            github_property(&format!("trame {} ({})", f.rule, f.lang)),
            github_escape(&message)
        )?;
    }
    for (file, [errors, warnings]) in seen {
        let left = |n: usize| n.saturating_sub(GITHUB_ANNOTATIONS);
        if left(errors) + left(warnings) == 0 {
            continue;
        }
        let message = english.tr_args(
            CHECK_GITHUB_LEFT_OUT,
            &[
                ("errors", Arg::Num(left(errors) as f64)),
                ("warnings", Arg::Num(left(warnings) as f64)),
                ("limit", Arg::Num(GITHUB_ANNOTATIONS as f64)),
            ],
        );
        writeln!(
            out,
            "::notice file={},title={}::{}",
            github_property(file),
            github_property("trame check"),
            github_escape(&message)
        )?;
    }
    Ok(())
}

/// Appends `text` to the file at `path`, creating it if needed; what the
/// file held is kept (every command of a step writes to the same file).
fn append(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?
        .write_all(text.as_bytes())
}

/// Per-language totals of the job summary.
#[derive(Default)]
struct LanguageTotals {
    pages: usize,
    counts: Counts,
    errors: usize,
    warnings: usize,
}

/// The Markdown job summary of `--format github`: a title, the sentence
/// that ends the text output, a table per language (pages, coverage, stale,
/// missing and untranslated segments, errors, warnings) and the files with
/// the most errors. Text from pages is escaped for table cells.
fn step_summary_markdown(
    findings: &[CheckFinding],
    scanned: &[Scanned],
    l10n: &Localizer,
) -> String {
    let (mut md, files) = summary_head(findings, scanned, l10n);
    md.push_str(&files_table(&files, l10n));
    md.push('\n');
    md
}

/// Findings of one file: its path, language, errors and warnings.
type FileCounts<'a> = (&'a str, &'a str, usize, usize);

/// The title, the sentence and the table per language of the summary;
/// and the findings per file, for [`files_table`].
fn summary_head<'a>(
    findings: &'a [CheckFinding],
    scanned: &'a [Scanned],
    l10n: &Localizer,
) -> (String, Vec<FileCounts<'a>>) {
    let n_errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let n_warnings = findings.len() - n_errors;
    let mut langs: BTreeMap<&str, LanguageTotals> = BTreeMap::new();
    for s in scanned {
        let t = langs.entry(s.doc.lang.as_str()).or_default();
        t.pages += 1;
        for (sum, n) in t.counts.by_state.iter_mut().zip(s.report.total.by_state) {
            *sum += n;
        }
        t.counts.words_to_translate += s.report.total.words_to_translate;
    }
    // Findings per file, files in order of first finding.
    let mut files: Vec<(&str, &str, usize, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for f in findings {
        let t = langs.entry(f.lang.as_str()).or_default();
        let k = *index.entry(f.file.as_str()).or_insert_with(|| {
            files.push((f.file.as_str(), f.lang.as_str(), 0, 0));
            files.len() - 1
        });
        if f.severity == Severity::Error {
            t.errors += 1;
            files[k].2 += 1;
        } else {
            t.warnings += 1;
            files[k].3 += 1;
        }
    }
    let mut md = format!(
        "## {}\n\n{}\n\n",
        l10n.tr_args(CHECK_STEP_TITLE, &[("errors", Arg::Num(n_errors as f64))]),
        l10n.tr_args(
            CHECK_SUMMARY,
            &[
                ("errors", Arg::Num(n_errors as f64)),
                ("warnings", Arg::Num(n_warnings as f64)),
                ("translations", Arg::Num(scanned.len() as f64)),
            ]
        )
    );
    let header = |ids: &[&str]| {
        let names: Vec<String> = ids.iter().map(|id| markdown_cell(&l10n.tr(id))).collect();
        format!("| {} |\n", names.join(" | "))
    };
    md.push_str(&header(&[
        CHECK_STEP_LANGUAGE,
        CHECK_STEP_PAGES,
        CHECK_STEP_TRANSLATED,
        CHECK_STEP_STALE,
        CHECK_STEP_MISSING,
        CHECK_STEP_UNTRANSLATED,
        CHECK_STEP_ERRORS,
        CHECK_STEP_WARNINGS,
    ]));
    md.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (lang, t) in &langs {
        let percent = if t.pages == 0 {
            l10n.tr(crate::cli::status::STATUS_NONE)
        } else {
            l10n.tr_args(
                CHECK_STEP_PERCENT,
                &[("percent", Arg::Num(t.counts.percent().floor()))],
            )
        };
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            markdown_cell(lang),
            t.pages,
            markdown_cell(&percent),
            t.counts.get(State::Stale),
            t.counts.get(State::Missing),
            t.counts.get(State::Untranslated),
            t.errors,
            t.warnings
        ));
    }
    (md, files)
}

/// The files with the most errors (ten at most), as a table.
fn files_table(files: &[FileCounts<'_>], l10n: &Localizer) -> String {
    let mut md = String::new();
    let header = |ids: &[&str]| {
        let names: Vec<String> = ids.iter().map(|id| markdown_cell(&l10n.tr(id))).collect();
        format!("| {} |\n", names.join(" | "))
    };
    let mut files = files.to_vec();
    // Most errors first, then most warnings; ties keep the findings' order.
    files.sort_by_key(|f| std::cmp::Reverse((f.2, f.3)));
    if !files.is_empty() {
        md.push_str(&format!("\n### {}\n\n", l10n.tr(CHECK_STEP_FILES)));
        md.push_str(&header(&[
            CHECK_STEP_FILE,
            CHECK_STEP_LANGUAGE,
            CHECK_STEP_ERRORS,
            CHECK_STEP_WARNINGS,
        ]));
        md.push_str("| --- | --- | ---: | ---: |\n");
        for (file, lang, errors, warnings) in files.iter().take(SUMMARY_FILES) {
            md.push_str(&format!(
                "| {} | {} | {errors} | {warnings} |\n",
                markdown_cell(file),
                markdown_cell(lang)
            ));
        }
        if files.len() > SUMMARY_FILES {
            md.push_str(&format!(
                "\n{}\n",
                l10n.tr_args(
                    CHECK_STEP_MORE_FILES,
                    &[("count", Arg::Num((files.len() - SUMMARY_FILES) as f64))]
                )
            ));
        }
    }
    md
}

/// Lines of detail in `--format markdown` (the changes since the base).
const MARKDOWN_DETAILS: usize = 20;

/// A segment that needs work now and did not at the base, or the reverse.
#[derive(Debug, Clone)]
struct Change {
    /// Stale, missing or untranslated (now, or at the base for a fix).
    state: State,
    /// The translation (a stale segment) or the English page, as shown.
    file: String,
    line: u32,
    /// The English, on one line.
    english: String,
}

/// What the change made needing work (`new`) or fixed since `base`.
#[derive(Debug, Clone)]
struct Changes {
    base: String,
    commit: String,
    new: Vec<Change>,
    fixed: Vec<Change>,
}

/// Segments needing work (stale, missing, untranslated) in `docs`, keyed by
/// the translation's path relative to `root` and the English text.
fn work_items<'a>(
    docs: impl Iterator<Item = &'a StaleDoc>,
    root: &Path,
) -> (
    BTreeMap<(String, String), Change>,
    std::collections::HashSet<String>,
) {
    use crate::workspace::base::relative_to;
    let mut items = BTreeMap::new();
    let mut files = std::collections::HashSet::new();
    for doc in docs {
        let Some(rel) = relative_to(root, &doc.target.path) else {
            continue;
        };
        let source_rel = relative_to(root, &doc.source.path).unwrap_or_default();
        files.insert(rel.clone());
        for l in &doc.labels {
            if !matches!(l.state, State::Stale | State::Missing | State::Untranslated) {
                continue;
            }
            let Some(seg) = l.source.and_then(|i| doc.source.document.segments.get(i)) else {
                continue;
            };
            let english = text::one_line(&seg.text);
            let (file, line) = match doc.target.document.segments.get(l.target.start) {
                Some(t) if l.state == State::Stale => (rel.clone(), t.lines.0),
                _ => (source_rel.clone(), seg.lines.0),
            };
            items.insert(
                (rel.clone(), english.clone()),
                Change {
                    state: l.state,
                    file,
                    line,
                    english,
                },
            );
        }
    }
    (items, files)
}

/// Compares the staleness now with the staleness at `rev`.
fn compare_with_base(
    project: &crate::workspace::Project,
    paths: &[PathBuf],
    rev: &str,
    scanned: &[Scanned],
    l10n: &Localizer,
) -> anyhow::Result<Changes> {
    let base = crate::workspace::base::staleness_at(project, paths, rev)
        .map_err(|e| crate::cli::output::explain_stale(e, l10n))?;
    let root =
        crate::workspace::base::work_tree(project).unwrap_or_else(|| project.confine.clone());
    let (now, now_files) = work_items(scanned.iter().map(|s| &s.doc), &root);
    let (then, _) = work_items(base.docs.iter(), &base.root);
    let new = now
        .iter()
        .filter(|(k, _)| !then.contains_key(*k))
        .map(|(_, c)| c.clone())
        .collect();
    // A translation deleted since is not "fixed".
    let fixed = then
        .iter()
        .filter(|(k, _)| !now.contains_key(*k) && now_files.contains(&k.0))
        .map(|(_, c)| c.clone())
        .collect();
    Ok(Changes {
        base: rev.to_owned(),
        commit: base.commit.chars().take(10).collect(),
        new,
        fixed,
    })
}

/// `--format markdown`: the summary's title, sentence and table per
/// language; then what changed since the base (at most
/// [`MARKDOWN_DETAILS`] lines), else the files with the most errors; then
/// the link to the HTML page. Text from pages is escaped for Markdown.
fn markdown_summary(
    findings: &[CheckFinding],
    scanned: &[Scanned],
    changes: Option<&Changes>,
    options: MarkdownOptions<'_>,
    l10n: &Localizer,
) -> String {
    let (mut md, files) = summary_head(findings, scanned, l10n);
    match changes {
        Some(c) => {
            md.push_str(&format!(
                "\n{}\n\n",
                l10n.tr_args(
                    CHECK_MD_BASE,
                    &[
                        ("base", Arg::Str(&markdown_cell(&c.base))),
                        ("commit", Arg::Str(&c.commit)),
                        ("needing", Arg::Num(c.new.len() as f64)),
                        ("fixed", Arg::Num(c.fixed.len() as f64)),
                    ]
                )
            ));
            let lines = c
                .new
                .iter()
                .map(|ch| (false, ch))
                .chain(c.fixed.iter().map(|ch| (true, ch)));
            let total = c.new.len() + c.fixed.len();
            for (fixed, ch) in lines.take(MARKDOWN_DETAILS) {
                let state = l10n.tr(crate::cli::output::state_id(ch.state));
                let english = markdown_cell(&text::truncate(&ch.english, 60));
                md.push_str(&format!(
                    "- {}\n",
                    l10n.tr_args(
                        if fixed { CHECK_MD_FIXED } else { CHECK_MD_NEW },
                        &[
                            ("state", Arg::Str(&state)),
                            ("file", Arg::Str(&markdown_cell(&ch.file))),
                            ("line", Arg::Num(f64::from(ch.line))),
                            ("text", Arg::Str(&english)),
                        ]
                    )
                ));
            }
            if total > MARKDOWN_DETAILS {
                md.push_str(&format!(
                    "\n{}\n",
                    l10n.tr_args(
                        CHECK_MD_MORE,
                        &[("count", Arg::Num((total - MARKDOWN_DETAILS) as f64))]
                    )
                ));
            }
        }
        None => md.push_str(&files_table(&files, l10n)),
    }
    if let Some(url) = options.report_url.and_then(crate::cli::output::web_url) {
        md.push_str(&format!(
            "\n[{}]({url})\n",
            markdown_cell(&l10n.tr(CHECK_MD_REPORT))
        ));
    }
    md.push('\n');
    md
}

/// Escapes XML text; controls are shown first, so the document holds no
/// character XML 1.0 forbids (C0 controls but tab and line feed, U+FFFE,
/// U+FFFF) and no bidi control reaches a CI page.
fn xml_escape(s: &str) -> String {
    text::visible(s)
        .replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write_junit(
    out: &mut dyn Write,
    findings: &[CheckFinding],
    scanned: &[Scanned],
    english: &Localizer,
) -> std::io::Result<()> {
    // Each file's errors, in order: one pass, not one per translation.
    let mut errors: std::collections::HashMap<&str, Vec<&CheckFinding>> =
        std::collections::HashMap::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        errors.entry(f.file.as_str()).or_default().push(f);
    }
    let failed_docs = scanned
        .iter()
        .filter(|s| errors.contains_key(s.doc.target.path.display().to_string().as_str()))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="trame check" tests="{}" failures="{failed_docs}">"#,
        scanned.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="trame check" tests="{}" failures="{failed_docs}">"#,
        scanned.len()
    )?;
    for s in scanned {
        let file = s.doc.target.path.display().to_string();
        let name = xml_escape(&text::visible_line(&format!("{file} ({})", s.doc.lang)));
        let mine: &[&CheckFinding] = errors.get(file.as_str()).map_or(&[], Vec::as_slice);
        if mine.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="trame" name="{name}" file="{}"/>"#,
                xml_escape(&text::visible_line(&file))
            )?;
            continue;
        }
        writeln!(
            out,
            r#"    <testcase classname="trame" name="{name}" file="{}">"#,
            xml_escape(&text::visible_line(&file))
        )?;
        let body: Vec<String> = mine
            .iter()
            .map(|f| {
                let mut line = format!(
                    "{}:{}: {}: {}",
                    shown_value(&f.file),
                    f.line,
                    f.rule,
                    f.text(english)
                );
                if let Some(diff) = &f.diff {
                    line.push_str(&format!("\n    {}", render_diff(diff, false)));
                }
                line
            })
            .collect();
        let summary = english.tr_args(
            CHECK_JUNIT_FAILURES,
            &[("count", Arg::Num(mine.len() as f64))],
        );
        writeln!(
            out,
            r#"      <failure message="{}" type="trame">{}</failure>"#,
            xml_escape(&summary),
            xml_escape(&body.join("\n"))
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// `trame check --format json`.
#[derive(Serialize)]
struct CheckJson {
    ok: bool,
    errors: usize,
    warnings: usize,
    coverage: Vec<CoverageJson>,
    findings: Vec<FindingJson>,
}

#[derive(Serialize)]
struct CoverageJson {
    source: String,
    target: String,
    lang: String,
    translated: usize,
    total: usize,
    percent: f64,
    required: f64,
    /// Consistency findings left out: dismissed for their segment
    /// (`trame review --dismiss`) or of a rule the page ignores.
    dismissed: usize,
}

#[derive(Serialize)]
struct FindingJson {
    severity: Severity,
    rule: &'static str,
    file: String,
    line: u32,
    lang: String,
    section: String,
    /// What the finding is about, as written in the page: the value of a
    /// consistency rule (a URL, a number, `--09` for September), the
    /// section of a coverage finding; empty otherwise.
    value: String,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<DiffJson>>,
}

#[derive(Serialize)]
struct DiffJson {
    op: &'static str,
    text: String,
}

impl CheckJson {
    fn new(
        findings: &[CheckFinding],
        scanned: &[Scanned],
        config: &Config,
        english: &Localizer,
    ) -> CheckJson {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        CheckJson {
            ok: errors == 0,
            errors,
            warnings: findings.len() - errors,
            coverage: scanned
                .iter()
                .map(|s| CoverageJson {
                    source: s.doc.source.path.display().to_string(),
                    target: s.doc.target.path.display().to_string(),
                    lang: s.doc.lang.clone(),
                    translated: s.report.total.translated(),
                    total: s.report.total.total(),
                    percent: (s.report.total.percent() * 10.0).round() / 10.0,
                    required: config.check.coverage_for(&s.doc.lang),
                    dismissed: s.dismissed,
                })
                .collect(),
            findings: findings
                .iter()
                .map(|f| FindingJson {
                    severity: f.severity,
                    rule: f.rule,
                    file: f.file.clone(),
                    line: f.line,
                    lang: f.lang.clone(),
                    section: f.section.clone(),
                    value: f.value().to_owned(),
                    message: f.raw_text(english),
                    diff: f.diff.as_ref().map(|d| {
                        d.iter()
                            .map(|c| DiffJson {
                                op: c.op.as_str(),
                                text: c.text.clone(),
                            })
                            .collect()
                    }),
                })
                .collect(),
        }
    }
}
