//! The preview server: the site as readers will see it, drafts and embargoed
//! statements included and marked, rebuilt on every save.
//!
//! It runs the same pipeline as `build` up to rendering and serves the files from
//! memory, so it never writes into `public/`. Only paths the build produced can be
//! served: a request is looked up in that list, never joined to a folder on disk.

use std::collections::HashMap;
use std::future::IntoFuture as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{DateTime, FixedOffset};
use tokio::sync::watch;

use crate::config::BaseUrl;
use crate::error::{Error, Problem};
use crate::render::{Content, Plan};
use crate::site::{Publish, Site};
use crate::theme::Theme;

/// The folder of the preview's own URLs, which no site file can take.
const PREFIX: &str = "/__crisis-site/";
/// The live-reload script, added to every HTML page the preview serves.
const RELOAD_SCRIPT: &str = include_str!("serve/reload.js");
/// The overlay that shows the problems of a failed rebuild over the last good page.
const OVERLAY: &str = include_str!("serve/overlay.html");
/// The preview-only page of `crisis-site check`'s findings, and the bar linking it.
const REVIEW: &str = include_str!("serve/review.html");
const REVIEW_BAR: &str = include_str!("serve/review-bar.html");
/// What the preview shows for a missing path before the first good build.
const MISSING_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>404</p></body></html>";
/// What the preview shows, under the overlay of its problems, for a page whose
/// template failed.
const FAILED_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>template error</title></head><body></body></html>";
/// How long the watcher waits for a burst of saves to end before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// How many ports after the default one are tried when it is taken.
const PORT_TRIES: u16 = 50;

/// How `crisis-site serve` is asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The address to listen on; loopback unless the writer says otherwise.
    pub bind: IpAddr,
    /// The port; `None` for 1111 or the next free one.
    pub port: Option<u16>,
    /// Open the preview in the default browser.
    pub open: bool,
    /// A fixed "now", or `None` for the real time at each rebuild.
    pub now: Option<DateTime<FixedOffset>>,
}

/// The default port, Zola's, which comms teams' tools are unlikely to use.
pub const DEFAULT_PORT: u16 = 1111;

/// One built state of the site, or the problems of the latest attempt.
#[derive(Default)]
struct Preview {
    /// The last good build, shared with the states that keep it.
    build: Option<Arc<Build>>,
    problems: Vec<Problem>,
    /// Which rebuild this is; pages carry it, so they know when a newer one exists.
    version: u64,
    /// When that rebuild started: it read every change the watcher had seen by then.
    started: Option<Instant>,
}

/// What the server's handlers share.
struct Shared {
    preview: RwLock<Arc<Preview>>,
    /// Parsed content kept between rebuilds: only changed files are read again.
    cache: crate::content::Cache,
    /// The latest rebuild's number, good or bad; open pages listen to it.
    version: watch::Sender<u64>,
    /// The preview's own address, in place of `base_url`: the 404 page, feeds and
    /// every absolute link then work in the preview and never leave it.
    base_url: Option<BaseUrl>,
    /// The site's folder and the fixed "now", for the review page.
    root: PathBuf,
    now: Option<DateTime<FixedOffset>>,
}

/// The result of one rebuild, for the terminal.
#[derive(Debug)]
pub struct Rebuilt {
    /// How long it took.
    pub took: Duration,
    /// The problems, if it failed; the last good build stays served.
    pub problems: Vec<Problem>,
}

/// A good build of the site, kept in memory: everything `build` would write, except
/// that each page is rendered the first time it is asked for (and kept), and so are
/// the feeds, sitemap and data files. A rebuild after a save then costs loading the
/// site, planning its paths and checking them (redirects, collisions), and the pages
/// looked at. Public for the benchmark of that rebuild (`bench/`).
pub struct Build {
    site: Site,
    theme: Theme,
    plan: Plan,
    /// Every output path, to the page that renders it or the file that holds it.
    paths: HashMap<String, Entry>,
    /// The pages rendered so far (or their template problems), by plan index.
    pages: Vec<OnceLock<Result<String, Vec<Problem>>>>,
    /// The feeds, sitemap and data files, made together when one is first asked for:
    /// each reads every announcement, and they are opened far less than pages.
    derived: OnceLock<Result<HashMap<String, String>, Vec<Problem>>>,
}

/// What is at an output path of a [`Build`].
enum Entry {
    /// The page at this index of the plan.
    Page(usize),
    /// One of the plan's derived files (feeds, sitemap.xml, robots.txt, JSON).
    Derived,
    /// A file made with the build: copied (static files, attachments), or text
    /// (redirect pages).
    File(Content),
}

/// A file of a [`Build`], as a request gets it.
pub enum Found<'a> {
    /// A page or generated file.
    Text(&'a str),
    /// A file to send as it is on disk.
    Copy(&'a Path),
    /// Making it failed: its template's problems.
    Failed(&'a [Problem]),
}

impl Build {
    /// Loads the site, plans its pages and derived files, and makes the rest (files to
    /// copy, redirect pages): the pipeline of `build` up to rendering, so every
    /// content, redirect and collision problem is found here.
    pub fn new(
        root: &Path,
        publish: &Publish,
        cache: &crate::content::Cache,
    ) -> Result<Build, Error> {
        let (site, theme) = crate::load(root, publish, cache)?;
        let plan = Plan::new(&site);
        let page_paths = plan.page_paths(&site);
        let derived_paths = plan.derived_paths(&site);
        let made: Vec<&str> = page_paths
            .iter()
            .chain(&derived_paths)
            .map(String::as_str)
            .collect();
        let others = plan
            .other_files(&site, &theme, &made)
            .map_err(Error::Invalid)?;
        let pages = page_paths.iter().map(|_| OnceLock::new()).collect();
        let paths = page_paths
            .into_iter()
            .enumerate()
            .map(|(i, path)| (path, Entry::Page(i)))
            .chain(derived_paths.into_iter().map(|path| (path, Entry::Derived)))
            .chain(others.into_iter().map(|f| (f.path, Entry::File(f.content))))
            .collect();
        Ok(Build {
            site,
            theme,
            plan,
            paths,
            pages,
            derived: OnceLock::new(),
        })
    }

    /// Whether the build writes `path`.
    fn has(&self, path: &str) -> bool {
        self.paths.contains_key(path)
    }

    /// The file at `path`, rendering it first if it is a page not asked for before.
    pub fn get(&self, path: &str) -> Option<Found<'_>> {
        Some(match self.paths.get(path)? {
            Entry::File(Content::Text(text)) => Found::Text(text),
            Entry::File(Content::Copy(source)) => Found::Copy(source),
            Entry::Page(i) => {
                let page = self.pages[*i].get_or_init(|| {
                    self.plan
                        .render_page(&self.site, &self.theme, *i)
                        .map(|file| match file.content {
                            Content::Text(text) => text,
                            Content::Copy(_) => unreachable!("pages are rendered text"),
                        })
                });
                match page {
                    Ok(text) => Found::Text(text),
                    Err(problems) => Found::Failed(problems),
                }
            }
            Entry::Derived => {
                let derived = self.derived.get_or_init(|| {
                    let files = self.plan.derived_files(&self.site, &self.theme)?;
                    Ok(files
                        .into_iter()
                        .filter_map(|f| match f.content {
                            Content::Text(text) => Some((f.path, text)),
                            Content::Copy(_) => None,
                        })
                        .collect())
                });
                match derived {
                    Ok(files) => Found::Text(files.get(path)?),
                    Err(problems) => Found::Failed(problems),
                }
            }
        })
    }
}

impl Shared {
    /// Rebuilds the site in memory. On failure the last good files stay, and the
    /// problems are shown over them.
    fn rebuild(&self, options: &ServeOptions) -> Rebuilt {
        let started = Instant::now();
        let now = options
            .now
            .unwrap_or_else(|| chrono::Local::now().fixed_offset());
        let publish = Publish {
            drafts: true,
            future: true,
            now,
            base_url: self.base_url.clone(),
        };
        let result = Build::new(&options.root, &publish, &self.cache);
        let mut preview = self
            .preview
            .write()
            .expect("preview lock is never poisoned");
        let version = preview.version + 1;
        let (build, problems) = match result {
            Ok(build) => (Some(Arc::new(build)), Vec::new()),
            Err(Error::Invalid(problems)) => (preview.build.clone(), problems),
            Err(other) => (
                preview.build.clone(),
                vec![Problem::in_file(&options.root, other.to_string())],
            ),
        };
        *preview = Arc::new(Preview {
            build,
            problems: problems.clone(),
            version,
            started: Some(started),
        });
        drop(preview);
        self.version.send_replace(version);
        Rebuilt {
            took: started.elapsed(),
            problems,
        }
    }

    /// The findings of `crisis-site check` on the site as it would be published now
    /// (no drafts, nothing embargoed), as the list items of the review page.
    fn review(&self) -> (String, String) {
        let publish = Publish {
            drafts: false,
            future: false,
            now: self
                .now
                .unwrap_or_else(|| chrono::Local::now().fixed_offset()),
            base_url: self.base_url.clone(),
        };
        let item = |text: &str| format!("<li>{}</li>", escaped(text));
        match crate::render_site(&self.root, &publish, &self.cache) {
            Ok((site, files)) => {
                let report = crate::check::review(&site, &files);
                let summary = [
                    crate::check::Level::Error,
                    crate::check::Level::Warning,
                    crate::check::Level::Info,
                ]
                .map(|level| format!("{} {}", report.count(level), level.id()))
                .join(", ");
                let items = report
                    .findings
                    .iter()
                    .map(|f| item(&f.to_string()))
                    .collect();
                (summary, items)
            }
            Err(Error::Invalid(problems)) => (
                format!("{} problems fail the build", problems.len()),
                problems.iter().map(|p| item(&p.to_string())).collect(),
            ),
            Err(other) => (
                "the site could not be read".to_string(),
                item(&other.to_string()),
            ),
        }
    }

    fn current(&self) -> Arc<Preview> {
        self.preview
            .read()
            .expect("preview lock is never poisoned")
            .clone()
    }
}

/// Builds the site, serves it and rebuilds it on every change until interrupted.
///
/// `report` is told of each rebuild (the terminal prints it); `ready` gets the URL
/// once the server listens.
pub fn serve(
    options: ServeOptions,
    ready: impl FnOnce(&str),
    report: impl Fn(&Rebuilt) + Send + Sync + 'static,
) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("cannot start the preview server", e))?;
    // Listen first: the builds need the preview's address.
    let listener = runtime.block_on(bind(&options))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io("cannot read the preview server's address", e))?;
    let url = format!("http://{address}/");
    let (version, _) = watch::channel(0u64);
    let shared = Arc::new(Shared {
        preview: RwLock::new(Arc::new(Preview::default())),
        cache: crate::content::Cache::default(),
        version,
        base_url: BaseUrl::parse(&url).ok(),
        root: options.root.clone(),
        now: options.now,
    });
    // Watch before the first build, so that no save between the two is missed.
    let report = Arc::new(report);
    let on_change = Arc::clone(&report);
    let _watcher = watch_site(&options, Arc::clone(&shared), move |r| on_change(r))?;
    report(&shared.rebuild(&options));

    runtime.block_on(async {
        ready(&url);
        if options.open {
            let _ = opener::open_browser(&url);
        }
        let app = Router::new()
            .route(&format!("{PREFIX}reload"), get(reload_events))
            .route(&format!("{PREFIX}reload.js"), get(reload_script))
            .route(&format!("{PREFIX}check"), get(review_page))
            .fallback(get(site_file))
            .with_state(Arc::clone(&shared));
        // Ctrl-C stops at once: open pages hold event streams that never end, so a
        // graceful shutdown would wait for the browser to close them.
        tokio::select! {
            served = axum::serve(listener, app).into_future() => {
                served.map_err(|e| Error::io("the preview server stopped", e))
            }
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

async fn bind(options: &ServeOptions) -> Result<tokio::net::TcpListener, Error> {
    let ports: Vec<u16> = match options.port {
        Some(port) => vec![port],
        None => (DEFAULT_PORT..DEFAULT_PORT + PORT_TRIES).collect(),
    };
    let mut last_error = None;
    for port in ports {
        match tokio::net::TcpListener::bind(SocketAddr::new(options.bind, port)).await {
            Ok(listener) => return Ok(listener),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && options.port.is_none() => {
                last_error = Some(e);
            }
            Err(e) => {
                return Err(Error::io(
                    format!("cannot listen on {}:{port}", options.bind),
                    e,
                ));
            }
        }
    }
    Err(Error::io(
        format!(
            "cannot listen on {}: ports {DEFAULT_PORT} to {} are all taken; pass --port",
            options.bind,
            DEFAULT_PORT + PORT_TRIES - 1
        ),
        last_error.unwrap_or_else(|| std::io::ErrorKind::AddrInUse.into()),
    ))
}

/// The file watcher; it stops watching when dropped.
type Watcher = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches the site's inputs and rebuilds once after each burst of changes (an
/// editor saving several files is one burst). Reads are not changes: the rebuild's
/// own reads must not start another rebuild.
fn watch_site(
    options: &ServeOptions,
    shared: Arc<Shared>,
    report: impl Fn(&Rebuilt) + Send + 'static,
) -> Result<Watcher, Error> {
    use notify_debouncer_full::notify::RecursiveMode;

    let root = options.root.clone();
    let rebuild_options = options.clone();
    let watch_error = |path: &Path, e: notify_debouncer_full::notify::Error| {
        Error::io(
            format!("cannot watch {}", path.display()),
            std::io::Error::other(e),
        )
    };
    let mut debouncer = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let read = shared.current().started;
            let changed = match result {
                Ok(events) => events.iter().any(|event| is_new_change(&root, event, read)),
                Err(_) => true,
            };
            if changed {
                report(&shared.rebuild(&rebuild_options));
            }
        },
    )
    .map_err(|e| watch_error(&options.root, e))?;
    // The root itself only for site.toml: recursively it would also watch public/
    // and target/.
    debouncer
        .watch(&options.root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(&options.root, e))?;
    for folder in INPUT_FOLDERS {
        let path = options.root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, e))?;
        }
    }
    Ok(debouncer)
}

/// Whether `event` changed one of the site's inputs after the latest rebuild started
/// reading them (at `read`). Reads are not changes. A change from before is in that
/// rebuild already: the debouncer lets each change go once it is DEBOUNCE old, so one
/// burst of saves can come in two batches, and the second is not rebuilt again.
fn is_new_change(
    root: &Path,
    event: &notify_debouncer_full::DebouncedEvent,
    read: Option<Instant>,
) -> bool {
    use notify_debouncer_full::notify::EventKind;
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    ) && event.paths.iter().any(|p| is_input(root, p))
        && read.is_none_or(|started| event.time >= started)
}

/// The folders of the site's inputs besides site.toml.
const INPUT_FOLDERS: [&str; 4] = ["content", "static", "templates", "themes"];

/// Whether a changed path is one of the site's inputs (not the output, not an
/// editor's swap file in the root).
fn is_input(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        // Events may carry canonical paths; anything under the watched folders counts.
        return true;
    };
    match relative.components().next() {
        Some(first) => {
            let first = first.as_os_str();
            first == crate::config::FILE || INPUT_FOLDERS.iter().any(|f| first == *f)
        }
        None => false,
    }
}

/// Live reload: a stream of server-sent events, each the number of the latest build,
/// starting with the current one so that a page built before a rebuild still hears
/// of it.
async fn reload_events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    use tokio_stream::StreamExt as _;
    let versions = tokio_stream::wrappers::WatchStream::new(shared.version.subscribe());
    Sse::new(versions.map(|v| Ok(Event::default().data(v.to_string()))))
        .keep_alive(KeepAlive::default())
}

/// The review page: preview-only, never part of a build.
async fn review_page(State(shared): State<Arc<Shared>>) -> Response {
    let reviewing = Arc::clone(&shared);
    let (summary, items) = match tokio::task::spawn_blocking(move || reviewing.review()).await {
        Ok(found) => found,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let page = REVIEW
        .replace("{summary}", &escaped(&summary))
        .replace("{findings}", &items);
    preview_response(
        StatusCode::OK,
        decorate(&page, &shared.current(), &[]).into_bytes(),
        "text/html; charset=utf-8",
    )
}

async fn reload_script() -> Response {
    preview_response(
        StatusCode::OK,
        RELOAD_SCRIPT.into(),
        "text/javascript; charset=utf-8",
    )
}

/// Serves one file of the current build, by its exact output path.
async fn site_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
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
            let encoded = crate::view::path::url_encoded(&key);
            return Redirect::permanent(&format!("/{encoded}/")).into_response();
        }
        return not_found(&key, &preview);
    };
    let kind = mime_guess::from_path(&key).first_or_octet_stream();
    let body = match found {
        Found::Text(text) if key.ends_with(".html") => decorate(text, &preview, &[]).into_bytes(),
        Found::Text(text) => text.as_bytes().to_vec(),
        Found::Copy(source) => match tokio::fs::read(source).await {
            Ok(bytes) => bytes,
            Err(_) => return not_found(&key, &preview),
        },
        Found::Failed(problems) => {
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

/// A page with the live-reload script and, after a failed rebuild or for a page whose
/// template failed (`failed`), the overlay.
fn decorate(html: &str, preview: &Preview, failed: &[Problem]) -> String {
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
fn escaped(text: &str) -> String {
    let mut out = Vec::new();
    tera::escape_html(text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&out).into_owned()
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
            Found::Text(text) => Some(text),
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

/// A response of the preview: typed, and never cached, since the next save changes it.
fn preview_response(status: StatusCode, body: Vec<u8>, content_type: &str) -> Response {
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

    #[test]
    fn only_changes_of_inputs_that_the_latest_rebuild_has_not_read_are_rebuilt() {
        use notify_debouncer_full::DebouncedEvent;
        use notify_debouncer_full::notify::event::{AccessKind, DataChange, ModifyKind};
        use notify_debouncer_full::notify::{Event, EventKind};
        let root = Path::new("/site");
        let at = Instant::now();
        let event =
            |kind, path: &str| DebouncedEvent::new(Event::new(kind).add_path(root.join(path)), at);
        let saved = event(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            "content/a.md",
        );
        assert!(is_new_change(root, &saved, None));
        assert!(is_new_change(root, &saved, Some(at)));
        assert!(!is_new_change(
            root,
            &saved,
            Some(at + Duration::from_millis(1))
        ));
        let read = event(EventKind::Access(AccessKind::Any), "content/a.md");
        assert!(!is_new_change(root, &read, None));
        let output = event(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            "public/index.html",
        );
        assert!(!is_new_change(root, &output, None));
    }

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
