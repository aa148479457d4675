//! Commands about the data file and files in and out: `backup`, `backups`, `restore`, `protect`, `unprotect`, `change-passphrase`, `export`, `import`.

use std::path::PathBuf;

use soc2_readiness::{Error, ErrorKind, data_file};

use super::Context;
use super::output::print_json;
use super::passphrase;

#[derive(clap::Args)]
pub struct ExportArgs {
    assessment: String,
    file: PathBuf,
    /// Protect the file with a passphrase (typed twice, or read as --passphrase-file says).
    #[arg(long)]
    protect: bool,
    #[command(flatten)]
    passphrase: passphrase::Source,
}

#[derive(clap::Args)]
pub struct ChangePassphraseArgs {
    /// Read the new passphrase from the first line of FILE (else from SOC2_NEW_DB_PASSPHRASE,
    /// else it is asked for twice without echo on a terminal).
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    file: PathBuf,
    #[command(flatten)]
    passphrase: passphrase::Source,
}

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
    let from = PathBuf::from(&found.path);
    let passphrase = if data_file::is_protected(&from) {
        cx.data_file_passphrase(&from)?
    } else {
        None
    };
    let passphrase = passphrase.as_deref().map(|p| p.as_str());
    let restored = data_file::restore(&data_file, found, passphrase, cx.now)?;
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

pub fn export(cx: &Context, args: ExportArgs) -> Result<(), Error> {
    if args.passphrase.passphrase_file.is_some() && !args.protect {
        return Err(Error::Invalid(
            "--passphrase-file protects an export only with --protect".into(),
        ));
    }
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    if args.protect {
        let passphrase = args.passphrase.new_passphrase()?;
        ws.export_to(&id, &args.file, Some(&passphrase), cx.now)?;
        println!(
            "exported to {}, protected with a passphrase",
            args.file.display()
        );
    } else {
        ws.export_to(&id, &args.file, None, cx.now)?;
        println!("exported to {}", args.file.display());
    }
    Ok(())
}

pub fn import(cx: &Context, args: ImportArgs) -> Result<(), Error> {
    let bytes = args.passphrase.read_export(&args.file)?;
    let mut ws = cx.workspace()?;
    let assessment = ws.import_json(&bytes, &data_file::new_id(), cx.now)?;
    println!("{}", assessment.id);
    Ok(())
}

pub fn protect(cx: &Context) -> Result<(), Error> {
    let mut ws = cx.workspace()?;
    let data_file = cx.data_file()?;
    if ws.is_protected() {
        return Err(Error::Invalid(format!(
            "{} is already protected; run `soc2-readiness change-passphrase` to change its passphrase",
            data_file.display()
        )));
    }
    let passphrase = passphrase::take(
        cx.db_passphrase_file.as_deref(),
        passphrase::DB_ENV,
        "New passphrase: ",
        true,
    )?
    .ok_or_else(|| {
        Error::Invalid(format!(
            "protect needs a passphrase: give --db-passphrase-file FILE or {}, or run in a terminal to type it",
            passphrase::DB_ENV
        ))
    })?;
    ws.protect(&passphrase, cx.now)?;
    println!("protected {} with a passphrase", data_file.display());
    println!(
        "backups taken before stay readable without it; delete them from {} if they must not be",
        data_file::backups_folder(&data_file).display()
    );
    Ok(())
}

pub fn unprotect(cx: &Context) -> Result<(), Error> {
    let (mut ws, passphrase) = cx.workspace_and_passphrase()?;
    let data_file = cx.data_file()?;
    let Some(passphrase) = passphrase else {
        return Err(Error::Invalid(format!(
            "{} is not protected",
            data_file.display()
        )));
    };
    ws.unprotect(&passphrase, cx.now)?;
    println!(
        "{} is plain again: anyone who can read the file can read it",
        data_file.display()
    );
    Ok(())
}

pub fn change_passphrase(cx: &Context, args: ChangePassphraseArgs) -> Result<(), Error> {
    let (mut ws, current) = cx.workspace_and_passphrase()?;
    let data_file = cx.data_file()?;
    let Some(current) = current else {
        return Err(Error::Invalid(format!(
            "{} is not protected; run `soc2-readiness protect` to protect it",
            data_file.display()
        )));
    };
    let new = passphrase::take(
        args.new_passphrase_file.as_deref(),
        passphrase::NEW_DB_ENV,
        "New passphrase: ",
        true,
    )?
    .ok_or_else(|| {
        Error::Invalid(format!(
            "change-passphrase needs the new passphrase: give --new-passphrase-file FILE or {}, or run in a terminal to type it",
            passphrase::NEW_DB_ENV
        ))
    })?;
    ws.change_passphrase(&current, &new, cx.now)?;
    println!(
        "changed the passphrase of {}; backups taken before keep the old one",
        data_file.display()
    );
    Ok(())
}
