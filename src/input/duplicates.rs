//! Duplicate object keys: `{"name": "A", "name": "B"}` is valid JSON
//! syntax, but readers disagree on which value counts (most keep the last,
//! some the first), so a record with a duplicate key shows one thing to a
//! person and verifies another. Such input is refused, naming the key.

use std::collections::HashSet;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The first duplicate key found in `text`, if any (`None` also when the
/// text is not JSON; parsing proper reports that).
pub fn first_duplicate(text: &str) -> Option<String> {
    match serde_json::from_str::<Scan>(text) {
        Ok(Scan(found)) => found,
        Err(_) => None,
    }
}

/// A JSON value walked only to find duplicate keys.
struct Scan(Option<String>);

impl<'de> Deserialize<'de> for Scan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScanVisitor)
    }
}

struct ScanVisitor;

impl<'de> Visitor<'de> for ScanVisitor {
    type Value = Scan;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scan, A::Error> {
        let mut seen = HashSet::new();
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let inner = map.next_value::<Scan>()?.0;
            if found.is_none() && !seen.insert(key.clone()) {
                found = Some(key);
            }
            found = found.or(inner);
        }
        Ok(Scan(found))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Scan, A::Error> {
        let mut found = None;
        while let Some(Scan(inner)) = items.next_element::<Scan>()? {
            found = found.or(inner);
        }
        Ok(Scan(found))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_unit<E>(self) -> Result<Scan, E> {
        Ok(Scan(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_duplicate_at_any_depth() {
        assert_eq!(first_duplicate(r#"{"a": 1, "b": 2}"#), None);
        assert_eq!(
            first_duplicate(r#"{"issuer": "x", "issuer": {"id": "y"}}"#).as_deref(),
            Some("issuer")
        );
        assert_eq!(
            first_duplicate(r#"{"s": [{"n": 1}, {"n": 2, "n": 3}]}"#).as_deref(),
            Some("n")
        );
        assert_eq!(first_duplicate(r#"{"a": {"k": 1}, "b": {"k": 2}}"#), None);
        assert_eq!(first_duplicate("not json"), None);
    }
}
