//! The filter panel (search, facets with live counts, dates, status) and the
//! active-filter chips.

use super::context::Dossier;
use crate::base::num::thousands;
use crate::components::each;
use crate::format::date::PartialDate;
use crate::view::filter::{Facet, OptionCount};
use crate::view::present::{chip_facet, chip_label, result_count};
use crate::view::state::{Action, Chip};
use yew::prelude::*;

/// How many options a facet lists before "Show all".
const FOLDED_OPTIONS: usize = 8;

/// Search, facets and dates. On a phone it folds behind a "Filters" button.
/// A hook the story calls with its own context, not a component (see
/// [`super::share::use_share_panel`]); `shown`: whether the page has it.
#[hook]
pub fn use_filter_panel(d: &Dossier, shown: bool) -> Html {
    let open = use_state(|| false);
    // Folded on a phone, the panel's body is out of sight until the reader
    // opens it: the widget's first render leaves it empty and fills it
    // just after the paint, in a task of its own. Half the elements of the
    // first story's opening view are the facets', and a phone's main thread
    // then runs two shorter tasks at the start rather than one long one.
    // A reader cannot tick or type in it on the picture meanwhile: it is
    // folded there too. (The picture itself is gone by the first render:
    // Yew empties the host as it starts.)
    let later = use_state(|| cfg!(target_arch = "wasm32") && shown && folded());
    {
        let later = later.clone();
        use_effect_with((), move |_| {
            let frame = (*later).then(|| super::after_paint(Box::new(move || later.set(false))));
            move || drop(frame)
        });
    }
    let drawn = !*later || *open;
    // Each facet's own state, called in one order at every render. Written
    // with html!'s `{ for … }`, not `each`: over this array (a type no
    // other list has) `each` measured 178 B gzip more.
    let facets = [
        use_facet_group(d, Facet::Actor, drawn),
        use_facet_group(d, Facet::Kind, drawn),
        use_facet_group(d, Facet::Status, drawn),
        use_facet_group(d, Facet::Source, drawn),
        use_facet_group(d, Facet::Place, drawn),
    ];
    if !shown {
        return Html::default();
    }
    let toggle = super::flip(&open);
    let active = d.view.filters.active_count();

    let on_query = d.action(|e: InputEvent| Action::SetQuery(super::value_of(&e)));
    let on_from =
        d.action(|e: web_sys::Event| Action::SetFrom(PartialDate::plain(&super::value_of(&e))));
    let on_to =
        d.action(|e: web_sys::Event| Action::SetTo(PartialDate::plain(&super::value_of(&e))));
    let (min, max) = date_bounds(d);
    let day = |p: Option<PartialDate>| p.map(|d| PartialDate::from_days(d.first_day()).iso());

    html! {
        <aside class="filters" data-open={super::flag(*open)} aria-label="Filters">
            <button type="button" class="filters__toggle" aria-expanded={crate::components::aria(*open)}
                aria-controls="dossier-filter-body" onclick={toggle}>
                // With filters on, what they leave: on a phone the toggle
                // stays on screen while the panel is open, and the count
                // under it is a long way down.
                { if active > 0 {
                    format!("Filters ({active}): {}", result_count(d.outcome.events.len(), d.dataset.events.len()))
                } else {
                    "Filters".to_owned()
                } }
            </button>
            <div id="dossier-filter-body" class="filters__body">
                if drawn {
                    <div class="filters__search">
                        <label for="dossier-search">{ "Search events, people and quotes" }</label>
                        <input id="dossier-search" type="search" autocomplete="off" spellcheck="false"
                            value={d.view.filters.query.clone()} oninput={on_query} />
                    </div>
                    { for facets }
                    <fieldset class="facet facet--dates">
                        <legend>{ "Dates" }</legend>
                        <label for="dossier-from">{ "From" }</label>
                        <input id="dossier-from" type="date" min={min.clone()} max={max.clone()}
                            value={day(d.view.filters.from).unwrap_or_default()} onchange={on_from} />
                        <label for="dossier-to">{ "Until" }</label>
                        <input id="dossier-to" type="date" min={min} max={max}
                            value={day(d.view.filters.to).unwrap_or_default()} onchange={on_to} />
                    </fieldset>
                }
            </div>
        </aside>
    }
}

/// Whether the filters are folded behind their button now: the host is
/// narrower than style/main.css's 56rem, taken at the browser's usual 16 px
/// (with a larger font, the panel folds at a wider host, and there it is
/// drawn at once). A change to that breakpoint changes this figure too.
fn folded() -> bool {
    gloo::utils::document()
        .get_element_by_id("dossier")
        .is_some_and(|host| (1..896).contains(&host.client_width()))
}

/// The first and last day of the story's events, for the date inputs.
fn date_bounds(d: &Dossier) -> (Option<String>, Option<String>) {
    // From the story's index, not a pass over the events at every filter.
    let extent = d.index.extent();
    let iso = |day: Option<i64>| day.map(|x| PartialDate::from_days(x).iso());
    (iso(extent.map(|e| e.0)), iso(extent.map(|e| e.1)))
}

/// One option of a facet: its value, count, whether it is ticked, and the
/// chip to label it by.
type FacetOption = (String, usize, bool, Chip);

/// How many options a facet has, and those of them `keep` keeps (given
/// each one's place in the list and whether it is ticked). Only those are
/// copied: an export lists thousands of places, and a tick shows a dozen.
fn facet_options(
    d: &Dossier,
    facet: Facet,
    keep: &dyn Fn(usize, bool) -> bool,
) -> (usize, Vec<FacetOption>) {
    let c = &d.outcome.counts;
    let f = &d.view.filters;
    let list =
        |options: &[OptionCount], set: &crate::base::set::Set<String>, chip: fn(String) -> Chip| {
            let mut kept = Vec::new();
            for (i, o) in options.iter().enumerate() {
                let ticked = set.contains(&o.value);
                if keep(i, ticked) {
                    kept.push((o.value.clone(), o.count, ticked, chip(o.value.clone())));
                }
            }
            (options.len(), kept)
        };
    match facet {
        Facet::Actor => list(&c.actors, &f.actors, Chip::Actor),
        Facet::Kind => list(&c.kinds, &f.kinds, Chip::Kind),
        Facet::Place => list(&c.places, &f.places, Chip::Place),
        Facet::Source => list(&c.sources, &f.sources, Chip::Source),
        Facet::Status => {
            let mut kept = Vec::new();
            for (i, &(s, n)) in c.statuses.iter().enumerate() {
                let ticked = f.statuses.contains(&s);
                if keep(i, ticked) {
                    kept.push((s.as_str().to_owned(), n, ticked, Chip::Status(s)));
                }
            }
            (c.statuses.len(), kept)
        }
        Facet::Dates | Facet::Query | Facet::Tally => (0, Vec::new()),
    }
}

fn facet_legend(facet: Facet) -> &'static str {
    match facet {
        Facet::Actor => "Actors",
        Facet::Kind => "Kind of event",
        Facet::Place => "Place",
        Facet::Source => "Source",
        Facet::Status => "Status",
        Facet::Dates => "Dates",
        Facet::Query => "Search",
        Facet::Tally => "Casualty figure",
    }
}

/// A group of checkboxes, each with the count it would give. Only the
/// options on screen are labelled, so a story with hundreds of actors costs
/// no more to re-render than one with ten.
#[hook]
fn use_facet_group(d: &Dossier, facet: Facet, drawn: bool) -> Html {
    let expanded = use_state(|| false);
    if !drawn {
        return Html::default();
    }
    // Ticked options always show, even when the list is folded.
    let all = *expanded;
    let (total, shown) = facet_options(d, facet, &|i, ticked| all || i < FOLDED_OPTIONS || ticked);
    if total == 0 {
        return Html::default();
    }
    let legend = facet_legend(facet);
    let hidden = total - shown.len();
    html! {
        <fieldset class="facet">
            <legend>{ legend }</legend>
            <ul class="facet__options">
                { each(shown.into_iter().map(|(value, count, checked, chip)| {
                    let label = chip_label(&d.dataset, &d.view, &chip);
                    let toggle = d.send::<web_sys::Event>(toggle_action(chip));
                    // The box inside its label: no ids to write, in every
                    // reader's download.
                    html! {
                        <li key={value} class="facet__option" data-empty={super::flag(count == 0 && !checked)}>
                            <label>
                                <input type="checkbox" {checked} onchange={toggle} />
                                { label }
                                <span class="facet__count">{ thousands(count as u64) }</span>
                            </label>
                        </li>
                    }
                })) }
            </ul>
            if hidden > 0 || *expanded {
                <button type="button" class="link-button" aria-expanded={crate::components::aria(*expanded)}
                    onclick={super::flip(&expanded)}>
                    { if *expanded { "Show fewer".to_owned() } else { format!("Show all {}", thousands(total as u64)) } }
                </button>
            }
        </fieldset>
    }
}

/// The action that ticks or unticks the option a chip names.
fn toggle_action(chip: Chip) -> Action {
    match chip {
        Chip::Actor(id) => Action::ToggleActor(id),
        Chip::Kind(k) => Action::ToggleKind(k),
        Chip::Place(p) => Action::TogglePlace(p),
        Chip::Source(s) => Action::ToggleSource(s),
        Chip::Status(s) => Action::ToggleStatus(s),
        Chip::Tally(t) => Action::ToggleTally(t),
        chip @ (Chip::Dates | Chip::Query) => Action::Remove(chip),
    }
}

/// Once a filter chip is gone, the focus goes to the first one left, or
/// with none left to the results: never to the page's body, where a
/// keyboard's reader starts over.
fn refocus() {
    gloo::timers::callback::Timeout::new(0, || {
        let find = |q| gloo::utils::document().query_selector(q).ok().flatten();
        if let Some(el) = find(".active-filters button").or_else(|| find(".dossier__results")) {
            super::focus(&el);
        }
    })
    .forget();
}

/// The active filters as removable chips, with "Clear all".
pub fn active_filters(d: &Dossier) -> Html {
    let chips = d.view.chips();
    if chips.is_empty() {
        return Html::default();
    }
    html! {
        <div class="active-filters">
            <h2 class="visually-hidden">{ "Active filters" }</h2>
            <ul class="active-filters__list">
                { each(chips.into_iter().map(|chip| {
                    let label = format!("{}: {}", chip_facet(&chip), chip_label(&d.dataset, &d.view, &chip));
                    let remove = { let c = chip.clone(); d.action(move |_: MouseEvent| { refocus(); Action::Remove(c.clone()) }) };
                    html! {
                        <li>
                            <button type="button" class="chip chip--active" onclick={remove}
                                aria-label={format!("Remove filter {label}")}>
                                { label }<span aria-hidden="true">{ " ×" }</span>
                            </button>
                        </li>
                    }
                })) }
            </ul>
            <button type="button" class="link-button" onclick={d.action(|_: MouseEvent| { refocus(); Action::ClearFilters })}>
                { "Clear all" }
            </button>
        </div>
    }
}
