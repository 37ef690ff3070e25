//! "Open file…": the picker for a story on the reader's disk.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub open: Callback<web_sys::File>,
}

/// "Open file…": a Dossier JSON or an ACLED CSV from the reader's disk.
#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    let onchange = {
        let open = props.open.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = super::loader::chosen_file(&e) {
                open.emit(file);
            }
        })
    };
    html! {
        <div class="open-file">
            <input id="dossier-open" class="visually-hidden open-file__input" type="file"
                accept=".json,.csv,application/json,text/csv" {onchange} />
            <label for="dossier-open" class="button open-file__button">{ "Open file…" }</label>
        </div>
    }
}
