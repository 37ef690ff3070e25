//! The state every component shares, and the hook that reads it.

use super::embed::Page;
use crate::filter::Outcome;
use crate::model::{Dataset, Provenance};
use crate::state::{Action, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// The reader's view as a Yew reducer; the logic is [`ViewState::apply`].
#[derive(PartialEq)]
pub struct Store(pub Rc<ViewState>);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(Rc::new(self.0.apply(action))))
    }
}

/// What the components of one story share.
#[derive(Clone)]
pub struct Dossier {
    pub dataset: Rc<Dataset>,
    pub view: Rc<ViewState>,
    /// The events the filters let through, and the option counts.
    pub outcome: Rc<Outcome>,
    pub dispatch: Callback<Action>,
    /// The quote the source panel shows in its paragraph, if open.
    pub source: Option<Provenance>,
    pub show_source: Callback<Option<Provenance>>,
    /// Where the widget runs and the options it was opened with.
    pub page: Rc<Page>,
}

impl PartialEq for Dossier {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && self.view == other.view
            && Rc::ptr_eq(&self.outcome, &other.outcome)
            && self.source == other.source
            && Rc::ptr_eq(&self.page, &other.page)
    }
}

impl Dossier {
    /// A callback that sends one action, made from what the event carries.
    pub fn action<E>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e| dispatch.emit(make(e)))
    }
}

/// The shared state of the story being shown.
#[hook]
pub fn use_dossier() -> Dossier {
    use_context::<Dossier>().expect("components are rendered inside a StoryView")
}
