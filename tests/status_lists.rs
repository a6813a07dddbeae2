//! Status lists built and signed here, so every bit, date and purpose is
//! known: revocation and suspension, bit order, list integrity and length,
//! unreachable lists. A list that cannot be trusted or read is `unknown`,
//! never "not revoked".

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::Report;
use cler_verifier::{verify, CheckId, Input, MapFetch, Outcome, Verdict};
use common::issuer::{badge, entry, status_list};
use serde_json::{json, Value};

const REVOCATION: &str = "https://status.example/lists/revocation";
const SUSPENSION: &str = "https://status.example/lists/suspension";
const FULL: usize = 16 * 1024;

fn bits_with(set: &[usize]) -> Vec<u8> {
    let mut bits = vec![0u8; FULL];
    for index in set {
        bits[index / 8] |= 0x80 >> (index % 8);
    }
    bits
}

fn check(credential: &Value, lists: &[(&str, Value)]) -> Report {
    let mut fetch = MapFetch::new();
    for (url, list) in lists {
        fetch.insert(*url, list.to_string());
    }
    pollster::block_on(verify(Input::Json(credential), &common::options(), &fetch))
}

fn status_checks(report: &Report) -> Vec<(Outcome, String, Option<&'static str>)> {
    report
        .checks_for(CheckId::Status)
        .map(|c| {
            (
                c.outcome,
                c.problem.as_ref().map_or("", |p| p.code).to_owned(),
                c.problem.as_ref().and_then(|p| p.w3c),
            )
        })
        .collect()
}

fn one_status(report: &Report) -> (Outcome, String, Option<&'static str>) {
    status_checks(report)
        .into_iter()
        .next()
        .expect("a status check")
}

#[test]
fn the_test_issuer_signs_credentials_that_verify() {
    let list = status_list(REVOCATION, "revocation", &bits_with(&[]), None, true);
    let report = check(
        &badge(entry(REVOCATION, "revocation", 3)),
        &[(REVOCATION, list)],
    );
    assert_eq!(report.verdict, Verdict::Verified, "{:#?}", report.checks);
}

#[test]
fn index_zero_is_the_most_significant_bit() {
    let list = status_list(REVOCATION, "revocation", &bits_with(&[0]), None, true);
    let lists = [(REVOCATION, list)];
    assert_eq!(
        one_status(&check(&badge(entry(REVOCATION, "revocation", 0)), &lists)).1,
        "revoked"
    );
    assert_eq!(
        one_status(&check(&badge(entry(REVOCATION, "revocation", 7)), &lists)).0,
        Outcome::Pass
    );
}

#[test]
fn the_mirror_case_reads_index_seven() {
    let list = status_list(REVOCATION, "revocation", &bits_with(&[7]), None, false);
    let lists = [(REVOCATION, list)];
    assert_eq!(
        one_status(&check(&badge(entry(REVOCATION, "revocation", 0)), &lists)).0,
        Outcome::Pass
    );
    let revoked = check(&badge(entry(REVOCATION, "revocation", 7)), &lists);
    assert_eq!(one_status(&revoked).1, "revoked");
    assert_eq!(revoked.verdict, Verdict::Invalid);
}

#[test]
fn lists_with_and_without_the_multibase_prefix_read_alike() {
    for multibase in [true, false] {
        let list = status_list(REVOCATION, "revocation", &bits_with(&[5]), None, multibase);
        let report = check(
            &badge(entry(REVOCATION, "revocation", 5)),
            &[(REVOCATION, list)],
        );
        assert_eq!(one_status(&report).1, "revoked", "multibase {multibase}");
    }
}

#[test]
fn a_list_whose_own_proof_is_tampered_is_not_trusted() {
    let mut list = status_list(REVOCATION, "revocation", &bits_with(&[]), None, true);
    list["credentialSubject"]["encodedList"] =
        status_list(REVOCATION, "revocation", &bits_with(&[1]), None, true)["credentialSubject"]
            ["encodedList"]
            .clone();
    let report = check(
        &badge(entry(REVOCATION, "revocation", 2)),
        &[(REVOCATION, list)],
    );
    assert_eq!(
        one_status(&report),
        (
            Outcome::Unknown,
            "status_list_untrusted".into(),
            Some("STATUS_VERIFICATION_ERROR")
        )
    );
    assert_ne!(report.verdict, Verdict::Verified);
}

#[test]
fn an_expired_list_is_not_trusted() {
    let list = status_list(
        REVOCATION,
        "revocation",
        &bits_with(&[]),
        Some("2025-06-01T00:00:00Z"),
        true,
    );
    let report = check(
        &badge(entry(REVOCATION, "revocation", 2)),
        &[(REVOCATION, list)],
    );
    assert_eq!(one_status(&report).0, Outcome::Unknown);
    assert_eq!(one_status(&report).2, Some("STATUS_VERIFICATION_ERROR"));
}

#[test]
fn a_list_for_another_purpose_is_not_used() {
    let list = status_list(REVOCATION, "suspension", &bits_with(&[]), None, true);
    let report = check(
        &badge(entry(REVOCATION, "revocation", 2)),
        &[(REVOCATION, list)],
    );
    assert_eq!(
        one_status(&report),
        (
            Outcome::Unknown,
            "status_list_untrusted".into(),
            Some("STATUS_VERIFICATION_ERROR")
        )
    );
}

#[test]
fn a_too_short_list_is_read_with_the_length_error_noted() {
    let list = status_list(REVOCATION, "revocation", &[0u8; 100], None, true);
    let report = check(
        &badge(entry(REVOCATION, "revocation", 2)),
        &[(REVOCATION, list.clone())],
    );
    assert_eq!(
        one_status(&report),
        (
            Outcome::Warn,
            "status_list_short".into(),
            Some("STATUS_LIST_LENGTH_ERROR")
        )
    );
    let mut short = vec![0u8; 100];
    short[0] = 0x20;
    let revoked_list = status_list(REVOCATION, "revocation", &short, None, true);
    let revoked = check(
        &badge(entry(REVOCATION, "revocation", 2)),
        &[(REVOCATION, revoked_list)],
    );
    assert_eq!(one_status(&revoked).1, "revoked");
}

#[test]
fn an_index_out_of_range_fails() {
    let list = status_list(REVOCATION, "revocation", &bits_with(&[]), None, true);
    let report = check(
        &badge(entry(REVOCATION, "revocation", 200_000)),
        &[(REVOCATION, list)],
    );
    assert_eq!(
        one_status(&report),
        (
            Outcome::Fail,
            "status_list_invalid".into(),
            Some("RANGE_ERROR")
        )
    );
}

#[test]
fn an_unreachable_list_is_unknown_never_not_revoked() {
    let report = check(&badge(entry(REVOCATION, "revocation", 2)), &[]);
    assert_eq!(
        one_status(&report),
        (
            Outcome::Unknown,
            "status_unreachable".into(),
            Some("STATUS_RETRIEVAL_ERROR")
        )
    );
    assert_eq!(report.verdict, Verdict::Incomplete);
    assert!(
        report.lookups.iter().any(|l| l.url == REVOCATION),
        "the attempt is listed"
    );
}

#[test]
fn only_the_suspension_list_marks_it_so_it_is_suspended() {
    let revocation = status_list(REVOCATION, "revocation", &bits_with(&[]), None, true);
    let suspension = status_list(SUSPENSION, "suspension", &bits_with(&[9]), None, true);
    let entries = json!([
        entry(REVOCATION, "revocation", 9),
        entry(SUSPENSION, "suspension", 9)
    ]);
    let report = check(
        &badge(entries),
        &[(REVOCATION, revocation), (SUSPENSION, suspension)],
    );
    let codes: Vec<String> = status_checks(&report)
        .into_iter()
        .map(|(_, code, _)| code)
        .collect();
    assert_eq!(codes, ["", "suspended"]);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(report.headline.contains("suspended"), "{}", report.headline);
}

#[test]
fn a_multi_bit_status_shows_the_issuers_message() {
    let list = status_list(REVOCATION, "message", &bits_with(&[4 * 2]), None, true);
    let mut message_entry = entry(REVOCATION, "message", 4);
    message_entry["statusSize"] = json!(2);
    message_entry["statusMessage"] = json!([{"status": "0x0", "message": "in good standing"},
        {"status": "0x2", "message": "under review"}]);
    let report = check(&badge(message_entry), &[(REVOCATION, list)]);
    let status = report.checks_for(CheckId::Status).next().unwrap();
    assert_eq!(status.outcome, Outcome::Warn);
    assert!(
        status.message.contains("under review"),
        "{}",
        status.message
    );
}
