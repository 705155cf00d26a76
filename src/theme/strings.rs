//! The UI strings of one language (`i18n/LANG.toml`): every word a reader sees that
//! is not content, so a theme can be translated or reworded without touching code.
//! The code asks for them by [`Key`] only, and a theme that lacks a key the code can
//! ask for is refused when it loads, naming the key and the file.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use crate::base::Problem;
use crate::base::time::Pattern;
use crate::base::toml_message::toml_problem;
use crate::model::Channel;
use crate::model::config::IncidentStatus;
use crate::model::tables::{MeasureStatus, RevisionKind, ServiceStatus};

/// The name of a UI string the code asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(&'static str);

/// The string of each channel's list, feed or label, in the order of [`Key::all`].
macro_rules! by_channel {
    ($channel:expr, $all:literal, $ir:literal, $pr:literal) => {
        Key(match $channel {
            None => $all,
            Some(Channel::Ir) => $ir,
            Some(Channel::Pr) => $pr,
        })
    };
}

impl Key {
    /// The home page's description: `{organization}`, `{title}` and `{status}`.
    pub const HOME_DESCRIPTION: Key = Key("home_description");
    /// The services page's title.
    pub const SERVICES_TITLE: Key = Key("services_title");
    /// The services page's description.
    pub const SERVICES_INTRO: Key = Key("services_intro");
    /// The measures page's title.
    pub const MEASURES_TITLE: Key = Key("measures_title");
    /// The measures page's description.
    pub const MEASURES_INTRO: Key = Key("measures_intro");
    /// The timeline's title.
    pub const TIMELINE_TITLE: Key = Key("timeline_title");
    /// The timeline's description.
    pub const TIMELINE_INTRO: Key = Key("timeline_intro");
    /// The 404 page's title.
    pub const NOT_FOUND_TITLE: Key = Key("not_found_title");
    /// The 404 page's text.
    pub const NOT_FOUND_TEXT: Key = Key("not_found_text");
    /// The badge's left part.
    pub const BADGE_LABEL: Key = Key("badge_label");
    /// The badge in a sentence: `{title}` and `{status}`.
    pub const BADGE_DESCRIPTION: Key = Key("badge_description");
    /// A redirect page's title.
    pub const REDIRECT_TITLE: Key = Key("redirect_title");
    /// A redirect page's notice.
    pub const REDIRECT_TEXT: Key = Key("redirect_text");
    /// The words of a redirect page's link.
    pub const REDIRECT_LINK: Key = Key("redirect_link");
    /// The language's own name ("日本語", "English").
    pub const LANGUAGE_NAME: Key = Key("language_name");
    /// How date-times are shown (strftime, with `{zone}`).
    pub const DATETIME_FORMAT: Key = Key("datetime_format");
    /// How days are shown (strftime, date fields only).
    pub const DATE_FORMAT: Key = Key("date_format");
    /// A report's number in the series: `{n}`.
    pub const REPORT_NUMBER: Key = Key("report_number");
    /// The `check` phrases that mark a text confidential, separated by `|`.
    pub const CONFIDENTIAL_MARKERS: Key = Key("check_confidential_markers");
    /// The `check` marks of a placeholder, found anywhere (`TODO`, `○○`).
    pub const PLACEHOLDER_MARKS: Key = Key("check_placeholder_marks");
    /// The `check` words that are a placeholder as the whole content of brackets
    /// (`（会社名）`).
    pub const PLACEHOLDER_WORDS: Key = Key("check_placeholder_words");

    /// The title of the list of all announcements or of one channel's.
    pub fn list_title(channel: Option<Channel>) -> Key {
        by_channel!(channel, "list_title_all", "list_title_ir", "list_title_pr")
    }

    /// The description of a list.
    pub fn list_description(channel: Option<Channel>) -> Key {
        by_channel!(
            channel,
            "list_description_all",
            "list_description_ir",
            "list_description_pr"
        )
    }

    /// The name of a feed.
    pub fn feed_title(channel: Option<Channel>) -> Key {
        by_channel!(channel, "feed_title_all", "feed_title_ir", "feed_title_pr")
    }

    /// A channel's label.
    pub fn channel(channel: Channel) -> Key {
        Key(match channel {
            Channel::Ir => "channel_ir",
            Channel::Pr => "channel_pr",
        })
    }

    /// The incident status's words.
    pub fn status(status: IncidentStatus) -> Key {
        Key(match status {
            IncidentStatus::Investigating => "status_investigating",
            IncidentStatus::Responding => "status_responding",
            IncidentStatus::Recovering => "status_recovering",
            IncidentStatus::Resolved => "status_resolved",
        })
    }

    /// A service status's words.
    pub fn service(status: ServiceStatus) -> Key {
        Key(match status {
            ServiceStatus::Stopped => "service_stopped",
            ServiceStatus::Degraded => "service_degraded",
            ServiceStatus::Partial => "service_partial",
            ServiceStatus::Restored => "service_restored",
            ServiceStatus::Planned => "service_planned",
        })
    }

    /// A measure status's words.
    pub fn measure(status: MeasureStatus) -> Key {
        Key(match status {
            MeasureStatus::Done => "measure_done",
            MeasureStatus::InProgress => "measure_in_progress",
            MeasureStatus::Planned => "measure_planned",
        })
    }

    /// A revision kind's words.
    pub fn revision(kind: RevisionKind) -> Key {
        Key(match kind {
            RevisionKind::Addendum => "revision_addendum",
            RevisionKind::Correction => "revision_correction",
        })
    }

    /// Statuspage's indicators, from none to critical: the words of summary.json's
    /// `status.description`.
    pub const INDICATORS: [Key; 4] = [
        Key("indicator_none"),
        Key("indicator_minor"),
        Key("indicator_major"),
        Key("indicator_critical"),
    ];

    /// The `check` phrases of a breach notice's heading on the overview.
    pub const BREACH_NOTICE_OVERVIEW: Key = Key("check_breach_notice_overview");
    /// … on the items of personal data involved.
    pub const BREACH_NOTICE_PERSONAL_DATA: Key = Key("check_breach_notice_personal_data");
    /// … on the cause.
    pub const BREACH_NOTICE_CAUSE: Key = Key("check_breach_notice_cause");
    /// … on secondary damage.
    pub const BREACH_NOTICE_SECONDARY_DAMAGE: Key = Key("check_breach_notice_secondary_damage");
    /// … on whom to contact.
    pub const BREACH_NOTICE_CONTACT: Key = Key("check_breach_notice_contact");

    /// Every key the code can ask for, in the order a theme's missing ones are named.
    pub fn all() -> Vec<Key> {
        let channels = || std::iter::once(None).chain(Channel::ALL.map(Some));
        let mut all = vec![Key::HOME_DESCRIPTION];
        all.extend(channels().map(Key::list_title));
        all.extend(channels().map(Key::list_description));
        all.extend([
            Key::SERVICES_TITLE,
            Key::SERVICES_INTRO,
            Key::MEASURES_TITLE,
            Key::MEASURES_INTRO,
            Key::TIMELINE_TITLE,
            Key::TIMELINE_INTRO,
            Key::NOT_FOUND_TITLE,
            Key::NOT_FOUND_TEXT,
        ]);
        all.extend(channels().map(Key::feed_title));
        all.extend([
            Key::BADGE_LABEL,
            Key::BADGE_DESCRIPTION,
            Key::REDIRECT_TITLE,
            Key::REDIRECT_TEXT,
            Key::REDIRECT_LINK,
            Key::LANGUAGE_NAME,
            Key::DATETIME_FORMAT,
            Key::DATE_FORMAT,
            Key::REPORT_NUMBER,
        ]);
        all.extend(Channel::ALL.map(Key::channel));
        all.extend(IncidentStatus::ALL.map(Key::status));
        all.extend(ServiceStatus::ALL.map(Key::service));
        all.extend(MeasureStatus::ALL.map(Key::measure));
        all.extend(RevisionKind::ALL.map(Key::revision));
        all.extend(Key::INDICATORS);
        // `crisis-site check`'s word lists: required so a theme that lacks them does
        // not silently turn a rule off; an empty value looks for nothing.
        all.push(Key::CONFIDENTIAL_MARKERS);
        all.extend([Key::PLACEHOLDER_MARKS, Key::PLACEHOLDER_WORDS]);
        all.extend([
            Key::BREACH_NOTICE_OVERVIEW,
            Key::BREACH_NOTICE_PERSONAL_DATA,
            Key::BREACH_NOTICE_CAUSE,
            Key::BREACH_NOTICE_SECONDARY_DAMAGE,
            Key::BREACH_NOTICE_CONTACT,
        ]);
        all
    }

    /// The key as the strings file writes it.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// The UI strings of one language.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Every string of the language's i18n file, by key.
    map: BTreeMap<String, String>,
    /// The same strings as templates see them (`t`), converted once: every page of
    /// the language shares this value rather than converting the map again.
    pub value: tera::Value,
    /// How date-times are shown, checked once.
    pub datetime: Pattern,
    /// How days without a time are shown, checked once.
    pub date: Pattern,
}

impl Strings {
    /// The string for `key`, which the theme is known to have.
    pub fn get(&self, key: Key) -> &str {
        self.map.get(key.0).map(String::as_str).unwrap_or_default()
    }

    /// The string for `key` with each placeholder of `values` (`"{n}"`) replaced, in
    /// order. Lists call it once per announcement, so a placeholder the string does
    /// not hold costs no copy.
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(
                Cow::Borrowed(self.get(key)),
                |text, (placeholder, value)| {
                    if text.contains(placeholder) {
                        Cow::Owned(text.replace(placeholder, value))
                    } else {
                        text
                    }
                },
            )
            .into_owned()
    }

    /// The phrases of a list string (`check_…` keys): separated by `|`, trimmed,
    /// empty ones dropped.
    pub fn phrases(&self, key: Key) -> Vec<&str> {
        self.get(key)
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// Reads the strings file at `path` (relative to `root`), with every key the code
    /// can ask for; `zone_name` is put in place of `{zone}` in the date-time pattern.
    pub fn load(root: &Path, path: &Path, zone_name: &str) -> Result<Strings, Vec<Problem>> {
        let text = std::fs::read_to_string(root.join(path)).map_err(|e| {
            vec![Problem::in_file(
                path,
                format!(
                    "cannot be read ({e}); every language of the site needs the theme's strings"
                ),
            )]
        })?;
        let map: BTreeMap<String, String> = toml::from_str(&text)
            .map_err(|e| vec![toml_problem::<BTreeMap<String, String>>(path, &text, 1, &e)])?;
        let missing: Vec<String> = Key::all()
            .into_iter()
            .filter(|k| !map.contains_key(k.0))
            .map(|k| format!("`{}`", k.0))
            .collect();
        if !missing.is_empty() {
            return Err(vec![Problem::in_file(
                path,
                format!(
                    "missing strings {}; expected every one of them",
                    missing.join(", ")
                ),
            )]);
        }
        let pattern = map[Key::DATETIME_FORMAT.0].replace("{zone}", &zone_name.replace('%', "%%"));
        let datetime = Pattern::parse(&pattern)
            .map_err(|m| vec![Problem::in_file(path, format!("`datetime_format`: {m}"))])?;
        let date = Pattern::parse_day(&map[Key::DATE_FORMAT.0])
            .map_err(|m| vec![Problem::in_file(path, format!("`date_format`: {m}"))])?;
        Ok(Strings {
            value: tera::Value::from_serializable(&map),
            map,
            datetime,
            date,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_asked_for_once() {
        let all = Key::all();
        let mut names: Vec<&str> = all.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), 55);
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 55, "a key is listed twice");
    }
}
