//! The payback year's range over the model's draws, in words.

use crate::rollout::{FiscalYear, PaybackBand};

/// A percentile of the drawn payback years: "FY2029", or "not by FY2031" (the plan's last
/// fiscal year) when fewer than that share of the draws pay back within the plan.
pub fn payback_percentile(fiscal_years: &[FiscalYear], year: Option<u32>) -> String {
    match (
        year.and_then(|y| fiscal_years.get(y as usize)),
        fiscal_years.last(),
    ) {
        (Some(fy), _) => fy.label.clone(),
        (None, Some(last)) => format!("not by {}", last.label),
        (None, None) => "not within the plan".to_owned(),
    }
}

/// P10 to P90 of the drawn payback years: "FY2028 – FY2030", "FY2028 – not by FY2031", or
/// "Not by FY2031" when not even one draw in ten pays back within the plan.
pub fn payback_range(fiscal_years: &[FiscalYear], band: &PaybackBand) -> String {
    let year = |y| payback_percentile(fiscal_years, y);
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
            payback_range(&fy, &band(Some(1), Some(2), Some(3))),
            "FY2028 – FY2030"
        );
        // The plan's last fiscal year is FY2031.
        assert_eq!(
            payback_range(&fy, &band(Some(2), Some(4), None)),
            "FY2029 – not by FY2031"
        );
        assert_eq!(payback_range(&fy, &band(None, None, None)), "Not by FY2031");
        assert_eq!(payback_percentile(&[], None), "not within the plan");
    }
}
