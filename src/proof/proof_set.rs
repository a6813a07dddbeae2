//! [Proof sets and proof chains](https://www.w3.org/TR/vc-data-integrity/#proof-sets):
//! which proofs a document carries, and which document each one signs.
//!
//! Every proof of a set signs the document without any `proof`. A proof
//! with `previousProof` is part of a chain: it signs the document whose
//! `proof` is the proof(s) it names — one object if it names one, an array
//! if several (the W3C vc-di-eddsa `signedProofChain` vectors verify that
//! way; both forms give the same RDF).

use serde_json::{Map, Value};

use super::error::ProofError;

/// The proofs of a document: its `proof` member as a list (an object is a
/// list of one; absent or `null` is an empty list).
pub fn proofs_of(document: &Value) -> Vec<&Value> {
    match document.get("proof") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(proofs)) => proofs.iter().collect(),
        Some(single) => vec![single],
    }
}

/// The document `proof` signs: `document` without its proofs, plus the
/// previous proofs `proof` names, if any.
///
/// Fails with [`ProofError::MissingPreviousProof`] when a named proof is not
/// in the document, and [`ProofError::MalformedProof`] when `previousProof`
/// is not a string or a list of strings.
pub fn signed_document(
    document: &Map<String, Value>,
    proof: &Map<String, Value>,
) -> Result<Map<String, Value>, ProofError> {
    let mut unsecured = document.clone();
    let proofs = unsecured.remove("proof").unwrap_or(Value::Null);

    let previous = previous_proof_ids(proof)?;
    if previous.is_empty() {
        return Ok(unsecured);
    }

    let chained = previous
        .iter()
        .map(|id| find_by_id(&proofs, id))
        .collect::<Result<Vec<_>, _>>()?;
    let value = match <[Value; 1]>::try_from(chained) {
        Ok([single]) => single,
        Err(several) => Value::Array(several),
    };
    unsecured.insert("proof".into(), value);
    Ok(unsecured)
}

/// The ids in `previousProof` (none when absent).
fn previous_proof_ids(proof: &Map<String, Value>) -> Result<Vec<&str>, ProofError> {
    let malformed = || ProofError::MalformedProof {
        detail: "previousProof must be a string or a list of strings".into(),
    };

    match proof.get("previousProof") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(id)) => Ok(vec![id.as_str()]),
        Some(Value::Array(ids)) => ids
            .iter()
            .map(|id| id.as_str().ok_or_else(malformed))
            .collect(),
        Some(_) => Err(malformed()),
    }
}

fn find_by_id(proofs: &Value, id: &str) -> Result<Value, ProofError> {
    let candidates = match proofs {
        Value::Array(items) => items.as_slice(),
        single => std::slice::from_ref(single),
    };
    candidates
        .iter()
        .find(|candidate| candidate.get("id").and_then(Value::as_str) == Some(id))
        .cloned()
        .ok_or_else(|| ProofError::MissingPreviousProof { id: id.into() })
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
    fn lists_proofs_of_every_shape() {
        assert_eq!(proofs_of(&json!({})).len(), 0);
        assert_eq!(proofs_of(&json!({"proof": null})).len(), 0);
        assert_eq!(proofs_of(&json!({"proof": {"type": "A"}})).len(), 1);
        assert_eq!(proofs_of(&json!({"proof": [{}, {}]})).len(), 2);
    }

    #[test]
    fn a_set_member_signs_the_document_without_proofs() {
        let document = object(json!({"a": 1, "proof": [{"id": "p1"}, {"id": "p2"}]}));
        let signed = signed_document(&document, &object(json!({"id": "p2"}))).unwrap();
        assert_eq!(Value::Object(signed), json!({"a": 1}));
    }

    #[test]
    fn a_chained_proof_signs_the_document_with_its_previous_proofs() {
        let document = object(json!({"a": 1, "proof": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}]}));
        let one = signed_document(&document, &object(json!({"previousProof": "p1"}))).unwrap();
        assert_eq!(one["proof"], json!({"id": "p1"}));
        let two = object(json!({"previousProof": ["p1", "p3"]}));
        let several = signed_document(&document, &two).unwrap();
        assert_eq!(several["proof"], json!([{"id": "p1"}, {"id": "p3"}]));
    }

    #[test]
    fn a_missing_previous_proof_is_named() {
        let document = object(json!({"proof": {"id": "p1"}}));
        let result = signed_document(&document, &object(json!({"previousProof": "p9"})));
        assert_eq!(
            result,
            Err(ProofError::MissingPreviousProof { id: "p9".into() })
        );
        let result = signed_document(&document, &object(json!({"previousProof": 3})));
        assert!(matches!(result, Err(ProofError::MalformedProof { .. })));
    }
}
