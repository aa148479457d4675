//! The `soc2-readiness` command-line tool; everything it does lives in the `cli` module.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
