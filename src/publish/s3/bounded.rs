//! Requests to the store a few at a time, stopping at the first that fails.

use std::future::Future;
use std::pin::Pin;

use tokio::task::JoinSet;

use crate::base::Error;

/// How many requests are in flight at once: enough to hide the round trips of many
/// small files, few enough for any store's rate limits.
const IN_FLIGHT: usize = 8;

/// One request to the store, ready to run.
pub(super) type Request = Pin<Box<dyn Future<Output = object_store::Result<()>> + Send>>;

/// A request, with the site's path it is for.
pub(super) type Job = (String, Request);

/// Runs `jobs`, [`IN_FLIGHT`] at a time, taking the next only when one is done (so
/// only a few files' bytes are in memory). The first failure stops the rest (those in
/// flight are dropped) and is said by `failed`, with the path it was for.
pub(super) async fn bounded(
    mut jobs: impl Iterator<Item = Result<Job, Error>>,
    failed: impl Fn(String, object_store::Error) -> Error,
) -> Result<(), Error> {
    let mut running = JoinSet::new();
    loop {
        while running.len() < IN_FLIGHT {
            let Some(job) = jobs.next() else { break };
            let (path, request) = job?;
            running.spawn(async move { (path, request.await) });
        }
        match running.join_next().await {
            None => return Ok(()),
            Some(Ok((_, Ok(())))) => {}
            Some(Ok((path, Err(e)))) => return Err(failed(path, e)),
            Some(Err(e)) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Some(Err(e)) => panic!("a request of the send was cancelled: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::base::MessageLang;
    use crate::msg;

    #[test]
    fn the_first_failure_stops_the_sending_and_names_its_file() {
        let started = Arc::new(AtomicUsize::new(0));
        let jobs = (0..40).map(|i| {
            let started = Arc::clone(&started);
            let request: Request = Box::pin(async move {
                started.fetch_add(1, Ordering::SeqCst);
                if i == 3 {
                    Err(object_store::Error::NotImplemented {
                        operation: "put".to_string(),
                        implementer: "test".to_string(),
                    })
                } else {
                    Ok(())
                }
            });
            Ok((format!("file{i}.html"), request))
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let error = runtime
            .block_on(bounded(jobs, |path, _| {
                Error::Unavailable(msg!("s3-reason-network", text = path))
            }))
            .unwrap_err();
        assert_eq!(error.text(MessageLang::En), "file3.html");
        // Those in flight with it, at most, and none taken after it failed.
        assert!(started.load(Ordering::SeqCst) <= IN_FLIGHT + 3);
    }
}
