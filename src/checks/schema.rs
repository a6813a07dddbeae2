//! The `schema` check: the structure OB 3.0 and CLR 2.0 require of a
//! credential, checked directly rather than by a general JSON Schema engine
//! (which would not fit the module's size budget).
//!
//! OB 3.0 §9.1 step 1: `credentialSubject` must be identified by `id` or
//! `identifier`; VC 2.0 §4: `issuer` and `credentialSubject` are required,
//! and identifiers are URLs.

use serde_json::Value;

use crate::model::{id_of, one_or_many, Family};
use crate::report::{Check, CheckId, Outcome, Problem};

/// Runs the `schema` check.
pub fn run(document: &Value, family: Family) -> Vec<Check> {
    let problems: Vec<String> = [issuer(document), credential_id(document), subject(document)]
        .into_iter()
        .flatten()
        .collect();

    if let Some(first) = problems.first() {
        let message = format!("The record is not shaped as its format requires: {first}.");
        let problem = Problem::new("schema_violation", problems.join("; ")).w3c("MALFORMED_VALUE_ERROR");
        return vec![Check::with_problem(CheckId::Schema, Outcome::Fail, message, problem)];
    }
    if let Some(note) = conformance_note(document, family) {
        let message = format!("The record has every part it needs, but {note}, which the standard asks for.");
        return vec![Check::with_problem(CheckId::Schema, Outcome::Warn, message, Problem::new("conformance_note", note))];
    }
    vec![Check::pass(CheckId::Schema, "The record has every part its format requires.")]
}

fn issuer(document: &Value) -> Option<String> {
    match id_of(document.get("issuer")) {
        None => Some("it names no issuer".into()),
        Some(id) if !is_url(&id) => Some(format!("the issuer's id {id:?} is not a URL")),
        Some(_) => None,
    }
}

fn credential_id(document: &Value) -> Option<String> {
    match document.get("id") {
        None => None,
        Some(Value::String(id)) if is_url(id) => None,
        Some(other) => Some(format!("the credential's id {other} is not a URL")),
    }
}

fn subject(document: &Value) -> Option<String> {
    match one_or_many(document.get("credentialSubject")).first() {
        None => Some("it has no credentialSubject".into()),
        Some(_) => None,
    }
}

/// OB 3.0 §9.1 asks for an identified subject with an achievement; real
/// issuers (the DCC among them) leave the identifier out, so this is a note.
fn conformance_note(document: &Value, family: Family) -> Option<String> {
    let first = one_or_many(document.get("credentialSubject")).into_iter().next()?;
    let identified = first.get("id").is_some() || first.get("identifier").is_some();
    match family {
        Family::OpenBadge | Family::Clr if !identified => {
            Some("its subject has neither an id nor an identifier".into())
        }
        Family::OpenBadge if first.get("achievement").is_none() => Some("its subject has no achievement".into()),
        _ => None,
    }
}

/// An absolute URL or URN: a scheme, then a colon.
fn is_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    starts && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && !rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_badge_needs_a_subject_and_should_identify_it() {
        let ok = json!({"issuer": "did:key:z6Mk", "credentialSubject": {"id": "did:example:1", "achievement": {}}});
        assert_eq!(run(&ok, Family::OpenBadge)[0].outcome, Outcome::Pass);
        let anonymous = json!({"issuer": "did:key:z6Mk", "credentialSubject": {"achievement": {}}});
        assert_eq!(run(&anonymous, Family::OpenBadge)[0].outcome, Outcome::Warn);
        let subjectless = json!({"issuer": "did:key:z6Mk"});
        assert_eq!(run(&subjectless, Family::OpenBadge)[0].outcome, Outcome::Fail);
    }

    #[test]
    fn ids_must_be_urls() {
        let bad = json!({"id": "not a url", "issuer": "example", "credentialSubject": {}});
        let checks = run(&bad, Family::Generic);
        let detail = checks[0].problem.as_ref().map(|p| p.detail.clone()).unwrap_or_default();
        assert!(detail.contains("issuer") && detail.contains("credential's id"), "{detail}");
    }
}
