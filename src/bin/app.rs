//! The widget's entry point: Trunk builds this binary for wasm32.

use dossier::components::page::{current_fragment, current_page};
use dossier::view::app::Loaded;
use dossier::{App, AppProps};

/// A panic stops the module with a trap, which web/boot.js catches and
/// reports in the widget's place: the release build runs no panic hook
/// (web/release-build.sh), and a debug build's, Yew's, writes the message
/// on the console first.
fn main() {
    dossier::components::lend_browser_case();
    let root = gloo::utils::document()
        .get_element_by_id("dossier")
        .unwrap_or_else(|| gloo::utils::body().into());
    let fragment = current_fragment();
    let page = current_page();
    // index.html and embed.html carry the opening view, pre-rendered
    // (`dossier prerender`), so that the reader sees the story before the
    // wasm has loaded. The widget renders afresh beside it and takes its
    // place once its first render is done, in the same task, so no frame
    // shows both or neither. (Hydrating the picture instead would cost the
    // reader Yew's hydration code and the Unicode case tables it pulls in:
    // about 20 KB gzip.)
    let prerendered = root.first_element_child();
    // `data-live` on the host says the widget has taken over: until then a
    // pre-rendered view is only a picture of it.
    let on_live = {
        let root = root.clone();
        yew::Callback::from(move |()| {
            if let Some(picture) = &prerendered {
                picture.remove();
            }
            let _ = root.set_attribute("data-live", "");
        })
    };
    // The page carries its story (`dossier prerender`), after its view.
    let story = gloo::utils::document()
        .get_element_by_id("dossier-story")
        .and_then(|el| el.text_content());
    let props = AppProps {
        on_live: Some(on_live),
        loaded: Some(Loaded::from_page(story.as_deref())),
        fragment: Some(fragment.into()),
        load_from_query: true,
        page: Some(page),
    };
    // The first render in a task of its own: compiling and starting the
    // module is one long task on a phone's main thread and the render
    // another, and two halves block the reader's taps for less than the
    // whole (Total Blocking Time counts what each task takes past 50 ms).
    gloo::timers::callback::Timeout::new(0, move || {
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    })
    .forget();
}
