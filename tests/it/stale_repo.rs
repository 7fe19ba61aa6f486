//! Staleness from git history, on hermetic repositories built in the test
//! (fixed author and dates, no user configuration involved).

use std::path::{Path, PathBuf};

use trame::stale::State;
use trame::workspace::{self, StaleDoc, StaleNote};

use crate::support::{self, TestRepo};

/// Returns (English start line, state) of every labelled source segment.
fn states(doc: &StaleDoc) -> Vec<(u32, State)> {
    doc.labels
        .iter()
        .map(|l| {
            (
                l.source
                    .map_or(0, |i| doc.source.document.segments[i].lines.0),
                l.state,
            )
        })
        .collect()
}

const EN: &str = "# News\n\nThe sprint is in Lyon this year.\n\nSee the [docs](https://loom.example/docs/1) first.\n\nWe recieve patches by mail.\n\nThis paragraph\nwill be re-wrapped.\n\nThis paragraph will be deleted.\n";
const FR: &str = "# Nouvelles\n\nLe sprint a lieu à Lyon cette année.\n\nLisez d'abord la [doc](https://loom.example/docs/1).\n\nNous recevons les correctifs par courriel.\n\nCe paragraphe sera reformaté.\n\nCe paragraphe sera supprimé.\n";

#[test]
fn every_label_from_a_two_commit_history() {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", FR);
    r.commit("English and French");
    let en2 = EN
        .replace("in Lyon this year", "in Berlin next year")
        .replace("docs/1", "docs/2")
        .replace("recieve", "receive")
        .replace(
            "This paragraph\nwill be re-wrapped.",
            "This paragraph will be\nre-wrapped.",
        )
        .replace(
            "\nThis paragraph will be deleted.\n",
            "\nA brand new closing note about the sprint.\n",
        );
    r.write("content/a.md", &en2);
    r.commit("English edits");
    let (docs, notes) = r.staleness(None);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    // Where the missing English and the removed French sit relative to each
    // other is not specified: compared in line order.
    let mut got = states(d);
    got.sort_by_key(|(line, _)| if *line == 0 { u32::MAX } else { *line });
    assert_eq!(
        got,
        [
            (1, State::UpToDate),
            (3, State::Stale),
            (5, State::LinkOnly),
            (7, State::Cosmetic),
            (9, State::Cosmetic),
            // A paragraph replaced by one with nothing in common: the new
            // one is missing, the French of the old one is removed.
            (12, State::Missing),
            (0, State::Removed)
        ]
    );
    // The diff of the meaning change, and the base commit (the translation's).
    let stale = &d.labels[1];
    let rendered = trame::cli::render_diff(&stale.diff, false);
    assert_eq!(
        rendered,
        "The sprint is in [-Lyon this-]{+Berlin next+} year."
    );
    let first_commit = r.repo.revparse_single("HEAD~1").unwrap().id().to_string();
    assert_eq!(stale.base_commit.as_deref(), Some(first_commit.as_str()));
}

#[test]
fn missing_removed_and_uncommitted_translation_edits() {
    let mut r = TestRepo::new();
    r.write(
        "a.md",
        "# News\n\nFirst paragraph about Loom.\n\nSecond paragraph about Warp.\n",
    );
    r.write(
        "a.it.md",
        "# Notizie\n\nPrimo paragrafo su Loom.\n\nSecondo paragrafo su Warp.\n",
    );
    r.commit("both");
    r.write("a.md", "# News\n\nFirst paragraph about Loom.\n\nA third paragraph about [Shuttle](https://shuttle.example/).\n");
    r.commit("English replaces the second paragraph");
    let (docs, _) = r.staleness(Some("it"));
    let d = &docs[0];
    let all: Vec<State> = d.labels.iter().map(|l| l.state).collect();
    assert!(
        all.contains(&State::Missing) || all.contains(&State::Stale),
        "{all:?}"
    );
    // Translate the new paragraph in the work tree (uncommitted): up to date.
    r.write("a.it.md", "# Notizie\n\nPrimo paragrafo su Loom.\n\nUn terzo paragrafo su [Shuttle](https://shuttle.example/).\n");
    let (docs, _) = r.staleness(Some("it"));
    assert!(
        docs[0].labels.iter().all(|l| l.state == State::UpToDate),
        "{:?}",
        states(&docs[0])
    );
}

#[test]
fn a_removed_english_paragraph_is_reported_on_the_translation() {
    let mut r = TestRepo::new();
    r.write("a.md", "# News\n\nKeep this paragraph about [Loom](https://loom.example/).\n\nDrop this paragraph about [Warp](https://warp.example/).\n\n## End\n");
    r.write("a.fr.md", "# Nouvelles\n\nGarder ce paragraphe sur [Loom](https://loom.example/).\n\nSupprimer ce paragraphe sur [Warp](https://warp.example/).\n\n## Fin\n");
    r.commit("both");
    r.write(
        "a.md",
        "# News\n\nKeep this paragraph about [Loom](https://loom.example/).\n\n## End\n",
    );
    r.commit("English drops a paragraph");
    let (docs, _) = r.staleness(None);
    let removed: Vec<_> = docs[0]
        .labels
        .iter()
        .filter(|l| l.state == State::Removed)
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(
        docs[0].target.document.segments[removed[0].target.start]
            .lines
            .0,
        5
    );
}

#[test]
fn renames_are_followed() {
    let mut r = TestRepo::new();
    r.write("old/a.md", EN);
    r.write("old/a.fr.md", FR);
    r.commit("first");
    std::fs::rename(r.path().join("old"), r.path().join("new")).unwrap();
    r.commit("move the folder");
    let en2 = EN.replace("in Lyon this year", "in Berlin next year");
    r.write("new/a.md", &en2);
    r.commit("English edit after the move");
    let (docs, notes) = r.staleness(None);
    assert!(notes.is_empty(), "{notes:?}");
    let s = states(&docs[0]);
    assert_eq!(s[1], (3, State::Stale));
    assert!(
        s.iter().filter(|(_, st)| *st == State::Stale).count() == 1,
        "{s:?}"
    );
}

#[test]
fn a_translation_committed_before_the_english_fix_it_already_has() {
    let mut r = TestRepo::new();
    r.write(
        "a.md",
        "# News\n\nRead the [notes](https://loom.example/notes-typo) now.\n",
    );
    r.write(
        "a.it.md",
        "# Notizie\n\nLeggete le [note](https://loom.example/notes) ora.\n",
    );
    r.commit("English with a broken link, Italian with the right one");
    r.write(
        "a.md",
        "# News\n\nRead the [notes](https://loom.example/notes) now.\n",
    );
    r.commit("Fix the English link");
    let (docs, _) = r.staleness(None);
    assert_eq!(
        states(&docs[0]),
        [(1, State::UpToDate), (3, State::AlreadyUpdated)]
    );
}

#[test]
fn text_the_translation_had_before_the_english_is_already_updated() {
    // One change committed language by language, the translation first: a
    // description and a paragraph in French on one day, in English the
    // next, which also adds a paragraph of its own.
    let mut r = TestRepo::new();
    r.write(
        "a.md",
        "---\ntitle: News\n---\n\n# News\n\nThe sprint is in Lyon.\n\nReleases come out monthly.\n",
    );
    r.write(
        "a.fr.md",
        "---\ntitle: Nouvelles\ndescription: Les nouvelles du projet Loom.\n---\n\n# Nouvelles\n\nLe sprint a lieu à Lyon.\n\nLes contributions des volontaires restent importantes pour le projet Loom.\n\nLes versions sortent chaque mois.\n",
    );
    r.commit("French first");
    r.write(
        "a.md",
        "---\ntitle: News\ndescription: The news of the Loom project.\n---\n\n# News\n\nThe sprint is in Lyon.\n\nContributions from volunteers remain important for the Loom project.\n\nReleases come out monthly.\n\nEach release lists its [changes](https://loom.example/changes).\n",
    );
    r.commit("English catches up, and adds a paragraph");
    let (docs, notes) = r.staleness(None);
    assert!(notes.is_empty(), "{notes:?}");
    let got = states(&docs[0]);
    assert!(got.contains(&(3, State::AlreadyUpdated)), "{got:?}");
    assert!(got.contains(&(10, State::AlreadyUpdated)), "{got:?}");
    // The English added after, with nothing translated for it.
    assert!(got.contains(&(14, State::Missing)), "{got:?}");
    assert!(!got.iter().any(|(_, s)| *s == State::Stale), "{got:?}");
}

#[test]
fn english_changed_after_it_caught_up_with_the_translation_is_stale() {
    // The French first, the English written from it, then the English
    // changes one paragraph: that change is to translate.
    let mut r = TestRepo::new();
    r.write("a.md", "---\ntitle: News\n---\n");
    r.write(
        "a.fr.md",
        "# Nouvelles\n\nLes contributions des volontaires restent importantes pour le projet Loom.\n\nLes versions du projet Loom sortent chaque mois, avec leurs notes.\n",
    );
    r.commit("French first, English page without text");
    r.write(
        "a.md",
        "# News\n\nContributions from volunteers remain important for the Loom project.\n\nReleases of the Loom project come out every month, with their notes.\n",
    );
    r.commit("English from the French");
    r.write(
        "a.md",
        "# News\n\nContributions from volunteers remain important for the Loom project.\n\nReleases of the Loom project come out every week, with their notes.\n",
    );
    r.commit("Weekly releases");
    let (docs, notes) = r.staleness(None);
    assert!(notes.is_empty(), "{notes:?}");
    let d = &docs[0];
    let got = states(d);
    assert!(got.contains(&(3, State::AlreadyUpdated)), "{got:?}");
    assert!(got.contains(&(5, State::Stale)), "{got:?}");
    // Against the English as first written, not as an English wholly added.
    let stale = d.labels.iter().find(|l| l.state == State::Stale).unwrap();
    let text: Vec<String> = stale
        .diff
        .iter()
        .map(|c| format!("{:?} {}", c.op, c.text))
        .collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("Delete") && t.contains("month")),
        "{text:?}"
    );
}

#[test]
fn a_translation_updated_paragraph_by_paragraph() {
    let mut r = TestRepo::new();
    let en = |a: &str, b: &str, c: &str| format!("# T\n\nOne {a}.\n\nTwo {b}.\n\nThree {c}.\n");
    let fr = |a: &str, b: &str, c: &str| format!("# T\n\nUn {a}.\n\nDeux {b}.\n\nTrois {c}.\n");
    r.write("a.md", &en("apple", "banana", "cherry"));
    r.write("a.fr.md", &fr("pomme", "banane", "cerise"));
    r.commit("first");
    r.write("a.md", &en("grape", "lemon", "melon"));
    r.commit("English changes all three");
    r.write("a.fr.md", &fr("raisin", "banane", "cerise"));
    r.commit("French updates the first");
    r.write("a.fr.md", &fr("raisin", "citron", "cerise"));
    r.commit("French updates the second");
    let (docs, _) = r.staleness(None);
    assert_eq!(
        states(&docs[0]),
        [
            (1, State::UpToDate),
            (3, State::UpToDate),
            (5, State::UpToDate),
            (7, State::Stale)
        ]
    );
}

#[test]
fn no_repository_degrades_to_missing_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# Loom\n\nThe first paragraph about [Loom](https://loom.example/).\n\n## Warp\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.fr.md"),
        "# Loom\n\nLe premier paragraphe sur [Loom](https://loom.example/).\n",
    )
    .unwrap();
    let (docs, notes) =
        workspace::staleness(&project_of(dir.path()), &[dir.path().to_owned()], None).unwrap();
    assert!(
        matches!(notes[..], [StaleNote::NoRepository { .. }]),
        "{notes:?}"
    );
    let s: Vec<State> = docs[0].labels.iter().map(|l| l.state).collect();
    assert_eq!(s, [State::UpToDate, State::UpToDate, State::Missing]);
}

#[test]
fn a_review_settles_a_stale_segment_and_is_written_once() {
    let mut r = TestRepo::new();
    r.write("a.md", EN);
    r.write("a.fr.md", FR);
    r.commit("first");
    r.write(
        "a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("English edit");
    let (docs, _) = r.staleness(None);
    assert_eq!(docs[0].labels[1].state, State::Stale);
    // The translator decides the French is fine as it is (segment 2).
    let run = |args: &[&str]| support::trame(args, r.path(), &[]);
    let out = run(&["review", "a.md", "--lang", "fr", "--segment", "2"]);
    assert!(out.status.success(), "{}", support::render(&out));
    let (docs, _) = r.staleness(None);
    assert_eq!(docs[0].labels[1].state, State::UpToDate);
    let records = std::fs::read_to_string(r.path().join(".trame-reviews")).unwrap();
    assert_eq!(records.lines().filter(|l| !l.starts_with('#')).count(), 1);
    let again = run(&["review", "a.md", "--lang", "fr", "--segment", "2"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("nothing written"),
        "{}",
        support::render(&again)
    );
}

/// The corpus `_history` cases rebuilt as two-commit repositories: the older
/// English with the translation, then the current English.
#[test]
fn corpus_history_cases() {
    let Some(corpus) = support::corpus() else {
        return;
    };
    let manifest = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap();
    let mut n_cases = 0;
    for line in manifest.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (file, role) = (f[0], f[2]);
        let Some(lang) = role.strip_prefix("base-for-") else {
            continue;
        };
        let source_root = file.split('/').next().unwrap();
        let path_in_repo = f[5];
        let current_en = corpus.join(source_root).join(path_in_repo);
        let translation_rel: PathBuf = if path_in_repo.contains("/en/") {
            PathBuf::from(path_in_repo.replacen("/en/", &format!("/{lang}/"), 1))
        } else {
            PathBuf::from(path_in_repo.replace(".md", &format!(".{lang}.md")))
        };
        let translation = corpus.join(source_root).join(&translation_rel);
        if !current_en.exists() || !translation.exists() {
            continue;
        }
        let mut r = TestRepo::new();
        r.write(
            path_in_repo,
            &std::fs::read_to_string(corpus.join(file)).unwrap(),
        );
        r.write(
            translation_rel.to_str().unwrap(),
            &std::fs::read_to_string(&translation).unwrap(),
        );
        r.commit("base English and translation");
        r.write(path_in_repo, &std::fs::read_to_string(&current_en).unwrap());
        r.commit("current English");
        let (docs, notes) = r.staleness(Some(lang));
        assert!(notes.is_empty(), "{file}: {notes:?}");
        assert_eq!(docs.len(), 1, "{file}");
        let d = &docs[0];
        let changed = d
            .labels
            .iter()
            .filter(|l| l.state != State::UpToDate)
            .count();
        let texts = |p: &Path| {
            let (doc, _) = trame::segment::parse(&std::fs::read_to_string(p).unwrap());
            doc.segments.into_iter().map(|s| s.text).collect::<Vec<_>>()
        };
        // A new or changed English segment must be reported; a deletion the
        // translation already reflects needs nothing.
        let base_texts = texts(&corpus.join(file));
        if texts(&current_en).iter().any(|t| !base_texts.contains(t)) {
            assert!(
                changed > 0,
                "{file}: English segments changed but nothing is reported"
            );
        }
        if path_in_repo.ends_with("2024-08-05-newsletter.md") {
            // The English fixed a link the Italian already had right.
            assert!(
                d.labels
                    .iter()
                    .all(|l| !matches!(l.state, State::Stale | State::LinkOnly)),
                "{file}: {:?}",
                states(d)
            );
            assert!(
                d.labels.iter().any(|l| l.state == State::AlreadyUpdated),
                "{file}: {:?}",
                states(d)
            );
        }
        if path_in_repo.ends_with("service-mesh.md") {
            // Two English paragraphs (sidecar, sidecarless) were added.
            assert!(
                d.labels
                    .iter()
                    .filter(|l| l.state == State::Missing)
                    .count()
                    >= 2,
                "{file}: {:?}",
                states(d)
            );
        }
        n_cases += 1;
    }
    assert!(n_cases >= 50, "only {n_cases} history cases found");
}

#[test]
fn a_shallow_clone_degrades_with_a_note() {
    let mut r = TestRepo::new();
    r.write("a.md", EN);
    r.write("a.fr.md", FR);
    r.commit("first");
    r.write(
        "a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("English edit");
    let clone = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", r.path().display()))
        .arg(clone.path().join("c"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: git is not available to make a shallow clone");
        return;
    }
    let dir = clone.path().join("c");
    let (docs, notes) =
        workspace::staleness(&project_of(&dir), std::slice::from_ref(&dir), None).unwrap();
    assert!(notes.contains(&StaleNote::Shallow), "{notes:?}");
    // With one commit of history the base is the current English: nothing
    // is stale, and nothing crashed.
    assert!(
        docs[0].labels.iter().all(|l| l.state == State::UpToDate),
        "{:?}",
        states(&docs[0])
    );
}

/// A run of one language keeps its cache entries in packs of its own
/// (`.git/trame/pages-fr/`): it neither reads nor grows the whole site's,
/// and answers as the whole-site run does.
#[test]
fn one_language_has_packs_of_its_own() {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", FR);
    r.write("content/a.it.md", FR);
    r.commit("English, French and Italian");
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("English edit");
    let packs = |dir: &str| -> Vec<PathBuf> {
        match std::fs::read_dir(r.repo.path().join("trame").join(dir)) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    };
    let whole = r.staleness(None).0;
    assert_eq!(whole.len(), 2);
    let site_packs = packs("pages");
    assert_eq!(site_packs.len(), 1, "{site_packs:?}");
    let french = r.staleness(Some("fr")).0;
    assert_eq!(packs("pages"), site_packs, "the whole site's packs changed");
    assert_eq!(packs("pages-fr").len(), 1, "{:?}", packs("pages-fr"));
    let fr_whole = whole.iter().find(|d| d.lang == "fr").unwrap();
    assert_eq!(french.len(), 1);
    assert_eq!(french[0].labels, fr_whole.labels);
    // Warm: the same answer from its own pack, nothing written.
    let again = r.staleness(Some("fr")).0;
    assert_eq!(again[0].labels, fr_whole.labels);
    assert_eq!(packs("pages-fr").len(), 1);
}

/// The page cache (`.git/trame/pages/`) answers when nothing changed, and
/// any change to a page, its translation, its history or its reviews asks
/// again.
#[test]
fn the_page_cache_answers_only_while_nothing_changed() {
    let mut r = translated_then_edited();
    let first = r.staleness(None).0;
    let cache = r.repo.path().join("trame/pages");
    let entries: Vec<PathBuf> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "one pack per run: {entries:?}");
    let original = std::fs::read_to_string(&entries[0]).unwrap();
    // One entry per page set, and its second name by HEAD: an alias line
    // (`KEY DAY CHECKSUM @KEY`) naming the entry's key.
    let lines: Vec<&str> = original.lines().collect();
    assert_eq!(lines.len(), 2, "one entry and its alias: {original}");
    let (entry, alias): (Vec<&str>, Vec<&str>) = lines
        .iter()
        .partition(|l| !l.splitn(4, ' ').nth(3).unwrap_or("").starts_with('@'));
    let (entry, alias) = (entry[0], alias[0]);
    // A second run gives the same answer and writes nothing...
    let second = r.staleness(None).0;
    assert_eq!(states(&first[0]), states(&second[0]));
    assert_eq!(first[0].labels, second[0].labels);
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
    // ...and it comes from the entry: one planted there, with the checksum
    // its line must carry (`KEY DAY FNV-1a-of-the-JSON JSON`, as
    // ARCHITECTURE.md says), is what is answered.
    let fields: Vec<&str> = entry.splitn(4, ' ').collect();
    let [key, day, _, json] = fields[..] else {
        panic!("not a pack line: {entry}")
    };
    let alias_fields: Vec<&str> = alias.splitn(4, ' ').collect();
    assert_eq!(alias_fields[3], format!("@{key}"), "{alias}");
    assert_eq!(alias_fields[2], fnv(alias_fields[3]), "{alias}");
    let edited_json = json.replace("\"Stale\"", "\"Removed\"");
    // Edited by hand without the checksum: not believed.
    std::fs::write(
        &entries[0],
        format!("{alias}\n{key} {day} {} {edited_json}\n", fnv(json)),
    )
    .unwrap();
    assert!(!states(&r.staleness(None).0[0]).contains(&(3, State::Removed)));
    let planted_entry = format!("{key} {day} {} {edited_json}\n", fnv(&edited_json));
    let planted = format!("{alias}\n{planted_entry}");
    std::fs::write(&entries[0], &planted).unwrap();
    let third = r.staleness(None).0;
    assert!(states(&third[0]).contains(&(3, State::Removed)));
    // Without its alias, the entry is found by the versions of the files.
    std::fs::write(&entries[0], &planted_entry).unwrap();
    assert!(states(&r.staleness(None).0[0]).contains(&(3, State::Removed)));
    // Changing the translation, the history or the reviews asks again.
    let touch = |r: &TestRepo| {
        let (docs, _) = r.staleness(None);
        assert!(
            !states(&docs[0]).contains(&(3, State::Removed)),
            "stale cache entry used"
        );
        docs
    };
    std::fs::write(&entries[0], &planted).unwrap();
    r.write("content/a.fr.md", &FR.replace("Nouvelles", "Actualités"));
    let edited = touch(&r);
    assert!(states(&edited[0]).contains(&(3, State::Stale)));
    // Back to the first texts, the first entry answers again: put it back.
    r.write("content/a.fr.md", FR);
    std::fs::write(&entries[0], &original).unwrap();
    // A commit that touches neither file keeps the entry.
    r.write("content/other.md", "# Other\n");
    r.commit("Another page");
    let (docs, _) = r.staleness(None);
    assert_eq!(states(&docs[0]), states(&first[0]));
    assert!(std::fs::read_dir(&cache).unwrap().count() >= 2);
    let out = crate::support::trame(
        &["review", "content/a.fr.md", "--lang", "fr", "--all"],
        r.path(),
        &[],
    );
    assert!(out.status.success(), "{}", crate::support::render(&out));
    let reviewed = touch(&r);
    assert!(!states(&reviewed[0]).contains(&(3, State::Stale)));
    // A damaged entry is ignored.
    for e in std::fs::read_dir(&cache).unwrap() {
        std::fs::write(e.unwrap().path(), "{ not json").unwrap();
    }
    assert_eq!(states(&r.staleness(None).0[0]), states(&reviewed[0]));
}

/// A run at the HEAD of the last one is answered by the page cache's names
/// by HEAD and reads no history at all: a history log damaged meanwhile is
/// neither read (so not rebuilt) nor needed; the first set not found (after
/// a commit) reads the history again, and the log is rebuilt.
#[test]
fn a_run_at_the_same_head_reads_no_history() {
    let r = translated_then_edited();
    let first = r.staleness(None).0;
    let log = r.repo.path().join("trame/history-log");
    assert!(log.is_file(), "a first run writes the history log");
    std::fs::write(&log, "not a history log\n").unwrap();
    let second = r.staleness(None).0;
    assert_eq!(first[0].labels, second[0].labels);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "not a history log\n",
        "the history was read although HEAD did not move"
    );
    // An edit not committed changes a text: that set is asked by HEAD and
    // not found, so the history is read (and the log rebuilt).
    r.write("content/a.fr.md", &FR.replace("Nouvelles", "Actualités"));
    let edited = r.staleness(None).0;
    assert_ne!(first[0].labels, edited[0].labels);
    assert_ne!(
        std::fs::read_to_string(&log).unwrap(),
        "not a history log\n"
    );
}

/// The history identity, which names the page cache's entries by HEAD, is
/// HEAD's commit and what cuts or rewires its chain: a clone made deeper
/// (its `shallow` file changed) has another identity at the same HEAD.
#[test]
fn the_history_identity_changes_with_head_and_with_the_shallow_file() {
    let mut r = translated_then_edited();
    let identity = |r: &TestRepo| {
        trame::history::Repo::open(r.path())
            .unwrap()
            .history_identity()
            .unwrap()
    };
    let first = identity(&r);
    let head = r.repo.head().unwrap().target().unwrap().to_string();
    assert!(first.starts_with(head.as_bytes()));
    assert_eq!(identity(&r), first, "the same HEAD, the same identity");
    let root = r.repo.revparse_single("HEAD~1").unwrap().id().to_string();
    std::fs::write(r.repo.path().join("shallow"), format!("{root}\n")).unwrap();
    assert_ne!(identity(&r), first);
    std::fs::remove_file(r.repo.path().join("shallow")).unwrap();
    assert_eq!(identity(&r), first);
    r.write("content/b.md", "# B\n");
    r.commit("Another page");
    assert_ne!(identity(&r), first);
}

/// `content/a.md` and its French, committed; then one English paragraph
/// edited and committed.
fn translated_then_edited() -> TestRepo {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", FR);
    r.commit("English and French");
    r.write(
        "content/a.md",
        &EN.replace("in Lyon this year", "in Berlin next year"),
    );
    r.commit("English edit");
    r
}

/// FNV-1a, 64 bits, in hex: the checksum of a page-cache line's JSON.
fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The project of a folder, as every command finds it.
fn project_of(dir: &std::path::Path) -> workspace::Project {
    workspace::Project::discover(Some(dir)).unwrap()
}

/// A section the translator left out when translating is a gap the
/// translation always had (`untranslated`); a section added to the English
/// since is news (`missing`). Both count against coverage.
#[test]
fn a_dropped_section_is_untranslated_and_a_new_one_missing() {
    let en = "# Release notes\n\nVersion 2.0 brings faster sync.\n\n## Credits\n\nThanks to every contributor of this cycle.\n";
    let fr = "# Notes de version\n\nLa version 2.0 accélère la synchronisation.\n";
    let mut r = TestRepo::new();
    r.write("content/notes.md", en);
    r.write("content/notes.fr.md", fr);
    r.commit("English and French (without the credits)");
    let en2 = format!("{en}\n## Upgrading\n\nStop the server before you upgrade it.\n");
    r.write("content/notes.md", &en2);
    r.commit("English: upgrading section");
    let (docs, _) = r.staleness(None);
    let got = states(&docs[0]);
    assert_eq!(
        got,
        [
            (1, State::UpToDate),
            (3, State::UpToDate),
            (5, State::Untranslated),
            (7, State::Untranslated),
            (9, State::Missing),
            (11, State::Missing),
        ]
    );
    let counts = trame::report::counts(&docs[0].source.document, &docs[0].labels);
    assert_eq!((counts.translated(), counts.total()), (2, 6));
}

/// A bulk commit that touches every translation without re-syncing it (a
/// lint fix) moves the base of the lines it touched and hides the English
/// change; listing it in `.git-blame-ignore-revs`, or an `[i18n-ignore]`
/// message, keeps the change reported. A front-matter base key
/// (`default_lang_commit`, or the `base-key` of trame.toml) names the base.
#[test]
fn bulk_commits_can_be_ignored_and_the_base_declared() {
    let en = "# News\n\nThe sprint is in Lyon this year.\n\nWe meet every Monday.\n";
    let fr = "# Nouvelles\n\nLe sprint a lieu à Lyon cette année.\n\nNous nous réunissons chaque lundi.\n";
    let build = |message: &str| {
        let mut r = TestRepo::new();
        r.write("content/a.md", en);
        r.write("content/a.fr.md", fr);
        r.commit("English and French");
        r.write(
            "content/a.md",
            &en.replace("in Lyon this year", "in Berlin next year"),
        );
        r.commit("English: the sprint moves");
        // A wording sweep over every translation, not a re-sync.
        r.write(
            "content/a.fr.md",
            &fr.replace("a lieu à Lyon", "se tient à Lyon"),
        );
        r.commit(message);
        r
    };
    let sprint = |r: &TestRepo| -> State {
        let (docs, _) = r.staleness(None);
        states(&docs[0])
            .into_iter()
            .find(|(line, _)| *line == 3)
            .map(|(_, s)| s)
            .unwrap()
    };
    // Plain: the sweep is taken for a re-sync and hides the change.
    let r = build("Fix wording in all locales");
    assert_eq!(sprint(&r), State::UpToDate);
    // A sweep that only fixes punctuation or a typo is never a re-sync.
    let mut p = TestRepo::new();
    p.write("content/a.md", en);
    p.write("content/a.fr.md", fr);
    p.commit("English and French");
    p.write(
        "content/a.md",
        &en.replace("in Lyon this year", "in Berlin next year"),
    );
    p.commit("English: the sprint moves");
    p.write(
        "content/a.fr.md",
        &fr.replace("cette année.", "cette annee !"),
    );
    p.commit("Fix punctuation in all locales");
    assert_eq!(sprint(&p), State::Stale);
    // Listed in .git-blame-ignore-revs: the change is reported again.
    let head = r.repo.head().unwrap().target().unwrap().to_string();
    r.write(".git-blame-ignore-revs", &format!("# bulk fixes\n{head}\n"));
    assert_eq!(sprint(&r), State::Stale);
    // The keyword in the message does the same.
    let r = build("Fix wording in all locales [i18n-ignore]");
    assert_eq!(sprint(&r), State::Stale);
    // A translator who checked the page against the new English says so in
    // its front matter: the base key makes that commit the base.
    let mut r = build("Fix wording in all locales [i18n-ignore]");
    let english_commit = r
        .repo
        .head()
        .unwrap()
        .peel_to_commit()
        .unwrap()
        .parent(0)
        .unwrap()
        .id()
        .to_string();
    let fr_now = std::fs::read_to_string(r.path().join("content/a.fr.md")).unwrap();
    r.write(
        "content/a.fr.md",
        &format!(
            "---\ndefault_lang_commit: {}\n---\n{fr_now}",
            &english_commit[..10]
        ),
    );
    r.commit("French: checked against the English of the sprint move");
    // `default_lang_commit` is read with no setting at all.
    assert_eq!(sprint(&r), State::UpToDate);
    // Turned off, the key means nothing.
    r.write("trame.toml", "base-key = \"\"\n");
    assert_eq!(sprint(&r), State::Stale);
    // Another key is read when the site names it.
    let fr_keyed = std::fs::read_to_string(r.path().join("content/a.fr.md"))
        .unwrap()
        .replace("default_lang_commit:", "source_commit:");
    r.write("content/a.fr.md", &fr_keyed);
    r.write("trame.toml", "base-key = \"source_commit\"\n");
    assert_eq!(sprint(&r), State::UpToDate);
}

/// A paragraph deleted from the English whose translation the alignment
/// would merge into its neighbour's row: aligned first with the English it
/// was translated from, it is reported removed.
#[test]
fn the_translation_of_a_deleted_paragraph_is_removed_not_merged() {
    let en = "# Keyboard\n\nAll menus work with the keyboard alone.\n\nFocus is visible on every link.\n\n## Testing\n\nWe test with two screen readers.\n";
    let it = "# Tastiera\n\nTutti i menu funzionano con la sola tastiera.\n\nIl focus è visibile su ogni link.\n\n## Test\n\nFacciamo test con due lettori di schermo.\n";
    let mut r = TestRepo::new();
    r.write("content/a.md", en);
    r.write("content/a.it.md", it);
    r.commit("English and Italian");
    r.write(
        "content/a.md",
        &en.replace("Focus is visible on every link.\n\n", ""),
    );
    r.commit("English: the focus paragraph goes");
    let (docs, _) = r.staleness(None);
    let removed: Vec<u32> = docs[0]
        .labels
        .iter()
        .filter(|l| l.state == State::Removed)
        .map(|l| docs[0].target.document.segments[l.target.start].lines.0)
        .collect();
    assert_eq!(removed, [5], "{:?}", states(&docs[0]));
}

/// Code blocks and standalone shortcodes are segments kept as they are: a
/// version changed inside a fenced command is link-only (carried, not
/// translated), a shortcode added alone on its line is missing, and an
/// unchanged code block counts as translated when the translation has it.
#[test]
fn code_blocks_and_standalone_shortcodes_are_followed() {
    let en = "# Install\n\nRun this command:\n\n```sh\npip install loom==1.4.0\n```\n";
    let fr = "# Installation\n\nLancez cette commande :\n\n```sh\npip install loom==1.4.0\n```\n";
    let mut r = TestRepo::new();
    r.write("content/a.md", en);
    r.write("content/a.fr.md", fr);
    r.commit("English and French");
    let en2 = format!(
        "{}\n{{{{< newsletter-subscribe >}}}}\n",
        en.replace("1.4.0", "1.5.0")
    );
    r.write("content/a.md", &en2);
    r.commit("English: new version, subscription form");
    let (docs, _) = r.staleness(None);
    assert_eq!(
        states(&docs[0]),
        [
            (1, State::UpToDate),
            (3, State::UpToDate),
            (6, State::LinkOnly),
            (9, State::Missing),
        ]
    );
    let diff: String = docs[0].labels[2]
        .diff
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert!(diff.contains("1.4.0") && diff.contains("1.5.0"), "{diff}");
}

/// A translation update reverted (the file brought back to an earlier
/// version, as `git revert` does): the restored lines keep the base they
/// had, so the English edits made since are stale again, not settled by the
/// reverting commit. The same holds for a revert not yet committed.
#[test]
fn a_reverted_translation_update_keeps_its_old_base() {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", FR);
    r.commit("English and French");
    let en2 = EN.replace("in Lyon this year", "in Berlin next year");
    r.write("content/a.md", &en2);
    r.commit("English: the sprint moves");
    let fr2 = FR.replace("à Lyon cette année", "à Berlin l'an prochain");
    r.write("content/a.fr.md", &fr2);
    r.commit("French brought up to date");
    let first = r.repo.revparse_single("HEAD~2").unwrap().id().to_string();
    let sprint = |docs: &[StaleDoc]| {
        let d = &docs[0];
        let l = d
            .labels
            .iter()
            .find(|l| {
                l.source
                    .is_some_and(|i| d.source.document.segments[i].lines.0 == 3)
            })
            .unwrap();
        (l.state, l.base_commit.clone())
    };
    assert_eq!(sprint(&r.staleness(None).0).0, State::UpToDate);
    // Reverted, not yet committed: the French is the first version again.
    r.write("content/a.fr.md", FR);
    assert_eq!(
        sprint(&r.staleness(None).0),
        (State::Stale, Some(first.clone()))
    );
    r.commit("Revert \"French brought up to date\"");
    assert_eq!(sprint(&r.staleness(None).0), (State::Stale, Some(first)));
}

/// A "translation" that is a copy of the English it was made from (a page
/// left in English) stays untranslated after the English changes: its
/// paragraphs are not stale translations.
#[test]
fn a_page_copied_in_english_stays_untranslated_when_the_english_moves_on() {
    let mut r = TestRepo::new();
    r.write("content/a.md", EN);
    r.write("content/a.fr.md", &EN.replace("# News", "# Nouvelles"));
    r.commit("English, and a French page not translated yet");
    let en2 = EN.replace("in Lyon this year", "in Berlin next year");
    r.write("content/a.md", &en2);
    r.commit("English: the sprint moves");
    let (docs, _) = r.staleness(None);
    let s = states(&docs[0]);
    assert_eq!(s[0], (1, State::UpToDate), "{s:?}");
    assert_eq!(s[1], (3, State::Untranslated), "{s:?}");
    assert!(!s.iter().any(|(_, st)| *st == State::Stale), "{s:?}");
}

/// The English FAQ was split into one page per topic: the French FAQ still
/// holds the translation of every section. Each block whose English went to
/// another page names that page (`moved_to` in `stale`), the heading of a
/// moved section too (too short alone, found in the page its section went
/// to); a paragraph the English really deleted names none. `check` says
/// once per page where the blocks went, and still reports the deleted one.
#[test]
fn english_split_into_other_pages_is_named_where_it_went() {
    const FAQ: &str = "# FAQ\n\nAnswers to the questions people ask most often about the loom.\n\n## Installing\n\nDownload the archive for your system from the releases page and unpack it anywhere.\n\nThe installer checks the signature of every archive before it unpacks a single file.\n\n## Upgrading\n\nRun the upgrade command with the version you want, then restart the running daemons.\n\nOld configuration files are kept next to the new ones with a suffix naming their version.\n\n## History\n\nThe loom started as a weekend project of two weavers who wanted fewer knots in their threads.\n";
    const FR: &str = "# FAQ\n\nLes réponses aux questions les plus fréquentes sur le métier.\n\n## Installation\n\nTéléchargez l'archive de votre système depuis la page des versions et décompressez-la où vous voulez.\n\nL'installateur vérifie la signature de chaque archive avant d'en décompresser le moindre fichier.\n\n## Mise à jour\n\nLancez la commande de mise à jour avec la version voulue, puis redémarrez les démons.\n\nLes anciens fichiers de configuration restent à côté des nouveaux, avec un suffixe nommant leur version.\n\n## Histoire\n\nLe métier est né comme le projet de week-end de deux tisserands qui voulaient moins de nœuds.\n";
    let mut r = TestRepo::new();
    r.write("content/en/docs/faq/_index.md", FAQ);
    r.write("content/fr/docs/faq/_index.md", FR);
    r.commit("FAQ in English and French");
    // The split: each topic to a page of its own, word for word (rewrapped
    // and in a list), the history paragraph deleted.
    r.write(
        "content/en/docs/faq/_index.md",
        "# FAQ\n\nAnswers to the questions people ask most often about the loom.\n",
    );
    r.write(
        "content/en/docs/faq/installing.md",
        "---\ntitle: Installing\n---\n\n## Installing\n\n- Download the archive for your system from the releases page\n  and unpack it anywhere.\n- The installer checks the signature of every archive before it\n  unpacks a single file.\n",
    );
    r.write(
        "content/en/docs/faq/upgrading.md",
        "---\ntitle: Upgrading\n---\n\n## Upgrading\n\nRun the upgrade command with the version you want, then restart the running daemons.\n\nOld configuration files are kept next to the new ones with a suffix naming their version.\n",
    );
    r.commit("Split the FAQ");
    let page = "content/en/docs/faq/_index.md";
    let out = support::trame(&["stale", "--format", "json", page], r.path(), &[]);
    assert!(out.status.success(), "{}", support::render(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let segments = json["documents"][0]["segments"].as_array().unwrap();
    let removed: Vec<(u64, Option<&str>)> = segments
        .iter()
        .filter(|s| s["state"] == "removed")
        .map(|s| {
            (
                s["target_lines"][0].as_u64().unwrap(),
                s.get("moved_to").map(|p| p.as_str().unwrap()),
            )
        })
        .collect();
    let (installing, upgrading) = (
        Some("content/en/docs/faq/installing.md"),
        Some("content/en/docs/faq/upgrading.md"),
    );
    assert_eq!(
        removed,
        [
            (5, installing),
            (7, installing),
            (9, installing),
            (11, upgrading),
            (13, upgrading),
            (15, upgrading),
            (17, None),
            (19, None),
        ],
        "{segments:#?}"
    );

    let out = support::trame(&["check", "--format", "json", page], r.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", support::render(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let removed: Vec<(u64, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "removed")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let deleted = "the English of this segment was deleted; the translation still has it";
    assert_eq!(
        removed,
        [
            (
                5,
                "3 blocks of this translation are English that moved to content/en/docs/faq/installing.md: move them to that page's translation".to_owned()
            ),
            (
                11,
                "3 blocks of this translation are English that moved to content/en/docs/faq/upgrading.md: move them to that page's translation".to_owned()
            ),
            (17, deleted.to_owned()),
            (19, deleted.to_owned()),
        ],
        "{}",
        support::render(&out)
    );
}

/// A command's reference page: its title and heading are the command's
/// name, which the translation keeps as the English has it; that is no
/// text left in English (the page's usage line shows the name in code),
/// whether the English changed since or not. A heading of prose left in
/// English is still untranslated.
#[test]
fn a_command_name_kept_as_title_is_not_untranslated() {
    let en = "---\ntitle: \"Loom Show Spools\"\n---\n\n## loom show spools\n\nshow the spools of the loom\n\n```\nloom show spools [FLAGS]\n```\n\n## See the spools of every loom\n\nEvery loom keeps its spools in a folder of its own.\n";
    let fr = "---\ntitle: \"Loom Show Spools\"\n---\n\n## loom show spools\n\nmontre les bobines du métier\n\n```\nloom show spools [FLAGS]\n```\n\n## See the spools of every loom\n\nChaque métier garde ses bobines dans un dossier à lui.\n";
    let mut r = TestRepo::new();
    r.write("content/show.md", en);
    r.write("content/show.fr.md", fr);
    r.commit("English and French");
    let expected = [
        (2, State::UpToDate),
        (5, State::UpToDate),
        (7, State::UpToDate),
        (10, State::UpToDate),
        (13, State::Untranslated),
        (15, State::UpToDate),
    ];
    let (docs, _) = r.staleness(None);
    assert_eq!(states(&docs[0]), expected);
    // The English changed since: the kept name is compared with the
    // English it was made from.
    r.write(
        "content/show.md",
        &en.replace("show the spools of the loom", "show the spools of a loom"),
    );
    r.commit("English: a word");
    let (docs, _) = r.staleness(None);
    let got = states(&docs[0]);
    assert_eq!(
        got[..3],
        [
            (2, State::UpToDate),
            (5, State::UpToDate),
            (7, State::Stale)
        ]
    );
    assert_eq!(got[4], (13, State::Untranslated));
}

/// A translated line written more than once on the page (`**Avantages :**`
/// over each list): line history may name an older copy as the origin of a
/// new one (here the translator added a section and rewrote the next one's
/// list, and the diff keeps the old `**Avantages :**` line for the new
/// section), so the new section's line looked translated before its English
/// existed: "stale", all of it new. It takes the page's newest base, where
/// its English was there: up to date.
#[test]
fn a_repeated_translated_line_is_dated_by_the_page_not_by_its_oldest_copy() {
    let a_en =
        "## Search\n\nSearch every page.\n\n**Benefits:**\n\n- Fast answers\n- Typo tolerant\n\n";
    let a_fr = "## Recherche\n\nCherchez dans chaque page.\n\n**Avantages :**\n\n- Réponses rapides\n- Tolère les fautes\n\n";
    let b_en = "## Sharing\n\nShare a page with a link.\n\n**Benefits:**\n\n- No account needed\n- Works everywhere\n\n";
    let b_fr = "## Partage\n\nPartagez une page par un lien.\n\n**Avantages :**\n\n- Aucun compte requis\n- Fonctionne partout\n\n";
    let c_en =
        "## Export\n\nExport to PDF.\n\n**Benefits:**\n\n- Printable pages\n- Offline reading\n\n";
    let c_fr = "## Export\n\nExportez en PDF.\n\n**Avantages :**\n\n- Pages imprimables\n- Lecture hors ligne\n\n";
    let c_en2 = "## Export\n\nExport your pages to PDF.\n\n**Benefits:**\n\n- Printable pages\n- Offline reading\n\n";
    let c_fr2 = "## Exportation\n\nExportez vos pages en PDF.\n\n**Avantages :**\n\n- Impression\n- Hors ligne\n\n";
    let mut r = TestRepo::new();
    r.write("content/tools.md", &format!("# T\n\n{a_en}{c_en}"));
    r.write("content/tools.fr.md", &format!("# T\n\n{a_fr}{c_fr}"));
    r.commit("tools");
    r.write("content/tools.md", &format!("# T\n\n{a_en}{b_en}{c_en2}"));
    r.commit("English: sharing, export reworded");
    r.write(
        "content/tools.fr.md",
        &format!("# T\n\n{a_fr}{b_fr}{c_fr2}"),
    );
    r.commit("French: the same");
    let (docs, _) = r.staleness(Some("fr"));
    let doc = docs
        .iter()
        .find(|d| d.target.path.ends_with("tools.fr.md"))
        .unwrap();
    let not_up_to_date: Vec<(u32, State)> = states(doc)
        .into_iter()
        .filter(|(_, s)| *s != State::UpToDate)
        .collect();
    assert!(
        not_up_to_date.is_empty(),
        "{not_up_to_date:?}\n{:?}",
        doc.labels
    );
}
