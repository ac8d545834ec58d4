//! The payback year's range over the model's draws, in words.

use crate::rollout::{FiscalYear, PaybackBand};

/// A percentile of the drawn payback years: "FY2029", or "not within the plan's 5 years" when
/// fewer than that share of the draws pay back within the plan (`horizon_years` long, when
/// known).
pub fn payback_percentile(
    fiscal_years: &[FiscalYear],
    horizon_years: Option<u8>,
    year: Option<u32>,
) -> String {
    match year.and_then(|y| fiscal_years.get(y as usize)) {
        Some(fy) => fy.label.clone(),
        None => match horizon_years {
            Some(1) => "not within the plan's year".to_owned(),
            Some(years) => format!("not within the plan's {years} years"),
            None => "not within the plan".to_owned(),
        },
    }
}

/// P10 to P90 of the drawn payback years: "FY2028 – FY2030", "FY2028 – not within the plan's
/// 5 years", or "Not within the plan's 5 years" when not even one draw in ten pays back.
pub fn payback_range(
    fiscal_years: &[FiscalYear],
    horizon_years: Option<u8>,
    band: &PaybackBand,
) -> String {
    let year = |y| payback_percentile(fiscal_years, horizon_years, y);
    match band.p10 {
        None => {
            let never = year(None);
            let mut letters = never.chars();
            letters
                .next()
                .map(|first| first.to_uppercase().chain(letters).collect())
                .unwrap_or_default()
        }
        Some(_) => format!("{} – {}", year(band.p10), year(band.p90)),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn years() -> Vec<FiscalYear> {
        (0..5)
            .map(|i| {
                let start = NaiveDate::from_ymd_opt(2026 + i, 7, 1).expect("valid date");
                FiscalYear {
                    index: i as u32,
                    label: format!("FY{}", 2027 + i),
                    start,
                    end: NaiveDate::from_ymd_opt(2027 + i, 6, 30).expect("valid date"),
                    share_in_plan: 1.0,
                }
            })
            .collect()
    }

    #[test]
    fn a_payback_range_reads_honestly_when_some_draws_never_pay_back() {
        let fy = years();
        let band = |p10, p50, p90| PaybackBand {
            p10,
            p50,
            p90,
            paid_back: 0,
        };
        assert_eq!(
            payback_range(&fy, Some(5), &band(Some(1), Some(2), Some(3))),
            "FY2028 – FY2030"
        );
        assert_eq!(
            payback_range(&fy, Some(5), &band(Some(2), Some(4), None)),
            "FY2029 – not within the plan's 5 years"
        );
        assert_eq!(
            payback_range(&fy, Some(5), &band(None, None, None)),
            "Not within the plan's 5 years"
        );
        assert_eq!(
            payback_percentile(&fy, Some(1), None),
            "not within the plan's year"
        );
    }
}
