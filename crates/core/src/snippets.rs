//! The copy-paste code of the Embed panel, filled with the scenario on screen and the
//! consultant's choices: the way (the custom element, an iframe, or the WordPress
//! shortcode), the language, what shows, the accent, and whether the host hears what was
//! calculated; and the address of the panel's preview, which says what the installed
//! calculator sends ([`frame_address`]). Pure, so every choice is tested natively;
//! README.md "Embedding" explains them.
//!
//! The element holds a link to the full calculator, which shows until the calculator draws
//! (and to crawlers and browsers without JavaScript).
//!
//! Every way carries the same names and values as the link ([`pairs`]): the element's
//! attributes are the link's keys with hyphens, the shortcode's with underscores (WordPress
//! lowercases them), and the iframe's address is the link itself.

use crate::codec::accent::accent_colour;
use crate::codec::html::escape;
use crate::codec::link::{encode, pairs, Show, ACCENT, DATA_LAYER, EVENTS, SHOW};
use crate::words::Language;
use cvc_model::Scenario;

/// The element's tag.
pub const TAG: &str = "customer-value-calculator";
/// The WordPress plugin's shortcode.
pub const SHORTCODE: &str = "customer_value";
/// The shortcode's switch for the plugin's own lead store.
pub const WORDPRESS_LEADS: &str = "lead";

/// How the calculator goes on another site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Way {
    /// `<customer-value-calculator>`, defined by embed.js: for plain HTML, React, Vue, Wix
    /// (Custom Element), Webflow and Squarespace.
    #[default]
    Element,
    /// An iframe of the calculator's page, and frame.js to size it. (Its size is given as
    /// attributes, not a style attribute, which a strict host policy would refuse.)
    Iframe,
    /// The WordPress plugin's `[customer_value]` shortcode.
    WordPress,
}

impl Way {
    pub const ALL: [Way; 3] = [Way::Element, Way::Iframe, Way::WordPress];

    pub fn name(self) -> &'static str {
        match self {
            Way::Element => "element",
            Way::Iframe => "iframe",
            Way::WordPress => "wordpress",
        }
    }

    pub fn from_name(name: &str) -> Option<Way> {
        Way::ALL.into_iter().find(|way| way.name() == name)
    }
}

/// What the consultant chose in the Embed panel.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Choices {
    pub way: Way,
    pub language: Language,
    pub show: Show,
    /// A CSS colour, checked by [`accent_colour`]; anything else is left out.
    pub accent: Option<String>,
    /// The host hears what was calculated: events from the iframe, and `dataLayer`
    /// entries for the host's analytics (the element's events always reach its page).
    pub events: bool,
    /// Lead capture (`crate::leads`): how the consultant receives leads, the consent text
    /// they set (empty: the calculator's own, in the visitor's language), and a variant.
    pub lead: LeadChoice,
    pub consent: String,
    pub variant: String,
}

impl Choices {
    /// Whether the code captures leads (the consultant's form filled, or a capture form
    /// that sends): what a preview cannot show, lead capture being a host's attribute and
    /// never a link's ([`frame_address`]).
    pub fn captures_leads(&self) -> bool {
        match &self.lead {
            LeadChoice::None => false,
            LeadChoice::Form(selector) => !selector.trim().is_empty(),
            // On WordPress the plugin receives them; elsewhere an address that may.
            LeadChoice::Endpoint(_) => self.way == Way::WordPress || self.lead.endpoint().is_some(),
        }
    }
}

/// How the consultant receives leads, as the Embed panel offers it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum LeadChoice {
    #[default]
    None,
    /// Fill the hidden fields of the consultant's own form (a selector).
    Form(String),
    /// A capture form posting to the consultant's endpoint; on WordPress, the plugin's own
    /// store (the address is the plugin's).
    Endpoint(String),
}

impl LeadChoice {
    /// The endpoint to name in the code and the host's policy: an allowed one only.
    pub fn endpoint(&self) -> Option<&str> {
        match self {
            LeadChoice::Endpoint(url) if crate::leads::endpoint_allowed(url) => Some(url.trim()),
            _ => None,
        }
    }

    /// The origin the host's policy must let the calculator reach (`connect-src`).
    pub fn origin(&self) -> Option<String> {
        self.endpoint().map(crate::host_events::parent_origin)
    }
}

/// Lead capture's attributes for `choices`, by the element's names (a container's and an
/// iframe's have `data-` before them); values as the consultant typed them, trimmed.
fn lead_attributes(choices: &Choices) -> Vec<(&'static str, String)> {
    use crate::leads::{CONSENT, ENDPOINT, FORM, VARIANT};
    let mut found = Vec::new();
    match &choices.lead {
        LeadChoice::None => return found,
        LeadChoice::Form(selector) if !selector.trim().is_empty() => {
            found.push((FORM, selector.trim().to_string()));
        }
        LeadChoice::Form(_) => {}
        LeadChoice::Endpoint(_) => {
            if let Some(endpoint) = choices.lead.endpoint() {
                found.push((ENDPOINT, endpoint.to_string()));
            }
            if !choices.consent.trim().is_empty() {
                found.push((CONSENT, choices.consent.trim().to_string()));
            }
        }
    }
    if !found.is_empty() && !choices.variant.trim().is_empty() {
        found.push((VARIANT, choices.variant.trim().to_string()));
    }
    found
}

/// The code that puts `scenario` on another site, served from `app` (the calculator's
/// address, ending in `/`). `frame_title` is the iframe's title in the chosen language.
pub fn snippet(app: &str, scenario: &Scenario, choices: &Choices, frame_title: &str) -> String {
    match choices.way {
        Way::Element => element_snippet(app, scenario, choices),
        Way::Iframe => iframe_snippet(app, scenario, choices, frame_title),
        Way::WordPress => shortcode(scenario, choices),
    }
}

/// The named settings of `choices` beyond the scenario, in the link's terms.
fn view_pairs(choices: &Choices) -> Vec<(String, String)> {
    let mut view = Vec::new();
    if choices.show == Show::Headline {
        view.push((SHOW.to_string(), "headline".to_string()));
    }
    if let Some(accent) = choices.accent.as_deref().and_then(accent_colour) {
        view.push((ACCENT.to_string(), accent));
    }
    view
}

fn element_snippet(app: &str, scenario: &Scenario, choices: &Choices) -> String {
    let mut attributes: Vec<String> = pairs(scenario, choices.language)
        .into_iter()
        .chain(view_pairs(choices))
        .map(|(key, value)| format!("{}=\"{}\"", key.replace('_', "-"), escape(&value)))
        .collect();
    if choices.events {
        attributes.push("data-layer".into());
    }
    attributes.extend(
        lead_attributes(choices)
            .into_iter()
            .map(|(name, value)| format!("{name}=\"{}\"", escape(&value))),
    );
    // Inside the element, the host's own content until the calculator draws: a link to the
    // full calculator, for crawlers and for browsers without JavaScript.
    let fallback = format!(
        "<a href=\"{}\">{}</a>",
        escape(&format!("{app}{}", encode(scenario, choices.language))),
        escape(choices.language.texts().open_full)
    );
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<{TAG} {}>\n  {fallback}\n</{TAG}>",
        escape(&format!("{app}embed.js")),
        attributes.join(" ")
    )
}

/// The page in an iframe as `choices` would show it on another site: the iframe way's
/// `src`, and the Embed panel's preview of every way. What shows and the accent are the
/// consultant's; so is the privacy line under it, since the preview says what the installed
/// calculator tells: the element and the shortcode always tell their host page
/// ([`crate::privacy::Disclosure`]), an iframe only where its analytics box is ticked, and
/// with that box the analytics too. (Lead capture is a host's attribute, never a link's,
/// so a preview does not show it.)
pub fn frame_address(app: &str, scenario: &Scenario, choices: &Choices) -> String {
    let mut source = format!("{app}{}&embed=1", encode(scenario, choices.language));
    for (key, value) in view_pairs(choices) {
        source.push_str(&format!(
            "&{key}={}",
            value.replace('#', "%23").replace(' ', "%20")
        ));
    }
    if choices.events || choices.way != Way::Iframe {
        source.push_str(&format!("&{EVENTS}=1"));
    }
    if choices.events {
        source.push_str(&format!("&{DATA_LAYER}=1"));
    }
    source
}

fn iframe_snippet(app: &str, scenario: &Scenario, choices: &Choices, title: &str) -> String {
    let source = frame_address(app, scenario, choices);
    let lead: String = lead_attributes(choices)
        .into_iter()
        .map(|(name, value)| format!(" data-{name}=\"{}\"", escape(&value)))
        .collect();
    format!(
        r#"<iframe src="{src}" title="{title}" loading="lazy" width="100%" height="900"{lead}></iframe>
<script type="module" src="{listener}"></script>"#,
        src = escape(&source),
        title = escape(title),
        listener = escape(&format!("{app}frame.js")),
    )
}

fn shortcode(scenario: &Scenario, choices: &Choices) -> String {
    let mut attributes: Vec<String> = pairs(scenario, choices.language)
        .into_iter()
        .chain(view_pairs(choices))
        // Shortcode values are quoted; no value the calculator writes holds a quote or a
        // bracket, and the plugin escapes each one again before it prints the element.
        .map(|(key, value)| format!("{key}=\"{}\"", value.replace(['"', '[', ']'], "")))
        .collect();
    if choices.events {
        attributes.push(format!("{EVENTS}=\"{DATA_LAYER}\""));
    }
    // On WordPress, leads go to the plugin's own store (`lead="1"`, with the consent texts
    // of its settings), or fill a form of the page.
    let clean = |value: &str| value.trim().replace(['"', '[', ']'], "");
    match &choices.lead {
        LeadChoice::Endpoint(_) => attributes.push(format!("{}=\"1\"", WORDPRESS_LEADS)),
        LeadChoice::Form(selector) if !selector.trim().is_empty() => {
            attributes.push(format!("lead_form=\"{}\"", clean(selector)))
        }
        _ => {}
    }
    if choices.lead != LeadChoice::None && !choices.variant.trim().is_empty() {
        attributes.push(format!("variant=\"{}\"", clean(&choices.variant)));
    }
    format!("[{SHORTCODE} {}]", attributes.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::attributes::{read_attributes, Naming};
    use crate::codec::link::decode;
    use cvc_model::Field;

    fn scenario() -> Scenario {
        let mut scenario = Scenario {
            lifetime_profit: 45_000.0,
            currency: "USD".into(),
            count_after_horizon: false,
            ..Scenario::default()
        };
        scenario
            .uncertainty
            .set(Field::LifetimeProfit, 30_000.0, 60_000.0);
        scenario
    }

    fn choices(way: Way) -> Choices {
        Choices {
            way,
            language: Language::Hebrew,
            show: Show::Headline,
            accent: Some("#6d28d9".into()),
            events: true,
            ..Choices::default()
        }
    }

    /// The attributes of the element a snippet writes, as (name, value) pairs.
    fn element_attributes_of(snippet: &str) -> Vec<(String, String)> {
        let tag = snippet
            .split(&format!("<{TAG} "))
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .expect("an element");
        tag.split_whitespace()
            .map(|attribute| match attribute.split_once("=\"") {
                Some((name, value)) => (name.to_string(), value.trim_end_matches('"').to_string()),
                None => (attribute.to_string(), String::new()),
            })
            .collect()
    }

    #[test]
    fn the_element_snippet_carries_the_scenario_and_the_choices_as_attributes() {
        let snippet = snippet(
            "https://calc.example/",
            &scenario(),
            &choices(Way::Element),
            "t",
        );
        assert!(snippet.starts_with(
            "<script type=\"module\" src=\"https://calc.example/embed.js\"></script>\n<customer-value-calculator "
        ));
        // The host's content until the calculator draws: a link to the same scenario.
        assert!(
            snippet.contains("<a href=\"https://calc.example/?")
                && snippet.contains(">פתיחת המחשבון המלא</a>\n</customer-value-calculator>"),
            "{snippet}"
        );
        let attributes = element_attributes_of(&snippet);
        for (name, _) in &attributes {
            assert!(
                Naming::Element.key_of(name).is_some(),
                "{name} is the element's"
            );
        }
        let read = read_attributes(Naming::Element, &attributes);
        assert!(read.reading.is_clean(), "{:?}", read.reading.problems);
        assert_eq!(read.reading.scenario.scenario(), &scenario());
        assert_eq!(read.view.language, Some(Language::Hebrew));
        assert_eq!(read.view.show, Show::Headline);
        assert_eq!(read.view.accent.as_deref(), Some("#6d28d9"));
        assert!(read.view.data_layer);
        let plain = snippet_of(Way::Element, false);
        assert!(
            !plain.contains("data-layer") && !plain.contains("show="),
            "{plain}"
        );
    }

    fn snippet_of(way: Way, events: bool) -> String {
        let choices = Choices {
            way,
            language: Language::English,
            ..Choices::default()
        };
        snippet(
            "https://calc.example/",
            &Scenario::default(),
            &Choices { events, ..choices },
            "Customer Value Calculator",
        )
    }

    #[test]
    fn the_preview_says_what_the_installed_calculator_sends() {
        use crate::privacy::Disclosure;
        for way in [Way::Element, Way::Iframe, Way::WordPress] {
            for events in [false, true] {
                let choices = Choices {
                    events,
                    ..choices(way)
                };
                let address = frame_address("https://calc.example/", &scenario(), &choices);
                let query = address
                    .strip_prefix("https://calc.example/")
                    .expect("the app");
                let preview = decode(query);
                assert!(preview.reading.is_clean(), "{:?}", preview.reading);
                assert!(preview.view.embed);
                assert_eq!(preview.view.show, Show::Headline);
                assert_eq!(preview.view.accent.as_deref(), Some("#6d28d9"));
                // The element and the shortcode tell their host page always; an iframe
                // only as its snippet's link says.
                let installed = match way {
                    Way::Element | Way::WordPress => Disclosure::of_embed(true, events),
                    Way::Iframe => {
                        let snippet = snippet("https://calc.example/", &scenario(), &choices, "t");
                        assert!(snippet.contains(&escape(&address)), "{snippet}");
                        Disclosure::of_embed(events, events)
                    }
                };
                assert_eq!(
                    Disclosure::of_embed(preview.view.events, preview.view.data_layer),
                    installed,
                    "{way:?}, analytics {events}"
                );
            }
        }
    }

    #[test]
    fn the_preview_says_when_it_leaves_lead_capture_out() {
        let with = |way: Way, lead: LeadChoice| Choices {
            lead,
            ..choices(way)
        };
        for way in [Way::Element, Way::Iframe, Way::WordPress] {
            assert!(!with(way, LeadChoice::None).captures_leads());
            assert!(!with(way, LeadChoice::Form("  ".into())).captures_leads());
            assert!(with(way, LeadChoice::Form("#contact".into())).captures_leads());
        }
        let endpoint = LeadChoice::Endpoint("https://hooks.example/leads".into());
        let refused = LeadChoice::Endpoint("http://hooks.example/leads".into());
        assert!(with(Way::Element, endpoint.clone()).captures_leads());
        assert!(with(Way::Iframe, endpoint).captures_leads());
        // A refused address goes into no code; on WordPress the plugin is the endpoint.
        assert!(!with(Way::Element, refused.clone()).captures_leads());
        assert!(with(Way::WordPress, refused).captures_leads());
    }

    #[test]
    fn the_iframe_snippet_is_the_link_and_frame_js_with_no_id() {
        let snippet = snippet(
            "https://calc.example/cvc/",
            &scenario(),
            &choices(Way::Iframe),
            "מחשבון \"ערך\" <לקוח>",
        );
        assert!(
            !snippet.contains(" id="),
            "any number on one page: {snippet}"
        );
        assert!(snippet.contains("title=\"מחשבון &quot;ערך&quot; &lt;לקוח&gt;\""));
        assert!(snippet.ends_with(
            "<script type=\"module\" src=\"https://calc.example/cvc/frame.js\"></script>"
        ));
        let source = snippet
            .split("src=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a source")
            .replace("&amp;", "&");
        let query = source
            .strip_prefix("https://calc.example/cvc/")
            .expect("the app");
        let read = decode(query);
        assert!(read.reading.is_clean(), "{:?}", read.reading);
        assert_eq!(read.reading.scenario.scenario(), &scenario());
        assert!(read.view.embed && read.view.events && read.view.data_layer);
        assert_eq!(read.view.show, Show::Headline);
        assert_eq!(read.view.accent.as_deref(), Some("#6d28d9"));
        let quiet = snippet_of(Way::Iframe, false);
        assert!(
            !quiet.contains("events=") && !quiet.contains("datalayer="),
            "{quiet}"
        );
    }

    #[test]
    fn the_shortcode_names_the_elements_attributes_with_underscores() {
        let shortcode = snippet(
            "https://calc.example/",
            &scenario(),
            &choices(Way::WordPress),
            "t",
        );
        assert!(shortcode.starts_with("[customer_value ") && shortcode.ends_with(']'));
        assert!(
            shortcode.contains("lifetime_profit=\"45000\""),
            "{shortcode}"
        );
        assert!(shortcode.contains("lifetime_profit_range=\"30000..60000\""));
        assert!(
            shortcode.contains("show=\"headline\"") && shortcode.contains("events=\"datalayer\"")
        );
        // The plugin prints each as the element's attribute: underscores become hyphens.
        let attributes: Vec<(String, String)> = shortcode
            .trim_start_matches("[customer_value ")
            .trim_end_matches(']')
            .split_whitespace()
            .filter_map(|attribute| attribute.split_once("=\""))
            .filter(|(name, _)| *name != "events")
            .map(|(name, value)| {
                (
                    name.replace('_', "-"),
                    value.trim_end_matches('"').to_string(),
                )
            })
            .collect();
        let read = read_attributes(Naming::Element, &attributes);
        assert!(read.reading.is_clean(), "{:?}", read.reading.problems);
        assert_eq!(read.reading.scenario.scenario(), &scenario());
    }

    #[test]
    fn a_hostile_accent_is_left_out_of_every_way() {
        for way in Way::ALL {
            let choices = Choices {
                way,
                accent: Some("red\" onload=\"alert(1)".into()),
                ..Choices::default()
            };
            let snippet = snippet("https://calc.example/", &Scenario::default(), &choices, "t");
            assert!(
                !snippet.contains("onload") && !snippet.contains("alert"),
                "{snippet}"
            );
        }
    }

    #[test]
    fn every_way_is_read_back_from_its_name() {
        for way in Way::ALL {
            assert_eq!(Way::from_name(way.name()), Some(way));
        }
        assert_eq!(Way::from_name("script"), None);
    }
    #[test]
    fn lead_capture_goes_into_each_way_and_a_refused_endpoint_nowhere() {
        let lead = |way: Way, lead: LeadChoice| Choices {
            way,
            lead,
            consent: "I agree <b>".into(),
            variant: "B".into(),
            ..Choices::default()
        };
        let endpoint = LeadChoice::Endpoint("https://hooks.example/catch/1".into());
        let element = snippet(
            "https://calc.example/",
            &scenario(),
            &lead(Way::Element, endpoint.clone()),
            "t",
        );
        let setup = crate::leads::LeadSetup::from_attributes(&element_attributes_of(&element));
        assert_eq!(
            setup.endpoint.as_deref(),
            Some("https://hooks.example/catch/1")
        );
        assert_eq!(setup.variant.as_deref(), Some("B"));
        assert!(
            element.contains("lead-consent=\"I agree &lt;b&gt;\""),
            "{element}"
        );
        assert_eq!(endpoint.origin().as_deref(), Some("https://hooks.example"));
        let frame = snippet(
            "https://calc.example/",
            &scenario(),
            &lead(Way::Iframe, endpoint.clone()),
            "t",
        );
        assert!(
            frame.contains(" data-lead-endpoint=\"https://hooks.example/catch/1\""),
            "{frame}"
        );
        assert!(frame.contains(" data-variant=\"B\""), "{frame}");
        let shortcode = snippet(
            "https://calc.example/",
            &scenario(),
            &lead(Way::WordPress, endpoint),
            "t",
        );
        assert!(
            shortcode.contains(" lead=\"1\"") && shortcode.contains(" variant=\"B\""),
            "{shortcode}"
        );
        let form = snippet(
            "https://calc.example/",
            &scenario(),
            &lead(Way::Element, LeadChoice::Form("#contact".into())),
            "t",
        );
        assert!(form.contains(" lead-form=\"#contact\""), "{form}");
        assert!(
            !form.contains("lead-consent"),
            "a form of the host's own asks its own consent"
        );
        let refused = LeadChoice::Endpoint("javascript:alert(1)".into());
        assert_eq!(refused.origin(), None);
        for way in Way::ALL.into_iter().filter(|way| *way != Way::WordPress) {
            let code = snippet(
                "https://calc.example/",
                &scenario(),
                &lead(way, refused.clone()),
                "t",
            );
            assert!(
                !code.contains("javascript:") && !code.contains("lead-endpoint"),
                "{code}"
            );
        }
    }
}
