//! What the report needs to know about a character's writing system: which typeface should
//! draw it, whether it must go through the shaper, and where a line may break inside a word.
//! Block ranges rather than full Unicode property tables: the report only has to choose among
//! its few embedded typefaces.

use crate::fonts::Family;

/// The typeface a letter of a script DejaVu Sans cannot set well asks for; `None` for Latin,
/// Greek, Cyrillic, digits, spaces and punctuation, which take whatever face their
/// neighbours use or DejaVu Sans.
pub(crate) fn preferred_family(c: char) -> Option<Family> {
    match u32::from(c) {
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Some(Family::Hebrew),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some(Family::Arabic)
        }
        0x0900..=0x097F | 0xA8E0..=0xA8FF | 0x1CD0..=0x1CFF => Some(Family::Devanagari),
        _ if is_cjk(c) => Some(Family::Cjk),
        _ => None,
    }
}

/// Han, kana, hangul, bopomofo and their punctuation and full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF
            | 0x2E80..=0x2FDF
            | 0x3000..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF
    )
}

/// A combining mark, joiner or variation selector: it belongs to the character before it, so
/// a line is never cut just before one and it is drawn in its base letter's face.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x05BF
            | 0x05C1..=0x05C2
            | 0x05C4..=0x05C5
            | 0x05C7
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06DC
            | 0x06DF..=0x06E4
            | 0x06E7..=0x06E8
            | 0x06EA..=0x06ED
            | 0x08D3..=0x08FF
            | 0x0900..=0x0903
            | 0x093A..=0x094F
            | 0x0951..=0x0957
            | 0x0962..=0x0963
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x200C..=0x200D
            | 0x20D0..=0x20FF
            | 0x3099..=0x309A
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
    )
}

/// The Devanagari virama joins the consonant after it into a conjunct: no cut after it.
const VIRAMA: char = '\u{094D}';

/// Text that the shaper and the bidi algorithm would leave exactly as typed: no right-to-left
/// letters, no scripts that need contextual forms, no combining marks, no direction controls.
/// Such text (every Latin, Greek and Cyrillic name) is drawn character by character.
pub(crate) fn is_simple(c: char) -> bool {
    preferred_family(c).is_none()
        && !is_mark(c)
        && !matches!(u32::from(c), 0x200E..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Characters that may not start a line in Chinese and Japanese typesetting.
fn closes(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '》'
            | '〕'
            | 'ー'
            | 'ッ'
            | 'っ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
    )
}

/// Characters that may not end a line: opening brackets.
fn opens(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '〈' | '《' | '〔' | '(')
}

/// `word` (no spaces) cut where a line may break inside it: between two characters when one
/// of them is Chinese, Japanese or Korean, unless punctuation forbids it. Other words stay
/// whole. The pieces joined give the word back.
pub(crate) fn break_pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (index, c) in word.char_indices() {
        if let Some(before) = previous {
            let cjk_boundary = is_cjk(before) || is_cjk(c);
            if cjk_boundary && !closes(c) && !opens(before) && !is_mark(c) {
                pieces.push(&word[start..index]);
                start = index;
            }
        }
        previous = Some(c);
    }
    pieces.push(&word[start..]);
    pieces
}

/// The byte offsets where `text` may be cut as a last resort (a word wider than its column):
/// before every character except a mark, a joiner, or the consonant after a virama.
pub(crate) fn cluster_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous: Option<char> = None;
    text.char_indices().filter_map(move |(index, c)| {
        let cut = previous.is_none_or(|before| {
            !is_mark(c) && before != VIRAMA && !matches!(before, '\u{200C}' | '\u{200D}')
        });
        previous = Some(c);
        cut.then_some(index)
    })
}

/// `text` as pieces that must stay together when a word is cut.
pub(crate) fn clusters(text: &str) -> Vec<&str> {
    let starts: Vec<usize> = cluster_starts(text).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            &text[*start..end]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_ask_for_their_typeface() {
        assert_eq!(preferred_family('東'), Some(Family::Cjk));
        assert_eq!(preferred_family('서'), Some(Family::Cjk));
        assert_eq!(preferred_family('の'), Some(Family::Cjk));
        assert_eq!(preferred_family('ج'), Some(Family::Arabic));
        assert_eq!(preferred_family('ש'), Some(Family::Hebrew));
        assert_eq!(preferred_family('भ'), Some(Family::Devanagari));
        for c in "Łódź Москва Ελλάδα 2027 -·".chars() {
            assert_eq!(preferred_family(c), None, "{c}");
            assert!(is_simple(c), "{c}");
        }
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(break_pieces("東京大学。"), ["東", "京", "大", "学。"]);
        assert_eq!(break_pieces("「東京」"), ["「東", "京」"]);
        assert_eq!(break_pieces("University"), ["University"]);
        assert_eq!(break_pieces("MIT東京"), ["MIT", "東", "京"]);
    }

    #[test]
    fn a_conjunct_and_a_marked_letter_are_never_cut() {
        assert_eq!(clusters("प्रौ"), ["प्रौ"]);
        assert_eq!(clusters("भारतीय"), ["भा", "र", "ती", "य"]);
        assert_eq!(clusters("e\u{301}a"), ["e\u{301}", "a"]);
        assert_eq!(clusters("abc").concat(), "abc");
    }
}
