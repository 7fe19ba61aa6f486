//! Writing localized Markdown: every change touches only the bytes it must.
//!
//! Pure: no I/O. Functions take the file text with its [`Document`] (and an
//! [`Alignment`] where positions matter) and return new text or edits.
//!
//! Invariants:
//! - Bytes outside the edited segments are never changed: applying no edits,
//!   or edits that give a segment its current value, returns the input, and
//!   [`create`] with an identity translation reproduces the source.
//! - Line endings follow the file (a CRLF file gets CRLF in new lines); a
//!   value inside quotes (front matter, shortcode parameter) is escaped for
//!   its quoting, so the result parses to the translated value.
//! - A filled segment re-segments as a segment of the same kind.
//!
//! Reading order: [`apply_edits`] and [`create`] (`edit`), [`fill()`] (`fill`),
//! [`carry()`] (`carry`), anchors and link prefixes (`links`), then the
//! [`TranslationMemory`] (`memory`). `quote` knows how a value is written in
//! its context; `lines` holds the line arithmetic they share.
//!
//! [`Document`]: crate::segment::Document
//! [`Alignment`]: crate::align::Alignment

mod carry;
mod edit;
mod fill;
mod lines;
mod links;
mod memory;
mod quote;
#[cfg(test)]
mod tests;

pub use carry::{Carry, CarryIssue, InvariantKind, carry};
pub use edit::{Created, Edit, apply_edits, create, segment_value};
pub use fill::{fill, heading_translated};
pub use links::{LinkRule, broken_anchors, localize_anchors, localize_link_prefix};
pub use memory::{Suggestion, TranslationMemory};

/// Why a localization request was refused; the text is then left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalizeError {
    /// The document was not segmented from this text (lengths or segment bytes differ).
    #[error("the {side} document does not match its text; segment it again")]
    DocumentMismatch {
        /// Which document: `source` or `target`.
        side: &'static str,
    },
    /// An edit or a fill names a segment that does not exist.
    #[error("segment {segment} does not exist (the document has {n_segments})")]
    NoSuchSegment {
        /// The index asked for.
        segment: usize,
        /// How many segments the document has.
        n_segments: usize,
    },
    /// Two edits change the same segment.
    #[error("segment {segment} is edited twice")]
    DuplicateEdit {
        /// The segment edited twice.
        segment: usize,
    },
    /// Two edits would rewrite overlapping bytes (their quotes included).
    #[error("the edits of segments {first} and {second} overlap")]
    OverlappingEdits {
        /// The earlier segment.
        first: usize,
        /// The later segment.
        second: usize,
    },
    /// The alignment names segments that the documents do not have.
    #[error("the alignment does not belong to these documents")]
    AlignmentMismatch,
    /// The source segment is in no row of the alignment.
    #[error("source segment {segment} is not in the alignment")]
    NotAligned {
        /// The source segment.
        segment: usize,
    },
    /// The source segment already has a translation; edit that instead.
    #[error("source segment {segment} already has a translation")]
    AlreadyTranslated {
        /// The source segment.
        segment: usize,
    },
    /// The target's front matter is opened but never closed.
    #[error("the target's front matter is not closed")]
    UnclosedFrontMatter,
}
