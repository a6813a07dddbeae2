//! Recognising what the input is and unwrapping the credentials in it.
//!
//! Anything that is not a credential this verifier supports still gets a
//! plain answer: what it looks like, and that it is not supported (yet).

mod duplicates;
mod link;
mod wallet;

pub use link::open as open_link;

use serde_json::Value;

use crate::baking::{Baking, UnbakeError, Unbaked};
use crate::options::Limits;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// What the input turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Detected {
    /// A JSON Verifiable Credential.
    Credential(Value),
    /// A JSON Verifiable Presentation (its credentials are verified one by one).
    Presentation(Value),
    /// A compact JWS, presumably a VC-JWT: pasted, a `.jwt` file, or the
    /// `jwt` member of a JSON wrapper `{"jwt": "…"}`.
    Jwt(String),
    /// An http(s) link, to be opened with [`open_link`].
    Link(String),
    /// A link that could not be opened: lookups are off or the fetch
    /// failed, so nothing can be said about the record yet.
    Unopened {
        /// Why, for developers.
        detail: String,
        /// One sentence for the reader.
        message: String,
    },
    /// A record in a form this verifier does not handle (yet): it could not
    /// be checked, which is not the same as being invalid.
    Unsupported {
        /// What it looks like, for example "an Open Badges 2.0 assertion".
        what: &'static str,
        /// One sentence for the reader.
        message: String,
    },
    /// Something that is not a credential, or could not be read at all.
    Unreadable {
        /// Why, for developers.
        detail: String,
        /// One sentence for the reader.
        message: String,
    },
}

/// Recognises raw bytes: JSON text, or something else named by its shape.
pub fn detect_bytes(bytes: &[u8], limits: &Limits) -> Detected {
    if bytes.len() > limits.max_input_bytes {
        let message = format!(
            "The input is {} bytes, more than the {} bytes this verifier accepts.",
            bytes.len(),
            limits.max_input_bytes
        );
        return Detected::Unreadable {
            detail: "input too large".into(),
            message,
        };
    }
    if bytes.starts_with(PNG_SIGNATURE) {
        return unbaked(crate::baking::unbake_png(bytes), "PNG", limits);
    }
    if let Some(what) = binary_kind(bytes) {
        let message =
            format!("This is {what}; badges carry their credential in PNG or SVG images only.");
        return Detected::Unreadable {
            detail: format!("{what}, not PNG or SVG"),
            message,
        };
    }

    let Ok(text) = std::str::from_utf8(bytes) else {
        let message = "The input is neither text nor an image this verifier recognises.".into();
        return Detected::Unreadable {
            detail: "not UTF-8".into(),
            message,
        };
    };
    detect_text(text.trim_start_matches('\u{feff}').trim(), limits)
}

fn detect_text(text: &str, limits: &Limits) -> Detected {
    if text.is_empty() {
        let message = "The input is empty.".into();
        return Detected::Unreadable {
            detail: "empty input".into(),
            message,
        };
    }
    if crate::jwt::looks_like_compact(text) {
        return Detected::Jwt(text.to_owned());
    }
    if text.starts_with('<') && text.contains("<svg") {
        return unbaked(crate::baking::unbake_svg(text), "SVG", limits);
    }
    if text.starts_with('<') {
        return unsupported(
            "a web page",
            "This is a web page, not a credential; download the credential file (JSON, PNG or SVG) and check that instead.",
        );
    }
    if link::is_link(text) {
        return Detected::Link(text.to_owned());
    }
    if let Some(found) = wallet::from_text(text) {
        return wallet_text(found);
    }
    if !text.starts_with(['{', '[', '"']) {
        return not_a_record(text);
    }

    match serde_json::from_str::<Value>(text) {
        Ok(value) => match duplicates::first_duplicate(text) {
            Some(key) => Detected::Unreadable {
                detail: format!("duplicate key {key:?}"),
                message: format!(
                    "The record names \"{key}\" twice in one place; programs disagree on which \
                     value counts, so it cannot be trusted."
                ),
            },
            None => detect_value(value, limits),
        },
        Err(error) => Detected::Unreadable {
            detail: format!("invalid JSON: {error}"),
            message: json_problem(&error),
        },
    }
}

/// A record in the wallet's compressed form cannot be read yet; requests,
/// offers and identifiers are not records at all.
fn wallet_text(found: wallet::WalletText) -> Detected {
    if found.is_record {
        return unsupported(found.what, found.message);
    }
    Detected::Unreadable {
        detail: found.what.into(),
        message: found.message.into(),
    }
}

/// Text that is neither JSON, a JWT, a link nor anything a wallet sends,
/// quoted by its beginning so the reader recognises it.
fn not_a_record(text: &str) -> Detected {
    let mut start: String = text.chars().take(40).collect();
    if start.len() < text.len() {
        start.push('…');
    }
    Detected::Unreadable {
        detail: "plain text".into(),
        message: format!(
            "This text is not a credential, a link to one or a JWT; it begins \"{start}\"."
        ),
    }
}

/// What an image held: its baked text, read like any input, or a clear
/// answer when it holds nothing or only an Open Badges 2.0 assertion.
fn unbaked(found: Result<Unbaked, UnbakeError>, kind: &str, limits: &Limits) -> Detected {
    match found {
        Ok(Unbaked { baking: Baking::OpenBadges2, .. }) => unsupported(
            "an Open Badges 2.0 baked badge",
            "This image carries an Open Badges 2.0 assertion, the older format; this verifier checks Open Badges 3.0 and CLR 2.0.",
        ),
        Ok(Unbaked { payload, .. }) => detect_text(payload.trim(), limits),
        Err(UnbakeError::NotBaked) => Detected::Unreadable {
            detail: format!("{kind} without a baked credential"),
            message: format!("This {kind} image has no credential baked into it; it is only a picture of a badge."),
        },
        Err(error) => Detected::Unreadable {
            detail: error.to_string(),
            message: format!("The {kind} image could not be read: {error}."),
        },
    }
}

/// Where input bytes came from, for the report: `png`, `svg`, `jwt` or `json`.
pub fn source_of(bytes: &[u8]) -> &'static str {
    let text = std::str::from_utf8(bytes).map(|t| t.trim_start_matches('\u{feff}').trim());
    match text {
        _ if bytes.starts_with(PNG_SIGNATURE) => "png",
        Ok(text) if text.starts_with('<') => "svg",
        Ok(text) if crate::jwt::looks_like_compact(text) => "jwt",
        _ => "json",
    }
}

/// Says why JSON did not parse, separating limits from syntax errors.
fn json_problem(error: &serde_json::Error) -> String {
    let text = error.to_string();
    if text.contains("recursion limit") {
        return "The JSON is nested too deeply to be a credential.".into();
    }
    if text.contains("number out of range") {
        return format!(
            "The JSON holds a number too large to represent (line {}, column {}).",
            error.line(),
            error.column()
        );
    }
    format!(
        "The text is not valid JSON (line {}, column {}).",
        error.line(),
        error.column()
    )
}

/// Recognises an already parsed JSON value.
pub fn detect_value(value: Value, limits: &Limits) -> Detected {
    if depth_of(&value) > limits.max_depth {
        let message = format!(
            "The JSON is nested more than {} levels deep.",
            limits.max_depth
        );
        return Detected::Unreadable {
            detail: "JSON too deep".into(),
            message,
        };
    }
    if let Some(jwt) = value.get("jwt").and_then(Value::as_str) {
        if crate::jwt::looks_like_compact(jwt.trim()) {
            return Detected::Jwt(jwt.trim().to_owned());
        }
    }

    let types = crate::model::types_of(&value);
    let has = |name: &str| types.iter().any(|t| t == name);
    if has("VerifiablePresentation") {
        return Detected::Presentation(value);
    }
    if has("VerifiableCredential") {
        return Detected::Credential(value);
    }
    classify_other(value)
}

fn classify_other(value: Value) -> Detected {
    if let Some(found) = wallet::from_json(&value) {
        return wallet_text(found);
    }
    if is_open_badges_2(&value) {
        return unsupported(
            "an Open Badges 2.0 assertion",
            "This is an Open Badges 2.0 assertion, the older format; this verifier checks Open Badges 3.0 and CLR 2.0.",
        );
    }
    let message = if value.is_object() && value.get("@context").is_some() {
        "This JSON-LD document is not a Verifiable Credential (its type has no VerifiableCredential)."
    } else {
        "This JSON is not a Verifiable Credential: it has no @context and no VerifiableCredential type."
    };
    Detected::Unreadable {
        detail: "not a credential".into(),
        message: message.into(),
    }
}

fn is_open_badges_2(value: &Value) -> bool {
    let context = value
        .get("@context")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let types = crate::model::types_of(value);
    context.contains("w3id.org/openbadges/v2") || types.iter().any(|t| t == "Assertion")
}

fn unsupported(what: &'static str, message: &str) -> Detected {
    Detected::Unsupported {
        what,
        message: message.to_owned(),
    }
}

fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some("a JPEG image");
    }
    if bytes.starts_with(b"GIF8") {
        return Some("a GIF image");
    }
    None
}

/// Nesting depth, measured without recursion so a deep value cannot
/// exhaust the stack.
pub(crate) fn depth_of(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match node {
            Value::Array(items) => stack.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(map) => stack.extend(map.values().map(|item| (item, depth + 1))),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(input: &str) -> String {
        match detect_bytes(input.as_bytes(), &Limits::default()) {
            Detected::Credential(_) => "credential".into(),
            Detected::Presentation(_) => "presentation".into(),
            Detected::Jwt(_) => "jwt".into(),
            Detected::Link(_) => "link".into(),
            Detected::Unopened { detail, .. } => detail,
            Detected::Unsupported { what, .. } => what.into(),
            Detected::Unreadable { detail, .. } => detail,
        }
    }

    #[test]
    fn names_what_it_sees() {
        assert_eq!(what(r#"{"type": ["VerifiableCredential"]}"#), "credential");
        assert_eq!(
            what(r#"{"type": "VerifiablePresentation"}"#),
            "presentation"
        );
        assert_eq!(
            what(r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}"#),
            "an Open Badges 2.0 assertion"
        );
        assert_eq!(what("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"), "jwt");
        assert_eq!(
            what(r#"{"jwt": " eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln "}"#),
            "jwt"
        );
        assert_eq!(what(r#"{"a": 1}"#), "not a credential");
        assert_eq!(what("   "), "empty input");
        assert!(what("{not json").starts_with("invalid JSON"));
        assert_eq!(what("https://example.org/badge.json"), "link");
        assert_eq!(what("VP1-B3-AAAA"), "a VPQR compressed presentation");
        assert_eq!(what("Hello, recruiter"), "plain text");
        assert_eq!(
            what(r#"{"query": {"type": "DIDAuthentication"}}"#),
            "a presentation request"
        );
    }

    #[test]
    fn refuses_deep_and_large_inputs() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(what(&deep), "JSON too deep");
        let limits = Limits {
            max_input_bytes: 10,
            ..Limits::default()
        };
        assert!(matches!(
            detect_bytes(&[b' '; 11], &limits),
            Detected::Unreadable { .. }
        ));
    }

    #[test]
    fn recognises_images() {
        let truncated_png = b"\x89PNG\r\n\x1a\n rest";
        assert!(matches!(
            detect_bytes(truncated_png, &Limits::default()),
            Detected::Unreadable { .. }
        ));
        let jpeg = [0xff, 0xd8, 0xff, 0xe0];
        assert!(matches!(
            detect_bytes(&jpeg, &Limits::default()),
            Detected::Unreadable { .. }
        ));
        let empty_svg = r#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert_eq!(what(empty_svg), "SVG without a baked credential");
        assert_eq!(what("<html><body>hi</body></html>"), "a web page");
    }
}
