//! The launch mark: how long the app took from process start to an interactive first screen, as the app itself sees it.
//!
//! `./dev measure` starts the app with `SOC2_LAUNCH_MARK=<file>`; the UI calls `mark_launch` once
//! it has painted the interactive assessments list, and the milliseconds since the process
//! started are written to that file, followed by the page's own clock at that moment (so the
//! time before the page can be told from the time in it). Without the variable the command does
//! nothing, so a user's launch writes nothing anywhere.

use std::path::Path;

use crate::error::{CommandError, CommandResult, ErrorKind};

/// The file the mark is written to, when a measurement asks for one.
const MARK_FILE: &str = "SOC2_LAUNCH_MARK";

/// Writes the milliseconds since this process started, and `in_page_ms` (the page's
/// `performance.now()`), to `$SOC2_LAUNCH_MARK` as one line, and returns the former; `None` (and
/// nothing written) when the variable is unset.
#[tauri::command]
pub fn mark_launch(in_page_ms: Option<f64>) -> CommandResult<Option<u64>> {
    let Some(file) = std::env::var_os(MARK_FILE) else {
        return Ok(None);
    };
    let ms = since_process_start_ms()
        .map_err(|reason| CommandError::new(ErrorKind::Unexpected, reason))?;
    write_mark(Path::new(&file), ms, in_page_ms)?;
    Ok(Some(ms))
}

/// Milliseconds from the kernel's record of this process's start (`/proc/self/stat`, field 22)
/// to now (`/proc/uptime`). Both count from boot on the same clock, so the time before `main`
/// runs (exec, dynamic linking of WebKitGTK) is counted too; both have a 10 ms resolution.
fn since_process_start_ms() -> Result<u64, String> {
    let stat = std::fs::read_to_string("/proc/self/stat")
        .map_err(|e| format!("cannot read /proc/self/stat: {e}"))?;
    let uptime = std::fs::read_to_string("/proc/uptime")
        .map_err(|e| format!("cannot read /proc/uptime: {e}"))?;
    elapsed_ms(&stat, &uptime)
        .ok_or_else(|| "cannot read the process start time from /proc".to_string())
}

/// The arithmetic of `since_process_start_ms`, apart from the files so a test can feed it.
fn elapsed_ms(stat: &str, uptime: &str) -> Option<u64> {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    // `starttime` is field 22, so the 20th field after the name.
    let after_name = &stat[stat.rfind(')')? + 2..];
    let start_ticks: u64 = after_name.split(' ').nth(19)?.parse().ok()?;
    // /proc reports in USER_HZ ticks, which is 100 on every Linux architecture Tauri builds for.
    let start_ms = start_ticks * 10;
    let up_seconds: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    let now_ms = (up_seconds * 1000.0).round() as u64;
    Some(now_ms.saturating_sub(start_ms))
}

fn write_mark(file: &Path, ms: u64, in_page_ms: Option<f64>) -> CommandResult<()> {
    let line = match in_page_ms {
        Some(page) if page.is_finite() => format!("{ms} {}\n", page.round() as u64),
        _ => format!("{ms}\n"),
    };
    std::fs::write(file, line).map_err(|e| {
        CommandError::new(
            ErrorKind::Unexpected,
            format!("cannot write the launch mark to {}: {e}", file.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_time_is_read_after_a_name_with_spaces_and_parentheses() {
        let stat = "4242 (soc2 (readiness)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 8 0 123456 0 0";
        assert_eq!(
            elapsed_ms(stat, "1236.78 4000.00\n"),
            Some(1_236_780 - 1_234_560)
        );
    }

    #[test]
    fn a_stat_line_without_a_start_time_gives_none() {
        assert_eq!(elapsed_ms("4242 (app) S 1", "12.00 1.00"), None);
        assert_eq!(elapsed_ms("no name here", "12.00 1.00"), None);
    }

    #[test]
    fn the_mark_is_this_process_age_and_lands_in_the_file() {
        let ms = since_process_start_ms().unwrap();
        // A test binary is seconds old at most when it gets here, not hours.
        assert!(ms < 600_000, "{ms} ms");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mark");
        write_mark(&file, ms, None).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), format!("{ms}\n"));
        write_mark(&file, ms, Some(212.6)).unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            format!("{ms} 213\n")
        );
    }
}
