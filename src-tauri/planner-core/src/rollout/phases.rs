//! Phases Prepare → Pilot → Scale → Sustain over the plan's terms, with their gate criteria.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inputs::PhasePlan;
use super::reference::reference;
use super::terms::Term;
use crate::assessment::Phase;

/// One phase as it falls on the plan's terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhaseSpan {
    pub phase: Phase,
    pub label: String,
    /// First and last term index; `None` when the phase has no term inside the horizon.
    pub first_term: Option<u32>,
    pub last_term: Option<u32>,
    #[ts(type = "string | null")]
    pub start: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub end: Option<NaiveDate>,
    pub term_count: u32,
    /// What must be true before the next phase begins.
    pub gate_criteria: Vec<String>,
}

pub const PHASES: [Phase; 4] = [Phase::Prepare, Phase::Pilot, Phase::Scale, Phase::Sustain];

/// The term index each phase starts at, in phase order (Prepare at 0).
pub fn phase_starts(plan: &PhasePlan) -> [u32; 4] {
    [
        0,
        plan.pilot_start_term,
        plan.scale_start_term,
        plan.sustain_start_term,
    ]
}

/// The phase a term falls in (the last phase whose start is at or before it).
pub fn phase_of(plan: &PhasePlan, term: u32) -> Phase {
    let starts = phase_starts(plan);
    PHASES
        .into_iter()
        .zip(starts)
        .filter(|(_, s)| *s <= term)
        .map(|(p, _)| p)
        .next_back()
        .unwrap_or(Phase::Prepare)
}

/// The gate criteria the dean set for a phase, or the defaults.
pub fn gate_criteria(plan: &PhasePlan, phase: Phase) -> Vec<String> {
    let gates = &reference().phase_gates;
    let (custom, default) = match phase {
        Phase::Prepare => (&plan.prepare_gate, &gates.prepare),
        Phase::Pilot => (&plan.pilot_gate, &gates.pilot),
        Phase::Scale => (&plan.scale_gate, &gates.scale),
        Phase::Sustain => (&plan.sustain_gate, &gates.sustain),
    };
    custom.clone().unwrap_or_else(|| default.clone())
}

/// The four phases over `terms` (which must already be numbered 0..).
pub fn phase_spans(plan: &PhasePlan, terms: &[Term]) -> Vec<PhaseSpan> {
    let starts = phase_starts(plan);
    let count = terms.len() as u32;
    PHASES
        .into_iter()
        .enumerate()
        .map(|(i, phase)| {
            let first = starts[i].min(count);
            let next = starts
                .get(i + 1)
                .copied()
                .unwrap_or(count)
                .clamp(first, count);
            let (first_term, last_term) = if next > first {
                (Some(first), Some(next - 1))
            } else {
                (None, None)
            };
            PhaseSpan {
                phase,
                label: phase.label().to_owned(),
                first_term,
                last_term,
                start: first_term.map(|t| terms[t as usize].start),
                end: last_term.map(|t| terms[t as usize].end),
                term_count: next - first,
                gate_criteria: gate_criteria(plan, phase),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(pilot: u32, scale: u32, sustain: u32) -> PhasePlan {
        PhasePlan {
            pilot_start_term: pilot,
            scale_start_term: scale,
            sustain_start_term: sustain,
            prepare_gate: None,
            pilot_gate: Some(vec!["Ten completers".into()]),
            scale_gate: None,
            sustain_gate: None,
        }
    }

    #[test]
    fn phases_cover_the_terms_contiguously_and_an_unreached_phase_is_empty() {
        let p = plan(2, 4, 6);
        // Terms 0–1 Prepare, 2–3 Pilot, 4–5 Scale; Sustain would start at 6 = beyond 6 terms.
        let expected = [
            Phase::Prepare,
            Phase::Prepare,
            Phase::Pilot,
            Phase::Pilot,
            Phase::Scale,
        ];
        for (term, phase) in expected.into_iter().enumerate() {
            assert_eq!(phase_of(&p, term as u32), phase, "term {term}");
        }
        assert_eq!(
            phase_of(&plan(0, 0, 1), 0),
            Phase::Scale,
            "empty phases are skipped"
        );
        assert_eq!(gate_criteria(&p, Phase::Pilot), ["Ten completers"]);
        assert_eq!(
            gate_criteria(&p, Phase::Scale),
            reference().phase_gates.scale
        );
    }
}
