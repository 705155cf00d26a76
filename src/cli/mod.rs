//! The `crisis-site` command: parses flags, runs the library, reports. Errors that
//! are not the site's problems get their context here (`anyhow`), and every run ends
//! in an exit status.

mod args;
mod print;
mod run;

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;

use args::{Cli, Command};
use crisis_site::{Moment, Publish, ServeOptions};

/// Runs the command line.
pub fn main() -> ExitCode {
    match dispatch(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command the arguments name.
fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let now: Moment = cli
        .now
        .unwrap_or_else(|| Local::now().fixed_offset().into());
    match cli.command {
        Command::Init { dir } => run::init(&dir, now),
        Command::New {
            title,
            channel,
            slug,
            no_number,
            lang,
            of,
        } => {
            let new = run::New {
                root: cli.root,
                title,
                channel,
                slug,
                numbered: !no_number,
                lang,
                of,
            };
            run::new(new, now)
        }
        Command::Serve { port, bind, open } => run::serve(ServeOptions {
            root: cli.root,
            bind,
            port,
            open,
            now: cli.now,
        }),
        Command::Check {
            strict,
            format,
            external,
        } => run::check(&cli.root, now, strict, format, external),
        Command::Build {
            output,
            drafts,
            future,
            base_url,
        } => {
            let publish = Publish {
                drafts,
                future,
                now,
                base_url,
                preview: false,
            };
            run::build(cli.root, output, publish)
        }
    }
}
