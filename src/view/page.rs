//! Where the widget runs, and the addresses of its views: the full-page
//! link, the page `embed.js` is pointed at, and a plain iframe's `src`.
//!
//! The shell reads the browser's address (`location.href`) and hands it to
//! [`Page::from_href`] and [`split_fragment`]; everything else here is
//! string work, tested natively. Pure: no browser types here.

use super::embed::{page_url, Options};

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
    /// The page at `href`, the whole address the browser shows: its query
    /// says how to show; its fragment, the view, is not the page's.
    ///
    /// ```
    /// use dossier::view::page::Page;
    /// let page = Page::from_href("https://e.com/d/index.html?embed=1&data=s.json#a=hamas");
    /// assert_eq!(page.base, "https://e.com/d/index.html");
    /// assert_eq!(page.data.as_deref(), Some("s.json"));
    /// assert!(page.options.embed);
    /// // embed.html is the page for frames: an embed unless `?embed=0`.
    /// // A `?` in the fragment is the view's, not the page's query.
    /// assert_eq!(Page::from_href("https://e.com/d/#q=a?b").base, "https://e.com/d/");
    /// assert_eq!(Page::from_href("file:///home/me/dist/index.html").base, "file:///home/me/dist/index.html");
    /// assert!(Page::from_href("https://e.com/d/embed.html").options.embed);
    /// assert!(!Page::from_href("https://e.com/d/embed.html?embed=0#a=x").options.embed);
    /// ```
    pub fn from_href(href: &str) -> Page {
        let (address, _) = split_fragment(href);
        let (base, search) = address.split_at(address.find('?').unwrap_or(address.len()));
        let query = search.strip_prefix('?').unwrap_or(search);
        let data = crate::base::query::parse(query)
            .find(|(k, _)| k == "data")
            .map(|(_, v)| v.into_owned());
        // embed.html's picture is the embed's opening view; the widget shows
        // the same view, rather than the whole page's in its place.
        Page {
            options: Options::from_query_on(search, base.ends_with("/embed.html")),
            base: base.to_owned(),
            data,
        }
    }

    /// The folder the widget's files are in, with its final `/`.
    fn dir(&self) -> &str {
        let end = self.base.bytes().rposition(|b| b == b'/');
        end.map_or("", |i| &self.base[..=i])
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

/// An address without its fragment, and the fragment without its `#`
/// (empty when there is none).
///
/// ```
/// use dossier::view::page::split_fragment;
/// assert_eq!(split_fragment("https://e.com/d/?x=1#a=hamas"), ("https://e.com/d/?x=1", "a=hamas"));
/// assert_eq!(split_fragment("https://e.com/d/"), ("https://e.com/d/", ""));
/// ```
pub fn split_fragment(href: &str) -> (&str, &str) {
    href.split_once('#').unwrap_or((href, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embed_links_to_the_folder_and_keeps_the_story() {
        let page = Page::from_href(
            "https://e.com/news/d/embed.html?embed=1&childId=x&initialWidth=375&data=https%3A%2F%2Fe.com%2Fs.json",
        );
        assert!(page.options.embed);
        let link = page.link("a=hamas");
        assert!(link.starts_with("https://e.com/news/d/?"), "{link}");
        assert!(link.contains("data=https%3A%2F%2Fe.com%2Fs.json"), "{link}");
        assert!(
            !link.contains("embed=") && !link.contains("childId"),
            "{link}"
        );
        assert!(link.ends_with("#a=hamas"), "{link}");
        assert!(page
            .embed_src("v=network")
            .starts_with("https://e.com/news/d/embed.html?embed"));
        assert!(!page.embed_target("").contains("embed=1"));
        assert_eq!(page.script(), "https://e.com/news/d/embed.js");
    }

    #[test]
    fn a_page_off_the_browser_has_no_base() {
        let page = Page::default();
        assert_eq!(page.link(""), "");
        assert_eq!(page.script(), "embed.js");
    }
}
