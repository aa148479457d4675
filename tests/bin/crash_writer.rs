//! The writer the crash test kills: saves answers in a burst and reports each one only after it is saved.
//!
//! Run by `tests/crash.rs` as `crash-writer DATA_FILE ROUND`; not meant for people.

use chrono::{TimeZone, Utc};
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, Depth, MaturityLevel, ReportType};
use soc2_readiness::workspace::AnswerDetails;

const BURST: usize = 1_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(round)) = (args.next(), args.next()) else {
        eprintln!("usage: crash_writer DATA_FILE ROUND");
        std::process::exit(2);
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut ws = Workspace::open(std::path::Path::new(&db), at).expect("the data file opens");
    if ws.resolve("crash").is_err() {
        ws.create_assessment(
            "crash",
            "Crash Test Ltd",
            ReportType::Type2,
            Depth::Full,
            at,
        )
        .expect("the assessment is created");
    }
    let questions: Vec<String> = ws
        .bank()
        .control_questions()
        .map(|q| q.id.clone())
        .collect();
    for i in 0..BURST {
        let details = AnswerDetails {
            note: Some(format!("{round}-{i}")),
            ..AnswerDetails::default()
        };
        let level = MaturityLevel::try_from((i % 5) as u8).expect("0 to 4 are levels");
        ws.save_answer(
            "crash",
            &questions[i % questions.len()],
            AnswerValue::Level(level),
            details,
            at,
        )
        .expect("the answer is saved");
        println!("saved {round}-{i}");
    }
}
