//! A test holder that signs presentations with an Ed25519 key (seed: 32
//! bytes of 9, never used elsewhere), as a wallet answering a verifier's
//! request would: `authentication` proofs, optionally with a challenge and
//! a domain.

use ed25519_dalek::SigningKey;
use serde_json::{json, Value};

use super::issuer;

/// The test holder's key.
pub fn key() -> SigningKey {
    SigningKey::from_bytes(&[9; 32])
}

/// The test holder's did:key.
pub fn did() -> String {
    issuer::did_key(&key())
}

/// The holder's did:key verification method.
pub fn method() -> String {
    let did = did();
    format!("{did}#{}", did.trim_start_matches("did:key:"))
}

/// An unsigned VC 2.0 presentation of `credentials` by `holder` (none when `None`).
pub fn presentation(credentials: Value, holder: Option<&str>) -> Value {
    let mut presentation = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:0b6f0a8e-3d4c-4b7a-9e21-5c6d7e8f9a01",
        "type": ["VerifiablePresentation"],
        "verifiableCredential": credentials,
    });
    if let Some(holder) = holder {
        presentation["holder"] = json!(holder);
    }
    presentation
}

/// The proof options of a holder's proof: `cryptosuite`, `proofPurpose`,
/// and extra members such as `challenge` and `domain`.
pub fn proof(cryptosuite: &str, purpose: &str, extra: Value) -> Value {
    let mut proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": "2025-06-01T00:00:00Z",
        "verificationMethod": method(),
        "proofPurpose": purpose,
    });
    for (name, value) in extra.as_object().into_iter().flatten() {
        proof[name] = value.clone();
    }
    proof
}

/// `presentation` signed by the holder with `proof`.
pub fn sign(presentation: Value, proof: Value) -> Value {
    issuer::sign_with(presentation, &key(), proof)
}
