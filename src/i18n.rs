//! User-interface strings through Fluent, in English, French and Italian.
//!
//! The only module that knows fluent. The `.ftl` files are embedded; message
//! ids the code uses are the constants in [`ids`], so a test can check that
//! every one exists in every language. Isolation marks (U+2068/U+2069) are
//! turned off because terminals print them as junk.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

/// The embedded `.ftl` sources, by language: one file per area of the program.
pub const SOURCES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            include_str!("../locales/en/trame.ftl"),
            include_str!("../locales/en/write.ftl"),
            include_str!("../locales/en/report.ftl"),
            include_str!("../locales/en/tui.ftl"),
        ],
    ),
    (
        "fr",
        &[
            include_str!("../locales/fr/trame.ftl"),
            include_str!("../locales/fr/write.ftl"),
            include_str!("../locales/fr/report.ftl"),
            include_str!("../locales/fr/tui.ftl"),
        ],
    ),
    (
        "it",
        &[
            include_str!("../locales/it/trame.ftl"),
            include_str!("../locales/it/write.ftl"),
            include_str!("../locales/it/report.ftl"),
            include_str!("../locales/it/tui.ftl"),
        ],
    ),
];

/// Message ids used by the code.
pub mod ids {
    /// Every id below, for the consistency test.
    pub const ALL: &[&str] = &[
        ERROR,
        WARNING,
        ERROR_READ,
        ERROR_UTF8,
        ERROR_WRITE_OUTPUT,
        SEGMENTS_SUMMARY,
        ALIGN_SUMMARY,
        NOTE_NO_REPOSITORY,
        NOTE_SHALLOW,
        NOTE_NOT_COMMITTED,
        NOTE_SKIPPED_DIRECTORY,
        NOTE_SKIPPED_SPECIAL,
        NOTE_SKIPPED_UNREADABLE,
        NOTE_SKIPPED_UTF8,
        NOTE_SKIPPED_NO_MARKDOWN,
        NOTE_SKIPPED_TOO_LARGE,
        NOTE_SKIPPED_OUTSIDE,
        NOTE_REMOVED_TEMP,
        ERROR_OUTSIDE,
        NOTE_ORPHAN,
        NOTE_ORPHAN_LIKELY,
        ERROR_UNKNOWN_LANG,
        ERROR_NOTHING_READ,
        STALE_SUMMARY,
        STALE_MOVED_TO,
        STATE_UP_TO_DATE,
        STATE_COSMETIC,
        STATE_LINK_ONLY,
        STATE_ALREADY_UPDATED,
        STATE_STALE,
        STATE_MISSING,
        STATE_UNTRANSLATED,
        STATE_REMOVED,
        ERROR_NO_TRANSLATION,
        ERROR_NO_SEGMENT,
        REVIEW_RECORDED,
        REVIEW_UNCHANGED,
        DISMISS_RECORDED,
        DISMISS_UNCHANGED,
        DISMISS_NOTHING,
        ERROR_UNKNOWN_RULE,
        NOTE_UNKNOWN_RULE,
        DIAG_UNCLOSED_FRONT_MATTER,
        DIAG_BAD_FRONT_MATTER,
        DIAG_UNCLOSED_CODE_FENCE,
        DIAG_UNCLOSED_SHORTCODE,
        DIAG_FENCE_WITH_TEXT,
        DIAG_BROKEN_TABLE,
        DIAG_BROKEN_LIST,
        KIND_FRONT_MATTER,
        KIND_HEADING,
        KIND_PARAGRAPH,
        KIND_LIST_ITEM,
        KIND_TABLE_CELL,
        KIND_BLOCKQUOTE,
        KIND_SHORTCODE_PARAM,
        KIND_CODE,
        KIND_SHORTCODE,
    ];
    pub const ERROR: &str = "error";
    pub const WARNING: &str = "warning";
    pub const ERROR_READ: &str = "error-read";
    pub const ERROR_UTF8: &str = "error-utf8";
    pub const ERROR_WRITE_OUTPUT: &str = "error-write-output";
    pub const SEGMENTS_SUMMARY: &str = "segments-summary";
    pub const ALIGN_SUMMARY: &str = "align-summary";
    pub const NOTE_NO_REPOSITORY: &str = "note-no-repository";
    pub const NOTE_SHALLOW: &str = "note-shallow";
    pub const NOTE_NOT_COMMITTED: &str = "note-not-committed";
    pub const NOTE_SKIPPED_DIRECTORY: &str = "note-skipped-directory";
    pub const NOTE_SKIPPED_SPECIAL: &str = "note-skipped-special";
    pub const NOTE_SKIPPED_UNREADABLE: &str = "note-skipped-unreadable";
    pub const NOTE_SKIPPED_UTF8: &str = "note-skipped-utf8";
    pub const NOTE_SKIPPED_NO_MARKDOWN: &str = "note-skipped-no-markdown";
    pub const NOTE_SKIPPED_TOO_LARGE: &str = "note-skipped-too-large";
    pub const NOTE_SKIPPED_OUTSIDE: &str = "note-skipped-outside";
    pub const NOTE_REMOVED_TEMP: &str = "note-removed-temp";
    pub const ERROR_OUTSIDE: &str = "error-outside";
    pub const NOTE_ORPHAN: &str = "note-orphan";
    pub const NOTE_ORPHAN_LIKELY: &str = "note-orphan-likely";
    pub const ERROR_UNKNOWN_LANG: &str = "error-unknown-lang";
    pub const ERROR_NOTHING_READ: &str = "error-nothing-read";
    pub const STALE_SUMMARY: &str = "stale-summary";
    pub const STALE_MOVED_TO: &str = "stale-moved-to";
    pub const STATE_UP_TO_DATE: &str = "state-up-to-date";
    pub const STATE_COSMETIC: &str = "state-cosmetic";
    pub const STATE_LINK_ONLY: &str = "state-link-only";
    pub const STATE_ALREADY_UPDATED: &str = "state-already-updated";
    pub const STATE_STALE: &str = "state-stale";
    pub const STATE_MISSING: &str = "state-missing";
    pub const STATE_UNTRANSLATED: &str = "state-untranslated";
    pub const STATE_REMOVED: &str = "state-removed";
    pub const ERROR_NO_TRANSLATION: &str = "error-no-translation";
    pub const ERROR_NO_SEGMENT: &str = "error-no-segment";
    pub const REVIEW_RECORDED: &str = "review-recorded";
    pub const REVIEW_UNCHANGED: &str = "review-unchanged";
    pub const DISMISS_RECORDED: &str = "dismiss-recorded";
    pub const DISMISS_UNCHANGED: &str = "dismiss-unchanged";
    pub const DISMISS_NOTHING: &str = "dismiss-nothing";
    pub const ERROR_UNKNOWN_RULE: &str = "error-unknown-rule";
    pub const NOTE_UNKNOWN_RULE: &str = "note-unknown-rule";

    pub const DIAG_UNCLOSED_FRONT_MATTER: &str = "diag-unclosed-front-matter";
    pub const DIAG_BAD_FRONT_MATTER: &str = "diag-bad-front-matter";
    pub const DIAG_UNCLOSED_CODE_FENCE: &str = "diag-unclosed-code-fence";
    pub const DIAG_UNCLOSED_SHORTCODE: &str = "diag-unclosed-shortcode";
    pub const DIAG_FENCE_WITH_TEXT: &str = "diag-fence-with-text";
    pub const DIAG_BROKEN_TABLE: &str = "diag-broken-table";
    pub const DIAG_BROKEN_LIST: &str = "diag-broken-list";
    pub const KIND_FRONT_MATTER: &str = "kind-front-matter";
    pub const KIND_HEADING: &str = "kind-heading";
    pub const KIND_PARAGRAPH: &str = "kind-paragraph";
    pub const KIND_LIST_ITEM: &str = "kind-list-item";
    pub const KIND_TABLE_CELL: &str = "kind-table-cell";
    pub const KIND_BLOCKQUOTE: &str = "kind-blockquote";
    pub const KIND_SHORTCODE_PARAM: &str = "kind-shortcode-param";
    pub const KIND_CODE: &str = "kind-code";
    pub const KIND_SHORTCODE: &str = "kind-shortcode";
}

/// Returns the ids among `ids` that a language's bundle lacks, with that
/// language; empty when every language has them all. The front ends check
/// their own ids with it.
pub fn missing_ids<'a>(ids: &[&'a str]) -> Vec<(&'static str, &'a str)> {
    let mut out = Vec::new();
    for (lang, _) in SOURCES {
        let Some(bundle) = bundle(lang) else {
            out.extend(ids.iter().map(|id| (*lang, *id)));
            continue;
        };
        out.extend(
            ids.iter()
                .filter(|id| !bundle.has_message(id))
                .map(|id| (*lang, *id)),
        );
    }
    out
}

/// The bundle of one language's embedded sources, without fallback.
fn bundle(lang: &str) -> Option<FluentBundle<FluentResource>> {
    let (_, sources) = SOURCES.iter().find(|(l, _)| *l == lang)?;
    let langid: LanguageIdentifier = lang.parse().unwrap_or(langid!("en"));
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    // The sources are embedded and checked by tests; a broken
    // message is skipped rather than taking the program down.
    for source in *sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    Some(bundle)
}

/// Formats UI messages in the negotiated language, falling back to English.
pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Localizer {
    /// Builds a localizer for the first supported language among `requested`
    /// (BCP 47 tags or POSIX locale names such as `fr_FR.UTF-8`); English
    /// always comes last as the fallback.
    pub fn new(requested: &[&str]) -> Localizer {
        let chosen = negotiate(requested);
        let mut order = vec![chosen];
        if chosen != "en" {
            order.push("en");
        }
        let bundles = order.into_iter().filter_map(bundle).collect();
        Localizer { bundles }
    }

    /// Builds a localizer from `--ui-lang`, then `LC_ALL`, `LC_MESSAGES` and `LANG`.
    pub fn from_env(ui_lang: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Localizer {
        let mut requested: Vec<String> = ui_lang.map(str::to_owned).into_iter().collect();
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = env(var).filter(|v| !v.is_empty()) {
                requested.push(v);
                // POSIX: the first non-empty of these wins.
                break;
            }
        }
        let refs: Vec<&str> = requested.iter().map(String::as_str).collect();
        Localizer::new(&refs)
    }

    /// Returns the language actually used for messages.
    pub fn language(&self) -> String {
        self.bundles
            .first()
            .and_then(|b| b.locales.first())
            .map_or_else(|| "en".into(), ToString::to_string)
    }

    /// Formats message `id` without arguments.
    pub fn tr(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Formats message `id` with named arguments; numbers select plural forms.
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fargs.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fargs))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

/// A message argument.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text, inserted as it is.
    Str(&'a str),
    /// A number, which also selects plural forms.
    Num(f64),
}

/// Returns the first supported language named by `requested`, else `"en"`.
fn negotiate(requested: &[&str]) -> &'static str {
    for tag in requested {
        // `fr_FR.UTF-8@euro` -> `fr-FR`.
        let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        let Ok(id) = tag.parse::<LanguageIdentifier>() else {
            continue;
        };
        for (lang, _) in SOURCES {
            if id.language.as_str() == *lang {
                return lang;
            }
        }
    }
    "en"
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Returns the message ids of one language's files; a message defined
    /// twice is an error.
    pub(crate) fn message_ids(sources: &[&str]) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for source in sources {
            let resource = FluentResource::try_new((*source).to_owned()).expect("ftl parses");
            for e in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = e {
                    assert!(
                        out.insert(m.id.name.to_owned()),
                        "message {} defined twice",
                        m.id.name
                    );
                }
            }
        }
        out
    }

    #[test]
    fn every_language_has_the_same_ids_and_every_shared_id_exists() {
        let en = message_ids(SOURCES[0].1);
        for (lang, sources) in SOURCES {
            assert_eq!(message_ids(sources), en, "{lang} differs from en");
        }
        let missing = missing_ids(ids::ALL);
        assert!(
            missing.is_empty(),
            "ids::ALL not in every bundle: {missing:?}"
        );
    }

    /// What a message does with its variables, for the plural checks.
    #[derive(Default)]
    struct Uses {
        /// Variables some select expression chooses on.
        selectors: BTreeSet<String>,
        /// Variables placed right before a word, outside a select on
        /// themselves (`{ $count } pages`), with that word.
        before_word: Vec<(String, String)>,
    }

    /// Walks a pattern; `selected` holds the variables of the enclosing
    /// select expressions.
    fn walk(pattern: &ast::Pattern<&str>, selected: &mut Vec<String>, uses: &mut Uses) {
        for (k, element) in pattern.elements.iter().enumerate() {
            let ast::PatternElement::Placeable { expression } = element else {
                continue;
            };
            match expression {
                ast::Expression::Select { selector, variants } => {
                    let var = match selector {
                        ast::InlineExpression::VariableReference { id } => Some(id.name),
                        _ => None,
                    };
                    if let Some(var) = var {
                        uses.selectors.insert(var.to_owned());
                        selected.push(var.to_owned());
                    }
                    for v in variants {
                        walk(&v.value, selected, uses);
                    }
                    if var.is_some() {
                        selected.pop();
                    }
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    if selected.iter().any(|s| s == id.name) {
                        continue;
                    }
                    if let Some(ast::PatternElement::TextElement { value }) =
                        pattern.elements.get(k + 1)
                    {
                        let word: String = value
                            .trim_start_matches(' ')
                            .chars()
                            .take_while(|c| c.is_alphabetic())
                            .collect();
                        if !word.is_empty() {
                            uses.before_word.push((id.name.to_owned(), word));
                        }
                    }
                }
                ast::Expression::Inline(_) => {}
            }
        }
    }

    /// Every message of one language, by id, with what it does with its
    /// variables; and the variables that select plural forms somewhere
    /// (a variant `[one]` or `[0]`): the counts.
    fn uses(sources: &[&str]) -> (BTreeMap<String, Uses>, BTreeSet<String>) {
        let (mut out, mut counts) = (BTreeMap::new(), BTreeSet::new());
        for source in sources {
            let resource = fluent_syntax::parser::parse(*source).expect("ftl parses");
            for e in &resource.body {
                let ast::Entry::Message(m) = e else { continue };
                let mut u = Uses::default();
                if let Some(value) = &m.value {
                    walk(value, &mut Vec::new(), &mut u);
                    plural_selectors(value, &mut counts);
                }
                out.insert(m.id.name.to_owned(), u);
            }
        }
        (out, counts)
    }

    fn plural_selectors(pattern: &ast::Pattern<&str>, counts: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            let ast::PatternElement::Placeable {
                expression: ast::Expression::Select { selector, variants },
            } = element
            else {
                continue;
            };
            let plural = variants.iter().any(|v| match v.key {
                ast::VariantKey::Identifier { name } => name == "one",
                ast::VariantKey::NumberLiteral { .. } => true,
            });
            if let (true, ast::InlineExpression::VariableReference { id }) = (plural, selector) {
                counts.insert(id.name.to_owned());
            }
            for v in variants {
                plural_selectors(&v.value, counts);
            }
        }
    }

    /// A plural English needs (`one page`, `2 pages`), French and Italian
    /// need too: every variable an English message selects on is selected
    /// on in the French and Italian message.
    #[test]
    fn french_and_italian_select_wherever_english_does() {
        let (en, _) = uses(SOURCES[0].1);
        let mut lacking = Vec::new();
        for (lang, sources) in &SOURCES[1..] {
            let (other, _) = uses(sources);
            for (id, u) in &en {
                let theirs = other.get(id).map(|o| &o.selectors);
                for var in &u.selectors {
                    if !theirs.is_some_and(|t| t.contains(var)) {
                        lacking.push(format!("{lang} {id} ${var}"));
                    }
                }
            }
        }
        assert!(lacking.is_empty(), "no select on: {lacking:?}");
    }

    /// French and Italian nouns and adjectives agree with their number
    /// ("1 obsolète", "2 obsolètes"), even where English ones do not
    /// ("2 stale"): a count (a variable that selects plural forms anywhere)
    /// placed before a word is inside a select on itself.
    #[test]
    fn french_and_italian_counts_before_a_word_select_their_plural() {
        let mut bare = Vec::new();
        let all: Vec<_> = SOURCES.iter().map(|(lang, s)| (*lang, uses(s))).collect();
        let counts: BTreeSet<&String> = all.iter().flat_map(|(_, (_, c))| c).collect();
        for (lang, (messages, _)) in all.iter().filter(|(lang, _)| *lang != "en") {
            for (id, u) in messages {
                for (var, word) in &u.before_word {
                    if counts.contains(var) {
                        bare.push(format!("{lang} {id}: {{ ${var} }} {word}"));
                    }
                }
            }
        }
        assert!(bare.is_empty(), "counts with no plural: {bare:?}");
    }

    /// The counts of the command line, formatted for 0, 1 and 2 in French
    /// (0 and 1 are singular) and Italian (only 1 is).
    #[test]
    fn french_and_italian_counts_agree_with_their_number() {
        let say = |lang: &str, id: &str, args: &[(&str, Arg<'_>)]| {
            Localizer::new(&[lang]).tr_args(id, args)
        };
        let each = |n: f64| {
            [
                ("percent", Arg::Num(50.0)),
                ("stale", Arg::Num(n)),
                ("missing", Arg::Num(n)),
                ("untranslated", Arg::Num(n)),
                ("removed", Arg::Num(n)),
                ("linkonly", Arg::Num(n)),
                ("cosmetic", Arg::Num(n)),
                ("errors", Arg::Num(n)),
                ("warnings", Arg::Num(n)),
                ("translations", Arg::Num(n)),
                ("limit", Arg::Num(10.0)),
                ("source", Arg::Str("a.md")),
                ("target", Arg::Str("a.xx.md")),
                ("lang", Arg::Str("xx")),
            ]
        };
        let cases: &[(&str, &str, [&str; 3])] = &[
            (
                "fr",
                "status-cell",
                [
                    "50 % (0 obsolète, 0 manquant)",
                    "50 % (1 obsolète, 1 manquant, 1 non traduit)",
                    "50 % (2 obsolètes, 2 manquants, 2 non traduits)",
                ],
            ),
            (
                "it",
                "status-cell",
                [
                    "50% (0 obsoleti, 0 mancanti)",
                    "50% (1 obsoleto, 1 mancante, 1 non tradotto)",
                    "50% (2 obsoleti, 2 mancanti, 2 non tradotti)",
                ],
            ),
            (
                "fr",
                "stale-summary",
                [
                    "a.md → a.xx.md (xx) : 0 obsolète, 0 manquant, 0 non traduit, 0 supprimé, 0 lien seul, 0 cosmétique",
                    "a.md → a.xx.md (xx) : 1 obsolète, 1 manquant, 1 non traduit, 1 supprimé, 1 lien seul, 1 cosmétique",
                    "a.md → a.xx.md (xx) : 2 obsolètes, 2 manquants, 2 non traduits, 2 supprimés, 2 liens seuls, 2 cosmétiques",
                ],
            ),
            (
                "it",
                "stale-summary",
                [
                    "a.md → a.xx.md (xx): 0 obsoleti, 0 mancanti, 0 non tradotti, 0 rimossi, 0 solo link, 0 cosmetici",
                    "a.md → a.xx.md (xx): 1 obsoleto, 1 mancante, 1 non tradotto, 1 rimosso, 1 solo link, 1 cosmetico",
                    "a.md → a.xx.md (xx): 2 obsoleti, 2 mancanti, 2 non tradotti, 2 rimossi, 2 solo link, 2 cosmetici",
                ],
            ),
            (
                "fr",
                "check-summary",
                [
                    "trame check : 0 erreur, 0 avertissement dans 0 traduction",
                    "trame check : 1 erreur, 1 avertissement dans 1 traduction",
                    "trame check : 2 erreurs, 2 avertissements dans 2 traductions",
                ],
            ),
            (
                "it",
                "check-summary",
                [
                    "trame check: 0 errori, 0 avvisi in 0 traduzioni",
                    "trame check: un errore, un avviso in una traduzione",
                    "trame check: 2 errori, 2 avvisi in 2 traduzioni",
                ],
            ),
            (
                "fr",
                "check-github-left-out",
                [
                    "non affichés en annotations dans ce fichier : 0 erreur de plus, 0 avertissement de plus (GitHub en affiche 10 de chaque sorte par fichier) ; trame check les liste tous",
                    "non affichés en annotations dans ce fichier : 1 erreur de plus, 1 avertissement de plus (GitHub en affiche 10 de chaque sorte par fichier) ; trame check les liste tous",
                    "non affichés en annotations dans ce fichier : 2 erreurs de plus, 2 avertissements de plus (GitHub en affiche 10 de chaque sorte par fichier) ; trame check les liste tous",
                ],
            ),
            (
                "it",
                "check-github-left-out",
                [
                    "non mostrati come annotazioni in questo file: altri 0 errori, altri 0 avvisi (GitHub ne mostra 10 per tipo e per file); trame check li elenca tutti",
                    "non mostrati come annotazioni in questo file: un altro errore, un altro avviso (GitHub ne mostra 10 per tipo e per file); trame check li elenca tutti",
                    "non mostrati come annotazioni in questo file: altri 2 errori, altri 2 avvisi (GitHub ne mostra 10 per tipo e per file); trame check li elenca tutti",
                ],
            ),
        ];
        for (lang, id, expected) in cases {
            for (n, want) in expected.iter().enumerate() {
                assert_eq!(say(lang, id, &each(n as f64)), *want, "{lang} {id} {n}");
            }
        }
        // A section not fully translated: segments absent (`missing`) and
        // segments left in English (`english`), each 0, 1 or 2.
        let section = |lang: &str, missing: f64, english: f64| {
            say(
                lang,
                "check-section-missing",
                &[
                    ("section", Arg::Str("S")),
                    ("missing", Arg::Num(missing)),
                    ("english", Arg::Num(english)),
                    ("source", Arg::Str("a.md")),
                    ("first", Arg::Str("3")),
                    ("last", Arg::Str("9")),
                ],
            )
        };
        let fr = "la section « S » n'est pas entièrement traduite : ";
        for (missing, english, want) in [
            (1.0, 0.0, "1 segment manque"),
            (2.0, 0.0, "2 segments manquent"),
            (0.0, 1.0, "1 segment est resté en anglais"),
            (0.0, 2.0, "2 segments sont restés en anglais"),
            (1.0, 1.0, "1 segment manque, 1 est resté en anglais"),
            (2.0, 2.0, "2 segments manquent, 2 sont restés en anglais"),
        ] {
            assert_eq!(
                section("fr", missing, english),
                format!("{fr}{want} (a.md:3-9)")
            );
        }
        let it = "la sezione «S» non è tradotta del tutto: ";
        for (missing, english, want) in [
            (1.0, 0.0, "manca un segmento"),
            (2.0, 0.0, "mancano 2 segmenti"),
            (0.0, 1.0, "un segmento è rimasto in inglese"),
            (0.0, 2.0, "2 segmenti sono rimasti in inglese"),
            (1.0, 1.0, "manca un segmento, uno è rimasto in inglese"),
            (2.0, 2.0, "mancano 2 segmenti, 2 sono rimasti in inglese"),
        ] {
            assert_eq!(
                section("it", missing, english),
                format!("{it}{want} (a.md:3-9)")
            );
        }
        let en = "section “S” is not fully translated: ";
        for (missing, english, want) in [
            (1.0, 0.0, "one segment is missing"),
            (0.0, 2.0, "2 segments are left in English"),
            (2.0, 1.0, "2 segments are missing, one is left in English"),
        ] {
            assert_eq!(
                section("en", missing, english),
                format!("{en}{want} (a.md:3-9)")
            );
        }
        // Counts next to a word in messages of `sync` and `segments`.
        let repeated = |lang: &str, n: f64| {
            say(
                lang,
                "sync-reason-repeated",
                &[("value", Arg::Str("/a")), ("count", Arg::Num(n))],
            )
        };
        assert_eq!(repeated("it", 1.0), "la traduzione contiene /a una volta");
        assert_eq!(repeated("it", 2.0), "la traduzione contiene /a 2 volte");
        assert_eq!(repeated("en", 1.0), "the translation has /a once");
        assert_eq!(repeated("fr", 2.0), "la traduction contient /a 2 fois");
    }

    #[test]
    fn missing_ids_names_the_language_and_the_id() {
        assert_eq!(
            missing_ids(&[ids::ERROR, "no-such-id"]),
            [
                ("en", "no-such-id"),
                ("fr", "no-such-id"),
                ("it", "no-such-id")
            ]
        );
    }

    #[test]
    fn negotiation_follows_posix_names_and_falls_back_to_english() {
        assert_eq!(negotiate(&["fr_FR.UTF-8"]), "fr");
        assert_eq!(negotiate(&["it-CH"]), "it");
        assert_eq!(negotiate(&["de_DE", "C.UTF-8"]), "en");
        assert_eq!(negotiate(&[]), "en");
        let env = |v: &str| (v == "LANG").then(|| "it_IT.UTF-8".to_owned());
        assert_eq!(Localizer::from_env(None, env).language(), "it");
        assert_eq!(Localizer::from_env(Some("fr"), env).language(), "fr");
    }

    #[test]
    fn plurals_come_from_the_ftl_and_no_isolation_marks() {
        let fr = Localizer::new(&["fr"]);
        let one = fr.tr_args(
            ids::SEGMENTS_SUMMARY,
            &[("path", Arg::Str("a.md")), ("count", Arg::Num(1.0))],
        );
        let many = fr.tr_args(
            ids::SEGMENTS_SUMMARY,
            &[("path", Arg::Str("a.md")), ("count", Arg::Num(3.0))],
        );
        assert_ne!(one.replace('1', ""), many.replace('3', ""));
        assert!(
            !one.contains('\u{2068}') && !one.contains('\u{2069}'),
            "{one:?}"
        );
    }
}
