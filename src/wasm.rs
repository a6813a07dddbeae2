//! The JavaScript API, for browsers and Node: `verify(input, options)`.
//!
//! Glue only. It turns JavaScript values into the core's
//! [`Input`](crate::Input) and [`VerifyOptions`](crate::VerifyOptions), lends the core a [`JsFetch`],
//! and hands the [`Report`](crate::Report) back as a plain object. A record
//! that fails verification resolves normally; only misuse (an input or
//! option of the wrong kind) rejects, with a `TypeError`.

mod fetch;
mod input;
mod js;
mod options;
mod usage;

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

use fetch::JsFetch;
use usage::UsageError;

/// Verifies a credential and resolves to its report (see `index.d.ts`).
///
/// Rejects with a `TypeError` only when `input` or `options` is of a kind
/// the API does not take; a bad record is a report, never a rejection.
#[wasm_bindgen]
pub async fn verify(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options::read(&options).map_err(UsageError::into_js)?;
    let bytes = input::read(&input).await.map_err(UsageError::into_js)?;

    let fetch = JsFetch::new(options.fetch);
    let report = crate::verify(crate::Input::Bytes(&bytes), &options.verify, &fetch).await;

    report
        .serialize(&Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// The version of this build, as in `Cargo.toml`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
