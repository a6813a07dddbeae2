//! The `eddsa-rdfc-2022` cryptosuite ([VC-DI-EdDSA §3.2]): JSON-LD and
//! RDFC-1.0, SHA-256, signed with Ed25519. The legacy name `eddsa-2022`
//! (2023 drafts) denotes the same algorithm.
//!
//! [VC-DI-EdDSA §3.2]: https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022

use super::data_integrity::Canonicalization;
use crate::canon::HashAlgorithm;

/// How the suite canonicalises ([VC-DI-EdDSA §3.2.3 Transformation](https://www.w3.org/TR/vc-di-eddsa/#transformation-eddsa-rdfc-2022)).
pub const CANONICALIZATION: Canonicalization = Canonicalization::Rdfc;

/// The hash of both canonical forms ([VC-DI-EdDSA §3.2.4 Hashing](https://www.w3.org/TR/vc-di-eddsa/#hashing-eddsa-rdfc-2022)).
pub const HASH: HashAlgorithm = HashAlgorithm::Sha256;
