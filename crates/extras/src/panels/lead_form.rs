//! The lead capture form after the answers, where the host switched it on
//! (`lead-endpoint`): name, email or phone, an optional message, the required consent (the
//! host's text, or the calculator's), and a separate, unticked box for marketing. Nothing
//! is sent without the required consent; what the visitor typed is kept for the tab until
//! it is delivered; the form says whether it was, and offers to try again. What it checks
//! and sends is `cvc_core::leads`; sending is `cvc_browser::lead_capture`.

use cvc_browser::dom::{focus_by_id, is_checked, value_of};
use cvc_browser::lead_capture::{keep_draft, load_draft, now_utc, post_lead, relay_lead, wait_ms};
use cvc_browser::rooms::random_bytes;
use cvc_browser::timing::now_ms;
use cvc_core::codec::json;
use cvc_core::leads::{
    check, draft_key, lead_id, payload, Capture, Consent, Delivery, Draft, Problem, MIN_FILL_MS,
};
use cvc_core::words::fill_plain;
use cvc_model::{Results, ValidScenario};
use cvc_view::use_formats;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeadFormProps {
    pub capture: Rc<Capture>,
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
    /// The link to the scenario on screen, which the lead carries.
    pub link: AttrValue,
    /// Told the link of the scenario sent, once a lead is delivered.
    pub on_delivered: Callback<String>,
}

/// Where the form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Typing,
    Sending,
    Delivered,
    Failed(Delivery),
}

/// Each field's id, and the id of the line that names its problem.
const NAME: &str = "lead-name";
const REACH: &str = "lead-reach";
const MESSAGE: &str = "lead-message";
const CONSENT: &str = "lead-consent";

fn field_of(problem: Problem) -> &'static str {
    match problem {
        Problem::NameMissing | Problem::NameTooLong => NAME,
        Problem::ReachMissing | Problem::ReachInvalid => REACH,
        Problem::MessageTooLong => MESSAGE,
        Problem::NoConsent => CONSENT,
    }
}

#[component]
pub fn LeadForm(props: &LeadFormProps) -> Html {
    let formats = use_formats();
    let language = formats.language;
    let texts = language.lead_texts();
    // One draft per receiver: another calculator on the page may send elsewhere.
    let kept_as = use_memo(props.capture.setup.endpoint.clone(), |endpoint| {
        draft_key(endpoint.as_deref())
    });
    let draft = {
        let key = kept_as.clone();
        use_state(move || load_draft(&key))
    };
    let consent = use_state(|| false);
    let marketing = use_state(|| false);
    let trap = use_mut_ref(String::new);
    // The id of the lead last sent and not yet delivered, with what it was sent with.
    let lead_id_kept = use_mut_ref(|| None::<(String, String)>);
    let problems = use_state(Vec::<Problem>::new);
    let sending = use_state(|| Stage::Typing);
    // When the form was first shown: a person reads the answers before sending.
    let shown_at = *use_memo((), |()| now_ms());
    // What the visitor typed is kept for the tab, so that a failure (or a reload) loses
    // nothing, until it is delivered.
    use_effect_with(((*draft).clone(), kept_as.clone()), |(draft, key)| {
        keep_draft(key, draft)
    });

    let edit = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*draft).clone();
            change(&mut next, value_of(&event));
            draft.set(next);
        })
    };
    let on_name = edit(|draft, value| draft.name = value);
    let on_reach = edit(|draft, value| draft.reach = value);
    let on_message = edit(|draft, value| draft.message = value);
    let on_consent = {
        let consent = consent.clone();
        Callback::from(move |event: Event| consent.set(is_checked(&event)))
    };
    let on_marketing = {
        let marketing = marketing.clone();
        Callback::from(move |event: Event| marketing.set(is_checked(&event)))
    };
    let on_trap = {
        let trap = trap.clone();
        Callback::from(move |event: InputEvent| *trap.borrow_mut() = value_of(&event))
    };
    let consent_text = props.capture.setup.consent_text(language);
    let marketing_text = props.capture.setup.marketing_text(language);
    let on_submit = {
        let (draft, consent, marketing, problems, sending) = (
            draft.clone(),
            consent.clone(),
            marketing.clone(),
            problems.clone(),
            sending.clone(),
        );
        let capture = props.capture.clone();
        let (scenario, results, link) = (
            props.scenario.clone(),
            props.results.clone(),
            props.link.to_string(),
        );
        let on_delivered = props.on_delivered.clone();
        let (consent_text, marketing_text) = (consent_text.clone(), marketing_text.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending == Stage::Sending {
                return;
            }
            let contact = match check(&draft.name, &draft.reach, &draft.message, *consent) {
                Ok(contact) => contact,
                Err(found) => {
                    if let Some(first) = found.first() {
                        focus_by_id(field_of(*first));
                    }
                    problems.set(found);
                    return;
                }
            };
            problems.set(Vec::new());
            // A bot fills the field people never see: it is told the lead went, and
            // nothing is sent.
            if !trap.borrow().is_empty() {
                sending.set(Stage::Delivered);
                return;
            }
            sending.set(Stage::Sending);
            // The same lead sent again (after a timeout, a refusal) keeps its id, so a
            // receiver that kept the first copy can drop this one; anything changed since
            // makes it another lead.
            let what = format!("{}\n{link}", draft.to_json());
            let id = {
                let mut kept = lead_id_kept.borrow_mut();
                match &*kept {
                    Some((same, id)) if *same == what => id.clone(),
                    _ => {
                        let id = lead_id(&random_bytes(16));
                        *kept = Some((what, id.clone()));
                        id
                    }
                }
            };
            let record = Consent {
                text: consent_text.clone(),
                language: language.tag().into(),
                at: now_utc(),
                page: capture.page.clone(),
                marketing: *marketing,
                marketing_text: marketing_text.clone(),
            };
            let (capture, scenario, results, link) = (
                capture.clone(),
                scenario.clone(),
                results.clone(),
                link.clone(),
            );
            let (draft, consent, sending, on_delivered, lead_id_kept) = (
                draft.clone(),
                consent.clone(),
                sending.clone(),
                on_delivered.clone(),
                lead_id_kept.clone(),
            );
            yew::platform::spawn_local(async move {
                // Sent no sooner than a person could have read the form: receivers take
                // a faster one for a bot's.
                let waited = now_ms() - shown_at;
                if waited < MIN_FILL_MS {
                    wait_ms((MIN_FILL_MS - waited).ceil() as i32 + 50).await;
                }
                let elapsed = now_ms() - shown_at;
                let lead = payload(
                    &id,
                    &contact,
                    &record,
                    &scenario,
                    &results,
                    &link,
                    &capture.attribution,
                    elapsed,
                );
                let body = json::write_pretty(&lead);
                let delivery = match (&capture.setup.endpoint, capture.relay) {
                    (_, true) => relay_lead(&body).await,
                    (Some(endpoint), false) => post_lead(endpoint, &body).await,
                    (None, false) => Delivery::Unreachable,
                };
                if delivery == Delivery::Delivered {
                    *lead_id_kept.borrow_mut() = None;
                    draft.set(Draft::default());
                    consent.set(false);
                    on_delivered.emit(link);
                }
                sending.set(match delivery {
                    Delivery::Delivered => Stage::Delivered,
                    other => Stage::Failed(other),
                });
            });
        })
    };
    let problem_of = |field: &str| -> Option<&'static str> {
        problems
            .iter()
            .find(|problem| field_of(**problem) == field)
            .map(|problem| match problem {
                Problem::NameMissing => texts.name_missing,
                Problem::NameTooLong => texts.name_too_long,
                Problem::ReachMissing => texts.reach_missing,
                Problem::ReachInvalid => texts.reach_invalid,
                Problem::MessageTooLong => texts.message_too_long,
                Problem::NoConsent => texts.no_consent,
            })
    };
    let busy = *sending == Stage::Sending;
    let status = match *sending {
        Stage::Typing => None,
        Stage::Sending => {
            Some(html! { <p class="lead-status" role="status">{ texts.sending }</p> })
        }
        Stage::Delivered => None,
        Stage::Failed(delivery) => {
            let reason = match delivery {
                Delivery::Refused(status) => fill_plain(
                    texts.not_delivered_status,
                    &[("status", &status.to_string())],
                ),
                _ => texts.not_delivered_unreachable.to_string(),
            };
            Some(html! {
                <p class="lead-status failed" role="alert">{ reason }{ " " }{ texts.kept }</p>
            })
        }
    };
    let failed = matches!(*sending, Stage::Failed(_));
    html! {
        <section class="lead-form" aria-labelledby="lead-title">
            <h2 id="lead-title">{ texts.title }</h2>
            if *sending == Stage::Delivered {
                <p class="lead-status delivered" role="status">{ texts.delivered }</p>
            } else {
                <p class="hint">{ texts.intro }</p>
                <form novalidate=true onsubmit={on_submit}>
                    { text_field(Field { id: NAME, label: texts.name, value: &draft.name, hint: None, problem: problem_of(NAME), on_input: on_name, kind: Kind::Name }) }
                    { text_field(Field { id: REACH, label: texts.reach, value: &draft.reach, hint: Some(texts.reach_hint), problem: problem_of(REACH), on_input: on_reach, kind: Kind::Reach }) }
                    { text_field(Field { id: MESSAGE, label: texts.message, value: &draft.message, hint: None, problem: problem_of(MESSAGE), on_input: on_message, kind: Kind::Message }) }
                    // People never see this field; a bot that fills every field fills it.
                    <div class="lead-trap" aria-hidden="true">
                        <label for="lead-check">{ texts.trap }</label>
                        <input id="lead-check" name="lead-check" type="text" tabindex="-1" autocomplete="off" oninput={on_trap} />
                    </div>
                    { check_box(CONSENT, consent_text, *consent, on_consent, problem_of(CONSENT)) }
                    { check_box("lead-marketing", marketing_text, *marketing, on_marketing, None) }
                    <div class="button-row">
                        <button type="submit" class="primary" id="lead-send" disabled={busy}>
                            { if busy { texts.sending } else if failed { texts.retry } else { texts.send } }
                        </button>
                    </div>
                    { status.unwrap_or_default() }
                </form>
            }
        </section>
    }
}

/// What a text field of the form holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Name,
    /// An email address or a phone number: left to right, and the email keyboard.
    Reach,
    Message,
}

struct Field<'a> {
    id: &'static str,
    label: &'static str,
    value: &'a str,
    hint: Option<&'static str>,
    problem: Option<&'static str>,
    on_input: Callback<InputEvent>,
    kind: Kind,
}

/// A labelled text field with its hint and the line that names its problem (one function
/// for the three, so the module carries one copy of the markup).
fn text_field(field: Field) -> Html {
    let problem_id = format!("{}-problem", field.id);
    let hint_id = format!("{}-hint", field.id);
    let described = if field.hint.is_some() {
        format!("{hint_id} {problem_id}")
    } else {
        problem_id.clone()
    };
    let invalid = field.problem.is_some().to_string();
    let value = field.value.to_string();
    let input = match field.kind {
        Kind::Message => html! {
            <textarea id={field.id} name={field.id} rows="3" maxlength="4000" dir="auto" {value} oninput={field.on_input}
                aria-invalid={invalid} aria-describedby={described} />
        },
        kind => {
            let reach = kind == Kind::Reach;
            html! {
                <input id={field.id} name={field.id} type="text" maxlength="300" {value} oninput={field.on_input}
                    autocomplete={if reach { "email" } else { "name" }} inputmode={reach.then_some("email")}
                    dir={if reach { "ltr" } else { "auto" }} aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class="field compact">
            <label for={field.id}>{ field.label }</label>
            { input }
            if let Some(hint) = field.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            <p class="error" id={problem_id} aria-live="polite">{ field.problem.unwrap_or_default() }</p>
        </div>
    }
}

/// A consent box with its text (as the visitor sees it: this text is what the consent
/// record keeps) and, for the required one, the line that names its problem.
fn check_box(
    id: &'static str,
    text: String,
    checked: bool,
    on_change: Callback<Event>,
    problem: Option<&'static str>,
) -> Html {
    let problem_id = format!("{id}-problem");
    html! {
        <div class="field compact lead-consent">
            <label>
                <input {id} type="checkbox" {checked} onchange={on_change} aria-invalid={problem.is_some().to_string()}
                    aria-describedby={problem_id.clone()} />
                { " " }<bdi>{ text }</bdi>
            </label>
            <p class="error" id={problem_id} aria-live="polite">{ problem.unwrap_or_default() }</p>
        </div>
    }
}
