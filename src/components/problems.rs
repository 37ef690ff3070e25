use crate::format::packed::ProblemText as Problem;
use std::rc::Rc;
use yew::prelude::*;

/// How many problems a panel lists before it says how many more there are.
pub const SHOWN_PROBLEMS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct ProblemPanelProps {
    pub title: AttrValue,
    pub problems: Rc<Vec<Problem>>,
}

/// Every problem with its place: shown instead of a blank widget.
#[component]
pub fn ProblemPanel(props: &ProblemPanelProps) -> Html {
    let total = props.problems.len();
    html! {
        <section class="problems" role="alert">
            <h2 class="problems__title">{ &props.title }</h2>
            <ol class="problems__list">
                { for props.problems.iter().take(SHOWN_PROBLEMS).map(|p| html! {
                    <li>
                        <code class="problems__path">{ &p.path }</code>
                        { " " }
                        <span>{ &p.text }</span>
                    </li>
                }) }
            </ol>
            if total > SHOWN_PROBLEMS {
                <p>{ format!("…and {} more.", total - SHOWN_PROBLEMS) }</p>
            }
        </section>
    }
}
