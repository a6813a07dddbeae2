//! JSON-LD to RDF with bundled contexts only and "safe mode".
//!
//! - [`contexts`]: the bundled contexts, compiled in; nothing is fetched.
//! - [`to_rdf()`]: a JSON-LD document to RDF quads, failing with a
//!   [`JsonLdError`] that names an unknown context, an undefined term or a
//!   relative IRI instead of silently dropping it.

pub mod contexts;
mod error;
mod loader;
pub mod safe_mode;
mod to_rdf;

pub use error::JsonLdError;
pub use to_rdf::{to_rdf, JsonLdOptions};
