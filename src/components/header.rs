use super::context::Dossier;
use crate::format::model::is_web_url;
use yew::prelude::*;

/// Title, standfirst, outlet, date and a link to the original article.
/// A plain function, not a component: it holds no state, and each
/// component costs the reader's download a few kilobytes of Yew's code.
pub fn story_header(d: &Dossier) -> Html {
    let s = &d.dataset.story;
    // In a host's article: the title small, and a way to the full view.
    let embed = d.page.options.embed;
    html! {
        <header class="story" data-compact={super::flag(embed)}>
            if !embed {
                <p class="story__kicker">{ "Dossier" }</p>
            }
            <h1 class="story__title">{ &s.title }</h1>
            if let Some(dek) = s.dek.as_ref().filter(|_| !embed) {
                <p class="story__dek">{ dek }</p>
            }
            <p class="story__byline">
                <span class="story__outlet">{ &s.outlet }</span>
                { " · " }
                <time datetime={s.published.iso()}>{ s.published.human() }</time>
                if let Some(d) = s.dateline.as_ref().filter(|_| !embed) {
                    { " · " }<span class="story__dateline">{ d }</span>
                }
                if embed {
                    { " · " }
                    <a class="story__full" href={d.page.link(&d.fragment())} target="_blank" rel="noopener noreferrer">
                        { "Open the full view" }
                        <span class="visually-hidden">{ " (opens in a new tab)" }</span>
                    </a>
                } else if is_web_url(&s.url) {
                    { " · " }
                    <a class="story__link" href={s.url.clone()} target="_blank" rel="noopener noreferrer">
                        { "Read the original" }
                        // The outlet is named just before, in the byline.
                        <span class="visually-hidden">{ " (opens in a new tab)" }</span>
                    </a>
                }
            </p>
        </header>
    }
}
