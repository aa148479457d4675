//! The registers through the workspace and the CLI: checks that name the field, history that outlives a deletion, programmes, JSON and migration.

use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;
use soc2_readiness::ErrorKind;
use soc2_readiness::assessment::ReportType;
use soc2_readiness::registers::{Action, Policy, Query, Register, Vendor, from_fields, set_fields};
use soc2_readiness::{Error, Workspace};

use crate::support::{at, bank, create, moment, workspace};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect()
}

fn vendor(name: &str, extra: &[(&str, &str)]) -> Vendor {
    let mut given = pairs(&[
        ("name", name),
        ("service", "hosting"),
        ("criticality", "high"),
        ("owner", "Sam"),
    ]);
    given.extend(pairs(extra));
    from_fields(&given).unwrap()
}

fn today() -> NaiveDate {
    at(0).date_naive()
}

fn names(ws: &Workspace, assessment: &str, query: &Query) -> Vec<String> {
    ws.register_list::<Vendor>(assessment, query, today())
        .unwrap()
        .into_iter()
        .map(|l| l.entry.record.name)
        .collect()
}

#[test]
fn an_entry_is_checked_listed_archived_and_deleted_with_its_history_kept() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    let ahead = vendor("Cloudhost", &[("last_review", "2027-01-01")]);
    let error = ws.add_entry("a1", "v1", ahead, moment(1)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRecord);
    assert!(error.to_string().contains("last_review"), "{error}");
    assert!(matches!(&error, Error::Record(e) if e.field == "last_review"));

    ws.add_entry(
        "a1",
        "v1",
        vendor("Cloudhost", &[("last_review", "2026-10-01")]),
        moment(1),
    )
    .unwrap();
    ws.add_entry(
        "a1",
        "v2",
        vendor("Mailer", &[("criticality", "low")]),
        moment(2),
    )
    .unwrap();
    assert_eq!(
        names(&ws, "a1", &Query::default()),
        ["Cloudhost", "Mailer"],
        "needing attention first"
    );
    let search = Query {
        search: Some("cloud".into()),
        ..Query::default()
    };
    assert_eq!(names(&ws, "a1", &search), ["Cloudhost"]);

    let current = ws.register_entry::<Vendor>("a1", "v1").unwrap();
    let edited = set_fields(&current.record, &pairs(&[("next_review", "2027-10-01")])).unwrap();
    ws.edit_entry("a1", "v1", edited, moment(3)).unwrap();
    ws.set_entry_archived::<Vendor>("a1", "v1", true, at(4))
        .unwrap();
    assert_eq!(names(&ws, "a1", &Query::default()), ["Mailer"]);
    ws.set_entry_archived::<Vendor>("a1", "v1", false, at(5))
        .unwrap();
    ws.delete_entry::<Vendor>("a1", "v1", at(6)).unwrap();
    assert_eq!(
        ws.register_entry::<Vendor>("a1", "v1").unwrap_err().kind(),
        ErrorKind::NotFound
    );

    let history = ws
        .register_history("a1", Register::Vendors, Some("v1"))
        .unwrap();
    let actions: Vec<Action> = history.iter().map(|c| c.action).collect();
    assert_eq!(
        actions,
        [
            Action::Added,
            Action::Edited,
            Action::Archived,
            Action::Restored,
            Action::Deleted
        ]
    );
    assert_eq!(
        history[4].snapshot["record"]["next_review"], "2027-10-01",
        "the last state is kept"
    );
}

#[test]
fn a_policy_keeps_each_approved_version() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    let draft: Policy = from_fields(&pairs(&[
        ("title", "Access control"),
        ("version", "0.1"),
        ("owner", "IT"),
    ]))
    .unwrap();
    ws.add_entry("a1", "p1", draft, moment(1)).unwrap();
    let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
    ws.approve_policy("a1", "p1", "1.0", "Board", day("2025-09-01"), moment(2))
        .unwrap();
    let second = ws
        .approve_policy("a1", "p", "1.1", "CEO", day("2026-09-01"), moment(3))
        .unwrap();
    let versions: Vec<&str> = second
        .record
        .versions
        .iter()
        .map(|v| v.version.as_str())
        .collect();
    assert_eq!(versions, ["1.0", "1.1"]);
    let history = ws.register_history("a1", Register::Policies, None).unwrap();
    assert_eq!(
        history
            .iter()
            .filter(|c| c.action == Action::Approved)
            .count(),
        2
    );
}

#[test]
fn every_assessment_of_an_organisation_sees_one_programme_and_a_rename_carries_it_once() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme Ltd", ReportType::Type2, at(0));
    ws.add_entry("a1", "v1", vendor("Cloudhost", &[]), moment(1))
        .unwrap();
    ws.duplicate("a1", "a2", None, at(2)).unwrap();
    assert_eq!(
        names(&ws, "a2", &Query::default()),
        ["Cloudhost"],
        "a re-assessment sees them"
    );
    create(&mut ws, "b1", "  acme   LTD ", ReportType::Type2, at(2));
    assert_eq!(
        names(&ws, "b1", &Query::default()),
        ["Cloudhost"],
        "same organisation, same key"
    );

    // a2 and b1 still speak for "Acme Ltd": renaming a1 alone leaves the records where they are.
    ws.rename("a1", "Acme Group", at(3)).unwrap();
    assert!(names(&ws, "a1", &Query::default()).is_empty());
    assert_eq!(names(&ws, "a2", &Query::default()), ["Cloudhost"]);
    // Once a2 is the last to hold the old name, renaming it carries the records along.
    ws.delete("b1").unwrap();
    ws.rename("a2", "Acme Group", at(4)).unwrap();
    assert_eq!(names(&ws, "a2", &Query::default()), ["Cloudhost"]);
    assert_eq!(
        names(&ws, "a1", &Query::default()),
        ["Cloudhost"],
        "joined a1 under the new name"
    );
}

#[test]
fn a_rename_with_no_other_assessment_carries_records_and_history() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    ws.add_entry("a1", "v1", vendor("Cloudhost", &[]), moment(1))
        .unwrap();
    ws.rename("a1", "Acme Inc", at(2)).unwrap();
    assert_eq!(names(&ws, "a1", &Query::default()), ["Cloudhost"]);
    assert_eq!(
        ws.register_history("a1", Register::Vendors, Some("v1"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn registers_travel_in_the_json_and_importing_twice_duplicates_nothing() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    ws.add_entry("a1", "v1", vendor("Cloudhost", &[]), moment(1))
        .unwrap();
    ws.set_entry_archived::<Vendor>("a1", "v1", true, at(2))
        .unwrap();
    let json = ws.export_json("a1", at(3)).unwrap();
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format_version"], 2);
    assert_eq!(value["registers"]["vendors"][0]["id"], "v1");
    assert_eq!(value["registers"]["history"].as_array().unwrap().len(), 2);

    ws.import_json(json.as_bytes(), "a2", at(4)).unwrap();
    ws.import_json(json.as_bytes(), "a3", at(5)).unwrap();
    let all = Query {
        archived: true,
        ..Query::default()
    };
    assert_eq!(names(&ws, "a3", &all), ["Cloudhost"]);
    assert_eq!(
        ws.register_history("a3", Register::Vendors, None)
            .unwrap()
            .len(),
        2
    );

    let mut elsewhere = workspace(bank());
    let imported = elsewhere.import_json(json.as_bytes(), "x1", at(6)).unwrap();
    assert_eq!(imported.organisation, "Acme");
    assert_eq!(names(&elsewhere, "x1", &all), ["Cloudhost"]);
    let entry = elsewhere.register_entry::<Vendor>("x1", "v1").unwrap();
    assert!(entry.archived_at.is_some(), "archived stays archived");
}

#[test]
fn an_import_names_the_register_field_that_is_wrong_and_version_1_files_still_import() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    ws.add_entry("a1", "v1", vendor("Cloudhost", &[]), moment(1))
        .unwrap();
    let mut value: Value = serde_json::from_str(&ws.export_json("a1", at(3)).unwrap()).unwrap();
    value["registers"]["vendors"][0]["record"]["last_review"] = "2030-01-01".into();
    let error = ws
        .import_json(value.to_string().as_bytes(), "a2", at(4))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("registers.vendors[0].record.last_review"),
        "{error}"
    );
    value["format_version"] = 3.into();
    let error = ws
        .import_json(value.to_string().as_bytes(), "a2", at(4))
        .unwrap_err();
    assert!(error.to_string().contains("format version 3"), "{error}");

    for file in ["release-2026.11.1.json", "release-2026.11.2.json"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(file);
        let bytes = std::fs::read(path).unwrap();
        let old: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(old["format_version"], 1, "{file}");
        let imported = ws
            .import_json(&bytes, &format!("old-{file}"), at(9))
            .unwrap();
        assert!(ws.registers(&imported.id).unwrap().is_empty());
    }
}

#[test]
fn register_findings_come_from_the_programme_records() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    ws.add_entry(
        "a1",
        "v1",
        vendor(
            "Cloudhost",
            &[("next_review", "2026-10-01"), ("last_review", "2025-10-01")],
        ),
        moment(1),
    )
    .unwrap();
    let findings = ws.register_findings("a1", today()).unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f.question_id == "maint.vendor-reviews"
                && f.record_id == "v1"
                && f.detail.contains("Cloudhost")),
        "{findings:#?}"
    );
}

/// The landed build's file (schema 5) takes the registers migration and loses nothing.
#[test]
fn the_schema_5_file_migrates_with_the_registers_and_keeps_its_assessments() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3-schema5.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let before: Vec<(String, usize)> = ws
        .summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap()
        .iter()
        .map(|s| {
            (
                s.assessment.id.clone(),
                ws.history(&s.assessment.id).unwrap().len(),
            )
        })
        .collect();
    assert_eq!(before.len(), 4);
    assert!(ws.registers("e0ffb678529c").unwrap().is_empty());
    ws.add_entry("e0ffb678529c", "v1", vendor("Cloudhost", &[]), moment(6))
        .unwrap();
    drop(ws);
    let ws = Workspace::open_with_bank(bank(), &path, at(7)).unwrap();
    for (id, history) in before {
        assert_eq!(ws.history(&id).unwrap().len(), history, "{id}");
    }
    assert_eq!(
        ws.registers("927dc4c6b879").unwrap().vendors.len(),
        1,
        "its baseline shares them"
    );
}

fn cli(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .env("SOC2_READINESS_DB", db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_registers_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        let (ok, out, err) = cli(&db, args);
        assert!(ok, "{args:?}: {err}");
        out.trim().to_string()
    };
    let a = run(&["new", "Acme", "--depth", "full"]);
    let (ok, _, err) = cli(
        &db,
        &[
            "vendors",
            &a,
            "add",
            "--name",
            "Cloudhost",
            "--service",
            "hosting",
            "--criticality",
            "critical",
            "--owner",
            "Sam",
            "--last-review",
            "2026-02-30",
        ],
    );
    assert!(!ok);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("last_review") && err.contains("2027-02-28 or 28 Feb 2027"),
        "{err}"
    );
    let (ok, _, err) = cli(&db, &["vendors", &a, "add", "--name", "Cloudhost"]);
    assert!(!ok && err.contains("service: required"), "{err}");

    let v = run(&[
        "vendors",
        &a,
        "add",
        "--name",
        "Cloudhost",
        "--service",
        "hosting",
        "--criticality",
        "critical",
        "--owner",
        "Sam",
        "--personal-data",
    ]);
    run(&[
        "vendors",
        &a,
        "add",
        "--name=Mailer",
        "--service",
        "email",
        "--criticality",
        "low",
        "--owner",
        "Ana",
    ]);
    let listed: Value = serde_json::from_str(&run(&[
        "vendors",
        &a,
        "list",
        "--json",
        "--sort",
        "criticality",
    ]))
    .unwrap();
    assert_eq!(listed[0]["record"]["name"], "Cloudhost");
    assert_eq!(listed[0]["record"]["personal_data"], true);
    assert!(
        listed[0]["attention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["code"] == "no_report")
    );
    let filtered: Value = serde_json::from_str(&run(&[
        "vendors",
        &a,
        "list",
        "--json",
        "--filter",
        "criticality=low",
    ]))
    .unwrap();
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    assert!(run(&["vendors", &a, "list"]).contains("never reviewed (+4 more)"));

    run(&[
        "vendors",
        &a,
        "edit",
        &v[..6],
        "--report",
        "soc2_type2",
        "--report-period-end",
        "2026-09-30",
    ]);
    run(&["vendors", &a, "archive", &v]);
    assert!(!run(&["vendors", &a, "list"]).contains("Cloudhost"));
    let (ok, _, err) = cli(&db, &["vendors", &a, "delete", &v]);
    assert!(!ok && err.contains("--yes"), "{err}");
    run(&["vendors", &a, "delete", &v, "--yes"]);
    let history: Value =
        serde_json::from_str(&run(&["vendors", &a, "history", &v, "--json"])).unwrap();
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["added", "edited", "archived", "deleted"]);

    let p = run(&[
        "policies",
        &a,
        "add",
        "--title",
        "Security policy",
        "--version",
        "1.0",
        "--owner",
        "CISO",
    ]);
    assert!(
        run(&[
            "policies",
            &a,
            "approve",
            &p,
            "--version",
            "1.0",
            "--by",
            "Board",
            "--on",
            "2026-10-01"
        ])
        .contains("approved")
    );
    assert!(run(&["policies", &a, "show", &p]).contains("1.0 by Board on 2026-10-01"));
    let (ok, _, err) = cli(
        &db,
        &[
            "risks",
            &a,
            "add",
            "--threat",
            "Ransomware",
            "--likelihood",
            "6",
            "--impact",
            "5",
            "--treatment",
            "mitigate",
            "--owner",
            "CTO",
        ],
    );
    assert!(!ok && err.contains("likelihood"), "{err}");
    run(&[
        "incidents",
        &a,
        "add",
        "--title",
        "Phish",
        "--detected-on",
        "2026-11-01",
        "--severity",
        "high",
        "--what-happened",
        "mailbox taken over",
        "--owner",
        "Ana",
    ]);
    assert!(run(&["incidents", &a, "fields"]).contains("--notification-deadline"));
    let (ok, _, err) = cli(&db, &["incidents", &a, "show", "nope"]);
    assert!(!ok && err.contains("no incident matches 'nope'"), "{err}");
    // Registers belong to the organisation: a re-assessment lists the same incident.
    let b = run(&["duplicate", &a]);
    assert!(run(&["incidents", &b, "list"]).contains("Phish"));
}

/// The PDF's "Registers" stays short with many entries: the worst eight per register, then a count.
#[test]
fn the_report_summarises_the_registers_and_lists_the_worst_first() {
    use soc2_readiness::report::{PageSize, ReportSettings};
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    for i in 0..30 {
        let last = format!("2024-{:02}-01", i % 12 + 1);
        let record = vendor(&format!("Vendor {i:02}"), &[("last_review", last.as_str())]);
        ws.add_entry("a1", &format!("v{i}"), record, moment(1))
            .unwrap();
    }
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: at(2),
        today: at(2).date_naive(),
    };
    let report = ws.report("a1", &settings).unwrap();
    let pages: Vec<String> = report
        .text_boxes()
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let first = pages
        .iter()
        .position(|p| p.contains("Vendors: 30 in the list, 30 needing attention"))
        .expect("the registers section");
    let section = pages[first..].join("\n");
    assert!(
        section.contains("and 22 more needing attention"),
        "{section}"
    );
    // The longest overdue (reviewed January 2024, due January 2025) lead the table.
    let listed = section.find("Vendor 00").unwrap();
    assert!(listed < section.find("Vendor 01").unwrap());
    assert!(
        !section.contains("Vendor 11"),
        "a December review is not among the worst eight"
    );
    assert!(section.contains("Policies: 0 in the list"));
}
