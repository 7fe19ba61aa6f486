//! `trame status --format html`: one self-contained page (no server, no
//! network, no external script or font; it works from `file://`).
//!
//! Built as a string, with no I/O: the command reads the pages and writes
//! the file. A table of totals per language (sortable by a small inline
//! script; it reads fine without), then per language every translation with
//! a coverage bar, its counts, and (inside `<details>`, so it opens without
//! script) its heading sections and stale segments, the English word diff
//! marked with `<del>` and `<ins>`; then the pages with no translation in
//! that language and the `trame write` command that starts one. Every
//! string from the content goes through [`esc`]: a `<script>` in a page is
//! text on this one. Labels are localized in the interface language.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::output::lines;
use crate::cli::scan::Scanned;
use crate::i18n::{Arg, Localizer};
use crate::report::Counts;
use crate::stale::{Op, State};
use crate::text;
use crate::workspace::web::WebLinks;

/// Message ids used by this module.
pub(crate) const IDS: &[&str] = &[
    HTML_TITLE,
    HTML_TOTALS,
    HTML_LANGUAGE,
    HTML_PAGES,
    HTML_SEGMENTS,
    HTML_WORDS,
    HTML_WITHOUT,
    HTML_SECTION,
    HTML_COVERAGE,
    HTML_LANG_HEADING,
    HTML_STALE_COUNT,
    HTML_ENGLISH,
    HTML_TRANSLATION,
    HTML_NOT_TRANSLATED,
    HTML_LEGEND,
    HTML_SORT,
    HTML_NOTHING,
    HTML_FOOTER,
    crate::cli::status::STATUS_CELL,
    crate::cli::status::STATUS_SECTION_TOP,
    STATE_STALE,
    STATE_MISSING,
    STATE_UNTRANSLATED,
];
const HTML_TITLE: &str = "html-title";
const HTML_TOTALS: &str = "html-totals";
const HTML_LANGUAGE: &str = "html-language";
const HTML_PAGES: &str = "html-pages";
const HTML_SEGMENTS: &str = "html-segments";
const HTML_WORDS: &str = "html-words";
const HTML_WITHOUT: &str = "html-without";
const HTML_SECTION: &str = "html-section";
const HTML_COVERAGE: &str = "html-coverage";
const HTML_LANG_HEADING: &str = "html-lang-heading";
const HTML_STALE_COUNT: &str = "html-stale-count";
const HTML_ENGLISH: &str = "html-english";
const HTML_TRANSLATION: &str = "html-translation";
const HTML_NOT_TRANSLATED: &str = "html-not-translated";
const HTML_LEGEND: &str = "html-legend";
const HTML_SORT: &str = "html-sort";
const HTML_NOTHING: &str = "html-nothing";
const HTML_FOOTER: &str = "html-footer";
const STATE_STALE: &str = "html-stale";
const STATE_MISSING: &str = "html-missing";
const STATE_UNTRANSLATED: &str = "html-untranslated";

/// English pages with no translation in one language.
pub(crate) struct Untranslated {
    /// The language tag.
    pub(crate) lang: String,
    /// The English pages, in path order.
    pub(crate) sources: Vec<PathBuf>,
}

/// Escapes text for HTML content and attribute values (quoted with `"`),
/// characters that would hide or reorder text shown visibly first.
pub(crate) fn esc(s: &str) -> String {
    let shown = text::visible(s);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A shell word: as it is when it holds only safe characters, else quoted.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./,:+@%=".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

fn sum(into: &mut Counts, c: &Counts) {
    for (a, b) in into.by_state.iter_mut().zip(c.by_state) {
        *a += b;
    }
    into.words_to_translate += c.words_to_translate;
}

/// Per-language totals of the page's first table.
#[derive(Default)]
struct Totals {
    pages: usize,
    counts: Counts,
    without: usize,
}

/// Builds the page. `links` points files at their lines on the forge.
pub(crate) fn page(
    scanned: &[Scanned],
    untranslated: &[Untranslated],
    links: Option<&WebLinks>,
    l10n: &Localizer,
) -> String {
    let mut totals: BTreeMap<&str, Totals> = BTreeMap::new();
    for s in scanned {
        let t = totals.entry(s.doc.lang.as_str()).or_default();
        t.pages += 1;
        sum(&mut t.counts, &s.report.total);
    }
    for u in untranslated {
        totals.entry(u.lang.as_str()).or_default().without += u.sources.len();
    }
    let tr = |id: &str| esc(&l10n.tr(id));
    let mut h = String::with_capacity(64 * 1024 + scanned.len() * 4096);
    let lang = esc(&l10n.language());
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n",
        title = tr(HTML_TITLE)
    );
    // The totals.
    let _ = write!(
        h,
        "<h2 id=\"totals-title\">{}</h2>\n<div class=\"scroll\">\
         <table id=\"totals\" class=\"sortable\" aria-labelledby=\"totals-title\">\n<thead><tr>",
        tr(HTML_TOTALS)
    );
    for id in [
        HTML_LANGUAGE,
        HTML_PAGES,
        HTML_SEGMENTS,
        STATE_STALE,
        STATE_MISSING,
        STATE_UNTRANSLATED,
        HTML_WORDS,
        HTML_WITHOUT,
    ] {
        let _ = write!(
            h,
            "<th scope=\"col\"><button type=\"button\" title=\"{}\">{}</button></th>",
            tr(HTML_SORT),
            tr(id)
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (lang, t) in &totals {
        let c = &t.counts;
        let percent = c.percent().floor();
        let _ = writeln!(
            h,
            "<tr data-lang=\"{l}\"><th scope=\"row\" data-v=\"{l}\"><a href=\"#lang-{l}\">{l}</a></th>\
             <td data-v=\"{pages}\">{pages}</td>\
             <td data-v=\"{percent}\">{translated} / {total} ({percent}%)</td>\
             <td data-v=\"{stale}\">{stale}</td><td data-v=\"{missing}\">{missing}</td>\
             <td data-v=\"{untr}\">{untr}</td><td data-v=\"{words}\">{words}</td>\
             <td data-v=\"{without}\">{without}</td></tr>",
            l = esc(lang),
            pages = t.pages,
            translated = c.translated(),
            total = c.total(),
            stale = c.get(State::Stale),
            missing = c.get(State::Missing),
            untr = c.get(State::Untranslated),
            words = c.words_to_translate,
            without = t.without,
        );
    }
    h.push_str("</tbody>\n</table></div>\n");
    let _ = writeln!(h, "<p class=\"legend\">{}</p>", legend(l10n));
    if totals.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", tr(HTML_NOTHING));
    }
    // Per language.
    for (lang, t) in &totals {
        let _ = writeln!(
            h,
            "<section id=\"lang-{l}\" class=\"lang\">\n<h2>{}</h2>",
            esc(&l10n.tr_args(
                HTML_LANG_HEADING,
                &[
                    ("lang", Arg::Str(lang)),
                    ("pages", Arg::Num(t.pages as f64))
                ]
            )),
            l = esc(lang)
        );
        for s in scanned.iter().filter(|s| s.doc.lang == *lang) {
            write_page(&mut h, s, links, l10n);
        }
        if let Some(u) = untranslated.iter().find(|u| u.lang == *lang)
            && !u.sources.is_empty()
        {
            let _ = writeln!(
                h,
                "<h3>{}</h3>\n<ul class=\"untranslated\">",
                esc(&l10n.tr_args(
                    HTML_NOT_TRANSLATED,
                    &[("count", Arg::Num(u.sources.len() as f64))]
                ))
            );
            for source in &u.sources {
                let shown = source.display().to_string();
                let command = format!(
                    "trame write {} --lang {}",
                    shell_word(&shown),
                    shell_word(lang)
                );
                let _ = writeln!(
                    h,
                    "<li><span class=\"path\">{}</span> <code>{}</code></li>",
                    esc(&shown),
                    esc(&command)
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    let _ = write!(
        h,
        "</main>\n<footer><p>{}</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        esc(&l10n.tr_args(
            HTML_FOOTER,
            &[("version", Arg::Str(env!("CARGO_PKG_VERSION")))]
        ))
    );
    h
}

fn legend(l10n: &Localizer) -> String {
    // `~~deleted~~` and `__inserted__` in the message mark the examples.
    esc(&l10n.tr(HTML_LEGEND))
        .replacen("~~", "<del>", 1)
        .replacen("~~", "</del>", 1)
        .replacen("__", "<ins>", 1)
        .replacen("__", "</ins>", 1)
}

/// A coverage bar: its width is the translated share; the number beside it
/// says the same for those who cannot see it.
fn bar(percent: f64) -> String {
    format!(
        "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:{percent}%\"></span></span>"
    )
}

fn cell(c: &Counts, l10n: &Localizer) -> String {
    let percent = c.percent().floor();
    esc(&l10n.tr_args(
        crate::cli::status::STATUS_CELL,
        &[
            ("percent", Arg::Num(percent)),
            ("stale", Arg::Num(c.get(State::Stale) as f64)),
            ("missing", Arg::Num(c.get(State::Missing) as f64)),
            ("untranslated", Arg::Num(c.get(State::Untranslated) as f64)),
        ],
    ))
}

/// A link to `line` of the file `rel` (repository path), or nothing.
fn line_link(links: Option<&WebLinks>, rel: Option<&str>, line: u32, label: &str) -> String {
    match (links, rel) {
        (Some(w), Some(rel)) => format!("<a href=\"{}\">{label}</a>", esc(&w.link(rel, line))),
        _ => label.to_owned(),
    }
}

fn write_page(h: &mut String, s: &Scanned, links: Option<&WebLinks>, l10n: &Localizer) {
    let doc = &s.doc;
    let c = &s.report.total;
    let percent = c.percent().floor();
    let target_rel = links.and_then(|w| w.repository_path(&doc.target.path));
    let source_rel = links.and_then(|w| w.repository_path(&doc.source.path));
    let _ = writeln!(
        h,
        "<details class=\"page\" data-needs-work=\"{}\"><summary><span class=\"path\">{}</span> {} \
         <span class=\"counts\">{}</span></summary>",
        c.needs_work(),
        esc(&doc.target.path.display().to_string()),
        bar(percent),
        cell(c, l10n)
    );
    // Sections.
    let _ = writeln!(
        h,
        "<div class=\"scroll\"><table class=\"sections\"><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(&l10n.tr(HTML_SECTION)),
        esc(&l10n.tr(HTML_COVERAGE)),
        esc(&l10n.tr(STATE_STALE)),
        esc(&l10n.tr(STATE_MISSING)),
        esc(&l10n.tr(STATE_UNTRANSLATED)),
        esc(&l10n.tr(HTML_WORDS)),
    );
    for section in &s.report.sections {
        let title = if section.title.is_empty() {
            esc(&l10n.tr(crate::cli::status::STATUS_SECTION_TOP))
        } else {
            esc(&text::one_line(&section.title))
        };
        let sc = &section.counts;
        let p = sc.percent().floor();
        let _ = writeln!(
            h,
            "<tr class=\"section\"><th scope=\"row\">{}</th><td>{} {p}%</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td></tr>",
            line_link(links, source_rel.as_deref(), section.line, &title),
            bar(p),
            sc.get(State::Stale),
            sc.get(State::Missing),
            sc.get(State::Untranslated),
            sc.words_to_translate,
        );
    }
    h.push_str("</tbody></table></div>\n");
    // Stale segments.
    let stale: Vec<_> = doc
        .labels
        .iter()
        .filter(|l| l.state == State::Stale)
        .collect();
    if !stale.is_empty() {
        let _ = writeln!(
            h,
            "<h4>{}</h4>",
            esc(&l10n.tr_args(HTML_STALE_COUNT, &[("count", Arg::Num(stale.len() as f64))]))
        );
    }
    for l in stale {
        h.push_str("<div class=\"stale\">\n<p class=\"diff\">");
        for chunk in &l.diff {
            let t = esc(&chunk.text);
            match chunk.op {
                Op::Equal => h.push_str(&t),
                Op::Delete => {
                    let _ = write!(h, "<del>{t}</del>");
                }
                Op::Insert => {
                    let _ = write!(h, "<ins>{t}</ins>");
                }
            }
        }
        h.push_str("</p>\n");
        if let Some(seg) = l.source.and_then(|i| doc.source.document.segments.get(i)) {
            let label = esc(&l10n.tr_args(HTML_ENGLISH, &[("lines", Arg::Str(&lines(seg.lines)))]));
            let _ = writeln!(
                h,
                "<p class=\"side\">{}</p><pre class=\"en\">{}</pre>",
                line_link(links, source_rel.as_deref(), seg.lines.0, &label),
                esc(&seg.text)
            );
        }
        let segs = doc.target.document.segments.get(l.target.clone());
        if let Some(segs) = segs
            && let (Some(first), Some(last)) = (segs.first(), segs.last())
        {
            let label = esc(&l10n.tr_args(
                HTML_TRANSLATION,
                &[("lines", Arg::Str(&lines((first.lines.0, last.lines.1))))],
            ));
            let body = segs
                .iter()
                .map(|s| esc(&s.text))
                .collect::<Vec<_>>()
                .join("\n\n");
            let _ = writeln!(
                h,
                "<p class=\"side\">{}</p><pre class=\"tr\">{body}</pre>",
                line_link(links, target_rel.as_deref(), first.lines.0, &label),
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</details>\n");
}

const STYLE: &str = r#"
:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#555;--line:#c8c8c8;--bar:#2e7d32;--barbg:#d9d9d9;--del:#8e0000;--delbg:#ffe0e0;--ins:#0a5a1e;--insbg:#dcf5e0;--link:#0b57d0;--code:#f2f2f2}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#e6e6e6;--muted:#b0b0b0;--line:#454545;--bar:#66bb6a;--barbg:#3a3a3a;--del:#ffb4b4;--delbg:#4a1f1f;--ins:#b4f5c0;--insbg:#173d22;--link:#8ab4f8;--code:#1e1e1e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main,footer{max-width:72rem;margin:0 auto;padding:.75rem}
footer{color:var(--muted);font-size:.875rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid var(--line)}h3,h4{font-size:1rem}
a{color:var(--link)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:.25rem .5rem;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
thead th{white-space:nowrap}
th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th button:focus-visible,summary:focus-visible{outline:2px solid var(--link);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
details.page{border-bottom:1px solid var(--line);padding:.35rem 0}
summary{cursor:pointer;overflow-wrap:anywhere}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;overflow-wrap:anywhere}
.counts{color:var(--muted)}
.bar{display:inline-block;width:5rem;height:.6rem;background:var(--barbg);vertical-align:middle;border-radius:2px;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--bar)}
.stale{border-left:3px solid var(--del);padding:.25rem .75rem;margin:.75rem 0}
.side{margin:.25rem 0;font-weight:bold;font-size:.9rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--code);padding:.5rem;margin:.25rem 0;font-size:.875rem}
code{font-size:.875rem;background:var(--code);overflow-wrap:anywhere}
del{color:var(--del);background:var(--delbg);text-decoration:line-through}
ins{color:var(--ins);background:var(--insbg);text-decoration:underline}
ul.untranslated li{margin:.25rem 0}
"#;

const SCRIPT: &str = r#"
(function(){
  var tables=document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables,function(t){
    Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th){
      var b=th.querySelector("button");if(!b)return;
      b.addEventListener("click",function(){
        var asc=th.getAttribute("aria-sort")!=="ascending",i=th.cellIndex,body=t.tBodies[0];
        Array.prototype.forEach.call(t.tHead.rows[0].cells,function(o){o.removeAttribute("aria-sort");});
        th.setAttribute("aria-sort",asc?"ascending":"descending");
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(x,y){
          var a=x.cells[i].getAttribute("data-v")||"",c=y.cells[i].getAttribute("data-v")||"";
          var na=parseFloat(a),nc=parseFloat(c);
          var r=(isNaN(na)||isNaN(nc))?a.localeCompare(c):na-nc;
          return asc?r:-r;
        });
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        // A right-to-left override cannot reorder the page's text.
        assert!(!esc("a\u{202E}b").contains('\u{202E}'));
    }

    #[test]
    fn commands_are_quoted_for_the_shell() {
        assert_eq!(shell_word("content/a.md"), "content/a.md");
        assert_eq!(shell_word("a b'c.md"), r"'a b'\''c.md'");
        assert_eq!(shell_word("$(rm)"), "'$(rm)'");
    }
}
