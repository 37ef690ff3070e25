//! The story editor's entry point (editor.html): Trunk builds this binary
//! for wasm32 next to the widget. No page of the widget loads it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    dossier::components::editor::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "The editor runs in the browser: `make serve`, then open http://127.0.0.1:8080/editor.html"
    );
}
