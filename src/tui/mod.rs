//! The translator's terminal interface: English, French and Italian side by
//! side, with the word diff of stale segments, an editor and saving.
//!
//! The Elm architecture: a [`model::Model`], [`message::Message`]s made from
//! keys by [`keymap`], a pure [`update::update`] that may return an
//! [`message::Effect`], and a [`view::view`] that only reads. [`run`] owns
//! the terminal and executes effects (save, review, realign, quit); their failures
//! come back as messages for the status line, never as a crash. The
//! terminal is restored on every exit path, panics included.
//!
//! Reading order: `model`, `message`, `keymap`, `update`, `layout` (shared
//! geometry and text shaping), `view`, `save`.

pub mod ids;
pub mod keymap;
pub mod layout;
pub mod message;
pub mod model;
pub mod save;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::i18n::{Arg, Localizer};
use crate::segment;
use crate::tui::message::{Effect, Message, RealignOutcome, ReviewOutcome, SaveOutcome};
use crate::tui::model::Model;
use crate::workspace::{self, SaveError, StaleNote};

/// Message ids used by the interface.
pub const IDS: &[&str] = ids::ALL;

/// Opens the interface on a content folder: `path`, else the content of
/// `trame.toml`, else `issues/`, else `content/`, else the current directory.
///
/// The first frame comes at once: pages are read on a background thread and
/// join the dashboard as they are ready, the header counting them.
pub fn run(path: Option<PathBuf>, l10n: &Localizer) -> anyhow::Result<ExitCode> {
    let (config, config_dir) = crate::cli::scan::load_config(l10n)?;
    let path = path
        .or_else(|| {
            let dir = crate::cli::scan::from_here(&config_dir?);
            Some(dir.join(config.content.as_ref()?))
        })
        .unwrap_or_else(default_content);
    let open_error = || {
        let shown = layout::sanitize(&path.display().to_string());
        l10n.tr_args(ids::ERROR_OPEN, &[("path", Arg::Str(&shown))])
    };
    // A missing folder is an error before the terminal is taken over.
    workspace::markdown_files(std::slice::from_ref(&path)).with_context(open_error)?;
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode may be on even though the alternate screen is not.
            let _ = ratatui::try_restore();
            return Err(anyhow::Error::new(e).context(l10n.tr(ids::ERROR_TERMINAL)));
        }
    };
    let _restore = Restore::install();
    let size = terminal
        .size()
        .with_context(|| l10n.tr(ids::ERROR_TERMINAL))?;
    let mut model = Model::loading((size.width, size.height));
    let (sender, loaded) = std::sync::mpsc::channel();
    // Detached: quitting does not wait for the pages still being read.
    std::thread::spawn(move || load(path, config, sender));
    event_loop(&mut terminal, &mut model, l10n, &loaded)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads the pages and their staleness, sending them as they are ready.
fn load(path: PathBuf, config: crate::config::Config, sender: Sender<Message>) {
    let segment_config = segment::Config {
        front_matter_keys: config.front_matter_keys.clone(),
        ..Default::default()
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let sink = |page: workspace::PageReport| {
        let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let docs = page
            .docs
            .into_iter()
            .filter(|d| config.languages.is_empty() || config.languages.contains(&d.lang))
            .collect();
        let _ = sender.send(Message::Loaded {
            docs,
            done,
            total: page.total,
        });
    };
    let result = workspace::staleness_each(
        &[path],
        None,
        &segment_config,
        &config.source_language,
        config.layout,
        &sink,
    );
    let finished = match result {
        Ok(notes) => Message::LoadFinished { notes, error: None },
        Err(e) => Message::LoadFinished {
            notes: Vec::new(),
            error: Some(format!("{:#}", anyhow::Error::new(e))),
        },
    };
    let _ = sender.send(finished);
}

/// Returns `issues/` or `content/` when present, else the current directory.
fn default_content() -> PathBuf {
    ["issues", "content"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Turns the mouse and bracketed paste on, and off again when dropped (also
/// from the panic hook, before ratatui's own hook restores the screen).
struct Restore;

impl Restore {
    fn install() -> Restore {
        let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(
                std::io::stdout(),
                DisableMouseCapture,
                DisableBracketedPaste
            );
            previous(info);
        }));
        Restore
    }
}

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        let _ = ratatui::try_restore();
    }
}

/// How often the screen is drawn again while pages are being read.
const LOADING_FRAME: Duration = Duration::from_millis(40);

/// Draws, reads events and dispatches them until an effect says quit.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    model: &mut Model,
    l10n: &Localizer,
    loaded: &Receiver<Message>,
) -> anyhow::Result<()> {
    loop {
        terminal.draw(|frame| view::view(model, l10n, frame))?;
        // While pages arrive, draw again at most every LOADING_FRAME; after,
        // wait for the next event.
        let waiting = model.loading.is_none() || event::poll(LOADING_FRAME)?;
        // Handle every event already waiting before drawing again, so key
        // repeat never queues frames.
        let mut first = waiting;
        while first || event::poll(Duration::ZERO)? {
            first = false;
            let Some(msg) = to_message(event::read()?, model) else {
                continue;
            };
            if dispatch(model, msg) {
                return Ok(());
            }
        }
        while let Ok(msg) = loaded.try_recv() {
            if dispatch(model, msg) {
                return Ok(());
            }
        }
    }
}

/// Returns the message of a terminal event; key releases and repeats of
/// other kinds are ignored.
pub fn to_message(event: Event, model: &Model) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            keymap::message_for(key, model.mode())
        }
        Event::Mouse(mouse) => keymap::mouse_message(mouse, model.mode()),
        Event::Resize(width, height) => Some(Message::Resize { width, height }),
        Event::Paste(text) => Some(Message::Paste { text }),
        _ => None,
    }
}

/// Applies a message and runs the effects it leads to; returns true to quit.
pub fn dispatch(model: &mut Model, msg: Message) -> bool {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        match update::update(model, msg) {
            None => {}
            Some(Effect::Quit) => return true,
            Some(Effect::Save { files }) => {
                for file in files {
                    let outcome = save_file(model, &file);
                    queue.push_back(Message::SaveDone { file, outcome });
                }
            }
            Some(Effect::Review {
                source,
                target,
                rows,
            }) => {
                let outcome = record_reviews(model, &source, &target, &rows);
                queue.push_back(Message::ReviewDone { outcome });
            }
            Some(Effect::Realign {
                source,
                target,
                lang,
                rows,
            }) => {
                let outcome = record_realign(model, &source, &target, &lang, &rows);
                queue.push_back(Message::RealignDone { outcome });
            }
        }
    }
    false
}

/// Applies a file's pending edits and writes it, refusing when it changed on
/// disk; then reads its page set again.
pub fn save_file(model: &Model, file: &Path) -> SaveOutcome {
    let Some(pending) = model.pending.get(file) else {
        return SaveOutcome::Failed {
            error: "nothing to save".into(),
        };
    };
    let text = match save::localized_text(pending) {
        Ok(t) => t,
        Err(e) => {
            return SaveOutcome::Failed {
                error: e.to_string(),
            };
        }
    };
    match workspace::save_file(file, pending.target_text.as_bytes(), &text) {
        Ok(()) => SaveOutcome::Saved {
            reloaded: reload(file),
        },
        Err(SaveError::ChangedOnDisk { .. }) => SaveOutcome::ChangedOnDisk,
        Err(e) => SaveOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}

/// Reads the page set of `file` again (all its languages).
fn reload(file: &Path) -> message::Reloaded {
    workspace::staleness(&[file.to_owned()], None, &segment::Config::default())
        .map_err(|e| format!("{:#}", anyhow::Error::new(e)))
}

/// Writes review records for alignment rows of one translation, as
/// `trame review` does: keyed by the row fingerprints and the HEAD commit
/// (`worktree` when the English is not committed).
pub fn record_reviews(
    model: &Model,
    source: &Path,
    target: &Path,
    rows: &[usize],
) -> ReviewOutcome {
    let found = model.groups.iter().find_map(|g| {
        g.langs
            .iter()
            .find(|l| l.target.path == target)
            .map(|l| (g, l))
    });
    let Some((group, doc)) = found else {
        return ReviewOutcome::Failed {
            error: format!("{} is not loaded", target.display()),
        };
    };
    let english_committed = !model
        .notes
        .iter()
        .any(|n| matches!(n, StaleNote::NotCommitted { path } if path == source));
    let commit = crate::history::Repo::open(source)
        .ok()
        .filter(|_| english_committed)
        .and_then(|repo| repo.head())
        .unwrap_or_else(|| "worktree".to_owned());
    let page = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let records: Vec<crate::store::Review> = rows
        .iter()
        .filter_map(|&k| doc.alignment.rows.get(k))
        .map(|row| crate::store::Review {
            page: page.clone(),
            lang: doc.lang.clone(),
            target: workspace::row_fingerprint(&doc.target.document, &row.target),
            source: workspace::row_fingerprint(&group.source.document, &row.source),
            commit: commit.clone(),
        })
        .collect();
    let dir = source
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match crate::store::add(dir, &records) {
        Ok(true) => ReviewOutcome::Recorded {
            count: records.len(),
            reloaded: reload(target),
        },
        Ok(false) => ReviewOutcome::Unchanged,
        Err(e) => ReviewOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}

/// Records alignment corrections of one translation in `.trame-align` beside
/// the English page (replacing older ones on the same segments), keyed by
/// the fingerprints of the rows' segments as loaded; then reads the page set
/// again, which aligns it with the corrections.
pub fn record_realign(
    model: &Model,
    source: &Path,
    target: &Path,
    lang: &str,
    rows: &[crate::align::FixedRow],
) -> RealignOutcome {
    use crate::store::corrections::{self, Correction};
    let found = model.groups.iter().find_map(|g| {
        g.langs
            .iter()
            .find(|l| l.target.path == target)
            .map(|l| (g, l))
    });
    let Some((group, doc)) = found else {
        return RealignOutcome::Failed {
            error: format!("{} is not loaded", target.display()),
        };
    };
    let page = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let records: Vec<Correction> = rows
        .iter()
        .map(|row| {
            Correction::of_row(
                &page,
                lang,
                &group.source.document,
                row.source.clone(),
                &doc.target.document,
                row.target.clone(),
            )
        })
        .collect();
    let dir = source
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match corrections::add(dir, &records) {
        Ok(true) => RealignOutcome::Recorded {
            reloaded: reload(target),
        },
        Ok(false) => RealignOutcome::Unchanged,
        Err(e) => RealignOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}
