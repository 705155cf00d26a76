//! `crisis-site publish --watch`: publishes now, then sleeps until the next moment
//! the site changes by itself (`plan`), publishes the site as it is at that moment,
//! and waits for the next. The build for a moment holds only what is public at that
//! moment, and it is sent no sooner than the moment by the clock. Edits to the site
//! while waiting are read again for the next moment; they are not sent before it.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::plan::plan;
use super::{Progress, PublishError, PublishOptions, Published, publish};
use crate::base::time::Moment;
use crate::base::{Error, Message};
use crate::state::moments::Coming;

/// How long after a failed publish it is tried again, while no moment comes first.
pub const RETRY_AFTER: Duration = Duration::from_secs(60);

/// Why a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woke {
    /// The moment waited for has come, by the clock.
    Due,
    /// The site's files changed.
    Changed,
    /// The watch is to stop.
    Stop,
}

/// The clock and the site's files, as the watch waits on them: the real ones in
/// the tool, a test's in tests, so that no test waits for the time to pass.
pub trait Waiter {
    /// The moment it is now.
    fn now(&self) -> DateTime<FixedOffset>;
    /// Waits until `until` by the clock (without end when `None`), or until the
    /// site's files change, whichever comes first.
    fn wait(&mut self, until: Option<DateTime<FixedOffset>>) -> Woke;
    /// Waits between two tries of a send.
    fn pause(&self, pause: Duration);
}

/// What the watch tells as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// A publish was made, or found nothing to change.
    Published(&'a Published),
    /// A publish could not be made at its moment; it is tried again at `retry`.
    Failed {
        /// Why.
        error: &'a PublishError,
        /// The moment it was for.
        moment: DateTime<FixedOffset>,
        /// When it is tried again.
        retry: DateTime<FixedOffset>,
        /// What could not be told to `[[notify]]` entries of the failure (told only
        /// when publishing starts to fail, not at every retry).
        notify_failures: Vec<Message>,
    },
    /// A try of a send failed and is tried again after `pause`.
    Retrying {
        /// The try that failed (1 for the first).
        attempt: u32,
        /// Why.
        error: &'a Error,
        /// How long until the next try.
        pause: Duration,
    },
    /// Another publish of the site is running; this one waits for it to end.
    WaitingForAnother,
    /// The next moment is waited for (none: no moment is coming).
    Waiting(Option<&'a Coming>),
    /// The moments to come could not be worked out: the site has problems. The
    /// watch waits for an edit.
    PlanFailed(&'a Error),
    /// The site's files changed; the moments are worked out again.
    Reloaded,
}

/// Runs the watch until `waiter` says to stop. `options.publish.now` is set for each
/// publish to its moment. A target site.toml does not declare, or one that may not
/// take what `options` ask for, is refused before anything is built: no wait would
/// change that.
pub fn watch(
    options: &PublishOptions,
    waiter: &mut dyn Waiter,
    report: &mut dyn FnMut(Event),
) -> Result<(), Error> {
    super::guard::before_build(options)?;
    let mut moment = waiter.now();
    let mut failing = false;
    loop {
        let retry = publish_at(options, moment, waiter, report, &mut failing);
        // Counted from the moment just published, not the clock: a wait that ended
        // late still publishes every moment it passed, each as it was.
        loop {
            let next = match plan(&options.root, Moment::At(moment)) {
                Ok(plan) => plan.coming.into_iter().next(),
                Err(error) => {
                    report(Event::PlanFailed(&error));
                    None
                }
            };
            report(Event::Waiting(next.as_ref()));
            let until = match (next.as_ref().map(|c| c.at), retry) {
                (Some(at), Some(retry)) => Some(at.min(retry)),
                (at, retry) => at.or(retry),
            };
            match waiter.wait(until) {
                Woke::Due => {
                    moment = until.expect("a wait without end is never due");
                    break;
                }
                Woke::Changed => report(Event::Reloaded),
                Woke::Stop => return Ok(()),
            }
        }
    }
}

/// Publishes the site as it is at `moment`; when that fails, the moment to try again.
/// The team is told when publishing starts to fail (`failing` was false).
fn publish_at(
    options: &PublishOptions,
    moment: DateTime<FixedOffset>,
    waiter: &mut dyn Waiter,
    report: &mut dyn FnMut(Event),
    failing: &mut bool,
) -> Option<DateTime<FixedOffset>> {
    let mut at = options.clone();
    at.publish.now = Moment::At(moment);
    let result = {
        let pause = |d: Duration| waiter.pause(d);
        let mut tried = |progress: Progress| match progress {
            Progress::Retrying {
                attempt,
                error,
                pause,
            } => report(Event::Retrying {
                attempt,
                error,
                pause,
            }),
            Progress::Waiting => report(Event::WaitingForAnother),
        };
        publish(&at, &pause, &mut tried)
    };
    match result {
        Ok(published) => {
            *failing = false;
            report(Event::Published(&published));
            None
        }
        Err(error) => {
            let retry = waiter.now()
                + chrono::Duration::from_std(RETRY_AFTER).expect("a minute is a duration");
            let notify_failures = if *failing {
                Vec::new()
            } else {
                let why = error.text(options.lang);
                super::tell::failure(&options.root, &options.target, moment, why, options.lang)
            };
            *failing = true;
            report(Event::Failed {
                error: &error,
                moment,
                retry,
                notify_failures,
            });
            Some(retry)
        }
    }
}
