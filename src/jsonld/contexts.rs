//! The bundled JSON-LD contexts: every context the verifier will load.
//!
//! The files live in `contexts/` beside this file, stored byte for byte as
//! published; `contexts/README.md` gives each file's source and digest. They
//! are compiled into the binary, so they are read once for the life of the
//! module and never fetched.

/// OB 3.0.0, published under two URLs with the same bytes.
const OB_3_0_0: &str = include_str!("contexts/purl.imsglobal.org/spec/ob/v3p0/context.json");

/// JWS 2020, published under two URLs with the same bytes.
const JWS_2020: &str = include_str!("contexts/w3id.org/security/suites/jws-2020/v1.jsonld");

/// URL → context document, in the order of the shared fixtures index.
const BUNDLED: &[(&str, &str)] = &[
    (
        "https://www.w3.org/2018/credentials/v1",
        include_str!("contexts/www.w3.org/2018/credentials/v1.jsonld"),
    ),
    (
        "https://www.w3.org/2018/credentials/examples/v1",
        include_str!("contexts/www.w3.org/2018/credentials/examples/v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/v2",
        include_str!("contexts/www.w3.org/ns/credentials/v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/examples/v2",
        include_str!("contexts/www.w3.org/ns/credentials/examples/v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/undefined-terms/v2",
        include_str!("contexts/www.w3.org/ns/credentials/undefined-terms/v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/status/v1",
        include_str!("contexts/www.w3.org/ns/credentials/status/v1.jsonld"),
    ),
    (
        "https://w3id.org/vc/status-list/2021/v1",
        include_str!("contexts/w3id.org/vc/status-list/2021/v1.jsonld"),
    ),
    (
        "https://w3id.org/vc-revocation-list-2020/v1",
        include_str!("contexts/w3id.org/vc-revocation-list-2020/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("contexts/w3id.org/security/data-integrity/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("contexts/w3id.org/security/data-integrity/v2.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        include_str!("contexts/w3id.org/security/multikey/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/jwk/v1",
        include_str!("contexts/w3id.org/security/jwk/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        include_str!("contexts/w3id.org/security/suites/ed25519-2020/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2018/v1",
        include_str!("contexts/w3id.org/security/suites/ed25519-2018/v1.jsonld"),
    ),
    ("https://w3id.org/security/suites/jws-2020/v1", JWS_2020),
    (
        "https://w3c-ccg.github.io/lds-jws2020/contexts/lds-jws2020-v1.json",
        JWS_2020,
    ),
    (
        "https://w3id.org/security/v1",
        include_str!("contexts/w3id.org/security/v1.jsonld"),
    ),
    (
        "https://w3id.org/security/v2",
        include_str!("contexts/w3id.org/security/v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/did/v1",
        include_str!("contexts/www.w3.org/ns/did/v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/odrl.jsonld",
        include_str!("contexts/www.w3.org/ns/odrl.jsonld"),
    ),
    (
        "https://w3id.org/citizenship/v4rc1",
        include_str!("contexts/w3id.org/citizenship/v4rc1.jsonld"),
    ),
    (
        "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json",
        include_str!(
            "contexts/w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json"
        ),
    ),
    (
        "https://w3c-ccg.github.io/vc-ed/plugfest-2-2022/jff-vc-edu-plugfest-2-context.json",
        include_str!(
            "contexts/w3c-ccg.github.io/vc-ed/plugfest-2-2022/jff-vc-edu-plugfest-2-context.json"
        ),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        OB_3_0_0,
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
        OB_3_0_0,
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        include_str!("contexts/purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        include_str!("contexts/purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        include_str!("contexts/purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("contexts/purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        include_str!("contexts/purl.imsglobal.org/spec/clr/v2p0/context.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        include_str!("contexts/purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"),
    ),
    (
        "https://w3id.org/openbadges/v2",
        include_str!("contexts/w3id.org/openbadges/v2.jsonld"),
    ),
];

/// The bundled context document published at `url`, if there is one.
///
/// The URL must match exactly (no normalisation of case, trailing slash or
/// scheme), as the contexts' own identity is their URL.
pub fn bundled(url: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(known, _)| *known == url)
        .map(|(_, document)| *document)
}

/// The bundled context published at `url` with the URL as stored, which
/// lives for the whole module.
pub(crate) fn bundled_entry(url: &str) -> Option<(&'static str, &'static str)> {
    BUNDLED.iter().find(|(known, _)| *known == url).copied()
}

/// Every bundled context URL.
pub fn bundled_urls() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(url, _)| *url)
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
    use sha2::{Digest, Sha256};

    const INDEX: &str = "../shared/fixtures/contexts/index.json";

    fn index() -> serde_json::Value {
        let text = std::fs::read_to_string(INDEX).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn every_indexed_context_is_bundled_with_a_published_digest() {
        let index = index();
        let contexts = index["contexts"].as_object().unwrap();
        for (url, entry) in contexts {
            let document = bundled(url).unwrap_or_else(|| panic!("{url} is not bundled"));
            let digest = hex(&Sha256::digest(document.as_bytes()));
            let mut published = vec![entry["sha256"].as_str().unwrap()];
            for variant in entry["variants"].as_array().into_iter().flatten() {
                published.push(variant["sha256"].as_str().unwrap());
            }
            assert!(
                published.contains(&digest.as_str()),
                "{url}: {digest} not published"
            );
        }
        assert_eq!(bundled_urls().count(), contexts.len());
    }

    #[test]
    fn ob_3_0_3_is_the_copy_with_later_terms() {
        let context: serde_json::Value = serde_json::from_str(
            bundled("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json").unwrap(),
        )
        .unwrap();
        let terms = context["@context"].as_object().unwrap();
        assert!(terms.contains_key("jti"));
        assert!(terms.contains_key("endorsementJwt"));
    }

    #[test]
    fn every_bundled_context_is_a_json_object_with_a_context() {
        for url in bundled_urls() {
            let value: serde_json::Value = serde_json::from_str(bundled(url).unwrap()).unwrap();
            assert!(value.get("@context").is_some(), "{url}");
        }
    }

    #[test]
    fn unknown_urls_are_not_served() {
        assert!(bundled("https://www.w3.org/ns/credentials/v2/").is_none());
        assert!(bundled("http://www.w3.org/ns/credentials/v2").is_none());
    }
}
