//! OB 3.0 §9.1 step 3: a `1EdTechCredentialRefresh` service is asked once,
//! only after the proof verified, and what it returns is verified in full.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::{Relation, Report};
use cler_verifier::{verify, CheckId, Input, MapFetch, Outcome, Verdict, VerifyOptions};
use common::issuer::{badge, sign};
use serde_json::{json, Value};

const SERVICE: &str = "https://issuer.example/refresh/42";

fn refreshable() -> Value {
    let mut unsigned = badge(json!([]));
    unsigned.as_object_mut().unwrap().remove("proof");
    unsigned.as_object_mut().unwrap().remove("credentialStatus");
    unsigned["refreshService"] = json!({"id": SERVICE, "type": "1EdTechCredentialRefresh"});
    // 1EdTechCredentialRefresh is defined by the OB extensions context.
    let contexts = unsigned["@context"].as_array_mut().unwrap();
    contexts.push(json!(
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
    ));
    sign(unsigned)
}

fn newer() -> Value {
    let mut unsigned = refreshable();
    unsigned.as_object_mut().unwrap().remove("proof");
    unsigned["name"] = json!("Status test badge, renewed");
    sign(unsigned)
}

fn run(document: &Value, offline: bool) -> Report {
    let mut fetch = MapFetch::new();
    fetch.insert(SERVICE, newer().to_string());
    let options = VerifyOptions {
        offline,
        ..common::options()
    };
    pollster::block_on(verify(Input::Json(document), &options, &fetch))
}

fn refresh_check(report: &Report) -> (Outcome, &str) {
    let check = report
        .checks_for(CheckId::Refresh)
        .next()
        .expect("a refresh check");
    (check.outcome, check.problem.as_ref().map_or("", |p| p.code))
}

#[test]
fn the_refreshed_record_is_verified_in_full() {
    let report = run(&refreshable(), false);
    assert_eq!(refresh_check(&report), (Outcome::Pass, ""));
    let child = report
        .children
        .iter()
        .find(|c| c.relation == Relation::Refreshed)
        .expect("refreshed child");
    assert_eq!(child.report.verdict, Verdict::Verified);
    assert_eq!(
        child
            .report
            .credential
            .as_ref()
            .and_then(|c| c.name.as_deref()),
        Some("Status test badge, renewed")
    );
    assert_eq!(
        child.report.checks_for(CheckId::Refresh).count(),
        0,
        "a refreshed record is not refreshed again"
    );
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn offline_the_service_is_not_asked() {
    let report = run(&refreshable(), true);
    assert_eq!(
        refresh_check(&report),
        (Outcome::Warn, "refresh_unreachable")
    );
    assert_eq!(report.verdict, Verdict::Verified);
}

#[test]
fn a_record_whose_proof_fails_is_not_refreshed() {
    let mut tampered = refreshable();
    tampered["name"] = json!("Something else");
    let report = run(&tampered, false);
    assert_eq!(refresh_check(&report), (Outcome::Warn, "refresh_not_asked"));
    assert!(
        report.lookups.iter().all(|lookup| lookup.url != SERVICE),
        "the service was contacted"
    );
}
