//! The command line: subcommands, human and JSON output, exit codes.
//!
//! Exit codes: 0 when all is well, 1 when a check finds problems, 2 on error.
//! Errors print once, with their context chain, through Fluent; JSON output
//! is English and its field names are a stable contract.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::i18n::{Arg, Localizer, ids};

pub mod report;
pub mod write;
use crate::segment::{self, DiagnosticKind, SegmentKind};
use crate::workspace::{self, LoadError};

/// Translate Markdown sites from the terminal.
#[derive(Debug, Parser)]
#[command(name = "trame", version, about)]
pub struct Cli {
    /// Language of the interface (en, fr, it); defaults to LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LANG")]
    pub ui_lang: Option<String>,
    /// What to do; with none, the terminal interface opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lists the translatable segments of Markdown files.
    Segments {
        /// Markdown files, or directories to search for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format; JSON prints one object per file (one per line when
        /// there are several files).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Aligns a translation with its source, segment by segment.
    Align {
        /// The source (English) Markdown file.
        source: PathBuf,
        /// The translated Markdown file.
        target: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Lists translated segments whose English changed, with word diffs.
    Stale {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Only this translation language.
        #[arg(long)]
        lang: Option<String>,
        /// Lists every segment, up to date ones included.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Creates a translation, or fills its missing segments from the
    /// translation memory.
    Write {
        /// The English page.
        source: PathBuf,
        /// The translation's language.
        #[arg(long)]
        lang: String,
        /// Prints a unified diff of what would change, and writes nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Carries link-only changes, in-page anchors and link prefixes into translations.
    Sync {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Only this translation language.
        #[arg(long)]
        lang: Option<String>,
        /// Prints a unified diff of what would change, and writes nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Shows translation coverage per page, language and section.
    Status {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Only this translation language.
        #[arg(long)]
        lang: Option<String>,
        /// Breaks each page down by heading section.
        #[arg(long)]
        sections: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fails (exit 1) when translations break the rules of `trame.toml`.
    Check {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Opens the terminal interface (the default command).
    Tui {
        /// The content folder (default: from `trame.toml`, else `issues/` or `content/`).
        path: Option<PathBuf>,
    },
    /// Records that translated segments are correct for the current English.
    Review {
        /// The English page or its translation.
        path: PathBuf,
        /// The translation's language.
        #[arg(long)]
        lang: String,
        /// The English segment number (as `trame segments` and `trame stale` show it).
        #[arg(long, conflicts_with = "all", required_unless_present = "all")]
        segment: Option<usize>,
        /// Every translated segment of the page.
        #[arg(long)]
        all: bool,
    },
}

/// Output formats of `trame check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people: each finding with file:line and section.
    Text,
    /// For programs.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// JUnit XML, for GitLab and others.
    Junit,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For programs; a stable contract.
    Json,
}

/// Runs the program with the process's arguments and environment.
#[allow(clippy::print_stderr)]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let l10n = Localizer::from_env(cli.ui_lang.as_deref(), |v| std::env::var(v).ok());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &l10n, &mut out) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let detail = format!("{err:#}");
            eprintln!(
                "trame: {}",
                l10n.tr_args(ids::ERROR, &[("detail", Arg::Str(&detail))])
            );
            ExitCode::from(2)
        }
    }
}

/// Runs one command, writing its output to `out`.
pub fn run(cli: Cli, l10n: &Localizer, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        return crate::tui::run(None, l10n);
    };
    match command {
        Command::Write {
            source,
            lang,
            dry_run,
        } => write::write(&source, &lang, dry_run, l10n, out),
        Command::Sync {
            paths,
            lang,
            dry_run,
        } => write::sync(&paths, lang.as_deref(), dry_run, l10n, out),
        Command::Status {
            paths,
            lang,
            sections,
            format,
        } => report::status(&paths, lang.as_deref(), sections, format, l10n, out),
        Command::Check { paths, format } => report::check(&paths, format, l10n, out),
        Command::Tui { path } => crate::tui::run(path, l10n),
        Command::Segments { paths, format } => segments(&paths, format, l10n, out),
        Command::Align {
            source,
            target,
            format,
        } => align(&source, &target, format, l10n, out),
        Command::Stale {
            paths,
            lang,
            all,
            format,
        } => stale(&paths, lang.as_deref(), all, format, l10n, out),
        Command::Review {
            path,
            lang,
            segment,
            all: _,
        } => review(&path, &lang, segment, l10n, out),
    }
}

fn align(
    source: &std::path::Path,
    target: &std::path::Path,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = workspace::Project::for_paths(&[source.to_owned()])
        .map_err(|e| explain_project(e, l10n))?;
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
                &s_shown,
                &t_shown,
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
            let text: Vec<String> = range
                .clone()
                .map(|k| segment::normalize(&doc.segments[k].text))
                .collect();
            (lines, sanitize(&text.join(" ¶ ")))
        };
        let (sl, st) = side(s, &row.source);
        let (tl, tt) = side(t, &row.target);
        let mark = if row.needs_review() {
            '?'
        } else if row.crossed {
            '×'
        } else {
            ' '
        };
        writeln!(
            out,
            "{mark}{:>4.2} {sl:>7} {:<WIDTH$} │ {tl:>7} {}",
            row.score,
            pad(&truncate(&st, WIDTH), WIDTH),
            truncate(&tt, WIDTH)
        )?;
    }
    Ok(())
}

/// Pads to a width in characters (format's padding counts bytes of
/// multi-byte text wrongly for accented text).
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    let mut s = text.to_owned();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    s
}

#[allow(clippy::print_stderr)]
fn segments(
    paths: &[PathBuf],
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = workspace::Project::for_paths(paths).map_err(|e| explain_project(e, l10n))?;
    let (files, mut skipped) = workspace::markdown_files(paths);
    if files.is_empty()
        && skipped.len() == 1
        && let Some(s) = skipped.pop()
    {
        return Err(skipped_error(s.path, s.reason, l10n));
    }
    let mut processed = 0usize;
    for s in skipped {
        warn_notes(
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
                write_segments_text(out, &shown, &page, l10n)
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
            label.push_str(&format!(" ({key})"));
        }
        let mut text = sanitize(&segment::normalize(&seg.text));
        if let Some(anchor) = &seg.anchor {
            text.push_str(&format!("  #{anchor}"));
        }
        writeln!(
            out,
            "{:>width$}  {lines:<9} {label:<28} {}",
            i + 1,
            truncate(&text, 100)
        )?;
    }
    Ok(())
}

#[allow(clippy::print_stderr)]
fn warn_diagnostics(shown: &str, diagnostics: &[segment::Diagnostic], l10n: &Localizer) {
    for d in diagnostics {
        let message = match &d.kind {
            DiagnosticKind::UnclosedFrontMatter => l10n.tr(ids::DIAG_UNCLOSED_FRONT_MATTER),
            DiagnosticKind::BadFrontMatter { message } => l10n.tr_args(
                ids::DIAG_BAD_FRONT_MATTER,
                &[("message", Arg::Str(message))],
            ),
            DiagnosticKind::UnclosedCodeFence => l10n.tr(ids::DIAG_UNCLOSED_CODE_FENCE),
            DiagnosticKind::UnclosedShortcode => l10n.tr(ids::DIAG_UNCLOSED_SHORTCODE),
        };
        let detail = format!("{shown}:{}: {message}", d.line);
        eprintln!(
            "trame: {}",
            l10n.tr_args(ids::WARNING, &[("detail", Arg::Str(&detail))])
        );
    }
}

/// Turns a load error into a localized error that keeps its cause.
fn explain(err: LoadError, l10n: &Localizer) -> anyhow::Error {
    match err {
        LoadError::Io { path, source } => {
            let path = path.display().to_string();
            anyhow::Error::new(source)
                .context(l10n.tr_args(ids::ERROR_READ, &[("path", Arg::Str(&path))]))
        }
        LoadError::InvalidUtf8 { path, offset } => {
            let path = path.display().to_string();
            anyhow::anyhow!(
                "{}",
                l10n.tr_args(
                    ids::ERROR_UTF8,
                    &[
                        ("path", Arg::Str(&path)),
                        ("offset", Arg::Num(offset as f64))
                    ]
                )
            )
        }
        LoadError::Special { path } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ids::NOTE_SKIPPED_SPECIAL,
                &[("path", Arg::Str(&path.display().to_string()))]
            )
        ),
        LoadError::NoMarkdown { path } => {
            let path = path.display().to_string();
            anyhow::anyhow!(
                "{}",
                l10n.tr_args(ids::ERROR_NO_MARKDOWN, &[("path", Arg::Str(&path))])
            )
        }
    }
}

/// The error of a command that could read nothing but one file it skipped.
pub(crate) fn skipped_error(
    path: PathBuf,
    reason: workspace::SkipReason,
    l10n: &Localizer,
) -> anyhow::Error {
    use workspace::SkipReason;
    match reason {
        SkipReason::Unreadable { message } => {
            let path = sanitize(&path.display().to_string());
            anyhow::anyhow!(
                "{}: {}",
                l10n.tr_args(ids::ERROR_READ, &[("path", Arg::Str(&path))]),
                sanitize(&message)
            )
        }
        SkipReason::NotUtf8 { offset } => explain(LoadError::InvalidUtf8 { path, offset }, l10n),
        reason => anyhow::anyhow!(
            "{}",
            note_text(&workspace::StaleNote::Skipped { path, reason }, l10n)
        ),
    }
}

/// Turns a project error into a localized error.
pub(crate) fn explain_project(err: workspace::ProjectError, l10n: &Localizer) -> anyhow::Error {
    match err {
        workspace::ProjectError::UnknownLanguage { lang, found } => {
            let found = if found.is_empty() {
                "none".to_owned()
            } else {
                found.join(", ")
            };
            anyhow::anyhow!(
                "{}",
                l10n.tr_args(
                    ids::ERROR_UNKNOWN_LANG,
                    &[
                        ("lang", Arg::Str(&sanitize(&lang))),
                        ("found", Arg::Str(&found))
                    ]
                )
            )
        }
        workspace::ProjectError::Config(e) => anyhow::anyhow!(
            "{}",
            l10n.tr_args("error-config", &[("detail", Arg::Str(&e.to_string()))])
        ),
        other => anyhow::Error::new(other),
    }
}

fn kind_id(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::FrontMatter => ids::KIND_FRONT_MATTER,
        SegmentKind::Heading => ids::KIND_HEADING,
        SegmentKind::Paragraph => ids::KIND_PARAGRAPH,
        SegmentKind::ListItem => ids::KIND_LIST_ITEM,
        SegmentKind::TableCell => ids::KIND_TABLE_CELL,
        SegmentKind::Blockquote => ids::KIND_BLOCKQUOTE,
        SegmentKind::ShortcodeParam => ids::KIND_SHORTCODE_PARAM,
    }
}

/// Replaces control characters so text from content files is shown, never
/// executed by the terminal.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                char::from_u32(0x2400 + c as u32)
                    .filter(|_| (c as u32) < 0x20)
                    .unwrap_or('\u{fffd}')
            } else {
                c
            }
        })
        .collect()
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// `trame align --format json`.
#[derive(Debug, Serialize)]
pub struct AlignJson<'a> {
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
}

impl<'a> AlignJson<'a> {
    /// Builds the JSON view of an alignment.
    pub fn new(
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
            })
            .collect();
        AlignJson {
            source,
            target,
            rows,
        }
    }
}

/// `trame segments --format json`: one file.
#[derive(Debug, Serialize)]
pub struct SegmentsJson<'a> {
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
    pub fn new(file: &'a str, page: &'a workspace::Page) -> Self {
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
                fingerprint: s.fingerprint.to_string(),
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

/// Turns a staleness error into a localized error that keeps its cause.
pub(crate) fn explain_stale(err: workspace::StaleError, l10n: &Localizer) -> anyhow::Error {
    match err {
        workspace::StaleError::Load(e) => explain(e, l10n),
        workspace::StaleError::Project(e) => explain_project(e, l10n),
        workspace::StaleError::NothingRead { mut skipped } => {
            if skipped.len() == 1
                && let Some((path, reason)) = skipped.pop()
            {
                return skipped_error(path, reason, l10n);
            }
            for (path, reason) in skipped {
                warn_notes(&[workspace::StaleNote::Skipped { path, reason }], l10n);
            }
            anyhow::anyhow!("{}", l10n.tr(ids::ERROR_NOTHING_READ))
        }
        other => anyhow::Error::new(other),
    }
}

#[allow(clippy::print_stderr)]
pub(crate) fn warn_notes(notes: &[workspace::StaleNote], l10n: &Localizer) {
    for note in notes {
        let detail = note_text(note, l10n);
        eprintln!(
            "trame: {}",
            l10n.tr_args(ids::WARNING, &[("detail", Arg::Str(&detail))])
        );
    }
}

/// The localized text of a note about a scan.
pub(crate) fn note_text(note: &workspace::StaleNote, l10n: &Localizer) -> String {
    use workspace::{SkipReason, StaleNote};
    let shown = |p: &std::path::Path| sanitize(&p.display().to_string());
    match note {
        StaleNote::NoRepository { path } => {
            l10n.tr_args(ids::NOTE_NO_REPOSITORY, &[("path", Arg::Str(&shown(path)))])
        }
        StaleNote::Shallow => l10n.tr(ids::NOTE_SHALLOW),
        StaleNote::NotCommitted { path } => {
            l10n.tr_args(ids::NOTE_NOT_COMMITTED, &[("path", Arg::Str(&shown(path)))])
        }
        StaleNote::Skipped { path, reason } => {
            let path = shown(path);
            let path = ("path", Arg::Str(&path));
            match reason {
                SkipReason::Directory => l10n.tr_args(ids::NOTE_SKIPPED_DIRECTORY, &[path]),
                SkipReason::Special => l10n.tr_args(ids::NOTE_SKIPPED_SPECIAL, &[path]),
                SkipReason::NoMarkdown => l10n.tr_args(ids::NOTE_SKIPPED_NO_MARKDOWN, &[path]),
                SkipReason::NotUtf8 { offset } => l10n.tr_args(
                    ids::NOTE_SKIPPED_UTF8,
                    &[path, ("offset", Arg::Num(*offset as f64))],
                ),
                SkipReason::Unreadable { message } => l10n.tr_args(
                    ids::NOTE_SKIPPED_UNREADABLE,
                    &[path, ("detail", Arg::Str(&sanitize(message)))],
                ),
            }
        }
        StaleNote::Orphan {
            path,
            lang,
            likely_source,
        } => {
            let (path, lang) = (shown(path), sanitize(lang));
            match likely_source {
                Some(source) => l10n.tr_args(
                    ids::NOTE_ORPHAN_LIKELY,
                    &[
                        ("path", Arg::Str(&path)),
                        ("lang", Arg::Str(&lang)),
                        ("source", Arg::Str(&shown(source))),
                    ],
                ),
                None => l10n.tr_args(
                    ids::NOTE_ORPHAN,
                    &[("path", Arg::Str(&path)), ("lang", Arg::Str(&lang))],
                ),
            }
        }
    }
}

fn stale(
    paths: &[PathBuf],
    lang: Option<&str>,
    all: bool,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (_, docs, notes) = report::configured_staleness(paths, lang, l10n)?;
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

/// Returns true when colour may be used on standard output.
pub(crate) fn use_colour() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Renders a word diff: coloured on a terminal, `[-old-]{+new+}` otherwise.
pub fn render_diff(diff: &[crate::stale::Chunk], colour: bool) -> String {
    use crate::stale::Op;
    let mut out = String::new();
    for c in diff {
        let text = sanitize(&c.text);
        match (c.op, colour) {
            (Op::Equal, _) => out.push_str(&text),
            (Op::Delete, true) => out.push_str(&format!("\x1b[31;9m{text}\x1b[0m")),
            (Op::Insert, true) => out.push_str(&format!("\x1b[32;4m{text}\x1b[0m")),
            (Op::Delete, false) => out.push_str(&format!("[-{text}-]")),
            (Op::Insert, false) => out.push_str(&format!("{{+{text}+}}")),
        }
    }
    out
}

fn state_id(state: crate::stale::State) -> &'static str {
    use crate::stale::State;
    match state {
        State::UpToDate => ids::STATE_UP_TO_DATE,
        State::Cosmetic => ids::STATE_COSMETIC,
        State::LinkOnly => ids::STATE_LINK_ONLY,
        State::AlreadyUpdated => ids::STATE_ALREADY_UPDATED,
        State::Stale => ids::STATE_STALE,
        State::Missing => ids::STATE_MISSING,
        State::Removed => ids::STATE_REMOVED,
    }
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
        let source = doc.source.path.display().to_string();
        let target = doc.target.path.display().to_string();
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                ids::STALE_SUMMARY,
                &[
                    ("source", Arg::Str(&source)),
                    ("target", Arg::Str(&target)),
                    ("lang", Arg::Str(&doc.lang)),
                    ("stale", Arg::Num(count(State::Stale))),
                    ("missing", Arg::Num(count(State::Missing))),
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
                .map(|c| c.chars().take(10).collect::<String>())
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

fn lines((a, b): (u32, u32)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}-{b}")
    }
}

fn review(
    path: &std::path::Path,
    lang: &str,
    segment_no: Option<usize>,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (project, docs, notes) =
        report::configured_staleness(&[path.to_owned()], Some(lang), l10n)?;
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
    let (changed, dir) = (recorded.changed, recorded.dir);
    let records = rows;
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

/// `trame stale --format json`.
#[derive(Debug, Serialize)]
pub struct StaleJson {
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
    pub fn new(docs: &[workspace::StaleDoc], all: bool) -> Self {
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
