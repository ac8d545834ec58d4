//! Text a person typed or a file carried, made safe to quote in a one-line message, and the
//! rule for which characters a name or title may hold.

/// How many characters of someone's input a message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// Characters that change how the text around them is shown rather than being text: the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make "gpj.exe" read
/// as "exe.jpg"; the others are invisible. The joiners (U+200C, U+200D) and the direction
/// marks (U+200E, U+200F) stay allowed: Persian, Hindi and Hebrew text needs them.
fn is_format_trick(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// A control character (newline, escape, ...) or one of the invisible formatting tricks above.
pub fn is_hidden_character(c: char) -> bool {
    c.is_control() || is_format_trick(c)
}

/// The first hidden character in `text`, named as a person can look it up ("U+202E"). Line
/// breaks and tabs count as hidden unless `multi_line` (a note or description).
pub fn first_hidden_character(text: &str, multi_line: bool) -> Option<String> {
    text.chars()
        .filter(|c| !(multi_line && matches!(c, '\n' | '\r' | '\t')))
        .find(|c| is_hidden_character(*c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
}

/// The message for a name or title holding a hidden character.
pub fn hidden_character_message(label: &str, code: &str) -> String {
    format!(
        "{label} contains a hidden character ({code}), such as a line break, an escape or a \
         right-to-left override, which would change how it is shown; remove it"
    )
}

/// What is wrong with a name or text a person typed, if anything: empty, longer than `max`
/// characters, or holding a hidden character (line breaks are text when `multi_line`).
pub fn text_problem(label: &str, value: &str, max: usize, multi_line: bool) -> Option<String> {
    let chars = value.trim().chars().count();
    if chars == 0 {
        Some(format!("{label} cannot be empty"))
    } else if chars > max {
        Some(format!(
            "{label} is {chars} characters long; the limit is {max}"
        ))
    } else {
        first_hidden_character(value, multi_line).map(|code| hidden_character_message(label, &code))
    }
}

/// A short, single-line, printable excerpt of `text` for a message: hidden characters become
/// `�`, and anything past [`EXCERPT_CHARS`] characters is cut with "…".
pub fn excerpt(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| {
            if is_hidden_character(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// A whole message forced onto one line of bounded length, as a last guard before printing.
pub fn one_line(message: &str, max_chars: usize) -> String {
    let mut out: String = message
        .chars()
        .take(max_chars)
        .map(|c| if is_hidden_character(c) { ' ' } else { c })
        .collect();
    if message.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_short_printable_and_marks_the_cut() {
        let long = "x".repeat(10_000);
        let quoted = excerpt(&long);
        assert_eq!(quoted.chars().count(), EXCERPT_CHARS + 1, "{quoted}");
        assert!(quoted.ends_with('…'));
        assert_eq!(excerpt("a\nb\u{1b}[31mc\u{202E}d"), "a�b�[31mc�d");
        assert_eq!(excerpt("Łódź"), "Łódź", "ordinary text is quoted as it is");
    }

    #[test]
    fn hidden_characters_are_found_and_named() {
        assert_eq!(
            first_hidden_character("Plan \u{202E}fdp.exe", true),
            Some("U+202E".to_owned())
        );
        assert_eq!(
            first_hidden_character("tab\there", false),
            Some("U+0009".to_owned())
        );
        assert_eq!(first_hidden_character("two\nlines", true), None);
        assert_eq!(first_hidden_character("Ελληνικό – 2027 ✓", false), None);
        assert_eq!(
            first_hidden_character("می\u{200C}خواهم", false),
            None,
            "ZWNJ is text"
        );
    }

    #[test]
    fn one_line_replaces_line_breaks_and_caps_the_length() {
        assert_eq!(one_line("a\nb\r\nc", 100), "a b  c");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }
}
