//! One file of the built site, as rendering makes it and the writer writes it.

use std::path::{Path, PathBuf};

use super::pdf::MadePdf;
use crate::base::message::Arg;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Its path from the output root, with `/` separators.
    pub path: String,
    /// What it holds.
    pub body: Body,
}

/// The bytes of an output file: rendered, or copied from a source file.
#[derive(Debug, Clone)]
pub enum Body {
    /// A rendered page, feed or data file.
    Text(String),
    /// A PDF of an announcement, with the key it was made from.
    Pdf(MadePdf),
    /// A static file or attachment, copied as it is.
    Copy {
        /// Where it is read from.
        source: PathBuf,
        /// Its size in bytes, as the site was loaded.
        size: u64,
    },
    /// A static file of the built-in theme, carried in the binary.
    BuiltIn {
        /// Its path in the theme (`static/style.css`).
        path: &'static str,
        /// Its text.
        text: &'static str,
    },
}

impl Body {
    /// Where these bytes come from.
    pub fn origin(&self) -> Origin<'_> {
        match self {
            Body::Text(_) | Body::Pdf(_) => Origin::Generated,
            Body::Copy { source, .. } => Origin::Copied(source),
            Body::BuiltIn { path, .. } => Origin::BuiltIn(path),
        }
    }

    /// How many bytes the file holds.
    pub fn size(&self) -> u64 {
        match self {
            Body::Text(text) => text.len() as u64,
            Body::Pdf(pdf) => pdf.bytes.len() as u64,
            Body::Copy { size, .. } => *size,
            Body::BuiltIn { text, .. } => text.len() as u64,
        }
    }
}

/// Where an output path's bytes come from, as the checks of paths need to name it.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// Made by the build: a page, feed, data file or redirect page.
    Generated,
    /// Copied from this source file: a static file or an attachment.
    Copied(&'a Path),
    /// A static file of the built-in theme, at this path in the theme.
    BuiltIn(&'a str),
}

impl Origin<'_> {
    /// What an output file is, as a value of a message: "a generated page", or the
    /// file it copies (relative to the site's folder `root`).
    pub fn describe(self, root: &Path) -> Arg {
        match self {
            Origin::Generated => crate::msg!("render-generated-page").into(),
            Origin::Copied(source) => source
                .strip_prefix(root)
                .unwrap_or(source)
                .display()
                .to_string()
                .into(),
            Origin::BuiltIn(path) => path.to_string().into(),
        }
    }
}
