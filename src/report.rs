//! Coverage and consistency: what coordinators and CI read.
//!
//! Pure: no I/O. From a translation's alignment and labels it counts
//! segments by state per heading section, and finds inconsistencies between
//! each segment and its translation: a URL, inline code, number or month
//! present on one side only, a shortcode whose untranslatable parameters
//! changed, a front-matter key the translation lost, an in-page anchor that
//! resolves to no heading, and broken Markdown structure.

use crate::segment::numbers::{self, primary};

use std::collections::HashSet;

use crate::align::Alignment;
use crate::segment::{Diagnostic, Document, SegmentKind};
use crate::stale::{Labelled, State};

/// Segment counts by state, and the English words still to translate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Count per state, indexed like [`State::ALL`].
    pub by_state: [usize; 8],
    /// Words of the English segments that are stale, missing or untranslated.
    pub words_to_translate: usize,
}

impl Counts {
    /// Returns the count of one state.
    pub fn get(&self, state: State) -> usize {
        self.by_state[state_index(state)]
    }

    /// Returns the number of English segments (removed ones are the translation's).
    pub fn total(&self) -> usize {
        self.by_state.iter().sum::<usize>() - self.get(State::Removed)
    }

    /// Returns the number of English segments with a translation.
    pub fn translated(&self) -> usize {
        self.total() - self.get(State::Missing) - self.get(State::Untranslated)
    }

    /// Returns the translated share in percent (100 for an empty page).
    pub fn percent(&self) -> f64 {
        if self.total() == 0 {
            100.0
        } else {
            100.0 * self.translated() as f64 / self.total() as f64
        }
    }

    /// Segments a translator must rewrite or write.
    pub fn needs_work(&self) -> usize {
        self.get(State::Stale)
            + self.get(State::Missing)
            + self.get(State::Untranslated)
            + self.get(State::Removed)
    }

    /// Segments to check but not rewrite.
    pub fn to_check(&self) -> usize {
        self.get(State::LinkOnly) + self.get(State::Cosmetic)
    }

    fn add(&mut self, state: State, words: usize) {
        self.by_state[state_index(state)] += 1;
        if matches!(state, State::Stale | State::Missing | State::Untranslated) {
            self.words_to_translate += words;
        }
    }
}

fn state_index(state: State) -> usize {
    State::ALL.iter().position(|s| *s == state).unwrap_or(0)
}

/// A heading section of the English page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading text (empty for the part before the first heading).
    pub title: String,
    /// The heading's anchor, if any.
    pub anchor: Option<String>,
    /// The heading's first line (1 for the part before the first heading).
    pub line: u32,
    /// The last line of the section's last segment.
    pub end_line: u32,
    /// Counts of the section's segments.
    pub counts: Counts,
}

/// What kind of inconsistency a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A link destination or image source on one side only.
    Url,
    /// Inline code on one side only.
    Code,
    /// A number on one side only.
    Number,
    /// A month on one side only.
    Date,
    /// A shortcode whose untranslatable parameters differ.
    Shortcode,
    /// A front-matter key of the English missing from the translation.
    FrontMatter,
    /// An in-page link to an anchor no heading has.
    Anchor,
    /// Broken Markdown structure in the translation.
    Markdown,
}

impl Rule {
    /// Returns the stable machine name used in JSON output and `trame.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Url => "url",
            Rule::Code => "code",
            Rule::Number => "number",
            Rule::Date => "date",
            Rule::Shortcode => "shortcode",
            Rule::FrontMatter => "front-matter",
            Rule::Anchor => "anchor",
            Rule::Markdown => "markdown",
        }
    }

    /// Every rule.
    pub const ALL: [Rule; 8] = [
        Rule::Url,
        Rule::Code,
        Rule::Number,
        Rule::Date,
        Rule::Shortcode,
        Rule::FrontMatter,
        Rule::Anchor,
        Rule::Markdown,
    ];

    /// Parses a machine name.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// Which side of a pair holds a value the other lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Only the English has it.
    Source,
    /// Only the translation has it.
    Target,
}

impl Side {
    /// The other side.
    fn other(self) -> Side {
        match self {
            Side::Source => Side::Target,
            Side::Target => Side::Source,
        }
    }
}

/// One inconsistency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule broken.
    pub rule: Rule,
    /// The value concerned (a URL, a number, a key, a diagnostic code).
    pub value: String,
    /// Which side has the value (for one-sided values).
    pub side: Option<Side>,
    /// The English line, if the finding has one.
    pub source_line: Option<u32>,
    /// The translation's line, if the finding has one.
    pub target_line: Option<u32>,
    /// Index into [`DocReport::sections`].
    pub section: usize,
}

/// Coverage and findings of one translation.
#[derive(Debug, Clone, PartialEq)]
pub struct DocReport {
    /// Counts for the whole page.
    pub total: Counts,
    /// Counts per English heading section, in order.
    pub sections: Vec<Section>,
    /// For each label (same order as the labels given), its section index.
    pub label_sections: Vec<usize>,
    /// Inconsistencies, in page order.
    pub findings: Vec<Finding>,
    /// For each finding (same order), the alignment row it compares; `None`
    /// for a finding about the whole page (a front-matter key, broken
    /// Markdown).
    pub finding_rows: Vec<Option<usize>>,
}

/// A finding judged wrong by a translator: findings of `rule` on alignment
/// row `row` are not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dismissal {
    /// The alignment row.
    pub row: usize,
    /// The rule whose findings it silences.
    pub rule: Rule,
}

/// Counts a translation's segments by state, for the whole page: the one
/// coverage definition of every command and the interface (see
/// ARCHITECTURE.md). English segments without a label count as up to date.
pub fn counts(source: &Document, labels: &[Labelled]) -> Counts {
    let mut counts = Counts::default();
    let mut labelled = vec![false; source.segments.len()];
    for l in labels {
        let words = l
            .source
            .and_then(|i| source.segments.get(i))
            .filter(|s| s.kind.is_prose())
            .map_or(0, |s| word_count(&s.text));
        if let Some(slot) = l.source.and_then(|i| labelled.get_mut(i)) {
            *slot = true;
        }
        counts.add(l.state, words);
    }
    for _ in labelled.iter().filter(|l| !**l) {
        counts.add(State::UpToDate, 0);
    }
    counts
}

/// The pages of a site by language and site path (`("fr", "/docs/a")`):
/// what a link of a translation is checked against.
#[derive(Debug, Clone, Default)]
pub struct SitePages {
    source_lang: String,
    pages: HashSet<(String, String)>,
}

impl SitePages {
    /// Builds the set from `(language, path)` pairs: lower-case primary
    /// language subtags and lower-case site paths without trailing slash.
    pub fn new(source_lang: &str, pages: impl IntoIterator<Item = (String, String)>) -> SitePages {
        SitePages {
            source_lang: primary(source_lang),
            pages: pages.into_iter().collect(),
        }
    }

    /// Whether the site has a page at the site-relative link `link` (already
    /// normalized by [`crate::align::normalize_url`]) in `lang`.
    fn has(&self, lang: &str, link: &str) -> bool {
        let path = link.split(['#', '?']).next().unwrap_or("");
        let path = path.trim_end_matches('/').to_lowercase();
        let path = if path.is_empty() {
            "/".to_owned()
        } else {
            path
        };
        self.pages.contains(&(primary(lang), path))
    }

    /// Whether the site has a page at `link` in `lang` or in the source
    /// language (a link without language prefix leads there).
    fn serves(&self, lang: &str, link: &str) -> bool {
        self.has(lang, link) || self.has(&self.source_lang, link)
    }
}

/// What a report knows beyond the two pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The language of the English page (`en`).
    pub source_lang: &'a str,
    /// The language of the translation.
    pub lang: &'a str,
    /// The site's pages, when known: a link of the translation to a page the
    /// site has is no finding on its own.
    pub site: Option<&'a SitePages>,
}

/// The translation's Markdown problems the English does not have: a
/// problem of each kind counts only past as many as the English has (a
/// construct the translation copied from the English is the site's problem,
/// not the translation's, and `check` says "here but not in the English").
pub fn own_diagnostics(source: &[Diagnostic], target: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut left: Vec<&Diagnostic> = source.iter().collect();
    target
        .iter()
        .filter(|d| match left.iter().position(|s| s.kind == d.kind) {
            Some(k) => {
                left.swap_remove(k);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// Builds the report of one translation.
#[allow(clippy::too_many_arguments)]
pub fn report(
    source: &Document,
    source_text: &str,
    target: &Document,
    target_text: &str,
    target_diagnostics: &[Diagnostic],
    alignment: &Alignment,
    labels: &[Labelled],
    context: &Context<'_>,
) -> DocReport {
    let section_of = section_index(source);
    let mut sections = sections_of(source);
    let total = counts(source, labels);
    let mut label_sections = Vec::with_capacity(labels.len());
    for l in labels {
        let section = match l.source {
            Some(i) => section_of[i],
            // A removed segment sits in the section of the next English segment.
            None => alignment
                .rows
                .iter()
                .find(|r| r.target.start >= l.target.start && !r.source.is_empty())
                .map_or(sections.len() - 1, |r| section_of[r.source.start]),
        };
        let words = l
            .source
            .map(|i| &source.segments[i])
            .filter(|s| s.kind.is_prose())
            .map_or(0, |s| word_count(&s.text));
        sections[section].counts.add(l.state, words);
        label_sections.push(section);
    }
    // The English segments whose translation is stale, and the translated
    // segments of English since removed: their rows repeat no value.
    let mut stale_source = vec![false; source.segments.len()];
    let mut removed_target = vec![false; target.segments.len()];
    for l in labels {
        match (l.source, l.state) {
            (Some(i), State::Stale) => {
                if let Some(flag) = stale_source.get_mut(i) {
                    *flag = true;
                }
            }
            (None, State::Removed) => {
                for k in l.target.clone() {
                    if let Some(flag) = removed_target.get_mut(k) {
                        *flag = true;
                    }
                }
            }
            _ => {}
        }
    }
    let mut findings = Vec::new();
    // The alignment row of each finding so far (see `DocReport::finding_rows`):
    // those pushed since the last row started are that row's, whichever way
    // its iteration ended.
    let mut rows = Vec::new();
    let mut current = None;
    for (k, row) in alignment.rows.iter().enumerate() {
        rows.resize(findings.len(), current);
        current = Some(k);
        if row.source.is_empty() || row.target.is_empty() {
            continue;
        }
        // A row whose English changed since the translation (`stale`: its
        // word diff shows what to carry over) or whose translation the
        // history says is of English since deleted (`removed`: this pairing
        // is no counterpart) is already a finding: its numbers and links
        // differ for that reason, and repeating each would only be noise.
        let outdated = stale_source
            .get(row.source.clone())
            .is_some_and(|flags| flags.contains(&true))
            || removed_target
                .get(row.target.clone())
                .is_some_and(|flags| flags.contains(&true));
        if outdated {
            continue;
        }
        let section = section_of[row.source.start];
        let s_line = source.segments[row.source.start].lines.0;
        let t_line = target.segments[row.target.start].lines.0;
        let side = |doc: &Document,
                    range: &std::ops::Range<usize>,
                    pick: &dyn Fn(&crate::segment::Invariants) -> Vec<String>| {
            let mut v: Vec<String> = range
                .clone()
                .flat_map(|k| pick(&doc.segments[k].invariants))
                .collect();
            v.sort();
            v
        };
        let checks: [(Rule, &Pick); 5] = [
            (Rule::Url, &|inv| {
                inv.urls
                    .iter()
                    .filter(|u| !u.starts_with('#'))
                    .map(|u| crate::align::normalize_url(u))
                    .collect()
            }),
            (Rule::Code, &|inv| inv.code.clone()),
            (Rule::Number, &|inv| {
                inv.numbers
                    .iter()
                    .map(|n| crate::segment::normalize_number(n))
                    .collect()
            }),
            // Dates only: a month named alone (`~MM`) is no date to check.
            (Rule::Date, &|inv| {
                inv.dates
                    .iter()
                    .filter(|d| d.starts_with("--"))
                    .cloned()
                    .collect()
            }),
            (Rule::Shortcode, &|inv| inv.shortcodes.clone()),
        ];
        for (rule, pick) in checks {
            let (mut a, mut b) = (
                side(source, &row.source, pick),
                side(target, &row.target, pick),
            );
            if rule == Rule::Url {
                // A translation may point a remote link at its own
                // language's page (as Weblate's Markdown check allows): with
                // as many remote links on both sides, only site links and
                // their targets are compared.
                let remote = |u: &String| u.contains("://") || u.starts_with("mailto:");
                if a.iter().filter(|u| remote(u)).count() == b.iter().filter(|u| remote(u)).count()
                {
                    a.retain(|u| !remote(u));
                    b.retain(|u| !remote(u));
                }
            }
            if rule == Rule::Number {
                // A value written once in the translation where the English
                // repeats it is kept all the same.
                a.dedup();
                b.dedup();
            }
            let mut found = one_sided(&a, &b);
            let text = |doc: &Document, range: &std::ops::Range<usize>| {
                doc.segments[range.clone()]
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            match rule {
                // An identifier the translation keeps word for word but not
                // as code (translators often drop the backticks, or add
                // them) is kept all the same: only a code span whose text is
                // not on the other side at all is missing.
                Rule::Code => {
                    let (s_text, t_text) = (text(source, &row.source), text(target, &row.target));
                    found.retain(|(value, which)| match which {
                        Side::Source => !contains_token(&t_text, value),
                        Side::Target => !contains_token(&s_text, value),
                    });
                    translated_code(&mut found, (&s_text, &t_text), context);
                }
                Rule::Number => {
                    let (s_text, t_text) = (text(source, &row.source), text(target, &row.target));
                    same_values(&mut found);
                    let own_numbers = found.iter().any(|(_, which)| *which == Side::Target);
                    found.retain(|(value, which)| match which {
                        Side::Source if in_names_kept(value, &s_text, &t_text) => false,
                        Side::Target if in_names_kept(value, &t_text, &s_text) => false,
                        Side::Source => {
                            !numbers::spelled_out(value, context.lang, &t_text)
                                && !numbers::may_be_in_unread_words(
                                    value,
                                    context.lang,
                                    &s_text,
                                    own_numbers,
                                )
                        }
                        Side::Target => !numbers::spelled_out(value, context.source_lang, &s_text),
                    });
                }
                // A date is only missing from a side whose month names
                // are read.
                Rule::Date => found.retain(|(_, which)| match which {
                    Side::Source => crate::segment::reads_month_names(context.lang),
                    Side::Target => crate::segment::reads_month_names(context.source_lang),
                }),
                Rule::Url => same_targets(&mut found, context),
                Rule::Shortcode => changed_parameters(&mut found),
                _ => {}
            }
            for (value, which) in found {
                findings.push(Finding {
                    rule,
                    value,
                    side: Some(which),
                    source_line: Some(s_line),
                    target_line: Some(t_line),
                    section,
                });
            }
        }
    }
    rows.resize(findings.len(), current);
    // Front-matter keys the translation lost (`trame` holds trame's own
    // settings of a page, see `config::page_ignores`: no key to translate).
    // Keys whatever their case: Hugo reads `Title` as `title`.
    let target_keys = front_matter_keys(target_text);
    for key in front_matter_keys(source_text) {
        if !target_keys.iter().any(|k| k.eq_ignore_ascii_case(&key)) && key != "trame" {
            // The key's own line in the English: a citation a reader can follow.
            let source_line = source_text
                .lines()
                .position(|l| {
                    l.strip_prefix(key.as_str())
                        .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
                })
                .and_then(|k| u32::try_from(k + 1).ok());
            findings.push(Finding {
                rule: Rule::FrontMatter,
                value: key,
                side: Some(Side::Source),
                source_line,
                target_line: Some(1),
                section: 0,
            });
        }
    }
    rows.resize(findings.len(), None);
    for (k, anchor) in crate::localize::broken_anchors(target) {
        let t_line = target.segments[k].lines.0;
        let row = alignment
            .rows
            .iter()
            .position(|r| r.target.contains(&k) && !r.source.is_empty());
        let section = row.map_or(0, |r| section_of[alignment.rows[r].source.start]);
        rows.push(row);
        findings.push(Finding {
            rule: Rule::Anchor,
            value: anchor,
            side: Some(Side::Target),
            source_line: None,
            target_line: Some(t_line),
            section,
        });
    }
    for d in target_diagnostics {
        findings.push(Finding {
            rule: Rule::Markdown,
            value: d.kind.code().to_owned(),
            side: Some(Side::Target),
            source_line: None,
            target_line: Some(d.line),
            section: 0,
        });
    }
    rows.resize(findings.len(), None);
    let mut paired: Vec<(Finding, Option<usize>)> = findings.into_iter().zip(rows).collect();
    paired.sort_by_key(|(f, _)| {
        (
            f.section,
            f.source_line.unwrap_or(0),
            f.target_line.unwrap_or(0),
        )
    });
    let (findings, finding_rows) = paired.into_iter().unzip();
    DocReport {
        total,
        sections,
        label_sections,
        findings,
        finding_rows,
    }
}

/// Takes out of a row's one-sided code spans the pairs that are one span
/// translated: example text in backticks (`` `other text` `` and
/// `` `autre texte` ``, `` `**bold text**` `` and `` `**متن پررنگ**` ``),
/// the same markup around other words, of several words or in another
/// script; or a path naming the page's language where the English names
/// its own (`_index.en.md` and `_index.fa.md`, `/en/` and `/fr/`). The
/// spans are paired in the order the texts have them (translators keep
/// it), the n-th one-sided span of the English with the n-th of the
/// translation.
fn translated_code(
    found: &mut Vec<(String, Side)>,
    (s_text, t_text): (&str, &str),
    context: &Context<'_>,
) {
    fn skeleton(code: &str) -> String {
        let mut out = String::new();
        let mut in_words = false;
        for c in code.chars() {
            let wordy = c.is_alphabetic() || c == ' ' || c == '\'' || c == '\u{200c}';
            if wordy {
                if !in_words {
                    out.push('A');
                }
            } else {
                out.push(c);
            }
            in_words = wordy;
        }
        out
    }
    let beyond_ascii = |s: &str| s.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let localized = |en: &str, tr: &str| {
        let (a, b) = (
            context.source_lang.to_lowercase(),
            context.lang.to_lowercase(),
        );
        let en = en.to_lowercase();
        let swapped = en
            .replace(&format!(".{a}."), &format!(".{b}."))
            .replace(&format!("/{a}/"), &format!("/{b}/"));
        swapped != en && swapped == tr.to_lowercase()
    };
    // Words of several in common: a command with another argument
    // (`make build`, `make test`), not a phrase translated.
    let share_a_word = |en: &str, tr: &str| {
        let words = |s: &str| -> HashSet<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        !words(en).is_disjoint(&words(tr))
    };
    let translated = |en: &str, tr: &str| {
        localized(en, tr)
            || (skeleton(en) == skeleton(tr)
                && (beyond_ascii(en) != beyond_ascii(tr)
                    || ((en.trim().contains(' ') || tr.trim().contains(' '))
                        && !share_a_word(en, tr))))
    };
    let in_order = |side: Side, text: &str| {
        let mut v: Vec<(usize, usize)> = found
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| *s == side)
            .map(|(k, (value, _))| (text.find(value.as_str()).unwrap_or(usize::MAX), k))
            .collect();
        v.sort_unstable();
        v.into_iter().map(|(_, k)| k).collect::<Vec<_>>()
    };
    let (en, tr) = (
        in_order(Side::Source, s_text),
        in_order(Side::Target, t_text),
    );
    let mut gone = vec![false; found.len()];
    for (&i, &j) in en.iter().zip(&tr) {
        if translated(&found[i].0, &found[j].0) {
            gone[i] = true;
            gone[j] = true;
        }
    }
    retain_unmarked(found, &gone);
}

/// Keeps the items of `found` whose flag in `marked` is false.
fn retain_unmarked<T>(found: &mut Vec<T>, marked: &[bool]) {
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
}

/// Whether every occurrence of the number `value` in `text` is inside a
/// longer name (`v1alpha1`, `skywalking-oap:11800`, `go1.18`) that `other`
/// writes as well, as code or as text: the number belongs to the name,
/// which the other side kept, whether or not in backticks (numbers inside
/// code spans are not read). A number standing alone anywhere in `text`,
/// or not found as written, is not covered.
fn in_names_kept(value: &str, text: &str, other: &str) -> bool {
    let name_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/');
    let mut seen = false;
    for (at, _) in text.match_indices(value) {
        let before = &text[..at];
        let after = &text[at + value.len()..];
        // Part of a longer number (`1` in `11`, `1.2` or `2.1`), not this one.
        fn digit_next(mut chars: impl Iterator<Item = char>) -> bool {
            match chars.next() {
                Some(c) if c.is_ascii_digit() => true,
                Some('.' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit()),
                _ => false,
            }
        }
        if digit_next(before.chars().rev()) || digit_next(after.chars()) {
            continue;
        }
        let start = before.trim_end_matches(name_char).len();
        let end = at + value.len() + after.len() - after.trim_start_matches(name_char).len();
        let name = text[start..end].trim_matches(['.', ':', '-', '/']);
        if name == value || name.len() <= value.len() || !contains_token(other, name) {
            return false;
        }
        seen = true;
    }
    seen
}

/// Whether `needle` is in `text` as a whole token: not part of a longer
/// word, path or name (`test` is not in `pytest`, `tests`, `test.yaml` or
/// `ci/test`; it is in `run test.` and, CJK scripts putting no spaces
/// between words, in `名为test的`).
fn contains_token(text: &str, needle: &str) -> bool {
    let needle = needle.trim();
    if needle.is_empty() {
        return false;
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    // A joiner glues two words into one name; a dot or colon only when a
    // word goes on after it (else it ends a sentence or a clause).
    let glued_after = |rest: &str| {
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if word(c) || c == '-' || c == '/' => true,
            Some('.' | ':') => chars.next().is_some_and(word),
            _ => false,
        }
    };
    let glued_before = |head: &str| {
        let mut chars = head.chars().rev();
        match chars.next() {
            Some(c) if word(c) || c == '-' || c == '/' => true,
            Some('.' | ':') => chars.next().is_some_and(word),
            _ => false,
        }
    };
    let starts_word = needle.chars().next().is_some_and(word);
    let ends_word = needle.chars().next_back().is_some_and(word);
    text.match_indices(needle).any(|(at, _)| {
        let glued = (starts_word && glued_before(&text[..at]))
            || (ends_word && glued_after(&text[at + needle.len()..]));
        !glued
    })
}

/// Takes out of the one-sided links of a row those that are the same target
/// written another way, or a link of the translation that leads to a page
/// of the site:
///
/// - an absolute URL and a site-relative link of the same path
///   (`https://example.org/docs/a/` and `/fr/docs/a/`) are one target;
/// - a site link of the translation to a page the site has in its language
///   stands for a link of the English whose page the language does not have
///   (the translated page may have another name), or is a link the
///   translator added: neither is a finding. A link to no page of the site
///   still is.
fn same_targets(found: &mut Vec<(String, Side)>, context: &Context<'_>) {
    let path_of = |url: &str| -> Option<String> {
        let rest = url.split_once("://")?.1;
        let path = rest.find('/').map_or("/", |k| &rest[k..]);
        Some(crate::align::normalize_url(path))
    };
    // Absolute on one side, site-relative on the other.
    let mut drop = vec![false; found.len()];
    // The same page at another heading: the translation points at its own
    // translated heading (`./runtime/#llm-integration` and
    // `./runtime/#intégration-llm`).
    let at_heading = |url: &str| {
        url.split_once('#')
            .filter(|(_, f)| !f.is_empty())
            .map(|(p, _)| p.to_owned())
    };
    for i in 0..found.len() {
        if found[i].1 != Side::Source {
            continue;
        }
        let Some(page) = at_heading(&found[i].0) else {
            continue;
        };
        if let Some(j) = (0..found.len()).find(|&j| {
            !drop[j]
                && found[j].1 == Side::Target
                && at_heading(&found[j].0).as_ref() == Some(&page)
        }) {
            drop[i] = true;
            drop[j] = true;
        }
    }
    for i in 0..found.len() {
        let Some(path) = path_of(&found[i].0) else {
            continue;
        };
        if path.is_empty() || path == "/" {
            continue;
        }
        if let Some(j) = (0..found.len())
            .find(|&j| !drop[j] && found[j].1 != found[i].1 && found[j].0 == path && !drop[i])
        {
            drop[i] = true;
            drop[j] = true;
        }
    }
    if let Some(site) = context.site {
        let site_link = |u: &str| u.starts_with('/') && !u.starts_with("//");
        let spare: Vec<usize> = (0..found.len())
            .filter(|&j| {
                !drop[j]
                    && found[j].1 == Side::Target
                    && site_link(&found[j].0)
                    && site.serves(context.lang, &found[j].0)
            })
            .collect();
        // Links of the English whose page the language lacks, each paired
        // with a link of the translation to one of its own pages: first by
        // the words their paths share (`/microservices-architecture/` and
        // `/it/microservices/`), then in order when as many are left on
        // both sides.
        let mut lacking: Vec<usize> = (0..found.len())
            .filter(|&i| {
                !drop[i]
                    && found[i].1 == Side::Source
                    && site_link(&found[i].0)
                    && !site.has(context.lang, &found[i].0)
            })
            .collect();
        let words = |u: &str| -> HashSet<String> {
            u.split(['/', '-', '_', '.'])
                .filter(|w| w.len() > 2)
                .map(str::to_lowercase)
                .collect()
        };
        let mut unpaired = Vec::new();
        for j in spare {
            let tw = words(&found[j].0);
            let best = lacking
                .iter()
                .enumerate()
                .map(|(k, &i)| (words(&found[i].0).intersection(&tw).count(), k))
                .filter(|(shared, _)| *shared > 0)
                .max_by_key(|(shared, k)| (*shared, std::cmp::Reverse(*k)));
            match best {
                Some((_, k)) => {
                    drop[lacking.remove(k)] = true;
                    drop[j] = true;
                }
                None => unpaired.push(j),
            }
        }
        if lacking.len() == unpaired.len() {
            for i in lacking {
                drop[i] = true;
            }
        }
        // The others are links the translator added to pages of the site.
        for j in unpaired {
            drop[j] = true;
        }
    }
    retain_unmarked(found, &drop);
}

/// Leaves out of a report the findings a translator dismissed for their row
/// and those of the rules the page switches off (`ignored`); returns how
/// many were left out. The one filter behind `check` (every format), its
/// JSON and the interface.
pub fn leave_out(report: &mut DocReport, dismissed: &[Dismissal], ignored: &[Rule]) -> usize {
    let before = report.findings.len();
    let kept: Vec<(Finding, Option<usize>)> = std::mem::take(&mut report.findings)
        .into_iter()
        .zip(std::mem::take(&mut report.finding_rows))
        .filter(|(f, row)| {
            !ignored.contains(&f.rule)
                && !row.is_some_and(|row| dismissed.contains(&Dismissal { row, rule: f.rule }))
        })
        .collect();
    (report.findings, report.finding_rows) = kept.into_iter().unzip();
    before - report.findings.len()
}

/// Picks the values of one kind of invariant.
type Pick = dyn Fn(&crate::segment::Invariants) -> Vec<String>;

/// Returns, for each English segment, the index of its heading section.
fn section_index(source: &Document) -> Vec<usize> {
    let mut current = 0;
    let starts_with_heading = source
        .segments
        .iter()
        .find(|s| s.kind != SegmentKind::FrontMatter)
        .is_some_and(|s| s.kind == SegmentKind::Heading);
    let mut out = Vec::with_capacity(source.segments.len());
    let mut seen_heading = false;
    for seg in &source.segments {
        if seg.kind == SegmentKind::Heading {
            current = if !seen_heading && starts_with_heading {
                0
            } else {
                current + 1
            };
            seen_heading = true;
        }
        out.push(current);
    }
    out
}

/// Returns the sections of the English page, with empty counts.
fn sections_of(source: &Document) -> Vec<Section> {
    let index = section_index(source);
    let mut out: Vec<Section> = Vec::new();
    for (k, seg) in source.segments.iter().enumerate() {
        let s = index[k];
        if s == out.len() {
            let (title, anchor, line) = if seg.kind == SegmentKind::Heading {
                (
                    crate::segment::normalize(&seg.text),
                    seg.anchor.clone(),
                    seg.lines.0,
                )
            } else {
                (String::new(), None, 1)
            };
            out.push(Section {
                title,
                anchor,
                line,
                end_line: seg.lines.1,
                counts: Counts::default(),
            });
        }
        if let Some(section) = out.get_mut(s) {
            section.end_line = seg.lines.1;
        }
    }
    if out.is_empty() {
        out.push(Section {
            title: String::new(),
            anchor: None,
            line: 1,
            end_line: 1,
            counts: Counts::default(),
        });
    }
    out
}

/// Returns the values found on one side only (multisets, sorted inputs).
/// A shortcode whose parameters differ from the English's is one finding,
/// not two: the English's form, missing here. The translation's own form
/// of a shortcode of that name (`pageinfo` where the English has
/// `pageinfo color=warning`) is not reported again as extra.
fn changed_parameters(found: &mut Vec<(String, Side)>) {
    let name = |signature: &str| signature.split(' ').next().unwrap_or("").to_owned();
    let english: std::collections::HashSet<String> = found
        .iter()
        .filter(|(_, side)| *side == Side::Source)
        .map(|(value, _)| name(value))
        .collect();
    found.retain(|(value, side)| *side == Side::Source || !english.contains(&name(value)));
}

fn one_sided(a: &[String], b: &[String]) -> Vec<(String, Side)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                out.push((x.clone(), Side::Source));
                i += 1;
            }
            (Some(_), Some(y)) => {
                out.push((y.clone(), Side::Target));
                j += 1;
            }
            (Some(x), None) => {
                out.push((x.clone(), Side::Source));
                i += 1;
            }
            (None, Some(y)) => {
                out.push((y.clone(), Side::Target));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// The calendar days a numeric date may be (`2025-12-12`, `12/12/2025`,
/// `12.12.2025`, `12-12-2025`): day and month are read both ways when both
/// could be either, since the order depends on the language.
fn date_readings(n: &str) -> Vec<(u32, u32, u32)> {
    let parts: Vec<&str> = n.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else {
        return Vec::new();
    };
    let num = |s: &str| s.parse::<u32>().ok();
    let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(c)) else {
        return Vec::new();
    };
    let valid =
        |(y, m, d): (u32, u32, u32)| (1..=12).contains(&m) && (1..=31).contains(&d) && y >= 1000;
    let mut out = Vec::new();
    if a.len() == 4 {
        out.push((x, y, z));
    } else if c.len() == 4 {
        out.push((z, y, x));
        out.push((z, x, y));
    }
    out.retain(|d| valid(*d));
    out.dedup();
    out
}

/// Takes out one-sided numbers that are one value written two ways:
/// - the same date in two orders (`2025-12-12` and `12/12/2025`);
/// - a year and its last two digits (`the ’90s`, read as 1990, is "les
///   années 90", "anos 90");
/// - numbers joined by a slash on one side and written apart on the other
///   (`24/7` and "24 horas por dia, 7 dias").
fn same_values(found: &mut Vec<(String, Side)>) {
    let mut drop = vec![false; found.len()];
    let short_year = |year: &str, short: &str| {
        year.len() == 4
            && (year.starts_with("19") || year.starts_with("20"))
            && year.bytes().all(|b| b.is_ascii_digit())
            && short == &year[2..]
    };
    // The first value of `side` not taken yet that `fits`.
    let partner = |drop: &[bool], side: Side, fits: &dyn Fn(usize, &str) -> bool| {
        (0..found.len()).find(|&j| !drop[j] && found[j].1 == side && fits(j, &found[j].0))
    };
    for i in 0..found.len() {
        if drop[i] {
            continue;
        }
        let (value, other) = (found[i].0.as_str(), found[i].1.other());
        let a = date_readings(value);
        let pair = if found[i].1 == Side::Source && !a.is_empty() {
            partner(&drop, other, &|_, v| {
                date_readings(v).iter().any(|d| a.contains(d))
            })
        } else {
            None
        }
        .or_else(|| {
            partner(&drop, other, &|_, v| {
                short_year(value, v) || short_year(v, value)
            })
        });
        if let Some(j) = pair {
            drop[i] = true;
            drop[j] = true;
            continue;
        }
        let parts: Vec<&str> = value.split('/').collect();
        if parts.len() > 1
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let mut taken: Vec<usize> = Vec::new();
            for part in &parts {
                if let Some(j) = partner(&drop, other, &|j, v| !taken.contains(&j) && v == *part) {
                    taken.push(j);
                }
            }
            if taken.len() == parts.len() {
                drop[i] = true;
                for j in taken {
                    drop[j] = true;
                }
            }
        }
    }
    retain_unmarked(found, &drop);
}

/// Returns the top-level keys of a page's front matter (YAML or TOML).
pub fn front_matter_keys(text: &str) -> Vec<String> {
    let text = &text[crate::segment::front_matter_start(text)..];
    let (delim, sep) = if text.starts_with("---") {
        ("---", ':')
    } else if text.starts_with("+++") {
        ("+++", '=')
    } else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    // The keys of TOML's `[trame]` table are trame's settings of the page.
    let mut in_trame = false;
    for line in text.lines().skip(1) {
        if line.trim_end() == delim || (delim == "---" && line.trim_end() == "...") {
            break;
        }
        if line.starts_with('[') {
            let table = line.trim_start_matches('[').split([']', '.']).next();
            in_trame = table.is_some_and(|t| t.trim() == "trame");
        }
        if in_trame || line.starts_with([' ', '\t', '#', '-', '[']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(sep) {
            let key = key.trim().trim_matches('"');
            if !key.is_empty() && !key.contains(' ') {
                keys.push(key.to_owned());
            }
        }
    }
    keys
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::parse;

    /// The labels of a page pair without history (every base unknown).
    fn labels_of(
        s: &Document,
        t: &Document,
        a: &crate::align::Alignment,
        lang: &str,
    ) -> Vec<Labelled> {
        let langs = crate::stale::Langs {
            source: "en",
            target: lang,
        };
        crate::stale::label(s, t, langs, a, &|_| None)
    }

    fn build(en: &str, fr: &str) -> DocReport {
        build_in("fr", en, fr)
    }

    fn build_in(lang: &str, en: &str, tr: &str) -> DocReport {
        let (s, _) = parse(en);
        let (t, diags) = parse(tr);
        let a = crate::align::align(&s, &t);
        let labels = labels_of(&s, &t, &a, lang);
        let context = Context {
            source_lang: "en",
            lang,
            site: None,
        };
        report(&s, en, &t, tr, &diags, &a, &labels, &context)
    }

    #[test]
    fn sections_count_missing_segments_and_words() {
        let en = "---\ntitle: Hi\n---\n\nIntro text here.\n\n## Events\n\nThe sprint in Lyon.\n\n## Spec news\n\nTwo new specs were published this month.\n";
        let fr =
            "---\ntitle: Salut\n---\n\nTexte d'intro ici.\n\n## Événements\n\nLe sprint à Lyon.\n";
        let r = build(en, fr);
        let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["", "Events", "Spec news"]);
        assert_eq!(r.sections[2].counts.get(State::Missing), 2);
        assert_eq!(r.sections[2].counts.words_to_translate, 9);
        assert_eq!(r.sections[1].counts.get(State::Missing), 0);
        assert_eq!(r.total.total(), 6);
        assert_eq!(r.total.translated(), 4);
    }

    /// A shortcode whose parameters changed in the English is one finding
    /// (the English's form, missing here); a shortcode of another name the
    /// translation adds is still reported.
    #[test]
    fn a_shortcode_with_other_parameters_is_one_finding() {
        let shortcodes = |en: &str, tr: &str| -> Vec<(String, Option<Side>)> {
            build(en, tr)
                .findings
                .into_iter()
                .filter(|f| f.rule == Rule::Shortcode)
                .map(|f| (f.value, f.side))
                .collect()
        };
        assert_eq!(
            shortcodes(
                "Intro.\n\n{{% pageinfo color=\"warning\" %}}\n\nBody text.\n",
                "Intro fr.\n\n{{% pageinfo %}}\n\nTexte.\n"
            ),
            [("pageinfo color=warning".to_owned(), Some(Side::Source))]
        );
        assert_eq!(
            shortcodes(
                "Intro.\n\n{{% pageinfo %}}\n\nBody text.\n",
                "Intro fr.\n\n{{% alert %}}\n\nTexte.\n"
            ),
            [
                ("alert".to_owned(), Some(Side::Target)),
                ("pageinfo".to_owned(), Some(Side::Source))
            ]
        );
    }

    /// A row whose English changed since the translation (stale) is one
    /// finding, the stale one with its word diff: its numbers and links are
    /// not reported again. Nor are those of a translation the history says
    /// is of English since deleted (removed). Up to date, they are.
    #[test]
    fn outdated_rows_repeat_no_number_or_link() {
        let en = "The 2.6 release is [out](https://example.org/2.6).\n";
        let fr = "La version 2.5 est [sortie](https://example.org/2.5).\n";
        let (s, _) = parse(en);
        let (t, diags) = parse(fr);
        let a = crate::align::align(&s, &t);
        let context = Context {
            source_lang: "en",
            lang: "fr",
            site: None,
        };
        let labels = labels_of(&s, &t, &a, "fr");
        let rules = |labels: &[Labelled]| -> Vec<Rule> {
            report(&s, en, &t, fr, &diags, &a, labels, &context)
                .findings
                .into_iter()
                .map(|f| f.rule)
                .filter(|r| matches!(r, Rule::Number | Rule::Url))
                .collect()
        };
        assert!(labels.iter().all(|l| l.state == State::UpToDate));
        // Up to date: the number, both ways (remote links as many on each
        // side are not compared).
        assert_eq!(rules(&labels), [Rule::Number, Rule::Number]);
        let stale: Vec<Labelled> = labels
            .iter()
            .cloned()
            .map(|mut l| {
                l.state = State::Stale;
                l
            })
            .collect();
        assert!(rules(&stale).is_empty());
        let mut removed = labels.clone();
        removed.push(Labelled {
            state: State::Removed,
            source: None,
            target: 0..t.segments.len(),
            base_commit: None,
            diff: Vec::new(),
        });
        assert!(rules(&removed).is_empty());
    }

    /// One value written the way each language writes it is no finding: a
    /// decimal comma, a decade by its last two digits, numbers a slash joins
    /// in the English written apart; a value changed is still reported.
    #[test]
    fn numbers_written_each_language_s_way_are_the_same() {
        let numbers = |lang: &str, en: &str, tr: &str| -> Vec<String> {
            build_in(lang, en, tr)
                .findings
                .into_iter()
                .filter(|f| f.rule == Rule::Number)
                .map(|f| f.value)
                .collect()
        };
        // From innersourcecommons.org's Portuguese pages.
        assert!(
            numbers(
                "pt-BR",
                "Download the ebook in PDF format (3.3 MB).\n",
                "Baixe o ebook em formato PDF (3,3 MB).\n"
            )
            .is_empty()
        );
        assert!(
            numbers(
                "pt-BR",
                "A member since the late ’90s.\n",
                "Membro desde o final dos anos 90.\n"
            )
            .is_empty()
        );
        assert!(
            numbers(
                "pt-BR",
                "The team answers 24/7.\n",
                "A equipe responde 24 horas por dia, 7 dias por semana.\n"
            )
            .is_empty()
        );
        assert!(
            numbers(
                "fr",
                "Version 2.5 of the 1990 text.\n",
                "La version 2,5 du texte de 1990.\n"
            )
            .is_empty()
        );
        // A different value still is one.
        assert_eq!(
            numbers(
                "fr",
                "Version 2.5 is out.\n",
                "La version 2,6 est sortie.\n"
            ),
            ["2.5", "2.6"]
        );
        assert_eq!(
            numbers("pt-BR", "Since the ’90s.\n", "Desde os anos 80.\n"),
            ["1990", "80"]
        );
        assert_eq!(
            numbers("pt-BR", "Open 24/7.\n", "Aberto 24 horas, 6 dias.\n"),
            ["24", "24/7", "6"]
        );
        // A version keeps its points.
        assert_ne!(
            crate::segment::normalize_number("1.9.0"),
            crate::segment::normalize_number("1,9,0")
        );
    }

    /// Months are checked in a date context and in more languages: the
    /// Italian "mai" (never) and a German or Japanese date are no findings.
    #[test]
    fn months_are_checked_only_as_dates() {
        let dates = |en: &str, tr: &str| -> Vec<String> {
            build(en, tr)
                .findings
                .into_iter()
                .filter(|f| f.rule == Rule::Date)
                .map(|f| f.value)
                .collect()
        };
        assert!(dates("We never stop in May.\n", "Non ci fermiamo mai.\n").is_empty());
        assert!(
            dates(
                "See you on 5 December 2024.\n",
                "Bis zum 5. Dezember 2024.\n"
            )
            .is_empty()
        );
        assert!(
            dates(
                "Released on 6 December 2022.\n",
                "2022年12月6日にリリース。\n"
            )
            .is_empty()
        );
        assert_eq!(
            dates(
                "Released on 6 December 2022.\n",
                "Pubblicato il 6 novembre 2022.\n"
            ),
            ["--11", "--12"]
        );
        // A month before its number is the month, no number of its own;
        // an abbreviated English month is a month.
        let findings = |lang: &str, en: &str, tr: &str| -> Vec<String> {
            build_in(lang, en, tr)
                .findings
                .into_iter()
                .filter(|f| matches!(f.rule, Rule::Date | Rule::Number))
                .map(|f| format!("{:?} {}", f.rule, f.value))
                .collect::<Vec<_>>()
        };
        let en = "-- Eugen Rochko, Jul 6 2018, in a post.\n";
        assert!(findings("ja", en, "-- Eugen Rochko, 2018年7月6日, 投稿で。\n").is_empty());
        assert_eq!(
            findings("fr", en, "-- Eugen Rochko, 6 août 2018, dans un billet.\n"),
            ["Date --07", "Date --08"]
        );
        // In a language whose month names are not read, a date written
        // with one is nothing to report; its numbers still are.
        assert!(findings("pl", en, "-- Eugen Rochko, 6 lipca 2018, we wpisie.\n").is_empty());
        assert_eq!(
            findings("pl", en, "-- Eugen Rochko, 6 lipca 2019, we wpisie.\n"),
            ["Number 2018", "Number 2019"]
        );
    }

    #[test]
    fn a_wrong_month_url_and_lost_key_are_found() {
        let en = "---\ntitle: News\ndate: 2024-10-05\n---\n\nThis covers September 2024, see [the notes](https://x.org/a) and run `loom up`.\n";
        let it = "---\ntitle: Notizie\n---\n\nQuesto copre agosto 2024, vedi [le note](https://x.org/b) e lancia `loom up` (/api/).\n";
        let en = en.replace("`loom up`.", "`loom up` (/api/, /docs/).");
        let r = build(&en, it);
        // The lost key is cited at its line in the English, never line 0.
        let key = r.findings.iter().find(|f| f.rule == Rule::FrontMatter);
        assert_eq!(key.and_then(|f| f.source_line), Some(3));
        let got: Vec<(Rule, &str, Option<Side>)> = r
            .findings
            .iter()
            .map(|f| (f.rule, f.value.as_str(), f.side))
            .collect();
        assert_eq!(
            got,
            [
                (Rule::FrontMatter, "date", Some(Side::Source)),
                (Rule::Date, "--08", Some(Side::Target)),
                (Rule::Date, "--09", Some(Side::Source)),
            ]
        );
    }

    #[test]
    fn front_matter_keys_match_whatever_their_case() {
        // Hugo reads `Title:` as `title:`: the title is translated and no key
        // is lost; a key missing in any case still is.
        let en = "---\nTitle: Custom templates\nWeight: 2\nDate: 2023-02-20\n---\n\nUse your own templates.\n";
        let zh = "---\ntitle: 自定义模板\nweight: 2\n---\n\n使用你自己的模板。\n";
        let r = build(en, zh);
        let got: Vec<(Rule, &str)> = r
            .findings
            .iter()
            .map(|f| (f.rule, f.value.as_str()))
            .collect();
        assert_eq!(got, [(Rule::FrontMatter, "Date")]);
        assert_eq!(r.total.translated(), 2, "{:?}", r.total);
        assert_eq!(r.total.total(), 2, "{:?}", r.total);
    }

    /// A code span the translation writes as plain text (Chinese and
    /// Japanese translators often drop the backticks around identifiers,
    /// and some add them) is kept; one it renamed, or whose name is only
    /// part of a longer word, is missing.
    #[test]
    fn code_kept_as_plain_text_is_not_missing() {
        let en = "# Queues\n\nCreate queue `test` whose `weight` is 1 in `p1`; jobs go to queue default.\n";
        let zh =
            "# 队列\n\n创建名为test的queue，weight为1，属于pytest；作业默认属于`default` queue。\n";
        let got = findings_in(en, zh, "zh", Rule::Code, None);
        assert_eq!(got, [("p1".to_owned(), Some(Side::Source))]);
        assert!(contains_token("名为test的", "test"));
        assert!(!contains_token("pytest", "test"));
        assert!(!contains_token("tests", "test"));
        assert!(!contains_token("see test.yaml", "test"));
        assert!(!contains_token("ci/test-e2e", "test"));
        assert!(contains_token("then run test. Or", "test"));
        assert!(contains_token("run `make`.", "make"));
        assert!(contains_token("a (-f) flag", "-f"));
    }

    /// A code span translated (example text, the same markup around other
    /// words, a path naming the translation's language) is no finding; a
    /// command given another argument still is.
    #[test]
    fn code_spans_of_example_text_may_be_translated() {
        let en = "# Style\n\nWrite `**bold text**`, `other text` or `code`; edit `content/_index.en.md`; run `make build` or `kubectl`.\n\nSee `plain text`.\n";
        let fa = "# سبک\n\nبنویسید `**متن پررنگ**`، `متن دیگر` یا `کد`؛ `content/_index.fa.md` را ویرایش کنید؛ `make test` یا `kubectl` را اجرا کنید.\n\n`texte brut` را ببینید.\n";
        let got = findings_in(en, fa, "fa", Rule::Code, None);
        assert_eq!(
            got,
            [
                ("make build".to_owned(), Some(Side::Source)),
                ("make test".to_owned(), Some(Side::Target))
            ]
        );
        // Two phrases of the same script with no word in common: translated.
        let fr = "# Style\n\nÉcrivez `**texte gras**`, `autre texte` ou `code` ; éditez `content/_index.fr.md` ; lancez `make build` ou `kubectl`.\n\nVoir `texte brut`.\n";
        let got = findings_in(en, fr, "fr", Rule::Code, None);
        assert!(got.is_empty(), "{got:?}");
    }

    /// A number inside a name (`v1alpha1`, `oap:11800`) the other side
    /// keeps, as code or not, is kept with it; a number standing alone, or
    /// in a name the other side changed, is still compared.
    #[test]
    fn numbers_inside_names_kept_as_code_are_not_missing() {
        let en = "# API\n\nThe API moved from v1alpha1 to v1beta1; the server is \"oap:11800\", \
                  2 replicas, go1.18 or v1.2.\n";
        let zh = "# API\n\nAPI 从 `v1alpha1` 升级到 `v1beta1`；服务器为 `oap:11800`，使用 go1.18 或 v1.3。\n";
        let mut got = findings_in(en, zh, "zh", Rule::Number, None);
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            got,
            [
                ("1.2".to_owned(), Some(Side::Source)),
                ("1.3".to_owned(), Some(Side::Target)),
                ("2".to_owned(), Some(Side::Source)),
            ]
        );
        assert!(in_names_kept(
            "1",
            "from v1alpha1 to v1beta1.",
            "`v1alpha1` `v1beta1`"
        ));
        assert!(!in_names_kept("1", "from v1alpha1 to 1 more", "`v1alpha1`"));
        assert!(!in_names_kept("1.2", "use v1.2.", "use v1.3."));
    }

    /// A Markdown problem the English has as well is not the translation's.
    #[test]
    fn markdown_problems_copied_from_the_english_are_not_reported() {
        let (_, en) = crate::segment::parse("{{< a\n\nText.\n\n```\ncode\n");
        let (_, fr) = crate::segment::parse("{{< a\n\nTexte.\n\n{{< b\n\n```\ncode\n");
        let kinds = |d: &[Diagnostic]| d.iter().map(|d| d.kind.code()).collect::<Vec<_>>();
        assert_eq!(kinds(&en), ["unclosed-shortcode", "unclosed-code-fence"]);
        assert_eq!(
            kinds(&fr),
            [
                "unclosed-shortcode",
                "unclosed-shortcode",
                "unclosed-code-fence"
            ]
        );
        let own = own_diagnostics(&en, &fr);
        assert_eq!(kinds(&own), ["unclosed-shortcode"]);
        assert!(own_diagnostics(&fr, &en).is_empty());
    }

    #[test]
    fn numbers_compare_across_formats_and_localized_links_match() {
        assert_eq!(
            crate::segment::normalize_number("1,000"),
            crate::segment::normalize_number("1.000")
        );
        // Both marks: the last is the decimal one, in either convention.
        let n = crate::segment::normalize_number;
        assert_eq!(n("1,480.25"), "1480.25");
        assert_eq!(n("1.480,25"), "1480.25");
        assert_eq!(n("1 000,5"), "1000.5");
        assert_eq!(n("12.500.000"), "12500000");
        // A version, a malformed grouping and a date keep their shape.
        assert_eq!(n("1.9.0"), "1.9.0");
        assert_eq!(n("1,48.25"), "1,48.25");
        assert_eq!(n("2024-07-05"), "2024-07-05");
        assert_ne!(
            crate::segment::normalize_number("1.9.0"),
            crate::segment::normalize_number("190")
        );
        assert_eq!(
            crate::align::normalize_url("/fr/pod/"),
            crate::align::normalize_url("/pod")
        );
        assert_eq!(
            crate::align::normalize_url("/pt-br/docs/x/index.md"),
            crate::align::normalize_url("/docs/x/")
        );
        assert_ne!(
            crate::align::normalize_url("/api/x/"),
            crate::align::normalize_url("/x/")
        );
    }

    /// A dismissal silences its rule on its row only; an ignored rule is
    /// silenced on every row.
    #[test]
    fn dismissals_leave_out_one_rule_of_one_row() {
        let en = "Room 12 at [the desk](/desk/).\n\nRoom 14.\n";
        let fr = "Salle 13 au [guichet](/guichet/).\n\nSalle 15.\n";
        let rules = |r: &DocReport| -> Vec<(Rule, Option<usize>)> {
            r.findings
                .iter()
                .zip(&r.finding_rows)
                .map(|(f, row)| (f.rule, *row))
                .collect()
        };
        let mut r = build(en, fr);
        assert_eq!(r.findings.len(), r.finding_rows.len());
        let number = |row| (Rule::Number, Some(row));
        let url = (Rule::Url, Some(0));
        let mut all = rules(&r);
        all.sort();
        assert_eq!(all, [url, url, number(0), number(0), number(1), number(1)]);
        let dismissed = [Dismissal {
            row: 0,
            rule: Rule::Number,
        }];
        assert_eq!(leave_out(&mut r, &dismissed, &[]), 2);
        let mut left = rules(&r);
        left.sort();
        assert_eq!(left, [url, url, number(1), number(1)]);
        assert_eq!(leave_out(&mut r, &[], &[Rule::Number]), 2);
        assert_eq!(rules(&r), [url, url]);
    }

    /// A remote link may point at the translation's own language (same
    /// count of remote links): no finding; a remote link lost is one; a
    /// site link is compared by its target whatever its form.
    #[test]
    fn remote_links_may_be_localized_site_links_must_match() {
        let urls = |en: &str, tr: &str| -> Vec<(String, Option<Side>)> {
            build(en, tr)
                .findings
                .into_iter()
                .filter(|f| f.rule == Rule::Url)
                .map(|f| (f.value, f.side))
                .collect()
        };
        let en = "Read [the page](https://en.wikipedia.org/wiki/XMPP) and [ours](/docs/).\n";
        let localized =
            "Lisez [la page](https://fr.wikipedia.org/wiki/XMPP) et [la nôtre](/fr/docs/).\n";
        assert!(urls(en, localized).is_empty());
        let lost = "Lisez [la nôtre](/fr/docs/).\n";
        assert_eq!(
            urls(en, lost),
            [(
                "https://en.wikipedia.org/wiki/XMPP".to_owned(),
                Some(Side::Source)
            )]
        );
        // The same page at its translated heading is the same target;
        // another page at that heading is not.
        let en_at = "See [the API](./runtime/#llm-integration).\n";
        assert!(urls(en_at, "Voir [l'API](./runtime/#intégration-llm).\n").is_empty());
        assert_eq!(
            urls(en_at, "Voir [l'API](./memory/#intégration-llm).\n").len(),
            2
        );
        let wrong =
            "Lisez [la page](https://fr.wikipedia.org/wiki/XMPP) et [la nôtre](/fr/blog/).\n";
        assert_eq!(
            urls(en, wrong),
            [
                ("/blog".to_owned(), Some(Side::Target)),
                ("/docs".to_owned(), Some(Side::Source))
            ]
        );
        assert_eq!(
            front_matter_keys("+++\ntitle = \"x\"\ndraft = true\n+++\n"),
            ["title", "draft"]
        );
        assert_eq!(
            front_matter_keys("+++\ntitle = \"x\"\n[trame]\nignore = [\"url\"]\n+++\n"),
            ["title"]
        );
    }

    fn findings_in(
        en: &str,
        tr: &str,
        lang: &str,
        rule: Rule,
        site: Option<&SitePages>,
    ) -> Vec<(String, Option<Side>)> {
        let (s, _) = parse(en);
        let (t, diags) = parse(tr);
        let a = crate::align::align(&s, &t);
        let labels = labels_of(&s, &t, &a, lang);
        let context = Context {
            source_lang: "en",
            lang,
            site,
        };
        report(&s, en, &t, tr, &diags, &a, &labels, &context)
            .findings
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| (f.value, f.side))
            .collect()
    }

    /// The same time, day range or ordinal written the way each language
    /// writes it is no finding; a different time still is.
    #[test]
    fn local_times_ranges_and_spelled_out_numbers_are_the_same_values() {
        let numbers =
            |en: &str, tr: &str, lang: &str| findings_in(en, tr, lang, Rule::Number, None);
        let en = "The meeting is every 2nd Wednesday at 7:00 PM, on November 18-19th.\n";
        let fr = "La réunion a lieu tous les deuxièmes mercredis à 19h00, les 18 et 19 novembre.\n";
        assert!(numbers(en, fr, "fr").is_empty());
        let it = "L'incontro è ogni secondo mercoledì alle 19:00, il 18 e 19 novembre.\n";
        assert!(numbers(en, it, "it").is_empty());
        // The same date in another order, the same figure with a space.
        assert!(
            numbers(
                "Released on 2025-12-12 to 1,500 users.\n",
                "Publié le 12/12/2025 pour 1 500 utilisateurs.\n",
                "fr"
            )
            .is_empty()
        );
        assert_eq!(
            numbers("Released on 2025-12-12.\n", "Publié le 13/12/2025.\n", "fr"),
            [
                ("13/12/2025".to_owned(), Some(Side::Target)),
                ("2025-12-12".to_owned(), Some(Side::Source))
            ]
        );
        // An ordinal day: 1st is 1°.
        assert!(numbers("On May 1st.\n", "Il 1° maggio.\n", "it").is_empty());
        // A Version repeated in the English and written once: no finding.
        assert!(
            numbers(
                "Gajim 1.9.0 is out. Get 1.9.0 now.\n",
                "Gajim 1.9.0 est sorti.\n",
                "fr"
            )
            .is_empty()
        );
        // Two slots, 2 entrées.
        assert!(
            numbers(
                "We got two slots.\n",
                "Nous avons obtenu 2 entrées.\n",
                "fr"
            )
            .is_empty()
        );
        // The morning is not the evening; a handful is not 3.
        assert_eq!(
            numbers(
                "From 6:00 - 9:00 pm UTC.\n",
                "De 6:00 à 9:00 du matin UTC.\n",
                "fr"
            ),
            [
                ("21:00".to_owned(), Some(Side::Source)),
                ("9:00".to_owned(), Some(Side::Target))
            ]
        );
        assert_eq!(
            numbers(
                "A handful of maintainers.\n",
                "Seulement 3 mainteneurs.\n",
                "fr"
            ),
            [("3".to_owned(), Some(Side::Target))]
        );
        // A URL written as text is no number.
        assert!(
            numbers(
                "See [the post](https://xmpp.org/2023/02/gsoc/).\n",
                "Voir [le billet] (https://xmpp.org/2023/02/gsoc/).\n",
                "fr"
            )
            .is_empty()
        );
    }

    /// A site link is one target written absolute or relative; a link of
    /// the translation to a page the site has in its language stands for an
    /// English link whose page has another name there, or was added; a link
    /// to no page still is a finding, and so is an English link dropped.
    #[test]
    fn site_links_are_checked_against_the_site_pages() {
        let site = SitePages::new(
            "en",
            [
                ("en", "/microservices-architecture"),
                ("en", "/container"),
                ("en", "/scalability"),
                ("en", "/horizontal-scaling"),
                ("it", "/microservices"),
                ("it", "/scalability"),
                ("it", "/horizontal-scaling"),
            ]
            .map(|(l, p)| (l.to_owned(), p.to_owned())),
        );
        let urls = |en: &str, tr: &str| findings_in(en, tr, "it", Rule::Url, Some(&site));
        // Absolute and relative, same path.
        assert!(
            urls(
                "See [apps](https://glossary.example.org/container/).\n",
                "Vedi [app](/it/container/).\n"
            )
            .is_empty()
        );
        // The Italian page of the same term under another name.
        assert!(
            urls(
                "Made of [microservices](/microservices-architecture/).\n",
                "Fatto di [microservizi](/it/microservices/).\n"
            )
            .is_empty()
        );
        // A link the translator added to an Italian page.
        assert!(urls("It can scale.\n", "Può [scalare](/it/scalability/).\n").is_empty());
        // A link to no page: the English link and the broken one.
        assert_eq!(
            urls(
                "It [scales out](/horizontal-scaling/).\n",
                "[Scala](/it/horizontal_scaling/).\n"
            ),
            [
                ("/horizontal-scaling".to_owned(), Some(Side::Source)),
                ("/horizontal_scaling".to_owned(), Some(Side::Target))
            ]
        );
        // An English link dropped, beside a localized one.
        assert_eq!(
            urls(
                "Run [containers](/container/) as [microservices](/microservices-architecture/).\n",
                "Esegui container come [microservizi](/it/microservices/).\n"
            ),
            [("/container".to_owned(), Some(Side::Source))]
        );
        // Without the site's pages, links are compared as written.
        assert_eq!(
            findings_in(
                "It can scale.\n",
                "Può [scalare](/it/scalability/).\n",
                "it",
                Rule::Url,
                None
            ),
            [("/scalability".to_owned(), Some(Side::Target))]
        );
    }
}
