//! A data file protected with a passphrase: opening one, and protecting, unprotecting or changing the passphrase of the open file.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::Workspace;
use crate::catalog::bundled_bank;
use crate::{Error, Result};
use soc2_readiness_store::{Store, StoreError};

impl Workspace {
    /// [`Workspace::open`] for a file that may be protected (`docs/protected-data-file.md`): a
    /// protected file is opened with `passphrase`, and refused with `needs_passphrase` without one
    /// or `wrong_passphrase` with a wrong one, its bytes untouched. A plain file ignores it.
    pub fn open_with_passphrase(
        data_file: &Path,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Workspace> {
        let store = Store::open_with_passphrase(data_file, passphrase, now)
            .map_err(|e| Error::from(e).in_file(data_file))?;
        Ok(Workspace::over(bundled_bank(), store))
    }

    /// True when the data file is protected with a passphrase.
    pub fn is_protected(&self) -> bool {
        self.store.is_protected()
    }

    /// Protects the plain data file with `passphrase`. A backup is taken first; the protected
    /// copy is checked before it replaces the file. Backups taken before stay plain.
    pub fn protect(&mut self, passphrase: &str, now: DateTime<Utc>) -> Result<()> {
        if self.store.is_protected() {
            return Err(Error::Invalid(
                "the data file is already protected; change its passphrase instead".into(),
            ));
        }
        Ok(self
            .store
            .protect_with(Some(passphrase), "before-protect", now)?)
    }

    /// Writes the protected data file plain again; `current` must be its passphrase.
    pub fn unprotect(&mut self, current: &str, now: DateTime<Utc>) -> Result<()> {
        self.check_passphrase(current)?;
        Ok(self.store.protect_with(None, "before-unprotect", now)?)
    }

    /// Protects the data file with `new` in place of `current`. Backups taken before keep the
    /// passphrase they were taken under.
    pub fn change_passphrase(
        &mut self,
        current: &str,
        new: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.check_passphrase(current)?;
        Ok(self
            .store
            .protect_with(Some(new), "before-passphrase-change", now)?)
    }

    fn check_passphrase(&self, given: &str) -> Result<()> {
        let Some(data_file) = self.data_file().filter(|_| self.store.is_protected()) else {
            return Err(Error::Invalid("the data file is not protected".into()));
        };
        if !self.store.passphrase_matches(given) {
            return Err(StoreError::WrongPassphrase {
                path: data_file.display().to_string(),
            }
            .into());
        }
        Ok(())
    }
}
