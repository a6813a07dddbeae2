//! Proof suites: each turns a secured document into the bytes a key signed.
