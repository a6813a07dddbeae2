//! JSON-LD → RDF ([Deserialize JSON-LD to RDF], via oxjsonld) in safe mode,
//! with bundled contexts only and a quad limit.
//!
//! [Deserialize JSON-LD to RDF]: https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm

use std::collections::HashMap;
use std::sync::LazyLock;

use oxjsonld::{JsonLdParser, JsonLdSyntaxError};
use oxrdf::Quad;
use serde_json::Value;

use super::error::JsonLdError;
use super::loader::Loader;
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
/// [`JsonLdError::Syntax`] for anything else the processor rejects.
///
/// Safe-mode processing needs to see what plain JSON-LD would drop, so
/// oxjsonld runs in its lenient mode: it then passes invalid IRIs, blank
/// node labels and language tags through instead of silently dropping the
/// statements that hold them, and every term of every quad is validated
/// here. In oxjsonld 0.2.7 (pinned) lenient mode differs from strict mode
/// only in those validity checks, so a document accepted here yields exactly
/// the strict quads; a test compares both modes over every fixture. Re-check
/// the lenient branches when upgrading oxjsonld.
///
/// Performance: the bundled context texts are compiled in, but oxjsonld
/// re-parses each context once per document and re-processes its term
/// definitions each time it is applied (each nested credential's `@context`,
/// and type- and property-scoped contexts), so processing cost grows with
/// the number of nested credentials, not only with the number of distinct
/// contexts.
pub fn to_rdf(document: &Value, options: &JsonLdOptions<'_>) -> Result<Vec<Quad>, JsonLdError> {
    let guarded = safe_mode::guard(document)?;
    let bytes = serde_json::to_vec(&guarded).map_err(|error| syntax(&error))?;

    let mut quads = Vec::new();
    parse(&bytes, options, Pass::Lenient, |quad| {
        safe_mode::check_quad(&quad)?;
        quads.push(quad);
        within_limit(quads.len(), options.max_quads)
    })?;
    Ok(quads)
}

/// [`to_rdf`] by this crate's own JSON-LD processor (while both exist).
///
/// Fails like [`to_rdf`].
pub fn to_rdf_native(
    document: &Value,
    options: &JsonLdOptions<'_>,
) -> Result<Vec<Quad>, JsonLdError> {
    let guarded = safe_mode::guard(document)?;
    let processor = Processor::new(true, options.extra_contexts);
    let expanded = processor.expand_document(&guarded, Some(safe_mode::SENTINEL_BASE))?;
    RdfWriter::new(true, options.max_quads).write(&expanded)
}

/// Plain JSON-LD to RDF, without safe mode: what JSON-LD drops is dropped.
/// For the W3C test suite only, which expects exactly that.
///
/// Fails with [`JsonLdError::Syntax`] naming the spec's error code, and
/// for contexts that cannot be served.
pub fn to_rdf_unsafe(
    document: &Value,
    base: Option<&str>,
    options: &JsonLdOptions<'_>,
) -> Result<Vec<Quad>, JsonLdError> {
    let processor = Processor::new(false, options.extra_contexts);
    let expanded = processor.expand_document(document, base)?;
    RdfWriter::new(false, options.max_quads).write(&expanded)
}

/// How strictly oxjsonld validates what it emits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Invalid IRIs and language tags are emitted, so they can be named.
    Lenient,
    /// Invalid IRIs and language tags are dropped (compared in tests only).
    #[cfg(test)]
    Strict,
}

fn parse(
    bytes: &[u8],
    options: &JsonLdOptions<'_>,
    pass: Pass,
    mut each: impl FnMut(Quad) -> Result<(), JsonLdError>,
) -> Result<(), JsonLdError> {
    let loader = Loader::new(options.extra_contexts);
    let mut parser = JsonLdParser::new();
    if pass == Pass::Lenient {
        parser = parser.lenient();
    }
    let parser = parser
        .with_base_iri(safe_mode::SENTINEL_BASE)
        .map_err(|error| syntax(&error))?
        .for_slice(bytes)
        .with_load_document_callback(loader.callback());

    for result in parser {
        each(result.map_err(|error| processor_error(&loader, &error))?)?;
    }
    Ok(())
}

fn within_limit(count: usize, limit: usize) -> Result<(), JsonLdError> {
    if count > limit {
        return Err(JsonLdError::TooManyQuads { limit });
    }
    Ok(())
}

/// A processor error, named after the refused context when there was one.
fn processor_error(loader: &Loader, error: &JsonLdSyntaxError) -> JsonLdError {
    loader.refusal().unwrap_or_else(|| syntax(error))
}

fn syntax(error: &dyn std::fmt::Display) -> JsonLdError {
    JsonLdError::Syntax {
        detail: error.to_string(),
    }
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

    /// Every JSON fixture that safe mode accepts gives the same quads in
    /// oxjsonld's strict mode, so lenient mode changes nothing but naming.
    #[test]
    fn strict_mode_agrees_on_every_fixture() {
        let mut compared = 0;
        for document in fixture_documents("../shared/fixtures/credentials") {
            let options = JsonLdOptions::bundled_only(100_000);
            let Ok(lenient) = to_rdf(&document, &options) else {
                continue;
            };
            let bytes = serde_json::to_vec(&safe_mode::guard(&document).unwrap()).unwrap();
            let mut strict = Vec::new();
            parse(&bytes, &options, Pass::Strict, |quad| {
                strict.push(quad);
                Ok(())
            })
            .unwrap();
            assert_eq!(canonical(&lenient), canonical(&strict), "{document}");
            compared += 1;
        }
        assert!(compared > 150, "only {compared} fixtures compared");
    }

    fn canonical(quads: &[Quad]) -> String {
        crate::canon::rdfc10(quads, crate::canon::HashAlgorithm::Sha256, 10_000).unwrap()
    }

    /// Every JSON file below `folder`, without its proofs.
    fn fixture_documents(folder: &str) -> Vec<Value> {
        let mut documents = Vec::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                documents.extend(fixture_documents(path.to_str().unwrap()));
            } else if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                if let Ok(mut document) = serde_json::from_str::<Value>(&text) {
                    document
                        .as_object_mut()
                        .map(|object| object.remove("proof"));
                    documents.push(document);
                }
            }
        }
        documents
    }

    #[test]
    fn invalid_json_ld_is_a_syntax_error() {
        let document = with("/credentialSubject/@id", json!(5));
        assert!(matches!(error(&document), JsonLdError::Syntax { .. }));
    }
}
