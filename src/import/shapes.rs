//! Stories of every shape, for the end-to-end checks and the gallery: the
//! shapes real newsrooms bring (one actor in most events; a story's last
//! days inside months of context; parallel and mutual ties; kinds the
//! format does not list; hundreds of actors with skewed degrees; a national
//! ACLED export of thousands of rows), made deterministically so that a
//! failing check can be reproduced. `dossier fixture NAME` prints one;
//! `make fixtures` writes them all to `tests/fixtures/shapes/`.
//!
//! Invented names and places only. Every dataset passes validation: each
//! quote is a sentence of its own paragraphs. Native only: the command line's
//! `dossier fixture` and the tests make them.

use super::generate::name;
use crate::base::rng::Lcg;
use crate::format::date::PartialDate;
use crate::format::model::*;
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, Outcome, ParticipantRole, RelationKind, SourceKind,
    TallyCategory, TimeOfDay,
};

/// A fixture: a Dossier dataset, or an export in ACLED's CSV layout.
pub enum Fixture {
    Json(Box<Dataset>),
    Csv(String),
}

impl Fixture {
    /// The file's text, as `dossier fixture` prints it.
    pub fn text(&self) -> String {
        match self {
            Fixture::Json(ds) => serde_json::to_string_pretty(ds).unwrap_or_default() + "\n",
            Fixture::Csv(csv) => csv.clone(),
        }
    }
}

/// Every shape: its name, its file's extension, and what it stands for.
pub const SHAPES: [(&str, &str, &str); 10] = [
    ("hub", "json", "one actor in most events"),
    (
        "allegation",
        "json",
        "an unverified account: alleged, denied, not acknowledged; rival counts of one toll; victims who are no party; an uncertain day",
    ),
    (
        "stages",
        "json",
        "an attack in three stages; tolls in words, low/best/high, revised and withdrawn; the wounded, missing and displaced; victims as participants and targets",
    ),
    (
        "story-week",
        "json",
        "most events in the last three days of fifteen months; a toll revised, a figure withdrawn",
    ),
    (
        "one-day",
        "json",
        "every event on one day, told by time of day; rival counts, and the wounded, missing and displaced",
    ),
    (
        "ties",
        "json",
        "parallel and mutual ties between a few actors",
    ),
    (
        "custom-kinds",
        "json",
        "actor and event kinds the format does not list",
    ),
    ("decade", "json", "events spread over twelve years"),
    (
        "network-250",
        "json",
        "about 250 actors with skewed degrees and 600+ stated ties",
    ),
    (
        "acled-5000",
        "csv",
        "an ACLED-like export of 5,400 rows, Zipf-skewed actors, dates in bursts",
    ),
];

/// The story of the JSON fixture called `name`; `None` for a name not in
/// [`SHAPES`], or an export (an ACLED CSV).
pub fn story(name: &str) -> Option<Dataset> {
    match fixture(name)? {
        Fixture::Json(ds) => Some(*ds),
        Fixture::Csv(_) => None,
    }
}

/// The fixture called `name`, or `None` for a name not in [`SHAPES`].
pub fn fixture(name: &str) -> Option<Fixture> {
    Some(match name {
        "hub" => Fixture::Json(Box::new(hub())),
        // Written by hand, as a journalist would, with every part of the
        // format that says whose word a fact rests on.
        "allegation" => Fixture::Json(Box::new(
            crate::format::validate::load(include_str!("data/allegation.json")).ok()?,
        )),
        // Written by hand too: every part of the format a wire story about
        // one attack in stages needs.
        "stages" => Fixture::Json(Box::new(
            crate::format::validate::load(include_str!("data/stages.json")).ok()?,
        )),
        "story-week" => Fixture::Json(Box::new(story_week())),
        "one-day" => Fixture::Json(Box::new(one_day())),
        "ties" => Fixture::Json(Box::new(ties())),
        "custom-kinds" => Fixture::Json(Box::new(custom_kinds())),
        "decade" => Fixture::Json(Box::new(decade())),
        "network-250" => Fixture::Json(Box::new(network(250, 640, 900, 11))),
        "acled-5000" => Fixture::Csv(acled(5_400, 248, 5)),
        _ => return None,
    })
}

/// A story being written: each event, relation and tally is one sentence
/// of the article, quoted whole, so every quote matches its paragraph.
struct Draft {
    rng: Lcg,
    ds: Dataset,
    /// Sentences a paragraph before a new one starts.
    per_paragraph: usize,
    in_paragraph: usize,
}

impl Draft {
    fn new(title: &str, published: PartialDate, seed: u32) -> Draft {
        Draft {
            rng: Lcg::new(seed),
            ds: Dataset {
                schema: None,
                format: FORMAT.into(),
                story: Story {
                    title: title.into(),
                    dek: Some("An invented story of a shape real stories take, for tests.".into()),
                    outlet: "Dossier fixtures".into(),
                    url: "https://example.com/fixtures".into(),
                    published,
                    dateline: None,
                    paragraphs: Vec::new(),
                },
                sources: vec![
                    source("wire", "The wire report", SourceKind::Article),
                    source(
                        "ministry",
                        "Ministry of Health",
                        SourceKind::OfficialStatement,
                    ),
                    source("monitor", "A monitoring group", SourceKind::MediaReport),
                ],
                actors: Vec::new(),
                events: Vec::new(),
                relations: Vec::new(),
                tallies: Vec::new(),
                notes: vec!["Invented for tests; not a real story.".into()],
            },
            per_paragraph: 4,
            in_paragraph: 0,
        }
    }

    fn actor(&mut self, name: &str, kind: ActorKind) -> String {
        let id = format!("a{}", self.ds.actors.len());
        self.ds.actors.push(Actor {
            id: id.clone(),
            name: name.into(),
            aliases: Vec::new(),
            kind,
            roles: Vec::new(),
            note: None,
        });
        id
    }

    /// `n` actors with invented names, of the given kinds in turn.
    fn actors(&mut self, n: usize, kinds: &[ActorKind]) -> Vec<String> {
        (0..n)
            .map(|i| {
                let name = format!("{} {}", name(&mut self.rng, 2), name(&mut self.rng, 2));
                self.actor(&name, kinds[i % kinds.len()].clone())
            })
            .collect()
    }

    /// Write `sentence` into the article and return its quote.
    fn sentence(&mut self, sentence: &str) -> Provenance {
        let paragraphs = &mut self.ds.story.paragraphs;
        if paragraphs.is_empty() || self.in_paragraph == self.per_paragraph {
            paragraphs.push(String::new());
            self.in_paragraph = 0;
        }
        let text = paragraphs.last_mut().expect("pushed above");
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(sentence);
        self.in_paragraph += 1;
        let source = ["wire", "wire", "ministry", "monitor"][self.rng.below(4)];
        Provenance {
            source: source.into(),
            quote: sentence.into(),
            paragraph: paragraphs.len() as u32,
        }
    }

    fn name_of(&self, id: &str) -> String {
        self.ds
            .actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    }

    /// An event between `who` and `whom` (and any `also`), in one sentence.
    fn event(&mut self, date: PartialDate, kind: EventKind, who: &str, whom: &[&str]) -> usize {
        let place = PLACES[self.rng.below(PLACES.len())];
        let names: Vec<String> = whom.iter().map(|w| self.name_of(w)).collect();
        let noun = kind.label().to_lowercase();
        let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let summary = format!(
            "{} was involved in {article} {noun} with {} near {place}.",
            self.name_of(who),
            if names.is_empty() {
                "no named party".to_owned()
            } else {
                names.join(" and ")
            }
        );
        let provenance = self.sentence(&summary);
        let mut participants = vec![Participant::actor(who, ParticipantRole::Initiator)];
        participants.extend(
            whom.iter()
                .map(|w| Participant::actor(*w, ParticipantRole::Target)),
        );
        let id = format!("e{}", self.ds.events.len());
        self.ds.events.push(Event {
            place: Some(Place {
                name: place.into(),
                region: None,
                country: None,
                coordinates: None,
            }),
            participants,
            ..Event::new(id, date, kind, summary, provenance)
        });
        self.ds.events.len() - 1
    }

    fn relation(&mut self, from: &str, kind: RelationKind, to: &str, since: PartialDate) {
        let sentence = format!(
            "{} {} {}, according to the report.",
            self.name_of(from),
            kind.label(),
            self.name_of(to)
        );
        let provenance = self.sentence(&sentence);
        let id = format!("r{}", self.ds.relations.len());
        self.ds.relations.push(Relation {
            id,
            kind,
            from: from.into(),
            to: Some(to.into()),
            victims: None,
            role: None,
            since: Some(since),
            until: None,
            events: Vec::new(),
            provenance: vec![provenance],
            note: None,
        });
    }

    fn tally(&mut self, side: &str, category: TallyCategory, value: u64, as_of: PartialDate) {
        self.tally_of(side, category, Outcome::Killed, value, as_of);
    }

    fn tally_of(
        &mut self,
        side: &str,
        category: TallyCategory,
        outcome: Outcome,
        value: u64,
        as_of: PartialDate,
    ) {
        let sentence = format!(
            "At least {value} {} of {} have been {}{}, the ministry said.",
            category.label().to_lowercase(),
            self.name_of(side),
            if outcome == Outcome::Missing {
                "reported "
            } else {
                ""
            },
            outcome.label()
        );
        let mut provenance = self.sentence(&sentence);
        provenance.source = "ministry".into();
        let id = format!("t{}", self.ds.tallies.len());
        self.ds.tallies.push(Tally {
            id,
            counted_by: "ministry".into(),
            side: Some(side.into()),
            victims: None,
            same_as: None,
            place: None,
            category,
            outcome,
            count: Count::of(CountQualifier::AtLeast, value),
            since: None,
            as_of,
            subset_of: None,
            events: Vec::new(),
            revises: None,
            withdrawn: None,
            status: None,
            provenance: vec![provenance],
            note: None,
        });
    }

    /// A violent event kind, at random.
    fn violent(&mut self) -> EventKind {
        const KINDS: [EventKind; 5] = [
            EventKind::AirDroneStrike,
            EventKind::ShellingArtilleryMissileAttack,
            EventKind::ArmedClash,
            EventKind::Attack,
            EventKind::Strike,
        ];
        KINDS[self.rng.below(KINDS.len())].clone()
    }

    fn finish(self) -> Dataset {
        self.ds
    }
}

fn source(id: &str, name: &str, kind: SourceKind) -> Source {
    Source {
        id: id.into(),
        name: name.into(),
        kind,
        actor: None,
        via: None,
        note: None,
    }
}

const PLACES: [&str; 10] = [
    "Qaryat Alif",
    "Wadi Sin",
    "Tall Ba",
    "Jisr Dal",
    "Ain Ra",
    "Bayt Zay",
    "Khirbat Ta",
    "Marj Kaf",
    "Nahr Lam",
    "Dayr Mim",
];

const ARMED: [ActorKind; 3] = [
    ActorKind::ArmedGroup,
    ActorKind::Military,
    ActorKind::PoliticalMovement,
];

/// One actor (a military) in most events: the hub of a star.
fn hub() -> Dataset {
    let mut d = Draft::new(
        "The northern offensive: one army, many fronts",
        PartialDate::day(2024, 3, 31),
        21,
    );
    let hub = d.actor("Northern Command", ActorKind::Military);
    let others = d.actors(
        13,
        &[ActorKind::ArmedGroup, ActorKind::Person, ActorKind::State],
    );
    let start = PartialDate::day(2024, 1, 1).first_day();
    for i in 0..48 {
        let date = PartialDate::from_days(start + d.rng.below(90) as i64);
        let kind = d.violent();
        let at = d.rng.below(others.len());
        let other = others[at].clone();
        if i % 7 == 6 {
            // A few events without the hub, between two others.
            let third = others[(at + 1 + d.rng.below(others.len() - 1)) % others.len()].clone();
            d.event(date, kind, &other, &[&third]);
        } else {
            d.event(date, kind, &hub, &[&other]);
        }
    }
    for (k, other) in others.iter().take(6).enumerate() {
        let kind = [RelationKind::Attacked, RelationKind::Killed][k % 2].clone();
        d.relation(&hub, kind, other, PartialDate::day(2024, 1, 10));
    }
    d.tally(
        &others[0],
        TallyCategory::Fighters,
        120,
        PartialDate::day(2024, 3, 31),
    );
    d.finish()
}

/// A wire report: two days of events inside fifteen months of context.
fn story_week() -> Dataset {
    let mut d = Draft::new(
        "Village attacked after months of raids",
        PartialDate::day(2024, 6, 6),
        22,
    );
    let ids = d.actors(
        9,
        &[ActorKind::ArmedGroup, ActorKind::State, ActorKind::Person],
    );
    // Context: one event every couple of months since March 2023.
    let start = PartialDate::day(2023, 3, 1).first_day();
    for k in 0..6 {
        let date = PartialDate::from_days(start + 70 * k);
        let (a, b) = (
            ids[k as usize % 9].clone(),
            ids[(k as usize + 3) % 9].clone(),
        );
        let kind = d.violent();
        d.event(date, kind, &a, &[&b]);
    }
    // The story: the last three days, by time of day.
    let times = [
        TimeOfDay::Morning,
        TimeOfDay::Afternoon,
        TimeOfDay::Evening,
        TimeOfDay::Night,
    ];
    for k in 0..22 {
        let date = PartialDate::day(2024, 6, 4 + (k / 8) as u8);
        let a = ids[if k % 3 == 2 { 1 } else { 0 }].clone();
        let b = ids[2 + d.rng.below(7)].clone();
        let kind = d.violent();
        let e = d.event(date, kind, &a, &[&b]);
        d.ds.events[e].time_of_day = Some(times[k % 4]);
    }
    d.relation(
        &ids[0],
        RelationKind::Attacked,
        &ids[2],
        PartialDate::day(2024, 6, 5),
    );
    d.relation(
        &ids[0],
        RelationKind::Killed,
        &ids[2],
        PartialDate::day(2024, 6, 5),
    );
    d.relation(
        &ids[1],
        RelationKind::AlliedWith,
        &ids[0],
        PartialDate::day(2023, 5, 1),
    );
    // The ministry's toll, revised upward two days later; and a figure of
    // fighters it withdrew.
    d.tally(
        &ids[2],
        TallyCategory::Civilians,
        64,
        PartialDate::day(2024, 6, 4),
    );
    d.tally(
        &ids[2],
        TallyCategory::Civilians,
        100,
        PartialDate::day(2024, 6, 6),
    );
    d.tally(
        &ids[3],
        TallyCategory::Fighters,
        40,
        PartialDate::day(2024, 6, 5),
    );
    let n = d.ds.tallies.len();
    d.ds.tallies[n - 2].revises = Some(d.ds.tallies[n - 3].id.clone());
    d.ds.tallies[n - 1].withdrawn = Some("the ministry withdrew the figure the next day".into());
    d.finish()
}

/// Sixteen events on a single day.
fn one_day() -> Dataset {
    let mut d = Draft::new("A day of strikes", PartialDate::day(2024, 11, 2), 23);
    let ids = d.actors(6, &[ActorKind::Military, ActorKind::ArmedGroup]);
    let times = [
        TimeOfDay::Morning,
        TimeOfDay::Afternoon,
        TimeOfDay::Evening,
        TimeOfDay::Night,
    ];
    for k in 0..16 {
        let (a, b) = (ids[k % 2].clone(), ids[2 + k % 4].clone());
        let kind = d.violent();
        let e = d.event(PartialDate::day(2024, 11, 1), kind, &a, &[&b]);
        d.ds.events[e].time_of_day = Some(times[k * 4 / 16]);
    }
    // The first strike's dead, counted by two rivals: the ministry's 15,
    // and a monitoring group's 19, of them 8 children.
    let day = PartialDate::day(2024, 11, 1);
    let strike = d.ds.events[0].id.clone();
    d.tally(&ids[2], TallyCategory::Civilians, 15, day);
    d.tally(&ids[2], TallyCategory::Civilians, 19, day);
    d.tally(&ids[2], TallyCategory::Children, 8, day);
    let n = d.ds.tallies.len();
    for (k, t) in d.ds.tallies[n - 3..].iter_mut().enumerate() {
        t.events = vec![strike.clone()];
        if k > 0 {
            t.counted_by = "monitor".into();
            t.provenance[0].source = "monitor".into();
        }
    }
    d.ds.tallies[n - 2].same_as = Some(d.ds.tallies[n - 3].id.clone());
    d.ds.tallies[n - 1].subset_of = Some(d.ds.tallies[n - 2].id.clone());
    // More than the dead: the wounded, the missing and the displaced, each
    // drawn under its own heading.
    d.tally_of(&ids[2], TallyCategory::Civilians, Outcome::Wounded, 42, day);
    d.tally_of(&ids[3], TallyCategory::Fighters, Outcome::Missing, 6, day);
    d.tally_of(
        &ids[2],
        TallyCategory::Civilians,
        Outcome::Displaced,
        1200,
        day,
    );
    d.finish()
}

/// Parallel ties (attacked and killed between one pair), mutual ties (each
/// attacked the other) and co-participation beside stated ties.
fn ties() -> Dataset {
    let mut d = Draft::new("Rivals trade blows", PartialDate::day(2024, 5, 20), 24);
    let ids = d.actors(
        8,
        &[ActorKind::ArmedGroup, ActorKind::Person, ActorKind::State],
    );
    let since = PartialDate::day(2024, 5, 1);
    let start = since.first_day();
    for k in 0..15 {
        let date = PartialDate::from_days(start + d.rng.below(19) as i64);
        let (a, b) = (ids[k % 4].clone(), ids[(k + 1) % 4].clone());
        let kind = d.violent();
        d.event(date, kind, &a, &[&b]);
    }
    use RelationKind::*;
    for (from, kind, to) in [
        (0, Attacked, 1),
        (0, Killed, 1),
        (1, Attacked, 0),
        (2, AlliedWith, 3),
        (3, AlliedWith, 2),
        (4, Leads, 0),
        (5, MemberOf, 0),
        (6, MetWith, 7),
        (2, Attacked, 1),
        (2, Killed, 1),
        (1, Attacked, 2),
    ] {
        let (a, b) = (ids[from].clone(), ids[to].clone());
        d.relation(&a, kind, &b, since);
    }
    d.finish()
}

/// Kinds a newsroom added: communities, activists, a tribe; a siege and a
/// curfew.
fn custom_kinds() -> Dataset {
    let mut d = Draft::new("A town under siege", PartialDate::day(2024, 8, 30), 25);
    let custom = |s: &str| ActorKind::Custom(s.into());
    let mut ids = d.actors(4, &ARMED);
    ids.extend(d.actors(
        6,
        &[
            custom("x-community"),
            custom("x-activists"),
            custom("x-tribe"),
        ],
    ));
    let kinds = [
        EventKind::Custom("x-siege".into()),
        EventKind::Custom("x-curfew".into()),
        EventKind::AirDroneStrike,
        EventKind::Custom("x-displacement".into()),
    ];
    let start = PartialDate::day(2024, 7, 1).first_day();
    for k in 0..20 {
        let date = PartialDate::from_days(start + d.rng.below(60) as i64);
        let (a, b) = (ids[k % 4].clone(), ids[4 + k % 6].clone());
        d.event(date, kinds[k % kinds.len()].clone(), &a, &[&b]);
    }
    d.relation(
        &ids[0],
        RelationKind::Attacked,
        &ids[4],
        PartialDate::day(2024, 7, 3),
    );
    // Ties in the newsroom's own words: drawn in a neutral line, never as
    // a stated kind's.
    for (from, kind, to) in [(1, "x-fights", 5), (2, "x-designated-as-terrorists", 6)] {
        let kind: RelationKind = kind.parse().expect("an extension term");
        d.relation(&ids[from], kind, &ids[to], PartialDate::day(2024, 7, 10));
    }
    d.tally(
        &ids[4],
        TallyCategory::Civilians,
        40,
        PartialDate::day(2024, 8, 30),
    );
    d.finish()
}

/// Sixty events over twelve years: a long conflict's timeline.
fn decade() -> Dataset {
    let mut d = Draft::new(
        "Twelve years of a border war",
        PartialDate::day(2024, 12, 31),
        26,
    );
    let ids = d.actors(
        15,
        &[ActorKind::State, ActorKind::ArmedGroup, ActorKind::Person],
    );
    let start = PartialDate::day(2013, 1, 1).first_day();
    for _ in 0..60 {
        let date = PartialDate::from_days(start + d.rng.below(12 * 365) as i64);
        let date = if d.rng.below(4) == 0 {
            PartialDate::month(date.year, date.month.unwrap_or(1))
        } else {
            date
        };
        let (a, b) = (ids[d.rng.below(15)].clone(), ids[d.rng.below(15)].clone());
        let whom: Vec<&str> = if a == b { Vec::new() } else { vec![b.as_str()] };
        let kind = d.violent();
        d.event(date, kind, &a, &whom);
    }
    d.finish()
}

/// A sampler of ranks 0..n with weight 1 / (rank + 1)^s: a few actors in
/// most events, most actors in one or two.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        Zipf(
            (0..n)
                .map(|k| {
                    total += 1.0 / ((k + 1) as f64).powf(s);
                    total
                })
                .collect(),
        )
    }

    fn sample(&self, rng: &mut Lcg) -> usize {
        let target = rng.next_f64() * self.0.last().copied().unwrap_or(0.0);
        self.0
            .partition_point(|&c| c < target)
            .min(self.0.len() - 1)
    }
}

/// A research network: `actors` actors, `events` events among them with
/// Zipf-skewed participation, and `relations` stated ties over three years.
fn network(actors: usize, relations: usize, events: usize, seed: u32) -> Dataset {
    let mut d = Draft::new(
        "Who fights whom: armed groups of the region",
        PartialDate::day(2024, 12, 31),
        seed,
    );
    d.per_paragraph = 12;
    let kinds = [
        ActorKind::ArmedGroup,
        ActorKind::ArmedGroup,
        ActorKind::Military,
        ActorKind::PoliticalMovement,
        ActorKind::Alliance,
        ActorKind::State,
    ];
    let ids = d.actors(actors, &kinds);
    let zipf = Zipf::new(actors, 1.05);
    let start = PartialDate::day(2022, 1, 1).first_day();
    for _ in 0..events {
        let a = zipf.sample(&mut d.rng);
        let b = (a + 1 + d.rng.below(actors - 1)) % actors;
        let date = PartialDate::from_days(start + d.rng.below(3 * 365) as i64);
        let kind = d.violent();
        let (a, b) = (ids[a].clone(), ids[b].clone());
        d.event(date, kind, &a, &[&b]);
    }
    use RelationKind::*;
    let rel_kinds = [Attacked, AlliedWith, Killed, Attacked, MemberOf];
    let mut seen = std::collections::BTreeSet::new();
    while d.ds.relations.len() < relations {
        let a = zipf.sample(&mut d.rng);
        let b = zipf.sample(&mut d.rng);
        let kind = rel_kinds[d.rng.below(rel_kinds.len())].clone();
        if a == b || !seen.insert((a, b, kind.label())) {
            continue;
        }
        let date = PartialDate::from_days(start + d.rng.below(3 * 365) as i64);
        let (a, b) = (ids[a].clone(), ids[b].clone());
        d.relation(&a, kind, &b, date);
    }
    d.finish()
}

/// An export in ACLED's layout: `rows` rows among `actors` actors, Zipf
/// skewed so that a few take part in thousands of events, and dated in
/// bursts (offensives) over two years. `dossier generate-acled N SEED ACTORS`.
pub fn acled(rows: usize, actors: usize, seed: u32) -> String {
    let mut rng = Lcg::new(seed);
    // Names with their ACLED inter codes: state forces, rebels, protesters,
    // political militias and civilians, as a national export has them.
    let names: Vec<(String, u8)> = (0..actors)
        .map(|k| match k % 5 {
            0 => (format!("Military Forces of {}", name(&mut rng, 3)), 1),
            1 => (format!("{} Brigade", name(&mut rng, 3)), 2),
            2 => (format!("Protesters ({})", name(&mut rng, 2)), 6),
            3 => (format!("{} Militia", name(&mut rng, 3)), 3),
            _ => (format!("Civilians ({})", name(&mut rng, 2)), 7),
        })
        .collect();
    let actors = actors.max(2);
    let zipf = Zipf::new(actors, 1.1);
    let start = crate::format::date::days_from_civil(2023, 1, 1);
    let bursts: Vec<i64> = (0..7).map(|_| rng.below(700) as i64).collect();
    // The nearest actor at or after `k` whose code passes `ok`.
    let find = |k: usize, ok: &dyn Fn(u8) -> bool| {
        (0..actors)
            .map(|d| (k + d) % actors)
            .find(|&j| ok(names[j].1))
            .unwrap_or(k)
    };
    let mut out = super::generate::ACLED_HEADER.to_owned();
    for i in 0..rows {
        // The first side acts: never civilians.
        let a1 = find(zipf.sample(&mut rng), &|c| c != 7);
        let other = (a1 + 1 + zipf.sample(&mut rng)) % actors;
        let armed = |c: u8| matches!(c, 1..=4);
        let ((event_type, sub), a2) = match (names[a1].1, rng.below(6)) {
            (6, 0) => (
                ("Protests", "Protest with intervention"),
                Some(find(other, &|c| c == 1)),
            ),
            (6, _) => (("Protests", "Peaceful protest"), None),
            (_, 0 | 1) => (("Battles", "Armed clash"), Some(find(other, &armed))),
            (_, 2) => (
                ("Explosions/Remote violence", "Air/drone strike"),
                Some(find(other, &armed)),
            ),
            (_, 3 | 4) => (
                ("Violence against civilians", "Attack"),
                Some(find(other, &|c| c == 7)),
            ),
            _ => (
                ("Strategic developments", "Agreement"),
                Some(find(other, &armed)),
            ),
        };
        let a2 = a2.filter(|&j| j != a1);
        // Four rows in five fall in a burst: a few days to weeks around it.
        let day = if rng.below(5) < 4 {
            let centre = bursts[rng.below(bursts.len())];
            let spread = (-(1.0 - rng.next_f64()).ln() * 6.0) as i64;
            (centre + if rng.below(2) == 0 { spread } else { -spread }).clamp(0, 729)
        } else {
            rng.below(730) as i64
        };
        let date = PartialDate::from_days(start + day);
        let violent = !matches!(event_type, "Protests" | "Strategic developments");
        let fatalities = if violent && rng.below(3) == 0 {
            rng.below(9)
        } else {
            0
        };
        // One row in four names an associated actor on the first side.
        let assoc = if rng.below(4) == 0 {
            let j = find(zipf.sample(&mut rng), &|c| c == names[a1].1);
            if j == a1 {
                ""
            } else {
                names[j].0.as_str()
            }
        } else {
            ""
        };
        let second = a2.map_or(("", 0), |j| (names[j].0.as_str(), names[j].1));
        super::generate::acled_row(
            &mut out,
            &mut rng,
            &super::generate::AcledRow {
                i,
                date,
                types: (event_type, sub),
                first: (&names[a1].0, names[a1].1),
                assoc,
                second,
                fatalities,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::validate::validate;

    #[test]
    fn every_json_shape_is_valid() {
        for (name, ext, _) in SHAPES {
            let f = fixture(name).unwrap();
            assert_eq!(matches!(f, Fixture::Json(_)), ext == "json", "{name}");
            if let Fixture::Json(ds) = f {
                assert_eq!(validate(&ds), Vec::new(), "{name}");
                assert!(!ds.events.is_empty(), "{name}");
            }
        }
    }

    #[test]
    fn the_hub_is_in_most_events() {
        let ds = hub();
        let hub = &ds.actors[0].id;
        let with_hub = ds
            .events
            .iter()
            .filter(|e| ds.actor_ids(e).any(|a| a == hub))
            .count();
        assert!(with_hub * 4 > ds.events.len() * 3, "{with_hub}");
    }

    #[test]
    fn no_actor_acts_on_itself_and_the_summaries_read() {
        for (name, ext, _) in SHAPES {
            let Some(Fixture::Json(ds)) = fixture(name) else {
                assert_ne!(ext, "json", "{name}");
                continue;
            };
            for e in &ds.events {
                let ids: Vec<&str> = ds
                    .participants_of(e)
                    .iter()
                    .filter_map(|p| p.actor.as_deref())
                    .collect();
                let mut unique = ids.clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), ids.len(), "{name}: {}", e.summary);
                for vowel in ["a a", "a e", "a i", "a o", "a u"] {
                    assert!(
                        !e.summary.contains(&format!(" {vowel}")),
                        "{name}: {}",
                        e.summary
                    );
                }
            }
        }
    }

    #[test]
    fn the_story_week_crowds_its_last_days() {
        let ds = story_week();
        let last = ds.events.iter().map(|e| e.date.first_day()).max().unwrap();
        let first = ds.events.iter().map(|e| e.date.first_day()).min().unwrap();
        let crowded = ds
            .events
            .iter()
            .filter(|e| last - e.date.first_day() < 3)
            .count();
        assert!(last - first > 365);
        assert!(crowded * 3 > ds.events.len() * 2);
    }

    #[test]
    fn the_network_is_skewed_and_the_export_imports() {
        let ds = network(250, 640, 900, 11);
        assert_eq!(ds.actors.len(), 250);
        assert!(ds.relations.len() >= 600);
        let mut degree = vec![0usize; 250];
        for e in &ds.events {
            for a in ds.actor_ids(e) {
                degree[a[1..].parse::<usize>().unwrap()] += 1;
            }
        }
        degree.sort_unstable_by(|a, b| b.cmp(a));
        assert!(degree[0] > 20 * degree[125].max(1), "{degree:?}");

        let csv = acled(5_400, 248, 5);
        let import = crate::import::acled::import(csv.as_bytes(), "acled-5000.csv").unwrap();
        assert!(import.dataset.events.len() >= 5_000);
        let actors = import.dataset.actors.len();
        assert!((200..=248).contains(&actors), "{actors} actors");
        // The sides of its events are ties: fought and attacked, and the
        // civilians are never the side that attacks.
        let ds = &import.dataset;
        let kinds = |k: &str| ds.relations.iter().filter(|r| r.kind.as_str() == k).count();
        assert!(
            kinds("fought") > 50 && kinds("attacked") > 20,
            "{:?}",
            ds.relations.len()
        );
        assert!(ds
            .relations
            .iter()
            .filter(|r| r.kind.as_str() == "attacked")
            .all(
                |r| r.to.as_deref().is_some_and(|t| t.starts_with("civilians"))
                    && !r.from.starts_with("civilians")
            ));
    }
}
