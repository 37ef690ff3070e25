//! Server-side-rendered snapshots of the components: markup checked without a browser.

use dossier::{App, AppProps};
use yew::LocalServerRenderer;

/// Render the App as it opens at a fragment, one tag per line so that
/// snapshot diffs are readable.
async fn render(fragment: &str) -> String {
    let props = AppProps {
        loaded: Some(dossier::view::app::Loaded::bundled()),
        fragment: Some(fragment.to_owned().into()),
        load_from_query: false,
        page: None,
        ..Default::default()
    };
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    html.replace("><", ">\n<")
}

#[tokio::test]
async fn app_renders_the_story_header_and_every_event() {
    let html = render("").await;
    let ds = dossier::format::story::first_story().unwrap();
    assert!(html.contains("<h1 class=\"story__title\">Lebanon’s Hezbollah hosts Hamas delegation"));
    assert!(html.contains("rel=\"noopener noreferrer\""));
    for e in &ds.events {
        assert!(
            html.contains(&format!("data-event-id=\"{}\"", e.id)),
            "no card for {}",
            e.id
        );
    }
    assert!(html.contains(">18 events<"));
    insta::assert_snapshot!("app", html);
}

#[tokio::test]
async fn a_shared_link_renders_its_view() {
    let html = render("a=osama-hamdan&sel=event:e-beirut-meeting").await;
    assert_eq!(html.matches("data-selected=\"\" data-event-id=").count(), 1);
    assert_eq!(html.matches("data-event-id=").count(), 1);
    assert!(html.contains(">1 of 18 events<"));
    assert!(html.contains("aria-label=\"Remove filter Actor: Osama Hamdan\""));
    // The selected card opens with its quote.
    assert!(html.contains("Hassan Nasrallah hosted a Hamas delegation in Beirut on Wednesday"));
    insta::assert_snapshot!("shared_view", html);
}

#[tokio::test]
async fn the_network_renders_every_actor_and_relation_at_rest() {
    let html = render("v=network").await;
    let ds = dossier::format::story::first_story().unwrap();
    for a in &ds.actors {
        assert!(
            html.contains(&format!("data-actor-id=\"{}\"", a.id)),
            "no node for {}",
            a.id
        );
    }
    for r in &ds.relations {
        assert!(
            html.contains(&format!("data-relation-id=\"{}\"", r.id)),
            "no edge for {}",
            r.id
        );
    }
    assert!(
        html.contains("<title>Hassan Nasrallah and Khalil al-Hayya: together in 1 event</title>")
    );
    assert!(html.contains("aria-label=\"Hezbollah, armed group, 7 events\""));
    // Deterministic layout: the snapshot pins the coordinates too.
    insta::assert_snapshot!("network", html);
}

#[tokio::test]
async fn the_charts_render_every_figure_and_event() {
    let html = render("v=charts").await;
    // Both data tables wait behind their buttons: neither is built until opened.
    assert_eq!(
        html.matches("hidden=\"hidden\" class=\"chart__table\"")
            .count(),
        2
    );
    assert!(!html.contains("<table"), "a closed data table was rendered");
    let ds = dossier::format::story::first_story().unwrap();
    for t in &ds.tallies {
        assert!(
            html.contains(&format!("data-tally-id=\"{}\"", t.id)),
            "no mark for {}",
            t.id
        );
    }
    let timeline = &html[html.find("class=\"chart chart--timeline\"").unwrap()..];
    for e in &ds.events {
        assert!(
            timeline.contains(&format!("data-event-id=\"{}\"", e.id)),
            "no timeline mark for {}",
            e.id
        );
    }
    assert!(html.contains(">at least 295</text>"));
    assert!(html.contains(">more than 79</text>"));
    assert!(html.contains(">including 3 journalists</text>"));
    assert!(html.contains("fill=\"url(#dossier-fade-combatants)\""));
    assert!(html.contains("These figures are not like-for-like."));
    // Server-rendered at the default width: the snapshot pins the geometry.
    insta::assert_snapshot!("charts", html);
}

#[tokio::test]
async fn a_selected_figure_is_pressed_and_filters_the_cards() {
    let html = render("t=t-lebanon-civilians&v=charts").await;
    assert!(html.contains("data-tally-id=\"t-lebanon-civilians\" tabindex=\"0\" role=\"button\" aria-pressed=\"true\""));
    assert!(html.contains(">1 of 18 events<"));
    assert!(html.contains("aria-label=\"Remove filter Casualty figure: more than 79 civilians, Lebanon (an AFP tally)\""));
}

#[tokio::test]
async fn an_embed_renders_compact_in_its_theme_without_the_hidden_parts() {
    let page = dossier::view::page::Page {
        options: dossier::view::embed::Options::from_query("?embed&theme=dark&hide=filters,source"),
        base: "https://example.com/news/dossier/".into(),
        data: None,
    };
    let props = AppProps {
        loaded: Some(dossier::view::app::Loaded::bundled()),
        fragment: Some("sort=newest".into()),
        load_from_query: false,
        page: Some(page),
        ..Default::default()
    };
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    assert!(html.contains("<div data-embed=\"\" data-theme=\"dark\" class=\"dossier\">"));
    assert!(html.contains("<header data-compact=\"\" class=\"story\">"));
    assert!(html.contains("href=\"https://example.com/news/dossier/?theme=dark&amp;hide=filters,source#sort=newest\" target=\"_blank\" rel=\"noopener noreferrer\""));
    assert!(!html.contains("class=\"filters"));
    assert!(!html.contains("Read paragraph"));
    // A short first page in a host's article.
    assert_eq!(html.matches("class=\"card\"").count(), 6);
    assert!(html.contains("Show the 12 remaining events"));
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::test]
async fn index_html_gets_the_current_prerendered_view() {
    let html = dossier::components::prerender().await;
    let view = include_str!("../web/generated/page-view.html");
    assert_eq!(
        view,
        dossier::components::page_part(&html),
        "web/generated/page-view.html is stale: run `cargo run --bin dossier -- prerender index.html`"
    );
    // index.html holds the place the build puts it in.
    assert!(include_str!("../index.html").contains("<div id=\"dossier\"></div>"));
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::test]
async fn embed_html_gets_the_current_prerendered_embed_view() {
    let html = dossier::components::prerender_embed().await;
    let view = include_str!("../web/generated/embed-view.html");
    assert_eq!(
        view,
        dossier::components::page_part(&html),
        "web/generated/embed-view.html is stale: run `cargo run --bin dossier -- prerender index.html`"
    );
    assert!(html.contains("<div data-embed=\"\" class=\"dossier\">"));
}

/// `components::each` writes a list as html!'s `{ for … }` does, keyed
/// items included.
#[tokio::test]
async fn each_writes_a_list_as_for_does() {
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct Props {
        each: bool,
    }

    #[component]
    fn List(props: &Props) -> Html {
        let items = ["a", "b", "c"].map(|s| html! { <li key={s}>{ s }</li> });
        if props.each {
            html! { <ul><li>{ "first" }</li>{ dossier::components::each(items) }</ul> }
        } else {
            html! { <ul><li>{ "first" }</li>{ for items }</ul> }
        }
    }

    let with_each = LocalServerRenderer::<List>::with_props(Props { each: true })
        .render()
        .await;
    let with_for = LocalServerRenderer::<List>::with_props(Props { each: false })
        .render()
        .await;
    assert!(
        with_each.contains("<li>a</li><li>b</li><li>c</li>"),
        "{with_each}"
    );
    assert_eq!(with_each, with_for);
}
