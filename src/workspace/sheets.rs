//! Spreadsheet exports written to the user's files: the gap register, roadmap, plan and answers as CSV or XLSX.

use std::path::{Path, PathBuf};

use super::Workspace;
use crate::analysis::analyse;
use crate::spreadsheet::{
    self, SpreadsheetFormat, Table, TableKind, WrittenSpreadsheet, WrittenTable, csv_file_for,
};
use crate::{Error, Result, files};
use chrono::NaiveDate;

impl Workspace {
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
            return Err(Error::Invalid(
                "choose at least one table to export: gaps, roadmap, plan or answers".into(),
            ));
        }
        let (record, bank) = self.record_and_bank_as_of(assessment_id, today)?;
        let analysis = analyse(&bank, &record, today);
        Ok(spreadsheet::build(&bank, &record, &analysis, &wanted))
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
