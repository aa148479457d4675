//! What-if: closing chosen gaps on a copy of the answers, checked against what a consultant would sign and by hand on the method bank.

use soc2_readiness::assessment::{Depth, ReportType};
use soc2_readiness::gaps::{Horizon, Priority};
use soc2_readiness::what_if::{Projection, Selection, project};

use crate::support::{answered, bank, demo_workspace, judged, method_bank, today, with_exception};

fn all_of(priorities: &[Priority]) -> Selection {
    Selection {
        priorities: priorities.to_vec(),
        ..Selection::default()
    }
}

fn named(ids: &[&str]) -> Selection {
    Selection {
        gaps: ids.iter().map(|id| id.to_string()).collect(),
        ..Selection::default()
    }
}

fn demo_projection(selection: &Selection) -> Projection {
    let (ws, id) = demo_workspace("Acme Analytics");
    project(ws.bank(), &ws.evaluation(&id, today()).unwrap(), selection).unwrap()
}

/// Every criterion, category and overall figure, with its name, where `after` is below `before`.
fn lowered(p: &Projection) -> Vec<String> {
    let mut figures = vec![
        ("overall".to_string(), p.overall),
        ("design".to_string(), p.design),
        ("operating".to_string(), p.operating),
    ];
    figures.extend(p.categories.iter().map(|c| (c.name.clone(), c.readiness)));
    figures.extend(p.criteria.iter().map(|c| (c.id.clone(), c.readiness)));
    figures
        .into_iter()
        .filter(|(_, s)| s.after.unwrap_or(0.0) < s.before.unwrap_or(0.0))
        .map(|(name, s)| format!("{name}: {:?} -> {:?}", s.before, s.after))
        .collect()
}

#[test]
fn closing_every_high_gap_raises_readiness_lowers_nothing_and_brings_the_plan_forward() {
    let p = demo_projection(&all_of(&[Priority::High]));
    let highs = p.closed.len();
    assert!(highs > 0, "the demo company has High gaps to close");
    assert!(p.closed.iter().all(|g| g.priority == Priority::High));
    assert_eq!(p.remaining.len(), p.gaps_before - highs);
    // Priority follows from a gap's own answer, impact and the deadline, none of which closing
    // another gap changes: no Medium gap becomes High in its place.
    assert!(p.remaining.iter().all(|g| g.priority != Priority::High));
    assert!(
        p.overall.after.unwrap() > p.overall.before.unwrap(),
        "{:?}",
        p.overall
    );
    assert!(lowered(&p).is_empty(), "lowered: {:#?}", lowered(&p));
    assert!(p.plan_after.remediation_weeks <= p.plan_before.remediation_weeks);
    assert!(p.plan_after.report_date <= p.plan_before.report_date);
}

#[test]
fn all_now_is_all_high_because_the_roadmap_puts_every_high_gap_now() {
    let by_horizon = demo_projection(&Selection {
        horizons: vec![Horizon::Now],
        ..Selection::default()
    });
    let by_priority = demo_projection(&all_of(&[Priority::High]));
    assert_eq!(by_horizon.closed, by_priority.closed);
    assert_eq!(by_horizon.remaining, by_priority.remaining);
}

#[test]
fn closing_nothing_changes_nothing() {
    let (ws, id) = demo_workspace("Acme Analytics");
    let analysis = ws.analysis(&id, today()).unwrap();
    let p = project(
        ws.bank(),
        &ws.evaluation(&id, today()).unwrap(),
        &Selection::default(),
    )
    .unwrap();
    assert!(p.closed.is_empty());
    assert_eq!(p.remaining, analysis.gaps);
    assert_eq!(p.top_remaining, analysis.top);
    assert_eq!(p.plan_after, p.plan_before);
    assert_eq!(p.plan_before, analysis.plan);
    let moved: Vec<String> = [("overall", p.overall), ("design", p.design)]
        .into_iter()
        .chain(p.categories.iter().map(|c| (c.name.as_str(), c.readiness)))
        .chain(p.criteria.iter().map(|c| (c.id.as_str(), c.readiness)))
        .filter(|(_, s)| s.before != s.after)
        .map(|(name, s)| format!("{name}: {s:?}"))
        .collect();
    assert!(moved.is_empty(), "moved: {moved:#?}");
}

#[test]
fn closing_every_gap_reaches_the_ceiling_and_leaves_only_the_audit_itself() {
    let p = demo_projection(&all_of(&[Priority::High, Priority::Medium, Priority::Low]));
    assert_eq!(p.closed.len(), p.gaps_before);
    assert!(p.remaining.is_empty(), "{:?}", p.remaining);
    assert_eq!(p.overall.after, Some(100.0));
    let below: Vec<_> = p
        .criteria
        .iter()
        .filter(|c| c.readiness.after != Some(100.0))
        .collect();
    assert!(below.is_empty(), "{below:?}");
    assert_eq!(p.plan_after.remediation_weeks, 0);
    assert_eq!(p.plan_after.remediation_end, today());
}

#[test]
fn the_stored_assessment_is_not_changed() {
    let (ws, id) = demo_workspace("Acme Analytics");
    let before = ws.record(&id).unwrap();
    let history = ws.history(&id).unwrap().len();
    let p = ws
        .what_if(&id, &all_of(&[Priority::High]), today())
        .unwrap();
    assert!(!p.closed.is_empty());
    assert_eq!(ws.record(&id).unwrap(), before);
    assert_eq!(ws.history(&id).unwrap().len(), history);
    assert_eq!(ws.analysis(&id, today()).unwrap().plan, p.plan_before);
}

/// The method bank's CC3.3 by hand, Type II (target 4): `risk.fraud` operating with a known
/// exception (2.5), `risk.fraud-controls` documented (3, evidence of operation missing).
#[test]
fn an_exception_is_closed_by_resolving_it_and_a_documented_control_by_operating_it() {
    let bank = method_bank();
    let mut record = answered(
        &bank,
        &[
            ("scope.report-type", "type2"),
            ("risk.fraud", "operating"),
            ("risk.fraud-controls", "documented"),
        ],
    );
    with_exception(
        &bank,
        &mut record,
        "risk.fraud",
        "card refunds are not covered",
    );
    let cc3_3 = |p: &Projection| {
        p.criteria
            .iter()
            .find(|c| c.id == "CC3.3")
            .unwrap()
            .readiness
    };
    // Before: 100 x (3 x 2.5/4 + 3 x 3/4) / 6 = 68.75, rounded once to 68.8.
    // Exception resolved: 100 x (3 x 4/4 + 3 x 3/4) / 6 = 87.5.
    let p = project(&bank, &judged(&bank, &record), &named(&["risk.fraud"])).unwrap();
    assert_eq!(
        (cc3_3(&p).before, cc3_3(&p).after),
        (Some(68.8), Some(87.5))
    );
    assert!(p.remaining.iter().all(|g| g.question_id != "risk.fraud"));
    // Both closed: the documented control now operates with evidence, 100%.
    let p = project(
        &bank,
        &judged(&bank, &record),
        &named(&["risk.fraud", "risk.fraud-controls"]),
    )
    .unwrap();
    assert_eq!(cc3_3(&p).after, Some(100.0));
}

#[test]
fn ids_that_are_not_gaps_are_refused_by_name() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("risk.fraud", "operating"),
            ("risk.fraud-controls", "planned"),
        ],
    );
    let error = project(
        &bank,
        &judged(&bank, &record),
        &named(&["risk.fraud-controls", "risk.fruad", "risk.fraud"]),
    )
    .unwrap_err();
    assert_eq!(error.unknown, ["risk.fruad"]);
    assert_eq!(error.not_gaps, ["risk.fraud"]);
    let message = error.to_string();
    assert!(
        message.contains("no question has the id risk.fruad")
            && message.contains("risk.fraud is not in the gap register"),
        "{message}"
    );
}

/// On the quick path, closing a missing foundation does not close the gaps it implied: they are
/// asked again and, until answered, are gaps as unanswered questions, as in the app.
#[test]
fn closing_a_foundation_opens_its_dependents_rather_than_closing_them() {
    let mut ws = crate::support::workspace(bank());
    let id = "quick0000001";
    ws.create_assessment(
        id,
        "Fernleaf Labs",
        ReportType::Type1,
        Depth::Quick,
        crate::support::at(0),
    )
    .unwrap();
    let not_in_place =
        soc2_readiness::assessment::parse_answer_for(ws.bank(), "policy.security-policy", "0")
            .unwrap();
    ws.save_answer(
        id,
        "policy.security-policy",
        not_in_place,
        Default::default(),
        crate::support::at(1),
    )
    .unwrap();
    let record = ws.evaluation(id, today()).unwrap();
    let implied: Vec<&String> = record
        .implied
        .iter()
        .filter(|(_, f)| *f == "policy.security-policy")
        .map(|(q, _)| q)
        .collect();
    assert!(!implied.is_empty());
    let p = project(ws.bank(), &record, &named(&["policy.security-policy"])).unwrap();
    assert_eq!(p.closed.len(), 1);
    for question in implied {
        let gap = p
            .remaining
            .iter()
            .find(|g| &g.question_id == question)
            .unwrap_or_else(|| panic!("{question} is still a gap"));
        assert_eq!((gap.current_level, &gap.implied_by), (None, &None));
    }
}

/// Runs the CLI on `db`; the status code and standard output, or the one error line.
fn cli(db: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .env("SOC2_READINESS_DB", db)
        .args(args)
        .output()
        .unwrap();
    let text = if out.status.success() {
        out.stdout
    } else {
        out.stderr
    };
    (out.status.code(), String::from_utf8(text).unwrap())
}

#[test]
fn the_cli_projects_without_saving_and_refuses_ids_that_are_not_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("what-if.sqlite3");
    let ok = |args: &[&str]| {
        let (code, out) = cli(&db, args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
        out
    };
    let id = ok(&["new", "Kestrel Pay"]).trim().to_string();
    for (question, value) in [
        ("scope.required-categories", "security-only"),
        ("scope.target-date", "2027-10-31"),
        ("change.peer-review", "documented"),
        ("access.sso-mfa", "operating"),
    ] {
        ok(&["answer", &id, question, value]);
    }
    let history = ok(&["history", &id, "--json"]);
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&ok(args)).unwrap() };

    let p = json(&[
        "what-if",
        &id,
        "--all-high",
        "--close",
        "change.peer-review",
        "--json",
    ]);
    let closed = p["closed"].as_array().unwrap();
    assert!(closed.iter().any(|g| g == "change.peer-review"));
    assert_eq!(
        p["gaps"]["before"].as_u64().unwrap() - p["gaps"]["closed"].as_u64().unwrap(),
        p["gaps"]["after"].as_u64().unwrap()
    );
    assert_eq!(
        p["remaining"].as_array().unwrap().len() as u64,
        p["gaps"]["after"].as_u64().unwrap()
    );
    let overall = &p["readiness"]["overall"];
    assert!(
        overall["after"].as_f64() > overall["before"].as_f64(),
        "{overall}"
    );
    assert!(p["readiness"]["categories"][0]["readiness"]["after"].is_number());
    assert!(
        p["plan"]["after"]["report_date"].as_str() <= p["plan"]["before"]["report_date"].as_str()
    );
    let gaps = json(&["gaps", &id, "--json"]);
    assert_eq!(
        gaps["gaps"].as_array().unwrap().len() as u64,
        p["gaps"]["before"].as_u64().unwrap()
    );
    assert_eq!(ok(&["history", &id, "--json"]), history, "nothing saved");

    let text = ok(&["what-if", &id, "--all-now"]);
    for expected in [
        "now -> projected",
        "Security",
        "remediation done",
        "Top remaining gaps",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }

    let (code, line) = cli(&db, &["what-if", &id, "--close", "access.sso-mfa,nope.gap"]);
    assert_eq!(code, Some(1));
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.contains("nope.gap") && line.contains("access.sso-mfa is not in the gap register"),
        "{line}"
    );
    assert_eq!(
        cli(&db, &["what-if", &id]).0,
        Some(2),
        "a selection is required"
    );

    // The report takes the same selection as one list, and refuses what the command refuses.
    let pdf = dir.path().join("proposed plan.pdf");
    let pdf = pdf.to_str().unwrap();
    let printed = ok(&[
        "report",
        &id,
        "--out",
        pdf,
        "--what-if",
        "all-high,change.peer-review",
    ]);
    assert!(printed.starts_with("wrote "), "{printed}");
    let (code, line) = cli(
        &db,
        &["report", &id, "--out", pdf, "--what-if", "all-now,nope.gap"],
    );
    assert_eq!(code, Some(1));
    assert!(line.contains("no question has the id nope.gap"), "{line}");
}
