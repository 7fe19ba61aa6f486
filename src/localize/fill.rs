//! Filling a missing translation: a source segment with no target segment
//! is inserted where the alignment places it, with the source's markup.
//!
//! Pure: no I/O. The new text is made of the source segment's own lines with
//! the translation in place of its text, so heading levels, list markers and
//! indentation, blockquote markers, table rows and shortcodes come from the
//! source. Only the inserted lines are new; every other byte is kept.
//!
//! Where the lines go: after the block of the target segment linked to the
//! nearest preceding source segment, or else before the block of the first
//! following one, or else at the start of the body. Untranslated material
//! that the source has between the two (a code block, a figure without a
//! caption) is looked for in the target so the new lines land after it.

use std::ops::Range;

use super::edit::{check_document, segment_matches, splice};
use super::lines::{self, block_end, block_start};
use super::{LocalizeError, quote};
use crate::align::{Alignment, Row};
use crate::segment::{Document, Segment, SegmentKind};

/// Returns the target heading that already is `translation`, whatever its
/// level and its punctuation (`### Partagez les nouvelles !` for
/// `Partagez les nouvelles`): the same words, case and punctuation aside.
///
/// A heading translated at another level or with a `!` added can be left
/// out of the alignment (or paired with a neighbour), which makes its
/// English heading look missing; filling it would write the heading twice.
pub fn heading_translated(target: &Document, translation: &str) -> Option<usize> {
    let wanted = bare_words(translation);
    if wanted.is_empty() {
        return None;
    }
    target
        .segments
        .iter()
        .position(|s| s.kind == SegmentKind::Heading && bare_words(&s.text) == wanted)
}

/// Returns the words of a text, lower-cased, without punctuation or markup.
fn bare_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Inserts the translation of a source segment that has no target segment
/// (a 1-0 row) and returns the new target text.
///
/// The markup comes from the source line: a heading keeps its level (an
/// explicit `{#id}` is dropped, since the translated heading gets its own
/// anchor), a list item its indentation and marker (an ordered item keeps
/// the source's number), a blockquote its `>` markers. A shortcode parameter
/// goes into its shortcode when the target has it (a neighbouring parameter
/// is linked); otherwise the whole shortcode is copied, with the other
/// parameters as in the source. A table cell goes into its row when the
/// target has that row (into an empty cell next to its neighbour if there is
/// one, else as a new cell); otherwise the source row is copied with the
/// other cells in the source language, and so are the header and delimiter
/// rows when the target has no such table there. A front-matter value
/// becomes a `key: "value"` line before the closing delimiter (under its
/// parent key when nested; replacing a one-line value of the same key that
/// is not prose). Blank lines around the new block are the source's; where
/// the source has none but the target neighbour differs, one blank line
/// keeps the block from running into a paragraph.
///
/// Copied cells and parameters stay in the source language: align again to
/// see them as translations to edit.
pub fn fill(
    source_text: &str,
    source: &Document,
    target_text: &str,
    target: &Document,
    alignment: &Alignment,
    source_segment: usize,
    translation: &str,
) -> Result<String, LocalizeError> {
    check_document(source_text, source, "source")?;
    check_document(target_text, target, "target")?;
    if !source
        .segments
        .iter()
        .all(|s| segment_matches(source_text, s))
    {
        return Err(LocalizeError::DocumentMismatch { side: "source" });
    }
    if !target
        .segments
        .iter()
        .all(|s| segment_matches(target_text, s))
    {
        return Err(LocalizeError::DocumentMismatch { side: "target" });
    }
    let in_bounds = |r: &Row| {
        r.source.end <= source.segments.len()
            && r.target.end <= target.segments.len()
            && r.source.start <= r.source.end
            && r.target.start <= r.target.end
    };
    if !alignment.rows.iter().all(in_bounds) {
        return Err(LocalizeError::AlignmentMismatch);
    }
    let m = source
        .segments
        .get(source_segment)
        .ok_or(LocalizeError::NoSuchSegment {
            segment: source_segment,
            n_segments: source.segments.len(),
        })?;
    let row_idx = alignment
        .rows
        .iter()
        .position(|r| r.source.contains(&source_segment))
        .ok_or(LocalizeError::NotAligned {
            segment: source_segment,
        })?;
    if !alignment.rows[row_idx].target.is_empty() || alignment.rows[row_idx].moved.is_some() {
        return Err(LocalizeError::AlreadyTranslated {
            segment: source_segment,
        });
    }
    let cx = Fill {
        source_text,
        source,
        target_text,
        target,
        m_idx: source_segment,
        m,
        translation,
    };
    if m.kind == SegmentKind::FrontMatter {
        return cx.front_matter();
    }
    let linked_body = |r: &&Row| {
        !r.source.is_empty()
            && !r.target.is_empty()
            && source.segments[r.source.start].kind != SegmentKind::FrontMatter
            && target.segments[r.target.start].kind != SegmentKind::FrontMatter
    };
    let prev = alignment.rows[..row_idx]
        .iter()
        .rev()
        .find(linked_body)
        .map(|r| (r.source.end - 1, r.target.end - 1));
    let next = alignment.rows[row_idx + 1..]
        .iter()
        .find(linked_body)
        .map(|r| (r.source.start, r.target.start));
    // A cell whose row the target has goes into that row.
    if m.kind == SegmentKind::TableCell {
        let in_row = |(s, t): (usize, usize)| {
            source.segments[s].kind == SegmentKind::TableCell
                && target.segments[t].kind == SegmentKind::TableCell
                && same_line(source_text, &source.segments[s], m)
        };
        let cell = || quote::render(source_text, m, translation).1;
        if let Some((_, t)) = prev.filter(|&p| in_row(p)) {
            return Ok(cell_after(target_text, &target.segments[t], &cell()));
        }
        if let Some((_, n)) = next.filter(|&n| in_row(n)) {
            return Ok(cell_before(target_text, &target.segments[n], &cell()));
        }
    }
    // A parameter whose shortcode the target has goes into that shortcode.
    if m.kind == SegmentKind::ShortcodeParam {
        let in_shortcode = |(s, t): (usize, usize)| {
            let (s, t) = (&source.segments[s], &target.segments[t]);
            s.kind == SegmentKind::ShortcodeParam
                && t.kind == SegmentKind::ShortcodeParam
                && lines::shortcode_open(source_text, s.bytes.start)
                    == lines::shortcode_open(source_text, m.bytes.start)
        };
        if let Some((_, t)) = prev.filter(|&p| in_shortcode(p)) {
            return Ok(cx.param_after(&target.segments[t]));
        }
        if let Some((_, n)) = next.filter(|&n| in_shortcode(n)) {
            return Ok(cx.param_before(&target.segments[n]));
        }
    }
    Ok(match (prev, next) {
        (Some((p, t)), _) => cx.after(p, t),
        (None, Some((ns, n))) => cx.before(ns, n),
        (None, None) => cx.at_body_start(),
    })
}

/// The request, shared by the placement strategies.
struct Fill<'a> {
    source_text: &'a str,
    source: &'a Document,
    target_text: &'a str,
    target: &'a Document,
    m_idx: usize,
    m: &'a Segment,
    translation: &'a str,
}

/// Lines to insert, and the source range they stand for (for the blank
/// lines around them).
struct Block {
    lines: Vec<String>,
    span: Range<usize>,
}

impl Fill<'_> {
    /// Returns the parameter of the source shortcode, `key="translation"`,
    /// with the whitespace before it.
    fn param(&self) -> String {
        let src = self.source_text;
        let (range, bytes) = quote::render(src, self.m, self.translation);
        let opener = lines::shortcode_open(src, self.m.bytes.start);
        let start = src[opener..range.start]
            .rfind(char::is_whitespace)
            .map_or(range.start, |i| opener + i);
        let quoted = range.end < src.len() && matches!(src.as_bytes()[range.end], b'"' | b'`');
        let end = if quoted { range.end + 1 } else { range.end };
        format!(
            "{}{}{}",
            &src[start..range.start],
            bytes,
            &src[range.end..end]
        )
    }

    /// Adds the parameter to the target's shortcode, after parameter `t`.
    fn param_after(&self, t: &Segment) -> String {
        let tgt = self.target_text;
        let end = t.bytes.end;
        let quoted = end < tgt.len() && matches!(tgt.as_bytes()[end], b'"' | b'`');
        let at = if quoted { end + 1 } else { end };
        splice(tgt, [(at..at, self.param())])
    }

    /// Adds the parameter to the target's shortcode, before parameter `n`.
    fn param_before(&self, n: &Segment) -> String {
        let tgt = self.target_text;
        let opener = lines::shortcode_open(tgt, n.bytes.start);
        let at = tgt[opener..n.bytes.start]
            .rfind(char::is_whitespace)
            .map_or(n.bytes.start, |i| opener + i);
        splice(tgt, [(at..at, self.param())])
    }

    /// Inserts after the block of target segment `t`, linked to source segment `p`.
    fn after(&self, p: usize, t: usize) -> String {
        let (src, tgt) = (self.source_text, self.target_text);
        let (p_seg, t_seg) = (&self.source.segments[p], &self.target.segments[t]);
        let m = self.m;
        let with_header = m.kind == SegmentKind::TableCell && !same_table(src, p_seg, m);
        let block = self.block(with_header);
        // Source material between the previous segment and the new block,
        // after any other missing segment: the target should have it too.
        let p_end = block_end(src, p_seg);
        let tail_start = self
            .source
            .segments
            .get(p + 1..self.m_idx)
            .unwrap_or_default()
            .iter()
            .map(|s| block_end(src, s))
            .fold(p_end, usize::max)
            .min(block.span.start);
        let material = material(src, tail_start, block.span.start);
        let t_end = block_end(tgt, t_seg);
        let next_t = self
            .target
            .segments
            .get(t + 1)
            .map_or(tgt.len(), |s| block_start(tgt, s))
            .max(t_end);
        let at = find_material(tgt, t_end, next_t, &material, Side::First).map_or(t_end, |r| r.end);
        // Right after its neighbour in the source: keep them as close here.
        let adjacent = tail_start == p_end && p_end == block.span.start;
        self.insert(at, &block, adjacent, false)
    }

    /// Inserts before the block of target segment `n`, linked to source segment `ns`.
    fn before(&self, ns: usize, n: usize) -> String {
        let (src, tgt) = (self.source_text, self.target_text);
        let (ns_seg, n_seg) = (&self.source.segments[ns], &self.target.segments[n]);
        let m = self.m;
        let with_header = m.kind == SegmentKind::TableCell && !same_table(src, m, ns_seg);
        let block = self.block(with_header);
        let after_blank = block.span.end + lines::blank_run_after(src, block.span.end).len();
        let head_end = self
            .source
            .segments
            .get(self.m_idx + 1..ns)
            .unwrap_or_default()
            .iter()
            .map(|s| block_start(src, s))
            .fold(block_start(src, ns_seg), usize::min)
            .max(after_blank);
        let material = material(src, after_blank, head_end);
        let n_start = block_start(tgt, n_seg);
        let prev_end = match n.checked_sub(1).and_then(|k| self.target.segments.get(k)) {
            Some(s) if s.kind != SegmentKind::FrontMatter => block_end(tgt, s),
            _ => lines::body_start(tgt),
        }
        .min(n_start);
        let at = find_material(tgt, prev_end, n_start, &material, Side::Last)
            .map_or(n_start, |r| r.start);
        let adjacent = block.span.end == head_end && head_end == block_start(src, ns_seg);
        self.insert(at, &block, false, adjacent)
    }

    /// Inserts at the start of the body, when no other segment is linked.
    fn at_body_start(&self) -> String {
        let tgt = self.target_text;
        let block = self.block(true);
        let mut at = lines::body_start(tgt);
        while at < tgt.len() {
            let next = lines::next_line(tgt, at);
            if !lines::is_blankish(&tgt[at..next]) {
                break;
            }
            at = next;
        }
        self.insert(at, &block, false, false)
    }

    /// Inserts `block` at `at` with the blank lines that separate it from its
    /// neighbours: the source's, else none when the source has the block
    /// right against the same neighbour (`adjacent_*`) or when the
    /// neighbouring target line continues the same list, table or quote,
    /// else one blank line, so the new block never runs into a paragraph.
    fn insert(
        &self,
        at: usize,
        block: &Block,
        adjacent_before: bool,
        adjacent_after: bool,
    ) -> String {
        let (src, tgt) = (self.source_text, self.target_text);
        let kind = self.m.kind;
        let line_before = if at == 0 {
            ""
        } else {
            let from = if at == tgt.len() && !tgt.ends_with('\n') {
                at
            } else {
                at - 1
            };
            &tgt[lines::line_start(tgt, from)..at]
        };
        let line_after = &tgt[at..lines::next_line(tgt, at)];
        let separator = |run: &str, adjacent: bool, neighbour: &str| {
            if !run.is_empty() {
                run.to_owned()
            } else if adjacent || continues(kind, neighbour) {
                String::new()
            } else {
                "\n".to_owned()
            }
        };
        let before = separator(
            lines::blank_run_before(src, block.span.start),
            adjacent_before,
            line_before,
        );
        let after = separator(
            lines::blank_run_after(src, block.span.end),
            adjacent_after,
            line_after,
        );
        insert_block(tgt, at, &block.lines, &before, &after)
    }

    /// Builds the lines to insert: the source lines of the segment's block
    /// with the translation in place of its text.
    fn block(&self, with_header: bool) -> Block {
        let src = self.source_text;
        let m = self.m;
        let start = block_start(src, m);
        let end = block_end(src, m);
        let (range, bytes) = quote::render(src, m, self.translation);
        let mut suffix = src[range.end..end].to_owned();
        if m.kind == SegmentKind::Heading {
            suffix = drop_heading_id(&suffix);
        }
        let text = format!("{}{}{}", &src[start..range.start], bytes, suffix);
        let mut out: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut span = start..end;
        if m.kind == SegmentKind::TableCell {
            let next = lines::next_line(src, start);
            let next_line = &src[next..lines::line_end(src, next)];
            if lines::is_table_delimiter(next_line) {
                // The segment's row is the header: the delimiter row follows it.
                out.push(next_line.to_owned());
                span.end = lines::next_line(src, next);
            } else if with_header && let Some(header) = table_header(src, start) {
                let delimiter = lines::next_line(src, header);
                let mut rows = vec![
                    src[header..lines::line_end(src, header)].to_owned(),
                    src[delimiter..lines::line_end(src, delimiter)].to_owned(),
                ];
                rows.append(&mut out);
                out = rows;
                span.start = header;
            }
        }
        Block { lines: out, span }
    }

    /// Adds a front-matter value: a `key: "value"` line (TOML: `key = "value"`)
    /// before the closing delimiter, or after its parent key or table.
    fn front_matter(&self) -> Result<String, LocalizeError> {
        let (src, tgt) = (self.source_text, self.target_text);
        let toml = src[crate::segment::front_matter_start(src)..].starts_with("+++");
        let key_line_start = key_line(src, self.m.bytes.start);
        let key_line = &src[key_line_start..lines::line_end(src, key_line_start)];
        let value = quote::escape_double(&quote::collapse(self.translation));
        let new_line = match key_part(key_line, toml) {
            Some(key) => format!("{key}\"{value}\""),
            None => {
                let key = self.m.key.as_deref().unwrap_or("title");
                if toml {
                    format!("{key} = \"{value}\"")
                } else {
                    format!("{key}: \"{value}\"")
                }
            }
        };
        let parents = parents(src, key_line_start, toml);
        let fm = match lines::front_matter(tgt) {
            Ok(Some(fm)) => fm,
            Ok(None) => {
                let eol = lines::eol_at(tgt, 0);
                let delim = if toml { "+++" } else { "---" };
                let mut head = format!("{delim}{eol}");
                for p in &parents {
                    head.push_str(p);
                    head.push_str(eol);
                }
                head.push_str(&format!("{new_line}{eol}{delim}{eol}"));
                let at = lines::bom_len(tgt);
                return Ok(splice(tgt, [(at..at, head)]));
            }
            Err(()) => return Err(LocalizeError::UnclosedFrontMatter),
        };
        let eol = lines::eol_at(tgt, fm.inner_start);
        let fm_lines = lines::lines_in(tgt, fm.inner_start, fm.close_start);
        // Under the deepest parent the target has; the missing ones are copied.
        let found = parents.iter().enumerate().rev().find_map(|(k, p)| {
            fm_lines
                .iter()
                .find(|(_, l)| l.trim_end() == p.trim_end())
                .map(|(at, _)| (k, lines::next_line(tgt, *at)))
        });
        let (missing_parents, at) = match found {
            Some((k, at)) => (&parents[k + 1..], at),
            None if toml && parents.is_empty() => {
                // A top-level TOML key must come before the first table.
                let first_table = fm_lines
                    .iter()
                    .find(|(_, l)| l.trim_start().starts_with('['))
                    .map_or(fm.close_start, |(at, _)| *at);
                (&parents[..], first_table)
            }
            None => {
                if !toml && parents.is_empty() {
                    // A one-line value of the same key that is not prose (so
                    // not a segment) is replaced rather than duplicated.
                    let key = key_part(key_line, false);
                    let same_key = fm_lines.iter().enumerate().find(|(k, (_, l))| {
                        let next_indented = fm_lines
                            .get(k + 1)
                            .is_some_and(|(_, n)| n.starts_with(char::is_whitespace));
                        key.is_some() && key_part(l, false) == key && !next_indented
                    });
                    if let Some((_, (at, line))) = same_key {
                        let range = *at..*at + line.len();
                        return Ok(splice(tgt, [(range, new_line)]));
                    }
                }
                (&parents[..], fm.close_start)
            }
        };
        let mut insert = String::new();
        for p in missing_parents {
            insert.push_str(p);
            insert.push_str(eol);
        }
        insert.push_str(&new_line);
        insert.push_str(eol);
        Ok(splice(tgt, [(at..at, insert)]))
    }
}

/// Which match to take when material occurs more than once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    First,
    Last,
}

/// Returns the non-blank lines of `text[start..end]`, normalized for matching.
fn material(text: &str, start: usize, end: usize) -> Vec<String> {
    if start >= end {
        return Vec::new();
    }
    lines::lines_in(text, start, end)
        .into_iter()
        .filter(|(_, l)| !lines::is_blankish(l))
        .map(|(_, l)| normalize_line(l))
        .collect()
}

/// Normalizes a line for matching: trimmed, and a table delimiter row of any
/// width is the same as any other.
fn normalize_line(line: &str) -> String {
    if lines::is_table_delimiter(line) {
        "|-|".to_owned()
    } else {
        line.trim().to_owned()
    }
}

/// Finds `material` as consecutive non-blank lines of `text[start..end]` and
/// returns the byte range from the first matched line's start to just after
/// the last one's line break.
fn find_material(
    text: &str,
    start: usize,
    end: usize,
    material: &[String],
    side: Side,
) -> Option<Range<usize>> {
    if material.is_empty() || start >= end {
        return None;
    }
    let candidates: Vec<(usize, String)> = lines::lines_in(text, start, end)
        .into_iter()
        .filter(|(_, l)| !lines::is_blankish(l))
        .map(|(at, l)| (at, normalize_line(l)))
        .collect();
    let n = material.len();
    if candidates.len() < n {
        return None;
    }
    let matches = |k: &usize| {
        candidates[*k..*k + n]
            .iter()
            .zip(material)
            .all(|((_, a), b)| a == b)
    };
    let starts = 0..=candidates.len() - n;
    let k = match side {
        Side::First => starts.clone().find(matches),
        Side::Last => starts.rev().find(matches),
    }?;
    let first = candidates[k].0;
    let last = candidates[k + n - 1].0;
    Some(first..lines::next_line(text, last))
}

/// Inserts `block` at `at` (a line start, or the end of the text), with the
/// source's blank lines before it when the target has none there, and after
/// it when content follows directly. A file without a final line break keeps
/// having none.
fn insert_block(text: &str, at: usize, block: &[String], before: &str, after: &str) -> String {
    let eol = lines::eol_at(text, at.saturating_sub(1));
    let unterminated = at == text.len() && !text.is_empty() && !text.ends_with('\n');
    let mut insert = String::new();
    let line_before = if unterminated {
        &text[lines::line_start(text, at)..at]
    } else if at == 0 {
        ""
    } else {
        &text[lines::line_start(text, at - 1)..at]
    };
    if unterminated {
        insert.push_str(eol);
    }
    if at > 0 && !lines::is_blankish(line_before) {
        insert.push_str(&lines::to_eol(before, eol));
    }
    insert.push_str(&block.join(eol));
    if !unterminated {
        insert.push_str(eol);
    }
    let content_follows =
        at < text.len() && !lines::is_blankish(&text[at..lines::next_line(text, at)]);
    if content_follows {
        insert.push_str(&lines::to_eol(after, eol));
    }
    splice(text, [(at..at, insert)])
}

/// Returns true when a target line next to a new block of `kind` belongs to
/// the same list, table or blockquote, so no blank line goes between them.
fn continues(kind: SegmentKind, line: &str) -> bool {
    let t = line.trim_start();
    match kind {
        SegmentKind::ListItem | SegmentKind::ShortcodeParam => is_list_item(t),
        SegmentKind::TableCell => t.starts_with('|') || lines::is_table_delimiter(t),
        SegmentKind::Blockquote => t.starts_with('>'),
        _ => false,
    }
}

/// Returns true for a line that opens a list item (`- `, `* `, `+ `, `1. `, `1) `).
fn is_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 {
        match line[digits..].strip_prefix(['.', ')']) {
            Some(r) => r,
            None => return false,
        }
    } else {
        match line.strip_prefix(['-', '*', '+']) {
            Some(r) => r,
            None => return false,
        }
    };
    rest.is_empty() || rest.starts_with([' ', '\t'])
}

/// Returns true when two segments start on the same line.
fn same_line(text: &str, a: &Segment, b: &Segment) -> bool {
    lines::line_start(text, a.bytes.start) == lines::line_start(text, b.bytes.start)
}

/// Returns true when `earlier` and `later` are cells of the same table: no
/// blank line separates their rows.
fn same_table(text: &str, earlier: &Segment, later: &Segment) -> bool {
    earlier.kind == SegmentKind::TableCell
        && later.kind == SegmentKind::TableCell
        && lines::lines_in(
            text,
            lines::line_start(text, earlier.bytes.start),
            lines::line_start(text, later.bytes.start),
        )
        .iter()
        .all(|(_, l)| !l.trim().is_empty())
}

/// Returns the start of the header row of the table whose row starts at `row`.
fn table_header(text: &str, row: usize) -> Option<usize> {
    let mut pos = row;
    while pos > 0 {
        let prev = lines::line_start(text, pos - 1);
        let line = &text[prev..lines::line_end(text, prev)];
        if line.trim().is_empty() {
            return None;
        }
        if lines::is_table_delimiter(line) {
            return (prev > 0).then(|| lines::line_start(text, prev - 1));
        }
        pos = prev;
    }
    None
}

/// Returns the offsets of the unescaped `|` in `s`.
fn pipes(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .collect()
}

/// Puts `cell` into the row of `t`, just after `t`'s cell: into the next
/// cell when it is empty, else as a new cell.
fn cell_after(text: &str, t: &Segment, cell: &str) -> String {
    let end = lines::line_end(text, t.bytes.end);
    let rest = &text[t.bytes.end..end];
    let ps = pipes(rest);
    let Some(&q) = ps.first() else {
        return splice(text, [(end..end, format!(" | {cell}"))]);
    };
    let q = t.bytes.end + q;
    if let Some(&r) = ps.get(1) {
        let r = t.bytes.end + r;
        if text[q + 1..r].trim().is_empty() {
            return splice(text, [(q + 1..r, padded(cell, r - q - 1))]);
        }
    }
    splice(text, [(q + 1..q + 1, format!(" {cell} |"))])
}

/// Puts `cell` into the row of `n`, just before `n`'s cell: into the
/// previous cell when it is empty, else as a new cell.
fn cell_before(text: &str, n: &Segment, cell: &str) -> String {
    let start = lines::line_start(text, n.bytes.start);
    let before = &text[start..n.bytes.start];
    let ps = pipes(before);
    let Some(&p) = ps.last() else {
        return splice(text, [(start..start, format!("{cell} | "))]);
    };
    let p = start + p;
    if ps.len() >= 2 {
        let pp = start + ps[ps.len() - 2];
        if text[pp + 1..p].trim().is_empty() {
            return splice(text, [(pp + 1..p, padded(cell, p - pp - 1))]);
        }
    }
    splice(text, [(p + 1..p + 1, format!(" {cell} |"))])
}

/// Returns ` cell ` padded with spaces to `width` when it fits.
fn padded(cell: &str, width: usize) -> String {
    let mut out = format!(" {cell} ");
    while out.chars().count() < width {
        out.push(' ');
    }
    out
}

/// Removes an explicit heading id (`{#id}`) from the text after a heading.
fn drop_heading_id(suffix: &str) -> String {
    let Some(open) = suffix.find("{#") else {
        return suffix.to_owned();
    };
    let Some(close) = suffix[open..].find('}') else {
        return suffix.to_owned();
    };
    format!(
        "{}{}",
        suffix[..open].trim_end(),
        &suffix[open + close + 1..]
    )
}

/// Returns the start of the line holding the key of the value at `pos`: its
/// own line, or for a block scalar the less indented line above.
fn key_line(text: &str, pos: usize) -> usize {
    let start = lines::line_start(text, pos);
    if !text[start..pos].trim().is_empty() {
        return start;
    }
    let indent = pos - start;
    let mut at = start;
    while at > 0 {
        let prev = lines::line_start(text, at - 1);
        let line = &text[prev..lines::line_end(text, prev)];
        let line_indent = line.len() - line.trim_start().len();
        if !line.trim().is_empty() && line_indent < indent {
            return prev;
        }
        at = prev;
    }
    start
}

/// Returns the key part of a key line with its separator: `  caption: ` or
/// `title = `.
fn key_part(line: &str, toml: bool) -> Option<String> {
    if toml {
        let eq = line.find('=')?;
        return Some(format!("{} = ", line[..eq].trim_end()));
    }
    let bytes = line.as_bytes();
    let colon = (0..bytes.len())
        .find(|&i| bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))?;
    Some(format!("{}: ", &line[..colon]))
}

/// Returns the lines that a front-matter key line sits under, outermost
/// first: less indented keys in YAML, the `[table]` header in TOML.
fn parents(text: &str, key_line: usize, toml: bool) -> Vec<String> {
    let mut out = Vec::new();
    let line = &text[key_line..lines::line_end(text, key_line)];
    let mut indent = line.len() - line.trim_start().len();
    let mut at = key_line;
    while at > 0 {
        let prev = lines::line_start(text, at - 1);
        let l = &text[prev..lines::line_end(text, prev)];
        let t = l.trim();
        if t == "---" || t == "+++" {
            break;
        }
        if toml {
            if t.starts_with('[') {
                out.push(l.to_owned());
                break;
            }
        } else if indent > 0 && !t.is_empty() && !t.starts_with('#') {
            let li = l.len() - l.trim_start().len();
            if li < indent {
                out.push(l.to_owned());
                indent = li;
            }
        }
        at = prev;
    }
    out.reverse();
    out
}
