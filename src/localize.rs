//! Writing localized Markdown: edits change only the edited bytes.
//!
//! Pure: no I/O. (Being written; see issue 6.)
