//! The browser end of "the URL is the state": write the view to the fragment
//! after each change, and restore it when the reader steps back or forward.
//! The article the source panel opens is a step in the history too (see
//! [`push_article_step`]), so that Back closes it.

use super::context::Store;
use super::page::{current_fragment, url_with_fragment};
use crate::format::model::{Dataset, Provenance};
use crate::view::state::{Action, ViewKind, ViewState};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// How the page was opened, as far as its URL is concerned.
#[derive(Clone, Copy, PartialEq)]
pub struct UrlPage {
    /// The view the page opens on (`?view=`), if it names one.
    pub opening: Option<ViewKind>,
    /// In an embed, whose history entries are the host page's.
    pub embedded: bool,
}

/// Keep the URL and the view in step.
///
/// The first write only puts the link the page opened with into canonical
/// form (unknown ids dropped, the encoding normalised), so it replaces the
/// entry: Back still leaves the page at once. After that, each change of
/// filters pushes a history entry, so Back undoes it; typing in the search
/// box replaces the entry instead, so that Back does not step through every
/// keystroke. In an embed every change replaces the entry: a frame's history
/// entries would be the host page's, and Back would step through the
/// widget's filters instead of leaving the article.
///
/// The write waits until the change is painted: `history.pushState` costs
/// milliseconds in Chromium, and the reader sees the cards before the
/// address bar.
///
/// `show_source` closes the source panel when the reader steps back from
/// its article's step ([`push_article_step`]).
#[hook]
pub fn use_url_sync(
    store: &UseReducerHandle<Store>,
    ds: &Rc<Dataset>,
    page: UrlPage,
    show_source: &Callback<Option<Provenance>>,
) {
    let writer = use_mut_ref(Writer::default);
    {
        let writer = writer.clone();
        use_effect_with(store.0.clone(), move |state| {
            Writer::schedule(&writer, state.clone(), page);
        });
    }
    // A story replaced by another drops its unwritten change, and the
    // article step of its source panel, which goes with it.
    let dropped = writer.clone();
    use_effect_with((), move |_| {
        move || {
            dropped.borrow_mut().pending = None;
            STEP.set(Step::None);
        }
    });
    let dispatch = store.dispatcher();
    let ds = ds.clone();
    let show_source = show_source.clone();
    // Listen once per mount: the story view is remounted for a new dataset.
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            // A step back or forward drops the write still waiting: the
            // address is now the step's, and writing the last view over it
            // would push an entry and cut the history ahead (Back, then
            // Forward at once, found nothing to go forward to).
            let waiting = writer.borrow_mut().pending.take();
            match STEP.replace(Step::None) {
                // Leaving the open article's step (Back, as the page made
                // no step after it, or a move to another address in the
                // page): the article closes, and the view is the address's.
                Step::Open => show_source.emit(None),
                // The article was closed (`take_article_step_off`): the
                // view stays as it is, a search typed while the article
                // was open included, written over the step come back to.
                Step::Closing => {
                    let last = waiting.or_else(|| writer.borrow().last.clone());
                    if let Some(state) = last {
                        write(None, &state, page);
                        writer.borrow_mut().last = Some(state);
                    }
                    return;
                }
                Step::None => {}
            }
            let restored = ViewState::opening(&current_fragment(), &ds, page.opening);
            dispatch.dispatch(Action::Restore(Box::new(restored)));
        });
        move || drop(listener)
    });
}

/// The last state written to the URL, and the one waiting to be.
#[derive(Default)]
struct Writer {
    /// None until the first write: the page's own link, made canonical.
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
    fn schedule(writer: &Rc<RefCell<Writer>>, state: Rc<ViewState>, page: UrlPage) {
        Writer::flush(writer, page);
        writer.borrow_mut().pending = Some(state);
        let flush = || -> Box<dyn FnOnce()> {
            let writer = writer.clone();
            Box::new(move || Writer::flush(&writer, page))
        };
        let frame = super::after_paint(flush());
        writer.borrow_mut().frame = Some(frame);
        gloo::timers::callback::Timeout::new(100, flush()).forget();
    }

    fn flush(writer: &Rc<RefCell<Writer>>, page: UrlPage) {
        let mut w = writer.borrow_mut();
        let Some(state) = w.pending.take() else {
            return;
        };
        let frame = w.frame.take();
        let previous = w.last.replace(state.clone());
        drop(w);
        drop(frame);
        // Opened on a chosen event (a shared link), the page goes to its
        // card, once it is painted. Not in an embed: its frame has no
        // scroll of its own, and the host page's scroll is the reader's.
        if previous.is_none() && !page.embedded {
            if let Ok(Some(card)) = gloo::utils::document().query_selector(".card[data-selected]") {
                super::to_middle(&card);
            }
        }
        write(previous, &state, page);
    }
}

fn write(previous: Option<Rc<ViewState>>, state: &Rc<ViewState>, page: UrlPage) {
    let fragment = state.to_fragment_over(page.opening);
    if fragment == current_fragment() {
        return;
    }
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let url = url_with_fragment(&fragment);
    let replace = match previous {
        // The opening link, made canonical.
        None => true,
        Some(p) => {
            let mut same = (*p).clone();
            same.filters.query = state.filters.query.clone();
            let only_search_changed = same == **state && p.filters.query != state.filters.query;
            only_search_changed || page.embedded
        }
    };
    // A filter changed while the article is open takes the article's step
    // over, rather than making one after it: Back then undoes the filter,
    // as without the article, and closing the article leaves the step.
    let over_article = !replace && STEP.get() == Step::Open;
    if over_article {
        STEP.set(Step::None);
    }
    let _ = if replace || over_article {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Where the history stands with the source panel's article.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// No step of the article's (none made, or one left from before a
    /// reload, past which Back would leave the page).
    None,
    /// The current step is the open article's, made by this page.
    Open,
    /// The article was closed and its step is being taken off: the
    /// `popstate` of that step back is still to come.
    Closing,
}

thread_local! {
    static STEP: std::cell::Cell<Step> = const { std::cell::Cell::new(Step::None) };
}

/// The source panel has opened the article: outside an embed (whose steps
/// would be the host page's), that is a step in the browser's history, so
/// that a phone's Back closes it, as it closes a sheet, and the reader
/// stays in the story rather than leaving the page. A quote opened over
/// another is the same step; so is one opened while the last one's step
/// is still being taken off.
pub fn push_article_step(embedded: bool) {
    if embedded || STEP.get() != Step::None {
        return;
    }
    if let Ok(history) = gloo::utils::window().history() {
        if history
            .push_state_with_url(&JsValue::NULL, "", None)
            .is_ok()
        {
            STEP.set(Step::Open);
        }
    }
}

/// The reader closes the article: its step is taken off the history if it
/// is still the current one.
pub fn take_article_step_off() {
    if STEP.get() == Step::Open
        && gloo::utils::window()
            .history()
            .and_then(|h| h.back())
            .is_ok()
    {
        STEP.set(Step::Closing);
    }
}
