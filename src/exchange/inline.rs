//! Inline codes: the parts of a segment a translator must keep as they are.
//!
//! Code spans (`` `x` ``), link and image syntax (`[` and `](url)`, the
//! text between stays translatable), autolinks and HTML tags (`<br>`), and
//! Hugo shortcodes inside a sentence (`{{< ref "x" >}}`). A small scanner,
//! not a Markdown parser: it only has to find what a CAT tool must protect,
//! and a check that the same codes come back.

/// A run of a segment: text to translate, or a code to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to translate.
    Text(&'a str),
    /// Markup to keep byte for byte.
    Code(&'a str),
}

/// Cuts Markdown text into text and codes; the pieces joined are the text.
pub fn pieces<'a>(text: &'a str) -> Vec<Piece<'a>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0; // start of the pending text
    let mut i = 0;
    // Positions of `]` that close a link opened earlier, with the end of
    // the destination after them.
    let mut closers: Vec<(usize, usize)> = Vec::new();
    let push_text = |out: &mut Vec<Piece<'a>>, from: usize, to: usize| {
        if to > from {
            out.push(Piece::Text(&text[from..to]));
        }
    };
    while i < bytes.len() {
        if let Some(&(at, end)) = closers.last()
            && at == i
        {
            closers.pop();
            push_text(&mut out, start, i);
            out.push(Piece::Code(&text[i..end]));
            i = end;
            start = i;
            continue;
        }
        let code_end = match bytes[i] {
            b'\\' if i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() => {
                i += 2;
                continue;
            }
            b'`' => code_span(bytes, i),
            b'{' if text[i..].starts_with("{{<") || text[i..].starts_with("{{%") => {
                let close = if bytes[i + 2] == b'<' { ">}}" } else { "%}}" };
                text[i + 3..].find(close).map(|k| i + 3 + k + 3)
            }
            b'<' => tag(bytes, i),
            b'[' | b'!' => match link(text, i) {
                Some((open_end, close_at, dest_end)) => {
                    closers.push((close_at, dest_end));
                    Some(open_end)
                }
                None => None,
            },
            _ => None,
        };
        match code_end {
            Some(end) => {
                push_text(&mut out, start, i);
                out.push(Piece::Code(&text[i..end]));
                i = end;
                start = i;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    push_text(&mut out, start, bytes.len());
    out
}

/// The end of a code span opened by the backticks at `i`.
fn code_span(bytes: &[u8], i: usize) -> Option<usize> {
    let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
    let mut k = i + run;
    while k < bytes.len() {
        if bytes[k] == b'`' {
            let n = bytes[k..].iter().take_while(|&&b| b == b'`').count();
            if n == run {
                return Some(k + n);
            }
            k += n;
        } else {
            k += 1;
        }
    }
    None
}

/// The end of an HTML tag, comment or autolink opened at `i`.
fn tag(bytes: &[u8], i: usize) -> Option<usize> {
    let next = *bytes.get(i + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let end = bytes[i..].iter().position(|&b| b == b'>' || b == b'\n')?;
    (bytes[i + end] == b'>').then_some(i + end + 1)
}

/// A link or image opened at `i` (`[` or `![`): the end of its opening
/// code, the position of its `]` and the end of its destination `(...)`.
fn link(text: &str, i: usize) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let open_end = if bytes[i] == b'!' {
        (bytes.get(i + 1) == Some(&b'[')).then_some(i + 2)?
    } else {
        i + 1
    };
    let mut depth = 0usize;
    let mut k = open_end;
    let close = loop {
        match *bytes.get(k)? {
            b'\\' => k += 1,
            b'`' => {
                if let Some(end) = code_span(bytes, k) {
                    k = end;
                    continue;
                }
            }
            b'[' => depth += 1,
            b']' if depth == 0 => break k,
            b']' => depth -= 1,
            _ => {}
        }
        k += 1;
    };
    match bytes.get(close + 1)? {
        b'(' => {
            let mut depth = 0usize;
            let mut k = close + 2;
            loop {
                match *bytes.get(k)? {
                    b'\\' => k += 1,
                    b'(' => depth += 1,
                    b')' if depth == 0 => return Some((open_end, close, k + 1)),
                    b')' => depth -= 1,
                    b'\n' if bytes.get(k + 1) == Some(&b'\n') => return None,
                    _ => {}
                }
                k += 1;
            }
        }
        b'[' => {
            let end = text[close + 2..].find(']')? + close + 3;
            (!text[close..end].contains('\n')).then_some((open_end, close, end))
        }
        _ => None,
    }
}

/// The codes of a text, in order.
pub fn codes(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Code(c) => Some(c),
            Piece::Text(_) => None,
        })
        .collect()
}

/// A code compared with a language prefix taken off its links (`](/fr/x)`
/// is `](/x)` for a translation in `fr`), as `trame sync` localizes them.
fn comparable(code: &str, lang: &str) -> String {
    let prefix = format!("](/{}/", lang.to_ascii_lowercase());
    let lower = code.to_ascii_lowercase();
    match lower.find(&prefix) {
        Some(k) => format!("{}](/{}", &code[..k], &code[k + prefix.len()..]),
        None => code.to_owned(),
    }
}

/// How a translation broke its inline codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// A code of the English is missing.
    Missing(String),
    /// A code the English does not have.
    Added(String),
    /// An XLIFF inline element trame did not write, or whose content changed.
    Altered(String),
}

/// Checks that `new` keeps the inline codes of one of `references` (the
/// English, the translation as it was): the same codes, in any order, a
/// link's language prefix aside. Otherwise names the first code lost or
/// added (compared with the first reference).
pub fn check_codes(new: &str, references: &[&str], lang: &str) -> Result<(), Broken> {
    let sorted = |t: &str| {
        let mut v: Vec<String> = codes(t).into_iter().map(|c| comparable(c, lang)).collect();
        v.sort();
        v
    };
    let got = sorted(new);
    if references.iter().any(|r| sorted(r) == got) {
        return Ok(());
    }
    let want = references.first().map(|r| sorted(r)).unwrap_or_default();
    let count = |v: &[String], c: &String| v.iter().filter(|x| *x == c).count();
    if let Some(lost) = want.iter().find(|c| count(&got, c) < count(&want, c)) {
        return Err(Broken::Missing(lost.clone()));
    }
    if let Some(added) = got.iter().find(|c| count(&got, c) > count(&want, c)) {
        return Err(Broken::Added(added.clone()));
    }
    Ok(())
}
