//! The `crisis-site` command: parses flags, runs the library, reports.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset, Local};
use clap::{Parser, Subcommand};

use crisis_site::{BuildOptions, Error, Publish};

/// Build a dedicated crisis-communication site from markdown announcements.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The site's folder, where site.toml is.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Act as if it were this moment (RFC 3339, e.g. 2023-06-09T15:00:00+09:00):
    /// announcements dated later are embargoed. Defaults to the real time.
    #[arg(long, global = true, value_parser = parse_now)]
    now: Option<DateTime<FixedOffset>>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder, replacing it only if the build succeeds.
    Build {
        /// Where to write the site (default: public/ in the site's folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Include announcements marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Include announcements dated after now (embargoed statements).
        #[arg(long)]
        future: bool,
        /// Where the site will be published (e.g. https://incident.example.jp/), in
        /// place of site.toml's `base_url`; used for feeds, sitemap and share links.
        #[arg(long, value_parser = crisis_site::config::BaseUrl::parse)]
        base_url: Option<crisis_site::config::BaseUrl>,
    },
    /// Review the site before publishing: what hurts trust but is not a build error
    /// (a gap in the numbered series, a site silent for days, a late promised update,
    /// no open contact desk, a broken link, a heavy page, the IR identity missing, the
    /// PPC reporting deadlines as a reminder). Exits non-zero on an error, or with
    /// --strict a warning.
    Check {
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// How to print the findings: text for people, json for CI.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also list the distinct addresses outside the site that the pages and feeds
        /// link to, with the files that do, for a person to open: check never fetches
        /// them.
        #[arg(long)]
        external: bool,
    },
    /// Start a new site in DIR (missing or empty): settings, an overview, one
    /// announcement in each channel with its English translation, and the default theme.
    Init {
        /// The folder of the new site.
        dir: PathBuf,
    },
    /// Write a new draft announcement dated now, with the next number of the series,
    /// and print its path; with --lang and --for, the translation of an existing one.
    New {
        /// The title.
        title: String,
        /// Whom it addresses: ir (a disclosure) or pr (a public statement).
        #[arg(long, value_parser = ["ir", "pr"], required_unless_present = "of", conflicts_with = "of")]
        channel: Option<String>,
        /// Its slug (its URL name); default: the date and time, e.g. 2023-06-06-1700.
        #[arg(long, conflicts_with = "of")]
        slug: Option<String>,
        /// Leave out `number` (for statements outside the numbered series).
        #[arg(long, conflicts_with = "of")]
        no_number: bool,
        /// Write a translation into this language (with --for).
        #[arg(long, requires = "of", value_parser = crisis_site::lang::Lang::parse)]
        lang: Option<crisis_site::lang::Lang>,
        /// The slug of the announcement to translate (with --lang).
        #[arg(long = "for", id = "of", requires = "lang")]
        of: Option<String>,
    },
    /// Preview the site while writing: drafts and embargoed statements shown and
    /// marked, rebuilt and reloaded on every save. Never writes to public/.
    Serve {
        /// The port (default: 1111, or the next free one).
        #[arg(long, short)]
        port: Option<u16>,
        /// The address to listen on; other machines can reach the preview only if
        /// this is not a loopback address.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
}

/// How `check` prints its findings.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// One finding a paragraph, then a count.
    Text,
    /// One JSON document: the findings and the counts.
    Json,
}

/// Prints one rebuild of the preview: its time, or its problems.
fn report_rebuild(rebuilt: &crisis_site::serve::Rebuilt) {
    if rebuilt.problems.is_empty() {
        println!("rebuilt in {} ms", rebuilt.took.as_millis());
    } else {
        for problem in &rebuilt.problems {
            eprintln!("error: {problem}");
        }
        eprintln!(
            "error: rebuild failed with {} problem{}; the preview keeps showing the last good build",
            rebuilt.problems.len(),
            if rebuilt.problems.len() == 1 { "" } else { "s" }
        );
    }
}

fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        format!("`{text}` is not a date-time with offset; expected e.g. 2023-06-09T15:00:00+09:00")
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let now = cli.now.unwrap_or_else(|| Local::now().fixed_offset());
    match cli.command {
        Command::Init { dir } => {
            let written = crisis_site::init::init(&dir, now).context("init failed")?;
            println!(
                "wrote a new site to {} ({} files):",
                dir.display(),
                written.len()
            );
            for path in &written {
                println!("  {}", path.display());
            }
            println!("next: cd {} && crisis-site serve", dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            title,
            channel,
            slug,
            no_number,
            lang,
            of,
        } => {
            let written = match (lang, of) {
                (Some(lang), Some(of)) => {
                    crisis_site::new::translation(&crisis_site::new::NewTranslation {
                        root: cli.root.clone(),
                        title,
                        lang,
                        of,
                    })
                }
                _ => crisis_site::new::announcement(&crisis_site::new::NewAnnouncement {
                    root: cli.root.clone(),
                    title,
                    channel: match channel.as_deref() {
                        Some("ir") => crisis_site::announcement::Channel::Ir,
                        _ => crisis_site::announcement::Channel::Pr,
                    },
                    slug,
                    numbered: !no_number,
                    now,
                }),
            };
            match written {
                Ok(path) => {
                    println!("{}", path.display());
                    Ok(ExitCode::SUCCESS)
                }
                Err(Error::Invalid(problems)) => {
                    for problem in &problems {
                        eprintln!("error: {problem}");
                    }
                    Ok(ExitCode::FAILURE)
                }
                Err(other) => Err(other).context("new failed"),
            }
        }
        Command::Serve { port, bind, open } => {
            let options = crisis_site::serve::ServeOptions {
                root: cli.root,
                bind,
                port,
                open,
                now: cli.now,
            };
            crisis_site::serve::serve(
                options,
                |url| println!("serving the preview at {url} (drafts and embargoed announcements included; Ctrl-C stops)"),
                report_rebuild,
            )
            .context("the preview stopped")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            strict,
            format,
            external,
        } => {
            let publish = Publish {
                drafts: false,
                future: false,
                now,
                base_url: None,
            };
            let report = match crisis_site::check::check(&cli.root, &publish) {
                Ok(report) => report,
                Err(Error::Invalid(problems)) => {
                    for problem in &problems {
                        eprintln!("error: {problem}");
                    }
                    eprintln!(
                        "error: check failed with {} problem{} that also fail the build",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    );
                    return Ok(ExitCode::FAILURE);
                }
                Err(other) => return Err(other).context("check failed"),
            };
            let counts = [
                crisis_site::check::Level::Error,
                crisis_site::check::Level::Warning,
                crisis_site::check::Level::Info,
            ]
            .map(|level| report.count(level));
            match format {
                Format::Json => {
                    let mut document = serde_json::json!({
                        "findings": report.findings,
                        "errors": counts[0],
                        "warnings": counts[1],
                        "infos": counts[2],
                        "passed": !report.fails(strict),
                    });
                    if external {
                        document["external"] = serde_json::to_value(&report.external)?;
                    }
                    println!("{}", serde_json::to_string_pretty(&document)?);
                }
                Format::Text => {
                    for finding in &report.findings {
                        println!("{finding}");
                    }
                    // A listing, not findings: an address outside the site is not a
                    // problem, and whether it still answers is for a person to see.
                    if external {
                        println!("external links (not fetched): {}", report.external.len());
                        for link in &report.external {
                            println!("  {} ({})", link.url, link.files.join(", "));
                        }
                    }
                    println!(
                        "check: {} error{}, {} warning{}, {} info",
                        counts[0],
                        if counts[0] == 1 { "" } else { "s" },
                        counts[1],
                        if counts[1] == 1 { "" } else { "s" },
                        counts[2]
                    );
                }
            }
            Ok(if report.fails(strict) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Build {
            output,
            drafts,
            future,
            base_url,
        } => {
            let output = output.unwrap_or_else(|| cli.root.join("public"));
            let options = BuildOptions {
                root: cli.root,
                output: output.clone(),
                publish: Publish {
                    drafts,
                    future,
                    now,
                    base_url,
                },
            };
            let started = Instant::now();
            match crisis_site::build(&options) {
                Ok(summary) => {
                    for warning in &summary.warnings {
                        eprintln!("warning: {warning}");
                    }
                    if summary.standby {
                        println!(
                            "standby: the site is not live (site.toml `standby = true`); every page says noindex and robots.txt disallows all crawlers; set `standby = false` to go live"
                        );
                    }
                    let languages: Vec<String> =
                        summary.languages.iter().map(|l| l.to_string()).collect();
                    println!(
                        "built {} announcement{} into {} ({} pages in {}, {} files) in {} ms",
                        summary.announcements,
                        if summary.announcements == 1 { "" } else { "s" },
                        output.display(),
                        summary.pages,
                        languages.join(", "),
                        summary.files,
                        started.elapsed().as_millis()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(Error::Invalid(problems)) => {
                    for problem in &problems {
                        eprintln!("error: {problem}");
                    }
                    eprintln!(
                        "error: build failed with {} problem{}; {} was left as it was",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" },
                        output.display()
                    );
                    Ok(ExitCode::FAILURE)
                }
                Err(other) => {
                    Err(other).context("build failed; the output folder was left as it was")
                }
            }
        }
    }
}
