//! The `recipient` and `trust` checks on real fixtures: who the record was
//! issued to, and whether its issuer is one the user knows.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::Report;
use cler_verifier::{
    verify, CheckId, ExpectedRecipient, Input, Outcome, TrustList, Verdict, VerifyOptions,
};

/// 1EdTech validator sample with two plain `emailAddress` identifiers.
const EMAILS: &str = "credentials/1edtech-validator/ob30/complete.json";
/// DCC sample naming its learner by a plain `name` identifier, issued by a did:key.
const NAMED: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json";
/// DCC sample issued by did:web (document in fixtures/remote).
const DID_WEB: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json";

fn run(path: &str, recipient: Option<(&str, Option<&str>)>, trusted: Option<&str>) -> Report {
    let options = VerifyOptions {
        expected_recipient: recipient.map(|(value, kind)| ExpectedRecipient {
            value: value.into(),
            identity_type: kind.map(str::to_owned),
        }),
        trusted_issuers: trusted.map(|text| TrustList::parse(text).unwrap()),
        ..common::options()
    };
    pollster::block_on(verify(
        Input::Bytes(&common::read(path)),
        &options,
        &common::remote(),
    ))
}

fn outcome(report: &Report, id: CheckId) -> Outcome {
    report
        .checks_for(id)
        .next()
        .map(|check| check.outcome)
        .unwrap_or(Outcome::Skip)
}

#[test]
fn a_listed_email_matches_and_another_does_not() {
    let matched = run(EMAILS, Some(("Somebody@Gmail.com", None)), None);
    assert_eq!(outcome(&matched, CheckId::Recipient), Outcome::Pass);

    let other = run(EMAILS, Some(("someone.else@example.com", None)), None);
    assert_eq!(outcome(&other, CheckId::Recipient), Outcome::Fail);
    assert_eq!(other.verdict, Verdict::Invalid);
    assert!(
        other.headline.contains("someone.else@example.com"),
        "{}",
        other.headline
    );
}

#[test]
fn an_identity_of_another_type_cannot_be_compared() {
    let report = run(NAMED, Some(("parker@example.com", None)), None);
    assert_eq!(outcome(&report, CheckId::Recipient), Outcome::Unknown);
    let by_name = run(NAMED, Some(("Parker Pearl", Some("name"))), None);
    assert_eq!(outcome(&by_name, CheckId::Recipient), Outcome::Pass);
}

#[test]
fn no_recipient_asked_means_no_recipient_check() {
    let report = run(NAMED, None, None);
    assert_eq!(report.checks_for(CheckId::Recipient).count(), 0);
    assert_eq!(report.checks_for(CheckId::Trust).count(), 0);
}

#[test]
fn a_trusted_did_web_issuer_is_named() {
    let list = r#"{"name": "DCC test registry", "issuers": [
        {"id": "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf", "name": "DCC OIDF test"}]}"#;
    let report = run(DID_WEB, None, Some(list));
    assert_eq!(outcome(&report, CheckId::Trust), Outcome::Pass);
    assert_eq!(report.verdict, Verdict::Verified);
    let message = &report.checks_for(CheckId::Trust).next().unwrap().message;
    assert!(
        message.contains("DCC OIDF test") && message.contains("DCC test registry"),
        "{message}"
    );
}

#[test]
fn an_untrusted_issuer_is_a_note_and_the_verdict_stands() {
    let list = r#"["did:web:elsewhere.example"]"#;
    let trusted = run(DID_WEB, None, None);
    let untrusted = run(DID_WEB, None, Some(list));
    assert_eq!(outcome(&untrusted, CheckId::Trust), Outcome::Warn);
    assert_eq!(untrusted.verdict, trusted.verdict);
    assert_eq!(untrusted.verdict, Verdict::Verified);
}

#[test]
fn a_url_prefix_rule_covers_an_issuers_urls() {
    let list = r#"{"issuers": [{"prefix": "https://1edtech.edu/issuers/"}]}"#;
    let report = run(EMAILS, None, Some(list));
    assert_eq!(outcome(&report, CheckId::Trust), Outcome::Pass);
}

#[test]
fn a_malformed_list_is_a_clear_error() {
    let error = TrustList::parse(r#"{"issuers": [{"name": "no id"}]}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("exactly one of \"id\" or \"prefix\""),
        "{error}"
    );
}
