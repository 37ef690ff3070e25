//! The format's parts, listed once: the lists of items with ids, and what
//! a reference may point at. The validator checks ids and references by
//! them; the editor draws its forms, pickers and exports from them (with
//! its own labels, in `author::fields`), and a test holds those forms to
//! the JSON Schema.
//!
//! Pure: no browser types here.

/// The lists of the dataset that hold items with ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Sources,
    Actors,
    Events,
    Relations,
    Tallies,
}

impl List {
    pub const ALL: [List; 5] = [
        List::Sources,
        List::Actors,
        List::Events,
        List::Relations,
        List::Tallies,
    ];

    /// The key of the list in the dataset.
    pub fn key(self) -> &'static str {
        match self {
            List::Sources => "sources",
            List::Actors => "actors",
            List::Events => "events",
            List::Relations => "relations",
            List::Tallies => "tallies",
        }
    }

    /// One item, in words.
    pub fn noun(self) -> &'static str {
        match self {
            List::Sources => "source",
            List::Actors => "actor",
            List::Events => "event",
            List::Relations => "relation",
            List::Tallies => "tally",
        }
    }

    /// The heading of the list.
    pub fn title(self) -> &'static str {
        match self {
            List::Sources => "Sources",
            List::Actors => "Actors",
            List::Events => "Events",
            List::Relations => "Relations",
            List::Tallies => "Tallies",
        }
    }

    pub fn from_key(key: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// What a reference may point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Actor,
    Source,
    Event,
    Tally,
    /// An actor or a source: who claims, alleges or denies.
    Party,
}

impl Target {
    /// What is needed, in words: "an actor or source" is `Party`.
    pub fn what(self) -> &'static str {
        match self {
            Target::Party => "actor or source",
            other => other.lists()[0].noun(),
        }
    }

    /// The lists an id of this kind is looked up in.
    pub fn lists(self) -> &'static [List] {
        match self {
            Target::Actor => &[List::Actors],
            Target::Source => &[List::Sources],
            Target::Event => &[List::Events],
            Target::Tally => &[List::Tallies],
            Target::Party => &[List::Actors, List::Sources],
        }
    }
}
