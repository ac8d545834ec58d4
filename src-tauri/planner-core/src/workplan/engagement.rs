//! Faculty engagement: departments and their champions, training sessions, and the share of
//! the faculty the plan means to have engaged term by term; computed per term, the faculty
//! engaged against the headcount, the faculty hours the term needs and whether the engaged
//! faculty can give them.
//!
//! ```text
//! engaged          = round(target share × faculty headcount)
//! training         = Σ sessions of the term: capacity × hours per participant
//! mapping          = credentials launching that term × mapping hours per credential
//! development      = development hours per year × the fiscal year's share in the plan
//!                    ÷ the plan's terms in that fiscal year
//! needed           = training + mapping + development
//! available        = engaged × hours each engaged member can give in a term
//! ```
//!
//! Mapping and development hours are the ones the budget pays for (`rollout/budget.rs`): the
//! mapping of a credential falls in its launch term (the budget books it in that term's fiscal
//! year), and a fiscal year's development hours are shared evenly by its terms, so each fiscal
//! year's terms add up to exactly the hours the budget costs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::validate::error;
use crate::error::{FieldError, ValidationErrors};
use crate::format_count;
use crate::profile::InstitutionProfile;
use crate::rollout::{BudgetInputs, FiscalYear, RolloutInputs, RolloutResult, Term};

pub const MAX_DEPARTMENTS: usize = 1_000;
pub const MAX_CHAMPIONS_PER_DEPARTMENT: usize = 50;
pub const MAX_SESSIONS: usize = 10_000;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_ROLE_CHARS: usize = 100;
/// A term is about fifteen weeks: 600 hours is forty hours a week, every week of it.
pub const MAX_HOURS_PER_TERM: f64 = 600.0;
/// A week of full-time training.
pub const MAX_SESSION_HOURS: f64 = 40.0;

/// What the plan says about engaging the faculty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct FacultyEngagement {
    pub departments: Vec<Department>,
    pub sessions: Vec<TrainingSession>,
    /// From each listed term on, the share of the faculty meant to be engaged, until the next
    /// listed term; none before the first.
    pub targets: Vec<EngagementTarget>,
    /// Hours one engaged faculty member can give the rollout in a term.
    pub hours_per_engaged_member_per_term: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Department {
    pub name: String,
    pub faculty_count: u32,
    pub champions: Vec<Champion>,
}

/// A faculty member who argues for the credentials inside a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Champion {
    pub name: String,
    /// "Associate professor of accounting".
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TrainingSession {
    pub title: String,
    /// The term (index) it runs in.
    pub term: u32,
    pub hours_per_participant: f64,
    /// Seats; the plan counts each as filled.
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EngagementTarget {
    pub term: u32,
    /// 0–100 % of the faculty headcount.
    pub share_pct: f64,
}

/// One term's engagement and the faculty hours it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermEngagement {
    pub term_index: u32,
    /// "Fall 2027".
    pub term: String,
    pub target_share_pct: f64,
    pub faculty_engaged: u32,
    pub faculty_headcount: u32,
    pub training_seats: u32,
    pub training_hours: f64,
    pub curriculum_mapping_hours: f64,
    pub faculty_development_hours: f64,
    pub hours_needed: f64,
    /// Hours one engaged faculty member can give in a term, as the plan says.
    pub hours_per_engaged_member: f64,
    pub hours_available: f64,
    /// The term needs more hours than its engaged faculty can give.
    pub over_capacity: bool,
    /// [`TermEngagement::warning`], for the window to show as it is.
    pub warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EngagementProjection {
    pub faculty_headcount: u32,
    /// Faculty in the listed departments.
    pub department_faculty: u32,
    pub champions: u32,
    pub terms: Vec<TermEngagement>,
}

impl TermEngagement {
    /// The warning a dean reads for a term over capacity: "Fall 2027 needs 1,240 faculty
    /// hours; 60 engaged faculty at 12 hours each can give 720".
    pub fn warning(&self) -> Option<String> {
        self.over_capacity.then(|| {
            format!(
                "{} needs {} faculty hours; {} engaged faculty at {} hours each can give {}",
                self.term,
                faculty_hours(self.hours_needed),
                format_count(u64::from(self.faculty_engaged)),
                faculty_hours(self.hours_per_engaged_member),
                faculty_hours(self.hours_available)
            )
        })
    }
}

/// Faculty hours as the plan prints them: whole hours, rounded up so a shortfall never reads
/// as a tie.
pub fn faculty_hours(h: f64) -> String {
    format_count(h.ceil() as u64)
}

/// Validates `engagement` against the profile and the rollout's terms and computes each term.
pub fn project_engagement(
    engagement: &FacultyEngagement,
    profile: &InstitutionProfile,
    inputs: &RolloutInputs,
    rollout: &RolloutResult,
) -> Result<EngagementProjection, ValidationErrors> {
    engagement.validate(profile.faculty_headcount, &rollout.terms)?;
    let launches: Vec<u32> = inputs.credentials.iter().map(|c| c.launch_term).collect();
    Ok(engagement_by_term(
        engagement,
        profile.faculty_headcount,
        &inputs.budget,
        &launches,
        &rollout.terms,
        &rollout.fiscal_years,
    ))
}

/// The per-term figures of an engagement already validated against `terms`.
pub(crate) fn engagement_by_term(
    engagement: &FacultyEngagement,
    headcount: u32,
    budget: &BudgetInputs,
    launch_terms: &[u32],
    terms: &[Term],
    fiscal: &[FiscalYear],
) -> EngagementProjection {
    let mut terms_in_year = vec![0u32; fiscal.len()];
    for term in terms {
        if let Some(n) = terms_in_year.get_mut(term.fiscal_year_index as usize) {
            *n += 1;
        }
    }
    let mut targets: Vec<&EngagementTarget> = engagement.targets.iter().collect();
    targets.sort_by_key(|t| t.term);
    let each = engagement.hours_per_engaged_member_per_term;
    let rows = terms
        .iter()
        .map(|term| {
            let share = targets
                .iter()
                .rev()
                .find(|t| t.term <= term.index)
                .map_or(0.0, |t| t.share_pct);
            let engaged = (share / 100.0 * f64::from(headcount)).round() as u32;
            let sessions = engagement.sessions.iter().filter(|s| s.term == term.index);
            let (seats, training_hours) = sessions.fold((0u32, 0.0), |(n, h), s| {
                (
                    n.saturating_add(s.capacity),
                    h + f64::from(s.capacity) * s.hours_per_participant,
                )
            });
            let launching = launch_terms.iter().filter(|t| **t == term.index).count();
            let mapping = launching as f64 * budget.mapping_hours_per_credential;
            let fy = term.fiscal_year_index as usize;
            let development = match (fiscal.get(fy), terms_in_year.get(fy)) {
                (Some(year), Some(&n)) if n > 0 => {
                    budget.faculty_development_hours_per_year * year.share_in_plan / f64::from(n)
                }
                _ => 0.0,
            };
            let needed = training_hours + mapping + development;
            let available = f64::from(engaged) * each;
            let mut row = TermEngagement {
                term_index: term.index,
                term: term.label(),
                target_share_pct: share,
                faculty_engaged: engaged,
                faculty_headcount: headcount,
                training_seats: seats,
                training_hours,
                curriculum_mapping_hours: mapping,
                faculty_development_hours: development,
                hours_needed: needed,
                hours_per_engaged_member: each,
                hours_available: available,
                over_capacity: needed > available,
                warning: None,
            };
            row.warning = row.warning();
            row
        })
        .collect();
    EngagementProjection {
        faculty_headcount: headcount,
        department_faculty: engagement
            .departments
            .iter()
            .fold(0u32, |n, d| n.saturating_add(d.faculty_count)),
        champions: engagement
            .departments
            .iter()
            .map(|d| d.champions.len() as u32)
            .sum(),
        terms: rows,
    }
}

impl FacultyEngagement {
    /// Every problem at once, keyed by field (`departments.2.facultyCount`).
    pub fn validate(&self, headcount: u32, terms: &[Term]) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        let term_name = |index: u32| match terms.get(index as usize) {
            Some(term) => term.label(),
            None => format!("term {}", u64::from(index) + 1),
        };
        let too_many = [
            (
                "departments",
                "departments",
                self.departments.len(),
                MAX_DEPARTMENTS,
            ),
            (
                "sessions",
                "training sessions",
                self.sessions.len(),
                MAX_SESSIONS,
            ),
        ];
        for (field, what, count, max) in too_many {
            if count > max {
                errors.push(error(
                    field,
                    format!("A plan lists at most {max} {what}; this one has {count}"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ValidationErrors(errors));
        }
        let mut in_departments: u64 = 0;
        for (i, d) in self.departments.iter().enumerate() {
            check_department(i, d, headcount, &mut errors);
            in_departments += u64::from(d.faculty_count);
        }
        if in_departments > u64::from(headcount) && errors.is_empty() {
            errors.push(error(
                "departments",
                format!(
                    "The departments count {} faculty in all; the profile's faculty headcount \
                     is {}",
                    format_count(in_departments),
                    format_count(u64::from(headcount))
                ),
            ));
        }
        for (i, s) in self.sessions.iter().enumerate() {
            check_session(i, s, headcount, terms.len(), &mut errors);
        }
        for (i, t) in self.targets.iter().enumerate() {
            let at = |key: &str| format!("targets.{i}.{key}");
            if t.term as usize >= terms.len() {
                errors.push(error(
                    &at("term"),
                    format!(
                        "Engagement target {} is for {}, but the plan has {} terms",
                        i + 1,
                        term_name(t.term),
                        terms.len()
                    ),
                ));
            } else if self.targets[..i].iter().any(|e| e.term == t.term) {
                errors.push(error(
                    &at("term"),
                    format!("{} has two engagement targets; keep one", term_name(t.term)),
                ));
            }
            if !(t.share_pct.is_finite() && (0.0..=100.0).contains(&t.share_pct)) {
                errors.push(error(
                    &at("sharePct"),
                    format!(
                        "The share of faculty engaged from {} must be 0 to 100 %, not {}",
                        term_name(t.term),
                        t.share_pct
                    ),
                ));
            }
        }
        let each = self.hours_per_engaged_member_per_term;
        if !(each.is_finite() && (0.0..=MAX_HOURS_PER_TERM).contains(&each)) {
            errors.push(error(
                "hoursPerEngagedMemberPerTerm",
                format!(
                    "Hours an engaged faculty member can give in a term must be 0 to \
                     {MAX_HOURS_PER_TERM}, not {each}"
                ),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }
}

/// A name or title: present, not too long, and free of characters that would change how it
/// shows (the rollout's rule for names, `crate::text`).
pub(super) fn check_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    label: &str,
    value: &str,
    max: usize,
) {
    if let Some(message) = crate::text::text_problem(label, value, max, false) {
        errors.push(error(field, message));
    }
}

fn check_department(i: usize, d: &Department, headcount: u32, errors: &mut Vec<FieldError>) {
    let at = |key: &str| format!("departments.{i}.{key}");
    let name = if d.name.trim().is_empty() {
        format!("Department {}", i + 1)
    } else {
        format!("The {} department", d.name.trim())
    };
    let label = format!("The name of department {}", i + 1);
    check_text(errors, &at("name"), &label, &d.name, MAX_NAME_CHARS);
    if d.faculty_count > headcount {
        errors.push(error(
            &at("facultyCount"),
            format!(
                "{name} counts {} faculty, more than the profile's headcount of {}",
                format_count(u64::from(d.faculty_count)),
                format_count(u64::from(headcount))
            ),
        ));
    }
    if d.champions.len() > MAX_CHAMPIONS_PER_DEPARTMENT {
        errors.push(error(
            &at("champions"),
            format!(
                "{name} lists {} champions; at most {MAX_CHAMPIONS_PER_DEPARTMENT}",
                d.champions.len()
            ),
        ));
        return;
    }
    for (j, c) in d.champions.iter().enumerate() {
        let fields = [
            ("name", "name", &c.name, MAX_NAME_CHARS),
            ("role", "role", &c.role, MAX_ROLE_CHARS),
        ];
        for (key, what, value, max) in fields {
            let label = format!("{name}: the {what} of champion {}", j + 1);
            check_text(
                errors,
                &at(&format!("champions.{j}.{key}")),
                &label,
                value,
                max,
            );
        }
    }
}

fn check_session(
    i: usize,
    s: &TrainingSession,
    headcount: u32,
    term_count: usize,
    errors: &mut Vec<FieldError>,
) {
    let at = |key: &str| format!("sessions.{i}.{key}");
    let name = if s.title.trim().is_empty() {
        format!("Training session {}", i + 1)
    } else {
        format!("“{}”", s.title.trim())
    };
    let label = format!("The title of training session {}", i + 1);
    check_text(errors, &at("title"), &label, &s.title, MAX_NAME_CHARS);
    if s.term as usize >= term_count {
        errors.push(error(
            &at("term"),
            format!(
                "{name} is set in term {}, but the plan has {term_count} terms",
                u64::from(s.term) + 1
            ),
        ));
    }
    let h = s.hours_per_participant;
    if !(h.is_finite() && h > 0.0 && h <= MAX_SESSION_HOURS) {
        errors.push(error(
            &at("hoursPerParticipant"),
            format!("{name} must take more than 0 and at most {MAX_SESSION_HOURS} hours a participant, not {h}"),
        ));
    }
    if s.capacity == 0 || s.capacity > headcount {
        errors.push(error(
            &at("capacity"),
            format!(
                "{name} must seat 1 to {} faculty (the profile's headcount), not {}",
                format_count(u64::from(headcount)),
                format_count(u64::from(s.capacity))
            ),
        ));
    }
}
