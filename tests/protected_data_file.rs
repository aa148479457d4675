//! Data files protected with a passphrase: protect, open, refuse, change, unprotect, backups and restore, through the workspace and the CLI.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};
use soc2_readiness::{ErrorKind, Workspace, data_file};

use crate::support::{at, demo_workspace};

const PASSPHRASE: &str = "correct horse battery staple";

fn sha256(path: &Path) -> String {
    hex_of(&Sha256::digest(std::fs::read(path).unwrap()))
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn assessments(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = ws
        .summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap()
        .into_iter()
        .map(|s| s.assessment.organisation)
        .collect();
    names.sort();
    names
}

/// The demo assessment in a data file of its own, closed.
fn demo_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.sqlite3");
    let (demo, id) = demo_workspace("Acme Cloud");
    let json = demo.export_json(&id, at(5)).unwrap();
    let mut ws = Workspace::open(&path, at(5)).unwrap();
    ws.import_json(json.as_bytes(), "a1b2c3d4e5f6", at(5))
        .unwrap();
    (dir, path)
}

#[test]
fn a_protected_file_needs_its_passphrase_and_a_wrong_one_changes_no_byte() {
    let (_dir, path) = demo_file();
    let mut ws = Workspace::open(&path, at(6)).unwrap();
    ws.protect(PASSPHRASE, at(6)).unwrap();
    assert!(ws.is_protected());
    assert_eq!(
        assessments(&ws),
        ["Acme Cloud"],
        "still working after protecting"
    );
    drop(ws);

    assert!(data_file::is_protected(&path));
    let head = std::fs::read(&path).unwrap();
    assert_ne!(&head[..16], b"SQLite format 3\0");
    assert!(
        !head.windows(10).any(|w| w == b"Acme Cloud"),
        "the organisation's name is not readable in the file"
    );

    let before = sha256(&path);
    let refused = Workspace::open(&path, at(7)).err().unwrap();
    assert_eq!(refused.kind(), ErrorKind::NeedsPassphrase, "{refused}");
    assert!(refused.to_string().contains("client.sqlite3"), "{refused}");
    let wrong = Workspace::open_with_passphrase(&path, Some("Correct horse"), at(7))
        .err()
        .unwrap();
    assert_eq!(wrong.kind(), ErrorKind::WrongPassphrase, "{wrong}");
    assert!(
        wrong.to_string().contains("passphrase does not open"),
        "{wrong}"
    );
    assert_eq!(sha256(&path), before, "a refusal never touches the file");
    for sidecar in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(sidecar);
        assert!(
            !PathBuf::from(name).exists(),
            "no {sidecar} left by a refusal"
        );
    }

    let ws = Workspace::open_with_passphrase(&path, Some(PASSPHRASE), at(8)).unwrap();
    assert_eq!(assessments(&ws), ["Acme Cloud"]);
    assert!(ws.history("a1b2c3d4e5f6").unwrap().len() > 1);
}

#[test]
fn changing_the_passphrase_then_removing_it_keeps_every_row() {
    let (_dir, path) = demo_file();
    let history = Workspace::open(&path, at(6))
        .unwrap()
        .history("a1b2c3d4e5f6")
        .unwrap();
    let mut ws = Workspace::open(&path, at(6)).unwrap();
    ws.protect(PASSPHRASE, at(6)).unwrap();
    let wrong = ws
        .change_passphrase("not it", "new one", at(7))
        .unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::WrongPassphrase);
    let empty = ws.change_passphrase(PASSPHRASE, "", at(7)).unwrap_err();
    assert_eq!(
        empty.kind(),
        ErrorKind::InvalidInput,
        "an empty one would write it plain"
    );
    ws.change_passphrase(PASSPHRASE, "new one", at(7)).unwrap();
    drop(ws);
    let old = Workspace::open_with_passphrase(&path, Some(PASSPHRASE), at(8)).err();
    assert_eq!(old.unwrap().kind(), ErrorKind::WrongPassphrase);

    let mut ws = Workspace::open_with_passphrase(&path, Some("new one"), at(8)).unwrap();
    ws.unprotect("new one", at(8)).unwrap();
    assert!(!ws.is_protected());
    drop(ws);
    assert!(!data_file::is_protected(&path));
    assert_eq!(&std::fs::read(&path).unwrap()[..16], b"SQLite format 3\0");
    let ws = Workspace::open(&path, at(9)).unwrap();
    assert_eq!(ws.history("a1b2c3d4e5f6").unwrap(), history);
    let reasons: Vec<String> = data_file::backups(&path)
        .unwrap()
        .into_iter()
        .map(|b| b.reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "before-unprotect",
            "before-passphrase-change",
            "before-protect"
        ],
        "a backup before every rewrite"
    );
}

#[test]
fn the_backup_of_a_protected_file_is_protected_and_restores_with_its_passphrase() {
    let (_dir, path) = demo_file();
    let mut ws = Workspace::open(&path, at(6)).unwrap();
    ws.protect(PASSPHRASE, at(6)).unwrap();
    let taken = ws.back_up("manual", at(7)).unwrap();
    ws.delete("a1b2c3d4e5f6").unwrap();
    drop(ws);

    let backup = PathBuf::from(&taken.path);
    assert!(
        data_file::is_protected(&backup),
        "the backup is not readable without it"
    );
    let found = data_file::find_backup(&path, "latest").unwrap();
    let refused = data_file::restore(&path, found.clone(), None, at(8)).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NeedsPassphrase);
    let wrong = data_file::restore(&path, found.clone(), Some("nope"), at(8)).unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::WrongPassphrase);
    let ws = Workspace::open_with_passphrase(&path, Some(PASSPHRASE), at(8)).unwrap();
    assert!(assessments(&ws).is_empty(), "nothing moved on a refusal");
    drop(ws);

    data_file::restore(&path, found, Some(PASSPHRASE), at(9)).unwrap();
    let ws = Workspace::open_with_passphrase(&path, Some(PASSPHRASE), at(9)).unwrap();
    assert_eq!(assessments(&ws), ["Acme Cloud"]);
}

#[test]
fn the_schema_5_fixture_can_be_protected_and_still_lists_its_four_assessments() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3-schema5.sqlite3");
    let plain = assessments(&Workspace::open(&path, at(1)).unwrap());
    assert_eq!(plain.len(), 4);
    Workspace::open(&path, at(1))
        .unwrap()
        .protect(PASSPHRASE, at(1))
        .unwrap();
    let ws = Workspace::open_with_passphrase(&path, Some(PASSPHRASE), at(2)).unwrap();
    assert_eq!(assessments(&ws), plain);
}

#[test]
fn a_plain_file_ignores_a_passphrase_and_an_empty_one_never_protects() {
    let (_dir, path) = demo_file();
    let mut ws = Workspace::open_with_passphrase(&path, Some("unused"), at(6)).unwrap();
    assert!(!ws.is_protected());
    assert_eq!(
        ws.protect("", at(6)).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    drop(ws);
    assert!(!data_file::is_protected(&path));
}

fn cli(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"));
    command
        .env("SOC2_READINESS_DB", db)
        .env_remove("SOC2_DB_PASSPHRASE")
        .env_remove("SOC2_NEW_DB_PASSPHRASE")
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn stderr_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "one clear line: {text}");
    text
}

#[test]
fn the_cli_protects_asks_refuses_changes_and_unprotects() {
    let (dir, path) = demo_file();
    let key_file = dir.path().join("key.txt");
    std::fs::write(&key_file, format!("{PASSPHRASE}\n")).unwrap();
    let key_file = key_file.to_str().unwrap();
    let ok = |out: Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };

    let said = ok(cli(
        &path,
        &[],
        &["protect", "--db-passphrase-file", key_file],
    ));
    assert!(said.contains("protected"), "{said}");
    assert!(
        said.contains("backups taken before stay readable"),
        "{said}"
    );

    let before = sha256(&path);
    let needs = stderr_line(&cli(&path, &[], &["list"]));
    assert!(needs.contains("protected with a passphrase"), "{needs}");
    assert!(needs.contains("--db-passphrase-file"), "{needs}");
    let wrong = stderr_line(&cli(&path, &[("SOC2_DB_PASSPHRASE", "wrong")], &["list"]));
    assert!(
        wrong.contains("passphrase does not open the data file"),
        "{wrong}"
    );
    assert_eq!(sha256(&path), before);

    let listed = ok(cli(&path, &[("SOC2_DB_PASSPHRASE", PASSPHRASE)], &["list"]));
    assert!(listed.contains("Acme Cloud"), "{listed}");
    let listed = ok(cli(&path, &[], &["list", "--db-passphrase-file", key_file]));
    assert!(listed.contains("Acme Cloud"), "{listed}");

    let changing = [
        ("SOC2_DB_PASSPHRASE", PASSPHRASE),
        ("SOC2_NEW_DB_PASSPHRASE", "second"),
    ];
    ok(cli(&path, &changing, &["change-passphrase"]));
    stderr_line(&cli(
        &path,
        &[("SOC2_DB_PASSPHRASE", PASSPHRASE)],
        &["list"],
    ));
    ok(cli(
        &path,
        &[("SOC2_DB_PASSPHRASE", "second")],
        &["unprotect"],
    ));
    let plain = ok(cli(&path, &[], &["list"]));
    assert!(plain.contains("Acme Cloud"), "{plain}");
    assert!(!data_file::is_protected(&path));
}
