//! Reading the envelope of a credential: types, issuer, subject, dates.
//!
//! Credentials are attacker-controlled JSON, so these are lenient accessors
//! over [`serde_json::Value`] that never fail: a missing or oddly shaped field
//! reads as absent, and the checks decide what absence means.

mod summary;

pub use summary::summarise;

use serde_json::Value;

/// The families of credentials this verifier knows, by their `type` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A CLR 2.0 `ClrCredential`.
    Clr,
    /// An OB 3.0 `OpenBadgeCredential` or its alias `AchievementCredential`.
    OpenBadge,
    /// An OB 3.0 / CLR 2.0 `EndorsementCredential`.
    Endorsement,
    /// A `BitstringStatusListCredential` or `StatusList2021Credential`.
    StatusList,
    /// A `VerifiablePresentation`.
    Presentation,
    /// Any other `VerifiableCredential`.
    Generic,
    /// Not a Verifiable Credential at all.
    Unknown,
}

impl Family {
    /// The name shown to readers and in the report's summary.
    pub fn name(self) -> &'static str {
        match self {
            Self::Clr => "ClrCredential",
            Self::OpenBadge => "OpenBadgeCredential",
            Self::Endorsement => "EndorsementCredential",
            Self::StatusList => "StatusListCredential",
            Self::Presentation => "VerifiablePresentation",
            Self::Generic => "VerifiableCredential",
            Self::Unknown => "Unknown",
        }
    }
}

/// The family a document belongs to, from its `type` values.
pub fn family_of(document: &Value) -> Family {
    let types = types_of(document);
    let has = |name: &str| types.iter().any(|t| t == name);

    if has("ClrCredential") {
        Family::Clr
    } else if has("OpenBadgeCredential") || has("AchievementCredential") {
        Family::OpenBadge
    } else if has("EndorsementCredential") {
        Family::Endorsement
    } else if has("BitstringStatusListCredential") || has("StatusList2021Credential") {
        Family::StatusList
    } else if has("VerifiablePresentation") {
        Family::Presentation
    } else if has("VerifiableCredential") {
        Family::Generic
    } else {
        Family::Unknown
    }
}

/// The `type` (or `@type`) values of a node: a string or an array of strings.
pub fn types_of(node: &Value) -> Vec<String> {
    let value = node.get("type").or_else(|| node.get("@type"));
    strings_of(value)
}

/// A string or the strings of an array; anything else reads as empty.
pub fn strings_of(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// The items of a value that may be one object or an array of them.
pub fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(many)) => many.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

/// The `id` of a node given either as a string or as an object with `id`.
pub fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(id) => Some(id.clone()),
        Value::Object(node) => node.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// The first `@context` entry when it is a URL (`@context` as one string
/// or as an array): the VC base context the standards require there.
pub fn first_context(document: &Value) -> Option<&str> {
    match document.get("@context")? {
        Value::Array(items) => items.first().and_then(Value::as_str),
        Value::String(url) => Some(url),
        _ => None,
    }
}

/// The issuer's identifier: `issuer` as a string or `issuer.id`.
pub fn issuer_id(document: &Value) -> Option<String> {
    id_of(document.get("issuer"))
}

/// Human-readable text: a plain string, a `{"@value": …}` object, or a
/// language map / array of language-tagged values (the first one wins
/// unless `language` matches one of them).
pub fn text_of(value: Option<&Value>, language: Option<&str>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Object(object) => match object.get("@value") {
            Some(inner) => text_of(Some(inner), language),
            None => language_map(object, language),
        },
        Value::Array(items) => tagged_values(items, language),
        _ => None,
    }
}

fn language_map(map: &serde_json::Map<String, Value>, language: Option<&str>) -> Option<String> {
    let chosen = language.and_then(|tag| map.get(tag));
    let value = chosen.or_else(|| map.values().next())?;
    value.as_str().map(str::to_owned)
}

fn tagged_values(items: &[Value], language: Option<&str>) -> Option<String> {
    let tagged = |item: &&Value| {
        let tag = item.get("@language").and_then(Value::as_str);
        language.is_some() && tag == language
    };
    let chosen = items.iter().find(tagged).or_else(|| items.first());
    text_of(chosen, language)
}

/// The value at a JSON pointer (RFC 6901), for addressing children.
pub fn at_pointer<'v>(document: &'v Value, pointer: &str) -> Option<&'v Value> {
    document.pointer(pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn families_follow_types() {
        let clr = json!({"type": ["VerifiableCredential", "ClrCredential"]});
        let badge = json!({"type": ["VerifiableCredential", "AchievementCredential"]});
        let bare = json!({"type": "VerifiableCredential"});
        assert_eq!(family_of(&clr), Family::Clr);
        assert_eq!(family_of(&badge), Family::OpenBadge);
        assert_eq!(family_of(&bare), Family::Generic);
        assert_eq!(family_of(&json!({"a": 1})), Family::Unknown);
    }

    #[test]
    fn issuer_may_be_a_string_or_an_object() {
        assert_eq!(
            issuer_id(&json!({"issuer": "did:x"})).as_deref(),
            Some("did:x")
        );
        assert_eq!(
            issuer_id(&json!({"issuer": {"id": "did:y"}})).as_deref(),
            Some("did:y")
        );
        assert_eq!(issuer_id(&json!({"issuer": 3})), None);
    }

    #[test]
    fn text_picks_the_reader_language() {
        let names = json!([{"@value": "Badge", "@language": "en"},
                           {"@value": "Insignia", "@language": "es"}]);
        assert_eq!(
            text_of(Some(&names), Some("es")).as_deref(),
            Some("Insignia")
        );
        assert_eq!(text_of(Some(&names), None).as_deref(), Some("Badge"));
        let map = json!({"fr": "Badge FR"});
        assert_eq!(text_of(Some(&map), Some("de")).as_deref(), Some("Badge FR"));
    }
}
