//! Build script: lets Tauri generate its context (config, capabilities, icons) at compile time.
fn main() {
    tauri_build::build()
}
