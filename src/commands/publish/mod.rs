//! `crisis-site publish`: the site built as `build` builds it, for one moment, and
//! sent to a `[[publish]]` target; every publish is recorded in the publish log.
//! `--watch` does it again at every moment the site changes by itself (`watch`),
//! `--plan` lists those moments (`plan`), `--status` reads the log (`status`).

pub mod clock;
pub mod guard;
pub mod lock;
pub mod plan;
pub mod send;
pub mod status;
pub mod tell;
pub mod watch;

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, SecondsFormat};

use crate::base::{Error, Message, MessageLang};
use crate::load::Cache;
use crate::model::config::Target;
use crate::model::{Publish, Site, url};
use crate::pipeline;
use crate::publish::log::{self, Outcome, Record};
use crate::publish::{self, Changes, Staged};
use crate::review::{Report, Scope};

/// What `crisis-site publish --to NAME` is asked to do.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// The site's folder (where site.toml is).
    pub root: PathBuf,
    /// The `[[publish]]` target's name.
    pub target: String,
    /// Which announcements to publish, and the moment to build for.
    pub publish: Publish,
    /// Publish even if the review finds errors, and record them (an emergency).
    pub publish_with_errors: bool,
    /// Who runs it, for the log.
    pub by: String,
    /// The language of what is told to the team (`[[notify]]`).
    pub lang: MessageLang,
}

/// A publish that was carried out: the target holds the site.
#[derive(Debug)]
pub struct Published {
    /// Its line in the publish log.
    pub record: Record,
    /// What could not be told to `[[notify]]` entries; the publish stands.
    pub notify_failures: Vec<Message>,
}

/// Why a publish sent nothing.
#[derive(Debug)]
pub enum PublishError {
    /// The site could not be made, or the target or options are refused; nothing
    /// was sent, nothing logged.
    Refused(Error),
    /// The review found errors in what would be published.
    Review(Report),
    /// The target could not be sent the site after every try; recorded in the log as
    /// failed. The target holds what it held, or the new assets beside the old pages.
    Failed {
        /// The log's line.
        record: Box<Record>,
        /// The last try's error.
        error: Error,
    },
}

impl PublishError {
    /// Why, in `lang`: the problems, the review's errors, or the last try's error.
    pub fn text(&self, lang: MessageLang) -> String {
        match self {
            PublishError::Refused(error) | PublishError::Failed { error, .. } => error.text(lang),
            PublishError::Review(report) => crate::commands::build::errors(report)
                .map(|f| f.text(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

impl From<Error> for PublishError {
    fn from(err: Error) -> PublishError {
        PublishError::Refused(err)
    }
}

/// What a publish tells as it goes.
#[derive(Debug)]
pub enum Progress<'a> {
    /// Another publish of the site is running; this one waits for it to end.
    Waiting,
    /// A try of the send failed and is tried again after `pause`.
    Retrying {
        /// The try that failed (1 for the first).
        attempt: u32,
        /// Why.
        error: &'a Error,
        /// How long until the next try.
        pause: Duration,
    },
}

/// Builds the site for `options.publish.now` and sends it to the target, trying
/// again after a pause (`pause`) as its `retries` allow; `progress` is told of a wait
/// for another publish and of each try that failed and is tried again.
pub fn publish(
    options: &PublishOptions,
    pause: &dyn Fn(Duration),
    progress: &mut dyn FnMut(Progress),
) -> Result<Published, PublishError> {
    guard::before_build(options)?;
    let _turn = lock::Publishing::take(&options.root, || progress(Progress::Waiting))?;
    let previous = crate::output::previous_pdfs(&options.root.join(crate::load::layout::OUTPUT));
    let rendered =
        pipeline::render_reusing(&options.root, &options.publish, &Cache::none(), previous)?;
    let site = &rendered.prepared.site;
    let target = guard::target(&site.config, &options.target)?;
    guard::staging_only(target, &options.publish, site.config.standby)?;
    let report = pipeline::review(&rendered, Scope::Errors);
    let errors: Vec<String> = crate::commands::build::errors(&report)
        .map(|f| f.text(options.lang))
        .collect();
    if !errors.is_empty() && !options.publish_with_errors {
        return Err(PublishError::Review(report));
    }
    let staged = Staged::new(&rendered.files)?;
    let host = publish::host(target, &options.root, site.now);
    let records = log::read(&options.root).unwrap_or_default();
    guard::not_older(target, site.now, &records)?;
    let mut tried = |attempt, error: &Error, pause| {
        progress(Progress::Retrying {
            attempt,
            error,
            pause,
        })
    };
    let sent = send::with_retries(host.as_ref(), &staged, target.retries, pause, &mut tried);
    let since = log::last(&records, &target.name.0, |r| r.outcome != Outcome::Failed)
        .and_then(|r| DateTime::parse_from_rfc3339(&r.moment).ok());
    let sent_for = Sent {
        site,
        target,
        staged: &staged,
        published_errors: errors,
        since,
    };
    finish(options, sent_for, sent)
}

/// What was sent, for its log line.
struct Sent<'a> {
    site: &'a Site,
    target: &'a Target,
    staged: &'a Staged<'a>,
    published_errors: Vec<String>,
    since: Option<DateTime<FixedOffset>>,
}

/// Logs how the send ended and, after a publish, tells the team.
fn finish(
    options: &PublishOptions,
    sent: Sent,
    result: send::Sent,
) -> Result<Published, PublishError> {
    let Sent { site, target, .. } = sent;
    let mut record = Record {
        target: target.name.0.clone(),
        kind: target.destination.kind().name().to_string(),
        location: target.location.clone(),
        moment: rfc3339(site.now),
        sent_at: rfc3339(
            Local::now()
                .fixed_offset()
                .with_timezone(&site.config.timezone),
        ),
        outcome: Outcome::Failed,
        added: Vec::new(),
        changed: Vec::new(),
        removed: Vec::new(),
        files: sent.staged.entries.len(),
        digest: sent.staged.digest.clone(),
        by: options.by.clone(),
        announcements_added: Vec::new(),
        announcements_amended: Vec::new(),
        published_errors: sent.published_errors,
        attempts: result.attempts,
        error: None,
    };
    match result.result {
        Ok(changes) => {
            let (added, amended) = announcements(site, &changes, sent.since);
            record.outcome = if changes.is_empty() {
                Outcome::Unchanged
            } else {
                Outcome::Published
            };
            record.announcements_added = added;
            record.announcements_amended = amended;
            record.added = changes.added;
            record.changed = changes.changed;
            record.removed = changes.removed;
            log::append(&options.root, &record)?;
            Ok(Published {
                notify_failures: tell::team(site, target, &record, options.lang),
                record,
            })
        }
        Err(error) => {
            record.error = Some(error.text(options.lang));
            log::append(&options.root, &record)?;
            Err(PublishError::Failed {
                record: Box::new(record),
                error,
            })
        }
    }
}

/// A moment as the log writes it: to the second, with its offset.
pub fn rfc3339(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The slugs of the announcements a publish put on its target (their page is new
/// there), and of those it amended: their page changed and they have a revision (or
/// `updated`) after the previous publish to the target.
fn announcements(
    site: &Site,
    changes: &Changes,
    since: Option<DateTime<FixedOffset>>,
) -> (Vec<String>, Vec<String>) {
    let main = &site.config.language;
    let (mut added, mut amended) = (Vec::new(), Vec::new());
    for a in &site.announcements {
        let page = url::announcement(main, main, &a.slug);
        let slug = a.slug.to_string();
        if changes.added.contains(&page) {
            added.push(slug);
        } else if changes.changed.contains(&page)
            && a.updated.is_some_and(|u| since.is_none_or(|s| u > s))
        {
            amended.push(slug);
        }
    }
    (added, amended)
}

/// The user running the tool, as the system names them.
pub fn user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}
