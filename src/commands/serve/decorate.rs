//! What the preview adds to the pages it serves, never to `build` output: the
//! live-reload script, the bar linking the review page, and the overlay of a failed
//! rebuild's problems.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::preview::Preview;
use crate::base::Problem;

/// The folder of the preview's own URLs, which no site file can take.
pub const PREFIX: &str = "/__crisis-site/";
/// The live-reload script, added to every HTML page the preview serves.
pub const RELOAD_SCRIPT: &str = include_str!("reload.js");
/// The overlay that shows the problems of a failed rebuild over the last good page.
const OVERLAY: &str = include_str!("overlay.html");
/// The bar linking the preview-only review page.
const REVIEW_BAR: &str = include_str!("review-bar.html");
/// What the preview shows for a missing path before the first good build.
pub const MISSING_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>404</p></body></html>";
/// What the preview shows, under the overlay of its problems, for a page whose
/// template failed.
pub const FAILED_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>template error</title></head><body></body></html>";

/// A page with the live-reload script and, after a failed rebuild or for a page whose
/// template failed (`failed`), the overlay.
pub fn decorate(html: &str, preview: &Preview, failed: &[Problem]) -> String {
    let version = preview.version;
    let mut extra = format!(
        "<script src=\"{PREFIX}reload.js\" data-version=\"{version}\" data-url=\"{PREFIX}reload\"></script>"
    );
    extra.push_str(&REVIEW_BAR.replace("{url}", &format!("{PREFIX}check")));
    if !preview.problems.is_empty() || !failed.is_empty() {
        let problems: Vec<Problem> = preview.problems.iter().chain(failed).cloned().collect();
        extra.push_str(&overlay(&problems));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

fn overlay(problems: &[Problem]) -> String {
    let items: String = problems
        .iter()
        .map(|p| format!("<li>{}</li>", escaped(&p.to_string())))
        .collect();
    OVERLAY.replace("{problems}", &items)
}

/// Text made safe inside HTML.
pub fn escaped(text: &str) -> String {
    let mut out = Vec::new();
    tera::escape_html(text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

/// A response of the preview: typed, and never cached, since the next save changes it.
pub fn preview_response(status: StatusCode, body: Vec<u8>, content_type: &str) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_get_the_reload_script_and_the_overlay() {
        let mut preview = Preview {
            version: 3,
            ..Preview::default()
        };
        let page = decorate("<html><body><p>x</p></body></html>", &preview, &[]);
        assert!(page.contains("data-version=\"3\""));
        assert!(page.contains("<a id=\"crisis-site-review\" href=\"/__crisis-site/check\""));
        assert!(page.ends_with("</a>\n</body></html>"));
        preview.problems = vec![Problem::at("content/a.md", 2, "bad <key>")];
        let page = decorate("<html><body></body></html>", &preview, &[]);
        assert!(page.contains("content/a.md:2: bad &lt;key&gt;"));
    }
}
