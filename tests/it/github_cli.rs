//! `trame check --format github` end to end: at most ten error and ten
//! warning annotations per file, a notice for the rest, and the Markdown
//! job summary appended to `$GITHUB_STEP_SUMMARY` (passed to the child
//! process only; the test's own environment plays no part).

use std::path::Path;

use crate::support::{TestRepo, render, trame};

/// An English page of `n` paragraphs, each with a price and, for the first
/// `urls`, a link; the French has neither numbers nor links.
fn prices(n: usize, urls: usize) -> (String, String) {
    const EN: [&str; 13] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen",
    ];
    const FR: [&str; 13] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize",
    ];
    let (mut en, mut fr) = ("# Prices\n".to_owned(), "# Prix\n".to_owned());
    for k in 1..=n {
        let link = if k <= urls {
            format!(", see [the list](https://shop.example/list-{k})")
        } else {
            String::new()
        };
        en.push_str(&format!(
            "\nThe price of article {} is {} euros{link}.\n",
            EN[k - 1],
            100 + k
        ));
        fr.push_str(&format!(
            "\nLe prix de l'article {} est donné en euros, voir la liste.\n",
            FR[k - 1]
        ));
    }
    (en, fr)
}

/// `a.fr.md` has 13 missing numbers (errors by `trame.toml`) and 12 missing
/// links (warnings); `b.fr.md` one missing link.
fn noisy() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("trame.toml", "[check.rules]\nnumber = \"error\"\n");
    let (en, fr) = prices(13, 12);
    r.write("content/a.md", &en);
    r.write("content/a.fr.md", &fr);
    let (en, fr) = prices(1, 1);
    r.write(
        "content/b.md",
        &en.replace(" is 101 euros", " is given in euros"),
    );
    r.write("content/b.fr.md", &fr);
    r.commit("English and French");
    r
}

fn lines_starting<'a>(out: &'a str, prefix: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.starts_with(prefix)).collect()
}

/// The line number of an annotation (`::error file=x,line=12,...`).
fn line_of(annotation: &str) -> u64 {
    let rest = annotation.split(",line=").nth(1).unwrap();
    rest.split(',').next().unwrap().parse().unwrap()
}

#[test]
fn at_most_ten_errors_and_ten_warnings_per_file_then_a_notice() {
    let r = noisy();
    let out = trame(&["check", "--format", "github"], r.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    let github = String::from_utf8(out.stdout).unwrap();
    let errors = lines_starting(&github, "::error file=content/a.fr.md,");
    let warnings = lines_starting(&github, "::warning file=content/a.fr.md,");
    assert_eq!(errors.len(), 10, "{github}");
    assert_eq!(warnings.len(), 10, "{github}");
    assert_eq!(
        lines_starting(&github, "::notice "),
        [
            "::notice file=content/a.fr.md,title=trame check::not shown as annotations in this file: 3 more errors, 2 more warnings (GitHub shows 10 of each kind per file); trame check lists them all"
        ],
        "{github}"
    );
    // The other file keeps its one warning and has no notice.
    assert_eq!(
        lines_starting(&github, "::warning file=content/b.fr.md,").len(),
        1,
        "{github}"
    );

    // The annotations are the first findings of each kind, in the order
    // of the full report.
    let json = trame(&["check", "--format", "json"], r.path(), &[]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = |severity: &str| -> Vec<u64> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["file"] == "content/a.fr.md" && f["severity"] == severity)
            .map(|f| f["line"].as_u64().unwrap())
            .take(10)
            .collect()
    };
    assert_eq!(report["errors"], 13, "{report}");
    assert_eq!(report["warnings"], 13, "{report}");
    assert_eq!(
        errors.iter().map(|l| line_of(l)).collect::<Vec<_>>(),
        first("error")
    );
    assert_eq!(
        warnings.iter().map(|l| line_of(l)).collect::<Vec<_>>(),
        first("warning")
    );
}

/// A repository with two languages: French with its findings, a page whose
/// name holds a pipe (escaped in the table) and a page whose English
/// changed since (one stale segment, one missing); Italian with most of its
/// page untranslated.
fn two_languages() -> TestRepo {
    let mut r = noisy();
    r.write("content/a.it.md", "# Prezzi\n\nIl prezzo dell'articolo uno è di 101 euro, vedi [la lista](https://shop.example/list-1).\n");
    let (en, fr) = prices(1, 1);
    r.write("content/odd|name.md", &en);
    r.write("content/odd|name.fr.md", &fr);
    r.commit("Italian, and a page with a pipe in its name");
    let (en, _) = prices(1, 1);
    r.write(
        "content/b.md",
        &format!(
            "{}\nA second paragraph, added since the French was written.\n",
            en.replace(
                "The price of article one is 101 euros",
                "Article one is free this week"
            )
        ),
    );
    r.commit("English: article one is free");
    r
}

#[test]
fn the_job_summary_is_appended_with_a_row_per_language() {
    let r = two_languages();
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("step_summary.md");
    std::fs::write(&summary, "## An earlier step\n\nIts summary stays.\n").unwrap();
    let path = summary.to_str().unwrap();
    let out = trame(
        &["check", "--format", "github"],
        r.path(),
        &[("GITHUB_STEP_SUMMARY", path)],
    );
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    assert!(out.stderr.is_empty(), "{}", render(&out));
    let written = std::fs::read_to_string(&summary).unwrap();
    let appended = written
        .strip_prefix("## An earlier step\n\nIts summary stays.\n")
        .unwrap_or_else(|| panic!("the earlier content was not kept: {written}"));
    insta::assert_snapshot!("github_step_summary", appended);

    // A second step appends again, in the interface's language.
    let out = trame(
        &["check", "--format", "github", "content/a.md"],
        r.path(),
        &[("GITHUB_STEP_SUMMARY", path), ("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", render(&out));
    let again = std::fs::read_to_string(&summary).unwrap();
    let french = again.strip_prefix(&written).unwrap();
    insta::assert_snapshot!("github_step_summary_fr", french);
}

/// Every file of a directory, with its content, `.git` left out.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let content = std::fs::read(&path).unwrap();
                out.push((path.display().to_string(), content));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_summary_without_the_variable_nor_in_other_formats() {
    let r = two_languages();
    let before = files(r.path());
    for value in [None, Some("")] {
        let env: Vec<(&str, &str)> = value
            .map(|v| ("GITHUB_STEP_SUMMARY", v))
            .into_iter()
            .collect();
        let out = trame(&["check", "--format", "github"], r.path(), &env);
        assert_eq!(out.status.code(), Some(1), "{}", render(&out));
        assert!(out.stderr.is_empty(), "{}", render(&out));
    }
    assert_eq!(files(r.path()), before, "a file was written");

    // Only `--format github` writes a summary.
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    for format in ["text", "json", "junit"] {
        trame(
            &["check", "--format", format],
            r.path(),
            &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
        );
        assert!(!summary.exists(), "{format} wrote a summary");
    }
}

/// A summary that cannot be written is a warning: the check's result is
/// the annotations and the exit code.
#[test]
fn a_summary_that_cannot_be_written_is_a_warning() {
    let mut r = TestRepo::new();
    r.write("content/a.md", "# Title\n\nA paragraph.\n");
    r.write("content/a.fr.md", "# Titre\n\nUn paragraphe.\n");
    r.commit("English and French");
    let dir = tempfile::tempdir().unwrap();
    let out = trame(
        &["check", "--format", "github"],
        r.path(),
        &[("GITHUB_STEP_SUMMARY", dir.path().to_str().unwrap())],
    );
    let shown = render(&out).replace(dir.path().to_str().unwrap(), "$DIR");
    insta::assert_snapshot!(shown, @r"
    ------- stderr -------
    trame: warning: cannot append the job summary to $DIR: Is a directory (os error 21)
    [exit status: 0]
    ");
}
