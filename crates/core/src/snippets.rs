//! The copy-paste snippets of the "Embed on your site" panel, filled with the scenario on
//! screen. Pure, so they are tested natively; README.md "Embedding" explains them.
//!
//! The iframe snippet's listener is the few lines the issue asks for: it compares
//! `event.origin` with the calculator's origin using `===`, checks `event.source` against
//! that iframe's `contentWindow`, and ignores everything else.

use crate::codec::html::escape;
use crate::codec::link::{encode, pairs, parent_origin, HEIGHT_MESSAGE};
use crate::words::Language;
use cvc_model::Scenario;

/// The element id the iframe snippet gives its frame.
pub const FRAME_ID: &str = "customer-value-calculator";

/// An iframe of the calculator at `app` (its address, ending in `/`), with the listener
/// that sizes it to its content.
pub fn iframe_snippet(app: &str, scenario: &Scenario, language: Language, title: &str) -> String {
    let source = format!("{app}{}&embed=1", encode(scenario, language));
    let origin = parent_origin(app);
    format!(
        r#"<iframe id="{FRAME_ID}" src="{src}" title="{title}" loading="lazy" style="display:block;width:100%;height:900px;border:0"></iframe>
<script>
addEventListener("message", function (event) {{
  var frame = document.getElementById("{FRAME_ID}");
  if (!frame || event.origin !== "{origin}" || event.source !== frame.contentWindow) return;
  var data = event.data;
  if (!data || data.type !== "{HEIGHT_MESSAGE}" || typeof data.height !== "number" || !(data.height > 0)) return;
  frame.style.height = Math.min(Math.ceil(data.height), 20000) + "px";
}});
</script>"#,
        src = escape(&source),
        title = escape(title),
    )
}

/// The loader script and a container whose attributes hold the scenario: the same names
/// and values as the link ([`pairs`]), `data-` first and hyphens for underscores.
pub fn script_snippet(app: &str, scenario: &Scenario, language: Language) -> String {
    let attributes: Vec<String> = pairs(scenario, language)
        .into_iter()
        .map(|(key, value)| format!("data-{}=\"{}\"", key.replace('_', "-"), escape(&value)))
        .collect();
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<div data-customer-value {}></div>",
        escape(&format!("{app}embed.js")),
        attributes.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::link::{attribute_key, read_pairs};

    #[test]
    fn the_iframe_listener_checks_origin_and_source() {
        let snippet = iframe_snippet(
            "https://calc.example/cvc/",
            &Scenario::default(),
            Language::Hebrew,
            "Customer \"value\" <calculator>",
        );
        assert!(
            snippet.contains(
                r#"src="https://calc.example/cvc/?currency=ILS&amp;lang=he&amp;embed=1""#
            ),
            "{snippet}"
        );
        assert!(snippet.contains(r#"event.origin !== "https://calc.example""#));
        assert!(snippet.contains("event.source !== frame.contentWindow"));
        assert!(snippet.contains(r#"data.type !== "customer-value:height""#));
        assert!(snippet.contains("title=\"Customer &quot;value&quot; &lt;calculator&gt;\""));
    }

    #[test]
    fn the_script_snippet_carries_the_scenario_as_attributes() {
        let mut scenario = Scenario {
            lifetime_profit: 45_000.0,
            currency: "USD".into(),
            count_after_horizon: false,
            ..Scenario::default()
        };
        scenario
            .uncertainty
            .set(cvc_model::Field::LifetimeProfit, 30_000.0, 60_000.0);
        let snippet = script_snippet("https://calc.example/", &scenario, Language::English);
        assert!(snippet.starts_with(
            "<script type=\"module\" src=\"https://calc.example/embed.js\"></script>\n"
        ));
        assert!(
            snippet.contains(r#"data-lifetime-profit="45000""#),
            "{snippet}"
        );
        assert!(snippet.contains(r#"data-currency="USD""#));
        assert!(snippet.contains(r#"data-count-after-horizon="false""#));
        assert!(
            snippet.contains(r#"data-lifetime-profit-range="30000..60000""#),
            "{snippet}"
        );
        // Read back as an embed reads its attributes, the attributes give the scenario.
        let pairs: Vec<(String, String)> = snippet
            .split_whitespace()
            .filter_map(|part| part.split_once("=\""))
            .filter_map(|(name, value)| {
                Some((
                    attribute_key(name)?,
                    value
                        .trim_end_matches("></div>")
                        .trim_end_matches('"')
                        .to_string(),
                ))
            })
            .collect();
        let read = read_pairs(&pairs, Scenario::default());
        assert!(read.reading.is_clean(), "{:?}", read.reading.problems);
        assert_eq!(read.reading.scenario.scenario(), &scenario);
    }
}
