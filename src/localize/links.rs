//! Links in translations: in-page anchors that must follow translated
//! headings, and site-relative links that must point into the language's
//! section of the site.
//!
//! Pure: no I/O.

use std::collections::{HashMap, HashSet};

use super::edit::{Edit, segment_matches, segment_value};
use crate::align::Alignment;
use crate::segment::{Document, SegmentKind};

/// Which site-relative links get a language directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRule {
    /// Destinations starting with one of these are localized; the language
    /// directory goes right after the prefix (`/` gives `/fr/x/`).
    pub prefixes: Vec<String>,
    /// Destinations starting with one of these are kept (static files).
    pub keep: Vec<String>,
}

impl Default for LinkRule {
    fn default() -> Self {
        LinkRule {
            prefixes: vec!["/".to_owned()],
            keep: ["/images/", "/css/", "/js/"].map(String::from).to_vec(),
        }
    }
}

/// Returns edits that point in-page links of the target at the translated
/// headings.
///
/// A link `](#anchor)` whose anchor is a source heading's, where that heading
/// is linked by a trusted alignment row to a target heading, is rewritten to
/// the target heading's anchor. Links that already resolve to a target
/// heading are left alone; links that resolve to nothing are left for
/// [`broken_anchors`]. Reference definitions (`[x]: #anchor`) are not
/// segments and are not rewritten.
pub fn localize_anchors(
    target_text: &str,
    target: &Document,
    source: &Document,
    alignment: &Alignment,
) -> Vec<Edit> {
    let mut map: HashMap<&str, &str> = HashMap::new();
    for row in alignment.rows.iter().filter(|r| !r.needs_review()) {
        for (i, j) in row.links() {
            let (Some(s), Some(t)) = (source.segments.get(i), target.segments.get(j)) else {
                continue;
            };
            if s.kind == SegmentKind::Heading
                && t.kind == SegmentKind::Heading
                && let (Some(sa), Some(ta)) = (&s.anchor, &t.anchor)
            {
                map.entry(sa.as_str()).or_insert(ta.as_str());
            }
        }
    }
    let existing = heading_anchors(target);
    let mut edits = Vec::new();
    for (j, seg) in target.segments.iter().enumerate() {
        if !seg.invariants.urls.iter().any(|u| u.starts_with('#'))
            || !segment_matches(target_text, seg)
        {
            continue;
        }
        let value = segment_value(target_text, seg);
        let mut out = String::with_capacity(value.len());
        let mut rest = value.as_str();
        let mut changed = false;
        while let Some(at) = rest.find("](#") {
            let dest_start = at + 3;
            out.push_str(&rest[..dest_start]);
            let after = &rest[dest_start..];
            let len = after.find([')', ' ']).unwrap_or(after.len());
            let anchor = &after[..len];
            let resolves = existing.contains(anchor) || existing.contains(&percent_decode(anchor));
            let mapped = map
                .get(anchor)
                .or_else(|| map.get(percent_decode(anchor).as_str()));
            match mapped {
                Some(new) if !resolves => {
                    out.push_str(new);
                    changed = true;
                }
                _ => out.push_str(anchor),
            }
            rest = &after[len..];
        }
        out.push_str(rest);
        if changed {
            edits.push(Edit {
                segment: j,
                text: out,
            });
        }
    }
    edits
}

/// Returns the in-page links of a document that resolve to no heading of
/// it, as `(segment, anchor)` with the anchor without its `#`.
///
/// A bare `#` (the top of the page) always resolves. Ids set in raw HTML
/// are not seen, since HTML is not segmented.
pub fn broken_anchors(doc: &Document) -> Vec<(usize, String)> {
    let anchors = heading_anchors(doc);
    let mut out = Vec::new();
    for (i, seg) in doc.segments.iter().enumerate() {
        for url in &seg.invariants.urls {
            let Some(anchor) = url.strip_prefix('#') else {
                continue;
            };
            if !anchor.is_empty()
                && !anchors.contains(anchor)
                && !anchors.contains(&percent_decode(anchor))
            {
                out.push((i, anchor.to_owned()));
            }
        }
    }
    out
}

/// Puts site-relative link destinations of `text` under the language's
/// directory: `](/x/)` becomes `](/fr/x/)`.
///
/// Destinations that already start with a language directory (two
/// lowercase letters and a `/`), that match one of `rule.keep`, or that are
/// protocol-relative (`//host`) are kept; so is anything inside a code span.
/// Applying it twice changes nothing more.
pub fn localize_link_prefix(text: &str, lang: &str, rule: &LinkRule) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut pos = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            // Skip a code span: the same run of backticks closes it.
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            let fence = &text[i..i + run];
            i = text[i + run..]
                .find(fence)
                .map_or(i + run, |e| i + run + e + run);
            continue;
        }
        if bytes[i] == b']' && bytes.get(i + 1) == Some(&b'(') {
            let mut dest = i + 2;
            if bytes.get(dest) == Some(&b'<') {
                dest += 1;
            }
            if let Some(at) = insertion_point(&text[dest..], lang, rule) {
                out.push_str(&text[pos..dest + at]);
                out.push_str(lang);
                out.push('/');
                pos = dest + at;
            }
            i = dest;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[pos..]);
    out
}

/// Returns where the language directory goes in a destination, if it needs one.
fn insertion_point(dest: &str, lang: &str, rule: &LinkRule) -> Option<usize> {
    if dest.starts_with("//") || rule.keep.iter().any(|k| dest.starts_with(k.as_str())) {
        return None;
    }
    let prefix = rule
        .prefixes
        .iter()
        .filter(|p| !p.is_empty() && dest.starts_with(p.as_str()))
        .max_by_key(|p| p.len())?;
    let rest = &dest[prefix.len()..];
    let b = rest.as_bytes();
    let has_language = b.len() >= 2
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_lowercase()
        && matches!(
            b.get(2),
            None | Some(b'/' | b')' | b'#' | b'?' | b' ' | b'>')
        );
    if has_language || lang.is_empty() {
        None
    } else {
        Some(prefix.len())
    }
}

/// Returns the anchors of a document's headings.
fn heading_anchors(doc: &Document) -> HashSet<String> {
    doc.segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Heading)
        .filter_map(|s| s.anchor.clone())
        .collect()
}

/// Decodes `%XX` escapes (a link to `#d%C3%A9j%C3%A0` reaches `#déjà`);
/// invalid sequences are kept as written.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'%'));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}
