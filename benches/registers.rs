//! Benchmarks of the registers at a large programme's size (500 vendors, 200 policies, 1,000 incidents): each list as the app and CLI ask for it, the whole `vendors ID list --json` process, and the PDF.

use std::hint::black_box;
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{Depth, ReportType};
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::registers::{Incident, Policy, Query, Vendor};
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
