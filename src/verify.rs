//! The entry point: input in, one [`Report`] out.

use serde_json::Value;

use crate::checks::{Role, Verifier};
use crate::datetime::Instant;
use crate::fetch::Fetch;
use crate::input::{self, Detected};
use crate::options::VerifyOptions;
use crate::report::{Check, CheckId, Outcome, Problem, Report};

/// What the caller hands in.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// Raw bytes of a file or of pasted text.
    Bytes(&'a [u8]),
    /// An already parsed JSON value.
    Json(&'a Value),
}

/// Verifies everything in `input` and returns one report (a presentation's
/// credentials become its children). Never fails: a bad record is a report
/// whose verdict says so.
pub async fn verify<F: Fetch>(input: Input<'_>, options: &VerifyOptions, fetch: &F) -> Report {
    let (detected, source) = match input {
        Input::Bytes(bytes) => (
            input::detect_bytes(bytes, &options.limits),
            input::source_of(bytes),
        ),
        Input::Json(value) => (input::detect_value(value.clone(), &options.limits), "json"),
    };
    let verifier = Verifier::new(options, fetch, now(options));

    let (detected, source, url) = match detected {
        Detected::Link(url) => {
            let (opened, source) = input::open_link(&verifier.lookups, &url, &options.limits).await;
            (opened, source, Some(url))
        }
        detected => (detected, source, None),
    };

    let mut report = checked(&verifier, &detected, source).await;
    report.url = url;
    report.lookups = verifier.lookups.into_record();
    report.make_printable();
    if options.include_document {
        report.document = document_of(&detected);
    }
    report
}

/// The JSON that was verified: the document itself, or the credential a
/// VC-JWT carries.
fn document_of(detected: &Detected) -> Option<Value> {
    match detected {
        Detected::Credential(document) | Detected::Presentation(document) => Some(document.clone()),
        Detected::Jwt(text) => crate::jwt::open(text)
            .ok()
            .map(|opened| opened.secured.credential),
        _ => None,
    }
}

/// The report for what the input turned out to be.
async fn checked<F: Fetch>(
    verifier: &Verifier<'_, F>,
    detected: &Detected,
    source: &str,
) -> Report {
    match detected {
        Detected::Credential(document) => {
            verifier.credential(document, source, Role::Subject).await
        }
        Detected::Presentation(presentation) => presented(verifier, presentation).await,
        Detected::Jwt(text) => {
            let mut report = verifier.jwt(text, Role::Subject).await;
            if matches!(source, "png" | "svg") {
                report.source = source.to_owned();
            }
            report
        }
        Detected::Unsupported { what, message } => {
            refused(Outcome::Unknown, "unsupported_format", what, message)
        }
        Detected::Unopened { detail, message } => {
            refused(Outcome::Unknown, "link_not_opened", detail, message)
        }
        // Only a link's answer gets here: links are followed once.
        Detected::Link(url) => refused(
            Outcome::Fail,
            "unreadable_input",
            &format!("a link that leads to another link ({url})"),
            "This link leads only to another link, not to a credential; it was not followed further.",
        ),
        Detected::Unreadable { detail, message } => {
            refused(Outcome::Fail, "unreadable_input", detail, message)
        }
    }
}

async fn presented<F: Fetch>(verifier: &Verifier<'_, F>, presentation: &Value) -> Report {
    let proof = crate::checks::presentation_proof(verifier, presentation).await;
    crate::checks::presentation(verifier, presentation, proof, "presentation").await
}

/// A report for input that holds no credential this verifier can check:
/// `unknown` for a format it does not support yet, `fail` for the rest.
fn refused(outcome: Outcome, code: &'static str, detail: &str, message: &str) -> Report {
    let problem = Problem::new(code, detail).w3c("PARSING_ERROR");
    Report::from_checks(
        "input",
        None,
        vec![Check::with_problem(
            CheckId::Parse,
            outcome,
            message,
            problem,
        )],
    )
}

fn now(options: &VerifyOptions) -> Instant {
    Instant::from_seconds(options.now.unwrap_or_else(platform_now))
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_now() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |duration| {
        i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
    })
}

#[cfg(target_arch = "wasm32")]
fn platform_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
