//! [Deserialize JSON-LD to RDF] (JSON-LD 1.1 API §8.1–8.4) from expanded
//! JSON-LD, without building a node map: each node object emits its own
//! quads into the graph it sits in, and duplicates collapse as in an RDF
//! dataset. Blank nodes get fresh labels (`b0`, `b1`, …).
//!
//! What plain JSON-LD drops (an invalid IRI, blank node label or language
//! tag, an IRI under a safe-mode sentinel) is an error in safe mode.
//!
//! [Deserialize JSON-LD to RDF]: https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm

use std::collections::{HashMap, HashSet};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use serde_json::{Map, Number, Value};

use super::error::JsonLdError;
use super::iri_expansion::is_absolute_iri;
use super::processor::{invalid, MAX_DEPTH};
use super::safe_mode;

/// `rdf:JSON`, the datatype of JSON literals.
const RDF_JSON: oxrdf::NamedNodeRef<'static> =
    oxrdf::NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON");

/// Collects the quads of one document.
#[derive(Debug)]
pub struct RdfWriter {
    safe: bool,
    max_quads: usize,
    quads: Vec<Quad>,
    seen: HashSet<Quad>,
    blank_nodes: HashMap<String, BlankNode>,
    next_blank_node: u64,
}

impl RdfWriter {
    /// A writer in safe mode or not, stopping past `max_quads`.
    pub fn new(safe: bool, max_quads: usize) -> Self {
        Self {
            safe,
            max_quads,
            quads: Vec::new(),
            seen: HashSet::new(),
            blank_nodes: HashMap::new(),
            next_blank_node: 0,
        }
    }

    /// The quads of an expanded document, in the default graph.
    ///
    /// Fails in safe mode with [`JsonLdError::UndefinedTerm`],
    /// [`JsonLdError::RelativeIri`], [`JsonLdError::InvalidIri`] or
    /// [`JsonLdError::InvalidLanguageTag`]; and with
    /// [`JsonLdError::TooManyQuads`] past the limit.
    pub fn write(mut self, expanded: &[Value]) -> Result<Vec<Quad>, JsonLdError> {
        for node in expanded {
            if let Value::Object(node) = node {
                self.node(node, &GraphName::DefaultGraph, 0)?;
            }
        }
        Ok(self.quads)
    }

    /// A node object's quads; returns its subject.
    fn node(
        &mut self,
        node: &Map<String, Value>,
        graph: &GraphName,
        depth: usize,
    ) -> Result<Option<NamedOrBlankNode>, JsonLdError> {
        if depth > MAX_DEPTH {
            return Err(invalid(
                "recursion limit",
                "the document is nested too deeply",
            ));
        }
        let subject = match node.get("@id") {
            Some(Value::String(id)) => self.node_id(id)?,
            Some(_) => None,
            None => Some(self.fresh().into()),
        };

        for kind in node.get("@type").map(as_slice).unwrap_or_default() {
            let object = match kind {
                Value::String(kind) => self.node_id(kind)?,
                _ => None,
            };
            self.emit(
                &subject,
                Some(rdf::TYPE.into_owned()),
                object.map(Term::from),
                graph,
            )?;
        }
        for (property, values) in node {
            match property.as_str() {
                "@reverse" => self.reverse(&subject, values, graph, depth)?,
                "@graph" => self.named_graph(&subject, values, depth)?,
                "@included" => self.included(values, graph, depth)?,
                keyword if keyword.starts_with('@') => {}
                _ => self.property(&subject, property, values, graph, depth)?,
            }
        }
        Ok(subject)
    }

    fn property(
        &mut self,
        subject: &Option<NamedOrBlankNode>,
        property: &str,
        values: &Value,
        graph: &GraphName,
        depth: usize,
    ) -> Result<(), JsonLdError> {
        let predicate = if property.starts_with("_:") {
            None
        } else {
            self.iri(property)?
        };
        for item in as_slice(values) {
            let object = self.object(item, graph, depth + 1)?;
            self.emit(subject, predicate.clone(), object, graph)?;
        }
        Ok(())
    }

    /// `@reverse`: each item is the subject, this node the object.
    fn reverse(
        &mut self,
        subject: &Option<NamedOrBlankNode>,
        reverse: &Value,
        graph: &GraphName,
        depth: usize,
    ) -> Result<(), JsonLdError> {
        let Value::Object(reverse) = reverse else {
            return Ok(());
        };
        for (property, items) in reverse {
            let predicate = if property.starts_with("_:") {
                None
            } else {
                self.iri(property)?
            };
            for item in as_slice(items) {
                let Value::Object(item) = item else { continue };
                let item_subject = self.node(item, graph, depth + 1)?;
                let object = subject.clone().map(Term::from);
                self.emit(&item_subject, predicate.clone(), object, graph)?;
            }
        }
        Ok(())
    }

    /// `@graph`: the nodes go into the graph this node names.
    fn named_graph(
        &mut self,
        subject: &Option<NamedOrBlankNode>,
        nodes: &Value,
        depth: usize,
    ) -> Result<(), JsonLdError> {
        let Some(name) = subject else {
            return Ok(());
        };
        let graph = GraphName::from(name.clone());
        for node in as_slice(nodes) {
            if let Value::Object(node) = node {
                if !node.contains_key("@value") && !node.contains_key("@list") {
                    self.node(node, &graph, depth + 1)?;
                }
            }
        }
        Ok(())
    }

    fn included(
        &mut self,
        nodes: &Value,
        graph: &GraphName,
        depth: usize,
    ) -> Result<(), JsonLdError> {
        for node in as_slice(nodes) {
            if let Value::Object(node) = node {
                self.node(node, graph, depth + 1)?;
            }
        }
        Ok(())
    }

    /// [Object to RDF](https://www.w3.org/TR/json-ld11-api/#object-to-rdf-conversion)
    /// (§8.2), emitting the quads of a nested node or list on the way.
    fn object(
        &mut self,
        item: &Value,
        graph: &GraphName,
        depth: usize,
    ) -> Result<Option<Term>, JsonLdError> {
        if depth > MAX_DEPTH {
            return Err(invalid(
                "recursion limit",
                "the document is nested too deeply",
            ));
        }
        let Value::Object(object) = item else {
            return Ok(None);
        };
        if object.contains_key("@value") {
            return Ok(self.literal(object)?.map(Term::from));
        }
        if let Some(list) = object.get("@list") {
            return self.list(as_slice(list), graph, depth);
        }
        Ok(self.node(object, graph, depth)?.map(Term::from))
    }

    /// [List to RDF](https://www.w3.org/TR/json-ld11-api/#list-to-rdf-conversion) (§8.3).
    fn list(
        &mut self,
        items: &[Value],
        graph: &GraphName,
        depth: usize,
    ) -> Result<Option<Term>, JsonLdError> {
        let nodes: Vec<BlankNode> = items.iter().map(|_| self.fresh()).collect();
        for (index, (item, node)) in items.iter().zip(&nodes).enumerate() {
            let subject = Some(NamedOrBlankNode::from(node.clone()));
            let object = self.object(item, graph, depth + 1)?;
            self.emit(&subject, Some(rdf::FIRST.into_owned()), object, graph)?;
            let rest = match nodes.get(index + 1) {
                Some(next) => Term::from(next.clone()),
                None => Term::from(rdf::NIL.into_owned()),
            };
            self.emit(&subject, Some(rdf::REST.into_owned()), Some(rest), graph)?;
        }
        Ok(Some(match nodes.first() {
            Some(head) => head.clone().into(),
            None => rdf::NIL.into_owned().into(),
        }))
    }

    /// A value object as a literal (§8.2 steps 4–13).
    fn literal(&mut self, object: &Map<String, Value>) -> Result<Option<Literal>, JsonLdError> {
        let value = object.get("@value").unwrap_or(&Value::Null);
        let datatype = object.get("@type").and_then(Value::as_str);
        if datatype == Some("@json") {
            let text = crate::canon::jcs(value)
                .map_err(|error| invalid("invalid json literal", &error.to_string()))?;
            return Ok(Some(Literal::new_typed_literal(text, RDF_JSON)));
        }
        let datatype = match datatype {
            Some(datatype) if is_absolute_iri(datatype) => match self.iri(datatype)? {
                Some(datatype) => Some(datatype),
                None => return Ok(None),
            },
            Some(datatype) => {
                return self
                    .refuse(JsonLdError::InvalidIri {
                        iri: datatype.into(),
                    })
                    .map(|()| None)
            }
            None => None,
        };

        let (text, default) = match value {
            Value::Bool(flag) => (flag.to_string(), xsd::BOOLEAN),
            Value::Number(number) => {
                number_literal(number, datatype.as_ref().map(NamedNode::as_str))
            }
            Value::String(text) => (text.clone(), xsd::STRING),
            _ => return Ok(None),
        };
        if let Some(datatype) = datatype {
            return Ok(Some(Literal::new_typed_literal(text, datatype)));
        }
        match object.get("@language").and_then(Value::as_str) {
            Some(language) if value.is_string() => self.language_tagged(text, language),
            _ => Ok(Some(Literal::new_typed_literal(text, default))),
        }
    }

    fn language_tagged(
        &mut self,
        text: String,
        language: &str,
    ) -> Result<Option<Literal>, JsonLdError> {
        match Literal::new_language_tagged_literal(text, language) {
            Ok(literal) => Ok(Some(literal)),
            Err(_) => self
                .refuse(JsonLdError::InvalidLanguageTag {
                    tag: language.into(),
                })
                .map(|()| None),
        }
    }

    /// An `@id` (or `@type`) as a subject or object.
    fn node_id(&mut self, id: &str) -> Result<Option<NamedOrBlankNode>, JsonLdError> {
        let Some(label) = id.strip_prefix("_:") else {
            return Ok(self.iri(id)?.map(NamedOrBlankNode::from));
        };
        if BlankNode::new(label).is_err() {
            self.refuse(JsonLdError::InvalidIri { iri: id.into() })?;
        }
        if let Some(node) = self.blank_nodes.get(label) {
            return Ok(Some(node.clone().into()));
        }
        let node = self.fresh();
        self.blank_nodes.insert(label.to_owned(), node.clone());
        Ok(Some(node.into()))
    }

    /// An IRI, checked: in safe mode a sentinel or an invalid IRI is an
    /// error, otherwise an invalid IRI is dropped (`None`).
    fn iri(&mut self, iri: &str) -> Result<Option<NamedNode>, JsonLdError> {
        if self.safe {
            safe_mode::check_sentinels(iri)?;
        }
        match NamedNode::new(iri) {
            Ok(node) => Ok(Some(node)),
            Err(_) => self
                .refuse(JsonLdError::InvalidIri { iri: iri.into() })
                .map(|()| None),
        }
    }

    /// In safe mode `error`; otherwise the statement is silently dropped.
    fn refuse(&self, error: JsonLdError) -> Result<(), JsonLdError> {
        if self.safe {
            return Err(error);
        }
        Ok(())
    }

    fn fresh(&mut self) -> BlankNode {
        let node = BlankNode::new_unchecked(format!("b{}", self.next_blank_node));
        self.next_blank_node += 1;
        node
    }

    /// Adds a quad when all of its terms are there, once.
    fn emit(
        &mut self,
        subject: &Option<NamedOrBlankNode>,
        predicate: Option<NamedNode>,
        object: Option<Term>,
        graph: &GraphName,
    ) -> Result<(), JsonLdError> {
        let (Some(subject), Some(predicate), Some(object)) = (subject, predicate, object) else {
            return Ok(());
        };
        let quad = Quad::new(subject.clone(), predicate, object, graph.clone());
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
        if self.quads.len() > self.max_quads {
            return Err(JsonLdError::TooManyQuads {
                limit: self.max_quads,
            });
        }
        Ok(())
    }
}

fn as_slice(value: &Value) -> &[Value] {
    super::expansion::as_slice(value)
}

/// A JSON number's lexical form and default datatype (§8.2 steps 9–10):
/// an integral number below 10^21 is an `xsd:integer`, any other (or one
/// typed `xsd:double`) an `xsd:double` in canonical form.
fn number_literal(
    number: &Number,
    datatype: Option<&str>,
) -> (String, oxrdf::NamedNodeRef<'static>) {
    let double = datatype == Some(xsd::DOUBLE.as_str());
    if !double {
        if let Some(integer) = number.as_i64() {
            return (integer.to_string(), xsd::INTEGER);
        }
        if let Some(integer) = number.as_u64() {
            return (integer.to_string(), xsd::INTEGER);
        }
    }
    let float = number.as_f64().unwrap_or_default();
    if !double && float.fract() == 0.0 && float.abs() < 1e21 {
        let text = if float == 0.0 {
            "0".to_owned()
        } else {
            format!("{float:.0}")
        };
        return (text, xsd::INTEGER);
    }
    (canonical_double(float), xsd::DOUBLE)
}

/// The canonical lexical form of an `xsd:double` as JSON-LD writes it
/// ([§8.6](https://www.w3.org/TR/json-ld11-api/#data-round-tripping)):
/// `%1.15E` with the mantissa's trailing zeros removed (one digit kept).
pub fn canonical_double(float: f64) -> String {
    let text = format!("{float:.15E}");
    let Some((mantissa, exponent)) = text.split_once('E') else {
        return text;
    };
    let mantissa = mantissa.trim_end_matches('0');
    let mantissa = if mantissa.ends_with('.') {
        format!("{mantissa}0")
    } else {
        mantissa.to_owned()
    };
    format!("{mantissa}E{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_are_canonical() {
        let cases = [
            (1.0, "1.0E0"),
            (5.3, "5.3E0"),
            (123.45, "1.2345E2"),
            (1e21, "1.0E21"),
            (-0.000015, "-1.5E-5"),
            (0.1 + 0.2, "3.0E-1"),
        ];
        for (float, expected) in cases {
            assert_eq!(canonical_double(float), expected);
        }
    }
}
