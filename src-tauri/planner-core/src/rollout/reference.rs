//! The rollout model's fixed content, kept as data (`data/rollout.json`): the reference
//! system the projection is calibrated against and the default gate criteria of each phase.

use std::sync::OnceLock;

use serde::Deserialize;

const ROLLOUT_JSON: &str = include_str!("../../data/rollout.json");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RolloutReference {
    pub source: String,
    pub reference_system: ReferenceSystem,
    pub phase_gates: PhaseGates,
}

/// The system case of the reference report.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ReferenceSystem {
    pub name: String,
    pub students: u32,
    pub enrolled: u32,
    pub courses_completed: u32,
    /// The period the calibration compares, in academic years from the first launch (the
    /// report counts "since launch": Career Academy launched in May 2023, the report is of
    /// 2024, so about one academic year).
    pub period_years: u8,
    /// The report's sentence, verbatim.
    pub quote: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhaseGates {
    pub prepare: Vec<String>,
    pub pilot: Vec<String>,
    pub scale: Vec<String>,
    pub sustain: Vec<String>,
}

pub(crate) fn reference() -> &'static RolloutReference {
    static REFERENCE: OnceLock<RolloutReference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        serde_json::from_str(ROLLOUT_JSON)
            .unwrap_or_else(|e| panic!("data/rollout.json does not read: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::reference;

    const REPORT: &str =
        include_str!("../../data/coursera-micro-credentials-impact-report-2024.txt");

    #[test]
    fn the_reference_system_is_quoted_verbatim_and_its_figures_are_the_quote_s() {
        let r = reference();
        assert_eq!(r.source, crate::assessment::guide().source);
        assert!(
            REPORT.contains(&r.reference_system.quote),
            "quote is verbatim"
        );
        let s = &r.reference_system;
        for figure in [
            crate::format_count(u64::from(s.students)),
            format!(
                "over {} students enrolled",
                crate::format_count(u64::from(s.enrolled))
            ),
            format!(
                "more than {} courses",
                crate::format_count(u64::from(s.courses_completed))
            ),
        ] {
            assert!(s.quote.contains(&figure), "the quote says {figure}");
        }
        assert!(s.quote.contains(&s.name));
    }

    #[test]
    fn every_phase_has_default_gate_criteria() {
        let g = &reference().phase_gates;
        for gate in [&g.prepare, &g.pilot, &g.scale, &g.sustain] {
            assert!(gate.len() >= 3 && gate.iter().all(|c| !c.trim().is_empty()));
        }
    }
}
