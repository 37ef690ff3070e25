//! The native command line for datasets.
//!
//! ```text
//! dossier check FILE     list every problem, compiler-style; exit 1 on any
//! dossier stats FILE     counts per part and per kind
//! dossier schema         print the JSON Schema of the format
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (code, out, err) = dossier::cli::run(&args, |path| std::fs::read(path));
    print!("{out}");
    eprint!("{err}");
    ExitCode::from(code)
}
