//! What can happen to the interface ([`Message`]) and what `update` asks the
//! runner to do in the world ([`Effect`]).
//!
//! Messages come from keys and the mouse (through `keymap`) and from the
//! runner, which reports each effect's outcome as a message so failures end
//! up in the status line.

use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::align::FixedRow;
use crate::report::{Dismissal, Rule};
use crate::tui::model::SourcePage;
use crate::workspace::{StaleDoc, StaleNote};

/// Something that happened.
#[derive(Debug, Clone)]
pub enum Message {
    /// Moves the selection by rows (negative: up).
    Move { delta: isize },
    /// Moves the selection by a screenful.
    Page { direction: Direction },
    /// Selects the first or last row.
    Jump { edge: Edge },
    /// Selects another language column.
    SelectLanguage { delta: isize },
    /// Works in the next translation language (and remembers it).
    SwitchLanguage,
    /// The language worked in was remembered, or not (`error`).
    Remembered { error: Option<String> },
    /// Selects the next (or previous) segment needing attention in the
    /// language worked in, across pages (opening the page).
    NextAttention { direction: Direction },
    /// Leaves the document for the dashboard.
    CloseDocument,
    /// Shows the next (or previous) kind of rows.
    CycleFilter { direction: Direction },
    /// Opens the search prompt.
    StartSearch,
    /// Types into the search prompt.
    SearchInput { c: char },
    /// Erases the last character of the search.
    SearchBackspace,
    /// Closes the prompt, keeping the search.
    SearchConfirm,
    /// Closes the prompt and clears the search.
    SearchCancel,
    /// Opens the selected document (dashboard) or edits the selected segment.
    Open,
    /// Edits the selected segment.
    Edit,
    /// Drops the pending edit of the selected segment.
    DropEdit,
    /// Goes back one screen (or clears the search or filter).
    Back,
    /// Saves the pending edits (of the open document, or all on the dashboard).
    Save,
    /// Marks the selected translation as correct for the current English.
    Review,
    /// Dismisses the consistency findings of the selected translation.
    Dismiss,
    /// Carries a link-only change into the selected translation.
    Carry,
    /// Corrects the alignment of the selected row in the current language.
    Realign { action: RealignAction },
    /// Shows or hides the key list.
    ToggleHelp,
    /// Quits, asking first when edits are unsaved.
    Quit,
    /// Answers the quit question.
    ConfirmQuit { choice: QuitChoice },
    /// A key for the editor's text area.
    EditorInput { input: Input },
    /// Text pasted into the terminal.
    Paste { text: String },
    /// Undoes the last change in the editor.
    EditorUndo,
    /// Redoes the last undone change in the editor.
    EditorRedo,
    /// Replaces the editor's text with a translation-memory suggestion
    /// (0-based); one undo brings the text back.
    UseSuggestion { index: usize },
    /// Selects the editor's whole text.
    EditorSelectAll,
    /// Leaves the editor, keeping its text as a pending edit.
    EditorKeep,
    /// Leaves the editor; asks first when its text was changed.
    EditorEscape,
    /// Answers "drop this edit?".
    ConfirmDrop { choice: DropChoice },
    /// Leaves the editor and saves the file.
    EditorSave,
    /// The mouse wheel turned (positive: down).
    Scroll { delta: isize },
    /// A mouse click at a cell of the terminal.
    Click { column: u16, row: u16 },
    /// The terminal was resized.
    Resize { width: u16, height: u16 },
    /// A file was saved or not.
    SaveDone { file: PathBuf, outcome: SaveOutcome },
    /// Review records were written or not.
    ReviewDone { outcome: ReviewOutcome },
    /// Dismissals were written or not (`count` in the outcome: rows).
    DismissDone {
        outcome: ReviewOutcome,
        /// The rules dismissed, for the status line.
        rules: Vec<Rule>,
    },
    /// Alignment corrections were written or not.
    RealignDone { outcome: RealignOutcome },
    /// More pages were read (`done` of `total` page sets so far).
    Loaded {
        docs: Vec<StaleDoc>,
        done: usize,
        total: usize,
    },
    /// The English pages found, with their languages (before their
    /// staleness is read).
    Sources { pages: Vec<SourcePage> },
    /// A translation was created from the dashboard, or not.
    Created {
        /// The English page.
        source: PathBuf,
        /// The new translation's language.
        lang: String,
        /// What happened.
        outcome: CreateOutcome,
    },
    /// Every page was read; `error` says why some could not be.
    LoadFinished {
        notes: Vec<StaleNote>,
        error: Option<String>,
    },
}

/// The alignment corrections a translator can make on the selected row (the
/// alignment rows of the current language on that line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RealignAction {
    /// Makes the row and the next one a single row.
    Join,
    /// Pairs the row's segments one to one, in order; segments left over on
    /// the longer side get a row each.
    Split,
    /// Moves the row's last translated segment to the start of the next row.
    PushLast,
    /// Moves the next row's first translated segment to the end of the row.
    PullNext,
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end.
    Forward,
    /// Towards the start.
    Backward,
}

/// The first or the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first row.
    First,
    /// The last row.
    Last,
}

/// The answers to "quit with unsaved edits?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitChoice {
    /// Save every file, then quit.
    SaveAndQuit,
    /// Quit without saving.
    Discard,
    /// Stay.
    Stay,
}

/// The answers to "leave the editor with a changed text?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropChoice {
    /// Keep the edit and save the file.
    Save,
    /// Keep the edit, unsaved.
    Keep,
    /// Drop the edit.
    Drop,
    /// Go back to the editor.
    Stay,
}

/// How creating a translation ended.
#[derive(Debug, Clone)]
pub enum CreateOutcome {
    /// Written as `trame write` writes it; the page set was read again.
    Created {
        /// The new translation.
        path: PathBuf,
        /// Segments translated from the translation memory.
        from_memory: usize,
        /// Segments left in English, to translate.
        left: usize,
        /// The page set, read again.
        reloaded: Reloaded,
    },
    /// Nothing was written.
    Failed { error: String },
}

/// How saving one file ended.
#[derive(Debug, Clone)]
pub enum SaveOutcome {
    /// Written; the page set was read again (or could not be).
    Saved { reloaded: Reloaded },
    /// The file changed on disk since it was read: nothing was written.
    ChangedOnDisk,
    /// The edits could not be applied or the file not written.
    Failed { error: String },
}

/// A page set read again after a write.
pub type Reloaded = Result<(Vec<StaleDoc>, Vec<StaleNote>), String>;

/// How recording reviews (or dismissals) ended.
#[derive(Debug, Clone)]
pub enum ReviewOutcome {
    /// Records written; the page set was read again.
    Recorded { count: usize, reloaded: Reloaded },
    /// The records were already there.
    Unchanged,
    /// The records could not be written.
    Failed { error: String },
}

/// How recording alignment corrections ended.
#[derive(Debug, Clone)]
pub enum RealignOutcome {
    /// Corrections written; the page set was read and aligned again.
    Recorded { reloaded: Reloaded },
    /// The corrections were already recorded.
    Unchanged,
    /// The corrections could not be written.
    Failed { error: String },
}

/// Work in the world that `update` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Applies the pending edits of these translation files and writes them.
    Save { files: Vec<PathBuf> },
    /// Records reviews of alignment rows of one translation.
    Review {
        /// The English page.
        source: PathBuf,
        /// The translation.
        target: PathBuf,
        /// Its alignment rows to record (both sides non-empty).
        rows: Vec<usize>,
    },
    /// Records that findings on alignment rows of one translation are wrong.
    Dismiss {
        /// The English page.
        source: PathBuf,
        /// The translation.
        target: PathBuf,
        /// The rules to dismiss on each row.
        dismissals: Vec<Dismissal>,
    },
    /// Records alignment corrections of one translation, then aligns it again.
    Realign {
        /// The English page.
        source: PathBuf,
        /// The translation.
        target: PathBuf,
        /// The translation's language.
        lang: String,
        /// The rows to keep, as segment indices of the documents as loaded.
        rows: Vec<FixedRow>,
    },
    /// Creates the translation of an English page, as `trame write` does.
    CreateTranslation { source: PathBuf, lang: String },
    /// Remembers the language worked in for the repository.
    RememberLanguage { lang: String },
    /// Leaves the interface.
    Quit,
}
