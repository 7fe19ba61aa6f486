//! The project model: one description of the site that every command and the
//! interface share.
//!
//! [`Project::discover`] starts from the path the user gave (else the
//! current folder), walks up to `trame.toml` and the repository root, and
//! holds what every entry point needs: the content roots, the source
//! language, the configured languages (BCP 47, `pt-BR` matching `pt-br`
//! folders), the layout, the segmentation settings and the link rules.
//! Nothing else reads `trame.toml` or builds default settings.

use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use super::discover::{self, Rules, Scan};
use crate::config::{self, Config, ConfigError, parse_tag, tag_is};
use crate::segment;

/// The site as `trame.toml` (or the defaults) describes it.
#[derive(Debug, Clone)]
pub struct Project {
    /// The repository's work tree, or the folder of `trame.toml`, or the
    /// folder started from; as shown to the user.
    pub root: PathBuf,
    /// `trame.toml`, when there is one.
    pub config_file: Option<PathBuf>,
    /// The settings.
    pub config: Config,
    /// The source language.
    pub source_lang: LanguageIdentifier,
    /// The translation languages to work on (empty: every one found).
    pub languages: Vec<LanguageIdentifier>,
    /// How pages are cut into segments.
    pub segment: segment::Config,
    /// The content roots, as shown to the user (relative to the current
    /// folder when possible).
    pub content: Vec<PathBuf>,
    /// What commands read when given no path: the content roots, else the
    /// folder the project was found from.
    pub default_paths: Vec<PathBuf>,
    /// Every path read or written must resolve inside this folder: the
    /// repository's work tree, else the folder of `trame.toml`, else the
    /// folder started from (absolute, links resolved).
    pub confine: PathBuf,
    /// Language folders not named like a language, `(folder name, tag)`,
    /// from the Hugo site's configuration (`contentDir` per language).
    pub lang_folders: Vec<(String, String)>,
}

/// Why the project cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// `trame.toml` could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `trame.toml` is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A path resolves outside the repository.
    #[error("{} is outside the repository ({}): refused", path.display(), root.display())]
    Outside { path: PathBuf, root: PathBuf },
    /// `--lang` names no language of the site.
    #[error("no translation in `{lang}`; languages found: {}", found.join(", "))]
    UnknownLanguage {
        lang: String,
        found: Vec<String>,
        /// Files the scan had to skip (one may be the translation meant).
        skipped: Vec<super::Skipped>,
    },
}

impl Project {
    /// Finds the project of `start` (a file or folder; the current folder
    /// when `None`): `trame.toml` in it or a parent folder up to the
    /// repository root, else the defaults.
    pub fn discover(start: Option<&Path>) -> Result<Project, ProjectError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let start = match start {
            Some(p) if p.is_absolute() => p.to_owned(),
            Some(p) => cwd.join(p),
            None => cwd.clone(),
        };
        // The nearest existing folder at or above `start`.
        let mut dir = start
            .ancestors()
            .find(|a| a.is_dir())
            .map(Path::to_owned)
            .unwrap_or_else(|| cwd.clone());
        if let Ok(c) = dir.canonicalize() {
            dir = c;
        }
        let mut config_dir = None;
        let mut repo_root = None;
        for d in dir.ancestors() {
            if config_dir.is_none() && d.join("trame.toml").is_file() {
                config_dir = Some(d.to_owned());
            }
            if d.join(".git").exists() {
                repo_root = Some(d.to_owned());
                break;
            }
        }
        let (mut config, config_file, source_given) = match &config_dir {
            Some(d) => {
                let file = d.join("trame.toml");
                let text = std::fs::read_to_string(&file).map_err(|source| ProjectError::Read {
                    path: shown(&file, &cwd),
                    source,
                })?;
                let config = config::parse(&shown(&file, &cwd), &text)?;
                let given = config::sets_source_language(&text);
                (config, Some(shown(&file, &cwd)), given)
            }
            None => (Config::default(), None, false),
        };
        // A Hugo site whose configuration gives each language its content
        // folder (`contentDir`): their parent is the content root. Looked
        // for up to `trame.toml` or the repository root, else up to the top.
        let mut source_tag = parse_tag(&config.source_language)
            .unwrap_or_else(|| LanguageIdentifier::from_bytes(b"en").unwrap_or_default());
        let hugo = hugo_site(
            &dir,
            config_dir.as_deref().or(repo_root.as_deref()),
            &source_tag,
        );
        // No site here (or a configuration with no content: a theme's own,
        // a module's) and no content folder of ours: the one Hugo site in a
        // folder below, as a theme keeps its `exampleSite` and a project its
        // `docs/` or `website/`. Two or more: none is guessed.
        let hugo = if config.content.is_none()
            && hugo.as_ref().is_none_or(|s| !s.has_content())
            && !["issues", "content"].iter().any(|d| dir.join(d).is_dir())
        {
            hugo_site_below(&dir, &source_tag).or(hugo)
        } else {
            hugo
        };
        // The site's default content language is the language of its pages
        // without a language in their name or folder (`x.md` beside
        // `x.en.md`): the one translations are made from, unless
        // `trame.toml` says otherwise.
        let hugo = match hugo {
            Some(site) if !source_given => match site
                .default_language
                .clone()
                .and_then(|lang| Some((parse_tag(&lang)?, lang)))
            {
                Some((tag, lang)) if tag != source_tag => {
                    config.source_language = lang;
                    source_tag = tag;
                    hugo_site(&site.root, Some(&site.root), &source_tag)
                }
                _ => Some(site),
            },
            hugo => hugo,
        };
        // With neither, a folder inside a language folder (`content/fr`)
        // belongs to the site above it (`content`), and a folder of a Hugo
        // site to that site.
        let hugo_root = hugo.as_ref().map(|site| site.root.clone());
        let base = config_dir
            .clone()
            .or(repo_root.clone())
            .or(hugo_root)
            .unwrap_or_else(|| {
                let source = config::parse_tag(&config.source_language)
                    .unwrap_or_else(|| LanguageIdentifier::from_bytes(b"en").unwrap_or_default());
                let rules = Rules {
                    root: None,
                    source: &source,
                    configured: &[],
                    layout: config.layout,
                    only_lang: None,
                    lang_folders: &[],
                };
                let site = discover::root_of(&dir, &[], &rules);
                site.canonicalize().unwrap_or_else(|_| dir.clone())
            });
        let confine = repo_root.clone().unwrap_or_else(|| base.clone());
        if let Some(c) = &config.content {
            let path = base.join(c);
            if !resolve(&path).starts_with(&confine) {
                return Err(ProjectError::Outside {
                    path: shown(&path, &cwd),
                    root: shown(&confine, &cwd),
                });
            }
        }
        let inside = |p: &PathBuf| resolve(p).starts_with(&confine);
        let languages = hugo
            .as_ref()
            .and_then(|site| site.languages.clone())
            .filter(|(parent, _)| inside(parent));
        let hugo_content = hugo.and_then(|site| site.content).filter(inside);
        // With no `content`, the Hugo site's language folders or content
        // folder; else an `issues/` or `content/` folder. With none, the
        // folder started from is what commands read by default, but not a
        // content root: discovery finds where its language folders sit.
        let content: Vec<PathBuf> = match (&config.content, &languages, hugo_content) {
            (Some(c), _, _) => vec![shown(&base.join(c), &cwd)],
            (None, Some((parent, _)), _) => vec![shown(parent, &cwd)],
            (None, None, Some(dir)) => vec![shown(&dir, &cwd)],
            (None, None, None) => ["issues", "content"]
                .into_iter()
                .map(|d| base.join(d))
                .find(|d| d.is_dir())
                .map(|d| vec![shown(&d, &cwd)])
                .unwrap_or_default(),
        };
        let default_paths = if content.is_empty() {
            vec![shown(&base, &cwd)]
        } else {
            content.clone()
        };
        let mut project = Project::new(
            config,
            config_file,
            shown(&repo_root.unwrap_or(base), &cwd),
            content,
        );
        project.confine = confine;
        project.default_paths = default_paths;
        project.lang_folders = languages.map(|(_, folders)| folders).unwrap_or_default();
        Ok(project)
    }

    /// The project of the paths a command was given: found from the first.
    pub fn for_paths(paths: &[PathBuf]) -> Result<Project, ProjectError> {
        Project::discover(paths.first().map(PathBuf::as_path))
    }

    /// A project with these settings (tests, and [`Project::discover`]).
    pub fn new(
        config: Config,
        config_file: Option<PathBuf>,
        root: PathBuf,
        content: Vec<PathBuf>,
    ) -> Project {
        // `config::parse` checked the tags; defaults are valid.
        let source_lang = parse_tag(&config.source_language)
            .unwrap_or_else(|| LanguageIdentifier::from_bytes(b"en").unwrap_or_default());
        let languages = config
            .languages
            .iter()
            .filter_map(|l| parse_tag(l))
            .collect();
        let segment = segment::Config {
            front_matter_keys: config.front_matter_keys.clone(),
            max_page_bytes: config.max_page_bytes,
            ..Default::default()
        };
        let confine = resolve(&root);
        Project {
            confine,
            root,
            config_file,
            source_lang,
            languages,
            segment,
            default_paths: content.clone(),
            content,
            config,
            lang_folders: Vec::new(),
        }
    }

    /// The source language as written in `trame.toml` (`en` by default).
    pub fn source_tag(&self) -> &str {
        &self.config.source_language
    }

    /// The paths to work on: those given, else the default ones.
    pub fn paths_or_content(&self, paths: &[PathBuf]) -> Vec<PathBuf> {
        if paths.is_empty() {
            self.default_paths.clone()
        } else {
            paths.to_vec()
        }
    }

    /// Finds the pages under `paths` (the content roots when empty), keeping
    /// the translations in `lang` only when given, and in the configured
    /// languages. An unknown `lang` is an error listing the languages found.
    pub fn scan(&self, paths: &[PathBuf], lang: Option<&str>) -> Result<Scan, ProjectError> {
        let paths = self.paths_or_content(paths);
        for path in &paths {
            self.confined(path)?;
        }
        // The other languages' folders are not even listed.
        let rules = Rules {
            only_lang: lang,
            ..self.rules()
        };
        let mut scan = discover::scan(&paths, &self.content, &rules);
        let wanted =
            |tag: &str| self.languages.is_empty() || self.languages.iter().any(|l| tag_is(tag, l));
        if let Some(lang) = lang {
            let known = scan.languages.iter().any(|l| same_tag(l, lang))
                || self.languages.iter().any(|l| tag_is(lang, l));
            if !known {
                // The error lists every language found.
                let all = discover::scan(&paths, &self.content, &self.rules());
                return Err(ProjectError::UnknownLanguage {
                    lang: lang.to_owned(),
                    found: all.languages,
                    skipped: all.skipped,
                });
            }
        }
        let keep = |tag: &str| wanted(tag) && lang.is_none_or(|l| same_tag(tag, l));
        for set in &mut scan.sets {
            set.translations.retain(|(tag, _)| keep(tag));
        }
        scan.orphans.retain(|o| keep(&o.lang));
        scan.only_lang = lang.map(str::to_owned);
        Ok(scan)
    }
}

impl Project {
    /// Where a new `lang` translation of `source` goes (see
    /// [`discover::new_translation_path`]).
    pub fn new_translation_path(&self, source: &Path, lang: &str) -> PathBuf {
        discover::new_translation_path(source, lang, &self.content, &self.rules())
    }

    /// Aligns `target` with its source page `source`, keeping the alignment
    /// corrections recorded beside the source (`.trame-align`) for the
    /// target's language when the layout tells it.
    pub fn align(
        &self,
        source: &super::Page,
        target: &super::Page,
    ) -> Result<crate::align::Alignment, crate::store::StoreError> {
        match super::translation_lang(&source.path, &target.path) {
            Some(lang) => {
                let corrections = crate::store::corrections::load(dir_of(&source.path))?;
                Ok(super::align_pages(source, target, &lang, &corrections))
            }
            None => Ok(crate::align::align(&source.document, &target.document)),
        }
    }

    /// Aligns two documents of the page `source` in `lang` with the
    /// corrections recorded for it (none when they cannot be read).
    pub fn align_documents(
        &self,
        source: &Path,
        lang: &str,
        source_doc: &segment::Document,
        target_doc: &segment::Document,
    ) -> crate::align::Alignment {
        let corrections = crate::store::corrections::load(dir_of(source)).unwrap_or_default();
        let fixed = crate::store::corrections::resolve(
            &corrections,
            &super::staleness::page_name(source),
            lang,
            source_doc,
            target_doc,
        );
        crate::align::align_with(source_doc, target_doc, &fixed)
    }

    /// Records that the translations of the given alignment rows of `doc`
    /// are right for the current English, in `.trame-reviews` beside the
    /// source page, keyed by fingerprints and the HEAD commit (the work tree
    /// when the English is not committed, as `notes` tell).
    pub fn record_reviews(
        &self,
        doc: &super::StaleDoc,
        rows: &[usize],
        notes: &[super::StaleNote],
    ) -> Result<Recorded, crate::store::StoreError> {
        let source = &doc.source.path;
        let english_committed = !notes
            .iter()
            .any(|n| matches!(n, super::StaleNote::NotCommitted { path } if path == source));
        let commit = crate::history::Repo::open(dir_of(source))
            .ok()
            .filter(|_| english_committed)
            .and_then(|repo| repo.head())
            .unwrap_or_else(|| crate::store::WORK_TREE.to_owned());
        let page = super::staleness::page_name(source);
        let records: Vec<crate::store::Review> = rows
            .iter()
            .filter_map(|&k| doc.alignment.rows.get(k))
            .map(|row| crate::store::Review {
                page: page.clone(),
                lang: doc.lang.clone(),
                target: super::row_fingerprint(&doc.target.document, &row.target),
                source: super::row_fingerprint(&doc.source.document, &row.source),
                commit: commit.clone(),
            })
            .collect();
        let dir = dir_of(source).to_owned();
        let changed = crate::store::add(&dir, &records)?;
        Ok(Recorded {
            count: records.len(),
            changed,
            file: dir.join(crate::store::FILE_NAME),
            dir,
        })
    }

    /// Records that findings of `dismissals` (a rule on an alignment row of
    /// `doc`) are wrong, in `.trame-reviews` beside the source page, keyed by
    /// the fingerprints of the row's English and translation: they are not
    /// reported again until either text changes. `count` is the number of
    /// rows.
    pub fn record_dismissals(
        &self,
        doc: &super::StaleDoc,
        dismissals: &[crate::report::Dismissal],
    ) -> Result<Recorded, crate::store::StoreError> {
        let page = super::staleness::page_name(&doc.source.path);
        let records: Vec<crate::store::Dismissal> = dismissals
            .iter()
            .filter_map(|d| Some((doc.alignment.rows.get(d.row)?, d.rule)))
            .map(|(row, rule)| crate::store::Dismissal {
                page: page.clone(),
                lang: doc.lang.clone(),
                target: super::row_fingerprint(&doc.target.document, &row.target),
                source: super::row_fingerprint(&doc.source.document, &row.source),
                rule: rule.as_str().to_owned(),
            })
            .collect();
        let mut rows: Vec<usize> = dismissals.iter().map(|d| d.row).collect();
        rows.sort_unstable();
        rows.dedup();
        let dir = dir_of(&doc.source.path).to_owned();
        let changed = crate::store::add_dismissals(&dir, &records)?;
        Ok(Recorded {
            count: rows.len(),
            changed,
            file: dir.join(crate::store::FILE_NAME),
            dir,
        })
    }

    /// Records alignment corrections of one translation in `.trame-align`
    /// beside the English page (replacing older ones on the same segments),
    /// keyed by the fingerprints of the rows' segments.
    pub fn record_corrections(
        &self,
        doc: &super::StaleDoc,
        rows: &[crate::align::FixedRow],
    ) -> Result<Recorded, crate::store::StoreError> {
        use crate::store::corrections::{self, Correction};
        let page = super::staleness::page_name(&doc.source.path);
        let records: Vec<Correction> = rows
            .iter()
            .map(|row| {
                Correction::of_row(
                    &page,
                    &doc.lang,
                    &doc.source.document,
                    row.source.clone(),
                    &doc.target.document,
                    row.target.clone(),
                )
            })
            .collect();
        let dir = dir_of(&doc.source.path).to_owned();
        let changed = corrections::add(&dir, &records)?;
        Ok(Recorded {
            count: records.len(),
            changed,
            file: dir.join(corrections::FILE_NAME),
            dir,
        })
    }

    /// Refuses a path that resolves outside the repository.
    pub fn confined(&self, path: &Path) -> Result<(), ProjectError> {
        if resolve(path).starts_with(&self.confine) {
            Ok(())
        } else {
            let cwd = std::env::current_dir().unwrap_or_default();
            Err(ProjectError::Outside {
                path: path.to_owned(),
                root: shown(&self.confine, &cwd),
            })
        }
    }

    /// The pages of the site, by language and site path: what links in a
    /// page can be checked against.
    pub fn site_pages(&self) -> crate::report::SitePages {
        crate::report::SitePages::new(
            self.source_lang.language.as_str(),
            discover::site_paths(self.site_roots(), &self.rules()),
        )
    }

    /// The folders the site's pages are under: the content roots, else
    /// what commands read when given no path.
    pub fn site_roots(&self) -> &[PathBuf] {
        if self.content.is_empty() {
            &self.default_paths
        } else {
            &self.content
        }
    }

    fn rules(&self) -> Rules<'_> {
        Rules {
            root: Some(&self.confine),
            source: &self.source_lang,
            configured: &self.languages,
            layout: self.config.layout,
            only_lang: None,
            lang_folders: &self.lang_folders,
        }
    }
}

/// Language folders and their tags, `(folder name, tag)`.
type LangFolders = Vec<(String, String)>;

/// A Hugo site, found from the folder a command started in.
struct HugoSite {
    /// The site's folder, where its configuration is.
    root: PathBuf,
    /// Its content folder (`contentDir`, else `content`), when it exists.
    content: Option<PathBuf>,
    /// When its configuration gives languages content folders of their own
    /// (`languages.zh.contentDir = "content.zh"`) that sit side by side, the
    /// source language's among them: their parent folder (the content
    /// root) and each folder's `(name, tag)`.
    languages: Option<(PathBuf, LangFolders)>,
    /// Its `defaultContentLanguage`, as written, when it sets one.
    default_language: Option<String>,
}

impl HugoSite {
    /// Whether the site has pages to read: a content folder, or language
    /// folders.
    fn has_content(&self) -> bool {
        self.content.is_some() || self.languages.is_some()
    }
}

/// The Hugo site holding `dir`: the first of `dir` and the folders above
/// it, up to `top` when given, with a Hugo configuration file (at its root
/// or in `config/_default/`).
fn hugo_site(dir: &Path, top: Option<&Path>, source: &LanguageIdentifier) -> Option<HugoSite> {
    for site in dir.ancestors() {
        let texts = hugo_config_texts(site);
        let (mut content_dir, mut dirs, mut default_language) = (None, Vec::new(), None);
        for (name, text) in &texts {
            let file = config::HugoConfig::parse(name, text);
            if content_dir.is_none() {
                content_dir = file.content_dir();
            }
            if dirs.is_empty() {
                dirs = file.content_dirs();
            }
            if default_language.is_none() {
                default_language = file.default_language();
            }
        }
        if !texts.is_empty() {
            // A language without a folder of its own has the site's.
            if !dirs.is_empty()
                && !dirs.iter().any(|(tag, _)| tag_is(tag, source))
                && let Some(d) = &content_dir
            {
                dirs.push((source.to_string(), d.clone()));
            }
            let content = site.join(content_dir.as_deref().unwrap_or("content"));
            return Some(HugoSite {
                root: site.to_owned(),
                content: content.is_dir().then_some(content),
                languages: language_folders(site, &dirs, source),
                default_language,
            });
        }
        if top.is_some_and(|top| site == top || !site.starts_with(top)) {
            return None;
        }
    }
    None
}

/// The Hugo configuration files of the folder `site` (at its root or in
/// `config/_default/`), in Hugo's order, as `(file name, text)`.
fn hugo_config_texts(site: &Path) -> Vec<(String, String)> {
    config::hugo_config_files(&["hugo", "config"])
        .map(|name| site.join(name))
        .chain(
            config::hugo_config_files(&["languages", "hugo", "config"])
                .map(|name| site.join("config/_default").join(name)),
        )
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let name = file.file_name()?.to_str()?.to_owned();
            Some((name, text))
        })
        .collect()
}

/// Folders never holding the site a repository is about: a site's own
/// parts, dependencies, build output.
const NOT_A_SITE: &[&str] = &[
    "node_modules",
    "themes",
    "public",
    "resources",
    "vendor",
    "target",
    "layouts",
    "static",
    "assets",
    "archetypes",
    "i18n",
    "data",
];

/// The Hugo site with content in a folder at most two levels below `dir`
/// (hidden folders and [`NOT_A_SITE`] left out), when there is exactly one.
fn hugo_site_below(dir: &Path, source: &LanguageIdentifier) -> Option<HugoSite> {
    let subfolders = |d: &Path| -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(d) else {
            return Vec::new();
        };
        let mut out: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            // Not followed: a link leads out of the repository as easily as in.
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| !n.starts_with('.') && !NOT_A_SITE.contains(&n))
            })
            .map(|e| e.path())
            .collect();
        out.sort();
        out
    };
    let mut found = Vec::new();
    for child in subfolders(dir) {
        for folder in std::iter::once(child.clone()).chain(subfolders(&child)) {
            if let Some(site) = hugo_site(&folder, Some(&folder), source)
                && site.has_content()
            {
                found.push(site);
                if found.len() > 1 {
                    return None;
                }
            }
        }
    }
    found.pop()
}

/// The content root and language folders of a site whose languages have
/// content folders (`(tag, folder)` from its configuration): at least two,
/// the source language's among them, side by side.
fn language_folders(
    site: &Path,
    dirs: &[(String, String)],
    source: &LanguageIdentifier,
) -> Option<(PathBuf, LangFolders)> {
    if dirs.len() < 2 || !dirs.iter().any(|(tag, _)| tag_is(tag, source)) {
        return None;
    }
    let paths: Vec<PathBuf> = dirs.iter().map(|(_, d)| site.join(d)).collect();
    let parent = paths[0].parent()?.to_owned();
    if paths.iter().any(|p| p.parent() != Some(parent.as_path())) {
        return None;
    }
    let folders = dirs
        .iter()
        .zip(&paths)
        .filter_map(|((tag, _), p)| Some((p.file_name()?.to_str()?.to_owned(), tag.clone())))
        .collect();
    Some((parent, folders))
}

/// What a record command wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// How many records were given.
    pub count: usize,
    /// Whether the file changed (false: every record was there already).
    pub changed: bool,
    /// The folder of the records file.
    pub dir: PathBuf,
    /// The records file.
    pub file: PathBuf,
}

/// The folder of a file (`.` for a bare name).
fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Two language tags as written name the same language (`pt-br`, `pt_BR`).
pub fn same_tag(a: &str, b: &str) -> bool {
    match (parse_tag(a), parse_tag(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.eq_ignore_ascii_case(b),
    }
}

/// `path` made absolute with its links resolved; the part that does not
/// exist yet is resolved by its names (`..` taken off lexically).
pub(super) fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    if let Ok(c) = absolute.canonicalize() {
        return c;
    }
    // The nearest existing ancestor, resolved, then the rest by name.
    let mut rest = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(c) = at.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return out;
        }
        match (at.parent(), at.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                at = parent;
            }
            _ => return absolute,
        }
    }
}

/// `path` as shown to the user: relative to `cwd` when below it or above it
/// (`..`), else absolute.
fn shown(path: &Path, cwd: &Path) -> PathBuf {
    let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_owned());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    if let Ok(rel) = path.strip_prefix(&cwd) {
        return if rel.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rel.to_owned()
        };
    }
    if let Ok(up) = cwd.strip_prefix(&path) {
        return std::iter::repeat_n("..", up.components().count()).collect();
    }
    path
}
