//! Turns the JavaScript `input` into the bytes the core reads.
//!
//! Text is taken as UTF-8; bytes (`Uint8Array`, any typed array or
//! `DataView`, `ArrayBuffer`, `Blob`) as they are; any other object as parsed
//! JSON, written back out with `JSON.stringify`. Every kind thus reaches the
//! core the way a file reaches the command-line tool.

use js_sys::{ArrayBuffer, Function, Promise, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js::{message, method};
use super::usage::UsageError;

/// Reads `value` as input bytes; fails when it is none of the accepted kinds.
pub(crate) async fn read(value: &JsValue) -> Result<Vec<u8>, UsageError> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if value.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(value) {
        return Ok(bytes(value));
    }
    if let Some(array_buffer) = method(value, "arrayBuffer") {
        return blob(value, &array_buffer).await;
    }
    if value.is_object() {
        return json(value).map(String::into_bytes);
    }

    let kind = match value.is_null() {
        true => "null".to_owned(),
        false => value.js_typeof().as_string().unwrap_or_default(),
    };
    Err(UsageError::Input { kind })
}

fn bytes(value: &JsValue) -> Vec<u8> {
    if value.is_instance_of::<ArrayBuffer>() {
        return Uint8Array::new(value).to_vec();
    }

    let field = |name: &str| Reflect::get(value, &name.into()).unwrap_or_default();
    let offset = field("byteOffset").as_f64().unwrap_or_default() as u32;
    let length = field("byteLength").as_f64().unwrap_or_default() as u32;
    let buffer = field("buffer");
    Uint8Array::new_with_byte_offset_and_length(&buffer, offset, length).to_vec()
}

async fn blob(value: &JsValue, array_buffer: &Function) -> Result<Vec<u8>, UsageError> {
    let failed = |error: JsValue| UsageError::InputJson {
        detail: message(&error),
    };

    let promise = array_buffer.call0(value).map_err(failed)?;
    let buffer = JsFuture::from(Promise::resolve(&promise))
        .await
        .map_err(failed)?;

    Ok(Uint8Array::new(&buffer).to_vec())
}

fn json(value: &JsValue) -> Result<String, UsageError> {
    let failed = |error: JsValue| UsageError::InputJson {
        detail: message(&error),
    };
    let text = JSON::stringify(value).map_err(failed)?;
    Ok(String::from(text))
}
