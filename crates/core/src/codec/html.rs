//! Text written into HTML outside Yew (the embed snippets, the static answer at first
//! paint): escaped once, here, so that nothing from a scenario or a translation can
//! become markup. Pure, tested natively.

/// Escapes text for HTML, as content or inside a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(escape("מחשבון ערך לקוח"), "מחשבון ערך לקוח");
    }
}
