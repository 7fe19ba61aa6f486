//! Front matter: YAML between `---` lines or TOML between `+++` lines, at the
//! top of the file only.
//!
//! Pure: no I/O. Only string values of the configured keys become segments,
//! at any depth; the delimiters, the keys and every other value are skipped.

use std::ops::Range;

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use super::inline;
use super::shortcode;
use super::{Ctx, DiagnosticKind, Invariants, SegmentKind, SkipKind, Skipped};

/// Segments the front matter starting at `pos`, if any, and returns where the body starts.
pub(super) fn segment(cx: &mut Ctx<'_>, pos: usize) -> usize {
    match locate(cx.text, pos) {
        Located::None => pos,
        Located::Unclosed => {
            cx.diagnose(pos, DiagnosticKind::UnclosedFrontMatter);
            pos
        }
        Located::Closed { toml, inner, end } => {
            cx.notable.push(Skipped {
                kind: SkipKind::FrontMatter,
                bytes: pos..end,
            });
            if toml {
                self::toml(cx, inner);
            } else {
                yaml(cx, inner);
            }
            end
        }
    }
}

/// Where a page's front matter would open: after the byte-order mark and,
/// as Hugo reads pages, after any blank lines and spaces before a `---` or
/// `+++` delimiter line. Without such a line, just after the byte-order mark
/// (so the body keeps its leading blank lines).
pub fn front_matter_start(text: &str) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    let at = bom + lead;
    let opens = |delim: &str| {
        text[at..].strip_prefix(delim).is_some_and(|after| {
            let line = after.split('\n').next().unwrap_or("");
            line.trim().is_empty()
        })
    };
    if lead > 0 && (opens("---") || opens("+++")) {
        at
    } else {
        bom
    }
}

/// Where the front matter starting at `pos` is.
enum Located {
    /// There is none.
    None,
    /// It opens and never closes.
    Unclosed,
    /// Its text (`inner`, delimiters left out) and where the body starts.
    Closed {
        toml: bool,
        inner: Range<usize>,
        end: usize,
    },
}

fn locate(text: &str, pos: usize) -> Located {
    let rest = &text[pos..];
    let delim = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return Located::None;
    };
    let Some(first_end) = line_end(rest, 0) else {
        return Located::None;
    };
    if !rest[3..first_end].trim().is_empty() {
        return Located::None;
    }
    let inner_start = pos + next_line(rest, first_end);
    // Find the closing delimiter line (YAML also allows `...`).
    let mut line_start = inner_start;
    loop {
        if line_start >= text.len() {
            return Located::Unclosed;
        }
        let end = line_end(text, line_start).unwrap_or(text.len());
        let line = text[line_start..end].trim_end();
        if line == delim || (delim == "---" && line == "...") {
            return Located::Closed {
                toml: delim == "+++",
                inner: inner_start..line_start,
                end: next_line(text, end),
            };
        }
        line_start = next_line(text, end);
    }
}

/// Returns the strings of `table.key` in a page's front matter, each with
/// its 1-based line in the page: YAML (`table:` then `  key: [a, b]`, a
/// block list, or `table: {key: a}`) or TOML (`[table]` then
/// `key = ["a"]`, or `table.key = ...`). A single string counts as a list
/// of one; an item that is not a string is given as written. Front matter
/// that cannot be parsed has none (the segmentation diagnoses it).
pub fn front_matter_list(text: &str, table: &str, key: &str) -> Vec<(String, u32)> {
    let pos = front_matter_start(text);
    let Located::Closed { toml, inner, .. } = locate(text, pos) else {
        return Vec::new();
    };
    let src = &text[inner.clone()];
    // The page line of a byte offset in `src`.
    let line_of = |offset: usize| {
        let before = text[..inner.start].matches('\n').count()
            + src[..offset.min(src.len())].matches('\n').count();
        u32::try_from(before + 1).unwrap_or(u32::MAX)
    };
    if !src.contains(table) {
        return Vec::new();
    }
    if toml {
        toml_list(src, table, key)
            .into_iter()
            .map(|(value, offset)| (value, line_of(offset)))
            .collect()
    } else {
        yaml_list(src, table, key)
            .into_iter()
            .map(|(value, offset)| (value, line_of(offset)))
            .collect()
    }
}

/// The items of `table.key` in YAML `src`, with their byte offsets.
fn yaml_list(src: &str, table: &str, key: &str) -> Vec<(String, usize)> {
    let Ok(docs) = MarkedYaml::load_from_str(src) else {
        return Vec::new();
    };
    let Some(value) = docs
        .first()
        .and_then(|d| yaml_get(d, table))
        .and_then(|t| yaml_get(t, key))
    else {
        return Vec::new();
    };
    let items: Vec<&MarkedYaml<'_>> = match &value.data {
        YamlData::Sequence(items) => items.iter().collect(),
        _ => vec![value],
    };
    // saphyr's markers count characters.
    let to_byte = |chars: usize| char_to_byte(src, chars);
    items
        .into_iter()
        .map(|item| {
            let (start, end) = (
                to_byte(item.span.start.index()),
                to_byte(item.span.end.index()),
            );
            let text = match &item.data {
                YamlData::Value(Scalar::String(s)) => s.to_string(),
                _ => src.get(start..end).unwrap_or("").trim().to_owned(),
            };
            (text, start)
        })
        .collect()
}

/// The value of `name` in a YAML mapping.
fn yaml_get<'n, 'i>(node: &'n MarkedYaml<'i>, name: &str) -> Option<&'n MarkedYaml<'i>> {
    match &node.data {
        YamlData::Mapping(map) => map.iter().find_map(|(k, v)| match &k.data {
            YamlData::Value(Scalar::String(s)) if s == name => Some(v),
            _ => None,
        }),
        _ => None,
    }
}

/// The items of `table.key` in TOML `src`, with their byte offsets.
fn toml_list(src: &str, table: &str, key: &str) -> Vec<(String, usize)> {
    use ::toml::de::{DeTable, DeValue};
    // Recoverable: a line TOML refuses elsewhere does not hide the setting.
    let (doc, _) = DeTable::parse_recoverable(src);
    fn get<'i>(t: &DeTable<'i>, name: &str) -> Option<::toml::Spanned<DeValue<'i>>> {
        t.iter()
            .find(|(k, _)| k.get_ref().as_ref() == name)
            .map(|(_, v)| v.clone())
    }
    let Some(value) = get(doc.get_ref(), table).and_then(|t| match t.get_ref() {
        DeValue::Table(t) => get(t, key),
        _ => None,
    }) else {
        return Vec::new();
    };
    let items = match value.get_ref() {
        DeValue::Array(items) => items.iter().cloned().collect(),
        _ => vec![value],
    };
    items
        .into_iter()
        .map(|item| {
            let span = item.span();
            let text = match item.get_ref() {
                DeValue::String(s) => s.to_string(),
                _ => src.get(span.clone()).unwrap_or("").trim().to_owned(),
            };
            (text, span.start)
        })
        .collect()
}

/// Returns the offset of the `\n` ending the line that holds `from`, if any.
fn line_end(text: &str, from: usize) -> Option<usize> {
    text[from..].find('\n').map(|i| from + i)
}

/// Returns the offset just after the newline at `end` (or `end` at end of text).
fn next_line(text: &str, end: usize) -> usize {
    if end < text.len() { end + 1 } else { end }
}

fn yaml(cx: &mut Ctx<'_>, region: Range<usize>) {
    let src = &cx.text[region.clone()];
    let docs = match MarkedYaml::load_from_str(src) {
        Ok(docs) => docs,
        Err(e) => {
            let offset = region.start + char_to_byte(src, e.marker().index());
            let message = e.info().to_owned();
            cx.diagnose(offset, DiagnosticKind::BadFrontMatter { message });
            return;
        }
    };
    // saphyr's markers count characters; map them to bytes once.
    let char_starts: Vec<usize> = src
        .char_indices()
        .map(|(i, _)| i)
        .chain([src.len()])
        .collect();
    let to_byte = |chars: usize| char_starts.get(chars).copied().unwrap_or(src.len());
    let mut found: Vec<(String, Range<usize>)> = Vec::new();
    let mut stack: Vec<(&MarkedYaml<'_>, Option<String>)> =
        docs.iter().map(|d| (d, None)).collect();
    while let Some((node, key)) = stack.pop() {
        match &node.data {
            YamlData::Mapping(map) => {
                for (k, v) in map {
                    let key = match &k.data {
                        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
                        _ => None,
                    };
                    stack.push((v, key));
                }
            }
            YamlData::Sequence(items) => stack.extend(items.iter().map(|i| (i, None))),
            YamlData::Value(Scalar::String(_)) => {
                // Hugo reads front-matter keys whatever their case
                // (`Title:` is `title:`): the configured spelling is kept.
                let Some(key) = key.and_then(|k| configured_key(cx, &k)) else {
                    continue;
                };
                let start = to_byte(node.span.start.index());
                let end = to_byte(node.span.end.index());
                if let Some(r) = value_range(src, start..end) {
                    found.push((key, region.start + r.start..region.start + r.end));
                }
            }
            _ => {}
        }
    }
    for (key, range) in found {
        push_value(cx, key, range);
    }
}

/// The configured front-matter key that `key` is, whatever its case (Hugo
/// lower-cases front-matter keys: `Title` is `title`), in its configured
/// spelling.
fn configured_key(cx: &Ctx<'_>, key: &str) -> Option<String> {
    cx.config
        .front_matter_keys
        .iter()
        .find(|k| k.eq_ignore_ascii_case(key))
        .cloned()
}

/// Narrows a scalar's span to its text: quotes and surrounding whitespace removed.
fn value_range(src: &str, span: Range<usize>) -> Option<Range<usize>> {
    let raw = src.get(span.clone())?;
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let mut r = span.start + lead..span.start + lead + trimmed.len();
    let quoted = trimmed.len() >= 2
        && ((trimmed.starts_with('"') && trimmed.ends_with('"'))
            || (trimmed.starts_with('\'') && trimmed.ends_with('\'')));
    if quoted {
        r = r.start + 1..r.end - 1;
    }
    (!r.is_empty()).then_some(r)
}

fn toml(cx: &mut Ctx<'_>, region: Range<usize>) {
    let mut found = Vec::new();
    let mut line_start = region.start;
    while line_start < region.end {
        let end = line_end(cx.text, line_start)
            .unwrap_or(cx.text.len())
            .min(region.end);
        let line = &cx.text[line_start..end];
        if let Some((key, value)) = toml_string_value(line)
            && let Some(key) = configured_key(cx, key)
            && !value.is_empty()
        {
            found.push((key, line_start + value.start..line_start + value.end));
        }
        line_start = next_line(cx.text, end);
    }
    for (key, range) in found {
        push_value(cx, key, range);
    }
}

/// Parses `key = "value"` or `key = 'value'` on one line; returns the key and
/// the value's range within the line, quotes excluded. Multi-line strings,
/// arrays and tables are not prose values and return `None`.
fn toml_string_value(line: &str) -> Option<(&str, Range<usize>)> {
    let (key_part, rest) = line.split_once('=')?;
    let key = key_part.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let value_start = key_part.len() + 1 + (rest.len() - rest.trim_start().len());
    let value = rest.trim();
    let quote = value.chars().next()?;
    if !(quote == '"' || quote == '\'') || value.starts_with("\"\"\"") || value.starts_with("'''") {
        return None;
    }
    // Find the closing quote, honouring backslash escapes in basic strings.
    let bytes = value.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if quote == '"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == quote as u8 {
            return Some((key, value_start + 1..value_start + i));
        }
        i += 1;
    }
    None
}

fn push_value(cx: &mut Ctx<'_>, key: String, range: Range<usize>) {
    let raw = &cx.text[range.clone()];
    let mut items = Vec::new();
    inline::scan_text(raw, range.start, raw, &mut items);
    let mut invariants = Invariants::default();
    shortcode::add_items(&mut invariants, items.into_iter().map(|(_, i)| i));
    let (shortcodes, _) = shortcode::find(cx.text, range.clone());
    let translatable = cx.config.shortcode_params.clone();
    invariants.shortcodes = shortcodes
        .iter()
        .map(|s| s.signature(&translatable))
        .collect();
    cx.push_segment(SegmentKind::FrontMatter, 0, Some(key), range, invariants);
}

fn char_to_byte(src: &str, chars: usize) -> usize {
    src.char_indices().nth(chars).map_or(src.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_lines() {
        assert_eq!(
            toml_string_value(r#"title = "Hi \"you\"""#),
            Some(("title", 9..19))
        );
        assert_eq!(toml_string_value("title = 'x'"), Some(("title", 9..10)));
        assert_eq!(toml_string_value("tags = [\"a\"]"), None);
        assert_eq!(toml_string_value("[params]"), None);
    }

    #[test]
    fn keys_are_read_whatever_their_case() {
        for text in [
            "---\nTitle: Hello\nDESCRIPTION: \"A page\"\n---\n",
            "+++\nTitle = \"Hello\"\nDESCRIPTION = \"A page\"\n+++\n",
        ] {
            let (doc, _) = crate::segment::parse(text);
            let keys: Vec<Option<&str>> = doc.segments.iter().map(|s| s.key.as_deref()).collect();
            assert_eq!(keys, [Some("title"), Some("description")], "{text}");
        }
    }
}
