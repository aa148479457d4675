//! The people register: staff and contractors with their start and end, background check, security training, policy acknowledgement, agreement, device and access removal.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{
    Attention, Judging, RecordError, Register, RegisterRecord, day, not_before, not_future,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    Employee,
    Contractor,
}

/// Security awareness training, as the seed tracks it per person.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Training {
    #[default]
    Pending,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// A name, or a reference when the register must not hold names (an HR id).
    pub name: String,
    pub role: String,
    pub kind: PersonKind,
    pub start: NaiveDate,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// The day the background or reference check came back.
    #[serde(default)]
    pub background_check: Option<NaiveDate>,
    #[serde(default)]
    pub training: Training,
    #[serde(default)]
    pub trained_on: Option<NaiveDate>,
    /// The day the security policies in force were acknowledged.
    #[serde(default)]
    pub policies_acknowledged: Option<NaiveDate>,
    /// A signed confidentiality or contractor agreement.
    #[serde(default)]
    pub agreement: bool,
    #[serde(default)]
    pub device: Option<String>,
    /// The day the last of the person's access was removed, after they left.
    #[serde(default)]
    pub access_removed: Option<NaiveDate>,
    /// Their sign-in names in company systems (jane@acme.com, jdoe), so account exports find
    /// them; an account two people list is shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<String>,
}

const KINDS: &[&str] = &["employee", "contractor"];
const TRAINING: &[&str] = &["pending", "in_progress", "completed"];

impl RegisterRecord for Person {
    const REGISTER: Register = Register::People;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text("name", true, "a name, or a reference such as an HR id"),
        FieldSpec::text("role", true, "the job, or the work contracted"),
        FieldSpec::of(
            "kind",
            FieldKind::Choice(KINDS),
            true,
            "employee or contractor",
        ),
        FieldSpec::of("start", FieldKind::Date, true, "the first day of work"),
        FieldSpec::of("end", FieldKind::Date, false, "the last day, for a leaver"),
        FieldSpec::of(
            "background_check",
            FieldKind::Date,
            false,
            "when the background or reference check came back",
        ),
        FieldSpec::of(
            "training",
            FieldKind::Choice(TRAINING),
            false,
            "security training: pending, in_progress or completed",
        ),
        FieldSpec::of(
            "trained_on",
            FieldKind::Date,
            false,
            "when the security training was completed",
        ),
        FieldSpec::of(
            "policies_acknowledged",
            FieldKind::Date,
            false,
            "when the security policies were acknowledged",
        ),
        FieldSpec::of(
            "agreement",
            FieldKind::Flag,
            false,
            "a confidentiality or contractor agreement is signed (yes/no)",
        ),
        FieldSpec::text("device", false, "the company device they use"),
        FieldSpec::of(
            "access_removed",
            FieldKind::Date,
            false,
            "when the last of their access was removed, after leaving",
        ),
        FieldSpec::text(
            "accounts",
            false,
            "their sign-in names in company systems, comma-separated (jane@acme.com, jdoe)",
        ),
    ];

    fn label(&self) -> &str {
        &self.name
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        not_before("end", self.end, "start", Some(self.start))?;
        for (field, date) in [
            ("background_check", self.background_check),
            ("trained_on", self.trained_on),
            ("policies_acknowledged", self.policies_acknowledged),
            ("access_removed", self.access_removed),
        ] {
            not_future(field, date, today)?;
        }
        if self.trained_on.is_some() && self.training != Training::Completed {
            return Err(RecordError::new(
                "training",
                "a training date is given: set it to completed, or clear the date",
            ));
        }
        // What an auditor samples is the day: "completed" alone cannot be checked against the
        // 30 days.
        if self.training == Training::Completed && self.trained_on.is_none() {
            return Err(RecordError::new(
                "trained_on",
                "give the day the training was completed",
            ));
        }
        if self.access_removed.is_some() && self.end.is_none() {
            return Err(RecordError::new(
                "access_removed",
                "give the day they left (end) first",
            ));
        }
        Ok(())
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let (today, limits) = (at.today, at.limits);
        let mut out = Vec::new();
        if let Some(end) = self.end {
            let removal = i64::from(limits.access_removal_days);
            let limit = end + chrono::Duration::days(removal);
            match self.access_removed {
                // Within the limit the removal may still be under way: no finding yet.
                None if limit < today => out.push(Attention::new(
                    "access_not_removed",
                    format!(
                        "left on {}; no removal of their access is recorded",
                        day(end)
                    ),
                    Some(end),
                )),
                Some(removed) if removed > limit => out.push(Attention::new(
                    "access_removed_late",
                    format!(
                        "left on {}; access removed on {}, {} days later (the limit is {removal})",
                        day(end),
                        day(removed),
                        (removed - end).num_days()
                    ),
                    Some(limit),
                )),
                _ => {}
            }
        }
        let training = i64::from(limits.training_days);
        let due = self.start + chrono::Duration::days(training);
        let trained = self
            .trained_on
            .filter(|_| self.training == Training::Completed);
        match trained {
            None if due < today && self.end.is_none_or(|end| end > due) => {
                out.push(Attention::new(
                    "not_trained",
                    format!(
                        "started on {}; security training not completed within {training} days",
                        day(self.start)
                    ),
                    Some(due),
                ))
            }
            Some(on) if on > due => out.push(Attention::new(
                "trained_late",
                format!(
                    "trained on {}, {} days after starting (the limit is {training})",
                    day(on),
                    (on - self.start).num_days()
                ),
                Some(due),
            )),
            _ => {}
        }
        let acknowledging = i64::from(limits.acknowledgement_days);
        let due = self.start + chrono::Duration::days(acknowledging);
        // The date kept is the latest acknowledgement: one past the onboarding window that
        // followed a newer version is judged against that version's approval.
        let renewed = self
            .policies_acknowledged
            .filter(|on| *on > due)
            .and_then(|on| self.renewed_by(on, at));
        match (self.policies_acknowledged, renewed) {
            (None, _) if due < today && self.end.is_none_or(|end| end > due) => {
                out.push(Attention::new(
                    "not_acknowledged",
                    format!(
                        "started on {}; the security policies not acknowledged within {acknowledging} days",
                        day(self.start)
                    ),
                    Some(due),
                ))
            }
            (Some(on), None) if on > due => out.push(Attention::new(
                "acknowledged_late",
                format!(
                    "acknowledged the policies on {}, {} days after starting (the limit is {acknowledging})",
                    day(on),
                    (on - self.start).num_days()
                ),
                Some(due),
            )),
            (Some(on), Some((version, approved))) => {
                let late = approved + chrono::Duration::days(acknowledging);
                if on > late {
                    out.push(Attention::new(
                        "acknowledged_late",
                        format!(
                            "acknowledged the policies on {}, {} days after {version} was approved (the limit is {acknowledging})",
                            day(on),
                            (on - approved).num_days()
                        ),
                        Some(late),
                    ));
                }
                out.extend(self.outdated_acknowledgement(on, at));
            }
            (Some(on), None) => out.extend(self.outdated_acknowledgement(on, at)),
            _ => {}
        }
        if self.kind == PersonKind::Contractor
            && !self.agreement
            && self.end.is_none_or(|e| e >= today)
        {
            out.push(Attention::new(
                "no_agreement",
                "a contractor with no signed agreement".into(),
                None,
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{check, from_fields};

    fn d(text: &str) -> NaiveDate {
        crate::day::parse_day(text).unwrap()
    }

    fn person(extra: &[(&str, &str)]) -> Result<Person, RecordError> {
        let mut pairs: Vec<(String, String)> = [
            ("name", "Ana Kowalska"),
            ("role", "Engineer"),
            ("kind", "employee"),
            ("start", "2026-01-05"),
        ]
        .iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect();
        pairs.extend(extra.iter().map(|(f, v)| (f.to_string(), v.to_string())));
        let p: Person = from_fields(&pairs)?;
        check(&p, d("2026-11-27"))?;
        Ok(p)
    }

    fn codes(p: &Person) -> Vec<String> {
        p.attention(&Judging::alone(d("2026-11-27")))
            .into_iter()
            .map(|a| a.code)
            .collect()
    }

    #[test]
    fn onboarding_within_its_limit_needs_nothing() {
        let p = person(&[
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
        ])
        .unwrap();
        assert!(codes(&p).is_empty(), "{:?}", codes(&p));
    }

    #[test]
    fn a_hire_untrained_or_late_and_a_leaver_still_with_access_are_named() {
        assert_eq!(
            codes(&person(&[]).unwrap()),
            ["not_trained", "not_acknowledged"]
        );
        let late = person(&[
            ("training", "completed"),
            ("trained_on", "2026-03-01"),
            ("policies_acknowledged", "2026-01-06"),
        ])
        .unwrap();
        assert_eq!(codes(&late), ["trained_late"]);
        let leaver = person(&[
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
            ("end", "2026-10-30"),
        ])
        .unwrap();
        assert_eq!(codes(&leaver), ["access_not_removed"]);
        // Within three days of leaving the removal may still be under way.
        let recent = person(&[
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
            ("end", "2026-11-25"),
        ])
        .unwrap();
        assert!(codes(&recent).is_empty(), "{:?}", codes(&recent));
        let slow = person(&[
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
            ("end", "2026-10-30"),
            ("access_removed", "28 Nov 2026"),
        ]);
        // A removal in the future cannot be recorded; one eleven days late is named.
        assert_eq!(slow.unwrap_err().field, "access_removed");
        let slow = person(&[
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
            ("end", "2026-10-30"),
            ("access_removed", "2026-11-10"),
        ])
        .unwrap();
        assert_eq!(codes(&slow), ["access_removed_late"]);
        let contractor = person(&[
            ("kind", "contractor"),
            ("training", "completed"),
            ("trained_on", "2026-01-20"),
            ("policies_acknowledged", "2026-01-06"),
        ])
        .unwrap();
        assert_eq!(codes(&contractor), ["no_agreement"]);
    }

    #[test]
    fn dates_that_cannot_be_are_refused_by_field() {
        assert_eq!(person(&[("end", "2025-12-31")]).unwrap_err().field, "end");
        assert_eq!(
            person(&[("trained_on", "2026-02-01")]).unwrap_err().field,
            "training"
        );
        assert_eq!(
            person(&[("access_removed", "2026-02-01")])
                .unwrap_err()
                .field,
            "access_removed"
        );
    }
}
