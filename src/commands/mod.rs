//! The commands: each runs the pipeline (or, for `init` and `new`, writes a new
//! source file for the writer; for `theme export`, the built-in theme's files) and
//! returns what the command line prints.

pub mod build;
pub mod check;
pub mod init;
pub mod messages;
pub mod new;
pub mod publish;
pub mod serve;
pub mod theme;
pub mod turn;
