//! Writes the sample plan's report, for looking at the layout:
//! `cargo run -p planner-report --example sample_report -- out.pdf ["Institution" [CC [Title]]]`
//! (`MCPLAN_PAPER=letter` for US Letter).

use planner_core::report::Paper;
use planner_core::{StoredPlan, sample_plan};
use planner_report::{ReportOptions, export};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "sample-report.pdf".to_owned());
    let mut plan = sample_plan();
    if let Some(name) = args.next() {
        plan.profile.name = name;
    }
    if let Some(country) = args.next() {
        plan.profile.country = Some(country);
    }
    if let Some(title) = args.next() {
        plan.title = title;
    }
    let stored = StoredPlan {
        id: 1,
        plan,
        revision: 1,
        created_at: "2026-11-29T09:00:00Z".to_owned(),
        updated_at: "2026-11-29T09:00:00Z".to_owned(),
    };
    let mut options = ReportOptions::today();
    if let Some(paper) = std::env::var("MCPLAN_PAPER")
        .ok()
        .and_then(|p| Paper::parse(&p))
    {
        options.choices.paper = paper;
    }
    let report = export(&stored.detail(), &options, path.as_ref())?;
    println!(
        "{path}: {} pages, {} bytes",
        report.pages,
        report.bytes.len()
    );
    Ok(())
}
