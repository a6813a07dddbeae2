//! The crate's JSON-LD processor against oxjsonld 0.2.7 (the processor it
//! replaced, kept here as a dev-dependency): for every JSON-LD credential of
//! `../shared/fixtures/MANIFEST.json` and every bench vector, the document
//! without its proofs and each proof's configuration must give the same
//! RDFC-1.0 canonical N-Quads, whenever oxjsonld (in the same safe mode)
//! accepts the document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::path::Path;

use cler_verifier::canon::{rdfc10, HashAlgorithm};
use cler_verifier::jsonld::{contexts, safe_mode, JsonLdOptions};
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::Quad;
use serde_json::Value;

const FIXTURES: &str = "../shared/fixtures";
const VECTORS: &str = "../shared/bench/vectors";

/// Most quads either processor may produce for one document.
const MAX_QUADS: usize = 200_000;

#[test]
fn same_canonical_quads_as_oxjsonld() {
    let (mut same, mut both_reject, mut only_oxjsonld_rejects) = (0, 0, Vec::new());
    let mut failures = Vec::new();

    for (name, document) in documents() {
        let ours =
            cler_verifier::jsonld::to_rdf(&document, &JsonLdOptions::bundled_only(MAX_QUADS));
        match (oxjsonld_quads(&document), ours) {
            (Ok(theirs), Ok(ours)) if canonical(&theirs) == canonical(&ours) => same += 1,
            (Ok(_), Ok(_)) => failures.push(format!("{name}: different quads")),
            (Ok(_), Err(error)) => failures.push(format!("{name}: we reject it: {error}")),
            (Err(_), Err(_)) => both_reject += 1,
            (Err(theirs), Ok(_)) => only_oxjsonld_rejects.push(format!("{name}: {theirs}")),
        }
    }

    for line in &only_oxjsonld_rejects {
        println!("only oxjsonld rejects {line}");
    }
    println!(
        "{same} same, {both_reject} rejected by both, {} rejected by oxjsonld only, {} failed",
        only_oxjsonld_rejects.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(same > 300, "only {same} documents compared");
}

/// Every document to compare, named after its file (and proof).
fn documents() -> Vec<(String, Value)> {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES}/MANIFEST.json")).unwrap(),
    )
    .unwrap();
    let mut files: Vec<String> = manifest["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["format"] == "json-ld")
        .map(|entry| format!("{FIXTURES}/{}", entry["path"].as_str().unwrap()))
        .collect();
    let mut vectors: Vec<String> = std::fs::read_dir(VECTORS)
        .unwrap()
        .map(|entry| entry.unwrap().path().to_str().unwrap().to_owned())
        .filter(|path| path.ends_with(".json") && !path.ends_with("manifest.json"))
        .collect();
    vectors.sort();
    files.extend(vectors);

    let mut documents = Vec::new();
    for file in files {
        let Ok(document) = serde_json::from_str::<Value>(&std::fs::read_to_string(&file).unwrap())
        else {
            continue;
        };
        let name = Path::new(&file)
            .strip_prefix("../shared")
            .unwrap()
            .display()
            .to_string();
        documents.extend(parts(&name, document));
    }
    documents
}

/// A credential without its proofs, and each proof's configuration (the
/// proof without its value, under the credential's `@context`).
fn parts(name: &str, mut document: Value) -> Vec<(String, Value)> {
    let proofs = document
        .as_object_mut()
        .and_then(|object| object.remove("proof"));
    let mut parts = Vec::new();
    let proofs = match proofs {
        Some(Value::Array(proofs)) => proofs,
        Some(proof) => vec![proof],
        None => Vec::new(),
    };
    for (index, mut proof) in proofs.into_iter().enumerate() {
        if let (Some(object), Some(context)) = (proof.as_object_mut(), document.get("@context")) {
            object.remove("proofValue");
            object.insert("@context".into(), context.clone());
            parts.push((format!("{name} proof {index}"), proof));
        }
    }
    parts.push((name.to_owned(), document));
    parts
}

/// What `cler_verifier::jsonld::to_rdf` did with oxjsonld 0.2.7: safe-mode
/// guard, lenient parsing from the bundled contexts, every quad checked.
fn oxjsonld_quads(document: &Value) -> Result<Vec<Quad>, String> {
    let guarded = safe_mode::guard(document).map_err(|error| error.to_string())?;
    let bytes = serde_json::to_vec(&guarded).unwrap();
    let parser = JsonLdParser::new()
        .lenient()
        .with_base_iri(safe_mode::SENTINEL_BASE)
        .unwrap()
        .for_slice(&bytes)
        .with_load_document_callback(|url, _options| {
            let text = contexts::bundled(url).ok_or_else(|| format!("unknown context {url}"))?;
            Ok(JsonLdRemoteDocument {
                document: text.as_bytes().to_vec(),
                document_url: url.into(),
            })
        });

    let mut quads = Vec::new();
    for quad in parser {
        let quad = quad.map_err(|error| error.to_string())?;
        safe_mode::check_quad(&quad).map_err(|error| error.to_string())?;
        quads.push(quad);
        if quads.len() > MAX_QUADS {
            return Err("too many quads".into());
        }
    }
    Ok(quads)
}

fn canonical(quads: &[Quad]) -> String {
    rdfc10(quads, HashAlgorithm::Sha256, 100_000).unwrap()
}
