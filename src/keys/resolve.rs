//! From a proof's `verificationMethod` to a public key, and whether that key
//! is really the signer's: a credential's issuer, or a presentation's holder.
//!
//! [VC Data Integrity §4.7 Retrieve Verification Method](https://www.w3.org/TR/vc-data-integrity/#retrieve-verification-method)
//! and §"Verification Method Binding": the key's controller must be the
//! signer and must list the key for the relationship the proof is for
//! (`assertionMethod` for a credential, `authentication` for a
//! presentation). A key read out of the
//! identifier itself (the 1EdTech habit `https://issuer#z6Mk…`) proves
//! integrity only; it is bound only when the issuer's document confirms it.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

use super::controller_document::{find_method, lists_for, FoundMethod, Relationship};
use super::did_web;
use super::error::KeyError;
use super::public_key::PublicKey;
use super::{jwk, multikey};
use crate::fetch::{Fetch, FetchError, Lookups};

/// Who must control a key, and for what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signer<'a> {
    /// The identifier of the party who must have signed (the issuer or the
    /// holder), when the document names one.
    pub id: Option<&'a str>,
    /// What that party must authorise the key for.
    pub relationship: Relationship,
}

impl<'a> Signer<'a> {
    /// A credential's issuer, who signs with an `assertionMethod` key.
    pub fn issuer(id: Option<&'a str>) -> Self {
        Self {
            id,
            relationship: Relationship::AssertionMethod,
        }
    }

    /// A presentation's holder, who signs with an `authentication` key.
    pub fn holder(id: Option<&'a str>) -> Self {
        Self {
            id,
            relationship: Relationship::Authentication,
        }
    }
}

/// Whether a resolved key belongs to the signer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Binding {
    /// The signer controls the key and lists it for the relationship asked for.
    Bound,
    /// The key comes from the identifier itself and the signer's documents
    /// could not confirm it (offline, unreachable, or not listed).
    SelfAsserted {
        /// Why it could not be confirmed, lower-case.
        reason: String,
    },
    /// The key's controller is not the signer, and the signer's own
    /// document could not be read to see whether it vouches for the key.
    Unconfirmed {
        /// Why it could not be confirmed, lower-case.
        reason: String,
    },
    /// The key's controller is not the signer, and the signer does not
    /// vouch for it.
    Mismatch {
        /// Who controls the key.
        controller: String,
    },
    /// The controller does not list the key for the relationship asked for.
    NotListed,
}

/// A public key and what is known about its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedKey {
    /// The key.
    pub key: PublicKey,
    /// Whether it is the signer's.
    pub binding: Binding,
}

/// Why no key could be found for a verification method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    /// The method is not a URL this verifier can resolve.
    Unsupported {
        /// Why, lower-case.
        reason: String,
    },
    /// A document on the way could not be fetched.
    Unreachable {
        /// The URL.
        url: String,
        /// What went wrong.
        error: FetchError,
    },
    /// The document was fetched but does not hold the method or its key.
    NotFound {
        /// The URL that was read.
        url: String,
    },
    /// The document or the key in it is malformed.
    Malformed {
        /// What is wrong, lower-case.
        detail: String,
    },
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unsupported { reason } => f.write_str(reason),
            Self::Unreachable { url, error } => write!(f, "{url} could not be read: {error}"),
            Self::NotFound { url } => write!(f, "{url} does not list this key"),
            Self::Malformed { detail } => f.write_str(detail),
        }
    }
}

/// Resolves `method` to a key and checks its binding to `signer`.
pub async fn resolve<F: Fetch>(
    method: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    let (base, fragment) = method.split_once('#').unwrap_or((method, ""));

    if let Some(key) = base.strip_prefix("did:key:") {
        return did_key(method, key, fragment, signer, lookups).await;
    }
    if let Some(encoded) = base.strip_prefix("did:jwk:") {
        return did_jwk(method, base, encoded, fragment, signer, lookups).await;
    }
    if base.starts_with("did:web:") {
        return did_web(method, base, signer, lookups).await;
    }
    if looks_like_multikey(fragment) {
        return fragment_key(method, base, fragment, signer, lookups).await;
    }
    if !base.starts_with("https://") && !base.starts_with("http://") {
        let reason = format!("{method:?} is not a did:key, did:jwk, did:web or https address");
        return Err(ResolveError::Unsupported { reason });
    }
    https_method(method, base, signer, lookups).await
}

async fn did_key<F: Fetch>(
    method: &str,
    key: &str,
    fragment: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    if !fragment.is_empty() && fragment != key {
        let detail = "the did:key fragment does not repeat the key".to_owned();
        return Err(ResolveError::Malformed { detail });
    }
    let key_value = decode(key)?;
    let controller = format!("did:key:{key}");
    let binding = bind(method, &controller, true, signer, lookups).await;
    Ok(ResolvedKey {
        key: key_value,
        binding,
    })
}

/// [did:jwk](https://github.com/quartzjer/did-jwk/blob/main/spec.md): the
/// DID is the base64url of the JWK, its one method `#0`, listed for
/// assertion and authentication unless the key's `use` is `enc`.
async fn did_jwk<F: Fetch>(
    method: &str,
    did: &str,
    encoded: &str,
    fragment: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    let malformed = |detail: &str| ResolveError::Malformed {
        detail: format!("the did:jwk {detail}"),
    };
    if !fragment.is_empty() && fragment != "0" {
        return Err(malformed("verification method must be #0"));
    }
    let text = Base64UrlUnpadded::decode_vec(encoded)
        .map_err(|_| malformed("identifier is not unpadded base64url"))?;
    let key_json: Value =
        serde_json::from_slice(&text).map_err(|_| malformed("identifier is not a JSON key"))?;

    let key = jwk::decode(&key_json).map_err(key_error)?;
    let for_signing = key_json.get("use").and_then(Value::as_str) != Some("enc");
    let binding = bind(method, did, for_signing, signer, lookups).await;
    Ok(ResolvedKey { key, binding })
}

async fn did_web<F: Fetch>(
    method: &str,
    did: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    let url = did_web::document_url(did).map_err(|error| ResolveError::Malformed {
        detail: error.reason.to_owned(),
    })?;
    let document = fetch_json(&url, "DID document", lookups).await?;

    let found = find_method(&document, method, signer.relationship)
        .ok_or(ResolveError::NotFound { url })?;
    let key = key_of(&found)?;
    let controller = found.controller.as_deref().unwrap_or(did);
    let binding = bind(method, controller, found.listed, signer, lookups).await;
    Ok(ResolvedKey { key, binding })
}

async fn fragment_key<F: Fetch>(
    method: &str,
    base: &str,
    fragment: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    let key = decode(fragment)?;
    if signer.id != Some(base) {
        let binding = bind(method, base, true, signer, lookups).await;
        return Ok(ResolvedKey { key, binding });
    }

    let party = signer.relationship.party();
    if !base.starts_with("https://") {
        let reason =
            format!("the {party}'s identifier {base} is not an address that can be looked up");
        return Ok(ResolvedKey {
            key,
            binding: Binding::SelfAsserted { reason },
        });
    }
    let binding = match lookups.get(base, &format!("{party} profile")).await {
        Err(error) => Binding::SelfAsserted {
            reason: format!("the {party}'s profile could not be read ({error})"),
        },
        Ok(fetched) => confirm_in_profile(&fetched.body, method, fragment, signer),
    };
    Ok(ResolvedKey { key, binding })
}

fn confirm_in_profile(body: &[u8], method: &str, fragment: &str, signer: Signer<'_>) -> Binding {
    let profile: Option<Value> = serde_json::from_slice(body).ok();
    let found = profile
        .as_ref()
        .and_then(|profile| find_method(profile, method, signer.relationship));
    match found {
        Some(found) if found.public_key_multibase.as_deref() == Some(fragment) && found.listed => {
            Binding::Bound
        }
        _ => Binding::SelfAsserted {
            reason: format!(
                "the {}'s published profile does not list this key",
                signer.relationship.party()
            ),
        },
    }
}

async fn https_method<F: Fetch>(
    method: &str,
    base: &str,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Result<ResolvedKey, ResolveError> {
    let document = fetch_json(base, "verification method", lookups).await?;
    let relationship = signer.relationship;
    let found =
        find_method(&document, method, relationship).ok_or_else(|| ResolveError::NotFound {
            url: base.to_owned(),
        })?;
    let key = key_of(&found)?;

    let Some(controller) = found.controller.clone() else {
        let detail = "the verification method names no controller".to_owned();
        return Err(ResolveError::Malformed { detail });
    };
    let listed = controller_lists(&found, &controller, &document, relationship, lookups).await?;
    let binding = bind(method, &controller, listed, signer, lookups).await;
    Ok(ResolvedKey { key, binding })
}

/// Whether the controller's own document lists the method for
/// `relationship`; fetched only when it is not the document the method
/// came from.
async fn controller_lists<F: Fetch>(
    found: &FoundMethod,
    controller: &str,
    document: &Value,
    relationship: Relationship,
    lookups: &Lookups<'_, F>,
) -> Result<bool, ResolveError> {
    if document.get("id").and_then(Value::as_str) == Some(controller) {
        return Ok(found.listed);
    }
    let controller_url = match controller.strip_prefix("did:web:") {
        Some(_) => did_web::document_url(controller).map_err(|error| ResolveError::Malformed {
            detail: error.reason.to_owned(),
        })?,
        None => controller.to_owned(),
    };
    let controller_document = fetch_json(&controller_url, "controller document", lookups).await?;
    Ok(lists_for(&controller_document, relationship, &found.id))
}

/// Binds a key to the signer: its controller is the signer and lists it
/// for the relationship, or else the signer's own document vouches for it.
async fn bind<F: Fetch>(
    method: &str,
    controller: &str,
    listed: bool,
    signer: Signer<'_>,
    lookups: &Lookups<'_, F>,
) -> Binding {
    let Some(id) = signer.id else {
        return Binding::Mismatch {
            controller: controller.to_owned(),
        };
    };
    if id == controller {
        return if listed {
            Binding::Bound
        } else {
            Binding::NotListed
        };
    }
    signer_vouches(method, controller, id, signer.relationship, lookups).await
}

/// Whether the signer's DID document or profile lists `method` for
/// `relationship` although another party controls it.
async fn signer_vouches<F: Fetch>(
    method: &str,
    controller: &str,
    signer: &str,
    relationship: Relationship,
    lookups: &Lookups<'_, F>,
) -> Binding {
    let mismatch = || Binding::Mismatch {
        controller: controller.to_owned(),
    };
    let party = relationship.party();
    let url = match signer {
        did if did.starts_with("did:web:") => match did_web::document_url(did) {
            Ok(url) => url,
            Err(_) => return mismatch(),
        },
        url if url.starts_with("https://") => url.to_owned(),
        did if did.starts_with("did:key:") => return mismatch(),
        other => {
            let reason = format!("the {party}'s identifier {other} cannot be looked up to see whether it vouches for the key");
            return Binding::Unconfirmed { reason };
        }
    };
    match fetch_json(&url, &format!("{party} document"), lookups).await {
        Ok(document) if lists_for(&document, relationship, method) => Binding::Bound,
        Ok(_) => mismatch(),
        Err(error) => Binding::Unconfirmed {
            reason: format!("the {party}'s document could not be read ({error})"),
        },
    }
}

pub(crate) async fn fetch_json<F: Fetch>(
    url: &str,
    purpose: &str,
    lookups: &Lookups<'_, F>,
) -> Result<Value, ResolveError> {
    let fetched = lookups
        .get(url, purpose)
        .await
        .map_err(|error| ResolveError::Unreachable {
            url: url.to_owned(),
            error,
        })?;
    serde_json::from_slice(&fetched.body).map_err(|error| ResolveError::Malformed {
        detail: format!("the {purpose} at {url} is not JSON: {error}"),
    })
}

/// The key of a found method: its `publicKeyMultibase`, or the
/// `publicKeyJwk` of a `JsonWebKey` or `JsonWebKey2020` method.
fn key_of(found: &FoundMethod) -> Result<PublicKey, ResolveError> {
    let jwk_type = matches!(
        found.method_type.as_deref(),
        Some("JsonWebKey" | "JsonWebKey2020")
    );
    match (&found.public_key_multibase, &found.public_key_jwk) {
        (Some(multibase), _) => decode(multibase),
        (None, Some(key)) if jwk_type => jwk::decode(key).map_err(key_error),
        _ => Err(ResolveError::Unsupported {
            reason: format!(
                "the method {} has no publicKeyMultibase, nor a publicKeyJwk of type JsonWebKey, \
                 that this verifier can read",
                found.id
            ),
        }),
    }
}

fn decode(multibase: &str) -> Result<PublicKey, ResolveError> {
    multikey::decode(multibase).map_err(key_error)
}

fn key_error(error: KeyError) -> ResolveError {
    ResolveError::Malformed {
        detail: error.to_string(),
    }
}

/// A fragment written as a multikey (Ed25519 `z6Mk`, P-256 `zDn`, P-384
/// `z82`); one that then fails to decode is a malformed key, not a name.
fn looks_like_multikey(fragment: &str) -> bool {
    ["z6Mk", "zDn", "z82"]
        .iter()
        .any(|prefix| fragment.starts_with(prefix))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fetch::MapFetch;

    const KEY: &str = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    fn run<F: Fetch>(method: &str, issuer: &str, fetch: &F) -> Result<ResolvedKey, ResolveError> {
        let lookups = Lookups::new(fetch, false);
        pollster::block_on(resolve(method, Signer::issuer(Some(issuer)), &lookups))
    }

    #[test]
    fn did_key_is_bound_to_its_own_did() {
        let method = format!("did:key:{KEY}#{KEY}");
        let bound = run(&method, &format!("did:key:{KEY}"), &MapFetch::new()).unwrap();
        assert_eq!(bound.binding, Binding::Bound);
        let other = run(&method, "did:key:z6Mkother", &MapFetch::new()).unwrap();
        assert!(matches!(other.binding, Binding::Mismatch { .. }));
        let unresolvable = run(&method, "urn:uuid:6f2e33e5", &MapFetch::new()).unwrap();
        assert!(matches!(unresolvable.binding, Binding::Unconfirmed { .. }));
    }

    #[test]
    fn an_issuer_profile_may_vouch_for_another_key() {
        let issuer = "https://vc.example/issuers/5678";
        let method = format!("did:key:{KEY}#{KEY}");
        let mut fetch = MapFetch::new();
        fetch.insert(
            issuer,
            serde_json::json!({"id": issuer, "assertionMethod": [method]}).to_string(),
        );
        assert_eq!(
            run(&method, issuer, &fetch).unwrap().binding,
            Binding::Bound
        );
        fetch.insert(
            issuer,
            serde_json::json!({"id": issuer, "assertionMethod": []}).to_string(),
        );
        assert!(matches!(
            run(&method, issuer, &fetch).unwrap().binding,
            Binding::Mismatch { .. }
        ));
        let offline = run(&method, issuer, &MapFetch::new()).unwrap();
        assert!(matches!(offline.binding, Binding::Unconfirmed { .. }));
    }

    #[test]
    fn a_fragment_key_is_self_asserted_until_the_profile_lists_it() {
        let issuer = "https://example.edu/issuers/565049";
        let method = format!("{issuer}#{KEY}");
        let offline = run(&method, issuer, &MapFetch::new()).unwrap();
        assert!(matches!(offline.binding, Binding::SelfAsserted { .. }));

        let mut fetch = MapFetch::new();
        let profile = serde_json::json!({"id": issuer, "verificationMethod": [
            {"id": method, "type": "Multikey", "controller": issuer, "publicKeyMultibase": KEY}],
            "assertionMethod": [method]});
        fetch.insert(issuer, profile.to_string());
        assert_eq!(
            run(&method, issuer, &fetch).unwrap().binding,
            Binding::Bound
        );
    }

    /// RFC 7515 Appendix A.3's P-256 public key.
    fn p256_jwk() -> Value {
        serde_json::json!({"kty": "EC", "crv": "P-256",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})
    }

    fn did_jwk(jwk: &Value) -> String {
        format!(
            "did:jwk:{}",
            Base64UrlUnpadded::encode_string(jwk.to_string().as_bytes())
        )
    }

    #[test]
    fn did_jwk_names_its_key_as_0() {
        let did = did_jwk(&p256_jwk());
        let bound = run(&format!("{did}#0"), &did, &MapFetch::new()).unwrap();
        assert!(matches!(bound.key, PublicKey::P256(_)));
        assert_eq!(bound.binding, Binding::Bound);
        let other = run(&format!("{did}#1"), &did, &MapFetch::new());
        assert!(matches!(other, Err(ResolveError::Malformed { .. })));
        let garbled = run("did:jwk:e30!#0", "did:jwk:e30!", &MapFetch::new());
        assert!(matches!(garbled, Err(ResolveError::Malformed { .. })));
    }

    #[test]
    fn did_jwk_refuses_private_and_encryption_keys() {
        let mut private = p256_jwk();
        private["d"] = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI".into();
        let did = did_jwk(&private);
        let error = run(&format!("{did}#0"), &did, &MapFetch::new()).unwrap_err();
        assert!(error.to_string().contains("private key part"), "{error}");
        let mut encryption = p256_jwk();
        encryption["use"] = "enc".into();
        let did = did_jwk(&encryption);
        let resolved = run(&format!("{did}#0"), &did, &MapFetch::new()).unwrap();
        assert_eq!(resolved.binding, Binding::NotListed);
    }

    #[test]
    fn p256_did_keys_and_json_web_key_2020_methods_resolve() {
        let p256 = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";
        let did = format!("did:key:{p256}");
        let resolved = run(&format!("{did}#{p256}"), &did, &MapFetch::new()).unwrap();
        assert!(matches!(resolved.key, PublicKey::P256(_)));

        let did = "did:web:example.com";
        let mut fetch = MapFetch::new();
        let document = serde_json::json!({"id": did, "assertionMethod": ["#k"],
            "verificationMethod": [{"id": "#k", "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": p256_jwk()}]});
        fetch.insert(
            "https://example.com/.well-known/did.json",
            document.to_string(),
        );
        let resolved = run("did:web:example.com#k", did, &fetch).unwrap();
        assert!(matches!(resolved.key, PublicKey::P256(_)));
        assert_eq!(resolved.binding, Binding::Bound);

        let untyped = document.to_string().replace("JsonWebKey2020", "Multikey");
        fetch.insert("https://example.com/.well-known/did.json", untyped);
        let refused = run("did:web:example.com#k", did, &fetch);
        assert!(matches!(refused, Err(ResolveError::Unsupported { .. })));
    }

    #[test]
    fn unknown_schemes_are_unsupported() {
        let error = run(
            &format!("xxx:{KEY}"),
            "https://example.com",
            &MapFetch::new(),
        );
        assert!(matches!(error, Err(ResolveError::Unsupported { .. })));
        let garbled = run(
            "https://example.edu/i#z6MkjZRsdas0OIl",
            "https://example.edu/i",
            &MapFetch::new(),
        );
        assert!(matches!(garbled, Err(ResolveError::Malformed { .. })));
    }
}
