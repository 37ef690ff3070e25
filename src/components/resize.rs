//! Watching an element's size: one `ResizeObserver` wrapper, and the hook
//! the charts use to draw at their measured width.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// Calls `on_resize` whenever `el` changes size, until dropped.
pub struct ResizeWatch {
    observer: ResizeObserver,
    // Held for as long as the observer may call it.
    _callback: Closure<dyn FnMut()>,
}

impl ResizeWatch {
    pub fn new(el: &Element, on_resize: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The width of the element behind `node`, in whole CSS pixels, kept up to
/// date as it changes (while it has a box); `fallback` until it is known (and in server-side
/// rendering, where no effect runs).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    use_measured(node, false).map_or(fallback, |(w, _)| w)
}

/// The width and height of the element behind `node`, in whole CSS pixels,
/// kept up to date as they change; `None` until first measured (and in
/// server-side rendering, where no effect runs).
#[hook]
pub fn use_size(node: NodeRef) -> Option<(f64, f64)> {
    use_measured(node, true)
}

/// The element's size once it has a width (and a height, when `need_height`).
#[hook]
fn use_measured(node: NodeRef, need_height: bool) -> Option<(f64, f64)> {
    let size = use_state_eq(|| None::<(f64, f64)>);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let watch = node.cast::<Element>().and_then(|el| {
                let read = move || {
                    let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
                    // A hidden or detached element reads 0: keep the last size.
                    if w > 0.0 && (h > 0.0 || !need_height) {
                        size.set(Some((w, h)));
                    }
                };
                read();
                let el = node.cast::<Element>()?;
                ResizeWatch::new(&el, read)
            });
            move || drop(watch)
        });
    }
    *size
}
