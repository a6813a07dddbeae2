//! The display summary of a credential: who issued what to whom, and when.

use serde_json::Value;

use super::{family_of, id_of, one_or_many, text_of, types_of};
use crate::report::{AchievementSummary, Party, Summary};

/// What the credential says, for display; never fails.
pub fn summarise(document: &Value) -> Summary {
    let subject = one_or_many(document.get("credentialSubject")).into_iter().next();

    Summary {
        id: id_of(document.get("id")),
        types: types_of(document),
        family: family_of(document).name().to_owned(),
        name: text_of(document.get("name"), None),
        issuer: party(document.get("issuer")),
        subject: subject.map(subject_party).unwrap_or_default(),
        achievement: subject.and_then(|s| s.get("achievement")).map(achievement),
        valid_from: date(document, &["validFrom", "issuanceDate"]),
        valid_until: date(document, &["validUntil", "expirationDate"]),
    }
}

fn party(value: Option<&Value>) -> Party {
    Party { id: id_of(value), name: value.and_then(|v| text_of(v.get("name"), None)) }
}

fn subject_party(subject: &Value) -> Party {
    let name = text_of(subject.get("name"), None).or_else(|| identifier_name(subject));
    Party { id: id_of(subject.get("id")), name }
}

/// OB 3.0 subjects often name the learner through an `identifier` of
/// `identityType` `name` with a plain (unhashed) value.
fn identifier_name(subject: &Value) -> Option<String> {
    one_or_many(subject.get("identifier")).into_iter().find_map(|identity| {
        let is_name = identity.get("identityType").and_then(Value::as_str) == Some("name");
        let hashed = identity.get("hashed").and_then(Value::as_bool).unwrap_or(false);
        if !is_name || hashed {
            return None;
        }
        identity.get("identityHash").and_then(Value::as_str).map(str::to_owned)
    })
}

fn achievement(value: &Value) -> AchievementSummary {
    AchievementSummary {
        id: id_of(value.get("id")),
        name: text_of(value.get("name"), None),
        description: text_of(value.get("description"), None),
        criteria: value.get("criteria").and_then(|c| text_of(c.get("narrative"), None)),
        achievement_type: value.get("achievementType").and_then(Value::as_str).map(str::to_owned),
    }
}

fn date(document: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| document.get(*name).and_then(Value::as_str).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_an_open_badge() {
        let badge = json!({
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": "https://example.edu/issuers/1", "name": "Example University"},
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {
                "identifier": [{"identityType": "name", "hashed": false, "identityHash": "Sam"}],
                "achievement": {"name": "Welding", "criteria": {"narrative": "Weld"}}
            }
        });
        let summary = summarise(&badge);
        assert_eq!(summary.family, "OpenBadgeCredential");
        assert_eq!(summary.issuer.name.as_deref(), Some("Example University"));
        assert_eq!(summary.subject.name.as_deref(), Some("Sam"));
        let achievement = summary.achievement.unwrap_or_default();
        assert_eq!(achievement.name.as_deref(), Some("Welding"));
        assert_eq!(achievement.criteria.as_deref(), Some("Weld"));
        assert_eq!(summary.valid_from.as_deref(), Some("2024-01-01T00:00:00Z"));
    }
}
