//! Exchange with translators' tools: XLIFF 1.2, PO and TMX 1.4b.
//!
//! Pure: no I/O. The workspace builds [`Exchange`]s from staleness labels
//! and writes the files; this module only turns units into text and text
//! back into [`Returned`] units. Every format is English and stable.
//!
//! A unit is one alignment row of a page: its English (`source`), its
//! translation (`target`), its [`Status`], trame's label and, for a changed
//! English, the English at the translation's base. Its id is the page path
//! and the fingerprint of the row's English (`issues/a.md#0123abcd…`, with
//! `~2` for a second row of the same English), so an import finds the row
//! again and refuses a unit whose English changed since the export.
//!
//! Inline code, link syntax, shortcodes and HTML tags are protected
//! ([`inline::pieces`]): XLIFF and TMX carry them as `<ph>` elements; an
//! imported translation must keep them ([`inline::check_codes`]).

pub mod inline;
pub mod po;
#[cfg(test)]
mod tests;
pub mod tmx;
pub mod xliff;

/// Where a unit stands, as XLIFF 1.2 `state` values say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No translation yet (missing, untranslated).
    NeedsTranslation,
    /// The English changed in meaning: the translation must be revised.
    NeedsReview,
    /// Translated, for the current English.
    Translated,
    /// Translated and signed off (a reviewer's word, from a tool).
    Final,
}

impl Status {
    /// The XLIFF 1.2 `state` attribute.
    pub fn as_xliff(self) -> &'static str {
        match self {
            Status::NeedsTranslation => "needs-translation",
            Status::NeedsReview => "needs-review-translation",
            Status::Translated => "translated",
            Status::Final => "final",
        }
    }

    /// Reads an XLIFF 1.2 `state`; the states tools write for work still to
    /// do count as needing review, the others as translated or final.
    pub fn from_xliff(state: &str) -> Status {
        match state {
            "final" | "signed-off" => Status::Final,
            "translated" => Status::Translated,
            "new" | "needs-translation" => Status::NeedsTranslation,
            _ => Status::NeedsReview,
        }
    }

    /// Whether a tool marked the unit done (not fuzzy, not to review).
    pub fn is_done(self) -> bool {
        matches!(self, Status::Translated | Status::Final)
    }
}

/// One unit to translate or review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `page#fingerprint` (see the module documentation).
    pub id: String,
    /// The current English (the row's segments as a translator edits them,
    /// separated by a blank line).
    pub source: String,
    /// The current translation, if any.
    pub target: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// trame's labels of the row's English segments (`stale`, `missing`...).
    pub label: String,
    /// The English the translation was made from, when it changed since.
    pub base: Option<String>,
    /// The word diff from the base English to the current one
    /// (`[-old-]{+new+}`), when it changed.
    pub diff: Option<String>,
    /// The heading of the English section the unit is in.
    pub section: Option<String>,
    /// The English line where the unit starts.
    pub line: u32,
    /// The English segments just before and after the unit, for context.
    pub neighbours: (Option<String>, Option<String>),
    /// The segment kind (`paragraph`, `heading`...).
    pub kind: String,
}

/// The units of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The English page, relative to the repository root, `/`-separated.
    pub path: String,
    /// Its units, in page order.
    pub units: Vec<Unit>,
}

/// Everything one export carries: one translation language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The English's language tag.
    pub source_lang: String,
    /// The translation's language tag.
    pub target_lang: String,
    /// trame's version, written in the file's header.
    pub tool_version: String,
    /// The pages, in path order.
    pub pages: Vec<Page>,
}

/// A unit read back from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// The unit's id, as exported.
    pub id: String,
    /// The English the file carries (to name the unit in messages).
    pub source: String,
    /// The translation, Markdown with its inline codes put back; `None`
    /// when the unit has no translation or an empty one.
    pub target: Option<String>,
    /// Whether the tool marked it done (XLIFF `translated`/`final`, PO not fuzzy).
    pub done: bool,
    /// Why the translation cannot be taken, when its inline codes were
    /// broken in the file.
    pub broken: Option<inline::Broken>,
}

/// A file read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returns {
    /// The translation's language, from the file.
    pub target_lang: String,
    /// Its units, in file order.
    pub units: Vec<Returned>,
}

/// Why a file cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Not well-formed XML, or not XLIFF.
    #[error("not a valid XLIFF file: {0}")]
    Xliff(String),
    /// Not a valid PO file.
    #[error("not a valid PO file, line {line}: {message}")]
    Po { line: usize, message: String },
    /// The file names no target language.
    #[error("the file names no target language")]
    NoLanguage,
}

/// The formats a file can be read from: XLIFF when it opens like XML,
/// else PO.
pub fn read(text: &str) -> Result<Returns, ReadError> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        xliff::read(text)
    } else {
        po::read(text)
    }
}

/// Splits a unit id into its page and its fingerprint part.
pub fn split_id(id: &str) -> Option<(&str, &str)> {
    id.rsplit_once('#')
}

/// Replaces the characters XML 1.0 cannot hold (C0 controls but tab, line
/// feed and carriage return; U+FFFE and U+FFFF) by U+FFFD.
pub(crate) fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.chars().any(bad) {
        text.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Escapes text for XML content or a double-quoted attribute: `&`, `<`,
/// `>`, `"`, and carriage returns as `&#13;` so that no parser turns a CRLF
/// into a line feed.
pub(crate) fn xml_escape(text: &str) -> String {
    let text = xml_chars(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}
