//! [`Fetch`] through a JavaScript function shaped like `fetch`.
//!
//! The function is called as `fetch(url)` with `globalThis` as `this` (the
//! browser's own `fetch` insists on it). It may resolve to a `Response`, to
//! anything with `status`, `headers` and `arrayBuffer()`, or to `null` to
//! say that no document is known at that address.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::js::{message, method};
use crate::{Fetch, FetchError, Fetched};

/// Fetches through a JavaScript function; without one, every fetch fails.
pub(crate) struct JsFetch {
    function: Option<Function>,
}

impl JsFetch {
    /// A fetcher calling `function`.
    pub(crate) fn new(function: Option<Function>) -> Self {
        Self { function }
    }
}

impl Fetch for JsFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let Some(function) = &self.function else {
            return Err(network("this environment has no fetch function"));
        };

        let called = settle(function.call1(&js_sys::global(), &url.into())).await;
        let response = called.map_err(|error| with_plain_http_hint(error, url))?;
        if response.is_null() || response.is_undefined() {
            return Err(FetchError::NotFound);
        }

        check_status(&response)?;
        let body = body(&response).await?;
        Ok(Fetched {
            body,
            content_type: content_type(&response),
        })
    }
}

async fn settle(called: Result<JsValue, JsValue>) -> Result<JsValue, FetchError> {
    let promise = called.map_err(|error| network(&message(&error)))?;
    let settled = JsFuture::from(Promise::resolve(&promise)).await;
    settled.map_err(|error| network(&message(&error)))
}

fn check_status(response: &JsValue) -> Result<(), FetchError> {
    let status = Reflect::get(response, &"status".into())
        .ok()
        .and_then(|s| s.as_f64());
    match status {
        Some(code) if (200.0..300.0).contains(&code) => Ok(()),
        Some(0.0) => Err(network("the response is opaque (no CORS permission)")),
        Some(code) if (100.0..600.0).contains(&code) => {
            Err(FetchError::Status { code: code as u16 })
        }
        _ => Err(network("the fetch function did not return a response")),
    }
}

async fn body(response: &JsValue) -> Result<Vec<u8>, FetchError> {
    let Some(array_buffer) = method(response, "arrayBuffer") else {
        return Err(network("the response has no arrayBuffer() method"));
    };

    let buffer = settle(array_buffer.call0(response)).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn content_type(response: &JsValue) -> Option<String> {
    let headers = Reflect::get(response, &"headers".into()).ok()?;
    let get = method(&headers, "get")?;
    get.call1(&headers, &"content-type".into())
        .ok()?
        .as_string()
}

/// A failed plain-http fetch is often the page's own security policy at
/// work (pages served over https, or with `connect-src https:`), not the
/// server's: say so.
fn with_plain_http_hint(error: FetchError, url: &str) -> FetchError {
    match error {
        FetchError::Network { detail } if url.starts_with("http://") => FetchError::Network {
            detail: format!(
                "{detail}; this is a plain http address, which pages served over https or with a strict security policy may not contact, so ask for an https link"
            ),
        },
        other => other,
    }
}

fn network(detail: &str) -> FetchError {
    FetchError::Network {
        detail: detail.to_owned(),
    }
}
