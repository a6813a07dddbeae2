//! The W3C RDF Dataset Canonicalization test suite (RDFC-1.0), run from its
//! manifest in `../shared/fixtures/rdf-canon/manifest.jsonld`.
//!
//! Every `RDFC10EvalTest` must produce the expected canonical N-Quads (with
//! SHA-384 where the manifest says so), and the `RDFC10NegativeEvalTest`
//! (a poison graph) must be stopped by the call limit, quickly. Skipped
//! test types are listed in [`SKIPPED`] with the reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::time::{Duration, Instant};

use cler_verifier::canon::{rdfc10, CanonError, HashAlgorithm};
use cler_verifier::Limits;
use oxrdf::Quad;
use oxttl::NQuadsParser;
use serde_json::Value;

const SUITE: &str = "../shared/fixtures/rdf-canon";

/// Test types not run, each with the reason.
const SKIPPED: &[(&str, &str)] = &[(
    "rdfc:RDFC10MapTest",
    "checks the issued blank-node map, which rdf-canon keeps internal; the \
     same inputs' canonical N-Quads are checked by the eval tests",
)];

/// How long a poison graph may run before the limit stops it (debug build).
const POISON_BUDGET: Duration = Duration::from_secs(10);

#[test]
fn rdfc10_suite() {
    let manifest: Value = serde_json::from_str(&read("manifest.jsonld")).unwrap();
    let (mut passed, mut failed, mut skipped) = (0, Vec::new(), 0);

    for entry in manifest["entries"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let kind = entry["type"].as_str().unwrap();
        let outcome = match kind {
            "rdfc:RDFC10EvalTest" => eval(entry),
            "rdfc:RDFC10NegativeEvalTest" => negative(entry),
            other if SKIPPED.iter().any(|(skip, _)| *skip == other) => {
                skipped += 1;
                continue;
            }
            other => Err(format!("unknown test type {other}")),
        };
        match outcome {
            Ok(()) => passed += 1,
            Err(why) => failed.push(format!("{id}: {why}")),
        }
    }

    for (kind, reason) in SKIPPED {
        println!("skipped {kind}: {reason}");
    }
    println!(
        "{passed} passed, {} failed, {skipped} skipped",
        failed.len()
    );
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(passed >= 65, "only {passed} tests ran");
}

fn eval(entry: &Value) -> Result<(), String> {
    let quads = input(entry);
    let expected = read(entry["result"].as_str().unwrap());
    let limit = Limits::default().max_canon_calls;

    let canonical = rdfc10(&quads, hash(entry), limit).map_err(|error| error.to_string())?;
    if canonical != expected {
        return Err(format!("got\n{canonical}\nexpected\n{expected}"));
    }
    Ok(())
}

fn negative(entry: &Value) -> Result<(), String> {
    let quads = input(entry);
    let limit = Limits::default().max_canon_calls;

    let start = Instant::now();
    let result = rdfc10(&quads, hash(entry), limit);
    let elapsed = start.elapsed();

    println!("poison graph stopped after {elapsed:?}");
    match result {
        Err(CanonError::TooComplex { .. }) if elapsed < POISON_BUDGET => Ok(()),
        Err(CanonError::TooComplex { .. }) => Err(format!("stopped only after {elapsed:?}")),
        other => Err(format!("expected TooComplex, got {other:?}")),
    }
}

fn hash(entry: &Value) -> HashAlgorithm {
    match entry["hashAlgorithm"].as_str() {
        Some("SHA384") => HashAlgorithm::Sha384,
        None | Some("SHA256") => HashAlgorithm::Sha256,
        Some(other) => panic!("unknown hash algorithm {other}"),
    }
}

fn input(entry: &Value) -> Vec<Quad> {
    let text = read(entry["action"].as_str().unwrap());
    NQuadsParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap()
}

fn read(file: &str) -> String {
    let path = format!("{SUITE}/{file}");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}
