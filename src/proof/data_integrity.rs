//! The steps every RDFC-based Ed25519 suite shares ([VC Data Integrity],
//! [VC-DI-EdDSA §3.2]): decoding `proofValue`, checking `created`, and
//! hashing the canonical proof configuration and document.
//!
//! [VC Data Integrity]: https://www.w3.org/TR/vc-data-integrity/
//! [VC-DI-EdDSA §3.2]: https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022

use std::collections::HashMap;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::error::ProofError;
use crate::canon::{rdfc10, HashAlgorithm};
use crate::jsonld::{to_rdf, JsonLdOptions};
use crate::keys::multikey;
use crate::options::Limits;

/// Length of an Ed25519 signature.
const SIGNATURE_LENGTH: usize = 64;

/// What a suite canonicalises: the document the proof signs and the proof
/// configuration, both JSON-LD objects.
pub type SuiteInputs = (Map<String, Value>, Map<String, Value>);

/// The canonical forms of a proof's inputs and the bytes the key signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashData {
    /// Canonical N-Quads of the document (without the proof being checked).
    pub canonical_document: String,
    /// Canonical N-Quads of the proof configuration.
    pub canonical_proof_config: String,
    /// `SHA-256(canonical proof config) || SHA-256(canonical document)`.
    pub bytes: Vec<u8>,
}

/// Canonicalises both inputs with RDFC-1.0 and hashes them
/// ([VC-DI-EdDSA, Hashing](https://www.w3.org/TR/vc-di-eddsa/#hashing-eddsa-rdfc-2022)):
/// the proof configuration's hash comes first.
///
/// Fails with [`ProofError::JsonLd`] or [`ProofError::Canon`].
pub fn hash_data(
    document: Map<String, Value>,
    proof_config: Map<String, Value>,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<HashData, ProofError> {
    let canonical_document = canonicalise(Value::Object(document), contexts, limits)?;
    let canonical_proof_config = canonicalise(Value::Object(proof_config), contexts, limits)?;

    let mut bytes = Sha256::digest(canonical_proof_config.as_bytes()).to_vec();
    bytes.extend_from_slice(&Sha256::digest(canonical_document.as_bytes()));
    Ok(HashData {
        canonical_document,
        canonical_proof_config,
        bytes,
    })
}

/// JSON-LD in safe mode, then RDFC-1.0 with SHA-256, within the limits.
fn canonicalise(
    document: Value,
    contexts: &HashMap<String, String>,
    limits: &Limits,
) -> Result<String, ProofError> {
    let options = JsonLdOptions::new(contexts, limits.max_quads);
    let quads = to_rdf(&document, &options)?;
    Ok(rdfc10(
        &quads,
        HashAlgorithm::Sha256,
        limits.max_canon_calls,
    )?)
}

/// The signature in `proofValue`: `z` + base58btc of exactly 64 bytes.
///
/// Fails with [`ProofError::MalformedProofValue`].
pub fn decode_proof_value(proof: &Map<String, Value>) -> Result<Vec<u8>, ProofError> {
    let malformed = |detail: String| ProofError::MalformedProofValue { detail };

    let text = match proof.get("proofValue") {
        Some(Value::String(text)) => text,
        Some(_) => return Err(malformed("not a string".into())),
        None => return Err(malformed("missing".into())),
    };
    let bytes = multikey::decode_base58btc(text).map_err(|error| malformed(error.to_string()))?;
    if bytes.len() != SIGNATURE_LENGTH {
        return Err(malformed(format!(
            "{} bytes, expected {SIGNATURE_LENGTH}",
            bytes.len()
        )));
    }
    Ok(bytes)
}

/// The proof without `proofValue`: the "proof options" of the algorithms.
pub fn proof_options(proof: &Map<String, Value>) -> Map<String, Value> {
    let mut options = proof.clone();
    options.remove("proofValue");
    options
}

/// `created`, when present, as an XSD dateTime string.
///
/// Fails with [`ProofError::InvalidCreated`] when it is not one.
pub fn created(proof: &Map<String, Value>) -> Result<Option<String>, ProofError> {
    match proof.get("created") {
        None => Ok(None),
        Some(Value::String(text)) if is_xsd_date_time(text) => Ok(Some(text.clone())),
        Some(other) => Err(ProofError::InvalidCreated {
            value: display(other),
        }),
    }
}

fn display(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// Whether `text` is an [XSD 1.1 dateTime](https://www.w3.org/TR/xmlschema11-2/#dateTime):
/// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?` with every field in range.
pub fn is_xsd_date_time(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let Some((date, time)) = unsigned.split_once('T') else {
        return false;
    };
    let (clock, zone) = split_zone(time);
    is_date(date) && is_clock(clock) && zone.is_none_or(is_zone)
}

/// The time of day and the time zone (`Z` or `±hh:mm`), if any.
fn split_zone(time: &str) -> (&str, Option<&str>) {
    if let Some(clock) = time.strip_suffix('Z') {
        return (clock, Some("Z"));
    }
    match time
        .len()
        .checked_sub(6)
        .and_then(|at| time.split_at_checked(at))
    {
        Some((clock, zone)) if zone.starts_with(['+', '-']) => (clock, Some(zone)),
        _ => (time, None),
    }
}

fn is_date(date: &str) -> bool {
    let mut parts = date.rsplitn(3, '-');
    let (Some(day), Some(month), Some(year)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let year_ok = digits(year, 4, 9) && (year.len() == 4 || !year.starts_with('0'));
    let (Some(year), Some(month), Some(day)) = (number(year), fixed(month, 2), fixed(day, 2))
    else {
        return false;
    };
    year_ok && (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
}

fn is_clock(clock: &str) -> bool {
    let (whole, fraction) = clock.split_once('.').unwrap_or((clock, "0"));
    let mut parts = whole.split(':');
    let (Some(hour), Some(minute), Some(second), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) =
        (fixed(hour, 2), fixed(minute, 2), fixed(second, 2))
    else {
        return false;
    };
    if !digits(fraction, 1, usize::MAX) {
        return false;
    }
    let midnight = hour == 24 && minute == 0 && second == 0 && fraction.bytes().all(|b| b == b'0');
    midnight || (hour < 24 && minute < 60 && second < 60)
}

fn is_zone(zone: &str) -> bool {
    if zone == "Z" {
        return true;
    }
    let Some((hour, minute)) = zone.get(1..).and_then(|rest| rest.split_once(':')) else {
        return false;
    };
    let (Some(hour), Some(minute)) = (fixed(hour, 2), fixed(minute, 2)) else {
        return false;
    };
    (hour < 14 && minute < 60) || (hour == 14 && minute == 0)
}

fn digits(text: &str, shortest: usize, longest: usize) -> bool {
    (shortest..=longest).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

fn number(text: &str) -> Option<u64> {
    text.parse().ok()
}

fn fixed(text: &str, width: usize) -> Option<u64> {
    digits(text, width, width).then(|| number(text)).flatten()
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test"
)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_xsd_date_times() {
        for text in [
            "2023-02-24T23:36:38Z",
            "2010-01-01T19:23:24.123456Z",
            "2022-11-10T07:38:00-08:00",
            "2024-02-29T00:00:00+14:00",
            "2023-01-01T24:00:00",
            "-0044-03-15T12:00:00Z",
            "12023-01-01T00:00:00Z",
        ] {
            assert!(is_xsd_date_time(text), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_xsd_date_time() {
        for text in [
            "",
            "2023-02-24",
            "2023-02-24 23:36:38Z",
            "2023-02-30T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-01-01T25:00:00Z",
            "2023-01-01T24:00:01Z",
            "2023-01-01T23:60:00Z",
            "2023-01-01T23:00:60Z",
            "2023-01-01T23:00:00.Z",
            "2023-01-01T23:00:00+15:00",
            "2023-01-01T23:00:00+0100",
            "23-01-01T23:00:00Z",
            "02023-01-01T00:00:00Z",
            "2023-1-01T00:00:00Z",
            "2023-01-01T00:00:00Zjunk",
            "+2023-01-01T00:00:00Z",
        ] {
            assert!(!is_xsd_date_time(text), "{text}");
        }
    }

    #[test]
    fn decodes_a_64_byte_proof_value() {
        let good = format!("z{}", bs58::encode([7u8; 64]).into_string());
        let proof = json!({"proofValue": good});
        assert_eq!(
            decode_proof_value(proof.as_object().unwrap()).unwrap(),
            vec![7u8; 64]
        );
    }

    #[test]
    fn rejects_malformed_proof_values() {
        let short = format!("z{}", bs58::encode([7u8; 63]).into_string());
        let base64 = "uAAAA".to_owned();
        for value in [json!(short), json!(base64), json!(12), json!("z0OIl")] {
            let proof = json!({"proofValue": value});
            let result = decode_proof_value(proof.as_object().unwrap());
            assert!(
                matches!(result, Err(ProofError::MalformedProofValue { .. })),
                "{value}"
            );
        }
        assert!(decode_proof_value(&Map::new()).is_err());
    }

    #[test]
    fn created_must_be_a_date_time_when_present() {
        assert_eq!(created(&Map::new()), Ok(None));
        let good = json!({"created": "2023-02-24T23:36:38Z"});
        assert!(created(good.as_object().unwrap()).unwrap().is_some());
        let bad = json!({"created": "yesterday"});
        assert_eq!(
            created(bad.as_object().unwrap()),
            Err(ProofError::InvalidCreated {
                value: "yesterday".into()
            })
        );
    }
}
