//! A stand-in for the verification core, so the wasm glue, the npm package
//! and the page can be built and tested before the real [`verify`] lands.
//!
//! It reads the JSON, summarises it, fetches `https` verification methods to
//! exercise the fetch door, and reports every proof as `unknown`. It never
//! says `verified`. The real core replaces this whole file.

use serde_json::Value;

use crate::fetch::{Fetch, Lookups};
use crate::options::VerifyOptions;
use crate::report::{
    AchievementSummary, Check, CheckId, Child, Outcome, Party, Problem, Relation, Report, Summary,
};

/// What the caller hands in: raw bytes (a file) or text (pasted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The bytes of a file.
    Bytes(Vec<u8>),
    /// Text such as JSON or a compact JWT.
    Text(String),
}

impl From<Vec<u8>> for Input {
    fn from(bytes: Vec<u8>) -> Self {
        Self::Bytes(bytes)
    }
}

impl From<String> for Input {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

/// Verifies one input (stand-in: never more than `incomplete`).
pub async fn verify<F: Fetch>(input: Input, options: &VerifyOptions, fetch: &F) -> Report {
    let bytes = match input {
        Input::Bytes(bytes) => bytes,
        Input::Text(text) => text.into_bytes(),
    };

    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        let problem = Problem::new("not_json", "the input is not JSON").w3c("PARSING_ERROR");
        let check = Check::with_problem(
            CheckId::Parse,
            Outcome::Fail,
            "This is not a credential this preview can read.",
            problem,
        );
        return Report::from_checks("unknown", None, vec![check]);
    };

    let lookups = Lookups::new(fetch, options.offline);
    for method in https_methods(&value) {
        let _ = lookups.get(&method, "verification method").await;
    }

    let mut report = describe(&value);
    report.lookups = lookups.into_record();
    report
}

fn describe(value: &Value) -> Report {
    let problem = Problem::new("preview", "the verification core is not built in yet");
    let proof = Check::with_problem(
        CheckId::Proof,
        Outcome::Unknown,
        "The signature was not checked: this is a preview build.",
        problem,
    );
    let checks = vec![
        Check::pass(CheckId::Parse, "The record could be read."),
        proof,
    ];

    let mut report = Report::from_checks("json", Some(summarise(value)), checks);
    report.children = nested(value);
    report
}

fn nested(value: &Value) -> Vec<Child> {
    let list = value.pointer("/credentialSubject/verifiableCredential");
    let items = list
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let child = |(index, item)| Child {
        pointer: format!("/credentialSubject/verifiableCredential/{index}"),
        relation: Relation::Nested,
        report: describe(item),
    };
    items.iter().enumerate().map(child).collect()
}

fn summarise(value: &Value) -> Summary {
    let types: Vec<String> = strings(value.get("type"));
    let family = [
        "ClrCredential",
        "OpenBadgeCredential",
        "AchievementCredential",
    ]
    .into_iter()
    .find(|family| types.iter().any(|kind| kind == family))
    .unwrap_or("VerifiableCredential")
    .to_owned();
    let subject = value.get("credentialSubject");
    Summary {
        id: text(value.get("id")),
        types,
        family,
        name: text(value.get("name")),
        issuer: party(value.get("issuer")),
        subject: party(subject),
        achievement: subject
            .and_then(|subject| subject.get("achievement"))
            .map(achievement),
        valid_from: text(value.get("validFrom").or(value.get("issuanceDate"))),
        valid_until: text(value.get("validUntil").or(value.get("expirationDate"))),
    }
}

fn achievement(value: &Value) -> AchievementSummary {
    AchievementSummary {
        id: text(value.get("id")),
        name: text(value.get("name")),
        description: text(value.get("description")),
        criteria: text(value.pointer("/criteria/narrative")),
        achievement_type: text(value.get("achievementType")),
    }
}

fn party(value: Option<&Value>) -> Party {
    match value {
        Some(Value::String(id)) => Party {
            id: Some(id.clone()),
            name: None,
        },
        Some(object) => Party {
            id: text(object.get("id")),
            name: text(object.get("name")),
        },
        None => Party::default(),
    }
}

fn https_methods(value: &Value) -> Vec<String> {
    let proofs = match value.get("proof") {
        Some(Value::Array(proofs)) => proofs.iter().collect(),
        Some(proof) => vec![proof],
        None => Vec::new(),
    };
    let method = |proof: &Value| text(proof.get("verificationMethod"));
    let document = |url: String| url.split('#').next().unwrap_or_default().to_owned();
    let https = |url: &String| url.starts_with("https://");
    proofs
        .into_iter()
        .filter_map(method)
        .map(document)
        .filter(https)
        .collect()
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|item| text(Some(item))).collect(),
        other => text(other).into_iter().collect(),
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}
