//! The SQLite store: the only module that speaks SQL. One file, WAL, foreign keys, embedded migrations.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::{M, Migrations};

pub mod backup;
mod disk;
use serde::{Deserialize, Serialize};

use soc2_readiness_core::assessment::{Answer, Assessment, AssessmentRecord, Depth, ScopeOverride};
use soc2_readiness_core::catalog::Category;
use soc2_readiness_core::upgrade::BankUpgrade;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the data file {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "the data file {path} was written by a newer version of SOC 2 Readiness (schema {found}, this version knows up to {known}); update the app or choose another file"
    )]
    TooNew {
        path: String,
        found: usize,
        known: usize,
    },
    #[error("no assessment matches '{0}'")]
    UnknownAssessment(String),
    #[error("'{0}' matches more than one assessment; give more of the id")]
    AmbiguousAssessment(String),
    #[error("an assessment with id '{0}' already exists")]
    DuplicateAssessment(String),
    #[error(
        "the data file holds a value it cannot read ({0}); restore a backup or export what remains"
    )]
    Corrupt(String),
    #[error(
        "the data file{} is locked by another program (is SOC 2 Readiness open twice?); nothing was saved, try again",
        shown_path(.path)
    )]
    Locked { path: Option<String> },
    #[error(
        "the disk holding the data file{} is full; nothing was saved. Free some space and try again",
        shown_path(.path)
    )]
    DiskFull { path: Option<String> },
    #[error(
        "the data file{} is read-only; nothing was saved. Check its permissions or choose another file",
        shown_path(.path)
    )]
    ReadOnly { path: Option<String> },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// The failures a user can act on get their own message; the rest keep SQLite's.
    fn from(error: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path: None }
            }
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: None },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: None },
            _ => StoreError::Sqlite(error),
        }
    }
}

fn shown_path(path: &Option<String>) -> String {
    path.as_ref().map(|p| format!(" {p}")).unwrap_or_default()
}

impl StoreError {
    /// Names the data file in a failure that was raised without knowing it, so the message
    /// says which file (and so which disk) the user has to look at.
    pub fn in_file(self, data_file: &Path) -> StoreError {
        let named = || Some(data_file.display().to_string());
        match self {
            StoreError::Locked { path: None } => StoreError::Locked { path: named() },
            StoreError::DiskFull { path: None } => StoreError::DiskFull { path: named() },
            StoreError::ReadOnly { path: None } => StoreError::ReadOnly { path: named() },
            other => other,
        }
    }

    /// SQLite reports a full disk or a read-only file system met while opening (the WAL index
    /// cannot be mapped, the file cannot be created) only as a generic I/O failure; the file
    /// system itself says which it was.
    fn diagnosed(self, data_file: &Path) -> StoreError {
        let shown = || Some(data_file.display().to_string());
        match self {
            StoreError::Sqlite(e) => {
                let input_output = matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen)
                );
                match disk::file_system_state(data_file) {
                    disk::FileSystemState::Full if input_output => {
                        StoreError::DiskFull { path: shown() }
                    }
                    disk::FileSystemState::ReadOnly if input_output => {
                        StoreError::ReadOnly { path: shown() }
                    }
                    _ => StoreError::Open {
                        path: data_file.display().to_string(),
                        reason: e.to_string(),
                    },
                }
            }
            other => other.in_file(data_file),
        }
    }
}

pub use soc2_readiness_core::assessment::HistoryEntry;

pub struct Store {
    conn: Connection,
    location: Option<PathBuf>,
    read_only: bool,
}

/// The schema's migrations, in order: the numbered SQL files in `migrations/`. Forward-only: a
/// shipped migration is never edited, only followed by a new one (a test checks this list
/// against the folder).
const MIGRATIONS: [&str; 4] = [
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_settings.sql"),
    include_str!("../migrations/0003_exceptions.sql"),
    include_str!("../migrations/0004_depth_and_upgrades.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes: one per migration.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// The data file in the platform's data directory (on Linux `~/.local/share/soc2-readiness/`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "soc2-readiness")
        .map(|dirs| dirs.data_dir().join("assessments.sqlite3"))
}

/// Where the app notes the data file the user chose instead of the default, so the next start
/// (and the CLI) opens it again: one line holding the absolute path.
fn choice_note() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "soc2-readiness")
        .map(|dirs| dirs.config_dir().join("data-file"))
}

/// The data file the user chose last, if any and if it is still an absolute path.
pub fn chosen_path() -> Option<PathBuf> {
    let note = std::fs::read_to_string(choice_note()?).ok()?;
    Some(PathBuf::from(note.trim_end_matches('\n'))).filter(|p| p.is_absolute())
}

/// Notes `data_file` as the user's choice (see [`chosen_path`]).
pub fn remember_choice(data_file: &Path) -> std::io::Result<()> {
    let Some(note) = choice_note() else {
        return Ok(());
    };
    if let Some(folder) = note.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let partial = note.with_extension("partial");
    std::fs::write(&partial, format!("{}\n", data_file.display()))?;
    std::fs::rename(partial, note)
}

fn timestamp(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("time '{text}': {e}")))
}

fn parse_date(text: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|e| StoreError::Corrupt(format!("date '{t}': {e}")))
    })
    .transpose()
}

fn parse_depth(text: &str) -> Result<Depth, StoreError> {
    Depth::parse(text).ok_or_else(|| StoreError::Corrupt(format!("depth '{text}'")))
}

fn from_json<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("'{text}': {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("answer values serialise to JSON")
}

impl Store {
    /// Opens (creating if needed) the data file, readable by its owner only, and brings its
    /// schema up to date, backing the file up first when a migration is due. `now` names that
    /// backup.
    ///
    /// A file that cannot be written (a read-only file system, a file its owner made read-only)
    /// is opened for reading only, so its assessments can still be read, scored and exported;
    /// every change then fails with [`StoreError::ReadOnly`].
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
        match Store::open_file(path, now).map_err(|e| e.diagnosed(path)) {
            Err(StoreError::ReadOnly { path: shown }) if path.is_file() => {
                Store::open_for_reading(path).map_err(|_| StoreError::ReadOnly { path: shown })
            }
            other => other,
        }
    }

    fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        // SQLite opens lazily: whether the file can be read shows at the first query.
        let first_look = |conn: Connection| -> rusqlite::Result<(Connection, i64, String)> {
            let found = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
            let check = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            Ok((conn, found, check))
        };
        let (conn, found, check) = Connection::open_with_flags(path, flags)
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
                Connection::open_with_flags(uri, flags).and_then(first_look)
            })?;
        // An older schema would need a migration, which is a write; a newer one is not ours.
        if usize::try_from(found).ok() != Some(SCHEMA_VERSION) || check != "ok" {
            return Err(StoreError::ReadOnly { path: None });
        }
        Ok(Store {
            conn,
            location: Some(path.to_path_buf()),
            read_only: true,
        })
    }

    /// True when the file was opened for reading only (see [`Store::open`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn open_file(path: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.exists()
        {
            std::fs::create_dir_all(parent).map_err(|e| disk::io_error(parent, e))?;
            disk::make_private(parent)?;
        }
        let conn = Connection::open(path)?;
        disk::make_private(path)?;
        Store::prepare(conn, Some(path.to_path_buf()), now)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(Connection::open_in_memory()?, None, DateTime::UNIX_EPOCH)
    }

    fn prepare(
        conn: Connection,
        location: Option<PathBuf>,
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
        if location.is_some() && found > 0 {
            // A damaged file is named and left alone here, before any write could spread the damage.
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

    /// All assessments, newest change first.
    pub fn list_assessments(&self) -> Result<Vec<Assessment>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, organisation, bank_version, created_at, updated_at, archived_at, depth, label
             FROM assessments ORDER BY updated_at DESC, id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, Option<String>>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, organisation, bank_version, created, updated, archived, depth, label) = row?;
            out.push(Assessment {
                id,
                organisation,
                bank_version,
                created_at: parse_time(&created)?,
                updated_at: parse_time(&updated)?,
                archived_at: archived.as_deref().map(parse_time).transpose()?,
                depth: parse_depth(&depth)?,
                label,
            });
        }
        Ok(out)
    }

    /// Resolves a full id or a unique prefix of one (as git does with commits).
    pub fn resolve_id(&self, given: &str) -> Result<String, StoreError> {
        let given = given.trim();
        if given.is_empty() {
            return Err(StoreError::UnknownAssessment(given.to_string()));
        }
        let mut statement = self.conn.prepare(
            "SELECT id FROM assessments WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1 LIMIT 3",
        )?;
        let ids: Vec<String> = statement
            .query_map([given], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [] => Err(StoreError::UnknownAssessment(given.to_string())),
            [only] => Ok(only.clone()),
            many if many.iter().any(|id| id == given) => Ok(given.to_string()),
            _ => Err(StoreError::AmbiguousAssessment(given.to_string())),
        }
    }

    pub fn load_record(&self, id: &str) -> Result<AssessmentRecord, StoreError> {
        let assessment = self
            .list_one(id)?
            .ok_or_else(|| StoreError::UnknownAssessment(id.to_string()))?;
        let mut answers = BTreeMap::new();
        for answer in self.answers_where(id, None)? {
            answers.insert(answer.question_id.clone(), answer);
        }
        let mut statement = self.conn.prepare(
            "SELECT category, in_scope, reason, updated_at FROM scope_overrides
             WHERE assessment_id = ?1 ORDER BY category",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, bool>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut scope_overrides = Vec::new();
        for row in rows {
            let (category, in_scope, reason, updated) = row?;
            scope_overrides.push(ScopeOverride {
                category: Category::parse(&category)
                    .ok_or_else(|| StoreError::Corrupt(format!("category '{category}'")))?,
                in_scope,
                reason,
                updated_at: parse_time(&updated)?,
            });
        }
        Ok(AssessmentRecord {
            assessment,
            answers,
            scope_overrides,
            implied: BTreeMap::new(),
            upgrades: self.upgrades(id)?,
        })
    }

    /// The current answer to one question, without reading the rest of the assessment.
    pub fn load_answer(
        &self,
        assessment_id: &str,
        question_id: &str,
    ) -> Result<Option<Answer>, StoreError> {
        Ok(self
            .answers_where(assessment_id, Some(question_id))?
            .into_iter()
            .next())
    }

    /// Answers of an assessment, all of them or the one to `question_id`.
    fn answers_where(
        &self,
        assessment_id: &str,
        question_id: Option<&str>,
    ) -> Result<Vec<Answer>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT question_id, value, note, owner, due, evidence, updated_at, exception
             FROM answers WHERE assessment_id = ?1 AND (?2 IS NULL OR question_id = ?2)
             ORDER BY question_id",
        )?;
        let rows = statement.query_map(params![assessment_id, question_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (question_id, value, note, owner, due, evidence, updated, exception) = row?;
            out.push(Answer {
                question_id,
                value: from_json(&value)?,
                note,
                owner,
                due: parse_date(due)?,
                evidence: from_json(&evidence)?,
                exception,
                updated_at: parse_time(&updated)?,
            });
        }
        Ok(out)
    }

    fn list_one(&self, id: &str) -> Result<Option<Assessment>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT organisation, bank_version, created_at, updated_at, archived_at, depth, label
                 FROM assessments WHERE id = ?1",
                [id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, Option<String>>(4)?,
                        row.get::<_, String>(5)?,
                        row.get::<_, Option<String>>(6)?,
                    ))
                },
            )
            .optional()?;
        row.map(
            |(organisation, bank_version, created, updated, archived, depth, label)| {
                Ok(Assessment {
                    id: id.to_string(),
                    organisation,
                    bank_version,
                    created_at: parse_time(&created)?,
                    updated_at: parse_time(&updated)?,
                    archived_at: archived.as_deref().map(parse_time).transpose()?,
                    depth: parse_depth(&depth)?,
                    label,
                })
            },
        )
        .transpose()
    }

    /// Saves an answer and its history row in one durable transaction; when this returns Ok
    /// the answer is on disk.
    /// `also` are further history rows written in the same transaction (answers a foundation
    /// now implies, or no longer does).
    pub fn save_answer(
        &mut self,
        assessment_id: &str,
        answer: &Answer,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        upsert_answer(&tx, assessment_id, answer)?;
        append_history(&tx, assessment_id, &HistoryEntry::of(answer))?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        touch(&tx, assessment_id, &answer.updated_at)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an answer (the question becomes unanswered); the history keeps the change.
    pub fn clear_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        at: DateTime<Utc>,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        tx.execute(
            "DELETE FROM answers WHERE assessment_id = ?1 AND question_id = ?2",
            params![assessment_id, question_id],
        )?;
        append_history(&tx, assessment_id, &HistoryEntry::cleared(question_id, at))?;
        touch(&tx, assessment_id, &at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_scope_override(
        &mut self,
        assessment_id: &str,
        decision: &ScopeOverride,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        tx.execute(
            "INSERT INTO scope_overrides (assessment_id, category, in_scope, reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (assessment_id, category) DO UPDATE SET
               in_scope = excluded.in_scope, reason = excluded.reason, updated_at = excluded.updated_at",
            params![
                assessment_id,
                decision.category.id(),
                decision.in_scope,
                decision.reason,
                timestamp(&decision.updated_at)
            ],
        )?;
        touch(&tx, assessment_id, &decision.updated_at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn clear_scope_override(
        &mut self,
        assessment_id: &str,
        category: Category,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        tx.execute(
            "DELETE FROM scope_overrides WHERE assessment_id = ?1 AND category = ?2",
            params![assessment_id, category.id()],
        )?;
        touch(&tx, assessment_id, &at)?;
        tx.commit()?;
        Ok(())
    }

    /// Changes the depth; `also` records the answers this implies or releases.
    pub fn set_depth(
        &mut self,
        assessment_id: &str,
        depth: Depth,
        at: DateTime<Utc>,
        also: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE assessments SET depth = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, depth.id(), timestamp(&at)],
        )?;
        expect_one(changed, assessment_id)?;
        for entry in also {
            append_history(&tx, assessment_id, entry)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn rename_assessment(
        &mut self,
        assessment_id: &str,
        organisation: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE assessments SET organisation = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, organisation, timestamp(&at)],
        )?;
        expect_one(changed, assessment_id)
    }

    /// Archives (`Some(time)`) or restores (`None`) an assessment; nothing is deleted.
    pub fn set_archived(
        &mut self,
        assessment_id: &str,
        archived_at: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE assessments SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![
                assessment_id,
                archived_at.as_ref().map(timestamp),
                timestamp(&at)
            ],
        )?;
        expect_one(changed, assessment_id)
    }

    /// Deletes an assessment with its answers, history and overrides.
    pub fn delete_assessment(&mut self, assessment_id: &str) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM assessments WHERE id = ?1", [assessment_id])?;
        expect_one(changed, assessment_id)
    }

    pub fn setting(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Stores a setting; `None` removes it.
    pub fn set_setting(&mut self, key: &str, value: Option<&[u8]>) -> Result<(), StoreError> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// The bank upgrades an assessment went through, oldest first.
    fn upgrades(&self, assessment_id: &str) -> Result<Vec<BankUpgrade>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT from_version, to_version, at, notes FROM bank_upgrades
             WHERE assessment_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([assessment_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (from_version, to_version, at, notes) = row?;
            out.push(BankUpgrade {
                from_version,
                to_version,
                at: parse_time(&at)?,
                notes: from_json(&notes)?,
            });
        }
        Ok(out)
    }

    /// Replaces an assessment's answers with those carried to a newer bank, in one
    /// transaction with the history rows and the record of the upgrade.
    pub fn apply_upgrade(
        &mut self,
        assessment_id: &str,
        answers: &BTreeMap<String, Answer>,
        history: &[HistoryEntry],
        upgrade: &BankUpgrade,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        require_assessment(&tx, assessment_id)?;
        tx.execute(
            "DELETE FROM answers WHERE assessment_id = ?1",
            [assessment_id],
        )?;
        for answer in answers.values() {
            upsert_answer(&tx, assessment_id, answer)?;
        }
        for entry in history {
            append_history(&tx, assessment_id, entry)?;
        }
        insert_upgrade(&tx, assessment_id, upgrade)?;
        tx.execute(
            "UPDATE assessments SET bank_version = ?2, updated_at = ?3 WHERE id = ?1",
            params![assessment_id, upgrade.to_version, timestamp(&upgrade.at)],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The audit trail of an assessment, oldest first.
    pub fn history(&self, assessment_id: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT question_id, value, note, owner, due, evidence, changed_at, exception, implied_by
             FROM answer_history WHERE assessment_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([assessment_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, Option<String>>(7)?,
                row.get::<_, Option<String>>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (question_id, value, note, owner, due, evidence, changed, exception, implied_by) =
                row?;
            out.push(HistoryEntry {
                question_id,
                value: value.as_deref().map(from_json).transpose()?,
                note,
                owner,
                due: parse_date(due)?,
                evidence: from_json(&evidence)?,
                exception,
                implied_by,
                changed_at: parse_time(&changed)?,
            });
        }
        Ok(out)
    }

    /// Writes a whole assessment (an import or a duplicate) in one transaction: all or nothing.
    pub fn insert_record(
        &mut self,
        record: &AssessmentRecord,
        history: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let id = &record.assessment.id;
        insert_assessment(&tx, &record.assessment)?;
        for answer in record.answers.values() {
            upsert_answer(&tx, id, answer)?;
        }
        for decision in &record.scope_overrides {
            tx.execute(
                "INSERT INTO scope_overrides (assessment_id, category, in_scope, reason, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    decision.category.id(),
                    decision.in_scope,
                    decision.reason,
                    timestamp(&decision.updated_at)
                ],
            )?;
        }
        for entry in history {
            append_history(&tx, id, entry)?;
        }
        for upgrade in &record.upgrades {
            insert_upgrade(&tx, id, upgrade)?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn insert_upgrade(
    tx: &Transaction<'_>,
    assessment_id: &str,
    upgrade: &BankUpgrade,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO bank_upgrades (assessment_id, from_version, to_version, at, notes)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            assessment_id,
            upgrade.from_version,
            upgrade.to_version,
            timestamp(&upgrade.at),
            to_json(&upgrade.notes)
        ],
    )?;
    Ok(())
}

fn insert_assessment(tx: &Transaction<'_>, assessment: &Assessment) -> Result<(), StoreError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
        [&assessment.id],
        |row| row.get(0),
    )?;
    if exists {
        return Err(StoreError::DuplicateAssessment(assessment.id.clone()));
    }
    tx.execute(
        "INSERT INTO assessments (id, organisation, bank_version, created_at, updated_at, archived_at, depth, label)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            assessment.id,
            assessment.organisation,
            assessment.bank_version,
            timestamp(&assessment.created_at),
            timestamp(&assessment.updated_at),
            assessment.archived_at.as_ref().map(timestamp),
            assessment.depth.id(),
            assessment.label,
        ],
    )?;
    Ok(())
}

fn require_assessment(tx: &Transaction<'_>, assessment_id: &str) -> Result<(), StoreError> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
        [assessment_id],
        |row| row.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::UnknownAssessment(assessment_id.to_string()))
    }
}

fn upsert_answer(
    tx: &Transaction<'_>,
    assessment_id: &str,
    answer: &Answer,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO answers (assessment_id, question_id, value, note, owner, due, evidence, updated_at, exception)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (assessment_id, question_id) DO UPDATE SET
           value = excluded.value, note = excluded.note, owner = excluded.owner,
           due = excluded.due, evidence = excluded.evidence, updated_at = excluded.updated_at,
           exception = excluded.exception",
        params![
            assessment_id,
            answer.question_id,
            to_json(&answer.value),
            answer.note,
            answer.owner,
            answer.due.map(|d| d.to_string()),
            to_json(&answer.evidence),
            timestamp(&answer.updated_at),
            answer.exception,
        ],
    )?;
    Ok(())
}

fn append_history(
    tx: &Transaction<'_>,
    assessment_id: &str,
    entry: &HistoryEntry,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO answer_history (assessment_id, question_id, value, note, owner, due, evidence, changed_at, exception, implied_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            assessment_id,
            entry.question_id,
            entry.value.as_ref().map(to_json),
            entry.note,
            entry.owner,
            entry.due.map(|d| d.to_string()),
            to_json(&entry.evidence),
            timestamp(&entry.changed_at),
            entry.exception,
            entry.implied_by,
        ],
    )?;
    Ok(())
}

fn touch(tx: &Transaction<'_>, assessment_id: &str, at: &DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE assessments SET updated_at = ?2 WHERE id = ?1",
        params![assessment_id, timestamp(at)],
    )?;
    Ok(())
}

fn expect_one(changed: usize, assessment_id: &str) -> Result<(), StoreError> {
    if changed == 0 {
        Err(StoreError::UnknownAssessment(assessment_id.to_string()))
    } else {
        Ok(())
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
            assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name}");
            let text = std::fs::read_to_string(folder.join(name)).unwrap();
            assert_eq!(text, MIGRATIONS[i], "{name} is not migration {}", i + 1);
        }
    }
}
