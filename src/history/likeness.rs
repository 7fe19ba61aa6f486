//! Rename detection by content similarity, as git's `diffcore-delta` and
//! `diffcore-rename` do it: a file's content is cut into chunks (lines, or
//! 64 bytes when a line is longer), each chunk hashed; two files are as
//! similar as the bytes of the chunks they share over the size of the larger
//! one; a deleted and an added file at least half similar are a rename, best
//! pairs first.
//!
//! Pure and cheap: a signature is computed once per file, two are compared
//! by a merge of sorted arrays, and pairs whose sizes alone cannot reach the
//! threshold are not compared. libgit2's `find_similar` did the same work
//! with a costlier signature, and was a quarter of a cold run on a real
//! documentation site.

/// A file's chunks: (hash, bytes of content with that hash), sorted by hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Signature {
    chunks: Vec<(u32, u32)>,
    size: u64,
}

/// The least share of shared content for a rename (git's default `-M50%`).
const MIN_SCORE: f64 = 0.5;

/// Longest chunk, in bytes (git's 64).
const CHUNK: usize = 64;

impl Signature {
    /// The signature of a file's content. A `\r` before `\n` is left out, so
    /// a file whose line endings changed is still the same file.
    pub(super) fn of(content: &[u8]) -> Signature {
        let mut chunks: Vec<(u32, u32)> = Vec::new();
        let (mut hash, mut len): (u32, u32) = (0x811c_9dc5, 0);
        let mut size = 0u64;
        let mut i = 0;
        while i < content.len() {
            let b = content[i];
            i += 1;
            if b == b'\r' && content.get(i) == Some(&b'\n') {
                continue;
            }
            size += 1;
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
            len += 1;
            if b == b'\n' || len as usize >= CHUNK {
                chunks.push((hash, len));
                (hash, len) = (0x811c_9dc5, 0);
            }
        }
        if len > 0 {
            chunks.push((hash, len));
        }
        chunks.sort_unstable();
        // One entry per hash, with the bytes of all its chunks.
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(chunks.len());
        for (h, n) in chunks {
            match merged.last_mut() {
                Some((last, total)) if *last == h => *total += n,
                _ => merged.push((h, n)),
            }
        }
        Signature {
            chunks: merged,
            size,
        }
    }

    /// How similar two files are, from 0 to 1: the bytes of content they
    /// share over the size of the larger.
    pub(super) fn score(&self, other: &Signature) -> f64 {
        let larger = self.size.max(other.size);
        if larger == 0 {
            return 1.0;
        }
        let (a, b) = (&self.chunks, &other.chunks);
        let (mut i, mut j, mut shared) = (0, 0, 0u64);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += u64::from(a[i].1.min(b[j].1));
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f64 / larger as f64
    }
}

/// True when sizes alone keep two files under the threshold: the larger is
/// more than twice the smaller, so they cannot share half of it.
fn too_different(a: u64, b: u64) -> bool {
    let (small, large) = (a.min(b), a.max(b));
    (large - small) as f64 > large as f64 * (1.0 - MIN_SCORE)
}

/// Pairs deleted files with added files: every pair at least
/// [`MIN_SCORE`] similar, best first (ties: the same file name, then the
/// order given), each file in one pair at most. Returns (deleted index,
/// added index) pairs.
pub(super) fn renames(
    deleted: &[(&str, &Signature)],
    added: &[(&str, &Signature)],
) -> Vec<(usize, usize)> {
    let name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_owned();
    let mut candidates: Vec<(f64, bool, usize, usize)> = Vec::new();
    for (d, (d_path, d_sig)) in deleted.iter().enumerate() {
        for (a, (a_path, a_sig)) in added.iter().enumerate() {
            if too_different(d_sig.size, a_sig.size) {
                continue;
            }
            let score = d_sig.score(a_sig);
            if score >= MIN_SCORE {
                candidates.push((score, name(d_path) == name(a_path), d, a));
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
    });
    let (mut d_used, mut a_used) = (vec![false; deleted.len()], vec![false; added.len()]);
    let mut out = Vec::new();
    for (_, _, d, a) in candidates {
        if !d_used[d] && !a_used[a] {
            d_used[d] = true;
            a_used[a] = true;
            out.push((d, a));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: Search\n---\n\nSet up Elasticsearch.\n\nIt indexes public posts.\n\nRun the indexer once.\n";

    #[test]
    fn scores_count_shared_lines_over_the_larger_file() {
        let a = Signature::of(PAGE.as_bytes());
        assert_eq!(a.score(&a), 1.0);
        // CRLF line endings are the same content.
        let crlf = PAGE.replace('\n', "\r\n");
        assert_eq!(a.score(&Signature::of(crlf.as_bytes())), 1.0);
        // One line of eight changed: most bytes still shared.
        let edited = PAGE.replace("Run the indexer once.", "Run the indexer twice.");
        let s = a.score(&Signature::of(edited.as_bytes()));
        assert!(s > 0.7 && s < 1.0, "{s}");
        // Nothing in common.
        let other = Signature::of(b"Completely different text\nwith its own lines\n");
        assert_eq!(a.score(&other), 0.0);
        assert_eq!(Signature::of(b"").score(&Signature::of(b"")), 1.0);
    }

    #[test]
    fn long_lines_are_cut_into_chunks() {
        let line = "x".repeat(200);
        let sig = Signature::of(line.as_bytes());
        assert_eq!(sig.size, 200);
        // 64 + 64 + 64 + 8 bytes: three equal chunks and one more.
        assert_eq!(sig.chunks.iter().map(|c| c.1).sum::<u32>(), 200);
        assert_eq!(sig.chunks.len(), 2);
    }

    #[test]
    fn best_pairs_first_each_file_once() {
        let page = Signature::of(PAGE.as_bytes());
        let edited = PAGE.replace("Run the indexer once.", "Run it again.");
        let close = Signature::of(edited.as_bytes());
        let unrelated = Signature::of(b"# Tor\n\nOnion services.\n\nThey hide the server.\n");
        let big = Signature::of(PAGE.repeat(3).as_bytes());
        let deleted = [("a/search.md", &page), ("a/tor.md", &unrelated)];
        let added = [
            ("b/other.md", &close),
            ("b/search.md", &page),
            ("b/big.md", &big),
        ];
        // search.md -> b/search.md (identical beats close); tor.md matches
        // nothing; big.md is three times the size.
        assert_eq!(renames(&deleted, &added), [(0, 1)]);
        // With the identical one gone, the close one is the rename.
        let added = [("b/other.md", &close), ("b/big.md", &big)];
        assert_eq!(renames(&deleted, &added), [(0, 0)]);
        // Equal scores: the same file name wins.
        let deleted = [("a/search.md", &page)];
        let added = [("b/x.md", &page), ("b/search.md", &page)];
        assert_eq!(renames(&deleted, &added), [(0, 1)]);
    }
}
