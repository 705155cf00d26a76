//! `crisis-site check`: each rule triggered and not, levels changed and turned off,
//! the JSON format and the exit statuses.

use crisis_site::{Finding, Level, MessageLang, Rule};

use crate::support::TestSite;
use crate::support::check::{check, check_at, of};

const BOTH: &str = "content/announcements/both/index.md";
const EMBARGOED: &str = "content/announcements/embargoed.md";

/// Gives `both` (and its translation, which repeats it) another number.
fn renumber_both(site: &TestSite, from: u32, to: u32) {
    for path in [BOTH, "content/announcements/both/index.en.md"] {
        site.edit(path, &format!("number = {from}"), &format!("number = {to}"));
    }
}
const FIRST: &str = "content/announcements/first.md";

#[test]
fn a_sound_site_has_only_the_pending_key_report_to_say() {
    let site = TestSite::basic();
    let report = check(&site);
    let printed: Vec<String> = report.findings.iter().map(Finding::to_string).collect();
    assert_eq!(
        printed,
        [
            "info[key-report-pending]: site.toml: key report `committee` (第三者委員会の報告) is still in preparation\n  hint: publish the report with key_report = \"committee\" when it is ready"
        ]
    );
    assert!(!report.fails(true));

    let output = site.run(&["check", "--strict"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.lines().last(),
        Some("check: 0 errors, 0 warnings, 1 info")
    );
}

#[test]
fn numbering_finds_gaps_reuses_and_numbers_against_the_dates() {
    let site = TestSite::basic();
    renumber_both(&site, 2, 4);
    assert_eq!(
        of(&check(&site), Rule::Numbering),
        [
            "warning[numbering]: content/announcements/both/index.md:5: number 4 follows a gap: numbers 2, 3 are not published\n  hint: publish the missing report, or renumber the series so it runs 1, 2, 3 …"
        ]
    );

    renumber_both(&site, 4, 1);
    assert_eq!(
        of(&check(&site), Rule::Numbering),
        [
            "warning[numbering]: content/announcements/both/index.md:5: number 1 is also used by `first`\n  hint: give each report of the series its own number"
        ]
    );

    renumber_both(&site, 1, 2);
    site.edit(FIRST, "number = 1", "number = 3");
    site.edit(
        "content/announcements/first.en.md",
        "summary",
        "number = 3\nsummary",
    );
    let found = of(&check(&site), Rule::Numbering);
    assert_eq!(
        found,
        [
            "warning[numbering]: content/announcements/both/index.md:5: number 2 follows a gap: number 1 is not published\n  hint: publish the missing report, or renumber the series so it runs 1, 2, 3 …",
            "warning[numbering]: content/announcements/both/index.md:5: number 2 is dated 2023-06-07 17:00, after number 3 (`first`, 2023-06-05 10:00)\n  hint: numbers must rise with the dates; check the date or the number",
        ]
    );
}

#[test]
fn stale_speaks_after_the_cadence_unless_an_update_is_promised_or_it_is_over() {
    // By then the embargoed statement of 2023-06-09 15:00 is out, and the newest.
    let site = TestSite::basic();
    assert!(of(&check_at(&site, "2023-06-12T15:00:00+09:00"), Rule::Stale).is_empty());
    assert_eq!(
        of(&check_at(&site, "2023-06-13T09:00:00+09:00"), Rule::Stale),
        [
            "warning[stale]: content/announcements/embargoed.md:3: the newest announcement, `embargoed` (2023-06-09 15:00), is 3 days old while the incident is `responding`; the cadence is 3 days\n  hint: publish an update, even to say there is no news, or promise the next one with next_update"
        ]
    );

    // A promise still to come answers the silence.
    site.edit(
        EMBARGOED,
        "channel",
        "next_update = 2023-06-14T17:00:00+09:00\nchannel",
    );
    assert!(of(&check_at(&site, "2023-06-13T09:00:00+09:00"), Rule::Stale).is_empty());

    // A resolved incident owes no cadence.
    site.edit(
        EMBARGOED,
        "next_update = 2023-06-14T17:00:00+09:00",
        "incident_status = \"resolved\"",
    );
    assert!(of(&check_at(&site, "2023-07-13T09:00:00+09:00"), Rule::Stale).is_empty());

    // The cadence is the site's to set.
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "[incident]",
        "[check]\nstale_after_days = 7\n\n[incident]",
    );
    assert!(of(&check_at(&site, "2023-06-13T09:00:00+09:00"), Rule::Stale).is_empty());
}

#[test]
fn contact_desk_wants_a_desk_and_one_not_closed_while_the_incident_goes_on() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "hours = \"平日 9:00〜18:00\"",
        "hours = \"平日 9:00〜18:00\"\nuntil = 2023-06-07",
    );
    assert_eq!(
        of(&check(&site), Rule::ContactDesk),
        [
            "warning[contact-desk]: site.toml: every contact desk has closed (お問い合わせ窓口) while the incident is `responding`\n  hint: extend a desk's `until`, or add a desk that answers now"
        ]
    );
    site.edit(
        BOTH,
        "number = 2",
        "number = 2\nincident_status = \"resolved\"",
    );
    assert!(of(&check(&site), Rule::ContactDesk).is_empty());

    let site = TestSite::basic();
    let config = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let start = config.find("[[contacts]]").unwrap();
    let end = config.find("[translations.en]").unwrap();
    site.write(
        "site.toml",
        &format!("{}{}", &config[..start], &config[end..]),
    );
    assert_eq!(
        of(&check(&site), Rule::ContactDesk),
        [
            "warning[contact-desk]: site.toml: no contact desk is configured\n  hint: add a [[contacts]] desk: readers must know whom to call"
        ]
    );
}

/// The `phone-number` findings of the basic fixture with its desk's `phone` set to
/// `phone`, in English and in Japanese.
fn phone_findings(phone: &str) -> (Vec<String>, Vec<String>) {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "phone = \"0120-000-000\"",
        &format!("phone = \"{phone}\""),
    );
    let report = check(&site);
    let ja = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::PhoneNumber)
        .map(|f| f.text(MessageLang::Ja))
        .collect();
    (of(&report, Rule::PhoneNumber), ja)
}

#[test]
fn phone_number_wants_only_a_number_and_its_extension_in_phone() {
    for quiet in [
        "0120-000-000",
        "03-1234-5678 内線 2",
        "03-1234-5678 ext. 2",
        "０３−１２３４−５６７８",
        "+81-3-1234-5678",
    ] {
        assert_eq!(phone_findings(quiet), (vec![], vec![]), "{quiet}");
    }

    let (en, ja) = phone_findings("0120-000-000（平日 9:00〜18:00）");
    assert_eq!(
        en,
        [
            "warning[phone-number]: site.toml:28: the phone number of the contact desk `お問い合わせ窓口` has more in it than the number: `（平日 9:00〜18:00）`; the tel: link leaves it out\n  hint: keep only the number in `phone`, with its extension if there is one (`03-1234-5678 内線 2`, `ext. 2`); put the hours in the desk's `hours`, and any other note in its `name`"
        ]
    );
    assert_eq!(
        ja,
        [
            "warning[phone-number]: site.toml:28: お問い合わせ窓口「お問い合わせ窓口」の `phone` に、電話番号のほかに「（平日 9:00〜18:00）」が書かれています。電話をかけるリンク（tel:）には含めません。\n  直し方: `phone` には電話番号だけを書いてください。内線があれば「03-1234-5678 内線 2」のように続けて書けます。受付時間は窓口の `hours` に、そのほかの注記は `name` に書いてください。"
        ]
    );

    let (en, ja) = phone_findings("フリーダイヤル 0120-000-000");
    assert_eq!(
        en,
        [
            "warning[phone-number]: site.toml:28: the phone number of the contact desk `お問い合わせ窓口` does not start with a number: `フリーダイヤル 0120-000-000`; it is shown without a tel: link\n  hint: keep only the number in `phone`, with its extension if there is one (`03-1234-5678 内線 2`, `ext. 2`); put the hours in the desk's `hours`, and any other note in its `name`"
        ]
    );
    assert_eq!(
        ja,
        [
            "warning[phone-number]: site.toml:28: お問い合わせ窓口「お問い合わせ窓口」の `phone`「フリーダイヤル 0120-000-000」が電話番号で始まっていません。電話をかけるリンク（tel:）を付けずに表示します。\n  直し方: `phone` には電話番号だけを書いてください。内線があれば「03-1234-5678 内線 2」のように続けて書けます。受付時間は窓口の `hours` に、そのほかの注記は `name` に書いてください。"
        ]
    );
}

#[test]
fn next_update_late_names_the_promise_that_was_not_kept() {
    let site = TestSite::basic();
    site.edit(
        BOTH,
        "number = 2",
        "number = 2\nnext_update = 2023-06-08T10:00:00+09:00",
    );
    assert_eq!(
        of(&check(&site), Rule::NextUpdateLate),
        [
            "warning[next-update-late]: content/announcements/both/index.md:6: the next update was promised for 2023-06-08 10:00 and nothing newer is published\n  hint: publish the update, or a short notice saying when it will come"
        ]
    );
    assert!(
        of(
            &check_at(&site, "2023-06-08T09:59:00+09:00"),
            Rule::NextUpdateLate
        )
        .is_empty()
    );
}

#[test]
fn key_report_pending_is_quiet_once_every_block_is_filled() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "number = 1",
        "number = 1\nkey_report = \"committee\"",
    );
    assert!(of(&check(&site), Rule::KeyReportPending).is_empty());
}

#[test]
fn site_toml_changes_a_rules_level_or_turns_it_off() {
    let site = TestSite::basic();
    renumber_both(&site, 2, 4);
    site.edit(
        "site.toml",
        "[incident]",
        "[check.levels]\nnumbering = \"error\"\nkey-report-pending = \"off\"\n\n[incident]",
    );
    let report = check(&site);
    let rules: Vec<(Rule, Level)> = report.findings.iter().map(|f| (f.rule, f.level)).collect();
    assert_eq!(rules, [(Rule::Numbering, Level::Error)]);
    assert!(report.fails(false));

    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    // The pending key report is not mentioned: its rule is off.
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "error[numbering]: content/announcements/both/index.md:5: number 4 follows a gap: \
         numbers 2, 3 are not published\n  \
         hint: publish the missing report, or renumber the series so it runs 1, 2, 3 …\n\
         check: 1 error, 0 warnings, 0 info\n"
    );
}

#[test]
fn warnings_fail_only_with_strict_and_json_carries_the_findings() {
    let site = TestSite::basic();
    renumber_both(&site, 2, 4);
    assert_eq!(site.run(&["check"]).status.code(), Some(0));
    assert_eq!(site.run(&["check", "--strict"]).status.code(), Some(1));

    let output = site.run(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["infos"], 1);
    assert_eq!(json["passed"], true);
    assert_eq!(
        json["findings"][0],
        serde_json::json!({
            "rule": "numbering",
            "level": "warning",
            "path": "content/announcements/both/index.md",
            "line": 5,
            "message": "number 4 follows a gap: numbers 2, 3 are not published",
            "hint": "publish the missing report, or renumber the series so it runs 1, 2, 3 …",
        })
    );
    let strict = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(strict.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&strict.stdout).unwrap();
    assert_eq!(json["passed"], false);
}

#[test]
fn bad_check_settings_are_refused_like_any_site_toml_problem() {
    let site = TestSite::basic();
    site.edit("site.toml",
        "[incident]",
        "[check]\nstale_after_days = 0\n\n[check.levels]\nnumberin = \"error\"\nstale = \"loud\"\n\n[incident]",
    );
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "error: site.toml:9: `[check] stale_after_days` is 0; expected a number of days, 1 or more",
            "error: site.toml:12: `[check.levels]`: unknown rule `numberin`; did you mean `numbering`?",
            "error: site.toml:13: `[check.levels]` `stale`: unknown level `loud`; expected \"error\", \"warning\", \"info\" or \"off\"",
            "error: check failed with 3 problems that also fail the build",
        ]
    );
    // The build refuses them too, and writes nothing.
    assert_eq!(
        site.problems(),
        [
            "site.toml:9: `[check] stale_after_days` is 0; expected a number of days, 1 or more",
            "site.toml:12: `[check.levels]`: unknown rule `numberin`; did you mean `numbering`?",
            "site.toml:13: `[check.levels]` `stale`: unknown level `loud`; expected \"error\", \"warning\", \"info\" or \"off\"",
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn the_example_site_passes_check_strict() {
    let site = TestSite::example();
    let report = check_at(&site, "2026-11-23T12:00:00+09:00");
    assert!(!report.fails(true), "{:#?}", report.findings);
}
