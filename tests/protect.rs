//! Exports protected with a passphrase: round trips, wrong and missing passphrases, altered files, and the CLI's passphrase sources.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use soc2_readiness::merge::MergeChoices;
use soc2_readiness::protect::{self, Cost};
use soc2_readiness::workspace::merge::WorkshopCopy;
use soc2_readiness::{ErrorKind, Workspace};

use crate::support::{at, demo_workspace};

const PASSPHRASE: &str = "correct horse battery staple";

struct Exported {
    _dir: tempfile::TempDir,
    ws: Workspace,
    id: String,
    file: PathBuf,
}

/// The demo assessment exported with [`PASSPHRASE`] to a file of its own.
fn exported() -> Exported {
    let (ws, id) = demo_workspace("Zürich Łódź Cloud");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.soc2");
    ws.export_to(&id, &file, Some(PASSPHRASE), at(10)).unwrap();
    Exported {
        _dir: dir,
        ws,
        id,
        file,
    }
}

fn count(ws: &Workspace) -> usize {
    ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap()
        .len()
}

#[test]
fn a_protected_export_opens_to_the_plain_export_and_imports_as_the_same_assessment() {
    let mut e = exported();
    let bytes = std::fs::read(&e.file).unwrap();
    assert!(protect::is_protected(&bytes));
    let plain = e.ws.export_json(&e.id, at(10)).unwrap();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("Zürich"),
        "the organisation's name is not readable in the protected file"
    );
    let opened = String::from_utf8(protect::open(&bytes, PASSPHRASE).unwrap()).unwrap();
    assert!(
        opened == plain,
        "opened, it is the plain export byte for byte"
    );

    let copy =
        e.ws.import_from(&e.file, Some(PASSPHRASE), "copy00000001", at(11))
            .unwrap();
    assert_eq!(copy.organisation, "Zürich Łódź Cloud");
    let original = e.ws.record(&e.id).unwrap();
    assert_eq!(
        e.ws.record("copy00000001").unwrap().answers,
        original.answers
    );
    assert_eq!(
        e.ws.history("copy00000001").unwrap(),
        e.ws.history(&e.id).unwrap()
    );
}

#[test]
fn a_wrong_passphrase_is_refused_by_name_and_changes_nothing() {
    let mut e = exported();
    let before = std::fs::read(&e.file).unwrap();
    let assessments = count(&e.ws);
    for wrong in [
        "correct horse battery stapl",
        "Correct horse battery staple",
        " ",
    ] {
        let err =
            e.ws.import_from(&e.file, Some(wrong), "copy00000001", at(11))
                .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::WrongPassphrase, "{wrong:?}: {err}");
        assert!(
            err.to_string()
                .contains("the passphrase does not open this file"),
            "{err}"
        );
        let opened = WorkshopCopy::open(&e.file, Some(wrong)).map(drop);
        assert_eq!(opened.unwrap_err().kind(), ErrorKind::WrongPassphrase);
    }
    assert_eq!(
        std::fs::read(&e.file).unwrap(),
        before,
        "the file untouched"
    );
    assert_eq!(count(&e.ws), assessments, "no assessment created");
}

#[test]
fn a_protected_file_without_its_passphrase_asks_for_one_on_every_way_in() {
    let mut e = exported();
    let bytes = std::fs::read(&e.file).unwrap();
    let id = e.id.clone();
    let needs = |result: Result<(), soc2_readiness::Error>, way: &str| {
        let err = result.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NeedsPassphrase, "{way}: {err}");
        assert!(err.to_string().contains("passphrase"), "{way}: {err}");
    };
    needs(
        e.ws.import_from(&e.file, None, "copy00000001", at(11))
            .map(drop),
        "import_from",
    );
    needs(
        e.ws.import_json(&bytes, "copy00000001", at(11)).map(drop),
        "import_json",
    );
    let still_protected = WorkshopCopy::from_json(bytes.clone());
    needs(
        e.ws.preview_merge(&id, &still_protected, false).map(drop),
        "preview",
    );
    let choices = MergeChoices::default();
    needs(
        e.ws.merge(&id, &still_protected, &choices, at(11))
            .map(drop),
        "merge",
    );
    needs(WorkshopCopy::open(&e.file, None).map(drop), "open a copy");
    assert_eq!(count(&e.ws), 1);
}

#[test]
fn an_altered_protected_file_is_refused_whatever_byte_changed() {
    let e = exported();
    let bytes = std::fs::read(&e.file).unwrap();
    let header = protect::MAGIC.len();
    // (what changed, the byte, what the refusal says)
    let cases: &[(&str, usize, &str)] = &[
        ("the version", header, "version"),
        ("the key derivation", header + 1, "unknown key derivation"),
        ("the memory cost", header + 2, "does not open"),
        ("the passes", header + 6, "does not open"),
        ("the salt", header + 14, "does not open"),
        ("the nonce", header + 14 + 16, "does not open"),
        (
            "the first ciphertext byte",
            header + 14 + 28,
            "does not open",
        ),
        ("the middle", bytes.len() / 2, "does not open"),
        ("the tag", bytes.len() - 1, "does not open"),
    ];
    for (what, position, expected) in cases {
        let mut altered = bytes.clone();
        altered[*position] ^= 0x01;
        let err = protect::open(&altered, PASSPHRASE).unwrap_err();
        assert!(err.to_string().contains(expected), "{what}: {err}");
    }
    for cut in [header + 3, header + 50, bytes.len() - 1] {
        assert!(
            protect::open(&bytes[..cut], PASSPHRASE).is_err(),
            "cut at {cut}"
        );
    }
    let mut greedy = bytes.clone();
    greedy[header + 2..header + 6].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = protect::open(&greedy, PASSPHRASE).unwrap_err();
    assert!(
        err.to_string().contains("more than this app allows"),
        "{err}"
    );
}

#[test]
fn an_empty_passphrase_is_refused_and_nothing_is_written() {
    let (ws, id) = demo_workspace("Acme");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.soc2");
    let err = ws.export_to(&id, &file, Some(""), at(10)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(!file.exists());
    assert!(protect::seal(b"{}", "").is_err());
    let sealed = protect::seal(b"{}", PASSPHRASE).unwrap();
    assert!(protect::open(&sealed, "").is_err());
}

#[test]
fn a_plain_export_still_imports_and_merges_as_before() {
    let (mut ws, id) = demo_workspace("Acme");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.json");
    ws.export_to(&id, &file, None, at(10)).unwrap();
    ws.import_from(&file, None, "copy00000001", at(11)).unwrap();
    // A passphrase given for a plain file is not needed and not an error.
    ws.import_from(&file, Some(PASSPHRASE), "copy00000002", at(11))
        .unwrap();
    let copy = WorkshopCopy::open(&file, Some(PASSPHRASE)).unwrap();
    let merged = ws
        .merge(&id, &copy, &MergeChoices::default(), at(12))
        .unwrap();
    assert_eq!(merged.answers_taken, 0, "the same copy: nothing to merge");
    assert_eq!(count(&ws), 3);
}

#[test]
fn the_cost_is_read_from_the_header() {
    let cheap = Cost {
        memory_kib: 64,
        passes: 1,
        lanes: 1,
    };
    let sealed = protect::seal_at(b"{\"a\": 1}", PASSPHRASE, cheap).unwrap();
    assert_eq!(protect::open(&sealed, PASSPHRASE).unwrap(), b"{\"a\": 1}");
    // Sealing twice never gives the same bytes: a fresh salt and nonce each time.
    assert_ne!(
        sealed,
        protect::seal_at(b"{\"a\": 1}", PASSPHRASE, cheap).unwrap()
    );
}

/// The CLI on a data file of its own, with no passphrase in its environment unless given.
fn cli(db: &Path, args: &[&str], passphrase_env: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"));
    command
        .env("SOC2_READINESS_DB", db)
        .env_remove("SOC2_PASSPHRASE");
    if let Some(value) = passphrase_env {
        command.env("SOC2_PASSPHRASE", value);
    }
    command.args(args).output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn one_line_error(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn the_cli_exports_protected_and_imports_with_a_passphrase_file_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let file = dir.path().join("client.soc2");
    let file_arg = file.to_str().unwrap();
    let pass_file = dir.path().join("passphrase.txt");
    std::fs::write(&pass_file, format!("{PASSPHRASE}\r\nsecond line ignored\n")).unwrap();
    let pass_arg = pass_file.to_str().unwrap();

    let id = stdout(&cli(&db, &["new", "Acme"], None)).trim().to_string();
    stdout(&cli(&db, &["answer", &id, "risk.fraud", "2"], None));
    let exported = stdout(&cli(
        &db,
        &[
            "export",
            &id,
            file_arg,
            "--protect",
            "--passphrase-file",
            pass_arg,
        ],
        None,
    ));
    assert!(
        exported.contains("protected with a passphrase"),
        "{exported}"
    );
    assert!(protect::is_protected(&std::fs::read(&file).unwrap()));

    let missing = one_line_error(&cli(&db, &["import", file_arg], None));
    assert!(missing.contains("--passphrase-file"), "{missing}");
    let wrong = one_line_error(&cli(&db, &["import", file_arg], Some("guess")));
    assert!(wrong.contains("does not open this file"), "{wrong}");

    let by_file = stdout(&cli(
        &db,
        &["import", file_arg, "--passphrase-file", pass_arg],
        None,
    ));
    let by_env = stdout(&cli(&db, &["import", file_arg], Some(PASSPHRASE)));
    for copy in [by_file.trim(), by_env.trim()] {
        let shown = stdout(&cli(&db, &["show", copy, "--json"], None));
        assert!(shown.contains("risk.fraud"), "{copy} holds the answer");
    }
    let merged = stdout(&cli(&db, &["merge", &id, file_arg], Some(PASSPHRASE)));
    assert!(merged.contains("nothing to merge"), "{merged}");

    // An export protected from the environment opens with the same passphrase from a file.
    let second = dir.path().join("second.soc2");
    let second_arg = second.to_str().unwrap();
    stdout(&cli(
        &db,
        &["export", &id, second_arg, "--protect"],
        Some(PASSPHRASE),
    ));
    stdout(&cli(
        &db,
        &["import", second_arg, "--passphrase-file", pass_arg],
        None,
    ));

    let empty = one_line_error(&cli(
        &db,
        &["export", &id, second_arg, "--protect"],
        Some(""),
    ));
    assert!(empty.contains("must not be empty"), "{empty}");
    let no_source = one_line_error(&cli(&db, &["export", &id, second_arg, "--protect"], None));
    assert!(no_source.contains("SOC2_PASSPHRASE"), "{no_source}");
    assert!(
        protect::open(&std::fs::read(&second).unwrap(), PASSPHRASE).is_ok(),
        "a refused export leaves the earlier file whole"
    );
}
