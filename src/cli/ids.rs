//! Every message id the command line's own files use (those of the shared
//! bundle are in [`crate::i18n::ids`]), gathered so a test can check that each
//! exists in every language.

/// The ids of every command file, and of the helpers they share.
pub fn all() -> Vec<&'static str> {
    [
        super::output::IDS,
        super::scan::IDS,
        super::status::IDS,
        super::html::IDS,
        super::check::IDS,
        super::write::IDS,
        super::sync::IDS,
        &[super::ERROR_LANG_BEFORE_COMMAND],
        super::exchange::IDS,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_cli_id_exists_in_every_language() {
        let missing = crate::i18n::missing_ids(&super::all());
        assert!(
            missing.is_empty(),
            "cli ids not in every bundle: {missing:?}"
        );
    }
}
