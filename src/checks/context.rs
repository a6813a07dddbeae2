//! The `context` check: the record's JSON-LD contexts are ones this verifier
//! knows, in the order its family requires, and every term it uses is
//! defined ("safe mode").
//!
//! Order rules follow the 1EdTech validator: the VC base context first
//! (VC 1.1's is accepted with a note), then the OB or CLR context; an older
//! or aliased OB/CLR context is a note, a missing one a failure.

use serde_json::Value;

use super::proof::{plain_jsonld, ProofChecks};
use crate::jsonld::{self, JsonLdOptions};
use crate::model::Family;
use crate::options::VerifyOptions;
use crate::report::{Check, CheckId, Outcome, Problem};

const VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";
const OB_PREFIX: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context";
const OB_CURRENT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const CLR_PREFIX: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context";
const CLR_CURRENT: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

/// The JSON-LD options for this verification: bundled contexts plus the
/// caller's, and the quad limit.
pub fn jsonld_options(options: &VerifyOptions) -> JsonLdOptions<'_> {
    JsonLdOptions::new(&options.contexts, options.limits.max_quads)
}

/// Runs the `context` check.
pub fn run(document: &Value, family: Family, proofs: &ProofChecks, options: &VerifyOptions) -> Vec<Check> {
    let urls = context_urls(document);
    let Some(urls) = urls else {
        return vec![fail("missing_context", "The record has no @context, so its terms have no defined meaning.", "no @context")];
    };

    let mut checks = Vec::new();
    if let Some(check) = unknown_context(&urls, options) {
        checks.push(check);
    }
    checks.extend(base_context(&urls));
    checks.extend(family_context(&urls, family));
    checks.push(safe_mode(document, proofs, options));
    checks
}

/// The string entries of `@context`; `None` when there is no `@context`.
fn context_urls(document: &Value) -> Option<Vec<String>> {
    let context = document.get("@context")?;
    let urls = match context {
        Value::String(url) => vec![url.clone()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    Some(urls)
}

fn unknown_context(urls: &[String], options: &VerifyOptions) -> Option<Check> {
    let unknown = urls
        .iter()
        .find(|url| jsonld::contexts::bundled(url).is_none() && !options.contexts.contains_key(url.as_str()))?;
    let message = format!("The record uses the vocabulary {unknown}, which this verifier does not know, so its meaning cannot be checked.");
    Some(fail("unknown_context", &message, &format!("context {unknown} is not bundled")))
}

fn base_context(urls: &[String]) -> Option<Check> {
    match urls.first().map(String::as_str) {
        Some(VC_V2) => None,
        Some(VC_V1) => Some(note(
            "vc_1_1",
            "The record follows the older Verifiable Credentials 1.1 model; that is still accepted.",
            "first context is VC 1.1",
        )),
        _ => Some(fail(
            "base_context_missing",
            "The record's first context is not the Verifiable Credentials context, as the standard requires.",
            "@context[0] is neither VC 2.0 nor VC 1.1",
        )),
    }
}

fn family_context(urls: &[String], family: Family) -> Option<Check> {
    let (prefix, current, name) = match family {
        Family::OpenBadge => (OB_PREFIX, OB_CURRENT, "Open Badges 3.0"),
        Family::Clr => (CLR_PREFIX, CLR_CURRENT, "CLR 2.0"),
        _ => return None,
    };
    let found = urls.iter().find(|url| url.starts_with(prefix) || is_alias(url, family));
    match found {
        None => Some(fail(
            "family_context_missing",
            &format!("The record says it is {name} but does not use the {name} context."),
            &format!("no context starting with {prefix}"),
        )),
        Some(url) if url != current => Some(note(
            "older_context",
            &format!("The record uses an older version of the {name} context ({url})."),
            &format!("current is {current}"),
        )),
        Some(_) => None,
    }
}

fn is_alias(url: &str, family: Family) -> bool {
    match family {
        Family::OpenBadge => url == "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
        _ => false,
    }
}

fn safe_mode(document: &Value, proofs: &ProofChecks, options: &VerifyOptions) -> Check {
    if let Some(error) = &proofs.jsonld_error {
        return unsafe_check(error);
    }
    if !proofs.expanded || has_unsupported_proof(proofs) {
        if let Err(error) = jsonld::to_rdf(document, &jsonld_options(options)) {
            return unsafe_check(&error);
        }
    }
    Check::pass(CheckId::Context, "Every term in the record is defined by a known vocabulary.")
}

fn has_unsupported_proof(proofs: &ProofChecks) -> bool {
    proofs.checks.iter().any(|check| check.problem.as_ref().is_some_and(|p| p.code == "unsupported_suite"))
}

fn unsafe_check(error: &jsonld::JsonLdError) -> Check {
    let message = format!("The record cannot be read safely: {}.", plain_jsonld(error));
    let problem = Problem::new(code_of(error), error.to_string()).w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Context, Outcome::Fail, message, problem)
}

fn code_of(error: &jsonld::JsonLdError) -> &'static str {
    match error {
        jsonld::JsonLdError::UndefinedTerm { .. } => "undefined_term",
        jsonld::JsonLdError::RelativeIri { .. } => "relative_iri",
        jsonld::JsonLdError::UnknownContext { .. } => "unknown_context",
        _ => "invalid_jsonld",
    }
}

fn fail(code: &'static str, message: &str, detail: &str) -> Check {
    let problem = Problem::new(code, detail).w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Context, Outcome::Fail, message, problem)
}

fn note(code: &'static str, message: &str, detail: &str) -> Check {
    Check::with_problem(CheckId::Context, Outcome::Warn, message, Problem::new(code, detail))
}
