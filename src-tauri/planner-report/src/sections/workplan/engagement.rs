//! Faculty engagement: the departments and their champions, the training sessions, and term by
//! term the faculty the plan means to engage against the headcount, and the faculty hours the
//! term needs against what they can give; the terms over capacity called out.

use planner_core::EngagementStatus;
use planner_core::format::{one_decimal, percent};
use planner_core::format_count;
use planner_core::rollout::RolloutResult;
use planner_core::workplan::{FacultyEngagement, TermEngagement, faculty_hours};

use crate::document::ReportDocument;
use crate::layout::{MM, TextStyle, styles};
use crate::sections::rollout::{NO_VALUE, plural, sentence};
use crate::sections::{bullet, introduction, key_figures, note_box, open_section, titled_table};
use crate::table::{Column, Table, titles};

pub(crate) const TITLE: &str = "Faculty engagement";
pub(crate) const DEPARTMENTS_TITLE: &str = "Departments and champions";
pub(crate) const SESSIONS_TITLE: &str = "Training sessions";
pub(crate) const TERMS_TITLE: &str = "Engagement and faculty hours by term";
pub(crate) const OVER_CAPACITY_TITLE: &str = "Terms that need more faculty hours than the plan has";
pub(crate) const WITHIN: &str = "Within";
pub(crate) const NO_FIGURES: &str = "The faculty hours could not be counted: some of the \
     engagement's entries no longer fit the plan. These need fixing in the planner:";

pub(crate) fn draw(
    doc: &mut ReportDocument,
    rollout: &RolloutResult,
    engagement: &FacultyEngagement,
    status: &EngagementStatus,
) {
    let projection = match status {
        EngagementStatus::Projected { projection } => projection,
        EngagementStatus::NeedsAttention { problems } => {
            open_section(doc, TITLE);
            introduction(doc, NO_FIGURES);
            doc.move_down(4.0 * MM);
            for problem in problems {
                bullet(doc, &sentence(&problem.message));
            }
            return;
        }
        EngagementStatus::NotStarted => return,
    };
    open_section(doc, TITLE);
    introduction(
        doc,
        &format!(
            "The share of the faculty the plan means to engage, term by term, against the \
             faculty headcount of {}; and the faculty hours each term needs (training, \
             curriculum mapping and faculty development) against what the engaged faculty can \
             give, at {} hours each a term.",
            format_count(u64::from(projection.faculty_headcount)),
            faculty_hours(engagement.hours_per_engaged_member_per_term),
        ),
    );
    doc.move_down(5.0 * MM);
    let over: Vec<&TermEngagement> = projection
        .terms
        .iter()
        .filter(|t| t.over_capacity)
        .collect();
    key_figures(
        doc,
        &[
            (
                "Faculty headcount",
                format_count(u64::from(projection.faculty_headcount)),
            ),
            (
                "In listed departments",
                format_count(u64::from(projection.department_faculty)),
            ),
            ("Champions", format_count(u64::from(projection.champions))),
            ("Terms over capacity", over.len().to_string()),
        ],
    );
    doc.move_down(6.0 * MM);
    if !over.is_empty() {
        let warnings: Vec<(TextStyle, String)> = over
            .iter()
            .filter_map(|t| t.warning.clone())
            .map(|w| (styles::BODY, format!("{w}.")))
            .collect();
        note_box(doc, OVER_CAPACITY_TITLE, &warnings);
        doc.move_down(6.0 * MM);
    }

    let rows: Vec<Vec<String>> = projection.terms.iter().map(term_row).collect();
    let highlighted = projection
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| t.over_capacity)
        .map(|(i, _)| i)
        .collect();
    let columns = [
        Column::left(30.0 * MM, styles::CELL),
        Column::right(20.0 * MM, styles::CELL),
        Column::right(22.0 * MM, styles::CELL),
        Column::right(20.0 * MM, styles::CELL),
        Column::right(22.0 * MM, styles::CELL),
        Column::right(22.0 * MM, styles::CELL),
        Column::right(crate::layout::CONTENT_WIDTH - 136.0 * MM, styles::CELL),
    ];
    titled_table(
        doc,
        TERMS_TITLE,
        Some("Terms over capacity are highlighted, with the hours they lack."),
        &Table {
            columns: &columns,
            header: Some(titles(&[
                "Term",
                "Target share",
                "Faculty engaged",
                "Training seats",
                "Hours needed",
                "Hours available",
                "Capacity",
            ])),
            rows,
            highlighted,
            compact: true,
            ..Table::default()
        },
    );
    doc.move_down(6.0 * MM);
    departments(doc, engagement);
    sessions(doc, rollout, engagement);
}

fn term_row(term: &TermEngagement) -> Vec<String> {
    let capacity = if term.over_capacity {
        format!(
            "Short by {}",
            faculty_hours(term.hours_needed - term.hours_available)
        )
    } else {
        WITHIN.to_owned()
    };
    vec![
        term.term.clone(),
        percent(term.target_share_pct),
        format_count(u64::from(term.faculty_engaged)),
        format_count(u64::from(term.training_seats)),
        faculty_hours(term.hours_needed),
        faculty_hours(term.hours_available),
        capacity,
    ]
}

fn departments(doc: &mut ReportDocument, engagement: &FacultyEngagement) {
    let departments = &engagement.departments;
    if departments.is_empty() {
        introduction(doc, "No departments are listed yet.");
        doc.move_down(6.0 * MM);
        return;
    }
    let rows = departments
        .iter()
        .map(|d| {
            let champions = if d.champions.is_empty() {
                NO_VALUE.to_owned()
            } else {
                d.champions
                    .iter()
                    .map(|c| match c.role.trim() {
                        "" => c.name.clone(),
                        role => format!("{}, {role}", c.name),
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            vec![
                d.name.clone(),
                format_count(u64::from(d.faculty_count)),
                champions,
            ]
        })
        .collect();
    let columns = [
        Column::left(60.0 * MM, styles::CELL),
        Column::right(20.0 * MM, styles::CELL),
        Column::left(crate::layout::CONTENT_WIDTH - 80.0 * MM, styles::CELL),
    ];
    titled_table(
        doc,
        DEPARTMENTS_TITLE,
        None,
        &Table {
            columns: &columns,
            header: Some(titles(&["Department", "Faculty", "Champions"])),
            rows,
            ..Table::default()
        },
    );
    doc.move_down(6.0 * MM);
}

fn sessions(doc: &mut ReportDocument, rollout: &RolloutResult, engagement: &FacultyEngagement) {
    let sessions = &engagement.sessions;
    if sessions.is_empty() {
        return;
    }
    let terms = &rollout.terms;
    let rows = sessions
        .iter()
        .map(|s| {
            let term = terms
                .get(s.term as usize)
                .map_or_else(|| format!("Term {}", s.term + 1), |t| t.label());
            vec![
                s.title.clone(),
                term,
                format_count(u64::from(s.capacity)),
                one_decimal(s.hours_per_participant),
                faculty_hours(f64::from(s.capacity) * s.hours_per_participant),
            ]
        })
        .collect();
    let columns = [
        Column::left(66.0 * MM, styles::CELL),
        Column::left(30.0 * MM, styles::CELL),
        Column::right(18.0 * MM, styles::CELL),
        Column::right(22.0 * MM, styles::CELL),
        Column::right(crate::layout::CONTENT_WIDTH - 136.0 * MM, styles::CELL),
    ];
    titled_table(
        doc,
        SESSIONS_TITLE,
        Some(&format!(
            "{}; each seat counts as filled.",
            plural(sessions.len(), "session", "sessions")
        )),
        &Table {
            columns: &columns,
            header: Some(titles(&[
                "Session",
                "Term",
                "Seats",
                "Hours each",
                "Faculty hours",
            ])),
            rows,
            ..Table::default()
        },
    );
}
