//! The shape of the crate, checked: the pure stages never reach for the
//! browser or the shell, so they stay testable natively in milliseconds.

use std::path::{Path, PathBuf};

const PURE: [&str; 8] = [
    "base", "format", "import", "open", "view", "charts", "graph", "author",
];

/// The stages in order, and which each may import besides itself. A helper
/// two stages need moves down a floor (into `base`), never sideways.
const MAY_IMPORT: [(&str, &[&str]); 9] = [
    ("base", &[]),
    ("format", &["base"]),
    ("import", &["base", "format"]),
    // The opener's core: what the reader of the bundled story never downloads.
    ("open", &["base", "format", "import"]),
    ("view", &["base", "format"]),
    ("charts", &["base", "format", "view"]),
    ("graph", &["base", "format", "view"]),
    ("author", &["base", "format"]),
    (
        "components",
        &["base", "format", "view", "charts", "graph", "author"],
    ),
];

/// The stages a module path can name.
const STAGES: [&str; 10] = [
    "base",
    "format",
    "import",
    "open",
    "view",
    "charts",
    "graph",
    "author",
    "components",
    "cli",
];

/// The code lines of a file before its tests, which may use any stage
/// (a generated story, say): (line number, line).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim_start() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(n, l)| (n + 1, l))
}
const BROWSER: [&str; 6] = [
    "yew::",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "crate::components",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_pure_stages_use_no_browser_crate_and_not_the_shell() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for stage in PURE {
        let mut files = Vec::new();
        rust_files(&src.join(stage), &mut files);
        assert!(!files.is_empty(), "src/{stage} has no Rust files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in code_lines(&text) {
                if let Some(name) = BROWSER.iter().find(|b| line.contains(*b)) {
                    offences.push(format!("{}:{n}: {name}", file.display()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser or shell code in a pure stage:\n{}",
        offences.join("\n")
    );
}

#[test]
fn each_stage_imports_only_the_stages_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for (stage, allowed) in MAY_IMPORT {
        let mut files = Vec::new();
        rust_files(&src.join(stage), &mut files);
        assert!(!files.is_empty(), "src/{stage} has no Rust files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in code_lines(&text) {
                for other in STAGES {
                    let named = line.contains(&format!("crate::{other}::"))
                        || line.contains(&format!("dossier::{other}::"));
                    if named && other != stage && !allowed.contains(&other) {
                        offences.push(format!("{}:{n}: {stage} imports {other}", file.display()));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "a stage imports one above it or beside it:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_readers_shell_names_none_of_the_openers_code() {
    // What opens and checks other files lives in the opener's module
    // (src/bin/opener.rs); the reader's components only hand it bytes.
    const OPENER: [&str; 7] = [
        "format::validate",
        "format::suggest",
        "format::jsonpos",
        "crate::import",
        "crate::open",
        "serde_json",
        "strsim",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("bin/app.rs")];
    rust_files(&src.join("components"), &mut files);
    files.retain(|f| !f.components().any(|c| c.as_os_str() == "editor"));
    for dir in ["view", "charts", "graph", "base"] {
        rust_files(&src.join(dir), &mut files);
    }
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            if let Some(name) = OPENER.iter().find(|o| line.contains(*o)) {
                offences.push(format!("{}:{n}: {name}", file.display()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "opener code named by the reader:\n{}",
        offences.join("\n")
    );
}
