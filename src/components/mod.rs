//! The shell: Yew components that wire the pure core's state to markup and
//! hold no domain logic. Filtering, URL state, labels and geometry live in
//! [`crate::view`], [`crate::charts`] and [`crate::graph`].
//!
//! - [`app`]: the whole widget (the story, loading, files, notices);
//! - `story`: one story's view, and the [`context`] its parts share;
//! - the parts: `header`, `filters`, `cards`, `charts`, `network`, `source`,
//!   `share`, `problems`;
//! - the browser's edges: [`page`] (the location), `url` (history),
//!   `host` (an embedding page), `loader` (fetch and files), `resize`.

pub mod app;
mod cards;
mod charts;
pub mod context;
pub mod editor;
mod filters;
mod header;
mod host;
pub mod loader;
mod network;
mod open_file;
mod opener;
pub mod page;
mod problems;
mod ptr;
mod resize;
mod share;
mod source;
mod story;
mod url;

pub use app::{App, AppProps};
pub use context::use_dossier;
use yew::{Callback, Html, MouseEvent, UseStateHandle};

/// A present-or-absent attribute: `data-selected={flag(selected)}` writes
/// `data-selected=""` when on, and nothing when off.
///
/// An element's `class` is always a literal here, and its states and kinds
/// are `data-` attributes that the style sheet selects
/// (`.card[data-selected]`, `[data-kind=battles]`). An attribute found on
/// one kind of element only is selected without its class (`[data-open]`):
/// a name given to another kind of element must not be one of those. `html!` turns every
/// `class` that is not a literal into a `Classes` set, an ordered hash set
/// that splits and joins the names; that machinery cost the reader's
/// download about 2 KB gzip, for lists the code had already written out.
pub fn flag(on: bool) -> Option<&'static str> {
    on.then_some("")
}

/// The nodes of `items`, as `{ for items }` writes them, in fewer bytes:
/// `html!` extends its children with each iterator through std's
/// specialised `extend`, a copy of that code per iterator type; this is
/// one push per item (see [`crate::base::gather`]). The items form a list
/// of their own, which the browser's DOM does not see.
pub fn each<T: Into<Html>>(items: impl IntoIterator<Item = T>) -> Html {
    let mut nodes = Vec::new();
    crate::base::gather::push_all(&mut nodes, items.into_iter().map(Into::into));
    Html::from(yew::virtual_dom::VList::with_children(nodes, None))
}

/// A button's callback that turns a yes-or-no state over (a fold, a
/// panel): one copy of its code in the download for every such button.
pub fn flip(state: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.set(!*state))
}

/// A callback that sets `state` to `value`, whatever the event: one copy of
/// its code per kind of state and event, not one per control.
pub fn set_to<T: Clone + 'static, E>(state: &UseStateHandle<T>, value: T) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.set(value.clone()))
}

/// "true" or "false", as an ARIA state (`aria-pressed`, `aria-expanded`)
/// takes it: a text that is there already, where `bool::to_string` would
/// write a new one for every button drawn.
pub fn aria(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// The value of the form control an event came from, an input or a
/// select: both have a `value`, and one binding reads it for both.
pub fn value_of(e: &web_sys::Event) -> String {
    yew::TargetCast::target_unchecked_into::<web_sys::HtmlInputElement>(e).value()
}

/// Lend the page's Unicode case mappings to [`crate::base::case`], so that
/// the download need not carry Rust's own tables. Each wasm module calls
/// this first; natively std's mappings serve.
pub fn lend_browser_case() {
    #[cfg(target_arch = "wasm32")]
    {
        fn lower(text: &str) -> String {
            js_sys::JsString::from(text).to_lower_case().into()
        }
        fn upper(text: &str) -> String {
            js_sys::JsString::from(text).to_upper_case().into()
        }
        crate::base::case::lend(lower, upper);
    }
}

/// Move the focus to `el`, an HTML or an SVG element (a network's node):
/// both have `focus()`, and one binding calls it for both.
pub fn focus(el: &web_sys::Element) {
    let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(el).focus();
}

/// Move the focus to `el` and scroll it just into view, so that keyboard
/// and screen-reader users land on what they asked for.
pub fn focus_in_view(el: &web_sys::HtmlElement) {
    let _ = el.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scroll `el` to the middle of the screen: where the reader is taken to
/// something they asked for (a quote's paragraph, a linked event's card).
pub fn to_middle(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Run `then` just after the next frame is painted: a task queued from an
/// animation frame runs once that frame is painted. Dropping the handle
/// before the frame cancels it; after the frame, `then` runs. The callback
/// is boxed, so that every caller shares one copy of the closures behind it.
pub fn after_paint(then: Box<dyn FnOnce()>) -> gloo::render::AnimationFrame {
    gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, then).forget();
    })
}

/// The bundled story's opening view as HTML, for index.html: the browser
/// paints it before the wasm has loaded, and the App then takes its place.
/// `cargo run --bin dossier -- prerender` writes it; a test checks that
/// index.html holds the current one.
#[cfg(not(target_arch = "wasm32"))]
pub async fn prerender() -> String {
    prerender_page(None).await
}

/// What the build puts in the place of index.html's (and embed.html's)
/// empty `<div id="dossier"></div>`: the pre-rendered `view` in it, and
/// after it the story (which web/post-build.sh moves to the end of the
/// page's body), packed and written as text for the page to carry
/// (see [`crate::format::packed::to_text`]), which the reader's module
/// reads rather than carrying a story of its own.
#[cfg(not(target_arch = "wasm32"))]
pub fn page_part(view: &str) -> String {
    let story = crate::format::packed::to_text(crate::format::story::FIRST_STORY_PACKED);
    // The picture is on screen only until the widget takes its place: it
    // holds the cards of a first screen, as many as an embed's first page,
    // and the widget brings the rest (every reader downloads this view).
    let view = crate::base::html::first_items(view, "<ol class=\"cards\"", cards::EMBED_PAGE);
    // Quotes the markup does not need are dropped (`base::html::unquote`).
    let view = crate::base::html::unquote(&view);
    format!(
        "<div id=\"dossier\">{view}</div><script id=\"dossier-story\" type=\"text/plain\">{story}</script>\n"
    )
}

/// The same for `embed.html`: the opening view as an embed shows it.
#[cfg(not(target_arch = "wasm32"))]
pub async fn prerender_embed() -> String {
    let page = crate::view::page::Page {
        options: crate::view::embed::Options {
            embed: true,
            ..Default::default()
        },
        ..Default::default()
    };
    prerender_page(Some(page)).await
}

#[cfg(not(target_arch = "wasm32"))]
async fn prerender_page(page: Option<crate::view::page::Page>) -> String {
    let props = AppProps {
        loaded: Some(crate::view::app::Loaded::bundled()),
        fragment: Some(yew::AttrValue::default()),
        load_from_query: false,
        page,
        ..Default::default()
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}
