//! The policy register: each policy's owner, approval, review date and staff acknowledgement, with every approved version kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{
    Attention, Judging, RecordError, Register, RegisterRecord, day, months_after, not_before,
    not_future,
};

/// Below this share of staff acknowledging a policy, an auditor's sample will very likely meet
/// someone who has not: the slack above it is for joiners still inside their onboarding window.
pub const ACKNOWLEDGED_AT_LEAST_PERCENT: u32 = 95;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub title: String,
    pub version: String,
    pub owner: String,
    #[serde(default)]
    pub approved_by: Option<String>,
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
    #[serde(default)]
    pub next_review: Option<NaiveDate>,
    /// Staff who must acknowledge it, and how many have.
    #[serde(default)]
    pub staff: Option<u32>,
    #[serde(default)]
    pub acknowledged: Option<u32>,
    /// Every approved version, oldest first; the last is the one in force.
    #[serde(default)]
    pub versions: Vec<PolicyVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyVersion {
    pub version: String,
    pub approved_by: String,
    pub approved_on: NaiveDate,
}

impl RegisterRecord for Policy {
    const REGISTER: Register = Register::Policies;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text("title", true, "the policy's title"),
        FieldSpec::text("version", true, "the version in force or in draft"),
        FieldSpec::text("owner", true, "who keeps it current"),
        FieldSpec::text("approved_by", false, "who approved the version in force"),
        FieldSpec::of(
            "approved_on",
            FieldKind::Date,
            false,
            "when it was approved",
        ),
        FieldSpec::of(
            "next_review",
            FieldKind::Date,
            false,
            "when it is next due for review",
        ),
        FieldSpec::of(
            "staff",
            FieldKind::Number {
                min: 0,
                max: 1_000_000,
            },
            false,
            "staff who must acknowledge it",
        ),
        FieldSpec::of(
            "acknowledged",
            FieldKind::Number {
                min: 0,
                max: 1_000_000,
            },
            false,
            "staff who have acknowledged it",
        ),
    ];

    fn label(&self) -> &str {
        &self.title
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        not_future("approved_on", self.approved_on, today)?;
        not_before(
            "next_review",
            self.next_review,
            "approved_on",
            self.approved_on,
        )?;
        match (&self.approved_by, self.approved_on) {
            (Some(_), None) => {
                return Err(RecordError::new(
                    "approved_on",
                    "required with approved_by; give the day it was approved",
                ));
            }
            (None, Some(_)) => {
                return Err(RecordError::new(
                    "approved_by",
                    "required with approved_on; name who approved it",
                ));
            }
            _ => {}
        }
        if let (Some(staff), Some(acknowledged)) = (self.staff, self.acknowledged)
            && acknowledged > staff
        {
            return Err(RecordError::new(
                "acknowledged",
                format!("{acknowledged} is more than the {staff} staff who must acknowledge it"),
            ));
        }
        Ok(())
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let today = at.today;
        let mut out = Vec::new();
        match (self.approved_on, self.next_review) {
            (None, _) => out.push(Attention::new(
                "never_approved",
                "never approved".into(),
                None,
            )),
            (Some(_), Some(next)) if next < today => out.push(Attention::new(
                "review_overdue",
                format!("review was due {}", day(next)),
                Some(next),
            )),
            (Some(approved), None) if months_after(approved, 12) < today => {
                out.push(Attention::new(
                    "review_overdue",
                    format!(
                        "approved {}, more than a year ago, with no review set",
                        day(approved)
                    ),
                    Some(months_after(approved, 12)),
                ))
            }
            _ => {}
        }
        if let Some(share) = self.acknowledged_percent()
            && share < ACKNOWLEDGED_AT_LEAST_PERCENT
        {
            out.push(Attention::new(
                "low_acknowledgement",
                format!("{share}% of staff have acknowledged it (aim for {ACKNOWLEDGED_AT_LEAST_PERCENT}% or more)"),
                None,
            ));
        } else if self.staff.is_none()
            && let Some((version, acknowledged, staff)) = self.acknowledged_in_register(at)
            && u64::from(acknowledged) * 100
                < u64::from(staff) * u64::from(ACKNOWLEDGED_AT_LEAST_PERCENT)
        {
            out.push(Attention::new(
                "low_acknowledgement",
                format!(
                    "{acknowledged} of the {staff} current staff in the people register have acknowledged version {version} (aim for {ACKNOWLEDGED_AT_LEAST_PERCENT}% or more)"
                ),
                None,
            ));
        }
        out
    }
}

impl Policy {
    /// From the people register, when the company gave no counts of its own: the version in
    /// force, and of the current staff past their window for acknowledging it, how many have
    /// acknowledged on or after its approval. None when nobody is due yet.
    pub fn acknowledged_in_register(&self, at: &Judging) -> Option<(String, u32, u32)> {
        let version = super::in_force(self, at.today)?;
        let grace = chrono::Duration::days(i64::from(at.limits.acknowledgement_days));
        if version.approved_on + grace >= at.today {
            return None;
        }
        let due: Vec<_> = at
            .people()
            .filter(|p| p.record.current_on(at.today) && p.record.start + grace < at.today)
            .collect();
        let acknowledged = due
            .iter()
            .filter(|p| {
                p.record
                    .policies_acknowledged
                    .is_some_and(|on| on >= version.approved_on)
            })
            .count();
        let staff = u32::try_from(due.len()).ok().filter(|n| *n > 0)?;
        Some((version.version, u32::try_from(acknowledged).ok()?, staff))
    }
}

impl Policy {
    /// The share of staff who acknowledged it, rounded down so 94.9% is not shown as 95%.
    pub fn acknowledged_percent(&self) -> Option<u32> {
        match (self.staff, self.acknowledged) {
            (Some(staff), Some(ack)) if staff > 0 => {
                Some(u32::try_from(u64::from(ack) * 100 / u64::from(staff)).unwrap_or(100))
            }
            _ => None,
        }
    }
}

/// A version approved: it becomes the one in force and joins the kept versions. Approvals go
/// forward in time, and none is dated in the future.
pub fn approve(
    policy: &Policy,
    version: &str,
    approved_by: &str,
    approved_on: NaiveDate,
    today: NaiveDate,
) -> Result<Policy, RecordError> {
    let version = version.trim();
    let approved_by = approved_by.trim();
    if version.is_empty() {
        return Err(RecordError::new(
            "version",
            "required; give the version approved",
        ));
    }
    if approved_by.is_empty() {
        return Err(RecordError::new(
            "approved_by",
            "required; name who approved it",
        ));
    }
    not_future("approved_on", Some(approved_on), today)?;
    if let Some(last) = policy.versions.last() {
        not_before(
            "approved_on",
            Some(approved_on),
            "last approval",
            Some(last.approved_on),
        )?;
    }
    let mut next = policy.clone();
    next.version = version.to_string();
    next.approved_by = Some(approved_by.to_string());
    next.approved_on = Some(approved_on);
    // A review date set before this approval has been met by it.
    if next.next_review.is_some_and(|d| d <= approved_on) {
        next.next_review = Some(months_after(approved_on, 12));
    }
    next.versions.push(PolicyVersion {
        version: version.to_string(),
        approved_by: approved_by.to_string(),
        approved_on,
    });
    super::check(&next, today)?;
    Ok(next)
}
