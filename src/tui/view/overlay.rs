//! Windows over the screen: the key list (with the legend of the marks) and
//! the question asked before quitting with unsaved edits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::i18n::{Arg, Localizer};
use crate::stale::State;
use crate::tui::ids;
use crate::tui::layout;
use crate::tui::model::Model;

/// Keys and what they do, by section (`None` keys start a section).
const KEYS: &[(Option<&str>, &str)] = &[
    (Some("↑ ↓  k j"), ids::HELP_MOVE),
    (Some("← →  h l  Tab"), ids::HELP_LANGUAGE),
    (Some("L"), ids::HELP_SWITCH_LANGUAGE),
    (Some("PgUp PgDn  Space"), ids::HELP_PAGE),
    (Some("Home End  g G"), ids::HELP_FIRST_LAST),
    (Some("n  N"), ids::HELP_NEXT),
    (Some("f  F"), ids::HELP_FILTER),
    (Some("/"), ids::HELP_SEARCH),
    (Some("Enter"), ids::HELP_OPEN),
    (Some("e"), ids::HELP_EDIT),
    (Some("u"), ids::HELP_DROP),
    (Some("s  Ctrl-S"), ids::HELP_SAVE),
    (Some("r"), ids::HELP_REVIEW),
    (Some("d"), ids::HELP_DISMISS),
    (Some("c"), ids::HELP_CARRY),
    (Some("J"), ids::HELP_JOIN),
    (Some("S"), ids::HELP_SPLIT),
    (Some("<  >"), ids::HELP_SHIFT),
    (Some("Esc"), ids::HELP_BACK),
    (Some("?  F1"), ids::HELP_HELP),
    (Some("q  Ctrl-C"), ids::HELP_QUIT),
    (Some(""), ids::HELP_MOUSE),
    (None, ids::HELP_EDITOR),
    (Some("Esc"), ids::HELP_EDITOR_KEEP),
    (Some("Ctrl-S"), ids::HELP_EDITOR_SAVE),
    (Some("Alt-1 … Alt-3"), ids::HELP_EDITOR_SUGGEST),
    (Some("Ctrl-Z  Ctrl-R"), ids::HELP_EDITOR_UNDO),
    (Some("Shift-← → ↑ ↓"), ids::HELP_EDITOR_SELECT),
    (Some("Ctrl-A"), ids::HELP_EDITOR_SELECT_ALL),
    (Some("Ctrl-C/X/Y"), ids::HELP_EDITOR_CLIPBOARD),
    (None, ids::HELP_LEGEND),
];

/// Width of the key column.
const KEY_WIDTH: usize = 17;

/// Returns a rectangle of at most `w` x `h` centred in `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub(super) fn help(l10n: &Localizer, frame: &mut Frame, scroll: u16) {
    let area = centred(frame.area(), 84, frame.area().height.saturating_sub(2));
    let key_style = Style::new().fg(Color::Yellow);
    let section = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (keys, id) in KEYS {
        match keys {
            Some(keys) => {
                // Descriptions wrap under themselves, right of the keys.
                let pad = KEY_WIDTH.saturating_sub(crate::text::width(keys));
                let text = l10n.tr(id);
                let room = usize::from(area.width.saturating_sub(2)).saturating_sub(KEY_WIDTH + 1);
                for (n, line) in layout::wrap(&[(&text, Style::new())], room)
                    .into_iter()
                    .enumerate()
                {
                    let lead = if n == 0 {
                        Span::styled(format!(" {keys}{}", " ".repeat(pad)), key_style)
                    } else {
                        Span::raw(" ".repeat(KEY_WIDTH + 1))
                    };
                    let mut spans = vec![lead];
                    spans.extend(line.spans);
                    lines.push(Line::from(spans));
                }
            }
            None => {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    format!(" {}", l10n.tr(id)),
                    section,
                )));
            }
        }
    }
    let states = [
        (State::UpToDate, crate::i18n::ids::STATE_UP_TO_DATE),
        (State::Cosmetic, crate::i18n::ids::STATE_COSMETIC),
        (State::LinkOnly, crate::i18n::ids::STATE_LINK_ONLY),
        (State::Stale, crate::i18n::ids::STATE_STALE),
        (State::Missing, crate::i18n::ids::STATE_MISSING),
        (State::Untranslated, crate::i18n::ids::STATE_UNTRANSLATED),
        (State::Removed, crate::i18n::ids::STATE_REMOVED),
    ];
    let mut legend: Vec<(String, Color, String)> = states
        .iter()
        .map(|(state, id)| {
            let (mark, colour) = layout::mark(*state);
            (mark.to_owned(), colour, l10n.tr(id))
        })
        .collect();
    let (mark, colour) = layout::EDITED_MARK;
    legend.push((mark.to_owned(), colour, l10n.tr(ids::LEGEND_EDITED)));
    legend.push((
        layout::UNSURE_MARK.to_owned(),
        Color::Yellow,
        l10n.tr(ids::LEGEND_UNSURE),
    ));
    legend.push((
        layout::FINDING_MARK.to_owned(),
        Color::Yellow,
        l10n.tr(ids::LEGEND_FINDING),
    ));
    let name_width = legend
        .iter()
        .map(|(_, _, name)| crate::text::width(name))
        .max()
        .unwrap_or(0);
    let per_line = (usize::from(area.width.saturating_sub(2)) / (name_width + 4)).clamp(1, 4);
    for group in legend.chunks(per_line) {
        let mut spans = Vec::new();
        for (mark, colour, name) in group {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                mark.clone(),
                Style::new().fg(*colour).add_modifier(Modifier::BOLD),
            ));
            let pad = name_width.saturating_sub(crate::text::width(name)) + 1;
            spans.push(Span::raw(format!(" {name}{}", " ".repeat(pad))));
        }
        lines.push(Line::from(spans));
    }
    let full = frame.area();
    let height = (lines.len() as u16 + 2).min(full.height.saturating_sub(2));
    let area = centred(full, area.width, height);
    let inner_h = area.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(inner_h);
    let block = Block::bordered()
        .title(format!(" {} ", l10n.tr(ids::HELP_TITLE)))
        .border_style(Style::new().fg(Color::Yellow));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        area,
    );
}

pub(super) fn confirm_quit(model: &Model, l10n: &Localizer, frame: &mut Frame) {
    let files = model.pending.values().filter(|p| !p.is_empty()).count();
    let question = l10n.tr_args(ids::CONFIRM_QUIT, &[("count", Arg::Num(files as f64))]);
    let keys = l10n.tr(ids::CONFIRM_QUIT_KEYS);
    question_box(frame, question, keys);
}

pub(super) fn confirm_drop(l10n: &Localizer, frame: &mut Frame) {
    question_box(
        frame,
        l10n.tr(ids::CONFIRM_DROP),
        l10n.tr(ids::CONFIRM_DROP_KEYS),
    );
}

/// Draws a question and its answer keys in a box in the middle.
fn question_box(frame: &mut Frame, question: String, keys: String) {
    let width = (crate::text::width(&question).max(crate::text::width(&keys)) + 4).min(70) as u16;
    let area = centred(frame.area(), width, 6);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                question,
                Style::new().add_modifier(Modifier::BOLD),
            )),
            Line::default(),
            Line::from(Span::styled(keys, Style::new().fg(Color::Yellow))),
        ])
        .wrap(Wrap { trim: true })
        .block(
            Block::bordered()
                .border_style(Style::new().fg(Color::LightRed))
                .title(" trame "),
        ),
        area,
    );
}
