//! Tidy checks: every source file says what it is for, and no debugging leftovers are committed.

use std::path::{Path, PathBuf};

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if ["target", "node_modules", "dist", ".git", "gen"].contains(&name.as_str()) {
            continue;
        }
        if path.is_dir() {
            source_files(&path, out);
        } else if ["rs", "sql", "toml", "ts", "svelte", "sh"]
            .iter()
            .any(|ext| name.ends_with(&format!(".{ext}")))
        {
            out.push(path);
        }
    }
}

fn project_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "src",
        "tests",
        "benches",
        "assets",
        "src-tauri/src",
        "ui/src",
    ] {
        source_files(&root.join(dir), &mut files);
    }
    files
}

#[test]
fn every_source_file_opens_with_a_comment_saying_what_it_is_for() {
    let mut missing = Vec::new();
    for path in project_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or("").trim_start();
        let ok = ["//!", "//", "--", "#", "<!--"]
            .iter()
            .any(|p| first.starts_with(p));
        if !ok || first.len() < 12 {
            missing.push(path.display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "files without a header comment: {missing:#?}"
    );
}

#[test]
fn no_debugging_leftovers() {
    let banned = [
        concat!("dbg", "!("),
        concat!("todo", "!("),
        concat!("unimplemented", "!("),
    ];
    for path in project_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        for word in banned {
            assert!(!text.contains(word), "{} contains {word}", path.display());
        }
    }
}
