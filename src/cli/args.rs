//! The command line's arguments, as clap reads them; the `///` comments become
//! `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crisis_site::{BaseUrl, Channel, Channels, Lang, MessageLang};

/// Build a dedicated crisis-communication site from markdown announcements.
#[derive(Parser)]
#[command(version, about)]
pub struct Cli {
    /// The site's folder, where site.toml is.
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// Act as if it were this moment (e.g. 2023-06-09T15:00, read in site.toml's
    /// timezone, or 2023-06-09T15:00:00+09:00): announcements dated later are
    /// embargoed. Defaults to the real time. Read once the messages' language is
    /// known, so that a bad value is said in it (`super::now`).
    #[arg(long, global = true)]
    pub now: Option<String>,
    /// The language of the tool's messages: ja or en. Default: $CRISIS_SITE_MESSAGES,
    /// else the site's `language` (site.toml), else the system's locale, else en.
    #[arg(long, global = true, value_parser = parse_messages)]
    pub messages: Option<MessageLang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Build the site into the output folder, replacing it only if the build succeeds
    /// and the review (`check`) finds no error in what it would publish.
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
        #[arg(long, value_parser = BaseUrl::parse)]
        base_url: Option<BaseUrl>,
        /// Publish even if the review (`check`) finds errors: a placeholder, an
        /// empty section, a confidential marker, a broken link. Without it such a
        /// build writes nothing; with it the errors are listed and published.
        #[arg(long)]
        publish_with_errors: bool,
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
    /// Start a new site in DIR (missing or empty): settings, an overview, and one
    /// announcement in each channel with its English translation. The site takes the
    /// built-in theme; see `theme export`.
    Init {
        /// The folder of the new site.
        dir: PathBuf,
    },
    /// Write a new draft announcement dated now, with the next number of the series,
    /// and print its path; with --lang and --for, the translation of an existing one.
    New {
        /// The title, on one line.
        title: String,
        /// Whom it addresses: ir (a disclosure), pr (a public statement), or both
        /// (`--channel ir,pr` or `--channel ir --channel pr`).
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            required_unless_present = "of",
            conflicts_with = "of"
        )]
        channel: Vec<ChannelArg>,
        /// Its slug (its URL name); default: the date and time, e.g. 2023-06-06-1700,
        /// or 2023-06-06-1700-2 when that is taken.
        #[arg(long, conflicts_with = "of")]
        slug: Option<String>,
        /// Leave out `number` (for statements outside the numbered series).
        #[arg(long, conflicts_with = "of")]
        no_number: bool,
        /// Write it as a folder, SLUG/index.md, to put its attachments (PDFs, images)
        /// beside it.
        #[arg(long, conflicts_with = "of")]
        folder: bool,
        /// Write a translation into this language (with --for).
        #[arg(long, requires = "of", value_parser = Lang::parse)]
        lang: Option<Lang>,
        /// The slug of the announcement to translate (with --lang).
        #[arg(long = "for", id = "of", value_name = "SLUG", requires = "lang")]
        of: Option<String>,
    },
    /// The built-in theme: `theme export DIR` writes its files out.
    Theme {
        /// What to do with it.
        #[command(subcommand)]
        command: ThemeCommand,
    },
    /// Send the site, built as `build` builds it, to a `[[publish]]` target of
    /// site.toml, and record it in publish-log.jsonl; with --watch, again at every
    /// moment an embargo lifts or the site otherwise changes by itself.
    Publish(PublishArgs),
    /// Preview the site while writing: drafts and embargoed statements shown and
    /// marked, rebuilt and reloaded on every save. Never writes to public/.
    Serve {
        /// The port (default: 1111, or the next free one).
        #[arg(long, short)]
        port: Option<u16>,
        /// The address to listen on; other machines can reach the preview (and read
        /// the drafts) only if this is not a loopback address, which is then warned
        /// of. Only requests naming this address (or a loopback name) are answered.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
}

/// What `publish` is asked to do.
#[derive(clap::Args)]
pub struct PublishArgs {
    /// The target: the `name` of a `[[publish]]` entry.
    #[arg(long = "to", value_name = "NAME", required_unless_present_any = ["plan", "status"])]
    pub to: Option<String>,
    /// Stay running: publish now, then at each moment the site changes (an
    /// embargo lifting, a revision, a desk opening or closing, an alert, a
    /// promised update falling due), each no sooner than its second.
    #[arg(long, conflicts_with_all = ["plan", "status"])]
    pub watch: bool,
    /// List the moments to come and what changes at each; sends nothing.
    #[arg(long, conflicts_with = "status")]
    pub plan: bool,
    /// Show what each target holds and since when, from the publish log.
    #[arg(long)]
    pub status: bool,
    /// Include drafts (only to a target marked `staging = true`).
    #[arg(long)]
    pub drafts: bool,
    /// Include embargoed statements (only to a target marked `staging = true`).
    #[arg(long)]
    pub future: bool,
    /// Where the site will be published, in place of site.toml's `base_url`.
    #[arg(long, value_parser = BaseUrl::parse)]
    pub base_url: Option<BaseUrl>,
    /// An emergency: publish even if the review finds errors; they are printed
    /// and recorded in the publish log.
    #[arg(long)]
    pub publish_with_errors: bool,
}

/// What `theme` does.
#[derive(Subcommand)]
pub enum ThemeCommand {
    /// Write the built-in theme's files into DIR (missing or empty of them), to read
    /// and to copy the few you change into the site's templates/, static/ or i18n/.
    /// Never overwrites a file.
    Export {
        /// The folder to write them into.
        dir: PathBuf,
    },
}

/// How `check` prints its findings.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One finding a paragraph, then a count.
    Text,
    /// One JSON document: the findings and the counts.
    Json,
}

/// The channel of a new announcement, as `--channel` names it.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ChannelArg {
    /// A disclosure.
    Ir,
    /// A public statement.
    Pr,
}

impl From<ChannelArg> for Channel {
    fn from(channel: ChannelArg) -> Channel {
        match channel {
            ChannelArg::Ir => Channel::Ir,
            ChannelArg::Pr => Channel::Pr,
        }
    }
}

/// The channels of a new announcement from its `--channel`s: one, or both.
pub fn channels(named: &[ChannelArg]) -> Channels {
    let has = |c: Channel| named.iter().any(|n| Channel::from(*n) == c);
    match (has(Channel::Ir), has(Channel::Pr)) {
        (true, true) => Channels::Both,
        (true, false) => Channels::Ir,
        _ => Channels::Pr,
    }
}

/// Reads `--messages`: a language the tool speaks.
pub fn parse_messages(text: &str) -> Result<MessageLang, String> {
    MessageLang::from_code(text).ok_or_else(|| format!("`{text}`: expected ja or en"))
}
