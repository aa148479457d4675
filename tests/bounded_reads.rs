//! Every CLI command that reads a file the user names, fed a device that never ends and a pipe nobody writes to: each refuses at once, naming the file, in bounded memory.
//!
//! Before these reads were bounded, `import /dev/zero` grew past 3 GB in five seconds and a pipe
//! left the command waiting for ever. The clock here is the wall clock because the failure being
//! guarded against is a hang; the limit is twice the one-second aim, for a loaded CI machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CLI: &str = env!("CARGO_BIN_EXE_soc2-readiness");
const TIME_LIMIT: Duration = Duration::from_secs(2);
const MEMORY_LIMIT_KB: i64 = 50 * 1024;

/// How one run ended: its exit code (`None` when it had to be killed), standard error, the time
/// it took and its peak resident memory.
struct Run {
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
    peak_kb: i64,
}

/// Runs the CLI through `peak-memory`, which reports the CLI's own peak memory (see why in
/// `tests/bin/peak_memory.rs`); a run still going after five seconds is killed.
fn run(db: &Path, args: &[&str]) -> Run {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_peak-memory"))
        .arg(CLI)
        .args(args)
        .env("SOC2_READINESS_DB", db)
        .env_remove("SOC2_PASSPHRASE")
        .env_remove("SOC2_DB_PASSPHRASE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let report = String::from_utf8(out.stdout).unwrap();
    let mut fields = report.split_whitespace().map(|f| f.parse::<i64>().unwrap());
    let (code, peak_kb) = (fields.next().unwrap(), fields.next().unwrap());
    Run {
        code: (code >= 0).then_some(code as i32),
        stderr: String::from_utf8(out.stderr).unwrap(),
        elapsed,
        peak_kb,
    }
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = Command::new(CLI)
        .env("SOC2_READINESS_DB", db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    path
}

/// A bank folder whose `bank.toml` is `target`, the other files copied from the bundled bank.
fn bank_folder(dir: &Path, name: &str, target: &Path) -> PathBuf {
    let folder = dir.join(name);
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::create_dir_all(folder.join("questions")).unwrap();
    std::fs::copy(assets.join("criteria.toml"), folder.join("criteria.toml")).unwrap();
    std::os::unix::fs::symlink(target, folder.join("bank.toml")).unwrap();
    folder
}

#[test]
fn every_command_that_reads_a_file_refuses_a_device_and_a_pipe_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let said = ok(&db, &["new", "Acme"]);
    let id = said
        .split_whitespace()
        .find(|w| w.len() == 12)
        .unwrap()
        .to_string();
    ok(
        &db,
        &[
            "adopt",
            &id,
            "restore-test",
            "--owner",
            "Ops",
            "--start",
            "2026-01-31",
        ],
    );
    let key = dir.path().join("key.txt");
    std::fs::write(&key, "correct horse battery staple\n").unwrap();
    let protected = dir.path().join("protected.json");
    let protected = protected.to_str().unwrap();
    ok(
        &db,
        &[
            "export",
            &id,
            protected,
            "--protect",
            "--passphrase-file",
            key.to_str().unwrap(),
        ],
    );
    let pipe = fifo(dir.path(), "fifo");
    let out = dir.path().join("out.pdf");
    let out = out.to_str().unwrap();

    let mut checked = 0;
    for (kind, source) in [("device", PathBuf::from("/dev/zero")), ("pipe", pipe)] {
        let f = source.to_str().unwrap();
        let folder = bank_folder(dir.path(), &format!("bank-{checked}"), &source);
        let folder = folder.to_str().unwrap();
        let commands: Vec<Vec<&str>> = vec![
            vec!["import", f],
            vec!["merge", &id, f],
            vec!["module", "check", f],
            vec!["module", "add", f],
            vec!["bank", "check", "--module", f],
            vec!["bank", "check", folder],
            vec!["settings", "--logo", f],
            vec!["report", &id, "--out", out, "--logo", f],
            vec![
                "check",
                &id,
                "restore-test",
                "--date",
                "2026-01-20",
                "--result",
                "pass",
                "--by",
                "Ops",
                "--file",
                f,
            ],
            vec!["export", &id, "x.json", "--protect", "--passphrase-file", f],
            vec!["import", protected, "--passphrase-file", f],
            vec!["protect", "--db-passphrase-file", f],
            vec!["--db", f, "list"],
        ];
        for args in commands {
            let ran = run(&db, &args);
            assert!(ran.code.is_some(), "{args:?} hung on a {kind}");
            checked += 1;
            assert_eq!(ran.code, Some(1), "{args:?}: {}", ran.stderr);
            assert!(
                (ran.stderr.contains(f) || ran.stderr.contains(folder))
                    && ran.stderr.contains(kind),
                "{args:?} does not say what is wrong: {}",
                ran.stderr
            );
            assert!(
                ran.elapsed < TIME_LIMIT,
                "{args:?} took {:?} on a {kind}",
                ran.elapsed
            );
            assert!(
                ran.peak_kb < MEMORY_LIMIT_KB,
                "{args:?} peaked at {} MB on a {kind}",
                ran.peak_kb / 1024
            );
            eprintln!(
                "{kind:6} {:>4} ms {:>3} MB  {}",
                ran.elapsed.as_millis(),
                ran.peak_kb / 1024,
                args.join(" ")
            );
        }
    }
    assert_eq!(checked, 26);
    // A regular file too large to be an export is refused from its size, not read.
    let big = dir.path().join("big.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let ran = run(&db, &["import", big.to_str().unwrap()]);
    assert_eq!(ran.code, Some(1));
    assert!(ran.stderr.contains("larger than 32 MB"), "{}", ran.stderr);
    assert!(ran.peak_kb < MEMORY_LIMIT_KB && ran.elapsed < TIME_LIMIT);
    // Nothing reached the data file: the one assessment, unchanged, and no module kept.
    assert_eq!(ok(&db, &["list", "--json"]).matches("\"id\"").count(), 1);
}
