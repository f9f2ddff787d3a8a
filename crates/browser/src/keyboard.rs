//! Keys the calculator answers wherever focus is: Escape leaves the presenter view.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While the presenter view is on, Escape leaves it. (Focus starts on its button to leave
/// once its chunk has drawn it.)
#[hook]
pub fn use_presenter_keys(presenting: bool, on_leave: Callback<()>) {
    use_effect_with(presenting, move |presenting| {
        let listener = presenting.then(|| {
            EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                let escape = event
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|event| event.key() == "Escape");
                if escape {
                    on_leave.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
