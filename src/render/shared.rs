//! What every page of one language at one depth shares, made once per build instead
//! of once per page: the values every template sees (`t`, `site`, the contact desks)
//! and the parts of a page made from them alone, `partials/masthead.html`,
//! `partials/footer.html` and `partials/contacts.html`, which templates show as
//! `shared.masthead`, `shared.footer` and `shared.contacts`.
//!
//! A page's links are relative and depend only on its depth (`base::text::relative`),
//! so what is made for one page of a language and depth is right for all of them. The
//! masthead also shows which page of the navigation is current, so it is made once per
//! kind of page as well.

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::Value;

use super::job::{Job, Page};
use crate::base::{Lang, Problem};
use crate::model::{Channel, Site};
use crate::state::State;
use crate::theme::{Template, Theme};
use crate::view::{PageContext, PageKind, home, site};

/// Which shared parts a page shows: its language, depth, and kind of page with the
/// channel a list shows (`all`, `ir`, `pr`), for the navigation's current page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SharedKey {
    lang: Lang,
    depth: usize,
    kind: PageKind,
    filter: &'static str,
}

/// The shared values and parts of one [`SharedKey`].
#[derive(Debug, Clone)]
pub struct SharedParts {
    /// `site`, the site-wide facts as the page's language and depth show them.
    pub site: Value,
    /// `contacts`: the desks open or about to open.
    pub contacts: Value,
    /// `closed_contacts`: the desks closed.
    pub closed_contacts: Value,
    /// `shared`: `masthead`, `footer` and `contacts`, made from the templates.
    pub shared: Value,
}

/// The shared parts of every page of a plan, made once each.
#[derive(Debug, Default)]
pub struct Shared {
    parts: BTreeMap<SharedKey, Result<SharedParts, Vec<Problem>>>,
}

impl SharedKey {
    /// The key of the page `page` in `lang` at output path `path`; `None` for a
    /// fragment (banner, badge), which shows no shared part.
    pub fn of(page: Page, lang: &Lang, path: &str) -> Option<SharedKey> {
        let (kind, filter) = match page {
            Page::Home => (PageKind::Home, ""),
            Page::List(channel) => (PageKind::List, channel.map_or("all", Channel::id)),
            Page::Services => (PageKind::Services, ""),
            Page::Measures => (PageKind::Measures, ""),
            Page::Timeline => (PageKind::Timeline, ""),
            Page::Announcement(..) => (PageKind::Announcement, ""),
            Page::Guide(_) => (PageKind::GuidePage, ""),
            Page::NotFound => (PageKind::NotFound, ""),
            Page::Banner | Page::Badge => return None,
        };
        Some(SharedKey {
            lang: lang.clone(),
            depth: path.matches('/').count(),
            kind,
            filter,
        })
    }
}

impl Shared {
    /// Makes the shared parts of every page among `jobs` (at `paths`), in parallel.
    pub fn new(
        site: &Site,
        state: &State,
        theme: &Theme,
        jobs: &[Job],
        paths: &[String],
    ) -> Shared {
        let mut keys: BTreeMap<SharedKey, &str> = BTreeMap::new();
        for (job, path) in jobs.iter().zip(paths) {
            if let Job::Page(page) = job
                && let Some(key) = SharedKey::of(page.page, &page.lang, path)
            {
                keys.entry(key).or_insert(path);
            }
        }
        let parts: Vec<_> = keys
            .into_par_iter()
            .map(|(key, path)| {
                let made = make(site, state, theme, &key, path);
                (key, made)
            })
            .collect();
        Shared {
            parts: parts.into_iter().collect(),
        }
    }

    /// The parts of a page of `key`.
    pub fn get(&self, key: &SharedKey) -> Result<&SharedParts, Vec<Problem>> {
        match self.parts.get(key) {
            Some(Ok(parts)) => Ok(parts),
            Some(Err(problems)) => Err(problems.clone()),
            None => unreachable!("the shared parts of every planned page are made"),
        }
    }
}

/// Makes the parts of `key`, for the page at `path` (any page of that key).
fn make(
    site: &Site,
    state: &State,
    theme: &Theme,
    key: &SharedKey,
    path: &str,
) -> Result<SharedParts, Vec<Problem>> {
    let cx = PageContext::new(site, theme, state, &key.lang, path.to_string());
    let (open, closed) = home::desks(&cx);
    let site = Value::from_serializable(&site::site_view(&cx));
    let contacts = Value::from_serializable(&open);
    let closed_contacts = Value::from_serializable(&closed);
    let mut context = tera::Context::new();
    context.insert("lang", key.lang.as_str());
    context.insert_value("t", cx.strings.value.clone());
    context.insert_value("site", site.clone());
    context.insert_value("contacts", contacts.clone());
    context.insert_value("closed_contacts", closed_contacts.clone());
    context.insert("page_kind", &key.kind);
    context.insert("filter", key.filter);
    let mut shared = BTreeMap::new();
    for (name, template) in [
        ("masthead", Template::Masthead),
        ("footer", Template::Footer),
        ("contacts", Template::Contacts),
    ] {
        shared.insert(name, Value::safe_string(&theme.render(template, &context)?));
    }
    Ok(SharedParts {
        site,
        contacts,
        closed_contacts,
        shared: Value::from(shared),
    })
}
