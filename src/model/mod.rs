//! The model: what a site is, as pure types with no IO. Announcements and their
//! tables, the settings of site.toml, guide pages, redirects, the review's rules, and
//! the URL layout of the output. The loader (`load`) makes these from files; every
//! later layer reads them.

pub mod announcement;
pub mod config;
pub mod guide_page;
pub mod heading;
pub mod portable;
pub mod redirect;
pub mod rule;
pub mod site;
pub mod sources;
pub mod tables;
pub mod url;

pub use announcement::{Announcement, Attachment, Channel, Channels, Kind, Slug, Version};
pub use config::{BaseUrl, Config};
pub use guide_page::{GuidePage, GuideText};
pub use rule::{Level, Rule};
pub use site::{Overview, Publish, Site};
pub use sources::Sources;
