//! The JWS Compact Serialization ([RFC 7515 §7.1](https://www.rfc-editor.org/rfc/rfc7515#section-7.1)):
//! `BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature)`.
//!
//! Only the compact form is a VC-JWT (OB 3.0 §8.2). Segments must be
//! unpadded base64url; header and payload must be JSON objects.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use super::error::JwtError;

/// A compact JWS split into its parts; nothing verified yet.
#[derive(Clone, Debug, PartialEq)]
pub struct CompactJws {
    /// The decoded JOSE header.
    pub header: Map<String, Value>,
    /// The decoded payload (the JWT claims set).
    pub payload: Map<String, Value>,
    /// The signing input: the first two segments and the dot between them.
    pub signing_input: String,
    /// The decoded signature.
    pub signature: Vec<u8>,
}

/// Whether `text` has the shape of a compact JWS: three base64url
/// segments, the first starting like a JSON object (`ey`).
pub fn looks_like_compact(text: &str) -> bool {
    let segments: Vec<&str> = text.split('.').collect();
    segments.len() == 3
        && segments.first().is_some_and(|s| s.starts_with("ey"))
        && segments.iter().all(|s| is_base64url(s))
}

/// Splits and decodes a compact JWS.
///
/// Fails with [`JwtError::NotCompact`] unless there are exactly three
/// segments, [`JwtError::Base64`] for a segment that is not unpadded
/// base64url, and [`JwtError::NotJsonObject`] when the header or payload
/// is not a JSON object.
pub fn parse(text: &str) -> Result<CompactJws, JwtError> {
    let mut segments = text.trim().split('.');
    let (Some(header), Some(payload), Some(signature), None) = (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) else {
        let reason = "expected three segments separated by dots";
        return Err(JwtError::NotCompact { reason });
    };

    let signing_input = format!("{header}.{payload}");
    Ok(CompactJws {
        header: json_object(header, "header")?,
        payload: json_object(payload, "payload")?,
        signing_input,
        signature: decode(signature, "signature")?,
    })
}

/// Decodes one unpadded base64url segment.
pub fn decode(segment: &str, name: &'static str) -> Result<Vec<u8>, JwtError> {
    Base64UrlUnpadded::decode_vec(segment).map_err(|_| JwtError::Base64 { segment: name })
}

fn json_object(segment: &str, name: &'static str) -> Result<Map<String, Value>, JwtError> {
    let bytes = decode(segment, name)?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(JwtError::NotJsonObject { segment: name }),
    }
}

fn is_base64url(segment: &str) -> bool {
    segment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test")]
mod tests {
    use super::*;

    #[test]
    fn splits_a_compact_jws() {
        let jws = parse("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.AAEC").unwrap();
        assert_eq!(jws.header["alg"], "EdDSA");
        assert_eq!(jws.payload["iss"], "x");
        assert_eq!(jws.signature, [0, 1, 2]);
        assert_eq!(jws.signing_input, "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0");
    }

    #[test]
    fn refuses_other_shapes() {
        assert!(matches!(parse("a.b"), Err(JwtError::NotCompact { .. })));
        assert!(matches!(parse("a.b.c.d"), Err(JwtError::NotCompact { .. })));
        assert_eq!(
            parse("eyJhbGciOiJFZERTQSJ9=.eyJpc3MiOiJ4In0.AAEC"),
            Err(JwtError::Base64 { segment: "header" })
        );
        assert_eq!(
            parse("WzFd.eyJpc3MiOiJ4In0.AAEC"),
            Err(JwtError::NotJsonObject { segment: "header" })
        );
        assert!(looks_like_compact("eyJ.eyJ.abc_-"));
        assert!(!looks_like_compact("eyJ.eyJ.a+c"));
    }
}
