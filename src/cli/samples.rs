//! `samples`: the populations of an audit period (hires, leavers, new vendors, changes), the sample proposed from each and the tests recorded.

use chrono::NaiveDate;
use clap::Args as ClapArgs;
use soc2_readiness::Error;

use super::Context;
use super::command::parse_date;
use super::output::{print_json, truncate};

#[derive(ClapArgs)]
pub struct Args {
    assessment: String,
    /// The period's first day (default: the observation period chosen in step 1).
    #[arg(long, value_parser = parse_date, requires = "to")]
    from: Option<NaiveDate>,
    /// The period's last day.
    #[arg(long, value_parser = parse_date, requires = "from")]
    to: Option<NaiveDate>,
    #[arg(long)]
    json: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<(), Error> {
    let ws = cx.workspace()?;
    let id = ws.resolve(&args.assessment)?;
    let view = ws.samples(&id, args.from, args.to, cx.today())?;
    if args.json {
        print_json(&view);
        return Ok(());
    }
    println!(
        "Populations of {} to {}, each with the sample to test",
        view.period.start, view.period.end
    );
    for p in &view.populations {
        let proposed = p.rows.iter().filter(|r| r.proposed).count();
        println!(
            "\n{}: {} in the period, {proposed} proposed; {} tested, {} failed (control {})",
            p.title, p.size, p.tested, p.failed, p.control_id
        );
        if p.size == 0 {
            continue;
        }
        println!("  a test looks for: {}", p.attributes);
        for row in &p.rows {
            let test = row.test.as_ref().map_or("not tested".to_string(), |t| {
                format!(
                    "{} {} by {}",
                    t.result.label(),
                    t.performed_on,
                    t.performed_by
                )
            });
            let chosen = if row.proposed {
                ""
            } else {
                " (chosen, not proposed)"
            };
            println!(
                "  {}  {:<28} {:<12} {test}{chosen}",
                row.item.on,
                truncate(&row.item.label, 28),
                row.item.id
            );
        }
    }
    println!(
        "\nRecord a test: check ID CONTROL --sample POPULATION:ITEM --date D --result pass|fail --by NAME [--reason R]"
    );
    Ok(())
}
