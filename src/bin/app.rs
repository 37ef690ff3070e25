//! The widget's entry point: Trunk builds this binary for wasm32.

use dossier::components::page::{current_fragment, current_page};
use dossier::view::embed::Parts;
use dossier::{App, AppProps};

/// The last resort: if anything panics, say so in the widget's place rather
/// than leave it blank or frozen. The message is set as text, never as HTML.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Dossier stopped: {info}").into());
        let document = gloo::utils::document();
        let Some(root) = document.get_element_by_id("dossier") else {
            return;
        };
        let message = document.create_element("section").ok();
        if let Some(message) = message {
            message.set_class_name("dossier__crashed");
            let _ = message.set_attribute("role", "alert");
            message.set_text_content(Some(
                "Sorry: this interactive stopped because of an internal error. \
                 Reload the page to try again; the story's text above and below is unaffected.",
            ));
            root.set_text_content(None);
            let wrapper = document.create_element("div").ok();
            if let Some(wrapper) = wrapper {
                wrapper.set_class_name("dossier");
                let _ = wrapper.append_child(&message);
                let _ = root.append_child(&wrapper);
            }
        }
    }));
}

fn main() {
    install_panic_hook();
    dossier::components::lend_browser_case();
    let root = gloo::utils::document()
        .get_element_by_id("dossier")
        .unwrap_or_else(|| gloo::utils::body().into());
    let fragment = current_fragment();
    let page = current_page();
    // index.html and embed.html carry the opening view, pre-rendered
    // (`dossier prerender`): take it over as it is when the page opens on
    // that view; for any other (a shared link, hidden parts, another story)
    // start afresh, as hydration needs the same markup on both sides. A
    // theme only changes a class, which hydration sets.
    let prerendered = root.first_element_child();
    let prerendered_embed = prerendered
        .as_ref()
        .is_some_and(|el| el.class_list().contains("dossier--embed"));
    let same_view = prerendered.is_some()
        && fragment.is_empty()
        && page.data.is_none()
        && page.options.view.is_none()
        && page.options.parts == Parts::default()
        && page.options.embed == prerendered_embed;
    // `data-live` on the host says the widget has taken over the markup:
    // until then a pre-rendered view is only a picture of it.
    let on_live = {
        let root = root.clone();
        yew::Callback::from(move |()| {
            let _ = root.set_attribute("data-live", "");
        })
    };
    let props = AppProps {
        on_live: Some(on_live),
        loaded: None,
        fragment: Some(fragment.into()),
        load_from_query: true,
        page: Some(page),
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    if same_view {
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}
