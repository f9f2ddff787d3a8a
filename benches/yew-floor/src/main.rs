//! The smallest Yew app: one function component that renders one line of text. Whatever
//! a Yew page pays before it does anything of its own (the runtime, the standard library,
//! wasm-bindgen's glue) is in it, and nothing else; scripts/yew-floor.mjs builds it with
//! the calculator's profile, flags and post-build steps and sets the first load against it.

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <p>{ "Hello" }</p> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
