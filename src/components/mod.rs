//! The Yew components: they wire state to markup and hold no domain logic.
//! Filtering, URL state, labels and validation live in the pure modules.

mod cards;
mod context;
mod filters;
mod header;
mod problems;
mod source;
mod url;

use crate::filter::EventIndex;
use crate::model::{Dataset, Provenance};
use crate::state::ViewState;
use crate::story::first_story;
use crate::validate::Problem;
use cards::{CardList, Toolbar};
pub use context::use_dossier;
use context::{Dossier, Store};
use filters::{ActiveFilters, FilterPanel};
use header::StoryHeader;
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
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = {
        let given = props.loaded.clone();
        use_memo((), move |_| given.unwrap_or_else(Loaded::bundled))
    };
    let body = match (*loaded).clone() {
        Loaded::Story(ds) => {
            // One StoryView per dataset: a new story starts a fresh view,
            // and no render ever compares two datasets field by field.
            let key = Rc::as_ptr(&ds) as usize;
            html! { <StoryView {key} dataset={ds} fragment={props.fragment.clone()} /> }
        }
        Loaded::Broken(problems) => html! {
            <ProblemPanel title="This story's data could not be read" {problems} />
        },
    };
    html! { <div class="dossier">{ body }</div> }
}

#[derive(Properties)]
struct StoryViewProps {
    dataset: Rc<Dataset>,
    fragment: Option<AttrValue>,
}

impl PartialEq for StoryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && self.fragment == other.fragment
    }
}

/// One story: its header, the filters and the cards, sharing one state.
#[component]
fn StoryView(props: &StoryViewProps) -> Html {
    let ds = props.dataset.clone();
    let store = {
        let ds = ds.clone();
        let fragment = props.fragment.clone().unwrap_or_default();
        use_reducer(move || Store(Rc::new(ViewState::from_fragment_for(&fragment, &ds))))
    };
    // The dataset never changes within one StoryView (see its key), so the
    // index is built once and only the filters drive re-filtering.
    let index = {
        let ds = ds.clone();
        use_memo((), move |_| EventIndex::new(&ds))
    };
    let outcome = use_memo(store.0.filters.clone(), move |filters| index.apply(filters));
    let source = use_state(|| None::<Provenance>);
    url::use_url_sync(&store, &ds);

    let context = Dossier {
        dataset: ds.clone(),
        view: store.0.clone(),
        outcome,
        dispatch: store.dispatcher().into(),
        source: (*source).clone(),
        show_source: Callback::from(move |p| source.set(p)),
    };
    html! {
        <ContextProvider<Dossier> {context}>
            <StoryHeader />
            <div class="dossier__layout">
                <FilterPanel />
                <section class="dossier__results" aria-label="Events">
                    <Toolbar />
                    <ActiveFilters />
                    <CardList />
                </section>
            </div>
            <SourcePanel />
        </ContextProvider<Dossier>>
    }
}
