//! The JavaScript API of the QR module: `decodeQr(pixels, width, height)`.

use wasm_bindgen::prelude::*;

use crate::{decode_grey, decode_rgba, ImageError};

/// The texts of the QR codes in a picture (an empty array when none).
///
/// `pixels` is RGBA (a canvas' `ImageData.data`, 4 bytes a pixel) or grey
/// (1 byte a pixel), told apart by its length. Throws an `Error` when the
/// length fits neither.
#[wasm_bindgen(js_name = decodeQr)]
pub fn decode_qr(pixels: &[u8], width: u32, height: u32) -> Result<Vec<String>, JsError> {
    let (width, height) = (width as usize, height as usize);
    let grey = width.checked_mul(height);

    let texts = if grey == Some(pixels.len()) {
        decode_grey(pixels, width, height)
    } else {
        decode_rgba(pixels, width, height)
    };
    texts.map_err(|error: ImageError| JsError::new(&error.to_string()))
}
