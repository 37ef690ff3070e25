//! The event cards, the result count and sorting.

use super::context::{use_dossier, Dossier};
use crate::base::gather::Gather;
use crate::components::each;
use crate::format::model::{Actor, Event, Provenance, Quantity};
use crate::view::present;
use crate::view::state::{Action, Selection, SortOrder, ViewKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many cards show at first, and how many more each "Show more" adds.
/// Rendering stays cheap however many events match.
pub const PAGE: usize = 20;
/// The first page in an embed, which sits in a host's article: short.
pub const EMBED_PAGE: usize = 6;
/// After a change of filters, the cards drawn in the change's own frame;
/// the rest of the page follows in the next. A screen shows four or five
/// cards at a time (189 px each at 1200 px wide, one on a phone): a tick of
/// a filter then builds the cards a reader sees, not a page of them.
pub const FIRST: usize = 8;

/// Result count (announced to screen readers) and sort order.
pub fn toolbar(d: &Dossier) -> Html {
    let on_sort = d.action(|e: web_sys::Event| {
        let value = super::value_of(&e);
        Action::SetSort(SortOrder::parse(&value))
    });
    let shown = d.outcome.events.len();
    let total = d.dataset.events.len();
    html! {
        <div class="toolbar">
            <p class="toolbar__count" role="status">
                { present::result_count(shown, total) }
            </p>
            <div class="toolbar__controls">
                <label for="dossier-sort">{ "Sort" }</label>
                <select id="dossier-sort" onchange={on_sort}>
                    { each(SortOrder::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={*s == d.view.sort}>{ s.label() }</option>
                    })) }
                </select>
            </div>
        </div>
    }
}

/// The matching events as cards, a page at a time.
#[component]
pub fn CardList() -> Html {
    let d = use_dossier();
    let page = if d.page.options.embed {
        EMBED_PAGE
    } else {
        PAGE
    };
    let matches = &d.outcome.events;
    // A page, or the pages that reach the chosen event: a link to an event
    // past the first page opens with its card drawn (up to ten pages: a
    // link deep into a long list does not draw thousands of cards).
    // Deeper, its card is drawn first, above the list, and the stylesheet
    // says so.
    let chosen = match &d.view.selected {
        Some(Selection::Event(id)) => matches
            .iter()
            .position(|&i| d.dataset.events[i].id == *id)
            .map(|k| {
                let at = match d.view.sort {
                    SortOrder::OldestFirst => k,
                    SortOrder::NewestFirst => matches.len() - 1 - k,
                };
                (matches[k], at)
            }),
        None => None,
    };
    // Chosen and hidden by the filters (a part named on its whole's card,
    // a link that carries both): its card is drawn first all the same.
    let outside = match &d.view.selected {
        Some(Selection::Event(id)) if chosen.is_none() => {
            d.dataset.events.iter().position(|e| e.id == *id)
        }
        _ => None,
    };
    let reach = chosen.map_or(page, |(_, at)| (at / page + 1).min(10) * page);
    let limit = use_state_eq(|| reach);
    // A long list: more than a page matches. Not in an embed, whose frame
    // shows every card at once.
    let long = matches.len() > page && !d.page.options.embed;
    // The filters whose whole page is drawn. After a change to a long list,
    // the first few cards come now and the rest just after the paint, each
    // held by a card's room meanwhile, so that the page keeps its height
    // and the reader's place. Not after a press in the list itself (an
    // actor on a card), whose card would be drawn again and lose its focus
    // and its open quote, nor while the focus is in the list (a step Back
    // with a card focused). A press that changes nothing leaves the flag
    // for the next change, which then draws the whole page at once.
    // The list's first render (a story's start, or a return from the
    // network) draws as many cards as the page's picture shows, and the
    // rest the same way, however long the list (unless a chosen event's
    // card is to be scrolled to): the widget's start is then two shorter
    // tasks on a phone's main thread, not one long one.
    let list = use_node_ref();
    let pressed = use_mut_ref(|| false);
    let from_list = std::mem::take(&mut *pressed.borrow_mut());
    let drawn_for = use_mut_ref(|| None);
    // Set after the paint: the whole page now, for the filters of now (a
    // late call after another change draws that change's page at once).
    let settle = use_mut_ref(|| false);
    if std::mem::take(&mut *settle.borrow_mut()) {
        *drawn_for.borrow_mut() = Some(d.view.filters.clone());
    }
    // How many cards to draw now, when the rest follow after the paint.
    let first = if from_list || holds_focus(&list) {
        None
    } else {
        match &*drawn_for.borrow() {
            Some(filters) => (long && *filters != d.view.filters).then_some(FIRST),
            // Never drawn whole yet: as many cards as the picture shows.
            None => (cfg!(target_arch = "wasm32")
                && d.view.selected.is_none()
                && matches.len().min(*limit) > EMBED_PAGE)
                .then_some(EMBED_PAGE),
        }
    };
    let staged = first.is_some();
    if !staged {
        // The whole page is drawn, for the filters of now.
        *drawn_for.borrow_mut() = Some(d.view.filters.clone());
    }
    {
        // A new filter starts again from the first page (or the pages that
        // reach the chosen event).
        let (limit, rest) = (limit.clone(), use_force_update());
        use_effect_with(d.view.filters.clone(), move |_| {
            limit.set(reach);
            // A change before the paint cancels it.
            let frame = staged.then(|| {
                super::after_paint(Box::new(move || {
                    *settle.borrow_mut() = true;
                    rest.force_update();
                }))
            });
            move || drop(frame)
        });
    }
    // Unstaged, every item is drawn: the page and, above it, a chosen
    // event's card from further down (one more than the page).
    let drawn = first.unwrap_or(usize::MAX);
    if matches.is_empty() {
        // An actor chosen in no event shown may still have ties, stated
        // apart from events (a research network's): the network draws them.
        let tied = !d.view.filters.actors.is_empty();
        return html! {
            <div class="empty">
                <p>{ "No events match these filters." }</p>
                <button type="button" class="button" onclick={d.send::<MouseEvent>(Action::ClearFilters)}>
                    { "Clear all filters" }
                </button>
                if tied {
                    <p>{ "The network also shows ties stated outside any event." }</p>
                    <button type="button" class="button" onclick={d.send::<MouseEvent>(Action::SetView(ViewKind::Network))}>
                        { "Show the network" }
                    </button>
                }
            </div>
        };
    }
    let ordered: Box<dyn Iterator<Item = &usize>> = match d.view.sort {
        SortOrder::OldestFirst => Box::new(matches.iter()),
        SortOrder::NewestFirst => Box::new(matches.iter().rev()),
    };
    let deep = chosen.filter(|&(_, at)| at >= *limit);
    let linked = deep.map(|(i, _)| i).or(outside);
    // Not counting the chosen event's card, drawn already.
    let remaining = matches
        .len()
        .saturating_sub(*limit + usize::from(deep.is_some()));
    // Drawn past its first page, a long list lets the browser skip the
    // cards out of view (style/main.css): a change or a scroll then costs
    // the cards in view only. Not at one page: the skipping itself costs a
    // second style and layout pass in each frame the list changes (the
    // browser lays out, finds the cards in view, and lays out again), more
    // than the few cards out of view would.
    let skim = long && *limit > page;
    html! {
        <>
            <ol ref={list} class="cards" data-long={super::flag(skim)} data-linked={linked.map(|_| if outside.is_some() { "out" } else { "" })}
                onclick={move |_| *pressed.borrow_mut() = true}>
                { each(linked.iter().chain(ordered.take(*limit)).enumerate().map(|(k, &i)| {
                    let key = d.dataset.events[i].id.clone();
                    if k < drawn {
                        html! { <Card {key} index={i} /> }
                    } else {
                        html! { <li {key} class="card card--room" aria-hidden="true"></li> }
                    }
                })) }
            </ol>
            if remaining > 0 {
                <button type="button" class="button button--more"
                    onclick={{
                        let l = limit.clone();
                        Callback::from(move |_: MouseEvent| {
                            // The focus goes to the first card shown, once
                            // drawn (a card takes the focus, not the Tab):
                            // the button moves below the new cards, or
                            // goes, and the focus would fall to the page's
                            // body. Not to a button in the card, which the
                            // next Enter would press.
                            // Past the chosen event's card, first while
                            // the pages drawn do not reach it.
                            let ahead = outside.is_some() || deep.is_some_and(|(_, at)| at >= *l + PAGE);
                            let first = format!(".cards > :nth-child({})", *l + 1 + usize::from(ahead));
                            l.set(*l + PAGE);
                            gloo::timers::callback::Timeout::new(0, move || {
                                if let Ok(Some(el)) = gloo::utils::document().query_selector(&first) {
                                    let _ = el.set_attribute("tabindex", "-1");
                                    super::focus(&el);
                                }
                            })
                            .forget();
                        })
                    }}>
                    if remaining > PAGE {
                        { format!("Show {PAGE} more of {} remaining", crate::base::num::thousands(remaining as u64)) }
                    } else {
                        { format!("Show the {}", present::plural(remaining, "remaining event", "remaining events")) }
                    }
                </button>
            }
        </>
    }
}

/// Whether the keyboard's focus is on something inside `node`.
fn holds_focus(node: &NodeRef) -> bool {
    node.get().is_some_and(|n| {
        gloo::utils::document()
            .active_element()
            .is_some_and(|a| n.contains(Some(&a)))
    })
}

#[derive(Properties, PartialEq)]
struct CardProps {
    /// Index into the dataset's events.
    index: usize,
}

/// One event: date, kind, summary, place, actors, figures, status, source,
/// and the exact quote on request.
#[component]
fn Card(props: &CardProps) -> Html {
    let d = use_dossier();
    let e: &Event = &d.dataset.events[props.index];
    let selected = d.view.selected == Some(Selection::Event(e.id.clone()));
    let quote_open = use_state(|| selected);
    let summary_id = format!("dossier-summary-{}", e.id);
    let toggle_quote = {
        let open = quote_open.clone();
        let select = d.action({
            let id = e.id.clone();
            move |_: ()| Action::Select(Selection::Event(id.clone()))
        });
        Callback::from(move |_: MouseEvent| {
            if !*open {
                select.emit(());
            }
            open.set(!*open);
        })
    };
    let actors: Vec<&Actor> = d
        .dataset
        .actor_ids(e)
        .filter_map(|id| d.index.actor(&d.dataset, id))
        .gather();
    let figures: Vec<&Quantity> = e
        .quantities
        .iter()
        .filter(|q| !present::restated(&d.dataset, e, q))
        .gather();
    let tolls = present::tolls(&d.dataset, &e.id);
    let status = d.dataset.status_of(e);
    // From the story's index: a pass over every event for each card would
    // cost a story of 100,000 events a frame's time per card.
    let parts: Vec<&Event> = d
        .index
        .parts_of(props.index)
        .map(|p| &d.dataset.events[p])
        .gather();
    let no_party = present::no_party(&d.dataset, e);
    let attribution = e
        .provenance
        .first()
        .map(|p| present::attribution(&d.dataset, p))
        .unwrap_or_default();
    html! {
        <li class="card" data-selected={super::flag(selected)} data-event-id={e.id.clone()}>
            <article>
                <p class="card__meta">
                    <time datetime={e.date.iso()}>{ present::event_date(e) }</time>
                    if let Some(words) = present::inferred(e) {
                        <span class="card__inferred">{ words }</span>
                    }
                    <span class="badge" data-kind={present::group_class(&e.kind)}>{ e.kind.label() }</span>
                </p>
                <h3 class="card__summary" id={summary_id}>{ &e.summary }</h3>
                if let Some(whole) = e.part_of.as_deref().and_then(|w| d.dataset.event(w)) {
                    <p class="card__part">
                        { "Part of " }{ event_link(&d, whole) }
                        if let Some(words) = present::inherited(&d.dataset, e) {
                            { " " }<span class="card__inherited">{ words }</span>
                        }
                    </p>
                }
                if !parts.is_empty() {
                    <div class="card__part">
                        { if parts.len() == 1 { "Its part:" } else { "Its parts:" } }
                        <ol class="card__parts">
                            { each(parts.iter().map(|p| html! { <li>{ event_link(&d, p) }</li> })) }
                        </ol>
                    </div>
                }
                if let Some(place) = d.dataset.place_of(e) {
                    <p class="card__place">{ present::place_line(place) }</p>
                }
                if !figures.is_empty() {
                    <ul class="card__figures">
                        { each(figures.into_iter().map(|q| html! {
                            <li>{ present::figure(&d.dataset, q) }</li>
                        })) }
                    </ul>
                }
                if !tolls.is_empty() {
                    <ul class="card__tolls" aria-label="Casualty figures that count this event">
                        { each(tolls.into_iter().map(|t| html! { <li>{ t }</li> })) }
                    </ul>
                }
                if !actors.is_empty() {
                    <ul class="card__actors" aria-label="Actors involved">
                        { each(actors.into_iter().map(|a| {
                            let (id, name) = (a.id.as_str(), a.name.as_str());
                            let active = d.view.filters.actors.contains(id);
                            let toggle = d.send::<MouseEvent>(Action::ToggleActor(id.to_owned()));
                            html! {
                                <li>
                                    <button type="button" class="chip"
                                        aria-pressed={crate::components::aria(active)} onclick={toggle}>
                                        { name }
                                    </button>
                                </li>
                            }
                        })) }
                    </ul>
                }
                if !no_party.is_empty() {
                    <p class="card__victims">{ present::and_list(&no_party) }</p>
                }
                <p class="card__status" data-status={status.state.as_str()}>
                    { present::status(&d.dataset, status) }
                </p>
                <p class="card__source">
                    { attribution }
                    { " · " }
                    // No aria-controls: the quotes follow the button, and
                    // are not there to point at while closed.
                    <button type="button" class="link-button" aria-expanded={crate::components::aria(*quote_open)}
                        onclick={toggle_quote}>
                        { if *quote_open { "Hide quote" } else { "Show quote" } }
                    </button>
                </p>
                if *quote_open {
                    <div class="card__quotes">
                        { each(e.provenance.iter().map(|p| quote(&d, p))) }
                        if let Some(how) = &e.date_inferred {
                            <p class="card__note"><strong>{ "How the date was inferred: " }</strong>{ how }</p>
                        }
                        if let Some(note) = &e.note {
                            <p class="card__note"><strong>{ "Note: " }</strong>{ note }</p>
                        }
                    </div>
                }
            </article>
        </li>
    }
}

/// The exact words of the article, who they are attributed to, and a way to
/// read them in their paragraph.
fn quote(d: &Dossier, p: &Provenance) -> Html {
    let open = {
        let show = d.show_source.clone();
        let p = p.clone();
        Callback::from(move |e: MouseEvent| {
            // Focused as the panel opens, so that closing it comes back
            // here: Safari and Firefox on a Mac do not focus a button that
            // is clicked.
            let _ = e.target_unchecked_into::<web_sys::HtmlElement>().focus();
            show.emit(Some(p.clone()))
        })
    };
    html! {
        <figure class="quote">
            <blockquote class="quote__text">{ present::quoted(&p.quote, d.dataset.paragraph(p.paragraph).unwrap_or_default()) }</blockquote>
            <figcaption class="quote__caption">
                { present::attribution(&d.dataset, p) }
                if d.page.options.parts.source {
                    { " · " }
                    <button type="button" class="link-button" onclick={open}>
                        { format!("Read paragraph {} of the article", p.paragraph) }
                    </button>
                } else {
                    { format!(" · paragraph {} of the article", p.paragraph) }
                }
            </figcaption>
        </figure>
    }
}

/// A button that selects another event, named by its summary: the whole
/// of a part, or a part of a whole.
fn event_link(d: &Dossier, e: &Event) -> Html {
    let select = {
        let id = e.id.clone();
        let dispatch = d.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Select(Selection::Event(id.clone())));
            // The reader lands on the card named, once drawn (first, when
            // the filters hide it or the pages drawn do not reach it).
            let heading = format!("dossier-summary-{id}");
            gloo::timers::callback::Timeout::new(0, move || {
                let heading = gloo::utils::document()
                    .get_element_by_id(&heading)
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(h) = heading {
                    h.set_tab_index(-1);
                    super::focus_in_view(&h);
                }
            })
            .forget();
        })
    };
    html! {
        <button type="button" class="link-button" data-event-link={e.id.clone()} onclick={select}>
            { format!("{}: {}", present::event_date(e), e.summary) }
        </button>
    }
}
