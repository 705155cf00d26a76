//! What a guide page shows besides its body: its table of contents.

use serde::Serialize;

use super::context::{DateView, PageContext};
use crate::model::heading::Heading;

/// A guide page as its page shows it, in the page's language.
#[derive(Debug, Serialize)]
pub struct GuidePageView<'a> {
    /// Its name in URLs.
    pub name: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its summary.
    pub summary: &'a str,
    /// When the writer last changed it, if they say.
    pub updated: Option<DateView>,
    /// The body as HTML.
    pub body_html: &'a str,
    /// Its table of contents, empty for a short page.
    pub toc: Vec<TocEntry>,
}

/// The guide page at `index` in this page's language; the page exists only in
/// languages the guide page is in.
pub fn guide_page<'a>(cx: &PageContext<'a>, index: usize) -> GuidePageView<'a> {
    let page = &cx.site.pages[index];
    let text = page
        .version(cx.lang, cx.main())
        .expect("pages are rendered only in languages they exist in");
    GuidePageView {
        name: page.name.as_str(),
        title: &text.title,
        summary: &text.summary,
        updated: text.updated.as_ref().map(|d| cx.date(d)),
        body_html: &text.body_html,
        toc: table_of_contents(&text.headings),
    }
}

/// At least this many headings (`##` and `###`) give a page a table of contents; fewer
/// are seen at a glance.
pub const TOC_MIN_HEADINGS: usize = 3;

/// An entry of a page's table of contents.
#[derive(Debug, Serialize)]
pub struct TocEntry {
    /// The heading's text.
    pub title: String,
    /// The link to the heading (`#ID`).
    pub url: String,
    /// The `###` headings under a `##` one.
    pub children: Vec<TocEntry>,
}

/// The table of contents of a body: its `##` headings with their `###` ones nested, or
/// nothing when it has fewer than [`TOC_MIN_HEADINGS`] of them.
pub fn table_of_contents(headings: &[Heading]) -> Vec<TocEntry> {
    let listed: Vec<&Heading> = headings
        .iter()
        .filter(|h| h.level == 2 || h.level == 3)
        .collect();
    if listed.len() < TOC_MIN_HEADINGS {
        return Vec::new();
    }
    let mut toc: Vec<TocEntry> = Vec::new();
    // A `###` before the first `##` has no parent and stays at the top.
    let mut under_h2 = false;
    for heading in listed {
        let entry = TocEntry {
            title: heading.text.clone(),
            url: format!("#{}", heading.id),
            children: Vec::new(),
        };
        match toc.last_mut() {
            Some(parent) if heading.level == 3 && under_h2 => parent.children.push(entry),
            _ => {
                under_h2 = heading.level == 2;
                toc.push(entry);
            }
        }
    }
    toc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_of_contents_nests_h3_under_h2_from_three_headings() {
        let heading = |level, id: &str| Heading {
            level,
            id: id.to_string(),
            text: id.to_uppercase(),
        };
        let two = [heading(2, "a"), heading(3, "b"), heading(4, "c")];
        assert!(table_of_contents(&two).is_empty());

        let toc = table_of_contents(&[
            heading(3, "lead"),
            heading(2, "a"),
            heading(3, "b"),
            heading(3, "c"),
            heading(1, "x"),
            heading(2, "d"),
        ]);
        let shape: Vec<(String, Vec<String>)> = toc
            .iter()
            .map(|e| {
                (
                    e.url.clone(),
                    e.children.iter().map(|c| c.url.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("#lead".to_string(), vec![]),
                ("#a".to_string(), vec!["#b".to_string(), "#c".to_string()]),
                ("#d".to_string(), vec![]),
            ]
        );
        assert_eq!(toc[1].title, "A");
    }
}
