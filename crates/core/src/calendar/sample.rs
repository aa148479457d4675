//! Populations an auditor samples (hires, leavers, new vendors, changes) and the sampled item a check-log entry tested.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CheckLog, CheckResult, template};
use crate::catalog::Bank;
use crate::findings::{Effect, RecordFinding, Source};

/// The events of a period an auditor draws a sample from, each tested by one recurring control.
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
pub enum Population {
    Hires,
    Leavers,
    NewVendors,
    Changes,
}

impl Population {
    pub const ALL: [Population; 4] = [
        Population::Hires,
        Population::Leavers,
        Population::NewVendors,
        Population::Changes,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Population::Hires => "hires",
            Population::Leavers => "leavers",
            Population::NewVendors => "new-vendors",
            Population::Changes => "changes",
        }
    }

    pub fn parse(text: &str) -> Option<Population> {
        Population::ALL.into_iter().find(|p| p.id() == text.trim())
    }

    pub fn title(self) -> &'static str {
        match self {
            Population::Hires => "Hires",
            Population::Leavers => "Leavers",
            Population::NewVendors => "New vendors",
            Population::Changes => "Changes",
        }
    }

    /// One item, in a sentence.
    pub fn singular(self) -> &'static str {
        match self {
            Population::Hires => "hire",
            Population::Leavers => "leaver",
            Population::NewVendors => "new vendor",
            Population::Changes => "change",
        }
    }

    /// The recurring control whose log records each sampled item's test.
    pub fn control_id(self) -> &'static str {
        match self {
            Population::Hires => "onboarding-check",
            Population::Leavers => "leaver-check",
            Population::NewVendors => "vendor-review",
            Population::Changes => "change-sampling",
        }
    }

    /// What testing one item looks for, for the form and the binder.
    pub fn attributes(self) -> &'static str {
        match self {
            Population::Hires => {
                "trained, the policies acknowledged and a background check back within your limits, an agreement signed"
            }
            Population::Leavers => "every access removed within your limit, the device returned",
            Population::NewVendors => {
                "due diligence before use: its report or questionnaire read, the contract's security and privacy clauses"
            }
            Population::Changes => {
                "reviewed by someone other than its author, tested and approved before release"
            }
        }
    }
}

/// The item of a population a check-log entry tested: a register entry by id, with its name as
/// it stood, so the log reads without the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SampledItem {
    pub population: Population,
    pub item_id: String,
    pub label: String,
}

/// A sampled item whose test failed inside the window (and was not withdrawn) is a known
/// exception on every question its control serves, named by the item.
pub(super) fn failed_samples(
    bank: &Bank,
    log: &CheckLog,
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<RecordFinding> {
    let voided: BTreeSet<&str> = log
        .checks
        .iter()
        .filter_map(|c| c.voids.as_deref())
        .collect();
    let mut out = Vec::new();
    for check in &log.checks {
        let Some(item) = &check.sample else { continue };
        let failed = check.result == CheckResult::Fail
            && !voided.contains(check.id.as_str())
            && check.performed_on >= from
            && check.performed_on <= today;
        let Some(control) = template(bank, &check.control_id).filter(|_| failed) else {
            continue;
        };
        for question in control
            .questions
            .iter()
            .filter(|q| bank.question(q).is_some())
        {
            out.push(RecordFinding {
                question_id: question.clone(),
                source: Source::CheckLog,
                effect: Effect::KnownException,
                record_id: check.id.clone(),
                detail: format!(
                    "the sampled {} {} failed its test on {} ({})",
                    item.population.singular(),
                    item.label,
                    check.performed_on,
                    check.reason.trim()
                ),
                live_exposure: false,
            });
        }
    }
    out
}
