//! `mcplan rollup ID ID …`: several plans side by side, computed by planner-core
//! (`planner_core::rollup`), printed, or written as CSV or PDF.

use std::path::PathBuf;

use chrono::Local;
use planner_core::PlanDetail;
use planner_core::format::{Money, count};
use planner_core::rollup::{Rollup, RollupFigures, check_choice, roll_up, rollup_csv};
use planner_store::Store;

use crate::Failure;
use crate::commands::{check_destination, parse_id, report_failure, say};

/// Where the roll-up goes: at most one file (clap refuses more); printed when none.
pub(crate) struct Output {
    pub(crate) csv: Option<PathBuf>,
    pub(crate) pdf: Option<PathBuf>,
    pub(crate) html: Option<PathBuf>,
}

pub(crate) fn run(store: &Store, ids: &[String], output: Output) -> Result<(), Failure> {
    let Output { csv, pdf, html } = output;
    let ids = ids
        .iter()
        .map(|id| parse_id(id))
        .collect::<Result<Vec<_>, _>>()?;
    check_choice(&ids).map_err(|e| Failure::Input(e.to_string()))?;
    if let Some(out) = csv.as_ref().or(pdf.as_ref()) {
        let example = if pdf.is_some() {
            "rollup.pdf"
        } else {
            "rollup.csv"
        };
        check_destination(out, store, example)?;
    }
    let plans = ids
        .iter()
        .map(|id| Ok(store.get_plan(*id)?.detail()))
        .collect::<Result<Vec<PlanDetail>, Failure>>()?;
    let rollup = roll_up(&plans).map_err(|e| Failure::Input(e.to_string()))?;
    if let Some(out) = csv {
        return say(&crate::csv::write(&rollup_csv(&rollup), &out)?);
    }
    if let Some(out) = pdf {
        let written = planner_report::export_rollup(&rollup, Local::now().date_naive(), &out)
            .map_err(report_failure)?;
        return say(&format!(
            "Wrote {} ({} pages, {} bytes)",
            out.display(),
            written.pages,
            written.bytes.len()
        ));
    }
    if let Some(out) = html {
        let today = Local::now().date_naive();
        let bytes =
            planner_report::export_rollup_html(&rollup, today, &out).map_err(report_failure)?;
        return say(&format!("Wrote {} ({bytes} bytes)", out.display()));
    }
    say(&described(&rollup))
}

/// The roll-up as text: a line per fiscal year, one per campus, then the notes.
fn described(rollup: &Rollup) -> String {
    let money = rollup.currency.as_deref().map(Money::new);
    let amount = |value: Option<f64>| match (&money, value) {
        (Some(m), Some(v)) => m.format(v),
        _ => "not added".to_owned(),
    };
    let credits = |value: Option<f64>| value.map_or("not added".to_owned(), count);
    let line = |label: &str, f: &RollupFigures| {
        format!(
            "  {label:<8} {:>10} enrolments  {:>10} credits  cost {:>14}  benefit {:>14}",
            count(f.enrolments),
            credits(f.credits_awarded),
            amount(f.cost),
            amount(f.benefit)
        )
    };
    let mut out = vec![format!("Roll-up of {} plans", rollup.campuses.len())];
    for year in &rollup.years {
        let mark = if year.partly_covered {
            " (partly covered)"
        } else {
            ""
        };
        out.push(line(&year.label, &year.total) + mark);
    }
    out.push(line("Total", &rollup.total));
    out.push(String::new());
    for campus in &rollup.campuses {
        let challenges = if campus.top_challenges.is_empty() {
            "not assessed yet".to_owned()
        } else {
            campus.top_challenges.join("; ")
        };
        out.push(format!("{} — {}", campus.institution, campus.title));
        if let Some(h) = &campus.headline {
            let own = Money::new(&campus.currency);
            out.push(format!(
                "  {} to {}: {} enrolments, {} credits, cost {}, benefit {}, payback {}",
                h.start_date,
                h.end_date,
                count(h.totals.enrolments),
                credits(h.totals.credits_awarded),
                own.format(h.totals.cost.unwrap_or_default()),
                own.format(h.totals.benefit.unwrap_or_default()),
                h.payback_year
                    .as_deref()
                    .unwrap_or("not within the horizon")
            ));
        }
        out.push(format!("  Top challenges: {challenges}"));
    }
    out.push(String::new());
    out.extend(rollup.notes.iter().cloned());
    out.join("\n")
}
