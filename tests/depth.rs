//! The quick path: a missing foundation stands for the questions built on it, honestly scored, grouped, reversible and recorded.

use soc2_readiness::Workspace;
use soc2_readiness::assessment::{Depth, ReportType, parse_answer_for};
use soc2_readiness::workspace::AnswerDetails;

use crate::support::{at, bank, today};

/// Scoping of a six-person, remote, cloud-hosted SaaS whose customers ask only for Security.
const SECURITY_ONLY_STARTUP: &[(&str, &str)] = &[
    ("scope.required-categories", "security-only"),
    ("scope.existing-report", "none"),
    ("scope.report-type", "type1"),
    ("scope.target-date", "2027-06-30"),
    ("scope.company-stage", "1-10"),
    ("scope.data-kinds", "customer-confidential"),
    ("scope.transaction-processing", "no"),
    ("scope.sla", "no"),
    ("scope.uptime-critical", "no"),
    ("scope.confidentiality-clauses", "no"),
    ("scope.privacy-notice", "no"),
    ("scope.offices", "no"),
    ("scope.hosting", "aws"),
    ("scope.remote-work", "yes"),
];

fn startup(depth: Depth) -> (Workspace, String) {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    let id = "fernleaf0001".to_string();
    ws.create_assessment(&id, "Fernleaf Labs", ReportType::Type1, depth, at(0))
        .unwrap();
    for (question, raw) in SECURITY_ONLY_STARTUP {
        answer(&mut ws, &id, question, raw, 1);
    }
    (ws, id)
}

fn answer(ws: &mut Workspace, id: &str, question: &str, raw: &str, minute: u32) {
    let value = parse_answer_for(ws.bank(), question, raw)
        .unwrap_or_else(|e| panic!("{question} = {raw}: {e}"));
    ws.save_answer(id, question, value, AnswerDetails::default(), at(minute))
        .unwrap_or_else(|e| panic!("{question} = {raw}: {e}"));
}

/// The applicable control questions and audit-project tasks still open on the assessment's
/// path, in bank order.
fn still_asked(ws: &Workspace, id: &str) -> Vec<String> {
    let (_, scorecard) = ws
        .scorecard(id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    ws.bank()
        .control_questions()
        .zip(&scorecard.questions)
        // Implied answers are not asked; "don't know" is an answer, though never counted as one.
        .filter(|(_, state)| {
            state.applicable && !state.answered && !state.implied && !state.unknown
        })
        .map(|(question, _)| question.id.clone())
        .collect()
}

/// How a founder with nothing formal answers: a few things done informally (code goes through
/// GitHub pull requests, Google sign-in with MFA, cloud defaults for encryption), a policy and
/// a risk assessment planned, everything else not in place.
fn nothing_formal(question: &str) -> &'static str {
    match question {
        "change.tracked-changes"
        | "change.peer-review"
        | "access.sso-mfa"
        | "crypto.at-rest"
        | "crypto.in-transit"
        | "access.unique-accounts"
        | "continuity.backups" => "informal",
        "policy.security-policy" | "risk.assessment-process" | "gov.security-owner" => "planned",
        _ => "not-in-place",
    }
}

/// Answers every question the path still asks, as the founder would, and counts the answers.
fn answer_until_done(ws: &mut Workspace, id: &str, how: fn(&str) -> &'static str) -> usize {
    let mut given = 0;
    loop {
        let open = still_asked(ws, id);
        let Some(next) = open.first() else {
            return given;
        };
        answer(ws, id, next, how(next), 2);
        given += 1;
        assert!(given < 400, "the questionnaire never ends");
    }
}

#[test]
fn a_founder_with_nothing_formal_is_done_in_at_most_sixty_answers_with_every_gap_kept() {
    let (mut quick, id) = startup(Depth::Quick);
    let asked = answer_until_done(&mut quick, &id, nothing_formal);
    let (mut full, full_id) = startup(Depth::Full);
    let asked_full = answer_until_done(&mut full, &full_id, nothing_formal);
    // Sixty, and one more since bank 2026.12.1 asks everyone whether what customers are told
    // is checked against practice (risk.customer-claims).
    assert!(
        asked <= 61,
        "the quick path asked {asked} control questions (full depth: {asked_full})"
    );
    assert!(asked_full >= 120, "full depth asked only {asked_full}");

    let analysis = quick.analysis(&id, today()).unwrap();
    let overall = &analysis.scorecard.overall;
    // Nothing is left to ask; completion counts only the answers given, the implied ones
    // stand beside it (issue 21: completion never counts implied answers as answered).
    assert_eq!(
        overall.unanswered, 0,
        "the quick path ends with nothing to ask"
    );
    assert_eq!(overall.answered + overall.implied, overall.applicable);
    assert!(overall.implied > 0);
    assert_eq!(
        overall.completion,
        Some((1000.0 * overall.answered as f64 / overall.applicable as f64).round() / 10.0)
    );
    assert!(overall.readiness.unwrap() < 20.0, "{:?}", overall.readiness);
    let reference = full.analysis(&full_id, today()).unwrap();
    assert!(
        analysis.gaps.len() >= reference.gaps.len(),
        "quick {} gaps, full {} gaps",
        analysis.gaps.len(),
        reference.gaps.len()
    );
    // Same method on both paths, and an implied answer never reads better than the answer
    // the founder gives when asked: the quick path is never the rosier one.
    let (q, f) = (
        overall.readiness.unwrap(),
        reference.scorecard.overall.readiness.unwrap(),
    );
    assert!(q <= f, "quick {q:.1}%, full {f:.1}%");
    eprintln!(
        "quick path: {asked} answers, readiness {q:.1}%; full depth: {asked_full} answers, readiness {f:.1}%; gaps {} and {}",
        analysis.gaps.len(),
        reference.gaps.len()
    );

    // Grouped: every implied gap comes right after its foundation's gap or a sibling.
    let implied = analysis
        .gaps
        .iter()
        .filter(|g| g.implied_by.is_some())
        .count();
    assert!(implied >= 50, "only {implied} gaps are implied");
    let is_gap = |id: &str| analysis.gaps.iter().any(|g| g.question_id == id);
    for (i, gap) in analysis.gaps.iter().enumerate() {
        // A foundation that is an audit-project task has no row to follow.
        if let Some(base) = gap.implied_by.as_ref().filter(|b| is_gap(b)) {
            let before = &analysis.gaps[i - 1];
            assert!(
                before.question_id == *base || before.implied_by.as_deref() == Some(base),
                "{} is not grouped under {base}",
                gap.question_id
            );
        }
    }
    // The first things to fix are asked questions; an implied gap hides behind its foundation.
    for top in &analysis.top {
        let gap = analysis
            .gaps
            .iter()
            .find(|g| &g.question_id == top)
            .unwrap();
        assert!(gap.implied_by.is_none(), "{top} is implied");
    }
    let policy = analysis
        .gaps
        .iter()
        .find(|g| g.question_id == "policy.policy-set")
        .unwrap();
    assert_eq!(policy.implied_by.as_deref(), Some("policy.security-policy"));
    assert_eq!(
        policy.current_level,
        Some(0),
        "a planned policy does not make the policy set planned"
    );
    assert!(
        !policy.remediation.is_empty(),
        "its own remediation is kept"
    );
}

#[test]
fn a_mature_programme_still_answers_every_question_on_the_quick_path() {
    let (mut ws, id) = startup(Depth::Quick);
    let asked = answer_until_done(&mut ws, &id, |_| "documented");
    let record = ws.evaluation(&id, today()).unwrap();
    assert!(record.implied.is_empty());
    let (_, scorecard) = ws
        .scorecard(&id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert_eq!(
        asked,
        scorecard.overall.applicable + scorecard.tasks.applicable,
        "every control question and every audit-project task"
    );
    assert!(asked >= 120, "{asked}");
}

#[test]
fn writing_the_missing_foundation_brings_its_dependents_back_unanswered_and_the_history_says_so() {
    let (mut ws, id) = startup(Depth::Quick);
    answer(&mut ws, &id, "policy.security-policy", "not-in-place", 2);
    answer(&mut ws, &id, "people.policy-acceptance", "informal", 3);
    let record = ws.evaluation(&id, today()).unwrap();
    assert_eq!(
        record.implied.get("policy.policy-set").map(String::as_str),
        Some("policy.security-policy")
    );
    assert!(
        !record.implied.contains_key("people.policy-acceptance"),
        "an answer given wins over an implied one"
    );
    assert!(!still_asked(&ws, &id).contains(&"policy.policy-set".to_string()));

    answer(&mut ws, &id, "policy.security-policy", "documented", 4);
    let record = ws.evaluation(&id, today()).unwrap();
    assert!(record.implied.is_empty());
    assert!(!record.answers.contains_key("policy.policy-set"));
    assert_eq!(
        record.answers["people.policy-acceptance"].value,
        parse_answer_for(ws.bank(), "people.policy-acceptance", "informal").unwrap()
    );
    let open = still_asked(&ws, &id);
    assert!(
        open.contains(&"policy.policy-set".to_string()),
        "asked again"
    );

    let history = ws.history(&id).unwrap();
    let of_policy_set: Vec<_> = history
        .iter()
        .filter(|e| e.question_id == "policy.policy-set")
        .collect();
    assert_eq!(of_policy_set.len(), 2, "{of_policy_set:?}");
    assert!(of_policy_set[0].value.is_some());
    assert_eq!(
        of_policy_set[0].implied_by.as_deref(),
        Some("policy.security-policy")
    );
    assert!(of_policy_set[1].value.is_none(), "open again, never 'fine'");
    assert_eq!(of_policy_set[1].changed_at, at(4));
}

#[test]
fn deepening_asks_what_was_implied_and_loses_no_answer() {
    let (mut ws, id) = startup(Depth::Quick);
    answer_until_done(&mut ws, &id, nothing_formal);
    let quick = ws.evaluation(&id, today()).unwrap();
    let given: Vec<String> = quick
        .answers
        .keys()
        .filter(|q| !quick.implied.contains_key(*q))
        .cloned()
        .collect();
    // The stored record holds only what was given; the implied answers live in the evaluation.
    let stored = ws.record(&id).unwrap();
    assert!(!quick.implied.is_empty());
    assert_eq!(stored.answers.keys().cloned().collect::<Vec<_>>(), given);
    assert_eq!(quick.given(), stored);

    ws.set_depth(&id, Depth::Full, at(5)).unwrap();
    let deep = ws.evaluation(&id, today()).unwrap();
    assert_eq!(deep.assessment.depth, Depth::Full);
    assert!(deep.implied.is_empty());
    assert_eq!(deep.answers.keys().cloned().collect::<Vec<_>>(), given);
    assert_eq!(still_asked(&ws, &id).len(), quick.implied.len());
    let (_, scorecard) = ws
        .scorecard(&id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert!(scorecard.overall.completion.unwrap() < 60.0);

    // Back to quick: the same answers are implied again, and the history has both moves.
    ws.set_depth(&id, Depth::Quick, at(6)).unwrap();
    assert_eq!(ws.evaluation(&id, today()).unwrap().implied, quick.implied);
    let history = ws.history(&id).unwrap();
    let released = history
        .iter()
        .filter(|e| e.changed_at == at(5) && e.implied_by.is_some() && e.value.is_none())
        .count();
    assert_eq!(released, quick.implied.len());
}

#[test]
fn the_depth_travels_in_exports_and_older_files_open_at_full_depth() {
    let (mut ws, id) = startup(Depth::Quick);
    answer(&mut ws, &id, "incident.plan", "not-in-place", 2);
    let json = ws.export_json(&id, at(3)).unwrap();
    let exported: serde_json::Value = serde_json::from_str(&json).unwrap();
    let answers = exported["answers"].as_array().unwrap();
    assert!(
        answers
            .iter()
            .all(|a| a["question_id"] != "incident.exercises"),
        "implied answers are not exported as answers"
    );
    let copy = ws
        .import_json(json.as_bytes(), "copy00000001", at(4))
        .unwrap();
    assert_eq!(copy.depth, Depth::Quick);
    assert_eq!(
        ws.evaluation("copy00000001", today()).unwrap().implied,
        ws.evaluation(&id, today()).unwrap().implied
    );

    let mut older: serde_json::Value = serde_json::from_str(&json).unwrap();
    let named = older["assessment"].as_object_mut().unwrap().remove("depth");
    assert_eq!(named, Some("quick".into()), "the export names the depth");
    let older = older.to_string();
    let old = ws
        .import_json(older.as_bytes(), "older0000001", at(5))
        .unwrap();
    assert_eq!(old.depth, Depth::Full);
}
