//! The eddsa-jcs-2022, ecdsa-rdfc-2019 and ecdsa-jcs-2019 suites end to end
//! through `cler_verifier::verify`: every W3C vector of vc-di-eddsa
//! (eddsa-jcs-2022) and vc-di-ecdsa (P-256 and P-384) verifies, a copy with
//! one changed field does not, and a key of the wrong type or curve is
//! refused by name. Keys come from the vectors' did:key methods, or from
//! did:jwk and JsonWebKey methods made of the same keys (re-signed here with
//! the vectors' published secret keys, `TestVectors/p256KeyPair.json` and
//! `p384KeyPair.json`).
//!
//! Each case is one line: a file, a change, and what the `proof` check
//! must say.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]
mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use cler_verifier::proof::prepare;
use cler_verifier::report::Report;
use cler_verifier::{verify, CheckId, Input, Limits, MapFetch, Outcome};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use serde_json::{json, Value};

const ECDSA: &str = "credentials/w3c-vc-di-ecdsa/TestVectors";
const EDDSA_JCS: &str = "credentials/w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json";
const RDFC_P256: &str = "ecdsa-rdfc-2019-p256/signedECDSAP256.json";
const RDFC_P384: &str = "ecdsa-rdfc-2019-p384/signedECDSAP384.json";
const JCS_P256: &str = "ecdsa-jcs-2019-p256/signedJCSECDSAP256.json";
const JCS_P384: &str = "ecdsa-jcs-2019-p384/signedJCSECDSAP384.json";
const EMPLOY_P256: &str = "ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json";
const EMPLOY_P384: &str = "ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json";

/// The vc-di-eddsa vectors' Ed25519 key, as a did:key method.
const ED25519_METHOD: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
/// The vc-di-ecdsa vectors' P-384 key, as a did:key method.
const P384_METHOD: &str = "did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ#z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";

/// What the `proof` check must say.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Every `proof` check passes.
    Verifies,
    /// A `proof` check fails with this problem code.
    Fails(&'static str),
}

/// Cases that fail for a known reason outside this work, each with the
/// reason. A listed case must still fail; when it passes, remove it here.
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// (vector, pointer to set or "" for none, the JSON value, expectation).
/// The last case is a 71-byte DER-encoded signature, refused by its length.
const CASES: &[(&str, &str, &str, Expect)] = &[
    (EDDSA_JCS, "", "", Expect::Verifies),
    (RDFC_P256, "", "", Expect::Verifies),
    (RDFC_P384, "", "", Expect::Verifies),
    (JCS_P256, "", "", Expect::Verifies),
    (JCS_P384, "", "", Expect::Verifies),
    (EMPLOY_P256, "", "", Expect::Verifies),
    (EMPLOY_P384, "", "", Expect::Verifies),
    (
        EDDSA_JCS,
        "/credentialSubject/alumniOf",
        r#""Forgery U""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        RDFC_P256,
        "/credentialSubject/alumniOf",
        r#""Forgery U""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        RDFC_P384,
        "/credentialSubject/alumniOf",
        r#""Forgery U""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        JCS_P256,
        "/credentialSubject/alumniOf",
        r#""Forgery U""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        JCS_P384,
        "/credentialSubject/alumniOf",
        r#""Forgery U""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        EMPLOY_P256,
        "/credentialSubject/employmentAuthorizationDocument/lprNumber",
        r#""111-111-111""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        EMPLOY_P384,
        "/credentialSubject/employmentAuthorizationDocument/lprNumber",
        r#""111-111-111""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        JCS_P256,
        "/validFrom",
        r#""2023-01-01T00:00:01Z""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        JCS_P384,
        "/proof/created",
        r#""2023-02-24T23:36:39Z""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        EDDSA_JCS,
        "/name",
        r#""Alumni  Credential""#,
        Expect::Fails("signature_mismatch"),
    ),
    (
        EDDSA_JCS,
        "/proof/@context",
        r#"["https://www.w3.org/ns/credentials/v2", "https://example.org/x"]"#,
        Expect::Fails("malformed_proof"),
    ),
    (
        RDFC_P256,
        "/proof/proofValue",
        r#""zAN1rKvsZFhPSNApdwsYJqvc7g9qn2ApwUCA1R2LvA94JbErXAwju9kEDYoDS5Uv21sTmNhX6ugYQGobpugBFY948waXTh2YFS""#,
        Expect::Fails("malformed_proof"),
    ),
];

#[test]
fn w3c_vectors_verify_and_changed_copies_do_not() {
    let mut failures = Vec::new();
    for &(file, pointer, value, expect) in CASES {
        let mut document = vector(file);
        if !pointer.is_empty() {
            set(&mut document, pointer, value);
        }
        let outcome = judge(&common::verify_json(&document), expect);
        let gap = KNOWN_GAPS.iter().find(|(gap, _)| *gap == file);
        match (outcome, gap) {
            (Ok(()), None) => println!("ok   {file} {pointer}"),
            (Err(_), Some((_, reason))) => println!("gap  {file} {pointer}: {reason}"),
            (Err(why), None) => failures.push(format!("{file} {pointer}: {why}")),
            (Ok(()), Some(_)) => failures.push(format!("{file}: passes now, remove its gap")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_relabelled_cryptosuite_fails() {
    for (file, suite, code) in [
        (EDDSA_JCS, "eddsa-rdfc-2022", "signature_mismatch"),
        (JCS_P256, "ecdsa-rdfc-2019", "signature_mismatch"),
        (RDFC_P384, "ecdsa-jcs-2019", "signature_mismatch"),
        (EDDSA_JCS, "ecdsa-jcs-2019", "key_type_mismatch"),
        (JCS_P256, "eddsa-jcs-2022", "key_type_mismatch"),
    ] {
        let mut document = vector(file);
        document["proof"]["cryptosuite"] = json!(suite);
        let outcome = judge(&common::verify_json(&document), Expect::Fails(code));
        assert_eq!(outcome, Ok(()), "{file} as {suite}");
    }
}

#[test]
fn an_es256_signature_with_an_ed25519_key_fails() {
    let mut document = vector(RDFC_P256);
    document["proof"]["verificationMethod"] = json!(ED25519_METHOD);
    let report = common::verify_json(&document);
    assert_eq!(judge(&report, Expect::Fails("key_type_mismatch")), Ok(()));
    assert!(proof_detail(&report).contains("Ed25519 keys cannot verify ecdsa-rdfc-2019 proofs"));
}

/// A P-384 key presented with a SHA-256-hashed (64-byte, P-256-sized)
/// proof is refused; a proof the P-384 key really signed over SHA-256
/// hashes (the signature then P-384-sized) does not verify either, while the
/// same key signing the SHA-384 hashes does.
#[test]
fn a_p384_key_with_a_sha256_hash_fails() {
    let mut relabelled = vector(RDFC_P256);
    relabelled["proof"]["verificationMethod"] = json!(P384_METHOD);
    let report = common::verify_json(&relabelled);
    assert_eq!(judge(&report, Expect::Fails("key_type_mismatch")), Ok(()));
    assert!(proof_detail(&report).contains("P-384 keys cannot verify a 64-byte"));

    let sha256_hashes = prepare(&relabelled, 0, &Default::default(), &Limits::default())
        .unwrap()
        .signed_bytes;
    let mut forged = relabelled.clone();
    forged["proof"]["proofValue"] = json!(sign_p384(&sha256_hashes));
    let report = common::verify_json(&forged);
    assert_eq!(judge(&report, Expect::Fails("signature_mismatch")), Ok(()));

    let mut genuine = vector(RDFC_P384);
    let sha384_hashes = prepare(&genuine, 0, &Default::default(), &Limits::default())
        .unwrap()
        .signed_bytes;
    assert_eq!(sha384_hashes.len(), 96);
    genuine["proof"]["proofValue"] = json!(sign_p384(&sha384_hashes));
    assert_eq!(
        judge(&common::verify_json(&genuine), Expect::Verifies),
        Ok(())
    );
}

/// The P-256 vector re-signed for a did:jwk method of the same key
/// verifies, and the key is bound to a did:jwk issuer.
#[test]
fn a_did_jwk_method_verifies() {
    let did = format!(
        "did:jwk:{}",
        Base64UrlUnpadded::encode_string(p256_jwk().to_string().as_bytes())
    );
    let mut document = vector(RDFC_P256);
    document["issuer"] = json!(did);
    document["proof"]["verificationMethod"] = json!(format!("{did}#0"));
    resign_p256(&mut document);

    let report = common::verify_json(&document);
    assert_eq!(judge(&report, Expect::Verifies), Ok(()));
    assert!(report
        .checks
        .iter()
        .any(|c| c.id == CheckId::IssuerKey && c.outcome == Outcome::Pass));
}

/// The P-256 vector re-signed for a `JsonWebKey` method in a did:web
/// document verifies; the same method with the private part `d` is refused.
#[test]
fn a_json_web_key_method_verifies_and_a_private_one_is_refused() {
    let did = "did:web:issuer.example";
    let method = format!("{did}#key-1");
    let mut document = vector(JCS_P256);
    document["issuer"] = json!(did);
    document["proof"]["verificationMethod"] = json!(method);
    resign_p256(&mut document);

    let did_document = |jwk: Value| {
        json!({"id": did, "assertionMethod": [method],
            "verificationMethod": [{"id": method, "type": "JsonWebKey", "controller": did, "publicKeyJwk": jwk}]})
    };
    let report = verify_with(
        &document,
        "https://issuer.example/.well-known/did.json",
        &did_document(p256_jwk()),
    );
    assert_eq!(judge(&report, Expect::Verifies), Ok(()));
    assert!(report
        .checks
        .iter()
        .any(|c| c.id == CheckId::IssuerKey && c.outcome == Outcome::Pass));

    let mut private = p256_jwk();
    private["d"] = json!(Base64UrlUnpadded::encode_string(&secret_key(
        "p256KeyPair.json"
    )));
    let report = verify_with(
        &document,
        "https://issuer.example/.well-known/did.json",
        &did_document(private),
    );
    assert_eq!(judge(&report, Expect::Fails("key_not_found")), Ok(()));
    assert!(proof_detail(&report).contains("private key part"));
}

fn judge(report: &Report, expect: Expect) -> Result<(), String> {
    let proofs: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.id == CheckId::Proof)
        .collect();
    let ok = match expect {
        Expect::Verifies => !proofs.is_empty() && proofs.iter().all(|c| c.outcome == Outcome::Pass),
        Expect::Fails(code) => proofs.iter().any(|c| {
            c.outcome == Outcome::Fail && c.problem.as_ref().is_some_and(|p| p.code == code)
        }),
    };
    if ok {
        return Ok(());
    }
    let found: Vec<String> = proofs
        .iter()
        .map(|c| {
            format!(
                "{:?} {:?}: {}",
                c.outcome,
                c.problem.as_ref().map(|p| &p.code),
                c.message
            )
        })
        .collect();
    Err(format!("expected {expect:?}, found {found:?}"))
}

fn proof_detail(report: &Report) -> String {
    report
        .checks
        .iter()
        .filter(|c| c.id == CheckId::Proof)
        .filter_map(|c| c.problem.as_ref().map(|p| p.detail.clone()))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn verify_with(document: &Value, url: &str, published: &Value) -> Report {
    let mut fetch = MapFetch::new();
    fetch.insert(url, published.to_string());
    pollster::block_on(verify(Input::Json(document), &common::options(), &fetch))
}

fn vector(file: &str) -> Value {
    if file.starts_with("credentials/") {
        return common::json(file);
    }
    common::json(&format!("{ECDSA}/{file}"))
}

fn set(document: &mut Value, pointer: &str, value: &str) {
    *document
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = serde_json::from_str(value).unwrap();
}

/// The raw secret key of a vc-di-ecdsa key pair file (multicodec header
/// dropped).
fn secret_key(file: &str) -> Vec<u8> {
    let pair = common::json(&format!("{ECDSA}/{file}"));
    let multibase = pair["secretKeyMultibase"].as_str().unwrap();
    let bytes = bs58::decode(&multibase[1..]).into_vec().unwrap();
    bytes[2..].to_vec()
}

fn sign_p384(message: &[u8]) -> String {
    use p384::ecdsa::signature::Signer;
    let key = p384::ecdsa::SigningKey::from_slice(&secret_key("p384KeyPair.json")).unwrap();
    let signature: p384::ecdsa::Signature = key.sign(message);
    format!("z{}", bs58::encode(signature.to_bytes()).into_string())
}

/// Replaces the proof's signature with the vectors' P-256 key's signature
/// of the document as it now stands.
fn resign_p256(document: &mut Value) {
    use p256::ecdsa::signature::Signer;
    let message = prepare(document, 0, &Default::default(), &Limits::default())
        .unwrap()
        .signed_bytes;
    let key = p256::ecdsa::SigningKey::from_slice(&secret_key("p256KeyPair.json")).unwrap();
    let signature: p256::ecdsa::Signature = key.sign(&message);
    document["proof"]["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
}

/// The vectors' P-256 public key as a JWK.
fn p256_jwk() -> Value {
    let multibase = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";
    let bytes = bs58::decode(&multibase[1..]).into_vec().unwrap();
    let point = p256::PublicKey::from_sec1_bytes(&bytes[2..])
        .unwrap()
        .to_encoded_point(false);
    let coordinate = |c: Option<&p256::FieldBytes>| Base64UrlUnpadded::encode_string(c.unwrap());
    json!({"kty": "EC", "crv": "P-256", "x": coordinate(point.x()), "y": coordinate(point.y())})
}
