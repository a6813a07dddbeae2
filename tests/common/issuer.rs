//! A test issuer that signs with eddsa-rdfc-2022, so tests can build status
//! lists and credentials with exactly the bits and dates they need.
//!
//! The key is a fixed test key (seed: 32 bytes of 7), never used elsewhere.
//! Signing reuses the verifier's own `prepare` to compute the signed bytes,
//! then signs them, so a signature check here tests the same transformation
//! the W3C vectors pin down in tests/w3c_vectors.rs.

use std::collections::HashMap;
use std::io::Write;

use base64ct::{Base64UrlUnpadded, Encoding};
use cler_verifier::proof::prepare;
use cler_verifier::Limits;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};

/// The test issuer's key.
pub fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

/// The test issuer's did:key.
pub fn did() -> String {
    did_key(&key())
}

/// The did:key of an Ed25519 key.
pub fn did_key(key: &SigningKey) -> String {
    let mut multicodec = vec![0xed, 0x01];
    multicodec.extend_from_slice(key.verifying_key().as_bytes());
    format!("did:key:z{}", bs58::encode(multicodec).into_string())
}

/// `document` with an eddsa-rdfc-2022 proof by the test issuer.
pub fn sign(document: Value) -> Value {
    let did = did();
    let fragment = did.trim_start_matches("did:key:");
    let proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2025-01-01T00:00:00Z",
        "verificationMethod": format!("{did}#{fragment}"),
        "proofPurpose": "assertionMethod",
    });
    sign_with(document, &key(), proof)
}

/// `document` with `proof` (an Ed25519 Data Integrity proof without its
/// `proofValue`) signed by `key`.
pub fn sign_with(mut document: Value, key: &SigningKey, mut proof: Value) -> Value {
    proof["proofValue"] = json!(format!("z{}", bs58::encode([0u8; 64]).into_string()));
    document["proof"] = proof;
    let prepared = prepare(&document, 0, &HashMap::new(), &Limits::default()).expect("preparable");
    let signature = key.sign(&prepared.signed_bytes);
    document["proof"]["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
    document
}

/// A signed BitstringStatusListCredential for `purpose` over `bits`,
/// valid from 2025 on (until `valid_until` when given).
pub fn status_list(
    url: &str,
    purpose: &str,
    bits: &[u8],
    valid_until: Option<&str>,
    multibase: bool,
) -> Value {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(bits).expect("in memory");
    let encoded = Base64UrlUnpadded::encode_string(&gzip.finish().expect("in memory"));
    let encoded = if multibase {
        format!("u{encoded}")
    } else {
        encoded
    };

    let mut list = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did(),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": format!("{url}#list"), "type": "BitstringStatusList",
            "statusPurpose": purpose, "encodedList": encoded}
    });
    if let Some(until) = valid_until {
        list["validUntil"] = json!(until);
    }
    sign(list)
}

/// A signed OB 3.0 credential by the test issuer with these status entries.
pub fn badge(status: Value) -> Value {
    sign(json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:2f1b5a52-5c8a-4c5e-9a76-1f7c5e0f3a10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did(), "type": ["Profile"], "name": "Test College"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Status test badge",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {"id": "urn:uuid:6a9f2c1e-0b7d-4f3e-8a51-3c2d1e0f9b87", "type": ["Achievement"],
                "name": "Status testing", "description": "Used by tests.", "criteria": {"narrative": "None."}}
        },
        "credentialStatus": status
    }))
}

/// A status entry at `index` of the list at `url`.
pub fn entry(url: &str, purpose: &str, index: u64) -> Value {
    json!({"id": format!("{url}#{index}"), "type": "BitstringStatusListEntry", "statusPurpose": purpose,
           "statusListIndex": index.to_string(), "statusListCredential": url})
}
