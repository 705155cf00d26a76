//! What went wrong in a request to the store, read from object_store's error: the
//! store could not be reached, refused the keys, has no such bucket, or something
//! else; and the reason in a few words for the message. The reason holds the HTTP
//! status with the S3 error code and text, or the network's own error, and never the
//! response's other fields (S3 echoes the access key id in some of them).

use std::error::Error as StdError;

use object_store::client::{HttpError, HttpErrorKind};

use crate::base::Message;
use crate::msg;

/// What kind of failure a request met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Failure {
    /// No answer: refused connection, unknown host, timeout.
    Unreachable,
    /// The store refused the keys (401, 403).
    Denied,
    /// The bucket does not exist (404 on the bucket).
    NoBucket,
    /// Anything else.
    Other,
}

/// The S3 error codes that mean the keys are wrong or may not do this.
const DENIED: [&str; 9] = [
    "AccessDenied",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "InvalidToken",
    "TokenRefreshRequired",
    "AllAccessDisabled",
    "AccountProblem",
    "InvalidSecurity",
];

/// The kind of `error` and its reason. object_store does not expose the status of a
/// failed listing as a value, so it is read from its text, which is the form
/// `Server returned non-2xx status code: 404 Not Found: <body>` (the tests of the S3
/// target pin it through real failures).
pub(super) fn classify(error: &object_store::Error) -> (Failure, Message) {
    let mut chain: Vec<&(dyn StdError + 'static)> = vec![error];
    let mut current: &(dyn StdError + 'static) = error;
    while let Some(next) = current.source() {
        chain.push(next);
        current = next;
    }
    for e in &chain {
        if let Some(http) = e.downcast_ref::<HttpError>() {
            let deepest = chain.last().expect("the chain has the error itself");
            let reason = msg!("s3-reason-network", text = deepest.to_string());
            let failure = match http.kind() {
                HttpErrorKind::Connect
                | HttpErrorKind::Timeout
                | HttpErrorKind::Request
                | HttpErrorKind::Interrupted => Failure::Unreachable,
                _ => Failure::Other,
            };
            return (failure, reason);
        }
    }
    for e in &chain {
        let text = e.to_string();
        if let Some(status) = status_of(&text) {
            let code = element(&text, "Code");
            let failure = match (status, code.as_deref()) {
                (_, Some("NoSuchBucket")) => Failure::NoBucket,
                (_, Some(code)) if DENIED.contains(&code) => Failure::Denied,
                (401 | 403, _) => Failure::Denied,
                (404, None) => Failure::NoBucket,
                _ => Failure::Other,
            };
            let status = status.to_string();
            let reason = match code {
                Some(code) => {
                    let text = element(&text, "Message").unwrap_or_default();
                    msg!("s3-reason-status", status, code, text)
                }
                None => msg!("s3-reason-bare", status),
            };
            return (failure, reason);
        }
    }
    let failure = match error {
        object_store::Error::PermissionDenied { .. }
        | object_store::Error::Unauthenticated { .. } => Failure::Denied,
        _ => Failure::Other,
    };
    (failure, msg!("s3-reason-network", text = error.to_string()))
}

/// The HTTP status in the text of object_store's request error.
fn status_of(text: &str) -> Option<u16> {
    const MARK: &str = "status code: ";
    let at = text.find(MARK)? + MARK.len();
    text.get(at..at + 3)?.parse().ok()
}

/// The text of the first `<name>` element of an S3 error body, unescaped.
fn element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&format!("</{name}>"))?;
    let raw = &text[start..end];
    Some(
        quick_xml::escape::unescape(raw)
            .map(|t| t.into_owned())
            .unwrap_or_else(|_| raw.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_and_the_code_are_read_from_the_text() {
        let text = "Error performing GET http://x/b?list-type=2 in 3ms - Server returned \
            non-2xx status code: 404 Not Found: <?xml version=\"1.0\"?><Error><Code>\
            NoSuchBucket</Code><Message>The specified bucket &amp; so on</Message></Error>";
        assert_eq!(status_of(text), Some(404));
        assert_eq!(element(text, "Code").as_deref(), Some("NoSuchBucket"));
        assert_eq!(
            element(text, "Message").as_deref(),
            Some("The specified bucket & so on")
        );
        assert_eq!(status_of("no status here"), None);
    }
}
