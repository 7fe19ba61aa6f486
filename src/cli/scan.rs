//! What `trame status` and `trame check` (and `stale`, `review`, `sync` and
//! the interface) share: finding and reading `trame.toml`, the content paths,
//! and the staleness and report of every translation under them.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::output::{Progress, explain_stale, warn_notes};
use crate::config::Config;
use crate::i18n::{Arg, Localizer};
use crate::report::DocReport;
use crate::workspace::{self, StaleDoc};

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[SCANNING, ERROR_CONFIG];
const SCANNING: &str = "scanning";
const ERROR_CONFIG: &str = "error-config";

/// A translation with its report.
pub(crate) struct Scanned {
    pub(crate) doc: StaleDoc,
    pub(crate) report: DocReport,
}

/// Loads `trame.toml`, scans the content and reports every translation.
pub(crate) fn scan(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
) -> anyhow::Result<(Config, Vec<Scanned>)> {
    let (config, docs, notes) = configured_staleness(paths, lang, l10n)?;
    warn_notes(&notes, l10n);
    let scanned = docs
        .into_iter()
        .map(|doc| {
            let report = crate::report::report(
                &doc.source.document,
                &doc.source.text,
                &doc.target.document,
                &doc.target.text,
                &doc.target.diagnostics,
                &doc.alignment,
                &doc.labels,
            );
            Scanned { doc, report }
        })
        .collect();
    Ok((config, scanned))
}

/// The staleness of the content as `trame.toml` describes it: its content
/// folder (unless paths are given), source language, layout, front matter
/// keys and languages. A progress note shows on a terminal after half a
/// second.
pub(crate) fn configured_staleness(
    paths: &[PathBuf],
    lang: Option<&str>,
    l10n: &Localizer,
) -> anyhow::Result<(Config, Vec<StaleDoc>, Vec<workspace::StaleNote>)> {
    let (config, config_dir) = load_config(l10n)?;
    let paths: Vec<PathBuf> = match (&config.content, config_dir, paths.is_empty()) {
        (Some(content), Some(dir), true) => vec![from_here(&dir).join(content)],
        _ => content_paths(paths),
    };
    let segment_config = crate::segment::Config {
        front_matter_keys: config.front_matter_keys.clone(),
        ..Default::default()
    };
    let progress = Progress::start(l10n.tr(SCANNING));
    let result = workspace::staleness_from(
        &paths,
        lang,
        &segment_config,
        &config.source_language,
        config.layout,
    );
    drop(progress);
    let (mut docs, notes) = result.map_err(|e| explain_stale(e, l10n))?;
    docs.retain(|d| config.languages.is_empty() || config.languages.contains(&d.lang));
    Ok((config, docs, notes))
}

/// Returns `dir`, an ancestor of the current directory, as a relative path
/// (`.`, `..`, ...), so reports name files as the user would.
pub(crate) fn from_here(dir: &Path) -> PathBuf {
    let depth = std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.strip_prefix(dir).ok().map(|r| r.components().count()));
    match depth {
        Some(0) => PathBuf::new(),
        Some(n) => std::iter::repeat_n("..", n).collect(),
        None => dir.to_owned(),
    }
}

/// Finds `trame.toml` in the current directory or its parents up to the
/// repository root, and parses it; none found means the defaults.
pub(crate) fn load_config(l10n: &Localizer) -> anyhow::Result<(Config, Option<PathBuf>)> {
    let mut dir = std::env::current_dir().ok();
    while let Some(d) = dir {
        let file = d.join("trame.toml");
        if file.is_file() {
            let text = std::fs::read_to_string(&file).with_context(|| {
                l10n.tr_args(
                    crate::i18n::ids::ERROR_READ,
                    &[("path", Arg::Str("trame.toml"))],
                )
            })?;
            let config = crate::config::parse(Path::new("trame.toml"), &text).map_err(|e| {
                anyhow::anyhow!(
                    "{}",
                    l10n.tr_args(ERROR_CONFIG, &[("detail", Arg::Str(&e.to_string()))])
                )
            })?;
            return Ok((config, Some(d)));
        }
        if d.join(".git").exists() {
            break;
        }
        dir = d.parent().map(Path::to_owned);
    }
    Ok((Config::default(), None))
}

/// Returns the given paths, or the content folder: `issues/` or `content/`
/// in the current directory, else the current directory.
pub(crate) fn content_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths.to_vec();
    }
    for dir in ["issues", "content"] {
        if std::path::Path::new(dir).is_dir() {
            return vec![PathBuf::from(dir)];
        }
    }
    vec![PathBuf::from(".")]
}
