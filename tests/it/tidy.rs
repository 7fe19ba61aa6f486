//! Architecture rules as tests: module docs, layer boundaries, no ignored tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

fn rel(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    for (path, text) in sources() {
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! module doc",
            rel(&path)
        );
    }
}

/// A row of the layer table in ARCHITECTURE.md.
struct Layer {
    module: String,
    layer: String,
    may_use: BTreeSet<String>,
}

/// The table between `<!-- layers:start -->` and `<!-- layers:end -->` in
/// ARCHITECTURE.md.
fn layer_table() -> Vec<Layer> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find("<!-- layers:start -->")
        .expect("ARCHITECTURE.md has no <!-- layers:start --> marker");
    let end = text
        .find("<!-- layers:end -->")
        .expect("ARCHITECTURE.md has no <!-- layers:end --> marker");
    let mut rows = Vec::new();
    for line in text[start..end].lines().skip(1) {
        let line = line.trim();
        if !line.starts_with('|') || line.starts_with("|---") {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        assert_eq!(cells.len(), 3, "layer table row with three cells: {line}");
        if cells[0] == "module" {
            continue;
        }
        rows.push(Layer {
            module: cells[0].to_owned(),
            layer: cells[1].to_owned(),
            may_use: cells[2]
                .split(',')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    }
    assert!(
        !rows.is_empty(),
        "the layer table in ARCHITECTURE.md is empty"
    );
    rows
}

/// The module a source file belongs to: its first path component under
/// `src/`, without `.rs`; `None` for `lib.rs` and `main.rs`.
fn module_of(path: &Path) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let first = path.strip_prefix(root).ok()?.components().next()?;
    let first = first.as_os_str().to_str()?;
    if first == "lib.rs" || first == "main.rs" {
        return None;
    }
    Some(first.strip_suffix(".rs").unwrap_or(first).to_owned())
}

/// A line without its `//` comment (a `//` inside a string literal is kept).
fn without_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The crate modules a source file names: `crate::NAME` anywhere outside
/// `//` comments, and the first names of the paths in `use crate::{...}`
/// groups (over several lines too).
fn crate_modules_used(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(without_comment)
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut used = BTreeSet::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let at = from + at;
        from = at + "crate::".len();
        if at > 0 && is_ident(bytes[at - 1]) {
            continue;
        }
        let rest = code[from..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items: `a`, `b::c`, `d::{e, f}`, `g as h`.
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(std::mem::take(&mut item));
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            items.push(item);
            for item in items {
                let name: String = item
                    .trim_start()
                    .bytes()
                    .take_while(|&b| is_ident(b))
                    .map(char::from)
                    .collect();
                if !name.is_empty() && name != "self" {
                    used.insert(name);
                }
            }
        } else {
            let name: String = code[from..]
                .bytes()
                .take_while(|&b| is_ident(b))
                .map(char::from)
                .collect();
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

/// Every arrow against the layer table: (module, used, file), plus the
/// failures that are not arrows (a module missing from the table).
fn layer_violations() -> (Vec<(String, String, String)>, Vec<String>) {
    let table = layer_table();
    let mut arrows = Vec::new();
    let mut other = Vec::new();
    for (path, text) in sources() {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let rel = rel(&path);
        let Some(row) = table.iter().find(|r| r.module == module) else {
            other.push(format!(
                "{rel}: module `{module}` is missing from the layer table in ARCHITECTURE.md"
            ));
            continue;
        };
        for used in crate_modules_used(&text) {
            if used != module && !row.may_use.contains(&used) {
                arrows.push((module.clone(), used, rel.clone()));
            }
        }
    }
    (arrows, other)
}

#[test]
fn imports_follow_the_layer_table() {
    let (arrows, mut failures) = layer_violations();
    for (module, used, file) in arrows {
        failures.push(format!(
            "{file} uses crate::{used}: the arrow {module} -> {used} runs against the layer \
             table in ARCHITECTURE.md (`{module}` may not use `{used}`)"
        ));
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn the_layer_table_names_only_its_own_modules() {
    let table = layer_table();
    for row in &table {
        for used in &row.may_use {
            assert!(
                table.iter().any(|r| &r.module == used),
                "ARCHITECTURE.md layer table: `{}` may use `{used}`, which has no row",
                row.module
            );
        }
    }
}

#[test]
fn crate_uses_are_found_in_paths_groups_and_not_in_comments() {
    let text = "use crate::a::B;\n\
                // crate::commented\n\
                let u = \"http://x\"; crate::b::f(); // crate::trailing\n\
                use crate::{\n    c::{D, E},\n    self,\n    f as g,\n};\n\
                pub(crate) fn h() { mycrate::no(); $crate::i::j() }";
    let found: Vec<String> = crate_modules_used(text).into_iter().collect();
    assert_eq!(found, ["a", "b", "c", "f", "i"]);
}

#[test]
fn layers_only_use_what_they_may() {
    let core: BTreeSet<String> = layer_table()
        .into_iter()
        .filter(|r| r.layer == "core")
        .map(|r| r.module)
        .collect();
    for (path, text) in sources() {
        let rel = rel(&path);
        let uses = |needle: &str| {
            text.lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(needle))
        };
        let module = module_of(&path);
        if module.as_ref().is_some_and(|m| core.contains(m)) {
            for banned in [
                "std::fs",
                "std::env",
                "std::process",
                "git2",
                "ratatui",
                "crossterm",
                "fluent",
                "println!",
                "eprintln!",
            ] {
                // i18n is the pure module that wraps Fluent.
                if banned == "fluent" && rel == "src/i18n.rs" {
                    continue;
                }
                assert!(!uses(banned), "{rel}: the pure core must not use {banned}");
            }
        }
        if !rel.starts_with("src/history/") {
            assert!(!uses("git2::"), "{rel}: only src/history/ may use git2");
        }
        if !rel.starts_with("src/tui") {
            assert!(
                !uses("ratatui::") && !uses("crossterm::"),
                "{rel}: only src/tui may use the terminal"
            );
        }
        if rel != "src/i18n.rs" {
            assert!(
                !uses("fluent_bundle"),
                "{rel}: only src/i18n.rs may use fluent"
            );
        }
    }
}

#[test]
fn no_ignored_or_should_panic_tests() {
    let mut files = sources();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    let ignore = ["#[", "ignore]"].concat();
    let should_panic = ["#[", "should_panic"].concat();
    for (path, text) in files {
        assert!(
            !text.contains(&ignore) && !text.contains(&should_panic),
            "{}",
            rel(&path)
        );
    }
}

#[test]
fn every_integration_module_is_declared() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && stem != "main" {
            assert!(
                main.contains(&format!("mod {stem};")),
                "tests/it/{stem}.rs is not declared in main.rs"
            );
        }
    }
}

/// Every message of the English bundle is used by some module (the shared
/// ids, the command line's or the interface's): the binary joins both front
/// ends, so the check lives here, not in either.
#[test]
fn every_english_message_is_used_by_the_program() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let mut ftl = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        ftl.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        ftl.push('\n');
    }
    let defined: std::collections::BTreeSet<&str> = ftl
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
        .collect();
    let used: std::collections::BTreeSet<&str> = [
        trame::i18n::ids::ALL,
        &trame::cli::ids::all(),
        trame::tui::IDS,
    ]
    .concat()
    .into_iter()
    .collect();
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "English messages no module lists: {unused:?}"
    );
    assert!(defined.len() > 100, "{} messages read", defined.len());
}
