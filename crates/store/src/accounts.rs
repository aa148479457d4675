//! The account imports table: each export imported per programme, with its file's hash, the day it was taken and its accounts as JSON.

use rusqlite::params;
use soc2_readiness_core::accounts::{AccountFormat, AccountImport};

use super::rows::{from_json, parse_date, parse_time, timestamp, to_json};
use super::{Store, StoreError};

impl Store {
    /// Keeps one import.
    pub fn add_account_import(
        &mut self,
        programme: &str,
        import: &AccountImport,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        insert(&tx, programme, import)?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps several imports in one transaction (a portable file's), replacing any of the same
    /// id.
    pub fn put_account_imports(
        &mut self,
        programme: &str,
        imports: &[AccountImport],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for import in imports {
            tx.execute("DELETE FROM account_imports WHERE id = ?1", [&import.id])?;
            insert(&tx, programme, import)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every import of the programme, oldest first.
    pub fn account_imports(&self, programme: &str) -> Result<Vec<AccountImport>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, system, format, file_name, sha256, taken_on, imported_at, accounts
             FROM account_imports WHERE programme = ?1 ORDER BY taken_on, imported_at, id",
        )?;
        let rows = statement.query_map([programme], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, String>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, system, format, file_name, sha256, taken_on, imported_at, accounts) = row?;
            Ok(AccountImport {
                format: from_json::<AccountFormat>(&format)?,
                taken_on: parse_date(Some(taken_on))?.unwrap_or_default(),
                imported_at: parse_time(&imported_at)?,
                accounts: from_json(&accounts)?,
                id,
                system,
                file_name,
                sha256,
            })
        })
        .collect()
    }

    /// Removes one import of the programme; false when there is none by that id.
    pub fn remove_account_import(&mut self, programme: &str, id: &str) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM account_imports WHERE programme = ?1 AND id = ?2",
            params![programme, id],
        )? > 0)
    }
}

fn insert(
    tx: &rusqlite::Transaction<'_>,
    programme: &str,
    import: &AccountImport,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO account_imports
             (id, programme, system, format, file_name, sha256, taken_on, imported_at, accounts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            import.id,
            programme,
            import.system,
            to_json(&import.format),
            import.file_name,
            import.sha256,
            import.taken_on.format("%Y-%m-%d").to_string(),
            timestamp(&import.imported_at),
            to_json(&import.accounts),
        ],
    )?;
    Ok(())
}
