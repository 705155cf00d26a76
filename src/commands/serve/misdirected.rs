//! The answer to a request that names another host than the preview's: 421, with a
//! page saying why ([`super::host`]).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::decorate::{escaped, preview_response};
use super::preview::Shared;
use crate::msg;

/// Answers 421 to a request whose `Host` (or absolute request target) is not one of
/// the preview's [`super::host::Hosts`]; passes every other one on.
pub async fn only_own_hosts(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let named = match request.uri().authority() {
        Some(authority) => Some(authority.as_str().to_string()),
        None => request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string),
    };
    if named.as_deref().is_some_and(|h| shared.hosts.allows(h)) {
        return next.run(request).await;
    }
    let lang = shared.current().lang;
    let host = named.unwrap_or_default();
    let url = shared.url.clone();
    let text = escaped(&msg!("preview-wrong-host", host, url).text(lang));
    let title = escaped(&msg!("preview-wrong-host-title").text(lang));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<h1>{title}</h1>\n<p>{text}</p>\n</html>\n",
        lang.code()
    );
    preview_response(
        StatusCode::MISDIRECTED_REQUEST,
        page.into_bytes(),
        "text/html; charset=utf-8",
    )
}
