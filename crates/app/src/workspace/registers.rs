//! The programme's registers through an assessment: list, add, edit, archive, delete, history, policy approval and findings.
//!
//! Front ends name an assessment; its organisation's programme holds the records, so every
//! assessment of one organisation (a re-assessment included) sees the same registers.

use chrono::{DateTime, NaiveDate, Utc};

use super::Workspace;
use crate::clock::Moment;
use crate::findings::{RecordFinding, programme_key};
use crate::registers::{
    Action, Entry, Limits, Listed, Policy, Query, Register, RegisterChange, RegisterRecord,
    Registers, approve, check_against, select,
};
use crate::{Error, Result};

/// The limits the people register is judged against, as a form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct KeptLimits {
    pub limits: Limits,
    /// False while the usual limits stand in for the company's own.
    pub set: bool,
}

impl Workspace {
    /// The key of the programme an assessment's records are kept under.
    pub fn programme(&self, assessment_id: &str) -> Result<String> {
        // The organisation alone: loading every answer to find it cost as much as the work.
        Ok(programme_key(&self.store.organisation(assessment_id)?))
    }

    /// A register as a person asked for it, with what needs attention as of `today`.
    pub fn register_list<T: RegisterRecord>(
        &self,
        assessment_id: &str,
        query: &Query,
        today: NaiveDate,
    ) -> Result<Vec<Listed<T>>> {
        let programme = self.programme(assessment_id)?;
        let entries = self.store.entries::<T>(&programme)?;
        let context = self.judging_context(&programme)?;
        Ok(select(entries, query, &context.judging(today))?)
    }

    /// What an entry is judged against beside itself: the company's limits, its policies and
    /// its people. The other registers say nothing about an entry, so they are not read.
    pub(crate) fn judging_context(&self, programme: &str) -> Result<Registers> {
        Ok(Registers {
            policies: self.store.entries(programme)?,
            people: self.store.entries(programme)?,
            limits: self.store.limits(programme)?,
            ..Registers::default()
        })
    }

    /// The company's limits for its people register, and whether it set them (otherwise the
    /// usual ones stand).
    pub fn limits(&self, assessment_id: &str) -> Result<KeptLimits> {
        let set = self.store.limits(&self.programme(assessment_id)?)?;
        Ok(KeptLimits {
            limits: set.unwrap_or_default(),
            set: set.is_some(),
        })
    }

    /// Sets the limits (`None`: back to the usual ones), each checked with its field named.
    pub fn set_limits(
        &mut self,
        assessment_id: &str,
        limits: Option<Limits>,
    ) -> Result<KeptLimits> {
        let limits = limits.map(Limits::checked).transpose()?;
        self.store
            .set_limits(&self.programme(assessment_id)?, limits)?;
        self.limits(assessment_id)
    }

    /// All four registers of the assessment's programme, archived entries included.
    pub fn registers(&self, assessment_id: &str) -> Result<Registers> {
        Ok(self.store.registers(&self.programme(assessment_id)?)?)
    }

    /// One entry by its id or a unique prefix of it.
    pub fn register_entry<T: RegisterRecord>(
        &self,
        assessment_id: &str,
        given: &str,
    ) -> Result<Entry<T>> {
        let entries = self.store.entries::<T>(&self.programme(assessment_id)?)?;
        let given = given.trim();
        let matching: Vec<Entry<T>> = entries
            .into_iter()
            .filter(|e| !given.is_empty() && e.id.starts_with(given))
            .collect();
        let unknown = || Error::UnknownEntry {
            register: T::REGISTER.singular(),
            id: given.to_string(),
        };
        match matching.len() {
            1 => Ok(matching.into_iter().next().expect("one entry")),
            0 => Err(unknown()),
            _ => matching.into_iter().find(|e| e.id == given).ok_or_else(|| {
                Error::Invalid(format!(
                    "'{given}' matches more than one {}; give more of the id",
                    T::REGISTER.singular()
                ))
            }),
        }
    }

    /// One entry with what needs attention, judged as its list judges it.
    pub fn register_entry_judged<T: RegisterRecord>(
        &self,
        assessment_id: &str,
        given: &str,
        today: NaiveDate,
    ) -> Result<Listed<T>> {
        let entry = self.register_entry::<T>(assessment_id, given)?;
        let context = self.judging_context(&self.programme(assessment_id)?)?;
        let attention = entry.record.attention(&context.judging(today));
        Ok(Listed { entry, attention })
    }

    /// Adds an entry, checked in full; `new_id` comes from the caller (`data_file::new_id`).
    pub fn add_entry<T: RegisterRecord>(
        &mut self,
        assessment_id: &str,
        new_id: &str,
        record: T,
        at: Moment,
    ) -> Result<Entry<T>> {
        let programme = self.programme(assessment_id)?;
        check_against(&record, &self.bank, at.today)?;
        let entry = Entry {
            id: new_id.to_string(),
            created_at: at.now,
            updated_at: at.now,
            archived_at: None,
            record,
        };
        self.store.write_entry(&programme, &entry, Action::Added)?;
        Ok(entry)
    }

    /// Replaces an entry's record, checked in full; an unchanged record writes nothing.
    pub fn edit_entry<T: RegisterRecord>(
        &mut self,
        assessment_id: &str,
        given: &str,
        record: T,
        at: Moment,
    ) -> Result<Entry<T>> {
        check_against(&record, &self.bank, at.today)?;
        self.change_entry(assessment_id, given, Action::Edited, at.now, |entry| {
            entry.record = record;
        })
    }

    /// Archives an entry (kept, out of the working list and the findings) or brings it back.
    pub fn set_entry_archived<T: RegisterRecord>(
        &mut self,
        assessment_id: &str,
        given: &str,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<Entry<T>> {
        let action = if archived {
            Action::Archived
        } else {
            Action::Restored
        };
        self.change_entry(assessment_id, given, action, now, |entry: &mut Entry<T>| {
            if archived != entry.archived_at.is_some() {
                entry.archived_at = archived.then_some(now);
            }
        })
    }

    /// Deletes an entry; its history is kept and ends with the deletion.
    pub fn delete_entry<T: RegisterRecord>(
        &mut self,
        assessment_id: &str,
        given: &str,
        now: DateTime<Utc>,
    ) -> Result<Entry<T>> {
        let programme = self.programme(assessment_id)?;
        let entry = self.register_entry::<T>(assessment_id, given)?;
        self.store.delete_entry(&programme, &entry, now)?;
        Ok(entry)
    }

    /// Approves a version of a policy: it comes into force and joins the kept versions.
    pub fn approve_policy(
        &mut self,
        assessment_id: &str,
        given: &str,
        version: &str,
        approved_by: &str,
        approved_on: NaiveDate,
        at: Moment,
    ) -> Result<Entry<Policy>> {
        let current = self.register_entry::<Policy>(assessment_id, given)?;
        let approved = approve(&current.record, version, approved_by, approved_on, at.today)?;
        self.change_entry(assessment_id, given, Action::Approved, at.now, |entry| {
            entry.record = approved;
        })
    }

    /// The history of a register, or of one entry (a deleted one too, by its id or a prefix),
    /// oldest first.
    pub fn register_history(
        &self,
        assessment_id: &str,
        register: Register,
        given: Option<&str>,
    ) -> Result<Vec<RegisterChange>> {
        let programme = self.programme(assessment_id)?;
        let mut history = self
            .store
            .register_history(&programme, Some(register), None)?;
        if let Some(given) = given.map(str::trim) {
            let mut ids: Vec<&str> = history
                .iter()
                .map(|c| c.record_id.as_str())
                .filter(|id| !given.is_empty() && id.starts_with(given))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let id = match ids.as_slice() {
                [one] => one.to_string(),
                [] => {
                    return Err(Error::UnknownEntry {
                        register: register.singular(),
                        id: given.to_string(),
                    });
                }
                many if many.contains(&given) => given.to_string(),
                _ => {
                    return Err(Error::Invalid(format!(
                        "'{given}' matches more than one {}; give more of the id",
                        register.singular()
                    )));
                }
            };
            history.retain(|c| c.record_id == id);
        }
        Ok(history)
    }

    /// What the assessment's programme registers say against its control questions as of
    /// `today` (not yet part of scoring: the caller decides how findings count).
    pub fn register_findings(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<RecordFinding>> {
        let registers = self.registers(assessment_id)?;
        Ok(crate::registers::register_findings(
            &registers, &self.bank, today,
        ))
    }

    fn change_entry<T: RegisterRecord>(
        &mut self,
        assessment_id: &str,
        given: &str,
        action: Action,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Entry<T>),
    ) -> Result<Entry<T>> {
        let programme = self.programme(assessment_id)?;
        let before = self.register_entry::<T>(assessment_id, given)?;
        let mut entry = before.clone();
        change(&mut entry);
        if entry == before {
            return Ok(entry);
        }
        entry.updated_at = now.max(before.updated_at);
        self.store.write_entry(&programme, &entry, action)?;
        Ok(entry)
    }
}
