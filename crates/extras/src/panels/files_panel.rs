//! The Export and print panel: the scenario as the command-line tool's JSON file, the
//! year-by-year table as CSV, a scenario file opened back in (read field by field, with
//! the same notice as a link), and the printed report. The file contents are pure
//! ([`cvc_core::codec::csv`], [`cvc_core::codec::scenario_file`]).

use cvc_browser::dom::print;
use cvc_browser::files::{offer_download, today_iso, FileInput};
use cvc_core::codec::csv::{file_name, yearly_csv};
use cvc_core::codec::scenario_file;
use cvc_core::notice::describe;
use cvc_core::notice::{Notice, Source};
use cvc_model::{Results, ValidScenario};
use cvc_view::use_formats;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilesPanelProps {
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
    /// Puts a scenario read from a file on screen.
    pub on_load: Callback<ValidScenario>,
}

#[component]
pub fn FilesPanel(props: &FilesPanelProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.extra_texts();
    let language = formats.language;
    let status = use_state(String::new);
    let offer = |what: &'static str,
                 extension: &'static str,
                 mime: &'static str,
                 text: Rc<dyn Fn() -> String>| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let started = offer_download(&file_name(&today_iso(), what, extension), mime, &text());
            status.set(
                if started {
                    texts.downloaded
                } else {
                    texts.download_failed
                }
                .into(),
            );
        })
    };
    let on_json = {
        let scenario = props.scenario.clone();
        offer(
            "scenario",
            "json",
            "application/json",
            Rc::new(move || scenario_file::write(&scenario)),
        )
    };
    let on_csv = {
        let results = props.results.clone();
        offer(
            "years",
            "csv",
            "text/csv;charset=utf-8",
            Rc::new(move || yearly_csv(&results, language)),
        )
    };
    let on_import = {
        let (status, on_load) = (status.clone(), props.on_load.clone());
        Callback::from(move |event: Event| {
            let picked = FileInput::of(&event);
            let (status, on_load) = (status.clone(), on_load.clone());
            yew::platform::spawn_local(async move {
                let text = match picked {
                    Some(picked) => picked.take_text().await,
                    None => Ok(None),
                };
                let text = match text {
                    Ok(Some(text)) => text,
                    Ok(None) => {
                        status.set(texts.import_empty.into());
                        return;
                    }
                    // Far larger than a scenario, or not text: not a scenario file.
                    Err(_) => {
                        status.set(texts.import_unreadable.into());
                        return;
                    }
                };
                match scenario_file::read(&text) {
                    Ok(reading) => {
                        // What the file had that was not taken is said here, beside the
                        // button the reader used.
                        let mut said = vec![texts.imported.to_string()];
                        if let Some(notice) = Notice::of(reading.clone(), Source::File) {
                            let (heading, lines) = describe(language, &notice);
                            said.push(heading.to_string());
                            said.extend(lines);
                        }
                        on_load.emit(reading.scenario);
                        status.set(said.join(" · "));
                    }
                    // The parser's own words are English and technical; the reader gets theirs.
                    Err(_) => status.set(texts.import_unreadable.into()),
                }
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    html! {
        <section class="panel" id="files-panel" aria-labelledby="files-heading">
            <h2 id="files-heading">{ texts.files_heading }</h2>
            <div class="file-action">
                <button type="button" class="primary" id="export-json" onclick={on_json}>{ texts.export_json }</button>
                <p class="hint">{ texts.export_json_hint }</p>
            </div>
            <div class="file-action">
                <button type="button" class="primary" id="export-csv" onclick={on_csv}>{ texts.export_csv }</button>
                <p class="hint">{ texts.export_csv_hint }</p>
            </div>
            <div class="file-action">
                // The browser's own file button speaks the browser's language, not the
                // page's; the label, in the page's language, is the button instead.
                <input id="import-json" class="file-input" type="file" accept=".json,application/json" onchange={on_import} />
                <label for="import-json" class="file-button">{ texts.import_label }</label>
            </div>
            <div class="file-action">
                <button type="button" class="secondary" id="print-report" onclick={on_print}>{ texts.print_button }</button>
                <p class="hint">{ texts.print_hint }</p>
            </div>
            <p class="status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
