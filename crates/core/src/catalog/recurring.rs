//! The recurring controls the calendar proposes (`assets/recurring-controls.toml`): what each evidences, how often, what to keep.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Question;
use super::load::Problems;

/// How often a recurring control runs. Months are calendar months, so a quarterly control due on
/// 31 January is next due on 30 April (the month's last day when it has fewer).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Frequency {
    pub const ALL: [Frequency; 5] = [
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::HalfYearly,
        Frequency::Yearly,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::HalfYearly => "half-yearly",
            Frequency::Yearly => "yearly",
        }
    }

    pub fn parse(text: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.id() == text.trim())
    }

    /// The step between due dates: days for weekly, calendar months otherwise.
    pub fn interval(self) -> Interval {
        match self {
            Frequency::Weekly => Interval::Days(7),
            Frequency::Monthly => Interval::Months(1),
            Frequency::Quarterly => Interval::Months(3),
            Frequency::HalfYearly => Interval::Months(6),
            Frequency::Yearly => Interval::Months(12),
        }
    }
}

/// The interval between two due dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Days(u32),
    Months(u32),
}

/// A recurring control the bank proposes. Its checks evidence `questions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct RecurringTemplate {
    pub id: String,
    pub title: String,
    /// The control questions a passed check evidences (the first is the control's own).
    pub questions: Vec<String>,
    /// The frequency proposed; the company chooses its own when adopting.
    pub frequency: Frequency,
    /// What to keep from each run, in our own words.
    pub evidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecurringFile {
    #[serde(default, rename = "control")]
    pub(super) controls: Vec<RecurringTemplate>,
}

/// Every control has a unique id, a title, what to keep, and questions that are control
/// questions of this bank.
pub(super) fn check_recurring(
    controls: &[RecurringTemplate],
    questions: &[Question],
    problems: &mut Problems,
) {
    const FILE: &str = "recurring-controls.toml";
    let mut seen = BTreeSet::new();
    for control in controls {
        let id = Some(control.id.as_str());
        if !seen.insert(control.id.as_str()) {
            problems.add(FILE, id, "the recurring control id is used twice");
        }
        if control.title.trim().is_empty() || control.evidence.trim().is_empty() {
            problems.add(
                FILE,
                id,
                "a recurring control needs a title and the evidence to keep",
            );
        }
        if control.questions.is_empty() {
            problems.add(
                FILE,
                id,
                "a recurring control must evidence at least one question",
            );
        }
        for question in &control.questions {
            match questions.iter().find(|q| &q.id == question) {
                None => problems.add(FILE, id, format!("question {question} is not in the bank")),
                Some(q) if !q.is_control() || q.engagement => problems.add(
                    FILE,
                    id,
                    format!("question {question} is not a control an auditor tests"),
                ),
                Some(_) => {}
            }
        }
    }
}
