//! The state of the interface: the loaded documents, the screen, selections,
//! filters, the editor and the pending (unsaved) edits.
//!
//! Only `update` changes a [`Model`]; `view` reads it. Documents are grouped
//! by English page so each target language is a column; the rows of the
//! per-language alignments are merged into [`DisplayRow`]s, so the same
//! English segment is on the same line in every column.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui_textarea::TextArea;

use crate::align::Alignment;
use crate::localize::{Suggestion, TranslationMemory};
use crate::report::Rule;
use crate::segment::{Document, SegmentKind};
use crate::stale::{Labelled, State};
use crate::workspace::{Page, StaleDoc, StaleNote};

/// Everything the interface knows.
#[derive(Debug)]
pub struct Model {
    /// The English pages with their translations, most work first (in the
    /// language worked in, when there is one).
    pub groups: Vec<DocGroup>,
    /// The translation language the interface works in (`--lang`, `L`):
    /// documents open on it and show English beside it only; `None` shows
    /// every language.
    pub focus: Option<String>,
    /// The main screen.
    pub screen: Screen,
    /// A window drawn over the screen, if any.
    pub overlay: Option<Overlay>,
    /// Selection and scroll of the dashboard (indices into `dash.visible`).
    pub dashboard: ListState,
    /// What the dashboard lists: its search, its filter, its entries.
    pub dash: DashView,
    /// Every English page found, with the languages it has, for the
    /// pages still to translate into the language worked in.
    pub sources: Vec<SourcePage>,
    /// The document screen's state (meaningful once a document was opened).
    pub document: DocView,
    /// The segment being edited.
    pub editor: Option<Editor>,
    /// The search being typed, when the search prompt is open.
    pub search_input: Option<String>,
    /// Unsaved edits, by translation file.
    pub pending: BTreeMap<PathBuf, PendingFile>,
    /// Translation memories by language, built on first use.
    pub memories: HashMap<String, TranslationMemory>,
    /// The message in the status line.
    pub status: Option<Status>,
    /// The terminal size (columns, rows), for scrolling and mouse clicks.
    pub size: (u16, u16),
    /// What the workspace could not fully know (no repository, ...).
    pub notes: Vec<StaleNote>,
    /// Set by "save and quit": quit once every pending file is saved.
    pub quit_after_save: bool,
    /// Set by `Ctrl-S` in the editor on a segment whose English changed:
    /// once the file is saved, its rows on these English segments are
    /// recorded as reviewed (as `trame review` records them).
    pub review_after_save: Option<ReviewAfterSave>,
    /// True while the review asked for after a save is being recorded.
    pub reviewing_saved: Option<PathBuf>,
    /// While pages are still being read: how many of how many (0 while
    /// the count is not known yet).
    pub loading: Option<(usize, usize)>,
}

/// The main screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every document with its coverage.
    Dashboard,
    /// One document, English and translations side by side.
    Document,
    /// The editor of one translated segment.
    Edit,
}

/// Windows drawn over a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The list of keys.
    Help { scroll: u16 },
    /// Quitting with unsaved edits: save, discard or stay.
    ConfirmQuit,
    /// Leaving the editor with a changed text: save, keep, drop or stay.
    ConfirmDrop,
}

/// What the keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The dashboard.
    Dashboard,
    /// The document screen.
    Document,
    /// Typing a search.
    Search,
    /// The editor.
    Edit,
    /// The help window.
    Help,
    /// The quit question.
    ConfirmQuit,
    /// The question before dropping an edit.
    ConfirmDrop,
}

/// A selection in a list, with the first shown entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    /// The selected entry.
    pub selected: usize,
    /// The first entry shown.
    pub scroll: usize,
}

/// The dashboard's entries after its search and filter.
#[derive(Debug, Clone, Default)]
pub struct DashView {
    /// The entries shown, in order.
    pub visible: Vec<DashEntry>,
    /// Pages must have this in their file name or title (any case).
    pub search: String,
    /// Only pages needing work (in the language worked in, if any).
    pub needs_work: bool,
}

/// One entry of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashEntry {
    /// A page with translations: index into `Model::groups`.
    Page(usize),
    /// An English page with no translation in the language worked in:
    /// index into `Model::sources`. Listed after the pages.
    New(usize),
}

/// An English page and the languages it is translated into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePage {
    /// The English page.
    pub path: PathBuf,
    /// Its translations' languages.
    pub langs: Vec<String>,
}

/// The document screen: which document and language, the rows shown, the
/// selection and scroll (indices into `visible`), the filter and search.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// Index into `Model::groups`.
    pub group: usize,
    /// The selected language: index into the group's `langs`.
    pub lang: usize,
    /// Indices of the display rows that pass the filter and search.
    pub visible: Vec<usize>,
    /// Selection and scroll, as indices into `visible`.
    pub list: ListState,
    /// Which states are shown.
    pub filter: Filter,
    /// Rows must contain this text (any language, any case); empty for all.
    pub search: String,
}

/// Which rows the document screen shows, by the selected language's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    /// Every row.
    #[default]
    All,
    /// Rows that are not up to date.
    Attention,
    /// Rows in one state.
    State(State),
}

impl Filter {
    /// The filters in the order `f` cycles through them.
    pub const CYCLE: [Filter; 8] = [
        Filter::All,
        Filter::Attention,
        Filter::State(State::Stale),
        Filter::State(State::Missing),
        Filter::State(State::Untranslated),
        Filter::State(State::LinkOnly),
        Filter::State(State::Cosmetic),
        Filter::State(State::Removed),
    ];

    /// Returns true when a cell in `state` passes.
    pub fn accepts(self, state: State) -> bool {
        match self {
            Filter::All => true,
            Filter::Attention => needs_attention(state),
            Filter::State(s) => s == state,
        }
    }
}

/// Returns true for states a translator should look at (all but up to date).
pub fn needs_attention(state: State) -> bool {
    !matches!(state, State::UpToDate | State::AlreadyUpdated)
}

/// An English page with its translations.
#[derive(Debug, Clone)]
pub struct DocGroup {
    /// The English page.
    pub source: Page,
    /// Its title (front matter), or its file name.
    pub title: String,
    /// One entry per translation, sorted by language.
    pub langs: Vec<LangDoc>,
    /// The merged rows of every language's alignment.
    pub rows: Vec<DisplayRow>,
}

/// One translation of a page, with its alignment and staleness.
#[derive(Debug, Clone)]
pub struct LangDoc {
    /// The language code (`fr`).
    pub lang: String,
    /// The translation as read from disk.
    pub target: Page,
    /// The alignment of the English page with the translation.
    pub alignment: Alignment,
    /// The staleness labels.
    pub labels: Vec<Labelled>,
    /// For each English segment, the index of its label.
    pub source_label: Vec<Option<usize>>,
    /// For each target segment without English, the index of its label.
    pub removed_label: Vec<Option<usize>>,
    /// Counts of segments by state.
    pub counts: Counts,
    /// For each alignment row, the rules of its consistency findings, as
    /// `trame check` reports them (dismissed and ignored ones left out).
    pub row_findings: Vec<Vec<Rule>>,
    /// Removed labels whose English is now in another page:
    /// `(label index, page)` (see `StaleDoc::moved`).
    pub moved: Vec<(usize, std::path::PathBuf)>,
}

/// Segment counts of one translation: the report's, so the interface,
/// `status`, `check` and JSON agree (see ARCHITECTURE.md).
pub use crate::report::Counts;

/// English segments and, per language, the translated segments on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct DisplayRow {
    /// English segment indices (empty for translated text with no English).
    pub source: Range<usize>,
    /// One cell per language of the group.
    pub cells: Vec<Cell>,
    /// True when the row starts with a heading: drawn as a section separator.
    pub heading: bool,
    /// The row's text in every language, lowercased, for search.
    pub haystack: String,
}

/// One language's side of a display row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Target segment indices.
    pub target: Range<usize>,
    /// Alignment row indices.
    pub rows: Range<usize>,
    /// The most urgent state among the cell's segments.
    pub state: State,
    /// True when an alignment row of the cell has a low confidence.
    pub unsure: bool,
    /// True when an alignment row of the cell has a consistency finding.
    pub findings: bool,
}

/// A review to record once a translation is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewAfterSave {
    /// The translation file.
    pub file: PathBuf,
    /// The English segments of the edited row.
    pub source: Range<usize>,
}

/// The segment being edited and its editor.
#[derive(Debug, Clone)]
pub struct Editor {
    /// The text area.
    pub textarea: TextArea<'static>,
    /// What the text replaces.
    pub target: EditTarget,
    /// The text the editor opened with.
    pub initial: String,
    /// Translation-memory suggestions for the English.
    pub suggestions: Vec<Suggestion>,
    /// The display row being edited.
    pub row: usize,
    /// The language index in the group.
    pub lang: usize,
    /// How many undo steps the last change made, when it was a suggestion
    /// replacing the text (0 otherwise): one `Ctrl-Z` undoes them all.
    pub suggestion_steps: usize,
}

/// What an editor's text becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// New values of these target segments (one paragraph each, separated by
    /// a blank line).
    Segments {
        file: PathBuf,
        segments: Range<usize>,
    },
    /// A translation for an English segment that has none.
    Fill { file: PathBuf, source: usize },
}

/// Unsaved edits of one translation file, with the text they apply to.
#[derive(Debug, Clone)]
pub struct PendingFile {
    /// The English page.
    pub source_path: std::path::PathBuf,
    /// The file's text when the first edit was made (what save compares with).
    pub target_text: String,
    /// Its segments.
    pub target_doc: Document,
    /// The English text and segments then (for fills).
    pub source_text: String,
    /// The English segments then.
    pub source_doc: Document,
    /// The alignment then (for fills).
    pub alignment: Alignment,
    /// New values by target segment index.
    pub edits: BTreeMap<usize, String>,
    /// New translations by English segment index.
    pub fills: BTreeMap<usize, String>,
}

impl PendingFile {
    /// Returns an empty set of edits against a translation as loaded.
    pub fn new(source: &Page, doc: &LangDoc) -> PendingFile {
        PendingFile {
            source_path: source.path.clone(),
            target_text: doc.target.text.clone(),
            target_doc: doc.target.document.clone(),
            source_text: source.text.clone(),
            source_doc: source.document.clone(),
            alignment: doc.alignment.clone(),
            edits: BTreeMap::new(),
            fills: BTreeMap::new(),
        }
    }

    /// Returns true when nothing is pending.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.fills.is_empty()
    }

    /// Returns how many segments are edited or filled.
    pub fn len(&self) -> usize {
        self.edits.len() + self.fills.len()
    }
}

/// A status-line message, localized when drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// Information or error.
    pub kind: StatusKind,
    /// The message id.
    pub id: &'static str,
    /// Its arguments.
    pub args: Vec<(&'static str, StatusArg)>,
}

/// How a status message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Something happened.
    Info,
    /// Something failed.
    Error,
}

/// An argument of a status message.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusArg {
    /// Text.
    Str(String),
    /// A language code, shown as the language's name in the UI language.
    Lang(String),
    /// A number (selects plural forms).
    Num(f64),
}

impl Status {
    /// Returns an information message.
    pub fn info(id: &'static str, args: Vec<(&'static str, StatusArg)>) -> Status {
        Status {
            kind: StatusKind::Info,
            id,
            args,
        }
    }

    /// Returns an error message.
    pub fn error(id: &'static str, args: Vec<(&'static str, StatusArg)>) -> Status {
        Status {
            kind: StatusKind::Error,
            id,
            args,
        }
    }
}

impl Model {
    /// Builds the model from a staleness report, for a terminal of `size`.
    pub fn new(docs: Vec<StaleDoc>, notes: Vec<StaleNote>, size: (u16, u16)) -> Model {
        let mut groups = group_docs(docs);
        sort_groups(&mut groups, None);
        let status = notes.first().map(note_status);
        let mut model = Model {
            groups,
            focus: None,
            screen: Screen::Dashboard,
            overlay: None,
            dashboard: ListState::default(),
            dash: DashView::default(),
            sources: Vec::new(),
            document: DocView::default(),
            editor: None,
            search_input: None,
            pending: BTreeMap::new(),
            memories: HashMap::new(),
            status,
            size,
            notes,
            quit_after_save: false,
            review_after_save: None,
            reviewing_saved: None,
            loading: None,
        };
        model.dash.visible = dash_entries(&model);
        model
    }

    /// A model with no page yet, waiting for them to be read.
    pub fn loading(size: (u16, u16)) -> Model {
        let mut model = Model::new(Vec::new(), Vec::new(), size);
        model.loading = Some((0, 0));
        model
    }

    /// Returns what the keys mean now.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Some(Overlay::Help { .. }) => return Mode::Help,
            Some(Overlay::ConfirmQuit) => return Mode::ConfirmQuit,
            Some(Overlay::ConfirmDrop) => return Mode::ConfirmDrop,
            None => {}
        }
        match self.screen {
            Screen::Dashboard if self.search_input.is_some() => Mode::Search,
            Screen::Dashboard => Mode::Dashboard,
            Screen::Document if self.search_input.is_some() => Mode::Search,
            Screen::Document => Mode::Document,
            Screen::Edit => Mode::Edit,
        }
    }

    /// Returns the index of the language worked in among a group's
    /// translations, if the group has it.
    pub fn focus_index(&self, group: &DocGroup) -> Option<usize> {
        let focus = self.focus.as_deref()?;
        group.langs.iter().position(|l| l.lang == focus)
    }

    /// Returns the group of the dashboard's selected entry, if it is a page.
    pub fn dashboard_group(&self) -> Option<usize> {
        match self.dash.visible.get(self.dashboard.selected)? {
            DashEntry::Page(g) => Some(*g),
            DashEntry::New(_) => None,
        }
    }

    /// Returns the open document's group, if the index is valid.
    pub fn group(&self) -> Option<&DocGroup> {
        self.groups.get(self.document.group)
    }

    /// Returns the index of the selected display row, if any.
    pub fn selected_row(&self) -> Option<usize> {
        self.document
            .visible
            .get(self.document.list.selected)
            .copied()
    }

    /// Returns the number of pending edits over all files.
    pub fn n_pending(&self) -> usize {
        self.pending.values().map(PendingFile::len).sum()
    }

    /// Returns the pending edits of a file, if any.
    pub fn pending_for(&self, file: &Path) -> Option<&PendingFile> {
        self.pending.get(file).filter(|p| !p.is_empty())
    }
}

/// Returns the dashboard's entries: the pages passing its search (file name
/// or title, any case) and filter (needing work in the language worked in,
/// else in any), then, when a language is worked in, the English pages
/// without a translation in it.
pub fn dash_entries(model: &Model) -> Vec<DashEntry> {
    let query = model.dash.search.to_lowercase();
    let matches = |name: &str, title: &str| {
        query.is_empty()
            || name.to_lowercase().contains(&query)
            || title.to_lowercase().contains(&query)
    };
    let focus = model.focus.as_deref();
    let mut out: Vec<DashEntry> = model
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            let work = g
                .langs
                .iter()
                .filter(|l| focus.is_none_or(|f| l.lang == f))
                .any(|l| l.counts.needs_work() + l.counts.to_check() > 0);
            (!model.dash.needs_work || work) && matches(&g.name(), &g.title)
        })
        .map(|(k, _)| DashEntry::Page(k))
        .collect();
    if let Some(f) = focus {
        out.extend(
            model
                .sources
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.langs.iter().any(|l| l == f))
                .filter(|(_, s)| matches(&file_name(&s.path), ""))
                .map(|(k, _)| DashEntry::New(k)),
        );
    }
    out
}

/// Returns the file name of a path, for display.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Returns the status message of a workspace note.
pub fn note_status(note: &StaleNote) -> Status {
    use crate::i18n::ids;
    let path = |p: &Path| StatusArg::Str(crate::tui::layout::shown(&p.display().to_string()));
    match note {
        StaleNote::NoRepository { path: p } => {
            Status::info(ids::NOTE_NO_REPOSITORY, vec![("path", path(p))])
        }
        StaleNote::Shallow => Status::info(ids::NOTE_SHALLOW, vec![]),
        StaleNote::NotCommitted { path: p } => {
            Status::info(ids::NOTE_NOT_COMMITTED, vec![("path", path(p))])
        }
        StaleNote::Skipped { path: p, reason } => {
            use crate::workspace::SkipReason;
            let at = ("path", path(p));
            match reason {
                SkipReason::Directory => Status::error(ids::NOTE_SKIPPED_DIRECTORY, vec![at]),
                SkipReason::Special => Status::error(ids::NOTE_SKIPPED_SPECIAL, vec![at]),
                SkipReason::NoMarkdown => Status::error(ids::NOTE_SKIPPED_NO_MARKDOWN, vec![at]),
                SkipReason::Outside => Status::error(ids::NOTE_SKIPPED_OUTSIDE, vec![at]),
                SkipReason::TooLarge { size, limit } => Status::error(
                    ids::NOTE_SKIPPED_TOO_LARGE,
                    vec![
                        at,
                        ("size", StatusArg::Num(*size as f64)),
                        ("limit", StatusArg::Num(*limit as f64)),
                    ],
                ),
                SkipReason::NotUtf8 { offset } => Status::error(
                    ids::NOTE_SKIPPED_UTF8,
                    vec![at, ("offset", StatusArg::Num(*offset as f64))],
                ),
                SkipReason::Unreadable { message } => Status::error(
                    ids::NOTE_SKIPPED_UNREADABLE,
                    vec![
                        at,
                        ("detail", StatusArg::Str(crate::tui::layout::shown(message))),
                    ],
                ),
            }
        }
        StaleNote::RemovedTemp { path: p } => {
            Status::info(ids::NOTE_REMOVED_TEMP, vec![("path", path(p))])
        }
        StaleNote::Orphan {
            path: p,
            lang,
            likely_source,
        } => {
            let lang = ("lang", StatusArg::Str(crate::tui::layout::shown(lang)));
            match likely_source {
                Some(s) => Status::error(
                    ids::NOTE_ORPHAN_LIKELY,
                    vec![("path", path(p)), lang, ("source", path(s))],
                ),
                None => Status::error(ids::NOTE_ORPHAN, vec![("path", path(p)), lang]),
            }
        }
        StaleNote::UnknownRule {
            path: p,
            line,
            name,
        } => {
            let rules: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
            Status::error(
                ids::NOTE_UNKNOWN_RULE,
                vec![
                    ("path", path(p)),
                    ("line", StatusArg::Str(line.to_string())),
                    ("name", StatusArg::Str(crate::tui::layout::shown(name))),
                    ("rules", StatusArg::Str(rules.join(", "))),
                ],
            )
        }
    }
}

/// Sorts documents by the work they need (most first), then by path; with
/// a `focus` language, by the work in that language first.
pub fn sort_groups(groups: &mut [DocGroup], focus: Option<&str>) {
    groups.sort_by(|a, b| {
        let key = |g: &DocGroup| {
            let focused = |l: &&LangDoc| focus.is_some_and(|f| l.lang == f);
            let work = |l: &LangDoc| (l.counts.needs_work(), l.counts.to_check());
            let (f_needs, f_check) = g
                .langs
                .iter()
                .filter(focused)
                .map(work)
                .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
            let needs: usize = g.langs.iter().map(|l| l.counts.needs_work()).sum();
            let check: usize = g.langs.iter().map(|l| l.counts.to_check()).sum();
            (
                std::cmp::Reverse(f_needs),
                std::cmp::Reverse(f_check),
                std::cmp::Reverse(needs),
                std::cmp::Reverse(check),
            )
        };
        key(a).cmp(&key(b)).then(a.source.path.cmp(&b.source.path))
    });
}

/// Groups staleness reports by English page, languages sorted.
pub fn group_docs(docs: Vec<StaleDoc>) -> Vec<DocGroup> {
    let mut by_source: BTreeMap<PathBuf, (Page, Vec<LangDoc>)> = BTreeMap::new();
    for doc in docs {
        let report = crate::workspace::report(&doc).report;
        let mut row_findings = vec![Vec::new(); doc.alignment.rows.len()];
        for (f, row) in report.findings.iter().zip(&report.finding_rows) {
            if let Some(rules) = row.and_then(|k| row_findings.get_mut(k))
                && !rules.contains(&f.rule)
            {
                rules.push(f.rule);
            }
        }
        let StaleDoc {
            source,
            target,
            lang,
            alignment,
            labels,
            dismissed: _,
            site: _,
            moved,
        } = doc;
        let mut lang_doc = LangDoc::new(&source, target, lang, alignment, labels);
        lang_doc.row_findings = row_findings;
        lang_doc.moved = moved;
        by_source
            .entry(source.path.clone())
            .or_insert_with(|| (Page::clone(&source), Vec::new()))
            .1
            .push(lang_doc);
    }
    by_source
        .into_values()
        .map(|(source, mut langs)| {
            langs.sort_by(|a, b| a.lang.cmp(&b.lang));
            DocGroup::new(source, langs)
        })
        .collect()
}

impl LangDoc {
    /// Indexes a translation's labels and counts its states.
    pub fn new(
        source: &Page,
        target: Page,
        lang: String,
        alignment: Alignment,
        labels: Vec<Labelled>,
    ) -> LangDoc {
        let n_source = source.document.segments.len();
        let mut source_label = vec![None; n_source];
        let mut removed_label = vec![None; target.document.segments.len()];
        let counts = crate::report::counts(&source.document, &labels);
        for (k, label) in labels.iter().enumerate() {
            match label.source {
                Some(i) if i < n_source => source_label[i] = Some(k),
                Some(_) => {}
                None => {
                    for j in label.target.clone() {
                        if let Some(slot) = removed_label.get_mut(j) {
                            *slot = Some(k);
                        }
                    }
                }
            }
        }
        LangDoc {
            lang,
            target,
            alignment,
            labels,
            source_label,
            removed_label,
            counts,
            row_findings: Vec::new(),
            moved: Vec::new(),
        }
    }

    /// Returns the state of an English segment.
    pub fn source_state(&self, i: usize) -> State {
        self.source_label
            .get(i)
            .copied()
            .flatten()
            .map_or(State::UpToDate, |k| self.labels[k].state)
    }

    /// Returns the label of an English segment.
    pub fn label_of_source(&self, i: usize) -> Option<&Labelled> {
        self.source_label
            .get(i)
            .copied()
            .flatten()
            .map(|k| &self.labels[k])
    }
}

impl DocGroup {
    /// Merges the translations' alignments into display rows.
    pub fn new(source: Page, langs: Vec<LangDoc>) -> DocGroup {
        let title = source
            .document
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::FrontMatter && s.key.as_deref() == Some("title"))
            .map(|s| s.text.clone())
            .unwrap_or_else(|| {
                source
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
        let alignments: Vec<&Alignment> = langs.iter().map(|l| &l.alignment).collect();
        let merged = merge_rows(source.document.segments.len(), &alignments);
        let rows = merged
            .into_iter()
            .map(|(src, row_ranges)| display_row(&source, &langs, src, row_ranges))
            .collect();
        DocGroup {
            source,
            title,
            langs,
            rows,
        }
    }

    /// Returns the file name of the English page.
    pub fn name(&self) -> String {
        self.source
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

fn display_row(
    source: &Page,
    langs: &[LangDoc],
    src: Range<usize>,
    row_ranges: Vec<Range<usize>>,
) -> DisplayRow {
    let mut haystack = String::new();
    for i in src.clone() {
        haystack.push_str(&source.document.segments[i].text.to_lowercase());
        haystack.push('\n');
    }
    let cells = langs
        .iter()
        .zip(row_ranges)
        .map(|(doc, rows)| {
            let target = target_range(&doc.alignment, &rows);
            let mut state = State::UpToDate;
            let mut worse = |s: State| {
                if severity(s) > severity(state) {
                    state = s;
                }
            };
            for i in src.clone() {
                worse(doc.source_state(i));
            }
            for j in target.clone() {
                if let Some(k) = doc.removed_label.get(j).copied().flatten() {
                    worse(doc.labels[k].state);
                }
                if let Some(seg) = doc.target.document.segments.get(j) {
                    haystack.push_str(&seg.text.to_lowercase());
                    haystack.push('\n');
                }
            }
            let unsure = doc.alignment.rows[rows.clone()]
                .iter()
                .any(|r| r.needs_review());
            let findings = rows
                .clone()
                .any(|k| doc.row_findings.get(k).is_some_and(|f| !f.is_empty()));
            Cell {
                target,
                rows,
                state,
                unsure,
                findings,
            }
        })
        .collect();
    let heading = source
        .document
        .segments
        .get(src.start)
        .is_some_and(|s| s.kind == SegmentKind::Heading && !src.is_empty());
    DisplayRow {
        source: src,
        cells,
        heading,
        haystack,
    }
}

/// Returns how urgent a state is: the cell of several segments shows the
/// most urgent one.
pub fn severity(state: State) -> u8 {
    match state {
        State::UpToDate => 0,
        State::AlreadyUpdated => 1,
        State::Cosmetic => 2,
        State::LinkOnly => 3,
        State::Removed => 4,
        State::Untranslated => 5,
        State::Missing => 6,
        State::Stale => 7,
    }
}

/// Returns the target segments of a run of alignment rows.
fn target_range(alignment: &Alignment, rows: &Range<usize>) -> Range<usize> {
    let start = rows
        .clone()
        .next()
        .map(|r| alignment.rows[r].target.start)
        .or_else(|| {
            alignment.rows[..rows.start]
                .iter()
                .next_back()
                .map(|r| r.target.end)
        })
        .unwrap_or(0);
    let end = rows
        .clone()
        .map(|r| alignment.rows[r].target.end)
        .max()
        .unwrap_or(start);
    start..end.max(start)
}

/// Merges the alignments of several translations of one English page.
///
/// Returns rows of English segments with, per translation, the alignment
/// rows on them. A display row ends only where every translation's rows end,
/// so a 2-1 row in French makes the Italian 1-1 rows beside it share one
/// line. Translated segments with no English get a row of their own when
/// they fall between display rows.
pub fn merge_rows(
    n_source: usize,
    alignments: &[&Alignment],
) -> Vec<(Range<usize>, Vec<Range<usize>>)> {
    let mut out = Vec::new();
    let mut ptr = vec![0usize; alignments.len()];
    let mut s = 0;
    loop {
        // Rows with no English at this point.
        let starts = ptr.clone();
        for (l, a) in alignments.iter().enumerate() {
            while ptr[l] < a.rows.len() && a.rows[ptr[l]].source.is_empty() {
                ptr[l] += 1;
            }
        }
        if ptr != starts {
            out.push((s..s, starts.iter().zip(&ptr).map(|(a, b)| *a..*b).collect()));
        }
        if s >= n_source {
            break;
        }
        let starts = ptr.clone();
        let mut end = s + 1;
        loop {
            let mut progressed = false;
            for (l, a) in alignments.iter().enumerate() {
                loop {
                    let mut k = ptr[l];
                    while k < a.rows.len() && a.rows[k].source.is_empty() {
                        k += 1;
                    }
                    match a.rows.get(k) {
                        Some(row) if row.source.start < end => {
                            end = end.max(row.source.end).min(n_source.max(s + 1));
                            ptr[l] = k + 1;
                            progressed = true;
                        }
                        _ => break,
                    }
                }
            }
            if !progressed {
                break;
            }
        }
        out.push((
            s..end,
            starts.iter().zip(&ptr).map(|(a, b)| *a..*b).collect(),
        ));
        s = end;
    }
    out
}
