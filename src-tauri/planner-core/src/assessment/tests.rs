use proptest::prelude::*;

use super::guide::{Benchmark, ChallengeArea, Statement};
use super::*;

/// Five statements weighing 3, 2, 2, 1, 2; the fourth is reversed.
fn example_area() -> ChallengeArea {
    let statement = |weight, reverse| Statement {
        text: "s".into(),
        weight,
        reverse,
    };
    ChallengeArea {
        key: AreaKey::Resources,
        title: "Resource allocation".into(),
        summary: String::new(),
        emphasised_for: Stage::Offering,
        benchmark: Benchmark {
            percent: 53,
            population: String::new(),
            challenge: String::new(),
        },
        statements: vec![
            statement(3, false),
            statement(2, false),
            statement(2, false),
            statement(1, true),
            statement(2, false),
        ],
    }
}

use Answer::{DontKnow, Rated, Unanswered};

/// The result's entry for `key`.
fn area_result(result: &AssessmentResult, key: AreaKey) -> &AreaResult {
    result
        .areas
        .iter()
        .find(|a| a.area == key)
        .unwrap_or_else(|| panic!("a result for {key:?}"))
}

#[test]
fn worked_example_with_a_reversed_statement_and_dont_knows() {
    // Rated: 5 (w3) → 1.0; 4 (w2) → 0.75; reversed 2 (w1) → 1 − 0.25 = 0.75.
    // (3·1.0 + 2·0.75 + 1·0.75) / (3 + 2 + 1) = 5.25 / 6 = 0.875 → 87.5; 6 of 10 weight rated.
    let (score, share) = score_area(
        &example_area(),
        &[Rated(5), Rated(4), DontKnow, Rated(2), Unanswered],
    );
    assert_eq!(score, Some(87.5));
    assert_eq!(share, 0.6);
}

#[test]
fn all_ones_score_zero_except_the_reversed_statement() {
    let area = example_area();
    // Non-reversed at 1 → 0; the reversed statement at 1 → readiness 1: 1·1 / 10 = 10.
    assert_eq!(score_area(&area, &[Rated(1); 5]).0, Some(10.0));
    let mut plain = area.clone();
    plain.statements.iter_mut().for_each(|s| s.reverse = false);
    assert_eq!(score_area(&plain, &[Rated(1); 5]), (Some(0.0), 1.0));
    assert_eq!(score_area(&plain, &[Rated(5); 5]), (Some(100.0), 1.0));
    assert_eq!(score_area(&plain, &[Rated(3); 5]).0, Some(50.0));
}

#[test]
fn all_dont_know_gives_no_score_not_a_middle_one() {
    let (score, share) = score_area(&example_area(), &[DontKnow; 5]);
    assert_eq!((score, share), (None, 0.0));
    let mut assessment = Assessment::default();
    let n = guide().area(AreaKey::Quality).statements.len();
    assessment
        .set_response(
            AreaKey::Quality,
            AreaResponse {
                answers: vec![DontKnow; n],
                evidence: String::new(),
            },
        )
        .expect("valid");
    let result = assess(&assessment, Stage::Exploring);
    let quality = area_result(&result, AreaKey::Quality);
    assert_eq!(
        (quality.score, quality.confidence, quality.dont_know),
        (None, Confidence::None, n as u8)
    );
    assert!(
        result.ranking.is_empty(),
        "an area without ratings is not ranked"
    );
    assert_eq!(result.answered, n as u16, "don't know counts as answered");
}

#[test]
fn areas_are_banded_ranked_weakest_first_and_emphasised_for_the_stage() {
    let mut assessment = Assessment::default();
    let all = |key: AreaKey, r: u8| {
        let n = guide().area(key).statements.len();
        let answers = guide()
            .area(key)
            .statements
            .iter()
            .map(|s| Rated(if s.reverse { 6 - r } else { r }))
            .collect::<Vec<_>>();
        assert_eq!(answers.len(), n);
        AreaResponse {
            answers,
            evidence: String::new(),
        }
    };
    assessment
        .set_response(AreaKey::Resources, all(AreaKey::Resources, 1))
        .expect("valid");
    assessment
        .set_response(AreaKey::FacultyBuyIn, all(AreaKey::FacultyBuyIn, 4))
        .expect("valid");
    assessment
        .set_response(AreaKey::Awareness, all(AreaKey::Awareness, 5))
        .expect("valid");
    let result = assess(&assessment, Stage::Offering);

    let order: Vec<AreaKey> = result.areas.iter().map(|a| a.area).collect();
    assert_eq!(
        &order[..3],
        &[
            AreaKey::Resources,
            AreaKey::CurriculumTransformation,
            AreaKey::FacultyBuyIn
        ]
    );
    assert!(
        result.areas[..3].iter().all(|a| a.emphasised)
            && result.areas[3..].iter().all(|a| !a.emphasised)
    );
    assert_eq!(
        result.ranking,
        [
            AreaKey::Resources,
            AreaKey::FacultyBuyIn,
            AreaKey::Awareness
        ]
    );
    assert_eq!(result.weakest, [AreaKey::Resources]);

    let resources = &result.areas[0];
    assert_eq!(
        (resources.score, resources.band, resources.rank),
        (Some(0), Some(BandKey::Critical), Some(1))
    );
    assert_eq!(
        resources.benchmark_line,
        "53% of leaders at institutions that offer micro-credentials name resource allocation a top challenge"
    );
    let faculty = area_result(&result, AreaKey::FacultyBuyIn);
    assert_eq!(
        (faculty.score, faculty.band),
        (Some(75), Some(BandKey::Moderate))
    );
}

#[test]
fn wrong_answer_counts_and_overlong_evidence_are_refused_naming_the_area() {
    let mut assessment = Assessment::default();
    let err = assessment
        .set_response(
            AreaKey::Awareness,
            AreaResponse {
                answers: vec![Rated(3)],
                evidence: String::new(),
            },
        )
        .expect_err("too few");
    assert!(err.summary().contains("Awareness"), "{err}");
    assert_eq!(err.0[0].field, "answers", "filed under the answers");
    let n = guide().area(AreaKey::Awareness).statements.len();
    let err = assessment
        .set_response(
            AreaKey::Awareness,
            AreaResponse {
                answers: vec![Rated(9); n],
                evidence: String::new(),
            },
        )
        .expect_err("out of range");
    assert!(err.summary().contains("statement 1"), "{err}");
    assert_eq!(
        err.0[0].field, "answers.0",
        "filed under the first statement"
    );
    let long = "x".repeat(MAX_EVIDENCE_CHARS + 1);
    let err = assessment
        .set_response(
            AreaKey::Awareness,
            AreaResponse {
                answers: vec![Rated(3); n],
                evidence: long,
            },
        )
        .expect_err("overlong evidence");
    assert_eq!(err.0[0].field, "evidence", "filed under the evidence note");
    assert!(assessment.responses.is_empty(), "nothing was stored");
}

#[test]
fn actions_are_adopted_once_and_can_be_dropped() {
    let mut assessment = Assessment::default();
    let key = guide().actions[0].key.clone();
    assessment
        .set_adopted(&key, true, "2026-11-29")
        .expect("adopt");
    assessment
        .set_adopted(&key, true, "2026-12-01")
        .expect("adopt again");
    assert_eq!(
        assessment.adopted_actions,
        [AdoptedAction {
            action: key.clone(),
            adopted_on: "2026-11-29".into()
        }]
    );
    assessment
        .set_adopted(&key, false, "2026-12-02")
        .expect("drop");
    assert!(assessment.adopted_actions.is_empty());
    let err = assessment
        .set_adopted("no_such_action", true, "2026-11-29")
        .expect_err("unknown action");
    assert_eq!(err.0[0].field, "action");
    assert!(err.summary().contains("no_such_action"), "{err}");
}

#[test]
fn answers_are_stored_as_numbers_dont_know_and_null() {
    let response = AreaResponse {
        answers: vec![Rated(4), DontKnow, Unanswered],
        evidence: "e".into(),
    };
    let json = serde_json::to_string(&response).expect("serialise");
    assert_eq!(json, r#"{"answers":[4,"dont_know",null],"evidence":"e"}"#);
    assert_eq!(
        serde_json::from_str::<AreaResponse>(&json).expect("read back"),
        response
    );
    assert!(serde_json::from_str::<AreaResponse>(r#"{"answers":[6]}"#).is_err());
}

#[test]
fn the_answers_file_names_the_area_and_statement_that_is_wrong() {
    let n = guide().area(AreaKey::Resources).statements.len();
    let ok = format!(r#"{{"resources": [{}]}}"#, vec!["3"; n].join(","));
    let parsed = parse_answers_file(&ok).expect("valid file");
    assert_eq!(parsed[&AreaKey::Resources], vec![Rated(3); n]);
    let mut with_null = vec!["2"; n];
    with_null[1] = "null";
    let parsed = parse_answers_file(&format!(r#"{{"quality": [{}]}}"#, with_null.join(",")));
    assert_eq!(
        parsed.expect("valid")[&AreaKey::Quality][1],
        DontKnow,
        "null means don't know"
    );

    let mut bad = vec!["3"; n];
    bad[2] = "7";
    let cases = [
        (r#"{"funding": [1]}"#.to_owned(), "funding"),
        (r#"{"resources": [1, 2]}"#.to_owned(), "resources has"),
        (
            format!(r#"{{"resources": [{}]}}"#, bad.join(",")),
            "statement 3",
        ),
        (r#"{"resources": "high"}"#.to_owned(), "resources"),
        ("[1,2]".to_owned(), "object"),
        ("{".to_owned(), "not valid JSON"),
    ];
    for (text, named) in cases {
        let err = parse_answers_file(&text).expect_err(&text).to_string();
        assert!(err.contains(named), "{text}: {err}");
    }
}

#[test]
fn the_answers_file_takes_whole_decimals_and_refuses_repeats_and_misspellings() {
    let n = guide().area(AreaKey::Resources).statements.len();
    let decimals = format!(r#"{{"resources": [{}]}}"#, vec!["3.0"; n].join(","));
    let parsed = parse_answers_file(&decimals).expect("3.0 is 3");
    assert_eq!(parsed[&AreaKey::Resources], vec![Rated(3); n]);
    let half = format!(r#"{{"resources": [2.5{}]}}"#, ", 3".repeat(n - 1));
    assert!(parse_answers_file(&half).is_err(), "2.5 is not a rating");

    let ratings = vec!["3"; n].join(",");
    let twice = format!(r#"{{"resources": [{ratings}], "resources": [{ratings}]}}"#);
    let err = parse_answers_file(&twice)
        .expect_err("repeated")
        .to_string();
    assert!(err.contains("resources is given twice"), "{err}");

    let misspelt = format!(r#"{{"resorces": [{ratings}]}}"#);
    let err = parse_answers_file(&misspelt)
        .expect_err("unknown")
        .to_string();
    assert!(err.contains("did you mean “resources”"), "{err}");

    let long_key = format!(r#"{{"{}\n\u001b[2J": [1]}}"#, "k".repeat(100_000));
    let err = parse_answers_file(&long_key)
        .expect_err("unknown")
        .to_string();
    assert!(err.chars().count() < 300, "short: {} chars", err.len());
    assert!(!err.contains('\n') && !err.contains('\u{1b}'), "{err}");
}

const REFERENCE: &str =
    include_str!("../../data/coursera-micro-credentials-impact-report-2024.txt");

/// The reference line that mentions `phrase`, which must carry `percent`.
fn assert_reference_says(phrase: &str, percent: u8) {
    let line = REFERENCE
        .lines()
        .find(|l| l.to_lowercase().contains(&phrase.to_lowercase()))
        .unwrap_or_else(|| panic!("the reference text mentions “{phrase}”"));
    assert!(
        line.contains(&format!("{percent}%")),
        "“{line}” should say {percent}%"
    );
}

#[test]
fn every_benchmark_and_finding_equals_the_reference_text() {
    let g = guide();
    assert_eq!(g.source, "Coursera Micro-Credentials Impact Report 2024");
    let phrases = [
        (AreaKey::Awareness, "lack of awareness"),
        (
            AreaKey::CurriculumIntegration,
            "integrating micro-credentials with existing",
        ),
        (AreaKey::Quality, "uncertainty about the quality"),
        (AreaKey::Resources, "resource allocation ("),
        (
            AreaKey::CurriculumTransformation,
            "curriculum transformation",
        ),
        (AreaKey::FacultyBuyIn, "faculty buy-in"),
    ];
    for (key, phrase) in phrases {
        assert_reference_says(phrase, g.area(key).benchmark.percent);
    }
    let findings = [
        ("career_outcomes_all", "94%"),
        ("institutions_offer", "institutions offer micro-credentials"),
        ("credit_offered", "also provide academic credit"),
        ("plan_to_adopt", "plan to adopt"),
        ("satisfaction", "satisfaction and engagement"),
        ("enrol_for_credit", "more likely to enroll"),
        ("retention", "student retention"),
        ("career_outcomes_offering", "97%"),
        ("job_ready", "job-ready upon graduation"),
        ("employer_demand", "employer demands"),
        ("staff_careers", "alumni, faculty"),
    ];
    for (key, phrase) in findings {
        let finding = g
            .findings
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("finding {key}"));
        assert_reference_says(phrase, finding.percent);
    }
    assert_eq!(
        g.findings.len(),
        findings.len(),
        "no finding without a reference check"
    );
    let mut figures: Vec<u8> = g.findings.iter().map(|f| f.percent).collect();
    figures.sort_unstable();
    assert_eq!(figures, [51, 53, 68, 75, 80, 87, 87, 93, 94, 96, 97]);
}

#[test]
fn the_library_has_about_five_actions_per_area_and_about_thirty_in_all() {
    let g = guide();
    for key in AreaKey::ALL {
        let n = g.actions.iter().filter(|a| a.area == key).count();
        assert!((4..=7).contains(&n), "{} has {n} actions", key.key());
    }
    assert!((25..=40).contains(&g.actions.len()));
    assert!(
        g.actions
            .iter()
            .all(|a| a.duration_weeks > 0 && !a.owner_role.is_empty())
    );
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![Just(Unanswered), Just(DontKnow), (1u8..=5).prop_map(Rated)]
}

proptest! {
    #[test]
    fn a_score_is_always_within_0_to_100(answers in proptest::collection::vec(answer(), 5)) {
        if let (Some(score), share) = score_area(&example_area(), &answers) {
            prop_assert!((0.0..=100.0).contains(&score));
            prop_assert!((0.0..=1.0).contains(&share));
        }
    }

    #[test]
    fn raising_one_rating_moves_the_score_the_statement_s_way(
        answers in proptest::collection::vec(answer(), 5),
        i in 0usize..5,
        low in 1u8..5,
    ) {
        let area = example_area();
        let mut lower = answers.clone();
        lower[i] = Rated(low);
        let mut higher = answers;
        higher[i] = Rated(low + 1);
        let (a, b) = (score_area(&area, &lower).0.expect("rated"), score_area(&area, &higher).0.expect("rated"));
        if area.statements[i].reverse {
            prop_assert!(b <= a, "reversed: agreeing more never raises readiness");
        } else {
            prop_assert!(b >= a, "agreeing more never lowers readiness");
        }
    }
}
