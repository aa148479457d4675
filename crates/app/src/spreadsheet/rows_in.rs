//! Rows read from a CSV file another tool exported (an HR system's staff list), for a register's import: UTF-8 checked, each row with its line number.

/// A CSV file's header and its rows, each with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRows {
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads the file's bytes: a UTF-8 byte-order mark is dropped; other encodings are refused with
/// the line of the first byte that is not UTF-8, since a guessed encoding would garble names.
pub fn read_csv_rows(bytes: &[u8]) -> Result<CsvRows, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(format!(
            "line {line} is not UTF-8 text; save the file as CSV UTF-8 and import it again"
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the first line is not a CSV header: {e}"))?
        .iter()
        .map(str::to_string)
        .collect();
    if header.iter().all(String::is_empty) {
        return Err("the file is empty: its first line should name the columns".into());
    }
    let mut rows = Vec::new();
    // Lines are counted from where the last record stood, so a 5,000-row file is scanned once,
    // not once per row.
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    let mut line_at = |byte: u64| {
        // A record's offset is where the reader stood, before any blank lines it then skipped.
        let mut upto = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while upto < bytes.len() && matches!(bytes[upto], b'\n' | b'\r') {
            upto += 1;
        }
        if upto < counted_to {
            (counted_to, lines_before) = (0, 0);
        }
        lines_before += bytes[counted_to..upto]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = upto;
        lines_before + 1
    };
    for record in reader.records() {
        // The line from the byte offset: the reader's own count skips blank lines.
        let record = record.map_err(|e| match e.position() {
            Some(at) => format!("line {}: {e}", line_at(at.byte())),
            None => e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(CsvRows { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_lines_and_a_bom_or_blank_line_is_no_row() {
        let read =
            read_csv_rows(b"\xEF\xBB\xBFName,Start\nAna,2026-01-05\n\n\"Lee, Sam\",2026-02-01\n")
                .unwrap();
        assert_eq!(read.header, ["Name", "Start"]);
        assert_eq!(read.rows.len(), 2);
        assert_eq!(
            read.rows[1],
            (4, vec!["Lee, Sam".to_string(), "2026-02-01".to_string()])
        );
    }

    #[test]
    fn latin_1_is_refused_with_its_line() {
        let err = read_csv_rows(b"Name\nAna\nJ\xfcrgen\n").unwrap_err();
        assert!(err.starts_with("line 3 is not UTF-8"), "{err}");
    }
}
