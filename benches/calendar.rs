//! Benchmarks of the control calendar: 20,000 checks over three years across every proposed control; the calendar load, scoring with the findings, and the PDF, alone and with the registers at full size.

use std::hint::black_box;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, Depth, MaturityLevel, ReportType, parse_answer_for};
use soc2_readiness::calendar::CheckResult;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::report::{PageSize, ReportSettings};
use soc2_readiness::scoring::score;
use soc2_readiness::workspace::{AdoptRequest, AnswerDetails, CheckRequest};

#[path = "programme_data.rs"]
mod programme_data;

fn programme(path: &std::path::Path) -> (Workspace, NaiveDate) {
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut ws = Workspace::open_with_bank(bundled_bank(), path, at).unwrap();
    ws.create_assessment("bench", "Bench Ltd", ReportType::Type2, Depth::Full, at)
        .unwrap();
    for (q, raw) in [
        ("scope.observation-start", "2026-01-01"),
        ("scope.observation-period", "12-months"),
    ] {
        let value = parse_answer_for(ws.bank(), q, raw).unwrap();
        ws.save_answer("bench", q, value, AnswerDetails::default(), at)
            .unwrap();
    }
    let ids: Vec<String> = ws
        .bank()
        .control_questions()
        .map(|q| q.id.clone())
        .collect();
    for id in &ids {
        let level = AnswerValue::Level(MaturityLevel::try_from(4).unwrap());
        ws.save_answer("bench", id, level, AnswerDetails::default(), at)
            .unwrap();
    }
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let templates = ws.bank().recurring_controls.clone();
    for t in &templates {
        let request = AdoptRequest {
            control_id: t.id.clone(),
            frequency: t.frequency,
            owner: "Owner".into(),
            first_due: start + Duration::days(30),
        };
        ws.adopt_control("bench", &request, at).unwrap();
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let per_control = 20_000 / templates.len();
    for (n, t) in templates.iter().enumerate() {
        for i in 0..per_control {
            // Three years of runs, spread evenly; one in nine fails.
            let on = start + Duration::days((i as i64 * 1095) / per_control as i64);
            let result = if (i + n) % 9 == 0 {
                CheckResult::Fail
            } else {
                CheckResult::Pass
            };
            let request = CheckRequest {
                control_id: t.id.clone(),
                performed_on: on,
                result,
                reason: "found one".into(),
                performed_by: "Owner".into(),
                evidence: Some(format!("REF-{i}")),
                file: None,
                sample: None,
            };
            ws.record_check("bench", &format!("{n}-{i}"), &request, today, at)
                .unwrap();
        }
    }
    (ws, today)
}

fn calendar(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (ws, today) = programme(&dir.path().join("bench.sqlite3"));
    println!("checks: {}", ws.check_log("bench").unwrap().checks.len());
    let mut group = c.benchmark_group("calendar");
    group.sample_size(20);
    group.bench_function("calendar_load_20k_checks", |b| {
        b.iter(|| ws.calendar(black_box("bench"), today).unwrap())
    });
    let record = ws.evaluation("bench", today).unwrap();
    let bank = ws.bank().clone();
    println!("findings: {}", record.findings.len());
    group.bench_function("score_with_records", |b| {
        b.iter(|| score(black_box(&bank), black_box(&record)))
    });
    group.bench_function("findings_from_20k_checks", |b| {
        b.iter(|| ws.evaluation(black_box("bench"), today).unwrap())
    });
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: Utc.with_ymd_and_hms(2026, 12, 31, 10, 0, 0).unwrap(),
        today: (Utc.with_ymd_and_hms(2026, 12, 31, 10, 0, 0).unwrap()).date_naive(),
    };
    group.bench_function("report_with_records", |b| {
        b.iter(|| ws.report(black_box("bench"), &settings).unwrap())
    });
    // The whole size the issue names: the same programme also keeping 500 vendors, 200 policies
    // and 1,000 incidents (imported under the same organisation, so they join this programme).
    let mut ws = ws;
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut file: serde_json::Value =
        serde_json::from_str(&ws.export_json("bench", at).unwrap()).unwrap();
    file["registers"] = programme_data::large_registers(at);
    ws.import_json(file.to_string().as_bytes(), "registers", at)
        .unwrap();
    println!("vendors: {}", ws.registers("bench").unwrap().vendors.len());
    group.bench_function("report_with_records_and_registers", |b| {
        b.iter(|| ws.report(black_box("bench"), &settings).unwrap())
    });
    group.bench_function("findings_with_registers", |b| {
        b.iter(|| ws.evaluation(black_box("bench"), today).unwrap())
    });
    group.finish();
}

criterion_group!(benches, calendar);
criterion_main!(benches);
