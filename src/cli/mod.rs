//! The command line: subcommands, human and JSON output, exit codes.
//!
//! Exit codes: 0 when all is well, 1 when a check finds problems, 2 on error.
//! Errors print once, with their context chain, through Fluent; JSON output
//! is English and its field names are a stable contract.
//!
//! This file holds the clap types and the dispatch; each command has its own
//! file, `output` the helpers they share and `scan` what reads `trame.toml`
//! and scans the content.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Arg, Localizer};

mod align;
mod check;
pub mod completions;
mod exchange;
mod html;
pub mod ids;
mod output;
mod review;
pub(crate) mod scan;
mod segments;
mod stale;
mod status;
mod sync;
mod write;

pub use output::render_diff;

/// Translate Markdown sites from the terminal.
#[derive(Debug, Parser)]
#[command(name = "trame", version, about)]
pub struct Cli {
    /// Language of the interface (en, fr, it); defaults to LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LANG")]
    pub ui_lang: Option<String>,
    /// The translation language the interface works in (remembered per
    /// repository); with a command, use that command's `--lang`.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
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
        #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
        format: StatusFormat,
        /// Writes the report to this file instead of printing it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Fails (exit 1) when translations break the rules of `trame.toml`.
    Check {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// With `--format markdown`: also says what changed since this
        /// revision (`origin/main`): segments made stale or missing, and fixed.
        #[arg(long, value_name = "REF")]
        base: Option<String>,
        /// With `--format markdown`: links the summary to the HTML status
        /// page published at this address.
        #[arg(long, value_name = "URL")]
        report_url: Option<String>,
    },
    /// Opens the terminal interface (the default command).
    Tui {
        /// The content folder (default: from `trame.toml`, else `issues/` or `content/`).
        path: Option<PathBuf>,
        /// The translation language to work in (remembered per repository).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Prints the shell completion script for bash, zsh or fish.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Prints the manual page (roff): `trame man > trame.1`.
    Man,
    /// Exports the segments that need work (every one with `--all`) as
    /// XLIFF 1.2 or PO for a translator's tool, with their staleness.
    Export {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// The translation's language.
        #[arg(long)]
        lang: String,
        /// File format.
        #[arg(long, value_enum, default_value_t = exchange::ExportFormat::Xliff)]
        format: exchange::ExportFormat,
        /// Every translatable segment, up to date ones included.
        #[arg(long)]
        all: bool,
        /// Writes the file here (inside the repository) instead of printing it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Writes the translations of an XLIFF or PO file back into the pages:
    /// only those segments change.
    Import {
        /// The XLIFF or PO file, as `trame export` wrote it and a tool edited it.
        file: PathBuf,
        /// Prints a unified diff of what would change, and writes nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Exports the translation memory (every aligned, up-to-date pair) as TMX.
    Tm {
        /// Content files or directories (default: `issues/` or `content/`).
        paths: Vec<PathBuf>,
        /// Only this translation language.
        #[arg(long)]
        lang: Option<String>,
        /// File format.
        #[arg(long, value_enum, default_value_t = exchange::TmFormat::Tmx)]
        format: exchange::TmFormat,
        /// Writes the file here (inside the repository) instead of printing it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Records that translated segments are correct for the current English,
    /// or (with `--dismiss`) that findings of `trame check` on them are wrong.
    Review {
        /// The English page or its translation.
        path: PathBuf,
        /// The translation's language.
        #[arg(long)]
        lang: String,
        /// The English segment number (as `trame segments` and `trame stale` show it).
        #[arg(
            long,
            conflicts_with = "all",
            required_unless_present_any = ["all", "dismiss"]
        )]
        segment: Option<usize>,
        /// Every translated segment of the page.
        #[arg(long)]
        all: bool,
        /// Dismisses the findings of this rule (`number`, `url`, ...) on the
        /// segment, or on every segment of the page that has one, until its
        /// English or translation changes; may be repeated.
        #[arg(long, value_name = "RULE")]
        dismiss: Vec<String>,
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
    /// A short Markdown summary, for a pull-request comment or
    /// `$GITHUB_STEP_SUMMARY`.
    Markdown,
}

/// Output formats of `trame status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// For people, on a terminal.
    Text,
    /// For programs; a stable contract.
    Json,
    /// One self-contained web page (no server, no network).
    Html,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For programs; a stable contract.
    Json,
}

/// What commands take from the process's environment, beside the interface
/// language: read once by [`main`], so no command reads the environment and
/// tests pass it to the child process only.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `GITHUB_STEP_SUMMARY`: the file GitHub Actions shows as the job's
    /// summary; `check --format github` appends to it.
    pub github_step_summary: Option<PathBuf>,
    /// The width text output fits in: `COLUMNS`, else the terminal's when
    /// the output is one; `None` (no limit) for a pipe or a file.
    pub columns: Option<usize>,
}

impl Environment {
    /// Reads the process's environment; an empty variable counts as unset.
    /// `terminal_width` asks the terminal (the interface knows how).
    pub fn from_process(terminal_width: TerminalWidth) -> Environment {
        use std::io::IsTerminal as _;
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&c| c > 0)
            .or_else(|| {
                std::io::stdout()
                    .is_terminal()
                    .then(terminal_width)
                    .flatten()
                    .map(usize::from)
            });
        Environment {
            github_step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            columns,
        }
    }
}

/// Opens the terminal interface on a folder (the content when `None`), in
/// one translation language when given (else the remembered one).
///
/// The command line does not know the interface: the binary hands it over,
/// so the two front ends never import each other.
pub type Interface = fn(Option<PathBuf>, Option<String>, &Localizer) -> anyhow::Result<ExitCode>;

/// Returns the width of the terminal in columns, if it can be known.
pub type TerminalWidth = fn() -> Option<u16>;

/// Runs the program with the process's arguments and environment; with no
/// command (or `tui`) it opens `interface`.
#[allow(clippy::print_stderr)]
pub fn main(interface: Interface, terminal_width: TerminalWidth) -> ExitCode {
    let cli = Cli::parse();
    let l10n = Localizer::from_env(cli.ui_lang.as_deref(), |v| std::env::var(v).ok());
    let env = Environment::from_process(terminal_width);
    let stdout = std::io::stdout();
    // Buffered: a report of thousands of lines is a few writes, not one per
    // line; flushed before the exit code is known, so a closed pipe counts.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let result = run(cli, &l10n, &env, &mut out, interface);
    // Every save is on disk, its rename too, before the process exits.
    crate::workspace::settle_writes();
    let flushed = out.flush().map_err(anyhow::Error::from);
    match result.and_then(|code| flushed.map(|()| code)) {
        Ok(code) => code,
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Errors name paths and quote files: shown, never executed.
            let detail = crate::text::visible(&format!("{err:#}")).into_owned();
            eprintln!(
                "trame: {}",
                l10n.tr_args(crate::i18n::ids::ERROR, &[("detail", Arg::Str(&detail))])
            );
            ExitCode::from(2)
        }
    }
}

/// The top-level `--lang` (the interface's) given before another command.
pub(crate) const ERROR_LANG_BEFORE_COMMAND: &str = "error-lang-before-command";

/// Runs one command, writing its output to `out`.
pub fn run(
    cli: Cli,
    l10n: &Localizer,
    env: &Environment,
    out: &mut dyn Write,
    interface: Interface,
) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        return interface(None, cli.lang, l10n);
    };
    // `trame --lang it stale` would quietly report every language.
    if let Some(lang) = &cli.lang
        && !matches!(command, Command::Tui { .. })
    {
        let lang = crate::text::visible_line(lang).into_owned();
        anyhow::bail!(
            "{}",
            l10n.tr_args(ERROR_LANG_BEFORE_COMMAND, &[("lang", Arg::Str(&lang))])
        );
    }
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
        } => sync::sync(&paths, lang.as_deref(), dry_run, l10n, out),
        Command::Status {
            paths,
            lang,
            sections,
            format,
            output,
        } => status::status(
            &paths,
            lang.as_deref(),
            status::Options {
                sections,
                format,
                output: output.as_deref(),
                columns: env.columns,
            },
            l10n,
            out,
        ),
        Command::Check {
            paths,
            format,
            base,
            report_url,
        } => check::check(
            &paths,
            format,
            env.github_step_summary.as_deref(),
            check::MarkdownOptions {
                base: base.as_deref(),
                report_url: report_url.as_deref(),
            },
            l10n,
            out,
        ),
        Command::Tui { path, lang } => interface(path, lang.or(cli.lang), l10n),
        Command::Completions { shell } => completions::completions(shell, l10n, out),
        Command::Man => completions::man(l10n, out),
        Command::Export {
            paths,
            lang,
            format,
            all,
            output,
        } => exchange::export(&paths, &lang, format, all, output.as_deref(), l10n, out),
        Command::Import { file, dry_run } => exchange::import(&file, dry_run, l10n, out),
        Command::Tm {
            paths,
            lang,
            format,
            output,
        } => exchange::tm(
            &paths,
            lang.as_deref(),
            format,
            output.as_deref(),
            l10n,
            out,
        ),
        Command::Segments { paths, format } => segments::segments(&paths, format, l10n, out),
        Command::Align {
            source,
            target,
            format,
        } => align::align(&source, &target, format, l10n, out),
        Command::Stale {
            paths,
            lang,
            all,
            format,
        } => stale::stale(&paths, lang.as_deref(), all, format, l10n, out),
        Command::Review {
            path,
            lang,
            segment,
            all: _,
            dismiss,
        } if !dismiss.is_empty() => review::dismiss(&path, &lang, segment, &dismiss, l10n, out),
        Command::Review {
            path,
            lang,
            segment,
            all: _,
            dismiss: _,
        } => review::review(&path, &lang, segment, l10n, out),
    }
}
