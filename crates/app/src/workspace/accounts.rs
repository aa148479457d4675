//! Account exports through an assessment's programme: a file read, recognised and kept with its hash and day; the latest of each system checked against the people register; the company's limits kept as a setting.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use serde::Serialize;

use super::Workspace;
use crate::accounts::{
    AccountChoices, AccountFinding, AccountFormat, AccountImport, AccountLimits, AccountReview,
    ClaimFlag, ColumnUse, LayoutProblem, contradicted_answers, latest_of_each_system,
    read_accounts, review,
};
use crate::clock::Moment;
use crate::registers::{Entry, Person};
use crate::spreadsheet::read_csv_rows;
use crate::{Error, Result, files};

/// The rows of each programme's latest imports, parsed once: programme to its imports.
pub(super) type AccountRows = Mutex<BTreeMap<String, Vec<Arc<AccountImport>>>>;

/// The limits are the company's, not one assessment's, like its trust page choices.
pub(super) fn choices_key(programme: &str) -> String {
    format!("accounts:{programme}")
}

/// An import asked for: the file, how to read it, and whether to keep it (else only preview).
#[derive(Debug, Clone)]
pub struct AccountImportRequest<'a> {
    pub file: &'a Path,
    /// The system in the company's words; the format's own name when none is given.
    pub system: Option<String>,
    /// The layout, when the headings alone should not decide it.
    pub format: Option<AccountFormat>,
    /// For a CSV of another system: (heading, field).
    pub mapping: Vec<(String, String)>,
    /// The day the export was taken; today when not given.
    pub taken_on: Option<NaiveDate>,
    pub write: bool,
}

/// What an import recognised and found, and whether it was kept: the preview and the result are
/// one shape.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AccountImportResult {
    pub format: Option<AccountFormat>,
    pub system: String,
    pub file_name: String,
    pub sha256: String,
    pub taken_on: NaiveDate,
    /// The file's headings as written, so a person can name each one's field.
    pub headings: Vec<String>,
    pub columns: Vec<ColumnUse>,
    pub not_shown: Vec<String>,
    pub accounts: usize,
    pub problems: Vec<LayoutProblem>,
    /// The findings this file raises once kept (against the people register as it is now).
    pub findings: Vec<AccountFinding>,
    /// Kept, with this id; never part of a file.
    pub import_id: Option<String>,
}

/// One kept import without its rows, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AccountImportInfo {
    pub id: String,
    pub system: String,
    pub format: AccountFormat,
    pub file_name: String,
    pub sha256: String,
    pub taken_on: NaiveDate,
    pub accounts: usize,
    /// The latest of its system, so the one checked.
    pub checked: bool,
}

/// Everything the imports say for an assessment's programme on a day.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AccountsView {
    pub imports: Vec<AccountImportInfo>,
    pub review: AccountReview,
    pub choices: AccountChoices,
    /// Answers at "in place" or better that an export contradicts.
    pub claims: Vec<ClaimFlag>,
}

impl Workspace {
    /// The choices kept for the programme (none kept: the default limits, no names in reports).
    pub fn account_choices(&self, assessment_id: &str) -> Result<AccountChoices> {
        self.programme_account_choices(&self.programme(assessment_id)?)
    }

    pub(super) fn programme_account_choices(&self, programme: &str) -> Result<AccountChoices> {
        match self.store.setting(&choices_key(programme))? {
            // Damaged choices must not stop a score: the defaults are the cautious reading.
            Some(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or_default()),
            None => Ok(AccountChoices::default()),
        }
    }

    /// Keeps the company's limits and report choice; limits nobody could mean are refused by
    /// field.
    pub fn set_account_choices(
        &mut self,
        assessment_id: &str,
        key_rotation_days: u32,
        unused_days: u32,
        names_in_reports: bool,
    ) -> Result<AccountChoices> {
        let kept = self.account_choices(assessment_id)?.limits;
        let unchanged =
            kept.key_rotation_days == key_rotation_days && kept.unused_days == unused_days;
        let limits = AccountLimits::chosen(key_rotation_days, unused_days).map_err(|reason| {
            let field = if reason.contains("key rotation") {
                "key_rotation_days"
            } else {
                "unused_days"
            };
            Error::Refused {
                field: field.into(),
                reason,
            }
        })?;
        let choices = AccountChoices {
            // Saving only the report choice leaves the defaults the defaults.
            limits: if unchanged { kept } else { limits },
            names_in_reports,
        };
        let key = choices_key(&self.programme(assessment_id)?);
        let bytes = serde_json::to_vec(&choices).expect("account choices serialise to JSON");
        self.store.set_setting(&key, Some(&bytes))?;
        // The limits move findings, so the list's kept figures must be computed again.
        self.store.forget_figures()?;
        Ok(choices)
    }

    /// Reads, recognises and checks an export; with `write` and no problem, keeps it.
    pub fn import_accounts(
        &mut self,
        assessment_id: &str,
        request: &AccountImportRequest<'_>,
        at: Moment,
        new_id: impl FnOnce() -> String,
    ) -> Result<AccountImportResult> {
        let programme = self.programme(assessment_id)?;
        let bytes = files::read(request.file)?;
        let sha256 = crate::calendar::sha256_hex(&bytes);
        let file_name = request
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let taken_on = request.taken_on.unwrap_or(at.today);
        if taken_on > at.today {
            return Err(Error::Refused {
                field: "taken_on".into(),
                reason: "the export cannot be taken after today; give the day it was downloaded"
                    .into(),
            });
        }
        let rows = read_csv_rows(&bytes).map_err(|reason| Error::File {
            path: request.file.display().to_string(),
            reason,
        })?;
        let read = read_accounts(
            &rows.header,
            &rows.rows,
            request.format,
            &request.mapping,
            taken_on,
        );
        let format = match &read {
            Ok(read) => Some(read.format),
            Err(refused) => refused.format,
        };
        let system = request
            .system
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or_else(|| format.map(|f| f.default_system().to_string()))
            .unwrap_or_default();
        if system.chars().count() > 80 {
            return Err(Error::Refused {
                field: "system".into(),
                reason: "name the system in at most 80 characters".into(),
            });
        }
        let mut result = AccountImportResult {
            format,
            system: system.clone(),
            file_name: file_name.clone(),
            sha256: sha256.clone(),
            taken_on,
            headings: rows.header.clone(),
            columns: Vec::new(),
            not_shown: Vec::new(),
            accounts: 0,
            problems: Vec::new(),
            findings: Vec::new(),
            import_id: None,
        };
        let read = match read {
            Ok(read) => read,
            Err(refused) => {
                result.problems = refused.problems;
                return Ok(result);
            }
        };
        // The same file kept twice for one system would count its rows twice in the history
        // and say nothing new.
        let kept_before = self
            .store
            .account_import_list(&programme)?
            .into_iter()
            .find(|(i, _)| {
                i.sha256 == sha256 && i.system.trim().eq_ignore_ascii_case(system.trim())
            });
        if let Some((earlier, _)) = kept_before {
            result.problems.push(crate::accounts::LayoutProblem {
                line: 1,
                column: String::new(),
                message: format!(
                    "this file (the same SHA-256) is already kept for {}, taken {}; download a new report to check the system again",
                    earlier.system,
                    crate::plan::human_date(earlier.taken_on)
                ),
            });
            return Ok(result);
        }
        let import = AccountImport {
            id: new_id(),
            system,
            format: read.format,
            file_name,
            sha256,
            taken_on,
            imported_at: at.now,
            accounts: read.accounts,
        };
        result.columns = read.columns;
        result.not_shown = read.not_shown;
        result.accounts = import.accounts.len();
        let people = self.store.entries::<Person>(&programme)?;
        let choices = self.programme_account_choices(&programme)?;
        let removal = self.removal_days(&programme)?;
        result.findings = review(
            std::slice::from_ref(&import),
            &people,
            choices.limits,
            removal,
        )
        .findings;
        if request.write {
            self.store.add_account_import(&programme, &import)?;
            result.import_id = Some(import.id);
        }
        Ok(result)
    }

    /// Removes one kept import by its id or a unique prefix.
    pub fn remove_account_import(
        &mut self,
        assessment_id: &str,
        given: &str,
    ) -> Result<AccountImportInfo> {
        let programme = self.programme(assessment_id)?;
        let info = self
            .account_imports(assessment_id)?
            .into_iter()
            .filter(|i| i.id.starts_with(given.trim()) && !given.trim().is_empty())
            .collect::<Vec<_>>();
        match info.as_slice() {
            [one] => {
                self.store.remove_account_import(&programme, &one.id)?;
                Ok(one.clone())
            }
            [] => Err(Error::UnknownEntry {
                register: "account import",
                id: given.to_string(),
            }),
            _ => Err(Error::Invalid(format!(
                "'{given}' names {} imports; give more of the id",
                info.len()
            ))),
        }
    }

    /// The kept imports, newest first, each marked when it is the one checked for its system.
    pub fn account_imports(&self, assessment_id: &str) -> Result<Vec<AccountImportInfo>> {
        let programme = self.programme(assessment_id)?;
        let listed = self.store.account_import_list(&programme)?;
        let heads: Vec<&AccountImport> = listed.iter().map(|(i, _)| i).collect();
        let checked: Vec<String> = latest_of_each_system(&heads)
            .iter()
            .map(|i| i.id.clone())
            .collect();
        Ok(listed
            .into_iter()
            .rev()
            .map(|(i, accounts)| AccountImportInfo {
                checked: checked.contains(&i.id),
                id: i.id,
                system: i.system,
                format: i.format,
                file_name: i.file_name,
                sha256: i.sha256,
                taken_on: i.taken_on,
                accounts,
            })
            .collect())
    }

    /// What the programme's imports show, against its people register and its limits.
    pub(super) fn programme_account_review(
        &self,
        programme: &str,
        people: &[Entry<Person>],
    ) -> Result<AccountReview> {
        let imports = self.latest_imports(programme)?;
        // Every scorecard asks: with no export kept there is nothing to judge, and the limits
        // need not be read.
        if imports.is_empty() {
            return Ok(review(&imports, people, AccountLimits::default(), 0));
        }
        let choices = self.programme_account_choices(programme)?;
        Ok(review(
            &imports,
            people,
            choices.limits,
            self.removal_days(programme)?,
        ))
    }

    /// The company's days for removing a leaver's access, which a live account is judged by.
    pub(super) fn removal_days(&self, programme: &str) -> Result<u16> {
        Ok(self
            .store
            .limits(programme)?
            .unwrap_or_default()
            .access_removal_days)
    }

    pub(super) fn forget_account_rows(&self, programme: &str) {
        self.account_rows
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(programme);
    }

    /// The latest import of each system with its accounts. A kept import never changes, so its
    /// rows are parsed once per workspace: every answer's redraw reads the findings, and a
    /// 5,000-account export must not be parsed on each.
    fn latest_imports(&self, programme: &str) -> Result<Vec<Arc<AccountImport>>> {
        let heads = self.store.latest_account_imports(programme)?;
        let mut cache = self.account_rows.lock().unwrap_or_else(|e| e.into_inner());
        let parsed = cache.remove(programme).unwrap_or_default();
        let mut out = Vec::with_capacity(heads.len());
        for head in heads {
            match parsed.iter().find(|i| i.id == head.id) {
                Some(import) => out.push(Arc::clone(import)),
                None => {
                    let accounts = self.store.account_rows(&head.id)?;
                    out.push(Arc::new(AccountImport { accounts, ..head }));
                }
            }
        }
        // Only the latest are kept: an older import is never checked again.
        cache.insert(programme.to_string(), out.clone());
        Ok(out)
    }

    /// The imports, their findings and evidence, and the answers they contradict. Each finding
    /// is as of its export's day, so the view needs no day of its own.
    pub fn accounts_view(&self, assessment_id: &str) -> Result<AccountsView> {
        let programme = self.programme(assessment_id)?;
        let people = self.store.entries::<Person>(&programme)?;
        let review = self.programme_account_review(&programme, &people)?;
        let (record, bank) = self.record_and_bank(assessment_id)?;
        Ok(AccountsView {
            imports: self.account_imports(assessment_id)?,
            claims: contradicted_answers(&bank, &record, &review),
            choices: self.programme_account_choices(&programme)?,
            review,
        })
    }
}
