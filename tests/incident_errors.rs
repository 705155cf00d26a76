//! Bad incident state: every mistake in `[[services]]`, `[[measures]]`, `[[timeline]]`,
//! `[[revisions]]`, `corrects`, `updated`, `next_update`, `incident_status`, contact
//! periods and alerts is reported with its file, line and what is expected, and the
//! previous output stays exactly as it was.
//!
//! The fixture `tests/fixtures/incident` builds first; each test then breaks it and
//! checks the problem lines as printed, in full. A problem with one value points at
//! the value's line; a problem with one entry of a table (its name, its text, a fact a
//! translation repeats differently) points at the entry's `[[table]]` line.

use crate::support::TestSite;

const ANN: &str = "content/announcements";

/// Builds the incident fixture, breaks it with `change`, and returns the problems of
/// the failed build after checking that the output was left byte for byte as it was.
fn refused(change: impl FnOnce(&TestSite)) -> Vec<String> {
    TestSite::fixture("incident").refused(change)
}

/// Writes `content/announcements/NAME`.
fn announcement(site: &TestSite, name: &str, text: &str) {
    site.write(&format!("{ANN}/{name}"), text);
}

/// A new announcement, dated the day before the build, whose front matter ends with
/// `extra`: its first line is line 5 of the file.
fn fourth(extra: &str) -> String {
    format!(
        "+++\ntitle = \"第4報\"\ndate = 2023-06-07T10:00:00\nchannel = \"pr\"\n{extra}+++\n本文\n"
    )
}

// Values that are not one of the known words.

#[test]
fn unknown_service_status() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[services]]\nname = \"給与計算\"\nstatus = \"down\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:7: unknown value `down`; expected `stopped`, `degraded`, `partial`, \
             `restored` or `planned`"
        )]
    );
}

#[test]
fn unknown_measure_status() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[measures]]\nname = \"EDRの導入\"\nstatus = \"finished\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:7: unknown value `finished`; expected `done`, `in_progress` or `planned`"
        )]
    );
}

#[test]
fn unknown_revision_kind() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth(
                "[[revisions]]\nat = 2023-06-07T15:00:00\nkind = \"erratum\"\ntext = \"訂正\"\n",
            ),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:7: unknown value `erratum`; expected `addendum` or `correction`"
        )]
    );
}

#[test]
fn unknown_incident_status_in_an_announcement() {
    let problems = refused(|s| {
        announcement(s, "fourth.md", &fourth("incident_status = \"closed\"\n"));
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:5: unknown value `closed`; expected `investigating`, `responding`, \
             `recovering` or `resolved`"
        )]
    );
}

#[test]
fn unknown_incident_status_in_a_translation() {
    let problems = refused(|s| {
        announcement(
            s,
            "second.en.md",
            "+++\ntitle = \"Update 2\"\nincident_status = \"recovered\"\n+++\n",
        );
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/second.en.md:3: unknown value `recovered`; expected `investigating`, `responding`, \
             `recovering` or `resolved`"
        )]
    );
}

#[test]
fn misspelt_key_in_a_table_entry() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[services]]\nname = \"給与計算\"\nstauts = \"stopped\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:7: unknown key `stauts`; did you mean `status`?"
        )]
    );
}

#[test]
fn service_without_a_status() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[services]]\nname = \"給与計算\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!("{ANN}/fourth.md:5: missing required key `status`")]
    );
}

// Corrections.

#[test]
fn corrects_a_misspelt_slug() {
    let problems = refused(|s| s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"wrnog\""));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `wrnog`, which is not an announcement; did you mean `wrong`?"
        )]
    );
}

#[test]
fn corrects_a_slug_far_from_every_announcement() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/fix.md"),
            "\"wrong\"",
            "\"2023-06-01-notice\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `2023-06-01-notice`, which is not an announcement; \
             expected the slug of an earlier announcement (its file or folder name)"
        )]
    );
}

#[test]
fn corrects_something_that_cannot_be_a_slug() {
    let problems = refused(|s| s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"第1報\""));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects`: `第1報` cannot be a slug (the announcement's URL); expected a \
             name of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
        )]
    );
}

#[test]
fn corrects_a_newer_announcement() {
    // third.md is dated 2023-06-05T17:00, the day after fix.md.
    let problems = refused(|s| s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"third\""));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `third`, dated 2023-06-05T17:00:00+09:00, not before \
             this announcement (2023-06-04T12:00:00+09:00); expected an earlier announcement"
        )]
    );
}

#[test]
fn corrects_an_announcement_of_the_same_date() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/fix.md"),
            "date = 2023-06-04T12:00:00",
            "date = 2023-06-03T12:00:00",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `wrong`, dated 2023-06-03T12:00:00+09:00, not before \
             this announcement (2023-06-03T12:00:00+09:00); expected an earlier announcement"
        )]
    );
}

#[test]
fn corrects_itself() {
    let problems = refused(|s| s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"fix\""));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `fix`, dated 2023-06-04T12:00:00+09:00, not before \
             this announcement (2023-06-04T12:00:00+09:00); expected an earlier announcement"
        )]
    );
}

// Dates and date-times that do not parse.

#[test]
fn service_since_that_does_not_parse() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "since = 2023-06-01T06:00:00",
            "since = \"6月1日\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:12: `services.since`: `6月1日` is not a date or a date-time; expected a date such as \
             2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the \
             site's timezone is used)"
        )]
    );
}

#[test]
fn timeline_at_that_does_not_parse() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/second.md"),
            "at = 2023-06-01",
            "at = \"6月1日\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/second.md:29: `timeline.at`: `6月1日` is not a date or a date-time; expected a date such as \
             2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the \
             site's timezone is used)"
        )]
    );
}

#[test]
fn timeline_at_of_the_wrong_type() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/second.md"),
            "at = 2023-06-01",
            "at = 20230601",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/second.md:29: `timeline.at`: wrong type: found integer; expected a date such as 2023-06-06 \
             or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's \
             timezone is used)"
        )]
    );
}

#[test]
fn since_in_a_translation_that_does_not_parse() {
    let problems = refused(|s| {
        announcement(
            s,
            "second.en.md",
            "+++\ntitle = \"Update 2\"\n\n[[services]]\nname = \"Payroll\"\nsince = \"yesterday\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/second.en.md:6: `services.since`: `yesterday` is not a date or a date-time; expected a date \
             such as 2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, \
             the site's timezone is used)"
        )]
    );
}

#[test]
fn revision_at_with_a_date_only() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "at = 2023-06-02T09:00:00",
            "at = 2023-06-02",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:23: `revisions.at`: `2023-06-02` has no time of day; expected an RFC 3339 \
             date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)"
        )]
    );
}

#[test]
fn revision_at_that_does_not_parse() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "at = 2023-06-02T09:00:00",
            "at = \"翌日9時\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:23: `revisions.at`: `翌日9時` is not a date-time; expected an RFC 3339 \
             date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)"
        )]
    );
}

#[test]
fn next_update_that_does_not_parse() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/third.md"),
            "next_update = 2023-06-07T17:00:00",
            "next_update = \"6月7日17時\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/third.md:6: `next_update`: `6月7日17時` is not a date-time; expected an RFC 3339 \
             date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)"
        )]
    );
}

// Moments out of order.

#[test]
fn revision_before_the_announcement() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "at = 2023-06-02T09:00:00",
            "at = 2023-06-01T09:00:00",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:23: revision dated 2023-06-01T09:00:00+09:00 is before the announcement's \
             `date` (2023-06-01T10:00:00+09:00); expected the time the published text was amended"
        )]
    );
}

#[test]
fn updated_before_the_announcement() {
    let problems =
        refused(|s| announcement(s, "fourth.md", &fourth("updated = 2023-06-06T18:00:00\n")));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:5: `updated` 2023-06-06T18:00:00+09:00 is before the announcement's \
             `date` (2023-06-07T10:00:00+09:00); expected when the published text was last amended"
        )]
    );
}

#[test]
fn updated_before_the_newest_revision() {
    // first.md's revision is dated 2023-06-02T09:00.
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "number = 1\n",
            "number = 1\nupdated = 2023-06-01T18:00:00\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:6: `updated` 2023-06-01T18:00:00+09:00 is before the newest revision \
             (2023-06-02T09:00:00+09:00); expected the time of the latest amendment (or leave \
             `updated` out to use it)"
        )]
    );
}

#[test]
fn updated_before_both_the_announcement_and_its_revision() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "number = 1\n",
            "number = 1\nupdated = 2023-05-31T18:00:00\n",
        )
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/first.md:6: `updated` 2023-05-31T18:00:00+09:00 is before the announcement's \
                 `date` (2023-06-01T10:00:00+09:00); expected when the published text was last amended"
            ),
            format!(
                "{ANN}/first.md:6: `updated` 2023-05-31T18:00:00+09:00 is before the newest revision \
                 (2023-06-02T09:00:00+09:00); expected the time of the latest amendment (or leave \
                 `updated` out to use it)"
            ),
        ]
    );
}

#[test]
fn next_update_before_the_announcement() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/third.md"),
            "next_update = 2023-06-07T17:00:00",
            "next_update = 2023-06-05T09:00:00",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/third.md:6: `next_update` 2023-06-05T09:00:00+09:00 is before the announcement's \
             `date` (2023-06-05T17:00:00+09:00); expected when the next update is promised"
        )]
    );
}

// Contact desks and alerts in site.toml.

#[test]
fn contact_until_before_from() {
    let problems = refused(|s| s.edit("site.toml", "until = 2023-06-05", "until = 2023-05-31"));
    assert_eq!(
        problems,
        [
            "site.toml:26: `contacts.until` (2023-05-31) is before `from` (2023-06-01); expected the \
          end of the period, after its start"
        ]
    );
}

#[test]
fn contact_from_that_does_not_parse() {
    let problems = refused(|s| s.edit("site.toml", "from = 2023-06-20", "from = \"6月20日\""));
    assert_eq!(
        problems,
        [
            "site.toml:34: `contacts.from`: `6月20日` is not a date or a date-time; expected a date \
          such as 2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, \
          the site's timezone is used)"
        ]
    );
}

#[test]
fn alert_until_before_from() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "from = 2023-06-01\n\n[alerts.translations.en]",
            "from = 2023-06-01\nuntil = 2023-05-31T23:00:00\n\n[alerts.translations.en]",
        )
    });
    assert_eq!(
        problems,
        [
            "site.toml:40: `alerts.until` (2023-05-31T23:00:00+09:00) is before `from` (2023-06-01); \
          expected the end of the period, after its start"
        ]
    );
}

/// The message for an alert link that is not an `https://` address nor a path from the
/// site's root.
fn bad_link(line: usize, link: &str) -> String {
    format!(
        "site.toml:{line}: link `{link}` is neither a web address nor a path inside the site; \
         expected https://… or a path from the site's root such as \"faq/\" (no leading `/`, no `..`)"
    )
}

#[test]
fn alert_links_a_browser_reads_as_another_host_are_refused() {
    let site = TestSite::fixture("incident");
    let problems = site.refused_with(|s| {
        s.edit(
            "site.toml",
            "link = \"announcements/first/\"",
            "link = \"\\\\\\\\evil.example\\\\x\"",
        );
        s.edit(
            "site.toml",
            "link = \"en/announcements/first/\"",
            "link = \"%2F%2Fevil.example/\"",
        );
    });
    let en: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        en,
        [
            "site.toml:38: link `\\\\evil.example\\x` holds a backslash `\\`, which browsers \
             read as `/` (so `\\\\host\\x` leads to another site); expected `/` between the \
             parts of a path from the site's root, such as \"announcements/SLUG/\"",
            "site.toml:43: link `%2F%2Fevil.example/` spells a `/`, `\\`, `.` or control \
             character another way (`%2F`, `%5C`, `%2E`, a tab or line break, a space at \
             either end), which a browser may read as a path to another site; expected the \
             path written out plainly, such as \"faq/\"",
        ]
    );
    assert_eq!(
        problems[0].text(crisis_site::MessageLang::Ja),
        "site.toml:38: リンク「\\\\evil.example\\x」に「\\」があります。ブラウザは「\\」を\
         「/」として読むため、「\\\\host\\x」のようなリンクはほかのサイトへ移ります。パスの区切り\
         には「/」を使い、\"announcements/SLUG/\" のようにサイトの一番上から書いてください。"
    );
}

#[test]
fn alert_link_with_a_leading_slash() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "link = \"announcements/first/\"",
            "link = \"/announcements/first/\"",
        )
    });
    assert_eq!(problems, [bad_link(38, "/announcements/first/")]);
}

#[test]
fn alert_link_climbing_out_of_the_site() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "link = \"announcements/first/\"",
            "link = \"announcements/../../etc/\"",
        )
    });
    assert_eq!(problems, [bad_link(38, "announcements/../../etc/")]);
}

#[test]
fn alert_link_with_javascript() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "link = \"announcements/first/\"",
            "link = \"javascript:alert(1)\"",
        )
    });
    assert_eq!(problems, [bad_link(38, "javascript:alert(1)")]);
}

#[test]
fn translated_alert_link_with_a_leading_slash() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "link = \"en/announcements/first/\"",
            "link = \"/en/announcements/first/\"",
        )
    });
    assert_eq!(problems, [bad_link(43, "/en/announcements/first/")]);
}

#[test]
fn alert_with_empty_text() {
    let problems = refused(|s| s.edit("site.toml", "text = \"終了した注意喚起\"", "text = \" \""));
    assert_eq!(
        problems,
        ["site.toml:45: `[[alerts]]` entry has an empty `text`; expected the warning"]
    );
}

#[test]
fn alert_with_an_empty_translated_text() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "text = \"Beware of e-mails pretending to be from us.\"",
            "text = \"\"",
        )
    });
    assert_eq!(
        problems,
        [
            "site.toml:42: `[[alerts]]` translation has an empty `text`; expected the warning \
          (or leave `text` out to show the original's)"
        ]
    );
}

// Translations that disagree with their original.

#[test]
fn translation_with_more_services_than_the_original() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.en.md",
            "+++\ntitle = \"Update 1\"\n\n[[services]]\nname = \"Payroll\"\n\n\
             [[services]]\nname = \"Attendance\"\n\n[[services]]\nname = \"Expenses\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.en.md:10: `[[services]]` has 3 entries here but 2 entries in the original \
             {ANN}/first.md; expected the original's entries, in the same order"
        )]
    );
}

#[test]
fn translation_with_a_timeline_the_original_does_not_have() {
    let problems = refused(|s| {
        announcement(
            s,
            "third.en.md",
            "+++\ntitle = \"Update 3\"\n\n[[timeline]]\ntext = \"Restored\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/third.en.md:4: `[[timeline]]` has 1 entry here but 0 entries in the original \
             {ANN}/third.md; expected the original's entries, in the same order"
        )]
    );
}

/// The message for a fact of a table entry that a translation repeats differently.
fn differs(
    file: &str,
    line: usize,
    what: &str,
    theirs: &str,
    ours: &str,
    original: &str,
) -> String {
    format!(
        "{ANN}/{file}:{line}: {what} is {theirs} here but {ours} in the original {ANN}/{original}; \
         expected the same value (or leave it out: translations inherit it)"
    )
}

#[test]
fn translation_with_a_different_service_status() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "status = \"stopped\"",
            "status = \"restored\"",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "first.en.md",
            4,
            "`status` of `[[services]]` entry 1",
            "\"restored\"",
            "\"stopped\"",
            "first.md"
        )]
    );
}

#[test]
fn translation_with_a_different_service_since() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.en.md",
            "+++\ntitle = \"Update 1\"\n\n[[services]]\nname = \"Payroll\"\nsince = 2023-06-01T07:00:00\n\n\
             [[services]]\nname = \"Attendance\"\nsince = 2023-06-01\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [
            differs(
                "first.en.md",
                4,
                "`since` of `[[services]]` entry 1",
                "2023-06-01T07:00:00+09:00",
                "2023-06-01T06:00:00+09:00",
                "first.md"
            ),
            differs(
                "first.en.md",
                8,
                "`since` of `[[services]]` entry 2",
                "2023-06-01",
                "not set",
                "first.md"
            ),
        ]
    );
}

#[test]
fn translation_with_a_different_measure_status() {
    let problems = refused(|s| {
        announcement(
            s,
            "third.en.md",
            "+++\ntitle = \"Update 3\"\n\n[[measures]]\nname = \"EDR\"\nstatus = \"planned\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "third.en.md",
            4,
            "`status` of `[[measures]]` entry 1",
            "\"planned\"",
            "\"done\"",
            "third.md"
        )]
    );
}

#[test]
fn translation_with_a_different_timeline_at() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "[[timeline]]\n",
            "[[timeline]]\nat = 2023-06-01\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "first.en.md",
            11,
            "`at` of `[[timeline]]` entry 1",
            "2023-06-01",
            "2023-06-01T06:00:00+09:00",
            "first.md"
        )]
    );
}

#[test]
fn translation_with_a_different_revision_kind_and_at() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "[[revisions]]\n",
            "[[revisions]]\nkind = \"correction\"\nat = 2023-06-02T10:00:00\n",
        )
    });
    assert_eq!(
        problems,
        [
            differs(
                "first.en.md",
                14,
                "`at` of `[[revisions]]` entry 1",
                "2023-06-02T10:00:00+09:00",
                "2023-06-02T09:00:00+09:00",
                "first.md"
            ),
            differs(
                "first.en.md",
                14,
                "`kind` of `[[revisions]]` entry 1",
                "\"correction\"",
                "\"addendum\"",
                "first.md"
            ),
        ]
    );
}

#[test]
fn translation_with_a_different_corrects() {
    let problems = refused(|s| {
        announcement(
            s,
            "fix.en.md",
            "+++\ntitle = \"Correction\"\ncorrects = \"first\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "fix.en.md",
            3,
            "`corrects`",
            "`first`",
            "`wrong`",
            "fix.md"
        )]
    );
}

#[test]
fn translation_that_corrects_what_the_original_does_not() {
    let problems = refused(|s| {
        announcement(
            s,
            "third.en.md",
            "+++\ntitle = \"Update 3\"\ncorrects = \"second\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "third.en.md",
            3,
            "`corrects`",
            "`second`",
            "not set",
            "third.md"
        )]
    );
}

#[test]
fn translation_with_a_different_incident_status() {
    let problems = refused(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "title = \"System outage (Update 1)\"\n",
            "title = \"System outage (Update 1)\"\nincident_status = \"resolved\"\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "first.en.md",
            3,
            "`incident_status`",
            "\"resolved\"",
            "\"responding\"",
            "first.md"
        )]
    );
}

#[test]
fn translation_with_a_different_next_update() {
    let problems = refused(|s| {
        announcement(
            s,
            "second.en.md",
            "+++\ntitle = \"Update 2\"\nnext_update = 2023-06-05T18:00:00\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [differs(
            "second.en.md",
            3,
            "`next_update`",
            "2023-06-05T18:00:00+09:00",
            "2023-06-05T17:00:00+09:00",
            "second.md"
        )]
    );
}

#[test]
fn translation_updated_before_the_announcement() {
    let problems = refused(|s| {
        announcement(
            s,
            "second.en.md",
            "+++\ntitle = \"Update 2\"\nupdated = 2023-06-02T16:00:00\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/second.en.md:3: `updated` 2023-06-02T16:00:00+09:00 is before the announcement's \
             `date` (2023-06-02T17:00:00+09:00); expected when this translation was last amended"
        )]
    );
}

#[test]
fn translation_repeating_the_same_facts_is_accepted() {
    let site = TestSite::fixture("incident");
    announcement(
        &site,
        "first.en.md",
        "+++\ntitle = \"Update 1\"\nincident_status = \"responding\"\n\
         next_update = 2023-06-02T17:00:00+09:00\n\n\
         [[services]]\nstatus = \"stopped\"\nsince = \"2023-06-01 06:00\"\n\n\
         [[services]]\nstatus = \"stopped\"\n\n\
         [[timeline]]\nat = 2023-06-01T06:00:00\n\n\
         [[revisions]]\nat = 2023-06-02T09:00:00\nkind = \"addendum\"\n+++\n",
    );
    site.built();
}

// Names and texts.

#[test]
fn the_same_service_twice() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth(
                "[[services]]\nname = \"給与計算\"\nstatus = \"restored\"\n\n\
                 [[services]]\nname = \"給与計算\"\nstatus = \"stopped\"\n",
            ),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:9: `[[services]]` lists `給与計算` twice; expected each one once per \
             announcement"
        )]
    );
}

#[test]
fn the_same_measure_twice() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth(
                "[[measures]]\nname = \"EDRの導入\"\nstatus = \"done\"\n\n\
                 [[measures]]\nname = \"EDRの導入\"\nstatus = \"planned\"\n",
            ),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:9: `[[measures]]` lists `EDRの導入` twice; expected each one once per \
             announcement"
        )]
    );
}

#[test]
fn service_and_measure_with_an_empty_name() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth(
                "[[services]]\nname = \"\"\nstatus = \"stopped\"\n\n\
                 [[measures]]\nname = \"  \"\nstatus = \"done\"\n",
            ),
        )
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/fourth.md:5: `[[services]]` entry has an empty `name`; expected its name"
            ),
            format!(
                "{ANN}/fourth.md:9: `[[measures]]` entry has an empty `name`; expected its name"
            ),
        ]
    );
}

#[test]
fn timeline_entry_with_an_empty_text() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[timeline]]\nat = 2023-06-06\ntext = \"\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:5: `[[timeline]]` entry has an empty `text`; expected what happened"
        )]
    );
}

#[test]
fn revision_with_an_empty_text() {
    let problems = refused(|s| {
        announcement(
            s,
            "fourth.md",
            &fourth("[[revisions]]\nat = 2023-06-07T15:00:00\nkind = \"addendum\"\ntext = \"\"\n"),
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fourth.md:5: `[[revisions]]` entry has an empty `text`; expected what was amended"
        )]
    );
}

// Several problems in one run.

#[test]
fn problems_in_several_files_come_together_sorted_by_file_then_line() {
    let problems = refused(|s| {
        s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"wrnog\"");
        s.edit(
            &format!("{ANN}/third.md"),
            "next_update = 2023-06-07T17:00:00",
            "next_update = 2023-06-05T09:00:00",
        );
        s.edit(
            &format!("{ANN}/third.md"),
            "name = \"ログ監視の強化\"",
            "name = \"EDRの導入\"",
        );
        s.edit(
            &format!("{ANN}/first.md"),
            "at = 2023-06-02T09:00:00",
            "at = 2023-06-01T09:00:00",
        );
        s.edit(
            &format!("{ANN}/second.en.md"),
            "note = \"Payslips only\"",
            "status = \"stopped\"",
        );
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/first.md:23: revision dated 2023-06-01T09:00:00+09:00 is before the \
                 announcement's `date` (2023-06-01T10:00:00+09:00); expected the time the published \
                 text was amended"
            ),
            format!(
                "{ANN}/fix.md:5: `corrects` names `wrnog`, which is not an announcement; did you mean \
                 `wrong`?"
            ),
            differs(
                "second.en.md",
                4,
                "`status` of `[[services]]` entry 1",
                "\"stopped\"",
                "\"partial\"",
                "second.md"
            ),
            format!(
                "{ANN}/third.md:6: `next_update` 2023-06-05T09:00:00+09:00 is before the announcement's \
                 `date` (2023-06-05T17:00:00+09:00); expected when the next update is promised"
            ),
            format!(
                "{ANN}/third.md:25: `[[measures]]` lists `EDRの導入` twice; expected each one once per \
                 announcement"
            ),
        ]
    );
}

#[test]
fn site_toml_problems_come_sorted_by_line() {
    let problems = refused(|s| {
        // The first desk: `until` (line 17) before `from`, and a translation into the
        // main language (line 19), which is checked first.
        s.edit("site.toml", "until = 2023-12-31", "until = 2023-05-31");
        s.edit(
            "site.toml",
            "[contacts.translations.en]\nname = \"Contact desk\"",
            "[contacts.translations.ja]\nname = \"Contact desk\"",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:17: `contacts.until` (2023-05-31) is before `from` (2023-06-01); expected the \
             end of the period, after its start",
            "site.toml:19: `translations.ja` is the site's main language; expected the words in the \
             entry itself",
        ]
    );
}

#[test]
fn site_toml_and_content_problems_of_the_incident_come_in_one_report() {
    let problems = refused(|s| {
        s.edit("site.toml", "until = 2023-06-05", "until = 2023-05-31");
        s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"wrnog\"");
    });
    // site.toml first, as for every other problem of the settings.
    assert_eq!(
        problems,
        [
            "site.toml:26: `contacts.until` (2023-05-31) is before `from` (2023-06-01); expected the \
             end of the period, after its start"
                .to_string(),
            format!(
                "{ANN}/fix.md:5: `corrects` names `wrnog`, which is not an announcement; did you mean \
                 `wrong`?"
            ),
        ]
    );
}
