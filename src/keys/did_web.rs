//! `did:web` identifiers to the URL of their DID document.
//!
//! [did:web Method §3.2.1 Read (Resolve)](https://w3c-ccg.github.io/did-method-web/#read-resolve):
//! colons separate path segments, `%3A` in the host stands for a port colon,
//! and a DID with no path resolves to `/.well-known/did.json`.

/// Why a `did:web` identifier cannot be turned into a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DidWebError {
    /// What is wrong, lower-case.
    pub reason: &'static str,
}

impl std::fmt::Display for DidWebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason)
    }
}

/// The https URL of the DID document for `did` (fragment and query ignored).
pub fn document_url(did: &str) -> Result<String, DidWebError> {
    let did = did.split(['#', '?']).next().unwrap_or_default();
    let specific = did.strip_prefix("did:web:").ok_or(DidWebError {
        reason: "not a did:web identifier",
    })?;

    let mut segments = specific.split(':');
    let host = segments
        .next()
        .unwrap_or_default()
        .replace("%3A", ":")
        .replace("%3a", ":");
    check_host(&host)?;
    let path: Vec<&str> = segments.collect();
    if path.iter().any(|segment| !is_path_segment(segment)) {
        return Err(DidWebError {
            reason: "a path segment of the did:web identifier is empty or unsafe",
        });
    }

    if path.is_empty() {
        return Ok(format!("https://{host}/.well-known/did.json"));
    }
    Ok(format!("https://{host}/{}/did.json", path.join("/")))
}

/// A domain name with an optional port: did:web names a web origin by its
/// domain, so IP literals and `localhost` (which would point lookups at
/// the verifier's own network) are refused.
fn check_host(host: &str) -> Result<(), DidWebError> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':');
    if host.is_empty() || !host.chars().all(allowed) {
        return Err(DidWebError {
            reason: "the did:web host is empty or has characters a host cannot have",
        });
    }
    let name = host.split(':').next().unwrap_or_default();
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let numeric = name.chars().all(|c| c.is_ascii_digit() || c == '.');
    let local = name == "localhost" || name.ends_with(".localhost");
    if numeric || local || !name.contains('.') {
        return Err(DidWebError {
            reason: "the did:web host is not a public domain name",
        });
    }
    Ok(())
}

/// A path segment that stays one segment once percent-decoded: no empty,
/// `.` or `..` segment and no slash, in any spelling (`%2e%2E`, `%2F`).
fn is_path_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    let decoded = lower.replace("%2e", ".");
    let slash = lower.contains("%2f") || lower.contains("%5c") || segment.contains(['/', '\\']);
    !segment.is_empty() && decoded != "." && decoded != ".." && !slash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_identifiers_to_urls() {
        let cases = [
            (
                "did:web:example.com",
                "https://example.com/.well-known/did.json",
            ),
            (
                "did:web:w3c-ccg.github.io:user:alice",
                "https://w3c-ccg.github.io/user/alice/did.json",
            ),
            (
                "did:web:example.com%3A3000",
                "https://example.com:3000/.well-known/did.json",
            ),
            (
                "did:web:example.com%3A3000:a:b",
                "https://example.com:3000/a/b/did.json",
            ),
            (
                "did:web:example.com:a#key-1",
                "https://example.com/a/did.json",
            ),
            (
                "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf",
                "https://digitalcredentials.github.io/vc-test-fixtures/dids/oidf/did.json",
            ),
        ];
        for (did, url) in cases {
            assert_eq!(document_url(did).as_deref(), Ok(url), "{did}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_did_web() {
        for bad in [
            "did:key:z6Mk",
            "did:web:",
            "did:web:exa mple.com",
            "did:web:a.com::b",
            "did:web:a.com:..",
            "did:web:example.com:user:alice:%2e%2e:%2E%2E:mallory",
            "did:web:example.com:a%2Fb",
            "did:web:169.254.169.254",
            "did:web:localhost%3A22",
            "did:web:intranet",
        ] {
            assert!(document_url(bad).is_err(), "{bad}");
        }
    }
}
