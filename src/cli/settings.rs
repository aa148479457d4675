//! `settings`: show or change what every report uses.

use std::path::Path;

use soc2_readiness::Error;
use soc2_readiness::workspace::SettingsChange;

use super::Context;
use super::output::print_json;

pub fn run(
    cx: &Context,
    change: SettingsChange,
    logo: Option<&Path>,
    no_logo: bool,
    json: bool,
) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let mut settings = if change == SettingsChange::default() {
        ws.settings()?
    } else {
        ws.change_settings(change)?
    };
    if logo.is_some() || no_logo {
        settings = ws.set_logo_from(logo)?;
    }
    if json {
        print_json(&settings);
        return Ok(());
    }
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(not set)".into());
    println!("assessor name          {}", shown(&settings.assessor_name));
    println!(
        "assessor organisation  {}",
        shown(&settings.assessor_organisation)
    );
    println!("page size              {:?}", settings.page_size);
    println!(
        "logo                   {}",
        if settings.has_logo {
            "set"
        } else {
            "(not set)"
        }
    );
    if let Some(path) = ws.data_file() {
        println!("data file              {}", path.display());
    }
    Ok(())
}
