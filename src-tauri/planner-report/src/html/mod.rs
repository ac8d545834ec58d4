//! The accessible HTML edition: the report's blocks as one self-contained page. Sections are
//! `<section>`s under `<h2>`s listed in a table of contents, tables carry a caption and
//! scoped header cells, charts are inline SVG with a title and a description, and print CSS
//! sets the page size and breaks. Every piece of text is escaped; user text carries
//! `dir="auto"` so a right-to-left name reads right to left. No script, no remote resource.

mod svg;

use std::fmt::Write as _;

use planner_core::report::Paper;

use crate::content::{Block, TableContent, Tone};
use crate::metadata::DocumentInfo;
use crate::table::BULLET;

const STYLE: &str = include_str!("style.css");

/// The whole page for `content`, the report's blocks in reading order, printed on `paper`,
/// with a linked table of contents when `with_contents`.
pub(crate) fn write(
    content: &[Block],
    info: &DocumentInfo,
    paper: Paper,
    with_contents: bool,
) -> String {
    let mut page = Page::default();
    page.head(info, paper);
    page.contents(content, with_contents);
    page.out.push_str("<main>\n");
    let mut index = 0;
    while index < content.len() {
        if let Block::Cover { .. } = &content[index] {
            // Written before the table of contents.
            index += 1;
        } else if let Block::Bullet(_) = &content[index] {
            let end = content[index..]
                .iter()
                .position(|b| !matches!(b, Block::Bullet(_)))
                .map_or(content.len(), |n| index + n);
            page.bullets(&content[index..end]);
            index = end;
        } else {
            page.block(&content[index]);
            index += 1;
        }
    }
    page.close_section();
    page.out.push_str("</main>\n</body>\n</html>\n");
    page.out
}

#[derive(Default)]
struct Page {
    out: String,
    /// Sections opened so far; the open one is the last.
    sections: usize,
    section_open: bool,
    /// The title of the open section and of the last heading in it: a table's caption.
    section_title: String,
    heading: Option<String>,
    charts: usize,
    /// Every section's title, in order: section n is `section-n`.
    titles: Vec<String>,
}

impl Page {
    fn head(&mut self, info: &DocumentInfo, paper: Paper) {
        let out = &mut self.out;
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n");
        out.push_str("<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(out, "<title>{}</title>", escape(&info.title));
        for (name, value) in [
            ("author", info.author.clone()),
            ("description", info.subject.clone()),
            ("keywords", info.keywords.join(", ")),
            ("generator", crate::metadata::CREATOR.to_owned()),
        ] {
            let _ = writeln!(out, "<meta name=\"{name}\" content=\"{}\">", escape(&value));
        }
        let size = match paper {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        };
        let _ = writeln!(
            out,
            "<style>\n@page {{ size: {size}; margin: 20mm 20mm 22mm; }}\n{STYLE}</style>\n\
             </head>\n<body>"
        );
    }

    /// The cover, then the table of contents (when asked for): a link to each section.
    fn contents(&mut self, content: &[Block], with_contents: bool) {
        let titles: Vec<&str> = content
            .iter()
            .filter_map(|b| match b {
                Block::Section(title) => Some(title.as_str()),
                _ => None,
            })
            .collect();
        self.titles = titles.iter().map(|t| (*t).to_owned()).collect();
        let cover_at = content
            .iter()
            .position(|b| matches!(b, Block::Cover { .. }));
        if let Some(at) = cover_at {
            self.block(&content[at]);
        }
        if titles.is_empty() || !with_contents {
            return;
        }
        self.out.push_str(
            "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n\
             <h2 id=\"contents-title\">Contents</h2>\n<ol>\n",
        );
        for (i, title) in titles.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "<li><a href=\"#section-{}\">{}</a></li>",
                i + 1,
                escape(title)
            );
        }
        self.out.push_str("</ol>\n</nav>\n");
    }

    fn close_section(&mut self) {
        if self.section_open {
            self.out.push_str("</section>\n");
            self.section_open = false;
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Cover {
                kicker,
                institution,
                title,
                details,
                colophon,
            } => {
                let out = &mut self.out;
                out.push_str("<header class=\"cover\">\n");
                let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(kicker));
                let _ = writeln!(out, "<h1 dir=\"auto\">{}</h1>", escape(institution));
                let _ = writeln!(
                    out,
                    "<p class=\"plan-title\" dir=\"auto\">{}</p>",
                    escape(title)
                );
                out.push_str("<dl class=\"details\">\n");
                for (label, value) in details {
                    let _ = writeln!(
                        out,
                        "<div><dt>{}</dt><dd dir=\"auto\">{}</dd></div>",
                        escape(label),
                        escape(value)
                    );
                }
                out.push_str("</dl>\n");
                let _ = writeln!(out, "<p class=\"colophon\">{}</p>", escape(colophon));
                out.push_str("</header>\n");
            }
            Block::Section(title) => {
                self.close_section();
                self.sections += 1;
                let n = self.sections;
                let _ = writeln!(
                    self.out,
                    "<section id=\"section-{n}\" aria-labelledby=\"section-{n}-title\">\n\
                     <h2 id=\"section-{n}-title\">{}</h2>",
                    escape(title)
                );
                self.section_open = true;
                self.section_title = title.clone();
                self.heading = None;
            }
            Block::Heading(title) => {
                let _ = writeln!(self.out, "<h3 dir=\"auto\">{}</h3>", escape(title));
                self.heading = Some(title.clone());
            }
            Block::Text { text, tone } => {
                let class = match tone {
                    Tone::Body => "",
                    Tone::Muted => " class=\"muted\"",
                    Tone::Label => " class=\"label\"",
                    Tone::Small => " class=\"small\"",
                };
                let _ = writeln!(
                    self.out,
                    "<p{class} dir=\"auto\">{}</p>",
                    lines(text, false)
                );
            }
            Block::Bullet(_) => self.bullets(std::slice::from_ref(block)),
            Block::SeeSection { label, target } => {
                let _ = match self.titles.iter().position(|t| t == target) {
                    Some(at) => writeln!(
                        self.out,
                        "<p class=\"small\"><a href=\"#section-{}\">{}</a></p>",
                        at + 1,
                        escape(label)
                    ),
                    None => writeln!(self.out, "<p class=\"small\">{}</p>", escape(label)),
                };
            }
            Block::Figures(figures) => {
                self.out.push_str("<dl class=\"figures\">\n");
                for (label, value) in figures {
                    let _ = writeln!(
                        self.out,
                        "<div><dt>{}</dt><dd dir=\"auto\">{}</dd></div>",
                        escape(label),
                        escape(value)
                    );
                }
                self.out.push_str("</dl>\n");
            }
            Block::Table(table) => {
                let caption = self.caption();
                write_table(&mut self.out, &caption, table);
            }
            Block::Note { title, paragraphs } => {
                self.out.push_str("<aside class=\"note\">\n");
                let _ = writeln!(
                    self.out,
                    "<p class=\"note-title\" dir=\"auto\">{}</p>",
                    escape(title)
                );
                for paragraph in paragraphs {
                    let _ = writeln!(self.out, "<p dir=\"auto\">{}</p>", lines(paragraph, false));
                }
                self.out.push_str("</aside>\n");
            }
            Block::Chart { marks, top, height } => {
                self.charts += 1;
                let caption = self.caption();
                svg::write_chart(&mut self.out, self.charts, &caption, marks, *top, *height);
            }
        }
    }

    fn bullets(&mut self, bullets: &[Block]) {
        self.out.push_str("<ul>\n");
        for bullet in bullets {
            if let Block::Bullet(text) = bullet {
                let _ = writeln!(self.out, "<li dir=\"auto\">{}</li>", lines(text, false));
            }
        }
        self.out.push_str("</ul>\n");
    }

    /// What a table or chart shows: the heading it sits under, or its section's title.
    fn caption(&self) -> String {
        self.heading
            .clone()
            .unwrap_or_else(|| self.section_title.clone())
    }
}

fn write_table(out: &mut String, caption: &str, table: &TableContent) {
    out.push_str("<table>\n");
    let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    let class = |column: usize| {
        if table.figures.get(column).copied().unwrap_or(false) {
            " class=\"figure\""
        } else {
            ""
        }
    };
    if let Some(header) = &table.header {
        out.push_str("<thead>\n<tr>");
        for (column, title) in header.iter().enumerate() {
            let _ = write!(
                out,
                "<th scope=\"col\"{}>{}</th>",
                class(column),
                lines(title, false)
            );
        }
        out.push_str("</tr>\n</thead>\n");
    }
    let row = |out: &mut String, cells: &[String], attention: bool| {
        out.push_str(if attention {
            "<tr class=\"attention\">"
        } else {
            "<tr>"
        });
        for (column, cell) in cells.iter().enumerate() {
            let tag = if column == 0 {
                "th scope=\"row\""
            } else {
                "td"
            };
            let details = table.muted_details.get(column).copied().unwrap_or(false);
            let _ = write!(
                out,
                "<{tag}{} dir=\"auto\">{}</{}>",
                class(column),
                lines(cell, details),
                if column == 0 { "th" } else { "td" }
            );
        }
        out.push_str("</tr>\n");
    };
    out.push_str("<tbody>\n");
    for (index, cells) in table.rows.iter().enumerate() {
        row(out, cells, table.highlighted.contains(&index));
    }
    out.push_str("</tbody>\n");
    if let Some(footer) = &table.footer {
        out.push_str("<tfoot>\n");
        row(out, footer, false);
        out.push_str("</tfoot>\n");
    }
    out.push_str("</table>\n");
}

/// A text's typed lines: line breaks kept, "• " lines as a list, and, with `details`, the
/// lines after the first set as muted details.
fn lines(text: &str, details: bool) -> String {
    let mut html = String::new();
    let mut in_list = false;
    for (i, line) in text.trim().lines().enumerate() {
        if let Some(item) = line.trim_start().strip_prefix(BULLET) {
            if !in_list {
                html.push_str("<ul>");
                in_list = true;
            }
            let _ = write!(html, "<li>{}</li>", escape(item));
            continue;
        }
        if in_list {
            html.push_str("</ul>");
            in_list = false;
        } else if i > 0 {
            html.push_str("<br>");
        }
        if details && i > 0 {
            let _ = write!(html, "<span class=\"detail\">{}</span>", escape(line));
        } else {
            html.push_str(&escape(line));
        }
    }
    if in_list {
        html.push_str("</ul>");
    }
    html
}

/// `text` with the five characters HTML gives meaning to written as references, so any name
/// prints as typed and none is read as markup.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn typed_lines_bullets_and_details_keep_their_shape() {
        assert_eq!(
            lines("Fall 2027 –\nSpring 2028", false),
            "Fall 2027 –<br>Spring 2028"
        );
        assert_eq!(
            lines("• Senate approves\n• Budget <set>", false),
            "<ul><li>Senate approves</li><li>Budget &lt;set&gt;</li></ul>"
        );
        assert_eq!(
            lines("Google Data Analytics\nGoogle · 180 h", true),
            "Google Data Analytics<br><span class=\"detail\">Google · 180 h</span>"
        );
    }
}
