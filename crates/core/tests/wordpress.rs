//! The WordPress plugin (`integrations/wordpress/customer-value-calculator/`) kept to the
//! calculator it prints: its shortcode and block accept exactly the element's attributes
//! (with underscores), its field labels are the form's own words in each language, and
//! every string it shows has its Hebrew, with none left over. The plugin itself runs in a
//! real WordPress in the end-to-end suite (`tests/e2e/wordpress.mjs`).
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::attributes::element_attributes;
use cvc_core::words::{field_text, Language};
use cvc_model::Field;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn plugin() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../integrations/wordpress/customer-value-calculator")
        .canonicalize()
        .expect("the plugin's folder")
}

fn read(path: &str) -> String {
    fs::read_to_string(plugin().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// What `source` has after `start`, up to `end`.
fn between(source: &str, start: &str, end: &str) -> String {
    let after = source
        .split_once(start)
        .unwrap_or_else(|| panic!("{start} is in the file"))
        .1;
    after.split(end).next().unwrap_or(after).to_string()
}

/// The single-quoted strings PHP's function `name` returns.
fn php_list(source: &str, name: &str) -> Vec<String> {
    let body = between(source, &format!("function {name}()"), ");");
    quoted(&body).into_iter().map(|(text, _)| text).collect()
}

/// Every single-quoted PHP string in `source`, with the text before it (comments, whose
/// apostrophes are not quotes, left out).
fn quoted(source: &str) -> Vec<(String, String)> {
    let code: String = source
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(start) = rest.find('\'') {
        let before = rest[..start].to_string();
        let mut text = String::new();
        let mut chars = rest[start + 1..].char_indices();
        let mut end = None;
        while let Some((at, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, escaped)) = chars.next() {
                        text.push(escaped);
                    }
                }
                '\'' => {
                    end = Some(start + 1 + at);
                    break;
                }
                _ => text.push(c),
            }
        }
        let end = end.expect("a closed string");
        found.push((text, before));
        rest = &rest[end + 1..];
    }
    found
}

/// `'key' => __( 'Label', 'customer-value-calculator' )`, entry after entry, as pairs.
fn labelled(section: &str) -> Vec<(String, String)> {
    let strings: Vec<String> = quoted(section).into_iter().map(|(text, _)| text).collect();
    strings
        .chunks(3)
        .map(|entry| (entry[0].clone(), entry[1].clone()))
        .collect()
}

/// The strings the plugin's PHP translates (`__`, `esc_html__`, `esc_html_e`, …).
fn translated_in_php() -> BTreeSet<String> {
    let mut strings = BTreeSet::new();
    for file in [
        "customer-value-calculator.php",
        "includes/settings.php",
        "includes/render.php",
        "includes/block.php",
        "includes/leads.php",
        "includes/leads-admin.php",
    ] {
        for (text, before) in quoted(&read(file)) {
            let call = before.trim_end().trim_end_matches('(').trim_end();
            if call.ends_with("__") || call.ends_with("_e") {
                strings.insert(text);
            }
        }
    }
    strings
}

/// A .po file's translations: (context, English) → Hebrew. Each string is on one line.
fn po(path: &str) -> BTreeMap<(String, String), String> {
    let unquote = |line: &str, key: &str| -> Option<String> {
        let text = line.strip_prefix(key)?.trim();
        Some(
            text.strip_prefix('"')?
                .strip_suffix('"')?
                .replace("\\\"", "\""),
        )
    };
    let mut entries = BTreeMap::new();
    let (mut context, mut english) = (String::new(), None::<String>);
    for line in read(path).lines() {
        if let Some(text) = unquote(line, "msgctxt") {
            context = text;
        } else if let Some(text) = unquote(line, "msgid") {
            english = Some(text);
        } else if let (Some(text), Some(id)) = (unquote(line, "msgstr"), english.take()) {
            if !id.is_empty() {
                entries.insert((std::mem::take(&mut context), id), text);
            }
        }
    }
    entries
}

/// The plugin's Hebrew for `english` is the calculator's own, `hebrew`.
fn assert_translated(po: &BTreeMap<(String, String), String>, english: &str, hebrew: &str) {
    assert_eq!(
        po.get(&(String::new(), english.to_string()))
            .map(String::as_str),
        Some(hebrew),
        "the Hebrew of {english:?}"
    );
}

#[test]
fn the_shortcode_and_the_block_accept_exactly_the_elements_attributes() {
    let attributes = read("includes/attributes.php");
    let element: Vec<String> = element_attributes()
        .into_iter()
        .filter(|name| name != "data-layer")
        .map(|name| name.replace('-', "_"))
        .collect();
    assert_eq!(
        php_list(&attributes, "customer_value_calculator_element_attributes"),
        element,
        "includes/attributes.php lists the element's attributes"
    );
    let block: serde_json::Value =
        serde_json::from_str(&read("block/block.json")).expect("block.json is JSON");
    let declared: BTreeSet<String> = block["attributes"]
        .as_object()
        .expect("attributes")
        .keys()
        .cloned()
        .collect();
    let lead = php_list(&attributes, "customer_value_calculator_lead_attributes");
    let accepted: BTreeSet<String> = element
        .into_iter()
        .chain(["events".to_string(), "loading".to_string()])
        .chain(lead.iter().cloned())
        .collect();
    assert_eq!(
        declared, accepted,
        "block.json declares the shortcode's attributes"
    );
    // Lead capture's: the plugin's own store (`lead`), and the element's own names, never
    // an endpoint or consent text from a post.
    let element_lead: Vec<String> = cvc_core::leads::element_attributes()
        .into_iter()
        .map(|name| name.replace('-', "_"))
        .collect();
    for name in &lead {
        assert!(
            name == cvc_core::snippets::WORDPRESS_LEADS || element_lead.contains(name),
            "{name} is one of the element's lead attributes"
        );
        assert!(
            !name.starts_with("lead_endpoint") && !name.starts_with("lead_consent"),
            "{name}"
        );
    }
    assert_eq!(block["textdomain"], "customer-value-calculator");
}

#[test]
fn the_blocks_field_labels_are_the_forms_own_words_in_each_language() {
    let section = between(
        &read("includes/block.php"),
        "function customer_value_calculator_field_labels()",
        "\n}",
    );
    let labels: BTreeMap<String, String> = labelled(&section).into_iter().collect();
    let hebrew = po("languages/customer-value-calculator-he_IL.po");
    assert_eq!(labels.len(), Field::ALL.len());
    for field in Field::ALL {
        let english = field_text(Language::English, field).label;
        assert_eq!(
            labels.get(field.name()).map(String::as_str),
            Some(english),
            "{}'s label",
            field.name()
        );
        assert_translated(&hebrew, english, field_text(Language::Hebrew, field).label);
    }
}

#[test]
fn every_string_the_plugin_shows_has_its_hebrew_and_none_is_left_over() {
    let hebrew = po("languages/customer-value-calculator-he_IL.po");
    let mut shown = translated_in_php();
    // What WordPress translates from the plugin's header and block.json.
    let header = read("customer-value-calculator.php");
    let description = header
        .lines()
        .find_map(|line| line.trim_start_matches(" * ").strip_prefix("Description:"))
        .expect("a description")
        .trim()
        .to_string();
    shown.insert(description);
    let block: serde_json::Value =
        serde_json::from_str(&read("block/block.json")).expect("block.json is JSON");
    let mut in_context = vec![
        (
            "block title",
            block["title"].as_str().expect("a title").to_string(),
        ),
        (
            "block description",
            block["description"]
                .as_str()
                .expect("a description")
                .to_string(),
        ),
    ];
    for keyword in block["keywords"].as_array().expect("keywords") {
        in_context.push(("block keyword", keyword.as_str().expect("text").to_string()));
    }
    let mut wanted: BTreeSet<(String, String)> = shown
        .into_iter()
        .map(|text| (String::new(), text))
        .collect();
    wanted.extend(in_context.into_iter().map(|(c, t)| (c.to_string(), t)));
    let have: BTreeSet<(String, String)> = hebrew.keys().cloned().collect();
    let missing: Vec<_> = wanted.difference(&have).collect();
    let unused: Vec<_> = have.difference(&wanted).collect();
    assert!(missing.is_empty(), "no Hebrew for {missing:?}");
    assert!(
        unused.is_empty(),
        "Hebrew for strings the plugin no longer has: {unused:?}"
    );
    for ((_, english), text) in &hebrew {
        assert!(
            !text.trim().is_empty(),
            "an empty translation of {english:?}"
        );
    }
}

#[test]
fn the_blocks_example_businesses_are_the_calculators_own() {
    use cvc_core::presets::Preset;
    use cvc_core::words::preset_text;
    let section = between(&read("includes/block.php"), "'presets'", "\t\t),");
    let named = labelled(&section);
    let hebrew = po("languages/customer-value-calculator-he_IL.po");
    let expected: Vec<(String, String)> = Preset::ALL
        .iter()
        .map(|preset| {
            let name = preset_text(Language::English, *preset).name;
            (preset.id().to_string(), name.to_string())
        })
        .collect();
    assert_eq!(named, expected);
    for preset in Preset::ALL {
        let english = preset_text(Language::English, preset).name;
        assert_translated(&hebrew, english, preset_text(Language::Hebrew, preset).name);
    }
}

#[test]
fn every_attribute_of_the_embed_panels_shortcode_is_one_the_plugin_accepts() {
    use cvc_core::codec::link::Show;
    use cvc_core::snippets::{snippet, Choices, LeadChoice, Way};
    use cvc_model::Scenario;
    let mut scenario = Scenario {
        lifetime_profit: 45_000.0,
        currency: "USD".into(),
        profit_margin: Some(0.3),
        ..Scenario::default()
    };
    for field in Field::AFFECTING_GAIN {
        let value = scenario.get(field);
        scenario.uncertainty.set(field, value * 0.5, value * 1.5);
    }
    let choices = Choices {
        way: Way::WordPress,
        language: Language::Hebrew,
        show: Show::Headline,
        accent: Some("#6d28d9".into()),
        events: true,
        lead: LeadChoice::Endpoint(String::new()),
        consent: "ignored on WordPress".into(),
        variant: "B".into(),
    };
    let mut shortcode = snippet("https://calc.example/", &scenario, &choices, "t");
    let form = Choices {
        lead: LeadChoice::Form("#contact".into()),
        ..choices
    };
    shortcode.push_str(&snippet("https://calc.example/", &scenario, &form, "t"));
    assert!(
        shortcode.contains(" lead=\"1\"") && shortcode.contains(" lead_form=\"#contact\""),
        "{shortcode}"
    );
    let attributes = read("includes/attributes.php");
    let accepted: BTreeSet<String> =
        php_list(&attributes, "customer_value_calculator_element_attributes")
            .into_iter()
            .chain(["events".to_string(), "loading".to_string()])
            .chain(php_list(
                &attributes,
                "customer_value_calculator_lead_attributes",
            ))
            .collect();
    let names: Vec<&str> = shortcode
        .split(['[', ']'])
        .flat_map(|code| {
            code.trim_start_matches("customer_value ")
                .split_whitespace()
        })
        .filter_map(|attribute| attribute.split_once('=').map(|(name, _)| name))
        .collect();
    assert!(names.len() > 10, "{shortcode}");
    for name in names {
        assert!(accepted.contains(name), "{name} in {shortcode}");
    }
}

/// The block's analytics switch says which figures go, in the Embed builder's own words.
#[test]
fn the_blocks_analytics_switch_says_what_goes_as_the_builder_does() {
    let section = between(&read("includes/block.php"), "'eventsHelp'", "),");
    let english = Language::English.extra_texts().embed_events_hint;
    assert!(section.contains(english), "{section}");
    let hebrew = po("languages/customer-value-calculator-he_IL.po");
    assert_translated(
        &hebrew,
        english,
        Language::Hebrew.extra_texts().embed_events_hint,
    );
}

/// The plugin prints the element by the tag the calculator defines.
#[test]
fn the_plugin_prints_the_elements_own_tag() {
    let render = read("includes/render.php");
    let tag = cvc_core::snippets::TAG;
    assert!(
        render.contains(&format!("$html       = '<{tag}';")),
        "render.php opens <{tag}>"
    );
    assert!(
        render.contains(&format!("'</{tag}>'")),
        "render.php closes </{tag}>"
    );
}

/// The block's preview sizes its frame by the calculator's own height message.
#[test]
fn the_blocks_preview_knows_the_calculators_height_message() {
    let attributes = read("includes/attributes.php");
    let constant = between(
        &attributes,
        "const CUSTOMER_VALUE_CALCULATOR_HEIGHT_MESSAGE = '",
        "'",
    );
    assert_eq!(constant, cvc_core::host_events::HEIGHT_MESSAGE);
}

/// Nothing of the bundle is enqueued in the block editor: its script would run in wp-admin
/// with the viewer's session. (The end-to-end suite checks the editor's page itself.)
#[test]
fn the_editor_enqueues_nothing_from_the_bundle() {
    let block = read("includes/block.php");
    let preview = between(
        &block,
        "function customer_value_calculator_editor_preview()",
        "add_action(",
    );
    assert!(!preview.contains("enqueue"), "{preview}");
    assert!(!read("block/editor.js").contains("embed.js"));
}

/// The consent the plugin's route checks a lead against is the wording the calculator
/// shows where the settings set none, in each language.
#[test]
fn the_plugins_default_consent_is_the_calculators_own_wording() {
    let leads = read("includes/leads.php");
    let consent: fn(Language) -> &'static str = |language| language.lead_texts().consent;
    let marketing: fn(Language) -> &'static str = |language| language.lead_texts().marketing;
    for (constant, word) in [
        ("CUSTOMER_VALUE_CALCULATOR_DEFAULT_CONSENT", consent),
        ("CUSTOMER_VALUE_CALCULATOR_DEFAULT_MARKETING", marketing),
    ] {
        let body = between(&leads, &format!("const {constant} = array("), ");");
        for language in Language::ALL {
            let entry = body
                .lines()
                .find_map(|line| {
                    line.trim()
                        .strip_prefix(&format!("'{}' => '", language.tag()))
                })
                .unwrap_or_else(|| panic!("{constant} has {}", language.tag()));
            assert_eq!(
                entry.trim_end_matches("',"),
                word(language),
                "{constant} in {}",
                language.tag()
            );
        }
    }
}
