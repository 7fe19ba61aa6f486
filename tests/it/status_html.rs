//! `trame status --format html` in a real browser (headless Chromium): the
//! page loads with no console error, the totals table has one row per
//! language with the totals worked out by hand for the fixture, clicking a
//! page opens its sections, the word diff of a stale segment shows, and
//! sorting works, nothing overflows at 360 px, the theme follows the
//! system's and text keeps a 4.5:1 contrast in both. Screenshots at 1280
//! and 360 px wide (and 360 px dark) are kept in `target/test-artifacts/`. Where Chromium is not installed (`.ci/run`
//! installs it), the browser checks say so and are skipped; the checks on
//! the HTML text always run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TestRepo, trame};

const A_EN: &str = "---
title: The Loom Newsletter
---

Welcome to the September issue.

## Events

The sprint in Lyon takes place in October.

## Specifications

Two new specifications were published this month.
";

const A_EN_LATER: &str = "---
title: The Loom Newsletter
---

Welcome to the September issue.

## Events

The sprint in Lyon is cancelled, read <script>alert(1)</script> the notes.

## Specifications

Two new specifications were published this month.
";

const A_FR: &str = "---
title: La lettre de Loom
---

Bienvenue dans le numéro de septembre.

## Événements

Le sprint de Lyon a lieu en octobre.

## Spécifications

Deux nouvelles spécifications ont été publiées ce mois-ci.
";

/// The Italian leaves out the last section.
const A_IT: &str = "---
title: La newsletter di Loom
---

Benvenuti al numero di settembre.

## Eventi

Lo sprint di Lione si tiene a ottobre.
";

const B_EN: &str = "---
title: Second issue
---

A short issue about looms.
";

const B_FR: &str = "---
title: Deuxième numéro
---

Un numéro court sur les métiers à tisser.
";

/// `a.md` in English, French and Italian, `b.md` in English and French;
/// then the English of one paragraph of `a.md` changes meaning.
///
/// Worked out by hand: `a.md` has 6 English segments (the title, three
/// paragraphs, two headings), `b.md` 2 (the title, a paragraph).
/// A word is a run between spaces with a letter in it, so the new Lyon
/// paragraph has 10 (`<script>alert(1)</script>` is one).
/// - fr: 2 pages, 8 of 8 segments translated, 1 stale (the Lyon
///   paragraph), none missing or untranslated, 10 words to translate, no
///   page without translation.
/// - it: 1 page, 4 of 6 translated (66%), 1 stale, the Specifications
///   heading (1 word) and its paragraph (7 words) untranslated (they were
///   there when the translation was made), 18 words to translate, 1 page
///   (`b.md`) without translation.
fn fixture() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/a.md", A_EN);
    r.write("content/a.fr.md", A_FR);
    r.write("content/a.it.md", A_IT);
    r.write("content/b.md", B_EN);
    r.write("content/b.fr.md", B_FR);
    r.commit("English, French and Italian");
    r.write("content/a.md", A_EN_LATER);
    r.commit("The sprint is cancelled");
    r.write(
        "trame.toml",
        "[links]\nrepository = \"https://github.com/loom/site\"\n",
    );
    r.commit("Links");
    r
}

/// The totals row of each language, as the table's `data-v` values:
/// pages, percent translated, stale, missing, untranslated, words, pages
/// without translation.
const EXPECTED_ROWS: [(&str, [&str; 7]); 2] = [
    ("fr", ["2", "100", "1", "0", "0", "10", "0"]),
    ("it", ["1", "66", "1", "0", "2", "18", "1"]),
];

fn generate(r: &TestRepo) -> String {
    let out = trame(
        &["status", "--format", "html", "-o", "public/status.html"],
        r.path(),
        &[],
    );
    assert!(
        out.status.success(),
        "status failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote public/status.html\n"
    );
    std::fs::read_to_string(r.path().join("public/status.html")).unwrap()
}

#[test]
fn the_page_is_self_contained_and_escapes_content() {
    let r = fixture();
    let html = generate(&r);
    // Nothing fetched: no external script, style, font or image.
    for needle in [
        "<script src",
        "<link",
        "@import",
        "url(",
        "<img",
        "http-equiv",
    ] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    // The content's `<script>` is text; the page has its own script only.
    assert_eq!(html.matches("<script>").count(), 1, "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The stale paragraph's diff, marked, and the write command for b.md.
    assert!(
        html.contains("<del>takes place in October.</del>"),
        "{html}"
    );
    assert!(html.contains("<ins>is cancelled, read"), "{html}");
    assert!(html.contains("<code>trame write content/b.md --lang it</code>"));
    // Links at the line, at HEAD's commit.
    let head = r.repo.head().unwrap().target().unwrap().to_string();
    assert!(
        html.contains(&format!(
            "href=\"https://github.com/loom/site/blob/{head}/content/a.fr.md#L9\""
        )),
        "{html}"
    );
    // One row per language in the totals.
    for (lang, _) in EXPECTED_ROWS {
        assert_eq!(
            html.matches(&format!("<tr data-lang=\"{lang}\">")).count(),
            1
        );
    }
    // Labels follow the interface language.
    let fr = trame(
        &["status", "--format", "html", "content"],
        r.path(),
        &[("LANG", "fr_FR.UTF-8")],
    );
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(fr.contains("<html lang=\"fr\">"), "{fr}");
    assert!(fr.contains("Mots à traduire"));
    assert!(fr.contains("Un segment périmé"));
}

/// Chromium's name on this system, if installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Runs Chromium headless on `page` at `width` px with `extra` arguments,
/// killed after a minute; returns stdout and stderr.
fn browse(
    browser: &Path,
    profile: &Path,
    page: &Path,
    width: u32,
    extra: &[String],
) -> (String, String) {
    let mut child = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={width},900"))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .env("HOME", profile)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish in a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (out.join().unwrap(), err.join().unwrap())
}

/// Catches errors from the first script on: goes first in `<head>`.
const CATCH: &str = r#"<script>window.__errors=[];
window.addEventListener("error",function(e){window.__errors.push(String(e.message));});
(function(){var f=console.error;console.error=function(){window.__errors.push(Array.prototype.join.call(arguments," "));f.apply(console,arguments);};})();
</script>"#;

/// Acts as a reader would and writes what it saw as JSON into the page:
/// goes last in `<body>`, after the page's own script.
const PROBE: &str = r##"<script>(function(){
var r={};
var shown=function(el){return !!el&&el.checkVisibility()&&el.offsetHeight>0;};
r.rows=Array.prototype.map.call(document.querySelectorAll("#totals tbody tr"),function(tr){
  return [tr.getAttribute("data-lang")].concat(Array.prototype.slice.call(tr.cells,1).map(function(c){return c.getAttribute("data-v");}));});
var first=document.querySelector("details.page");
var rows=first.querySelectorAll("tr.section");
r.sections=rows.length;
r.sectionsShownBefore=Array.prototype.filter.call(rows,shown).length;
first.querySelector("summary").click();
r.open=first.open;
r.sectionsShownAfter=Array.prototype.filter.call(rows,shown).length;
var stale=document.querySelector("#lang-it .stale");
var page=stale.closest("details");
r.diffShownBefore=shown(stale.querySelector("del"));
page.querySelector("summary").click();
r.diffShownAfter=shown(stale.querySelector("del"))&&shown(stale.querySelector("ins"));
r.del=stale.querySelector("del").textContent;
r.ins=stale.querySelector("ins").textContent;
r.delLine=getComputedStyle(stale.querySelector("del")).textDecorationLine;
r.insLine=getComputedStyle(stale.querySelector("ins")).textDecorationLine;
var th=document.querySelector("#totals thead th button");
th.click();th.click();
r.sorted=Array.prototype.map.call(document.querySelectorAll("#totals tbody tr"),function(tr){return tr.getAttribute("data-lang");});
r.scripts=document.scripts.length;
r.overflow=document.documentElement.scrollWidth-window.innerWidth;
r.dark=matchMedia("(prefers-color-scheme: dark)").matches;
var rgb=function(c){return c.match(/[0-9.]+/g).slice(0,3).map(Number);};
var lum=function(c){return rgb(c).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);}).reduce(function(a,v,i){return a+v*[0.2126,0.7152,0.0722][i];},0);};
var ratio=function(f,b){var x=lum(f),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05);};
var bg=getComputedStyle(document.body).backgroundColor;
var on=function(el,b){var st=getComputedStyle(el);return Math.round(ratio(st.color,b||bg)*10)/10;};
var del=stale.querySelector("del"),ins=stale.querySelector("ins");
r.background=bg;
r.contrast={text:on(document.body),counts:on(document.querySelector(".counts")),link:on(document.querySelector("#totals a")),
  del:on(del,getComputedStyle(del).backgroundColor),ins:on(ins,getComputedStyle(ins).backgroundColor),
  code:on(document.querySelector("pre.en"),getComputedStyle(document.querySelector("pre.en")).backgroundColor)};
r.errors=window.__errors;
var pre=document.createElement("pre");pre.id="probe";pre.textContent=JSON.stringify(r);document.body.appendChild(pre);
})();</script>"##;

fn artifacts() -> PathBuf {
    // target/tmp for integration tests: its parent is the target folder.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_page_works_in_a_browser() {
    let r = fixture();
    let html = generate(&r);
    let Some(browser) = chromium() else {
        eprintln!(
            "chromium not found: browser checks skipped (install Debian's `chromium`; .ci/run does)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let probe_page = dir.path().join("probe.html");
    let probed = html
        .replacen("<head>", &format!("<head>\n{CATCH}"), 1)
        .replacen("</body>", &format!("{PROBE}\n</body>"), 1);
    std::fs::write(&probe_page, probed).unwrap();
    // Light at both widths, then dark (as a system in dark mode asks).
    for (width, dark) in [(1280, false), (360, false), (360, true)] {
        let mut args = vec!["--dump-dom".to_string()];
        if dark {
            args.push("--force-dark-mode".into());
        }
        let (dom, log) = browse(&browser, &profile, &probe_page, width, &args);
        let start = dom.find("<pre id=\"probe\">").unwrap_or_else(|| {
            panic!("no probe result at {width} px; chromium said:\n{log}\n{dom}")
        }) + "<pre id=\"probe\">".len();
        let end = start + dom[start..].find("</pre>").unwrap();
        let json = dom[start..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        println!("probe at {width} px (dark: {dark}): {v}");
        assert_eq!(
            v["errors"],
            serde_json::json!([]),
            "script errors at {width} px"
        );
        for line in log.lines() {
            assert!(
                !(line.contains("CONSOLE") || line.contains("Uncaught")),
                "console message at {width} px: {line}"
            );
        }
        // One row per language, the totals worked out by hand.
        let rows: Vec<Vec<String>> = serde_json::from_value(v["rows"].clone()).unwrap();
        let want: Vec<Vec<String>> = EXPECTED_ROWS
            .iter()
            .map(|(lang, cells)| {
                std::iter::once(lang.to_string())
                    .chain(cells.iter().map(|c| c.to_string()))
                    .collect()
            })
            .collect();
        assert_eq!(rows, want);
        // Clicking a page opens its sections (a.fr.md: three sections).
        assert_eq!(v["sections"], 3);
        assert_eq!(v["sectionsShownBefore"], 0);
        assert_eq!(v["open"], true);
        assert_eq!(v["sectionsShownAfter"], 3);
        // The stale segment's diff shows once its page is open, marked
        // by more than colour.
        assert_eq!(v["diffShownBefore"], false);
        assert_eq!(v["diffShownAfter"], true);
        assert_eq!(v["del"], "takes place in October.");
        assert_eq!(
            v["ins"],
            "is cancelled, read <script>alert(1)</script> the notes."
        );
        assert_eq!(v["delLine"], "line-through");
        assert_eq!(v["insLine"], "underline");
        // Sorting by language twice: descending.
        assert_eq!(v["sorted"], serde_json::json!(["it", "fr"]));
        // The page's script, the catcher and the probe: the content's
        // `<script>` never ran.
        assert_eq!(v["scripts"], 3);
        // Readable at that width: nothing wider than the window.
        assert_eq!(v["overflow"], 0, "the page is wider than {width} px");
        // The theme follows the system, and text keeps WCAG AA contrast
        // (4.5:1) on its background in both.
        assert_eq!(v["dark"], dark);
        let background = v["background"].as_str().unwrap_or_default();
        assert_eq!(
            background == "rgb(18, 18, 18)",
            dark,
            "background {background}"
        );
        for (what, ratio) in v["contrast"].as_object().unwrap() {
            let ratio = ratio.as_f64().unwrap_or(0.0);
            assert!(ratio >= 4.5, "{what} contrast {ratio} (dark: {dark})");
        }
    }
    // Screenshots of the page itself, kept as artifacts of the run.
    let page = r.path().join("public/status.html");
    let out = artifacts();
    for (width, dark) in [(1280, false), (360, false), (360, true)] {
        let name = if dark {
            format!("status-html-{width}-dark.png")
        } else {
            format!("status-html-{width}.png")
        };
        let shot = out.join(name);
        let _ = std::fs::remove_file(&shot);
        let mut args = vec![format!("--screenshot={}", shot.display())];
        if dark {
            args.push("--force-dark-mode".into());
        }
        browse(&browser, &profile, &page, width, &args);
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        println!(
            "screenshot at {width} px (dark: {dark}): {} ({size} bytes)",
            shot.display()
        );
        assert!(size > 1000, "no screenshot at {width} px");
    }
}

/// `-o`: a file outside the repository is written when named; a link
/// planted in the repository that leads outside it is refused, and what it
/// points at is left as it was.
#[cfg(unix)]
#[test]
fn the_output_file_is_written_where_asked_and_never_through_a_link_outside() {
    let r = fixture();
    let outside = tempfile::tempdir().unwrap();
    let named = outside.path().join("site/status.html");
    let out = trame(
        &["status", "--format", "html", "-o", named.to_str().unwrap()],
        r.path(),
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&named)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    std::os::unix::fs::symlink(&victim, r.path().join("status.html")).unwrap();
    let out = trame(
        &["status", "--format", "html", "-o", "status.html"],
        r.path(),
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}
