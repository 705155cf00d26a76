//! `crisis-site serve`: the preview, the site as readers will see it, drafts and
//! embargoed statements included and marked, rebuilt on every save.
//!
//! It runs the same pipeline as `build` up to making the files and serves them from
//! memory ([`build`]), so it never writes into `public/`. Only paths the build
//! produced can be served: a request is looked up in that list, never joined to a
//! folder on disk ([`http`]). Saves are watched ([`watch`]); the review page runs
//! `check`'s rules on the site as it would be published now ([`review`]).

pub mod build;
mod copy;
mod decorate;
mod host;
mod http;
mod misdirected;
pub mod options;
pub mod preview;
mod retry;
mod review;
mod server;
pub(crate) mod watch;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use crate::base::Error;
use crate::msg;
use decorate::PREFIX;
use options::{DEFAULT_PORT, Listening, ServeOptions};
use preview::{Rebuilt, Shared};

/// How many ports after the default one are tried when it is taken.
const PORT_TRIES: u16 = 50;

/// Builds the site, serves it and rebuilds it on every change until interrupted.
///
/// `report` is told of each rebuild (the terminal prints it); `ready` gets where the
/// server listens, and the URL to open, once it does.
pub fn serve(
    options: ServeOptions,
    ready: impl FnOnce(&Listening),
    report: impl Fn(&Rebuilt) + Send + Sync + 'static,
) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io(msg!("preview-cannot-start"), e))?;
    // Listen first: the builds need the preview's address.
    let listener = runtime.block_on(bind(&options))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io(msg!("preview-no-address"), e))?;
    let listening = Listening::at(address);
    let url = listening.url.clone();
    let shared = Arc::new(Shared::new(&options, address, &url));
    // Watch before the first build, so that no save between the two is missed.
    let report = Arc::new(report);
    let on_change = Arc::clone(&report);
    let _watcher = watch::watch_site(&options, Arc::clone(&shared), move |r| on_change(r))?;
    report(&shared.rebuild(&options));

    runtime.block_on(async {
        ready(&listening);
        if options.open {
            let _ = opener::open_browser(&url);
        }
        let app = Router::new()
            .route(&format!("{PREFIX}reload"), get(http::reload_events))
            .route(&format!("{PREFIX}reload.js"), get(http::reload_script))
            .route(&format!("{PREFIX}check"), get(review::review_page))
            .fallback(get(http::site_file))
            .layer(axum::middleware::from_fn_with_state(
                Arc::clone(&shared),
                misdirected::only_own_hosts,
            ))
            .with_state(Arc::clone(&shared));
        // Ctrl-C stops at once: open pages hold event streams that never end, so a
        // graceful shutdown would wait for the browser to close them.
        let open = Arc::new(tokio::sync::Semaphore::new(server::MAX_CONNECTIONS));
        tokio::select! {
            () = server::run(listener, app, open) => Ok(()),
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
                let address = options.bind.to_string();
                return Err(Error::io(msg!("preview-cannot-listen", address, port), e));
            }
        }
    }
    let address = options.bind.to_string();
    let (first, last) = (DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES - 1);
    Err(Error::io(
        msg!("preview-ports-taken", address, first, last),
        last_error.unwrap_or_else(|| std::io::ErrorKind::AddrInUse.into()),
    ))
}
