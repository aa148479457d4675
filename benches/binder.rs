//! Benchmark of the evidence binder at the size the issue names: a year of a programme (20,000 checks, 200 MiB of evidence files, 200 people with hires and leavers, 500 vendors, 200 policies, 1,000 incidents) written as one ZIP, in process and as the whole CLI process with its peak memory.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{Depth, ReportType, parse_answer_for};
use soc2_readiness::calendar::CheckResult;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::workspace::{AdoptRequest, AnswerDetails, BinderRequest, CheckRequest};

#[path = "programme_data.rs"]
mod programme_data;

const CHECKS: usize = 20_000;
const EVIDENCE_FILES: usize = 400;
const EVIDENCE_BYTES: usize = 512 * 1024;

/// Bytes no compressor shrinks (screenshots and PDFs mostly do not shrink either).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The programme: every proposed control adopted, a year of runs spread over 2026 (one in
/// nine failing, one in fifty with a 512 KiB file), and the registers at full size.
fn programme(dir: &std::path::Path) -> (Workspace, String) {
    let at = Utc.with_ymd_and_hms(2027, 1, 5, 9, 0, 0).unwrap();
    let path = dir.join("bench.sqlite3");
    let mut ws = Workspace::open_with_bank(bundled_bank(), &path, at).unwrap();
    ws.create_assessment("seed", "Binder Ltd", ReportType::Type2, Depth::Full, at)
        .unwrap();
    for (q, raw) in [
        ("scope.observation-start", "2026-01-01"),
        ("scope.observation-period", "12-months"),
    ] {
        let value = parse_answer_for(ws.bank(), q, raw).unwrap();
        ws.save_answer("seed", q, value, AnswerDetails::default(), at)
            .unwrap();
    }
    // The registers, people included, join the programme through a portable file of the same
    // organisation.
    let mut file: serde_json::Value =
        serde_json::from_str(&ws.export_json("seed", at).unwrap()).unwrap();
    let mut registers = programme_data::large_registers(at);
    let day =
        |n: i64| (NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() + Duration::days(n)).to_string();
    registers["people"] = (0..200)
        .map(|i: i64| {
            json!({ "id": format!("h{i:04}"), "created_at": at, "updated_at": at, "record": {
                "name": format!("Person {i}"), "role": "Engineer", "kind": if i % 5 == 0 { "contractor" } else { "employee" },
                "start": day(i * 2), "end": if i % 5 == 1 { serde_json::Value::from(day(i * 2 + 200)) } else { serde_json::Value::Null },
                "training": "completed", "trained_on": day(i * 2 + 3), "agreement": true,
            }})
        })
        .collect();
    file["registers"] = registers;
    let imported = ws
        .import_json(file.to_string().as_bytes(), "bench", at)
        .unwrap();
    let id = imported.id;
    let templates = ws.bank().recurring_controls.clone();
    for t in &templates {
        let request = AdoptRequest {
            control_id: t.id.clone(),
            frequency: t.frequency,
            owner: "Owner".into(),
            first_due: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        };
        ws.adopt_control(&id, &request, at).unwrap();
    }
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    let per_control = CHECKS / templates.len();
    let every = CHECKS / EVIDENCE_FILES;
    let evidence = dir.join("evidence.bin");
    let mut n_check = 0;
    for (n, t) in templates.iter().enumerate() {
        for i in 0..per_control {
            let on = start + Duration::days((i as i64 * 364) / per_control as i64);
            let file = (n_check % every == 0).then(|| {
                std::fs::write(&evidence, noise(n_check as u64, EVIDENCE_BYTES)).unwrap();
                evidence.clone()
            });
            let request = CheckRequest {
                control_id: t.id.clone(),
                performed_on: on,
                result: if (i + n) % 9 == 0 {
                    CheckResult::Fail
                } else {
                    CheckResult::Pass
                },
                reason: "reviewed; one finding raised".into(),
                performed_by: "Owner".into(),
                evidence: Some(format!("REF-{i}")),
                file,
                sample: None,
            };
            ws.record_check(&id, &format!("{n}-{i}"), &request, today, at)
                .unwrap();
            n_check += 1;
        }
    }
    (ws, id)
}

/// Runs the CLI once and returns its wall time in seconds and its own peak resident memory in MB.
fn cli_once(db: &std::path::Path, id: &str, out: &std::path::Path) -> (f64, f64) {
    let started = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .env("SOC2_READINESS_DB", db)
        .args([
            "binder",
            id,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "-o",
        ])
        .arg(out)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child; wait4 reaps it and fills `status` and `usage`.
    let done = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(done, pid);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    std::mem::forget(child);
    (
        started.elapsed().as_secs_f64(),
        usage.ru_maxrss as f64 / 1024.0,
    )
}

fn binder(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let built = Instant::now();
    let (ws, id) = programme(dir.path());
    println!(
        "programme built in {:.0} s: {} checks, data file {:.0} MB",
        built.elapsed().as_secs_f64(),
        ws.check_log(&id).unwrap().checks.len(),
        std::fs::metadata(dir.path().join("bench.sqlite3"))
            .unwrap()
            .len() as f64
            / 1e6
    );
    let out = dir.path().join("binder.zip");
    let request = BinderRequest {
        from: Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        to: Some(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
        without_notes: false,
    };
    let now = Utc.with_ymd_and_hms(2027, 1, 5, 10, 0, 0).unwrap();
    let today = now.date_naive();
    let written = ws.write_binder(&id, &out, &request, now, today).unwrap();
    println!(
        "binder: {} files, {} evidence files, {} runs, {:.0} MB",
        written.counts.entries,
        written.counts.evidence_files,
        written.counts.runs,
        written.bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("binder");
    group.sample_size(10);
    group.bench_function("binder_year_20k_checks_200mib", |b| {
        b.iter(|| {
            ws.write_binder(black_box(&id), &out, &request, now, today)
                .unwrap()
        })
    });
    group.finish();
    drop(ws);
    // What the user feels: the whole process, start to a closed file, and its peak memory.
    let mut runs: Vec<(f64, f64)> = (0..5)
        .map(|_| cli_once(&dir.path().join("bench.sqlite3"), &id, &out))
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let peak = runs.iter().map(|r| r.1).fold(0.0, f64::max);
    println!(
        "binder CLI process over 5 runs: median {:.2} s (fastest {:.2}, slowest {:.2}); peak memory at most {:.0} MB",
        runs[2].0, runs[0].0, runs[4].0, peak
    );
}

criterion_group!(benches, binder);
criterion_main!(benches);
