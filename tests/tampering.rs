//! A genuine credential changed in any way after signing is never verified,
//! and the failing check names the cause.
//!
//! Base: a Digital Credentials Consortium test credential
//! (`dcc-vc-test-fixtures`, eddsa-rdfc-2022, did:key), MIT.


#![allow(clippy::indexing_slicing, clippy::panic, clippy::unwrap_used, clippy::expect_used)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.
mod common;

use cler_verifier::report::Report;
use cler_verifier::{Outcome, Verdict};
use serde_json::{json, Value};

const BASE: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json";

fn base() -> Value {
    common::json(BASE)
}

fn failing(report: &Report) -> Vec<String> {
    common::codes(report, Outcome::Fail)
}

fn assert_fails_with(document: &Value, code: &str) {
    let report = common::verify_json(document);
    assert_eq!(report.verdict, Verdict::Invalid, "{code}: {:#?}", report.checks);
    assert!(failing(&report).iter().any(|c| c == code), "expected {code}, got {:?}", failing(&report));
}

#[test]
fn the_untouched_base_verifies() {
    let report = common::verify_json(&base());
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
}

#[test]
fn every_changed_field_breaks_verification() {
    let document = base();
    let mut leaves = Vec::new();
    collect_leaves(&document, String::new(), &mut leaves);
    let leaves: Vec<String> = leaves.into_iter().filter(|p| !p.starts_with("/proof")).collect();
    assert!(leaves.len() > 10, "too few fields: {leaves:?}");

    for pointer in leaves {
        let mut changed = document.clone();
        if let Some(leaf) = changed.pointer_mut(&pointer) {
            *leaf = altered(leaf);
        }
        let report = common::verify_json(&changed);
        assert_eq!(report.verdict, Verdict::Invalid, "changing {pointer} was not caught");
        assert!(!failing(&report).is_empty(), "changing {pointer}: no failing check named it");
    }
}

#[test]
fn a_relabelled_cryptosuite_fails_the_signature() {
    let mut document = base();
    document["proof"]["cryptosuite"] = json!("eddsa-2022");
    assert_fails_with(&document, "signature_mismatch");
}

#[test]
fn a_cryptosuite_relabelled_to_another_algorithm_is_not_verified() {
    let mut document = base();
    document["proof"]["cryptosuite"] = json!("ecdsa-rdfc-2019");
    let report = common::verify_json(&document);
    assert_ne!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
}

#[test]
fn a_proof_purpose_other_than_assertion_fails() {
    let mut document = base();
    document["proof"]["proofPurpose"] = json!("authentication");
    assert_fails_with(&document, "wrong_proof_purpose");
}

#[test]
fn an_unknown_context_fails_and_is_named() {
    let mut document = base();
    if let Some(contexts) = document["@context"].as_array_mut() {
        contexts.push(json!("https://example.com/contexts/unknown.jsonld"));
    }
    assert_fails_with(&document, "unknown_context");
    let report = common::verify_json(&document);
    let named = report.checks.iter().any(|c| c.message.contains("https://example.com/contexts/unknown.jsonld"));
    assert!(named, "the unknown context URL is not named");
}

#[test]
fn an_undefined_term_fails_and_is_named() {
    let mut document = base();
    document["credentialSubject"]["favouriteColour"] = json!("blue");
    assert_fails_with(&document, "undefined_term");
    let report = common::verify_json(&document);
    assert!(report.checks.iter().any(|c| c.message.contains("favouriteColour")), "term not named");
}

#[test]
fn a_relative_id_fails_and_is_named() {
    let mut document = base();
    document["credentialSubject"]["id"] = json!("learners/42");
    assert_fails_with(&document, "relative_iri");
    let report = common::verify_json(&document);
    assert!(report.checks.iter().any(|c| c.message.contains("learners/42")), "relative id not named");
}

fn collect_leaves(value: &Value, pointer: String, leaves: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                collect_leaves(item, format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1")), leaves);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_leaves(item, format!("{pointer}/{index}"), leaves);
            }
        }
        _ => leaves.push(pointer),
    }
}

fn altered(leaf: &Value) -> Value {
    match leaf {
        Value::String(text) => json!(format!("{text}x")),
        Value::Number(number) => json!(number.as_f64().unwrap_or(0.0) + 1.0),
        Value::Bool(flag) => json!(!flag),
        _ => json!("changed"),
    }
}
