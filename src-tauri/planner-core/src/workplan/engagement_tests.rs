//! Faculty engagement worked by hand, checked against the budget, and its bounds.

use proptest::prelude::*;

use super::engagement::*;
use super::tests::{day, term};
use crate::rollout::{BudgetInputs, FiscalYear, Term};

/// Fall 2026 and Spring 2027 in FY2027 (wholly in the plan), Summer 2027 in FY2028 (a quarter
/// of it in the plan).
fn calendar() -> (Vec<Term>, Vec<FiscalYear>) {
    let terms = [
        ("Fall", day(2026, 8, 25), 0),
        ("Spring", day(2027, 1, 12), 0),
        ("Summer", day(2027, 7, 6), 1),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, start, fy))| term(i, name, start, fy))
    .collect();
    let fiscal = [(0, 1.0), (1, 0.25)]
        .into_iter()
        .map(|(i, share)| FiscalYear {
            index: i,
            label: format!("FY{}", 2027 + i),
            start: day(2026 + i as i32, 7, 1),
            end: day(2027 + i as i32, 6, 30),
            share_in_plan: share,
        })
        .collect();
    (terms, fiscal)
}

fn session(title: &str, term: u32, hours: f64, capacity: u32) -> TrainingSession {
    TrainingSession {
        title: title.to_owned(),
        term,
        hours_per_participant: hours,
        capacity,
    }
}

fn champion(name: &str) -> Champion {
    Champion {
        name: name.to_owned(),
        role: "Associate professor".to_owned(),
    }
}

fn engagement() -> FacultyEngagement {
    FacultyEngagement {
        departments: vec![
            Department {
                name: "Business".to_owned(),
                faculty_count: 120,
                champions: vec![champion("Ana Ruiz"), champion("Li Wei")],
            },
            Department {
                name: "Engineering".to_owned(),
                faculty_count: 90,
                champions: vec![champion("Sam Okafor")],
            },
        ],
        sessions: vec![
            session("Credit mapping workshop", 0, 6.0, 30),
            session("Assessment design", 1, 3.0, 20),
            session("Stacking clinic", 1, 2.0, 10),
        ],
        targets: vec![
            EngagementTarget {
                term: 2,
                share_pct: 25.0,
            },
            EngagementTarget {
                term: 0,
                share_pct: 10.0,
            },
        ],
        hours_per_engaged_member_per_term: 8.0,
    }
}

fn budget() -> BudgetInputs {
    BudgetInputs {
        mapping_hours_per_credential: 40.0,
        faculty_development_hours_per_year: 300.0,
        ..BudgetInputs::default()
    }
}

#[test]
fn three_terms_worked_by_hand() {
    let (terms, fiscal) = calendar();
    let e = engagement();
    e.validate(400, &terms).expect("valid");
    // Two credentials launch in Spring, one in Summer.
    let p = engagement_by_term(&e, 400, &budget(), &[1, 1, 2], &terms, &fiscal);
    assert_eq!(
        (p.department_faculty, p.champions),
        (210, 3),
        "120 + 90; 2 + 1"
    );
    let row = |i: usize| {
        let t = &p.terms[i];
        (
            t.faculty_engaged,
            t.training_hours,
            t.curriculum_mapping_hours,
            t.faculty_development_hours,
            t.hours_needed,
            t.hours_available,
            t.over_capacity,
        )
    };
    // Fall: 10 % of 400 = 40 engaged; training 30 × 6 = 180; no launch; development
    // 300 × 1.0 ÷ 2 terms of FY2027 = 150; needed 330 > 40 × 8 = 320 available.
    assert_eq!(row(0), (40, 180.0, 0.0, 150.0, 330.0, 320.0, true));
    // Spring: still 10 %; training 20 × 3 + 10 × 2 = 80; mapping 2 × 40 = 80; development
    // 150; needed 310 ≤ 320.
    assert_eq!(row(1), (40, 80.0, 80.0, 150.0, 310.0, 320.0, false));
    // Summer: 25 % of 400 = 100; mapping 40; development 300 × 0.25 ÷ 1 = 75; needed 115.
    assert_eq!(row(2), (100, 0.0, 40.0, 75.0, 115.0, 800.0, false));
    assert_eq!(p.terms[1].training_seats, 30);
    assert_eq!(
        p.terms[0].warning().as_deref(),
        Some("Fall 2026 needs 330 faculty hours; 40 engaged faculty at 8 hours each can give 320")
    );
    assert_eq!(p.terms[1].warning(), None, "Spring is within capacity");
    let shown: Vec<_> = p.terms.iter().map(|t| t.warning.clone()).collect();
    let said: Vec<_> = p.terms.iter().map(TermEngagement::warning).collect();
    assert_eq!(shown, said, "the window gets the same sentence");
}

#[test]
fn before_the_first_target_nobody_is_counted_engaged() {
    let (terms, fiscal) = calendar();
    let mut e = engagement();
    e.targets = vec![EngagementTarget {
        term: 1,
        share_pct: 50.0,
    }];
    let p = engagement_by_term(&e, 400, &budget(), &[], &terms, &fiscal);
    let engaged: Vec<u32> = p.terms.iter().map(|t| t.faculty_engaged).collect();
    // Nothing set for Fall; 50 % of 400 from Spring on.
    assert_eq!(engaged, [0, 200, 200]);
    assert!(p.terms[0].over_capacity, "Fall's 330 hours fall on nobody");
}

#[test]
fn mapping_and_development_hours_cost_what_the_budget_says() {
    let plan = crate::sample_plan();
    let inputs = plan.rollout.as_ref().expect("the sample has a rollout");
    let result = crate::rollout::project(&plan.profile, inputs).expect("the sample is valid");
    let e = FacultyEngagement {
        hours_per_engaged_member_per_term: 10.0,
        ..FacultyEngagement::default()
    };
    let p = project_engagement(&e, &plan.profile, inputs, &result).expect("valid");
    assert_eq!(p.terms.len(), result.terms.len());
    let b = &inputs.budget;
    let all = |f: fn(&TermEngagement) -> f64| p.terms.iter().map(f).sum::<f64>();
    assert!(
        all(|t| t.curriculum_mapping_hours) > 0.0 && all(|t| t.faculty_development_hours) > 0.0,
        "the sample maps credentials and develops its faculty"
    );
    for (fy, year) in result.budget.years.iter().enumerate() {
        let in_year = || p.terms.iter().zip(&result.terms);
        let in_year = in_year().filter(|(_, t)| t.fiscal_year_index as usize == fy);
        let (mapping, development) = in_year.fold((0.0, 0.0), |(m, d), (row, _)| {
            (
                m + row.curriculum_mapping_hours,
                d + row.faculty_development_hours,
            )
        });
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
        assert!(
            close(mapping * b.mapping_rate_per_hour, year.curriculum_mapping),
            "{}: mapping hours × rate is the budget's mapping cost",
            year.label
        );
        assert!(
            close(
                development * b.faculty_development_rate_per_hour,
                year.faculty_development
            ),
            "{}: development hours × rate is the budget's development cost",
            year.label
        );
    }
}

fn field_of(errors: &crate::ValidationErrors, field: &str) -> String {
    errors
        .0
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
        .unwrap_or_else(|| panic!("expected a problem at {field}, got {errors:?}"))
}

#[test]
fn out_of_bounds_entries_are_named_at_their_field() {
    let (terms, _) = calendar();
    let mut e = engagement();
    e.targets[0].share_pct = 120.0;
    e.departments[0].faculty_count = 500;
    e.departments[1].champions[0].name = " ".to_owned();
    e.sessions[0].term = 3;
    e.sessions[1].hours_per_participant = f64::NAN;
    e.sessions[2].capacity = 0;
    e.hours_per_engaged_member_per_term = -1.0;
    let errors = e.validate(400, &terms).expect_err("invalid");
    assert_eq!(
        field_of(&errors, "targets.0.sharePct"),
        "The share of faculty engaged from Summer 2027 must be 0 to 100 %, not 120"
    );
    assert_eq!(
        field_of(&errors, "departments.0.facultyCount"),
        "The Business department counts 500 faculty, more than the profile's headcount of 400"
    );
    assert_eq!(
        field_of(&errors, "departments.1.champions.0.name"),
        "The Engineering department: the name of champion 1 cannot be empty"
    );
    assert!(
        field_of(&errors, "sessions.0.term").contains("“Credit mapping workshop” is set in term 4")
    );
    assert!(field_of(&errors, "sessions.1.hoursPerParticipant").contains("Assessment design"));
    assert!(field_of(&errors, "sessions.2.capacity").contains("not 0"));
    assert!(field_of(&errors, "hoursPerEngagedMemberPerTerm").contains("not -1"));
    assert_eq!(errors.0.len(), 7, "one problem per bad entry: {errors:?}");
}

#[test]
fn a_name_with_a_hidden_character_is_refused() {
    let (terms, _) = calendar();
    let mut e = engagement();
    e.sessions[1].title = "Assessment\u{202E}design".to_owned();
    let errors = e
        .validate(400, &terms)
        .expect_err("a right-to-left override");
    assert!(
        field_of(&errors, "sessions.1.title")
            .starts_with("The title of training session 2 contains a hidden character (U+202E)"),
        "{errors:?}"
    );
}

#[test]
fn departments_together_cannot_outnumber_the_faculty() {
    let (terms, _) = calendar();
    let e = engagement();
    // 120 + 90 = 210 fit in 400, not in 200 (each alone fits).
    assert!(e.validate(400, &terms).is_ok());
    let errors = e.validate(200, &terms).expect_err("210 > 200");
    assert_eq!(
        field_of(&errors, "departments"),
        "The departments count 210 faculty in all; the profile's faculty headcount is 200"
    );
    let mut twice = engagement();
    twice.targets[0].term = 0;
    let errors = twice
        .validate(400, &terms)
        .expect_err("two targets for Fall");
    assert_eq!(
        field_of(&errors, "targets.1.term"),
        "Fall 2026 has two engagement targets; keep one"
    );
}

fn valid_engagement(headcount: u32) -> impl Strategy<Value = FacultyEngagement> {
    let cap = headcount.max(1);
    (
        prop::collection::vec((0u32..3, 0.5f64..=MAX_SESSION_HOURS, 1u32..=cap), 0..6),
        prop::collection::vec((0u32..3, 0.0f64..=100.0), 0..4),
        0.0f64..=MAX_HOURS_PER_TERM,
    )
        .prop_map(|(sessions, targets, each)| {
            let mut seen = Vec::new();
            FacultyEngagement {
                departments: Vec::new(),
                sessions: sessions
                    .into_iter()
                    .map(|(term, hours, capacity)| session("Workshop", term, hours, capacity))
                    .collect(),
                targets: targets
                    .into_iter()
                    .filter(|(term, _)| {
                        let new = !seen.contains(term);
                        seen.push(*term);
                        new
                    })
                    .map(|(term, share_pct)| EngagementTarget { term, share_pct })
                    .collect(),
                hours_per_engaged_member_per_term: each,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn engaged_never_exceeds_the_headcount_and_hours_stay_finite(
        headcount in 1u32..=200_000,
        e in valid_engagement(200_000),
        launches in prop::collection::vec(0u32..3, 0..50),
        mapping in 0.0f64..=100_000.0,
        development in 0.0f64..=10_000_000.0,
    ) {
        let (terms, fiscal) = calendar();
        let mut e = e;
        for s in &mut e.sessions {
            s.capacity = s.capacity.min(headcount);
        }
        prop_assert!(e.validate(headcount, &terms).is_ok());
        let budget = BudgetInputs {
            mapping_hours_per_credential: mapping,
            faculty_development_hours_per_year: development,
            ..BudgetInputs::default()
        };
        let p = engagement_by_term(&e, headcount, &budget, &launches, &terms, &fiscal);
        for t in &p.terms {
            prop_assert!(t.faculty_engaged <= headcount, "{} engaged of {headcount}", t.faculty_engaged);
            for h in [t.training_hours, t.curriculum_mapping_hours, t.faculty_development_hours,
                      t.hours_needed, t.hours_available] {
                prop_assert!(h.is_finite() && h >= 0.0, "hours {h} in {}", t.term);
            }
            prop_assert_eq!(t.over_capacity, t.hours_needed > t.hours_available);
        }
    }
}
