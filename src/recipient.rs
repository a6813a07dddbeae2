//! The holder a caller expects, and matching it against a credential's
//! subject ([OB 3.0 §9.3 Verify the Recipient Using an Identifier](https://www.imsglobal.org/spec/ob/v3p0/#verify-identifier)).
//!
//! An `IdentityObject` names the learner by `identityType` and
//! `identityHash`, either in plain text (`hashed: false`) or as
//! `"sha256$" + hex(SHA-256(value + salt))` (or `md5$…`); hex may be upper
//! or lower case, and no salt means an empty one.

use md5::Md5;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::model::one_or_many;

/// Who the caller expects the credential to be issued to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedRecipient {
    /// The value: an email address, URL, phone number, DID or other identity.
    pub value: String,
    /// The OB `identityType` to compare with (`emailAddress`, `url`,
    /// `phoneNumber`, `sourcedId`, …); inferred from the value when `None`.
    pub identity_type: Option<String>,
}

/// What comparing found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecipientMatch {
    /// The subject's `id` or one of its identifiers is the expected value.
    Matched {
        /// What matched, for example "hashed emailAddress identifier".
        by: String,
    },
    /// The subject names a recipient of the same kind, and it is someone else.
    Different,
    /// The subject names no recipient of a kind that can be compared.
    NotComparable,
}

impl ExpectedRecipient {
    /// The identity type to compare with: the given one, or one inferred
    /// from the value's shape (`did`, `emailAddress`, `url`, `phoneNumber`).
    pub fn kind(&self) -> Option<String> {
        if let Some(given) = &self.identity_type {
            return Some(given.clone());
        }
        let value = self.value.trim();
        let inferred = if value.starts_with("did:") {
            "did"
        } else if value.starts_with("https://") || value.starts_with("http://") {
            "url"
        } else if value.contains('@') && !value.contains(':') {
            "emailAddress"
        } else if value.starts_with('+')
            || value
                .chars()
                .all(|c| c.is_ascii_digit() || " -().".contains(c))
        {
            "phoneNumber"
        } else {
            return None;
        };
        Some(inferred.to_owned())
    }
}

/// Compares the expected recipient with every subject of `document`.
pub fn compare(document: &Value, expected: &ExpectedRecipient) -> RecipientMatch {
    let kind = expected.kind();
    let value = expected.value.trim();
    let mut comparable = false;

    for subject in one_or_many(document.get("credentialSubject")) {
        if let Some(id) = subject.get("id").and_then(Value::as_str) {
            comparable |= matches!(kind.as_deref(), Some("did" | "url") | None);
            if same_id(id, value, kind.as_deref()) {
                return RecipientMatch::Matched {
                    by: "subject id".into(),
                };
            }
        }
        for identity in one_or_many(subject.get("identifier")) {
            let identity_type = identity.get("identityType").and_then(Value::as_str);
            if kind.is_some() && identity_type != kind.as_deref() {
                continue;
            }
            comparable = true;
            if let Some(by) = identity_matches(identity, value, identity_type.unwrap_or("identity"))
            {
                return RecipientMatch::Matched { by };
            }
        }
    }
    if comparable {
        RecipientMatch::Different
    } else {
        RecipientMatch::NotComparable
    }
}

fn same_id(id: &str, value: &str, kind: Option<&str>) -> bool {
    match kind {
        Some("emailAddress") => id
            .strip_prefix("mailto:")
            .is_some_and(|mail| mail.eq_ignore_ascii_case(value)),
        _ => id == value,
    }
}

fn identity_matches(identity: &Value, value: &str, identity_type: &str) -> Option<String> {
    let stored = identity.get("identityHash").and_then(Value::as_str)?;
    let hashed = identity
        .get("hashed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if !hashed {
        let same = if identity_type == "emailAddress" {
            stored.eq_ignore_ascii_case(value)
        } else {
            stored == value
        };
        return same.then(|| format!("{identity_type} identifier"));
    }

    let salt = identity
        .get("salt")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let (algorithm, hex) = stored.split_once('$')?;
    let computed = identity_hash(algorithm, value, salt)?;
    computed
        .eq_ignore_ascii_case(hex)
        .then(|| format!("hashed {identity_type} identifier"))
}

/// `hex(digest(value + salt))` for `sha256` or `md5`; `None` for others.
pub fn identity_hash(algorithm: &str, value: &str, salt: &str) -> Option<String> {
    let input = format!("{value}{salt}");
    let bytes = match algorithm.to_ascii_lowercase().as_str() {
        "sha256" => Sha256::digest(input.as_bytes()).to_vec(),
        "md5" => Md5::digest(input.as_bytes()).to_vec(),
        _ => return None,
    };
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SPEC_HASH: &str =
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399";

    fn badge(identity: Value) -> Value {
        json!({"credentialSubject": {"identifier": [identity]}})
    }

    fn email(value: &str) -> ExpectedRecipient {
        ExpectedRecipient {
            value: value.into(),
            identity_type: None,
        }
    }

    #[test]
    fn the_spec_example_hash_matches_with_its_salt() {
        let salted = badge(json!({"identityType": "emailAddress", "hashed": true,
            "identityHash": SPEC_HASH, "salt": "Kosher"}));
        assert!(matches!(
            compare(&salted, &email("a@example.com")),
            RecipientMatch::Matched { .. }
        ));
        assert_eq!(
            compare(&salted, &email("b@example.com")),
            RecipientMatch::Different
        );
    }

    #[test]
    fn unsalted_upper_case_and_md5_hashes_match() {
        let unsalted = format!(
            "sha256${}",
            identity_hash("sha256", "a@example.com", "").unwrap_or_default()
        );
        let upper = badge(json!({"identityType": "emailAddress", "hashed": true,
            "identityHash": unsalted.to_uppercase().replace("SHA256", "sha256")}));
        assert!(matches!(
            compare(&upper, &email("a@example.com")),
            RecipientMatch::Matched { .. }
        ));
        let md5 = format!(
            "md5${}",
            identity_hash("md5", "a@example.com", "pepper").unwrap_or_default()
        );
        let md5 = badge(
            json!({"identityType": "emailAddress", "hashed": true, "identityHash": md5, "salt": "pepper"}),
        );
        assert!(matches!(
            compare(&md5, &email("a@example.com")),
            RecipientMatch::Matched { .. }
        ));
    }

    #[test]
    fn plain_identifiers_and_subject_ids_match() {
        let plain = badge(
            json!({"identityType": "emailAddress", "hashed": false, "identityHash": "A@Example.com"}),
        );
        assert!(matches!(
            compare(&plain, &email("a@example.com")),
            RecipientMatch::Matched { .. }
        ));
        let did = json!({"credentialSubject": {"id": "did:example:learner"}});
        assert!(matches!(
            compare(&did, &email("did:example:learner")),
            RecipientMatch::Matched { .. }
        ));
        assert_eq!(
            compare(&did, &email("did:example:other")),
            RecipientMatch::Different
        );
    }

    #[test]
    fn a_different_identity_type_cannot_be_compared() {
        let sourced =
            badge(json!({"identityType": "sourcedId", "hashed": false, "identityHash": "12345"}));
        assert_eq!(
            compare(&sourced, &email("a@example.com")),
            RecipientMatch::NotComparable
        );
        let typed = ExpectedRecipient {
            value: "12345".into(),
            identity_type: Some("sourcedId".into()),
        };
        assert!(matches!(
            compare(&sourced, &typed),
            RecipientMatch::Matched { .. }
        ));
    }
}
