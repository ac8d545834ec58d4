//! Recomputes whole rollout plans, as the UI does on every edit:
//! - `large`: 40 credentials, 10-year horizon, 3 terms a year, 10,000 Monte Carlo draws
//!   (target: within 16 ms on a 2-core machine);
//! - `credentials_x10`: the same with 400 credentials;
//! - `draws_x10`: the same with 100,000 draws.
//!
//! Run with `cargo bench -p planner-core --bench rollout`; the medians are printed at the end.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::Criterion;
use planner_core::rollout::{RolloutInputs, project, sample_rollout};
use planner_core::{InstitutionProfile, sample_plan};

mod common;

const GROUP: &str = "rollout";

/// The sample plan stretched to `credentials` credentials over ten years of three terms,
/// launching over the first twenty terms.
fn plan(credentials: usize, draws: u32) -> (InstitutionProfile, RolloutInputs) {
    let profile = sample_plan().profile;
    let mut inputs = sample_rollout();
    inputs.start_date = NaiveDate::from_ymd_opt(2026, 9, 1).expect("valid date");
    inputs.horizon_years = 10;
    let portfolio = std::mem::take(&mut inputs.credentials);
    inputs.credentials = (0..credentials)
        .map(|i| {
            let mut c = portfolio[i % portfolio.len()].clone();
            c.title = format!("{} ({})", c.title, i + 1);
            c.stacks_into.clear();
            c.launch_term = 2 + (i % 20) as u32;
            c
        })
        .collect();
    inputs.uncertainty.draws = draws;
    project(&profile, &inputs).expect("the benchmark plan is valid");
    (profile, inputs)
}

fn cases() -> [(&'static str, usize, u32); 3] {
    [
        ("large", 40, 10_000),
        ("credentials_x10", 400, 10_000),
        ("draws_x10", 40, 100_000),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group(GROUP);
    group
        .sample_size(60)
        .measurement_time(Duration::from_secs(6));
    for (name, credentials, draws) in cases() {
        let (profile, inputs) = plan(credentials, draws);
        group.bench_function(name, |b| {
            b.iter(|| project(black_box(&profile), black_box(&inputs)))
        });
    }
    group.finish();
}

fn timed_median(credentials: usize, draws: u32) -> Duration {
    let (profile, inputs) = plan(credentials, draws);
    common::timed_median(|| {
        black_box(project(&profile, &inputs).ok());
    })
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
    if !common::measuring() {
        return;
    }
    println!("\nMedians (one full recomputation of the plan):");
    let mut large = None;
    for (name, credentials, draws) in cases() {
        let median = common::criterion_median(GROUP, name)
            .unwrap_or_else(|| timed_median(credentials, draws));
        let ms = median.as_secs_f64() * 1e3;
        let ratio = large
            .map(|l| format!(", {:.1}× the large plan", ms / l))
            .unwrap_or_default();
        println!("  {name:<16} {credentials:>3} credentials, {draws:>7} draws: {ms:8.3} ms{ratio}");
        large.get_or_insert(ms);
    }
}
