//! JSON-LD to RDF with bundled contexts only and "safe mode".
