//! The editor's first screen: a new story from a pasted article, a story
//! opened from a file (chosen or dropped), the bundled story, or a draft
//! kept in this browser.

use super::super::loader;
use super::storage;
use super::value_of;
use crate::author::draft::{new_story, open_json, Article};
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    /// Start editing this story as a new draft.
    pub on_begin: Callback<Value>,
    /// Go on with the kept draft of this id.
    pub on_resume: Callback<String>,
    /// Why a story could not be opened from the page's link (`?data=`).
    #[prop_or_default]
    pub notice: Option<String>,
}

#[component]
pub fn StartScreen(props: &StartProps) -> Html {
    let article = use_state(Article::default);
    let error = use_state(|| None::<String>);
    let error_text = (*error).clone().or_else(|| props.notice.clone());
    let drafts = use_state(storage::list);

    let field = |label: &'static str,
                 id: &'static str,
                 help: &'static str,
                 get: fn(&Article) -> &String,
                 set: fn(&mut Article, String),
                 long: bool| {
        let value = get(&article).clone();
        let article = article.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut a = (*article).clone();
            set(&mut a, value_of(&e));
            article.set(a);
        });
        let help_id = format!("{id}-help");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                if long {
                    <textarea id={id} {value} {oninput} rows="12" aria-describedby={help_id.clone()} />
                } else {
                    <input id={id} type="text" {value} {oninput} aria-describedby={help_id.clone()} />
                }
                <p class="field__help" id={help_id}>{ help }</p>
            </div>
        }
    };

    let on_start = {
        let (article, on_begin, error) = (article.clone(), props.on_begin.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if article.body.trim().is_empty() {
                error.set(Some(
                    "Paste the article's body first: the quotes are made from it.".into(),
                ));
                return;
            }
            on_begin.emit(new_story(&article));
        })
    };
    let open_file = {
        let (on_begin, error) = (props.on_begin.clone(), error.clone());
        Callback::from(move |file: web_sys::File| {
            let (on_begin, error) = (on_begin.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match loader::read_file(&file).await {
                    Ok(bytes) => open_json(&file.name(), &bytes),
                    Err(problems) => Err(super::problems_text(&problems)),
                };
                match opened {
                    Ok(doc) => on_begin.emit(doc),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_change_file = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = loader::chosen_file(&e) {
                open_file.emit(file);
            }
        })
    };
    let on_drop = {
        let open_file = open_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = loader::dropped_file(&e) {
                open_file.emit(file);
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let bundled = {
        let on_begin = props.on_begin.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(doc) = serde_json::from_str(crate::format::story::FIRST_STORY_JSON) {
                on_begin.emit(doc);
            }
        })
    };

    let kept = drafts.iter().map(|d| {
        let resume = {
            let (on_resume, id) = (props.on_resume.clone(), d.id.clone());
            Callback::from(move |_: MouseEvent| on_resume.emit(id.clone()))
        };
        let delete = {
            let (drafts, id, title) = (drafts.clone(), d.id.clone(), d.title.clone());
            Callback::from(move |_: MouseEvent| {
                let sure = gloo::utils::window()
                    .confirm_with_message(&format!("Delete the draft “{title}” from this browser? This cannot be undone."))
                    .unwrap_or(false);
                if sure {
                    storage::delete(&id);
                    drafts.set(storage::list());
                }
            })
        };
        let when = String::from(js_sys::Date::new(&d.saved.into()).to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED));
        html! {
            <li class="drafts__item" key={d.id.clone()}>
                <button type="button" class="drafts__open" onclick={resume}>{ &d.title }</button>
                <span class="drafts__when">{ format!("saved {when}") }</span>
                <button type="button" class="link-button" onclick={delete} aria-label={format!("Delete the draft “{}”", d.title)}>{ "Delete" }</button>
            </li>
        }
    });

    html! {
        <main class="dossier start" ondrop={on_drop} ondragover={on_dragover}>
            <header class="start__head">
                <p class="editor__brand">{ "Dossier editor" }</p>
                <h1>{ "Make the next story" }</h1>
                <p class="start__lede">{ "Paste an article, select its words to quote them, and fill in the forms. The reader's widget previews the story as you go. Everything stays in this browser until you export it." }</p>
            </header>
            if let Some(e) = error_text {
                <p class="start__error" role="alert">{ e }</p>
            }
            <div class="start__columns">
                <form class="start__paste" onsubmit={on_start} aria-labelledby="start-paste-title">
                    <h2 id="start-paste-title">{ "Start from an article" }</h2>
                    { field("Headline", "a-title", "As published.", |a| &a.title, |a, v| a.title = v, false) }
                    { field("Standfirst", "a-dek", "The line under the headline, if there is one.", |a| &a.dek, |a, v| a.dek = v, false) }
                    { field("Outlet", "a-outlet", "Who published it.", |a| &a.outlet, |a, v| a.outlet = v, false) }
                    { field("Link", "a-url", "The article's address (https:// is added when it has none).", |a| &a.url, |a, v| a.url = v, false) }
                    { field("Published", "a-published", "The day: 2024-05-15, or 15 May 2024.", |a| &a.published, |a, v| a.published = v, false) }
                    { field("Dateline", "a-dateline", "As printed: BEIRUT.", |a| &a.dateline, |a, v| a.dateline = v, false) }
                    { field("Body", "a-body", "The article's text. Paragraphs are split at blank lines (or at each line when there are none); you can join and split them later.", |a| &a.body, |a, v| a.body = v, true) }
                    <button type="submit" class="button button--primary">{ "Start the story" }</button>
                </form>
                <div class="start__side">
                    <section aria-labelledby="start-open-title">
                        <h2 id="start-open-title">{ "Continue a story" }</h2>
                        <div class="open-file">
                            <input id="start-open" type="file" accept=".json,application/json" class="visually-hidden open-file__input" onchange={on_change_file} />
                            <label for="start-open" class="button open-file__button">{ "Open a Dossier JSON…" }</label>
                        </div>
                        <p class="field__help">{ "Or drop the file on this page, or open editor.html?data=story.json." }</p>
                        <button type="button" class="link-button" onclick={bundled}>{ "Edit the bundled story (Al-Monitor, 15 May 2024)" }</button>
                    </section>
                    <section aria-labelledby="start-drafts-title">
                        <h2 id="start-drafts-title">{ "Drafts in this browser" }</h2>
                        if drafts.is_empty() {
                            <p class="field__help">{ "None yet. Each story you start is kept here as you work." }</p>
                        } else {
                            <ul class="drafts">{ for kept }</ul>
                        }
                    </section>
                </div>
            </div>
        </main>
    }
}
