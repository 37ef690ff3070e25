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
/// Nothing in a cell can be markup.
///
/// ```
/// use dossier::base::html::table;
/// let rows = [vec!["1 May".to_owned(), "<b>Strike</b>".to_owned()]];
/// assert_eq!(
///     table("Events", &["Date", "Event"], &rows),
///     "<table><caption>Events</caption><thead><tr><th scope=\"col\">Date</th>\
///      <th scope=\"col\">Event</th></tr></thead><tbody><tr><td>1 May</td>\
///      <td>&lt;b&gt;Strike&lt;/b&gt;</td></tr></tbody></table>"
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
            out.push_str(&escape(cell));
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
