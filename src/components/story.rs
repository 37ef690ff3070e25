//! One story: its header, the view switcher, the filters and the view the
//! reader chose, sharing one reducer ([`crate::view::state`]) through the
//! [`Dossier`] context.

use super::cards::{toolbar, CardList};
use super::charts::{CasualtyChart, TimelineChart};
use super::context::{Dossier, Store};
use super::filters::{active_filters, use_filter_panel};
use super::header::story_header;
use super::network::NetworkView;
use super::open_file::open_file_button;
use super::ptr::ByPtr;
use super::share::use_share_panel;
use super::source::use_source_panel;
use super::url::{use_url_sync, UrlPage};
use crate::components::each;
use crate::format::model::{Dataset, Provenance};
use crate::view::filter::EventIndex;
use crate::view::page::Page;
use crate::view::state::{Action, ViewKind, ViewState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryViewProps {
    pub dataset: ByPtr<Dataset>,
    pub fragment: Option<AttrValue>,
    pub page: ByPtr<Page>,
    /// Opens a file the reader chose, where the page allows it.
    pub open: Option<Callback<web_sys::File>>,
    /// The story came from a file on the reader's device.
    #[prop_or_default]
    pub local: bool,
}

/// One story: its header, the filters and the cards, sharing one state.
#[component]
pub fn StoryView(props: &StoryViewProps) -> Html {
    let ds = props.dataset.0.clone();
    let page = props.page.clone();
    let store = {
        let ds = ds.clone();
        let fragment = props.fragment.clone().unwrap_or_default();
        let opening = page.options.view;
        use_reducer(move || Store(Rc::new(ViewState::opening(&fragment, &ds, opening))))
    };
    // The dataset never changes within one StoryView (see its key), so the
    // index is built once and only the filters drive re-filtering.
    let index = {
        let ds = ds.clone();
        use_memo((), move |_| EventIndex::new(&ds))
    };
    let outcome = {
        let index = index.clone();
        use_memo(store.0.filters.clone(), move |filters| index.apply(filters))
    };
    // Made once per story, so that the context compares equal while
    // nothing it shows has changed.
    let dispatch = {
        let dispatcher = store.dispatcher();
        use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(a)))
    };
    let source = use_state(|| None::<Provenance>);
    let show_source = {
        let setter = source.setter();
        use_callback((), move |p, _| setter.set(p))
    };
    use_url_sync(
        &store,
        &ds,
        UrlPage {
            opening: page.options.view,
            embedded: page.options.embed,
        },
        &show_source,
    );
    let parts = page.options.parts;

    let view = store.0.view;
    let switch = |to: ViewKind, label: &'static str| {
        html! {
            <button type="button" class="views__button" aria-pressed={crate::components::aria(view == to)}
                onclick={super::context::send::<MouseEvent>(&dispatch, Action::SetView(to))}>
                { label }
            </button>
        }
    };
    let switcher = html! {
        <div class="views" role="group" aria-label="View">
            { switch(ViewKind::Cards, "Events") }
            { switch(ViewKind::Network, "Network") }
            { switch(ViewKind::Charts, "Charts") }
        </div>
    };
    // Past the filters in one step: at a desktop's width they are the
    // reader's first fifty Tab stops, before any event, mark or actor.
    let results = use_node_ref();
    let skip = {
        let results = results.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = results.cast::<web_sys::HtmlElement>() {
                super::focus_in_view(&el);
            }
        })
    };
    let context = Dossier {
        dataset: props.dataset.clone(),
        view: store.0.clone(),
        outcome: ByPtr(outcome),
        index: ByPtr(index),
        dispatch: (*dispatch).clone(),
        source: (*source).clone(),
        show_source,
        page: page.clone(),
        local: props.local,
    };
    let filter_panel = use_filter_panel(&context, parts.filters);
    let source_panel = use_source_panel(&context);
    let share_panel = use_share_panel(&context);
    html! {
        <ContextProvider<Dossier> context={context.clone()}>
            if parts.header {
                { story_header(&context) }
            }
            { switcher }
            if parts.filters {
                <button type="button" class="link-button visually-hidden skip" onclick={skip}>{ "Skip the filters" }</button>
            }
            <div class="dossier__layout" data-full={super::flag(!parts.filters)}>
                { filter_panel }
                if view == ViewKind::Network {
                    <section class="dossier__results" aria-label="Network" ref={results.clone()} tabindex="-1">
                        { active_filters(&context) }
                        <NetworkView />
                    </section>
                } else {
                    // The charts are drawn above the cards they filter, and
                    // the filters in force above both, as over the network.
                    <section class="dossier__results" aria-labelledby="dossier-results-title" ref={results} tabindex="-1">
                        <h2 id="dossier-results-title" class="visually-hidden">
                            { if view == ViewKind::Charts { "Charts" } else { "Events" } }
                        </h2>
                        { active_filters(&context) }
                        if view == ViewKind::Charts {
                            <TimelineChart />
                            <CasualtyChart />
                        }
                        { toolbar(&context) }
                        <CardList />
                    </section>
                }
            </div>
            if parts.source {
                { source_panel }
            }
            // How the data was made: its conventions and choices (an ACLED
            // import's says whose dead its fatalities count).
            if !ds.notes.is_empty() {
                <details class="dossier__notes">
                    <summary>{ "About this data" }</summary>
                    { each(ds.notes.iter().map(|n| html! { <p>{ n }</p> })) }
                </details>
            }
            // Sharing and embedding at the foot, as a chart's footer has
            // them: a phone's first screen is the story's.
            { share_panel }
            // The data journalist's tool, after the reader's: another story
            // from a file (or dropped anywhere on the widget).
            if let Some(open) = props.open.clone() {
                <div class="dossier__foot">
                    { open_file_button(open) }
                    <p class="dossier__foot-note">{ "Open a Dossier JSON or an ACLED CSV, or drop one here. It stays in your browser." }</p>
                </div>
            }
        </ContextProvider<Dossier>>
    }
}
