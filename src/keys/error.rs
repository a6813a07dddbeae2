//! Why a key could not be decoded.

use std::fmt;

/// Why a verification method's key could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The multibase prefix is not `z` (base58btc), the only one Multikey
    /// uses for these keys.
    UnsupportedMultibase {
        /// The prefix found, if the text was not empty.
        prefix: Option<char>,
    },
    /// The text after the prefix is not valid base58btc.
    InvalidBase58,
    /// The text is far longer than any key or signature; it is refused
    /// before decoding, whose cost grows with the square of the length.
    TooLong {
        /// The length found, in characters.
        length: usize,
    },
    /// The multicodec header names a key type this verifier does not handle.
    UnsupportedKeyType {
        /// The first two header bytes, in hex.
        header: String,
    },
    /// The key bytes have the wrong length for their type.
    WrongLength {
        /// The key type.
        key_type: &'static str,
        /// The length required.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// The bytes are not a point on the named curve.
    NotOnCurve {
        /// The curve (`P-256` or `P-384`).
        curve: &'static str,
    },
    /// A JSON Web Key is malformed or of a type this verifier does not use.
    InvalidJwk {
        /// What is wrong, lower-case.
        detail: String,
    },
    /// A JSON Web Key holds a private part (`d`): a public document must
    /// never carry one, so the key is refused.
    PrivateJwk,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsupportedMultibase {
                prefix: Some(prefix),
            } => {
                write!(f, "unsupported multibase prefix '{prefix}' (expected 'z')")
            }
            Self::UnsupportedMultibase { prefix: None } => write!(f, "the multibase key is empty"),
            Self::InvalidBase58 => write!(f, "the key is not valid base58btc"),
            Self::TooLong { length } => {
                write!(
                    f,
                    "the value is {length} characters long, far more than any key or signature"
                )
            }
            Self::UnsupportedKeyType { header } => {
                write!(f, "unsupported multikey type (header {header})")
            }
            Self::WrongLength {
                key_type,
                expected,
                found,
            } => {
                write!(f, "{key_type} key has {found} bytes, expected {expected}")
            }
            Self::NotOnCurve { curve } => write!(f, "the key is not a point on the {curve} curve"),
            Self::InvalidJwk { detail } => write!(f, "invalid JSON Web Key: {detail}"),
            Self::PrivateJwk => write!(
                f,
                "the JSON Web Key contains a private key part (d) and is refused"
            ),
        }
    }
}

impl std::error::Error for KeyError {}
