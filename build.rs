//! Build script: a hash of the source code (`src/` and `locales/`), so the
//! page cache (`src/workspace/cache.rs`) never serves an entry computed by
//! other code, even when the package version did not change.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=locales");
    let mut files = Vec::new();
    for dir in ["src", "locales"] {
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a, 64 bits: stable across compilers, enough to tell builds apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for b in bytes.iter().chain(&(bytes.len() as u64).to_le_bytes()) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in &files {
        add(f.to_string_lossy().as_bytes());
        add(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=TRAME_SOURCE_HASH={hash:016x}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
