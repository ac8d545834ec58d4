//! What the benchmarks share: the medians they print at the end. (The large plan they
//! measure is `planner_core::sample::large_plan`.)

use std::path::PathBuf;
use std::time::{Duration, Instant};

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
