//! Text from a record made safe to print inside the verifier's own
//! sentences. Records are attacker-controlled: a right-to-left override in
//! a name could turn a report's sentence around on screen or in a terminal,
//! and one huge value could swamp it.

/// The most characters of one piece of text kept in a report.
pub const MAX_CHARS: usize = 2000;

/// `text` with each control character (C0 and C1, and the bidi
/// embeddings, overrides and isolates) written as `[U+XXXX]`, and cut after
/// [`MAX_CHARS`] characters with the count of the rest. Tabs and line
/// breaks stay.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CHARS * 4));
    for c in text.chars().take(MAX_CHARS) {
        if is_hidden(c) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    let rest = text.chars().count().saturating_sub(MAX_CHARS);
    if rest > 0 {
        out.push_str(&format!("… [+{rest}]"));
    }
    out
}

/// Whether `c` reorders or hides the text around it.
fn is_hidden(c: char) -> bool {
    let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    bidi || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Replaces `text` with its printable form when it needs one.
pub fn make_printable(text: &mut String) {
    if text.chars().any(is_hidden) || text.len() > MAX_CHARS {
        *text = printable(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_controls_and_keeps_words() {
        assert_eq!(printable("Sam\u{202e}renraeL"), "Sam[U+202E]renraeL");
        assert_eq!(printable("a\u{0}b\u{9f}c"), "a[U+0000]b[U+009F]c");
        assert_eq!(printable("Zoë 学 😀\tline\n"), "Zoë 学 😀\tline\n");
        assert_eq!(printable("\u{2067}x\u{2069}"), "[U+2067]x[U+2069]");
    }

    #[test]
    fn cuts_long_text_with_the_count_of_the_rest() {
        let long = "é".repeat(MAX_CHARS + 5);
        let shown = printable(&long);
        assert!(shown.ends_with("… [+5]"), "{}", &shown[shown.len() - 20..]);
        assert_eq!(shown.chars().filter(|c| *c == 'é').count(), MAX_CHARS);

        let mut text = long.clone();
        make_printable(&mut text);
        assert_eq!(text, shown);
    }
}
