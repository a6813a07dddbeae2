//! A public key decoded from a verification method.

use p256::elliptic_curve::sec1::{FromEncodedPoint, ModulusSize, ToEncodedPoint};
use p256::elliptic_curve::{CurveArithmetic, PublicKey as CurvePoint};

use super::error::KeyError;

/// A public key a proof can be verified with.
///
/// Only the key material: whose key it is (the issuer binding) is decided
/// elsewhere. Elliptic-curve points are checked to lie on their curve when
/// the key is made, and kept in compressed SEC1 form.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PublicKey {
    /// An Ed25519 public key ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032)),
    /// 32 bytes.
    Ed25519([u8; 32]),
    /// A P-256 (secp256r1) public key, compressed SEC1 (33 bytes).
    P256([u8; 33]),
    /// A P-384 (secp384r1) public key, compressed SEC1 (49 bytes).
    P384([u8; 49]),
}

impl PublicKey {
    /// The key type's name as the Multikey and DID specifications write it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Ed25519(_) => "Ed25519",
            Self::P256(_) => "P-256",
            Self::P384(_) => "P-384",
        }
    }

    /// A P-256 key from a SEC1 point (compressed or not).
    ///
    /// Fails with [`KeyError::NotOnCurve`].
    pub fn p256(sec1: &[u8]) -> Result<Self, KeyError> {
        let key = p256::PublicKey::from_sec1_bytes(sec1).map_err(|_| not_on_curve("P-256"))?;
        compressed(&key).map(Self::P256)
    }

    /// A P-384 key from a SEC1 point (compressed or not).
    ///
    /// Fails with [`KeyError::NotOnCurve`].
    pub fn p384(sec1: &[u8]) -> Result<Self, KeyError> {
        let key = p384::PublicKey::from_sec1_bytes(sec1).map_err(|_| not_on_curve("P-384"))?;
        compressed(&key).map(Self::P384)
    }
}

/// The compressed SEC1 form of a point known to be on its curve.
fn compressed<C, const N: usize>(key: &CurvePoint<C>) -> Result<[u8; N], KeyError>
where
    C: CurveArithmetic,
    C::AffinePoint: FromEncodedPoint<C> + ToEncodedPoint<C>,
    C::FieldBytesSize: ModulusSize,
{
    let point = key.to_encoded_point(true);
    point
        .as_bytes()
        .try_into()
        .map_err(|_| KeyError::WrongLength {
            key_type: "compressed point",
            expected: N,
            found: point.len(),
        })
}

fn not_on_curve(curve: &'static str) -> KeyError {
    KeyError::NotOnCurve { curve }
}
