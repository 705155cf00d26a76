//! After a publish that put announcements live or amended them: the `[[notify]]`
//! entries that follow the target are told (`publish::notify`).

use crate::base::{Message, MessageLang};
use crate::model::Site;
use crate::model::config::Target;
use crate::publish::log::Record;
use crate::publish::notify::{self, Change, Notice};

/// Tells the team of the announcements `record` says went live or were amended, in
/// `lang`; what could not be told. Nothing is told of a publish without any.
pub fn team(site: &Site, target: &Target, record: &Record, lang: MessageLang) -> Vec<Message> {
    let named = |slugs: &[String], change| {
        slugs
            .iter()
            .filter_map(|slug| site.announcements.iter().find(|a| a.slug.as_str() == slug))
            .map(move |a| (a, change))
            .collect::<Vec<_>>()
    };
    let mut told = named(&record.announcements_added, Change::Added);
    told.extend(named(&record.announcements_amended, Change::Amended));
    if told.is_empty() {
        return Vec::new();
    }
    let notice = Notice::new(&site.config, target, site.now, &told, lang);
    notify::tell(&site.config.notify, target, &notice)
}

/// Tells the team that the watch could not publish the site of `root` to the target
/// named `target` at `moment`, for `error`; what could not be told. Nothing is told
/// when site.toml cannot be read (its problems are printed already).
pub fn failure(
    root: &std::path::Path,
    target: &str,
    moment: chrono::DateTime<chrono::FixedOffset>,
    error: String,
    lang: MessageLang,
) -> Vec<Message> {
    let Ok(config) = crate::load::config::load(root) else {
        return Vec::new();
    };
    let Ok(target) = super::guard::target(&config, target) else {
        return Vec::new();
    };
    let notice = Notice::failed(&config, target, moment, error, lang);
    notify::tell(&config.notify, target, &notice)
}
