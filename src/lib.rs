//! trame: translate Markdown sites from the terminal.
//!
//! The pure core cuts pages into segments ([`segment`]); the front ends
//! ([`cli`]) read files and print. See `ARCHITECTURE.md` for the code map.

pub mod segment;

pub mod align;

pub mod stale;

pub mod report;

pub mod localize;

pub mod config;

pub mod exchange;

pub mod fs;

pub mod history;

pub mod store;

pub mod workspace;

pub mod i18n;

pub mod text;

pub mod tui;

pub mod cli;
