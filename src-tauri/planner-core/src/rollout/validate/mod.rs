//! Checks the rollout inputs against the profile and reports every problem at once, each under
//! its field key (`horizonYears`, `credentials.2.learningHours`, `budget.staffFte`) with a
//! sentence naming the value.

mod credentials;

use chrono::Datelike;

use super::Model;
use super::credit::{distinct, home_convention, plain_number};
use super::inputs::RolloutInputs;
use super::montecarlo::{MAX_DRAWS, VariedInput};
use super::scenarios::ScenarioAdjustment;
use super::terms::{FiscalYear, Term, horizon_end};
use super::uptake::Rates;
use crate::error::{FieldError, ValidationErrors};
use crate::format_count;
use crate::profile::InstitutionProfile;

pub const MAX_HORIZON_YEARS: u8 = 10;
pub const MAX_CREDENTIALS: usize = 1_000;
const MAX_TEXT_CHARS: usize = 200;
const MAX_LONG_TEXT_CHARS: usize = 5_000;
const MAX_MULTIPLIER: f64 = 10.0;
/// Upper bounds of the budget: far above any real plan, and low enough that every figure the
/// model computes from them stays a finite number.
pub const MAX_AMOUNT: f64 = 1e9;
pub(crate) const MAX_PER_LEARNER: f64 = 100_000.0;
pub(crate) const MAX_RATE_PER_HOUR: f64 = 10_000.0;
pub(crate) const MAX_HOURS_PER_CREDENTIAL: f64 = 100_000.0;
pub(crate) const MAX_HOURS_PER_YEAR: f64 = 10_000_000.0;
pub(crate) const MAX_STAFF_FTE: f64 = 10_000.0;
pub(crate) const MAX_TUITION: f64 = 1_000_000.0;
pub(crate) const MAX_ADDITIONAL_STUDENTS: f64 = 1_000_000.0;
pub const MAX_GRANTS: usize = 100;

/// A term as a dean knows it ("Fall 2027"), or its place in the plan when the calendar is not
/// known yet or it lies beyond the plan.
fn term_name(terms: Option<&[Term]>, index: u32) -> String {
    match terms.and_then(|t| t.get(index as usize)) {
        Some(term) => term.label(),
        None => format!("term {} of the plan", index + 1),
    }
}

fn last_term_name(terms: &[Term]) -> String {
    terms.last().map_or_else(|| "none".to_owned(), Term::label)
}

#[derive(Debug, Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// A finite number within `min..=max`.
    fn range(&mut self, field: &str, label: &str, value: f64, min: f64, max: f64, unit: &str) {
        if !value.is_finite() || value < min || value > max {
            self.add(
                field,
                format!(
                    "{label} must be from {}{unit} to {}{unit} (you entered {}{unit})",
                    bound(min),
                    bound(max),
                    entered(value)
                ),
            );
        }
    }

    fn percent(&mut self, field: &str, label: &str, value: f64) {
        self.range(field, label, value, 0.0, 100.0, " %");
    }

    /// Money, hours or a head count: from 0 to `max`.
    fn amount(&mut self, field: &str, label: &str, value: f64, max: f64) {
        self.range(field, label, value, 0.0, max, "");
    }

    fn text(&mut self, field: &str, label: &str, text: &str, required: bool, max: usize) {
        let chars = text.trim().chars().count();
        if required && chars == 0 {
            self.add(field, format!("{label} cannot be empty"));
        } else if chars > max {
            self.add(
                field,
                format!("{label} is {chars} characters long; the limit is {max}"),
            );
        } else if let Some(code) = crate::text::first_hidden_character(text, max > MAX_TEXT_CHARS) {
            self.add(field, crate::text::hidden_character_message(label, &code));
        }
    }
}

/// A bound as a reader writes it: "1,000,000,000", "0.01".
fn bound(x: f64) -> String {
    if x >= 1_000.0 && x.fract() == 0.0 {
        format_count(x as u64)
    } else {
        plain_number(x)
    }
}

/// What was entered, readable even when it is huge or not a number ("1e308", "NaN").
fn entered(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 {
        plain_number(x)
    } else {
        format!("{x:e}")
    }
}

impl RolloutInputs {
    /// Every problem with these inputs for `profile`, or `Ok` when the model can run.
    pub fn validate(&self, profile: &InstitutionProfile) -> Result<(), ValidationErrors> {
        let mut p = Problems::default();
        for (field, message) in profile_problems(profile) {
            p.add(field, message);
        }
        if !(1..=MAX_HORIZON_YEARS).contains(&self.horizon_years) {
            p.add(
                "horizonYears",
                format!(
                    "The horizon must be 1 to {MAX_HORIZON_YEARS} years (you entered {})",
                    self.horizon_years
                ),
            );
        }
        let year = self.start_date.year();
        if !(2000..=2100).contains(&year) {
            p.add(
                "startDate",
                format!(
                    "The start date must be in 2000–2100 (you entered {})",
                    self.start_date
                ),
            );
        }
        // Terms are only known when the calendar and dates are sound.
        let model = (p.0.is_empty() && horizon_end(self.start_date, self.horizon_years).is_some())
            .then(|| Model::new(profile, self));
        let terms = model.as_ref().map(|m| m.terms.as_slice());
        self.check_phases(&mut p, terms);
        self.check_credentials(&mut p, profile, terms);
        self.check_uptake(&mut p);
        self.check_budget(&mut p, model.as_ref().map(|m| m.fiscal.as_slice()));
        check_scenario(
            &mut p,
            "scenarios.conservative",
            &self.scenarios.conservative,
        );
        check_scenario(&mut p, "scenarios.ambitious", &self.scenarios.ambitious);
        if p.0.is_empty() {
            self.check_scenario_order(&mut p);
        }
        self.check_uncertainty(&mut p);
        if p.0.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(p.0))
        }
    }

    fn check_phases(&self, p: &mut Problems, terms: Option<&[Term]>) {
        let ph = &self.phases;
        let starts = [
            ("phases.pilotStartTerm", "Pilot", ph.pilot_start_term),
            ("phases.scaleStartTerm", "Scale", ph.scale_start_term),
            ("phases.sustainStartTerm", "Sustain", ph.sustain_start_term),
        ];
        for pair in starts.windows(2) {
            let ((_, before, b), (field, after, a)) = (pair[0], pair[1]);
            if a < b {
                p.add(
                    field,
                    format!(
                        "{after} cannot start ({}) before {before} starts ({})",
                        term_name(terms, a),
                        term_name(terms, b)
                    ),
                );
            }
        }
        if let Some(terms) = terms {
            for (field, name, start) in starts {
                if start as usize > terms.len() {
                    p.add(
                        field,
                        format!(
                            "{name} would start after the plan's last term, {}",
                            last_term_name(terms)
                        ),
                    );
                }
            }
        }
        let gates = [
            ("phases.prepareGate", &ph.prepare_gate),
            ("phases.pilotGate", &ph.pilot_gate),
            ("phases.scaleGate", &ph.scale_gate),
            ("phases.sustainGate", &ph.sustain_gate),
        ];
        for (field, gate) in gates {
            for (i, criterion) in gate.iter().flatten().enumerate() {
                p.text(
                    &format!("{field}.{i}"),
                    "A gate criterion",
                    criterion,
                    true,
                    MAX_LONG_TEXT_CHARS,
                );
            }
        }
    }

    fn check_uptake(&self, p: &mut Problems) {
        let u = &self.uptake;
        p.percent(
            "uptake.pilotRatePct",
            "The pilot uptake rate",
            u.pilot_rate_pct,
        );
        p.percent(
            "uptake.targetRatePct",
            "The target uptake rate",
            u.target_rate_pct,
        );
        if u.pilot_rate_pct > u.target_rate_pct {
            p.add(
                "uptake.pilotRatePct",
                format!(
                    "The pilot rate ({} %) is above the target rate ({} %); uptake ramps up from pilot to target",
                    plain_number(u.pilot_rate_pct),
                    plain_number(u.target_rate_pct)
                ),
            );
        }
        p.range(
            "uptake.midpointTerms",
            "The ramp's midpoint",
            u.midpoint_terms,
            0.0,
            40.0,
            " terms",
        );
        p.range(
            "uptake.steepness",
            "The ramp's steepness",
            u.steepness,
            0.01,
            10.0,
            "",
        );
        p.percent(
            "uptake.completionRatePct",
            "The completion rate",
            u.completion_rate_pct,
        );
        p.percent(
            "uptake.nonCompleterCourseSharePct",
            "The share of courses non-completers complete",
            u.non_completer_course_share_pct,
        );
    }

    fn check_budget(&self, p: &mut Problems, fiscal: Option<&[FiscalYear]>) {
        let b = &self.budget;
        let amounts = [
            (
                "licenceCostPerLearner",
                "The licence cost per learner",
                b.licence_cost_per_learner,
                MAX_PER_LEARNER,
            ),
            (
                "mappingHoursPerCredential",
                "Mapping hours per credential",
                b.mapping_hours_per_credential,
                MAX_HOURS_PER_CREDENTIAL,
            ),
            (
                "mappingRatePerHour",
                "The mapping rate per hour",
                b.mapping_rate_per_hour,
                MAX_RATE_PER_HOUR,
            ),
            (
                "facultyDevelopmentHoursPerYear",
                "Faculty development hours",
                b.faculty_development_hours_per_year,
                MAX_HOURS_PER_YEAR,
            ),
            (
                "facultyDevelopmentRatePerHour",
                "The faculty development rate",
                b.faculty_development_rate_per_hour,
                MAX_RATE_PER_HOUR,
            ),
            ("staffFte", "Staff FTE", b.staff_fte, MAX_STAFF_FTE),
            (
                "salaryPerFte",
                "The salary per FTE",
                b.salary_per_fte,
                MAX_TUITION,
            ),
            (
                "marketingPerYear",
                "Marketing per year",
                b.marketing_per_year,
                MAX_AMOUNT,
            ),
            (
                "technologyIntegration",
                "Technology integration",
                b.technology_integration,
                MAX_AMOUNT,
            ),
            (
                "netTuitionPerStudent",
                "Net tuition per student",
                b.net_tuition_per_student,
                MAX_TUITION,
            ),
            (
                "additionalStudentsPerYear",
                "Additional students per year",
                b.additional_students_per_year,
                MAX_ADDITIONAL_STUDENTS,
            ),
        ];
        for (key, label, value, max) in amounts {
            p.amount(&format!("budget.{key}"), label, value, max);
        }
        p.percent(
            "budget.retentionUpliftPctPoints",
            "The retention uplift",
            b.retention_uplift_pct_points,
        );
        if b.grants.len() > MAX_GRANTS {
            p.add(
                "budget.grants",
                format!(
                    "A plan can hold {MAX_GRANTS} grants; this one has {}",
                    b.grants.len()
                ),
            );
        }
        for (i, g) in b.grants.iter().enumerate() {
            let field = format!("budget.grants.{i}");
            p.text(
                &format!("{field}.name"),
                "A grant's name",
                &g.name,
                true,
                MAX_TEXT_CHARS,
            );
            p.amount(
                &format!("{field}.amount"),
                &format!("Grant “{}”", g.name.trim()),
                g.amount,
                MAX_AMOUNT,
            );
            if let Some(last) = fiscal
                .filter(|years| g.fiscal_year_index as usize >= years.len())
                .and_then(|years| years.last())
            {
                p.add(
                    format!("{field}.fiscalYearIndex"),
                    format!(
                        "Grant “{}” would arrive after the plan's last fiscal year, {}",
                        g.name.trim(),
                        last.label
                    ),
                );
            }
        }
    }

    fn check_uncertainty(&self, p: &mut Problems) {
        let u = &self.uncertainty;
        if u.draws > MAX_DRAWS {
            p.add(
                "uncertainty.draws",
                format!(
                    "At most {} draws (you entered {})",
                    format_count(MAX_DRAWS.into()),
                    format_count(u.draws.into())
                ),
            );
        }
        let varied = [
            ("targetRate", "target rate", &u.target_rate),
            ("completionRate", "completion rate", &u.completion_rate),
            ("licenceCost", "licence cost", &u.licence_cost),
            ("retentionUplift", "retention uplift", &u.retention_uplift),
        ];
        for (key, label, v) in varied {
            check_varied(p, &format!("uncertainty.{key}"), label, v);
        }
    }
}

impl RolloutInputs {
    /// A conservative scenario assumes no more uptake or completion than expected, an
    /// ambitious one no less; otherwise the names would say the opposite of the figures.
    fn check_scenario_order(&self, p: &mut Problems) {
        let expected = Rates::from_assumptions(&self.uptake);
        let sides = [
            ("conservative", "a", &self.scenarios.conservative, -1.0),
            ("ambitious", "an", &self.scenarios.ambitious, 1.0),
        ];
        for (name, article, adjustment, direction) in sides {
            let rates = adjustment.rates(&expected);
            let checks = [
                (
                    "target uptake rate",
                    rates.target_pct,
                    expected.target_pct,
                    adjustment.target_rate_pct.is_some(),
                    "targetRate",
                ),
                (
                    "completion rate",
                    rates.completion_pct,
                    expected.completion_pct,
                    adjustment.completion_rate_pct.is_some(),
                    "completionRate",
                ),
            ];
            for (label, theirs, ours, absolute, key) in checks {
                if (theirs - ours) * direction >= -1e-9 {
                    continue;
                }
                let field = if absolute {
                    format!("scenarios.{name}.{key}Pct")
                } else {
                    format!("scenarios.{name}.{key}Multiplier")
                };
                let (side, word) = if direction < 0.0 {
                    ("above", "no more")
                } else {
                    ("below", "no less")
                };
                let (theirs, ours) = distinct(theirs, ours);
                p.add(
                    field,
                    format!(
                        "The {name} scenario's {label} ({theirs} %) is {side} the expected \
                         {ours} %; {article} {name} scenario assumes {word} than expected"
                    ),
                );
            }
        }
    }
}

fn check_scenario(p: &mut Problems, at: &str, s: &ScenarioAdjustment) {
    let multipliers = [
        (
            "targetRateMultiplier",
            "The target rate multiplier",
            s.target_rate_multiplier,
        ),
        (
            "completionRateMultiplier",
            "The completion rate multiplier",
            s.completion_rate_multiplier,
        ),
        ("costMultiplier", "The cost multiplier", s.cost_multiplier),
    ];
    for (key, label, value) in multipliers {
        p.range(
            &format!("{at}.{key}"),
            label,
            value,
            0.0,
            MAX_MULTIPLIER,
            "×",
        );
    }
    if let Some(v) = s.target_rate_pct {
        p.percent(&format!("{at}.targetRatePct"), "The target rate", v);
    }
    if let Some(v) = s.completion_rate_pct {
        p.percent(&format!("{at}.completionRatePct"), "The completion rate", v);
    }
    if let Some(v) = s.licence_cost_per_learner {
        p.amount(
            &format!("{at}.licenceCostPerLearner"),
            "The licence cost per learner",
            v,
            MAX_PER_LEARNER,
        );
    }
}

fn check_varied(p: &mut Problems, at: &str, label: &str, v: &VariedInput) {
    if !v.low.is_finite() || v.low < 0.0 || v.low > 1.0 {
        p.add(format!("{at}.low"), format!("The low end for the {label} must be from 0 to 1 times the expected value (you entered {})", v.low));
    }
    if !v.high.is_finite() || v.high < 1.0 || v.high > MAX_MULTIPLIER {
        p.add(format!("{at}.high"), format!("The high end for the {label} must be from 1 to {MAX_MULTIPLIER} times the expected value (you entered {})", v.high));
    }
}

/// Problems in the profile that stop the model: no terms, a bad fiscal month, a custom credit
/// rule without hours. The profile form reports these too; the model must not trust it.
pub(crate) fn profile_problems(profile: &InstitutionProfile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let terms = &profile.calendar.terms;
    if terms.is_empty() {
        out.push((
            "terms".into(),
            "The profile's calendar has no terms; add the day each term starts".into(),
        ));
    }
    for (i, t) in terms.iter().enumerate() {
        // A common year: 29 February is not there every year.
        if chrono::NaiveDate::from_ymd_opt(2027, u32::from(t.month), u32::from(t.day)).is_none() {
            out.push((
                format!("terms.{i}.day"),
                format!(
                    "{} cannot start on day {} of month {}",
                    t.name, t.day, t.month
                ),
            ));
        } else if terms[..i]
            .iter()
            .any(|o| (o.month, o.day) == (t.month, t.day))
        {
            out.push((
                format!("terms.{i}.day"),
                format!("{} starts on the same day as another term", t.name),
            ));
        }
    }
    if !(1..=12).contains(&profile.fiscal_year_start_month) {
        out.push((
            "fiscalYearStartMonth".into(),
            format!(
                "The fiscal year must start in month 1 to 12 (the profile says {})",
                profile.fiscal_year_start_month
            ),
        ));
    }
    if home_convention(profile).is_none() {
        out.push(("customHoursPerCredit".into(), "With your own credit rule, the profile must say how many learning hours make one credit".into()));
    }
    out
}
