//! The JOSE header of a VC-JWT, read and checked against OB 3.0 §8.2.3
//! (`#jwt-proof`) and [VC-JOSE-COSE §3.1](https://www.w3.org/TR/vc-jose-cose/#securing-with-jose).
//!
//! Refused outright (the token is `invalid`): `alg` `none` or HMAC, an
//! unknown algorithm is merely unsupported; any `crit` entry (this verifier
//! understands no JWS extension, RFC 7515 §4.1.11); a `jwk` holding private
//! or symmetric key material; a `typ` or `cty` that is not a credential's.
//!
//! OB 3.0 allows only `alg`, `kid`, `jwk` and `typ` ("additional JOSE
//! headers are NOT allowed"); VC-JOSE-COSE adds `cty`. Another header is
//! reported as a warning, not a failure: the compact header is signed, so
//! nobody but the signer can have added it, and RFC 7515 §4 tells
//! recipients to ignore header parameters they do not understand unless
//! `crit` names them (which is refused above).

use serde_json::{Map, Value};

use super::algorithms::Algorithm;
use super::error::JwtError;
use super::jwk;

/// The header parameters a VC-JWT may carry without comment.
const KNOWN: [&str; 5] = ["alg", "kid", "jwk", "typ", "cty"];

/// Media types a JWT-secured credential may declare in `typ`: OB 3.0's
/// `JWT`, VC-JOSE-COSE's `vc+jwt`, and the draft names `vc+ld+jwt` and
/// `application/…` forms.
const TYPES: [&str; 5] = ["JWT", "vc+jwt", "vp+jwt", "vc+ld+jwt", "vp+ld+jwt"];

/// Content types allowed in `cty`.
const CONTENT_TYPES: [&str; 4] = ["vc", "vp", "vc+ld+json", "vp+ld+json"];

/// The checked header of a VC-JWT.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The signature algorithm.
    pub alg: Algorithm,
    /// `kid`: where to find the key.
    pub kid: Option<String>,
    /// `jwk`: the public key itself (self-asserted).
    pub jwk: Option<Value>,
    /// `typ`, when present.
    pub typ: Option<String>,
    /// Header parameters outside OB 3.0's and VC-JOSE-COSE's lists.
    pub extra: Vec<String>,
}

impl Header {
    /// Whether the token declares itself a VC-JOSE-COSE credential or
    /// presentation, whose payload is the credential itself.
    pub fn is_jose(&self) -> bool {
        self.typ
            .as_deref()
            .is_some_and(|typ| !typ.eq_ignore_ascii_case("JWT"))
    }
}

/// Reads and checks a JOSE header.
///
/// Fails with [`JwtError::MissingAlgorithm`], [`JwtError::Unsigned`],
/// [`JwtError::Hmac`], [`JwtError::UnsupportedAlgorithm`],
/// [`JwtError::CriticalHeader`], [`JwtError::PrivateKey`] or
/// [`JwtError::MediaType`], each as described on the variant.
pub fn read(header: &Map<String, Value>) -> Result<Header, JwtError> {
    let alg = header
        .get("alg")
        .and_then(Value::as_str)
        .ok_or(JwtError::MissingAlgorithm)?;
    let alg = Algorithm::from_name(alg)?;
    if let Some(crit) = header.get("crit") {
        return Err(JwtError::CriticalHeader {
            names: crit.to_string(),
        });
    }
    let jwk = header.get("jwk").cloned();
    if let Some(member) = jwk.as_ref().and_then(jwk::private_part) {
        return Err(JwtError::PrivateKey { member });
    }

    let typ = media_type(header, "typ", &TYPES)?;
    media_type(header, "cty", &CONTENT_TYPES)?;
    let extra = header
        .keys()
        .filter(|name| !KNOWN.contains(&name.as_str()))
        .cloned()
        .collect();
    Ok(Header {
        alg,
        kid: header.get("kid").and_then(Value::as_str).map(str::to_owned),
        jwk,
        typ,
        extra,
    })
}

/// A `typ` or `cty` value, when present and allowed (with or without the
/// `application/` prefix, `typ` compared case-insensitively as RFC 7515
/// §4.1.9 says).
fn media_type(
    header: &Map<String, Value>,
    name: &'static str,
    allowed: &[&str],
) -> Result<Option<String>, JwtError> {
    let Some(value) = header.get(name) else {
        return Ok(None);
    };
    let text = value.as_str().unwrap_or_default();
    let bare = text.strip_prefix("application/").unwrap_or(text);
    if allowed.iter().any(|known| known.eq_ignore_ascii_case(bare)) {
        return Ok(Some(bare.to_owned()));
    }
    Err(JwtError::MediaType {
        header: name,
        value: value.to_string(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use super::*;
    use serde_json::json;

    fn header(value: Value) -> Result<Header, JwtError> {
        read(value.as_object().unwrap())
    }

    #[test]
    fn accepts_the_ob_and_jose_headers() {
        let ob = header(json!({"alg": "RS256", "typ": "JWT", "kid": "did:key:z"})).unwrap();
        assert!(!ob.is_jose() && ob.extra.is_empty());
        let jose = header(json!({"alg": "ES256", "typ": "vc+jwt", "cty": "vc"})).unwrap();
        assert!(jose.is_jose());
        let extra = header(json!({"alg": "EdDSA", "x5u": "https://x"})).unwrap();
        assert_eq!(extra.extra, ["x5u"]);
    }

    #[test]
    fn refuses_crit_and_bad_media_types() {
        let crit = header(json!({"alg": "EdDSA", "crit": ["b64"], "b64": false}));
        assert!(matches!(crit, Err(JwtError::CriticalHeader { .. })));
        let typ = header(json!({"alg": "EdDSA", "typ": "bad+typ"}));
        assert!(matches!(
            typ,
            Err(JwtError::MediaType { header: "typ", .. })
        ));
        let cty = header(json!({"alg": "EdDSA", "cty": "bad+cty"}));
        assert!(matches!(
            cty,
            Err(JwtError::MediaType { header: "cty", .. })
        ));
    }
}
