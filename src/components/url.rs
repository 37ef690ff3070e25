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
///
/// The write waits until the change is painted: `history.pushState` costs
/// milliseconds in Chromium, and the reader sees the cards before the
/// address bar.
#[hook]
pub fn use_url_sync(store: &UseReducerHandle<Store>, ds: &Rc<Dataset>, embedded: bool) {
    let writer = use_mut_ref(Writer::default);
    {
        let writer = writer.clone();
        use_effect_with(store.0.clone(), move |state| {
            Writer::schedule(&writer, state.clone(), embedded);
        });
    }
    // A story replaced by another drops its unwritten change.
    use_effect_with((), move |_| move || writer.borrow_mut().pending = None);
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

/// The last state written to the URL, and the one waiting to be.
#[derive(Default)]
struct Writer {
    last: Option<Rc<ViewState>>,
    pending: Option<Rc<ViewState>>,
    /// Held until the write, as dropping it cancels the frame.
    frame: Option<gloo::render::AnimationFrame>,
}

impl Writer {
    /// Write `state` just after the next paint: a task queued from an
    /// animation frame runs once that frame is painted. A timer stands in
    /// where frames do not come (a hidden tab, an off-screen frame).
    ///
    /// A change that comes while one waits writes that one first, so each
    /// change still makes its own history entry.
    fn schedule(writer: &Rc<RefCell<Writer>>, state: Rc<ViewState>, embedded: bool) {
        Writer::flush(writer, embedded);
        writer.borrow_mut().pending = Some(state);
        let flush = {
            let writer = writer.clone();
            move || Writer::flush(&writer, embedded)
        };
        let after_paint = flush.clone();
        let frame = gloo::render::request_animation_frame(move |_| {
            gloo::timers::callback::Timeout::new(0, after_paint).forget();
        });
        writer.borrow_mut().frame = Some(frame);
        gloo::timers::callback::Timeout::new(100, flush).forget();
    }

    fn flush(writer: &Rc<RefCell<Writer>>, embedded: bool) {
        let mut w = writer.borrow_mut();
        let Some(state) = w.pending.take() else {
            return;
        };
        let frame = w.frame.take();
        let previous = w.last.replace(state.clone());
        drop(w);
        drop(frame);
        write(previous, &state, embedded);
    }
}

fn write(previous: Option<Rc<ViewState>>, state: &Rc<ViewState>, embedded: bool) {
    let fragment = state.to_fragment();
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
