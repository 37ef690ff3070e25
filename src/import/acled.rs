//! Import an ACLED export (CSV) as a Dossier dataset.
//!
//! Each row becomes an event:
//! - `event_type` / `sub_event_type` → the kind (ACLED's sub-event types are
//!   Dossier's kinds; an unknown one is kept as an `x-` extension);
//! - `actor1`, `actor2` and the associated actors (several to a cell,
//!   separated by `;`) → actors, de-duplicated by name, with roles: actor1
//!   initiates, its associates support, actor2 and its associates are the
//!   target (the victims, in violence against civilians);
//! - `location`, `admin1`–`admin3`, `country`, `latitude`, `longitude` and
//!   `geo_precision` → the place;
//! - `event_date` and `time_precision` → the date at its precision (1: the
//!   day; 2: one day of the week around it, an uncertain day; 3: only the
//!   month);
//! - `notes` → the summary, and the text every fact is quoted from: each
//!   row's notes are a paragraph of the imported "story";
//! - `source` → the provenance's source;
//! - `fatalities` → a figure "at least N killed": ACLED codes the most
//!   conservative estimate.
//!
//! The actors' network then comes from co-participation, as for any dataset;
//! the casualty chart from tallies of fatalities, counted by ACLED: by actor,
//! within each actor by event type, and for the deadliest actor by month.
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

use crate::format::date::{days_from_civil, PartialDate};
use crate::format::model::{
    Actor, Coordinates, Count, Dataset, Event, Participant, Place, Provenance, Quantity, Source,
    Story, Tally, FORMAT,
};
use crate::format::validate::{validate, Problem, ProblemKind, MAX_BYTES};
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, GeoPrecision, ParticipantRole, SourceKind, TallyCategory,
};
use std::collections::{BTreeMap, HashMap};

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

/// An imported dataset and the rows that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub dataset: Dataset,
    pub skipped: Vec<Skipped>,
    pub rows: usize,
}

/// Where each known column is in this file.
#[derive(Debug, Default)]
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn get<'r>(&self, record: &'r csv::ByteRecord, name: &str) -> &'r [u8] {
        self.index
            .get(name)
            .and_then(|&i| record.get(i))
            .unwrap_or(b"")
    }
}

/// A cell as text: invalid UTF-8 replaced, trimmed, line ends made LF.
fn text(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let s = s.trim();
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_owned()
    }
}

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
    let s = s.trim();
    let parts: Vec<&str> = s
        .split(['-', ' ', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| -> Option<i32> {
        (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        // 2024-01-04
        (num(a)?, num(b)? as u8, num(c)?)
    } else {
        // 5-Aug-24, 15 May 2024, 31-12-19, 31/12/2019: day first.
        let month = match num(b) {
            Some(m) => m as u8,
            None => month_number(b)?,
        };
        (full_year(num(c)?, c.len()), month, num(a)?)
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    let date = PartialDate::day(year, month, day as u8);
    // Reject 31 February and its kind: the day must survive a round trip.
    let days = days_from_civil(year, month, day as u8);
    (PartialDate::from_days(days) == date).then_some(date)
}

/// A lower-case id from a name: letters and digits, hyphens between words.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(56).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Hands out unique ids made from names.
#[derive(Default)]
struct Ids {
    used: HashMap<String, usize>,
}

impl Ids {
    fn make(&mut self, prefix: &str, name: &str) -> String {
        let base = format!("{prefix}{}", slug(name));
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    }
}

/// An actor's kind from ACLED's `inter` code (a digit in older files, words
/// in newer ones), or from its name when there is none.
fn actor_kind(inter: &str, name: &str) -> ActorKind {
    let custom = |s: &str| s.parse().unwrap_or(ActorKind::ArmedGroup);
    match inter.trim().to_ascii_lowercase().as_str() {
        "1" | "state forces" | "8" | "external/other forces" => ActorKind::Military,
        "2" | "rebel group" | "rebel groups" => ActorKind::ArmedGroup,
        "3" | "political militia" | "political militias" => ActorKind::ArmedGroup,
        "4" | "identity militia" | "identity militias" => ActorKind::ArmedGroup,
        "5" | "rioters" => custom("x-rioters"),
        "6" | "protesters" => custom("x-protesters"),
        "7" | "civilians" => custom("x-civilians"),
        _ => {
            let n = name.to_ascii_lowercase();
            if n.starts_with("military forces") || n.starts_with("police forces") {
                ActorKind::Military
            } else if n.starts_with("civilians") {
                custom("x-civilians")
            } else if n.starts_with("protesters") {
                custom("x-protesters")
            } else if n.starts_with("rioters") {
                custom("x-rioters")
            } else {
                ActorKind::ArmedGroup
            }
        }
    }
}

/// The dataset as it is built, row by row.
#[derive(Default)]
struct Builder {
    actors: Vec<Actor>,
    actor_by_name: HashMap<String, usize>,
    actor_ids: Ids,
    sources: Vec<Source>,
    source_by_name: HashMap<String, usize>,
    source_ids: Ids,
    events: Vec<Event>,
    event_ids: Ids,
    paragraphs: Vec<String>,
    /// Per event: fatalities and the event type, for the tallies.
    fatalities: Vec<(u64, String)>,
}

impl Builder {
    fn actor(&mut self, name: &str, inter: &str) -> String {
        if let Some(&i) = self.actor_by_name.get(name) {
            return self.actors[i].id.clone();
        }
        let id = self.actor_ids.make("", name);
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
        let id = self.source_ids.make("src-", name);
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
        let get = |name: &str| text(cols.get(record, name));
        let raw_date = get("event_date");
        let mut date = parse_date(&raw_date)
            .ok_or_else(|| format!("event_date \"{}\" is not a date", clip(&raw_date)))?;
        match get("time_precision").as_str() {
            // "A specific week": one day of the week around the coded date.
            "2" => date = PartialDate::between(date.first_day() - 3, date.first_day() + 3),
            "3" => date = PartialDate::month(date.year, date.month.unwrap_or(1)),
            _ => {}
        }
        let actor1 = get("actor1");
        if actor1.is_empty() {
            return Err("actor1 is empty".into());
        }
        let event_type = get("event_type");
        let sub = get("sub_event_type");
        let kind = EventKind::from_acled(&sub)
            .or_else(|| EventKind::from_acled(&event_type))
            .or_else(|| {
                (!sub.is_empty())
                    .then(|| format!("x-{}", slug(&sub)).parse().ok())
                    .flatten()
            })
            .ok_or_else(|| "sub_event_type is empty".to_owned())?;
        let location = get("location");
        if location.is_empty() {
            return Err("location is empty".into());
        }

        // Participants, in ACLED's order, each actor once.
        let mut participants: Vec<Participant> = Vec::new();
        let against = if event_type.eq_ignore_ascii_case("Violence against civilians") {
            ParticipantRole::Victim
        } else {
            ParticipantRole::Target
        };
        let mut add = |b: &mut Builder, name: &str, inter: &str, role: ParticipantRole| {
            let name = name.trim();
            if name.is_empty() {
                return;
            }
            let id = b.actor(name, inter);
            if !participants.iter().any(|p| p.actor == id) {
                participants.push(Participant { actor: id, role });
            }
        };
        add(self, &actor1, &get("inter1"), ParticipantRole::Initiator);
        for a in get("assoc_actor_1").split(';') {
            add(self, a, "", ParticipantRole::Supporter);
        }
        add(self, &get("actor2"), &get("inter2"), against.clone());
        for a in get("assoc_actor_2").split(';') {
            add(self, a, "", against.clone());
        }

        let coordinates = match (decimal(&get("latitude")), decimal(&get("longitude"))) {
            (Some(lat), Some(lon))
                if lat.is_finite()
                    && lon.is_finite()
                    && lat.abs() <= 90.0
                    && lon.abs() <= 180.0 =>
            {
                Some(Coordinates {
                    lat,
                    lon,
                    precision: match get("geo_precision").as_str() {
                        "1" => GeoPrecision::Exact,
                        "2" => GeoPrecision::Near,
                        _ => GeoPrecision::Region,
                    },
                })
            }
            _ => None,
        };
        let mut region: Vec<String> = Vec::new();
        for admin in ["admin3", "admin2", "admin1"] {
            let a = get(admin);
            if !a.is_empty() && a != location && !region.contains(&a) {
                region.push(a);
            }
        }
        let country = get("country");
        let place = Place {
            name: location.clone(),
            region: (!region.is_empty()).then(|| region.join(", ")),
            country: (!country.is_empty()).then_some(country),
            coordinates,
        };

        let notes = get("notes");
        let summary = if notes.is_empty() {
            format!("{sub} in {location}")
        } else {
            notes
        };
        self.paragraphs.push(summary.clone());
        let source_name = get("source");
        let source = self.source(if source_name.is_empty() {
            "ACLED"
        } else {
            &source_name
        });
        let fatalities: u64 = get("fatalities").parse().unwrap_or(0);
        let quantities = if fatalities > 0 {
            vec![Quantity {
                unit: "killed".into(),
                count: Count {
                    qualifier: CountQualifier::AtLeast,
                    value: Some(fatalities),
                    low: None,
                    high: None,
                },
                provenance: None,
            }]
        } else {
            Vec::new()
        };
        let given_id = {
            let cnty = get("event_id_cnty");
            if cnty.is_empty() {
                get("data_id")
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
        );
        let provenance = Provenance {
            source,
            quote: summary.clone(),
            paragraph: self.paragraphs.len() as u32,
        };
        self.events.push(Event {
            place: Some(place),
            participants,
            quantities,
            ..Event::new(id, date, kind, summary, provenance)
        });
        self.fatalities.push((fatalities, event_type));
        Ok(())
    }

    /// Tallies of fatalities, counted by ACLED: for the six actors with the
    /// most deaths in their events, with each one's deaths by event type
    /// drawn as parts of it; and the deadliest actor's, month by month.
    fn tallies(&mut self, acled: &str) -> Vec<Tally> {
        let mut out = Vec::new();
        if self.events.is_empty() {
            return out;
        }
        let first = self
            .events
            .iter()
            .map(|e| e.date.first_day())
            .min()
            .unwrap_or(0);
        let last = self
            .events
            .iter()
            .map(|e| e.date.last_day())
            .max()
            .unwrap_or(0);
        let (since, as_of) = (PartialDate::from_days(first), PartialDate::from_days(last));
        let mut by_actor: BTreeMap<&str, (u64, Vec<usize>)> = BTreeMap::new();
        for (i, e) in self.events.iter().enumerate() {
            let f = self.fatalities[i].0;
            if f == 0 {
                continue;
            }
            for p in &e.participants {
                let entry = by_actor.entry(p.actor.as_str()).or_default();
                entry.0 += f;
                entry.1.push(i);
            }
        }
        let mut ranked: Vec<(&str, (u64, Vec<usize>))> = by_actor.into_iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let provenance = |b: &Builder, i: usize| Provenance {
            source: acled.to_owned(),
            quote: b.events[i].summary.clone(),
            paragraph: b.events[i].provenance[0].paragraph,
        };
        let at_least = |value: u64| Count {
            qualifier: CountQualifier::AtLeast,
            value: Some(value),
            low: None,
            high: None,
        };
        for (actor, (total, events)) in ranked.iter().take(6) {
            let id = format!("t-{}", out.len() + 1);
            out.push(Tally {
                id: id.clone(),
                counted_by: acled.to_owned(),
                side: Some((*actor).to_owned()),
                victims: None,
                same_as: None,
                place: None,
                category: TallyCategory::Unknown,
                count: at_least(*total),
                since: Some(since),
                as_of,
                subset_of: None,
                events: events.iter().map(|&i| self.events[i].id.clone()).collect(),
                provenance: vec![provenance(self, events[0])],
                note: Some(
                    "Deaths in the events this actor took part in, on any side: ACLED's \
                     fatality counts are its most conservative estimates."
                        .into(),
                ),
            });
            // The same deaths by event type, drawn inside the actor's bar.
            let mut by_type: BTreeMap<&str, (u64, Vec<usize>)> = BTreeMap::new();
            for &i in events {
                let entry = by_type.entry(self.fatalities[i].1.as_str()).or_default();
                entry.0 += self.fatalities[i].0;
                entry.1.push(i);
            }
            let mut types: Vec<_> = by_type.into_iter().collect();
            types.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
            if types.len() > 1 {
                for (event_type, (n, evs)) in types.into_iter().take(3) {
                    out.push(Tally {
                        id: format!("{id}-{}", out.len() + 1),
                        counted_by: acled.to_owned(),
                        side: Some((*actor).to_owned()),
                        victims: None,
                        same_as: None,
                        place: None,
                        category: format!("x-in-{}", slug(event_type))
                            .parse()
                            .unwrap_or(TallyCategory::Unknown),
                        count: at_least(n),
                        since: Some(since),
                        as_of,
                        subset_of: Some(id.clone()),
                        events: evs.iter().map(|&i| self.events[i].id.clone()).collect(),
                        provenance: vec![provenance(self, evs[0])],
                        note: None,
                    });
                }
            }
        }
        // The deadliest actor's deaths month by month: the last six months.
        if let Some((actor, (_, events))) = ranked.first() {
            let mut by_month: BTreeMap<(i32, u8), (u64, Vec<usize>)> = BTreeMap::new();
            for &i in events {
                let d = self.events[i].date;
                let entry = by_month.entry((d.year, d.month.unwrap_or(1))).or_default();
                entry.0 += self.fatalities[i].0;
                entry.1.push(i);
            }
            let months: Vec<_> = by_month.into_iter().rev().take(6).collect();
            for ((y, m), (n, evs)) in months.into_iter().rev() {
                let month = PartialDate::month(y, m);
                out.push(Tally {
                    id: format!("t-month-{y}-{m:02}"),
                    counted_by: acled.to_owned(),
                    side: Some((*actor).to_owned()),
                    victims: None,
                    same_as: None,
                    place: None,
                    category: TallyCategory::Unknown,
                    count: at_least(n),
                    since: Some(PartialDate::from_days(month.first_day())),
                    // The export's last month may end after its last event.
                    as_of: PartialDate::from_days(month.last_day().min(last)),
                    subset_of: None,
                    events: evs.iter().map(|&i| self.events[i].id.clone()).collect(),
                    provenance: vec![provenance(self, evs[0])],
                    note: Some(format!(
                        "Deaths in this actor's events in {}.",
                        month.human()
                    )),
                });
            }
        }
        out
    }
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
            .trim(csv::Trim::All)
            .from_reader(cursor);
        let header = reader
            .byte_headers()
            .map_err(|e| {
                problem(ProblemKind::Shape(format!(
                    "the CSV header cannot be read: {e}"
                )))
            })?
            .clone();
        let mut columns = Columns::default();
        for (i, h) in header.iter().enumerate() {
            columns
                .index
                .entry(text(h).to_ascii_lowercase())
                .or_insert(i);
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| !columns.index.contains_key(*c))
            .collect();
        if !missing.is_empty() {
            return Err(problem(ProblemKind::Shape(format!(
                "this CSV is not an ACLED export: it has no {} column{} (an ACLED export needs {})",
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" },
                REQUIRED.join(", ")
            ))));
        }
        Ok(Importer {
            reader,
            columns,
            total,
            builder: Builder::default(),
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
                    if record.iter().all(|f| f.is_empty()) {
                        self.skipped.push(Skipped {
                            row: self.rows,
                            line,
                            reason: "the row is empty".into(),
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
        let acled = b.source_ids.make("", "acled");
        b.sources.push(Source {
            id: acled.clone(),
            name: "ACLED".into(),
            kind: SourceKind::Tally,
            actor: None,
            via: None,
            note: Some("Armed Conflict Location & Event Data: the export's own coding.".into()),
        });
        let tallies = b.tallies(&acled);
        let last = b
            .events
            .iter()
            .map(|e| e.date.last_day())
            .max()
            .unwrap_or(0);
        let dataset = Dataset {
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
            actors: b.actors,
            events: b.events,
            relations: Vec::new(),
            tallies,
            notes: vec![
                "Imported from an ACLED export. Fatalities are ACLED's most conservative estimates, shown as minimums.".into(),
            ],
        };
        let problems = validate(&dataset);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Import {
            dataset,
            skipped: self.skipped,
            rows: self.rows,
        })
    }
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
            .map(|p| (p.actor.as_str(), &p.role))
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

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn fatalities_become_tallies_by_actor_and_by_type() {
        let i = import(&fixture("modern-bom-crlf.csv"), "modern.csv").unwrap();
        let t = &i.dataset.tallies;
        assert!(t
            .iter()
            .all(|t| t.counted_by == "acled" && t.count.qualifier == CountQualifier::AtLeast));
        let hezbollah = t
            .iter()
            .find(|t| t.side.as_deref() == Some("hezbollah") && t.subset_of.is_none())
            .unwrap();
        assert_eq!(hezbollah.count.value, Some(1));
        assert_eq!(hezbollah.events, ["e-fix1"]);
        // By month, for the deadliest actor: its events' deaths in each month.
        let csv = crate::import::generate::acled_csv(400, 2);
        let i = import(csv.as_bytes(), "g.csv").unwrap();
        let months: Vec<&Tally> = i
            .dataset
            .tallies
            .iter()
            .filter(|t| t.id.starts_with("t-month-"))
            .collect();
        assert!(!months.is_empty() && months.len() <= 6);
        let top = &i.dataset.tallies[0];
        assert!(
            months
                .iter()
                .all(|m| m.side == top.side
                    && m.since.unwrap().first_day() + 27 < m.as_of.first_day())
        );
        let by_month: u64 = months.iter().map(|m| m.count.value.unwrap()).sum();
        assert!(by_month <= top.count.value.unwrap());
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
    fn files_that_are_not_acled_are_refused_with_a_reason() {
        let reason = |bytes: &[u8]| import(bytes, "x").unwrap_err()[0].kind.to_string();
        assert!(reason(&fixture("not-acled.csv")).contains("no event_date, event_type"));
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
