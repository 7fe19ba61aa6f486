//! Writing localized files: `write` (create a translation, or fill its
//! missing segments from the translation memory) and `sync` (carry link-only
//! changes and in-page anchors into translations).
//!
//! Planning reads pages and computes the new text with the pure `localize`
//! core; it never writes. [`save`] then writes a plan's text only when the
//! file is still the one that was read (otherwise nothing is written and
//! both versions survive: the file on disk and the plan in memory), and
//! atomically. A dry run is a plan that is not saved.

use std::path::{Path, PathBuf};

use crate::align::{Alignment, REVIEW_THRESHOLD, align};
use crate::localize::{
    self, Carry, CarryIssue, Edit, LocalizeError, Suggestion, TranslationMemory, segment_value,
};
use crate::segment::{self, Document, Segment, SegmentKind};
use crate::stale::{Chunk, Op, State};
use crate::workspace::{
    LoadError, Page, Project, SaveError, StaleDoc, load_page, same_tag, save_file_in,
};

/// What `trame write` does to one translation file.
#[derive(Debug, Clone)]
pub struct WritePlan {
    /// The source (English) page.
    pub source: Page,
    /// The translation file.
    pub path: PathBuf,
    /// The file as it was read; `None` when it does not exist yet.
    pub original: Option<String>,
    /// The file's new text.
    pub text: String,
    /// Source segments whose translation came from the translation memory, in order.
    pub from_memory: Vec<FromMemory>,
    /// Source segments still without a translation, in order.
    pub missing: Vec<Missing>,
    /// In-page links pointed at translated headings.
    pub anchors: Vec<Change>,
}

impl WritePlan {
    /// Returns true when saving the plan changes or creates the file.
    pub fn changes_file(&self) -> bool {
        self.original.as_deref() != Some(self.text.as_str())
    }
}

/// A source segment translated from the translation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromMemory {
    /// Index of the source segment.
    pub segment: usize,
    /// The translation written.
    pub translation: String,
}

/// A source segment left without a translation.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    /// Index of the source segment.
    pub segment: usize,
    /// The best near match of the translation memory, if any.
    pub suggestion: Option<Suggestion>,
}

/// One value replaced in a translation (a URL, a number, an anchor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The line of the translation where the old value stood.
    pub line: u32,
    /// The value before.
    pub old: String,
    /// The value after.
    pub new: String,
}

/// What `trame sync` does to one translation file.
#[derive(Debug, Clone)]
pub struct SyncPlan {
    /// The source (English) page.
    pub source: PathBuf,
    /// The translation file.
    pub path: PathBuf,
    /// The translation's language.
    pub lang: String,
    /// The file as it was read.
    pub original: String,
    /// The file's new text.
    pub text: String,
    /// Link-only changes carried from the English, in file order.
    pub carried: Vec<Change>,
    /// In-page links pointed at translated headings, in file order.
    pub anchors: Vec<Change>,
    /// Link-only changes left for the translator.
    pub left: Vec<Left>,
}

impl SyncPlan {
    /// Returns true when saving the plan changes the file.
    pub fn changes_file(&self) -> bool {
        self.original != self.text
    }
}

/// A link-only change of the English that was not carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// The first line of the translated segment.
    pub line: u32,
    /// Why it was not carried.
    pub issue: SyncIssue,
    /// The word diff of the English.
    pub diff: Vec<Chunk>,
}

/// Why a link-only change was left for the translator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncIssue {
    /// The carry itself found it ambiguous.
    Carry(CarryIssue),
    /// The English segment is translated by several segments, and the change
    /// does not fall in exactly one of them.
    SeveralSegments,
    /// The values of the old English cannot be told from its diff alone
    /// (they depend on the rest of the page, as reference links do).
    Context,
    /// A code block the translation changed (its comments translated): it
    /// is not the old English block, so the new one is not put in its place.
    CodeChanged,
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A page could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The page given as the source is itself a translation.
    #[error("{} is a translation, not a source page", path.display())]
    NotASource { path: PathBuf },
    /// The localized text could not be made.
    #[error("cannot localize {}", path.display())]
    Localize {
        path: PathBuf,
        #[source]
        source: LocalizeError,
    },
}

/// Returns where the `lang` translation of `source` is, or would be.
///
/// An existing file wins (as discovery finds it, either layout); a new file
/// follows the directory layout when the source sits in the source-language
/// folder of a content root that has another language folder beside it (so
/// the site uses that layout); otherwise the suffix layout.
pub fn translation_path(project: &Project, source: &Path, lang: &str) -> PathBuf {
    let existing = project
        .scan(&[source.to_owned()], None)
        .ok()
        .and_then(|scan| {
            scan.sets
                .into_iter()
                .flat_map(|s| s.translations)
                .find(|(l, _)| same_tag(l, lang))
                .map(|(_, p)| p)
        });
    existing.unwrap_or_else(|| project.new_translation_path(source, lang))
}

/// Returns true when `path` is a translation of another page (or an orphan
/// translation), as discovery sees it.
pub fn is_translation(project: &Project, path: &Path) -> bool {
    match project.scan(&[path.to_owned()], None) {
        Ok(scan) => {
            let is_source = scan.sets.iter().any(|s| same_file(&s.source, path));
            !is_source
                && (scan.orphans.iter().any(|o| same_file(&o.path, path))
                    || scan
                        .sets
                        .iter()
                        .any(|s| s.translations.iter().any(|(_, t)| same_file(t, path))))
        }
        Err(_) => false,
    }
}

/// Builds the translation memory of `lang` from the aligned pairs found
/// beside `source` (its folder, the same folder in every language in the
/// directory layout), leaving out the source page itself.
///
/// Pairs are stored as values (quoting decoded), not as written, so a
/// translation taken from a quoted caption fits an unquoted paragraph and
/// the other way round; that is why this does not use
/// [`TranslationMemory::add_pair`], whose filter it repeats.
pub fn memory_for(
    project: &Project,
    source: &Path,
    translation: &Path,
    lang: &str,
) -> Result<TranslationMemory, LoadError> {
    let dir = source
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    let sets = project
        .scan(&[dir], None)
        .map(|s| s.sets)
        .unwrap_or_default();
    let mut memory = TranslationMemory::new();
    for set in sets {
        if same_file(&set.source, source) {
            continue;
        }
        let mut english: Option<Page> = None;
        for (l, t) in &set.translations {
            if !same_tag(l, lang) || same_file(t, translation) {
                continue;
            }
            let s = match &english {
                Some(page) => page,
                None => english.insert(load_page(&set.source, &project.segment)?),
            };
            let t = load_page(t, &project.segment)?;
            add_values(&mut memory, s, &t, &align(&s.document, &t.document));
        }
    }
    Ok(memory)
}

/// Adds the trusted one-to-one rows of an aligned pair, as values.
fn add_values(memory: &mut TranslationMemory, s: &Page, t: &Page, alignment: &Alignment) {
    for row in &alignment.rows {
        if row.source.len() != 1 || row.target.len() != 1 || row.score < REVIEW_THRESHOLD {
            continue;
        }
        let (Some(a), Some(b)) = (
            s.document.segments.get(row.source.start),
            t.document.segments.get(row.target.start),
        ) else {
            continue;
        };
        // Prose left in English is not a translation; a short name is.
        if crate::segment::is_left_in_source(&a.text, &b.text) {
            continue;
        }
        memory.add(&segment_value(&s.text, a), &segment_value(&t.text, b));
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

/// Plans `trame write`: creates the `lang` translation of `source` from its
/// skeleton, or fills the missing segments of the existing one, with the
/// exact matches of the translation memory; then points in-page links at
/// the translated headings.
pub fn plan_write(project: &Project, source: &Path, lang: &str) -> Result<WritePlan, WriteError> {
    if is_translation(project, source) {
        return Err(WriteError::NotASource {
            path: source.to_owned(),
        });
    }
    let config = &project.segment;
    let page = load_page(source, config)?;
    let path = translation_path(project, source, lang);
    let memory = memory_for(project, source, &path, lang)?;
    let localize_err = |source| WriteError::Localize {
        path: path.clone(),
        source,
    };
    let hit = |seg: &Segment| -> Option<String> {
        // A standalone shortcode is kept as it is; a code block is copied
        // by `create` with its fences, and never filled alone (its lines
        // carry no fence).
        match seg.kind {
            SegmentKind::Shortcode => return Some(seg.text.clone()),
            SegmentKind::Code => return None,
            _ => {}
        }
        let value = segment_value(&page.text, seg);
        memory
            .exact(&value)
            .filter(|t| keeps_invariants(&value, t))
            .map(|t| fit(seg, t))
    };
    // `created_missing` is `None` for an existing file, whose missing
    // segments are read from its alignment at the end.
    let (original, mut text, from_memory, created_missing) = if path.exists() {
        let target = load_page(&path, config)?;
        let (text, filled) =
            fill_from_memory(&page, &target, config, &hit).map_err(localize_err)?;
        (Some(target.text), text, filled, None)
    } else {
        let created = localize::create(&page.text, &page.document, &|_, seg| hit(seg));
        let from_memory = (0..page.document.segments.len())
            .filter(|i| !created.missing.contains(i))
            .filter_map(|i| {
                hit(&page.document.segments[i]).map(|translation| FromMemory {
                    segment: i,
                    translation,
                })
            })
            .collect();
        // Code left as it is in a new translation is not left to translate.
        let missing = created
            .missing
            .into_iter()
            .filter(|&i| page.document.segments[i].kind.is_prose())
            .collect();
        (None, created.text, from_memory, Some(missing))
    };
    let (mut doc, _) = segment::parse_with(&text, config);
    let mut alignment = align(&page.document, &doc);
    let mut anchors = Vec::new();
    if let Some(a) =
        localize_anchors(&text, &doc, &page.document, &alignment, config).map_err(localize_err)?
    {
        // Anchors change no segment boundary; align again only if they did.
        if a.document.segments.len() != doc.segments.len() {
            alignment = align(&page.document, &a.document);
        }
        (text, doc, anchors) = (a.text, a.document, a.changes);
    }
    let missing = created_missing.unwrap_or_else(|| {
        let mut missing = missing_segments(&alignment);
        // Headings the translation has at another level are translated.
        missing.retain(|&i| {
            let seg = &page.document.segments[i];
            seg.kind != SegmentKind::Heading
                || hit(seg).is_none_or(|t| localize::heading_translated(&doc, &t).is_none())
        });
        missing.extend(
            left_in_english(&page.document, &doc, &alignment)
                .into_iter()
                .map(|(i, _)| i),
        );
        missing.sort_unstable();
        missing
    });
    let missing = missing
        .into_iter()
        .map(|i| Missing {
            segment: i,
            suggestion: memory
                .lookup(&segment_value(&page.text, &page.document.segments[i]), 1)
                .into_iter()
                .next(),
        })
        .collect();
    Ok(WritePlan {
        source: page,
        path,
        original,
        text,
        from_memory,
        missing,
        anchors,
    })
}

/// Fills each missing segment of `target` that has a memory hit, aligning
/// afresh after each fill; returns the text and the segments filled.
fn fill_from_memory(
    source: &Page,
    target: &Page,
    config: &segment::Config,
    hit: &dyn Fn(&Segment) -> Option<String>,
) -> Result<(String, Vec<FromMemory>), LocalizeError> {
    let mut text = target.text.clone();
    let mut doc = target.document.clone();
    let mut alignment = align(&source.document, &doc);
    let mut filled = Vec::new();
    // Prose left in English (by `create`, say) is replaced where it stands.
    let mut edits = Vec::new();
    for (i, j) in left_in_english(&source.document, &doc, &alignment) {
        let Some(translation) = hit(&source.document.segments[i]) else {
            continue;
        };
        if segment::normalize(&translation) != segment::normalize(&doc.segments[j].text) {
            filled.push(FromMemory {
                segment: i,
                translation: translation.clone(),
            });
            edits.push(Edit {
                segment: j,
                text: translation,
            });
        }
    }
    if !edits.is_empty() {
        text = localize::apply_edits(&text, &doc, &edits)?;
        doc = segment::parse_with(&text, config).0;
        alignment = align(&source.document, &doc);
    }
    let wanted: Vec<(usize, String)> = missing_segments(&alignment)
        .into_iter()
        .filter_map(|i| hit(&source.document.segments[i]).map(|t| (i, t)))
        .collect();
    for (i, translation) in wanted {
        if !missing_segments(&alignment).contains(&i) {
            continue;
        }
        // A heading already translated at another level, or with
        // punctuation added, is not written a second time.
        if source.document.segments[i].kind == SegmentKind::Heading
            && localize::heading_translated(&doc, &translation).is_some()
        {
            continue;
        }
        let new = match localize::fill(
            &source.text,
            &source.document,
            &text,
            &doc,
            &alignment,
            i,
            &translation,
        ) {
            Ok(new) => new,
            // Nowhere to put it: the segment stays missing.
            Err(LocalizeError::UnclosedFrontMatter) => continue,
            Err(e) => return Err(e),
        };
        text = new;
        doc = segment::parse_with(&text, config).0;
        alignment = align(&source.document, &doc);
        filled.push(FromMemory {
            segment: i,
            translation,
        });
    }
    filled.sort_unstable_by_key(|m| m.segment);
    Ok((text, filled))
}

/// Returns the one-to-one rows whose target is the source text itself, as
/// `(source, target)`: prose left in English. Short texts (names, numbers)
/// are taken as translated, as the translation memory takes them.
fn left_in_english(
    source: &Document,
    target: &Document,
    alignment: &Alignment,
) -> Vec<(usize, usize)> {
    alignment
        .rows
        .iter()
        .filter(|r| r.source.len() == 1 && r.target.len() == 1)
        .map(|r| (r.source.start, r.target.start))
        .filter(|&(i, j)| {
            let (s, t) = (&source.segments[i], &target.segments[j]);
            crate::segment::is_left_in_source(&s.text, &t.text)
        })
        .collect()
}

/// Returns the source segments of the alignment's rows without a target.
fn missing_segments(alignment: &Alignment) -> Vec<usize> {
    alignment
        .rows
        .iter()
        .filter(|r| r.target.is_empty() && r.moved.is_none())
        .flat_map(|r| r.source.clone())
        .collect()
}

/// Returns true when a translation has the links (in-page anchors aside,
/// since they follow the translated headings), code spans and shortcodes of
/// its source text: a memory entry whose translator changed a link is not
/// taken for a page whose links must stay those of its English.
fn keeps_invariants(source: &str, translation: &str) -> bool {
    let kept = |text: &str| {
        let (doc, _) = segment::parse(text);
        let mut urls = Vec::new();
        let mut code = Vec::new();
        let mut shortcodes = Vec::new();
        for s in doc.segments {
            urls.extend(
                s.invariants
                    .urls
                    .into_iter()
                    .filter(|u| !u.starts_with('#')),
            );
            code.extend(s.invariants.code);
            shortcodes.extend(s.invariants.shortcodes);
        }
        urls.sort_unstable();
        code.sort_unstable();
        shortcodes.sort_unstable();
        (urls, code, shortcodes)
    };
    kept(source) == kept(translation)
}

/// Adapts a memory translation to the segment it goes into: a list item's
/// continuation lines lose their indentation, which the writer then sets
/// for the item's own place.
fn fit(seg: &Segment, translation: &str) -> String {
    if seg.kind != SegmentKind::ListItem || !translation.contains('\n') {
        return translation.to_owned();
    }
    translation
        .split('\n')
        .enumerate()
        .map(|(k, line)| if k == 0 { line } else { line.trim_start() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text whose in-page links were pointed at the translated headings.
struct Anchored {
    text: String,
    document: Document,
    changes: Vec<Change>,
}

/// Points the in-page links of `text` at the translated headings; `None`
/// when none needs it.
fn localize_anchors(
    text: &str,
    doc: &Document,
    source: &Document,
    alignment: &Alignment,
    config: &segment::Config,
) -> Result<Option<Anchored>, LocalizeError> {
    let edits = localize::localize_anchors(text, doc, source, alignment);
    if edits.is_empty() {
        return Ok(None);
    }
    let mut changes = Vec::new();
    for edit in &edits {
        let seg = &doc.segments[edit.segment];
        let old = anchors_in(&seg.text);
        let new = anchors_in(&edit.text);
        for ((at, o), (_, n)) in old.iter().zip(&new) {
            if o != n {
                changes.push(Change {
                    line: line_in(seg, *at),
                    old: format!("#{o}"),
                    new: format!("#{n}"),
                });
            }
        }
    }
    let text = localize::apply_edits(text, doc, &edits)?;
    let document = segment::parse_with(&text, config).0;
    Ok(Some(Anchored {
        text,
        document,
        changes,
    }))
}

/// Returns the in-page link destinations of a Markdown text, with their offsets.
fn anchors_in(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("](#") {
        let start = from + at + 3;
        let len = text[start..].find([')', ' ']).unwrap_or(text.len() - start);
        out.push((start, &text[start..start + len]));
        from = start + len;
    }
    out
}

/// The first line where two code blocks differ: its index in the old block
/// and the two lines, trimmed (`""` for a line one block lacks).
fn first_difference(old: &str, new: &str) -> (u32, String, String) {
    let (mut a, mut b) = (old.lines(), new.lines());
    let mut k = 0;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x.trim() == y.trim() => k += 1,
            (None, None) => return (0, String::new(), String::new()),
            (x, y) => {
                let shown = |l: Option<&str>| l.map(|l| l.trim().to_owned()).unwrap_or_default();
                return (k, shown(x), shown(y));
            }
        }
    }
}

/// Returns the file line of byte `offset` of a segment's text.
fn line_in(seg: &Segment, offset: usize) -> u32 {
    let before = seg.text.get(..offset).unwrap_or(&seg.text);
    let breaks = u32::try_from(before.matches('\n').count()).unwrap_or(0);
    seg.lines.0 + breaks
}

/// Plans `trame sync` for one translation: carries the link-only changes
/// of its English (URLs, inline code, numbers) when unambiguous, then points
/// its in-page links at the translated headings.
///
/// The English before the change is read from each label's word diff (its
/// equal and deleted parts), and its values are found by segmenting that
/// text on its own. That is only trusted when the same treatment of the
/// current English gives the current segment's values; otherwise the change
/// is left for the translator ([`SyncIssue::Context`]).
pub fn plan_sync(
    doc: &StaleDoc,
    config: &segment::Config,
    links: Option<&localize::LinkRule>,
) -> Result<SyncPlan, LocalizeError> {
    let (source, target) = (&doc.source, &doc.target);
    // New values by target segment; a segment may take changes of several labels.
    let mut values: Vec<Option<String>> = vec![None; target.document.segments.len()];
    let mut carried = Vec::new();
    let mut left = Vec::new();
    for label in doc.labels.iter().filter(|l| l.state == State::LinkOnly) {
        let (Some(i), false) = (label.source, label.target.is_empty()) else {
            continue;
        };
        let first_line = target.document.segments[label.target.start].lines.0;
        let leave = |issue| Left {
            line: first_line,
            issue,
            diff: label.diff.clone(),
        };
        let new_seg = &source.document.segments[i];
        let side = |keep: Op| -> String {
            label
                .diff
                .iter()
                .filter(|c| c.op == Op::Equal || c.op == keep)
                .map(|c| c.text.as_str())
                .collect()
        };
        // A code block the translation kept as the old English had it is
        // the English's new block; one it changed (comments translated) is
        // the translator's to update.
        if new_seg.kind == SegmentKind::Code
            && label.target.len() == 1
            && target.document.segments[label.target.start].kind == SegmentKind::Code
        {
            let j = label.target.start;
            let seg = &target.document.segments[j];
            let kept = segment_value(&target.text, seg);
            if values[j].is_none()
                && segment::normalize(&kept) == segment::normalize(&side(Op::Delete))
            {
                let new = segment_value(&source.text, new_seg);
                let (line, old, new_line) = first_difference(&kept, &new);
                carried.push(Change {
                    line: seg.lines.0 + line,
                    old,
                    new: new_line,
                });
                values[j] = Some(new);
            } else {
                left.push(leave(SyncIssue::CodeChanged));
            }
            continue;
        }
        let (old_iso, new_iso) = (
            alone(&side(Op::Delete), new_seg),
            alone(&side(Op::Insert), new_seg),
        );
        if !same_carried_values(&new_iso, new_seg) {
            left.push(leave(SyncIssue::Context));
            continue;
        }
        // Try each translated segment; exactly one must hold the change.
        let mut applied: Vec<Applied> = Vec::new();
        let mut issue = None;
        for j in label.target.clone() {
            let seg = &target.document.segments[j];
            let value = values[j]
                .clone()
                .unwrap_or_else(|| segment_value(&target.text, seg));
            let standalone = Segment {
                kind: SegmentKind::Paragraph,
                bytes: 0..value.len(),
                text: value.clone(),
                ..seg.clone()
            };
            match localize::carry(&old_iso, &new_iso, &value, &standalone) {
                Carry::Applied { text, changes } => applied.push((j, text, changes)),
                Carry::Nothing => {}
                Carry::Ambiguous {
                    reason: CarryIssue::NotFound { .. },
                } if label.target.len() > 1 => {}
                Carry::Ambiguous { reason } => issue = Some(reason),
            }
        }
        match (issue, applied.len()) {
            (Some(reason), _) => left.push(leave(SyncIssue::Carry(reason))),
            (None, 0) if label.target.len() > 1 => left.push(leave(SyncIssue::SeveralSegments)),
            (None, 0) => {}
            (None, 1) => {
                let Some((j, text, changes)) = applied.pop() else {
                    continue;
                };
                let seg = &target.document.segments[j];
                let before = values[j].clone().unwrap_or_else(|| seg.text.clone());
                for (old, new) in changes {
                    let at = before.find(old.as_str()).unwrap_or(0);
                    carried.push(Change {
                        line: line_in(seg, at),
                        old,
                        new,
                    });
                }
                values[j] = Some(text);
            }
            (None, _) => left.push(leave(SyncIssue::SeveralSegments)),
        }
    }
    let edits: Vec<Edit> = values
        .into_iter()
        .enumerate()
        .filter_map(|(j, v)| v.map(|text| Edit { segment: j, text }))
        .collect();
    let (mut text, mut tdoc) = (target.text.clone(), None);
    if !edits.is_empty() {
        text = localize::apply_edits(&target.text, &target.document, &edits)?;
        tdoc = Some(segment::parse_with(&text, config).0);
    }
    let tdoc = tdoc.as_ref().unwrap_or(&target.document);
    // Carried values stay inside their segments, so the alignment still holds
    // unless the segmentation changed.
    let realigned;
    let alignment = if tdoc.segments.len() == target.document.segments.len() {
        &doc.alignment
    } else {
        realigned = align(&source.document, tdoc);
        &realigned
    };
    let mut anchors = Vec::new();
    if let Some(a) = localize_anchors(&text, tdoc, &source.document, alignment, config)? {
        (text, anchors) = (a.text, a.changes);
    }
    // Site links localized by the project's rule (`/x/` to `/fr/x/`).
    if let Some(rule) = links {
        let current = segment::parse_with(&text, config).0;
        let mut edits = Vec::new();
        for (j, seg) in current.segments.iter().enumerate() {
            // Links shown in code are examples, not the site's links.
            if !seg.kind.is_prose() {
                continue;
            }
            let new = localize::localize_link_prefix(&seg.text, &doc.lang, rule);
            if new == seg.text {
                continue;
            }
            for (o, n) in link_destinations(&seg.text)
                .into_iter()
                .zip(link_destinations(&new))
            {
                if o != n {
                    anchors.push(Change {
                        line: seg.lines.0,
                        old: o,
                        new: n,
                    });
                }
            }
            edits.push(Edit {
                segment: j,
                text: new,
            });
        }
        if !edits.is_empty() {
            text = localize::apply_edits(&text, &current, &edits)?;
        }
    }
    carried.sort_by_key(|c| c.line);
    left.sort_by_key(|l| l.line);
    Ok(SyncPlan {
        source: source.path.clone(),
        path: target.path.clone(),
        lang: doc.lang.clone(),
        original: target.text.clone(),
        text,
        carried,
        anchors,
        left,
    })
}

/// Returns the destinations of inline links and images (`](dest)`), in order.
fn link_destinations(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            let end = rest.find([')', ' '])?;
            Some(rest[..end].to_owned())
        })
        .collect()
}

/// A carry that applies to one target segment: its index, its new value and
/// the `(old, new)` values replaced.
type Applied = (usize, String, Vec<(String, String)>);

/// Returns `like` with the text and values of `text` segmented on its own
/// (the values of every segment it gives, in order).
fn alone(text: &str, like: &Segment) -> Segment {
    let (doc, _) = segment::parse(text);
    let mut invariants = segment::Invariants::default();
    for s in &doc.segments {
        invariants.urls.extend(s.invariants.urls.iter().cloned());
        invariants.code.extend(s.invariants.code.iter().cloned());
        invariants
            .numbers
            .extend(s.invariants.numbers.iter().cloned());
    }
    Segment {
        text: text.to_owned(),
        invariants,
        ..like.clone()
    }
}

/// Returns true when two segments have the same URLs, code and numbers.
fn same_carried_values(a: &Segment, b: &Segment) -> bool {
    a.invariants.urls == b.invariants.urls
        && a.invariants.code == b.invariants.code
        && a.invariants.numbers == b.invariants.numbers
}

/// Writes `text` to `path`, which was read as `original` (`None`: the file
/// did not exist). Returns false, writing nothing, when the text is the
/// original.
///
/// Refused with [`SaveError::ChangedOnDisk`] when the file is no longer what
/// was read (created meanwhile, edited or deleted): the file on disk is kept
/// and the caller still holds its text. A new file's directory is created.
///
/// Confined to `root` (see [`crate::workspace::save_file_in`]).
pub fn save(
    root: Option<&Path>,
    path: &Path,
    original: Option<&str>,
    text: &str,
) -> Result<bool, SaveError> {
    if original == Some(text) {
        return Ok(false);
    }
    match original {
        Some(original) => save_file_in(root, path, original.as_bytes(), text)?,
        None => {
            if path.symlink_metadata().is_ok() {
                return Err(SaveError::ChangedOnDisk {
                    path: path.to_owned(),
                });
            }
            // Nothing is created outside the repository, not even a folder
            // (a language folder may be a link leading out of it).
            crate::workspace::confine_to(root, path)?;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
                    path: path.to_owned(),
                    source,
                })?;
            }
            save_file_in(root, path, b"", text)?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_paths_follow_the_layout() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let project = Project::new(Default::default(), None, root.to_owned(), Vec::new());
        let translation_path = |s: &Path, l: &str| super::translation_path(&project, s, l);
        let is_translation = |p: &Path| super::is_translation(&project, p);
        std::fs::create_dir_all(root.join("blog")).unwrap();
        std::fs::write(root.join("blog/x.md"), "# X\n").unwrap();
        assert_eq!(
            translation_path(&root.join("blog/x.md"), "it"),
            root.join("blog/x.it.md")
        );
        // Directory layout: only when another language directory exists.
        std::fs::create_dir_all(root.join("content/en/a")).unwrap();
        std::fs::write(root.join("content/en/a/y.md"), "# Y\n").unwrap();
        assert_eq!(
            translation_path(&root.join("content/en/a/y.md"), "it"),
            root.join("content/en/a/y.it.md")
        );
        std::fs::create_dir_all(root.join("content/fr")).unwrap();
        assert_eq!(
            translation_path(&root.join("content/en/a/y.md"), "it"),
            root.join("content/it/a/y.md")
        );
        // An existing suffix translation wins.
        std::fs::write(root.join("content/en/a/y.it.md"), "# Y\n").unwrap();
        assert_eq!(
            translation_path(&root.join("content/en/a/y.md"), "it"),
            root.join("content/en/a/y.it.md")
        );
        assert!(is_translation(&root.join("content/en/a/y.it.md")));
        assert!(!is_translation(&root.join("content/en/a/y.md")));
        std::fs::create_dir_all(root.join("content/fr/a")).unwrap();
        std::fs::write(root.join("content/fr/a/y.md"), "# Y\n").unwrap();
        assert!(is_translation(&root.join("content/fr/a/y.md")));
    }

    #[test]
    fn save_creates_a_new_file_once_and_keeps_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("it/x.md");
        assert!(save(None, &path, None, "Ciao.\n").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Ciao.\n");
        // Created by someone else meanwhile: refused, theirs kept.
        let err = save(None, &path, None, "Salve.\n").unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Ciao.\n");
        assert!(!save(None, &path, Some("Ciao.\n"), "Ciao.\n").unwrap());
    }

    #[test]
    fn anchors_are_found_with_their_lines() {
        let (doc, _) = segment::parse("See [a](#one) and\n[b](#two).\n");
        let seg = &doc.segments[0];
        let found = anchors_in(&seg.text);
        assert_eq!(
            found.iter().map(|(_, a)| *a).collect::<Vec<_>>(),
            ["one", "two"]
        );
        assert_eq!(line_in(seg, found[1].0), 2);
    }
}
