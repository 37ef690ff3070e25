//! The Yew components: they wire state to markup and hold no domain logic.
//! Filtering, URL state, labels and validation live in the pure modules.

mod cards;
mod charts;
mod context;
mod embed;
mod filters;
mod header;
mod loader;
mod measure;
mod network;
mod problems;
mod source;
mod url;

use crate::filter::EventIndex;
use crate::model::{Dataset, Provenance};
use crate::state::{Action, ViewKind, ViewState};
use crate::story::first_story;
use crate::validate::Problem;
use cards::{CardList, Toolbar};
use charts::{CasualtyChart, TimelineChart};
pub use context::use_dossier;
use context::{Dossier, Store};
pub use embed::Page;
use embed::{use_height_messages, SharePanel};
use filters::{ActiveFilters, FilterPanel};
use header::StoryHeader;
use network::NetworkView;
use problems::ProblemPanel;
use source::SourcePanel;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The bundled story's opening view as HTML, for index.html: the browser
/// paints it before the wasm has loaded, and the App then hydrates it.
/// `cargo run --bin dossier -- prerender` writes it; a test checks that
/// index.html holds the current one.
#[cfg(not(target_arch = "wasm32"))]
pub async fn prerender() -> String {
    prerender_page(None).await
}

/// The same for `embed.html`: the opening view as an embed shows it.
#[cfg(not(target_arch = "wasm32"))]
pub async fn prerender_embed() -> String {
    let page = Page {
        options: crate::embed::Options {
            embed: true,
            ..Default::default()
        },
        ..Page::default()
    };
    prerender_page(Some(page)).await
}

#[cfg(not(target_arch = "wasm32"))]
async fn prerender_page(page: Option<Page>) -> String {
    let props = AppProps {
        loaded: None,
        fragment: Some(AttrValue::default()),
        load_from_query: false,
        page,
        ..Default::default()
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .render()
        .await
}

/// What the widget shows: a story, or why it cannot.
#[derive(Clone, PartialEq)]
pub enum Loaded {
    Story(Rc<Dataset>),
    Broken(Rc<Vec<Problem>>),
}

impl Loaded {
    pub fn bundled() -> Self {
        match first_story() {
            Ok(ds) => Loaded::Story(Rc::new(ds)),
            Err(problems) => Loaded::Broken(Rc::new(problems)),
        }
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The story to show; the bundled first story when absent.
    #[prop_or_default]
    pub loaded: Option<Loaded>,
    /// The URL fragment the page opened with: the reader's view.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// Read `?data=<url>` from the page and load that story in place of the
    /// bundled one. Off for server-side rendering.
    #[prop_or_default]
    pub load_from_query: bool,
    /// The page and its embed options; read from the browser's location
    /// when absent.
    #[prop_or_default]
    pub page: Option<Page>,
    /// Called once, after the first render (or hydration) is on screen:
    /// from then on the widget answers the reader. The entry point marks
    /// the host element with it.
    #[prop_or_default]
    pub on_live: Option<Callback<()>>,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = {
        let given = props.loaded.clone();
        use_state(move || given.unwrap_or_else(Loaded::bundled))
    };
    let page = {
        let (given, browser) = (props.page.clone(), props.load_from_query);
        use_memo((), move |_| {
            given.unwrap_or_else(|| {
                if browser {
                    Page::current()
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
    let root = classes!(
        "dossier",
        page.options.embed.then_some("dossier--embed"),
        page.options.theme.class()
    );
    // A story fetched from ?data=: while it loads, a status line; if it
    // fails, the bundled story stays and the problems are listed above it.
    let loading = use_state(|| None::<String>);
    let notice = use_state(|| None::<Notice>);
    // The fragment the view starts from: the page's, until another story is opened.
    let fragment = use_state(|| props.fragment.clone());
    {
        let (loaded, loading, notice) = (loaded.clone(), loading.clone(), notice.clone());
        let (enabled, data) = (props.load_from_query, page.data.clone());
        use_effect_with((), move |_| {
            let failed = |problems| Notice {
                title: "The requested story could not be opened; showing the bundled story instead"
                    .into(),
                problems: Rc::new(problems),
            };
            match data.filter(|_| enabled).map(|raw| loader::data_url(&raw)) {
                Some(Ok(url)) => {
                    loading.set(Some(url.clone()));
                    wasm_bindgen_futures::spawn_local(async move {
                        match loader::fetch_dataset(&url).await {
                            Ok(ds) => loaded.set(Loaded::Story(Rc::new(ds))),
                            Err(problems) => notice.set(Some(failed(problems))),
                        }
                        loading.set(None);
                    });
                }
                Some(Err(problems)) => notice.set(Some(failed(problems))),
                None => {}
            }
        });
    }
    // A file opened or dropped: read and checked (or imported) in the
    // browser, with progress; it replaces the story only when it is valid.
    let progress = use_state(|| None::<(String, Option<f64>)>);
    // Made once: the state handles it sets stay valid, and a stable
    // callback leaves the story view alone when only the notice changes.
    let open = {
        let (loaded, notice, progress, fragment) = (
            loaded.clone(),
            notice.clone(),
            progress.clone(),
            fragment.clone(),
        );
        use_callback((), move |file: web_sys::File, _| {
            let (loaded, notice, progress, fragment) = (
                loaded.clone(),
                notice.clone(),
                progress.clone(),
                fragment.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                notice.set(None);
                progress.set(Some((format!("Reading {name}…"), None)));
                let result = match loader::read_file(&file).await {
                    Ok(bytes) => {
                        progress.set(Some((format!("Checking {name}…"), None)));
                        let report = {
                            let (progress, name) = (progress.clone(), name.clone());
                            move |share: f64, rows: usize| {
                                progress.set(Some((
                                    format!(
                                        "Importing {name}: {} rows",
                                        crate::present::thousands(rows as u64)
                                    ),
                                    Some(share),
                                )));
                            }
                        };
                        loader::open_bytes(&name, bytes, report).await
                    }
                    Err(problems) => Err(problems),
                };
                progress.set(None);
                match result {
                    Ok(opened) => {
                        if !opened.skipped.is_empty() {
                            notice.set(Some(Notice {
                                title: format!(
                                    "Opened {name}; {} rows could not be used",
                                    crate::present::thousands(opened.skipped.len() as u64)
                                )
                                .into(),
                                problems: Rc::new(
                                    opened.skipped.iter().map(|s| s.problem()).collect(),
                                ),
                            }));
                        }
                        fragment.set(None);
                        loaded.set(Loaded::Story(Rc::new(opened.dataset)));
                    }
                    Err(problems) => notice.set(Some(Notice {
                        title: format!(
                            "{name} could not be opened; the story you had is unchanged"
                        )
                        .into(),
                        problems: Rc::new(problems),
                    })),
                }
            });
        })
    };
    // Drag and drop anywhere on the widget (not in an embed).
    let dragging = use_state(|| false);
    let droppable = !page.options.embed;
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if droppable && carries_files(&e) {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child is not leaving the widget.
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(
                    e.current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                )
                .is_some_and(|(to, root)| root.contains(Some(&to)));
            if !inside {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let (dragging, open) = (dragging.clone(), open.clone());
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            if !droppable {
                return;
            }
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open.emit(file);
            }
        })
    };
    if let Some(url) = &*loading {
        return html! {
            <div class={root}>
                <p class="dossier__loading" role="status">{ format!("Loading the story from {url}…") }</p>
            </div>
        };
    }
    let status = (*progress).clone().map(|(label, share)| {
        html! {
            <div class="dossier__progress" role="status">
                <p>{ label }</p>
                <progress max="1" value={share.map(|s| format!("{s:.3}"))} aria-label="Progress" />
            </div>
        }
    });
    let notice_html = (*notice).clone().map(|n| {
        let close = {
            let notice = notice.clone();
            Callback::from(move |_: MouseEvent| notice.set(None))
        };
        html! {
            <div class="dossier__notice">
                <ProblemPanel title={n.title} problems={n.problems} />
                <button type="button" class="link-button" onclick={close}>{ "Dismiss" }</button>
            </div>
        }
    });
    let open = (!page.options.embed).then_some(open);
    let body = match (*loaded).clone() {
        Loaded::Story(ds) => {
            // One StoryView per dataset: a new story starts a fresh view,
            // and no render ever compares two datasets field by field.
            let key = Rc::as_ptr(&ds) as usize;
            html! { <StoryView {key} dataset={ds} fragment={(*fragment).clone()} page={page.clone()} open={open.clone()} /> }
        }
        Loaded::Broken(problems) => html! { <>
            if let Some(open) = open.clone() {
                <OpenFile {open} />
            }
            <ProblemPanel title="This story's data could not be read" {problems} />
        </> },
    };
    html! {
        <div class={root} ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            if *dragging {
                <div class="dossier__drop" aria-hidden="true">
                    <p>{ "Drop a Dossier JSON or an ACLED CSV to open it. It stays in your browser." }</p>
                </div>
            }
            { status }
            { notice_html }
            { body }
        </div>
    }
}

/// A message above the story: what could not be opened, or used.
#[derive(Clone, PartialEq)]
struct Notice {
    title: AttrValue,
    problems: Rc<Vec<Problem>>,
}

/// Whether a drag carries files (and not, say, selected text).
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

#[derive(Properties, PartialEq)]
struct OpenFileProps {
    open: Callback<web_sys::File>,
}

/// "Open file…": a Dossier JSON or an ACLED CSV from the reader's disk.
#[component]
fn OpenFile(props: &OpenFileProps) -> Html {
    let onchange = {
        let open = props.open.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open.emit(file);
            }
            // Choosing the same file again must fire again.
            input.set_value("");
        })
    };
    html! {
        <div class="open-file">
            <input id="dossier-open" class="visually-hidden open-file__input" type="file"
                accept=".json,.csv,application/json,text/csv" {onchange} />
            <label for="dossier-open" class="button open-file__button">{ "Open file…" }</label>
        </div>
    }
}

#[derive(Properties)]
struct StoryViewProps {
    dataset: Rc<Dataset>,
    fragment: Option<AttrValue>,
    page: Rc<Page>,
    /// Opens a file the reader chose, where the page allows it.
    open: Option<Callback<web_sys::File>>,
}

impl PartialEq for StoryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && self.fragment == other.fragment
            && Rc::ptr_eq(&self.page, &other.page)
            && self.open == other.open
    }
}

/// One story: its header, the filters and the cards, sharing one state.
#[component]
fn StoryView(props: &StoryViewProps) -> Html {
    let ds = props.dataset.clone();
    let store = {
        let ds = ds.clone();
        let fragment = props.fragment.clone().unwrap_or_default();
        let opening = props.page.options.view;
        use_reducer(move || Store(Rc::new(ViewState::opening(&fragment, &ds, opening))))
    };
    // The dataset never changes within one StoryView (see its key), so the
    // index is built once and only the filters drive re-filtering.
    let index = {
        let ds = ds.clone();
        use_memo((), move |_| EventIndex::new(&ds))
    };
    let outcome = use_memo(store.0.filters.clone(), move |filters| index.apply(filters));
    let source = use_state(|| None::<Provenance>);
    let page = props.page.clone();
    url::use_url_sync(&store, &ds, page.options.embed);
    let parts = page.options.parts;

    let view = store.0.view;
    let switch = |to: ViewKind, label: &'static str| {
        let dispatch = store.dispatcher();
        html! {
            <button type="button" class="views__button" aria-pressed={(view == to).to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetView(to)))}>
                { label }
            </button>
        }
    };
    let switcher = html! {
        <div class="views" role="group" aria-label="View">
            { switch(ViewKind::Cards, "Events") }
            { switch(ViewKind::Network, "Network") }
            { switch(ViewKind::Charts, "Charts") }
        </div>
    };
    let context = Dossier {
        dataset: ds.clone(),
        view: store.0.clone(),
        outcome,
        dispatch: store.dispatcher().into(),
        source: (*source).clone(),
        show_source: Callback::from(move |p| source.set(p)),
        page: page.clone(),
    };
    html! {
        <ContextProvider<Dossier> {context}>
            if parts.header {
                <StoryHeader />
            }
            <div class="dossier__bar">
                { switcher }
                if let Some(open) = props.open.clone() {
                    <OpenFile {open} />
                }
                <SharePanel />
            </div>
            <div class={classes!("dossier__layout", (!parts.filters).then_some("dossier__layout--full"))}>
                if parts.filters {
                    <FilterPanel />
                }
                if view == ViewKind::Network {
                    <div class="dossier__results">
                        <ActiveFilters />
                        <NetworkView />
                    </div>
                } else if view == ViewKind::Charts {
                    <section class="dossier__results" aria-labelledby="dossier-charts-title">
                        <h2 id="dossier-charts-title" class="visually-hidden">{ "Charts" }</h2>
                        <TimelineChart />
                        <CasualtyChart />
                        <Toolbar />
                        <ActiveFilters />
                        <CardList />
                    </section>
                } else {
                    <section class="dossier__results" aria-labelledby="dossier-events-title">
                        <h2 id="dossier-events-title" class="visually-hidden">{ "Events" }</h2>
                        <Toolbar />
                        <ActiveFilters />
                        <CardList />
                    </section>
                }
            </div>
            if parts.source {
                <SourcePanel />
            }
        </ContextProvider<Dossier>>
    }
}
