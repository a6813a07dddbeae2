//! Times JSON-LD → RDF and RDFC-1.0 on one document, and the preparation of
//! its first proof (both canonicalisations and the hashes).
//!
//! ```sh
//! cargo run --release --example canonicalise -- ../shared/bench/vectors/clr-n100-eddsa-rdfc-2022.json
//! ```

use std::collections::HashMap;
use std::time::{Duration, Instant};

use cler_verifier::canon::{rdfc10, HashAlgorithm};
use cler_verifier::jsonld::{to_rdf, JsonLdOptions};
use cler_verifier::proof::prepare;
use cler_verifier::Limits;
use serde_json::Value;

const ROUNDS: u32 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: canonicalise FILE.json")?;
    let text = std::fs::read_to_string(&path)?;
    let document: Value = serde_json::from_str(&text)?;
    let mut unsecured = document.clone();
    if let Some(object) = unsecured.as_object_mut() {
        object.remove("proof");
    }
    let limits = Limits::default();
    let options = JsonLdOptions::bundled_only(limits.max_quads);

    let quads = to_rdf(&unsecured, &options)?;
    let canonical = rdfc10(&quads, HashAlgorithm::Sha256, limits.max_canon_calls)?;
    println!(
        "{path}: {} bytes, {} quads, {} canonical bytes",
        text.len(),
        quads.len(),
        canonical.len()
    );

    let to_rdf_time = median(|| {
        let _ = to_rdf(&unsecured, &options);
    });
    let rdfc10_time = median(|| {
        let _ = rdfc10(&quads, HashAlgorithm::Sha256, limits.max_canon_calls);
    });
    let prepare_time = median(|| {
        let _ = prepare(&document, 0, &HashMap::new(), &limits);
    });
    println!("json-ld to rdf:   {to_rdf_time:?}");
    println!("rdfc-1.0:         {rdfc10_time:?}");
    println!("prepare proof 0:  {prepare_time:?}");
    Ok(())
}

/// The median duration of [`ROUNDS`] runs.
fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}
