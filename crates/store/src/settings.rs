//! Settings kept in the data file, as named values; their meaning belongs to the workspace.

use rusqlite::{OptionalExtension, params};
use soc2_readiness_core::registers::Limits;

use super::{Store, StoreError};

/// The people register's limits are the programme's, like its entries: a re-assessment keeps
/// them, a rename carries them.
pub fn limits_key(programme: &str) -> String {
    format!("register-limits:{programme}")
}

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Stores a setting; `None` removes it.
    pub fn set_setting(&mut self, key: &str, value: Option<&[u8]>) -> Result<(), StoreError> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// The company's own limits for the programme, when it set them.
    pub fn limits(&self, programme: &str) -> Result<Option<Limits>, StoreError> {
        self.setting(&limits_key(programme))?
            .map(|bytes| {
                serde_json::from_slice(&bytes).map_err(|e| {
                    StoreError::Corrupt(format!("the saved limits of '{programme}': {e}"))
                })
            })
            .transpose()
    }

    /// Sets the programme's limits; `None` returns to the usual ones.
    pub fn set_limits(
        &mut self,
        programme: &str,
        limits: Option<Limits>,
    ) -> Result<(), StoreError> {
        let bytes = limits.map(|l| serde_json::to_vec(&l).expect("limits serialise"));
        self.set_setting(&limits_key(programme), bytes.as_deref())?;
        // The limits move the people register's findings, which the kept figures count.
        self.forget_figures()
    }
}
