//! Expansion of the values of map containers: language maps and index, id
//! and type maps ([§5.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm-3)
//! steps 13.7–13.8).

use std::rc::Rc;

use serde_json::{Map, Value};

use super::active_context::{ActiveContext, Container, TermDefinition};
use super::context_processing::TYPE_SCOPED;
use super::error::JsonLdError;
use super::expansion::{add_values, as_slice, into_vec, is_graph_object, is_value_object, Place};
use super::iri_expansion::{expand_iri, DOCUMENT, VOCAB};
use super::processor::{invalid, Processor};

impl Processor<'_> {
    /// Step 13.7: a language map.
    pub fn expand_language_map(
        &self,
        active: &ActiveContext,
        definition: Option<&TermDefinition>,
        value: &Value,
    ) -> Result<Value, JsonLdError> {
        let direction = match definition.and_then(|definition| definition.direction) {
            Some(direction) => direction,
            None => active.direction,
        };
        let mut expanded = Vec::new();
        for (language, values) in sorted(value) {
            for item in as_slice(values) {
                let text = match item {
                    Value::Null => continue,
                    Value::String(text) => text,
                    _ => return Err(invalid("invalid language map value", language)),
                };
                let mut object = Map::new();
                object.insert("@value".to_owned(), Value::String(text.clone()));
                let none = language == "@none"
                    || expand_iri(active, language, VOCAB).as_deref() == Some("@none");
                if !none {
                    object.insert("@language".to_owned(), Value::String(language.to_owned()));
                }
                if let Some(direction) = direction {
                    object.insert(
                        "@direction".to_owned(),
                        Value::String(direction.as_str().to_owned()),
                    );
                }
                expanded.push(Value::Object(object));
            }
        }
        Ok(Value::Array(expanded))
    }

    /// Step 13.8: an index, id or type map.
    pub fn expand_map(
        &self,
        place: Place<'_>,
        key: &str,
        definition: Option<&TermDefinition>,
        value: &Value,
    ) -> Result<Value, JsonLdError> {
        let active = place.active;
        let container = definition
            .map(|definition| definition.container)
            .unwrap_or_default();
        let index_key = definition
            .and_then(|definition| definition.index.as_deref())
            .unwrap_or("@index");

        let mut expanded = Vec::new();
        for (index, index_value) in sorted(value) {
            let map_context = self.map_context(active, container, index)?;
            let expanded_index = expand_iri(active, index, VOCAB);
            let none = expanded_index.as_deref() == Some("@none");
            let inner = Place {
                active: &map_context,
                property: Some(key),
                from_map: true,
                depth: place.depth + 1,
            };
            let items =
                into_vec(self.expand(inner, &Value::Array(as_slice(index_value).to_vec()))?);
            for item in items {
                let item = if container.has(Container::GRAPH) && !is_graph_object(&item) {
                    graph(item)
                } else {
                    item
                };
                let item = if none {
                    item
                } else {
                    self.add_index(
                        active,
                        container,
                        index_key,
                        index,
                        expanded_index.as_deref(),
                        item,
                    )?
                };
                expanded.push(item);
            }
        }
        Ok(Value::Array(expanded))
    }

    /// Steps 13.8.3.1–13.8.3.3: the context the values of one index use.
    fn map_context(
        &self,
        active: &Rc<ActiveContext>,
        container: Container,
        index: &str,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        if !container.has(Container::ID) && !container.has(Container::TYPE) {
            return Ok(active.clone());
        }
        let mut map_context = active.previous.clone().unwrap_or_else(|| active.clone());
        if container.has(Container::TYPE) {
            let scoped = map_context
                .term(index)
                .and_then(|definition| definition.context.clone());
            if let Some(scoped) = scoped {
                map_context = self.apply_scoped(&map_context, &scoped, TYPE_SCOPED)?;
            }
        }
        Ok(map_context)
    }

    /// Step 13.8.3.7: the index recorded in the item.
    fn add_index(
        &self,
        active: &ActiveContext,
        container: Container,
        index_key: &str,
        index: &str,
        expanded_index: Option<&str>,
        item: Value,
    ) -> Result<Value, JsonLdError> {
        let Value::Object(mut object) = item else {
            return Ok(item);
        };
        if container.has(Container::INDEX) && index_key != "@index" {
            let index_value =
                self.expand_value(active, Some(index_key), &Value::String(index.to_owned()))?;
            let property = expand_iri(active, index_key, VOCAB).unwrap_or_default();
            if is_value_object(&Value::Object(object.clone())) {
                return Err(invalid(
                    "invalid value object",
                    "property-valued index on a value",
                ));
            }
            let mut values = vec![index_value];
            values.extend(object.remove(&property).map(into_vec).unwrap_or_default());
            add_values(&mut object, &property, values);
        } else if container.has(Container::INDEX) && !object.contains_key("@index") {
            object.insert("@index".to_owned(), Value::String(index.to_owned()));
        } else if container.has(Container::ID) && !object.contains_key("@id") {
            let id = expand_iri(active, index, DOCUMENT).map_or(Value::Null, Value::String);
            object.insert("@id".to_owned(), id);
        } else if container.has(Container::TYPE) {
            let mut types = vec![Value::String(expanded_index.unwrap_or_default().to_owned())];
            types.extend(object.remove("@type").map(into_vec).unwrap_or_default());
            object.insert("@type".to_owned(), Value::Array(types));
        }
        Ok(Value::Object(object))
    }
}

/// The entries of a map, in lexical order of their keys.
fn sorted(value: &Value) -> Vec<(&str, &Value)> {
    let mut entries: Vec<(&str, &Value)> = value
        .as_object()
        .map(|object| {
            object
                .iter()
                .map(|(key, value)| (key.as_str(), value))
                .collect()
        })
        .unwrap_or_default();
    entries.sort_unstable_by_key(|(key, _)| *key);
    entries
}

fn graph(value: Value) -> Value {
    let mut object = Map::new();
    object.insert("@graph".to_owned(), Value::Array(into_vec(value)));
    Value::Object(object)
}
