//! A public key decoded from a verification method.

/// A public key a proof can be verified with.
///
/// Only the key material: whose key it is (the issuer binding) is decided
/// elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PublicKey {
    /// An Ed25519 public key ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032)),
    /// 32 bytes.
    Ed25519([u8; 32]),
}

impl PublicKey {
    /// The key type's name as the Multikey and DID specifications write it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Ed25519(_) => "Ed25519",
        }
    }
}
