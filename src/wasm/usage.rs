//! Misuse of the JavaScript API: the only reason `verify` rejects.

use std::fmt;

use wasm_bindgen::JsValue;

/// Why a call could not run: an argument is of a kind the API does not take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UsageError {
    /// The input is not text, bytes, a `Blob` or a JSON object.
    Input {
        /// The JavaScript type that was passed.
        kind: String,
    },
    /// The input object could not be written out as JSON.
    InputJson {
        /// What `JSON.stringify` or the `Blob` reported.
        detail: String,
    },
    /// `options` is given but is not an object.
    Options,
    /// An option this version does not know (it would be silently ignored).
    UnknownOption {
        /// The option's name.
        name: String,
    },
    /// An option has the wrong type.
    OptionType {
        /// The option's name.
        name: String,
        /// What it must be.
        expected: &'static str,
    },
    /// `now` does not name an instant.
    Now,
    /// `trustedIssuers` is not a list in a known shape.
    TrustList {
        /// What is wrong with it.
        detail: String,
    },
    /// `limits` has an unknown key or a value that is not a positive integer.
    Limits {
        /// What the conversion reported.
        detail: String,
    },
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input { kind } => write!(
                f,
                "input must be a string, Uint8Array, ArrayBuffer, Blob or JSON object, not {kind}"
            ),
            Self::InputJson { detail } => write!(f, "input could not be read: {detail}"),
            Self::Options => write!(f, "options must be an object"),
            Self::UnknownOption { name } => write!(f, "unknown option `{name}`"),
            Self::OptionType { name, expected } => write!(f, "option `{name}` must be {expected}"),
            Self::Now => write!(f, "option `now` is not a valid date"),
            Self::Limits { detail } => write!(f, "option `limits` is not valid: {detail}"),
            Self::TrustList { detail } => {
                write!(f, "option `trustedIssuers` is not valid: {detail}")
            }
        }
    }
}

impl UsageError {
    /// The JavaScript `TypeError` that carries this message.
    pub(crate) fn into_js(self) -> JsValue {
        js_sys::TypeError::new(&format!("cler-verifier: {self}")).into()
    }
}
