//! Recomputes whole rollout plans, as the UI does on every edit:
//! - `large`: 40 credentials, 10-year horizon, 3 terms a year, 10,000 Monte Carlo draws
//!   (target: within 16 ms on a 2-core machine);
//! - `credentials_x10`: the same with 400 credentials;
//! - `draws_x10`: the same with 100,000 draws.
//!
//! Run with `cargo bench -p planner-core --bench rollout`; the medians are printed at the end.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::Criterion;
use planner_core::rollout::{RolloutInputs, project, sample_rollout};
use planner_core::{InstitutionProfile, sample_plan};

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

/// Criterion's median for a benchmark, from the estimates it wrote.
fn criterion_median(name: &str) -> Option<Duration> {
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        roots.push(home.into());
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        roots.push(PathBuf::from(target).join("criterion"));
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(target) = exe.ancestors().nth(3)
    {
        roots.push(target.join("criterion"));
    }
    roots.into_iter().find_map(|root| {
        let path = root.join(GROUP).join(name).join("new/estimates.json");
        let text = std::fs::read_to_string(path).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        let nanos = json["median"]["point_estimate"].as_f64()?;
        Some(Duration::from_secs_f64(nanos / 1e9))
    })
}

/// A plain median of repeated runs, when criterion's files cannot be found.
fn timed_median(credentials: usize, draws: u32) -> Duration {
    let (profile, inputs) = plan(credentials, draws);
    let mut times: Vec<Duration> = (0..31)
        .map(|_| {
            let start = Instant::now();
            black_box(project(&profile, &inputs).ok());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
    // `cargo test --benches` runs each benchmark once, with no `--bench`: nothing to report.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    println!("\nMedians (one full recomputation of the plan):");
    let mut large = None;
    for (name, credentials, draws) in cases() {
        let median = criterion_median(name).unwrap_or_else(|| timed_median(credentials, draws));
        let ms = median.as_secs_f64() * 1e3;
        let ratio = large
            .map(|l| format!(", {:.1}× the large plan", ms / l))
            .unwrap_or_default();
        println!("  {name:<16} {credentials:>3} credentials, {draws:>7} draws: {ms:8.3} ms{ratio}");
        large.get_or_insert(ms);
    }
}
