//! What the preview adds to the pages it serves, never to `build` output: the
//! live-reload script, the bar linking the review page, and the overlay of a failed
//! rebuild's problems over the last good build's pages; and the page it shows when
//! there is no good build at all.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::preview::Preview;
use crate::base::{Message, MessageLang, Problem};
use crate::msg;

/// The folder of the preview's own URLs, which no site file can take.
pub const PREFIX: &str = "/__crisis-site/";
/// The live-reload script, added to every HTML page the preview serves.
pub const RELOAD_SCRIPT: &str = include_str!("reload.js");
/// The overlay that shows the problems of a failed rebuild over the last good page.
const OVERLAY: &str = include_str!("overlay.html");
/// The bar linking the preview-only review page.
const REVIEW_BAR: &str = include_str!("review-bar.html");
/// The page of a path that no good build has: while no rebuild has succeeded yet (every
/// path), or while a rebuild's new page fails. There is no last good page to show,
/// only the problems.
const NO_BUILD: &str = include_str!("no-build.html");
/// What the preview shows for a missing path when the site's build has no 404 page.
pub const MISSING_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>404</p></body></html>";

/// What a page the preview serves is, which decides what is added to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// A page of the site: the served build's, or the last good build's in its place
    /// (after a failed rebuild, or while a rebuild's own page fails). With problems,
    /// the overlay says it is the last good build's and lists them.
    Site(&'a [Problem]),
    /// A page of the preview's own (the review page, the page without a good build),
    /// which shows the problems itself if it has any to show.
    Own,
}

/// A page with the live-reload script, the review bar and, on a page of the last good
/// build in place of a failed one, the overlay.
pub fn decorate(html: &str, preview: &Preview, shown: Shown) -> String {
    let version = preview.version;
    let mut extra = format!(
        "<script src=\"{PREFIX}reload.js\" data-version=\"{version}\" data-url=\"{PREFIX}reload\"></script>"
    );
    let label = msg!("preview-review-bar").text(preview.lang);
    let bar = REVIEW_BAR
        .replace("{url}", &format!("{PREFIX}check"))
        .replace("{label}", &escaped(&label));
    extra.push_str(&bar);
    if let Shown::Site(problems) = shown
        && !problems.is_empty()
    {
        let heading = msg!("preview-overlay-heading").text(preview.lang);
        let overlay = OVERLAY
            .replace("{heading}", &escaped(&heading))
            .replace("{problems}", &items(preview.lang, problems));
        extra.push_str(&overlay);
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// The page of a path with no good build to show, `problems` saying why; it reloads
/// after the next rebuild like any page.
pub fn no_build_page(preview: &Preview, problems: &[Problem]) -> String {
    let lang = preview.lang;
    let said = |message: Message| escaped(&message.text(lang));
    let page = NO_BUILD
        .replace("{lang}", lang.code())
        .replace("{title}", &said(msg!("preview-no-build-title")))
        .replace("{text}", &said(msg!("preview-no-build-text")))
        .replace("{problems}", &items(lang, problems));
    decorate(&page, preview, Shown::Own)
}

/// The problems as list items, in `lang`.
fn items(lang: MessageLang, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("<li>{}</li>", escaped(&p.text(lang))))
        .collect()
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
        let preview = Preview {
            version: 3,
            ..Preview::default()
        };
        let page = decorate(
            "<html><body><p>x</p></body></html>",
            &preview,
            Shown::Site(&[]),
        );
        assert!(page.contains("data-version=\"3\""));
        assert!(page.contains("<a id=\"crisis-site-review\" href=\"/__crisis-site/check\""));
        assert!(page.ends_with("</a>\n</body></html>"));
        let key = "<key>";
        let problems = [Problem::at(
            "content/a.md",
            2,
            crate::msg!("toml-unknown-key", key),
        )];
        let page = decorate(
            "<html><body></body></html>",
            &preview,
            Shown::Site(&problems),
        );
        assert!(page.contains("content/a.md:2: unknown key `&lt;key&gt;`"));
        assert!(page.contains("This page is the last good build"));
        let own = decorate("<html><body></body></html>", &preview, Shown::Own);
        assert!(!own.contains("crisis-site-problems"));
        let clean = decorate("<html><body></body></html>", &preview, Shown::Site(&[]));
        assert!(!clean.contains("crisis-site-problems"));
        let none = no_build_page(&preview, &problems);
        assert!(none.contains("<li>content/a.md:2: unknown key `&lt;key&gt;`</li>"));
        assert!(none.contains("<h1 id=\"crisis-site-no-build\" style=\"font-size:1.4rem;color:#b3261e\">crisis-site: no good build yet</h1>"));
        assert!(!none.contains("last good build"));
        // In the run's language.
        let ja = Preview {
            lang: MessageLang::Ja,
            ..Preview::default()
        };
        let none = no_build_page(&ja, &problems);
        assert!(none.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
        assert!(none.contains(">crisis-site: まだ生成に成功していません</h1>"));
        let page = decorate("<html><body></body></html>", &ja, Shown::Site(&problems));
        assert!(page.contains("このページは最後に成功した生成のものです"));
    }
}
