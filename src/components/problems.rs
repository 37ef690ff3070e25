use crate::components::each;
use crate::format::packed::ProblemText as Problem;
use yew::prelude::*;

/// How many problems a panel lists before it says how many more there are.
pub const SHOWN_PROBLEMS: usize = 50;

/// Every problem with its place (none for one with the whole file): shown
/// instead of a blank widget. A plain
/// function, not a component: it holds no state.
pub fn problem_panel(title: &str, problems: &[Problem]) -> Html {
    let total = problems.len();
    html! {
        <section class="problems" role="alert">
            <h2 class="problems__title">{ title }</h2>
            <ol class="problems__list">
                { each(problems.iter().take(SHOWN_PROBLEMS).map(|p| html! {
                    <li>
                        // "$", the whole file, is no place a reader needs.
                        if p.path != "$" {
                            <code class="problems__path">{ &p.path }</code>
                            { " " }
                        }
                        <span>{ &p.text }</span>
                    </li>
                })) }
            </ol>
            if total > SHOWN_PROBLEMS {
                <p>{ format!("…and {} more.", total - SHOWN_PROBLEMS) }</p>
            }
        </section>
    }
}
