//! Commands about the data file and files in and out: `backup`, `backups`, `restore`, `export`, `import`.

use std::path::Path;

use soc2_readiness::{Error, ErrorKind, data_file};

use super::Context;
use super::output::print_json;

pub fn backup(cx: &Context) -> Result<(), Error> {
    let made = cx.workspace()?.back_up("manual", cx.now)?;
    println!("backed up to {}", made.path);
    Ok(())
}

pub fn backups(cx: &Context, json: bool) -> Result<(), Error> {
    let data_file = cx.data_file()?;
    let backups = data_file::backups(&data_file)?;
    if json {
        print_json(&backups);
    } else if backups.is_empty() {
        println!("No backups yet of {}", data_file.display());
    } else {
        for b in backups {
            println!(
                "{}  {:<17} {:>8} KB  {}",
                b.created_at.format("%Y-%m-%d %H:%M:%S"),
                b.reason,
                b.bytes.div_ceil(1024),
                b.path
            );
        }
    }
    Ok(())
}

pub fn restore(cx: &Context, chosen: &str, yes: bool) -> Result<(), Error> {
    let data_file = cx.data_file()?;
    let found = match data_file::find_backup(&data_file, chosen) {
        Err(e) if e.kind() == ErrorKind::InvalidInput => {
            return Err(Error::Invalid(format!(
                "'{chosen}' is not a backup of {} (run `soc2-readiness backups`)",
                data_file.display()
            )));
        }
        found => found?,
    };
    if !yes {
        return Err(Error::Invalid(format!(
            "restoring replaces {} with the backup from {}; repeat with --yes to confirm",
            data_file.display(),
            found.created_at.format("%Y-%m-%d %H:%M")
        )));
    }
    let restored = data_file::restore(&data_file, found, cx.now)?;
    println!(
        "restored {} from {}",
        data_file.display(),
        restored.from.path
    );
    if let Some(aside) = restored.moved_aside {
        println!("the previous file was kept as {}", aside.display());
    }
    Ok(())
}

pub fn export(cx: &Context, assessment: &str, file: &Path) -> Result<(), Error> {
    let ws = cx.workspace()?;
    ws.export_to(&ws.resolve(assessment)?, file, cx.now)?;
    println!("exported to {}", file.display());
    Ok(())
}

pub fn import(cx: &Context, file: &Path) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let assessment = ws.import_from(file, &data_file::new_id(), cx.now)?;
    println!("{}", assessment.id);
    Ok(())
}
