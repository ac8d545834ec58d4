//! Checks of the credential portfolio: each credential's fields, its launch term and target
//! programs, and stacking references that resolve and do not go round in a circle.

use std::collections::HashMap;

use super::{
    MAX_CREDENTIALS, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS, Problems, last_term_name, term_name,
};
use crate::format_count;
use crate::profile::InstitutionProfile;
use crate::rollout::inputs::{Credential, CredentialRef, ProviderKind, RolloutInputs};
use crate::rollout::terms::Term;

/// More than a full-time year of learning (about 1,800 hours) is not a micro-credential.
const MAX_LEARNING_HOURS: f64 = 2_000.0;
const MAX_CREDIT: f64 = 120.0;
pub const MAX_TARGET_PROGRAMS: usize = 100;
const MAX_COURSES: u32 = 50;
/// One year at least: every term at most all of a program's students leave.
const MIN_YEARS_TO_DEGREE: f64 = 1.0;
const MAX_YEARS_TO_DEGREE: f64 = 10.0;

impl RolloutInputs {
    pub(super) fn check_credentials(
        &self,
        p: &mut Problems,
        profile: &InstitutionProfile,
        terms: Option<&[Term]>,
    ) {
        if self.credentials.len() > MAX_CREDENTIALS {
            p.add(
                "credentials",
                format!(
                    "A plan can hold {MAX_CREDENTIALS} credentials; this one has {}",
                    self.credentials.len()
                ),
            );
            // Nothing more is walked: a file of 27,000 credentials gets one line, at once.
            return;
        }
        let titles = TitleIndex::new(&self.credentials);
        for (i, c) in self.credentials.iter().enumerate() {
            check_credential(
                p,
                &format!("credentials.{i}"),
                i,
                c,
                profile,
                terms,
                self.phases.pilot_start_term,
            );
            for (j, target) in c.stacks_into.iter().enumerate() {
                let field = format!("credentials.{i}.stacksInto.{j}");
                match titles.resolve(target) {
                    None => p.add(
                        field,
                        format!(
                            "“{}” stacks into {}, which is not in the portfolio",
                            c.title,
                            describe(target)
                        ),
                    ),
                    Some(k) if k == i => {
                        p.add(field, format!("“{}” cannot stack into itself", c.title))
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(cycle) = self.stacking_cycle(&titles) {
            p.add(
                "credentials",
                format!("Stacking goes round in a circle: {}", cycle.join(" → ")),
            );
        }
    }

    /// Titles along a stacking cycle (first repeated at the end), if there is one. A depth-first
    /// walk with its own stack, so a long chain of credentials cannot overflow the thread's.
    fn stacking_cycle(&self, titles: &TitleIndex<'_>) -> Option<Vec<String>> {
        let n = self.credentials.len();
        // 0 = unseen, 1 = on the current path, 2 = done.
        let mut state = vec![0u8; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            // Each frame: a credential on the path and how many of its targets were tried.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(&mut (i, ref mut tried)) = path.last_mut() {
                let Some(target) = self.credentials[i].stacks_into.get(*tried) else {
                    state[i] = 2;
                    path.pop();
                    continue;
                };
                *tried += 1;
                let Some(j) = titles.resolve(target).filter(|j| *j != i) else {
                    continue;
                };
                match state[j] {
                    1 => {
                        let from = path.iter().position(|(k, _)| *k == j).unwrap_or(0);
                        let mut cycle: Vec<String> = path[from..]
                            .iter()
                            .map(|(k, _)| self.credentials[*k].title.clone())
                            .collect();
                        cycle.push(self.credentials[j].title.clone());
                        return Some(cycle);
                    }
                    0 => {
                        state[j] = 1;
                        path.push((j, 0));
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

/// Stacking references by title, looked up in a map built once (not a scan per reference,
/// which made 20,000 references take over a minute).
struct TitleIndex<'a> {
    count: usize,
    by_title: HashMap<&'a str, usize>,
}

impl<'a> TitleIndex<'a> {
    fn new(credentials: &'a [Credential]) -> Self {
        let mut by_title = HashMap::with_capacity(credentials.len());
        for (i, c) in credentials.iter().enumerate() {
            // The first credential of a title wins, as a scan from the top would find it.
            by_title.entry(c.title.trim()).or_insert(i);
        }
        TitleIndex {
            count: credentials.len(),
            by_title,
        }
    }

    fn resolve(&self, target: &CredentialRef) -> Option<usize> {
        match target {
            CredentialRef::Index(i) => ((*i as usize) < self.count).then_some(*i as usize),
            CredentialRef::Title(t) => self.by_title.get(t.trim()).copied(),
        }
    }
}

fn describe(target: &CredentialRef) -> String {
    match target {
        CredentialRef::Index(i) => format!("credential number {}", i + 1),
        CredentialRef::Title(t) => format!("“{t}”"),
    }
}

fn check_credential(
    p: &mut Problems,
    at: &str,
    index: usize,
    c: &Credential,
    profile: &InstitutionProfile,
    terms: Option<&[Term]>,
    pilot_start: u32,
) {
    let name = if c.title.trim().is_empty() {
        format!("Credential number {}", index + 1)
    } else {
        format!("“{}”", c.title.trim())
    };
    p.text(
        &format!("{at}.title"),
        "A credential's title",
        &c.title,
        true,
        MAX_TEXT_CHARS,
    );
    let provider_required = c.provider.kind == ProviderKind::Industry;
    p.text(
        &format!("{at}.provider.name"),
        &format!("The provider of {name}"),
        &c.provider.name,
        provider_required,
        MAX_TEXT_CHARS,
    );
    if !c.learning_hours.is_finite()
        || c.learning_hours <= 0.0
        || c.learning_hours > MAX_LEARNING_HOURS
    {
        p.add(
            format!("{at}.learningHours"),
            format!(
                "Learning hours of {name} must be more than 0 and at most {} (you entered {})",
                format_count(MAX_LEARNING_HOURS as u64),
                super::entered(c.learning_hours)
            ),
        );
    }
    let r = &c.recommendation;
    let credits = [
        (
            "aceSemesterHours",
            "ACE semester hours",
            r.ace_semester_hours,
        ),
        ("ectsCredits", "ECTS credits", r.ects_credits),
        ("nsqfCredits", "NSQF credits", r.nsqf_credits),
    ];
    for (key, label, value) in credits {
        if let Some(v) = value {
            p.range(
                &format!("{at}.recommendation.{key}"),
                &format!("{label} for {name}"),
                v,
                0.0,
                MAX_CREDIT,
                "",
            );
        }
    }
    if let Some(level) = r.nsqf_level.filter(|l| !(1..=10).contains(l)) {
        p.add(
            format!("{at}.recommendation.nsqfLevel"),
            format!("The NSQF level of {name} must be 1 to 10 (you entered {level})"),
        );
    }
    p.range(
        &format!("{at}.homeCredit.amount"),
        &format!("Credit granted for {name}"),
        c.home_credit.amount,
        0.0,
        MAX_CREDIT,
        "",
    );
    if !(1..=MAX_COURSES).contains(&c.course_count) {
        p.add(
            format!("{at}.courseCount"),
            format!(
                "{name} must have 1 to {MAX_COURSES} courses (you entered {})",
                c.course_count
            ),
        );
    }
    if c.target_programs.is_empty() {
        p.add(
            format!("{at}.targetPrograms"),
            format!(
                "{name} needs at least one target program: its students are the ones who can enrol"
            ),
        );
    }
    if c.target_programs.len() > MAX_TARGET_PROGRAMS {
        p.add(
            format!("{at}.targetPrograms"),
            format!(
                "{name} can have {MAX_TARGET_PROGRAMS} target programs; it has {}",
                c.target_programs.len()
            ),
        );
    }
    let mut eligible: u64 = 0;
    for (j, program) in c.target_programs.iter().enumerate() {
        p.text(
            &format!("{at}.targetPrograms.{j}.name"),
            "A program's name",
            &program.name,
            true,
            MAX_TEXT_CHARS,
        );
        eligible += u64::from(program.enrolment);
        if let Some(years) = program.years_to_degree {
            p.range(
                &format!("{at}.targetPrograms.{j}.yearsToDegree"),
                &format!("Years to a degree in “{}”", program.name.trim()),
                years,
                MIN_YEARS_TO_DEGREE,
                MAX_YEARS_TO_DEGREE,
                " years",
            );
        }
    }
    if eligible > u64::from(profile.total_enrolment) {
        p.add(
            format!("{at}.targetPrograms"),
            format!(
                "The target programs of {name} enrol {} students, more than the institution's {}",
                format_count(eligible),
                format_count(profile.total_enrolment.into())
            ),
        );
    }
    if let Some(terms) = terms {
        if c.launch_term as usize >= terms.len() {
            p.add(
                format!("{at}.launchTerm"),
                format!(
                    "{name} would launch after the plan's last term, {}",
                    last_term_name(terms)
                ),
            );
        } else if c.launch_term < pilot_start {
            p.add(
                format!("{at}.launchTerm"),
                format!(
                    "{name} launches in {}, during Prepare; Pilot starts in {}",
                    term_name(Some(terms), c.launch_term),
                    term_name(Some(terms), pilot_start)
                ),
            );
        }
    }
    let e = &c.standard_elements;
    p.text(
        &format!("{at}.standardElements.learningOutcomes"),
        "Learning outcomes",
        &e.learning_outcomes,
        false,
        MAX_LONG_TEXT_CHARS,
    );
    p.text(
        &format!("{at}.standardElements.qualityAssurance"),
        "Quality assurance",
        &e.quality_assurance,
        false,
        MAX_LONG_TEXT_CHARS,
    );
    if let Some(level) = e.eqf_level.filter(|l| !(1..=8).contains(l)) {
        p.add(
            format!("{at}.standardElements.eqfLevel"),
            format!("The EQF level of {name} must be 1 to 8 (you entered {level})"),
        );
    }
}
