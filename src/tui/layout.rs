//! Geometry and text shaping shared by `update` (scrolling, mouse clicks)
//! and `view` (drawing), so both agree on where every row is.
//!
//! Pure. Text from content files goes through `crate::text` before it can
//! reach the terminal (control characters, ESC included, and bidi controls
//! become visible symbols, so a Markdown file cannot send escape sequences
//! or reorder a line), and every column is measured with `text::width`:
//! display columns by grapheme, as ratatui's buffer counts them.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::stale::{Chunk, Op, State};
use crate::text;
use crate::tui::model::{Cell, DisplayRow, DocGroup, Model, PendingFile};

/// Below this width the document screen shows English and one language.
pub const WIDE: u16 = 100;

/// Width of the status mark in front of a translation.
pub const MARK_WIDTH: usize = 2;

/// Returns a value shown on one line (a name, a path, a language, an
/// error, a search): every control visible, line breaks and tabs included.
pub fn shown(value: &str) -> String {
    text::visible_line(value).into_owned()
}

/// A word made of styled pieces, with the style of the space before it
/// (`None` at the start).
type Word = (Option<Style>, Vec<(String, Style)>);

/// Wraps styled text at word boundaries into lines at most `width` wide;
/// words wider than a line are cut. Runs of whitespace become one space
/// (kept in the style of the text it was in).
pub fn wrap(spans: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    // Words made of pieces (a word may cross styles), with the style of the
    // whitespace before each word.
    let mut words: Vec<Word> = Vec::new();
    let mut pending_space: Option<Style> = None;
    let mut in_word = false;
    for (text, style) in spans {
        let mut rest = *text;
        while !rest.is_empty() {
            let ws = rest.starts_with(char::is_whitespace);
            let end = rest
                .find(|c: char| c.is_whitespace() != ws)
                .unwrap_or(rest.len());
            let (piece, tail) = rest.split_at(end);
            if ws {
                pending_space = Some(*style);
                in_word = false;
            } else if in_word {
                if let Some((_, pieces)) = words.last_mut() {
                    pieces.push((piece.to_owned(), *style));
                }
            } else {
                let space = if words.is_empty() {
                    None
                } else {
                    pending_space
                };
                words.push((space, vec![(piece.to_owned(), *style)]));
                pending_space = None;
                in_word = true;
            }
            rest = tail;
        }
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut cur_w = 0usize;
    for (space, pieces) in words {
        let ww: usize = pieces.iter().map(|(p, _)| text::width(p)).sum();
        let sep = usize::from(cur_w > 0 && space.is_some());
        if cur_w + sep + ww <= width {
            if sep == 1 {
                cur.push(Span::styled(" ", space.unwrap_or_default()));
            }
            cur_w += sep + ww;
            cur.extend(pieces.into_iter().map(|(p, s)| Span::styled(p, s)));
            continue;
        }
        if ww <= width {
            lines.push(Line::from(std::mem::take(&mut cur)));
            cur_w = ww;
            cur.extend(pieces.into_iter().map(|(p, s)| Span::styled(p, s)));
            continue;
        }
        // A word longer than a line: cut it between graphemes.
        if cur_w > 0 && cur_w + sep < width {
            if sep == 1 {
                cur.push(Span::styled(" ", space.unwrap_or_default()));
            }
            cur_w += sep;
        } else if cur_w > 0 {
            lines.push(Line::from(std::mem::take(&mut cur)));
            cur_w = 0;
        }
        for (piece, style) in pieces {
            let mut buf = String::new();
            for g in piece.graphemes(true) {
                let gw = text::width(g);
                if cur_w + gw > width && cur_w > 0 {
                    if !buf.is_empty() {
                        cur.push(Span::styled(std::mem::take(&mut buf), style));
                    }
                    lines.push(Line::from(std::mem::take(&mut cur)));
                    cur_w = 0;
                }
                buf.push_str(g);
                cur_w += gw;
            }
            if !buf.is_empty() {
                cur.push(Span::styled(buf, style));
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}

/// The screen split in bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Column titles or the screen title.
    pub header: Rect,
    /// The rows.
    pub body: Rect,
    /// Document, language, position, coverage.
    pub status: Rect,
    /// The last message, or key hints.
    pub message: Rect,
}

/// Splits a terminal of `size` into header, body, status and message lines.
pub fn areas(size: (u16, u16)) -> Areas {
    let (w, h) = size;
    let line = |y: u16| Rect::new(0, y.min(h.saturating_sub(1)), w, u16::from(h > y));
    let body_h = h.saturating_sub(3);
    Areas {
        header: line(0),
        body: Rect::new(0, 1.min(h), w, body_h),
        status: line(h.saturating_sub(2).max(1)),
        message: line(h.saturating_sub(1).max(2)),
    }
}

/// A column of the document screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// `None` for English, else the language index in the group.
    pub lang: Option<usize>,
    /// Left edge.
    pub x: u16,
    /// Width.
    pub width: u16,
}

/// Returns the columns of the document screen for a body `width`: a
/// one-cell gutter for the selection mark, then English and every language
/// (or, below [`WIDE`] or when `all` is false, English and the selected
/// language), separated by a one-cell rule.
pub fn columns(n_langs: usize, selected_lang: usize, width: u16, all: bool) -> Vec<Column> {
    let langs: Vec<Option<usize>> = if (all && width >= WIDE) || n_langs <= 1 {
        std::iter::once(None)
            .chain((0..n_langs).map(Some))
            .collect()
    } else {
        vec![None, Some(selected_lang.min(n_langs.saturating_sub(1)))]
    };
    let k = langs.len() as u16;
    let content = width.saturating_sub(1 + k.saturating_sub(1));
    let each = content / k.max(1);
    let mut x = 1;
    let mut out = Vec::new();
    for (n, lang) in langs.into_iter().enumerate() {
        let last = n as u16 + 1 == k;
        let w = if last { width.saturating_sub(x) } else { each };
        out.push(Column { lang, x, width: w });
        x = x.saturating_add(w + 1);
    }
    out
}

/// Styles of the diff and the states.
pub fn deleted_style() -> Style {
    Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::CROSSED_OUT)
}

/// The style of inserted English text.
pub fn inserted_style() -> Style {
    Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::UNDERLINED)
}

/// Returns the mark and colour of a state.
pub fn mark(state: State) -> (&'static str, Color) {
    match state {
        State::UpToDate => ("✓", Color::Green),
        State::AlreadyUpdated => ("✓", Color::Green),
        State::Cosmetic => ("≈", Color::Blue),
        State::LinkOnly => ("⇄", Color::Cyan),
        State::Stale => ("!", Color::LightRed),
        State::Missing => ("○", Color::Magenta),
        State::Untranslated => ("◌", Color::Magenta),
        State::Removed => ("✗", Color::Red),
    }
}

/// The mark of a segment with an unsaved edit.
pub const EDITED_MARK: (&str, Color) = ("✎", Color::Yellow);

/// The mark of an alignment row with a low confidence.
pub const UNSURE_MARK: &str = "?";

/// The mark of a cell with a consistency finding (shown when the alignment
/// is sure: an unsure row's findings may be the aligner's).
pub const FINDING_MARK: &str = "≠";

/// Returns true when the English of a cell in `state` is best shown as the
/// word diff from the translation's base.
pub fn shows_diff(state: State) -> bool {
    matches!(
        state,
        State::Stale | State::Cosmetic | State::LinkOnly | State::AlreadyUpdated
    )
}

/// Returns the English cell's lines: each segment's text, or for a changed
/// segment its word diff (as seen from language `lang`), blank lines between
/// segments.
pub fn english_lines(
    group: &DocGroup,
    row: &DisplayRow,
    lang: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let bold = if row.heading {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    if row.source.is_empty() {
        // Translated text with no English: show the English that was deleted.
        if let (Some(doc), Some(cell)) = (group.langs.get(lang), row.cells.get(lang)) {
            let mut seen = Vec::new();
            for j in cell.target.clone() {
                let Some(k) = doc.removed_label.get(j).copied().flatten() else {
                    continue;
                };
                if !seen.contains(&k) {
                    seen.push(k);
                    out.extend(diff_lines(&doc.labels[k].diff, width));
                    // Where that English went, when it moved to another page.
                    if let Some(page) = crate::workspace::moved_page(&doc.moved, k) {
                        let shown = format!("→ {}", text::one_line(&page.display().to_string()));
                        out.extend(wrap(&[(&shown, Style::new().fg(Color::Yellow))], width));
                    }
                }
            }
        }
        return out;
    }
    for i in row.source.clone() {
        if i > row.source.start {
            out.push(Line::default());
        }
        let label = group.langs.get(lang).and_then(|l| l.label_of_source(i));
        match label {
            Some(l) if shows_diff(l.state) && !l.diff.is_empty() => {
                out.extend(diff_lines(&l.diff, width));
            }
            _ => {
                let shown = text::one_line(&group.source.document.segments[i].text);
                out.extend(wrap(&[(&shown, bold)], width));
            }
        }
    }
    out
}

/// Returns a word diff as wrapped lines: deletions red and struck out,
/// insertions green and underlined.
pub fn diff_lines(diff: &[Chunk], width: usize) -> Vec<Line<'static>> {
    let mut texts: Vec<(String, Style)> = Vec::with_capacity(diff.len() + 4);
    for (k, c) in diff.iter().enumerate() {
        let style = match c.op {
            Op::Equal => Style::new(),
            Op::Delete => deleted_style(),
            Op::Insert => inserted_style(),
        };
        let shown = text::one_line(&c.text);
        // A replaced word and its replacement are kept apart by a space.
        let touching = k > 0
            && diff[k - 1].op == Op::Delete
            && c.op == Op::Insert
            && !diff[k - 1].text.ends_with(char::is_whitespace)
            && !c.text.starts_with(char::is_whitespace);
        if touching {
            texts.push((" ".to_owned(), Style::new()));
        }
        texts.push((shown, style));
    }
    let spans: Vec<(&str, Style)> = texts.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    wrap(&spans, width)
}

/// The text a translation cell shows: the file's segments, or the pending
/// values where there are some.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    /// One entry per shown segment.
    pub paragraphs: Vec<String>,
    /// True when some of it is an unsaved edit.
    pub edited: bool,
}

/// Returns what a translation cell shows.
pub fn cell_text(
    group: &DocGroup,
    row: &DisplayRow,
    lang: usize,
    pending: Option<&PendingFile>,
) -> CellText {
    let Some(doc) = group.langs.get(lang) else {
        return CellText {
            paragraphs: Vec::new(),
            edited: false,
        };
    };
    let cell = &row.cells[lang];
    let mut edited = false;
    let mut paragraphs = Vec::new();
    for j in cell.target.clone() {
        match pending.and_then(|p| p.edits.get(&j)) {
            Some(value) => {
                edited = true;
                paragraphs.push(text::one_line(value));
            }
            None => paragraphs.push(text::one_line(&doc.target.document.segments[j].text)),
        }
    }
    if cell.target.is_empty() {
        for i in row.source.clone() {
            if let Some(value) = pending.and_then(|p| p.fills.get(&i)) {
                edited = true;
                paragraphs.push(text::one_line(value));
            }
        }
    }
    CellText { paragraphs, edited }
}

/// Returns a translation cell's lines: the state mark, then the text
/// indented by [`MARK_WIDTH`]; `placeholder` (one line) when it is empty.
pub fn target_lines(
    cell: &Cell,
    text: &CellText,
    heading: bool,
    width: usize,
    placeholder: &str,
) -> Vec<Line<'static>> {
    let (symbol, colour) = if text.edited {
        EDITED_MARK
    } else {
        mark(cell.state)
    };
    let second = if cell.unsure {
        UNSURE_MARK
    } else if cell.findings {
        FINDING_MARK
    } else {
        " "
    };
    let mark_spans = || {
        vec![
            Span::styled(symbol, Style::new().fg(colour).add_modifier(Modifier::BOLD)),
            Span::styled(second, Style::new().fg(Color::Yellow)),
        ]
    };
    let inner = width.saturating_sub(MARK_WIDTH).max(1);
    if text.paragraphs.is_empty() {
        let mut spans = mark_spans();
        let shown: String = text::truncate(placeholder, inner);
        spans.push(Span::styled(
            shown,
            Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
        ));
        return vec![Line::from(spans)];
    }
    let style = match (text.edited, heading) {
        (true, _) => Style::new().fg(Color::Yellow),
        (false, true) => Style::new().add_modifier(Modifier::BOLD),
        (false, false) => Style::new(),
    };
    let mut out = Vec::new();
    for (n, p) in text.paragraphs.iter().enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        out.extend(wrap(&[(p, style)], inner));
    }
    for (n, line) in out.iter_mut().enumerate() {
        let mut spans = if n == 0 {
            mark_spans()
        } else {
            vec![Span::raw(" ".repeat(MARK_WIDTH))]
        };
        spans.append(&mut line.spans);
        *line = Line::from(spans);
    }
    out
}

/// Returns the lines of every column of a display row, in column order.
pub fn row_columns(
    model: &Model,
    group: &DocGroup,
    row: &DisplayRow,
    cols: &[Column],
    placeholder: &str,
) -> Vec<Vec<Line<'static>>> {
    let lang = model.document.lang;
    cols.iter()
        .map(|col| {
            let w = usize::from(col.width);
            match col.lang {
                None => english_lines(group, row, lang, w),
                // Another language's extra segment: nothing on this side.
                Some(l) if row.source.is_empty() && row.cells[l].target.is_empty() => Vec::new(),
                Some(l) => {
                    let pending = group
                        .langs
                        .get(l)
                        .and_then(|d| model.pending_for(&d.target.path));
                    let text = cell_text(group, row, l, pending);
                    target_lines(&row.cells[l], &text, row.heading, w, placeholder)
                }
            }
        })
        .collect()
}

/// Returns the height of a display row: one separator line (a rule before a
/// heading, else blank) plus its tallest cell, at most `max`.
pub fn row_height(
    model: &Model,
    group: &DocGroup,
    row: &DisplayRow,
    cols: &[Column],
    max: u16,
) -> u16 {
    let tallest = row_columns(model, group, row, cols, "")
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1);
    let h = u16::try_from(tallest + 1).unwrap_or(u16::MAX);
    h.min(max.max(1))
}

/// Returns the display rows shown from `scroll` in a body of `height` lines,
/// with their vertical extent (the last may be cut).
pub fn visible_rows(
    model: &Model,
    group: &DocGroup,
    cols: &[Column],
    scroll: usize,
    height: u16,
) -> Vec<(usize, Range<u16>)> {
    let mut out = Vec::new();
    let mut y = 0u16;
    for (k, &r) in model.document.visible.iter().enumerate().skip(scroll) {
        if y >= height {
            break;
        }
        let h = row_height(model, group, &group.rows[r], cols, height);
        out.push((k, y..y.saturating_add(h).min(height)));
        y = y.saturating_add(h);
    }
    out
}

/// Lines per dashboard entry: the title line and one per language.
pub fn entry_height(group: &DocGroup) -> u16 {
    u16::try_from(group.langs.len() + 2).unwrap_or(u16::MAX)
}

/// Returns the height of dashboard entry `k`: a page takes its name line,
/// a line per language and a blank line; a page to translate takes one
/// line, the first of them one more for the heading above them.
pub fn dash_entry_height(model: &Model, k: usize) -> u16 {
    use crate::tui::model::DashEntry;
    match model.dash.visible.get(k) {
        Some(DashEntry::Page(g)) => model.groups.get(*g).map_or(1, entry_height),
        Some(DashEntry::New(_)) => {
            let first = k == 0 || !matches!(model.dash.visible.get(k - 1), Some(DashEntry::New(_)));
            1 + u16::from(first)
        }
        None => 1,
    }
}
