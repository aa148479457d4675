//! Merging a workshop copy of an assessment back into it: a preview that writes nothing, then the merge with a person's choices.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::assessment::{AssessmentRecord, HistoryEntry};
use crate::merge::{AssessmentCopy, MergeChoices, MergePlan, plan_merge, resolve};
use crate::{Error, Result, files, interchange};

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct MergeOutcome {
    /// The plan it followed, conflicts included (each resolved by the choices given).
    pub plan: MergePlan,
    /// Answers saved or cleared from the file.
    pub answers_taken: usize,
    /// Scope decisions set or returned to the proposal from the file.
    pub scope_taken: usize,
    /// History rows appended: the file's entries this assessment lacked, and restated answers.
    pub history_added: usize,
    /// The backup taken before writing; none when there was nothing to write (or no file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub backup: Option<String>,
}

/// A workshop copy to merge: an exported file read once (bounded) and, when protected, opened
/// once with its passphrase. The preview and the merge both take it, so the file is read and
/// its key derived once however many times the merge is previewed.
#[derive(Clone)]
pub struct WorkshopCopy {
    json: Vec<u8>,
}

impl WorkshopCopy {
    /// Reads the exported file, opening it with `passphrase` when it is protected (one is then
    /// needed: `needs_passphrase` without, `wrong_passphrase` with a wrong one).
    pub fn open(file: &Path, passphrase: Option<&str>) -> Result<WorkshopCopy> {
        Ok(WorkshopCopy {
            json: files::read_export(file, passphrase)?,
        })
    }

    /// A copy already read and opened (the CLI asks for a passphrase between the two); bytes
    /// still protected are refused by the merge as needing a passphrase.
    pub fn from_json(json: Vec<u8>) -> WorkshopCopy {
        WorkshopCopy { json }
    }
}

impl Workspace {
    /// What merging the workshop copy into the assessment would do; writes nothing.
    pub fn preview_merge(
        &self,
        assessment_id: &str,
        copy: &WorkshopCopy,
        unrelated: bool,
    ) -> Result<MergePlan> {
        let (mine, theirs) = self.merge_copies(assessment_id, &copy.json)?;
        let bank = self.bank_for(&mine.0)?;
        plan_merge(&bank, mine.copy(), theirs.copy(), unrelated).map_err(invalid)
    }

    /// Merges the workshop copy into the assessment in one transaction, after a backup. A
    /// conflict without a choice writes nothing and names every open conflict.
    pub fn merge(
        &mut self,
        assessment_id: &str,
        copy: &WorkshopCopy,
        choices: &MergeChoices,
        now: DateTime<Utc>,
    ) -> Result<MergeOutcome> {
        let (mine, theirs) = self.merge_copies(assessment_id, &copy.json)?;
        let plan = plan_merge(
            &*self.bank_for(&mine.0)?,
            mine.copy(),
            theirs.copy(),
            choices.unrelated,
        )
        .map_err(invalid)?;
        let writes = resolve(&plan, mine.copy(), theirs.copy(), choices, now).map_err(invalid)?;
        let mut outcome = MergeOutcome {
            answers_taken: writes.save.len() + writes.clear.len(),
            scope_taken: writes.set_scope.len() + writes.clear_scope.len(),
            history_added: writes.history.len(),
            backup: None,
            plan,
        };
        if writes.is_empty() {
            return Ok(outcome);
        }
        // A merge rewrites many answers at once, so like a migration it keeps the file as it
        // was; a read-only file is refused by the write below without leaving a backup behind.
        if self.data_file().is_some() && !self.is_read_only() {
            outcome.backup = Some(self.back_up("before-merge", now)?.path);
        }
        self.store.apply_merge(assessment_id, &writes, now)?;
        Ok(outcome)
    }

    /// This assessment as stored (given answers only) and the file's copy, checked in full.
    fn merge_copies(&self, assessment_id: &str, bytes: &[u8]) -> Result<(Owned, Owned)> {
        let record = self.store.load_record(assessment_id)?;
        let history = self.store.history(assessment_id)?;
        let portable = interchange::parse(bytes, &self.bank)?;
        // Both copies must be answered against the same questions: a module one copy lacks
        // would leave answers the other cannot hold.
        let theirs_modules: Vec<_> = interchange::modules_of(&portable, &self.bank)?
            .iter()
            .map(|m| m.reference())
            .collect();
        if theirs_modules != record.modules {
            let names = |modules: &[crate::catalog::ModuleRef]| match modules {
                [] => "none".to_string(),
                some => some
                    .iter()
                    .map(|m| format!("{}@{}", m.id, m.version))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            return Err(Error::Invalid(format!(
                "the copies use different question modules (this one: {}; the file: {}); attach the same modules to both before merging",
                names(&record.modules),
                names(&theirs_modules)
            )));
        }
        let at = portable.exported_at;
        let (mut theirs, their_history) = interchange::into_record(portable, assessment_id, at);
        theirs.modules = theirs_modules;
        Ok((Owned(record, history), Owned(theirs, their_history)))
    }
}

/// A copy of the assessment held while a merge is worked out.
struct Owned(AssessmentRecord, Vec<HistoryEntry>);

impl Owned {
    fn copy(&self) -> AssessmentCopy<'_> {
        AssessmentCopy {
            record: &self.0,
            history: &self.1,
        }
    }
}

fn invalid(e: crate::merge::MergeError) -> Error {
    Error::Invalid(e.to_string())
}
