//! The registers at the size the issue names (500 vendors, 200 policies, 1,000 incidents) as portable JSON, shared by the benchmarks.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::{Value, json};

fn entry(id: String, at: DateTime<Utc>, record: Value) -> Value {
    json!({ "id": id, "created_at": at, "updated_at": at, "record": record })
}

/// The `registers` field of a portable file holding them, every entry added at `at`.
pub fn large_registers(at: DateTime<Utc>) -> Value {
    let day =
        |n: i64| (NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(n)).to_string();
    let tiers = ["critical", "high", "medium", "low"];
    let vendors: Vec<Value> = (0..500)
        .map(|i| {
            entry(format!("v{i:04}"), at, json!({
                "name": format!("Vendor {i}"), "service": "hosting and email", "criticality": tiers[i % 4],
                "owner": "Sam", "personal_data": i % 2 == 0, "subservice": if i % 10 == 0 { "carve_out" } else { "no" },
                "last_review": day(i as i64 % 600), "report": if i % 3 == 0 { "soc2_type2" } else { "none" },
                "report_period_end": if i % 3 == 0 { Value::from(day(i as i64 % 640)) } else { Value::Null },
            }))
        })
        .collect();
    let policies: Vec<Value> = (0..200)
        .map(|i| {
            entry(format!("p{i:04}"), at, json!({
                "title": format!("Policy {i}"), "version": "1.0", "owner": "CISO",
                "approved_by": "Board", "approved_on": day(i as i64 % 600), "staff": 120, "acknowledged": 100 + i % 21,
            }))
        })
        .collect();
    let incidents: Vec<Value> = (0..1000)
        .map(|i| {
            let detected = i as i64 % 640;
            let resolved = i % 4 != 0;
            entry(format!("i{i:04}"), at, json!({
                "title": format!("Incident {i}"), "detected_on": day(detected), "severity": tiers[i % 4],
                "what_happened": "a phishing mail reached a mailbox and a password was typed in", "owner": "Ana",
                "contained_on": if resolved { Value::from(day(detected + 1)) } else { Value::Null },
                "resolved_on": if resolved { Value::from(day(detected + 2)) } else { Value::Null },
                "notification_deadline": if i % 7 == 0 { Value::from(day(detected + 3)) } else { Value::Null },
            }))
        })
        .collect();
    json!({ "vendors": vendors, "policies": policies, "incidents": incidents })
}
