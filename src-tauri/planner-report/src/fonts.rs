//! The typefaces compiled into the report, so every name prints as typed on any machine, with
//! no system fonts. DejaVu Sans sets Latin, Greek and Cyrillic and is registered with every
//! document; the fallbacks (Noto Naskh Arabic, Noto Sans Hebrew, Noto Sans Devanagari, and
//! for Chinese, Japanese and Korean a subset of Noto Sans CJK made by `fonts/subset-cjk.py`)
//! are embedded only in a document that draws with them, and then only the glyphs it uses.

use std::collections::BTreeSet;

use printpdf::{FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle};

use crate::fingerprint::{fingerprint, subset_tag};

use crate::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const ARABIC: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf");
const ARABIC_BOLD: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf");
const HEBREW: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf");
const HEBREW_BOLD: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Bold.ttf");
const DEVANAGARI: &[u8] = include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf");
const DEVANAGARI_BOLD: &[u8] = include_bytes!("../fonts/NotoSansDevanagari-Bold.ttf");
/// One face for Han, kana and hangul together; it has no bold, so bold is drawn thickened.
const CJK: &[u8] = include_bytes!("../fonts/NotoSansCJK-Subset.otf");

/// Which weight a piece of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

/// A family in the fallback chain: DejaVu Sans first, one family per script it cannot set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Family {
    Latin,
    Arabic,
    Hebrew,
    Devanagari,
    Cjk,
}

impl Family {
    /// The order in which a character no family asks for is looked up.
    pub(crate) const CHAIN: [Family; 5] = [
        Family::Latin,
        Family::Cjk,
        Family::Arabic,
        Family::Hebrew,
        Family::Devanagari,
    ];
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

/// One family at one weight, as the shaper sees it. Its PDF font is registered only when a
/// page draws with it ([`Fonts::register_used`]).
pub(crate) struct Typeface {
    pub(crate) shaper: rustybuzz::Face<'static>,
    pub(crate) id: FontId,
    name: &'static str,
    bytes: &'static [u8],
    /// Drawn with a thin outline in the text colour: the family has no bold of its own.
    pub(crate) synthetic_bold: bool,
}

impl std::fmt::Debug for Typeface {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typeface")
            .field("name", &self.name)
            .field("id", &self.id)
            .finish()
    }
}

impl Typeface {
    fn new(
        bytes: &'static [u8],
        name: &'static str,
        id: FontId,
        synthetic_bold: bool,
    ) -> Result<Self> {
        let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or(Error::Font { name })?;
        Ok(Self {
            shaper,
            id,
            name,
            bytes,
            synthetic_bold,
        })
    }

    pub(crate) fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }

    /// Points per font unit at `size`.
    pub(crate) fn scale(&self, size: f32) -> f32 {
        size / self.shaper.units_per_em() as f32
    }
}

#[derive(Debug)]
pub(crate) struct Fonts {
    regular: LoadedFace,
    bold: LoadedFace,
    /// Every family at both weights, `Family::CHAIN` order, regular then bold.
    typefaces: Vec<Typeface>,
}

/// printpdf uses the first six characters of the id as the subset tag ("ABCDEF+Name").
fn font_id(name: &str, seed: u64) -> FontId {
    FontId(format!("{}{}", subset_tag(seed), name.replace(' ', "")))
}

impl Fonts {
    /// Parses DejaVu Sans and registers it with `doc`; prepares the fallbacks for shaping.
    /// `seed` names them: the same seed gives the same resource names and subset tags, and so
    /// the same bytes.
    pub(crate) fn load_into(doc: &mut PdfDocument, seed: u64) -> Result<Self> {
        let bold_seed = seed.rotate_left(32);
        let regular = LoadedFace::load(doc, REGULAR, "DejaVu Sans", seed)?;
        let bold = LoadedFace::load(doc, BOLD, "DejaVu Sans Bold", bold_seed)?;
        // In `Family::CHAIN` order, regular then bold: (bytes, name, drawn thickened as bold).
        let fallbacks: [(&'static [u8], &'static str, bool); 8] = [
            (CJK, "Noto Sans CJK SC", false),
            (CJK, "Noto Sans CJK SC", true),
            (ARABIC, "Noto Naskh Arabic", false),
            (ARABIC_BOLD, "Noto Naskh Arabic Bold", false),
            (HEBREW, "Noto Sans Hebrew", false),
            (HEBREW_BOLD, "Noto Sans Hebrew Bold", false),
            (DEVANAGARI, "Noto Sans Devanagari", false),
            (DEVANAGARI_BOLD, "Noto Sans Devanagari Bold", false),
        ];
        let mut typefaces = vec![
            Typeface::new(REGULAR, "DejaVu Sans", regular.id.clone(), false)?,
            Typeface::new(BOLD, "DejaVu Sans Bold", bold.id.clone(), false)?,
        ];
        for (bytes, name, synthetic_bold) in fallbacks {
            let id = font_id(name, seed ^ fingerprint(&[name]));
            typefaces.push(Typeface::new(bytes, name, id, synthetic_bold)?);
        }
        Ok(Self {
            regular,
            bold,
            typefaces,
        })
    }

    /// DejaVu Sans at `face`: the metrics lines are set with, and the face of simple text.
    pub(crate) fn face(&self, face: Face) -> &LoadedFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    pub(crate) fn typeface(&self, family: Family, face: Face) -> &Typeface {
        let weight = usize::from(face == Face::Bold);
        let index = Family::CHAIN.iter().position(|f| *f == family).unwrap_or(0);
        &self.typefaces[index * 2 + weight]
    }

    /// Registers with `doc` each fallback font that `pages` set with `Tf`; the others stay
    /// out of the file altogether.
    pub(crate) fn register_used<'a>(
        &self,
        doc: &mut PdfDocument,
        pages: impl Iterator<Item = &'a [Op]>,
    ) -> Result<()> {
        let mut used = BTreeSet::new();
        for ops in pages {
            for op in ops {
                if let Op::SetFont {
                    font: PdfFontHandle::External(id),
                    ..
                } = op
                {
                    used.insert(id.clone());
                }
            }
        }
        for typeface in &self.typefaces {
            let registered = doc.resources.fonts.map.contains_key(&typeface.id);
            if used.contains(&typeface.id) && !registered {
                let name = typeface.name;
                let parsed = ParsedFont::from_bytes(typeface.bytes, 0, &mut Vec::new())
                    .ok_or(Error::Font { name })?;
                doc.resources
                    .fonts
                    .map
                    .insert(typeface.id.clone(), PdfFont::new(parsed));
            }
        }
        Ok(())
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
        let id = font_id(name, seed);
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

    /// The width of simple `text` (see [`crate::script::is_simple`]) set at `size`, in points.
    /// Such text is drawn glyph by glyph from the advance widths, without kerning, so summing
    /// advances is exact.
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
