//! What-if over a stored assessment: the readiness and plan it would have with chosen gaps closed, and the report that proposes them.

use chrono::NaiveDate;

use super::Workspace;
use crate::what_if::{Projection, Selection, project};
use crate::{Error, Result};

impl Workspace {
    /// The assessment as it would be on `today` with the selected gaps closed; nothing is
    /// saved. Ids that are not gaps are refused, every one named.
    pub fn what_if(
        &self,
        assessment_id: &str,
        selection: &Selection,
        today: NaiveDate,
    ) -> Result<Projection> {
        let record = self.record(assessment_id)?;
        project(&self.bank, &record, selection, today).map_err(|e| Error::Invalid(e.to_string()))
    }
}
