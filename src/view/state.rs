//! The reader's view: filters, search, sort and selection, changed only by
//! named [`Action`]s through a pure reducer, and written to and read from the
//! URL fragment so that a copied link opens exactly the same view.
//!
//! The fragment is `application/x-www-form-urlencoded`, one key per setting
//! and one pair per ticked option, so that it stays readable:
//!
//! ```text
//! #a=hezbollah&a=israel&k=meeting&from=2024-05-01&q=hayya&sort=newest&sel=event:e-beirut-meeting
//! ```
//!
//! Reading never fails. Unknown keys, malformed values and over-long input
//! are dropped one by one, and [`ViewState::retain_known`] then drops ids the
//! dataset does not have, so a damaged link loses only its damaged part.
//!
//! Pure: no browser types here.

use crate::base::gather::{push_all, Gather};
use crate::format::date::PartialDate;
use crate::format::model::Dataset;
use crate::view::filter::Filters;
use crate::view::filter::Standing;

/// The order of the cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    OldestFirst,
    NewestFirst,
}

impl SortOrder {
    pub const ALL: [SortOrder; 2] = [SortOrder::OldestFirst, SortOrder::NewestFirst];

    /// The name in the URL and in the sort menu's values.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortOrder::OldestFirst => "oldest",
            SortOrder::NewestFirst => "newest",
        }
    }

    /// The order named `name`; oldest first for anything else.
    pub fn parse(name: &str) -> SortOrder {
        SortOrder::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .unwrap_or_default()
    }

    /// What the sort menu says.
    pub fn label(&self) -> &'static str {
        match self {
            SortOrder::OldestFirst => "Oldest first",
            SortOrder::NewestFirst => "Newest first",
        }
    }
}

/// Which view is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewKind {
    #[default]
    Cards,
    Network,
    Charts,
}

impl ViewKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ViewKind::Cards => "cards",
            ViewKind::Network => "network",
            ViewKind::Charts => "charts",
        }
    }
}

/// What the reader has picked out: an event, on its card and on the
/// timeline. Actors and figures are picked as filters (`a=`, `t=`), so a
/// link carries each pick once; an older link's `sel=actor:` or
/// `sel=tally:` reads as nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Event(String),
}

impl Selection {
    fn to_param(&self) -> String {
        match self {
            Selection::Event(id) => format!("event:{id}"),
        }
    }

    fn from_param(s: &str) -> Option<Self> {
        match s.split_once(':')? {
            ("event", id) if !id.is_empty() => Some(Selection::Event(id.to_owned())),
            _ => None,
        }
    }
}

/// Everything a shared link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub filters: Filters,
    pub sort: SortOrder,
    pub selected: Option<Selection>,
    pub view: ViewKind,
}

/// A filter option, as shown on an active-filter chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chip {
    Actor(String),
    Kind(String),
    Place(String),
    Source(String),
    Status(Standing),
    Dates,
    Query,
    Tally(String),
}

/// Everything the reader can do to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ToggleActor(String),
    ToggleKind(String),
    TogglePlace(String),
    ToggleSource(String),
    ToggleStatus(Standing),
    /// Show the events behind a casualty figure, and select it.
    ToggleTally(String),
    SetQuery(String),
    SetFrom(Option<PartialDate>),
    SetTo(Option<PartialDate>),
    /// A date range at once (a brush, or a range under the timeline's
    /// axis): one change, so one history entry.
    SetDates(Option<PartialDate>, Option<PartialDate>),
    SetSort(SortOrder),
    SetView(ViewKind),
    /// Untick every actor (Escape in the network).
    ClearActors,
    Select(Selection),
    ClearSelection,
    Remove(Chip),
    ClearFilters,
    /// Replace the whole view, as when the reader steps back or forward.
    Restore(Box<ViewState>),
}

/// Longest search kept from a link, in characters.
pub const MAX_QUERY: usize = 200;
/// Most options kept per facet from a link.
pub const MAX_OPTIONS: usize = 100;
/// Longest value of any one setting kept from a link, in bytes.
const MAX_VALUE: usize = 256;

impl ViewState {
    /// The next view after an action. Pure: the URL and the DOM are updated
    /// by the components, from the state this returns.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        let f = &mut next.filters;
        match action {
            Action::ToggleActor(id) => f.actors.toggle(id),
            Action::ToggleKind(k) => f.kinds.toggle(k),
            Action::TogglePlace(p) => f.places.toggle(p),
            Action::ToggleSource(s) => f.sources.toggle(s),
            Action::ToggleStatus(s) => f.statuses.toggle(s),
            Action::ToggleTally(t) => f.tallies.toggle(t),
            Action::SetQuery(q) => f.query = q.chars().take(MAX_QUERY).collect(),
            Action::SetFrom(d) => f.from = d,
            Action::SetTo(d) => f.to = d,
            Action::SetDates(from, to) => {
                f.from = from;
                f.to = to;
            }
            Action::SetSort(s) => next.sort = s,
            Action::SetView(v) => next.view = v,
            Action::ClearActors => f.actors.clear(),
            Action::Select(s) => next.selected = Some(s),
            Action::ClearSelection => next.selected = None,
            Action::Remove(chip) => match chip {
                Chip::Actor(id) => {
                    f.actors.remove(&id);
                }
                Chip::Kind(k) => {
                    f.kinds.remove(&k);
                }
                Chip::Place(p) => {
                    f.places.remove(&p);
                }
                Chip::Source(s) => {
                    f.sources.remove(&s);
                }
                Chip::Status(s) => {
                    f.statuses.remove(&s);
                }
                Chip::Dates => {
                    f.from = None;
                    f.to = None;
                }
                Chip::Query => f.query.clear(),
                Chip::Tally(t) => {
                    f.tallies.remove(&t);
                }
            },
            Action::ClearFilters => next.filters = Filters::default(),
            Action::Restore(state) => next = *state,
        }
        next
    }

    /// The active filters as removable chips, in a stable order.
    pub fn chips(&self) -> Vec<Chip> {
        let f = &self.filters;
        let mut chips: Vec<Chip> = f.actors.iter().cloned().map(Chip::Actor).gather();
        push_all(&mut chips, f.kinds.iter().cloned().map(Chip::Kind));
        push_all(&mut chips, f.places.iter().cloned().map(Chip::Place));
        push_all(&mut chips, f.sources.iter().cloned().map(Chip::Source));
        push_all(&mut chips, f.statuses.iter().copied().map(Chip::Status));
        push_all(&mut chips, f.tallies.iter().cloned().map(Chip::Tally));
        if f.from.is_some() || f.to.is_some() {
            chips.push(Chip::Dates);
        }
        if f.searches() {
            chips.push(Chip::Query);
        }
        chips
    }

    /// The fragment, without its `#`; empty for the default view.
    pub fn to_fragment(&self) -> String {
        self.to_fragment_over(None)
    }

    /// The fragment on a page that opens on `opening` (an embed's `?view=`):
    /// the view is written only where it differs from the page's, so that
    /// [`ViewState::opening`] reads it back as it was.
    pub fn to_fragment_over(&self, opening: Option<ViewKind>) -> String {
        let mut out = crate::base::query::Pairs::default();
        let f = &self.filters;
        for a in &f.actors {
            out.append("a", a);
        }
        for k in &f.kinds {
            out.append("k", k);
        }
        for p in &f.places {
            out.append("p", p);
        }
        for s in &f.sources {
            out.append("src", s);
        }
        for s in &f.statuses {
            out.append("st", s.as_str());
        }
        for t in &f.tallies {
            out.append("t", t);
        }
        if let Some(d) = f.from {
            out.append("from", &d.iso());
        }
        if let Some(d) = f.to {
            out.append("to", &d.iso());
        }
        if !f.query.is_empty() {
            out.append("q", &f.query);
        }
        if self.sort != SortOrder::default() {
            out.append("sort", self.sort.as_str());
        }
        if let Some(sel) = &self.selected {
            out.append("sel", &sel.to_param());
        }
        if self.view != opening.unwrap_or(ViewKind::Cards) {
            out.append("v", self.view.as_str());
        }
        out.0
    }

    /// Read a fragment (with or without its `#`). Never fails: whatever
    /// cannot be read is left at its default.
    pub fn from_fragment(fragment: &str) -> ViewState {
        let fragment = fragment_of(fragment);
        let mut state = ViewState::default();
        let f = &mut state.filters;
        for (key, value) in crate::base::query::parse(fragment) {
            if value.is_empty() || (key != "q" && value.len() > MAX_VALUE) {
                continue;
            }
            let value = value.into_owned();
            let add = |set: &mut crate::base::set::Set<String>, v: String| {
                if set.len() < MAX_OPTIONS {
                    set.insert(v);
                }
            };
            match key.as_ref() {
                "a" => add(&mut f.actors, value),
                "k" => add(&mut f.kinds, value),
                "p" => add(&mut f.places, value),
                "src" => add(&mut f.sources, value),
                "t" => add(&mut f.tallies, value),
                "st" => {
                    if let Some(s) = Standing::parse(&value) {
                        f.statuses.insert(s);
                    }
                }
                "from" => f.from = PartialDate::plain(&value),
                "to" => f.to = PartialDate::plain(&value),
                "q" => f.query = value.chars().take(MAX_QUERY).collect(),
                "sort" => state.sort = SortOrder::parse(&value),
                "sel" => state.selected = Selection::from_param(&value),
                "v" => {
                    state.view = match value.as_str() {
                        "network" => ViewKind::Network,
                        "charts" => ViewKind::Charts,
                        _ => ViewKind::Cards,
                    }
                }
                _ => {}
            }
        }
        state
    }

    /// Drop every id and name the dataset does not have.
    pub fn retain_known(&mut self, ds: &Dataset) {
        let f = &mut self.filters;
        f.actors.retain(|id| ds.actor(id).is_some());
        f.sources.retain(|id| ds.source(id).is_some());
        f.tallies.retain(|id| ds.tally(id).is_some());
        f.kinds
            .retain(|k| ds.events.iter().any(|e| e.kind.as_str() == k));
        f.places.retain(|p| {
            ds.events
                .iter()
                .any(|e| e.place.as_ref().is_some_and(|pl| &pl.name == p))
        });
        let known = match &self.selected {
            Some(Selection::Event(id)) => ds.event(id).is_some(),
            None => true,
        };
        if !known {
            self.selected = None;
        }
    }

    /// Read a fragment and keep only what the dataset knows.
    pub fn from_fragment_for(fragment: &str, ds: &Dataset) -> ViewState {
        let mut state = ViewState::from_fragment(fragment);
        state.retain_known(ds);
        state
    }

    /// The view a page opens on: its fragment's, with `view` (an embed's
    /// `?view=` option) unless the fragment names a view itself.
    pub fn opening(fragment: &str, ds: &Dataset, view: Option<ViewKind>) -> ViewState {
        let mut state = ViewState::from_fragment_for(fragment, ds);
        let names_view =
            crate::base::query::parse(fragment_of(fragment)).any(|(key, _)| key == "v");
        if let Some(view) = view.filter(|_| !names_view) {
            state.view = view;
        }
        state
    }
}

/// A fragment without its `#` (the page's is [`super::page::split_fragment`]'s).
///
/// ```
/// assert_eq!(dossier::view::state::fragment_of("#a=hamas"), "a=hamas");
/// assert_eq!(dossier::view::state::fragment_of("a=hamas"), "a=hamas");
/// assert_eq!(dossier::view::state::fragment_of(""), "");
/// ```
pub fn fragment_of(hash: &str) -> &str {
    hash.strip_prefix('#').unwrap_or(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;
    use crate::format::vocab::StatusState;
    use proptest::prelude::*;

    #[test]
    fn a_page_opening_on_a_view_reads_back_every_view_it_wrote() {
        let ds = first_story().unwrap();
        for opening in [
            None,
            Some(ViewKind::Cards),
            Some(ViewKind::Network),
            Some(ViewKind::Charts),
        ] {
            for view in [ViewKind::Cards, ViewKind::Network, ViewKind::Charts] {
                let state = ViewState::default()
                    .apply(Action::ToggleActor("hezbollah".into()))
                    .apply(Action::SetView(view));
                let fragment = state.to_fragment_over(opening);
                assert_eq!(
                    ViewState::opening(&fragment, &ds, opening),
                    state,
                    "{opening:?} {fragment}"
                );
            }
            // The page's own view needs no fragment at all.
            let own = ViewState::opening("", &ds, opening);
            assert_eq!(own.to_fragment_over(opening), "");
        }
    }

    /// web/boot.js dims the pre-rendered picture for a link whose fragment
    /// asks for what the picture does not show: it lists the keys this
    /// module reads. A key added here and not there would leave a shared
    /// link's picture looking like the view it asked for.
    #[test]
    fn boot_js_knows_every_key_a_fragment_carries() {
        let mut state = ViewState::default();
        let f = &mut state.filters;
        for set in [
            &mut f.actors,
            &mut f.kinds,
            &mut f.places,
            &mut f.sources,
            &mut f.tallies,
        ] {
            set.insert("x".into());
        }
        f.statuses.insert(crate::view::filter::Standing::Denied);
        f.from = PartialDate::plain("2024-05-01");
        f.to = PartialDate::plain("2024-05-15");
        f.query = "x".into();
        state.sort = SortOrder::NewestFirst;
        state.selected = Some(Selection::Event("e".into()));
        state.view = ViewKind::Charts;
        let boot = include_str!("../../web/boot.js");
        let listed = boot
            .split_once("['a', ")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(list, _)| format!("'a', {list}"))
            .expect("boot.js lists the fragment's keys");
        let fragment = state.to_fragment();
        let mut keys = 0;
        for (key, _) in crate::base::query::parse(&fragment) {
            keys += 1;
            // The view and the sort are read by their value.
            let by_value = match key.as_ref() {
                "v" => boot.contains("asked.get('v')"),
                "sort" => boot.contains("asked.get('sort') === 'newest'"),
                k => listed.contains(&format!("'{k}'")),
            };
            assert!(
                by_value,
                "web/boot.js does not read the fragment's {key:?}: {listed}"
            );
        }
        assert_eq!(keys, 12, "{fragment}");
    }

    #[test]
    fn default_view_has_an_empty_fragment() {
        assert_eq!(ViewState::default().to_fragment(), "");
        assert_eq!(ViewState::from_fragment(""), ViewState::default());
        assert_eq!(ViewState::from_fragment("#"), ViewState::default());
    }

    #[test]
    fn a_readable_fragment() {
        let s = ViewState::default()
            .apply(Action::ToggleActor("hezbollah".into()))
            .apply(Action::ToggleKind("meeting".into()))
            .apply(Action::SetQuery("al-Hayya".into()))
            .apply(Action::SetSort(SortOrder::NewestFirst))
            .apply(Action::Select(Selection::Event("e-beirut-meeting".into())));
        assert_eq!(
            s.to_fragment(),
            "a=hezbollah&k=meeting&q=al-Hayya&sort=newest&sel=event%3Ae-beirut-meeting"
        );
    }

    #[test]
    fn a_picked_figure_is_its_filter_and_leaves_the_link_with_it() {
        let picked = ViewState::default().apply(Action::ToggleTally("t-afp".into()));
        assert_eq!(picked.to_fragment(), "t=t-afp");
        for undo in [
            Action::ToggleTally("t-afp".into()),
            Action::Remove(Chip::Tally("t-afp".into())),
            Action::ClearFilters,
        ] {
            assert_eq!(picked.apply(undo).to_fragment(), "");
        }
        // An older link's picks that nothing reads are not carried on.
        let old = ViewState::from_fragment("sel=tally:t-afp");
        assert_eq!(old.selected, None);
        assert_eq!(
            ViewState::from_fragment("sel=actor:hamas").to_fragment(),
            ""
        );
    }

    #[test]
    fn hostile_and_broken_parts_are_dropped_one_by_one() {
        let ds = first_story().unwrap();
        let s = ViewState::from_fragment_for(
            "#a=hezbollah&a=%3Cscript%3Ealert(1)%3C%2Fscript%3E&k=meeting&from=2024-02-30&to=2024-05&st=rumoured&st=claimed&sel=event:nope&%ZZ=1&&=&sort=sideways&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            &ds,
        );
        assert_eq!(s.filters.actors, ["hezbollah".to_owned()].into());
        assert_eq!(s.filters.kinds, ["meeting".to_owned()].into());
        assert_eq!(s.filters.from, None, "an impossible date is dropped");
        assert_eq!(s.filters.to, Some("2024-05".parse().unwrap()));
        assert_eq!(
            s.filters.statuses,
            [Standing::State(StatusState::Claimed)].into()
        );
        assert_eq!(s.selected, None);
        assert_eq!(s.sort, SortOrder::OldestFirst);
        // The search is kept as text: it is only ever shown as text.
        assert_eq!(s.filters.query, "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn host_query_parameters_are_not_in_the_fragment() {
        // pym.js adds ?initialWidth=…&childId=… to the query, never the fragment.
        let s = ViewState::from_fragment("a=hamas&initialWidth=600&childId=dossier");
        assert_eq!(s.filters.actors, ["hamas".to_owned()].into());
        assert_eq!(s.filters.active_count(), 1);
    }

    #[test]
    fn an_embed_option_opens_a_view_unless_the_link_names_one() {
        let ds = first_story().unwrap();
        let charts = Some(ViewKind::Charts);
        assert_eq!(
            ViewState::opening("a=hamas", &ds, charts).view,
            ViewKind::Charts
        );
        assert_eq!(ViewState::opening("", &ds, None).view, ViewKind::Cards);
        assert_eq!(
            ViewState::opening("#a=hamas&v=network", &ds, charts).view,
            ViewKind::Network
        );
        // "v=cards" is the default, but still the link's choice.
        assert_eq!(
            ViewState::opening("v=cards", &ds, charts).view,
            ViewKind::Cards
        );
    }

    #[test]
    fn chips_remove_what_they_show() {
        let s = ViewState::default()
            .apply(Action::ToggleActor("hamas".into()))
            .apply(Action::SetFrom(Some(PartialDate::day(2024, 1, 1))))
            .apply(Action::SetQuery("rockets".into()));
        assert_eq!(
            s.chips(),
            [Chip::Actor("hamas".into()), Chip::Dates, Chip::Query]
        );
        let s = s.apply(Action::Remove(Chip::Dates));
        assert_eq!(s.filters.from, None);
        assert_eq!(s.apply(Action::ClearFilters).filters, Filters::default());
        // A search of no word (emoji, punctuation) filters nothing: no chip,
        // not counted.
        let s = ViewState::default().apply(Action::SetQuery("🚀 !!!".into()));
        assert_eq!(s.chips(), []);
        assert_eq!(s.filters.active_count(), 0);
    }

    fn arb_text() -> impl Strategy<Value = String> {
        "\\PC{1,12}"
    }

    /// A bound of the dates filter: a year, a month or a day. (A link's
    /// `~` on a bound means nothing to the filter, and is not written back.)
    fn arb_date() -> impl Strategy<Value = Option<PartialDate>> {
        prop::option::of(
            "[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?"
                .prop_map(|s| s.parse().unwrap()),
        )
    }

    fn arb_state() -> impl Strategy<Value = ViewState> {
        let set = || {
            prop::collection::btree_set(arb_text(), 0..4)
                .prop_map(|s| s.into_iter().collect::<crate::base::set::Set<_>>())
        };
        (
            (set(), set(), set(), set(), set()),
            prop::collection::btree_set(
                prop::sample::select(Standing::all().collect::<Vec<_>>()),
                0..3,
            )
            .prop_map(|s| s.into_iter().collect()),
            (arb_date(), arb_date()),
            "\\PC{0,30}",
            (any::<bool>(), 0..3u8),
            prop::option::of((0..3u8, arb_text())),
        )
            .prop_map(
                |(
                    (actors, kinds, places, sources, tallies),
                    statuses,
                    (from, to),
                    query,
                    (newest, view),
                    sel,
                )| {
                    ViewState {
                        filters: Filters {
                            actors,
                            kinds,
                            places,
                            sources,
                            statuses,
                            from,
                            to,
                            query,
                            tallies,
                        },
                        sort: if newest {
                            SortOrder::NewestFirst
                        } else {
                            SortOrder::OldestFirst
                        },
                        selected: sel.map(|(_, id)| Selection::Event(id)),
                        view: match view {
                            0 => ViewKind::Cards,
                            1 => ViewKind::Network,
                            _ => ViewKind::Charts,
                        },
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_state_survives_the_round_trip(state in arb_state()) {
            let fragment = state.to_fragment();
            prop_assert_eq!(ViewState::from_fragment(&fragment), state.clone());
            prop_assert_eq!(ViewState::from_fragment(&format!("#{fragment}")), state);
        }

        #[test]
        fn any_string_parses_without_panicking(s in "\\PC{0,200}") {
            let ds = first_story().unwrap();
            let state = ViewState::from_fragment_for(&s, &ds);
            prop_assert!(state.filters.query.chars().count() <= MAX_QUERY);
        }

        #[test]
        fn any_bytes_as_fragment_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let s = String::from_utf8_lossy(&bytes);
            let _ = ViewState::from_fragment(&s);
        }
    }
}
