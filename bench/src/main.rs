//! `crisis-site-bench`: the helper behind `bench/run`. It writes the benchmark corpus,
//! runs the floor the build is compared with, and times the preview's rebuild after a
//! one-file edit. Whole builds are timed from outside, by hyperfine, as users run them.

mod corpus;
mod floor;
mod headings;
mod rebuild;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about, version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a site of N realistic announcements (the same N gives the same bytes).
    Corpus {
        /// How many announcements.
        #[arg(long, short = 'n')]
        announcements: usize,
        /// The folder to write the site into (must not hold a site).
        dir: PathBuf,
    },
    /// Print the earliest `--now` at which every announcement of a corpus of N is
    /// published.
    Now {
        /// How many announcements.
        #[arg(long, short = 'n')]
        announcements: usize,
    },
    /// Write a site of one announcement made of N identical headings.
    Headings {
        /// How many headings.
        #[arg(long, short = 'n')]
        headings: usize,
        /// The folder to write the site into (must not hold a site).
        dir: PathBuf,
    },
    /// Render every markdown file of SITE/content with pulldown-cmark alone into OUTPUT.
    Floor {
        /// The site's folder.
        site: PathBuf,
        /// The folder to write (replaced).
        output: PathBuf,
    },
    /// Time the preview's rebuild after a one-file edit, as `crisis-site serve` does it.
    Rebuild {
        /// The site's folder (a corpus: the edit rewrites its first announcement).
        site: PathBuf,
        /// How many edits to time.
        #[arg(long, default_value_t = 30)]
        edits: usize,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Corpus { announcements, dir } => {
            let written = corpus::write(&dir, announcements)
                .with_context(|| format!("writing the corpus into {}", dir.display()))?;
            println!(
                "wrote {} announcements ({} translations, {} attachments, {} markdown files) into {}",
                written.announcements,
                written.translations,
                written.attachments,
                written.markdown_files,
                dir.display()
            );
        }
        Command::Now { announcements } => {
            println!("{}", corpus::latest_date(announcements).to_rfc3339());
        }
        Command::Floor { site, output } => {
            floor::run(&site, &output).with_context(|| {
                format!("rendering {} into {}", site.display(), output.display())
            })?;
        }
        Command::Headings { headings, dir } => {
            headings::write(&dir, headings)
                .with_context(|| format!("writing the site into {}", dir.display()))?;
        }
        Command::Rebuild { site, edits } => rebuild::run(&site, edits)?,
    }
    Ok(())
}
