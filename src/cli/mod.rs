//! The `crisis-site` command: parses flags, runs the library, reports. Errors that
//! are not the site's problems get their context here (`anyhow`), and every run ends
//! in an exit status.

mod args;
mod print;
mod publish;
mod run;

use std::process::ExitCode;

use chrono::Local;
use clap::Parser as _;

use args::{Cli, Command, ThemeCommand};
use crisis_site::{
    MessageLang, Moment, Publish, ServeOptions, message_lang, message_lang_of, msg,
    starter_language,
};

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = |name: &str| std::env::var(name).ok();
    let lang = match &cli.command {
        // The site does not exist yet: it will be the starter's language.
        Command::Init { .. } => message_lang_of(starter_language(), cli.messages, env),
        _ => message_lang(&cli.root, cli.messages, env),
    };
    let now = match cli.now.as_deref().map(crisis_site::parse_now) {
        None => None,
        Some(Ok(now)) => Some(now),
        Some(Err(message)) => {
            print::error_line(lang, msg!("error-line", text = message));
            // As clap ends on a bad command line.
            return ExitCode::from(2);
        }
    };
    match dispatch(cli, now, lang) {
        Ok(code) => code,
        Err(err) => {
            print::error_line(lang, msg!("error-line", text = format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Runs the command the arguments name at `now` (the real time if `None`), speaking
/// `lang`.
fn dispatch(cli: Cli, now: Option<Moment>, lang: MessageLang) -> anyhow::Result<ExitCode> {
    let fixed = now;
    let now: Moment = now.unwrap_or_else(|| Local::now().fixed_offset().into());
    match cli.command {
        Command::Init { dir } => run::init(lang, &dir, now),
        Command::Theme {
            command: ThemeCommand::Export { dir },
        } => run::export_theme(lang, &dir),
        Command::New {
            title,
            channel,
            slug,
            no_number,
            folder,
            lang: translation,
            of,
        } => {
            let new = run::New {
                root: cli.root,
                title,
                channels: args::channels(&channel),
                slug,
                numbered: !no_number,
                folder,
                lang: translation,
                of,
            };
            run::new(lang, new, now)
        }
        Command::Serve { port, bind, open } => run::serve(
            lang,
            ServeOptions {
                root: cli.root,
                bind,
                port,
                open,
                now: fixed,
                messages: lang,
            },
        ),
        Command::Check {
            strict,
            format,
            external,
        } => run::check(lang, &cli.root, now, strict, format, external),
        Command::Publish(args) => publish::from_args(lang, cli.root, args, fixed, now),
        Command::Build {
            output,
            drafts,
            future,
            base_url,
            publish_with_errors,
        } => {
            let publish = Publish {
                drafts,
                future,
                now,
                base_url,
                preview: false,
            };
            run::build(lang, cli.root, output, publish, publish_with_errors)
        }
    }
}
