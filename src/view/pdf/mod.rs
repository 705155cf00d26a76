//! What the PDF of an announcement shows of it: the model its web page shows (title,
//! date, number, channels, body, revisions and corrections, attachments, the contact
//! desks that are open), with the IR identity a disclosure's header carries and the
//! theme's words, as data for the PDF layouts.

pub mod body;

use std::collections::BTreeMap;

use serde::Serialize;

use super::announcement::AnnouncementView;
use super::context::{DateView, Label, PageContext};
use super::home::ContactView;
use super::item::Item;
use super::timeline::RevisionView;
use crate::model::{Channel, url};
use body::Node;

/// The data of one announcement's PDF, which every layout reads as `/data.json`.
#[derive(Debug, Serialize)]
pub struct PdfView<'a> {
    /// The language of the PDF.
    pub lang: &'a str,
    /// The theme's words in that language (`t`, as templates have them).
    pub t: &'a BTreeMap<String, String>,
    /// The font families to set it in, in order.
    pub fonts: &'a [String],
    /// The organisation that publishes it.
    pub organization: String,
    /// Its title.
    pub title: String,
    /// When it was published, with the day alone (`day`) as a filing dates it.
    pub date: PdfDate,
    /// "第3報" / "Update 3", if numbered.
    pub number: Option<String>,
    /// Its channels with their labels, IR first.
    pub channels: Vec<Label>,
    /// Whether it is a draft: only the preview makes its PDF, which says so on every
    /// page, so that a copy taken from the preview is never mistaken for a statement.
    pub draft: bool,
    /// Whether its date is still to come (in the preview only), said likewise.
    pub embargoed: bool,
    /// When it was last amended, if it was.
    pub updated: Option<DateView>,
    /// The announcement it corrects.
    pub corrects: Option<Item>,
    /// The announcements correcting it.
    pub corrected_by: Vec<Item>,
    /// Its amendments, newest first.
    pub revisions: Vec<RevisionView>,
    /// Its body: the web page's HTML as a tree.
    pub body: Vec<Node>,
    /// The files published with it, with their absolute addresses where known.
    pub attachments: Vec<PdfAttachment>,
    /// The contact desks open or about to open.
    pub contacts: Vec<ContactView>,
    /// The identity of the company filing it (`[ir]` in this language).
    pub ir: IrView,
    /// The address of its web page, where `base_url` is set.
    pub page_url: Option<String>,
}

/// A date-time, and its day as a filing's header shows it.
#[derive(Debug, Serialize)]
pub struct PdfDate {
    /// The date-time.
    #[serde(flatten)]
    pub at: DateView,
    /// The day alone (`2026年10月9日`).
    pub day: String,
}

/// An attachment as the PDF lists it.
#[derive(Debug, Serialize)]
pub struct PdfAttachment {
    /// Its file name.
    pub name: String,
    /// Its type ("PDF").
    pub kind: String,
    /// Its size for people.
    pub size: String,
    /// Its absolute address, where `base_url` is set.
    pub link: Option<String>,
}

/// The identity an IR disclosure's header names.
#[derive(Debug, Serialize)]
pub struct IrView {
    /// 代表者名.
    pub representative: Option<String>,
    /// コード番号.
    pub securities_code: Option<String>,
    /// The market.
    pub exchange: Option<String>,
    /// 問合せ先.
    pub contact: Option<String>,
    /// The contact's TEL.
    pub phone: Option<String>,
}

/// The data of the PDF of the announcement at `index`, in the page context `cx` of
/// the PDF's own path, from the view its web page shows.
pub fn pdf_view<'a>(
    cx: &PageContext<'a>,
    index: usize,
    page: AnnouncementView,
    fonts: &'a [String],
) -> PdfView<'a> {
    let site = cx.site;
    let a = &site.announcements[index];
    let page_path = url::announcement(cx.lang, cx.main(), &a.slug);
    let page_url = cx.absolute(&page_path);
    let base = page_url.clone();
    let link = |href: &str| follow(base.as_deref(), href);
    let ir = site.config.ir.text_in(cx.lang);
    let dir = url::announcement_dir(cx.lang, cx.main(), &a.slug);
    PdfView {
        lang: cx.lang.as_str(),
        t: cx.strings.all(),
        fonts,
        organization: site.config.organization_in(cx.lang).to_string(),
        date: PdfDate {
            day: cx
                .strings
                .date
                .format_day(a.date.with_timezone(&site.config.timezone).date_naive()),
            at: page.item.date,
        },
        title: page.item.title,
        number: page.item.number,
        channels: page.item.channels,
        draft: page.item.draft,
        embargoed: page.item.embargoed,
        updated: page.item.updated,
        corrects: page.corrects,
        corrected_by: page.corrected_by,
        revisions: page.revisions,
        body: body::tree(page.body_html, &link),
        attachments: page
            .attachments
            .into_iter()
            .map(|f| PdfAttachment {
                link: cx.absolute(&format!("{dir}{}", f.url)),
                name: f.name,
                kind: f.kind,
                size: f.size,
            })
            .collect(),
        contacts: super::home::desks(cx).0,
        ir: IrView {
            representative: ir.representative,
            securities_code: site.config.ir.securities_code.clone(),
            exchange: ir.exchange,
            contact: ir.contact,
            phone: ir.phone,
        },
        page_url,
    }
}

/// Which layout an announcement's PDF has: a timely disclosure's for an IR one, a
/// notice's otherwise.
pub fn layout(channels: &[Channel]) -> &'static str {
    if channels.contains(&Channel::Ir) {
        "disclosure.typ"
    } else {
        "notice.typ"
    }
}

/// A link of the body as a PDF can follow it: web, mail and phone addresses as they
/// are, and a link into the site made absolute from the page's address `base`. A
/// fragment, or any other scheme, is left as text.
fn follow(base: Option<&str>, href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(href.to_string());
    }
    if href.starts_with('#') || href.contains(':') && !href.starts_with('/') {
        return None;
    }
    let base = ::url::Url::parse(base?).ok()?;
    base.join(href).ok().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::follow;

    #[test]
    fn links_into_the_site_become_absolute() {
        let base = Some("https://x.jp/announcements/a/");
        assert_eq!(
            follow(base, "../b/").as_deref(),
            Some("https://x.jp/announcements/b/")
        );
        assert_eq!(
            follow(base, "https://y.jp/").as_deref(),
            Some("https://y.jp/")
        );
        assert_eq!(follow(base, "#top"), None);
        assert_eq!(follow(base, "javascript:alert(1)"), None);
        assert_eq!(follow(None, "../b/"), None);
    }
}
