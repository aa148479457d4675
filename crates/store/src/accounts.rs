//! The account imports table: each export imported per programme, with its file's hash, the day it was taken and its accounts as JSON.

use rusqlite::params;
use soc2_readiness_core::accounts::{Account, AccountFormat, AccountImport};

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
    /// id in this programme; an id kept under another programme is refused by the key, so the
    /// caller gives such an import an id of its own first.
    pub fn put_account_imports(
        &mut self,
        programme: &str,
        imports: &[AccountImport],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for import in imports {
            // The rows go with their import (ON DELETE CASCADE).
            tx.execute(
                "DELETE FROM account_imports WHERE id = ?1 AND programme = ?2",
                params![import.id, programme],
            )?;
            insert(&tx, programme, import)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every import of the programme with its accounts, oldest first (an export carries them
    /// all).
    pub fn account_imports(&self, programme: &str) -> Result<Vec<AccountImport>, StoreError> {
        self.read_imports(
            "SELECT id, system, format, file_name, sha256, taken_on, imported_at, r.accounts
             FROM account_imports JOIN account_import_rows r ON r.import_id = id
             WHERE programme = ?1 ORDER BY taken_on, imported_at, id",
            programme,
        )
    }

    /// The latest import of each system, without its accounts (ties broken by id, as the
    /// domain breaks them): the ones the checks read, found without parsing any rows. Systems
    /// compare by their name trimmed and in lower case; SQLite's `lower` knows ASCII only, so a
    /// non-ASCII name may bring two, and the domain picks.
    pub fn latest_account_imports(
        &self,
        programme: &str,
    ) -> Result<Vec<AccountImport>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, system, format, file_name, sha256, taken_on, imported_at FROM (
                 SELECT *, row_number() OVER (
                     PARTITION BY lower(trim(system))
                     ORDER BY taken_on DESC, imported_at DESC, id DESC) AS newest
                 FROM account_imports WHERE programme = ?1)
             WHERE newest = 1 ORDER BY taken_on, imported_at, id",
        )?;
        let rows = statement.query_map([programme], read_head)?;
        rows.map(|row| row?.into_import("[]")).collect()
    }

    /// One import's accounts.
    pub fn account_rows(&self, import_id: &str) -> Result<Vec<Account>, StoreError> {
        let text: String = self
            .conn
            .prepare_cached("SELECT accounts FROM account_import_rows WHERE import_id = ?1")?
            .query_row([import_id], |row| row.get(0))?;
        from_json(&text)
    }

    /// Every import of the programme without its accounts (their number instead), oldest
    /// first: for lists, which need not parse thousands of rows.
    pub fn account_import_list(
        &self,
        programme: &str,
    ) -> Result<Vec<(AccountImport, usize)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, system, format, file_name, sha256, taken_on, imported_at,
                    account_count
             FROM account_imports WHERE programme = ?1 ORDER BY taken_on, imported_at, id",
        )?;
        let rows = statement.query_map([programme], |row| {
            Ok((read_head(row)?, row.get::<_, i64>(7)?))
        })?;
        rows.map(|row| {
            let (head, count) = row?;
            Ok((head.into_import("[]")?, usize::try_from(count).unwrap_or(0)))
        })
        .collect()
    }

    fn read_imports(&self, sql: &str, programme: &str) -> Result<Vec<AccountImport>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map([programme], |row| {
            Ok((read_head(row)?, row.get::<_, String>(7)?))
        })?;
        rows.map(|row| {
            let (head, accounts) = row?;
            head.into_import(&accounts)
        })
        .collect()
    }

    /// The programme an import id is kept under, if any.
    pub fn account_import_programme(&self, id: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT programme FROM account_imports WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?)
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
             (id, programme, system, format, file_name, sha256, taken_on, imported_at, account_count)
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
            i64::try_from(import.accounts.len()).unwrap_or(i64::MAX),
        ],
    )?;
    tx.execute(
        "INSERT INTO account_import_rows (import_id, accounts) VALUES (?1, ?2)",
        params![import.id, to_json(&import.accounts)],
    )?;
    Ok(())
}

/// An import's columns other than its accounts, before their text is checked.
struct Head {
    id: String,
    system: String,
    format: String,
    file_name: String,
    sha256: String,
    taken_on: String,
    imported_at: String,
}

fn read_head(row: &rusqlite::Row<'_>) -> rusqlite::Result<Head> {
    Ok(Head {
        id: row.get(0)?,
        system: row.get(1)?,
        format: row.get(2)?,
        file_name: row.get(3)?,
        sha256: row.get(4)?,
        taken_on: row.get(5)?,
        imported_at: row.get(6)?,
    })
}

impl Head {
    fn into_import(self, accounts: &str) -> Result<AccountImport, StoreError> {
        Ok(AccountImport {
            format: from_json::<AccountFormat>(&self.format)?,
            taken_on: parse_date(Some(self.taken_on))?.unwrap_or_default(),
            imported_at: parse_time(&self.imported_at)?,
            accounts: from_json(accounts)?,
            id: self.id,
            system: self.system,
            file_name: self.file_name,
            sha256: self.sha256,
        })
    }
}
