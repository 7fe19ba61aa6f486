//! `trame completions SHELL` and `trame man`: the shell completion script
//! (clap_complete) and the manual page (clap_mangen, roff), both generated
//! from the clap types, so they list exactly the commands and options the
//! binary parses. Printed on standard output for the user or a package to
//! install; their text is English (roff and shell syntax, no Fluent).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, ValueEnum};

use crate::cli::Cli;
use crate::i18n::Localizer;

/// The shells `trame completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash: `trame completions bash > ~/.local/share/bash-completion/completions/trame`.
    Bash,
    /// Zsh: `trame completions zsh > "${fpath[1]}/_trame"`.
    Zsh,
    /// Fish: `trame completions fish > ~/.config/fish/completions/trame.fish`.
    Fish,
}

/// Runs `trame completions SHELL`.
pub(crate) fn completions(
    shell: Shell,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut command, "trame", &mut script);
    out.write_all(&script)
        .with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `trame man`: the manual page in roff (`trame man > trame.1`, or
/// `trame man | man -l -`), listing the commands with what they do.
pub(crate) fn man(l10n: &Localizer, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .and_then(|()| out.write_all(&page))
        .with_context(|| l10n.tr(crate::i18n::ids::ERROR_WRITE_OUTPUT))?;
    Ok(ExitCode::SUCCESS)
}
