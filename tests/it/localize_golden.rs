//! Golden tests of the localized writer (being written; see issue 6).
