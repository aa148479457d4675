//! The control calendar: a small company's simulated year of recurring checks, the observation windows, findings and scores it produces, bad input, and the CLI.

use chrono::NaiveDate;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{ReportType, parse_answer_for};
use soc2_readiness::calendar::{CheckResult, DueStatus, OccurrenceStatus};
use soc2_readiness::catalog::Frequency;
use soc2_readiness::findings::Effect;
use soc2_readiness::gaps::Priority;
use soc2_readiness::workspace::{AdoptRequest, AnswerDetails, CheckRequest, VoidRequest};

use crate::support::{at, bank, create, workspace};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) const ID: &str = "acme00000001";

fn answer(ws: &mut Workspace, question: &str, raw: &str) {
    let value = parse_answer_for(ws.bank(), question, raw).unwrap();
    ws.save_answer(ID, question, value, AnswerDetails::default(), at(1))
        .unwrap();
}

fn adopt(ws: &mut Workspace, control: &str, frequency: Frequency, first_due: NaiveDate) {
    let request = AdoptRequest {
        control_id: control.into(),
        frequency,
        owner: "Dana".into(),
        first_due,
    };
    ws.adopt_control(ID, &request, at(2)).unwrap();
}

fn check(
    ws: &mut Workspace,
    control: &str,
    on: NaiveDate,
    result: CheckResult,
    reason: &str,
) -> String {
    let id = format!("{control}-{on}");
    let request = CheckRequest {
        control_id: control.into(),
        performed_on: on,
        result,
        reason: reason.into(),
        performed_by: "Dana".into(),
        evidence: Some(format!("TICKET {on}")),
        file: None,
        sample: None,
    };
    ws.record_check(ID, &id, &request, on, at(3)).unwrap();
    id
}

/// Acme, 12 people, Type II over calendar 2026: monthly leaver checks (May failed), quarterly
/// access reviews (the third quarter never ran) and quarterly restore tests (all passed).
pub(crate) fn acme_year() -> Workspace {
    let mut ws = workspace(bank());
    create(&mut ws, ID, "Acme", ReportType::Type2, at(0));
    answer(&mut ws, "scope.observation-start", "2026-01-01");
    answer(&mut ws, "scope.observation-period", "12-months");
    for q in [
        "maint.access-reviews",
        "maint.leaver-checks",
        "access.deprovisioning",
        "maint.restore-tests",
        "continuity.backups",
        "vuln.scanning",
    ] {
        answer(&mut ws, q, "4");
    }
    adopt(
        &mut ws,
        "leaver-check",
        Frequency::Monthly,
        day(2026, 1, 31),
    );
    adopt(
        &mut ws,
        "access-review",
        Frequency::Quarterly,
        day(2026, 3, 31),
    );
    adopt(
        &mut ws,
        "restore-test",
        Frequency::Quarterly,
        day(2026, 3, 31),
    );
    for month in 1..=11 {
        let (result, reason) = if month == 5 {
            (
                CheckResult::Fail,
                "a leaver's admin account was still active after 9 days",
            )
        } else {
            (CheckResult::Pass, "")
        };
        check(
            &mut ws,
            "leaver-check",
            day(2026, month, 25),
            result,
            reason,
        );
    }
    check(
        &mut ws,
        "access-review",
        day(2026, 3, 20),
        CheckResult::Pass,
        "",
    );
    check(
        &mut ws,
        "access-review",
        day(2026, 6, 22),
        CheckResult::Pass,
        "",
    );
    for month in [3, 6, 9] {
        check(
            &mut ws,
            "restore-test",
            day(2026, month, 10),
            CheckResult::Pass,
            "",
        );
    }
    ws
}

const TODAY: (i32, u32, u32) = (2026, 12, 15);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn the_observation_period_shows_each_expected_run() {
    let ws = acme_year();
    let observed = ws.observation(ID, today()).unwrap();
    let window = observed.window.unwrap();
    assert_eq!(
        (window.start, window.end),
        (day(2026, 1, 1), day(2026, 12, 31))
    );
    let control = |id: &str| {
        observed
            .controls
            .iter()
            .find(|c| c.control_id == id)
            .unwrap()
    };
    let leavers = control("leaver-check");
    assert_eq!(leavers.occurrences.len(), 12, "one a month");
    assert_eq!(
        (
            leavers.passed,
            leavers.failed,
            leavers.missed,
            leavers.not_yet_due
        ),
        (10, 1, 0, 1)
    );
    assert_eq!(leavers.occurrences[4].status, OccurrenceStatus::Failed);
    let reviews = control("access-review");
    let statuses: Vec<OccurrenceStatus> = reviews.occurrences.iter().map(|o| o.status).collect();
    use OccurrenceStatus::*;
    assert_eq!(statuses, [Passed, Passed, Missed, NotYetDue]);
    assert_eq!(reviews.occurrences[2].due, day(2026, 9, 30));
    assert_eq!(
        (
            control("restore-test").passed,
            control("restore-test").failed
        ),
        (3, 0)
    );
    assert_eq!(
        observed.exceptions, 2,
        "one failed leaver check, one missed review"
    );
}

#[test]
fn the_calendar_shows_what_is_overdue_and_proposes_the_rest() {
    let ws = acme_year();
    let calendar = ws.calendar(ID, today()).unwrap();
    let first = &calendar.controls[0];
    assert_eq!(first.control.control_id, "access-review");
    assert_eq!(
        (first.status, first.next_due),
        (DueStatus::Overdue, day(2026, 9, 30))
    );
    assert_eq!(calendar.overdue, 1);
    let leavers = calendar
        .controls
        .iter()
        .find(|r| r.control.control_id == "leaver-check")
        .unwrap();
    assert_eq!(
        (leavers.status, leavers.next_due),
        (DueStatus::Upcoming, day(2026, 12, 31)),
        "16 days ahead"
    );
    assert!(
        calendar
            .proposed
            .iter()
            .any(|t| t.id == "vulnerability-scan")
    );
    assert!(
        !calendar.proposed.iter().any(|t| t.id == "access-review"),
        "adopted already"
    );
}

#[test]
fn failures_and_missed_runs_are_known_exceptions_and_an_overdue_review_is_urgent() {
    let ws = acme_year();
    let analysis = ws.analysis(ID, today()).unwrap();
    let state = |id: &str| {
        analysis
            .scorecard
            .questions
            .iter()
            .find(|q| q.question_id == id)
            .unwrap()
            .clone()
    };
    // Answered operating: the log's exceptions take each down to 2.5; the restore tests that all
    // passed keep 4.
    assert_eq!(state("maint.access-reviews").effective_level(), 2.5);
    assert_eq!(state("access.deprovisioning").effective_level(), 2.5);
    assert_eq!(state("maint.leaver-checks").effective_level(), 2.5);
    assert_eq!(state("maint.restore-tests").effective_level(), 4.0);
    assert_eq!(state("continuity.backups").effective_level(), 4.0);

    let gap = |id: &str| analysis.gaps.iter().find(|g| g.question_id == id).unwrap();
    let reviews = gap("maint.access-reviews");
    assert!(reviews.overdue && reviews.urgent);
    assert_eq!(reviews.priority, Priority::High);
    assert_eq!(
        reviews.title,
        "Periodic access reviews: the check log shows exceptions in the observation period"
    );
    assert!(
        reviews
            .exception
            .as_deref()
            .unwrap()
            .contains("missed, due 2026-09-30"),
        "{reviews:?}"
    );
    assert!(
        reviews
            .findings
            .iter()
            .all(|f| f.effect == Effect::KnownException)
    );
    assert_eq!(
        analysis.gaps[0].question_id, "maint.access-reviews",
        "the overdue review first"
    );
    let leavers = gap("access.deprovisioning");
    assert!(
        leavers
            .exception
            .as_deref()
            .unwrap()
            .contains("failed on 2026-05-25")
    );
    assert!(!leavers.overdue);
    assert!(
        !analysis
            .gaps
            .iter()
            .any(|g| g.question_id == "maint.restore-tests")
    );
}

#[test]
fn an_operating_answer_without_a_passed_check_scores_as_documented() {
    let mut ws = acme_year();
    adopt(
        &mut ws,
        "vulnerability-scan",
        Frequency::Monthly,
        day(2026, 12, 31),
    );
    let analysis = ws.analysis(ID, today()).unwrap();
    let scan = analysis
        .scorecard
        .questions
        .iter()
        .find(|q| q.question_id == "vuln.scanning")
        .unwrap();
    assert!(scan.not_evidenced && !scan.exception);
    assert_eq!(scan.effective_level(), 3.0);
    let gap = analysis
        .gaps
        .iter()
        .find(|g| g.question_id == "vuln.scanning")
        .unwrap();
    assert!(
        gap.title.contains("no evidence of operation"),
        "{}",
        gap.title
    );
    // A passed scan in the period evidences it again.
    check(
        &mut ws,
        "vulnerability-scan",
        day(2026, 12, 14),
        CheckResult::Pass,
        "",
    );
    let analysis = ws.analysis(ID, today()).unwrap();
    assert!(
        !analysis
            .gaps
            .iter()
            .any(|g| g.question_id == "vuln.scanning")
    );
}

#[test]
fn a_voided_entry_no_longer_counts_and_the_log_keeps_both() {
    let mut ws = acme_year();
    let wrong = check(
        &mut ws,
        "access-review",
        day(2026, 9, 29),
        CheckResult::Pass,
        "",
    );
    assert_eq!(ws.observation(ID, today()).unwrap().exceptions, 1);
    let void = VoidRequest {
        check_id: wrong.clone(),
        reason: "recorded against the wrong control".into(),
        performed_by: "Dana".into(),
    };
    ws.void_check(ID, "void1", &void, today(), at(4)).unwrap();
    assert_eq!(ws.observation(ID, today()).unwrap().exceptions, 2);
    let log = ws.check_log(ID).unwrap();
    assert!(log.checks.iter().any(|c| c.id == wrong));
    assert!(
        log.checks
            .iter()
            .any(|c| c.voids.as_deref() == Some(wrong.as_str()))
    );
}

#[test]
fn before_the_window_and_for_a_type_one_there_are_no_exceptions() {
    let ws = acme_year();
    let early = ws.observation(ID, day(2025, 12, 1)).unwrap();
    assert!(!early.started && early.controls.is_empty() && early.exceptions == 0);
    let mut ws = acme_year();
    answer(&mut ws, "scope.report-type", "type1");
    let analysis = ws.analysis(ID, today()).unwrap();
    assert!(analysis.gaps.iter().all(|g| g.findings.is_empty()));
    assert!(ws.observation(ID, today()).unwrap().note.contains("Type I"));
}

#[test]
fn bad_input_is_refused_naming_the_field() {
    let mut ws = acme_year();
    let mut request = CheckRequest {
        control_id: "leaver-check".into(),
        performed_on: day(2026, 12, 16),
        result: CheckResult::Fail,
        reason: String::new(),
        performed_by: "Dana".into(),
        evidence: None,
        file: None,
        sample: None,
    };
    let refused = |ws: &mut Workspace, r: &CheckRequest| {
        ws.record_check(ID, "x", r, today(), at(5))
            .unwrap_err()
            .to_string()
    };
    assert!(refused(&mut ws, &request).starts_with("date: 2026-12-16 is in the future"));
    request.performed_on = today();
    assert_eq!(refused(&mut ws, &request), "reason: required");
    request.reason = "x".repeat(3000);
    assert!(refused(&mut ws, &request).starts_with("reason: longer than"));
    request.reason = "found one".into();
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump.bin");
    std::fs::write(&dump, vec![0; 10 * 1024 * 1024 + 1]).unwrap();
    request.file = Some(dump);
    let message = refused(&mut ws, &request);
    assert!(
        message.contains("dump.bin") && message.contains("10 MiB"),
        "{message}"
    );
    request.file = Some(dir.path().to_path_buf());
    assert!(refused(&mut ws, &request).contains("it is a folder"));
    let review = dir.path().join("review.csv");
    std::fs::write(&review, b"account,kept\n").unwrap();
    request.file = Some(review);
    let entry = ws
        .record_check(ID, "withfile", &request, today(), at(5))
        .unwrap();
    let file = entry.file.unwrap();
    assert_eq!(file.size, 13);
    assert_eq!(ws.evidence_bytes(ID, &file.id).unwrap(), b"account,kept\n");
    request.control_id = "penetration-test".into();
    assert!(refused(&mut ws, &request).contains("not adopted"));
}

#[test]
fn records_belong_to_the_organisation_and_change_the_kept_list_figures() {
    let mut ws = acme_year();
    let before = ws.summaries(today()).unwrap()[0].readiness;
    check(
        &mut ws,
        "access-review",
        day(2026, 9, 29),
        CheckResult::Pass,
        "",
    );
    let after = ws.summaries(today()).unwrap()[0].readiness;
    assert!(after > before, "{before:?} -> {after:?}");
    let (_, scorecard) = ws.scorecard(ID, today()).unwrap();
    assert_eq!(after, scorecard.overall.readiness);
    create(&mut ws, "acme00000002", "  ACME ", ReportType::Type2, at(6));
    assert_eq!(ws.check_log("acme00000002").unwrap().controls.len(), 3);
}

#[test]
fn the_schema_five_file_migrates_and_keeps_everything() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3-schema5.sqlite3");
    let before = {
        let ws = Workspace::open(&path, at(0)).unwrap();
        ws.summaries(today()).unwrap()
    };
    let mut ws = Workspace::open(&path, at(1)).unwrap();
    let after = ws.summaries(today()).unwrap();
    assert_eq!(before, after);
    assert!(!after.is_empty());
    let id = after[0].assessment.id.clone();
    let request = AdoptRequest {
        control_id: "policy-review".into(),
        frequency: Frequency::Yearly,
        owner: "Sam".into(),
        first_due: day(2026, 12, 31),
    };
    ws.adopt_control(&id, &request, at(2)).unwrap();
    assert_eq!(ws.check_log(&id).unwrap().controls.len(), 1);
}

#[test]
fn the_cli_adopts_records_and_shows_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .env("SOC2_READINESS_DB", &db)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["new", "Beta"]);
    let id = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .find(|w| w.len() == 12)
        .unwrap()
        .to_string();
    assert!(
        run(&[
            "adopt",
            &id,
            "restore-test",
            "--owner",
            "Ops",
            "--start",
            "2026-01-31"
        ])
        .status
        .success()
    );
    let ok = run(&[
        "check",
        &id,
        "restore-test",
        "--date",
        "2026-01-20",
        "--result",
        "fail",
        "--reason",
        "restore took 9 hours",
        "--by",
        "Ops",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let refused = run(&[
        "check",
        &id,
        "restore-test",
        "--date",
        "2026-01-20",
        "--result",
        "fail",
        "--by",
        "Ops",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "error: reason: required\n"
    );
    let calendar: serde_json::Value =
        serde_json::from_slice(&run(&["calendar", &id, "--json"]).stdout).unwrap();
    assert_eq!(
        calendar["controls"][0]["control"]["control_id"],
        "restore-test"
    );
    assert_eq!(calendar["controls"][0]["last_check"]["result"], "fail");
    let checks = String::from_utf8(run(&["checks", &id]).stdout).unwrap();
    assert!(checks.contains("restore took 9 hours"));

    // Retiring stops the expected runs and keeps the log; adopting again resumes the control.
    let retired = run(&["retire", &id, "restore-test"]);
    assert!(String::from_utf8_lossy(&retired.stdout).contains("Retired restore-test"));
    let calendar: serde_json::Value =
        serde_json::from_slice(&run(&["calendar", &id, "--json"]).stdout).unwrap();
    assert_eq!(calendar["controls"][0]["status"], "archived");
    let checks = String::from_utf8(run(&["checks", &id]).stdout).unwrap();
    assert!(checks.contains("restore took 9 hours"));
    let unknown = run(&["retire", &id, "penetration-test"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("is not adopted"));
    let resumed = [
        "adopt",
        &id,
        "restore-test",
        "--owner",
        "Ops",
        "--start",
        "2026-01-31",
    ];
    assert!(run(&resumed).status.success());
    let calendar: serde_json::Value =
        serde_json::from_slice(&run(&["calendar", &id, "--json"]).stdout).unwrap();
    assert_ne!(calendar["controls"][0]["status"], "archived");
}

#[test]
fn the_portable_json_carries_the_calendar_and_importing_twice_adds_nothing() {
    let mut ws = acme_year();
    let restore_log = tempfile::tempdir().unwrap();
    let request = CheckRequest {
        control_id: "restore-test".into(),
        performed_on: day(2026, 12, 10),
        result: CheckResult::Pass,
        reason: String::new(),
        performed_by: "Ops".into(),
        evidence: None,
        file: Some(restore_log.path().join("restore.log")),
        sample: None,
    };
    std::fs::write(request.file.as_ref().unwrap(), b"restored 42 tables\n").unwrap();
    ws.record_check(ID, "withfile", &request, today(), at(5))
        .unwrap();
    let json = ws.export_json(ID, at(6)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["calendar"]["controls"].as_array().unwrap().len(), 3);
    assert_eq!(value["calendar"]["files"][0]["name"], "restore.log");

    let mut other = workspace(bank());
    other
        .import_json(json.as_bytes(), "copy00000001", at(7))
        .unwrap();
    other
        .import_json(json.as_bytes(), "copy00000002", at(8))
        .unwrap();
    let log = other.check_log("copy00000001").unwrap();
    assert_eq!(log, ws.check_log(ID).unwrap(), "the same log, once");
    let file = log.checks.iter().find_map(|c| c.file.clone()).unwrap();
    assert_eq!(
        other.evidence_bytes("copy00000001", &file.id).unwrap(),
        b"restored 42 tables\n"
    );
    assert_eq!(
        other
            .observation("copy00000001", today())
            .unwrap()
            .exceptions,
        2
    );

    // Altered bytes are refused before anything is written.
    let tampered = json.replace(
        &value["calendar"]["files"][0]["base64"].as_str().unwrap()[..8],
        "AAAAAAAA",
    );
    let error = workspace(bank())
        .import_json(tampered.as_bytes(), "bad000000001", at(9))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("calendar.files[0]") && error.contains("SHA-256"),
        "{error}"
    );
}
