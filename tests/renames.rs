//! What an organisation's rename carries with it: its control calendar, check log and evidence files, beside the registers.

use chrono::NaiveDate;
use soc2_readiness::assessment::ReportType;
use soc2_readiness::calendar::CheckResult;
use soc2_readiness::catalog::Frequency;
use soc2_readiness::workspace::{AdoptRequest, CheckRequest};

use crate::support::{at, bank, create, workspace};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn adopt(ws: &mut soc2_readiness::Workspace, id: &str, control: &str) {
    let request = AdoptRequest {
        control_id: control.into(),
        frequency: Frequency::Quarterly,
        owner: "Dana".into(),
        first_due: day(2026, 3, 31),
    };
    ws.adopt_control(id, &request, at(1)).unwrap();
}

#[test]
fn a_renamed_organisation_keeps_its_calendar_log_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = dir.path().join("restore.txt");
    std::fs::write(&evidence, b"restored 40 GB in 12 minutes").unwrap();
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    adopt(&mut ws, "a1", "restore-test");
    let request = CheckRequest {
        control_id: "restore-test".into(),
        performed_on: day(2026, 3, 30),
        result: CheckResult::Pass,
        reason: String::new(),
        performed_by: "Dana".into(),
        evidence: None,
        file: Some(evidence),
        sample: None,
    };
    ws.record_check("a1", "c1", &request, day(2026, 4, 1), at(2))
        .unwrap();

    ws.rename("a1", "Acme Group", at(3)).unwrap();
    let log = ws.check_log("a1").unwrap();
    assert_eq!(log.controls.len(), 1, "the control came along");
    assert_eq!(log.checks.len(), 1, "and its check");
    let file = log.checks[0]
        .file
        .clone()
        .expect("the check keeps its file");
    assert_eq!(
        ws.evidence_bytes("a1", &file.id).unwrap(),
        b"restored 40 GB in 12 minutes"
    );
}

#[test]
fn a_control_the_new_name_already_keeps_takes_the_moved_checks_into_one_log() {
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    create(&mut ws, "b1", "Acme Group", ReportType::Type2, at(0));
    adopt(&mut ws, "a1", "restore-test");
    adopt(&mut ws, "a1", "access-review");
    adopt(&mut ws, "b1", "restore-test");
    let check = |on: NaiveDate| CheckRequest {
        control_id: "restore-test".into(),
        performed_on: on,
        result: CheckResult::Pass,
        reason: String::new(),
        performed_by: "Dana".into(),
        evidence: Some("ticket".into()),
        file: None,
        sample: None,
    };
    ws.record_check(
        "a1",
        "old",
        &check(day(2026, 3, 30)),
        day(2026, 4, 1),
        at(2),
    )
    .unwrap();
    ws.record_check(
        "b1",
        "new",
        &check(day(2026, 3, 29)),
        day(2026, 4, 1),
        at(2),
    )
    .unwrap();
    // Nothing is refused and nothing drops out of view: both checks sit in one log under the
    // new name, the control it already kept taking the old one's.
    ws.rename("a1", "Acme Group", at(3)).unwrap();
    let mut checks: Vec<String> = ws
        .check_log("b1")
        .unwrap()
        .checks
        .into_iter()
        .map(|c| c.id)
        .collect();
    checks.sort();
    assert_eq!(checks, ["new", "old"]);
    let mut joined: Vec<String> = ws
        .check_log("a1")
        .unwrap()
        .controls
        .into_iter()
        .map(|c| c.control_id)
        .collect();
    joined.sort();
    assert_eq!(joined, ["access-review", "restore-test"]);
}

#[test]
fn a_renamed_organisation_keeps_its_account_exports_and_limits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("members.csv");
    std::fs::write(
        &file,
        "login,role,2fa_enabled,last_active\nops,member,false,2026-03-30\n",
    )
    .unwrap();
    let mut ws = workspace(bank());
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    let request = soc2_readiness::workspace::AccountImportRequest {
        file: &file,
        system: None,
        format: None,
        mapping: Vec::new(),
        taken_on: Some(day(2026, 4, 1)),
        write: true,
    };
    let moment = soc2_readiness::clock::Moment::new(at(1), day(2026, 4, 2));
    ws.import_accounts("a1", &request, moment, || "imp1".into())
        .unwrap();
    ws.set_account_choices("a1", 365, 60, true).unwrap();
    ws.rename("a1", "Acme Group", at(3)).unwrap();
    let view = ws.accounts_view("a1").unwrap();
    assert_eq!(view.imports.len(), 1, "the export came along");
    assert_eq!(view.choices.limits.unused_days, 60, "and the limits");
    assert_eq!(view.review.findings.len(), 2, "ops shared and without MFA");
}
