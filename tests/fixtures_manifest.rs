//! Every fixture of `../shared/fixtures/MANIFEST.json` signed with
//! eddsa-rdfc-2022, eddsa-2022, Ed25519Signature2020, or as a VC-JWT /
//! VC-JOSE compact JWS, gets the verdict its source states:
//! `valid` → verified (or incomplete only because a self-asserted key cannot
//! be confirmed offline); `valid-with-warnings` → the same plus a warning;
//! `invalid` → invalid; `status-unverifiable` → not verified; `unknown` →
//! whatever it is, but a report. Exceptions are listed once, below, each
//! with the verdict we give and why.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.
mod common;

use std::collections::BTreeMap;

use cler_verifier::report::Report;
use cler_verifier::{Outcome, Verdict};
use common::{codes, incomplete_only_by_self_asserted_key};
use serde_json::Value;

/// Proof types this issue covers.
const SUITES: [&str; 11] = [
    "DataIntegrityProof/eddsa-rdfc-2022",
    "DataIntegrityProof/eddsa-2022",
    "Ed25519Signature2020",
    "VC-JWT/RS256",
    "VC-JOSE/ES256",
    "VC-JOSE/ES384",
    "VC-JOSE/EdDSA",
    "VC-JOSE/ES512",
    "DataIntegrityProof/eddsa-jcs-2022",
    "DataIntegrityProof/ecdsa-rdfc-2019",
    "DataIntegrityProof/ecdsa-jcs-2019",
];

/// Input formats read here: JSON, compact JWS text (`.jwt`, `.txt`) and baked PNG/SVG images.
const FORMATS: [&str; 4] = ["json-ld", "jwt", "png", "svg"];

/// Fixtures whose stated verdict we do not give, with ours and the reason.
const EXCEPTIONS: [(&str, Verdict, &str); 8] = [
    (
        "credentials/w3c-vc-jose-cose/test-suite/input/presentation-jose-multiple.txt",
        Verdict::Invalid,
        "the presentation's exp (2024-12-17, a day after its iat) is long past at the tests' clock \
         (2026-12-01): expired is invalid; its vc+jwt credential verifies, and its SD-JWT and \
         COSE credentials are `unknown` (not supported)",
    ),
    (
        "credentials/w3c-vc-jose-cose/test-suite/input/credential-jose-unknown-extensions.txt",
        Verdict::Incomplete,
        "signed with ES512 (P-521), which this verifier does not support: an unsupported \
         algorithm is `unknown`, like an unsupported proof suite, never `invalid`; the suite's \
         own reason (unknown extensions) is not in the signed payload",
    ),
    (
        "credentials/1edtech-validator/ob30/complete.json",
        Verdict::Incomplete,
        "the source calls it invalid because its credentialSchema URL answers 404 in the 1EdTech \
         validator's test; offline neither that schema nor its 1EdTechRevocationList can be \
         fetched, which is `unknown` here, never `invalid` (its proof verifies)",
    ),
    (
        "credentials/1edtech-validator/ob30/credential-status-revoked.json",
        Verdict::Incomplete,
        "the source calls it invalid because the live 1EdTechRevocationList lists it; neither that \
         list nor the issuer's did:web document (dc.1edtech.org) is in the fixtures, so the \
         signature and the status are `unknown` offline",
    ),
    (
        "credentials/dcc-vc-test-fixtures/verifiableCredentials/v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json",
        Verdict::Invalid,
        "uses the context https://w3id.org/dcc/v1, which no public copy exists of (fixtures' \
         contexts/index.json lists it as not bundled); an unknown context is a failure that names \
         it (DESIGN.md §1), so its terms are never silently dropped",
    ),
    (
        "credentials/w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json",
        Verdict::Invalid,
        "its JSON-LD expands (both type-scoped contexts of Person + EmployablePerson apply) and \
         its proof verifies against the published canonical form (tests/w3c_vectors.rs), but \
         the vector names the P-256 key did:key:zDnaegE6… (of the ECDSA vectors) as issuer while \
         the Ed25519 key did:key:z6MkrJVn… signed it, which the issuer-key check fails",
    ),
    (
        "credentials/w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json",
        Verdict::Invalid,
        "its JSON-LD expands and its proof verifies (tests/data_integrity_suites.rs), but the \
         vector names did:key:zDnaegE6… as issuer while did:key:zDnaep… signed it: a did:key \
         issuer controls only its own key, so issuer_key fails",
    ),
    (
        "credentials/w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json",
        Verdict::Invalid,
        "as the P-256 employ vector: the proof verifies, but the signing key \
         (did:key:z82Lku…) is not the issuer's (did:key:zDnaegE6…)",
    ),
];

#[test]
fn every_covered_fixture_gets_its_stated_verdict() {
    let manifest = common::json("MANIFEST.json");
    let mut table: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut disagreements = Vec::new();

    for entry in manifest["credentials"].as_array().into_iter().flatten() {
        if !covered(entry) {
            continue;
        }
        let path = entry["path"].as_str().unwrap_or_default();
        let expected = entry["expected"].as_str().unwrap_or_default();
        let report = common::verify_bytes(&common::read(path));
        let row = table.entry(source_of(path)).or_default();

        match judge(path, expected, &report) {
            Judgement::Agrees => row[0] += 1,
            Judgement::Unstated => row[2] += 1,
            Judgement::Disagrees(why) => {
                row[1] += 1;
                disagreements.push(format!("{path}: expected {expected}, {why}"));
            }
        }
    }

    print_table(&table);
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{}",
        disagreements.join("\n")
    );
    assert!(
        table.values().map(|row| row[0]).sum::<usize>() > 100,
        "too few fixtures were judged"
    );
}

enum Judgement {
    Agrees,
    Disagrees(String),
    Unstated,
}

fn judge(path: &str, expected: &str, report: &Report) -> Judgement {
    let verdict = report.verdict;
    if let Some((_, ours, _)) = EXCEPTIONS.iter().find(|(p, _, _)| *p == path) {
        return agree(
            verdict == *ours,
            report,
            "the exception's stated verdict changed",
        );
    }
    let verified_or_self_asserted = verdict == Verdict::Verified
        || verdict == Verdict::Incomplete && incomplete_only_by_self_asserted_key(report);
    match expected {
        "valid" => agree(verified_or_self_asserted, report, "not verified"),
        "valid-with-warnings" => {
            let warned = !codes(report, Outcome::Warn).is_empty();
            agree(
                verified_or_self_asserted && warned,
                report,
                "not verified with a warning",
            )
        }
        "invalid" => agree(verdict == Verdict::Invalid, report, "not invalid"),
        "status-unverifiable" => agree(verdict != Verdict::Verified, report, "verified"),
        _ => Judgement::Unstated,
    }
}

fn agree(ok: bool, report: &Report, what: &str) -> Judgement {
    if ok {
        return Judgement::Agrees;
    }
    let failing: Vec<String> = report
        .checks
        .iter()
        .filter(|c| c.outcome != Outcome::Pass && c.outcome != Outcome::Skip)
        .map(|c| format!("{:?}/{:?}: {}", c.id, c.outcome, c.message))
        .collect();
    Judgement::Disagrees(format!(
        "got {:?} ({what}): {}",
        report.verdict,
        failing.join(" | ")
    ))
}

fn covered(entry: &Value) -> bool {
    let format = entry["format"].as_str().unwrap_or_default();
    let proofs: Vec<&str> = entry["proof_types"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    FORMATS.contains(&format) && !proofs.is_empty() && proofs.iter().all(|p| SUITES.contains(p))
}

fn source_of(path: &str) -> String {
    path.split('/')
        .skip(1)
        .take(2)
        .collect::<Vec<_>>()
        .join("/")
}

fn print_table(table: &BTreeMap<String, [usize; 3]>) {
    println!(
        "\n{:<48} {:>6} {:>9} {:>9}",
        "source", "agree", "disagree", "unstated"
    );
    for (source, [agree, disagree, unstated]) in table {
        println!("{source:<48} {agree:>6} {disagree:>9} {unstated:>9}");
    }
    println!("exceptions (our verdict differs from the source's, on purpose):");
    for (path, ours, reason) in EXCEPTIONS {
        println!("  {path}: we say {ours:?}: {reason}");
    }
}
