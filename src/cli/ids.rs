//! Every message id the command line's own files use (those of the shared
//! bundle are in [`crate::i18n::ids`]), gathered so a test can check that each
//! exists in every language.

/// The ids of every command file, and of the helpers they share.
pub fn all() -> Vec<&'static str> {
    [
        super::output::IDS,
        super::scan::IDS,
        super::status::IDS,
        super::check::IDS,
        super::write::IDS,
        super::sync::IDS,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn every_cli_id_exists_in_every_language() {
        let missing = crate::i18n::missing_ids(&super::all());
        assert!(
            missing.is_empty(),
            "cli ids not in every bundle: {missing:?}"
        );
    }

    /// The command line is the outermost front end (it opens the interface),
    /// so it is the one place that sees every list of ids.
    #[test]
    fn every_english_id_is_used_by_the_program() {
        let used: BTreeSet<String> = [crate::i18n::ids::ALL, &super::all(), crate::tui::IDS]
            .concat()
            .iter()
            .map(|s| s.to_string())
            .collect();
        let en = crate::i18n::english_ids();
        let unused: Vec<_> = en.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "ids in en listed by no module (i18n::ids::ALL, cli::ids, tui::IDS): {unused:?}"
        );
    }
}
