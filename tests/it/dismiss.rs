//! Dismissals end to end: `trame review --dismiss` silences a finding of
//! `trame check` until the segment's text changes, a translation's front
//! matter switches rules off for itself, unknown rule names are an error on
//! the command line and a warning in a page, and review files written before
//! dismissals existed still load.

use crate::support::{TestRepo, render, trame};

const EN: &str = "# News\n\nThe meeting starts at 10:00 in room 12.\n\nSee you there.\n";
const FR: &str = "# Nouvelles\n\nLa réunion commence à 10:00 en salle 13.\n\nÀ bientôt.\n";

/// The findings of `trame check --format json` as (file, rule, value), and
/// the `dismissed` count of each translation.
fn check(r: &TestRepo) -> (Vec<(String, String, String)>, Vec<u64>) {
    let out = trame(&["check", "--format", "json"], r.path(), &[]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", render(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_owned();
            (s("file"), s("rule"), s("value"))
        })
        .collect();
    let dismissed = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["dismissed"].as_u64().unwrap())
        .collect();
    (findings, dismissed)
}

fn numbers(findings: &[(String, String, String)]) -> Vec<&str> {
    findings
        .iter()
        .filter(|(_, rule, _)| rule == "number")
        .map(|(_, _, value)| value.as_str())
        .collect()
}

fn stdout(r: &TestRepo, args: &[&str]) -> String {
    let out = trame(args, r.path(), &[]);
    assert!(out.status.success(), "{}", render(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_dismissed_number_stays_quiet_until_the_english_changes() {
    let mut r = TestRepo::new();
    r.write("content/news.md", EN);
    r.write("content/news.fr.md", FR);
    r.commit("English and French");
    let (findings, dismissed) = check(&r);
    assert_eq!(numbers(&findings), ["12", "13"], "{findings:?}");
    assert_eq!(dismissed, [0]);

    // A segment without a number finding has nothing to dismiss.
    let review = |extra: &[&str]| {
        let mut args = vec!["review", "content/news.md", "--lang", "fr"];
        args.extend(extra);
        stdout(&r, &args)
    };
    assert_eq!(
        review(&["--segment", "3", "--dismiss", "number"]),
        "no number finding to dismiss; nothing written\n"
    );
    assert!(!r.path().join("content/.trame-reviews").exists());

    // Without a segment: every segment with a number finding.
    assert_eq!(
        review(&["--dismiss", "number"]),
        "dismissed number on one segment, recorded in content/.trame-reviews\n"
    );
    let (findings, dismissed) = check(&r);
    assert!(numbers(&findings).is_empty(), "{findings:?}");
    assert_eq!(dismissed, [2]);
    assert_eq!(
        review(&["--segment", "2", "--dismiss", "number"]),
        "content/.trame-reviews already had this dismissal; nothing written\n"
    );
    let records = std::fs::read_to_string(r.path().join("content/.trame-reviews")).unwrap();
    assert!(
        records.starts_with("# trame review records, format 2."),
        "{records}"
    );
    assert!(records.ends_with("\tdismiss\tnumber\n"), "{records}");
    r.commit("Dismiss the room number");

    // The English of the segment changes (and its translation follows, so
    // the row is up to date again): the dismissal lapses.
    r.write(
        "content/news.md",
        &EN.replace("in room 12.", "in room 12, upstairs."),
    );
    r.commit("Say where the room is");
    r.write(
        "content/news.fr.md",
        &FR.replace("salle 13.", "salle 13, à l'étage."),
    );
    r.commit("Dire où est la salle");
    let (findings, dismissed) = check(&r);
    assert_eq!(numbers(&findings), ["12", "13"], "{findings:?}");
    assert_eq!(dismissed, [0]);
}

#[test]
fn a_translation_switches_rules_off_in_its_front_matter() {
    let mut r = TestRepo::new();
    // The English has a `trame` key the translations need not copy.
    let en = format!("---\ntitle: News\ntrame:\n  ignore: [url]\n---\n\n{EN}");
    let fr_yaml = format!(
        "---\ntitle: Nouvelles\ntrame:\n  ignore:\n    - number\n---\n\n{}",
        FR.replace("13.", "13, voir [le plan](/plan/).")
    );
    let fr_toml =
        format!("+++\ntitle = \"Nouvelles\"\n[trame]\nignore = [\"number\"]\n+++\n\n{FR}");
    let fr_plain = format!("---\ntitle: Nouvelles\n---\n\n{FR}");
    r.write("content/a.md", &en);
    r.write("content/a.fr.md", &fr_yaml);
    r.write("content/b.md", &en);
    r.write("content/b.fr.md", &fr_toml);
    r.write("content/c.md", &en);
    r.write("content/c.fr.md", &fr_plain);
    r.commit("Three pages");
    let (findings, dismissed) = check(&r);
    let got: Vec<(&str, &str)> = findings
        .iter()
        .map(|(file, rule, _)| (file.as_str(), rule.as_str()))
        .collect();
    // The numbers of a and b are switched off, c still reports them; a's
    // lost link is still reported (only `number` is ignored); the English
    // `trame` key is no front-matter finding anywhere.
    assert_eq!(
        got,
        [
            ("content/a.fr.md", "url"),
            ("content/c.fr.md", "number"),
            ("content/c.fr.md", "number"),
        ],
        "{findings:?}"
    );
    assert_eq!(dismissed, [2, 2, 0]);
}

#[test]
fn unknown_rule_names_are_an_error_or_a_warning() {
    let mut r = TestRepo::new();
    r.write("content/news.md", EN);
    r.write(
        "content/news.fr.md",
        &format!("---\ntrame:\n  ignore: [numbers, url]\n---\n\n{FR}"),
    );
    r.commit("English and French");
    let out = trame(
        &[
            "review",
            "content/news.md",
            "--lang",
            "fr",
            "--dismiss",
            "numbers",
        ],
        r.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "unknown rule “numbers”; rules: url, code, number, date, shortcode, front-matter, anchor, markdown"
        ),
        "{err}"
    );
    let fr = trame(
        &[
            "--ui-lang",
            "fr",
            "review",
            "content/news.md",
            "--lang",
            "fr",
            "--dismiss",
            "nombre",
        ],
        r.path(),
        &[],
    );
    assert!(
        String::from_utf8_lossy(&fr.stderr).contains("règle inconnue « nombre »"),
        "{}",
        render(&fr)
    );
    // In a page: a warning naming the file and line; the check goes on and
    // still reports the numbers.
    let out = trame(&["check"], r.path(), &[]);
    let all = render(&out);
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(
        all.contains("warning: content/news.fr.md:3: “numbers” in trame.ignore is not a rule"),
        "{all}"
    );
    assert!(all.contains("(number, fr)"), "{all}");
}

#[test]
fn a_review_file_without_dismissals_still_loads() {
    let mut r = TestRepo::new();
    r.write("content/news.md", EN);
    r.write("content/news.fr.md", FR);
    r.commit("English and French");
    let en2 = EN.replace("See you there.", "See you all there.");
    r.write("content/news.md", &en2);
    r.commit("English edit");
    let stale = |r: &TestRepo| {
        let out = trame(&["stale", "--format", "json"], r.path(), &[]);
        assert!(out.status.success(), "{}", render(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["documents"][0]["segments"].as_array().unwrap().len()
    };
    assert_eq!(stale(&r), 1);
    // A review of the last row, as trame wrote them before dismissals.
    let fp = |s: &str| trame::segment::fingerprint(s).to_string();
    let old = format!(
        "# trame review records, format 1. One record per line:\n\
         # page\tlang\ttranslation fingerprint\tsource fingerprint\tcommit\n\
         news.md\tfr\t{}\t{}\tworktree\n",
        fp("À bientôt."),
        fp("See you all there.")
    );
    std::fs::write(r.path().join("content/.trame-reviews"), old.as_bytes()).unwrap();
    assert_eq!(stale(&r), 0, "the review is read");
    stdout(
        &r,
        &[
            "review",
            "content/news.md",
            "--lang",
            "fr",
            "--dismiss",
            "number",
        ],
    );
    let new = std::fs::read_to_string(r.path().join("content/.trame-reviews")).unwrap();
    assert!(
        new.starts_with("# trame review records, format 2."),
        "{new}"
    );
    assert!(new.contains(old.lines().nth(2).unwrap()), "{new}");
    assert_eq!(stale(&r), 0, "the review is kept beside the dismissal");
    let (findings, _) = check(&r);
    assert!(numbers(&findings).is_empty(), "{findings:?}");
}
