//! "Open file…": the picker for a story on the reader's disk.

use yew::prelude::*;

/// "Open file…": a Dossier JSON or an ACLED CSV from the reader's disk,
/// handed to `open`. A plain function, not a component: it holds no state.
pub fn open_file_button(open: Callback<web_sys::File>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(file) = super::loader::chosen_file(&e) {
            open.emit(file);
        }
    });
    html! {
        <div class="open-file">
            <input id="dossier-open" class="visually-hidden open-file__input" type="file"
                accept=".json,.csv,application/json,text/csv" {onchange}
                onclick={|_: MouseEvent| super::opener::warm()} />
            <label for="dossier-open" class="button open-file__button">{ "Open file…" }</label>
        </div>
    }
}
