//! Decoding a status list and reading one status from it.
//!
//! [Bitstring Status List §3.2 Bitstring Expansion](https://www.w3.org/TR/vc-bitstring-status-list/#bitstring-expansion-algorithm):
//! `encodedList` is multibase base64url (prefix `u`, no padding) of the
//! GZIP-compressed bitstring; StatusList2021 omits the `u`. Index 0 is the
//! most significant bit of the first byte.

use std::io::Read;

use base64ct::{Base64UrlUnpadded, Encoding};
use flate2::read::GzDecoder;

/// The smallest list the Bitstring spec allows, in entries (16 KiB of bits).
pub const MINIMUM_ENTRIES: u64 = 131_072;

/// The largest uncompressed list accepted (a gzip bomb guard), in bytes.
pub const MAXIMUM_BYTES: u64 = 16 * 1024 * 1024;

/// Why a list could not be read, with the W3C problem each maps to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// `encodedList` is not base64url.
    NotBase64,
    /// The decoded bytes are not a GZIP stream, or it is truncated.
    NotGzip,
    /// The list expands beyond [`MAXIMUM_BYTES`].
    TooLarge,
    /// The list holds fewer entries than the spec's minimum.
    TooShort {
        /// How many entries it holds.
        entries: u64,
    },
    /// The entry's index lies beyond the end of the list.
    OutOfRange {
        /// The index asked for.
        index: u64,
        /// How many entries the list holds.
        entries: u64,
    },
}

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotBase64 => f.write_str("the encoded list is not base64url"),
            Self::NotGzip => f.write_str("the encoded list is not valid gzip data"),
            Self::TooLarge => f.write_str("the list expands to more than 16 MiB"),
            Self::TooShort { entries } => {
                write!(f, "the list holds {entries} entries, fewer than the minimum 131072")
            }
            Self::OutOfRange { index, entries } => {
                write!(f, "index {index} is beyond the list's {entries} entries")
            }
        }
    }
}

impl ListError {
    /// The W3C Bitstring Status List problem type for this error.
    pub fn w3c(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "STATUS_LIST_LENGTH_ERROR",
            Self::OutOfRange { .. } => "RANGE_ERROR",
            _ => "STATUS_VERIFICATION_ERROR",
        }
    }
}

/// Decodes `encodedList` (with or without the multibase `u`) to raw bits.
pub fn decode(encoded: &str) -> Result<Vec<u8>, ListError> {
    let text = encoded.strip_prefix('u').unwrap_or(encoded);
    let compressed = Base64UrlUnpadded::decode_vec(text.trim_end_matches('='))
        .map_err(|_| ListError::NotBase64)?;

    let mut bits = Vec::new();
    let limited = GzDecoder::new(compressed.as_slice()).take(MAXIMUM_BYTES + 1);
    let mut reader = limited;
    reader.read_to_end(&mut bits).map_err(|_| ListError::NotGzip)?;
    if bits.len() as u64 > MAXIMUM_BYTES {
        return Err(ListError::TooLarge);
    }
    Ok(bits)
}

/// Reads the `size`-bit status at `index`, most significant bit first.
pub fn status_at(bits: &[u8], index: u64, size: u64) -> Result<u64, ListError> {
    let entries = bits.len() as u64 * 8 / size.max(1);
    if index >= entries {
        return Err(ListError::OutOfRange { index, entries });
    }

    let first = index * size;
    let value = (first..first + size).fold(0, |value, position| (value << 1) | bit(bits, position));
    Ok(value)
}

/// Fails when the list is shorter than the Bitstring minimum.
pub fn check_length(bits: &[u8], size: u64) -> Result<(), ListError> {
    let entries = bits.len() as u64 * 8 / size.max(1);
    if entries < MINIMUM_ENTRIES {
        return Err(ListError::TooShort { entries });
    }
    Ok(())
}

fn bit(bits: &[u8], position: u64) -> u64 {
    let byte = usize::try_from(position / 8).ok().and_then(|at| bits.get(at)).copied();
    let shift = 7 - (position % 8);
    byte.map_or(0, |byte| u64::from(byte >> shift) & 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn encode(bits: &[u8], multibase: bool) -> String {
        let mut gzip = GzEncoder::new(Vec::new(), flate2::Compression::default());
        gzip.write_all(bits).unwrap();
        let text = Base64UrlUnpadded::encode_string(&gzip.finish().unwrap());
        if multibase { format!("u{text}") } else { text }
    }

    #[test]
    fn index_zero_is_the_most_significant_bit() {
        let mut bits = vec![0u8; 16 * 1024];
        bits[0] = 0b1000_0000;
        let decoded = decode(&encode(&bits, true)).unwrap();
        assert_eq!(status_at(&decoded, 0, 1), Ok(1));
        assert_eq!(status_at(&decoded, 7, 1), Ok(0));
        bits[0] = 0b0000_0001;
        let mirrored = decode(&encode(&bits, false)).unwrap();
        assert_eq!(status_at(&mirrored, 0, 1), Ok(0));
        assert_eq!(status_at(&mirrored, 7, 1), Ok(1));
    }

    #[test]
    fn reads_multi_bit_statuses() {
        let bits = [0b0110_0000u8, 0];
        assert_eq!(status_at(&bits, 0, 2), Ok(0b01));
        assert_eq!(status_at(&bits, 1, 2), Ok(0b10));
        assert_eq!(status_at(&bits, 8, 2), Err(ListError::OutOfRange { index: 8, entries: 8 }));
    }

    #[test]
    fn short_lists_and_garbage_are_named() {
        let short = decode(&encode(&[0u8; 100], true)).unwrap();
        assert_eq!(check_length(&short, 1), Err(ListError::TooShort { entries: 800 }));
        assert_eq!(decode("u!!!"), Err(ListError::NotBase64));
        assert_eq!(decode("uAAAA"), Err(ListError::NotGzip));
    }
}
