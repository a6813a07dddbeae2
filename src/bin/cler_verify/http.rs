//! Lookups over HTTPS for the command-line tool.

use std::io::Read;

use cler_verifier::{Fetch, FetchError, Fetched};

/// Largest document accepted from the network.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Fetches https URLs with a blocking client; refuses every other scheme.
pub struct HttpFetch;

impl Fetch for HttpFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        if !url.starts_with("https://") {
            return Err(FetchError::Refused { detail: "only https addresses are fetched".into() });
        }
        let response = ureq::get(url)
            .header("Accept", "application/json, application/ld+json, application/did+json")
            .call()
            .map_err(|error| match error {
                ureq::Error::StatusCode(code) => FetchError::Status { code },
                other => FetchError::Network { detail: other.to_string() },
            })?;

        let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let mut body = Vec::new();
        let reader = response.into_body().into_reader();
        reader
            .take(MAX_BYTES)
            .read_to_end(&mut body)
            .map_err(|error| FetchError::Network { detail: error.to_string() })?;
        Ok(Fetched { body, content_type })
    }
}
