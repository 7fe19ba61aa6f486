//! XLIFF 1.2, the version OmegaT, Poedit, Weblate and Translate Toolkit all
//! read: one `<file>` per page, one `<trans-unit>` per unit.
//!
//! Written by hand through one escape function (so the output is stable,
//! byte for byte, across crate versions); read back with quick-xml. Inline
//! codes are `<ph id="N">` elements holding the Markdown they stand for; a
//! code of the translation that is also in the English has the English's
//! id, one of its own (a localized link) an id `tN`.

use std::fmt::Write as _;

use quick_xml::events::Event;

use super::inline::{Broken, Piece, pieces};
use super::{Exchange, ReadError, Returned, Returns, Status, Unit, xml_escape};

/// The XLIFF 1.2 namespace.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Writes an export as XLIFF 1.2.
pub fn write(exchange: &Exchange) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">");
    for page in &exchange.pages {
        let _ = writeln!(
            out,
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">",
            xml_escape(&page.path),
            xml_escape(&exchange.source_lang),
            xml_escape(&exchange.target_lang),
        );
        let _ = writeln!(
            out,
            "    <header>\n      <tool tool-id=\"trame\" tool-name=\"trame\" tool-version=\"{}\"/>\n    </header>\n    <body>",
            xml_escape(&exchange.tool_version)
        );
        for unit in &page.units {
            write_unit(&mut out, &page.path, unit);
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, page: &str, unit: &Unit) {
    let _ = writeln!(
        out,
        "      <trans-unit id=\"{}\" approved=\"{}\" xml:space=\"preserve\">",
        xml_escape(&unit.id),
        if unit.status.is_done() { "yes" } else { "no" }
    );
    let source_codes = codes_of(&unit.source);
    let _ = writeln!(
        out,
        "        <source>{}</source>",
        inline(&unit.source, &source_codes, false)
    );
    let _ = writeln!(
        out,
        "        <target state=\"{}\">{}</target>",
        unit.status.as_xliff(),
        unit.target
            .as_deref()
            .map(|t| inline(t, &source_codes, true))
            .unwrap_or_default()
    );
    out.push_str("        <context-group name=\"trame\" purpose=\"location\">\n");
    let _ = writeln!(
        out,
        "          <context context-type=\"sourcefile\">{}</context>",
        xml_escape(page)
    );
    let _ = writeln!(
        out,
        "          <context context-type=\"linenumber\">{}</context>",
        unit.line
    );
    if let Some(section) = &unit.section {
        let _ = writeln!(
            out,
            "          <context context-type=\"x-section\">{}</context>",
            xml_escape(section)
        );
    }
    let _ = writeln!(
        out,
        "          <context context-type=\"x-kind\">{}</context>",
        xml_escape(&unit.kind)
    );
    for (kind, text) in [
        ("x-previous", &unit.neighbours.0),
        ("x-next", &unit.neighbours.1),
    ] {
        if let Some(text) = text {
            let _ = writeln!(
                out,
                "          <context context-type=\"{kind}\">{}</context>",
                xml_escape(text)
            );
        }
    }
    out.push_str("        </context-group>\n");
    let _ = writeln!(
        out,
        "        <note from=\"trame\">{}</note>",
        xml_escape(&unit.label)
    );
    if let Some(diff) = &unit.diff {
        let _ = writeln!(
            out,
            "        <note from=\"trame\" annotates=\"source\">{}</note>",
            xml_escape(diff)
        );
    }
    if let Some(base) = &unit.base {
        let base_codes = codes_of(base);
        let _ = writeln!(
            out,
            "        <alt-trans origin=\"trame-base\">\n          <source>{}</source>\n          <target>{}</target>\n        </alt-trans>",
            inline(base, &base_codes, false),
            unit.target
                .as_deref()
                .map(|t| inline(t, &base_codes, true))
                .unwrap_or_default()
        );
    }
    out.push_str("      </trans-unit>\n");
}

/// The codes of a text, as they are numbered in it.
fn codes_of(text: &str) -> Vec<&str> {
    super::inline::codes(text)
}

/// A text as XLIFF content: its codes as `<ph>`, numbered as in `numbered`
/// (the English); in a translation (`own`), a code the English does not
/// have (or has fewer times) is `tN`.
fn inline(text: &str, numbered: &[&str], own: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut used = vec![false; numbered.len()];
    let mut extra = 0;
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&xml_escape(t)),
            Piece::Code(c) => {
                let found = numbered
                    .iter()
                    .enumerate()
                    .position(|(k, n)| *n == c && !used[k]);
                let id = match found {
                    Some(k) => {
                        used[k] = true;
                        (k + 1).to_string()
                    }
                    None => {
                        extra += 1;
                        if own {
                            format!("t{extra}")
                        } else {
                            extra.to_string()
                        }
                    }
                };
                let _ = write!(out, "<ph id=\"{id}\">{}</ph>", xml_escape(c));
            }
        }
    }
    out
}

/// Where the reader is inside a trans-unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Other,
    Source,
    Target,
}

/// A trans-unit being read.
#[derive(Debug, Default)]
struct Reading {
    id: String,
    approved: bool,
    source: String,
    source_codes: Vec<(String, String)>,
    target: Option<String>,
    target_codes: Vec<(String, String)>,
    state: Option<String>,
    broken: Option<Broken>,
}

/// Reads an XLIFF 1.2 file back: each unit's id, translation (inline codes
/// put back as Markdown) and state.
pub fn read(text: &str) -> Result<Returns, ReadError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let err =
        |e: &dyn std::fmt::Display, pos: u64| ReadError::Xliff(format!("{e} (at byte {pos})"));
    let mut target_lang: Option<String> = None;
    let mut seen_xliff = false;
    let mut units = Vec::new();
    let mut unit: Option<Reading> = None;
    let mut part = Part::Other;
    // Depth inside an element whose content is skipped (alt-trans, notes).
    let mut skip = 0usize;
    // The `<ph>` being read: its id and content.
    let mut ph: Option<(String, String)> = None;
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| err(&e, pos))?;
        match event {
            Event::Eof => break,
            Event::Start(_) if skip > 0 => skip += 1,
            Event::End(_) if skip > 0 => skip -= 1,
            _ if skip > 0 => {}
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                let attr = |key: &str| attribute(&e, key);
                match name.as_str() {
                    "xliff" => {
                        seen_xliff = true;
                        if attr("version")
                            .as_deref()
                            .is_some_and(|v| !v.starts_with("1."))
                        {
                            return Err(ReadError::Xliff("only XLIFF 1.2 is read".to_owned()));
                        }
                    }
                    "file" if target_lang.is_none() => {
                        target_lang = attr("target-language");
                    }
                    "trans-unit" => {
                        unit = Some(Reading {
                            id: attr("id").unwrap_or_default(),
                            approved: attr("approved").as_deref() == Some("yes"),
                            ..Reading::default()
                        });
                    }
                    "source" if unit.is_some() && part == Part::Other => part = Part::Source,
                    "target" if unit.is_some() && part == Part::Other => {
                        part = Part::Target;
                        if let Some(u) = unit.as_mut() {
                            u.target = Some(String::new());
                            u.state = attr("state");
                        }
                    }
                    "ph" if part != Part::Other && ph.is_none() => {
                        ph = Some((attr("id").unwrap_or_default(), String::new()));
                    }
                    "alt-trans" | "note" | "context-group" | "seg-source" | "header" => skip = 1,
                    other if part == Part::Target => {
                        if let Some(u) = unit.as_mut() {
                            u.broken
                                .get_or_insert(Broken::Altered(format!("<{other}>")));
                        }
                        skip = 1;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "target" if unit.is_some() && part == Part::Other => {
                        if let Some(u) = unit.as_mut() {
                            u.target = None;
                            u.state = attribute(&e, "state");
                        }
                    }
                    "file" if target_lang.is_none() => {
                        target_lang = attribute(&e, "target-language");
                    }
                    other if part == Part::Target => {
                        if let Some(u) = unit.as_mut() {
                            u.broken
                                .get_or_insert(Broken::Altered(format!("<{other}/>")));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "ph" => {
                        if let (Some((id, content)), Some(u)) = (ph.take(), unit.as_mut()) {
                            match part {
                                Part::Source => {
                                    u.source.push_str(&content);
                                    u.source_codes.push((id, content));
                                }
                                Part::Target => {
                                    if let Some(t) = u.target.as_mut() {
                                        t.push_str(&content);
                                    }
                                    u.target_codes.push((id, content));
                                }
                                Part::Other => {}
                            }
                        }
                    }
                    "source" | "target" => part = Part::Other,
                    "trans-unit" => {
                        if let Some(u) = unit.take() {
                            units.push(finish(u));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                push(&mut unit, part, &mut ph, &content);
            }
            Event::CData(t) => {
                let content = t.as_ref().to_owned();
                push(&mut unit, part, &mut ph, &content);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| err(&e, pos))? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r)
                        .ok_or_else(|| {
                            ReadError::Xliff(format!("unknown entity &{}; (at byte {pos})", &*r))
                        })?
                        .to_owned(),
                };
                push(&mut unit, part, &mut ph, &resolved);
            }
            _ => {}
        }
    }
    if !seen_xliff {
        return Err(ReadError::Xliff("no <xliff> element".to_owned()));
    }
    Ok(Returns {
        target_lang: target_lang.ok_or(ReadError::NoLanguage)?,
        units,
    })
}

/// Appends text to the part being read.
fn push(unit: &mut Option<Reading>, part: Part, ph: &mut Option<(String, String)>, text: &str) {
    if let Some((_, content)) = ph.as_mut() {
        content.push_str(text);
        return;
    }
    let Some(u) = unit.as_mut() else { return };
    match part {
        Part::Source => u.source.push_str(text),
        Part::Target => {
            if let Some(t) = u.target.as_mut() {
                t.push_str(text);
            }
        }
        Part::Other => {}
    }
}

/// A unit read: its codes checked against the English's.
fn finish(u: Reading) -> Returned {
    let mut broken = u.broken;
    for (id, content) in &u.target_codes {
        let known = u.source_codes.iter().any(|(i, c)| i == id && c == content);
        let own = id.starts_with('t');
        let same_id = u.source_codes.iter().any(|(i, _)| i == id);
        if !known && (same_id || !own) && broken.is_none() {
            broken = Some(Broken::Altered(content.clone()));
        }
    }
    let status = u.state.as_deref().map(Status::from_xliff);
    Returned {
        id: u.id,
        source: u.source,
        target: u.target.filter(|t| !t.is_empty()),
        done: u.approved || status.is_some_and(Status::is_done),
        broken,
    }
}

/// An attribute's value, unescaped.
fn attribute(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
