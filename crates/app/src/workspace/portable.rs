//! Portable JSON in and out: export an assessment (with the modules it uses), import one as a new assessment.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::{Workspace, modules};
use crate::assessment::Assessment;
use crate::findings::programme_key;
use crate::{Result, files, interchange, protect};

impl Workspace {
    pub fn export_json(&self, assessment_id: &str, now: DateTime<Utc>) -> Result<String> {
        let record = self.store.load_record(assessment_id)?;
        let history = self.store.history(assessment_id)?;
        let modules = self.module_texts(&record.modules)?;
        let programme = programme_key(&record.assessment.organisation);
        let registers = interchange::PortableRegisters::new(
            self.store.registers(&programme)?,
            self.store.register_history(&programme, None, None)?,
        );
        let mut portable = interchange::to_portable(&record, history, registers, now);
        portable.calendar = self.portable_calendar(assessment_id)?;
        // Damaged choices must not stop an export; the file simply carries none.
        portable.trust_page = self.kept_trust_choices(assessment_id).unwrap_or(None);
        portable.account_imports = self.store.account_imports(&programme)?;
        portable.account_choices = self
            .store
            .setting(&super::accounts::choices_key(&programme))?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        let kept = self.kept_description_of(&programme)?;
        portable.system_description = (!kept.sections.is_empty()).then_some(kept);
        portable.modules = modules
            .into_iter()
            .map(|m| interchange::PortableModule {
                id: m.id,
                version: m.version,
                sha256: m.sha256,
                text: m.text,
            })
            .collect();
        Ok(interchange::to_json(&portable))
    }

    /// Checks the whole file, then writes it as a new assessment (with its registers) in one
    /// transaction; the calendar follows in a second.
    pub fn import_json(
        &mut self,
        bytes: &[u8],
        new_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let mut portable = interchange::parse(bytes, &self.bank)?;
        let modules = interchange::modules_of(&portable, &self.bank)?;
        let (registers, changes) = std::mem::take(&mut portable.registers).split();
        let calendar = portable.calendar.clone();
        let trust_page = portable.trust_page.clone();
        let mut account_imports = std::mem::take(&mut portable.account_imports);
        let account_choices = portable.account_choices;
        let description = portable.system_description.take();
        for module in &modules {
            self.refuse_conflict(module)?;
        }
        let (mut record, history) = interchange::into_record(portable, new_id, now);
        record.modules = modules.iter().map(|m| m.reference()).collect();
        // A baseline is an id in the file the assessment was exported from; it holds here only
        // when that assessment is here too (a round trip through JSON in one file).
        if let Some(baseline) = &record.assessment.baseline
            && self.store.load_record(baseline).is_err()
        {
            record.assessment.baseline = None;
        }
        let new_modules: Vec<_> = modules.iter().map(|m| modules::stored(m, now)).collect();
        // The registers join the programme of the organisation as imported: the same records
        // again when it is already here (upserted by id), new ones otherwise.
        let programme = programme_key(&record.assessment.organisation);
        self.store.import_record(
            &record,
            &history,
            &programme,
            &registers,
            &changes,
            &new_modules,
        )?;
        // Limits already set here for this organisation are the company's latest word.
        if registers.limits.is_some() && self.store.limits(&programme)?.is_none() {
            self.store.set_limits(&programme, registers.limits)?;
        }
        if let Some(calendar) = &calendar {
            self.import_calendar(&record.assessment.organisation, calendar)?;
        }
        // The same exports again when the organisation is already here (replaced by id); an id
        // another organisation keeps (this one renamed since the file was made) is a copy, and
        // gets an id of its own rather than taking that organisation's import away.
        for import in &mut account_imports {
            if self
                .store
                .account_import_programme(&import.id)?
                .is_some_and(|kept| kept != programme)
            {
                import.id = format!("{}-{new_id}", import.id);
            }
        }
        if !account_imports.is_empty() {
            self.store
                .put_account_imports(&programme, &account_imports)?;
            // An id the file brings again is read afresh, not from rows parsed before.
            self.forget_account_rows(&programme);
        }
        let key = super::accounts::choices_key(&programme);
        if let Some(choices) = account_choices
            && self.store.setting(&key)?.is_none()
        {
            let bytes = serde_json::to_vec(&choices).expect("account choices serialise to JSON");
            self.store.set_setting(&key, Some(&bytes))?;
            self.store.forget_figures()?;
        }
        // Like the choices below: the versions written here are the company's latest word.
        if let Some(kept) = description
            && self.kept_description_of(&programme)?.sections.is_empty()
        {
            self.put_kept_description(&programme, &kept)?;
        }
        // Choices already made here for this organisation are the company's latest word; a
        // file's choices fill in only where there are none.
        if let Some(choices) = trust_page
            && self.kept_trust_choices(&record.assessment.id)?.is_none()
        {
            self.set_trust_choices(&record.assessment.id, choices.without_retired_claims())?;
        }
        Ok(record.assessment)
    }

    /// Writes the portable JSON of an assessment to the user's file, atomically; with a
    /// passphrase, sealed under it (`docs/protected-export.md`), an empty one refused before
    /// anything is written.
    pub fn export_to(
        &self,
        assessment_id: &str,
        file: &Path,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let json = self.export_json(assessment_id, now)?;
        match passphrase {
            Some(passphrase) => {
                files::write_atomically(file, &protect::seal(json.as_bytes(), passphrase)?)
            }
            None => files::write_atomically(file, json.as_bytes()),
        }
    }

    /// Reads an exported file (capped in size) and imports it as a new assessment. A protected
    /// file needs its passphrase; opening only reads it, so a wrong one changes neither the file
    /// nor the data file. A plain file needs none and ignores one given.
    pub fn import_from(
        &mut self,
        file: &Path,
        passphrase: Option<&str>,
        new_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let bytes = files::read_export(file, passphrase)?;
        self.import_json(&bytes, new_id, now)
    }
}
