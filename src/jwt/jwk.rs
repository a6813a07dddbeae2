//! Public keys written as JSON Web Keys ([RFC 7517](https://www.rfc-editor.org/rfc/rfc7517),
//! key types of [RFC 7518 §6](https://www.rfc-editor.org/rfc/rfc7518#section-6)
//! and [RFC 8037](https://www.rfc-editor.org/rfc/rfc8037)), and their
//! [RFC 7638](https://www.rfc-editor.org/rfc/rfc7638) thumbprints.
//!
//! `keys::jwk` decodes the JWKs of Data Integrity verification methods
//! (EC and OKP only); this one adds RSA, the JWT's rules on private members
//! and thumbprints. Merging the two is an open clean-up (closing note of
//! session 2).

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::compact::decode as decode_base64url;
use super::error::JwtError;

/// A public key read from a JWK, in the form its algorithm needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JwkKey {
    /// An RSA key: big-endian modulus `n` and exponent `e`.
    Rsa {
        /// The modulus.
        n: Vec<u8>,
        /// The public exponent.
        e: Vec<u8>,
    },
    /// A P-256 point, SEC1 uncompressed (`04 || x || y`).
    P256(Vec<u8>),
    /// A P-384 point, SEC1 uncompressed.
    P384(Vec<u8>),
    /// An Ed25519 public key.
    Ed25519([u8; 32]),
}

impl JwkKey {
    /// The key type's name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Rsa { .. } => "RSA",
            Self::P256(_) => "P-256",
            Self::P384(_) => "P-384",
            Self::Ed25519(_) => "Ed25519",
        }
    }
}

/// Members that only a private or symmetric key has.
const PRIVATE_MEMBERS: [&str; 7] = ["d", "p", "q", "dp", "dq", "qi", "k"];

/// The first member of `jwk` that shows private or symmetric key material
/// (`d`, the RSA primes, or `kty` `oct`), if any.
pub fn private_part(jwk: &Value) -> Option<String> {
    if jwk.get("kty").and_then(Value::as_str) == Some("oct") {
        return Some("kty oct".to_owned());
    }
    PRIVATE_MEMBERS
        .iter()
        .find(|member| jwk.get(**member).is_some())
        .map(|member| (*member).to_owned())
}

/// Decodes a public JWK.
///
/// Fails with [`JwtError::PrivateKey`] when it holds private material and
/// [`JwtError::Key`] when it is malformed, of an unsupported type or curve,
/// or an RSA key shorter than 2048 bits (RFC 7518 §3.3).
pub fn decode(jwk: &Value) -> Result<JwkKey, JwtError> {
    if let Some(member) = private_part(jwk) {
        return Err(JwtError::PrivateKey { member });
    }
    let kty = text(jwk, "kty")?;
    let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or_default();

    match (kty, crv) {
        ("RSA", _) => rsa(jwk),
        ("EC", "P-256") => Ok(JwkKey::P256(point(jwk, 32)?)),
        ("EC", "P-384") => Ok(JwkKey::P384(point(jwk, 48)?)),
        ("OKP", "Ed25519") => ed25519(jwk),
        _ => Err(key_error(format!("JWK type {kty} {crv} is not supported"))),
    }
}

/// The RFC 7638 SHA-256 thumbprint of a public JWK, base64url, or `None`
/// when the key lacks a member the thumbprint needs.
pub fn thumbprint(jwk: &Value) -> Option<String> {
    let kty = jwk.get("kty")?.as_str()?;
    let members: &[&str] = match kty {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        "OKP" => &["crv", "kty", "x"],
        _ => return None,
    };
    let mut canonical = serde_json::Map::new();
    for member in members {
        canonical.insert(
            (*member).to_owned(),
            Value::String(jwk.get(*member)?.as_str()?.into()),
        );
    }

    let json = Value::Object(canonical).to_string();
    Some(Base64UrlUnpadded::encode_string(&Sha256::digest(json)))
}

fn rsa(jwk: &Value) -> Result<JwkKey, JwtError> {
    let n = bytes(jwk, "n")?;
    let e = bytes(jwk, "e")?;
    let bits = n.iter().skip_while(|byte| **byte == 0).count() * 8;
    if bits < 2048 {
        return Err(key_error(format!(
            "the RSA key has about {bits} bits; at least 2048 are required"
        )));
    }
    Ok(JwkKey::Rsa { n, e })
}

fn point(jwk: &Value, size: usize) -> Result<Vec<u8>, JwtError> {
    let x = bytes(jwk, "x")?;
    let y = bytes(jwk, "y")?;
    if x.len() != size || y.len() != size {
        return Err(key_error(format!(
            "the EC coordinates must be {size} bytes each"
        )));
    }
    let mut sec1 = vec![4];
    sec1.extend(x);
    sec1.extend(y);
    Ok(sec1)
}

fn ed25519(jwk: &Value) -> Result<JwkKey, JwtError> {
    let x = bytes(jwk, "x")?;
    let key: [u8; 32] = x
        .try_into()
        .map_err(|_| key_error("the Ed25519 key is not 32 bytes".into()))?;
    Ok(JwkKey::Ed25519(key))
}

fn text<'v>(jwk: &'v Value, member: &str) -> Result<&'v str, JwtError> {
    jwk.get(member)
        .and_then(Value::as_str)
        .ok_or_else(|| key_error(format!("the JWK has no {member}")))
}

fn bytes(jwk: &Value, member: &'static str) -> Result<Vec<u8>, JwtError> {
    decode_base64url(text(jwk, member)?, member)
        .map_err(|_| key_error(format!("the JWK member {member} is not base64url")))
}

fn key_error(reason: String) -> JwtError {
    JwtError::Key { reason }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn computes_the_rfc_7638_example_thumbprint() {
        // RFC 7638 §3.1.
        let jwk = json!({"kty": "RSA", "e": "AQAB", "alg": "RS256", "kid": "2011-04-29",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"});
        assert_eq!(
            thumbprint(&jwk).unwrap(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn refuses_private_and_symmetric_keys() {
        let private = json!({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"});
        assert_eq!(
            decode(&private),
            Err(JwtError::PrivateKey { member: "d".into() })
        );
        let secret = json!({"kty": "oct", "k": "c2VjcmV0"});
        assert!(matches!(decode(&secret), Err(JwtError::PrivateKey { .. })));
    }

    #[test]
    fn refuses_short_rsa_keys_and_unknown_curves() {
        let short = json!({"kty": "RSA", "e": "AQAB", "n": "AQAB"});
        assert!(matches!(decode(&short), Err(JwtError::Key { .. })));
        let p521 = json!({"kty": "EC", "crv": "P-521", "x": "AA", "y": "AA"});
        assert!(matches!(decode(&p521), Err(JwtError::Key { .. })));
    }
}
