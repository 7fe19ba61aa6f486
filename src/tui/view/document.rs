//! The document screen: one line group per display row, English and the
//! translations in columns, a status mark per translated cell, the word diff
//! of changed English, headings as separators. Only the rows on screen are
//! shaped, so a document of a thousand segments draws as fast as a short one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::i18n::Localizer;
use crate::tui::ids;
use crate::tui::layout::{self, Areas, Column};
use crate::tui::model::Model;
use crate::tui::view::lang_name;

/// Background of the selected row.
pub(super) const SELECTED_BG: Color = Color::Indexed(236);

pub(super) fn draw(model: &Model, l10n: &Localizer, frame: &mut Frame, areas: &Areas) {
    let Some(group) = model.group() else { return };
    let width = areas.body.width;
    let cols = layout::columns(
        group.langs.len(),
        model.document.lang,
        width,
        model.focus.is_none(),
    );
    header(model, l10n, frame, areas.header, &cols);
    let body = areas.body;
    if model.document.visible.is_empty() {
        let line = Line::from(Span::styled(
            format!(" {}", l10n.tr(ids::NO_ROWS)),
            Style::new().fg(Color::DarkGray),
        ));
        frame
            .buffer_mut()
            .set_line(body.x, body.y, &line, body.width);
        return;
    }
    let placeholder = l10n.tr(ids::MISSING_PLACEHOLDER);
    let rows = layout::visible_rows(model, group, &cols, model.document.list.scroll, body.height);
    let buf = frame.buffer_mut();
    for (k, span) in rows {
        let row = &group.rows[model.document.visible[k]];
        let selected = k == model.document.list.selected;
        let top = body.y + span.start;
        let bottom = body.y + span.end;
        // The separator line: a rule before a section heading.
        let dim = Style::new().fg(Color::DarkGray);
        if row.heading {
            let rule = "─".repeat(usize::from(width));
            buf.set_string(body.x, top, rule, dim);
        }
        for col in cols.iter().skip(1) {
            let cross = if row.heading { "┼" } else { "│" };
            buf.set_string(col.x - 1, top, cross, dim);
        }
        let columns = layout::row_columns(model, group, row, &cols, &placeholder);
        for y in top + 1..bottom {
            let n = usize::from(y - top - 1);
            if selected {
                buf.set_style(Rect::new(body.x, y, width, 1), Style::new().bg(SELECTED_BG));
                if n == 0 {
                    buf.set_string(body.x, y, "▶", Style::new().fg(Color::Yellow));
                }
            }
            for (c, col) in cols.iter().enumerate() {
                if c > 0 {
                    buf.set_string(col.x - 1, y, "│", Style::new().fg(Color::DarkGray));
                }
                if let Some(line) = columns[c].get(n) {
                    buf.set_line(col.x, y, line, col.width);
                }
            }
        }
    }
}

/// Draws the column titles; the selected language stands out, and below
/// the wide layout its position among the languages is shown.
fn header(model: &Model, l10n: &Localizer, frame: &mut Frame, area: Rect, cols: &[Column]) {
    let Some(group) = model.group() else { return };
    let buf = frame.buffer_mut();
    let narrow = cols.len() < group.langs.len() + 1;
    for (c, col) in cols.iter().enumerate() {
        if c > 0 {
            buf.set_string(col.x - 1, area.y, "│", Style::new().fg(Color::DarkGray));
        }
        let (text, style) = match col.lang {
            None => (
                lang_name(l10n, "en"),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Some(l) => {
                let mut name = lang_name(l10n, &group.langs[l].lang);
                if narrow {
                    name = format!("{name}  ‹{}/{}›", l + 1, group.langs.len());
                }
                let style = if l == model.document.lang {
                    Style::new()
                        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                        .fg(Color::Yellow)
                } else {
                    Style::new().add_modifier(Modifier::BOLD)
                };
                (name, style)
            }
        };
        let line = Line::from(Span::styled(text, style));
        buf.set_line(col.x, area.y, &line, col.width);
    }
}
