//! The Embed panel, a small builder: the consultant chooses the way (the custom element, an
//! iframe, or the WordPress shortcode), the language, what shows, the accent and whether
//! the host's analytics hear what was calculated; the code to copy follows those choices
//! and the scenario on screen (the pure `cvc_core::snippets`), and a live preview shows the
//! calculator with them. Its lead options (none, the consultant's own form, or a capture
//! form posting to their endpoint; on WordPress, the plugin's store) go into the code, and
//! the host's policy then names the endpoint's origin.

use crate::panels::link_panels::{copy_box, CopyBox, CopyStatus};
use cvc_browser::dom::{is_checked, value_of};
use cvc_core::codec::link::Show;
use cvc_core::host_events::parent_origin;
use cvc_core::snippets::{frame_address, snippet, Choices, LeadChoice, Way};
use cvc_core::words::Language;
use cvc_core::words::{fill, Piece};
use cvc_model::ValidScenario;
use cvc_view::use_formats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedBuilderProps {
    /// The calculator's own address, ending in `/`, where the code points.
    pub app_address: AttrValue,
    pub scenario: ValidScenario,
    pub copied: CopyStatus,
}

/// The accent the builder suggests: the calculator's own blue.
const DEFAULT_ACCENT: &str = "#0b5cad";

#[component]
pub fn EmbedBuilder(props: &EmbedBuilderProps) -> Html {
    let formats = use_formats();
    let language = formats.language;
    let texts = language.extra_texts();
    let choices = use_state(|| Choices {
        language,
        ..Choices::default()
    });
    let change = |apply: fn(&mut Choices, &Event)| {
        let choices = choices.clone();
        Callback::from(move |event: Event| {
            let mut next = (*choices).clone();
            apply(&mut next, &event);
            choices.set(next);
        })
    };
    let on_way = change(|choices, event| {
        choices.way = Way::from_name(&value_of(event)).unwrap_or_default();
    });
    let on_language = change(|choices, event| {
        choices.language = Language::from_tag(&value_of(event)).unwrap_or_default();
    });
    let on_show = change(|choices, event| {
        choices.show = if value_of(event) == "headline" {
            Show::Headline
        } else {
            Show::Full
        };
    });
    let on_accent = change(|choices, event| choices.accent = Some(value_of(event)));
    let on_events = change(|choices, event| choices.events = is_checked(event));
    let on_lead = change(|choices, event| {
        choices.lead = match value_of(event).as_str() {
            "form" => LeadChoice::Form(String::new()),
            "endpoint" => LeadChoice::Endpoint(String::new()),
            _ => LeadChoice::None,
        };
    });
    let on_lead_target = change(|choices, event| {
        let value = value_of(event);
        choices.lead = match choices.lead {
            LeadChoice::Form(_) => LeadChoice::Form(value),
            LeadChoice::Endpoint(_) => LeadChoice::Endpoint(value),
            LeadChoice::None => LeadChoice::None,
        };
    });
    let on_consent = change(|choices, event| choices.consent = value_of(event));
    let on_variant = change(|choices, event| choices.variant = value_of(event));
    let lead_texts = language.lead_texts();

    let frame_title = choices.language.extra_texts().frame_title;
    let code = snippet(&props.app_address, &props.scenario, &choices, frame_title);
    let hint = match choices.way {
        Way::Element => texts.embed_element_hint,
        Way::Iframe => texts.embed_iframe_hint,
        Way::WordPress => texts.embed_wordpress_hint,
    };
    // The directives are the policy's own words, the same in every language; each is shown
    // as code that does not wrap, apart from the sentence and its punctuation.
    let policy: Option<(&str, &[&str])> = match choices.way {
        Way::Element => Some((
            texts.embed_policy_element,
            &["script-src 'wasm-unsafe-eval'", "style-src", "connect-src"],
        )),
        Way::Iframe => Some((texts.embed_policy_note, &["script-src", "frame-src"])),
        Way::WordPress => None,
    };
    // What a visitor would see, its privacy line too (`snippets::frame_address`).
    let preview = frame_address(&props.app_address, &props.scenario, &choices);
    let way_option = |way: Way, label: &'static str| {
        html! { <option value={way.name()} selected={choices.way == way}>{ label }</option> }
    };
    let language_option = |option: Language| {
        html! { <option value={option.tag()} selected={choices.language == option}>{ option.endonym() }</option> }
    };
    html! {
        <section class="panel" id="embed-panel" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{ texts.embed_button }</h2>
            <div class="builder">
                <label for="embed-way">{ texts.embed_way_label }</label>
                <select id="embed-way" onchange={on_way}>
                    { way_option(Way::Element, texts.embed_way_element) }
                    { way_option(Way::Iframe, texts.embed_way_iframe) }
                    { way_option(Way::WordPress, texts.embed_way_wordpress) }
                </select>
                <label for="embed-language">{ texts.language_label }</label>
                <select id="embed-language" onchange={on_language}>
                    { for Language::ALL.into_iter().map(language_option) }
                </select>
                <label for="embed-show">{ texts.embed_show_label }</label>
                <select id="embed-show" onchange={on_show}>
                    <option value="full" selected={choices.show == Show::Full}>{ texts.embed_show_full }</option>
                    <option value="headline" selected={choices.show == Show::Headline}>{ texts.embed_show_headline }</option>
                </select>
                <label for="embed-accent">{ texts.embed_accent_label }</label>
                <input id="embed-accent" type="color" value={choices.accent.clone().unwrap_or_else(|| DEFAULT_ACCENT.into())} onchange={on_accent} />
                <label class="check" for="embed-events">
                    <input id="embed-events" type="checkbox" checked={choices.events} onchange={on_events} aria-describedby="embed-events-hint" />
                    { texts.embed_events_label }
                </label>
                <p class="hint check-hint" id="embed-events-hint">{ texts.embed_events_hint }</p>
            </div>
            { copy_box(texts, CopyBox { id: "embed-code", label: texts.embed_code_label, hint: Some(hint),
                text: code, multiline: true, copy_label: texts.copy_code, copied: texts.code_copied }, &props.copied) }
            if let Some((policy, directives)) = policy {
                <div class="hint policy">
                    { code_sentence(policy, "origin", &parent_origin(&props.app_address)) }
                    <ul class="directives">
                        { for directives.iter().map(|directive| html! { <li><code class="technical" dir="ltr">{ *directive }</code></li> }) }
                    </ul>
                </div>
            }
            { lead_options(&choices, lead_texts, on_lead, on_lead_target, on_consent, on_variant) }
            if let (Some(origin), false) = (choices.lead.origin(), choices.way == Way::WordPress) {
                <div class="hint policy">
                    <p>{ lead_texts.builder_policy_note }</p>
                    <ul class="directives">
                        <li><code class="technical" dir="ltr">{ format!("connect-src {origin}") }</code></li>
                    </ul>
                </div>
            }
            <figure class="embed-preview">
                <figcaption>{ texts.embed_preview }</figcaption>
                <iframe src={preview} title={frame_title} loading="lazy"></iframe>
                if choices.captures_leads() {
                    <p class="hint" id="embed-preview-leads">{ lead_texts.builder_preview_leads }</p>
                }
            </figure>
        </section>
    }
}

/// The lead options: how leads are received (none, the consultant's own form, a capture
/// form to their endpoint or, on WordPress, to the plugin), where, the consent text and a
/// variant. An endpoint that may not be given leads is said so, and left out of the code.
fn lead_options(
    choices: &Choices,
    texts: &'static cvc_core::words::LeadTexts,
    on_lead: Callback<Event>,
    on_target: Callback<Event>,
    on_consent: Callback<Event>,
    on_variant: Callback<Event>,
) -> Html {
    let wordpress = choices.way == Way::WordPress;
    let (kind, target) = match &choices.lead {
        LeadChoice::None => ("none", None),
        LeadChoice::Form(selector) => (
            "form",
            Some((texts.builder_form_label, selector.clone(), "#contact")),
        ),
        // On WordPress the plugin is the endpoint: there is no address to type.
        LeadChoice::Endpoint(_) if wordpress => ("endpoint", None),
        LeadChoice::Endpoint(url) => (
            "endpoint",
            Some((texts.builder_endpoint_label, url.clone(), "https://")),
        ),
    };
    let refused = matches!(&choices.lead, LeadChoice::Endpoint(url) if !wordpress && !url.trim().is_empty() && choices.lead.endpoint().is_none());
    let option = |value: &'static str, label: &'static str| {
        html! { <option value={value} selected={kind == value}>{ label }</option> }
    };
    html! {
        <fieldset class="builder lead-options">
            <legend>{ texts.builder_title }</legend>
            <select id="embed-lead" aria-label={texts.builder_title} onchange={on_lead}>
                { option("none", texts.builder_none) }
                { option("form", texts.builder_form) }
                { option("endpoint", if wordpress { texts.builder_wordpress } else { texts.builder_endpoint }) }
            </select>
            if let Some((label, value, placeholder)) = target {
                <label for="embed-lead-target">{ label }</label>
                <input id="embed-lead-target" type="text" dir="ltr" {value} {placeholder} onchange={on_target.clone()}
                    aria-invalid={refused.to_string()} aria-describedby="embed-lead-refused" />
                <p class="error check-hint" id="embed-lead-refused">{ if refused { texts.builder_endpoint_refused } else { "" } }</p>
            }
            if kind == "endpoint" && !wordpress {
                <label for="embed-lead-consent">{ texts.builder_consent_label }</label>
                <input id="embed-lead-consent" type="text" value={choices.consent.clone()} onchange={on_consent} />
            }
            if kind != "none" {
                <label for="embed-lead-variant">{ texts.builder_variant_label }</label>
                <input id="embed-lead-variant" type="text" dir="ltr" value={choices.variant.clone()} onchange={on_variant} />
            }
        </fieldset>
    }
}

/// A sentence whose one slot is a technical name a webmaster must copy (an origin): shown
/// as code that does not wrap, left to right inside any language.
fn code_sentence(template: &str, slot: &str, code: &str) -> Html {
    let pieces = fill(template, &[(slot, code)])
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => html! { {text} },
            Piece::Figure(text) => html! { <code class="technical" dir="ltr">{text}</code> },
        });
    html! { <p>{ for pieces }</p> }
}
