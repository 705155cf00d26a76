//! A rebuild that failed on the file system (too many open files, a file replaced
//! while it was read) is tried again, a bounded number of times after a short wait:
//! such failures pass by themselves, and without a retry the preview would show the
//! failure until the next save. A content problem is never retried: only a save
//! changes it.

use std::time::Duration;

use crate::base::Error;

/// The waits before each new try: two retries, then the failure is reported.
pub const WAITS: [Duration; 2] = [Duration::from_millis(250), Duration::from_secs(1)];

/// Runs `attempt` until it succeeds, fails otherwise than on the file system, or has
/// been retried after each of [`WAITS`] (waited with `wait`: the tests pass one that
/// only records).
pub fn retried<T>(
    mut attempt: impl FnMut() -> Result<T, Error>,
    wait: impl Fn(Duration),
) -> Result<T, Error> {
    let mut waits = WAITS.iter();
    loop {
        match attempt() {
            Err(error) if passes(&error) => match waits.next() {
                Some(pause) => wait(*pause),
                None => return Err(error),
            },
            other => return other,
        }
    }
}

/// Whether a failure may pass by itself: one of the file system.
fn passes(error: &Error) -> bool {
    matches!(error, Error::Io { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;
    use std::cell::RefCell;

    fn too_many_open_files() -> Error {
        let path = "content".to_string();
        Error::io(
            msg!("preview-cannot-watch", path),
            std::io::Error::from_raw_os_error(24),
        )
    }

    #[test]
    fn a_file_system_failure_is_retried_a_bounded_number_of_times() {
        let waited = RefCell::new(Vec::new());
        let wait = |d| waited.borrow_mut().push(d);
        // Fails once, then builds: the rebuild succeeds after one wait.
        let mut tries = 0;
        let built = retried(
            || {
                tries += 1;
                if tries == 1 {
                    Err(too_many_open_files())
                } else {
                    Ok(tries)
                }
            },
            wait,
        );
        assert_eq!(built.unwrap(), 2);
        assert_eq!(*waited.borrow(), [WAITS[0]]);
        // Always fails: tried three times, then the failure is reported.
        waited.borrow_mut().clear();
        let mut tries = 0;
        let failed: Result<(), Error> = retried(
            || {
                tries += 1;
                Err(too_many_open_files())
            },
            wait,
        );
        assert!(matches!(failed, Err(Error::Io { .. })));
        assert_eq!(tries, 3);
        assert_eq!(*waited.borrow(), WAITS);
        // A content problem is reported at once.
        waited.borrow_mut().clear();
        let mut tries = 0;
        let invalid: Result<(), Error> = retried(
            || {
                tries += 1;
                Err(Error::Invalid(Vec::new()))
            },
            wait,
        );
        assert!(matches!(invalid, Err(Error::Invalid(_))));
        assert_eq!(tries, 1);
        assert!(waited.borrow().is_empty());
    }
}
