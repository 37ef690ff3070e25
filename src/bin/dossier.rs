//! The native command line for datasets.
//!
//! ```text
//! dossier check FILE     list every problem, compiler-style; exit 1 on any (- for stdin)
//! dossier stats FILE     counts per part and per kind
//! dossier schema         print the JSON Schema of the format
//! dossier pack           check the bundled story and write it packed, for the reader
//! ```

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
mod prerender {
    use std::process::ExitCode;

    /// `dossier prerender [index.html]`: print the bundled story's opening
    /// view as HTML, or write it and the embed's beside index.html, into
    /// web/generated/page-view.html and embed-view.html. The build puts
    /// them into index.html and embed.html after minifying the page
    /// (web/post-build.sh), so that one index.html serves the page and
    /// the embed.
    pub fn prerender(index: Option<&str>) -> ExitCode {
        let runtime = match tokio::runtime::Builder::new_current_thread().build() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let local = tokio::task::LocalSet::new();
        let html = local.block_on(&runtime, dossier::components::prerender());
        let embed = local.block_on(&runtime, dossier::components::prerender_embed());
        let Some(path) = index else {
            println!("{html}");
            return ExitCode::SUCCESS;
        };
        let dir = std::path::Path::new(path).with_file_name("web/generated");
        for (name, view) in [("page-view.html", html), ("embed-view.html", embed)] {
            let file = dir.join(name);
            if let Err(e) = std::fs::write(&file, dossier::components::page_part(&view)) {
                eprintln!("error: cannot write {}: {e}", file.display());
                return ExitCode::FAILURE;
            }
        }
        ExitCode::SUCCESS
    }
}

/// `dossier pack`: check `src/format/data/first-story.json` and write it
/// packed beside it, as the reader's download carries it.
#[cfg(not(target_arch = "wasm32"))]
fn pack() -> ExitCode {
    use dossier::format::story::{first_story, FIRST_STORY_PACKED_PATH};
    let ds = match first_story() {
        Ok(ds) => ds,
        Err(problems) => {
            for p in problems {
                eprintln!("first-story.json: {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    match std::fs::write(FIRST_STORY_PACKED_PATH, dossier::format::packed::pack(&ds)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write {FIRST_STORY_PACKED_PATH}: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    #[cfg(not(target_arch = "wasm32"))]
    if args.first().map(String::as_str) == Some("prerender") {
        return prerender::prerender(args.get(1).map(String::as_str));
    }
    if args.first().map(String::as_str) == Some("pack") {
        return pack();
    }
    let (code, out, err) = dossier::cli::run(&args, dossier::cli::read_path);
    print!("{out}");
    eprint!("{err}");
    ExitCode::from(code)
}
