//! Crash safety: a writer killed with SIGKILL mid-burst leaves a sound file holding every answer it reported saved.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use soc2_readiness::Workspace;

use crate::support::{at, bank};

/// The writer process (`tests/bin/crash_writer.rs`), which Cargo builds before the tests.
fn writer() -> &'static str {
    env!("CARGO_BIN_EXE_crash-writer")
}

/// A small deterministic generator, seeded from the clock and printed, so a failure can be replayed.
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

#[test]
fn killing_the_writer_at_random_moments_loses_nothing_reported_saved() {
    let rounds = if std::env::var_os("SOC2_SLOW_TESTS").is_some() {
        25
    } else {
        6
    };
    let seed = std::env::var("SOC2_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("crash test seed {seed} (replay with SOC2_CRASH_SEED={seed})");
    let mut random = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let mut reported_total = 0;
    for round in 0..rounds {
        let mut child = Command::new(writer())
            .arg(&db)
            .arg(round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let reported = Arc::new(Mutex::new(Vec::new()));
        let lines = BufReader::new(child.stdout.take().unwrap());
        let sink = Arc::clone(&reported);
        let reader = std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                if let Some(note) = line.strip_prefix("saved ") {
                    sink.lock().unwrap().push(note.to_string());
                }
            }
        });
        // Wait until the burst is under way, then kill at a random point within it.
        let started = Instant::now();
        while reported.lock().unwrap().len() < 5 && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(random.next(400)));
        child.kill().unwrap(); // SIGKILL: no destructor, no flush, no goodbye.
        child.wait().unwrap();
        reader.join().unwrap();
        let reported = reported.lock().unwrap().clone();
        assert!(
            !reported.is_empty(),
            "round {round}: the writer never reported a save"
        );
        reported_total += reported.len();

        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round} (seed {seed})");
        let mut statement = conn
            .prepare("SELECT note FROM answer_history WHERE note LIKE ?1")
            .unwrap();
        let stored: std::collections::HashSet<String> = statement
            .query_map([format!("{round}-%")], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let lost: Vec<&String> = reported.iter().filter(|n| !stored.contains(*n)).collect();
        assert!(
            lost.is_empty(),
            "round {round} (seed {seed}): reported saved but missing: {lost:?}"
        );
    }
    // The file still opens through the store, with every check it makes.
    let ws = Workspace::open_with_bank(bank(), &db, at(2)).unwrap();
    assert_eq!(
        ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        1
    );
    assert!(
        reported_total >= rounds,
        "{reported_total} saves reported over {rounds} rounds"
    );
}
