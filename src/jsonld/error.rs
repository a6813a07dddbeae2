//! Why a document could not be turned into RDF.

use std::fmt;

/// Why JSON-LD processing of a document failed.
///
/// Every variant that is about the document names the culprit, so that a
/// report can say which term, IRI or context is at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonLdError {
    /// The document is not a JSON object with an `@context`.
    MissingContext,
    /// The document names a context that is neither bundled nor supplied by
    /// the caller; nothing is ever fetched.
    UnknownContext {
        /// The context URL, as the document resolves it.
        url: String,
    },
    /// A caller-supplied context is not a JSON object with an `@context`.
    InvalidContext {
        /// The context URL.
        url: String,
        /// What is wrong with it.
        detail: String,
    },
    /// A property or type is not defined by any context in force, so JSON-LD
    /// would silently drop it and it would not be signed ("safe mode").
    UndefinedTerm {
        /// The term as written in the document.
        term: String,
    },
    /// An `@id` or `@type` value is a relative IRI reference; with no base
    /// it would be dropped and not be signed ("safe mode").
    RelativeIri {
        /// The reference as written (or as far as it can be recovered).
        iri: String,
    },
    /// A value used as an IRI (or blank node label) is not a valid one, so
    /// JSON-LD would drop the statement that holds it ("safe mode").
    InvalidIri {
        /// The value as expanded.
        iri: String,
    },
    /// A language tag is not valid BCP 47, so JSON-LD would drop the string
    /// that carries it ("safe mode").
    InvalidLanguageTag {
        /// The tag as written.
        tag: String,
    },
    /// The document is not valid JSON-LD.
    Syntax {
        /// The processor's description of the problem.
        detail: String,
    },
    /// The document expands to more quads than the limit allows.
    TooManyQuads {
        /// The limit in force.
        limit: usize,
    },
}

impl fmt::Display for JsonLdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingContext => write!(f, "the document has no @context"),
            Self::UnknownContext { url } => write!(f, "unknown json-ld context {url}"),
            Self::InvalidContext { url, detail } => {
                write!(f, "the json-ld context {url} is not valid: {detail}")
            }
            Self::UndefinedTerm { term } => {
                write!(
                    f,
                    "the term \"{term}\" is not defined by any context in force"
                )
            }
            Self::RelativeIri { iri } => write!(f, "the relative iri \"{iri}\" has no base"),
            Self::InvalidIri { iri } => write!(f, "\"{iri}\" is not a valid iri"),
            Self::InvalidLanguageTag { tag } => write!(f, "\"{tag}\" is not a valid language tag"),
            Self::Syntax { detail } => write!(f, "invalid json-ld: {detail}"),
            Self::TooManyQuads { limit } => {
                write!(f, "the document expands to more than {limit} rdf quads")
            }
        }
    }
}

impl std::error::Error for JsonLdError {}
