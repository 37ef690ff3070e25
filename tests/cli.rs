//! The `dossier` command line, driven through its pure `run`.

use dossier::cli::run;

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

#[test]
fn check_passes_the_bundled_story() {
    let (code, out, err) = run(&args(&["check", "src/data/first-story.json"]), read);
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
    let (code, out, _) = run(&args(&["stats", "src/data/first-story.json"]), read);
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
    let ds = dossier::validate::load(&out).expect("a valid dataset");
    assert_eq!((ds.events.len(), ds.actors.len()), (50, 20));
    let (code, _, err) = run(&args(&["generate", "lots"]), read);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: N must be"));
}
