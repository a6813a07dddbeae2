//! Hostile and odd inputs found by trying to break the verifier: each gets
//! a clear verdict quickly, never a hang and never a false "verified".

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use std::time::{Duration, Instant};

use cler_verifier::report::Report;
use cler_verifier::{CheckId, Outcome, Verdict};
use serde_json::{json, Value};

/// A genuine DCC credential (eddsa-rdfc-2022, did:key), MIT.
const BASE: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json";

fn base() -> Value {
    common::json(BASE)
}

fn timed(run: impl FnOnce() -> Report) -> (Report, Duration) {
    let started = Instant::now();
    let report = run();
    (report, started.elapsed())
}

fn codes(report: &Report) -> Vec<String> {
    let mut all = common::codes(report, Outcome::Fail);
    all.extend(common::codes(report, Outcome::Unknown));
    all
}

#[test]
fn a_five_megabyte_proof_value_is_refused_at_once() {
    let mut document = base();
    document["proof"]["proofValue"] = json!(format!("z{}", "3".repeat(5_000_000)));
    let (report, took) = timed(|| common::verify_json(&document));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn a_duplicate_key_is_refused_and_named() {
    let text = r#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "issuer": "did:key:zEVIL", "issuer": {"id": "did:example:good"}}"#;
    let report = common::verify_bytes(text.as_bytes());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(
        report.headline.contains("\"issuer\" twice"),
        "{}",
        report.headline
    );
}

#[test]
fn too_many_proofs_are_not_each_canonicalised() {
    let mut document = base();
    let proof = document["proof"].clone();
    document["proof"] = Value::Array(vec![proof; 500]);
    let (report, took) = timed(|| common::verify_json(&document));
    assert!(
        codes(&report).contains(&"too_many_proofs".to_owned()),
        "{:?}",
        codes(&report)
    );
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn too_many_contexts_are_refused_before_json_ld_work() {
    let mut document = base();
    let contexts = document["@context"].as_array().unwrap().clone();
    let repeated: Vec<Value> = contexts.iter().cycle().take(1000).cloned().collect();
    document["@context"] = Value::Array(repeated);
    let report = common::verify_json(&document);
    assert!(codes(&report).contains(&"too_many_contexts".to_owned()));
}

#[test]
fn a_clr_past_the_credential_budget_reports_the_rest_unchecked() {
    let clr = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"type": "ClrSubject", "verifiableCredential": vec![json!({"type": "VerifiableCredential"}); 300]}
    });
    let report = common::verify_json(&clr);
    assert!(
        report.children.len() < 300,
        "{} children",
        report.children.len()
    );
    let skipped = report.checks_for(CheckId::Nested).find(|c| {
        c.problem
            .as_ref()
            .is_some_and(|p| p.code == "too_many_credentials")
    });
    assert_eq!(skipped.map(|c| c.outcome), Some(Outcome::Unknown));
    assert_ne!(report.verdict, Verdict::Verified);
}

#[test]
fn an_empty_presentation_is_not_verified() {
    let empty = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation"});
    assert_eq!(common::verify_json(&empty).verdict, Verdict::Invalid);
}

#[test]
fn a_presentation_proof_that_is_not_checked_makes_it_incomplete() {
    let signed = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation",
        "verifiableCredential": [base()], "proof": {"type": "DataIntegrityProof"}});
    let report = common::verify_json(&signed);
    assert_eq!(report.verdict, Verdict::Incomplete);
    assert_eq!(
        report.children.first().map(|c| c.report.verdict),
        Some(Verdict::Verified)
    );
}

#[test]
fn a_presentation_without_the_vc_context_is_invalid() {
    let bare =
        json!({"type": "VerifiablePresentation", "verifiableCredential": [base()], "odd": 1});
    assert_eq!(common::verify_json(&bare).verdict, Verdict::Invalid);
}

#[test]
fn json_limits_are_named_as_limits() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(common::verify_bytes(deep.as_bytes())
        .headline
        .contains("nested too deeply"));
    let huge_number = r#"{"a": 1e400}"#;
    assert!(common::verify_bytes(huge_number.as_bytes())
        .headline
        .contains("number too large"));
}

/// Every text of a report and its children, for looking for raw controls.
fn texts(report: &Report) -> Vec<String> {
    let mut found = vec![report.headline.clone()];
    found.extend(report.checks.iter().map(|check| check.message.clone()));
    if let Some(summary) = &report.credential {
        found.extend(summary.issuer.name.clone());
        found.extend(summary.subject.name.clone());
    }
    for child in &report.children {
        found.extend(texts(&child.report));
    }
    found
}

#[test]
fn control_characters_from_the_record_are_shown_not_obeyed() {
    let mut document = base();
    document["issuer"]["name"] = json!("Example \u{202e}University\u{0}");
    let report = common::verify_json(&document);

    let name = report
        .credential
        .as_ref()
        .unwrap()
        .issuer
        .name
        .clone()
        .unwrap();
    assert_eq!(name, "Example [U+202E]University[U+0000]");
    for text in texts(&report) {
        assert!(
            !text.chars().any(|c| c == '\u{202e}' || c == '\u{0}'),
            "{text:?}"
        );
    }
    assert_eq!(report.verdict, Verdict::Invalid, "the name is signed");
}
