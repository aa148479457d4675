//! Opening the data file: creating it private, migrating it (backed up first), or reading a file that cannot be written.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use zeroize::Zeroizing;

use super::{Store, StoreError, cipher, disk, verified};

/// The schema's migrations, in order: the numbered SQL files in `migrations/`. Forward-only: a
/// shipped migration is never edited, only followed by a new one (a test checks this list
/// against the folder).
const MIGRATIONS: [&str; 15] = [
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_settings.sql"),
    include_str!("../migrations/0003_exceptions.sql"),
    include_str!("../migrations/0004_depth_and_upgrades.sql"),
    include_str!("../migrations/0005_baselines_and_summaries.sql"),
    include_str!("../migrations/0006_question_modules.sql"),
    include_str!("../migrations/0007_registers.sql"),
    include_str!("../migrations/0008_control_calendar.sql"),
    include_str!("../migrations/0009_check_log_reads.sql"),
    include_str!("../migrations/0010_live_exposures.sql"),
    include_str!("../migrations/0011_calendar_follows_renames.sql"),
    include_str!("../migrations/0012_people.sql"),
    include_str!("../migrations/0013_account_imports.sql"),
    include_str!("../migrations/0014_sampled_checks.sql"),
    include_str!("../migrations/0015_changes.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes: one per migration.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

impl Store {
    /// Opens (creating if needed) the data file, readable by its owner only, and brings its
    /// schema up to date, backing the file up first when a migration is due. `now` names that
    /// backup.
    ///
    /// A file that cannot be written (a read-only file system, a file its owner made read-only)
    /// is opened for reading only, so its assessments can still be read, scored and exported;
    /// every change then fails with [`StoreError::ReadOnly`].
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
        Store::open_with_passphrase(path, None, now)
    }

    /// [`Store::open`] for a file that may be protected: a protected one is keyed with
    /// `passphrase` before anything else reads it, and refused without one
    /// ([`StoreError::NeedsPassphrase`]) or with a wrong one ([`StoreError::WrongPassphrase`]),
    /// its bytes untouched either way. A plain file ignores a passphrase given.
    pub fn open_with_passphrase(
        path: &Path,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Store, StoreError> {
        // Opening a pipe waits for a writer, and a device never ends: refuse both before
        // anything opens the path.
        if let Ok(metadata) = std::fs::metadata(path)
            && !metadata.is_file()
        {
            use std::os::unix::fs::FileTypeExt;
            let kind = metadata.file_type();
            let what = if kind.is_dir() {
                "it is a folder; give the data file's own path"
            } else if kind.is_fifo() || kind.is_socket() {
                "it is a pipe, not a data file"
            } else {
                "it is a device, not a data file"
            };
            return Err(StoreError::Open {
                path: path.display().to_string(),
                reason: what.to_string(),
            });
        }
        let passphrase = match (cipher::is_protected(path), passphrase) {
            (false, _) => None,
            (true, None) => {
                return Err(StoreError::NeedsPassphrase {
                    path: path.display().to_string(),
                });
            }
            (true, Some(given)) => Some(given),
        };
        let named = |e: StoreError| e.named(path).diagnosed(path);
        match Store::open_file(path, passphrase, now).map_err(named) {
            Err(StoreError::ReadOnly { path: shown }) if path.is_file() => {
                Store::open_for_reading(path, passphrase).map_err(|e| match e {
                    StoreError::WrongPassphrase { .. } => e.named(path),
                    _ => StoreError::ReadOnly { path: shown },
                })
            }
            other => other,
        }
    }

    fn open_for_reading(path: &Path, passphrase: Option<&str>) -> Result<Store, StoreError> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        // SQLite opens lazily: whether the file can be read shows at the first query.
        let first_look = |conn: Connection| -> Result<(Connection, i64, String), StoreError> {
            if let Some(passphrase) = passphrase {
                cipher::key(&conn, passphrase)?;
            }
            let found = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
            let check = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            Ok((conn, found, check))
        };
        let (conn, found, check) = Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(first_look)
            .or_else(|e| {
                // Reading a WAL file needs its index file; where that cannot be created (a
                // read-only file system) the file is read as immutable, which is only sound
                // when no write-ahead log holds changes not yet in the file.
                let log = PathBuf::from(format!("{}-wal", path.display()));
                if std::fs::metadata(&log).is_ok_and(|m| m.len() > 0) {
                    return Err(e);
                }
                let mut uri = String::from("file:");
                for byte in path.as_os_str().as_encoded_bytes() {
                    if byte.is_ascii_alphanumeric() || b"/-_.~".contains(byte) {
                        uri.push(char::from(*byte));
                    } else {
                        uri.push_str(&format!("%{byte:02X}"));
                    }
                }
                uri.push_str("?immutable=1");
                Connection::open_with_flags(uri, flags)
                    .map_err(StoreError::from)
                    .and_then(first_look)
            })?;
        // An older schema would need a migration, which is a write; a newer one is not ours.
        if usize::try_from(found).ok() != Some(SCHEMA_VERSION) || check != "ok" {
            return Err(StoreError::ReadOnly { path: None });
        }
        Ok(Store {
            conn,
            location: Some(path.to_path_buf()),
            read_only: true,
            passphrase: passphrase.map(|p| Zeroizing::new(p.to_string())),
        })
    }

    /// True when the file was opened for reading only (see [`Store::open`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn open_file(
        path: &Path,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.exists()
        {
            std::fs::create_dir_all(parent).map_err(|e| disk::io_error(parent, e))?;
            disk::make_private(parent)?;
        }
        let conn = Connection::open(path)?;
        if let Some(passphrase) = passphrase {
            cipher::key(&conn, passphrase)?;
        }
        disk::make_private(path)?;
        Store::prepare(conn, Some(path.to_path_buf()), passphrase, now)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(
            Connection::open_in_memory()?,
            None,
            None,
            DateTime::UNIX_EPOCH,
        )
    }

    fn prepare(
        conn: Connection,
        location: Option<PathBuf>,
        passphrase: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Store, StoreError> {
        let shown = location
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        // WAL keeps readers off the writer's back; synchronous=FULL fsyncs every commit, so an
        // answer reported saved survives a power cut, not only a crash of the app.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let found = usize::try_from(found).unwrap_or(usize::MAX);
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: shown,
                found,
                known: SCHEMA_VERSION,
            });
        }
        // Only after the version check: switching to WAL rewrites the file header, and a file
        // from a newer version must be left exactly as it was.
        if location.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        let unchanged = location
            .as_deref()
            .is_some_and(verified::unchanged_since_check);
        if let Some(path) = location.as_deref().filter(|_| found > 0 && !unchanged) {
            // A damaged file is named and left alone here, before any write could spread the damage.
            verified::forget(path);
            let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            if check != "ok" {
                return Err(StoreError::Open {
                    path: shown,
                    reason: format!(
                        "the file is damaged ({check}); restore one of its backups or choose another file"
                    ),
                });
            }
        }
        let mut store = Store {
            conn,
            location,
            read_only: false,
            passphrase: passphrase.map(|p| Zeroizing::new(p.to_string())),
        };
        if found > 0 && found < SCHEMA_VERSION && store.location.is_some() {
            store.back_up("before-migration", now)?;
        }
        migrations()
            .to_latest(&mut store.conn)
            .map_err(|e| match e {
                rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
                other => StoreError::Open {
                    path: shown.clone(),
                    reason: format!("cannot bring the schema up to date: {other}"),
                },
            })?;
        Ok(store)
    }

    /// Where the data lives, for showing to the user.
    pub fn location(&self) -> Option<&Path> {
        self.location.as_deref()
    }
}

impl Drop for Store {
    /// Closes the connection (SQLite folds the write-ahead log into the file), then records the
    /// file as checked: it was checked, or unchanged since a check, when opened, and only SQLite
    /// wrote to it since.
    fn drop(&mut self) {
        let Some(path) = self.location.clone().filter(|_| !self.read_only) else {
            return;
        };
        let Ok(placeholder) = Connection::open_in_memory() else {
            return;
        };
        let conn = std::mem::replace(&mut self.conn, placeholder);
        if conn.close().is_ok() {
            verified::remember(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn every_numbered_file_in_the_migrations_folder_is_a_migration_in_order() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        names.sort();
        assert_eq!(names.len(), SCHEMA_VERSION, "{names:?}");
        for (i, name) in names.iter().enumerate() {
            let number: usize = name[..4].parse().unwrap();
            assert_eq!(
                number,
                i + 1,
                "{name}: the schema version is the migration's number"
            );
            let text = std::fs::read_to_string(folder.join(name)).unwrap();
            assert_eq!(text, MIGRATIONS[i], "{name} is not migration {}", i + 1);
        }
    }
}
