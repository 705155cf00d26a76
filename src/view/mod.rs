//! What templates see: plain, serialisable views of the site for one page in one
//! language, with every date formatted, every label looked up and every link made
//! relative to the page. Templates only place these values; they decide nothing.
//!
//! Each view is built by a function of the module it is in, from the
//! [`PageContext`] of the page. docs/reference/template-context.md documents the
//! fields templates see; keep the two in step.

pub mod announcement;
pub mod context;
pub mod embed;
pub mod guide_page;
pub mod head;
pub mod home;
pub mod item;
pub mod measures;
pub mod pdf;
pub mod redirect;
pub mod services;
pub mod site;
pub mod timeline;
pub mod unreleased;
mod words;

pub use context::{DateView, PageContext, PageKind};
