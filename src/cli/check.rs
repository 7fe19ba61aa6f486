//! `trame check`: a gate for CI. Applies the rules of `trame.toml` to every
//! translation and fails (exit 1) on errors. Human text is localized; JSON,
//! GitHub annotations and JUnit XML are English (their messages come from the
//! English bundle) and stable.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::cli::CheckFormat;
use crate::cli::output::{render_diff, shown_value, use_colour};
use crate::cli::scan::{Scanned, scan};
use crate::config::Config;
use crate::i18n::{Arg, Localizer};
use crate::report::{DocReport, Rule, Side};
use crate::stale::State;
use crate::text;
use crate::workspace::StaleDoc;

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    CHECK_COVERAGE,
    CHECK_SECTION_MISSING,
    CHECK_STALE,
    CHECK_REMOVED,
    CHECK_FINDING_SOURCE,
    CHECK_FINDING_TARGET,
    CHECK_SUMMARY,
    SEVERITY_ERROR,
    SEVERITY_WARNING,
];
const CHECK_COVERAGE: &str = "check-coverage";
const CHECK_SECTION_MISSING: &str = "check-section-missing";
const CHECK_STALE: &str = "check-stale";
const CHECK_REMOVED: &str = "check-removed";
const CHECK_FINDING_SOURCE: &str = "check-finding-source";
const CHECK_FINDING_TARGET: &str = "check-finding-target";
const CHECK_SUMMARY: &str = "check-summary";
const SEVERITY_ERROR: &str = "severity-error";
const SEVERITY_WARNING: &str = "severity-warning";

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
    message: (&'static str, Vec<(&'static str, String)>),
    diff: Option<Vec<crate::stale::Chunk>>,
}

impl CheckFinding {
    /// The message for people (text, GitHub annotations, JUnit): every value
    /// from a content file shown with its controls visible.
    fn text(&self, l10n: &Localizer) -> String {
        let shown: Vec<(&'static str, String)> = self
            .message
            .1
            .iter()
            .map(|(k, v)| (*k, shown_value(v)))
            .collect();
        self.render(&shown, l10n)
    }

    /// The value the finding is about (see `FindingJson::value`).
    fn value(&self) -> &str {
        let arg = |name: &str| {
            self.message
                .1
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        arg("value").or_else(|| arg("section")).unwrap_or("")
    }

    /// The message for JSON: values as written (serde escapes what JSON must).
    fn raw_text(&self, l10n: &Localizer) -> String {
        self.render(&self.message.1, l10n)
    }

    fn render(&self, values: &[(&'static str, String)], l10n: &Localizer) -> String {
        let top = l10n.tr(crate::cli::status::STATUS_SECTION_TOP);
        let args: Vec<(&str, Arg<'_>)> = values
            .iter()
            .map(|(k, v)| {
                // Counts select plural forms; every other value is shown as written.
                let numeric = matches!(*k, "count" | "percent" | "required");
                (
                    *k,
                    if *k == "section" && v.is_empty() {
                        Arg::Str(&top)
                    } else if numeric {
                        v.parse::<f64>().map_or(Arg::Str(v), Arg::Num)
                    } else {
                        Arg::Str(v)
                    },
                )
            })
            .collect();
        l10n.tr_args(self.message.0, &args)
    }
}

/// Runs `trame check`.
pub(crate) fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (config, scanned, notes) = scan(paths, None, l10n)?;
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
    let n_warnings = findings.len() - n_errors;
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
    };
    written.with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    let _ = n_warnings;
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
                let mut args = vec![("path", path.display().to_string()), ("lang", lang.clone())];
                let id = match likely_source {
                    Some(s) => {
                        args.push(("source", s.display().to_string()));
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
                        ("percent", format!("{:.0}", percent.floor())),
                        ("required", format!("{required}")),
                    ],
                ),
                diff: None,
            });
            for (k, sec) in report.sections.iter().enumerate() {
                let missing = sec.counts.get(State::Missing) + sec.counts.get(State::Untranslated);
                if missing == 0 || allowed(sec) {
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
                            ("section", title),
                            ("count", missing.to_string()),
                            ("source", source.clone()),
                            ("first", sec.line.to_string()),
                            ("last", sec.end_line.to_string()),
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
            for (k, l) in stale {
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
                            ("source", source.clone()),
                            ("line", source_line.to_string()),
                        ],
                    ),
                    diff: Some(l.diff.clone()),
                });
            }
        }
        // Consistency findings.
        for f in &report.findings {
            let severity = if rules.warnings.iter().any(|w| w == f.rule.as_str()) {
                Severity::Warning
            } else {
                Severity::Error
            };
            let (id, value) = match f.side {
                Some(Side::Source) => (CHECK_FINDING_SOURCE, f.value.clone()),
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
                        ("rule", f.rule.as_str().to_owned()),
                        ("value", shown),
                        ("source", source.clone()),
                        ("line", f.source_line.unwrap_or(0).to_string()),
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

fn write_github(
    out: &mut dyn Write,
    findings: &[CheckFinding],
    english: &Localizer,
) -> std::io::Result<()> {
    for f in findings {
        let kind = if f.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
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
    Ok(())
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
    let errors: Vec<&CheckFinding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let failed_docs = scanned
        .iter()
        .filter(|s| {
            errors
                .iter()
                .any(|f| f.file == s.doc.target.path.display().to_string())
        })
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
        let mine: Vec<&&CheckFinding> = errors.iter().filter(|f| f.file == file).collect();
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
        let summary = format!("{} errors", mine.len());
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
