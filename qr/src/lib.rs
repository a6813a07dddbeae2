//! Reads QR codes from pixels, for the cler-verifier page and npm package.
//!
//! A separate crate (and a separate wasm module, `cler-verifier/qr`) so that
//! users who never scan a code never download a decoder. It hands back the
//! texts found; what a text means is the verifier's business: the page
//! passes each one to `verify()` unchanged.
//!
//! The decoder is [`rqrr`], a pure-Rust port of quirc, on grey pixels. Every
//! input is checked here before it reaches the decoder: the buffer must hold
//! exactly `width × height` grey or RGBA pixels, and pictures larger than
//! [`MAX_SIDE`] are scaled down first, which bounds time and memory.

#![deny(missing_docs)]

mod grey;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use grey::{GreyImage, ImageError, MAX_SIDE};

/// The texts of every QR code found in `image`, in the decoder's order;
/// empty when there is none or none could be read.
///
/// A code whose payload is not UTF-8 text is left out.
pub fn decode(image: &GreyImage) -> Vec<String> {
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(image.width(), image.height(), |x, y| {
            image.luma(x, y)
        });

    prepared
        .detect_grids()
        .iter()
        .filter_map(|grid| grid.decode().ok())
        .map(|(_, text)| text)
        .collect()
}

/// The texts of the QR codes in an RGBA picture (4 bytes a pixel, rows top
/// down, as a canvas' `ImageData`); transparent pixels count as white.
///
/// Fails when the buffer does not hold exactly `width × height` pixels.
pub fn decode_rgba(pixels: &[u8], width: usize, height: usize) -> Result<Vec<String>, ImageError> {
    GreyImage::from_rgba(pixels, width, height).map(|image| decode(&image))
}

/// The texts of the QR codes in a grey picture (1 byte a pixel, 0 black).
///
/// Fails when the buffer does not hold exactly `width × height` pixels.
pub fn decode_grey(pixels: &[u8], width: usize, height: usize) -> Result<Vec<String>, ImageError> {
    GreyImage::from_grey(pixels.to_vec(), width, height).map(|image| decode(&image))
}
