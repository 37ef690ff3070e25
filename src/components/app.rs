//! The whole widget: the story shown, and around it the loading status, the
//! notice, and a file opened or dropped. The state is one pure reducer
//! ([`AppState`]); fetching and reading files are effects here that
//! dispatch its actions.

use super::host::use_height_messages;
use super::loader;
use super::open_file::open_file_button;
use super::opener::Source;
use super::page::current_page;
use super::problems::problem_panel;
use super::ptr::ByPtr;
use super::story::StoryView;
use crate::format::packed::Reply;
use crate::view::app::{AppAction, AppState, Loaded, Origin, Progress};
use crate::view::page::Page;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// [`AppState`] as a Yew reducer.
#[derive(PartialEq)]
pub struct AppStore(pub AppState);

impl Reducible for AppStore {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        Rc::new(AppStore(self.0.apply(action)))
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The story to show; none, and a notice that says so, when absent.
    #[prop_or_default]
    pub loaded: Option<Loaded>,
    /// The URL fragment the page opened with: the reader's view.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// Read `?data=<url>` from the page and load that story in place of the
    /// page's own. Off for server-side rendering.
    #[prop_or_default]
    pub load_from_query: bool,
    /// The page and its embed options; read from the browser's location
    /// when absent.
    #[prop_or_default]
    pub page: Option<Page>,
    /// Called once, after the first render is done, in the same task:
    /// from then on the widget answers the reader. The entry point marks
    /// the host element with it.
    #[prop_or_default]
    pub on_live: Option<Callback<()>>,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let store = {
        let (given, fragment) = (props.loaded.clone(), props.fragment.clone());
        use_reducer(move || {
            AppStore(AppState::new(
                given.unwrap_or_else(|| Loaded::from_page(None)),
                fragment.map(|f| f.to_string()),
            ))
        })
    };
    let page = {
        let (given, browser) = (props.page.clone(), props.load_from_query);
        use_memo((), move |_| {
            given.unwrap_or_else(|| {
                if browser {
                    current_page()
                } else {
                    Page::default()
                }
            })
        })
    };
    use_height_messages(&page.options);
    {
        let on_live = props.on_live.clone();
        use_effect_with((), move |_| {
            if let Some(on_live) = on_live {
                on_live.emit(());
            }
        });
    }
    // A story fetched from ?data=: while it loads, a status line; if it
    // fails, the problems, in place of any story.
    {
        let dispatch = store.dispatcher();
        let (enabled, data) = (props.load_from_query, page.data.clone());
        use_effect_with((), move |_| {
            match data.filter(|_| enabled).map(|raw| loader::data_url(&raw)) {
                Some(Ok(url)) => {
                    dispatch.dispatch(AppAction::Fetching(url.clone()));
                    let name = loader::file_name(&url).to_owned();
                    open_in_worker(Origin::Query, name, Source::Link(url), dispatch);
                }
                Some(Err(problems)) => dispatch.dispatch(AppAction::Failed {
                    from: Origin::Query,
                    problems,
                }),
                None => {}
            }
        });
    }
    // A file opened or dropped: read and checked (or imported) in the
    // browser, with progress; it replaces the story only when it is valid.
    // Made once, so that a notice changing leaves the story view alone.
    let open = {
        let dispatch = store.dispatcher();
        use_callback((), move |file: web_sys::File, _| {
            let name = file.name();
            dispatch.dispatch(AppAction::Progress(Progress::Reading(name.clone())));
            to_the_top();
            open_in_worker(
                Origin::File(name.clone()),
                name,
                Source::File(file),
                dispatch.clone(),
            );
        })
    };
    // Drag and drop anywhere on the widget (not in an embed).
    let droppable = !page.options.embed;
    let on_dragover = {
        let dispatch = store.dispatcher();
        Callback::from(move |e: DragEvent| {
            if droppable && carries_files(&e) {
                e.prevent_default();
                super::opener::warm();
                dispatch.dispatch(AppAction::Dragging(true));
            }
        })
    };
    let on_dragleave = {
        let dispatch = store.dispatcher();
        Callback::from(move |e: DragEvent| {
            if !leaves_for_a_child(&e) {
                dispatch.dispatch(AppAction::Dragging(false));
            }
        })
    };
    let on_drop = {
        let (dispatch, open) = (store.dispatcher(), open.clone());
        Callback::from(move |e: DragEvent| {
            dispatch.dispatch(AppAction::Dragging(false));
            if !droppable {
                return;
            }
            e.prevent_default();
            if let Some(file) = loader::dropped_file(&e) {
                open.emit(file);
            }
        })
    };

    let state = &store.0;
    let (embed, theme) = (super::flag(page.options.embed), page.options.theme.name());
    if let Some(url) = &state.fetching {
        return html! {
            <div class="dossier" data-embed={embed} data-theme={theme}>
                <p class="dossier__loading" role="status">{ format!("Loading the story from {url}…") }</p>
            </div>
        };
    }
    let status = state.progress.as_ref().map(|p| {
        html! {
            <div class="dossier__progress" role="status">
                <p>{ p.label() }</p>
                <progress max="1" value={p.share().map(|s| crate::base::num::fixed(s, 3))} aria-label="Progress" />
            </div>
        }
    });
    let notice = state.notice.as_ref().map(|n| {
        let dispatch = store.dispatcher();
        let close = Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::Dismissed));
        html! {
            <div class="dossier__notice">
                { problem_panel(&n.title, &n.problems) }
                <button type="button" class="link-button" onclick={close}>{ "Dismiss" }</button>
            </div>
        }
    });
    let open = (!page.options.embed).then_some(open);
    let body = match &state.loaded {
        Loaded::Story(ds) => {
            // One StoryView per story opened: a new story starts a fresh
            // view, and no render ever compares two datasets field by field.
            let fragment = state.fragment.clone().map(AttrValue::from);
            html! { <StoryView key={state.generation} dataset={ByPtr(ds.clone())} {fragment} page={ByPtr(page.clone())} open={open.clone()} local={state.local} /> }
        }
        Loaded::Broken(problems) => html! { <>
            if let Some(open) = open.clone() {
                { open_file_button(open) }
            }
            { problem_panel("This story could not be opened", problems) }
        </> },
    };
    html! {
        <div class="dossier" data-embed={embed} data-theme={theme} ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            if state.dragging {
                <div class="dossier__drop" aria-hidden="true">
                    <p>{ "Drop a Dossier JSON or an ACLED CSV to open it. It stays in your browser." }</p>
                </div>
            }
            { status }
            { notice }
            { body }
        </div>
    }
}

/// Hand a file or a linked story to the opener, which reads or fetches
/// it and checks or imports it off the page's thread, and follow its
/// replies. The worker starts now if a press or a drag has not started it.
fn open_in_worker(
    from: Origin,
    name: String,
    source: Source,
    dispatch: UseReducerDispatcher<AppStore>,
) {
    let named = name.clone();
    super::opener::open(&name, source, move |reply| {
        let done = !matches!(reply, Reply::Progress { .. });
        let action = AppAction::replied(&from, &named, reply);
        // The tab and the history name the story on the page.
        if let Some(title) = action.page_title() {
            gloo::utils::document().set_title(&title);
        }
        dispatch.dispatch(action);
        if done && matches!(from, Origin::File(_)) {
            to_the_top();
        }
    });
}

/// Take the page to the widget's top, once what was just dispatched is
/// drawn: the button and a drop may be far down a long story, and the
/// progress, then any problem or the new story, show at the top. (Drawn
/// first, so that the browser's scroll anchoring, which holds what was on
/// screen in place as something is put above it, cannot push it off.)
fn to_the_top() {
    let top: Box<dyn FnOnce()> = Box::new(|| {
        if let Some(host) = gloo::utils::document().get_element_by_id("dossier") {
            host.scroll_into_view();
        }
    });
    gloo::timers::callback::Timeout::new(0, top).forget();
}

/// Whether a drag carries files (and not, say, selected text).
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Whether a drag leaves the widget for one of its own children, which is
/// not leaving it.
fn leaves_for_a_child(e: &DragEvent) -> bool {
    e.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(
            e.current_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
        )
        .is_some_and(|(to, root)| root.contains(Some(&to)))
}
