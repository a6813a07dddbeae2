//! The JWS algorithms a VC-JWT may use ([RFC 7518 §3](https://www.rfc-editor.org/rfc/rfc7518#section-3),
//! [RFC 8037 §3.1](https://www.rfc-editor.org/rfc/rfc8037#section-3.1)),
//! each pinned to one key type so a key can never be used with an
//! algorithm it was not made for (RFC 8725 §3.1).
//!
//! `none` and the HMAC family are refused outright: an unsigned token, or
//! one whose "key" is a shared secret, proves nothing about an issuer.

use rsa::signature::Verifier as _;
use serde_json::Value;
use sha2::Sha256;

use super::error::JwtError;
use super::jwk::JwkKey;

/// A supported signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256; the minimum OB 3.0 §8.2 requires.
    Rs256,
    /// RSASSA-PSS with SHA-256 and a 32-byte salt.
    Ps256,
    /// ECDSA on P-256 with SHA-256, signature `r || s` (64 bytes).
    Es256,
    /// ECDSA on P-384 with SHA-384, signature `r || s` (96 bytes).
    Es384,
    /// Ed25519 (`EdDSA`, or the fully specified name `Ed25519`).
    EdDsa,
}

impl Algorithm {
    /// Reads the header's `alg`.
    ///
    /// Fails with [`JwtError::Unsigned`] for `none`, [`JwtError::Hmac`] for
    /// `HS256`/`HS384`/`HS512` and [`JwtError::UnsupportedAlgorithm`] for
    /// anything else not listed here.
    pub fn from_name(name: &str) -> Result<Self, JwtError> {
        match name {
            "RS256" => Ok(Self::Rs256),
            "PS256" => Ok(Self::Ps256),
            "ES256" => Ok(Self::Es256),
            "ES384" => Ok(Self::Es384),
            "EdDSA" | "Ed25519" => Ok(Self::EdDsa),
            "none" | "None" | "NONE" => Err(JwtError::Unsigned),
            hmac if hmac.to_ascii_uppercase().starts_with("HS") => Err(JwtError::Hmac {
                alg: hmac.to_owned(),
            }),
            other => Err(JwtError::UnsupportedAlgorithm {
                alg: other.to_owned(),
            }),
        }
    }

    /// The name as JOSE writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Rs256 => "RS256",
            Self::Ps256 => "PS256",
            Self::Es256 => "ES256",
            Self::Es384 => "ES384",
            Self::EdDsa => "EdDSA",
        }
    }

    /// The only key type this algorithm may be used with.
    pub fn key_type(self) -> &'static str {
        match self {
            Self::Rs256 | Self::Ps256 => "RSA",
            Self::Es256 => "P-256",
            Self::Es384 => "P-384",
            Self::EdDsa => "Ed25519",
        }
    }
}

/// Checks that a JWK's own `alg` and `use`, when present, allow `alg`.
///
/// Fails with [`JwtError::KeyAlgorithmMismatch`] otherwise.
pub fn check_key_metadata(alg: Algorithm, jwk: &Value) -> Result<(), JwtError> {
    let key_alg = jwk.get("alg").and_then(Value::as_str);
    let allowed = key_alg.is_none_or(|key_alg| {
        key_alg == alg.name() || (alg == Algorithm::EdDsa && key_alg == "Ed25519")
    });
    let usable = jwk
        .get("use")
        .and_then(Value::as_str)
        .is_none_or(|usage| usage == "sig");
    if allowed && usable {
        return Ok(());
    }
    let key_alg = key_alg.map_or_else(|| "encryption".to_owned(), str::to_owned);
    Err(JwtError::KeyAlgorithmMismatch {
        alg: alg.name(),
        key_alg,
    })
}

/// Verifies `signature` over `input` with `key` under `alg`.
///
/// Fails with [`JwtError::KeyTypeMismatch`] when the key is not of the
/// algorithm's type, [`JwtError::SignatureLength`] for an ECDSA or Ed25519
/// signature of the wrong size, [`JwtError::Key`] for a key the curve or
/// RSA rules reject, and [`JwtError::BadSignature`] when it does not verify.
pub fn verify(
    alg: Algorithm,
    key: &JwkKey,
    input: &[u8],
    signature: &[u8],
) -> Result<(), JwtError> {
    match (alg, key) {
        (Algorithm::Rs256, JwkKey::Rsa { n, e }) => rs256(n, e, input, signature),
        (Algorithm::Ps256, JwkKey::Rsa { n, e }) => ps256(n, e, input, signature),
        (Algorithm::Es256, JwkKey::P256(point)) => es256(point, input, signature),
        (Algorithm::Es384, JwkKey::P384(point)) => es384(point, input, signature),
        (Algorithm::EdDsa, JwkKey::Ed25519(key)) => eddsa(key, input, signature),
        (alg, key) => Err(JwtError::KeyTypeMismatch {
            alg: alg.name(),
            expected: alg.key_type(),
            found: key.type_name(),
        }),
    }
}

fn rsa_key(n: &[u8], e: &[u8]) -> Result<rsa::RsaPublicKey, JwtError> {
    let n = rsa::BigUint::from_bytes_be(n);
    let e = rsa::BigUint::from_bytes_be(e);
    rsa::RsaPublicKey::new(n, e).map_err(|error| JwtError::Key {
        reason: format!("the RSA key is not usable: {error}"),
    })
}

fn rs256(n: &[u8], e: &[u8], input: &[u8], signature: &[u8]) -> Result<(), JwtError> {
    let key = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(rsa_key(n, e)?);
    let signature =
        rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| JwtError::BadSignature)?;
    key.verify(input, &signature)
        .map_err(|_| JwtError::BadSignature)
}

fn ps256(n: &[u8], e: &[u8], input: &[u8], signature: &[u8]) -> Result<(), JwtError> {
    let key = rsa::pss::VerifyingKey::<Sha256>::new(rsa_key(n, e)?);
    let signature = rsa::pss::Signature::try_from(signature).map_err(|_| JwtError::BadSignature)?;
    key.verify(input, &signature)
        .map_err(|_| JwtError::BadSignature)
}

fn es256(point: &[u8], input: &[u8], signature: &[u8]) -> Result<(), JwtError> {
    let key =
        p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve("P-256"))?;
    let signature = p256::ecdsa::Signature::from_slice(fixed(signature, 64)?)
        .map_err(|_| JwtError::BadSignature)?;
    key.verify(input, &signature)
        .map_err(|_| JwtError::BadSignature)
}

fn es384(point: &[u8], input: &[u8], signature: &[u8]) -> Result<(), JwtError> {
    let key =
        p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| not_on_curve("P-384"))?;
    let signature = p384::ecdsa::Signature::from_slice(fixed(signature, 96)?)
        .map_err(|_| JwtError::BadSignature)?;
    key.verify(input, &signature)
        .map_err(|_| JwtError::BadSignature)
}

fn eddsa(key: &[u8; 32], input: &[u8], signature: &[u8]) -> Result<(), JwtError> {
    let key = ed25519_dalek::VerifyingKey::from_bytes(key).map_err(|_| JwtError::Key {
        reason: "the Ed25519 key is not a valid point".into(),
    })?;
    let bytes: [u8; 64] = fixed(signature, 64)?
        .try_into()
        .map_err(|_| JwtError::BadSignature)?;
    let signature = ed25519_dalek::Signature::from_bytes(&bytes);
    key.verify_strict(input, &signature)
        .map_err(|_| JwtError::BadSignature)
}

/// ECDSA and Ed25519 signatures in JOSE have one fixed size (no DER).
fn fixed(signature: &[u8], expected: usize) -> Result<&[u8], JwtError> {
    if signature.len() != expected {
        return Err(JwtError::SignatureLength {
            expected,
            found: signature.len(),
        });
    }
    Ok(signature)
}

fn not_on_curve(curve: &str) -> JwtError {
    JwtError::Key {
        reason: format!("the key is not a valid {curve} point"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_none_and_hmac_by_name() {
        assert_eq!(Algorithm::from_name("none"), Err(JwtError::Unsigned));
        assert!(matches!(
            Algorithm::from_name("HS256"),
            Err(JwtError::Hmac { .. })
        ));
        assert!(matches!(
            Algorithm::from_name("ES512"),
            Err(JwtError::UnsupportedAlgorithm { .. })
        ));
        assert_eq!(Algorithm::from_name("EdDSA"), Ok(Algorithm::EdDsa));
    }

    #[test]
    fn an_algorithm_is_pinned_to_its_key_type() {
        let ed25519 = JwkKey::Ed25519([0; 32]);
        let error = verify(Algorithm::Rs256, &ed25519, b"x", &[0; 256]);
        assert!(matches!(error, Err(JwtError::KeyTypeMismatch { .. })));
    }
}
