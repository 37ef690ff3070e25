//! The state every component of one story shares, and the hook that reads it.

use super::ptr::ByPtr;
use crate::format::model::{Dataset, Provenance};
use crate::view::filter::{EventIndex, Outcome};
use crate::view::page::Page;
use crate::view::state::{Action, ViewState};
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

/// What the components of one story share. The callbacks are made once per
/// story, so two contexts are equal exactly when what they show is.
#[derive(Clone, PartialEq)]
pub struct Dossier {
    pub dataset: ByPtr<Dataset>,
    pub view: Rc<ViewState>,
    /// The events the filters let through, and the option counts.
    pub outcome: ByPtr<Outcome>,
    /// The story's index: its date extent and each event's parts.
    pub index: ByPtr<EventIndex>,
    pub dispatch: Callback<Action>,
    /// The quote the source panel shows in its paragraph, if open.
    pub source: Option<Provenance>,
    pub show_source: Callback<Option<Provenance>>,
    /// Where the widget runs and the options it was opened with.
    pub page: ByPtr<Page>,
    /// The story came from a file on the reader's device: no link or
    /// embed code can carry it.
    pub local: bool,
}

impl Dossier {
    /// The view as the URL's fragment, relative to the view the page opens on.
    pub fn fragment(&self) -> String {
        self.view.to_fragment_over(self.page.options.view)
    }

    /// A callback that sends this one action, whatever the event (see
    /// [`send`]): for an action known when the control is drawn. One made
    /// from what the event carries (a text typed) is [`Dossier::action`]'s.
    pub fn send<E>(&self, action: Action) -> Callback<E> {
        send(&self.dispatch, action)
    }

    /// A callback that sends one action, made from what the event carries.
    pub fn action<E>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e| dispatch.emit(make(e)))
    }
}

/// A callback that sends this one action to `dispatch`, whatever the event:
/// one copy of its code per kind of event in the download, where a closure
/// that makes its action is a copy per button.
pub fn send<E>(dispatch: &Callback<Action>, action: Action) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.emit(action.clone()))
}

/// The shared state of the story being shown.
#[hook]
pub fn use_dossier() -> Dossier {
    use_context::<Dossier>().expect("components are rendered inside a StoryView")
}
