//! cler-verifier: verifies 1EdTech Open Badges 3.0 and Comprehensive Learner
//! Record 2.0 credentials (W3C Verifiable Credentials), natively or in the
//! browser through WebAssembly.
//!
//! The entry point is [`verify()`]: bytes or JSON in, a [`Report`] out. A
//! record that fails verification is a normal return, never an error or a
//! panic. Everything outside the input reaches the verifier through a
//! [`Fetch`] supplied by the caller, and every URL it needed is listed in the
//! report's `lookups`.
//!
//! ```
//! use cler_verifier::{verify, Input, NoFetch, Verdict, VerifyOptions};
//!
//! let options = VerifyOptions { offline: true, ..VerifyOptions::default() };
//! let report = pollster::block_on(verify(Input::Bytes(b"{}"), &options, &NoFetch));
//! assert_eq!(report.verdict, Verdict::Invalid);
//! ```

pub mod baking;
pub mod canon;
pub mod checks;
pub mod datetime;
pub mod fetch;
pub mod input;
pub mod jsonld;
pub mod jwt;
pub mod keys;
pub mod model;
pub mod options;
pub mod printable;
pub mod proof;
pub mod recipient;
pub mod report;
pub mod status;
pub mod trust;
mod verify;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use fetch::{Fetch, FetchError, Fetched, MapFetch, NoFetch};
pub use options::{Limits, Progress, VerifyOptions};
pub use recipient::ExpectedRecipient;
pub use report::{Check, CheckId, Outcome, Problem, Report, Verdict};
pub use trust::TrustList;
pub use verify::{verify, Input};
