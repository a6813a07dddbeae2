//! Links typed, pasted or scanned instead of a record: opened through the
//! caller's fetch, listed in the lookups, and explained when they lead
//! nowhere useful. Also the texts a QR code may hold that are not records.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
// Tests index reports directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::{LookupOutcome, Report};
use cler_verifier::{verify, Input, MapFetch, Outcome, Verdict, VerifyOptions};

const GENUINE: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json";
const BAKED: &str = "credentials/1edtech-validator/ob30/simple-json.png";
const HERE: &str = "https://wallet.example/records/badge.json";

fn open(link: &str, fetch: &MapFetch, options: &VerifyOptions) -> Report {
    pollster::block_on(verify(Input::Bytes(link.as_bytes()), options, fetch))
}

fn serving(url: &str, body: Vec<u8>) -> MapFetch {
    let mut fetch = common::remote();
    fetch.insert(url, body);
    fetch
}

fn parse_code(report: &Report) -> (Outcome, &str) {
    let check = &report.checks[0];
    (check.outcome, check.problem.as_ref().unwrap().code)
}

#[test]
fn a_link_is_verified_like_the_record_it_opens() {
    let direct = common::verify_bytes(&common::read(GENUINE));
    let linked = open(
        HERE,
        &serving(HERE, common::read(GENUINE)),
        &common::options(),
    );

    assert_eq!(direct.verdict, Verdict::Verified);
    assert_eq!(linked.verdict, direct.verdict);
    assert_eq!(linked.checks, direct.checks);
    assert_eq!(linked.url.as_deref(), Some(HERE));
    assert_eq!(linked.source, "json");
    let first = &linked.lookups[0];
    assert_eq!(
        (first.url.as_str(), first.outcome),
        (HERE, LookupOutcome::Fetched)
    );
}

#[test]
fn a_link_to_a_baked_badge_reads_the_image() {
    let url = "https://wallet.example/badge.png";
    let direct = common::verify_bytes(&common::read(BAKED));
    let linked = open(url, &serving(url, common::read(BAKED)), &common::options());

    assert_eq!(linked.source, "png");
    assert_eq!(linked.verdict, direct.verdict);
    assert_eq!(linked.checks, direct.checks);
}

#[test]
fn a_link_offline_is_not_opened_and_says_so() {
    let options = VerifyOptions {
        offline: true,
        ..common::options()
    };
    let report = open(HERE, &serving(HERE, common::read(GENUINE)), &options);

    assert_eq!(report.verdict, Verdict::Incomplete);
    assert_eq!(parse_code(&report), (Outcome::Unknown, "link_not_opened"));
    assert!(report.checks[0]
        .message
        .contains("lookups are switched off"));
    assert_eq!(report.lookups[0].outcome, LookupOutcome::Offline);
}

#[test]
fn a_missing_record_leaves_the_answer_open() {
    let mut fetch = common::remote();
    fetch.insert_status(HERE, 404);
    let report = open(HERE, &fetch, &common::options());

    assert_eq!(report.verdict, Verdict::Incomplete);
    assert_eq!(parse_code(&report), (Outcome::Unknown, "link_not_opened"));
    assert!(report.checks[0].message.contains("does not exist (404)"));
}

#[test]
fn a_web_page_is_explained() {
    let page = b"<!DOCTYPE html><html><body><svg></svg>Your badge</body></html>".to_vec();
    let report = open(HERE, &serving(HERE, page), &common::options());

    assert_eq!(report.verdict, Verdict::Incomplete);
    assert_eq!(
        parse_code(&report),
        (Outcome::Unknown, "unsupported_format")
    );
    assert!(report.checks[0]
        .message
        .contains("download the credential file"));
}

#[test]
fn a_link_to_a_link_is_not_followed() {
    let next = "https://wallet.example/next";
    let mut fetch = serving(HERE, next.as_bytes().to_vec());
    fetch.insert(next, common::read(GENUINE));
    let report = open(HERE, &fetch, &common::options());

    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.lookups.len(), 1, "only the first link is fetched");
}

#[test]
fn texts_from_qr_codes_say_what_they_are() {
    let cases = [
        ("VP1-B3-QWERTY", Verdict::Incomplete, "VPQR"),
        (
            "openid4vp://authorize?client_id=x",
            Verdict::Invalid,
            "request",
        ),
        (
            "openid-credential-offer://?credential_offer_uri=y",
            Verdict::Invalid,
            "offer",
        ),
        (
            "did:web:university.example",
            Verdict::Invalid,
            "decentralized identifier",
        ),
        (
            "WIFI:S:office;T:WPA;P:secret;;",
            Verdict::Invalid,
            "not a credential",
        ),
        (
            r#"{"type": "VerifiablePresentationRequest", "query": []}"#,
            Verdict::Invalid,
            "request",
        ),
    ];
    for (text, verdict, words) in cases {
        let report = common::verify_bytes(text.as_bytes());
        assert_eq!(report.verdict, verdict, "{text}");
        assert!(
            report.checks[0].message.contains(words),
            "{text}: {}",
            report.checks[0].message
        );
        assert!(report.lookups.is_empty(), "{text} contacted something");
    }
}
