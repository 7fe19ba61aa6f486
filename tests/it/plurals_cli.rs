//! Counts on the command line in French and Italian: `trame status` and
//! `trame check` with 0, 1 and 2 of a kind, the words asserted as written
//! (French: 0 and 1 are singular; Italian: only 1 is).

use crate::support::{TestRepo, render, trame};

/// A page of `n` paragraphs whose translation follows it, each with a link.
fn page(title: &str, paragraphs: &[&str]) -> String {
    let mut out = format!("# {title}\n");
    for (k, p) in paragraphs.iter().enumerate() {
        out.push_str(&format!(
            "\n{p} See [the notes](https://notes.example/{k}).\n"
        ));
    }
    out
}

const EN: [&str; 4] = [
    "The library stays open until eight in the evening during the summer.",
    "Members vote on the budget at the general assembly every spring.",
    "The weekly meeting takes place in the small room on the second floor.",
    "Coffee and biscuits are offered by the association to every visitor.",
];
const FR: [&str; 4] = [
    "La bibliothèque reste ouverte jusqu'à huit heures du soir pendant l'été.",
    "Les membres votent le budget à l'assemblée générale chaque printemps.",
    "La réunion hebdomadaire a lieu dans la petite salle du deuxième étage.",
    "Le café et les biscuits sont offerts par l'association à chaque visiteur.",
];
const IT: [&str; 4] = [
    "La biblioteca resta aperta fino alle otto di sera durante l'estate.",
    "I soci votano il bilancio all'assemblea generale ogni primavera.",
    "La riunione settimanale si tiene nella saletta al secondo piano.",
    "Caffè e biscotti sono offerti dall'associazione a ogni visitatore.",
];

/// Pages `a`, `b` and `c` translated in French and Italian; then the
/// translations of `b` and `c` lose one and two links (in the first
/// paragraphs), and later the English of `b` changes one paragraph (the
/// last) and adds one, that of `c` two and two. So `a`
/// has 0 stale, 0 missing and 0 findings, `b` 1 of each and `c` 2.
/// Coverage is not required, so every error is a stale segment.
fn repo() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("trame.toml", "[check]\ncoverage = 0\n");
    for name in ["a", "b", "c"] {
        r.write(&format!("content/{name}.md"), &page("Notes", &EN));
        r.write(&format!("content/{name}.fr.md"), &page("Notes", &FR));
        r.write(&format!("content/{name}.it.md"), &page("Note", &IT));
    }
    r.commit("English, French and Italian");
    let changed = [
        "The weekly meeting moved to the large hall downstairs, on Friday evenings.",
        "Visitors now bring their own food, since the association stopped buying it.",
    ];
    let added = [
        "Children under twelve must come with an adult.",
        "Dogs on a leash are welcome in the garden.",
    ];
    for (name, n) in [("b", 1), ("c", 2)] {
        for (lang, text) in [("fr", FR), ("it", IT)] {
            let mut translated = page(if lang == "fr" { "Notes" } else { "Note" }, &text);
            for k in 0..n {
                translated = translated
                    .replace(&format!(" See [the notes](https://notes.example/{k})."), "");
            }
            r.write(&format!("content/{name}.{lang}.md"), &translated);
        }
    }
    r.commit("Translations lost links");
    // The last paragraphs change, not those that lost their links: a stale
    // row's links are not findings of their own.
    for (name, n) in [("b", 1), ("c", 2)] {
        let mut en: Vec<&str> = EN[..EN.len() - n].to_vec();
        en.extend(&changed[..n]);
        en.extend(&added[..n]);
        r.write(&format!("content/{name}.md"), &page("Notes", &en));
    }
    r.commit("English changed");
    r
}

fn run(r: &TestRepo, lang: &str, args: &[&str]) -> String {
    let out = trame(args, r.path(), &[("LANG", lang)]);
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", render(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// The last line of a run: the summary of `check`.
fn last_line(out: &str) -> &str {
    out.lines().last().unwrap_or("")
}

#[test]
fn status_speaks_french_and_italian_with_plurals() {
    let r = repo();
    let status = run(&r, "fr_FR.UTF-8", &["status", "--lang", "fr"]);
    for (page, words) in [
        ("a", "(0 obsolète, 0 manquant)"),
        ("b", "(1 obsolète, 1 manquant)"),
        ("c", "(2 obsolètes, 2 manquants)"),
    ] {
        let line = status
            .lines()
            .find(|l| l.starts_with(&format!("content/{page}.md")))
            .unwrap_or_else(|| panic!("no line for {page}: {status}"));
        assert!(line.ends_with(words), "{page}: {line}");
    }
    assert!(status.starts_with("3 pages (fr)"), "{status}");

    let status = run(&r, "it_IT.UTF-8", &["status", "--lang", "it"]);
    for (page, words) in [
        ("a", "(0 obsoleti, 0 mancanti)"),
        ("b", "(1 obsoleto, 1 mancante)"),
        ("c", "(2 obsoleti, 2 mancanti)"),
    ] {
        let line = status
            .lines()
            .find(|l| l.starts_with(&format!("content/{page}.md")))
            .unwrap_or_else(|| panic!("no line for {page}: {status}"));
        assert!(line.ends_with(words), "{page}: {line}");
    }
    let one = run(
        &r,
        "it_IT.UTF-8",
        &["status", "content/a.md", "--lang", "it"],
    );
    assert!(one.starts_with("una pagina (it)"), "{one}");
}

#[test]
fn check_speaks_french_and_italian_with_plurals() {
    let r = repo();
    let check = |lang: &str, path: &str| run(&r, lang, &["check", path]).to_owned();
    for (path, summary) in [
        (
            "content/a.fr.md",
            "trame check : 0 erreur, 0 avertissement dans 1 traduction",
        ),
        (
            "content/b.fr.md",
            "trame check : 1 erreur, 1 avertissement dans 1 traduction",
        ),
        (
            "content/c.fr.md",
            "trame check : 2 erreurs, 2 avertissements dans 1 traduction",
        ),
        (
            "content/a.md",
            "trame check : 0 erreur, 0 avertissement dans 2 traductions",
        ),
    ] {
        let out = check("fr_FR.UTF-8", path);
        assert_eq!(last_line(&out), summary, "{out}");
    }
    for (path, summary) in [
        (
            "content/a.it.md",
            "trame check: 0 errori, 0 avvisi in una traduzione",
        ),
        (
            "content/b.it.md",
            "trame check: un errore, un avviso in una traduzione",
        ),
        (
            "content/c.it.md",
            "trame check: 2 errori, 2 avvisi in una traduzione",
        ),
        (
            "content/a.md",
            "trame check: 0 errori, 0 avvisi in 2 traduzioni",
        ),
    ] {
        let out = check("it_IT.UTF-8", path);
        assert_eq!(last_line(&out), summary, "{out}");
    }
}
