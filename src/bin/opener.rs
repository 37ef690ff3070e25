//! The opener's wasm module: Trunk builds it next to the widget
//! (index.html, data-bin="opener"), and `web/opener-worker.js` runs it in a
//! worker when a reader first opens a file, follows a `?data=` link or drops
//! a file. It holds what the reader of the bundled story never needs: the
//! JSON parser, the validator and its messages, the ACLED importer. The
//! core is [`dossier::open`]; this only hands bytes across, and says why
//! a file or a link the worker's script could not read was not read.

use dossier::components::loader::{unread, Unread};
use dossier::format::model::MAX_BYTES;
use dossier::format::packed::Reply;
use wasm_bindgen::prelude::*;

/// Open `bytes`, the file or linked story called `name`, which the
/// worker's script read or fetched: every reply, the progress and then the
/// last word, goes to `post`, each a packed [`Reply`]. A last word that
/// cannot be posted is thrown, for the worker to say so.
#[wasm_bindgen]
pub fn open(name: String, bytes: Vec<u8>, post: &js_sys::Function) -> Result<(), JsValue> {
    dossier::components::lend_browser_case();
    // A warm-up the file cut short is of no more use: its memory goes to the file.
    WARM_UP.with_borrow_mut(|warm| *warm = None);
    let last = if bytes.len() > MAX_BYTES {
        Reply::Failed(unread("", Unread::TooLarge(bytes.len())))
    } else {
        dossier::open::open(&name, bytes, |reply| {
            let _ = send(post, &reply);
        })
    };
    let sent = send(post, &last);
    // The story is freed only now, once the page has it: freeing tens of
    // thousands of events is no longer between the file and the reader.
    drop(last);
    sent
}

/// Say why `place` (an address, or a file's name) could not be read, as
/// the worker's script found it: `why` is "unreachable", "answered" (with
/// the server's `status` and `text`), "large" (with the size in `status`),
/// "cut" or "file".
#[wasm_bindgen]
pub fn unreadable(
    place: &str,
    why: &str,
    status: f64,
    text: String,
    post: &js_sys::Function,
) -> Result<(), JsValue> {
    dossier::components::lend_browser_case();
    let why = match why {
        "answered" => Unread::Answered(status as u16, text),
        "large" => Unread::TooLarge(status as usize),
        "cut" => Unread::Cut,
        "file" => Unread::File,
        _ => Unread::Unreachable,
    };
    send(post, &Reply::Failed(unread(place, why)))
}

fn send(post: &js_sys::Function, reply: &Reply) -> Result<(), JsValue> {
    let bytes = js_sys::Uint8Array::from(reply.to_bytes().as_slice());
    post.call1(&JsValue::NULL, &bytes).map(drop)
}

thread_local! {
    static WARM_UP: std::cell::RefCell<Option<dossier::open::WarmUp>> =
        const { std::cell::RefCell::new(None) };
}

/// One step of the importer's warm-up on a small generated export, before
/// a file comes ([`dossier::open::WarmUp`]); true once it is done. The
/// worker calls it again until then, unless a file has come.
#[wasm_bindgen]
pub fn warm_up_step() -> bool {
    dossier::components::lend_browser_case();
    WARM_UP.with_borrow_mut(|warm| {
        let done = warm.get_or_insert_with(dossier::open::WarmUp::new).step();
        if done {
            *warm = None;
        }
        done
    })
}

fn main() {}
