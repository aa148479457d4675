//! `REGISTER ID import FILE`: a register's entries from another tool's CSV, previewed, matched to the entries already kept, every bad row named by line, written whole or not at all.

use std::path::Path;

use soc2_readiness::registers::RegisterRecord;
use soc2_readiness::workspace::CsvImportRequest;
use soc2_readiness::{Error, Workspace, data_file};

use super::Context;
use super::output::print_json;

pub fn run<T: RegisterRecord>(
    cx: &Context,
    ws: &mut Workspace,
    assessment: &str,
    file: &Path,
    map: &[String],
    dry_run: bool,
    json: bool,
) -> Result<(), Error> {
    let mapping = mapping(map, "Start Date=start")?;
    let request = CsvImportRequest {
        register: T::REGISTER,
        file,
        mapping,
        write: !dry_run,
    };
    let done = ws.import_register_csv(assessment, &request, cx.moment(), data_file::new_id)?;
    if json {
        print_json(&done);
    } else {
        for c in &done.columns {
            match &c.field {
                Some(field) => println!("  {} -> {field}", c.column),
                None => println!("  {} (not imported)", c.column),
            }
        }
        for p in &done.problems {
            println!("line {}: {}: {}", p.line, p.field, p.message);
        }
    }
    if !done.problems.is_empty() {
        return Err(Error::Invalid(format!(
            "{} {} in {}; nothing was imported",
            done.problems.len(),
            if done.problems.len() == 1 {
                "problem"
            } else {
                "problems"
            },
            file.display()
        )));
    }
    let counts = format!(
        "{} new, {} updated, {} unchanged (a row naming an entry already kept updates it)",
        done.added, done.updated, done.unchanged
    );
    if done.written {
        eprintln!(
            "imported {} rows into {} from {}: {counts}",
            done.rows,
            T::REGISTER.id(),
            file.display()
        );
    } else {
        eprintln!(
            "{} rows read, all sound: {counts}; nothing written (--dry-run)",
            done.rows
        );
    }
    Ok(())
}

/// `--map HEADING=FIELD` pairs, each refused with an example when it is not one.
pub(super) fn mapping(map: &[String], example: &str) -> Result<Vec<(String, String)>, Error> {
    map.iter()
        .map(|m| match m.split_once('=') {
            Some((heading, field)) => Ok((heading.to_string(), field.to_string())),
            None => Err(Error::Invalid(format!(
                "--map {m}: write it as HEADING=FIELD, such as \"{example}\""
            ))),
        })
        .collect()
}
