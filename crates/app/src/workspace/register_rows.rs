//! The registers as text rows and `(field, text)` changes, for the desktop app's one table and one form over all six.

use chrono::{DateTime, NaiveDate, Utc};

use super::Workspace;
use crate::Result;
use crate::clock::Moment;
use crate::registers::{
    Change, Entry, Incident, Listed, Person, Policy, Query, RecordError, Register, RegisterRecord,
    RegisterRow, Risk, Vendor, field_problems, from_fields, set_fields,
};

/// Calls `$call::<T>` with the record type of `$register`.
macro_rules! by_register {
    ($register:expr, $call:ident ( $($arg:expr),* )) => {
        match $register {
            Register::Vendors => $call::<Vendor>($($arg),*),
            Register::Policies => $call::<Policy>($($arg),*),
            Register::Incidents => $call::<Incident>($($arg),*),
            Register::Risks => $call::<Risk>($($arg),*),
            Register::People => $call::<Person>($($arg),*),
            Register::Changes => $call::<Change>($($arg),*),
        }
    };
}

impl Workspace {
    /// A register's rows as the query asks, with what needs attention as of `today`.
    pub fn register_rows(
        &self,
        assessment_id: &str,
        register: Register,
        query: &Query,
        today: NaiveDate,
    ) -> Result<Vec<RegisterRow>> {
        fn rows<T: RegisterRecord>(
            ws: &Workspace,
            id: &str,
            query: &Query,
            today: NaiveDate,
        ) -> Result<Vec<RegisterRow>> {
            let listed = ws.register_list::<T>(id, query, today)?;
            Ok(listed.into_iter().map(RegisterRow::from).collect())
        }
        by_register!(register, rows(self, assessment_id, query, today))
    }

    /// Adds an entry from `(field, text)` pairs; an error names the field.
    pub fn add_entry_from_text(
        &mut self,
        assessment_id: &str,
        register: Register,
        new_id: &str,
        pairs: &[(String, String)],
        at: Moment,
    ) -> Result<RegisterRow> {
        fn add<T: RegisterRecord>(
            ws: &mut Workspace,
            id: &str,
            new_id: &str,
            pairs: &[(String, String)],
            at: Moment,
        ) -> Result<RegisterRow> {
            let record: T = from_fields(pairs)?;
            let entry = ws.add_entry(id, new_id, record, at)?;
            row(ws, id, entry, at.today)
        }
        by_register!(register, add(self, assessment_id, new_id, pairs, at))
    }

    /// Every problem with an entry as a form holds it, each naming its field (empty when it
    /// would be kept), so a form marks them all at once before it saves.
    pub fn register_problems(
        &self,
        assessment_id: &str,
        register: Register,
        pairs: &[(String, String)],
        today: NaiveDate,
    ) -> Result<Vec<RecordError>> {
        fn problems<T: RegisterRecord>(
            ws: &Workspace,
            id: &str,
            pairs: &[(String, String)],
            today: NaiveDate,
        ) -> Result<Vec<RecordError>> {
            // The id must name an assessment, as adding does; links are checked against the
            // bank adding checks them against.
            ws.programme(id)?;
            Ok(field_problems::<T>(pairs, ws.bank(), today))
        }
        by_register!(register, problems(self, assessment_id, pairs, today))
    }

    /// Changes the given fields of an entry; an error names the field.
    pub fn edit_entry_from_text(
        &mut self,
        assessment_id: &str,
        register: Register,
        entry_id: &str,
        pairs: &[(String, String)],
        at: Moment,
    ) -> Result<RegisterRow> {
        fn edit<T: RegisterRecord>(
            ws: &mut Workspace,
            id: &str,
            entry_id: &str,
            pairs: &[(String, String)],
            at: Moment,
        ) -> Result<RegisterRow> {
            let current = ws.register_entry::<T>(id, entry_id)?;
            let record = set_fields(&current.record, pairs)?;
            let entry = ws.edit_entry(id, &current.id, record, at)?;
            row(ws, id, entry, at.today)
        }
        by_register!(register, edit(self, assessment_id, entry_id, pairs, at))
    }

    /// Archives an entry or brings it back, in any register.
    pub fn set_archived_in(
        &mut self,
        assessment_id: &str,
        register: Register,
        entry_id: &str,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        fn set<T: RegisterRecord>(
            ws: &mut Workspace,
            id: &str,
            entry_id: &str,
            archived: bool,
            now: DateTime<Utc>,
        ) -> Result<()> {
            ws.set_entry_archived::<T>(id, entry_id, archived, now)
                .map(|_| ())
        }
        by_register!(register, set(self, assessment_id, entry_id, archived, now))
    }

    /// Deletes an entry in any register; its history stays.
    pub fn delete_in(
        &mut self,
        assessment_id: &str,
        register: Register,
        entry_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        fn delete<T: RegisterRecord>(
            ws: &mut Workspace,
            id: &str,
            entry_id: &str,
            now: DateTime<Utc>,
        ) -> Result<()> {
            ws.delete_entry::<T>(id, entry_id, now).map(|_| ())
        }
        by_register!(register, delete(self, assessment_id, entry_id, now))
    }
}

/// The entry as a row, judged with the programme's limits, policies and people as they now stand.
fn row<T: RegisterRecord>(
    ws: &Workspace,
    assessment_id: &str,
    entry: Entry<T>,
    today: NaiveDate,
) -> Result<RegisterRow> {
    let context = ws.judging_context(&ws.programme(assessment_id)?)?;
    let attention = entry.record.attention(&context.judging(today));
    Ok(RegisterRow::from(Listed { entry, attention }))
}
