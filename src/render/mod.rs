//! Rendering: every file of the site, in every language, in parallel. The [`Plan`]
//! names the files (one job each) and checks their paths; each job is made by the
//! module of its kind: pages through the theme's templates ([`page`]), Atom feeds
//! ([`feed`]), sitemap.xml and robots.txt ([`sitemap`]), the state as JSON ([`api`]),
//! redirect pages ([`redirect`]) and the host files `_headers` and `_redirects`
//! ([`host`]). Nothing here touches the disk; the result is a
//! list of [`OutputFile`]s for `output` to write.

pub mod api;
pub mod cache;
pub mod collisions;
pub mod feed;
pub mod file;
pub mod host;
pub mod job;
pub mod page;
pub mod pdf;
pub mod plan;
pub mod redirect;
pub mod shared;
pub mod sitemap;

pub use file::{Body, OutputFile};
pub use plan::Plan;
