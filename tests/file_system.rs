//! A full disk, a read-only file system and a file the user may not write, met for real through the CLI.
//!
//! The disk is a small tmpfs mounted for the test. Mounting needs root (tests run as root on CI);
//! where it is refused the tmpfs cases print on stderr which test skipped and why, and return,
//! and the permission case still runs. With `SOC2_SLOW_TESTS` set (CI sets it) a refused mount
//! fails the test instead, so CI cannot pass without running them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const CLI: &str = env!("CARGO_BIN_EXE_soc2-readiness");

/// A tmpfs of `size` mounted on a fresh temporary folder, unmounted when dropped.
struct SmallDisk {
    folder: tempfile::TempDir,
}

impl SmallDisk {
    /// The mounted disk, or why it cannot be mounted here.
    fn mount(size: &str) -> Result<SmallDisk, String> {
        let folder = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(folder.path())
            .output();
        match out {
            Ok(out) if out.status.success() => Ok(SmallDisk { folder }),
            _ if unsafe { libc::geteuid() } != 0 => Err("mounting a tmpfs needs root".into()),
            Ok(out) => Err(format!(
                "mount refused even as root: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
            Err(e) => Err(format!("cannot run mount: {e}")),
        }
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    fn remount(&self, option: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{option}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }

    /// Writes zeros until the file system refuses, as a video export or a full Downloads folder would.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        loop {
            if let Err(e) = file.write_all(&block).and_then(|()| file.sync_all()) {
                assert_eq!(e.raw_os_error(), Some(libc::ENOSPC), "{e}");
                break;
            }
        }
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path()).output();
    }
}

/// A tmpfs for `test`, or `None` once the skip is reported on stderr. With `SOC2_SLOW_TESTS` set
/// the skip is a failure: CI sets it, and must never pass without these tests having run.
fn small_disk_or_skip(test: &str, size: &str) -> Option<SmallDisk> {
    match SmallDisk::mount(size) {
        Ok(disk) => Some(disk),
        Err(reason) if std::env::var_os("SOC2_SLOW_TESTS").is_some() => {
            panic!("{test}: {reason}; SOC2_SLOW_TESTS is set, so it must run, not skip")
        }
        Err(reason) => {
            eprintln!("{test}: skipped: {reason}");
            None
        }
    }
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(CLI)
        .env("SOC2_READINESS_DB", db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The one line a failing command prints; it must exit with 1.
fn failure(out: Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    stderr
}

fn answered(db: &Path, id: &str) -> Vec<String> {
    let shown: Value = serde_json::from_str(&ok(db, &["show", id, "--json"])).unwrap();
    shown["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["question_id"].as_str().unwrap().to_string())
        .collect()
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_full_disk_is_named_nothing_is_half_saved_and_work_goes_on_once_space_is_freed() {
    let Some(disk) = small_disk_or_skip(
        "a_full_disk_is_named_nothing_is_half_saved_and_work_goes_on_once_space_is_freed",
        "1m",
    ) else {
        return;
    };
    let db = disk.path().join("data").join("assessments.sqlite3");
    let id = ok(&db, &["new", "Acme"]).trim().to_string();
    ok(
        &db,
        &["answer", &id, "access.sso-mfa", "3", "--note", "Okta"],
    );
    let before = std::fs::read(&db).unwrap();

    let filler = disk.fill();
    let line = failure(run(&db, &["answer", &id, "gov.security-owner", "2"]));
    assert!(
        line.contains(&format!(
            "the disk holding the data file {} is full",
            db.display()
        )),
        "{line}"
    );
    assert!(line.contains("nothing was saved"), "{line}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");

    std::fs::remove_file(filler).unwrap();
    assert_eq!(integrity(&db), "ok");
    let kept = answered(&db, &id);
    assert!(kept.contains(&"access.sso-mfa".to_string()), "{kept:?}");
    assert!(
        !kept.contains(&"gov.security-owner".to_string()),
        "{kept:?}"
    );
    ok(&db, &["answer", &id, "gov.security-owner", "2"]);
    assert!(answered(&db, &id).contains(&"gov.security-owner".to_string()));
}

#[test]
fn a_read_only_file_system_can_be_read_but_a_change_is_refused_by_name() {
    let Some(disk) = small_disk_or_skip(
        "a_read_only_file_system_can_be_read_but_a_change_is_refused_by_name",
        "4m",
    ) else {
        return;
    };
    let db = disk.path().join("assessments.sqlite3");
    let id = ok(&db, &["new", "Acme"]).trim().to_string();
    ok(&db, &["answer", &id, "access.sso-mfa", "3"]);
    let before = std::fs::read(&db).unwrap();

    disk.remount("ro");
    assert!(ok(&db, &["list"]).contains("Acme"));
    let kept = answered(&db, &id);
    assert!(kept.contains(&"access.sso-mfa".to_string()), "{kept:?}");
    let line = failure(run(&db, &["answer", &id, "gov.security-owner", "2"]));
    assert!(
        line.contains(&format!("the data file {} is read-only", db.display())),
        "{line}"
    );
    let line = failure(run(&db, &["new", "Another"]));
    assert!(line.contains("is read-only"), "{line}");
    disk.remount("rw");

    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");
    assert_eq!(answered(&db, &id), kept);
}

#[test]
fn a_file_its_owner_made_read_only_stays_read_only_and_a_change_is_refused() {
    use std::os::unix::fs::{PermissionsExt, chown};
    use std::os::unix::process::CommandExt;

    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("assessments.sqlite3");
    let id = ok(&db, &["new", "Acme"]).trim().to_string();
    // Root may write whatever the mode says, so the refused change is made as another user.
    let root = unsafe { libc::geteuid() } == 0;
    let user = 65534; // nobody
    if root {
        chown(folder.path(), Some(user), Some(user)).unwrap();
        chown(&db, Some(user), Some(user)).unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(&db).unwrap();

    // A copy the other user can run wherever the build folder lives.
    let cli = folder.path().join("soc2-readiness");
    std::fs::copy(CLI, &cli).unwrap();
    let as_owner = |args: &[&str]| {
        let mut command = Command::new(&cli);
        command.env("SOC2_READINESS_DB", &db).args(args);
        if root {
            command.uid(user).gid(user);
        }
        command.output().unwrap()
    };
    let listed = as_owner(&["list"]);
    assert!(listed.status.success(), "{listed:?}");
    let line = failure(as_owner(&["answer", &id, "gov.security-owner", "2"]));
    assert!(
        line.contains(&format!("the data file {} is read-only", db.display())),
        "{line}"
    );
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o400, "the owner's choice of read-only is kept");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");
}
