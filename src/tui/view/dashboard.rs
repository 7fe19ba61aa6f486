//! The dashboard: every document with, per language, a coverage bar and
//! the counts of translated, stale and missing segments.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::i18n::{Arg, Localizer};
use crate::stale::State;
use crate::tui::ids;
use crate::tui::layout::{self, Areas};
use crate::tui::model::{Counts, DashEntry, DocGroup, Model, SourcePage, file_name};
use crate::tui::view::{lang_name, percent};
use crate::workspace::StaleNote;

/// Width of the coverage bar.
const BAR: usize = 20;

pub(super) fn draw(model: &Model, l10n: &Localizer, frame: &mut Frame, areas: &Areas) {
    let title = l10n.tr_args(
        ids::TITLE,
        &[("count", Arg::Num(model.groups.len() as f64))],
    );
    let mut header = Line::from(Span::styled(
        format!(" {title}"),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let loading = model.loading.map(|(done, total)| {
        l10n.tr_args(
            ids::LOADING,
            &[
                ("done", Arg::Num(done as f64)),
                ("total", Arg::Num(total as f64)),
            ],
        )
    });
    if let Some(loading) = &loading {
        header.push_span(Span::styled(
            format!("  {loading}"),
            Style::new().fg(Color::Yellow),
        ));
    }
    // Orphans and skipped files are named one by one in the status line;
    // the header keeps their count in sight.
    let (orphans, skipped) = model.notes.iter().fold((0, 0), |(o, s), n| match n {
        StaleNote::Orphan { .. } => (o + 1, s),
        StaleNote::Skipped { .. } => (o, s + 1),
        _ => (o, s),
    });
    if orphans + skipped > 0 {
        let problems = l10n.tr_args(
            ids::DASHBOARD_PROBLEMS,
            &[
                ("orphans", Arg::Num(f64::from(orphans))),
                ("skipped", Arg::Num(f64::from(skipped))),
            ],
        );
        header.push_span(Span::styled(
            format!("  {problems}"),
            Style::new().fg(Color::LightRed),
        ));
    }
    frame
        .buffer_mut()
        .set_line(areas.header.x, areas.header.y, &header, areas.header.width);
    let body = areas.body;
    if model.dash.visible.is_empty() {
        if loading.is_some() && model.groups.is_empty() {
            return;
        }
        let id = if model.groups.is_empty() && model.sources.is_empty() {
            ids::DASHBOARD_EMPTY
        } else {
            ids::DASHBOARD_NO_MATCH
        };
        let line = Line::from(Span::styled(
            format!(" {}", l10n.tr(id)),
            Style::new().fg(Color::DarkGray),
        ));
        frame
            .buffer_mut()
            .set_line(body.x, body.y, &line, body.width);
        return;
    }
    let name_width = model
        .groups
        .iter()
        .flat_map(|g| g.langs.iter())
        .map(|l| crate::text::width(&lang_name(l10n, &l.lang)))
        .max()
        .unwrap_or(0);
    let mut y = body.y;
    for (k, entry) in model
        .dash
        .visible
        .iter()
        .enumerate()
        .skip(model.dashboard.scroll)
    {
        if y >= body.y + body.height {
            break;
        }
        let selected = k == model.dashboard.selected;
        let (lines, gap) = match entry {
            DashEntry::Page(g) => {
                let Some(group) = model.groups.get(*g) else {
                    continue;
                };
                let lines = entry_lines(model, l10n, group, selected, name_width, body.width);
                (lines, 1)
            }
            DashEntry::New(s) => {
                let Some(source) = model.sources.get(*s) else {
                    continue;
                };
                let first = layout::dash_entry_height(model, k) > 1;
                (new_entry_lines(model, l10n, source, selected, first), 0)
            }
        };
        let n_lines = lines.len();
        for (n, line) in lines.into_iter().enumerate() {
            if y >= body.y + body.height {
                break;
            }
            frame.buffer_mut().set_line(body.x, y, &line, body.width);
            // A page to translate: only its own line (not the heading) is
            // highlighted.
            let own = matches!(entry, DashEntry::Page(_)) || n + 1 == n_lines;
            if selected && own {
                frame.buffer_mut().set_style(
                    Rect::new(body.x, y, body.width, 1),
                    Style::new().bg(Color::Indexed(236)),
                );
            }
            y += 1;
        }
        y += gap;
    }
}

/// Returns the line of an English page with no translation in the
/// language worked in, with the heading above the first of them.
fn new_entry_lines(
    model: &Model,
    l10n: &Localizer,
    source: &SourcePage,
    selected: bool,
    first: bool,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let lang = model.focus.as_deref().unwrap_or_default();
    if first {
        let heading = l10n.tr_args(
            ids::DASHBOARD_NEW,
            &[("lang", Arg::Str(&lang_name(l10n, lang)))],
        );
        out.push(Line::from(Span::styled(
            format!(" {heading}"),
            Style::new().add_modifier(Modifier::BOLD),
        )));
    }
    let gutter = if selected { "▶ " } else { "  " };
    out.push(Line::from(vec![
        Span::styled(gutter, Style::new().fg(Color::Yellow)),
        Span::styled("+ ", Style::new().fg(Color::DarkGray)),
        Span::raw(layout::shown(&file_name(&source.path))),
    ]));
    out
}

/// Returns the lines of one document: its name and title, then one line per
/// language (the language worked in first).
fn entry_lines(
    model: &Model,
    l10n: &Localizer,
    group: &DocGroup,
    selected: bool,
    name_width: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let gutter = if selected { "▶ " } else { "  " };
    let edited = group
        .langs
        .iter()
        .any(|l| model.pending_for(&l.target.path).is_some());
    let name = layout::shown(&group.name());
    let title = crate::text::one_line(&group.title);
    let room = usize::from(width).saturating_sub(crate::text::width(&name) + 6);
    let mut first = vec![
        Span::styled(gutter, Style::new().fg(Color::Yellow)),
        Span::styled(name, Style::new().add_modifier(Modifier::BOLD)),
    ];
    if edited {
        let (mark, colour) = layout::EDITED_MARK;
        first.push(Span::styled(format!(" {mark}"), Style::new().fg(colour)));
    }
    first.push(Span::styled(
        format!("  {}", crate::text::truncate(&title, room)),
        Style::new().fg(Color::Gray),
    ));
    out.push(Line::from(first));
    // The language worked in comes first.
    let focus = model.focus_index(group);
    let ordered = focus.and_then(|k| group.langs.get(k)).into_iter().chain(
        group
            .langs
            .iter()
            .enumerate()
            .filter(|(k, _)| Some(*k) != focus)
            .map(|(_, l)| l),
    );
    for doc in ordered {
        let name = lang_name(l10n, &doc.lang);
        let pad = name_width.saturating_sub(crate::text::width(&name));
        let mut spans = vec![Span::raw(format!("    {name}{} ", " ".repeat(pad)))];
        spans.extend(bar(&doc.counts));
        spans.push(Span::styled(
            format!(
                " {:>5}  ",
                percent(l10n, doc.counts.percent().floor() as usize)
            ),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        spans.extend(counts(l10n, &doc.counts, width >= layout::WIDE));
        out.push(Line::from(spans));
    }
    out
}

/// Returns a coverage bar: current translations, changes to check, stale,
/// then missing.
fn bar(c: &Counts) -> Vec<Span<'static>> {
    let total = c.total().max(1);
    // Every non-empty kind but the first gets at least one cell, so one
    // stale segment among hundreds still shows.
    let cells = |n: usize| {
        if n == 0 {
            0
        } else {
            ((n * BAR + total / 2) / total).max(1)
        }
    };
    let others = [
        (cells(c.to_check()), "█", Color::Cyan),
        (cells(c.get(State::Stale)), "█", Color::LightRed),
        (
            cells(c.get(State::Missing) + c.get(State::Untranslated)),
            "░",
            Color::DarkGray,
        ),
    ];
    let taken: usize = others.iter().map(|(n, ..)| n).sum();
    let first = if c.total() == 0 {
        BAR
    } else {
        BAR.saturating_sub(taken)
    };
    let mut out = Vec::new();
    let mut drawn = 0usize;
    for (n, symbol, colour) in std::iter::once((first, "█", Color::Green)).chain(others) {
        let n = n.min(BAR - drawn);
        if n > 0 {
            out.push(Span::styled(symbol.repeat(n), Style::new().fg(colour)));
            drawn += n;
        }
    }
    out
}

/// Returns the counts of a translation; on wide screens also link-only,
/// cosmetic and removed segments.
fn counts(l10n: &Localizer, c: &Counts, wide: bool) -> Vec<Span<'static>> {
    let n = |id: &str, count: usize| l10n.tr_args(id, &[("count", Arg::Num(count as f64))]);
    let dim = Style::new().fg(Color::DarkGray);
    let strong = |count: usize, colour: Color| {
        if count == 0 {
            dim
        } else {
            Style::new().fg(colour)
        }
    };
    let mut out = vec![
        Span::raw(n(ids::COUNT_TRANSLATED, c.translated())),
        Span::styled(" · ", dim),
        Span::styled(
            n(ids::COUNT_STALE, c.get(State::Stale)),
            strong(c.get(State::Stale), Color::LightRed),
        ),
        Span::styled(" · ", dim),
        Span::styled(
            n(ids::COUNT_MISSING, c.get(State::Missing)),
            strong(c.get(State::Missing), Color::Magenta),
        ),
    ];
    // A gap the translation always had is shown only where there is one.
    let untranslated = c.get(State::Untranslated);
    if untranslated > 0 {
        out.push(Span::styled(" · ", dim));
        out.push(Span::styled(
            n(ids::COUNT_UNTRANSLATED, untranslated),
            Style::new().fg(Color::Magenta),
        ));
    }
    if wide {
        for (id, count, colour) in [
            (ids::COUNT_LINK_ONLY, c.get(State::LinkOnly), Color::Cyan),
            (ids::COUNT_COSMETIC, c.get(State::Cosmetic), Color::Blue),
            (ids::COUNT_REMOVED, c.get(State::Removed), Color::Red),
        ] {
            out.push(Span::styled(" · ", dim));
            out.push(Span::styled(n(id, count), strong(count, colour)));
        }
    }
    out
}
