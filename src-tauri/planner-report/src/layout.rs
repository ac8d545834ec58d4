//! The page grid, colours and type scale every section draws with. All lengths are in points
//! (1/72 inch) measured from the bottom-left corner, as PDF does.

use planner_core::report::Paper;
use printpdf::{Color, Rgb};

use crate::fonts::Face;

pub(crate) const MM: f32 = 72.0 / 25.4;

/// A4 portrait.
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;

pub(crate) const MARGIN_LEFT: f32 = 25.0 * MM;
pub(crate) const MARGIN_RIGHT: f32 = 25.0 * MM;
pub(crate) const CONTENT_LEFT: f32 = MARGIN_LEFT;
pub(crate) const CONTENT_RIGHT: f32 = PAGE_WIDTH - MARGIN_RIGHT;
pub(crate) const CONTENT_WIDTH: f32 = CONTENT_RIGHT - CONTENT_LEFT;

/// Where body text starts below the running header, and where it must stop above the footer.
pub(crate) const CONTENT_TOP: f32 = PAGE_HEIGHT - 32.0 * MM;
pub(crate) const CONTENT_BOTTOM: f32 = 25.0 * MM;

pub(crate) const HEADER_BASELINE: f32 = PAGE_HEIGHT - 16.0 * MM;
pub(crate) const HEADER_RULE: f32 = PAGE_HEIGHT - 19.0 * MM;
pub(crate) const FOOTER_RULE: f32 = 19.0 * MM;
pub(crate) const FOOTER_BASELINE: f32 = 14.0 * MM;

pub(crate) const HAIRLINE: f32 = 0.5;

/// Sections draw on one grid, A4's: a column `CONTENT_WIDTH` wide whose top sits a fixed
/// distance under the paper's top edge. On other paper the grid is shifted so the column is
/// centred and its top stays where it was, and the body stops at the same distance above the
/// paper's bottom edge: on US Letter (6 mm wider, 18 mm shorter) text reflows onto more pages,
/// never scaled down and never cut off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageFrame {
    /// The paper, in points.
    pub(crate) width: f32,
    pub(crate) height: f32,
    /// Added to a grid position to place it on the paper.
    pub(crate) shift: (f32, f32),
    /// The right edge of the text area, on the grid.
    pub(crate) content_right: f32,
}

impl PageFrame {
    pub(crate) fn for_paper(paper: Paper) -> Self {
        let (width_mm, height_mm) = paper.size_mm();
        let (width, height) = (width_mm * MM, height_mm * MM);
        Self {
            width,
            height,
            shift: ((width - PAGE_WIDTH) / 2.0, height - PAGE_HEIGHT),
            content_right: CONTENT_RIGHT,
        }
    }

    /// The paper turned sideways, for a chart that needs the width: the text area keeps its
    /// left margin and its distance from the top and bottom edges, and runs to a right margin
    /// as wide as the left.
    pub(crate) fn landscape(paper: Paper) -> Self {
        let (width_mm, height_mm) = paper.size_mm();
        let (width, height) = (height_mm * MM, width_mm * MM);
        Self {
            width,
            height,
            shift: (0.0, height - PAGE_HEIGHT),
            content_right: width - MARGIN_RIGHT,
        }
    }

    /// The paper's bottom edge on the grid.
    fn bottom(&self) -> f32 {
        -self.shift.1
    }

    /// Where body text must stop, on the grid.
    pub(crate) fn content_bottom(&self) -> f32 {
        self.bottom() + CONTENT_BOTTOM
    }

    pub(crate) fn footer_rule(&self) -> f32 {
        self.bottom() + FOOTER_RULE
    }

    pub(crate) fn footer_baseline(&self) -> f32 {
        self.bottom() + FOOTER_BASELINE
    }

    /// The height a page offers body text.
    pub(crate) fn content_height(&self) -> f32 {
        CONTENT_TOP - self.content_bottom()
    }
}

/// An sRGB colour, 0–255 per channel as designers give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub(crate) fn to_pdf(self) -> Color {
        let channel = |v: u8| f32::from(v) / 255.0;
        Color::Rgb(Rgb::new(
            channel(self.0),
            channel(self.1),
            channel(self.2),
            None,
        ))
    }
}

/// Muted, print-friendly colours: near-black text, one deep blue accent, soft greys.
pub(crate) mod palette {
    use super::Colour;

    pub(crate) const INK: Colour = Colour(0x22, 0x2a, 0x33);
    pub(crate) const MUTED: Colour = Colour(0x5f, 0x6b, 0x78);
    pub(crate) const ACCENT: Colour = Colour(0x1f, 0x4e, 0x79);
    pub(crate) const RULE: Colour = Colour(0xc9, 0xd0, 0xd8);
    pub(crate) const PAPER: Colour = Colour(0xff, 0xff, 0xff);
    pub(crate) const TINT: Colour = Colour(0xf2, 0xf5, 0xf8);
    /// Survey benchmarks beside the plan's own figures: light enough to read as secondary in
    /// colour and in greyscale print, dark enough to stay visible on white.
    pub(crate) const BENCHMARK: Colour = Colour(0xa9, 0xb3, 0xbe);
    /// Behind a table row that needs attention: warm, and a shade darker than the header tint
    /// so it still stands out in greyscale.
    pub(crate) const HIGHLIGHT: Colour = Colour(0xf7, 0xe4, 0xc0);
    /// The four rollout phases, light to dark: the order reads in greyscale too.
    pub(crate) const PHASES: [Colour; 4] = [
        Colour(0xb4, 0xc7, 0xda),
        Colour(0x7f, 0x9f, 0xbf),
        Colour(0x3d, 0x6a, 0x96),
        Colour(0x1a, 0x3c, 0x5e),
    ];
    /// A second series beside the accent: a light blue-grey.
    pub(crate) const SECONDARY: Colour = Colour(0x9d, 0xb4, 0xcc);
    /// A mid grey for a series drawn as a line next to an accent line.
    pub(crate) const SECONDARY_LINE: Colour = Colour(0x8a, 0x96, 0xa3);
}

/// How a run of text is set: face, size and the distance between baselines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub(crate) face: Face,
    pub(crate) size: f32,
    pub(crate) line_height: f32,
    pub(crate) colour: Colour,
}

impl TextStyle {
    const fn new(face: Face, size: f32, leading: f32, colour: Colour) -> Self {
        Self {
            face,
            size,
            line_height: size * leading,
            colour,
        }
    }

    pub(crate) const fn with_colour(self, colour: Colour) -> Self {
        Self { colour, ..self }
    }

    pub(crate) const fn with_size(self, size: f32) -> Self {
        Self {
            size,
            line_height: self.line_height / self.size * size,
            ..self
        }
    }
}

/// The type scale. Few sizes, one family: hierarchy comes from size, weight and colour.
pub(crate) mod styles {
    use super::{TextStyle, palette};
    use crate::fonts::Face;

    pub(crate) const COVER_KICKER: TextStyle =
        TextStyle::new(Face::Bold, 11.0, 1.3, palette::ACCENT);
    pub(crate) const COVER_INSTITUTION: TextStyle =
        TextStyle::new(Face::Bold, 28.0, 1.18, palette::INK);
    pub(crate) const COVER_TITLE: TextStyle =
        TextStyle::new(Face::Regular, 16.0, 1.3, palette::MUTED);
    pub(crate) const HEADING: TextStyle = TextStyle::new(Face::Bold, 18.0, 1.25, palette::INK);
    pub(crate) const SUBHEADING: TextStyle = TextStyle::new(Face::Bold, 11.5, 1.35, palette::INK);
    pub(crate) const BODY: TextStyle = TextStyle::new(Face::Regular, 10.0, 1.45, palette::INK);
    pub(crate) const LABEL: TextStyle = TextStyle::new(Face::Bold, 9.0, 1.45, palette::MUTED);
    pub(crate) const VALUE: TextStyle = TextStyle::new(Face::Regular, 10.5, 1.4, palette::INK);
    /// Headline figures.
    pub(crate) const FIGURE: TextStyle = TextStyle::new(Face::Bold, 13.0, 1.3, palette::INK);
    /// Cells of the wider tables, where six columns share the page.
    pub(crate) const CELL: TextStyle = TextStyle::new(Face::Regular, 8.5, 1.4, palette::INK);
    /// Chart labels, ticks and source lines.
    pub(crate) const SMALL: TextStyle = TextStyle::new(Face::Regular, 8.0, 1.35, palette::MUTED);
    pub(crate) const RUNNING: TextStyle = TextStyle::new(Face::Regular, 8.0, 1.3, palette::MUTED);
}
