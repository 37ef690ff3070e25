//! The widget's entry point: Trunk builds this binary for wasm32.

use dossier::{App, AppProps};

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("dossier")
        .unwrap_or_else(|| gloo::utils::body().into());
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let props = AppProps {
        loaded: None,
        fragment: Some(hash.trim_start_matches('#').to_owned().into()),
        load_from_query: true,
        page: None,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
