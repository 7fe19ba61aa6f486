//! Hugo shortcodes inside text blocks.
//!
//! Pure: no I/O. A shortcode that stands alone on its line(s) is carved out of
//! the surrounding text: its translatable parameters become segments of their
//! own and the rest of it is skipped. A shortcode in the middle of a sentence
//! stays in its segment and is recorded as an invariant.

use std::ops::Range;

use super::inline::{self, Item};
use super::{Ctx, DiagnosticKind, Invariants, SegmentKind, SkipKind, Skipped};

/// A shortcode found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortcode {
    /// Byte range of the whole shortcode, `{{<` to `>}}`.
    pub(crate) bytes: Range<usize>,
    /// The shortcode's name; a closing shortcode's starts with `/`.
    pub(crate) name: String,
    /// Parameters in order; positional ones have an empty key.
    pub(crate) params: Vec<Param>,
}

/// One shortcode parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Param {
    pub(crate) key: String,
    pub(crate) value: String,
    /// Byte range of the value inside the input, quotes excluded.
    pub(crate) value_bytes: Range<usize>,
}

impl Shortcode {
    /// Returns the invariant form: the name and every untranslatable
    /// parameter, positional ones in order, then named ones by name (Hugo
    /// reads named parameters in any order, so `a=1 b=2` is `b=2 a=1`);
    /// a reference (`ref`, `relref`) is the page it names.
    pub(crate) fn signature(&self, translatable: &[String]) -> String {
        let mut out = self.name.clone();
        if matches!(self.name.as_str(), "ref" | "relref") {
            // Hugo's `ref` takes its page first or as `path`; `lang` and
            // `outputFormat` only say which rendering of that page (a
            // translation links to the English with `lang="en"` while the
            // page is not translated).
            let path = self
                .params
                .iter()
                .find(|p| p.key.is_empty())
                .or_else(|| self.params.iter().find(|p| p.key == "path"));
            if let Some(p) = path {
                out.push(' ');
                out.push_str(&page_of_reference(&p.value));
            }
            return out;
        }
        let mut params: Vec<&Param> = self
            .params
            .iter()
            .filter(|p| !translatable.contains(&p.key) && !is_text_param(p))
            .collect();
        // Stable: positional parameters (empty key) keep their order.
        params.sort_by(|a, b| a.key.cmp(&b.key));
        for p in params {
            out.push(' ');
            if !p.key.is_empty() {
                out.push_str(&p.key);
                out.push('=');
            }
            out.push_str(&p.value);
        }
        out
    }
}

/// The page a `ref` or `relref` names, as every language names it: without
/// the heading anchor (a translation points at its own translated heading)
/// or the language suffix of the file (`x.fr.md` is the translation of
/// `x.en.md`, and both are `x.md`).
fn page_of_reference(value: &str) -> String {
    let path = value.split('#').next().unwrap_or(value);
    let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
    let parts: Vec<&str> = name.split('.').collect();
    let is_lang = |t: &str| {
        let mut sub = t.split(['-', '_']);
        sub.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())
        }) && sub
            .all(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    let name = match parts[..] {
        [stem, tag, ext] if !stem.is_empty() && is_lang(tag) => format!("{stem}.{ext}"),
        _ => name.to_owned(),
    };
    if dir.is_empty() && !path.starts_with('/') {
        name
    } else {
        format!("{dir}/{name}")
    }
}

/// Whether a parameter, named or positional (`{{% expand "Read more" %}}`),
/// holds text for a reader (see [`is_text`]); parameters named as HTML
/// attributes and settings never do.
pub(crate) fn is_text_param(p: &Param) -> bool {
    const SETTINGS: [&str; 14] = [
        "class", "style", "id", "icon", "color", "type", "src", "href", "link", "url", "image",
        "width", "height", "lang",
    ];
    !SETTINGS.iter().any(|k| p.key.eq_ignore_ascii_case(k)) && is_text(&p.value)
}

/// Whether a named parameter's value is text for a reader (a title, a
/// subtitle, a button's label: `"Get Started"`, `"Fast and light"`,
/// `"**Note**"`), which a translation changes, rather than a setting it
/// keeps (`"info"`, `"/images/a.png"`, `"hx:w-[110%]"`, `"color: red;"`,
/// `"true"`, `"3"`): letters, no syntax of paths, URLs, CSS or markup
/// (`/` and `:` only as words of a sentence use them), and a space, a
/// capital first letter or a letter beyond ASCII.
pub(crate) fn is_text(value: &str) -> bool {
    let v = value.trim();
    if !v.chars().any(char::is_alphabetic)
        || v.contains([
            '(', ')', ';', '{', '}', '[', ']', '<', '>', '=', '\\', '|', '#',
        ])
        || v.contains("://")
        || v.starts_with(['/', '.', '-'])
    {
        return false;
    }
    // One word with a dot inside is a file or a name (`About.md`).
    if !v.contains(char::is_whitespace) && v.trim_end_matches(['.', '!', '?']).contains('.') {
        return false;
    }
    // `:` and `/` only between words (`Note: this`, `HTML / CSS`).
    let bytes = v.as_bytes();
    for (k, &b) in bytes.iter().enumerate() {
        let spaced_after = bytes.get(k + 1).is_none_or(u8::is_ascii_whitespace);
        let spaced_before = k > 0 && bytes[k - 1].is_ascii_whitespace();
        if (b == b':' && !spaced_after) || (b == b'/' && !(spaced_before && spaced_after)) {
            return false;
        }
    }
    // A space between words, one of them all letters (not `fa-solid
    // fa-check`, a list of names).
    let spaced_words = v.contains(char::is_whitespace)
        && v.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| c.is_ascii_punctuation());
            w.chars().count() >= 2 && w.chars().all(char::is_alphabetic)
        });
    spaced_words
        || v.trim_start_matches(['*', '_', '~'])
            .starts_with(char::is_uppercase)
        || v.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Finds the shortcodes in `text[range]`; an unclosed one ends the search and
/// is returned as its start offset.
pub(crate) fn find(text: &str, range: Range<usize>) -> (Vec<Shortcode>, Option<usize>) {
    let mut out = Vec::new();
    let mut pos = range.start;
    let bytes = text.as_bytes();
    // `{` by a one-byte search (memchr), then its neighbour: much cheaper
    // than a substring search set up anew on every call.
    while let Some(rel) = text[pos..range.end].find('{') {
        let start = pos + rel;
        if bytes.get(start + 1) != Some(&b'{') || start + 2 > range.end {
            pos = start + 1;
            continue;
        }
        let Some(&delim) = bytes.get(start + 2) else {
            break;
        };
        if delim != b'<' && delim != b'%' {
            pos = start + 2;
            continue;
        }
        match scan_one(text, start, delim, range.end) {
            Some(sc) => {
                pos = sc.bytes.end;
                out.push(sc);
            }
            None => return (out, Some(start)),
        }
    }
    (out, None)
}

/// Parses the shortcode opening at `start` (`{{<` or `{{%`), up to `limit`.
fn scan_one(text: &str, start: usize, delim: u8, limit: usize) -> Option<Shortcode> {
    let bytes = text.as_bytes();
    // `{{<` closes with `>}}`, `{{%` with `%}}`.
    let closer = if delim == b'<' { b'>' } else { b'%' };
    let close = [closer, b'}', b'}'];
    let mut i = start + 3;
    let mut name = String::new();
    let mut params = Vec::new();
    // Hugo comments `{{</* ... */>}}` hold no parameters.
    if text[i..limit].trim_start().starts_with("/*") {
        let end =
            text[i..limit].find(std::str::from_utf8(&[b'*', b'/', closer, b'}', b'}']).ok()?)?;
        return Some(Shortcode {
            bytes: start..i + end + 5,
            name: "/*".into(),
            params,
        });
    }
    loop {
        while i < limit && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        if bytes[i..].starts_with(&close) {
            return Some(Shortcode {
                bytes: start..i + 3,
                name,
                params,
            });
        }
        // A token: `key=value`, a quoted positional value, or a bare word.
        let token_start = i;
        let (key, value_start) = if bytes[i] == b'"' || bytes[i] == b'`' {
            (String::new(), i)
        } else {
            let mut j = i;
            while j < limit
                && !bytes[j].is_ascii_whitespace()
                && bytes[j] != b'='
                && !bytes[j..].starts_with(&close)
            {
                j += 1;
            }
            if j < limit && bytes[j] == b'=' {
                (text[i..j].to_owned(), j + 1)
            } else {
                let word = text[i..j].to_owned();
                if name.is_empty() {
                    name = word;
                } else {
                    params.push(Param {
                        key: String::new(),
                        value: word,
                        value_bytes: i..j,
                    });
                }
                i = j;
                continue;
            }
        };
        let (value, value_bytes, next) = scan_value(text, value_start, limit, &close)?;
        if name.is_empty() && key.is_empty() && token_start == value_start {
            name = value.clone();
        }
        params.push(Param {
            key,
            value,
            value_bytes,
        });
        i = next;
    }
}

/// Scans a parameter value at `i`: `"quoted"`, `` `raw` `` or bare.
fn scan_value(
    text: &str,
    i: usize,
    limit: usize,
    close: &[u8; 3],
) -> Option<(String, Range<usize>, usize)> {
    let bytes = text.as_bytes();
    match bytes.get(i)? {
        b'"' => {
            let mut j = i + 1;
            let mut value = String::new();
            while j < limit {
                match bytes[j] {
                    b'\\' if j + 1 < limit => {
                        let c = text[j + 1..].chars().next()?;
                        value.push(c);
                        j += 1 + c.len_utf8();
                    }
                    b'"' => return Some((value, i + 1..j, j + 1)),
                    _ => {
                        let c = text[j..].chars().next()?;
                        value.push(c);
                        j += c.len_utf8();
                    }
                }
            }
            None
        }
        b'`' => {
            let end = text[i + 1..limit].find('`')? + i + 1;
            Some((text[i + 1..end].to_owned(), i + 1..end, end + 1))
        }
        _ => {
            let mut j = i;
            while j < limit && !bytes[j].is_ascii_whitespace() && !bytes[j..].starts_with(close) {
                j += 1;
            }
            Some((text[i..j].to_owned(), i..j, j))
        }
    }
}

/// Splits inline content into segments around shortcodes standing on their own line.
pub(super) fn carve(
    cx: &mut Ctx<'_>,
    kind: SegmentKind,
    level: u8,
    range: Range<usize>,
    items: Vec<(usize, Item)>,
) {
    let (shortcodes, unclosed) = find(cx.text, range.clone());
    if let Some(at) = unclosed {
        cx.diagnose(at, DiagnosticKind::UnclosedShortcode);
    }
    let translatable = &cx.config.shortcode_params;
    let mut cursor = range.start;
    let mut inline_codes: Vec<&Shortcode> = Vec::new();
    for sc in &shortcodes {
        if !stands_alone(cx.text, &range, &sc.bytes) {
            inline_codes.push(sc);
            continue;
        }
        text_piece(
            cx,
            kind,
            level,
            cursor..sc.bytes.start,
            &items,
            &shortcodes,
            &inline_codes,
            translatable,
        );
        inline_codes.clear();
        cx.notable.push(Skipped {
            kind: SkipKind::Shortcode,
            bytes: sc.bytes.clone(),
        });
        let signature = sc.signature(translatable);
        // With nothing to translate, the shortcode itself is the segment: a
        // translation lacking it lacks a block (closing tags aside).
        let has_prose = sc
            .params
            .iter()
            .any(|p| !p.value.trim().is_empty() && translatable.contains(&p.key));
        if !has_prose && !sc.name.starts_with('/') {
            cx.push_segment(
                SegmentKind::Shortcode,
                0,
                Some(sc.name.clone()),
                sc.bytes.clone(),
                Invariants {
                    shortcodes: vec![signature.clone()],
                    ..Invariants::default()
                },
            );
        }
        for p in &sc.params {
            if p.value.trim().is_empty() || !translatable.contains(&p.key) {
                continue;
            }
            let mut invariants = Invariants {
                shortcodes: vec![signature.clone()],
                ..Invariants::default()
            };
            let mut found = Vec::new();
            let raw = &cx.text[p.value_bytes.clone()];
            inline::scan_text(&p.value, p.value_bytes.start, raw, &mut found);
            add_items(&mut invariants, found.into_iter().map(|(_, i)| i));
            let key = format!("{}.{}", sc.name, p.key);
            cx.push_segment(
                SegmentKind::ShortcodeParam,
                0,
                Some(key),
                p.value_bytes.clone(),
                invariants,
            );
        }
        cursor = sc.bytes.end;
    }
    text_piece(
        cx,
        kind,
        level,
        cursor..range.end,
        &items,
        &shortcodes,
        &inline_codes,
        translatable,
    );
}

/// Pushes the text between carved shortcodes, trimmed, with its invariants.
#[allow(clippy::too_many_arguments)]
fn text_piece(
    cx: &mut Ctx<'_>,
    kind: SegmentKind,
    level: u8,
    piece: Range<usize>,
    items: &[(usize, Item)],
    shortcodes: &[Shortcode],
    inline_codes: &[&Shortcode],
    translatable: &[String],
) {
    let slice = &cx.text[piece.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead == slice.len() {
        return;
    }
    let mut trimmed = piece.start + lead..piece.end - trail;
    // Goldmark's block attributes (`{.lead}`, `{#intro .note}`) on the
    // paragraph's last line style it: markup, not prose.
    if matches!(
        kind,
        SegmentKind::Paragraph | SegmentKind::ListItem | SegmentKind::Blockquote
    ) {
        let text = &cx.text[trimmed.clone()];
        let last = text.rfind('\n').map_or(0, |i| i + 1);
        if super::is_attribute_list(&text[last..]) {
            let kept = text[..last].trim_end().len();
            if kept == 0 {
                return;
            }
            trimmed = trimmed.start..trimmed.start + kept;
        }
    }
    // Display math (`$$ … $$`, `\[ … \]`, `\begin{align} … \end{align}`,
    // which Hugo passes to KaTeX or MathJax) is kept as it is, as code is.
    let kind =
        if kind == SegmentKind::Paragraph && super::is_display_math(&cx.text[trimmed.clone()]) {
            SegmentKind::Code
        } else {
            kind
        };
    let mut invariants = Invariants::default();
    let inside = |pos: usize| shortcodes.iter().any(|s| s.bytes.contains(&pos));
    add_items(
        &mut invariants,
        items
            .iter()
            .filter(|(pos, _)| trimmed.contains(pos) && !inside(*pos))
            .map(|(_, i)| i.clone()),
    );
    invariants.shortcodes = inline_codes
        .iter()
        .filter(|s| !s.name.starts_with('/'))
        .map(|s| s.signature(translatable))
        .collect();
    cx.push_segment(kind, level, None, trimmed, invariants);
}

pub(super) fn add_items(inv: &mut Invariants, items: impl Iterator<Item = Item>) {
    for item in items {
        match item {
            Item::Url(u) => inv.urls.push(u),
            Item::Code(c) => inv.code.push(c),
            Item::Number(n) => inv.numbers.push(n),
            Item::Date(d) => inv.dates.push(d),
        }
    }
}

/// Returns true when only whitespace stands between the shortcode and the
/// line ends (or the block's ends) on either side.
fn stands_alone(text: &str, block: &Range<usize>, sc: &Range<usize>) -> bool {
    let before_start = text[block.start..sc.start]
        .rfind('\n')
        .map_or(block.start, |i| block.start + i + 1);
    let after_end = text[sc.end..block.end]
        .find('\n')
        .map_or(block.end, |i| sc.end + i);
    text[before_start..sc.start].trim().is_empty() && text[sc.end..after_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Shortcode {
        let (found, unclosed) = find(s, 0..s.len());
        assert_eq!(unclosed, None);
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn figure_with_quoted_params() {
        let s = r#"{{< figure src="/a b.png" caption="Say \"hi\"" >}}"#;
        let sc = one(s);
        assert_eq!(sc.name, "figure");
        assert_eq!(sc.params[1].key, "caption");
        assert_eq!(sc.params[1].value, "Say \"hi\"");
        assert_eq!(&s[sc.params[1].value_bytes.clone()], r#"Say \"hi\""#);
        assert_eq!(sc.signature(&["caption".into()]), "figure src=/a b.png");
    }

    #[test]
    fn positional_raw_percent_and_closing() {
        assert_eq!(one("{{% notice info %}}").params[0].value, "info");
        assert_eq!(one("{{< /notice >}}").name, "/notice");
        assert_eq!(one("{{<figure src=`x.png`>}}").params[0].value, "x.png");
        assert_eq!(one(r#"{{< ref "page.md" >}}"#).name, "ref");
        assert_eq!(one("{{</* figure src=x */>}}").name, "/*");
    }

    #[test]
    fn unclosed_is_reported() {
        let s = "text {{< figure src=\"x\" and more";
        assert_eq!(find(s, 0..s.len()), (vec![], Some(5)));
    }
}
