//! The opener, seen from the reader: a worker that runs the opener's own
//! wasm module (`src/bin/opener.rs`), started the first time a story is
//! opened, and kept for the next. A file or a link goes in (the worker
//! reads or fetches it); packed [`Reply`]s come back.

use crate::format::packed::{ProblemText, Reply};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's script, beside the page.
const SCRIPT: &str = "./opener-worker.js";

/// The worker, and whether it is busy with a file (its replies then belong
/// to that file, so a new file gets a new worker).
struct Opener {
    worker: Worker,
    busy: bool,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    static OPENER: RefCell<Option<Opener>> = const { RefCell::new(None) };
    /// Whether a worker started early failed to load: then none is started
    /// early again (a drag asks many times a second), only for a file.
    static FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn cannot_open(why: &str) -> Reply {
    Reply::Failed(vec![ProblemText::whole(format!(
        "the part of Dossier that opens files could not start ({why}); reload the page to try again"
    ))])
}

/// The worker, started if there is none (or only a busy one, when
/// `replace_busy`).
fn worker(replace_busy: bool) -> Result<Worker, JsValue> {
    OPENER.with_borrow_mut(|slot| {
        if let Some(old) = slot.take_if(|o| o.busy && replace_busy) {
            old.worker.terminate();
        }
        if let Some(o) = slot.as_ref() {
            return Ok(o.worker.clone());
        }
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(SCRIPT, &options)?;
        // Until a file is sent, a worker whose files fail to load is
        // forgotten, so that the file gets a new one (and its failure).
        let forget = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            e.prevent_default();
            FAILED.set(true);
            OPENER.with_borrow_mut(|slot| slot.take());
        });
        worker.set_onerror(Some(forget.as_ref().unchecked_ref()));
        *slot = Some(Opener {
            worker: worker.clone(),
            busy: false,
            _on_message: None,
            _on_error: Some(forget),
        });
        Ok(worker)
    })
}

/// Start the opener before a file reaches it: when the reader presses
/// "Open file…" or drags a file over the widget, or a linked story starts
/// to load. Its module then loads and compiles while the reader chooses
/// the file or the story downloads, rather than after.
pub fn warm() {
    if !FAILED.get() {
        let _ = worker(false);
    }
}

/// What the opener is sent to open.
pub enum Source {
    /// A file the reader chose or dropped.
    File(web_sys::File),
    /// A story's address (`?data=`), checked: the worker fetches it, within
    /// [`super::loader::FETCH_TIMEOUT_MS`] and the size limit.
    Link(String),
}

/// Send `source`, called `name`, to the opener; `on_reply` hears each
/// reply, the last being `Opened` or `Failed`.
pub fn open(name: &str, source: Source, on_reply: impl Fn(Reply) + 'static) {
    let on_reply = std::rc::Rc::new(on_reply);
    let worker = match worker(true) {
        Ok(w) => w,
        Err(_) => return on_reply(cannot_open("the browser refused its worker")),
    };
    let on_message = {
        let on_reply = on_reply.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let reply = match data.dyn_ref::<js_sys::Uint8Array>() {
                Some(bytes) => Reply::from_bytes(&bytes.to_vec())
                    .unwrap_or_else(|| cannot_open("its answer was damaged")),
                None => cannot_open(&data.as_string().unwrap_or_default()),
            };
            if !matches!(reply, Reply::Progress { .. }) {
                OPENER.with_borrow_mut(|slot| slot.iter_mut().for_each(|o| o.busy = false));
            }
            on_reply(reply);
        })
    };
    let on_error = {
        let on_reply = on_reply.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            // A worker that cannot load its script is of no use for the next file.
            OPENER.with_borrow_mut(|slot| slot.take());
            on_reply(cannot_open("its files did not load"));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let name = JsValue::from_str(name);
    let source = match source {
        Source::File(file) => JsValue::from(file),
        Source::Link(url) => JsValue::from_str(&url),
    };
    let message = js_sys::Array::of4(
        &name,
        &source,
        &JsValue::from(super::loader::FETCH_TIMEOUT_MS),
        &JsValue::from(crate::format::model::MAX_BYTES as u32),
    );
    let sent = worker.post_message(&message);
    OPENER.with_borrow_mut(|slot| {
        if let Some(o) = slot.as_mut() {
            o.busy = sent.is_ok();
            o._on_message = Some(on_message);
            o._on_error = Some(on_error);
        }
    });
    if sent.is_err() {
        on_reply(cannot_open("the browser would not hand it the file"));
    }
}
