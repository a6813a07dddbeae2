//! Why a proof could not be prepared or did not verify.

use std::fmt;

use crate::canon::CanonError;
use crate::jsonld::JsonLdError;

/// Why a proof could not be prepared for verification, or did not verify.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProofError {
    /// The document has no proof at the requested position.
    NoSuchProof {
        /// The position asked for.
        index: usize,
    },
    /// The proof is not an object, or lacks a required member.
    MalformedProof {
        /// What is wrong.
        detail: String,
    },
    /// The proof's type or cryptosuite is not one this verifier implements.
    UnsupportedSuite {
        /// The cryptosuite (for a `DataIntegrityProof`) or the proof type.
        name: String,
    },
    /// `proofValue` is missing or is not `z` + base58btc of a signature of
    /// the suite's length (64 bytes for Ed25519 and P-256, 96 for P-384).
    MalformedProofValue {
        /// What is wrong.
        detail: String,
    },
    /// `created` is present but is not an XSD dateTime
    /// ([VC-DI-EdDSA, Proof Configuration](https://www.w3.org/TR/vc-di-eddsa/#proof-configuration-eddsa-rdfc-2022)).
    InvalidCreated {
        /// The value found.
        value: String,
    },
    /// The proof's `@context` is not a prefix of the document's
    /// ([VC-DI-EdDSA, Verify Proof](https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-rdfc-2022) step 4).
    ContextNotPrefix,
    /// `previousProof` names a proof the document does not contain
    /// ([VC-DI, Proof Chains](https://www.w3.org/TR/vc-data-integrity/#proof-chains)).
    MissingPreviousProof {
        /// The proof id that was not found.
        id: String,
    },
    /// The document or proof could not be turned into RDF.
    JsonLd(JsonLdError),
    /// The RDF could not be canonicalised.
    Canon(CanonError),
    /// The key is of a type the proof's suite does not sign with (e.g. an
    /// Ed25519 key on an ECDSA proof).
    KeyTypeMismatch {
        /// The suite the proof names.
        suite: &'static str,
        /// The key's type.
        key_type: &'static str,
    },
    /// An ECDSA key's curve does not go with the proof's signature and hash
    /// (P-256: 64 bytes, SHA-256; P-384: 96 bytes, SHA-384).
    CurveMismatch {
        /// The key's curve.
        key_type: &'static str,
        /// The length of the proof's signature.
        signature_length: usize,
    },
    /// The signature does not verify with the key. Deliberately opaque.
    SignatureMismatch,
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchProof { index } => write!(f, "the document has no proof number {index}"),
            Self::MalformedProof { detail } => write!(f, "malformed proof: {detail}"),
            Self::UnsupportedSuite { name } => write!(f, "unsupported proof suite {name}"),
            Self::MalformedProofValue { detail } => write!(f, "malformed proofValue: {detail}"),
            Self::InvalidCreated { value } => {
                write!(
                    f,
                    "the proof's created value \"{value}\" is not an xsd dateTime"
                )
            }
            Self::ContextNotPrefix => {
                write!(
                    f,
                    "the proof's @context is not a prefix of the document's @context"
                )
            }
            Self::MissingPreviousProof { id } => {
                write!(f, "the previous proof {id} is not in the document")
            }
            Self::JsonLd(error) => write!(f, "{error}"),
            Self::Canon(error) => write!(f, "{error}"),
            Self::KeyTypeMismatch { suite, key_type } => {
                write!(f, "{key_type} keys cannot verify {suite} proofs")
            }
            Self::CurveMismatch {
                key_type,
                signature_length,
            } => write!(
                f,
                "{key_type} keys cannot verify a {signature_length}-byte ecdsa signature \
                 (P-256 signs 64 bytes over SHA-256 hashes, P-384 96 bytes over SHA-384 hashes)"
            ),
            Self::SignatureMismatch => write!(f, "the signature does not match"),
        }
    }
}

impl std::error::Error for ProofError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::JsonLd(error) => Some(error),
            Self::Canon(error) => Some(error),
            _ => None,
        }
    }
}

impl From<JsonLdError> for ProofError {
    fn from(error: JsonLdError) -> Self {
        Self::JsonLd(error)
    }
}

impl From<CanonError> for ProofError {
    fn from(error: CanonError) -> Self {
        Self::Canon(error)
    }
}
