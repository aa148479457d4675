//! `bank`: print the question bank, or check a customised one.

use soc2_readiness::Error;
use soc2_readiness::catalog::bundled_bank;
use soc2_readiness::files::load_bank_dir;

use super::BankAction;
use super::output::print_json;

pub fn run(json: bool, action: Option<BankAction>) -> Result<(), Error> {
    if let Some(BankAction::Check { dir, module }) = &action {
        let bank = match dir {
            Some(dir) => match load_bank_dir(dir) {
                Ok(bank) => bank,
                Err(e) => {
                    for problem in &e.problems {
                        eprintln!("{problem}");
                    }
                    return Err(e.into());
                }
            },
            None => bundled_bank(),
        };
        if let Some(file) = module {
            return super::modules::check(file, &bank);
        }
        let controls = bank.control_questions().count();
        let scoping = bank.scoping_questions().count();
        println!(
            "question bank {} is valid: {} criteria, {scoping} scoping and {controls} control questions",
            bank.version,
            bank.criteria.len()
        );
        return Ok(());
    }
    let bank = bundled_bank();
    if json {
        print_json(&bank);
        return Ok(());
    }
    println!("Question bank {}", bank.version);
    for step in &bank.steps {
        println!("\nStep {}: {}", step.number, step.title);
        for q in bank.questions.iter().filter(|q| q.step == step.number) {
            let criteria = if q.criteria.is_empty() {
                String::new()
            } else {
                format!("  [{}]", q.criteria.join(", "))
            };
            println!("  {:<34} {}{}", q.id, q.text, criteria);
        }
    }
    Ok(())
}
