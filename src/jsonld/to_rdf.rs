//! JSON-LD → RDF ([Deserialize JSON-LD to RDF]) in safe mode, with bundled
//! contexts only and a quad limit, by this crate's own processor.
//!
//! [Deserialize JSON-LD to RDF]: https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm

use std::collections::HashMap;
use std::sync::LazyLock;

use oxrdf::Quad;
use serde_json::Value;

use super::error::JsonLdError;
use super::processor::Processor;
use super::rdf::RdfWriter;
use super::safe_mode;

/// What JSON-LD processing may use and how much work it may do.
#[derive(Clone, Copy, Debug)]
pub struct JsonLdOptions<'a> {
    /// Contexts the caller vouches for (URL → document text), served in
    /// addition to the bundled ones; a caller's context wins over a bundled
    /// one with the same URL.
    pub extra_contexts: &'a HashMap<String, String>,
    /// Most quads one document may expand to.
    pub max_quads: usize,
}

static NO_EXTRA_CONTEXTS: LazyLock<HashMap<String, String>> = LazyLock::new(HashMap::new);

impl<'a> JsonLdOptions<'a> {
    /// Options with the caller's contexts and a quad limit.
    pub fn new(extra_contexts: &'a HashMap<String, String>, max_quads: usize) -> Self {
        Self {
            extra_contexts,
            max_quads,
        }
    }
}

impl JsonLdOptions<'static> {
    /// Bundled contexts only, with a quad limit.
    pub fn bundled_only(max_quads: usize) -> Self {
        Self {
            extra_contexts: &NO_EXTRA_CONTEXTS,
            max_quads,
        }
    }
}

/// Converts a JSON-LD document to RDF quads in safe mode.
///
/// Contexts come only from the bundle and `options.extra_contexts`. The
/// document's blank nodes get processor-chosen labels; canonicalise before
/// comparing or hashing.
///
/// Fails with [`JsonLdError::MissingContext`] when the document has no
/// `@context`, [`JsonLdError::UnknownContext`] or
/// [`JsonLdError::InvalidContext`] for a context that cannot be served,
/// [`JsonLdError::UndefinedTerm`], [`JsonLdError::RelativeIri`],
/// [`JsonLdError::InvalidIri`] or [`JsonLdError::InvalidLanguageTag`] when
/// something would be silently dropped (see [`safe_mode`]),
/// [`JsonLdError::TooManyQuads`] past `options.max_quads`, and
/// [`JsonLdError::Syntax`] (named after the spec's error code) for anything
/// else that is not valid JSON-LD.
///
/// Performance: bundled contexts are parsed once per module, and each
/// processed context is cached for the life of the module, so a context
/// is processed once however many credentials (or nested credentials) use
/// it; contexts the caller supplies are cached for one call.
pub fn to_rdf(document: &Value, options: &JsonLdOptions<'_>) -> Result<Vec<Quad>, JsonLdError> {
    let guarded = safe_mode::guard(document)?;
    let processor = Processor::new(true, options.extra_contexts);
    let expanded = processor.expand_document(&guarded, Some(safe_mode::SENTINEL_BASE))?;
    RdfWriter::new(true, options.max_quads).write(&expanded)
}

/// Plain JSON-LD to RDF, without safe mode: what JSON-LD drops is dropped.
/// For the W3C test suite only, which expects exactly that; `base` is the
/// document's base IRI.
///
/// Fails with [`JsonLdError::Syntax`] naming the spec's error code, and
/// for contexts that cannot be served.
#[doc(hidden)]
pub fn to_rdf_unsafe(
    document: &Value,
    base: Option<&str>,
    options: &JsonLdOptions<'_>,
) -> Result<Vec<Quad>, JsonLdError> {
    let processor = Processor::new(false, options.extra_contexts);
    let expanded = processor.expand_document(document, base)?;
    RdfWriter::new(false, options.max_quads).write(&expanded)
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

    const V2: &str = "https://www.w3.org/ns/credentials/v2";

    fn credential() -> Value {
        json!({
            "@context": [V2],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "credentialSubject": {"id": "did:example:subject"}
        })
    }

    fn with(pointer: &str, value: Value) -> Value {
        let mut document = credential();
        let (parent, name) = pointer.rsplit_once('/').unwrap();
        let target = document.pointer_mut(parent).unwrap();
        target.as_object_mut().unwrap().insert(name.into(), value);
        document
    }

    fn quads(document: &Value) -> Result<Vec<Quad>, JsonLdError> {
        to_rdf(document, &JsonLdOptions::bundled_only(1000))
    }

    fn error(document: &Value) -> JsonLdError {
        quads(document).unwrap_err()
    }

    fn undefined(term: &str) -> JsonLdError {
        JsonLdError::UndefinedTerm { term: term.into() }
    }

    fn relative(iri: &str) -> JsonLdError {
        JsonLdError::RelativeIri { iri: iri.into() }
    }

    #[test]
    fn a_valid_credential_expands() {
        assert_eq!(quads(&credential()).unwrap().len(), 3);
    }

    #[test]
    fn what_plain_json_ld_drops_is_named() {
        let cases = [
            (with("/colour", json!("red")), undefined("colour")),
            (
                with("/type", json!(["VerifiableCredential", "Diploma"])),
                undefined("Diploma"),
            ),
            (
                with("/type", json!(["VerifiableCredential", "Foo Bar"])),
                undefined("Foo Bar"),
            ),
            (with("/credentialSubject/@foo", json!(1)), undefined("@foo")),
            (
                with("/credentialSubject/first name", json!("x")),
                undefined("first name"),
            ),
            (
                with("/validFrom", json!({"@value": "x", "@type": "bad type"})),
                undefined("bad type"),
            ),
            (with("/issuer", json!("issuers/1")), relative("issuers/1")),
            (with("/issuer", json!("not an iri")), relative("not an iri")),
            (
                with("/issuer", json!("//evil.example/i")),
                relative("//evil.example/i"),
            ),
            (with("/credentialSubject/id", json!("#me")), relative("#me")),
            (
                with("/id", json!("http://exa mple.com/")),
                JsonLdError::InvalidIri {
                    iri: "http://exa mple.com/".into(),
                },
            ),
            (
                with("/credentialSubject/id", json!("_:b 1")),
                JsonLdError::InvalidIri {
                    iri: "_:b 1".into(),
                },
            ),
            (
                with("/validFrom", json!({"@value": "x", "@language": "en us"})),
                JsonLdError::InvalidLanguageTag {
                    tag: "en us".into(),
                },
            ),
        ];
        for (document, expected) in cases {
            assert_eq!(error(&document), expected, "{document}");
        }
    }

    #[test]
    fn context_resets_do_not_switch_safe_mode_off() {
        let reset = json!({
            "@context": {"name": "https://schema.org/name", "knows": "https://schema.org/knows"},
            "knows": {"@context": [null, {"name": "https://schema.org/name"}], "name": "b", "colour": "red"}
        });
        assert_eq!(error(&reset), undefined("colour"));
        let no_vocab = json!({
            "@context": {"@vocab": "https://schema.org/"},
            "knows": {"@context": {"@vocab": null}, "colour": "red"}
        });
        assert_eq!(error(&no_vocab), undefined("colour"));
    }

    #[test]
    fn a_credential_inside_a_presentation_is_checked_too() {
        let mut inner = credential();
        inner["credentialSubject"]["colour"] = json!("red");
        let presentation = json!({
            "@context": [V2],
            "type": "VerifiablePresentation",
            "verifiableCredential": [inner]
        });
        assert_eq!(error(&presentation), undefined("colour"));
    }

    #[test]
    fn a_real_vocab_still_defines_terms() {
        let mut document = credential();
        document["@context"] = json!([V2, "https://www.w3.org/ns/credentials/examples/v2"]);
        document["credentialSubject"]["colour"] = json!("red");
        assert_eq!(quads(&document).unwrap().len(), 4);
    }

    #[test]
    fn contexts_come_only_from_the_bundle_or_the_caller() {
        let mut document = credential();
        document["@context"] = json!([V2, "https://example.com/context"]);
        let unknown = JsonLdError::UnknownContext {
            url: "https://example.com/context".into(),
        };
        assert_eq!(error(&document), unknown);

        let mut extra = HashMap::new();
        extra.insert(
            "https://example.com/context".to_owned(),
            r#"{"@context": {"colour": "https://example.com/colour"}}"#.to_owned(),
        );
        document["credentialSubject"]["colour"] = json!("red");
        let quads = to_rdf(&document, &JsonLdOptions::new(&extra, 1000)).unwrap();
        assert_eq!(quads.len(), 4);
    }

    /// Terms the 1EdTech validator's copy of OB context 3.0.3 added later
    /// than the spec-repo copy still expand.
    #[test]
    fn terms_added_to_ob_3_0_3_later_still_expand() {
        let mut document = credential();
        let ob = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
        document["@context"] = json!([V2, ob]);
        document["jti"] = json!("urn:uuid:1");
        document["endorsementJwt"] = json!(["eyJhbGciOiJub25lIn0.e30."]);
        let predicates: Vec<String> = quads(&document)
            .unwrap()
            .iter()
            .map(|quad| quad.predicate.as_str().to_owned())
            .collect();
        assert!(predicates.contains(&"https://www.iana.org/assignments/jwt#jti".to_owned()));
        let endorsement = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt";
        assert!(predicates.contains(&endorsement.to_owned()));
    }

    #[test]
    fn a_document_needs_a_context() {
        let mut document = credential();
        document.as_object_mut().unwrap().remove("@context");
        assert_eq!(error(&document), JsonLdError::MissingContext);
        assert_eq!(error(&json!("text")), JsonLdError::MissingContext);
    }

    #[test]
    fn the_quad_limit_holds() {
        let result = to_rdf(&credential(), &JsonLdOptions::bundled_only(2));
        assert_eq!(result, Err(JsonLdError::TooManyQuads { limit: 2 }));
        assert!(to_rdf(&credential(), &JsonLdOptions::bundled_only(3)).is_ok());
    }

    #[test]
    fn invalid_json_ld_is_a_syntax_error() {
        let document = with("/credentialSubject/@id", json!(5));
        assert!(matches!(error(&document), JsonLdError::Syntax { .. }));
    }

    /// Two types on one node with a type-scoped context each: both apply
    /// (the W3C `employ` vector's Person + EmployablePerson).
    fn two_scoped_types() -> Value {
        json!({
            "@version": 1.1,
            "A": {"@id": "https://example.com/A", "@context": {"a": "https://example.com/a"}},
            "B": {"@id": "https://example.com/B", "@context": {"b": "https://example.com/b"}},
            "child": "https://example.com/child"
        })
    }

    #[test]
    fn every_type_scoped_context_of_a_node_applies() {
        let document =
            json!({"@context": two_scoped_types(), "@type": ["B", "A"], "a": "1", "b": "2"});
        assert_eq!(quads(&document).unwrap().len(), 4);
    }

    #[test]
    fn type_scoped_contexts_do_not_reach_nested_nodes() {
        let document = json!({"@context": two_scoped_types(), "@type": "A", "child": {"a": "x"}});
        assert_eq!(error(&document), undefined("a"));
    }

    #[test]
    fn a_caller_context_is_not_served_from_the_module_cache() {
        assert_eq!(quads(&credential()).unwrap().len(), 3);
        let mut extra = HashMap::new();
        let other_v2 = r#"{"@context": {"@vocab": "https://example.com/vocab#"}}"#;
        extra.insert(V2.to_owned(), other_v2.to_owned());
        let quads = to_rdf(&credential(), &JsonLdOptions::new(&extra, 1000)).unwrap();
        assert!(quads.iter().all(|quad| quad
            .predicate
            .as_str()
            .starts_with("https://example.com/vocab#")));
    }

    #[test]
    fn long_chains_of_term_dependencies_are_an_error_not_a_crash() {
        let mut context = serde_json::Map::new();
        for index in (1..5000).rev() {
            context.insert(format!("t{index}"), json!(format!("t{}:a", index - 1)));
        }
        context.insert("t0".into(), json!("https://example.com/"));
        let document = json!({"@context": context, "t4999": "x"});
        assert!(matches!(error(&document), JsonLdError::Syntax { .. }));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut document = json!({"@id": "https://example.com/leaf"});
        for _ in 0..200 {
            document = json!({"https://example.com/p": [document]});
        }
        document["@context"] = json!({});
        assert!(matches!(error(&document), JsonLdError::Syntax { .. }));
    }
}
