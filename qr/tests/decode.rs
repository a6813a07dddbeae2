//! The QR reader on codes drawn here with the `qrcode` encoder, on blank
//! pictures, and on random and adversarial pixels it must survive.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use cler_verifier_qr::{decode_grey, decode_rgba, ImageError};
use qrcode::{Color, QrCode};

const URL: &str = "http://127.0.0.1:8080/fixtures/ob30/simple.json";

/// A grey canvas, white, on which codes and clutter are drawn.
struct Canvas {
    pixels: Vec<u8>,
    width: usize,
    height: usize,
}

impl Canvas {
    fn white(width: usize, height: usize) -> Self {
        Self {
            pixels: vec![255; width * height],
            width,
            height,
        }
    }

    /// Draws `text` as a QR code with `scale` pixels a module, corner at (`left`, `top`).
    fn code(&mut self, text: &str, left: usize, top: usize, scale: usize) -> &mut Self {
        let code = QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width();
        for (index, color) in code.to_colors().iter().enumerate() {
            let shade = if *color == Color::Dark { 0 } else { 255 };
            let (x, y) = (
                left + index % modules * scale,
                top + index / modules * scale,
            );
            self.fill(x, y, scale, scale, shade);
        }
        self
    }

    fn fill(&mut self, left: usize, top: usize, width: usize, height: usize, shade: u8) {
        for y in top..(top + height).min(self.height) {
            for x in left..(left + width).min(self.width) {
                self.pixels[y * self.width + x] = shade;
            }
        }
    }

    fn decoded(&self) -> Vec<String> {
        decode_grey(&self.pixels, self.width, self.height).unwrap()
    }

    fn rgba(&self) -> Vec<u8> {
        self.pixels
            .iter()
            .flat_map(|&grey| [grey, grey, grey, 255])
            .collect()
    }
}

/// A small, fixed pseudo-random sequence (xorshift), so failures reproduce.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn bytes(&mut self, count: usize) -> Vec<u8> {
        (0..count).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn reads_a_generated_code() {
    let mut canvas = Canvas::white(200, 200);
    canvas.code(URL, 20, 20, 4);

    assert_eq!(canvas.decoded(), [URL]);
}

#[test]
fn reads_rgba_pixels_and_transparent_backgrounds() {
    let mut canvas = Canvas::white(160, 160);
    canvas.code("VP1-ABCDEF", 16, 16, 4);
    let opaque = canvas.rgba();
    let transparent: Vec<u8> = opaque
        .chunks(4)
        .flat_map(|p| {
            if p[0] == 0 {
                [0, 0, 0, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
        .collect();

    assert_eq!(decode_rgba(&opaque, 160, 160).unwrap(), ["VP1-ABCDEF"]);
    assert_eq!(decode_rgba(&transparent, 160, 160).unwrap(), ["VP1-ABCDEF"]);
}

#[test]
fn reads_a_code_inside_a_larger_picture_with_other_content() {
    let mut canvas = Canvas::white(800, 600);
    canvas.fill(0, 0, 800, 60, 40);
    canvas.fill(40, 120, 300, 20, 0);
    canvas.fill(40, 180, 260, 14, 90);
    canvas.code(URL, 480, 200, 5);

    assert_eq!(canvas.decoded(), [URL]);
}

#[test]
fn reads_every_code_of_a_picture() {
    let mut canvas = Canvas::white(400, 200);
    canvas.code("first", 10, 10, 6).code("second", 220, 30, 6);
    let mut texts = canvas.decoded();
    texts.sort();

    assert_eq!(texts, ["first", "second"]);
}

#[test]
fn reads_a_code_in_a_picture_larger_than_the_decoder_takes() {
    let mut canvas = Canvas::white(4000, 3000);
    canvas.code(URL, 1500, 1200, 12);

    assert_eq!(canvas.decoded(), [URL]);
}

#[test]
fn blank_and_black_pictures_hold_nothing() {
    assert!(Canvas::white(640, 480).decoded().is_empty());
    assert!(decode_grey(&[0; 640 * 480], 640, 480).unwrap().is_empty());
    assert!(decode_grey(&[0], 1, 1).unwrap().is_empty());
}

#[test]
fn wrong_dimensions_and_truncated_buffers_are_errors() {
    assert_eq!(decode_grey(&[], 0, 0), Err(ImageError::Empty));
    assert_eq!(decode_rgba(&[0; 16], 0, 4), Err(ImageError::Empty));
    assert_eq!(
        decode_rgba(&[0; 15], 2, 2),
        Err(ImageError::SizeMismatch {
            expected: 16,
            actual: 15
        })
    );
    assert_eq!(
        decode_grey(&[0; 10], usize::MAX, usize::MAX),
        Err(ImageError::SizeMismatch {
            expected: usize::MAX,
            actual: 10
        })
    );

    let mut canvas = Canvas::white(200, 200);
    canvas.code(URL, 20, 20, 4);
    let rgba = canvas.rgba();
    for cut in [1, 4, 800, rgba.len() / 2, rgba.len() - 1] {
        assert!(
            decode_rgba(&rgba[..rgba.len() - cut], 200, 200).is_err(),
            "cut {cut}"
        );
    }
    assert!(decode_grey(&canvas.pixels, 199, 200).is_err());
    assert!(
        decode_grey(&canvas.pixels, 400, 100).is_ok(),
        "same length, other shape"
    );
}

#[test]
fn random_pixels_never_panic() {
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let (width, height) = (1 + noise.below(300), 1 + noise.below(300));
        let pixels = noise.bytes(width * height);
        let binary: Vec<u8> = pixels
            .iter()
            .map(|&v| if v < 128 { 0 } else { 255 })
            .collect();

        assert!(decode_grey(&pixels, width, height).is_ok());
        assert!(decode_grey(&binary, width, height).is_ok());
    }
}

/// Finder patterns stamped at random sizes and places, alone or over a real
/// code, with flipped pixels: the shapes that lead the decoder deepest.
#[test]
fn adversarial_pictures_never_panic() {
    let mut noise = Noise(0x2545_f491_4f6c_dd1d);
    for round in 0..400 {
        let (width, height) = (40 + noise.below(360), 40 + noise.below(360));
        let mut canvas = Canvas::white(width, height);
        if round % 2 == 0 {
            let text: String = (0..1 + noise.below(200)).map(|_| 'x').collect();
            canvas.code(
                &text,
                noise.below(width / 3),
                noise.below(height / 3),
                1 + noise.below(4),
            );
        }
        for _ in 0..noise.below(10) {
            finder(
                &mut canvas,
                noise.below(width),
                noise.below(height),
                1 + noise.below(6),
            );
        }
        for _ in 0..noise.below(width * height / 40) {
            let at = noise.below(width * height);
            canvas.pixels[at] = 255 - canvas.pixels[at];
        }

        let _ = canvas.decoded();
    }
}

/// Stamps a QR finder pattern (7 × 7 modules: ring, gap, 3 × 3 core).
fn finder(canvas: &mut Canvas, left: usize, top: usize, scale: usize) {
    canvas.fill(left, top, 7 * scale, 7 * scale, 0);
    canvas.fill(left + scale, top + scale, 5 * scale, 5 * scale, 255);
    canvas.fill(left + 2 * scale, top + 2 * scale, 3 * scale, 3 * scale, 0);
}
