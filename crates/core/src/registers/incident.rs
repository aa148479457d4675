//! The incident register: detect, contain, resolve, improve, with notification deadlines and the post-incident review.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{
    Attention, Judging, RecordError, Register, RegisterRecord, day, not_before, not_future,
};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
}

impl Severity {
    /// Days from detection to resolution a reviewer would accept before asking why it is open.
    /// Typical of incident plans we see: a critical incident is worked round the clock.
    pub fn expected_days(self) -> u64 {
        match self {
            Severity::Critical => 3,
            Severity::High => 7,
            Severity::Medium => 30,
            Severity::Low => 90,
        }
    }
}

/// Where an incident stands, in the order a plan walks it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Detected,
    Contained,
    Resolved,
    Improved,
}

/// A resolved incident without its review after this many days has skipped the "improve" step.
pub const REVIEW_WITHIN_DAYS: u64 = 14;
/// A notification deadline this close is raised before it is missed.
pub const DEADLINE_NEAR_DAYS: u64 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub title: String,
    pub detected_on: NaiveDate,
    pub severity: Severity,
    pub what_happened: String,
    #[serde(default)]
    pub containment: Option<String>,
    #[serde(default)]
    pub contained_on: Option<NaiveDate>,
    #[serde(default)]
    pub resolution: Option<String>,
    #[serde(default)]
    pub resolved_on: Option<NaiveDate>,
    #[serde(default)]
    pub root_cause: Option<String>,
    /// Customers or a regulator must be told, by this day.
    #[serde(default)]
    pub notification_deadline: Option<NaiveDate>,
    #[serde(default)]
    pub notified_on: Option<NaiveDate>,
    #[serde(default)]
    pub reviewed_on: Option<NaiveDate>,
    #[serde(default)]
    pub review_actions: Option<String>,
    pub owner: String,
}

const SEVERITY: &[&str] = &["critical", "high", "medium", "low"];

impl Incident {
    pub fn stage(&self) -> Stage {
        if self.reviewed_on.is_some() {
            Stage::Improved
        } else if self.resolved_on.is_some() {
            Stage::Resolved
        } else if self.contained_on.is_some() {
            Stage::Contained
        } else {
            Stage::Detected
        }
    }
}

impl RegisterRecord for Incident {
    const REGISTER: Register = Register::Incidents;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text("title", true, "a short name for the incident"),
        FieldSpec::of("detected_on", FieldKind::Date, true, "when it was detected"),
        FieldSpec::of(
            "severity",
            FieldKind::Choice(SEVERITY),
            true,
            "critical, high, medium or low",
        ),
        FieldSpec::long("what_happened", true, "what happened and what it touched"),
        FieldSpec::long("containment", false, "how it was contained"),
        FieldSpec::of(
            "contained_on",
            FieldKind::Date,
            false,
            "when it was contained",
        ),
        FieldSpec::long("resolution", false, "how it was resolved"),
        FieldSpec::of(
            "resolved_on",
            FieldKind::Date,
            false,
            "when it was resolved",
        ),
        FieldSpec::long("root_cause", false, "the root cause found"),
        FieldSpec::of(
            "notification_deadline",
            FieldKind::Date,
            false,
            "when customers or a regulator must be told by",
        ),
        FieldSpec::of("notified_on", FieldKind::Date, false, "when they were told"),
        FieldSpec::of(
            "reviewed_on",
            FieldKind::Date,
            false,
            "when the post-incident review was held",
        ),
        FieldSpec::long("review_actions", false, "the actions the review decided"),
        FieldSpec::text("owner", true, "who leads the response"),
    ];

    /// Incidents repeat their titles ("Phishing email"): the same title detected on another day
    /// is another incident.
    fn match_key(&self) -> String {
        format!("{} {}", super::name_key(&self.title), self.detected_on)
    }

    fn label(&self) -> &str {
        &self.title
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        let detected = Some(self.detected_on);
        not_future("detected_on", detected, today)?;
        for (field, date) in [
            ("contained_on", self.contained_on),
            ("resolved_on", self.resolved_on),
            ("notified_on", self.notified_on),
            ("reviewed_on", self.reviewed_on),
        ] {
            not_future(field, date, today)?;
            not_before(field, date, "detected_on", detected)?;
        }
        not_before(
            "resolved_on",
            self.resolved_on,
            "contained_on",
            self.contained_on,
        )?;
        not_before(
            "reviewed_on",
            self.reviewed_on,
            "resolved_on",
            self.resolved_on,
        )?;
        not_before(
            "notification_deadline",
            self.notification_deadline,
            "detected_on",
            detected,
        )?;
        if self.resolved_on.is_some() && self.contained_on.is_none() {
            return Err(RecordError::new(
                "contained_on",
                "required once resolved; give the day it was contained",
            ));
        }
        if self.reviewed_on.is_some() && self.resolved_on.is_none() {
            return Err(RecordError::new(
                "resolved_on",
                "required once reviewed; give the day it was resolved",
            ));
        }
        Ok(())
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let today = at.today;
        let mut out = Vec::new();
        if let Some(deadline) = self.notification_deadline {
            match self.notified_on {
                Some(told) if told > deadline => out.push(Attention::new(
                    "notified_late",
                    format!(
                        "notified {}, after the deadline of {}",
                        day(told),
                        day(deadline)
                    ),
                    Some(deadline),
                )),
                Some(_) => {}
                None if deadline < today => out.push(Attention::new(
                    "notification_missed",
                    format!(
                        "notification deadline {} passed with no one told",
                        day(deadline)
                    ),
                    Some(deadline),
                )),
                None if deadline <= today + Days::new(DEADLINE_NEAR_DAYS) => {
                    out.push(Attention::new(
                        "notification_due",
                        format!("notification due by {}", day(deadline)),
                        Some(deadline),
                    ))
                }
                None => {}
            }
        }
        let expected = self.detected_on + Days::new(self.severity.expected_days());
        if self.resolved_on.is_none() && expected < today {
            out.push(Attention::new(
                "open_too_long",
                format!(
                    "open since {}; a {} incident is expected resolved within {} days",
                    day(self.detected_on),
                    serde_json::to_value(self.severity)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                    self.severity.expected_days()
                ),
                Some(expected),
            ));
        }
        if let (Some(resolved), None) = (self.resolved_on, self.reviewed_on) {
            let due = resolved + Days::new(REVIEW_WITHIN_DAYS);
            if due < today {
                out.push(Attention::new(
                    "no_review",
                    format!("resolved {} with no post-incident review", day(resolved)),
                    Some(due),
                ));
            }
        }
        out
    }
}
