//! Embedding: the options an embed URL carries, the height messages the
//! widget sends to its host, the messages it accepts from it, and the embed
//! code the share panel offers.
//!
//! Options live in the URL's query, beside anything a host adds (pym.js adds
//! `initialWidth`, `childId`, `parentTitle` and `parentUrl`); the reader's
//! view stays in the fragment:
//!
//! ```text
//! index.html?embed&theme=dark&view=network&hide=filters,source#a=hezbollah
//! ```
//!
//! Two height protocols are spoken, so that hosts need no change:
//! - pym.js: the string `pymxPYMx<childId>xPYMxheightxPYMx<px>`, and an answer
//!   to the parent's `width` message;
//! - Datawrapper's object message, `{"datawrapper-height": {<id>: <px>}}`
//!   (built by the component, as it is a JavaScript object).
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::base::html::escape;
use crate::view::state::ViewKind;

/// Light, dark, or whatever the reader's system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The name the widget's root carries (`data-theme`) and a link
    /// writes (`theme=`); none for `Auto`.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The parts of the widget a host can hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub header: bool,
    pub filters: bool,
    pub source: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            header: true,
            filters: true,
            source: true,
        }
    }
}

/// What the query asks of the widget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Rendered for an iframe: no page chrome, a compact header, and height
    /// messages to the parent.
    pub embed: bool,
    /// The id pym.js gave this child, if any.
    pub child_id: Option<String>,
    pub theme: Theme,
    pub parts: Parts,
    /// The view to open when the fragment does not say.
    pub view: Option<ViewKind>,
}

/// The longest child id accepted.
const MAX_ID: usize = 64;

/// A child id as pym.js makes them from an element id: letters, digits and
/// `-_:.`, at most 64 characters. Anything else is refused, as it would be
/// written into messages.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
}

impl Options {
    /// Read the query (with or without its `?`). Never fails: unknown keys
    /// and bad values are ignored.
    ///
    /// ```
    /// use dossier::view::embed::{Options, Theme};
    /// let o = Options::from_query("?embed&theme=dark&hide=filters&initialWidth=600&childId=dossier-1");
    /// assert!(o.embed && !o.parts.filters && o.parts.header);
    /// assert_eq!((o.theme, o.child_id.as_deref()), (Theme::Dark, Some("dossier-1")));
    /// ```
    pub fn from_query(query: &str) -> Options {
        Options::from_query_on(query, false)
    }

    /// The same, on a page that is an embed unless its query says otherwise
    /// (`embed`: embed.html, whose picture is the embed's view).
    pub fn from_query_on(query: &str, embed: bool) -> Options {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut o = Options {
            embed,
            ..Options::default()
        };
        for (key, value) in crate::base::query::parse(query) {
            match key.as_ref() {
                "embed" => o.embed = !matches!(value.as_ref(), "0" | "false" | "no"),
                "childId" if valid_id(&value) => o.child_id = Some(value.into_owned()),
                "theme" => {
                    o.theme = match value.as_ref() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "view" => {
                    o.view = match value.as_ref() {
                        "cards" | "events" => Some(ViewKind::Cards),
                        "network" => Some(ViewKind::Network),
                        "charts" => Some(ViewKind::Charts),
                        _ => None,
                    }
                }
                "hide" => {
                    for part in value.split(',') {
                        match part.trim() {
                            "header" => o.parts.header = false,
                            "filters" => o.parts.filters = false,
                            "source" => o.parts.source = false,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        // A pym.js child is an embed even when its URL forgot the flag.
        if o.child_id.is_some() {
            o.embed = true;
        }
        o
    }

    /// The query for these options, with its `?`; empty for the defaults.
    /// Host-added parameters are not carried.
    pub fn to_query(&self) -> String {
        // Every value here is from a fixed list, so nothing needs encoding.
        let mut pairs: Vec<String> = Vec::new();
        if self.embed {
            pairs.push("embed".to_owned());
        }
        if let Some(t) = self.theme.name() {
            pairs.push(format!("theme={t}"));
        }
        if let Some(v) = self.view {
            pairs.push(format!("view={}", v.as_str()));
        }
        let hidden: Vec<&str> = [
            (!self.parts.header, "header"),
            (!self.parts.filters, "filters"),
            (!self.parts.source, "source"),
        ]
        .iter()
        .filter(|(h, _)| *h)
        .map(|(_, p)| *p)
        .gather();
        if !hidden.is_empty() {
            pairs.push(format!("hide={}", crate::base::text::join(&hidden, ",")));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", crate::base::text::join(&pairs, "&"))
        }
    }

    /// The id the height messages carry: pym's child id, or "dossier".
    pub fn message_id(&self) -> &str {
        self.child_id.as_deref().unwrap_or("dossier")
    }
}

/// The pym.js height message.
///
/// ```
/// assert_eq!(dossier::view::embed::pym_height("my-id", 742), "pymxPYMxmy-idxPYMxheightxPYMx742");
/// ```
pub fn pym_height(child_id: &str, px: u32) -> String {
    pym_message(child_id, "height", px)
}

/// A pym.js message from the child: its `kind` (`height`,
/// `scrollToChildPos`) and a number of pixels.
///
/// ```
/// assert_eq!(
///     dossier::view::embed::pym_message("my-id", "scrollToChildPos", 1200),
///     "pymxPYMxmy-idxPYMxscrollToChildPosxPYMx1200"
/// );
/// ```
pub fn pym_message(child_id: &str, kind: &str, px: u32) -> String {
    format!("pymxPYMx{child_id}xPYMx{kind}xPYMx{px}")
}

/// The widest width a parent may announce, in pixels.
pub const MAX_WIDTH: u32 = 20_000;

/// A message from the parent that the widget acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FromParent {
    /// pym.js's `width`: the container's width in pixels.
    Width(u32),
}

/// Read a message from the parent. Only the exact pym.js form for this
/// child id is accepted, with a whole number of pixels from 1 to
/// [`MAX_WIDTH`]; anything else is `None`, and ignored.
///
/// ```
/// use dossier::view::embed::{parse_parent, FromParent};
/// assert_eq!(parse_parent("pymxPYMxd1xPYMxwidthxPYMx640", "d1"), Some(FromParent::Width(640)));
/// assert_eq!(parse_parent("pymxPYMxd2xPYMxwidthxPYMx640", "d1"), None);
/// assert_eq!(parse_parent("pymxPYMxd1xPYMxwidthxPYMx-5", "d1"), None);
/// ```
pub fn parse_parent(message: &str, child_id: &str) -> Option<FromParent> {
    if message.len() > 200 {
        return None;
    }
    let rest = message.strip_prefix("pymxPYMx")?;
    let rest = rest.strip_prefix(child_id)?;
    let rest = rest.strip_prefix("xPYMx")?;
    let at = crate::base::text::find(rest, "xPYMx")?;
    let (kind, value) = (&rest[..at], &rest[at + 5..]);
    match kind {
        "width" => {
            if value.len() > 6 {
                return None;
            }
            let px = crate::base::num::digits(value)? as u32;
            (1..=MAX_WIDTH)
                .contains(&px)
                .then_some(FromParent::Width(px))
        }
        _ => None,
    }
}

/// A URL of this widget: `base` (the page's address without query or
/// fragment), the embed options, the story's `data` address if one was
/// loaded, and the reader's view.
///
/// ```
/// use dossier::view::embed::{page_url, Options};
/// let embed = Options { embed: true, ..Options::default() };
/// assert_eq!(
///     page_url("https://e.com/d/", &embed, Some("next.json"), "a=hamas"),
///     "https://e.com/d/?embed&data=next.json#a=hamas"
/// );
/// assert_eq!(page_url("https://e.com/d/", &Options::default(), None, ""), "https://e.com/d/");
/// ```
pub fn page_url(base: &str, options: &Options, data: Option<&str>, fragment: &str) -> String {
    let mut url = format!("{base}{}", options.to_query());
    if let Some(data) = data {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str("data=");
        crate::base::query::encode_into(&mut url, data);
    }
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// The plain iframe embed code: works anywhere, at a fixed starting height.
///
/// ```
/// let code = dossier::view::embed::iframe_code("https://example.com/d/?embed#a=hamas", "Dossier", 900);
/// assert!(code.starts_with("<iframe src=\"https://example.com/d/?embed#a=hamas\" title=\"Dossier\""));
/// ```
pub fn iframe_code(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" \
         allow=\"clipboard-write\" style=\"width:100%;border:0\"></iframe>",
        escape(src),
        escape(title)
    )
}

/// The responsive embed code: a placeholder and `embed.js`, which makes the
/// iframe and keeps its height equal to the widget's.
///
/// ```
/// let code = dossier::view::embed::script_code("https://example.com/d/#a=hamas", "https://example.com/d/embed.js", "Dossier");
/// assert!(code.contains("data-dossier-src=\"https://example.com/d/#a=hamas\""));
/// assert!(code.ends_with("<script async src=\"https://example.com/d/embed.js\"></script>"));
/// ```
pub fn script_code(src: &str, script: &str, title: &str) -> String {
    format!(
        "<div data-dossier-src=\"{}\" data-dossier-title=\"{}\"></div>\n<script async src=\"{}\"></script>",
        escape(src),
        escape(title),
        escape(script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn defaults_are_the_full_page() {
        let o = Options::from_query("");
        assert_eq!(o, Options::default());
        assert!(!o.embed && o.parts == Parts::default());
        assert_eq!(o.to_query(), "");
        assert_eq!(o.message_id(), "dossier");
    }

    #[test]
    fn options_round_trip_through_the_query() {
        let o = Options {
            embed: true,
            child_id: None,
            theme: Theme::Light,
            parts: Parts {
                header: true,
                filters: false,
                source: false,
            },
            view: Some(ViewKind::Charts),
        };
        let q = o.to_query();
        assert_eq!(q, "?embed&theme=light&view=charts&hide=filters,source");
        assert_eq!(Options::from_query(&q), o);
        assert_eq!(
            Options {
                embed: true,
                ..Options::default()
            }
            .to_query(),
            "?embed"
        );
    }

    #[test]
    fn a_pym_child_is_an_embed_and_keeps_its_id() {
        let o = Options::from_query(
            "initialWidth=375&childId=dossier-host&parentTitle=News&parentUrl=https%3A%2F%2Fexample.com%2F",
        );
        assert!(o.embed);
        assert_eq!(o.message_id(), "dossier-host");
        assert_eq!(o.to_query(), "?embed", "host parameters are not carried");
    }

    #[test]
    fn hostile_ids_and_values_are_ignored() {
        let o =
            Options::from_query("childId=%22%3E%3Cscript%3E&theme=%3Cb%3E&view=x&hide=everything");
        assert_eq!(o.child_id, None);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.view, None);
        assert_eq!(o.parts, Parts::default());
        let long = "a".repeat(65);
        assert_eq!(
            Options::from_query(&format!("childId={long}")).child_id,
            None
        );
    }

    #[test]
    fn only_exact_width_messages_are_accepted() {
        let ok = |m: &str| parse_parent(m, "d-1");
        assert_eq!(
            ok("pymxPYMxd-1xPYMxwidthxPYMx1"),
            Some(FromParent::Width(1))
        );
        assert_eq!(
            ok("pymxPYMxd-1xPYMxwidthxPYMx20000"),
            Some(FromParent::Width(20000))
        );
        for bad in [
            "pymxPYMxd-1xPYMxwidthxPYMx0",
            "pymxPYMxd-1xPYMxwidthxPYMx20001",
            "pymxPYMxd-1xPYMxwidthxPYMx640.5",
            "pymxPYMxd-1xPYMxwidthxPYMx 640",
            "pymxPYMxd-1xPYMxwidthxPYMx",
            "pymxPYMxd-1xPYMxheightxPYMx640",
            "pymxPYMxd-1xPYMxnavigateToxPYMxjavascript:alert(1)",
            "pymxPYMxd-1xPYMxwidth",
            "xPYMxd-1xPYMxwidthxPYMx640",
            "{\"width\":640}",
            "",
        ] {
            assert_eq!(ok(bad), None, "{bad}");
        }
    }

    #[test]
    fn embed_code_escapes_what_it_quotes() {
        let code = iframe_code("https://e.com/?embed#q=%22", "A \"quoted\" <title>", 800);
        assert!(code.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        assert!(code.contains("height=\"800\""));
        let s = script_code(
            "https://e.com/#q=\"><script>",
            "https://e.com/embed.js",
            "T",
        );
        assert!(!s.contains("\"><script>"));
    }

    proptest! {
        #[test]
        fn reading_any_query_or_message_never_panics(q in "\\PC{0,80}", m in "\\PC{0,80}") {
            let o = Options::from_query(&q);
            if let Some(id) = &o.child_id {
                prop_assert!(valid_id(id));
            }
            let _ = parse_parent(&m, o.message_id());
        }

        #[test]
        fn every_valid_width_is_read_back(px in 1u32..=MAX_WIDTH) {
            let m = format!("pymxPYMxdxPYMxwidthxPYMx{px}");
            prop_assert_eq!(parse_parent(&m, "d"), Some(FromParent::Width(px)));
        }
    }
}
