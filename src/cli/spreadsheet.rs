//! `spreadsheet`: the gap register, roadmap, plan and answers as an Excel workbook or CSV files.

use std::path::PathBuf;

use clap::Args;
use soc2_readiness::Error;
use soc2_readiness::spreadsheet::{SpreadsheetFormat, TableKind};

use super::Context;

#[derive(Args)]
pub struct SpreadsheetArgs {
    assessment: String,
    /// The file to write: FILE.xlsx, or FILE.csv (with several tables, FILE-gaps.csv,
    /// FILE-roadmap.csv, ... are written beside it instead).
    #[arg(short, long, value_name = "FILE")]
    out: PathBuf,
    /// csv or xlsx (default: from the file's extension).
    #[arg(long, value_parser = parse_format)]
    format: Option<SpreadsheetFormat>,
    /// gaps, roadmap, plan, answers or all; repeat or separate with commas for several.
    #[arg(long = "table", value_name = "TABLE", value_delimiter = ',', default_value = "all",
        value_parser = parse_tables)]
    tables: Vec<Vec<TableKind>>,
}

pub fn run(cx: &Context, args: SpreadsheetArgs) -> Result<(), Error> {
    let format = match args.format {
        Some(format) => format,
        None => SpreadsheetFormat::from_path(&args.out).ok_or_else(|| {
            Error::Invalid(format!(
                "cannot tell the format of {}; name it .xlsx or .csv, or give --format",
                args.out.display()
            ))
        })?,
    };
    let tables: Vec<TableKind> = args.tables.into_iter().flatten().collect();
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let today = chrono::Local::now().date_naive();
    let written = ws.write_spreadsheet(&id, &args.out, format, &tables, today)?;
    for file in &written.files {
        println!("wrote {file}");
    }
    let counts: Vec<String> = written
        .tables
        .iter()
        .map(|t| format!("{} {}", t.table.id(), t.rows))
        .collect();
    println!("rows: {}", counts.join(", "));
    Ok(())
}

fn parse_format(text: &str) -> Result<SpreadsheetFormat, String> {
    SpreadsheetFormat::parse(text).ok_or_else(|| format!("'{text}' is not csv or xlsx"))
}

fn parse_tables(text: &str) -> Result<Vec<TableKind>, String> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(TableKind::ALL.to_vec());
    }
    TableKind::parse(text)
        .map(|kind| vec![kind])
        .ok_or_else(|| format!("'{text}' is not a table; use gaps, roadmap, plan, answers or all"))
}
