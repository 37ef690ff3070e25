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

use crate::base::fold::{fold, Query};
use crate::base::gather::Gather;
use crate::base::hash::NameMap;
use crate::base::set::Set;
use crate::format::date::PartialDate;
use crate::format::model::{Actor, Dataset, Event, Status};
use crate::format::vocab::StatusState;

/// The Status facet's options: whose word an event rests on (its state),
/// and whether someone denies it or has not acknowledged it. An event may
/// have several ("Alleged" and "Denied").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Standing {
    State(StatusState),
    Denied,
    NotAcknowledged,
}

impl Standing {
    /// Every option, in the facet's order.
    pub fn all() -> impl Iterator<Item = Standing> {
        StatusState::ALL
            .iter()
            .map(|&s| Standing::State(s))
            .chain([Standing::Denied, Standing::NotAcknowledged])
    }

    /// As written in a link (`st=alleged`, `st=denied`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Standing::State(s) => s.as_str(),
            Standing::Denied => "denied",
            Standing::NotAcknowledged => "not_acknowledged",
        }
    }

    /// As the facet and its chip read it.
    pub fn label(&self) -> &'static str {
        match self {
            Standing::State(s) => s.label(),
            Standing::Denied => "Denied",
            Standing::NotAcknowledged => "Not acknowledged",
        }
    }

    pub fn parse(s: &str) -> Option<Standing> {
        Standing::all().find(|o| o.as_str() == s)
    }

    /// The options an event's status has.
    pub fn of(status: &Status) -> impl Iterator<Item = Standing> + '_ {
        std::iter::once(Standing::State(status.state))
            .chain((!status.denied_by.is_empty()).then_some(Standing::Denied))
            .chain((!status.not_acknowledged_by.is_empty()).then_some(Standing::NotAcknowledged))
    }

    /// Its place in [`Standing::all`], and its bit in a row's set.
    fn index(&self) -> usize {
        match self {
            Standing::State(s) => *s as usize,
            Standing::Denied => StatusState::ALL.len(),
            Standing::NotAcknowledged => StatusState::ALL.len() + 1,
        }
    }
}

/// How many options the Status facet has.
const STANDINGS: usize = StatusState::ALL.len() + 2;

/// The reader's filters. Empty sets and `None` mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Actor ids.
    pub actors: Set<String>,
    /// Event kind names (`"meeting"`).
    pub kinds: Set<String>,
    /// Place names as written in the dataset.
    pub places: Set<String>,
    /// Source ids: events with at least one provenance entry from one of them.
    pub sources: Set<String>,
    pub statuses: Set<Standing>,
    /// First day of the range; events that overlap the range match.
    pub from: Option<PartialDate>,
    /// Last day of the range.
    pub to: Option<PartialDate>,
    /// Free text over summaries, quotes, places and actor names and aliases.
    pub query: String,
    /// Tally ids: events behind one of these casualty figures.
    pub tallies: Set<String>,
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
            + usize::from(self.searches())
            + self.tallies.len()
    }

    /// Whether the search has a word to look for: one of emoji or
    /// punctuation only ("🚀", "!!!") leaves every event, and is no filter.
    pub fn searches(&self) -> bool {
        !Query::new(&self.query).is_empty()
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
    /// Every state; "Denied" and "Not acknowledged" only when the story has them.
    pub statuses: Vec<(Standing, usize)>,
}

/// The result of applying filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `dataset.events` of the matching events, oldest first.
    pub events: Vec<usize>,
    pub counts: FacetCounts,
    /// For each of the dataset's tallies, in its order: whether a matching
    /// event is one it cites (or it cites none).
    pub reported: Vec<bool>,
}

/// Interned strings: each distinct value gets a small number.
#[derive(Debug, Default, Clone)]
struct Names {
    names: Vec<String>,
    lookup: NameMap<u32>,
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
    fn select(&self, chosen: &Set<String>) -> Option<Vec<bool>> {
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

/// The positions `0..keys.len()` in the order of their keys.
fn listing(keys: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).gather();
    crate::base::order::sort_by(&mut order, |&a, &b| keys[a].cmp(&keys[b]));
    order
}

/// One event as the index first reads it, before it is laid out flat.
struct Entry {
    first_day: i64,
    last_day: i64,
    actors: Vec<u32>,
    kind: u32,
    place: Option<u32>,
    sources: Vec<u32>,
    /// One bit per [`Standing`] the event has.
    standing: u8,
    /// The casualty figures this event reports.
    tallies: Vec<u32>,
    /// Folded summary, quotes and victims.
    text: String,
}

/// The fixed-size part of an event, as the filter reads it.
#[derive(Debug, Clone, Copy)]
struct Row {
    first_day: i64,
    last_day: i64,
    kind: u32,
    /// `NO_PLACE` when the event has none.
    place: u32,
    /// One bit per [`Standing`] the event has.
    standing: u8,
}

const NO_PLACE: u32 = u32::MAX;

/// A list of ids per event, flattened: event `p`'s are
/// `items[offsets[p]..offsets[p + 1]]`.
#[derive(Debug, Clone)]
struct Lists {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Default for Lists {
    fn default() -> Self {
        Lists {
            offsets: vec![0],
            items: Vec::new(),
        }
    }
}

impl Lists {
    fn push(&mut self, ids: &[u32]) {
        self.items.extend_from_slice(ids);
        self.offsets.push(self.items.len() as u32);
    }

    fn get(&self, p: usize) -> &[u32] {
        &self.items[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }
}

/// A dataset's events, prepared for filtering. Build it once per dataset.
///
/// The events are laid out flat and oldest first (by first day, then last
/// day, then dataset order): a filter is then one pass straight through a
/// few arrays of integers, rather than a hop to each event's own small
/// allocations. After the page has been redrawn those are out of the CPU's
/// caches, and the hops cost several times the work.
#[derive(Debug, Clone)]
pub struct EventIndex {
    /// The dataset index of the event at each position.
    order: Vec<u32>,
    rows: Vec<Row>,
    event_actors: Lists,
    event_sources: Lists,
    event_tallies: Lists,
    /// Folded summary, quotes (each once), victims and note; read only for
    /// a search, and only for the words the event's actors, place and
    /// sources did not give. An actor's names are folded once, not once an event. All in
    /// one string, where event `p`'s ends at `text_end[p]`: a search reads
    /// it from start to end, not from 100,000 places in memory.
    text: String,
    text_end: Vec<u32>,
    /// Folded name and aliases of each actor, and name of each place and
    /// source (by their index in `actors`, `places` and `sources`).
    actor_text: Vec<String>,
    place_text: Vec<String>,
    source_text: Vec<String>,
    actors: Names,
    kinds: Names,
    places: Names,
    sources: Names,
    tallies: Names,
    /// For each tally, by its number: whether it cites no event.
    uncited: Vec<bool>,
    /// The order each facet lists its options in, found once a story:
    /// actors and sources as the story lists them, kinds by value and
    /// places by their folded name, as a search reads it (an export names
    /// thousands of places, too many to sort on every tick).
    orders: [Vec<usize>; 4],
    /// The first and last day any event covers, and every event's parts:
    /// what the views read of the whole story, once a story.
    extent: Option<(i64, i64)>,
    parts: crate::format::model::PartsIndex,
}

impl EventIndex {
    /// The first and last day any event covers (days since 1970-01-01).
    pub fn extent(&self) -> Option<(i64, i64)> {
        self.extent
    }

    /// The actor of `ds` (the dataset this index was built from) with this
    /// id, from the index's table: a walk through every actor for each
    /// name on each card costs a network of thousands a millisecond a tick.
    pub fn actor<'a>(&self, ds: &'a Dataset, id: &str) -> Option<&'a Actor> {
        let &i = self.actors.lookup.get(id)?;
        ds.actors.get(i as usize).filter(|a| a.id == id)
    }

    /// The parts of the event at dataset index `whole`.
    pub fn parts_of(&self, whole: usize) -> impl Iterator<Item = usize> + '_ {
        self.parts.of(whole)
    }

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
        // The source each listed source reached the article through: an
        // event that cites "the military, via news outlets" is one the
        // outlets carried, and is found and counted under them too.
        let via: Vec<Option<u32>> = ds
            .sources
            .iter()
            .map(|s| s.via.as_deref().map(|v| sources.intern(v)))
            .gather();
        let mut actor_text = vec![String::new(); actors.names.len()];
        for a in &ds.actors {
            let mut t = a.name.clone();
            for alias in &a.aliases {
                t.push(' ');
                t.push_str(alias);
            }
            actor_text[actors.lookup[a.id.as_str()] as usize] = fold(&t);
        }
        let mut tallies = Names::default();
        // The events the tallies cite, interned, each with the tallies
        // that cite it (interned names rather than a map of lists: the
        // download carries one map's code).
        let (mut cited, mut behind) = (Names::default(), Vec::<Vec<u32>>::new());
        for t in &ds.tallies {
            let i = tallies.intern(&t.id);
            for e in &t.events {
                let k = cited.intern(e) as usize;
                if k == behind.len() {
                    behind.push(Vec::new());
                }
                behind[k].push(i);
            }
        }
        // Exactly the room the story's events need: a list of 100,000
        // grown by doubling would be copied over again as it grows.
        let mut entries: Vec<(u32, Entry)> = Vec::with_capacity(ds.events.len());
        let each_event = ds.events.iter().enumerate().map(|(i, e)| {
            let mut entry = Self::entry(
                ds,
                e,
                &mut actors,
                &mut kinds,
                &mut places,
                (&mut sources, &via),
            );
            entry.tallies = match cited.lookup.get(e.id.as_str()) {
                Some(&k) => std::mem::take(&mut behind[k as usize]),
                None => Vec::new(),
            };
            (i as u32, entry)
        });
        crate::base::gather::push_all(&mut entries, each_event);
        // By day, then by time of day where the text gives one (an event
        // with none first, as the timeline draws it), then as listed.
        crate::base::order::sort_by_key(&mut entries, |(i, e)| {
            let time = ds.events[*i as usize].time_of_day;
            (
                e.first_day,
                e.last_day,
                time.map_or(0, |t| t as usize + 1),
                *i,
            )
        });

        let place_text: Vec<String> = places.names.iter().map(|p| fold(p)).gather();
        // (A source an event cites but the story does not list has no name.)
        let mut source_text = vec![String::new(); sources.names.len()];
        for s in &ds.sources {
            source_text[sources.lookup[s.id.as_str()] as usize] = fold(&s.name);
        }
        let mut index = EventIndex {
            order: Vec::with_capacity(entries.len()),
            rows: Vec::with_capacity(entries.len()),
            event_actors: Lists::default(),
            event_sources: Lists::default(),
            event_tallies: Lists::default(),
            text: String::new(),
            text_end: Vec::with_capacity(entries.len()),
            actor_text,
            orders: [
                (0..actors.names.len()).gather(),
                listing(&kinds.names),
                listing(&place_text),
                (0..sources.names.len()).gather(),
            ],
            place_text,
            source_text,
            actors,
            kinds,
            places,
            sources,
            uncited: ds.tallies.iter().map(|t| t.events.is_empty()).gather(),
            tallies,
            extent: ds.date_extent(),
            parts: ds.parts_index(),
        };
        // A source no event cites, nor comes through, has no events to
        // show: it is not offered. (std's `retain` here, not `gather::keep`:
        // `keep` measured 244 B gzip more on the first story's download.)
        let mut cites = vec![false; index.sources.names.len()];
        for (i, e) in entries {
            for &s in &e.sources {
                cites[s as usize] = true;
            }
            index.order.push(i);
            index.rows.push(Row {
                first_day: e.first_day,
                last_day: e.last_day,
                kind: e.kind,
                place: e.place.unwrap_or(NO_PLACE),
                standing: e.standing,
            });
            index.event_actors.push(&e.actors);
            index.event_sources.push(&e.sources);
            index.event_tallies.push(&e.tallies);
            index.text.push_str(&e.text);
            index.text_end.push(index.text.len() as u32);
        }
        index.orders[3].retain(|&s| cites[s]);
        index
    }

    fn entry(
        ds: &Dataset,
        e: &Event,
        actors: &mut Names,
        kinds: &mut Names,
        places: &mut Names,
        (sources, via): (&mut Names, &[Option<u32>]),
    ) -> Entry {
        // A status may name a source: only actors are in the actor facet.
        let mut ids: Vec<u32> = ds
            .actor_ids(e)
            .filter_map(|a| actors.lookup.get(a).copied())
            .gather();
        crate::base::order::sort(&mut ids);
        ids.dedup();
        // Each source cited, and those it came through (a chain no longer
        // than the table, so that a circle of sources ends).
        let mut srcs = Vec::new();
        for p in &e.provenance {
            let mut at = sources.intern(&p.source);
            srcs.push(at);
            for _ in 0..via.len() {
                match via.get(at as usize) {
                    Some(&Some(v)) => at = v,
                    _ => break,
                }
                srcs.push(at);
            }
        }
        crate::base::order::sort(&mut srcs);
        srcs.dedup();
        // A quote that is already in the text (often the summary itself)
        // is not searched twice.
        let mut text = e.summary.clone();
        for p in &e.provenance {
            if !crate::base::text::has(&text, &p.quote) {
                text.push(' ');
                text.push_str(&p.quote);
            }
        }
        let victims = ds
            .participants_of(e)
            .iter()
            .filter_map(|p| p.victims.as_deref());
        for v in victims.chain(e.note.as_deref()) {
            text.push(' ');
            text.push_str(v);
        }
        let (first_day, last_day) = ds.days_of(e);
        Entry {
            first_day,
            last_day,
            actors: ids,
            kind: kinds.intern(e.kind.as_str()),
            place: ds.place_of(e).map(|p| places.intern(&p.name)),
            sources: srcs,
            standing: Standing::of(ds.status_of(e)).fold(0, |bits, s| bits | 1 << s.index()),
            tallies: Vec::new(),
            text: fold(&text),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The events that match, oldest first, with the count for every option.
    pub fn apply(&self, f: &Filters) -> Outcome {
        let actors = self.actors.select(&f.actors);
        let kinds = self.kinds.select(&f.kinds);
        let places = self.places.select(&f.places);
        let sources = self.sources.select(&f.sources);
        let tallies = self.tallies.select(&f.tallies);
        let query = Query::new(&f.query);
        let searching = !query.is_empty();
        // The words of the query each actor's names, each place's name and
        // each source's name hold, found once for the whole search.
        let words_in =
            |texts: &[String]| -> Vec<u64> { texts.iter().map(|t| query.found(t, 0)).gather() };
        let (actor_found, place_found, source_found) = if searching {
            (
                words_in(&self.actor_text),
                words_in(&self.place_text),
                words_in(&self.source_text),
            )
        } else {
            Default::default()
        };
        let found = |p: usize, row: &Row, actors: &[u32], sources: &[u32]| {
            let mut had = actors.iter().fold(0, |m, &a| m | actor_found[a as usize]);
            had = sources
                .iter()
                .fold(had, |m, &s| m | source_found[s as usize]);
            if row.place != NO_PLACE {
                had |= place_found[row.place as usize];
            }
            let start = p.checked_sub(1).map_or(0, |q| self.text_end[q] as usize);
            let text = self.text.get(start..self.text_end[p] as usize);
            query.found(text.unwrap_or_default(), had) == query.all()
        };
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
            statuses: [0; STANDINGS],
        };
        let wanted = f.statuses.iter().fold(0u8, |bits, s| bits | 1 << s.index());
        let mut events = Vec::new();
        // Tallies are interned in the dataset's order (their ids are
        // unique), so a tally's number is its place in `dataset.tallies`.
        let mut reported = self.uncited.clone();
        for (p, row) in self.rows.iter().enumerate() {
            let (event_actors, event_sources) =
                (self.event_actors.get(p), self.event_sources.get(p));
            // One bit per facet that this event passes.
            let mut pass = 0u16;
            pass |= u16::from(any(&actors, event_actors)) * Facet::Actor.bit();
            pass |= u16::from(any(&kinds, &[row.kind])) * Facet::Kind.bit();
            pass |= u16::from(if row.place == NO_PLACE {
                places.is_none()
            } else {
                any(&places, &[row.place])
            }) * Facet::Place.bit();
            pass |= u16::from(any(&sources, event_sources)) * Facet::Source.bit();
            pass |= u16::from(wanted == 0 || row.standing & wanted != 0) * Facet::Status.bit();
            pass |= u16::from(row.last_day >= from && row.first_day <= to) * Facet::Dates.bit();
            pass |= u16::from(tallies.is_none() || any(&tallies, self.event_tallies.get(p)))
                * Facet::Tally.bit();
            // The search reads the event's text, the dearest test: it can
            // change nothing for an event that already fails two facets (it
            // is neither shown nor counted toward any option), so it is
            // read only where it can.
            let failed = (ALL_FACETS & !Facet::Query.bit() & !pass).count_ones();
            pass |=
                u16::from(!searching || (failed < 2 && found(p, row, event_actors, event_sources)))
                    * Facet::Query.bit();

            if pass == ALL_FACETS {
                events.push(self.order[p] as usize);
                for &t in self.event_tallies.get(p) {
                    reported[t as usize] = true;
                }
            }
            // An event counts towards a facet's options when it passes every other facet.
            let others = |facet: Facet| pass | facet.bit() == ALL_FACETS;
            if others(Facet::Actor) {
                for &a in event_actors {
                    counts.actors[a as usize] += 1;
                }
            }
            if others(Facet::Kind) {
                counts.kinds[row.kind as usize] += 1;
            }
            if others(Facet::Place) && row.place != NO_PLACE {
                counts.places[row.place as usize] += 1;
            }
            if others(Facet::Source) {
                for &s in event_sources {
                    counts.sources[s as usize] += 1;
                }
            }
            if others(Facet::Status) {
                for (k, n) in counts.statuses.iter_mut().enumerate() {
                    *n += usize::from(row.standing >> k & 1);
                }
            }
        }
        Outcome {
            events,
            counts: counts.finish(self),
            reported,
        }
    }
}

struct Counter {
    actors: Vec<usize>,
    kinds: Vec<usize>,
    places: Vec<usize>,
    sources: Vec<usize>,
    statuses: [usize; STANDINGS],
}

impl Counter {
    fn finish(self, index: &EventIndex) -> FacetCounts {
        let [actors, kinds, places, sources] = &index.orders;
        let listed = |names: &Names, counts: &[usize], order: &[usize]| {
            let mut out = Vec::with_capacity(order.len());
            for &i in order {
                out.push(OptionCount {
                    value: names.names[i].clone(),
                    count: counts[i],
                });
            }
            out
        };
        FacetCounts {
            actors: listed(&index.actors, &self.actors, actors),
            kinds: listed(&index.kinds, &self.kinds, kinds),
            places: listed(&index.places, &self.places, places),
            sources: listed(&index.sources, &self.sources, sources),
            statuses: Standing::all()
                .filter(|s| {
                    matches!(s, Standing::State(_))
                        || index.rows.iter().any(|r| r.standing >> s.index() & 1 == 1)
                })
                .map(|s| (s, self.statuses[s.index()]))
                .gather(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;

    fn ids(ds: &Dataset, out: &Outcome) -> Vec<String> {
        out.events
            .iter()
            .map(|&i| ds.events[i].id.clone())
            .collect()
    }

    /// The ids of the events a search finds, every other facet open.
    fn searched(ds: &Dataset, index: &EventIndex, query: &str) -> Vec<String> {
        let f = Filters {
            query: query.to_owned(),
            ..Filters::default()
        };
        ids(ds, &index.apply(&f))
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
    #[cfg(not(target_arch = "wasm32"))]
    fn options_are_listed_in_their_order_on_every_tick() {
        let mut ds = crate::import::generate::dataset(60, 3);
        let names = ["beirut", "Aleppo", "tyre", "Zahle", "Sidon", "akkar"];
        for (i, e) in ds.events.iter_mut().enumerate() {
            if let Some(p) = e.place.as_mut() {
                p.name = names[i % names.len()].to_owned();
            }
        }
        let values = |list: &[OptionCount]| -> Vec<String> {
            list.iter().map(|o| o.value.clone()).collect()
        };
        let index = EventIndex::new(&ds);
        let first = index.apply(&Filters::default());
        let places = values(&first.counts.places);
        assert_eq!(
            places,
            ["akkar", "Aleppo", "beirut", "Sidon", "tyre", "Zahle"]
        );
        let kinds = values(&first.counts.kinds);
        assert!(kinds.windows(2).all(|w| w[0] < w[1]), "{kinds:?}");
        let actors = values(&first.counts.actors);
        let listed: Vec<&str> = ds.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(actors[..listed.len()], listed[..]);
        // A tick changes the counts, never the order.
        let ticked = index.apply(&Filters {
            places: ["tyre".to_owned()].into(),
            kinds: [kinds[0].to_owned()].into(),
            ..Filters::default()
        });
        assert_eq!(values(&ticked.counts.places), places);
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
                // The same Tuesday: no time given, then "night".
                "e-idf-confirms-makki",
                "e-makki-killed",
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
            .filter(|e| ds.actor_ids(e).any(|a| a == "hezbollah"))
            .count();
        let kind_total: usize = out.counts.kinds.iter().map(|o| o.count).sum();
        assert_eq!(kind_total, hezbollah_events);
        assert_eq!(count(&out.counts.kinds, "claim_of_responsibility"), 1);
        // Actor counts respect the kind facet.
        assert_eq!(count(&out.counts.actors, "hezbollah"), 1);
        assert_eq!(count(&out.counts.actors, "israeli-military"), 1);
    }

    #[test]
    fn a_tally_is_reported_by_any_event_it_cites_that_passes_and_always_when_it_cites_none() {
        let mut ds = first_story().unwrap();
        let at = |ds: &Dataset, id: &str| ds.tallies.iter().position(|t| t.id == id).unwrap();
        let (soldiers, civilians) = (at(&ds, "t-israel-soldiers"), at(&ds, "t-lebanon-civilians"));
        // Israel's soldiers cite a second event; Lebanon's civilians none.
        ds.tallies[soldiers]
            .events
            .push("e-hermon-salvo".to_owned());
        ds.tallies[civilians].events.clear();
        let index = EventIndex::new(&ds);
        let only = |id: &str| {
            index.apply(&Filters {
                query: ds.event(id).unwrap().summary.clone(),
                ..Filters::default()
            })
        };
        let salvo = only("e-hermon-salvo");
        assert_eq!(ids(&ds, &salvo), ["e-hermon-salvo"]);
        assert!(salvo.reported[soldiers], "cited through its second event");
        assert!(salvo.reported[civilians], "cites no event");
        assert!(!salvo.reported[at(&ds, "t-israel-civilians")]);
        let toll = only("e-israel-toll");
        assert!(toll.reported[soldiers] && toll.reported[at(&ds, "t-israel-civilians")]);
        assert!(!toll.reported[at(&ds, "t-hezbollah-members")]);
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let search = |q: &str| searched(&ds, &index, q);
        assert_eq!(search("hayya"), ["e-beirut-meeting"]);
        assert_eq!(search("AROURI"), ["e-haniyeh-arouri-talks"]);
        // Aliases count: "IDF" is an alias of the Israeli military.
        assert!(search("idf").contains(&"e-makki-killed".to_owned()));
        // Quotes count: "Katyusha" is only in the claim's quote and summary.
        assert_eq!(search("katyusha"), ["e-hermon-claim"]);
        assert!(search("no such words anywhere").is_empty());
    }

    #[test]
    fn search_reads_source_names_and_notes() {
        let mut ds = first_story().unwrap();
        // An importer's note names the row the event came from.
        ds.events[3].note = Some("ACLED event LEB31337: no civilian targeting.".to_owned());
        let index = EventIndex::new(&ds);
        let search = |q: &str| searched(&ds, &index, q);
        assert_eq!(search("leb31337"), [ds.events[3].id.clone()]);
        // A source's name: "a Hezbollah statement on its website" finds
        // the event it reports, whose own words never say "website".
        let reported: Vec<&Event> = ds
            .events
            .iter()
            .filter(|e| e.provenance.iter().any(|p| p.source == "hezbollah-website"))
            .collect();
        assert_eq!(reported.len(), 1);
        let own = reported[0].provenance.iter().map(|p| p.quote.as_str());
        assert!(!own
            .chain([reported[0].summary.as_str()])
            .any(|t| fold(t).contains("website")));
        assert_eq!(search("WEBSITE"), [reported[0].id.clone()]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// The search finds what a search of each event's whole text
        /// (summary, quotes, place, its actors' names and aliases, victims,
        /// its sources' names, its note)
        /// finds, though the index reads actors' and places' names once.
        #[test]
        fn the_search_reads_every_text_of_an_event(
            seed in 0u32..500,
            picks in proptest::collection::vec((0usize..1000, 0usize..3, 1usize..4), 1..3),
        ) {
            let ds = crate::import::generate::dataset(80, seed);
            let whole = |e: &Event| {
                let mut t = e.summary.clone();
                for p in &e.provenance {
                    t = t + " " + &p.quote;
                }
                if let Some(place) = ds.place_of(e) {
                    t = t + " " + &place.name;
                }
                for a in ds.actor_ids(e) {
                    if let Some(a) = ds.actors.iter().find(|x| x.id == a) {
                        t = t + " " + &a.name + " " + &a.aliases.join(" ");
                    }
                }
                for v in ds.participants_of(e).iter().filter_map(|p| p.victims.as_deref()) {
                    t = t + " " + v;
                }
                for p in &e.provenance {
                    if let Some(s) = ds.source(&p.source) {
                        t = t + " " + &s.name;
                    }
                }
                if let Some(note) = &e.note {
                    t = t + " " + note;
                }
                fold(&t)
            };
            let texts: Vec<String> = ds.events.iter().map(whole).collect();
            let words: Vec<&str> = texts.iter().flat_map(|t| t.split(' ')).collect();
            // Words (or pieces of words) of the story, one to three of them.
            let query: Vec<String> = picks
                .iter()
                .map(|&(at, from, len)| {
                    let w = words[at % words.len()];
                    let from = from.min(w.len().saturating_sub(1));
                    w.get(from..(from + len).min(w.len())).unwrap_or(w).to_owned()
                })
                .collect();
            let query = query.join(" ");
            let index = EventIndex::new(&ds);
            let mut out = index
                .apply(&Filters { query: query.clone(), ..Filters::default() })
                .events;
            out.sort_unstable();
            let q = Query::new(&query);
            let expected: Vec<usize> = (0..texts.len()).filter(|&i| q.matches(&texts[i])).collect();
            proptest::prop_assert_eq!(out, expected, "{:?}", query);
        }
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
    fn a_period_ends_by_the_story_s_publication() {
        // Known only to its month, in the month the story was published
        // (15 May 2024): it happened by that day, not in the rest of May.
        let mut ds = first_story().unwrap();
        ds.events[0].date = PartialDate::month(2024, 5);
        ds.events[0].until = None;
        let published = PartialDate::day(2024, 5, 15).first_day();
        assert_eq!(
            ds.days_of(&ds.events[0]),
            (PartialDate::day(2024, 5, 1).first_day(), published)
        );
        let index = EventIndex::new(&ds);
        assert_eq!(index.extent().map(|(_, last)| last), Some(published));
        let after = Filters {
            from: Some(PartialDate::day(2024, 5, 16)),
            ..Filters::default()
        };
        assert!(index.apply(&after).events.is_empty());
    }

    #[test]
    fn status_and_source_facets() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        let f = Filters {
            statuses: [Standing::State(StatusState::Claimed)].into(),
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
    fn the_index_finds_each_actor_by_id_and_no_other() {
        let ds = first_story().unwrap();
        let index = EventIndex::new(&ds);
        for a in &ds.actors {
            assert_eq!(index.actor(&ds, &a.id).map(|b| &b.id), Some(&a.id));
        }
        assert!(index.actor(&ds, "nobody").is_none());
        // A source named by a status is interned but is no actor.
        for s in &ds.sources {
            if ds.actors.iter().all(|a| a.id != s.id) {
                assert!(index.actor(&ds, &s.id).is_none(), "{}", s.id);
            }
        }
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

    /// The index against a plain reading of the dataset, event by event:
    /// the same events in the same order, and the same count for every
    /// option, for any combination of filters on a generated story.
    #[cfg(not(target_arch = "wasm32"))]
    mod against_the_dataset {
        use super::*;
        use crate::import::generate;
        use proptest::prelude::*;
        use std::collections::{BTreeMap, BTreeSet};

        fn pick<T: Clone + Ord>(all: &[T], mask: u64) -> Set<T> {
            all.iter()
                .enumerate()
                .filter(|(i, _)| mask >> (i % 64) & 1 == 1)
                .map(|(_, v)| v.clone())
                .collect()
        }

        /// Which facets one event passes, read straight from the dataset.
        fn passes(ds: &Dataset, e: &Event, f: &Filters, found: bool) -> [(Facet, bool); 8] {
            let (first, last) = ds.days_of(e);
            [
                (
                    Facet::Actor,
                    f.actors.is_empty() || ds.actor_ids(e).any(|a| f.actors.contains(a)),
                ),
                (
                    Facet::Kind,
                    f.kinds.is_empty() || f.kinds.contains(e.kind.as_str()),
                ),
                (
                    Facet::Place,
                    f.places.is_empty()
                        || ds.place_of(e).is_some_and(|p| f.places.contains(&p.name)),
                ),
                (
                    Facet::Source,
                    f.sources.is_empty() || carriers(ds, e).iter().any(|s| f.sources.contains(s)),
                ),
                (
                    Facet::Status,
                    f.statuses.is_empty()
                        || Standing::of(ds.status_of(e)).any(|s| f.statuses.contains(&s)),
                ),
                (
                    Facet::Dates,
                    f.from.is_none_or(|d| last >= d.first_day())
                        && f.to.is_none_or(|d| first <= d.last_day()),
                ),
                (
                    Facet::Tally,
                    f.tallies.is_empty()
                        || ds
                            .tallies
                            .iter()
                            .any(|t| f.tallies.contains(&t.id) && t.events.contains(&e.id)),
                ),
                (Facet::Query, found),
            ]
        }

        /// The sources an event cites and every source they came through.
        fn carriers(ds: &Dataset, e: &Event) -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            for p in &e.provenance {
                let mut at = Some(p.source.clone());
                while let Some(id) = at.filter(|id| seen.insert(id.clone())) {
                    at = ds.source(&id).and_then(|s| s.via.clone());
                }
            }
            seen
        }

        fn counted(list: &[OptionCount]) -> BTreeMap<String, usize> {
            list.iter()
                .filter(|o| o.count > 0)
                .map(|o| (o.value.clone(), o.count))
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn the_index_agrees_with_the_dataset(
                seed in 0u32..1000,
                masks in prop::array::uniform7(prop_oneof![Just(0u64), any::<u64>()]),
                from in prop::option::of(0i64..300),
                span in 0i64..300,
                query in prop_oneof![Just(""), Just("near"), Just("a"), Just("the strike")],
            ) {
                let mut ds = generate::dataset(150, seed);
                // Some sources reached the article through another, in a
                // chain, and one through a circle: they are found and
                // counted under every source they came through.
                let n = ds.sources.len();
                for (i, s) in ds.sources.iter_mut().enumerate().skip(1) {
                    if seed >> (i % 8) & 1 == 1 {
                        s.via = Some(format!("s-{}", if i == 2 { n - 1 } else { i - 1 }));
                    }
                }
                // And one no event cites (a tally's, say).
                let mut unused = ds.sources[0].clone();
                unused.id = "s-unused".to_owned();
                ds.sources.push(unused);
                let kinds: BTreeSet<String> = ds.events.iter().map(|e| e.kind.as_str().to_owned()).collect();
                let places: BTreeSet<String> = ds.events.iter().filter_map(|e| e.place.as_ref().map(|p| p.name.clone())).collect();
                let start = PartialDate::day(2023, 10, 7).first_day();
                let day = |d: i64| PartialDate::from_days(start + d);
                let f = Filters {
                    actors: pick(&ds.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), masks[0]),
                    kinds: pick(&kinds.into_iter().collect::<Vec<_>>(), masks[1]),
                    places: pick(&places.into_iter().collect::<Vec<_>>(), masks[2]),
                    sources: pick(&ds.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), masks[3]),
                    statuses: pick(&Standing::all().collect::<Vec<_>>(), masks[4]),
                    tallies: pick(&ds.tallies.iter().map(|t| t.id.clone()).collect::<Vec<_>>(), masks[5]),
                    from: from.map(day),
                    to: from.map(|d| day(d + span)).filter(|_| masks[6] & 1 == 1),
                    query: query.to_owned(),
                };
                let index = EventIndex::new(&ds);
                let out = index.apply(&f);
                // What the search finds on its own, every other facet open.
                let alone = index.apply(&Filters { query: query.to_owned(), ..Filters::default() }).events;
                let found = |i: usize| alone.contains(&i);

                let mut expected: Vec<usize> = (0..ds.events.len())
                    .filter(|&i| passes(&ds, &ds.events[i], &f, found(i)).iter().all(|(_, ok)| *ok))
                    .collect();
                expected.sort_by_key(|&i| {
                    let e = &ds.events[i];
                    (ds.days_of(e), i)
                });
                prop_assert_eq!(&out.events, &expected);
                // A tally is reported when a matching event is one it cites,
                // or when it cites none.
                let reported: Vec<bool> = ds
                    .tallies
                    .iter()
                    .map(|t| {
                        t.events.is_empty()
                            || expected.iter().any(|&i| t.events.contains(&ds.events[i].id))
                    })
                    .collect();
                prop_assert_eq!(&out.reported, &reported);

                // An option's count: events that pass every other facet and have it.
                let mut actors = BTreeMap::<String, usize>::new();
                let mut kinds = BTreeMap::<String, usize>::new();
                let mut places = BTreeMap::<String, usize>::new();
                let mut sources = BTreeMap::<String, usize>::new();
                let mut statuses = BTreeMap::<Standing, usize>::new();
                for (i, e) in ds.events.iter().enumerate() {
                    let p = passes(&ds, e, &f, found(i));
                    let others = |facet: Facet| p.iter().all(|(g, ok)| *ok || *g == facet);
                    if others(Facet::Actor) {
                        for a in ds.actor_ids(e) {
                            *actors.entry(a.to_owned()).or_default() += 1;
                        }
                    }
                    if others(Facet::Kind) {
                        *kinds.entry(e.kind.as_str().to_owned()).or_default() += 1;
                    }
                    if let (true, Some(place)) = (others(Facet::Place), ds.place_of(e)) {
                        *places.entry(place.name.clone()).or_default() += 1;
                    }
                    if others(Facet::Source) {
                        for s in carriers(&ds, e) {
                            *sources.entry(s).or_default() += 1;
                        }
                    }
                    if others(Facet::Status) {
                        for s in Standing::of(ds.status_of(e)) {
                            *statuses.entry(s).or_default() += 1;
                        }
                    }
                }
                prop_assert_eq!(counted(&out.counts.actors), actors);
                prop_assert_eq!(counted(&out.counts.kinds), kinds);
                prop_assert_eq!(counted(&out.counts.places), places);
                prop_assert_eq!(counted(&out.counts.sources), sources);
                // A source is offered when some event cites it or came
                // through it, whatever the filters.
                let offered: BTreeSet<&str> = out.counts.sources.iter().map(|o| o.value.as_str()).collect();
                let cited: BTreeSet<String> = ds.events.iter().flat_map(|e| carriers(&ds, e)).collect();
                prop_assert_eq!(offered, cited.iter().map(String::as_str).collect::<BTreeSet<_>>());
                let got: BTreeMap<Standing, usize> =
                    out.counts.statuses.iter().filter(|(_, n)| *n > 0).copied().collect();
                prop_assert_eq!(got, statuses);
            }
        }
    }
}
