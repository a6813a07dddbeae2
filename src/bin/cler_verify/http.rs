//! Lookups over HTTPS for the command-line tool.

use std::io::Read;

use cler_verifier::{Fetch, FetchError, Fetched};

/// Largest document accepted from the network.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Fetches https URLs with a blocking client; refuses every other scheme,
/// except that an http address typed on the command line is opened as typed.
pub struct HttpFetch {
    typed: Vec<String>,
}

impl HttpFetch {
    /// A fetcher that also opens the plain-http addresses among `arguments`.
    pub fn new(arguments: &[String]) -> Self {
        let typed = arguments
            .iter()
            .filter(|argument| is_address(argument))
            .cloned()
            .collect();
        Self { typed }
    }
}

/// Whether a command-line argument is a web address rather than a file.
pub fn is_address(argument: &str) -> bool {
    argument.starts_with("https://") || argument.starts_with("http://")
}

impl Fetch for HttpFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        if !url.starts_with("https://") && !self.typed.iter().any(|typed| typed == url) {
            return Err(FetchError::Refused {
                detail: "only https addresses are fetched".into(),
            });
        }
        let response = ureq::get(url)
            .header(
                "Accept",
                "application/json, application/ld+json, application/did+json",
            )
            .call()
            .map_err(|error| match error {
                ureq::Error::StatusCode(code) => FetchError::Status { code },
                other => FetchError::Unreachable {
                    detail: other.to_string(),
                },
            })?;

        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut body = Vec::new();
        let reader = response.into_body().into_reader();
        reader
            .take(MAX_BYTES)
            .read_to_end(&mut body)
            .map_err(|error| FetchError::Unreachable {
                detail: error.to_string(),
            })?;
        Ok(Fetched { body, content_type })
    }
}
