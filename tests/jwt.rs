//! VC-JWT (issue #3): OB 3.0 §8.2 and VC-JOSE-COSE tokens built here with
//! fixed test keys, so each refusal rule is exercised on its own, plus the
//! forms a JWT arrives in (pasted, `{"jwt": …}`, nested in a CLR,
//! `endorsementJwt`).

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index JSON directly and fail loudly; a panic here is a failed test.
mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use cler_verifier::report::{Relation, Report};
use cler_verifier::{CheckId, MapFetch, Outcome, Verdict};
use common::{codes, issuer};
use ed25519_dalek::Signer;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// `header.payload` and the signature `sign` makes over it, as compact JWS.
fn compact(header: &Value, payload: &Value, sign: impl Fn(&[u8]) -> Vec<u8>) -> String {
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let signature = sign(input.as_bytes());
    format!("{input}.{}", b64(&signature))
}

fn ed25519(input: &[u8]) -> Vec<u8> {
    issuer::key().sign(input).to_bytes().to_vec()
}

fn kid() -> String {
    let did = issuer::did();
    format!("{did}#{}", did.trim_start_matches("did:key:"))
}

/// An unsigned OB 3.0 badge by the test issuer.
fn badge() -> Value {
    let mut badge = issuer::badge(json!([]));
    let map = badge.as_object_mut().unwrap();
    map.remove("proof");
    map.remove("credentialStatus");
    badge
}

/// OB 3.0 §8.2 claims around `credential` in the VC 1.1 `vc` form.
fn claims(credential: &Value) -> Value {
    json!({
        "iss": credential["issuer"]["id"],
        "sub": credential["credentialSubject"]["id"],
        "jti": credential["id"],
        "nbf": 1_735_689_600,
        "vc": credential,
    })
}

fn eddsa_jwt(payload: &Value) -> String {
    compact(
        &json!({"alg": "EdDSA", "typ": "JWT", "kid": kid()}),
        payload,
        ed25519,
    )
}

fn verify(text: &str) -> Report {
    common::verify_bytes(text.as_bytes())
}

fn verify_with(text: &str, fetch: &MapFetch) -> Report {
    pollster::block_on(cler_verifier::verify(
        cler_verifier::Input::Bytes(text.as_bytes()),
        &common::options(),
        fetch,
    ))
}

fn failed(report: &Report) -> Vec<String> {
    codes(report, Outcome::Fail)
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut block = [0u8; 64];
    block[..key.len()].copy_from_slice(key);
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .to_vec()
}

#[test]
fn an_eddsa_jwt_by_its_did_key_issuer_verifies() {
    let report = verify(&eddsa_jwt(&claims(&badge())));
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");
    let proof = report.checks_for(CheckId::Proof).next().unwrap();
    assert_eq!(proof.target.as_deref(), Some("jwt"));
}

#[test]
fn a_changed_payload_breaks_the_signature() {
    let token = eddsa_jwt(&claims(&badge()));
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut forged = claims(&badge());
    forged["vc"]["name"] = json!("Forged badge");
    parts[1] = b64(forged.to_string().as_bytes());
    let report = verify(&parts.join("."));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(failed(&report).contains(&"signature_mismatch".to_owned()));
}

#[test]
fn alg_none_is_rejected() {
    let header = json!({"alg": "none", "typ": "JWT", "kid": kid()});
    let token = compact(&header, &claims(&badge()), |_| Vec::new());
    let report = verify(&token);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(failed(&report), ["jwt_unsigned"]);
}

#[test]
fn hs256_with_the_issuers_public_key_as_secret_is_rejected() {
    let public = issuer::key().verifying_key().to_bytes();
    let by_kid = json!({"alg": "HS256", "typ": "JWT", "kid": kid()});
    let token = compact(&by_kid, &claims(&badge()), |input| {
        hmac_sha256(&public, input)
    });
    let report = verify(&token);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(failed(&report), ["jwt_hmac"]);

    let as_jwk = json!({"alg": "HS256", "jwk": {"kty": "oct", "k": b64(&public)}});
    let token = compact(&as_jwk, &claims(&badge()), |input| {
        hmac_sha256(&public, input)
    });
    assert_eq!(verify(&token).verdict, Verdict::Invalid);
}

#[test]
fn an_es256_signature_with_an_ed25519_key_is_rejected() {
    let p256 = p256::ecdsa::SigningKey::from_slice(&[9; 32]).unwrap();
    let header = json!({"alg": "ES256", "typ": "JWT", "kid": kid()});
    let token = compact(&header, &claims(&badge()), |input| {
        let signature: p256::ecdsa::Signature = p256.sign(input);
        signature.to_bytes().to_vec()
    });
    let report = verify(&token);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(failed(&report), ["jwt_key_type_mismatch"]);
}

#[test]
fn an_es256_jwt_by_did_jwk_verifies() {
    let p256 = p256::ecdsa::SigningKey::from_slice(&[9; 32]).unwrap();
    let point = p256.verifying_key().to_encoded_point(false);
    let jwk = json!({"kty": "EC", "crv": "P-256",
        "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap())});
    let did = format!("did:jwk:{}", b64(jwk.to_string().as_bytes()));
    let mut credential = badge();
    credential["issuer"]["id"] = json!(did);
    let header = json!({"alg": "ES256", "typ": "JWT", "kid": format!("{did}#0")});
    let token = compact(&header, &claims(&credential), |input| {
        let signature: p256::ecdsa::Signature = p256.sign(input);
        signature.to_bytes().to_vec()
    });
    let report = verify(&token);
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");
}

#[test]
fn a_jwt_whose_iss_differs_from_issuer_fails() {
    let mut payload = claims(&badge());
    payload["iss"] = json!("did:example:someone-else");
    let report = verify(&eddsa_jwt(&payload));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(failed(&report), ["jwt_claim_mismatch"]);
    let mismatch = report
        .checks
        .iter()
        .find(|check| check.outcome == Outcome::Fail)
        .unwrap();
    assert!(mismatch.message.contains("did:example:someone-else"));
    assert!(mismatch.message.contains(&issuer::did()));
}

#[test]
fn a_jwk_header_with_a_private_part_is_rejected() {
    let secret = issuer::key();
    let jwk = json!({"kty": "OKP", "crv": "Ed25519",
        "x": b64(secret.verifying_key().as_bytes()), "d": b64(secret.as_bytes())});
    let header = json!({"alg": "EdDSA", "typ": "JWT", "jwk": jwk});
    let report = verify(&compact(&header, &claims(&badge()), ed25519));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(failed(&report), ["jwt_private_key"]);
}

#[test]
fn a_public_jwk_header_is_self_asserted_until_the_issuer_lists_it() {
    let public = json!({"kty": "OKP", "crv": "Ed25519",
        "x": b64(issuer::key().verifying_key().as_bytes())});
    let profile_url = "https://college.example/issuer";
    let mut credential = badge();
    credential["issuer"]["id"] = json!(profile_url);
    let header = json!({"alg": "EdDSA", "typ": "JWT", "jwk": public});
    let token = compact(&header, &claims(&credential), ed25519);

    let offline = verify(&token);
    assert_eq!(offline.verdict, Verdict::Incomplete);
    assert_eq!(codes(&offline, Outcome::Unknown), ["key_self_asserted"]);

    let mut fetch = MapFetch::new();
    let profile = json!({"id": profile_url, "verificationMethod": [{"id": "#k", "type": "JsonWebKey",
        "controller": profile_url, "publicKeyJwk": public}], "assertionMethod": ["#k"]});
    fetch.insert(profile_url, profile.to_string());
    assert_eq!(verify_with(&token, &fetch).verdict, Verdict::Verified);
}

#[test]
fn a_jwt_naming_no_key_is_unknown() {
    let header = json!({"alg": "EdDSA", "typ": "JWT"});
    let report = verify(&compact(&header, &claims(&badge()), ed25519));
    assert_eq!(report.verdict, Verdict::Incomplete);
    assert!(codes(&report, Outcome::Unknown).contains(&"jwt_no_key".to_owned()));
}

#[test]
fn crit_and_foreign_media_types_are_rejected_extra_headers_warned() {
    let crit = json!({"alg": "EdDSA", "kid": kid(), "crit": ["exp"]});
    let report = verify(&compact(&crit, &claims(&badge()), ed25519));
    assert_eq!(failed(&report), ["jwt_critical_header"]);
    let typ = json!({"alg": "EdDSA", "kid": kid(), "typ": "bad+typ"});
    let report = verify(&compact(&typ, &claims(&badge()), ed25519));
    assert_eq!(failed(&report), ["jwt_media_type"]);
    let extra = json!({"alg": "EdDSA", "kid": kid(), "typ": "JWT", "x5u": "https://x.example"});
    let report = verify(&compact(&extra, &claims(&badge()), ed25519));
    assert_eq!(report.verdict, Verdict::Verified);
    assert_eq!(codes(&report, Outcome::Warn), ["jwt_extra_header"]);
}

#[test]
fn a_future_nbf_fails_by_the_clock() {
    let mut payload = claims(&badge());
    payload["vc"].as_object_mut().unwrap().remove("validFrom");
    payload["vc"]["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    ]);
    payload["nbf"] = json!(common::NOW + 3600);
    let report = verify(&eddsa_jwt(&payload));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(failed(&report).contains(&"not_yet_valid".to_owned()));
}

#[test]
fn the_vc_jose_payload_form_and_the_json_wrapper_verify() {
    let mut payload = badge();
    payload["iss"] = payload["issuer"]["id"].clone();
    payload["iat"] = json!(1_735_689_600);
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": kid()});
    let token = compact(&header, &payload, ed25519);
    assert_eq!(verify(&token).verdict, Verdict::Verified);
    let wrapped = json!({"jwt": token}).to_string();
    assert_eq!(verify(&wrapped).verdict, Verdict::Verified);
}

#[test]
fn embedded_proofs_inside_the_payload_are_verified_too() {
    let signed = issuer::sign(badge());
    let report = verify(&eddsa_jwt(&claims(&signed)));
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");
    assert!(report
        .checks_for(CheckId::Proof)
        .any(|c| c.target.as_deref() == Some("proofs")));

    let mut tampered = signed;
    tampered["name"] = json!("Changed after the embedded proof");
    let report = verify(&eddsa_jwt(&claims(&tampered)));
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn jwts_nested_in_a_clr_and_as_endorsement_jwt_are_verified() {
    let nested = eddsa_jwt(&claims(&badge()));
    let mut endorsed = badge();
    endorsed["credentialSubject"]["achievement"]["endorsementJwt"] = json!([nested.clone()]);
    let clr = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:7d3c0a4e-1111-4000-8000-000000000001",
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": {"id": issuer::did(), "type": ["Profile"], "name": "Test College"},
        "name": "Record", "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "type": ["ClrSubject"],
            "verifiableCredential": [nested]}
    });
    let report = verify(&eddsa_jwt(&claims(&clr)));
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");
    assert_eq!(report.children.len(), 1);
    assert_eq!(report.children[0].relation, Relation::Nested);
    assert_eq!(report.children[0].report.verdict, Verdict::Verified);

    let report = verify(&eddsa_jwt(&claims(&endorsed)));
    let child = &report.children[0];
    assert_eq!(child.relation, Relation::Endorsement);
    assert_eq!(
        child.pointer,
        "/credentialSubject/achievement/endorsementJwt/0"
    );
    assert!(child
        .report
        .checks_for(CheckId::Proof)
        .all(|c| c.outcome == Outcome::Pass));
}

#[test]
fn a_vp_jwt_holds_enveloped_credentials_each_judged_on_its_own() {
    let path = "credentials/w3c-vc-jose-cose/test-suite/input/presentation-jose-multiple.txt";
    let options = cler_verifier::VerifyOptions {
        now: Some(1_734_350_000),
        ..cler_verifier::VerifyOptions::default()
    };
    let bytes = common::read(path);
    let report = pollster::block_on(cler_verifier::verify(
        cler_verifier::Input::Bytes(&bytes),
        &options,
        &common::remote(),
    ));
    let verdicts: Vec<Verdict> = report.children.iter().map(|c| c.report.verdict).collect();
    assert_eq!(
        verdicts,
        [Verdict::Verified, Verdict::Incomplete, Verdict::Incomplete]
    );
    assert_eq!(report.verdict, Verdict::Incomplete);
    assert!(report
        .checks_for(CheckId::Proof)
        .all(|c| c.outcome == Outcome::Pass));
}
