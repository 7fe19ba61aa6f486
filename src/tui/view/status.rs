//! The two bottom lines: the status bar (document, language, position,
//! coverage, filter, search, unsaved edits) and the message line (the last
//! message, the search prompt, or key hints).

use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::i18n::{Arg, Localizer};
use crate::tui::ids;
use crate::tui::layout::{self, Areas};
use crate::tui::model::{Filter, Mode, Model, Screen, StatusKind};
use crate::tui::view::{lang_name, percent, status_text};

pub(super) fn draw(model: &Model, l10n: &Localizer, frame: &mut Frame, areas: &Areas) {
    let bar_style = Style::new().bg(Color::Indexed(238)).fg(Color::White);
    let buf = frame.buffer_mut();
    buf.set_style(areas.status, bar_style);
    let line = Line::from(status_spans(model, l10n));
    buf.set_line(areas.status.x, areas.status.y, &line, areas.status.width);

    let message = if let Some(input) = &model.search_input {
        Line::from(vec![
            Span::styled(
                format!(
                    "{} ",
                    l10n.tr(if model.screen == Screen::Dashboard {
                        ids::SEARCH_PROMPT_PAGES
                    } else {
                        ids::SEARCH_PROMPT
                    })
                ),
                Style::new().fg(Color::Yellow),
            ),
            Span::raw(layout::shown(input)),
            Span::styled("▏", Style::new().fg(Color::Yellow)),
        ])
    } else if let Some(status) = &model.status {
        let style = match status.kind {
            StatusKind::Info => Style::new().fg(Color::Green),
            StatusKind::Error => Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
        };
        Line::from(Span::styled(status_text(l10n, status), style))
    } else {
        let id = match model.mode() {
            Mode::Dashboard => ids::HINTS_DASHBOARD,
            Mode::Edit => ids::HINTS_EDIT,
            Mode::Search => ids::HINTS_SEARCH,
            Mode::ConfirmQuit => ids::CONFIRM_QUIT_KEYS,
            Mode::ConfirmDrop => ids::CONFIRM_DROP_KEYS,
            Mode::Document | Mode::Help => ids::HINTS_DOCUMENT,
        };
        Line::from(Span::styled(l10n.tr(id), Style::new().fg(Color::DarkGray)))
    };
    buf.set_line(
        areas.message.x,
        areas.message.y,
        &message,
        areas.message.width,
    );
}

fn status_spans(model: &Model, l10n: &Localizer) -> Vec<Span<'static>> {
    let sep = || Span::raw(" │ ");
    let mut out = Vec::new();
    let unsaved = model.n_pending();
    match (model.screen, model.group()) {
        (Screen::Document | Screen::Edit, Some(group)) => {
            out.push(Span::styled(
                format!(" {}", layout::shown(&group.name())),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            if let Some(doc) = group.langs.get(model.document.lang) {
                out.push(sep());
                out.push(Span::raw(lang_name(l10n, &doc.lang)));
                out.push(sep());
                let pos = l10n.tr_args(
                    ids::STATUS_POSITION,
                    &[
                        (
                            "pos",
                            Arg::Num(
                                (model.document.list.selected + 1).min(model.document.visible.len())
                                    as f64,
                            ),
                        ),
                        ("total", Arg::Num(model.document.visible.len() as f64)),
                    ],
                );
                out.push(Span::raw(pos));
                out.push(sep());
                out.push(Span::raw(percent(
                    l10n,
                    doc.counts.percent().floor() as usize,
                )));
            }
            if model.document.filter != Filter::All {
                out.push(sep());
                let name = filter_name(l10n, model.document.filter);
                out.push(Span::styled(
                    l10n.tr_args(ids::STATUS_FILTER, &[("filter", Arg::Str(&name))]),
                    Style::new().fg(Color::Yellow),
                ));
            }
            if !model.document.search.is_empty() {
                out.push(sep());
                let query = layout::shown(&model.document.search);
                out.push(Span::styled(
                    l10n.tr_args(ids::STATUS_SEARCH, &[("query", Arg::Str(&query))]),
                    Style::new().fg(Color::Yellow),
                ));
            }
        }
        _ => {
            out.push(Span::styled(
                " trame",
                Style::new().add_modifier(Modifier::BOLD),
            ));
            if let Some(lang) = &model.focus {
                out.push(sep());
                out.push(Span::raw(lang_name(l10n, lang)));
            }
            if model.dash.needs_work {
                out.push(sep());
                let name = filter_name(l10n, Filter::Attention);
                out.push(Span::styled(
                    l10n.tr_args(ids::STATUS_FILTER, &[("filter", Arg::Str(&name))]),
                    Style::new().fg(Color::Yellow),
                ));
            }
            if !model.dash.search.is_empty() {
                out.push(sep());
                let query = layout::shown(&model.dash.search);
                out.push(Span::styled(
                    l10n.tr_args(ids::STATUS_SEARCH, &[("query", Arg::Str(&query))]),
                    Style::new().fg(Color::Yellow),
                ));
            }
        }
    }
    if unsaved > 0 {
        out.push(sep());
        let (mark, _) = layout::EDITED_MARK;
        out.push(Span::styled(
            format!(
                "{mark} {}",
                l10n.tr_args(ids::STATUS_UNSAVED, &[("count", Arg::Num(unsaved as f64))])
            ),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ));
    }
    out
}

/// Returns the name of a filter in the UI language.
pub(super) fn filter_name(l10n: &Localizer, filter: Filter) -> String {
    use crate::i18n::ids as core;
    use crate::stale::State;
    match filter {
        Filter::All => l10n.tr(ids::FILTER_ALL),
        Filter::Attention => l10n.tr(ids::FILTER_ATTENTION),
        Filter::State(state) => l10n.tr(match state {
            State::UpToDate => core::STATE_UP_TO_DATE,
            State::Cosmetic => core::STATE_COSMETIC,
            State::LinkOnly => core::STATE_LINK_ONLY,
            State::AlreadyUpdated => core::STATE_ALREADY_UPDATED,
            State::Stale => core::STATE_STALE,
            State::Missing => core::STATE_MISSING,
            State::Untranslated => core::STATE_UNTRANSLATED,
            State::Removed => core::STATE_REMOVED,
        }),
    }
}
