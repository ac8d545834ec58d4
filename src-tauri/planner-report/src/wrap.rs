//! Line breaking measured with the real font, so text stays inside its column whatever the
//! script or the length of the name.

use crate::script;

/// Breaks `text` into lines no wider than `max_width`, as measured by `width`.
///
/// Lines break at spaces, and between the characters of Chinese, Japanese and Korean text; a
/// single word wider than the column (a long compound, a URL) is cut between characters
/// (never inside a conjunct or before a mark) rather than left to run off the page. Runs of
/// spaces collapse to one. Lines stay in logical order: right-to-left text is reordered only
/// when a line is drawn.
pub(crate) fn wrap(text: &str, max_width: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let space = width(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;

    for word in text.split_whitespace() {
        for (index, piece) in script::break_pieces(word).into_iter().enumerate() {
            let joiner = if index == 0 { " " } else { "" };
            let joiner_width = if index == 0 { space } else { 0.0 };
            let piece_width = width(piece);
            if line.is_empty() {
                // Nothing to join to.
            } else if line_width + joiner_width + piece_width <= max_width {
                line.push_str(joiner);
                line.push_str(piece);
                line_width += joiner_width + piece_width;
                continue;
            } else {
                lines.push(std::mem::take(&mut line));
            }

            if piece_width <= max_width {
                line.push_str(piece);
                line_width = piece_width;
                continue;
            }
            line_width = 0.0;
            for cluster in script::clusters(piece) {
                let cluster_width = width(cluster);
                // Always place one cluster per line, even in an absurdly narrow column.
                if !line.is_empty() && line_width + cluster_width > max_width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push_str(cluster);
                line_width += cluster_width;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line: whole if it fits, otherwise cut between characters (never inside a
/// conjunct or before a mark) and ended with "…".
pub(crate) fn truncate(text: &str, max_width: f32, width: impl Fn(&str) -> f32) -> String {
    if width(text) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - width("…");
    let mut kept = String::new();
    let mut kept_width = 0.0;
    for cluster in script::clusters(text) {
        let cluster_width = width(cluster);
        if kept_width + cluster_width > budget {
            break;
        }
        kept.push_str(cluster);
        kept_width += cluster_width;
    }
    format!("{}…", kept.trim_end())
}

/// `parts` joined by `separator` on one line. When they do not fit, each part is shortened
/// with "…" to a fair share of the width (a short part keeps its text and leaves its unused
/// share to the others), so a long institution name cannot push the plan title out entirely.
pub(crate) fn fit_parts(
    parts: &[&str],
    separator: &str,
    max_width: f32,
    width: impl Fn(&str) -> f32,
) -> String {
    let joined = parts.join(separator);
    if width(&joined) <= max_width || parts.is_empty() {
        return joined;
    }
    let widths: Vec<f32> = parts.iter().map(|p| width(p)).collect();
    let mut available = max_width - width(separator) * (parts.len() - 1) as f32;
    let mut capped = vec![false; parts.len()];
    // Water-filling: settle the parts narrower than an equal share, then share out the rest.
    loop {
        let open = capped.iter().filter(|c| !**c).count();
        if open == 0 {
            break;
        }
        let share = available / open as f32;
        let mut settled_any = false;
        for (i, w) in widths.iter().enumerate() {
            if !capped[i] && *w <= share {
                capped[i] = true;
                available -= w;
                settled_any = true;
            }
        }
        if !settled_any {
            break;
        }
    }
    let open = capped.iter().filter(|c| !**c).count().max(1);
    let share = available / open as f32;
    parts
        .iter()
        .zip(&capped)
        .map(|(part, fits)| {
            if *fits {
                (*part).to_owned()
            } else {
                truncate(part, share, &width)
            }
        })
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Face, Fonts};

    /// Every character one unit wide: easy to reason about.
    fn mono(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("Łódź University", 40.0, mono), ["Łódź University"]);
    }

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        let lines = wrap("Universidad Nacional Autónoma de México", 20.0, mono);
        assert_eq!(lines, ["Universidad Nacional", "Autónoma de México"]);
    }

    #[test]
    fn a_word_wider_than_the_column_is_cut_between_characters() {
        let lines = wrap("ab abcdefghij cd", 4.0, mono);
        assert_eq!(lines, ["ab", "abcd", "efgh", "ij", "cd"]);
    }

    #[test]
    fn spaces_collapse_and_empty_text_gives_no_lines() {
        assert_eq!(wrap("  a   b  ", 10.0, mono), ["a b"]);
        assert!(wrap("   ", 10.0, mono).is_empty());
    }

    #[test]
    fn a_long_name_in_the_real_font_wraps_inside_the_column_without_losing_a_word() {
        let mut doc = printpdf::PdfDocument::new("test");
        let fonts = Fonts::load_into(&mut doc, 1).expect("fonts");
        let bold = fonts.face(Face::Bold);
        let name = "Universidad Nacional Autónoma de México — Московский государственный \
                    университет — Ελληνικό Ανοικτό Πανεπιστήμιο — Łódź University of Technology \
                    and the Consortium of Extraordinarily Long Institutional Names";
        let column = 453.0;
        let lines = wrap(name, column, |t| bold.width(t, 28.0));
        assert!(lines.len() > 3, "wraps onto several lines: {lines:?}");
        for line in &lines {
            let w = bold.width(line, 28.0);
            assert!(w <= column, "{line:?} is {w} pt wide, column is {column}");
        }
        assert_eq!(
            lines.join(" "),
            name.split_whitespace().collect::<Vec<_>>().join(" "),
            "every word kept, in order"
        );
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_every_character() {
        let lines = wrap("東京大学大学院情報理工学系研究科", 5.0, mono);
        assert_eq!(lines, ["東京大学大", "学院情報理", "工学系研究", "科"]);
    }

    #[test]
    fn korean_and_latin_words_still_break_at_spaces_when_they_fit() {
        let lines = wrap("서울대학교 Seoul National University", 12.0, mono);
        assert_eq!(lines, ["서울대학교 Seoul", "National", "University"]);
    }

    #[test]
    fn a_cut_devanagari_word_keeps_its_conjuncts_whole() {
        let lines = wrap("प्रौद्योगिकी", 2.0, mono);
        assert_eq!(lines.concat(), "प्रौद्योगिकी");
        for line in &lines {
            assert!(
                !line.starts_with('\u{94D}') && !line.starts_with('\u{94C}'),
                "{lines:?}"
            );
        }
        assert_eq!(
            lines[0], "प्रौ",
            "pa, virama, ra and the vowel sign stay together"
        );
    }

    #[test]
    fn shaped_scripts_in_the_real_fonts_wrap_inside_the_column() {
        let mut doc = printpdf::PdfDocument::new("test");
        let fonts = Fonts::load_into(&mut doc, 1).expect("fonts");
        let style = crate::layout::styles::BODY;
        let column = 120.0;
        for text in [
            "東京大学大学院情報理工学系研究科と서울대학교の共同プログラム",
            "جامعة الملك عبد العزيز للعلوم والتقنية في جدة",
            "भारतीय प्रौद्योगिकी संस्थान मुंबई का सूक्ष्म प्रमाणपत्र",
        ] {
            let lines = wrap(text, column, |t| crate::text::width(&fonts, &style, t));
            assert!(lines.len() > 1, "{text} wraps: {lines:?}");
            for line in &lines {
                let w = crate::text::width(&fonts, &style, line);
                assert!(w <= column + 0.01, "{line:?} is {w} pt wide");
            }
            let kept: String = lines.concat().split_whitespace().collect();
            let typed: String = text.split_whitespace().collect();
            assert_eq!(kept, typed, "nothing lost");
        }
    }

    #[test]
    fn parts_that_fit_are_joined_whole() {
        assert_eq!(
            fit_parts(&["Łódź", "Plan"], " · ", 20.0, mono),
            "Łódź · Plan"
        );
    }

    #[test]
    fn a_long_part_is_shortened_and_leaves_the_short_one_whole() {
        let line = fit_parts(
            &["A very long institution name", "Plan 2027"],
            " · ",
            25.0,
            mono,
        );
        assert_eq!(line, "A very long… · Plan 2027");
        assert!(mono(&line) <= 25.0, "{line:?}");
    }

    #[test]
    fn two_long_parts_share_the_width() {
        let line = fit_parts(&["Abcdefghijkl", "Mnopqrstuvwx"], " · ", 15.0, mono);
        assert_eq!(line, "Abcde… · Mnopq…");
        assert!(mono(&line) <= 15.0, "{line:?}");
    }

    #[test]
    fn truncation_keeps_text_that_fits_and_marks_the_cut() {
        assert_eq!(truncate("Short", 10.0, mono), "Short");
        assert_eq!(truncate("Lakeshore State", 8.0, mono), "Lakesho…");
        assert_eq!(
            truncate("Lake shore", 6.0, mono),
            "Lake…",
            "no space before the ellipsis"
        );
    }
}
