//! Message ids of the terminal interface, all in `locales/*/tui.ftl`.
//!
//! The state names (`state-stale`, ...) and the workspace notes come from
//! `trame.ftl` through [`crate::i18n::ids`]; everything else the interface
//! shows is listed here, so the i18n test can check every id exists.

/// Every id below.
pub(crate) const ALL: &[&str] = &[
    TITLE,
    DASHBOARD_NEW,
    DASHBOARD_NO_MATCH,
    CREATED,
    CREATE_FAILED,
    SEARCH_PROMPT_PAGES,
    HELP_EDITOR_SELECT_ALL,
    NOTHING_TO_DO_ANY,
    SAVED_REVIEWED,
    EDIT_DISCARDED,
    CONFIRM_DROP,
    CONFIRM_DROP_KEYS,
    WORKING_IN,
    REMEMBER_FAILED,
    HELP_SWITCH_LANGUAGE,
    DASHBOARD_EMPTY,
    DASHBOARD_PROBLEMS,
    LOADING,
    LOAD_FAILED,
    LANG_EN,
    LANG_FR,
    LANG_IT,
    COUNT_TRANSLATED,
    COUNT_STALE,
    COUNT_MISSING,
    COUNT_UNTRANSLATED,
    COUNT_LINK_ONLY,
    COUNT_COSMETIC,
    COUNT_REMOVED,
    PERCENT,
    MISSING_PLACEHOLDER,
    NO_ROWS,
    STATUS_POSITION,
    STATUS_UNSAVED,
    STATUS_FILTER,
    STATUS_SEARCH,
    FILTER_ALL,
    FILTER_ATTENTION,
    SEARCH_PROMPT,
    HINTS_DASHBOARD,
    HINTS_DOCUMENT,
    HINTS_EDIT,
    HINTS_SEARCH,
    EDIT_TITLE,
    EDIT_ENGLISH,
    EDIT_DIFF,
    SUGGESTIONS,
    SUGGESTIONS_NONE,
    SAVED,
    SAVE_CHANGED_ON_DISK,
    SAVE_FAILED,
    SAVE_NOTHING,
    RELOAD_FAILED,
    REVIEWED,
    REVIEW_UNCHANGED,
    REVIEW_FAILED,
    REVIEW_PENDING,
    REVIEW_NOTHING,
    DISMISSED,
    DISMISS_UNCHANGED,
    DISMISS_FAILED,
    DISMISS_PENDING,
    DISMISS_NOTHING,
    CARRIED,
    CARRY_NOTHING,
    CARRY_AMBIGUOUS,
    CARRY_PENDING,
    REALIGNED,
    REALIGN_UNCHANGED,
    REALIGN_FAILED,
    REALIGN_PENDING,
    REALIGN_NO_ROW,
    REALIGN_NO_NEXT,
    REALIGN_NOTHING_TO_SPLIT,
    REALIGN_NO_TARGET,
    REALIGN_NEXT_NO_TARGET,
    EDIT_KEPT,
    EDIT_UNCHANGED,
    EDIT_SPLIT_MISMATCH,
    EDIT_CANNOT_FILL,
    EDIT_DROPPED,
    EDIT_NONE_PENDING,
    WRAPPED,
    NOTHING_TO_DO,
    CONFIRM_QUIT,
    CONFIRM_QUIT_KEYS,
    HELP_TITLE,
    HELP_MOVE,
    HELP_LANGUAGE,
    HELP_PAGE,
    HELP_FIRST_LAST,
    HELP_NEXT,
    HELP_FILTER,
    HELP_SEARCH,
    HELP_OPEN,
    HELP_EDIT,
    HELP_DROP,
    HELP_SAVE,
    HELP_REVIEW,
    HELP_DISMISS,
    HELP_CARRY,
    HELP_JOIN,
    HELP_SPLIT,
    HELP_SHIFT,
    HELP_BACK,
    HELP_HELP,
    HELP_QUIT,
    HELP_MOUSE,
    HELP_EDITOR,
    HELP_EDITOR_KEEP,
    HELP_EDITOR_SAVE,
    HELP_EDITOR_SUGGEST,
    HELP_EDITOR_UNDO,
    HELP_EDITOR_SELECT,
    HELP_EDITOR_CLIPBOARD,
    HELP_LEGEND,
    LEGEND_EDITED,
    LEGEND_UNSURE,
    LEGEND_FINDING,
    ERROR_OPEN,
    ERROR_TERMINAL,
];

pub(crate) const TITLE: &str = "tui-title";
pub(crate) const DASHBOARD_NEW: &str = "tui-dashboard-new";
pub(crate) const DASHBOARD_NO_MATCH: &str = "tui-dashboard-no-match";
pub(crate) const CREATED: &str = "tui-created";
pub(crate) const CREATE_FAILED: &str = "tui-create-failed";
pub(crate) const SEARCH_PROMPT_PAGES: &str = "tui-search-prompt-pages";
pub(crate) const HELP_EDITOR_SELECT_ALL: &str = "tui-help-editor-select-all";
pub(crate) const NOTHING_TO_DO_ANY: &str = "tui-nothing-to-do-any";
pub(crate) const SAVED_REVIEWED: &str = "tui-saved-reviewed";
pub(crate) const EDIT_DISCARDED: &str = "tui-edit-discarded";
pub(crate) const CONFIRM_DROP: &str = "tui-confirm-drop";
pub(crate) const CONFIRM_DROP_KEYS: &str = "tui-confirm-drop-keys";
pub(crate) const WORKING_IN: &str = "tui-working-in";
pub(crate) const REMEMBER_FAILED: &str = "tui-remember-failed";
pub(crate) const HELP_SWITCH_LANGUAGE: &str = "tui-help-switch-language";
pub(crate) const DASHBOARD_EMPTY: &str = "tui-dashboard-empty";
pub(crate) const DASHBOARD_PROBLEMS: &str = "tui-dashboard-problems";
pub(crate) const LOADING: &str = "tui-loading";
pub(crate) const LOAD_FAILED: &str = "tui-load-failed";
pub(crate) const LANG_EN: &str = "tui-lang-en";
pub(crate) const LANG_FR: &str = "tui-lang-fr";
pub(crate) const LANG_IT: &str = "tui-lang-it";
pub(crate) const COUNT_TRANSLATED: &str = "tui-count-translated";
pub(crate) const COUNT_STALE: &str = "tui-count-stale";
pub(crate) const COUNT_MISSING: &str = "tui-count-missing";
pub(crate) const COUNT_UNTRANSLATED: &str = "tui-count-untranslated";
pub(crate) const COUNT_LINK_ONLY: &str = "tui-count-link-only";
pub(crate) const COUNT_COSMETIC: &str = "tui-count-cosmetic";
pub(crate) const COUNT_REMOVED: &str = "tui-count-removed";
pub(crate) const PERCENT: &str = "tui-percent";
pub(crate) const MISSING_PLACEHOLDER: &str = "tui-missing-placeholder";
pub(crate) const NO_ROWS: &str = "tui-no-rows";
pub(crate) const STATUS_POSITION: &str = "tui-status-position";
pub(crate) const STATUS_UNSAVED: &str = "tui-status-unsaved";
pub(crate) const STATUS_FILTER: &str = "tui-status-filter";
pub(crate) const STATUS_SEARCH: &str = "tui-status-search";
pub(crate) const FILTER_ALL: &str = "tui-filter-all";
pub(crate) const FILTER_ATTENTION: &str = "tui-filter-attention";
pub(crate) const SEARCH_PROMPT: &str = "tui-search-prompt";
pub(crate) const HINTS_DASHBOARD: &str = "tui-hints-dashboard";
pub(crate) const HINTS_DOCUMENT: &str = "tui-hints-document";
pub(crate) const HINTS_EDIT: &str = "tui-hints-edit";
pub(crate) const HINTS_SEARCH: &str = "tui-hints-search";
pub(crate) const EDIT_TITLE: &str = "tui-edit-title";
pub(crate) const EDIT_ENGLISH: &str = "tui-edit-english";
pub(crate) const EDIT_DIFF: &str = "tui-edit-diff";
pub(crate) const SUGGESTIONS: &str = "tui-suggestions";
pub(crate) const SUGGESTIONS_NONE: &str = "tui-suggestions-none";
pub(crate) const SAVED: &str = "tui-saved";
pub(crate) const SAVE_CHANGED_ON_DISK: &str = "tui-save-changed-on-disk";
pub(crate) const SAVE_FAILED: &str = "tui-save-failed";
pub(crate) const SAVE_NOTHING: &str = "tui-save-nothing";
pub(crate) const RELOAD_FAILED: &str = "tui-reload-failed";
pub(crate) const REVIEWED: &str = "tui-reviewed";
pub(crate) const REVIEW_UNCHANGED: &str = "tui-review-unchanged";
pub(crate) const REVIEW_FAILED: &str = "tui-review-failed";
pub(crate) const REVIEW_PENDING: &str = "tui-review-pending";
pub(crate) const REVIEW_NOTHING: &str = "tui-review-nothing";
pub(crate) const DISMISSED: &str = "tui-dismissed";
pub(crate) const DISMISS_UNCHANGED: &str = "tui-dismiss-unchanged";
pub(crate) const DISMISS_FAILED: &str = "tui-dismiss-failed";
pub(crate) const DISMISS_PENDING: &str = "tui-dismiss-pending";
pub(crate) const DISMISS_NOTHING: &str = "tui-dismiss-nothing";
pub(crate) const CARRIED: &str = "tui-carried";
pub(crate) const CARRY_NOTHING: &str = "tui-carry-nothing";
pub(crate) const CARRY_AMBIGUOUS: &str = "tui-carry-ambiguous";
pub(crate) const CARRY_PENDING: &str = "tui-carry-pending";
pub(crate) const REALIGNED: &str = "tui-realigned";
pub(crate) const REALIGN_UNCHANGED: &str = "tui-realign-unchanged";
pub(crate) const REALIGN_FAILED: &str = "tui-realign-failed";
pub(crate) const REALIGN_PENDING: &str = "tui-realign-pending";
pub(crate) const REALIGN_NO_ROW: &str = "tui-realign-no-row";
pub(crate) const REALIGN_NO_NEXT: &str = "tui-realign-no-next";
pub(crate) const REALIGN_NOTHING_TO_SPLIT: &str = "tui-realign-nothing-to-split";
pub(crate) const REALIGN_NO_TARGET: &str = "tui-realign-no-target";
pub(crate) const REALIGN_NEXT_NO_TARGET: &str = "tui-realign-next-no-target";
pub(crate) const EDIT_KEPT: &str = "tui-edit-kept";
pub(crate) const EDIT_UNCHANGED: &str = "tui-edit-unchanged";
pub(crate) const EDIT_SPLIT_MISMATCH: &str = "tui-edit-split-mismatch";
pub(crate) const EDIT_CANNOT_FILL: &str = "tui-edit-cannot-fill";
pub(crate) const EDIT_DROPPED: &str = "tui-edit-dropped";
pub(crate) const EDIT_NONE_PENDING: &str = "tui-edit-none-pending";
pub(crate) const WRAPPED: &str = "tui-wrapped";
pub(crate) const NOTHING_TO_DO: &str = "tui-nothing-to-do";
pub(crate) const CONFIRM_QUIT: &str = "tui-confirm-quit";
pub(crate) const CONFIRM_QUIT_KEYS: &str = "tui-confirm-quit-keys";
pub(crate) const HELP_TITLE: &str = "tui-help-title";
pub(crate) const HELP_MOVE: &str = "tui-help-move";
pub(crate) const HELP_LANGUAGE: &str = "tui-help-language";
pub(crate) const HELP_PAGE: &str = "tui-help-page";
pub(crate) const HELP_FIRST_LAST: &str = "tui-help-first-last";
pub(crate) const HELP_NEXT: &str = "tui-help-next";
pub(crate) const HELP_FILTER: &str = "tui-help-filter";
pub(crate) const HELP_SEARCH: &str = "tui-help-search";
pub(crate) const HELP_OPEN: &str = "tui-help-open";
pub(crate) const HELP_EDIT: &str = "tui-help-edit";
pub(crate) const HELP_DROP: &str = "tui-help-drop";
pub(crate) const HELP_SAVE: &str = "tui-help-save";
pub(crate) const HELP_REVIEW: &str = "tui-help-review";
pub(crate) const HELP_DISMISS: &str = "tui-help-dismiss";
pub(crate) const HELP_CARRY: &str = "tui-help-carry";
pub(crate) const HELP_JOIN: &str = "tui-help-join";
pub(crate) const HELP_SPLIT: &str = "tui-help-split";
pub(crate) const HELP_SHIFT: &str = "tui-help-shift";
pub(crate) const HELP_BACK: &str = "tui-help-back";
pub(crate) const HELP_HELP: &str = "tui-help-help";
pub(crate) const HELP_QUIT: &str = "tui-help-quit";
pub(crate) const HELP_MOUSE: &str = "tui-help-mouse";
pub(crate) const HELP_EDITOR: &str = "tui-help-editor";
pub(crate) const HELP_EDITOR_KEEP: &str = "tui-help-editor-keep";
pub(crate) const HELP_EDITOR_SAVE: &str = "tui-help-editor-save";
pub(crate) const HELP_EDITOR_SUGGEST: &str = "tui-help-editor-suggest";
pub(crate) const HELP_EDITOR_UNDO: &str = "tui-help-editor-undo";
pub(crate) const HELP_EDITOR_SELECT: &str = "tui-help-editor-select";
pub(crate) const HELP_EDITOR_CLIPBOARD: &str = "tui-help-editor-clipboard";
pub(crate) const HELP_LEGEND: &str = "tui-help-legend";
pub(crate) const LEGEND_EDITED: &str = "tui-legend-edited";
pub(crate) const LEGEND_UNSURE: &str = "tui-legend-unsure";
pub(crate) const LEGEND_FINDING: &str = "tui-legend-finding";
pub(crate) const ERROR_OPEN: &str = "tui-error-open";
pub(crate) const ERROR_TERMINAL: &str = "tui-error-terminal";

#[cfg(test)]
mod tests {
    #[test]
    fn every_interface_id_exists_in_every_language() {
        let missing = crate::i18n::missing_ids(crate::tui::IDS);
        assert!(
            missing.is_empty(),
            "tui ids not in every bundle: {missing:?}"
        );
    }
}
