//! Spreadsheet files: the gap register, roadmap, plan, answers and the programme's registers as plain tables in CSV and XLSX, and a register's rows read back from another tool's CSV.
//!
//! Building a table is pure (an [`Analysis`](crate::analysis::Analysis), its record and the
//! bank in, or a programme's registers and the day, rows of typed cells out); the writers turn tables into bytes and never look at the
//! domain, so both formats always hold the same rows.

mod delimited;
mod registers;
mod rows_in;
mod tables;
mod workbook;

pub use rows_in::{CsvRows, read_csv_rows};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::registers::Register;

pub use delimited::{CsvSink, to_csv};
pub use registers::register_table;
pub(crate) use tables::titles;
pub use tables::{answers, build, control_matrix_table, gaps, plan, roadmap};
pub use workbook::to_xlsx;

/// One table of an export: the sheet of a workbook, or one CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// The gap register, most important first.
    Gaps,
    /// The gaps in their roadmap phase: now, the next 90 days, later.
    Roadmap,
    /// The dated milestones: remediation, the audit window, the report, the target date.
    Plan,
    /// Every question that applies, answered or not.
    Answers,
    /// Per criterion in scope, each control with its owner, frequency, evidence, last result
    /// and exceptions: what an auditor asks for first.
    ControlMatrix,
    /// The programme's registers, one table each, archived entries included.
    Vendors,
    Policies,
    Incidents,
    Risks,
    People,
    Changes,
}

impl TableKind {
    /// Every table an export can hold, in the order a workbook lists them.
    pub const ALL: [TableKind; 11] = [
        TableKind::Gaps,
        TableKind::Roadmap,
        TableKind::Plan,
        TableKind::Answers,
        TableKind::ControlMatrix,
        TableKind::Vendors,
        TableKind::Policies,
        TableKind::Incidents,
        TableKind::Risks,
        TableKind::People,
        TableKind::Changes,
    ];

    /// The assessment's own tables: always in the default export, even when empty (an
    /// assessment with no gaps says so with an empty register).
    pub const ASSESSMENT: [TableKind; 5] = [
        TableKind::Gaps,
        TableKind::Roadmap,
        TableKind::Plan,
        TableKind::Answers,
        TableKind::ControlMatrix,
    ];

    /// The programme's registers: in the default export only when they hold an entry.
    pub const REGISTERS: [TableKind; 6] = [
        TableKind::Vendors,
        TableKind::Policies,
        TableKind::Incidents,
        TableKind::Risks,
        TableKind::People,
        TableKind::Changes,
    ];

    /// The register a table lists, if it lists one.
    pub fn register(self) -> Option<Register> {
        match self {
            TableKind::Vendors => Some(Register::Vendors),
            TableKind::Policies => Some(Register::Policies),
            TableKind::Incidents => Some(Register::Incidents),
            TableKind::Risks => Some(Register::Risks),
            TableKind::People => Some(Register::People),
            TableKind::Changes => Some(Register::Changes),
            _ => None,
        }
    }

    /// The name on the command line and in CSV file names.
    pub fn id(self) -> &'static str {
        match self {
            TableKind::Gaps => "gaps",
            TableKind::Roadmap => "roadmap",
            TableKind::Plan => "plan",
            TableKind::Answers => "answers",
            TableKind::ControlMatrix => "control-matrix",
            TableKind::Vendors => "vendors",
            TableKind::Policies => "policies",
            TableKind::Incidents => "incidents",
            TableKind::Risks => "risks",
            TableKind::People => "people",
            TableKind::Changes => "changes",
        }
    }

    /// The worksheet's name (Excel allows 31 characters, without `[]:*?/\`).
    pub fn title(self) -> &'static str {
        match self {
            TableKind::Gaps => "Gaps",
            TableKind::Roadmap => "Roadmap",
            TableKind::Plan => "Plan",
            TableKind::Answers => "Answers",
            TableKind::ControlMatrix => "Control matrix",
            TableKind::Vendors => "Vendors",
            TableKind::Policies => "Policies",
            TableKind::Incidents => "Incidents",
            TableKind::Risks => "Risks",
            TableKind::People => "People",
            TableKind::Changes => "Changes",
        }
    }

    pub fn parse(text: &str) -> Option<TableKind> {
        let wanted = text.trim().to_ascii_lowercase();
        TableKind::ALL.into_iter().find(|t| t.id() == wanted)
    }
}

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SpreadsheetFormat {
    /// One UTF-8 CSV file per table.
    Csv,
    /// One Excel workbook with a sheet per table.
    Xlsx,
}

impl SpreadsheetFormat {
    pub fn id(self) -> &'static str {
        match self {
            SpreadsheetFormat::Csv => "csv",
            SpreadsheetFormat::Xlsx => "xlsx",
        }
    }

    pub fn parse(text: &str) -> Option<SpreadsheetFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(SpreadsheetFormat::Csv),
            "xlsx" => Some(SpreadsheetFormat::Xlsx),
            _ => None,
        }
    }

    /// The format a file name's extension names, if any (`gaps.CSV` is CSV).
    pub fn from_path(path: &Path) -> Option<SpreadsheetFormat> {
        SpreadsheetFormat::parse(path.extension()?.to_str()?)
    }
}

/// One cell, typed so a workbook can store a date as a date and a share as a percentage.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A share from 0 to 1, shown as a percentage.
    Percent(f64),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// Text, or an empty cell for nothing.
    pub fn optional(text: Option<impl Into<String>>) -> Cell {
        text.map_or(Cell::Empty, Cell::text)
    }

    pub fn date(date: Option<NaiveDate>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as it reads in a CSV file: dates as ISO 8601, percentages with one decimal.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::Percent(share) => format!("{:.1}%", share * 100.0),
        }
    }
}

/// A header row and rows of cells, each row as long as the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// Column titles; owned, since a register's come from its field descriptions.
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// What an export wrote, for the front end to tell the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct WrittenSpreadsheet {
    /// Every file written: one workbook, or one CSV file per table.
    pub files: Vec<String>,
    pub tables: Vec<WrittenTable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct WrittenTable {
    pub table: TableKind,
    /// Rows below the header.
    pub rows: usize,
}

/// `out/acme.csv` and the gaps table give `out/acme-gaps.csv`: the tables of one export sort
/// together in a folder listing.
pub fn csv_file_for(file: &Path, kind: TableKind) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "assessment".into());
    file.with_file_name(format!("{stem}-{}.csv", kind.id()))
}
