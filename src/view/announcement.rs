//! What an announcement's page shows of it: its body, attachments, corrections both
//! ways, revisions and the services it reported.

use serde::Serialize;

use super::context::PageContext;
use super::item::{Item, Neighbour, item, neighbour};
use super::services::{ReportedService, services_reported};
use super::timeline::{RevisionView, revisions};
use crate::base::text::url_encoded;
use crate::model::{Announcement, Attachment};

/// An announcement as its page shows it, in the page's language.
#[derive(Debug, Serialize)]
pub struct AnnouncementView<'a> {
    /// The announcement as a list shows it.
    #[serde(flatten)]
    pub item: Item,
    /// The body as HTML.
    pub body_html: &'a str,
    /// The files published with it.
    pub attachments: Vec<AttachmentView>,
    /// The title of the key-report block it fills, if any.
    pub key_report: Option<String>,
    /// Its amendments, newest first.
    pub revisions: Vec<RevisionView>,
    /// The published announcements correcting it, oldest first.
    pub corrected_by: Vec<Item>,
    /// The announcement it corrects, if published.
    pub corrects: Option<Item>,
    /// The services it reported.
    pub services: Vec<ReportedService>,
}

/// The announcement at `index` as its page in this page's language shows it; the
/// page exists only in languages the announcement is in.
pub fn announcement<'a>(cx: &PageContext<'a>, index: usize) -> AnnouncementView<'a> {
    let site = cx.site;
    let a: &'a Announcement = &site.announcements[index];
    let version = a
        .version(cx.lang, cx.main())
        .expect("announcement pages are rendered only in languages they exist in");
    let key_report = a
        .key_report
        .as_ref()
        .and_then(|id| site.config.key_report(id))
        .map(|block| block.text_in(cx.lang).title.clone());
    AnnouncementView {
        item: item(cx, a),
        body_html: &version.body_html,
        // The official PDF is the page's PDF, linked as such rather than listed again.
        attachments: a
            .attachments
            .iter()
            .filter(|f| version.official_pdf.as_ref().map(|p| &p.value) != Some(&f.name))
            .map(attachment)
            .collect(),
        key_report,
        revisions: revisions(cx, a),
        corrected_by: cx
            .state
            .corrections_of(&a.slug)
            .map(|i| item(cx, &site.announcements[i]))
            .collect(),
        corrects: a
            .corrects
            .as_ref()
            .and_then(|slug| site.announcement(slug))
            .map(|t| item(cx, t)),
        services: services_reported(cx, index),
    }
}

/// The announcements before and after one, among those in its page's language: the
/// links at the foot of its page.
pub fn neighbours(
    cx: &PageContext,
    newer: Option<usize>,
    older: Option<usize>,
) -> [Option<Neighbour>; 2] {
    let announcements = &cx.site.announcements;
    [newer, older].map(|i| i.map(|i| neighbour(cx, &announcements[i])))
}

/// The PDF of an announcement as its page links it: the one the build made, or the
/// writer's official one.
#[derive(Debug, Serialize)]
pub struct PdfFileView {
    /// The link to it.
    pub url: String,
    /// Its size for people.
    pub size: String,
    /// Whether it is the writer's official PDF (`official_pdf`).
    pub official: bool,
}

/// The PDF at output path `path` (URL-encoded, in the announcement's folder, as the
/// page is), of `size` bytes, as the page links it.
pub fn pdf_file(path: &str, size: u64, official: bool) -> PdfFileView {
    PdfFileView {
        url: path.rsplit('/').next().unwrap_or(path).to_string(),
        size: human_size(size),
        official,
    }
}

/// An attachment as the announcement page lists it.
#[derive(Debug, Serialize)]
pub struct AttachmentView {
    /// Its file name.
    pub name: String,
    /// The link to it.
    pub url: String,
    /// Its type, from the extension ("PDF").
    pub kind: String,
    /// Its size for people ("245 KB").
    pub size: String,
}

/// An attachment of the announcement whose folder this page is in.
pub fn attachment(a: &Attachment) -> AttachmentView {
    let kind = a
        .name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_uppercase())
        .unwrap_or_default();
    AttachmentView {
        name: a.name.rsplit('/').next().unwrap_or(&a.name).to_string(),
        url: url_encoded(&a.name),
        kind,
        size: human_size(a.size),
    }
}

/// A size as people read it: "980 B", "245 KB", "1.2 MB".
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < MB => format!("{} KB", b.div_ceil(KB)),
        b => format!("{:.1} MB", b as f64 / MB as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(980), "980 B");
        assert_eq!(human_size(250_000), "245 KB");
        assert_eq!(human_size(1_300_000), "1.2 MB");
    }
}
