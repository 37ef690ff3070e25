//! Import an ACLED export (CSV) as a Dossier dataset.
//!
//! Each row becomes an event:
//! - `event_type` / `sub_event_type` → the kind (ACLED's sub-event types are
//!   Dossier's kinds; an unknown one is kept as an `x-` extension);
//! - `actor1`, `actor2` and the associated actors (several to a cell,
//!   separated by `;`) → actors, de-duplicated by name, with roles: actor1
//!   initiates, its associates support, actor2 and its associates are the
//!   target; the side the codebook makes the victims (civilians, or the
//!   protesters met with excessive force) are the victims;
//! - the two sides, by the event's type ([`codebook::tie`]) → ties between
//!   every actor of one side and every actor of the other: "fought" where
//!   the codebook names no attacker, "attacked" towards the victims where it
//!   does. One tie per pair and kind, listing its events, quoted from the
//!   first of their notes;
//! - `location`, `admin1`–`admin3`, `country`, `latitude`, `longitude` and
//!   `geo_precision` → the place;
//! - `event_date` and `time_precision` → the date at its precision (1: the
//!   day; 2: one day of the week around it, an uncertain day; 3: only the
//!   month). A date in numbers alone is read day first, as ACLED writes it,
//!   unless the file writes them month first, as a spreadsheet set to US
//!   dates saves an export ("5/15/2024"; the dataset's notes then say so);
//! - `notes` → the summary, and the text every fact is quoted from: each
//!   row's notes are a paragraph of the imported "story";
//! - `source` → the provenance's source;
//! - `fatalities` → a figure "at least N killed, on any side, by ACLED's
//!   count": ACLED codes the most conservative estimate of the deaths in the
//!   event, on every side, from the reports it cites.
//!
//! The casualty chart gets tallies of fatalities, counted by ACLED, as the
//! codebook defines them: the deaths in an event on every side. So they are
//! counted by event type and country, as "people on any side in battles in
//! Mali", never as a party's dead; only civilians killed in violence
//! against them are counted as theirs, since there the codebook makes them
//! the victims. An export of many countries keeps the deadliest twelve
//! such figures, and one for each type's others. Without a `fatalities`
//! column, the import says that none were counted.
//!
//! Real exports vary, and all of these are read: dates as `2024-01-04`,
//! `5-Aug-24`, `31-12-19` or `15 May 2024`; older files with `data_id` and
//! `iso3`, newer ones without the actor2 columns; extra and reordered
//! columns; notes quoted over several lines; a byte-order mark; CRLF line
//! ends. A row that cannot be read is skipped with its row number and
//! reason; a file without the required columns is refused.
//!
//! Import runs a step at a time ([`Importer::step`]) so that the browser can
//! show progress and stay responsive on a large file.
//!
//! Pure: no browser types here.

use crate::base::hash::HashMap;
use crate::format::date::{days_from_civil, PartialDate};
use crate::format::ids::{slug, Ids};
use crate::format::model::{
    Actor, Coordinates, Count, Dataset, Event, Participant, Place, Provenance, Quantity, Relation,
    Source, Story, Tally, FORMAT,
};
use crate::format::validate::{validate, Problem, ProblemKind, MAX_BYTES};
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, GeoPrecision, ParticipantRole, RelationKind, SourceKind,
    TallyCategory,
};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub mod codebook;
use codebook::{Inter, Way};

/// Columns without which a file is not an ACLED export.
pub const REQUIRED: [&str; 5] = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
];

/// A row left out, with why. `row` counts data rows from 1, after the
/// header; `line` is where the row starts in the file (notes can span lines).
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub row: usize,
    pub line: u64,
    pub reason: String,
}

impl Skipped {
    /// The skipped row as a problem with its place, for a problem list.
    pub fn problem(&self) -> Problem {
        Problem::new(
            format!("row {} (line {})", self.row, self.line),
            ProblemKind::Shape(self.reason.clone()),
        )
    }
}

/// An imported dataset, the rows that could not be used, and what the
/// reader should know of the file as a whole (a column it lacks).
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub dataset: Dataset,
    pub skipped: Vec<Skipped>,
    pub rows: usize,
    pub warnings: Vec<String>,
}

/// How many figures of deaths by event type and country an import makes
/// at most, the deadliest; the rest of each type's are one figure.
const PLACES: usize = 12;

/// Said of an export without a `fatalities` column, where its reader
/// would otherwise read no deaths as none counted.
const NO_FATALITIES: &str = "the export has no fatalities column, so its events carry no death \
                             counts and the casualty chart has no figures: none were counted \
                             here, which is not to say there were none";

/// The columns a row is read from, each with its name in the header.
macro_rules! columns {
    ($($col:ident = $name:literal,)*) => {
        /// A column the importer reads.
        #[derive(Debug, Clone, Copy)]
        enum Col { $($col,)* }
        /// Each [`Col`]'s header name, in the same order.
        const NAMES: &[&str] = &[$($name,)*];
    };
}

columns! {
    EventDate = "event_date",
    TimePrecision = "time_precision",
    EventType = "event_type",
    SubEventType = "sub_event_type",
    Actor1 = "actor1",
    AssocActor1 = "assoc_actor_1",
    Inter1 = "inter1",
    Actor2 = "actor2",
    AssocActor2 = "assoc_actor_2",
    Inter2 = "inter2",
    Interaction = "interaction",
    Location = "location",
    Latitude = "latitude",
    Longitude = "longitude",
    GeoPrecision = "geo_precision",
    Admin1 = "admin1",
    Admin2 = "admin2",
    Admin3 = "admin3",
    Country = "country",
    Notes = "notes",
    Source = "source",
    Fatalities = "fatalities",
    EventIdCnty = "event_id_cnty",
    DataId = "data_id",
    CivilianTargeting = "civilian_targeting",
}

/// Where each column the importer reads is in this file, found once from
/// the header rather than by name in every row.
#[derive(Debug)]
struct Columns {
    at: [Option<usize>; NAMES.len()],
    /// How many columns the header names: a row with more or fewer is
    /// out of step with it (a comma in a cell that is not quoted, a row
    /// cut short), and any cell of it may be another column's.
    width: usize,
}

impl Columns {
    /// The columns of a header whose names are `header` (lower case, in
    /// order); the first of two with one name is read.
    fn of(header: &[String]) -> Columns {
        let mut at = [None; NAMES.len()];
        for (slot, name) in at.iter_mut().zip(NAMES) {
            *slot = header.iter().position(|h| h == name);
        }
        Columns {
            at,
            width: header.len(),
        }
    }

    fn get<'r>(&self, record: &'r csv::ByteRecord, col: Col) -> &'r [u8] {
        self.at[col as usize]
            .and_then(|i| record.get(i))
            .unwrap_or(b"")
    }
}

/// A cell as text: invalid UTF-8 replaced, trimmed, line ends made LF;
/// borrowed from the row where it is already so.
fn text(bytes: &[u8]) -> Cow<'_, str> {
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => line_ends(s.trim()),
        Cow::Owned(s) => Cow::Owned(line_ends(s.trim()).into_owned()),
    }
}

fn line_ends(s: &str) -> Cow<'_, str> {
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A problem with the file as a whole (its header, its size).
fn problem(kind: ProblemKind) -> Vec<Problem> {
    vec![Problem::new("$", kind)]
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let short = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == short).map(|i| i as u8 + 1)
}

/// A two-digit year: ACLED's data begin in 1997.
fn full_year(y: i32, digits: usize) -> i32 {
    match digits {
        2 if y >= 90 => 1900 + y,
        2 => 2000 + y,
        _ => y,
    }
}

/// An ACLED date in any of the forms exports use.
///
/// ```
/// use dossier::import::acled::parse_date;
/// for s in ["2024-01-04", "4-Jan-24", "04-01-24", "4 January 2024", "04/01/2024"] {
///     assert_eq!(parse_date(s).map(|d| d.to_string()), Some("2024-01-04".into()), "{s}");
/// }
/// assert_eq!(parse_date("31-02-24"), None);
/// ```
pub fn parse_date(s: &str) -> Option<PartialDate> {
    parse_date_in(s, false)
}

/// A date's three parts, however they are parted ("2024-01-04",
/// "4 January 2024", "04/01/24"); `None` for another number of parts.
fn date_parts(s: &str) -> Option<[&str; 3]> {
    let mut parts = s
        .trim()
        .split(['-', ' ', '/', '.'])
        .filter(|p| !p.is_empty());
    let three = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(three)
}

/// A part of a date in digits (at most four).
fn num(p: &str) -> Option<i32> {
    (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| p.parse().ok())
        .flatten()
}

/// [`parse_date`], for a file that writes a date in numbers alone month
/// first (`month_first`: "5/15/2024", as a spreadsheet set to US dates
/// saves one) rather than day first; a date with the month in words or
/// the year first reads the same either way.
///
/// ```
/// use dossier::import::acled::parse_date_in;
/// let read = |s, us| parse_date_in(s, us).map(|d| d.to_string());
/// assert_eq!(read("5/15/2024", true).as_deref(), Some("2024-05-15"));
/// assert_eq!(read("4/1/2024", true).as_deref(), Some("2024-04-01"));
/// assert_eq!(read("4/1/2024", false).as_deref(), Some("2024-01-04"));
/// assert_eq!(read("4 January 2024", true).as_deref(), Some("2024-01-04"));
/// assert_eq!(read("2024-01-04", true).as_deref(), Some("2024-01-04"));
/// ```
pub fn parse_date_in(s: &str, month_first: bool) -> Option<PartialDate> {
    let [a, b, c] = date_parts(s)?;
    let (year, month, day) = if a.len() == 4 {
        // 2024-01-04
        (num(a)?, num(b)? as u8, num(c)?)
    } else {
        // 5-Aug-24, 15 May 2024, 31-12-19, 31/12/2019: day first; or
        // 12/31/2019 in a file that writes its dates month first.
        let (day, month) = match (num(a), num(b)) {
            (Some(m), Some(d)) if month_first => (d, m as u8),
            (day, Some(m)) => (day?, m as u8),
            (day, None) => (day?, month_number(b)?),
        };
        (full_year(num(c)?, c.len()), month, day)
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    let date = PartialDate::day(year, month, day as u8);
    // Reject 31 February and its kind: the day must survive a round trip.
    let days = days_from_civil(year, month, day as u8);
    (PartialDate::from_days(days) == date).then_some(date)
}

/// Ids from ACLED's names keep every word: "Military Forces of Sudan
/// (2019-)" is `military-forces-of-sudan-2019`.
const ALL_WORDS: usize = usize::MAX;

/// An actor's kind: from what ACLED's names say outright ("Government
/// of …", "Police Forces of …", "Civilians (…)"), and failing that from
/// its type: its own `inter` code for `actor1` and `actor2`; for an
/// associated actor, its side's, since the codebook's associated actors are
/// the groups a main actor is with or is made of (the journalists and
/// health workers among civilians are civilians, not an armed group).
fn actor_kind(inter: Option<Inter>, name: &str) -> ActorKind {
    let custom = |s: &str| s.parse().unwrap_or(ActorKind::ArmedGroup);
    let n = name.to_ascii_lowercase();
    let named = |prefix: &str| n.starts_with(prefix);
    if named("government of") {
        return ActorKind::GovernmentBody;
    }
    if named("police forces") {
        return custom("x-police");
    }
    if named("military forces") {
        return ActorKind::Military;
    }
    if named("civilians") {
        return custom("x-civilians");
    }
    if named("protesters") {
        return custom("x-protesters");
    }
    if named("rioters") {
        return custom("x-rioters");
    }
    match inter {
        Some(Inter::StateForces | Inter::External) => ActorKind::Military,
        Some(Inter::Rioters) => custom("x-rioters"),
        Some(Inter::Protesters) => custom("x-protesters"),
        Some(Inter::Civilians) => custom("x-civilians"),
        _ => ActorKind::ArmedGroup,
    }
}

/// The dataset as it is built, row by row.
#[derive(Default)]
struct Builder {
    actors: Vec<Actor>,
    actor_by_name: HashMap<String, usize>,
    /// Per actor: whether its kind comes from its own inter code (as
    /// actor1 or actor2), not from its side's as an associated actor.
    own_kind: Vec<bool>,
    /// Per actor: the events it is in, and the last of them plus one (an
    /// actor named twice in a row is in its event once).
    in_events: Vec<(usize, usize)>,
    actor_ids: Ids,
    sources: Vec<Source>,
    source_by_name: HashMap<String, usize>,
    source_ids: Ids,
    events: Vec<Event>,
    event_ids: Ids,
    paragraphs: Vec<String>,
    /// Per event: fatalities, the event type, and the civilians' actor ids
    /// when the codebook makes them the victims of it, for the tallies.
    fatalities: Vec<Deaths>,
    /// The ties between the sides of events, one per kind and pair.
    ties: Vec<Relation>,
    tie_by_key: HashMap<(RelationKind, String, String), usize>,
    /// Whether the file writes its dates in numbers month first
    /// ([`month_first`]).
    month_first: bool,
}

/// What the tallies need of one event.
struct Deaths {
    count: u64,
    event_type: String,
    /// The civilians killed in violence against them: the actors the
    /// deaths belong to, when the codebook says they do.
    civilians: Option<String>,
}

impl Builder {
    /// The actor called `name`, added if new. `own` says whether `inter`
    /// is its own code (actor1, actor2) or its side's (an associated
    /// actor): an actor first met as another's associate takes its kind
    /// from its own code when a row gives one, whatever the rows' order.
    fn actor(&mut self, name: &str, inter: Option<Inter>, own: bool) -> String {
        // The event this row becomes.
        let event = self.events.len() + 1;
        if let Some(&i) = self.actor_by_name.get(name) {
            if own && inter.is_some() && !self.own_kind[i] {
                self.actors[i].kind = actor_kind(inter, name);
                self.own_kind[i] = true;
            }
            let (count, last) = &mut self.in_events[i];
            if *last != event {
                (*count, *last) = (*count + 1, event);
            }
            return self.actors[i].id.clone();
        }
        let id = self.actor_ids.make("", name, ALL_WORDS);
        self.own_kind.push(own && inter.is_some());
        self.in_events.push((1, event));
        self.actor_by_name
            .insert(name.to_owned(), self.actors.len());
        self.actors.push(Actor {
            id: id.clone(),
            name: name.to_owned(),
            aliases: Vec::new(),
            kind: actor_kind(inter, name),
            roles: Vec::new(),
            note: None,
        });
        id
    }

    fn source(&mut self, name: &str) -> String {
        if let Some(&i) = self.source_by_name.get(name) {
            return self.sources[i].id.clone();
        }
        let id = self.source_ids.make("src-", name, ALL_WORDS);
        self.source_by_name
            .insert(name.to_owned(), self.sources.len());
        self.sources.push(Source {
            id: id.clone(),
            name: name.to_owned(),
            kind: SourceKind::MediaReport,
            actor: None,
            via: None,
            note: Some("As ACLED lists it in the source column.".into()),
        });
        id
    }

    /// One row, or why it cannot be used.
    fn row(&mut self, cols: &Columns, record: &csv::ByteRecord) -> Result<(), String> {
        let get = |col: Col| text(cols.get(record, col));
        let raw_date = get(Col::EventDate);
        let mut date = parse_date_in(&raw_date, self.month_first)
            .ok_or_else(|| format!("event_date \"{}\" is not a date", clip(&raw_date)))?;
        match &*get(Col::TimePrecision) {
            "" | "1" => {}
            // "A specific week": one day of the week around the coded date.
            "2" => date = PartialDate::between(date.first_day() - 3, date.first_day() + 3),
            "3" => date = PartialDate::month(date.year, date.month.unwrap_or(1)),
            other => {
                return Err(format!(
                    "time_precision \"{}\" is not 1 (the day), 2 (the week) or 3 (the month)",
                    clip(other)
                ))
            }
        }
        let actor1 = get(Col::Actor1);
        if actor1.is_empty() {
            return Err("actor1 is empty".into());
        }
        let event_type = get(Col::EventType);
        let sub = get(Col::SubEventType);
        let kind = EventKind::from_acled(&sub)
            .or_else(|| EventKind::from_acled(&event_type))
            .or_else(|| {
                (!sub.is_empty())
                    .then(|| format!("x-{}", slug(&sub, ALL_WORDS)).parse().ok())
                    .flatten()
            })
            .ok_or_else(|| "sub_event_type is empty".to_owned())?;
        let location = get(Col::Location);
        if location.is_empty() {
            return Err("location is empty".into());
        }
        // Every cell that can refuse the row is read before the row adds
        // anything (an actor, a source, a paragraph): a row skipped leaves
        // nothing behind.
        let (lat, lon) = (get(Col::Latitude), get(Col::Longitude));
        let (lat, lon) = match (degrees(&lat, 90.0), degrees(&lon, 180.0)) {
            (Err(()), _) => {
                return Err(format!(
                    "latitude \"{}\" is not a number of degrees from -90 to 90",
                    clip(&lat)
                ))
            }
            (_, Err(())) => {
                return Err(format!(
                    "longitude \"{}\" is not a number of degrees from -180 to 180",
                    clip(&lon)
                ))
            }
            (Ok(lat), Ok(lon)) => (lat, lon),
        };
        let raw_fatalities = get(Col::Fatalities);
        let fatalities: u64 = if raw_fatalities.is_empty() {
            0
        } else {
            raw_fatalities.parse().map_err(|_| {
                format!(
                    "fatalities \"{}\" is not a whole number of people",
                    clip(&raw_fatalities)
                )
            })?
        };

        // The two sides' types; a file without inter2 may say it in its
        // interaction column.
        let inter1 = Inter::parse(&get(Col::Inter1));
        let inter2 = Inter::parse(&get(Col::Inter2))
            .or_else(|| codebook::other_side(inter1, &get(Col::Interaction)));
        let tie = codebook::tie(&event_type, &sub, inter1, inter2);
        let (first_role, second_role) = match tie {
            Some((_, Way::FirstToSecond)) => (ParticipantRole::Initiator, ParticipantRole::Victim),
            Some((_, Way::SecondToFirst)) => (ParticipantRole::Victim, ParticipantRole::Initiator),
            _ => (ParticipantRole::Initiator, ParticipantRole::Target),
        };
        let supporting = if first_role == ParticipantRole::Victim {
            ParticipantRole::Victim
        } else {
            ParticipantRole::Supporter
        };

        // Participants, in ACLED's order, each actor once; and each side's
        // actors, for the ties.
        let mut participants: Vec<Participant> = Vec::new();
        let mut sides: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        let mut add = |b: &mut Builder,
                       name: &str,
                       (inter, own): (Option<Inter>, bool),
                       role: &ParticipantRole,
                       side: usize| {
            let name = name.trim();
            if name.is_empty() {
                return;
            }
            let id = b.actor(name, inter, own);
            if !participants.iter().any(|p| p.actor.as_ref() == Some(&id)) {
                participants.push(Participant::actor(id.clone(), role.clone()));
            }
            if !sides[side].contains(&id) {
                sides[side].push(id);
            }
        };
        add(self, &actor1, (inter1, true), &first_role, 0);
        for a in get(Col::AssocActor1).split(';') {
            add(self, a, (inter1, false), &supporting, 0);
        }
        let actor2 = get(Col::Actor2);
        add(self, &actor2, (inter2, true), &second_role, 1);
        for a in get(Col::AssocActor2).split(';') {
            add(self, a, (inter2, false), &second_role, 1);
        }

        let coordinates = match (lat, lon) {
            (Some(lat), Some(lon)) => Some(Coordinates {
                lat,
                lon,
                precision: match &*get(Col::GeoPrecision) {
                    "1" => GeoPrecision::Exact,
                    "2" => GeoPrecision::Near,
                    _ => GeoPrecision::Region,
                },
            }),
            _ => None,
        };
        let mut region: Vec<Cow<str>> = Vec::new();
        for admin in [Col::Admin3, Col::Admin2, Col::Admin1] {
            let a = get(admin);
            if !a.is_empty() && a != location && !region.contains(&a) {
                region.push(a);
            }
        }
        let country = get(Col::Country);
        let place = Place {
            name: location.to_string(),
            region: (!region.is_empty()).then(|| region.join(", ")),
            country: (!country.is_empty()).then(|| country.into_owned()),
            coordinates,
        };

        let notes = get(Col::Notes);
        let summary = if notes.is_empty() {
            format!("{sub} in {location}")
        } else {
            notes.into_owned()
        };
        self.paragraphs.push(summary.clone());
        // Several sources to a cell, as ACLED lists them ("Al Manar; Times
        // of Israel"): each its own, so that each is a source to filter by.
        let source_cell = get(Col::Source);
        let mut sources: Vec<String> = Vec::new();
        for name in source_cell
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let id = self.source(name);
            if !sources.contains(&id) {
                sources.push(id);
            }
        }
        if sources.is_empty() {
            sources.push(self.source("ACLED"));
        }
        // ACLED's fatalities are the deaths in the event on every side
        // (its codebook), which the card says: not one party's dead, and
        // ACLED's figure, not the report's the card quotes.
        let quantities = if fatalities > 0 {
            vec![Quantity {
                unit: "killed, on any side, by ACLED's count".into(),
                count: Count::of(CountQualifier::AtLeast, fatalities),
                provenance: None,
            }]
        } else {
            Vec::new()
        };
        let given_id = {
            let cnty = get(Col::EventIdCnty);
            if cnty.is_empty() {
                get(Col::DataId)
            } else {
                cnty
            }
        };
        let id = self.event_ids.make(
            "e-",
            if given_id.is_empty() {
                "row"
            } else {
                &given_id
            },
            ALL_WORDS,
        );
        let mut sources = sources.into_iter();
        let provenance = Provenance {
            source: sources.next().unwrap_or_default(),
            quote: summary.clone(),
            paragraph: self.paragraphs.len() as u32,
        };
        // The other sources' quotes are copies; the first is the row's own.
        let others: Vec<Provenance> = sources
            .map(|source| Provenance {
                source,
                ..provenance.clone()
            })
            .collect();
        let civilians = (event_type.eq_ignore_ascii_case("Violence against civilians")
            && inter2.is_none_or(|i| i == Inter::Civilians))
        .then(|| sides[1].first().cloned())
        .flatten();
        if let Some((kind, way)) = tie {
            self.tie(&kind, way, &sides, &id, &provenance, date);
        }
        // ACLED's own id, by which a reader finds the row in ACLED's data,
        // and its civilian-targeting flag, as the card's note.
        let targeting = get(Col::CivilianTargeting);
        let note = match (given_id.is_empty(), targeting.is_empty()) {
            (true, true) => None,
            (false, true) => Some(format!("ACLED event {given_id}.")),
            (true, false) => Some(format!("ACLED: {targeting}.")),
            (false, false) => Some(format!("ACLED event {given_id}: {targeting}.")),
        };
        let mut event = Event {
            place: Some(place),
            participants,
            quantities,
            note,
            ..Event::new(id, date, kind, summary, provenance)
        };
        event.provenance.extend(others);
        self.events.push(event);
        self.fatalities.push(Deaths {
            count: fatalities,
            event_type: event_type.into_owned(),
            civilians,
        });
        Ok(())
    }

    /// Tie every actor of one side to every actor of the other, once per
    /// pair and kind: a tie seen again gains the event and its dates.
    fn tie(
        &mut self,
        kind: &RelationKind,
        way: Way,
        sides: &[Vec<String>; 2],
        event: &str,
        provenance: &Provenance,
        date: PartialDate,
    ) {
        for a in &sides[0] {
            for b in &sides[1] {
                if a == b {
                    continue;
                }
                let (from, to) = match way {
                    Way::FirstToSecond => (a, b),
                    Way::SecondToFirst => (b, a),
                    // No direction: the pair in one order, whatever the columns.
                    Way::Mutual => (a.min(b), a.max(b)),
                };
                let key = (kind.clone(), from.clone(), to.clone());
                let next = self.ties.len();
                let k = *self.tie_by_key.entry(key).or_insert(next);
                if k == next {
                    self.ties.push(Relation {
                        id: format!("r-{}", next + 1),
                        kind: kind.clone(),
                        from: from.clone(),
                        to: Some(to.clone()),
                        victims: None,
                        role: None,
                        since: Some(PartialDate::from_days(date.first_day())),
                        until: Some(PartialDate::from_days(date.last_day())),
                        events: Vec::new(),
                        provenance: Vec::new(),
                        note: None,
                    });
                }
                let tie = &mut self.ties[k];
                tie.events.push(event.to_owned());
                // The first few events' notes are the tie's quotes; its
                // events list the rest.
                if tie.provenance.len() < 3 {
                    tie.provenance.push(provenance.clone());
                }
                if let (Some(since), Some(until)) = (tie.since, tie.until) {
                    if date.first_day() < since.first_day() {
                        tie.since = Some(PartialDate::from_days(date.first_day()));
                    }
                    if date.last_day() > until.last_day() {
                        tie.until = Some(PartialDate::from_days(date.last_day()));
                    }
                }
            }
        }
    }

    /// Tallies of fatalities, counted by ACLED, as its codebook defines
    /// them: the deaths in an event on every side. By event type and
    /// country, each with
    /// the civilians killed in violence against them inside it: the one
    /// place where the codebook makes the dead one party's. (Deaths over
    /// time are the timeline's to show, with the events they are in.)
    fn tallies(&mut self, acled: &str) -> Vec<Tally> {
        let mut out = Vec::new();
        let Some(last) = self.events.iter().map(|e| e.date.last_day()).max() else {
            return out;
        };
        let first = self
            .events
            .iter()
            .map(|e| e.date.first_day())
            .min()
            .unwrap_or(last);
        let (since, as_of) = (PartialDate::from_days(first), PartialDate::from_days(last));
        let tally = |b: &Builder, id: String, events: &[usize], count: u64| Tally {
            id,
            counted_by: acled.to_owned(),
            side: None,
            victims: None,
            same_as: None,
            place: None,
            category: TallyCategory::Unknown,
            outcome: Default::default(),
            count: Count::of(CountQualifier::AtLeast, count),
            since: Some(since),
            as_of,
            subset_of: None,
            events: events.iter().map(|&i| b.events[i].id.clone()).collect(),
            revises: None,
            withdrawn: None,
            status: None,
            provenance: vec![Provenance {
                source: acled.to_owned(),
                quote: b.events[events[0]].summary.clone(),
                paragraph: b.events[events[0]].provenance[0].paragraph,
            }],
            note: None,
        };
        // Deaths by event type and country, the deadliest first: a total
        // over two countries' wars answers no reader's question, and a
        // card in one country would read another's dead as its own. (One
        // map type, keyed by the words the figure is named by, for all
        // the groupings here: each other would be more code to download.)
        let country = |i: usize| {
            self.events[i]
                .place
                .as_ref()
                .and_then(|p| p.country.as_deref())
        };
        // Rows with no country, in an export whose others name theirs,
        // are said to be so, not read as every event of their type.
        let some_named = (0..self.events.len()).any(|i| country(i).is_some());
        let mut by = Groups::new();
        for (i, d) in self.fatalities.iter().enumerate() {
            let mut what = d.event_type.to_lowercase();
            match country(i) {
                Some(c) => what = format!("{what} in {c}"),
                None if some_named => what += " where no country is given",
                None => {}
            }
            add(&mut by, what, d.count, i);
        }
        let mut wholes = ranked(by);
        // An export of many countries: the deadliest places keep their own
        // figures, and each type's others are one figure, so that the
        // chart stays one a reader can read (a type with only one other
        // place keeps its name).
        // (A list, searched: a map of lists would be a copy of the map's
        // code for a handful of types.)
        let mut rest: Vec<(String, Ranked)> = Vec::new();
        for (what, group) in wholes.drain(PLACES.min(wholes.len())..) {
            let kind = self.fatalities[group.1[0]].event_type.to_lowercase();
            match rest.iter_mut().find(|r| r.0 == kind) {
                Some(r) => r.1.push((what, group)),
                None => rest.push((kind, vec![(what, group)])),
            }
        }
        let mut wholes: Vec<(String, Option<&str>, u64, Vec<usize>)> = wholes
            .into_iter()
            .map(|(what, (count, events))| (what, country(events[0]), count, events))
            .collect();
        for (kind, mut groups) in rest {
            if groups.len() == 1 {
                let (what, (count, events)) = groups.remove(0);
                wholes.push((what, country(events[0]), count, events));
                continue;
            }
            let count = groups.iter().map(|g| g.1 .0).sum();
            let mut events: Vec<usize> = groups.into_iter().flat_map(|g| g.1 .1).collect();
            events.sort_unstable();
            let mut places: Vec<&str> = events.iter().filter_map(|&i| country(i)).collect();
            places.sort_unstable();
            places.dedup();
            // "Other" where the type's deadliest have figures of their own.
            let other = if wholes
                .iter()
                .any(|w| w.0.starts_with(&format!("{kind} in ")))
            {
                " other"
            } else {
                ""
            };
            let unnamed = if events.iter().any(|&i| country(i).is_none()) {
                " and where no country is given"
            } else {
                ""
            };
            let countries = if places.len() == 1 {
                "country"
            } else {
                "countries"
            };
            let what = format!("{kind} in {}{other} {countries}{unnamed}", places.len());
            wholes.push((what, None, count, events));
        }
        for (n, (what, country, count, events)) in wholes.iter().enumerate() {
            let id = format!("t-type-{}", n + 1);
            out.push(Tally {
                victims: Some(format!("people on any side in {what}")),
                place: country.map(str::to_owned),
                note: Some(format!(
                    "ACLED's fatalities are the deaths in an event on every side, and its most \
                     conservative estimate: the deaths in the export's {what}."
                )),
                ..tally(self, id.clone(), events, *count)
            });
            // Civilians killed in violence against them: the codebook makes
            // them the victims, so these deaths are theirs.
            let mut civilians = Groups::new();
            for &i in events {
                if let Some(actor) = &self.fatalities[i].civilians {
                    add(&mut civilians, actor.clone(), self.fatalities[i].count, i);
                }
            }
            let civilians = ranked(civilians);
            for (actor, (count, events)) in civilians.iter().take(3) {
                out.push(Tally {
                    side: Some(actor.clone()),
                    place: country.map(str::to_owned),
                    category: TallyCategory::Civilians,
                    subset_of: Some(id.clone()),
                    note: Some(
                        "Deaths in violence against civilians, where ACLED's codebook makes the \
                         civilians the victims."
                            .into(),
                    ),
                    ..tally(self, format!("{id}-{}", out.len() + 1), events, *count)
                });
            }
        }
        out
    }
}

/// Deaths and the events they are in, by the words a figure is named by.
type Groups = BTreeMap<String, (u64, Vec<usize>)>;

/// Add event `i`'s `count` deaths to its group; none leaves it out.
fn add(groups: &mut Groups, key: String, count: u64, i: usize) {
    if count > 0 {
        let entry = groups.entry(key).or_default();
        entry.0 += count;
        entry.1.push(i);
    }
}

/// Groups in order, each with its name.
type Ranked = Vec<(String, (u64, Vec<usize>))>;

/// The groups, the deadliest first (as many: by name).
fn ranked(groups: Groups) -> Ranked {
    let mut ranked: Vec<_> = groups.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    ranked
}

/// Whether a file writes its dates in numbers month first ("5/15/2024",
/// as a spreadsheet set to US dates saves an export) rather than day first
/// (ACLED's own "15/05/2024"): told by the first of its dates, among its
/// first rows, whose first or second number is above 12. Day first where
/// none is, and in a file whose dates put the year first or the month in
/// words. `col` is the date's column.
fn month_first(bytes: &[u8], col: usize) -> bool {
    // Its first rows, read by a reader of the very type the import reads
    // with: a second kind of reader would be a second copy of the CSV
    // code in the module (1.2 KB gzip).
    let head = bytes[..bytes.len().min(256 * 1024)].to_vec();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::Cursor::new(head));
    let mut record = csv::ByteRecord::new();
    for _ in 0..5_000 {
        if !reader.read_byte_record(&mut record).unwrap_or(false) {
            break;
        }
        let cell = std::str::from_utf8(record.get(col).unwrap_or_default()).unwrap_or_default();
        // Read as parse_date parts it: the first two parts, if the year
        // comes last.
        let first_two = date_parts(cell)
            .filter(|[a, ..]| a.len() <= 2)
            .and_then(|[a, b, _]| Some((num(a)?, num(b)?)));
        match first_two {
            Some((first, second)) if first > 12 || second > 12 => return second > 12,
            Some(_) => {}
            // An empty cell says nothing; one with the year first, or the
            // month in words, says the file is not in numbers alone.
            None if cell.trim().is_empty() => {}
            None => return false,
        }
    }
    false
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// An import in progress.
pub struct Importer {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    columns: Columns,
    total: usize,
    builder: Builder,
    skipped: Vec<Skipped>,
    rows: usize,
    done: bool,
    name: String,
}

impl Importer {
    /// Read the header. A file that is empty, too large, not text, or
    /// without the required columns is refused here.
    pub fn new(bytes: Vec<u8>, name: &str) -> Result<Importer, Vec<Problem>> {
        if bytes.len() > MAX_BYTES {
            return Err(problem(ProblemKind::TooLarge(bytes.len())));
        }
        let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if bytes[start..].iter().all(u8::is_ascii_whitespace) {
            return Err(problem(ProblemKind::Empty));
        }
        // Binary junk: a NUL, or a header that is not UTF-8.
        let head_end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        if let Err(e) = std::str::from_utf8(&bytes[start..head_end]) {
            return Err(problem(ProblemKind::NotText(start + e.valid_up_to())));
        }
        if let Some(p) = bytes.iter().take(64 * 1024).position(|&b| b == 0) {
            return Err(problem(ProblemKind::NotText(p)));
        }
        let total = bytes.len();
        let mut cursor = std::io::Cursor::new(bytes);
        cursor.set_position(start as u64);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            // Each cell read is trimmed by `text`; the reader trimming
            // every cell of every row too was a tenth of an import.
            .from_reader(cursor);
        let header = reader
            .byte_headers()
            .map_err(|e| {
                problem(ProblemKind::Shape(format!(
                    "the CSV header cannot be read: {e}"
                )))
            })?
            .clone();
        let header: Vec<String> = header
            .iter()
            .map(|h| text(h).to_ascii_lowercase())
            .collect();
        let columns = Columns::of(&header);
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| !header.iter().any(|h| h == c))
            .collect();
        if !missing.is_empty() {
            return Err(problem(ProblemKind::Shape(format!(
                "this CSV is not an ACLED export: it has no {} column{} (an ACLED export needs {})",
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" },
                REQUIRED.join(", ")
            ))));
        }
        let month_first = columns.at[Col::EventDate as usize]
            .is_some_and(|col| month_first(&reader.get_ref().get_ref()[start..], col));
        Ok(Importer {
            reader,
            columns,
            total,
            builder: Builder {
                month_first,
                ..Builder::default()
            },
            skipped: Vec::new(),
            rows: 0,
            done: false,
            name: name.to_owned(),
        })
    }

    /// Read up to `max_rows` more rows; true once the file is done.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let mut record = csv::ByteRecord::new();
        for _ in 0..max_rows {
            if self.done {
                break;
            }
            match self.reader.read_byte_record(&mut record) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    self.rows += 1;
                    let line = record.position().map_or(0, |p| p.line());
                    if record.iter().all(|f| f.trim_ascii().is_empty()) {
                        self.skipped.push(Skipped {
                            row: self.rows,
                            line,
                            reason: "the row is empty".into(),
                        });
                        continue;
                    }
                    if record.len() != self.columns.width {
                        self.skipped.push(Skipped {
                            row: self.rows,
                            line,
                            reason: format!(
                                "the row has {} cells where the header has {} columns, so its \
                                 cells cannot be told apart (a comma in a cell that is not \
                                 quoted, or a row cut short?)",
                                record.len(),
                                self.columns.width
                            ),
                        });
                        continue;
                    }
                    if let Err(reason) = self.builder.row(&self.columns, &record) {
                        self.skipped.push(Skipped {
                            row: self.rows,
                            line,
                            reason,
                        });
                    }
                }
                Err(e) => {
                    self.rows += 1;
                    self.skipped.push(Skipped {
                        row: self.rows,
                        line: e.position().map_or(0, |p| p.line()),
                        reason: format!("the row cannot be read as CSV: {e}"),
                    });
                    // An I/O-level error does not move on; stop rather than loop.
                    if !matches!(
                        e.kind(),
                        csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                    ) {
                        self.done = true;
                    }
                }
            }
        }
        self.done
    }

    /// How far through the file, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.done || self.total == 0 {
            return 1.0;
        }
        self.reader.position().byte() as f64 / self.total as f64
    }

    /// Rows read so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The dataset, checked by the validator like any other.
    pub fn finish(mut self) -> Result<Import, Vec<Problem>> {
        while !self.step(usize::MAX) {}
        if self.builder.events.is_empty() {
            let mut problems = problem(ProblemKind::Shape(format!(
                "no row of this ACLED export could be used ({} rows read)",
                self.rows
            )));
            problems.extend(self.skipped.iter().take(49).map(Skipped::problem));
            return Err(problems);
        }
        let mut b = self.builder;
        let acled = b.source_ids.make("", "acled", ALL_WORDS);
        b.sources.push(Source {
            id: acled.clone(),
            name: "ACLED".into(),
            kind: SourceKind::Tally,
            actor: None,
            via: None,
            note: Some("Armed Conflict Location & Event Data: the export's own coding.".into()),
        });
        let tallies = b.tallies(&acled);
        let counted = self.columns.at[Col::Fatalities as usize].is_some();
        let last = b
            .events
            .iter()
            .map(|e| e.date.last_day())
            .max()
            .unwrap_or(0);
        let mut dataset = Dataset {
            schema: None,
            format: FORMAT.into(),
            story: Story {
                title: format!("ACLED events: {}", self.name),
                dek: Some(format!(
                    "{} events from an ACLED export, each with ACLED's own notes as its source text.",
                    crate::base::num::thousands(b.events.len() as u64)
                )),
                outlet: "ACLED".into(),
                url: "https://acleddata.com/".into(),
                published: PartialDate::from_days(last),
                dateline: None,
                paragraphs: std::mem::take(&mut b.paragraphs),
            },
            sources: b.sources,
            actors: busiest_first(b.actors, &b.actor_by_name, &b.in_events),
            events: b.events,
            relations: std::mem::take(&mut b.ties),
            tallies,
            notes: vec![
                if counted {
                    "Imported from an ACLED export. Fatalities are ACLED's most conservative estimates, shown as minimums, and count the deaths in an event on every side.".into()
                } else {
                    format!("Imported from an ACLED export: {NO_FATALITIES}.")
                },
                "Ties: \"fought\" joins the two sides of a battle, or of a strike between armed sides, where ACLED names no attacker; \"attacked\" runs towards the side its codebook makes the victims (civilians; protesters met with excessive force).".into(),
            ],
        };
        if b.month_first {
            dataset.notes.push(
                "Dates: the export writes them month first (5/15/2024, as a spreadsheet set to US dates saves it), and they are read so.".into(),
            );
        }
        let problems = validate(&dataset);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Import {
            dataset,
            skipped: self.skipped,
            rows: self.rows,
            warnings: if counted {
                Vec::new()
            } else {
                vec![NO_FATALITIES.to_owned()]
            },
        })
    }
}

/// The actors in order of the events they are in, most first (in the order
/// the rows named them where as many): the filters, the network's list and
/// its labels follow a dataset's order, and an export's first rows say
/// nothing of who matters in it.
fn busiest_first(
    mut actors: Vec<Actor>,
    by_name: &HashMap<String, usize>,
    in_events: &[(usize, usize)],
) -> Vec<Actor> {
    crate::base::order::sort_by_key(&mut actors, |a| {
        std::cmp::Reverse(by_name.get(a.name.as_str()).map_or(0, |&i| in_events[i].0))
    });
    actors
}

/// Whether a file is a CSV export rather than a Dossier JSON: by its name,
/// and failing that by its first character.
///
/// ```
/// use dossier::import::acled::looks_like_csv;
/// assert!(looks_like_csv("export.CSV", b"{"));
/// assert!(!looks_like_csv("story.json", b"event_date"));
/// assert!(looks_like_csv("download", b"\xEF\xBB\xBFevent_id_cnty,event_date"));
/// assert!(!looks_like_csv("download", b"  {\"format\""));
/// ```
pub fn looks_like_csv(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        return true;
    }
    if lower.ends_with(".json") {
        return false;
    }
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b != b'{' && b != b'[')
}

/// A decimal number as ACLED writes coordinates ("33.8938", "-35.5"),
/// read by serde_json's number parser: Rust's own `f64::from_str` would
/// bring a 20 KB table into the reader's download for two columns.
///
/// ```
/// use dossier::import::acled::decimal;
/// assert_eq!(decimal(" 33.8938 "), Some(33.8938));
/// assert_eq!(decimal("+35.5"), Some(35.5));
/// assert_eq!(decimal("north"), None);
/// ```
pub fn decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = s.strip_prefix('+').unwrap_or(s);
    serde_json::from_str::<f64>(s).ok()
}

/// A latitude or longitude cell: none where it is empty, an error where it
/// is not a number within `limit` degrees either way.
fn degrees(s: &str, limit: f64) -> Result<Option<f64>, ()> {
    if s.is_empty() {
        return Ok(None);
    }
    match decimal(s) {
        Some(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
        _ => Err(()),
    }
}

/// Import a whole file at once.
pub fn import(bytes: &[u8], name: &str) -> Result<Import, Vec<Problem>> {
    Importer::new(bytes.to_vec(), name)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/acled/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn dates_written_month_first_are_read_so() {
        let csv = |dates: [&str; 2]| {
            format!(
                "event_date,event_type,sub_event_type,actor1,location,fatalities\n\
                 {},Protests,Peaceful protest,Protesters (Lofalo),Halvik,0\n\
                 {},Protests,Peaceful protest,Protesters (Lofalo),Halvik,0\n",
                dates[0], dates[1]
            )
        };
        let dates = |dates| {
            let import = import(csv(dates).as_bytes(), "x.csv").unwrap();
            let mut out: Vec<String> = import
                .dataset
                .events
                .iter()
                .map(|e| e.date.to_string())
                .collect();
            out.sort();
            (
                out,
                import
                    .dataset
                    .notes
                    .iter()
                    .any(|n| n.starts_with("Dates: ")),
            )
        };
        // A US spreadsheet's "4/1/2024" is the first of April, as its "5/15/2024" says.
        assert_eq!(
            dates(["4/1/2024", "5/15/2024"]),
            (vec!["2024-04-01".into(), "2024-05-15".into()], true)
        );
        // ACLED's own day first.
        assert_eq!(
            dates(["4/1/2024", "15/05/2024"]),
            (vec!["2024-01-04".into(), "2024-05-15".into()], false)
        );
        // Nothing to tell them apart: day first, as ACLED writes them.
        assert_eq!(
            dates(["4/1/2024", "2024-05-15"]),
            (vec!["2024-01-04".into(), "2024-05-15".into()], false)
        );
    }

    #[test]
    fn a_modern_export_with_bom_crlf_and_multiline_notes() {
        let i = import(&fixture("modern-bom-crlf.csv"), "modern.csv").unwrap();
        assert_eq!((i.rows, i.dataset.events.len(), i.skipped.len()), (4, 4, 0));
        let ds = &i.dataset;
        let strike = &ds.events[0];
        assert_eq!(strike.kind, EventKind::AirDroneStrike);
        assert_eq!(strike.date.to_string(), "2024-05-14");
        assert!(
            strike.summary.contains("near Tyre, killing")
                && strike.summary.contains("\nThe group confirmed")
        );
        assert!(
            !strike.summary.contains('\r'),
            "line ends inside quoted notes become LF"
        );
        assert_eq!(
            strike.quantities[0].count.qualifier,
            CountQualifier::AtLeast
        );
        // The deaths in the event on every side, as ACLED counts them.
        assert_eq!(
            strike.quantities[0].unit,
            "killed, on any side, by ACLED's count"
        );
        let place = strike.place.as_ref().unwrap();
        assert_eq!(
            (place.name.as_str(), place.country.as_deref()),
            ("Tyre", Some("Lebanon"))
        );
        assert_eq!(
            place.coordinates.as_ref().unwrap().precision,
            GeoPrecision::Exact
        );
        // time_precision 2 is one day of that week; 3 is the month only.
        assert_eq!(ds.events[1].date.to_string(), "[2024-05-12..2024-05-18]");
        assert_eq!(
            ds.events[1].date.human(),
            "one day between 12 and 18 May 2024"
        );
        assert_eq!(ds.events[2].date.to_string(), "2024-04");
        // Associated actors, several to a cell, become supporters.
        let roles: Vec<(&str, &ParticipantRole)> = ds.events[1]
            .participants
            .iter()
            .map(|p| (p.actor.as_deref().unwrap_or_default(), &p.role))
            .collect();
        assert!(
            roles.contains(&("al-quds-brigades", &ParticipantRole::Supporter)),
            "{roles:?}"
        );
        // In violence against civilians, actor2 is the victim.
        assert!(ds.events[3]
            .participants
            .iter()
            .any(|p| p.role == ParticipantRole::Victim));
        // Actors are de-duplicated by name: Hezbollah appears once.
        assert_eq!(
            ds.actors.iter().filter(|a| a.name == "Hezbollah").count(),
            1
        );
        assert_eq!(
            ds.actor("military-forces-of-israel-2022").unwrap().kind,
            ActorKind::Military
        );
        // The notes are the paragraphs every quote comes from.
        assert_eq!(ds.story.paragraphs.len(), 4);
        assert!(validate(ds).is_empty());
    }

    #[test]
    fn the_sides_of_events_become_ties_as_the_codebook_defines_them() {
        let ds = import(&fixture("modern-bom-crlf.csv"), "modern.csv")
            .unwrap()
            .dataset;
        let ties: Vec<(&str, &str, &str, Vec<&str>)> = ds
            .relations
            .iter()
            .map(|r| {
                (
                    r.from.as_str(),
                    r.kind.as_str(),
                    r.to.as_deref().unwrap_or_default(),
                    r.events.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            ties,
            [
                // A strike and a shelling between armed sides: they fought,
                // one tie for the pair, with both events; associated actors
                // fought on their side.
                (
                    "hezbollah",
                    "fought",
                    "military-forces-of-israel-2022",
                    vec!["e-fix1", "e-fix2"]
                ),
                (
                    "islamic-resistance-in-lebanon",
                    "fought",
                    "military-forces-of-israel-2022",
                    vec!["e-fix2"]
                ),
                (
                    "al-quds-brigades",
                    "fought",
                    "military-forces-of-israel-2022",
                    vec!["e-fix2"]
                ),
                // Violence against civilians: towards the victims, actor2.
                (
                    "unidentified-armed-group-lebanon",
                    "attacked",
                    "civilians-lebanon",
                    vec!["e-fix4"]
                ),
            ]
        );
        let fought = &ds.relations[0];
        assert!(!fought.kind.is_directed());
        assert_eq!(fought.provenance.len(), 2);
        assert_eq!(fought.provenance[1].quote, ds.events[1].summary);
        assert_eq!(
            (
                fought.since.unwrap().to_string(),
                fought.until.unwrap().to_string()
            ),
            ("2024-05-12".into(), "2024-05-18".into()),
            "from the first day it may have been seen to the last"
        );
        assert!(ds.relations[3].kind.is_directed());
        // The victims' role follows the codebook too.
        let victim = ds.events[3]
            .participants
            .iter()
            .find(|p| p.role == ParticipantRole::Victim)
            .unwrap();
        assert_eq!(victim.actor.as_deref(), Some("civilians-lebanon"));
    }

    #[test]
    fn a_file_without_inter2_reads_the_other_side_from_interaction() {
        let csv = "event_date,event_type,sub_event_type,actor1,inter1,actor2,interaction,location,fatalities\n\
                   2024-01-02,Explosions/Remote violence,Grenade,Civilians (Chad),7,Army of Chad,17,Abeche,3\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let r = &ds.relations[0];
        assert_eq!(
            (
                r.from.as_str(),
                r.kind.as_str(),
                r.to.as_deref().unwrap_or_default()
            ),
            ("army-of-chad", "attacked", "civilians-chad")
        );
        assert_eq!(ds.actor("army-of-chad").unwrap().kind, ActorKind::Military);
    }

    #[test]
    fn fatalities_are_the_deaths_on_every_side_never_one_partys_dead() {
        let ds = import(&fixture("modern-bom-crlf.csv"), "modern.csv")
            .unwrap()
            .dataset;
        let t = &ds.tallies;
        assert!(t
            .iter()
            .all(|t| t.counted_by == "acled" && t.count.qualifier == CountQualifier::AtLeast));
        let strikes = t.iter().find(|t| t.id == "t-type-2").unwrap();
        assert_eq!(
            strikes.victims.as_deref(),
            Some("people on any side in explosions/remote violence in Lebanon")
        );
        assert_eq!(strikes.place.as_deref(), Some("Lebanon"));
        assert_eq!(
            (strikes.count.value, strikes.side.as_deref()),
            (Some(1), None)
        );
        assert_eq!(strikes.events, ["e-fix1"]);
        // Only in violence against civilians are the dead a party's: the
        // civilians', inside the event type's count.
        let sided: Vec<(&str, &str, Option<u64>)> = t
            .iter()
            .filter_map(|t| Some((t.side.as_deref()?, t.subset_of.as_deref()?, t.count.value)))
            .collect();
        assert_eq!(sided, [("civilians-lebanon", "t-type-1", Some(2))]);
        assert_eq!(t[1].category, TallyCategory::Civilians);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_types_add_up_to_every_death_and_civilians_are_the_only_side() {
        let csv = crate::import::generate::acled_csv(400, 2);
        let i = import(csv.as_bytes(), "g.csv").unwrap();
        let total: u64 = i
            .dataset
            .events
            .iter()
            .filter_map(|e| e.quantities.first()?.count.value)
            .sum();
        let sum = |prefix: &str| -> u64 {
            i.dataset
                .tallies
                .iter()
                .filter(|t| t.id.starts_with(prefix) && t.subset_of.is_none())
                .map(|t| t.count.value.unwrap())
                .sum()
        };
        assert_eq!(sum("t-type-"), total);

        for t in &i.dataset.tallies {
            assert!(
                t.side.is_none() || t.category == TallyCategory::Civilians,
                "{} counts a party's dead",
                t.id
            );
        }
    }

    #[test]
    fn deaths_are_counted_by_country_and_the_fewest_places_are_one_figure() {
        let mut csv = String::from(
            "event_date,event_type,sub_event_type,actor1,actor2,location,country,fatalities\n",
        );
        // Country k has k + 1 battles of 10 dead; the first two have
        // violence against their civilians too.
        for k in 0..PLACES + 3 {
            for _ in 0..=k {
                csv += &format!(
                    "2024-01-02,Battles,Armed clash,Army {k},Rebels {k},Town,Land {k},10\n"
                );
            }
        }
        for k in 0..2 {
            csv += &format!(
                "2024-01-03,Violence against civilians,Attack,Army {k},Civilians (Land {k}),Town,Land {k},7\n"
            );
        }
        let ds = import(csv.as_bytes(), "many.csv").unwrap().dataset;
        let whole: Vec<(&str, Option<&str>, Option<u64>)> = ds
            .tallies
            .iter()
            .filter(|t| t.subset_of.is_none())
            .map(|t| {
                (
                    t.victims.as_deref().unwrap(),
                    t.place.as_deref(),
                    t.count.value,
                )
            })
            .collect();
        assert_eq!(whole.len(), PLACES + 2, "{whole:#?}");
        assert_eq!(
            whole[0],
            (
                "people on any side in battles in Land 14",
                Some("Land 14"),
                Some(150)
            )
        );
        // The three smallest battles' countries (Land 0, 1, 2: 10 + 20 +
        // 30 dead) and the two civilians' (7 each) are past the twelve.
        assert!(whole.contains(&(
            "people on any side in battles in 3 other countries",
            None,
            Some(60)
        )));
        assert!(whole.contains(&(
            "people on any side in violence against civilians in 2 countries",
            None,
            Some(14)
        )));
        // Each civilians' figure inside its own whole, of its own country.
        let parts: Vec<(&str, Option<u64>)> = ds
            .tallies
            .iter()
            .filter(|t| t.subset_of.is_some())
            .map(|t| (t.side.as_deref().unwrap(), t.count.value))
            .collect();
        assert_eq!(
            parts,
            [("civilians-land-0", Some(7)), ("civilians-land-1", Some(7))]
        );
    }

    #[test]
    fn rows_without_a_country_are_said_to_be_so_and_a_lone_leftover_keeps_its_name() {
        let mut csv = String::from(
            "event_date,event_type,sub_event_type,actor1,actor2,location,country,fatalities\n\
             2024-01-02,Battles,Armed clash,Army,Rebels,Town,,4\n",
        );
        // Twelve countries of battles, and one more with the fewest dead.
        for k in 0..PLACES {
            csv += &format!(
                "2024-01-02,Battles,Armed clash,Army,Rebels,Town,Land {k},{}\n",
                10 + k
            );
        }
        let ds = import(csv.as_bytes(), "gaps.csv").unwrap().dataset;
        let named: Vec<&str> = ds
            .tallies
            .iter()
            .filter_map(|t| t.victims.as_deref())
            .collect();
        assert!(
            named.contains(&"people on any side in battles where no country is given"),
            "{named:?}"
        );
        assert!(
            !named.iter().any(|n| n.contains("other countr")),
            "{named:?}"
        );
        assert!(
            !named.contains(&"people on any side in battles"),
            "{named:?}"
        );
    }

    #[test]
    fn ids_keep_accented_letters_and_never_collide() {
        let csv = "event_date,event_type,sub_event_type,actor1,actor2,location,source\n\
                   2024-01-02,Battles,Armed clash,Militia,militia,Here,Agência Lusa\n\
                   2024-01-03,Battles,Armed clash,Militia 2,Militia,Here,Agência Lusa\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let ids: Vec<&str> = ds.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["militia", "militia-2", "militia-2-2"]);
        assert_eq!(ds.sources[0].id, "src-agencia-lusa");
    }

    #[test]
    fn older_and_newer_layouts_and_date_forms() {
        let old = import(&fixture("legacy-data-id.csv"), "old.csv").unwrap();
        let dates: Vec<String> = old
            .dataset
            .events
            .iter()
            .map(|e| e.date.to_string())
            .collect();
        assert_eq!(dates, ["2019-08-05", "2019-12-31"]);
        assert_eq!(old.dataset.events[0].id, "e-leb101");
        let new = import(&fixture("no-actor2-reordered.csv"), "new.csv").unwrap();
        let dates: Vec<String> = new
            .dataset
            .events
            .iter()
            .map(|e| e.date.to_string())
            .collect();
        assert_eq!(dates, ["2024-05-15", "2019-12-31"]);
        assert_eq!(new.dataset.events[0].participants.len(), 1);
        assert_eq!(
            new.dataset.events[0].place.as_ref().unwrap().name,
            "Mount Hermon"
        );
    }

    #[test]
    fn an_export_without_fatalities_says_none_were_counted_not_that_none_died() {
        let csv = b"event_date,event_type,sub_event_type,actor1,location\n\
                    2024-05-14,Battles,Armed clash,Hezbollah,Kfar Kila\n";
        let i = import(csv, "lean.csv").unwrap();
        assert_eq!(i.warnings, [NO_FATALITIES]);
        assert!(i.dataset.tallies.is_empty());
        assert!(i.dataset.notes[0].contains("no fatalities column"));
        assert!(!i
            .dataset
            .notes
            .iter()
            .any(|n| n.contains("most conservative")));
        // With the column, nothing is said.
        let full = import(&fixture("no-actor2-reordered.csv"), "new.csv").unwrap();
        assert!(full.warnings.is_empty());
        assert!(full.dataset.notes[0].contains("most conservative"));
    }

    #[test]
    fn bad_rows_are_skipped_with_their_number_and_reason() {
        let i = import(&fixture("bad-rows.csv"), "bad.csv").unwrap();
        assert_eq!(i.dataset.events.len(), 1);
        let skipped: Vec<(usize, u64, &str)> = i
            .skipped
            .iter()
            .map(|s| (s.row, s.line, s.reason.as_str()))
            .collect();
        assert_eq!(
            skipped,
            [
                (1, 2, "event_date \"2024-02-30\" is not a date"),
                (2, 3, "actor1 is empty"),
                (4, 5, "event_date \"yesterday\" is not a date"),
            ]
        );
    }

    #[test]
    fn cells_the_codebook_does_not_allow_skip_their_row_with_the_column_and_value() {
        let csv = "event_date,time_precision,event_type,sub_event_type,actor1,location,latitude,longitude,fatalities\n\
                   2024-01-02,1,Battles,Armed clash,A,Here,33.1,35.2,unknown\n\
                   2024-01-02,1,Battles,Armed clash,A,Here,33.1,35.2,-3\n\
                   2024-01-02,1,Battles,Armed clash,A,Here,abc,35.2,0\n\
                   2024-01-02,1,Battles,Armed clash,A,Here,33.1,181,0\n\
                   2024-01-02,7,Battles,Armed clash,A,Here,33.1,35.2,0\n\
                   2024-01-02,1,Battles,Armed clash,A,Here\n\
                   2024-01-02,1,Battles,Armed clash,A,Here, with a comma,33.1,35.2,0\n\
                   2024-01-02,,Battles,Armed clash,A,Here,,,\n";
        let i = import(csv.as_bytes(), "x.csv").unwrap();
        let reasons: Vec<(usize, &str)> = i
            .skipped
            .iter()
            .map(|s| (s.row, s.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 7, "{reasons:?}");
        assert_eq!(
            reasons[0],
            (1, "fatalities \"unknown\" is not a whole number of people")
        );
        assert_eq!(
            reasons[1],
            (2, "fatalities \"-3\" is not a whole number of people")
        );
        assert_eq!(
            reasons[2],
            (
                3,
                "latitude \"abc\" is not a number of degrees from -90 to 90"
            )
        );
        assert_eq!(
            reasons[3],
            (
                4,
                "longitude \"181\" is not a number of degrees from -180 to 180"
            )
        );
        assert_eq!(
            reasons[4],
            (
                5,
                "time_precision \"7\" is not 1 (the day), 2 (the week) or 3 (the month)"
            )
        );
        assert!(reasons[5]
            .1
            .starts_with("the row has 6 cells where the header has 9 columns"));
        assert!(reasons[6]
            .1
            .starts_with("the row has 10 cells where the header has 9 columns"));
        // Empty cells are no figure, no coordinates, the day: kept.
        let kept = &i.dataset.events[0];
        assert!(kept.quantities.is_empty());
        assert!(kept.place.as_ref().unwrap().coordinates.is_none());
        assert_eq!(kept.date.to_string(), "2024-01-02");
    }

    #[test]
    fn a_skipped_row_leaves_no_actor_source_or_paragraph_behind() {
        let csv = "event_date,event_type,sub_event_type,actor1,location,latitude,source,notes,fatalities\n\
                   2024-01-02,Battles,Armed clash,A,Here,33.1,Wire,Kept.,1\n\
                   2024-01-03,Battles,Armed clash,Only In A Bad Row,Here,33.1,Bad Wire,Skipped.,unknown\n\
                   2024-01-04,Battles,Armed clash,Also Bad,Here,north,Bad Wire,Skipped too.,0\n";
        let i = import(csv.as_bytes(), "x.csv").unwrap();
        assert_eq!(i.skipped.len(), 2);
        let ds = &i.dataset;
        assert_eq!(ds.story.paragraphs, ["Kept."]);
        assert!(ds.actors.iter().all(|a| a.name == "A"), "{:?}", ds.actors);
        assert!(ds.sources.iter().all(|s| s.name != "Bad Wire"));
    }

    #[test]
    fn the_busiest_actors_come_first_each_event_counted_once() {
        let csv = "event_date,event_type,sub_event_type,actor1,assoc_actor_1,actor2,location\n\
                   2024-01-02,Battles,Armed clash,First Named,,Busy,Here\n\
                   2024-01-03,Battles,Armed clash,Busy,Busy,Second,Here\n\
                   2024-01-04,Battles,Armed clash,Second,,Busy,Here\n\
                   2024-01-05,Battles,Armed clash,Busy,,Other,Here\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let names: Vec<&str> = ds.actors.iter().map(|a| a.name.as_str()).collect();
        // Busy is in four events (twice in one), Second in two; First Named
        // and Other in one each, in the order the rows named them.
        assert_eq!(names, ["Busy", "Second", "First Named", "Other"]);
    }

    #[test]
    fn an_actors_own_code_decides_its_kind_whatever_the_rows_order() {
        let rows = [
            "2024-01-02,Protests,Peaceful protest,Protesters (Lebanon),Hezbollah,6,,,,Here",
            "2024-01-03,Battles,Armed clash,Hezbollah,,3,Military Forces of Israel (2022-),,1,There",
        ];
        for order in [[0, 1], [1, 0]] {
            let csv = format!(
                "event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,location\n{}\n{}\n",
                rows[order[0]], rows[order[1]]
            );
            let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
            assert_eq!(
                ds.actor("hezbollah").unwrap().kind,
                ActorKind::ArmedGroup,
                "{order:?}"
            );
        }
    }

    #[test]
    fn associated_actors_are_of_their_side_and_names_say_what_they_are() {
        let csv = "event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,location\n\
                   2024-01-02,Violence against civilians,Attack,Military Forces of Israel (2022-),Government of Israel (2022-); Police Forces of Israel (2022-),1,Civilians (Lebanon),Journalists (Lebanon); Health Workers (Lebanon),7,Here\n\
                   2024-01-03,Protests,Peaceful protest,Protesters (Lebanon),Women (Lebanon),6,,,,There\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let kind = |id: &str| ds.actor(id).unwrap().kind.as_str().to_owned();
        assert_eq!(kind("military-forces-of-israel-2022"), "military");
        assert_eq!(kind("government-of-israel-2022"), "government_body");
        assert_eq!(kind("police-forces-of-israel-2022"), "x-police");
        assert_eq!(kind("civilians-lebanon"), "x-civilians");
        assert_eq!(kind("journalists-lebanon"), "x-civilians");
        assert_eq!(kind("health-workers-lebanon"), "x-civilians");
        assert_eq!(kind("women-lebanon"), "x-protesters");
    }

    #[test]
    fn a_card_notes_acleds_own_id_and_its_civilian_targeting_flag() {
        let csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,location,civilian_targeting\n\
                   LBN11240,2024-01-02,Explosions/Remote violence,Air/drone strike,A,Here,Civilian targeting\n\
                   LBN11241,2024-01-03,Battles,Armed clash,A,Here,\n\
                   ,2024-01-04,Battles,Armed clash,A,Here,\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let notes: Vec<Option<&str>> = ds.events.iter().map(|e| e.note.as_deref()).collect();
        assert_eq!(
            notes,
            [
                Some("ACLED event LBN11240: Civilian targeting."),
                Some("ACLED event LBN11241."),
                None
            ]
        );
    }

    #[test]
    fn each_source_in_a_cell_is_a_source_of_its_own() {
        let csv = "event_date,event_type,sub_event_type,actor1,location,source,notes\n\
                   2024-01-02,Battles,Armed clash,A,Here,Al Manar; Times of Israel,A note.\n\
                   2024-01-03,Battles,Armed clash,A,Here,Times of Israel,Another.\n\
                   2024-01-04,Battles,Armed clash,A,Here,,A third.\n";
        let ds = import(csv.as_bytes(), "x.csv").unwrap().dataset;
        let cited = |e: usize| -> Vec<&str> {
            ds.events[e]
                .provenance
                .iter()
                .map(|p| p.source.as_str())
                .collect()
        };
        assert_eq!(cited(0), ["src-al-manar", "src-times-of-israel"]);
        assert_eq!(cited(1), ["src-times-of-israel"]);
        assert_eq!(cited(2), ["src-acled"]);
        assert!(ds.events[0].provenance.iter().all(|p| p.quote == "A note."));
    }

    #[test]
    fn files_that_are_not_acled_are_refused_with_a_reason() {
        let reason = |bytes: &[u8]| import(bytes, "x").unwrap_err()[0].kind.to_string();
        assert!(reason(&fixture("not-acled.csv")).contains("no event_date, event_type"));
        assert_eq!(
            import(&fixture("not-acled.csv"), "x").unwrap_err()[0].path,
            "$",
            "the whole file, as a JSON file's: its reason says \"the file\" once"
        );
        assert_eq!(reason(b""), "the file is empty");
        assert_eq!(reason(b"\xEF\xBB\xBF \r\n"), "the file is empty");
        assert!(reason(b"\x00\x01\x02\xff\xfe").contains("not text"));
        assert!(reason(&vec![b'a'; MAX_BYTES + 1]).contains("the limit is"));
        let header_only = b"event_date,event_type,sub_event_type,actor1,location\n";
        assert!(reason(header_only).contains("no row of this ACLED export could be used"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_large_file_imports_a_step_at_a_time() {
        let csv = crate::import::generate::acled_csv(500, 3);
        let mut importer = Importer::new(csv.into_bytes(), "big.csv").unwrap();
        let mut progress = vec![importer.progress()];
        while !importer.step(100) {
            progress.push(importer.progress());
        }
        assert!(
            progress.len() >= 5 && progress.windows(2).all(|w| w[0] <= w[1]),
            "{progress:?}"
        );
        assert_eq!(importer.rows(), 500);
        let i = importer.finish().unwrap();
        assert_eq!(i.dataset.events.len(), 500);
        assert!(validate(&i.dataset).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let _ = import(&bytes, "x.csv");
        }

        #[test]
        fn arbitrary_rows_never_panic_and_every_accepted_import_is_valid(
            rows in prop::collection::vec(prop::collection::vec("[ -~]{0,12}|\\PC{0,6}", 0..8), 0..6)
        ) {
            let mut csv = String::from("event_date,event_type,sub_event_type,actor1,location,actor2,fatalities,notes,latitude,longitude\n");
            for row in rows {
                let fields: Vec<String> = row.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
                csv.push_str(&fields.join(","));
                csv.push('\n');
            }
            if let Ok(i) = import(csv.as_bytes(), "x.csv") {
                prop_assert!(validate(&i.dataset).is_empty());
            }
        }

        #[test]
        fn plausible_rows_import_and_validate(day in 1u8..29, month in 1u8..13, year in 1997i32..2030, f in 0u64..1000, name in "[A-Za-z][A-Za-z ()'-]{0,30}") {
            let csv = format!("event_date,event_type,sub_event_type,actor1,actor2,location,fatalities,notes\n{day}-{month}-{year},Battles,Armed clash,{name},Other {name},Somewhere,{f},\"Notes, with a comma.\"\n");
            let i = import(csv.as_bytes(), "x.csv").unwrap();
            prop_assert_eq!(i.dataset.events.len(), 1);
            prop_assert!(validate(&i.dataset).is_empty());
        }
    }
}
