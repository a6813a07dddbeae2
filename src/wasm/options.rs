//! Turns the JavaScript `options` object into [`VerifyOptions`].
//!
//! Every key is checked: an option this version does not know is an error,
//! because silently ignoring (say) a misspelt `offline` would contact
//! servers the caller meant to keep out of it.

use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Date, Function, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use super::usage::UsageError;
use crate::{ExpectedRecipient, Limits, Progress, TrustList, VerifyOptions};

/// The options of one call: what the core takes, plus the fetch function.
pub(crate) struct JsOptions {
    /// The options the core takes.
    pub verify: VerifyOptions,
    /// The function that fetches documents; `None` when there is none.
    pub fetch: Option<Function>,
}

/// Reads `options` (`undefined` and `null` mean all defaults).
pub(crate) fn read(options: &JsValue) -> Result<JsOptions, UsageError> {
    let mut read = JsOptions {
        verify: VerifyOptions::default(),
        fetch: global_fetch(),
    };
    if options.is_null() || options.is_undefined() {
        return Ok(read);
    }
    if !options.is_object() || options.is_function() {
        return Err(UsageError::Options);
    }

    for (name, value) in entries(options) {
        if !value.is_undefined() {
            read.set(&name, value)?;
        }
    }
    Ok(read)
}

impl JsOptions {
    fn set(&mut self, name: &str, value: JsValue) -> Result<(), UsageError> {
        match name {
            "now" => self.verify.now = Some(now(&value)?),
            "offline" => self.verify.offline = boolean(name, &value)?,
            "fetch" => self.fetch = Some(function(name, value)?),
            "contexts" => self.verify.contexts = contexts(&value)?,
            "limits" => self.verify.limits = limits(&value)?,
            "expectedRecipient" => self.verify.expected_recipient = Some(recipient(&value)?),
            "trustedIssuers" => self.verify.trusted_issuers = Some(trusted(&value)?),
            "challenge" => self.verify.challenge = Some(text(name, &value)?),
            "domain" => self.verify.domain = Some(text(name, &value)?),
            "includeDocument" => self.verify.include_document = boolean(name, &value)?,
            "onProgress" => self.verify.progress = Some(progress(callback(name, value)?)),
            _ => {
                return Err(UsageError::UnknownOption {
                    name: name.to_owned(),
                })
            }
        }
        Ok(())
    }
}

fn now(value: &JsValue) -> Result<i64, UsageError> {
    let milliseconds = if let Some(date) = value.dyn_ref::<Date>() {
        date.get_time()
    } else if let Some(text) = value.as_string() {
        Date::parse(&text)
    } else {
        value.as_f64().ok_or(UsageError::Now)?
    };

    if !milliseconds.is_finite() {
        return Err(UsageError::Now);
    }
    Ok(seconds(milliseconds))
}

fn seconds(milliseconds: f64) -> i64 {
    (milliseconds / 1000.0).floor() as i64
}

fn boolean(name: &str, value: &JsValue) -> Result<bool, UsageError> {
    value
        .as_bool()
        .ok_or_else(|| wrong_type(name, "true or false"))
}

fn text(name: &str, value: &JsValue) -> Result<String, UsageError> {
    value
        .as_string()
        .ok_or_else(|| wrong_type(name, "a string"))
}

fn function(name: &str, value: JsValue) -> Result<Function, UsageError> {
    value
        .dyn_into::<Function>()
        .map_err(|_| wrong_type(name, "a function like fetch"))
}

/// Calls `function({done, total})`; what it throws or returns is ignored,
/// as a progress display must not change the verification.
fn progress(function: Function) -> Progress {
    Progress(Rc::new(move |done, total| {
        let counts = Object::new();
        let _ = Reflect::set(&counts, &"done".into(), &(done as f64).into());
        let _ = Reflect::set(&counts, &"total".into(), &(total as f64).into());
        let _ = function.call1(&JsValue::NULL, &counts);
    }))
}

fn callback(name: &str, value: JsValue) -> Result<Function, UsageError> {
    value
        .dyn_into::<Function>()
        .map_err(|_| wrong_type(name, "a function"))
}

fn contexts(value: &JsValue) -> Result<HashMap<String, String>, UsageError> {
    let expected = "an object mapping URLs to context documents (objects or JSON text)";
    if !value.is_object() {
        return Err(wrong_type("contexts", expected));
    }

    let mut contexts = HashMap::new();
    for (url, document) in entries(value) {
        let text = match document.as_string() {
            Some(text) => text,
            None if document.is_object() => JSON::stringify(&document)
                .map(String::from)
                .map_err(|_| wrong_type("contexts", expected))?,
            None => return Err(wrong_type("contexts", expected)),
        };
        contexts.insert(url, text);
    }
    Ok(contexts)
}

/// A string (the identity; its type inferred) or `{identity, type}`.
fn recipient(value: &JsValue) -> Result<ExpectedRecipient, UsageError> {
    let expected = "a string or {identity, type?}";
    if let Some(identity) = value.as_string() {
        return Ok(ExpectedRecipient {
            value: identity,
            identity_type: None,
        });
    }
    if !value.is_object() {
        return Err(wrong_type("expectedRecipient", expected));
    }
    let field = |name: &str| {
        Reflect::get(value, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let identity = field("identity").ok_or_else(|| wrong_type("expectedRecipient", expected))?;
    Ok(ExpectedRecipient {
        value: identity,
        identity_type: field("type"),
    })
}

/// A list as DESIGN.md describes it: an array, `{issuers}`, a DCC
/// `{registry}`, or the same as JSON text.
fn trusted(value: &JsValue) -> Result<TrustList, UsageError> {
    let text = match value.as_string() {
        Some(text) => text,
        None if value.is_object() => JSON::stringify(value)
            .map(String::from)
            .map_err(|_| wrong_type("trustedIssuers", "a list of issuers"))?,
        None => return Err(wrong_type("trustedIssuers", "a list of issuers")),
    };
    TrustList::parse(&text).map_err(|error| UsageError::TrustList {
        detail: error.reason,
    })
}

fn limits(value: &JsValue) -> Result<Limits, UsageError> {
    if !value.is_object() {
        return Err(wrong_type("limits", "an object"));
    }

    let mut limits = Limits::default();
    for (name, value) in entries(value) {
        let slot = match name.as_str() {
            "maxInputBytes" => &mut limits.max_input_bytes,
            "maxDepth" => &mut limits.max_depth,
            "maxCredentials" => &mut limits.max_credentials,
            "maxQuads" => &mut limits.max_quads,
            "maxCanonCalls" => &mut limits.max_canon_calls,
            "maxProofs" => &mut limits.max_proofs,
            "maxContexts" => &mut limits.max_contexts,
            _ => {
                return Err(UsageError::Limits {
                    detail: format!("unknown limit `{name}`"),
                })
            }
        };
        *slot = positive(&name, &value)?;
    }
    Ok(limits)
}

fn positive(name: &str, value: &JsValue) -> Result<usize, UsageError> {
    let whole = |number: &f64| number.fract() == 0.0 && (1.0..=u32::MAX as f64).contains(number);
    match value.as_f64().filter(whole) {
        Some(number) => Ok(number as usize),
        None => Err(UsageError::Limits {
            detail: format!("`{name}` must be a whole number from 1"),
        }),
    }
}

/// The own enumerable properties of an object, as (name, value) pairs.
fn entries(object: &JsValue) -> impl Iterator<Item = (String, JsValue)> {
    let pairs = Object::entries(object.unchecked_ref());
    pairs.into_iter().map(|pair| {
        let pair: Array = pair.unchecked_into();
        (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
    })
}

fn global_fetch() -> Option<Function> {
    let fetch = Reflect::get(&js_sys::global(), &"fetch".into()).ok()?;
    fetch.dyn_into::<Function>().ok()
}

fn wrong_type(name: &str, expected: &'static str) -> UsageError {
    UsageError::OptionType {
        name: name.to_owned(),
        expected,
    }
}
