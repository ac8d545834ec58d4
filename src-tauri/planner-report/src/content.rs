//! What the report says, in reading order, apart from where it falls on the page. The PDF's
//! layout records each block as it draws it (a section opening, a paragraph, a table, a
//! chart's marks), and the HTML edition is written from that record, so the two editions
//! print the same sections, words and figures by construction.

use crate::chart::Mark;
use crate::fonts::Face;
use crate::layout::{TextStyle, palette, styles};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// The cover: what the first page says, label by label.
    Cover {
        kicker: String,
        institution: String,
        title: String,
        details: Vec<(String, String)>,
        colophon: String,
    },
    /// A section opens (a new page in the PDF, an outline entry).
    Section(String),
    /// A title within a section.
    Heading(String),
    Text {
        text: String,
        tone: Tone,
    },
    Bullet(String),
    /// "See Budget", pointing at the section opened by `Section(target)`: a page number in the
    /// PDF, a link in the HTML edition, where pages mean nothing.
    SeeSection {
        label: String,
        target: String,
    },
    /// Headline figures: label and value.
    Figures(Vec<(String, String)>),
    Table(TableContent),
    /// A tinted box set apart from the flow.
    Note {
        title: String,
        paragraphs: Vec<String>,
    },
    /// A chart as drawn: its marks in page coordinates (points from the bottom left), the top
    /// of its area and its height.
    Chart {
        marks: Vec<Mark>,
        top: f32,
        height: f32,
    },
}

/// How a paragraph reads next to the body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Body,
    /// A muted introduction or explanation.
    Muted,
    /// A bold label over what follows.
    Label,
    /// Source lines and notes in small print.
    Small,
}

impl Tone {
    /// The tone a paragraph set in `style` has.
    pub(crate) fn of(style: &TextStyle) -> Self {
        if style.face == Face::Bold {
            Tone::Label
        } else if style.size <= styles::SMALL.size {
            Tone::Small
        } else if style.colour == palette::MUTED {
            Tone::Muted
        } else {
            Tone::Body
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableContent {
    pub(crate) header: Option<Vec<String>>,
    pub(crate) rows: Vec<Vec<String>>,
    /// A closing totals row.
    pub(crate) footer: Option<Vec<String>>,
    pub(crate) highlighted: Vec<usize>,
    /// Per column: true where it holds figures (right-aligned).
    pub(crate) figures: Vec<bool>,
    /// Per column: true where a cell's lines after its first are details under a name.
    pub(crate) muted_details: Vec<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraphs_tone_follows_its_style() {
        assert_eq!(Tone::of(&styles::BODY), Tone::Body);
        assert_eq!(
            Tone::of(&styles::BODY.with_colour(palette::MUTED)),
            Tone::Muted
        );
        assert_eq!(Tone::of(&styles::LABEL), Tone::Label);
        assert_eq!(Tone::of(&styles::SMALL), Tone::Small);
    }
}
