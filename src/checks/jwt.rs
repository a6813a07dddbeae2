//! A VC-JWT through the checks: its envelope (header, key, signature,
//! claims) becomes the `proof` and `issuer_key` entries, then the credential
//! inside runs every other check like any other credential.
//!
//! Decisions (README "Conformance and limitations"):
//! - `alg` `none`, HMAC, `crit`, a private `jwk`, a foreign `typ`/`cty` and
//!   a `vc`/`vp` claim in a `vc+jwt` payload make the record `invalid`,
//!   the reason named; an algorithm outside RS256, PS256, ES256, ES384 and
//!   EdDSA is `unknown` (not supported), like an unsupported proof suite.
//! - Header parameters beyond OB 3.0's `alg`/`kid`/`jwk`/`typ` and
//!   VC-JOSE-COSE's `cty` are a warning (see [`crate::jwt::header`]).
//! - A JWT that names no key (neither `kid` nor `jwk`) is `unknown`: OB 3.0
//!   §8.2.3 requires one, but a missing key hint says nothing about whether
//!   the signature is genuine, and no key can be looked up to tell.
//! - A claim that disagrees with the credential fails, naming both values.
//!   `nbf`/`exp` without a matching credential date are judged against the
//!   clock as the credential's own dates would be.

use serde_json::Value;

use super::proof::{binding_check, relationship_of, unresolved_binding};
use super::{challenge, presentation, Envelope, Role, Verifier};
use crate::datetime::Instant;
use crate::fetch::Fetch;
use crate::jwt::{self, claims, key, JwtError, Opened};
use crate::keys::resolve::{ResolveError, Signer};
use crate::model::types_of;
use crate::report::{Check, CheckId, Outcome, Problem, Report};

/// Verifies a compact JWS and the credential inside it.
pub async fn run<F: Fetch>(verifier: &Verifier<'_, F>, text: &str, role: Role) -> Report {
    let opened = match jwt::open(text) {
        Ok(opened) => opened,
        Err(error) => return refused(&error),
    };
    if depth_exceeded(
        &opened.secured.credential,
        verifier.options.limits.max_depth,
    ) {
        let error = JwtError::NotCompact {
            reason: "the payload is nested too deeply",
        };
        return refused(&error);
    }

    let envelope = envelope(verifier, &opened).await;
    let credential = &opened.secured.credential;
    if types_of(credential)
        .iter()
        .any(|t| t == "VerifiablePresentation")
    {
        let mut proof = envelope.checks;
        proof.extend(envelope.validity);
        proof.extend(challenge::jwt(&opened.secured.claims, verifier.options));
        return presentation(verifier, credential, proof, "jwt").await;
    }
    verifier
        .secured(credential, "jwt", role, Some(envelope))
        .await
}

async fn envelope<F: Fetch>(verifier: &Verifier<'_, F>, opened: &Opened) -> Envelope {
    let credential = &opened.secured.credential;
    let (_, signer_id) = claims::signer_of(credential);
    let signer = Signer {
        id: signer_id.as_deref(),
        relationship: relationship_of(credential),
    };
    let mut checks = signature_and_key(verifier, opened, signer).await;
    let verified = checks.first().is_some_and(|c| c.outcome == Outcome::Pass);

    checks.extend(
        claims::disagreements(&opened.secured)
            .iter()
            .map(disagreement),
    );
    if !opened.header.extra.is_empty() {
        checks.push(extra_headers(&opened.header.extra));
    }
    let verified = verified && checks.iter().all(|c| c.outcome != Outcome::Fail);
    Envelope {
        checks: checks.into_iter().map(|check| check.on("jwt")).collect(),
        validity: claim_dates(opened, verifier.now),
        verified,
    }
}

async fn signature_and_key<F: Fetch>(
    verifier: &Verifier<'_, F>,
    opened: &Opened,
    signer: Signer<'_>,
) -> Vec<Check> {
    let Some(found) = key::find(&opened.header, signer, &verifier.lookups).await else {
        return no_key();
    };
    let key = match found {
        Ok(key) => key,
        Err(error) => {
            let binding = unresolved_binding(&error, signer.relationship);
            return vec![unresolved(&error), binding];
        }
    };

    let alg = opened.header.alg.name();
    let signature = match jwt::verify(opened, &key) {
        Ok(()) => Check::pass(
            CheckId::Proof,
            format!("The JWT signature is valid ({alg}): nothing was changed since signing."),
        ),
        Err(error) => rejected(&error),
    };
    vec![
        signature,
        binding_check(&key.binding, &key.named_by, signer),
    ]
}

/// A reader's sentence and a problem for each reason a JWT is refused.
fn rejected(error: &JwtError) -> Check {
    let detail = error.to_string();
    let (outcome, code, message) = match error {
        JwtError::Unsigned => (Outcome::Fail, "jwt_unsigned", "The JWT is not signed at all (its algorithm is \"none\"), so nothing shows who issued it."),
        JwtError::Hmac { .. } => (Outcome::Fail, "jwt_hmac", "The JWT is sealed with a shared secret (HMAC) instead of a signature: whoever can check it could also have made it."),
        JwtError::CriticalHeader { .. } => (Outcome::Fail, "jwt_critical_header", "The JWT requires an extension this verifier does not understand, so it must not be accepted."),
        JwtError::PrivateKey { .. } => (Outcome::Fail, "jwt_private_key", "The JWT carries a private or secret key in its header, which a genuine issuer never does."),
        JwtError::MediaType { .. } => (Outcome::Fail, "jwt_media_type", "The JWT does not declare itself a credential (its media type is wrong)."),
        JwtError::EnvelopeClaim { .. } => (Outcome::Fail, "jwt_envelope_claim", "The JWT mixes two credential formats (a vc or vp claim inside a vc+jwt), which is not allowed."),
        JwtError::UnsupportedAlgorithm { .. } => (Outcome::Unknown, "unsupported_jwt_algorithm", "The JWT is signed with an algorithm this verifier does not support, so its signature was not checked."),
        JwtError::KeyTypeMismatch { .. } | JwtError::KeyAlgorithmMismatch { .. } => (Outcome::Fail, "jwt_key_type_mismatch", "The JWT's algorithm does not fit the type of its key; such a pairing is refused."),
        JwtError::Key { .. } => (Outcome::Fail, "key_malformed", "The JWT's key is malformed or too weak to be used."),
        JwtError::SignatureLength { .. } | JwtError::BadSignature => (Outcome::Fail, "signature_mismatch", "The signature does not match: the record was changed after it was signed, or signed with another key."),
        _ => (Outcome::Fail, "malformed_jwt", "The JWT is malformed."),
    };
    let problem = Problem::new(code, detail).w3c(if outcome == Outcome::Fail {
        "CRYPTOGRAPHIC_SECURITY_ERROR"
    } else {
        "PROOF_VERIFICATION_ERROR"
    });
    Check::with_problem(CheckId::Proof, outcome, message, problem)
}

/// The report for a JWT refused before its credential could be checked.
fn refused(error: &JwtError) -> Report {
    let malformed = matches!(
        error,
        JwtError::NotCompact { .. }
            | JwtError::Base64 { .. }
            | JwtError::NotJsonObject { .. }
            | JwtError::MissingAlgorithm
            | JwtError::NoCredential
    );
    if malformed {
        let message = format!("The JWT cannot be read as a credential: {error}.");
        let problem = Problem::new("malformed_jwt", error.to_string()).w3c("PARSING_ERROR");
        let check = Check::with_problem(CheckId::Parse, Outcome::Fail, message, problem);
        return Report::from_checks("jwt", None, vec![check]);
    }
    let parsed = Check::pass(CheckId::Parse, "Read as a JWT-secured credential.");
    let proof = rejected(error).on("jwt");
    Report::from_checks("jwt", None, vec![parsed, proof])
}

fn no_key() -> Vec<Check> {
    let message = "The JWT names no key (neither kid nor jwk), so its signature cannot be checked.";
    let problem = Problem::new("jwt_no_key", "the JOSE header has neither kid nor jwk")
        .w3c("PROOF_VERIFICATION_ERROR");
    let binding = Check::with_problem(
        CheckId::IssuerKey,
        Outcome::Unknown,
        "Could not confirm who signed the record, because it names no key.",
        Problem::new("key_unconfirmed", "no key named"),
    );
    vec![
        Check::with_problem(CheckId::Proof, Outcome::Unknown, message, problem),
        binding,
    ]
}

fn unresolved(error: &ResolveError) -> Check {
    let detail = error.to_string();
    let (outcome, code, message) = match error {
        ResolveError::Unreachable { url, error } if !error.is_definitive() => (
            Outcome::Unknown,
            "key_unreachable",
            format!("The signing key could not be fetched from {url}: {error}."),
        ),
        ResolveError::Unsupported { .. } => (
            Outcome::Unknown,
            "key_unsupported",
            format!("The signing key cannot be looked up: {detail}."),
        ),
        _ => (
            Outcome::Fail,
            "key_not_found",
            format!("The signing key could not be found: {detail}."),
        ),
    };
    let problem = Problem::new(code, detail).w3c("PROOF_VERIFICATION_ERROR");
    Check::with_problem(CheckId::Proof, outcome, message, problem)
}

fn disagreement(found: &claims::Disagreement) -> Check {
    let message = format!(
        "The JWT's {} claim ({}) does not match the credential's {} ({}).",
        found.claim, found.claim_value, found.property, found.credential_value
    );
    let detail = format!(
        "{} {} != {} {}",
        found.claim, found.claim_value, found.property, found.credential_value
    );
    let problem = Problem::new("jwt_claim_mismatch", detail).w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem)
}

fn extra_headers(extra: &[String]) -> Check {
    let names = extra.join(", ");
    let message = format!("The JWT header has parameters Open Badges 3.0 does not allow ({names}); they are signed, and were ignored.");
    let problem = Problem::new("jwt_extra_header", format!("extra JOSE headers: {names}"));
    Check::with_problem(CheckId::Proof, Outcome::Warn, message, problem)
}

/// `validity` entries for `nbf`/`exp` that the credential does not state
/// itself (when it does, the claims must equal its dates and the normal
/// validity check judges them).
fn claim_dates(opened: &Opened, now: Instant) -> Vec<Check> {
    let credential = &opened.secured.credential;
    let unstated = |names: [&str; 2]| names.iter().all(|name| credential.get(*name).is_none());
    let claims = &opened.secured.claims;

    let not_before = claims::instant_of(claims, "nbf")
        .filter(|start| unstated(["validFrom", "issuanceDate"]) && now < *start)
        .map(|start| {
            (
                "not_yet_valid",
                "nbf",
                start,
                "The record is not valid yet, by its JWT's nbf (not before) claim.",
            )
        });
    let expires = claims::instant_of(claims, "exp")
        .filter(|end| unstated(["validUntil", "expirationDate"]) && now > *end)
        .map(|end| {
            (
                "expired",
                "exp",
                end,
                "The record has expired, by its JWT's exp (expiry) claim.",
            )
        });
    [not_before, expires]
        .into_iter()
        .flatten()
        .map(|(code, claim, instant, message)| {
            let problem =
                Problem::new(code, format!("{claim} {}", instant.seconds)).w3c("RANGE_ERROR");
            Check::with_problem(CheckId::Validity, Outcome::Fail, message, problem)
        })
        .collect()
}

/// Nesting depth, without recursion.
fn depth_exceeded(value: &Value, limit: usize) -> bool {
    crate::input::depth_of(value) > limit
}
