//! Benchmarks: re-scoring, the whole analysis (scores, gaps, plan), exporting the PDF of a fully answered assessment, saving one answer durably, and listing 500 assessments.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use soc2_readiness::Workspace;
use soc2_readiness::analysis::analyse;
use soc2_readiness::assessment::{AnswerValue, MaturityLevel, ReportType};
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::report::{PageSize, ReportSettings};
use soc2_readiness::scoring::score;
use soc2_readiness::workspace::AnswerDetails;

/// A workspace on a real file with one assessment where every question is answered.
fn fully_answered(path: &std::path::Path) -> Workspace {
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut ws = Workspace::open_with_bank(bundled_bank(), path, Utc::now()).unwrap();
    ws.create_assessment(
        "bench",
        "Bench Ltd",
        ReportType::Type2,
        soc2_readiness::assessment::Depth::Full,
        at,
    )
    .unwrap();
    let scoping = [
        ("scope.sla", "yes"),
        ("scope.sla-kind", "uptime"),
        ("scope.required-categories", "privacy"),
        ("scope.target-date", "2027-06-30"),
        ("scope.observation-period", "6-months"),
        ("scope.transaction-processing", "yes"),
        ("scope.data-kinds", "personal,customer-confidential"),
        ("scope.offices", "yes"),
    ];
    for (question, raw) in scoping {
        let value = soc2_readiness::assessment::parse_answer_for(ws.bank(), question, raw).unwrap();
        ws.save_answer("bench", question, value, AnswerDetails::default(), at)
            .unwrap();
    }
    let ids: Vec<String> = ws
        .bank()
        .control_questions()
        .map(|q| q.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let level = MaturityLevel::try_from((i % 5) as u8).unwrap();
        let details = AnswerDetails {
            note: Some(format!("note for {id}: what we saw in the workshop")),
            ..AnswerDetails::default()
        };
        ws.save_answer("bench", id, AnswerValue::Level(level), details, at)
            .unwrap();
    }
    ws
}

fn engine(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = fully_answered(&dir.path().join("bench.sqlite3"));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let record = ws.evaluation("bench", today).unwrap();
    let bank = ws.bank().clone();

    c.bench_function("rescore_fully_answered", |b| {
        b.iter(|| score(black_box(&bank), black_box(&record)))
    });
    c.bench_function("score_gaps_and_plan", |b| {
        b.iter(|| analyse(black_box(&bank), black_box(&record)))
    });
    c.bench_function("load_record_from_file", |b| {
        b.iter(|| ws.record(black_box("bench")).unwrap())
    });

    let settings = ReportSettings {
        assessor: Some("Bench Advisory".into()),
        page_size: PageSize::A4,
        logo: None,
        generated_at: Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap(),
        today: (Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap()).date_naive(),
    };
    let size = ws.report("bench", &settings).unwrap().bytes.len();
    println!("report_fully_answered: {size} bytes");
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    group.bench_function("export_report_fully_answered", |b| {
        b.iter(|| ws.report(black_box("bench"), &settings).unwrap())
    });
    group.finish();

    let mut minute = 0i64;
    let start = Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap();
    c.bench_function("save_answer_durable", |b| {
        b.iter(|| {
            minute += 1;
            let level = MaturityLevel::try_from((minute % 5) as u8).unwrap();
            ws.save_answer(
                "bench",
                "access.sso-mfa",
                AnswerValue::Level(level),
                AnswerDetails::default(),
                start + chrono::Duration::minutes(minute),
            )
            .unwrap()
        })
    });
}

/// The assessments list with 500 fully answered assessments in one file: the workspace call with
/// figures kept, the same call when every figure must be computed again, and the whole CLI
/// process (`list --json`) a user waits for.
fn list(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.sqlite3");
    let mut ws = fully_answered(&path);
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap();
    for i in 1..500 {
        ws.duplicate("bench", &format!("copy-{i:03}"), None, at)
            .unwrap();
    }
    assert_eq!(
        ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        500
    );
    let mut group = c.benchmark_group("list_500_assessments");
    group.sample_size(20);
    group.bench_function("kept_figures", |b| {
        b.iter(|| {
            ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
                .unwrap()
        })
    });
    let raw = rusqlite::Connection::open(&path).unwrap();
    group.bench_function("all_recomputed", |b| {
        b.iter(|| {
            raw.execute("DELETE FROM assessment_summaries", []).unwrap();
            ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
                .unwrap()
        })
    });
    ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    // The CLI is timed on the file alone, as a user runs it: an open connection would leave a
    // write-ahead log, and a file with one is always checked end to end.
    drop(raw);
    drop(ws);
    let cli_list = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .arg("--db")
            .arg(&path)
            .args(["list", "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout.len()
    };
    let checked_record = dir.path().join("list.sqlite3.checked");
    let drop_figures = || {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute("DELETE FROM assessment_summaries", []).unwrap();
    };
    // Every figure computed and the whole file checked: what each list cost before figures
    // were kept and checks remembered.
    group.bench_function("cli_process_all_recomputed_file_checked", |b| {
        b.iter(|| {
            drop_figures();
            let _ = std::fs::remove_file(&checked_record);
            cli_list()
        })
    });
    // Figures kept, the file changed since its last check (another program wrote to it).
    group.bench_function("cli_process_kept_figures_file_checked", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&checked_record);
            cli_list()
        })
    });
    cli_list();
    assert!(checked_record.exists(), "the CLI records the checked file");
    group.bench_function("cli_process_kept_figures_file_unchanged", |b| {
        b.iter(cli_list)
    });
    group.finish();
}

criterion_group!(benches, engine, list);
criterion_main!(benches);
