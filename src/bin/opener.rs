//! The opener's wasm module: Trunk builds it next to the widget
//! (index.html, data-bin="opener"), and `web/opener-worker.js` runs it in a
//! worker when a reader first opens a file, follows a `?data=` link or drops
//! a file. It holds what the reader of the bundled story never needs: the
//! JSON parser, the validator and its messages, the ACLED importer. The
//! core is [`dossier::open`]; this only hands bytes across.

use wasm_bindgen::prelude::*;

/// Open the file `name`: every progress reply goes to `progress`, and the
/// last word is returned; each is a packed [`dossier::format::packed::Reply`].
#[wasm_bindgen]
pub fn open(name: String, bytes: Vec<u8>, progress: &js_sys::Function) -> Vec<u8> {
    dossier::components::lend_browser_case();
    let post = |reply: dossier::format::packed::Reply| {
        let bytes = js_sys::Uint8Array::from(reply.to_bytes().as_slice());
        let _ = progress.call1(&JsValue::NULL, &bytes);
    };
    dossier::open::open(&name, bytes, post).to_bytes()
}

fn main() {}
