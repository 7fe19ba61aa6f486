//! Invariants found in inline text (numbers, month names) and heading slugs.
//!
//! Pure: no I/O.

/// An invariant found at a byte offset of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    Url(String),
    Code(String),
    Number(String),
    Date(String),
}

/// Month names in the languages trame meets, mapped to their month number.
///
/// English `May` and `March` only count when capitalized, since the lowercase
/// words are common verbs.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

/// Scans a text event for numbers and month names.
///
/// `value` is the event's text and `raw` its source bytes starting at `start`.
/// Offsets are exact when the two are equal (no escapes or entities), else
/// every item gets the event's start offset.
pub(super) fn scan_text(value: &str, start: usize, raw: &str, out: &mut Vec<(usize, Item)>) {
    let exact = value == raw;
    let at = |i: usize| if exact { start + i } else { start };
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let begin = i;
            let end = number_end(bytes, i);
            out.push((at(begin), Item::Number(value[begin..end].to_owned())));
            i = end;
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            // A word: letters only, so month names can be looked up.
            let begin = i;
            let word_end = value[begin..]
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(value.len(), |(j, _)| begin + j);
            if word_end == begin {
                // A non-letter multibyte character: skip it whole.
                let len = value[begin..].chars().next().map_or(1, char::len_utf8);
                i = begin + len;
                continue;
            }
            let word = &value[begin..word_end];
            if let Some(month) = month_of(word) {
                out.push((at(begin), Item::Date(format!("--{month:02}"))));
            }
            i = word_end;
        } else {
            i += 1;
        }
    }
}

/// Returns the end of the number starting at `start` (a digit): digits,
/// with single `.`, `,`, `:`, `/` or `-` between digits (`1.9.0`, `2024-07-05`).
pub fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start + 1;
    while end < bytes.len() {
        if bytes[end].is_ascii_digit() {
            end += 1;
        } else if matches!(bytes[end], b'.' | b',' | b':' | b'/' | b'-')
            && end + 1 < bytes.len()
            && bytes[end + 1].is_ascii_digit()
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

fn month_of(word: &str) -> Option<u8> {
    if word.len() < 3 || word.len() > 10 {
        return None;
    }
    let lower = word.to_lowercase();
    let (_, month) = MONTHS.iter().find(|(name, _)| *name == lower)?;
    if matches!(lower.as_str(), "may" | "march") && !word.starts_with(['M']) {
        return None;
    }
    Some(*month)
}

/// Returns Hugo's default heading anchor for a heading's plain text.
///
/// This is goldmark's `github` id type, Hugo's default: letters and digits are
/// lowercased and kept, `-` and `_` are kept, each space becomes `-`, and
/// everything else is dropped.
///
/// ```
/// assert_eq!(trame::segment::slugify("Aidez-nous à créer la lettre d'information"),
///            "aidez-nous-à-créer-la-lettre-dinformation");
/// ```
pub fn slugify(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    for c in plain.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Vec<Item> {
        let mut out = Vec::new();
        scan_text(s, 0, s, &mut out);
        out.into_iter().map(|(_, i)| i).collect()
    }

    #[test]
    fn numbers_versions_and_dates() {
        assert_eq!(
            scan("Gajim 1.9.0 on 2024-07-05, 7:00 PM, XEP-0227 and 1,000 users."),
            vec![
                Item::Number("1.9.0".into()),
                Item::Number("2024-07-05".into()),
                Item::Number("7:00".into()),
                Item::Number("0227".into()),
                Item::Number("1,000".into()),
            ]
        );
    }

    #[test]
    fn month_names_in_three_languages() {
        assert_eq!(
            scan("September 2024, agosto, août; you may go in march"),
            vec![
                Item::Date("--09".into()),
                Item::Number("2024".into()),
                Item::Date("--08".into()),
                Item::Date("--08".into()),
            ]
        );
    }

    #[test]
    fn slugs_follow_hugo() {
        assert_eq!(
            slugify("Help us to build the newsletter"),
            "help-us-to-build-the-newsletter"
        );
        assert_eq!(
            slugify("XMPP & Google Summer of Code 2024"),
            "xmpp--google-summer-of-code-2024"
        );
        assert_eq!(slugify("  Version `1.0` -- done!  "), "version-10----done");
    }
}
