//! Reading the credential out of a PNG's `iTXt` (or OB 2.0 `tEXt`) chunk.
//!
//! PNG ([W3C PNG §5.3](https://www.w3.org/TR/png-3/#5Chunk-layout)): an
//! 8-byte signature, then chunks of length (u32, big-endian), type, data and
//! CRC-32 of type + data. `iTXt` data: keyword, NUL, compression flag,
//! compression method, language tag, NUL, translated keyword, NUL, UTF-8
//! text (zlib-compressed when the flag is 1). The first matching chunk wins.

use std::io::Read;

use flate2::read::ZlibDecoder;

use super::{corrupt, Baking, UnbakeError, Unbaked};

const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The largest baked text accepted after decompression, in bytes.
const MAX_TEXT: u64 = 8 * 1024 * 1024;

/// Takes the baked credential out of PNG bytes.
pub fn unbake_png(bytes: &[u8]) -> Result<Unbaked, UnbakeError> {
    let mut rest = bytes
        .strip_prefix(SIGNATURE.as_slice())
        .ok_or_else(|| corrupt("not a PNG file"))?;
    while !rest.is_empty() {
        let (kind, data, after) = chunk(rest)?;
        if let Some(found) = baked(kind, data)? {
            return Ok(found);
        }
        if kind == b"IEND" {
            break;
        }
        rest = after;
    }
    Err(UnbakeError::NotBaked)
}

/// One chunk: its type, its data, and the bytes after it.
type Chunk<'b> = (&'b [u8], &'b [u8], &'b [u8]);

/// Splits off one chunk, checking its length and CRC.
fn chunk(bytes: &[u8]) -> Result<Chunk<'_>, UnbakeError> {
    let short = || corrupt("a chunk is cut short");
    let (length, rest) = bytes.split_at_checked(4).ok_or_else(short)?;
    let length = u32::from_be_bytes(length.try_into().map_err(|_| short())?);
    let (kind, rest) = rest.split_at_checked(4).ok_or_else(short)?;
    let length = usize::try_from(length).map_err(|_| short())?;
    let runs_past = || corrupt("a chunk runs past the end of the file");
    let (data, rest) = rest.split_at_checked(length).ok_or_else(runs_past)?;
    let (stored, after) = rest.split_at_checked(4).ok_or_else(short)?;

    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    if crc.sum().to_be_bytes() != stored {
        let name = String::from_utf8_lossy(kind);
        return Err(corrupt(format!("the CRC of chunk {name} does not match")));
    }
    Ok((kind, data, after))
}

fn baked(kind: &[u8], data: &[u8]) -> Result<Option<Unbaked>, UnbakeError> {
    let (keyword, text) = match kind {
        b"iTXt" => international_text(data)?,
        b"tEXt" => latin1_text(data),
        _ => return Ok(None),
    };
    let baking = match keyword.as_slice() {
        b"openbadgecredential" => Baking::OpenBadges3,
        b"clrcredential" => Baking::Clr2,
        b"openbadges" => Baking::OpenBadges2,
        _ => return Ok(None),
    };
    Ok(Some(Unbaked {
        baking,
        payload: text?,
    }))
}

type Text = (Vec<u8>, Result<String, UnbakeError>);

fn international_text(data: &[u8]) -> Result<Text, UnbakeError> {
    let (keyword, rest) = split_nul(data).ok_or_else(|| corrupt("an iTXt chunk has no keyword"))?;
    let (&flag, rest) = rest
        .split_first()
        .ok_or_else(|| corrupt("an iTXt chunk is cut short"))?;
    let rest = rest
        .get(1..)
        .ok_or_else(|| corrupt("an iTXt chunk is cut short"))?;
    let (_language, rest) =
        split_nul(rest).ok_or_else(|| corrupt("an iTXt chunk has no language tag"))?;
    let (_translated, text) =
        split_nul(rest).ok_or_else(|| corrupt("an iTXt chunk has no translated keyword"))?;

    let text = match flag {
        0 => utf8(text.to_vec()),
        1 => inflate(text).and_then(utf8),
        other => Err(corrupt(format!(
            "an iTXt chunk has compression flag {other}"
        ))),
    };
    Ok((keyword.to_vec(), text))
}

/// `tEXt` is Latin-1: keyword, NUL, text (OB 2.0 before iTXt).
fn latin1_text(data: &[u8]) -> Text {
    match split_nul(data) {
        Some((keyword, text)) => (
            keyword.to_vec(),
            Ok(text.iter().map(|&b| char::from(b)).collect()),
        ),
        None => (Vec::new(), Err(corrupt("a tEXt chunk has no keyword"))),
    }
}

fn inflate(compressed: &[u8]) -> Result<Vec<u8>, UnbakeError> {
    let mut text = Vec::new();
    let mut reader = ZlibDecoder::new(compressed).take(MAX_TEXT + 1);
    reader
        .read_to_end(&mut text)
        .map_err(|_| corrupt("the compressed text does not inflate"))?;
    if text.len() as u64 > MAX_TEXT {
        return Err(corrupt("the baked text is larger than 8 MiB"));
    }
    Ok(text)
}

fn utf8(bytes: Vec<u8>) -> Result<String, UnbakeError> {
    String::from_utf8(bytes).map_err(|_| corrupt("the baked text is not UTF-8"))
}

fn split_nul(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&b| b == 0)?;
    let (before, from_nul) = bytes.split_at(at);
    Some((before, from_nul.get(1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::ZlibEncoder;
    use std::io::Write;

    fn chunk_bytes(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    }

    fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
        let mut out = SIGNATURE.to_vec();
        out.extend(chunk_bytes(
            b"IHDR",
            &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0],
        ));
        chunks.iter().for_each(|c| out.extend_from_slice(c));
        out.extend(chunk_bytes(b"IEND", &[]));
        out
    }

    fn itxt(keyword: &str, text: &str, compressed: bool) -> Vec<u8> {
        let mut data = keyword.as_bytes().to_vec();
        data.extend_from_slice(&[0, u8::from(compressed), 0, 0, 0]);
        if compressed {
            let mut zlib = ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            zlib.write_all(text.as_bytes()).unwrap();
            data.extend(zlib.finish().unwrap());
        } else {
            data.extend_from_slice(text.as_bytes());
        }
        chunk_bytes(b"iTXt", &data)
    }

    const TEXT: &str = r#"{"name": "Café “Ünïcode” 学位 🎓"}"#;

    #[test]
    fn plain_and_compressed_text_round_trip_byte_for_byte() {
        for compressed in [false, true] {
            let found = unbake_png(&png(&[itxt("openbadgecredential", TEXT, compressed)])).unwrap();
            assert_eq!(
                found,
                Unbaked {
                    baking: Baking::OpenBadges3,
                    payload: TEXT.into()
                }
            );
        }
        let clr = unbake_png(&png(&[itxt("clrcredential", "eyJ.x.y", false)])).unwrap();
        assert_eq!(clr.baking, Baking::Clr2);
    }

    #[test]
    fn the_first_matching_chunk_wins_and_others_are_ignored() {
        let image = png(&[
            itxt("Comment", "hello", false),
            itxt("openbadgecredential", "{}", false),
            itxt("openbadgecredential", "second", false),
        ]);
        assert_eq!(unbake_png(&image).unwrap().payload, "{}");
    }

    #[test]
    fn open_badges_2_is_recognised() {
        let mut data = b"openbadges\0".to_vec();
        data.extend_from_slice(b"https://example.org/assertion/1");
        let found = unbake_png(&png(&[chunk_bytes(b"tEXt", &data)])).unwrap();
        assert_eq!(found.baking, Baking::OpenBadges2);
    }

    #[test]
    fn missing_truncated_and_corrupt_images_say_so() {
        assert_eq!(unbake_png(&png(&[])), Err(UnbakeError::NotBaked));
        let whole = png(&[itxt("openbadgecredential", TEXT, false)]);
        for cut in [9, 20, 40, whole.len() - 13] {
            assert!(
                matches!(
                    unbake_png(&whole[..cut]),
                    Err(UnbakeError::Corrupt { .. }) | Err(UnbakeError::NotBaked)
                ),
                "cut {cut}"
            );
        }
        let mut flipped = whole.clone();
        flipped[50] ^= 0xff;
        assert!(matches!(
            unbake_png(&flipped),
            Err(UnbakeError::Corrupt { .. })
        ));
        assert!(matches!(
            unbake_png(b"GIF89a"),
            Err(UnbakeError::Corrupt { .. })
        ));
    }
}
