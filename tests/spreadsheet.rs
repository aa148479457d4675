//! Spreadsheet exports read back with other libraries: the workbook with calamine and its XML, CSV with the csv crate, and the CLI command (the registers' tables: register_sheets.rs).

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use soc2_readiness::analysis::Analysis;
use soc2_readiness::assessment::{MaturityLevel, parse_answer_for};
use soc2_readiness::spreadsheet::{Cell, SpreadsheetFormat, Table, TableKind, to_csv};
use soc2_readiness::workspace::AnswerDetails;
use soc2_readiness::{ErrorKind, Workspace};

use crate::support::{at, demo_workspace, today};

/// Typed by a person in a workshop: a comma, a quote and a line break in one note.
const NOTE: &str = "Okta, \"mostly\" enforced\nsecond line: contractors";
/// An owner and evidence someone pasted from elsewhere, which a spreadsheet would run.
const OWNER: &str = "=HYPERLINK(\"http://example.invalid\",\"click\")";
const EVIDENCE: &str = "@SUM(A1:A9)";
const QUESTION: &str = "risk.fraud";

fn due() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
}

/// The demo assessment with one answer carrying the awkward details above, at "informal" so it
/// stays a gap under the Type II target.
fn assessment() -> (Workspace, String, Analysis) {
    let (mut ws, id) = demo_workspace("Zürich Analytics, Łódź & Ελλάδα");
    let value = parse_answer_for(ws.bank(), QUESTION, "informal").unwrap();
    let details = AnswerDetails {
        note: Some(NOTE.into()),
        owner: Some(OWNER.into()),
        due: Some(Some(due())),
        evidence: Some(vec![EVIDENCE.into(), "drive://risk/fraud.pdf".into()]),
        exception: None,
        ..AnswerDetails::default()
    };
    ws.save_answer(&id, QUESTION, value, details, at(3))
        .unwrap();
    let analysis = ws.analysis(&id, today()).unwrap();
    (ws, id, analysis)
}

/// Questions the Answers table must list: every applicable one, scoping and control.
fn applicable_questions(analysis: &Analysis) -> usize {
    let s = &analysis.scorecard;
    s.questions
        .iter()
        .chain(&s.scoping)
        .filter(|q| q.applicable)
        .count()
}

fn column(range: &Range<Data>, title: &str) -> usize {
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    header
        .iter()
        .position(|h| h == title)
        .unwrap_or_else(|| panic!("no column {title:?} in {header:?}"))
}

/// The row whose first column holding `key` (the question id column) matches.
fn row_of<'a>(range: &'a Range<Data>, id_column: usize, key: &str) -> &'a [Data] {
    range
        .rows()
        .find(|row| row[id_column] == Data::String(key.into()))
        .unwrap_or_else(|| panic!("no row for {key}"))
}

fn date_of(cell: &Data) -> NaiveDate {
    match cell {
        Data::DateTime(d) => d.as_datetime().unwrap().date(),
        other => panic!("expected a date cell, got {other:?}"),
    }
}

#[test]
fn the_workbook_reads_back_with_the_engines_rows_labels_and_types() {
    let (ws, id, analysis) = assessment();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zürich.xlsx");
    // The demo's programme keeps no register: the default export is the assessment's four
    // tables, with no empty register sheets (tests/register_sheets.rs adds them).
    let tables = ws.default_spreadsheet_tables(&id).unwrap();
    assert_eq!(tables, TableKind::ASSESSMENT);
    let written = ws
        .write_spreadsheet(&id, &path, SpreadsheetFormat::Xlsx, &tables, today())
        .unwrap();
    assert_eq!(written.files, vec![path.display().to_string()]);

    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Gaps", "Roadmap", "Plan", "Answers", "Control matrix"]
    );

    let gaps = book.worksheet_range("Gaps").unwrap();
    assert_eq!(
        gaps.height(),
        analysis.gaps.len() + 1,
        "a header and one row per gap"
    );
    let header: Vec<String> = gaps
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[..4], ["Rank", "Question id", "Gap", "Priority"]);
    let id_col = column(&gaps, "Question id");
    // The register keeps the engine's order.
    assert_eq!(
        gaps.get((1, id_col)),
        Some(&Data::String(analysis.gaps[0].question_id.clone()))
    );
    let fraud = row_of(&gaps, id_col, QUESTION);
    let gap = analysis
        .gaps
        .iter()
        .find(|g| g.question_id == QUESTION)
        .unwrap();
    assert_eq!(
        fraud[column(&gaps, "Criteria")],
        Data::String(gap.criteria.join("; "))
    );
    assert_eq!(
        fraud[column(&gaps, "Current level")],
        Data::String("In place, informal".into())
    );
    assert_eq!(
        fraud[column(&gaps, "Target level")],
        Data::String(MaturityLevel::Operating.label().into())
    );
    assert_eq!(date_of(&fraud[column(&gaps, "Due")]), due());
    // Text is stored as text: the owner's leading "=" is not a formula in a workbook.
    assert_eq!(fraud[column(&gaps, "Owner")], Data::String(OWNER.into()));
    assert_eq!(fraud[column(&gaps, "Note")], Data::String(NOTE.into()));
    let several = analysis.gaps.iter().find(|g| g.criteria.len() > 1).unwrap();
    let row = row_of(&gaps, id_col, &several.question_id);
    assert_eq!(
        row[column(&gaps, "Criteria")],
        Data::String(several.criteria.join("; "))
    );
    assert!(several.criteria.join("; ").contains("; "));

    let roadmap = book.worksheet_range("Roadmap").unwrap();
    let phases = soc2_readiness::gaps::roadmap(&analysis.gaps);
    let items = phases.now.len() + phases.next_90_days.len() + phases.later.len();
    assert_eq!(roadmap.height(), items + 1);
    assert_eq!(roadmap.get((1, 0)), Some(&Data::String("Now".into())));

    let plan = book.worksheet_range("Plan").unwrap();
    assert_eq!(plan.height(), analysis.plan.milestones.len() + 1);
    assert_eq!(
        date_of(plan.get((1, 0)).unwrap()),
        today(),
        "the plan starts today"
    );

    let answers = book.worksheet_range("Answers").unwrap();
    assert_eq!(answers.height(), applicable_questions(&analysis) + 1);
    let fraud = row_of(&answers, 0, QUESTION);
    assert_eq!(fraud[column(&answers, "Level")], Data::Float(2.0));
    // Informal against the Type II target of 4: half the credit, stored as a share.
    assert_eq!(fraud[column(&answers, "Readiness")], Data::Float(0.5));
    assert_eq!(
        fraud[column(&answers, "Evidence")],
        Data::String(format!("{EVIDENCE}; drive://risk/fraud.pdf"))
    );

    // What calamine does not report: frozen header, filter, number formats.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for sheet in 1..=4 {
        let xml = read_entry(&mut zip, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains("<pane ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "sheet{sheet}: {xml:.400}"
        );
        assert!(
            xml.contains("<autoFilter ref=\"A1:"),
            "sheet{sheet} has a filter"
        );
        assert!(xml.contains("<cols>"), "sheet{sheet} sets column widths");
    }
    let styles = read_entry(&mut zip, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.0%\""), "{styles}");
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""));
    assert!(styles.contains("<b/>"), "a bold header");
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn csv_files_hold_one_table_each_quoted_and_guarded() {
    let (ws, id, analysis) = assessment();
    let dir = tempfile::tempdir().unwrap();
    let written = ws
        .write_spreadsheet(
            &id,
            &dir.path().join("acme.csv"),
            SpreadsheetFormat::Csv,
            &TableKind::ASSESSMENT,
            today(),
        )
        .unwrap();
    let names: Vec<String> = written
        .files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "acme-gaps.csv",
            "acme-roadmap.csv",
            "acme-plan.csv",
            "acme-answers.csv",
            "acme-control-matrix.csv"
        ]
    );
    assert!(
        !dir.path().join("acme.csv").exists(),
        "several tables, no file under the bare name"
    );

    let (header, gaps) = read_csv(&dir.path().join("acme-gaps.csv"));
    assert_eq!(
        header[..2],
        ["Rank", "Question id"],
        "the byte order mark is not part of the first title"
    );
    assert_eq!(gaps.len(), analysis.gaps.len());
    assert_eq!(
        read_csv(&dir.path().join("acme-roadmap.csv")).1.len(),
        analysis.gaps.len()
    );
    assert_eq!(
        read_csv(&dir.path().join("acme-plan.csv")).1.len(),
        analysis.plan.milestones.len()
    );

    let (header, answers) = read_csv(&dir.path().join("acme-answers.csv"));
    assert_eq!(answers.len(), applicable_questions(&analysis));
    let at = |title: &str| header.iter().position(|h| h == title).unwrap();
    let fraud = answers.iter().find(|r| &r[0] == QUESTION).unwrap();
    assert_eq!(
        &fraud[at("Note")],
        NOTE,
        "comma, quote and line break survive"
    );
    assert_eq!(
        &fraud[at("Owner")],
        format!("'{OWNER}"),
        "a formula is defused"
    );
    assert_eq!(
        &fraud[at("Evidence")],
        format!("'{EVIDENCE}; drive://risk/fraud.pdf")
    );
    assert_eq!(&fraud[at("Due")], "2027-03-31");
    assert_eq!(&fraud[at("Answer")], "In place, informal");
    assert_eq!(&fraud[at("Readiness")], "50.0%");
    let raw = std::fs::read_to_string(dir.path().join("acme-answers.csv")).unwrap();
    assert!(raw.starts_with('\u{feff}'), "marked as UTF-8 for Excel");
    assert!(
        raw.contains("\"Okta, \"\"mostly\"\" enforced\nsecond line: contractors\""),
        "RFC 4180 quoting"
    );
}

#[test]
fn the_csv_guard_defuses_each_formula_start_and_leaves_numbers_alone() {
    let cases = [
        (Cell::text("=1+1"), "'=1+1"),
        (Cell::text("+44 20 7946 0000"), "'+44 20 7946 0000"),
        (Cell::text("-2"), "'-2"),
        (Cell::text("@SUM(A1)"), "'@SUM(A1)"),
        (Cell::text("\t=1"), "'\t=1"),
        (Cell::text("Ana = owner"), "Ana = owner"),
        (Cell::Number(-1.5), "-1.5"),
        (Cell::Percent(0.125), "12.5%"),
        (Cell::Date(due()), "2027-03-31"),
        (Cell::Empty, ""),
    ];
    let table = Table {
        kind: TableKind::Gaps,
        header: vec!["A".to_string(); cases.len()],
        rows: vec![cases.iter().map(|(cell, _)| cell.clone()).collect()],
    };
    let bytes = to_csv(&table);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let row = reader.records().next().unwrap().unwrap();
    let got: Vec<&str> = row.iter().collect();
    let want: Vec<&str> = cases.iter().map(|(_, text)| *text).collect();
    assert_eq!(got, want);
}

#[test]
fn refusals_name_what_went_wrong() {
    let (ws, id, _) = assessment();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.xlsx");
    let none = ws
        .write_spreadsheet(&id, &file, SpreadsheetFormat::Xlsx, &[], today())
        .unwrap_err();
    assert_eq!(none.kind(), ErrorKind::InvalidInput);
    assert!(none.to_string().contains("at least one table"), "{none}");
    let missing = ws
        .write_spreadsheet(
            "nosuchid",
            &file,
            SpreadsheetFormat::Xlsx,
            &TableKind::ALL,
            today(),
        )
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    let unwritable = dir.path().join("no-such-folder").join("x.xlsx");
    let e = ws
        .write_spreadsheet(
            &id,
            &unwritable,
            SpreadsheetFormat::Xlsx,
            &TableKind::ALL,
            today(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::File);
    assert!(
        e.to_string().contains("no-such-folder"),
        "names the file: {e}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing half written"
    );
}

#[test]
fn the_cli_writes_a_workbook_or_csv_files_and_refuses_an_unknown_format() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .env("SOC2_READINESS_DB", dir.path().join("cli.sqlite3"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let id = String::from_utf8(run(&["new", "Acme"]).stdout)
        .unwrap()
        .trim()
        .to_string();
    assert!(
        run(&["answer", &id, QUESTION, "informal", "--note", NOTE])
            .status
            .success()
    );

    let out = run(&["spreadsheet", &id, "-o", "acme.xlsx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("wrote acme.xlsx") && stdout.contains("answers "),
        "{stdout}"
    );
    let bytes = std::fs::read(dir.path().join("acme.xlsx")).unwrap();
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Gaps", "Roadmap", "Plan", "Answers", "Control matrix"]
    );

    let out = run(&["spreadsheet", &id, "-o", "acme.csv", "--table", "gaps,plan"]);
    assert!(out.status.success());
    assert!(dir.path().join("acme-gaps.csv").exists() && dir.path().join("acme-plan.csv").exists());
    assert!(
        !dir.path().join("acme-answers.csv").exists(),
        "only the tables asked for"
    );

    // --format wins over the extension.
    assert!(
        run(&["spreadsheet", &id, "-o", "book.data", "--format", "xlsx"])
            .status
            .success()
    );
    assert!(dir.path().join("book.data").exists());

    let out = run(&["spreadsheet", &id, "-o", "acme.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("--format") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert_eq!(
        run(&["spreadsheet", &id, "-o", "a.csv", "--table", "threats"])
            .status
            .code(),
        Some(2)
    );
}
