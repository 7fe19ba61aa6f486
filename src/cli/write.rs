//! `trame write` and `trame sync`: writing localized files (issue 6).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::Localizer;

/// Message ids used by this module.
pub const IDS: &[&str] = &[];

/// Runs `trame write`.
pub fn write(
    source: &Path,
    lang: &str,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let _ = (source, lang, dry_run, l10n, out);
    anyhow::bail!("trame write is not available yet")
}

/// Runs `trame sync`.
pub fn sync(
    paths: &[PathBuf],
    lang: Option<&str>,
    dry_run: bool,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let _ = (paths, lang, dry_run, l10n, out);
    anyhow::bail!("trame sync is not available yet")
}
