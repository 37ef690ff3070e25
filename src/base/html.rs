//! HTML written as text: escaping, and a table of text cells.
//!
//! Pure: no browser types here.

/// Escape text for HTML element content and double-quoted attributes.
///
/// ```
/// use dossier::base::html::escape;
/// assert_eq!(escape("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A table of text alone: a caption, the columns' headings and the rows'
/// cells, every one escaped.
///
/// The charts' tables are written so, as one text the browser reads,
/// rather than element by element in the widget's virtual DOM: built that
/// way, the two tables' markup cost the reader's download about 1 KB gzip.
/// Nothing in a cell can be markup. A line may break after a cell's
/// slash (`<wbr>`), so that "Shelling/artillery/missile attack" does not
/// widen its column past a phone's width.
///
/// ```
/// use dossier::base::html::table;
/// let rows = [vec!["1 May".to_owned(), "<b>Air/drone strike</b>".to_owned()]];
/// assert_eq!(
///     table("Events", &["Date", "Event"], &rows),
///     "<table><caption>Events</caption><thead><tr><th scope=\"col\">Date</th>\
///      <th scope=\"col\">Event</th></tr></thead><tbody><tr><td>1 May</td>\
///      <td>&lt;b&gt;Air/<wbr>drone strike&lt;/<wbr>b&gt;</td></tr></tbody></table>"
/// );
/// ```
pub fn table(caption: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("<table><caption>{}</caption><thead><tr>", escape(caption));
    for h in head {
        out.push_str("<th scope=\"col\">");
        out.push_str(&escape(h));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str("<td>");
            out.push_str(&escape(cell).replace('/', "/<wbr>"));
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// HTML written again with each attribute's quotes dropped where the value
/// needs none (`class="card"` becomes `class=card`), and a boolean
/// attribute's value dropped (`hidden="hidden"` becomes `hidden`, as
/// `value=""` becomes `value`, which means the same): the
/// pre-rendered view in every reader's download is about 0.2 KB gzip
/// smaller so. Text, and the raw text of `script`, `style`, `textarea` and
/// `title` (and the other raw-text elements) and comments, are copied as
/// they are; so is a quoted value with whitespace, a quote, `=`, `<`, `>`
/// or a backtick in it, or one not followed by whitespace or the tag's `>`.
/// Written here because no kept crate of the build's does it, and the
/// markup it reads is the widget's own (see `components::page_part`).
///
/// ```
/// use dossier::base::html::unquote;
/// assert_eq!(
///     unquote(r#"<p class="a b" id="x" hidden="hidden">id="y"</p><i title="">"#),
///     r#"<p class="a b" id=x hidden>id="y"</p><i title>"#
/// );
/// ```
pub fn unquote(html: &str) -> String {
    const BOOLEAN: [&str; 6] = [
        "hidden", "checked", "disabled", "selected", "open", "readonly",
    ];
    const RAW: [&str; 9] = [
        "script", "style", "textarea", "title", "noscript", "iframe", "xmp", "noembed", "noframes",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        // A comment is copied whole, tags and all.
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let starts_tag = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        let Some(end) = starts_tag.then(|| tag_end(rest)).flatten() else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[..end];
        let name = tag[1..]
            .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        write_tag(tag, &BOOLEAN, &mut out);
        rest = &rest[end..];
        if RAW.contains(&name.as_str()) {
            // Up to its own end tag: `</title>`, not `</titles>`.
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let upto = lower
                .match_indices(&close)
                .map(|(i, _)| i)
                .find(|&i| {
                    lower[i + close.len()..]
                        .starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
                })
                .unwrap_or(rest.len());
            out.push_str(&rest[..upto]);
            rest = &rest[upto..];
        }
    }
    out.push_str(rest);
    out
}

/// `html` with the list whose opening tag starts with `marker` cut to its first
/// `keep` items (lists inside them kept whole); unchanged when there is no
/// such list or it is no longer. The markup is the widget's own: tags in
/// lower case, no `<` in text.
///
/// ```
/// use dossier::base::html::first_items;
/// let list = r#"<ol class="cards"><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li><li>c</li></ol><p>after</p>"#;
/// assert_eq!(
///     first_items(list, r#"<ol class="cards""#, 1),
///     r#"<ol class="cards"><li>a<ol><li>x</li><li>y</li></ol></li></ol><p>after</p>"#
/// );
/// assert_eq!(first_items(list, r#"<ol class="cards""#, 3), list);
/// assert_eq!(first_items(list, r#"class="other""#, 0), list);
/// let stray = r#"<ol class="cards"><li>a</li></li><li>b</li></ol>"#;
/// assert_eq!(first_items(stray, r#"<ol class="cards""#, 1), stray);
/// ```
pub fn first_items(html: &str, marker: &str, keep: usize) -> String {
    let Some(open) = html
        .find(marker)
        .and_then(|m| html[m..].find('>').map(|e| m + e + 1))
    else {
        return html.to_owned();
    };
    // Depth 1 is the list's own items; a nested list counts down and up.
    let (mut depth, mut items, mut cut) = (0usize, 0usize, None);
    let mut at = open;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let tag = &html[lt..];
        let is = |name: &str| {
            tag.strip_prefix(name)
                .is_some_and(|r| r.starts_with(|c: char| c == '>' || c.is_ascii_whitespace()))
        };
        if is("<li") {
            if depth == 0 {
                items += 1;
                if items == keep + 1 {
                    cut = Some(lt);
                }
            }
            depth += 1;
        } else if is("<ol") || is("<ul") {
            depth += 1;
        } else if is("</li") || is("</ol") || is("</ul") {
            match depth.checked_sub(1) {
                Some(d) => depth = d,
                // The list's own end: cut there, if it had more items.
                None if !is("</li") => {
                    return match cut {
                        Some(c) => format!("{}{}", &html[..c], &html[lt..]),
                        None => html.to_owned(),
                    };
                }
                // A stray end of an item: not markup this can cut.
                None => return html.to_owned(),
            }
        }
        at = lt + 1;
    }
    html.to_owned()
}

/// Where the tag `html` starts with ends (just past its `>`), its quoted
/// values skipped; `None` if it never does.
fn tag_end(html: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// One tag, `<` to `>`, its double-quoted values unquoted where they can be.
fn write_tag(tag: &str, boolean: &[&str], out: &mut String) {
    let mut rest = tag;
    while let Some(at) = rest.find("=\"") {
        let Some(len) = rest[at + 2..].find('"') else {
            break;
        };
        let value = &rest[at + 2..at + 2 + len];
        let after = &rest[at + 3 + len..];
        let head = &rest[..at];
        let name = head
            .rsplit(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or_default();
        out.push_str(head);
        // Unquoted, a value must end where the tag or the attribute does
        // (`a="1"b="2"` keeps its quotes, and so does a value before `/>`).
        let plain = !value.is_empty()
            && after.starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
            && !value.contains(|c: char| c.is_ascii_whitespace() || "\"'=<>`".contains(c));
        if value.is_empty() || (name == value && boolean.contains(&value)) {
            // The attribute's presence says it all: a bare name's value is
            // the empty string.
        } else if plain {
            out.push('=');
            out.push_str(value);
        } else {
            out.push_str(&rest[at..at + 3 + len]);
        }
        rest = after;
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn values_that_need_quotes_keep_them() {
        for kept in [
            r#"<a title="two words">"#,
            r#"<a title="a=b">"#,
            r#"<a title="it's">"#,
            r#"<a data-x="`">"#,
            r#"<a href="x/"/>"#,
        ] {
            assert_eq!(unquote(kept), kept);
        }
        assert_eq!(unquote(r#"<a title="a&amp;b">"#), "<a title=a&amp;b>");
    }

    #[test]
    fn only_tags_change() {
        let text = r#"<p id="p">x="y" 1 < 2 and <b class="c">bold</b> <3</p>"#;
        assert_eq!(
            unquote(text),
            r#"<p id=p>x="y" 1 < 2 and <b class=c>bold</b> <3</p>"#
        );
        // A story carried as raw text is copied byte for byte.
        let raw = r#"<script id="s" type="text/plain">a="b" <i class="c"></script><i class="c">"#;
        assert_eq!(
            unquote(raw),
            r#"<script id=s type=text/plain>a="b" <i class="c"></script><i class=c>"#
        );
        // Comments, and raw text up to its own end tag, stay as they are.
        let kept = r#"<!-- <p class="a"> --><title>x</titles><i class="c"></title><b class="d">"#;
        assert_eq!(
            unquote(kept),
            r#"<!-- <p class="a"> --><title>x</titles><i class="c"></title><b class=d>"#
        );
        assert_eq!(unquote(r#"<a b="1"c="2">"#), r#"<a b="1"c=2>"#);
        // A tag that never ends is left as it is.
        assert_eq!(unquote(r#"<p class="a""#), r#"<p class="a""#);
    }

    #[test]
    fn boolean_attributes_lose_their_value() {
        assert_eq!(
            unquote(r#"<div hidden="hidden" class="x"><input checked="checked" value="hidden">"#),
            "<div hidden class=x><input checked value=hidden>"
        );
        // Not a boolean attribute: the value stays.
        assert_eq!(unquote(r#"<a title="title">"#), "<a title=title>");
        // An empty value is what a bare name means.
        assert_eq!(unquote(r#"<input value="" id="s">"#), "<input value id=s>");
    }

    #[test]
    fn is_idempotent_on_the_pages_markup() {
        let once = unquote(r#"<ul class="a"><li data-k="1" hidden="hidden">x</li></ul>"#);
        assert_eq!(unquote(&once), once);
    }
}
