//! The document loader handed to the JSON-LD processor: it serves bundled
//! and caller-supplied contexts and never touches the network.

use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::sync::{Arc, Mutex};

use oxjsonld::{JsonLdLoadDocumentOptions, JsonLdRemoteDocument};

use super::contexts;
use super::error::JsonLdError;

/// The signature oxjsonld expects of a document loader.
type LoadResult = Result<JsonLdRemoteDocument, Box<dyn Error + Send + Sync>>;

/// Serves contexts for one document and remembers the first URL it refused,
/// so that the refusal can be reported by name.
#[derive(Clone)]
pub struct Loader {
    extra: Arc<HashMap<String, String>>,
    refusal: Arc<Mutex<Option<JsonLdError>>>,
}

impl Loader {
    /// A loader for the bundled contexts plus `extra` (URL → document text).
    /// A caller's context wins over a bundled one with the same URL.
    pub fn new(extra: &HashMap<String, String>) -> Self {
        Self {
            extra: Arc::new(extra.clone()),
            refusal: Arc::default(),
        }
    }

    /// The callback to give the processor.
    pub fn callback(
        &self,
    ) -> impl Fn(&str, &JsonLdLoadDocumentOptions) -> LoadResult
           + Send
           + Sync
           + std::panic::UnwindSafe
           + std::panic::RefUnwindSafe
           + 'static {
        let loader = self.clone();
        move |url, _options| loader.load(url)
    }

    /// The first context this loader refused, if any.
    pub fn refusal(&self) -> Option<JsonLdError> {
        self.refusal.lock().ok().and_then(|slot| slot.clone())
    }

    fn load(&self, url: &str) -> LoadResult {
        let document = match self.find(url) {
            Ok(document) => document,
            Err(refusal) => {
                self.remember(refusal.clone());
                return Err(Box::new(refusal));
            }
        };

        Ok(JsonLdRemoteDocument {
            document: document.into_bytes(),
            document_url: url.into(),
        })
    }

    fn find(&self, url: &str) -> Result<String, JsonLdError> {
        if let Some(text) = self.extra.get(url) {
            check_caller_context(url, text)?;
            return Ok(text.clone());
        }

        contexts::bundled(url)
            .map(str::to_owned)
            .ok_or_else(|| JsonLdError::UnknownContext { url: url.into() })
    }

    fn remember(&self, refusal: JsonLdError) {
        if let Ok(mut slot) = self.refusal.lock() {
            slot.get_or_insert(refusal);
        }
    }
}

impl fmt::Debug for Loader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Loader")
            .field("extra", &self.extra.keys())
            .finish_non_exhaustive()
    }
}

/// Checks that a caller's context is a JSON object with an `@context`, so a
/// mistake is reported as such rather than as a processor message.
fn check_caller_context(url: &str, text: &str) -> Result<(), JsonLdError> {
    let invalid = |detail: &str| JsonLdError::InvalidContext {
        url: url.into(),
        detail: detail.into(),
    };

    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| invalid(&error.to_string()))?;
    if value.get("@context").is_none() {
        return Err(invalid("not a json object with an @context"));
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test"
)]
mod tests {
    use super::*;

    fn options() -> JsonLdLoadDocumentOptions {
        JsonLdLoadDocumentOptions {
            request_profile: oxjsonld::JsonLdProfile::Context.into(),
        }
    }

    #[test]
    fn serves_bundled_contexts() {
        let loader = Loader::new(&HashMap::new());
        let loaded = loader.callback()("https://www.w3.org/ns/credentials/v2", &options()).unwrap();
        assert!(loaded.document.starts_with(b"{"));
        assert!(loader.refusal().is_none());
    }

    #[test]
    fn refuses_and_remembers_an_unknown_url() {
        let loader = Loader::new(&HashMap::new());
        assert!(loader.callback()("https://example.com/ctx", &options()).is_err());
        let expected = JsonLdError::UnknownContext {
            url: "https://example.com/ctx".into(),
        };
        assert_eq!(loader.refusal(), Some(expected));
    }

    #[test]
    fn serves_caller_contexts_and_checks_them() {
        let mut extra = HashMap::new();
        extra.insert(
            "https://example.com/good".to_owned(),
            r#"{"@context":{}}"#.to_owned(),
        );
        extra.insert("https://example.com/bad".to_owned(), "[1]".to_owned());
        let loader = Loader::new(&extra);
        assert!(loader.callback()("https://example.com/good", &options()).is_ok());
        assert!(loader.callback()("https://example.com/bad", &options()).is_err());
        assert!(matches!(
            loader.refusal(),
            Some(JsonLdError::InvalidContext { .. })
        ));
    }
}
