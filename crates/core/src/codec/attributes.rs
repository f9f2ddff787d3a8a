//! An embed's attributes, read the way a link is read ([`crate::codec::link`]): the same
//! keys, on a script embed's container with `data-` before them and hyphens for underscores
//! (`data-lifetime-profit="45000"`), and on the `<customer-value-calculator>` element
//! without `data-` (`lifetime-profit="45000"`). [`Naming`] says which; [`read_attributes`]
//! is the one reader of both. Pure, so it is tested natively.

use crate::codec::field_reader::{COUNT_AFTER_HORIZON, CURRENCY, DRAWS};
use crate::codec::link::{
    read_pairs, LinkReading, ACCENT, DATA_LAYER, LANG, PRESET, RANGE_SUFFIX, SHOW, VARIES_SUFFIX,
};
use cvc_model::{Field, Scenario};

/// The custom element's attribute that stands for [`DATA_LAYER`].
const DATA_LAYER_ATTRIBUTE: &str = "data-layer";

/// How a host names the calculator's settings in its attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// A script embed's container: `data-lifetime-profit`, and the `data-customer-value`
    /// marker.
    Container,
    /// The custom element: `lifetime-profit`, beside the host's own attributes (`class`,
    /// `id`, …).
    Element,
}

impl Naming {
    /// The key an attribute stands for (`lifetime_profit`), or `None` for one that is not
    /// the calculator's.
    pub fn key_of(self, attribute: &str) -> Option<String> {
        match self {
            Naming::Container => container_key(attribute),
            Naming::Element => element_key(attribute),
        }
    }
}

/// Reads a host's attributes, (name, value) as the page has them, the way a link is read
/// ([`read_pairs`]); attributes that are not the calculator's are passed over. (The embed
/// passes over its host's other settings first: lead capture's and the analytics consent,
/// `crate::leads::is_host_setting`.)
pub fn read_attributes(naming: Naming, attributes: &[(String, String)]) -> LinkReading {
    let pairs: Vec<(String, String)> = attributes
        .iter()
        .filter_map(|(name, value)| Some((naming.key_of(name)?, value.clone())))
        .collect();
    read_pairs(&pairs, Scenario::default())
}

/// The attribute that marks a script embed's container.
pub const MARKER: &str = "data-customer-value";

/// The key an embed attribute stands for: `data-lifetime-profit` → `lifetime_profit`.
/// Attributes that are not `data-` ones, and the marker itself, stand for nothing.
fn container_key(attribute: &str) -> Option<String> {
    if attribute == DATA_LAYER_ATTRIBUTE {
        return Some(DATA_LAYER.into());
    }
    let name = attribute.strip_prefix("data-")?;
    if name == "customer-value" || name.is_empty() {
        return None;
    }
    Some(name.replace('-', "_"))
}

/// Every attribute of the `<customer-value-calculator>` element: the script embed's,
/// without `data-` (`lifetime-profit`, `lifetime-profit-range`, `lang`, `show`, …), and
/// `data-layer`.
pub fn element_attributes() -> Vec<String> {
    let mut keys: Vec<String> = [
        LANG,
        CURRENCY,
        PRESET,
        SHOW,
        ACCENT,
        COUNT_AFTER_HORIZON,
        DRAWS,
    ]
    .iter()
    .map(|key| key.to_string())
    .collect();
    keys.extend(Field::ALL.iter().map(|field| field.name().to_string()));
    for field in Field::AFFECTING_GAIN {
        keys.push(format!("{}{RANGE_SUFFIX}", field.name()));
        keys.push(format!("{}{VARIES_SUFFIX}", field.name()));
    }
    let mut names: Vec<String> = keys.iter().map(|key| key.replace('_', "-")).collect();
    names.push(DATA_LAYER_ATTRIBUTE.into());
    names
}

/// The key a custom element's attribute stands for (`lifetime-profit` → `lifetime_profit`),
/// or `None` for an attribute that is not one of the calculator's (`class`, `id`, …: the
/// host's own).
fn element_key(name: &str) -> Option<String> {
    let name = name.to_ascii_lowercase();
    if name == DATA_LAYER_ATTRIBUTE {
        return Some(DATA_LAYER.into());
    }
    element_attributes()
        .contains(&name)
        .then(|| name.replace('-', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::link::{decode, pairs, Show};
    use crate::words::Language;

    #[test]
    fn every_scenario_key_has_an_element_attribute_and_back() {
        let mut scenario = Scenario {
            lifetime_profit: 45_000.0,
            currency: "USD".into(),
            count_after_horizon: false,
            profit_margin: Some(0.3),
            ..Scenario::default()
        };
        scenario
            .uncertainty
            .set(Field::LifetimeProfit, 30_000.0, 60_000.0);
        scenario
            .uncertainty
            .set_varies(Field::AcquisitionCost, true);
        scenario.uncertainty.draws = 500;
        let attributes: Vec<(String, String)> = pairs(&scenario, Language::Hebrew)
            .into_iter()
            .map(|(key, value)| (key.replace('_', "-"), value))
            .collect();
        for (name, _) in &attributes {
            assert!(element_attributes().contains(name), "{name}");
            assert!(Naming::Element.key_of(name).is_some(), "{name}");
        }
        let read = read_attributes(Naming::Element, &attributes);
        assert!(read.reading.is_clean(), "{:?}", read.reading.problems);
        assert_eq!(read.reading.scenario.scenario(), &scenario);
        assert_eq!(read.view.language, Some(Language::Hebrew));
    }

    #[test]
    fn the_hosts_own_attributes_are_not_the_calculators() {
        for name in [
            "class",
            "id",
            "style",
            "loading",
            "data-lifetime-profit",
            "part",
        ] {
            assert_eq!(Naming::Element.key_of(name), None, "{name}");
        }
        assert_eq!(
            Naming::Element.key_of("LIFETIME-PROFIT").as_deref(),
            Some("lifetime_profit")
        );
        assert_eq!(
            Naming::Element.key_of("data-layer").as_deref(),
            Some(DATA_LAYER)
        );
        let read = read_attributes(
            Naming::Element,
            &[
                ("class".into(), "big".into()),
                ("data-layer".into(), "".into()),
                ("show".into(), "headline".into()),
            ],
        );
        assert!(read.reading.unknown.is_empty() && !read.has_scenario);
        assert!(read.view.data_layer);
        assert_eq!(read.view.show, Show::Headline);
    }

    #[test]
    fn attributes_are_read_as_the_link_is() {
        let attributes: Vec<(String, String)> = [
            ("data-customer-value", ""),
            ("class", "widget"),
            ("data-lifetime-profit", "45000"),
            ("data-lang", "he"),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
        let from_attributes = read_attributes(Naming::Container, &attributes);
        let from_link = decode("?lifetime_profit=45000&lang=he");
        assert_eq!(from_attributes, from_link);
        assert_eq!(from_attributes.reading.scenario.lifetime_profit, 45_000.0);
    }

    #[test]
    fn attributes_name_the_same_keys() {
        assert_eq!(
            Naming::Container.key_of("data-lifetime-profit").as_deref(),
            Some("lifetime_profit")
        );
        assert_eq!(Naming::Container.key_of("data-customer-value"), None);
        assert_eq!(Naming::Container.key_of("class"), None);
        let pairs = vec![
            ("preset".to_string(), "b2b-services".to_string()),
            ("lifetime_profit".to_string(), "45000".to_string()),
            ("lang".to_string(), "en".to_string()),
            ("show".to_string(), "headline".to_string()),
            ("accent".to_string(), "#c2410c".to_string()),
        ];
        let link = read_pairs(&pairs, Scenario::default());
        assert_eq!(link.reading.scenario.currency, "USD", "from the preset");
        assert_eq!(link.reading.scenario.lifetime_profit, 45_000.0);
        assert_eq!(link.view.show, Show::Headline);
        assert_eq!(link.view.accent.as_deref(), Some("#c2410c"));
    }
}
