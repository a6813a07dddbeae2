//! JSON-LD to RDF with bundled contexts only and "safe mode".
//!
//! - [`contexts`]: the bundled contexts, compiled in; nothing is fetched.
//! - [`to_rdf()`]: a JSON-LD document to RDF quads, failing with a
//!   [`JsonLdError`] that names an unknown context, an undefined term or a
//!   relative IRI instead of silently dropping it.
//!
//! The processor is written after the JSON-LD 1.1 API, one file per
//! algorithm: [Context Processing] (`context_processing`,
//! `term_definition`, `active_context`), [IRI Expansion]
//! (`iri_expansion`), [Expansion] (`expansion`, `map_expansion`,
//! `value_expansion`) and [Deserialize JSON-LD to RDF] (`rdf`). Processed
//! contexts are shared and cached for the life of the module (`processor`).
//!
//! [Context Processing]: https://www.w3.org/TR/json-ld11-api/#context-processing-algorithms
//! [IRI Expansion]: https://www.w3.org/TR/json-ld11-api/#iri-expansion
//! [Expansion]: https://www.w3.org/TR/json-ld11-api/#expansion-algorithm
//! [Deserialize JSON-LD to RDF]: https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm

mod active_context;
mod context_processing;
pub mod contexts;
mod error;
mod expansion;
mod iri_expansion;
mod map_expansion;
mod processor;
mod rdf;
pub mod safe_mode;
mod term_definition;
mod to_rdf;
mod value_expansion;

pub use error::JsonLdError;
#[doc(hidden)]
pub use to_rdf::to_rdf_unsafe;
pub use to_rdf::{to_rdf, JsonLdOptions};
