//! Trusted issuers: a list the caller supplies, matched against a
//! credential's issuer.
//!
//! A list is JSON in one of two shapes:
//! - this project's: `{"name": "…", "issuers": [{"id": "did:web:…", "name": "…"},
//!   {"prefix": "https://example.edu/", "name": "…"}]}`;
//! - a Digital Credentials Consortium issuer registry (legacy format):
//!   `{"registry": {"did:key:…": {"name": "…", "url": "…"}, …}}`.
//!
//! A plain array of strings is accepted too; an entry ending in `*` is a
//! prefix. Being absent from the list is a note, never a failure.

use serde_json::Value;

/// One rule of a trust list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedIssuer {
    /// An issuer id (exact) or the start of one (`prefix`).
    pub pattern: String,
    /// Whether `pattern` is a prefix.
    pub prefix: bool,
    /// A display name, when the list gives one.
    pub name: Option<String>,
}

/// The caller's trusted issuers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustList {
    /// The list's own name, when it has one.
    pub name: Option<String>,
    /// Its rules.
    pub issuers: Vec<TrustedIssuer>,
}

/// Why a trust list could not be read; a misuse, reported to the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustListError {
    /// What is wrong, lower-case.
    pub reason: String,
}

impl std::fmt::Display for TrustListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the trusted-issuer list is not valid: {}", self.reason)
    }
}

impl std::error::Error for TrustListError {}

impl TrustList {
    /// Reads a list from JSON text; fails with the reason when the shape is
    /// none of the accepted ones or an entry is empty.
    pub fn parse(text: &str) -> Result<Self, TrustListError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| error(format!("not JSON ({e})")))?;
        Self::from_value(&value)
    }

    /// Reads a list from parsed JSON; fails as [`TrustList::parse`].
    pub fn from_value(value: &Value) -> Result<Self, TrustListError> {
        let name = value.get("name").and_then(Value::as_str).map(str::to_owned);
        let issuers = match value {
            Value::Array(items) => items.iter().map(entry).collect::<Result<_, _>>()?,
            Value::Object(map) if map.contains_key("issuers") => match map.get("issuers") {
                Some(Value::Array(items)) => items.iter().map(entry).collect::<Result<_, _>>()?,
                _ => return Err(error("\"issuers\" must be an array".into())),
            },
            Value::Object(map) if map.contains_key("registry") => registry(map.get("registry"))?,
            _ => {
                return Err(error(
                    "expected an array, {\"issuers\": […]} or {\"registry\": {…}}".into(),
                ))
            }
        };
        Ok(Self { name, issuers })
    }

    /// The first rule that matches `issuer`, exact rules before prefixes.
    pub fn find(&self, issuer: &str) -> Option<&TrustedIssuer> {
        let exact = self
            .issuers
            .iter()
            .find(|rule| !rule.prefix && rule.pattern == issuer);
        exact.or_else(|| {
            self.issuers
                .iter()
                .find(|rule| rule.prefix && issuer.starts_with(&rule.pattern))
        })
    }
}

fn entry(item: &Value) -> Result<TrustedIssuer, TrustListError> {
    let (pattern, prefix, name) = match item {
        Value::String(text) => match text.strip_suffix('*') {
            Some(start) => (start.to_owned(), true, None),
            None => (text.clone(), false, None),
        },
        Value::Object(map) => {
            let name = map.get("name").and_then(Value::as_str).map(str::to_owned);
            match (
                map.get("id").and_then(Value::as_str),
                map.get("prefix").and_then(Value::as_str),
            ) {
                (Some(id), None) => (id.to_owned(), false, name),
                (None, Some(start)) => (start.to_owned(), true, name),
                _ => {
                    return Err(error(format!(
                        "entry {item} needs exactly one of \"id\" or \"prefix\""
                    )))
                }
            }
        }
        other => {
            return Err(error(format!(
                "entry {other} is neither a string nor an object"
            )))
        }
    };
    if pattern.is_empty() {
        return Err(error(
            "an entry is empty, which would trust every issuer".into(),
        ));
    }
    Ok(TrustedIssuer {
        pattern,
        prefix,
        name,
    })
}

fn registry(value: Option<&Value>) -> Result<Vec<TrustedIssuer>, TrustListError> {
    let Some(Value::Object(map)) = value else {
        return Err(error(
            "\"registry\" must be an object keyed by issuer id".into(),
        ));
    };
    let rules = map
        .iter()
        .filter(|(id, _)| !id.is_empty())
        .map(|(id, details)| TrustedIssuer {
            pattern: id.clone(),
            prefix: false,
            name: details
                .get("name")
                .and_then(Value::as_str)
                .map(str::to_owned),
        });
    Ok(rules.collect())
}

fn error(reason: String) -> TrustListError {
    TrustListError { reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_shape() {
        let ours = r#"{"name": "Our list", "issuers": [{"id": "did:web:a.example", "name": "A"},
            {"prefix": "https://b.example/issuers/"}]}"#;
        let list = TrustList::parse(ours).unwrap();
        assert_eq!(
            list.find("did:web:a.example")
                .and_then(|r| r.name.clone())
                .as_deref(),
            Some("A")
        );
        assert!(list.find("https://b.example/issuers/7").is_some());
        assert!(list.find("https://b.example/other").is_none());

        let registry = r#"{"meta": {}, "registry": {"did:key:z6Mk1": {"name": "DCC test"}}}"#;
        assert!(TrustList::parse(registry)
            .unwrap()
            .find("did:key:z6Mk1")
            .is_some());
        let plain = r#"["did:key:z6Mk2", "https://c.example/*"]"#;
        assert!(TrustList::parse(plain)
            .unwrap()
            .find("https://c.example/x")
            .is_some());
    }

    #[test]
    fn malformed_lists_say_why() {
        for bad in [
            "{",
            "42",
            r#"{"issuers": {}}"#,
            r#"[{"id": "a", "prefix": "b"}]"#,
            r#"[""]"#,
            "[\"*\"]",
        ] {
            let error = TrustList::parse(bad).unwrap_err();
            assert!(!error.reason.is_empty(), "{bad}");
        }
    }
}
