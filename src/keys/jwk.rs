//! [JSON Web Key](https://www.rfc-editor.org/rfc/rfc7517) decoding for the
//! public keys proofs use: `OKP`/`Ed25519` ([RFC 8037](https://www.rfc-editor.org/rfc/rfc8037))
//! and `EC`/`P-256`, `EC`/`P-384` ([RFC 7518 §6.2](https://www.rfc-editor.org/rfc/rfc7518#section-6.2)).
//!
//! Used for `publicKeyJwk` in verification methods of type `JsonWebKey` and
//! `JsonWebKey2020`, and for `did:jwk`. A key with a private part (`d`) is
//! refused: whoever published it has leaked it.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use super::error::KeyError;
use super::public_key::PublicKey;

/// Decodes a public JSON Web Key.
///
/// Fails with [`KeyError::PrivateJwk`] when it has a `d` member, and
/// [`KeyError::InvalidJwk`], [`KeyError::WrongLength`] or
/// [`KeyError::NotOnCurve`] when it is not a usable public key.
pub fn decode(jwk: &Value) -> Result<PublicKey, KeyError> {
    let jwk = jwk.as_object().ok_or_else(|| invalid("not an object"))?;
    if jwk.contains_key("d") {
        return Err(KeyError::PrivateJwk);
    }

    match (text(jwk, "kty")?, text(jwk, "crv")?) {
        ("OKP", "Ed25519") => {
            let x = coordinate(jwk, "x", "Ed25519", 32)?;
            let key = x.try_into().map_err(|_| invalid("x is not 32 bytes"))?;
            Ok(PublicKey::Ed25519(key))
        }
        ("EC", "P-256") => PublicKey::p256(&uncompressed(jwk, "P-256", 32)?),
        ("EC", "P-384") => PublicKey::p384(&uncompressed(jwk, "P-384", 48)?),
        (kty, crv) => Err(invalid(&format!("unsupported key type {kty} {crv}"))),
    }
}

/// The SEC1 uncompressed point `0x04 || x || y`.
fn uncompressed(
    jwk: &Map<String, Value>,
    curve: &'static str,
    size: usize,
) -> Result<Vec<u8>, KeyError> {
    let mut point = vec![0x04];
    point.extend(coordinate(jwk, "x", curve, size)?);
    point.extend(coordinate(jwk, "y", curve, size)?);
    Ok(point)
}

fn coordinate(
    jwk: &Map<String, Value>,
    name: &str,
    key_type: &'static str,
    size: usize,
) -> Result<Vec<u8>, KeyError> {
    let bytes = Base64UrlUnpadded::decode_vec(text(jwk, name)?)
        .map_err(|_| invalid(&format!("{name} is not unpadded base64url")))?;
    if bytes.len() != size {
        return Err(KeyError::WrongLength {
            key_type,
            expected: size,
            found: bytes.len(),
        });
    }
    Ok(bytes)
}

fn text<'a>(jwk: &'a Map<String, Value>, name: &str) -> Result<&'a str, KeyError> {
    jwk.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(&format!("{name} is missing or not a string")))
}

fn invalid(detail: &str) -> KeyError {
    KeyError::InvalidJwk {
        detail: detail.to_owned(),
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

    /// RFC 8037 Appendix A.2's Ed25519 public key.
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    /// RFC 7515 Appendix A.3's P-256 public key.
    const RFC7515_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const RFC7515_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

    #[test]
    fn decodes_ed25519_and_p256_keys() {
        let ed = json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X});
        assert!(matches!(decode(&ed).unwrap(), PublicKey::Ed25519(key) if key[0] == 0xd7));
        let ec = json!({"kty": "EC", "crv": "P-256", "x": RFC7515_X, "y": RFC7515_Y});
        assert!(matches!(decode(&ec).unwrap(), PublicKey::P256(_)));
    }

    #[test]
    fn refuses_private_keys() {
        let ed = json!({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X,
            "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
        assert_eq!(decode(&ed), Err(KeyError::PrivateJwk));
    }

    #[test]
    fn refuses_malformed_and_unsupported_keys() {
        let cases = [
            json!("a string"),
            json!({"kty": "RSA", "crv": "P-256", "x": RFC7515_X}),
            json!({"kty": "EC", "crv": "secp256k1", "x": RFC7515_X, "y": RFC7515_Y}),
            json!({"kty": "EC", "crv": "P-256", "x": RFC7515_X}),
            json!({"kty": "EC", "crv": "P-384", "x": RFC7515_X, "y": RFC7515_Y}),
            json!({"kty": "EC", "crv": "P-256", "x": RFC7515_X, "y": RFC7515_X}),
            json!({"kty": "OKP", "crv": "Ed25519", "x": "not base64url!"}),
        ];
        for jwk in cases {
            assert!(decode(&jwk).is_err(), "{jwk}");
        }
    }
}
