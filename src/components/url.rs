//! The browser end of "the URL is the state": write the view to the fragment
//! after each change, and restore it when the reader steps back or forward.

use super::context::Store;
use crate::model::Dataset;
use crate::state::{Action, ViewState};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The current fragment, without its `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// This page's URL with the given fragment. The query (where an embedding
/// host such as pym.js puts `initialWidth` and `childId`) is kept as it is.
pub fn url_with_fragment(fragment: &str) -> String {
    let location = gloo::utils::window().location();
    let mut url = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Keep the URL and the view in step.
///
/// Each change of filters pushes a history entry, so Back undoes it; typing
/// in the search box replaces the entry instead, so that Back does not step
/// through every keystroke. In an embed every change replaces the entry: a
/// frame's history entries would be the host page's, and Back would step
/// through the widget's filters instead of leaving the article.
#[hook]
pub fn use_url_sync(store: &UseReducerHandle<Store>, ds: &Rc<Dataset>, embedded: bool) {
    let last = use_mut_ref(|| None::<Rc<ViewState>>);
    use_effect_with(store.0.clone(), move |state| {
        write(&last, state, embedded);
    });
    let dispatch = store.dispatcher();
    let ds = ds.clone();
    // Listen once per mount: the story view is remounted for a new dataset.
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            let restored = ViewState::from_fragment_for(&current_fragment(), &ds);
            dispatch.dispatch(Action::Restore(restored));
        });
        move || drop(listener)
    });
}

fn write(last: &Rc<RefCell<Option<Rc<ViewState>>>>, state: &Rc<ViewState>, embedded: bool) {
    let fragment = state.to_fragment();
    let previous = last.borrow_mut().replace(state.clone());
    if fragment == current_fragment() {
        return;
    }
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let url = url_with_fragment(&fragment);
    let only_search_changed = previous.is_some_and(|p| {
        let mut same = (*p).clone();
        same.filters.query = state.filters.query.clone();
        same == **state && p.filters.query != state.filters.query
    });
    let _ = if only_search_changed || embedded {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Copy text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
