//! Recomputes whole rollout plans, as the UI does on every edit:
//! - `large`: 40 credentials, 10-year horizon, 3 terms a year, 10,000 Monte Carlo draws
//!   (target: within 16 ms on a 2-core machine);
//! - `credentials_x10`: the same with 400 credentials;
//! - `draws_x10`: the same with 100,000 draws.
//!
//! Run with `cargo bench -p planner-core --bench rollout`; the medians are printed at the end.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use planner_core::rollout::project;
use planner_core::sample::large_rollout;
use planner_core::sample_plan;

mod common;

const GROUP: &str = "rollout";

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
        let (profile, inputs) = (sample_plan().profile, large_rollout(credentials, draws));
        group.bench_function(name, |b| {
            b.iter(|| project(black_box(&profile), black_box(&inputs)))
        });
    }
    group.finish();
}

fn timed_median(credentials: usize, draws: u32) -> Duration {
    let (profile, inputs) = (sample_plan().profile, large_rollout(credentials, draws));
    common::timed_median(&|| {
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
