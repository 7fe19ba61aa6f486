//! `trame write` and `trame sync` end to end: the real binary on copies of
//! `tests/data/write/` in temporary directories (git repositories built in
//! the test for `sync`), plus the save guard through the library.

use std::path::{Path, PathBuf};

use trame::workspace::SaveError;
use trame::workspace::write::{plan_write, save};

use crate::support::{self, TestRepo};

/// Copies the files of `tests/data/write/<case>/` into `dir`.
fn copy_case(case: &str, dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/write")
        .join(case);
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
}

fn data(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/write")
        .join(rel);
    std::fs::read_to_string(path).unwrap()
}

/// What a translation must keep of its source: link destinations (in-page
/// anchors aside, which follow the translated headings), shortcode `src`
/// values and front-matter keys, each in order.
#[derive(Debug, PartialEq)]
struct Kept {
    urls: Vec<String>,
    srcs: Vec<String>,
    keys: Vec<String>,
}

fn kept(text: &str) -> Kept {
    let (doc, _) = trame::segment::parse(text);
    // URLs seen by the segmenter, and every destination written in the text
    // (reference definitions and shortcodes are not segments).
    let mut urls: Vec<String> = doc
        .segments
        .iter()
        .flat_map(|s| s.invariants.urls.iter().cloned())
        .filter(|u| !u.starts_with('#'))
        .collect();
    for scheme in ["](", "http://", "https://", "mailto:"] {
        let mut rest = text;
        while let Some(at) = rest.find(scheme) {
            let tail = &rest[at + if scheme == "](" { 2 } else { 0 }..];
            let end = tail
                .find(|c: char| c.is_whitespace() || ")\"'>]".contains(c))
                .unwrap_or(tail.len());
            if !tail.starts_with('#') {
                urls.push(format!("{scheme} {}", &tail[..end]));
            }
            rest = &rest[at + scheme.len()..];
        }
    }
    urls.sort();
    let srcs = text
        .split("src=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect();
    let mut keys = Vec::new();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) == Some("---") {
        for line in lines.take_while(|l| l.trim_end() != "---") {
            let name = line.split(':').next().unwrap();
            if line.contains(':') && !name.trim().is_empty() && !name.trim().contains(' ') {
                keys.push(name.to_owned());
            }
        }
    }
    Kept { urls, srcs, keys }
}

#[test]
fn write_creates_a_translation_from_memory_and_keeps_links_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    let output = support::trame(
        &["write", "2026-09-05-newsletter.md", "--lang", "it"],
        dir.path(),
        &[],
    );
    insta::assert_snapshot!("write_create", support::render(&output));
    let created = std::fs::read_to_string(dir.path().join("2026-09-05-newsletter.it.md")).unwrap();
    insta::assert_snapshot!("write_create_file", created);
    let english = data("newsletter/2026-09-05-newsletter.md");
    assert_eq!(kept(&created), kept(&english));
    // Writing again finds nothing new in the memory and changes nothing.
    let again = support::trame(
        &["write", "2026-09-05-newsletter.md", "--lang", "it"],
        dir.path(),
        &[],
    );
    assert!(again.status.success());
    let after = std::fs::read_to_string(dir.path().join("2026-09-05-newsletter.it.md")).unwrap();
    assert_eq!(after, created);
}

#[test]
fn write_fills_a_missing_segment_from_memory() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    copy_case("fill", dir.path());
    let output = support::trame(
        &["write", "2026-09-05-newsletter.md", "--lang", "it"],
        dir.path(),
        &[],
    );
    insta::assert_snapshot!("write_fill", support::render(&output));
    let filled = std::fs::read_to_string(dir.path().join("2026-09-05-newsletter.it.md")).unwrap();
    let before = data("fill/2026-09-05-newsletter.it.md");
    // Only the new paragraph and its blank line were added.
    let added = "Date anche un'occhiata al nostro [feed RSS](https://loom.example/feed.xml)!\n\n";
    assert_eq!(filled.replacen(added, "", 1), before);
}

#[test]
fn write_speaks_french_with_plurals() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    copy_case("fill", dir.path());
    let output = support::trame(
        &["write", "2026-09-05-newsletter.md", "--lang", "it"],
        dir.path(),
        &[("LANG", "fr_FR.UTF-8")],
    );
    insta::assert_snapshot!("write_fill_fr", support::render(&output));
}

#[test]
fn write_dry_run_prints_a_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    copy_case("fill", dir.path());
    let target = dir.path().join("2026-09-05-newsletter.it.md");
    let before = std::fs::read(&target).unwrap();
    let output = support::trame(
        &[
            "write",
            "2026-09-05-newsletter.md",
            "--lang",
            "it",
            "--dry-run",
        ],
        dir.path(),
        &[],
    );
    insta::assert_snapshot!("write_dry_run", support::render(&output));
    assert_eq!(std::fs::read(&target).unwrap(), before);

    // A translation that does not exist is not created.
    std::fs::remove_file(&target).unwrap();
    let output = support::trame(
        &[
            "write",
            "2026-09-05-newsletter.md",
            "--lang",
            "it",
            "--dry-run",
        ],
        dir.path(),
        &[],
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("+++ 2026-09-05-newsletter.it.md"));
    assert!(!target.exists());
}

#[test]
fn write_keeps_the_bom_and_crlf_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    let path = dir.path().join("2026-09-05-newsletter.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&path, &crlf).unwrap();
    let output = support::trame(
        &["write", "2026-09-05-newsletter.md", "--lang", "it"],
        dir.path(),
        &[],
    );
    assert!(output.status.success(), "{}", support::render(&output));
    let created = std::fs::read_to_string(dir.path().join("2026-09-05-newsletter.it.md")).unwrap();
    assert!(created.starts_with('\u{feff}'));
    assert_eq!(
        created.matches('\n').count(),
        created.matches("\r\n").count()
    );
    assert!(created.ends_with("\r\n"));
    // The same translation as from the LF file, line ends aside.
    let lf = created.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let from_memory = "Questa newsletter è scritta da volontari.";
    assert!(lf.contains(from_memory), "{lf}");
}

#[test]
fn write_refuses_a_translation_as_source_and_a_bad_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    let output = support::trame(
        &["write", "2026-08-05-newsletter.it.md", "--lang", "fr"],
        dir.path(),
        &[],
    );
    insta::assert_snapshot!("write_not_a_source", support::render(&output));
    let output = support::trame(
        &["write", "2026-08-05-newsletter.md", "--lang", "en"],
        dir.path(),
        &[],
    );
    insta::assert_snapshot!("write_bad_lang", support::render(&output));
    let output = support::trame(&["write", "nowhere.md", "--lang", "it"], dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nowhere.md"));
}

#[test]
fn a_write_over_a_file_changed_on_disk_is_refused_and_both_versions_survive() {
    let dir = tempfile::tempdir().unwrap();
    copy_case("newsletter", dir.path());
    copy_case("fill", dir.path());
    let source = dir.path().join("2026-09-05-newsletter.md");
    let target = dir.path().join("2026-09-05-newsletter.it.md");
    let plan = plan_write(
        &trame::workspace::Project::for_paths(std::slice::from_ref(&source)).unwrap(),
        &source,
        "it",
    )
    .unwrap();
    assert!(plan.changes_file());
    // A translator saves the file meanwhile.
    let theirs = std::fs::read_to_string(&target)
        .unwrap()
        .replace("Licenza", "Licenza d'uso");
    std::fs::write(&target, &theirs).unwrap();
    let err = save(None, &plan.path, plan.original.as_deref(), &plan.text).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("2026-09-05-newsletter.it.md"));
    // Theirs is on disk, ours is still in the plan.
    assert_eq!(std::fs::read_to_string(&target).unwrap(), theirs);
    assert!(plan.text.contains("feed RSS") && !plan.text.contains("Licenza d'uso"));
    // Planned again from the new file, the write keeps their edit.
    let again = plan_write(
        &trame::workspace::Project::for_paths(std::slice::from_ref(&source)).unwrap(),
        &source,
        "it",
    )
    .unwrap();
    save(None, &again.path, again.original.as_deref(), &again.text).unwrap();
    let now = std::fs::read_to_string(&target).unwrap();
    assert!(now.contains("Licenza d'uso") && now.contains("feed RSS"));
    // A file created meanwhile is not overwritten either.
    let new_source = dir.path().join("2026-08-05-newsletter.md");
    let new_plan = plan_write(
        &trame::workspace::Project::for_paths(std::slice::from_ref(&new_source)).unwrap(),
        &new_source,
        "fr",
    )
    .unwrap();
    assert!(new_plan.original.is_none());
    std::fs::write(&new_plan.path, "Bonjour.\n").unwrap();
    let err = save(None, &new_plan.path, None, &new_plan.text).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(&new_plan.path).unwrap(),
        "Bonjour.\n"
    );
}

/// A repository where the English changed two links after the French was made.
fn sync_repo() -> (TestRepo, PathBuf) {
    let mut repo = TestRepo::new();
    repo.write("content/2026-09-05-newsletter.md", &data("sync/en.v1.md"));
    repo.write("content/2026-09-05-newsletter.fr.md", &data("sync/fr.md"));
    repo.commit("September issue, in French too");
    repo.write("content/2026-09-05-newsletter.md", &data("sync/en.v2.md"));
    repo.commit("Heddle moved its release pages");
    let target = repo.path().join("content/2026-09-05-newsletter.fr.md");
    (repo, target)
}

#[test]
fn sync_dry_run_shows_the_diff_and_writes_nothing() {
    let (repo, target) = sync_repo();
    let before = std::fs::read(&target).unwrap();
    let output = support::trame(&["sync", "--dry-run"], repo.path(), &[]);
    insta::assert_snapshot!("sync_dry_run", support::render(&output));
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn sync_carries_a_changed_url_and_points_anchors_at_translated_headings() {
    let (repo, target) = sync_repo();
    let output = support::trame(&["sync"], repo.path(), &[]);
    insta::assert_snapshot!("sync", support::render(&output));
    let synced = std::fs::read_to_string(&target).unwrap();
    let expected = data("sync/fr.md")
        .replace(
            "(https://heddle.example/0.3)",
            "(https://heddle.example/releases/0.3)",
        )
        .replace(
            "(#help-us-build-the-newsletter)",
            "(#aidez-nous-à-écrire-la-lettre)",
        );
    assert_eq!(synced, expected);
    // Synced again, nothing changes.
    let again = support::trame(&["sync"], repo.path(), &[]);
    assert!(again.status.success());
    assert!(!String::from_utf8_lossy(&again.stdout).contains('→'));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), expected);
}

#[test]
fn creating_an_italian_newsletter_keeps_every_url_src_and_front_matter_key() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let from = corpus.join("xsf-xmpp.org/content/blog/newsletter");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let name = "2023-12-05-newsletter.md";
    let output = support::trame(&["write", name, "--lang", "it"], dir.path(), &[]);
    assert!(output.status.success(), "{}", support::render(&output));
    let english = std::fs::read_to_string(dir.path().join(name)).unwrap();
    let created = std::fs::read_to_string(dir.path().join("2023-12-05-newsletter.it.md")).unwrap();
    let (k_en, k_it) = (kept(&english), kept(&created));
    assert!(!k_en.urls.is_empty() && !k_en.srcs.is_empty() && !k_en.keys.is_empty());
    assert_eq!(k_it, k_en);
    // The memory of the four Italian issues translated part of it.
    assert_ne!(created, english);
    let (doc, _) = trame::segment::parse(&created);
    let (en_doc, _) = trame::segment::parse(&english);
    assert_eq!(doc.segments.len(), en_doc.segments.len());
}

#[test]
fn sync_localizes_site_links_when_trame_toml_asks() {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "content/en/pod.md",
        "# Pod\n\nA [pod](/pod/) runs [containers](/container/), see ![x](/images/a.png).\n",
    );
    let fr = "# Pod\n\nUn [pod](/pod/) exécute des [conteneurs](/fr/container/), voir ![x](/images/a.png).\n";
    write("content/fr/pod.md", fr);
    // Without the rule, links are left alone.
    let out = support::trame(&["sync", "content"], dir.path(), &[]);
    assert!(out.status.success(), "{}", support::render(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/fr/pod.md")).unwrap(),
        fr
    );
    write("trame.toml", "[links]\nlocalize = [\"/\"]\n");
    let out = support::trame(&["sync", "content"], dir.path(), &[]);
    insta::assert_snapshot!(support::render(&out), @r"
    content/fr/pod.md:3: /pod/ → /fr/pod/
    one change in one file, nothing left for translators
    ------- stderr -------
    trame: warning: content is not in a git repository: staleness is unknown, only missing segments are reported
    [exit status: 0]
    ");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/fr/pod.md")).unwrap(),
        fr.replace("[pod](/pod/)", "[pod](/fr/pod/)")
    );
}

#[test]
fn write_does_not_add_a_heading_the_translation_has_at_another_level() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    // The memory knows "Share the news" as "Partagez les nouvelles" (`##`).
    w(
        "b.md",
        "# Newsletter of April\n\n## Share the news\n\nAnother paragraph about something else entirely.\n",
    );
    w(
        "b.fr.md",
        "# Lettre d'avril\n\n## Partagez les nouvelles\n\nUn autre paragraphe qui parle de tout autre chose.\n",
    );
    w(
        "a.md",
        "# Newsletter of March\n\n\
         Welcome to the March issue of our newsletter, with many things to read.\n\n\
         ## Share the news\n\n\
         Please share this post within your network, and tell your friends about the project.\n\n\
         ## Events\n\n\
         The sprint in Lyon takes place from 9 to 11 October, and all are welcome.\n",
    );
    // Here it is a `###` heading with a `!`, which the aligner does not
    // pair with the English heading.
    let french = "# Lettre de mars\n\n\
         Bienvenue dans le numéro de mars de notre lettre, avec beaucoup à lire.\n\n\
         Un paragraphe ajouté par les traducteurs, sans équivalent anglais ici.\n\n\
         ### Partagez les nouvelles !\n\n\
         Le sprint de Lyon a lieu du 9 au 11 octobre, et tout le monde est bienvenu.\n";
    w("a.fr.md", french);
    let (source, target) = (dir.path().join("a.md"), dir.path().join("a.fr.md"));
    let (en, fr) = (
        trame::segment::parse(&std::fs::read_to_string(&source).unwrap()).0,
        trame::segment::parse(french).0,
    );
    let alignment = trame::align::align(&en, &fr);
    let heading = en
        .segments
        .iter()
        .position(|s| s.text == "Share the news")
        .unwrap();
    assert!(
        alignment
            .rows
            .iter()
            .any(|r| r.source == (heading..heading + 1) && r.target.is_empty()),
        "the case needs the English heading left without its translation"
    );
    let project = trame::workspace::Project::discover(Some(dir.path())).unwrap();
    let plan = plan_write(&project, &source, "fr").unwrap();
    assert_eq!(plan.text, french, "no second heading");
    assert!(!plan.missing.iter().any(|m| m.segment == heading));
    let out = support::trame(&["write", "a.md", "--lang", "fr"], dir.path(), &[]);
    assert!(out.status.success(), "{}", support::render(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), french);
}

/// A code block the translation kept as the English had it is carried
/// whole when the English block changes (a command's new output, at the
/// indentation of the list item it sits in); one whose comments the
/// translator translated is left, with its reason. Synced again, nothing
/// changes.
#[test]
fn sync_carries_a_code_block_the_translation_kept_as_it_was() {
    const EN: &str = "# Install\n\n1. Run the installer:\n\n   ```console\n   $ loom install\n   Installed loom 1.0\n   ```\n\nConfigure it in the file below.\n\n```yaml\n# the spool size\nspool: 4\n```\n";
    const FR: &str = "# Installation\n\n1. Lancez l'installateur :\n\n   ```console\n   $ loom install\n   Installed loom 1.0\n   ```\n\nConfigurez-le dans le fichier ci-dessous.\n\n```yaml\n# la taille de la bobine\nspool: 4\n```\n";
    let mut r = support::TestRepo::new();
    r.write("content/en/install.md", EN);
    r.write("content/fr/install.md", FR);
    r.commit("English and French");
    r.write(
        "content/en/install.md",
        &EN.replace(
            "   $ loom install\n   Installed loom 1.0\n",
            "   $ loom install --user\n   Fetched loom 2.0\n   Installed loom 2.0 in ~/.loom\n",
        )
        .replace("spool: 4", "spool: 8"),
    );
    r.commit("New installer output, bigger spool");
    let output = support::trame(&["sync"], r.path(), &[]);
    assert!(output.status.success(), "{}", support::render(&output));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("content/fr/install.md:6: $ loom install → $ loom install --user"),
        "{out}"
    );
    assert!(
        out.contains("content/fr/install.md:13: not carried, the translation's code block is not the old English one"),
        "{out}"
    );
    let expected = FR.replace(
        "   $ loom install\n   Installed loom 1.0\n",
        "   $ loom install --user\n   Fetched loom 2.0\n   Installed loom 2.0 in ~/.loom\n",
    );
    let synced = std::fs::read_to_string(r.path().join("content/fr/install.md")).unwrap();
    assert_eq!(synced, expected);
    let again = support::trame(&["sync"], r.path(), &[]);
    assert!(again.status.success(), "{}", support::render(&again));
    assert!(!String::from_utf8_lossy(&again.stdout).contains('→'));
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/fr/install.md")).unwrap(),
        expected
    );
}
