//! A Verifiable Presentation: a holder's envelope around credentials, each
//! reported as a child with its own verdict. The presentation itself must be
//! JSON-LD of the VC vocabulary and must hold something; its own proof (Data
//! Integrity, [`embedded_proof`], or a VC-JWT envelope) must be its holder's
//! (`authentication`), and answer the caller's challenge and domain. A
//! signed presentation whose holder is not the subject of a credential it
//! holds is noted, not failed: VC 2.0 §"Subject-Holder Relationships"
//! allows it (a parent presenting a child's record).

use serde_json::Value;

use super::children::{children_verdict, within_budget};
use super::{challenge, proof, Verifier};
use crate::fetch::Fetch;
use crate::model::{id_of, one_or_many};
use crate::report::{Check, CheckId, Child, Outcome, Problem, Relation, Report};

/// The checks of a JSON presentation's own proof: its Data Integrity
/// proofs (as for a credential, but for `authentication` by the holder),
/// then the caller's challenge and domain.
pub async fn embedded_proof<F: Fetch>(
    verifier: &Verifier<'_, F>,
    presentation: &Value,
) -> Vec<Check> {
    let mut checks = if presentation.get("proof").is_none() {
        vec![Check::skip(
            CheckId::Proof,
            "The presentation itself is not signed; each credential carries its own proof.",
        )]
    } else {
        proof::run(verifier, presentation).await.checks
    };
    checks.extend(challenge::data_integrity(presentation, verifier.options));
    checks
}

/// Verifies every credential of `presentation`; `proof` holds the checks
/// of the presentation's own proof.
pub async fn presentation<F: Fetch>(
    verifier: &Verifier<'_, F>,
    presentation: &Value,
    proof: Vec<Check>,
    source: &str,
) -> Report {
    let items = one_or_many(presentation.get("verifiableCredential"));
    let pointers = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| (format!("/verifiableCredential/{i}"), item));
    let presented = within_budget(verifier, pointers.collect(), Relation::Presented).await;

    let held = match presented.children.len() {
        1 => "1 credential".to_owned(),
        count => format!("{count} credentials"),
    };
    let mut checks = vec![Check::pass(
        CheckId::Parse,
        format!("Read as a presentation holding {held}."),
    )];
    checks.push(context(presentation));
    let signed = proof.iter().any(|check| check.outcome != Outcome::Skip);
    checks.extend(proof);
    checks.push(credentials(&presented.children));
    if signed {
        checks.extend(holder_not_subject(presentation, &presented.children));
    }
    checks.extend(presented.skipped_check());

    let mut report = Report::from_checks(source, None, checks);
    report.children = presented.children;
    report.settle();
    report
}

/// A presentation is JSON-LD too: its first context must be the VC one.
fn context(presentation: &Value) -> Check {
    let first = crate::model::first_context(presentation);
    let known = [
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/2018/credentials/v1",
    ];
    if first.is_some_and(|url| known.contains(&url)) {
        return Check::pass(
            CheckId::Context,
            "The presentation uses the Verifiable Credentials vocabulary.",
        );
    }
    let message = "The presentation does not start with the Verifiable Credentials context, so its terms have no defined meaning.";
    let problem = Problem::new(
        "base_context_missing",
        "presentation @context[0] is neither VC 2.0 nor VC 1.1",
    )
    .w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Context, Outcome::Fail, message, problem)
}

/// A note naming the credentials whose subject is someone other than the
/// presentation's holder.
fn holder_not_subject(presentation: &Value, children: &[Child]) -> Option<Check> {
    let holder = id_of(presentation.get("holder"))?;
    let others: Vec<&str> = children
        .iter()
        .filter_map(|child| child.report.credential.as_ref()?.subject.id.as_deref())
        .filter(|subject| *subject != holder)
        .collect();
    let first = others.first()?;

    let message = match others.len() {
        1 => format!("The holder {holder} is not the subject of the credential it presents (issued to {first}); a holder may present someone else's record, so check they are entitled to."),
        count => format!("The holder {holder} is not the subject of {count} of the credentials it presents (the first was issued to {first}); a holder may present someone else's record, so check they are entitled to."),
    };
    let problem = Problem::new(
        "holder_not_subject",
        format!(
            "holder {holder}, credentialSubject.id {}",
            others.join(", ")
        ),
    );
    Some(Check::with_problem(CheckId::Nested, Outcome::Warn, message, problem).on("holder"))
}

/// An empty presentation proves nothing; otherwise its credentials decide.
fn credentials(children: &[Child]) -> Check {
    if !children.is_empty() {
        return children_verdict(children, "presentation");
    }
    let message = "The presentation holds no credentials, so there is nothing to verify.";
    let problem =
        Problem::new("empty_presentation", "no verifiableCredential").w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Nested, Outcome::Fail, message, problem)
}
