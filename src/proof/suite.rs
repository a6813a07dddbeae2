//! The proof suites this verifier implements, and how a proof names one.

use serde_json::{Map, Value};

use super::error::ProofError;

/// A proof suite: how the signed bytes are derived from a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Suite {
    /// `DataIntegrityProof` with cryptosuite `eddsa-rdfc-2022`
    /// ([VC-DI-EdDSA §3.2](https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022)),
    /// also under its 2023 draft name `eddsa-2022`.
    EddsaRdfc2022,
    /// `DataIntegrityProof` with cryptosuite `eddsa-jcs-2022`
    /// ([VC-DI-EdDSA §3.3](https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022)).
    EddsaJcs2022,
    /// `DataIntegrityProof` with cryptosuite `ecdsa-rdfc-2019`
    /// ([VC-DI-ECDSA §3.2](https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-rdfc-2019)).
    EcdsaRdfc2019,
    /// `DataIntegrityProof` with cryptosuite `ecdsa-jcs-2019`
    /// ([VC-DI-ECDSA §3.3](https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-jcs-2019)).
    EcdsaJcs2019,
    /// The legacy `Ed25519Signature2020` proof type
    /// ([VC-DI-EdDSA, Ed25519Signature2020](https://www.w3.org/TR/vc-di-eddsa/#the-ed25519signature2020-suite)).
    Ed25519Signature2020,
}

impl Suite {
    /// The suite's name as a proof writes it (the cryptosuite for Data
    /// Integrity suites, the proof type otherwise).
    pub fn name(self) -> &'static str {
        match self {
            Self::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Self::EddsaJcs2022 => "eddsa-jcs-2022",
            Self::EcdsaRdfc2019 => "ecdsa-rdfc-2019",
            Self::EcdsaJcs2019 => "ecdsa-jcs-2019",
            Self::Ed25519Signature2020 => "Ed25519Signature2020",
        }
    }

    /// Whether the suite signs with ECDSA (P-256 or P-384) rather than
    /// Ed25519.
    pub fn is_ecdsa(self) -> bool {
        matches!(self, Self::EcdsaRdfc2019 | Self::EcdsaJcs2019)
    }
}

/// The suite a proof names, and whether it uses a legacy name for it.
///
/// Fails with [`ProofError::UnsupportedSuite`] naming the cryptosuite or
/// type, and [`ProofError::MalformedProof`] when `type` is not a string.
pub fn identify(proof: &Map<String, Value>) -> Result<(Suite, bool), ProofError> {
    let proof_type = text(proof, "type").ok_or_else(|| ProofError::MalformedProof {
        detail: "type must be a string".into(),
    })?;
    let unsupported = |name: &str| ProofError::UnsupportedSuite { name: name.into() };

    match (proof_type, text(proof, "cryptosuite")) {
        ("DataIntegrityProof", Some("eddsa-rdfc-2022")) => Ok((Suite::EddsaRdfc2022, false)),
        ("DataIntegrityProof", Some("eddsa-2022")) => Ok((Suite::EddsaRdfc2022, true)),
        ("DataIntegrityProof", Some("eddsa-jcs-2022")) => Ok((Suite::EddsaJcs2022, false)),
        ("DataIntegrityProof", Some("ecdsa-rdfc-2019")) => Ok((Suite::EcdsaRdfc2019, false)),
        ("DataIntegrityProof", Some("ecdsa-jcs-2019")) => Ok((Suite::EcdsaJcs2019, false)),
        ("DataIntegrityProof", Some(cryptosuite)) => Err(unsupported(cryptosuite)),
        ("Ed25519Signature2020", _) => Ok((Suite::Ed25519Signature2020, false)),
        (other, _) => Err(unsupported(other)),
    }
}

fn text<'a>(proof: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    proof.get(name).and_then(Value::as_str)
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

    fn identify_json(proof: Value) -> Result<(Suite, bool), ProofError> {
        identify(proof.as_object().unwrap())
    }

    #[test]
    fn names_the_supported_suites() {
        let current = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"});
        assert_eq!(identify_json(current), Ok((Suite::EddsaRdfc2022, false)));
        let legacy = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-2022"});
        assert_eq!(identify_json(legacy), Ok((Suite::EddsaRdfc2022, true)));
        let old = json!({"type": "Ed25519Signature2020"});
        assert_eq!(identify_json(old), Ok((Suite::Ed25519Signature2020, false)));
        for suite in [
            Suite::EddsaJcs2022,
            Suite::EcdsaRdfc2019,
            Suite::EcdsaJcs2019,
        ] {
            let proof = json!({"type": "DataIntegrityProof", "cryptosuite": suite.name()});
            assert_eq!(identify_json(proof), Ok((suite, false)));
        }
    }

    #[test]
    fn names_what_is_unsupported() {
        let selective = json!({"type": "DataIntegrityProof", "cryptosuite": "ecdsa-sd-2023"});
        assert_eq!(
            identify_json(selective),
            Err(ProofError::UnsupportedSuite {
                name: "ecdsa-sd-2023".into()
            })
        );
        let bare = json!({"type": "DataIntegrityProof"});
        assert_eq!(
            identify_json(bare),
            Err(ProofError::UnsupportedSuite {
                name: "DataIntegrityProof".into()
            })
        );
        let jws = json!({"type": "JsonWebSignature2020"});
        assert_eq!(
            identify_json(jws),
            Err(ProofError::UnsupportedSuite {
                name: "JsonWebSignature2020".into()
            })
        );
        assert!(matches!(
            identify_json(json!({})),
            Err(ProofError::MalformedProof { .. })
        ));
    }
}
