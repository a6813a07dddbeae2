//! [Value Expansion] (JSON-LD 1.1 API §5.3): a scalar as a value object or
//! node reference, according to its term's definition.
//!
//! [Value Expansion]: https://www.w3.org/TR/json-ld11-api/#value-expansion

use serde_json::{Map, Value};

use super::active_context::ActiveContext;
use super::error::JsonLdError;
use super::iri_expansion::{expand_iri, DOCUMENT, VOCAB_THEN_DOCUMENT};
use super::processor::Processor;

impl Processor<'_> {
    /// The expanded form of `value`, the value of `property`
    /// ([§5.3.2](https://www.w3.org/TR/json-ld11-api/#algorithm-6)).
    ///
    /// Fails only in safe mode, with [`JsonLdError::UndefinedTerm`] for a
    /// `@vocab`-typed string that expands to nothing.
    pub fn expand_value(
        &self,
        active: &ActiveContext,
        property: Option<&str>,
        value: &Value,
    ) -> Result<Value, JsonLdError> {
        let definition = property.and_then(|property| active.term(property));
        let type_mapping = definition.and_then(|definition| definition.type_mapping.as_deref());

        if let (Some(kind @ ("@id" | "@vocab")), Value::String(text)) = (type_mapping, value) {
            let relative = if kind == "@id" {
                DOCUMENT
            } else {
                VOCAB_THEN_DOCUMENT
            };
            return match expand_iri(active, text, relative) {
                Some(iri) => Ok(single("@id", Value::String(iri))),
                None if self.safe => Err(JsonLdError::UndefinedTerm { term: text.clone() }),
                None => Ok(Value::Null),
            };
        }

        let mut result = single("@value", value.clone());
        let Value::Object(object) = &mut result else {
            return Ok(result);
        };
        match type_mapping {
            Some("@id" | "@vocab" | "@none") => {}
            Some(kind) => {
                object.insert("@type".to_owned(), Value::String(kind.to_owned()));
                return Ok(result);
            }
            None => {}
        }
        if value.is_string() {
            add_language_and_direction(active, definition, object);
        }
        Ok(result)
    }
}

/// Step 5: the term's (or else the context's) language and direction.
fn add_language_and_direction(
    active: &ActiveContext,
    definition: Option<&super::active_context::TermDefinition>,
    object: &mut Map<String, Value>,
) {
    let language = match definition.and_then(|definition| definition.language.as_ref()) {
        Some(language) => language.clone(),
        None => active.language.clone(),
    };
    let direction = match definition.and_then(|definition| definition.direction) {
        Some(direction) => direction,
        None => active.direction,
    };
    if let Some(language) = language {
        object.insert("@language".to_owned(), Value::String(language));
    }
    if let Some(direction) = direction {
        object.insert(
            "@direction".to_owned(),
            Value::String(direction.as_str().to_owned()),
        );
    }
}

/// A map with one entry.
fn single(key: &str, value: Value) -> Value {
    let mut object = Map::new();
    object.insert(key.to_owned(), value);
    Value::Object(object)
}
