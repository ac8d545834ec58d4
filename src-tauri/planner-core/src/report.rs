//! What a dean chooses when exporting the report: the paper and which sections it carries. The
//! PDF, the HTML edition, the window's export dialog and `mcplan pdf` all read these, so a
//! section has one key and one name everywhere.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A part of the report a dean may leave out, in the order the report prints them. The cover
/// always prints.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportSection {
    Contents,
    Summary,
    Profile,
    Assessment,
    Actions,
    Timeline,
    Portfolio,
    Uptake,
    Budget,
    Scenarios,
    WorkPlan,
    Engagement,
    Risks,
    Kpis,
    Health,
    Sources,
    SignOff,
    /// The appendix of what changed since a version of the plan: printed when the choices name
    /// that version ([`ReportChoices::changes_since`]), never by being listed in `sections`.
    Changes,
}

impl ReportSection {
    /// True for the sections a dean ticks or unticks in `sections` (all but the appendix of
    /// what changed, which a version chosen brings in).
    pub fn is_chosen_by_ticking(self) -> bool {
        self != ReportSection::Changes
    }
}

/// The paper the report is laid out on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres, portrait.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

/// The export dialog's choices, as the window sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportChoices {
    pub paper: Paper,
    /// The sections to print; their order here does not matter, the report's order is
    /// [`ReportSection::ALL`].
    pub sections: Vec<ReportSection>,
    /// The number of the plan's version whose changes since the appendix lists ("What changed
    /// since the version you reviewed"); none, no appendix.
    #[serde(default)]
    pub changes_since: Option<u32>,
}

impl Default for ReportChoices {
    /// A4, every section, no appendix of changes.
    fn default() -> Self {
        ReportChoices {
            paper: Paper::A4,
            sections: ReportSection::ALL
                .into_iter()
                .filter(|s| s.is_chosen_by_ticking())
                .collect(),
            changes_since: None,
        }
    }
}

impl ReportChoices {
    pub fn includes(&self, section: ReportSection) -> bool {
        if section.is_chosen_by_ticking() {
            self.sections.contains(&section)
        } else {
            self.changes_since.is_some()
        }
    }
}

/// Section keys as typed on the command line (`summary,budget,sign_off`), each once; a hyphen
/// reads as an underscore. An unknown key is refused, naming it and the keys there are.
pub fn parse_sections(text: &str) -> Result<Vec<ReportSection>, String> {
    let mut sections = Vec::new();
    for typed in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let key = typed.replace('-', "_");
        if ReportSection::parse(&key).is_some_and(|s| !s.is_chosen_by_ticking()) {
            return Err(format!(
                "{typed:?}: the appendix of what changed prints when you name the version to \
                 compare with (--compare-with VERSION), not as a section"
            ));
        }
        let section = ReportSection::parse(&key).ok_or_else(|| {
            let known: Vec<&str> = ReportSection::ALL
                .iter()
                .filter(|s| s.is_chosen_by_ticking())
                .map(|s| s.key())
                .collect();
            format!(
                "{typed:?} is not a section of the report; the sections are {}",
                known.join(", ")
            )
        })?;
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    if sections.is_empty() {
        return Err("no section named: give one or more of the report's section keys".into());
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_sections_read_in_any_case_with_hyphens_each_once() {
        assert_eq!(
            parse_sections(" Summary, sign-off ,budget,summary"),
            Ok(vec![
                ReportSection::Summary,
                ReportSection::SignOff,
                ReportSection::Budget
            ])
        );
    }

    #[test]
    fn an_unknown_or_missing_section_is_refused_by_name() {
        let refused = parse_sections("summary,annexes").expect_err("annexes is no section");
        assert!(
            refused.starts_with("\"annexes\" is not a section") && refused.contains("sign_off"),
            "names the key and the ones there are: {refused}"
        );
        assert!(parse_sections(" , ").is_err(), "an empty list is refused");
    }

    #[test]
    fn by_default_every_section_prints_on_a4_without_the_changes() {
        let choices = ReportChoices::default();
        assert_eq!(choices.paper, Paper::A4);
        for section in ReportSection::ALL {
            assert_eq!(
                choices.includes(section),
                section != ReportSection::Changes,
                "{section:?}"
            );
        }
    }

    #[test]
    fn the_changes_print_when_a_version_is_named_whatever_the_sections_say() {
        let choices = |sections: Vec<ReportSection>, changes_since| ReportChoices {
            paper: Paper::A4,
            sections,
            changes_since,
        };
        assert!(choices(vec![ReportSection::Summary], Some(2)).includes(ReportSection::Changes));
        assert!(
            !choices(vec![ReportSection::Changes], None).includes(ReportSection::Changes),
            "listing the appendix without a version to compare with prints nothing"
        );
        let refused = parse_sections("summary,changes").expect_err("not a ticked section");
        assert!(refused.contains("--compare-with"), "{refused}");
    }
}
