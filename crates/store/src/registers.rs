//! The register tables (vendors, policies, incidents, risks, people, changes) and their append-only history, per programme.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};
use soc2_readiness_core::assessment::{AssessmentRecord, HistoryEntry};
use soc2_readiness_core::registers::{
    Action, Entry, Register, RegisterChange, RegisterRecord, Registers,
};

use super::assessments::write_record;
use super::modules::StoredModule;
use super::rows::{from_json, parse_time, timestamp, to_json};
use super::{Store, StoreError};

impl Store {
    /// Whether the programme keeps any record (an adopted control or a register entry, archived
    /// ones included): its figures then depend on the day. One indexed lookup per table, rather
    /// than reading and parsing every entry.
    pub fn programme_has_records(&self, programme: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM recurring_controls WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM vendors WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM policies WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM incidents WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM risks WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM people WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM changes WHERE programme = ?1)
                 OR EXISTS (SELECT 1 FROM account_imports WHERE programme = ?1)",
            )?
            .query_row([programme], |row| row.get(0))?)
    }

    /// A register's entries of one programme, archived ones included, in no particular order.
    pub fn entries<T: RegisterRecord>(&self, programme: &str) -> Result<Vec<Entry<T>>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT id, body, created_at, updated_at, archived_at FROM {} WHERE programme = ?1",
            T::REGISTER.id()
        ))?;
        let rows = statement.query_map([programme], read_row)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// All the registers of a programme.
    pub fn registers(&self, programme: &str) -> Result<Registers, StoreError> {
        Ok(Registers {
            vendors: self.entries(programme)?,
            policies: self.entries(programme)?,
            incidents: self.entries(programme)?,
            risks: self.entries(programme)?,
            people: self.entries(programme)?,
            changes: self.entries(programme)?,
            limits: self.limits(programme)?,
        })
    }

    /// Writes an entry (new or changed) and its history row in one transaction.
    pub fn write_entry<T: RegisterRecord>(
        &mut self,
        programme: &str,
        entry: &Entry<T>,
        action: Action,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        upsert(&tx, programme, entry, false)?;
        append_change(&tx, programme, &change_of(entry, action, entry.updated_at))?;
        tx.commit()?;
        Ok(())
    }

    /// Entries added and entries changed in one transaction (an import that matched some rows
    /// to entries already kept): each with its history row, or nothing at all.
    pub fn write_added_and_edited<T: RegisterRecord>(
        &mut self,
        programme: &str,
        added: &[Entry<T>],
        edited: &[Entry<T>],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (entries, action) in [(added, Action::Added), (edited, Action::Edited)] {
            for entry in entries {
                upsert(&tx, programme, entry, false)?;
                append_change(&tx, programme, &change_of(entry, action, entry.updated_at))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes an entry; its history stays, ending with a `deleted` row holding its last state.
    pub fn delete_entry<T: RegisterRecord>(
        &mut self,
        programme: &str,
        entry: &Entry<T>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            &format!(
                "DELETE FROM {} WHERE id = ?1 AND programme = ?2",
                T::REGISTER.id()
            ),
            params![entry.id, programme],
        )?;
        append_change(&tx, programme, &change_of(entry, Action::Deleted, at))?;
        tx.commit()?;
        Ok(())
    }

    /// The history of a programme's registers, oldest first: of one register, or one entry.
    pub fn register_history(
        &self,
        programme: &str,
        register: Option<Register>,
        record_id: Option<&str>,
    ) -> Result<Vec<RegisterChange>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT register, record_id, action, snapshot, changed_at FROM register_history
             WHERE programme = ?1 AND (?2 IS NULL OR register = ?2) AND (?3 IS NULL OR record_id = ?3)
             ORDER BY seq",
        )?;
        let rows = statement.query_map(
            params![programme, register.map(Register::id), record_id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            },
        )?;
        rows.map(|row| {
            let (register, record_id, action, snapshot, changed_at) = row?;
            Ok(RegisterChange {
                register: Register::parse(&register)
                    .ok_or_else(|| StoreError::Corrupt(format!("register '{register}'")))?,
                record_id,
                action: Action::parse(&action)
                    .ok_or_else(|| StoreError::Corrupt(format!("action '{action}'")))?,
                snapshot: from_json(&snapshot)?,
                changed_at: parse_time(&changed_at)?,
            })
        })
        .collect()
    }

    /// An imported assessment with its programme's registers, in one transaction. An entry
    /// already here is replaced only by a copy changed as late or later; history rows already
    /// here are not added twice, so importing one file twice changes nothing.
    pub fn import_record(
        &mut self,
        record: &AssessmentRecord,
        history: &[HistoryEntry],
        programme: &str,
        registers: &Registers,
        changes: &[RegisterChange],
        new_modules: &[StoredModule],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for module in new_modules {
            crate::modules::insert_module(&tx, module)?;
        }
        write_record(&tx, record, history)?;
        upsert_all(&tx, programme, &registers.vendors)?;
        upsert_all(&tx, programme, &registers.policies)?;
        upsert_all(&tx, programme, &registers.incidents)?;
        upsert_all(&tx, programme, &registers.risks)?;
        upsert_all(&tx, programme, &registers.people)?;
        upsert_all(&tx, programme, &registers.changes)?;
        for change in changes {
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM register_history WHERE register = ?1
                 AND record_id = ?2 AND action = ?3 AND changed_at = ?4)",
                params![
                    change.register.id(),
                    change.record_id,
                    change.action.id(),
                    timestamp(&change.changed_at)
                ],
                |row| row.get(0),
            )?;
            if !known {
                append_change(&tx, programme, change)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// An imported file's entries of one register, each written unless the data file holds a newer
/// state of it.
fn upsert_all<T: RegisterRecord>(
    tx: &Transaction<'_>,
    programme: &str,
    entries: &[Entry<T>],
) -> Result<(), StoreError> {
    entries
        .iter()
        .try_for_each(|entry| upsert(tx, programme, entry, true))
}

/// Moves a programme's records, their history and its control calendar to another key (its
/// organisation renamed).
pub(crate) fn carry_programme(
    tx: &Transaction<'_>,
    from: &str,
    to: &str,
) -> Result<(), StoreError> {
    for register in Register::ALL {
        tx.execute(
            &format!(
                "UPDATE {} SET programme = ?2 WHERE programme = ?1",
                register.id()
            ),
            params![from, to],
        )?;
    }
    tx.execute(
        "UPDATE register_history SET programme = ?2 WHERE programme = ?1",
        params![from, to],
    )?;
    tx.execute(
        "UPDATE account_imports SET programme = ?2 WHERE programme = ?1",
        params![from, to],
    )?;
    // The control calendar follows too: every check with its evidence file, and each control.
    // A control the new name already keeps takes the moved checks under its own settings (the
    // old row stays, with no check left under it), so one log holds both histories and nothing
    // drops out of view. The checks move before their control, so the foreign key is checked
    // at commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    tx.execute(
        "UPDATE control_checks SET programme = ?2 WHERE programme = ?1",
        params![from, to],
    )?;
    tx.execute(
        "UPDATE evidence_files SET programme = ?2 WHERE programme = ?1",
        params![from, to],
    )?;
    tx.execute(
        "UPDATE recurring_controls SET programme = ?2
         WHERE programme = ?1
           AND control_id NOT IN (SELECT control_id FROM recurring_controls WHERE programme = ?2)",
        params![from, to],
    )?;
    Ok(())
}

/// One register row as stored, before its text is checked.
struct EntryRow {
    id: String,
    body: String,
    created_at: String,
    updated_at: String,
    archived_at: Option<String>,
}

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok(EntryRow {
        id: row.get(0)?,
        body: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        archived_at: row.get(4)?,
    })
}

impl EntryRow {
    fn into_entry<T: RegisterRecord>(self) -> Result<Entry<T>, StoreError> {
        Ok(Entry {
            record: from_json(&self.body)?,
            id: self.id,
            created_at: parse_time(&self.created_at)?,
            updated_at: parse_time(&self.updated_at)?,
            archived_at: self.archived_at.as_deref().map(parse_time).transpose()?,
        })
    }
}

fn upsert<T: RegisterRecord>(
    tx: &Transaction<'_>,
    programme: &str,
    entry: &Entry<T>,
    only_if_newer: bool,
) -> Result<(), StoreError> {
    let guard = if only_if_newer {
        "WHERE excluded.updated_at >= updated_at"
    } else {
        ""
    };
    tx.execute(
        &format!(
            "INSERT INTO {} (id, programme, body, created_at, updated_at, archived_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body,
                 created_at = excluded.created_at, updated_at = excluded.updated_at,
                 archived_at = excluded.archived_at {guard}",
            T::REGISTER.id()
        ),
        params![
            entry.id,
            programme,
            to_json(&entry.record),
            timestamp(&entry.created_at),
            timestamp(&entry.updated_at),
            entry.archived_at.as_ref().map(timestamp),
        ],
    )?;
    Ok(())
}

fn change_of<T: RegisterRecord>(
    entry: &Entry<T>,
    action: Action,
    at: DateTime<Utc>,
) -> RegisterChange {
    RegisterChange {
        register: T::REGISTER,
        record_id: entry.id.clone(),
        action,
        changed_at: at,
        snapshot: serde_json::to_value(entry).expect("entries serialise"),
    }
}

fn append_change(
    tx: &Transaction<'_>,
    programme: &str,
    change: &RegisterChange,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO register_history (programme, register, record_id, action, snapshot, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            programme,
            change.register.id(),
            change.record_id,
            change.action.id(),
            to_json(&change.snapshot),
            timestamp(&change.changed_at)
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trail is append-only: a row's content can neither change nor go, yet a whole
    /// programme's rows can move to a new key (an organisation renamed).
    #[test]
    fn the_register_history_refuses_changes_but_moves_with_its_programme() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO register_history (programme, register, record_id, action, snapshot, changed_at)
                 VALUES ('acme', 'vendors', 'v1', 'added', '{}', '2026-11-01T00:00:00.000000Z')",
                [],
            )
            .unwrap();
        for refused in [
            "UPDATE register_history SET snapshot = '{\"x\":1}'",
            "UPDATE register_history SET action = 'edited'",
            "DELETE FROM register_history",
        ] {
            let error = store.conn.execute(refused, []).unwrap_err();
            assert!(
                error.to_string().contains("append-only"),
                "{refused}: {error}"
            );
        }
        store
            .conn
            .execute("UPDATE register_history SET programme = 'acme inc'", [])
            .unwrap();
        let moved = store.register_history("acme inc", None, None).unwrap();
        assert_eq!(moved.len(), 1);
    }
}
