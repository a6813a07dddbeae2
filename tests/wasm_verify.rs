//! The core gives the same verdicts compiled for the host and for wasm32 in
//! headless Chromium (`cargo test --target wasm32-unknown-unknown --test
//! wasm_verify`, see scripts/test). Fixtures are embedded; each comes from
//! `../shared` (bench vectors and fixtures, provenance in their manifests).

use cler_verifier::{verify, Input, NoFetch, Verdict, VerifyOptions};

/// 2026-12-01T00:00:00Z, the instant every fixture test checks dates against.
const NOW: i64 = 1_796_083_200;

macro_rules! shared {
    ($path:literal) => {
        ($path, include_str!(concat!("../../shared/", $path)))
    };
}

/// (fixture, its text, the verdict DESIGN.md §1 gives it offline).
const CASES: &[((&str, &str), Verdict)] = &[
    (shared!("bench/vectors/ob3-v2-eddsa-rdfc-2022.json"), Verdict::Verified),
    (shared!("bench/vectors/ob3-v2-eddsa-rdfc-2022-tampered.json"), Verdict::Invalid),
    (shared!("bench/vectors/ob3-v2-eddsa-jcs-2022.json"), Verdict::Verified),
    (shared!("bench/vectors/ob3-v1-ed25519-signature-2020.json"), Verdict::Verified),
    (shared!("bench/vectors/clr-n1-eddsa-rdfc-2022.json"), Verdict::Verified),
    (shared!("bench/vectors/clr-n1-eddsa-rdfc-2022-tampered.json"), Verdict::Invalid),
    (shared!("bench/vectors/ob3-jwt-eddsa.jwt"), Verdict::Verified),
    (shared!("bench/vectors/ob3-jwt-eddsa-tampered.jwt"), Verdict::Invalid),
    // The RSA key travels in the JWT's own `jwk` header: self-asserted, so
    // the signature verifies but whose key it is stays unknown offline.
    (shared!("bench/vectors/ob3-jwt-rs256.jwt"), Verdict::Incomplete),
    (shared!("bench/vectors/ob3-jwt-rs256-tampered.jwt"), Verdict::Invalid),
    (
        shared!("fixtures/credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-expired.json"),
        Verdict::Invalid,
    ),
    // The key comes from the verification method's own URL fragment, which
    // proves integrity but not authorship: unknown offline (DESIGN.md §1).
    (shared!("fixtures/credentials/1edtech-validator/ob30/simple.json"), Verdict::Incomplete),
    (("not a credential", "{\"just\": \"json\"} trailing"), Verdict::Invalid),
];

async fn verdict_of(text: &str) -> Verdict {
    let options = VerifyOptions {
        now: Some(NOW),
        offline: true,
        ..VerifyOptions::default()
    };
    verify(Input::Bytes(text.as_bytes()), &options, &NoFetch)
        .await
        .verdict
}

/// Verifies every case and fails once, naming every case that differs.
async fn check_every_case() {
    let mut wrong = Vec::new();
    for &((name, text), expected) in CASES {
        let found = verdict_of(text).await;
        if found != expected {
            wrong.push(format!("{name}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "verdicts differ:\n{}", wrong.join("\n"));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn verdicts_on_the_host() {
    pollster::block_on(check_every_case());
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn verdicts_in_chromium() {
        super::check_every_case().await;
    }
}
