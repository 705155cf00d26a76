//! The real clock and the site's real files, as `publish --watch` waits on them.

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};

use super::watch::{Waiter, Woke};
use crate::base::Error;
use crate::commands::serve::watch::{Watcher, is_new_change, roots, watch_inputs};
use crate::msg;

/// The longest single sleep: the wall clock is read again at least this often, so a
/// clock set right (or a machine woken from sleep) does not make the watch late.
const LONGEST_SLEEP: Duration = Duration::from_secs(30);
/// How long a burst of saves may last before it counts as one change.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The machine's clock, and a watch on the site's inputs.
pub struct RealWaiter {
    changes: Receiver<()>,
    _watcher: Watcher,
}

impl RealWaiter {
    /// Watches the inputs of the site in `root` (site.toml and its folders; not the
    /// publish log, not an output).
    pub fn new(root: &Path) -> Result<RealWaiter, Error> {
        let roots = roots(root);
        let (send, changes) = channel();
        let cannot = |path: &Path, e: notify_debouncer_full::notify::Error| {
            let path = path.display().to_string();
            Error::io(msg!("publish-cannot-watch", path), std::io::Error::other(e))
        };
        let watcher = watch_inputs(
            root,
            DEBOUNCE,
            cannot,
            move |result: notify_debouncer_full::DebounceEventResult| {
                let changed = match result {
                    // Any change of an input since the watch started: the watch reads
                    // the site only at its moments.
                    Ok(events) => events.iter().any(|e| is_new_change(&roots, e, None)),
                    Err(_) => true,
                };
                if changed {
                    let _ = send.send(());
                }
            },
        )?;
        Ok(RealWaiter {
            changes,
            _watcher: watcher,
        })
    }
}

impl Waiter for RealWaiter {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }

    fn wait(&mut self, until: Option<DateTime<FixedOffset>>) -> Woke {
        loop {
            let left = match until {
                Some(until) => match (until - self.now()).to_std() {
                    // Not yet: a negative difference does not convert.
                    Ok(left) if !left.is_zero() => left,
                    _ => return Woke::Due,
                },
                None => LONGEST_SLEEP,
            };
            match self.changes.recv_timeout(left.min(LONGEST_SLEEP)) {
                Ok(()) => {
                    // One burst, one change.
                    while self.changes.try_recv().is_ok() {}
                    return Woke::Changed;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(left.min(LONGEST_SLEEP)),
            }
        }
    }

    fn pause(&self, pause: Duration) {
        std::thread::sleep(pause);
    }
}
