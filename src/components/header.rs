use super::context::Dossier;
use crate::format::model::is_web_url;
use yew::prelude::*;

/// Title, standfirst, outlet, date and a link to the original article.
/// A plain function, not a component: it holds no state, and each
/// component costs the reader's download a few kilobytes of Yew's code.
pub fn story_header(d: &Dossier) -> Html {
    let s = &d.dataset.story;
    if d.page.options.embed {
        // In a host's article: the title small, and a way to the full view.
        let full = d.page.link(&d.fragment());
        return html! {
            <header class="story story--compact">
                <h1 class="story__title">{ &s.title }</h1>
                <p class="story__byline">
                    <span class="story__outlet">{ &s.outlet }</span>
                    { " · " }
                    <time datetime={s.published.to_string()}>{ s.published.human() }</time>
                    { " · " }
                    <a class="story__full" href={full} target="_blank" rel="noopener noreferrer">
                        { "Open the full view" }
                        <span class="visually-hidden">{ " (opens in a new tab)" }</span>
                    </a>
                </p>
            </header>
        };
    }
    html! {
        <header class="story">
            <p class="story__kicker">{ "Dossier" }</p>
            <h1 class="story__title">{ &s.title }</h1>
            if let Some(dek) = &s.dek {
                <p class="story__dek">{ dek }</p>
            }
            <p class="story__byline">
                <span class="story__outlet">{ &s.outlet }</span>
                { " · " }
                <time datetime={s.published.to_string()}>{ s.published.human() }</time>
                if let Some(d) = &s.dateline {
                    { " · " }<span class="story__dateline">{ d }</span>
                }
                if is_web_url(&s.url) {
                    { " · " }
                    <a class="story__link" href={s.url.clone()} target="_blank" rel="noopener noreferrer">
                        { "Read the original" }
                        <span class="visually-hidden">{ format!(" on {} (opens in a new tab)", s.outlet) }</span>
                    </a>
                }
            </p>
        </header>
    }
}
