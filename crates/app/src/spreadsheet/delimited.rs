//! A table as a CSV file: RFC 4180 quoting, UTF-8, and text that a spreadsheet will not run as a formula.

use super::{Cell, Table};

/// Marks the file as UTF-8 for Excel, which otherwise reads it in the system's legacy code page
/// and garbles every accented owner or organisation name; other readers skip it.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The table as CSV bytes: a header line, then one record per row, CRLF line ends.
pub fn to_csv(table: &Table) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    // Writing to memory cannot fail, and every record has the header's length.
    writer
        .write_record(table.header.iter().map(|title| guarded(title)))
        .expect("a CSV record in memory");
    for row in &table.rows {
        writer
            .write_record(row.iter().map(field))
            .expect("a CSV record in memory");
    }
    writer.into_inner().expect("a CSV buffer in memory")
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => guarded(text),
        // Numbers, dates and percentages are the engine's own; a negative number must stay one.
        other => other.display(),
    }
}

/// Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a
/// formula when the file is opened, and tab or carriage return can hide such a start. Notes,
/// owners and evidence are typed by people (or imported from someone else's file), so one
/// could carry `=HYPERLINK(...)` or worse into the consultant's spreadsheet. A leading
/// apostrophe makes the cell plain text: the classic guard, and visible, so nothing is hidden.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
