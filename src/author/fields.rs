//! Every part of the format as the editor's forms show it: one table per
//! kind of object, in the guide's field order, each field with its label,
//! its short help line (from docs/DATA_FORMAT.md) and the control that edits
//! it. The forms are drawn from these tables, the export orders its fields
//! by them, and a test walks the JSON Schema to check that they cover every
//! field the format has.
//!
//! Pure: no browser types here.

use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, GeoPrecision, Outcome, ParticipantRole, RelationKind,
    SourceKind, StatusState, TallyCategory, TimeOfDay,
};

pub use crate::format::parts::{List, Target};

/// The editor's side of the format's lists: the form of each one's items.
pub trait Form {
    /// The form of one item.
    fn fields(self) -> &'static [Field];
    /// The field an item is named by (and its id made from).
    fn name_field(self) -> &'static str;
}

impl Form for List {
    fn fields(self) -> &'static [Field] {
        match self {
            List::Sources => SOURCE,
            List::Actors => ACTOR,
            List::Events => EVENT,
            List::Relations => RELATION,
            List::Tallies => TALLY,
        }
    }

    fn name_field(self) -> &'static str {
        match self {
            List::Events => "summary",
            List::Relations => "kind",
            List::Tallies => "category",
            List::Sources | List::Actors => "name",
        }
    }
}

/// A controlled vocabulary, as a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocab {
    SourceKind,
    ActorKind,
    EventKind,
    TimeOfDay,
    ParticipantRole,
    StatusState,
    RelationKind,
    TallyCategory,
    Outcome,
    CountQualifier,
    GeoPrecision,
}

impl Vocab {
    /// The built-in terms and how a reader reads them, in the format's order.
    pub fn terms(self) -> Vec<(&'static str, String)> {
        fn open<T: Clone>(
            all: &[T],
            f: impl Fn(&T) -> (&'static str, String),
        ) -> Vec<(&'static str, String)> {
            all.iter().map(f).collect()
        }
        match self {
            Vocab::SourceKind => open(SourceKind::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::ActorKind => open(ActorKind::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::EventKind => open(EventKind::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::ParticipantRole => open(ParticipantRole::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::RelationKind => open(RelationKind::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::TallyCategory => open(TallyCategory::BUILT_IN, |t| {
                (name_of(t.as_str()), t.label().into())
            }),
            Vocab::Outcome => open(Outcome::ALL, |t| (t.as_str(), t.label().into())),
            Vocab::TimeOfDay => open(TimeOfDay::ALL, |t| (t.as_str(), t.label().into())),
            Vocab::StatusState => open(StatusState::ALL, |t| (t.as_str(), t.label().into())),
            // "Exact" reads as nothing before a number; a menu says it.
            Vocab::CountQualifier => open(CountQualifier::ALL, |t| {
                let label = if t.label().is_empty() {
                    "exactly"
                } else {
                    t.label()
                };
                (t.as_str(), label.into())
            }),
            Vocab::GeoPrecision => open(GeoPrecision::ALL, |t| (t.as_str(), t.label().into())),
        }
    }

    /// Whether the dataset may add its own `x-` terms.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            Vocab::TimeOfDay
                | Vocab::StatusState
                | Vocab::CountQualifier
                | Vocab::GeoPrecision
                | Vocab::Outcome
        )
    }
}

/// The `'static` name of a built-in term (an open vocabulary's `as_str`
/// borrows from the value; the built-ins are all in the static lists).
fn name_of(s: &str) -> &'static str {
    const LISTS: [&[&str]; 6] = [
        SourceKind::NAMES,
        ActorKind::NAMES,
        EventKind::NAMES,
        ParticipantRole::NAMES,
        RelationKind::NAMES,
        TallyCategory::NAMES,
    ];
    LISTS
        .iter()
        .flat_map(|l| l.iter())
        .find(|n| **n == s)
        .copied()
        .unwrap_or("")
}

/// The control that edits a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Control {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A web address.
    Url,
    /// A date as the format writes it, read back in words.
    Date,
    /// A whole number.
    Number,
    /// A decimal number (coordinates).
    Decimal,
    /// An item's id: made from its name, editable.
    Id,
    /// A term of a vocabulary, or an `x-` term of the dataset's own.
    Term(Vocab),
    /// The id of another item, found by searching its name.
    Ref(Target),
    /// Several ids.
    Refs(Target),
    /// A list of strings (aliases, notes).
    Strings,
    /// An object with fields of its own.
    Object(&'static [Field]),
    /// A list of objects, each with these fields; the noun names one.
    Objects(&'static [Field], &'static str),
    /// A quote with its source and paragraph, made by selecting text.
    Quote,
    /// A list of quotes.
    Quotes,
}

/// One field of a form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub required: bool,
    pub control: Control,
}

const fn f(key: &'static str, label: &'static str, help: &'static str, control: Control) -> Field {
    Field {
        key,
        label,
        help,
        required: false,
        control,
    }
}

const fn req(
    key: &'static str,
    label: &'static str,
    help: &'static str,
    control: Control,
) -> Field {
    Field {
        key,
        label,
        help,
        required: true,
        control,
    }
}

/// The dataset's top level, in the guide's order.
#[rustfmt::skip]
pub const DATASET: &[Field] = &[
    f("$schema", "Schema", "A path or URL to dossier.schema.json, for editors.", Control::Text),
    req("format", "Format", "Always \"dossier/1\".", Control::Text),
    req("story", "Story", "The article.", Control::Object(STORY)),
    req("sources", "Sources", "Everyone the article credits with information.", Control::Objects(SOURCE, "source")),
    req("actors", "Actors", "Every person and organisation named.", Control::Objects(ACTOR, "actor")),
    req("events", "Events", "Everything that happened, or is said to have happened.", Control::Objects(EVENT, "event")),
    f("relations", "Relations", "Ties between actors that the text states.", Control::Objects(RELATION, "relation")),
    f("tallies", "Tallies", "Casualty figures.", Control::Objects(TALLY, "tally")),
    f("notes", "Notes", "Notes on the dataset as a whole: conventions, ambiguities, choices.", Control::Strings),
];

#[rustfmt::skip]
pub const STORY: &[Field] = &[
    req("title", "Title", "The headline as published.", Control::Text),
    f("dek", "Standfirst", "The standfirst under the headline.", Control::LongText),
    req("outlet", "Outlet", "Who published it: \"The Example Times\".", Control::Text),
    req("url", "Link", "The original article; http or https.", Control::Url),
    req("published", "Published", "Publication date, to the day: 2024-05-15.", Control::Date),
    f("dateline", "Dateline", "As printed: \"KATHMANDU\".", Control::Text),
    req("paragraphs", "Paragraphs", "The body, one paragraph each, exactly as published. Edit them in the article pane.", Control::Strings),
];

#[rustfmt::skip]
pub const SOURCE: &[Field] = &[
    req("id", "Id", "Made from the name; stays the same when the name changes.", Control::Id),
    req("name", "Name", "As a reader would say it after \"According to\": \"an AFP tally\".", Control::Text),
    req("kind", "Kind", "The outlet's own reporting (article), a statement, a tally…", Control::Term(Vocab::SourceKind)),
    f("actor", "Speaking actor", "The actor speaking, if it is one of the story's actors.", Control::Ref(Target::Actor)),
    f("via", "Via", "The source it reached the article through.", Control::Ref(Target::Source)),
    f("note", "Note", "", Control::LongText),
];

#[rustfmt::skip]
pub const PROVENANCE: &[Field] = &[
    req("source", "Source", "Who the article says it comes from.", Control::Ref(Target::Source)),
    req("quote", "Quote", "The exact words of the article: select them in the text.", Control::Text),
    req("paragraph", "Paragraph", "The paragraph the quote is in, counting from 1.", Control::Number),
];

#[rustfmt::skip]
pub const ROLE: &[Field] = &[
    req("title", "Title", "Exactly as the article gives it.", Control::Text),
    req("provenance", "Quote", "Where the article gives the title.", Control::Quote),
];

#[rustfmt::skip]
pub const ACTOR: &[Field] = &[
    req("id", "Id", "Made from the name; stays the same when the name changes.", Control::Id),
    req("name", "Name", "The name a reader knows.", Control::Text),
    f("aliases", "Aliases", "Other spellings, transliterations and names; search matches them.", Control::Strings),
    req("kind", "Kind", "Person, armed group, state…", Control::Term(Vocab::ActorKind)),
    f("roles", "Roles", "Titles exactly as the article gives them, each with its quote.", Control::Objects(ROLE, "role")),
    f("note", "Note", "", Control::LongText),
];

#[rustfmt::skip]
pub const COORDINATES: &[Field] = &[
    req("lat", "Latitude", "Degrees north, -90 to 90.", Control::Decimal),
    req("lon", "Longitude", "Degrees east, -180 to 180.", Control::Decimal),
    req("precision", "Precision", "Exact, near, or the region only.", Control::Term(Vocab::GeoPrecision)),
];

#[rustfmt::skip]
pub const PLACE: &[Field] = &[
    req("name", "Name", "As the text names it.", Control::Text),
    f("region", "Region", "", Control::Text),
    f("country", "Country", "", Control::Text),
    f("coordinates", "Coordinates", "Only when known.", Control::Object(COORDINATES)),
];

#[rustfmt::skip]
pub const PARTICIPANT: &[Field] = &[
    f("actor", "Actor", "One of the story's actors; or leave it empty and fill in Victims.", Control::Ref(Target::Actor)),
    f("victims", "Victims", "People who are no party to the story, as the text describes them: \"residents of Kafr Saba\".", Control::Text),
    req("role", "Role", "What part the actor played.", Control::Term(Vocab::ParticipantRole)),
];

#[rustfmt::skip]
pub const COUNT: &[Field] = &[
    req("qualifier", "Qualifier", "Exactly, at least, more than, about…: as the text says it.", Control::Term(Vocab::CountQualifier)),
    f("value", "Number", "The number as the text gives it.", Control::Number),
    f("low", "From", "For a range: the low end.", Control::Number),
    f("high", "To", "For a range: the high end.", Control::Number),
    f("words", "In the text's words", "When the text says it otherwise than the qualifier: \"in the hundreds\".", Control::Text),
];

#[rustfmt::skip]
pub const QUANTITY: &[Field] = &[
    req("unit", "Unit", "What is counted: \"rockets\".", Control::Text),
    req("count", "Count", "The number with its qualifier.", Control::Object(COUNT)),
    f("provenance", "Whose figure", "A quote for the figure, when sources give different ones.", Control::Quote),
];

#[rustfmt::skip]
pub const STATUS: &[Field] = &[
    req("state", "State", "Reported, or claimed, alleged, confirmed or disputed by someone.", Control::Term(Vocab::StatusState)),
    f("by", "By", "Who claims, alleges, confirms or disputes it (actors or sources).", Control::Refs(Target::Party)),
    f("denied_by", "Denied by", "Who denies it (actors or sources).", Control::Refs(Target::Party)),
    f("not_acknowledged_by", "Not acknowledged by", "Who has not acknowledged it (actors).", Control::Refs(Target::Actor)),
];

#[rustfmt::skip]
pub const EVENT: &[Field] = &[
    req("id", "Id", "Made from the summary; stays the same when it changes.", Control::Id),
    req("date", "Date", "At the precision the text gives: 2024-05-15, 2024-05 or 2024.", Control::Date),
    f("until", "Until", "For something that went on over a period: when it ended.", Control::Date),
    f("time_of_day", "Time of day", "When the text gives it.", Control::Term(Vocab::TimeOfDay)),
    f("date_text", "Date as written", "The article's own words for the time: \"last night\".", Control::Text),
    f("date_inferred", "Date inferred", "When the text does not state the date: how it was worked out (\"its Wednesday, in a story published on Wednesday 15 May 2024\").", Control::LongText),
    req("kind", "Kind", "What happened, in ACLED's terms or news' own.", Control::Term(Vocab::EventKind)),
    req("summary", "Summary", "One sentence, present tense, in your words.", Control::LongText),
    f("part_of", "Part of", "The event this one is a stage of: the second attack of a raid. Leave out place, participants or status to take the whole's.", Control::Ref(Target::Event)),
    f("place", "Place", "Where, as the text names it.", Control::Object(PLACE)),
    f("participants", "Participants", "The actors involved, each with a role.", Control::Objects(PARTICIPANT, "participant")),
    f("quantities", "Quantities", "Counts of anything but the dead: rockets, ships.", Control::Objects(QUANTITY, "quantity")),
    f("status", "Status", "Whose word the event rests on. Required, unless the event is part of another and rests on its word.", Control::Object(STATUS)),
    req("provenance", "Quotes", "At least one; the first is the attribution a card shows.", Control::Quotes),
    f("refers_to", "Refers to", "Other events this one is about: a claim names the attack.", Control::Refs(Target::Event)),
    f("note", "Note", "Ambiguities and choices, in plain words.", Control::LongText),
];

#[rustfmt::skip]
pub const RELATION: &[Field] = &[
    req("id", "Id", "Made from its actors and kind.", Control::Id),
    req("kind", "Kind", "Read \"from kind to\": Nasrallah leads Hezbollah.", Control::Term(Vocab::RelationKind)),
    req("from", "From", "The actor the relation reads from.", Control::Ref(Target::Actor)),
    f("to", "To", "The actor it reads to; or, for an attack on people who are no party, leave it empty and fill in Victims.", Control::Ref(Target::Actor)),
    f("victims", "Victims", "Those attacked or killed, when they are no party to the story, as the text describes them.", Control::Text),
    f("role", "Role", "The text's own words when they say more than the kind.", Control::Text),
    f("since", "Since", "When it began, if the text says.", Control::Date),
    f("until", "Until", "When it ended; a single occasion has since equal to until.", Control::Date),
    f("events", "Events", "Events the tie was seen in, when it comes from events.", Control::Refs(Target::Event)),
    req("provenance", "Quotes", "At least one.", Control::Quotes),
    f("note", "Note", "", Control::LongText),
];

#[rustfmt::skip]
pub const TALLY: &[Field] = &[
    req("id", "Id", "Made from who counted and what.", Control::Id),
    req("counted_by", "Counted by", "The source that counted.", Control::Ref(Target::Source)),
    f("side", "Side (whose dead)", "An actor: a state stands for the people on its side. Or fill in Victims.", Control::Ref(Target::Actor)),
    f("victims", "Victims", "The dead as the text describes them, when they are no party to the story.", Control::Text),
    f("place", "Place", "Where, when the text says: \"the north\".", Control::Text),
    req("category", "Category", "Fighters, soldiers, civilians…", Control::Term(Vocab::TallyCategory)),
    f("outcome", "Outcome", "What happened to them: killed when left out; or wounded, missing, displaced, detained.", Control::Term(Vocab::Outcome)),
    req("count", "How many", "As the counter states it: a number, or words such as dozens or hundreds.", Control::Object(COUNT)),
    f("since", "Since", "The first day counted, if the text gives it.", Control::Date),
    req("as_of", "As of", "The date the figure was current.", Control::Date),
    f("subset_of", "Part of", "The tally this one is part of: the journalists among the civilians.", Control::Ref(Target::Tally)),
    f("same_as", "Same dead as", "Another tally that counts the same dead: a rival estimate.", Control::Ref(Target::Tally)),
    f("revises", "Revises", "An earlier count by the same counter that this one updates.", Control::Ref(Target::Tally)),
    f("withdrawn", "Withdrawn", "When the counter withdrew the figure: the text's words for it.", Control::Text),
    f("events", "Events", "Events that report the figure.", Control::Refs(Target::Event)),
    f("status", "Status", "Only when the figure's standing differs from its events': disputed, denied or not acknowledged by a party.", Control::Object(STATUS)),
    req("provenance", "Quotes", "At least one.", Control::Quotes),
    f("note", "Note", "", Control::LongText),
];

/// The fields of the object a control holds, if it holds one.
pub fn nested(control: Control) -> Option<&'static [Field]> {
    match control {
        Control::Object(fields) | Control::Objects(fields, _) => Some(fields),
        Control::Quote | Control::Quotes => Some(PROVENANCE),
        _ => None,
    }
}

/// A new object with these fields: the required ones present and empty
/// (a count exact, a list empty), so that each is named until filled in.
pub fn blank_of(fields: &'static [Field]) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let mut m = Map::new();
    for f in fields.iter().filter(|f| f.required) {
        let v = match f.control {
            Control::Term(Vocab::CountQualifier) => json!("exact"),
            Control::Number => json!(1),
            Control::Decimal => json!(0.0),
            Control::Object(_) | Control::Quote => blank_of(nested(f.control).unwrap_or(&[])),
            Control::Objects(..) | Control::Quotes | Control::Refs(_) | Control::Strings => {
                json!([])
            }
            _ => Value::String(String::new()),
        };
        m.insert(f.key.to_owned(), v);
    }
    Value::Object(m)
}

/// The field a path in a draft names (`events[2].place.name` is the
/// place's name), if the format has it. A position in a list names the
/// list's field.
pub fn field_at(path: &str) -> Option<&'static Field> {
    use crate::format::jsonpos::{segments, Segment};
    let mut fields: &'static [Field] = DATASET;
    let mut found = None;
    for step in segments(path)? {
        if let Segment::Key(k) = step {
            let f = field(fields, &k)?;
            found = Some(f);
            fields = nested(f.control).unwrap_or(&[]);
        }
    }
    found
}

/// A path inside an item in the words of its form: `status.by[1]` in an
/// event reads "Status › By 2", `participants[0].actor` "Participants 1 ›
/// Actor". A key the form does not know is kept as written.
pub fn labels_of(fields: &'static [Field], rest: &str) -> String {
    use crate::format::jsonpos::{segments, Segment};
    let Some(steps) = segments(rest) else {
        return rest.to_owned();
    };
    let mut fields = fields;
    let mut out: Vec<String> = Vec::new();
    for step in steps {
        match step {
            Segment::Key(k) => match field(fields, &k) {
                Some(f) => {
                    out.push(f.label.to_owned());
                    fields = nested(f.control).unwrap_or(&[]);
                }
                None => {
                    out.push(k);
                    fields = &[];
                }
            },
            Segment::Index(i) => match out.last_mut() {
                Some(last) => last.push_str(&format!(" {}", i + 1)),
                None => out.push(format!("{}", i + 1)),
            },
        }
    }
    out.join(" › ")
}

/// The field called `key` in `fields`.
pub fn field(fields: &'static [Field], key: &str) -> Option<&'static Field> {
    fields.iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_in_the_forms_words() {
        assert_eq!(labels_of(EVENT, "status.by[1]"), "Status › By 2");
        assert_eq!(
            labels_of(EVENT, "participants[0].actor"),
            "Participants 1 › Actor"
        );
        assert_eq!(labels_of(TALLY, "count.value"), "How many › Number");
        assert_eq!(labels_of(EVENT, "sumary"), "sumary");
    }
}
