//! Integration tests: one binary, modules in reading order.

// Test helpers panic on broken fixtures and report skipped cases on stderr.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod support;

mod align_cli;
mod align_gold;
mod check_sample;
mod completions_cli;
mod corpus_round_trip;
mod dismiss;
mod exchange_cli;

mod github_cli;
mod hostile_repo;
mod hostile_text;
mod interface_language;
mod localize_golden;
mod plurals_cli;
mod project;
mod realign;
mod report_cli;
mod safety;
mod segments_cli;
mod stale_gold;
mod stale_repo;
mod status_html;
mod tidy;
mod tui_e2e;
mod write_cli;
