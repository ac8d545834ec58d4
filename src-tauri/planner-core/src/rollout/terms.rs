//! The plan's calendar: academic terms from the institution's term starts, and fiscal years
//! from its fiscal-year start month.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::Phase;
use crate::calendar::AcademicCalendar;

/// One academic term overlapping the plan. The plan's edges follow one rule: a term counts in
/// proportion to its days inside the plan (`share_in_plan`), and its money is split across
/// fiscal years by its days in each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// 0 for the plan's first term.
    pub index: u32,
    /// The calendar's name for it ("Fall").
    pub name: String,
    /// The calendar year the term begins in, even when it begins before the plan.
    pub year: i32,
    /// The term's first day inside the plan (later than its real start for a term that began
    /// before the plan).
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// Its last day inside the plan: the day before the next term starts, or the plan's last
    /// day.
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// Days inside the plan ÷ days of the whole term, in (0, 1]: 1 for every term wholly
    /// inside. The term's learners, costs and benefits count in this proportion.
    pub share_in_plan: f64,
    /// "2027–28", or "2027" where the academic year does not cross a new year.
    pub academic_year: String,
    /// The fiscal year holding most of its days inside the plan: "FY2028". Its money is
    /// split across fiscal years by days (see [`fiscal_split`]).
    pub fiscal_year: String,
    pub fiscal_year_index: u32,
    pub phase: Phase,
}

impl Term {
    /// "Fall 2027": how the term is named in sentences.
    pub fn label(&self) -> String {
        format!("{} {}", self.name, self.year)
    }
}

/// One fiscal year the plan touches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FiscalYear {
    pub index: u32,
    /// Named by the calendar year it ends in: "FY2028".
    pub label: String,
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// The share (0–1] of the year's days that fall inside the plan; annual amounts are
    /// prorated by it.
    pub share_in_plan: f64,
}

/// The day after the plan's last day: the start date plus the horizon. From 29 February the
/// horizon ends on 1 March of a common year, so that every term start still falls in the
/// plan once a year.
pub fn horizon_end(start: NaiveDate, horizon_years: u8) -> Option<NaiveDate> {
    let end = start.checked_add_months(Months::new(12 * u32::from(horizon_years)))?;
    if start.day() == 29 && start.month() == 2 && end.day() == 28 {
        end.succ_opt()
    } else {
        Some(end)
    }
}

/// Every term start from a year before `from` until a year after `until`, in date order, with
/// the calendar position (index into `calendar.terms`) of each.
fn term_starts(
    calendar: &AcademicCalendar,
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<(NaiveDate, usize)> {
    let mut starts: Vec<(NaiveDate, usize)> = (from.year() - 1..=until.year() + 1)
        .flat_map(|year| {
            calendar.terms.iter().enumerate().filter_map(move |(i, t)| {
                NaiveDate::from_ymd_opt(year, u32::from(t.month), u32::from(t.day)).map(|d| (d, i))
            })
        })
        .collect();
    starts.sort_unstable();
    starts.dedup_by_key(|(d, _)| *d);
    starts
}

/// The academic year a term belongs to. The year begins with the calendar's first term; it
/// is "2027–28" when later terms fall in the next calendar year, else "2027".
fn academic_year(calendar: &AcademicCalendar, start: NaiveDate) -> String {
    let Some(first) = calendar.terms.first() else {
        return start.year().to_string();
    };
    let first_md = (first.month, first.day);
    let crosses_new_year = calendar.terms.iter().any(|t| (t.month, t.day) < first_md);
    let md = (start.month() as u8, start.day() as u8);
    let year = if md < first_md {
        start.year() - 1
    } else {
        start.year()
    };
    if crosses_new_year {
        format!("{year}–{:02}", (year + 1).rem_euclid(100))
    } else {
        year.to_string()
    }
}

/// The first day of the fiscal year containing `date`.
pub fn fiscal_year_start(date: NaiveDate, start_month: u8) -> NaiveDate {
    let month = u32::from(start_month.clamp(1, 12));
    let year = if date.month() >= month {
        date.year()
    } else {
        date.year() - 1
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

/// The fiscal years from the one containing `start` to the one containing the plan's last
/// day, contiguous.
pub fn fiscal_years(
    start: NaiveDate,
    end_exclusive: NaiveDate,
    start_month: u8,
) -> Vec<FiscalYear> {
    let mut years = Vec::new();
    let mut fy_start = fiscal_year_start(start, start_month);
    while fy_start < end_exclusive {
        let Some(next) = fy_start.checked_add_months(Months::new(12)) else {
            break;
        };
        let end = next.pred_opt().unwrap_or(next);
        let days = (next - fy_start).num_days() as f64;
        let inside = (next.min(end_exclusive) - fy_start.max(start)).num_days() as f64;
        years.push(FiscalYear {
            index: years.len() as u32,
            label: format!("FY{}", end.year()),
            start: fy_start,
            end,
            share_in_plan: inside / days,
        });
        fy_start = next;
    }
    years
}

/// Days from `from` to `until`, both included; 0 when `until` is before `from`.
fn days_between(from: NaiveDate, until: NaiveDate) -> f64 {
    ((until - from).num_days() + 1).max(0) as f64
}

/// How a term's money divides among the fiscal years: (fiscal year index, share of the
/// term's days inside the plan), shares summing to 1, fiscal years in order.
pub fn fiscal_split(term: &Term, fiscal: &[FiscalYear]) -> Vec<(usize, f64)> {
    let days = days_between(term.start, term.end);
    fiscal
        .iter()
        .enumerate()
        .filter_map(|(i, fy)| {
            let inside = days_between(term.start.max(fy.start), term.end.min(fy.end));
            (inside > 0.0).then_some((i, inside / days))
        })
        .collect()
}

/// The terms overlapping `[start, end_exclusive)`, each cut to its days inside the plan, with
/// its share inside the plan, academic year and fiscal year. Phases are assigned afterwards.
pub fn academic_terms(
    calendar: &AcademicCalendar,
    start: NaiveDate,
    end_exclusive: NaiveDate,
    fiscal: &[FiscalYear],
) -> Vec<Term> {
    let Some(last_day) = end_exclusive.pred_opt() else {
        return Vec::new();
    };
    let starts = term_starts(calendar, start, end_exclusive);
    let mut terms = Vec::new();
    for window in starts.windows(2) {
        let (term_start, calendar_index) = window[0];
        let next_start = window[1].0;
        if next_start <= start || term_start >= end_exclusive {
            continue;
        }
        let term_end = next_start.pred_opt().unwrap_or(next_start);
        let (first, last) = (term_start.max(start), term_end.min(last_day));
        let mut term = Term {
            index: terms.len() as u32,
            name: calendar.terms[calendar_index].name.clone(),
            year: term_start.year(),
            start: first,
            end: last,
            share_in_plan: days_between(first, last) / days_between(term_start, term_end),
            academic_year: academic_year(calendar, term_start),
            fiscal_year: String::new(),
            fiscal_year_index: 0,
            phase: Phase::Prepare,
        };
        // Most days decide the label; the earlier fiscal year on a tie.
        let fy = fiscal_split(&term, fiscal)
            .into_iter()
            .fold(None, |best: Option<(usize, f64)>, (i, share)| match best {
                Some((_, most)) if most >= share => best,
                _ => Some((i, share)),
            })
            .map_or(0, |(i, _)| i);
        term.fiscal_year = fiscal.get(fy).map(|f| f.label.clone()).unwrap_or_default();
        term.fiscal_year_index = fy as u32;
        terms.push(term);
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarSystem, TermStart};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn semesters_with_summer() -> AcademicCalendar {
        let t = |name: &str, month, day| TermStart {
            name: name.into(),
            month,
            day,
        };
        AcademicCalendar {
            system: CalendarSystem::Semester,
            terms: vec![t("Fall", 8, 25), t("Spring", 1, 12), t("Summer", 6, 1)],
        }
    }

    #[test]
    fn a_one_year_plan_counts_the_terms_it_cuts_for_their_days_inside() {
        let cal = semesters_with_summer();
        // Plan 4 Jan 2027 – 3 Jan 2028; fiscal years start in September.
        let start = date(2027, 1, 4);
        let end = horizon_end(start, 1).expect("in range");
        let fy = fiscal_years(start, end, 9);
        let terms = academic_terms(&cal, start, end, &fy);
        let got: Vec<(String, NaiveDate, NaiveDate, &str, &str)> = terms
            .iter()
            .map(|t| {
                (
                    t.label(),
                    t.start,
                    t.end,
                    t.academic_year.as_str(),
                    t.fiscal_year.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Fall 2026".into(),
                    date(2027, 1, 4),
                    date(2027, 1, 11),
                    "2026–27",
                    "FY2027"
                ),
                (
                    "Spring 2027".into(),
                    date(2027, 1, 12),
                    date(2027, 5, 31),
                    "2026–27",
                    "FY2027"
                ),
                (
                    "Summer 2027".into(),
                    date(2027, 6, 1),
                    date(2027, 8, 24),
                    "2026–27",
                    "FY2027"
                ),
                (
                    "Fall 2027".into(),
                    date(2027, 8, 25),
                    date(2028, 1, 3),
                    "2027–28",
                    "FY2028"
                ),
            ],
            "four terms overlap the plan, cut to its days; nothing runs past 3 Jan 2028"
        );
        // Fall 2026 runs 25 Aug 2026 – 11 Jan 2027 (140 days); 4–11 Jan, 8 days, are inside.
        assert!((terms[0].share_in_plan - 8.0 / 140.0).abs() < 1e-12);
        assert_eq!((terms[1].share_in_plan, terms[2].share_in_plan), (1.0, 1.0));
        // Fall 2027 runs 25 Aug 2027 – 11 Jan 2028 (7 + 30 + 31 + 30 + 31 + 11 = 140 days);
        // 25 Aug – 3 Jan, 132 days, are inside: 132/140 = 0.942857.
        assert!((terms[3].share_in_plan - 132.0 / 140.0).abs() < 1e-12);
    }

    #[test]
    fn a_term_s_money_splits_across_fiscal_years_by_its_days() {
        let cal = semesters_with_summer();
        // Plan 1 Sep 2026 – 31 Aug 2028, fiscal years from September. Fall 2027 runs 25 Aug
        // 2027 – 11 Jan 2028: 7 days (25–31 Aug) in FY2027 and 133 (1 Sep – 11 Jan) in
        // FY2028. So FY2027 gets 7/140 = 5 % of its money and FY2028 95 %, and the term is
        // named FY2028, the year holding most of it.
        let start = date(2026, 9, 1);
        let end = horizon_end(start, 2).expect("in range");
        let fy = fiscal_years(start, end, 9);
        let terms = academic_terms(&cal, start, end, &fy);
        let fall_2027 = terms
            .iter()
            .find(|t| t.label() == "Fall 2027")
            .expect("Fall 2027 is in the plan");
        assert_eq!(fall_2027.share_in_plan, 1.0);
        assert_eq!(fall_2027.fiscal_year, "FY2028");
        let split = fiscal_split(fall_2027, &fy);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].0, 0);
        assert!((split[0].1 - 7.0 / 140.0).abs() < 1e-12, "{split:?}");
        assert_eq!(split[1].0, 1);
        assert!((split[1].1 - 133.0 / 140.0).abs() < 1e-12, "{split:?}");
        // Fall 2028 starts 25 Aug 2028, inside the plan's last week: 7 of 140 days count,
        // all in FY2028.
        let last = terms.last().expect("terms");
        assert_eq!(last.label(), "Fall 2028");
        assert_eq!(last.end, date(2028, 8, 31));
        assert!((last.share_in_plan - 0.05).abs() < 1e-12);
        assert_eq!(fiscal_split(last, &fy), [(1, 1.0)]);
    }

    #[test]
    fn fiscal_years_are_named_by_the_year_they_end_and_prorated_at_the_edges() {
        // Plan 4 Jan 2027 – 3 Jan 2028; fiscal year starts 1 September.
        // FY2027 = 1 Sep 2026 – 31 Aug 2027 (365 days); inside: 4 Jan – 31 Aug 2027 = 240 days.
        // FY2028 = 1 Sep 2027 – 31 Aug 2028 (366 days, leap); inside: 1 Sep 2027 – 3 Jan 2028
        // = 125 days.
        let start = date(2027, 1, 4);
        let fy = fiscal_years(start, date(2028, 1, 4), 9);
        assert_eq!(fy.len(), 2);
        assert_eq!(
            (fy[0].label.as_str(), fy[0].start, fy[0].end),
            ("FY2027", date(2026, 9, 1), date(2027, 8, 31))
        );
        assert_eq!(
            (fy[1].label.as_str(), fy[1].start),
            ("FY2028", date(2027, 9, 1))
        );
        assert!(
            (fy[0].share_in_plan - 240.0 / 365.0).abs() < 1e-12,
            "{}",
            fy[0].share_in_plan
        );
        assert!(
            (fy[1].share_in_plan - 125.0 / 366.0).abs() < 1e-12,
            "{}",
            fy[1].share_in_plan
        );
        // A January fiscal year is the calendar year: FY2027 ends 31 Dec 2027.
        let calendar_year = fiscal_years(date(2027, 1, 1), date(2028, 1, 1), 1);
        assert_eq!(calendar_year.len(), 1);
        assert_eq!(calendar_year[0].label, "FY2027");
        assert_eq!(calendar_year[0].share_in_plan, 1.0);
    }

    #[test]
    fn an_academic_year_inside_one_calendar_year_is_labelled_by_that_year() {
        let t = |name: &str, month, day| TermStart {
            name: name.into(),
            month,
            day,
        };
        let southern = AcademicCalendar {
            system: CalendarSystem::Semester,
            terms: vec![t("Semester 1", 2, 24), t("Semester 2", 7, 21)],
        };
        assert_eq!(academic_year(&southern, date(2027, 7, 21)), "2027");
        assert_eq!(
            academic_year(&semesters_with_summer(), date(2099, 9, 1)),
            "2099–00"
        );
    }
}
