//! The calendar, observation and findings read only what they need from the check log: the same results as the whole log, on a generated log with voids, ties and every frequency.

use chrono::{Duration, NaiveDate};
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, MaturityLevel, ReportType, parse_answer_for};
use soc2_readiness::calendar::{CheckResult, calendar, check_log_findings, observation};
use soc2_readiness::scoring::score;
use soc2_readiness::workspace::{AdoptRequest, AnswerDetails, CheckRequest, VoidRequest};

use crate::support::{at, bank, create, workspace};

const ID: &str = "reads0000001";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Every proposed control adopted, three years of runs (passes, failures, runs not done, many on
/// the same day and minute) and about one entry in seven voided.
fn generated() -> (Workspace, NaiveDate) {
    let mut ws = workspace(bank());
    create(&mut ws, ID, "Reads Ltd", ReportType::Type2, at(0));
    for (q, raw) in [
        ("scope.observation-start", "2026-03-15"),
        ("scope.observation-period", "6-months"),
    ] {
        let value = parse_answer_for(ws.bank(), q, raw).unwrap();
        ws.save_answer(ID, q, value, AnswerDetails::default(), at(1))
            .unwrap();
    }
    let questions: Vec<String> = ws
        .bank()
        .control_questions()
        .map(|q| q.id.clone())
        .collect();
    for (n, q) in questions.iter().enumerate() {
        let level = MaturityLevel::try_from(if n % 5 == 0 { 3 } else { 4 }).unwrap();
        ws.save_answer(
            ID,
            q,
            AnswerValue::Level(level),
            AnswerDetails::default(),
            at(1),
        )
        .unwrap();
    }
    let recorded_until = day(2027, 12, 31);
    let templates = ws.bank().recurring_controls.clone();
    let mut rng = Lcg(11);
    let mut ids = Vec::new();
    for (n, t) in templates.iter().enumerate() {
        let request = AdoptRequest {
            control_id: t.id.clone(),
            frequency: t.frequency,
            owner: "Owner".into(),
            first_due: day(2025, 1, 10) + Duration::days(n as i64 * 3),
        };
        ws.adopt_control(ID, &request, at(2)).unwrap();
        // One control with no runs at all, one archived.
        let runs = if n == 0 { 0 } else { 40 };
        for i in 0..runs {
            let on = day(2024, 6, 1) + Duration::days(rng.next(1300) as i64);
            let result = match rng.next(6) {
                0 => CheckResult::Fail,
                1 => CheckResult::NotRun,
                _ => CheckResult::Pass,
            };
            let request = CheckRequest {
                control_id: t.id.clone(),
                performed_on: on,
                result,
                reason: format!("reason {i}"),
                performed_by: "Owner".into(),
                evidence: None,
                file: None,
                sample: None,
            };
            let id = format!("{n}-{i}");
            let minute = rng.next(3) as u32;
            ws.record_check(ID, &id, &request, recorded_until, at(10 + minute))
                .unwrap();
            ids.push(id);
        }
        if n == 1 {
            ws.archive_control(ID, &t.id).unwrap();
        }
    }
    for (i, id) in ids.iter().enumerate() {
        if rng.next(7) == 0 {
            let void = VoidRequest {
                check_id: id.clone(),
                reason: "recorded by mistake".into(),
                performed_by: "Owner".into(),
            };
            let void_id = format!("void-{i}");
            ws.void_check(ID, &void_id, &void, recorded_until, at(20))
                .unwrap();
        }
    }
    (ws, recorded_until)
}

#[test]
fn reading_only_what_is_needed_gives_what_the_whole_log_gives() {
    let (ws, last) = generated();
    let bank = ws.bank().clone();
    let full = ws.check_log(ID).unwrap();
    assert!(full.checks.iter().any(|c| c.voids.is_some()));
    let mut exceptions = 0;
    for today in [
        day(2026, 1, 1),
        day(2026, 3, 15),
        day(2026, 5, 20),
        day(2026, 9, 14),
        day(2026, 12, 1),
        last,
    ] {
        let record = ws.evaluation(ID, today).unwrap();
        let (findings, overdue) = check_log_findings(&bank, &record, &full, today);
        assert_eq!(
            ws.findings(&record, &bank, today).unwrap(),
            (findings.clone(), overdue),
            "{today}"
        );
        assert_eq!(record.findings, findings, "{today}");
        let observed = observation(&bank, &record, &full, today);
        exceptions += observed.exceptions;
        assert_eq!(ws.observation(ID, today).unwrap(), observed, "{today}");
        let applicable = score(&bank, &record)
            .questions
            .iter()
            .filter(|q| q.applicable && !q.not_applicable)
            .map(|q| q.question_id.clone())
            .collect();
        assert_eq!(
            ws.calendar(ID, today).unwrap(),
            calendar(&bank, &applicable, &full, today),
            "{today}"
        );
    }
    assert!(
        exceptions > 0,
        "the generated log has exceptions to compare"
    );
}
