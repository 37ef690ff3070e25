//! Reading a story's bytes: from `?data=<url>` (same origin or CORS,
//! http(s) only, with a time limit and a size limit) or from a file the
//! reader chose or dropped. The opener ([`super::opener`]) then checks
//! them with the same validator as `dossier check`, before they replace
//! anything.

use crate::format::model::{is_web_url, too_large, MAX_BYTES};
use crate::format::packed::ProblemText as Problem;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};
use yew::{DragEvent, Event, TargetCast};

/// How long a fetch may take before it is abandoned, in milliseconds.
pub const FETCH_TIMEOUT_MS: u32 = 20_000;

fn problem(reason: impl std::fmt::Display) -> Vec<Problem> {
    vec![Problem::whole(format!(
        "could not load the story: {reason}"
    ))]
}

/// Why the bytes of a file or a link could not be had.
pub enum Unread {
    /// The fetch failed: the network, the time limit, or a server that
    /// does not allow the cross-origin request.
    Unreachable,
    /// The server answered with an error: its status and its text.
    Answered(u16, String),
    /// Over the size limit: the file's size, or the answer's length.
    TooLarge(usize),
    /// The answer had no body.
    NoBody,
    /// The answer stopped before its end, or took over the time limit.
    Cut,
    /// The browser could not read the file.
    File,
}

/// What the reader is told when `place` (an address, or a file's name)
/// could not be read: the same words from the editor's page and from the
/// opener's worker.
pub fn unread(place: &str, why: Unread) -> Vec<Problem> {
    let seconds = FETCH_TIMEOUT_MS / 1000;
    problem(match why {
        Unread::TooLarge(size) => return vec![Problem::whole(too_large(size))],
        Unread::Unreachable => format!(
            "{place} could not be fetched (network error, timeout after {seconds} s, or the server does not allow cross-origin requests)"
        ),
        Unread::Answered(status, text) => format!("{place} answered {status} {text}"),
        Unread::NoBody => "the response has no body".to_owned(),
        Unread::Cut => format!("{place} stopped before the end (or took over {seconds} s)"),
        Unread::File => format!("{place} could not be read"),
    })
}

/// The `data` parameter of the page's query ([`super::Page::data`]),
/// resolved against the page. Only http and https URLs are accepted: never
/// `javascript:`, `data:` or `file:`.
pub fn data_url(raw: &str) -> Result<String, Vec<Problem>> {
    let base = gloo::utils::window().location().href().unwrap_or_default();
    match web_sys::Url::new_with_base(raw, &base) {
        Ok(url) if is_web_url(&url.href()) => Ok(url.href()),
        _ => Err(problem(format!(
            "\"{}\" is not an http or https address, or has a user name before its host",
            raw.chars().take(120).collect::<String>()
        ))),
    }
}

/// Fetch a story's bytes (a Dossier JSON or an ACLED CSV), within the size
/// limit and the time limit.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Vec<Problem>> {
    fetch_buffer(url)
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
}

/// A buffer's bytes, within the size limit.
fn within_limit(buffer: js_sys::ArrayBuffer) -> Result<js_sys::ArrayBuffer, Vec<Problem>> {
    match buffer.byte_length() as usize {
        size if size > MAX_BYTES => Err(unread("", Unread::TooLarge(size))),
        _ => Ok(buffer),
    }
}

/// [`fetch_bytes`], the bytes left in the browser's buffer.
async fn fetch_buffer(url: &str) -> Result<js_sys::ArrayBuffer, Vec<Problem>> {
    let controller = AbortController::new().map_err(|_| problem("the browser cannot fetch"))?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let timer = gloo::timers::callback::Timeout::new(FETCH_TIMEOUT_MS, move || controller.abort());
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| unread(url, Unread::Unreachable))?;
    // What fetch resolves to is a Response.
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(unread(
            url,
            Unread::Answered(response.status(), response.status_text()),
        ));
    }
    if let Some(length) = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| crate::base::num::digits(&l))
    {
        if length > MAX_BYTES {
            return Err(unread(url, Unread::TooLarge(length)));
        }
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| unread(url, Unread::NoBody))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| unread(url, Unread::Cut))?;
    drop(timer);
    within_limit(buffer.unchecked_into())
}

/// The file name at the end of a URL's path ("acled.csv"), which says
/// whether it is a CSV to import.
pub fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    &path[path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)..]
}

/// The file a file input's change chose, if any; the input is cleared, so
/// that choosing the same file again fires again.
pub fn chosen_file(e: &Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The first file a drop carries, if any.
pub fn dropped_file(e: &DragEvent) -> Option<web_sys::File> {
    e.data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
}

/// Read a file the reader chose or dropped. Nothing leaves the browser.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, Vec<Problem>> {
    read_buffer(file)
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
}

/// [`read_file`], the bytes left in the browser's buffer.
async fn read_buffer(file: &web_sys::File) -> Result<js_sys::ArrayBuffer, Vec<Problem>> {
    let size = file.size() as usize;
    if size > MAX_BYTES {
        return Err(unread("", Unread::TooLarge(size)));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| unread(&file.name(), Unread::File))?;
    within_limit(buffer.unchecked_into())
}

#[cfg(test)]
mod tests {
    use super::{file_name, unread, Unread};

    #[test]
    fn each_reason_a_story_was_not_read_is_said_with_its_place() {
        let said = |why| unread("https://e.org/s.json", why)[0].text.clone();
        assert_eq!(
            said(Unread::Answered(404, "Not Found".into())),
            "could not load the story: https://e.org/s.json answered 404 Not Found"
        );
        assert!(said(Unread::Unreachable)
            .contains("could not be fetched (network error, timeout after 20 s"));
        assert!(said(Unread::Cut).ends_with("stopped before the end (or took over 20 s)"));
        assert_eq!(
            said(Unread::TooLarge(200 << 20)),
            "the file is 209715200 bytes; the limit is 134217728 bytes"
        );
        assert_eq!(
            unread("story.json", Unread::File)[0].text,
            "could not load the story: story.json could not be read"
        );
    }

    #[test]
    fn a_file_name_is_the_last_part_of_the_path() {
        assert_eq!(file_name("https://e.org/d/acled.csv?dl=1#top"), "acled.csv");
        assert_eq!(file_name("https://e.org/d/a.json#x/y"), "a.json");
        assert_eq!(file_name("story.json"), "story.json");
        assert_eq!(file_name("https://e.org/d/"), "");
    }
}
