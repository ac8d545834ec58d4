//! Credit conversion: the credit a credential's learning hours support under each
//! convention, and whether the credit granted at home is supported.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inputs::Credential;
use crate::calendar::CalendarSystem;
use crate::credit::CreditSystem;
use crate::profile::InstitutionProfile;

/// ECTS: one credit is 25–30 hours of learning.
pub const ECTS_HOURS_LOW: f64 = 25.0;
pub const ECTS_HOURS_HIGH: f64 = 30.0;
/// US semester credit hour: about 45 hours of total learning (15 in class, 30 outside).
pub const US_SEMESTER_HOURS: f64 = 45.0;
/// US quarter credit hour: two thirds of a semester hour, so 30 hours.
pub const US_QUARTER_HOURS: f64 = US_SEMESTER_HOURS * 2.0 / 3.0;
/// India's NCrF / NSQF: 30 notional learning hours per credit.
pub const NSQF_HOURS: f64 = 30.0;
/// UK CATS: 10 notional hours per credit.
pub const CATS_HOURS: f64 = 10.0;
/// The frameworks' pairing of credit, not of hours: a full year is 120 CATS or 60 ECTS. By
/// hours the ratio is 2.5–3 (10 against 25–30 hours), so a recommendation in ECTS is doubled for
/// CATS while the hours column can read more.
pub const CATS_PER_ECTS: f64 = 2.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CreditFlagKind {
    /// More credit is granted than the learning hours support under the home convention.
    ExceedsHours,
    /// More credit is granted than the external recommendation, in home credits.
    ExceedsRecommendation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditFlag {
    pub kind: CreditFlagKind,
    /// The arithmetic as a sentence: "120 learning hours support at most 2.7 US semester
    /// credit hours (120 ÷ 45); 3 are granted".
    pub message: String,
}

/// What one credential's learning hours are worth under each convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditConversion {
    pub credential_index: u32,
    pub learning_hours: f64,
    /// hours ÷ 30 and hours ÷ 25.
    pub ects_low: f64,
    pub ects_high: f64,
    /// hours ÷ 45.
    pub us_semester_hours: f64,
    /// hours ÷ 30 (1.5 × semester hours).
    pub us_quarter_hours: f64,
    /// hours ÷ 30.
    pub nsqf_credits: f64,
    /// hours ÷ 10.
    pub uk_cats: f64,
    /// hours ÷ the profile's hours per credit, when it has its own rule.
    pub custom_credits: Option<f64>,
    /// The home unit the grant is in: "US semester credit hours".
    pub home_unit: String,
    /// Learning hours per home credit used for the check.
    pub home_hours_per_credit: f64,
    /// The most home credit the hours support.
    pub home_supported: f64,
    pub home_granted: f64,
    /// The external recommendation expressed in home credits, where one applies.
    pub home_recommended: Option<f64>,
    pub flags: Vec<CreditFlag>,
}

/// The home unit's name and its learning hours per credit. A US institution on quarters
/// counts in quarter hours. `None` for a custom rule without its hours.
pub fn home_convention(profile: &InstitutionProfile) -> Option<(&'static str, f64)> {
    match profile.credit_system {
        CreditSystem::UsSemester if profile.calendar.system == CalendarSystem::Quarter => {
            Some(("US quarter credit hours", US_QUARTER_HOURS))
        }
        CreditSystem::UsSemester => Some(("US semester credit hours", US_SEMESTER_HOURS)),
        // The generous end of the 25–30 h range: a grant beyond hours ÷ 25 is unsupported
        // under any reading.
        CreditSystem::Ects => Some(("ECTS credits", ECTS_HOURS_LOW)),
        CreditSystem::Nsqf => Some(("NSQF/NCrF credits", NSQF_HOURS)),
        CreditSystem::UkCats => Some(("UK CATS credits", CATS_HOURS)),
        CreditSystem::Custom => profile
            .custom_hours_per_credit
            .filter(|h| h.is_finite() && *h > 0.0)
            .map(|h| ("credits", h)),
    }
}

/// The external recommendation in home credits: ACE hours (×1.5 on quarters), ECTS, NSQF,
/// or ECTS × 2 for CATS.
fn recommended_in_home(profile: &InstitutionProfile, credential: &Credential) -> Option<f64> {
    let r = &credential.recommendation;
    match profile.credit_system {
        CreditSystem::UsSemester if profile.calendar.system == CalendarSystem::Quarter => {
            r.ace_semester_hours.map(|h| h * 1.5)
        }
        CreditSystem::UsSemester => r.ace_semester_hours,
        CreditSystem::Ects => r.ects_credits,
        CreditSystem::Nsqf => r.nsqf_credits,
        CreditSystem::UkCats => r.ects_credits.map(|e| e * CATS_PER_ECTS),
        CreditSystem::Custom => None,
    }
}

/// A number as people write it: whole numbers plain, others to one decimal (two when one
/// would hide a difference that matters).
pub fn plain_number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round())
    } else {
        format!("{x:.1}")
    }
}

/// Two different numbers written so that they read different: "6" and "6.01", never "6" and
/// "6.0". Whole numbers stay plain; otherwise each gets the fewest decimals (one at least, six
/// at most) at which the two round apart.
pub fn distinct(a: f64, b: f64) -> (String, String) {
    let decimals = (1..=6)
        .find(|d| {
            let scale = 10f64.powi(*d);
            (a * scale).round() != (b * scale).round()
        })
        .unwrap_or(6) as usize;
    let write = |x: f64| {
        if (x - x.round()).abs() < 1e-9 {
            format!("{}", x.round())
        } else {
            format!("{x:.decimals$}")
        }
    };
    (write(a), write(b))
}

fn granted_phrase(granted: &str) -> String {
    let verb = if granted == "1" { "is" } else { "are" };
    format!("{granted} {verb} granted")
}

/// Converts one credential's hours and checks its home grant.
pub fn convert(
    profile: &InstitutionProfile,
    index: usize,
    credential: &Credential,
) -> CreditConversion {
    let hours = credential.learning_hours.max(0.0);
    let (unit, per_credit) = home_convention(profile).unwrap_or(("credits", US_SEMESTER_HOURS));
    let supported = hours / per_credit;
    let granted = credential.home_credit.amount.max(0.0);
    let recommended = recommended_in_home(profile, credential);
    let mut flags = Vec::new();
    // A relative tolerance so that 3 granted for 135 hours (135 ÷ 45 = 3) is not flagged.
    if granted > supported * (1.0 + 1e-9) + 1e-12 {
        let (s, g) = distinct(supported, granted);
        flags.push(CreditFlag {
            kind: CreditFlagKind::ExceedsHours,
            message: format!(
                "{} learning hours support at most {s} {unit} ({} ÷ {}); {}",
                plain_number(hours),
                plain_number(hours),
                plain_number(per_credit),
                granted_phrase(&g)
            ),
        });
    }
    if let Some(rec) = recommended.filter(|r| granted > r * (1.0 + 1e-9) + 1e-12) {
        let (r, g) = distinct(rec, granted);
        flags.push(CreditFlag {
            kind: CreditFlagKind::ExceedsRecommendation,
            message: format!(
                "The external recommendation is {r} {unit}; {}",
                granted_phrase(&g)
            ),
        });
    }
    CreditConversion {
        credential_index: index as u32,
        learning_hours: hours,
        ects_low: hours / ECTS_HOURS_HIGH,
        ects_high: hours / ECTS_HOURS_LOW,
        us_semester_hours: hours / US_SEMESTER_HOURS,
        us_quarter_hours: hours / US_QUARTER_HOURS,
        nsqf_credits: hours / NSQF_HOURS,
        uk_cats: hours / CATS_HOURS,
        custom_credits: profile
            .custom_hours_per_credit
            .filter(|h| profile.credit_system == CreditSystem::Custom && *h > 0.0)
            .map(|h| hours / h),
        home_unit: unit.to_owned(),
        home_hours_per_credit: per_credit,
        home_supported: supported,
        home_granted: granted,
        home_recommended: recommended,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Stage;
    use crate::rollout::sample_rollout;

    fn profile(system: CreditSystem) -> InstitutionProfile {
        InstitutionProfile {
            credit_system: system,
            ..InstitutionProfile::new("Test U", 10_000, Stage::Exploring)
        }
    }

    fn credential(hours: f64, granted: f64) -> Credential {
        let mut c = sample_rollout().credentials.remove(0);
        c.learning_hours = hours;
        c.home_credit.amount = granted;
        c.recommendation.ace_semester_hours = None;
        c.recommendation.ects_credits = None;
        c
    }

    #[test]
    fn hours_convert_under_every_convention() {
        // 150 h: ECTS 150/30 = 5 to 150/25 = 6; US 150/45 = 3.33 semester hours, 150/30 = 5
        // quarter hours; NSQF 150/30 = 5; CATS 150/10 = 15 (= 7.5 ECTS at 2 CATS per ECTS).
        let c = convert(
            &profile(CreditSystem::UsSemester),
            0,
            &credential(150.0, 3.0),
        );
        assert_eq!((c.ects_low, c.ects_high), (5.0, 6.0));
        assert!((c.us_semester_hours - 10.0 / 3.0).abs() < 1e-12);
        assert!((c.us_quarter_hours - 5.0).abs() < 1e-12);
        assert_eq!((c.nsqf_credits, c.uk_cats), (5.0, 15.0));
        assert_eq!(c.custom_credits, None);
        assert!(c.flags.is_empty(), "3 ≤ 3.33 is supported");
        let custom = InstitutionProfile {
            custom_hours_per_credit: Some(37.5),
            ..profile(CreditSystem::Custom)
        };
        // 150 / 37.5 = 4.
        assert_eq!(
            convert(&custom, 0, &credential(150.0, 3.0)).custom_credits,
            Some(4.0)
        );
    }

    #[test]
    fn a_grant_the_hours_cannot_support_is_flagged_with_the_arithmetic() {
        let c = convert(
            &profile(CreditSystem::UsSemester),
            0,
            &credential(120.0, 3.0),
        );
        assert_eq!(c.flags.len(), 1);
        assert_eq!(c.flags[0].kind, CreditFlagKind::ExceedsHours);
        assert_eq!(
            c.flags[0].message,
            "120 learning hours support at most 2.7 US semester credit hours (120 ÷ 45); \
             3 are granted"
        );
        // Exactly supported: 135 / 45 = 3.
        let exact = convert(
            &profile(CreditSystem::UsSemester),
            0,
            &credential(135.0, 3.0),
        );
        assert!(exact.flags.is_empty());
        // ECTS is checked at the generous 25 h: 100 h support 4; 5 granted.
        let ects = convert(&profile(CreditSystem::Ects), 0, &credential(100.0, 5.0));
        assert_eq!(
            ects.flags[0].message,
            "100 learning hours support at most 4 ECTS credits (100 ÷ 25); 5 are granted"
        );
        // 270 ÷ 45 = 6 supported, 6.01 granted: the message shows the hundredth that differs.
        let hair = convert(
            &profile(CreditSystem::UsSemester),
            0,
            &credential(270.0, 6.01),
        );
        assert_eq!(
            hair.flags[0].message,
            "270 learning hours support at most 6 US semester credit hours (270 ÷ 45); \
             6.01 are granted"
        );
        // Rounding must not hide the gap: 2.66… supported, 2.7 granted.
        let close = convert(
            &profile(CreditSystem::UsSemester),
            0,
            &credential(120.0, 2.7),
        );
        assert!(
            close.flags[0].message.contains("at most 2.67")
                && close.flags[0].message.contains("2.70 are")
        );
    }

    #[test]
    fn quarter_calendars_count_us_credit_in_quarter_hours_and_cats_uses_twice_the_ects() {
        let mut quarters = profile(CreditSystem::UsSemester);
        quarters.calendar.system = CalendarSystem::Quarter;
        let mut c = credential(120.0, 4.0);
        c.recommendation.ace_semester_hours = Some(2.0);
        // 120 / 30 = 4 quarter hours support the 4 granted; ACE 2 semester hours = 3 quarter.
        let q = convert(&quarters, 0, &c);
        assert_eq!(
            (q.home_unit.as_str(), q.home_supported),
            ("US quarter credit hours", 4.0)
        );
        assert_eq!(q.home_recommended, Some(3.0));
        assert_eq!(q.flags.len(), 1);
        assert_eq!(
            q.flags[0].message,
            "The external recommendation is 3 US quarter credit hours; 4 are granted"
        );
        let mut cats = credential(120.0, 10.0);
        cats.recommendation.ects_credits = Some(4.0);
        // 4 ECTS × 2 = 8 CATS recommended; 120 / 10 = 12 supported.
        let k = convert(&profile(CreditSystem::UkCats), 0, &cats);
        assert_eq!((k.home_recommended, k.home_supported), (Some(8.0), 12.0));
        assert_eq!(
            k.flags.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [CreditFlagKind::ExceedsRecommendation]
        );
    }
}
