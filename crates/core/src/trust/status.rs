//! The trust page's status line: the report held, or the one planned with the plan's own dates as a quarter range.

use chrono::{Datelike, NaiveDate};

use crate::assessment::ReportType;
use crate::engagement::{Engagement, human_date};
use crate::plan::Plan;

/// "SOC 2 Type I report planned for Q2 2027", "... observation period under way since ...", or
/// the report held; and why the date is left off, when it is. The date is the plan's likely one,
/// widened to the cautious one's quarter when that is later, so the page never promises the
/// optimistic end of the range alone; and it is given only when the plan rests on the time
/// people said they give and an auditor is engaged, not on the plan's assumptions.
pub(super) fn line(
    engagement: &Engagement,
    plan: &Plan,
    today: NaiveDate,
) -> (String, Option<String>) {
    let mut unsure = Vec::new();
    if !plan.capacity_answered {
        unsure.push("the plan assumes the time people give (answer who does the work in step 1)");
    }
    if !engagement.auditor_engaged {
        unsure.push("no auditor is engaged in writing yet (step 5)");
    }
    let dated = unsure.is_empty();
    let expected = quarters(plan.report_date, plan.cautious_report_date);
    let when = |lead: &str| {
        if dated {
            format!("{lead}{expected}")
        } else {
            String::new()
        }
    };
    let planned = match plan.report_type {
        ReportType::Type1 => format!("SOC 2 Type I report planned{}", when(" for ")),
        // A start the company answered and has reached is a fact, even when the plan calls it
        // early (its report then carries the gaps as exceptions); any other start is the
        // plan's credible one.
        ReportType::Type2 => match (engagement.observation_start, plan.observation_start) {
            (Some(start), _) if start <= today => format!(
                "SOC 2 Type II observation period under way since {}{}",
                human_date(start),
                when("; report expected ")
            ),
            (_, Some(start)) if dated => format!(
                "SOC 2 Type II planned: observation period from {}, report expected {expected}",
                quarter(start)
            ),
            _ => format!("SOC 2 Type II report planned{}", when(" for ")),
        },
    };
    let withheld = (!dated).then(|| unsure.join("; "));
    match (engagement.existing_report.as_deref(), plan.report_type) {
        // A Type II held is what customers ask for; the next period's date is the company's
        // business, and the report itself says when its period ended.
        (Some("type2"), _) => (
            match engagement.last_period_end {
                Some(end) => format!(
                    "SOC 2 Type II report held, for a period ending {}",
                    human_date(end)
                ),
                None => "SOC 2 Type II report held".to_string(),
            },
            None,
        ),
        (Some(_), ReportType::Type2) => (format!("SOC 2 Type I report held. {planned}"), withheld),
        (Some(_), ReportType::Type1) => ("SOC 2 Type I report held".to_string(), None),
        (None, _) => (planned, withheld),
    }
}

fn quarter(date: NaiveDate) -> String {
    format!("Q{} {}", date.month0() / 3 + 1, date.year())
}

/// "Q2 2027", or "Q2 to Q3 2027", or "Q4 2027 to Q1 2028".
fn quarters(likely: NaiveDate, cautious: NaiveDate) -> String {
    let (first, last) = (quarter(likely), quarter(cautious.max(likely)));
    if first == last {
        first
    } else if likely.year() == cautious.year() {
        format!("Q{} to {last}", likely.month0() / 3 + 1)
    } else {
        format!("{first} to {last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_range_widens_to_the_cautious_quarter() {
        assert_eq!(quarters(day(2027, 5, 1), day(2027, 6, 30)), "Q2 2027");
        assert_eq!(quarters(day(2027, 5, 1), day(2027, 8, 1)), "Q2 to Q3 2027");
        assert_eq!(
            quarters(day(2027, 11, 1), day(2028, 2, 1)),
            "Q4 2027 to Q1 2028"
        );
    }
}
