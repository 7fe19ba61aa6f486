//! Text from content files, made safe and measured for display: the one way
//! both front ends show a page's text, a path or a value on a terminal.
//!
//! Pure: no I/O. Every character that would act on the terminal or hide
//! text is shown as something visible:
//! - C0 controls (except `\n` and `\t` in [`visible`]) become their Unicode
//!   control pictures, U+2400 + code (ESC is `␛`, CR is `␍`); DEL is `␡`;
//! - C1 controls (U+0080-U+009F), the bidirectional embeddings, overrides,
//!   isolates and marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
//!   U+061C), and the invisible format characters (U+00AD soft hyphen,
//!   U+180E, U+200B zero width space, U+2028 and U+2029 line and paragraph
//!   separators, U+2060-U+2064 word joiner and invisible operators,
//!   U+206A-U+206F, U+FEFF byte order mark, U+FFF9-U+FFFB, U+1BCA0-U+1BCA3,
//!   U+1D173-U+1D17A, U+E0001) become an escape `⟨U+202E⟩` (U+27E8, `U+`,
//!   at least four upper-case hex digits, U+27E9).
//!
//! The soft hyphen is escaped too: it is invisible in most terminals but
//! one column wide in others, so a column could not be measured, and a
//! translator needs to know it is there to keep it.
//!
//! Characters that only exist as part of a grapheme stay when they are part
//! of one: a zero width joiner or non-joiner (U+200D, U+200C) after a base
//! character (emoji sequences such as "👩‍💻", Indic conjuncts, Persian),
//! one variation selector (U+FE00-U+FE0F, U+E0100-U+E01EF) after the
//! character it selects, tag characters (U+E0020-U+E007F) in an emoji flag
//! sequence (after U+1F3F4). Outside that place (at the start of a text,
//! after a line break or another control, a second joiner or selector in a
//! row, tags after any other base) they are escaped like the format
//! characters: a lone joiner shows as `⟨U+200D⟩`, and text hidden in runs of
//! selectors or tags shows as escapes.
//!
//! Widths are display columns, grapheme by grapheme (`unicode-segmentation`
//! for the clusters, `unicode-width` for each cluster's width, as ratatui
//! measures its cells): an emoji ZWJ sequence is two columns, a letter and
//! its combining accent one, a cluster holding a control character none.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a character becomes on display, before its place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Shown as it is.
    Keep,
    /// Shown as this symbol (a control picture).
    Picture(char),
    /// Shown as `⟨U+XXXX⟩`.
    Escape,
    /// A zero width joiner or non-joiner: kept after a base character.
    Joiner,
    /// A variation selector: kept right after the character it selects.
    Selector,
    /// A tag character: kept in an emoji flag sequence.
    Tag,
}

fn class(c: char, line_breaks: bool) -> Class {
    match c {
        '\n' | '\t' if line_breaks => Class::Keep,
        '\u{0}'..='\u{1f}' => {
            Class::Picture(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
        }
        '\u{7f}' => Class::Picture('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{ad}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}' => Class::Escape,
        '\u{200c}' | '\u{200d}' => Class::Joiner,
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => Class::Selector,
        '\u{e0020}'..='\u{e007f}' => Class::Tag,
        _ => Class::Keep,
    }
}

/// The base of an emoji flag sequence (WAVING BLACK FLAG), the only
/// character tag characters may follow.
const FLAG_BASE: char = '\u{1f3f4}';

/// Returns `text` with every character that would act on the terminal or
/// hide text shown visibly (see the module documentation); line breaks and
/// tabs are kept. Borrowed when nothing changes.
pub fn visible(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

/// Returns `text` as [`visible`] does, but with line breaks and tabs shown
/// as control pictures too (`␊`, `␉`): for a value printed inside one line
/// (a path, a URL, a language tag, a key), where a line break is part of
/// the value and not whitespace.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

/// Returns prose on one line: each line break and the indentation after it
/// become one space, a tab a space, a CRLF one space; then [`visible`].
pub fn one_line(text: &str) -> String {
    if !text.contains(['\n', '\r', '\t']) {
        return visible(text).into_owned();
    }
    let mut flat = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                while chars.peek().is_some_and(|n| *n == ' ' || *n == '\t') {
                    chars.next();
                }
                flat.push(' ');
            }
            '\t' => flat.push(' '),
            _ => flat.push(c),
        }
    }
    visible(&flat).into_owned()
}

/// Returns `text` with the escapes [`visible`] writes (`⟨U+202E⟩`) turned
/// back into their characters, for text a person edited on screen that goes
/// back to a file: a right-to-left mark or a soft hyphen survives an edit.
/// Only characters [`visible`] escapes are restored (`⟨U+0041⟩` stays as
/// written); control pictures stay, being ordinary characters too.
pub fn restore(text: &str) -> Cow<'_, str> {
    const OPEN: &str = "⟨U+";
    if !text.contains(OPEN) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let escaped = after.find('⟩').and_then(|end| {
            let hex = &after[..end];
            let upper_hex = hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
            if !(4..=6).contains(&hex.len()) || !upper_hex {
                return None;
            }
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
            let escapes = !matches!(class(c, true), Class::Keep | Class::Picture(_));
            escapes.then_some((c, end + '⟩'.len_utf8()))
        });
        match escaped {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn push_escape(out: &mut String, c: char) {
    out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
}

fn shown(text: &str, line_breaks: bool) -> Cow<'_, str> {
    // The hot path: most text has nothing to show differently.
    if text.chars().all(|c| class(c, line_breaks) == Class::Keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    for grapheme in text.graphemes(true) {
        let base = grapheme.chars().next();
        let mut prev: Option<Class> = None;
        for c in grapheme.chars() {
            let k = class(c, line_breaks);
            // A joiner or selector is kept only after a character shown as
            // itself (the base, or a combining mark after it); a second
            // joiner or selector in a row is not.
            let after_kept =
                prev == Some(Class::Keep) || (k == Class::Joiner && prev == Some(Class::Selector));
            match k {
                Class::Keep => out.push(c),
                Class::Joiner | Class::Selector if after_kept => out.push(c),
                Class::Tag if base == Some(FLAG_BASE) && prev.is_some() => out.push(c),
                Class::Picture(p) => {
                    out.push(p);
                    changed = true;
                }
                Class::Escape | Class::Joiner | Class::Selector | Class::Tag => {
                    push_escape(&mut out, c);
                    changed = true;
                }
            }
            // An escaped character is no base for what follows.
            prev = Some(match k {
                Class::Joiner | Class::Selector if !after_kept => Class::Escape,
                other => other,
            });
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The display width of one grapheme cluster: none for a cluster holding a
/// control character (ratatui drops those), else `unicode-width`'s.
fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) {
        0
    } else {
        grapheme.width()
    }
}

/// Returns the display width of `text` in terminal columns, grapheme by
/// grapheme: wide characters count two, an emoji ZWJ sequence two, a
/// letter with combining accents one, control characters none.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// Returns `text` followed by spaces up to `width` columns (unchanged when
/// it is already as wide).
pub fn pad(text: &str, width: usize) -> String {
    let w = self::width(text);
    let mut out = String::with_capacity(text.len() + width.saturating_sub(w));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Returns `text` when it fits in `max` columns, else its longest start
/// that fits with a final `…`, cut between grapheme clusters (never inside
/// an emoji sequence, a letter and its accent, or a wide character). Empty
/// when `max` is 0.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    if max == 0 {
        return out;
    }
    let mut w = 0;
    for g in text.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

/// Returns `text` when it fits in `max` columns, else its start and its
/// end joined by `…`, the end given the larger half (for paths, whose file
/// name says most): cut between grapheme clusters, like [`truncate`].
pub fn truncate_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max <= 1 {
        return truncate(text, max);
    }
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let room = max - 1;
    let head_room = room / 2;
    let tail_room = room - head_room;
    let mut head = String::new();
    let mut w = 0;
    for g in &graphemes {
        let gw = grapheme_width(g);
        if w + gw > head_room {
            break;
        }
        head.push_str(g);
        w += gw;
    }
    let mut tail: Vec<&str> = Vec::new();
    let mut w = 0;
    for g in graphemes.iter().rev() {
        let gw = grapheme_width(g);
        if w + gw > tail_room {
            break;
        }
        tail.push(g);
        w += gw;
    }
    tail.reverse();
    format!("{head}…{}", tail.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_middle_keeps_both_ends_by_display_width() {
        let path = "content/en/posts/2024/a-very-long-page-name.md";
        assert_eq!(truncate_middle(path, 80), path);
        let cut = truncate_middle(path, 24);
        assert_eq!(width(&cut), 24);
        assert_eq!(cut, "content/en/…page-name.md");
        // Wide characters and emoji sequences are never split.
        let wide = "日本語/日本語/日本語.md";
        let cut = truncate_middle(wide, 10);
        assert!(width(&cut) <= 10, "{cut}");
        assert!(cut.starts_with("日本") && cut.ends_with("語.md"), "{cut}");
        let emoji = format!("{}.md", "👩\u{200d}💻".repeat(6));
        let cut = truncate_middle(&emoji, 9);
        assert!(width(&cut) <= 9);
        assert!(cut.contains("👩\u{200d}💻…"), "{cut}");
        assert_eq!(truncate_middle("abc", 1), "…");
        assert_eq!(truncate_middle("abc", 0), "");
    }

    const BIDI: [char; 12] = [
        '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
    ];

    const FORMAT: [char; 13] = [
        '\u{ad}',
        '\u{180e}',
        '\u{200b}',
        '\u{2028}',
        '\u{2029}',
        '\u{2060}',
        '\u{2063}',
        '\u{206a}',
        '\u{feff}',
        '\u{fff9}',
        '\u{1bca0}',
        '\u{1d173}',
        '\u{e0001}',
    ];

    fn escape(c: char) -> String {
        format!("⟨U+{:04X}⟩", c as u32)
    }

    #[test]
    fn c0_controls_become_control_pictures_but_line_breaks_and_tabs_stay() {
        assert_eq!(visible("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(visible("\u{1b}]0;title\u{7}"), "␛]0;title␇");
        assert_eq!(visible("\0\u{8}\r"), "␀␈␍");
        assert_eq!(visible("\u{1f}"), "\u{241f}");
        assert_eq!(visible("a\nb\tc"), "a\nb\tc");
        assert_eq!(visible("a\r\nb"), "a␍\nb");
        assert_eq!(visible_line("a\nb\tc"), "a␊b␉c");
    }

    #[test]
    fn del_becomes_its_picture() {
        assert_eq!(visible("a\u{7f}b"), "a␡b");
    }

    #[test]
    fn c1_controls_are_escaped() {
        for c in ['\u{80}', '\u{85}', '\u{9b}', '\u{9d}', '\u{9f}'] {
            assert_eq!(
                visible(&format!("x{c}y")),
                format!("x{}y", escape(c)),
                "{c:?}"
            );
        }
        assert_eq!(visible("\u{9b}31m"), "⟨U+009B⟩31m");
    }

    #[test]
    fn bidi_controls_and_marks_are_escaped() {
        for c in BIDI {
            let shown = visible(&format!("abc{c}def")).into_owned();
            assert_eq!(shown, format!("abc{}def", escape(c)), "{c:?}");
        }
        assert_eq!(visible("\u{202e}txt.exe"), "⟨U+202E⟩txt.exe");
        assert_eq!(visible("\u{2066}"), "⟨U+2066⟩");
    }

    #[test]
    fn invisible_format_characters_are_escaped() {
        for c in FORMAT {
            let shown = visible(&format!("ab{c}cd")).into_owned();
            assert_eq!(shown, format!("ab{}cd", escape(c)), "{c:?}");
        }
        assert_eq!(visible("Donau\u{ad}dampf"), "Donau⟨U+00AD⟩dampf");
        assert_eq!(visible("\u{feff}# Title"), "⟨U+FEFF⟩# Title");
    }

    #[test]
    fn joiners_and_selectors_stay_inside_a_grapheme() {
        for text in [
            "👩\u{200d}💻",
            "👨\u{200d}👩\u{200d}👧",
            "❤\u{fe0f}",
            "©\u{fe0f} 2024",
            "1\u{fe0f}\u{20e3}",
            "🏳\u{fe0f}\u{200d}🌈",
            "क्\u{200d}ष",
            "می\u{200c}خواهم",
            "葛\u{e0100}",
            // England's flag: a tag sequence after U+1F3F4.
            "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
            "e\u{301}",
        ] {
            assert!(
                matches!(visible(text), Cow::Borrowed(_)),
                "{text:?} -> {:?}",
                visible(text)
            );
        }
    }

    #[test]
    fn a_lone_joiner_selector_or_tag_is_escaped() {
        assert_eq!(visible("\u{200d}x"), "⟨U+200D⟩x");
        assert_eq!(visible("a\n\u{200d}"), "a\n⟨U+200D⟩");
        assert_eq!(visible("\u{fe0f}"), "⟨U+FE0F⟩");
        assert_eq!(visible("\u{200c}"), "⟨U+200C⟩");
        // A joiner after an escaped control is no joiner.
        assert_eq!(visible("\u{202e}\u{200d}"), "⟨U+202E⟩⟨U+200D⟩");
        // Runs: one joiner or selector is kept, the next shown.
        assert_eq!(visible("a\u{200d}\u{200d}b"), "a\u{200d}⟨U+200D⟩b");
        assert_eq!(visible("a\u{fe0f}\u{fe0e}"), "a\u{fe0f}⟨U+FE0E⟩");
        // Tags hide text after any base but the black flag.
        assert_eq!(visible("a\u{e0068}\u{e0069}"), "a⟨U+E0068⟩⟨U+E0069⟩");
    }

    #[test]
    fn clean_text_is_borrowed() {
        for text in ["", "plain", "Résumé 日本 👩\u{200d}💻", "a\nb\tc"] {
            assert!(matches!(visible(text), Cow::Borrowed(_)), "{text:?}");
        }
        assert!(matches!(visible_line("a b"), Cow::Borrowed(_)));
        assert!(matches!(visible("a\u{1b}"), Cow::Owned(_)));
        assert!(matches!(visible_line("a\n"), Cow::Owned(_)));
    }

    #[test]
    fn visible_text_is_shown_again_unchanged() {
        let once = visible("a\u{1b}\u{202e}\u{9b}\u{200d}b\u{7f}").into_owned();
        assert!(matches!(visible(&once), Cow::Borrowed(_)), "{once}");
    }

    #[test]
    fn restore_undoes_the_escapes_and_nothing_else() {
        let original = "a\u{202e}b\u{200f}c\u{ad}d\u{9b}e\u{200d}f \u{1f3f4}\u{e0067}\u{e007f}";
        assert_eq!(restore(&visible(original)), original);
        for kept in [
            "⟨U+0041⟩",
            "⟨U+202e⟩",
            "⟨U+202E",
            "⟨U+12⟩",
            "⟨U+1234567⟩",
            "␛",
            "plain",
        ] {
            assert_eq!(restore(kept), kept);
        }
        assert!(matches!(restore("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_joins_lines_and_shows_controls() {
        assert_eq!(one_line("a\n   b\tc\r\nd"), "a b c d");
        assert_eq!(one_line("x\u{202e}y\n\u{1b}z"), "x⟨U+202E⟩y ␛z");
        assert_eq!(one_line("lone\rcr"), "lone␍cr");
    }

    #[test]
    fn width_counts_columns_by_grapheme() {
        assert_eq!(width("👩\u{200d}💻"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("é"), 1);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("a\u{1b}b"), 2);
        assert_eq!(width("\u{9b}"), 0);
        assert_eq!(width("⟨U+202E⟩"), 8);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn pad_reaches_exactly_the_width() {
        for text in ["", "abc", "é", "e\u{301}", "日本", "👩\u{200d}💻 x"] {
            for w in 0..12 {
                let padded = pad(text, w);
                assert_eq!(width(&padded), w.max(width(text)), "{text:?} {w}");
                assert!(padded.starts_with(text));
            }
        }
    }

    #[test]
    fn truncate_fits_and_never_splits_a_grapheme() {
        let texts = [
            "plain text that is long",
            "日本語のテキスト",
            "👩\u{200d}💻👩\u{200d}💻👩\u{200d}💻",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
            "a日b👩\u{200d}💻c",
        ];
        for text in texts {
            let clusters: Vec<&str> = text.graphemes(true).collect();
            for max in 0..=width(text) + 1 {
                let cut = truncate(text, max);
                assert!(width(&cut) <= max, "{text:?} {max}: {cut:?}");
                let kept = cut.strip_suffix('…').unwrap_or(&cut);
                let kept_clusters: Vec<&str> = kept.graphemes(true).collect();
                assert_eq!(
                    kept_clusters[..],
                    clusters[..kept_clusters.len()],
                    "{text:?} {max}: {cut:?}"
                );
                if width(text) <= max {
                    assert_eq!(cut, text);
                } else if max > 0 {
                    assert!(cut.ends_with('…'));
                    // As long as it can be: one more cluster would not fit.
                    let next = clusters[kept_clusters.len()];
                    assert!(width(kept) + width(next) + 1 > max, "{text:?} {max}");
                }
            }
        }
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("👩\u{200d}💻x", 2), "…");
        assert_eq!(truncate("abc", 0), "");
    }
}
