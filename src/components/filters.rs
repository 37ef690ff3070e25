//! The filter panel (search, facets with live counts, dates, status) and the
//! active-filter chips.

use super::context::{use_dossier, Dossier};
use crate::date::PartialDate;
use crate::filter::OptionCount;
use crate::present::{chip_facet, chip_label};
use crate::state::{Action, Chip};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many options a facet lists before "Show all".
const FOLDED_OPTIONS: usize = 8;

/// Search, facets and dates. On a phone it folds behind a "Filters" button.
#[component]
pub fn FilterPanel() -> Html {
    let d = use_dossier();
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let active = d.view.filters.active_count();
    let counts = &d.outcome.counts;
    let ds = &d.dataset;
    let option = |chip: Chip| chip_label(ds, &d.view, &chip);

    let on_query = d.action(|e: InputEvent| {
        Action::SetQuery(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_from = d.action(|e: web_sys::Event| {
        Action::SetFrom(
            e.target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse()
                .ok(),
        )
    });
    let on_to = d.action(|e: web_sys::Event| {
        Action::SetTo(
            e.target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse()
                .ok(),
        )
    });
    let (min, max) = date_bounds(&d);
    let day = |p: Option<PartialDate>| p.map(|d| PartialDate::from_days(d.first_day()).to_string());

    html! {
        <aside class={classes!("filters", (*open).then_some("filters--open"))} aria-label="Filters">
            <button type="button" class="filters__toggle" aria-expanded={(*open).to_string()}
                aria-controls="dossier-filter-body" onclick={toggle}>
                { if active > 0 { format!("Filters ({active})") } else { "Filters".to_owned() } }
            </button>
            <div id="dossier-filter-body" class="filters__body">
                <div class="filters__search">
                    <label for="dossier-search">{ "Search events, people and quotes" }</label>
                    <input id="dossier-search" type="search" autocomplete="off" spellcheck="false"
                        value={d.view.filters.query.clone()} oninput={on_query} />
                </div>
                <FacetGroup legend="Actors" facet="a" options={counts.actors.clone()}
                    labels={counts.actors.iter().map(|o| option(Chip::Actor(o.value.clone()))).collect::<Vec<_>>()}
                    checked={counts.actors.iter().map(|o| d.view.filters.actors.contains(&o.value)).collect::<Vec<_>>()}
                    on_toggle={d.action(Action::ToggleActor)} />
                <FacetGroup legend="Kind of event" facet="k" options={counts.kinds.clone()}
                    labels={counts.kinds.iter().map(|o| option(Chip::Kind(o.value.clone()))).collect::<Vec<_>>()}
                    checked={counts.kinds.iter().map(|o| d.view.filters.kinds.contains(&o.value)).collect::<Vec<_>>()}
                    on_toggle={d.action(Action::ToggleKind)} />
                <FacetGroup legend="Status" facet="st"
                    options={counts.statuses.iter().map(|(s, n)| OptionCount { value: s.as_str().to_owned(), count: *n }).collect::<Vec<_>>()}
                    labels={counts.statuses.iter().map(|(s, _)| s.label().to_owned()).collect::<Vec<_>>()}
                    checked={counts.statuses.iter().map(|(s, _)| d.view.filters.statuses.contains(s)).collect::<Vec<_>>()}
                    on_toggle={d.action(|v: String| Action::ToggleStatus(v.parse().unwrap_or(crate::vocab::StatusState::Reported)))} />
                <FacetGroup legend="Source" facet="src" options={counts.sources.clone()}
                    labels={counts.sources.iter().map(|o| option(Chip::Source(o.value.clone()))).collect::<Vec<_>>()}
                    checked={counts.sources.iter().map(|o| d.view.filters.sources.contains(&o.value)).collect::<Vec<_>>()}
                    on_toggle={d.action(Action::ToggleSource)} />
                <FacetGroup legend="Place" facet="p" options={counts.places.clone()}
                    labels={counts.places.iter().map(|o| o.value.clone()).collect::<Vec<_>>()}
                    checked={counts.places.iter().map(|o| d.view.filters.places.contains(&o.value)).collect::<Vec<_>>()}
                    on_toggle={d.action(Action::TogglePlace)} />
                <fieldset class="facet facet--dates">
                    <legend>{ "Dates" }</legend>
                    <label for="dossier-from">{ "From" }</label>
                    <input id="dossier-from" type="date" min={min.clone()} max={max.clone()}
                        value={day(d.view.filters.from).unwrap_or_default()} onchange={on_from} />
                    <label for="dossier-to">{ "Until" }</label>
                    <input id="dossier-to" type="date" min={min} max={max}
                        value={day(d.view.filters.to).unwrap_or_default()} onchange={on_to} />
                </fieldset>
            </div>
        </aside>
    }
}

/// The first and last day of the story's events, for the date inputs.
fn date_bounds(d: &Dossier) -> (Option<String>, Option<String>) {
    let events = &d.dataset.events;
    let first = events.iter().map(|e| e.date.first_day()).min();
    let last = events
        .iter()
        .map(|e| e.until.as_ref().unwrap_or(&e.date).last_day())
        .max();
    let iso = |day: Option<i64>| day.map(|x| PartialDate::from_days(x).to_string());
    (iso(first), iso(last))
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    legend: AttrValue,
    /// The facet's key in the URL, used to make ids unique.
    facet: AttrValue,
    options: Vec<OptionCount>,
    labels: Vec<String>,
    checked: Vec<bool>,
    on_toggle: Callback<String>,
}

/// A group of checkboxes, each with the count it would give.
#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let expanded = use_state(|| false);
    if props.options.is_empty() {
        return Html::default();
    }
    // Ticked options always show, even when the list is folded.
    let shown: Vec<usize> = (0..props.options.len())
        .filter(|&i| *expanded || i < FOLDED_OPTIONS || props.checked[i])
        .collect();
    let hidden = props.options.len() - shown.len();
    html! {
        <fieldset class="facet">
            <legend>{ &props.legend }</legend>
            <ul class="facet__options">
                { for shown.into_iter().map(|i| {
                    let o = &props.options[i];
                    let id = format!("dossier-{}-{i}", props.facet);
                    let value = o.value.clone();
                    let on_toggle = props.on_toggle.clone();
                    html! {
                        <li class={classes!("facet__option", (o.count == 0 && !props.checked[i]).then_some("facet__option--empty"))}>
                            <input type="checkbox" id={id.clone()} checked={props.checked[i]}
                                onchange={Callback::from(move |_: web_sys::Event| on_toggle.emit(value.clone()))} />
                            <label for={id}>
                                { &props.labels[i] }
                                <span class="facet__count">{ o.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 || *expanded {
                <button type="button" class="link-button" aria-expanded={(*expanded).to_string()}
                    onclick={{ let e = expanded.clone(); Callback::from(move |_: MouseEvent| e.set(!*e)) }}>
                    { if *expanded { "Show fewer".to_owned() } else { format!("Show all {}", props.options.len()) } }
                </button>
            }
        </fieldset>
    }
}

/// The active filters as removable chips, with "Clear all".
#[component]
pub fn ActiveFilters() -> Html {
    let d = use_dossier();
    let chips = d.view.chips();
    if chips.is_empty() {
        return Html::default();
    }
    html! {
        <div class="active-filters">
            <h2 class="visually-hidden">{ "Active filters" }</h2>
            <ul class="active-filters__list">
                { for chips.into_iter().map(|chip| {
                    let label = format!("{}: {}", chip_facet(&chip), chip_label(&d.dataset, &d.view, &chip));
                    let remove = { let c = chip.clone(); d.action(move |_: MouseEvent| Action::Remove(c.clone())) };
                    html! {
                        <li>
                            <button type="button" class="chip chip--active" onclick={remove}
                                aria-label={format!("Remove filter {label}")}>
                                { label }<span aria-hidden="true">{ " ×" }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="link-button" onclick={d.action(|_: MouseEvent| Action::ClearFilters)}>
                { "Clear all" }
            </button>
        </div>
    }
}
