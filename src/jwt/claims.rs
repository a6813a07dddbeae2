//! The credential inside a VC-JWT, and whether the registered claims agree
//! with it.
//!
//! Two payload forms: VC 1.1's `vc` claim holding the credential (OB 3.0
//! §8.2.4 as the 2022 spec and 1EdTech's validator samples write it), and
//! the credential as the payload itself (OB 3.0's later text, and
//! VC-JOSE-COSE with `typ` `vc+jwt`, where a `vc` or `vp` claim is
//! forbidden).
//!
//! OB 3.0 §8.2.6 (`#jwt-verify`): `iss` is the issuer's id, `sub` the
//! subject's, `jti` the credential's, `nbf` its `validFrom` (VC 1.1:
//! `issuanceDate`), `exp` its `validUntil` (`expirationDate`). A claim that
//! is absent is not a disagreement; a present one must match. Dates are
//! compared as whole seconds (a JWT NumericDate against an XSD dateTime
//! with or without a fraction).

use serde_json::{Map, Value};

use super::error::JwtError;
use crate::datetime::{self, Instant};
use crate::model::{id_of, issuer_id, one_or_many, types_of};

/// The registered JWT claims (RFC 7519 §4.1) plus `cnf`: JWT metadata, not
/// credential properties; removed from a payload-form credential so its
/// vocabulary check sees only the credential.
const REGISTERED: [&str; 8] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf"];

/// The credential a VC-JWT secures, and the claims around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Secured {
    /// The credential (or presentation) as JSON.
    pub credential: Value,
    /// The JWT claims set as signed.
    pub claims: Map<String, Value>,
    /// Whether the credential came from the VC 1.1 `vc` claim.
    pub vc_claim: bool,
}

/// One claim that disagrees with the credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// The claim (`iss`, `sub`, …).
    pub claim: &'static str,
    /// The property it must equal.
    pub property: &'static str,
    /// The claim's value, as text.
    pub claim_value: String,
    /// The credential's value, as text.
    pub credential_value: String,
}

/// Takes the credential out of a payload.
///
/// Fails with [`JwtError::EnvelopeClaim`] when a JOSE-typed payload (`jose`)
/// carries `vc` or `vp`, and [`JwtError::NoCredential`] when neither form
/// holds a credential or presentation.
pub fn secured(payload: Map<String, Value>, jose: bool) -> Result<Secured, JwtError> {
    if jose {
        if let Some(claim) = ["vc", "vp"].into_iter().find(|c| payload.contains_key(*c)) {
            return Err(JwtError::EnvelopeClaim { claim });
        }
    }
    if let Some(Value::Object(vc)) = payload.get("vc").filter(|_| !jose) {
        let credential = Value::Object(vc.clone());
        return Ok(Secured {
            credential,
            claims: payload,
            vc_claim: true,
        });
    }

    let mut credential = payload.clone();
    credential.retain(|name, _| !REGISTERED.contains(&name.as_str()));
    let credential = Value::Object(credential);
    let types = types_of(&credential);
    if !types
        .iter()
        .any(|t| t == "VerifiableCredential" || t == "VerifiablePresentation")
    {
        return Err(JwtError::NoCredential);
    }
    Ok(Secured {
        credential,
        claims: payload,
        vc_claim: false,
    })
}

/// Every registered claim that disagrees with the credential.
pub fn disagreements(secured: &Secured) -> Vec<Disagreement> {
    let claims = &secured.claims;
    let credential = &secured.credential;
    let mut found = Vec::new();

    let subjects: Vec<String> = one_or_many(credential.get("credentialSubject"))
        .into_iter()
        .filter_map(|subject| id_of(Some(subject)))
        .collect();
    let (signer_property, signer) = signer_of(credential);
    let identifiers = [
        ("iss", signer_property, signer.into_iter().collect()),
        ("sub", "credentialSubject.id", subjects),
        (
            "jti",
            "id",
            id_of(credential.get("id")).into_iter().collect(),
        ),
    ];
    for (claim, property, values) in identifiers {
        found.extend(identifier(claims, claim, property, &values));
    }
    found.extend(date(
        claims,
        credential,
        "nbf",
        ["validFrom", "issuanceDate"],
    ));
    found.extend(date(
        claims,
        credential,
        "exp",
        ["validUntil", "expirationDate"],
    ));
    found
}

/// Who secured the document: a credential's `issuer`, or a presentation's
/// `holder`, with the property's name.
pub fn signer_of(document: &Value) -> (&'static str, Option<String>) {
    if types_of(document)
        .iter()
        .any(|t| t == "VerifiablePresentation")
    {
        return ("holder", id_of(document.get("holder")));
    }
    ("issuer", issuer_id(document))
}

/// The instant of a NumericDate claim (`nbf`, `exp`), when present and a number.
pub fn instant_of(claims: &Map<String, Value>, claim: &str) -> Option<Instant> {
    let seconds = claims.get(claim)?.as_f64()?;
    Some(Instant::from_seconds(seconds.floor() as i64))
}

fn identifier(
    claims: &Map<String, Value>,
    claim: &'static str,
    property: &'static str,
    values: &[String],
) -> Option<Disagreement> {
    let value = claims.get(claim)?;
    let text = value.as_str();
    if text.is_some_and(|text| values.iter().any(|v| v == text)) {
        return None;
    }
    Some(Disagreement {
        claim,
        property,
        claim_value: text.map_or_else(|| value.to_string(), str::to_owned),
        credential_value: shown(values),
    })
}

/// A date claim must equal one of the credential's two names for that
/// date (VC 2.0's or VC 1.1's), when the credential states either.
fn date(
    claims: &Map<String, Value>,
    credential: &Value,
    claim: &'static str,
    properties: [&'static str; 2],
) -> Option<Disagreement> {
    let value = claims.get(claim)?;
    let stated: Vec<&str> = properties
        .iter()
        .filter_map(|name| credential.get(*name).and_then(Value::as_str))
        .collect();
    let [property, _] = properties;
    let Some(instant) = instant_of(claims, claim) else {
        return Some(Disagreement {
            claim,
            property,
            claim_value: value.to_string(),
            credential_value: "(a NumericDate is required)".into(),
        });
    };
    if stated.is_empty() || stated.iter().any(|text| same_second(text, instant)) {
        return None;
    }
    Some(Disagreement {
        claim,
        property,
        claim_value: value.to_string(),
        credential_value: stated.join(" / "),
    })
}

fn same_second(text: &str, instant: Instant) -> bool {
    datetime::parse(text).is_ok_and(|parsed| parsed.seconds == instant.seconds)
}

fn shown(values: &[String]) -> String {
    match values {
        [] => "(none)".to_owned(),
        values => values.join(", "),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]
mod tests {
    use super::*;
    use serde_json::json;

    fn payload(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn reads_both_payload_forms() {
        let vc = json!({"type": ["VerifiableCredential"], "id": "urn:x"});
        let v11 = secured(payload(json!({"vc": vc, "jti": "urn:x"})), false).unwrap();
        assert!(v11.vc_claim && v11.credential["id"] == "urn:x");
        let jose = secured(
            payload(json!({"type": "VerifiableCredential", "iss": "a"})),
            true,
        );
        assert!(jose.unwrap().credential.get("iss").is_none());
        let both = secured(
            payload(json!({"type": "VerifiableCredential", "vc": "x"})),
            true,
        );
        assert_eq!(both, Err(JwtError::EnvelopeClaim { claim: "vc" }));
    }

    #[test]
    fn names_each_disagreeing_claim() {
        let vc = json!({"id": "urn:a", "issuer": {"id": "did:key:z1"},
            "credentialSubject": {"id": "did:example:s"}, "validFrom": "2010-01-01T00:00:00.5Z"});
        let claims = json!({"vc": vc, "iss": "did:key:z2", "sub": "did:example:s",
            "jti": "urn:a", "nbf": 1_262_304_000});
        let found = disagreements(&secured(payload(claims), false).unwrap());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].claim, "iss");
        assert_eq!(found[0].credential_value, "did:key:z1");
    }
}
