//! Verifies one file many times and prints the median, for profiling:
//! `cargo run --release --example verify_many -- FILE [RUNS]`.

use std::time::Instant;

use cler_verifier::{verify, Input, NoFetch, VerifyOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let bytes = std::fs::read(&path).unwrap_or_default();
    let options = VerifyOptions {
        offline: true,
        now: Some(1_767_225_600),
        ..VerifyOptions::default()
    };

    let mut times = Vec::new();
    let mut verdict = None;
    for _ in 0..runs {
        let start = Instant::now();
        let report = pollster::block_on(verify(Input::Bytes(&bytes), &options, &NoFetch));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        verdict = Some(report.verdict);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    println!("{path}: {verdict:?}, median {median:.3} ms over {runs} runs");
}
