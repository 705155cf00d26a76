//! Rendering one page (or fragment) of the site: the context its template sees,
//! built from the views of its page context.

use super::job::{Neighbours, Page, PageJob};
use super::pdf::PdfLink;
use super::shared::{Shared, SharedKey};
use crate::base::Problem;
use crate::model::{Channel, Site};
use crate::state::State;
use crate::theme::{Key, Theme};
use crate::view::head::{self, Head};
use crate::view::{PageContext, PageKind};
use crate::view::{
    announcement, embed, guide_page, home, item, measures, services, site, timeline,
};

/// Renders a page of the site at `path`: the page's text.
pub fn render(
    site: &Site,
    state: &State,
    theme: &Theme,
    job: &PageJob,
    path: String,
    pdf: Option<PdfLink>,
    shared: &Shared,
) -> Result<String, Vec<Problem>> {
    let (lang, page) = (&job.lang, job.page);
    let parts = match SharedKey::of(page, lang, &path) {
        Some(key) => Some(shared.get(&key)?),
        None => None,
    };
    let cx = PageContext::new(site, theme, state, lang, path);
    let mut context = tera::Context::new();
    context.insert("lang", lang.as_str());
    context.insert_value("t", cx.strings.value.clone());
    // Fragments for other sites have no head, no language links, only their view.
    if let Some(pdf) = pdf {
        let view = announcement::pdf_file(&pdf.path, pdf.size, pdf.official);
        context.insert("pdf", &view);
    }
    if let Some(parts) = parts {
        context.insert_value("site", parts.site.clone());
        context.insert_value("contacts", parts.contacts.clone());
        context.insert_value("closed_contacts", parts.closed_contacts.clone());
        context.insert_value("shared", parts.shared.clone());
    }
    if let Some(head) = insert_view(&cx, page, &mut context) {
        context.insert(
            "alternates",
            &site::alternates(&cx, |l| page.path_in(site, l)),
        );
        context.insert("head", &head.finish(&cx, |l| page.path_in(site, l)));
    }
    theme.render(page.template(), &context)
}

/// Inserts the view of the job's page or fragment; returns the head of a page of the
/// site (one with `base.html`'s head and navigation), `None` for a fragment.
fn insert_view(cx: &PageContext, page: Page, context: &mut tera::Context) -> Option<Head> {
    let head = match page {
        Page::Banner => {
            context.insert("banner", &embed::banner(cx));
            return None;
        }
        Page::Badge => {
            context.insert("badge", &embed::badge(cx));
            return None;
        }
        Page::Home => home_page(cx, context),
        Page::List(channel) => list(cx, channel, context),
        Page::Services => {
            context.insert("page_kind", &PageKind::Services);
            context.insert("services", &services::services(cx));
            head::titled(cx, Key::SERVICES_TITLE, Key::SERVICES_INTRO)
        }
        Page::Measures => {
            context.insert("page_kind", &PageKind::Measures);
            context.insert("measure_groups", &measures::measure_groups(cx));
            context.insert("measure_counts", &measures::measure_counts(cx));
            head::titled(cx, Key::MEASURES_TITLE, Key::MEASURES_INTRO)
        }
        Page::Timeline => {
            context.insert("page_kind", &PageKind::Timeline);
            context.insert("rows", &timeline::timeline(cx));
            head::titled(cx, Key::TIMELINE_TITLE, Key::TIMELINE_INTRO)
        }
        Page::Announcement(i, neighbours) => announcement_page(cx, i, neighbours, context),
        Page::Guide(i) => {
            context.insert("page_kind", &PageKind::GuidePage);
            let view = guide_page::guide_page(cx, i);
            let head = Head::new(Some(view.title.to_string()), view.summary.to_string());
            context.insert("page", &view);
            head
        }
        Page::NotFound => {
            context.insert("page_kind", &PageKind::NotFound);
            let mut head = head::titled(cx, Key::NOT_FOUND_TITLE, Key::NOT_FOUND_TEXT);
            head.noindex = true;
            // Served for any missing path, at any depth: its relative links must
            // resolve from where the file really is.
            head.base = Some(
                cx.absolute(&cx.path)
                    .unwrap_or_else(|| format!("/{}", cx.path)),
            );
            head
        }
    };
    Some(head)
}

fn home_page(cx: &PageContext, context: &mut tera::Context) -> Head {
    context.insert("page_kind", &PageKind::Home);
    context.insert("overview", &home::overview(cx));
    context.insert("key_reports", &home::key_reports(cx));
    context.insert("home_pages", &home::home_pages(cx));
    context.insert("latest", &home::latest(cx));
    context.insert("announcement_count", &cx.site.announcements.len());
    context.insert("services", &services::service_summaries(cx));
    context.insert("measure_counts", &measures::measure_counts(cx));
    let promise = cx.state.promise.as_ref().map(|p| timeline::promise(cx, p));
    context.insert("promise", &promise);
    head::home(cx)
}

fn list(cx: &PageContext, channel: Option<Channel>, context: &mut tera::Context) -> Head {
    context.insert("page_kind", &PageKind::List);
    context.insert("filter", channel.map_or("all", Channel::id));
    context.insert("feed", &head::feed_link(cx, channel));
    context.insert("filters", &item::filters(cx, channel));
    let items: Vec<item::Item> = cx
        .site
        .in_channel(channel)
        .map(|a| item::item(cx, a))
        .collect();
    context.insert("items", &items);
    let mut head = head::titled(cx, Key::list_title(channel), Key::list_description(channel));
    if channel.is_some() {
        head.feeds.extend(head::feed_link(cx, channel));
    }
    head
}

fn announcement_page(
    cx: &PageContext,
    index: usize,
    neighbours: Neighbours,
    context: &mut tera::Context,
) -> Head {
    context.insert("page_kind", &PageKind::Announcement);
    let view = announcement::announcement(cx, index);
    let mut head = Head::new(Some(view.item.title.clone()), view.item.summary.clone());
    context.insert("announcement", &view);
    let [newer, older] = announcement::neighbours(cx, neighbours.newer, neighbours.older);
    context.insert("newer", &newer);
    context.insert("older", &older);
    let a = &cx.site.announcements[index];
    head.og_type = "article";
    head.published = Some(cx.date(&a.date).iso);
    head.modified = a.updated.map(|u| cx.date(&u).iso);
    head
}
