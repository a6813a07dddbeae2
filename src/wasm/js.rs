//! Small readings of JavaScript values shared by the glue.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The function stored under `name` on `value`, when there is one.
pub(crate) fn method(value: &JsValue, name: &str) -> Option<Function> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// The message of a thrown value (its `message`, or the value as text),
/// followed by the message of its `cause` when it has one.
pub(crate) fn message(error: &JsValue) -> String {
    let field = |value: &JsValue, name: &str| Reflect::get(value, &name.into()).ok();
    let text = |value: &JsValue| match field(value, "message").and_then(|m| m.as_string()) {
        Some(message) => message,
        None => String::from(Array::of1(value).join("")),
    };

    let cause = field(error, "cause").filter(|cause| !cause.is_undefined());
    match cause {
        Some(cause) => format!("{}: {}", text(error), text(&cause)),
        None => text(error),
    }
}
