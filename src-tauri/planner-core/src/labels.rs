//! The words (and, for the choices typed on the command line, the keys) for every choice the
//! planner offers, in one place: the window (through the generated `ui/src/bindings/labels.ts`
//! or the options command), `mcplan` and the PDF all print a choice with its `label()`, so a
//! dean reads the same words everywhere.

use serde::Serialize;

use crate::assessment::{Effort, Phase};
use crate::health::Severity;
use crate::report::{Paper, ReportSection};
use crate::review::{PlanStatus, Verdict};
use crate::rollout::{
    AssessmentType, CredentialField, DrawShape, GrantMethod, Participation, ProviderKind,
    ScenarioKind,
};
use crate::{CalendarSystem, CreditSystem, InstitutionType, Stage};

/// A choice with a fixed set of values, each with its words.
pub trait Labelled: Copy + Serialize + 'static {
    /// Every value, in the order a list of choices offers them.
    const VARIANTS: &'static [Self];
    /// The words every surface shows for the value.
    fn label(self) -> &'static str;
}

/// `label()` and [`Labelled`] for each enum; a variant left out fails to compile.
macro_rules! labels {
    ($($ty:ident { $($variant:ident => $label:literal),+ $(,)? })+) => {$(
        impl $ty {
            /// The words the window, `mcplan` and the PDF all show for this value.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl Labelled for $ty {
            const VARIANTS: &'static [Self] = &[$(Self::$variant),+];
            fn label(self) -> &'static str {
                $ty::label(self)
            }
        }
    )+};
}

labels! {
    Phase {
        Prepare => "Prepare",
        Pilot => "Pilot",
        Scale => "Scale",
        Sustain => "Sustain",
    }
    Effort {
        Low => "Low",
        Medium => "Medium",
        High => "High",
    }
    ProviderKind {
        Industry => "An industry provider",
        InHouse => "Our own faculty (in-house)",
    }
    CredentialField {
        Cybersecurity => "Cybersecurity",
        ProjectManagement => "Project management",
        SoftwareDevelopment => "Software development",
        DataAnalytics => "Data analytics",
        ItSupport => "IT support",
        UxDesign => "UX design",
        CloudComputing => "Cloud computing",
        Other => "Other",
    }
    GrantMethod {
        Elective => "As elective credit",
        CourseSubstitution => "In place of a program course",
        Stackable => "Toward a larger certificate (stackable)",
    }
    AssessmentType {
        Exam => "Exam",
        Project => "Project",
        Portfolio => "Portfolio",
        PracticalTask => "Practical task",
        Quizzes => "Quizzes",
        Mixed => "Mixed (several of these)",
    }
    Participation {
        Online => "Online",
        InPerson => "In person",
        Hybrid => "Hybrid (online and in person)",
    }
    DrawShape {
        Triangular => "Most likely near the expected value",
        Uniform => "Anywhere in the range, evenly",
    }
    Severity {
        High => "Serious",
        Medium => "Worth answering",
        Low => "Worth tidying",
    }
    ScenarioKind {
        Conservative => "Conservative",
        Expected => "Expected",
        Ambitious => "Ambitious",
    }
}

/// For the choices typed on the command line and read from forms, also every value in order
/// (`ALL`), its key (`key()`, as serde writes it: a test checks) and `parse()`, which takes a
/// key in any case with spaces around it.
macro_rules! keyed_labels {
    ($($ty:ident { $($variant:ident = $key:literal => $label:literal),+ $(,)? })+) => {
        labels! { $($ty { $($variant => $label),+ })+ }
        $(
            impl $ty {
                pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];

                /// The value's key, as plan files and forms spell it.
                pub fn key(self) -> &'static str {
                    match self {
                        $(Self::$variant => $key),+
                    }
                }

                /// The value whose key is `text`, in any case.
                pub fn parse(text: &str) -> Option<Self> {
                    let text = text.trim().to_ascii_lowercase();
                    Self::ALL.into_iter().find(|value| value.key() == text)
                }
            }
        )+
    };
}

keyed_labels! {
    Stage {
        Exploring = "exploring" => "Exploring micro-credentials",
        Offering = "offering" => "Offering micro-credentials, expanding",
    }
    InstitutionType {
        PublicUniversity = "public_university" => "Public university",
        PrivateNonprofit = "private_nonprofit" => "Private non-profit university or college",
        PrivateForProfit = "private_for_profit" => "Private for-profit institution",
        CommunityCollege = "community_college" => "Community or further-education college",
        TechnicalInstitute = "technical_institute" => "Technical or polytechnic institute",
        UniversitySystem = "university_system" => "University system (several campuses)",
        Other = "other" => "Other",
    }
    CreditSystem {
        UsSemester = "us_semester" => "US semester credit hours (ACE recommendations)",
        Ects = "ects" => "ECTS credits",
        Nsqf = "nsqf" => "NSQF / NCrF credits (India)",
        UkCats = "uk_cats" => "UK CATS credits",
        Custom = "custom" => "Our own rule (hours per credit)",
    }
    CalendarSystem {
        Semester = "semester" => "Semesters",
        Quarter = "quarter" => "Quarters",
        Trimester = "trimester" => "Trimesters",
    }
    ReportSection {
        Contents = "contents" => "Contents",
        Summary = "summary" => "Executive summary",
        Profile = "profile" => "Institution profile",
        Assessment = "assessment" => "Challenge assessment",
        Actions = "actions" => "Adopted actions",
        Timeline = "timeline" => "Rollout timeline",
        Portfolio = "portfolio" => "Credential portfolio and credit mapping",
        Uptake = "uptake" => "Uptake projection",
        Budget = "budget" => "Budget",
        Scenarios = "scenarios" => "Scenarios and uncertainty",
        WorkPlan = "work_plan" => "Work plan",
        Engagement = "engagement" => "Faculty engagement",
        Risks = "risks" => "Risks",
        Kpis = "kpis" => "Key performance indicators",
        Health = "health" => "Plan health check",
        Sources = "sources" => "Sources",
        SignOff = "sign_off" => "Committee sign-off",
        Changes = "changes" => "What changed since the version you reviewed",
    }
    Paper {
        A4 = "a4" => "A4 (210 × 297 mm)",
        Letter = "letter" => "US Letter (8.5 × 11 in)",
    }
    PlanStatus {
        Draft = "draft" => "Draft",
        SentToCommittee = "sent_to_committee" => "Sent to committee",
        Approved = "approved" => "Approved",
    }
    Verdict {
        Approved = "approved" => "Approved",
        ApprovedWithChanges = "approved_with_changes" => "Approved with changes",
        NotApproved = "not_approved" => "Not approved",
    }
}

/// The value's key as it travels to the window and into plan files (`in_person`).
pub fn key_of<T: Labelled>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(key)) => key,
        other => panic!("a labelled choice serialises as a string, not {other:?}"),
    }
}

/// `labels.ts`: for each enum, its keys with their words, in the order Rust lists them.
#[cfg(test)]
pub(crate) fn typescript() -> String {
    fn table<T: Labelled + ts_rs::TS>(out: &mut String) {
        let name = T::ident(&ts_rs::Config::default());
        out.push_str(&format!(
            "\nexport const {name}Labels: Record<{name}, string> = {{\n"
        ));
        for value in T::VARIANTS {
            let words = serde_json::to_string(value.label()).expect("a string");
            out.push_str(&format!("  {}: {words},\n", key_of(*value)));
        }
        out.push_str("};\n");
    }
    let mut imports = String::new();
    let mut tables = String::new();
    macro_rules! tables {
        ($($ty:ident),+) => {$(
            imports.push_str(&format!(
                "import type {{ {0} }} from './{0}';\n",
                stringify!($ty)
            ));
            table::<$ty>(&mut tables);
        )+};
    }
    tables!(
        AssessmentType,
        CredentialField,
        DrawShape,
        Effort,
        GrantMethod,
        Participation,
        Paper,
        Phase,
        PlanStatus,
        ProviderKind,
        ReportSection,
        ScenarioKind,
        Severity,
        Verdict
    );
    tables.push_str(&risk_scales());
    format!(
        "// The words for each choice, from planner-core's `label()`s: the window, mcplan and the \
         PDF\n// print the same. Generated by `UPDATE_BINDINGS=1 cargo test -p planner-core \
         bindings`; do not edit.\n{imports}{tables}"
    )
}

/// A risk's likelihood and impact in words, and the matrix's bands by their lowest severity.
#[cfg(test)]
fn risk_scales() -> String {
    use crate::workplan::{IMPACT_WORDS, LIKELIHOOD_WORDS, SEVERITY_BANDS};
    let words = |list: &[&str]| serde_json::to_string(list).expect("strings");
    let bands: Vec<String> = SEVERITY_BANDS
        .iter()
        .map(|(from, band)| {
            let band = serde_json::to_string(band).expect("a string");
            format!("{{ from: {from}, band: {band} }}")
        })
        .collect();
    format!(
        "\n/** A risk's likelihood 1–5 in words, at index 0–4. */\n\
         export const RiskLikelihoodWords = {} as const;\n\
         \n/** A risk's impact 1–5 in words, at index 0–4. */\n\
         export const RiskImpactWords = {} as const;\n\
         \n/** The risk matrix's bands, each from the lowest likelihood × impact it holds. */\n\
         export const RiskSeverityBands: readonly {{ from: number; band: string }}[] = [{}];\n",
        words(&LIKELIHOOD_WORDS),
        words(&IMPACT_WORDS),
        bands.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct<T: Labelled>() {
        let labels: Vec<&str> = T::VARIANTS.iter().map(|v| v.label()).collect();
        for (i, label) in labels.iter().enumerate() {
            assert!(!label.is_empty());
            assert!(!labels[..i].contains(label), "{label:?} names two choices");
        }
    }

    #[test]
    fn every_choice_has_its_own_words() {
        distinct::<Phase>();
        distinct::<Effort>();
        distinct::<ProviderKind>();
        distinct::<CredentialField>();
        distinct::<GrantMethod>();
        distinct::<AssessmentType>();
        distinct::<Participation>();
        distinct::<DrawShape>();
        distinct::<ScenarioKind>();
        distinct::<Stage>();
        distinct::<InstitutionType>();
        distinct::<CreditSystem>();
        distinct::<CalendarSystem>();
        distinct::<ReportSection>();
        distinct::<Paper>();
        distinct::<Severity>();
        distinct::<PlanStatus>();
        distinct::<Verdict>();
    }

    fn keys_agree_with_serde<T: Labelled + PartialEq + std::fmt::Debug>(
        key: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        for value in T::VARIANTS {
            assert_eq!(key(*value), key_of(*value), "{value:?}");
            let typed = format!("  {}  ", key(*value).to_ascii_uppercase());
            assert_eq!(parse(&typed), Some(*value), "{typed:?} parses");
        }
        assert_eq!(parse("no such choice"), None);
    }

    #[test]
    fn typed_keys_are_the_keys_plan_files_use() {
        keys_agree_with_serde(Stage::key, Stage::parse);
        keys_agree_with_serde(InstitutionType::key, InstitutionType::parse);
        keys_agree_with_serde(CreditSystem::key, CreditSystem::parse);
        keys_agree_with_serde(CalendarSystem::key, CalendarSystem::parse);
        keys_agree_with_serde(ReportSection::key, ReportSection::parse);
        keys_agree_with_serde(Paper::key, Paper::parse);
        keys_agree_with_serde(PlanStatus::key, PlanStatus::parse);
        keys_agree_with_serde(Verdict::key, Verdict::parse);
        assert_eq!(InstitutionType::ALL.len(), 7);
    }

    #[test]
    fn keys_are_the_names_plan_files_use() {
        assert_eq!(key_of(Participation::InPerson), "in_person");
        assert_eq!(
            Participation::Hybrid.label(),
            "Hybrid (online and in person)"
        );
        let table = typescript();
        assert!(
            table.contains("  hybrid: \"Hybrid (online and in person)\",\n"),
            "{table}"
        );
    }
}
