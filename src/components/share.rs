//! "Copy link" and "Copy embed code": the share panel, and the clipboard.

use super::context::Dossier;
use crate::view::embed::{iframe_code, script_code};
use yew::prelude::*;

/// Copy text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// "Copy link" and "Copy embed code", both carrying the current view, with
/// the code shown for reading and a choice of form. A hook the story calls
/// with its own context, not a component: one costs every reader's download
/// a component's machinery, and the story renders whenever this would.
#[hook]
pub fn use_share_panel(d: &Dossier) -> Html {
    let said = use_state(String::new);
    let open = use_state(|| false);
    // Which embed code it offers: the responsive one (false), or a plain
    // iframe. A yes or no, whose state's code the download has already.
    let plain = use_state(|| false);
    let fragment = d.fragment();
    let title = format!("Dossier: {}", d.dataset.story.title);
    let link = d.page.link(&fragment);
    let code = if *plain {
        iframe_code(&d.page.embed_src(&fragment), &title, 900)
    } else {
        script_code(&d.page.embed_target(&fragment), &d.page.script(), &title)
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
    let toggle = super::flip(&open);
    if d.local {
        return html! {
            <p class="share share__said">
                { "Opened from a file on this device, which no link can carry: to share it, put \
                   the file on a web server and add ?data= and its address to this page's link." }
            </p>
        };
    }
    html! {
        <div class="share">
            <div class="share__buttons">
                <button type="button" class="button" onclick={copy(link.clone(), "Link to this view copied")}>{ "Copy link" }</button>
                <button type="button" class="button" onclick={copy(code.clone(), "Embed code copied")}>{ "Copy embed code" }</button>
                <button type="button" class="link-button" aria-expanded={crate::components::aria(*open)} aria-controls="dossier-share-details" onclick={toggle}>
                    { "Embed options" }
                </button>
            </div>
            <p class="share__said" role="status">{ (*said).clone() }</p>
            <div id="dossier-share-details" class="share__details" hidden={!*open}>
                // Written only once opened: the page's address is not known
                // to the pre-rendered HTML, which the first render must
                // match, and a page need not carry what it hides.
                if *open {
                    <fieldset class="share__kind">
                        <legend>{ "Embed code" }</legend>
                        <label><input type="radio" name="dossier-code" checked={!*plain} onchange={super::set_to::<bool, Event>(&plain, false)} />
                            { " Responsive: the height follows the content (embed.js)" }</label>
                        <label><input type="radio" name="dossier-code" checked={*plain} onchange={super::set_to::<bool, Event>(&plain, true)} />
                            { " Plain iframe, fixed height" }</label>
                    </fieldset>
                    <label class="share__label" for="dossier-share-code">{ "Code for this view" }</label>
                    <textarea id="dossier-share-code" class="share__code" readonly=true rows="4" value={code} />
                    <label class="share__label" for="dossier-share-link">{ "Link to this view" }</label>
                    <input id="dossier-share-link" class="share__code" type="text" readonly=true value={link} />
                }
            </div>
        </div>
    }
}
