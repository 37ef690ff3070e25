//! The shape of the crate, checked: the pure stages never reach for the
//! browser or the shell, so they stay testable natively in milliseconds.

use std::path::{Path, PathBuf};

const PURE: [&str; 5] = ["format", "import", "view", "charts", "graph"];
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
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                if let Some(name) = BROWSER.iter().find(|b| code.contains(*b)) {
                    offences.push(format!("{}:{}: {name}", file.display(), n + 1));
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
