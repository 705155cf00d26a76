//! crisis-site: one dedicated site for an incident, built from markdown announcements.
//!
//! The pipeline, one layer a step, each importing only from the layers below it:
//! `base` (problems, languages, time) → `model` (what a site is) → `markdown` →
//! `load` (files to the model) → `state` and `theme` → `view` (what templates see)
//! → `render` (the plan of every output file, made in memory) → `output` (the only
//! writer) and `review` (the rules of `check`) → `pipeline` → `commands`. The binary's
//! `cli` sits on top. ARCHITECTURE.md maps them.
//!
//! What the binary, the tests, the benchmarks and the fuzzer use is re-exported here.

#![warn(missing_docs)]

mod base;
mod commands;
mod load;
mod markdown;
mod model;
mod output;
mod pipeline;
mod publish;
mod render;
mod review;
mod state;
mod theme;
mod view;

pub use base::message::Arg as MessageArg;
pub use base::time::{Moment, parse_now};
pub use base::{Error, Lang, Message, MessageLang, Problem};
pub use commands::build::{
    BuildError, BuildOptions, BuildSummary, NO_BASE_URL, build, errors as build_errors,
};
pub use commands::check::check;
pub use commands::init::{init, starter_language};
pub use commands::messages::{MESSAGES_VAR, message_lang, message_lang_of};
pub use commands::new::{NewAnnouncement, NewTranslation, new_announcement, new_translation};
pub use commands::publish::clock::RealWaiter;
pub use commands::publish::plan::{Plan as PublishPlan, plan as publish_plan};
pub use commands::publish::status::{TargetStatus, status as publish_status};
pub use commands::publish::watch::{
    Event as WatchEvent, RETRY_AFTER, Waiter, Woke, watch as publish_watch,
};
pub use commands::publish::{
    Progress as PublishProgress, PublishError, PublishOptions, Published, publish, rfc3339,
    user as publishing_user,
};
pub use commands::serve::build::{MemoryBuild, Served};
pub use commands::serve::options::{Listening, ServeOptions};
pub use commands::serve::preview::Rebuilt;
pub use commands::serve::serve;
pub use commands::theme::export as export_theme;
pub use load::Cache;
pub use load::layout::OUTPUT as DEFAULT_OUTPUT;
pub use markdown::options as markdown_options;
pub use model::{BaseUrl, Channel, Channels, Level, Publish, Rule};
pub use output::{MARKER as OUTPUT_MARKER, PAUSE_VAR};
pub use pipeline::render;
pub use publish::log::{
    LOG_FILE as PUBLISH_LOG, Outcome as PublishOutcome, Record as PublishRecord,
};
pub use render::Body;
pub use render::pdf::MadePdfs;
pub use review::{Finding, Report};
pub use state::moments::{Change as ComingChange, Coming};
pub use theme::builtin::FILES as BUILT_IN_THEME;
pub use theme::pdf::BUILT_IN_FONTS;
