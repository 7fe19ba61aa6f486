//! PO files, following the gettext manual's grammar ("The Format of PO
//! Files"): a header entry, then one entry per unit with extracted comments
//! (`#.`, trame's label and word diff), a reference (`#: page:line`), the
//! `fuzzy` flag for a stale unit, the English at its base as the previous
//! msgid (`#| msgid`), the unit id as `msgctxt`, and C-style strings cut
//! after each line feed.
//!
//! No PO crate is used: the ones published either re-render entries in
//! their own way (losing the `#|` lines) or are unmaintained; the grammar a
//! round trip needs is small and tested here and by `msgfmt --check`.

use std::fmt::Write as _;

use super::{Exchange, ReadError, Returned, Returns};

/// Writes an export as a PO file.
pub fn write(exchange: &Exchange) -> String {
    let mut out = String::with_capacity(4096);
    let _ = writeln!(
        out,
        "# Exported by trame {} ({} to {}).",
        one_line(&exchange.tool_version),
        one_line(&exchange.source_lang),
        one_line(&exchange.target_lang)
    );
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let header = [
        "Project-Id-Version: trame export\n".to_owned(),
        "Report-Msgid-Bugs-To: \n".to_owned(),
        "PO-Revision-Date: 1970-01-01 00:00+0000\n".to_owned(),
        "Last-Translator: \n".to_owned(),
        "Language-Team: \n".to_owned(),
        format!("Language: {}\n", one_line(&exchange.target_lang)),
        "MIME-Version: 1.0\n".to_owned(),
        "Content-Type: text/plain; charset=UTF-8\n".to_owned(),
        "Content-Transfer-Encoding: 8bit\n".to_owned(),
        format!("X-Generator: trame {}\n", one_line(&exchange.tool_version)),
        format!("X-Source-Language: {}\n", one_line(&exchange.source_lang)),
    ];
    for line in header {
        let _ = writeln!(out, "\"{}\"", escape(&line));
    }
    for page in &exchange.pages {
        for unit in &page.units {
            out.push('\n');
            let _ = writeln!(out, "#. trame: {}", one_line(&unit.label));
            if let Some(section) = &unit.section {
                let _ = writeln!(out, "#. section: {}", one_line(section));
            }
            if let Some(diff) = &unit.diff {
                let _ = writeln!(out, "#. diff: {}", one_line(diff));
            }
            let _ = writeln!(out, "#: {}:{}", reference(&page.path), unit.line);
            // A translation to revise, or one left in the English: a tool
            // must not count it as done.
            let fuzzy = unit.target.is_some() && !unit.status.is_done();
            if fuzzy {
                out.push_str("#, fuzzy\n");
            }
            if let Some(base) = unit.base.as_deref().filter(|_| fuzzy) {
                string(&mut out, "#| msgid", base);
            }
            string(&mut out, "msgctxt", &unit.id);
            string(&mut out, "msgid", &unit.source);
            string(&mut out, "msgstr", unit.target.as_deref().unwrap_or(""));
        }
    }
    out
}

/// A reference comment's file name: the manual separates references by
/// spaces, so a space in a path is written `_`.
fn reference(path: &str) -> String {
    path.replace(char::is_whitespace, "_")
}

/// A comment's text on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `keyword "string"`, cut after each line feed when there are
/// several lines (the first line then empty, as msgcat writes it).
/// `#| msgid` continuation lines start with `#| ` too.
fn string(out: &mut String, keyword: &str, text: &str) {
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        let _ = writeln!(out, "{keyword} \"{}\"", escape(text));
        return;
    }
    let _ = writeln!(out, "{keyword} \"\"");
    for line in lines {
        let _ = writeln!(out, "{prefix}\"{}\"", escape(line));
    }
}

/// Escapes a string for a PO file (C syntax).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || c == '\u{7f}' => {
                let _ = write!(out, "\\{:03o}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Reads a C string's content (between the quotes): the escapes of the
/// manual, octal and hexadecimal included.
pub fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            return Err("unescaped \" inside a string".to_owned());
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next().ok_or("a string ends with \\")?;
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'v' => out.push('\u{b}'),
            'f' => out.push('\u{c}'),
            '\\' | '"' | '\'' | '?' => out.push(e),
            '0'..='7' => {
                let mut n = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            n = n * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(n).ok_or("a bad octal escape")?);
            }
            'x' => {
                let mut n = 0u32;
                let mut digits = 0;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(16)) {
                    n = n.saturating_mul(16).saturating_add(d);
                    digits += 1;
                    chars.next();
                }
                if digits == 0 {
                    return Err("\\x with no digits".to_owned());
                }
                out.push(char::from_u32(n).ok_or("a bad hexadecimal escape")?);
            }
            other => return Err(format!("unknown escape \\{other}")),
        }
    }
    Ok(out)
}

/// An entry being read.
#[derive(Debug, Default)]
struct Entry {
    fuzzy: bool,
    msgctxt: Option<String>,
    msgid: Option<String>,
    msgstr: Option<String>,
    plural: bool,
}

/// Which string continuation lines add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Ctxt,
    Id,
    Str,
    Ignored,
}

/// Reads a PO file back: each entry with a `msgctxt` is a unit (the header
/// gives the language); fuzzy entries are not done.
pub fn read(text: &str) -> Result<Returns, ReadError> {
    let mut lang: Option<String> = None;
    let mut units = Vec::new();
    let mut entry = Entry::default();
    let mut field = Field::None;
    let mut flush = |entry: Entry, lang: &mut Option<String>| match (entry.msgctxt, entry.msgid) {
        (None, Some(id)) if id.is_empty() => {
            let header = entry.msgstr.unwrap_or_default();
            *lang = header
                .lines()
                .find_map(|l| l.strip_prefix("Language:"))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty());
        }
        (Some(ctxt), Some(id)) if !entry.plural => {
            let target = entry.msgstr.filter(|s| !s.is_empty());
            units.push(Returned {
                id: ctxt,
                source: id,
                done: !entry.fuzzy && target.is_some(),
                target,
                broken: None,
            });
        }
        _ => {}
    };
    for (n, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = raw.trim();
        let bad = |message: String| ReadError::Po {
            line: n + 1,
            message,
        };
        if line.is_empty() {
            continue;
        }
        if let Some(flags) = line.strip_prefix("#,") {
            if entry.msgid.is_some() {
                flush(std::mem::take(&mut entry), &mut lang);
            }
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            field = Field::None;
            continue;
        }
        if line.starts_with('#') {
            if entry.msgid.is_some() && !line.starts_with("#~") {
                flush(std::mem::take(&mut entry), &mut lang);
            }
            field = Field::None;
            continue;
        }
        let (keyword, rest) = match line.find('"') {
            Some(k) => (line[..k].trim(), &line[k..]),
            None => return Err(bad(format!("expected a string: {line}"))),
        };
        let value = rest
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .ok_or_else(|| bad("a string is not closed".to_owned()))?;
        let value = unescape(value).map_err(bad)?;
        match keyword {
            "" => {
                let slot = match field {
                    Field::Ctxt => entry.msgctxt.as_mut(),
                    Field::Id => entry.msgid.as_mut(),
                    Field::Str => entry.msgstr.as_mut(),
                    Field::Ignored => None,
                    Field::None => return Err(bad("a string continues nothing".to_owned())),
                };
                if let Some(s) = slot {
                    s.push_str(&value);
                }
            }
            "msgctxt" => {
                if entry.msgid.is_some() {
                    flush(std::mem::take(&mut entry), &mut lang);
                }
                entry.msgctxt = Some(value);
                field = Field::Ctxt;
            }
            "msgid" => {
                if entry.msgid.is_some() {
                    flush(std::mem::take(&mut entry), &mut lang);
                }
                entry.msgid = Some(value);
                field = Field::Id;
            }
            "msgid_plural" => {
                entry.plural = true;
                field = Field::Ignored;
            }
            "msgstr" => {
                entry.msgstr = Some(value);
                field = Field::Str;
            }
            k if k.starts_with("msgstr[") => field = Field::Ignored,
            other => return Err(bad(format!("unknown keyword {other}"))),
        }
    }
    flush(entry, &mut lang);
    Ok(Returns {
        target_lang: lang.ok_or(ReadError::NoLanguage)?,
        units,
    })
}
