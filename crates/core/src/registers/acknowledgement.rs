//! Policy acknowledgements against the policy register's versions: which versions a person's acknowledgement covers, and one older than a version in force.

use chrono::NaiveDate;

use super::{Attention, Entry, Judging, Person, Policy, PolicyVersion, day};

impl Person {
    /// The newest policy version approved after they started and on or before `acknowledged`:
    /// what an acknowledgement past the onboarding window renewed.
    pub(super) fn renewed_by(
        &self,
        acknowledged: NaiveDate,
        at: &Judging,
    ) -> Option<(String, NaiveDate)> {
        at.versions
            .iter()
            .rev()
            .find(|(_, on)| *on > self.start && *on <= acknowledged)
            .cloned()
    }

    /// Still working on `day`: started, and not yet gone.
    pub fn current_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| end >= day)
    }

    /// Versions approved after their acknowledgement, once the company's limit for
    /// acknowledging has passed since the approval, while they still work here: they have not
    /// read what is in force.
    pub(super) fn outdated_acknowledgement(
        &self,
        acknowledged: NaiveDate,
        at: &Judging,
    ) -> Option<Attention> {
        let grace = chrono::Duration::days(i64::from(at.limits.acknowledgement_days));
        // Oldest approval first, so the first named is the one overdue longest.
        let newer: Vec<&(String, NaiveDate)> = at
            .in_force
            .iter()
            .filter(|(_, approved)| {
                let due = *approved + grace;
                *approved > acknowledged && due < at.today && self.end.is_none_or(|end| end > due)
            })
            .collect();
        let since = newer.first()?.1 + grace;
        // A long list helps nobody: the first few, and how many more.
        const NAMED: usize = 3;
        let mut named: Vec<String> = newer
            .iter()
            .take(NAMED)
            .map(|(name, on)| format!("{name} (approved {})", day(*on)))
            .collect();
        if newer.len() > NAMED {
            named.push(format!("{} other policies", newer.len() - NAMED));
        }
        Some(Attention::new(
            "acknowledgement_outdated",
            format!(
                "acknowledged the policies on {}, before {} {} approved",
                day(acknowledged),
                crate::scope::and_list(&named),
                if newer.len() == 1 { "was" } else { "were" }
            ),
            Some(since),
        ))
    }
}

/// The version of a policy in force on `day`: the last approved on or before it (a policy
/// approved before versions were kept has only its own approval).
pub fn in_force(policy: &Policy, day: NaiveDate) -> Option<PolicyVersion> {
    let kept = policy
        .versions
        .iter()
        .rev()
        .find(|v| v.approved_on <= day)
        .cloned();
    kept.or_else(|| match (&policy.approved_by, policy.approved_on) {
        (Some(by), Some(on)) if on <= day && policy.versions.is_empty() => Some(PolicyVersion {
            version: policy.version.clone(),
            approved_by: by.clone(),
            approved_on: on,
        }),
        _ => None,
    })
}

/// The policy versions a person's acknowledgement covers: each working policy's version in
/// force on the day they acknowledged, as "Title version". Nothing when they have not.
pub fn acknowledged_versions(person: &Person, policies: &[Entry<Policy>]) -> Vec<String> {
    let Some(on) = person.policies_acknowledged else {
        return Vec::new();
    };
    let mut named: Vec<String> = policies
        .iter()
        .filter(|p| p.archived_at.is_none())
        .filter_map(|p| {
            in_force(&p.record, on).map(|v| format!("{} {}", p.record.title, v.version))
        })
        .collect();
    named.sort();
    named
}
