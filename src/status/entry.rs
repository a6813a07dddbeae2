//! One `credentialStatus` entry, read into the fields the status methods use.
//!
//! [Bitstring Status List §2.1](https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry)
//! and the superseded StatusList2021 share one shape; the 1EdTech Revocation
//! List names only a list URL.

use serde_json::Value;

/// Which status method an entry uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusMethod {
    /// `BitstringStatusListEntry` (W3C Recommendation).
    Bitstring,
    /// `StatusList2021Entry` (W3C CCG, superseded by Bitstring).
    StatusList2021,
    /// `1EdTechRevocationList` (1EdTech Revocation List Status Method 1.0).
    RevocationList1EdTech,
}

impl StatusMethod {
    /// The type name as written in credentials.
    pub fn name(self) -> &'static str {
        match self {
            Self::Bitstring => "BitstringStatusListEntry",
            Self::StatusList2021 => "StatusList2021Entry",
            Self::RevocationList1EdTech => "1EdTechRevocationList",
        }
    }
}

/// A status entry whose fields were read and checked for shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusEntry {
    /// The method.
    pub method: StatusMethod,
    /// `statusPurpose`: `revocation`, `suspension`, `refresh` or `message`.
    pub purpose: String,
    /// Index of the entry's status in the list (list methods only).
    pub index: u64,
    /// Bits per status (`statusSize`, default 1).
    pub size: u64,
    /// URL of the status list credential (or of the 1EdTech list).
    pub list_url: String,
    /// `statusMessage`: what each status value means, when the issuer says.
    pub messages: Vec<(u64, String)>,
}

/// Why an entry cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// The entry's `type` is not a status method this verifier knows.
    UnknownMethod {
        /// The type as written.
        name: String,
    },
    /// A required field is missing or has the wrong shape.
    Malformed {
        /// What is wrong, lower-case.
        detail: String,
    },
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownMethod { name } => write!(f, "unknown status method {name:?}"),
            Self::Malformed { detail } => f.write_str(detail),
        }
    }
}

/// Reads one `credentialStatus` entry.
pub fn read(entry: &Value) -> Result<StatusEntry, EntryError> {
    let name = entry
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let method = match name {
        "BitstringStatusListEntry" => StatusMethod::Bitstring,
        "StatusList2021Entry" => StatusMethod::StatusList2021,
        "1EdTechRevocationList" => StatusMethod::RevocationList1EdTech,
        other => {
            return Err(EntryError::UnknownMethod {
                name: other.to_owned(),
            })
        }
    };

    if method == StatusMethod::RevocationList1EdTech {
        let list_url = text(entry, "id")?;
        return Ok(StatusEntry {
            method,
            purpose: "revocation".into(),
            index: 0,
            size: 1,
            list_url,
            messages: Vec::new(),
        });
    }

    let purpose = text(entry, "statusPurpose")?;
    let list_url = text(entry, "statusListCredential")?;
    let index = integer(entry, "statusListIndex")?;
    let size = match entry.get("statusSize") {
        None => 1,
        Some(_) => integer(entry, "statusSize")?,
    };
    if size == 0 || size > 64 {
        return Err(malformed(format!("statusSize {size} is outside 1 to 64")));
    }
    Ok(StatusEntry {
        method,
        purpose,
        index,
        size,
        list_url,
        messages: status_messages(entry),
    })
}

/// `statusMessage`: `[{"status": "0x1", "message": "…"}]`; entries that do
/// not read are skipped, since they only label values.
fn status_messages(entry: &Value) -> Vec<(u64, String)> {
    let read = |item: &Value| {
        let status = item.get("status").and_then(Value::as_str)?;
        let digits = status.trim_start_matches("0x").trim_start_matches("0X");
        let value = u64::from_str_radix(digits, 16).ok()?;
        let message = item.get("message").and_then(Value::as_str)?;
        Some((value, message.to_owned()))
    };
    let items = crate::model::one_or_many(entry.get("statusMessage"));
    items.into_iter().filter_map(read).collect()
}

fn text(entry: &Value, field: &str) -> Result<String, EntryError> {
    match entry.get(field).and_then(Value::as_str) {
        Some(value) if !value.is_empty() => Ok(value.to_owned()),
        _ => Err(malformed(format!("the status entry has no {field}"))),
    }
}

/// Status indexes are strings of decimal digits; plain numbers are accepted
/// as issuers write them too.
fn integer(entry: &Value, field: &str) -> Result<u64, EntryError> {
    let digits = match entry.get(field) {
        Some(Value::String(text))
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            text.clone()
        }
        Some(Value::Number(number)) if number.is_u64() => number.to_string(),
        _ => return Err(malformed(format!("{field} is not a whole number"))),
    };
    digits.parse().map_err(|_| {
        malformed(format!(
            "{field} {digits} is too large to be a position in a list"
        ))
    })
}

fn malformed(detail: String) -> EntryError {
    EntryError::Malformed { detail }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_bitstring_entry() {
        let entry = json!({"type": "BitstringStatusListEntry", "statusPurpose": "suspension",
            "statusListIndex": "94567", "statusListCredential": "https://x/list", "statusSize": 2});
        let read = read(&entry);
        assert_eq!(read.as_ref().map(|e| (e.index, e.size)), Ok((94567, 2)));
        assert_eq!(read.map(|e| e.purpose), Ok("suspension".to_owned()));
    }

    #[test]
    fn reads_status_messages() {
        let entry = json!({"type": "BitstringStatusListEntry", "statusPurpose": "message",
            "statusListIndex": "3", "statusListCredential": "https://x/list", "statusSize": 2,
            "statusMessage": [{"status": "0x0", "message": "ok"}, {"status": "0x2", "message": "under review"}]});
        let messages = read(&entry).map(|e| e.messages);
        assert_eq!(
            messages,
            Ok(vec![(0, "ok".to_owned()), (2, "under review".to_owned())])
        );
    }

    #[test]
    fn rejects_bad_indexes_and_unknown_types() {
        let entry = json!({"type": "StatusList2021Entry", "statusPurpose": "revocation",
            "statusListIndex": "-1", "statusListCredential": "https://x/list"});
        assert!(matches!(read(&entry), Err(EntryError::Malformed { .. })));
        let other = json!({"type": "CredentialStatusList2017", "id": "https://x"});
        assert!(matches!(
            read(&other),
            Err(EntryError::UnknownMethod { .. })
        ));
    }
}
