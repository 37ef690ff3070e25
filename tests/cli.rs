//! The `dossier` command line, driven through its pure `run`.

#![cfg(not(target_arch = "wasm32"))]

use dossier::cli::run;

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

#[test]
fn check_passes_the_bundled_story() {
    let (code, out, err) = run(&args(&["check", "src/format/data/first-story.json"]), read);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ok (19 actors, 18 events, 29 relations, 5 tallies)"),
        "{out}"
    );
}

#[test]
fn check_reports_like_a_compiler_and_fails() {
    let (code, _, err) = run(
        &args(&["check", "tests/fixtures/seven-mistakes.json"]),
        read,
    );
    assert_eq!(code, 1);
    assert!(err.contains(
        "error: unknown actor \"hezbolah\" (did you mean \"hezbollah\"?)\n  --> tests/fixtures/seven-mistakes.json:"
    ), "{err}");
    assert!(err.contains("events[5].participants[0].actor"));
    assert!(err.ends_with("7 problems found\n"), "{err}");
}

#[test]
fn stats_counts_per_kind() {
    let (code, out, _) = run(&args(&["stats", "src/format/data/first-story.json"]), read);
    assert_eq!(code, 0);
    assert!(out.contains("  events       18\n"), "{out}");
    assert!(out.contains("  claim_of_responsibility"), "{out}");
}

#[test]
fn missing_file_and_bad_usage_fail() {
    let (code, _, err) = run(&args(&["check", "no/such/file.json"]), read);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read no/such/file.json"));
    let (code, _, err) = run(&args(&["frobnicate"]), read);
    assert_eq!(code, 2);
    assert!(err.starts_with("usage:"));
}

#[test]
fn generate_writes_a_valid_dataset() {
    let (code, out, _) = run(&args(&["generate", "50", "3", "20"]), read);
    assert_eq!(code, 0);
    let ds = dossier::format::validate::load(&out).expect("a valid dataset");
    assert_eq!((ds.events.len(), ds.actors.len()), (50, 20));
    let (code, _, err) = run(&args(&["generate", "lots"]), read);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: N must be"));
}

#[test]
fn import_acled_writes_datasets_that_pass_check() {
    for fixture in [
        "modern-bom-crlf.csv",
        "legacy-data-id.csv",
        "no-actor2-reordered.csv",
        "bad-rows.csv",
    ] {
        let path = format!("tests/fixtures/acled/{fixture}");
        let (code, json, err) = run(&args(&["import", "acled", &path]), read);
        assert_eq!(code, 0, "{fixture}: {err}");
        // The output, read back by `check` as a file.
        let (code, out, err) = run(&args(&["check", "imported.json"]), |_| {
            Ok(json.clone().into_bytes())
        });
        assert_eq!(code, 0, "{fixture}: {err}");
        assert!(out.starts_with("imported.json: ok ("), "{out}");
    }
    let (_, _, err) = run(
        &args(&["import", "acled", "tests/fixtures/acled/bad-rows.csv"]),
        read,
    );
    assert!(
        err.contains("tests/fixtures/acled/bad-rows.csv: row 2 (line 3): skipped: actor1 is empty"),
        "{err}"
    );
    assert!(
        err.ends_with("4 rows, 1 events, 2 actors, 3 skipped\n"),
        "{err}"
    );
}

#[test]
fn import_acled_refuses_what_is_not_an_export() {
    let (code, out, err) = run(
        &args(&["import", "acled", "tests/fixtures/acled/not-acled.csv"]),
        read,
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("this CSV is not an ACLED export"), "{err}");
}

#[test]
fn a_generated_acled_export_imports_whole() {
    let (code, csv, _) = run(&args(&["generate-acled", "200", "7"]), read);
    assert_eq!(code, 0);
    let i = dossier::import::acled::import(csv.as_bytes(), "generated.csv").unwrap();
    assert_eq!(
        (i.rows, i.dataset.events.len(), i.skipped.len()),
        (200, 200, 0)
    );
}

/// `-` reads standard input, as command-line tools do: the real binary,
/// with a story piped in.
#[test]
fn check_reads_standard_input_for_a_dash() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run_with = |input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["check", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the dossier binary runs");
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run_with(&read("src/format/data/first-story.json").unwrap());
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("ok (19 actors, 18 events"), "{out}");
    let (code, _, err) = run_with(&read("tests/fixtures/seven-mistakes.json").unwrap());
    assert_eq!(code, Some(1));
    assert!(err.contains("--> <stdin>:"), "{err}");
}

#[test]
fn format_prints_the_same_dataset_in_the_guides_order() {
    let (code, out, err) = run(&args(&["format", "src/format/data/first-story.json"]), read);
    assert_eq!(code, 0, "{err}");
    let original: serde_json::Value =
        serde_json::from_slice(&read("src/format/data/first-story.json").unwrap()).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        original
    );
    assert!(out.find("\"format\"") < out.find("\"story\""));
    let (code, _, err) = run(&args(&["format", "Cargo.toml"]), read);
    assert_eq!(code, 1);
    assert!(err.contains("Cargo.toml: not JSON"), "{err}");
}
