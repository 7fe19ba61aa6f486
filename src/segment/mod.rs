//! Markdown segmentation: cuts a Hugo page into the units a translator translates.
//!
//! Pure: no I/O. Invariant: the segments and the skipped spans of a [`Document`],
//! sorted by position, tile the input exactly, so concatenating their bytes
//! reproduces the input byte for byte ([`Document::pieces`]).
//!
//! The body is parsed with pulldown-cmark; the front matter is cut off by hand
//! (only at byte 0, see `frontmatter`) because pulldown-cmark's metadata option
//! also fires in the middle of a page. Hugo shortcodes standing on their own
//! line are carved out of the surrounding text (see `shortcode`).

mod frontmatter;
mod inline;
pub mod numbers;
mod shortcode;
#[cfg(test)]
mod tests;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub use frontmatter::{front_matter_list, front_matter_start};
pub use inline::{number_end, reads_month_names, slugify};

/// What a segment is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// A prose value of the front matter, such as `title`.
    FrontMatter,
    /// An ATX or setext heading.
    Heading,
    /// A paragraph (including the text between paired shortcodes).
    Paragraph,
    /// One list item's own text, without its nested items.
    ListItem,
    /// One cell of a table.
    TableCell,
    /// A paragraph inside a blockquote.
    Blockquote,
    /// A translatable parameter of a shortcode, such as a figure's `caption`.
    ShortcodeParam,
    /// The content of a code block (without its fences): compared as code,
    /// kept as it is in a translation.
    Code,
    /// A shortcode alone on its line with no translatable parameter (a
    /// video, a sign-up form): kept as it is in a translation.
    Shortcode,
}

impl SegmentKind {
    /// Returns the stable machine name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::FrontMatter => "front-matter",
            SegmentKind::Heading => "heading",
            SegmentKind::Paragraph => "paragraph",
            SegmentKind::ListItem => "list-item",
            SegmentKind::TableCell => "table-cell",
            SegmentKind::Blockquote => "blockquote",
            SegmentKind::ShortcodeParam => "shortcode-param",
            SegmentKind::Code => "code",
            SegmentKind::Shortcode => "shortcode",
        }
    }

    /// Returns true for prose a translator rewrites; false for blocks a
    /// translation keeps as they are (code, standalone shortcodes).
    pub fn is_prose(self) -> bool {
        !matches!(self, SegmentKind::Code | SegmentKind::Shortcode)
    }

    /// The family of blocks a text keeps when an edit sets it out anew: a
    /// paragraph made a list item, a list made a table or a quote, keeps its
    /// words and is the same text in another form. Headings, front-matter
    /// values, shortcode parameters, code and standalone shortcodes are each
    /// their own family.
    pub fn family(self) -> u8 {
        match self {
            SegmentKind::Paragraph
            | SegmentKind::ListItem
            | SegmentKind::TableCell
            | SegmentKind::Blockquote => 0,
            SegmentKind::FrontMatter => 1,
            SegmentKind::Heading => 2,
            SegmentKind::ShortcodeParam => 3,
            SegmentKind::Code => 4,
            SegmentKind::Shortcode => 5,
        }
    }
}

/// A fingerprint of a segment's normalized text (64-bit FNV-1a, stable across
/// platforms and releases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u64);

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// The parts of a segment that a translation must keep as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invariants {
    /// Link destinations and image sources, in order of appearance.
    pub urls: Vec<String>,
    /// Inline code spans, without the backticks.
    pub code: Vec<String>,
    /// Numbers, versions and numeric dates as written (`1.9.0`, `2024-07-05`).
    pub numbers: Vec<String>,
    /// Month names, normalized to ISO 8601's `--MM` whatever the language.
    pub dates: Vec<String>,
    /// Shortcodes with their untranslatable parameters (`figure src=/a.png`).
    pub shortcodes: Vec<String>,
}

impl Invariants {
    /// Returns true when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.urls.is_empty()
            && self.code.is_empty()
            && self.numbers.is_empty()
            && self.dates.is_empty()
            && self.shortcodes.is_empty()
    }
}

/// One translatable unit of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// What the segment is.
    pub kind: SegmentKind,
    /// The heading level (1-6), the list depth (1 for a top-level item) or
    /// the table column (1 for the first); 0 otherwise.
    pub level: u8,
    /// The front-matter key (`title`) or the shortcode parameter (`figure.caption`).
    pub key: Option<String>,
    /// 1-based inclusive line range.
    pub lines: (u32, u32),
    /// Half-open byte range into the input; `text` is exactly these bytes.
    pub bytes: Range<usize>,
    /// The segment's source text, as written.
    pub text: String,
    /// Fingerprint of the normalized text, computed on first use (see
    /// [`Segment::fingerprint`]).
    pub(crate) fingerprint_cell: FingerprintCell,
    /// For headings, the anchor id: explicit `{#id}` or Hugo's default slug.
    pub anchor: Option<String>,
    /// True when `anchor` is an explicit `{#id}`, which translations keep
    /// as it is so that links to the section work in every language.
    pub explicit_anchor: bool,
    /// What a translation must keep.
    pub invariants: Invariants,
}

impl Segment {
    /// Fingerprint of the normalized text: re-wrapping does not change it.
    /// Computed once, when first asked (a run answered from the page cache
    /// never asks for most of them).
    pub fn fingerprint(&self) -> Fingerprint {
        *self
            .fingerprint_cell
            .0
            .get_or_init(|| fingerprint(&self.text))
    }
}

/// A segment's fingerprint once computed. It follows from the text, which
/// segments are compared by: two cells always compare equal.
#[derive(Debug, Clone, Default)]
pub(crate) struct FingerprintCell(std::sync::OnceLock<Fingerprint>);

impl PartialEq for FingerprintCell {
    fn eq(&self, _: &FingerprintCell) -> bool {
        true
    }
}

impl Eq for FingerprintCell {}

/// Why a span of the input is not translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipKind {
    /// Markdown syntax, whitespace and untranslatable text between segments.
    Markup,
    /// The front matter's delimiters, keys and untranslated values.
    FrontMatter,
    /// A fenced or indented code block.
    Code,
    /// A raw HTML block.
    Html,
    /// An HTML or Hugo comment.
    Comment,
    /// A link reference definition.
    LinkDefinition,
    /// Shortcode syntax and untranslatable parameters.
    Shortcode,
    /// A byte-order mark.
    Bom,
}

impl SkipKind {
    /// Returns the stable machine name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipKind::Markup => "markup",
            SkipKind::FrontMatter => "front-matter",
            SkipKind::Code => "code",
            SkipKind::Html => "html",
            SkipKind::Comment => "comment",
            SkipKind::LinkDefinition => "link-definition",
            SkipKind::Shortcode => "shortcode",
            SkipKind::Bom => "bom",
        }
    }
}

/// A span of the input that holds no translatable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What the span holds.
    pub kind: SkipKind,
    /// Half-open byte range into the input.
    pub bytes: Range<usize>,
}

/// A problem found in the input; parsing always goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line where the problem is.
    pub line: u32,
    /// Byte offset where the problem is.
    pub offset: usize,
    /// What is wrong.
    pub kind: DiagnosticKind,
}

/// The problems segmentation reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// Front matter opened at the top of the file but never closed.
    UnclosedFrontMatter,
    /// The front matter could not be parsed; its values are not segmented.
    BadFrontMatter { message: String },
    /// A code fence runs to the end of the file.
    UnclosedCodeFence,
    /// A shortcode opened with `{{<` or `{{%` is never closed.
    UnclosedShortcode,
    /// A line inside a fenced code block that starts with the fence and
    /// goes on with text (`` ``` see below ``): it looks like the closing
    /// fence but is code, so the block goes on past it.
    FenceWithText,
    /// Table rows that Markdown reads as a paragraph: a header row whose
    /// cells do not number those of the delimiter row under it
    /// (`| a | b |` over `|---|`), or rows joined on one line
    /// (`| a | b || --- | --- |`). The page shows them as one run of text
    /// with pipes.
    BrokenTable,
    /// Lines numbered with digits of another script (`۱.`, `１.`): Markdown
    /// reads list numbers in ASCII digits only, so they are one paragraph.
    BrokenList,
}

impl DiagnosticKind {
    /// Returns the stable machine name used in JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            DiagnosticKind::UnclosedFrontMatter => "unclosed-front-matter",
            DiagnosticKind::BadFrontMatter { .. } => "bad-front-matter",
            DiagnosticKind::UnclosedCodeFence => "unclosed-code-fence",
            DiagnosticKind::UnclosedShortcode => "unclosed-shortcode",
            DiagnosticKind::FenceWithText => "fence-with-text",
            DiagnosticKind::BrokenTable => "broken-table",
            DiagnosticKind::BrokenList => "broken-list",
        }
    }
}

/// A segmented page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Translatable segments in source order.
    pub segments: Vec<Segment>,
    /// Untranslated spans in source order; with `segments` they tile the input.
    pub skipped: Vec<Skipped>,
    /// Length of the input in bytes.
    pub len: usize,
}

/// One piece of a document in source order: a segment or a skipped span.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    /// A translatable segment.
    Segment(&'a Segment),
    /// A span kept as it is.
    Skipped(&'a Skipped),
}

impl Piece<'_> {
    /// Returns the byte range of the piece.
    pub fn bytes(&self) -> Range<usize> {
        match self {
            Piece::Segment(s) => s.bytes.clone(),
            Piece::Skipped(s) => s.bytes.clone(),
        }
    }
}

impl Document {
    /// Returns segments and skipped spans merged in source order.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let mut out = Vec::with_capacity(self.segments.len() + self.skipped.len());
        let (mut i, mut j) = (0, 0);
        while i < self.segments.len() || j < self.skipped.len() {
            let take_segment = match (self.segments.get(i), self.skipped.get(j)) {
                (Some(a), Some(b)) => a.bytes.start <= b.bytes.start,
                (Some(_), None) => true,
                _ => false,
            };
            if take_segment {
                out.push(Piece::Segment(&self.segments[i]));
                i += 1;
            } else {
                out.push(Piece::Skipped(&self.skipped[j]));
                j += 1;
            }
        }
        out
    }
}

/// Which keys and parameters are prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Front-matter keys whose string values are translated, at any depth.
    pub front_matter_keys: Vec<String>,
    /// Shortcode parameters that are translated; all others are kept.
    pub shortcode_params: Vec<String>,
    /// Pages larger than this many bytes are not read (the workspace reports
    /// them instead): segmentation and alignment stay within bounded memory.
    pub max_page_bytes: u64,
}

/// The default of [`Config::max_page_bytes`]: 8 MiB, about a hundred times
/// the longest page of the public corpus.
pub const MAX_PAGE_BYTES: u64 = 8 * 1024 * 1024;

impl Default for Config {
    fn default() -> Self {
        Config {
            front_matter_keys: ["title", "description", "summary", "caption", "linkTitle"]
                .map(String::from)
                .to_vec(),
            shortcode_params: ["caption", "title", "alt"].map(String::from).to_vec(),
            max_page_bytes: MAX_PAGE_BYTES,
        }
    }
}

/// Segments `text` with the default configuration.
///
/// ```
/// let (doc, diagnostics) = trame::segment::parse("# Hello\n\nSome *text*.\n");
/// assert!(diagnostics.is_empty());
/// assert_eq!(doc.segments[0].text, "Hello");
/// assert_eq!(doc.segments[1].text, "Some *text*.");
/// ```
pub fn parse(text: &str) -> (Document, Vec<Diagnostic>) {
    parse_with(text, &Config::default())
}

/// Segments `text` with the given configuration.
pub fn parse_with(text: &str, config: &Config) -> (Document, Vec<Diagnostic>) {
    let mut cx = Ctx::new(text, config);
    if text.starts_with('\u{feff}') {
        cx.notable.push(Skipped {
            kind: SkipKind::Bom,
            bytes: 0..3,
        });
    }
    let body_start = frontmatter::segment(&mut cx, front_matter_start(text));
    cx.body(body_start);
    cx.finish()
}

/// Converts bytes to text, naming the byte offset of the first invalid UTF-8 sequence.
pub fn decode(bytes: &[u8]) -> Result<&str, InvalidUtf8> {
    std::str::from_utf8(bytes).map_err(|e| InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

/// The input is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid UTF-8 at byte {offset}")]
pub struct InvalidUtf8 {
    /// Offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

/// The text as the Markdown parser should read it: a shortcode whose `>}}`
/// starts a line of its own (parameters written one per line, as Hextra's
/// and Docsy's cards are) would end its paragraph there, the `>` read as a
/// blockquote, and the shortcode would look unclosed. That `>` is read as a
/// space (same length, so offsets hold; segment texts are taken from the
/// real text).
fn mask_shortcode_closers(text: &str) -> std::borrow::Cow<'_, str> {
    let mut masked: Option<Vec<u8>> = None;
    let mut from = 0;
    while let Some(k) = text[from..].find("{{<") {
        let open = from + k;
        let Some(e) = text[open + 3..].find(">}}") else {
            break;
        };
        let close = open + 3 + e;
        let line_start = text[..close].rfind('\n').map_or(0, |n| n + 1);
        if line_start > open
            && text[line_start..close]
                .bytes()
                .all(|b| b == b' ' || b == b'\t')
        {
            masked.get_or_insert_with(|| text.as_bytes().to_vec())[close] = b' ';
        }
        from = close + 3;
    }
    match masked {
        // One ASCII byte replaced by another: still UTF-8.
        Some(bytes) => {
            String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(text), Into::into)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Returns the normalized form of a segment text: whitespace runs (soft breaks
/// included) collapse to one space and the ends are trimmed.
///
/// The quote markers that open a blockquote's continuation lines (`> `) are
/// structure: they are left out, so re-wrapping a quote keeps its text.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.lines().enumerate() {
        let line = if k == 0 {
            line
        } else {
            line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
        };
        for word in line.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Returns true when a translated text is its source text left as it was:
/// the same text (whitespace aside) that reads as prose: at least three
/// lower-case words of three letters or more outside link destinations,
/// URLs, inline code and shortcodes. Names, titles and terms (Title Case,
/// `XMPP`), numbers and short labels kept on purpose ("Last Call") stay
/// neutral.
pub fn is_left_in_source(source: &str, target: &str) -> bool {
    normalize(source) == normalize(target) && prose_word_count(source) >= 3
}

/// Counts the lower-case words of three letters or more of a text, leaving
/// out link destinations, URLs, inline code and shortcodes.
fn prose_word_count(text: &str) -> usize {
    words(text)
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase))
        .count()
}

/// The length of the emoji code (`:smile:`, `:+1:`, `:white_check_mark:`)
/// `text` starts with, if it starts with one.
fn emoji_code_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix(':')?;
    let end = inner.find(|c: char| {
        !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-'))
    })?;
    (end > 0 && inner[end..].starts_with(':')).then_some(end + 2)
}

/// The length of the HTML character reference (`&nbsp;`, `&mdash;`,
/// `&#8212;`, `&#x2014;`) `text` starts with, if it starts with one: a
/// character written by name, not a word.
fn entity_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('&')?;
    let end = inner.find(';')?;
    let name = &inner[..end];
    let numeric = name.strip_prefix('#').is_some_and(|n| {
        let hex = n.strip_prefix(['x', 'X']);
        match hex {
            Some(h) => !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()),
            None => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
        }
    });
    let named = (2..=32).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    (numeric || named).then_some(end + 2)
}

/// The length of the account handle (`@wanjunlei`, `@alice@example.org`,
/// `@my-org/team`) `text` starts with, if it starts with one: a name on a
/// forge, chat or social network, never a word to translate.
fn handle_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('@')?;
    if !inner.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let end = inner
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@' | '/')))
        .unwrap_or(inner.len());
    // A sentence's full stop after the handle is not part of it.
    let end = inner[..end].trim_end_matches(['.', '-', '/', '@']).len();
    Some(1 + end)
}

/// Returns the words of a text (runs of letters), leaving out link
/// destinations, URLs, inline code, shortcodes, HTML tags, emoji and icon
/// codes, account handles (`@name`) and identifiers (a run with `/`, `:`, `.` or `_` inside: paths,
/// references, domains, `SNAKE_CASE` names).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let skip_to = |rest: &str, open: &str, close: &str| -> Option<usize> {
        let after = rest.strip_prefix(open)?;
        after.find(close).map(|e| open.len() + e + close.len())
    };
    std::iter::from_fn(move || {
        while let Some(c) = rest.chars().next() {
            if let Some(n) = skip_to(rest, "](", ")")
                .or_else(|| skip_to(rest, "`", "`"))
                .or_else(|| skip_to(rest, "{{", "}}"))
                .or_else(|| skip_to(rest, "<", ">"))
                // Hugo's emoji codes (`:smile:`) and the icon codes of the
                // LoveIt family of themes (`:(fas fa-check):`): names of
                // pictures, not words.
                .or_else(|| skip_to(rest, ":(", "):"))
                .or_else(|| emoji_code_len(rest))
                .or_else(|| handle_len(rest))
                .or_else(|| entity_len(rest))
            {
                rest = &rest[n..];
                continue;
            }
            // Scripts written without spaces: each character is a word of
            // its own, and a Latin name beside them ("Vitess非常适合")
            // stays a word apart.
            if is_unspaced(c) {
                let (word, after) = rest.split_at(c.len_utf8());
                rest = after;
                return Some(word);
            }
            if is_letter(c) {
                let end = rest
                    .find(|ch: char| {
                        is_unspaced(ch)
                            || !(is_letter_or_digit(ch)
                                || ch == ':'
                                || ch == '/'
                                || ch == '.'
                                || ch == '-'
                                || ch == '_'
                                || ch == '\'')
                    })
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                rest = &rest[end.max(c.len_utf8())..];
                // A path, an image or package reference, a domain or a file
                // name (`openfunction/builder-go:latest`, `example.com`,
                // `config.toml`): an identifier, the same in every language,
                // not a word.
                let inner = word.trim_end_matches([':', '/', '.', '-', '_', '\'']);
                if inner.contains(['/', ':', '.', '_']) || word.starts_with("www.") {
                    continue;
                }
                let letters = word.find(|ch: char| !is_letter(ch)).unwrap_or(word.len());
                return Some(&word[..letters]);
            }
            rest = &rest[c.len_utf8()..];
        }
        None
    })
}

/// What a page pair says about which words belong to the source language:
/// words frequent in the source page and rare or absent in the translated
/// text (the translation outside its rows left identical). Function words
/// ("the", "and", "of", "with") and the page's own vocabulary qualify;
/// names, terms and brands, which a translation repeats, do not. The
/// evidence is the pair itself, so it holds for any pair of languages
/// written with word separators, without a language model.
#[derive(Debug, Default)]
pub struct SourceWords {
    source: std::collections::HashMap<String, u32>,
    target: std::collections::HashMap<String, u32>,
    /// The translated texts, separated by U+001F.
    target_texts: String,
    /// The same as lower-case words, each text between spaces; made when
    /// first asked for.
    target_phrases: std::cell::OnceCell<String>,
}

/// Returns the lower-case alphanumeric runs of a text joined by single
/// spaces, so "Containers-as-a-Service" reads "containers as a service".
fn phrase(text: &str) -> String {
    text.split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl SourceWords {
    /// Counts the words of the source texts and of the translated texts.
    pub fn new<'a>(
        source: impl IntoIterator<Item = &'a str>,
        target: impl IntoIterator<Item = &'a str>,
    ) -> SourceWords {
        SourceWords::counting(None, source, target)
    }

    /// Like [`SourceWords::new`], counting only the words of `focus` (the
    /// texts to be judged): the answers about those texts are the same.
    pub fn for_texts<'a>(
        focus: &[&str],
        source: impl IntoIterator<Item = &'a str>,
        target: impl IntoIterator<Item = &'a str>,
    ) -> SourceWords {
        let wanted = focus
            .iter()
            .flat_map(|t| words(t))
            .map(str::to_lowercase)
            .collect();
        SourceWords::counting(Some(&wanted), source, target)
    }

    fn counting<'a>(
        wanted: Option<&std::collections::HashSet<String>>,
        source: impl IntoIterator<Item = &'a str>,
        target: impl IntoIterator<Item = &'a str>,
    ) -> SourceWords {
        let count = |texts: &mut dyn Iterator<Item = &'a str>| {
            let mut map = std::collections::HashMap::<String, u32>::new();
            for text in texts {
                for w in words(text).filter(|w| w.chars().nth(1).is_some()) {
                    let lower: std::borrow::Cow<'_, str> = if w.chars().any(char::is_uppercase) {
                        w.to_lowercase().into()
                    } else {
                        w.into()
                    };
                    if wanted.is_some_and(|set| !set.contains(lower.as_ref())) {
                        continue;
                    }
                    match map.get_mut(lower.as_ref()) {
                        Some(n) => *n += 1,
                        None => {
                            map.insert(lower.into_owned(), 1);
                        }
                    }
                }
            }
            map
        };
        let target: Vec<&str> = target.into_iter().collect();
        SourceWords {
            source: count(&mut source.into_iter()),
            target: count(&mut target.iter().copied()),
            target_texts: target.join("\u{1f}"),
            target_phrases: std::cell::OnceCell::new(),
        }
    }

    /// Returns true when `word` reads as a source-language word on this
    /// page: seen at least twice in the source and never in the
    /// translation, or at least three times and four times as often.
    pub fn is_source_word(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        let s = self.source.get(&w).copied().unwrap_or(0);
        let t = self.target.get(&w).copied().unwrap_or(0);
        (t == 0 && s >= 2) || (s >= 3 && s >= 4 * t)
    }

    /// Returns true when the translated text uses `text` itself (as words,
    /// whatever the case and punctuation): a term the translation keeps,
    /// such as a page titled "Containers as a Service" whose translation
    /// says "Containers-as-a-Service (CaaS) è...".
    pub fn used_in_translation(&self, text: &str) -> bool {
        let p = phrase(text);
        let phrases = self.target_phrases.get_or_init(|| {
            let mut out = String::from(" ");
            for text in self.target_texts.split('\u{1f}') {
                out.push_str(&phrase(text));
                out.push_str(" \n ");
            }
            out
        });
        !p.is_empty() && phrases.contains(&format!(" {p} "))
    }

    /// Returns how many words of `text` read as source-language words.
    pub fn count_in(&self, text: &str) -> usize {
        words(text)
            .filter(|w| w.chars().count() >= 2 && self.is_source_word(w))
            .count()
    }
}

/// Returns true when a translated text is its source text left as it was
/// and reads as source-language text by the page's own evidence: either
/// prose (`is_left_in_source`), or at least two words that the page pair
/// marks as source-language words (`SourceWords`), as in a title or caption
/// ("XSF and Google Summer of Code"), unless the translation itself uses
/// the same words elsewhere (a term it keeps). A term with one function
/// word ("Infrastructure as Code") stays neutral.
pub fn is_left_in_source_by(source: &str, target: &str, evidence: &SourceWords) -> bool {
    normalize(source) == normalize(target)
        && (prose_word_count(source) >= 3
            || (evidence.count_in(source) >= 2
                && !evidence.used_in_translation(source)
                && !is_named_link(source)))
}

/// True for a text that is one link whose text is a name (no lower-case
/// word of three letters): `[Hello World](…/hello-world)`, the title of
/// what it links to, which translations keep as they keep list items of
/// references.
fn is_named_link(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('[')
        && t.ends_with(')')
        && t.matches("](").count() == 1
        && t[1..]
            .find('[')
            .is_none_or(|k| t[1..].find("](").is_some_and(|e| e < k))
        && prose_word_count(t) == 0
}

/// True for letters of scripts written without spaces between words (CJK
/// ideographs, kana) and for Hangul syllables, whose particles attach to
/// the word before (`Vitess는`): each is a word of its own, so a Latin name
/// next to them is one too.
#[inline]
fn is_unspaced(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7a3 | 0xf900..=0xfaff
    )
}

/// Normalizes a number so that `1,000`, `1.000` and `1 000` compare equal
/// while versions (`1.9.0`) and dates (`2024-07-05`) keep their shape; a
/// number with both marks (`1,480.25`, `1.480,25`) has its decimal mark
/// last, whichever it is, and the other one between groups of three.
pub fn normalize_number(n: &str) -> String {
    const SEPARATORS: [char; 5] = [',', '.', ' ', '\u{a0}', '\u{202f}'];
    let groups: Vec<&str> = n.split(SEPARATORS).collect();
    let thousands = groups.len() > 1
        && groups[1..].iter().all(|g| g.len() == 3)
        && !n.contains(['-', ':', '/']);
    if thousands {
        return n.replace(SEPARATORS, "");
    }
    if n.contains(['-', ':', '/']) {
        return n.to_owned();
    }
    let marks: Vec<(usize, char)> = n
        .match_indices([',', '.'])
        .map(|(i, m)| (i, m.chars().next().unwrap_or('.')))
        .collect();
    match marks.as_slice() {
        // One separator and no group of three after it: a decimal number,
        // whose comma (`3,3` in French, German, Portuguese and most
        // languages of Europe) is the English point.
        [_] if !n.contains([' ', '\u{a0}', '\u{202f}']) => n.replace(',', "."),
        // Both marks: the last one, found once, is the decimal mark; the
        // others group thousands by three.
        [.., (at, decimal)]
            if marks[..marks.len() - 1].iter().all(|(_, m)| m != decimal)
                && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3) =>
        {
            let (whole, fraction) = (&n[..*at], &n[at + 1..]);
            format!("{}.{fraction}", whole.replace(SEPARATORS, ""))
        }
        _ => n.to_owned(),
    }
}

/// `char::is_alphabetic`, answered without the Unicode table search for the
/// letters most pages are written in (Latin-1 and Latin Extended-A,
/// Cyrillic, kana, CJK ideographs, Hangul syllables): word scanning spent
/// a tenth of its time in that search.
#[inline]
pub fn is_letter(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphabetic(),
        0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x17f => true,
        0x400..=0x45f => true,
        0x3041..=0x3096 | 0x30a1..=0x30fa => true,
        0x4e00..=0x9fff | 0xac00..=0xd7a3 => true,
        _ => c.is_alphabetic(),
    }
}

/// [`is_letter`] or a numeric character (`char::is_alphanumeric`).
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// The bytes of `text` that are shortcode syntax rather than prose: each
/// inline shortcode's delimiters, name and settings (`{{< button
/// href="/docs/" >}}`), but not the values of parameters that hold text
/// for a reader (a button's `title="Get started"`). Sorted and disjoint.
pub fn shortcode_markup(text: &str) -> Vec<std::ops::Range<usize>> {
    let (found, _) = shortcode::find(text, 0..text.len());
    let mut out = Vec::new();
    for sc in &found {
        let mut texts: Vec<std::ops::Range<usize>> = sc
            .params
            .iter()
            .filter(|p| shortcode::is_text_param(p))
            .map(|p| p.value_bytes.clone())
            .collect();
        texts.sort_by_key(|r| r.start);
        let mut start = sc.bytes.start;
        for r in texts {
            if r.start > start {
                out.push(start..r.start);
            }
            start = start.max(r.end);
        }
        if sc.bytes.end > start {
            out.push(start..sc.bytes.end);
        }
    }
    out
}

/// Whether a block is display math as Hugo's math passthrough and KaTeX or
/// MathJax read it: between `$$` and `$$`, `\[` and `\]` (`\\[` and `\\]`
/// escaped for Markdown), or a `\begin{…}` … `\end{…}` environment.
pub fn is_display_math(text: &str) -> bool {
    let t = text.trim();
    let between = |open: &str, close: &str| {
        t.len() >= open.len() + close.len() && t.starts_with(open) && t.ends_with(close)
    };
    between("$$", "$$")
        || between("\\\\[", "\\\\]")
        || between("\\[", "\\]")
        || (t.starts_with("\\begin{") && t.contains("\\end{") && t.ends_with('}'))
}

/// Whether a line is a Goldmark attribute list (`{.display-6}`, `{#intro
/// .lead}`, `{class="wide"}`): braces around ids, classes and `key=value`
/// pairs only. A word in braces (`{name}`, a placeholder) is not one.
pub fn is_attribute_list(line: &str) -> bool {
    let Some(inner) = line
        .trim()
        .strip_prefix('{')
        .and_then(|l| l.strip_suffix('}'))
    else {
        return false;
    };
    if inner.contains(['{', '}']) {
        return false;
    }
    let name = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':'))
    };
    // Quoted values may hold spaces: split on spaces outside quotes.
    let mut quote = None;
    let mut token = String::new();
    let mut all = Vec::new();
    for c in inner.chars().chain([' ']) {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                token.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                token.push(c);
            }
            (None, c) if c.is_whitespace() => {
                if !token.is_empty() {
                    all.push(std::mem::take(&mut token));
                }
            }
            _ => token.push(c),
        }
    }
    if quote.is_some() {
        return false;
    }
    !all.is_empty()
        && all.iter().all(|t| {
            if let Some(rest) = t.strip_prefix(['.', '#']) {
                name(rest)
            } else if let Some((key, value)) = t.split_once('=') {
                name(key) && !value.is_empty()
            } else {
                false
            }
        })
}

/// Returns the fingerprint of a text, after normalization.
pub fn fingerprint(text: &str) -> Fingerprint {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    // The words joined by single spaces, hashed without building the
    // string: white space is what `char::is_whitespace` says it is (ASCII
    // bytes, the vertical tab included, are decided without decoding).
    let bytes = text.as_bytes();
    let (mut gap, mut started) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, space) = if b.is_ascii_graphic() {
            // A run of visible ASCII (most of any text), taken at once.
            let run = bytes[i..]
                .iter()
                .position(|x| !x.is_ascii_graphic())
                .unwrap_or(bytes.len() - i);
            (run, false)
        } else if b.is_ascii() {
            (1, matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_whitespace())
        };
        if space {
            gap = started;
        } else {
            if gap {
                hash = (hash ^ u64::from(b' ')).wrapping_mul(PRIME);
                gap = false;
            }
            started = true;
            for &x in &bytes[i..i + len] {
                hash = (hash ^ u64::from(x)).wrapping_mul(PRIME);
            }
        }
        i += len;
    }
    Fingerprint(hash)
}

/// The parser's working state, shared by the submodules.
struct Ctx<'a> {
    text: &'a str,
    config: &'a Config,
    line_starts: Vec<usize>,
    segments: Vec<Segment>,
    /// Skipped spans with a known kind; the rest of the gaps become `Markup`.
    notable: Vec<Skipped>,
    diagnostics: Vec<Diagnostic>,
}

/// A block container on the parse stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Heading(u8),
    Quote,
    List,
    Item,
    /// A table cell and its column, counted from 1.
    TableCell(u8),
    Code,
    Html,
    Other,
}

/// Inline content collected since the last block boundary.
#[derive(Default)]
struct Pending {
    range: Option<Range<usize>>,
    items: Vec<(usize, inline::Item)>,
    plain: String,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, config: &'a Config) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Ctx {
            text,
            config,
            line_starts,
            segments: Vec::new(),
            notable: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Returns the 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> u32 {
        let idx = self.line_starts.partition_point(|&s| s <= offset);
        u32::try_from(idx).unwrap_or(u32::MAX)
    }

    fn diagnose(&mut self, offset: usize, kind: DiagnosticKind) {
        let line = self.line_of(offset);
        self.diagnostics.push(Diagnostic { line, offset, kind });
    }

    /// Adds a segment for `range` (already trimmed), with its invariants.
    fn push_segment(
        &mut self,
        kind: SegmentKind,
        level: u8,
        key: Option<String>,
        range: Range<usize>,
        invariants: Invariants,
    ) {
        if range.is_empty() {
            return;
        }
        let text = &self.text[range.clone()];
        let lines = (self.line_of(range.start), self.line_of(range.end - 1));
        self.segments.push(Segment {
            kind,
            level,
            key,
            lines,
            bytes: range,
            text: text.to_owned(),
            fingerprint_cell: FingerprintCell::default(),
            anchor: None,
            explicit_anchor: false,
            invariants,
        });
    }

    fn body(&mut self, start: usize) {
        let body = &self.text[start..];
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_DEFINITION_LIST;
        let mut stack: Vec<Block> = Vec::new();
        let mut pending = Pending::default();
        // Heading ids from `{#id}`, keyed by the heading's start offset.
        let mut explicit_ids: Vec<(usize, String)> = Vec::new();
        let mut autolink_depth = 0usize;
        // The content of the code block being read.
        let mut code: Option<Range<usize>> = None;
        // The column of the table cell being read, counted from 1.
        let mut column = 0u8;
        let masked = mask_shortcode_closers(body);
        for (event, r) in Parser::new_ext(&masked, options).into_offset_iter() {
            let r = (r.start + start)..(r.end + start);
            let in_raw = matches!(stack.last(), Some(Block::Code | Block::Html));
            match event {
                Event::Start(tag) => {
                    if matches!(tag, Tag::TableHead | Tag::TableRow) {
                        column = 0;
                    }
                    if let Some(block) = block_of(&tag) {
                        self.flush(&mut pending, &stack);
                        match block {
                            Block::Code => {
                                self.notable.push(Skipped {
                                    kind: SkipKind::Code,
                                    bytes: r.clone(),
                                });
                                if is_unclosed_fence(&self.text[r.clone()], &tag) {
                                    self.diagnose(r.start, DiagnosticKind::UnclosedCodeFence);
                                }
                                if let Some(at) = fence_with_text(&self.text[r.clone()], &tag) {
                                    self.diagnose(r.start + at, DiagnosticKind::FenceWithText);
                                }
                            }
                            Block::Html => {
                                let raw = self.text[r.clone()].trim_start();
                                let kind = if raw.starts_with("<!--") {
                                    SkipKind::Comment
                                } else {
                                    SkipKind::Html
                                };
                                self.notable.push(Skipped {
                                    kind,
                                    bytes: r.clone(),
                                });
                            }
                            Block::Heading(_) => {
                                if let Tag::Heading { id: Some(id), .. } = &tag {
                                    explicit_ids.push((r.start, id.to_string()));
                                }
                            }
                            _ => {}
                        }
                        let block = match block {
                            Block::TableCell(_) => {
                                column = column.saturating_add(1);
                                Block::TableCell(column)
                            }
                            _ => block,
                        };
                        stack.push(block);
                    } else if !in_raw {
                        if let Tag::Link {
                            link_type,
                            dest_url,
                            ..
                        }
                        | Tag::Image {
                            link_type,
                            dest_url,
                            ..
                        } = &tag
                        {
                            if matches!(
                                link_type,
                                pulldown_cmark::LinkType::Autolink
                                    | pulldown_cmark::LinkType::Email
                            ) {
                                autolink_depth += 1;
                            }
                            pending
                                .items
                                .push((r.start, inline::Item::Url(dest_url.to_string())));
                        }
                        pending.extend(r);
                    }
                }
                Event::End(end) => {
                    if matches!(end, TagEnd::CodeBlock)
                        && let Some(content) = code.take()
                    {
                        let text = &self.text[content.clone()];
                        let end = content.start + text.trim_end().len();
                        let start = content.start + (text.len() - text.trim_start().len());
                        if start < end {
                            self.push_segment(
                                SegmentKind::Code,
                                0,
                                None,
                                start..end,
                                Invariants::default(),
                            );
                        }
                    }
                    if is_block_end(&end) {
                        self.flush(&mut pending, &stack);
                        stack.pop();
                    } else if !in_raw {
                        if matches!(end, TagEnd::Link | TagEnd::Image) && autolink_depth > 0 {
                            // An autolink's text is its URL, already recorded.
                            autolink_depth = autolink_depth.saturating_sub(1);
                        }
                        pending.extend(r);
                    }
                }
                Event::Text(_) if matches!(stack.last(), Some(Block::Code)) => {
                    code = Some(match code.take() {
                        Some(c) => c.start.min(r.start)..c.end.max(r.end),
                        None => r,
                    });
                }
                Event::Text(t) if !in_raw => {
                    if autolink_depth == 0 {
                        inline::scan_text(&t, r.start, &self.text[r.clone()], &mut pending.items);
                        pending.plain.push_str(&t);
                    }
                    pending.extend(r);
                }
                Event::Code(c) if !in_raw => {
                    pending
                        .items
                        .push((r.start, inline::Item::Code(c.to_string())));
                    pending.plain.push_str(&c);
                    pending.extend(r);
                }
                Event::InlineHtml(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                | Event::FootnoteReference(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::TaskListMarker(_)
                    if !in_raw =>
                {
                    if matches!(event, Event::SoftBreak | Event::HardBreak) {
                        pending.plain.push(' ');
                    }
                    pending.extend(r);
                }
                _ => {}
            }
        }
        self.flush(&mut pending, &stack);
        self.assign_anchors(&explicit_ids);
    }

    /// Turns the pending inline content into segments, carving out shortcodes.
    fn flush(&mut self, pending: &mut Pending, stack: &[Block]) {
        let Some(range) = pending.range.take() else {
            pending.items.clear();
            pending.plain.clear();
            return;
        };
        let (kind, level) = kind_for(stack);
        let mut items = std::mem::take(&mut pending.items);
        let plain = std::mem::take(&mut pending.plain);
        let mut range = range;
        // A blockquote alert's marker (`> [!NOTE]`) is structure, not prose:
        // the segment starts after it, and a marker alone is no segment.
        if kind == SegmentKind::Blockquote
            && let Some(len) = alert_marker_len(&self.text[range.clone()])
        {
            let start = range.start + len;
            if start >= range.end {
                return;
            }
            range = start..range.end;
            items.retain(|(at, _)| *at >= start);
        }
        let first_new = self.segments.len();
        shortcode::carve(self, kind, level, range, items);
        if kind == SegmentKind::Heading {
            // Keep the rendered text for the slug; `assign_anchors` finishes it.
            for seg in &mut self.segments[first_new..] {
                if seg.kind == SegmentKind::Heading {
                    seg.anchor = Some(plain.clone());
                }
            }
        }
    }

    /// Sets each heading's anchor: the explicit id, else Hugo's slug made unique.
    fn assign_anchors(&mut self, explicit_ids: &[(usize, String)]) {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for seg in self
            .segments
            .iter_mut()
            .filter(|s| s.kind == SegmentKind::Heading)
        {
            let line_start = self.line_starts[(seg.lines.0 as usize).saturating_sub(1)];
            let explicit = explicit_ids
                .iter()
                .find(|(start, _)| *start >= line_start && *start <= seg.bytes.start)
                .map(|(_, id)| id.clone());
            let plain = seg.anchor.take().unwrap_or_default();
            seg.explicit_anchor = explicit.is_some();
            let base = explicit.unwrap_or_else(|| slugify(&plain));
            let n = seen.entry(base.clone()).or_insert(0);
            seg.anchor = Some(if *n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            });
            *n += 1;
        }
    }

    /// Fills the gaps between segments and notable spans, and sorts everything.
    fn finish(mut self) -> (Document, Vec<Diagnostic>) {
        self.segments.sort_by_key(|s| s.bytes.start);
        let broken: Vec<(usize, DiagnosticKind)> = self
            .segments
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    SegmentKind::Paragraph | SegmentKind::ListItem | SegmentKind::Blockquote
                )
            })
            .flat_map(|s| {
                let table = broken_table(&s.text)
                    .map(|at| (s.bytes.start + at, DiagnosticKind::BrokenTable));
                let list =
                    broken_list(&s.text).map(|at| (s.bytes.start + at, DiagnosticKind::BrokenList));
                table.into_iter().chain(list)
            })
            .collect();
        for (at, kind) in broken {
            self.diagnose(at, kind);
        }
        let mut notable = std::mem::take(&mut self.notable);
        notable.sort_by_key(|s| s.bytes.start);
        let mut skipped = Vec::new();
        let mut pos = 0;
        let mut ni = 0;
        let ends: Vec<Range<usize>> = self.segments.iter().map(|s| s.bytes.clone()).collect();
        let mut boundaries = ends.into_iter().peekable();
        loop {
            let next_seg = boundaries.peek().cloned();
            let gap_end = next_seg.as_ref().map_or(self.text.len(), |r| r.start);
            // Fill [pos, gap_end) with notable spans clipped to it, and markup between.
            while pos < gap_end {
                while ni < notable.len() && notable[ni].bytes.end <= pos {
                    ni += 1;
                }
                match notable.get(ni) {
                    Some(n) if n.bytes.start < gap_end => {
                        let s = n.bytes.start.max(pos);
                        if s > pos {
                            push_markup(&mut skipped, self.text, pos..s);
                        }
                        let e = n.bytes.end.min(gap_end);
                        push_skip(&mut skipped, n.kind, s..e);
                        pos = e;
                    }
                    _ => {
                        push_markup(&mut skipped, self.text, pos..gap_end);
                        pos = gap_end;
                    }
                }
            }
            match next_seg {
                Some(r) => {
                    boundaries.next();
                    pos = r.end.max(pos);
                }
                None => break,
            }
        }
        let doc = Document {
            segments: self.segments,
            skipped,
            len: self.text.len(),
        };
        (doc, self.diagnostics)
    }
}

impl Pending {
    fn extend(&mut self, r: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(p) => p.start.min(r.start)..p.end.max(r.end),
            None => r,
        });
    }
}

/// Pushes a skipped span, merging it with the previous one of the same kind.
fn push_skip(skipped: &mut Vec<Skipped>, kind: SkipKind, bytes: Range<usize>) {
    if bytes.is_empty() {
        return;
    }
    if let Some(last) = skipped.last_mut()
        && last.kind == kind
        && last.bytes.end == bytes.start
    {
        last.bytes.end = bytes.end;
        return;
    }
    skipped.push(Skipped { kind, bytes });
}

/// Pushes a markup gap, labelling link reference definitions and Hugo comments.
fn push_markup(skipped: &mut Vec<Skipped>, text: &str, bytes: Range<usize>) {
    let slice = text[bytes.clone()].trim_start();
    let kind = if slice.starts_with('[') && slice.contains("]:") {
        SkipKind::LinkDefinition
    } else if slice.starts_with("{{/*") {
        SkipKind::Comment
    } else {
        SkipKind::Markup
    };
    push_skip(skipped, kind, bytes);
}

fn block_of(tag: &Tag<'_>) -> Option<Block> {
    Some(match tag {
        Tag::Paragraph => Block::Paragraph,
        Tag::Heading { level, .. } => Block::Heading(*level as u8),
        Tag::BlockQuote(_) => Block::Quote,
        Tag::CodeBlock(_) => Block::Code,
        Tag::HtmlBlock => Block::Html,
        Tag::List(_) => Block::List,
        Tag::Item => Block::Item,
        // Its column is counted where cells start (see `Ctx::body`).
        Tag::TableCell => Block::TableCell(0),
        Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::MetadataBlock(_) => Block::Other,
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => return None,
    })
}

fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Returns the segment kind and level for inline content inside `stack`.
fn kind_for(stack: &[Block]) -> (SegmentKind, u8) {
    let depth = stack.iter().filter(|b| **b == Block::List).count();
    let depth = u8::try_from(depth).unwrap_or(u8::MAX);
    match stack.last() {
        Some(Block::Heading(level)) => (SegmentKind::Heading, *level),
        Some(Block::TableCell(column)) => (SegmentKind::TableCell, *column),
        Some(Block::Item) => (SegmentKind::ListItem, depth),
        Some(Block::Paragraph) => {
            let parent = stack.iter().rev().nth(1);
            match parent {
                Some(Block::Item) => (SegmentKind::ListItem, depth),
                Some(Block::Quote) => (SegmentKind::Blockquote, 0),
                _ => (SegmentKind::Paragraph, 0),
            }
        }
        _ => (SegmentKind::Paragraph, 0),
    }
}

/// The length of a blockquote alert's marker at the start of `text` (`[!NOTE]`,
/// `[!WARNING]`..., as GitHub and Hugo render them), with the line break,
/// quote markers and indentation that follow it; `None` when there is none.
fn alert_marker_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("[!")?;
    let name_len = rest.find(']')?;
    let name = &rest[..name_len];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut end = 2 + name_len + 1;
    // Then only the rest of the line: a title after the marker is prose.
    let line_rest = &text[end..];
    let line_end = line_rest.find('\n').unwrap_or(line_rest.len());
    if !line_rest[..line_end].trim().is_empty() {
        return None;
    }
    end += line_end;
    // The break, then the next line's `>` markers and spaces.
    let after = &text[end..];
    let skip = after
        .char_indices()
        .find(|(_, c)| !matches!(c, '\n' | '\r' | '>' | ' ' | '\t'))
        .map_or(after.len(), |(i, _)| i);
    Some(end + skip)
}

/// Where a block's text holds table rows Markdown did not read as a table
/// (see [`DiagnosticKind::BrokenTable`]): the offset of the first line of
/// the rows. A delimiter row is cells of dashes, colons allowed at their
/// ends (`|---|:---:|`); code spans are left out of the cells (a delimiter
/// row quoted in prose).
fn broken_table(text: &str) -> Option<usize> {
    fn cells(line: &str) -> Vec<&str> {
        let t = line.trim();
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        t.split('|').collect()
    }
    let is_delimiter_cell = |c: &str| {
        let c = c.trim();
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.bytes().all(|b| b == b'-')
    };
    let is_delimiter_row =
        |line: &str| line.contains('|') && cells(line).into_iter().all(is_delimiter_cell);
    if !text.contains('|') || !text.contains('-') {
        return None;
    }
    let mut previous: Option<(usize, String)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        // Code spans hold no cells of this table (`|---|` quoted in prose).
        let mut spans = line.trim_end_matches(['\n', '\r']).split('`');
        let mut owned = String::new();
        while let Some(outside) = spans.next() {
            owned.push_str(outside);
            if spans.next().is_some() {
                owned.push_str("code");
            }
        }
        let line = owned.as_str();
        // A header and its delimiter row that do not agree.
        if let Some((at, header)) = previous.as_ref()
            && header.contains('|')
            && is_delimiter_row(line)
            && cells(header).len() != cells(line).len()
        {
            return Some(*at);
        }
        // Rows joined on one line: a delimiter cell between two pipes
        // after other cells (`| a || --- |`).
        if !is_delimiter_row(line) && line.matches('|').count() >= 3 {
            let parts = cells(line);
            if parts.len() >= 3
                && parts
                    .iter()
                    .any(|c| is_delimiter_cell(c) && c.trim().len() >= 3)
                && parts
                    .iter()
                    .any(|c| !is_delimiter_cell(c) && !c.trim().is_empty())
            {
                return Some(here);
            }
        }
        previous = Some((here, owned));
    }
    None
}

/// Where a block's text holds two or more lines numbered with digits of
/// another script, `۱. ` or `１．` (see [`DiagnosticKind::BrokenList`]): the
/// offset of the first.
fn broken_list(text: &str) -> Option<usize> {
    if text.is_ascii() {
        return None;
    }
    let numbered = |line: &str| {
        let rest = line.trim_start();
        let digits: Vec<char> = rest
            .chars()
            .take_while(|c| inline::is_other_script_digit(*c))
            .collect();
        let len: usize = digits.iter().map(|c| c.len_utf8()).sum();
        // A list number (at most three digits: not a year), its `.` or `)`
        // and the item's text.
        (1..=3).contains(&digits.len())
            && rest[len..]
                .strip_prefix(['.', ')', '．', '）'])
                .is_some_and(|after| !after.trim().is_empty())
    };
    let mut first = None;
    let mut count = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if numbered(line) {
            first.get_or_insert(offset);
            count += 1;
        }
        offset += line.len();
    }
    (count >= 2).then_some(first).flatten()
}

/// The offset in a fenced code block's text of its first line that starts
/// with the opening fence's characters (as many or more, after at most
/// three spaces) and goes on with text other than an info word: a closing
/// fence cannot, so the block goes on past it (`` ``` で生成されます。 `` closing nothing, every
/// block after it read inside out).
fn fence_with_text(raw: &str, tag: &Tag<'_>) -> Option<usize> {
    let (fence_char, fence_len) = opening_fence(raw, tag)?;
    let mut at = raw.find('\n')? + 1;
    for line in raw[at..].split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        let run = body.chars().take_while(|&c| c == fence_char).count();
        let rest = body[run..].trim();
        // (A word such as `go` or `shell` after it is the opening fence of
        // a block the page meant to start there: the break is before.)
        let info = rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+-.#{}=\"".contains(c));
        if indent <= 3 && run >= fence_len && !rest.is_empty() && !info {
            return Some(at + indent);
        }
        at += line.len();
    }
    None
}

/// The character and length of a fenced code block's opening fence
/// (`None` for a block that is not fenced).
fn opening_fence(raw: &str, tag: &Tag<'_>) -> Option<(char, usize)> {
    let Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(_)) = tag else {
        return None;
    };
    let trimmed = raw.trim_start();
    let fence_char = trimmed.chars().next().unwrap_or('`');
    let fence_len = trimmed.chars().take_while(|&c| c == fence_char).count();
    Some((fence_char, fence_len))
}

/// Returns true when a fenced code block has no closing fence.
fn is_unclosed_fence(raw: &str, tag: &Tag<'_>) -> bool {
    let Some((fence_char, fence_len)) = opening_fence(raw, tag) else {
        return false;
    };
    let mut lines = raw.lines();
    lines.next();
    !lines.any(|l| {
        let l = l.trim();
        l.len() >= fence_len && l.chars().all(|c| c == fence_char)
    })
}
