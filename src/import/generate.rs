//! Deterministic synthetic datasets for tests and benchmarks: the same size
//! and seed always give the same dataset, natively and in wasm, and every
//! generated dataset passes validation (its quotes are real substrings of its
//! paragraphs).
//!
//! Pure: no browser types here.

use crate::base::rng::Lcg;
use crate::format::date::PartialDate;
use crate::format::model::*;
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, ParticipantRole, RelationKind, SourceKind, StatusState,
    TallyCategory,
};

const PLACES: [&str; 12] = [
    "Beirut",
    "Tyre",
    "Sidon",
    "Nabatieh",
    "Bint Jbeil",
    "Marjayoun",
    "Kiryat Shmona",
    "Metula",
    "Shebaa Farms",
    "Mount Hermon",
    "Naqoura",
    "Khiam",
];
const SYLLABLES: [&str; 16] = [
    "ka", "ra", "mi", "lo", "sa", "tu", "ne", "ba", "di", "ho", "zu", "fa", "qi", "ya", "we", "jo",
];
const VERBS: [&str; 8] = [
    "reports",
    "announces",
    "describes",
    "confirms",
    "denies",
    "claims",
    "details",
    "disputes",
];

/// An invented name of `parts` syllables, capitalised: "Kamilo".
pub(crate) fn name(rng: &mut Lcg, parts: usize) -> String {
    let mut out = String::new();
    for i in 0..parts {
        let s = SYLLABLES[rng.below(SYLLABLES.len())];
        if i == 0 {
            let mut c = s.chars();
            out.extend(c.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(c.as_str());
        } else {
            out.push_str(s);
        }
    }
    out
}

/// A dataset with `events` events, about one actor per twenty events (at
/// least 12), dated over 2023-10-07 to 2024-06-01.
pub fn dataset(events: usize, seed: u32) -> Dataset {
    dataset_with_actors(events, (events / 20).max(12), seed)
}

/// A dataset with `events` events among `actors` actors (at least 2).
pub fn dataset_with_actors(events: usize, actors: usize, seed: u32) -> Dataset {
    let mut rng = Lcg::new(seed);
    let n_actors = actors.max(2);
    let kinds = [
        ActorKind::Person,
        ActorKind::ArmedGroup,
        ActorKind::State,
        ActorKind::Military,
        ActorKind::MediaOutlet,
        ActorKind::Alliance,
    ];
    let actors: Vec<Actor> = (0..n_actors)
        .map(|i| Actor {
            id: format!("a-{i}"),
            name: format!("{} {}", name(&mut rng, 2), name(&mut rng, 3)),
            aliases: vec![format!("Alias {i}")],
            kind: kinds[i % kinds.len()].clone(),
            roles: Vec::new(),
            note: None,
        })
        .collect();
    let sources: Vec<Source> = (0..6)
        .map(|i| Source {
            id: format!("s-{i}"),
            name: format!("Source {}", name(&mut rng, 2)),
            kind: if i == 0 {
                SourceKind::Article
            } else {
                SourceKind::MediaReport
            },
            actor: None,
            via: None,
            note: None,
        })
        .collect();

    let start = PartialDate::day(2023, 10, 7).first_day();
    let span = PartialDate::day(2024, 6, 1).first_day() - start;
    let event_kinds = EventKind::BUILT_IN;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut list = Vec::with_capacity(events);
    for i in 0..events {
        let who = rng.below(n_actors);
        let whom = (who + 1 + rng.below(n_actors - 1)) % n_actors;
        let place = PLACES[rng.below(PLACES.len())];
        let kind = event_kinds[rng.below(event_kinds.len())].clone();
        let verb = VERBS[rng.below(VERBS.len())];
        let summary = format!(
            "{} {verb} a {} involving {} near {place}.",
            actors[who].name,
            kind.label().to_lowercase(),
            actors[whom].name
        );
        // Ten events a paragraph; each event's sentence is its quote.
        if i % 10 == 0 {
            paragraphs.push(String::new());
        }
        let paragraph = paragraphs.len();
        let text = paragraphs.last_mut().expect("pushed above");
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&summary);
        let date = PartialDate::from_days(start + rng.below(span as usize) as i64);
        let date = if rng.below(10) == 0 {
            PartialDate::month(date.year, date.month.unwrap_or(1))
        } else {
            date
        };
        let status = match rng.below(6) {
            0 => Status::by(StatusState::Claimed, vec![actors[who].id.clone()]),
            1 => Status::by(StatusState::Confirmed, vec![actors[whom].id.clone()]),
            // Alleged, and denied by the other side.
            2 if who != whom => Status {
                denied_by: vec![actors[whom].id.clone()],
                ..Status::by(StatusState::Alleged, vec![actors[who].id.clone()])
            },
            // Reported, and not acknowledged by the side it concerns.
            3 => Status {
                not_acknowledged_by: vec![actors[whom].id.clone()],
                ..Status::reported()
            },
            _ => Status::reported(),
        };
        let quantities = if rng.below(3) == 0 {
            vec![Quantity {
                unit: "rockets".into(),
                count: Count::of(CountQualifier::MoreThan, 1 + rng.below(100) as u64),
                provenance: None,
            }]
        } else {
            Vec::new()
        };
        let provenance = Provenance {
            source: sources[rng.below(sources.len())].id.clone(),
            quote: summary.clone(),
            paragraph: paragraph as u32,
        };
        list.push(Event {
            place: Some(Place {
                name: place.into(),
                region: None,
                country: None,
                coordinates: None,
            }),
            participants: vec![
                Participant::actor(actors[who].id.clone(), ParticipantRole::Initiator),
                Participant::actor(actors[whom].id.clone(), ParticipantRole::Target),
            ],
            quantities,
            status: Some(status),
            ..Event::new(format!("e-{i}"), date, kind, summary, provenance)
        });
    }
    if paragraphs.is_empty() {
        paragraphs.push("No events.".into());
    }
    let quote_of = |e: &Event| e.provenance[0].clone();
    let relations = list
        .iter()
        .take(events.min(3 * n_actors))
        .enumerate()
        .map(|(i, e)| Relation {
            id: format!("r-{i}"),
            kind: if i % 2 == 0 {
                RelationKind::Attacked
            } else {
                RelationKind::AlliedWith
            },
            from: e.participants[0].actor.clone().unwrap_or_default(),
            to: e.participants[1].actor.clone(),
            victims: None,
            role: None,
            since: Some(e.date),
            until: None,
            events: vec![e.id.clone()],
            provenance: vec![quote_of(e)],
            note: None,
        })
        .collect();
    let tallies = list
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, e)| Tally {
            id: format!("t-{i}"),
            counted_by: e.provenance[0].source.clone(),
            side: e.participants[1].actor.clone(),
            victims: None,
            same_as: None,
            place: None,
            category: [
                TallyCategory::Fighters,
                TallyCategory::Civilians,
                TallyCategory::Soldiers,
                TallyCategory::Journalists,
            ][i]
                .clone(),
            outcome: Default::default(),
            count: Count::of(CountQualifier::AtLeast, 10 + rng.below(300) as u64),
            since: None,
            as_of: PartialDate::day(2024, 6, 1),
            subset_of: None,
            events: vec![e.id.clone()],
            revises: None,
            withdrawn: None,
            status: None,
            provenance: vec![quote_of(e)],
            note: None,
        })
        .collect();
    Dataset {
        schema: None,
        format: FORMAT.into(),
        story: Story {
            title: format!("Generated story: {events} events"),
            dek: Some("A synthetic dataset for tests and benchmarks.".into()),
            outlet: "Dossier".into(),
            url: "https://example.com/generated".into(),
            published: PartialDate::day(2024, 6, 1),
            dateline: None,
            paragraphs,
        },
        sources,
        actors,
        events: list,
        relations,
        tallies,
        notes: vec!["Generated; not a real story.".into()],
    }
}

/// A synthetic export in ACLED's CSV layout, `rows` rows long, for tests and
/// benchmarks: current column names, ISO dates, notes that need quoting
/// (commas, quotes, line breaks), several associated actors to a cell, and
/// fatalities. Invented names only: no real ACLED data.
pub fn acled_csv(rows: usize, seed: u32) -> String {
    let mut rng = Lcg::new(seed);
    let actors: Vec<String> = (0..40)
        .map(|_| format!("{} Brigade", name(&mut rng, 3)))
        .collect();
    let mut out = ACLED_HEADER.to_owned();
    let start = crate::format::date::days_from_civil(2023, 10, 7);
    for i in 0..rows {
        let date = PartialDate::from_days(start + rng.below(220) as i64);
        let a1 = rng.below(actors.len());
        let a2 = rng.below(actors.len());
        let fatalities = if rng.below(3) == 0 { rng.below(12) } else { 0 };
        let assoc = format!("{}; {}", name(&mut rng, 3), name(&mut rng, 3));
        const TYPES: [(&str, &str); 6] = [
            ("Battles", "Armed clash"),
            (
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
            ),
            ("Explosions/Remote violence", "Air/drone strike"),
            ("Violence against civilians", "Attack"),
            ("Protests", "Peaceful protest"),
            ("Strategic developments", "Disrupted weapons use"),
        ];
        let (event_type, sub) = TYPES[rng.below(TYPES.len())];
        // Violence against civilians has civilians on its second side.
        let second = if event_type == TYPES[3].0 {
            ("Civilians (Lebanon)", 7)
        } else {
            (actors[a2].as_str(), 2)
        };
        acled_row(
            &mut out,
            &mut rng,
            &AcledRow {
                i,
                date,
                types: (event_type, sub),
                first: (&actors[a1], 1),
                assoc: &assoc,
                second,
                fatalities,
            },
        );
    }
    out
}

/// The header row of a current ACLED export.
pub(crate) const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

/// One synthetic row: its number, date, event type and sub-event type,
/// actor 1 and its inter code, its associated actors (`;`-separated),
/// actor 2 and its code (an empty name for a one-sided event), deaths.
pub(crate) struct AcledRow<'a> {
    pub i: usize,
    pub date: PartialDate,
    pub types: (&'a str, &'a str),
    pub first: (&'a str, u8),
    pub assoc: &'a str,
    pub second: (&'a str, u8),
    pub fatalities: usize,
}

/// How many places an export's rows are spread over.
const EXPORT_PLACES: usize = 3_000;

/// The place of an export's row. A national export names thousands of
/// places, few of them often (the cities) and most once or twice (the
/// villages): the `k`th place is picked with a chance of about 1/(k+1),
/// the first dozen by their names and the rest by invented ones.
fn export_place(rng: &mut Lcg) -> String {
    let k = ((EXPORT_PLACES as f64).powf(rng.next_f64()) as usize).saturating_sub(1);
    match PLACES.get(k) {
        Some(p) => (*p).to_owned(),
        None => name(&mut Lcg::new(k as u32), 3),
    }
}

/// Append a synthetic row to an export, with its interaction code as the
/// codebook writes it (the two inter codes, the lower first; 0 for no
/// second side) and notes that need quoting.
pub(crate) fn acled_row(out: &mut String, rng: &mut Lcg, row: &AcledRow) {
    let AcledRow {
        i,
        date,
        types: (event_type, sub),
        first: (a1, inter1),
        assoc,
        second: (a2, inter2),
        fatalities,
    } = *row;
    let inter2 = if a2.is_empty() { 0 } else { inter2 };
    let interaction = match (inter1.min(inter2), inter1.max(inter2)) {
        (0, b) => format!("{b}0"),
        (a, b) => format!("{a}{b}"),
    };
    let inter2 = if inter2 == 0 {
        String::new()
    } else {
        inter2.to_string()
    };
    let place = export_place(rng);
    let notes = format!(
        "On {date}, {a1} and \"{}\" forces clashed near {place}, {} said.\nThe toll is {fatalities}.",
        name(rng, 3),
        name(rng, 3)
    );
    out.push_str(&format!(
        "SYN{i},{date},{},{},Political violence,{event_type},{sub},{a1},{assoc},{inter1},{a2},,{inter2},{interaction},,422,Middle East,Lebanon,South,{place} District,,{place},{:.4},{:.4},{},Synthetic Wire,National,\"{}\",{fatalities},,1700000000\n",
        date.year,
        1 + rng.below(3),
        33.0 + rng.next_f64(),
        35.2 + rng.next_f64(),
        1 + rng.below(3),
        notes.replace('"', "\"\""),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::validate::validate;

    #[test]
    fn generated_datasets_are_valid() {
        for n in [0, 1, 10, 500] {
            let ds = dataset(n, 7);
            assert_eq!(ds.events.len(), n);
            assert_eq!(validate(&ds), Vec::new(), "{n} events");
        }
    }

    #[test]
    fn actor_count_can_be_chosen() {
        let ds = dataset_with_actors(300, 100, 3);
        assert_eq!(ds.actors.len(), 100);
        assert_eq!(validate(&ds), Vec::new());
    }

    #[test]
    fn an_export_names_thousands_of_places_a_few_of_them_often() {
        let csv = acled_csv(20_000, 5);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let column = rows
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "location")
            .unwrap();
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for row in rows.records() {
            *seen.entry(row.unwrap()[column].to_owned()).or_default() += 1;
        }
        assert!(seen.len() > 1_000, "{} places", seen.len());
        let busiest = seen.values().max().copied().unwrap_or(0);
        assert!(busiest > 1_000, "the busiest place has {busiest} rows");
        let once = seen.values().filter(|&&n| n == 1).count();
        assert!(once > 100, "{once} places named once");
    }

    #[test]
    fn same_seed_same_dataset() {
        assert_eq!(dataset(200, 1), dataset(200, 1));
        assert_ne!(dataset(200, 1), dataset(200, 2));
    }
}
