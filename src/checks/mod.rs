//! The orchestrator: runs every check on a credential and on the
//! credentials inside it, and combines them into a [`Report`].
//!
//! Every check runs and is shown; none hides another (a bad signature is
//! reported even when the record has also expired).

mod children;

pub use children::{child, children_verdict};
pub use presentation::{embedded_proof as presentation_proof, presentation};
mod challenge;
mod context;
mod jwt;
mod presentation;
mod proof;
mod recipient;
mod refresh;
mod schema;
mod status;
mod trust;
mod types;
mod validity;

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use serde_json::Value;

use crate::datetime::Instant;
use crate::fetch::{Fetch, Lookups};
use crate::model::{family_of, summarise, Family};
use crate::options::VerifyOptions;
use crate::report::{Check, CheckId, Outcome, Problem, Report};

/// Why a credential is being verified; decides which checks apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The credential the user handed in (or one from their presentation).
    Subject,
    /// A credential nested in a CLR.
    Nested,
    /// An endorsement of something in the parent.
    Endorsement,
    /// A status list credential fetched to check another credential.
    StatusList,
    /// The newer version a refresh service returned (never refreshed again).
    Refreshed,
}

/// What a securing envelope (a VC-JWT) found before the credential inside
/// it is checked: its `proof` and `issuer_key` entries, and `validity`
/// entries for claims the credential does not state itself.
pub struct Envelope {
    /// The envelope's `proof` and `issuer_key` entries.
    pub checks: Vec<Check>,
    /// `validity` entries from the envelope's own claims.
    pub validity: Vec<Check>,
    /// Whether the envelope's signature verified with nothing failed.
    pub verified: bool,
}

/// A boxed future, so verification can recurse into children.
pub type Pending<'s, T> = Pin<Box<dyn Future<Output = T> + 's>>;

/// One verification: the options, the clock, the lookups and a budget.
pub struct Verifier<'a, F: Fetch> {
    /// The caller's options.
    pub options: &'a VerifyOptions,
    /// Every outside document needed, fetched once each.
    pub lookups: Lookups<'a, F>,
    /// The instant validity is judged at.
    pub now: Instant,
    started: Cell<usize>,
}

impl<'a, F: Fetch> Verifier<'a, F> {
    /// A verifier for one input.
    pub fn new(options: &'a VerifyOptions, fetch: &'a F, now: Instant) -> Self {
        let lookups = Lookups::new(fetch, options.offline);
        Self {
            options,
            lookups,
            now,
            started: Cell::new(0),
        }
    }

    /// Verifies one credential and everything inside it.
    pub fn credential<'s>(
        &'s self,
        document: &'s Value,
        source: &'s str,
        role: Role,
    ) -> Pending<'s, Report> {
        self.secured(document, source, role, None)
    }

    /// Verifies a compact JWS (VC-JWT) and the credential inside it.
    pub fn jwt<'s>(&'s self, text: &'s str, role: Role) -> Pending<'s, Report> {
        Box::pin(jwt::run(self, text, role))
    }

    /// Verifies a credential, secured by its embedded proofs and, when
    /// given, by the envelope it came in.
    pub fn secured<'s>(
        &'s self,
        document: &'s Value,
        source: &'s str,
        role: Role,
        envelope: Option<Envelope>,
    ) -> Pending<'s, Report> {
        Box::pin(async move {
            if let Some(report) = self.over_budget(source) {
                return report;
            }
            let family = family_of(document);
            let mut checks = vec![Check::pass(CheckId::Parse, parsed_message(family))];
            if let Some(check) = self.too_many_contexts(document) {
                checks.push(check);
                return Report::from_checks(source, Some(summarise(document)), checks);
            }

            let (mut proof_checks, envelope_validity) = match envelope {
                Some(envelope) => {
                    let validity = envelope.validity.clone();
                    (
                        proof::run_enveloped(self, document, envelope).await,
                        validity,
                    )
                }
                None => (proof::run(self, document).await, Vec::new()),
            };
            checks.extend(context::run(document, family, &proof_checks, self.options));
            checks.extend(types::run(document, family));
            let genuine = proof_checks.genuine();
            checks.append(&mut proof_checks.checks);
            checks.extend(validity::run(document, self.now));
            checks.extend(envelope_validity);
            if role != Role::StatusList {
                checks.extend(status::run(self, document).await);
            }
            checks.extend(schema::run(document, family));
            checks.extend(self.holder_checks(document, role));

            let mut report = Report::from_checks(source, Some(summarise(document)), checks);
            if role != Role::StatusList {
                children::run(self, document, family, role, &mut report).await;
            }
            if role == Role::Subject {
                self.refresh(document, genuine, &mut report).await;
            }
            report.settle();
            report
        })
    }

    /// OB 3.0 §9.1 step 3, for the user's own record only.
    async fn refresh(&self, document: &Value, genuine: bool, report: &mut Report) {
        if let Some(refreshed) = refresh::run(self, document, genuine).await {
            report.checks.push(refreshed.check);
            report.children.extend(refreshed.child);
        }
    }

    /// `recipient` and `trust`, when the caller asked for them. The
    /// recipient is the user's own record's, not an endorser's or a list's.
    fn holder_checks(&self, document: &Value, role: Role) -> Vec<Check> {
        let mut checks = Vec::new();
        if let (Some(expected), Role::Subject | Role::Nested) =
            (&self.options.expected_recipient, role)
        {
            checks.push(recipient::run(document, expected));
        }
        if let (Some(list), false) = (&self.options.trusted_issuers, role == Role::StatusList) {
            checks.push(trust::run(document, list));
        }
        checks
    }

    /// A failure when `@context` lists more entries than the limit, before
    /// any JSON-LD work is spent on it.
    fn too_many_contexts(&self, document: &Value) -> Option<Check> {
        let count = document
            .get("@context")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let limit = self.options.limits.max_contexts;
        if count <= limit {
            return None;
        }
        let message = format!("The record lists {count} vocabularies (contexts), more than the {limit} this verifier reads; it was not checked.");
        let problem = Problem::new(
            "too_many_contexts",
            format!("{count} contexts, limit {limit}"),
        );
        Some(Check::with_problem(
            CheckId::Context,
            Outcome::Fail,
            message,
            problem,
        ))
    }

    /// Whether the input's credential budget is spent.
    pub fn exhausted(&self) -> bool {
        self.started.get() >= self.options.limits.max_credentials
    }

    fn over_budget(&self, source: &str) -> Option<Report> {
        let started = self.started.get() + 1;
        self.started.set(started);
        if started <= self.options.limits.max_credentials {
            return None;
        }
        let limit = self.options.limits.max_credentials;
        let problem = Problem::new(
            "too_many_credentials",
            format!("limit of {limit} credentials per input"),
        );
        let message = format!("Not checked: the input holds more than {limit} credentials.");
        let check = Check::with_problem(CheckId::Parse, Outcome::Unknown, message, problem);
        Some(Report::from_checks(source, None, vec![check]))
    }
}

fn parsed_message(family: Family) -> String {
    let name = match family {
        Family::Clr => "a Comprehensive Learner Record (CLR 2.0)",
        Family::OpenBadge => "an Open Badge (OB 3.0)",
        Family::Endorsement => "an endorsement",
        Family::StatusList => "a status list",
        Family::Presentation => "a presentation",
        Family::Generic => "a Verifiable Credential",
        Family::Unknown => "a JSON document",
    };
    format!("Read as {name}.")
}
