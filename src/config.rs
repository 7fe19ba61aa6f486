//! `trame.toml`: the project's settings, every key optional; and the
//! settings a translation gives itself in its front matter ([`page_ignores`]).
//!
//! Pure: parsing only (the workspace reads the file). An unknown key or a bad
//! value of `trame.toml` is an error naming the key and its line; an unknown
//! rule in a page's front matter is only a warning, so one page cannot stop a
//! site's check.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// The settings, with defaults filled in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// The language translations are made from.
    pub source_language: String,
    /// The translation languages (empty: every language found).
    pub languages: Vec<String>,
    /// Where the content is, relative to the file (default: `issues/` or `content/`).
    pub content: Option<PathBuf>,
    /// How translations sit beside their source pages.
    pub layout: Layout,
    /// Front-matter keys whose values are translated.
    pub front_matter_keys: Vec<String>,
    /// Pages larger than this many bytes are skipped with a warning.
    pub max_page_bytes: u64,
    /// A front-matter key of translations naming the English commit they
    /// were made from: their base, whatever git says. By default
    /// `default_lang_commit` (the key Docsy sites such as OpenTelemetry's
    /// keep); an empty value turns it off.
    pub base_key: Option<String>,
    /// Commits whose message holds one of these words do not change the
    /// base of the translation lines they touch (bulk fixes).
    pub ignore_commit_keywords: Vec<String>,
    /// How internal links are localized.
    pub links: Links,
    /// The rules of `trame check`.
    pub check: Check,
}

/// The front-matter key read for a translation's declared base when
/// `trame.toml` names none: a key whose name says what it holds, so a page
/// that has it means it.
pub const DEFAULT_BASE_KEY: &str = "default_lang_commit";

impl Default for Config {
    fn default() -> Self {
        Config {
            source_language: "en".into(),
            languages: Vec::new(),
            content: None,
            layout: Layout::Auto,
            front_matter_keys: crate::segment::Config::default().front_matter_keys,
            max_page_bytes: crate::segment::MAX_PAGE_BYTES,
            base_key: Some(DEFAULT_BASE_KEY.into()),
            ignore_commit_keywords: vec!["[i18n-ignore]".into()],
            links: Links::default(),
            check: Check::default(),
        }
    }
}

/// Hugo's two ways of placing translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Both, as found.
    #[default]
    Auto,
    /// `x.fr.md` beside `x.md`.
    Suffix,
    /// `content/fr/x.md` beside `content/en/x.md`.
    Directory,
}

/// Link localization: `/x/` becomes `/fr/x/` under these prefixes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Links {
    /// Site-relative prefixes whose links are localized.
    pub localize: Vec<String>,
    /// Prefixes left alone (static files).
    pub keep: Vec<String>,
    /// The repository's web address (`https://github.com/ORG/REPO`), which
    /// the HTML status links files at their lines to (default: the address
    /// of the `origin` remote).
    pub repository: Option<String>,
}

impl Default for Links {
    fn default() -> Self {
        Links {
            localize: Vec::new(),
            keep: vec!["/images/".into(), "/css/".into(), "/js/".into()],
            repository: None,
        }
    }
}

/// The rules of `trame check`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Check {
    /// Required share of translated segments, in percent, for every language.
    pub coverage: f64,
    /// Required coverage per language, overriding `coverage`.
    pub coverage_by_language: BTreeMap<String, f64>,
    /// Stale segments allowed per page and language.
    pub stale: usize,
    /// Sections (heading text or anchor) that may stay untranslated.
    pub untranslated_sections: Vec<String>,
    /// Finding kinds reported as warnings, not failures (`number`, `url`, ...).
    pub warnings: Vec<String>,
    /// The level of each rule (`[check.rules] number = "off"`); a rule not
    /// listed has its default level (see [`Check::level`]).
    pub rules: BTreeMap<String, Level>,
}

/// How much a rule of `trame check` weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Off,
    /// Reported, never fails the check.
    Warn,
    /// Reported, fails the check.
    Error,
}

/// The rules about coverage and staleness, beside the consistency rules of
/// [`crate::report::Rule`].
pub const GATE_RULES: [&str; 4] = ["coverage", "stale", "removed", "orphan"];

impl Default for Check {
    fn default() -> Self {
        Check {
            coverage: 100.0,
            coverage_by_language: BTreeMap::new(),
            stale: 0,
            untranslated_sections: Vec::new(),
            warnings: vec!["number".into()],
            rules: BTreeMap::new(),
        }
    }
}

impl Check {
    /// Returns the level of a rule: as `[check.rules]` sets it, else a
    /// warning when listed in `warnings`, else the default, chosen so that a
    /// first run on a real site is worth reading: missing coverage of
    /// existing translations and stale or removed segments are errors,
    /// everything else (consistency findings, orphans) warnings.
    pub fn level(&self, rule: &str) -> Level {
        if let Some(level) = self.rules.get(rule) {
            return *level;
        }
        if self.warnings.iter().any(|w| w == rule) {
            return Level::Warn;
        }
        match rule {
            "coverage" | "stale" | "removed" => Level::Error,
            _ => Level::Warn,
        }
    }

    /// Returns the coverage required of a language.
    pub fn coverage_for(&self, lang: &str) -> f64 {
        self.coverage_by_language
            .get(lang)
            .copied()
            .unwrap_or(self.coverage)
    }
}

/// A `trame.toml` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", file.display())]
pub struct ConfigError {
    /// The file.
    pub file: PathBuf,
    /// The 1-based line of the problem.
    pub line: usize,
    /// What is wrong, naming the key.
    pub message: String,
}

/// Parses a language tag as written in a path (`fr`, `pt-br`, `zh_CN`):
/// a primary subtag of 2 or 3 letters, then optional script and region.
pub fn parse_tag(s: &str) -> Option<unic_langid::LanguageIdentifier> {
    let mut parts = s.split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    for part in parts {
        let script = part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic());
        let region = (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()));
        if !script && !region {
            return None;
        }
    }
    s.replace('_', "-").parse().ok()
}

/// Returns true when the tag written in a path names `lang`.
pub fn tag_is(tag: &str, lang: &unic_langid::LanguageIdentifier) -> bool {
    parse_tag(tag).is_some_and(|t| t == *lang)
}

/// The consistency rules a translation switches off for itself, in its front
/// matter: YAML `trame:` then `  ignore: [number, url]` (or a block list),
/// TOML `[trame]` then `ignore = ["number"]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageIgnores {
    /// The rules whose findings are not reported for the page.
    pub rules: Vec<crate::report::Rule>,
    /// Names that are no rule: warnings, not errors.
    pub unknown: Vec<UnknownRule>,
}

/// A name in a page's `trame.ignore` that is no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    /// The name as written.
    pub name: String,
    /// Its 1-based line in the page.
    pub line: u32,
}

/// Reads the rules a translation switches off (see [`PageIgnores`]) from
/// its text.
pub fn page_ignores(text: &str) -> PageIgnores {
    let mut out = PageIgnores::default();
    for (name, line) in crate::segment::front_matter_list(text, "trame", "ignore") {
        match crate::report::Rule::parse(name.trim()) {
            Some(rule) if !out.rules.contains(&rule) => out.rules.push(rule),
            Some(_) => {}
            None => out.unknown.push(UnknownRule { name, line }),
        }
    }
    out
}

/// The names of Hugo configuration files with these stems (`hugo`,
/// `config`; `languages` too in `config/_default/`), in the order Hugo
/// prefers them: by stem, then TOML, YAML, JSON.
pub fn hugo_config_files<'a>(stems: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    stems
        .iter()
        .flat_map(|stem| ["toml", "yaml", "yml", "json"].map(|ext| format!("{stem}.{ext}")))
}

/// One Hugo site configuration file, parsed once (TOML, YAML or JSON by its
/// extension; null when it cannot be read), for each setting trame reads.
pub struct HugoConfig {
    value: serde_json::Value,
    /// A `config/_default/languages.*` file: the languages at its top.
    languages_file: bool,
}

impl HugoConfig {
    /// Parses the text of the configuration file named `file_name`.
    pub fn parse(file_name: &str, text: &str) -> HugoConfig {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem);
        HugoConfig {
            value: hugo_value(file_name, text),
            languages_file: stem == "languages",
        }
    }

    /// Hugo's per-language content folders (`languages.fr.contentDir =
    /// "content.fr"`): `(language tag, folder)` pairs, the folder relative
    /// to the site root. Empty when the file sets none.
    pub fn content_dirs(&self) -> Vec<(String, String)> {
        let languages = if self.languages_file {
            Some(&self.value)
        } else {
            key_of(&self.value, "languages")
        };
        let Some(languages) = languages.and_then(|l| l.as_object()) else {
            return Vec::new();
        };
        let mut out: Vec<(String, String)> = languages
            .iter()
            .filter_map(|(tag, settings)| {
                let dir = key_of(settings, "contentDir")?
                    .as_str()?
                    .trim_matches('/')
                    .to_owned();
                (!dir.is_empty()).then(|| (tag.clone(), dir))
            })
            .collect();
        out.sort();
        out
    }

    /// The site's own content folder (`contentDir = "src/content"`, Hugo's
    /// default being `content`), when the file sets one.
    pub fn content_dir(&self) -> Option<String> {
        key_of(&self.value, "contentDir")?
            .as_str()
            .map(|d| d.trim_matches('/').to_owned())
            .filter(|d| !d.is_empty())
    }

    /// The site's default content language (`defaultContentLanguage =
    /// "fr"`: the language of its pages without a language in their name or
    /// folder), when the file sets one that is a language tag.
    pub fn default_language(&self) -> Option<String> {
        key_of(&self.value, "defaultContentLanguage")?
            .as_str()
            .map(str::trim)
            .filter(|tag| parse_tag(tag).is_some())
            .map(str::to_owned)
    }
}

/// The value of `key` (any case, as Hugo reads keys) in a mapping.
fn key_of<'v>(value: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// Whether the text of a `trame.toml` names the source language itself
/// (else it may come from the site's configuration).
pub fn sets_source_language(text: &str) -> bool {
    toml::from_str::<toml::Table>(text).is_ok_and(|t| t.contains_key("source-language"))
}

/// A Hugo configuration file as JSON values, by its extension (TOML, YAML
/// or JSON); null when it cannot be read.
fn hugo_value(file_name: &str, text: &str) -> serde_json::Value {
    match file_name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("toml") => toml::from_str(text).unwrap_or_default(),
        Some("json") => serde_json::from_str(text).unwrap_or_default(),
        Some("yaml" | "yml") => yaml_value(text),
        _ => serde_json::Value::Null,
    }
}

/// A YAML document as JSON values: mappings with string keys, strings,
/// and nothing else (what [`HugoConfig`] reads).
fn yaml_value(text: &str) -> serde_json::Value {
    use saphyr::{LoadableYamlNode, Scalar, Yaml};
    fn convert(node: &Yaml<'_>) -> serde_json::Value {
        match node {
            Yaml::Mapping(map) => serde_json::Value::Object(
                map.iter()
                    .filter_map(|(k, v)| match k {
                        Yaml::Value(Scalar::String(key)) => Some((key.to_string(), convert(v))),
                        _ => None,
                    })
                    .collect(),
            ),
            Yaml::Value(Scalar::String(s)) => serde_json::Value::String(s.to_string()),
            _ => serde_json::Value::Null,
        }
    }
    Yaml::load_from_str(text)
        .ok()
        .and_then(|docs| docs.first().map(convert))
        .unwrap_or_default()
}

/// Parses the text of a `trame.toml` read from `file`.
pub fn parse(file: &std::path::Path, text: &str) -> Result<Config, ConfigError> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        ConfigError {
            file: file.to_owned(),
            line,
            message: e.message().trim().to_owned(),
        }
    })?;
    let bad = |key: &str, message: String| {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |p| p + 1);
        ConfigError {
            file: file.to_owned(),
            line,
            message,
        }
    };
    let percents = std::iter::once(("coverage", config.check.coverage)).chain(
        config
            .check
            .coverage_by_language
            .values()
            .map(|v| ("coverage-by-language", *v)),
    );
    for (key, value) in percents {
        if !(0.0..=100.0).contains(&value) {
            return Err(bad(
                key,
                format!("`{key}` must be a percentage from 0 to 100, not {value}"),
            ));
        }
    }
    for (key, tag) in std::iter::once(("source-language", &config.source_language))
        .chain(config.languages.iter().map(|l| ("languages", l)))
    {
        if parse_tag(tag).is_none() {
            return Err(bad(
                key,
                format!("`{tag}` in `{key}` is not a language tag (such as `fr`, `pt-BR`)"),
            ));
        }
    }
    for rule in config.check.rules.keys() {
        let known =
            GATE_RULES.contains(&rule.as_str()) || crate::report::Rule::parse(rule).is_some();
        if !known {
            let mut names: Vec<&str> = GATE_RULES.to_vec();
            names.extend(crate::report::Rule::ALL.iter().map(|r| r.as_str()));
            return Err(bad(
                rule,
                format!(
                    "unknown rule `{rule}` in `[check.rules]`; expected one of {}",
                    names.join(", ")
                ),
            ));
        }
    }
    for w in &config.check.warnings {
        if crate::report::Rule::parse(w).is_none() {
            let known: Vec<&str> = crate::report::Rule::ALL
                .iter()
                .map(|r| r.as_str())
                .collect();
            return Err(bad(
                "warnings",
                format!(
                    "unknown finding kind `{w}` in `warnings`; expected one of {}",
                    known.join(", ")
                ),
            ));
        }
    }
    // `base-key = ""` turns the declared base off.
    if config.base_key.as_deref() == Some("") {
        config.base_key = None;
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hugo_content_dirs(file_name: &str, text: &str) -> Vec<(String, String)> {
        HugoConfig::parse(file_name, text).content_dirs()
    }

    fn hugo_content_dir(file_name: &str, text: &str) -> Option<String> {
        HugoConfig::parse(file_name, text).content_dir()
    }

    fn hugo_default_language(file_name: &str, text: &str) -> Option<String> {
        HugoConfig::parse(file_name, text).default_language()
    }

    #[test]
    fn hugo_content_dirs_from_toml_yaml_and_json() {
        let toml = "title = 'x'\n[languages.en]\ncontentDir = 'content.en'\nweight = 1\n[languages.zh]\n  contentDir = \"content.zh/\"\n[languages.he]\nlabel = 'Hebrew'\n";
        let expected = [
            ("en".to_owned(), "content.en".to_owned()),
            ("zh".to_owned(), "content.zh".to_owned()),
        ];
        assert_eq!(hugo_content_dirs("hugo.toml", toml), expected);
        let yaml = "languages:\n  zh:\n    contentDir: content.zh\n  en:\n    label: English\n    contentDir: \"content.en\"\n";
        assert_eq!(hugo_content_dirs("config.yaml", yaml), expected);
        let json = r#"{"Languages": {"en": {"ContentDir": "content.en"}, "zh": {"contentdir": "content.zh"}}}"#;
        assert_eq!(hugo_content_dirs("hugo.json", json), expected);
        // config/_default/languages.toml holds the languages at its top.
        let split = "[en]\ncontentDir = 'content.en'\n[zh]\ncontentDir = 'content.zh'\n";
        assert_eq!(hugo_content_dirs("languages.toml", split), expected);
        assert!(hugo_content_dirs("hugo.toml", "[languages.en]\nweight = 1\n").is_empty());
        assert!(hugo_content_dirs("hugo.toml", "not = [toml").is_empty());
        assert!(hugo_content_dirs("hugo.yaml", "languages: [a, b]\n").is_empty());
        assert_eq!(
            hugo_content_dir("hugo.toml", "contentDir = 'src/content/'\n").as_deref(),
            Some("src/content")
        );
        assert_eq!(
            hugo_content_dir("config.yaml", "contentDir: docs\n").as_deref(),
            Some("docs")
        );
        assert_eq!(
            hugo_content_dir("hugo.toml", "[languages.en]\ncontentDir = 'x'\n"),
            None
        );
    }

    /// Hugo's default content language in each format; a value that is no
    /// language tag, or one under `languages`, is not it.
    #[test]
    fn hugo_default_language_from_toml_yaml_and_json() {
        let toml = "title = 'x'\ndefaultContentLanguage = 'fr'\n[languages.en]\nweight = 2\n";
        assert_eq!(
            hugo_default_language("hugo.toml", toml).as_deref(),
            Some("fr")
        );
        let yaml = "defaultContentLanguage: pt-br\nlanguages:\n  en: {}\n";
        assert_eq!(
            hugo_default_language("config.yaml", yaml).as_deref(),
            Some("pt-br")
        );
        let json = r#"{"DefaultContentLanguage": "de"}"#;
        assert_eq!(
            hugo_default_language("hugo.json", json).as_deref(),
            Some("de")
        );
        assert_eq!(
            hugo_default_language("hugo.toml", "defaultContentLanguage = 'français'\n"),
            None
        );
        assert_eq!(
            hugo_default_language(
                "hugo.toml",
                "[languages.fr]\ndefaultContentLanguage = 'fr'\n"
            ),
            None
        );
        assert!(sets_source_language("source-language = 'en'\n"));
        assert!(!sets_source_language("languages = ['fr']\n"));
    }
    use crate::report::Rule;
    use std::path::Path;

    /// Every form a page may switch rules off with: YAML flow and block
    /// lists, a flow mapping, a single name, TOML tables and dotted keys;
    /// an unknown name is kept with its line for a warning.
    #[test]
    fn a_page_switches_rules_off_in_its_front_matter() {
        let rules = |text: &str| page_ignores(text).rules;
        let both = [Rule::Number, Rule::Url];
        assert_eq!(
            rules("---\ntitle: x\ntrame:\n  ignore: [number, url]\n---\n\nText.\n"),
            both
        );
        assert_eq!(
            rules("---\ntrame:\n  ignore:\n    - number\n    - url\n---\n"),
            both
        );
        assert_eq!(rules("---\ntrame: {ignore: [number, url]}\n---\n"), both);
        assert_eq!(
            rules("---\ntrame:\n  ignore: number\n---\n"),
            [Rule::Number]
        );
        assert_eq!(
            rules("+++\ntitle = \"x\"\n[trame]\nignore = [\"number\", \"url\"]\n+++\n"),
            both
        );
        assert_eq!(
            rules("+++\ntrame.ignore = [\"front-matter\"]\n+++\n"),
            [Rule::FrontMatter]
        );
        assert_eq!(
            rules("\u{feff}---\ntrame:\n  ignore: [anchor]\n---\n"),
            [Rule::Anchor]
        );
        // No front matter, no `trame` key, or `trame` in the body: nothing.
        assert!(rules("Text about trame:\n  ignore: [number]\n").is_empty());
        assert!(rules("---\ntitle: trame\n---\n").is_empty());
        let page = "---\ntitle: x\ntrame:\n  ignore:\n    - number\n    - numbers\n---\n";
        assert_eq!(
            page_ignores(page),
            PageIgnores {
                rules: vec![Rule::Number],
                unknown: vec![UnknownRule {
                    name: "numbers".into(),
                    line: 6
                }],
            }
        );
        let toml = "+++\ntitle = \"x\"\n\n[trame]\nignore = [\"url\", \"dates\"]\n+++\n";
        assert_eq!(
            page_ignores(toml).unknown,
            [UnknownRule {
                name: "dates".into(),
                line: 5
            }]
        );
    }

    #[test]
    fn tags_are_languages_with_regions_and_scripts() {
        for ok in [
            "fr", "it", "pt-br", "pt-BR", "zh_CN", "zh-Hans", "es-419", "haw",
        ] {
            assert!(parse_tag(ok).is_some(), "{ok}");
        }
        for bad in ["", "x", "toolong", "fr-", "en-abcde", "1a", "fr.md", "docs"] {
            assert!(parse_tag(bad).is_none(), "{bad}");
        }
        let br: unic_langid::LanguageIdentifier = "pt-BR".parse().unwrap();
        assert!(tag_is("pt-br", &br) && tag_is("pt_BR", &br) && !tag_is("pt", &br));
    }

    #[test]
    fn every_key_is_optional() {
        assert_eq!(
            parse(Path::new("trame.toml"), "").unwrap(),
            Config::default()
        );
        let c = parse(
            Path::new("trame.toml"),
            "languages = [\"fr\", \"it\"]\nlayout = \"suffix\"\n[check]\ncoverage = 90\nstale = 2\n[check.coverage-by-language]\nit = 50\n",
        )
        .unwrap();
        assert_eq!(c.check.coverage_for("fr"), 90.0);
        assert_eq!(c.check.coverage_for("it"), 50.0);
        assert_eq!(c.check.stale, 2);
        assert_eq!(c.layout, Layout::Suffix);
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_key_and_line() {
        let e = parse(
            Path::new("trame.toml"),
            "languages = [\"fr\"]\n[check]\ncoverag = 90\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("coverag"), "{e}");
        let e = parse(Path::new("trame.toml"), "[check]\n\ncoverage = 120\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("coverage")), (3, true), "{e}");
        let e = parse(Path::new("trame.toml"), "[check]\nwarnings = [\"nums\"]\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = parse(Path::new("trame.toml"), "languages = \"fr\"\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }
}
