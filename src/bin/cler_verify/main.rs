//! `cler-verify`: verifies credential files from the command line.
//!
//! ```text
//! cler-verify [--json] [--now RFC3339] [--offline] [--documents INDEX.json] FILE...
//! ```
//! Exit code 0 when every file verified, 1 when any is invalid, 2 when any
//! is otherwise incomplete, 64 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
mod arguments;
#[cfg(not(target_arch = "wasm32"))]
mod documents;
#[cfg(not(target_arch = "wasm32"))]
mod http;
#[cfg(not(target_arch = "wasm32"))]
mod text;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use cler_verifier::{verify, Fetch, Input, Report, Verdict, VerifyOptions};

#[cfg(not(target_arch = "wasm32"))]
use arguments::Arguments;

/// On wasm32 there is no command line; the library is what is built there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let arguments = match arguments::parse(std::env::args().skip(1)) {
        Ok(arguments) => arguments,
        Err(message) if message == "help" => {
            println!("{}", arguments::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("cler-verify: {message}\n{}", arguments::USAGE);
            return ExitCode::from(64);
        }
    };

    let inputs = match read_files(&arguments.files) {
        Ok(inputs) => inputs,
        Err(message) => {
            eprintln!("cler-verify: {message}");
            return ExitCode::from(64);
        }
    };
    let reports = match &arguments.documents {
        Some(index) => match documents::load(index) {
            Ok(fetch) => run(&arguments, &inputs, &fetch),
            Err(message) => {
                eprintln!("cler-verify: {message}");
                return ExitCode::from(64);
            }
        },
        None => run(&arguments, &inputs, &http::HttpFetch::new(&arguments.files)),
    };

    print(&arguments, &reports);
    exit_code(reports.iter().map(|(_, report)| report.verdict))
}

#[cfg(not(target_arch = "wasm32"))]
fn read_files(files: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    files
        .iter()
        .map(|file| match std::fs::read(file) {
            _ if http::is_address(file) => Ok((file.clone(), file.clone().into_bytes())),
            Ok(bytes) => Ok((file.clone(), bytes)),
            Err(error) => Err(format!("cannot read {file}: {error}")),
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn run<F: Fetch>(
    arguments: &Arguments,
    inputs: &[(String, Vec<u8>)],
    fetch: &F,
) -> Vec<(String, Report)> {
    let options = VerifyOptions {
        now: arguments.now,
        offline: arguments.offline,
        expected_recipient: arguments.recipient.clone(),
        trusted_issuers: arguments.trusted.clone(),
        ..VerifyOptions::default()
    };
    inputs
        .iter()
        .map(|(file, bytes)| {
            let report = pollster::block_on(verify(Input::Bytes(bytes), &options, fetch));
            (file.clone(), report)
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn print(arguments: &Arguments, reports: &[(String, Report)]) {
    if !arguments.json {
        for (file, report) in reports {
            print!("{}", text::summary(file, report));
        }
        return;
    }
    let values: Vec<serde_json::Value> = reports
        .iter()
        .map(|(file, report)| serde_json::json!({"file": file, "report": report}))
        .collect();
    let json = if values.len() == 1 {
        values.into_iter().next().unwrap_or_default()
    } else {
        values.into()
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&json).unwrap_or_default()
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn exit_code(verdicts: impl Iterator<Item = Verdict>) -> ExitCode {
    let verdicts: Vec<Verdict> = verdicts.collect();
    if verdicts.contains(&Verdict::Invalid) {
        return ExitCode::from(1);
    }
    if verdicts.contains(&Verdict::Incomplete) {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
