//! The Dossier data format: a story and the actors, events, relations and
//! casualty tallies it states, each traceable to the sentence it came from.
//!
//! These types are the single source of truth for the format. The JSON Schema
//! in `docs/dossier.schema.json` is generated from them (see [`crate::format::schema`]),
//! and `docs/DATA_FORMAT.md` explains them for the journalist who writes a
//! dataset. Decoding a file goes through [`crate::format::validate::load`], which
//! reports every problem with its JSON path instead of stopping at the first.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::base::num::thousands;
use crate::format::date::PartialDate;
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, GeoPrecision, Outcome, ParticipantRole, RelationKind,
    SourceKind, StatusState, TallyCategory, TimeOfDay,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version string every dataset carries in `format`.
pub const FORMAT: &str = "dossier/1";

/// The largest dataset a reader may open, in bytes. A story's dataset is
/// tens of kilobytes; an ACLED-derived one a few megabytes; a national
/// ACLED export over years, 100,000 events, about 60 MB of Dossier JSON.
pub const MAX_BYTES: usize = 128 * 1024 * 1024;

/// Why a file over [`MAX_BYTES`] is refused, in words.
pub fn too_large(bytes: usize) -> String {
    format!("the file is {bytes} bytes; the limit is {MAX_BYTES} bytes")
}

/// Whether a link may be shown to a reader: only http and https, with no
/// user name or password before the host, which would let a link read as
/// one site and lead to another (`https://www.bbc.co.uk@example.com/`).
///
/// ```
/// use dossier::format::model::is_web_url;
/// assert!(is_web_url("https://www.al-monitor.com/originals/2024/05/x?a=b@c#d@e"));
/// assert!(!is_web_url("https://www.bbc.co.uk@example.com/news"));
/// assert!(!is_web_url("http://user:pass@example.com"));
/// assert!(!is_web_url("javascript:alert(1)"));
/// assert!(!is_web_url(" https://example.com"));
/// assert!(!is_web_url("https:///www.bbc.co.uk@example.com"));
/// assert!(!is_web_url("https://\\www.bbc.co.uk@example.com"));
/// assert!(is_web_url("HTTPS://example.com/a\\b?c=@d"));
/// ```
pub fn is_web_url(url: &str) -> bool {
    // Bytes, not `str` patterns: a string search would bring its searcher
    // into the reader's download.
    let scheme = |s: &[u8]| {
        url.as_bytes()
            .get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    let host = if scheme(b"https://") {
        8
    } else if scheme(b"http://") {
        7
    } else {
        return false;
    };
    !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && !url
            .bytes()
            .skip(host)
            // A browser skips any more slashes, either way, before the host.
            .skip_while(|c| matches!(c, b'/' | b'\\'))
            .take_while(|c| !matches!(c, b'/' | b'\\' | b'?' | b'#'))
            .any(|c| c == b'@')
}

/// A whole dataset: one story and everything it states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Optional pointer to the JSON Schema, for editors that read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"dossier/1"` for this version of the format.
    pub format: String,
    pub story: Story,
    /// Who reports what: every provenance entry names one of these by id.
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub tallies: Vec<Tally>,
    /// Notes on the dataset as a whole: conventions, ambiguities, editorial choices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The article the dataset is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub title: String,
    /// The standfirst under the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    pub outlet: String,
    /// The original article; only `http` and `https` links are ever shown.
    pub url: String,
    /// Publication date, to the day.
    pub published: PartialDate,
    /// The place the story was filed from, as printed ("BEIRUT").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The article's body, one string per paragraph. Provenance cites them
    /// by number, counting from 1.
    pub paragraphs: Vec<String>,
}

/// What an id may be, as the checker's [`super::validate::is_valid_id`]
/// reads it: lower-case letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit, at most 64 bytes. Safe in URLs and markup.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

/// Someone the article credits with a piece of information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// As a reader would say it: "al-Manar", "an AFP tally".
    pub name: String,
    pub kind: SourceKind,
    /// The actor speaking, when it is one of the dataset's actors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The source this one reached the article through, by id
    /// ("the Israeli military" via "Israeli news outlets").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a fact comes from: a source and the shortest exact quote that supports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// A source id.
    pub source: String,
    /// An exact substring of the cited paragraph, typography included.
    pub quote: String,
    /// The paragraph's number in `story.paragraphs`, counting from 1.
    pub paragraph: u32,
}

/// A person or organisation the story names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Lower-case letters, digits and hyphens; stable across versions of a dataset.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub name: String,
    /// Other spellings and names, searched like the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    /// Titles and roles exactly as the article gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A title or role as the article words it, with where it says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    pub provenance: Provenance,
}

/// Something that happened, or was said to have happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// When it happened, at the precision the text gives.
    pub date: PartialDate,
    /// For something that went on over a period: when it ended, or the
    /// story's date if it was still going on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The time of day, when the text gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_day: Option<TimeOfDay>,
    /// The article's own words for the time ("last night"), kept for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// How the date was worked out, when the text does not state it: "its
    /// “Wednesday”, in a story published on Wednesday 15 May 2024". The
    /// card marks the date as inferred and gives these words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_inferred: Option<String>,
    pub kind: EventKind,
    pub summary: String,
    /// The event this one is a stage of (the second attack of a raid).
    /// A part takes its whole's place, participants and status when it
    /// leaves them out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub part_of: Option<String>,
    /// Where; a part left without one is where its whole is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Who took part; a part left without any has its whole's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Whose word the event rests on. Required, except on a part, which
    /// rests on its whole's word unless it says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// At least one; the first is the attribution a card shows.
    pub provenance: Vec<Provenance>,
    /// Other events this one is about (a claim of responsibility names the attack).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refers_to: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A place as the article names it, with coordinates where it is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    /// A wider area the text gives ("northern Israel").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

/// WGS 84 degrees, with how closely they pin the place (ACLED's geo_precision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// Degrees north, -90 to 90.
    pub lat: f64,
    /// Degrees east, -180 to 180.
    pub lon: f64,
    pub precision: GeoPrecision,
}

/// An actor's part in an event, or that of people who are no party to
/// the story (the village's residents, as the victims of a raid).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// An actor id. Leave it out for people who are no party, and
    /// describe them in `victims`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub actor: Option<String>,
    /// People who are no party to the story, as the text describes them
    /// ("residents of Kafr Saba"); never an invented actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victims: Option<String>,
    pub role: ParticipantRole,
}

impl Participant {
    /// An actor in a role.
    pub fn actor(actor: impl Into<String>, role: ParticipantRole) -> Self {
        Participant {
            actor: Some(actor.into()),
            victims: None,
            role,
        }
    }
}

/// A number the text gives about an event: "more than 60 rockets".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// What is counted, plural: "rockets".
    pub unit: String,
    pub count: Count,
    /// Whose figure it is, when the event's sources give different ones:
    /// the source and the words that give this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// A count with the qualifier the text puts on it.
///
/// `{"qualifier": "more_than", "value": 79}` reads "more than 79";
/// `{"qualifier": "dozens"}` reads "dozens" and carries no number, because
/// the text gives none. `low` and `high` bound an estimate when a source gives
/// a range (UCDP's low/best/high), with `value` as the best estimate; or
/// alone, with no `value`, when the source gives no best estimate
/// ("between 40 and 60": `{"qualifier": "exact", "low": 40, "high": 60}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub qualifier: CountQualifier,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    /// The text's own words for the number, when they say it otherwise
    /// than the qualifier does ("in the hundreds", "nearly two dozen").
    /// Shown as written; they must be in the figure's quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

impl Count {
    /// The count as a reader reads it ([`crate::view::present::count`]).
    pub fn said(&self) -> String {
        let q = self.qualifier;
        let range = self
            .low
            .zip(self.high)
            .map(|(lo, hi)| format!("{}–{}", thousands(lo), thousands(hi)));
        let (number, range) = match (self.value, range) {
            (Some(v), range) => (thousands(v), range),
            // The range is the number.
            (None, Some(range)) if q.takes_value() => (range, None),
            (None, range) => (String::new(), range),
        };
        let mut out = match (&self.words, q) {
            (Some(words), _) => words.clone(),
            (_, CountQualifier::Exact) => number,
            _ if number.is_empty() => q.label().to_owned(),
            _ => format!("{} {number}", q.label()),
        };
        if let Some(range) = range {
            out.push_str(&format!(" ({range})"));
        }
        out
    }

    /// A number with its qualifier, and nothing more: "at least 40".
    pub fn of(qualifier: CountQualifier, value: u64) -> Self {
        Count {
            qualifier,
            value: Some(value),
            low: None,
            high: None,
            words: None,
        }
    }

    /// The least the count can be: its low end, its value, or what its
    /// words mean at the least ("hundreds" is at least 200).
    pub fn floor(&self) -> u64 {
        self.low
            .or(self.value)
            .or(self.qualifier.magnitude().map(|(lo, _)| lo))
            .unwrap_or(0)
    }

    /// The most the count can be, unless it is a floor ("at least 64"): its
    /// high end, its value, or what its words mean at the most.
    pub fn ceiling(&self) -> Option<u64> {
        if self.qualifier.is_lower_bound() && self.high.is_none() {
            return None;
        }
        self.high
            .or(self.value)
            .or(self.qualifier.magnitude().map(|(_, hi)| hi))
    }
}

/// Whose word an event rests on: reported as fact, claimed by the party
/// that did it, alleged and not verified, confirmed or disputed; and who
/// denies it or has not acknowledged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: StatusState,
    /// Actor or source ids: who claims, alleges, confirms or disputes it.
    /// Required unless `state` is `reported`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// Actor or source ids: who denies it ("the army denied…").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denied_by: Vec<String>,
    /// Actor ids: parties that have not acknowledged it ("did not comment",
    /// "has not acknowledged the deaths").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_acknowledged_by: Vec<String>,
}

impl Status {
    /// Stated as fact, with no one named.
    pub fn reported() -> Self {
        Status {
            state: StatusState::Reported,
            by: Vec::new(),
            denied_by: Vec::new(),
            not_acknowledged_by: Vec::new(),
        }
    }

    /// In `state`, by these actors or sources.
    pub fn by(state: StatusState, by: Vec<String>) -> Self {
        Status {
            state,
            by,
            ..Status::reported()
        }
    }
}

/// A tie between two actors that the text states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub kind: RelationKind,
    /// An actor id: the one who leads, is a member, attacked...
    pub from: String,
    /// An actor id: the one led, joined, attacked... Leave it out when
    /// the ones attacked or killed are no party, and describe them in
    /// `victims`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub to: Option<String>,
    /// The ones attacked or killed, when they are no party to the story,
    /// as the text describes them ("residents of Kafr Saba"). The network
    /// draws no actor for them and lists the tie below the graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victims: Option<String>,
    /// The role as the text words it, when it says more than the kind ("deputy head of Hamas in Gaza").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When the relation began to hold, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// When it stopped holding, if the text says; a single occasion has `since` = `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// Events the tie was seen in, when it comes from events rather than
    /// from a sentence about the two (the two sides of each battle).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A casualty figure: who counted whose dead (or wounded, missing,
/// displaced, detained), how many, over what period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    /// A source id: who counted.
    pub counted_by: String,
    /// An actor id: whose dead (a state stands for the people on its side
    /// or in its territory). Leave it out for victims who belong to no
    /// party, and describe them in `victims`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// The dead as the text describes them, when they are no party to the
    /// story ("residents of Kafr Saba"); never an invented actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victims: Option<String>,
    /// Where, when the text says ("Lebanon").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub category: TallyCategory,
    /// What happened to them: killed (when left out), wounded, missing,
    /// displaced or detained.
    #[serde(default, skip_serializing_if = "Outcome::is_killed")]
    pub outcome: Outcome,
    /// How many, as the counter states it: a number, or words that stand
    /// for one ("hundreds"), drawn as what the words can mean.
    pub count: Count,
    /// First day covered, when the text gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// The date the figure was current.
    pub as_of: PartialDate,
    /// The tally this one is part of (the journalists among the civilians).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subset_of: Option<String>,
    /// Another tally that counts the same dead: a rival estimate of one
    /// figure ("at least 100" from one source, "up to 100" from another).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    /// Events that report this figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// An earlier count by the same counter that this one updates ("the
    /// ministry raised its toll to 32"). The chart draws the latest figure
    /// and says what it was before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// When the counter has withdrawn the figure: the text's words for it
    /// ("the ministry withdrew the figure the next day"). The chart leaves
    /// it out and its caption says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
    /// Whose word the figure rests on, when it differs from the events':
    /// disputed, denied or not acknowledged by a party. Left out, the
    /// figure is its counter's, reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub provenance: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Dataset {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The wholes an event is part of, nearest first. A chain is at most
    /// a few stages deep; the walk stops at 16 so that a loop (which the
    /// validator names) cannot hang a reader.
    pub fn wholes<'a>(&'a self, e: &'a Event) -> impl Iterator<Item = &'a Event> + 'a {
        std::iter::successors(Some(e), move |e| self.event(e.part_of.as_deref()?))
            .skip(1)
            .take(16)
    }

    /// The events that are parts of event `id`, in dataset order.
    pub fn parts_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events
            .iter()
            .filter(move |e| e.part_of.as_deref() == Some(id))
    }

    /// Every event's parts at once, for a reader that lists the parts of
    /// many events: one pass over the events, where [`Dataset::parts_of`]
    /// is a pass for each event.
    pub fn parts_index(&self) -> PartsIndex {
        // Which whole each part belongs to; most stories have no parts.
        let mut whole_of = vec![u32::MAX; self.events.len()];
        if self.events.iter().any(|e| e.part_of.is_some()) {
            // The same map type as the filters' interned names, so that the
            // download carries its code once.
            let at: crate::base::hash::NameMap<u32> = (0u32..)
                .zip(&self.events)
                .map(|(i, e)| (e.id.clone(), i))
                .collect();
            for (slot, e) in whole_of.iter_mut().zip(&self.events) {
                if let Some(&w) = e.part_of.as_deref().and_then(|w| at.get(w)) {
                    *slot = w;
                }
            }
        } else {
            return PartsIndex::default();
        }
        // Compressed rows: each whole's parts side by side, in dataset order.
        let mut start = vec![0u32; self.events.len() + 1];
        for &w in whole_of.iter().filter(|&&w| w != u32::MAX) {
            start[w as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut parts = vec![0u32; start[self.events.len()] as usize];
        for (i, &w) in (0u32..).zip(&whole_of) {
            if w != u32::MAX {
                parts[next[w as usize] as usize] = i;
                next[w as usize] += 1;
            }
        }
        PartsIndex { start, parts }
    }

    /// The days an event may cover, as the views place it: [`Event::days`],
    /// ending no later than the story's publication. An event dated only
    /// to its year or month, in the story's own year or month, happened by
    /// the day the story reports it, not across the rest of the period.
    /// (A date wholly after publication, which the checks refuse, is left
    /// as it is.)
    pub fn days_of(&self, e: &Event) -> (i64, i64) {
        let (first, last) = e.days();
        let published = self.story.published.last_day();
        (
            first,
            if first <= published {
                last.min(published)
            } else {
                last
            },
        )
    }

    /// Whose word an event rests on: its own status, or its whole's.
    pub fn status_of<'a>(&'a self, e: &'a Event) -> &'a Status {
        static REPORTED: Status = Status {
            state: StatusState::Reported,
            by: Vec::new(),
            denied_by: Vec::new(),
            not_acknowledged_by: Vec::new(),
        };
        std::iter::once(e)
            .chain(self.wholes(e))
            .find_map(|e| e.status.as_ref())
            .unwrap_or(&REPORTED)
    }

    /// Where an event happened: its own place, or its whole's.
    pub fn place_of<'a>(&'a self, e: &'a Event) -> Option<&'a Place> {
        std::iter::once(e)
            .chain(self.wholes(e))
            .find_map(|e| e.place.as_ref())
    }

    /// Who took part in an event: its own participants, or its whole's.
    pub fn participants_of<'a>(&'a self, e: &'a Event) -> &'a [Participant] {
        std::iter::once(e)
            .chain(self.wholes(e))
            .map(|e| e.participants.as_slice())
            .find(|p| !p.is_empty())
            .unwrap_or_default()
    }

    /// Every id an event involves, once each: participants in their
    /// order, then claimants and confirmers not already among them (who
    /// may be sources: callers keep the ids of actors). A part's come
    /// from its whole when it does not name its own.
    pub fn actor_ids<'a>(&'a self, e: &'a Event) -> impl Iterator<Item = &'a str> + 'a {
        let all = self
            .participants_of(e)
            .iter()
            .filter_map(|p| p.actor.as_deref())
            .chain(self.status_of(e).by.iter().map(String::as_str));
        let mut seen = Vec::new();
        all.filter(move |id| {
            // Events name a handful of actors: a linear scan beats hashing.
            let new = !seen.contains(id);
            if new {
                seen.push(*id);
            }
            new
        })
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn tally(&self, id: &str) -> Option<&Tally> {
        self.tallies.iter().find(|t| t.id == id)
    }

    /// The later count by the same counter that revises `t`, if any.
    pub fn revision_of(&self, t: &Tally) -> Option<&Tally> {
        self.tallies
            .iter()
            .find(|u| u.revises.as_deref() == Some(t.id.as_str()) && u.id != t.id)
    }

    /// The name of the actor with this id; an unknown id reads as it is
    /// written.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// The name of the source with this id; an unknown id reads as it is
    /// written.
    pub fn source_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.source(id).map_or(id, |s| s.name.as_str())
    }

    /// The name of an actor or, failing that, of a source with this id:
    /// whoever a status names. Unknown ids read as they are written.
    pub fn party_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id)
            .map(|a| a.name.as_str())
            .or_else(|| self.source(id).map(|s| s.name.as_str()))
            .unwrap_or(id)
    }

    /// Whose dead a tally counts, as a reader reads it: the side's name,
    /// or the victims as described.
    pub fn whose<'a>(&'a self, t: &'a Tally) -> &'a str {
        match (&t.side, &t.victims) {
            (Some(side), _) => self.actor_name(side),
            (None, Some(v)) => v.as_str(),
            (None, None) => "unnamed victims",
        }
    }

    /// The rival estimates of one figure that stand (tallies joined by
    /// `same_as`, either way, and a revision with the figure it updates,
    /// whose place it takes; none withdrawn or since revised): the groups
    /// of two or more, each in dataset order.
    pub fn estimate_groups(&self) -> Vec<Vec<usize>> {
        // Each tally starts as its own group; a link merges two groups
        // under the lower index, until no link changes anything.
        // A story has a handful of tallies, and few of them linked: a
        // search per link costs less, in time and in code, than a map.
        let mut links: Vec<(usize, usize)> = Vec::new();
        for (i, t) in self.tallies.iter().enumerate() {
            for other in [&t.same_as, &t.revises].into_iter().flatten() {
                if let Some(j) = self.tallies.iter().position(|u| &u.id == other) {
                    links.push((i, j));
                }
            }
        }
        let mut root: Vec<usize> = (0..self.tallies.len()).gather();
        let mut changed = !links.is_empty();
        while changed {
            changed = false;
            for &(a, b) in &links {
                let low = root[a].min(root[b]);
                if root[a] != low || root[b] != low {
                    root[a] = low;
                    root[b] = low;
                    changed = true;
                }
            }
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, &r) in root.iter().enumerate() {
            // A figure withdrawn, or since revised, is no rival.
            let t = &self.tallies[i];
            if t.withdrawn.is_some() || self.revision_of(t).is_some() {
                continue;
            }
            match groups.iter_mut().find(|g| root[g[0]] == r) {
                Some(g) => g.push(i),
                None => groups.push(vec![i]),
            }
        }
        crate::base::gather::keep(&mut groups, |g| g.len() > 1);
        groups
    }

    /// The first and last day any event covers (days since 1970-01-01),
    /// as the views place them ([`Dataset::days_of`]), or `None` for a
    /// story with no events.
    pub fn date_extent(&self) -> Option<(i64, i64)> {
        let days = self.events.iter().map(|e| self.days_of(e));
        let first = days.clone().map(|d| d.0).min()?;
        let last = days.map(|d| d.1).max()?;
        Some((first, last))
    }

    /// The paragraph a provenance entry cites, if it exists.
    pub fn paragraph(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.story.paragraphs.get(index).map(String::as_str)
    }
}

/// The parts of each event, by index into the dataset's events, in dataset
/// order ([`Dataset::parts_index`]).
#[derive(Debug, Default, Clone)]
pub struct PartsIndex {
    /// Where each event's parts start in `parts` (one more than the events).
    start: Vec<u32>,
    parts: Vec<u32>,
}

impl PartsIndex {
    /// The parts of the event at index `whole`.
    pub fn of(&self, whole: usize) -> impl Iterator<Item = usize> + '_ {
        let range = match (self.start.get(whole), self.start.get(whole + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.parts[range].iter().map(|&p| p as usize)
    }
}

impl Event {
    /// An event with only what every event needs: reported by its source,
    /// at one date, with no place, participants or figures yet. Importers
    /// fill in the rest with struct update syntax.
    pub fn new(
        id: String,
        date: PartialDate,
        kind: EventKind,
        summary: String,
        provenance: Provenance,
    ) -> Event {
        Event {
            id,
            date,
            until: None,
            time_of_day: None,
            date_text: None,
            date_inferred: None,
            kind,
            summary,
            part_of: None,
            place: None,
            participants: Vec::new(),
            quantities: Vec::new(),
            status: Some(Status::reported()),
            provenance: vec![provenance],
            refers_to: Vec::new(),
            note: None,
        }
    }

    /// The first and last day the event may cover (days since 1970-01-01):
    /// a month-only date covers the month, and `until` extends it.
    pub fn days(&self) -> (i64, i64) {
        let first = self.date.first_day();
        let last = self.until.as_ref().unwrap_or(&self.date).last_day();
        (first, last.max(first))
    }
}
