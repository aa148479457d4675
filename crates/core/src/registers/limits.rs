//! The company's own time limits the people register is judged against, and the one context every register entry is judged in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Entry, Person, Policy, RecordError, Registers};

/// How many days the company gives itself: to remove a leaver's access, and for a hire to be
/// trained and to acknowledge the policies. Its offboarding and onboarding answers claim these;
/// the register is checked against them, not against ours.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, ts_rs::TS,
)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub access_removal_days: u16,
    pub training_days: u16,
    pub acknowledgement_days: u16,
}

/// Until the company sets its own: the next working day with a weekend between, and the
/// "within 30 days of hire" an auditor commonly tests onboarding against.
impl Default for Limits {
    fn default() -> Limits {
        Limits {
            access_removal_days: 3,
            training_days: 30,
            acknowledgement_days: 30,
        }
    }
}

/// The longest a limit may be: a removal limit past a month, or onboarding past a year, is not
/// a limit an auditor would accept as designed.
const LONGEST: [(&str, u16); 3] = [
    ("access_removal_days", 30),
    ("training_days", 365),
    ("acknowledgement_days", 365),
];

impl Limits {
    /// The limits, or the first one out of range named by its field.
    pub fn checked(self) -> Result<Limits, RecordError> {
        let values = [
            self.access_removal_days,
            self.training_days,
            self.acknowledgement_days,
        ];
        for ((field, longest), value) in LONGEST.into_iter().zip(values) {
            if value > longest {
                return Err(RecordError::new(
                    field,
                    format!("{value} days is more than the {longest} allowed"),
                ));
            }
        }
        Ok(self)
    }
}

/// What an entry is judged against beside itself: the day, the company's limits, and the other
/// registers a person's or a policy's findings read (which policy versions an acknowledgement
/// covers, how many current staff acknowledged a version).
#[derive(Debug, Clone)]
pub struct Judging<'a> {
    pub today: NaiveDate,
    pub limits: Limits,
    pub policies: &'a [Entry<Policy>],
    pub people: &'a [Entry<Person>],
    /// Every approved version of the working policies ("Title version", approved on), oldest
    /// first, and each one's version in force today: read once for a list, not once per person.
    pub(super) versions: Vec<(String, NaiveDate)>,
    pub(super) in_force: Vec<(String, NaiveDate)>,
}

impl<'a> Judging<'a> {
    /// An entry judged alone, with the usual limits: a register's own tests, and records no
    /// programme holds yet.
    pub fn alone(today: NaiveDate) -> Judging<'static> {
        Judging::new(today, Limits::default(), &[], &[])
    }

    pub fn new(
        today: NaiveDate,
        limits: Limits,
        policies: &'a [Entry<Policy>],
        people: &'a [Entry<Person>],
    ) -> Judging<'a> {
        let working = || policies.iter().filter(|e| e.archived_at.is_none());
        let name = |p: &Policy, version: &str| format!("{} {version}", p.title);
        let mut versions: Vec<(String, NaiveDate)> = working()
            .flat_map(|p| {
                p.record
                    .versions
                    .iter()
                    .map(move |v| (name(&p.record, &v.version), v.approved_on))
            })
            .collect();
        versions.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        let mut in_force: Vec<(String, NaiveDate)> = working()
            .filter_map(|p| {
                super::in_force(&p.record, today)
                    .map(|v| (name(&p.record, &v.version), v.approved_on))
            })
            .collect();
        in_force.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        Judging {
            today,
            limits,
            policies,
            people,
            versions,
            in_force,
        }
    }

    /// The working people only: an archived person says nothing about a policy.
    pub fn people(&self) -> impl Iterator<Item = &'a Entry<Person>> {
        self.people.iter().filter(|e| e.archived_at.is_none())
    }
}

impl Registers {
    /// The context the programme's entries are judged in on `today`.
    pub fn judging(&self, today: NaiveDate) -> Judging<'_> {
        Judging::new(
            today,
            self.limits.unwrap_or_default(),
            &self.policies,
            &self.people,
        )
    }
}
