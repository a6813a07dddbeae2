//! The `status` check: every `credentialStatus` entry, every purpose.
//!
//! [Bitstring Status List §3.2 Validate Algorithm](https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm):
//! fetch the status list credential, verify its proof and validity period,
//! match its purpose, decode the list and read the entry's bits. A list that
//! cannot be fetched or trusted makes the status `unknown`, never "not
//! revoked".

use serde_json::Value;

use super::proof::fetch_words;
use super::{Role, Verifier};
use crate::fetch::Fetch;
use crate::model::{id_of, one_or_many, types_of};
use crate::report::{Check, CheckId, Outcome, Problem, Verdict};
use crate::status::bitstring::{self, ListError};
use crate::status::entry::{self, EntryError};
use crate::status::{StatusEntry, StatusMethod};

/// Runs the `status` check on every entry of `credentialStatus`.
pub async fn run<F: Fetch>(verifier: &Verifier<'_, F>, document: &Value) -> Vec<Check> {
    let entries = one_or_many(document.get("credentialStatus"));
    if entries.is_empty() {
        return vec![Check::skip(
            CheckId::Status,
            "The issuer publishes no revocation status for this record.",
        )];
    }

    let mut checks = Vec::new();
    for (index, raw) in entries.iter().enumerate() {
        let target = if entries.len() > 1 {
            format!("credentialStatus[{index}]")
        } else {
            "credentialStatus".into()
        };
        let check = match entry::read(raw) {
            Ok(read) => one_entry(verifier, document, &read).await,
            Err(error) => unreadable(&error),
        };
        checks.push(check.on(target));
    }
    checks
}

async fn one_entry<F: Fetch>(
    verifier: &Verifier<'_, F>,
    document: &Value,
    entry: &StatusEntry,
) -> Check {
    let fetched = match verifier.lookups.get(&entry.list_url, "status list").await {
        Ok(fetched) => fetched,
        Err(error) => {
            let message = format!(
                "The revocation status could not be checked: the issuer's list could not be fetched ({}).",
                fetch_words(&error)
            );
            let detail = format!("{}: {error}", entry.list_url);
            return unknown(
                message,
                Problem::new("status_unreachable", detail).w3c("STATUS_RETRIEVAL_ERROR"),
            );
        }
    };
    let Ok(list) = serde_json::from_slice::<Value>(&fetched.body) else {
        let message =
            "The revocation status could not be checked: the issuer's list is not readable JSON."
                .to_owned();
        let problem = Problem::new("status_list_unreadable", entry.list_url.clone())
            .w3c("STATUS_RETRIEVAL_ERROR");
        return unknown(message, problem);
    };

    if entry.method == StatusMethod::RevocationList1EdTech {
        return revocation_list(document, &list);
    }
    list_credential(verifier, entry, &list).await
}

async fn list_credential<F: Fetch>(
    verifier: &Verifier<'_, F>,
    entry: &StatusEntry,
    list: &Value,
) -> Check {
    if let Some(problem) = list_shape(entry, list) {
        return untrusted_list(problem);
    }
    let report = verifier
        .credential(list, "status list", Role::StatusList)
        .await;
    if report.verdict == Verdict::Invalid {
        let reason = report.checks.iter().find(|c| c.outcome == Outcome::Fail);
        let detail = reason.map_or_else(
            || "status list did not verify".to_owned(),
            |c| c.message.clone(),
        );
        return untrusted_list(detail);
    }

    let encoded = list
        .pointer("/credentialSubject/encodedList")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let (value, short) = match read_bits(encoded, entry) {
        Ok(read) => read,
        Err(error) => return list_error(&error),
    };
    if value == 0 && report.verdict == Verdict::Incomplete {
        return unconfirmed_clear(entry, &report);
    }
    match (judged(entry, value), short) {
        (check, Some(short)) if check.outcome == Outcome::Pass => with_length_note(check, &short),
        (check, _) => check,
    }
}

/// A list below the spec's minimum length still answers the question, but
/// weakens the holder's privacy; real issuers publish such lists, so this
/// is a note rather than a failure.
fn with_length_note(check: Check, short: &ListError) -> Check {
    let message = format!(
        "{} (The issuer's list is shorter than the standard's minimum: {short}.)",
        check.message
    );
    let problem = Problem::new("status_list_short", short.to_string()).w3c(short.w3c());
    Check::with_problem(CheckId::Status, Outcome::Warn, message, problem)
}

/// The list says "not set", but the list itself could not be fully
/// verified (for example its signer is unconfirmed): that is no proof of
/// "not revoked". A set bit is still reported, as the issuer's own list,
/// fetched from the address the signed credential names, says so.
fn unconfirmed_clear(entry: &StatusEntry, report: &crate::report::Report) -> Check {
    let reason = report.checks.iter().find(|c| c.outcome == Outcome::Unknown);
    let detail = reason.map_or_else(
        || "status list incomplete".to_owned(),
        |c| c.message.clone(),
    );
    let message = format!(
        "The issuer's {} list does not mark this record, but the list itself could not be fully verified ({detail}).",
        entry.purpose
    );
    unknown(
        message,
        Problem::new("status_list_unconfirmed", detail).w3c("STATUS_VERIFICATION_ERROR"),
    )
}

/// The entry's status, and whether the list is shorter than the minimum.
fn read_bits(encoded: &str, entry: &StatusEntry) -> Result<(u64, Option<ListError>), ListError> {
    let bits = bitstring::decode(encoded)?;
    let value = bitstring::status_at(&bits, entry.index, entry.size)?;
    Ok((value, bitstring::check_length(&bits, entry.size).err()))
}

/// Type and purpose of the list credential, checked before its proof.
fn list_shape(entry: &StatusEntry, list: &Value) -> Option<String> {
    let (credential_type, subject_type) = match entry.method {
        StatusMethod::Bitstring => ("BitstringStatusListCredential", "BitstringStatusList"),
        _ => ("StatusList2021Credential", "StatusList2021"),
    };
    if !types_of(list).iter().any(|t| t == credential_type) {
        return Some(format!("the list is not a {credential_type}"));
    }
    let subject = list.get("credentialSubject").unwrap_or(&Value::Null);
    if !types_of(subject).iter().any(|t| t == subject_type) {
        return Some(format!("the list's subject is not a {subject_type}"));
    }
    let purposes = crate::model::strings_of(subject.get("statusPurpose"));
    if !purposes.contains(&entry.purpose) {
        return Some(format!(
            "the list is for {purposes:?}, not {:?}",
            entry.purpose
        ));
    }
    None
}

fn judged(entry: &StatusEntry, value: u64) -> Check {
    let set = |code: &'static str, message: &str| {
        let problem = Problem::new(code, format!("status at index {} is {value}", entry.index));
        Check::with_problem(CheckId::Status, Outcome::Fail, message, problem)
    };
    match (entry.purpose.as_str(), value) {
        ("revocation", 0) => {
            Check::pass(CheckId::Status, "The issuer has not revoked this record.")
        }
        ("suspension", 0) => {
            Check::pass(CheckId::Status, "The issuer has not suspended this record.")
        }
        ("revocation", _) => set("revoked", "The issuer has revoked this record."),
        ("suspension", _) => set("suspended", "The issuer has suspended this record for now."),
        (purpose, value) => other_purpose(entry, purpose, value),
    }
}

/// `refresh`, `message` and other purposes: information, not a verdict.
fn other_purpose(entry: &StatusEntry, purpose: &str, value: u64) -> Check {
    let label = entry
        .messages
        .iter()
        .find(|(status, _)| *status == value)
        .map(|(_, text)| text.as_str());
    match (purpose, value, label) {
        ("refresh", 0, _) => Check::pass(
            CheckId::Status,
            "The issuer has no newer version of this record.",
        ),
        ("refresh", _, _) => {
            let message =
                "The issuer says a newer version of this record exists; ask the learner for it.";
            Check::with_problem(
                CheckId::Status,
                Outcome::Warn,
                message,
                Problem::new("refresh_available", "refresh bit set"),
            )
        }
        (_, 0, None) => Check::pass(
            CheckId::Status,
            format!("The issuer's {purpose} list has nothing for this record."),
        ),
        (_, 0, Some(text)) => Check::pass(
            CheckId::Status,
            format!("The issuer's status message for this record: \"{text}\"."),
        ),
        (_, _, label) => {
            let message = match label {
                Some(text) => format!("The issuer's status message for this record: \"{text}\"."),
                None => format!("The issuer's {purpose} status for this record is {value:#x}."),
            };
            let problem = Problem::new("status_message", format!("{purpose} = {value:#x}"));
            Check::with_problem(CheckId::Status, Outcome::Warn, message, problem)
        }
    }
}

/// 1EdTech Revocation List 1.0: a JSON list of revoked credentials, each an
/// object with `id` and an optional `revoked` (default true). The list is
/// read under `revokedCredentials` (the 1EdTech validator's key) or
/// `revokedCredential`; a bare id string counts as revoked.
fn revocation_list(document: &Value, list: &Value) -> Check {
    let id = id_of(document.get("id"));
    let entries = ["revokedCredentials", "revokedCredential"]
        .iter()
        .flat_map(|key| one_or_many(list.get(*key)));
    let revoked = entries.into_iter().any(|entry| {
        let same = id.is_some() && id_of(Some(entry)) == id;
        same && entry
            .get("revoked")
            .and_then(Value::as_bool)
            .unwrap_or(true)
    });
    if id.is_none() {
        let message = "The record has no id, so the issuer's revocation list cannot name it.";
        return unknown(
            message.into(),
            Problem::new("status_no_credential_id", "credential has no id"),
        );
    }
    if revoked {
        let problem = Problem::new("revoked", "listed in the 1EdTech revocation list");
        return Check::with_problem(
            CheckId::Status,
            Outcome::Fail,
            "The issuer has revoked this record.",
            problem,
        );
    }
    Check::pass(
        CheckId::Status,
        "The issuer's revocation list does not list this record.",
    )
}

fn untrusted_list(detail: String) -> Check {
    let message = format!("The revocation status could not be checked: the issuer's status list cannot be trusted ({detail}).");
    unknown(
        message,
        Problem::new("status_list_untrusted", detail).w3c("STATUS_VERIFICATION_ERROR"),
    )
}

fn list_error(error: &ListError) -> Check {
    let message = format!("The revocation status could not be read: {error}.");
    let outcome = if matches!(error, ListError::OutOfRange { .. }) {
        Outcome::Fail
    } else {
        Outcome::Unknown
    };
    Check::with_problem(
        CheckId::Status,
        outcome,
        message,
        Problem::new("status_list_invalid", error.to_string()).w3c(error.w3c()),
    )
}

fn unreadable(error: &EntryError) -> Check {
    match error {
        EntryError::UnknownMethod { name } => unknown(
            format!("The record's status uses {name}, a method this verifier does not know."),
            Problem::new("unknown_status_method", error.to_string()),
        ),
        EntryError::Malformed { .. } => {
            let message = format!("The record's status entry is malformed: {error}.");
            let problem = Problem::new("malformed_status_entry", error.to_string())
                .w3c("MALFORMED_VALUE_ERROR");
            Check::with_problem(CheckId::Status, Outcome::Fail, message, problem)
        }
    }
}

fn unknown(message: String, problem: Problem) -> Check {
    Check::with_problem(CheckId::Status, Outcome::Unknown, message, problem)
}
