//! Baked badges: a credential carried inside an image.
//!
//! [OB 3.0 §5.3 Baked Badges](https://www.imsglobal.org/spec/ob/v3p0/#baked-badge):
//! a PNG `iTXt` chunk with keyword `openbadgecredential` (CLR 2.0:
//! `clrcredential`), or an SVG `<openbadges:credential>` element, holding the
//! credential as JSON or as a compact JWS. Open Badges 2.0 used the keyword
//! and element `openbadges` / `<openbadges:assertion>`; those are recognised
//! and reported as the older format.

mod png;
mod svg;

pub use png::unbake_png;
pub use svg::unbake_svg;

/// Which baking convention the payload came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baking {
    /// Open Badges 3.0 (`openbadgecredential`, namespace `…/ob/v3p0`).
    OpenBadges3,
    /// CLR 2.0 (`clrcredential`, namespace `…/clr/v2p0`).
    Clr2,
    /// Open Badges 2.0 (`openbadges`, namespace `http://openbadges.org`).
    OpenBadges2,
}

/// The text baked into an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unbaked {
    /// The convention it was baked with.
    pub baking: Baking,
    /// The payload: JSON text, a compact JWS, or (OB 2.0) a URL.
    pub payload: String,
}

/// Why nothing could be taken out of an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnbakeError {
    /// The image holds no baked credential.
    NotBaked,
    /// The image is cut short or its structure is broken.
    Corrupt {
        /// What is wrong, lower-case.
        detail: String,
    },
}

impl std::fmt::Display for UnbakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotBaked => f.write_str("the image holds no baked credential"),
            Self::Corrupt { detail } => write!(f, "the image is damaged: {detail}"),
        }
    }
}

fn corrupt(detail: impl Into<String>) -> UnbakeError {
    UnbakeError::Corrupt {
        detail: detail.into(),
    }
}
