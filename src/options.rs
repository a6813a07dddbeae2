//! What the caller can set: the clock, lookups, extra contexts and limits.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use crate::recipient::ExpectedRecipient;
use crate::trust::TrustList;

/// Options for one verification. `Default` is offline-capable and safe.
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    /// The instant to check validity against, in seconds since the Unix
    /// epoch. `None` means "now" as the platform reports it.
    pub now: Option<i64>,
    /// When true, nothing is fetched: DID documents, keys and status lists
    /// that are not built in are reported as `unknown`.
    pub offline: bool,
    /// Extra JSON-LD contexts (URL → document text) the caller vouches for.
    pub contexts: HashMap<String, String>,
    /// Limits on the work one input may cause.
    pub limits: Limits,
    /// The holder the caller expects; adds the `recipient` check.
    pub expected_recipient: Option<ExpectedRecipient>,
    /// Issuers the caller trusts; adds the `trust` check.
    pub trusted_issuers: Option<TrustList>,
    /// The challenge (nonce) the caller gave the holder: a presentation's
    /// proof must carry exactly this `challenge` (a VP-JWT: `nonce`), which
    /// shows it was made for this request and is not a replay.
    pub challenge: Option<String>,
    /// The caller's domain (for example its web origin): a presentation's
    /// proof must carry it as `domain` (a VP-JWT: `aud`), which shows it was
    /// made for this verifier.
    pub domain: Option<String>,
    /// When true, the top-level report carries the credential as it was
    /// read (`document`), so a viewer shows what was verified.
    pub include_document: bool,
    /// Told how far the checking of nested credentials has got.
    pub progress: Option<Progress>,
}

/// A function called with `(done, total)` each time one of the credentials
/// in a CLR or presentation has been checked.
#[derive(Clone)]
pub struct Progress(pub Rc<dyn Fn(usize, usize)>);

impl Progress {
    /// Tells the function that `done` of `total` credentials are checked.
    pub fn tell(&self, done: usize, total: usize) {
        (self.0)(done, total);
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Progress(..)")
    }
}

/// Limits that keep hostile input from exhausting memory or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Deepest JSON nesting accepted.
    pub max_depth: usize,
    /// Most credentials verified from one input (nested and endorsements
    /// included).
    pub max_credentials: usize,
    /// Most RDF quads one document may expand to.
    pub max_quads: usize,
    /// Most "hash N-degree quads" calls RDFC-1.0 may make for one document.
    pub max_canon_calls: usize,
    /// Most proofs one document may carry (each costs a canonicalisation).
    pub max_proofs: usize,
    /// Most entries one `@context` array may have.
    pub max_contexts: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 8 * 1024 * 1024,
            max_depth: 64,
            max_credentials: 250,
            max_quads: 200_000,
            max_canon_calls: 4000,
            max_proofs: 8,
            max_contexts: 32,
        }
    }
}
