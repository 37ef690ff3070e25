//! Filtering events: the reader's filters, and an index of a dataset's events
//! that applies them and counts what each option would give.
//!
//! Within one facet the options are alternatives (Hezbollah *or* Israel);
//! across facets they all apply (Hezbollah, *and* a meeting). The count beside
//! an option is how many events the view would show if that option were
//! ticked too, given the other facets: the usual faceted-search rule, so that
//! ticking an option never leads to an unexplained empty list.
//!
//! The index interns every actor, kind, place and source to a small number
//! and folds each event's searchable text once, so that re-filtering 100,000
//! events is a pass over integers and pre-folded strings (see `make bench`).
//!
//! Pure: no browser types here.

use crate::date::PartialDate;
use crate::fold::{fold, Query};
use crate::model::{Dataset, Event};
use crate::vocab::StatusState;
use std::collections::{BTreeSet, HashMap};

/// The reader's filters. Empty sets and `None` mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Actor ids.
    pub actors: BTreeSet<String>,
    /// Event kind names (`"meeting"`).
    pub kinds: BTreeSet<String>,
    /// Place names as written in the dataset.
    pub places: BTreeSet<String>,
    /// Source ids: events with at least one provenance entry from one of them.
    pub sources: BTreeSet<String>,
    pub statuses: BTreeSet<StatusState>,
    /// First day of the range; events that overlap the range match.
    pub from: Option<PartialDate>,
    /// Last day of the range.
    pub to: Option<PartialDate>,
    /// Free text over summaries, quotes, places and actor names and aliases.
    pub query: String,
    /// Tally ids: events behind one of these casualty figures.
    pub tallies: BTreeSet<String>,
}

/// One of the filter's dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Actor,
    Kind,
    Place,
    Source,
    Status,
    Dates,
    Query,
    Tally,
}

impl Facet {
    const ALL: [Facet; 8] = [
        Facet::Actor,
        Facet::Kind,
        Facet::Place,
        Facet::Source,
        Facet::Status,
        Facet::Dates,
        Facet::Query,
        Facet::Tally,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

const ALL_FACETS: u16 = (1 << Facet::ALL.len()) - 1;

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// How many filters are active, counting each ticked option, the date
    /// range and the search as one each.
    pub fn active_count(&self) -> usize {
        self.actors.len()
            + self.kinds.len()
            + self.places.len()
            + self.sources.len()
            + self.statuses.len()
            + usize::from(self.from.is_some() || self.to.is_some())
            + usize::from(!self.query.trim().is_empty())
            + self.tallies.len()
    }
}

/// An option of a facet with the number of events it would show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionCount {
    /// The value the filter stores: an id, a kind name, a place name.
    pub value: String,
    pub count: usize,
}

/// Counts for every option of every listed facet, in a stable display order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    pub actors: Vec<OptionCount>,
    pub kinds: Vec<OptionCount>,
    pub places: Vec<OptionCount>,
    pub sources: Vec<OptionCount>,
    pub statuses: Vec<(StatusState, usize)>,
}

/// The result of applying filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `dataset.events` of the matching events, oldest first.
    pub events: Vec<usize>,
    pub counts: FacetCounts,
}

/// Interned strings: each distinct value gets a small number.
#[derive(Debug, Default, Clone)]
struct Names {
    names: Vec<String>,
    lookup: HashMap<String, u32>,
}

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.lookup.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.lookup.insert(name.to_owned(), i);
        i
    }

    /// A membership table for the chosen values; `None` when none is chosen.
    /// Values the index has never seen select nothing.
    fn select(&self, chosen: &BTreeSet<String>) -> Option<Vec<bool>> {
        if chosen.is_empty() {
            return None;
        }
        let mut table = vec![false; self.names.len()];
        for c in chosen {
            if let Some(&i) = self.lookup.get(c) {
                table[i as usize] = true;
            }
        }
        Some(table)
    }
}

#[derive(Debug, Clone)]
struct Entry {
    first_day: i64,
    last_day: i64,
    actors: Vec<u32>,
    kind: u32,
    place: Option<u32>,
    sources: Vec<u32>,
    status: StatusState,
    /// The casualty figures this event reports.
    tallies: Vec<u32>,
    /// Folded summary, quotes, place and actor names and aliases.
    text: String,
}

/// A dataset's events, prepared for filtering. Build it once per dataset.
#[derive(Debug, Clone)]
pub struct EventIndex {
    entries: Vec<Entry>,
    /// Entry indices sorted oldest first (by first day, then last day, then
    /// dataset order), so filtering preserves date order for free.
    by_date: Vec<u32>,
    actors: Names,
    kinds: Names,
    places: Names,
    sources: Names,
    tallies: Names,
}

impl EventIndex {
    pub fn new(ds: &Dataset) -> Self {
        let mut actors = Names::default();
        let mut kinds = Names::default();
        let mut places = Names::default();
        let mut sources = Names::default();
        // Actors in dataset order first, so that option lists follow it.
        for a in &ds.actors {
            actors.intern(&a.id);
        }
        for s in &ds.sources {
            sources.intern(&s.id);
        }
        let actor_text: HashMap<&str, String> = ds
            .actors
            .iter()
            .map(|a| {
                let mut t = a.name.clone();
                for alias in &a.aliases {
                    t.push(' ');
                    t.push_str(alias);
                }
                (a.id.as_str(), t)
            })
            .collect();
        let mut tallies = Names::default();
        let mut behind: HashMap<&str, Vec<u32>> = HashMap::new();
        for t in &ds.tallies {
            let i = tallies.intern(&t.id);
            for e in &t.events {
                behind.entry(e.as_str()).or_default().push(i);
            }
        }
        let entries: Vec<Entry> = ds
            .events
            .iter()
            .map(|e| {
                let mut entry = Self::entry(
                    e,
                    &actor_text,
                    &mut actors,
                    &mut kinds,
                    &mut places,
                    &mut sources,
                );
                entry.tallies = behind.remove(e.id.as_str()).unwrap_or_default();
                entry
            })
            .collect();
        let mut by_date: Vec<u32> = (0..entries.len() as u32).collect();
        by_date.sort_by_key(|&i| {
            let e = &entries[i as usize];
            (e.first_day, e.last_day, i)
        });
        EventIndex {
            entries,
            by_date,
            actors,
            kinds,
            places,
            sources,
            tallies,
        }
    }

    fn entry(
        e: &Event,
        actor_text: &HashMap<&str, String>,
        actors: &mut Names,
        kinds: &mut Names,
        places: &mut Names,
        sources: &mut Names,
    ) -> Entry {
        let mut ids: Vec<u32> = e.actor_ids().map(|a| actors.intern(a)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut srcs: Vec<u32> = e
            .provenance
            .iter()
            .map(|p| sources.intern(&p.source))
            .collect();
        srcs.sort_unstable();
        srcs.dedup();
        let mut text = e.summary.clone();
        for p in &e.provenance {
            text.push(' ');
            text.push_str(&p.quote);
        }
        if let Some(place) = &e.place {
            text.push(' ');
            text.push_str(&place.name);
        }
        for a in e.actor_ids() {
            if let Some(t) = actor_text.get(a) {
                text.push(' ');
                text.push_str(t);
            }
        }
        Entry {
            first_day: e.date.first_day(),
            last_day: e.until.as_ref().unwrap_or(&e.date).last_day(),
            actors: ids,
            kind: kinds.intern(e.kind.as_str()),
            place: e.place.as_ref().map(|p| places.intern(&p.name)),
            sources: srcs,
            status: e.status.state,
            tallies: Vec::new(),
            text: fold(&text),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The events that match, oldest first, with the count for every option.
    pub fn apply(&self, f: &Filters) -> Outcome {
        let actors = self.actors.select(&f.actors);
        let kinds = self.kinds.select(&f.kinds);
        let places = self.places.select(&f.places);
        let sources = self.sources.select(&f.sources);
        let tallies = self.tallies.select(&f.tallies);
        let query = Query::new(&f.query);
        let from = f.from.map_or(i64::MIN, |d| d.first_day());
        let to = f.to.map_or(i64::MAX, |d| d.last_day());
        let any = |table: &Option<Vec<bool>>, ids: &[u32]| {
            table
                .as_ref()
                .is_none_or(|t| ids.iter().any(|&i| t[i as usize]))
        };

        let mut counts = Counter {
            actors: vec![0; self.actors.names.len()],
            kinds: vec![0; self.kinds.names.len()],
            places: vec![0; self.places.names.len()],
            sources: vec![0; self.sources.names.len()],
            statuses: [0; 4],
        };
        let mut events = Vec::new();
        for &i in &self.by_date {
            let e = &self.entries[i as usize];
            // One bit per facet that this event passes.
            let mut pass = 0u16;
            pass |= u16::from(any(&actors, &e.actors)) * Facet::Actor.bit();
            pass |= u16::from(any(&kinds, &[e.kind])) * Facet::Kind.bit();
            pass |= u16::from(match e.place {
                Some(p) => any(&places, &[p]),
                None => places.is_none(),
            }) * Facet::Place.bit();
            pass |= u16::from(any(&sources, &e.sources)) * Facet::Source.bit();
            pass |= u16::from(f.statuses.is_empty() || f.statuses.contains(&e.status))
                * Facet::Status.bit();
            pass |= u16::from(e.last_day >= from && e.first_day <= to) * Facet::Dates.bit();
            pass |= u16::from(query.matches(&e.text)) * Facet::Query.bit();
            pass |= u16::from(any(&tallies, &e.tallies)) * Facet::Tally.bit();

            if pass == ALL_FACETS {
                events.push(i as usize);
            }
            // An event counts towards a facet's options when it passes every other facet.
            let others = |facet: Facet| pass | facet.bit() == ALL_FACETS;
            if others(Facet::Actor) {
                for &a in &e.actors {
                    counts.actors[a as usize] += 1;
                }
            }
            if others(Facet::Kind) {
                counts.kinds[e.kind as usize] += 1;
            }
            if others(Facet::Place) {
                if let Some(p) = e.place {
                    counts.places[p as usize] += 1;
                }
            }
            if others(Facet::Source) {
                for &s in &e.sources {
                    counts.sources[s as usize] += 1;
                }
            }
            if others(Facet::Status) {
                counts.statuses[e.status as usize] += 1;
            }
        }
        Outcome {
            events,
            counts: counts.finish(self),
        }
    }
}

struct Counter {
    actors: Vec<usize>,
    kinds: Vec<usize>,
    places: Vec<usize>,
    sources: Vec<usize>,
    statuses: [usize; 4],
}

impl Counter {
    fn finish(self, index: &EventIndex) -> FacetCounts {
        let options = |names: &Names, counts: Vec<usize>| -> Vec<OptionCount> {
            names
                .names
                .iter()
                .zip(counts)
                .map(|(value, count)| OptionCount {
                    value: value.clone(),
                    count,
                })
                .collect()
        };
        let mut kinds = options(&index.kinds, self.kinds);
        kinds.sort_by(|a, b| a.value.cmp(&b.value));
        let mut places = options(&index.places, self.places);
        places.sort_by_key(|o| o.value.to_lowercase());
        FacetCounts {
            actors: options(&index.actors, self.actors),
            kinds,
            places,
            sources: options(&index.sources, self.sources),
            statuses: StatusState::ALL
                .iter()
                .map(|&s| (s, self.statuses[s as usize]))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::first_story;

    fn ids(ds: &Dataset, out: &Outcome) -> Vec<String> {
        out.events
            .iter()
            .map(|&i| ds.events[i].id.clone())
            .collect()
    }

    fn count(list: &[OptionCount], value: &str) -> usize {
        list.iter()
            .find(|o| o.value == value)
            .map_or(0, |o| o.count)
    }

    #[test]
    fn no_filters_show_everything_oldest_first() {
        let ds = first_story().unwrap();
        let out = EventIndex::new(&ds).apply(&Filters::default());
        assert_eq!(out.events.len(), ds.events.len());
        let days: Vec<i64> = out
            .events
            .iter()
            .map(|&i| ds.events[i].date.first_day())
            .collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn options_within_a_facet_are_alternatives() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let f = Filters {
            actors: [
                "osama-hamdan".to_owned(),
                "hussein-ibrahim-makki".to_owned(),
            ]
            .into(),
            ..Filters::default()
        };
        let got = ids(&ds, &index.apply(&f));
        assert_eq!(
            got,
            [
                "e-makki-killed",
                "e-idf-confirms-makki",
                "e-beirut-meeting",
                "e-hezbollah-retaliation"
            ]
        );
    }

    #[test]
    fn facets_combine_and_counts_follow_the_other_facets() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let f = Filters {
            actors: ["hezbollah".to_owned()].into(),
            kinds: ["statement".to_owned()].into(),
            ..Filters::default()
        };
        let out = index.apply(&f);
        assert_eq!(ids(&ds, &out), ["e-hezbollah-retaliation"]);
        // Kind counts ignore the kind facet but respect the actor facet.
        let hezbollah_events = ds
            .events
            .iter()
            .filter(|e| e.actor_ids().any(|a| a == "hezbollah"))
            .count();
        let kind_total: usize = out.counts.kinds.iter().map(|o| o.count).sum();
        assert_eq!(kind_total, hezbollah_events);
        assert_eq!(count(&out.counts.kinds, "claim_of_responsibility"), 1);
        // Actor counts respect the kind facet.
        assert_eq!(count(&out.counts.actors, "hezbollah"), 1);
        assert_eq!(count(&out.counts.actors, "israeli-military"), 1);
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let search = |q: &str| {
            ids(
                &ds,
                &index.apply(&Filters {
                    query: q.to_owned(),
                    ..Filters::default()
                }),
            )
        };
        assert_eq!(search("hayya"), ["e-beirut-meeting"]);
        assert_eq!(search("AROURI"), ["e-haniyeh-arouri-talks"]);
        // Aliases count: "IDF" is an alias of the Israeli military.
        assert!(search("idf").contains(&"e-makki-killed".to_owned()));
        // Quotes count: "Katyusha" is only in the claim's quote and summary.
        assert_eq!(search("katyusha"), ["e-hermon-claim"]);
        assert!(search("no such words anywhere").is_empty());
    }

    #[test]
    fn date_ranges_overlap_spans() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let f = Filters {
            from: Some(PartialDate::day(2024, 4, 10)),
            to: Some(PartialDate::day(2024, 4, 20)),
            ..Filters::default()
        };
        let got = ids(&ds, &index.apply(&f));
        // The April talks (month only) and the continuing series and exchange of fire overlap.
        assert_eq!(
            got,
            [
                "e-nasrallah-meetings",
                "e-cross-border-fire",
                "e-haniyeh-arouri-talks"
            ]
        );
    }

    #[test]
    fn status_and_source_facets() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let f = Filters {
            statuses: [StatusState::Claimed].into(),
            ..Filters::default()
        };
        assert_eq!(
            ids(&ds, &index.apply(&f)),
            ["e-hermon-claim", "e-shebaa-strike"]
        );
        let f = Filters {
            sources: ["al-manar".to_owned()].into(),
            ..Filters::default()
        };
        assert_eq!(ids(&ds, &index.apply(&f)), ["e-beirut-talks-agenda"]);
    }

    #[test]
    fn unknown_values_select_nothing() {
        let ds = first_story().unwrap();
        let f = Filters {
            actors: ["nobody".to_owned()].into(),
            ..Filters::default()
        };
        assert!(EventIndex::new(&ds).apply(&f).events.is_empty());
    }
}
