//! The Yew components: they wire state to markup and hold no domain logic.

mod header;
mod problems;

use crate::model::Dataset;
use crate::story::first_story;
use crate::validate::Problem;
use header::StoryHeader;
use problems::ProblemPanel;
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
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = props.loaded.clone().unwrap_or_else(Loaded::bundled);
    html! {
        <div class="dossier">
            { match loaded {
                Loaded::Story(ds) => html! {
                    <>
                        <StoryHeader story={ds.clone()} />
                        <main class="dossier__views">
                            <EventList dataset={ds} />
                        </main>
                    </>
                },
                Loaded::Broken(problems) => html! {
                    <ProblemPanel title="This story's data could not be read" {problems} />
                },
            } }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EventListProps {
    dataset: Rc<Dataset>,
}

/// The story's events in date order, each with its attribution.
#[component]
fn EventList(props: &EventListProps) -> Html {
    let ds = &props.dataset;
    let mut events: Vec<_> = ds.events.iter().collect();
    events.sort_by_key(|e| (e.date.first_day(), e.date.last_day()));
    html! {
        <section class="dossier__events" aria-labelledby="dossier-events-title">
            <h2 id="dossier-events-title" class="dossier__section-title">
                { format!("Events ({})", events.len()) }
            </h2>
            <ol class="dossier__cards">
                { for events.into_iter().map(|e| {
                    let source = e.provenance.first()
                        .and_then(|p| ds.source(&p.source))
                        .map(|s| s.name.clone())
                        .unwrap_or_default();
                    html! {
                        <li class="card" data-event-id={e.id.clone()}>
                            <p class="card__meta">
                                <time datetime={e.date.to_string()}>{ e.date.human() }</time>
                                <span class="card__kind">{ e.kind.label() }</span>
                            </p>
                            <p class="card__summary">{ &e.summary }</p>
                            <p class="card__source">{ format!("According to {source}") }</p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
