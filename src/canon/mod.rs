//! Canonicalisation: RDFC-1.0 with a work limit, and JCS (RFC 8785).
