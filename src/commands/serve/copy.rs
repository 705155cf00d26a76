//! A file the build copies as it is (an attachment, a static file), sent from disk a
//! piece at a time: a large PDF asked for by many readers at once is never held whole
//! in memory, once per request.

use std::path::Path;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use tokio_util::io::ReaderStream;

/// The answer sending the file at `source` as `content_type`, or `None` if it cannot
/// be opened (then the caller answers 404).
pub async fn streamed(source: &Path, content_type: &str) -> Option<Response> {
    // Opened without following a link at its end, as the build copies it.
    let file = tokio::fs::File::from_std(crate::load::regular::open(source).ok()?);
    let length = file.metadata().await.ok()?.len();
    let mut response = Response::new(Body::from_stream(ReaderStream::new(file)));
    *response.status_mut() = StatusCode::OK;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::HttpBody as _;

    /// The body is a stream read from the file as it is sent, not bytes read before:
    /// its size is not known to the body itself, only from the file's metadata.
    #[tokio::test]
    async fn a_copied_file_is_streamed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let response = streamed(&path, "application/pdf").await.unwrap();
        assert_eq!(response.headers()[header::CONTENT_LENGTH], "200000");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
        let body = response.into_body();
        assert_eq!(body.size_hint().exact(), None);
        let sent = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        assert_eq!(sent.as_ref(), bytes.as_slice());
        assert!(
            streamed(&dir.path().join("missing.pdf"), "x/y")
                .await
                .is_none()
        );
    }
}
