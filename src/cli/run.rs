//! One function per command: the library called with the arguments, and what it
//! returns printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;

use super::args::{ChannelArg, Format};
use super::print;
use crisis_site::{
    BuildOptions, Error, Lang, Moment, NewAnnouncement, NewTranslation, Publish, ServeOptions,
};

/// The exit status of a review or build: success, or failure.
fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `crisis-site init DIR`.
pub fn init(dir: &Path, now: Moment) -> anyhow::Result<ExitCode> {
    let written = crisis_site::init(dir, now).context("init failed")?;
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

/// What `crisis-site new` is asked to write.
pub struct New {
    /// The site's folder.
    pub root: PathBuf,
    /// The title.
    pub title: String,
    /// The channel of a new announcement.
    pub channel: Option<ChannelArg>,
    /// Its slug.
    pub slug: Option<String>,
    /// Whether it takes the next number.
    pub numbered: bool,
    /// The language of a translation, with `of`.
    pub lang: Option<Lang>,
    /// The announcement to translate.
    pub of: Option<String>,
}

/// `crisis-site new TITLE`: a new announcement, or with `--lang` and `--for` a
/// translation.
pub fn new(new: New, now: Moment) -> anyhow::Result<ExitCode> {
    let written = match (new.lang, new.of) {
        (Some(lang), Some(of)) => crisis_site::new_translation(&NewTranslation {
            root: new.root,
            title: new.title,
            lang,
            of,
        }),
        _ => crisis_site::new_announcement(&NewAnnouncement {
            root: new.root,
            title: new.title,
            channel: new.channel.unwrap_or(ChannelArg::Pr).into(),
            slug: new.slug,
            numbered: new.numbered,
            now,
        }),
    };
    match written {
        Ok(path) => {
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            print::problems(&problems);
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(other).context("new failed"),
    }
}

/// `crisis-site serve`.
pub fn serve(options: ServeOptions) -> anyhow::Result<ExitCode> {
    crisis_site::serve(
        options,
        |url| println!("serving the preview at {url} (drafts and embargoed announcements included; Ctrl-C stops)"),
        print::rebuild,
    )
    .context("the preview stopped")?;
    Ok(ExitCode::SUCCESS)
}

/// `crisis-site check`.
pub fn check(
    root: &Path,
    now: Moment,
    strict: bool,
    format: Format,
    external: bool,
) -> anyhow::Result<ExitCode> {
    let report = match crisis_site::check(root, &Publish::release(now)) {
        Ok(report) => report,
        Err(Error::Invalid(problems)) => {
            print::failure("check", &problems, " that also fail the build");
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => return Err(other).context("check failed"),
    };
    match format {
        Format::Json => print::findings_json(&report, strict, external)?,
        Format::Text => print::findings(&report, external),
    }
    Ok(status(!report.fails(strict)))
}

/// `crisis-site build`.
pub fn build(root: PathBuf, output: Option<PathBuf>, publish: Publish) -> anyhow::Result<ExitCode> {
    let output = output.unwrap_or_else(|| root.join("public"));
    let options = BuildOptions {
        root,
        output: output.clone(),
        publish,
    };
    let started = Instant::now();
    match crisis_site::build(&options) {
        Ok(summary) => {
            print::built(&summary, &output, started.elapsed().as_millis());
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            let then = format!("; {} was left as it was", output.display());
            print::failure("build", &problems, &then);
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(other).context("build failed; the output folder was left as it was"),
    }
}
