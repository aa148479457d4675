//! Benchmarks of the registers at a large programme's size (500 vendors, 200 policies, 1,000 incidents, 2,000 people): each list as the app and CLI ask for it, the whole `vendors ID list --json` process, and the PDF.

use std::hint::black_box;
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{Depth, ReportType};
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::registers::{Incident, Person, Policy, Query, Vendor};
use soc2_readiness::report::{PageSize, ReportSettings};

#[path = "programme_data.rs"]
mod programme_data;

/// A data file holding one assessment whose programme has the sizes the issue names, written in
/// one import (one transaction) rather than 1,700 durable saves.
fn large_programme(path: &std::path::Path) -> (Workspace, DateTime<Utc>) {
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut ws = Workspace::open_with_bank(bundled_bank(), path, at).unwrap();
    ws.create_assessment("seed", "Bench Ltd", ReportType::Type2, Depth::Full, at)
        .unwrap();
    let mut file: Value = serde_json::from_str(&ws.export_json("seed", at).unwrap()).unwrap();
    file["registers"] = programme_data::large_registers(at);
    // 2,000 people: every one judged against the company's limits and the 200 policies'
    // versions, and every policy counted from them.
    let day = |n: i64| {
        (chrono::NaiveDate::from_ymd_opt(2022, 1, 3).unwrap() + chrono::Duration::days(n))
            .to_string()
    };
    file["registers"]["people"] = (0..2000)
        .map(|i: i64| {
            serde_json::json!({ "id": format!("p{i:05}"), "created_at": at, "updated_at": at, "record": {
                "name": format!("Person {i}"), "role": "Engineer", "kind": if i % 7 == 0 { "contractor" } else { "employee" },
                "start": day(i / 2), "end": if i % 9 == 0 { Value::from(day(i / 2 + 300)) } else { Value::Null },
                "training": "completed", "trained_on": day(i / 2 + 10), "policies_acknowledged": day(i / 2 + 5),
                "agreement": i % 3 == 0,
            }})
        })
        .collect();
    ws.import_json(file.to_string().as_bytes(), "bench", at)
        .unwrap();
    (ws, at)
}

fn registers(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registers.sqlite3");
    let (ws, at) = large_programme(&path);
    let today = at.date_naive();
    let query = Query::default();
    assert_eq!(
        ws.register_list::<Vendor>("bench", &query, today)
            .unwrap()
            .len(),
        500
    );
    c.bench_function("registers/list 500 vendors", |b| {
        b.iter(|| black_box(ws.register_list::<Vendor>("bench", &query, today).unwrap()))
    });
    c.bench_function("registers/list 2,000 people", |b| {
        b.iter(|| black_box(ws.register_list::<Person>("bench", &query, today).unwrap()))
    });
    c.bench_function("registers/list 200 policies", |b| {
        b.iter(|| black_box(ws.register_list::<Policy>("bench", &query, today).unwrap()))
    });
    c.bench_function("registers/list 1,000 incidents", |b| {
        b.iter(|| {
            black_box(
                ws.register_list::<Incident>("bench", &query, today)
                    .unwrap(),
            )
        })
    });
    let searched = Query {
        search: Some("phishing 12".into()),
        sort: Some("severity".into()),
        ..Query::default()
    };
    c.bench_function("registers/search and sort 1,000 incidents", |b| {
        b.iter(|| {
            black_box(
                ws.register_list::<Incident>("bench", &searched, today)
                    .unwrap(),
            )
        })
    });
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: at,
        today: at.date_naive(),
    };
    let mut group = c.benchmark_group("registers/pdf");
    group.sample_size(10);
    group.bench_function("the whole PDF with the registers", |b| {
        b.iter(|| black_box(ws.report("bench", &settings).unwrap()))
    });
    group.finish();
    drop(ws);
    let mut group = c.benchmark_group("registers/cli");
    group.sample_size(20);
    group.bench_function("vendors bench list --json (whole process)", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
                .env("SOC2_READINESS_DB", &path)
                .args(["vendors", "bench", "list", "--json"])
                .output()
                .unwrap();
            assert!(out.status.success());
            black_box(out.stdout.len())
        })
    });
    group.finish();
}

criterion_group!(benches, registers);
criterion_main!(benches);
