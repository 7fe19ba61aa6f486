//! Drawing: `view(model, l10n, frame)` only reads the model.
//!
//! One file per screen (`dashboard`, `document`, `edit`), the status and
//! message lines (`status`) and the windows drawn over them (`overlay`).
//! Every text from content files has gone through `layout::sanitize` or
//! `layout::flatten` before it is put in the frame.

mod dashboard;
mod document;
mod edit;
mod overlay;
mod status;

use ratatui::Frame;

use crate::i18n::{Arg, Localizer};
use crate::tui::ids;
use crate::tui::layout;
use crate::tui::model::{Model, Overlay, Screen, Status, StatusArg};

/// Draws the whole interface.
pub fn view(model: &Model, l10n: &Localizer, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout::areas((area.width, area.height));
    match model.screen {
        Screen::Dashboard => dashboard::draw(model, l10n, frame, &areas),
        Screen::Document => document::draw(model, l10n, frame, &areas),
        Screen::Edit => edit::draw(model, l10n, frame, &areas),
    }
    status::draw(model, l10n, frame, &areas);
    match model.overlay {
        Some(Overlay::Help { scroll }) => overlay::help(l10n, frame, scroll),
        Some(Overlay::ConfirmQuit) => overlay::confirm_quit(model, l10n, frame),
        Some(Overlay::ConfirmDrop) => overlay::confirm_drop(l10n, frame),
        None => {}
    }
}

/// Returns the display name of a language code in the UI language.
pub fn lang_name(l10n: &Localizer, code: &str) -> String {
    match code {
        "en" => l10n.tr(ids::LANG_EN),
        "fr" => l10n.tr(ids::LANG_FR),
        "it" => l10n.tr(ids::LANG_IT),
        other => layout::shown(&other.to_uppercase()),
    }
}

/// Returns a status message in the UI language.
pub fn status_text(l10n: &Localizer, status: &Status) -> String {
    let names: Vec<Option<String>> = status
        .args
        .iter()
        .map(|(_, value)| match value {
            StatusArg::Lang(code) => Some(lang_name(l10n, code)),
            _ => None,
        })
        .collect();
    let args: Vec<(&str, Arg<'_>)> = status
        .args
        .iter()
        .zip(&names)
        .map(|((name, value), lang)| {
            let arg = match (value, lang) {
                (_, Some(lang)) => Arg::Str(lang),
                (StatusArg::Str(s), None) => Arg::Str(s),
                (StatusArg::Num(n), None) => Arg::Num(*n),
                (StatusArg::Lang(code), None) => Arg::Str(code),
            };
            (*name, arg)
        })
        .collect();
    l10n.tr_args(status.id, &args)
}

/// Returns a percentage in the UI language's typography.
pub fn percent(l10n: &Localizer, value: usize) -> String {
    l10n.tr_args(ids::PERCENT, &[("value", Arg::Num(value as f64))])
}
