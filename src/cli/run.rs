//! One function per command: the library called with the arguments, and what it
//! returns printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::args::Format;
use super::print;
use crisis_site::{
    BuildError, BuildOptions, Channels, Error, Lang, Message, MessageLang, Moment, NewAnnouncement,
    NewTranslation, Publish, ServeOptions, msg,
};

/// An error that is not the site's content problem, said in `lang` after what failed.
fn failed(lang: MessageLang, what: Message, err: &Error) -> anyhow::Error {
    anyhow::anyhow!(
        "{}",
        msg!("command-failed", what, cause = err.text(lang)).text(lang)
    )
}

/// The exit status of a review or build: success, or failure.
fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `crisis-site init DIR`.
pub fn init(lang: MessageLang, dir: &Path, now: Moment) -> anyhow::Result<ExitCode> {
    let written = crisis_site::init(dir, now).map_err(|e| failed(lang, msg!("init"), &e))?;
    let folder = dir.display().to_string();
    let count = written.len();
    print::line(lang, msg!("init-wrote", folder = folder.clone(), count));
    for path in &written {
        println!("  {}", path.display());
    }
    print::line(lang, msg!("init-next", folder));
    Ok(ExitCode::SUCCESS)
}

/// `crisis-site theme export DIR`.
pub fn export_theme(lang: MessageLang, dir: &Path) -> anyhow::Result<ExitCode> {
    match crisis_site::export_theme(dir) {
        Ok(written) => {
            let folder = dir.display().to_string();
            let count = written.len();
            print::line(lang, msg!("cli-export-wrote", folder, count));
            for path in &written {
                println!("  {}", path.display());
            }
            print::line(lang, msg!("cli-export-next"));
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            let count = problems.len();
            print::failure(lang, &problems, msg!("cli-export-refused", count));
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(failed(lang, msg!("cli-export-failed"), &other)),
    }
}

/// What `crisis-site new` is asked to write.
pub struct New {
    /// The site's folder.
    pub root: PathBuf,
    /// The title.
    pub title: String,
    /// The channels of a new announcement.
    pub channels: Channels,
    /// Its slug.
    pub slug: Option<String>,
    /// Whether it takes the next number.
    pub numbered: bool,
    /// Whether it is a folder, `SLUG/index.md`.
    pub folder: bool,
    /// The language of a translation, with `of`.
    pub lang: Option<Lang>,
    /// The announcement to translate.
    pub of: Option<String>,
}

/// `crisis-site new TITLE`: a new announcement, or with `--lang` and `--for` a
/// translation.
pub fn new(lang: MessageLang, new: New, now: Moment) -> anyhow::Result<ExitCode> {
    let written = match (new.lang, new.of) {
        (Some(lang), Some(of)) => crisis_site::new_translation(&NewTranslation {
            root: new.root,
            title: new.title,
            lang,
            of,
        }),
        _ => crisis_site::new_announcement(
            &NewAnnouncement {
                root: new.root,
                title: new.title,
                channels: new.channels,
                slug: new.slug,
                numbered: new.numbered,
                folder: new.folder,
                now,
            },
            || print::error_line(lang, msg!("cli-new-waiting")),
        ),
    };
    match written {
        Ok(path) => {
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(problems)) => {
            print::problems(lang, &problems);
            Ok(ExitCode::FAILURE)
        }
        Err(other) => Err(failed(lang, msg!("new"), &other)),
    }
}

/// `crisis-site serve`.
pub fn serve(lang: MessageLang, options: ServeOptions) -> anyhow::Result<ExitCode> {
    crisis_site::serve(
        options,
        move |listening| print::listening(lang, listening),
        move |rebuilt| print::rebuild(lang, rebuilt),
    )
    .map_err(|e| failed(lang, msg!("serve"), &e))?;
    Ok(ExitCode::SUCCESS)
}

/// `crisis-site check`.
pub fn check(
    lang: MessageLang,
    root: &Path,
    now: Moment,
    strict: bool,
    format: Format,
    external: bool,
) -> anyhow::Result<ExitCode> {
    let report = match crisis_site::check(root, &Publish::release(now)) {
        Ok(report) => report,
        Err(Error::Invalid(problems)) => {
            let count = problems.len();
            print::failure(lang, &problems, msg!("check-failed", count));
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => return Err(failed(lang, msg!("check"), &other)),
    };
    match format {
        Format::Json => print::findings_json(lang, &report, strict, external)?,
        Format::Text => print::findings(lang, &report, external),
    }
    Ok(status(!report.fails(strict)))
}

/// `crisis-site build`.
pub fn build(
    lang: MessageLang,
    root: PathBuf,
    output: Option<PathBuf>,
    publish: Publish,
    publish_with_errors: bool,
) -> anyhow::Result<ExitCode> {
    let output = output.unwrap_or_else(|| root.join(crisis_site::DEFAULT_OUTPUT));
    let options = BuildOptions {
        root,
        output: output.clone(),
        publish,
        publish_with_errors,
    };
    let started = Instant::now();
    match crisis_site::build(&options) {
        Ok(summary) => {
            print::built(lang, &summary, &output, started.elapsed().as_millis());
            Ok(ExitCode::SUCCESS)
        }
        Err(BuildError::Failed(Error::Invalid(problems))) => {
            let count = problems.len();
            let output = output.display().to_string();
            print::failure(lang, &problems, msg!("build-failed", count, output));
            Ok(ExitCode::FAILURE)
        }
        Err(BuildError::Refused(report)) => {
            print::refused(lang, &report, &output);
            Ok(ExitCode::FAILURE)
        }
        Err(BuildError::Failed(other)) => Err(failed(lang, msg!("build-output-kept"), &other)),
    }
}
