//! The W3C JSON-LD 1.1 toRdf test suite, run from its manifest in
//! `../shared/fixtures/jsonld-toRdf/toRdf-manifest.jsonld`.
//!
//! Safe mode deliberately rejects what the suite expects to be silently
//! dropped, so the suite runs with safe mode off. Every context file of the
//! suite is served under its URL; nothing is fetched. A positive test must
//! give a dataset isomorphic to the expected one (equal RDFC-1.0 canonical
//! N-Quads), a negative test must fail with the expected error code.
//! Skipped tests are listed in [`SKIPPED`] by category, with the reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::collections::HashMap;

use cler_verifier::canon::{rdfc10, HashAlgorithm};
use cler_verifier::jsonld::{to_rdf, to_rdf_unsafe, JsonLdError, JsonLdOptions};
use oxrdf::Quad;
use oxttl::NQuadsParser;
use serde_json::Value;

const SUITE: &str = "../shared/fixtures/jsonld-toRdf";
const BASE: &str = "https://w3c.github.io/json-ld-api/tests/";

/// A category of tests not run, how to recognise it, and why.
struct Skip {
    why: &'static str,
    applies: fn(&Value) -> bool,
}

/// Every skipped category, in one place.
const SKIPPED: &[Skip] = &[
    Skip {
        why: "the input belongs to the expand suite, which the fixtures do not copy",
        applies: |test| {
            let input = test["input"].as_str().unwrap_or_default();
            !std::path::Path::new(SUITE).join(input).exists()
        },
    },
    Skip {
        why: "written for JSON-LD 1.0 processors or 1.0 processing mode; this processor is 1.1 only",
        applies: |test| {
            test["option"]["specVersion"] == "json-ld-1.0" || test["option"]["processingMode"] == "json-ld-1.0"
        },
    },
    Skip {
        why: "rdfDirection (i18n-datatype, compound-literal) is a non-normative option not implemented; \
              directions are dropped as the default (null) requires",
        applies: |test| test["option"].get("rdfDirection").is_some(),
    },
    Skip {
        why: "the expandContext API option is not offered: a credential carries its own @context",
        applies: |test| test["option"].get("expandContext").is_some(),
    },
    Skip {
        why: "a scoped context is checked when it is applied, not when its term is defined, so an \
              invalid scoped context that is never applied is no error (or another one)",
        applies: |test| matches!(test["@id"].as_str(), Some("#tc032" | "#tc033")),
    },
];

#[test]
fn json_ld_to_rdf_suite() {
    let manifest: Value = serde_json::from_str(&read("toRdf-manifest.jsonld")).unwrap();
    let contexts = suite_contexts();
    let (mut passed, mut failed, mut skipped) = (0, Vec::new(), vec![0; SKIPPED.len()]);

    for test in manifest["sequence"].as_array().unwrap() {
        if let Some(index) = SKIPPED.iter().position(|skip| (skip.applies)(test)) {
            skipped[index] += 1;
            continue;
        }
        let id = test["@id"].as_str().unwrap();
        match run(test, &contexts) {
            Ok(()) => passed += 1,
            Err(why) => failed.push(format!("{id} {}: {why}", test["name"])),
        }
    }

    for (skip, count) in SKIPPED.iter().zip(&skipped) {
        println!("skipped {count}: {}", skip.why);
    }
    for failure in &failed {
        println!("FAIL {failure}");
    }
    let skipped: usize = skipped.iter().sum();
    println!(
        "{passed} passed, {} failed, {skipped} skipped",
        failed.len()
    );
    assert!(failed.is_empty(), "{} failures", failed.len());
    assert!(passed >= 300, "only {passed} tests ran");
}

fn run(test: &Value, contexts: &HashMap<String, String>) -> Result<(), String> {
    let input = test["input"].as_str().unwrap();
    let document: Value = serde_json::from_str(&read(input)).map_err(|error| error.to_string())?;
    let base = test["option"]["base"]
        .as_str()
        .map_or_else(|| format!("{BASE}{input}"), str::to_owned);
    let options = JsonLdOptions::new(contexts, 100_000);
    // Safe mode must not panic on any of these inputs either; what it
    // returns is checked elsewhere.
    let _ = to_rdf(&document, &options);
    let result = to_rdf_unsafe(&document, Some(&base), &options);

    let types = test["@type"].as_array().unwrap();
    if types
        .iter()
        .any(|kind| kind == "jld:NegativeEvaluationTest")
    {
        let expected = test["expectErrorCode"].as_str().unwrap();
        return match result {
            Err(error) if error_code(&error) == expected => Ok(()),
            Err(error) => Err(format!("expected {expected}, got {error}")),
            Ok(_) => Err(format!("expected {expected}, got quads")),
        };
    }

    let quads = result.map_err(|error| error.to_string())?;
    if types.iter().any(|kind| kind == "jld:PositiveSyntaxTest") {
        return Ok(());
    }
    let expected = parse_nquads(&read(test["expect"].as_str().unwrap()))?;
    let (ours, theirs) = (canonical(&quads), canonical(&expected));
    if ours != theirs {
        return Err(format!("got\n{ours}expected\n{theirs}"));
    }
    Ok(())
}

/// The spec's error code for an error.
fn error_code(error: &JsonLdError) -> String {
    match error {
        JsonLdError::UnknownContext { .. } => "loading remote context failed".into(),
        JsonLdError::InvalidContext { .. } => "invalid remote context".into(),
        JsonLdError::Syntax { detail } => detail.split(':').next().unwrap_or_default().into(),
        other => other.to_string(),
    }
}

/// Every JSON-LD file of the suite, served under its URL.
fn suite_contexts() -> HashMap<String, String> {
    let mut contexts = HashMap::new();
    add_contexts("toRdf", &mut contexts);
    contexts
}

fn add_contexts(folder: &str, contexts: &mut HashMap<String, String>) {
    for entry in std::fs::read_dir(format!("{SUITE}/{folder}")).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("{folder}/{}", path.file_name().unwrap().to_str().unwrap());
        if path.is_dir() {
            add_contexts(&name, contexts);
        } else if name.ends_with(".jsonld") {
            contexts.insert(
                format!("{BASE}{name}"),
                std::fs::read_to_string(&path).unwrap(),
            );
        }
    }
}

fn parse_nquads(text: &str) -> Result<Vec<Quad>, String> {
    NQuadsParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|error| error.to_string())
}

fn canonical(quads: &[Quad]) -> String {
    rdfc10(quads, HashAlgorithm::Sha256, 100_000).unwrap()
}

fn read(file: &str) -> String {
    let path = format!("{SUITE}/{file}");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}
