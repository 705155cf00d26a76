//! The names of the UI strings the code asks for: every key a theme's
//! `i18n/LANG.toml` must have, since a page, a feed or `check` uses it.

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
