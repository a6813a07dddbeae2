//! The `cler-verify` command: exit codes, the JSON report and `--documents`.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use std::process::{Command, Output};

const VERIFIED: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json";
const REVOKED: &str = "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-revokedStatus-noExpiry.json";
const SELF_ASSERTED: &str = "credentials/1edtech-validator/clr20/simple.json";

fn cler_verify(arguments: &[&str]) -> Output {
    let fixtures = common::fixtures();
    let index = fixtures.join("remote/index.json");
    Command::new(env!("CARGO_BIN_EXE_cler-verify"))
        .args(["--now", "2026-12-01T00:00:00Z", "--documents"])
        .arg(index)
        .args(arguments.iter().map(|a| {
            if a.starts_with("credentials/") {
                fixtures.join(a)
            } else {
                a.into()
            }
        }))
        .output()
        .unwrap()
}

#[test]
fn exit_codes_follow_the_verdicts() {
    assert_eq!(cler_verify(&[VERIFIED]).status.code(), Some(0));
    assert_eq!(cler_verify(&[VERIFIED, REVOKED]).status.code(), Some(1));
    assert_eq!(
        cler_verify(&[VERIFIED, SELF_ASSERTED]).status.code(),
        Some(2)
    );
    assert_eq!(
        cler_verify(&["--unknown-flag", VERIFIED]).status.code(),
        Some(64)
    );
    assert_eq!(cler_verify(&["no-such-file.json"]).status.code(), Some(64));
    assert_eq!(cler_verify(&["--help"]).status.code(), Some(0));
}

#[test]
fn baked_images_are_read_like_json() {
    let baked = [
        "credentials/1edtech-validator/ob30/simple-json.png",
        "credentials/1edtech-validator/ob30/simple-json.svg",
    ];
    let output = cler_verify(&baked);
    assert_eq!(output.status.code(), Some(2), "genuine, key self-asserted");
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text.matches("ok   proof: The signature is valid").count(),
        2,
        "{text}"
    );
}

#[test]
fn json_output_is_the_report() {
    let output = cler_verify(&["--json", REVOKED]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["report"]["verdict"], "invalid");
    let status = json["report"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "status")
        .unwrap();
    assert_eq!(status["problem"]["code"], "revoked");
    let lookups = json["report"]["lookups"].as_array().unwrap();
    assert!(lookups
        .iter()
        .any(|l| l["purpose"] == "status list" && l["outcome"] == "fetched"));
}

#[test]
fn the_summary_names_the_failing_check() {
    let output = cler_verify(&[REVOKED]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("INVALID"), "{text}");
    assert!(
        text.contains("FAIL status: The issuer has revoked this record."),
        "{text}"
    );
}

/// Serves `body` to every request on a loopback port, from a thread that
/// lives as long as the test process.
fn serve_once_per_request(body: Vec<u8>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/badge.json")
}

#[test]
fn a_typed_address_is_fetched_and_verified() {
    let url = serve_once_per_request(common::read(VERIFIED));
    let output = Command::new(env!("CARGO_BIN_EXE_cler-verify"))
        .args(["--json", "--now", "2026-12-01T00:00:00Z", &url])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["file"], url.as_str());
    assert_eq!(json["report"]["url"], url.as_str());
    assert_eq!(json["report"]["verdict"], "verified");
    assert_eq!(json["report"]["lookups"][0]["url"], url.as_str());
}

#[test]
fn offline_opens_no_address() {
    let typed = serve_once_per_request(b"https://example.org/not-typed".to_vec());
    let output = Command::new(env!("CARGO_BIN_EXE_cler-verify"))
        .args(["--json", "--offline", &typed])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["report"]["verdict"], "incomplete",
        "offline opens nothing"
    );
    assert_eq!(
        json["report"]["checks"][0]["problem"]["code"],
        "link_not_opened"
    );
}
