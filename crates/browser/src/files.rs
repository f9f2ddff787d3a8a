//! Files in and out: a text handed to the user as a download, and the text of a file the
//! user picked. What goes in the files is pure
//! ([`cvc_core::codec::csv`], [`cvc_core::codec::scenario_file`]).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `name`. Nothing leaves the browser: the file is
/// made from a local `blob:` address, which is let go once the download has started.
pub fn offer_download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(address) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = gloo::utils::document();
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&address);
    anchor.set_download(name);
    anchor.click();
    // Revoked on the next turn, when the browser has taken the file.
    gloo::timers::callback::Timeout::new(0, move || {
        let _ = web_sys::Url::revoke_object_url(&address);
    })
    .forget();
    true
}

/// The file input a `change` event came from.
pub struct FileInput(web_sys::HtmlInputElement);

impl FileInput {
    pub fn of(event: &yew::Event) -> Option<FileInput> {
        event.target()?.dyn_into().ok().map(FileInput)
    }

    /// The text of the first file picked: `Ok(None)` if none was picked, `Err` if it is
    /// far larger than any scenario file or could not be read as text. The input is
    /// emptied afterwards, so the same file can be picked again after a fix.
    pub async fn take_text(self) -> Result<Option<String>, NotText> {
        let text = async {
            let Some(file) = self.0.files().and_then(|files| files.get(0)) else {
                return Ok(None);
            };
            // A scenario file is a few kilobytes; anything far larger is not one, and is
            // not read at all.
            if file.size() > 1_000_000.0 {
                return Err(NotText);
            }
            let text = JsFuture::from(file.text()).await.map_err(|_| NotText)?;
            text.as_string().map(Some).ok_or(NotText)
        }
        .await;
        self.0.set_value("");
        text
    }
}

/// A picked file that is not a scenario's text: far too large, or unreadable as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotText;

/// Today's date as `YYYY-MM-DD`, in the user's time zone.
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    let pad = |n: u32| {
        if n < 10 {
            format!("0{n}")
        } else {
            n.to_string()
        }
    };
    format!(
        "{}-{}-{}",
        now.get_full_year(),
        pad(now.get_month() + 1),
        pad(now.get_date())
    )
}
