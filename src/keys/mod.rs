//! Verification methods: decoding keys and finding the issuer's.
