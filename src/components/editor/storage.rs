//! The editor's edges with the browser: its drafts in `localStorage`, and
//! the file an export downloads. What is stored under which key is decided
//! in [`crate::author::drafts`].

use crate::author::drafts::{self, DraftInfo};
use wasm_bindgen::JsCast;

fn storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| {
            "this browser does not let the page keep data (storage is blocked)".to_owned()
        })
}

/// The drafts kept in this browser, newest first.
pub fn list() -> Vec<DraftInfo> {
    let text = storage()
        .ok()
        .and_then(|s| s.get_item(drafts::INDEX_KEY).ok().flatten());
    drafts::parse(text.as_deref())
}

/// A draft's JSON text, if it is kept.
pub fn load(id: &str) -> Option<String> {
    storage()
        .ok()?
        .get_item(&drafts::draft_key(id))
        .ok()
        .flatten()
}

/// Keep a draft, and put it first in the list. The error says why the
/// browser refused (storage full or blocked).
pub fn save(id: &str, title: &str, json: &str) -> Result<(), String> {
    let s = storage()?;
    let refused = |e: wasm_bindgen::JsValue| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        if name.contains("Quota") {
            "the browser's storage for this page is full".to_owned()
        } else {
            "the browser refused to keep it (storage is blocked)".to_owned()
        }
    };
    s.set_item(&drafts::draft_key(id), json).map_err(refused)?;
    let mut list = list();
    drafts::upsert(
        &mut list,
        DraftInfo {
            id: id.to_owned(),
            title: title.to_owned(),
            saved: js_sys::Date::now(),
        },
    );
    s.set_item(drafts::INDEX_KEY, &drafts::to_text(&list))
        .map_err(refused)
}

/// Forget a draft.
pub fn delete(id: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(&drafts::draft_key(id));
        let mut list = list();
        drafts::remove(&mut list, id);
        let _ = s.set_item(drafts::INDEX_KEY, &drafts::to_text(&list));
    }
}

/// Offer `text` as a file to download.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file".to_owned())?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link".to_owned())?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The page's address with `?draft=id` (or without a draft), so that a
/// reload opens the same draft. The history entry is replaced.
pub fn remember_in_url(id: Option<&str>) {
    let window = gloo::utils::window();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let url = match id {
        Some(id) => format!("{path}?draft={id}"),
        None => path,
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A query parameter of the page's address.
pub fn query(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    // Bound before the end of the block: the parse borrows `search`.
    let value = crate::base::query::parse(search.trim_start_matches('?'))
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned());
    value
}
