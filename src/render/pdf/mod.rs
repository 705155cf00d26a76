//! The PDF of an announcement in one language: its data (the same view as its web
//! page, `view::pdf`) typeset by typst through the theme's layout, tagged (PDF/UA-1),
//! with its title and language. A PDF made before from the same key (the engine,
//! layouts, fonts and data) is reused instead of typeset again.

mod jobs;
mod made;
mod typeset;
mod typesetter;
mod world;

pub use jobs::{PdfJobs, PdfLink};
pub use made::{MadePdf, MadePdfs, PdfKey};
