//! `trame status` and `trame check`: coverage and the CI gate (issue 7).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{CheckFormat, Format};
use crate::i18n::Localizer;

/// Message ids used by this module.
pub const IDS: &[&str] = &[];

/// Runs `trame status`.
pub fn status(
    paths: &[PathBuf],
    lang: Option<&str>,
    sections: bool,
    format: Format,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let _ = (paths, lang, sections, format, l10n, out);
    anyhow::bail!("trame status is not available yet")
}

/// Runs `trame check`.
pub fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let _ = (paths, format, l10n, out);
    anyhow::bail!("trame check is not available yet")
}
