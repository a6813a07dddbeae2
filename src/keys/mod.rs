//! Verification methods: decoding keys and finding the issuer's.

pub mod controller_document;
pub mod did_web;
pub mod error;
pub mod jwk;
pub mod multikey;
pub mod public_key;
pub mod resolve;
