//! Tables as one Excel workbook: a sheet each, a bold frozen header, a filter over the table, real dates and percentages.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{Cell, Table};
use crate::{Error, Result};

/// Narrow enough to read a whole row on a laptop, wide enough for a title; longer text stays
/// in its cell, whole, for the formula bar and for wrapping by hand.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// The workbook's bytes. Text is stored as text (a shared string), which Excel never evaluates,
/// so the CSV writer's formula guard is not needed here.
pub fn to_xlsx(tables: &[Table]) -> Result<Vec<u8>> {
    build(tables).map_err(|e| Error::Invalid(format!("cannot build the workbook: {e}")))
}

fn build(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        percent: Format::new().set_num_format("0.0%"),
    };
    let mut workbook = Workbook::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.kind.title())?;
        write_table(sheet, table, &formats)?;
    }
    workbook.save_to_buffer()
}

struct Formats {
    header: Format,
    date: Format,
    percent: Format,
}

fn write_table(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), XlsxError> {
    for (col, title) in (0u16..).zip(&table.header) {
        sheet.write_string_with_format(0, col, title, &formats.header)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    sheet.write_string(row, col, text)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, *n)?;
                }
                Cell::Date(date) => {
                    sheet.write_datetime_with_format(
                        row,
                        col,
                        excel_date(*date)?,
                        &formats.date,
                    )?;
                }
                Cell::Percent(share) => {
                    sheet.write_number_with_format(row, col, *share, &formats.percent)?;
                }
            }
        }
    }
    let last_col = table.header.len().saturating_sub(1) as u16;
    // The header stays in view while scrolling, and the filter covers it and every row.
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    for (col, width) in (0u16..).zip(widths(table)) {
        sheet.set_column_width(col, width as f64)?;
    }
    Ok(())
}

fn excel_date(date: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    // Years outside Excel's 1900-9999 are refused by `from_ymd`, not written wrong.
    let year = u16::try_from(date.year()).unwrap_or(0);
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// Each column as wide as its longest entry (header included, plus the filter button's room),
/// within [`MIN_WIDTH`] and [`MAX_WIDTH`] characters.
fn widths(table: &Table) -> Vec<usize> {
    table
        .header
        .iter()
        .enumerate()
        .map(|(col, title)| {
            let longest = table
                .rows
                .iter()
                .filter_map(|row| row.get(col))
                .map(|cell| match cell {
                    Cell::Date(_) => 10,
                    other => other.display().chars().count(),
                })
                .max()
                .unwrap_or(0)
                .max(title.chars().count() + 3);
            (longest + 1).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}
