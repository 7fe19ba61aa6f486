//! English that moved to another page: the blocks of a translation whose
//! English was deleted from its page, yet is found, word for word, in
//! another English page near it. A page split in several (a FAQ cut into
//! one page per topic) or sections moved to a sibling leave the
//! translation with text whose English is not gone, only elsewhere: the
//! translator moves it, and `check` says so once per page it went to, not
//! once per block.
//!
//! Only the pages near the translated one are searched (its folder, the
//! folders right under it and the folder above it, inside the content
//! roots): where a split or a merge puts its pages, and few enough to read
//! on every run. Only translations with several removed blocks are looked
//! at (a paragraph deleted here and there is not a page reorganized), and
//! only blocks long enough not to be found by chance.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::stale::{Labelled, Op, State};

/// Words in a shingle: a block is found where its runs of this many words
/// are.
const SHINGLE: usize = 5;
/// Blocks of fewer words are not looked for (a heading of two words is in
/// many pages by chance).
const MIN_WORDS: usize = 6;
/// A translation with fewer removed blocks is not looked at.
const MIN_REMOVED: usize = 3;
/// Share of a block's shingles that must be in one page.
const SHARE: f64 = 0.9;
/// Marks a shingle found in several pages.
const SEVERAL: u32 = u32::MAX;

/// The English pages near each folder, read once per run and shared.
pub(super) struct MovedIndex {
    roots: Vec<PathBuf>,
    config: crate::segment::Config,
    near: Mutex<HashMap<PathBuf, Arc<Near>>>,
}

/// The shingles of the English pages near one folder.
struct Near {
    pages: Vec<PathBuf>,
    /// Shingle hash to the page holding it ([`SEVERAL`] when more than one).
    shingles: HashMap<u64, u32>,
    /// Each page's words, hashed, in order.
    words: Vec<Vec<u64>>,
}

impl MovedIndex {
    /// An index of the pages under `roots` (absolute or as the project
    /// shows them), read as `config` says.
    pub(super) fn new(roots: Vec<PathBuf>, config: crate::segment::Config) -> MovedIndex {
        MovedIndex {
            roots,
            config,
            near: Mutex::new(HashMap::new()),
        }
    }

    /// For each removed label of a translation of `source`, the English page
    /// its deleted English is in now, if any: `(label index, page)`.
    pub(super) fn homes(&self, source: &Path, labels: &[Labelled]) -> Vec<(usize, PathBuf)> {
        let removed: Vec<(usize, String)> = labels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.state == State::Removed)
            .map(|(k, l)| {
                let text: String = l
                    .diff
                    .iter()
                    .filter(|c| c.op == Op::Delete)
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                (k, text)
            })
            .collect();
        if removed.len() < MIN_REMOVED {
            return Vec::new();
        }
        let Some(dir) = source.parent() else {
            return Vec::new();
        };
        let near = self.near(dir);
        let own = near.pages.iter().position(|p| p == source);
        let mut homes: Vec<Option<usize>> = removed
            .iter()
            .map(|(_, text)| home(&near, text, own))
            .collect();
        // A block too short to be claimed alone (a heading) between removed
        // blocks that went to one page, and found in that page, went there
        // with them; between two pages, to the one after it (a heading
        // opens the blocks after it).
        for x in 0..removed.len() {
            if homes[x].is_some() || words(&removed[x].1).count() >= MIN_WORDS {
                continue;
            }
            let before = homes[..x].iter().rev().flatten().next().copied();
            let after = homes[x + 1..].iter().flatten().next().copied();
            let page = match (before, after) {
                (Some(a), Some(b)) if a != b => [b, a]
                    .into_iter()
                    .find(|&p| holds(&near.words[p], &removed[x].1)),
                (a, b) => a.or(b).filter(|&p| holds(&near.words[p], &removed[x].1)),
            };
            homes[x] = page;
        }
        removed
            .iter()
            .zip(homes)
            .filter_map(|((k, _), page)| Some((*k, near.pages[page?].clone())))
            .collect()
    }

    /// The shingles of the pages near `dir`, read on first use.
    fn near(&self, dir: &Path) -> Arc<Near> {
        if let Some(n) = self.lock().get(dir) {
            return n.clone();
        }
        let near = Arc::new(self.read_near(dir));
        self.lock().insert(dir.to_owned(), near.clone());
        near
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Near>>> {
        self.near
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Reads the English pages of `dir`, of the folders right under it and
    /// of the folder above it when that is still inside a content root.
    fn read_near(&self, dir: &Path) -> Near {
        let inside = |d: &Path| self.roots.iter().any(|r| d.starts_with(r));
        let mut dirs = vec![dir.to_owned()];
        if let Some(up) = dir.parent().filter(|up| inside(up)) {
            dirs.push(up.to_owned());
        }
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut under: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect();
            under.sort();
            dirs.extend(under);
        }
        let mut pages = Vec::new();
        for d in &dirs {
            let Ok(entries) = std::fs::read_dir(d) else {
                continue;
            };
            let mut here: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| is_english_page(p))
                .collect();
            here.sort();
            pages.extend(here);
        }
        let read = pages.into_iter().filter_map(|path| {
            let text = super::read_page_text(&path, &self.config).ok()?;
            Some((path, text))
        });
        Near::of(read)
    }
}

impl Near {
    /// The shingles and words of `pages` (path, text).
    fn of(pages: impl IntoIterator<Item = (PathBuf, String)>) -> Near {
        let mut near = Near {
            pages: Vec::new(),
            shingles: HashMap::new(),
            words: Vec::new(),
        };
        for (path, text) in pages {
            let id = u32::try_from(near.pages.len()).unwrap_or(SEVERAL - 1);
            for s in shingles_of(&text) {
                near.shingles
                    .entry(s)
                    .and_modify(|p| {
                        if *p != id {
                            *p = SEVERAL;
                        }
                    })
                    .or_insert(id);
            }
            near.words.push(hashed_words(&text));
            near.pages.push(path);
        }
        near
    }
}

/// The hashes of a text's words, code spans included.
fn hashed_words(text: &str) -> Vec<u64> {
    words_of(text, true).map(|w| hash(w.as_bytes())).collect()
}

/// Whether the words of `text` (code spans included: a list of commands
/// between moved blocks) occur in a row among `page`'s.
fn holds(page: &[u64], text: &str) -> bool {
    let wanted = hashed_words(text);
    !wanted.is_empty() && page.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// A Markdown page with no language in its name (`x.md`, not `x.fr.md`).
fn is_english_page(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix(".md") else {
        return false;
    };
    match stem.rsplit_once('.') {
        Some((_, suffix)) => !looks_like_language(suffix),
        None => true,
    }
}

/// `fr`, `pt-br`, `zh-hans`: a language suffix.
fn looks_like_language(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The page of `near` (other than `own`) holding nearly every shingle of
/// `text`, when there is exactly one.
fn home(near: &Near, text: &str, own: Option<usize>) -> Option<usize> {
    let shingles = shingles_of(text);
    if words(text).count() < MIN_WORDS || shingles.is_empty() {
        return None;
    }
    let mut found: HashMap<u32, usize> = HashMap::new();
    for s in &shingles {
        if let Some(&p) = near.shingles.get(s) {
            *found.entry(p).or_default() += 1;
        }
    }
    let need = (SHARE * shingles.len() as f64).ceil() as usize;
    let mut pages = found
        .into_iter()
        .filter(|&(p, n)| p != SEVERAL && n >= need)
        .map(|(p, _)| p as usize);
    let page = pages.next()?;
    (pages.next().is_none() && Some(page) != own).then_some(page)
}

/// The words of a text, lower-cased: letters and digits, markup left out,
/// and link destinations (a split often points links at the new pages)
/// and code spans (paths and commands recur from page to page: a list of
/// file names found elsewhere is no section moved there).
fn words(text: &str) -> impl Iterator<Item = String> {
    words_of(text, false)
}

/// [`words`], code spans kept when `code` is true.
fn words_of(text: &str, code: bool) -> impl Iterator<Item = String> {
    let mut prose = String::with_capacity(text.len());
    let mut rest = text;
    let marks: &[char] = if code { &[']'] } else { &['`', ']'] };
    while let Some(at) = rest.find(marks) {
        prose.push_str(&rest[..at]);
        prose.push(' ');
        let (open, close) = if rest[at..].starts_with('`') {
            ("`", "`")
        } else if rest[at..].starts_with("](") {
            ("](", ")")
        } else {
            ("]", "")
        };
        rest = &rest[at + open.len()..];
        if !close.is_empty() {
            rest = rest
                .find(close)
                .map_or("", |end| &rest[end + close.len()..]);
        }
    }
    prose.push_str(rest);
    prose
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Hashes of every run of [`SHINGLE`] words (one run for a shorter text).
fn shingles_of(text: &str) -> Vec<u64> {
    let hashed: Vec<u64> = words(text).map(|w| hash(w.as_bytes())).collect();
    if hashed.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE.min(hashed.len());
    let mut out: Vec<u64> = hashed
        .windows(width)
        .map(|run| {
            run.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, w| {
                (h ^ w).wrapping_mul(0x0000_0100_0000_01b3)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(pages: &[(&str, &str)]) -> Near {
        Near::of(
            pages
                .iter()
                .map(|(p, t)| (PathBuf::from(p), (*t).to_owned())),
        )
    }

    #[test]
    fn a_block_is_found_in_the_one_page_that_holds_it() {
        let n = near(&[
            ("faq/_index.md", "# FAQ\n\nAsk us anything.\n"),
            (
                "faq/installing.md",
                "# Installing\n\n- Download the **binary** from the\n  [releases page](/releases/) and unpack it.\n",
            ),
            (
                "faq/removing.md",
                "# Removing\n\nDelete the binary and its folder.\n",
            ),
        ]);
        // Markup, wrapping, case and link destinations do not matter.
        assert_eq!(
            home(
                &n,
                "download the binary from the [releases page](/docs/faq/#releases) and unpack it.",
                Some(0)
            ),
            Some(1)
        );
        // Too short to claim; code spans only (paths and commands recur
        // from page to page); found nowhere; in the page itself.
        assert_eq!(home(&n, "Delete the binary", Some(0)), None);
        assert_eq!(
            home(
                &n,
                "`/etc/loom/installing/download-the-binary-from-the-releases.page`",
                Some(0)
            ),
            None
        );
        assert_eq!(
            home(
                &n,
                "Run the upgrade command with the new version, then restart.",
                Some(0)
            ),
            None
        );
        assert_eq!(
            home(
                &n,
                "Download the binary from the releases page and unpack it.",
                Some(1)
            ),
            None
        );
    }

    #[test]
    fn a_block_two_pages_hold_has_no_home() {
        let text = "Helm reads the values file and renders every template of the chart.";
        let n = near(&[("a.md", text), ("b.md", text)]);
        assert_eq!(home(&n, text, None), None);
    }

    #[test]
    fn pages_named_with_a_language_are_not_english() {
        assert!(is_english_page(Path::new("content/en/docs/_index.md")));
        assert!(is_english_page(Path::new("blog/v1.2.md")));
        assert!(is_english_page(Path::new("posts/2024-07-05-newsletter.md")));
        assert!(!is_english_page(Path::new(
            "posts/2024-07-05-newsletter.fr.md"
        )));
        assert!(!is_english_page(Path::new("docs/intro.pt-br.md")));
        assert!(!is_english_page(Path::new("docs/notes.txt")));
    }
}
