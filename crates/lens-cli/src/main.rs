//! `lens`: the Practice Lens command line over the same core the browser app uses.
//!
//! Errors go to standard error with a non-zero exit status: 2 for a mistake in the command
//! itself, so scripts can tell it apart from a problem in the data.

use std::process::ExitCode;

const USAGE: &str = "\
Usage: lens <command> [arguments]

Commands:
  help        show this message
  version     show the Practice Lens version

Run `lens help` to see this list again.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("version" | "--version" | "-V") => {
            println!("lens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("lens: there is no command '{other}'.\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
