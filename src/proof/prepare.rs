//! Preparing a proof for verification, and checking its signature.

use std::collections::HashMap;

use ecdsa::elliptic_curve::sec1::{FromEncodedPoint, ModulusSize, ToEncodedPoint};
use ecdsa::elliptic_curve::PrimeCurve;
use ecdsa::elliptic_curve::{AffinePoint, CurveArithmetic, FieldBytesSize};
use ecdsa::signature::Verifier;
use ecdsa::SignatureSize;
use serde_json::{Map, Value};

use super::data_integrity::{self, HashData};
use super::error::ProofError;
use super::suite::{self, Suite};
use super::{ecdsa_jcs_2019, ecdsa_rdfc_2019, eddsa_jcs_2022, eddsa_rdfc_2022};
use super::{ed25519_signature_2020, proof_set};
use crate::canon::HashAlgorithm;
use crate::keys::public_key::PublicKey;
use crate::options::Limits;

/// The length of an Ed25519 signature.
const ED25519_SIGNATURE_LENGTH: usize = 64;

/// A proof with everything needed to check it once its key is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedProof {
    /// The suite the proof names.
    pub suite: Suite,
    /// Whether the proof names its suite by a legacy name (`eddsa-2022`).
    pub legacy_suite_name: bool,
    /// The `verificationMethod`: whose key to check the signature with.
    pub verification_method: String,
    /// The `proofPurpose`, if given.
    pub proof_purpose: Option<String>,
    /// The `created` date, if given (checked to be an XSD dateTime).
    pub created: Option<String>,
    /// The bytes the key signed.
    pub signed_bytes: Vec<u8>,
    /// The hash the signed bytes were made with (SHA-384 only for P-384).
    pub hash: HashAlgorithm,
    /// The signature from `proofValue`.
    pub signature: Vec<u8>,
    /// Canonical form (N-Quads or JCS) of the document the proof signs.
    pub canonical_document: String,
    /// Canonical form of the proof configuration.
    pub canonical_proof_config: String,
}

/// Prepares proof number `index` of `document` (see
/// [`proofs_of`](super::proofs_of)): identifies its suite, decodes its
/// signature and derives the signed bytes, with JSON-LD in safe mode (for
/// the RDFC suites) using the bundled contexts plus `contexts` (URL →
/// document text).
///
/// Fails with [`ProofError::NoSuchProof`], [`ProofError::MalformedProof`],
/// [`ProofError::UnsupportedSuite`], [`ProofError::MalformedProofValue`],
/// [`ProofError::InvalidCreated`], [`ProofError::ContextNotPrefix`],
/// [`ProofError::MissingPreviousProof`], [`ProofError::JsonLd`] or
/// [`ProofError::Canon`].
pub fn prepare(
    document: &Value,
    index: usize,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<PreparedProof, ProofError> {
    let proofs = proof_set::proofs_of(document);
    let proof = proofs.get(index).ok_or(ProofError::NoSuchProof { index })?;
    let proof = object(proof, "the proof is not an object")?;
    let document = object(document, "the document is not an object")?;

    let (suite, legacy_suite_name) = suite::identify(proof)?;
    let signature = data_integrity::decode_proof_value(proof, signature_lengths(suite))?;
    let created = data_integrity::created(proof)?;
    let verification_method = required_text(proof, "verificationMethod")?;

    let signed = proof_set::signed_document(document, proof)?;
    let options = data_integrity::proof_options(proof);
    let hash = hash_data(suite, signed, options, &signature, contexts, limits)?;

    Ok(PreparedProof {
        suite,
        legacy_suite_name,
        verification_method,
        proof_purpose: proof
            .get("proofPurpose")
            .and_then(Value::as_str)
            .map(str::to_owned),
        created,
        signed_bytes: hash.bytes,
        hash: hash.hash,
        signature,
        canonical_document: hash.canonical_document,
        canonical_proof_config: hash.canonical_proof_config,
    })
}

/// Checks the prepared proof's signature with `key`: Ed25519 with strict
/// RFC 8032 verification (no malleable or small-order inputs), ECDSA with
/// the curve's own hash over a fixed-size `r || s` signature.
///
/// Fails with [`ProofError::KeyTypeMismatch`] when the key cannot sign
/// for the proof's suite, [`ProofError::CurveMismatch`] when an ECDSA key's
/// curve does not go with the proof's hash, and
/// [`ProofError::SignatureMismatch`], deliberately without saying why.
pub fn verify_signature(key: &PublicKey, prepared: &PreparedProof) -> Result<(), ProofError> {
    let suite = prepared.suite;
    match (key, suite.is_ecdsa(), prepared.hash) {
        (PublicKey::Ed25519(bytes), false, _) => verify_ed25519(bytes, prepared),
        (PublicKey::P256(bytes), true, HashAlgorithm::Sha256) => {
            verify_ecdsa::<p256::NistP256>(bytes, prepared)
        }
        (PublicKey::P384(bytes), true, HashAlgorithm::Sha384) => {
            verify_ecdsa::<p384::NistP384>(bytes, prepared)
        }
        (PublicKey::P256(_) | PublicKey::P384(_), true, _) => Err(ProofError::CurveMismatch {
            key_type: key.type_name(),
            signature_length: prepared.signature.len(),
        }),
        _ => Err(ProofError::KeyTypeMismatch {
            suite: suite.name(),
            key_type: key.type_name(),
        }),
    }
}

fn verify_ed25519(key: &[u8; 32], prepared: &PreparedProof) -> Result<(), ProofError> {
    use ed25519_dalek::{Signature, VerifyingKey};

    let key = VerifyingKey::from_bytes(key).map_err(|_| ProofError::SignatureMismatch)?;
    let signature =
        Signature::from_slice(&prepared.signature).map_err(|_| ProofError::SignatureMismatch)?;

    key.verify_strict(&prepared.signed_bytes, &signature)
        .map_err(|_| ProofError::SignatureMismatch)
}

/// ECDSA on curve `C`, the signed bytes hashed with the curve's digest
/// (SHA-256 for P-256, SHA-384 for P-384).
fn verify_ecdsa<C>(key: &[u8], prepared: &PreparedProof) -> Result<(), ProofError>
where
    C: PrimeCurve + CurveArithmetic,
    AffinePoint<C>: FromEncodedPoint<C> + ToEncodedPoint<C>,
    FieldBytesSize<C>: ModulusSize,
    SignatureSize<C>: ecdsa::elliptic_curve::generic_array::ArrayLength<u8>,
    ecdsa::VerifyingKey<C>: Verifier<ecdsa::Signature<C>>,
{
    let key = ecdsa::VerifyingKey::<C>::from_sec1_bytes(key)
        .map_err(|_| ProofError::SignatureMismatch)?;
    let signature = ecdsa::Signature::<C>::from_slice(&prepared.signature)
        .map_err(|_| ProofError::SignatureMismatch)?;

    key.verify(&prepared.signed_bytes, &signature)
        .map_err(|_| ProofError::SignatureMismatch)
}

/// The signature lengths a suite's `proofValue` may have.
fn signature_lengths(suite: Suite) -> &'static [usize] {
    if suite.is_ecdsa() {
        return &ecdsa_rdfc_2019::SIGNATURE_LENGTHS;
    }
    &[ED25519_SIGNATURE_LENGTH]
}

/// The canonical forms and signed bytes of a proof, as its suite makes them.
fn hash_data(
    suite: Suite,
    document: Map<String, Value>,
    options: Map<String, Value>,
    signature: &[u8],
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<HashData, ProofError> {
    let (canonicalization, hash) = match suite {
        Suite::EddsaRdfc2022 => (eddsa_rdfc_2022::CANONICALIZATION, eddsa_rdfc_2022::HASH),
        Suite::EddsaJcs2022 => (eddsa_jcs_2022::CANONICALIZATION, eddsa_jcs_2022::HASH),
        Suite::EcdsaRdfc2019 => (
            ecdsa_rdfc_2019::CANONICALIZATION,
            ecdsa_rdfc_2019::hash_for(signature),
        ),
        Suite::EcdsaJcs2019 => (
            ecdsa_jcs_2019::CANONICALIZATION,
            ecdsa_rdfc_2019::hash_for(signature),
        ),
        Suite::Ed25519Signature2020 => {
            let inputs = ed25519_signature_2020::inputs(document, options);
            return data_integrity::hash_data(
                inputs,
                ed25519_signature_2020::CANONICALIZATION,
                ed25519_signature_2020::HASH,
                contexts,
                limits,
            );
        }
    };
    data_integrity::verify_data(document, options, canonicalization, hash, contexts, limits)
}

fn object<'a>(value: &'a Value, detail: &str) -> Result<&'a Map<String, Value>, ProofError> {
    value.as_object().ok_or_else(|| ProofError::MalformedProof {
        detail: detail.into(),
    })
}

fn required_text(proof: &Map<String, Value>, name: &str) -> Result<String, ProofError> {
    match proof.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(ProofError::MalformedProof {
            detail: format!("{name} must be a string"),
        }),
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
    use std::panic::{catch_unwind, AssertUnwindSafe};

    /// Values that JSON-LD, canonicalisation or proof code could choke on.
    const ODD_VALUES: &[&str] = &[
        "null",
        "true",
        "0",
        "-1.5e308",
        "\"\"",
        "\"@id\"",
        "\"@type\"",
        "\"_:\"",
        "\"_:b0\"",
        "\"not an iri\"",
        "\"\\u0000\"",
        "[]",
        "{}",
        "[null, []]",
        r#"{"@id": "_:b0"}"#,
        r#"{"@value": {"a": 1}, "@type": "@json"}"#,
        r#"{"@context": null}"#,
        r#"{"@list": [1, {"@list": []}]}"#,
        r#"{"@graph": {"@id": "urn:x"}}"#,
        r#"{"@reverse": {"name": "x"}}"#,
    ];

    fn fixture(path: &str) -> Value {
        let text = std::fs::read_to_string(format!("../shared/fixtures/credentials/{path}"));
        serde_json::from_str(&text.unwrap()).unwrap()
    }

    fn pointers(value: &Value, prefix: &str, into: &mut Vec<String>) {
        let children: Vec<(String, &Value)> = match value {
            Value::Object(members) => members
                .iter()
                .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => Vec::new(),
        };
        for (key, child) in children {
            let pointer = format!("{prefix}/{key}");
            into.push(pointer.clone());
            pointers(child, &pointer, into);
        }
    }

    /// Replaces every member of real credentials with odd values: nothing
    /// may panic, whatever the outcome.
    #[test]
    fn odd_values_anywhere_never_panic() {
        let mut panics = Vec::new();
        for file in [
            "1edtech-spec/impl-test-vector-ob-signed.json",
            "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json",
        ] {
            let original = fixture(file);
            let mut places = Vec::new();
            pointers(&original, "", &mut places);
            for place in &places {
                for odd in ODD_VALUES {
                    let mut document = original.clone();
                    *document.pointer_mut(place).unwrap() = serde_json::from_str(odd).unwrap();
                    let outcome = catch_unwind(AssertUnwindSafe(|| {
                        for index in 0..proof_set::proofs_of(&document).len().max(1) {
                            let _ = prepare(&document, index, &HashMap::new(), &Limits::default());
                        }
                    }));
                    if outcome.is_err() {
                        panics.push(format!("{file} {place} = {odd}"));
                    }
                }
            }
        }
        assert!(panics.is_empty(), "{panics:#?}");
    }
}
