//! [Create Term Definition] (JSON-LD 1.1 API §4.2), and IRI expansion
//! while a context's own terms are still being defined.
//!
//! A scoped context is stored with the definition and processed when it is
//! applied (and cached then); it is not validated at definition time.
//!
//! [Create Term Definition]: https://www.w3.org/TR/json-ld11-api/#create-term-definition

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{Map, Value};

use super::active_context::{
    fresh_id, has_keyword_form, is_keyword, ActiveContext, Container, Direction, ScopedContext,
    TermDefinition,
};
use super::context_processing::Origin;
use super::error::JsonLdError;
use super::iri_expansion::{
    ends_with_gen_delim, expand_iri, is_absolute_iri, is_blank_node, is_iri_or_blank_node,
    split_compact_iri, Relative, VOCAB,
};
use super::processor::{invalid, MAX_DEPTH};

/// The entries a term definition may have.
const DEFINITION_ENTRIES: &[&str] = &[
    "@id",
    "@reverse",
    "@container",
    "@context",
    "@direction",
    "@index",
    "@language",
    "@nest",
    "@prefix",
    "@protected",
    "@type",
];

/// Defines the terms of one context object.
#[derive(Debug)]
pub struct TermBuilder<'a> {
    context: &'a Map<String, Value>,
    /// `true` once a term is defined, `false` while it is being defined.
    defined: HashMap<String, bool>,
    /// How many definitions are in progress, one inside the other.
    in_progress: usize,
    protected: bool,
    override_protected: bool,
    base_url: Option<Rc<str>>,
}

impl<'a> TermBuilder<'a> {
    /// A builder for the terms of `context`, protected by default when
    /// `protected` is set.
    pub fn new(
        context: &'a Map<String, Value>,
        protected: bool,
        override_protected: bool,
        origin: Origin<'_>,
    ) -> Self {
        Self {
            context,
            defined: HashMap::new(),
            in_progress: 0,
            protected,
            override_protected,
            base_url: origin.base_url.cloned(),
        }
    }

    /// Defines `term` in `active` ([§4.2.2](https://www.w3.org/TR/json-ld11-api/#algorithm-0)).
    ///
    /// Fails with [`JsonLdError::Syntax`] naming the spec's error code.
    pub fn define(&mut self, active: &mut ActiveContext, term: &str) -> Result<(), JsonLdError> {
        if self.in_progress > MAX_DEPTH {
            return Err(invalid(
                "cyclic IRI mapping",
                "terms depend on each other too deeply",
            ));
        }
        self.in_progress += 1;
        let defined = self.define_term(active, term);
        self.in_progress -= 1;
        defined
    }

    fn define_term(&mut self, active: &mut ActiveContext, term: &str) -> Result<(), JsonLdError> {
        match self.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => return Err(invalid("cyclic IRI mapping", term)),
            None => {}
        }
        if term.is_empty() {
            return Err(invalid("invalid term definition", "empty term"));
        }
        self.defined.insert(term.to_owned(), false);

        let value = self.context.get(term).cloned().unwrap_or(Value::Null);
        check_keyword_term(term, &value)?;
        if has_keyword_form(term) && !is_keyword(term) {
            self.defined.insert(term.to_owned(), true);
            return Ok(());
        }
        let previous = active.terms.remove(term);

        let (value, simple) = match value {
            Value::Null => (Map::from_iter([("@id".to_owned(), Value::Null)]), false),
            Value::String(iri) => (
                Map::from_iter([("@id".to_owned(), Value::String(iri))]),
                true,
            ),
            Value::Object(map) => (map, false),
            _ => return Err(invalid("invalid term definition", term)),
        };

        let definition = self.build(active, term, &value, simple)?;
        let definition = match (definition, previous) {
            (Some(definition), Some(previous)) => {
                Some(self.check_protected(term, definition, previous)?)
            }
            (definition, _) => definition,
        };
        if let Some(definition) = definition {
            active.terms.insert(term.to_owned(), Rc::new(definition));
        }
        self.defined.insert(term.to_owned(), true);
        Ok(())
    }

    /// Step 27: a protected term may only be redefined identically.
    fn check_protected(
        &self,
        term: &str,
        definition: TermDefinition,
        previous: Rc<TermDefinition>,
    ) -> Result<TermDefinition, JsonLdError> {
        if self.override_protected || !previous.protected {
            return Ok(definition);
        }
        if !definition.same_as(&previous) {
            return Err(invalid("protected term redefinition", term));
        }
        Ok(previous.as_ref().clone())
    }

    /// Steps 10–26; `None` for a term that is ignored.
    fn build(
        &mut self,
        active: &mut ActiveContext,
        term: &str,
        value: &Map<String, Value>,
        simple: bool,
    ) -> Result<Option<TermDefinition>, JsonLdError> {
        if let Some(key) = value
            .keys()
            .find(|key| !DEFINITION_ENTRIES.contains(&key.as_str()))
        {
            return Err(invalid("invalid term definition", key));
        }
        let mut definition = TermDefinition {
            protected: match value.get("@protected") {
                None => self.protected,
                Some(Value::Bool(protected)) => *protected,
                Some(_) => return Err(invalid("invalid @protected value", term)),
            },
            ..TermDefinition::default()
        };
        if let Some(kind) = value.get("@type") {
            definition.type_mapping = Some(self.type_mapping(active, kind)?);
        }

        if let Some(reverse) = value.get("@reverse") {
            return self.reverse(active, term, value, reverse, definition);
        }
        if !self.iri_mapping(active, term, value, simple, &mut definition)? {
            return Ok(None);
        }

        self.container(value, &mut definition)?;
        self.index(active, value, &mut definition)?;
        if let Some(context) = value.get("@context") {
            definition.context = Some(ScopedContext {
                id: fresh_id(),
                value: Rc::new(context.clone()),
                base_url: self.base_url.clone(),
            });
        }
        language_and_direction(value, &mut definition)?;
        nest_and_prefix(term, value, &mut definition)?;
        Ok(Some(definition))
    }

    /// Step 12: `@type`.
    fn type_mapping(
        &mut self,
        active: &mut ActiveContext,
        kind: &Value,
    ) -> Result<String, JsonLdError> {
        let Value::String(kind) = kind else {
            return Err(invalid("invalid type mapping", "not a string"));
        };
        let expanded = self.expand(active, kind, VOCAB)?.unwrap_or_default();
        let allowed = matches!(expanded.as_str(), "@id" | "@json" | "@none" | "@vocab");
        if !allowed && !is_absolute_iri(&expanded) {
            return Err(invalid("invalid type mapping", kind));
        }
        Ok(expanded)
    }

    /// Step 13: a reverse property.
    fn reverse(
        &mut self,
        active: &mut ActiveContext,
        term: &str,
        value: &Map<String, Value>,
        reverse: &Value,
        mut definition: TermDefinition,
    ) -> Result<Option<TermDefinition>, JsonLdError> {
        if value.contains_key("@id") || value.contains_key("@nest") {
            return Err(invalid("invalid reverse property", term));
        }
        let Value::String(reverse) = reverse else {
            return Err(invalid("invalid IRI mapping", term));
        };
        if has_keyword_form(reverse) {
            return Ok(None);
        }
        let iri = self.expand(active, reverse, VOCAB)?.unwrap_or_default();
        if !is_iri_or_blank_node(&iri) {
            return Err(invalid("invalid IRI mapping", term));
        }

        self.container(value, &mut definition)?;
        let allowed = [Container::default(), Container::SET, Container::INDEX];
        if !allowed.contains(&definition.container) {
            return Err(invalid("invalid reverse property", term));
        }
        definition.iri = Some(iri);
        definition.reverse = true;
        Ok(Some(definition))
    }

    /// Steps 14–18: the IRI mapping; `false` when the term is ignored.
    fn iri_mapping(
        &mut self,
        active: &mut ActiveContext,
        term: &str,
        value: &Map<String, Value>,
        simple: bool,
        definition: &mut TermDefinition,
    ) -> Result<bool, JsonLdError> {
        match value.get("@id") {
            Some(id) if id.as_str() != Some(term) => {
                return self.explicit_iri(active, term, id, simple, definition)
            }
            _ => {}
        }

        definition.iri = Some(if let Some((prefix, suffix)) = split_compact_iri(term) {
            self.compact_term_iri(active, term, prefix, suffix)?
        } else if term.contains('/') {
            expand_iri(active, term, VOCAB)
                .filter(|iri| is_absolute_iri(iri))
                .ok_or_else(|| invalid("invalid IRI mapping", term))?
        } else if term == "@type" {
            "@type".to_owned()
        } else {
            let vocab = active
                .vocab
                .as_ref()
                .ok_or_else(|| invalid("invalid IRI mapping", term))?;
            format!("{vocab}{term}")
        });
        Ok(true)
    }

    /// Step 15: an explicit `@id`.
    fn explicit_iri(
        &mut self,
        active: &mut ActiveContext,
        term: &str,
        id: &Value,
        simple: bool,
        definition: &mut TermDefinition,
    ) -> Result<bool, JsonLdError> {
        let id = match id {
            Value::Null => return Ok(true),
            Value::String(id) => id,
            _ => return Err(invalid("invalid IRI mapping", term)),
        };
        if !is_keyword(id) && has_keyword_form(id) {
            return Ok(false);
        }
        let iri = self.expand(active, id, VOCAB)?.unwrap_or_default();
        if !is_keyword(&iri) && !is_iri_or_blank_node(&iri) {
            return Err(invalid("invalid IRI mapping", term));
        }
        if iri == "@context" {
            return Err(invalid("invalid keyword alias", term));
        }

        let looks_like_iri = split_compact_iri(term).is_some_and(|(_, suffix)| !suffix.is_empty())
            || term.contains('/');
        if looks_like_iri {
            self.defined.insert(term.to_owned(), true);
            let own = self.expand(active, term, VOCAB)?;
            if own.as_deref() != Some(iri.as_str()) {
                return Err(invalid("invalid IRI mapping", term));
            }
        } else if simple
            && !term.contains([':', '/'])
            && (is_blank_node(&iri) || ends_with_gen_delim(&iri))
        {
            definition.prefix = true;
        }
        definition.iri = Some(iri);
        Ok(true)
    }

    /// Step 16: a term that is itself a compact IRI or an absolute IRI.
    fn compact_term_iri(
        &mut self,
        active: &mut ActiveContext,
        term: &str,
        prefix: &str,
        suffix: &str,
    ) -> Result<String, JsonLdError> {
        if self.context.contains_key(prefix) {
            self.define(active, prefix)?;
        }
        if let Some(iri) = active
            .term(prefix)
            .and_then(|definition| definition.iri.as_ref())
        {
            return Ok(format!("{iri}{suffix}"));
        }
        Ok(term.to_owned())
    }

    /// Step 19: `@container`.
    fn container(
        &self,
        value: &Map<String, Value>,
        definition: &mut TermDefinition,
    ) -> Result<(), JsonLdError> {
        let keywords = match value.get("@container") {
            None | Some(Value::Null) => return Ok(()),
            Some(Value::Array(keywords)) => keywords.as_slice(),
            Some(single) => std::slice::from_ref(single),
        };
        let mut container = Container::default();
        for keyword in keywords {
            let keyword = keyword.as_str().and_then(Container::keyword);
            container = container
                .with(keyword.ok_or_else(|| invalid("invalid container mapping", "unknown"))?);
        }
        if !container.is_valid() {
            return Err(invalid("invalid container mapping", "invalid combination"));
        }

        if container.has(Container::TYPE) {
            match definition.type_mapping.as_deref() {
                None => definition.type_mapping = Some("@id".to_owned()),
                Some("@id" | "@vocab") => {}
                Some(_) => return Err(invalid("invalid type mapping", "@type container")),
            }
        }
        definition.container = container;
        Ok(())
    }

    /// Step 20: `@index`.
    fn index(
        &mut self,
        active: &mut ActiveContext,
        value: &Map<String, Value>,
        definition: &mut TermDefinition,
    ) -> Result<(), JsonLdError> {
        let Some(index) = value.get("@index") else {
            return Ok(());
        };
        let Value::String(index) = index else {
            return Err(invalid("invalid term definition", "@index not a string"));
        };
        if !definition.container.has(Container::INDEX) {
            return Err(invalid(
                "invalid term definition",
                "@index without @index container",
            ));
        }
        let expanded = self.expand(active, index, VOCAB)?.unwrap_or_default();
        if is_keyword(&expanded) || !is_absolute_iri(&expanded) {
            return Err(invalid("invalid term definition", index));
        }
        definition.index = Some(index.clone());
        Ok(())
    }

    /// IRI expansion while this context's terms are being defined
    /// ([§4.3.2](https://www.w3.org/TR/json-ld11-api/#algorithm-4) steps 3
    /// and 6.3): a term or prefix of this context is defined first.
    pub fn expand(
        &mut self,
        active: &mut ActiveContext,
        value: &str,
        relative: Relative,
    ) -> Result<Option<String>, JsonLdError> {
        if has_keyword_form(value) {
            return Ok(expand_iri(active, value, relative));
        }
        if self.context.contains_key(value) && self.defined.get(value) != Some(&true) {
            self.define(active, value)?;
        }
        if let Some((prefix, suffix)) = split_compact_iri(value) {
            let dependency = prefix != "_" && !suffix.starts_with("//");
            if dependency
                && self.context.contains_key(prefix)
                && self.defined.get(prefix) != Some(&true)
            {
                self.define(active, prefix)?;
            }
        }
        Ok(expand_iri(active, value, relative))
    }
}

/// Step 4–5: only `@type` may be redefined, and only to say it is a set.
fn check_keyword_term(term: &str, value: &Value) -> Result<(), JsonLdError> {
    if term == "@type" {
        let allowed = |(key, entry): (&String, &Value)| match key.as_str() {
            "@container" => entry.as_str() == Some("@set"),
            "@protected" => true,
            _ => false,
        };
        return match value {
            Value::Object(map) if !map.is_empty() && map.iter().all(allowed) => Ok(()),
            _ => Err(invalid("keyword redefinition", term)),
        };
    }
    if is_keyword(term) {
        return Err(invalid("keyword redefinition", term));
    }
    Ok(())
}

/// Steps 22–23: `@language` and `@direction`, unless there is a `@type`.
fn language_and_direction(
    value: &Map<String, Value>,
    definition: &mut TermDefinition,
) -> Result<(), JsonLdError> {
    if value.contains_key("@type") {
        return Ok(());
    }
    match value.get("@language") {
        None => {}
        Some(Value::Null) => definition.language = Some(None),
        Some(Value::String(language)) => {
            definition.language = Some(Some(language.to_ascii_lowercase()))
        }
        Some(_) => return Err(invalid("invalid language mapping", "not a string")),
    }
    match value.get("@direction") {
        None => {}
        Some(Value::Null) => definition.direction = Some(None),
        Some(Value::String(direction)) => {
            let direction = Direction::parse(direction)
                .ok_or_else(|| invalid("invalid base direction", direction))?;
            definition.direction = Some(Some(direction));
        }
        Some(_) => return Err(invalid("invalid base direction", "not a string")),
    }
    Ok(())
}

/// Steps 24–25: `@nest` and `@prefix`.
fn nest_and_prefix(
    term: &str,
    value: &Map<String, Value>,
    definition: &mut TermDefinition,
) -> Result<(), JsonLdError> {
    match value.get("@nest") {
        None => {}
        Some(Value::String(nest)) if nest == "@nest" || !is_keyword(nest) => {
            definition.nest = Some(nest.clone())
        }
        Some(_) => return Err(invalid("invalid @nest value", term)),
    }
    match value.get("@prefix") {
        None => {}
        Some(_) if term.contains([':', '/']) => {
            return Err(invalid("invalid term definition", term))
        }
        Some(Value::Bool(prefix)) => {
            if *prefix && definition.iri.as_deref().is_some_and(is_keyword) {
                return Err(invalid("invalid term definition", term));
            }
            definition.prefix = *prefix;
        }
        Some(_) => return Err(invalid("invalid @prefix value", term)),
    }
    Ok(())
}
