//! Progress over time: a re-assessment against its baseline, two assessments compared, an organisation's trend.

use std::collections::BTreeSet;

use soc2_readiness::Workspace;
use soc2_readiness::assessment::{ReportType, parse_answer_for};
use soc2_readiness::workspace::AnswerDetails;

use crate::support::{at, bank, create, today};

fn answer(ws: &mut Workspace, id: &str, answers: &[(&str, &str)], minute: u32) {
    for (question, raw) in answers {
        let value = parse_answer_for(ws.bank(), question, raw).unwrap();
        ws.save_answer(id, question, value, AnswerDetails::default(), at(minute))
            .unwrap();
    }
}

fn ids(gaps: &[soc2_readiness::compare::GapChange]) -> BTreeSet<&str> {
    gaps.iter().map(|g| g.question_id.as_str()).collect()
}

/// A 30-person analytics company going for Type II, assessed in the first quarter and again in
/// the second after a quarter of remediation (and one slip: admin MFA lapsed for a new cloud
/// account).
fn harbor() -> (Workspace, &'static str, &'static str) {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    create(&mut ws, "q1", "Harbor Analytics", ReportType::Type2, at(0));
    answer(
        &mut ws,
        "q1",
        &[
            ("scope.data-kinds", "customer-confidential"),
            ("scope.sla", "no"),
            ("access.sso-mfa", "2"),
            ("access.admin-mfa", "4"),
            ("access.deprovisioning", "0"),
            ("access.provisioning", "3"),
            ("risk.register", "2"),
            ("gov.code-of-conduct", "4"),
        ],
        1,
    );
    ws.duplicate("q1", "q2", None, at(20)).unwrap();
    answer(
        &mut ws,
        "q2",
        &[
            ("access.sso-mfa", "4"),
            ("access.deprovisioning", "3"),
            ("access.admin-mfa", "2"),
            ("risk.register", "1"),
            ("gov.security-owner", "4"),
        ],
        21,
    );
    (ws, "q1", "q2")
}

#[test]
fn a_re_assessment_names_what_closed_opened_slipped_and_moved() {
    let (ws, q1, q2) = harbor();
    assert_eq!(ws.baseline_of(q2).unwrap().as_deref(), Some(q1));
    assert_eq!(ws.baseline_of(q1).unwrap(), None);
    let c = ws.compare(q1, q2, today()).unwrap();

    assert_eq!(
        ids(&c.gaps_closed),
        BTreeSet::from(["access.sso-mfa", "gov.security-owner"])
    );
    assert_eq!(ids(&c.gaps_new), BTreeSet::from(["access.admin-mfa"]));
    assert_eq!(ids(&c.gaps_worse), BTreeSet::from(["risk.register"]));
    assert!(ids(&c.gaps_better).contains("access.deprovisioning"));
    assert!(
        !ids(&c.gaps_better).contains("access.provisioning"),
        "unchanged"
    );
    let changed: BTreeSet<&str> = c
        .answers_changed
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    assert_eq!(
        changed,
        BTreeSet::from([
            "access.sso-mfa",
            "access.deprovisioning",
            "access.admin-mfa",
            "risk.register",
            "gov.security-owner"
        ])
    );
    let owner = c
        .answers_changed
        .iter()
        .find(|a| a.question_id == "gov.security-owner")
        .unwrap();
    assert_eq!(owner.before, None, "unanswered in the first quarter");
    assert!(
        owner.after.as_deref().unwrap().starts_with("4 ("),
        "{:?}",
        owner.after
    );

    // Net progress: four improvements against two slips.
    let overall = c.overall.readiness.delta().unwrap();
    assert!(overall > 0.0, "readiness rose, by {overall}");
    assert_eq!(
        c.overall.readiness.after,
        ws.scorecard(q2, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .1
            .overall
            .readiness,
        "the after side is the assessment's own figure"
    );
    let cc6_2 = c.criteria.iter().find(|x| x.id == "CC6.2").unwrap();
    assert!(
        cc6_2.readiness.delta().unwrap() > 0.0,
        "provisioning and removal: {cc6_2:?}"
    );
    assert!(c.notes.is_empty(), "{:?}", c.notes);
}

#[test]
fn an_assessment_compared_with_itself_has_nothing_to_report() {
    let (ws, q1, _) = harbor();
    let c = ws.compare(q1, q1, today()).unwrap();
    assert!(c.gaps_closed.is_empty() && c.gaps_new.is_empty());
    assert!(c.gaps_worse.is_empty() && c.gaps_better.is_empty());
    assert!(c.answers_changed.is_empty());
    assert!(c.criteria.iter().all(|x| !x.readiness.moved()));
    assert_eq!(c.overall.readiness.delta(), Some(0.0));
}

#[test]
fn two_organisations_compare_with_a_warning() {
    let (mut ws, q1, _) = harbor();
    create(&mut ws, "other", "Quayside Ltd", ReportType::Type2, at(3));
    let c = ws.compare(q1, "other", today()).unwrap();
    assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
    assert!(c.notes[0].contains("two organisations"), "{}", c.notes[0]);
}

#[test]
fn the_trend_follows_baselines_through_renames_and_leaves_other_clients_out() {
    let (mut ws, _, q2) = harbor();
    // The third quarter's copy was renamed after a rebrand; its baseline still ties it in.
    ws.duplicate(q2, "q3", Some("Harbor Data Inc."), at(30))
        .unwrap();
    create(&mut ws, "x", "Quayside Ltd", ReportType::Type1, at(25));
    // Another assessment under the original name, started from scratch, belongs too.
    create(
        &mut ws,
        "h0",
        "  harbor   analytics ",
        ReportType::Type1,
        at(10),
    );
    let trend = ws
        .trend("q3", chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    let order: Vec<&str> = trend.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["q1", "h0", q2, "q3"]);
    assert_eq!(
        trend[2].readiness,
        ws.scorecard(q2, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .1
            .overall
            .readiness
    );
    assert_eq!(
        ws.trend("x", chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn deleting_a_baseline_leaves_the_re_assessment_without_one() {
    let (mut ws, q1, q2) = harbor();
    ws.delete(q1).unwrap();
    assert_eq!(ws.baseline_of(q2).unwrap(), None);
    assert_eq!(
        ws.trend(q2, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_baseline_survives_a_json_round_trip_only_where_it_exists() {
    let (mut ws, _, q2) = harbor();
    let json = ws.export_json(q2, at(40)).unwrap();
    let here = ws.import_json(json.as_bytes(), "q2b", at(41)).unwrap();
    assert_eq!(here.baseline.as_deref(), Some("q1"));
    let mut elsewhere = Workspace::in_memory(bank()).unwrap();
    let there = elsewhere
        .import_json(json.as_bytes(), "q2c", at(42))
        .unwrap();
    assert_eq!(there.baseline, None, "no q1 in that file");
}

#[test]
fn an_assessment_on_an_older_bank_is_carried_for_the_comparison_and_left_unchanged() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.2.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let old = "1dca1e63aa9a";
    let stored = ws.record(old).unwrap();
    ws.duplicate(old, "next", None, at(6)).unwrap();
    ws.upgrade("next", at(7))
        .unwrap()
        .expect("the copy is on the older bank");
    let c = ws.compare(old, "next", today()).unwrap();
    assert!(
        c.notes.iter().any(|n| n.contains("carried to bank")),
        "{:?}",
        c.notes
    );
    assert!(c.answers_changed.is_empty(), "{:?}", c.answers_changed);
    assert!(c.gaps_closed.is_empty() && c.gaps_new.is_empty());
    assert_eq!(ws.record(old).unwrap(), stored, "nothing written");
}

/// A comparison judges both sides as the list does, with what the programme's records show on
/// the day: an overdue vendor review moves the figures on both sides, and the comparison's
/// figures equal the list's.
#[test]
fn a_comparison_reads_the_programme_records_as_the_list_does() {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    create(&mut ws, "b1", "Kestrel Pay", ReportType::Type2, at(0));
    answer(
        &mut ws,
        "b1",
        &[("maint.vendor-reviews", "4"), ("access.sso-mfa", "3")],
        1,
    );
    ws.duplicate("b1", "b2", None, at(2)).unwrap();
    answer(&mut ws, "b2", &[("access.sso-mfa", "4")], 3);
    let listed = |ws: &Workspace| -> Vec<Option<f64>> {
        let all = ws.summaries(today()).unwrap();
        ["b1", "b2"]
            .iter()
            .map(|id| {
                all.iter()
                    .find(|s| s.assessment.id == *id)
                    .unwrap()
                    .readiness
            })
            .collect()
    };
    let without_records = listed(&ws);
    let fields: Vec<(String, String)> = [
        ("name", "Cloudhost"),
        ("service", "hosting"),
        ("criticality", "high"),
        ("owner", "Sam"),
        ("last_review", "2025-01-10"),
        ("next_review", "2025-07-10"),
    ]
    .iter()
    .map(|(f, v)| (f.to_string(), v.to_string()))
    .collect();
    let at_day = soc2_readiness::clock::Moment::new(at(4), today());
    ws.add_entry_from_text(
        "b1",
        soc2_readiness::registers::Register::Vendors,
        "v1",
        &fields,
        at_day,
    )
    .unwrap();
    let with_records = listed(&ws);
    assert_ne!(
        with_records, without_records,
        "the overdue review must move the figures"
    );
    let c = ws.compare("b1", "b2", today()).unwrap();
    assert_eq!(
        vec![c.overall.readiness.before, c.overall.readiness.after],
        with_records
    );
}
