//! How a segment's value is written where it stands: quoting, escaping and
//! line breaks.
//!
//! Pure: no I/O. A segment's `text` is its bytes as written; its *value* is
//! what a translator reads and types: for a quoted front-matter value or
//! shortcode parameter, the text with its escapes decoded. [`render`] turns a
//! value back into bytes for the same place, and [`decode`] is its inverse
//! for the texts a file holds. Markdown segments are their own value.

use std::ops::Range;

use super::lines;
use crate::segment::{Segment, SegmentKind};

/// The syntax around a segment that decides how its value is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Context {
    /// Markdown text; `continuation` is the prefix that keeps a new line
    /// inside the block (list indentation, `> ` markers).
    Markdown {
        kind: SegmentKind,
        continuation: String,
    },
    /// A YAML value in double quotes.
    YamlDouble,
    /// A YAML value in single quotes.
    YamlSingle,
    /// A YAML plain value on its key's line.
    YamlPlain,
    /// A YAML value on lines of its own (a block scalar), with their indentation.
    YamlBlock { indent: String },
    /// A TOML basic string (`"..."`).
    TomlBasic,
    /// A TOML literal string (`'...'`), which cannot hold a `'`.
    TomlLiteral,
    /// A shortcode parameter in double quotes.
    ShortcodeDouble,
    /// A shortcode parameter in backticks (a raw string).
    ShortcodeRaw,
    /// A shortcode parameter without quotes.
    ShortcodeBare,
}

/// Returns the context of `seg` in `text`.
pub(super) fn context(text: &str, seg: &Segment) -> Context {
    let start = seg.bytes.start;
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let prefix = text
        .get(lines::line_start(text, start)..start)
        .unwrap_or("");
    match seg.kind {
        SegmentKind::FrontMatter => {
            let toml = text[crate::segment::front_matter_start(text)..].starts_with("+++");
            match (toml, before) {
                (true, Some('\'')) => Context::TomlLiteral,
                (true, _) => Context::TomlBasic,
                (false, Some('"')) => Context::YamlDouble,
                (false, Some('\'')) => Context::YamlSingle,
                (false, _) if prefix.trim().is_empty() => Context::YamlBlock {
                    indent: prefix.to_owned(),
                },
                (false, _) => Context::YamlPlain,
            }
        }
        SegmentKind::ShortcodeParam => match before {
            Some('"') => Context::ShortcodeDouble,
            Some('`') => Context::ShortcodeRaw,
            _ => Context::ShortcodeBare,
        },
        kind => Context::Markdown {
            kind,
            continuation: continuation(prefix),
        },
    }
}

/// Returns the prefix that continues a block on a new line: blockquote
/// markers and whitespace are kept, list markers become spaces.
fn continuation(prefix: &str) -> String {
    prefix
        .chars()
        .map(|c| {
            if c == '>' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// Returns the value of a segment's text in its context.
pub(super) fn decode(context: &Context, raw: &str) -> String {
    match context {
        Context::Markdown { .. }
        | Context::TomlLiteral
        | Context::ShortcodeRaw
        | Context::ShortcodeBare => raw.to_owned(),
        Context::YamlDouble | Context::TomlBasic => unescape_double(&fold(raw)),
        Context::YamlSingle => fold(raw).replace("''", "'"),
        Context::YamlPlain => fold(raw),
        Context::YamlBlock { indent } => {
            let mut out = String::with_capacity(raw.len());
            for (i, line) in raw.split('\n').enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(if i > 0 {
                    line.strip_prefix(indent.as_str())
                        .unwrap_or(line.trim_start())
                } else {
                    line
                });
            }
            out
        }
        Context::ShortcodeDouble => {
            let mut out = String::with_capacity(raw.len());
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    c => out.push(c),
                }
            }
            out
        }
    }
}

/// Returns the range to replace and the bytes that make `seg` read `value`.
///
/// When `value` is the segment's current text or current value, its bytes
/// are kept as they are. The range is the segment's, widened to its quotes
/// when the quoting must change (a `'` in a TOML literal string).
pub(super) fn render(text: &str, seg: &Segment, value: &str) -> (Range<usize>, String) {
    let range = seg.bytes.clone();
    let context = context(text, seg);
    if value == seg.text || value == decode(&context, &seg.text) {
        return (range, seg.text.clone());
    }
    let eol = lines::eol_at(text, range.start);
    let widened = || {
        let (s, e) = (range.start.saturating_sub(1), range.end + 1);
        if range.start > 0 && e <= text.len() {
            s..e
        } else {
            range.clone()
        }
    };
    let quoted = |v: &str| format!("\"{}\"", escape_double(&collapse(v)));
    match context {
        Context::Markdown { kind, continuation } => {
            (range, markdown(kind, &continuation, value, eol))
        }
        Context::YamlDouble | Context::TomlBasic | Context::ShortcodeDouble => {
            (range, escape_double(&collapse(value)))
        }
        Context::YamlSingle => (range, collapse(value).replace('\'', "''")),
        Context::YamlPlain => {
            let v = collapse(value);
            if needs_yaml_quotes(&v) {
                (range, quoted(&v))
            } else {
                (range, v)
            }
        }
        Context::YamlBlock { indent } => {
            let mut out = String::with_capacity(value.len());
            for (i, line) in value.split('\n').enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if i > 0 {
                    out.push_str(eol);
                    if !line.trim().is_empty() && !line.starts_with(indent.as_str()) {
                        out.push_str(&indent);
                    }
                }
                out.push_str(line);
            }
            (range, out)
        }
        Context::TomlLiteral => {
            let v = collapse(value);
            if v.contains('\'') {
                (widened(), quoted(&v))
            } else {
                (range, v)
            }
        }
        Context::ShortcodeRaw => {
            if value.contains('`') {
                (widened(), quoted(value))
            } else {
                (range, lines::to_eol(value, eol))
            }
        }
        Context::ShortcodeBare => {
            let bare_ok = !value.is_empty()
                && !value
                    .chars()
                    .any(|c| c.is_whitespace() || matches!(c, '"' | '`' | '>' | '%' | '}'));
            if bare_ok {
                (range, value.to_owned())
            } else {
                (range, quoted(value))
            }
        }
    }
}

/// Writes a Markdown value: headings and table cells stay on one line (and a
/// cell's `|` is escaped); new lines of list items and blockquotes get the
/// prefix that keeps them inside their block unless they already have one.
fn markdown(kind: SegmentKind, continuation: &str, value: &str, eol: &str) -> String {
    match kind {
        SegmentKind::Heading => collapse(value),
        SegmentKind::TableCell => escape_pipes(&collapse(value)),
        SegmentKind::ListItem | SegmentKind::Blockquote => {
            let quoted = continuation.contains('>');
            let mut out = String::with_capacity(value.len() + 16);
            for (i, line) in value.split('\n').enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if i > 0 {
                    out.push_str(eol);
                    if line.trim().is_empty() {
                        out.push_str(continuation.trim_end());
                        continue;
                    }
                    let has_prefix =
                        line.starts_with(char::is_whitespace) || (quoted && line.starts_with('>'));
                    if !has_prefix {
                        out.push_str(continuation);
                    }
                }
                out.push_str(line);
            }
            out
        }
        _ => lines::to_eol(value, eol),
    }
}

/// Joins the lines of a value with single spaces (a quoted value and a
/// heading hold one line); a one-line value is returned as it is.
pub(super) fn collapse(value: &str) -> String {
    if !value.contains(['\n', '\r']) {
        return value.to_owned();
    }
    value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folds the lines of a flow scalar as YAML does: each line break and the
/// indentation around it become one space.
fn fold(raw: &str) -> String {
    if !raw.contains('\n') {
        return raw.to_owned();
    }
    raw.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Escapes `\` and `"` for a double-quoted string.
pub(super) fn escape_double(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    for c in value.chars() {
        if c == '\\' || c == '"' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Decodes the escapes of a YAML or TOML double-quoted string.
fn unescape_double(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Escapes the `|` of a table cell that are not escaped yet.
fn escape_pipes(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut prev = None;
    for c in value.chars() {
        if c == '|' && prev != Some('\\') {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Returns true when a YAML plain scalar would not read back as `value`.
fn needs_yaml_quotes(value: &str) -> bool {
    const INDICATORS: &[char] = &[
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`',
    ];
    let lower = value.to_ascii_lowercase();
    value.is_empty()
        || value != value.trim()
        || value.starts_with(INDICATORS)
        || value.ends_with(':')
        || value.contains(": ")
        || value.contains(" #")
        || value.contains('\t')
        || matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        )
        || value.parse::<f64>().is_ok()
}
