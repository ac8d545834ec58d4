//! What the benchmarks share: the large plan they measure, and the medians they print at the
//! end.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use planner_core::rollout::{RolloutInputs, project, sample_rollout};
use planner_core::{InstitutionProfile, sample_plan};

/// The sample plan stretched to `credentials` credentials over ten years of three terms,
/// launching over the first twenty terms.
pub fn large_plan(credentials: usize, draws: u32) -> (InstitutionProfile, RolloutInputs) {
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
            c.launch_term = 3 + (i % 20) as u32;
            c
        })
        .collect();
    inputs.uncertainty.draws = draws;
    project(&profile, &inputs).expect("the benchmark plan is valid");
    (profile, inputs)
}

/// Criterion's median for benchmark `name` of `group`, from the estimates it wrote; `None`
/// when they cannot be found.
pub fn criterion_median(group: &str, name: &str) -> Option<Duration> {
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
        let path = root.join(group).join(name).join("new/estimates.json");
        let text = std::fs::read_to_string(path).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        let nanos = json["median"]["point_estimate"].as_f64()?;
        Some(Duration::from_secs_f64(nanos / 1e9))
    })
}

/// A plain median of 31 runs of `f`, when criterion's files cannot be found.
pub fn timed_median(f: &dyn Fn()) -> Duration {
    let mut times: Vec<Duration> = (0..31)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

/// `cargo test --benches` runs each benchmark once, with no `--bench`: nothing to report then.
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}
