//! Benchmarks of the account exports at a large company's size: a 5,000-account AWS credential report read, recognised and checked against 300 people (previewed, and kept), the findings view, the scorecard every answer redraws once such an export is kept, and the whole `accounts import` process.

use std::hint::black_box;
use std::process::Command;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{Depth, ReportType};
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::clock::Moment;
use soc2_readiness::registers::Register;
use soc2_readiness::workspace::AccountImportRequest;

const HEADER: &str = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

/// 5,000 users: one in 20 without MFA, one in 10 with a key, keys of every age, sign-ins spread
/// over a year; the first 300 are people in the register, 15 of them leavers.
fn report(today: NaiveDate) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for n in 0..5000 {
        let used = (today - Duration::days(n % 365)).format("%Y-%m-%dT09:00:00+00:00");
        let mfa = n % 20 != 0;
        let key = if n % 10 == 0 {
            let rotated = (today - Duration::days(n % 700)).format("%Y-%m-%dT00:00:00+00:00");
            format!("true,{rotated},{used},eu-west-1,s3")
        } else {
            "false,N/A,N/A,N/A,N/A".to_string()
        };
        out.push_str(&format!(
            "person.{n:04},arn:aws:iam::1:user/person.{n:04},2023-01-01T00:00:00+00:00,true,{used},N/A,N/A,{mfa},{key},false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
        ));
    }
    out
}

fn accounts(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accounts.sqlite3");
    let file = dir.path().join("credential-report.csv");
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let today = now.date_naive();
    let at = Moment::new(now, today);
    std::fs::write(&file, report(today)).unwrap();
    let mut ws = Workspace::open_with_bank(bundled_bank(), &path, now).unwrap();
    ws.create_assessment("bench", "Bench Ltd", ReportType::Type2, Depth::Full, now)
        .unwrap();
    for n in 0..300 {
        let mut fields = vec![
            ("name".to_string(), format!("Person {n:04}")),
            ("role".to_string(), "Engineer".to_string()),
            ("kind".to_string(), "employee".to_string()),
            ("start".to_string(), "2024-01-01".to_string()),
            ("accounts".to_string(), format!("person.{n:04}")),
        ];
        if n % 20 == 0 {
            fields.push(("end".to_string(), "2026-10-01".to_string()));
        }
        ws.add_entry_from_text("bench", Register::People, &format!("p{n}"), &fields, at)
            .unwrap();
    }
    let request = |write| AccountImportRequest {
        file: &file,
        system: Some("AWS".into()),
        format: None,
        mapping: Vec::new(),
        taken_on: None,
        write,
    };
    let mut group = c.benchmark_group("accounts");
    group.sample_size(20);
    group.bench_function("scorecard, no export kept", |b| {
        b.iter(|| black_box(ws.scorecard("bench", today).unwrap()))
    });
    group.bench_function("import and check 5,000 accounts (preview)", |b| {
        b.iter(|| {
            let done = ws
                .import_accounts("bench", &request(false), at, || "x".into())
                .unwrap();
            assert!(done.problems.is_empty() && done.accounts == 5000);
            black_box(done.findings.len())
        })
    });
    // Each kept import is removed again, untimed: the same file twice for a system is refused.
    let mut n = 0;
    group.bench_function("import, check and keep 5,000 accounts", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let later = Moment::new(now + Duration::seconds(n), today);
                let started = std::time::Instant::now();
                let done = ws
                    .import_accounts("bench", &request(true), later, || format!("imp{n:05}"))
                    .unwrap();
                spent += started.elapsed();
                let id = done.import_id.expect("kept");
                ws.remove_account_import("bench", &id).unwrap();
            }
            spent
        })
    });
    ws.import_accounts("bench", &request(true), at, || "kept".into())
        .unwrap();
    group.bench_function("findings view, 5,000 accounts kept", |b| {
        b.iter(|| black_box(ws.accounts_view("bench").unwrap()))
    });
    group.bench_function("scorecard, 5,000 accounts kept", |b| {
        b.iter(|| black_box(ws.scorecard("bench", today).unwrap()))
    });
    group.finish();
    drop(ws);
    let mut group = c.benchmark_group("accounts/cli");
    group.sample_size(20);
    group.bench_function(
        "accounts bench import FILE --dry-run (whole process)",
        |b| {
            b.iter(|| {
                let out = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
                    .env("SOC2_READINESS_DB", &path)
                    .args([
                        "accounts",
                        "bench",
                        "import",
                        file.to_str().unwrap(),
                        // Another system: this very file is kept for "AWS" already.
                        "--system",
                        "AWS staging",
                        "--dry-run",
                        "--json",
                    ])
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                black_box(out.stdout.len())
            })
        },
    );
    group.finish();
}

criterion_group!(benches, accounts);
criterion_main!(benches);
