use crate::base::html::escape;
use crate::format::packed::ProblemText as Problem;
use yew::prelude::*;

/// How many problems a panel lists before it says how many more there are.
pub const SHOWN_PROBLEMS: usize = 50;

/// Every problem with its place (none for one with the whole file): shown
/// instead of a blank widget. A plain function, not a component: it holds
/// no state. Written as one escaped text, as the charts' tables are
/// ([`crate::base::html::table`]), rather than element by element in the
/// virtual DOM, which costs the reader's download code for each: nothing a
/// file says can be markup.
pub fn problem_panel(title: &str, problems: &[Problem]) -> Html {
    Html::from_html_unchecked(AttrValue::from(problems_html(title, problems)))
}

fn problems_html(title: &str, problems: &[Problem]) -> String {
    let mut out = format!(
        "<section class=\"problems\" role=\"alert\"><h2 class=\"problems__title\">{}</h2><ol class=\"problems__list\">",
        escape(title)
    );
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        out.push_str("<li>");
        // "$", the whole file, is no place a reader needs.
        if p.path != "$" {
            out.push_str("<code class=\"problems__path\">");
            out.push_str(&escape(&p.path));
            out.push_str("</code> ");
        }
        out.push_str("<span>");
        out.push_str(&escape(&p.text));
        out.push_str("</span></li>");
    }
    out.push_str("</ol>");
    if problems.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "<p>…and {} more.</p>",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    out.push_str("</section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, text: &str) -> Problem {
        Problem {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_problem_is_text_with_its_place_and_the_whole_file_has_none() {
        let html = problems_html(
            "a <b>.json could not be opened",
            &[
                problem("$", "the file is empty"),
                problem("events[0].summary", "<img src=x onerror=alert(1)> & more"),
            ],
        );
        assert_eq!(
            html,
            "<section class=\"problems\" role=\"alert\"><h2 class=\"problems__title\">a &lt;b&gt;.json could not be opened</h2>\
             <ol class=\"problems__list\"><li><span>the file is empty</span></li>\
             <li><code class=\"problems__path\">events[0].summary</code> \
             <span>&lt;img src=x onerror=alert(1)&gt; &amp; more</span></li></ol></section>"
        );
    }

    #[test]
    fn past_fifty_it_says_how_many_more() {
        let many: Vec<Problem> = (0..53)
            .map(|k| problem(&format!("row {k}"), "bad"))
            .collect();
        let html = problems_html("x", &many);
        assert_eq!(html.matches("<li>").count(), SHOWN_PROBLEMS);
        assert!(html.ends_with("<p>…and 3 more.</p></section>"), "{html}");
    }
}
