//! Spreadsheet exports written to the user's files: the gap register, roadmap, plan, answers and registers as CSV or XLSX.

use std::path::{Path, PathBuf};

use super::Workspace;
use crate::analysis::analyse;
use crate::binder::control_matrix;
use crate::findings::programme_key;
use crate::registers::{Register, Registers};
use crate::spreadsheet::{
    self, SpreadsheetFormat, Table, TableKind, WrittenSpreadsheet, WrittenTable, csv_file_for,
};
use crate::{Error, Result, files};
use chrono::NaiveDate;

impl Workspace {
    /// The tables "export spreadsheet" writes when none are named: the assessment's four, then
    /// each register of its programme that holds an entry (archived ones count, since the sheet
    /// lists them). An empty register's sheet would be a header and nothing: noise in a
    /// workbook sent to a client, so it comes only when asked for by name.
    pub fn default_spreadsheet_tables(&self, assessment_id: &str) -> Result<Vec<TableKind>> {
        let registers = self.registers(assessment_id)?;
        let kept = |kind: &TableKind| match kind.register() {
            Some(Register::Vendors) => !registers.vendors.is_empty(),
            Some(Register::Policies) => !registers.policies.is_empty(),
            Some(Register::Incidents) => !registers.incidents.is_empty(),
            Some(Register::Risks) => !registers.risks.is_empty(),
            Some(Register::People) => !registers.people.is_empty(),
            Some(Register::Changes) => !registers.changes.is_empty(),
            None => true,
        };
        Ok(TableKind::ALL.into_iter().filter(kept).collect())
    }

    /// The export's tables as of `today`, in the order asked; a table asked twice comes once.
    fn spreadsheet_tables(
        &self,
        assessment_id: &str,
        kinds: &[TableKind],
        today: NaiveDate,
    ) -> Result<Vec<Table>> {
        let mut wanted: Vec<TableKind> = Vec::with_capacity(kinds.len());
        for kind in kinds {
            if !wanted.contains(kind) {
                wanted.push(*kind);
            }
        }
        if wanted.is_empty() {
            let names: Vec<&str> = TableKind::ALL.iter().map(|t| t.id()).collect();
            return Err(Error::Refused {
                field: "tables".into(),
                reason: format!("choose at least one table to export: {}", names.join(", ")),
            });
        }
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        let analysis = analyse(&bank, &evaluation);
        let registers = if wanted.iter().any(|k| k.register().is_some()) {
            self.registers(assessment_id)?
        } else {
            Registers::default()
        };
        let matrix = if wanted.contains(&TableKind::ControlMatrix) {
            let latest = self.latest_runs(&programme_key(&evaluation.assessment.organisation))?;
            control_matrix(
                &bank,
                &evaluation,
                &analysis.scorecard,
                &latest,
                &evaluation.findings,
            )
        } else {
            Vec::new()
        };
        Ok(spreadsheet::build(
            &bank,
            &evaluation,
            &analysis,
            &registers,
            &matrix,
            &wanted,
        ))
    }

    /// Writes the tables to `file` as one workbook (XLSX), or as CSV: to `file` itself for one
    /// table, and for several to one file per table beside it, `<stem>-<table>.csv`. Each file
    /// is written atomically.
    pub fn write_spreadsheet(
        &self,
        assessment_id: &str,
        file: &Path,
        format: SpreadsheetFormat,
        kinds: &[TableKind],
        today: NaiveDate,
    ) -> Result<WrittenSpreadsheet> {
        let tables = self.spreadsheet_tables(assessment_id, kinds, today)?;
        let written: Vec<PathBuf> = match format {
            SpreadsheetFormat::Xlsx => {
                files::write_atomically(file, &spreadsheet::to_xlsx(&tables)?)?;
                vec![file.to_path_buf()]
            }
            SpreadsheetFormat::Csv if tables.len() == 1 => {
                files::write_atomically(file, &spreadsheet::to_csv(&tables[0]))?;
                vec![file.to_path_buf()]
            }
            SpreadsheetFormat::Csv => {
                let mut written = Vec::with_capacity(tables.len());
                for table in &tables {
                    let path = csv_file_for(file, table.kind);
                    files::write_atomically(&path, &spreadsheet::to_csv(table))?;
                    written.push(path);
                }
                written
            }
        };
        Ok(WrittenSpreadsheet {
            files: written.iter().map(|p| p.display().to_string()).collect(),
            tables: tables
                .iter()
                .map(|t| WrittenTable {
                    table: t.kind,
                    rows: t.rows.len(),
                })
                .collect(),
        })
    }
}
