//! Invariants of the model over random valid plans: totals are the sums of their parts,
//! uptake stays within the eligible students, nothing is NaN or infinite, money that cannot be
//! negative is not, terms are ordered without overlap and fiscal years are contiguous.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::calendar::{AcademicCalendar, CalendarSystem, TermStart};
use crate::credit::CreditSystem;
use crate::profile::Stage;

fn profile() -> impl Strategy<Value = InstitutionProfile> {
    (
        prop::sample::subsequence((1..=12u8).collect::<Vec<_>>(), 2..=4),
        prop::collection::vec(1..=28u8, 4),
        1..=12u8,
        prop::sample::select(CreditSystem::ALL.to_vec()),
        50_000..=400_000u32,
        0..3usize,
    )
        .prop_map(|(months, days, fiscal, credit, enrolment, rotate)| {
            let mut terms: Vec<TermStart> = months
                .iter()
                .zip(days)
                .enumerate()
                .map(|(i, (month, day))| TermStart {
                    name: format!("Term {i}"),
                    month: *month,
                    day,
                })
                .collect();
            // The academic year may begin with any of its terms.
            let by = rotate % terms.len();
            terms.rotate_left(by);
            InstitutionProfile {
                calendar: AcademicCalendar {
                    system: CalendarSystem::Quarter,
                    terms,
                },
                fiscal_year_start_month: fiscal,
                credit_system: credit,
                custom_hours_per_credit: Some(32.0),
                ..InstitutionProfile::new("Property U", enrolment, Stage::Offering)
            }
        })
}

fn credential(launch: u32, hours: f64, credit: f64, programs: Vec<u32>) -> Credential {
    let mut c = sample_rollout().credentials.remove(0);
    c.launch_term = launch;
    c.learning_hours = hours;
    c.home_credit.amount = credit;
    c.target_programs = programs
        .into_iter()
        .enumerate()
        .map(|(i, enrolment)| TargetProgram {
            name: format!("Program {i}"),
            enrolment,
            years_to_degree: None,
        })
        .collect();
    c
}

prop_compose! {
    /// A random valid plan (its profile and rollout).
    pub(super) fn plan()(
        profile in profile(),
        start_days in 0..(40 * 365i64),
        horizon in 1..=10u8,
        phase_cuts in prop::collection::vec(0.0..1.0f64, 3),
        launches in prop::collection::vec((0.0..1.0f64, 1.0..400.0f64, 0.0..12.0f64,
            prop::collection::vec(0..=10_000u32, 1..4)), 0..7),
        rates in (0.0..=100.0f64, 0.0..=100.0f64, 0.0..8.0f64, 0.05..4.0f64, 0.0..=100.0f64, 0.0..=100.0f64),
        pace in (prop::option::of(1.0..=10.0f64), 1..=50u32),
        money in prop::collection::vec(0.0..200_000.0f64, 11),
        uplift in 0.0..10.0f64,
        draws in 0..400u32,
        seed in any::<u32>(),
    ) -> (InstitutionProfile, RolloutInputs) {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(start_days as u64);
        let mut inputs = sample_rollout();
        inputs.start_date = start;
        inputs.horizon_years = horizon;
        let count = Model::new(&profile, &inputs).terms.len() as u32;
        let mut cuts: Vec<u32> = phase_cuts.iter().map(|c| (c * f64::from(count + 1)) as u32).collect();
        cuts.sort_unstable();
        inputs.phases.pilot_start_term = cuts[0].min(count.saturating_sub(1));
        inputs.phases.scale_start_term = cuts[1].max(inputs.phases.pilot_start_term);
        inputs.phases.sustain_start_term = cuts[2].max(inputs.phases.scale_start_term);
        let pilot = inputs.phases.pilot_start_term;
        inputs.credentials = launches
            .into_iter()
            .map(|(at, hours, credit, programs)| {
                let launch = pilot + (at * f64::from(count - pilot)) as u32;
                credential(launch.min(count - 1), hours, credit, programs)
            })
            .collect();
        let (a, b, midpoint, steepness, completion, partial) = rates;
        inputs.uptake = UptakeAssumptions {
            pilot_rate_pct: a.min(b),
            target_rate_pct: a.max(b),
            midpoint_terms: midpoint,
            steepness,
            completion_rate_pct: completion,
            non_completer_course_share_pct: partial,
            superseded_courses_per_learner: None,
        };
        let (years, courses) = pace;
        for c in &mut inputs.credentials {
            c.course_count = courses;
            for p in &mut c.target_programs {
                p.years_to_degree = years;
            }
        }
        let b = &mut inputs.budget;
        (b.licence_cost_per_learner, b.mapping_hours_per_credential, b.mapping_rate_per_hour) = (money[0] / 100.0, money[1] / 1_000.0, money[2] / 1_000.0);
        (b.faculty_development_hours_per_year, b.faculty_development_rate_per_hour) = (money[3] / 100.0, money[4] / 1_000.0);
        (b.staff_fte, b.salary_per_fte, b.marketing_per_year) = (money[5] / 10_000.0, money[6], money[7]);
        (b.technology_integration, b.net_tuition_per_student, b.additional_students_per_year) = (money[8], money[9] / 10.0, money[10] / 1_000.0);
        b.retention_uplift_pct_points = uplift;
        b.grants[0].fiscal_year_index = 0;
        inputs.uncertainty.draws = draws;
        inputs.uncertainty.seed = seed;
        (profile, inputs)
    }
}

fn sums_to(parts: impl IntoIterator<Item = f64>, total: f64) -> bool {
    let (sum, size) = parts
        .into_iter()
        .fold((0.0, 0.0), |(s, m), x| (s + x, m + x.abs()));
    (sum - total).abs() <= 1e-9 * size.max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn the_model_keeps_its_invariants((profile, inputs) in plan()) {
        let r = project(&profile, &inputs).map_err(|e| TestCaseError::fail(e.to_string()))?;

        // Nothing is NaN or infinite: serde_json writes those as null, which an f64 field
        // refuses to read back.
        let json = serde_json::to_value(&r).expect("serialises");
        prop_assert!(serde_json::from_value::<RolloutResult>(json).is_ok(), "a number is not finite");
        for x in [r.budget.cost_per_enrolment, r.budget.cost_per_completion].into_iter().flatten() {
            prop_assert!(x.is_finite() && x >= 0.0);
        }

        // Terms: in order, each ending the day before the next starts, from the plan's first
        // day to its last; one per term start a year, and one more when the plan cuts a term
        // at each end. Each counts for its share inside the plan, in (0, 1]; only the first
        // and last can be cut.
        let per_year = profile.calendar.terms.len();
        let whole = per_year * usize::from(inputs.horizon_years);
        prop_assert!(r.terms.len() == whole || r.terms.len() == whole + 1, "{} terms", r.terms.len());
        prop_assert_eq!(r.terms[0].start, inputs.start_date);
        prop_assert_eq!(r.terms.last().expect("terms").end, r.end_date);
        for (i, t) in r.terms.iter().enumerate() {
            prop_assert_eq!(t.index as usize, i);
            prop_assert!(t.start <= t.end);
            prop_assert!(t.share_in_plan > 0.0 && t.share_in_plan <= 1.0, "share {}", t.share_in_plan);
            if i > 0 && i + 1 < r.terms.len() {
                prop_assert_eq!(t.share_in_plan, 1.0, "a term inside the plan counts whole");
            }
            // Named after the fiscal year holding most of its days; its days split among them.
            let split = fiscal_split(t, &r.fiscal_years);
            prop_assert!(sums_to(split.iter().map(|(_, s)| *s), 1.0));
            let most = split.iter().map(|(_, s)| *s).fold(0.0, f64::max);
            prop_assert!(split.contains(&(t.fiscal_year_index as usize, most)), "term in its fiscal year");
        }
        for w in r.terms.windows(2) {
            prop_assert_eq!(w[0].end.succ_opt(), Some(w[1].start));
        }

        // Fiscal years: contiguous, covering the plan, shares within (0, 1].
        prop_assert!(r.fiscal_years[0].start <= inputs.start_date);
        prop_assert!(r.fiscal_years.last().expect("fiscal years").end >= r.end_date);
        for w in r.fiscal_years.windows(2) {
            prop_assert_eq!(w[0].end.succ_opt(), Some(w[1].start));
        }
        prop_assert!(r.fiscal_years.iter().all(|f| f.share_in_plan > 0.0 && f.share_in_plan <= 1.0));

        // Phases cover the terms once each, in order, and never run outside the plan.
        prop_assert_eq!(r.phases.iter().map(|p| p.term_count as usize).sum::<usize>(), r.terms.len());
        for p in &r.phases {
            prop_assert!(p.start.is_none_or(|d| d >= r.start_date), "{:?} starts before the plan", p.phase);
            prop_assert!(p.end.is_none_or(|d| d <= r.end_date), "{:?} ends after the plan", p.phase);
        }

        // Learners are people: completions ≤ enrolments ≤ those who could enrol, at every
        // rate up to 100 % a term; a completer completes every course and no one more; each
        // student counts once among the learners. Totals are sums of their parts.
        let u = &r.uptake;
        let tolerance = |x: f64| 1e-9 * x.abs().max(1.0);
        for c in &u.credentials {
            prop_assert!(c.totals.enrolments <= c.could_enrol + tolerance(c.could_enrol), "{} enrolments of {} who could", c.totals.enrolments, c.could_enrol);
            prop_assert!(c.totals.completions <= c.totals.enrolments + tolerance(c.totals.enrolments));
            let courses = f64::from(c.course_count);
            prop_assert!(c.totals.course_completions >= c.totals.completions * courses - tolerance(c.totals.course_completions));
            prop_assert!(c.totals.course_completions <= c.totals.enrolments * courses + tolerance(c.totals.course_completions));
            for t in &c.terms {
                prop_assert!(t.totals.enrolments >= 0.0 && t.totals.enrolments <= c.eligible + tolerance(c.eligible));
                prop_assert!(t.totals.completions <= t.totals.enrolments + 1e-9 && t.totals.completions >= 0.0);
                prop_assert!((0.0..=100.0).contains(&t.rate_pct));
            }
            prop_assert!(sums_to(c.terms.iter().map(|t| t.totals.enrolments), c.totals.enrolments));
            prop_assert!(sums_to(c.terms.iter().map(|t| t.totals.credits_awarded), c.totals.credits_awarded));
        }
        prop_assert!(sums_to(u.credentials.iter().map(|c| c.totals.enrolments), u.totals.enrolments));
        prop_assert!(sums_to(u.by_term.iter().map(|t| t.enrolments), u.totals.enrolments));
        prop_assert!(sums_to(u.by_term.iter().map(|t| t.course_completions), u.totals.course_completions));
        prop_assert!(sums_to(u.credentials.iter().map(|c| c.totals.completions), u.totals.completions));
        prop_assert!(u.learners >= 0.0 && u.learners <= u.totals.enrolments + tolerance(u.totals.enrolments));
        if let Some(c) = &r.calibration {
            prop_assert!(c.projected_learners <= c.projected_enrolments + tolerance(c.projected_enrolments));
            prop_assert!(c.projected_learners <= u.learners + tolerance(u.learners));
        }

        // Budget: lines add up, money that cannot be negative is not, cumulative ends at total.
        let b = &r.budget;
        // Terms split across fiscal years lose and add nothing.
        prop_assert!(sums_to(b.years.iter().map(|y| y.enrolments), u.totals.enrolments));
        prop_assert!(sums_to(b.years.iter().map(|y| y.completions), u.totals.completions));
        let licence = inputs.budget.licence_cost_per_learner;
        prop_assert!(sums_to(b.years.iter().map(|y| y.licences), u.totals.enrolments * licence));
        for y in &b.years {
            let costs = [y.licences, y.curriculum_mapping, y.faculty_development, y.staff, y.marketing, y.technology_integration];
            let benefits = [y.retention_benefit, y.additional_enrolment_benefit, y.grants];
            prop_assert!(costs.iter().chain(&benefits).all(|x| *x >= 0.0));
            prop_assert!(sums_to(costs, y.cost) && sums_to(benefits, y.benefit));
            prop_assert!(y.cumulative_cost >= 0.0 && y.cumulative_benefit >= 0.0);
        }
        prop_assert!(sums_to(b.years.iter().map(|y| y.cost), b.total_cost));
        prop_assert!(sums_to(b.years.iter().map(|y| y.benefit), b.total_benefit));
        prop_assert_eq!(b.years.last().map(|y| y.cumulative_cost), Some(b.total_cost));
        // Payback: never before the fiscal year of the first launch, and the first year from
        // then on whose cumulative benefit reaches the cost.
        let first_launch = inputs.credentials.iter().map(|c| c.launch_term).min()
            .map(|t| r.terms[t as usize].fiscal_year_index as usize);
        match (b.payback_year_index, first_launch) {
            (Some(i), Some(first)) => {
                let y = &b.years[i as usize];
                prop_assert!(i as usize >= first, "payback before the first launch");
                prop_assert!(y.cumulative_benefit >= y.cumulative_cost);
                prop_assert!(b.years[first..i as usize].iter().all(|y| y.cumulative_benefit < y.cumulative_cost || y.cumulative_benefit == 0.0));
            }
            (Some(_), None) => prop_assert!(false, "payback without any launch"),
            (None, _) => prop_assert!(!b.payback_carried_by_grants),
        }

        // Scenarios: expected equals the projection; money not negative.
        prop_assert_eq!(r.scenarios[1].enrolments, u.totals.enrolments);
        prop_assert_eq!(r.scenarios[1].total_cost, b.total_cost);
        prop_assert!(r.scenarios.iter().all(|s| s.total_cost >= 0.0 && s.total_benefit >= 0.0 && s.enrolments >= 0.0));

        // Bands are ordered.
        if let Some(bands) = &r.uncertainty {
            for band in [bands.enrolments, bands.completions, bands.credits_awarded, bands.net_cost] {
                prop_assert!(band.p10 <= band.p50 && band.p50 <= band.p90);
            }
            // Payback: a later percentile is never earlier, and "not within the plan" is latest.
            let y = bands.payback_year;
            let late = |year: Option<u32>| year.unwrap_or(u32::MAX);
            prop_assert!(late(y.p10) <= late(y.p50) && late(y.p50) <= late(y.p90));
            prop_assert!(y.paid_back <= bands.draws);
            prop_assert!(bands.enrolments.p10 >= 0.0);
        }
    }
}

/// Anywhere in `0..=max`, the ends included: the bounds are where overflow would start.
fn up_to(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(max), 0.0..=max]
}

prop_compose! {
    /// The sample plan with every budget input anywhere its bounds allow, the rates anywhere
    /// in 0–100 %, the programs as large as the institution and the longest horizon.
    fn bounded_plan()(
        licence in up_to(validate::MAX_PER_LEARNER),
        hours in (up_to(validate::MAX_HOURS_PER_CREDENTIAL), up_to(validate::MAX_HOURS_PER_YEAR)),
        rates in (up_to(validate::MAX_RATE_PER_HOUR), up_to(validate::MAX_RATE_PER_HOUR)),
        people in (up_to(validate::MAX_STAFF_FTE), up_to(validate::MAX_ADDITIONAL_STUDENTS)),
        money in (up_to(validate::MAX_TUITION), up_to(validate::MAX_TUITION), up_to(validate::MAX_AMOUNT), up_to(validate::MAX_AMOUNT), up_to(validate::MAX_AMOUNT)),
        uptake in (up_to(100.0), up_to(100.0), up_to(100.0), up_to(100.0)),
        enrolment in prop_oneof![Just(5_000_000u32), 1..=5_000_000u32],
        // The sample's Sustain phase starts in its twelfth term: four years at least.
        horizon in prop_oneof![Just(MAX_HORIZON_YEARS), 4..=MAX_HORIZON_YEARS],
    ) -> (InstitutionProfile, RolloutInputs) {
        let mut profile = crate::sample_plan().profile;
        profile.total_enrolment = enrolment;
        let mut inputs = sample_rollout();
        inputs.horizon_years = horizon;
        for c in &mut inputs.credentials {
            let share = enrolment / c.target_programs.len() as u32;
            for p in &mut c.target_programs {
                p.enrolment = share;
            }
        }
        let (pilot, target, completion, uplift) = uptake;
        inputs.uptake.pilot_rate_pct = pilot.min(target);
        inputs.uptake.target_rate_pct = pilot.max(target);
        inputs.uptake.completion_rate_pct = completion;
        inputs.uncertainty.draws = 200;
        let b = &mut inputs.budget;
        b.licence_cost_per_learner = licence;
        (b.mapping_hours_per_credential, b.faculty_development_hours_per_year) = hours;
        (b.mapping_rate_per_hour, b.faculty_development_rate_per_hour) = rates;
        (b.staff_fte, b.additional_students_per_year) = people;
        (b.salary_per_fte, b.net_tuition_per_student, b.marketing_per_year, b.technology_integration, b.grants[0].amount) = money;
        b.retention_uplift_pct_points = uplift;
        (profile, inputs)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever validation accepts, every figure is a finite number: no "USD 0" totals from an
    /// overflow, no null in the JSON, no NaN in the PDF.
    #[test]
    fn every_accepted_input_gives_finite_figures((profile, inputs) in bounded_plan()) {
        let r = project(&profile, &inputs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let json = serde_json::to_value(&r).expect("serialises");
        prop_assert!(serde_json::from_value::<RolloutResult>(json).is_ok(), "a number is not finite");
        prop_assert!(r.budget.total_cost.is_finite() && r.budget.total_benefit.is_finite());
    }
}
