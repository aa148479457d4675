//! The data file: the only crate that speaks SQL. One SQLite file, WAL, foreign keys, numbered migrations, backups.
//!
//! One module per table or concern; every change is one transaction, so an answer reported
//! saved is on disk.

mod accounts;
mod answers;
mod assessments;
pub mod backup;
mod calendar;
mod cipher;
mod disk;
mod error;
mod merge;
mod modules;
mod open;
mod paths;
mod registers;
mod rows;
mod settings;
mod summaries;
mod upgrades;
mod verified;

use std::path::PathBuf;

use rusqlite::Connection;

pub use calendar::EvidenceBytes;
pub use cipher::is_protected;
pub use error::StoreError;
pub use modules::StoredModule;
pub use open::SCHEMA_VERSION;
pub use paths::{chosen_path, default_path, remember_choice};
pub use settings::limits_key;
pub use soc2_readiness_core::assessment::HistoryEntry;
pub use summaries::ListFigures;

pub struct Store {
    conn: Connection,
    location: Option<PathBuf>,
    read_only: bool,
    /// The passphrase a protected file was opened with, kept (and wiped on drop) because every
    /// backup of it is keyed with it too; `None` for a plain file.
    passphrase: Option<zeroize::Zeroizing<String>>,
}
