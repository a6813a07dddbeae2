//! Why a compact JWS cannot be accepted as a VC-JWT.

use std::fmt;

/// Why a compact JWS was refused or its signature did not verify.
///
/// Each variant names the rule it breaks; the messages are lower-case and
/// meant for developers (the report adds a sentence for everyone).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JwtError {
    /// The text is not three base64url segments separated by dots.
    NotCompact {
        /// What is wrong with the shape.
        reason: &'static str,
    },
    /// A segment is not valid unpadded base64url.
    Base64 {
        /// Which segment: `header`, `payload` or `signature`.
        segment: &'static str,
    },
    /// The header or the payload is not a JSON object.
    NotJsonObject {
        /// Which segment: `header` or `payload`.
        segment: &'static str,
    },
    /// The header has no `alg`, or it is not a string.
    MissingAlgorithm,
    /// `alg` is `none`: the token is not signed at all.
    Unsigned,
    /// `alg` is an HMAC algorithm (`HS256`…): a shared secret, not a public
    /// key, so anyone who can verify it can also forge it.
    Hmac {
        /// The algorithm named.
        alg: String,
    },
    /// `alg` is not one this verifier supports.
    UnsupportedAlgorithm {
        /// The algorithm named.
        alg: String,
    },
    /// The header lists extensions in `crit` that this verifier does not
    /// understand, so it must not accept the token (RFC 7515 §4.1.11).
    CriticalHeader {
        /// The names listed.
        names: String,
    },
    /// The `jwk` header holds a private key part, or a symmetric key.
    PrivateKey {
        /// The member that gives it away (`d`, `k`, `p`…).
        member: String,
    },
    /// `typ` is not a media type of a JWT-secured credential.
    MediaType {
        /// The header (`typ` or `cty`).
        header: &'static str,
        /// Its value.
        value: String,
    },
    /// A JOSE-secured credential (`typ` `vc+jwt`) also carries the VC 1.1
    /// `vc` or `vp` claim, which VC-JOSE-COSE forbids.
    EnvelopeClaim {
        /// The claim found.
        claim: &'static str,
    },
    /// The payload holds no credential (no `vc` claim and no credential type).
    NoCredential,
    /// A JWK is malformed or of a type this verifier does not handle.
    Key {
        /// What is wrong, lower-case.
        reason: String,
    },
    /// The algorithm needs another type of key than the one found.
    KeyTypeMismatch {
        /// The algorithm named in the header.
        alg: &'static str,
        /// The key type it requires.
        expected: &'static str,
        /// The key type found.
        found: &'static str,
    },
    /// The key declares another algorithm than the header's.
    KeyAlgorithmMismatch {
        /// The header's `alg`.
        alg: &'static str,
        /// The key's own `alg`.
        key_alg: String,
    },
    /// The signature has the wrong length for its algorithm.
    SignatureLength {
        /// The length required.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// The signature does not verify with the key.
    BadSignature,
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotCompact { reason } => write!(f, "not a compact JWS: {reason}"),
            Self::Base64 { segment } => write!(f, "the {segment} is not valid base64url"),
            Self::NotJsonObject { segment } => write!(f, "the {segment} is not a JSON object"),
            Self::MissingAlgorithm => f.write_str("the header names no algorithm (alg)"),
            Self::Unsigned => f.write_str("alg is \"none\": the token is not signed"),
            Self::Hmac { alg } => write!(
                f,
                "alg {alg} is a shared-secret (HMAC) algorithm, refused for credentials"
            ),
            Self::UnsupportedAlgorithm { alg } => write!(f, "alg {alg:?} is not supported"),
            Self::CriticalHeader { names } => {
                write!(f, "the header marks extensions as critical (crit: {names})")
            }
            Self::PrivateKey { member } => {
                write!(f, "the jwk header contains private key material ({member})")
            }
            Self::MediaType { header, value } => {
                write!(f, "{header} {value:?} is not a credential media type")
            }
            Self::EnvelopeClaim { claim } => {
                write!(f, "a vc+jwt payload must not carry the {claim} claim")
            }
            Self::NoCredential => f.write_str("the payload holds no credential"),
            Self::Key { reason } => f.write_str(reason),
            Self::KeyTypeMismatch {
                alg,
                expected,
                found,
            } => write!(f, "{alg} needs an {expected} key, the key found is {found}"),
            Self::KeyAlgorithmMismatch { alg, key_alg } => {
                write!(f, "the key is for {key_alg}, the header says {alg}")
            }
            Self::SignatureLength { expected, found } => {
                write!(f, "the signature has {found} bytes, expected {expected}")
            }
            Self::BadSignature => f.write_str("the signature does not verify with the key"),
        }
    }
}

impl std::error::Error for JwtError {}
