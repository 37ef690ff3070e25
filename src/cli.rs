//! The command line's logic, kept apart from its `main` so that it is tested
//! natively like the rest of the core: `run` takes the arguments and a file
//! reader, and returns the exit code, stdout and stderr.
//!
//! Pure: no browser types here.

use crate::format::model::Dataset;
use crate::format::story::Stats;
use crate::format::validate::{load_bytes, locate, Problem};
use std::collections::BTreeMap;
use std::fmt::Write;

pub const USAGE: &str = "usage:
  dossier check FILE     list every problem in a dataset; exit 1 on any (FILE - reads stdin)
  dossier stats FILE     counts per part and per kind (FILE - reads stdin)
  dossier format FILE    print the dataset pretty, fields in the guide's order, as the editor exports it
  dossier schema         print the JSON Schema of the format
  dossier noscript       print index.html's no-JavaScript summary of the bundled story
  dossier generate N [SEED] [ACTORS]   print a synthetic dataset of N events (for tests and benchmarks)
  dossier generate-acled N [SEED] [ACTORS]  print a synthetic ACLED-format CSV of N rows;
                                       with ACTORS, Zipf-skewed among that many, dated in bursts
  dossier fixture NAME   print a story of one shape (JSON, or CSV for acled-5000)
  dossier fixture --list the shapes, one a line: name, file extension, what it is
  dossier import acled FILE.csv        print a Dossier dataset made from an ACLED export;
                                       skipped rows (number and reason) go to stderr
";

/// Run one command. Returns (exit code, stdout, stderr).
pub fn run(
    args: &[String],
    read: impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> (u8, String, String) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", file] => with_file(file, &read, |bytes| check(display_name(file), bytes)),
        ["stats", file] => with_file(file, &read, |bytes| match load_bytes(bytes) {
            Ok(ds) => (0, stats(&ds), String::new()),
            Err(problems) => (
                1,
                String::new(),
                report(display_name(file), bytes, &problems),
            ),
        }),
        ["format", file] => with_file(file, &read, |bytes| {
            match serde_json::from_slice::<serde_json::Value>(bytes) {
                Ok(doc) => (0, crate::author::export::pretty(&doc), String::new()),
                Err(e) => (
                    1,
                    String::new(),
                    format!("{}: not JSON: {e}\n", display_name(file)),
                ),
            }
        }),
        ["schema"] => (0, crate::format::schema::schema_json(), String::new()),
        ["noscript"] => match crate::format::story::first_story() {
            Ok(ds) => (
                0,
                crate::view::noscript::summary_html(&ds) + "\n",
                String::new(),
            ),
            Err(problems) => (1, String::new(), report("first-story.json", b"", &problems)),
        },
        ["generate", n, rest @ ..] if rest.len() <= 2 => generate(n, rest),
        ["generate-acled", n, rest @ ..] if rest.len() <= 2 => {
            let n = n.parse::<usize>().ok().filter(|&n| n <= 1_000_000);
            let seed = rest.first().map_or(Some(1), |s| s.parse::<u32>().ok());
            let actors = rest.get(1).map(|a| {
                a.parse::<usize>()
                    .ok()
                    .filter(|&a| (2..=100_000).contains(&a))
            });
            match (n, seed, actors) {
                (Some(n), Some(seed), None) => (
                    0,
                    crate::import::generate::acled_csv(n, seed),
                    String::new(),
                ),
                (Some(n), Some(seed), Some(Some(actors))) => (
                    0,
                    crate::import::shapes::acled(n, actors, seed),
                    String::new(),
                ),
                _ => (
                    2,
                    String::new(),
                    format!(
                        "error: N must be 0–1000000, SEED a whole number, ACTORS 2–100000\n{USAGE}"
                    ),
                ),
            }
        }
        ["fixture", "--list"] => (0, fixture_list(), String::new()),
        ["fixture", name] => match crate::import::shapes::fixture(name) {
            Some(f) => (0, f.text(), String::new()),
            None => (
                2,
                String::new(),
                format!("error: no shape called {name:?}; `dossier fixture --list` names them\n"),
            ),
        },
        ["import", "acled", file] => with_file(file, &read, |bytes| import_acled(file, bytes)),
        ["help" | "--help" | "-h"] => (0, USAGE.to_owned(), String::new()),
        _ => (2, String::new(), USAGE.to_owned()),
    }
}

/// `generate N [SEED] [ACTORS]`: a synthetic dataset as JSON.
fn generate(n: &str, rest: &[&str]) -> (u8, String, String) {
    let n = n.parse::<usize>().ok().filter(|&n| n <= 1_000_000);
    let seed = rest.first().map_or(Some(1), |s| s.parse::<u32>().ok());
    let actors = rest
        .get(1)
        .map(|s| s.parse::<usize>().ok().filter(|&a| a <= 100_000));
    let ds = match (n, seed, actors) {
        (Some(n), Some(seed), None) => crate::import::generate::dataset(n, seed),
        (Some(n), Some(seed), Some(Some(actors))) => {
            crate::import::generate::dataset_with_actors(n, actors, seed)
        }
        _ => {
            return (
                2,
                String::new(),
                format!("error: N must be 0–1000000, SEED and ACTORS whole numbers\n{USAGE}"),
            )
        }
    };
    let mut json = serde_json::to_string(&ds).unwrap_or_default();
    json.push('\n');
    (0, json, String::new())
}

/// `fixture --list`: "hub json one actor in most events", one a line.
fn fixture_list() -> String {
    let mut out = String::new();
    for (name, ext, what) in crate::import::shapes::SHAPES {
        let _ = writeln!(out, "{name} {ext} {what}");
    }
    out
}

/// `import acled FILE`: the dataset on stdout, skipped rows on stderr.
fn import_acled(file: &str, bytes: &[u8]) -> (u8, String, String) {
    let name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    match crate::import::acled::import(bytes, &name) {
        Ok(import) => {
            let mut err = String::new();
            for s in &import.skipped {
                let _ = writeln!(
                    err,
                    "{file}: row {} (line {}): skipped: {}",
                    s.row, s.line, s.reason
                );
            }
            let _ = writeln!(
                err,
                "{file}: {} rows, {} events, {} actors, {} skipped",
                import.rows,
                import.dataset.events.len(),
                import.dataset.actors.len(),
                import.skipped.len()
            );
            let mut json = serde_json::to_string_pretty(&import.dataset).unwrap_or_default();
            json.push('\n');
            (0, json, err)
        }
        Err(problems) => {
            let mut err = String::new();
            for p in &problems {
                let _ = writeln!(err, "error: {}\n  --> {file}  {}", p.kind, p.path);
            }
            (1, String::new(), err)
        }
    }
}

/// The file reader for the command line: a path, or `-` for standard input.
pub fn read_path(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// How a problem list names the file: standard input as `<stdin>`.
fn display_name(file: &str) -> &str {
    if file == "-" {
        "<stdin>"
    } else {
        file
    }
}

fn with_file(
    file: &str,
    read: &impl Fn(&str) -> std::io::Result<Vec<u8>>,
    then: impl FnOnce(&[u8]) -> (u8, String, String),
) -> (u8, String, String) {
    match read(file) {
        Ok(bytes) => then(&bytes),
        Err(e) => (
            1,
            String::new(),
            format!("error: cannot read {}: {e}\n", display_name(file)),
        ),
    }
}

fn check(file: &str, bytes: &[u8]) -> (u8, String, String) {
    match load_bytes(bytes) {
        Ok(ds) => {
            let s = Stats::of(&ds);
            (
                0,
                format!(
                    "{file}: ok ({} actors, {} events, {} relations, {} tallies)\n",
                    s.actors, s.events, s.relations, s.tallies
                ),
                String::new(),
            )
        }
        Err(problems) => (1, String::new(), report(file, bytes, &problems)),
    }
}

/// Problems the way a compiler prints them:
///
/// ```text
/// error: unknown actor "hezbolah" (did you mean "hezbollah"?)
///   --> story.json:212:23  events[3].participants[0].actor
/// ```
pub fn report(file: &str, bytes: &[u8], problems: &[Problem]) -> String {
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let mut out = String::new();
    for p in problems {
        let place = match &p.kind {
            crate::format::validate::ProblemKind::Syntax { line, column, .. } => {
                format!("{file}:{line}:{column}")
            }
            _ => match locate(text, &p.path) {
                Some((line, column)) => format!("{file}:{line}:{column}  {}", p.path),
                None => format!("{file}  {}", p.path),
            },
        };
        let _ = writeln!(out, "error: {}\n  --> {place}", p.kind);
    }
    let n = problems.len();
    let _ = writeln!(
        out,
        "{file}: {n} problem{} found",
        if n == 1 { "" } else { "s" }
    );
    out
}

/// Counts per part, then per kind of actor, event and relation.
pub fn stats(ds: &Dataset) -> String {
    let s = Stats::of(ds);
    let mut out = format!(
        "{}\n  paragraphs {:>4}\n  sources    {:>4}\n  actors     {:>4}\n  events     {:>4}\n  relations  {:>4}\n  tallies    {:>4}\n  notes      {:>4}\n",
        ds.story.title, s.paragraphs, s.sources, s.actors, s.events, s.relations, s.tallies, s.notes
    );
    let mut section = |title: &str, kinds: Vec<String>| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for k in kinds {
            *counts.entry(k).or_default() += 1;
        }
        let _ = writeln!(out, "{title}");
        for (k, n) in counts {
            let _ = writeln!(out, "  {k:<34} {n:>4}");
        }
    };
    section(
        "actors by kind",
        ds.actors.iter().map(|a| a.kind.to_string()).collect(),
    );
    section(
        "events by kind",
        ds.events.iter().map(|e| e.kind.to_string()).collect(),
    );
    section(
        "events by status",
        ds.events
            .iter()
            .map(|e| ds.status_of(e).state.to_string())
            .collect(),
    );
    section(
        "relations by kind",
        ds.relations.iter().map(|r| r.kind.to_string()).collect(),
    );
    section(
        "tallies by category",
        ds.tallies.iter().map(|t| t.category.to_string()).collect(),
    );
    out
}
