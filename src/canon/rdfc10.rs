//! [RDFC-1.0](https://www.w3.org/TR/rdf-canon/) through the `rdf-canon`
//! crate, with a call limit against poisoned graphs.
//!
//! `rdf-canon` is built on `oxrdf` 0.2 while the JSON-LD processor produces
//! `oxrdf` 0.3 quads; the terms are copied across unchanged (both versions
//! hold the same validated strings).

use oxrdf02 as old;
use rdf_canon::{CanonicalizationError, CanonicalizationOptions};
use sha2::{Sha256, Sha384};

use super::error::CanonError;

/// The hash function RDFC-1.0 uses to label blank nodes
/// ([RDFC-1.0 §4.1](https://www.w3.org/TR/rdf-canon/#canon-algo-overview)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-256, the default and the one every EdDSA and P-256 suite uses.
    #[default]
    Sha256,
    /// SHA-384, used with P-384 keys.
    Sha384,
}

/// The canonical N-Quads of `quads` (one line per quad, each ending in a
/// newline, sorted), blank nodes relabelled `_:c14n0`, `_:c14n1`, ….
///
/// Duplicate quads collapse to one, as in an RDF dataset. Fails with
/// [`CanonError::TooComplex`] when labelling needs more than `max_calls`
/// "hash N-degree quads" calls.
pub fn rdfc10(
    quads: &[oxrdf::Quad],
    hash: HashAlgorithm,
    max_calls: usize,
) -> Result<String, CanonError> {
    let converted: Vec<old::Quad> = quads.iter().map(convert_quad).collect();
    let options = CanonicalizationOptions {
        hndq_call_limit: Some(max_calls),
    };

    let result = match hash {
        HashAlgorithm::Sha256 => rdf_canon::canonicalize_quads_with::<Sha256>(&converted, &options),
        HashAlgorithm::Sha384 => rdf_canon::canonicalize_quads_with::<Sha384>(&converted, &options),
    };
    result.map_err(canon_error)
}

fn canon_error(error: CanonicalizationError) -> CanonError {
    match error {
        CanonicalizationError::HndqCallLimitExceeded(limit) => CanonError::TooComplex { limit },
        other => CanonError::Inconsistent {
            detail: other.to_string(),
        },
    }
}

fn convert_quad(quad: &oxrdf::Quad) -> old::Quad {
    old::Quad::new(
        convert_subject(&quad.subject),
        named(&quad.predicate),
        convert_term(&quad.object),
        convert_graph(&quad.graph_name),
    )
}

fn named(node: &oxrdf::NamedNode) -> old::NamedNode {
    old::NamedNode::new_unchecked(node.as_str())
}

fn blank(node: &oxrdf::BlankNode) -> old::BlankNode {
    old::BlankNode::new_unchecked(node.as_str())
}

fn convert_subject(subject: &oxrdf::NamedOrBlankNode) -> old::Subject {
    match subject {
        oxrdf::NamedOrBlankNode::NamedNode(node) => named(node).into(),
        oxrdf::NamedOrBlankNode::BlankNode(node) => blank(node).into(),
    }
}

fn convert_term(term: &oxrdf::Term) -> old::Term {
    match term {
        oxrdf::Term::NamedNode(node) => named(node).into(),
        oxrdf::Term::BlankNode(node) => blank(node).into(),
        oxrdf::Term::Literal(literal) => convert_literal(literal).into(),
    }
}

fn convert_literal(literal: &oxrdf::Literal) -> old::Literal {
    match literal.language() {
        Some(language) => {
            old::Literal::new_language_tagged_literal_unchecked(literal.value(), language)
        }
        None => old::Literal::new_typed_literal(
            literal.value(),
            old::NamedNode::new_unchecked(literal.datatype().as_str()),
        ),
    }
}

fn convert_graph(graph: &oxrdf::GraphName) -> old::GraphName {
    match graph {
        oxrdf::GraphName::NamedNode(node) => named(node).into(),
        oxrdf::GraphName::BlankNode(node) => blank(node).into(),
        oxrdf::GraphName::DefaultGraph => old::GraphName::DefaultGraph,
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
    use oxrdf::{BlankNode, GraphName, Literal, NamedNode, Quad};

    fn quad(subject: &str, object: oxrdf::Term, graph: GraphName) -> Quad {
        let predicate = NamedNode::new("http://example.org/p").unwrap();
        Quad::new(BlankNode::new(subject).unwrap(), predicate, object, graph)
    }

    #[test]
    fn relabels_blank_nodes_and_keeps_literals() {
        let english = Literal::new_language_tagged_literal("hi", "en").unwrap();
        let typed = Literal::new_typed_literal("1", NamedNode::new("http://t").unwrap());
        let quads = [
            quad("x", english.into(), GraphName::DefaultGraph),
            quad("x", typed.into(), BlankNode::new("g").unwrap().into()),
        ];
        let canonical = rdfc10(&quads, HashAlgorithm::Sha256, 100).unwrap();
        let expected = "_:c14n1 <http://example.org/p> \"1\"^^<http://t> _:c14n0 .\n\
                        _:c14n1 <http://example.org/p> \"hi\"@en .\n";
        assert_eq!(canonical, expected);
    }

    #[test]
    fn stops_at_the_call_limit() {
        let mut quads = Vec::new();
        for a in 0..6 {
            for b in 0..6 {
                if a != b {
                    let object = BlankNode::new(format!("n{b}")).unwrap();
                    quads.push(quad(
                        &format!("n{a}"),
                        object.into(),
                        GraphName::DefaultGraph,
                    ));
                }
            }
        }
        let result = rdfc10(&quads, HashAlgorithm::Sha256, 10);
        assert_eq!(result, Err(CanonError::TooComplex { limit: 10 }));
    }
}
