//! The format, the validator and the bundled first story, tested natively.

use dossier::format::model::{Count, Dataset};
use dossier::format::story::{first_story, FIRST_STORY_JSON};
use dossier::format::validate::{load, load_bytes, validate, Problem, ProblemKind};
use dossier::format::vocab::CountQualifier;
use proptest::prelude::*;
use serde_json::Value;

fn story() -> Dataset {
    first_story().unwrap_or_else(|p| panic!("bundled story is invalid: {p:#?}"))
}

#[test]
fn bundled_story_is_valid() {
    let ds = story();
    assert_eq!(validate(&ds), Vec::<Problem>::new());
    assert_eq!(ds.story.paragraphs.len(), 15);
    assert!(ds
        .story
        .title
        .starts_with("Lebanon’s Hezbollah hosts Hamas delegation"));
}

/// Checked here directly, not through the validator, so that a validator bug
/// cannot hide a bad quote.
#[test]
fn every_quote_is_an_exact_substring_of_its_paragraph() {
    let ds = story();
    let mut quotes = Vec::new();
    for a in &ds.actors {
        quotes.extend(a.roles.iter().map(|r| (&a.id, &r.provenance)));
    }
    for e in &ds.events {
        quotes.extend(e.provenance.iter().map(|p| (&e.id, p)));
    }
    for r in &ds.relations {
        quotes.extend(r.provenance.iter().map(|p| (&r.id, p)));
    }
    for t in &ds.tallies {
        quotes.extend(t.provenance.iter().map(|p| (&t.id, p)));
    }
    assert!(quotes.len() > 60, "expected every item to carry provenance");
    for (id, p) in quotes {
        let para = &ds.story.paragraphs[p.paragraph as usize - 1];
        assert!(
            para.contains(&p.quote),
            "{id}: {:?} is not in paragraph {}",
            p.quote,
            p.paragraph
        );
    }
}

#[test]
fn every_event_relation_and_tally_has_provenance() {
    let ds = story();
    assert!(ds.events.iter().all(|e| !e.provenance.is_empty()));
    assert!(ds.relations.iter().all(|r| !r.provenance.is_empty()));
    assert!(ds.tallies.iter().all(|t| !t.provenance.is_empty()));
}

#[test]
fn claims_stay_claims() {
    let ds = story();
    let claim = ds.event("e-hermon-claim").unwrap();
    assert_eq!(ds.status_of(claim).state.as_str(), "claimed");
    assert_eq!(ds.status_of(claim).by, ["hezbollah"]);
    let shebaa = ds.event("e-shebaa-strike").unwrap();
    assert_eq!(ds.status_of(shebaa).state.as_str(), "claimed");
}

#[test]
fn vague_dates_keep_their_precision() {
    let ds = story();
    let april = ds.event("e-haniyeh-arouri-talks").unwrap();
    assert_eq!(april.date.to_string(), "2024-04");
    assert!(
        april.note.is_some(),
        "the April talks carry their ambiguity note"
    );
    let makki = ds.event("e-makki-killed").unwrap();
    assert_eq!(makki.date.to_string(), "2024-05-14");
    assert_eq!(makki.time_of_day.map(|t| t.as_str()), Some("night"));
}

#[test]
fn figures_carry_their_qualifiers() {
    let ds = story();
    let q = |id: &str| {
        let t = ds.tally(id).unwrap();
        (t.count.qualifier.as_str(), t.count.value)
    };
    assert_eq!(q("t-hezbollah-members"), ("at_least", Some(295)));
    assert_eq!(q("t-lebanon-civilians"), ("more_than", Some(79)));
    assert_eq!(q("t-lebanon-journalists"), ("exact", Some(3)));
    assert_eq!(
        ds.tally("t-lebanon-journalists")
            .unwrap()
            .subset_of
            .as_deref(),
        Some("t-lebanon-civilians")
    );
    assert_eq!(q("t-israel-soldiers"), ("exact", Some(14)));
    assert_eq!(q("t-israel-civilians"), ("exact", Some(10)));
}

fn problems_of(text: &str) -> Vec<Problem> {
    match load(text) {
        Ok(_) => panic!("expected problems"),
        Err(p) => p,
    }
}

#[test]
fn seven_kinds_of_mistake_are_all_reported_with_their_paths() {
    let text = include_str!("fixtures/seven-mistakes.json");
    let problems = problems_of(text);
    let expected = [
        (
            "actors[2].nmae",
            "unknown field \"nmae\" (did you mean \"name\"?)",
        ),
        (
            "actors[5].kind",
            "unknown actor kind \"armed-grup\" (did you mean \"armed_group\"?)",
        ),
        ("events[3].id", "duplicate event id \"e-cross-border-fire\""),
        (
            "events[5].participants[0].actor",
            "unknown actor \"hezbolah\" (did you mean \"hezbollah\"?)",
        ),
        ("events[6].date", "2024-02 has no day 30"),
        (
            "events[8].provenance[0].quote",
            "not an exact substring of paragraph 9",
        ),
        (
            "tallies[0].count.low",
            "low (300) is greater than high (200)",
        ),
    ];
    for (path, reason) in expected {
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.kind.to_string().contains(reason)),
            "missing {path}: {reason}\nfound:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert_eq!(
        problems.len(),
        expected.len(),
        "no extra problems: {problems:#?}"
    );
}

#[test]
fn syntax_errors_name_line_and_column() {
    let problems = problems_of("{\n  \"format\": \"dossier/1\",\n  \"story\": {,\n}");
    assert!(matches!(
        problems[0].kind,
        ProblemKind::Syntax {
            line: 3,
            column: 13,
            ..
        }
    ));
}

#[test]
fn other_json_is_not_a_dossier() {
    let p = problems_of("[1, 2, 3]");
    assert!(p[0].kind.to_string().contains("not a Dossier dataset"));
    let p = problems_of("{\"type\": \"FeatureCollection\"}");
    assert!(p[0].kind.to_string().contains("not a Dossier dataset"));
    assert_eq!(problems_of("  \n")[0].kind, ProblemKind::Empty);
    assert!(matches!(
        load_bytes(b"\xff\xfe\x00binary").unwrap_err()[0].kind,
        ProblemKind::NotText(_)
    ));
}

#[test]
fn quote_hints_point_to_the_right_paragraph() {
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    v["events"][0]["provenance"][0]["paragraph"] = 5.into();
    let problems = problems_of(&v.to_string());
    assert_eq!(problems.len(), 1);
    assert!(problems[0]
        .kind
        .to_string()
        .contains("it is in paragraph 4"));
}

#[test]
fn straight_quotes_get_a_typography_hint() {
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    v["relations"][0]["provenance"][0]["quote"] = "Hezbollah's Secretary General".into();
    let problems = problems_of(&v.to_string());
    assert!(problems[0].kind.to_string().contains("typography"));
}

#[test]
fn subset_larger_than_superset_is_refused() {
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    // Israel's 10 civilians become an exact superset of a 14-strong subset.
    v["tallies"][3]["subset_of"] = "t-israel-civilians".into();
    let problems = problems_of(&v.to_string());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "tallies[3].count.value");
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dossier::format::schema::SCHEMA_PATH),
    )
    .expect("docs/dossier.schema.json exists");
    assert!(
        committed == dossier::format::schema::schema_json(),
        "docs/dossier.schema.json is stale: run `cargo run --bin dossier -- schema > docs/dossier.schema.json`"
    );
}

#[test]
fn the_reader_bundles_the_current_story_packed() {
    // The reader unpacks what `dossier pack` wrote: it must be the story
    // the JSON holds today, checked, and packed as this build packs it.
    assert!(
        dossier::format::story::FIRST_STORY_PACKED == dossier::format::packed::pack(&story()),
        "src/format/data/first-story.packed is stale: run `cargo run --bin dossier -- pack`"
    );
}

#[test]
fn serialising_round_trips() {
    let ds = story();
    let again = load(&serde_json::to_string(&ds).unwrap()).unwrap();
    assert_eq!(again, ds);
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "dossier/1",
            "person",
            "2024-05-14",
            "hezbollah",
            "exact"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "format",
                    "story",
                    "actors",
                    "events",
                    "relations",
                    "tallies",
                    "sources",
                    "id",
                    "kind",
                    "name",
                    "date",
                    "count",
                    "value",
                    "low",
                    "high",
                    "quote",
                    "paragraph",
                    "source",
                    "provenance",
                    "title",
                    "paragraphs",
                    "x",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every place in the tree, as a JSON pointer ("" is the whole document).
fn places(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match v {
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                places(c, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, c) in o {
                let key = k.replace('~', "~0").replace('/', "~1");
                places(c, &format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// Replace the value at the `pick`th place of the tree (modulo their
/// number) with `with`; whether that changed the document.
fn damage(v: &mut Value, pick: usize, with: &Value) -> bool {
    let mut all = Vec::new();
    places(v, "", &mut all);
    let at = &all[pick % all.len()];
    let slot = v.pointer_mut(at).expect("a place found in the tree");
    let changed = slot != with;
    *slot = with.clone();
    changed
}

/// Every pick lands somewhere in the story: each case of the property below
/// damages it (a pick that found no place used to leave it whole).
#[test]
fn every_pick_damages_the_story() {
    let story: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    let with = Value::from("damaged");
    let mut all = Vec::new();
    places(&story, "", &mut all);
    assert!(all.len() > 1000, "{} places", all.len());
    for pick in (0..100_000).step_by(97) {
        let mut v = story.clone();
        assert!(
            damage(&mut v, pick, &with),
            "pick {pick} left the story whole"
        );
        assert_ne!(v, story);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_bytes(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        let _ = load(&v.to_string());
    }

    /// Damage the real dataset in one place: it never panics, and anything
    /// it accepts passes validation again.
    #[test]
    fn damaged_story_never_panics(pick in any::<usize>(), with in arb_json()) {
        let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
        prop_assume!(damage(&mut v, pick, &with));
        if let Ok(ds) = load(&v.to_string()) {
            prop_assert!(validate(&ds).is_empty());
        }
    }

    #[test]
    // Cut anywhere before the document's end: cutting only the trailing
    // newline leaves a whole document.
    fn truncated_story_never_panics(cut in 0usize..FIRST_STORY_JSON.trim_end().len()) {
        let mut end = cut;
        while !FIRST_STORY_JSON.is_char_boundary(end) { end -= 1; }
        prop_assert!(load(&FIRST_STORY_JSON[..end]).is_err());
    }
}

/// The guide's minimal example is a valid dataset, so the guide stays true.
#[test]
fn data_format_guide_example_is_valid() {
    let guide = include_str!("../docs/DATA_FORMAT.md");
    let start = guide.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + guide[start..].find("```").expect("closing fence");
    let ds = load(&guide[start..end]).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.status_of(&ds.events[0]).state.as_str(), "claimed");
}

/// index.html carries the story's facts for readers without JavaScript; the
/// block must match the dataset. Regenerate it with `dossier noscript`.
#[test]
fn index_html_noscript_summary_is_current() {
    let page = include_str!("../index.html");
    let expected = dossier::view::noscript::summary_html(&story());
    assert!(
        page.contains(&expected),
        "index.html's <noscript> block is stale: replace the block between its markers with the output of `cargo run --bin dossier -- noscript`"
    );
}

/// The link-preview description states the dataset's counts; keep them true.
#[test]
fn index_html_preview_counts_are_current() {
    let page = include_str!("../index.html");
    let s = dossier::format::story::Stats::of(&story());
    let counts = format!(
        "{} events, {} actors and {} casualty figures",
        s.events, s.actors, s.tallies
    );
    assert_eq!(
        page.matches(&counts).count(),
        1,
        "the og:description should say {counts}"
    );
}

/// How many kinds of mistake [`plant`] knows.
const PLANTS: usize = 14;

/// A mistake the property below plants: what it does to an event (or, for
/// the last kinds, to a tally), and the path the problem must name.
fn plant(v: &mut Value, kind: usize, i: usize) -> String {
    if kind >= 11 {
        let j = i % v["tallies"].as_array().unwrap().len();
        let t = &mut v["tallies"][j];
        let at = format!("tallies[{j}]");
        return match kind {
            11 => {
                // Words for the count that its quote does not have.
                t["count"]["words"] = "scores upon scores".into();
                format!("{at}.count.words")
            }
            12 => {
                // Said to be withdrawn, without the text's words.
                t["withdrawn"] = "".into();
                format!("{at}.withdrawn")
            }
            _ => {
                t["outcome"] = "vanished".into();
                format!("{at}.outcome")
            }
        };
    }
    let paragraphs: Vec<String> = v["story"]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let e = &mut v["events"][i];
    let at = format!("events[{i}]");
    match kind {
        0 => {
            e["date"] = "2024-13-01".into();
            format!("{at}.date")
        }
        1 => {
            e["kind"] = "bogus_kind".into();
            format!("{at}.kind")
        }
        2 => {
            // Cited from a paragraph that does not hold the quote.
            let quote = e["provenance"][0]["quote"].as_str().unwrap().to_owned();
            let wrong = paragraphs.iter().position(|p| !p.contains(&quote)).unwrap() + 1;
            e["provenance"][0]["paragraph"] = wrong.into();
            format!("{at}.provenance[0].quote")
        }
        3 => {
            e["participants"] = serde_json::json!([{ "actor": "nobody-at-all", "role": "host" }]);
            format!("{at}.participants[0].actor")
        }
        4 => {
            e["status"]["state"] = "rumoured".into();
            format!("{at}.status.state")
        }
        5 => {
            e["sumary"] = "a typo".into();
            format!("{at}.sumary")
        }
        6 => {
            e["time_of_day"] = "dusk".into();
            format!("{at}.time_of_day")
        }
        7 => {
            // Said to be inferred, without saying how.
            e["date_inferred"] = " ".into();
            format!("{at}.date_inferred")
        }
        8 => {
            // A part of an event the story does not have.
            e["part_of"] = "e-nowhere".into();
            format!("{at}.part_of")
        }
        9 => {
            // People who are no party, and an actor, in one participant.
            let list = e["participants"].as_array_mut();
            let n = list.as_ref().map_or(0, |l| l.len());
            let both = serde_json::json!({ "actor": "hezbollah", "victims": "bystanders", "role": "victim" });
            match list {
                Some(l) => l.push(both),
                None => e["participants"] = serde_json::json!([both]),
            }
            format!("{at}.participants[{n}].victims")
        }
        _ => {
            e["summary"] = "".into();
            format!("{at}.summary")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// k mistakes of different kinds, in any events (two may share one),
    /// are all reported in one run, each at its place: one mistake never
    /// hides another, not even in the same item.
    #[test]
    fn every_planted_mistake_is_reported(
        kinds in prop::sample::subsequence((0..PLANTS).collect::<Vec<usize>>(), 1..=PLANTS),
        events in prop::collection::vec(0usize..18, PLANTS),
    ) {
        let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
        let planted: Vec<String> = kinds
            .iter()
            .zip(&events)
            .map(|(&k, &i)| plant(&mut v, k, i))
            .collect();
        let problems = problems_of(&v.to_string());
        prop_assert!(problems.len() >= planted.len(), "{} mistakes, {} problems", planted.len(), problems.len());
        for path in &planted {
            prop_assert!(
                problems.iter().any(|p| &p.path == path),
                "nothing at {path}: {problems:#?}"
            );
        }
        // And nothing made up: a field stood in for raises no problem of its own.
        prop_assert_eq!(problems.len(), planted.len(), "{:#?}", problems);
    }
}

#[test]
fn a_bad_field_does_not_hide_a_wrong_paragraph_in_the_same_event() {
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    let a = plant(&mut v, 6, 4);
    let b = plant(&mut v, 2, 4);
    let paths: Vec<String> = problems_of(&v.to_string())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, [a, b]);
}

#[test]
fn a_revision_with_a_broken_date_is_told_of_its_date_alone() {
    // The stand-in put in for the date must not make the revision read as
    // earlier than the figure it updates.
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    let tallies = v["tallies"].as_array_mut().unwrap();
    let mut later = tallies[0].clone();
    later["id"] = "t-later".into();
    later["revises"] = tallies[0]["id"].clone();
    later["as_of"] = "2024-05-15T19:00".into();
    tallies.push(later);
    let at = tallies.len() - 1;
    let paths: Vec<String> = problems_of(&v.to_string())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, [format!("tallies[{at}].as_of")]);
}

fn message_at(v: &Value, path: &str) -> String {
    let problems = problems_of(&v.to_string());
    problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("nothing at {path}: {problems:#?}"))
        .kind
        .to_string()
}

#[test]
fn a_date_after_publication_is_an_error_with_the_likely_year() {
    let mut v: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    v["events"][4]["date"] = "2025-05-14".into();
    v["tallies"][0]["as_of"] = "2025-05-15".into();
    assert_eq!(
        message_at(&v, "events[4].date"),
        "2025-05-14 is after the story was published (2024-05-15); did you mean 2024-05-14?"
    );
    assert!(message_at(&v, "tallies[0].as_of").contains("did you mean 2024-05-15?"));
    // A month after publication in the same year: the year before is meant.
    v["events"][4]["date"] = "2024-06-02".into();
    assert!(message_at(&v, "events[4].date").contains("did you mean 2023-06-02?"));
}

#[test]
fn messages_say_how_to_fix_it() {
    let base: Value = serde_json::from_str(FIRST_STORY_JSON).unwrap();
    // An ellipsis typed as one character where the article has three dots.
    let mut v = base.clone();
    let para = v["story"]["paragraphs"][0].as_str().unwrap().to_owned();
    let words: Vec<&str> = para.split(' ').collect();
    v["story"]["paragraphs"][0] =
        format!("{} ... {}", words[..4].join(" "), words[4..].join(" ")).into();
    v["events"][0]["provenance"][0] = serde_json::json!({
        "source": "al-monitor", "paragraph": 1, "quote": format!("{} … {}", words[2..4].join(" "), words[4])
    });
    assert!(message_at(&v, "events[0].provenance[0].quote").contains("the ellipsis differs"));
    // An unknown kind: a term of one's own takes x-.
    let mut v = base.clone();
    v["events"][0]["kind"] = "village raid".into();
    assert!(message_at(&v, "events[0].kind").contains("\"x-village-raid\""));
    // An unknown time of day: the four there are.
    let mut v = base.clone();
    v["events"][0]["time_of_day"] = "dusk".into();
    assert!(message_at(&v, "events[0].time_of_day")
        .contains("the terms are morning, afternoon, evening, night"));
    // A source's id where an actor belongs.
    let mut v = base.clone();
    v["events"][0]["participants"][0]["actor"] = "al-manar-source".into();
    v["sources"][1]["id"] = "al-manar-source".into();
    let m = message_at(&v, "events[0].participants[0].actor");
    assert!(
        m.contains("is a source's id, but an actor is needed here"),
        "{m}"
    );
    // A claim with no `by`: the path, and a line to find it.
    let mut v = base.clone();
    v["events"][0]["status"] = serde_json::json!({ "state": "claimed" });
    let text = serde_json::to_string_pretty(&v).unwrap();
    let problems = problems_of(&text);
    let p = problems
        .iter()
        .find(|p| p.path == "events[0].status.by")
        .unwrap();
    assert!(dossier::format::validate::locate(&text, &p.path).is_some());
    // A quotation mark that ends a string early.
    let broken = FIRST_STORY_JSON.replacen("\"Hezbollah\"", "\"the \"party\" of God\"", 1);
    let m = problems_of(&broken)[0].kind.to_string();
    assert!(m.contains("must be written \\\""), "{m}");
}

/// The allegation fixture uses every part that says whose word a fact
/// rests on; each reads right in the texts the reader gets.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn whose_word_reads_right_everywhere() {
    use dossier::view::present;
    let ds = dossier::import::shapes::story("allegation").expect("the allegation fixture loads");
    assert_eq!(validate(&ds), Vec::<Problem>::new());
    let raid = ds.event("e-raid").unwrap();
    assert_eq!(
        present::status(&ds, ds.status_of(raid)),
        "Alleged by local activists, not independently verified · denied by the army · not acknowledged by Interior ministry"
    );
    assert_eq!(present::event_date(raid), "5 or 6 June 2024, night");
    let claim = ds.event("e-april-clash").unwrap();
    assert_eq!(
        present::status(&ds, ds.status_of(claim)),
        "Claimed by Kafr Saba Defence Committee"
    );
    let html = dossier::view::noscript::summary_html(&ds);
    assert!(
        html.contains(
            "Alleged by local activists, not independently verified · denied by the army"
        ),
        "{html}"
    );
    assert!(html.contains("5 or 6 June 2024"));
    assert!(html.contains("residents of Kafr Saba"));
    // Rival estimates: one figure, two counts, and no claim that they count different people.
    let chart = dossier::charts::casualty::chart(&ds, 640.0).unwrap();
    assert_eq!(chart.groups.len(), 1);
    assert_eq!(chart.groups[0].bars.len(), 2);
    assert_eq!(chart.groups[0].whose, "Residents of Kafr Saba");
    let caption = chart.caption.join(" ");
    assert!(caption.contains("Two counts of the same dead"), "{caption}");
    assert!(
        !caption.contains("each counts different people"),
        "{caption}"
    );
    // An uncertain day is one day, not a period: the timeline marks it so.
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let t = dossier::charts::timeline::timeline(&ds, &all, None, None, 640.0).unwrap();
    let uncertain: Vec<&str> = t
        .marks
        .iter()
        .filter(|m| m.uncertain)
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(uncertain, ["e-raid"]);
    assert!(
        t.marks.iter().find(|m| m.id == "e-raid").unwrap().w > 0.0,
        "drawn as the days it may fall on"
    );
}

/// Every problem the validator finds in `ds`, as "path: message".
fn slips(ds: &Dataset) -> Vec<String> {
    validate(ds).iter().map(ToString::to_string).collect()
}

/// The index of a tally of the first story by id.
fn tally_at(ds: &Dataset, id: &str) -> usize {
    ds.tallies.iter().position(|t| t.id == id).unwrap()
}

#[test]
fn the_validator_catches_the_slips_of_rival_counts() {
    let base = story();
    let (soldiers, civilians) = (
        tally_at(&base, "t-israel-soldiers"),
        tally_at(&base, "t-israel-civilians"),
    );
    let journalists = tally_at(&base, "t-lebanon-journalists");
    let lebanon = tally_at(&base, "t-lebanon-civilians");

    // Both a side and described victims: the chart would drop the victims.
    let mut ds = base.clone();
    ds.tallies[civilians].victims = Some("residents of Metula".into());
    assert!(
        slips(&ds).iter().any(|p| p.starts_with(&format!(
            "tallies[{civilians}].victims: a tally names whose dead once"
        ))),
        "{:?}",
        slips(&ds)
    );

    // Two counts of different dead drawn as rivals.
    let mut ds = base.clone();
    ds.tallies[civilians].same_as = Some("t-israel-soldiers".into());
    assert!(
        slips(&ds)
            .iter()
            .any(|p| p.contains("rival estimates count the same dead")
                && p.contains("soldiers killed (israel)")),
        "{:?}",
        slips(&ds)
    );

    // Two counts of one side and category, one of the dead and one of the
    // wounded, drawn as rivals; and wounded counted as part of the dead.
    let mut ds = base.clone();
    ds.tallies[soldiers].outcome = dossier::format::vocab::Outcome::Wounded;
    ds.tallies[civilians].same_as = None;
    let mut rival = ds.tallies[soldiers].clone();
    rival.id = "t-rival".into();
    rival.outcome = dossier::format::vocab::Outcome::Killed;
    rival.same_as = Some("t-israel-soldiers".into());
    ds.tallies.push(rival);
    ds.tallies[journalists].outcome = dossier::format::vocab::Outcome::Wounded;
    let found = slips(&ds);
    let rival_at = ds.tallies.len() - 1;
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("tallies[{rival_at}].same_as"))
                && p.contains("soldiers killed (israel)")
                && p.contains("soldiers wounded (israel)")),
        "{found:?}"
    );
    assert!(
        found.iter().any(
            |p| p.starts_with(&format!("tallies[{journalists}].outcome"))
                && p.contains("counts the wounded and \"t-lebanon-civilians\" the dead")
        ),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");

    // Another estimate of the figure it is part of.
    let mut ds = base.clone();
    ds.tallies[journalists].same_as = Some("t-lebanon-civilians".into());
    assert!(
        slips(&ds).iter().any(
            |p| p.starts_with(&format!("tallies[{journalists}].same_as"))
                && p.contains("both another estimate")
        ),
        "{:?}",
        slips(&ds)
    );

    // A one-day count as a rival of a war-long one.
    let mut ds = base.clone();
    let mut one_day = ds.tallies[lebanon].clone();
    one_day.id = "t-lebanon-one-day".into();
    one_day.since = Some(one_day.as_of);
    one_day.same_as = Some("t-lebanon-civilians".into());
    one_day.subset_of = None;
    ds.tallies.push(one_day);
    assert!(
        slips(&ds)
            .iter()
            .any(|p| p.contains("one of them a single day")),
        "{:?}",
        slips(&ds)
    );

    // A loop of three estimates; a pair naming each other is fine.
    let mut ds = base.clone();
    for (id, next) in [("t-a", "t-b"), ("t-b", "t-c"), ("t-c", "t-a")] {
        let mut t = ds.tallies[soldiers].clone();
        t.id = id.into();
        t.same_as = Some(next.into());
        ds.tallies.push(t);
    }
    assert_eq!(
        slips(&ds)
            .iter()
            .filter(|p| p.contains("loop of more than two"))
            .count(),
        3,
        "{:?}",
        slips(&ds)
    );
    ds.tallies.truncate(base.tallies.len() + 2);
    let last = ds.tallies.len() - 1;
    ds.tallies[last].same_as = Some("t-a".into());
    assert_eq!(slips(&ds), Vec::<String>::new());
}

#[test]
fn the_validator_catches_one_party_on_both_sides_of_an_account() {
    let base = story();
    // One id alleging and denying.
    let mut ds = base.clone();
    let e = ds
        .events
        .iter()
        .position(|e| e.status.as_ref().is_some_and(|s| !s.by.is_empty()))
        .expect("an attributed event");
    let status = ds.events[e].status.as_mut().unwrap();
    let by = status.by[0].clone();
    status.denied_by.push(by.clone());
    assert!(
        slips(&ds)
            .iter()
            .any(|p| p.contains(&format!("\"{by}\" is in both \"by\" and \"denied_by\""))),
        "{:?}",
        slips(&ds)
    );

    // A source with an actor's id that does not speak for that actor: a
    // status naming it would read as the actor.
    let mut ds = base.clone();
    let s = ds
        .sources
        .iter()
        .position(|s| ds.actor(&s.id).is_some())
        .expect("a source that is an actor speaking");
    ds.sources[s].actor = None;
    assert!(slips(&ds).iter().any(|p| p.starts_with(&format!("sources[{s}].id")) && p.contains("also an actor's id")), "{:?}", slips(&ds));
}

#[test]
fn one_of_several_days_is_never_after_publication() {
    let mut ds = story();
    let published = ds.story.published.first_day();
    ds.events[0].date = dossier::format::date::PartialDate::between(published - 1, published + 1);
    ds.events[0].until = None;
    let found = slips(&ds);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("events[0].date") && p.contains("leave out the days after it")),
        "{found:?}"
    );
}

#[test]
fn a_date_hint_keeps_a_set_of_days_and_blames_no_year_for_wrong_days() {
    use dossier::format::date::PartialDate;
    let mut ds = story();
    let published = ds.story.published; // 15 May 2024
                                        // "14 or 15 May" typed in the wrong year: the hint keeps both days.
    ds.events[0].date = "[2025-05-14,2025-05-15]".parse::<PartialDate>().unwrap();
    ds.events[0].until = None;
    let found = slips(&ds);
    assert!(
        found
            .iter()
            .any(|p| p.ends_with("did you mean [2024-05-14,2024-05-15]?")),
        "{found:?}"
    );
    // Days just after publication are wrong days, not a wrong year.
    ds.events[0].date = PartialDate::from_days(published.first_day() + 2);
    let found = slips(&ds);
    assert!(found.iter().any(|p| p.starts_with("events[0].date") && p.contains("after the story was published")), "{found:?}");
    assert!(
        !found.iter().any(|p| p.contains("did you mean")),
        "{found:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The checker and the schema agree on ids: every id field of the
    /// schema carries the pattern, and the pattern accepts exactly the ids
    /// the checker accepts.
    #[test]
    fn the_checker_and_the_schema_agree_on_ids(id in "[a-zA-Z0-9._ -]{0,3}|[a-z0-9.~_-]{60,68}|\\PC{0,8}") {
        let schema = serde_json::to_value(schemars::schema_for!(Dataset)).unwrap();
        let defs = &schema["$defs"];
        for part in ["Source", "Actor", "Event", "Relation", "Tally"] {
            let pattern = defs[part]["properties"]["id"]["pattern"].as_str();
            prop_assert_eq!(pattern, Some(dossier::format::model::ID_PATTERN), "{}", part);
        }
        let matched = regex::Regex::new(dossier::format::model::ID_PATTERN).unwrap().is_match(&id);
        prop_assert_eq!(dossier::format::validate::is_valid_id(&id), matched, "{:?}", id);
    }
}

#[test]
fn the_validator_catches_the_slips_of_revised_counts() {
    let base = story();
    let (hezbollah, lebanon) = (
        tally_at(&base, "t-hezbollah-members"),
        tally_at(&base, "t-lebanon-civilians"),
    );
    // A later figure by the same counter for the same people is fine.
    let mut ds = base.clone();
    let mut later = ds.tallies[hezbollah].clone();
    later.id = "t-later".into();
    later.revises = Some(ds.tallies[hezbollah].id.clone());
    ds.tallies.push(later.clone());
    assert_eq!(slips(&ds), Vec::<String>::new());

    // Another counter's figure, other people, an earlier date, a second
    // revision of one figure: each is named at the revision.
    let mut ds = base.clone();
    let mut wrong = ds.tallies[lebanon].clone();
    wrong.id = "t-wrong".into();
    wrong.revises = Some(ds.tallies[hezbollah].id.clone());
    wrong.as_of = "2024-01-01".parse().unwrap();
    ds.tallies.push(later);
    ds.tallies.push(wrong);
    let at = ds.tallies.len() - 1;
    let found = slips(&ds);
    for why in [
        "a revision is its counter's later figure",
        "a revision counts the same people",
        "a revision comes after the figure it updates",
        "is revised twice",
    ] {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("tallies[{at}].revises")) && p.contains(why)),
            "{why}: {found:?}"
        );
    }

    // A loop, and an empty withdrawal.
    let mut ds = base.clone();
    let first = ds.tallies[hezbollah].id.clone();
    let mut later = ds.tallies[hezbollah].clone();
    later.id = "t-later".into();
    later.revises = Some(first);
    ds.tallies[hezbollah].revises = Some("t-later".into());
    ds.tallies[lebanon].withdrawn = Some(" ".into());
    ds.tallies.push(later);
    let found = slips(&ds);
    assert!(
        found
            .iter()
            .any(|p| p.contains("revises links form a loop")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("tallies[{lebanon}].withdrawn"))),
        "{found:?}"
    );
}

#[test]
fn a_count_in_words_is_a_tally_whose_words_are_its_quotes() {
    let base = story();
    let hezbollah = tally_at(&base, "t-hezbollah-members");
    let quote = base.tallies[hezbollah].provenance[0].quote.clone();

    // "Hundreds", with no number, is a tally like any other, and its
    // words are kept when they are in the quote.
    let mut ds = base.clone();
    let t = &mut ds.tallies[hezbollah];
    t.count = Count {
        qualifier: CountQualifier::Hundreds,
        value: None,
        low: None,
        high: None,
        words: Some(
            quote
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" "),
        ),
    };
    assert_eq!(slips(&ds), Vec::<String>::new());
    assert_eq!(
        dossier::view::present::count(&ds.tallies[hezbollah].count),
        ds.tallies[hezbollah].count.words.clone().unwrap()
    );

    // Words the quote does not have, a number beside the word, and a
    // part larger than what the word can mean at the most.
    ds.tallies[hezbollah].count.words = Some("in the hundreds".into());
    ds.tallies[hezbollah].count.value = Some(300);
    let found = slips(&ds);
    for (at, why) in [
        ("count.words", "are not in the figure's quote"),
        ("count.value", "takes no value"),
    ] {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("tallies[{hezbollah}].{at}")) && p.contains(why)),
            "{why}: {found:?}"
        );
    }
    let mut ds = base.clone();
    let whole = ds.tallies[hezbollah].clone();
    let mut part = whole.clone();
    ds.tallies[hezbollah].count = Count::of(CountQualifier::Exact, 150);
    part.id = "t-part".into();
    part.count = Count {
        qualifier: CountQualifier::Hundreds,
        value: None,
        low: None,
        high: None,
        words: None,
    };
    part.subset_of = Some(whole.id.clone());
    ds.tallies.push(part);
    let at = ds.tallies.len() - 1;
    assert!(
        slips(&ds)
            .iter()
            .any(|p| p.starts_with(&format!("tallies[{at}].count.value"))
                && p.contains("(200) is larger")),
        "{:?}",
        slips(&ds)
    );
}

#[test]
fn a_part_takes_what_it_leaves_out_from_its_whole_and_the_validator_checks_the_tie() {
    let base = story();
    let whole = base
        .events
        .iter()
        .position(|e| e.place.is_some() && !e.participants.is_empty())
        .expect("an event with a place and actors");
    let mut ds = base.clone();
    let mut part = ds.events[whole].clone();
    part.id = "e-stage".into();
    part.part_of = Some(ds.events[whole].id.clone());
    part.place = None;
    part.participants.clear();
    part.status = None;
    ds.events.push(part);
    let part = ds.events.last().unwrap();
    assert_eq!(slips(&ds), Vec::<String>::new());
    assert_eq!(ds.place_of(part), ds.events[whole].place.as_ref());
    assert_eq!(
        ds.participants_of(part),
        ds.events[whole].participants.as_slice()
    );
    assert_eq!(
        ds.status_of(part),
        ds.events[whole].status.as_ref().unwrap()
    );
    assert_eq!(
        dossier::view::present::inherited(&ds, part).as_deref(),
        Some("Its place, actors and standing as the whole's.")
    );
    assert_eq!(ds.parts_of(&ds.events[whole].id).count(), 1);
    // The index of every event's parts says what a pass for each says.
    let index = ds.parts_index();
    for (i, e) in ds.events.iter().enumerate() {
        let one_by_one: Vec<&str> = ds.parts_of(&e.id).map(|p| p.id.as_str()).collect();
        let indexed: Vec<&str> = index.of(i).map(|p| ds.events[p].id.as_str()).collect();
        assert_eq!(indexed, one_by_one, "{}", e.id);
    }
    assert_eq!(index.of(whole).count(), 1);
    assert_eq!(base.parts_index().of(whole).count(), 0);
    // Parts of two wholes, interleaved, and one of an unknown whole.
    let mut many = ds.clone();
    let other = (whole + 1) % base.events.len();
    for k in 0..5 {
        let mut part = ds.events[whole].clone();
        part.id = format!("e-part-{k}");
        let of = if k % 2 == 0 { whole } else { other };
        part.part_of = Some(ds.events[of].id.clone());
        many.events.push(part);
    }
    many.events.last_mut().unwrap().part_of = Some("e-nowhere".into());
    let index = many.parts_index();
    for (i, e) in many.events.iter().enumerate() {
        let one_by_one: Vec<&str> = many.parts_of(&e.id).map(|p| p.id.as_str()).collect();
        let indexed: Vec<&str> = index.of(i).map(|p| many.events[p].id.as_str()).collect();
        assert_eq!(indexed, one_by_one, "{}", e.id);
    }
    assert_eq!(index.of(whole).count(), 3, "e-stage, e-part-0 and e-part-2");
    assert_eq!(
        index.of(other).count(),
        2,
        "e-part-1 and e-part-3 (e-part-4's whole is unknown)"
    );

    // An unknown whole, a part of itself, a loop, a part outside its
    // whole's days, and an event with no status that is no part.
    let at = ds.events.len() - 1;
    let mut bad = ds.clone();
    bad.events[at].part_of = Some("e-nowhere".into());
    assert!(slips(&bad)[0].starts_with(&format!("events[{at}].part_of: unknown event")));
    bad.events[at].part_of = Some("e-stage".into());
    assert!(
        slips(&bad)[0].contains("cannot be a part of itself"),
        "{:?}",
        slips(&bad)
    );
    let mut bad = ds.clone();
    bad.events[whole].part_of = Some("e-stage".into());
    assert!(
        slips(&bad)
            .iter()
            .any(|p| p.contains("part_of links form a loop")),
        "{:?}",
        slips(&bad)
    );
    let mut bad = ds.clone();
    bad.events[at].date = "2020-01-01".parse().unwrap();
    bad.events[at].until = None;
    assert!(
        slips(&bad).iter().any(|p| p.starts_with(&format!(
            "events[{at}].part_of: a part happens within its whole"
        ))),
        "{:?}",
        slips(&bad)
    );
    let mut bad = ds.clone();
    bad.events[at].part_of = None;
    assert!(
        slips(&bad)
            .iter()
            .any(|p| p.starts_with(&format!("events[{at}]: missing field \"status\""))),
        "{:?}",
        slips(&bad)
    );
}

#[test]
fn victims_who_are_no_party_take_part_and_are_attacked_without_an_invented_actor() {
    use dossier::format::model::Participant;
    use dossier::format::vocab::{ParticipantRole, RelationKind};
    let base = story();
    let mut ds = base.clone();
    let victims = Participant {
        actor: None,
        victims: Some("residents of Kfar Kila".into()),
        role: ParticipantRole::Victim,
    };
    ds.events[0].participants.push(victims.clone());
    let r = ds
        .relations
        .iter()
        .position(|r| r.kind == RelationKind::Attacked)
        .expect("an attacked tie");
    ds.relations[r].to = None;
    ds.relations[r].victims = Some("residents of Kfar Kila".into());
    assert_eq!(slips(&ds), Vec::<String>::new());
    assert_eq!(
        dossier::view::present::no_party(&ds, &ds.events[0]),
        ["residents of Kfar Kila (victim)"]
    );
    let from = ds.actor_name(&ds.relations[r].from).to_owned();
    assert_eq!(
        dossier::view::present::no_party_ties(&ds, |_| true),
        [format!("{from} attacked residents of Kfar Kila")]
    );
    // Not said where the network leaves the attacker out.
    let attacker = ds.relations[r].from.clone();
    assert!(dossier::view::present::no_party_ties(&ds, |id| id != attacker).is_empty());
    // No actor is made of them: the network has no node by that name.
    assert!(ds
        .actor_ids(&ds.events[0])
        .all(|a| ds.actor(a).is_some() || ds.source(a).is_some()));

    // Both an actor and victims, neither, and victims at the end of a tie
    // that joins two actors.
    let n = ds.events[0].participants.len() - 1;
    let mut bad = ds.clone();
    bad.events[0].participants[n].actor = Some(base.actors[0].id.clone());
    bad.events[0].participants[n - 1].actor = None;
    let leader = bad
        .relations
        .iter()
        .position(|r| r.kind == RelationKind::Leads)
        .expect("a leads tie");
    bad.relations[leader].to = None;
    bad.relations[leader].victims = Some("residents".into());
    let found = slips(&bad);
    for (at, why) in [
        (format!("events[0].participants[{n}].victims"), "not both"),
        (
            format!("events[0].participants[{}].actor", n - 1),
            "missing \"actor\"",
        ),
        (
            format!("relations[{leader}].victims"),
            "only an \"attacked\" or \"killed\" tie",
        ),
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(&at) && p.contains(why)),
            "{at}: {why}: {found:?}"
        );
    }
}
