//! The accent colour a host may give an embedded calculator (`accent`, `data-accent`,
//! `?accent=`): checked here, as text, before the browser is asked whether it is a colour.
//! Pure, so it is tested natively.

/// A CSS colour an embed may set as its accent: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`,
/// `rgb(…)`, `rgba(…)`, `hsl(…)`, `hsla(…)` with plain numbers inside, or a colour name of
/// letters only. Anything else (`url(…)`, `;`, quotes, `var(…)`) is refused here, before
/// the browser is asked whether it is a colour at all. So is a colour that cannot be seen
/// ([`is_invisible`]): the accent draws focus outlines and button labels.
pub fn accent_colour(text: &str) -> Option<String> {
    let colour = accent_shape(text)?;
    (!is_invisible(&colour)).then_some(colour)
}

/// Keywords that are no colour of their own, and colours with no opacity: as an accent they
/// would hide focus outlines and the labels of buttons.
fn is_invisible(colour: &str) -> bool {
    const KEYWORDS: [&str; 7] = [
        "transparent",
        "currentcolor",
        "inherit",
        "initial",
        "unset",
        "revert",
        "none",
    ];
    if KEYWORDS.contains(&colour) {
        return true;
    }
    // #rgba and #rrggbbaa with an alpha of 0.
    if let Some(digits) = colour.strip_prefix('#') {
        return match digits.len() {
            4 => digits.ends_with('0'),
            8 => digits.ends_with("00"),
            _ => false,
        };
    }
    // The alpha of a functional colour: its fourth comma-separated value, or what follows
    // the slash.
    let Some(inside) = colour
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
    else {
        return false;
    };
    let alpha = match inside.split_once('/') {
        Some((_, alpha)) => Some(alpha),
        None => inside.split(',').nth(3),
    };
    // Zero or below (a negative alpha is taken as 0), read without a float parser (the
    // page's wasm leaves number text to the browser: codec::decimal).
    alpha.is_some_and(|alpha| {
        let alpha = alpha.trim();
        let number = alpha.strip_suffix('%').unwrap_or(alpha);
        let digits = number.strip_prefix('+').unwrap_or(number);
        digits.starts_with('-')
            || (digits.contains('0') && digits.chars().all(|c| c == '0' || c == '.'))
    })
}

/// The shape check of [`accent_colour`].
fn accent_shape(text: &str) -> Option<String> {
    let text = text.trim();
    let hex = text
        .strip_prefix('#')
        .filter(|digits| {
            matches!(digits.len(), 3 | 4 | 6 | 8) && digits.bytes().all(|b| b.is_ascii_hexdigit())
        })
        .is_some();
    let functional = ["rgb(", "rgba(", "hsl(", "hsla("].iter().any(|start| {
        text.strip_prefix(start)
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|inside| {
                // Angles may carry their unit: hsl(210deg 90% 40%).
                let inside = inside.replace("deg", "");
                !inside.trim().is_empty()
                    && inside.chars().all(|c| {
                        c.is_ascii_digit() || matches!(c, '.' | '%' | ',' | ' ' | '/' | '-' | '+')
                    })
            })
    });
    let name = (3..=20).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase());
    (hex || functional || name).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accent_colours_are_checked() {
        for good in [
            "#0b5cad",
            "#fff",
            "#0b5cad80",
            "rgb(11, 92, 173)",
            "hsl(210 90% 40%)",
            "hsl(210deg 90% 40% / 0.5)",
            "teal",
        ] {
            assert!(accent_colour(good).is_some(), "{good}");
        }
        for bad in [
            "transparent",
            "currentcolor",
            "inherit",
            "#0000",
            "#0b5cad00",
            "rgba(11, 92, 173, 0)",
            "rgb(11 92 173 / 0%)",
            "hsl(210deg 90% 40% / 0)",
            "hsla(210, 90%, 40%, 0.0)",
            "url(x)",
            "red; background: url(//evil)",
            "#12345",
            "expression(alert(1))",
            "var(--x)",
            "\"red\"",
            "rgb(1,2,3);",
            "",
            "Red",
        ] {
            assert!(accent_colour(bad).is_none(), "{bad}");
        }
    }
}
