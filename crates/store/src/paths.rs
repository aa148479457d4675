//! Where the data file lives: the platform data directory, or the file the user chose last.

use std::path::{Path, PathBuf};

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
    let note_file = choice_note()?;
    // A note this program wrote is one path long; anything else (a pipe, a large file) is ignored.
    std::fs::metadata(&note_file)
        .ok()
        .filter(|m| m.is_file() && m.len() < 64 * 1024)?;
    let note = std::fs::read_to_string(note_file).ok()?;
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
