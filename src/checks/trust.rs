//! The `trust` check: the issuer is in the caller's list of trusted
//! issuers. It runs only when the caller gives a list, and never makes a
//! genuine record invalid: an unknown issuer is a note.

use serde_json::Value;

use crate::model::issuer_id;
use crate::report::{Check, CheckId, Outcome, Problem};
use crate::trust::TrustList;

/// Runs the `trust` check.
pub fn run(document: &Value, list: &TrustList) -> Check {
    let list_name = match &list.name {
        Some(name) => format!("your list \u{201c}{name}\u{201d}"),
        None => "your list of trusted issuers".to_owned(),
    };
    let list_name = list_name.as_str();
    let Some(issuer) = issuer_id(document) else {
        return not_listed("The record names no issuer to look up", list_name);
    };
    match list.find(&issuer) {
        Some(rule) => {
            let known = rule
                .name
                .as_deref()
                .map(|name| format!(" as {name}"))
                .unwrap_or_default();
            Check::pass(
                CheckId::Trust,
                format!("The issuer {issuer} is in {list_name}{known}."),
            )
        }
        None => not_listed(
            &format!("The issuer {issuer} is not in {list_name}"),
            list_name,
        ),
    }
}

fn not_listed(start: &str, list_name: &str) -> Check {
    let message =
        format!("{start}; that does not make the record false, but you may not know this issuer.");
    let problem = Problem::new("issuer_not_trusted", format!("not found in {list_name}"));
    Check::with_problem(CheckId::Trust, Outcome::Warn, message, problem)
}
