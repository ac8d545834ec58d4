//! The large plan that benchmarks and latency measurements run on: the sample institution with
//! 40 credentials over ten years of three terms, 10,000 Monte Carlo draws, and 500 tasks (the
//! sample's own and random ones with random acyclic dependencies). Seeded, so every build
//! makes the same plan.

use chrono::NaiveDate;
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use crate::plan::Plan;
use crate::rollout::{RolloutInputs, project, sample_rollout};
use crate::workplan::{Dependency, Task, TaskKind, WorkPlan, keep_in_step};

pub const LARGE_CREDENTIALS: usize = 40;
pub const LARGE_TASKS: usize = 500;
pub const LARGE_DRAWS: u32 = 10_000;

/// Who owns the random tasks, in turn.
const OWNERS: [&str; 5] = [
    "Registrar",
    "Associate provost for curriculum",
    "Director of advising",
    "Chief information officer",
    "Dean of continuing education",
];

/// The large plan: see the module's description.
pub fn large_plan() -> Plan {
    let mut plan = super::sample_plan();
    plan.title = "Large plan: 40 credentials and 500 tasks over ten years".to_owned();
    plan.rollout = Some(large_rollout(LARGE_CREDENTIALS, LARGE_DRAWS));
    keep_in_step(&mut plan);
    let terms = plan
        .rollout
        .as_ref()
        .map_or(0, |inputs| inputs.horizon_years as u32 * 3);
    let own = plan.work_plan.tasks.len();
    let random = random_work_plan(LARGE_TASKS - own, terms, LARGE_TASKS as u64);
    plan.work_plan.tasks.extend(random.tasks);
    plan.work_plan.dependencies.extend(random.dependencies);
    plan
}

/// The sample's rollout stretched to `credentials` credentials over ten years, launching over
/// the first twenty terms, with `draws` Monte Carlo draws.
pub fn large_rollout(credentials: usize, draws: u32) -> RolloutInputs {
    let profile = super::sample_plan().profile;
    let mut inputs = sample_rollout();
    inputs.start_date = NaiveDate::from_ymd_opt(2026, 9, 1).expect("valid date");
    inputs.horizon_years = 10;
    let portfolio = std::mem::take(&mut inputs.credentials);
    inputs.credentials = (0..credentials)
        .map(|i| {
            let mut c = portfolio[i % portfolio.len()].clone();
            c.title = format!("{} ({})", c.title, i + 1);
            c.stacks_into.clear();
            c.launch_term = 3 + (i % 20) as u32;
            c
        })
        .collect();
    inputs.uncertainty.draws = draws;
    project(&profile, &inputs).expect("the large plan's rollout is valid");
    inputs
}

/// `tasks` random tasks on a calendar of `terms` terms: each waits for up to three earlier
/// ones (about 1.5 on average, some with a lag); one in ten is a milestone and one in ten is
/// pinned to a term; the list is shuffled so a scheduler has to find the order itself.
pub fn random_work_plan(tasks: usize, terms: u32, seed: u64) -> WorkPlan {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut below = |n: u64| rng.next_u64() % n;
    let id = |i: u64| format!("work_{i}");
    let mut plan = WorkPlan::default();
    for i in 0..tasks {
        let milestone = below(10) == 0;
        plan.tasks.push(Task {
            id: id(i as u64),
            title: format!("Work package {}", i + 1),
            owner_role: OWNERS[i % OWNERS.len()].to_owned(),
            duration_weeks: if milestone { 0 } else { 1 + below(12) as i32 },
            pinned_term: (below(10) == 0 && terms > 0).then(|| below(u64::from(terms)) as u32),
            phase: None,
            kind: if milestone {
                TaskKind::Milestone
            } else {
                TaskKind::Custom
            },
        });
        let mut predecessors: Vec<u64> = (0..below(4))
            .filter(|_| i > 0)
            .map(|_| below(i as u64))
            .collect();
        predecessors.sort_unstable();
        predecessors.dedup();
        for p in predecessors {
            let lag = if below(5) == 0 {
                1 + below(2) as i32
            } else {
                0
            };
            let dependency = Dependency::new(&id(p), &id(i as u64), lag);
            plan.dependencies.push(dependency);
        }
    }
    for i in (1..tasks).rev() {
        let j = below(i as u64 + 1) as usize;
        plan.tasks.swap(i, j);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RolloutStatus, ScheduleStatus, StoredPlan};

    #[test]
    fn the_large_plan_is_the_same_every_time_and_schedules() {
        let plan = large_plan();
        assert_eq!(plan, large_plan(), "seeded");
        let inputs = plan.rollout.as_ref().expect("a rollout");
        assert_eq!(
            (
                inputs.credentials.len(),
                inputs.horizon_years,
                inputs.uncertainty.draws,
                plan.work_plan.tasks.len()
            ),
            (40, 10, 10_000, 500)
        );
        let detail = StoredPlan::unsaved(plan).detail();
        let RolloutStatus::Projected { result } = &detail.projection else {
            panic!("the large plan projects");
        };
        // Ten years of three terms from 1 September 2026: Fall 2026 (from 25 August) and Fall
        // 2036 (to the plan's end, 31 August) are partly inside and count too.
        assert_eq!(result.terms.len(), 31);
        let ScheduleStatus::Scheduled { schedule } = &detail.schedule else {
            panic!("the large plan schedules: {:?}", detail.schedule);
        };
        assert_eq!(schedule.tasks.len(), 500);
        assert!(!schedule.critical_path.is_empty());
    }
}
