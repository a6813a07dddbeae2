//! The `refresh` check: OB 3.0 §9.1 step 3. When a credential names a
//! `1EdTechCredentialRefresh` service and lookups are allowed, the service is
//! asked once, after the proof check, for a newer version, which is then
//! verified in full and reported as a child. The original's verdict stands
//! on its own; a refreshed record is never refreshed again.

use serde_json::Value;

use super::{Role, Verifier};
use crate::fetch::Fetch;
use crate::report::{Check, CheckId, Child, Outcome, Problem, Relation};

/// What the refresh step found: its check, and the refreshed record.
pub struct Refreshed {
    /// The `refresh` check.
    pub check: Check,
    /// The refreshed credential's report, when one was fetched.
    pub child: Option<Child>,
}

/// Runs the refresh step on a credential whose proof verified (`genuine`).
pub async fn run<F: Fetch>(
    verifier: &Verifier<'_, F>,
    document: &Value,
    genuine: bool,
) -> Option<Refreshed> {
    let service = document.get("refreshService")?;
    let kind = service
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some(url) = service.get("id").and_then(Value::as_str) else {
        return Some(note(
            "refresh_malformed",
            "The record names a refresh service without an address.".into(),
        ));
    };
    if kind != "1EdTechCredentialRefresh" {
        let message = format!("The record names a refresh service of type {kind:?}, which this verifier does not use.");
        return Some(note("refresh_unsupported", message));
    }
    if !genuine {
        let message = "The record names a refresh service, but it was not asked, because the record's own proof did not verify.";
        return Some(note("refresh_not_asked", message.into()));
    }
    Some(fetch_refreshed(verifier, url).await)
}

async fn fetch_refreshed<F: Fetch>(verifier: &Verifier<'_, F>, url: &str) -> Refreshed {
    let fetched = match verifier.lookups.get(url, "refresh service").await {
        Ok(fetched) => fetched,
        Err(error) => return note("refresh_unreachable", format!("The issuer's refresh service {url} could not be asked for a newer version: {error}.")),
    };
    let Ok(refreshed) = serde_json::from_slice::<Value>(&fetched.body) else {
        return note(
            "refresh_unreadable",
            format!("The issuer's refresh service {url} did not answer with a credential."),
        );
    };

    let report = verifier
        .credential(&refreshed, "refresh service", Role::Refreshed)
        .await;
    let message = "The issuer's refresh service returned a newer version of this record; it is shown with its own verdict.";
    Refreshed {
        check: Check::pass(CheckId::Refresh, message),
        child: Some(Child {
            pointer: "/refreshService".into(),
            relation: Relation::Refreshed,
            report,
        }),
    }
}

fn note(code: &'static str, message: String) -> Refreshed {
    let problem = Problem::new(code, message.clone());
    Refreshed {
        check: Check::with_problem(CheckId::Refresh, Outcome::Warn, message, problem),
        child: None,
    }
}
