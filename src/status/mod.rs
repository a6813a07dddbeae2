//! Status methods: how a credential says where its revocation or suspension
//! state is published, and how that state is read.

pub mod bitstring;
pub mod entry;

pub use entry::{StatusEntry, StatusMethod};
