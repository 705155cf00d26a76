//! The preview's marks: what the masthead and the home page show that comes from an
//! announcement not yet published (a draft, or one dated after now). The state is
//! derived from every announcement the run includes, so in the preview a draft can
//! set the status, "last updated" (then a time to come), a service's status or a key
//! report. Only the preview marks them (`Site::preview`); a build never does, even
//! with `--drafts` and `--future`, so published pages are as they were.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{PageContext, Text};
use super::item::{Item, item};
use super::words::name;
use crate::model::Announcement;

/// Why an announcement is not published yet. In a template, its id is also the key of
/// its label among the theme's strings (`t.draft`, `t.embargoed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unreleased {
    /// It is marked `draft = true`.
    Draft,
    /// Its date is still to come.
    Embargoed,
}

/// The preview's notice: how many announcements the view includes that are not
/// published, and what each of those the masthead or the home page shows something
/// of gives.
#[derive(Debug, Serialize)]
pub struct UnreleasedNote {
    /// How many drafts the view includes.
    pub drafts: usize,
    /// How many embargoed announcements it includes (drafts not counted again).
    pub embargoed: usize,
    /// Each unpublished announcement something shown comes from, newest first.
    pub sources: Vec<Source>,
}

/// An unpublished announcement and what the masthead and the home page show of it.
#[derive(Debug, Serialize)]
pub struct Source {
    /// Why it is not published.
    pub kind: Unreleased,
    /// The announcement.
    pub announcement: Item,
    /// What is shown from it, in the order of the page.
    pub shows: Vec<Shown>,
}

/// One thing shown from an unpublished announcement.
#[derive(Debug, Serialize)]
pub struct Shown {
    /// What it is, as the key of its heading among the theme's strings: `status`,
    /// `last_updated`, `next_update`, `services`, `key_reports` or `measures`.
    pub what: &'static str,
    /// Which one, for a service, a key report or a measure.
    pub name: Option<Text>,
}

/// Why `a` is not published, where the page marks it: in the preview only.
pub fn unreleased(cx: &PageContext, a: &Announcement) -> Option<Unreleased> {
    if !cx.site.preview {
        None
    } else if a.draft {
        Some(Unreleased::Draft)
    } else if a.date > cx.site.now {
        Some(Unreleased::Embargoed)
    } else {
        None
    }
}

/// Why what the announcement at `index` gives is not published, in the preview.
pub fn from(cx: &PageContext, index: usize) -> Option<Unreleased> {
    unreleased(cx, &cx.site.announcements[index])
}

/// The announcement that "last updated" comes from, when it is not published: one
/// unpublished changed last, and no published one at that moment.
pub fn last_updated_by(cx: &PageContext) -> Option<usize> {
    let site = cx.site;
    let at = site.last_updated?;
    let changed_then = |a: &&Announcement| a.last_changed() == at;
    if site
        .announcements
        .iter()
        .filter(changed_then)
        .any(|a| !site.unreleased(a))
    {
        return None;
    }
    site.announcements
        .iter()
        .position(|a| a.last_changed() == at)
}

/// Why "last updated" is not published yet, in the preview: it comes from an
/// unpublished announcement, or it is still to come (a revision or an `updated`
/// dated after now, which a release leaves out until then).
pub fn last_updated_from(cx: &PageContext) -> Option<Unreleased> {
    let by = last_updated_by(cx).and_then(|i| from(cx, i));
    let to_come = cx.site.preview && cx.site.last_updated.is_some_and(|at| at > cx.site.now);
    by.or(to_come.then_some(Unreleased::Embargoed))
}

/// The preview's notice, when something the masthead or the home page shows comes
/// from an unpublished announcement.
pub fn note(cx: &PageContext) -> Option<UnreleasedNote> {
    if !cx.site.preview {
        return None;
    }
    let (site, state) = (cx.site, cx.state);
    let mut shows: BTreeMap<usize, Vec<Shown>> = BTreeMap::new();
    let mut add = |index: usize, what: &'static str, name: Option<Text>| {
        if site.unreleased(&site.announcements[index]) {
            shows.entry(index).or_default().push(Shown { what, name });
        }
    };
    if let Some(by) = state.status_set_by {
        add(by, "status", None);
    }
    if let Some(by) = last_updated_by(cx) {
        add(by, "last_updated", None);
    }
    if let Some(promise) = &state.promise {
        add(promise.by, "next_update", None);
    }
    for service in &state.services {
        let named = name(cx, &service.history, |w| &w.services);
        add(
            service.history.latest().announcement,
            "services",
            Some(named),
        );
    }
    for block in &site.config.key_reports {
        let filling = site
            .announcements
            .iter()
            .position(|a| a.key_report.as_ref() == Some(&block.id));
        if let Some(index) = filling {
            let translated = block
                .translations
                .get(cx.lang)
                .and_then(|t| t.title.clone());
            let title = match translated {
                Some(title) => Text::own(title),
                None if cx.lang == cx.main() => Text::own(block.text.title.clone()),
                None => cx.in_main_language(block.text.title.clone()),
            };
            add(index, "key_reports", Some(title));
        }
    }
    for measure in &state.measures {
        let named = name(cx, &measure.history, |w| &w.measures);
        add(
            measure.history.latest().announcement,
            "measures",
            Some(named),
        );
    }
    if shows.is_empty() {
        return None;
    }
    let drafts = site.announcements.iter().filter(|a| a.draft).count();
    let embargoed = site
        .announcements
        .iter()
        .filter(|a| !a.draft && a.date > site.now)
        .count();
    let sources = shows
        .into_iter()
        .filter_map(|(index, shows)| {
            let a = &site.announcements[index];
            Some(Source {
                kind: unreleased(cx, a)?,
                announcement: item(cx, a),
                shows,
            })
        })
        .collect();
    Some(UnreleasedNote {
        drafts,
        embargoed,
        sources,
    })
}
