//! `module`: check a question module file, keep it in the data file, list, and attach or drop it on an assessment.

use std::path::Path;

use soc2_readiness::Error;
use soc2_readiness::catalog::{Bank, bundled_bank};
use soc2_readiness::workspace::check_module;

use super::Context;
use super::ModuleAction;
use super::output::print_json;

pub fn run(cx: &Context, action: ModuleAction) -> Result<(), Error> {
    match action {
        ModuleAction::Check { file } => check(&file, &bundled_bank()),
        ModuleAction::Add { file } => {
            let mut ws = cx.workspace()?;
            let added = ws.add_module(&file, cx.now).map_err(|e| listed(e, &file))?;
            println!(
                "kept module {} {} ({}, {} questions, sha256 {})",
                added.id,
                added.version,
                added.title,
                added.questions,
                &added.sha256[..12]
            );
            Ok(())
        }
        ModuleAction::List { json } => {
            let modules = cx.workspace()?.modules()?;
            if json {
                print_json(&modules);
                return Ok(());
            }
            if modules.is_empty() {
                println!("no question modules kept; add one with `soc2-readiness module add FILE`");
            }
            for m in &modules {
                println!(
                    "{:<20} {:<8} {:<32} {:>2} questions  sha256 {}  used by {}",
                    m.id,
                    m.version,
                    m.title,
                    m.questions,
                    &m.sha256[..12],
                    m.used_by
                );
            }
            Ok(())
        }
        ModuleAction::Use { assessment, module } => {
            let mut ws = cx.workspace()?;
            let id = ws.resolve(&assessment)?;
            let (module_id, version) = match module.split_once('@') {
                Some((m, v)) => (m, Some(v)),
                None => (module.as_str(), None),
            };
            let used = ws.use_module(&id, module_id, version, cx.now)?;
            println!(
                "{id} uses module {} {} ({})",
                used.id, used.version, used.title
            );
            Ok(())
        }
        ModuleAction::Drop { assessment, module } => {
            let mut ws = cx.workspace()?;
            let id = ws.resolve(&assessment)?;
            ws.drop_module(&id, &module, cx.now)?;
            println!("{id} no longer uses module {module}; its answers stay in the history");
            Ok(())
        }
    }
}

/// Checks a module file against `bank`: every problem on stderr (exit 1), or one line.
pub fn check(file: &Path, bank: &Bank) -> Result<(), Error> {
    let module = check_module(file, bank).map_err(|e| listed(e, file))?;
    let controls = module.questions.iter().filter(|q| q.is_control()).count();
    println!(
        "question module {} {} is valid against bank {}: {} questions ({controls} control), sha256 {}",
        module.id,
        module.version,
        bank.version,
        module.questions.len(),
        &module.sha256[..12]
    );
    Ok(())
}

/// A module that does not hold together lists every problem, as `bank check` does, and ends
/// with one line that counts them.
fn listed(e: Error, file: &Path) -> Error {
    match e {
        Error::Bank(bank) => {
            for problem in &bank.problems {
                eprintln!("{problem}");
            }
            Error::Invalid(format!(
                "{} is not a valid question module: {} problem(s), listed above",
                file.display(),
                bank.problems.len()
            ))
        }
        other => other,
    }
}
