//! The translator's terminal interface (issue 8).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::Localizer;

/// Message ids used by the interface.
pub const IDS: &[&str] = &[];

/// Opens the interface on a content folder.
pub fn run(path: Option<PathBuf>, l10n: &Localizer) -> anyhow::Result<ExitCode> {
    let _ = (path, l10n);
    anyhow::bail!("the terminal interface is not available yet")
}
