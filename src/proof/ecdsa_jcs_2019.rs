//! The `ecdsa-jcs-2019` cryptosuite ([VC-DI-ECDSA §3.3]): JCS of the JSON
//! instead of JSON-LD and RDFC-1.0; curves, hashes and signature format as
//! in [`ecdsa-rdfc-2019`](super::ecdsa_rdfc_2019).
//!
//! [VC-DI-ECDSA §3.3]: https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-jcs-2019

use super::data_integrity::Canonicalization;

/// How the suite canonicalises ([VC-DI-ECDSA §3.3.3 Transformation](https://www.w3.org/TR/vc-di-ecdsa/#transformation-ecdsa-jcs-2019)).
pub const CANONICALIZATION: Canonicalization = Canonicalization::Jcs;
