//! TMX 1.4b: a translation memory of every aligned, up-to-date pair, for
//! OmegaT and other CAT tools. One `<tu>` per pair, its languages from the
//! pages, inline codes as `<ph x="N">`.

use std::fmt::Write as _;

use super::inline::{Piece, pieces};
use super::xml_escape;

/// One aligned pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// `page#fingerprint`, as in an export.
    pub id: String,
    /// The translation's language tag.
    pub lang: String,
    /// The English.
    pub source: String,
    /// Its translation.
    pub target: String,
}

/// A translation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    /// The English's language tag.
    pub source_lang: String,
    /// trame's version, written in the header.
    pub tool_version: String,
    /// The pairs, in page order, languages in order within a page.
    pub pairs: Vec<Pair>,
}

/// Writes a translation memory as TMX 1.4b.
pub fn write(memory: &Memory) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"trame\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"paragraph\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"trame\"/>",
        xml_escape(&memory.tool_version),
        xml_escape(&memory.source_lang)
    );
    out.push_str("  <body>\n");
    for pair in &memory.pairs {
        let _ = writeln!(out, "    <tu tuid=\"{}\">", xml_escape(&pair.id));
        let numbered = super::inline::codes(&pair.source);
        for (lang, text) in [
            (&memory.source_lang, &pair.source),
            (&pair.lang, &pair.target),
        ] {
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml_escape(lang),
                seg(text, &numbered)
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// A text as TMX content: a code the English has keeps the English's
/// number (`x`), so a tool pairs them; the others are numbered after.
fn seg(text: &str, numbered: &[&str]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut used = vec![false; numbered.len()];
    let mut extra = numbered.len();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&xml_escape(t)),
            Piece::Code(c) => {
                let n = match (0..numbered.len()).find(|&k| numbered[k] == c && !used[k]) {
                    Some(k) => {
                        used[k] = true;
                        k + 1
                    }
                    None => {
                        extra += 1;
                        extra
                    }
                };
                let _ = write!(out, "<ph x=\"{n}\">{}</ph>", xml_escape(c));
            }
        }
    }
    out
}
