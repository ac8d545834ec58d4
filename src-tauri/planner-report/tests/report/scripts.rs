//! Any script prints: a plan typed in Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari,
//! Greek or Cyrillic reads back from the PDF as typed, in logical order, with every font
//! embedded as a subset; a plan without those scripts carries none of their fonts.

use planner_core::{PlanDetail, sample_plan};
use planner_test_support::{pdf_fonts, pdf_text, squeeze, word_boxes};

use crate::{A4_WIDTH_PT, MARGIN_PT, detail, export_to_temp, sample};

/// Institution, plan title, a credential's name and a note, in one script each.
struct Typed {
    script: &'static str,
    institution: &'static str,
    title: &'static str,
    credential: &'static str,
    note: &'static str,
    /// The font `pdffonts` should list for the script (part of its name).
    font: &'static str,
}

const TYPED: [Typed; 8] = [
    Typed {
        script: "Chinese",
        institution: "清华大学",
        title: "微证书试点计划",
        credential: "数据分析基础",
        note: "学院已经开设了三门在线课程，教师希望扩大规模。",
        font: "NotoSansCJK",
    },
    Typed {
        script: "Japanese",
        institution: "東京大学",
        title: "マイクロクレデンシャル導入計画",
        credential: "データサイエンス入門",
        note: "教員の負担を考慮して段階的に導入する。",
        font: "NotoSansCJK",
    },
    Typed {
        script: "Korean",
        institution: "서울대학교",
        title: "마이크로 자격증 도입 계획",
        credential: "데이터 분석 기초",
        note: "교수진의 업무 부담을 고려하여 단계적으로 도입한다.",
        font: "NotoSansCJK",
    },
    Typed {
        script: "Arabic",
        institution: "جامعة القاهرة",
        title: "خطة الشهادات المصغرة",
        credential: "أساسيات تحليل البيانات",
        note: "تقدم الكلية ثلاث دورات عبر الإنترنت",
        font: "NotoNaskhArabic",
    },
    Typed {
        script: "Hebrew",
        institution: "האוניברסיטה העברית בירושלים",
        title: "תוכנית תעודות זעירות",
        credential: "יסודות ניתוח נתונים",
        note: "הפקולטה מציעה שלושה קורסים מקוונים",
        font: "NotoSansHebrew",
    },
    Typed {
        script: "Devanagari",
        institution: "भारतीय प्रौद्योगिकी संस्थान",
        title: "सूक्ष्म प्रमाणपत्र योजना",
        credential: "डेटा विश्लेषण की मूल बातें",
        note: "संकाय ने तीन ऑनलाइन पाठ्यक्रम शुरू किए हैं।",
        font: "NotoSansDevanagari",
    },
    Typed {
        script: "Greek",
        institution: "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών",
        title: "Σχέδιο μικροπιστοποιήσεων",
        credential: "Βασικές αρχές ανάλυσης δεδομένων",
        note: "Η σχολή προσφέρει ήδη τρία διαδικτυακά μαθήματα.",
        font: "DejaVuSans",
    },
    Typed {
        script: "Cyrillic",
        institution: "Московский государственный университет",
        title: "План микроквалификаций",
        credential: "Основы анализа данных",
        note: "Факультет уже предлагает три онлайн-курса.",
        font: "DejaVuSans",
    },
];

fn plan_in(typed: &Typed) -> PlanDetail {
    let mut plan = sample_plan();
    plan.profile.name = typed.institution.to_owned();
    plan.title = typed.title.to_owned();
    if let Some(response) = plan.assessment.responses.values_mut().next() {
        response.evidence = typed.note.to_owned();
    }
    let rollout = plan.rollout.as_mut().expect("the sample has a rollout");
    rollout.credentials[0].title = typed.credential.to_owned();
    detail(plan)
}

#[test]
fn every_script_extracts_as_typed_in_logical_order() {
    for typed in &TYPED {
        let (_dir, path) = export_to_temp(&plan_in(typed));
        let text = squeeze(&pdf_text(&path));
        for (field, value) in [
            ("institution", typed.institution),
            ("title", typed.title),
            ("credential", typed.credential),
            ("note", typed.note),
        ] {
            assert!(
                text.contains(value),
                "the {} {field} {value:?} reads back as typed; the PDF reads:\n{text}",
                typed.script
            );
        }
        assert!(
            !text.contains('\u{fffd}'),
            "no unmappable glyph in the {} plan",
            typed.script
        );
    }
}

#[test]
fn every_font_is_embedded_as_a_subset_and_only_the_scripts_used_bring_theirs() {
    for typed in &TYPED {
        let (_dir, path) = export_to_temp(&plan_in(typed));
        let fonts = pdf_fonts(&path);
        for font in &fonts {
            assert!(
                font.embedded && font.subset && font.unicode_map,
                "{}: every font embedded, subset, with a ToUnicode map: {font:?}",
                typed.script
            );
        }
        assert!(
            fonts.iter().any(|font| font.name.contains(typed.font)),
            "the {} plan is set in {}: {fonts:?}",
            typed.script,
            typed.font
        );
        let foreign = fonts
            .iter()
            .filter(|font| !font.name.contains("DejaVuSans") && !font.name.contains(typed.font));
        assert_eq!(
            foreign.count(),
            0,
            "the {} plan carries no other script's font: {fonts:?}",
            typed.script
        );
    }
}

#[test]
fn the_sample_plan_carries_no_fallback_font() {
    let (_dir, path) = export_to_temp(&sample());
    let fonts = pdf_fonts(&path);
    let names: Vec<&str> = fonts.iter().map(|font| font.name.as_str()).collect();
    assert!(
        names.iter().all(|name| name.contains("DejaVuSans")),
        "only DejaVu Sans in the sample report: {names:?}"
    );
}

/// A right-to-left note with a year and a Latin acronym in it: each direction's part reads
/// back in its own order. (Where on the line poppler puts the left-to-right part is its own
/// choice: it orders a mixed line by position, not by the typed order.)
#[test]
fn a_right_to_left_note_mixed_with_digits_and_latin_keeps_every_part_in_order() {
    for (script, note, parts) in [
        (
            "Arabic",
            "بدأ البرنامج عام 2024 بالتعاون مع MIT للتعليم المستمر",
            [
                "بدأ البرنامج عام",
                "2024",
                "بالتعاون مع",
                "MIT",
                "للتعليم المستمر",
            ],
        ),
        (
            "Hebrew",
            "התוכנית החלה בשנת 2024 בשיתוף MIT לחינוך מתמשך",
            ["התוכנית החלה בשנת", "2024", "בשיתוף", "MIT", "לחינוך מתמשך"],
        ),
    ] {
        let mut plan = sample_plan();
        if let Some(response) = plan.assessment.responses.values_mut().next() {
            response.evidence = note.to_owned();
        }
        let (_dir, path) = export_to_temp(&detail(plan));
        let text = squeeze(&pdf_text(&path));
        for part in parts {
            assert!(
                text.contains(part),
                "the {script} note's part {part:?} reads back in order; the PDF reads:\n{text}"
            );
        }
    }
}

/// Each typed paragraph of a note keeps its own direction: the Arabic one starts at the
/// column's right edge, its first word rightmost, while the English one stays at the left.
#[test]
fn an_arabic_paragraph_in_an_english_note_is_set_flush_right_reading_from_the_right() {
    let mut plan = sample_plan();
    let english = "Minutes of the faculty senate";
    let arabic = "تقدم الكلية ثلاث دورات";
    if let Some(response) = plan.assessment.responses.values_mut().next() {
        response.evidence = format!("{english}\n{arabic}");
    }
    let (_dir, path) = export_to_temp(&detail(plan));
    let words = word_boxes(&path);
    let find = |wanted: &str| {
        words
            .iter()
            .find(|w| w.text == wanted)
            .unwrap_or_else(|| panic!("the PDF shows the word {wanted:?}"))
    };
    let right_edge = A4_WIDTH_PT - MARGIN_PT;
    let minutes = find("Minutes");
    assert!(
        (minutes.x_min - MARGIN_PT).abs() < 1.0,
        "the English paragraph starts at the left margin: {minutes:?}"
    );
    // `pdftotext -bbox` spells a right-to-left word in drawing order, left to right.
    let drawn = |word: &str| word.chars().rev().collect::<String>();
    let first = find(&drawn("تقدم"));
    let second = find(&drawn("الكلية"));
    assert!(
        (first.x_max - right_edge).abs() < 1.5,
        "the Arabic paragraph starts at the right edge ({right_edge}): {first:?}"
    );
    assert!(
        second.x_max < first.x_min && second.page == first.page,
        "its second word stands left of the first: {second:?} {first:?}"
    );
}

/// The running header is set as the body is: an Arabic or Hebrew institution's header stands
/// against the right margin, its name rightmost, while an English one starts at the left.
#[test]
fn a_right_to_left_institution_s_running_header_is_set_flush_right() {
    let right_edge = A4_WIDTH_PT - MARGIN_PT;
    for (institution, first_word) in [
        ("جامعة القاهرة", "جامعة"),
        ("אוניברסיטת חיפה", "אוניברסיטת"),
    ] {
        let mut plan = sample_plan();
        plan.profile.name = institution.to_owned();
        let (_dir, path) = export_to_temp(&detail(plan));
        // The header is the top line of page 2, above the section's own text.
        let header: Vec<_> = word_boxes(&path)
            .into_iter()
            .filter(|w| w.page == 2 && w.y_min < 45.0)
            .collect();
        let drawn: String = first_word.chars().rev().collect();
        let name = header
            .iter()
            .find(|w| w.text == drawn)
            .unwrap_or_else(|| panic!("page 2's header shows {first_word:?}: {header:?}"));
        assert!(
            (name.x_max - right_edge).abs() < 1.5,
            "{institution}: the header ends at the right margin ({right_edge}): {name:?}"
        );
        assert!(
            header.iter().all(|w| w.x_max <= name.x_max + 0.5),
            "{institution}: the name's first word is rightmost: {header:?}"
        );
    }
    let (_dir, path) = export_to_temp(&sample());
    let first = word_boxes(&path)
        .into_iter()
        .filter(|w| w.page == 2 && w.y_min < 45.0)
        .map(|w| w.x_min)
        .fold(f32::MAX, f32::min);
    assert!(
        (first - MARGIN_PT).abs() < 1.0,
        "an English header starts at the left margin: {first}"
    );
}
