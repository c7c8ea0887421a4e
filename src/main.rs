//! The `talks` binary: parses the command line, then runs a command or the explorer.

use std::process::ExitCode;

use clap::Parser;
use talks::cli::Cli;
use talks::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => commands::run(command),
        None => match commands::load(cli.dossier.as_deref()) {
            Ok(loaded) => {
                print!("{}", talks::export::wrap(&loaded.dossier.title, 80, ""));
                println!();
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("{err}");
                ExitCode::from(commands::EXIT_BAD_INPUT)
            }
        },
    }
}
