//! Server-side-rendered snapshots of the components: markup checked without a browser.

use dossier::App;
use yew::LocalServerRenderer;

async fn render_app() -> String {
    LocalServerRenderer::<App>::new().render().await
}

#[tokio::test]
async fn app_renders_the_story_header_and_every_event() {
    let html = render_app().await;
    let ds = dossier::story::first_story().unwrap();
    assert!(html.contains("<h1 class=\"story__title\">Lebanon’s Hezbollah hosts Hamas delegation"));
    assert!(html.contains("rel=\"noopener noreferrer\""));
    for e in &ds.events {
        assert!(
            html.contains(&format!("data-event-id=\"{}\"", e.id)),
            "no card for {}",
            e.id
        );
    }
    insta::assert_snapshot!("app", html);
}
