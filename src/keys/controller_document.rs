//! Finding a verification method in a DID or controller document, and
//! whether its controller authorises it for `assertionMethod`.
//!
//! [Controlled Identifiers §2.2 Verification Methods](https://www.w3.org/TR/cid-1.0/#verification-methods)
//! and [§2.3.2 Assertion](https://www.w3.org/TR/cid-1.0/#assertion). DID
//! documents are read as plain JSON: their terms are fixed by the DID and CID
//! specifications, so no JSON-LD processing is needed to find a key.

use serde_json::Value;

use crate::model::one_or_many;

/// A verification method as found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundMethod {
    /// The method's absolute id.
    pub id: String,
    /// Its declared controller (the document's `id` when absent).
    pub controller: Option<String>,
    /// Its `type` (`Multikey`, `JsonWebKey`, …), when given.
    pub method_type: Option<String>,
    /// `publicKeyMultibase`, when given.
    pub public_key_multibase: Option<String>,
    /// `publicKeyJwk`, when given.
    pub public_key_jwk: Option<Value>,
    /// Whether the document lists it under `assertionMethod`.
    pub for_assertion: bool,
}

/// Looks for the method `wanted` in `document` (the document itself, its
/// `verificationMethod` list, or embedded in `assertionMethod`).
pub fn find_method(document: &Value, wanted: &str) -> Option<FoundMethod> {
    let base = document.get("id").and_then(Value::as_str);
    let node = candidates(document).into_iter().find(|node| {
        node.get("id")
            .and_then(Value::as_str)
            .map(|id| absolute(id, base))
            == Some(wanted.to_owned())
    })?;

    let controller = text(node, "controller");
    Some(FoundMethod {
        id: wanted.to_owned(),
        controller: controller.or_else(|| base.map(str::to_owned)),
        method_type: text(node, "type"),
        public_key_multibase: text(node, "publicKeyMultibase"),
        public_key_jwk: node.get("publicKeyJwk").cloned(),
        for_assertion: lists_for_assertion(document, wanted),
    })
}

/// Whether `document`'s `assertionMethod` names `wanted`, by reference or
/// embedded.
pub fn lists_for_assertion(document: &Value, wanted: &str) -> bool {
    let base = document.get("id").and_then(Value::as_str);
    one_or_many(document.get("assertionMethod"))
        .into_iter()
        .any(|entry| {
            let id = match entry {
                Value::String(id) => Some(id.as_str()),
                other => other.get("id").and_then(Value::as_str),
            };
            id.map(|id| absolute(id, base)).as_deref() == Some(wanted)
        })
}

fn text(node: &Value, name: &str) -> Option<String> {
    node.get(name).and_then(Value::as_str).map(str::to_owned)
}

fn candidates(document: &Value) -> Vec<&Value> {
    let mut nodes = vec![document];
    nodes.extend(one_or_many(document.get("verificationMethod")));
    nodes.extend(
        one_or_many(document.get("assertionMethod"))
            .into_iter()
            .filter(|n| n.is_object()),
    );
    nodes
}

/// Resolves a fragment-only reference such as `#key-1` against the document.
fn absolute(id: &str, base: Option<&str>) -> String {
    match (id.strip_prefix('#'), base) {
        (Some(fragment), Some(base)) => {
            let base = base.split('#').next().unwrap_or(base);
            format!("{base}#{fragment}")
        }
        _ => id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_relative_and_embedded_methods() {
        let document = json!({
            "id": "did:web:example.com",
            "verificationMethod": [{"id": "#owner", "type": "Multikey", "publicKeyMultibase": "z6Mkx"}],
            "assertionMethod": ["#owner", {"id": "did:web:example.com#other", "controller": "did:web:elsewhere"}]
        });
        let owner = find_method(&document, "did:web:example.com#owner");
        assert_eq!(owner.as_ref().map(|m| m.for_assertion), Some(true));
        assert_eq!(
            owner.and_then(|m| m.controller).as_deref(),
            Some("did:web:example.com")
        );
        let other = find_method(&document, "did:web:example.com#other");
        assert_eq!(
            other.and_then(|m| m.controller).as_deref(),
            Some("did:web:elsewhere")
        );
        assert_eq!(find_method(&document, "did:web:example.com#missing"), None);
    }

    #[test]
    fn a_method_not_listed_for_assertion_is_flagged() {
        let document = json!({
            "id": "did:web:example.com",
            "verificationMethod": [{"id": "did:web:example.com#k", "publicKeyMultibase": "z6Mkx"}],
            "authentication": ["did:web:example.com#k"]
        });
        assert_eq!(
            find_method(&document, "did:web:example.com#k").map(|m| m.for_assertion),
            Some(false)
        );
    }
}
