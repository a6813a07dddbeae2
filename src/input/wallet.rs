//! Texts that wallets and verifiers exchange but that are not credentials:
//! requests to present one, offers to issue one, and the Learner Credential
//! Wallet's compressed `VP1-…` form. They arrive through QR codes, so each
//! gets a sentence that says what it is and what to do instead.

use serde_json::Value;

/// What a wallet text turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WalletText {
    /// What it is, for example "a presentation request".
    pub what: &'static str,
    /// One sentence for the reader.
    pub message: &'static str,
    /// Whether it holds a record (in a form not read yet) rather than
    /// something else altogether.
    pub is_record: bool,
}

const VPQR: WalletText = WalletText {
    what: "a VPQR compressed presentation",
    message: "This is a presentation compressed into the VPQR form (VP1-…) used by the Learner Credential Wallet; this verifier cannot read that form yet. Ask the learner to share the credential file or a link to it instead.",
    is_record: true,
};

const REQUEST: WalletText = WalletText {
    what: "a presentation request",
    message: "This is a request asking a wallet to present a credential, not a credential; it is meant to be opened in the learner's wallet app.",
    is_record: false,
};

const OFFER: WalletText = WalletText {
    what: "a credential offer",
    message: "This is an offer to issue a credential to a wallet, not a credential; the learner opens it in their wallet app to receive the credential.",
    is_record: false,
};

const DID: WalletText = WalletText {
    what: "a DID",
    message: "This is a decentralized identifier (DID), the name of a person or organisation, not a credential.",
    is_record: false,
};

/// URI schemes of OpenID for Verifiable Presentations requests.
const REQUEST_SCHEMES: [&str; 5] = [
    "openid4vp:",
    "openid-vc:",
    "haip:",
    "mdoc-openid4vp:",
    "eudi-openid4vp:",
];

/// URI schemes of OpenID for Verifiable Credential Issuance offers.
const OFFER_SCHEMES: [&str; 3] = [
    "openid-credential-offer:",
    "openid-initiate-issuance:",
    "haip-vci:",
];

/// Recognises a wallet text by its form: `VP1-…`, a request or offer URI, a DID.
pub fn from_text(text: &str) -> Option<WalletText> {
    let lower: String = text
        .chars()
        .take(40)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("vp1-") {
        return Some(VPQR);
    }
    if REQUEST_SCHEMES
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return Some(REQUEST);
    }
    if OFFER_SCHEMES.iter().any(|scheme| lower.starts_with(scheme)) {
        return Some(OFFER);
    }
    if lower.starts_with("did:") && !text.contains(char::is_whitespace) {
        return Some(DID);
    }
    None
}

/// Recognises a JSON request or offer: a VC-API / DIF presentation request
/// (`query`), an OpenID4VP request object (`presentation_definition`,
/// `dcql_query`) or an OpenID4VCI offer (`credential_offer`,
/// `credential_issuer` with `credential_configuration_ids`).
pub fn from_json(value: &Value) -> Option<WalletText> {
    let has = |key: &str| value.get(key).is_some();
    let typed_request = crate::model::types_of(value)
        .iter()
        .any(|t| t == "VerifiablePresentationRequest");
    if typed_request || has("query") || has("presentation_definition") || has("dcql_query") {
        return Some(REQUEST);
    }
    if has("credential_offer")
        || has("credential_offer_uri")
        || (has("credential_issuer") && has("credential_configuration_ids"))
    {
        return Some(OFFER);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> Option<&'static str> {
        from_text(text).map(|found| found.what)
    }

    #[test]
    fn names_wallet_uris() {
        assert_eq!(what("VP1-B3-ABCDEF"), Some(VPQR.what));
        assert_eq!(
            what("openid4vp://?client_id=x&request_uri=y"),
            Some(REQUEST.what)
        );
        assert_eq!(
            what("openid-credential-offer://?credential_offer_uri=z"),
            Some(OFFER.what)
        );
        assert_eq!(what("did:web:example.org"), Some(DID.what));
        assert_eq!(what("hello world"), None);
        assert_eq!(what("did: is a prefix"), None);
        assert_eq!(what("é"), None);
    }

    #[test]
    fn names_json_requests_and_offers() {
        let request: Value = serde_json::json!({
            "query": [{"type": "QueryByExample"}],
            "challenge": "3c8f",
        });
        assert_eq!(from_json(&request), Some(REQUEST));
        let typed: Value = serde_json::json!({"type": "VerifiablePresentationRequest"});
        assert_eq!(from_json(&typed), Some(REQUEST));
        let offer: Value = serde_json::json!({
            "credential_issuer": "https://issuer.example",
            "credential_configuration_ids": ["OpenBadgeCredential"],
        });
        assert_eq!(from_json(&offer), Some(OFFER));
        assert_eq!(from_json(&serde_json::json!({"a": 1})), None);
    }
}
