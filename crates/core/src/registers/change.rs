//! The change register: production changes (a pull request, a ticket) with their author, approval, tests and release day, the population an auditor samples for change management.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{Attention, Judging, RecordError, Register, RegisterRecord, day, name_key, not_future};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Approved before release.
    #[default]
    Normal,
    /// Released first to stop harm, approved after the fact.
    Emergency,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The pull request or ticket (#1432, OPS-88).
    pub reference: String,
    pub title: String,
    /// The repository or system it changed; with the reference it names the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(default)]
    pub kind: ChangeKind,
    pub author: String,
    /// Who reviewed and approved it; someone other than the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<NaiveDate>,
    /// Whether the automated tests passed before release; absent when the export does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tested: Option<bool>,
    /// The day it reached production (merged and deployed).
    pub released_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

const KINDS: &[&str] = &["normal", "emergency"];

/// An emergency change's review after the fact is due by the end of this many working days
/// (Monday to Friday) after its release: the "one or two working days" the bank's emergency
/// question names, so a Friday release reviewed on Tuesday is on time.
pub const EMERGENCY_REVIEW_WORKING_DAYS: u32 = 2;

/// The last day an emergency change released on `released` may be reviewed.
pub fn emergency_review_due(released: NaiveDate) -> NaiveDate {
    let mut day = released;
    let mut left = EMERGENCY_REVIEW_WORKING_DAYS;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if day.weekday().num_days_from_monday() < 5 {
            left -= 1;
        }
    }
    day
}

impl RegisterRecord for Change {
    const REGISTER: Register = Register::Changes;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text(
            "reference",
            true,
            "the pull request or ticket (#1432, OPS-88)",
        ),
        FieldSpec::text("title", true, "what it changed"),
        FieldSpec::text("system", false, "the repository or system it changed"),
        FieldSpec::of(
            "kind",
            FieldKind::Choice(KINDS),
            false,
            "normal, or emergency (released first, approved after)",
        ),
        FieldSpec::text("author", true, "who made the change"),
        FieldSpec::text(
            "approved_by",
            false,
            "who reviewed and approved it (not its author)",
        ),
        FieldSpec::of(
            "approved_on",
            FieldKind::Date,
            false,
            "the day it was approved",
        ),
        FieldSpec::of(
            "tested",
            FieldKind::FlagOrUnknown,
            false,
            "the automated tests passed before release (yes/no; empty when not recorded)",
        ),
        FieldSpec::of(
            "released_on",
            FieldKind::Date,
            true,
            "the day it reached production",
        ),
        FieldSpec::long("notes", false, "anything an auditor should know"),
    ];

    fn label(&self) -> &str {
        &self.reference
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        not_future("released_on", Some(self.released_on), today)?;
        not_future("approved_on", self.approved_on, today)?;
        if self.approved_on.is_some() && self.approved_by.is_none() {
            return Err(RecordError::new(
                "approved_by",
                "an approval day is given: name who approved it",
            ));
        }
        Ok(())
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let today = at.today;
        let mut out = Vec::new();
        let released = day(self.released_on);
        let approver = self.approved_by.as_deref().filter(|a| !a.trim().is_empty());
        let due = emergency_review_due(self.released_on);
        match (self.kind, approver) {
            (ChangeKind::Normal, None) => out.push(Attention::new(
                "not_approved",
                format!("released on {released} with no approval recorded"),
                Some(self.released_on),
            )),
            (ChangeKind::Emergency, None) => {
                if due < today {
                    out.push(Attention::new(
                        "emergency_not_reviewed",
                        format!(
                            "an emergency change released on {released}; no review after the fact by {} ({EMERGENCY_REVIEW_WORKING_DAYS} working days)",
                            day(due)
                        ),
                        Some(due),
                    ));
                }
            }
            (kind, Some(approver)) => {
                if name_key(approver) == name_key(&self.author) {
                    out.push(Attention::new(
                        "self_approved",
                        format!("approved by its own author, {}", self.author.trim()),
                        Some(self.released_on),
                    ));
                }
                match (kind, self.approved_on) {
                    (ChangeKind::Normal, Some(on)) if on > self.released_on => {
                        out.push(Attention::new(
                            "approved_after_release",
                            format!("released on {released}, approved only on {}", day(on)),
                            Some(self.released_on),
                        ))
                    }
                    (ChangeKind::Emergency, Some(on)) if on > due => {
                        out.push(Attention::new(
                            "emergency_reviewed_late",
                            format!(
                                "an emergency change released on {released}, reviewed on {}, after {} ({EMERGENCY_REVIEW_WORKING_DAYS} working days)",
                                day(on),
                                day(due)
                            ),
                            Some(due),
                        ))
                    }
                    // Named as its reviewer, but on no day: nothing shows the review came in time.
                    (ChangeKind::Emergency, None) if due < today => {
                        out.push(Attention::new(
                            "emergency_review_undated",
                            format!(
                                "an emergency change released on {released}, reviewed by {} on a day not recorded; record it to show the review came within {EMERGENCY_REVIEW_WORKING_DAYS} working days",
                                approver.trim()
                            ),
                            Some(due),
                        ))
                    }
                    _ => {}
                }
            }
        }
        if self.tested == Some(false) {
            out.push(Attention::new(
                "not_tested",
                format!("released on {released} without its automated tests passing"),
                Some(self.released_on),
            ));
        }
        out
    }

    /// One repository's #12 is not another's: the system and the reference together.
    fn match_key(&self) -> String {
        name_key(&format!(
            "{} {}",
            self.system.as_deref().unwrap_or(""),
            self.reference
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::from_fields;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn change(extra: &[(&str, &str)]) -> Result<Change, RecordError> {
        let mut pairs: Vec<(String, String)> = [
            ("reference", "#12"),
            ("title", "Rate limit the login form"),
            ("author", "Ana Kowalska"),
            ("released_on", "2026-03-02"),
        ]
        .iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect();
        for (f, v) in extra {
            pairs.retain(|(field, _)| field != f);
            pairs.push((f.to_string(), v.to_string()));
        }
        let record: Change = from_fields(&pairs)?;
        crate::registers::check(&record, d("2026-06-01"))?;
        Ok(record)
    }

    fn codes(c: &Change) -> Vec<String> {
        let judging = crate::registers::Judging::alone(d("2026-06-01"));
        c.attention(&judging).into_iter().map(|a| a.code).collect()
    }

    #[test]
    fn a_change_approved_by_another_before_release_needs_nothing() {
        let c = change(&[
            ("approved_by", "Ben Ode"),
            ("approved_on", "2026-03-01"),
            ("tested", "yes"),
        ])
        .unwrap();
        assert!(codes(&c).is_empty(), "{:?}", codes(&c));
    }

    #[test]
    fn unapproved_self_approved_late_and_untested_changes_are_named() {
        assert_eq!(codes(&change(&[]).unwrap()), ["not_approved"]);
        let own = change(&[
            ("approved_by", " ana  KOWALSKA"),
            ("approved_on", "2026-03-01"),
        ]);
        assert_eq!(codes(&own.unwrap()), ["self_approved"]);
        let late = change(&[("approved_by", "Ben Ode"), ("approved_on", "2026-03-09")]);
        assert_eq!(codes(&late.unwrap()), ["approved_after_release"]);
        let untested = change(&[("approved_by", "Ben Ode"), ("tested", "no")]);
        assert_eq!(codes(&untested.unwrap()), ["not_tested"]);
        // An export that does not say whether the tests ran says nothing against them.
        let unknown = change(&[("approved_by", "Ben Ode"), ("tested", "")]).unwrap();
        assert_eq!((unknown.tested, codes(&unknown)), (None, vec![]));
    }

    #[test]
    fn an_emergency_change_is_judged_by_its_review_after_the_fact() {
        let on_time = change(&[
            ("kind", "emergency"),
            ("approved_by", "Ben Ode"),
            ("approved_on", "2026-03-04"),
        ]);
        assert!(codes(&on_time.unwrap()).is_empty());
        let late = change(&[
            ("kind", "emergency"),
            ("approved_by", "Ben Ode"),
            ("approved_on", "2026-03-12"),
        ]);
        assert_eq!(codes(&late.unwrap()), ["emergency_reviewed_late"]);
        let never = change(&[("kind", "emergency")]).unwrap();
        assert_eq!(codes(&never), ["emergency_not_reviewed"]);
        let undated = change(&[("kind", "emergency"), ("approved_by", "Ben Ode")]).unwrap();
        assert_eq!(codes(&undated), ["emergency_review_undated"]);
        // Released on a Friday, reviewed on the Tuesday: two working days.
        let over_a_weekend = change(&[
            ("kind", "emergency"),
            ("released_on", "2026-03-06"),
            ("approved_by", "Ben Ode"),
            ("approved_on", "2026-03-10"),
        ]);
        assert!(codes(&over_a_weekend.unwrap()).is_empty());
        assert_eq!(
            emergency_review_due(d("2026-03-06")),
            d("2026-03-10"),
            "Friday's release is due for review by Tuesday"
        );
    }

    #[test]
    fn dates_that_cannot_be_are_refused_by_field() {
        let future = change(&[("released_on", "2026-07-01")]).unwrap_err();
        assert_eq!(future.field, "released_on");
        let nobody = change(&[("approved_on", "2026-03-01")]).unwrap_err();
        assert_eq!(nobody.field, "approved_by");
    }

    #[test]
    fn the_same_reference_in_two_systems_is_two_changes() {
        let a = change(&[("system", "api")]).unwrap();
        let b = change(&[("system", "web")]).unwrap();
        assert_ne!(a.match_key(), b.match_key());
        assert_eq!(
            a.match_key(),
            change(&[("system", " API ")]).unwrap().match_key()
        );
    }
}
