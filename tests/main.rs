//! Integration tests: fixture sites built into temporary folders, checked through the
//! parsed HTML of what was written. One crate, so the library links once.

mod support;

mod api;
mod bad_input;
mod banner;
mod catalogs;
mod check;
mod check_content;
mod check_output;
mod crash_safety;
mod crawlers;
mod docs;
mod escaping;
mod feeds;
mod guide_pages;
mod head;
mod home;
mod hostile;
mod incident;
mod incident_errors;
mod layers;
mod links;
mod lists;
mod messages;
mod output;
mod pages;
mod publish;
mod redirects;
mod serve;
mod serve_hostile;
mod theme;
mod translations;
mod weight;
mod writing;
