//! A grey picture the decoder can read: checked dimensions, bounded size.

use std::fmt;

/// The longest side, in pixels, handed to the decoder; a larger picture is
/// scaled down by a whole factor first (a phone photo of 4000 pixels becomes
/// 1333), which keeps a scan within a fraction of a second.
pub const MAX_SIDE: usize = 1600;

/// Why pixels could not be read as a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImageError {
    /// The width or the height is zero.
    Empty,
    /// The buffer's length is not `width × height × bytes per pixel`.
    SizeMismatch {
        /// The length the dimensions call for (saturated on overflow).
        expected: usize,
        /// The buffer's length.
        actual: usize,
    },
}

impl fmt::Display for ImageError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(formatter, "the picture has no pixels"),
            Self::SizeMismatch { expected, actual } => write!(
                formatter,
                "the pixel buffer holds {actual} bytes where the dimensions need {expected}"
            ),
        }
    }
}

impl std::error::Error for ImageError {}

/// Luminance pixels, one byte each (0 black, 255 white), rows top down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GreyImage {
    pixels: Vec<u8>,
    width: usize,
}

impl GreyImage {
    /// Takes grey pixels as they are, scaled down when larger than [`MAX_SIDE`].
    ///
    /// Fails when `pixels` does not hold exactly `width × height` bytes.
    pub fn from_grey(pixels: Vec<u8>, width: usize, height: usize) -> Result<Self, ImageError> {
        check_length(pixels.len(), width, height, 1)?;

        Ok(Self { pixels, width }.bounded())
    }

    /// Converts RGBA pixels to luminance, transparent pixels over white.
    ///
    /// Fails when `pixels` does not hold exactly `width × height × 4` bytes.
    pub fn from_rgba(pixels: &[u8], width: usize, height: usize) -> Result<Self, ImageError> {
        check_length(pixels.len(), width, height, 4)?;

        let grey = pixels.chunks_exact(4).map(luminance).collect();
        Ok(Self {
            pixels: grey,
            width,
        }
        .bounded())
    }

    /// The width in pixels (at least 1).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The height in pixels (at least 1).
    pub fn height(&self) -> usize {
        self.pixels.len() / self.width.max(1)
    }

    /// The luminance at (`x`, `y`); white outside the picture.
    pub fn luma(&self, x: usize, y: usize) -> u8 {
        if x >= self.width {
            return 255;
        }
        y.checked_mul(self.width)
            .and_then(|row| self.pixels.get(row + x))
            .copied()
            .unwrap_or(255)
    }

    /// This picture, or a copy scaled down by a whole factor (box average)
    /// so that neither side exceeds [`MAX_SIDE`].
    fn bounded(self) -> Self {
        let factor = self.width().max(self.height()).div_ceil(MAX_SIDE);
        if factor <= 1 {
            return self;
        }

        let (width, height) = (self.width() / factor, self.height() / factor);
        let mut pixels = Vec::with_capacity(width * height);
        for y in 0..height {
            for x in 0..width {
                pixels.push(self.box_average(x * factor, y * factor, factor));
            }
        }
        Self { pixels, width }
    }

    /// The mean luminance of the `size × size` square whose corner is (`left`, `top`).
    fn box_average(&self, left: usize, top: usize, size: usize) -> u8 {
        let mut sum = 0usize;
        for y in top..top + size {
            for x in left..left + size {
                sum += usize::from(self.luma(x, y));
            }
        }
        u8::try_from(sum / (size * size)).unwrap_or(u8::MAX)
    }
}

/// Checks that a buffer of `length` bytes holds `width × height` pixels of
/// `bytes` bytes each, and that there is at least one pixel.
fn check_length(
    length: usize,
    width: usize,
    height: usize,
    bytes: usize,
) -> Result<(), ImageError> {
    if width == 0 || height == 0 {
        return Err(ImageError::Empty);
    }

    let expected = width
        .checked_mul(height)
        .and_then(|count| count.checked_mul(bytes))
        .unwrap_or(usize::MAX);
    if expected != length {
        return Err(ImageError::SizeMismatch {
            expected,
            actual: length,
        });
    }
    Ok(())
}

/// The luminance of one RGBA pixel (ITU-R BT.601 weights), composited over white.
fn luminance(pixel: &[u8]) -> u8 {
    let [red, green, blue, alpha] =
        [0, 1, 2, 3].map(|index| pixel.get(index).map_or(0, |&v| u32::from(v)));
    let grey = (299 * red + 587 * green + 114 * blue) / 1000;
    let over_white = (grey * alpha + 255 * (255 - alpha)) / 255;
    u8::try_from(over_white).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgba_is_composited_over_white() {
        let pixels = [0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 128];
        let image =
            GreyImage::from_rgba(&pixels, 2, 2).unwrap_or_else(|error| unreachable!("{error}"));

        assert_eq!(
            [
                image.luma(0, 0),
                image.luma(1, 0),
                image.luma(0, 1),
                image.luma(1, 1)
            ],
            [0, 255, 255, 127]
        );
    }

    #[test]
    fn large_pictures_are_scaled_down_by_a_whole_factor() {
        let image = GreyImage::from_grey(vec![0; 4000 * 10], 4000, 10)
            .unwrap_or_else(|error| unreachable!("{error}"));

        assert_eq!((image.width(), image.height()), (1333, 3));
        assert_eq!(image.luma(1332, 2), 0);
        assert_eq!(image.luma(1333, 2), 255);
    }

    #[test]
    fn overflowing_dimensions_are_a_size_mismatch() {
        let error = GreyImage::from_rgba(&[0; 4], usize::MAX, 2);

        assert_eq!(
            error,
            Err(ImageError::SizeMismatch {
                expected: usize::MAX,
                actual: 4
            })
        );
    }
}
