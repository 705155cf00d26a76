//! Loading: reading a site's files into the model, with every problem at its file and
//! line. site.toml is read by [`config`], `content/` by [`content`] (announcements,
//! translations, the overview, guide pages), and [`site`] puts them together as
//! published at a moment. Nothing here renders or writes.

pub mod active;
pub mod agreement;
pub mod announcement;
pub mod cache;
pub mod channels;
pub mod config;
pub mod content;
pub mod crosscheck;
pub mod discover;
pub mod frontmatter;
pub mod guide_pages;
pub mod hint;
pub mod layout;
pub mod leftovers;
pub mod names;
pub mod official_pdf;
pub mod overview;
pub mod regular;
pub mod revisions;
pub mod site;
pub mod tables;
pub mod translation;

pub use cache::Cache;
pub use site::load;
