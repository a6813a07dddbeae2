//! Verification methods: decoding keys and finding the issuer's.

pub mod error;
pub mod multikey;
pub mod public_key;
