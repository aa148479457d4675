//! The people register's commands: those every register has, and the company's own limits it is judged against.

use clap::{Args as ClapArgs, Subcommand};
use soc2_readiness::registers::Person;

use super::Context;
use super::output::print_json;
use super::registers::{Action, run};
use soc2_readiness::Error;

#[derive(ClapArgs)]
pub struct PeopleArgs {
    pub assessment: String,
    #[command(subcommand)]
    pub action: PeopleAction,
}

#[derive(Subcommand)]
pub enum PeopleAction {
    #[command(flatten)]
    Common(Action),
    /// The company's own limits the register is judged against; with no option, shows them.
    Limits {
        /// Days after leaving by which all of a leaver's access is removed.
        #[arg(long, value_name = "DAYS")]
        removal_days: Option<u16>,
        /// Days after starting by which a hire completes security training.
        #[arg(long, value_name = "DAYS")]
        training_days: Option<u16>,
        /// Days after starting (or after a new version's approval) by which the policies are
        /// acknowledged.
        #[arg(long, value_name = "DAYS")]
        acknowledgement_days: Option<u16>,
        /// Go back to the usual limits (3, 30 and 30 days).
        #[arg(long, conflicts_with_all = ["removal_days", "training_days", "acknowledgement_days"])]
        usual: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn people(cx: &Context, args: PeopleArgs) -> Result<(), Error> {
    let (removal_days, training_days, acknowledgement_days, usual, json) = match args.action {
        PeopleAction::Common(action) => return run::<Person>(cx, &args.assessment, action),
        PeopleAction::Limits {
            removal_days,
            training_days,
            acknowledgement_days,
            usual,
            json,
        } => (
            removal_days,
            training_days,
            acknowledgement_days,
            usual,
            json,
        ),
    };
    let mut ws = cx.workspace()?;
    let assessment = ws.resolve(&args.assessment)?;
    let mut kept = ws.limits(&assessment)?;
    let changed = [removal_days, training_days, acknowledgement_days]
        .iter()
        .any(Option::is_some);
    if usual {
        kept = ws.set_limits(&assessment, None)?;
    } else if changed {
        let mut limits = kept.limits;
        limits.access_removal_days = removal_days.unwrap_or(limits.access_removal_days);
        limits.training_days = training_days.unwrap_or(limits.training_days);
        limits.acknowledgement_days = acknowledgement_days.unwrap_or(limits.acknowledgement_days);
        kept = ws.set_limits(&assessment, Some(limits))?;
    }
    if json {
        print_json(&kept);
        return Ok(());
    }
    let whose = if kept.set {
        "your limits"
    } else {
        "the usual limits (not set by you)"
    };
    println!("{whose}:");
    println!(
        "  access removed within     {} days of leaving",
        kept.limits.access_removal_days
    );
    println!(
        "  training completed within {} days of starting",
        kept.limits.training_days
    );
    println!(
        "  policies acknowledged within {} days of starting or of a new version",
        kept.limits.acknowledgement_days
    );
    Ok(())
}
