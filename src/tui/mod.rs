//! The translator's terminal interface: English, French and Italian side by
//! side, with the word diff of stale segments, an editor and saving.
//!
//! The Elm architecture: a [`model::Model`], [`message::Message`]s made from
//! keys by [`keymap`], a pure [`update::update`] that may return an
//! [`message::Effect`], and a [`view::view`] that only reads. [`run`] owns
//! the terminal and executes effects (save, review, dismiss, realign, quit); their failures
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
use crate::workspace::{self, SaveError};

/// Message ids used by the interface.
pub const IDS: &[&str] = ids::ALL;

/// Opens the interface on a content folder: `path`, else the content of
/// `trame.toml`, else `issues/`, else `content/`, else the current directory.
///
/// With `lang`, the interface works in that translation language (checked
/// before the terminal is taken over, and remembered for the repository);
/// without, in the language remembered, else in every language.
///
/// The first frame comes at once: pages are read on a background thread and
/// join the dashboard as they are ready, the header counting them.
pub fn run(
    path: Option<PathBuf>,
    lang: Option<String>,
    l10n: &Localizer,
) -> anyhow::Result<ExitCode> {
    let open_error = |path: &Path| {
        let shown = layout::shown(&path.display().to_string());
        l10n.tr_args(ids::ERROR_OPEN, &[("path", Arg::Str(&shown))])
    };
    let project = workspace::Project::discover(path.as_deref())
        .with_context(|| open_error(path.as_deref().unwrap_or(Path::new("."))))?;
    let paths: Vec<PathBuf> = path.into_iter().collect();
    // A missing folder is an error before the terminal is taken over.
    for p in project.paths_or_content(&paths) {
        if !p.is_dir() && !p.is_file() {
            return Err(anyhow::anyhow!("{}", open_error(&p)));
        }
    }
    let focus = match lang {
        Some(lang) => {
            // An unknown language is an error on the command line, listing
            // the languages found, as `trame stale --lang` says it.
            let scan = project.scan(&paths, Some(&lang))?;
            let tag = scan
                .languages
                .iter()
                .find(|l| workspace::same_tag(l, &lang))
                .cloned()
                .unwrap_or(lang);
            // Not remembering is no reason not to open.
            let _ = project.remember_language(&tag);
            Some(tag)
        }
        None => project.remembered_language(),
    };
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
    model.focus = focus;
    let (sender, loaded) = std::sync::mpsc::channel();
    let project = std::sync::Arc::new(project);
    // Detached: quitting does not wait for the pages still being read.
    let shared = project.clone();
    std::thread::spawn(move || load(&shared, &paths, sender));
    event_loop(&mut terminal, &project, &mut model, l10n, &loaded)?;
    Ok(ExitCode::SUCCESS)
}

/// Returns the width of the terminal in columns, if there is one (for the
/// command line, which does not know the terminal).
pub fn terminal_width() -> Option<u16> {
    ratatui::crossterm::terminal::size().ok().map(|(w, _)| w)
}

/// Reads the pages and their staleness, sending them as they are ready.
pub fn load(project: &workspace::Project, paths: &[PathBuf], sender: Sender<Message>) {
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Notes about single pages (a file skipped) join those of the scan.
    let page_notes = std::sync::Mutex::new(Vec::new());
    let sink = |page: workspace::PageReport| {
        let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        page_notes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(page.notes);
        let _ = sender.send(Message::Loaded {
            docs: page.docs,
            done,
            total: page.total,
        });
    };
    let result = project
        .scan(paths, None)
        .map_err(workspace::StaleError::from)
        .and_then(|scan| {
            // Every English page, translated or not, so the dashboard can
            // list those still to translate.
            let pages = scan
                .sets
                .iter()
                .map(|set| model::SourcePage {
                    path: set.source.clone(),
                    langs: set.translations.iter().map(|(l, _)| l.clone()).collect(),
                })
                .collect();
            let _ = sender.send(Message::Sources { pages });
            workspace::staleness_each(project, scan, &sink)
        });
    let finished = match result {
        Ok(mut notes) => {
            notes.extend(
                page_notes
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            );
            Message::LoadFinished { notes, error: None }
        }
        Err(e) => Message::LoadFinished {
            notes: Vec::new(),
            error: Some(format!("{:#}", anyhow::Error::new(e))),
        },
    };
    let _ = sender.send(finished);
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
    project: &workspace::Project,
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
            if dispatch(project, model, msg) {
                return Ok(());
            }
        }
        while let Ok(msg) = loaded.try_recv() {
            if dispatch(project, model, msg) {
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
pub fn dispatch(project: &workspace::Project, model: &mut Model, msg: Message) -> bool {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        match update::update(model, msg) {
            None => {}
            Some(Effect::Quit) => return true,
            Some(Effect::CreateTranslation { source, lang }) => {
                let outcome = create_translation(project, &source, &lang);
                queue.push_back(Message::Created {
                    source,
                    lang,
                    outcome,
                });
            }
            Some(Effect::RememberLanguage { lang }) => {
                let error = project
                    .remember_language(&lang)
                    .err()
                    .map(|e| e.to_string());
                queue.push_back(Message::Remembered { error });
            }
            Some(Effect::Save { files }) => {
                for file in files {
                    let outcome = save_file(project, model, &file);
                    queue.push_back(Message::SaveDone { file, outcome });
                }
            }
            Some(Effect::Review {
                source,
                target,
                rows,
            }) => {
                let outcome = record_reviews(project, model, &source, &target, &rows);
                queue.push_back(Message::ReviewDone { outcome });
            }
            Some(Effect::Dismiss {
                source: _,
                target,
                dismissals,
            }) => {
                let outcome = record_dismissals(project, model, &target, &dismissals);
                let mut rules: Vec<crate::report::Rule> =
                    dismissals.iter().map(|d| d.rule).collect();
                rules.sort();
                rules.dedup();
                queue.push_back(Message::DismissDone { outcome, rules });
            }
            Some(Effect::Realign {
                source,
                target,
                lang,
                rows,
            }) => {
                let outcome = record_realign(project, model, &source, &target, &lang, &rows);
                queue.push_back(Message::RealignDone { outcome });
            }
        }
    }
    false
}

/// Creates the `lang` translation of `source` with the code of `trame
/// write` (segments from the translation memory, the rest left in English),
/// then reads the page set again.
pub fn create_translation(
    project: &workspace::Project,
    source: &Path,
    lang: &str,
) -> message::CreateOutcome {
    use workspace::write as plan;
    let failed = |e: anyhow::Error| message::CreateOutcome::Failed {
        error: format!("{e:#}"),
    };
    let plan = match plan::plan_write(project, source, lang) {
        Ok(plan) => plan,
        Err(e) => return failed(e.into()),
    };
    if let Err(e) = plan::save(
        Some(&project.confine),
        &plan.path,
        plan.original.as_deref(),
        &plan.text,
    ) {
        return failed(e.into());
    }
    message::CreateOutcome::Created {
        path: plan.path.clone(),
        from_memory: plan.from_memory.len(),
        left: plan.missing.len(),
        reloaded: reload(project, source),
    }
}

/// Applies a file's pending edits and writes it, refusing when it changed on
/// disk; then reads its page set again.
pub fn save_file(project: &workspace::Project, model: &Model, file: &Path) -> SaveOutcome {
    let Some(pending) = model.pending.get(file) else {
        return SaveOutcome::Failed {
            error: "nothing to save".into(),
        };
    };
    // Aligned again, when a fill changes the segments, as every command
    // aligns: with the translator's corrections.
    let lang = model
        .groups
        .iter()
        .flat_map(|g| &g.langs)
        .find(|l| l.target.path == file)
        .map(|l| l.lang.clone())
        .unwrap_or_default();
    let realign = |source: &segment::Document, target: &segment::Document| {
        project.align_documents(&pending.source_path, &lang, source, target)
    };
    let text = match save::localized_text(pending, &project.segment, &realign) {
        Ok(t) => t,
        Err(e) => {
            return SaveOutcome::Failed {
                error: e.to_string(),
            };
        }
    };
    match workspace::save_file_in(
        Some(&project.confine),
        file,
        pending.target_text.as_bytes(),
        &text,
    ) {
        Ok(()) => SaveOutcome::Saved {
            reloaded: reload(project, &pending.source_path),
        },
        Err(SaveError::ChangedOnDisk { .. }) => SaveOutcome::ChangedOnDisk,
        Err(e) => SaveOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}

/// Reads the page set of `file` again (all its languages), as every command
/// reads it.
///
/// `source` is the English page: naming it reads every language (a
/// translation named alone is read alone).
fn reload(project: &workspace::Project, source: &Path) -> message::Reloaded {
    workspace::staleness(project, &[source.to_owned()], None)
        .map_err(|e| format!("{:#}", anyhow::Error::new(e)))
}

/// The loaded translation `target` of `source`, as a staleness report.
fn loaded_doc(model: &Model, target: &Path) -> Option<workspace::StaleDoc> {
    model.groups.iter().find_map(|g| {
        g.langs
            .iter()
            .find(|l| l.target.path == target)
            .map(|l| workspace::StaleDoc {
                source: std::sync::Arc::new(g.source.clone()),
                target: l.target.clone(),
                lang: l.lang.clone(),
                alignment: l.alignment.clone(),
                labels: Vec::new(),
                dismissed: Vec::new(),
                site: None,
                moved: Vec::new(),
            })
    })
}

/// Writes review records for alignment rows of one translation, as
/// `trame review` does (the same workspace call).
pub fn record_reviews(
    project: &workspace::Project,
    model: &Model,
    _source: &Path,
    target: &Path,
    rows: &[usize],
) -> ReviewOutcome {
    let Some(doc) = loaded_doc(model, target) else {
        return ReviewOutcome::Failed {
            error: format!("{} is not loaded", target.display()),
        };
    };
    match project.record_reviews(&doc, rows, &model.notes) {
        Ok(r) if r.changed => ReviewOutcome::Recorded {
            count: r.count,
            reloaded: reload(project, &doc.source.path),
        },
        Ok(_) => ReviewOutcome::Unchanged,
        Err(e) => ReviewOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}

/// Records that the findings of rules on alignment rows of one translation
/// are wrong, as `trame review --dismiss` does (the same workspace call);
/// then reads the page set again, which leaves them out.
pub fn record_dismissals(
    project: &workspace::Project,
    model: &Model,
    target: &Path,
    dismissals: &[crate::report::Dismissal],
) -> ReviewOutcome {
    let Some(doc) = loaded_doc(model, target) else {
        return ReviewOutcome::Failed {
            error: format!("{} is not loaded", target.display()),
        };
    };
    match project.record_dismissals(&doc, dismissals) {
        Ok(r) if r.changed => ReviewOutcome::Recorded {
            count: r.count,
            reloaded: reload(project, &doc.source.path),
        },
        Ok(_) => ReviewOutcome::Unchanged,
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
    project: &workspace::Project,
    model: &Model,
    _source: &Path,
    target: &Path,
    _lang: &str,
    rows: &[crate::align::FixedRow],
) -> RealignOutcome {
    let Some(doc) = loaded_doc(model, target) else {
        return RealignOutcome::Failed {
            error: format!("{} is not loaded", target.display()),
        };
    };
    match project.record_corrections(&doc, rows) {
        Ok(r) if r.changed => RealignOutcome::Recorded {
            reloaded: reload(project, &doc.source.path),
        },
        Ok(_) => RealignOutcome::Unchanged,
        Err(e) => RealignOutcome::Failed {
            error: format!("{:#}", anyhow::Error::new(e)),
        },
    }
}
