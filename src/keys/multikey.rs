//! [Multikey](https://www.w3.org/TR/controller-document/#multikey) decoding:
//! `publicKeyMultibase` values and `did:key` identifiers.
//!
//! A multikey is multibase text (`z` + base58btc) of a multicodec header
//! followed by the raw key. For Ed25519 the header is `0xed 0x01` and the
//! key 32 bytes, which is why such keys start with `z6Mk`. The
//! `Ed25519VerificationKey2020` type's `publicKeyMultibase` uses the same
//! format. P-256 keys (`p256-pub`, `0x80 0x24`, `zDn…`) and P-384 keys
//! (`p384-pub`, `0x81 0x24`, `z82…`) are compressed SEC1 points of 33 and 49
//! bytes.

use super::error::KeyError;
use super::public_key::PublicKey;

/// The multicodec header of an Ed25519 public key (`ed25519-pub`, varint 0xed).
const ED25519_HEADER: [u8; 2] = [0xed, 0x01];
/// The multicodec header of a P-256 public key (`p256-pub`, varint 0x1200).
const P256_HEADER: [u8; 2] = [0x80, 0x24];
/// The multicodec header of a P-384 public key (`p384-pub`, varint 0x1201).
const P384_HEADER: [u8; 2] = [0x81, 0x24];

/// The longest base58btc text decoded: a P-384 signature (96 bytes) needs
/// about 131 characters; base58 decoding is quadratic, so anything much
/// longer is refused unread.
const MAX_BASE58: usize = 256;

/// Decodes a multibase multikey such as `z6MkhaXg…`.
///
/// Fails with [`KeyError::UnsupportedMultibase`] unless the text starts with
/// `z`, [`KeyError::InvalidBase58`] for bad base58btc,
/// [`KeyError::UnsupportedKeyType`] for a header other than Ed25519's,
/// P-256's or P-384's, [`KeyError::WrongLength`] when the key has the wrong
/// length for its type, and [`KeyError::NotOnCurve`] for a point off its
/// curve.
pub fn decode(multibase: &str) -> Result<PublicKey, KeyError> {
    let bytes = decode_base58btc(multibase)?;

    match bytes.split_first_chunk::<2>() {
        Some((&ED25519_HEADER, key)) => ed25519(key),
        Some((&P256_HEADER, key)) => {
            compressed_length("P-256", key, 33)?;
            PublicKey::p256(key)
        }
        Some((&P384_HEADER, key)) => {
            compressed_length("P-384", key, 49)?;
            PublicKey::p384(key)
        }
        Some((header, _)) => Err(KeyError::UnsupportedKeyType {
            header: hex(header),
        }),
        None => Err(KeyError::UnsupportedKeyType {
            header: hex(&bytes),
        }),
    }
}

/// The bytes of multibase base58btc text (`z…`).
///
/// Fails with [`KeyError::UnsupportedMultibase`] or [`KeyError::InvalidBase58`].
pub fn decode_base58btc(multibase: &str) -> Result<Vec<u8>, KeyError> {
    if multibase.len() > MAX_BASE58 {
        return Err(KeyError::TooLong {
            length: multibase.len(),
        });
    }
    let mut characters = multibase.chars();
    match characters.next() {
        Some('z') => (),
        prefix => return Err(KeyError::UnsupportedMultibase { prefix }),
    }

    bs58::decode(characters.as_str())
        .into_vec()
        .map_err(|_| KeyError::InvalidBase58)
}

fn ed25519(key: &[u8]) -> Result<PublicKey, KeyError> {
    let key: [u8; 32] = key.try_into().map_err(|_| KeyError::WrongLength {
        key_type: "Ed25519",
        expected: 32,
        found: key.len(),
    })?;
    Ok(PublicKey::Ed25519(key))
}

/// Multikey holds EC points compressed only.
fn compressed_length(key_type: &'static str, key: &[u8], expected: usize) -> Result<(), KeyError> {
    if key.len() == expected {
        return Ok(());
    }
    Err(KeyError::WrongLength {
        key_type,
        expected,
        found: key.len(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
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

    /// The W3C vc-di-eddsa test vectors' key (TestVectors/keyPair.json).
    const W3C_KEY: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    #[test]
    fn decodes_an_ed25519_multikey() {
        let PublicKey::Ed25519(key) = decode(W3C_KEY).unwrap() else {
            panic!("not an Ed25519 key")
        };
        assert_eq!(key[..4], [0xb0, 0x0d, 0x8d, 0x93]);
    }

    #[test]
    fn rejects_other_prefixes_and_garbage() {
        assert_eq!(
            decode("").unwrap_err(),
            KeyError::UnsupportedMultibase { prefix: None }
        );
        assert_eq!(
            decode("u7QE").unwrap_err(),
            KeyError::UnsupportedMultibase { prefix: Some('u') }
        );
        assert_eq!(decode("z0OIl").unwrap_err(), KeyError::InvalidBase58);
        assert_eq!(
            decode("z").unwrap_err(),
            KeyError::UnsupportedKeyType {
                header: String::new()
            }
        );
    }

    #[test]
    fn decodes_p256_and_p384_multikeys() {
        // The W3C vc-di-ecdsa vectors' keys (TestVectors/p256KeyPair.json, p384KeyPair.json).
        let p256 = decode("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP").unwrap();
        assert!(matches!(p256, PublicKey::P256(key) if key[0] == 2 || key[0] == 3));
        let p384 =
            decode("z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ");
        assert!(matches!(p384.unwrap(), PublicKey::P384(key) if key[0] == 2 || key[0] == 3));
    }

    #[test]
    fn rejects_ec_points_off_their_curve_or_uncompressed() {
        let mut off_curve = vec![0x80, 0x24, 0x02];
        off_curve.extend([0xff; 32]);
        let off_curve = format!("z{}", bs58::encode(off_curve).into_string());
        assert_eq!(
            decode(&off_curve).unwrap_err(),
            KeyError::NotOnCurve { curve: "P-256" }
        );
        let mut uncompressed = vec![0x81, 0x24, 0x04];
        uncompressed.extend([1; 96]);
        let uncompressed = format!("z{}", bs58::encode(uncompressed).into_string());
        assert!(matches!(
            decode(&uncompressed),
            Err(KeyError::WrongLength { found: 97, .. })
        ));
    }

    #[test]
    fn rejects_other_key_types_and_lengths() {
        // A secp256k1 multikey header (0xe7 0x01).
        let k256 = format!("z{}", bs58::encode([0xe7, 0x01, 2, 3]).into_string());
        assert_eq!(
            decode(&k256).unwrap_err(),
            KeyError::UnsupportedKeyType {
                header: "e701".into()
            }
        );
        let short = format!("z{}", bs58::encode([0xed, 0x01, 1, 2, 3]).into_string());
        assert!(matches!(
            decode(&short),
            Err(KeyError::WrongLength { found: 3, .. })
        ));
    }

    #[test]
    fn huge_values_are_refused_before_decoding() {
        let huge = format!("z{}", "2".repeat(5_000_000));
        let started = std::time::Instant::now();
        assert_eq!(
            decode_base58btc(&huge),
            Err(KeyError::TooLong { length: 5_000_001 })
        );
        assert!(
            started.elapsed().as_millis() < 100,
            "took {:?}",
            started.elapsed()
        );
    }
}
