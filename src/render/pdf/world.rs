//! The world one PDF is typeset in: the theme's layouts as its only source files,
//! the announcement's data as `/data.json`, the chosen fonts, and no clock, so that
//! the same input gives the same bytes.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::typesetter::{Typesetter, file_name};

/// The path of the data every layout reads.
pub const DATA: &str = "/data.json";

/// One document being typeset.
pub struct Document<'a> {
    /// The layouts, fonts and library every document of the build shares.
    pub typesetter: &'a Typesetter,
    /// The layout typeset.
    pub main: FileId,
    /// The announcement's data as JSON.
    pub data: Bytes,
}

impl World for Document<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.typesetter.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.typesetter
            .source(id)
            .ok_or_else(|| FileError::NotFound(file_name(id).into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if file_name(id) == &DATA[1..] {
            return Ok(self.data.clone());
        }
        self.typesetter
            .source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
            .ok_or_else(|| FileError::NotFound(file_name(id).into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.font(index)
    }

    // No clock: a layout asking for today's date fails rather than make a file that
    // differs from day to day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
