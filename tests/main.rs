//! Integration tests: fixture sites built into temporary folders, checked through the
//! parsed HTML of what was written. One crate, so the library links once.

mod support;

mod api;
mod bad_input;
mod banner;
mod build_ja;
mod build_review;
mod catalogs;
mod check;
mod check_content;
mod check_ja;
mod check_output;
mod check_unfinished;
mod crash_safety;
mod crawlers;
mod data_files;
mod docs;
mod escaping;
mod feeds;
mod guide_pages;
mod head;
mod home;
mod hostile;
mod incident;
mod incident_errors;
mod inputs;
mod layers;
mod links;
mod lists;
mod messages;
mod messages_ja;
mod new_command;
mod output;
mod pages;
mod publish;
mod redirects;
mod reported_once;
mod serve;
mod serve_errors;
mod serve_hostile;
mod serve_unreleased;
mod theme;
mod translations;
mod weight;
mod writing;
