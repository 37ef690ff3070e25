//! The widget inside a host page: its height sent to the parent, the
//! parent's messages answered, and the share panel with the embed code.
//! What the messages say, and which are accepted, is in [`crate::embed`].

use super::context::use_dossier;
use super::url::copy_text;
use crate::embed::{
    iframe_code, page_url, parse_parent, pym_height, script_code, FromParent, Options,
};
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver, Window};
use yew::prelude::*;

/// Where the widget is and how it was asked to show: read once from the page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub options: Options,
    /// The page's address without query or fragment; empty when not in a
    /// browser (server-side rendering).
    pub base: String,
    /// The `?data=` address the story came from, kept in shared links.
    pub data: Option<String>,
}

impl Page {
    /// The page as the browser has it.
    pub fn current() -> Page {
        let location = gloo::utils::window().location();
        let search = location.search().unwrap_or_default();
        let data = form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
            .find(|(k, _)| k == "data")
            .map(|(_, v)| v.into_owned());
        Page {
            options: Options::from_query(&search),
            base: format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            ),
            data,
        }
    }

    /// The folder the widget's files are in, with its final `/`.
    fn dir(&self) -> &str {
        self.base.rfind('/').map_or("", |i| &self.base[..=i])
    }

    /// The full-page link to a view: no embed flag, no host parameters, and
    /// the folder rather than embed.html.
    pub fn link(&self, fragment: &str) -> String {
        let base = if self.base.ends_with("/embed.html") {
            self.dir()
        } else {
            &self.base
        };
        self.url(base, false, fragment)
    }

    /// `page` with this page's options, the embed flag as given, no host
    /// parameters, the story's `?data=` and the view.
    fn url(&self, page: &str, embed: bool, fragment: &str) -> String {
        let options = Options {
            embed,
            child_id: None,
            ..self.options.clone()
        };
        page_url(page, &options, self.data.as_deref(), fragment)
    }

    /// `embed.html`: the page for iframes, with the embed's view pre-rendered.
    fn embed_page(&self) -> String {
        format!("{}embed.html", self.dir())
    }

    /// What `embed.js` is pointed at: embed.html with the view.
    pub fn embed_target(&self, fragment: &str) -> String {
        self.url(&self.embed_page(), false, fragment)
    }

    /// The address a plain iframe of this view loads.
    pub fn embed_src(&self, fragment: &str) -> String {
        self.url(&self.embed_page(), true, fragment)
    }

    /// `embed.js`, beside the page.
    pub fn script(&self) -> String {
        format!("{}embed.js", self.dir())
    }
}

/// The parent window, when the widget is in a frame.
fn parent() -> Option<Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (parent != window).then_some(parent)
}

/// The content's height in whole pixels.
fn content_height() -> u32 {
    gloo::utils::document().document_element().map_or(0, |el| {
        el.get_bounding_client_rect().height().ceil().max(0.0) as u32
    })
}

/// Tell the parent the height, in both protocols.
fn post_height(parent: &Window, id: &str, px: u32) {
    let _ = parent.post_message(&JsValue::from_str(&pym_height(id, px)), "*");
    let inner = js_sys::Object::new();
    let outer = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &JsValue::from_str(id), &JsValue::from(px));
    let _ = js_sys::Reflect::set(&outer, &JsValue::from_str("datawrapper-height"), &inner);
    let _ = parent.post_message(&outer, "*");
}

/// In an embed, keep the parent told of the content's height: on load,
/// whenever the content grows or shrinks, and when the parent announces a
/// width. Messages from anywhere but the parent, or in any other form, are
/// ignored.
#[hook]
pub fn use_height_messages(options: &Options) {
    let enabled = options.embed;
    let id = options.message_id().to_owned();
    use_effect_with((enabled, id), |(enabled, id)| {
        if *enabled {
            // No page margins (style/main.css); embed.html has it already.
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.class_list().add_1("dossier-embed");
            }
        }
        let parent = enabled.then(parent).flatten();
        let watch = parent.map(|parent| {
            let last = Rc::new(Cell::new(0u32));
            let send = {
                let (parent, id, last) = (parent.clone(), id.clone(), last.clone());
                move |force: bool| {
                    let px = content_height();
                    if px > 0 && (force || px != last.get()) {
                        last.set(px);
                        post_height(&parent, &id, px);
                    }
                }
            };
            send(true);
            let on_resize = {
                let send = send.clone();
                Closure::<dyn FnMut()>::new(move || send(false))
            };
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(body)) = (&observer, gloo::utils::document().body()) {
                o.observe(&body);
            }
            let listener = {
                let id = id.clone();
                EventListener::new(&gloo::utils::window(), "message", move |e| {
                    let Some(e) = e.dyn_ref::<MessageEvent>() else {
                        return;
                    };
                    // Compared as plain objects: a parent on another origin
                    // is not an `instanceof Window` from in here.
                    let from_parent = e
                        .source()
                        .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
                    let text = e.data().as_string();
                    if !from_parent {
                        return;
                    }
                    if let Some(FromParent::Width(_)) = text.and_then(|t| parse_parent(&t, &id)) {
                        send(true);
                    }
                })
            };
            (observer, on_resize, listener)
        });
        move || {
            if let Some((Some(observer), _, _)) = &watch {
                observer.disconnect();
            }
            drop(watch);
        }
    });
}

/// Which embed code the share panel offers.
#[derive(Clone, Copy, PartialEq)]
enum Code {
    Responsive,
    Iframe,
}

/// "Copy link" and "Copy embed code", both carrying the current view, with
/// the code shown for reading and a choice of form.
#[component]
pub fn SharePanel() -> Html {
    let d = use_dossier();
    let said = use_state(String::new);
    let open = use_state(|| false);
    let code_kind = use_state(|| Code::Responsive);
    let fragment = d.view.to_fragment();
    let title = format!("Dossier: {}", d.dataset.story.title);
    let link = d.page.link(&fragment);
    let code = match *code_kind {
        Code::Responsive => script_code(&d.page.embed_target(&fragment), &d.page.script(), &title),
        Code::Iframe => iframe_code(&d.page.embed_src(&fragment), &title, 900),
    };
    let copy = |text: String, done: &'static str| {
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let (said, text) = (said.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                said.set(if copy_text(&text).await {
                    done.to_owned()
                } else {
                    "Could not copy: select the text below and copy it".to_owned()
                });
            });
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let choose = |kind: Code| {
        let code_kind = code_kind.clone();
        Callback::from(move |_: web_sys::Event| code_kind.set(kind))
    };
    html! {
        <div class="share">
            <div class="share__buttons">
                <button type="button" class="button" onclick={copy(link.clone(), "Link to this view copied")}>{ "Copy link" }</button>
                <button type="button" class="button" onclick={copy(code.clone(), "Embed code copied")}>{ "Copy embed code" }</button>
                <button type="button" class="link-button" aria-expanded={open.to_string()} aria-controls="dossier-share-details" onclick={toggle}>
                    { "Embed options" }
                </button>
            </div>
            <p class="share__said" role="status" aria-live="polite">{ (*said).clone() }</p>
            <div id="dossier-share-details" class="share__details" hidden={!*open}>
                <fieldset class="share__kind">
                    <legend>{ "Embed code" }</legend>
                    <label><input type="radio" name="dossier-code" checked={*code_kind == Code::Responsive} onchange={choose(Code::Responsive)} />
                        { " Responsive: the height follows the content (embed.js)" }</label>
                    <label><input type="radio" name="dossier-code" checked={*code_kind == Code::Iframe} onchange={choose(Code::Iframe)} />
                        { " Plain iframe, fixed height" }</label>
                </fieldset>
                // Written only once opened: the page's address is not known
                // to the pre-rendered HTML, which the first render must match.
                if *open {
                    <label class="share__label" for="dossier-share-code">{ "Code for this view" }</label>
                    <textarea id="dossier-share-code" class="share__code" readonly=true rows="4" value={code} />
                    <label class="share__label" for="dossier-share-link">{ "Link to this view" }</label>
                    <input id="dossier-share-link" class="share__code" type="text" readonly=true value={link} />
                }
            </div>
        </div>
    }
}
