//! Line breaking measured with the real font, so text stays inside its column whatever the
//! script or the length of the name.

/// Breaks `text` into lines no wider than `max_width`, as measured by `width`.
///
/// Lines break at spaces; a single word wider than the column (a long compound, a URL) is cut
/// between characters rather than left to run off the page. Runs of spaces collapse to one.
pub(crate) fn wrap(text: &str, max_width: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let space = width(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;

    for word in text.split_whitespace() {
        let word_width = width(word);
        if line.is_empty() {
            // Nothing to join to.
        } else if line_width + space + word_width <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        } else {
            lines.push(std::mem::take(&mut line));
        }

        if word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        line_width = 0.0;
        for c in word.chars() {
            let mut buf = [0; 4];
            let char_width = width(c.encode_utf8(&mut buf));
            // Always place one character per line, even in an absurdly narrow column.
            if !line.is_empty() && line_width + char_width > max_width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += char_width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line: whole if it fits, otherwise cut at a character and ended with "…".
pub(crate) fn truncate(text: &str, max_width: f32, width: impl Fn(&str) -> f32) -> String {
    if width(text) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - width("…");
    let mut kept = String::new();
    let mut kept_width = 0.0;
    for c in text.chars() {
        let mut buf = [0; 4];
        let char_width = width(c.encode_utf8(&mut buf));
        if kept_width + char_width > budget {
            break;
        }
        kept.push(c);
        kept_width += char_width;
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
