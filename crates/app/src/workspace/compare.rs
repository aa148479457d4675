//! Progress over time: a re-assessment against its baseline (or any two assessments), and the trend across an organisation's assessments.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::Result;
use crate::assessment::AssessmentRecord;
use crate::catalog::ModuleRef;
use crate::compare::{Comparison, compare, normalised};
use crate::upgrade::{carry, is_older};

/// One assessment on an organisation's trend line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct TrendPoint {
    pub id: String,
    pub organisation: String,
    pub label: Option<String>,
    pub created_at: DateTime<Utc>,
    pub archived: bool,
    pub readiness: Option<f64>,
    pub completion: Option<f64>,
}

impl Workspace {
    /// The assessment a re-assessment was started from, while it is still in this file.
    pub fn baseline_of(&self, assessment_id: &str) -> Result<Option<String>> {
        Ok(self.store.load_record(assessment_id)?.assessment.baseline)
    }

    /// Compares two assessments as of `today`, both read against this workspace's bank: one
    /// answered on an older bank is carried to it first (in memory; nothing is written).
    pub fn compare(&self, before_id: &str, after_id: &str, today: NaiveDate) -> Result<Comparison> {
        let (mut before, mut notes) = self.on_this_bank(before_id, today)?;
        let (mut after, more) = self.on_this_bank(after_id, today)?;
        notes.extend(more);
        // Only the modules both use, at the same version, can be compared question by question;
        // the others are left out of both sides and named.
        let shared: Vec<ModuleRef> = before
            .modules
            .iter()
            .filter(|m| after.modules.contains(m))
            .cloned()
            .collect();
        for (record, other) in [(&before, &after), (&after, &before)] {
            for module in record.modules.iter().filter(|m| !shared.contains(m)) {
                let other_side = match other.modules.iter().find(|o| o.id == module.id) {
                    Some(o) => format!("{} uses version {}", other.assessment.id, o.version),
                    None => format!("{} does not use it", other.assessment.id),
                };
                notes.push(format!(
                    "{} uses question module {} ({}@{}) and {other_side}: its questions could not be compared and are left out of both sides' figures here.",
                    record.assessment.id, module.title, module.id, module.version
                ));
            }
        }
        let bank = self.bank_with(&shared)?;
        for record in [&mut before, &mut after] {
            let left_out: Vec<String> = record
                .modules
                .iter()
                .filter(|m| !shared.contains(m))
                .map(|m| format!("{}.", m.id))
                .collect();
            record
                .answers
                .retain(|id, _| !left_out.iter().any(|prefix| id.starts_with(prefix)));
        }
        // Each side judged as the list and the report judge it on the day: its answers, what
        // they imply, and what the programme's records show, so the figures agree everywhere.
        let before = self.judged(&bank, before, today)?;
        let after = self.judged(&bank, after, today)?;
        let mut comparison = compare(&bank, &before, &after);
        comparison.notes.splice(0..0, notes);
        Ok(comparison)
    }

    /// Every assessment of the organisation `assessment_id` belongs to, oldest first: those
    /// linked to it by re-assessment baselines, and those under the same organisation name.
    pub fn trend(&self, assessment_id: &str, today: NaiveDate) -> Result<Vec<TrendPoint>> {
        let all = self.summaries(today)?;
        let mut members: BTreeSet<String> = BTreeSet::from([assessment_id.to_string()]);
        // Grows the set until no link adds to it: renamed re-assessments join through their
        // baselines, and re-assessments of a baseline join through its name.
        loop {
            let inside = all.iter().filter(|s| members.contains(&s.assessment.id));
            let names: BTreeSet<String> = inside
                .clone()
                .map(|s| normalised(&s.assessment.organisation))
                .collect();
            let baselines: BTreeSet<&String> = inside
                .filter_map(|s| s.assessment.baseline.as_ref())
                .collect();
            let before = members.len();
            for s in &all {
                let a = &s.assessment;
                let linked = a.baseline.as_ref().is_some_and(|b| members.contains(b))
                    || baselines.contains(&a.id);
                if linked || names.contains(&normalised(&a.organisation)) {
                    members.insert(a.id.clone());
                }
            }
            if members.len() == before {
                break;
            }
        }
        let mut points: Vec<TrendPoint> = all
            .into_iter()
            .filter(|s| members.contains(&s.assessment.id))
            .map(|s| TrendPoint {
                id: s.assessment.id,
                organisation: s.assessment.organisation,
                label: s.assessment.label,
                created_at: s.assessment.created_at,
                archived: s.assessment.archived_at.is_some(),
                readiness: s.readiness,
                completion: s.completion,
            })
            .collect();
        points.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        Ok(points)
    }

    /// The record as stored, carried from an older bank when it was answered on one, with a
    /// sentence saying so (the caller adds the implied answers, against the bank it compares on).
    fn on_this_bank(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<(AssessmentRecord, Vec<String>)> {
        let mut record = self.store.load_record(assessment_id)?;
        let mut notes = Vec::new();
        let version = record.assessment.bank_version.clone();
        if is_older(&version, &self.bank) {
            let at = today.and_time(chrono::NaiveTime::MIN).and_utc();
            if let Some(carried) = carry(&self.bank, &version, &record.answers, at) {
                let to_confirm = carried.upgrade.notes.iter().filter(|n| n.confirm).count();
                notes.push(format!(
                    "{} was answered on question bank {version}; for this comparison its answers \
                     were carried to bank {} ({to_confirm} carried answer(s) await confirmation, \
                     and the assessment itself is unchanged).",
                    record.assessment.id, self.bank.version
                ));
                record.answers = carried.answers;
            }
        }
        Ok((record, notes))
    }
}
