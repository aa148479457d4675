//! Data files protected with a passphrase (SQLCipher): telling them apart, keying a connection, and writing a file again under another passphrase or none.
//!
//! A protected file is encrypted page by page by SQLCipher 4 with its default settings
//! (AES-256, a key from PBKDF2-HMAC-SHA512 over 256,000 iterations and a per-file salt, an
//! HMAC per page), so the whole file, history and write-ahead log included, reads as noise
//! without the passphrase. Protecting, removing the protection and changing the passphrase never
//! work in place: they write a copy beside the file, check it, and only then rename it over the
//! file, so an interrupted run leaves the original as it was.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode};

use super::disk::{io_error, make_private};
use super::{Store, StoreError, verified};

/// The first 16 bytes of every plain SQLite file; SQLCipher writes a random salt there instead.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// True when the file at `path` looks protected: it does not start as SQLite does, it is made of
/// whole pages (SQLCipher's smallest is 512 bytes) and its first 16 bytes vary, as a random
/// salt does. A file torn to zeros or some other non-database fails one of these and is opened
/// as before, so it is named as damaged instead of asking for a passphrase nobody has.
pub fn is_protected(path: &Path) -> bool {
    // Opening a pipe waits for a writer: only a regular file is looked into (opening the data
    // file refuses the rest by name).
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    // A pipe swapped in after the check then fails to open instead of waiting for a writer.
    let mut options = std::fs::OpenOptions::new();
    std::os::unix::fs::OpenOptionsExt::custom_flags(options.read(true), libc::O_NONBLOCK);
    let Ok(mut file) = options.open(path) else {
        return false;
    };
    let mut head = [0u8; 16];
    if file.read_exact(&mut head).is_err() || &head == PLAIN_HEADER {
        return false;
    }
    let whole_pages = file.metadata().is_ok_and(|m| m.len() % 512 == 0);
    whole_pages && head.iter().any(|byte| *byte != head[0])
}

/// Keys a connection before anything else reads it, and proves the key by reading the schema:
/// SQLite reads lazily, so a wrong key only shows at the first read. Nothing is written either
/// way. `sqlite3_key` takes the bytes directly, so the passphrase is never part of SQL text.
pub(crate) fn key(conn: &Connection, passphrase: &str) -> Result<(), StoreError> {
    // SQLCipher writes its own lines to stderr when a key fails; the refusal below already
    // says what happened, once, in words a user can act on.
    conn.query_row("PRAGMA cipher_log = off", [], |_| Ok(()))?;
    let length = std::ffi::c_int::try_from(passphrase.len()).map_err(|_| StoreError::Open {
        path: String::new(),
        reason: "the passphrase is too long".into(),
    })?;
    // SAFETY: the handle is this open connection's, used on this thread only; SQLCipher copies
    // the `length` bytes it is given before returning and keeps no pointer to them.
    let code =
        unsafe { rusqlite::ffi::sqlite3_key(conn.handle(), passphrase.as_ptr().cast(), length) };
    if code != rusqlite::ffi::SQLITE_OK {
        return Err(StoreError::Open {
            path: String::new(),
            reason: format!("the passphrase could not be set (SQLite code {code})"),
        });
    }
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(StoreError::WrongPassphrase {
                path: String::new(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// Refuses an empty passphrase: SQLCipher would take it as "no encryption" and write the data
/// in the clear.
pub(crate) fn refuse_empty(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.is_empty() {
        return Err(StoreError::EmptyPassphrase);
    }
    Ok(())
}

impl Store {
    /// True when the data file is protected with a passphrase.
    pub fn is_protected(&self) -> bool {
        self.passphrase.is_some()
    }

    /// True when `given` is the passphrase the file was opened with; a plain file has none.
    pub fn passphrase_matches(&self, given: &str) -> bool {
        self.passphrase.as_deref().is_some_and(|p| *p == *given)
    }

    /// Writes the data file again protected with `passphrase`, or plain when `None`, then keeps
    /// working on the new file. A backup (named by `reason`) is taken first; the copy is written
    /// beside the file with `sqlcipher_export`, opened again and compared table by table, and
    /// only then renamed over the file, after this connection closed (which folds the
    /// write-ahead log into the old file). Any failure before the rename leaves the original
    /// file in use, untouched.
    pub fn protect_with(
        &mut self,
        passphrase: Option<&str>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if let Some(passphrase) = passphrase {
            refuse_empty(passphrase)?;
        }
        let Some(data_file) = self.location.clone() else {
            return Err(StoreError::Open {
                path: ":memory:".into(),
                reason: "a database in memory cannot be protected".into(),
            });
        };
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: Some(data_file.display().to_string()),
            });
        }
        self.back_up(reason, now)?;
        let copy = sibling(&data_file, ".rewriting");
        remove_leftovers(&copy);
        let written = self
            .export_to(&copy, passphrase)
            .and_then(|()| self.check_copy(&copy, passphrase));
        if let Err(e) = written {
            remove_leftovers(&copy);
            return Err(e);
        }
        make_private(&copy)?;
        self.replace_with(&data_file, &copy, passphrase, now)
    }

    /// The whole database copied into `copy`, keyed with `passphrase` (an empty key writes it
    /// plain). `sqlcipher_export` copies tables, indexes and triggers, not the schema version,
    /// which is set after it.
    fn export_to(&self, copy: &Path, passphrase: Option<&str>) -> Result<(), StoreError> {
        let shown = copy.display().to_string();
        self.conn.execute(
            "ATTACH DATABASE ?1 AS rewritten KEY ?2",
            (shown.as_str(), passphrase.unwrap_or("")),
        )?;
        let exported = (|| -> rusqlite::Result<()> {
            self.conn
                .query_row("SELECT sqlcipher_export('rewritten')", [], |_| Ok(()))?;
            let version: i64 = self
                .conn
                .pragma_query_value(None, "user_version", |row| row.get(0))?;
            self.conn
                .pragma_update(Some("rewritten"), "user_version", version)?;
            Ok(())
        })();
        let detached = self.conn.execute("DETACH DATABASE rewritten", []);
        exported?;
        detached?;
        std::fs::File::open(copy)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error(copy, e))
    }

    /// Opens the copy on its own, as the next start will, and compares it with the open file:
    /// protected or not as asked, sound, the same schema version and as many rows in every table.
    fn check_copy(&self, copy: &Path, passphrase: Option<&str>) -> Result<(), StoreError> {
        let differs = |what: String| StoreError::Open {
            path: copy.display().to_string(),
            reason: format!("the rewritten copy {what}; the data file was left as it was"),
        };
        if is_protected(copy) != passphrase.is_some() {
            return Err(differs("is not protected as asked".into()));
        }
        let written = Connection::open(copy)?;
        if let Some(passphrase) = passphrase {
            key(&written, passphrase)?;
        }
        let check: String = written.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
        if check != "ok" {
            return Err(differs(format!("fails its check ({check})")));
        }
        let version = |conn: &Connection| -> rusqlite::Result<i64> {
            conn.pragma_query_value(None, "user_version", |row| row.get(0))
        };
        if version(&written)? != version(&self.conn)? {
            return Err(differs("has another schema version".into()));
        }
        let mut tables = self.conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?;
        let names: Vec<String> = tables
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for name in names {
            let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
            let count = |conn: &Connection| conn.query_row(&sql, [], |r| r.get::<_, i64>(0));
            if count(&written)? != count(&self.conn)? {
                return Err(differs(format!("holds other rows in {name}")));
            }
        }
        Ok(())
    }

    /// Closes this connection, renames the checked copy over the data file and opens it. When
    /// the write-ahead log outlives the close, another program has the file open and the copy
    /// is dropped instead: renaming under it would lose what it writes next.
    fn replace_with(
        &mut self,
        data_file: &Path,
        copy: &Path,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let placeholder = Connection::open_in_memory()?;
        let conn = std::mem::replace(&mut self.conn, placeholder);
        conn.close().map_err(|(_, e)| StoreError::from(e))?;
        let log = sibling(data_file, "-wal");
        let swapped = if log.exists() {
            remove_leftovers(copy);
            Err(StoreError::Locked {
                path: Some(data_file.display().to_string()),
            })
        } else {
            std::fs::rename(copy, data_file).map_err(|e| io_error(data_file, e))
        };
        if swapped.is_ok() {
            verified::forget(data_file);
            if let Some(folder) = data_file.parent().filter(|p| !p.as_os_str().is_empty()) {
                // The rename is durable once the folder is synced; best effort where a
                // platform cannot open a folder.
                let _ = std::fs::File::open(folder).and_then(|f| f.sync_all());
            }
        }
        let now_in_use = if swapped.is_ok() {
            passphrase
        } else {
            self.passphrase.as_deref().map(|p| &**p)
        };
        let reopened = Store::open_with_passphrase(data_file, now_in_use, now)?;
        // The old value must not record the new file as checked when it is dropped.
        let mut old = std::mem::replace(self, reopened);
        old.location = None;
        swapped
    }
}

/// `data_file` with `suffix` added to its name.
pub(crate) fn sibling(data_file: &Path, suffix: &str) -> PathBuf {
    let mut name = data_file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A copy left by an interrupted run, with its journal: never the data file itself.
fn remove_leftovers(copy: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(sibling(copy, suffix));
    }
}
