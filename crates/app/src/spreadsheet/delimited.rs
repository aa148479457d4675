//! A table as a CSV file: RFC 4180 quoting, UTF-8, and text that a spreadsheet will not run as a formula.

use std::io::{self, Write};

use super::{Cell, Table};

/// Marks the file as UTF-8 for Excel, which otherwise reads it in the system's legacy code page
/// and garbles every accented owner or organisation name; other readers skip it.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The table as CSV bytes: a header line, then one record per row, CRLF line ends.
pub fn to_csv(table: &Table) -> Vec<u8> {
    // Writing to memory cannot fail, and every record has the header's length.
    let mut sink = CsvSink::new(Vec::new(), &table.header).expect("a CSV record in memory");
    for row in &table.rows {
        sink.row(row).expect("a CSV record in memory");
    }
    sink.finish().expect("a CSV buffer in memory")
}

/// A CSV file written row by row into any writer, so a long one (a binder's index of a year's
/// runs) never sits whole in memory. Same quoting and guards as [`to_csv`].
pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(mut out: W, header: &[String]) -> io::Result<CsvSink<W>> {
        out.write_all(BYTE_ORDER_MARK.as_bytes())?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(header.iter().map(|title| guarded(title)))?;
        Ok(CsvSink { writer })
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        Ok(self.writer.write_record(cells.iter().map(field))?)
    }

    pub fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
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
