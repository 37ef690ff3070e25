//! The widget's entry point: Trunk builds this binary for wasm32.

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("dossier")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<dossier::App>::with_root(root).render();
}
