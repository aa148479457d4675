//! The registers in the spreadsheet exports: a sheet and a CSV file each, read back with calamine and the csv crate, and when the default export holds them.

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use soc2_readiness::Workspace;
use soc2_readiness::registers::{
    Incident, Policy, Register, RegisterRecord, Risk, Vendor, field_infos, from_fields,
};
use soc2_readiness::spreadsheet::{SpreadsheetFormat, TableKind};

use crate::support::{at, demo_workspace, moment, today};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn record<T: RegisterRecord>(fields: &[(&str, &str)]) -> T {
    let pairs: Vec<(String, String)> = fields
        .iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect();
    from_fields(&pairs).unwrap()
}

/// A programme a consultant would recognise: a carved-out host whose report has gone stale, a
/// CRM no longer used (archived), a policy most staff acknowledged, an open incident and an
/// accepted high risk whose owner someone typed as a formula.
fn programme(ws: &mut Workspace, id: &str, with_policy_and_incident: bool) {
    let host: Vendor = record(&[
        ("name", "Cloudhost"),
        ("service", "hosting, backups"),
        ("criticality", "critical"),
        ("subservice", "carve_out"),
        ("report", "soc2_type2"),
        ("report_period_end", "2025-06-30"),
        ("personal_data", "yes"),
        ("dpa", "yes"),
        ("breach_notice_clause", "yes"),
        ("confidentiality_clause", "yes"),
        ("owner", "Sam"),
        ("last_review", "2025-10-01"),
        ("next_review", "2026-10-01"),
    ]);
    ws.add_entry(id, "vendor-host", host, moment(1)).unwrap();
    let crm: Vendor = record(&[
        ("name", "Old CRM"),
        ("service", "sales pipeline"),
        ("criticality", "low"),
        ("owner", "Kim"),
    ]);
    ws.add_entry(id, "vendor-crm", crm, moment(2)).unwrap();
    ws.set_entry_archived::<Vendor>(id, "vendor-crm", true, at(3))
        .unwrap();
    let risk: Risk = record(&[
        ("threat", "Ransomware on the build servers"),
        ("likelihood", "4"),
        ("impact", "5"),
        ("treatment", "accept"),
        ("owner", "@ops"),
        ("controls", "risk.fraud"),
    ]);
    ws.add_entry(id, "risk-ransom", risk, moment(4)).unwrap();
    if !with_policy_and_incident {
        return;
    }
    let leaver: soc2_readiness::registers::Person = record(&[
        ("name", "Sam Leaver"),
        ("role", "Engineer"),
        ("kind", "employee"),
        ("start", "2025-01-06"),
        ("end", "2025-09-30"),
        ("training", "completed"),
        ("trained_on", "2025-01-20"),
    ]);
    ws.add_entry(id, "person-sam", leaver, moment(5)).unwrap();
    let change: soc2_readiness::registers::Change = record(&[
        ("reference", "#88"),
        ("title", "Hotfix the payment queue"),
        ("kind", "emergency"),
        ("author", "Ana"),
        ("released_on", "2026-10-02"),
        ("tested", "yes"),
    ]);
    ws.add_entry(id, "change-88", change, moment(5)).unwrap();
    let policy: Policy = record(&[
        ("title", "Access control policy"),
        ("version", "1.0"),
        ("owner", "Ana"),
        ("staff", "40"),
        ("acknowledged", "30"),
    ]);
    ws.add_entry(id, "policy-access", policy, moment(5))
        .unwrap();
    ws.approve_policy(
        id,
        "policy-access",
        "1.1",
        "Ana",
        date(2026, 3, 1),
        moment(6),
    )
    .unwrap();
    let incident: Incident = record(&[
        ("title", "Leaked API key"),
        ("detected_on", "2026-10-20"),
        ("severity", "high"),
        ("what_happened", "A key was pushed to a public repository."),
        ("contained_on", "2026-10-21"),
        ("owner", "Lee"),
    ]);
    ws.add_entry(id, "incident-key", incident, moment(7))
        .unwrap();
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn column(range: &Range<Data>, title: &str) -> usize {
    let header = header(range);
    header
        .iter()
        .position(|h| h == title)
        .unwrap_or_else(|| panic!("no column {title:?} in {header:?}"))
}

fn row<'a>(range: &'a Range<Data>, name: &str) -> &'a [Data] {
    range
        .rows()
        .find(|row| row[0] == Data::String(name.into()))
        .unwrap_or_else(|| panic!("no row for {name}"))
}

fn date_of(cell: &Data) -> NaiveDate {
    match cell {
        Data::DateTime(d) => d.as_datetime().unwrap().date(),
        other => panic!("expected a date cell, got {other:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("expected text, got {other:?}"),
    }
}

#[test]
fn the_default_export_adds_each_register_that_holds_an_entry() {
    let (mut ws, id) = demo_workspace("Acme");
    assert_eq!(
        ws.default_spreadsheet_tables(&id).unwrap(),
        TableKind::ASSESSMENT,
        "no register kept: the assessment's five tables and no empty sheets"
    );
    programme(&mut ws, &id, false);
    // Vendors (one of them archived) and risks are kept; policies and incidents are not.
    assert_eq!(
        ws.default_spreadsheet_tables(&id).unwrap(),
        [
            TableKind::Gaps,
            TableKind::Roadmap,
            TableKind::Plan,
            TableKind::Answers,
            TableKind::ControlMatrix,
            TableKind::Vendors,
            TableKind::Risks,
        ]
    );
    // An archived entry still counts: the sheet lists it.
    ws.set_entry_archived::<Vendor>(&id, "vendor-host", true, at(9))
        .unwrap();
    assert!(
        ws.default_spreadsheet_tables(&id)
            .unwrap()
            .contains(&TableKind::Vendors)
    );
}

#[test]
fn the_workbook_has_a_sheet_per_register_with_every_field_its_status_and_dates_as_dates() {
    let (mut ws, id) = demo_workspace("Acme");
    programme(&mut ws, &id, true);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.xlsx");
    let tables = ws.default_spreadsheet_tables(&id).unwrap();
    assert_eq!(tables, TableKind::ALL);
    let written = ws
        .write_spreadsheet(&id, &path, SpreadsheetFormat::Xlsx, &tables, today())
        .unwrap();
    let counts: Vec<(TableKind, usize)> =
        written.tables.iter().map(|t| (t.table, t.rows)).collect();
    assert_eq!(
        counts[5..],
        [
            (TableKind::Vendors, 2),
            (TableKind::Policies, 1),
            (TableKind::Incidents, 1),
            (TableKind::Risks, 1),
            (TableKind::People, 1),
            (TableKind::Changes, 1)
        ]
    );
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Gaps",
            "Roadmap",
            "Plan",
            "Answers",
            "Control matrix",
            "Vendors",
            "Policies",
            "Incidents",
            "Risks",
            "People",
            "Changes"
        ]
    );

    // Every field of each register heads a column, with the status after the name and the
    // entry's own dates and id last; plus what the register derives.
    let derived = [
        (Register::Vendors, "Vendors", 0),
        (Register::Policies, "Policies", 2),
        (Register::Incidents, "Incidents", 1),
        (Register::Risks, "Risks", 1),
        (Register::Changes, "Changes", 0),
    ];
    for (register, sheet, extras) in derived {
        let range = book.worksheet_range(sheet).unwrap();
        let titles = header(&range);
        assert_eq!(
            titles.len(),
            field_infos(register).len() + 2 + extras + 5,
            "{titles:?}"
        );
        assert_eq!(titles[1..3], ["Needs attention", "Attention since"]);
        assert_eq!(
            titles[titles.len() - 5..],
            ["Archived", "Archived on", "Added", "Updated", "Id"]
        );
    }

    let vendors = book.worksheet_range("Vendors").unwrap();
    assert_eq!(
        header(&vendors)[..6],
        [
            "Name",
            "Needs attention",
            "Attention since",
            "Service",
            "Data shared",
            "Personal data"
        ]
    );
    assert!(header(&vendors).contains(&"DPA signed".to_string()));
    let host = row(&vendors, "Cloudhost");
    assert_eq!(text(&host[column(&vendors, "Service")]), "hosting, backups");
    assert_eq!(text(&host[column(&vendors, "Criticality")]), "Critical");
    assert_eq!(text(&host[column(&vendors, "Subservice")]), "Carve-out");
    assert_eq!(text(&host[column(&vendors, "Report")]), "SOC 2 Type II");
    assert_eq!(text(&host[column(&vendors, "DPA signed")]), "Yes");
    assert_eq!(text(&host[column(&vendors, "Health data")]), "No");
    assert_eq!(
        date_of(&host[column(&vendors, "Report period end")]),
        date(2025, 6, 30)
    );
    assert_eq!(
        date_of(&host[column(&vendors, "Next review")]),
        date(2026, 10, 1)
    );
    // What the app's list says as of the day: the review is overdue and the report is stale,
    // the oldest since the report's twelve months ran out.
    let attention = text(&host[column(&vendors, "Needs attention")]);
    assert!(
        attention.contains("review was due") && attention.contains("more than 12 months ago"),
        "{attention}"
    );
    assert_eq!(
        date_of(&host[column(&vendors, "Attention since")]),
        date(2026, 6, 30)
    );
    assert_eq!(text(&host[column(&vendors, "Archived")]), "No");
    assert_eq!(host[column(&vendors, "Archived on")], Data::Empty);
    assert_eq!(text(&host[column(&vendors, "Id")]), "vendor-host");
    // The archived CRM is listed, marked, with the day it was archived.
    let crm = row(&vendors, "Old CRM");
    assert_eq!(text(&crm[column(&vendors, "Archived")]), "Yes");
    assert_eq!(date_of(&crm[column(&vendors, "Archived on")]), today());

    let policies = book.worksheet_range("Policies").unwrap();
    let access = row(&policies, "Access control policy");
    assert_eq!(text(&access[column(&policies, "Version")]), "1.1");
    assert_eq!(
        date_of(&access[column(&policies, "Approved on")]),
        date(2026, 3, 1)
    );
    assert_eq!(access[column(&policies, "Staff")], Data::Float(40.0));
    assert_eq!(
        access[column(&policies, "Acknowledged share")],
        Data::Float(0.75)
    );
    assert_eq!(
        text(&access[column(&policies, "Approved versions")]),
        "1.1 (Ana, 2026-03-01)"
    );
    assert!(text(&access[column(&policies, "Needs attention")]).contains("75% of staff"));

    let incidents = book.worksheet_range("Incidents").unwrap();
    let key = row(&incidents, "Leaked API key");
    assert_eq!(text(&key[column(&incidents, "Stage")]), "Contained");
    assert_eq!(
        date_of(&key[column(&incidents, "Detected on")]),
        date(2026, 10, 20)
    );
    assert_eq!(key[column(&incidents, "Resolved on")], Data::Empty);

    let risks = book.worksheet_range("Risks").unwrap();
    let ransom = row(&risks, "Ransomware on the build servers");
    assert_eq!(ransom[column(&risks, "Likelihood")], Data::Float(4.0));
    assert_eq!(ransom[column(&risks, "Score")], Data::Float(20.0));
    assert_eq!(text(&ransom[column(&risks, "Treatment")]), "Accept");
    assert_eq!(text(&ransom[column(&risks, "Controls")]), "risk.fraud");
    // Text stays text in a workbook: the owner's "@" runs nothing.
    assert_eq!(text(&ransom[column(&risks, "Owner")]), "@ops");
    assert!(text(&ransom[column(&risks, "Needs attention")]).contains("accepted"));

    // The register sheets are kept like the others: frozen header, a filter, set widths.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for sheet in 5..=8 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{sheet}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
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
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn csv_files_hold_a_register_each_guarded_and_an_empty_register_named_is_a_header() {
    let (mut ws, id) = demo_workspace("Acme");
    programme(&mut ws, &id, false);
    let dir = tempfile::tempdir().unwrap();
    let tables = ws.default_spreadsheet_tables(&id).unwrap();
    let written = ws
        .write_spreadsheet(
            &id,
            &dir.path().join("acme.csv"),
            SpreadsheetFormat::Csv,
            &tables,
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
            "acme-control-matrix.csv",
            "acme-vendors.csv",
            "acme-risks.csv"
        ]
    );
    let (header, vendors) = read_csv(&dir.path().join("acme-vendors.csv"));
    assert_eq!(header[..3], ["Name", "Needs attention", "Attention since"]);
    let at = |title: &str| header.iter().position(|h| h == title).unwrap();
    // Entries needing attention first, as the app lists them; the archived CRM needs none.
    assert_eq!(
        vendors.iter().map(|r| r[0].to_string()).collect::<Vec<_>>(),
        ["Cloudhost", "Old CRM"]
    );
    assert_eq!(
        &vendors[0][at("Service")],
        "hosting, backups",
        "a comma survives"
    );
    assert_eq!(&vendors[0][at("Report period end")], "2025-06-30");
    assert_eq!(&vendors[0][at("Attention since")], "2026-06-30");
    assert_eq!(&vendors[1][at("Archived")], "Yes");
    assert_eq!(&vendors[1][at("Archived on")], "2026-11-02");
    let (header, risks) = read_csv(&dir.path().join("acme-risks.csv"));
    let owner = header.iter().position(|h| h == "Owner").unwrap();
    assert_eq!(&risks[0][owner], "'@ops", "a formula start is defused");

    // Named, an empty register is written: a header and no rows, to fill in.
    let empty = dir.path().join("incidents.csv");
    let written = ws
        .write_spreadsheet(
            &id,
            &empty,
            SpreadsheetFormat::Csv,
            &[TableKind::Incidents],
            today(),
        )
        .unwrap();
    assert_eq!(written.tables[0].rows, 0);
    let (header, rows) = read_csv(&empty);
    assert_eq!(
        header[..4],
        ["Title", "Needs attention", "Attention since", "Detected on"]
    );
    assert!(header.contains(&"Stage".to_string()) && rows.is_empty());
}

#[test]
fn the_cli_names_the_register_tables_and_adds_kept_registers_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .env("SOC2_READINESS_DB", dir.path().join("cli.sqlite3"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let help = String::from_utf8(run(&["spreadsheet", "--help"]).stdout).unwrap();
    for table in ["vendors", "policies", "incidents", "risks"] {
        assert!(help.contains(table), "{help}");
    }
    let id = String::from_utf8(run(&["new", "Acme"]).stdout)
        .unwrap()
        .trim()
        .to_string();
    let sheets = |file: &str| {
        let bytes = std::fs::read(dir.path().join(file)).unwrap();
        let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        book.sheet_names()
    };
    assert!(
        run(&["spreadsheet", &id, "-o", "before.xlsx"])
            .status
            .success()
    );
    assert_eq!(
        sheets("before.xlsx"),
        ["Gaps", "Roadmap", "Plan", "Answers", "Control matrix"]
    );
    let added = run(&[
        "vendors",
        &id,
        "add",
        "--name",
        "Cloudhost",
        "--service",
        "hosting",
        "--criticality",
        "high",
        "--owner",
        "Sam",
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let out = run(&["spreadsheet", &id, "-o", "after.xlsx"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("vendors 1"));
    assert_eq!(
        sheets("after.xlsx"),
        [
            "Gaps",
            "Roadmap",
            "Plan",
            "Answers",
            "Control matrix",
            "Vendors"
        ]
    );

    let out = run(&[
        "spreadsheet",
        &id,
        "-o",
        "vendors.csv",
        "--table",
        "vendors",
    ]);
    assert!(out.status.success());
    let (_, rows) = read_csv(&dir.path().join("vendors.csv"));
    assert_eq!(&rows[0][0], "Cloudhost");
    // all with a register named: the default, and the empty register asked for.
    assert!(
        run(&[
            "spreadsheet",
            &id,
            "-o",
            "both.xlsx",
            "--table",
            "all,risks"
        ])
        .status
        .success()
    );
    assert_eq!(
        sheets("both.xlsx"),
        [
            "Gaps",
            "Roadmap",
            "Plan",
            "Answers",
            "Control matrix",
            "Vendors",
            "Risks"
        ]
    );
}
