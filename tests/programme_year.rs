//! A small company's programme kept for a year: registers and check log together, judged as a Type II auditor would read them.

use chrono::{NaiveDate, TimeZone, Utc};
use soc2_readiness::Workspace;
use soc2_readiness::assessment::parse_answer_for;
use soc2_readiness::findings::{Effect, Source};
use soc2_readiness::registers::{Incident, Policy, Vendor, from_fields, set_fields};
use soc2_readiness::report::{PageSize, ReportSettings};
use soc2_readiness::workspace::AnswerDetails;

use crate::calendar::{ID, acme_year};
use crate::support::{at, moment};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the board pack is prepared: mid-December, two weeks before the window closes.
fn today() -> NaiveDate {
    day(2026, 12, 15)
}

fn fields(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect()
}

/// Acme's year (`tests/calendar.rs`: a failed leaver check in May, the third-quarter access
/// review never run) plus what its registers hold: the hosting provider reviewed in February
/// and due again in August (never done), a mailer reviewed on time, the security policy
/// approved and acknowledged by all twelve, a phishing incident closed with its review, and a
/// leaked API key resolved in August whose post-incident review never happened.
fn acme_programme() -> Workspace {
    let mut ws = acme_year();
    for q in [
        "maint.vendor-reviews",
        "incident.post-incident-review",
        "policy.approval-review",
    ] {
        let value = parse_answer_for(ws.bank(), q, "4").unwrap();
        ws.save_answer(ID, q, value, AnswerDetails::default(), at(4))
            .unwrap();
    }
    let hosting: Vendor = from_fields(&fields(&[
        ("name", "Cloudhost"),
        ("service", "hosting of the production system"),
        ("criticality", "critical"),
        ("subservice", "carve_out"),
        ("personal_data", "yes"),
        ("report", "soc2_type2"),
        ("report_period_end", "2026-06-30"),
        ("report_opinion", "unqualified"),
        ("confidentiality_clause", "yes"),
        ("breach_notice_clause", "yes"),
        ("dpa", "yes"),
        ("owner", "Dana"),
        ("last_review", "2026-02-01"),
        ("next_review", "2026-08-01"),
    ]))
    .unwrap();
    ws.add_entry(ID, "v-cloudhost", hosting, moment(5)).unwrap();
    let mailer: Vendor = from_fields(&fields(&[
        ("name", "Postbox"),
        ("service", "transactional email"),
        ("criticality", "low"),
        ("owner", "Dana"),
        ("last_review", "2026-10-01"),
        ("next_review", "2027-10-01"),
    ]))
    .unwrap();
    ws.add_entry(ID, "v-postbox", mailer, moment(5)).unwrap();
    let policy: Policy = from_fields(&fields(&[
        ("title", "Information security policy"),
        ("version", "1.0"),
        ("owner", "Dana"),
        ("staff", "12"),
        ("acknowledged", "12"),
    ]))
    .unwrap();
    ws.add_entry(ID, "p-infosec", policy, moment(6)).unwrap();
    ws.approve_policy(ID, "p-infosec", "1.0", "Board", day(2026, 1, 15), moment(7))
        .unwrap();
    let phishing: Incident = from_fields(&fields(&[
        ("title", "Phishing email clicked"),
        ("detected_on", "2026-03-02"),
        ("severity", "low"),
        (
            "what_happened",
            "A staff member entered credentials on a fake login page.",
        ),
        (
            "containment",
            "Password reset and sessions revoked within the hour.",
        ),
        ("contained_on", "2026-03-02"),
        (
            "resolution",
            "Account checked; no access by the attacker found.",
        ),
        ("resolved_on", "2026-03-03"),
        (
            "root_cause",
            "No phishing-resistant MFA on the identity provider.",
        ),
        ("reviewed_on", "2026-03-10"),
        ("review_actions", "Roll out security keys to all staff."),
        ("owner", "Dana"),
    ]))
    .unwrap();
    ws.add_entry(ID, "i-phishing", phishing, moment(8)).unwrap();
    ws.add_entry(ID, "i-key", leaked_key(None), moment(8))
        .unwrap();
    ws
}

fn leaked_key(reviewed_on: Option<&str>) -> Incident {
    let mut list = vec![
        ("title", "Leaked API key"),
        ("detected_on", "2026-08-10"),
        ("severity", "high"),
        (
            "what_happened",
            "A production API key was pushed to a public repository.",
        ),
        ("containment", "Key revoked and rotated."),
        ("contained_on", "2026-08-10"),
        ("resolution", "Access logs checked for the exposure window."),
        ("resolved_on", "2026-08-12"),
        ("root_cause", "No secret scanning before push."),
        ("owner", "Dana"),
    ];
    if let Some(on) = reviewed_on {
        list.push(("reviewed_on", on));
        list.push(("review_actions", "Secret scanning in CI and pre-commit."));
    }
    from_fields(&fields(&list)).unwrap()
}

#[test]
fn the_records_speak_against_the_answers_that_claim_operation() {
    let ws = acme_programme();
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
    // Claimed operating; the records show otherwise.
    assert_eq!(state("maint.access-reviews").effective_level(), 2.5);
    assert_eq!(state("maint.vendor-reviews").effective_level(), 2.5);
    assert_eq!(
        state("incident.post-incident-review").effective_level(),
        2.5
    );
    // Claimed operating, and the records bear it out.
    assert_eq!(state("maint.restore-tests").effective_level(), 4.0);
    assert_eq!(state("policy.approval-review").effective_level(), 4.0);

    let record = ws.evaluation(ID, today()).unwrap();
    let sources = |q: &str| -> Vec<Source> {
        record
            .findings
            .iter()
            .filter(|f| f.question_id == q && f.effect == Effect::KnownException)
            .map(|f| f.source)
            .collect()
    };
    assert!(sources("maint.vendor-reviews").contains(&Source::Vendors));
    assert!(sources("incident.post-incident-review").contains(&Source::Incidents));
    assert!(sources("maint.access-reviews").contains(&Source::CheckLog));
    let named = |q: &str, name: &str| {
        record
            .findings
            .iter()
            .any(|f| f.question_id == q && f.detail.contains(name))
    };
    assert!(named("maint.vendor-reviews", "Cloudhost"));
    assert!(named("incident.post-incident-review", "Leaked API key"));
    assert!(
        !named("maint.vendor-reviews", "Postbox"),
        "reviewed on time"
    );
    assert!(
        !named("incident.post-incident-review", "Phishing"),
        "reviewed"
    );

    // What leadership reads first: the review overdue inside the window, then the other
    // exceptions, all High.
    let first = &analysis.gaps[0];
    assert_eq!(first.question_id, "maint.access-reviews", "{first:?}");
    assert!(first.urgent && first.overdue);
    for q in ["maint.vendor-reviews", "incident.post-incident-review"] {
        let gap = analysis.gaps.iter().find(|g| g.question_id == q).unwrap();
        assert!(gap.exception.is_some(), "{gap:?}");
    }
}

#[test]
fn closing_the_review_lifts_the_score_and_the_list_figures_follow() {
    let mut ws = acme_programme();
    let listed = |ws: &Workspace| ws.summaries(today()).unwrap()[0].readiness.unwrap();
    let (_, before) = ws.scorecard(ID, today()).unwrap();
    assert_eq!(listed(&ws), before.overall.readiness.unwrap());
    // Kept figures are reused the same day...
    assert_eq!(listed(&ws), before.overall.readiness.unwrap());
    // ...until a register entry changes: the review is held and recorded.
    ws.edit_entry(ID, "i-key", leaked_key(Some("2026-10-20")), moment(9))
        .unwrap();
    let (_, after) = ws.scorecard(ID, today()).unwrap();
    assert!(
        after.overall.readiness.unwrap() > before.overall.readiness.unwrap(),
        "{before:?} -> {after:?}"
    );
    assert_eq!(listed(&ws), after.overall.readiness.unwrap());
    let state = after
        .questions
        .iter()
        .find(|q| q.question_id == "incident.post-incident-review")
        .unwrap();
    assert_eq!(state.effective_level(), 4.0);
}

#[test]
fn the_report_tells_the_same_story_in_its_registers_and_timelines() {
    let mut ws = acme_programme();
    let postbox = ws.register_entry::<Vendor>(ID, "v-postbox").unwrap().record;
    let postbox = set_fields(
        &postbox,
        &fields(&[("service", "transactional email (receipts)")]),
    )
    .unwrap();
    ws.edit_entry(ID, "v-postbox", postbox, moment(10)).unwrap();
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: Utc.with_ymd_and_hms(2026, 12, 15, 9, 0, 0).unwrap(),
        today: (Utc.with_ymd_and_hms(2026, 12, 15, 9, 0, 0).unwrap()).date_naive(),
    };
    let report = ws.report(ID, &settings).unwrap();
    crate::report::assert_clean_layout(&report);
    let text = crate::report::all_text(&report.text_boxes());
    for expected in [
        "Observation period",
        "2 exceptions (failed or missed runs)",
        "User access review, due 30 Sep 2026: no run recorded.",
        "Registers",
        "Cloudhost",
        "Leaked API key",
    ] {
        assert!(text.contains(expected), "missing '{expected}'");
    }
}
