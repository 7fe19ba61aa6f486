//! Keys and mouse events to messages: a pure mapping that depends only on the
//! [`Mode`], so it is tested without a terminal.
//!
//! Lists: arrows or `j`/`k`, `PgUp`/`PgDn`, `Home`/`End` or `g`/`G`.
//! Dashboard and document: `n`/`N` next/previous segment needing attention
//! in the language worked in, across pages (opening the page), `L` the next
//! language, `?` help. Dashboard: `q` quit. Document: `h`/`l` or arrows
//! change the column, `f`/`F` filter, `/` search, `e` or `Enter` edit, `u`
//! drop an unsaved edit, `s` save, `r` review, `d` dismiss the segment's
//! findings, `c` carry, `J` join with the next row, `S` split the row,
//! `<`/`>` pull or push a translated segment across rows, `Esc` back, `q`
//! back to the dashboard. Editor: every key edits except `Esc` (leave,
//! asking before dropping a change), `Ctrl-S` (save, and record the review
//! when the English had changed), `Alt-1`..`Alt-9` (a suggestion replaces
//! the text), `Ctrl-Z` (undo, a suggestion at once), `Ctrl-A` (select
//! all), `F1` (help).

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::tui::message::{Direction, DropChoice, Edge, Message, QuitChoice, RealignAction};
use crate::tui::model::Mode;

/// Rows moved by one turn of the mouse wheel.
pub const WHEEL_ROWS: isize = 3;

/// Returns the message of a key press in `mode`, if the key means something.
pub fn message_for(key: KeyEvent, mode: Mode) -> Option<Message> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match mode {
        Mode::Edit => return editor_key(key, ctrl, alt),
        Mode::Search => return search_key(key, ctrl),
        Mode::Help => return help_key(key),
        Mode::ConfirmQuit => return confirm_key(key),
        Mode::ConfirmDrop => return confirm_drop_key(key),
        Mode::Dashboard | Mode::Document => {}
    }
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Message::Quit),
            KeyCode::Char('d') | KeyCode::Char('f') => Some(Message::Page {
                direction: Direction::Forward,
            }),
            KeyCode::Char('u') | KeyCode::Char('b') => Some(Message::Page {
                direction: Direction::Backward,
            }),
            KeyCode::Char('s') => Some(Message::Save),
            _ => None,
        };
    }
    if let Some(msg) = list_key(key) {
        return Some(msg);
    }
    let document = mode == Mode::Document;
    match key.code {
        KeyCode::Char('?') | KeyCode::F(1) => Some(Message::ToggleHelp),
        KeyCode::Char('q') if document => Some(Message::CloseDocument),
        KeyCode::Char('q') => Some(Message::Quit),
        KeyCode::Char('s') => Some(Message::Save),
        KeyCode::Char('L') => Some(Message::SwitchLanguage),
        KeyCode::Enter => Some(Message::Open),
        KeyCode::Esc => Some(Message::Back),
        KeyCode::Right | KeyCode::Char('l') if !document => Some(Message::Open),
        KeyCode::Left | KeyCode::Char('h') if document => {
            Some(Message::SelectLanguage { delta: -1 })
        }
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Tab if document => {
            Some(Message::SelectLanguage { delta: 1 })
        }
        KeyCode::BackTab if document => Some(Message::SelectLanguage { delta: -1 }),
        KeyCode::Char('n') => Some(Message::NextAttention {
            direction: Direction::Forward,
        }),
        KeyCode::Char('N') => Some(Message::NextAttention {
            direction: Direction::Backward,
        }),
        KeyCode::Char('f') => Some(Message::CycleFilter {
            direction: Direction::Forward,
        }),
        KeyCode::Char('F') if document => Some(Message::CycleFilter {
            direction: Direction::Backward,
        }),
        KeyCode::Char('/') => Some(Message::StartSearch),
        KeyCode::Char('e') if document => Some(Message::Edit),
        KeyCode::Char('u') if document => Some(Message::DropEdit),
        KeyCode::Char('r') if document => Some(Message::Review),
        KeyCode::Char('d') if document => Some(Message::Dismiss),
        KeyCode::Char('c') if document => Some(Message::Carry),
        KeyCode::Char('J') if document => Some(realign(RealignAction::Join)),
        KeyCode::Char('S') if document => Some(realign(RealignAction::Split)),
        KeyCode::Char('>') if document => Some(realign(RealignAction::PushLast)),
        KeyCode::Char('<') if document => Some(realign(RealignAction::PullNext)),
        _ => None,
    }
}

fn realign(action: RealignAction) -> Message {
    Message::Realign { action }
}

/// Returns the message of a mouse event in `mode`.
pub fn mouse_message(mouse: MouseEvent, mode: Mode) -> Option<Message> {
    match (mode, mouse.kind) {
        (Mode::Edit, MouseEventKind::ScrollDown | MouseEventKind::ScrollUp) => {
            Some(Message::EditorInput {
                input: mouse.into(),
            })
        }
        (Mode::Dashboard | Mode::Document | Mode::Help, MouseEventKind::ScrollDown) => {
            Some(Message::Scroll { delta: WHEEL_ROWS })
        }
        (Mode::Dashboard | Mode::Document | Mode::Help, MouseEventKind::ScrollUp) => {
            Some(Message::Scroll { delta: -WHEEL_ROWS })
        }
        (Mode::Dashboard | Mode::Document, MouseEventKind::Down(MouseButton::Left)) => {
            Some(Message::Click {
                column: mouse.column,
                row: mouse.row,
            })
        }
        _ => None,
    }
}

/// Movement keys shared by every list.
fn list_key(key: KeyEvent) -> Option<Message> {
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Message::Move { delta: -1 },
        KeyCode::Down | KeyCode::Char('j') => Message::Move { delta: 1 },
        KeyCode::PageUp => Message::Page {
            direction: Direction::Backward,
        },
        KeyCode::PageDown | KeyCode::Char(' ') => Message::Page {
            direction: Direction::Forward,
        },
        KeyCode::Home | KeyCode::Char('g') => Message::Jump { edge: Edge::First },
        KeyCode::End | KeyCode::Char('G') => Message::Jump { edge: Edge::Last },
        _ => return None,
    })
}

fn editor_key(key: KeyEvent, ctrl: bool, alt: bool) -> Option<Message> {
    match key.code {
        KeyCode::Esc => Some(Message::EditorEscape),
        KeyCode::F(1) => Some(Message::ToggleHelp),
        KeyCode::Char('s') if ctrl => Some(Message::EditorSave),
        KeyCode::Char('z') if ctrl => Some(Message::EditorUndo),
        KeyCode::Char('r') if ctrl => Some(Message::EditorRedo),
        KeyCode::Char('a') if ctrl && !alt => Some(Message::EditorSelectAll),
        KeyCode::Char(c @ '1'..='9') if alt && !ctrl => Some(Message::UseSuggestion {
            index: (c as usize) - ('1' as usize),
        }),
        _ => Some(Message::EditorInput { input: key.into() }),
    }
}

fn search_key(key: KeyEvent, ctrl: bool) -> Option<Message> {
    match key.code {
        KeyCode::Esc => Some(Message::SearchCancel),
        KeyCode::Char('c') if ctrl => Some(Message::SearchCancel),
        KeyCode::Enter => Some(Message::SearchConfirm),
        KeyCode::Backspace => Some(Message::SearchBackspace),
        KeyCode::Char(c) if !ctrl => Some(Message::SearchInput { c }),
        _ => None,
    }
}

fn help_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::F(1) => {
            Some(Message::ToggleHelp)
        }
        _ => list_key(key),
    }
}

fn confirm_drop_key(key: KeyEvent) -> Option<Message> {
    let choice = match key.code {
        KeyCode::Char('s') | KeyCode::Char('S') => DropChoice::Save,
        KeyCode::Char('k') | KeyCode::Char('K') => DropChoice::Keep,
        KeyCode::Char('y') | KeyCode::Char('Y') => DropChoice::Drop,
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => DropChoice::Stay,
        _ => return None,
    };
    Some(Message::ConfirmDrop { choice })
}

fn confirm_key(key: KeyEvent) -> Option<Message> {
    let choice = match key.code {
        KeyCode::Char('s') | KeyCode::Char('S') => QuitChoice::SaveAndQuit,
        KeyCode::Char('y') | KeyCode::Char('Y') => QuitChoice::Discard,
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => QuitChoice::Stay,
        _ => return None,
    };
    Some(Message::ConfirmQuit { choice })
}
