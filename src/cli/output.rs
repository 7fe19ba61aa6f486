//! Output helpers shared by the commands: sanitizing and shaping text for
//! the terminal, word and unified diffs, colour, localized load, staleness
//! and save errors, warnings on standard error, a progress note, and the
//! `file:line: old → new` lines of `write` and `sync`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Arg, Localizer, ids};
use crate::segment::{self, DiagnosticKind, SegmentKind};
use crate::text;
use crate::workspace::write::Change;
use crate::workspace::{self, LoadError, SaveError};

/// Message ids used by this module, and by both `write` and `sync`.
pub(crate) const IDS: &[&str] = &[
    ERROR_CHANGED,
    ERROR_SAVE,
    ERROR_LOCALIZE,
    DRY_RUN,
    SYNC_CHANGE,
];

const ERROR_CHANGED: &str = "write-error-changed";
const ERROR_SAVE: &str = "write-error-save";
pub(crate) const ERROR_LOCALIZE: &str = "write-error-localize";
pub(crate) const DRY_RUN: &str = "write-dry-run";
const SYNC_CHANGE: &str = "sync-change";

/// A path as shown in text output: on one line, every control visible.
pub(crate) fn shown_path(path: &Path) -> String {
    text::visible_line(&path.display().to_string()).into_owned()
}

/// A value from a content file (a URL, a number, a key, a language tag, a
/// message) as shown inside a line of text output.
pub(crate) fn shown_value(value: &str) -> String {
    text::visible_line(value).into_owned()
}

/// A value from a content file as shown in a cell of a Markdown table (the
/// job summary of `check --format github`): on one line, controls visible,
/// and every character that Markdown would read as syntax inside a cell
/// (pipes, emphasis, code, links, HTML, entities, math) escaped.
pub(crate) fn markdown_cell(value: &str) -> String {
    const SYNTAX: &str = "\\|`*_~[]()<>&!$@#";
    let mut out = String::new();
    for c in text::visible_line(value).chars() {
        if SYNTAX.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A web address given on the command line (`--report-url`), if it is
/// one: `https://` or `http://`, with no space, quote or angle bracket, so
/// it can stand in a Markdown link or an HTML attribute as it is.
pub(crate) fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>()[]`\\".contains(c));
    ok.then_some(url)
}

pub(crate) fn lines((a, b): (u32, u32)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}-{b}")
    }
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
        let text = text::one_line(&c.text);
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

pub(crate) fn state_id(state: crate::stale::State) -> &'static str {
    use crate::stale::State;
    match state {
        State::UpToDate => ids::STATE_UP_TO_DATE,
        State::Cosmetic => ids::STATE_COSMETIC,
        State::LinkOnly => ids::STATE_LINK_ONLY,
        State::AlreadyUpdated => ids::STATE_ALREADY_UPDATED,
        State::Stale => ids::STATE_STALE,
        State::Missing => ids::STATE_MISSING,
        State::Untranslated => ids::STATE_UNTRANSLATED,
        State::Removed => ids::STATE_REMOVED,
    }
}

pub(crate) fn bar(percent: f64, colour: bool) -> String {
    let filled = ((percent / 10.0).round() as usize).min(10);
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled));
    if !colour {
        return bar;
    }
    let code = if percent >= 100.0 {
        32
    } else if percent >= 50.0 {
        33
    } else {
        31
    };
    format!("\x1b[{code}m{bar}\x1b[0m")
}

pub(crate) fn kind_id(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::FrontMatter => ids::KIND_FRONT_MATTER,
        SegmentKind::Heading => ids::KIND_HEADING,
        SegmentKind::Paragraph => ids::KIND_PARAGRAPH,
        SegmentKind::ListItem => ids::KIND_LIST_ITEM,
        SegmentKind::TableCell => ids::KIND_TABLE_CELL,
        SegmentKind::Blockquote => ids::KIND_BLOCKQUOTE,
        SegmentKind::ShortcodeParam => ids::KIND_SHORTCODE_PARAM,
        SegmentKind::Code => ids::KIND_CODE,
        SegmentKind::Shortcode => ids::KIND_SHORTCODE,
    }
}

/// Turns a load error into a localized error that keeps its cause.
pub(crate) fn explain(err: LoadError, l10n: &Localizer) -> anyhow::Error {
    match err {
        LoadError::Io { path, source } => {
            let path = shown_path(&path);
            anyhow::Error::new(source)
                .context(l10n.tr_args(ids::ERROR_READ, &[("path", Arg::Str(&path))]))
        }
        LoadError::InvalidUtf8 { path, offset } => {
            let path = shown_path(&path);
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
        LoadError::TooLarge { path, size, limit } => {
            skipped_error(path, workspace::SkipReason::TooLarge { size, limit }, l10n)
        }
        LoadError::Special { path } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ids::NOTE_SKIPPED_SPECIAL,
                &[("path", Arg::Str(&shown_path(&path)))]
            )
        ),
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

/// Turns a save error into a localized error that keeps its cause.
pub(crate) fn explain_save(err: SaveError, l10n: &Localizer) -> anyhow::Error {
    match err {
        SaveError::ChangedOnDisk { path } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(ERROR_CHANGED, &[("path", Arg::Str(&shown_path(&path)))])
        ),
        SaveError::Io { path, source } => anyhow::Error::new(source)
            .context(l10n.tr_args(ERROR_SAVE, &[("path", Arg::Str(&shown_path(&path)))])),
    }
}

#[allow(clippy::print_stderr)]
pub(crate) fn warn_diagnostics(shown: &str, diagnostics: &[segment::Diagnostic], l10n: &Localizer) {
    let shown = text::visible_line(shown);
    for d in diagnostics {
        let message = match &d.kind {
            DiagnosticKind::UnclosedFrontMatter => l10n.tr(ids::DIAG_UNCLOSED_FRONT_MATTER),
            DiagnosticKind::BadFrontMatter { message } => l10n.tr_args(
                ids::DIAG_BAD_FRONT_MATTER,
                &[("message", Arg::Str(&shown_value(message)))],
            ),
            DiagnosticKind::UnclosedCodeFence => l10n.tr(ids::DIAG_UNCLOSED_CODE_FENCE),
            DiagnosticKind::UnclosedShortcode => l10n.tr(ids::DIAG_UNCLOSED_SHORTCODE),
            DiagnosticKind::FenceWithText => l10n.tr(ids::DIAG_FENCE_WITH_TEXT),
            DiagnosticKind::BrokenTable => l10n.tr(ids::DIAG_BROKEN_TABLE),
            DiagnosticKind::BrokenList => l10n.tr(ids::DIAG_BROKEN_LIST),
        };
        let detail = format!("{shown}:{}: {message}", d.line);
        eprintln!(
            "trame: {}",
            l10n.tr_args(ids::WARNING, &[("detail", Arg::Str(&detail))])
        );
    }
}

/// Prints a warning on standard error.
#[allow(clippy::print_stderr)]
pub(crate) fn warn(detail: &str, l10n: &Localizer) {
    eprintln!(
        "trame: {}",
        l10n.tr_args(ids::WARNING, &[("detail", Arg::Str(detail))])
    );
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
    let shown = shown_path;
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
                SkipReason::Outside => l10n.tr_args(ids::NOTE_SKIPPED_OUTSIDE, &[path]),
                SkipReason::TooLarge { size, limit } => l10n.tr_args(
                    ids::NOTE_SKIPPED_TOO_LARGE,
                    &[
                        path,
                        ("size", Arg::Num(*size as f64)),
                        ("limit", Arg::Num(*limit as f64)),
                    ],
                ),
                SkipReason::NotUtf8 { offset } => l10n.tr_args(
                    ids::NOTE_SKIPPED_UTF8,
                    &[path, ("offset", Arg::Num(*offset as f64))],
                ),
                SkipReason::Unreadable { message } => l10n.tr_args(
                    ids::NOTE_SKIPPED_UNREADABLE,
                    &[path, ("detail", Arg::Str(&shown_value(message)))],
                ),
            }
        }
        StaleNote::RemovedTemp { path } => {
            l10n.tr_args(ids::NOTE_REMOVED_TEMP, &[("path", Arg::Str(&shown(path)))])
        }
        StaleNote::Orphan {
            path,
            lang,
            likely_source,
        } => {
            let (path, lang) = (shown(path), shown_value(lang));
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
        StaleNote::UnknownRule { path, line, name } => l10n.tr_args(
            ids::NOTE_UNKNOWN_RULE,
            &[
                ("path", Arg::Str(&shown(path))),
                ("line", Arg::Str(&line.to_string())),
                ("name", Arg::Str(&shown_value(name))),
                ("rules", Arg::Str(&rule_names())),
            ],
        ),
    }
}

/// The machine names of the consistency rules, for messages listing them.
pub(crate) fn rule_names() -> String {
    crate::report::Rule::ALL
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
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
            let path = shown_path(&path);
            anyhow::anyhow!(
                "{}: {}",
                l10n.tr_args(ids::ERROR_READ, &[("path", Arg::Str(&path))]),
                shown_value(&message)
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
        workspace::ProjectError::UnknownLanguage {
            lang,
            found,
            skipped,
        } => {
            // A file skipped may be the translation meant: name it first.
            for s in skipped {
                warn_notes(
                    &[workspace::StaleNote::Skipped {
                        path: s.path,
                        reason: s.reason,
                    }],
                    l10n,
                );
            }
            let found = if found.is_empty() {
                "none".to_owned()
            } else {
                shown_value(&found.join(", "))
            };
            anyhow::anyhow!(
                "{}",
                l10n.tr_args(
                    ids::ERROR_UNKNOWN_LANG,
                    &[
                        ("lang", Arg::Str(&shown_value(&lang))),
                        ("found", Arg::Str(&found))
                    ]
                )
            )
        }
        workspace::ProjectError::Outside { path, root } => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                ids::ERROR_OUTSIDE,
                &[
                    (
                        "path",
                        Arg::Str(&text::visible_line(&path.display().to_string()))
                    ),
                    (
                        "root",
                        Arg::Str(&text::visible_line(&root.display().to_string()))
                    )
                ]
            )
        ),
        workspace::ProjectError::Config(e) => anyhow::anyhow!(
            "{}",
            l10n.tr_args(
                "error-config",
                &[("detail", Arg::Str(&text::visible(&e.to_string())))]
            )
        ),
        other => anyhow::Error::new(other),
    }
}

pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// A note on standard error when a scan takes more than half a second on a
/// terminal; cleared when dropped.
pub(crate) struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: Option<std::thread::JoinHandle<bool>>,
}

impl Progress {
    #[allow(clippy::print_stderr)]
    pub(crate) fn start(message: String) -> Progress {
        use std::io::IsTerminal;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let handle = std::io::stderr().is_terminal().then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
                std::thread::sleep(std::time::Duration::from_millis(500));
                let mut shown = false;
                let mut k = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    eprint!("\r{} {message}", frames[k % frames.len()]);
                    shown = true;
                    k += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                shown
            })
        });
        Progress { done, handle }
    }
}

impl Drop for Progress {
    #[allow(clippy::print_stderr)]
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(h) = self.handle.take()
            && h.join().unwrap_or(false)
        {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Writes one `file:line: old → new` line per change.
pub(crate) fn write_changes(
    out: &mut dyn Write,
    shown: &str,
    changes: &[Change],
    l10n: &Localizer,
) -> std::io::Result<()> {
    let shown = text::visible_line(shown);
    for c in changes {
        let location = format!("{shown}:{}", c.line);
        writeln!(
            out,
            "{}",
            l10n.tr_args(
                SYNC_CHANGE,
                &[
                    ("location", Arg::Str(&location)),
                    ("old", Arg::Str(&shown_value(&c.old))),
                    ("new", Arg::Str(&shown_value(&c.new))),
                ]
            )
        )?;
    }
    Ok(())
}

/// Writes the unified diff from `old` to `new` (three lines of context);
/// coloured on a terminal. Control characters are shown as symbols, except
/// tabs; the `\r` of CRLF line ends is not shown.
pub(crate) fn write_diff(
    out: &mut dyn Write,
    old: &str,
    new: &str,
    old_name: &str,
    new_name: &str,
    colour: bool,
) -> std::io::Result<()> {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let shown = text::visible(line);
        let style = match shown.as_bytes().first() {
            _ if !colour => None,
            Some(b'+') if !shown.starts_with("+++") => Some("32"),
            Some(b'-') if !shown.starts_with("---") => Some("31"),
            Some(b'@') => Some("36"),
            _ => None,
        };
        match style {
            Some(code) => writeln!(out, "\x1b[{code}m{shown}\x1b[0m")?,
            None => writeln!(out, "{shown}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_refused_save_names_the_file_in_every_language() {
        for lang in ["en", "fr", "it"] {
            let l10n = Localizer::new(&[lang]);
            let err = SaveError::ChangedOnDisk {
                path: PathBuf::from("content/x.it.md"),
            };
            let shown = format!("{:#}", explain_save(err, &l10n));
            assert!(shown.contains("content/x.it.md"), "{lang}: {shown}");
            assert_ne!(shown, ERROR_CHANGED, "{lang}: untranslated");
        }
    }

    #[test]
    fn a_markdown_cell_is_one_line_of_plain_text() {
        assert_eq!(markdown_cell("content/a.fr.md"), "content/a.fr.md");
        assert_eq!(
            markdown_cell("a|b\n*c*`d`<b>[e](f) $x$ @g &amp; \\"),
            r"a\|b␊\*c\*\`d\`\<b\>\[e\]\(f\) \$x\$ \@g \&amp; \\"
        );
        assert_eq!(markdown_cell("\u{1b}[31m\u{202e}"), r"␛\[31m⟨U+202E⟩");
    }

    #[test]
    fn the_diff_shows_tabs_and_hides_control_characters() {
        let mut out = Vec::new();
        write_diff(
            &mut out,
            "a\tb\r\nc\r\n",
            "a\tb\r\nd\u{1b}\r\n",
            "x",
            "x",
            false,
        )
        .unwrap();
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains(" a\tb\n"), "{shown}");
        assert!(shown.contains("+d␛\n"), "{shown}");
        assert!(!shown.contains('\r'));
    }
}
