//! The [active context] and its [term definitions]: immutable once built,
//! shared through `Rc`, and identified by a number that is never reused, so
//! that applying a context to one can be cached.
//!
//! [active context]: https://www.w3.org/TR/json-ld11-api/#dfn-active-context
//! [term definitions]: https://www.w3.org/TR/json-ld11-api/#dfn-term-definition

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

/// The keywords of [JSON-LD 1.1 §1.7](https://www.w3.org/TR/json-ld11/#keywords).
const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// Whether `text` is a JSON-LD keyword.
pub fn is_keyword(text: &str) -> bool {
    text.starts_with('@') && KEYWORDS.contains(&text)
}

/// Whether `text` has the form of a keyword (`@` then ASCII letters only),
/// which JSON-LD 1.1 reserves and ignores when it is not a keyword.
pub fn has_keyword_form(text: &str) -> bool {
    text.strip_prefix('@')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A base direction ([JSON-LD 1.1 §4.2.4](https://www.w3.org/TR/json-ld11/#base-direction)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The direction named by `text`, if it names one.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "ltr" => Some(Self::Ltr),
            "rtl" => Some(Self::Rtl),
            _ => None,
        }
    }

    /// The direction's keyword value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// A container mapping, as a set of container keywords.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Container(u8);

impl Container {
    /// `@list`.
    pub const LIST: Self = Self(1);
    /// `@set`.
    pub const SET: Self = Self(2);
    /// `@graph`.
    pub const GRAPH: Self = Self(4);
    /// `@index`.
    pub const INDEX: Self = Self(8);
    /// `@id`.
    pub const ID: Self = Self(16);
    /// `@type`.
    pub const TYPE: Self = Self(32);
    /// `@language`.
    pub const LANGUAGE: Self = Self(64);

    /// The container keyword `text` names, if any.
    pub fn keyword(text: &str) -> Option<Self> {
        match text {
            "@list" => Some(Self::LIST),
            "@set" => Some(Self::SET),
            "@graph" => Some(Self::GRAPH),
            "@index" => Some(Self::INDEX),
            "@id" => Some(Self::ID),
            "@type" => Some(Self::TYPE),
            "@language" => Some(Self::LANGUAGE),
            _ => None,
        }
    }

    /// Whether every keyword of `other` is in this container mapping.
    pub fn has(self, other: Self) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// This container mapping with the keywords of `other` added.
    pub fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether the mapping is one of the combinations JSON-LD 1.1 allows
    /// ([§4.2.2 step 19](https://www.w3.org/TR/json-ld11-api/#create-term-definition)).
    pub fn is_valid(self) -> bool {
        if self.has(Self::LIST) {
            return self == Self::LIST;
        }
        let without_set = Self(self.0 & !Self::SET.0);
        let single = [
            Self::GRAPH,
            Self::INDEX,
            Self::ID,
            Self::TYPE,
            Self::LANGUAGE,
        ];
        without_set.0 == 0
            || single.contains(&without_set)
            || without_set == Self::GRAPH.with(Self::INDEX)
            || without_set == Self::GRAPH.with(Self::ID)
    }
}

/// A context held by a term definition (a [scoped context]), with a
/// number of its own so that applying it can be cached.
///
/// [scoped context]: https://www.w3.org/TR/json-ld11/#scoped-contexts
#[derive(Clone, Debug)]
pub struct ScopedContext {
    /// Never reused within the life of the module.
    pub id: u64,
    /// The context value as written in the term definition.
    pub value: Rc<Value>,
    /// The URL of the context document that held it, for relative URLs.
    pub base_url: Option<Rc<str>>,
}

impl PartialEq for ScopedContext {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.base_url == other.base_url
    }
}

/// A [term definition](https://www.w3.org/TR/json-ld11-api/#dfn-term-definition).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermDefinition {
    /// The IRI or keyword the term maps to; `None` when it maps to nothing.
    pub iri: Option<String>,
    /// Whether the term may be used as the prefix of a compact IRI.
    pub prefix: bool,
    /// Whether the term is protected from redefinition.
    pub protected: bool,
    /// Whether the term is a reverse property.
    pub reverse: bool,
    /// `@id`, `@vocab`, `@json`, `@none` or a datatype IRI.
    pub type_mapping: Option<String>,
    /// The language mapping: `Some(None)` when explicitly `null`.
    pub language: Option<Option<String>>,
    /// The direction mapping: `Some(None)` when explicitly `null`.
    pub direction: Option<Option<Direction>>,
    /// The container mapping.
    pub container: Container,
    /// The index mapping (property-valued indexes).
    pub index: Option<String>,
    /// The nest value.
    pub nest: Option<String>,
    /// The scoped context.
    pub context: Option<ScopedContext>,
}

impl TermDefinition {
    /// Whether two definitions are the same apart from their protection,
    /// which makes redefining a protected term allowed.
    pub fn same_as(&self, other: &Self) -> bool {
        let unprotected = |definition: &Self| Self {
            protected: false,
            ..definition.clone()
        };
        unprotected(self) == unprotected(other)
    }
}

/// An [active context](https://www.w3.org/TR/json-ld11-api/#dfn-active-context).
#[derive(Debug)]
pub struct ActiveContext {
    /// Never reused within the life of the module.
    pub id: u64,
    /// The term definitions.
    pub terms: HashMap<String, Rc<TermDefinition>>,
    /// The base IRI.
    pub base: Option<Rc<str>>,
    /// The base IRI the context started from, restored by a `null` context.
    pub original_base: Option<Rc<str>>,
    /// The vocabulary mapping.
    pub vocab: Option<String>,
    /// The default language.
    pub language: Option<String>,
    /// The default base direction.
    pub direction: Option<Direction>,
    /// The context to revert to for a non-propagated (type-scoped) context.
    pub previous: Option<Rc<ActiveContext>>,
}

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// A number never handed out before in this thread.
pub fn fresh_id() -> u64 {
    NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    })
}

impl ActiveContext {
    /// A new, empty active context with `base` as base IRI.
    pub fn initial(base: Option<Rc<str>>) -> Self {
        Self {
            id: fresh_id(),
            terms: HashMap::new(),
            original_base: base.clone(),
            base,
            vocab: None,
            language: None,
            direction: None,
            previous: None,
        }
    }

    /// A copy of this context to build on, with a number of its own.
    pub fn derive(&self) -> Self {
        Self {
            id: fresh_id(),
            terms: self.terms.clone(),
            base: self.base.clone(),
            original_base: self.original_base.clone(),
            vocab: self.vocab.clone(),
            language: self.language.clone(),
            direction: self.direction,
            previous: self.previous.clone(),
        }
    }

    /// The definition of `term`, if the context has one.
    pub fn term(&self, term: &str) -> Option<&TermDefinition> {
        self.terms.get(term).map(Rc::as_ref)
    }

    /// Whether any term is protected.
    pub fn has_protected_terms(&self) -> bool {
        self.terms.values().any(|definition| definition.protected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_form_is_at_and_letters() {
        assert!(has_keyword_form("@foo"));
        assert!(!has_keyword_form("@"));
        assert!(!has_keyword_form("@foo1"));
        assert!(is_keyword("@id") && !is_keyword("@foo"));
    }

    #[test]
    fn container_combinations() {
        let set_index = Container::SET.with(Container::INDEX);
        assert!(set_index.is_valid() && set_index.has(Container::INDEX));
        assert!(!Container::LIST.with(Container::SET).is_valid());
        assert!(Container::GRAPH.with(Container::ID).is_valid());
        assert!(!Container::ID.with(Container::TYPE).is_valid());
    }
}
