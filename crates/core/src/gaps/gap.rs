//! A gap and its priority: the tiers, the horizon, and how impact, shortfall and an exception decide where it ranks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::{Category, Effort, Impact};
use crate::engagement::{Deadline, human_date};
use crate::findings::RecordFinding;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A live exposure on a control that matters: something is exposed today (a leaver's
    /// access still active, customer data with a vendor under no agreement). Above High.
    FixNow,
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::FixNow,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ];

    /// The id in files and IPC (`fix_now`, `high`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Priority::FixNow => "fix_now",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::FixNow => "Fix now",
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

/// When a gap should be worked on: the roadmap's three columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Now,
    Next90Days,
    Later,
}

impl Horizon {
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next90Days => "Next 90 days",
            Horizon::Later => "Later",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Gap {
    pub question_id: String,
    pub step: u8,
    pub topic: String,
    /// The gap in a leader's words ("Leavers' access is not removed promptly").
    pub title: String,
    pub question: String,
    pub criteria: Vec<String>,
    /// The in-scope categories the gap's criteria belong to, Security first.
    pub categories: Vec<Category>,
    /// `None` when the question is unanswered (scored as 0, reported as unanswered).
    pub current_level: Option<u8>,
    /// The level scoring uses: the level, or at most 2.5 with a known exception.
    pub effective_level: f64,
    pub target_level: u8,
    /// The known exception the answer records, if any: never a refinement.
    pub exception: Option<String>,
    /// The exception leaves something exposed today (the user said so, or a register shows it).
    #[serde(default)]
    pub live_exposure: bool,
    /// The exception repeats one the company's last report noted.
    #[serde(default)]
    pub repeat_finding: bool,
    /// What the recorded exception leaves uncovered (people, systems, data, a period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<crate::assessment::Coverage>>", optional)]
    pub not_covered: Vec<crate::assessment::Coverage>,
    /// Answered "don't know": listed to verify, counted as not in place.
    #[serde(default)]
    pub to_verify: bool,
    /// Why the impact is what it is here, when the company's context raised it ("critical
    /// here: your vendors receive health data").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub impact_reason: Option<String>,
    pub note: Option<String>,
    pub why: String,
    /// The next step from where the answer is (from nothing, from informal, or to operating).
    pub remediation: String,
    pub effort: Effort,
    pub weight: u32,
    pub key_control: bool,
    /// The bank's impact, raised one step when a customer requires one of the gap's categories.
    pub impact: Impact,
    /// Person-weeks of work before the audit window, from the kind of work (writing down,
    /// closing an exception, building), its effort and the company's size (docs/scoring.md).
    pub work_weeks: f64,
    /// The work does not fit before the audit window must start for the target date.
    pub urgent: bool,
    /// 10 x (impact factor / 4)² x shortfall, plus half the impact factor for a known exception
    /// (0 to 12); docs/scoring.md.
    pub priority_score: f64,
    pub priority: Priority,
    pub horizon: Horizon,
    /// Why the gap has its priority, in words.
    pub priority_reason: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// On the quick path, the foundation whose absence implies this gap (not asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub implied_by: Option<String>,
    /// What the programme's records show against this answer ("the check log shows …").
    #[serde(default)]
    pub findings: Vec<RecordFinding>,
    /// The control's recurring check is overdue inside the observation window: urgent.
    #[serde(default)]
    pub overdue: bool,
}

impl Gap {
    pub fn is_exception(&self) -> bool {
        self.exception.is_some()
    }

    /// Something is exposed today, or the last report's exception repeats: first in its tier.
    pub fn exposed(&self) -> bool {
        self.live_exposure || self.repeat_finding
    }
}

/// The priority table of docs/scoring.md, with the reason it gives.
pub(super) fn prioritise(
    impact: Impact,
    effective: f64,
    exposure: Exposure,
    urgent: bool,
    raised_by: Option<&str>,
    deadline: &Deadline,
) -> (Priority, String) {
    let raised = raised_by.map(|why| format!(" ({why})")).unwrap_or_default();
    let impact_words = format!("{} impact{raised}", impact.label().to_lowercase());
    let exception = exposure.exception;
    // A live exposure outranks every plan: whatever the level, something is open today. A
    // repeat of the last report's exception is what the next report's readers look for first.
    if exposure.live || exposure.repeat {
        let what = match (exposure.live, exposure.repeat) {
            (true, true) => {
                "a live exposure that repeats an exception your last report noted: something is exposed today and readers will see it twice"
            }
            (true, false) => {
                "a live exposure: something is exposed today, so close it before any other work"
            }
            _ => {
                "it repeats an exception your last report noted, which readers of the next report weigh most"
            }
        };
        return match impact {
            Impact::Critical | Impact::High => {
                (Priority::FixNow, format!("{impact_words}, {what}"))
            }
            Impact::Moderate | Impact::Low => (
                Priority::High,
                format!("{impact_words}, {what} (on a supporting control)"),
            ),
        };
    }
    let window_near = deadline.weeks_to_window.is_some_and(|w| w <= 13.0);
    if urgent {
        let when = match deadline.window_start {
            Some(date) => format!(
                "the audit window must start by {} for the target date",
                human_date(date)
            ),
            None => "the audit window is near".into(),
        };
        return (
            Priority::High,
            format!(
                "{impact_words}; the work will not be finished before {when}, so it would be an audit exception"
            ),
        );
    }
    let (priority, because) = match impact {
        Impact::Critical if exception => (Priority::High, "with a known exception"),
        Impact::Critical if effective <= 2.0 => (Priority::High, "not yet documented"),
        Impact::Critical => (
            Priority::Medium,
            "designed, not yet operating with evidence",
        ),
        Impact::High if exception && window_near => (
            Priority::High,
            "with a known exception and the audit window within 13 weeks",
        ),
        Impact::High if effective <= 1.0 => (Priority::High, "not in place"),
        Impact::High if exception => (Priority::Medium, "with a known exception"),
        Impact::High => (Priority::Medium, "partly in place"),
        Impact::Moderate if exception => (Priority::Medium, "with a known exception"),
        Impact::Moderate if effective <= 1.0 => (Priority::Medium, "not in place"),
        Impact::Moderate => (Priority::Low, "partly in place"),
        Impact::Low if exception => (Priority::Medium, "with a known exception"),
        Impact::Low => (Priority::Low, "hygiene"),
    };
    (priority, format!("{impact_words}, {because}"))
}

/// What an answer's known exception says: there is one, and whether it leaves something
/// exposed today.
#[derive(Debug, Clone, Copy)]
pub(super) struct Exposure {
    pub(super) exception: bool,
    pub(super) live: bool,
    /// It repeats an exception the last report noted.
    pub(super) repeat: bool,
}
