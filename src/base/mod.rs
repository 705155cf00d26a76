//! The bottom layer: what every other layer needs and that needs nothing of the crate.
//! Problems and errors, languages, date-times, "did you mean", TOML messages and small
//! text helpers.

pub mod catalog;
pub mod encoding;
pub mod error;
pub mod lang;
pub mod message;
pub mod moment;
pub mod problem;
pub mod suggest;
pub mod text;
pub mod time;
pub mod toml_message;
pub mod toml_slips;

pub use error::Error;
pub use lang::Lang;
pub use message::{Message, MessageLang};
pub use problem::{Invalid, Located, Problem};
