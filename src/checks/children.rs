//! The `nested` and `endorsements` checks: credentials inside a credential,
//! each verified in full and reported as a child.
//!
//! CLR 2.0: every credential in `credentialSubject.verifiableCredential` is
//! verified with the whole OB 3.0 algorithm; the CLR is invalid if any is.
//! OB 3.0 §9.1 step 6: embedded `EndorsementCredential`s are verified too;
//! an invalid endorsement is a warning on its parent, not a failure.

use serde_json::Value;

use super::{Role, Verifier};
use crate::fetch::Fetch;
use crate::model::{one_or_many, Family};
use crate::report::{Check, CheckId, Child, Outcome, Problem, Relation, Report, Verdict};

/// Verifies nested credentials and endorsements, adding children and checks.
pub async fn run<F: Fetch>(
    verifier: &Verifier<'_, F>,
    document: &Value,
    family: Family,
    role: Role,
    report: &mut Report,
) {
    if family == Family::Clr {
        let items = one_or_many(document.pointer("/credentialSubject/verifiableCredential"));
        let nested =
            within_budget(verifier, nested_pointers(document, items), Relation::Nested).await;
        report
            .checks
            .push(children_verdict(&nested.children, "record"));
        report.checks.extend(nested.skipped_check());
        report.children.extend(nested.children);
    }

    let mut found = Vec::new();
    find_endorsements(document, String::new(), &mut found);
    if found.is_empty() {
        return;
    }
    if role == Role::Endorsement {
        let message =
            "This endorsement is itself endorsed; endorsements of endorsements are not followed.";
        report
            .checks
            .push(Check::skip(CheckId::Endorsements, message));
        return;
    }
    let endorsements = within_budget(verifier, found, Relation::Endorsement).await;
    report
        .checks
        .push(endorsement_check(&endorsements.children));
    report.checks.extend(endorsements.skipped_check());
    report.children.extend(endorsements.children);
}

/// Children verified while the input's credential budget lasts, and how
/// many were left unchecked.
pub(super) struct Budgeted {
    pub(super) children: Vec<Child>,
    pub(super) skipped: usize,
}

impl Budgeted {
    /// An `unknown` entry naming the credentials left unchecked, if any.
    pub(super) fn skipped_check(&self) -> Option<Check> {
        if self.skipped == 0 {
            return None;
        }
        let message = format!(
            "{} more credentials were not checked: the input holds more than this verifier checks at once.",
            self.skipped
        );
        let problem = Problem::new("too_many_credentials", format!("{} skipped", self.skipped));
        Some(Check::with_problem(
            CheckId::Nested,
            Outcome::Unknown,
            message,
            problem,
        ))
    }
}

pub(super) async fn within_budget<F: Fetch>(
    verifier: &Verifier<'_, F>,
    items: Vec<(String, &Value)>,
    relation: Relation,
) -> Budgeted {
    let mut budgeted = Budgeted {
        children: Vec::new(),
        skipped: 0,
    };
    let total = items.len();
    let told = verifier
        .options
        .progress
        .as_ref()
        .filter(|_| matches!(relation, Relation::Nested | Relation::Presented));
    for (done, (pointer, item)) in (1..).zip(items) {
        if verifier.exhausted() {
            budgeted.skipped += 1;
        } else {
            budgeted
                .children
                .push(child(verifier, item, pointer, relation).await);
        }
        if let Some(progress) = told {
            progress.tell(done, total);
        }
    }
    budgeted
}

/// The nested credentials with their JSON pointers.
fn nested_pointers<'v>(document: &Value, items: Vec<&'v Value>) -> Vec<(String, &'v Value)> {
    let base = "/credentialSubject/verifiableCredential";
    let many = matches!(document.pointer(base), Some(Value::Array(_)));
    let pointer = |index: usize| {
        if many {
            format!("{base}/{index}")
        } else {
            base.to_owned()
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| (pointer(index), item))
        .collect()
}

/// Verifies one embedded item: a JSON credential, a VC-JWT string, or an
/// `EnvelopedVerifiableCredential` holding one as a `data:` URL.
pub async fn child<F: Fetch>(
    verifier: &Verifier<'_, F>,
    item: &Value,
    pointer: String,
    relation: Relation,
) -> Child {
    let role = match relation {
        Relation::Endorsement => Role::Endorsement,
        Relation::Nested => Role::Nested,
        Relation::Presented => Role::Subject,
        Relation::Refreshed => Role::Refreshed,
    };
    let report = match item {
        Value::Object(_) if is_enveloped(item) => enveloped(verifier, item, role).await,
        Value::Object(_) => verifier.credential(item, "embedded", role).await,
        Value::String(text) if crate::jwt::looks_like_compact(text.trim()) => {
            verifier.jwt(text.trim(), role).await
        }
        Value::String(_) => not_supported("This embedded text is not a credential or a JWT."),
        _ => not_supported("This embedded item is not a credential."),
    };
    Child {
        pointer,
        relation,
        report,
    }
}

fn is_enveloped(item: &Value) -> bool {
    crate::model::types_of(item)
        .iter()
        .any(|t| t == "EnvelopedVerifiableCredential")
}

/// [VC 2.0 §4.13 Enveloped Verifiable Credentials](https://www.w3.org/TR/vc-data-model-2.0/#enveloped-verifiable-credentials):
/// the credential is the `data:` URL in `id`; only `application/vc+jwt`
/// (and the older `vc+ld+jwt`) is read here.
async fn enveloped<F: Fetch>(verifier: &Verifier<'_, F>, item: &Value, role: Role) -> Report {
    let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
    let token = ["data:application/vc+jwt,", "data:application/vc+ld+jwt,"]
        .iter()
        .find_map(|prefix| id.strip_prefix(prefix));
    match token {
        Some(token) if crate::jwt::looks_like_compact(token) => verifier.jwt(token, role).await,
        None if id.starts_with("data:application/") => {
            not_supported("This enveloped credential uses a securing format this verifier does not support yet (SD-JWT or COSE).")
        }
        _ => {
            let message = "This enveloped credential holds no JWT-secured credential.";
            let problem = Problem::new("malformed_envelope", format!("id {id:?} is not a data:application/vc+jwt URL"))
                .w3c("PARSING_ERROR");
            let check = Check::with_problem(CheckId::Parse, Outcome::Fail, message, problem);
            Report::from_checks("embedded", None, vec![check])
        }
    }
}

fn not_supported(message: &str) -> Report {
    let problem = Problem::new("unsupported_format", message);
    let check = Check::with_problem(CheckId::Parse, Outcome::Unknown, message, problem);
    Report::from_checks("embedded", None, vec![check])
}

/// Every `endorsement` and `endorsementJwt` (compact JWS strings) in the
/// document, outside nested credentials
/// (which report their own endorsements).
fn find_endorsements<'v>(node: &'v Value, pointer: String, found: &mut Vec<(String, &'v Value)>) {
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let here = format!("{pointer}/{}", escape(key));
                if key == "verifiableCredential" || key == "proof" {
                    continue;
                }
                if key == "endorsement" || key == "endorsementJwt" {
                    found.extend(items_with_pointers(value, &here));
                    continue;
                }
                find_endorsements(value, here, found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                find_endorsements(item, format!("{pointer}/{index}"), found);
            }
        }
        _ => {}
    }
}

fn items_with_pointers<'v>(value: &'v Value, pointer: &str) -> Vec<(String, &'v Value)> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{pointer}/{i}"), item))
            .collect(),
        other => vec![(pointer.to_owned(), other)],
    }
}

/// RFC 6901 escaping of one reference token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The `nested` check over children: failed if any is invalid, unknown if
/// any is incomplete. `container` names the parent in messages.
pub fn children_verdict(children: &[Child], container: &str) -> Check {
    let count = children.len();
    let invalid = children
        .iter()
        .filter(|c| c.report.verdict == Verdict::Invalid)
        .count();
    let incomplete = children
        .iter()
        .filter(|c| c.report.verdict == Verdict::Incomplete)
        .count();
    if count == 0 {
        return Check::skip(
            CheckId::Nested,
            format!("The {container} holds no credentials."),
        );
    }
    if invalid > 0 {
        let message =
            format!("{invalid} of the {count} credentials in this {container} are not valid.");
        let problem = Problem::new("nested_invalid", format!("{invalid} invalid of {count}"));
        return Check::with_problem(CheckId::Nested, Outcome::Fail, message, problem);
    }
    if incomplete > 0 {
        let message = format!("{incomplete} of the {count} credentials in this {container} could not be fully checked.");
        let problem = Problem::new(
            "nested_incomplete",
            format!("{incomplete} incomplete of {count}"),
        );
        return Check::with_problem(CheckId::Nested, Outcome::Unknown, message, problem);
    }
    let message = match count {
        1 => format!("The credential in this {container} is verified."),
        _ => format!("All {count} credentials in this {container} are verified."),
    };
    Check::pass(CheckId::Nested, message)
}

fn endorsement_check(children: &[Child]) -> Check {
    let count = children.len();
    let unverified = children
        .iter()
        .filter(|c| c.report.verdict != Verdict::Verified)
        .count();
    if unverified == 0 {
        return Check::pass(
            CheckId::Endorsements,
            format!("All {count} endorsements are verified."),
        );
    }
    let message = format!("{unverified} of the {count} endorsements could not be verified; they add no weight to this record.");
    let problem = Problem::new("endorsement_unverified", format!("{unverified} of {count}"));
    Check::with_problem(CheckId::Endorsements, Outcome::Warn, message, problem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_endorsements_but_not_inside_nested_credentials() {
        let document = json!({
            "issuer": {"endorsement": [{"a": 1}]},
            "credentialSubject": {"achievement": {"endorsement": {"b": 2}},
                "verifiableCredential": [{"endorsement": [{"c": 3}]}]}
        });
        let mut found = Vec::new();
        find_endorsements(&document, String::new(), &mut found);
        let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/issuer/endorsement/0",
                "/credentialSubject/achievement/endorsement"
            ]
        );
    }
}
