//! The Saved scenarios panel: save the scenario on screen under a name; open, rename or
//! delete a saved one; and compare any two, or one with the scenario on screen. Storage
//! and its schema are elsewhere (`cvc_browser::local_storage`, `cvc_core::storage`); this panel
//! says, in words, when storage is full or missing, and the calculator goes on working.

use crate::panels::compare::comparison;
use cvc_browser::dom::{clear_input, input_text, value_of};
use cvc_browser::intl::DateFormat;
use cvc_browser::intl::Formats;
use cvc_browser::local_storage::{use_saved, SavedHandle};
use cvc_core::notice::describe;
use cvc_core::notice::{Notice, Source};
use cvc_core::storage::{default_name, SavedScenario, Skipped, StoreError};
use cvc_core::words::{fill_plain, ExtraTexts, ISOLATE};
use cvc_model::scenario::DEFAULT_CURRENCY;
use cvc_model::ValidScenario;
use cvc_view::use_formats;
use yew::prelude::*;

/// The value that stands for the scenario on screen in the comparison's choices.
const ON_SCREEN: &str = "";

#[derive(Properties, PartialEq)]
pub struct SavedPanelProps {
    pub scenario: ValidScenario,
    /// Puts a saved scenario on screen.
    pub on_load: Callback<ValidScenario>,
}

fn refusal(texts: &ExtraTexts, error: StoreError) -> String {
    match error {
        StoreError::Full => texts.storage_full.into(),
        StoreError::Unavailable => texts.storage_unavailable.into(),
        StoreError::ChangedElsewhere => texts.saved_changed_elsewhere.into(),
    }
}

#[component]
pub fn SavedPanel(props: &SavedPanelProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.extra_texts();
    let saved = use_saved();
    let status = use_state(String::new);
    let name_input = use_node_ref();
    let first = use_state(|| ON_SCREEN.to_string());
    let second = use_state(|| None::<String>);
    let editing = use_state(|| None::<(SavedScenario, Step)>);
    let dates = use_memo(formats.language, |language| DateFormat::new(language.tag()));
    let draft = use_state(String::new);

    let on_save = {
        let (saved, status, name_input, scenario) = (
            saved.clone(),
            status.clone(),
            name_input.clone(),
            props.scenario.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(typed) = input_text(&name_input) else {
                return;
            };
            let name = if typed.trim().is_empty() {
                default_name(texts.save_default_name, &saved.shelf.entries)
            } else {
                typed
            };
            status.set(match saved.save(&name, &scenario) {
                Ok(entry) => {
                    clear_input(&name_input);
                    fill_plain(texts.saved_as, &[("name", &entry.name)])
                }
                Err(error) => refusal(texts, error),
            });
        })
    };

    let shelf = &saved.shelf;
    let mut news: Vec<String> = Vec::new();
    if !shelf.available {
        news.push(texts.storage_unavailable.into());
    }
    let unreadable = shelf
        .skipped
        .iter()
        .filter(|skipped| matches!(skipped, Skipped::Unreadable { .. }))
        .count();
    let newer = shelf.skipped.len() - unreadable;
    if unreadable > 0 {
        news.push(
            texts
                .saved_skipped
                .count(unreadable as f64, &unreadable.to_string()),
        );
    }
    if newer > 0 {
        news.push(texts.saved_newer.count(newer as f64, &newer.to_string()));
    }
    if !shelf.migrated.is_empty() {
        let migrated = shelf.migrated.len();
        news.push(fill_plain(
            &texts
                .saved_migrated
                .count(migrated as f64, &migrated.to_string()),
            &[("names", &shelf.migrated.join(", "))],
        ));
    }
    for (name, problem) in &shelf.problems {
        let notice = Notice {
            source: Source::Saved,
            problems: vec![problem.clone()],
            unknown: Default::default(),
        };
        for line in describe(formats.language, &notice).1 {
            // The name is isolated on its own: a Latin name must not turn a Hebrew line.
            news.push(format!("{}{name}{} · {line}", ISOLATE.0, ISOLATE.1));
        }
    }

    // The comparison: the scenario on screen or any saved one, against another.
    let choose = |id: &str| -> Option<(&str, &ValidScenario)> {
        if id == ON_SCREEN {
            Some((texts.compare_on_screen, &props.scenario))
        } else {
            shelf
                .find(id)
                .map(|entry| (entry.name.as_str(), &entry.scenario))
        }
    };
    let second_id = (*second)
        .clone()
        .or_else(|| shelf.entries.first().map(|entry| entry.id.clone()));
    let chosen = (choose(&first), second_id.as_deref().and_then(choose));
    let currencies = (
        chosen.0.map(|(_, scenario)| scenario.currency.clone()),
        chosen.1.map(|(_, scenario)| scenario.currency.clone()),
    );
    let money = use_memo((formats.language, currencies), |(language, (a, b))| {
        let make = |code: &Option<String>| {
            Formats::new(*language, code.as_deref().unwrap_or(DEFAULT_CURRENCY))
        };
        (make(a), make(b))
    });
    let comparison = match chosen {
        (Some(first), Some(second)) => comparison(&formats, first, second, (&money.0, &money.1)),
        _ => html! { <p class="hint">{ texts.compare_need_two }</p> },
    };
    let options = |selected: &str| {
        let mut choices = vec![html! {
            <option value={ON_SCREEN} selected={selected == ON_SCREEN}>{ texts.compare_on_screen }</option>
        }];
        choices.extend(shelf.entries.iter().map(|entry| html! {
            <option value={entry.id.clone()} selected={selected == entry.id}>{ entry.name.clone() }</option>
        }));
        choices
    };
    let on_first = {
        let first = first.clone();
        Callback::from(move |event: Event| first.set(value_of(&event)))
    };
    let on_second = {
        let second = second.clone();
        Callback::from(move |event: Event| second.set(Some(value_of(&event))))
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |message: String| status.set(message))
    };
    let item_context = ItemContext {
        formats: &formats,
        saved: &saved,
        on_load: &props.on_load,
        on_status: &on_status,
        editing: &editing,
        dates: &dates,
        draft: &draft,
    };

    html! {
        <section class="panel" id="saved-panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ texts.saved_button }</h2>
            <p class="hint">{ texts.saved_hint }</p>
            if !news.is_empty() {
                <ul class="saved-news">{ for news.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
            <form class="save-form" onsubmit={on_save}>
                <label for="save-name">{ texts.save_name_label }</label>
                <div class="button-row">
                    <input id="save-name" ref={name_input} type="text" maxlength="80" autocomplete="off" />
                    <button type="submit" class="primary">{ texts.save_button }</button>
                </div>
            </form>
            <p class="status" role="status">{ (*status).clone() }</p>
            if shelf.entries.is_empty() {
                <p class="hint">{ texts.saved_empty }</p>
            } else {
                <ul class="saved-list" aria-label={texts.saved_list_label}>
                    { for shelf.entries.iter().map(|entry| saved_item(&item_context, entry)) }
                </ul>
            }
            <h3>{ texts.compare_heading }</h3>
            <div class="compare-choice">
                <label>{ texts.compare_first }
                    <select id="compare-first" onchange={on_first}>{ for options(&first) }</select>
                </label>
                <label>{ texts.compare_second }
                    <select id="compare-second" onchange={on_second}>{ for options(second_id.as_deref().unwrap_or(ON_SCREEN)) }</select>
                </label>
            </div>
            { comparison }
        </section>
    }
}

/// What a saved item can do, shared by every item of the list.
struct ItemContext<'a> {
    formats: &'a Formats,
    saved: &'a SavedHandle,
    on_load: &'a Callback<ValidScenario>,
    on_status: &'a Callback<String>,
    /// The one item in its second step (renaming or confirming a delete), if any, and
    /// the name being typed, held here so that a re-render never resets it.
    /// The entry being renamed or deleted, as it was when that began: if another tab
    /// changes it meanwhile, the store refuses (`StoreError::ChangedElsewhere`).
    editing: &'a UseStateHandle<Option<(SavedScenario, Step)>>,
    dates: &'a DateFormat,
    draft: &'a UseStateHandle<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Idle,
    Renaming,
    ConfirmingDelete,
}

/// One saved scenario, with its actions. Renaming and deleting take a second step, so a
/// slip of the finger on a phone loses nothing.
fn saved_item(context: &ItemContext, entry: &SavedScenario) -> Html {
    let formats = context.formats;
    let texts = formats.language.extra_texts();
    let (step, as_begun) = match &**context.editing {
        Some((begun, step)) if begun.id == entry.id => (*step, begun.clone()),
        _ => (Step::Idle, entry.clone()),
    };
    let set_step = |next: Step| {
        let (editing, draft, entry) = (
            context.editing.clone(),
            context.draft.clone(),
            entry.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            draft.set(entry.name.clone());
            editing.set((next != Step::Idle).then(|| (entry.clone(), next)));
        })
    };
    let on_draft = {
        let draft = context.draft.clone();
        Callback::from(move |event: InputEvent| draft.set(value_of(&event)))
    };
    let on_open = {
        let (on_load, on_status, entry) = (
            context.on_load.clone(),
            context.on_status.clone(),
            entry.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            on_load.emit(entry.scenario.clone());
            on_status.emit(fill_plain(texts.opened, &[("name", &entry.name)]));
        })
    };
    let on_rename = {
        let (saved, on_status, entry, editing, draft) = (
            context.saved.clone(),
            context.on_status.clone(),
            as_begun.clone(),
            context.editing.clone(),
            context.draft.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = (*draft).clone();
            editing.set(None);
            if name.trim().is_empty() {
                return;
            }
            on_status.emit(match saved.rename(&entry, &name) {
                Ok(name) => fill_plain(texts.renamed, &[("name", &name)]),
                Err(error) => refusal(texts, error),
            });
        })
    };
    let on_delete = {
        let (saved, on_status, entry, editing) = (
            context.saved.clone(),
            context.on_status.clone(),
            as_begun,
            context.editing.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            editing.set(None);
            on_status.emit(match saved.delete(&entry) {
                Ok(()) => fill_plain(texts.deleted, &[("name", &entry.name)]),
                Err(error) => refusal(texts, error),
            });
        })
    };
    let input_id = format!("rename-{}", entry.id);
    let date = if entry.saved_at > 0.0 {
        fill_plain(
            texts.saved_at,
            &[("date", &context.dates.format(entry.saved_at))],
        )
    } else {
        String::new()
    };
    html! {
        <li class="saved-item" key={entry.id.clone()}>
            <p class="saved-name"><bdi>{ entry.name.clone() }</bdi>{ " " }<span class="hint">{ date }</span></p>
            {
                match step {
                    Step::Idle => html! {
                        <div class="button-row">
                            <button type="button" class="primary" onclick={on_open}>{ texts.open_button }</button>
                            <button type="button" class="secondary" onclick={set_step(Step::Renaming)}>{ texts.rename_button }</button>
                            <button type="button" class="secondary" onclick={set_step(Step::ConfirmingDelete)}>{ texts.delete_button }</button>
                        </div>
                    },
                    Step::Renaming => html! {
                        <form class="rename-form" onsubmit={on_rename}>
                            <label for={input_id.clone()}>{ fill_plain(texts.rename_label, &[("name", &entry.name)]) }</label>
                            <div class="button-row">
                                <input id={input_id} type="text" maxlength="80" value={(**context.draft).clone()} oninput={on_draft} />
                                <button type="submit" class="primary">{ texts.rename_save }</button>
                                <button type="button" class="secondary" onclick={set_step(Step::Idle)}>{ texts.cancel }</button>
                            </div>
                        </form>
                    },
                    Step::ConfirmingDelete => html! {
                        <div class="button-row">
                            <button type="button" class="danger" onclick={on_delete}>{ fill_plain(texts.delete_confirm, &[("name", &entry.name)]) }</button>
                            <button type="button" class="secondary" onclick={set_step(Step::Idle)}>{ texts.cancel }</button>
                        </div>
                    },
                }
            }
        </li>
    }
}
