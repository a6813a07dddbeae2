//! "Safe mode": JSON-LD processing in which nothing is silently dropped.
//!
//! Plain JSON-LD drops a property that no context defines, and a relative
//! `@id` or `@type` when there is no base IRI. Dropped data is not signed by
//! an RDF-canonicalised proof, yet a JSON view of the document still shows
//! it (VC Data Integrity, [Securing Data Losslessly]). Safe mode turns both
//! into errors that name the culprit.
//!
//! Technique: before processing, a sentinel context `{"@vocab": VOCAB}` is
//! put first in the document's `@context`, and the document is processed
//! with a sentinel base IRI. A term no real context defines then expands
//! under the sentinel vocabulary instead of vanishing, and a relative IRI
//! resolves under the sentinel base. Any quad that contains either sentinel
//! names its culprit. A valid document is unaffected: its terms are all
//! defined, a real `@vocab` later in `@context` overrides the sentinel, and
//! it has no relative IRIs.
//!
//! JSON-LD also drops a statement whose IRI, blank node label or language
//! tag is invalid (an `id` with a space, say). In safe mode the processor
//! names those as it builds each term instead (as [`check_quad`] does for a
//! finished quad), checking [`check_sentinels`] first. What neither can see is checked on the JSON first: a key that looks like a
//! keyword but is not one (`@foo`), which JSON-LD ignores. A context
//! reset (`null`, or `"@vocab": null`) written in the document re-installs
//! the sentinel after it, and every `@context` nested in the body starts
//! with the sentinel too: a context reset in a bundled context (the VC 2.0
//! `verifiableCredential` of a presentation) is always followed by the
//! nested document's own `@context`. Under a nested `@context` an outer
//! `@vocab` no longer applies: stricter than JSON-LD, never looser.
//!
//! [Securing Data Losslessly]: https://www.w3.org/TR/vc-data-integrity/#securing-data-losslessly

use oxrdf::{
    BlankNode, GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, TermRef,
};
use serde_json::{Map, Value};

use super::active_context::is_keyword;
use super::error::JsonLdError;

/// The vocabulary an undefined term falls back to. The scheme is one no real
/// document uses, so a match is never a false alarm on valid data.
pub const SENTINEL_VOCAB: &str = "x-cler-undefined-term:";

/// The base a relative IRI reference resolves against. A hierarchical path,
/// so every kind of reference (`a`, `/a`, `//host/a`, `?q`, `#f`) keeps the
/// sentinel scheme when resolved.
pub const SENTINEL_BASE: &str = "x-cler-relative-iri:/";

/// The scheme of [`SENTINEL_BASE`], which every resolved reference keeps.
const SENTINEL_BASE_SCHEME: &str = "x-cler-relative-iri:";

/// The document with the sentinels installed, after the JSON-level checks.
///
/// Fails with [`JsonLdError::MissingContext`] when the document is not an
/// object with an `@context`, and [`JsonLdError::UndefinedTerm`] for a key
/// that JSON-LD would drop before the sentinels could see it.
pub fn guard(document: &Value) -> Result<Value, JsonLdError> {
    let Some(object) = document.as_object() else {
        return Err(JsonLdError::MissingContext);
    };
    if !object.contains_key("@context") {
        return Err(JsonLdError::MissingContext);
    }

    guard_node(object).map(Value::Object)
}

/// Checks one quad built without validation: no sentinel, and every IRI,
/// blank node label and language tag valid (plain JSON-LD would have
/// dropped the quad silently).
///
/// Fails with [`JsonLdError::UndefinedTerm`], [`JsonLdError::RelativeIri`],
/// [`JsonLdError::InvalidIri`] or [`JsonLdError::InvalidLanguageTag`].
pub fn check_quad(quad: &Quad) -> Result<(), JsonLdError> {
    for_each_iri(quad, |iri| {
        check_iri(iri)?;
        valid_iri(iri.as_str())
    })?;
    for_each_blank_node(quad, valid_blank_node)?;
    match quad.object.as_ref() {
        TermRef::Literal(literal) => literal.language().map_or(Ok(()), valid_language_tag),
        _ => Ok(()),
    }
}

fn for_each_iri(
    quad: &Quad,
    mut check: impl FnMut(NamedNodeRef<'_>) -> Result<(), JsonLdError>,
) -> Result<(), JsonLdError> {
    if let NamedOrBlankNode::NamedNode(subject) = &quad.subject {
        check(subject.as_ref())?;
    }
    check(quad.predicate.as_ref())?;
    match quad.object.as_ref() {
        TermRef::NamedNode(object) => check(object)?,
        TermRef::Literal(literal) => check(literal.datatype())?,
        _ => (),
    }
    if let GraphName::NamedNode(graph) = &quad.graph_name {
        check(graph.as_ref())?;
    }
    Ok(())
}

fn for_each_blank_node(
    quad: &Quad,
    check: impl Fn(&str) -> Result<(), JsonLdError>,
) -> Result<(), JsonLdError> {
    if let NamedOrBlankNode::BlankNode(subject) = &quad.subject {
        check(subject.as_str())?;
    }
    if let TermRef::BlankNode(object) = quad.object.as_ref() {
        check(object.as_str())?;
    }
    if let GraphName::BlankNode(graph) = &quad.graph_name {
        check(graph.as_str())?;
    }
    Ok(())
}

fn valid_iri(iri: &str) -> Result<(), JsonLdError> {
    NamedNode::new(iri)
        .map(drop)
        .map_err(|_| JsonLdError::InvalidIri { iri: iri.into() })
}

fn valid_blank_node(label: &str) -> Result<(), JsonLdError> {
    BlankNode::new(label)
        .map(drop)
        .map_err(|_| JsonLdError::InvalidIri {
            iri: format!("_:{label}"),
        })
}

fn valid_language_tag(tag: &str) -> Result<(), JsonLdError> {
    Literal::new_language_tagged_literal("", tag)
        .map(drop)
        .map_err(|_| JsonLdError::InvalidLanguageTag { tag: tag.into() })
}

fn check_iri(iri: NamedNodeRef<'_>) -> Result<(), JsonLdError> {
    check_sentinels(iri.as_str())
}

/// Fails with [`JsonLdError::UndefinedTerm`] or [`JsonLdError::RelativeIri`]
/// when `iri` is under a sentinel, naming the term or reference as written.
pub fn check_sentinels(iri: &str) -> Result<(), JsonLdError> {
    if let Some(term) = iri.strip_prefix(SENTINEL_VOCAB) {
        return Err(JsonLdError::UndefinedTerm { term: term.into() });
    }
    if let Some(reference) = iri.strip_prefix(SENTINEL_BASE_SCHEME) {
        return Err(JsonLdError::RelativeIri {
            iri: recover_reference(reference),
        });
    }
    Ok(())
}

/// The reference as written, as far as resolution against the sentinel base
/// left it recoverable (`a` and `/a` both resolve to `…:/a`).
fn recover_reference(resolved: &str) -> String {
    if resolved.starts_with("//") {
        return resolved.into();
    }
    resolved.strip_prefix('/').unwrap_or(resolved).into()
}

/// A context value reset-guarded, with the sentinel first.
fn sentinel_first(context: &Value) -> Value {
    let mut contexts = vec![sentinel_context()];
    contexts.extend(guard_context_list(context));
    Value::Array(contexts)
}

fn sentinel_context() -> Value {
    let mut object = Map::new();
    object.insert("@vocab".into(), Value::String(SENTINEL_VOCAB.into()));
    Value::Object(object)
}

/// The entries of a context value, with the sentinel re-installed after each
/// reset and in place of each `"@vocab": null`.
fn guard_context_list(context: &Value) -> Vec<Value> {
    let entries = match context {
        Value::Array(entries) => entries.as_slice(),
        single => std::slice::from_ref(single),
    };
    entries.iter().flat_map(guard_context_entry).collect()
}

fn guard_context_entry(entry: &Value) -> Vec<Value> {
    match entry {
        Value::Null => vec![Value::Null, sentinel_context()],
        Value::Object(definitions) => vec![Value::Object(guard_definitions(definitions))],
        other => vec![other.clone()],
    }
}

/// An embedded context object: `"@vocab": null` becomes the sentinel, and
/// scoped contexts inside term definitions get the same guard.
fn guard_definitions(definitions: &Map<String, Value>) -> Map<String, Value> {
    definitions
        .iter()
        .map(|(key, value)| {
            let guarded = match (key.as_str(), value) {
                ("@vocab", Value::Null) => Value::String(SENTINEL_VOCAB.into()),
                ("@context", scoped) => Value::Array(guard_context_list(scoped)),
                (_, Value::Object(definition)) => Value::Object(guard_definitions(definition)),
                (_, other) => other.clone(),
            };
            (key.clone(), guarded)
        })
        .collect()
}

/// A node of the document body: its `@context` gets the sentinel first, its
/// keys are checked, its values guarded in turn.
fn guard_node(object: &Map<String, Value>) -> Result<Map<String, Value>, JsonLdError> {
    let mut guarded = Map::new();
    for (key, value) in object {
        let value = if key == "@context" {
            sentinel_first(value)
        } else {
            check_key(key)?;
            guard_value(value)?
        };
        guarded.insert(key.clone(), value);
    }
    Ok(guarded)
}

fn guard_value(value: &Value) -> Result<Value, JsonLdError> {
    match value {
        Value::Object(object) => guard_node(object).map(Value::Object),
        Value::Array(items) => items
            .iter()
            .map(guard_value)
            .collect::<Result<_, _>>()
            .map(Value::Array),
        other => Ok(other.clone()),
    }
}

/// Rejects a key in keyword form that is not a keyword: JSON-LD ignores
/// it whatever the contexts say.
fn check_key(key: &str) -> Result<(), JsonLdError> {
    if key.starts_with('@') && !is_keyword(key) {
        return Err(JsonLdError::UndefinedTerm { term: key.into() });
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
    use serde_json::json;

    #[test]
    fn puts_the_sentinel_first() {
        let guarded = guard(&json!({"@context": "https://example.com/a", "name": "x"})).unwrap();
        assert_eq!(
            guarded["@context"],
            json!([{"@vocab": SENTINEL_VOCAB}, "https://example.com/a"])
        );
    }

    #[test]
    fn reinstalls_the_sentinel_after_a_reset() {
        let guarded = guard(&json!({"@context": ["https://a", null, {"@vocab": null}]})).unwrap();
        let expected = json!([
            {"@vocab": SENTINEL_VOCAB},
            "https://a",
            null,
            {"@vocab": SENTINEL_VOCAB},
            {"@vocab": SENTINEL_VOCAB}
        ]);
        assert_eq!(guarded["@context"], expected);
    }

    #[test]
    fn guards_nested_contexts() {
        let document = json!({"@context": "https://a", "x": {"@context": null, "y": 1}});
        let guarded = guard(&document).unwrap();
        let expected = json!([{"@vocab": SENTINEL_VOCAB}, null, {"@vocab": SENTINEL_VOCAB}]);
        assert_eq!(guarded["x"]["@context"], expected);
    }

    #[test]
    fn guards_scoped_contexts_in_embedded_definitions() {
        let document = json!({"@context": {"p": {"@id": "https://p", "@context": null}}});
        let guarded = guard(&document).unwrap();
        assert_eq!(
            guarded["@context"][1]["p"]["@context"],
            json!([null, {"@vocab": SENTINEL_VOCAB}])
        );
    }

    #[test]
    fn requires_a_context() {
        assert_eq!(
            guard(&json!({"name": "x"})),
            Err(JsonLdError::MissingContext)
        );
        assert_eq!(
            guard(&json!([{"@context": {}}])),
            Err(JsonLdError::MissingContext)
        );
    }

    #[test]
    fn rejects_keys_in_keyword_form() {
        for key in ["@foo", "@Context"] {
            let document = json!({"@context": {}, "x": {key: 1}});
            assert_eq!(
                guard(&document),
                Err(JsonLdError::UndefinedTerm { term: key.into() })
            );
        }
        assert!(guard(&json!({"@context": {}, "@id": "x", "first name": 1})).is_ok());
    }

    #[test]
    fn names_the_culprit_in_quads() {
        let quad = |predicate: &str, object: &str| {
            Quad::new(
                NamedNode::new("https://s").unwrap(),
                NamedNode::new(predicate).unwrap(),
                NamedNode::new(object).unwrap(),
                GraphName::DefaultGraph,
            )
        };
        let undefined = quad(&format!("{SENTINEL_VOCAB}colour"), "https://o");
        assert_eq!(
            check_quad(&undefined),
            Err(JsonLdError::UndefinedTerm {
                term: "colour".into()
            })
        );
        let relative = quad("https://p", &format!("{SENTINEL_BASE}issuers/1"));
        assert_eq!(
            check_quad(&relative),
            Err(JsonLdError::RelativeIri {
                iri: "issuers/1".into()
            })
        );
        let network = quad(
            "https://p",
            &format!("{SENTINEL_BASE_SCHEME}//evil.example/x"),
        );
        assert_eq!(
            check_quad(&network),
            Err(JsonLdError::RelativeIri {
                iri: "//evil.example/x".into()
            })
        );
        assert!(check_quad(&quad("https://p", "https://o")).is_ok());
    }
}
