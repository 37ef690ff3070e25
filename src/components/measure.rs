//! Hooks that read the page: an element's width as it changes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// The width of the element behind `node`, in whole CSS pixels, kept up to
/// date by a `ResizeObserver`; `fallback` until it is known (and in
/// server-side rendering, where no effect runs).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let watch = node.cast::<Element>().and_then(|el| {
                let read = {
                    let (el, width) = (el.clone(), width.clone());
                    move || {
                        let w = f64::from(el.client_width());
                        if w > 0.0 {
                            width.set(w);
                        }
                    }
                };
                read();
                let callback = Closure::<dyn FnMut()>::new(read);
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
