//! A presentation's `challenge` and `domain`: whether its proof was made
//! for this request and this verifier, or could be a replay.
//!
//! [VC Data Integrity §2.1 Proofs](https://www.w3.org/TR/vc-data-integrity/#proofs)
//! (`challenge`, `domain`) and §4.4 "Verify Proof": when the verifier
//! expects a domain or a challenge, the proof's value must match it
//! (`INVALID_DOMAIN_ERROR`, `INVALID_CHALLENGE_ERROR`); a domain may be one
//! string or a set of strings. A VP-JWT carries the same answers as its
//! `nonce` and `aud` claims. When the caller set neither, a value the proof
//! carries is only reported: nobody asked for this presentation, so a
//! replay cannot be ruled out.

use serde_json::{Map, Value};

use crate::options::VerifyOptions;
use crate::proof::proofs_of;
use crate::report::{Check, CheckId, Outcome, Problem};

/// What a verifier asks a presentation's proof to carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    /// The one-time value given to the holder.
    Challenge,
    /// The verifier the presentation is meant for.
    Domain,
}

/// The `challenge` and `domain` entries for every Data Integrity proof of
/// `presentation`.
pub fn data_integrity(presentation: &Value, options: &VerifyOptions) -> Vec<Check> {
    let proofs = proofs_of(presentation);
    let carried = |name: &str| proofs.iter().map(|proof| proof.get(name)).collect();
    judge_both(options, carried("challenge"), carried("domain"))
}

/// The same entries for a VP-JWT: `nonce` answers the challenge and `aud`
/// the domain.
pub fn jwt(claims: &Map<String, Value>, options: &VerifyOptions) -> Vec<Check> {
    judge_both(options, vec![claims.get("nonce")], vec![claims.get("aud")])
}

fn judge_both(
    options: &VerifyOptions,
    challenges: Vec<Option<&Value>>,
    domains: Vec<Option<&Value>>,
) -> Vec<Check> {
    let challenge = judge(Field::Challenge, options.challenge.as_deref(), &challenges);
    let domain = judge(Field::Domain, options.domain.as_deref(), &domains);
    challenge.into_iter().chain(domain).collect()
}

/// One entry: every proof must carry the asked value; when nothing was
/// asked, a carried value is noted as unchecked.
fn judge(field: Field, asked: Option<&str>, carried: &[Option<&Value>]) -> Option<Check> {
    let Some(asked) = asked else {
        return carried.iter().any(Option::is_some).then(|| unasked(field));
    };

    if carried.is_empty() || carried.iter().any(Option::is_none) {
        return Some(missing(field, asked));
    }
    let wrong = carried
        .iter()
        .flatten()
        .find(|value| !answers(value, asked));
    Some(match wrong {
        Some(value) => mismatch(field, asked, value),
        None => matched(field, asked),
    })
}

/// A challenge must be the same string; a domain the same string or a set
/// containing it.
fn answers(value: &Value, asked: &str) -> bool {
    match value {
        Value::String(text) => text == asked,
        Value::Array(items) => items.iter().any(|item| item.as_str() == Some(asked)),
        _ => false,
    }
}

fn matched(field: Field, asked: &str) -> Check {
    let message = match field {
        Field::Challenge => format!("The presentation answers your challenge \"{asked}\", so it was made for this request and is not a replay."),
        Field::Domain => format!("The presentation was made for your domain \"{asked}\"."),
    };
    Check::pass(CheckId::Proof, message).on(target(field))
}

fn unasked(field: Field) -> Check {
    let message = match field {
        Field::Challenge => "The presentation carries a challenge, but none was given to check it against, so its freshness was not checked: this verifier did not ask for it, and a replay cannot be ruled out.",
        Field::Domain => "The presentation names the domain it was made for, but none was given to check it against, so whom it was meant for was not checked.",
    };
    Check::pass(CheckId::Proof, message).on(target(field))
}

fn missing(field: Field, asked: &str) -> Check {
    let (code, message) = match field {
        Field::Challenge => ("challenge_missing", format!("The presentation does not answer your challenge \"{asked}\": it may be a copy of an earlier one.")),
        Field::Domain => ("domain_missing", format!("The presentation does not say it was made for your domain \"{asked}\".")),
    };
    let detail = format!("no {} in the proof", target(field));
    let problem = Problem::new(code, detail).w3c(w3c(field));
    Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem).on(target(field))
}

fn mismatch(field: Field, asked: &str, value: &Value) -> Check {
    let shown = value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned);
    let (code, message) = match field {
        Field::Challenge => ("challenge_mismatch", format!("The presentation answers another challenge (\"{shown}\"), not yours (\"{asked}\"): it was made for another request, or replayed.")),
        Field::Domain => ("domain_mismatch", format!("The presentation was made for \"{shown}\", not for your domain \"{asked}\".")),
    };
    let detail = format!("{} {shown} != {asked}", target(field));
    let problem = Problem::new(code, detail).w3c(w3c(field));
    Check::with_problem(CheckId::Proof, Outcome::Fail, message, problem).on(target(field))
}

fn target(field: Field) -> &'static str {
    match field {
        Field::Challenge => "challenge",
        Field::Domain => "domain",
    }
}

fn w3c(field: Field) -> &'static str {
    match field {
        Field::Challenge => "INVALID_CHALLENGE_ERROR",
        Field::Domain => "INVALID_DOMAIN_ERROR",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]
mod tests {
    use super::*;
    use serde_json::json;

    fn outcome(
        asked: Option<&str>,
        carried: &[Option<&Value>],
    ) -> Option<(Outcome, Option<&'static str>)> {
        judge(Field::Challenge, asked, carried)
            .map(|check| (check.outcome, check.problem.map(|p| p.code)))
    }

    #[test]
    fn an_asked_challenge_must_be_answered_by_every_proof() {
        let good = json!("c-1");
        let bad = json!("c-2");
        assert_eq!(
            outcome(Some("c-1"), &[Some(&good)]),
            Some((Outcome::Pass, None))
        );
        let wrong = Some((Outcome::Fail, Some("challenge_mismatch")));
        assert_eq!(outcome(Some("c-1"), &[Some(&good), Some(&bad)]), wrong);
        let none = Some((Outcome::Fail, Some("challenge_missing")));
        assert_eq!(outcome(Some("c-1"), &[Some(&good), None]), none);
        assert_eq!(outcome(Some("c-1"), &[]), none);
    }

    #[test]
    fn an_unasked_challenge_is_noted_and_an_absent_one_is_silent() {
        let carried = json!("c-1");
        assert_eq!(
            outcome(None, &[Some(&carried)]),
            Some((Outcome::Pass, None))
        );
        assert_eq!(outcome(None, &[None]), None);
    }

    #[test]
    fn a_domain_may_be_a_set() {
        assert!(answers(&json!(["a.example", "b.example"]), "b.example"));
        assert!(!answers(&json!(["a.example"]), "b.example"));
        assert!(!answers(&json!(7), "7"));
    }
}
