use super::*;
use crate::sample_plan;
use crate::workplan::Risk;

fn lines(comparison: &PlanComparison) -> Vec<String> {
    comparison
        .sections()
        .into_iter()
        .flat_map(|(heading, lines)| lines.into_iter().map(move |l| format!("{heading} | {l}")))
        .collect()
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    let plan = sample_plan();
    let same = compare(&plan, &plan);
    assert!(same.is_empty(), "{:?}", lines(&same));
    assert!(same.sections().is_empty());
}

#[test]
fn a_higher_target_uptake_is_named_with_the_figures_it_moves() {
    let before = sample_plan();
    let mut after = before.clone();
    let rollout = after.rollout.as_mut().expect("the sample has a rollout");
    rollout.uptake.target_rate_pct = 3.5;
    let changes = compare(&before, &after);
    assert_eq!(
        changes.inputs,
        vec![ValueChange {
            what: "Target uptake per term".to_owned(),
            before: Shown::Percent { value: 2.5 },
            after: Shown::Percent { value: 3.5 },
            difference: None,
        }],
        "only the one input changed, a rate the window writes its reader's way"
    );
    assert_eq!(
        changes.inputs[0].line(),
        "Target uptake per term: 2.5% → 3.5%"
    );
    let moved: Vec<&str> = changes.figures.iter().map(|c| c.what.as_str()).collect();
    for figure in ["Enrolments", "Completions", "Credits awarded", "Total cost"] {
        assert!(
            moved.contains(&figure),
            "{figure} moves with uptake: {moved:?}"
        );
    }
    assert!(
        !moved.contains(&"Plan ends"),
        "the plan's end does not move with uptake: {moved:?}"
    );
    let enrolments = &changes.figures[0];
    let number = |s: &Shown| s.text().replace(',', "").parse::<f64>().expect("a count");
    assert!(
        number(&enrolments.after) > number(&enrolments.before),
        "more enrolments: {enrolments:?}"
    );
    assert_eq!(
        enrolments.difference.as_ref().map(Difference::text),
        Some(format!(
            "+{}",
            crate::format::count(number(&enrolments.after) - number(&enrolments.before))
        )),
        "the difference is the printed figures subtracted"
    );
    assert_eq!(
        changes.inputs[0].difference, None,
        "an input shows before and after only"
    );
    assert!(changes.credentials.is_empty() && changes.tasks.is_empty() && changes.risks.is_empty());
}

#[test]
fn credentials_tasks_and_risks_added_removed_and_changed_are_listed() {
    let before = sample_plan();
    let mut after = before.clone();
    let rollout = after.rollout.as_mut().expect("rollout");
    let dropped = rollout.credentials.remove(0).title;
    rollout.credentials[0].launch_term = 5;
    let moved = rollout.credentials[0].title.clone();
    let mut added = rollout.credentials[1].clone();
    added.title = "Regional Welding Certificate".to_owned();
    rollout.credentials.push(added);
    after.work_plan.tasks[0].duration_weeks += 4;
    let longer = after.work_plan.tasks[0].title.clone();
    after.risks.push(Risk {
        title: "The registrar's system upgrade slips".to_owned(),
        ..before.risks[0].clone()
    });
    after.risks[0].likelihood = 2;
    let changes = compare(&before, &after);
    let credentials: Vec<String> = changes.credentials.iter().map(ItemChange::line).collect();
    assert_eq!(
        credentials,
        vec![
            format!("Removed: {dropped}"),
            format!("Changed: {moved} (Launch term: 4 → 6)"),
            "Added: Regional Welding Certificate".to_owned(),
        ]
    );
    assert_eq!(
        changes
            .tasks
            .iter()
            .map(ItemChange::line)
            .collect::<Vec<_>>(),
        vec![format!("Changed: {longer} (Weeks: 6 → 10)")]
    );
    let risks: Vec<String> = changes.risks.iter().map(ItemChange::line).collect();
    assert_eq!(risks.len(), 2, "{risks:?}");
    assert!(
        risks[0].starts_with("Changed: Money and staff time")
            && risks[0].ends_with("(Likelihood: 4 of 5 → 2 of 5)"),
        "{risks:?}"
    );
    assert_eq!(risks[1], "Added: The registrar's system upgrade slips");
}

/// The window formats a detail's number the reader's way, as it does every figure: a German
/// reader sees 1.500 students, not 1,500. Names stay words.
#[test]
fn an_item_s_numbers_are_numbers_and_its_names_words() {
    let before = sample_plan();
    let mut after = before.clone();
    let credential = &mut after.rollout.as_mut().expect("rollout").credentials[0];
    credential.learning_hours += 1_000.5;
    credential.target_programs[0].enrolment += 1_500;
    credential.provider.name = "Coursera".to_owned();
    let changes = compare(&before, &after);
    let details = &changes.credentials[0].details;
    let detail = |what: &str| {
        details
            .iter()
            .find(|d| d.what == what)
            .unwrap_or_else(|| panic!("{what} in {details:?}"))
    };
    let hours = detail("Learning hours");
    assert!(
        matches!(hours.after, Shown::Decimal { value } if value > 1_000.0),
        "{hours:?}"
    );
    let students = detail("Students in the target programs");
    let (Shown::Count { value: was }, Shown::Count { value: now }) =
        (&students.before, &students.after)
    else {
        panic!("students are counts: {students:?}");
    };
    assert_eq!(now - was, 1_500.0);
    assert_eq!(
        students.after.text(),
        crate::format_count(*now as u64),
        "the CLI and the PDF print it grouped, as before"
    );
    assert_eq!(detail("Provider").after, Shown::words("Coursera"));
}

#[test]
fn a_later_start_moves_the_end_date_and_every_milestone() {
    let before = sample_plan();
    let mut after = before.clone();
    let rollout = after.rollout.as_mut().expect("rollout");
    rollout.start_date = chrono::NaiveDate::from_ymd_opt(2027, 9, 1).expect("a date");
    let changes = compare(&before, &after);
    assert_eq!(changes.inputs.len(), 1, "{:?}", changes.inputs);
    assert_eq!(
        changes.inputs[0].line(),
        "Rollout starts: 1 September 2026 → 1 September 2027"
    );
    let ends = changes
        .figures
        .iter()
        .find(|c| c.what == "Plan ends")
        .expect("the end moves");
    assert_eq!(
        (ends.before.text().as_str(), ends.after.text().as_str()),
        ("31 August 2031", "31 August 2032")
    );
    assert_eq!(
        ends.before,
        Shown::Date {
            date: "2031-08-31".to_owned()
        },
        "a date the window writes its reader's way"
    );
    assert_eq!(
        ends.difference.as_ref().map(Difference::text).as_deref(),
        Some("1 year later")
    );
    let milestones = changes
        .figures
        .iter()
        .filter(|c| c.what.ends_with("” falls on"))
        .count();
    assert!(
        milestones >= 3,
        "the phase gates and milestones move: {:?}",
        changes.figures
    );
    let tasks_moved = changes
        .figures
        .iter()
        .any(|c| c.what == "“First credit awarded” falls on");
    assert!(tasks_moved, "{:?}", changes.figures);
}

#[test]
fn a_dependency_added_is_a_change_of_what_the_task_waits_on() {
    let before = sample_plan();
    let mut after = before.clone();
    let deps = &mut after.work_plan.dependencies;
    let index = deps
        .iter()
        .position(|d| d.successor == "task_13")
        .expect("task 13 waits");
    deps.remove(index);
    let changes = compare(&before, &after);
    let lines: Vec<String> = changes.tasks.iter().map(ItemChange::line).collect();
    assert_eq!(
        lines,
        vec![
            "Changed: Train advisors on stackable pathways (Waits on: Prepare phase gate: the pilot begins → nothing)"
        ]
    );
}

#[test]
fn setting_the_rollout_up_is_one_input_and_gives_every_figure() {
    let after = sample_plan();
    let before = Plan {
        rollout: None,
        kpis: Vec::new(),
        ..after.clone()
    };
    let changes = compare(&before, &after);
    assert_eq!(
        changes.inputs[0].line(),
        "Rollout model: not set up → set up"
    );
    assert!(
        changes
            .figures
            .iter()
            .all(|c| c.before == Shown::words("none")),
        "{:?}",
        changes.figures
    );
    assert_eq!(
        changes.credentials.len(),
        after.rollout.as_ref().expect("rollout").credentials.len()
    );
    assert!(
        changes
            .credentials
            .iter()
            .all(|c| c.change == ChangeKind::Added)
    );
}
