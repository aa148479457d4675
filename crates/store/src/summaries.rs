//! The list's figures per assessment, kept in the file so listing does not rescore every assessment.

use rusqlite::params;
use soc2_readiness_core::assessment::{Assessment, ReportType};

use super::assessments::{ASSESSMENT_COLUMNS_OF_A, AssessmentRow};
use super::{Store, StoreError};

/// What the list shows of an assessment beside its identity.
#[derive(Debug, Clone, PartialEq)]
pub struct ListFigures {
    pub report_type: ReportType,
    pub readiness: Option<f64>,
    pub completion: Option<f64>,
}

/// Figures kept for an assessment and the stamp of what computed them.
pub type KeptFigures = (String, ListFigures);

impl Store {
    /// All assessments, newest change first, each with its kept figures (if nothing they depend
    /// on changed since) and the stamp naming what computed them (the engine, the bank and the
    /// assessment's modules), which the caller checks.
    pub fn list_with_figures(&self) -> Result<Vec<(Assessment, Option<KeptFigures>)>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {ASSESSMENT_COLUMNS_OF_A}, s.computed_by, s.report_type, s.readiness, s.completion
             FROM assessments a
             LEFT JOIN assessment_summaries s ON s.assessment_id = a.id
             ORDER BY a.updated_at DESC, a.id"
        ))?;
        let rows = statement.query_map([], |row| {
            let columns = AssessmentRow::COUNT;
            Ok((
                AssessmentRow::read(row)?,
                row.get::<_, Option<String>>(columns)?,
                row.get::<_, Option<String>>(columns + 1)?,
                row.get::<_, Option<f64>>(columns + 2)?,
                row.get::<_, Option<f64>>(columns + 3)?,
            ))
        })?;
        rows.map(|row| {
            let (assessment, computed_by, report_type, readiness, completion) = row?;
            // A kept row naming a report type this build does not know is recomputed, not trusted.
            let figures = report_type
                .as_deref()
                .and_then(ReportType::parse)
                .zip(computed_by)
                .map(|(report_type, by)| {
                    (
                        by,
                        ListFigures {
                            report_type,
                            readiness,
                            completion,
                        },
                    )
                });
            Ok((assessment.into_assessment()?, figures))
        })
        .collect()
    }

    /// Keeps freshly computed figures, each with the stamp of what computed it; one transaction
    /// for the lot.
    pub fn keep_figures(&self, figures: &[(&str, &str, &ListFigures)]) -> Result<(), StoreError> {
        // Listing is a read for its callers; the kept figures are a cache the connection alone
        // writes, so a shared borrow is enough.
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO assessment_summaries
                 (assessment_id, computed_by, report_type, readiness, completion)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (id, computed_by, f) in figures {
                insert.execute(params![
                    id,
                    computed_by,
                    f.report_type.id(),
                    f.readiness,
                    f.completion
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Drops every kept figure: a change the triggers cannot see (a setting that moves the
    /// findings, such as the account limits) makes them stale.
    pub fn forget_figures(&self) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM assessment_summaries", [])?;
        Ok(())
    }
}
