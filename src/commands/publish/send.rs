//! Sending with retries: a failed send is tried again after a growing pause, as many
//! times as the target's `retries` says, so that a network blip at 15:00 does not
//! cost the minute.

use std::time::Duration;

use crate::base::Error;
use crate::publish::{Changes, Host, Staged};

/// The pause before the first retry; each next one is twice as long, up to
/// [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_secs(2);
/// The longest pause between two tries.
const MAX_PAUSE: Duration = Duration::from_secs(30);

/// How a send ended after its tries.
pub struct Sent {
    /// What changed, or the last try's error.
    pub result: Result<Changes, Error>,
    /// How many tries it took.
    pub attempts: u32,
}

/// Sends `staged` to `host`, trying `1 + retries` times in all; `pause` waits
/// between tries and `failed_try` is told of each failed one that is tried again.
pub fn with_retries(
    host: &dyn Host,
    staged: &Staged,
    retries: u32,
    pause: &dyn Fn(Duration),
    failed_try: &mut dyn FnMut(u32, &Error, Duration),
) -> Sent {
    let mut wait = FIRST_PAUSE;
    let mut attempts = 0;
    loop {
        attempts += 1;
        match host.send(staged) {
            Ok(changes) => {
                return Sent {
                    result: Ok(changes),
                    attempts,
                };
            }
            Err(err) if attempts <= retries && passing(&err) => {
                failed_try(attempts, &err, wait);
                pause(wait);
                wait = (wait * 2).min(MAX_PAUSE);
            }
            Err(err) => {
                return Sent {
                    result: Err(err),
                    attempts,
                };
            }
        }
    }
}

/// Whether a failure may pass if tried again: a host out of reach or failing for
/// now, a file system error; not a refusal (missing credentials, a folder that is not
/// ours), which no wait changes.
fn passing(err: &Error) -> bool {
    matches!(err, Error::Unavailable(_) | Error::Io { .. })
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::base::Error;
    use crate::msg;

    /// A host that fails its first `failures` sends.
    struct Flaky {
        failures: u32,
        tried: Cell<u32>,
    }

    impl Host for Flaky {
        fn send(&self, _staged: &Staged) -> Result<Changes, Error> {
            self.tried.set(self.tried.get() + 1);
            if self.tried.get() <= self.failures {
                Err(Error::Unavailable(msg!("publish-none-declared")))
            } else {
                Ok(Changes::default())
            }
        }
    }

    fn run(failures: u32, retries: u32) -> (Sent, Vec<Duration>) {
        let host = Flaky {
            failures,
            tried: Cell::new(0),
        };
        let staged = Staged::new(&[]).unwrap();
        let pauses = RefCell::new(Vec::new());
        let sent = with_retries(
            &host,
            &staged,
            retries,
            &|d| pauses.borrow_mut().push(d),
            &mut |_, _, _| {},
        );
        (sent, pauses.into_inner())
    }

    #[test]
    fn retries_with_growing_pauses_until_it_succeeds() {
        let (sent, pauses) = run(3, 5);
        assert!(sent.result.is_ok());
        assert_eq!(sent.attempts, 4);
        let secs: Vec<u64> = pauses.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, [2, 4, 8]);
    }

    #[test]
    fn gives_up_after_its_retries() {
        let (sent, pauses) = run(10, 2);
        assert!(sent.result.is_err());
        assert_eq!(sent.attempts, 3);
        assert_eq!(pauses.len(), 2);
        let (sent, pauses) = run(10, 0);
        assert_eq!((sent.attempts, pauses.len()), (1, 0));
    }

    #[test]
    fn a_refusal_is_not_tried_again() {
        struct Refusing;
        impl Host for Refusing {
            fn send(&self, _staged: &Staged) -> Result<Changes, Error> {
                Err(Error::Refused(msg!("publish-none-declared")))
            }
        }
        let staged = Staged::new(&[]).unwrap();
        let sent = with_retries(
            &Refusing,
            &staged,
            5,
            &|_| panic!("no pause"),
            &mut |_, _, _| {},
        );
        assert_eq!(sent.attempts, 1);
        assert!(sent.result.is_err());
    }

    #[test]
    fn pauses_stop_growing_at_half_a_minute() {
        let (_, pauses) = run(10, 7);
        let secs: Vec<u64> = pauses.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, [2, 4, 8, 16, 30, 30, 30]);
    }
}
