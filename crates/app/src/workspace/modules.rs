//! Question modules: checking, keeping and attaching them, and each assessment's effective bank (the bank plus its modules).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use soc2_readiness_store::StoredModule;

use super::Workspace;
use crate::assessment::AssessmentRecord;
use crate::catalog::{
    Bank, ModuleRef, QuestionModule, answers_left_behind, choose_version, module_name,
    parse_module, refuse_named_twice, refuse_other_text,
};
use crate::{Error, Result, files};

/// A module version kept in the data file, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ModuleInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub questions: usize,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    /// How many assessments use this version.
    pub used_by: usize,
}

/// The modules parsed so far and the effective banks built from them, so scoring an assessment
/// with modules parses each module once per workspace, not once per call.
#[derive(Default)]
pub(super) struct ModuleCache {
    parsed: Mutex<BTreeMap<(String, String, String), Arc<QuestionModule>>>,
    banks: Mutex<BTreeMap<Vec<ModuleRef>, Arc<Bank>>>,
}

/// The bank an assessment is worked on with: the workspace's own, or it with modules added.
pub(crate) enum BankRef<'a> {
    Plain(&'a Bank),
    Effective(Arc<Bank>),
}

impl Deref for BankRef<'_> {
    type Target = Bank;
    fn deref(&self) -> &Bank {
        match self {
            BankRef::Plain(bank) => bank,
            BankRef::Effective(bank) => bank,
        }
    }
}

impl Workspace {
    /// Reads and checks a module file against this workspace's bank; every problem is listed.
    pub fn check_module_file(&self, file: &Path) -> Result<QuestionModule> {
        check_module(file, &self.bank)
    }

    /// Checks a module file and keeps it in the data file. Adding the same version again is a
    /// no-op; the same id and version with different content is refused (give it a new version).
    pub fn add_module(&mut self, file: &Path, now: DateTime<Utc>) -> Result<ModuleInfo> {
        let module = self.check_module_file(file)?;
        self.keep_module(&module, now)?;
        self.module_info(&module.id, &module.version)
    }

    /// Every module version kept in the data file, by id then when it was added.
    pub fn modules(&self) -> Result<Vec<ModuleInfo>> {
        let uses = self.store.all_assessment_modules()?;
        let mut used_by: BTreeMap<(String, String), usize> = BTreeMap::new();
        for module in uses.values().flatten() {
            *used_by
                .entry((module.id.clone(), module.version.clone()))
                .or_default() += 1;
        }
        let mut out = Vec::new();
        for stored in self.store.modules()? {
            let parsed = self.parsed(&stored)?;
            out.push(ModuleInfo {
                used_by: used_by
                    .get(&(stored.id.clone(), stored.version.clone()))
                    .copied()
                    .unwrap_or(0),
                id: stored.id,
                version: stored.version,
                title: parsed.title.clone(),
                description: parsed.description.clone(),
                author: parsed.author.clone(),
                organisation: parsed.organisation.clone(),
                questions: parsed.questions.len(),
                sha256: stored.sha256,
                added_at: stored.added_at,
            });
        }
        Ok(out)
    }

    /// Makes an assessment use a kept module: `version` or, when `None`, the newest kept. Moving
    /// to another version keeps the answers to questions that remain; answers to questions the
    /// new version no longer has are cleared, and stay in the history.
    pub fn use_module(
        &mut self,
        assessment_id: &str,
        module_id: &str,
        version: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<ModuleRef> {
        let stored = self.kept_module(module_id, version)?;
        let module = self.parsed(&stored)?;
        let reference = module.reference();
        let keep: BTreeSet<&str> = module.questions.iter().map(|q| q.id.as_str()).collect();
        self.store
            .set_assessment_module(assessment_id, module_id, Some(&reference), now)?;
        self.clear_module_answers(assessment_id, module_id, &keep, now)?;
        Ok(reference)
    }

    /// Stops an assessment using a module; its answers are cleared and stay in the history.
    pub fn drop_module(
        &mut self,
        assessment_id: &str,
        module_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let record = self.store.load_record(assessment_id)?;
        if !record.modules.iter().any(|m| m.id == module_id) {
            return Err(Error::Invalid(format!(
                "assessment {assessment_id} does not use module '{module_id}'"
            )));
        }
        self.store
            .set_assessment_module(assessment_id, module_id, None, now)?;
        self.clear_module_answers(assessment_id, module_id, &BTreeSet::new(), now)
    }

    /// The bank an assessment is answered and scored against: the bank with the assessment's
    /// modules, for front ends that show its questions.
    pub fn assessment_bank(&self, assessment_id: &str) -> Result<Bank> {
        let record = self.store.load_record(assessment_id)?;
        Ok(self.bank_for(&record)?.clone())
    }

    pub(crate) fn bank_for(&self, record: &AssessmentRecord) -> Result<BankRef<'_>> {
        self.bank_with(&record.modules)
    }

    pub(crate) fn bank_with(&self, modules: &[ModuleRef]) -> Result<BankRef<'_>> {
        if modules.is_empty() {
            return Ok(BankRef::Plain(&self.bank));
        }
        if let Some(bank) = lock(&self.modules.banks).get(modules) {
            return Ok(BankRef::Effective(bank.clone()));
        }
        let mut parsed = Vec::new();
        for reference in modules {
            let stored = self
                .store
                .module(&reference.id, &reference.version)?
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "module {}@{} is not kept in this data file",
                        reference.id, reference.version
                    ))
                })?;
            parsed.push((*self.parsed(&stored)?).clone());
        }
        let bank = Arc::new(self.bank.with_modules(&parsed));
        lock(&self.modules.banks).insert(modules.to_vec(), bank.clone());
        Ok(BankRef::Effective(bank))
    }

    /// Keeps a checked module, refusing the same id and version with different content.
    fn keep_module(&mut self, module: &QuestionModule, now: DateTime<Utc>) -> Result<()> {
        self.refuse_conflict(module)?;
        Ok(self.store.add_module(&stored(module, now))?)
    }

    /// Refuses a module whose id and version are kept here with other content: a version names
    /// one text, so two colleagues never score "the same" module differently.
    pub(super) fn refuse_conflict(&self, module: &QuestionModule) -> Result<()> {
        match self.store.module(&module.id, &module.version)? {
            Some(kept) => Ok(refuse_other_text(module, &kept.sha256)?),
            None => Ok(()),
        }
    }

    /// Kept modules named `id` or `id@version` (without a version, the newest kept), in id order.
    pub(super) fn module_refs(&self, given: &[String]) -> Result<Vec<ModuleRef>> {
        refuse_named_twice(given.iter().map(|name| module_name(name).0))?;
        let mut out: Vec<ModuleRef> = Vec::new();
        for name in given {
            let (id, version) = module_name(name);
            out.push(self.parsed(&self.kept_module(id, version)?)?.reference());
        }
        out.sort();
        Ok(out)
    }

    /// The kept text of each module an assessment uses (what an export carries).
    pub(super) fn module_texts(&self, modules: &[ModuleRef]) -> Result<Vec<StoredModule>> {
        modules
            .iter()
            .map(|m| {
                self.store.module(&m.id, &m.version)?.ok_or_else(|| {
                    Error::Invalid(format!("module {}@{} is not kept", m.id, m.version))
                })
            })
            .collect()
    }

    fn module_info(&self, id: &str, version: &str) -> Result<ModuleInfo> {
        self.modules()?
            .into_iter()
            .find(|m| m.id == id && m.version == version)
            .ok_or_else(|| Error::Invalid(format!("module {id}@{version} is not kept")))
    }

    fn kept_module(&self, module_id: &str, version: Option<&str>) -> Result<StoredModule> {
        let versions: Vec<StoredModule> = self
            .store
            .modules()?
            .into_iter()
            .filter(|m| m.id == module_id)
            .collect();
        let kept: Vec<&str> = versions.iter().map(|m| m.version.as_str()).collect();
        let chosen = choose_version(module_id, &kept, version)?;
        Ok(versions
            .iter()
            .find(|m| m.version == chosen)
            .cloned()
            .expect("the chosen version is one of those kept"))
    }

    fn parsed(&self, stored: &StoredModule) -> Result<Arc<QuestionModule>> {
        let key = (
            stored.id.clone(),
            stored.version.clone(),
            stored.sha256.clone(),
        );
        if let Some(module) = lock(&self.modules.parsed).get(&key) {
            return Ok(module.clone());
        }
        let name = format!("module {}@{}", stored.id, stored.version);
        let module = Arc::new(parse_module(&name, &stored.text, &self.bank)?);
        lock(&self.modules.parsed).insert(key, module.clone());
        Ok(module)
    }

    fn clear_module_answers(
        &mut self,
        assessment_id: &str,
        module_id: &str,
        keep: &BTreeSet<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let record = self.store.load_record(assessment_id)?;
        for question_id in answers_left_behind(record.answers.keys(), module_id, keep) {
            self.store
                .clear_answer(assessment_id, &question_id, now, &[])?;
        }
        Ok(())
    }
}

/// Reads and checks a module file against `bank`, without a data file (`bank check --module`).
pub fn check_module(file: &Path, bank: &Bank) -> Result<QuestionModule> {
    let text = read_module_text(file)?;
    let name = file.display().to_string();
    Ok(parse_module(&name, &text, bank)?)
}

pub(super) fn stored(module: &QuestionModule, now: DateTime<Utc>) -> StoredModule {
    StoredModule {
        id: module.id.clone(),
        version: module.version.clone(),
        title: module.title.clone(),
        text: module.text.clone(),
        sha256: module.sha256.clone(),
        added_at: now,
    }
}

fn read_module_text(file: &Path) -> Result<String> {
    let bytes = files::read(file)?;
    String::from_utf8(bytes).map_err(|_| Error::File {
        path: file.display().to_string(),
        reason: "a question module is UTF-8 text (TOML); this file is not".into(),
    })
}

/// A poisoned lock only means another thread panicked mid-insert; the maps hold nothing partial.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
