//! The text of each announcement's official PDF (`official_pdf`), read once so that
//! the review (`official-pdf`), which never reads the disk, can compare it with the
//! announcement's title and date.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::announcement::Original;
use crate::model::Sources;

/// The key under which [`read`] keeps the text of the PDF at `source`: its path
/// relative to the site root, with a suffix no content file has.
pub fn key(root: &Path, source: &Path) -> PathBuf {
    let relative = source.strip_prefix(root).unwrap_or(source);
    let mut key = relative.as_os_str().to_owned();
    key.push("#text");
    PathBuf::from(key)
}

/// Keeps the text of every official PDF that can be read. One that cannot (damaged,
/// encrypted, or scanned images without text) is left out, which the review reports.
pub fn read(root: &Path, announcements: &[Original], sources: &mut Sources) {
    let named = announcements.iter().flat_map(|original| {
        let a = &original.announcement;
        let versions = std::iter::once(&a.original).chain(a.translations.values());
        versions.filter_map(move |v| {
            let name = &v.official_pdf.as_ref()?.value;
            a.attachments.iter().find(|f| &f.name == name)
        })
    });
    for file in named {
        let Ok(bytes) = super::regular::read(&file.source, &file.source) else {
            continue;
        };
        // The reader can panic on a malformed file; a damaged PDF is a finding of
        // the review, never a crash of the build.
        let text = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(&bytes));
        if let Ok(Ok(text)) = text {
            sources.insert(key(root, &file.source), Arc::from(text));
        }
    }
}
