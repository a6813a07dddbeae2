//! [Context Processing] (JSON-LD 1.1 API §4.1), with each application of a
//! context to an active context cached (see [`super::processor`]).
//!
//! [Context Processing]: https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm

use std::rc::Rc;

use serde_json::{Map, Value};

use super::active_context::{fresh_id, ActiveContext, Direction};
use super::error::JsonLdError;
use super::iri_expansion::{is_absolute_iri, is_iri_or_blank_node, resolve, VOCAB_THEN_DOCUMENT};
use super::processor::{invalid, CacheKey, ContextKey, Processor, MAX_DEPTH};
use super::term_definition::TermBuilder;

/// Most remote contexts one context may load, directly or not.
const MAX_REMOTE_CONTEXTS: usize = 32;

/// The flags context processing is called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// Whether protected terms may be redefined (property-scoped contexts).
    pub override_protected: bool,
    /// Whether the context applies to nested nodes too.
    pub propagate: bool,
}

/// A context written in a document or loaded from a URL.
pub const PLAIN: Flags = Flags {
    override_protected: false,
    propagate: true,
};

/// A property-scoped context.
pub const PROPERTY_SCOPED: Flags = Flags {
    override_protected: true,
    propagate: true,
};

/// A type-scoped context.
pub const TYPE_SCOPED: Flags = Flags {
    override_protected: false,
    propagate: false,
};

/// Where a context being processed comes from.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The URL relative context URLs resolve against.
    pub base_url: Option<&'a Rc<str>>,
    /// The remote contexts loaded on the way here (none for a document's).
    pub remote: &'a [String],
    /// How deeply contexts are nested here.
    pub depth: usize,
}

impl Processor<'_> {
    /// `local` applied to `active` ([§4.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm)),
    /// from the cache when it was applied to `active` before.
    ///
    /// Fails with [`JsonLdError::UnknownContext`] or
    /// [`JsonLdError::InvalidContext`] for a context that cannot be served,
    /// and [`JsonLdError::Syntax`] for an invalid context.
    pub fn apply_context(
        &self,
        active: &Rc<ActiveContext>,
        local: &Value,
        key: ContextKey,
        flags: Flags,
        origin: Origin<'_>,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        let propagate = match local.get("@propagate") {
            None => flags.propagate,
            Some(Value::Bool(propagate)) => *propagate,
            Some(_) => return Err(invalid("invalid @propagate value", "not a boolean")),
        };
        let flags = Flags { propagate, ..flags };
        let key = CacheKey {
            parent: active.id,
            context: key,
            override_protected: flags.override_protected,
            propagate,
        };

        if let Some(cached) = self.cached(&key) {
            return Ok(cached);
        }
        let result = self.process_context(active, local, flags, origin)?;
        self.remember(key, result.clone());
        Ok(result)
    }

    fn process_context(
        &self,
        active: &Rc<ActiveContext>,
        local: &Value,
        flags: Flags,
        origin: Origin<'_>,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        if origin.depth > MAX_DEPTH {
            return Err(invalid("context overflow", "contexts nested too deeply"));
        }

        // Step 3: a non-propagated context remembers what to revert to.
        let mut result = active.clone();
        if !flags.propagate && result.previous.is_none() {
            let mut derived = result.derive();
            derived.previous = Some(active.clone());
            result = Rc::new(derived);
        }

        let entries = match local {
            Value::Array(entries) => entries.as_slice(),
            single => std::slice::from_ref(single),
        };
        for entry in entries {
            result = match entry {
                Value::Null => reset(active, &result, flags)?,
                Value::String(url) => self.remote_context(&result, url, origin)?,
                Value::Object(context) => {
                    Rc::new(self.process_object(result, context, flags, origin)?)
                }
                _ => {
                    return Err(invalid(
                        "invalid local context",
                        "not an object, string or null",
                    ))
                }
            };
        }
        Ok(result)
    }

    /// Step 5.2: a context loaded from a URL.
    fn remote_context(
        &self,
        result: &Rc<ActiveContext>,
        url: &str,
        origin: Origin<'_>,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        let url = match origin.base_url {
            Some(base) => resolve(base, url),
            None => url.to_owned(),
        };
        if origin.remote.len() >= MAX_REMOTE_CONTEXTS || origin.remote.contains(&url) {
            return Err(invalid("context overflow", &url));
        }

        let loaded = self.load_context(&url)?;
        let mut remote = origin.remote.to_vec();
        remote.push(url.clone());
        let base_url: Rc<str> = Rc::from(url.as_str());
        let inner = Origin {
            base_url: Some(&base_url),
            remote: &remote,
            depth: origin.depth + 1,
        };
        self.apply_context(result, &loaded, ContextKey::Url(url), PLAIN, inner)
    }

    /// Steps 5.4–5.13: a context object.
    fn process_object(
        &self,
        result: Rc<ActiveContext>,
        context: &Map<String, Value>,
        flags: Flags,
        origin: Origin<'_>,
    ) -> Result<ActiveContext, JsonLdError> {
        check_version(context)?;
        let imported = self.import(context, origin)?;
        let context = imported.as_ref().unwrap_or(context);

        // A context built by the previous entry is not shared yet: build on.
        let mut next = match Rc::try_unwrap(result) {
            Ok(mut owned) => {
                owned.id = fresh_id();
                owned
            }
            Err(shared) => shared.derive(),
        };
        if origin.remote.is_empty() {
            set_base(&mut next, context.get("@base"))?;
        }
        set_vocab(&mut next, context.get("@vocab"))?;
        set_language(&mut next, context.get("@language"))?;
        set_direction(&mut next, context.get("@direction"))?;

        let protected = match context.get("@protected") {
            None => false,
            Some(Value::Bool(protected)) => *protected,
            Some(_) => return Err(invalid("invalid @protected value", "not a boolean")),
        };
        let mut builder = TermBuilder::new(context, protected, flags.override_protected, origin);
        for term in context.keys() {
            if !CONTEXT_ENTRIES.contains(&term.as_str()) {
                builder.define(&mut next, term)?;
            }
        }
        Ok(next)
    }

    /// Step 5.6: `@import`, merged under the context's own entries.
    fn import(
        &self,
        context: &Map<String, Value>,
        origin: Origin<'_>,
    ) -> Result<Option<Map<String, Value>>, JsonLdError> {
        let Some(import) = context.get("@import") else {
            return Ok(None);
        };
        let Value::String(url) = import else {
            return Err(invalid("invalid @import value", "not a string"));
        };

        let url = match origin.base_url {
            Some(base) => resolve(base, url),
            None => url.clone(),
        };
        let loaded = self.load_context(&url)?;
        let Value::Object(imported) = loaded.as_ref() else {
            return Err(invalid("invalid remote context", &url));
        };
        if imported.contains_key("@import") {
            return Err(invalid(
                "invalid context entry",
                "an imported context imports",
            ));
        }
        let mut merged = imported.clone();
        for (key, value) in context {
            if key != "@import" {
                merged.insert(key.clone(), value.clone());
            }
        }
        Ok(Some(merged))
    }
}

/// The entries of a context object that are not term definitions.
const CONTEXT_ENTRIES: &[&str] = &[
    "@base",
    "@direction",
    "@import",
    "@language",
    "@propagate",
    "@protected",
    "@version",
    "@vocab",
];

/// Step 5.1: a `null` context.
fn reset(
    active: &ActiveContext,
    result: &Rc<ActiveContext>,
    flags: Flags,
) -> Result<Rc<ActiveContext>, JsonLdError> {
    if !flags.override_protected && result.has_protected_terms() {
        return Err(invalid("invalid context nullification", "protected terms"));
    }
    let mut fresh = ActiveContext::initial(active.original_base.clone());
    if !flags.propagate {
        fresh.previous = result.previous.clone();
    }
    Ok(Rc::new(fresh))
}

fn check_version(context: &Map<String, Value>) -> Result<(), JsonLdError> {
    match context.get("@version") {
        None => Ok(()),
        Some(Value::Number(version)) if version.as_f64() == Some(1.1) => Ok(()),
        Some(_) => Err(invalid("invalid @version value", "not 1.1")),
    }
}

/// Step 5.7.
fn set_base(next: &mut ActiveContext, value: Option<&Value>) -> Result<(), JsonLdError> {
    match value {
        None => {}
        Some(Value::Null) => next.base = None,
        Some(Value::String(base)) if is_absolute_iri(base) => {
            next.base = Some(Rc::from(base.as_str()))
        }
        Some(Value::String(relative)) => {
            let Some(current) = &next.base else {
                return Err(invalid("invalid base IRI", relative));
            };
            next.base = Some(Rc::from(resolve(current, relative)));
        }
        Some(_) => return Err(invalid("invalid base IRI", "not a string")),
    }
    Ok(())
}

/// Step 5.8.
fn set_vocab(next: &mut ActiveContext, value: Option<&Value>) -> Result<(), JsonLdError> {
    match value {
        None => {}
        Some(Value::Null) => next.vocab = None,
        Some(Value::String(vocab)) => {
            let expanded = super::iri_expansion::expand_iri(next, vocab, VOCAB_THEN_DOCUMENT)
                .filter(|expanded| is_iri_or_blank_node(expanded))
                .ok_or_else(|| invalid("invalid vocab mapping", vocab))?;
            next.vocab = Some(expanded);
        }
        Some(_) => return Err(invalid("invalid vocab mapping", "not a string")),
    }
    Ok(())
}

/// Step 5.9.
fn set_language(next: &mut ActiveContext, value: Option<&Value>) -> Result<(), JsonLdError> {
    match value {
        None => {}
        Some(Value::Null) => next.language = None,
        Some(Value::String(language)) => next.language = Some(language.to_ascii_lowercase()),
        Some(_) => return Err(invalid("invalid default language", "not a string")),
    }
    Ok(())
}

/// Step 5.10.
fn set_direction(next: &mut ActiveContext, value: Option<&Value>) -> Result<(), JsonLdError> {
    match value {
        None => {}
        Some(Value::Null) => next.direction = None,
        Some(Value::String(direction)) => {
            next.direction = Some(
                Direction::parse(direction)
                    .ok_or_else(|| invalid("invalid base direction", direction))?,
            );
        }
        Some(_) => return Err(invalid("invalid base direction", "not a string")),
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use std::collections::HashMap;

    use serde_json::json;

    use super::*;

    fn origin() -> Origin<'static> {
        Origin {
            base_url: None,
            remote: &[],
            depth: 0,
        }
    }

    fn apply(
        processor: &Processor<'_>,
        active: &Rc<ActiveContext>,
        url: &str,
    ) -> Rc<ActiveContext> {
        let local = json!(url);
        let key = ContextKey::Text(local.to_string());
        processor
            .apply_context(active, &local, key, PLAIN, origin())
            .unwrap()
    }

    #[test]
    fn an_application_is_processed_once_per_module() {
        let extra = HashMap::new();
        let first = Processor::new(true, &extra);
        let initial = first.initial_context(Some("x-test:/"));
        let v2 = apply(&first, &initial, "https://www.w3.org/ns/credentials/v2");

        let second = Processor::new(true, &extra);
        let again = apply(
            &second,
            &second.initial_context(Some("x-test:/")),
            "https://www.w3.org/ns/credentials/v2",
        );
        assert!(Rc::ptr_eq(&v2, &again));
        assert!(v2.terms.contains_key("VerifiableCredential"));
    }

    #[test]
    fn the_cache_stays_bounded() {
        let extra = HashMap::new();
        let processor = Processor::new(false, &extra);
        let initial = processor.initial_context(None);
        for index in 0..2000 {
            let local = json!({ format!("t{index}"): "https://example.com/t" });
            let key = ContextKey::Text(local.to_string());
            processor
                .apply_context(&initial, &local, key, PLAIN, origin())
                .unwrap();
        }
        assert!(processor.cached_applications() <= crate::jsonld::processor::MAX_ENTRIES);
    }
}
