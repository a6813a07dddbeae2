//! Shared helpers for the integration tests: where the fixtures are, the
//! in-memory "network" built from `fixtures/remote/index.json`, and a fixed
//! clock.
//!
//! Fixtures are read from `../shared/fixtures` (the project's read-only
//! material); their sources are recorded in its `MANIFEST.json`.

#![allow(dead_code)]
#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

pub mod holder;
pub mod issuer;

use std::path::PathBuf;

use cler_verifier::report::Report;
use cler_verifier::{verify, Input, MapFetch, Outcome, Verdict, VerifyOptions};
use serde_json::Value;

/// The instant every fixture test judges validity at: 2026-12-01T00:00:00Z.
pub const NOW: i64 = 1_796_083_200;

/// The shared fixtures folder.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

/// Reads a file under the fixtures folder.
pub fn read(relative: &str) -> Vec<u8> {
    let path = fixtures().join(relative);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Reads a JSON fixture.
pub fn json(relative: &str) -> Value {
    serde_json::from_slice(&read(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Every document of `fixtures/remote/index.json`, served from memory.
pub fn remote() -> MapFetch {
    let index = json("remote/index.json");
    let mut fetch = MapFetch::new();
    for entry in index["documents"].as_array().into_iter().flatten() {
        let url = entry["url"].as_str().unwrap_or_default();
        let path = entry["path"].as_str().unwrap_or_default();
        fetch.insert(url, read(path));
    }
    for (url, path) in EXTRA_REMOTE {
        fetch.insert(url, read(path));
    }
    for url in MISSING_REMOTE {
        fetch.insert_status(url, 404);
    }
    fetch.insert(JOSE_ISSUER, jose_issuer_document().to_string());
    fetch
}

/// The issuer of the W3C vc-jose-cose test suite's credentials.
pub const JOSE_ISSUER: &str = "https://example.issuer/vc-jose-cose";

/// The controller document the vc-jose-cose test suite's issuer would
/// publish: the public halves of its key files (`vm-*.json`, whose ids are
/// `https://example.issuer/vc-jose-cose#key-N`), listed for assertion and,
/// as the suite's presentations name the same party as holder, for
/// authentication. The suite hands verifiers these files directly; the
/// verifier finds keys through documents, so here they are served as one.
pub fn jose_issuer_document() -> Value {
    let folder = "credentials/w3c-vc-jose-cose/test-suite/input";
    let mut methods = Vec::new();
    for name in ["vm-ed25519", "vm-p256", "vm-p384", "vm-p521"] {
        let mut method = json(&format!("{folder}/{name}.json"));
        method.as_object_mut().unwrap().remove("secretKeyJwk");
        methods.push(method);
    }
    let ids: Vec<Value> = methods.iter().map(|m| m["id"].clone()).collect();
    serde_json::json!({"id": JOSE_ISSUER, "verificationMethod": methods,
        "assertionMethod": ids, "authentication": ids})
}

/// Documents a fixture's source says do not exist: the DCC fixture
/// `badDidWeb.json` is named for its did:web, whose document is absent.
const MISSING_REMOTE: [&str; 1] = ["https://digitalcredentials.github.io/dcc-did-web-bad/did.json"];

/// Documents the remote index lacks but the fixtures hold at the very path
/// the URL names in the same repository (1EdTech validator test resources).
const EXTRA_REMOTE: [(&str, &str); 1] = [(
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
    "credentials/1edtech-validator/ob30/bit-string-list/testlist",
)];

/// Options with the fixed clock, lookups allowed.
pub fn options() -> VerifyOptions {
    VerifyOptions {
        now: Some(NOW),
        ..VerifyOptions::default()
    }
}

/// Verifies bytes with the fixed clock and the in-memory remote documents.
pub fn verify_bytes(bytes: &[u8]) -> Report {
    pollster::block_on(verify(Input::Bytes(bytes), &options(), &remote()))
}

/// Verifies a JSON value with the fixed clock and the remote documents.
pub fn verify_json(value: &Value) -> Report {
    pollster::block_on(verify(Input::Json(value), &options(), &remote()))
}

/// The problem codes of the checks with the given outcome, recursively.
pub fn codes(report: &Report, outcome: Outcome) -> Vec<String> {
    let mut found: Vec<String> = report
        .checks
        .iter()
        .filter(|check| check.outcome == outcome)
        .filter_map(|check| check.problem.as_ref().map(|p| p.code.to_owned()))
        .collect();
    for child in &report.children {
        found.extend(codes(&child.report, outcome));
    }
    found
}

/// Whether the report's only unknowns come from keys that name themselves
/// (self-asserted) and so cannot be confirmed offline, here or in children.
pub fn incomplete_only_by_self_asserted_key(report: &Report) -> bool {
    let allowed = ["key_self_asserted", "key_unconfirmed", "nested_incomplete"];
    let own = report
        .checks
        .iter()
        .filter(|check| check.outcome == Outcome::Unknown)
        .all(|check| {
            check
                .problem
                .as_ref()
                .is_some_and(|p| allowed.contains(&p.code))
        });
    let children = report.children.iter().all(|child| {
        child.report.verdict != Verdict::Incomplete
            || incomplete_only_by_self_asserted_key(&child.report)
    });
    own && children
}
