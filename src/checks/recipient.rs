//! The `recipient` check: the credential was issued to the holder the
//! caller expects. It runs only when the caller names one.

use serde_json::Value;

use crate::recipient::{compare, ExpectedRecipient, RecipientMatch};
use crate::report::{Check, CheckId, Outcome, Problem};

/// Runs the `recipient` check.
pub fn run(document: &Value, expected: &ExpectedRecipient) -> Check {
    let who = expected.value.trim();
    match compare(document, expected) {
        RecipientMatch::Matched { by } => Check::pass(
            CheckId::Recipient,
            format!("This record was issued to {who} (it matches the learner's {by})."),
        ),
        RecipientMatch::Different => {
            let message = format!("This record was issued to someone else, not to {who}.");
            let problem = Problem::new(
                "recipient_mismatch",
                format!("no subject id or identifier matches {who:?}"),
            );
            Check::with_problem(CheckId::Recipient, Outcome::Fail, message, problem)
        }
        RecipientMatch::NotComparable => {
            let kind = expected.kind().unwrap_or_else(|| "identity".into());
            let message = format!("The record does not name its learner by {kind}, so it cannot be compared with {who}.");
            let problem = Problem::new(
                "recipient_not_comparable",
                format!("no identifier of type {kind}"),
            );
            Check::with_problem(CheckId::Recipient, Outcome::Unknown, message, problem)
        }
    }
}
