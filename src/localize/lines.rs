//! Line arithmetic shared by the writers: line starts and ends, line endings,
//! blank lines and the front-matter region.
//!
//! Pure: no I/O. Offsets are byte offsets into the text; callers only pass
//! offsets of segment boundaries, which are character boundaries.

use crate::segment::{Segment, SegmentKind};

/// Returns the offset where the line holding `pos` starts.
pub(super) fn line_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Returns the offset of the line break ending the line that holds `pos`
/// (the `\r` of a CRLF), or the text length on the last line.
pub(super) fn line_end(text: &str, pos: usize) -> usize {
    let end = text
        .get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| pos + i);
    if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') && end < text.len() {
        end - 1
    } else {
        end
    }
}

/// Returns the offset just after the line break ending the line that holds
/// `pos`, or the text length on the last line.
pub(super) fn next_line(text: &str, pos: usize) -> usize {
    text.get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| pos + i + 1)
}

/// Returns the line break used near `pos`: that of the line holding it, else
/// the last one before it, else `\n`.
pub(super) fn eol_at(text: &str, pos: usize) -> &'static str {
    let pos = pos.min(text.len());
    let at = text
        .get(pos..)
        .and_then(|t| t.find('\n'))
        .map(|i| pos + i)
        .or_else(|| text.get(..pos).and_then(|t| t.rfind('\n')));
    match at {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Rewrites every line break of `s` (LF or CRLF) as `eol`.
pub(super) fn to_eol(s: &str, eol: &str) -> String {
    let lf = s.replace("\r\n", "\n");
    if eol == "\n" {
        lf
    } else {
        lf.replace('\n', eol)
    }
}

/// Returns true for a line holding only whitespace and blockquote markers:
/// it separates blocks.
pub(super) fn is_blankish(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || c == '>')
}

/// Returns true for a table's delimiter row, such as `|---|:--:|`.
pub(super) fn is_table_delimiter(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | ':' | '-' | ' ' | '\t'))
}

/// Returns the lines of `text[range]` with the offset where each starts;
/// terminators are cut off.
pub(super) fn lines_in(text: &str, start: usize, end: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = start;
    while pos < end {
        let e = line_end(text, pos).min(end);
        out.push((pos, text.get(pos..e).unwrap_or("")));
        let next = next_line(text, pos);
        if next <= pos {
            break;
        }
        pos = next;
    }
    out
}

/// Returns the blank-ish lines right before the line starting at `pos`, as
/// written (terminators included).
pub(super) fn blank_run_before(text: &str, pos: usize) -> &str {
    let mut start = pos;
    while start > 0 {
        let prev = line_start(text, start - 1);
        if !is_blankish(text.get(prev..start).unwrap_or("")) {
            break;
        }
        start = prev;
    }
    text.get(start..pos).unwrap_or("")
}

/// Returns the blank-ish lines starting at `pos` (a line start), as written;
/// empty when they run to the end of the text, since nothing follows them.
pub(super) fn blank_run_after(text: &str, pos: usize) -> &str {
    let mut end = pos;
    while end < text.len() {
        let next = next_line(text, end);
        if !is_blankish(text.get(end..next).unwrap_or("")) {
            return text.get(pos..end).unwrap_or("");
        }
        end = next;
    }
    ""
}

/// Where the front matter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FrontMatter {
    /// Offset of the first line inside the delimiters.
    pub(super) inner_start: usize,
    /// Offset of the closing delimiter line.
    pub(super) close_start: usize,
    /// Offset just after the closing delimiter line: where the body starts.
    pub(super) end: usize,
    /// True for TOML (`+++`), false for YAML (`---`).
    pub(super) toml: bool,
}

/// Returns the length of the byte-order mark, if any.
pub(super) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// Finds the front matter the way the segmenter does: a `---` or `+++` line
/// at the top, closed by the same line (or `...` for YAML).
///
/// Returns `Ok(None)` without front matter and `Err(())` when it is not closed.
pub(super) fn front_matter(text: &str) -> Result<Option<FrontMatter>, ()> {
    let start = crate::segment::front_matter_start(text);
    let rest = &text[start..];
    let delim = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return Ok(None);
    };
    let first_end = line_end(text, start);
    if !text[start + 3..first_end].trim().is_empty() {
        return Ok(None);
    }
    let inner_start = next_line(text, start);
    let mut pos = inner_start;
    while pos < text.len() {
        let line = text[pos..line_end(text, pos)].trim_end();
        if line == delim || (delim == "---" && line == "...") {
            return Ok(Some(FrontMatter {
                inner_start,
                close_start: pos,
                end: next_line(text, pos),
                toml: delim == "+++",
            }));
        }
        pos = next_line(text, pos);
    }
    Err(())
}

/// Returns where the body starts: after the BOM and the front matter.
pub(super) fn body_start(text: &str) -> usize {
    match front_matter(text) {
        Ok(Some(fm)) => fm.end,
        _ => bom_len(text),
    }
}

/// Returns the offset where the shortcode holding `pos` opens (`{{<` or `{{%`).
pub(super) fn shortcode_open(text: &str, pos: usize) -> usize {
    let before = text.get(..pos).unwrap_or("");
    match (before.rfind("{{<"), before.rfind("{{%")) {
        (Some(a), Some(b)) => a.max(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => pos,
    }
}

/// Returns the offset just after the shortcode closer following `pos`.
fn shortcode_close(text: &str, pos: usize) -> usize {
    let after = text.get(pos..).unwrap_or("");
    match (after.find(">}}"), after.find("%}}")) {
        (Some(a), Some(b)) => pos + a.min(b) + 3,
        (Some(a), None) | (None, Some(a)) => pos + a + 3,
        (None, None) => pos,
    }
}

/// Returns true when the line starting at `pos` underlines a setext heading.
fn is_setext_underline(text: &str, pos: usize) -> bool {
    let line = text.get(pos..line_end(text, pos)).unwrap_or("").trim();
    !line.is_empty() && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

/// Returns where the lines of a segment's block start: the line of the
/// segment, or of its shortcode's opener.
pub(super) fn block_start(text: &str, seg: &Segment) -> usize {
    let pos = if seg.kind == SegmentKind::ShortcodeParam {
        shortcode_open(text, seg.bytes.start)
    } else {
        seg.bytes.start
    };
    let start = line_start(text, pos);
    // A fenced code block starts at its opening fence.
    if seg.kind == SegmentKind::Code && start > 0 {
        let opener = line_start(text, start - 1);
        if is_fence(&text[opener..start]) {
            return opener;
        }
    }
    start
}

/// True for a code fence line (three or more backticks or tildes, after
/// indentation and blockquote markers), with or without an info string.
fn is_fence(line: &str) -> bool {
    let body = line.trim_start_matches([' ', '\t', '>']);
    let ticks = body.bytes().take_while(|&b| b == b'`').count();
    let tildes = body.bytes().take_while(|&b| b == b'~').count();
    ticks >= 3 || tildes >= 3
}

/// Returns where the lines of a segment's block end (just after the line
/// break): its shortcode's closer line, a setext heading's underline, or a
/// fenced code block's closing fence.
pub(super) fn block_end(text: &str, seg: &Segment) -> usize {
    let pos = if seg.kind == SegmentKind::ShortcodeParam {
        shortcode_close(text, seg.bytes.end)
    } else {
        seg.bytes.end
    };
    let end = next_line(text, pos);
    let prefix = text
        .get(line_start(text, seg.bytes.start)..seg.bytes.start)
        .unwrap_or("");
    let closes = |kind| seg.kind == kind && end < text.len();
    if closes(SegmentKind::Heading) && prefix.trim().is_empty() && is_setext_underline(text, end)
        || closes(SegmentKind::Code) && is_fence(&text[end..next_line(text, end)])
    {
        next_line(text, end)
    } else {
        end
    }
}
