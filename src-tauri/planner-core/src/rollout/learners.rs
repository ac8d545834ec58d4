//! Learners are people: a credential's learners come from the students of its target programs
//! who have not taken it yet, those there when the plan starts and those entering during it.
//!
//! For one target program of E students, an average time to degree of D years and n terms a
//! year, with turnover u = 1/(D·n) of the students leaving (graduating) each term:
//!
//! ```text
//! entrants per term   = u·E                               a steady program: as many enter as leave
//! not yet taken  P(0) = E
//! enrolments     e(t) = P(t) · rate(t) / 100 · s(t)       rate 0 before launch
//! P(t + 1)            = (P(t) − e(t)) · (1 − u·s(t)) + u·E·s(t)
//! could enrol         = E + Σ s(t) · u·E                  no projection enrols more than this
//! ```
//!
//! s(t) is the term's share inside the plan: 1 for a term wholly inside, less for a term the
//! plan's start or end cuts, which enrols, and turns over, only for its days inside.
//!
//! P/E depends only on u, the launch term and the rates, so programs sharing those share one
//! ratio e(t)/E: a group. A student in two target programs of the same name is one student.
//!
//! Students who took at least one credential, the learners, come from the overlap of the
//! credentials' programs: in a program where credential c enrolled a share x_c of those who
//! could enrol, 1 − Π(1 − x_c) of them took one or more (each student choosing independently).

use std::collections::BTreeMap;
use std::ops::Range;

use super::inputs::Credential;
use super::uptake::{Rates, ramp_table};
use super::walk::Walks;
use crate::profile::{InstitutionProfile, InstitutionType};

/// Average years to a degree where the dean gives none for a program: two-year programs at
/// community colleges and technical institutes take about three, four-year degrees about five
/// (the usual 150 % of normal time).
pub fn default_years_to_degree(kind: InstitutionType) -> f64 {
    match kind {
        InstitutionType::CommunityCollege => 3.0,
        InstitutionType::TechnicalInstitute => 3.0,
        InstitutionType::Other => 4.5,
        _ => 5.0,
    }
}

/// Programs that enrol at the same pace from the same launch term.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    pub launch: usize,
    /// u: the share of a program's students leaving each term.
    pub turnover: f64,
    /// E summed over the group's programs.
    pub students: f64,
    /// E × the home credit a completer is granted, summed over the group's programs.
    pub credit_students: f64,
}

/// One target program of one credential.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Enrolling {
    pub group: usize,
    /// The program as a place: target programs of the same name are the same students.
    pub program: usize,
    pub students: f64,
}

/// Where the learners of every credential come from; the same for every scenario and draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Population {
    pub term_count: usize,
    /// s(t): each term's share inside the plan.
    pub shares: Vec<f64>,
    pub groups: Vec<Group>,
    /// Per credential, its target programs.
    pub credentials: Vec<Vec<Enrolling>>,
    /// Per program (by name), the most students who could enrol over the plan.
    pub could_enrol: Vec<f64>,
    walks: Walks,
    /// E of each group in the walks' order, and the runs of that order launching in one term.
    walk_students: Vec<f64>,
    launches: Vec<(usize, Range<usize>)>,
}

impl Population {
    pub fn new(profile: &InstitutionProfile, credentials: &[Credential], shares: &[f64]) -> Self {
        let term_count = shares.len();
        let terms_in_plan: f64 = shares.iter().sum();
        let terms_a_year = profile.calendar.terms.len().max(1) as f64;
        let default_years = default_years_to_degree(profile.institution_type);
        let mut groups: Vec<Group> = Vec::new();
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        let mut could_enrol: Vec<f64> = Vec::new();
        let credentials = credentials
            .iter()
            .map(|c| {
                let launch = (c.launch_term as usize).min(term_count);
                let credit = c.home_credit.amount.max(0.0);
                c.target_programs
                    .iter()
                    .map(|p| {
                        let years = p.years_to_degree.unwrap_or(default_years);
                        // At most everyone leaves in a term: validation keeps D·n ≥ 1.
                        let turnover = (1.0 / (years * terms_a_year)).clamp(0.0, 1.0);
                        let students = f64::from(p.enrolment);
                        let group = match groups
                            .iter()
                            .position(|g| g.launch == launch && g.turnover == turnover)
                        {
                            Some(g) => g,
                            None => {
                                groups.push(Group {
                                    launch,
                                    turnover,
                                    students: 0.0,
                                    credit_students: 0.0,
                                });
                                groups.len() - 1
                            }
                        };
                        groups[group].students += students;
                        groups[group].credit_students += students * credit;
                        let key = p.name.trim().to_lowercase();
                        let next = could_enrol.len();
                        let program = *names.entry(key).or_insert(next);
                        if program == next {
                            could_enrol.push(0.0);
                        }
                        let could = students * (1.0 + terms_in_plan * turnover);
                        could_enrol[program] = could_enrol[program].max(could);
                        Enrolling {
                            group,
                            program,
                            students,
                        }
                    })
                    .collect()
            })
            .collect();
        let walks = Walks::new(&groups, shares);
        let walk_students = walks.order.iter().map(|&g| groups[g].students).collect();
        let mut launches: Vec<(usize, Range<usize>)> = Vec::new();
        for (slot, &launch) in walks.launch.iter().enumerate() {
            match launches.last_mut() {
                Some((l, run)) if *l == launch => run.end = slot + 1,
                _ => launches.push((launch, slot..slot + 1)),
            }
        }
        Population {
            term_count,
            shares: shares.to_vec(),
            walks,
            walk_students,
            launches,
            groups,
            credentials,
            could_enrol,
        }
    }

    /// e(t)/E for every term, for each group, at `rates`.
    pub fn ratios(&self, rates: &Rates) -> Vec<Vec<f64>> {
        let ramp = ramp_table(self.term_count, rates.midpoint_terms, rates.steepness);
        let mut ratios = vec![vec![0.0; self.term_count]; self.groups.len()];
        let walks = &self.walks;
        walks.walk(rates, &ramp, |offset, row| {
            for (slot, enrolled) in row.iter().enumerate() {
                ratios[walks.order[slot]][walks.launch[slot] + offset] = *enrolled;
            }
        });
        ratios
    }

    /// The groups' walks, for the draws (`draws.rs`).
    pub fn walks(&self) -> &Walks {
        &self.walks
    }

    /// E of each group in the walks' order.
    pub fn walk_students(&self) -> &[f64] {
        &self.walk_students
    }

    /// The runs of the walks' order launching in one term, earliest first.
    pub fn launches(&self) -> &[(usize, Range<usize>)] {
        &self.launches
    }

    /// Students who could enrol in a credential over the plan, summed over its programs.
    pub fn could_enrol_in(&self, credential: usize) -> f64 {
        let terms_in_plan: f64 = self.shares.iter().sum();
        self.credentials[credential]
            .iter()
            .map(|e| e.students * (1.0 + terms_in_plan * self.groups[e.group].turnover))
            .sum()
    }

    /// Learners (students in one credential or more) for `enrolled[g]`, each group's ratio
    /// summed over the terms counted.
    pub fn learners(&self, enrolled: &[f64]) -> f64 {
        let mut not_taken = vec![1.0; self.could_enrol.len()];
        for e in self.credentials.iter().flatten() {
            let could = self.could_enrol[e.program];
            if could > 0.0 {
                let share = (e.students * enrolled[e.group] / could).clamp(0.0, 1.0);
                not_taken[e.program] *= 1.0 - share;
            }
        }
        self.could_enrol
            .iter()
            .zip(not_taken.iter())
            .map(|(could, left)| could * (1.0 - left))
            .sum()
    }

    /// Enrolments of every credential together for `enrolled[g]` as in [`Population::learners`].
    #[cfg(test)]
    pub fn enrolments(&self, enrolled: &[f64]) -> f64 {
        self.groups
            .iter()
            .zip(enrolled)
            .map(|(g, r)| g.students * r)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Stage;
    use crate::rollout::sample_rollout;

    fn rates(pilot: f64, target: f64) -> Rates {
        Rates {
            pilot_pct: pilot,
            target_pct: target,
            midpoint_terms: 0.0,
            steepness: 10.0,
            completion_pct: 50.0,
            non_completer_course_pct: 0.0,
        }
    }

    fn one_program(students: u32, years: f64, launch: u32) -> Credential {
        let mut c = sample_rollout().credentials.remove(0);
        c.launch_term = launch;
        c.target_programs.truncate(1);
        c.target_programs[0].enrolment = students;
        c.target_programs[0].years_to_degree = Some(years);
        c
    }

    #[test]
    fn a_program_s_students_enrol_once_and_entrants_refill_it_worked_by_hand() {
        // Two terms a year, four years to degree: u = 1/8 = 0.125; 1,000 students.
        let mut profile = InstitutionProfile::new("Worked U", 10_000, Stage::Offering);
        profile.calendar.terms.truncate(2);
        let c = one_program(1_000, 4.0, 1);
        let population = Population::new(&profile, &[c], &[1.0; 3]);
        // A flat 50 % (pilot = target): term 0 before launch, P stays 1,000.
        // Term 1: e = 1,000 × 50 % = 500; P = (1,000 − 500) × 0.875 + 125 = 562.5.
        // Term 2: e = 562.5 × 50 % = 281.25.
        let r = population.ratios(&rates(50.0, 50.0));
        let enrolments: Vec<f64> = r[0].iter().map(|x| x * 1_000.0).collect();
        assert_eq!(enrolments, [0.0, 500.0, 281.25]);
        // Could enrol: 1,000 + 3 terms × 125 entrants = 1,375.
        assert_eq!(population.could_enrol_in(0), 1_375.0);
        // One credential: its learners are its enrolments.
        let total: f64 = r[0].iter().sum();
        assert!((population.learners(&[total]) - 781.25).abs() < 1e-9);
    }

    #[test]
    fn two_credentials_in_one_program_share_its_students() {
        let mut profile = InstitutionProfile::new("Worked U", 10_000, Stage::Offering);
        profile.calendar.terms.truncate(2);
        let a = one_program(1_000, 5.0, 0);
        let mut b = one_program(1_000, 5.0, 0);
        b.title = "Another".into();
        let population = Population::new(&profile, &[a, b], &[1.0]);
        // Two terms a year, five years: u = 1/10; one term: could enrol 1,000 × (1 + 0.1)
        // = 1,100. Each credential enrols 40 % of 1,000 = 400, a share 400/1,100 of them;
        // learners = 1,100 × (1 − (700/1,100)²) = 1,100 − 490,000/1,100 = 654.5454…
        assert_eq!(
            population.groups.len(),
            1,
            "same launch and pace: one group"
        );
        let r = population.ratios(&rates(40.0, 40.0));
        assert!((population.enrolments(&[r[0][0]]) - 800.0).abs() < 1e-9);
        assert!((population.learners(&[r[0][0]]) - (1_100.0 - 490_000.0 / 1_100.0)).abs() < 1e-9);
    }

    #[test]
    fn defaults_follow_the_kind_of_institution() {
        assert_eq!(
            default_years_to_degree(InstitutionType::CommunityCollege),
            3.0
        );
        assert_eq!(
            default_years_to_degree(InstitutionType::PublicUniversity),
            5.0
        );
    }
}
