//! Why a canonical form could not be produced.

use std::fmt;

/// Why canonicalisation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CanonError {
    /// RDFC-1.0 needed more "hash N-degree quads" calls than allowed: the
    /// graph is built to exhaust the verifier ([RDFC-1.0 §7.1 Dataset
    /// Poisoning](https://www.w3.org/TR/rdf-canon/#dataset-poisoning)).
    TooComplex {
        /// The call limit in force.
        limit: usize,
    },
    /// The RDFC-1.0 implementation reported an inconsistency in its own
    /// state; no well-formed input should cause this.
    Inconsistent {
        /// What the implementation reported.
        detail: String,
    },
    /// A JSON number cannot be represented exactly as an IEEE 754 double,
    /// which JCS requires ([RFC 8785 §3.2.2.3](https://www.rfc-editor.org/rfc/rfc8785#section-3.2.2.3)).
    NumberOutOfRange {
        /// The number as parsed.
        number: String,
    },
}

impl fmt::Display for CanonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooComplex { limit } => write!(
                f,
                "the rdf graph is too complex to canonicalise (more than {limit} hash n-degree quads calls)"
            ),
            Self::Inconsistent { detail } => write!(f, "rdf canonicalisation failed: {detail}"),
            Self::NumberOutOfRange { number } => {
                write!(f, "the number {number} cannot be represented exactly for jcs")
            }
        }
    }
}

impl std::error::Error for CanonError {}
