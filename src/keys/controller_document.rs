//! Finding a verification method in a DID or controller document, and
//! whether its controller authorises it for a verification relationship:
//! `assertionMethod` for issuing credentials, `authentication` for
//! presenting them.
//!
//! [Controlled Identifiers §2.2 Verification Methods](https://www.w3.org/TR/cid-1.0/#verification-methods),
//! [§2.3.1 Authentication](https://www.w3.org/TR/cid-1.0/#authentication)
//! and [§2.3.2 Assertion](https://www.w3.org/TR/cid-1.0/#assertion). DID
//! documents are read as plain JSON: their terms are fixed by the DID and CID
//! specifications, so no JSON-LD processing is needed to find a key.

use serde_json::Value;

use crate::model::one_or_many;

/// A [verification relationship](https://www.w3.org/TR/cid-1.0/#verification-relationships):
/// what the controller authorises a key to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relationship {
    /// `assertionMethod`: issuing credentials (a credential's proof).
    AssertionMethod,
    /// `authentication`: proving to be the holder (a presentation's proof).
    Authentication,
}

impl Relationship {
    /// The property a controller document lists such keys under, which is
    /// also the `proofPurpose` a proof made for it carries.
    pub fn property(self) -> &'static str {
        match self {
            Self::AssertionMethod => "assertionMethod",
            Self::Authentication => "authentication",
        }
    }

    /// Who signs with such a key: the issuer, or the holder.
    pub fn party(self) -> &'static str {
        match self {
            Self::AssertionMethod => "issuer",
            Self::Authentication => "holder",
        }
    }
}

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
    /// Whether the document lists it under the relationship asked for.
    pub listed: bool,
}

/// Looks for the method `wanted` in `document` (the document itself, its
/// `verificationMethod` list, or embedded in the `relationship`'s list).
pub fn find_method(
    document: &Value,
    wanted: &str,
    relationship: Relationship,
) -> Option<FoundMethod> {
    let base = document.get("id").and_then(Value::as_str);
    let node = candidates(document, relationship)
        .into_iter()
        .find(|node| {
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
        listed: lists_for(document, relationship, wanted),
    })
}

/// Whether `document` lists `wanted` under `relationship`, by reference or
/// embedded.
pub fn lists_for(document: &Value, relationship: Relationship, wanted: &str) -> bool {
    let base = document.get("id").and_then(Value::as_str);
    one_or_many(document.get(relationship.property()))
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

fn candidates(document: &Value, relationship: Relationship) -> Vec<&Value> {
    let mut nodes = vec![document];
    nodes.extend(one_or_many(document.get("verificationMethod")));
    nodes.extend(
        one_or_many(document.get(relationship.property()))
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

    const ASSERTION: Relationship = Relationship::AssertionMethod;

    #[test]
    fn finds_relative_and_embedded_methods() {
        let document = json!({
            "id": "did:web:example.com",
            "verificationMethod": [{"id": "#owner", "type": "Multikey", "publicKeyMultibase": "z6Mkx"}],
            "assertionMethod": ["#owner", {"id": "did:web:example.com#other", "controller": "did:web:elsewhere"}]
        });
        let owner = find_method(&document, "did:web:example.com#owner", ASSERTION);
        assert_eq!(owner.as_ref().map(|m| m.listed), Some(true));
        assert_eq!(
            owner.and_then(|m| m.controller).as_deref(),
            Some("did:web:example.com")
        );
        let other = find_method(&document, "did:web:example.com#other", ASSERTION);
        assert_eq!(
            other.and_then(|m| m.controller).as_deref(),
            Some("did:web:elsewhere")
        );
        assert_eq!(
            find_method(&document, "did:web:example.com#missing", ASSERTION),
            None
        );
    }

    #[test]
    fn a_method_is_listed_only_for_its_own_relationship() {
        let document = json!({
            "id": "did:web:example.com",
            "verificationMethod": [{"id": "did:web:example.com#k", "publicKeyMultibase": "z6Mkx"}],
            "authentication": ["did:web:example.com#k", {"id": "#embedded", "publicKeyMultibase": "z6Mky"}]
        });
        let listed =
            |id: &str, relationship| find_method(&document, id, relationship).map(|m| m.listed);
        assert_eq!(listed("did:web:example.com#k", ASSERTION), Some(false));
        let authentication = Relationship::Authentication;
        assert_eq!(listed("did:web:example.com#k", authentication), Some(true));
        assert_eq!(
            listed("did:web:example.com#embedded", authentication),
            Some(true)
        );
        assert_eq!(listed("did:web:example.com#embedded", ASSERTION), None);
    }
}
