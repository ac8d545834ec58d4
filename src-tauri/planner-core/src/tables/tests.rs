use super::*;
use crate::plan::{Plan, StoredPlan};
use crate::sample_plan;

fn detail_of(plan: Plan) -> PlanDetail {
    StoredPlan {
        id: 1,
        plan,
        revision: 1,
        created_at: "2026-11-01T00:00:00Z".to_owned(),
        updated_at: "2026-11-01T00:00:00Z".to_owned(),
    }
    .detail()
}

/// The file's lines after the mark, split on CRLF (the sample's cells hold no line breaks).
fn lines(text: &str) -> Vec<&str> {
    let body = text
        .strip_prefix(BOM)
        .expect("every file opens with the byte-order mark");
    assert!(body.ends_with("\r\n"), "the last row ends with CRLF too");
    body.trim_end_matches("\r\n").split("\r\n").collect()
}

fn table(plan: Plan, table: CsvTable) -> String {
    table_csv(&detail_of(plan), table).expect("the sample plan has every table")
}

#[test]
fn uptake_has_one_row_per_term_with_the_model_figures() {
    let detail = detail_of(sample_plan());
    let text = table_csv(&detail, CsvTable::Uptake).expect("uptake");
    let lines = lines(&text);
    assert_eq!(
        lines[0],
        "Term,Starts,Ends,Share of the term in the plan,Academic year,Fiscal year,Phase,\
         Enrolments,Completions,Courses completed,Credits awarded"
    );
    let RolloutStatus::Projected { result } = &detail.projection else {
        panic!("the sample plan is projected")
    };
    assert_eq!(
        lines.len(),
        1 + result.terms.len(),
        "a header and one row per term"
    );
    // The sample starts on 1 September 2026, a week after Fall begins: the first term is cut
    // by the plan's start.
    let first = &result.terms[0];
    let figures = &result.uptake.by_term[0];
    assert!(
        lines[1].starts_with("Fall 2026,2026-09-01,2027-01-11,0.95,"),
        "{}",
        lines[1]
    );
    let expected = format!(
        "{},2026-09-01,{},{},{},{},{},{},{},{},{}",
        first.label(),
        first.end,
        csv_number(first.share_in_plan, 4),
        first.academic_year,
        first.fiscal_year,
        first.phase.label(),
        csv_number(figures.enrolments, 2),
        csv_number(figures.completions, 2),
        csv_number(figures.course_completions, 2),
        csv_number(figures.credits_awarded, 2),
    );
    assert_eq!(lines[1], expected);
    let enrolments: f64 = lines[1..]
        .iter()
        .map(|l| {
            l.split(',')
                .nth(7)
                .expect("present")
                .parse::<f64>()
                .expect("a number")
        })
        .sum();
    assert!(
        (enrolments - result.uptake.totals.enrolments).abs() < 0.01 * result.terms.len() as f64,
        "the column sums to the plan's {} enrolments (within rounding), got {enrolments}",
        result.uptake.totals.enrolments
    );
}

/// `value` as the file writes it, worked out independently of `csv.rs`.
fn csv_number(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[test]
fn budget_rows_carry_the_currency_in_the_header_and_negative_nets_as_numbers() {
    let text = table(sample_plan(), CsvTable::Budget);
    let lines = lines(&text);
    assert!(
        lines[0].starts_with(
            "Fiscal year,Starts,Ends,Share of the year in the plan,Enrolments,Completions,\
             Licences (USD),"
        ),
        "header: {}",
        lines[0]
    );
    assert!(lines[0].ends_with(",Cumulative net benefit (USD)"));
    // The sample starts on 1 September 2026, the first day of its fiscal year: FY2027 is
    // wholly inside the plan.
    assert!(
        lines[1].starts_with("FY2027,2026-09-01,2027-08-31,1,"),
        "{}",
        lines[1]
    );
    let cells: Vec<f64> = lines[1]
        .split(',')
        .skip(4)
        .map(|c| c.parse().expect("a number"))
        .collect();
    let [
        enrolments,
        _,
        licences,
        mapping,
        faculty,
        staff,
        marketing,
        technology,
        cost,
    ] = cells[..9]
    else {
        unreachable!()
    };
    let [retention, additional, grants, benefit, net] = cells[9..14] else {
        unreachable!()
    };
    assert!(
        (licences - enrolments * 100.0).abs() < 0.01,
        "licences = enrolments × $100"
    );
    let parts = licences + mapping + faculty + staff + marketing + technology;
    assert!(
        (cost - parts).abs() < 0.01,
        "total cost {cost} is its parts, {parts}"
    );
    assert!((benefit - (retention + additional + grants)).abs() < 0.01);
    assert!((net - (benefit - cost)).abs() < 0.01);
    assert!(
        net < 0.0,
        "the first year is a net cost, written as a negative number: {net}"
    );
}

#[test]
fn schedule_names_dates_in_iso_and_what_each_task_waits_on() {
    let detail = detail_of(sample_plan());
    let text = table_csv(&detail, CsvTable::Schedule).expect("schedule");
    let lines = lines(&text);
    assert_eq!(
        lines[0],
        "Task,Owner,Kind,Starts,Ends,Working weeks,Slack in working days,Critical,\
         Ends after its phase's gate,Waits on"
    );
    let plan = &detail.stored.plan.work_plan;
    assert_eq!(lines.len(), 1 + plan.tasks.len());
    let dependency = &plan.dependencies[0];
    let row = plan
        .tasks
        .iter()
        .position(|t| t.id == dependency.successor)
        .expect("present");
    let predecessor = plan
        .tasks
        .iter()
        .find(|t| t.id == dependency.predecessor)
        .expect("present");
    assert!(
        lines[1 + row].contains(&predecessor.title),
        "row {row} names the task it waits on, “{}”: {}",
        predecessor.title,
        lines[1 + row]
    );
    let fields: Vec<&str> = lines[1].split(',').collect();
    assert!(
        chrono::NaiveDate::parse_from_str(fields[3], "%Y-%m-%d").is_ok(),
        "start date is ISO: {}",
        fields[3]
    );
}

#[test]
fn risks_and_kpis_have_their_headers_and_a_row_each() {
    let mut plan = sample_plan();
    plan.risks.truncate(1);
    plan.risks[0].title = "Faculty, stretched".to_owned();
    plan.risks[0].likelihood = 4;
    plan.risks[0].impact = 3;
    plan.risks[0].mitigation = "Release time".to_owned();
    plan.risks[0].owner_role = "Provost".to_owned();
    let text = table(plan.clone(), CsvTable::Risks);
    assert_eq!(
        lines(&text),
        [
            "Risk,Likelihood (1–5),Likelihood,Impact (1–5),Impact,Rating (likelihood × impact),\
             Band,Mitigation,Owner",
            "\"Faculty, stretched\",4,Likely,3,Serious,12,High,Release time,Provost",
        ]
    );
    let text = table(plan, CsvTable::Kpis);
    let lines = lines(&text);
    assert!(
        lines[0].starts_with("KPI,Unit,Targets set by,Baseline,Target FY2027,Target FY2028,"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 7, "a header and the six KPIs");
    assert!(lines[1].starts_with("Enrolments,"), "{}", lines[1]);
}

#[test]
fn a_formula_in_a_task_title_is_written_as_text() {
    let mut plan = sample_plan();
    plan.work_plan.tasks[0].title = "=cmd|' /C calc'!A0".to_owned();
    plan.work_plan.tasks[1].title = "-1+2".to_owned();
    let text = table(plan, CsvTable::Schedule);
    let lines = lines(&text);
    assert!(lines[1].starts_with("'=cmd|' /C calc'!A0,"), "{}", lines[1]);
    assert!(lines[2].starts_with("'-1+2,"), "{}", lines[2]);
}

#[test]
fn titles_in_any_script_are_written_as_typed() {
    let mut plan = sample_plan();
    plan.work_plan.tasks[0].title = "Zatwierdzenie przez senat — Łódź, 東京".to_owned();
    plan.work_plan.tasks[1].title = "اعتماد المجلس".to_owned();
    let text = table(plan, CsvTable::Schedule);
    let lines = lines(&text);
    assert!(lines[1].starts_with("\"Zatwierdzenie przez senat — Łódź, 東京\","));
    assert!(lines[2].starts_with("اعتماد المجلس,"));
}

#[test]
fn a_plan_without_a_rollout_has_no_uptake_or_schedule_but_has_risks() {
    let mut plan = sample_plan();
    plan.rollout = None;
    let detail = detail_of(plan);
    assert_eq!(
        table_csv(&detail, CsvTable::Uptake)
            .expect_err("refused")
            .to_string(),
        "This plan has no uptake projection yet: set the rollout up first"
    );
    assert!(table_csv(&detail, CsvTable::Schedule).is_err());
    assert!(table_csv(&detail, CsvTable::Risks).is_ok());
}

#[test]
fn table_keys_parse_as_typed() {
    for table in CsvTable::ALL {
        assert_eq!(CsvTable::parse(table.key()), Some(table));
    }
    assert_eq!(CsvTable::parse(" Budget "), Some(CsvTable::Budget));
    assert_eq!(CsvTable::parse("costs"), None);
}
