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

/// Month names in the languages trame meets (en, fr, it, de, es, pt),
/// mapped to their month number.
///
/// A name is a date (`--MM`) only in a date context, next to a number (`5
/// December 2024`, `agosto 2024`, `1° maggio`); alone it is a mention
/// (`~MM`), evidence for alignment but nothing to check: Italian "mai"
/// (never) or "Mai" in German prose is no date. English `May` and `March`
/// also need a capital.
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
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("enero", 1),
    ("febrero", 2),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

/// Whether the month names of language `lang` (a BCP 47 tag) are read as
/// dates: those of [`MONTHS`], and the languages that write a month as a
/// number and a sign (`7月`, `7월`). A date of the English that a
/// translation in another language lacks may be written there with a month
/// name trame cannot read (`6 lipca 2018`): nothing to report.
pub fn reads_month_names(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    ["en", "fr", "it", "de", "es", "pt", "ja", "zh", "ko"]
        .iter()
        .any(|known| primary.eq_ignore_ascii_case(known))
}

/// The ASCII digit or number separator a non-ASCII character stands for:
/// the decimal digits of the scripts written with their own (each block of
/// Unicode's decimal digits runs 0 to 9 from its first code point), the
/// Arabic decimal and thousands separators, full-width digits and
/// separators. `None` for any other character. (This one: whether `c` is
/// such a decimal digit.)
pub(super) fn is_other_script_digit(c: char) -> bool {
    ascii_form(c).is_some_and(|a| a.is_ascii_digit())
}

/// The ASCII digit or number separator a non-ASCII character stands for
/// (see [`is_other_script_digit`]).
fn ascii_form(c: char) -> Option<char> {
    const ZEROS: [u32; 19] = [
        0x0660, // Arabic-Indic
        0x06F0, // Extended Arabic-Indic (Persian, Urdu)
        0x07C0, // NKo
        0x0966, // Devanagari
        0x09E6, // Bengali
        0x0A66, // Gurmukhi
        0x0AE6, // Gujarati
        0x0B66, // Oriya
        0x0BE6, // Tamil
        0x0C66, // Telugu
        0x0CE6, // Kannada
        0x0D66, // Malayalam
        0x0E50, // Thai
        0x0ED0, // Lao
        0x0F20, // Tibetan
        0x1040, // Myanmar
        0x17E0, // Khmer
        0x1810, // Mongolian
        0xFF10, // full width
    ];
    let u = u32::from(c);
    // Every one of them is in these two ranges (CJK text is not).
    if !(0x0660..=0x1819).contains(&u) && !(0xFF0E..=0xFF1A).contains(&u) {
        return None;
    }
    match c {
        '٫' => return Some('.'),
        '٬' => return Some(','),
        '：' => return Some(':'),
        '．' => return Some('.'),
        '／' => return Some('/'),
        _ => {}
    }
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&u))
        .and_then(|&zero| char::from_digit(u - zero, 10))
}

/// Scans a text event for numbers and month names.
///
/// `value` is the event's text and `raw` its source bytes starting at `start`.
/// Offsets are exact when the two are equal (no escapes or entities), else
/// every item gets the event's start offset.
pub(super) fn scan_text(value: &str, start: usize, raw: &str, out: &mut Vec<(usize, Item)>) {
    // Digits of other scripts (Persian `۱۸`, Arabic `١٨`, Devanagari `१८`,
    // Thai, Bengali...) and full-width digits and separators (`１６：９`,
    // `16：9` in Chinese and Japanese text) are the ASCII ones of the
    // English: read as those, each item at the event's start (offsets
    // differ from the source's).
    if !value.is_ascii() && value.chars().any(|c| ascii_form(c).is_some()) {
        let ascii: String = value.chars().map(|c| ascii_form(c).unwrap_or(c)).collect();
        // An empty `raw` is never equal to the text: offsets not exact.
        return scan_text(&ascii, start, "", out);
    }
    let exact = value == raw;
    let at = |i: usize| if exact { start + i } else { start };
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let begin = i;
            // Digits inside a word (`e2e`, `k8s`, `i18n`, `W3C`) are part
            // of a name, which a translation may spell out ("end-to-end",
            // "Kubernetes"): no number to keep.
            let digits_end = number_end(bytes, i);
            if begin > 0
                && bytes[begin - 1].is_ascii_alphabetic()
                && bytes.get(digits_end).is_some_and(u8::is_ascii_alphabetic)
            {
                i = digits_end;
                continue;
            }
            let end = thousands_end(value, begin, digits_end);
            // `12月` (Japanese, Chinese), `12월` (Korean), also written with
            // a space (`11 月`, as some Chinese style guides space digits
            // from ideographs): the month is a number and a sign, a month
            // as `December` is, no number.
            if value[end..]
                .trim_start_matches(' ')
                .starts_with(['月', '월'])
                && let Ok(month) = value[begin..end].parse::<u8>()
                && (1..=12).contains(&month)
            {
                out.push((at(begin), Item::Date(format!("--{month:02}"))));
                i = end;
                continue;
            }
            let (numbers, end) = number_values(value, begin, end);
            for n in numbers {
                out.push((at(begin), Item::Number(n)));
            }
            i = end;
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            // A word: letters only, so month names can be looked up.
            let begin = i;
            // The first character that is no letter (ASCII decided without
            // decoding).
            let mut word_end = begin;
            while let Some(&b) = bytes.get(word_end) {
                if b.is_ascii_alphabetic() {
                    word_end += 1;
                } else if !b.is_ascii()
                    && let Some(c) = value[word_end..].chars().next()
                    && super::is_letter(c)
                {
                    word_end += c.len_utf8();
                } else {
                    break;
                }
            }
            if word_end == begin {
                // A non-letter multibyte character: skip it whole.
                let len = value[begin..].chars().next().map_or(1, char::len_utf8);
                i = begin + len;
                continue;
            }
            if is_url_start(&value[begin..]) {
                // A URL written as text (a broken link, a bare address): its
                // digits are no numbers of the prose.
                i = value[begin..]
                    .find(char::is_whitespace)
                    .map_or(value.len(), |k| begin + k);
                continue;
            }
            let word = &value[begin..word_end];
            if let Some((month, abbreviated)) = month_of(word) {
                // `--MM` for a date; `~MM` for a month named alone, which
                // still helps alignment but is no date to check. A short
                // form (`Jul 6 2018`, `6 juil. 2018`) counts only in a
                // date, where it cannot be a word.
                let mark = match (beside_a_number(value, begin, word_end), abbreviated) {
                    (true, _) => Some("--"),
                    (false, false) => Some("~"),
                    (false, true) => None,
                };
                if let Some(mark) = mark {
                    out.push((at(begin), Item::Date(format!("{mark}{month:02}"))));
                }
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

/// Extends the number `value[begin..end]` over groups of three digits set
/// apart by a space, as French, German and others write thousands (`1 000`,
/// `12 500 000`, with a no-break or narrow no-break space too).
fn thousands_end(value: &str, begin: usize, mut end: usize) -> usize {
    let first = &value[begin..end];
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return end;
    }
    loop {
        let rest = &value[end..];
        let Some(sep) = [' ', '\u{a0}', '\u{202f}']
            .into_iter()
            .find(|c| rest.starts_with(*c))
        else {
            return end;
        };
        let group = &rest[sep.len_utf8()..];
        let three = group.len() >= 3 && group.as_bytes()[..3].iter().all(u8::is_ascii_digit);
        // Three ASCII digits end on a character boundary.
        if !three || group[3..].starts_with(|c: char| c.is_ascii_digit()) {
            return end;
        }
        end += sep.len_utf8() + 3;
    }
}

/// Whether `s` starts with a URL (`https://`, `http://`, `www.`).
fn is_url_start(s: &str) -> bool {
    if !matches!(
        s.as_bytes().first(),
        Some(b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
    ) {
        return false;
    }
    let lower = |p: &str| {
        s.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    };
    lower("https://") || lower("http://") || lower("ftp://") || lower("www.")
}

/// The values of the number `value[begin..end]` as a translation must keep
/// them, whatever the language writes around it, and where the number ends:
///
/// - a time is written in 24-hour form without a leading zero: `7:00 PM`,
///   `7 pm`, `19h00`, `19 Uhr` and `19時` are all `19:00`;
/// - a range of increasing integers is its two ends (`18-19` is `18` and
///   `19`, as in "les 18 et 19");
/// - a year abbreviated with an apostrophe is the full year (`'90` is
///   `1990`, as in "the 1990s").
fn number_values(value: &str, begin: usize, end: usize) -> (Vec<String>, usize) {
    let n = &value[begin..end];
    let rest = &value[end..];
    // `H`, `H:MM` or `H.MM` (1 or 2 digits for the hour).
    let (hour, minutes) = match n.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => (h, Some(m)),
        Some(_) => ("", None),
        None => (n, None),
    };
    let hour_value = (hour.len() <= 2)
        .then(|| hour.parse::<u32>().ok())
        .flatten()
        .filter(|_| minutes.is_none_or(|m| m < "60"));
    if let Some(h) = hour_value {
        let written_minutes = minutes.is_some();
        let minutes = minutes.unwrap_or("00");
        // 12-hour clock: `7:00 PM`, `6pm`, `7 p.m.`.
        let after = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if (1..=12).contains(&h) {
            for (mark, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
                if let Some(head) = after.get(..mark.len())
                    && head.eq_ignore_ascii_case(mark)
                    && !after[mark.len()..].starts_with(char::is_alphanumeric)
                {
                    let h24 = match (h, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                    let used = value.len() - after.len() + mark.len();
                    return (vec![format!("{h24}:{minutes}")], used);
                }
            }
        }
        if h <= 24 {
            // `19h00`, `9h30`, `19h` (French), with no minutes before.
            if !n.contains([':', '.'])
                && let Some(after_h) = rest.strip_prefix('h')
            {
                let mm = after_h
                    .get(..2)
                    .filter(|m| m.bytes().all(|b| b.is_ascii_digit()) && *m < "60");
                match mm {
                    Some(mm) if !after_h[2..].starts_with(|c: char| c.is_alphanumeric()) => {
                        return (vec![format!("{h}:{mm}")], end + 3);
                    }
                    None if !after_h.starts_with(|c: char| c.is_alphanumeric()) => {
                        return (vec![format!("{h}:00")], end + 1);
                    }
                    _ => {}
                }
            }
            // `19 Uhr`, `19.30 Uhr`, `19時`.
            let uhr = after
                .strip_prefix("Uhr")
                .filter(|r| !r.starts_with(char::is_alphanumeric));
            if uhr.is_some() || rest.starts_with('時') {
                return (vec![format!("{h}:{minutes}")], end);
            }
            if written_minutes && n.contains(':') {
                return (vec![format!("{h}:{minutes}")], end);
            }
        }
    }
    // `18-19`: a range of increasing integers.
    if let Some((a, b)) = n.split_once('-')
        && let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>())
        && x < y
        && a.len() <= 4
        && b.len() <= 4
    {
        return (vec![a.to_owned(), b.to_owned()], end);
    }
    // `'90`: an abbreviated year, after an apostrophe that follows no letter.
    if n.len() == 2
        && n.bytes().all(|b| b.is_ascii_digit())
        && let Some(before) = value[..begin].strip_suffix(['\'', '’', '‘'])
        && !before.ends_with(char::is_alphanumeric)
        && !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        let century = if n < "30" { "20" } else { "19" };
        return (vec![format!("{century}{n}")], end);
    }
    (vec![n.to_owned()], end)
}

/// Whether a number stands next to `value[begin..end]`, across spaces and
/// the punctuation of dates (`5. Dezember`, `December 5,`, `1° maggio`).
/// One small word may stand between (`3 de mayo`, `março de 2025`,
/// `5th of May`).
fn beside_a_number(value: &str, begin: usize, end: usize) -> bool {
    const BETWEEN: [&str; 9] = ["de", "del", "di", "da", "do", "of", "th", "st", "nd"];
    let joiner = |c: char| c.is_whitespace() || matches!(c, '.' | ',' | '°' | 'º' | '-' | '/');
    let digit_after = |s: &str| {
        let s = s.trim_start_matches(joiner);
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let word_len = s.find(|c: char| !super::is_letter(c)).unwrap_or(s.len());
        BETWEEN.contains(&s[..word_len].to_lowercase().as_str())
            && s[word_len..]
                .trim_start_matches(joiner)
                .starts_with(|c: char| c.is_ascii_digit())
    };
    let digit_before = |s: &str| {
        let s = s.trim_end_matches(joiner);
        if s.ends_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let word_start = s
            .char_indices()
            .rev()
            .find(|(_, c)| !super::is_letter(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        BETWEEN.contains(&s[word_start..].to_lowercase().as_str())
            && s[..word_start]
                .trim_end_matches(joiner)
                .ends_with(|c: char| c.is_ascii_digit())
    };
    digit_after(&value[end..]) || digit_before(&value[..begin])
}

/// Abbreviated month names (English, French, Italian, German, Spanish),
/// lower-cased, read as dates only beside a number (see [`month_of`]).
const ABBREVIATED: &[(&str, u8)] = &[
    ("jan", 1),
    ("janv", 1),
    ("ene", 1),
    ("gen", 1),
    ("feb", 2),
    ("févr", 2),
    ("fevr", 2),
    ("mar", 3),
    ("mär", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("mag", 5),
    ("jun", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("ago", 8),
    ("sep", 9),
    ("sept", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("ott", 10),
    ("nov", 11),
    ("dec", 12),
    ("déc", 12),
    ("dez", 12),
    ("dic", 12),
];

/// The short forms that are words of some language too (`mar`, Spanish and
/// Italian "sea"; `set`; `ago`; `gen`; `mag`; `sept`, French "seven"):
/// months only written with a capital (`Mar`, not `mar` or `MAR`).
const CAPITALIZED_ONLY: &[&str] = &["gen", "mar", "mag", "ago", "sept", "set"];

/// The month a word names, and whether it is an abbreviation: full names
/// of [`MONTHS`] (English `May` and `March` with a capital), short forms of
/// [`ABBREVIATED`].
fn month_of(word: &str) -> Option<(u8, bool)> {
    if word.len() < 3 || word.len() > 10 {
        return None;
    }
    static BY_NAME: std::sync::LazyLock<std::collections::HashMap<&'static str, (u8, bool)>> =
        std::sync::LazyLock::new(|| {
            let short = ABBREVIATED.iter().map(|&(name, m)| (name, (m, true)));
            let full = MONTHS.iter().rev().map(|&(name, m)| (name, (m, false)));
            short.chain(full).collect()
        });
    if !word.starts_with(super::is_letter) {
        return None;
    }
    // Most words are ASCII: lower-cased on the stack, and most are turned
    // away by their first letter before any lookup.
    let mut buf = [0u8; 10];
    let (lower, found): (std::borrow::Cow<'_, str>, _) = if word.is_ascii() {
        // The names of the table by their first letter: a word is compared
        // with the few of its length, without hashing it.
        type Buckets = Vec<Vec<(&'static str, (u8, bool))>>;
        static BY_FIRST: std::sync::LazyLock<Buckets> = std::sync::LazyLock::new(|| {
            let mut by_first = vec![Vec::new(); 128];
            for (&name, &found) in BY_NAME.iter() {
                if let Some(&b) = name.as_bytes().first().filter(|b| b.is_ascii()) {
                    by_first[usize::from(b)].push((name, found));
                }
            }
            by_first
        });
        let bucket = &BY_FIRST[usize::from(word.as_bytes()[0].to_ascii_lowercase())];
        let &(_, found) = bucket
            .iter()
            .find(|(name, _)| name.len() == word.len() && name.eq_ignore_ascii_case(word))?;
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
        (std::borrow::Cow::Borrowed(lower), found)
    } else {
        let lower = word.to_lowercase();
        let found = *BY_NAME.get(lower.as_str())?;
        (std::borrow::Cow::Owned(lower), found)
    };
    if matches!(lower.as_ref(), "may" | "march") && !word.starts_with(['M']) {
        return None;
    }
    // Capitalized: an upper-case first letter, the rest as in the table.
    let capitalized =
        word.starts_with(|c: char| c.is_uppercase()) && word.get(1..) == lower.get(1..);
    if CAPITALIZED_ONLY.contains(&lower.as_ref()) && !capitalized {
        return None;
    }
    Some(found)
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

    /// Every month of every language whose month names are read, written
    /// out by hand per language (not from the table): a month missing from
    /// the table made a Portuguese "novembro de 2023" a missing date.
    #[test]
    fn every_month_of_every_language_read() {
        let languages: [(&str, [&str; 12]); 6] = [
            (
                "en",
                [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ],
            ),
            (
                "fr",
                [
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ],
            ),
            (
                "it",
                [
                    "gennaio",
                    "febbraio",
                    "marzo",
                    "aprile",
                    "maggio",
                    "giugno",
                    "luglio",
                    "agosto",
                    "settembre",
                    "ottobre",
                    "novembre",
                    "dicembre",
                ],
            ),
            (
                "de",
                [
                    "Januar",
                    "Februar",
                    "März",
                    "April",
                    "Mai",
                    "Juni",
                    "Juli",
                    "August",
                    "September",
                    "Oktober",
                    "November",
                    "Dezember",
                ],
            ),
            (
                "es",
                [
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                ],
            ),
            (
                "pt",
                [
                    "janeiro",
                    "fevereiro",
                    "março",
                    "abril",
                    "maio",
                    "junho",
                    "julho",
                    "agosto",
                    "setembro",
                    "outubro",
                    "novembro",
                    "dezembro",
                ],
            ),
        ];
        for (lang, names) in languages {
            assert!(crate::segment::reads_month_names(lang), "{lang}");
            for (k, name) in names.iter().enumerate() {
                let month = u8::try_from(k + 1).unwrap();
                assert_eq!(
                    scan(&format!("{name} 2023")),
                    vec![
                        Item::Date(format!("--{month:02}")),
                        Item::Number("2023".into())
                    ],
                    "{lang} {name}"
                );
            }
        }
    }

    #[test]
    fn numbers_versions_and_dates() {
        assert_eq!(
            scan("Gajim 1.9.0 on 2024-07-05, 7:00 PM, XEP-0227 and 1,000 users."),
            vec![
                Item::Number("1.9.0".into()),
                Item::Number("2024-07-05".into()),
                Item::Number("19:00".into()),
                Item::Number("0227".into()),
                Item::Number("1,000".into()),
            ]
        );
    }

    /// One time, written as each language writes it, is one value; a range
    /// is its two ends; an abbreviated year is the year; a URL written as
    /// text gives no number.
    #[test]
    fn times_ranges_and_years_are_read_as_values() {
        let numbers = |text: &str| -> Vec<String> {
            scan(text)
                .into_iter()
                .filter_map(|i| match i {
                    Item::Number(n) => Some(n),
                    _ => None,
                })
                .collect()
        };
        for text in [
            "at 7:00 PM",
            "at 7 pm",
            "at 7:00\u{a0}p.m.",
            "à 19h00",
            "à 19h",
            "alle 19:00",
            "um 19 Uhr",
            "19時から",
        ] {
            assert_eq!(numbers(text), ["19:00"], "{text}");
        }
        assert_eq!(
            numbers("at 12 am, 12:30 PM, 9h30, 07:05"),
            ["0:00", "12:30", "9:30", "7:05"]
        );
        // No time: a decimal, a version, a word after the number.
        assert_eq!(
            numbers("3.50 euros, 1.9.0, 5 amis, 4 hommes"),
            ["3.50", "1.9.0", "5", "4"]
        );
        assert_eq!(
            numbers("November 18-19th, 2020-2024"),
            ["18", "19", "2020", "2024"]
        );
        assert_eq!(numbers("2024-07-05 and 2024-07"), ["2024-07-05", "2024-07"]);
        // Digits inside a name are no number; a version, a year after a
        // hyphen, a number after a word are.
        assert!(numbers("e2e tests on k8s, i18n and l10n, a W3C note").is_empty());
        assert_eq!(
            numbers("Trainer v1, COVID-19, Python 3, arm64"),
            ["1", "19", "3", "64"]
        );
        assert_eq!(
            numbers("1 000 membres, 12\u{a0}500\u{202f}000 messages, 3 1234, in 2023 100 people"),
            [
                "1 000",
                "12\u{a0}500\u{202f}000",
                "3",
                "1234",
                "2023",
                "100"
            ]
        );
        assert_eq!(
            numbers("anni '90, the ’20s, l'8 maggio"),
            ["1990", "2020", "8"]
        );
        assert_eq!(
            numbers("see (https://xmpp.org/2023/02/gsoc-2023/) or www.example.org/1/2 for 3"),
            ["3"]
        );
    }

    #[test]
    fn month_names_in_three_languages() {
        assert_eq!(
            scan("September 2024, agosto 2024, 5 août, juillet; you may go in march"),
            vec![
                Item::Date("--09".into()),
                Item::Number("2024".into()),
                Item::Date("--08".into()),
                Item::Number("2024".into()),
                Item::Number("5".into()),
                Item::Date("--08".into()),
                Item::Date("~07".into()),
            ]
        );
    }

    /// Only in a date context: "mai" (Italian: never), "Mai" in German
    /// prose, a month named alone are no dates; German, Spanish, Portuguese,
    /// Japanese and Chinese dates are.
    #[test]
    fn months_count_only_beside_a_number() {
        let dates = |text: &str| -> Vec<Item> {
            scan(text)
                .into_iter()
                .filter(|i| matches!(i, Item::Date(d) if d.starts_with("--")))
                .collect()
        };
        assert!(dates("Non è mai troppo tardi.").is_empty());
        assert!(dates("Im Mai blühen die Bäume.").is_empty());
        assert!(dates("See you in August!").is_empty());
        assert_eq!(dates("am 5. Dezember 2024"), [Item::Date("--12".into())]);
        assert_eq!(dates("el 3 de mayo"), [Item::Date("--05".into())]);
        assert_eq!(dates("em março de 2025"), [Item::Date("--03".into())]);
        assert_eq!(dates("2022年12月6日"), [Item::Date("--12".into())]);
        assert_eq!(dates("1° maggio"), [Item::Date("--05".into())]);
        // The number before `月` is the month, no number of its own.
        assert_eq!(
            scan("2018年7月6日, 2018년 7월 6일"),
            [
                Item::Number("2018".into()),
                Item::Date("--07".into()),
                Item::Number("6".into()),
                Item::Number("2018".into()),
                Item::Date("--07".into()),
                Item::Number("6".into()),
            ]
        );
        assert_eq!(
            scan("2015 年 11 月 18 日"),
            [
                Item::Number("2015".into()),
                Item::Date("--11".into()),
                Item::Number("18".into()),
            ]
        );
        // Full-width digits and separators are the ASCII ones, and so are
        // the digits of other scripts (Persian, Arabic, Devanagari) and the
        // Arabic decimal separator.
        assert_eq!(
            scan("16：9 の比率, ２０２４年"),
            [Item::Number("16:9".into()), Item::Number("2024".into())]
        );
        assert_eq!(
            scan("در ۱۸ نوامبر ۲۰۱۵، ١٥ و ٣٫٥ و २१"),
            [
                Item::Number("18".into()),
                Item::Number("2015".into()),
                Item::Number("15".into()),
                Item::Number("3.5".into()),
                Item::Number("21".into()),
            ]
        );
        // Abbreviated months, in a date only; the ones that are words too
        // need a capital.
        for (text, month) in [
            ("Jul 6 2018", "--07"),
            ("Dec. 30, 2018", "--12"),
            ("le 6 juil. 2018", "--07"),
            ("6 déc. 2018", "--12"),
            ("Mar 3 2018", "--03"),
            ("il 3 dic 2018", "--12"),
        ] {
            assert_eq!(dates(text), [Item::Date(month.into())], "{text}");
        }
        for text in [
            "a mar 3 metri",
            "set 3 replicas",
            "2 anni ago",
            "sept 3 fois",
            "see Jul",
        ] {
            assert!(dates(text).is_empty(), "{text}");
        }
        // Characters of any width around a month never split a character.
        assert!(dates("€de mayo, ¿de junio?").is_empty());
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
