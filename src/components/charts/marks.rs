//! What the two charts share: the tooltip, the handlers of a mark that acts
//! as a button, text from the geometry, and the data-table toggle.

use crate::base::labels::Text;
use crate::base::svg::num;
use crate::components::each;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Where a tooltip points, in the plot's pixels, and what it says.
#[derive(Clone, PartialEq)]
pub struct TipAt {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    pub id: AttrValue,
    pub tip: Option<TipAt>,
}

/// A tooltip over the plot, kept inside its width. Positioned through the
/// CSS object model rather than a style attribute, which a strict
/// Content-Security-Policy would block.
#[component]
pub fn Tooltip(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    use_effect_with((props.tip.clone(), node.clone()), |(tip, node)| {
        if let (Some(t), Some(el)) = (tip, node.cast::<HtmlElement>()) {
            let room = el
                .parent_element()
                .map_or(0.0, |p| f64::from(p.client_width()));
            let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
            let left = crate::base::num::clamp(t.x - w / 2.0, 0.0, (room - w).max(0.0));
            let top = if t.y - h - 12.0 >= 0.0 {
                t.y - h - 12.0
            } else {
                t.y + 14.0
            };
            let style = el.style();
            let _ = style.set_property("left", &format!("{}px", crate::base::num::fixed(left, 0)));
            let _ = style.set_property("top", &format!("{}px", crate::base::num::fixed(top, 0)));
        }
    });
    match &props.tip {
        Some(t) => html! {
            <div ref={node} class="chart__tip" role="tooltip" id={props.id.clone()}>
                { each(t.lines.iter().map(|l| html! { <p>{ l }</p> })) }
            </div>
        },
        None => html! {},
    }
}

/// A chart's text; `role` names it for the style sheet (`data-role`):
/// `tick`, `name`, `value`, `value-inside`, `heading` or `meta`.
pub fn text(t: &Text, role: &'static str) -> Html {
    html! {
        <text data-role={role} x={num(t.x)} y={num(t.y)}
            text-anchor={t.anchor.as_str()} font-size={crate::base::num::short(t.size)}>{ &t.text }</text>
    }
}

/// The handlers of a chart mark that acts as a button and has a tooltip:
/// a click (or tap) shows the tooltip and activates; Enter and Space
/// activate, as on a button, and Escape hides the tooltip; focus and hover
/// show it, blur and leaving hide it.
pub struct MarkHandlers {
    pub click: Callback<MouseEvent>,
    pub key: Callback<KeyboardEvent>,
    pub focus: Callback<FocusEvent>,
    pub blur: Callback<FocusEvent>,
    pub enter: Callback<MouseEvent>,
    pub leave: Callback<MouseEvent>,
}

impl MarkHandlers {
    pub fn new(activate: Callback<()>, show: Callback<()>, hide: Callback<()>) -> Self {
        let click = {
            let (activate, show) = (activate.clone(), show.clone());
            Callback::from(move |_: MouseEvent| {
                show.emit(());
                activate.emit(());
            })
        };
        let key = {
            let hide = hide.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    activate.emit(());
                }
                "Escape" => hide.emit(()),
                _ => {}
            })
        };
        MarkHandlers {
            click,
            key,
            focus: show.reform(|_| ()),
            blur: hide.reform(|_| ()),
            enter: show.reform(|_| ()),
            leave: hide.reform(|_| ()),
        }
    }
}

/// A table of text as markup: [`crate::base::html::table`]'s, every cell
/// escaped there, and so the one place the widget hands the browser HTML to
/// read.
pub fn table_html(caption: &str, head: &[&str], rows: &[Vec<String>]) -> Html {
    Html::from_html_unchecked(AttrValue::from(crate::base::html::table(
        caption, head, rows,
    )))
}

/// A chart's data table behind a button that shows or hides it: the
/// table's rows are built only while it is open, as a long story's table
/// costs more than the chart.
pub fn data_table(
    open: &UseStateHandle<bool>,
    id: &'static str,
    table: impl FnOnce() -> Html,
) -> Html {
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! { <>
        <button type="button" class="link-button chart__toggle" aria-expanded={crate::components::aria(**open)}
            aria-controls={id} onclick={toggle}>
            { if **open { "Hide the table" } else { "Show the data as a table" } }
        </button>
        <div {id} class="chart__table" hidden={!**open}>
            if **open { { table() } }
        </div>
    </> }
}
