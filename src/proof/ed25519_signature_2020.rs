//! The legacy `Ed25519Signature2020` suite ([VC-DI-EdDSA, the
//! Ed25519Signature2020 suite]): the same hashing as `eddsa-rdfc-2022`,
//! with the proof options given the document's `@context` unless the proof
//! carries its own, and no prefix rule.
//!
//! [VC-DI-EdDSA, the Ed25519Signature2020 suite]: https://www.w3.org/TR/vc-di-eddsa/#the-ed25519signature2020-suite

use serde_json::{Map, Value};

use super::data_integrity::{Canonicalization, SuiteInputs};
use crate::canon::HashAlgorithm;

/// How the suite canonicalises: JSON-LD and RDFC-1.0 (URDNA2015).
pub const CANONICALIZATION: Canonicalization = Canonicalization::Rdfc;

/// The hash of both canonical forms.
pub const HASH: HashAlgorithm = HashAlgorithm::Sha256;

/// The document and proof configuration to canonicalise, from the document
/// the proof signs and the proof options (the proof without `proofValue`).
pub fn inputs(document: Map<String, Value>, mut proof_options: Map<String, Value>) -> SuiteInputs {
    if !proof_options.contains_key("@context") {
        let context = document.get("@context").cloned().unwrap_or(Value::Null);
        proof_options.insert("@context".into(), context);
    }
    (document, proof_options)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test"
)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_proof_takes_the_document_context_unless_it_has_one() {
        let document = json!({"@context": ["a", "b"]}).as_object().unwrap().clone();
        let bare = json!({"type": "Ed25519Signature2020"})
            .as_object()
            .unwrap()
            .clone();
        let (_, config) = inputs(document.clone(), bare);
        assert_eq!(config["@context"], json!(["a", "b"]));
        let own = json!({"@context": "c"}).as_object().unwrap().clone();
        let (document, config) = inputs(document, own);
        assert_eq!(config["@context"], json!("c"));
        assert_eq!(document["@context"], json!(["a", "b"]));
    }
}
