//! The only place the [`Model`] changes: `update(model, message)` applies a
//! message and may return an [`Effect`] for the runner.
//!
//! Pure: no I/O, no terminal. Scroll offsets are computed here (from the
//! terminal size in the model and the same layout functions `view` uses), so
//! drawing never changes state. Failures of effects arrive as messages and
//! become status-line messages.

use std::ops::Range;
use std::path::PathBuf;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::align::{Alignment, FixedRow};
use crate::localize::{self, Carry, TranslationMemory};
use crate::report::Dismissal;
use crate::stale::{Op, State};
use crate::tui::ids;
use crate::tui::layout::{self, Column};
use crate::tui::message::{
    Direction, DropChoice, Edge, Effect, Message, QuitChoice, RealignAction, RealignOutcome,
    Reloaded, ReviewOutcome, SaveOutcome,
};
use crate::tui::model::{
    DashEntry, DocGroup, DocView, EditTarget, Editor, Filter, ListState, Mode, Model, Overlay,
    PendingFile, ReviewAfterSave, Screen, Status, StatusArg, dash_entries, group_docs,
    needs_attention, note_status, sort_groups,
};

/// How many translation-memory suggestions the editor offers.
pub const N_SUGGESTIONS: usize = 3;

/// Lines of the help window, for clamping its scroll.
pub const HELP_LINES: u16 = 46;

/// Applies `msg` to `model`; returns the effect to run, if any.
pub fn update(model: &mut Model, msg: Message) -> Option<Effect> {
    let from_user = !matches!(
        msg,
        Message::Resize { .. }
            | Message::SaveDone { .. }
            | Message::ReviewDone { .. }
            | Message::DismissDone { .. }
            | Message::RealignDone { .. }
            | Message::Loaded { .. }
            | Message::LoadFinished { .. }
            | Message::Sources { .. }
            | Message::Created { .. }
            | Message::Remembered { .. }
    );
    if from_user && !matches!(msg, Message::EditorInput { .. }) {
        model.status = None;
    }
    match msg {
        Message::Resize { width, height } => {
            model.size = (width, height);
            follow_selection(model);
            None
        }
        Message::Move { delta } => {
            match model.mode() {
                Mode::Help => scroll_help(model, delta),
                Mode::Dashboard => {
                    let n = model.dash.visible.len();
                    model.dashboard.selected = step(model.dashboard.selected, delta, n);
                    follow_selection(model);
                }
                Mode::Document => {
                    let n = model.document.visible.len();
                    model.document.list.selected = step(model.document.list.selected, delta, n);
                    follow_selection(model);
                }
                _ => {}
            }
            None
        }
        Message::Page { direction } => {
            page(model, direction);
            None
        }
        Message::Jump { edge } => {
            match model.mode() {
                Mode::Help => {
                    if let Some(Overlay::Help { scroll }) = &mut model.overlay {
                        *scroll = if edge == Edge::First { 0 } else { HELP_LINES };
                    }
                }
                Mode::Dashboard => {
                    model.dashboard.selected = edge_index(edge, model.dash.visible.len());
                    follow_selection(model);
                }
                Mode::Document => {
                    model.document.list.selected = edge_index(edge, model.document.visible.len());
                    follow_selection(model);
                }
                _ => {}
            }
            None
        }
        Message::SelectLanguage { delta } => {
            let n = model.group().map_or(0, |g| g.langs.len());
            if n > 0 {
                let next = (model.document.lang as isize + delta).rem_euclid(n as isize);
                model.document.lang = next as usize;
                refilter(model);
            }
            None
        }
        Message::SwitchLanguage => switch_language(model),
        Message::Remembered { error } => {
            if let Some(error) = error {
                model.status = Some(Status::error(
                    ids::REMEMBER_FAILED,
                    vec![("error", StatusArg::Str(layout::shown(&error)))],
                ));
            }
            None
        }
        Message::NextAttention { direction } => {
            next_attention(model, direction);
            None
        }
        Message::CloseDocument => {
            if model.screen == Screen::Document {
                model.screen = Screen::Dashboard;
                model.search_input = None;
                select_page(model, model.document.group);
            }
            None
        }
        Message::CycleFilter { .. } if model.screen == Screen::Dashboard => {
            model.dash.needs_work = !model.dash.needs_work;
            refilter_dashboard(model);
            None
        }
        Message::CycleFilter { direction } => {
            let k = Filter::CYCLE
                .iter()
                .position(|f| *f == model.document.filter)
                .unwrap_or(0);
            let n = Filter::CYCLE.len();
            let next = match direction {
                Direction::Forward => (k + 1) % n,
                Direction::Backward => (k + n - 1) % n,
            };
            model.document.filter = Filter::CYCLE[next];
            refilter(model);
            None
        }
        Message::StartSearch => {
            match model.screen {
                Screen::Document => model.search_input = Some(model.document.search.clone()),
                Screen::Dashboard => model.search_input = Some(model.dash.search.clone()),
                Screen::Edit => {}
            }
            None
        }
        Message::SearchInput { c } => {
            if let Some(input) = &mut model.search_input {
                input.push(c);
                let query = input.clone();
                set_search(model, query);
            }
            None
        }
        Message::SearchBackspace => {
            if let Some(input) = &mut model.search_input {
                input.pop();
                let query = input.clone();
                set_search(model, query);
            }
            None
        }
        Message::SearchConfirm => {
            model.search_input = None;
            None
        }
        Message::SearchCancel => {
            model.search_input = None;
            set_search(model, String::new());
            None
        }
        Message::Sources { pages } => {
            model.sources = pages;
            refilter_dashboard(model);
            None
        }
        Message::Created {
            source,
            lang,
            outcome,
        } => created(model, &source, &lang, outcome),
        Message::Open => match model.screen {
            Screen::Dashboard => match model.dash.visible.get(model.dashboard.selected).copied() {
                Some(DashEntry::Page(g)) => {
                    open_document(model, g);
                    None
                }
                Some(DashEntry::New(k)) => {
                    let source = model.sources.get(k)?.path.clone();
                    let lang = model.focus.clone()?;
                    Some(Effect::CreateTranslation { source, lang })
                }
                None => None,
            },
            Screen::Document => {
                start_edit(model);
                None
            }
            Screen::Edit => None,
        },
        Message::Edit => {
            if model.screen == Screen::Document {
                start_edit(model);
            }
            None
        }
        Message::DropEdit => {
            drop_edit(model);
            None
        }
        Message::Back => {
            if model.screen == Screen::Dashboard {
                if !model.dash.search.is_empty() {
                    set_search(model, String::new());
                } else if model.dash.needs_work {
                    model.dash.needs_work = false;
                    refilter_dashboard(model);
                }
            }
            if model.screen == Screen::Document {
                if !model.document.search.is_empty() {
                    model.document.search.clear();
                    refilter(model);
                } else if model.document.filter != Filter::All {
                    model.document.filter = Filter::All;
                    refilter(model);
                } else {
                    model.screen = Screen::Dashboard;
                    follow_selection(model);
                }
            }
            None
        }
        Message::Save => save(model),
        Message::Review => review(model),
        Message::Dismiss => dismiss(model),
        Message::Carry => {
            carry(model);
            None
        }
        Message::Realign { action } => realign(model, action),
        Message::ToggleHelp => {
            model.overlay = match model.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
            None
        }
        Message::Quit => {
            if model.n_pending() > 0 {
                model.overlay = Some(Overlay::ConfirmQuit);
                None
            } else {
                Some(Effect::Quit)
            }
        }
        Message::ConfirmQuit { choice } => {
            model.overlay = None;
            match choice {
                QuitChoice::SaveAndQuit => {
                    model.quit_after_save = true;
                    let files: Vec<PathBuf> = model.pending.keys().cloned().collect();
                    if files.is_empty() {
                        Some(Effect::Quit)
                    } else {
                        Some(Effect::Save { files })
                    }
                }
                QuitChoice::Discard => Some(Effect::Quit),
                QuitChoice::Stay => None,
            }
        }
        Message::EditorInput { input } => {
            if let Some(editor) = &mut model.editor {
                editor.textarea.input(input);
                editor.suggestion_steps = 0;
            }
            None
        }
        Message::EditorSelectAll => {
            if let Some(editor) = &mut model.editor {
                editor.textarea.select_all();
            }
            None
        }
        Message::Paste { text } => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            match model.mode() {
                Mode::Edit => {
                    if let Some(editor) = &mut model.editor {
                        editor.textarea.insert_str(editor_text(&text));
                        editor.suggestion_steps = 0;
                    }
                }
                Mode::Search => {
                    if let Some(input) = &mut model.search_input {
                        input.push_str(&crate::text::one_line(&text));
                        let query = input.clone();
                        set_search(model, query);
                    }
                }
                _ => {}
            }
            None
        }
        Message::EditorUndo => {
            if let Some(editor) = &mut model.editor {
                let steps = std::mem::take(&mut editor.suggestion_steps).max(1);
                for _ in 0..steps {
                    editor.textarea.undo();
                }
            }
            None
        }
        Message::EditorRedo => {
            if let Some(editor) = &mut model.editor {
                editor.textarea.redo();
            }
            None
        }
        Message::UseSuggestion { index } => {
            if let Some(editor) = &mut model.editor
                && let Some(s) = editor.suggestions.get(index)
            {
                let text = editor_text(&s.target);
                // Replaces the whole text: deleting it and inserting the
                // suggestion are two undo steps, undone together.
                editor.textarea.select_all();
                let deleted = editor.textarea.delete_char();
                let inserted = editor.textarea.insert_str(text);
                editor.suggestion_steps = usize::from(deleted) + usize::from(inserted);
            }
            None
        }
        Message::EditorKeep => {
            if commit_editor(model).is_some() {
                close_editor(model);
            }
            None
        }
        Message::EditorSave => editor_save(model),
        Message::EditorEscape => {
            let changed = model.editor.as_ref().is_some_and(editor_changed);
            if changed {
                model.overlay = Some(Overlay::ConfirmDrop);
            } else {
                close_editor(model);
            }
            None
        }
        Message::ConfirmDrop { choice } => {
            model.overlay = None;
            match choice {
                DropChoice::Save => editor_save(model),
                DropChoice::Keep => {
                    if commit_editor(model).is_some() {
                        close_editor(model);
                    }
                    None
                }
                DropChoice::Drop => {
                    close_editor(model);
                    model.status = Some(Status::info(ids::EDIT_DISCARDED, vec![]));
                    None
                }
                DropChoice::Stay => None,
            }
        }
        Message::Scroll { delta } => {
            wheel(model, delta);
            None
        }
        Message::Click { column, row } => click(model, column, row),
        Message::SaveDone { file, outcome } => save_done(model, file, outcome),
        Message::ReviewDone { outcome } => {
            if let Some(file) = model.reviewing_saved.take() {
                review_after_save_done(model, &file, outcome);
                return None;
            }
            match outcome {
                ReviewOutcome::Recorded { count, reloaded } => {
                    model.status = Some(Status::info(
                        ids::REVIEWED,
                        vec![("count", StatusArg::Num(count as f64))],
                    ));
                    apply_reload(model, reloaded);
                }
                ReviewOutcome::Unchanged => {
                    model.status = Some(Status::info(ids::REVIEW_UNCHANGED, vec![]));
                }
                ReviewOutcome::Failed { error } => {
                    model.status = Some(Status::error(
                        ids::REVIEW_FAILED,
                        vec![("error", StatusArg::Str(layout::shown(&error)))],
                    ));
                }
            }
            None
        }
        Message::DismissDone { outcome, rules } => {
            match outcome {
                ReviewOutcome::Recorded { reloaded, .. } => {
                    let names: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
                    model.status = Some(Status::info(
                        ids::DISMISSED,
                        vec![
                            ("count", StatusArg::Num(rules.len() as f64)),
                            ("rules", StatusArg::Str(names.join(", "))),
                        ],
                    ));
                    apply_reload(model, reloaded);
                }
                ReviewOutcome::Unchanged => {
                    model.status = Some(Status::info(ids::DISMISS_UNCHANGED, vec![]));
                }
                ReviewOutcome::Failed { error } => {
                    model.status = Some(Status::error(
                        ids::DISMISS_FAILED,
                        vec![("error", StatusArg::Str(layout::shown(&error)))],
                    ));
                }
            }
            None
        }
        Message::Loaded { docs, done, total } => {
            model.loading = Some((done, total));
            add_groups(model, docs);
            None
        }
        Message::LoadFinished { notes, error } => {
            model.loading = None;
            if let Some(error) = error {
                model.status = Some(Status::error(
                    ids::LOAD_FAILED,
                    vec![("error", StatusArg::Str(layout::shown(&error)))],
                ));
            } else if model.status.is_none() {
                model.status = notes.first().map(note_status);
            }
            model.notes.extend(notes);
            None
        }
        Message::RealignDone { outcome } => {
            match outcome {
                RealignOutcome::Recorded { reloaded } => {
                    model.status = Some(Status::info(ids::REALIGNED, vec![]));
                    apply_reload(model, reloaded);
                }
                RealignOutcome::Unchanged => {
                    model.status = Some(Status::info(ids::REALIGN_UNCHANGED, vec![]));
                }
                RealignOutcome::Failed { error } => {
                    model.status = Some(Status::error(
                        ids::REALIGN_FAILED,
                        vec![("error", StatusArg::Str(layout::shown(&error)))],
                    ));
                }
            }
            None
        }
    }
}

/// Moves an index by `delta` within `0..n`.
fn step(index: usize, delta: isize, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    index.saturating_add_signed(delta).min(n - 1)
}

fn edge_index(edge: Edge, n: usize) -> usize {
    match edge {
        Edge::First => 0,
        Edge::Last => n.saturating_sub(1),
    }
}

fn scroll_help(model: &mut Model, delta: isize) {
    if let Some(Overlay::Help { scroll }) = &mut model.overlay {
        *scroll = scroll.saturating_add_signed(delta as i16).min(HELP_LINES);
    }
}

/// Returns the document screen's columns for the current size.
pub fn doc_columns(model: &Model) -> Vec<Column> {
    let n = model.group().map_or(0, |g| g.langs.len());
    columns_for(model, n)
}

fn columns_for(model: &Model, n_langs: usize) -> Vec<Column> {
    layout::columns(
        n_langs,
        model.document.lang,
        model.size.0,
        model.focus.is_none(),
    )
}

fn body_height(model: &Model) -> u16 {
    layout::areas(model.size).body.height.max(1)
}

/// Returns the height of entry `k` of the current list.
fn heights(model: &Model) -> impl Fn(usize) -> u16 + '_ {
    let cols = doc_columns(model);
    let max = body_height(model);
    move |k: usize| match model.screen {
        Screen::Dashboard => layout::dash_entry_height(model, k).min(max),
        _ => match (model.group(), model.document.visible.get(k)) {
            (Some(g), Some(&r)) => layout::row_height(model, g, &g.rows[r], &cols, max),
            _ => 1,
        },
    }
}

fn list_mut(model: &mut Model) -> (&mut ListState, usize) {
    match model.screen {
        Screen::Dashboard => (&mut model.dashboard, model.dash.visible.len()),
        _ => {
            let n = model.document.visible.len();
            (&mut model.document.list, n)
        }
    }
}

/// Returns the smallest first entry that still shows entry `last` whole.
fn min_scroll_for(height: &dyn Fn(usize) -> u16, last: usize, body: u16) -> usize {
    let mut used = 0u16;
    let mut k = last;
    loop {
        used = used.saturating_add(height(k));
        if used > body && k < last {
            return k + 1;
        }
        if k == 0 {
            return 0;
        }
        k -= 1;
    }
}

/// Scrolls the current list so its selection is in view.
fn follow_selection(model: &mut Model) {
    let body = body_height(model);
    let (selected, scroll, n) = {
        let (list, n) = list_mut(model);
        (list.selected, list.scroll, n)
    };
    if n == 0 {
        let (list, _) = list_mut(model);
        *list = ListState::default();
        return;
    }
    let selected = selected.min(n - 1);
    let min = {
        let h = heights(model);
        min_scroll_for(&h, selected, body)
    };
    let scroll = scroll.min(selected).max(min);
    let (list, _) = list_mut(model);
    list.selected = selected;
    list.scroll = scroll;
}

fn page(model: &mut Model, direction: Direction) {
    match model.mode() {
        Mode::Help => {
            let delta = body_height(model).saturating_sub(2) as isize;
            scroll_help(
                model,
                if direction == Direction::Forward {
                    delta
                } else {
                    -delta
                },
            );
            return;
        }
        Mode::Dashboard | Mode::Document => {}
        _ => return,
    }
    let body = body_height(model);
    let (selected, n) = {
        let (list, n) = list_mut(model);
        (list.selected, n)
    };
    if n == 0 {
        return;
    }
    // As many entries as fit on one screen from the selection.
    let count = {
        let h = heights(model);
        let mut used = 0u16;
        let mut count = 0usize;
        let mut k = selected;
        loop {
            used = used.saturating_add(h(k));
            if used > body && count > 0 {
                break;
            }
            count += 1;
            match direction {
                Direction::Forward if k + 1 < n => k += 1,
                Direction::Backward if k > 0 => k -= 1,
                _ => break,
            }
        }
        count.max(1)
    };
    let (list, _) = list_mut(model);
    list.selected = match direction {
        Direction::Forward => (selected + count).min(n - 1),
        Direction::Backward => selected.saturating_sub(count),
    };
    follow_selection(model);
}

fn wheel(model: &mut Model, delta: isize) {
    match model.mode() {
        Mode::Help => return scroll_help(model, delta),
        Mode::Dashboard | Mode::Document => {}
        _ => return,
    }
    let body = body_height(model);
    let (scroll, n) = {
        let (list, n) = list_mut(model);
        (list.scroll, n)
    };
    if n == 0 {
        return;
    }
    let max = {
        let h = heights(model);
        min_scroll_for(&h, n - 1, body)
    };
    let scroll = scroll.saturating_add_signed(delta).min(max);
    // The last entry wholly shown from the new scroll.
    let last_shown = {
        let h = heights(model);
        let mut used = h(scroll);
        let mut k = scroll;
        while k + 1 < n && used.saturating_add(h(k + 1)) <= body {
            k += 1;
            used = used.saturating_add(h(k));
        }
        k
    };
    let (list, _) = list_mut(model);
    list.scroll = scroll;
    list.selected = list.selected.clamp(scroll, last_shown);
}

fn click(model: &mut Model, column: u16, row: u16) -> Option<Effect> {
    let body = layout::areas(model.size).body;
    if row < body.y || row >= body.y + body.height {
        return None;
    }
    let y = row - body.y;
    match model.mode() {
        Mode::Dashboard => {
            let mut top = 0u16;
            for k in model.dashboard.scroll..model.dash.visible.len() {
                let h = layout::dash_entry_height(model, k);
                if y < top + h {
                    if model.dashboard.selected == k {
                        return update(model, Message::Open);
                    }
                    model.dashboard.selected = k;
                    follow_selection(model);
                    break;
                }
                top += h;
            }
        }
        Mode::Document => {
            let group = model.group()?;
            let cols = doc_columns(model);
            let rows =
                layout::visible_rows(model, group, &cols, model.document.list.scroll, body.height);
            let hit = rows
                .iter()
                .find(|(_, span)| span.contains(&y))
                .map(|(k, _)| *k);
            let lang = cols
                .iter()
                .find(|c| column >= c.x && column < c.x + c.width)
                .and_then(|c| c.lang);
            if let Some(k) = hit {
                let again = model.document.list.selected == k
                    && lang.is_none_or(|l| l == model.document.lang);
                model.document.list.selected = k;
                if let Some(l) = lang {
                    model.document.lang = l;
                }
                follow_selection(model);
                if again && lang.is_some() {
                    start_edit(model);
                }
            }
        }
        _ => {}
    }
    None
}

/// Opens document `index` of the dashboard.
fn open_document(model: &mut Model, index: usize) {
    if index >= model.groups.len() {
        return;
    }
    let lang = match model.focus_index(&model.groups[index]) {
        Some(k) => k,
        None if model.document.group == index => model.document.lang,
        None => 0,
    };
    model.document = DocView {
        group: index,
        lang,
        ..DocView::default()
    };
    model.screen = Screen::Document;
    refilter(model);
}

/// Returns the English page of the dashboard's selected entry.
fn selected_page_path(model: &Model) -> Option<PathBuf> {
    match model.dash.visible.get(model.dashboard.selected)? {
        DashEntry::Page(g) => model.groups.get(*g).map(|g| g.source.path.clone()),
        DashEntry::New(k) => model.sources.get(*k).map(|s| s.path.clone()),
    }
}

/// Returns where the entry of an English page is on the dashboard (its
/// page first, else its "to translate" entry).
fn position_of_path(model: &Model, path: Option<&std::path::Path>) -> Option<usize> {
    let path = path?;
    let page = model.dash.visible.iter().position(|e| match e {
        DashEntry::Page(g) => model.groups.get(*g).is_some_and(|g| g.source.path == path),
        DashEntry::New(_) => false,
    });
    page.or_else(|| {
        model.dash.visible.iter().position(|e| match e {
            DashEntry::New(k) => model.sources.get(*k).is_some_and(|s| s.path == path),
            DashEntry::Page(_) => false,
        })
    })
}

/// Selects group `g` on the dashboard (shown again if the search or the
/// filter hid it).
fn select_page(model: &mut Model, g: usize) {
    let shown = |model: &Model| {
        model
            .dash
            .visible
            .iter()
            .position(|e| *e == DashEntry::Page(g))
    };
    if shown(model).is_none() && g < model.groups.len() {
        model.dash.search.clear();
        model.dash.needs_work = false;
        model.dash.visible = dash_entries(model);
    }
    if let Some(k) = shown(model) {
        model.dashboard.selected = k;
    }
    follow_selection(model);
}

/// Sets the search of the current screen (dashboard or document).
fn set_search(model: &mut Model, query: String) {
    if model.screen == Screen::Dashboard {
        model.dash.search = query;
        refilter_dashboard(model);
    } else {
        model.document.search = query;
        refilter(model);
    }
}

/// Recomputes the dashboard's entries, keeping the selected page selected
/// when it is still listed.
fn refilter_dashboard(model: &mut Model) {
    let selected = selected_page_path(model);
    model.dash.visible = dash_entries(model);
    model.dashboard.selected = position_of_path(model, selected.as_deref()).unwrap_or(0);
    follow_selection(model);
}

/// A translation was created from the dashboard (or not): the page set is
/// read again and the new translation opens, in the language worked in.
fn created(
    model: &mut Model,
    source: &std::path::Path,
    lang: &str,
    outcome: crate::tui::message::CreateOutcome,
) -> Option<Effect> {
    use crate::tui::message::CreateOutcome;
    match outcome {
        CreateOutcome::Created {
            path,
            from_memory,
            left,
            reloaded,
        } => {
            if let Some(s) = model.sources.iter_mut().find(|s| s.path == source) {
                s.langs.push(lang.to_owned());
            }
            let docs = match reloaded {
                Ok((docs, _)) => docs,
                Err(error) => {
                    model.status = Some(Status::error(
                        ids::RELOAD_FAILED,
                        vec![("error", StatusArg::Str(layout::shown(&error)))],
                    ));
                    refilter_dashboard(model);
                    return None;
                }
            };
            add_groups(model, docs);
            if let Some(g) = model.groups.iter().position(|g| g.source.path == source) {
                select_page(model, g);
                open_document(model, g);
            }
            model.status = Some(Status::info(
                ids::CREATED,
                vec![
                    ("path", file_name(&path)),
                    ("memory", StatusArg::Num(from_memory as f64)),
                    ("left", StatusArg::Num(left as f64)),
                ],
            ));
        }
        CreateOutcome::Failed { error } => {
            model.status = Some(Status::error(
                ids::CREATE_FAILED,
                vec![("error", StatusArg::Str(layout::shown(&error)))],
            ));
        }
    }
    None
}

/// Returns every translation language of the loaded pages, sorted.
pub fn languages(model: &Model) -> Vec<String> {
    let mut langs: Vec<String> = model
        .groups
        .iter()
        .flat_map(|g| g.langs.iter().map(|l| l.lang.clone()))
        .collect();
    langs.sort();
    langs.dedup();
    langs
}

/// Works in the next translation language (`L`): the dashboard is sorted by
/// its work, the open document shows it, and the choice is remembered.
fn switch_language(model: &mut Model) -> Option<Effect> {
    let langs = languages(model);
    if langs.is_empty() {
        return None;
    }
    let current = model.focus.clone().or_else(|| {
        (model.screen != Screen::Dashboard)
            .then(|| model.group()?.langs.get(model.document.lang))
            .flatten()
            .map(|l| l.lang.clone())
    });
    let next = match current.and_then(|c| langs.iter().position(|l| *l == c)) {
        // With every language shown, `L` first narrows to the one in view.
        Some(k) if model.focus.is_none() => k,
        Some(k) => (k + 1) % langs.len(),
        None => 0,
    };
    let lang = langs[next].clone();
    model.focus = Some(lang.clone());
    let open = model.group().map(|g| g.source.path.clone());
    let selected = selected_page_path(model);
    sort_groups(&mut model.groups, Some(&lang));
    let index_of = |model: &Model, path: Option<PathBuf>| {
        path.and_then(|p| model.groups.iter().position(|g| g.source.path == p))
    };
    if let Some(k) = index_of(model, open) {
        model.document.group = k;
    }
    model.dash.visible = dash_entries(model);
    model.dashboard.selected = position_of_path(model, selected.as_deref()).unwrap_or(0);
    if model.screen != Screen::Dashboard
        && let Some(k) = model.group().and_then(|g| model.focus_index(g))
    {
        model.document.lang = k;
    }
    if model.screen == Screen::Dashboard {
        follow_selection(model);
    } else {
        refilter(model);
    }
    model.status = Some(Status::info(
        ids::WORKING_IN,
        vec![("lang", StatusArg::Lang(lang.clone()))],
    ));
    Some(Effect::RememberLanguage { lang })
}

/// Recomputes the rows shown after a filter, search, language or reload
/// change, keeping the selected row when it is still shown.
fn refilter(model: &mut Model) {
    let Some(group) = model.groups.get(model.document.group) else {
        model.document.visible.clear();
        return;
    };
    let lang = model.document.lang.min(group.langs.len().saturating_sub(1));
    model.document.lang = lang;
    let before = model.selected_row();
    let query = model.document.search.to_lowercase();
    let filter = model.document.filter;
    let visible: Vec<usize> = group
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| {
            row.cells.get(lang).is_none_or(|c| filter.accepts(c.state))
                && (query.is_empty() || row.haystack.contains(&query))
        })
        .map(|(r, _)| r)
        .collect();
    let selected = match before {
        Some(r) => visible
            .iter()
            .position(|&v| v >= r)
            .unwrap_or(visible.len().saturating_sub(1)),
        None => 0,
    };
    model.document.visible = visible;
    model.document.list.selected = selected;
    follow_selection(model);
}

/// Goes to the next (or previous) segment needing attention in the
/// language worked in (the focus, else the document's column, else any
/// language on the dashboard), across pages in the dashboard's order: the
/// page is opened and the filter or search cleared if they hide the row.
fn next_attention(model: &mut Model, direction: Direction) {
    let lang_code: Option<String> = model.focus.clone().or_else(|| {
        (model.screen != Screen::Dashboard)
            .then(|| model.group()?.langs.get(model.document.lang))
            .flatten()
            .map(|l| l.lang.clone())
    });
    let wants = |g: &DocGroup, r: usize| match &lang_code {
        Some(code) => g
            .langs
            .iter()
            .position(|l| l.lang == *code)
            .and_then(|k| g.rows[r].cells.get(k))
            .is_some_and(|c| needs_attention(c.state)),
        None => g.rows[r].cells.iter().any(|c| needs_attention(c.state)),
    };
    // Every row of every page, in the dashboard's order, as one sequence.
    let offsets: Vec<usize> = model
        .groups
        .iter()
        .scan(0, |acc, g| {
            let at = *acc;
            *acc += g.rows.len();
            Some(at)
        })
        .collect();
    let total: usize = model.groups.iter().map(|g| g.rows.len()).sum();
    if total == 0 {
        return;
    }
    // The position the search starts after (forward) or before (backward).
    let start = match model.screen {
        Screen::Dashboard => {
            let g = model
                .dashboard_group()
                .unwrap_or(0)
                .min(model.groups.len() - 1);
            match direction {
                Direction::Forward => (offsets[g] + total - 1) % total,
                Direction::Backward => (offsets[g] + model.groups[g].rows.len()) % total,
            }
        }
        _ => {
            let g = model.document.group.min(model.groups.len() - 1);
            offsets[g] + model.selected_row().unwrap_or(0)
        }
    };
    let locate = |pos: usize| {
        let g = offsets.partition_point(|&o| o <= pos) - 1;
        (g, pos - offsets[g])
    };
    let mut found = None;
    for step in 1..=total {
        let pos = match direction {
            Direction::Forward => (start + step) % total,
            Direction::Backward => (start + total - step % total) % total,
        };
        let (g, r) = locate(pos);
        if wants(&model.groups[g], r) {
            let wrapped = match direction {
                Direction::Forward => pos <= start,
                Direction::Backward => pos >= start,
            };
            found = Some((g, r, wrapped && pos != start));
            break;
        }
    }
    let Some((g, r, wrapped)) = found else {
        model.status = Some(match &lang_code {
            Some(code) => Status::info(
                ids::NOTHING_TO_DO,
                vec![("lang", StatusArg::Lang(code.clone()))],
            ),
            None => Status::info(ids::NOTHING_TO_DO_ANY, vec![]),
        });
        return;
    };
    if model.screen == Screen::Dashboard || g != model.document.group {
        open_document(model, g);
        select_page(model, g);
        if let Some(k) = lang_code
            .as_ref()
            .and_then(|code| model.groups[g].langs.iter().position(|l| l.lang == *code))
        {
            model.document.lang = k;
        }
        refilter(model);
    }
    if !model.document.visible.contains(&r) {
        model.document.filter = Filter::All;
        model.document.search.clear();
        refilter(model);
    }
    if let Some(k) = model.document.visible.iter().position(|&v| v == r) {
        model.document.list.selected = k;
    }
    follow_selection(model);
    if wrapped {
        model.status = Some(Status::info(ids::WRAPPED, vec![]));
    }
}

/// Returns true when the editor's text differs from what it opened with.
fn editor_changed(editor: &Editor) -> bool {
    let text = crate::text::restore(&editor.textarea.lines().join("\n")).into_owned();
    trim_edit(&text) != trim_edit(&crate::text::restore(&editor.initial))
}

/// `Ctrl-S` in the editor: keeps the edit and saves the file; when the
/// English of the segment had changed since it was translated, the review
/// is recorded once the file is saved (the translator just brought it up to
/// date).
fn editor_save(model: &mut Model) -> Option<Effect> {
    let review = model.editor.as_ref().and_then(|editor| {
        let group = model.group()?;
        let row = group.rows.get(editor.row)?;
        let doc = group.langs.get(editor.lang)?;
        let english_changed = row.source.clone().any(|i| {
            matches!(
                doc.source_state(i),
                State::Stale | State::LinkOnly | State::Cosmetic
            )
        });
        let has_target = !row.cells.get(editor.lang)?.target.is_empty();
        (english_changed && has_target).then(|| ReviewAfterSave {
            file: doc.target.path.clone(),
            source: row.source.clone(),
        })
    });
    let file = commit_editor(model)?;
    close_editor(model);
    if model.pending_for(&file).is_some() {
        model.review_after_save = review;
        return Some(Effect::Save { files: vec![file] });
    }
    // Nothing changed in the text: saving it as it is says it is right.
    review.and_then(|r| review_saved(model, r))
}

/// Asks to record the review of the rows on `review.source` in the
/// translation just saved (its alignment as read again).
fn review_saved(model: &mut Model, review: ReviewAfterSave) -> Option<Effect> {
    let group = model
        .groups
        .iter()
        .find(|g| g.langs.iter().any(|l| l.target.path == review.file))?;
    let doc = group.langs.iter().find(|l| l.target.path == review.file)?;
    let rows: Vec<usize> = doc
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            !a.target.is_empty()
                && a.source.start < review.source.end
                && review.source.start < a.source.end
        })
        .map(|(k, _)| k)
        .collect();
    if rows.is_empty() {
        return None;
    }
    model.reviewing_saved = Some(review.file.clone());
    Some(Effect::Review {
        source: group.source.path.clone(),
        target: review.file,
        rows,
    })
}

/// Says how saving and then reviewing a segment ended.
fn review_after_save_done(model: &mut Model, file: &std::path::Path, outcome: ReviewOutcome) {
    match outcome {
        ReviewOutcome::Recorded { reloaded, .. } => {
            model.status = Some(Status::info(
                ids::SAVED_REVIEWED,
                vec![("path", file_name(file))],
            ));
            apply_reload(model, reloaded);
        }
        ReviewOutcome::Unchanged => {
            model.status = Some(Status::info(
                ids::SAVED_REVIEWED,
                vec![("path", file_name(file))],
            ));
        }
        ReviewOutcome::Failed { error } => {
            model.status = Some(Status::error(
                ids::REVIEW_FAILED,
                vec![("error", StatusArg::Str(layout::shown(&error)))],
            ));
        }
    }
}

/// Returns text made safe for the editor: control characters other than
/// line breaks and tabs shown as symbols, line ends without `\r`.
fn editor_text(text: &str) -> String {
    crate::text::visible(&text.replace("\r\n", "\n")).into_owned()
}

/// Returns the on-disk value of target segment `j` of a language, as the
/// editor shows it.
fn disk_value(model: &Model, lang: usize, j: usize) -> Option<String> {
    let doc = model.group()?.langs.get(lang)?;
    let seg = doc.target.document.segments.get(j)?;
    Some(editor_text(&localize::segment_value(&doc.target.text, seg)))
}

fn start_edit(model: &mut Model) {
    let Some(r) = model.selected_row() else {
        return;
    };
    let lang = model.document.lang;
    let Some(group) = model.group() else { return };
    let (Some(row), Some(doc)) = (group.rows.get(r), group.langs.get(lang)) else {
        return;
    };
    let cell = &row.cells[lang];
    let file = doc.target.path.clone();
    let pending = model.pending_for(&file);
    let (target, initial) = if !cell.target.is_empty() {
        let values: Vec<String> = cell
            .target
            .clone()
            .map(|j| match pending.and_then(|p| p.edits.get(&j)) {
                Some(v) => v.clone(),
                None => disk_value(model, lang, j).unwrap_or_default(),
            })
            .collect();
        (
            EditTarget::Segments {
                file,
                segments: cell.target.clone(),
            },
            values.join("\n\n"),
        )
    } else if row.source.len() == 1 {
        let i = row.source.start;
        let value = pending
            .and_then(|p| p.fills.get(&i))
            .cloned()
            .unwrap_or_default();
        (EditTarget::Fill { file, source: i }, value)
    } else if row.source.is_empty() {
        return;
    } else {
        model.status = Some(Status::error(ids::EDIT_CANNOT_FILL, vec![]));
        return;
    };
    let english: Vec<&str> = row
        .source
        .clone()
        .map(|i| group.source.document.segments[i].text.as_str())
        .collect();
    let english = english.join("\n");
    let current: Vec<String> = cell
        .target
        .clone()
        .map(|j| doc.target.document.segments[j].text.clone())
        .collect();
    let lang_code = doc.lang.clone();
    if !model.memories.contains_key(&lang_code) {
        let memory = build_memory(model, &lang_code);
        model.memories.insert(lang_code.clone(), memory);
    }
    let suggestions = if english.is_empty() {
        Vec::new()
    } else {
        model.memories[&lang_code]
            .lookup(&english, N_SUGGESTIONS + current.len())
            .into_iter()
            .filter(|s| !current.contains(&s.target))
            .take(N_SUGGESTIONS)
            .collect()
    };
    let mut textarea = TextArea::new(initial.split('\n').map(str::to_owned).collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    textarea.set_cursor_line_style(ratatui::style::Style::default());
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
    model.editor = Some(Editor {
        textarea,
        target,
        initial,
        suggestions,
        row: r,
        lang,
        suggestion_steps: 0,
    });
    model.screen = Screen::Edit;
}

/// Builds the translation memory of a language from every aligned page.
pub fn build_memory(model: &Model, lang: &str) -> TranslationMemory {
    let mut memory = TranslationMemory::new();
    for group in &model.groups {
        for doc in group.langs.iter().filter(|d| d.lang == lang) {
            memory.add_pair(&group.source.document, &doc.target.document, &doc.alignment);
        }
    }
    memory
}

/// Trims the blank lines and trailing spaces an editor leaves around text.
fn trim_edit(text: &str) -> &str {
    text.trim_end().trim_start_matches(['\n', '\r'])
}

/// Turns the editor's text into pending edits; returns the file, or `None`
/// (with a status message) when the text cannot be used.
fn commit_editor(model: &mut Model) -> Option<PathBuf> {
    let editor = model.editor.as_ref()?;
    // The editor shows bidi and format characters as escapes (`⟨U+200F⟩`):
    // they go back to the file as the characters they were.
    let text = crate::text::restore(&editor.textarea.lines().join("\n")).into_owned();
    let lang = editor.lang;
    let target = editor.target.clone();
    let changed = trim_edit(&text) != trim_edit(&crate::text::restore(&editor.initial));
    let file = match &target {
        EditTarget::Segments { file, .. } | EditTarget::Fill { file, .. } => file.clone(),
    };
    if !changed {
        model.status = Some(Status::info(ids::EDIT_UNCHANGED, vec![]));
        return Some(file);
    }
    let group_idx = model.document.group;
    let mut values: Vec<(usize, Option<String>)> = Vec::new();
    match &target {
        EditTarget::Segments { segments, .. } => {
            let text = trim_edit(&text);
            let parts: Vec<String> = if segments.len() == 1 {
                vec![text.to_owned()]
            } else {
                split_paragraphs(text)
            };
            if parts.len() != segments.len() {
                model.status = Some(Status::error(
                    ids::EDIT_SPLIT_MISMATCH,
                    vec![("count", StatusArg::Num(segments.len() as f64))],
                ));
                return None;
            }
            for (j, part) in segments.clone().zip(parts) {
                let same = disk_value(model, lang, j).as_deref() == Some(part.as_str());
                values.push((j, (!same).then_some(part)));
            }
        }
        EditTarget::Fill { source, .. } => {
            let text = trim_edit(&text);
            values.push((*source, (!text.is_empty()).then(|| text.to_owned())));
        }
    }
    let group = model.groups.get(group_idx)?;
    let doc = group.langs.get(lang)?;
    let entry = model
        .pending
        .entry(file.clone())
        .or_insert_with(|| PendingFile::new(&group.source, doc));
    let map = match target {
        EditTarget::Segments { .. } => &mut entry.edits,
        EditTarget::Fill { .. } => &mut entry.fills,
    };
    for (k, value) in values {
        match value {
            Some(v) => {
                map.insert(k, v);
            }
            None => {
                map.remove(&k);
            }
        }
    }
    if entry.is_empty() {
        model.pending.remove(&file);
    }
    model.status = Some(Status::info(ids::EDIT_KEPT, vec![]));
    Some(file)
}

/// Splits text at blank lines into trimmed paragraphs.
fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join("\n"));
    }
    out
}

fn close_editor(model: &mut Model) {
    model.editor = None;
    model.screen = Screen::Document;
    follow_selection(model);
}

/// Returns the selected row, its cell's language index and the file.
fn selected_cell(model: &Model) -> Option<(usize, usize, PathBuf)> {
    let r = model.selected_row()?;
    let lang = model.document.lang;
    let doc = model.group()?.langs.get(lang)?;
    Some((r, lang, doc.target.path.clone()))
}

fn drop_edit(model: &mut Model) {
    let Some((r, lang, file)) = selected_cell(model) else {
        return;
    };
    let Some(group) = model.group() else { return };
    let row = &group.rows[r];
    let (targets, sources): (Range<usize>, Range<usize>) =
        (row.cells[lang].target.clone(), row.source.clone());
    let mut dropped = false;
    if let Some(p) = model.pending.get_mut(&file) {
        for j in targets {
            dropped |= p.edits.remove(&j).is_some();
        }
        for i in sources {
            dropped |= p.fills.remove(&i).is_some();
        }
        if p.is_empty() {
            model.pending.remove(&file);
        }
    }
    let id = if dropped {
        ids::EDIT_DROPPED
    } else {
        ids::EDIT_NONE_PENDING
    };
    model.status = Some(Status::info(id, vec![]));
}

fn save(model: &mut Model) -> Option<Effect> {
    let files: Vec<PathBuf> = match model.screen {
        Screen::Dashboard => model.pending.keys().cloned().collect(),
        _ => model.group().map_or(Vec::new(), |g| {
            g.langs
                .iter()
                .map(|l| l.target.path.clone())
                .filter(|p| model.pending_for(p).is_some())
                .collect()
        }),
    };
    if files.is_empty() {
        model.status = Some(Status::info(ids::SAVE_NOTHING, vec![]));
        return None;
    }
    Some(Effect::Save { files })
}

fn file_name(path: &std::path::Path) -> StatusArg {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    StatusArg::Str(layout::shown(&name))
}

fn save_done(model: &mut Model, file: PathBuf, outcome: SaveOutcome) -> Option<Effect> {
    match outcome {
        SaveOutcome::Saved { reloaded } => {
            model.pending.remove(&file);
            model.status = Some(Status::info(ids::SAVED, vec![("path", file_name(&file))]));
            apply_reload(model, reloaded);
            if model.quit_after_save && model.pending.is_empty() {
                return Some(Effect::Quit);
            }
            if let Some(review) = model.review_after_save.take_if(|r| r.file == file) {
                return review_saved(model, review);
            }
        }
        SaveOutcome::ChangedOnDisk => {
            model.quit_after_save = false;
            model.review_after_save = None;
            model.status = Some(Status::error(
                ids::SAVE_CHANGED_ON_DISK,
                vec![("path", file_name(&file))],
            ));
        }
        SaveOutcome::Failed { error } => {
            model.quit_after_save = false;
            model.review_after_save = None;
            model.status = Some(Status::error(
                ids::SAVE_FAILED,
                vec![
                    ("path", file_name(&file)),
                    ("error", StatusArg::Str(layout::shown(&error))),
                ],
            ));
        }
    }
    None
}

/// Adds documents read in the background: the dashboard stays sorted by the
/// work they need, and the open document stays open. The selection stays on
/// its document, unless it is on the dashboard's first line: then it stays
/// there, on the document needing most work.
fn add_groups(model: &mut Model, docs: Vec<crate::workspace::StaleDoc>) {
    let path_of = |model: &Model, k: usize| model.groups.get(k).map(|g| g.source.path.clone());
    let at_top = model.screen == Screen::Dashboard && model.dashboard.selected == 0;
    let selected = selected_page_path(model).filter(|_| !at_top);
    let open = path_of(model, model.document.group);
    put_groups(model, docs);
    sort_groups(&mut model.groups, model.focus.as_deref());
    let index_of = |model: &Model, path: Option<PathBuf>| {
        path.and_then(|p| model.groups.iter().position(|g| g.source.path == p))
    };
    if let Some(k) = index_of(model, open) {
        model.document.group = k;
    }
    model.dash.visible = dash_entries(model);
    model.dashboard.selected = position_of_path(model, selected.as_deref()).unwrap_or(0);
    follow_selection(model);
}

/// Puts page sets in the model: a known one is replaced in place, a new one
/// goes last; the translation memories of their languages are built again.
fn put_groups(model: &mut Model, docs: Vec<crate::workspace::StaleDoc>) {
    for group in group_docs(docs) {
        for l in &group.langs {
            model.memories.remove(&l.lang);
        }
        match model
            .groups
            .iter()
            .position(|g| g.source.path == group.source.path)
        {
            Some(k) => model.groups[k] = group,
            None => model.groups.push(group),
        }
    }
}

/// Replaces the reloaded page sets in place, keeping the order, the open
/// document and its selection.
fn apply_reload(model: &mut Model, reloaded: Reloaded) {
    let (docs, _notes) = match reloaded {
        Ok(r) => r,
        Err(error) => {
            model.status = Some(Status::error(
                ids::RELOAD_FAILED,
                vec![("error", StatusArg::Str(layout::shown(&error)))],
            ));
            return;
        }
    };
    put_groups(model, docs);
    if model.screen != Screen::Dashboard {
        refilter(model);
    }
}

fn review(model: &mut Model) -> Option<Effect> {
    let (r, lang, file) = selected_cell(model)?;
    let group = model.group()?;
    let row = &group.rows[r];
    let cell = &row.cells[lang];
    let doc = &group.langs[lang];
    if let Some(p) = model.pending_for(&file)
        && (cell.target.clone().any(|j| p.edits.contains_key(&j))
            || row.source.clone().any(|i| p.fills.contains_key(&i)))
    {
        model.status = Some(Status::error(ids::REVIEW_PENDING, vec![]));
        return None;
    }
    let rows: Vec<usize> = cell
        .rows
        .clone()
        .filter(|&k| {
            let a = &doc.alignment.rows[k];
            !a.source.is_empty() && !a.target.is_empty()
        })
        .collect();
    if rows.is_empty() {
        model.status = Some(Status::info(ids::REVIEW_NOTHING, vec![]));
        return None;
    }
    Some(Effect::Review {
        source: group.source.path.clone(),
        target: file,
        rows,
    })
}

/// Asks to dismiss every finding of the selected cell, as `trame review
/// --dismiss` does for each of their rules.
fn dismiss(model: &mut Model) -> Option<Effect> {
    let (r, lang, file) = selected_cell(model)?;
    let group = model.group()?;
    let row = &group.rows[r];
    let cell = &row.cells[lang];
    let doc = &group.langs[lang];
    let dismissals: Vec<Dismissal> = cell
        .rows
        .clone()
        .flat_map(|k| {
            doc.row_findings
                .get(k)
                .into_iter()
                .flatten()
                .map(move |&rule| Dismissal { row: k, rule })
        })
        .collect();
    if dismissals.is_empty() {
        model.status = Some(Status::info(ids::DISMISS_NOTHING, vec![]));
        return None;
    }
    // A dismissal names the translation as it is on disk.
    if let Some(p) = model.pending_for(&file)
        && (cell.target.clone().any(|j| p.edits.contains_key(&j))
            || row.source.clone().any(|i| p.fills.contains_key(&i)))
    {
        model.status = Some(Status::error(ids::DISMISS_PENDING, vec![]));
        return None;
    }
    Some(Effect::Dismiss {
        source: group.source.path.clone(),
        target: file,
        dismissals,
    })
}

fn carry(model: &mut Model) {
    let Some((r, lang, file)) = selected_cell(model) else {
        return;
    };
    let Some(group) = model.group() else { return };
    let row = &group.rows[r];
    let cell = &row.cells[lang];
    let doc = &group.langs[lang];
    let link_only: Vec<usize> = row
        .source
        .clone()
        .filter(|&i| doc.source_state(i) == State::LinkOnly)
        .collect();
    let (Some(&i), 1) = (link_only.first(), cell.target.len()) else {
        model.status = Some(Status::info(ids::CARRY_NOTHING, vec![]));
        return;
    };
    let j = cell.target.start;
    if model
        .pending_for(&file)
        .is_some_and(|p| p.edits.contains_key(&j))
    {
        model.status = Some(Status::error(ids::CARRY_PENDING, vec![]));
        return;
    }
    let Some(label) = doc.label_of_source(i) else {
        return;
    };
    let old_text: String = label
        .diff
        .iter()
        .filter(|c| c.op != Op::Insert)
        .map(|c| c.text.as_str())
        .collect();
    let new_seg = &group.source.document.segments[i];
    let mut old_seg = new_seg.clone();
    old_seg.text = old_text.clone();
    old_seg.invariants = Default::default();
    for s in crate::segment::parse(&old_text).0.segments {
        let inv = &mut old_seg.invariants;
        inv.urls.extend(s.invariants.urls);
        inv.code.extend(s.invariants.code);
        inv.numbers.extend(s.invariants.numbers);
        inv.dates.extend(s.invariants.dates);
        inv.shortcodes.extend(s.invariants.shortcodes);
    }
    let target_seg = &doc.target.document.segments[j];
    match localize::carry(&old_seg, new_seg, &doc.target.text, target_seg) {
        Carry::Applied { text, changes } => {
            let entry = PendingFile::new(&group.source, doc);
            let count = changes.len();
            model
                .pending
                .entry(file)
                .or_insert(entry)
                .edits
                .insert(j, text);
            model.status = Some(Status::info(
                ids::CARRIED,
                vec![("count", StatusArg::Num(count as f64))],
            ));
        }
        Carry::Ambiguous { .. } => {
            model.status = Some(Status::error(ids::CARRY_AMBIGUOUS, vec![]));
        }
        Carry::Nothing => {
            model.status = Some(Status::info(ids::CARRY_NOTHING, vec![]));
        }
    }
}

/// Asks for an alignment correction of the selected row in the current
/// language; refused (with a status message) while the translation has
/// unsaved edits, since the edits were made against the current alignment.
fn realign(model: &mut Model, action: RealignAction) -> Option<Effect> {
    if model.screen != Screen::Document {
        return None;
    }
    let (r, lang, file) = selected_cell(model)?;
    if model.pending_for(&file).is_some() {
        model.status = Some(Status::error(ids::REALIGN_PENDING, vec![]));
        return None;
    }
    let group = model.group()?;
    let doc = group.langs.get(lang)?;
    let cell = group.rows.get(r)?.cells.get(lang)?;
    match plan_realign(&doc.alignment, cell.rows.clone(), action) {
        Ok(rows) => Some(Effect::Realign {
            source: group.source.path.clone(),
            target: file,
            lang: doc.lang.clone(),
            rows,
        }),
        Err(id) => {
            model.status = Some(Status::info(id, vec![]));
            None
        }
    }
}

/// Returns the rows that replace alignment rows `selected` (and, for some
/// actions, the row after them), or the id of the message saying why there
/// is nothing to do.
///
/// Join makes the selected rows and the next one a single row. Split pairs
/// the selected segments one to one in order, the longer side's extra
/// segments each on a row of their own (join or move them afterwards).
/// `PushLast` moves the last translated segment to the next row (to a row of
/// its own at the end); `PullNext` takes the next row's first one. A row
/// left with no segment disappears.
pub fn plan_realign(
    alignment: &Alignment,
    selected: Range<usize>,
    action: RealignAction,
) -> Result<Vec<FixedRow>, &'static str> {
    let rows = &alignment.rows;
    let (Some(first), Some(last)) = (
        rows.get(selected.start),
        rows.get(selected.end.wrapping_sub(1)),
    ) else {
        return Err(ids::REALIGN_NO_ROW);
    };
    if selected.is_empty() {
        return Err(ids::REALIGN_NO_ROW);
    }
    let (s, t) = (
        first.source.start..last.source.end,
        first.target.start..last.target.end,
    );
    let next = rows.get(selected.end);
    let row = |source: Range<usize>, target: Range<usize>| FixedRow { source, target };
    let non_empty = |r: &FixedRow| !(r.source.is_empty() && r.target.is_empty());
    let planned: Vec<FixedRow> = match action {
        RealignAction::Join => {
            let next = next.ok_or(ids::REALIGN_NO_NEXT)?;
            vec![row(s.start..next.source.end, t.start..next.target.end)]
        }
        RealignAction::Split => {
            let pairs = s.len().min(t.len());
            let mut out: Vec<FixedRow> = (0..pairs)
                .map(|k| row(s.start + k..s.start + k + 1, t.start + k..t.start + k + 1))
                .collect();
            out.extend((s.start + pairs..s.end).map(|i| row(i..i + 1, t.end..t.end)));
            out.extend((t.start + pairs..t.end).map(|j| row(s.end..s.end, j..j + 1)));
            let shape = |source: &Range<usize>, target: &Range<usize>| {
                (
                    (!source.is_empty()).then(|| source.clone()),
                    (!target.is_empty()).then(|| target.clone()),
                )
            };
            let same = out.len() == selected.len()
                && out
                    .iter()
                    .zip(&rows[selected.clone()])
                    .all(|(a, b)| shape(&a.source, &a.target) == shape(&b.source, &b.target));
            if same {
                return Err(ids::REALIGN_NOTHING_TO_SPLIT);
            }
            out
        }
        RealignAction::PushLast => {
            if t.is_empty() {
                return Err(ids::REALIGN_NO_TARGET);
            }
            let moved = t.end - 1;
            let rest = row(s.clone(), t.start..moved);
            let after = match next {
                Some(n) => row(n.source.clone(), moved..n.target.end),
                None => row(s.end..s.end, moved..t.end),
            };
            vec![rest, after]
        }
        RealignAction::PullNext => {
            let next = next.ok_or(ids::REALIGN_NO_NEXT)?;
            if next.target.is_empty() {
                return Err(ids::REALIGN_NEXT_NO_TARGET);
            }
            let moved = next.target.start;
            vec![
                row(s.clone(), t.start..moved + 1),
                row(next.source.clone(), moved + 1..next.target.end),
            ]
        }
    };
    Ok(planned.into_iter().filter(non_empty).collect())
}
