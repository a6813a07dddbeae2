//! The `eddsa-rdfc-2022` cryptosuite ([VC-DI-EdDSA §3.2]): which document
//! and which proof configuration get canonicalised. The legacy name
//! `eddsa-2022` (2023 drafts) denotes the same algorithm.
//!
//! [VC-DI-EdDSA §3.2]: https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022

use serde_json::{Map, Value};

use super::data_integrity::SuiteInputs;
use super::error::ProofError;

/// The document and proof configuration to canonicalise, from the
/// document the proof signs and the proof options (the proof without
/// `proofValue`), per [Verify Proof] steps 4 and [Proof Configuration]:
/// if the proof has an `@context`, it must be a prefix of the document's
/// and replaces it; the proof configuration takes the document's
/// `@context`.
///
/// Fails with [`ProofError::ContextNotPrefix`].
///
/// [Verify Proof]: https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-rdfc-2022
/// [Proof Configuration]: https://www.w3.org/TR/vc-di-eddsa/#proof-configuration-eddsa-rdfc-2022
pub fn inputs(
    mut document: Map<String, Value>,
    mut proof_options: Map<String, Value>,
) -> Result<SuiteInputs, ProofError> {
    if let Some(proof_context) = proof_options.get("@context") {
        let document_context = document.get("@context").unwrap_or(&Value::Null);
        if !is_prefix(proof_context, document_context) {
            return Err(ProofError::ContextNotPrefix);
        }
        document.insert("@context".into(), proof_context.clone());
    }

    let context = document.get("@context").cloned().unwrap_or(Value::Null);
    proof_options.insert("@context".into(), context);
    Ok((document, proof_options))
}

/// Whether every entry of `prefix` starts `context`, in order.
fn is_prefix(prefix: &Value, context: &Value) -> bool {
    let prefix = entries(prefix);
    let context = entries(context);
    context.len() >= prefix.len() && prefix.iter().zip(context).all(|(a, b)| a == b)
}

fn entries(context: &Value) -> &[Value] {
    match context {
        Value::Array(entries) => entries,
        single => std::slice::from_ref(single),
    }
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

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn the_proof_config_takes_the_document_context() {
        let document = object(json!({"@context": ["a", "b"], "x": 1}));
        let (document, config) = inputs(document, object(json!({"type": "T"}))).unwrap();
        assert_eq!(config["@context"], json!(["a", "b"]));
        assert_eq!(document["@context"], json!(["a", "b"]));
    }

    #[test]
    fn a_proof_context_must_be_a_prefix_and_replaces_the_document_context() {
        let document = object(json!({"@context": ["a", "b", "c"]}));
        let (document, config) =
            inputs(document.clone(), object(json!({"@context": ["a", "b"]}))).unwrap();
        assert_eq!(document["@context"], json!(["a", "b"]));
        assert_eq!(config["@context"], json!(["a", "b"]));
        assert!(inputs(document.clone(), object(json!({"@context": "a"}))).is_ok());
        let wrong = inputs(document, object(json!({"@context": ["b"]})));
        assert_eq!(wrong, Err(ProofError::ContextNotPrefix));
    }
}
