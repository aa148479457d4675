//! `spreadsheet`: the gap register, roadmap, plan, answers and the registers as an Excel workbook or CSV files.

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
    /// gaps, roadmap, plan, answers, control-matrix, vendors, policies, incidents, risks, people
    /// or all; repeat or separate with commas for several. all (the default) is the five
    /// assessment tables and each register that holds an entry; a register named is written
    /// even when empty.
    #[arg(long = "table", value_name = "TABLE", value_delimiter = ',', default_value = "all",
        value_parser = parse_table)]
    tables: Vec<Wanted>,
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
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let mut tables: Vec<TableKind> = Vec::new();
    for wanted in args.tables {
        match wanted {
            Wanted::All => tables.extend(ws.default_spreadsheet_tables(&id)?),
            Wanted::One(kind) => tables.push(kind),
        }
    }
    let today = cx.today();
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

/// A table named on the command line, or `all`: what the export holds by default, which
/// depends on the registers kept, so it is settled once the data file is open.
#[derive(Clone)]
enum Wanted {
    All,
    One(TableKind),
}

fn parse_table(text: &str) -> Result<Wanted, String> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(Wanted::All);
    }
    TableKind::parse(text).map(Wanted::One).ok_or_else(|| {
        let names: Vec<&str> = TableKind::ALL.iter().map(|t| t.id()).collect();
        format!("'{text}' is not a table; use {} or all", names.join(", "))
    })
}
