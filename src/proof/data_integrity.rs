//! The steps every Data Integrity suite shares ([VC Data Integrity],
//! [VC-DI-EdDSA], [VC-DI-ECDSA]): decoding `proofValue`, checking
//! `created`, the `@context` rule of the proof configuration, and hashing the
//! canonical proof configuration and document.
//!
//! [VC Data Integrity]: https://www.w3.org/TR/vc-data-integrity/
//! [VC-DI-EdDSA]: https://www.w3.org/TR/vc-di-eddsa/
//! [VC-DI-ECDSA]: https://www.w3.org/TR/vc-di-ecdsa/

use std::collections::HashMap;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384};

use super::error::ProofError;
use crate::canon::{jcs, rdfc10, HashAlgorithm};
use crate::jsonld::{to_rdf, JsonLdOptions};
use crate::keys::multikey;
use crate::options::Limits;

/// What a suite canonicalises: the document the proof signs and the proof
/// configuration, both JSON objects.
pub type SuiteInputs = (Map<String, Value>, Map<String, Value>);

/// How a suite turns its inputs into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Canonicalization {
    /// JSON-LD in safe mode to RDF, then [RDFC-1.0](https://www.w3.org/TR/rdf-canon/).
    Rdfc,
    /// [JCS (RFC 8785)](https://www.rfc-editor.org/rfc/rfc8785) of the JSON,
    /// without JSON-LD processing.
    Jcs,
}

/// The canonical forms of a proof's inputs and the bytes the key signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashData {
    /// Canonical form of the document (without the proof being checked):
    /// N-Quads or JCS text.
    pub canonical_document: String,
    /// Canonical form of the proof configuration.
    pub canonical_proof_config: String,
    /// The hash function used for both hashes (and for RDFC-1.0's labels).
    pub hash: HashAlgorithm,
    /// `hash(canonical proof config) || hash(canonical document)`.
    pub bytes: Vec<u8>,
}

/// The document and proof configuration to canonicalise, from the
/// document the proof signs and the proof options (the proof without
/// `proofValue`), per the Verify Proof and Proof Configuration algorithms
/// of every Data Integrity cryptosuite (e.g. [VC-DI-EdDSA §3.2.2], step 4):
/// if the proof has an `@context`, it must be a prefix of the document's
/// and replaces it; the proof configuration takes the document's
/// `@context`, when it has one.
///
/// Fails with [`ProofError::ContextNotPrefix`].
///
/// [VC-DI-EdDSA §3.2.2]: https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-rdfc-2022
pub fn configure(
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

    if let Some(context) = document.get("@context") {
        proof_options.insert("@context".into(), context.clone());
    }
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

/// The bytes a Data Integrity cryptosuite's proof signs: [`configure`]
/// then [`hash_data`].
///
/// Fails with [`ProofError::ContextNotPrefix`], [`ProofError::JsonLd`] or
/// [`ProofError::Canon`].
pub fn verify_data(
    document: Map<String, Value>,
    proof_options: Map<String, Value>,
    canonicalization: Canonicalization,
    hash: HashAlgorithm,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<HashData, ProofError> {
    let inputs = configure(document, proof_options)?;
    hash_data(inputs, canonicalization, hash, contexts, limits)
}

/// Canonicalises both inputs and hashes them (e.g. [VC-DI-EdDSA, Hashing](https://www.w3.org/TR/vc-di-eddsa/#hashing-eddsa-rdfc-2022)):
/// the proof configuration's hash comes first.
///
/// Fails with [`ProofError::JsonLd`] or [`ProofError::Canon`].
pub fn hash_data(
    (document, proof_config): SuiteInputs,
    canonicalization: Canonicalization,
    hash: HashAlgorithm,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<HashData, ProofError> {
    let canonical = |value| canonicalise(value, canonicalization, hash, contexts, limits);
    let canonical_document = canonical(Value::Object(document))?;
    let canonical_proof_config = canonical(Value::Object(proof_config))?;

    let mut bytes = digest(hash, &canonical_proof_config);
    bytes.extend(digest(hash, &canonical_document));
    Ok(HashData {
        canonical_document,
        canonical_proof_config,
        hash,
        bytes,
    })
}

fn digest(hash: HashAlgorithm, text: &str) -> Vec<u8> {
    match hash {
        HashAlgorithm::Sha256 => Sha256::digest(text.as_bytes()).to_vec(),
        HashAlgorithm::Sha384 => Sha384::digest(text.as_bytes()).to_vec(),
    }
}

/// JCS, or JSON-LD in safe mode then RDFC-1.0, within the limits.
fn canonicalise(
    document: Value,
    canonicalization: Canonicalization,
    hash: HashAlgorithm,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<String, ProofError> {
    if canonicalization == Canonicalization::Jcs {
        return Ok(jcs(&document)?);
    }
    let options = JsonLdOptions::new(contexts, limits.max_quads);
    let quads = to_rdf(&document, &options)?;
    Ok(rdfc10(&quads, hash, limits.max_canon_calls)?)
}

/// The signature in `proofValue`: `z` + base58btc of one of the `lengths`
/// the suite allows.
///
/// Fails with [`ProofError::MalformedProofValue`].
pub fn decode_proof_value(
    proof: &Map<String, Value>,
    lengths: &[usize],
) -> Result<Vec<u8>, ProofError> {
    let malformed = |detail: String| ProofError::MalformedProofValue { detail };

    let text = match proof.get("proofValue") {
        Some(Value::String(text)) => text,
        Some(_) => return Err(malformed("not a string".into())),
        None => return Err(malformed("missing".into())),
    };
    let bytes = multikey::decode_base58btc(text).map_err(|error| malformed(error.to_string()))?;
    if !lengths.contains(&bytes.len()) {
        let expected: Vec<String> = lengths.iter().map(usize::to_string).collect();
        return Err(malformed(format!(
            "{} bytes, expected {}",
            bytes.len(),
            expected.join(" or ")
        )));
    }
    Ok(bytes)
}

/// The proof without `proofValue`: the "proof options" of the algorithms.
pub fn proof_options(proof: &Map<String, Value>) -> Map<String, Value> {
    let mut options = proof.clone();
    options.remove("proofValue");
    options
}

/// `created`, when present, as an XSD dateTime string.
///
/// Fails with [`ProofError::InvalidCreated`] when it is not one.
pub fn created(proof: &Map<String, Value>) -> Result<Option<String>, ProofError> {
    match proof.get("created") {
        None => Ok(None),
        Some(Value::String(text)) if is_xsd_date_time(text) => Ok(Some(text.clone())),
        Some(other) => Err(ProofError::InvalidCreated {
            value: display(other),
        }),
    }
}

fn display(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// Whether `text` is an [XSD 1.1 dateTime](https://www.w3.org/TR/xmlschema11-2/#dateTime),
/// read by the same parser that judges validity dates ([`crate::datetime`]).
pub fn is_xsd_date_time(text: &str) -> bool {
    crate::datetime::parse(text).is_ok()
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
    fn accepts_xsd_date_times() {
        for text in [
            "2023-02-24T23:36:38Z",
            "2010-01-01T19:23:24.123456Z",
            "2022-11-10T07:38:00-08:00",
            "2024-02-29T00:00:00+14:00",
            "2023-01-01T24:00:00",
            "-0044-03-15T12:00:00Z",
            "12023-01-01T00:00:00Z",
        ] {
            assert!(is_xsd_date_time(text), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_xsd_date_time() {
        for text in [
            "",
            "2023-02-24",
            "2023-02-24 23:36:38Z",
            "2023-02-30T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-01-01T25:00:00Z",
            "2023-01-01T24:00:01Z",
            "2023-01-01T23:60:00Z",
            "2023-01-01T23:00:60Z",
            "2023-01-01T23:00:00.Z",
            "2023-01-01T23:00:00+15:00",
            "2023-01-01T23:00:00+0100",
            "23-01-01T23:00:00Z",
            "02023-01-01T00:00:00Z",
            "2023-1-01T00:00:00Z",
            "2023-01-01T00:00:00Zjunk",
            "+2023-01-01T00:00:00Z",
        ] {
            assert!(!is_xsd_date_time(text), "{text}");
        }
    }

    #[test]
    fn decodes_a_64_byte_proof_value() {
        let good = format!("z{}", bs58::encode([7u8; 64]).into_string());
        let proof = json!({"proofValue": good});
        assert_eq!(
            decode_proof_value(proof.as_object().unwrap(), &[64]).unwrap(),
            vec![7u8; 64]
        );
    }

    #[test]
    fn rejects_malformed_proof_values() {
        let short = format!("z{}", bs58::encode([7u8; 63]).into_string());
        let base64 = "uAAAA".to_owned();
        for value in [json!(short), json!(base64), json!(12), json!("z0OIl")] {
            let proof = json!({"proofValue": value});
            let result = decode_proof_value(proof.as_object().unwrap(), &[64]);
            assert!(
                matches!(result, Err(ProofError::MalformedProofValue { .. })),
                "{value}"
            );
        }
        assert!(decode_proof_value(&Map::new(), &[64]).is_err());
        let der = format!("z{}", bs58::encode([0x30u8; 71]).into_string());
        let proof = json!({"proofValue": der});
        assert_eq!(
            decode_proof_value(proof.as_object().unwrap(), &[64, 96]),
            Err(ProofError::MalformedProofValue {
                detail: "71 bytes, expected 64 or 96".into()
            })
        );
    }

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn the_proof_config_takes_the_document_context() {
        let document = object(json!({"@context": ["a", "b"], "x": 1}));
        let (document, config) = configure(document, object(json!({"type": "T"}))).unwrap();
        assert_eq!(config["@context"], json!(["a", "b"]));
        assert_eq!(document["@context"], json!(["a", "b"]));
        let (_, config) = configure(Map::new(), object(json!({"type": "T"}))).unwrap();
        assert!(!config.contains_key("@context"));
    }

    #[test]
    fn a_proof_context_must_be_a_prefix_and_replaces_the_document_context() {
        let document = object(json!({"@context": ["a", "b", "c"]}));
        let (document, config) =
            configure(document.clone(), object(json!({"@context": ["a", "b"]}))).unwrap();
        assert_eq!(document["@context"], json!(["a", "b"]));
        assert_eq!(config["@context"], json!(["a", "b"]));
        assert!(configure(document.clone(), object(json!({"@context": "a"}))).is_ok());
        let wrong = configure(document, object(json!({"@context": ["b"]})));
        assert_eq!(wrong, Err(ProofError::ContextNotPrefix));
    }

    #[test]
    fn created_must_be_a_date_time_when_present() {
        assert_eq!(created(&Map::new()), Ok(None));
        let good = json!({"created": "2023-02-24T23:36:38Z"});
        assert!(created(good.as_object().unwrap()).unwrap().is_some());
        let bad = json!({"created": "yesterday"});
        assert_eq!(
            created(bad.as_object().unwrap()),
            Err(ProofError::InvalidCreated {
                value: "yesterday".into()
            })
        );
    }
}
