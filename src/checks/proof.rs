//! The `proof` and `issuer_key` checks: every proof of a supported suite
//! must verify, unsupported ones are warnings, at least one must verify, and
//! each verified key must be the signer's: a credential's issuer, listing it
//! for `assertionMethod`, or a presentation's holder, listing it for
//! `authentication` (the `issuer_key` check of a presentation is about its
//! holder).

use serde_json::Value;

use super::{Envelope, Verifier};
use crate::canon::CanonError;
use crate::fetch::{Fetch, FetchError};
use crate::jsonld::JsonLdError;
use crate::jwt::claims::signer_of;
use crate::keys::controller_document::Relationship;
use crate::keys::resolve::{resolve, Binding, ResolveError, Signer};
use crate::model::types_of;
use crate::proof::{prepare, proofs_of, verify_signature, PreparedProof, ProofError};
use crate::report::{Check, CheckId, Outcome, Problem};

/// What the proof checks found, plus what the context check needs to know.
pub struct ProofChecks {
    /// The `proof` and `issuer_key` entries.
    pub checks: Vec<Check>,
    /// The first JSON-LD safe-mode failure met while canonicalising, if any.
    pub jsonld_error: Option<JsonLdError>,
    /// Whether the whole document went through JSON-LD processing.
    pub expanded: bool,
}

impl ProofChecks {
    /// Whether some proof verified and none failed.
    pub fn genuine(&self) -> bool {
        let proofs = || {
            self.checks
                .iter()
                .filter(|check| check.id == CheckId::Proof)
        };
        let legacy = |check: &Check| {
            check
                .problem
                .as_ref()
                .is_some_and(|p| p.code == "legacy_suite_name")
        };
        let verified = proofs().any(|check| check.outcome == Outcome::Pass || legacy(check));
        verified && proofs().all(|check| check.outcome != Outcome::Fail)
    }
}

/// Runs the `proof` and `issuer_key` checks on every proof of `document`.
pub async fn run<F: Fetch>(verifier: &Verifier<'_, F>, document: &Value) -> ProofChecks {
    let proofs = proofs_of(document);
    let mut found = ProofChecks {
        checks: Vec::new(),
        jsonld_error: None,
        expanded: false,
    };
    if proofs.is_empty() {
        found.checks.push(no_proof());
        return found;
    }
    let limit = verifier.options.limits.max_proofs;
    if proofs.len() > limit {
        let message = format!("The record carries {} proofs, more than the {limit} this verifier checks; it was not checked.", proofs.len());
        let problem = Problem::new(
            "too_many_proofs",
            format!("{} proofs, limit {limit}", proofs.len()),
        );
        found.checks.push(Check::with_problem(
            CheckId::Proof,
            Outcome::Fail,
            message,
            problem,
        ));
        return found;
    }

    let (_, signer_id) = signer_of(document);
    let signer = Signer {
        id: signer_id.as_deref(),
        relationship: relationship_of(document),
    };
    let mut tally = Tally::default();
    for index in 0..proofs.len() {
        let target = if proofs.len() > 1 {
            format!("proof[{index}]")
        } else {
            "proof".to_owned()
        };
        let one = one_proof(verifier, document, index, signer).await;
        tally.count(&one);
        found.expanded |= one.expanded;
        if found.jsonld_error.is_none() {
            found.jsonld_error = one.jsonld_error;
        }
        found
            .checks
            .extend(one.checks.into_iter().map(|check| check.on(&target)));
    }

    if let Some(summary) = tally.summary() {
        found.checks.push(summary);
    }
    found
}

/// The proof checks of a credential that came in an envelope (a VC-JWT):
/// the envelope's entries, then those of any embedded proofs.
///
/// OB 3.0 §8.1 and §9.1 step 2: a credential may carry a VC-JWT and
/// embedded proofs, and any one verified proof suffices. Every embedded
/// proof of a supported suite is still checked and a failed one still
/// fails (DESIGN.md §1); one that cannot be checked is only a warning
/// when the envelope's signature verified.
pub async fn run_enveloped<F: Fetch>(
    verifier: &Verifier<'_, F>,
    document: &Value,
    envelope: Envelope,
) -> ProofChecks {
    let mut checks = envelope.checks;
    if proofs_of(document).is_empty() {
        return ProofChecks {
            checks,
            jsonld_error: None,
            expanded: false,
        };
    }

    let mut embedded = run(verifier, document).await;
    if envelope.verified {
        embedded.checks = embedded
            .checks
            .into_iter()
            .map(unknown_as_warning)
            .collect();
    }
    checks.push(any_one_suffices(proofs_of(document).len()));
    checks.append(&mut embedded.checks);
    ProofChecks { checks, ..embedded }
}

fn unknown_as_warning(mut check: Check) -> Check {
    if check.outcome == Outcome::Unknown {
        check.outcome = Outcome::Warn;
        check.message = format!(
            "{} The JWT signature already verified, which suffices.",
            check.message
        );
    }
    check
}

fn any_one_suffices(count: usize) -> Check {
    let message = format!("The record is secured twice: as a JWT and by {count} embedded proofs. Open Badges 3.0 accepts any one verified proof; every proof this verifier supports is checked, and any that fails is reported.");
    Check::pass(CheckId::Proof, message).on("proofs")
}

struct OneProof {
    checks: Vec<Check>,
    verified: bool,
    supported: bool,
    jsonld_error: Option<JsonLdError>,
    expanded: bool,
}

async fn one_proof<F: Fetch>(
    verifier: &Verifier<'_, F>,
    document: &Value,
    index: usize,
    signer: Signer<'_>,
) -> OneProof {
    let options = verifier.options;
    let prepared = match prepare(document, index, &options.contexts, &options.limits) {
        Ok(prepared) => prepared,
        Err(error) => return unprepared(error),
    };

    let mut checks = Vec::new();
    if let Some(purpose) = purpose_problem(&prepared, signer.relationship) {
        checks.push(purpose);
    }
    let (signature, binding) = signature_and_key(verifier, &prepared, signer).await;
    let verified = signature.outcome == Outcome::Pass || signature.outcome == Outcome::Warn;
    checks.push(signature);
    checks.push(binding);

    let verified = verified && checks.iter().all(|c| c.outcome != Outcome::Fail);
    OneProof {
        checks,
        verified,
        supported: true,
        jsonld_error: None,
        expanded: true,
    }
}

fn unprepared(error: ProofError) -> OneProof {
    let supported = !matches!(error, ProofError::UnsupportedSuite { .. });
    let jsonld_error = match &error {
        ProofError::JsonLd(inner) => Some(inner.clone()),
        _ => None,
    };
    let check = unprepared_check(&error);
    OneProof {
        checks: vec![check],
        verified: false,
        supported,
        jsonld_error,
        expanded: false,
    }
}

fn unprepared_check(error: &ProofError) -> Check {
    let detail = error.to_string();
    match error {
        ProofError::UnsupportedSuite { name } => {
            let message =
                format!("This proof uses {name}, a method this verifier does not support.");
            let problem = Problem::new("unsupported_suite", detail).w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Warn, message, problem)
        }
        ProofError::JsonLd(inner) => {
            let message = format!(
                "The signature cannot cover this record: {}.",
                plain_jsonld(inner)
            );
            let problem = Problem::new("jsonld_unsafe", detail).w3c("PROOF_TRANSFORMATION_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
        }
        ProofError::Canon(CanonError::TooComplex { .. }) => {
            let message =
                "The record is too complex to check safely, which can be a sign of an attack.";
            let problem =
                Problem::new("canonicalization_limit", detail).w3c("PROOF_TRANSFORMATION_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
        }
        _ => {
            let message = format!("The proof is malformed: {detail}.");
            let problem = Problem::new("malformed_proof", detail).w3c("MALFORMED_VALUE_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
        }
    }
}

/// A reader's wording of a JSON-LD safe-mode failure.
pub fn plain_jsonld(error: &JsonLdError) -> String {
    match error {
        JsonLdError::UndefinedTerm { term } => {
            format!("it contains the property or type \"{term}\", which none of its vocabularies define")
        }
        JsonLdError::RelativeIri { iri } => {
            format!("it contains the relative reference \"{iri}\" where a full address is required")
        }
        JsonLdError::UnknownContext { url } => {
            format!("it uses the vocabulary {url}, which this verifier does not know")
        }
        other => format!("its linked-data structure is invalid ({other})"),
    }
}

/// Whether `document` is a presentation, whose proof is its holder's
/// `authentication`; a credential's is its issuer's `assertionMethod`.
pub(super) fn relationship_of(document: &Value) -> Relationship {
    if types_of(document)
        .iter()
        .any(|t| t == "VerifiablePresentation")
    {
        return Relationship::Authentication;
    }
    Relationship::AssertionMethod
}

/// [VC Data Integrity §4.4 Verify Proof](https://www.w3.org/TR/vc-data-integrity/#verify-proof),
/// "expectedProofPurpose": a credential's proof asserts, a presentation's
/// proof authenticates its holder.
fn purpose_problem(prepared: &PreparedProof, relationship: Relationship) -> Option<Check> {
    let purpose = prepared.proof_purpose.as_deref().unwrap_or("(none)");
    if purpose == relationship.property() {
        return None;
    }
    let message = match relationship {
        Relationship::AssertionMethod => format!(
            "The proof was made for \"{purpose}\", not for issuing a credential (assertionMethod)."
        ),
        Relationship::Authentication => format!(
            "The presentation's proof was made for \"{purpose}\", not for proving who presents it (authentication)."
        ),
    };
    let problem = Problem::new("wrong_proof_purpose", format!("proofPurpose is {purpose}"))
        .w3c("PROOF_VERIFICATION_ERROR");
    Some(Check::with_problem(
        CheckId::Proof,
        Outcome::Fail,
        message,
        problem,
    ))
}

async fn signature_and_key<F: Fetch>(
    verifier: &Verifier<'_, F>,
    prepared: &PreparedProof,
    signer: Signer<'_>,
) -> (Check, Check) {
    let method = prepared.verification_method.as_str();
    let resolved = resolve(method, signer, &verifier.lookups).await;

    let key = match resolved {
        Ok(key) => key,
        Err(error) => {
            let binding = unresolved_binding(&error, signer.relationship);
            return (unresolved_signature(&error), binding);
        }
    };
    let signature = match verify_signature(&key.key, prepared) {
        Ok(()) => signature_pass(prepared),
        Err(error) => signature_fail(&error),
    };
    (signature, binding_check(&key.binding, method, signer))
}

fn signature_pass(prepared: &PreparedProof) -> Check {
    let suite = prepared.suite.name();
    if prepared.legacy_suite_name {
        let message = format!("The signature is valid; it uses the draft name of {suite}, which newer tools call differently.");
        let problem = Problem::new(
            "legacy_suite_name",
            "cryptosuite eddsa-2022 is the pre-standard name of eddsa-rdfc-2022",
        );
        return Check::with_problem(CheckId::Proof, Outcome::Warn, message, problem);
    }
    Check::pass(
        CheckId::Proof,
        format!("The signature is valid ({suite}): nothing was changed since signing."),
    )
}

fn signature_fail(error: &ProofError) -> Check {
    if matches!(
        error,
        ProofError::KeyTypeMismatch { .. } | ProofError::CurveMismatch { .. }
    ) {
        let message = format!("The signing key cannot have made this kind of proof: {error}.");
        let problem =
            Problem::new("key_type_mismatch", error.to_string()).w3c("PROOF_VERIFICATION_ERROR");
        return Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem);
    }
    let message = "The signature does not match: the record was changed after it was signed, or signed with another key.";
    let problem =
        Problem::new("signature_mismatch", error.to_string()).w3c("CRYPTOGRAPHIC_SECURITY_ERROR");
    Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
}

fn unresolved_signature(error: &ResolveError) -> Check {
    let detail = error.to_string();
    match error {
        ResolveError::Unreachable { url, error } if !error.is_definitive() => {
            let message = format!(
                "The signing key could not be fetched from {url}: {}.",
                fetch_words(error)
            );
            let problem = Problem::new("key_unreachable", detail).w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Unknown, message, problem)
        }
        _ => {
            let message = format!("The signing key could not be found: {detail}.");
            let problem = Problem::new("key_not_found", detail).w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
        }
    }
}

pub(super) fn unresolved_binding(error: &ResolveError, relationship: Relationship) -> Check {
    let message = format!(
        "Could not confirm that the signing key belongs to the {}, because the key was not found.",
        relationship.party()
    );
    let problem = Problem::new("key_unconfirmed", error.to_string());
    Check::with_problem(CheckId::IssuerKey, Outcome::Unknown, message, problem)
}

/// The `issuer_key` entry for a resolved key's binding to `signer`.
pub(super) fn binding_check(binding: &Binding, method: &str, signer: Signer<'_>) -> Check {
    if signer.relationship == Relationship::Authentication {
        return holder_binding_check(binding, method, signer.id);
    }
    let issuer = signer.id.unwrap_or("the issuer (unnamed)");
    match binding {
        Binding::Bound => Check::pass(
            CheckId::IssuerKey,
            format!("The signing key belongs to the issuer {issuer}."),
        ),
        Binding::SelfAsserted { reason } => {
            let message = format!(
                "The key is named by the record itself, and {reason}, so it is not confirmed that {issuer} signed it."
            );
            let problem = Problem::new("key_self_asserted", format!("{method}: {reason}"));
            Check::with_problem(CheckId::IssuerKey, Outcome::Unknown, message, problem)
        }
        Binding::Unconfirmed { reason } => {
            let message = format!("The record was signed with a key the issuer {issuer} does not control directly, and {reason}.");
            let problem = Problem::new("key_unconfirmed", format!("{method}: {reason}"));
            Check::with_problem(CheckId::IssuerKey, Outcome::Unknown, message, problem)
        }
        Binding::Mismatch { controller } => {
            let message = format!(
                "The record was signed by {controller}, not by the issuer it names ({issuer})."
            );
            let problem = Problem::new(
                "key_not_issuers",
                format!("controller of {method} is {controller}"),
            )
            .w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::IssuerKey, Outcome::Fail, message, problem)
        }
        Binding::NotListed => {
            let message =
                format!("The issuer {issuer} has not authorised this key for issuing credentials.");
            let problem = Problem::new(
                "key_not_for_assertion",
                format!("{method} is not in assertionMethod"),
            )
            .w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::IssuerKey, Outcome::Fail, message, problem)
        }
    }
}

/// Holder binding: the presentation's key must be its holder's, listed for
/// `authentication`; a presentation naming no holder is signed by whoever
/// controls the key, which is said.
fn holder_binding_check(binding: &Binding, method: &str, holder: Option<&str>) -> Check {
    let Some(holder) = holder else {
        return unnamed_holder(binding, method);
    };
    match binding {
        Binding::Bound => Check::pass(
            CheckId::IssuerKey,
            format!("The presentation was signed by its holder {holder}."),
        ),
        Binding::SelfAsserted { reason } | Binding::Unconfirmed { reason } => {
            let message = format!("The presentation was signed with a key that {holder} does not control directly, and {reason}, so it is not confirmed that the holder signed it.");
            let problem = Problem::new("key_unconfirmed", format!("{method}: {reason}"));
            Check::with_problem(CheckId::IssuerKey, Outcome::Unknown, message, problem)
        }
        Binding::Mismatch { controller } => {
            let message = format!(
                "The presentation was signed by {controller}, not by the holder it names ({holder})."
            );
            let problem = Problem::new(
                "key_not_holders",
                format!("controller of {method} is {controller}"),
            )
            .w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::IssuerKey, Outcome::Fail, message, problem)
        }
        Binding::NotListed => {
            let message = format!("The holder {holder} has not authorised this key for presenting credentials (authentication).");
            let problem = Problem::new(
                "key_not_for_authentication",
                format!("{method} is not in authentication"),
            )
            .w3c("PROOF_VERIFICATION_ERROR");
            Check::with_problem(CheckId::IssuerKey, Outcome::Fail, message, problem)
        }
    }
}

fn unnamed_holder(binding: &Binding, method: &str) -> Check {
    let signer = match binding {
        Binding::Mismatch { controller } => controller.as_str(),
        _ => method,
    };
    let message = format!(
        "The presentation names no holder; it was signed by {signer}, which is not confirmed to be anyone presenting the credentials."
    );
    let problem = Problem::new("holder_missing", format!("no holder; signed with {method}"));
    Check::with_problem(CheckId::IssuerKey, Outcome::Warn, message, problem)
}

/// A reader's wording of a failed lookup.
pub fn fetch_words(error: &FetchError) -> String {
    error.to_string()
}

fn no_proof() -> Check {
    let message = "The record has no proof (no digital signature), so nothing shows who issued it.";
    let problem = Problem::new("no_proof", "no proof property").w3c("PROOF_VERIFICATION_ERROR");
    Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
}

#[derive(Default)]
struct Tally {
    verified: usize,
    supported: usize,
    total: usize,
}

impl Tally {
    fn count(&mut self, one: &OneProof) {
        self.total += 1;
        self.supported += usize::from(one.supported);
        self.verified += usize::from(one.verified);
    }

    /// A closing entry when no proof at all could be checked.
    fn summary(&self) -> Option<Check> {
        if self.supported > 0 {
            return None;
        }
        let message = "None of the record's proofs uses a method this verifier supports, so its signature was not checked.";
        let problem = Problem::new(
            "no_supported_proof",
            format!("{} proofs, none supported", self.total),
        )
        .w3c("PROOF_VERIFICATION_ERROR");
        Some(Check::with_problem(
            CheckId::Proof,
            Outcome::Unknown,
            message,
            problem,
        ))
    }
}
