//! The one door to the outside: a caller-supplied [`Fetch`] and the
//! [`Lookups`] that cache and record every URL a verification needed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use crate::report::{Lookup, LookupOutcome};

/// A document fetched from a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The response body.
    pub body: Vec<u8>,
    /// The `Content-Type` header, when known.
    pub content_type: Option<String>,
}

/// Why a fetch failed, in terms a reader can act on.
///
/// A server's 404 or 410 is an answer: the document does not exist. Every
/// other failure leaves the question open.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchError {
    /// Lookups are switched off.
    Offline,
    /// The server answered with an error status.
    Status {
        /// The HTTP status code.
        code: u16,
    },
    /// The server does not let browsers read the document (CORS), or the
    /// network could not be reached.
    Network {
        /// What the platform reported.
        detail: String,
    },
    /// The server could not be reached (outside a browser, where CORS does
    /// not apply).
    Unreachable {
        /// What the platform reported.
        detail: String,
    },
    /// No document is known for this URL (an in-memory fetcher has no entry;
    /// unlike a server's 404 this says nothing about whether it exists).
    NotFound,
    /// The URL is not one the verifier may contact (for example not https).
    Refused {
        /// Why it was refused.
        detail: String,
    },
}

impl FetchError {
    /// Whether the failure is the server saying the document does not exist.
    pub fn is_definitive(&self) -> bool {
        matches!(self, Self::Status { code: 404 | 410 })
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Offline => write!(f, "lookups are switched off in offline mode"),
            Self::Status { code: 404 } => {
                write!(f, "the server says the document does not exist (404)")
            }
            Self::Status { code } => write!(f, "the server answered with error {code}"),
            Self::Network { detail } => write!(
                f,
                "the server could not be reached, or does not let browsers read it (CORS): {detail}"
            ),
            Self::Unreachable { detail } => write!(f, "the server could not be reached: {detail}"),
            Self::NotFound => write!(f, "no document is known at this address"),
            Self::Refused { detail } => write!(f, "this address may not be contacted: {detail}"),
        }
    }
}

/// Fetches documents for the verifier: `fetch` in a browser, an HTTP client
/// in the CLI, an in-memory map in tests.
pub trait Fetch {
    /// Fetches `url`; fails with a [`FetchError`] that says why.
    fn fetch(&self, url: &str) -> impl Future<Output = Result<Fetched, FetchError>>;
}

/// A fetcher that never contacts anything.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFetch;

impl Fetch for NoFetch {
    async fn fetch(&self, _url: &str) -> Result<Fetched, FetchError> {
        Err(FetchError::Offline)
    }
}

/// An in-memory fetcher: URL → document. Used by tests and the CLI's
/// `--documents` option.
#[derive(Clone, Debug, Default)]
pub struct MapFetch {
    documents: HashMap<String, Result<Vec<u8>, u16>>,
}

impl MapFetch {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document for a URL.
    pub fn insert(&mut self, url: impl Into<String>, body: impl Into<Vec<u8>>) {
        self.documents.insert(url.into(), Ok(body.into()));
    }

    /// Answers `url` with an HTTP error status, as a server would.
    pub fn insert_status(&mut self, url: impl Into<String>, code: u16) {
        self.documents.insert(url.into(), Err(code));
    }
}

impl Fetch for MapFetch {
    async fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        match self.documents.get(url) {
            Some(Ok(body)) => Ok(Fetched {
                body: body.clone(),
                content_type: None,
            }),
            Some(Err(code)) => Err(FetchError::Status { code: *code }),
            None => Err(FetchError::NotFound),
        }
    }
}

type Cached = Result<Rc<Fetched>, FetchError>;

/// Every lookup of one verification: fetched once per URL, all recorded.
pub struct Lookups<'f, F: Fetch> {
    fetch: &'f F,
    offline: bool,
    cache: RefCell<HashMap<String, Cached>>,
    record: RefCell<Vec<Lookup>>,
}

impl<'f, F: Fetch> Lookups<'f, F> {
    /// Lookups through `fetch`, or none at all when `offline`.
    pub fn new(fetch: &'f F, offline: bool) -> Self {
        Self {
            fetch,
            offline,
            cache: RefCell::default(),
            record: RefCell::default(),
        }
    }

    /// Fetches `url` once; later calls for the same URL reuse the answer.
    pub async fn get(&self, url: &str, purpose: &str) -> Cached {
        if let Some(cached) = self.cache.borrow().get(url) {
            return cached.clone();
        }

        let answer = if self.offline {
            Err(FetchError::Offline)
        } else {
            self.fetch.fetch(url).await.map(Rc::new)
        };

        self.remember(url, purpose, &answer);
        self.cache
            .borrow_mut()
            .insert(url.to_owned(), answer.clone());
        answer
    }

    /// Every URL needed so far, in the order first needed.
    pub fn into_record(self) -> Vec<Lookup> {
        self.record.into_inner()
    }

    fn remember(&self, url: &str, purpose: &str, answer: &Cached) {
        let (outcome, detail) = match answer {
            Ok(_) => (LookupOutcome::Fetched, None),
            Err(FetchError::Offline) => (LookupOutcome::Offline, None),
            Err(error) => (LookupOutcome::Failed, Some(error.to_string())),
        };
        let lookup = Lookup {
            url: url.to_owned(),
            purpose: purpose.to_owned(),
            outcome,
            detail,
        };
        self.record.borrow_mut().push(lookup);
    }
}
