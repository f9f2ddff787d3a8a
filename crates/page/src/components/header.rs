//! The top of the widget: title, the language switch and the example businesses.

use cvc_browser::dom::value_of;
use cvc_core::presets::Preset;
use cvc_core::words::{preset_text, Language};
use yew::prelude::*;

/// What the header shows, and where its choices go.
pub struct HeaderProps {
    pub language: Language,
    pub preset: Option<Preset>,
    pub on_language: Callback<Language>,
    pub on_preset: Callback<Preset>,
}

pub fn header(props: HeaderProps) -> Html {
    let texts = props.language.texts();
    let page = props.language.page_texts();
    let switch = Language::ALL.iter().map(|&language| {
        let on_language = props.on_language.clone();
        let pressed = language == props.language;
        html! {
            <button
                type="button"
                class="language-button"
                lang={language.tag()}
                aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_| on_language.emit(language))}
            >{ language.endonym() }</button>
        }
    });
    let on_change = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |event: Event| {
            if let Some(preset) = Preset::from_id(&value_of(&event)) {
                on_preset.emit(preset);
            }
        })
    };
    let note = props
        .preset
        .map(|preset| preset_text(props.language, preset).note);
    html! {
        <header class="app-header">
            <div class="title-row">
                <h1>{ texts.title }</h1>
                <div class="language-switch" role="group" aria-label={texts.language_label}>{ for switch }</div>
            </div>
            <p class="tagline">{ page.tagline }</p>
            <div class="preset">
                <label for="preset-select">{ page.example_label }</label>
                <select id="preset-select" onchange={on_change}>
                    if props.preset.is_none() {
                        <option value="" selected=true>{ page.custom_example }</option>
                    }
                    { for Preset::ALL.iter().map(|&preset| html! {
                        <option value={preset.id()} selected={props.preset == Some(preset)}>{ preset_text(props.language, preset).name }</option>
                    }) }
                </select>
                if let Some(note) = note {
                    <p class="hint preset-note">{ note }</p>
                }
            </div>
        </header>
    }
}
