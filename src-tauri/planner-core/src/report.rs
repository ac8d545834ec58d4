//! What a dean chooses when exporting the report: the paper and which sections it carries. The
//! PDF, the HTML edition, the window's export dialog and `mcplan pdf` all read these, so a
//! section has one key and one name everywhere.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A part of the report a dean may leave out, in the order the report prints them. The cover
/// always prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
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
}

impl Default for ReportChoices {
    /// A4, every section.
    fn default() -> Self {
        ReportChoices {
            paper: Paper::A4,
            sections: ReportSection::ALL.to_vec(),
        }
    }
}

impl ReportChoices {
    pub fn includes(&self, section: ReportSection) -> bool {
        self.sections.contains(&section)
    }
}

/// Section keys as typed on the command line (`summary,budget,sign_off`), each once; a hyphen
/// reads as an underscore. An unknown key is refused, naming it and the keys there are.
pub fn parse_sections(text: &str) -> Result<Vec<ReportSection>, String> {
    let mut sections = Vec::new();
    for typed in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let key = typed.replace('-', "_");
        let section = ReportSection::parse(&key).ok_or_else(|| {
            let known: Vec<&str> = ReportSection::ALL.iter().map(|s| s.key()).collect();
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
    fn by_default_every_section_prints_on_a4() {
        let choices = ReportChoices::default();
        assert_eq!(choices.paper, Paper::A4);
        assert!(ReportSection::ALL.iter().all(|s| choices.includes(*s)));
    }
}
