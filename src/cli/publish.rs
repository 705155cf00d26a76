//! `crisis-site publish`: one publish, the watch, the plan and the status, printed.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::PublishArgs;
use super::print::{self, error_line, line};
use crisis_site::{
    Coming, ComingChange, Error, Message, MessageLang, Moment, Publish, PublishError,
    PublishOptions, PublishOutcome, PublishProgress as Progress, Published, RealWaiter,
    TargetStatus, WatchEvent, msg,
};

/// What `crisis-site publish` was asked to do.
enum Asked {
    /// Publish once, now (or at `--now`).
    Once,
    /// Publish now and at every moment to come.
    Watch,
    /// List the moments to come.
    Plan,
    /// Show what each target holds.
    Status,
}

/// `crisis-site publish` as its arguments ask, at `now` (`fixed` when `--now` gave it).
pub fn from_args(
    lang: MessageLang,
    root: PathBuf,
    args: PublishArgs,
    fixed: Option<Moment>,
    now: Moment,
) -> anyhow::Result<ExitCode> {
    if args.watch && fixed.is_some() {
        error_line(lang, msg!("error-line", text = msg!("publish-watch-now")));
        return Ok(ExitCode::from(2));
    }
    let asked = match (args.watch, args.plan, args.status) {
        (true, _, _) => Asked::Watch,
        (_, true, _) => Asked::Plan,
        (_, _, true) => Asked::Status,
        _ => Asked::Once,
    };
    let options = args.to.map(|target| PublishOptions {
        root: root.clone(),
        target,
        publish: Publish {
            drafts: args.drafts,
            future: args.future,
            now,
            base_url: args.base_url,
            preview: false,
        },
        publish_with_errors: args.publish_with_errors,
        by: crisis_site::publishing_user(),
        lang,
    });
    run(lang, asked, options, root, now)
}

/// `crisis-site publish`.
fn run(
    lang: MessageLang,
    asked: Asked,
    options: Option<PublishOptions>,
    root: PathBuf,
    now: Moment,
) -> anyhow::Result<ExitCode> {
    match (asked, options) {
        (Asked::Plan, options) => plan(lang, &root, now, options.map(|o| o.target)),
        (Asked::Status, _) => status(lang, &root),
        (Asked::Once, Some(options)) => once(lang, &options),
        (Asked::Watch, Some(options)) => watch(lang, &options),
        (_, None) => {
            error_line(lang, msg!("error-line", text = msg!("publish-to-needed")));
            Ok(ExitCode::from(2))
        }
    }
}

fn once(lang: MessageLang, options: &PublishOptions) -> anyhow::Result<ExitCode> {
    let pause = |d: std::time::Duration| std::thread::sleep(d);
    let mut tried = |progress: Progress| match progress {
        Progress::Retrying {
            attempt,
            error,
            pause,
        } => retrying(lang, &options.target, attempt, error, pause),
        Progress::Waiting => waiting(lang),
    };
    match crisis_site::publish(options, &pause, &mut tried) {
        Ok(published) => {
            report(lang, &published);
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            refused(lang, &options.target, &error);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// One publish that was made.
fn report(lang: MessageLang, published: &Published) {
    let r = &published.record;
    let (target, moment, files) = (r.target.clone(), r.moment.clone(), r.files);
    if r.outcome == PublishOutcome::Unchanged {
        let digest = r.digest.clone();
        line(
            lang,
            msg!("publish-unchanged", target, moment, files, digest),
        );
    } else {
        let (added, changed, removed) = (r.added.len(), r.changed.len(), r.removed.len());
        let message = msg!(
            "publish-done",
            target,
            moment,
            added,
            changed,
            removed,
            files
        );
        line(lang, message);
    }
    for slug in &r.announcements_added {
        line(lang, msg!("publish-announcement-live", slug = slug.clone()));
    }
    for slug in &r.announcements_amended {
        line(
            lang,
            msg!("publish-announcement-amended", slug = slug.clone()),
        );
    }
    for text in &r.published_errors {
        error_line(lang, msg!("warning-line", text = text.clone()));
    }
    for failure in &published.notify_failures {
        error_line(lang, msg!("warning-line", text = failure.clone()));
    }
}

/// Another publish holds the site's lock.
fn waiting(lang: MessageLang) {
    error_line(
        lang,
        msg!("warning-line", text = msg!("publish-waiting-for-another")),
    );
}

/// A try that failed and is tried again.
fn retrying(
    lang: MessageLang,
    target: &str,
    attempt: u32,
    error: &Error,
    pause: std::time::Duration,
) {
    let text = msg!(
        "publish-retrying",
        target = target.to_string(),
        attempt,
        cause = error.text(lang),
        seconds = pause.as_secs()
    );
    error_line(lang, msg!("warning-line", text));
}

/// A publish that sent nothing, or failed.
fn refused(lang: MessageLang, target: &str, error: &PublishError) {
    let target = target.to_string();
    match error {
        PublishError::Refused(Error::Invalid(problems)) => {
            let count = problems.len();
            print::failure(lang, problems, msg!("publish-invalid", count, target));
        }
        PublishError::Refused(other) => {
            let text = msg!("publish-refused", target, cause = other.text(lang));
            error_line(lang, msg!("error-line", text));
        }
        PublishError::Review(report) => {
            let errors: Vec<_> = crisis_site::build_errors(report).collect();
            for finding in &errors {
                eprintln!("{}", finding.text(lang));
            }
            let count = errors.len();
            error_line(
                lang,
                msg!("error-line", text = msg!("publish-review", count, target)),
            );
        }
        PublishError::Failed { record, error } => {
            let attempts = record.attempts;
            let cause = error.text(lang);
            let moment = record.moment.clone();
            let text = msg!("publish-failed", target, moment, attempts, cause);
            error_line(lang, msg!("error-line", text));
        }
    }
}

fn watch(lang: MessageLang, options: &PublishOptions) -> anyhow::Result<ExitCode> {
    let mut waiter = match RealWaiter::new(&options.root) {
        Ok(waiter) => waiter,
        Err(error) => {
            refused(lang, &options.target, &PublishError::Refused(error));
            return Ok(ExitCode::FAILURE);
        }
    };
    let target = options.target.clone();
    let watched = crisis_site::publish_watch(options, &mut waiter, &mut |event| match event {
        WatchEvent::Published(published) => report(lang, published),
        WatchEvent::Failed {
            error,
            retry,
            notify_failures,
            ..
        } => {
            refused(lang, &target, error);
            for failure in notify_failures {
                error_line(lang, msg!("warning-line", text = failure.clone()));
            }
            let retry = crisis_site::rfc3339(retry);
            error_line(
                lang,
                msg!("warning-line", text = msg!("publish-watch-retry", retry)),
            );
        }
        WatchEvent::Retrying {
            attempt,
            error,
            pause,
        } => retrying(lang, &target, attempt, error, pause),
        WatchEvent::WaitingForAnother => waiting(lang),
        WatchEvent::Waiting(None) => line(lang, msg!("publish-watch-idle")),
        WatchEvent::Waiting(Some(coming)) => {
            let at = crisis_site::rfc3339(coming.at);
            line(lang, msg!("publish-watch-next", at));
            changes(lang, coming);
        }
        WatchEvent::PlanFailed(error) => {
            let text = msg!("publish-watch-plan-failed", cause = error.text(lang));
            error_line(lang, msg!("error-line", text));
        }
        WatchEvent::Reloaded => line(lang, msg!("publish-watch-reloaded")),
    });
    match watched {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) => {
            refused(lang, &target, &PublishError::Refused(error));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// What changes at a coming moment, a line each.
fn changes(lang: MessageLang, coming: &Coming) {
    for change in &coming.changes {
        let said: Message = match change {
            ComingChange::Published {
                slug,
                number: Some(number),
                title,
            } => msg!(
                "publish-change-numbered",
                slug = slug.to_string(),
                number = *number,
                title = title.clone()
            ),
            ComingChange::Published { slug, title, .. } => msg!(
                "publish-change-published",
                slug = slug.to_string(),
                title = title.clone()
            ),
            ComingChange::Revised { slug, title } => msg!(
                "publish-change-revised",
                slug = slug.to_string(),
                title = title.clone()
            ),
            ComingChange::DeskOpens { name } => {
                msg!("publish-change-desk-opens", name = name.clone())
            }
            ComingChange::DeskCloses { name } => {
                msg!("publish-change-desk-closes", name = name.clone())
            }
            ComingChange::AlertStarts { text } => {
                msg!("publish-change-alert-starts", text = text.clone())
            }
            ComingChange::AlertEnds { text } => {
                msg!("publish-change-alert-ends", text = text.clone())
            }
            ComingChange::PromiseDue { slug } => {
                msg!("publish-change-promise-due", slug = slug.to_string())
            }
        };
        println!("  - {}", said.text(lang));
    }
}

fn plan(
    lang: MessageLang,
    root: &std::path::Path,
    now: Moment,
    target: Option<String>,
) -> anyhow::Result<ExitCode> {
    let plan = match crisis_site::publish_plan(root, now) {
        Ok(plan) => plan,
        Err(Error::Invalid(problems)) => {
            let count = problems.len();
            print::failure(lang, &problems, msg!("publish-plan-invalid", count));
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => {
            let text = msg!("publish-plan-failed", cause = other.text(lang));
            error_line(lang, msg!("error-line", text));
            return Ok(ExitCode::FAILURE);
        }
    };
    let from = crisis_site::rfc3339(plan.now);
    let count = plan.coming.len();
    match target {
        Some(target) => line(lang, msg!("publish-plan-to", from, count, target)),
        None => line(lang, msg!("publish-plan", from, count)),
    }
    for coming in &plan.coming {
        println!("{}", crisis_site::rfc3339(coming.at));
        changes(lang, coming);
    }
    Ok(ExitCode::SUCCESS)
}

fn status(lang: MessageLang, root: &std::path::Path) -> anyhow::Result<ExitCode> {
    let targets = match crisis_site::publish_status(root) {
        Ok(targets) => targets,
        Err(Error::Invalid(problems)) => {
            let count = problems.len();
            print::failure(lang, &problems, msg!("publish-status-invalid", count));
            return Ok(ExitCode::FAILURE);
        }
        Err(other) => {
            let text = msg!("publish-status-failed", cause = other.text(lang));
            error_line(lang, msg!("error-line", text));
            return Ok(ExitCode::FAILURE);
        }
    };
    if targets.is_empty() {
        line(lang, msg!("publish-status-none"));
    }
    for t in &targets {
        target_status(lang, t);
    }
    Ok(ExitCode::SUCCESS)
}

fn target_status(lang: MessageLang, t: &TargetStatus) {
    let target = t.target.name.to_string();
    let kind = t.target.destination.kind().name();
    let location = t.target.location.clone();
    line(lang, msg!("publish-status-target", target, kind, location));
    match (&t.live, &t.since) {
        (Some(live), since) => {
            let since = since.as_ref().unwrap_or(live);
            let (sent_at, moment) = (since.sent_at.clone(), since.moment.clone());
            let (digest, files, by) = (live.digest.clone(), live.files, since.by.clone());
            let checked = live.sent_at.clone();
            indented(
                lang,
                msg!(
                    "publish-status-live",
                    sent_at,
                    moment,
                    files,
                    digest,
                    by,
                    checked
                ),
            );
        }
        (None, _) => indented(lang, msg!("publish-status-never")),
    }
    if let Some(failed) = &t.failed {
        let (at, cause) = (
            failed.sent_at.clone(),
            failed.error.clone().unwrap_or_default(),
        );
        indented(lang, msg!("publish-status-failed-last", at, cause));
    }
    for (slug, record) in &t.announcements {
        let (slug, at) = (slug.clone(), record.sent_at.clone());
        indented(lang, msg!("publish-status-announcement", slug, at));
    }
}

/// A line under a target's, indented (Fluent drops a value's leading spaces).
fn indented(lang: MessageLang, message: Message) {
    println!("  {}", message.text(lang));
}
