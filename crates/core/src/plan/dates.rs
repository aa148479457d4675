//! The dates from remediation to the report at the company's pace: the work shared by the time people give, the window, the period and the report.

use chrono::{Duration, NaiveDate};

use super::{
    AUDITOR_LEAD_WEEKS, Capacity, Engagement, TYPE1_REPORT_WEEKS, TYPE2_REPORT_WEEKS,
    WINDOW_BUFFER_WEEKS, gap_elapsed_weeks,
};
use crate::assessment::ReportType;
use crate::engagement::add_months;
use crate::gaps::Gap;

pub(super) struct Dates {
    pub(super) remediation_weeks: u32,
    pub(super) remediation_end: NaiveDate,
    pub(super) window_start: NaiveDate,
    pub(super) observation_end: Option<NaiveDate>,
    pub(super) report_date: NaiveDate,
}

/// Person-weeks of all the work, the longest gap in calendar weeks, and the calendar weeks of
/// remediation at the company's pace: the larger of the longest gap and all the work shared
/// by the time people give.
pub(super) fn remediation_weeks(gaps: &[&Gap], capacity: Capacity, factor: f64) -> (f64, f64, u32) {
    let total: f64 = gaps.iter().map(|g| g.work_weeks).sum();
    let longest = gaps
        .iter()
        .map(|g| gap_elapsed_weeks(g, capacity))
        .fold(0.0, f64::max);
    let weeks = (longest.max(total * 5.0 / capacity.days_per_week) * factor).ceil() as u32;
    (total, longest, weeks)
}

/// The dates from remediation to the report. The window opens once the design work is done
/// (and a buffer to gather evidence) and an auditor can test; a Type II's observation start
/// answered in step 1 is kept when it is no earlier than that.
pub(super) fn dates(
    today: NaiveDate,
    weeks: u32,
    t: &Engagement,
    report_type: ReportType,
    months: u32,
) -> Dates {
    let remediation_end = today + Duration::weeks(i64::from(weeks));
    let earliest =
        (remediation_end + Duration::weeks(WINDOW_BUFFER_WEEKS)).max(if t.auditor_engaged {
            today
        } else {
            today + Duration::weeks(AUDITOR_LEAD_WEEKS)
        });
    let window_start = match (report_type, t.observation_start) {
        (ReportType::Type2, Some(start)) if start >= earliest => start,
        _ => earliest,
    };
    let (observation_end, report_date) = match report_type {
        ReportType::Type1 => (None, window_start + Duration::weeks(TYPE1_REPORT_WEEKS)),
        ReportType::Type2 => {
            let end = add_months(window_start, months);
            (Some(end), end + Duration::weeks(TYPE2_REPORT_WEEKS))
        }
    };
    Dates {
        remediation_weeks: weeks,
        remediation_end,
        window_start,
        observation_end,
        report_date,
    }
}
