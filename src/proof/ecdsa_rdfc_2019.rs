//! The `ecdsa-rdfc-2019` cryptosuite ([VC-DI-ECDSA §3.2]): JSON-LD and
//! RDFC-1.0, signed with ECDSA on P-256 with SHA-256 or on P-384 with
//! SHA-384 (both hashes, and the signature's own digest). The signature is
//! the fixed-size `r || s` (IEEE P1363), never DER.
//!
//! The proof names no curve: a 64-byte signature is P-256's, a 96-byte one
//! P-384's, and the key must then be on that curve (a P-384 key with a
//! SHA-256-hashed proof does not verify).
//!
//! [VC-DI-ECDSA §3.2]: https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-rdfc-2019

use super::data_integrity::Canonicalization;
use crate::canon::HashAlgorithm;

/// How the suite canonicalises ([VC-DI-ECDSA §3.2.3 Transformation](https://www.w3.org/TR/vc-di-ecdsa/#transformation-ecdsa-rdfc-2019)).
pub const CANONICALIZATION: Canonicalization = Canonicalization::Rdfc;

/// The `r || s` lengths of P-256 and P-384 signatures.
pub const SIGNATURE_LENGTHS: [usize; 2] = [64, 96];

/// The hash a signature of this length goes with ([VC-DI-ECDSA §3.2.4 Hashing](https://www.w3.org/TR/vc-di-ecdsa/#hashing-ecdsa-rdfc-2019)):
/// SHA-384 for P-384's 96 bytes, SHA-256 otherwise.
pub fn hash_for(signature: &[u8]) -> HashAlgorithm {
    match signature.len() {
        96 => HashAlgorithm::Sha384,
        _ => HashAlgorithm::Sha256,
    }
}
