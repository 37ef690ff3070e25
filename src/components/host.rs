//! The widget inside a host page: its height sent to the parent in both the
//! pym.js and the Datawrapper forms, and the parent's messages answered.
//! What the messages say, and which are accepted, is in [`crate::view::embed`].

use super::resize::ResizeWatch;
use crate::view::embed::{parse_parent, pym_height, pym_message, FromParent, Options};
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Window};
use yew::prelude::*;

/// The parent window, when the widget is in a frame.
fn parent() -> Option<Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (parent != window).then_some(parent)
}

/// The content's height in whole pixels.
fn content_height() -> u32 {
    gloo::utils::document().document_element().map_or(0, |el| {
        el.get_bounding_client_rect().height().ceil().max(0.0) as u32
    })
}

/// Bring `el` into the reader's view: in an embed, by asking the host page
/// to scroll to it, as pym.js's `scrollToChildPos` does (pym.js and
/// embed.js both act on it); a frame as tall as its content has no scroll
/// of its own. Called for what the reader asked for (a paragraph opened, a
/// control gone back to), never on its own.
pub fn bring_into_view(el: &web_sys::Element, options: &Options) {
    match options.embed.then(parent).flatten() {
        Some(parent) => {
            // The height first, so that the host's page is long enough to
            // scroll there (a panel just opened has not been measured yet);
            // then a point a little above `el`, clear of a sticky header.
            let id = options.message_id();
            post_height(&parent, id, content_height());
            // From the top of the page, not of the frame's window: focusing
            // `el` may have scrolled the frame while it was still short.
            let top = |e: &web_sys::Element| e.get_bounding_client_rect().top();
            let page = gloo::utils::document()
                .document_element()
                .map_or(0.0, |html| top(&html));
            let y = (top(el) - page - 80.0).max(0.0) as u32;
            let message = pym_message(id, "scrollToChildPos", y);
            let _ = parent.post_message(&JsValue::from_str(&message), "*");
        }
        None => super::to_middle(el),
    }
}

/// Tell the parent the height, in both protocols.
fn post_height(parent: &Window, id: &str, px: u32) {
    let _ = parent.post_message(&JsValue::from_str(&pym_height(id, px)), "*");
    let inner = js_sys::Object::new();
    let outer = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &JsValue::from_str(id), &JsValue::from(px));
    let _ = js_sys::Reflect::set(&outer, &JsValue::from_str("datawrapper-height"), &inner);
    let _ = parent.post_message(&outer, "*");
}

/// In an embed, keep the parent told of the content's height: on load,
/// whenever the content grows or shrinks, and when the parent announces a
/// width. Messages from anywhere but the parent, or in any other form, are
/// ignored.
#[hook]
pub fn use_height_messages(options: &Options) {
    let enabled = options.embed;
    let id = options.message_id().to_owned();
    use_effect_with((enabled, id), |(enabled, id)| {
        if *enabled {
            // No page margins (style/main.css); embed.html has it already.
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.class_list().add_1("dossier-embed");
            }
        }
        let parent = enabled.then(parent).flatten();
        let watch = parent.map(|parent| {
            let last = Rc::new(Cell::new(0u32));
            let send = {
                let (parent, id, last) = (parent.clone(), id.clone(), last.clone());
                move |force: bool| {
                    let px = content_height();
                    if px > 0 && (force || px != last.get()) {
                        last.set(px);
                        post_height(&parent, &id, px);
                    }
                }
            };
            send(true);
            let observer = gloo::utils::document().body().and_then(|body| {
                let send = send.clone();
                ResizeWatch::new(&body, move || send(false))
            });
            let listener = {
                let id = id.clone();
                EventListener::new(&gloo::utils::window(), "message", move |e| {
                    // A message listener hears message events only.
                    let e = e.unchecked_ref::<MessageEvent>();
                    // Compared as plain objects: a parent on another origin
                    // is not an `instanceof Window` from in here.
                    let from_parent = e
                        .source()
                        .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
                    let text = e.data().as_string();
                    if !from_parent {
                        return;
                    }
                    if let Some(FromParent::Width(_)) = text.and_then(|t| parse_parent(&t, &id)) {
                        send(true);
                    }
                })
            };
            (observer, listener)
        });
        move || drop(watch)
    });
}
