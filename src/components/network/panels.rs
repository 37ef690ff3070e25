//! Beside the drawing: the focused actor's ties, "Find an actor", the
//! legend, and the whole network as a list (its text alternative).

use crate::base::fold::{fold, Query};
use crate::base::gather::Gather;
use crate::components::context::{use_dossier, Dossier};
use crate::components::each;
use crate::components::ptr::ByPtr;
use crate::format::vocab::RelationFamily;
use crate::graph::network::{EdgeKind, EdgeStyle, Graph, NodeShape};
use crate::graph::view::{Described, BIG_NETWORK};
use crate::view::present::{self, and_list, plural};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FinderProps {
    pub graph: ByPtr<Graph>,
    /// Called with the node found, before focus moves to it.
    pub on_find: Callback<usize>,
}

#[derive(Properties, PartialEq)]
pub struct DescribedProps {
    pub graph: ByPtr<Graph>,
    pub described: ByPtr<Described>,
}

/// The focused or hovered actor's ties, each with its source quote: the
/// edge labels, readable by keyboard and screen reader.
pub fn node_details(
    d: &Dossier,
    g: &Graph,
    described: &Described,
    node: Option<usize>,
    together_on: bool,
) -> Html {
    let Some(n) = node.filter(|&n| n < g.nodes.len()) else {
        return html! { <p class="network__details network__details--empty" aria-live="polite">{ "Point at, tap or tab to an actor to see its ties and their sources." }</p> };
    };
    let actor = &d.dataset.actors[g.nodes[n].actor];
    // The ties drawn: those from shared events only while they are shown.
    let ties: Vec<usize> = described.ties[n]
        .iter()
        .copied()
        .filter(|&k| g.edges[k].drawn(together_on))
        .gather();
    html! {
        <div class="network__details" aria-live="polite">
            <h3 class="network__details-title">{ format!("{}: {}", actor.name, plural(ties.len(), "tie", "ties")) }</h3>
            <ul>{ each(ties.into_iter().map(|k| html! { <li>{ described.titles[k].clone() }</li> })) }</ul>
        </div>
    }
}

/// "Find an actor": type part of a name or alias, pick a match, and focus
/// goes to that actor's node (which a big network zooms to).
#[component]
pub fn ActorFinder(props: &FinderProps) -> Html {
    let d = use_dossier();
    let query = use_state(String::new);
    let q = Query::new(&query);
    let matches: Vec<(usize, String, String)> = if q.is_empty() {
        Vec::new()
    } else {
        props
            .graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (i, &d.dataset.actors[n.actor]))
            .filter(|(_, a)| {
                let mut text = a.name.clone();
                for alias in &a.aliases {
                    text.push(' ');
                    text.push_str(alias);
                }
                q.matches(&fold(&text))
            })
            .take(6)
            .map(|(i, a)| (i, a.id.clone(), a.name.clone()))
            .gather()
    };
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(super::super::value_of(&e)))
    };
    html! {
        <div class="network__finder">
            <label for="dossier-find-actor">{ "Find an actor" }</label>
            <input id="dossier-find-actor" type="search" autocomplete="off" value={(*query).clone()} oninput={on_input} />
            if !q.is_empty() {
                <ul class="network__matches" aria-live="polite">
                    if matches.is_empty() {
                        <li>{ "No actor in this view matches." }</li>
                    }
                    { each(matches.into_iter().map(|(i, id, name)| {
                        let on_find = props.on_find.clone();
                        let focus = Callback::from(move |_: MouseEvent| {
                            on_find.emit(i);
                            let selector = format!(".network [data-actor-id=\"{id}\"]");
                            if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                                super::super::focus(&el);
                            }
                        });
                        html! { <li><button type="button" class="link-button" onclick={focus}>{ name }</button></li> }
                    })) }
                </ul>
            }
        </div>
    }
}

/// What the shapes, sizes and lines mean, for those `graph` draws (the
/// ties from shared events only when they are shown); a kind a newsroom
/// added is listed in its own words. A `big` network draws the ties out of
/// focus as faint hairlines, and says so.
pub fn legend(d: &Dossier, graph: &Graph, big: bool, together_on: bool) -> Html {
    let ds = &d.dataset;
    // Only what the drawing has: its nodes' shapes and its ties' styles.
    let mut added: Vec<String> = graph
        .nodes
        .iter()
        .filter(|n| n.shape == NodeShape::Octagon)
        .map(|n| ds.actors[n.actor].kind.label().into_owned())
        .gather();
    crate::base::order::sort(&mut added);
    added.dedup();
    let mut added_ties: Vec<String> = graph
        .edges
        .iter()
        .filter_map(|e| match e.kind {
            EdgeKind::Relation(r) => ds.relations.get(r),
            EdgeKind::Together(_) => None,
        })
        .filter(|r| r.kind.family() == RelationFamily::Other)
        .map(|r| r.kind.label().into_owned())
        .gather();
    crate::base::order::sort(&mut added_ties);
    added_ties.dedup();
    let swatch = |s: NodeShape| {
        html! {
            <svg class="legend__swatch" data-shape={s.class()} viewBox="-12 -12 24 24" aria-hidden="true">
                <path d={s.path(8.0)} />
            </svg>
        }
    };
    // The arrowhead is drawn here, not the drawing's marker: that one is
    // sized for the drawing's scale, which a big network makes large.
    let line = |s: EdgeStyle| {
        let arrow = s == EdgeStyle::Hostility;
        html! {
            <svg class="legend__swatch legend__swatch--line" viewBox="0 0 32 12" aria-hidden="true">
                <line class="edge" data-tie={s.class()} x1="2" y1="6" x2={if arrow { "22" } else { "28" }} y2="6" />
                if arrow {
                    <path class="network__arrow" d="M21,2L30,6L21,10z" />
                }
            </svg>
        }
    };
    let unparty = present::no_party_ties(ds, |id| {
        graph.nodes.iter().any(|n| ds.actors[n.actor].id == id)
    });
    html! {
        <div class="network__legend">
            if !unparty.is_empty() {
                <p class="legend__note network__unparty">
                    { "Not drawn, as the text names no party for them: " }{ and_list(&unparty) }{ "." }
                </p>
            }
            <h3 class="visually-hidden">{ "Legend" }</h3>
            <ul class="legend">
                { each(NodeShape::ALL.iter().filter(|&&s| graph.nodes.iter().any(|n| n.shape == s))
                    .map(|&s| html! { <li>{ swatch(s) }{ s.label() }</li> })) }
                // The story's own kinds share one shape, so one entry names
                // them all: an entry for each would show the same symbol
                // again and again.
                if !added.is_empty() {
                    <li>{ swatch(NodeShape::Octagon) }{ and_list(&added) }</li>
                }
                <li class="legend__note">{ "Larger: in more events" }</li>
            </ul>
            <ul class="legend">
                { each(EdgeStyle::ALL.iter()
                    .filter(|&&s| (together_on || s != EdgeStyle::Together) && graph.edges.iter().any(|e| e.style == s))
                    .map(|&s| html! { <li>{ line(s) }{ s.label() }</li> })) }
                // So do its own kinds of tie: one entry, as one line
                // style draws them all (a tie's title names its kind),
                // read as kinds, not as one tie ("designated as
                // terrorists and fights").
                if !added_ties.is_empty() {
                    <li>{ line(EdgeStyle::Other) }{ "Other ties: " }{ and_list(&added_ties) }</li>
                }
                if big {
                    <li class="legend__note">{ "Faint lines: ties out of focus, in their kind’s colour (select an actor for its own)" }</li>
                }
            </ul>
        </div>
    }
}

/// The network as a list: every actor with its ties, for screen readers and
/// for readers who prefer text. A big network's list is written when it is
/// first opened: thousands of items no one has asked for would hold the
/// page as the network is first shown. (Until then the browser's find in
/// page does not see its text; the "Find an actor" box does.)
#[component]
pub fn ActorList(props: &DescribedProps) -> Html {
    let d = use_dossier();
    let (g, described) = (&props.graph, &props.described);
    let opened = use_state_eq(|| false);
    // Opened however it is (a press on its summary, a script, an
    // assistive tool), it is written from then on.
    let on_toggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<web_sys::Element>()
                .has_attribute("open")
            {
                opened.set(true);
            }
        })
    };
    html! {
        <details class="network__list" ontoggle={on_toggle}>
            <summary>{ "The actors and their ties, as a list" }</summary>
            if *opened || g.nodes.len() < BIG_NETWORK {
                // Text alone, written as one escaped text: built element by
                // element in the virtual DOM, it costs the reader's
                // download code for each (see `crate::base::html::table`).
                { Html::from_html_unchecked(AttrValue::from(actor_list_html(&d.dataset, g, described))) }
            }
        </details>
    }
}

/// The list's items: each actor, busiest first, with its kind, its events
/// and its ties, every text escaped.
fn actor_list_html(ds: &crate::format::model::Dataset, g: &Graph, described: &Described) -> String {
    use crate::base::html::escape;
    let mut out = String::from("<ul>");
    for &n in &described.order {
        let actor = &ds.actors[g.nodes[n].actor];
        out.push_str("<li><strong>");
        out.push_str(&escape(&actor.name));
        out.push_str("</strong>");
        out.push_str(&escape(&format!(
            " ({}, {})",
            crate::base::case::lower(&actor.kind.label()),
            plural(g.nodes[n].events, "event", "events")
        )));
        let ties = &described.ties[n];
        if !ties.is_empty() {
            out.push_str("<ul>");
            for &k in ties {
                out.push_str("<li>");
                out.push_str(&escape(&described.titles[k]));
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}
