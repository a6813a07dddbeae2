//! The `eddsa-jcs-2022` cryptosuite ([VC-DI-EdDSA §3.3]): JCS of the JSON
//! instead of JSON-LD and RDFC-1.0, SHA-256, signed with Ed25519. The proof
//! configuration takes the document's `@context` as in every Data Integrity
//! suite, and `SHA-256(JCS(proof configuration)) || SHA-256(JCS(document))`
//! is signed.
//!
//! [VC-DI-EdDSA §3.3]: https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022

use super::data_integrity::Canonicalization;
use crate::canon::HashAlgorithm;

/// How the suite canonicalises ([VC-DI-EdDSA §3.3.3 Transformation](https://www.w3.org/TR/vc-di-eddsa/#transformation-eddsa-jcs-2022)).
pub const CANONICALIZATION: Canonicalization = Canonicalization::Jcs;

/// The hash of both canonical forms ([VC-DI-EdDSA §3.3.4 Hashing](https://www.w3.org/TR/vc-di-eddsa/#hashing-eddsa-jcs-2022)).
pub const HASH: HashAlgorithm = HashAlgorithm::Sha256;
