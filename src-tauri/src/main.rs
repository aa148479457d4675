//! The desktop app's entry point; everything else lives in the library so tests can reach it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    soc2_readiness_desktop::run();
}
