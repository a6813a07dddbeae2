//! A Verifiable Presentation: a holder's envelope around credentials, each
//! reported as a child with its own verdict. The presentation itself must be
//! JSON-LD of the VC vocabulary and must hold something; its own proof is
//! judged by the caller (JSON proof or VC-JWT envelope).

use serde_json::Value;

use super::children::{children_verdict, within_budget};
use super::Verifier;
use crate::fetch::Fetch;
use crate::model::one_or_many;
use crate::report::{Check, CheckId, Child, Outcome, Problem, Relation, Report};

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
    checks.extend(proof);
    checks.push(credentials(&presented.children));
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
