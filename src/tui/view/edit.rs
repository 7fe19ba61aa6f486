//! The editor screen: the English (as a word diff when it changed since the
//! translation), the text area, and translation-memory suggestions, each
//! with the English it translated.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::{Arg, Localizer};
use crate::tui::ids;
use crate::tui::layout::{self, Areas};
use crate::tui::model::Model;
use crate::tui::update::N_SUGGESTIONS;
use crate::tui::view::{lang_name, percent};

pub(super) fn draw(model: &Model, l10n: &Localizer, frame: &mut Frame, areas: &Areas) {
    let (Some(editor), Some(group)) = (&model.editor, model.group()) else {
        return;
    };
    let (Some(row), Some(doc)) = (group.rows.get(editor.row), group.langs.get(editor.lang)) else {
        return;
    };
    let lang = lang_name(l10n, &doc.lang);
    let position = row
        .source
        .clone()
        .next()
        .map(|i| format!(" · §{}", i + 1))
        .unwrap_or_default();
    let header = Line::from(vec![
        Span::styled(
            format!(" {}", layout::shown(&group.name())),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(" · {lang}{position}")),
    ]);
    frame
        .buffer_mut()
        .set_line(areas.header.x, areas.header.y, &header, areas.header.width);

    let body = areas.body;
    let inner_width = usize::from(body.width.saturating_sub(2));
    let diff = row.source.clone().any(|i| {
        doc.label_of_source(i)
            .is_some_and(|l| layout::shows_diff(l.state) && !l.diff.is_empty())
    });
    let english = layout::english_lines(group, row, editor.lang, inner_width);
    // Two lines a suggestion: the translation, and the English it was for.
    let n_suggestions = (editor.suggestions.len().min(N_SUGGESTIONS) * 2).max(1) as u16;
    let english_max = (body.height / 3).max(3);
    let english_h = (english.len() as u16 + 2).min(english_max);
    let [english_area, editor_area, suggestions_area] = Layout::vertical([
        Constraint::Length(english_h),
        Constraint::Min(3),
        Constraint::Length(n_suggestions + 2),
    ])
    .areas(body);

    let title = if diff {
        l10n.tr(ids::EDIT_DIFF)
    } else {
        l10n.tr(ids::EDIT_ENGLISH)
    };
    frame.render_widget(
        Paragraph::new(english).block(
            Block::bordered()
                .title(format!(" {title} "))
                .border_style(Style::new().fg(Color::DarkGray)),
        ),
        english_area,
    );

    let title = l10n.tr_args(ids::EDIT_TITLE, &[("lang", Arg::Str(&lang))]);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().fg(Color::Yellow));
    let inner = block.inner(editor_area);
    frame.render_widget(block, editor_area);
    frame.render_widget(&editor.textarea, inner);

    suggestions(model, l10n, frame, suggestions_area);
}

fn suggestions(model: &Model, l10n: &Localizer, frame: &mut Frame, area: Rect) {
    let Some(editor) = &model.editor else { return };
    let title = l10n.tr(ids::SUGGESTIONS);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().fg(Color::DarkGray));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    if editor.suggestions.is_empty() {
        let line = Line::from(Span::styled(
            l10n.tr(ids::SUGGESTIONS_NONE),
            Style::new().fg(Color::DarkGray),
        ));
        buf.set_line(inner.x, inner.y, &line, inner.width);
        return;
    }
    for (n, s) in editor.suggestions.iter().enumerate() {
        let y = inner.y + 2 * n as u16;
        if y + 1 >= inner.y + inner.height {
            break;
        }
        let score = percent(l10n, (s.similarity * 100.0).round() as usize);
        let key = format!("Alt-{} ", n + 1);
        let lead = format!("{key}{score:>5}  ");
        let room = usize::from(inner.width).saturating_sub(crate::text::width(&lead));
        let line = Line::from(vec![
            Span::styled(key, Style::new().fg(Color::Yellow)),
            Span::styled(format!("{score:>5}  "), Style::new().fg(Color::DarkGray)),
            Span::raw(crate::text::truncate(
                &crate::text::one_line(&s.target),
                room,
            )),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        let indent = " ".repeat(crate::text::width(&lead).saturating_sub(2));
        let source = Line::from(Span::styled(
            format!(
                "{indent}← {}",
                crate::text::truncate(&crate::text::one_line(&s.source), room)
            ),
            Style::new().fg(Color::DarkGray),
        ));
        buf.set_line(inner.x, y + 1, &source, inner.width);
    }
}
