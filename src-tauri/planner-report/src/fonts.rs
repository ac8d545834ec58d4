//! The typefaces compiled into the report. DejaVu Sans covers Latin, Greek and Cyrillic, so
//! institution names in those scripts print as typed on any machine, with no system fonts.

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use crate::fingerprint::subset_tag;

use crate::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Which of the two embedded faces a piece of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

/// One face, parsed for measuring and registered with the PDF for drawing.
#[derive(Debug)]
pub(crate) struct LoadedFace {
    parsed: ParsedFont,
    pub(crate) id: FontId,
    units_per_em: f32,
    /// Height above the baseline, as a fraction of the font size.
    pub(crate) ascent: f32,
    /// Depth below the baseline (positive), as a fraction of the font size.
    pub(crate) descent: f32,
}

#[derive(Debug)]
pub(crate) struct Fonts {
    regular: LoadedFace,
    bold: LoadedFace,
}

impl Fonts {
    /// Parses both faces and registers them with `doc`. `seed` names them: the same seed gives
    /// the same resource names and subset tags, and so the same bytes.
    pub(crate) fn load_into(doc: &mut PdfDocument, seed: u64) -> Result<Self> {
        Ok(Self {
            regular: LoadedFace::load(doc, REGULAR, "DejaVu Sans", seed)?,
            bold: LoadedFace::load(doc, BOLD, "DejaVu Sans Bold", seed.rotate_left(32))?,
        })
    }

    pub(crate) fn face(&self, face: Face) -> &LoadedFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }
}

impl LoadedFace {
    fn load(doc: &mut PdfDocument, bytes: &[u8], name: &'static str, seed: u64) -> Result<Self> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(Error::Font { name })?;
        let metrics = &parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(Error::Font { name });
        }
        let ascent = metrics.ascent.abs() / units_per_em;
        let descent = metrics.descent.abs() / units_per_em;
        // printpdf uses the first six characters of the id as the subset tag ("ABCDEF+Name").
        let id = FontId(format!("{}{}", subset_tag(seed), name.replace(' ', "")));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed.clone()));
        Ok(Self {
            parsed,
            id,
            units_per_em,
            ascent,
            descent,
        })
    }

    /// The width of `text` set at `size` points, in points. printpdf draws text glyph by glyph
    /// from the advance widths, without kerning or shaping, so summing advances is exact.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                // A character the font lacks is drawn as glyph 0 (.notdef), at its width.
                let glyph = self.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                f32::from(self.parsed.get_horizontal_advance(glyph))
            })
            .sum();
        units * size / self.units_per_em
    }

    #[cfg(test)]
    pub(crate) fn has_glyph(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(u32::from(c)).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_load_and_cover_the_scripts_names_come_in() {
        let mut doc = PdfDocument::new("test");
        let fonts = Fonts::load_into(&mut doc, 1).expect("embedded fonts parse");
        for face in [Face::Regular, Face::Bold] {
            for c in "ÓéŁźМоскваΕλληνικόΩ·,…".chars() {
                assert!(fonts.face(face).has_glyph(c), "{face:?} has {c}");
            }
        }
        assert_eq!(doc.resources.fonts.map.len(), 2, "both faces registered");
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        let mut doc = PdfDocument::new("test");
        let fonts = Fonts::load_into(&mut doc, 1).expect("embedded fonts parse");
        let regular = fonts.face(Face::Regular);
        let at_10 = regular.width("Institution profile", 10.0);
        assert!(at_10 > 50.0 && at_10 < 150.0, "plausible width {at_10}");
        let at_20 = regular.width("Institution profile", 20.0);
        assert!((at_20 - 2.0 * at_10).abs() < 0.01, "linear in size");
        assert!(fonts.face(Face::Bold).width("Institution profile", 10.0) > at_10);
        assert_eq!(regular.width("", 12.0), 0.0);
    }
}
