//! Preparing a proof for verification, and checking its signature.

use std::collections::HashMap;

use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::{Map, Value};

use super::data_integrity::{self, HashData};
use super::error::ProofError;
use super::suite::{self, Suite};
use super::{ed25519_signature_2020, eddsa_rdfc_2022, proof_set};
use crate::keys::public_key::PublicKey;
use crate::options::Limits;

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
    /// The signature from `proofValue`.
    pub signature: Vec<u8>,
    /// Canonical N-Quads of the document the proof signs.
    pub canonical_document: String,
    /// Canonical N-Quads of the proof configuration.
    pub canonical_proof_config: String,
}

/// Prepares proof number `index` of `document` (see
/// [`proofs_of`](super::proofs_of)): identifies its suite, decodes its
/// signature and derives the signed bytes, with JSON-LD in safe mode using
/// the bundled contexts plus `contexts` (URL → document text).
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
    let signature = data_integrity::decode_proof_value(proof)?;
    let created = data_integrity::created(proof)?;
    let verification_method = required_text(proof, "verificationMethod")?;

    let signed = proof_set::signed_document(document, proof)?;
    let hash = hash_for(
        suite,
        signed,
        data_integrity::proof_options(proof),
        contexts,
        limits,
    )?;

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
        signature,
        canonical_document: hash.canonical_document,
        canonical_proof_config: hash.canonical_proof_config,
    })
}

/// Checks the prepared proof's signature with `key`, using strict RFC 8032
/// verification (no malleable or small-order inputs).
///
/// Fails with [`ProofError::SignatureMismatch`], deliberately without
/// saying why.
pub fn verify_signature(key: &PublicKey, prepared: &PreparedProof) -> Result<(), ProofError> {
    match key {
        PublicKey::Ed25519(bytes) => verify_ed25519(bytes, prepared),
    }
}

fn verify_ed25519(key: &[u8; 32], prepared: &PreparedProof) -> Result<(), ProofError> {
    let key = VerifyingKey::from_bytes(key).map_err(|_| ProofError::SignatureMismatch)?;
    let signature =
        Signature::from_slice(&prepared.signature).map_err(|_| ProofError::SignatureMismatch)?;

    key.verify_strict(&prepared.signed_bytes, &signature)
        .map_err(|_| ProofError::SignatureMismatch)
}

fn hash_for(
    suite: Suite,
    document: Map<String, Value>,
    proof_options: Map<String, Value>,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<HashData, ProofError> {
    let (document, proof_config) = match suite {
        Suite::EddsaRdfc2022 => eddsa_rdfc_2022::inputs(document, proof_options)?,
        Suite::Ed25519Signature2020 => ed25519_signature_2020::inputs(document, proof_options),
    };
    data_integrity::hash_data(document, proof_config, contexts, limits)
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
