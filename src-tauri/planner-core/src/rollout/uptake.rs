//! Uptake projection: enrolments, completions, courses and credits per credential and term.
//!
//! From its launch term a credential's uptake rate (per term, % of the students of its target
//! programs who have not taken it yet, see `learners.rs`) ramps along a logistic curve from the
//! pilot rate to the target rate. The curve is rescaled so that it is exactly the pilot rate at
//! launch and tends to the target; it rises fastest at the midpoint m:
//!
//! ```text
//! s(x)    = 1 / (1 + e^(−k·(x − m)))            x = terms since launch, m = midpoint, k = steepness
//! f(x)    = (s(x) − s(0)) / (1 − s(0))          0 at launch, → 1
//! rate(x) = pilot + (target − pilot) · f(x)
//! ```
//!
//! A completer completes each of the credential's courses; a learner who does not complete
//! completes a share of them. Completions and credits are counted with the term's cohort.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inputs::{Credential, UptakeAssumptions};
use super::learners::Population;

/// The rates a projection runs with: the dean's, or a scenario's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    pub pilot_pct: f64,
    pub target_pct: f64,
    pub midpoint_terms: f64,
    pub steepness: f64,
    pub completion_pct: f64,
    /// Share of a credential's courses a learner who does not complete it completes, in %.
    pub non_completer_course_pct: f64,
}

impl Rates {
    pub fn from_assumptions(a: &UptakeAssumptions) -> Self {
        Rates {
            pilot_pct: a.pilot_rate_pct,
            target_pct: a.target_rate_pct,
            midpoint_terms: a.midpoint_terms,
            steepness: a.steepness,
            completion_pct: a.completion_rate_pct,
            non_completer_course_pct: a.non_completer_course_share_pct,
        }
    }
}

/// Sums over some terms or credentials.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UptakeTotals {
    /// Students starting a credential (a student taking two counts in each).
    pub enrolments: f64,
    /// Learners completing the whole credential.
    pub completions: f64,
    pub course_completions: f64,
    /// Home credit awarded to completers.
    pub credits_awarded: f64,
}

impl UptakeTotals {
    /// Every figure times `share`.
    pub(crate) fn scaled(&self, share: f64) -> UptakeTotals {
        UptakeTotals {
            enrolments: self.enrolments * share,
            completions: self.completions * share,
            course_completions: self.course_completions * share,
            credits_awarded: self.credits_awarded * share,
        }
    }

    pub(crate) fn add(&mut self, other: &UptakeTotals) {
        self.enrolments += other.enrolments;
        self.completions += other.completions;
        self.course_completions += other.course_completions;
        self.credits_awarded += other.credits_awarded;
    }
}

/// One credential in one term.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TermUptake {
    pub term_index: u32,
    /// Share of eligible students enrolling this term, in percent; 0 before launch.
    pub rate_pct: f64,
    #[serde(flatten)]
    pub totals: UptakeTotals,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialUptake {
    pub credential_index: u32,
    pub title: String,
    /// Students in the target programs.
    pub eligible: f64,
    /// Those there at the start plus those entering during the plan: no more can enrol.
    pub could_enrol: f64,
    /// Courses a completer completes.
    pub course_count: u32,
    /// One row per plan term, zeros before launch.
    pub terms: Vec<TermUptake>,
    pub totals: UptakeTotals,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UptakeProjection {
    pub credentials: Vec<CredentialUptake>,
    /// All credentials together, one per plan term.
    pub by_term: Vec<UptakeTotals>,
    pub totals: UptakeTotals,
    /// Students who took one credential or more, each counted once.
    pub learners: f64,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// f(x): how far uptake has ramped from pilot (0) toward target (1), `x` terms after launch.
pub fn ramp_fraction(terms_since_launch: f64, midpoint: f64, steepness: f64) -> f64 {
    let s0 = sigmoid(-steepness * midpoint);
    let s = sigmoid(steepness * (terms_since_launch - midpoint));
    ((s - s0) / (1.0 - s0)).clamp(0.0, 1.0)
}

/// f(0), f(1), … f(count − 1): the ramp is the same for every credential, offset by launch.
pub fn ramp_table(count: usize, midpoint: f64, steepness: f64) -> Vec<f64> {
    (0..count)
        .map(|x| ramp_fraction(x as f64, midpoint, steepness))
        .collect()
}

/// rate(x) = pilot + (target − pilot) · f(x), in percent, kept within 0–100.
pub fn uptake_rate(pilot_pct: f64, target_pct: f64, fraction: f64) -> f64 {
    (pilot_pct + (target_pct - pilot_pct) * fraction).clamp(0.0, 100.0)
}

/// Students in a credential's target programs.
pub fn eligible(credential: &Credential) -> f64 {
    credential
        .target_programs
        .iter()
        .map(|p| f64::from(p.enrolment))
        .sum()
}

/// One term's figures for `enrolments` in a credential of `courses` courses granting `credit`.
pub fn term_totals(enrolments: f64, rates: &Rates, courses: f64, credit: f64) -> UptakeTotals {
    let completions = enrolments * rates.completion_pct / 100.0;
    let partial = (enrolments - completions) * rates.non_completer_course_pct / 100.0;
    UptakeTotals {
        enrolments,
        completions,
        course_completions: (completions + partial) * courses,
        credits_awarded: completions * credit,
    }
}

/// The projection for every credential over the population's terms.
pub fn project_uptake(
    credentials: &[Credential],
    rates: &Rates,
    population: &Population,
) -> UptakeProjection {
    let term_count = population.term_count;
    let ramp = ramp_table(term_count, rates.midpoint_terms, rates.steepness);
    let ratios = population.ratios(rates);
    let mut by_term = vec![UptakeTotals::default(); term_count];
    let mut totals = UptakeTotals::default();
    let credentials = credentials
        .iter()
        .enumerate()
        .map(|(index, credential)| {
            let launch = credential.launch_term as usize;
            let credit = credential.home_credit.amount.max(0.0);
            let courses = f64::from(credential.course_count);
            let programs = &population.credentials[index];
            let mut own = UptakeTotals::default();
            let terms = (0..term_count)
                .map(|t| {
                    let rate_pct = match t.checked_sub(launch) {
                        Some(offset) => {
                            uptake_rate(rates.pilot_pct, rates.target_pct, ramp[offset])
                        }
                        None => 0.0,
                    };
                    let enrolments = programs
                        .iter()
                        .map(|p| p.students * ratios[p.group][t])
                        .sum();
                    let figures = term_totals(enrolments, rates, courses, credit);
                    own.add(&figures);
                    by_term[t].add(&figures);
                    TermUptake {
                        term_index: t as u32,
                        rate_pct,
                        totals: figures,
                    }
                })
                .collect();
            totals.add(&own);
            CredentialUptake {
                credential_index: index as u32,
                title: credential.title.clone(),
                eligible: eligible(credential),
                could_enrol: population.could_enrol_in(index),
                course_count: credential.course_count,
                terms,
                totals: own,
            }
        })
        .collect();
    let sums: Vec<f64> = ratios.iter().map(|r| r.iter().sum()).collect();
    UptakeProjection {
        credentials,
        by_term,
        totals,
        learners: population.learners(&sums),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn the_ramp_starts_at_the_pilot_rate_and_is_halfway_plus_at_the_midpoint() {
        // k = 1, m = 2: s(0) = 1/(1+e²) = 0.119203; s(2) = 0.5;
        // f(2) = (0.5 − 0.1192029)/(1 − 0.1192029) = 0.3807971/0.8807971 = 0.4323324.
        assert_eq!(ramp_fraction(0.0, 2.0, 1.0), 0.0);
        let f2 = ramp_fraction(2.0, 2.0, 1.0);
        assert!((f2 - 0.432_332_4).abs() < 1e-7, "f(2) = {f2}");
        // rate(2) with pilot 1 %, target 3 %: 1 + 2 × 0.4323324 = 1.8646648 %.
        assert!((uptake_rate(1.0, 3.0, f2) - 1.864_664_8).abs() < 1e-6);
        // Far after launch the rate is the target.
        assert!((uptake_rate(1.0, 3.0, ramp_fraction(60.0, 2.0, 1.0)) - 3.0).abs() < 1e-9);
        // With the midpoint at launch, s(0) = 0.5 and f(x) = 2·s(x) − 1.
        assert!(close(
            ramp_fraction(1.0, 0.0, 1.0),
            2.0 / (1.0 + (-1.0f64).exp()) - 1.0
        ));
    }

    #[test]
    fn completers_complete_every_course_and_the_others_a_share() {
        let rates = Rates {
            pilot_pct: 1.0,
            target_pct: 3.0,
            midpoint_terms: 2.0,
            steepness: 1.0,
            completion_pct: 60.0,
            non_completer_course_pct: 25.0,
        };
        // 300 enrolments; 60 % complete = 180, each completing all 8 courses = 1,440; the 120
        // others complete 25 % of 8 = 2 each = 240; 1,680 courses. 180 × 3 credits = 540.
        let t = term_totals(300.0, &rates, 8.0, 3.0);
        assert_eq!(
            (
                t.enrolments,
                t.completions,
                t.course_completions,
                t.credits_awarded
            ),
            (300.0, 180.0, 1_680.0, 540.0)
        );
    }
}
