//! Proof suites: each turns a secured document into the bytes a key signed.
//!
//! The flow for one proof: [`proofs_of`] lists a document's proofs;
//! [`prepare`] identifies the suite of one, decodes its signature and
//! derives the signed bytes (JSON-LD in safe mode and RDFC-1.0, or JCS;
//! SHA-256, or SHA-384 for P-384);
//! once the caller has found the key named by
//! [`PreparedProof::verification_method`], [`verify_signature`] checks it.
//!
//! Suites: `eddsa-rdfc-2022` (and its legacy name `eddsa-2022`),
//! `eddsa-jcs-2022`, `ecdsa-rdfc-2019`, `ecdsa-jcs-2019` (P-256 and P-384)
//! and `Ed25519Signature2020`. `ecdsa-sd-2023` is not supported. Proof sets and `previousProof` chains follow
//! [VC Data Integrity](https://www.w3.org/TR/vc-data-integrity/#proof-sets).

pub mod data_integrity;
pub mod ecdsa_jcs_2019;
pub mod ecdsa_rdfc_2019;
pub mod ed25519_signature_2020;
pub mod eddsa_jcs_2022;
pub mod eddsa_rdfc_2022;
mod error;
mod prepare;
pub mod proof_set;
mod suite;

pub use error::ProofError;
pub use prepare::{prepare, verify_signature, PreparedProof};
pub use proof_set::proofs_of;
pub use suite::Suite;
