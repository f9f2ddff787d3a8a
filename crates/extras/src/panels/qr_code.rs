//! A QR code of a link, as SVG that scales to any size without blurring: the matrix comes
//! from the pure encoder ([`cvc_core::codec::qr`]); this only draws it.

use cvc_core::codec::qr::QrCode;
use cvc_core::words::ExtraTexts;
use yew::prelude::*;

pub fn qr_code(texts: &ExtraTexts, link: &str) -> Html {
    let Ok(qr) = QrCode::encode(link) else {
        return html! { <p class="hint">{ texts.qr_too_long }</p> };
    };
    let extent = qr.extent().to_string();
    html! {
        <svg class="qr" role="img" aria-label={texts.qr_label}
            viewBox={format!("0 0 {extent} {extent}")} shape-rendering="crispEdges">
            // Light behind the code, whatever the theme: a reader needs dark on light.
            <rect width={extent.clone()} height={extent} fill="#fff" />
            <path d={qr.svg_path()} fill="#000" />
        </svg>
    }
}
