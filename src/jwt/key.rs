//! Finding the key of a VC-JWT and whether it is the signer's.
//!
//! OB 3.0 §8.2.3: the header names the key by `kid` (a URI that
//! dereferences to a JWK) or carries it as `jwk`. Supported `kid` forms:
//! - a DID URL: `did:key` (via [`crate::keys::resolve`]), `did:jwk` (the
//!   key is the identifier), `did:web` (the DID document's method, with
//!   `publicKeyJwk` or `publicKeyMultibase`);
//! - an `https` URL of a JWK, a JWK set (the fragment, or the only key,
//!   selects) or a controller document;
//! - a bare name such as a JWK thumbprint or `#key-1`, read relative to the
//!   issuer ([VC-JOSE-COSE §"Key Discovery"](https://www.w3.org/TR/vc-jose-cose/#key-discovery)):
//!   a DID issuer's DID URL, or a method of the issuer's https controller
//!   document whose id, JWK `kid` or RFC 7638 thumbprint matches.
//!
//! Binding: a key from a DID or controller document is the signer's (a
//! credential's issuer, a presentation's holder) when the document's
//! controller is the signer and lists it for `assertionMethod` (a
//! presentation: `authentication`). A JWK or JWK set at an https URL is the
//! signer's when it is published on the signer's own https origin. A `jwk`
//! header is self-asserted: bound only when the signer's DID or published
//! document lists the same key (same thumbprint) for that relationship.

use serde_json::Value;

use super::compact;
use super::error::JwtError;
use super::header::Header;
use super::jwk::{self, JwkKey};
use crate::fetch::{Fetch, Lookups};
use crate::keys::controller_document::{lists_for, Relationship};
use crate::keys::did_web;
use crate::keys::multikey;
use crate::keys::public_key::PublicKey;
use crate::keys::resolve::{fetch_json, resolve, Binding, ResolveError, Signer};
use crate::model::one_or_many;

/// A JWT's key and what is known about its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwtKey {
    /// The key.
    pub key: JwkKey,
    /// The JWK it came from, when it came as one (its `alg`/`use` are checked).
    pub jwk: Option<Value>,
    /// Whether it is the signer's.
    pub binding: Binding,
    /// What named it: the absolute `kid`, or `jwk header`.
    pub named_by: String,
}

/// Finds the key the header names; `None` when it names none (neither
/// `kid` nor `jwk`). A `kid` wins over a `jwk` when both are present.
///
/// Fails with the [`ResolveError`] of the first document that could not be
/// read or did not hold the key.
pub async fn find<F: Fetch>(
    header: &Header,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Option<Result<JwtKey, ResolveError>> {
    if let Some(kid) = &header.kid {
        return Some(from_kid(kid, signer, lookups).await);
    }
    let jwk = header.jwk.as_ref()?;
    Some(from_header(jwk, signer, lookups).await)
}

async fn from_kid<F: Fetch>(
    kid: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<JwtKey, ResolveError> {
    let kid = absolute_kid(kid, signer.id);
    if kid.starts_with("did:key:") {
        return did_key(&kid, signer, lookups).await;
    }
    if kid.starts_with("did:jwk:") {
        return did_jwk(&kid, signer.id);
    }
    if kid.starts_with("did:web:") {
        let base = kid.split('#').next().unwrap_or(&kid);
        let url = did_web::document_url(base).map_err(|error| malformed(error.reason))?;
        return in_document(&url, &kid, &kid, signer, lookups).await;
    }
    if kid.starts_with("https://") {
        return at_url(&kid, signer, lookups).await;
    }
    match signer.id {
        Some(id) if id.starts_with("https://") && !kid.contains(':') => {
            in_document(id, &format!("{id}#{kid}"), &kid, signer, lookups).await
        }
        _ => Err(ResolveError::Unsupported {
            reason: format!(
                "the key name {kid:?} is not a DID URL or https address this verifier can resolve"
            ),
        }),
    }
}

/// A `kid` relative to a DID issuer becomes that DID's URL.
fn absolute_kid(kid: &str, issuer: Option<&str>) -> String {
    match issuer {
        Some(did) if did.starts_with("did:") && !kid.contains(':') => {
            let fragment = kid.strip_prefix('#').unwrap_or(kid);
            format!("{did}#{fragment}")
        }
        _ => kid.to_owned(),
    }
}

async fn did_key<F: Fetch>(
    kid: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<JwtKey, ResolveError> {
    let resolved = resolve(kid, signer, lookups).await?;
    Ok(JwtKey {
        key: from_public_key(&resolved.key)?,
        jwk: None,
        binding: resolved.binding,
        named_by: kid.to_owned(),
    })
}

fn did_jwk(kid: &str, issuer: Option<&str>) -> Result<JwtKey, ResolveError> {
    let did = kid.split('#').next().unwrap_or(kid);
    let encoded = did.strip_prefix("did:jwk:").unwrap_or_default();
    let bytes = compact::decode(encoded, "did:jwk")
        .map_err(|_| malformed("the did:jwk is not base64url"))?;
    let jwk: Value =
        serde_json::from_slice(&bytes).map_err(|_| malformed("the did:jwk is not a JSON key"))?;
    let key = jwk::decode(&jwk).map_err(|error| malformed_owned(error.to_string()))?;

    let binding = if issuer == Some(did) {
        Binding::Bound
    } else {
        Binding::Mismatch {
            controller: did.to_owned(),
        }
    };
    Ok(JwtKey {
        key,
        jwk: Some(jwk),
        binding,
        named_by: kid.to_owned(),
    })
}

/// A key that is a verification method of the document at `url`, found by
/// its id `method` or by `name` (its JWK `kid` or thumbprint).
async fn in_document<F: Fetch>(
    url: &str,
    method: &str,
    name: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<JwtKey, ResolveError> {
    let document = fetch_json(url, "DID or controller document", lookups).await?;
    let (id, node) =
        method_node(&document, method, name).ok_or_else(|| ResolveError::NotFound {
            url: url.to_owned(),
        })?;
    let (key, jwk) = key_of(node)?;

    let controller = node
        .get("controller")
        .and_then(Value::as_str)
        .or_else(|| document.get("id").and_then(Value::as_str))
        .unwrap_or(url);
    let listed = lists_for(&document, signer.relationship, &id);
    let binding = match signer.id {
        Some(signer) if signer == controller && listed => Binding::Bound,
        Some(signer) if signer == controller => Binding::NotListed,
        _ => Binding::Mismatch {
            controller: controller.to_owned(),
        },
    };
    Ok(JwtKey {
        key,
        jwk,
        binding,
        named_by: id,
    })
}

/// An https `kid`: a JWK, a JWK set, or a controller document.
async fn at_url<F: Fetch>(
    kid: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<JwtKey, ResolveError> {
    let (base, fragment) = kid.split_once('#').unwrap_or((kid, ""));
    let document = fetch_json(base, "JSON Web Key", lookups).await?;
    let jwk = if document.get("kty").is_some() {
        Some(&document)
    } else if let Some(Value::Array(keys)) = document.get("keys") {
        from_set(keys, fragment)
    } else {
        return in_document(base, kid, fragment, signer, lookups).await;
    };

    let jwk = jwk.ok_or_else(|| ResolveError::NotFound {
        url: base.to_owned(),
    })?;
    let key = jwk::decode(jwk).map_err(|error| malformed_owned(error.to_string()))?;
    Ok(JwtKey {
        key,
        jwk: Some(jwk.clone()),
        binding: same_origin(base, signer),
        named_by: kid.to_owned(),
    })
}

/// The key of a JWK set named by the fragment, or its only key.
fn from_set<'v>(keys: &'v [Value], fragment: &str) -> Option<&'v Value> {
    if fragment.is_empty() {
        return match keys {
            [only] => Some(only),
            _ => None,
        };
    }
    keys.iter()
        .find(|key| key.get("kid").and_then(Value::as_str) == Some(fragment))
}

fn same_origin(url: &str, signer: Signer<'_>) -> Binding {
    let origin = |url: &str| {
        let rest = url.strip_prefix("https://")?;
        Some(
            rest.split(['/', '?', '#'])
                .next()
                .unwrap_or(rest)
                .to_ascii_lowercase(),
        )
    };
    match (origin(url), signer.id.and_then(origin)) {
        (Some(key), Some(signer)) if key == signer => Binding::Bound,
        _ => Binding::Unconfirmed {
            reason: format!(
                "the key is published at {url}, which is not on the {}'s own web address",
                signer.relationship.party()
            ),
        },
    }
}

/// A `jwk` header: self-asserted unless the signer's documents list it.
async fn from_header<F: Fetch>(
    jwk: &Value,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<JwtKey, ResolveError> {
    let key = jwk::decode(jwk).map_err(|error| malformed_owned(error.to_string()))?;
    let binding = confirm(jwk, &key, signer, lookups).await;
    Ok(JwtKey {
        key,
        jwk: Some(jwk.clone()),
        binding,
        named_by: "jwk header".to_owned(),
    })
}

async fn confirm<F: Fetch>(
    jwk: &Value,
    key: &JwkKey,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Binding {
    let self_asserted = |reason: String| Binding::SelfAsserted { reason };
    let party = signer.relationship.party();
    let Some(id) = signer.id else {
        return self_asserted(format!("the record names no {party}"));
    };
    if let Some(multibase) = id.strip_prefix("did:key:") {
        let same = multikey::decode(multibase)
            .ok()
            .and_then(|public| from_public_key(&public).ok())
            .is_some_and(|issuers| &issuers == key);
        return if same {
            Binding::Bound
        } else {
            self_asserted(format!("it is not the key of the {party}'s {id}"))
        };
    }
    let url = match id {
        did if did.starts_with("did:web:") => did_web::document_url(did).ok(),
        url if url.starts_with("https://") => Some(url.to_owned()),
        _ => None,
    };
    let Some(url) = url else {
        return self_asserted(format!("the {party}'s identifier {id} cannot be looked up"));
    };
    match fetch_json(&url, &format!("{party} document"), lookups).await {
        Ok(document) if lists_jwk(&document, jwk, signer.relationship) => Binding::Bound,
        Ok(_) => self_asserted(format!(
            "the {party}'s published document does not list this key"
        )),
        Err(error) => self_asserted(format!(
            "the {party}'s document could not be read ({error})"
        )),
    }
}

/// Whether `document` lists a method with the same JWK for `relationship`.
fn lists_jwk(document: &Value, jwk: &Value, relationship: Relationship) -> bool {
    let Some(wanted) = jwk::thumbprint(jwk) else {
        return false;
    };
    methods(document).into_iter().any(|(id, node)| {
        let listed = node.get("publicKeyJwk").and_then(jwk::thumbprint);
        listed.as_deref() == Some(wanted.as_str()) && lists_for(document, relationship, &id)
    })
}

/// The method with absolute id `method`, or whose JWK's `kid` or
/// thumbprint is `name`.
fn method_node<'d>(document: &'d Value, method: &str, name: &str) -> Option<(String, &'d Value)> {
    let by_name = |node: &Value| {
        let Some(jwk) = node.get("publicKeyJwk") else {
            return false;
        };
        !name.is_empty()
            && (jwk.get("kid").and_then(Value::as_str) == Some(name)
                || jwk::thumbprint(jwk).as_deref() == Some(name))
    };
    let nodes = methods(document);
    nodes
        .iter()
        .find(|(id, _)| id == method)
        .or_else(|| nodes.iter().find(|(_, node)| by_name(node)))
        .cloned()
}

/// Every verification method in a document, with its absolute id.
fn methods(document: &Value) -> Vec<(String, &Value)> {
    let base = document
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut nodes = vec![document];
    nodes.extend(one_or_many(document.get("verificationMethod")));
    for relationship in [Relationship::AssertionMethod, Relationship::Authentication] {
        nodes.extend(one_or_many(document.get(relationship.property())));
    }
    nodes
        .into_iter()
        .filter_map(|node| {
            let id = node.get("id")?.as_str()?;
            let absolute = match id.strip_prefix('#') {
                Some(fragment) => format!("{base}#{fragment}"),
                None => id.to_owned(),
            };
            Some((absolute, node))
        })
        .collect()
}

fn key_of(node: &Value) -> Result<(JwkKey, Option<Value>), ResolveError> {
    if let Some(jwk) = node.get("publicKeyJwk") {
        let key = jwk::decode(jwk).map_err(|error| malformed_owned(error.to_string()))?;
        return Ok((key, Some(jwk.clone())));
    }
    let multibase = node.get("publicKeyMultibase").and_then(Value::as_str);
    let Some(multibase) = multibase else {
        return Err(malformed(
            "the verification method has no publicKeyJwk or publicKeyMultibase",
        ));
    };
    let public = multikey::decode(multibase).map_err(|error| malformed_owned(error.to_string()))?;
    Ok((from_public_key(&public)?, None))
}

#[allow(
    unreachable_patterns,
    reason = "PublicKey gains P-256 and P-384 in the ECDSA work"
)]
fn from_public_key(key: &PublicKey) -> Result<JwkKey, ResolveError> {
    match key {
        PublicKey::Ed25519(bytes) => Ok(JwkKey::Ed25519(*bytes)),
        other => Err(ResolveError::Unsupported {
            reason: format!("{} keys are not supported for JWTs yet", other.type_name()),
        }),
    }
}

fn malformed(detail: &str) -> ResolveError {
    malformed_owned(detail.to_owned())
}

fn malformed_owned(detail: String) -> ResolveError {
    ResolveError::Malformed { detail }
}

/// Why a key found for a JWT cannot be used with its algorithm, if it cannot.
pub fn unusable(header: &Header, key: &JwtKey) -> Option<JwtError> {
    let jwk = key.jwk.as_ref()?;
    super::algorithms::check_key_metadata(header.alg, jwk).err()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use super::*;

    #[test]
    fn a_bare_kid_is_relative_to_a_did_issuer() {
        assert_eq!(absolute_kid("#key-1", Some("did:web:x")), "did:web:x#key-1");
        assert_eq!(absolute_kid("key-1", Some("did:web:x")), "did:web:x#key-1");
        assert_eq!(
            absolute_kid("did:key:z#z", Some("did:web:x")),
            "did:key:z#z"
        );
        assert_eq!(absolute_kid("abc", Some("https://i.example")), "abc");
    }

    #[test]
    fn a_jwk_set_key_is_chosen_by_fragment() {
        let keys = [
            serde_json::json!({"kid": "a"}),
            serde_json::json!({"kid": "b"}),
        ];
        assert_eq!(from_set(&keys, "b").unwrap()["kid"], "b");
        assert!(from_set(&keys, "").is_none());
    }

    #[test]
    fn a_key_on_the_issuers_origin_is_bound() {
        let issuer = Signer::issuer(Some("https://Issuer.example/profile"));
        assert_eq!(
            same_origin("https://issuer.example/jwks.json", issuer),
            Binding::Bound
        );
        assert!(matches!(
            same_origin("https://other.example/jwks.json", issuer),
            Binding::Unconfirmed { .. }
        ));
    }
}
