//! A register's entries imported from a CSV file another tool exported (an HR system's staff list): columns matched to fields, rows matched to the entries already kept (so the same export imported again updates them), every bad row named by line, nothing written unless every row is sound.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Workspace;
use crate::clock::Moment;
use crate::registers::{
    Change, Entry, FieldKind, Incident, Person, Policy, Register, RegisterRecord, Risk, Vendor,
    check_against, checked_record, name_key, set_fields,
};
use crate::spreadsheet::read_csv_rows;
use crate::{Error, Result, files};

/// Which field a column of the file fills, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportColumn {
    pub column: String,
    pub field: Option<String>,
}

/// One thing wrong with the file: a row's field by line, or a column (line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub field: String,
    pub message: String,
}

/// What an import found, and whether it wrote: the preview and the result are one shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CsvImport {
    pub columns: Vec<ImportColumn>,
    /// Rows read (blank lines are none).
    pub rows: usize,
    pub problems: Vec<RowProblem>,
    /// Every row was written, in one transaction; never part of them.
    pub written: bool,
    /// Rows that are new entries, rows that change an entry already kept (the same name, or
    /// for an incident the same title and day), and rows that match one and change nothing.
    /// A preview counts what a write would do.
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// An import asked for: the register, the file, the columns named for fields where a heading is
/// not the field's own name (an empty field: the column is not read), and whether to write (else
/// only preview).
#[derive(Debug, Clone)]
pub struct CsvImportRequest<'a> {
    pub register: Register,
    pub file: &'a Path,
    pub mapping: Vec<(String, String)>,
    pub write: bool,
}

/// A matched row's fields, less its name when that is the kept one written another way
/// ("ana  KOWALSKA"): matching ignores case and spacing, so should the change.
fn kept_name<T: RegisterRecord>(
    kept: &Entry<T>,
    pairs: &[(String, String)],
) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(field, text)| {
            !(field == T::FIELDS[0].name && name_key(kept.record.label()) == name_key(text))
        })
        .cloned()
        .collect()
}

/// A date column's zoned timestamp as the user's own day (what an export of pull requests or
/// tickets writes); every other cell as it is.
fn local_day(is_date: bool, text: &str) -> String {
    match crate::clock::local_day_of(text).filter(|_| is_date) {
        Some(day) => day.to_string(),
        None => text.to_string(),
    }
}

/// How a person names a column: "Start Date", "start-date" and "start_date" are one.
fn normalised(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

impl Workspace {
    /// Reads the request's file as rows of its register. With `write`, and only when no row has
    /// a problem, every row becomes an entry in one transaction.
    pub fn import_register_csv(
        &mut self,
        assessment_id: &str,
        request: &CsvImportRequest<'_>,
        at: Moment,
        mut new_id: impl FnMut() -> String,
    ) -> Result<CsvImport> {
        fn import<T: RegisterRecord>(
            ws: &mut Workspace,
            id: &str,
            request: &CsvImportRequest<'_>,
            at: Moment,
            new_id: &mut dyn FnMut() -> String,
        ) -> Result<CsvImport> {
            let (file, mapping, write) = (request.file, &request.mapping, request.write);
            let programme = ws.programme(id)?;
            let bytes = files::read(file)?;
            let read = read_csv_rows(&bytes).map_err(|reason| Error::File {
                path: file.display().to_string(),
                reason,
            })?;
            let field_of = |column: &str| -> Option<String> {
                let wanted = match mapping
                    .iter()
                    .find(|(c, _)| normalised(c) == normalised(column))
                {
                    // Mapped to no field: the column is not read.
                    Some((_, f)) if f.trim().is_empty() => return None,
                    Some((_, f)) => normalised(f),
                    None => normalised(column),
                };
                T::FIELDS
                    .iter()
                    .find(|f| f.name == wanted)
                    .map(|f| f.name.to_string())
            };
            let columns: Vec<ImportColumn> = read
                .header
                .iter()
                .map(|c| ImportColumn {
                    column: c.clone(),
                    field: field_of(c),
                })
                .collect();
            // Which columns fill a date, found once rather than for every cell.
            let date_columns: Vec<bool> = columns
                .iter()
                .map(|c| {
                    T::FIELDS
                        .iter()
                        .any(|f| Some(f.name) == c.field.as_deref() && f.kind == FieldKind::Date)
                })
                .collect();
            let mut problems = Vec::new();
            for (_, field) in mapping.iter().filter(|(_, f)| !f.trim().is_empty()) {
                if !T::FIELDS.iter().any(|f| f.name == normalised(field)) {
                    problems.push(RowProblem {
                        line: 1,
                        field: field.clone(),
                        message: format!(
                            "not a field of a {}; `fields` lists them",
                            T::REGISTER.singular()
                        ),
                    });
                }
            }
            // Two columns for one field would leave one of them unread, silently.
            for (i, column) in columns.iter().enumerate() {
                let Some(field) = &column.field else { continue };
                if let Some(first) = columns[..i]
                    .iter()
                    .find(|c| c.field.as_ref() == Some(field))
                {
                    problems.push(RowProblem {
                        line: 1,
                        field: field.clone(),
                        message: format!(
                            "both \"{}\" and \"{}\" fill it; map one of them to another field, or to none",
                            first.column, column.column
                        ),
                    });
                }
            }
            for (given, _) in mapping {
                if !read
                    .header
                    .iter()
                    .any(|c| normalised(c) == normalised(given))
                {
                    problems.push(RowProblem {
                        line: 1,
                        field: given.clone(),
                        message: "no column has this heading".into(),
                    });
                }
            }
            for field in T::FIELDS.iter().filter(|f| f.required) {
                if !columns
                    .iter()
                    .any(|c| c.field.as_deref() == Some(field.name))
                {
                    problems.push(RowProblem {
                        line: 1,
                        field: field.name.into(),
                        message: "required, and no column fills it; name a column for it".into(),
                    });
                }
            }
            let existing: Vec<Entry<T>> = ws.store.entries::<T>(&programme)?;
            let mut added: Vec<Entry<T>> = Vec::new();
            let mut edited: Vec<Entry<T>> = Vec::new();
            let mut unchanged = 0;
            let mut by_key: BTreeMap<String, Vec<&Entry<T>>> = BTreeMap::new();
            for entry in &existing {
                by_key
                    .entry(entry.record.match_key())
                    .or_default()
                    .push(entry);
            }
            // Each row's key and its line, to find a file that names an entry twice.
            let mut seen: BTreeMap<String, u64> = BTreeMap::new();
            if problems.is_empty() {
                for (line, cells) in &read.rows {
                    // Cells past the last heading would be dropped: usually a comma in a name
                    // that shifted the columns.
                    if cells.iter().skip(columns.len()).any(|c| !c.is_empty()) {
                        problems.push(RowProblem {
                            line: *line,
                            field: "columns".into(),
                            message: format!(
                                "{} cells where the header names {}; quote a value that holds a comma",
                                cells.len(),
                                columns.len()
                            ),
                        });
                        continue;
                    }
                    let pairs: Vec<(String, String)> = columns
                        .iter()
                        .zip(cells)
                        .zip(&date_columns)
                        .filter_map(|((c, v), &is_date)| {
                            c.field.clone().map(|f| (f, local_day(is_date, v)))
                        })
                        .collect();
                    let record = match checked_record::<T>(&pairs, &ws.bank, at.today) {
                        Ok(record) => record,
                        Err(found) => {
                            problems.extend(found.into_iter().map(|p| RowProblem {
                                line: *line,
                                field: p.field,
                                message: p.message,
                            }));
                            continue;
                        }
                    };
                    let name = T::FIELDS[0].name;
                    let key = record.match_key();
                    if let Some(first) = seen.get(&key) {
                        problems.push(RowProblem {
                            line: *line,
                            field: name.into(),
                            message: format!(
                                "the same {} as line {first}: give each one row",
                                T::REGISTER.singular()
                            ),
                        });
                        continue;
                    }
                    let matches: &[&Entry<T>] = by_key.get(&key).map_or(&[], Vec::as_slice);
                    seen.insert(key, *line);
                    match matches {
                        [] => added.push(Entry {
                            id: new_id(),
                            created_at: at.now,
                            updated_at: at.now,
                            archived_at: None,
                            record,
                        }),
                        // The file's columns change the entry; fields it has no column for
                        // (a device, the accounts someone signs in as) stay as kept.
                        [kept] => match set_fields(&kept.record, &kept_name(kept, &pairs))
                            .and_then(|r| check_against(&r, &ws.bank, at.today).map(|()| r))
                        {
                            Ok(changed) if changed == kept.record => unchanged += 1,
                            Ok(changed) => edited.push(Entry {
                                record: changed,
                                updated_at: at.now,
                                ..(*kept).clone()
                            }),
                            Err(problem) => problems.push(RowProblem {
                                line: *line,
                                field: problem.field,
                                message: format!(
                                    "{} (updating the {} already kept)",
                                    problem.message,
                                    T::REGISTER.singular()
                                ),
                            }),
                        },
                        several => problems.push(RowProblem {
                            line: *line,
                            field: name.into(),
                            message: format!(
                                "matches {} {} already kept ({}): archive or delete the extra ones first",
                                several.len(),
                                T::REGISTER.id(),
                                several.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        }),
                    }
                }
            }
            if read.rows.is_empty() {
                problems.push(RowProblem {
                    line: 2,
                    field: "rows".into(),
                    message: "the file names its columns and holds no row".into(),
                });
            }
            let written = write && problems.is_empty();
            if written {
                ws.store
                    .write_added_and_edited(&programme, &added, &edited)?;
            }
            Ok(CsvImport {
                columns,
                rows: read.rows.len(),
                problems,
                written,
                added: added.len(),
                updated: edited.len(),
                unchanged,
            })
        }
        let new_id: &mut dyn FnMut() -> String = &mut new_id;
        let id = assessment_id;
        match request.register {
            Register::Vendors => import::<Vendor>(self, id, request, at, new_id),
            Register::Policies => import::<Policy>(self, id, request, at, new_id),
            Register::Incidents => import::<Incident>(self, id, request, at, new_id),
            Register::Risks => import::<Risk>(self, id, request, at, new_id),
            Register::People => import::<Person>(self, id, request, at, new_id),
            Register::Changes => import::<Change>(self, id, request, at, new_id),
        }
    }
}
