//! The other routes a plan offers when its date is late or its start not credible: another assurance for one customer, a narrower system, more time, a Type I first, a shorter period, phasing, a later date.

use chrono::NaiveDate;

use super::{Capacity, PlanOption, Situation, dates, human_date, remediation_weeks};
use crate::assessment::ReportType;
use crate::catalog::{Category, choice};
use crate::gaps::Gap;

/// The options, most useful first.
pub(super) fn options(s: &Situation) -> Vec<PlanOption> {
    let Situation {
        engagement: t,
        gaps,
        required,
        today,
        weeks,
        main,
        late,
        start_not_credible,
        pace,
        likely_on,
    } = *s;
    let all: Vec<&Gap> = gaps.iter().collect();
    let meets = |date: NaiveDate| t.target_date.map(|target| date <= target);
    let mut options = Vec::new();
    if let Some(alternative) = &t.alternative {
        let (title, detail) = if alternative == choice::ASSURANCE_OFFERED {
            (
                "Answer the customer's own questionnaire first",
                "The customer offers another route: a completed security questionnaire with evidence (and a penetration test summary if it asks for one) is usually accepted from a supplier of your size, takes four to six weeks and costs a fraction of an audit. Close the live exposures first, answer it, and decide on a report only if customers keep asking.",
            )
        } else {
            (
                "Ask the customer what it will accept",
                "Before committing to an audit, ask the customer whether its own security questionnaire, a penetration test summary or a signed engagement letter would do for now: for a single customer that is often faster and far cheaper than a first report.",
            )
        };
        options.push(PlanOption {
            title: title.into(),
            detail: detail.into(),
            report_date: None,
            meets_target: None,
        });
    }
    // For the one customer who asks, a report on just what it uses is often enough.
    if (late || start_not_credible) && t.could_narrow && t.alternative.is_some() {
        options.push(PlanOption {
            title: "Narrow the system to what the customer uses".into(),
            detail: "The system runs on more than one provider, or development is inside its boundary: a report on the one service the customer relies on, on one provider, is smaller and sooner. The system description says what is left out (other products, older hosting, build projects), or those move onto the covered platform first.".into(),
            report_date: None,
            meets_target: None,
        });
    }
    if (late || start_not_credible) && t.capacity.days_per_week < 2.5 {
        // The next step up in time given: a day a week, then an owner at half their time.
        let (more, title, words) = if t.capacity.days_per_week < 1.0 {
            (
                1.0,
                "An owner giving about a day a week",
                "an owner giving about a day a week",
            )
        } else {
            (
                2.5,
                "One owner at about half their time",
                "one owner at about half their time",
            )
        };
        let more = Capacity {
            days_per_week: more,
            answered: true,
        };
        let (_, _, more_weeks) = remediation_weeks(&all, more, 1.0);
        let faster = dates(today, more_weeks, t, t.report_type, t.period_months);
        options.push(PlanOption {
            title: title.into(),
            detail: format!(
                "At {pace} the work takes {weeks} weeks; with {words} it takes {more_weeks}, and the report follows on {}.",
                human_date(faster.report_date)
            ),
            report_date: Some(faster.report_date),
            meets_target: meets(faster.report_date),
        });
    }
    if late || start_not_credible {
        if t.report_type == ReportType::Type2 && t.existing_report.is_none() {
            // A Type I needs only the design work: the same remediation, a point in time.
            let bridge = dates(today, weeks, t, ReportType::Type1, 0);
            options.push(PlanOption {
                title: "A Type I first, if the customer accepts one".into(),
                detail: format!(
                    "Close the design gaps, take a Type I as of {} and share it while the Type II observation period runs. It meets the date only if the customer agrees to a Type I in the meantime.",
                    human_date(bridge.window_start)
                ),
                report_date: Some(bridge.report_date),
                meets_target: meets(bridge.report_date),
            });
            if t.period_months > 3 {
                let short = dates(today, weeks, t, ReportType::Type2, 3);
                options.push(PlanOption {
                    title: "A shorter first observation period".into(),
                    detail: format!(
                        "Observe 3 months instead of {} for the first Type II ({} to {}), then move to a longer period.",
                        t.period_months,
                        human_date(short.window_start),
                        human_date(short.observation_end.unwrap_or(short.window_start))
                    ),
                    report_date: Some(short.report_date),
                    meets_target: meets(short.report_date),
                });
            }
        }
        // Only categories no customer requires can wait for the next period.
        let extra: Vec<Category> = {
            let mut cats: Vec<Category> = gaps
                .iter()
                .flat_map(|g| g.categories.iter().copied())
                .filter(|c| *c != Category::Security && !required.contains(c))
                .collect();
            cats.sort();
            cats.dedup();
            cats
        };
        if !extra.is_empty() {
            let kept: Vec<&Gap> = gaps
                .iter()
                .filter(|g| g.categories.iter().any(|c| !extra.contains(c)))
                .collect();
            let (_, _, kept_weeks) = remediation_weeks(&kept, t.capacity, 1.0);
            let phased = dates(today, kept_weeks, t, t.report_type, t.period_months);
            if kept_weeks < weeks && phased.report_date < main.report_date {
                let names: Vec<&str> = extra.iter().map(|c| c.name()).collect();
                options.push(PlanOption {
                    title: "Phase a category into the next period".into(),
                    detail: format!(
                        "Leave {} (no customer requires it) for the next period; remediation shortens to {kept_weeks} weeks.",
                        names.join(", ")
                    ),
                    report_date: Some(phased.report_date),
                    meets_target: meets(phased.report_date),
                });
            }
        }
    }
    if late {
        let bridge_letter = if t.existing_report.is_some() {
            " Meanwhile, management can give customers a bridge letter covering the time since your last report's period ended."
        } else {
            ""
        };
        options.push(PlanOption {
            title: "Agree a later date with the customer".into(),
            detail: format!(
                "Share this plan with the customer and agree the report for {likely_on}.{bridge_letter}"
            ),
            report_date: Some(main.report_date),
            meets_target: Some(false),
        });
    }

    options
}
