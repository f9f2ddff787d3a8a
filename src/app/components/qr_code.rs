//! A QR code of a link, as SVG that scales to any size without blurring: the matrix comes
//! from the pure encoder ([`crate::app::qr`]); this only draws it.

use crate::app::hooks::use_formats;
use crate::app::qr::QrCode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub link: String,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn QrCodeImage(props: &QrCodeProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let drawing = use_memo(props.link.clone(), |link| {
        QrCode::encode(link)
            .ok()
            .map(|qr| (qr.extent().to_string(), qr.svg_path()))
    });
    let Some((extent, path)) = &*drawing else {
        return html! { <p class="hint">{ texts.qr_too_long }</p> };
    };
    html! {
        <svg class={classes!("qr", props.class.clone())} role="img" aria-label={texts.qr_label}
            viewBox={format!("0 0 {extent} {extent}")} shape-rendering="crispEdges">
            // Light behind the code, whatever the theme: a reader needs dark on light.
            <rect width={extent.clone()} height={extent.clone()} fill="#fff" />
            <path d={path.clone()} fill="#000" />
        </svg>
    }
}
