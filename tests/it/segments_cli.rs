//! `trame segments` end to end: the real binary, a cleared environment.

use std::path::Path;

use crate::support::{self, render, trame};

fn fixture_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/segment"))
}

#[test]
fn newsletter_2024_07_05_lists_title_captions_and_each_gsoc_item() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let file = corpus.join("xsf-xmpp.org/content/blog/newsletter/2024-07-05-newsletter.md");
    let out = trame(
        &["segments", "--format", "json", file.to_str().unwrap()],
        &corpus,
        &[],
    );
    assert!(out.status.success(), "{}", render(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let segments = json["segments"].as_array().unwrap();
    let texts: Vec<&str> = segments
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let kind_of = |text: &str| {
        let s = segments
            .iter()
            .find(|s| s["text"] == text)
            .unwrap_or_else(|| panic!("no segment {text:?}"));
        (s["kind"].as_str().unwrap().to_owned(), s["level"].as_u64())
    };
    assert_eq!(segments[0]["kind"], "front-matter");
    assert_eq!(segments[0]["key"], "title");
    assert_eq!(texts[0], "The XMPP Newsletter June 2024");
    for caption in [
        "XMPP Newsletter Banner",
        "XSF and Google Summer of Code 2024",
        "Gajim message reactions",
        "ejabberd WebAdmin interface",
    ] {
        assert_eq!(kind_of(caption), ("shortcode-param".into(), None));
    }
    // The nested GSoC list: every item is its own segment, with its depth.
    assert_eq!(
        kind_of("[Monal](https://monal-im.org/)"),
        ("list-item".into(), Some(1))
    );
    assert_eq!(
        kind_of(
            "[Modern Monal onboarding and Media gallery (175 hours, medium)](https://wiki.xmpp.org/web/Gsoc2024/Monal/Media_Gallery)"
        ),
        ("list-item".into(), Some(2))
    );
    assert_eq!(
        kind_of("[Prav.app](https://prav.app/)"),
        ("list-item".into(), Some(1))
    );
    let blog_posts = texts
        .iter()
        .filter(|t| t.starts_with("[Blog post 1]("))
        .count();
    assert_eq!(blog_posts, 2);
    // No segment holds a figure's src; the src is an invariant of the caption.
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("src=") && !t.starts_with("/images/")),
        "{texts:?}"
    );
    let banner = segments
        .iter()
        .find(|s| s["text"] == "XMPP Newsletter Banner")
        .unwrap();
    assert_eq!(
        banner["invariants"]["shortcodes"][0],
        "figure src=/images/newsletter/xmpp_newsletter_banner.jpg"
    );
    // `bytes` is a half-open range into the file and `text` equals those bytes.
    let bytes = std::fs::read(&file).unwrap();
    for s in segments {
        let (a, b) = (
            s["bytes"][0].as_u64().unwrap() as usize,
            s["bytes"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[a..b], s["text"].as_str().unwrap().as_bytes());
    }
}

#[test]
fn text_output_of_a_fixture() {
    let out = trame(&["segments", "hugo.md"], fixture_dir(), &[]);
    insta::assert_snapshot!(render(&out));
}

#[test]
fn json_output_of_a_fixture() {
    let out = trame(
        &["segments", "--format", "json", "hugo.md"],
        fixture_dir(),
        &[],
    );
    insta::assert_snapshot!(render(&out));
}

#[test]
fn french_interface() {
    let out = trame(
        &["segments", "broken.md"],
        fixture_dir(),
        &[("LANG", "fr_FR.UTF-8")],
    );
    insta::assert_snapshot!(render(&out));
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"# Title\n\nCaf\xe9\n").unwrap();
    let out = trame(&["segments", "bad.md"], dir.path(), &[]);
    insta::assert_snapshot!(render(&out), @r"
    ------- stderr -------
    trame: error: bad.md is not UTF-8 text: invalid byte sequence at byte 12
    [exit status: 2]
    ");
}

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = trame(&["segments", "nope.md"], dir.path(), &[]);
    insta::assert_snapshot!(render(&out), @r"
    ------- stderr -------
    trame: error: cannot read nope.md: No such file or directory (os error 2)
    [exit status: 2]
    ");
}

#[test]
fn embedded_issues_folder_segments() {
    let issues = Path::new(env!("CARGO_MANIFEST_DIR")).join("issues");
    let out = trame(
        &["segments", "--format", "json", "issues"],
        issues.parent().unwrap(),
        &[],
    );
    assert!(out.status.success(), "{}", render(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 6, "expected two issues in three languages");
    for file in &lines {
        assert!(
            file["diagnostics"].as_array().unwrap().is_empty(),
            "{}",
            file["file"]
        );
        assert!(
            file["segments"].as_array().unwrap().len() > 30,
            "{}",
            file["file"]
        );
    }
}
