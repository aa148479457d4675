//! Bank upgrades: data files and exports made by earlier releases open on today's bank with every answer carried or accounted for.

use std::collections::BTreeSet;

use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, MaturityLevel};
use soc2_readiness::catalog::{Category, ChangeKind, parse_bank};
use soc2_readiness::upgrade::{carry, to_confirm};
use soc2_readiness::workspace::AnswerDetails;

use crate::support::{at, bank};

/// The data file the current release (bank 2026.11.2, schema 3) wrote for a 15-person company:
/// merged, remapped and audit-project questions answered, with notes, owners, an exception,
/// evidence and a scope override.
fn current_release_file() -> (tempfile::TempDir, Workspace) {
    let (dir, path) = crate::support::fixture_copy("release-2026.11.2.sqlite3");
    let ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    (dir, ws)
}

const ID: &str = "1dca1e63aa9a";

fn level(n: u8) -> AnswerValue {
    AnswerValue::Level(MaturityLevel::try_from(n).unwrap())
}

#[test]
fn a_data_file_from_the_current_release_upgrades_with_no_answer_lost() {
    let (_dir, mut ws) = current_release_file();
    let before = ws.record(ID).unwrap();
    assert_eq!(before.assessment.bank_version, "2026.11.2");
    assert_eq!(before.answers.len(), 24);
    let history_before = ws.history(ID).unwrap().len();

    let upgrade = ws
        .upgrade(ID, at(6))
        .unwrap()
        .expect("an older bank is upgraded");
    assert_eq!(
        (upgrade.from_version.as_str(), upgrade.to_version.as_str()),
        ("2026.11.2", ws.bank().version.as_str())
    );
    let after = ws.record(ID).unwrap();
    assert_eq!(after.assessment.bank_version, ws.bank().version);

    // Every answer the file held is still an answer, or a note says where it went.
    let accounted: BTreeSet<&str> = upgrade
        .notes
        .iter()
        .flat_map(|n| n.from.iter().map(String::as_str))
        .collect();
    for (id, answer) in &before.answers {
        let kept = after
            .answers
            .get(id)
            .is_some_and(|a| a.value == answer.value);
        assert!(
            kept || accounted.contains(id.as_str()),
            "{id} was dropped silently"
        );
    }

    // Merged: the lower answer is kept, both notes, the owner and the date travel, and the
    // user is asked to confirm.
    let policy = &after.answers["policy.approval-review"];
    assert_eq!(
        policy.value,
        level(2),
        "informal, the lower of documented and informal"
    );
    let note = policy.note.as_deref().unwrap();
    assert!(note.contains("reviews slipped this year"), "{note}");
    assert!(note.contains("Notion with page history"), "{note}");
    assert_eq!(policy.owner.as_deref(), Some("Sam"));
    assert_eq!(
        policy.due.map(|d| d.to_string()).as_deref(),
        Some("2027-02-28")
    );
    assert!(!after.answers.contains_key("maint.policy-reviews"));
    assert_eq!(after.answers["risk.assessment-process"].value, level(1));
    assert_eq!(
        after.answers["risk.objectives"].value,
        level(2),
        "from audit.commitments"
    );
    let confirm: BTreeSet<&str> = to_confirm(&after)
        .iter()
        .filter_map(|n| n.question_id.as_deref())
        .collect();
    assert_eq!(
        confirm,
        BTreeSet::from([
            "access.sso",
            "access.sso-mfa",
            "maint.capacity-review",
            "policy.approval-review",
            "risk.assessment-process",
            "risk.objectives",
            "vuln.remediation-times"
        ])
    );
    // A carried answer keeps every detail, the exception included (MFA is the part of the
    // split question that keeps its id; the SSO part gets the same answer, to confirm).
    let mfa = &after.answers["access.sso-mfa"];
    let was = &before.answers["access.sso-mfa"];
    assert_eq!(
        (&mfa.value, &mfa.note, &mfa.owner, &mfa.evidence, &mfa.due),
        (&was.value, &was.note, &was.owner, &was.evidence, &was.due)
    );
    assert_eq!(after.answers["access.sso"].exception, mfa.exception);
    assert_eq!(
        mfa.exception.as_deref(),
        Some("two contractors still on passwords")
    );
    assert_eq!(after.scope_overrides, before.scope_overrides);
    // New questions are listed to answer; the audit firm is a task now, outside readiness.
    assert!(
        upgrade.notes.iter().any(|n| n.kind == ChangeKind::Added
            && n.question_id.as_deref() == Some("vendor.ai-services"))
    );
    assert!(ws.bank().question("audit.firm").unwrap().engagement);
    let (_, scorecard) = ws
        .scorecard(ID, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert_eq!(scorecard.tasks.answered, 1);

    // The history keeps the old answers and records every move.
    let history = ws.history(ID).unwrap();
    assert!(history.len() > history_before);
    assert!(
        history[history_before..]
            .iter()
            .any(|e| e.question_id == "maint.policy-reviews" && e.value.is_none())
    );

    // The PDF says what changed and lists the audit project apart from readiness.
    let settings = soc2_readiness::report::ReportSettings {
        assessor: None,
        page_size: soc2_readiness::report::PageSize::A4,
        logo: None,
        generated_at: at(6),
        today: at(6).date_naive(),
    };
    let text: String = ws
        .report(ID, &settings)
        .unwrap()
        .text_boxes()
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Question bank 2026.11.2 to"),
        "the upgrade in Appendix C"
    );
    assert!(text.contains("7 answers carried from merged or split questions are still to confirm"));
    assert!(text.contains("The audit project"));

    // Done once: the upgrade is kept with the assessment, and answering again confirms.
    assert!(ws.upgrade(ID, at(7)).unwrap().is_none());
    ws.save_answer(
        ID,
        "policy.approval-review",
        level(3),
        AnswerDetails::default(),
        at(8),
    )
    .unwrap();
    let record = ws.record(ID).unwrap();
    assert_eq!(record.upgrades.len(), 1);
    assert_eq!(to_confirm(&record).len(), 6);
}

#[test]
fn an_export_from_the_current_release_imports_onto_todays_bank() {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    let bytes = include_bytes!("fixtures/release-2026.11.2.json");
    let imported = ws.import_json(bytes, "imported0002", at(3)).unwrap();
    assert_eq!(imported.bank_version, ws.bank().version);
    let record = ws.record("imported0002").unwrap();
    assert_eq!(record.upgrades.len(), 1);
    assert_eq!(record.upgrades[0].from_version, "2026.11.2");
    assert_eq!(record.answers["policy.approval-review"].value, level(2));
    assert_eq!(to_confirm(&record).len(), 7);
    // The re-export carries the upgrade and imports again unchanged.
    let again = ws.export_json("imported0002", at(4)).unwrap();
    ws.import_json(again.as_bytes(), "imported0003", at(5))
        .unwrap();
    assert_eq!(ws.record("imported0003").unwrap().answers, record.answers);
}

#[test]
fn the_previous_release_file_upgrades_across_two_banks_and_keeps_its_scope_until_answered() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.1.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let id = "682af77f3763";
    let before = ws.record(id).unwrap();
    let upgrade = ws.upgrade(id, at(6)).unwrap().unwrap();
    assert_eq!(upgrade.from_version, "2026.11.1");
    let after = ws.record(id).unwrap();
    // One of its questions was split (single sign-on apart from MFA): the answer is carried to
    // both parts, to confirm; every other answer is as it was.
    let mut expected = before.answers.clone();
    let mut sso = expected["access.sso-mfa"].clone();
    sso.question_id = "access.sso".into();
    expected.insert("access.sso".into(), sso);
    assert_eq!(after.answers.len(), expected.len());
    for (id, answer) in &after.answers {
        let want = &expected[id];
        assert_eq!(
            (&answer.value, &answer.note, &answer.owner, &answer.evidence),
            (&want.value, &want.note, &want.owner, &want.evidence),
            "{id}"
        );
    }
    assert!(upgrade.notes.iter().any(|n| n.kind == ChangeKind::Added
        && n.question_id.as_deref() == Some("scope.required-categories")));
    // Started on 2026.11.1: the categories the earlier method proposed stay in scope until the
    // new scoping questions are answered, upgrade or not.
    let (_, scorecard) = ws
        .scorecard(id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    let privacy = scorecard
        .scope
        .iter()
        .find(|d| d.category == Category::Privacy)
        .unwrap();
    assert_eq!(privacy.proposal, soc2_readiness::scope::Proposal::Carried);
    assert!(scorecard.method_note.unwrap().contains("2026.11.1"));
}

/// The rules on a bank of our own: renamed, split, removed, and an answer the new question
/// cannot take.
#[test]
fn renamed_split_and_removed_questions_are_carried_or_recorded() {
    let mut files = soc2_readiness::catalog::bundled_files();
    let edit = |files: &mut Vec<(String, String)>, name: &str, from: &str, to: &str| {
        let file = files.iter_mut().find(|(n, _)| n == name).unwrap();
        assert!(file.1.contains(from), "{from}");
        file.1 = file.1.replacen(from, to, 1);
    };
    let current = bank().version.clone();
    edit(
        &mut files,
        "bank.toml",
        &format!("version = \"{current}\""),
        "version = \"2099.1.1\"",
    );
    edit(
        &mut files,
        "questions/step-2-risks.toml",
        "id = \"gov.org-chart\"",
        "id = \"gov.organisation-chart\"",
    );
    let changelog = files
        .iter_mut()
        .find(|(n, _)| n == "changelog.toml")
        .unwrap();
    changelog.1.push_str(
        r#"
[[release]]
version = "2099.1.1"
summary = "A test release."

[[release.change]]
kind = "renamed"
from = ["gov.org-chart"]
to = ["gov.organisation-chart"]
note = "Renamed."

[[release.change]]
kind = "split"
from = ["access.sso-mfa"]
to = ["access.sso-mfa", "access.admin-mfa"]
note = "Split in two."

[[release.change]]
kind = "removed"
from = ["risk.insurance"]
note = "Insurance is a business decision, not a control."
"#,
    );
    let test_bank = parse_bank(&files).unwrap();
    let mut ws = Workspace::in_memory(bank()).unwrap();
    let (_, id) = (
        (),
        ws.create_assessment(
            "t1",
            "Test",
            soc2_readiness::assessment::ReportType::Type2,
            soc2_readiness::assessment::Depth::Full,
            at(0),
        )
        .unwrap()
        .id,
    );
    for (q, n) in [
        ("gov.org-chart", 3),
        ("access.sso-mfa", 2),
        ("risk.insurance", 1),
    ] {
        ws.save_answer(&id, q, level(n), AnswerDetails::default(), at(1))
            .unwrap();
    }
    // An answer the bank no longer knows at all.
    let mut answers = ws.record(&id).unwrap().answers;
    let mut stray = answers["risk.insurance"].clone();
    stray.question_id = "gone.question".into();
    answers.insert("gone.question".into(), stray);

    let carried = carry(&test_bank, &current, &answers, at(2)).unwrap();
    assert_eq!(carried.answers["gov.organisation-chart"].value, level(3));
    assert!(!carried.answers.contains_key("gov.org-chart"));
    assert_eq!(carried.answers["access.sso-mfa"].value, level(2));
    assert_eq!(carried.answers["access.admin-mfa"].value, level(2));
    assert!(!carried.answers.contains_key("risk.insurance"));
    assert!(!carried.answers.contains_key("gone.question"));
    let removed: Vec<&str> = carried
        .upgrade
        .notes
        .iter()
        .filter(|n| n.kind == ChangeKind::Removed)
        .flat_map(|n| n.from.iter().map(String::as_str))
        .collect();
    assert_eq!(removed, ["risk.insurance", "gone.question"]);
    let split: Vec<bool> = carried
        .upgrade
        .notes
        .iter()
        .filter(|n| n.kind == ChangeKind::Split)
        .map(|n| n.confirm)
        .collect();
    assert_eq!(split, [true, true]);
    assert!(
        carried
            .history
            .iter()
            .any(|e| e.question_id == "risk.insurance" && e.value.is_none())
    );
}

/// A data file written by the release before this one (bank 2026.11.4, schema 9): Lumenform's
/// answers imported, one more exception and a vendor added with that build. It migrates,
/// keeps every answer and record, upgrades to today's bank, and says why figures moved.
#[test]
fn the_release_before_live_exposures_migrates_keeps_everything_and_says_what_changed() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.4-schema9.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let id = "ce6a52cf3264";
    let before = ws.record(id).unwrap();
    assert_eq!(before.assessment.bank_version, "2026.11.4");
    assert_eq!(before.answers.len(), 181);
    let sms = &before.answers["access.sso-mfa"];
    assert_eq!(
        sms.exception.as_deref(),
        Some("SMS 2-step still allowed for 3 people")
    );
    assert!(
        !sms.live_exposure && !sms.repeat_finding,
        "new flags start off"
    );
    let history = ws.history(id).unwrap().len();
    let upgrade = ws.upgrade(id, at(6)).unwrap().expect("an older bank");
    assert!(
        upgrade.notes.iter().any(|n| n.kind == ChangeKind::Added
            && n.question_id.as_deref() == Some("scope.readiness-time"))
    );
    let after = ws.record(id).unwrap();
    for (question, answer) in &before.answers {
        assert_eq!(
            after.answers.get(question).map(|a| &a.value),
            Some(&answer.value),
            "{question} kept"
        );
    }
    assert!(ws.history(id).unwrap().len() >= history);
    let registers = ws.registers(id).unwrap();
    assert_eq!(registers.vendors.len(), 1, "the vendor the old build added");
    // The uptime SLA made Availability needed before; now it is worth discussing, and the
    // note says why the figures moved.
    let (_, scorecard) = ws
        .scorecard(id, chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        .unwrap();
    let availability = scorecard
        .scope
        .iter()
        .find(|d| d.category == Category::Availability)
        .unwrap();
    assert_eq!(
        availability.proposal,
        soc2_readiness::scope::Proposal::WorthDiscussing
    );
    assert!(!availability.in_scope);
    assert!(scorecard.method_note.unwrap().contains("Since 2026.12.1"));
}
