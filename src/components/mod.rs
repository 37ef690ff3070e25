//! The Yew components: they wire state to markup and hold no domain logic.
//! Filtering, URL state, labels and validation live in the pure modules.

mod cards;
mod charts;
mod context;
mod embed;
mod filters;
mod header;
mod loader;
mod measure;
mod network;
mod problems;
mod source;
mod url;

use crate::filter::EventIndex;
use crate::model::{Dataset, Provenance};
use crate::state::{Action, ViewKind, ViewState};
use crate::story::first_story;
use crate::validate::Problem;
use cards::{CardList, Toolbar};
use charts::{CasualtyChart, TimelineChart};
pub use context::use_dossier;
use context::{Dossier, Store};
pub use embed::Page;
use embed::{use_height_messages, SharePanel};
use filters::{ActiveFilters, FilterPanel};
use header::StoryHeader;
use network::NetworkView;
use problems::ProblemPanel;
use source::SourcePanel;
use std::rc::Rc;
use yew::prelude::*;

/// What the widget shows: a story, or why it cannot.
#[derive(Clone, PartialEq)]
pub enum Loaded {
    Story(Rc<Dataset>),
    Broken(Rc<Vec<Problem>>),
}

impl Loaded {
    pub fn bundled() -> Self {
        match first_story() {
            Ok(ds) => Loaded::Story(Rc::new(ds)),
            Err(problems) => Loaded::Broken(Rc::new(problems)),
        }
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The story to show; the bundled first story when absent.
    #[prop_or_default]
    pub loaded: Option<Loaded>,
    /// The URL fragment the page opened with: the reader's view.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// Read `?data=<url>` from the page and load that story in place of the
    /// bundled one. Off for server-side rendering.
    #[prop_or_default]
    pub load_from_query: bool,
    /// The page and its embed options; read from the browser's location
    /// when absent.
    #[prop_or_default]
    pub page: Option<Page>,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = {
        let given = props.loaded.clone();
        use_state(move || given.unwrap_or_else(Loaded::bundled))
    };
    let page = {
        let (given, browser) = (props.page.clone(), props.load_from_query);
        use_memo((), move |_| {
            given.unwrap_or_else(|| {
                if browser {
                    Page::current()
                } else {
                    Page::default()
                }
            })
        })
    };
    use_height_messages(&page.options);
    let root = classes!(
        "dossier",
        page.options.embed.then_some("dossier--embed"),
        page.options.theme.class()
    );
    // A story fetched from ?data=: while it loads, a status line; if it
    // fails, the bundled story stays and the problems are listed above it.
    let loading = use_state(|| None::<String>);
    let failed = use_state(|| None::<Rc<Vec<Problem>>>);
    {
        let (loaded, loading, failed) = (loaded.clone(), loading.clone(), failed.clone());
        let enabled = props.load_from_query;
        use_effect_with((), move |_| {
            match enabled.then(loader::data_url_from_query).flatten() {
                Some(Ok(url)) => {
                    loading.set(Some(url.clone()));
                    wasm_bindgen_futures::spawn_local(async move {
                        match loader::fetch_dataset(&url).await {
                            Ok(ds) => loaded.set(Loaded::Story(Rc::new(ds))),
                            Err(problems) => failed.set(Some(Rc::new(problems))),
                        }
                        loading.set(None);
                    });
                }
                Some(Err(problems)) => failed.set(Some(Rc::new(problems))),
                None => {}
            }
        });
    }
    if let Some(url) = &*loading {
        return html! {
            <div class={root}>
                <p class="dossier__loading" role="status">{ format!("Loading the story from {url}…") }</p>
            </div>
        };
    }
    let notice = (*failed).clone().map(|problems| html! {
        <ProblemPanel title="The requested story could not be opened; showing the bundled story instead" {problems} />
    });
    let body = match (*loaded).clone() {
        Loaded::Story(ds) => {
            // One StoryView per dataset: a new story starts a fresh view,
            // and no render ever compares two datasets field by field.
            let key = Rc::as_ptr(&ds) as usize;
            html! { <StoryView {key} dataset={ds} fragment={props.fragment.clone()} page={page.clone()} /> }
        }
        Loaded::Broken(problems) => html! {
            <ProblemPanel title="This story's data could not be read" {problems} />
        },
    };
    html! { <div class={root}>{ notice }{ body }</div> }
}

#[derive(Properties)]
struct StoryViewProps {
    dataset: Rc<Dataset>,
    fragment: Option<AttrValue>,
    page: Rc<Page>,
}

impl PartialEq for StoryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && self.fragment == other.fragment
            && Rc::ptr_eq(&self.page, &other.page)
    }
}

/// One story: its header, the filters and the cards, sharing one state.
#[component]
fn StoryView(props: &StoryViewProps) -> Html {
    let ds = props.dataset.clone();
    let store = {
        let ds = ds.clone();
        let fragment = props.fragment.clone().unwrap_or_default();
        let opening = props.page.options.view;
        use_reducer(move || {
            let mut state = ViewState::from_fragment_for(&fragment, &ds);
            // The embed's opening view, unless the link names one.
            if let Some(view) =
                opening.filter(|_| !fragment.split('&').any(|p| p.starts_with("v=")))
            {
                state.view = view;
            }
            Store(Rc::new(state))
        })
    };
    // The dataset never changes within one StoryView (see its key), so the
    // index is built once and only the filters drive re-filtering.
    let index = {
        let ds = ds.clone();
        use_memo((), move |_| EventIndex::new(&ds))
    };
    let outcome = use_memo(store.0.filters.clone(), move |filters| index.apply(filters));
    let source = use_state(|| None::<Provenance>);
    let page = props.page.clone();
    url::use_url_sync(&store, &ds, page.options.embed);
    let parts = page.options.parts;

    let view = store.0.view;
    let switch = |to: ViewKind, label: &'static str| {
        let dispatch = store.dispatcher();
        html! {
            <button type="button" class="views__button" aria-pressed={(view == to).to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetView(to)))}>
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
    let context = Dossier {
        dataset: ds.clone(),
        view: store.0.clone(),
        outcome,
        dispatch: store.dispatcher().into(),
        source: (*source).clone(),
        show_source: Callback::from(move |p| source.set(p)),
        page: page.clone(),
    };
    html! {
        <ContextProvider<Dossier> {context}>
            if parts.header {
                <StoryHeader />
            }
            <div class="dossier__bar">
                { switcher }
                <SharePanel />
            </div>
            <div class={classes!("dossier__layout", (!parts.filters).then_some("dossier__layout--full"))}>
                if parts.filters {
                    <FilterPanel />
                }
                if view == ViewKind::Network {
                    <div class="dossier__results">
                        <ActiveFilters />
                        <NetworkView />
                    </div>
                } else if view == ViewKind::Charts {
                    <section class="dossier__results" aria-labelledby="dossier-charts-title">
                        <h2 id="dossier-charts-title" class="visually-hidden">{ "Charts" }</h2>
                        <TimelineChart />
                        <CasualtyChart />
                        <Toolbar />
                        <ActiveFilters />
                        <CardList />
                    </section>
                } else {
                    <section class="dossier__results" aria-labelledby="dossier-events-title">
                        <h2 id="dossier-events-title" class="visually-hidden">{ "Events" }</h2>
                        <Toolbar />
                        <ActiveFilters />
                        <CardList />
                    </section>
                }
            </div>
            if parts.source {
                <SourcePanel />
            }
        </ContextProvider<Dossier>>
    }
}
