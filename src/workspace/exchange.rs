//! Export, import and translation memory: the staleness of a site turned
//! into [`crate::exchange`] units, and units read back turned into edits of
//! the translations through the localize writer.
//!
//! A unit is one alignment row with English prose; its id is the page path
//! (relative to the project root) and the fingerprint of the row's English,
//! as `.trame-reviews` keys rows ([`super::row_fingerprint`]), so an import
//! finds the row again and refuses a unit whose English changed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{
    Project, StaleDoc, StaleError, StaleNote, row_fingerprint, staleness, staleness_in_order,
};
use crate::exchange::inline::{self, Broken};
use crate::exchange::{self, Exchange, Returns, Status, Unit, tmx};
use crate::localize::{self, Edit};
use crate::segment::{self, SegmentKind};
use crate::stale::{Chunk, Op, State};

/// Separates the segments of one row in a unit's text.
const BREAK: &str = "\n\n";

/// Returns the page's path as units name it: relative to the project root,
/// `/`-separated.
fn page_path(project: &Project, path: &Path) -> String {
    let absolute = super::project::resolve(path);
    let rel = absolute.strip_prefix(&project.confine).unwrap_or(path);
    rel.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The id of every alignment row with English prose (`None` for the others).
fn row_ids(page: &str, doc: &StaleDoc) -> Vec<Option<String>> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    doc.alignment
        .rows
        .iter()
        .map(|row| {
            let prose = !row.source.is_empty()
                && row
                    .source
                    .clone()
                    .all(|i| doc.source.document.segments[i].kind.is_prose());
            if !prose {
                return None;
            }
            let fp = row_fingerprint(&doc.source.document, &row.source);
            let n = seen.entry(fp.0).or_insert(0);
            *n += 1;
            Some(if *n == 1 {
                format!("{page}#{fp}")
            } else {
                format!("{page}#{fp}~{n}")
            })
        })
        .collect()
}

/// The value of segments as a translator edits them, joined.
fn values(page: &super::Page, range: std::ops::Range<usize>) -> String {
    range
        .map(|k| localize::segment_value(&page.text, &page.document.segments[k]))
        .collect::<Vec<_>>()
        .join(BREAK)
}

/// The old text of a word diff: its equal and deleted chunks.
fn old_text(diff: &[Chunk]) -> String {
    diff.iter()
        .filter(|c| c.op != Op::Insert)
        .map(|c| c.text.as_str())
        .collect()
}

/// A word diff on one line: `[-old-]{+new+}`.
fn shown_diff(diff: &[Chunk]) -> String {
    diff.iter()
        .map(|c| match c.op {
            Op::Equal => c.text.clone(),
            Op::Delete => format!("[-{}-]", c.text),
            Op::Insert => format!("{{+{}+}}", c.text),
        })
        .collect()
}

/// The units of one translation: the rows that need work (every row with
/// English prose when `all`).
fn units_of(project: &Project, doc: &StaleDoc, all: bool) -> Vec<Unit> {
    let source = &doc.source;
    let mut label_of = vec![None; source.document.segments.len()];
    for l in &doc.labels {
        if let Some(i) = l.source
            && i < label_of.len()
        {
            label_of[i] = Some(l);
        }
    }
    let ids = row_ids(&page_path(project, &doc.source.path), doc);
    let mut section: Option<String> = None;
    let mut out = Vec::new();
    for (row, id) in doc.alignment.rows.iter().zip(ids) {
        let here = section.clone();
        for i in row.source.clone() {
            let seg = &source.document.segments[i];
            if seg.kind == SegmentKind::Heading {
                section = Some(segment::normalize(&seg.text));
            }
        }
        let Some(id) = id else { continue };
        let labels: Vec<_> = row.source.clone().filter_map(|i| label_of[i]).collect();
        let states: Vec<State> = labels.iter().map(|l| l.state).collect();
        if !all && !states.iter().any(|s| s.needs_work()) {
            continue;
        }
        let target = (!row.target.is_empty()).then(|| values(&doc.target, row.target.clone()));
        let status = if target.is_none() || states.iter().any(|s| s.is_gap()) {
            Status::NeedsTranslation
        } else if states.contains(&State::Stale) {
            Status::NeedsReview
        } else {
            Status::Translated
        };
        let mut names: Vec<&str> = Vec::new();
        for s in &states {
            if !names.contains(&s.as_str()) {
                names.push(s.as_str());
            }
        }
        let changed = target.is_some()
            && labels
                .iter()
                .any(|l| l.diff.iter().any(|c| c.op != Op::Equal));
        let (base, diff) = if changed {
            // A segment added since (a gap) had no English at the base.
            let base = row
                .source
                .clone()
                .filter_map(|i| match label_of[i] {
                    Some(l) if l.state.is_gap() => None,
                    Some(l) if !l.diff.is_empty() => Some(old_text(&l.diff)),
                    _ => Some(localize::segment_value(
                        &source.text,
                        &source.document.segments[i],
                    )),
                })
                .collect::<Vec<_>>()
                .join(BREAK);
            let diff = labels
                .iter()
                .filter(|l| !l.diff.is_empty())
                .map(|l| shown_diff(&l.diff))
                .collect::<Vec<_>>()
                .join(" ¶ ");
            (Some(base), Some(diff))
        } else {
            (None, None)
        };
        let first = &source.document.segments[row.source.start];
        let value = |k: usize| {
            let seg = source.document.segments.get(k)?;
            seg.kind
                .is_prose()
                .then(|| localize::segment_value(&source.text, seg))
        };
        let neighbours = (
            row.source.start.checked_sub(1).and_then(value),
            value(row.source.end),
        );
        out.push(Unit {
            id,
            source: values(source, row.source.clone()),
            target,
            status,
            label: names.join(", "),
            base,
            diff,
            section: here,
            line: first.lines.0,
            neighbours,
            kind: first.kind.as_str().to_owned(),
        });
    }
    out
}

/// The units of every translation in `lang` under `paths` (the content
/// when empty): those that need work, or every one with `all`.
pub fn export(
    project: &Project,
    paths: &[PathBuf],
    lang: &str,
    all: bool,
) -> Result<(Exchange, Vec<StaleNote>), StaleError> {
    let (docs, notes) = staleness(project, paths, Some(lang))?;
    let pages = docs
        .iter()
        .filter(|d| super::same_tag(&d.lang, lang))
        .map(|doc| exchange::Page {
            path: page_path(project, &doc.source.path),
            units: units_of(project, doc, all),
        })
        .filter(|p| !p.units.is_empty())
        .collect();
    let target_lang = docs
        .iter()
        .map(|d| d.lang.clone())
        .find(|l| super::same_tag(l, lang))
        .unwrap_or_else(|| lang.to_owned());
    Ok((
        Exchange {
            source_lang: project.source_tag().to_owned(),
            target_lang,
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            pages,
        },
        notes,
    ))
}

/// The translation memory of every aligned pair whose English segments are
/// all up to date, in every language (or `lang`) under `paths`.
pub fn memory(
    project: &Project,
    paths: &[PathBuf],
    lang: Option<&str>,
) -> Result<(tmx::Memory, Vec<StaleNote>), StaleError> {
    // Each translation's pairs are taken as it comes and the rest of it
    // dropped: the whole site is never held at once.
    let mut pairs = Vec::new();
    // One English page has several translations: its path is found once.
    let mut page: Option<(PathBuf, String)> = None;
    let notes = staleness_in_order(project, paths, lang, &mut |doc| {
        if page.as_ref().is_none_or(|(p, _)| *p != doc.source.path) {
            let name = page_path(project, &doc.source.path);
            page = Some((doc.source.path.clone(), name));
        }
        let name = page.as_ref().map_or("", |(_, n)| n.as_str());
        memory_pairs(name, &doc, &mut pairs);
    })?;
    Ok((
        tmx::Memory {
            source_lang: project.source_tag().to_owned(),
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            pairs,
        },
        notes,
    ))
}

/// Adds the up-to-date pairs of one translation to a translation memory.
fn memory_pairs(page: &str, doc: &StaleDoc, pairs: &mut Vec<tmx::Pair>) {
    let mut state_of = vec![None; doc.source.document.segments.len()];
    for l in &doc.labels {
        if let Some(i) = l.source.filter(|&i| i < state_of.len()) {
            state_of[i] = Some(l.state);
        }
    }
    for (row, id) in doc.alignment.rows.iter().zip(row_ids(page, doc)) {
        let Some(id) = id else { continue };
        let up_to_date = row
            .source
            .clone()
            .all(|i| state_of[i] == Some(State::UpToDate));
        if row.target.is_empty() || !up_to_date {
            continue;
        }
        pairs.push(tmx::Pair {
            id,
            lang: doc.lang.clone(),
            source: values(&doc.source, row.source.clone()),
            target: values(&doc.target, row.target.clone()),
        });
    }
}

/// Why a unit read back is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Its English changed since the export (or its row is gone).
    EnglishChanged,
    /// Its page is not in the project, or not a page with this translation.
    NoSuchPage,
    /// Its inline codes did not come back.
    Broken(Broken),
    /// The row has several segments and the text does not split into as many.
    Segments { expected: usize, found: usize },
    /// The localize writer refused it.
    Localize(String),
}

/// A unit that is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Its id.
    pub id: String,
    /// Its English, as the file carries it.
    pub source: String,
    /// Why.
    pub reason: Refused,
}

/// A translation an import changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The translation file.
    pub path: PathBuf,
    /// Its text as read.
    pub original: String,
    /// Its new text.
    pub text: String,
    /// How many units changed it.
    pub units: usize,
}

/// What an import would do; nothing is written while planning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// The translation language.
    pub lang: String,
    /// The files to write.
    pub files: Vec<FileChange>,
    /// Units not written, and why.
    pub refused: Vec<Refusal>,
    /// Units whose translation is the one the file has.
    pub unchanged: usize,
    /// Units with no translation in the file.
    pub empty: usize,
    /// The English segments of the units a tool marked done (translated,
    /// final, not fuzzy), to be recorded as reviewed once written: the
    /// English is not written, so its segments keep their indices even when
    /// the translation's rows change shape.
    pub reviews: Vec<Reviewed>,
    /// The English pages of the units.
    pub pages: Vec<PathBuf>,
}

/// English segments whose translation a tool marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    /// The English page.
    pub page: PathBuf,
    /// Its segments.
    pub segments: std::ops::Range<usize>,
}

/// Plans an import: each unit of `returns` found by its id in the current
/// staleness, checked, and turned into edits of its translation's segments
/// (or a fill of a missing one).
pub fn plan_import(
    project: &Project,
    returns: &Returns,
) -> Result<(ImportPlan, Vec<StaleNote>), StaleError> {
    let lang = returns.target_lang.clone();
    let mut plan = ImportPlan {
        lang: lang.clone(),
        ..ImportPlan::default()
    };
    // Units by page, in file order.
    let mut by_page: Vec<(String, Vec<&exchange::Returned>)> = Vec::new();
    for unit in &returns.units {
        let page = exchange::split_id(&unit.id).map_or("", |(p, _)| p);
        match by_page.iter_mut().find(|(p, _)| p == page) {
            Some((_, v)) => v.push(unit),
            None => by_page.push((page.to_owned(), vec![unit])),
        }
    }
    let refuse = |plan: &mut ImportPlan, unit: &exchange::Returned, reason: Refused| {
        plan.refused.push(Refusal {
            id: unit.id.clone(),
            source: unit.source.clone(),
            reason,
        })
    };
    // Each page as the user would name it: relative to the current folder
    // when inside it. The page is looked for under the project root (a
    // repository's work tree), else under the current folder and the
    // content roots (a site that is not a repository, where the root is
    // the folder the export started from).
    let cwd = std::env::current_dir().unwrap_or_default();
    let cwd_resolved = super::project::resolve(&cwd);
    let shown = |absolute: PathBuf| {
        absolute
            .strip_prefix(&cwd_resolved)
            .ok()
            .map(Path::to_owned)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(absolute)
    };
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for (page, units) in &by_page {
        let relative = Path::new(page);
        let safe = !page.is_empty()
            && relative
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        let candidates = std::iter::once(project.confine.clone())
            .chain(std::iter::once(cwd_resolved.clone()))
            .chain(project.content.iter().map(|c| super::project::resolve(c)));
        let path = candidates
            .map(|base| base.join(relative))
            .find(|p| safe && p.is_file() && project.confined(p).is_ok());
        match path {
            Some(path) => found.push((page.clone(), shown(path))),
            None => {
                for u in units {
                    refuse(&mut plan, u, Refused::NoSuchPage);
                }
            }
        }
    }
    if found.is_empty() {
        return Ok((plan, Vec::new()));
    }
    let paths: Vec<PathBuf> = found.iter().map(|(_, p)| p.clone()).collect();
    let (docs, notes) = staleness(project, &paths, Some(&lang))?;
    // Each page's path resolved once (resolving reads the file system).
    let found: HashMap<&String, &PathBuf> = found.iter().map(|(p, path)| (p, path)).collect();
    let mut doc_of: HashMap<PathBuf, &StaleDoc> = HashMap::new();
    for d in docs.iter().filter(|d| super::same_tag(&d.lang, &lang)) {
        doc_of
            .entry(super::project::resolve(&d.source.path))
            .or_insert(d);
    }
    for (page, units) in &by_page {
        let Some(path) = found.get(page) else {
            continue;
        };
        let Some(doc) = doc_of.get(&super::project::resolve(path)).copied() else {
            for u in units {
                refuse(&mut plan, u, Refused::NoSuchPage);
            }
            continue;
        };
        plan.pages.push(doc.source.path.clone());
        plan_page(doc, page, units, &mut plan, &lang, project);
    }
    Ok((plan, notes))
}

/// Plans the units of one translation.
fn plan_page(
    doc: &StaleDoc,
    page: &str,
    units: &[&exchange::Returned],
    plan: &mut ImportPlan,
    lang: &str,
    project: &Project,
) {
    let ids = row_ids(page, doc);
    let row_of: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .filter_map(|(k, id)| Some((id.as_deref()?, k)))
        .collect();
    let settled: HashSet<usize> = doc
        .labels
        .iter()
        .filter(|l| l.state != State::UpToDate)
        .filter_map(|l| l.source)
        .collect();
    let mut edits: Vec<Edit> = Vec::new();
    let mut fills: Vec<(usize, String)> = Vec::new();
    let mut written = 0;
    for unit in units {
        let refuse = |plan: &mut ImportPlan, reason| {
            plan.refused.push(Refusal {
                id: unit.id.clone(),
                source: unit.source.clone(),
                reason,
            })
        };
        let Some(&k) = row_of.get(unit.id.as_str()) else {
            refuse(plan, Refused::EnglishChanged);
            continue;
        };
        let row = &doc.alignment.rows[k];
        let Some(new) = unit.target.as_deref() else {
            plan.empty += 1;
            continue;
        };
        if let Some(broken) = &unit.broken {
            refuse(plan, Refused::Broken(broken.clone()));
            continue;
        }
        let needs_review = row.source.clone().any(|i| settled.contains(&i));
        let current = (!row.target.is_empty()).then(|| values(&doc.target, row.target.clone()));
        if current.as_deref() == Some(new) {
            plan.unchanged += 1;
            if unit.done && needs_review {
                plan.reviews.push(Reviewed {
                    page: doc.source.path.clone(),
                    segments: row.source.clone(),
                });
            }
            continue;
        }
        let english = values(&doc.source, row.source.clone());
        let mut references = vec![english.as_str()];
        references.extend(current.as_deref());
        if let Err(broken) = inline::check_codes(new, &references, lang) {
            refuse(plan, Refused::Broken(broken));
            continue;
        }
        let slots = if row.target.is_empty() {
            row.source.len()
        } else {
            row.target.len()
        };
        let parts: Vec<&str> = if slots == 1 {
            vec![new]
        } else {
            new.split(BREAK).collect()
        };
        if parts.len() != slots {
            refuse(
                plan,
                Refused::Segments {
                    expected: slots,
                    found: parts.len(),
                },
            );
            continue;
        }
        if row.target.is_empty() {
            fills.extend(
                row.source
                    .clone()
                    .zip(parts)
                    .map(|(i, p)| (i, p.to_owned())),
            );
        } else {
            edits.extend(row.target.clone().zip(parts).map(|(j, p)| Edit {
                segment: j,
                text: p.to_owned(),
            }));
        }
        written += 1;
        if unit.done {
            plan.reviews.push(Reviewed {
                page: doc.source.path.clone(),
                segments: row.source.clone(),
            });
        }
    }
    if written == 0 {
        return;
    }
    match localized(project, doc, lang, &edits, &fills) {
        Ok(text) => {
            if text != doc.target.text {
                plan.files.push(FileChange {
                    path: doc.target.path.clone(),
                    original: doc.target.text.clone(),
                    text,
                    units: written,
                });
            }
        }
        Err(e) => {
            // The whole file is refused: its edits go together.
            for unit in units {
                if unit.target.is_some() && row_of.contains_key(unit.id.as_str()) {
                    plan.refused.push(Refusal {
                        id: unit.id.clone(),
                        source: unit.source.clone(),
                        reason: Refused::Localize(e.to_string()),
                    });
                }
            }
            plan.reviews.retain(|r| r.page != doc.source.path);
        }
    }
}

/// The translation's text with the edits applied, then each fill inserted
/// where the alignment puts it (as the interface saves).
fn localized(
    project: &Project,
    doc: &StaleDoc,
    lang: &str,
    edits: &[Edit],
    fills: &[(usize, String)],
) -> Result<String, localize::LocalizeError> {
    let mut text = localize::apply_edits(&doc.target.text, &doc.target.document, edits)?;
    if fills.is_empty() {
        return Ok(text);
    }
    let config = &project.segment;
    for (i, value) in fills {
        let target = segment::parse_with(&text, config).0;
        let alignment =
            project.align_documents(&doc.source.path, lang, &doc.source.document, &target);
        text = localize::fill(
            &doc.source.text,
            &doc.source.document,
            &text,
            &target,
            &alignment,
            *i,
            value,
        )?;
    }
    Ok(text)
}

/// Writes the files of an import plan, then records the reviews of the
/// units a tool marked done. Returns the files written and how many
/// reviews were recorded.
pub fn apply_import(
    project: &Project,
    plan: &ImportPlan,
) -> Result<(Vec<PathBuf>, usize), ImportError> {
    let mut written = Vec::new();
    for file in &plan.files {
        if super::write::save(
            Some(&project.confine),
            &file.path,
            Some(&file.original),
            &file.text,
        )? {
            written.push(file.path.clone());
        }
    }
    if plan.reviews.is_empty() {
        return Ok((written, 0));
    }
    let (docs, notes) = staleness(project, &plan.pages, Some(&plan.lang))?;
    let mut count = 0;
    for doc in docs.iter().filter(|d| super::same_tag(&d.lang, &plan.lang)) {
        let covered: HashSet<usize> = plan
            .reviews
            .iter()
            .filter(|r| r.page == doc.source.path)
            .flat_map(|r| r.segments.clone())
            .collect();
        let rows: Vec<usize> = doc
            .alignment
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                !row.source.is_empty()
                    && !row.target.is_empty()
                    && row.source.clone().all(|i| covered.contains(&i))
            })
            .map(|(k, _)| k)
            .collect();
        if !rows.is_empty() {
            count += project.record_reviews(doc, &rows, &notes)?.count;
        }
    }
    Ok((written, count))
}

/// Why an import could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A translation could not be saved.
    #[error(transparent)]
    Save(#[from] super::SaveError),
    /// The pages could not be read again.
    #[error(transparent)]
    Stale(#[from] StaleError),
    /// The reviews could not be recorded.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Writes an exported file (XLIFF, PO, TMX) atomically, inside the
/// repository like every other write: a file outside it is refused (print
/// to standard output and redirect to write one elsewhere).
pub fn write_file(project: &Project, path: &Path, text: &str) -> Result<(), super::SaveError> {
    let io = |source| super::SaveError::Io {
        path: path.to_owned(),
        source,
    };
    super::confine_to(Some(&project.confine), path)?;
    crate::fs::write_atomic_in(Some(&project.confine), path, text.as_bytes()).map_err(io)
}

/// Reads a file to import: UTF-8 text (a byte-order mark is kept for the
/// reader to skip).
pub fn read_file(path: &Path) -> Result<String, super::LoadError> {
    let bytes = std::fs::read(path).map_err(|source| super::LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| super::LoadError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}
