//! Helpers of the `check` tests: review a fixture at a moment, and pick one rule's
//! findings as printed.

use chrono::DateTime;

use crisis_site::BaseUrl;
use crisis_site::Publish;
use crisis_site::{Finding, MessageLang, Report, Rule};

use super::{NOW, TestSite};

/// Reviews the site as it is at `now`, published at `base_url` if given.
pub fn check_with(site: &TestSite, now: &str, base_url: Option<&str>) -> Report {
    let publish = Publish {
        drafts: false,
        future: false,
        now: DateTime::parse_from_rfc3339(now).unwrap().into(),
        base_url: base_url.map(|url| BaseUrl::parse(url).unwrap()),
        preview: false,
    };
    crisis_site::check(site.root(), &publish).unwrap()
}

/// Reviews the site as it is at `now`.
pub fn check_at(site: &TestSite, now: &str) -> Report {
    check_with(site, now, None)
}

/// Reviews the site at the fixtures' moment.
pub fn check(site: &TestSite) -> Report {
    check_at(site, NOW)
}

/// The findings of `rule`, as printed.
pub fn of(report: &Report, rule: Rule) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(Finding::to_string)
        .collect()
}

/// The findings of `rule`, as printed in Japanese.
pub fn of_ja(report: &Report, rule: Rule) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.text(MessageLang::Ja))
        .collect()
}
