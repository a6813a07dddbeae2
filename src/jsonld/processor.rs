//! What one JSON-LD to RDF run works with: its mode, where contexts come
//! from, and the cache of processed contexts.
//!
//! Processed contexts are cached for the life of the module: applying a
//! context to an active context it was applied to before returns the same
//! shared result. A cache entry is keyed by the number of the parent active
//! context (never reused), the identity of the context (its URL, the number
//! of a scoped context, or the text of a context written in a document) and
//! the flags it was applied with. Contexts a caller supplies are cached for
//! one run only, as another run may supply other text under the same URL.
//! Caches are cleared past a fixed size, so hostile input cannot grow them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::active_context::ActiveContext;
use super::contexts;
use super::error::JsonLdError;

/// Most cached context applications (or parsed caller contexts) kept.
pub const MAX_ENTRIES: usize = 256;

/// Most nested context applications, loaded contexts and expansion levels.
pub const MAX_DEPTH: usize = 96;

/// The identity of a context value, for the cache.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub enum ContextKey {
    /// A scoped context of a term definition, by its number.
    Scoped(u64),
    /// A context loaded from a URL.
    Url(String),
    /// A context written in a document, by its JSON text.
    Text(String),
}

/// One application of a context, as cached.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct CacheKey {
    /// The number of the active context the context was applied to.
    pub parent: u64,
    /// The context applied.
    pub context: ContextKey,
    /// Whether protected terms could be overridden.
    pub override_protected: bool,
    /// Whether the context propagates to nested nodes.
    pub propagate: bool,
}

/// Processed contexts and initial contexts, by key.
#[derive(Debug, Default)]
pub struct ContextCache {
    applied: HashMap<CacheKey, Rc<ActiveContext>>,
    initial: HashMap<Option<String>, Rc<ActiveContext>>,
}

impl ContextCache {
    fn applied(&self, key: &CacheKey) -> Option<Rc<ActiveContext>> {
        self.applied.get(key).cloned()
    }

    fn store(&mut self, key: CacheKey, context: Rc<ActiveContext>) {
        if self.applied.len() >= MAX_ENTRIES {
            self.applied.clear();
        }
        self.applied.insert(key, context);
    }

    fn initial(&mut self, base: Option<&str>) -> Rc<ActiveContext> {
        let key = base.map(str::to_owned);
        if let Some(context) = self.initial.get(&key) {
            return context.clone();
        }
        if self.initial.len() >= MAX_ENTRIES {
            self.initial.clear();
        }
        let context = Rc::new(ActiveContext::initial(base.map(Rc::from)));
        self.initial.insert(key, context.clone());
        context
    }
}

thread_local! {
    static MODULE_CACHE: RefCell<ContextCache> = RefCell::default();
    static BUNDLED: RefCell<HashMap<&'static str, Rc<Value>>> = RefCell::default();
}

/// One JSON-LD to RDF run.
#[derive(Debug)]
pub struct Processor<'a> {
    /// Whether what JSON-LD would drop is an error instead.
    pub safe: bool,
    extra: &'a HashMap<String, String>,
    run_cache: Option<RefCell<ContextCache>>,
    caller_contexts: RefCell<HashMap<String, Rc<Value>>>,
}

impl<'a> Processor<'a> {
    /// A run with the caller's contexts (URL → document text).
    pub fn new(safe: bool, extra: &'a HashMap<String, String>) -> Self {
        let run_cache = (!extra.is_empty()).then(RefCell::default);
        Self {
            safe,
            extra,
            run_cache,
            caller_contexts: RefCell::default(),
        }
    }

    /// The shared initial active context for `base`.
    pub fn initial_context(&self, base: Option<&str>) -> Rc<ActiveContext> {
        self.with_cache(|cache| cache.initial(base))
    }

    /// The cached result of an application, if there is one.
    pub fn cached(&self, key: &CacheKey) -> Option<Rc<ActiveContext>> {
        self.with_cache(|cache| cache.applied(key))
    }

    /// Remembers the result of an application.
    pub fn remember(&self, key: CacheKey, context: Rc<ActiveContext>) {
        self.with_cache(|cache| cache.store(key, context));
    }

    /// How many applications the cache in use holds.
    #[cfg(test)]
    pub fn cached_applications(&self) -> usize {
        self.with_cache(|cache| cache.applied.len())
    }

    fn with_cache<R>(&self, action: impl FnOnce(&mut ContextCache) -> R) -> R {
        match &self.run_cache {
            Some(cache) => action(&mut cache.borrow_mut()),
            None => MODULE_CACHE.with(|cache| action(&mut cache.borrow_mut())),
        }
    }

    /// The `@context` value of the context document at `url`: the caller's
    /// first, then the bundled one; nothing is fetched.
    ///
    /// Fails with [`JsonLdError::InvalidContext`] for a caller's document
    /// that is not a JSON object with an `@context`, and
    /// [`JsonLdError::UnknownContext`] for any other URL.
    pub fn load_context(&self, url: &str) -> Result<Rc<Value>, JsonLdError> {
        if let Some(text) = self.extra.get(url) {
            return self.caller_context(url, text);
        }
        bundled_context(url)
    }

    fn caller_context(&self, url: &str, text: &str) -> Result<Rc<Value>, JsonLdError> {
        if let Some(context) = self.caller_contexts.borrow().get(url) {
            return Ok(context.clone());
        }
        let context = Rc::new(context_member(url, text)?);
        let mut parsed = self.caller_contexts.borrow_mut();
        if parsed.len() >= MAX_ENTRIES {
            parsed.clear();
        }
        parsed.insert(url.to_owned(), context.clone());
        Ok(context)
    }
}

/// A bundled context's `@context` value, parsed once per module.
fn bundled_context(url: &str) -> Result<Rc<Value>, JsonLdError> {
    let unknown = || JsonLdError::UnknownContext { url: url.into() };
    let (known, text) = contexts::bundled_entry(url).ok_or_else(unknown)?;

    if let Some(context) = BUNDLED.with(|parsed| parsed.borrow().get(known).cloned()) {
        return Ok(context);
    }
    let context = Rc::new(context_member(url, text)?);
    BUNDLED.with(|parsed| parsed.borrow_mut().insert(known, context.clone()));
    Ok(context)
}

/// The `@context` member of a context document.
fn context_member(url: &str, text: &str) -> Result<Value, JsonLdError> {
    let invalid = |detail: String| JsonLdError::InvalidContext {
        url: url.into(),
        detail,
    };

    let document: Value = serde_json::from_str(text).map_err(|error| invalid(error.to_string()))?;
    match document {
        Value::Object(mut members) => members
            .remove("@context")
            .ok_or_else(|| invalid("not a json object with an @context".into())),
        _ => Err(invalid("not a json object with an @context".into())),
    }
}

/// A JSON-LD processing error named after the spec's error code.
pub fn invalid(code: &str, detail: &str) -> JsonLdError {
    JsonLdError::Syntax {
        detail: format!("{code}: {detail}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use super::*;

    #[test]
    fn bundled_contexts_are_parsed_once() {
        let url = "https://www.w3.org/ns/credentials/v2";
        let first = bundled_context(url).unwrap();
        let second = bundled_context(url).unwrap();
        assert!(Rc::ptr_eq(&first, &second));
    }

    #[test]
    fn unknown_and_invalid_contexts_are_named() {
        let mut extra = HashMap::new();
        extra.insert("https://example.com/bad".to_owned(), "[1]".to_owned());
        let processor = Processor::new(true, &extra);
        assert!(matches!(
            processor.load_context("https://example.com/bad"),
            Err(JsonLdError::InvalidContext { .. })
        ));
        assert_eq!(
            processor.load_context("https://example.com/none"),
            Err(JsonLdError::UnknownContext {
                url: "https://example.com/none".into()
            })
        );
    }
}
