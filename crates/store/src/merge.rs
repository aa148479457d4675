//! A merge of another copy of an assessment written in one transaction: answers, scope decisions and the history appended.

use chrono::{DateTime, Utc};
use soc2_readiness_core::merge::MergeWrites;

use super::answers::{append_history, delete_answer, delete_scope, upsert_answer, upsert_scope};
use super::assessments::{require_assessment, touch};
use super::{Store, StoreError};

impl Store {
    /// Writes a resolved merge: all of it or, on any failure, none of it. The history is only
    /// appended to, so the other copy's older entries land after this one's newer ones; the
    /// rows carry their own times.
    pub fn apply_merge(
        &mut self,
        assessment_id: &str,
        writes: &MergeWrites,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        for entry in &writes.history {
            append_history(&tx, assessment_id, entry)?;
        }
        for answer in &writes.save {
            upsert_answer(&tx, assessment_id, answer)?;
        }
        for question_id in &writes.clear {
            delete_answer(&tx, assessment_id, question_id)?;
        }
        for decision in &writes.set_scope {
            upsert_scope(&tx, assessment_id, decision)?;
        }
        for category in &writes.clear_scope {
            delete_scope(&tx, assessment_id, *category)?;
        }
        touch(&tx, assessment_id, &at)?;
        tx.commit()?;
        Ok(())
    }
}
