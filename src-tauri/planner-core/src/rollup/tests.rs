use chrono::NaiveDate;

use super::*;
use crate::plan::{Plan, StoredPlan};
use crate::sample_plan;
use crate::tables::BOM;

fn detail(id: PlanId, plan: Plan) -> PlanDetail {
    StoredPlan {
        id,
        plan,
        revision: 1,
        created_at: "2026-11-01T00:00:00Z".to_owned(),
        updated_at: "2026-11-01T00:00:00Z".to_owned(),
    }
    .detail()
}

/// The sample plan as another campus, starting on `start` for `years` years.
fn campus(name: &str, start: (i32, u32, u32), years: u8) -> Plan {
    let mut plan = sample_plan();
    plan.profile.name = name.to_owned();
    let rollout = plan.rollout.as_mut().expect("the sample has a rollout");
    rollout.start_date = NaiveDate::from_ymd_opt(start.0, start.1, start.2).expect("a date");
    rollout.horizon_years = years;
    plan
}

fn result(detail: &PlanDetail) -> &RolloutResult {
    match &detail.projection {
        RolloutStatus::Projected { result } => result,
        _ => panic!("{} is projected", detail.stored.plan.profile.name),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn two_identical_campuses_add_up_to_twice_one() {
    let one = detail(1, sample_plan());
    let rollup = roll_up(&[one.clone(), detail(2, sample_plan())]).expect("rolls up");
    let budget = &result(&one).budget;
    assert_eq!(
        rollup.years.len(),
        budget.years.len(),
        "the same fiscal years"
    );
    for (row, year) in rollup.years.iter().zip(&budget.years) {
        assert_eq!(row.label, year.label);
        assert!(
            close(row.total.enrolments, 2.0 * year.enrolments),
            "{}",
            row.label
        );
        assert!(close(
            row.total.cost.expect("one currency"),
            2.0 * year.cost
        ));
        assert!(close(
            row.total.benefit.expect("one currency"),
            2.0 * year.benefit
        ));
    }
    assert!(close(
        rollup.total.cost.expect("USD"),
        2.0 * budget.total_cost
    ));
    let credits = result(&one).uptake.totals.credits_awarded;
    assert!(
        close(
            rollup.total.credits_awarded.expect("one credit system"),
            2.0 * credits
        ),
        "credits split by fiscal year still add up to the plan's {credits}"
    );
    assert_eq!(rollup.currency.as_deref(), Some("USD"));
    assert!(rollup.notes.contains(&"Amounts are in USD.".to_owned()));
}

#[test]
fn plans_starting_in_different_years_are_aligned_by_fiscal_year() {
    // The sample's fiscal year starts in September. Campus A runs FY2027–FY2031; campus B
    // starts a year later, FY2028–FY2032.
    let a = detail(1, campus("A", (2026, 9, 1), 5));
    let b = detail(2, campus("B", (2027, 9, 1), 5));
    let rollup = roll_up(&[a.clone(), b.clone()]).expect("rolls up");
    assert!(
        rollup.campuses.iter().all(|c| c.headline.is_some()),
        "both are counted"
    );
    let labels: Vec<&str> = rollup.years.iter().map(|y| y.label.as_str()).collect();
    assert_eq!(
        labels,
        ["FY2027", "FY2028", "FY2029", "FY2030", "FY2031", "FY2032"]
    );
    let first = &rollup.years[0];
    assert!(first.partly_covered, "B does not reach FY2027");
    assert_eq!(first.campuses[1].figures, None);
    assert!(close(
        first.total.cost.expect("USD"),
        result(&a).budget.years[0].cost
    ));
    let second = &rollup.years[1];
    assert!(!second.partly_covered, "both plans hold all of FY2028");
    let expected = result(&a).budget.years[1].cost + result(&b).budget.years[0].cost;
    assert!(
        close(second.total.cost.expect("USD"), expected),
        "A's second year + B's first"
    );
    assert!(
        rollup
            .notes
            .iter()
            .any(|n| n.starts_with("Partly covered: FY2027, FY2032.")),
        "{:?}",
        rollup.notes
    );
}

#[test]
fn a_plan_starting_inside_a_year_covers_part_of_it() {
    // Starting on 1 March, B holds March to August of FY2027: 184 of its 365 days.
    let a = detail(1, campus("A", (2026, 9, 1), 5));
    let b = detail(2, campus("B", (2027, 3, 1), 5));
    let rollup = roll_up(&[a, b]).expect("rolls up");
    let share = rollup.years[0].campuses[1].share_in_plan;
    assert!(close(share, 184.0 / 365.0), "B's share of FY2027: {share}");
    assert!(rollup.years[0].partly_covered);
}

#[test]
fn different_currencies_or_credit_systems_are_shown_but_not_added() {
    let mut euro = campus("Łódź", (2026, 9, 1), 5);
    euro.profile.currency = "EUR".to_owned();
    euro.profile.credit_system = crate::CreditSystem::Ects;
    let rollup = roll_up(&[detail(1, sample_plan()), detail(2, euro)]).expect("rolls up");
    assert_eq!(rollup.currency, None);
    assert_eq!(rollup.credit_unit, None);
    assert_eq!(rollup.total.cost, None, "no total of dollars and euros");
    assert_eq!(rollup.total.credits_awarded, None);
    assert!(
        rollup.total.enrolments > 0.0,
        "enrolments still add up: people are people"
    );
    let own = rollup.campuses[1].headline.as_ref().expect("counted");
    assert!(
        own.totals.cost.is_some(),
        "each campus keeps its own amounts"
    );
    assert!(
        rollup
            .notes
            .iter()
            .any(|n| n.contains("money in different currencies")
                && n.contains("(Lakeshore State University System: USD; Łódź: EUR)")
                && n.contains(": EUR")),
        "{:?}",
        rollup.notes
    );
}

#[test]
fn a_plan_without_a_rollout_is_listed_with_its_challenges_but_not_counted() {
    let mut bare = sample_plan();
    bare.rollout = None;
    bare.profile.name = "North Campus".to_owned();
    let rollup = roll_up(&[detail(1, sample_plan()), detail(2, bare)]).expect("rolls up");
    let north = &rollup.campuses[1];
    assert_eq!(north.headline, None);
    assert_eq!(north.top_challenges.len(), 3, "its three weakest areas");
    assert!(rollup.years.iter().all(|y| y.campuses[1].figures.is_none()));
    assert!(
        rollup
            .notes
            .iter()
            .any(|n| n.starts_with("North Campus is listed")
                && n.ends_with("adds nothing to the totals: its rollout is not set up yet.")),
        "{:?}",
        rollup.notes
    );
}

#[test]
fn top_challenges_are_the_three_weakest_areas_weakest_first() {
    let one = detail(1, sample_plan());
    let rollup = roll_up(&[one.clone(), detail(2, sample_plan())]).expect("rolls up");
    let weakest: Vec<String> = one.assessment_result.ranking[..3]
        .iter()
        .map(|key| {
            let area = one.assessment_result.areas.iter().find(|a| a.area == *key);
            area.expect("ranked area").title.clone()
        })
        .collect();
    assert_eq!(rollup.campuses[0].top_challenges, weakest);
}

#[test]
fn too_few_or_repeated_plans_are_refused() {
    let one = detail(1, sample_plan());
    assert_eq!(
        roll_up(std::slice::from_ref(&one))
            .expect_err("one plan")
            .to_string(),
        "A roll-up needs two plans or more; 1 given"
    );
    assert_eq!(
        roll_up(&[one.clone(), one]).expect_err("twice").to_string(),
        "Plan number 1 is given twice"
    );
}

#[test]
fn the_csv_has_a_row_per_campus_and_year_then_the_totals() {
    let a = detail(1, campus("A", (2026, 9, 1), 5));
    let b = detail(2, campus("B, East", (2027, 9, 1), 5));
    let rollup = roll_up(&[a, b]).expect("rolls up");
    let text = rollup_csv(&rollup);
    let body = text.strip_prefix(BOM).expect("marked UTF-8");
    let lines: Vec<&str> = body.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Fiscal year,Institution,Plan,Share of the year in the plan,Enrolments,Completions,\
         Credits awarded,Credit,Cost,Benefit,Net benefit,Currency"
    );
    // FY2027: A, all; FY2028–FY2031: A, B, all; FY2032: B, all; then A, B and all over all
    // years.
    assert_eq!(lines.len(), 1 + 2 + 4 * 3 + 2 + 3);
    assert!(lines[1].starts_with("FY2027,A,"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("FY2027,All campuses,,,"),
        "{}",
        lines[2]
    );
    assert!(lines[4].starts_with("FY2028,\"B, East\","), "{}", lines[4]);
    let last = lines.last().expect("the grand total");
    let cost = rollup.total.cost.expect("USD");
    assert!(last.starts_with("All years,All campuses,,,"), "{last}");
    assert!(last.ends_with(",USD"), "{last}");
    assert!(last.contains(&format!("{cost:.2}").trim_end_matches('0').to_owned()));
}
