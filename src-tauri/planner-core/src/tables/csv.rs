//! CSV text as spreadsheet programs open it cleanly, and safely.
//!
//! - UTF-8 with a byte-order mark, so Excel reads accents and non-Latin scripts right;
//! - one header row, rows ending in CRLF, fields quoted as RFC 4180 says (a field holding a
//!   comma, a quote, CR or LF is put in double quotes, its quotes doubled);
//! - numbers as plain numbers: `.` for the decimal point, `-` for minus, no thousands
//!   separators, at most the decimals the table names (trailing zeros dropped);
//! - no formula is ever injected: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
//!   carriage return gets a leading `'` (an apostrophe), so a spreadsheet shows it as text and
//!   never runs it. Only text cells are escaped: numbers are written by this code, never typed,
//!   so a negative number still reads as a number.

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words a dean typed or the planner wrote.
    Text(String),
    /// A figure, written with at most `places` decimals.
    Number { value: f64, places: u8 },
    /// Nothing to show (a year with no target).
    Empty,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A count or an amount: to two decimals, the cents of money.
    pub fn figure(value: f64) -> Cell {
        Cell::Number { value, places: 2 }
    }

    pub fn whole(value: impl Into<f64>) -> Cell {
        Cell::Number {
            value: value.into(),
            places: 0,
        }
    }

    /// A share of 0–1, to four decimals.
    pub fn share(value: f64) -> Cell {
        Cell::Number { value, places: 4 }
    }

    pub fn optional(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::figure)
    }

    pub fn yes_no(flag: bool) -> Cell {
        Cell::text(if flag { "yes" } else { "no" })
    }
}

/// The byte-order mark that opens every file.
pub const BOM: &str = "\u{feff}";

/// The whole file: the mark, the header row, then each row.
pub fn csv_text(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from(BOM);
    let header: Vec<Cell> = header.iter().map(|h| Cell::text(h.as_str())).collect();
    for row in std::iter::once(&header).chain(rows) {
        let fields: Vec<String> = row.iter().map(field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number { value, places } => number(*value, *places),
        Cell::Text(text) => quoted(&defused(text)),
    }
}

/// `value` with at most `places` decimals: 1234.5 → "1234.5", −0.001 → "0"; not finite → "".
fn number(value: f64, places: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.*}", usize::from(places));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text a spreadsheet would read as a formula, made plain text.
fn defused(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_row(cells: Vec<Cell>) -> String {
        let text = csv_text(&["A".to_owned()], &[cells]);
        text.strip_prefix("\u{feff}A\r\n")
            .expect("the file opens with the mark and the header")
            .to_owned()
    }

    #[test]
    fn formulas_in_text_become_plain_text() {
        for attack in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let line = one_row(vec![Cell::text(attack)]);
            let unquoted = line.trim_start_matches('"');
            assert!(
                unquoted.starts_with('\''),
                "{attack:?} must open with an apostrophe, got {line:?}"
            );
        }
        assert_eq!(one_row(vec![Cell::text("Plain")]), "Plain\r\n");
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        let line = one_row(vec![
            Cell::figure(-1234.567),
            Cell::whole(-3),
            Cell::figure(-0.001),
        ]);
        assert_eq!(line, "-1234.57,-3,0\r\n");
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let line = one_row(vec![
            Cell::text("Smith, Jones"),
            Cell::text("The \"pilot\""),
            Cell::text("two\nlines"),
            Cell::Empty,
        ]);
        assert_eq!(
            line,
            "\"Smith, Jones\",\"The \"\"pilot\"\"\",\"two\nlines\",\r\n"
        );
    }

    #[test]
    fn decimals_are_trimmed_not_padded() {
        let line = one_row(vec![
            Cell::figure(30.0),
            Cell::figure(22.5),
            Cell::share(0.333_333),
        ]);
        assert_eq!(line, "30,22.5,0.3333\r\n");
    }
}
