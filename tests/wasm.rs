//! The few tests that only a browser can run: the widget mounted into a real
//! DOM, and the pure core compiled to wasm32 giving native's answers.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn bundled_story_validates_in_wasm() {
    let ds = dossier::format::story::first_story().expect("valid in wasm too");
    assert_eq!(ds.events.len(), 18);
    // Date arithmetic agrees with the native tests.
    assert_eq!(ds.story.published.first_day(), 19858);
    assert_eq!(ds.story.published.human(), "Wed 15 May 2024");
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_story() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // The App says when its first render is on screen; wait for that, not
    // for a guessed time.
    let live = std::rc::Rc::new(std::cell::Cell::new(false));
    let props = dossier::AppProps {
        on_live: Some({
            let live = live.clone();
            yew::Callback::from(move |()| live.set(true))
        }),
        loaded: Some(dossier::view::app::Loaded::bundled()),
        ..Default::default()
    };
    yew::Renderer::<dossier::App>::with_root_and_props(root.clone(), props).render();
    for _ in 0..5_000 {
        if live.get() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(1)).await;
    }
    assert!(live.get(), "the widget never said it was live");

    let title = root.query_selector("h1").unwrap().expect("a title");
    assert!(title
        .text_content()
        .unwrap()
        .starts_with("Lebanon’s Hezbollah hosts Hamas delegation"));
    // The first render draws the cards a page's picture shows, and holds
    // the others' room; the rest follow just after its paint.
    let cards = || root.query_selector_all("[data-event-id]").unwrap().length();
    // Six: `cards::EMBED_PAGE`, the cards the picture holds.
    assert_eq!(cards(), 6);
    for _ in 0..5_000 {
        if cards() == 18 {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(1)).await;
    }
    assert_eq!(cards(), 18);
}

/// The layout in wasm gives the coordinates the native server render pinned
/// in the network snapshot: same graph, same seed, same picture everywhere.
#[wasm_bindgen_test]
fn layout_in_wasm_matches_the_native_snapshot() {
    use dossier::graph::network::Graph;
    let ds = dossier::format::story::first_story().unwrap();
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let mut g = Graph::build(&ds, &all, true, &[]);
    // As the component lays it out before it has measured its frame.
    g.frame = dossier::graph::view::frame_for(&ds, &g, 640.0, 480.0);
    g.fit_spread(1);
    g.lay_out(1);
    let snapshot = include_str!("snapshots/components__network.snap");
    for n in &g.nodes {
        let id = &ds.actors[n.actor].id;
        let line = snapshot
            .lines()
            .find(|l| l.contains("class=\"node") && l.contains(&format!("data-actor-id=\"{id}\"")))
            .unwrap_or_else(|| panic!("no node for {id} in the snapshot"));
        let expected = format!("transform=\"translate({:.1} {:.1})\"", n.x, n.y);
        assert!(
            line.contains(&expected),
            "{id}: wasm {expected}, native {line}"
        );
    }
}

/// Wait until `selector` matches in `root`, or fail after a few seconds.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..5_000 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        yew::platform::time::sleep(Duration::from_millis(1)).await;
    }
    panic!("{selector} never appeared");
}

/// The editor in a debug build (the end-to-end tests drive the release
/// build): a story opened, left for the list of drafts and opened again
/// renders every time, with its hooks in one order, and is kept.
#[wasm_bindgen_test]
async fn the_editor_opens_leaves_and_reopens_a_story() {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dossier::components::editor::EditorApp>::with_root(root.clone()).render();
    let click = |el: web_sys::Element| el.unchecked_into::<web_sys::HtmlElement>().click();
    for _ in 0..2 {
        wait_for(&root, ".start").await;
        let buttons = root.query_selector_all(".start__side button").unwrap();
        let bundled = (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .find(|b| {
                b.text_content()
                    .unwrap_or_default()
                    .starts_with("Edit the bundled story")
            })
            .expect("the bundled story's button");
        click(bundled.unchecked_into());
        wait_for(&root, ".editor__panes").await;
        let title = wait_for(&root, ".editor__title").await;
        assert!(title
            .text_content()
            .unwrap()
            .starts_with("Lebanon’s Hezbollah"));
        click(wait_for(&root, ".editor__tools .link-button").await);
    }
    let kept = gloo::utils::window().local_storage().unwrap().unwrap();
    let index = kept
        .get_item(dossier::author::drafts::INDEX_KEY)
        .unwrap()
        .unwrap();
    assert_eq!(dossier::author::drafts::parse(Some(&index)).len(), 2);
}
