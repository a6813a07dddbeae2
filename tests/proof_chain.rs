//! Proof chains (VC Data Integrity §"Proof Chains"): a proof naming a
//! `previousProof` signs the document with that proof in it, so tampering
//! with the earlier proof breaks the later one too, and naming a proof that
//! is not there fails. Vector: W3C vc-di-eddsa `signedProofChain2.json`.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::Report;
use cler_verifier::{CheckId, Outcome};
use serde_json::{json, Value};

const CHAIN: &str =
    "credentials/w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json";

fn proof_outcome(report: &Report, target: &str) -> Outcome {
    let check = report
        .checks_for(CheckId::Proof)
        .find(|c| c.target.as_deref() == Some(target));
    check.map(|c| c.outcome).expect(target)
}

fn chain() -> Value {
    common::json(CHAIN)
}

#[test]
fn every_proof_of_the_untouched_chain_verifies() {
    let report = common::verify_json(&chain());
    for target in ["proof[0]", "proof[1]", "proof[2]"] {
        assert_eq!(proof_outcome(&report, target), Outcome::Pass, "{target}");
    }
}

#[test]
fn a_tampered_previous_proof_breaks_the_proof_that_chains_to_it() {
    let mut document = chain();
    document["proof"][0]["created"] = json!("2023-02-25T00:00:00Z");
    let report = common::verify_json(&document);
    assert_eq!(proof_outcome(&report, "proof[0]"), Outcome::Fail);
    assert_eq!(proof_outcome(&report, "proof[1]"), Outcome::Pass);
    assert_eq!(
        proof_outcome(&report, "proof[2]"),
        Outcome::Fail,
        "the chained proof covers proof[0]"
    );
}

#[test]
fn a_missing_previous_proof_fails() {
    let mut document = chain();
    document["proof"][2]["previousProof"] = json!("urn:uuid:not-in-this-document");
    let report = common::verify_json(&document);
    assert_eq!(proof_outcome(&report, "proof[2]"), Outcome::Fail);
    let details: Vec<String> = report
        .checks_for(CheckId::Proof)
        .filter_map(|c| c.problem.as_ref().map(|p| p.detail.clone()))
        .collect();
    assert!(
        details
            .iter()
            .any(|d| d.contains("urn:uuid:not-in-this-document")),
        "{details:?}"
    );
}
