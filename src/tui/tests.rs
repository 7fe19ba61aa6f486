//! Tests of the terminal interface without a terminal: key mapping and
//! `update` as state tests, every screen as a `TestBackend` snapshot (80x24
//! and 160x48, English and French UI), saving through the runner's effect
//! functions in a temporary directory, and a timing harness that prints
//! (never asserts) the frame budgets.

use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::align;
use crate::i18n::Localizer;
use crate::segment;
use crate::stale::{self, Base, State};
use crate::tui::ids;
use crate::tui::keymap::{message_for, mouse_message};
use crate::tui::message::{
    Direction, DropChoice, Edge, Effect, Message, QuitChoice, RealignAction, RealignOutcome,
    SaveOutcome,
};
use crate::tui::model::{Filter, Mode, Model, Overlay, Screen, StatusKind, merge_rows};
use crate::tui::update::{plan_realign, update};
use crate::tui::{dispatch, layout, record_realign, to_message, view};
use crate::workspace::{Page, StaleDoc};

const EN_BASE: &str = "---
title: The Loom Newsletter
---

## Lyon Sprint

The sprint in Lyon takes place from 9 to 11 October.

A few seats are still free, and remote participants are welcome too.

- [Topic board](https://board.example/lyon)

The old [wiki](https://wiki.example/old) closed on 1 September.

## Events

See you next month!
";

const EN_NOW: &str = "---
title: The Loom Newsletter
---

## Lyon Sprint

The sprint in Lyon takes place from 9 to 11 October.

All seats are now taken, but remote participants can still join the video room.

- [Topic board](https://board.example/sprints/lyon)

## Events

See you next month!

Write to [the editors](https://loom.example/contact) before 30 October.
";

const FR: &str = "---
title: La lettre de Loom
---

## Sprint de Lyon

Le sprint de Lyon a lieu du 9 au 11 octobre.

Il reste quelques places, et les participants à distance sont aussi les bienvenus.

- [Tableau des sujets](https://board.example/lyon)

L'ancien [wiki](https://wiki.example/old) a fermé le 1er septembre.

## Événements

Rendez-vous le mois prochain !
";

const IT: &str = "---
title: La newsletter di Loom
---

## Sprint di Lione

Lo sprint di Lione si terrà dal 9 all'11 ottobre.

Restano alcuni posti liberi, e anche i partecipanti a distanza sono i benvenuti.

- [Bacheca degli argomenti](https://board.example/lyon)

Il vecchio [wiki](https://wiki.example/old) ha chiuso il 1° settembre.

## Eventi

Ci vediamo il mese prossimo!
";

/// A page set written to a temporary directory: `news.md`, `news.fr.md`,
/// `news.it.md`, with staleness computed against `EN_BASE` as every row's
/// base (what git would say if the translations were made from it).
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with(EN_NOW, FR, IT)
    }

    fn with(en: &str, fr: &str, it: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("news.md"), en).unwrap();
        std::fs::write(dir.path().join("news.fr.md"), fr).unwrap();
        std::fs::write(dir.path().join("news.it.md"), it).unwrap();
        Fixture { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn docs(&self) -> Vec<StaleDoc> {
        let source = page(&self.path("news.md"));
        ["fr", "it"]
            .iter()
            .map(|lang| {
                let target = page(&self.path(&format!("news.{lang}.md")));
                stale_doc(&source, EN_BASE, target, lang)
            })
            .collect()
    }

    fn model(&self, size: (u16, u16)) -> Model {
        Model::new(self.docs(), Vec::new(), size)
    }

    /// The model of translations made from the current English: every row
    /// up to date.
    fn model_up_to_date(&self, size: (u16, u16)) -> Model {
        let source = page(&self.path("news.md"));
        let docs = ["fr", "it"]
            .iter()
            .map(|lang| {
                let target = page(&self.path(&format!("news.{lang}.md")));
                stale_doc(&source, &source.text, target, lang)
            })
            .collect();
        Model::new(docs, Vec::new(), size)
    }
}

fn page(path: &Path) -> Page {
    let text = std::fs::read_to_string(path).unwrap();
    let (document, diagnostics) = segment::parse(&text);
    Page {
        path: path.to_owned(),
        text,
        document,
        diagnostics,
    }
}

/// Labels a translation as if every row was translated from `base_text`.
fn stale_doc(source: &Page, base_text: &str, target: Page, lang: &str) -> StaleDoc {
    let base = segment::parse(base_text).0;
    let versions = stale::match_versions(&base, &source.document);
    let alignment = align::align(&source.document, &target.document);
    let langs = stale::Langs {
        source: "en",
        target: lang,
    };
    let labels = stale::label(
        &source.document,
        &target.document,
        langs,
        &alignment,
        &|_| {
            Some(Base {
                document: &base,
                versions: &versions,
                commit: Some("c0ffee"),
            })
        },
    );
    StaleDoc {
        source: std::sync::Arc::new(source.clone()),
        target,
        lang: lang.to_owned(),
        alignment,
        labels,
        dismissed: Vec::new(),
        site: None,
        moved: Vec::new(),
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

/// Feeds key presses through the key map and `update`; returns the last effect.
fn press(model: &mut Model, keys: &[KeyEvent]) -> Option<Effect> {
    let mut effect = None;
    for k in keys {
        if let Some(msg) = message_for(*k, model.mode()) {
            effect = update(model, msg);
        }
    }
    effect
}

fn chars(s: &str) -> Vec<KeyEvent> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Returns the states of the selected language's cells, row by row.
fn states(model: &Model) -> Vec<State> {
    let group = model.group().unwrap();
    group
        .rows
        .iter()
        .map(|r| r.cells[model.document.lang].state)
        .collect()
}

#[test]
fn fixture_has_every_state_the_screens_show() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    update(&mut model, Message::Open);
    let got = states(&model);
    assert_eq!(
        got,
        [
            State::UpToDate,
            State::UpToDate,
            State::UpToDate,
            State::Stale,
            State::LinkOnly,
            State::Removed,
            State::UpToDate,
            State::UpToDate,
            State::Missing,
        ],
        "{:#?}",
        model.group().unwrap().rows
    );
}

// ---------------------------------------------------------------- key map

#[test]
fn keys_map_to_messages_by_mode() {
    use Mode::{ConfirmQuit, Dashboard, Document, Edit, Help, Search};
    let m = |k: KeyEvent, mode: Mode| message_for(k, mode);
    assert!(matches!(
        m(key(KeyCode::Char('j')), Document),
        Some(Message::Move { delta: 1 })
    ));
    assert!(matches!(
        m(key(KeyCode::Down), Dashboard),
        Some(Message::Move { delta: 1 })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('k')), Document),
        Some(Message::Move { delta: -1 })
    ));
    assert!(matches!(
        m(key(KeyCode::Up), Document),
        Some(Message::Move { delta: -1 })
    ));
    assert!(matches!(
        m(key(KeyCode::PageDown), Document),
        Some(Message::Page {
            direction: Direction::Forward
        })
    ));
    assert!(matches!(
        m(key(KeyCode::PageUp), Document),
        Some(Message::Page {
            direction: Direction::Backward
        })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('G')), Document),
        Some(Message::Jump { edge: Edge::Last })
    ));
    assert!(matches!(
        m(key(KeyCode::Home), Document),
        Some(Message::Jump { edge: Edge::First })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('l')), Document),
        Some(Message::SelectLanguage { delta: 1 })
    ));
    assert!(matches!(
        m(key(KeyCode::Left), Document),
        Some(Message::SelectLanguage { delta: -1 })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('n')), Document),
        Some(Message::NextAttention {
            direction: Direction::Forward
        })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('N')), Document),
        Some(Message::NextAttention {
            direction: Direction::Backward
        })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('f')), Document),
        Some(Message::CycleFilter {
            direction: Direction::Forward
        })
    ));
    assert!(matches!(
        m(key(KeyCode::Char('/')), Document),
        Some(Message::StartSearch)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('e')), Document),
        Some(Message::Edit)
    ));
    assert!(matches!(
        m(key(KeyCode::Enter), Document),
        Some(Message::Open)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('u')), Document),
        Some(Message::DropEdit)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('s')), Document),
        Some(Message::Save)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('r')), Document),
        Some(Message::Review)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('c')), Document),
        Some(Message::Carry)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('?')), Document),
        Some(Message::ToggleHelp)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('q')), Document),
        Some(Message::CloseDocument)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('q')), Dashboard),
        Some(Message::Quit)
    ));
    for mode in [Dashboard, Document] {
        assert!(matches!(
            m(key(KeyCode::Char('n')), mode),
            Some(Message::NextAttention {
                direction: Direction::Forward
            })
        ));
        assert!(matches!(
            m(key(KeyCode::Char('N')), mode),
            Some(Message::NextAttention {
                direction: Direction::Backward
            })
        ));
        assert!(matches!(
            m(key(KeyCode::Char('L')), mode),
            Some(Message::SwitchLanguage)
        ));
    }
    assert!(matches!(
        m(key(KeyCode::Esc), Mode::Edit),
        Some(Message::EditorEscape)
    ));
    for (c, choice) in [
        ('s', DropChoice::Save),
        ('k', DropChoice::Keep),
        ('y', DropChoice::Drop),
        ('n', DropChoice::Stay),
    ] {
        assert!(matches!(
            m(key(KeyCode::Char(c)), Mode::ConfirmDrop),
            Some(Message::ConfirmDrop { choice: got }) if got == choice
        ));
    }
    assert!(matches!(
        m(key(KeyCode::Esc), Mode::ConfirmDrop),
        Some(Message::ConfirmDrop {
            choice: DropChoice::Stay
        })
    ));
    assert!(matches!(m(ctrl('c'), Document), Some(Message::Quit)));
    assert!(matches!(
        m(key(KeyCode::Esc), Document),
        Some(Message::Back)
    ));
    // Dashboard: Enter and l open; document-only keys mean nothing.
    assert!(matches!(
        m(key(KeyCode::Enter), Dashboard),
        Some(Message::Open)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('l')), Dashboard),
        Some(Message::Open)
    ));
    assert!(m(key(KeyCode::Char('e')), Dashboard).is_none());
    // Editor: letters are text; Esc leaves, Ctrl-S saves, Alt-digit suggests.
    assert!(matches!(
        m(key(KeyCode::Char('q')), Edit),
        Some(Message::EditorInput { .. })
    ));
    assert!(matches!(
        m(key(KeyCode::Esc), Edit),
        Some(Message::EditorEscape)
    ));
    assert!(matches!(m(ctrl('s'), Edit), Some(Message::EditorSave)));
    assert!(matches!(m(ctrl('z'), Edit), Some(Message::EditorUndo)));
    assert!(matches!(
        m(alt('1'), Edit),
        Some(Message::UseSuggestion { index: 0 })
    ));
    assert!(matches!(
        m(alt('3'), Edit),
        Some(Message::UseSuggestion { index: 2 })
    ));
    // Search prompt.
    assert!(matches!(
        m(key(KeyCode::Char('j')), Search),
        Some(Message::SearchInput { c: 'j' })
    ));
    assert!(matches!(
        m(key(KeyCode::Enter), Search),
        Some(Message::SearchConfirm)
    ));
    assert!(matches!(
        m(key(KeyCode::Esc), Search),
        Some(Message::SearchCancel)
    ));
    assert!(matches!(
        m(key(KeyCode::Backspace), Search),
        Some(Message::SearchBackspace)
    ));
    // Overlays.
    assert!(matches!(
        m(key(KeyCode::Esc), Help),
        Some(Message::ToggleHelp)
    ));
    assert!(matches!(
        m(key(KeyCode::Char('j')), Help),
        Some(Message::Move { delta: 1 })
    ));
    let choice = |k| match m(k, ConfirmQuit) {
        Some(Message::ConfirmQuit { choice }) => Some(choice),
        _ => None,
    };
    assert_eq!(
        choice(key(KeyCode::Char('s'))),
        Some(QuitChoice::SaveAndQuit)
    );
    assert_eq!(choice(key(KeyCode::Char('y'))), Some(QuitChoice::Discard));
    assert_eq!(choice(key(KeyCode::Esc)), Some(QuitChoice::Stay));
    assert_eq!(choice(key(KeyCode::Char('q'))), None);
}

#[test]
fn key_releases_are_ignored_and_the_mouse_scrolls_and_clicks() {
    let fx = Fixture::new();
    let model = fx.model((80, 24));
    let release = KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    };
    assert!(to_message(Event::Key(release), &model).is_none());
    let mouse = |kind| MouseEvent {
        kind,
        column: 7,
        row: 5,
        modifiers: KeyModifiers::NONE,
    };
    assert!(matches!(
        mouse_message(mouse(MouseEventKind::ScrollDown), Mode::Document),
        Some(Message::Scroll { delta: 3 })
    ));
    assert!(matches!(
        mouse_message(mouse(MouseEventKind::ScrollUp), Mode::Dashboard),
        Some(Message::Scroll { delta: -3 })
    ));
    assert!(matches!(
        mouse_message(
            mouse(MouseEventKind::Down(MouseButton::Left)),
            Mode::Document
        ),
        Some(Message::Click { column: 7, row: 5 })
    ));
    assert!(matches!(
        to_message(Event::Resize(100, 30), &model),
        Some(Message::Resize {
            width: 100,
            height: 30
        })
    ));
}

// ---------------------------------------------------------------- model

#[test]
fn rows_of_several_languages_merge_where_all_of_them_end() {
    let row = |s: std::ops::Range<usize>, t: std::ops::Range<usize>| align::Row {
        source: s,
        target: t,
        score: 1.0,
        crossed: false,
        moved: None,
    };
    // French joins English 1 and 2; Italian has an extra segment before 3.
    let fr = align::Alignment {
        rows: vec![row(0..1, 0..1), row(1..3, 1..2), row(3..4, 2..3)],
    };
    let it = align::Alignment {
        rows: vec![
            row(0..1, 0..1),
            row(1..2, 1..2),
            row(2..3, 2..3),
            row(3..3, 3..4),
            row(3..4, 4..5),
        ],
    };
    let merged = merge_rows(4, &[&fr, &it]);
    assert_eq!(
        merged,
        vec![
            (0..1, vec![0..1, 0..1]),
            (1..3, vec![1..2, 1..3]),
            (3..3, vec![2..2, 3..4]),
            (3..4, vec![2..3, 4..5]),
        ]
    );
}

#[test]
fn dashboard_puts_the_documents_needing_most_work_first() {
    let fx = Fixture::new();
    let done = tempfile::tempdir().unwrap();
    std::fs::write(done.path().join("a.md"), "# Hello\n").unwrap();
    std::fs::write(done.path().join("a.fr.md"), "# Bonjour\n").unwrap();
    let source = page(&done.path().join("a.md"));
    let target = page(&done.path().join("a.fr.md"));
    let mut docs = vec![stale_doc(&source, "# Hello\n", target, "fr")];
    docs.extend(fx.docs());
    let model = Model::new(docs, Vec::new(), (80, 24));
    let names: Vec<String> = model.groups.iter().map(|g| g.name()).collect();
    assert_eq!(names, ["news.md", "a.md"]);
    let fr = &model.groups[0].langs[0];
    assert_eq!(fr.lang, "fr");
    assert_eq!(
        (
            fr.counts.total(),
            fr.counts.get(State::Stale),
            fr.counts.get(State::Missing),
            fr.counts.get(State::Removed)
        ),
        (8, 1, 1, 1)
    );
    // Coverage as `trame status` counts it: 7 of the 8 English segments
    // have a translation (the stale one included, the missing one not).
    assert_eq!(fr.counts.percent(), 87.5);
}

// ---------------------------------------------------------------- loading

/// A page set that needs no work: `a.md` with an up-to-date French.
fn finished_docs(dir: &Path) -> Vec<StaleDoc> {
    std::fs::write(dir.join("a.md"), "# Hello\n").unwrap();
    std::fs::write(dir.join("a.fr.md"), "# Bonjour\n").unwrap();
    let source = page(&dir.join("a.md"));
    let target = page(&dir.join("a.fr.md"));
    vec![stale_doc(&source, "# Hello\n", target, "fr")]
}

#[test]
fn pages_read_in_the_background_join_the_dashboard_in_order() {
    let fx = Fixture::new();
    let done = tempfile::tempdir().unwrap();
    let mut model = Model::loading((80, 24));
    assert_eq!(model.loading, Some((0, 0)));
    // The finished page comes first and is selected and opened.
    update(
        &mut model,
        Message::Loaded {
            docs: finished_docs(done.path()),
            done: 1,
            total: 2,
        },
    );
    assert_eq!(model.loading, Some((1, 2)));
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.screen, Screen::Document);
    assert_eq!(model.group().unwrap().name(), "a.md");
    // The page needing work arrives: it goes first, the open document and
    // the selection stay on a.md.
    update(
        &mut model,
        Message::Loaded {
            docs: fx.docs(),
            done: 2,
            total: 2,
        },
    );
    let names: Vec<String> = model.groups.iter().map(|g| g.name()).collect();
    assert_eq!(names, ["news.md", "a.md"]);
    assert_eq!(model.group().unwrap().name(), "a.md");
    assert_eq!(model.dashboard.selected, 1);
    update(
        &mut model,
        Message::LoadFinished {
            notes: Vec::new(),
            error: None,
        },
    );
    assert_eq!(model.loading, None);
    assert_eq!(model.status, None);
    // Untouched, the selection stays on the first line as pages arrive.
    let mut fresh = Model::loading((80, 24));
    for docs in [finished_docs(done.path()), fx.docs()] {
        update(
            &mut fresh,
            Message::Loaded {
                docs,
                done: 1,
                total: 2,
            },
        );
    }
    assert_eq!(
        (fresh.dashboard.selected, fresh.groups[0].name()),
        (0, "news.md".into())
    );
    // A failure to read a page is said in the status line.
    update(
        &mut model,
        Message::LoadFinished {
            notes: Vec::new(),
            error: Some("news.it.md: invalid UTF-8 at byte 7".into()),
        },
    );
    let status = model.status.as_ref().unwrap();
    assert_eq!(
        (status.id, status.kind),
        (ids::LOAD_FAILED, StatusKind::Error)
    );
}

#[test]
fn screen_dashboard_while_loading() {
    let fx = Fixture::new();
    let size = (80, 24);
    let mut model = Model::loading(size);
    let empty = render(&model, "en", size);
    insta::assert_snapshot!("loading_empty_en_80x24", empty.backend());
    update(
        &mut model,
        Message::Loaded {
            docs: fx.docs(),
            done: 1,
            total: 3,
        },
    );
    for lang in ["en", "fr"] {
        let terminal = render(&model, lang, size);
        insta::assert_snapshot!(format!("loading_{lang}_80x24"), terminal.backend());
    }
}

// ---------------------------------------------------------------- update

#[test]
fn n_and_shift_n_visit_the_segments_needing_attention_and_wrap() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.screen, Screen::Document);
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut model, &chars("n"));
        seen.push(model.selected_row().unwrap());
    }
    assert_eq!(seen, [3, 4, 5, 8, 3]);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::WRAPPED));
    press(&mut model, &chars("N"));
    assert_eq!(model.selected_row(), Some(8));
}

#[test]
fn n_goes_across_pages_in_the_language_worked_in_and_opens_them() {
    let fx = Fixture::new();
    let other = tempfile::tempdir().unwrap();
    // `a.md` needs no work in Italian; `news.md` has Italian work.
    std::fs::write(other.path().join("a.md"), "# Hello\n\nMore.\n").unwrap();
    std::fs::write(other.path().join("a.it.md"), "# Ciao\n\nAltro.\n").unwrap();
    let source = page(&other.path().join("a.md"));
    let target = page(&other.path().join("a.it.md"));
    let mut docs = vec![stale_doc(&source, "# Hello\n\nMore.\n", target, "it")];
    docs.extend(fx.docs());
    let mut model = Model::new(docs, Vec::new(), (80, 24));
    model.focus = Some("it".into());
    // Put the page without work first on the dashboard, selected.
    let a = model
        .groups
        .iter()
        .position(|g| g.name() == "a.md")
        .unwrap();
    model.groups.swap(0, a);
    model.dashboard.selected = 0;
    // From the dashboard, `n` opens the next page with Italian work, on
    // its first segment needing it, in the Italian column.
    press(&mut model, &chars("n"));
    assert_eq!(model.screen, Screen::Document);
    assert_eq!(model.group().unwrap().name(), "news.md");
    assert_eq!(model.group().unwrap().langs[model.document.lang].lang, "it");
    assert_eq!(model.selected_row(), Some(3));
    // A filter hiding the next one is cleared.
    press(&mut model, &chars("ff"));
    assert_eq!(model.document.filter, Filter::State(State::Stale));
    let mut seen = vec![model.selected_row().unwrap()];
    for _ in 0..4 {
        press(&mut model, &chars("n"));
        seen.push(model.selected_row().unwrap());
    }
    assert_eq!(seen, [3, 4, 5, 8, 3]);
    assert_eq!(model.document.filter, Filter::All);
    // Past the last page's work it went round (through `a.md`, which has
    // none) to the first again.
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::WRAPPED));
    press(&mut model, &chars("N"));
    assert_eq!(model.selected_row(), Some(8));
    // `q` goes back to the dashboard, on the page.
    press(&mut model, &chars("q"));
    assert_eq!(model.screen, Screen::Dashboard);
    assert_eq!(model.groups[model.dashboard.selected].name(), "news.md");
    // `N` from the dashboard starts from the page's end.
    press(&mut model, &chars("N"));
    assert_eq!(model.selected_row(), Some(8));
    // No work at all in a language: said so.
    let mut done = Model::new(
        vec![stale_doc(
            &source,
            "# Hello\n\nMore.\n",
            page(&other.path().join("a.it.md")),
            "it",
        )],
        Vec::new(),
        (80, 24),
    );
    press(&mut done, &chars("n"));
    assert_eq!(done.screen, Screen::Dashboard);
    assert_eq!(
        done.status.as_ref().map(|s| s.id),
        Some(ids::NOTHING_TO_DO_ANY)
    );
}

#[test]
fn from_launch_n_e_typing_and_ctrl_s_update_and_review_the_first_stale_segment() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    model.focus = Some("it".into());
    let before = std::fs::read_to_string(fx.path("news.it.md")).unwrap();
    let fr_before = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    let mut keys = vec![key(KeyCode::Char('n')), key(KeyCode::Char('e'))];
    keys.extend(chars(" Tutto esaurito."));
    keys.push(ctrl('s'));
    run_keys(&mut model, &keys);
    let after = std::fs::read_to_string(fx.path("news.it.md")).unwrap();
    assert_eq!(
        after,
        before.replace("sono i benvenuti.", "sono i benvenuti. Tutto esaurito.")
    );
    assert_eq!(
        std::fs::read_to_string(fx.path("news.fr.md")).unwrap(),
        fr_before
    );
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::SAVED_REVIEWED)
    );
    // The review is recorded for the Italian row only (the French of the
    // same row keeps its state: tests/it/tui_e2e.rs checks it in a
    // repository).
    let reviews = std::fs::read_to_string(fx.path(".trame-reviews")).unwrap();
    let langs: Vec<&str> = reviews
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    assert_eq!(langs, ["it"], "{reviews}");
}

#[test]
fn filter_search_and_esc_narrow_then_widen_the_rows() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    press(&mut model, &[key(KeyCode::Enter), key(KeyCode::Char('f'))]);
    assert_eq!(model.document.filter, Filter::Attention);
    assert_eq!(model.document.visible, [3, 4, 5, 8]);
    press(&mut model, &chars("f"));
    assert_eq!(model.document.filter, Filter::State(State::Stale));
    assert_eq!(model.document.visible, [3]);
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.document.filter, Filter::All);
    assert_eq!(
        model.selected_row(),
        Some(3),
        "the selection stays on its row"
    );
    // Search is live, in every language, any case.
    press(&mut model, &chars("/WIKI"));
    assert_eq!(model.mode(), Mode::Search);
    assert_eq!(model.document.visible, [5]);
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.mode(), Mode::Document);
    assert_eq!(model.document.search, "WIKI");
    press(&mut model, &chars("/"));
    press(&mut model, &[key(KeyCode::Backspace); 4]);
    press(&mut model, &chars("bienvenus"));
    assert_eq!(model.document.visible, [3], "French text is searched too");
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.document.search, "");
    assert_eq!(model.document.visible.len(), 9);
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.screen, Screen::Dashboard);
}

#[test]
fn language_columns_cycle_and_the_filter_follows_the_language() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.document.lang, 0);
    press(&mut model, &chars("l"));
    assert_eq!(model.group().unwrap().langs[model.document.lang].lang, "it");
    press(&mut model, &chars("l"));
    assert_eq!(model.document.lang, 0);
    press(&mut model, &chars("h"));
    assert_eq!(model.document.lang, 1);
}

#[test]
fn working_in_one_language_opens_documents_on_it_beside_english_only() {
    let fx = Fixture::new();
    let mut model = fx.model((160, 48));
    model.focus = Some("it".into());
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.group().unwrap().langs[model.document.lang].lang, "it");
    let shown: Vec<Option<usize>> = crate::tui::update::doc_columns(&model)
        .iter()
        .map(|c| c.lang)
        .collect();
    assert_eq!(shown, [None, Some(1)], "English and Italian, however wide");
    // Other languages on demand: the column still changes with `l`.
    press(&mut model, &chars("l"));
    assert_eq!(model.group().unwrap().langs[model.document.lang].lang, "fr");
    // `L` works in the next language and asks to remember it.
    let effect = press(&mut model, &chars("L"));
    assert_eq!(effect, Some(Effect::RememberLanguage { lang: "fr".into() }));
    let effect = press(&mut model, &chars("L"));
    assert_eq!(effect, Some(Effect::RememberLanguage { lang: "it".into() }));
    assert_eq!(model.focus.as_deref(), Some("it"));
    assert_eq!(model.group().unwrap().langs[model.document.lang].lang, "it");
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::WORKING_IN));
    // The runner's answer keeps the message, or says why it failed.
    update(&mut model, Message::Remembered { error: None });
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::WORKING_IN));
    update(
        &mut model,
        Message::Remembered {
            error: Some("read-only".into()),
        },
    );
    assert_eq!(
        model.status.as_ref().map(|s| (s.id, s.kind)),
        Some((ids::REMEMBER_FAILED, StatusKind::Error))
    );
    // With every language shown, `L` first keeps the one in view.
    let mut all = fx.model((160, 48));
    press(&mut all, &[key(KeyCode::Enter), key(KeyCode::Char('l'))]);
    let effect = press(&mut all, &chars("L"));
    assert_eq!(effect, Some(Effect::RememberLanguage { lang: "it".into() }));
}

#[test]
fn the_dashboard_lists_the_work_of_the_language_worked_in_first() {
    let fx = Fixture::new();
    let other = tempfile::tempdir().unwrap();
    // `a.md`: its Italian is missing a paragraph, its French is complete.
    std::fs::write(other.path().join("a.md"), "# Hello\n\nMore.\n").unwrap();
    std::fs::write(other.path().join("a.fr.md"), "# Bonjour\n\nPlus.\n").unwrap();
    std::fs::write(other.path().join("a.it.md"), "# Ciao\n").unwrap();
    let source = page(&other.path().join("a.md"));
    let base = "# Hello\n\nMore.\n";
    let mut docs = vec![
        stale_doc(&source, base, page(&other.path().join("a.fr.md")), "fr"),
        stale_doc(&source, base, page(&other.path().join("a.it.md")), "it"),
    ];
    // `news.md`: more work over all, but in French only.
    docs.extend(fx.docs().into_iter().filter(|d| d.lang == "fr"));
    let mut model = Model::new(docs, Vec::new(), (80, 24));
    let names = |m: &Model| m.groups.iter().map(|g| g.name()).collect::<Vec<_>>();
    assert_eq!(names(&model), ["news.md", "a.md"]);
    model.focus = Some("fr".into());
    press(&mut model, &chars("L"));
    assert_eq!(model.focus.as_deref(), Some("it"));
    assert_eq!(names(&model), ["a.md", "news.md"]);
}

#[test]
fn the_dashboard_searches_filters_and_starts_missing_translations() {
    use crate::tui::model::DashEntry;
    let fx = Fixture::new();
    std::fs::write(
        fx.path("solo.md"),
        "---\ntitle: Alone here\n---\n\n## Lyon Sprint\n\nOnly in English.\n",
    )
    .unwrap();
    // Read as the runner reads the pages: through `load`.
    let project = crate::workspace::Project::discover(Some(fx.dir.path())).unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    crate::tui::load(&project, &[fx.dir.path().to_owned()], sender);
    let mut model = Model::loading((80, 24));
    model.focus = Some("it".into());
    for msg in receiver.try_iter() {
        update(&mut model, msg);
    }
    let news = model
        .groups
        .iter()
        .position(|g| g.name() == "news.md")
        .unwrap();
    // The English page with no Italian comes last.
    assert_eq!(
        model.dash.visible,
        [DashEntry::Page(news), DashEntry::New(1)]
    );
    assert_eq!(model.sources[1].path, fx.path("solo.md"));
    // `/` searches file names and titles, any case.
    press(&mut model, &chars("/SOLO"));
    assert_eq!(model.mode(), Mode::Search);
    assert_eq!(model.dash.visible, [DashEntry::New(1)]);
    press(&mut model, &[key(KeyCode::Backspace); 4]);
    press(&mut model, &chars("loom"));
    assert_eq!(model.dash.visible, [DashEntry::Page(news)], "by title");
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.mode(), Mode::Dashboard);
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.dash.visible.len(), 2);
    // `f`: only pages needing work; a page to translate needs work.
    press(&mut model, &chars("f"));
    assert!(model.dash.needs_work);
    assert_eq!(model.dash.visible.len(), 2);
    press(&mut model, &[key(KeyCode::Esc)]);
    assert!(!model.dash.needs_work);
    // Enter on the page to translate creates it as `trame write` does,
    // then opens it in Italian.
    let expected =
        crate::workspace::write::plan_write(&project, &fx.path("solo.md"), "it").unwrap();
    press(&mut model, &[key(KeyCode::Char('G'))]);
    assert_eq!(model.dashboard_group(), None);
    run_keys(&mut model, &[key(KeyCode::Enter)]);
    let written = std::fs::read_to_string(fx.path("solo.it.md")).unwrap();
    assert_eq!(written, expected.text);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::CREATED));
    assert_eq!(model.screen, Screen::Document);
    let group = model.group().unwrap();
    assert_eq!(group.name(), "solo.md");
    assert_eq!(group.langs[model.document.lang].lang, "it");
    // It is a page now, no longer one to translate.
    assert!(
        !model
            .dash
            .visible
            .iter()
            .any(|e| matches!(e, DashEntry::New(_)))
    );
}

#[test]
fn an_edit_becomes_pending_and_can_be_dropped() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    press(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    assert_eq!(model.screen, Screen::Edit);
    let editor = model.editor.as_ref().unwrap();
    assert_eq!(
        editor.textarea.lines(),
        ["Il reste quelques places, et les participants à distance sont aussi les bienvenus."]
    );
    // Esc without a change leaves at once and records nothing.
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.screen, Screen::Document);
    assert_eq!(model.n_pending(), 0);
    assert_eq!(model.status, None);
    press(&mut model, &chars("e"));
    press(&mut model, &[ctrl('e')]);
    press(&mut model, &chars(" Complet"));
    // A combining accent stays with its letter.
    press(&mut model, &[key(KeyCode::Char('\u{301}'))]);
    // Esc after a change asks; Esc again goes back to the text.
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.overlay, Some(Overlay::ConfirmDrop));
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!((model.overlay, model.screen), (None, Screen::Edit));
    // `k` keeps the edit, unsaved.
    press(&mut model, &[key(KeyCode::Esc), key(KeyCode::Char('k'))]);
    assert_eq!(model.screen, Screen::Document);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::EDIT_KEPT));
    let pending = model.pending_for(&fx.path("news.fr.md")).unwrap();
    assert_eq!(
        pending.edits.values().collect::<Vec<_>>(),
        [
            "Il reste quelques places, et les participants à distance sont aussi les bienvenus. Complet\u{301}"
        ]
    );
    press(&mut model, &chars("u"));
    assert_eq!(model.n_pending(), 0);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::EDIT_DROPPED));
    // `y` drops a change made in the editor: nothing is pending.
    press(&mut model, &chars("e"));
    press(&mut model, &chars(" Complet"));
    press(&mut model, &[key(KeyCode::Esc), key(KeyCode::Char('y'))]);
    assert_eq!((model.screen, model.n_pending()), (Screen::Document, 0));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::EDIT_DISCARDED)
    );
}

#[test]
fn escapes_shown_in_the_editor_go_back_to_the_file_as_characters() {
    let fr = FR.replace(
        "Il reste quelques places,",
        "Il reste quelques\u{200f} pla\u{ad}ces,",
    );
    let fx = Fixture::with(EN_NOW, &fr, IT);
    let mut model = fx.model((80, 24));
    press(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    let editor = model.editor.as_ref().unwrap();
    assert_eq!(
        editor.textarea.lines()[0],
        "Il reste quelques⟨U+200F⟩ pla⟨U+00AD⟩ces, et les participants à distance sont aussi les bienvenus."
    );
    // Unchanged: the escapes are the file's characters.
    press(&mut model, &[key(KeyCode::Esc)]);
    assert_eq!(model.n_pending(), 0);
    press(&mut model, &chars("e"));
    press(&mut model, &[ctrl('e')]);
    press(&mut model, &chars(" Complet"));
    press(&mut model, &[key(KeyCode::Esc), key(KeyCode::Char('k'))]);
    let pending = model.pending_for(&fx.path("news.fr.md")).unwrap();
    assert_eq!(
        pending.edits.values().collect::<Vec<_>>(),
        [
            "Il reste quelques\u{200f} pla\u{ad}ces, et les participants à distance sont aussi les bienvenus. Complet"
        ]
    );
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    assert_eq!(press(&mut model, &chars("q")), Some(Effect::Quit));
    press(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    press(&mut model, &chars("!"));
    press(&mut model, &[key(KeyCode::Esc), key(KeyCode::Char('k'))]);
    // `q` in a page goes back to the dashboard; there it quits, asking.
    assert_eq!(press(&mut model, &chars("q")), None);
    assert_eq!((model.screen, model.overlay), (Screen::Dashboard, None));
    assert_eq!(press(&mut model, &chars("q")), None);
    assert_eq!(model.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(press(&mut model, &[key(KeyCode::Esc)]), None);
    assert_eq!(model.overlay, None);
    press(&mut model, &chars("q"));
    assert_eq!(
        press(&mut model, &chars("s")),
        Some(Effect::Save {
            files: vec![fx.path("news.fr.md")]
        })
    );
    assert!(model.quit_after_save);
    // The save was refused: no quitting, the edit is kept, the reason shown.
    let effect = update(
        &mut model,
        Message::SaveDone {
            file: fx.path("news.fr.md"),
            outcome: SaveOutcome::ChangedOnDisk,
        },
    );
    assert_eq!(effect, None);
    assert!(!model.quit_after_save);
    assert_eq!(model.n_pending(), 1);
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::SAVE_CHANGED_ON_DISK)
    );
    press(&mut model, &chars("q"));
    assert_eq!(press(&mut model, &chars("y")), Some(Effect::Quit));
}

#[test]
fn save_asks_for_the_open_documents_files_only() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(press(&mut model, &chars("s")), None);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::SAVE_NOTHING));
    press(
        &mut model,
        &[
            key(KeyCode::Char('n')),
            key(KeyCode::Char('l')),
            key(KeyCode::Char('e')),
        ],
    );
    press(&mut model, &chars("!"));
    assert_eq!(
        press(&mut model, &[ctrl('s')]),
        Some(Effect::Save {
            files: vec![fx.path("news.it.md")]
        })
    );
}

/// A long document: `n` paragraphs under headings every ten.
fn long_fixture(n: usize) -> Fixture {
    let mut en = String::from("---\ntitle: Long\n---\n");
    let mut fr = String::from("---\ntitle: Long\n---\n");
    for k in 0..n {
        if k % 10 == 0 {
            en.push_str(&format!("\n## Section {k}\n"));
            fr.push_str(&format!("\n## Partie {k}\n"));
        }
        en.push_str(&format!(
            "\nParagraph {k} says something about item {k} and its {} friends, at some length so that it wraps.\n",
            k * 7
        ));
        fr.push_str(&format!(
            "\nLe paragraphe {k} dit quelque chose de l'élément {k} et de ses {} amis, assez longuement pour revenir à la ligne.\n",
            k * 7
        ));
    }
    Fixture::with(&en, &fr, &fr.replace("Partie", "Parte"))
}

fn long_model(fx: &Fixture, size: (u16, u16)) -> Model {
    let source = page(&fx.path("news.md"));
    let docs = ["fr", "it"]
        .iter()
        .map(|lang| {
            let target = page(&fx.path(&format!("news.{lang}.md")));
            stale_doc(&source, &source.text, target, lang)
        })
        .collect();
    Model::new(docs, Vec::new(), size)
}

/// Asserts the selected row is wholly on screen.
fn assert_selection_shown(model: &Model) {
    let group = model.group().unwrap();
    let cols = crate::tui::update::doc_columns(model);
    let body = layout::areas(model.size).body.height;
    let shown = layout::visible_rows(model, group, &cols, model.document.list.scroll, body);
    let sel = model.document.list.selected;
    let hit = shown.iter().find(|(k, _)| *k == sel);
    let (_, span) = hit.unwrap_or_else(|| panic!("row {sel} not shown: {shown:?}"));
    let k = model.document.visible[sel];
    let h = layout::row_height(model, group, &group.rows[k], &cols, body);
    assert_eq!(span.end - span.start, h, "row {sel} is cut");
}

#[test]
fn scrolling_keeps_the_selection_on_screen() {
    let fx = long_fixture(60);
    let mut model = long_model(&fx, (80, 24));
    press(&mut model, &[key(KeyCode::Enter)]);
    assert_eq!(model.document.list.scroll, 0);
    press(&mut model, &[key(KeyCode::PageDown)]);
    assert!(model.document.list.selected > 1);
    assert_selection_shown(&model);
    press(&mut model, &[key(KeyCode::End)]);
    assert_eq!(
        model.document.list.selected,
        model.document.visible.len() - 1
    );
    assert!(model.document.list.scroll > 0);
    assert_selection_shown(&model);
    press(&mut model, &[key(KeyCode::PageUp), key(KeyCode::PageUp)]);
    assert_selection_shown(&model);
    press(&mut model, &[key(KeyCode::Char('g'))]);
    assert_eq!(model.document.list, Default::default());
    for _ in 0..30 {
        press(&mut model, &[key(KeyCode::Char('j'))]);
        assert_selection_shown(&model);
    }
    // Resizing keeps it in view too.
    update(
        &mut model,
        Message::Resize {
            width: 60,
            height: 12,
        },
    );
    assert_selection_shown(&model);
}

#[test]
fn the_wheel_scrolls_and_a_click_selects_a_row_and_a_language() {
    let fx = long_fixture(30);
    let mut model = long_model(&fx, (160, 48));
    press(&mut model, &[key(KeyCode::Enter)]);
    update(&mut model, Message::Scroll { delta: 3 });
    assert_eq!(model.document.list.scroll, 3);
    assert_eq!(
        model.document.list.selected, 3,
        "the selection follows the view"
    );
    update(&mut model, Message::Scroll { delta: -3 });
    assert_eq!(model.document.list.scroll, 0);
    // Rows 0 (title) and 1 (heading) take the first lines; click lower down
    // in the Italian column.
    let cols = crate::tui::update::doc_columns(&model);
    let it = cols.iter().find(|c| c.lang == Some(1)).unwrap();
    let group = model.group().unwrap();
    let shown = layout::visible_rows(&model, group, &cols, 0, 45);
    let (k, span) = shown[2].clone();
    update(
        &mut model,
        Message::Click {
            column: it.x + 3,
            row: 1 + span.start + 1,
        },
    );
    assert_eq!(model.document.list.selected, k);
    assert_eq!(model.document.lang, 1);
}

// ---------------------------------------------------------------- effects

/// The project of the model's pages, found from them as the runner finds it.
fn project_of(model: &Model) -> crate::workspace::Project {
    let page = model.groups.first().map(|g| g.source.path.clone());
    crate::workspace::Project::discover(page.as_deref()).unwrap()
}

/// Presses keys as the runner does: through `to_message` and `dispatch`.
fn run_keys(model: &mut Model, keys: &[KeyEvent]) -> bool {
    for k in keys {
        if let Some(msg) = to_message(Event::Key(*k), model)
            && dispatch(&project_of(model), model, msg)
        {
            return true;
        }
    }
    false
}

/// Asserts `new` equals `old` outside `old[range]`.
fn assert_changed_only(old: &str, new: &str, range: std::ops::Range<usize>) {
    assert_eq!(&new[..range.start], &old[..range.start]);
    let tail = &old[range.end..];
    assert!(new.ends_with(tail), "{new}");
}

#[test]
fn saving_writes_only_the_edited_segment_and_reloads() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    let before = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    run_keys(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    let seg = model.group().unwrap().langs[0].target.document.segments[3].clone();
    run_keys(&mut model, &[ctrl('u')]);
    let mut keys = vec![ctrl('a'), key(KeyCode::Delete)];
    keys.extend(chars("Toutes les places sont prises."));
    keys.push(ctrl('s'));
    run_keys(&mut model, &keys);
    assert_eq!(model.screen, Screen::Document);
    // The English of the segment had changed: saving also records the
    // review, as `trame review` does, so the segment is up to date.
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::SAVED_REVIEWED)
    );
    let reviews = std::fs::read_to_string(fx.path(".trame-reviews")).unwrap();
    assert_eq!(
        reviews
            .lines()
            .filter(|l| l.starts_with("news.md\tfr\t"))
            .count(),
        1,
        "{reviews}"
    );
    let r = model.selected_row().unwrap();
    assert_eq!(
        model.group().unwrap().rows[r].cells[0].state,
        State::UpToDate
    );
    assert_eq!(model.n_pending(), 0);
    let after = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    assert_changed_only(&before, &after, seg.bytes.clone());
    assert!(
        after.contains("\nToutes les places sont prises.\n"),
        "{after}"
    );
    // The reloaded document shows the new text from disk.
    let group = model.group().unwrap();
    assert_eq!(group.langs[0].target.text, after);
    assert_eq!(model.selected_row(), Some(3));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_and_the_edit_is_kept() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    run_keys(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    run_keys(&mut model, &chars(" Complet."));
    run_keys(&mut model, &[key(KeyCode::Esc)]);
    let theirs = FR.replace("Rendez-vous", "À bientôt,");
    std::fs::write(fx.path("news.fr.md"), &theirs).unwrap();
    run_keys(&mut model, &chars("s"));
    assert_eq!(
        std::fs::read_to_string(fx.path("news.fr.md")).unwrap(),
        theirs
    );
    assert_eq!(model.n_pending(), 1);
    let status = model.status.clone().unwrap();
    assert_eq!(status.id, ids::SAVE_CHANGED_ON_DISK);
    let text = view::status_text(&Localizer::new(&["en"]), &status);
    assert_eq!(
        text,
        "news.fr.md changed on disk since trame read it: nothing was written, your edits are kept."
    );
}

#[test]
fn carry_applies_a_link_only_change() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    let before = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    run_keys(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('n')),
        ],
    );
    assert_eq!(
        model.group().unwrap().rows[model.selected_row().unwrap()].cells[0].state,
        State::LinkOnly
    );
    let seg = model.group().unwrap().langs[0].target.document.segments[4].clone();
    run_keys(&mut model, &chars("c"));
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::CARRIED));
    run_keys(&mut model, &chars("s"));
    let after = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    assert_changed_only(&before, &after, seg.bytes.clone());
    assert!(after.contains("- [Tableau des sujets](https://board.example/sprints/lyon)\n"));
    // On an up-to-date row there is nothing to carry.
    run_keys(&mut model, &chars("g"));
    run_keys(&mut model, &chars("c"));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::CARRY_NOTHING)
    );
}

#[test]
fn a_missing_segment_is_filled_in_place() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    run_keys(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('G')),
            key(KeyCode::Enter),
        ],
    );
    assert!(matches!(
        model.editor.as_ref().unwrap().target,
        crate::tui::model::EditTarget::Fill { source: 7, .. }
    ));
    let mut keys =
        chars("Écrivez à [la rédaction](https://loom.example/contact) avant le 30 octobre.");
    keys.push(ctrl('s'));
    run_keys(&mut model, &keys);
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::SAVED));
    let after = std::fs::read_to_string(fx.path("news.fr.md")).unwrap();
    assert_eq!(
        after,
        format!(
            "{FR}\nÉcrivez à [la rédaction](https://loom.example/contact) avant le 30 octobre.\n"
        )
    );
}

#[test]
fn review_records_the_selected_row() {
    let fx = Fixture::new();
    let mut model = fx.model((80, 24));
    run_keys(&mut model, &[key(KeyCode::Enter), key(KeyCode::Char('n'))]);
    let effect = update(&mut model, Message::Review);
    assert!(matches!(&effect, Some(Effect::Review { rows, .. }) if rows.len() == 1));
    run_keys(&mut model, &chars("r"));
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::REVIEWED));
    // The records file as a person reads it: page, language, two
    // fingerprints and the commit, one tab-separated line each.
    let text = std::fs::read_to_string(fx.dir.path().join(".trame-reviews")).unwrap();
    let records: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(records.len(), 1, "{text}");
    assert_eq!((records[0][0], records[0][1]), ("news.md", "fr"));
    assert_eq!(records[0][4], "worktree");
    run_keys(&mut model, &chars("r"));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::REVIEW_UNCHANGED)
    );
    // A row with no translation has nothing to review.
    run_keys(&mut model, &chars("G"));
    run_keys(&mut model, &chars("r"));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::REVIEW_NOTHING)
    );
}

/// `d` dismisses the findings of the selected segment through the same
/// workspace call as `trame review --dismiss`: a `dismiss` record in
/// `.trame-reviews`, the page read again, the mark gone.
#[test]
fn dismiss_records_the_findings_of_the_selected_row() {
    assert!(matches!(
        message_for(key(KeyCode::Char('d')), Mode::Document),
        Some(Message::Dismiss)
    ));
    assert!(message_for(key(KeyCode::Char('d')), Mode::Dashboard).is_none());
    let fx = Fixture::with(
        "# News\n\nThe meeting starts at 10:00 in room 12.\n\nSee you there.\n",
        "# Nouvelles\n\nLa réunion commence à 10:00 en salle 13.\n\nÀ bientôt.\n",
        "# Notizie\n\nLa riunione inizia alle 10:00 nella sala 12.\n\nA presto.\n",
    );
    // Up to date: a stale row's numbers are not findings of their own.
    let mut model = fx.model_up_to_date((80, 24));
    run_keys(&mut model, &[key(KeyCode::Enter), key(KeyCode::Char('j'))]);
    let finding_cell = |model: &Model| {
        let group = model.group().unwrap();
        group.rows[model.selected_row().unwrap()].cells[model.document.lang].findings
    };
    assert!(finding_cell(&model));
    let screen = format!("{:?}", render(&model, "en", (80, 24)).backend());
    assert!(
        screen.contains(crate::tui::layout::FINDING_MARK),
        "{screen}"
    );
    // A row without finding has nothing to dismiss.
    run_keys(&mut model, &chars("jd"));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::DISMISS_NOTHING)
    );
    run_keys(&mut model, &chars("kd"));
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::DISMISSED));
    let text = std::fs::read_to_string(fx.dir.path().join(".trame-reviews")).unwrap();
    let records: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(records.len(), 1, "{text}");
    assert_eq!(
        (records[0][0], records[0][1], records[0][4], records[0][5]),
        ("news.md", "fr", "dismiss", "number")
    );
    // Read again: the finding is gone, the Italian column never had one.
    assert!(!finding_cell(&model));
    run_keys(&mut model, &chars("d"));
    assert_eq!(
        model.status.as_ref().map(|s| s.id),
        Some(ids::DISMISS_NOTHING)
    );
    run_keys(&mut model, &[key(KeyCode::Char('l'))]);
    assert!(!finding_cell(&model));
}

// ---------------------------------------------------------------- realign

#[test]
fn realign_keys_map_in_the_document_only() {
    use Mode::{Dashboard, Document};
    let m = |c: char, mode: Mode| message_for(key(KeyCode::Char(c)), mode);
    let action = |c: char| match m(c, Document) {
        Some(Message::Realign { action }) => Some(action),
        _ => None,
    };
    assert_eq!(action('J'), Some(RealignAction::Join));
    assert_eq!(action('S'), Some(RealignAction::Split));
    assert_eq!(action('>'), Some(RealignAction::PushLast));
    assert_eq!(action('<'), Some(RealignAction::PullNext));
    // Shifted letters arrive with the shift modifier too.
    assert!(matches!(
        message_for(
            KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Document
        ),
        Some(Message::Realign {
            action: RealignAction::Join
        })
    ));
    for c in ['J', 'S', '<', '>'] {
        assert!(m(c, Dashboard).is_none(), "{c}");
    }
    // The lower-case letters keep their meaning.
    assert!(matches!(m('j', Document), Some(Message::Move { delta: 1 })));
    assert!(matches!(m('s', Document), Some(Message::Save)));
}

/// Opens the document and selects display row `row` (French column).
fn on_row(fx: &Fixture, row: usize) -> Model {
    let mut model = fx.model((80, 24));
    press(&mut model, &[key(KeyCode::Enter)]);
    for _ in 0..row {
        press(&mut model, &chars("j"));
    }
    assert_eq!(model.selected_row(), Some(row));
    model
}

fn realign_effect(
    model: &mut Model,
    action: RealignAction,
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    match update(model, Message::Realign { action })? {
        Effect::Realign { rows, lang, .. } => {
            assert_eq!(lang, "fr");
            Some(rows.into_iter().map(|r| (r.source, r.target)).collect())
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_realign_action_asks_for_the_rows_it_makes() {
    let fx = Fixture::new();
    // Row 4 is the list item (4 | 4); the French-only paragraph (- | 5) follows.
    let mut model = on_row(&fx, 4);
    assert_eq!(
        realign_effect(&mut model, RealignAction::Join),
        Some(vec![(4..5, 4..6)])
    );
    // Row 3 (3 | 3): its French goes to the list item's row.
    let mut model = on_row(&fx, 3);
    assert_eq!(
        realign_effect(&mut model, RealignAction::PushLast),
        Some(vec![(3..4, 3..3), (4..5, 3..5)])
    );
    // Row 2 (2 | 2) takes the next row's French.
    let mut model = on_row(&fx, 2);
    assert_eq!(
        realign_effect(&mut model, RealignAction::PullNext),
        Some(vec![(2..3, 2..4), (3..4, 4..4)])
    );
    let effect = update(
        &mut model,
        Message::Realign {
            action: RealignAction::Join,
        },
    );
    assert!(matches!(
        effect,
        Some(Effect::Realign { ref source, ref target, .. })
            if *source == fx.path("news.md") && *target == fx.path("news.fr.md")
    ));
}

#[test]
fn realign_says_why_when_there_is_nothing_to_do() {
    let fx = Fixture::new();
    let status_of = |row: usize, action: RealignAction| {
        let mut model = on_row(&fx, row);
        assert_eq!(realign_effect(&mut model, action), None);
        model.status.map(|s| s.id)
    };
    assert_eq!(
        status_of(2, RealignAction::Split),
        Some(ids::REALIGN_NOTHING_TO_SPLIT)
    );
    // The last row: English with no French, and nothing after it.
    assert_eq!(
        status_of(8, RealignAction::Join),
        Some(ids::REALIGN_NO_NEXT)
    );
    assert_eq!(
        status_of(8, RealignAction::PullNext),
        Some(ids::REALIGN_NO_NEXT)
    );
    assert_eq!(
        status_of(8, RealignAction::PushLast),
        Some(ids::REALIGN_NO_TARGET)
    );
    assert_eq!(
        status_of(7, RealignAction::PullNext),
        Some(ids::REALIGN_NEXT_NO_TARGET)
    );
}

#[test]
fn realign_is_refused_while_the_translation_has_unsaved_edits() {
    let fx = Fixture::new();
    let mut model = on_row(&fx, 3);
    press(&mut model, &chars("e"));
    press(&mut model, &chars(" Complet"));
    press(&mut model, &[key(KeyCode::Esc), key(KeyCode::Char('k'))]);
    assert_eq!(model.n_pending(), 1);
    // On another row too: the whole translation's edits are at stake.
    press(&mut model, &chars("j"));
    for action in [
        RealignAction::Join,
        RealignAction::Split,
        RealignAction::PushLast,
        RealignAction::PullNext,
    ] {
        assert_eq!(update(&mut model, Message::Realign { action }), None);
        assert_eq!(
            model.status.as_ref().map(|s| (s.id, s.kind)),
            Some((ids::REALIGN_PENDING, StatusKind::Error))
        );
    }
    // The Italian column has no edit: realigning it is fine.
    press(&mut model, &chars("l"));
    assert!(matches!(
        update(
            &mut model,
            Message::Realign {
                action: RealignAction::Join
            }
        ),
        Some(Effect::Realign { ref lang, .. }) if lang == "it"
    ));
}

#[test]
fn split_pairs_in_order_and_gives_extra_segments_rows_of_their_own() {
    let alignment = |rows: &[(Range<usize>, Range<usize>)]| crate::align::Alignment {
        rows: rows
            .iter()
            .map(|(s, t)| crate::align::Row {
                source: s.clone(),
                target: t.clone(),
                score: 0.3,
                crossed: false,
                moved: None,
            })
            .collect(),
    };
    let plan = |rows: &[(Range<usize>, Range<usize>)], selected: Range<usize>, action| {
        plan_realign(&alignment(rows), selected, action).map(|rows| {
            rows.into_iter()
                .map(|r| (r.source, r.target))
                .collect::<Vec<_>>()
        })
    };
    let three_two = [(0..1, 0..1), (1..4, 1..3), (4..5, 3..4)];
    assert_eq!(
        plan(&three_two, 1..2, RealignAction::Split),
        Ok(vec![(1..2, 1..2), (2..3, 2..3), (3..4, 3..3)])
    );
    let one_three = [(0..1, 0..3)];
    assert_eq!(
        plan(&one_three, 0..1, RealignAction::Split),
        Ok(vec![(0..1, 0..1), (1..1, 1..2), (1..1, 2..3)])
    );
    // A display line holding two rows already split: nothing to do.
    assert_eq!(
        plan(&three_two, 0..1, RealignAction::Split),
        Err(ids::REALIGN_NOTHING_TO_SPLIT)
    );
    // Joining a line of two rows with the next makes one row of all three.
    assert_eq!(
        plan(&three_two, 0..2, RealignAction::Join),
        Ok(vec![(0..5, 0..4)])
    );
    // Pushing the only translated segment of the last row: a row of its own.
    assert_eq!(
        plan(&three_two, 2..3, RealignAction::PushLast),
        Ok(vec![(4..5, 3..3), (5..5, 3..4)])
    );
    // Pulling empties the next row: it disappears.
    assert_eq!(
        plan(&[(0..1, 0..1), (1..1, 1..2)], 0..1, RealignAction::PullNext),
        Ok(vec![(0..1, 0..2)])
    );
    // No row of this language on the line, or indices past the end.
    assert_eq!(
        plan(&three_two, 1..1, RealignAction::Join),
        Err(ids::REALIGN_NO_ROW)
    );
    assert_eq!(
        plan(&three_two, 7..9, RealignAction::Join),
        Err(ids::REALIGN_NO_ROW)
    );
}

#[test]
fn realign_records_the_correction_and_aligns_the_document_again() {
    let fx = Fixture::new();
    let mut model = on_row(&fx, 4);
    let french_rows = |model: &Model| -> Vec<(Range<usize>, Range<usize>)> {
        model.group().unwrap().langs[0]
            .alignment
            .rows
            .iter()
            .map(|r| (r.source.clone(), r.target.clone()))
            .collect()
    };
    let italian_before = model.group().unwrap().langs[1].alignment.clone();
    run_keys(&mut model, &chars("J"));
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::REALIGNED));
    assert!(
        french_rows(&model).contains(&(4..5, 4..6)),
        "{:?}",
        french_rows(&model)
    );
    let row = model.selected_row().unwrap();
    assert_eq!(model.group().unwrap().rows[row].cells[0].target, 4..6);
    assert_eq!(
        model.group().unwrap().langs[1].alignment.rows.len(),
        italian_before.rows.len()
    );
    let text = std::fs::read_to_string(fx.path(".trame-align")).unwrap();
    let records: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(records.len(), 1, "{text}");
    assert!(records[0].starts_with("news.md\tfr\t"), "{text}");
    // Split undoes the join: the record is replaced, not added to.
    run_keys(&mut model, &chars("S"));
    assert_eq!(model.status.as_ref().map(|s| s.id), Some(ids::REALIGNED));
    let rows = french_rows(&model);
    assert!(
        rows.contains(&(4..5, 4..5)) && rows.contains(&(5..5, 5..6)),
        "{rows:?}"
    );
    let text = std::fs::read_to_string(fx.path(".trame-align")).unwrap();
    assert_eq!(
        text.lines().filter(|l| !l.starts_with('#')).count(),
        2,
        "{text}"
    );
    // The same correction again changes nothing on disk.
    let (source, target) = (fx.path("news.md"), fx.path("news.fr.md"));
    let same = [
        crate::align::FixedRow {
            source: 4..5,
            target: 4..5,
        },
        crate::align::FixedRow {
            source: 5..5,
            target: 5..6,
        },
    ];
    assert!(matches!(
        record_realign(&project_of(&model), &model, &source, &target, "fr", &same),
        RealignOutcome::Unchanged
    ));
    // A broken corrections file is a status message, not a crash.
    std::fs::write(fx.path(".trame-align"), "news.md\tfr\tbroken\n").unwrap();
    run_keys(&mut model, &chars("J"));
    let status = model.status.clone().unwrap();
    assert_eq!(
        (status.id, status.kind),
        (ids::REALIGN_FAILED, StatusKind::Error)
    );
    let text = view::status_text(&Localizer::new(&["en"]), &status);
    assert!(text.contains(".trame-align:1:"), "{text}");
}

#[test]
fn suggestions_come_from_other_pages_and_one_key_replaces_the_text() {
    let fx = Fixture::new();
    std::fs::write(
        fx.path("old.md"),
        "All seats are now taken, but remote participants can still join the video room.\n",
    )
    .unwrap();
    std::fs::write(
        fx.path("old.fr.md"),
        "Toutes les places sont prises, mais on peut encore suivre en visio.\n",
    )
    .unwrap();
    let source = page(&fx.path("old.md"));
    let target = page(&fx.path("old.fr.md"));
    let mut docs = fx.docs();
    docs.push(stale_doc(&source, &source.text.clone(), target, "fr"));
    let mut model = Model::new(docs, Vec::new(), (80, 24));
    assert_eq!(model.groups[0].name(), "news.md");
    press(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
    );
    let editor = model.editor.as_ref().unwrap();
    assert_eq!(editor.suggestions.len(), 1);
    assert_eq!(editor.suggestions[0].similarity, 1.0);
    let original = model.editor.as_ref().unwrap().textarea.lines().to_vec();
    // Alt-1 replaces the whole text, wherever the cursor is.
    press(&mut model, &[key(KeyCode::Home), alt('1')]);
    let suggested = ["Toutes les places sont prises, mais on peut encore suivre en visio."];
    assert_eq!(model.editor.as_ref().unwrap().textarea.lines(), suggested);
    // The suggestion shows the English it was made for.
    let terminal = render(&model, "en", (80, 24));
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        screen.contains("← All seats are now taken, but remote"),
        "{screen}"
    );
    // One Ctrl-Z brings the text back.
    press(&mut model, &[ctrl('z')]);
    assert_eq!(model.editor.as_ref().unwrap().textarea.lines(), original);
    press(&mut model, &[alt('1')]);
    // After typing, Ctrl-Z undoes the typing only.
    press(&mut model, &chars("!"));
    press(&mut model, &[ctrl('z')]);
    assert_eq!(model.editor.as_ref().unwrap().textarea.lines(), suggested);
    // Ctrl-A selects the whole text: typing replaces it.
    press(&mut model, &[ctrl('a')]);
    press(&mut model, &chars("Complet."));
    assert_eq!(
        model.editor.as_ref().unwrap().textarea.lines(),
        ["Complet."]
    );
}

#[test]
fn control_characters_from_files_are_shown_not_sent() {
    let hostile = FR.replace(
        "Le sprint de Lyon",
        "Le sprint \u{1b}[2J\u{1b}]0;pwned\u{7}de Lyon",
    );
    let fx = Fixture::with(EN_NOW, &hostile, IT);
    let mut model = fx.model((80, 24));
    press(
        &mut model,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Char('j')),
            key(KeyCode::Char('j')),
        ],
    );
    let terminal = render(&model, "en", (80, 24));
    let shown = terminal.backend().to_string();
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
    assert!(shown.contains("␛[2J␛]0;pwned␇de"), "{shown}");
    press(&mut model, &chars("e"));
    let lines = model.editor.as_ref().unwrap().textarea.lines().join("\n");
    assert!(!lines.contains('\u{1b}'), "{lines}");
    assert_eq!(
        layout::shown("a\u{1b}b\u{7f}\u{9b}\u{202e}\n"),
        "a␛b␡⟨U+009B⟩⟨U+202E⟩␊"
    );
}

/// The text of buffer row `y` from `x0` to `x1`, each cell's symbol once
/// (the cells a wide symbol covers left out), with the display column where
/// each symbol starts.
fn buffer_row(buf: &ratatui::buffer::Buffer, y: u16, x0: u16, x1: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut x = x0;
    while x < x1 {
        let symbol = buf[(x, y)].symbol().to_owned();
        let w = crate::text::width(&symbol).max(1) as u16;
        out.push((x, symbol));
        x += w;
    }
    out
}

#[test]
fn emoji_sequences_and_bidi_controls_keep_the_columns_aligned() {
    const EMOJI: &str = "👩\u{200d}💻";
    let long_word = EMOJI.repeat(60);
    let hostile = FR
        .replace(
            "## Sprint de Lyon",
            &format!("## Sprint \u{2066}de\u{2069} Lyon {EMOJI}"),
        )
        .replace(
            "Le sprint de Lyon a lieu",
            &format!("Le sprint {EMOJI} \u{202e}de Lyon\u{202c} {long_word} a lieu"),
        );
    let fx = Fixture::with(EN_NOW, &hostile, IT);
    for size in [(160, 48), (80, 24)] {
        let mut model = fx.model(size);
        press(&mut model, &[key(KeyCode::Enter)]);
        let terminal = render(&model, "en", size);
        let buf = terminal.backend().buffer();
        let shown = terminal.backend().to_string();
        for c in shown.chars() {
            assert!(
                !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{80}'..='\u{9f}'),
                "{c:?} reached the screen:\n{shown}"
            );
        }
        assert!(shown.contains("⟨U+202E⟩"), "{shown}");
        let group = model.group().unwrap();
        let cols = layout::columns(group.langs.len(), model.document.lang, size.0, true);
        let fr = cols.iter().find(|c| c.lang == Some(0)).unwrap();
        let inner = usize::from(fr.width) - layout::MARK_WIDTH;
        let mut emoji_seen = 0;
        let mut emoji_lines = Vec::new();
        let areas = layout::areas(size);
        for y in areas.header.y..areas.body.bottom() {
            let row = buffer_row(buf, y, 0, size.0);
            // Every rule between columns sits at the column boundary: a
            // symbol measured wider or narrower than drawn would move it.
            let rules: Vec<u16> = row
                .iter()
                .filter(|(_, s)| s == "│" || s == "┼")
                .map(|(x, _)| *x)
                .collect();
            let text: String = row.iter().map(|(_, s)| s.as_str()).collect();
            let before_rule = text.split(['│', '┼']).next().unwrap_or("");
            if !rules.is_empty() {
                assert_eq!(
                    crate::text::width(before_rule),
                    usize::from(cols[1].x - 1),
                    "row {y}: {text}"
                );
                for x in &rules {
                    assert!(
                        cols.iter().any(|c| c.x == x + 1),
                        "row {y}: rule at {x}: {text}"
                    );
                }
            }
            // No cell holds part of the emoji: it is drawn whole or not at all.
            for (x, symbol) in &row {
                if symbol.contains('\u{200d}') || symbol.contains('💻') {
                    assert_eq!(symbol, EMOJI, "row {y} x {x}");
                }
            }
            let fr_cells = buffer_row(buf, y, fr.x + layout::MARK_WIDTH as u16, fr.x + fr.width);
            let fr_text: String = fr_cells.iter().map(|(_, s)| s.as_str()).collect();
            let fr_text = fr_text.trim_end();
            emoji_seen += fr_text.matches(EMOJI).count();
            if !fr_text.is_empty() && fr_text.replace(EMOJI, "").is_empty() {
                emoji_lines.push(crate::text::width(fr_text));
            }
        }
        // Every sequence is shown (one in the heading, 61 in the paragraph),
        // and the long word is cut between sequences, each line filled to
        // the column's width (two columns per sequence, not four).
        assert_eq!(emoji_seen, 62, "{size:?}\n{shown}");
        assert!(!emoji_lines.is_empty(), "{size:?}\n{shown}");
        for w in &emoji_lines[..emoji_lines.len() - 1] {
            assert!(
                *w + 1 >= inner,
                "{size:?}: {emoji_lines:?} in {inner}\n{shown}"
            );
        }
    }
}

#[test]
fn wrapping_keeps_words_whole_and_cuts_only_longer_ones() {
    let plain = ratatui::style::Style::new();
    let lines = layout::wrap(&[("one two three four", plain)], 9);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["one two", "three", "four"]);
    let lines = layout::wrap(&[("ab", plain), ("cdefghij klm", plain)], 4);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["abcd", "efgh", "ij", "klm"]);
    // Wide characters count two columns.
    let lines = layout::wrap(&[("日本語 日本", plain)], 6);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["日本語", "日本"]);
    assert_eq!(crate::text::one_line("a\n   b\tc\r\nd"), "a b c d");
    // A word of emoji sequences is cut between sequences, never inside one.
    let emoji = "👩\u{200d}💻";
    let lines = layout::wrap(&[(&emoji.repeat(5), plain)], 5);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert_eq!(text, [emoji.repeat(2), emoji.repeat(2), emoji.to_owned()]);
}

// ---------------------------------------------------------------- screens

fn render(model: &Model, lang: &str, size: (u16, u16)) -> Terminal<TestBackend> {
    let l10n = Localizer::new(&[lang]);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| view::view(model, &l10n, f)).unwrap();
    terminal
}

/// Snapshots one screen, reached by `keys`, at both sizes in both languages.
fn check_screen(name: &str, keys: &[KeyEvent]) {
    let fx = Fixture::new();
    for size in [(80, 24), (160, 48)] {
        let mut model = fx.model(size);
        press(&mut model, keys);
        for lang in ["en", "fr"] {
            let terminal = render(&model, lang, size);
            insta::assert_snapshot!(
                format!("{name}_{lang}_{}x{}", size.0, size.1),
                terminal.backend()
            );
        }
    }
}

#[test]
fn screen_dashboard() {
    check_screen("dashboard", &[]);
}

#[test]
fn screen_document_on_a_stale_segment() {
    check_screen("document", &[key(KeyCode::Enter), key(KeyCode::Char('n'))]);
}

#[test]
fn screen_document_italian_filtered_and_searched() {
    let mut keys = vec![
        key(KeyCode::Enter),
        key(KeyCode::Char('l')),
        key(KeyCode::Char('f')),
    ];
    keys.extend(chars("/wiki"));
    check_screen("filtered", &keys);
}

#[test]
fn screen_edit_with_diff() {
    let mut keys = vec![
        key(KeyCode::Enter),
        key(KeyCode::Char('n')),
        key(KeyCode::Char('e')),
    ];
    keys.extend(chars(" Complet"));
    check_screen("edit", &keys);
}

#[test]
fn screen_help() {
    check_screen("help", &[key(KeyCode::Enter), key(KeyCode::Char('?'))]);
}

#[test]
fn screen_confirm_quit() {
    let mut keys = vec![
        key(KeyCode::Enter),
        key(KeyCode::Char('n')),
        key(KeyCode::Char('e')),
    ];
    keys.extend(chars(" Complet"));
    keys.push(key(KeyCode::Esc));
    keys.push(key(KeyCode::Char('k')));
    keys.push(key(KeyCode::Char('q')));
    keys.push(key(KeyCode::Char('q')));
    check_screen("confirm_quit", &keys);
}

#[test]
fn screen_confirm_drop() {
    let mut keys = vec![key(KeyCode::Char('n')), key(KeyCode::Char('e'))];
    keys.extend(chars(" Complet"));
    keys.push(key(KeyCode::Esc));
    check_screen("confirm_drop", &keys);
}

#[test]
fn the_key_hints_fit_80_columns_in_every_language() {
    for lang in ["en", "fr", "it"] {
        let l10n = Localizer::new(&[lang]);
        for id in [
            ids::HINTS_DASHBOARD,
            ids::HINTS_DOCUMENT,
            ids::HINTS_EDIT,
            ids::HINTS_SEARCH,
            ids::CONFIRM_DROP_KEYS,
            ids::CONFIRM_QUIT_KEYS,
        ] {
            let hint = l10n.tr(id);
            assert!(crate::text::width(&hint) <= 80, "{lang} {id}: {hint}");
        }
    }
}

// ---------------------------------------------------------------- budgets

/// Prints the time from loading the sample `issues/` to the first frame, and
/// from a key press to the next frame on a 1,000-segment document. Timings
/// are printed, not asserted (run with `--release --nocapture` to read them).
#[test]
fn timing_harness_prints_the_frame_budgets() {
    use std::time::Instant;
    let issues = Path::new(env!("CARGO_MANIFEST_DIR")).join("issues");
    let l10n = Localizer::new(&["en"]);
    let start = Instant::now();
    let (docs, notes) = crate::workspace::staleness(
        &crate::workspace::Project::discover(Some(&issues)).unwrap(),
        std::slice::from_ref(&issues),
        None,
    )
    .unwrap();
    let loaded = start.elapsed();
    let model = Model::new(docs, notes, (160, 48));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| view::view(&model, &l10n, f)).unwrap();
    let first_frame = start.elapsed();
    eprintln!("sample issues/: loaded in {loaded:?}, first frame at {first_frame:?}");

    let fx = long_fixture(910);
    let mut model = long_model(&fx, (160, 48));
    let n_segments = model.groups[0].source.document.segments.len();
    press(&mut model, &[key(KeyCode::Enter)]);
    for (label, k) in [
        ("j", key(KeyCode::Char('j'))),
        ("PgDn", key(KeyCode::PageDown)),
        ("l", key(KeyCode::Char('l'))),
    ] {
        let mut worst = std::time::Duration::ZERO;
        let mut total = std::time::Duration::ZERO;
        let rounds = 100;
        for _ in 0..rounds {
            let t = Instant::now();
            press(&mut model, &[k]);
            terminal.draw(|f| view::view(&model, &l10n, f)).unwrap();
            let took = t.elapsed();
            worst = worst.max(took);
            total += took;
        }
        eprintln!(
            "{n_segments} segments, key {label} to next frame: mean {:?}, worst {worst:?}",
            total / rounds
        );
    }
    let t = Instant::now();
    press(&mut model, &[key(KeyCode::End)]);
    terminal.draw(|f| view::view(&model, &l10n, f)).unwrap();
    eprintln!(
        "{n_segments} segments, key End to next frame: {:?}",
        t.elapsed()
    );
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    let fx = Fixture::new();
    let screens: Vec<Vec<KeyEvent>> = vec![
        vec![],
        vec![key(KeyCode::Enter), key(KeyCode::Char('n'))],
        vec![
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
        ],
        vec![key(KeyCode::Enter), key(KeyCode::Char('?'))],
        vec![
            key(KeyCode::Enter),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('e')),
            key(KeyCode::Char('x')),
            key(KeyCode::Esc),
            key(KeyCode::Char('q')),
        ],
    ];
    for size in [
        (1, 1),
        (2, 2),
        (5, 3),
        (12, 4),
        (20, 6),
        (40, 8),
        (99, 10),
        (100, 5),
    ] {
        for keys in &screens {
            let mut model = fx.model(size);
            press(&mut model, keys);
            press(&mut model, &[key(KeyCode::PageDown), key(KeyCode::End)]);
            update(&mut model, Message::Scroll { delta: 3 });
            update(
                &mut model,
                Message::Click {
                    column: size.0 / 2,
                    row: size.1 / 2,
                },
            );
            for lang in ["en", "fr"] {
                render(&model, lang, size);
            }
        }
    }
}

/// Orphans and skipped files are counted in the dashboard's header (and
/// named in the status line), in the interface's language, with plurals.
#[test]
fn the_dashboard_counts_orphans_and_skipped_files() {
    use crate::workspace::{SkipReason, StaleNote};
    let fx = Fixture::new();
    let mut model = fx.model((120, 24));
    let notes = vec![
        StaleNote::Orphan {
            path: PathBuf::from("content/de/2024-12-05_newsletter.md"),
            lang: "de".into(),
            likely_source: Some(PathBuf::from("content/en/2024-12-05-newsletter.md")),
        },
        StaleNote::Skipped {
            path: PathBuf::from("content/fr/bad.md"),
            reason: SkipReason::NotUtf8 { offset: 3 },
        },
        StaleNote::Skipped {
            path: PathBuf::from("content/fr/pipe.md"),
            reason: SkipReason::Special,
        },
    ];
    update(&mut model, Message::LoadFinished { notes, error: None });
    let header = |lang: &str| -> String {
        let terminal = render(&model, lang, (120, 24));
        let buffer = terminal.backend().buffer();
        (0..120)
            .map(|x| buffer[(x, 0)].symbol().to_owned())
            .collect()
    };
    let en = header("en");
    assert!(
        en.contains("⚠ one orphan translation, 2 files skipped"),
        "{en}"
    );
    let fr = header("fr");
    assert!(
        fr.contains("⚠ une traduction orpheline, 2 fichiers ignorés"),
        "{fr}"
    );
    // The status line names the first of them.
    let terminal = render(&model, "en", (120, 24));
    let buffer = terminal.backend().buffer();
    let status: String = (0..120)
        .map(|x| buffer[(x, 23)].symbol().to_owned())
        .collect();
    assert!(
        status.contains(
            "content/de/2024-12-05_newsletter.md (de) is a translation with no source page"
        ),
        "{status}"
    );
}

/// A translated block whose English moved to another page shows, under the
/// deleted English, the page it went to (as `trame stale` names it); a
/// removed block whose English is gone shows only the deleted English.
#[test]
fn a_removed_block_shows_the_page_its_english_went_to() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# Hello\n").unwrap();
    std::fs::write(
        dir.path().join("a.fr.md"),
        "# Bonjour\n\nInstallez le binaire depuis la page des versions.\n\nAu revoir à tous.\n",
    )
    .unwrap();
    let source = page(&dir.path().join("a.md"));
    let target = page(&dir.path().join("a.fr.md"));
    let mut doc = stale_doc(
        &source,
        "# Hello\n\nInstall the binary from the releases page.\n\nGoodbye, everyone.\n",
        target,
        "fr",
    );
    let removed: Vec<usize> = (0..doc.labels.len())
        .filter(|&k| doc.labels[k].state == State::Removed)
        .collect();
    assert_eq!(removed.len(), 2, "{:?}", doc.labels);
    doc.moved = vec![(removed[0], PathBuf::from("content/en/install.md"))];
    let model = Model::new(vec![doc], Vec::new(), (80, 24));
    let group = &model.groups[0];
    let shown: Vec<Vec<String>> = group
        .rows
        .iter()
        .filter(|r| r.source.is_empty())
        .map(|row| {
            layout::english_lines(group, row, 0, 60)
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        })
        .collect();
    // Both translated blocks share one row, each deleted English in turn.
    assert_eq!(
        shown,
        [[
            "Install the binary from the releases page.",
            "→ content/en/install.md",
            "Goodbye, everyone."
        ]]
    );
}
