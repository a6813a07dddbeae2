//! A Verifiable Presentation's own proof (issue 5): the holder's Data
//! Integrity proof (eddsa-rdfc-2022, eddsa-jcs-2022) or VP-JWT signature is
//! verified, must be made for `authentication` by the presentation's
//! holder, and must answer the caller's challenge and domain. Presentations
//! are signed here by the test holder (tests/common/holder.rs) around a
//! badge of the test issuer.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index JSON directly and fail loudly; a panic here is a failed test.
mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use cler_verifier::report::Report;
use cler_verifier::{verify, CheckId, Input, MapFetch, Outcome, Verdict, VerifyOptions};
use common::{codes, holder, issuer};
use ed25519_dalek::Signer;
use serde_json::{json, Value};

const RDFC: &str = "eddsa-rdfc-2022";
const JCS: &str = "eddsa-jcs-2022";
const AUTHENTICATION: &str = "authentication";

/// A presentation of one badge by the test holder, signed by the holder.
fn signed(cryptosuite: &str, purpose: &str, extra: Value) -> Value {
    let presentation =
        holder::presentation(json!([issuer::badge(json!([]))]), Some(&holder::did()));
    holder::sign(presentation, holder::proof(cryptosuite, purpose, extra))
}

fn run(presentation: &Value, challenge: Option<&str>, domain: Option<&str>) -> Report {
    run_with(
        Input::Json(presentation),
        challenge,
        domain,
        &common::remote(),
    )
}

fn run_with(
    input: Input<'_>,
    challenge: Option<&str>,
    domain: Option<&str>,
    fetch: &MapFetch,
) -> Report {
    let options = VerifyOptions {
        challenge: challenge.map(str::to_owned),
        domain: domain.map(str::to_owned),
        ..common::options()
    };
    pollster::block_on(verify(input, &options, fetch))
}

/// The outcome and problem code of the presentation's first entry of `id`
/// about `target` (`None`: the untargeted one).
fn entry(report: &Report, id: CheckId, target: Option<&str>) -> (Outcome, Option<&'static str>) {
    let check = report
        .checks_for(id)
        .find(|check| check.target.as_deref() == target)
        .unwrap_or_else(|| panic!("no {id:?} {target:?} in {report:#?}"));
    (check.outcome, check.problem.as_ref().map(|p| p.code))
}

fn message<'r>(report: &'r Report, id: CheckId, target: Option<&str>) -> &'r str {
    let check = report
        .checks_for(id)
        .find(|check| check.target.as_deref() == target);
    check.map_or("", |check| check.message.as_str())
}

#[test]
fn a_holder_signed_presentation_verifies_with_either_eddsa_suite() {
    for suite in [RDFC, JCS] {
        let report = run(&signed(suite, AUTHENTICATION, json!({})), None, None);
        assert_eq!(
            entry(&report, CheckId::Proof, Some("proof")),
            (Outcome::Pass, None),
            "{suite}"
        );
        assert_eq!(
            entry(&report, CheckId::IssuerKey, Some("proof")),
            (Outcome::Pass, None),
            "{suite}"
        );
        assert_eq!(report.verdict, Verdict::Verified, "{suite}: {report:#?}");
        assert!(message(&report, CheckId::IssuerKey, Some("proof")).contains(&holder::did()));
    }
}

#[test]
fn a_tampered_presentation_fails() {
    for suite in [RDFC, JCS] {
        let mut presentation = signed(suite, AUTHENTICATION, json!({}));
        presentation["id"] = json!("urn:uuid:0b6f0a8e-3d4c-4b7a-9e21-5c6d7e8f9a02");
        let report = run(&presentation, None, None);
        assert!(
            codes(&report, Outcome::Fail).contains(&"signature_mismatch".to_owned()),
            "{suite}"
        );
        assert_eq!(report.verdict, Verdict::Invalid, "{suite}");
    }
}

#[test]
fn a_credential_swapped_into_a_signed_presentation_fails() {
    let mut presentation = signed(RDFC, AUTHENTICATION, json!({}));
    let mut other = issuer::badge(json!([]));
    other["name"] = json!("Another badge");
    presentation["verifiableCredential"] = json!([issuer::sign(other)]);
    let report = run(&presentation, None, None);
    assert_eq!(
        entry(&report, CheckId::Proof, Some("proof")).0,
        Outcome::Fail
    );
    assert_eq!(report.children[0].report.verdict, Verdict::Verified);
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn an_assertion_proof_on_a_presentation_fails_in_words() {
    let report = run(&signed(RDFC, "assertionMethod", json!({})), None, None);
    assert!(codes(&report, Outcome::Fail).contains(&"wrong_proof_purpose".to_owned()));
    assert_eq!(report.verdict, Verdict::Invalid);
    let said = report.checks.iter().any(|c| {
        c.message
            .contains("not for proving who presents it (authentication)")
    });
    assert!(said, "{report:#?}");
}

#[test]
fn a_presentation_signed_by_someone_other_than_its_holder_fails() {
    let presentation =
        holder::presentation(json!([issuer::badge(json!([]))]), Some(&issuer::did()));
    let report = run(
        &holder::sign(presentation, holder::proof(RDFC, AUTHENTICATION, json!({}))),
        None,
        None,
    );
    assert_eq!(
        entry(&report, CheckId::Proof, Some("proof")),
        (Outcome::Pass, None)
    );
    assert_eq!(
        entry(&report, CheckId::IssuerKey, Some("proof")),
        (Outcome::Fail, Some("key_not_holders"))
    );
    assert_eq!(report.verdict, Verdict::Invalid);
    let said = message(&report, CheckId::IssuerKey, Some("proof"));
    assert!(
        said.contains(&holder::did()) && said.contains(&issuer::did()),
        "{said}"
    );
}

#[test]
fn a_presentation_without_a_holder_says_who_signed_it() {
    let presentation = holder::presentation(json!([issuer::badge(json!([]))]), None);
    let report = run(
        &holder::sign(presentation, holder::proof(JCS, AUTHENTICATION, json!({}))),
        None,
        None,
    );
    assert_eq!(
        entry(&report, CheckId::IssuerKey, Some("proof")),
        (Outcome::Warn, Some("holder_missing"))
    );
    assert!(message(&report, CheckId::IssuerKey, Some("proof")).contains(&holder::did()));
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn a_holder_who_is_not_the_subject_is_noted_not_failed() {
    let report = run(&signed(RDFC, AUTHENTICATION, json!({})), None, None);
    assert_eq!(
        entry(&report, CheckId::Nested, Some("holder")),
        (Outcome::Warn, Some("holder_not_subject"))
    );
    assert!(message(&report, CheckId::Nested, Some("holder")).contains("did:example:learner"));

    let mut badge = issuer::badge(json!([]));
    badge["credentialSubject"]["id"] = json!(holder::did());
    let own = holder::presentation(json!([issuer::sign(badge)]), Some(&holder::did()));
    let report = run(
        &holder::sign(own, holder::proof(RDFC, AUTHENTICATION, json!({}))),
        None,
        None,
    );
    assert!(
        report
            .checks_for(CheckId::Nested)
            .all(|c| c.target.is_none()),
        "{report:#?}"
    );
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn an_asked_challenge_must_be_answered() {
    let answered = signed(RDFC, AUTHENTICATION, json!({"challenge": "nonce-1"}));
    let report = run(&answered, Some("nonce-1"), None);
    assert_eq!(
        entry(&report, CheckId::Proof, Some("challenge")),
        (Outcome::Pass, None)
    );
    assert_eq!(report.verdict, Verdict::Verified);

    let other = run(&answered, Some("nonce-2"), None);
    assert_eq!(
        entry(&other, CheckId::Proof, Some("challenge")),
        (Outcome::Fail, Some("challenge_mismatch"))
    );
    assert_eq!(other.verdict, Verdict::Invalid);

    let unanswered = run(
        &signed(RDFC, AUTHENTICATION, json!({})),
        Some("nonce-1"),
        None,
    );
    assert_eq!(
        entry(&unanswered, CheckId::Proof, Some("challenge")),
        (Outcome::Fail, Some("challenge_missing"))
    );
    assert_eq!(unanswered.verdict, Verdict::Invalid);
}

#[test]
fn a_challenge_nobody_asked_for_passes_with_a_warning_in_words() {
    let report = run(
        &signed(JCS, AUTHENTICATION, json!({"challenge": "nonce-1"})),
        None,
        None,
    );
    assert_eq!(
        entry(&report, CheckId::Proof, Some("challenge")),
        (Outcome::Pass, None)
    );
    assert!(
        message(&report, CheckId::Proof, Some("challenge")).contains("replay cannot be ruled out")
    );
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn a_challenge_is_signed_so_it_cannot_be_swapped() {
    let mut replayed = signed(RDFC, AUTHENTICATION, json!({"challenge": "nonce-1"}));
    replayed["proof"]["challenge"] = json!("nonce-2");
    let report = run(&replayed, Some("nonce-2"), None);
    assert_eq!(
        entry(&report, CheckId::Proof, Some("challenge")).0,
        Outcome::Pass
    );
    assert_eq!(
        entry(&report, CheckId::Proof, Some("proof")).0,
        Outcome::Fail
    );
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn an_asked_domain_must_be_named() {
    let named = signed(
        RDFC,
        AUTHENTICATION,
        json!({"domain": ["https://admissions.example", "https://jobs.example"]}),
    );
    let report = run(&named, None, Some("https://jobs.example"));
    assert_eq!(
        entry(&report, CheckId::Proof, Some("domain")),
        (Outcome::Pass, None)
    );
    let other = run(&named, None, Some("https://elsewhere.example"));
    assert_eq!(
        entry(&other, CheckId::Proof, Some("domain")),
        (Outcome::Fail, Some("domain_mismatch"))
    );
    let unnamed = run(
        &signed(RDFC, AUTHENTICATION, json!({})),
        None,
        Some("https://jobs.example"),
    );
    assert_eq!(
        entry(&unnamed, CheckId::Proof, Some("domain")),
        (Outcome::Fail, Some("domain_missing"))
    );
}

#[test]
fn an_unsigned_presentation_is_unchanged() {
    let presentation =
        holder::presentation(json!([issuer::badge(json!([]))]), Some(&holder::did()));
    let report = run(&presentation, None, None);
    assert_eq!(entry(&report, CheckId::Proof, None).0, Outcome::Skip);
    assert_eq!(report.checks_for(CheckId::IssuerKey).count(), 0);
    assert!(report
        .checks_for(CheckId::Nested)
        .all(|c| c.target.is_none()));
    assert_eq!(report.verdict, Verdict::Verified);
}

/// A did:web holder whose DID document lists its key under `relationship`.
fn did_web_holder(relationship: &str) -> (String, MapFetch) {
    let did = "did:web:wallet.example";
    let multibase = holder::did().trim_start_matches("did:key:").to_owned();
    let method = format!("{did}#key-1");
    let document = json!({"id": did, "verificationMethod": [{"id": method, "type": "Multikey",
        "controller": did, "publicKeyMultibase": multibase}], relationship: [method]});
    let mut fetch = common::remote();
    fetch.insert(
        "https://wallet.example/.well-known/did.json",
        document.to_string(),
    );
    (method, fetch)
}

#[test]
fn a_did_web_holder_key_must_be_listed_for_authentication() {
    for (relationship, expected) in [
        ("authentication", (Outcome::Pass, None)),
        (
            "assertionMethod",
            (Outcome::Fail, Some("key_not_for_authentication")),
        ),
    ] {
        let (method, fetch) = did_web_holder(relationship);
        let presentation = holder::presentation(
            json!([issuer::badge(json!([]))]),
            Some("did:web:wallet.example"),
        );
        let mut proof = holder::proof(RDFC, AUTHENTICATION, json!({}));
        proof["verificationMethod"] = json!(method);
        let signed = holder::sign(presentation, proof);
        let report = run_with(Input::Json(&signed), None, None, &fetch);
        assert_eq!(
            entry(&report, CheckId::IssuerKey, Some("proof")),
            expected,
            "{relationship}"
        );
    }
}

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// A VC-JOSE `vp+jwt` of `payload`, signed by the holder and naming `kid`.
fn vp_jwt(payload: &Value, kid: &str) -> String {
    let header = json!({"alg": "EdDSA", "typ": "vp+jwt", "kid": kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let signature = holder::key().sign(input.as_bytes());
    format!("{input}.{}", b64(&signature.to_bytes()))
}

/// A VP-JWT payload: a presentation by `holder` with the claims in `extra`.
fn vp_payload(holder_id: &str, extra: Value) -> Value {
    let mut payload = holder::presentation(json!([issuer::badge(json!([]))]), Some(holder_id));
    for (name, value) in extra.as_object().into_iter().flatten() {
        payload[name] = value.clone();
    }
    payload
}

#[test]
fn a_vp_jwt_is_bound_to_its_holder() {
    let fetch = common::remote();
    let own = vp_jwt(
        &vp_payload(&holder::did(), json!({"iss": holder::did()})),
        &holder::method(),
    );
    let report = run_with(Input::Bytes(own.as_bytes()), None, None, &fetch);
    assert_eq!(
        entry(&report, CheckId::IssuerKey, Some("jwt")),
        (Outcome::Pass, None)
    );
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");

    let other = vp_jwt(&vp_payload(&issuer::did(), json!({})), &holder::method());
    let report = run_with(Input::Bytes(other.as_bytes()), None, None, &fetch);
    assert_eq!(
        entry(&report, CheckId::IssuerKey, Some("jwt")),
        (Outcome::Fail, Some("key_not_holders"))
    );
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn a_vp_jwt_key_must_be_listed_for_authentication() {
    for (relationship, expected) in [
        ("authentication", (Outcome::Pass, None)),
        (
            "assertionMethod",
            (Outcome::Fail, Some("key_not_for_authentication")),
        ),
    ] {
        let (method, fetch) = did_web_holder(relationship);
        let token = vp_jwt(&vp_payload("did:web:wallet.example", json!({})), &method);
        let report = run_with(Input::Bytes(token.as_bytes()), None, None, &fetch);
        assert_eq!(
            entry(&report, CheckId::Proof, Some("jwt")),
            (Outcome::Pass, None),
            "{relationship}"
        );
        assert_eq!(
            entry(&report, CheckId::IssuerKey, Some("jwt")),
            expected,
            "{relationship}"
        );
    }
}

#[test]
fn a_vp_jwt_answers_the_challenge_with_nonce_and_the_domain_with_aud() {
    let fetch = common::remote();
    let claims = json!({"nonce": "nonce-1", "aud": "https://jobs.example"});
    let token = vp_jwt(&vp_payload(&holder::did(), claims), &holder::method());
    let input = || Input::Bytes(token.as_bytes());

    let report = run_with(
        input(),
        Some("nonce-1"),
        Some("https://jobs.example"),
        &fetch,
    );
    assert_eq!(
        entry(&report, CheckId::Proof, Some("challenge")),
        (Outcome::Pass, None)
    );
    assert_eq!(
        entry(&report, CheckId::Proof, Some("domain")),
        (Outcome::Pass, None)
    );
    assert_eq!(report.verdict, Verdict::Verified, "{report:#?}");

    let replayed = run_with(input(), Some("nonce-2"), None, &fetch);
    assert_eq!(
        entry(&replayed, CheckId::Proof, Some("challenge")),
        (Outcome::Fail, Some("challenge_mismatch"))
    );
    let unasked = run_with(input(), None, None, &fetch);
    assert!(
        message(&unasked, CheckId::Proof, Some("challenge")).contains("replay cannot be ruled out")
    );
}
