//! The [Expansion Algorithm] (JSON-LD 1.1 API §5.1.2), producing expanded
//! JSON-LD as `serde_json` values.
//!
//! In safe mode a key that expands to nothing, or to neither an absolute
//! IRI nor a keyword, is [`JsonLdError::UndefinedTerm`] instead of being
//! dropped.
//!
//! [Expansion Algorithm]: https://www.w3.org/TR/json-ld11-api/#expansion-algorithm

use std::rc::Rc;

use serde_json::{Map, Value};

use super::active_context::{is_keyword, ActiveContext, Container, TermDefinition};
use super::context_processing::{Flags, Origin, PLAIN, PROPERTY_SCOPED, TYPE_SCOPED};
use super::error::JsonLdError;
use super::iri_expansion::{expand_iri, is_absolute_iri, DOCUMENT, VOCAB, VOCAB_THEN_DOCUMENT};
use super::processor::{invalid, ContextKey, Processor, MAX_DEPTH};

/// Where an element sits: its active context and property.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    /// The active context.
    pub active: &'a Rc<ActiveContext>,
    /// The active property as written (`None` at the top).
    pub property: Option<&'a str>,
    /// Whether the element is a value of a map container.
    pub from_map: bool,
    /// How deeply elements are nested here.
    pub depth: usize,
}

/// What step 13 needs about the node being expanded.
struct NodeFrame<'a> {
    active: &'a Rc<ActiveContext>,
    type_scoped: &'a Rc<ActiveContext>,
    property: Option<&'a str>,
    input_type: Option<String>,
    depth: usize,
}

impl Processor<'_> {
    /// The expanded form of a document, as an array of node objects
    /// ([§5.1](https://www.w3.org/TR/json-ld11-api/#expansion) steps 8–10
    /// of `expand()`), with `base` as base IRI.
    ///
    /// Fails with the errors of [`Processor::apply_context`] and
    /// [`JsonLdError::Syntax`] for invalid JSON-LD.
    pub fn expand_document(
        &self,
        document: &Value,
        base: Option<&str>,
    ) -> Result<Vec<Value>, JsonLdError> {
        let active = self.initial_context(base);
        let place = Place {
            active: &active,
            property: None,
            from_map: false,
            depth: 0,
        };
        let expanded = self.expand(place, document)?;

        let expanded = match expanded {
            Value::Object(mut object) if object.len() == 1 && object.contains_key("@graph") => {
                object.remove("@graph").unwrap_or(Value::Null)
            }
            other => other,
        };
        Ok(match expanded {
            Value::Null => Vec::new(),
            Value::Array(items) => items,
            single => vec![single],
        })
    }

    /// Expands one element ([§5.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm-3)).
    pub fn expand(&self, place: Place<'_>, element: &Value) -> Result<Value, JsonLdError> {
        if place.depth > MAX_DEPTH {
            return Err(invalid(
                "recursion limit",
                "the document is nested too deeply",
            ));
        }
        let definition = place
            .property
            .and_then(|property| place.active.term(property));

        match element {
            Value::Null => Ok(Value::Null),
            Value::Array(items) => self.expand_array(place, definition, items),
            Value::Object(object) => self.expand_object(place, definition, object),
            scalar => self.expand_scalar(place, definition, scalar),
        }
    }

    /// Step 4: a scalar is a value, or dropped where it would float free.
    fn expand_scalar(
        &self,
        place: Place<'_>,
        definition: Option<&TermDefinition>,
        scalar: &Value,
    ) -> Result<Value, JsonLdError> {
        if matches!(place.property, None | Some("@graph")) {
            return Ok(Value::Null);
        }
        let scoped;
        let active = match definition.and_then(|definition| definition.context.as_ref()) {
            Some(context) => {
                scoped = self.apply_scoped(place.active, context, PROPERTY_SCOPED)?;
                &scoped
            }
            None => place.active,
        };
        self.expand_value(active, place.property, scalar)
    }

    /// Step 5: an array.
    fn expand_array(
        &self,
        place: Place<'_>,
        definition: Option<&TermDefinition>,
        items: &[Value],
    ) -> Result<Value, JsonLdError> {
        let list = definition.is_some_and(|definition| definition.container.has(Container::LIST));
        let mut result = Vec::with_capacity(items.len());
        for item in items {
            let inner = Place {
                depth: place.depth + 1,
                ..place
            };
            match self.expand(inner, item)? {
                Value::Array(expanded) if list => result.push(list_object(expanded)),
                Value::Array(expanded) => result.extend(expanded),
                Value::Null => {}
                expanded => result.push(expanded),
            }
        }
        Ok(Value::Array(result))
    }

    /// Steps 6–20: a map.
    fn expand_object(
        &self,
        place: Place<'_>,
        definition: Option<&TermDefinition>,
        element: &Map<String, Value>,
    ) -> Result<Value, JsonLdError> {
        // Steps 7–9: revert a type-scoped context, then apply the
        // property-scoped and embedded contexts.
        let mut active = place.active.clone();
        if let Some(previous) = &active.previous {
            if !place.from_map && !keeps_type_scoped_context(&active, element) {
                active = previous.clone();
            }
        }
        if let Some(context) = definition.and_then(|definition| definition.context.as_ref()) {
            active = self.apply_scoped(&active, context, PROPERTY_SCOPED)?;
        }
        if let Some(context) = element.get("@context") {
            active = self.apply_embedded(&active, context)?;
        }

        // Steps 10–12: type-scoped contexts, in lexical order of the types.
        let type_scoped = active.clone();
        let type_keys = type_keys(&active, element);
        for types in type_keys.iter().filter_map(|key| element.get(*key)) {
            let mut terms: Vec<&str> = as_slice(types).iter().filter_map(Value::as_str).collect();
            terms.sort_unstable();
            for term in terms {
                if let Some(context) = type_scoped
                    .term(term)
                    .and_then(|definition| definition.context.as_ref())
                {
                    active = self.apply_scoped(&active, context, TYPE_SCOPED)?;
                }
            }
        }
        let input_type = type_keys
            .first()
            .and_then(|key| element.get(*key))
            .and_then(|types| as_slice(types).last())
            .and_then(Value::as_str)
            .and_then(|last| expand_iri(&active, last, VOCAB));

        let frame = NodeFrame {
            active: &active,
            type_scoped: &type_scoped,
            property: place.property,
            input_type,
            depth: place.depth + 1,
        };
        let mut result = Map::new();
        self.expand_entries(&frame, element, &mut result)?;
        finish_object(result, place.property, self.safe)
    }

    /// Steps 13–14: every entry of `element` (and of its nests) into
    /// `result`.
    fn expand_entries(
        &self,
        frame: &NodeFrame<'_>,
        element: &Map<String, Value>,
        result: &mut Map<String, Value>,
    ) -> Result<(), JsonLdError> {
        if frame.depth > MAX_DEPTH {
            return Err(invalid(
                "recursion limit",
                "the document is nested too deeply",
            ));
        }
        let mut nests = Vec::new();
        for (key, value) in element {
            if key == "@context" {
                continue;
            }
            let Some(property) = self.expand_key(frame.active, key)? else {
                continue;
            };
            if property == "@nest" {
                nests.push(key);
            } else if is_keyword(&property) {
                self.expand_keyword(frame, &property, value, result)?;
            } else {
                self.expand_property(frame, key, &property, value, result)?;
            }
        }

        nests.sort_unstable();
        for key in nests {
            let scoped = frame
                .active
                .term(key)
                .and_then(|definition| definition.context.as_ref());
            let nested_active = match scoped {
                Some(context) => self.apply_scoped(frame.active, context, PROPERTY_SCOPED)?,
                None => frame.active.clone(),
            };
            let nested_frame = NodeFrame {
                active: &nested_active,
                type_scoped: frame.type_scoped,
                property: frame.property,
                input_type: frame.input_type.clone(),
                depth: frame.depth + 1,
            };
            for nested in as_slice(element.get(key).unwrap_or(&Value::Null)) {
                let Value::Object(nested) = nested else {
                    return Err(invalid("invalid @nest value", key));
                };
                let has_value = nested
                    .keys()
                    .any(|key| expand_iri(&nested_active, key, VOCAB).as_deref() == Some("@value"));
                if has_value {
                    return Err(invalid("invalid @nest value", key));
                }
                self.expand_entries(&nested_frame, nested, result)?;
            }
        }
        Ok(())
    }

    /// Step 13.2–13.3: a key's IRI, `None` for a key that is dropped.
    fn expand_key(&self, active: &ActiveContext, key: &str) -> Result<Option<String>, JsonLdError> {
        let expanded =
            expand_iri(active, key, VOCAB).filter(|iri| iri.contains(':') || is_keyword(iri));
        if expanded.is_none() && self.safe {
            return Err(JsonLdError::UndefinedTerm { term: key.into() });
        }
        Ok(expanded)
    }

    /// Step 13.4: a keyword entry.
    fn expand_keyword(
        &self,
        frame: &NodeFrame<'_>,
        keyword: &str,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<(), JsonLdError> {
        if frame.property == Some("@reverse") {
            return Err(invalid("invalid reverse property map", keyword));
        }
        if result.contains_key(keyword) && !matches!(keyword, "@included" | "@type") {
            return Err(invalid("colliding keywords", keyword));
        }

        let expanded = match keyword {
            "@id" => {
                let expanded = self.expand_id(frame, value)?;
                result.insert(keyword.to_owned(), expanded);
                return Ok(());
            }
            "@type" => self.expand_type(frame, value, result)?,
            "@graph" => Value::Array(into_vec(self.expand(frame.place(Some("@graph")), value)?)),
            "@included" => self.expand_included(frame, value, result)?,
            "@value" => {
                let expanded = expand_value_entry(frame, value)?;
                result.insert(keyword.to_owned(), expanded);
                return Ok(());
            }
            "@language" => expand_language(value)?,
            "@direction" => expand_direction(value)?,
            "@index" => match value {
                Value::String(_) => value.clone(),
                _ => return Err(invalid("invalid @index value", "not a string")),
            },
            "@list" => {
                if matches!(frame.property, None | Some("@graph")) {
                    return Ok(());
                }
                Value::Array(into_vec(self.expand(frame.place(frame.property), value)?))
            }
            "@set" => self.expand(frame.place(frame.property), value)?,
            "@reverse" => return self.expand_reverse(frame, value, result),
            _ => return Ok(()),
        };
        if !expanded.is_null() {
            result.insert(keyword.to_owned(), expanded);
        }
        Ok(())
    }

    /// Step 13.4.3: `@id`.
    fn expand_id(&self, frame: &NodeFrame<'_>, value: &Value) -> Result<Value, JsonLdError> {
        let Value::String(id) = value else {
            return Err(invalid("invalid @id value", "not a string"));
        };
        Ok(expand_iri(frame.active, id, DOCUMENT).map_or(Value::Null, Value::String))
    }

    /// Step 13.4.4: `@type`, expanded with the type-scoped context and
    /// added to any earlier `@type`.
    fn expand_type(
        &self,
        frame: &NodeFrame<'_>,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<Value, JsonLdError> {
        let mut types = match result.remove("@type") {
            Some(Value::Array(types)) => types,
            Some(single) => vec![single],
            None => Vec::new(),
        };
        for kind in as_slice(value) {
            let Value::String(kind) = kind else {
                return Err(invalid("invalid type value", "not a string"));
            };
            match expand_iri(frame.type_scoped, kind, VOCAB_THEN_DOCUMENT) {
                Some(iri) => types.push(Value::String(iri)),
                None if self.safe => return Err(JsonLdError::UndefinedTerm { term: kind.clone() }),
                None => {}
            }
        }
        Ok(match (value, types.len()) {
            (Value::String(_), 1) => types.pop().unwrap_or(Value::Null),
            _ => Value::Array(types),
        })
    }

    /// Step 13.4.6: `@included`.
    fn expand_included(
        &self,
        frame: &NodeFrame<'_>,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<Value, JsonLdError> {
        let included = into_vec(self.expand(frame.place(Some("@included")), value)?);
        if included.iter().any(|item| !is_node_object(item)) {
            return Err(invalid("invalid @included value", "not a node object"));
        }
        let mut all = match result.remove("@included") {
            Some(Value::Array(earlier)) => earlier,
            _ => Vec::new(),
        };
        all.extend(included);
        Ok(Value::Array(all))
    }

    /// Step 13.4.13: `@reverse`.
    fn expand_reverse(
        &self,
        frame: &NodeFrame<'_>,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<(), JsonLdError> {
        if !value.is_object() {
            return Err(invalid("invalid @reverse value", "not an object"));
        }
        let Value::Object(mut expanded) = self.expand(frame.place(Some("@reverse")), value)? else {
            return Ok(());
        };

        if let Some(Value::Object(doubly)) = expanded.remove("@reverse") {
            for (property, items) in doubly {
                add_values(result, &property, into_vec(items));
            }
        }
        for (property, items) in expanded {
            let items = into_vec(items);
            if items
                .iter()
                .any(|item| is_value_object(item) || is_list_object(item))
            {
                return Err(invalid("invalid reverse property value", &property));
            }
            add_reverse(result, &property, items);
        }
        Ok(())
    }

    /// Steps 13.5–13.14: a property entry.
    fn expand_property(
        &self,
        frame: &NodeFrame<'_>,
        key: &str,
        property: &str,
        value: &Value,
        result: &mut Map<String, Value>,
    ) -> Result<(), JsonLdError> {
        let definition = frame.active.term(key);
        let container = definition
            .map(|definition| definition.container)
            .unwrap_or_default();

        let json =
            definition.and_then(|definition| definition.type_mapping.as_deref()) == Some("@json");
        let expanded = if json {
            json_value(value)
        } else if container.has(Container::LANGUAGE) && value.is_object() {
            self.expand_language_map(frame.active, definition, value)?
        } else if (container.has(Container::INDEX)
            || container.has(Container::ID)
            || container.has(Container::TYPE))
            && value.is_object()
        {
            self.expand_map(frame.place(Some(key)), key, definition, value)?
        } else {
            self.expand(frame.place(Some(key)), value)?
        };
        if expanded.is_null() {
            return Ok(());
        }

        let mut expanded = expanded;
        if container.has(Container::LIST) && !is_list_object(&expanded) {
            expanded = list_object(into_vec(expanded));
        }
        if container.has(Container::GRAPH)
            && !container.has(Container::ID)
            && !container.has(Container::INDEX)
        {
            expanded = Value::Array(into_vec(expanded).into_iter().map(graph_object).collect());
        }

        if definition.is_some_and(|definition| definition.reverse) {
            let items = into_vec(expanded);
            if items
                .iter()
                .any(|item| is_value_object(item) || is_list_object(item))
            {
                return Err(invalid("invalid reverse property value", key));
            }
            add_reverse(result, property, items);
        } else {
            add_values(result, property, into_vec(expanded));
        }
        Ok(())
    }

    /// A term's scoped context applied to `active`.
    pub fn apply_scoped(
        &self,
        active: &Rc<ActiveContext>,
        context: &super::active_context::ScopedContext,
        flags: Flags,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        let origin = Origin {
            base_url: context.base_url.as_ref(),
            remote: &[],
            depth: 0,
        };
        self.apply_context(
            active,
            &context.value,
            ContextKey::Scoped(context.id),
            flags,
            origin,
        )
    }

    /// A context embedded in the document applied to `active`.
    fn apply_embedded(
        &self,
        active: &Rc<ActiveContext>,
        context: &Value,
    ) -> Result<Rc<ActiveContext>, JsonLdError> {
        let text = serde_json::to_string(context)
            .map_err(|error| invalid("invalid local context", &error.to_string()))?;
        let base_url = active.original_base.clone();
        let origin = Origin {
            base_url: base_url.as_ref(),
            remote: &[],
            depth: 0,
        };
        self.apply_context(active, context, ContextKey::Text(text), PLAIN, origin)
    }
}

impl<'a> NodeFrame<'a> {
    fn place(&self, property: Option<&'a str>) -> Place<'a> {
        Place {
            active: self.active,
            property,
            from_map: false,
            depth: self.depth,
        }
    }
}

/// Step 7: a type-scoped context stays for a value object and for a node
/// reference.
fn keeps_type_scoped_context(active: &ActiveContext, element: &Map<String, Value>) -> bool {
    let mut keys = element.keys().map(|key| expand_iri(active, key, VOCAB));
    let single_id = element.len() == 1 && keys.clone().next().flatten().as_deref() == Some("@id");
    single_id || keys.any(|key| key.as_deref() == Some("@value"))
}

/// The keys of `element` that expand to `@type`, in lexical order.
fn type_keys<'a>(active: &ActiveContext, element: &'a Map<String, Value>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = element
        .keys()
        .filter(|key| {
            key.as_str() == "@type" || expand_iri(active, key, VOCAB).as_deref() == Some("@type")
        })
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// Step 13.4.7: `@value`.
fn expand_value_entry(frame: &NodeFrame<'_>, value: &Value) -> Result<Value, JsonLdError> {
    if frame.input_type.as_deref() == Some("@json") {
        return Ok(value.clone());
    }
    match value {
        Value::Array(_) | Value::Object(_) => {
            Err(invalid("invalid value object value", "not a scalar"))
        }
        scalar => Ok(scalar.clone()),
    }
}

fn expand_language(value: &Value) -> Result<Value, JsonLdError> {
    match value {
        Value::String(_) => Ok(value.clone()),
        _ => Err(invalid("invalid language-tagged string", "not a string")),
    }
}

fn expand_direction(value: &Value) -> Result<Value, JsonLdError> {
    match value.as_str() {
        Some("ltr" | "rtl") => Ok(value.clone()),
        _ => Err(invalid("invalid base direction", "not ltr or rtl")),
    }
}

/// Step 13.6: a `@json` value.
fn json_value(value: &Value) -> Value {
    let mut object = Map::new();
    object.insert("@value".to_owned(), value.clone());
    object.insert("@type".to_owned(), Value::String("@json".to_owned()));
    Value::Object(object)
}

/// Steps 15–19: checks and simplifications of an expanded map.
fn finish_object(
    mut result: Map<String, Value>,
    property: Option<&str>,
    safe: bool,
) -> Result<Value, JsonLdError> {
    let top = matches!(property, None | Some("@graph"));
    if result.contains_key("@value") {
        let value = finish_value_object(result, safe)?;
        return Ok(if top { Value::Null } else { value });
    }
    if let Some(types) = result.get_mut("@type") {
        if !types.is_array() {
            *types = Value::Array(vec![types.take()]);
        }
    }
    if result.contains_key("@set") || result.contains_key("@list") {
        let others = result
            .keys()
            .filter(|key| !matches!(key.as_str(), "@set" | "@list" | "@index"));
        if others.count() > 0 || result.len() > 2 {
            return Err(invalid("invalid set or list object", "other entries"));
        }
        if let Some(set) = result.remove("@set") {
            return Ok(set);
        }
    }
    if result.len() == 1 && result.contains_key("@language") {
        return Ok(Value::Null);
    }

    let free_floating = result.is_empty()
        || result.contains_key("@list")
        || (result.len() == 1 && result.contains_key("@id"));
    if top && free_floating {
        return Ok(Value::Null);
    }
    Ok(Value::Object(result))
}

/// Step 15: a value object.
fn finish_value_object(result: Map<String, Value>, safe: bool) -> Result<Value, JsonLdError> {
    let allowed = ["@direction", "@index", "@language", "@type", "@value"];
    if result.keys().any(|key| !allowed.contains(&key.as_str())) {
        return Err(invalid("invalid value object", "unexpected entry"));
    }
    let kind = result.get("@type");
    if kind.is_some() && (result.contains_key("@language") || result.contains_key("@direction")) {
        return Err(invalid("invalid value object", "both @type and @language"));
    }
    if kind.and_then(Value::as_str) == Some("@json") {
        return Ok(Value::Object(result));
    }

    let value = result.get("@value").unwrap_or(&Value::Null);
    if value.is_null() {
        return Ok(Value::Null);
    }
    if !value.is_string() && result.contains_key("@language") {
        return Err(invalid("invalid language-tagged value", "not a string"));
    }
    if let Some(kind) = kind {
        check_datatype(kind.as_str().unwrap_or_default(), safe)?;
    }
    Ok(Value::Object(result))
}

/// A value object's `@type` must be an IRI: in safe mode a sentinel or an
/// invalid IRI is named, otherwise it is an invalid typed value.
fn check_datatype(kind: &str, safe: bool) -> Result<(), JsonLdError> {
    if safe {
        super::safe_mode::check_sentinels(kind)?;
    }
    if is_absolute_iri(kind) && oxrdf::NamedNode::new(kind).is_ok() {
        return Ok(());
    }
    if safe {
        return Err(JsonLdError::InvalidIri { iri: kind.into() });
    }
    Err(invalid("invalid typed value", kind))
}

/// A single-entry `@list` object.
pub fn list_object(items: Vec<Value>) -> Value {
    let mut object = Map::new();
    object.insert("@list".to_owned(), Value::Array(items));
    Value::Object(object)
}

/// Step 13.12: a value wrapped as a graph object.
fn graph_object(value: Value) -> Value {
    let mut object = Map::new();
    object.insert("@graph".to_owned(), Value::Array(into_vec(value)));
    Value::Object(object)
}

/// Appends `items` to `result[property]`.
pub fn add_values(result: &mut Map<String, Value>, property: &str, items: Vec<Value>) {
    let entry = result
        .entry(property.to_owned())
        .or_insert_with(|| Value::Array(Vec::new()));
    if !entry.is_array() {
        *entry = Value::Array(vec![entry.take()]);
    }
    if let Value::Array(existing) = entry {
        existing.extend(items);
    }
}

fn add_reverse(result: &mut Map<String, Value>, property: &str, items: Vec<Value>) {
    let reverse = result
        .entry("@reverse".to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(reverse) = reverse {
        add_values(reverse, property, items);
    }
}

/// The items of a value that may be an array.
pub fn as_slice(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    }
}

/// A value as an array of items (`null` is none).
pub fn into_vec(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        single => vec![single],
    }
}

/// Whether `value` is a value object.
pub fn is_value_object(value: &Value) -> bool {
    value.get("@value").is_some()
}

/// Whether `value` is a list object.
pub fn is_list_object(value: &Value) -> bool {
    value.get("@list").is_some()
}

/// Whether `value` is a graph object (`@graph`, perhaps `@id` and `@index`).
pub fn is_graph_object(value: &Value) -> bool {
    value.as_object().is_some_and(|object| {
        object.contains_key("@graph")
            && object
                .keys()
                .all(|key| matches!(key.as_str(), "@graph" | "@id" | "@index"))
    })
}

/// Whether `value` is a node object.
pub fn is_node_object(value: &Value) -> bool {
    value.as_object().is_some_and(|object| {
        !object.contains_key("@value")
            && !object.contains_key("@list")
            && !object.contains_key("@set")
    })
}
