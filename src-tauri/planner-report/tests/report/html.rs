//! The HTML edition as a reader (or a screen reader) gets it: its outline of headings, its
//! tables, its charts' text alternatives, and every figure the PDF prints.

use planner_core::{InstitutionProfile, Plan, Stage, sample_plan};
use planner_report::{export_html, render_html};
use planner_test_support::{outline, page_count, pdf_text_page};

use crate::{detail, export_to_temp, options, sample, section_pages_in};

/// A start tag, an end tag or a run of text, as the page is read front to back.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open { name: String, attrs: String },
    Close(String),
    Text(String),
}

/// The page as tokens. The edition writes plain, well-formed markup (quoted attributes, no
/// comments), which this small reader relies on.
fn tokens(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').expect("every tag closes");
            let inner = tag[..end].trim_end_matches('/');
            if let Some(name) = inner.strip_prefix('/') {
                tokens.push(Token::Close(name.to_owned()));
            } else {
                let (name, attrs) = inner.split_once(' ').unwrap_or((inner, ""));
                tokens.push(Token::Open {
                    name: name.to_ascii_lowercase(),
                    attrs: attrs.to_owned(),
                });
            }
            rest = &tag[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            tokens.push(Token::Text(unescape(&rest[..end])));
            rest = &rest[end..];
        }
    }
    tokens
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text inside each `name` element, in order.
fn texts_of(tokens: &[Token], name: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for token in tokens {
        match token {
            Token::Open { name: n, .. } if n == name => depth += 1,
            Token::Close(n) if n == name => {
                depth -= 1;
                if depth == 0 {
                    found.push(std::mem::take(&mut current).trim().to_owned());
                }
            }
            Token::Text(text) if depth > 0 => current.push_str(text),
            _ => {}
        }
    }
    found
}

/// Everything a reader sees, apart from the style sheet.
fn visible_text(tokens: &[Token]) -> String {
    let mut in_style = false;
    let mut text = String::new();
    for token in tokens {
        match token {
            Token::Open { name, .. } if name == "style" || name == "title" => in_style = true,
            Token::Close(name) if name == "style" || name == "title" => in_style = false,
            Token::Text(t) if !in_style => {
                text.push_str(t);
                text.push(' ');
            }
            _ => {}
        }
    }
    text
}

fn sample_page() -> String {
    render_html(&sample(), &options()).expect("the sample's HTML edition")
}

#[test]
fn headings_follow_the_pdfs_sections_in_order_without_skipping_a_level() {
    let page = sample_page();
    let tokens = tokens(&page);
    let levels: Vec<u8> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Open { name, .. } if name.len() == 2 && name.starts_with('h') => {
                name[1..].parse().ok()
            }
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1), "the page opens with its h1");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "one h1");
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "no heading level is skipped: {levels:?}"
        );
    }

    let (_dir, pdf) = export_to_temp(&sample());
    let bookmarks: Vec<String> = outline(&std::fs::read(&pdf).expect("read the PDF"))
        .into_iter()
        .map(|(title, _)| title)
        // The PDF's contents page lists page numbers; the page's own is the <nav>.
        .filter(|title| title != "Cover" && title != "Contents")
        .collect();
    let h2: Vec<String> = texts_of(&tokens, "h2");
    assert_eq!(h2.first().map(String::as_str), Some("Contents"));
    assert_eq!(
        h2[1..],
        bookmarks[..],
        "a section per PDF bookmark, in order"
    );
    let contents = texts_of(&tokens, "nav");
    assert_eq!(
        contents.len(),
        1,
        "one table of contents, linking every section"
    );
    for (n, title) in bookmarks.iter().enumerate() {
        assert!(
            page.contains(&format!("<a href=\"#section-{}\">", n + 1))
                && page.contains(&format!("<section id=\"section-{}\"", n + 1)),
            "the contents link to {title:?}"
        );
    }
}

#[test]
fn every_table_has_a_caption_and_scoped_header_cells() {
    let page = sample_page();
    let tokens = tokens(&page);
    let tables: Vec<&str> = page.split("<table>").skip(1).collect();
    assert!(tables.len() >= 10, "the sample prints its tables");
    for table in tables {
        let table = &table[..table.find("</table>").expect("table closes")];
        assert!(table.starts_with("\n<caption>"), "a caption first: {table}");
        assert!(table.contains("<th scope="), "header cells: {table}");
        assert!(
            !table.contains("<th>") && !table.contains("<th class"),
            "every header cell says what it heads: {table}"
        );
    }
    let captions = texts_of(&tokens, "caption");
    assert!(
        captions.iter().all(|c| !c.is_empty()),
        "no empty caption: {captions:?}"
    );
}

#[test]
fn every_figure_the_pdf_prints_is_on_the_page() {
    let plan = sample();
    let (_dir, pdf) = export_to_temp(&plan);
    // The running footer's "Page N of M" and the contents' page numbers belong to the PDF's
    // pages alone.
    let pages = page_count(&pdf);
    let contents = section_pages_in(&pdf, "Contents");
    let pdf_text: String = (1..=pages)
        .filter(|n| !contents.contains(n))
        .map(|n| {
            // The health check's "See Budget, page 14": the HTML edition links to the section.
            (1..=pages).rev().fold(
                pdf_text_page(&pdf, n).replace(&format!("Page {n} of {pages}"), ""),
                |text, k| text.replace(&format!(", page {k}"), ""),
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let page = render_html(&plan, &options()).expect("HTML edition");
    let html_text = visible_text(&tokens(&page));
    let html_words: std::collections::HashSet<&str> =
        html_text.split_whitespace().map(trim_word).collect();
    let figures: Vec<&str> = pdf_text
        .split_whitespace()
        .map(trim_word)
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    assert!(figures.len() > 500, "the sample's PDF prints its figures");
    let missing: Vec<&&str> = figures
        .iter()
        .filter(|f| !html_words.contains(**f))
        .collect();
    assert!(
        missing.is_empty(),
        "figures missing from the HTML edition: {missing:?}"
    );
}

fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '“' | '”'))
}

#[test]
fn charts_are_inline_svg_with_a_title_and_description() {
    let page = sample_page();
    let charts = page.matches("<svg ").count();
    assert_eq!(
        charts, 7,
        "readiness, timeline, uptake, budget, uncertainty, Gantt and risk matrix charts"
    );
    assert_eq!(
        page.matches("<svg role=\"img\" aria-labelledby=").count(),
        charts
    );
    let tokens = tokens(&page);
    let descriptions = texts_of(&tokens, "desc");
    assert_eq!(descriptions.len(), charts);
    assert!(
        descriptions[0].contains("Resource allocation") && descriptions[0].contains("53%"),
        "the readiness chart's description names the areas and benchmarks: {}",
        descriptions[0]
    );
}

#[test]
fn the_page_is_self_contained_and_has_no_script() {
    let page = sample_page();
    for banned in [
        "<script", "http:", "https:", "src=", "url(", "<link", "@import", "<img",
    ] {
        assert!(!page.contains(banned), "no {banned:?} in the page");
    }
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        page.contains("@page { size: A4;"),
        "print CSS sets the paper"
    );
    assert!(
        page.contains("thead { display: table-header-group; }"),
        "headers repeat"
    );
}

#[test]
fn names_are_escaped_and_read_in_their_own_direction() {
    let mut plan = Plan::new(
        "<script>alert(\"x\")</script> & pilot".to_owned(),
        InstitutionProfile {
            country: Some("EG".to_owned()),
            ..InstitutionProfile::new("جامعة القاهرة <b>", 240_000, Stage::Exploring)
        },
    );
    plan.profile.faculty_headcount = 12;
    let page = render_html(&detail(plan), &options()).expect("HTML edition");
    assert!(!page.contains("<script"), "the title prints as text");
    assert!(!page.contains("<b>"), "the name prints as text");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; pilot"));
    assert!(
        page.contains("<h1 dir=\"auto\">جامعة القاهرة &lt;b&gt;</h1>"),
        "the Arabic name is the page's h1, its direction taken from its letters"
    );
    let tokens = tokens(&page);
    let text = visible_text(&tokens);
    assert!(
        text.contains("<script>alert(\"x\")</script> & pilot"),
        "as typed"
    );
}

#[test]
fn export_writes_the_page_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.html");
    std::fs::write(&path, "an older page").expect("old file");
    let plan = detail(sample_plan());
    let written = export_html(&plan, &options(), &path).expect("exported");
    let on_disk = std::fs::read_to_string(&path).expect("read back");
    assert_eq!(written, on_disk.len());
    assert_eq!(on_disk, render_html(&plan, &options()).expect("rendered"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temp file left beside it: {names:?}");
}

#[test]
fn the_paper_and_sections_chosen_shape_the_page() {
    use planner_core::report::{Paper, ReportChoices, ReportSection};
    let mut chosen = options();
    chosen.choices = ReportChoices {
        paper: Paper::Letter,
        sections: vec![ReportSection::Profile, ReportSection::Budget],
        changes_since: None,
    };
    let page = render_html(&sample(), &chosen).expect("HTML edition");
    assert!(
        page.contains("@page { size: letter;"),
        "printed on US Letter"
    );
    assert!(
        !page.contains("<nav"),
        "no table of contents unless asked for"
    );
    let h2 = texts_of(&tokens(&page), "h2");
    assert_eq!(
        h2,
        ["Institution profile", "Budget"],
        "only the chosen sections"
    );
}

#[test]
fn the_health_check_links_to_sections_instead_of_naming_pages() {
    let page = sample_page();
    let health = page
        .split("<section ")
        .find(|s| s.contains(">Plan health check</h2>"))
        .expect("the sample's HTML edition has the health check");
    assert!(
        !health.contains(", page "),
        "pages mean nothing in a web page: {health}"
    );
    let links: Vec<&str> = health.split("<a href=\"#").skip(1).collect();
    assert!(!links.is_empty(), "the sample's items link: {health}");
    for link in links {
        let (id, rest) = link.split_once("\">").expect("a link's target");
        let label = &rest[..rest.find("</a>").expect("link closes")];
        let title = label.strip_prefix("See ").expect("\"See <section>\"");
        let title = title.replace("&amp;", "&");
        assert!(
            page.contains(&format!("<section id=\"{id}\"")),
            "{id} is a section of the page"
        );
        let opened = page
            .split(&format!("<section id=\"{id}\""))
            .nth(1)
            .and_then(|s| s.split("</h2>").next())
            .expect("the section's heading");
        assert!(
            opened.ends_with(&format!(">{title}")),
            "{label} opens that section: {opened}"
        );
    }
}
