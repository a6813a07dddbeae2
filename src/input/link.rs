//! A link typed, pasted or scanned instead of a record: recognised here,
//! opened through the caller's fetch like every other lookup.

use crate::fetch::{Fetch, FetchError, Lookups};
use crate::options::Limits;

use super::Detected;

/// The longest link accepted; anything longer is not a link someone typed.
const MAX_LINK_CHARS: usize = 4096;

/// Whether `text` is one http(s) URL and nothing else.
pub fn is_link(text: &str) -> bool {
    let lower: String = text
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = lower.starts_with("https://") || lower.starts_with("http://");
    has_scheme && text.len() <= MAX_LINK_CHARS && !text.contains(char::is_whitespace)
}

/// What a link leads to, with the form it came in (`json`, `png`…, or
/// `link` when nothing was fetched): the record it holds, read like any
/// input, or a sentence saying why there is none. A link that leads to
/// another link comes back as [`Detected::Link`] and is not followed.
pub async fn open<F: Fetch>(
    lookups: &Lookups<'_, F>,
    url: &str,
    limits: &Limits,
) -> (Detected, &'static str) {
    match lookups.get(url, "the record the link points to").await {
        Ok(fetched) => (
            fetched_record(fetched.content_type.as_deref(), &fetched.body, limits),
            super::source_of(&fetched.body),
        ),
        Err(error) => (unopened(&error), "link"),
    }
}

fn fetched_record(content_type: Option<&str>, body: &[u8], limits: &Limits) -> Detected {
    if is_web_page(content_type, body) {
        return Detected::Unsupported {
            what: "a web page",
            message: "This link opens a web page, not a credential; download the credential file from that page and check the file instead.".into(),
        };
    }
    super::detect_bytes(body, limits)
}

fn unopened(error: &FetchError) -> Detected {
    if *error == FetchError::Offline {
        return Detected::Unopened {
            detail: error.to_string(),
            message: "This is a link to a record; lookups are switched off, so it was not opened. Switch lookups on, or download the record and check the file.".into(),
        };
    }
    Detected::Unopened {
        detail: error.to_string(),
        message: format!("The record at this link could not be fetched: {error}."),
    }
}

/// An HTML answer: one that begins like a web page, or one declared as
/// HTML that begins with markup (an SVG badge is not a web page).
fn is_web_page(content_type: Option<&str>, body: &[u8]) -> bool {
    let start: Vec<u8> = body
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take(15)
        .map(|byte| byte.to_ascii_lowercase())
        .collect();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return true;
    }
    let declared = content_type.is_some_and(|kind| {
        let kind = kind.to_ascii_lowercase();
        kind.starts_with("text/html") || kind.starts_with("application/xhtml")
    });
    declared && start.starts_with(b"<")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_links() {
        assert!(is_link("https://example.org/badge.json"));
        assert!(is_link("HTTP://127.0.0.1:8080/a"));
        assert!(!is_link("https://example.org/a b"));
        assert!(!is_link("ftp://example.org/a"));
        assert!(!is_link(&format!("https://e.org/{}", "a".repeat(5000))));
    }

    #[test]
    fn tells_web_pages_from_badges() {
        assert!(is_web_page(
            Some("text/html; charset=utf-8"),
            b"<body><svg/>"
        ));
        assert!(!is_web_page(Some("text/html"), b"{}"));
        assert!(!is_web_page(Some("application/json"), b"{\"a\": 1}"));
        assert!(is_web_page(None, b"\n <!DOCTYPE html><html>"));
        assert!(!is_web_page(
            None,
            b"<svg xmlns='http://www.w3.org/2000/svg'/>"
        ));
    }
}
