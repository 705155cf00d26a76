//! The preview's HTTP face: the site's files by their exact output paths, the
//! live-reload events and script, and the site's own 404 page.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};

use super::build::Served;
use super::decorate::{FAILED_PAGE, MISSING_PAGE, RELOAD_SCRIPT, decorate, preview_response};
use super::preview::{Preview, Shared};
use crate::base::text::url_encoded;

/// Live reload: a stream of server-sent events, each the number of the latest build,
/// starting with the current one so that a page built before a rebuild still hears
/// of it.
pub async fn reload_events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    use tokio_stream::StreamExt as _;
    let versions = tokio_stream::wrappers::WatchStream::new(shared.version.subscribe());
    Sse::new(versions.map(|v| Ok(Event::default().data(v.to_string()))))
        .keep_alive(KeepAlive::default())
}

/// The live-reload script, added to every HTML page the preview serves.
pub async fn reload_script() -> Response {
    preview_response(
        StatusCode::OK,
        RELOAD_SCRIPT.into(),
        "text/javascript; charset=utf-8",
    )
}

/// Serves one file of the current build, by its exact output path.
pub async fn site_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let preview = shared.current();
    let key = match output_path(uri.path()) {
        Ok(key) => key,
        Err(status) => return status.into_response(),
    };
    let Some(build) = &preview.build else {
        return not_found(&key, &preview);
    };
    let Some(found) = build.get(&key) else {
        let folder = format!("{key}/index.html");
        if !key.is_empty() && build.has(&folder) {
            // Encoded again: an attachment folder may be named in any script or hold
            // spaces, which as raw bytes in `Location` are not a valid address.
            let encoded = url_encoded(&key);
            return Redirect::permanent(&format!("/{encoded}/")).into_response();
        }
        return not_found(&key, &preview);
    };
    let kind = mime_guess::from_path(&key).first_or_octet_stream();
    let body = match found {
        Served::Text(text) if key.ends_with(".html") => decorate(text, &preview, &[]).into_bytes(),
        Served::Text(text) | Served::BuiltIn(text) => text.as_bytes().to_vec(),
        Served::Copy(source) => match tokio::fs::read(source).await {
            Ok(bytes) => bytes,
            Err(_) => return not_found(&key, &preview),
        },
        Served::Failed(problems) => {
            let page = decorate(FAILED_PAGE, &preview, problems);
            return preview_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                page.into_bytes(),
                "text/html; charset=utf-8",
            );
        }
    };
    let kind = if kind.type_() == "text" {
        format!("{kind}; charset=utf-8")
    } else {
        kind.to_string()
    };
    preview_response(StatusCode::OK, body, &kind)
}

/// The output path a request asks for, or why it is refused.
///
/// The path is percent-decoded once; a `..` or `.` segment, a backslash or a NUL is
/// refused outright, although the lookup below could not match them anyway. So is a
/// path not starting with `/` (`GET site.toml`, `OPTIONS *`): it names no file.
fn output_path(request: &str) -> Result<String, StatusCode> {
    if !request.starts_with('/') {
        return Err(StatusCode::BAD_REQUEST);
    }
    let decoded = percent_encoding::percent_decode_str(request)
        .decode_utf8()
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    if decoded.contains(['\\', '\0']) {
        return Err(StatusCode::BAD_REQUEST);
    }
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.split('/').any(|s| s == ".." || s == ".") {
        return Err(StatusCode::FORBIDDEN);
    }
    if trimmed.is_empty() || trimmed.ends_with('/') {
        Ok(format!("{trimmed}index.html"))
    } else {
        Ok(trimmed.to_string())
    }
}

/// The site's 404 page, as a static host would serve it: the one of the language
/// folder the missing path is in, else the main language's.
fn not_found(key: &str, preview: &Preview) -> Response {
    let in_folder = key
        .split_once('/')
        .map(|(folder, _)| format!("{folder}/404.html"));
    let page = in_folder
        .iter()
        .map(String::as_str)
        .chain(["404.html"])
        .find_map(|path| match preview.build.as_ref()?.get(path)? {
            Served::Text(text) => Some(text),
            _ => None,
        })
        .unwrap_or(MISSING_PAGE);
    let page = decorate(page, preview, &[]);
    preview_response(
        StatusCode::NOT_FOUND,
        page.into_bytes(),
        "text/html; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_map_to_output_paths() {
        assert_eq!(output_path("/").unwrap(), "index.html");
        assert_eq!(
            output_path("/announcements/").unwrap(),
            "announcements/index.html"
        );
        assert_eq!(output_path("/style.css").unwrap(), "style.css");
        assert_eq!(output_path("/%E5%A0%B1.pdf").unwrap(), "報.pdf");
    }

    #[test]
    fn escapes_are_refused() {
        assert_eq!(output_path("/../etc/passwd"), Err(StatusCode::FORBIDDEN));
        assert_eq!(
            output_path("/%2e%2e/etc/passwd"),
            Err(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            output_path("/a/%2E%2E/%2e%2E/x"),
            Err(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            output_path("/..%5c..%5cwin.ini"),
            Err(StatusCode::BAD_REQUEST)
        );
        assert_eq!(output_path("/a%00.html"), Err(StatusCode::BAD_REQUEST));
        assert_eq!(output_path("/%ff"), Err(StatusCode::BAD_REQUEST));
        // Authority and asterisk forms have no path of the site.
        assert_eq!(output_path(""), Err(StatusCode::BAD_REQUEST));
        assert_eq!(output_path("*"), Err(StatusCode::BAD_REQUEST));
        // Double encoding decodes once to a literal name that no output has.
        assert_eq!(output_path("/%252e%252e/x").unwrap(), "%2e%2e/x");
    }
}
