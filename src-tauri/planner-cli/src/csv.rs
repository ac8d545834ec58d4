//! `mcplan csv ID --table T --out FILE`: one of a plan's tables for a spreadsheet. The text is
//! planner-core's (`planner_core::tables`); here it is written whole or not at all.

use std::path::Path;

use planner_core::PlanDetail;
use planner_core::tables::{CsvTable, table_csv};

use crate::Failure;
use crate::commands::report_failure;

pub(crate) fn parse_table(typed: &str) -> Result<CsvTable, Failure> {
    CsvTable::parse(typed).ok_or_else(|| {
        let keys: Vec<&str> = CsvTable::ALL.iter().map(|t| t.key()).collect();
        Failure::Input(format!(
            "--table {typed:?}: the table is one of {}",
            keys.join(", ")
        ))
    })
}

/// Writes `table` of `plan` to `out` atomically; says what was written.
pub(crate) fn table(plan: &PlanDetail, table: CsvTable, out: &Path) -> Result<String, Failure> {
    let text = table_csv(plan, table).map_err(|e| Failure::Input(e.to_string()))?;
    write(&text, out)
}

pub(crate) fn write(text: &str, out: &Path) -> Result<String, Failure> {
    planner_report::write_atomically(out, text.as_bytes()).map_err(report_failure)?;
    let rows = text.matches("\r\n").count().saturating_sub(1);
    Ok(format!(
        "Wrote {} ({rows} rows, {} bytes)",
        out.display(),
        text.len()
    ))
}
