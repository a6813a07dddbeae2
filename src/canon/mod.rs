//! Canonicalisation: RDFC-1.0 with a work limit, and JCS (RFC 8785).
//!
//! - [`rdfc10()`]: RDF quads to canonical N-Quads ([RDFC-1.0]), with a cap on
//!   the "hash N-degree quads" calls that poisoned graphs would multiply.
//! - [`jcs()`]: a JSON value to its canonical text ([RFC 8785]).
//!
//! [RDFC-1.0]: https://www.w3.org/TR/rdf-canon/
//! [RFC 8785]: https://www.rfc-editor.org/rfc/rfc8785

mod error;
mod jcs;
mod rdfc10;

pub use error::CanonError;
pub use jcs::jcs;
pub use rdfc10::{rdfc10, HashAlgorithm};
