//! What the two charts share: the tooltip, the handlers of a mark that acts
//! as a button, text from the geometry, and the data-table toggle.

use crate::base::labels::Text;
use crate::base::svg::num;
use crate::components::each;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Where a tooltip points, in the plot's pixels, and what it says.
#[derive(Clone, PartialEq)]
pub struct TipAt {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

/// Where a chart's tooltip is: its element, and the point it was last
/// drawn for (see [`tooltip`]).
#[derive(Clone)]
pub struct TipPlace {
    node: NodeRef,
    at: Rc<RefCell<Option<(f64, f64)>>>,
}

/// The tooltip's place, kept inside the plot's width once drawn.
/// Positioned through the CSS object model rather than a style attribute,
/// which a strict Content-Security-Policy would block. A hook the chart
/// calls, not a component of its own: one costs every reader's download a
/// component's machinery.
#[hook]
pub fn use_tip_place() -> TipPlace {
    let place = TipPlace {
        node: use_node_ref(),
        at: use_mut_ref(|| None),
    };
    {
        let place = place.clone();
        // After each render of the chart: a tooltip is measured as drawn.
        use_effect(move || {
            if let (Some((x, y)), Some(el)) = (*place.at.borrow(), place.node.cast::<HtmlElement>())
            {
                let plot = el.parent_element();
                let room = plot.as_ref().map_or(0.0, |p| f64::from(p.client_width()));
                let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
                let left = crate::base::num::clamp(x - w / 2.0, 0.0, (room - w).max(0.0));
                // Above the mark where the screen has room for it (over the
                // chart's title, if need be), so that a mark near the foot
                // of the screen does not put its tooltip off it; else below.
                let screen_top = plot.map_or(0.0, |p| p.get_bounding_client_rect().top());
                let top = if screen_top + y - h - 12.0 >= 0.0 {
                    y - h - 12.0
                } else {
                    y + 14.0
                };
                let style = el.style();
                let px = |v: f64| crate::base::num::fixed(v, 0) + "px";
                let _ = style.set_property("left", &px(left));
                let _ = style.set_property("top", &px(top));
            }
        });
    }
    place
}

/// A tooltip over the plot, placed by [`use_tip_place`].
pub fn tooltip(place: &TipPlace, id: &'static str, tip: Option<TipAt>) -> Html {
    *place.at.borrow_mut() = tip.as_ref().map(|t| (t.x, t.y));
    match tip {
        Some(t) => html! {
            <div ref={place.node.clone()} class="chart__tip" role="tooltip" {id}>
                { each(t.lines.iter().map(|l| html! { <p>{ l }</p> })) }
            </div>
        },
        None => html! {},
    }
}

/// Markup fixed in the source, as it is: never text a story gave. Written
/// as text, not built by the virtual DOM, which costs the download code
/// for every element and attribute.
pub fn fixed(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
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
        MarkHandlers {
            click,
            key: button_keys(activate, hide.clone()),
            focus: show.reform(|_| ()),
            blur: hide.reform(|_| ()),
            enter: show.reform(|_| ()),
            leave: hide.reform(|_| ()),
        }
    }
}

/// A mark's keys, as a button's: Enter and Space activate it, and Escape
/// hides its tooltip.
pub fn button_keys(activate: Callback<()>, hide: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Enter" | " " => {
            e.prevent_default();
            activate.emit(());
        }
        "Escape" => hide.emit(()),
        _ => {}
    })
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
    let toggle = crate::components::flip(open);
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
