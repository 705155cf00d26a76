//! The preview's HTTP face: the site's files by their exact output paths, the
//! live-reload events and script, the site's own 404 page, and the page of the
//! problems while no build has succeeded.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};

use super::build::{MemoryBuild, Served};
use super::decorate::{
    MISSING_PAGE, RELOAD_SCRIPT, Shown, decorate, no_build_page, preview_response,
};
use super::preview::{Preview, Shared};
use crate::base::Problem;
use crate::base::text::url_encoded;
use crate::load::regular;

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
        // No build has succeeded: there is no page of the site to show, and the
        // problems are the page.
        return no_good_page(&preview, &preview.problems);
    };
    let (found, problems) = match lookup(&preview, build, &key) {
        Lookup::Found(found, problems) => (found, problems),
        Lookup::NoGood(problems) => return no_good_page(&preview, problems),
        Lookup::Missing => {
            let folder = format!("{key}/index.html");
            if !key.is_empty() && build.has(&folder) {
                // Encoded again: an attachment folder may be named in any script or
                // hold spaces, which as raw bytes in `Location` are not a valid address.
                let encoded = url_encoded(&key);
                return Redirect::permanent(&format!("/{encoded}/")).into_response();
            }
            return not_found(&key, &preview, build);
        }
    };
    let kind = crate::render::cache::content_type(&key);
    let body = match found {
        Served::Text(text) if key.ends_with(".html") => {
            decorate(text, &preview, Shown::Site(problems)).into_bytes()
        }
        Served::Text(text) | Served::BuiltIn(text) => text.as_bytes().to_vec(),
        Served::Bytes(bytes) => bytes.to_vec(),
        // Checked again now: a file swapped for a link since the build is not served.
        Served::Copy(source) if !regular::still_regular(&shared.root, source) => {
            return not_found(&key, &preview, build);
        }
        Served::Copy(source) => {
            return match super::copy::streamed(source, &kind).await {
                Some(response) => response,
                None => not_found(&key, &preview, build),
            };
        }
        Served::Failed(problems) => return no_good_page(&preview, problems),
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

/// What is at `key` for a request: the served build's file, with the problems of the
/// latest rebuild to show over it; while a rebuild's files are made, a file of it that
/// fails is the last good build's, with the failure's problems.
enum Lookup<'a> {
    /// A file to serve, and the problems to show over it.
    Found(Served<'a>, &'a [Problem]),
    /// The served build's file fails and no good build has it: its problems.
    NoGood(&'a [Problem]),
    /// The served build has no file at `key`.
    Missing,
}

fn lookup<'a>(preview: &'a Preview, build: &'a MemoryBuild, key: &str) -> Lookup<'a> {
    match build.get(key) {
        None => Lookup::Missing,
        Some(Served::Failed(problems)) => match preview.good.as_ref().and_then(|g| g.get(key)) {
            Some(Served::Failed(_)) | None => Lookup::NoGood(problems),
            Some(good) => Lookup::Found(good, problems),
        },
        Some(found) => Lookup::Found(found, &preview.problems),
    }
}

/// The preview's own page of problems, where no good build has a page to show.
fn no_good_page(preview: &Preview, problems: &[Problem]) -> Response {
    preview_response(
        StatusCode::OK,
        no_build_page(preview, problems).into_bytes(),
        "text/html; charset=utf-8",
    )
}

/// The site's 404 page, as a static host would serve it: the one of the language
/// folder the missing path is in, else the main language's.
fn not_found(key: &str, preview: &Preview, build: &MemoryBuild) -> Response {
    let in_folder = key
        .split_once('/')
        .map(|(folder, _)| format!("{folder}/404.html"));
    let (page, problems) = in_folder
        .iter()
        .map(String::as_str)
        .chain(["404.html"])
        .find_map(|path| match lookup(preview, build, path) {
            Lookup::Found(Served::Text(text), problems) => Some((text, problems)),
            _ => None,
        })
        .unwrap_or((MISSING_PAGE, &preview.problems));
    let page = decorate(page, preview, Shown::Site(problems));
    preview_response(
        StatusCode::NOT_FOUND,
        page.into_bytes(),
        "text/html; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// While a rebuild's files are made, its page that fails is the last good build's,
    /// with the failure over it; a page no good build has is the page of problems.
    /// (No point the preview reports falls in that moment, so it is pinned here.)
    #[test]
    fn a_failing_page_of_a_rebuild_being_made_is_the_last_good_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let now = chrono::DateTime::parse_from_rfc3339("2023-06-08T12:00:00+09:00").unwrap();
        crate::commands::init::init(&root, now).unwrap();
        let publish = crate::model::Publish::preview(now, None);
        let build = |root: &std::path::Path| {
            let cache = crate::load::Cache::none();
            Arc::new(MemoryBuild::new(root, &publish, &cache, Default::default()).unwrap())
        };
        let good = build(&root);
        good.make_all().unwrap();
        // The site's own copy of the built-in template, broken.
        let (_, text) = crate::theme::builtin::FILES
            .iter()
            .find(|(path, _)| *path == "templates/announcement.html")
            .unwrap();
        let broken = text.replacen("{% block main %}", "{% block main %}{{ not_a_field }}", 1);
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("templates/announcement.html"), broken).unwrap();
        let page = "announcements/2023-06-08-first-notice/index.html";
        std::fs::write(
            root.join("content/announcements/new.md"),
            "+++\ntitle = \"t\"\ndate = 2023-06-08T11:00:00+09:00\nchannel = \"pr\"\n+++\n",
        )
        .unwrap();
        let making = build(&root);
        let preview = Preview {
            build: Some(Arc::clone(&making)),
            good: Some(Arc::clone(&good)),
            ..Preview::default()
        };
        let Lookup::Found(Served::Text(shown), problems) = lookup(&preview, &making, page) else {
            panic!("{page} is not the last good one");
        };
        let Some(Served::Text(before)) = good.get(page) else {
            panic!("the good build has {page}");
        };
        assert_eq!(shown, before);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with(
                "templates/announcement.html:2: template `announcement.html` failed: "
            )
        );
        // The new announcement's page never had a good build.
        let Lookup::NoGood(problems) = lookup(&preview, &making, "announcements/new/index.html")
        else {
            panic!("a page no good build has was found");
        };
        assert_eq!(problems.len(), 1);
        // Once every file is made, the rebuild fails with that problem.
        assert_eq!(making.make_all().unwrap_err().len(), 1);
    }

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
