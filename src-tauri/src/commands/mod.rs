//! The Tauri commands, one file per area; each parses, locks the workspace, calls the engine.

pub mod accounts;
pub mod answers;
pub mod app;
pub mod assessments;
pub mod calendar;
pub mod compare;
pub mod description;
pub mod launch;
pub mod merge;
pub mod modules;
pub mod protection;
pub mod registers;
pub mod report;
pub mod settings;
pub mod spreadsheet;
pub mod trust;
pub mod what_if;
