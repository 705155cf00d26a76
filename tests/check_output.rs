//! `crisis-site check`, the rules about the output and what site.toml says beside it:
//! broken-link (and `--external`), ir-identity, page-weight and reporting-deadlines;
//! each triggered and not, and their site.toml settings refused when bad.

use crisis_site::{Level, Rule};

use crate::support::check::{check, check_with, of};
use crate::support::{NOW, TestSite};

/// Removes the one line holding `needle` from a file of the site.
fn drop_line(site: &TestSite, path: &str, needle: &str) {
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains(needle)).collect();
    assert_eq!(
        kept.len() + 1,
        text.lines().count(),
        "{path} has no line, or more than one, with {needle:?}"
    );
    site.write(path, &(kept.join("\n") + "\n"));
}

const FIRST: &str = "content/announcements/first.md";

/// The pages of the basic fixture made with the theme's base.html: all 19 of the
/// output but the two banner fragments, which have a template of their own.
const BASE_PAGES: [&str; 17] = [
    "404.html",
    "announcements/both/index.html",
    "announcements/disclosure/index.html",
    "announcements/first/index.html",
    "announcements/index.html",
    "announcements/ir/index.html",
    "announcements/pr/index.html",
    "en/404.html",
    "en/announcements/both/index.html",
    "en/announcements/first/index.html",
    "en/announcements/index.html",
    "en/announcements/ir/index.html",
    "en/announcements/pr/index.html",
    "en/index.html",
    "en/timeline/index.html",
    "index.html",
    "timeline/index.html",
];

/// Findings as printed (`LEVEL[RULE]: PAGE:LINE: MESSAGE`), each split into its page
/// and its message; the line is checked to be a number and left out, since it
/// follows the template.
fn pages_and_messages(findings: &[String]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|finding| {
            let (page, rest) = finding
                .split_once("]: ")
                .and_then(|(_, f)| f.split_once(':'))
                .unwrap_or_else(|| panic!("{finding}"));
            let (line, message) = rest.split_once(": ").unwrap();
            assert!(line.parse::<usize>().is_ok(), "{finding}");
            (page, message)
        })
        .collect()
}
const BOTH: &str = "content/announcements/both/index.md";

#[test]
fn the_basic_fixture_has_nothing_for_the_output_rules_to_say() {
    let site = TestSite::basic();
    for base_url in [None, Some("https://incident.example.jp/sub/")] {
        let report = check_with(&site, NOW, base_url);
        for rule in [
            Rule::BrokenLink,
            Rule::IrIdentity,
            Rule::PageWeight,
            Rule::ReportingDeadlines,
        ] {
            assert!(
                of(&report, rule).is_empty(),
                "{base_url:?}: {:#?}",
                report.findings
            );
        }
    }
}

#[test]
fn broken_link_names_the_page_the_line_and_where_the_link_is_written() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "をご覧ください。",
        "をご覧ください。[FAQ](../faq/)、[見出し](#nowhere)、[対応](#今後の対応)、\
         [添付](../both/report.pdf#page=2)、[要約](../both/summary.pdf)。\n\n\
         <a href=\"../../../outside.html\">外</a> <a href=\"mailto:desk@example.jp\">窓口</a>",
    );
    // `#今後の対応` is a heading's id, `#page=2` the PDF viewer's business, `mailto:`
    // no link to check.
    assert_eq!(
        of(&check(&site), Rule::BrokenLink),
        [
            "error[broken-link]: announcements/first/index.html:63: `../faq/index.html` points to `announcements/faq/index.html`, which is not in the output\n  hint: fix the link in content/announcements/first.md",
            "error[broken-link]: announcements/first/index.html:63: `#nowhere`: `announcements/first/index.html` has no id `nowhere`\n  hint: fix the link in content/announcements/first.md",
            "error[broken-link]: announcements/first/index.html:63: `../both/summary.pdf` points to `announcements/both/summary.pdf`, which is not in the output\n  hint: fix the link in content/announcements/first.md",
            "error[broken-link]: announcements/first/index.html:64: `../../../outside.html` climbs out of the site\n  hint: fix the link in content/announcements/first.md",
        ]
    );
}

#[test]
fn broken_link_checks_feeds_and_absolute_links_into_the_site() {
    let site = TestSite::basic();
    site.edit(
        BOTH,
        "[こちら](report.pdf)",
        "[こちら](report.pdf)、[旧版](old.pdf)",
    );
    // With base_url the feeds exist; an entry's links resolve against its xml:base.
    let report = check_with(&site, NOW, Some("https://incident.example.jp/"));
    let feed = |path: &str| {
        format!(
            "error[broken-link]: {path}: `old.pdf` points to `announcements/both/old.pdf`, which is not in the output (in the entry https://incident.example.jp/announcements/both/)\n  hint: the entry's content is the announcement's body: fix the link there, or in the theme's partials/feed_entry.html"
        )
    };
    assert_eq!(
        of(&report, Rule::BrokenLink),
        [
            "error[broken-link]: announcements/both/index.html:67: `old.pdf` points to `announcements/both/old.pdf`, which is not in the output\n  hint: fix the link in content/announcements/both/index.md".to_string(),
            feed("announcements/ir/feed.xml"),
            feed("announcements/pr/feed.xml"),
            feed("feed.xml"),
        ]
    );

    // A link of the theme, absolute into the site (canonical, hreflang, feeds), is
    // checked too, and the hint sends the writer to the templates.
    let site = TestSite::basic();
    site.edit_theme(
        "templates/base.html",
        "</body>",
        "<a href=\"https://incident.example.jp/gone/\">x</a>\n</body>",
    );
    let report = check_with(&site, NOW, Some("https://incident.example.jp/"));
    let found = of(&report, Rule::BrokenLink);
    assert_eq!(
        found.first().map(String::as_str),
        Some(
            "error[broken-link]: 404.html:62: `https://incident.example.jp/gone/` points to `gone/index.html`, which is not in the output\n  hint: the link comes from the theme's templates (themes/default/templates/, or the site's templates/) or site.toml; fix it there"
        )
    );
    // Once a page, on every page of the theme's base. A page made from a file that
    // has no such link says so: the writer need not look there.
    let broken = "`https://incident.example.jp/gone/` points to `gone/index.html`, which is not in the output\n  hint: ";
    let templates =
        "the theme's templates (themes/default/templates/, or the site's templates/) or site.toml";
    let not_in = |source: &str| {
        format!("{broken}the link is not written in content/{source}: look in {templates}")
    };
    let written_in = [
        (
            "announcements/both/index.html",
            "announcements/both/index.md",
        ),
        (
            "announcements/disclosure/index.html",
            "announcements/disclosure.md",
        ),
        ("announcements/first/index.html", "announcements/first.md"),
        (
            "en/announcements/both/index.html",
            "announcements/both/index.en.md",
        ),
        (
            "en/announcements/first/index.html",
            "announcements/first.en.md",
        ),
        ("en/index.html", "_index.en.md"),
        ("index.html", "_index.md"),
    ];
    let expected: Vec<(&str, String)> = BASE_PAGES
        .iter()
        .map(|&page| match written_in.iter().find(|(p, _)| *p == page) {
            Some((_, source)) => (page, not_in(source)),
            None => (
                page,
                format!("{broken}the link comes from {templates}; fix it there"),
            ),
        })
        .collect();
    let found: Vec<(&str, String)> = pages_and_messages(&found)
        .into_iter()
        .map(|(page, message)| (page, message.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn external_links_are_listed_never_fetched() {
    let site = TestSite::basic();
    site.edit(FIRST,
        "をご覧ください。",
        "をご覧ください。[委員会](https://www.ppc.go.jp/)、[警察](https://www.npa.go.jp/bureau/cyber/)",
    );
    site.edit(BOTH, "です。", "です。[委員会](https://www.ppc.go.jp/)");
    let report = check(&site);
    let listed: Vec<(&str, Vec<&str>)> = report
        .external
        .iter()
        .map(|l| (l.url.as_str(), l.files.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "https://www.npa.go.jp/bureau/cyber/",
                vec!["announcements/first/index.html"]
            ),
            (
                "https://www.ppc.go.jp/",
                vec![
                    "announcements/both/index.html",
                    "announcements/first/index.html"
                ]
            ),
        ]
    );
    assert!(of(&report, Rule::BrokenLink).is_empty());

    let output = site.run(&["check", "--external"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let tail: Vec<&str> = stdout.lines().rev().take(4).collect();
    assert_eq!(
        tail,
        [
            "check: 0 errors, 0 warnings, 1 info",
            "  https://www.ppc.go.jp/ (announcements/both/index.html, announcements/first/index.html)",
            "  https://www.npa.go.jp/bureau/cyber/ (announcements/first/index.html)",
            "external links (not fetched): 2",
        ]
    );

    let output = site.run(&["check", "--external", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["external"][1],
        serde_json::json!({
            "url": "https://www.ppc.go.jp/",
            "files": ["announcements/both/index.html", "announcements/first/index.html"],
        })
    );
    // Without the flag, nothing is listed.
    let plain = String::from_utf8(site.run(&["check"]).stdout).unwrap();
    assert!(!plain.contains("external links"), "{plain}");
}

#[test]
fn ir_identity_wants_code_exchange_and_contact_once_an_ir_announcement_is_out() {
    let site = TestSite::basic();
    drop_line(&site, "site.toml", "exchange =");
    drop_line(&site, "site.toml", "contact =");
    assert_eq!(
        of(&check(&site), Rule::IrIdentity),
        [
            "warning[ir-identity]: site.toml: 2 IR announcements are published, but `[ir]` lacks exchange, contact\n  hint: an IR disclosure (適時開示) names the securities code, the exchange and a contact; add them to site.toml's [ir]"
        ]
    );

    // Without IR announcements there is nothing to identify.
    let site = TestSite::basic();
    drop_line(&site, "site.toml", "securities_code =");
    for path in [
        "content/announcements/disclosure.md",
        "content/announcements/embargoed.md",
    ] {
        site.edit(path, "channel = \"ir\"", "channel = \"pr\"");
    }
    // The translation inherits the original's channels.
    site.edit(BOTH, "channel = [\"ir\", \"pr\"]", "channel = \"pr\"");
    assert!(of(&check(&site), Rule::IrIdentity).is_empty());
}

#[test]
fn page_weight_reports_pages_over_the_budget_and_any_script() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "[incident]",
        "[check]\npage_weight_kb = 10\n\n[incident]",
    );
    let hint = "\n  hint: crisis pages must load under a traffic spike: shorten the page, move detail into an attachment, or raise [check] page_weight_kb";
    assert_eq!(
        of(&check(&site), Rule::PageWeight),
        [
            format!(
                "warning[page-weight]: announcements/both/index.html: the page weighs 10.6 KB (4.8 KB HTML + 5.9 KB CSS), over the budget of 10 KB{hint}"
            ),
            format!(
                "warning[page-weight]: announcements/first/index.html: the page weighs 10.1 KB (4.2 KB HTML + 5.9 KB CSS), over the budget of 10 KB{hint}"
            ),
            format!(
                "warning[page-weight]: en/announcements/both/index.html: the page weighs 10.2 KB (4.4 KB HTML + 5.9 KB CSS), over the budget of 10 KB{hint}"
            ),
            format!(
                "warning[page-weight]: en/index.html: the page weighs 10.8 KB (4.9 KB HTML + 5.9 KB CSS), over the budget of 10 KB{hint}"
            ),
            format!(
                "warning[page-weight]: index.html: the page weighs 10.9 KB (5.1 KB HTML + 5.9 KB CSS), over the budget of 10 KB{hint}"
            ),
        ]
    );

    let site = TestSite::basic();
    site.edit_theme(
        "templates/base.html",
        "</body>",
        "<script>alert(1)</script>\n</body>",
    );
    let found = of(&check(&site), Rule::PageWeight);
    assert_eq!(
        found.first().map(String::as_str),
        Some(
            "warning[page-weight]: 404.html:59: the page has a <script> element; published pages carry no script\n  hint: remove it from the theme's templates (themes/default/templates/, or the site's templates/)"
        )
    );
    // And the same on every page of the theme's base.
    let script = "the page has a <script> element; published pages carry no script\n  hint: remove it from the theme's templates (themes/default/templates/, or the site's templates/)";
    assert_eq!(
        pages_and_messages(&found),
        BASE_PAGES.map(|page| (page, script))
    );
}

#[test]
fn reporting_deadlines_counts_from_the_day_the_company_became_aware() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "started = 2023-06-05T09:00:00+09:00",
        "started = 2023-06-05T09:00:00+09:00\npersonal_data = true\naware_on = 2023-06-05",
    );
    let hint = "\n  hint: a reminder, not legal advice: confirm with counsel and the PPC's guidelines which reports are owed and by when";
    assert_eq!(
        of(&check(&site), Rule::ReportingDeadlines),
        [
            format!(
                "info[reporting-deadlines]: site.toml:12: preliminary report to the PPC (速報): promptly, about 3–5 days after becoming aware on 2023-06-05 (by 2023-06-08–10): 2 days left{hint}"
            ),
            format!(
                "info[reporting-deadlines]: site.toml:12: final report to the PPC (確報): within 30 days of 2023-06-05 (by 2023-07-05): 27 days left{hint}"
            ),
        ]
    );

    site.edit(
        "site.toml",
        "aware_on = 2023-06-05",
        "aware_on = 2023-06-05T11:00:00+09:00\nwrongful_act = true",
    );
    assert_eq!(
        of(
            &check_with(&site, "2023-08-04T12:00:00+09:00", None),
            Rule::ReportingDeadlines
        ),
        [
            format!(
                "info[reporting-deadlines]: site.toml:12: preliminary report to the PPC (速報): promptly, about 3–5 days after becoming aware on 2023-06-05 (by 2023-06-08–10): passed 55 days ago{hint}"
            ),
            format!(
                "info[reporting-deadlines]: site.toml:12: final report to the PPC (確報): within 60 days of 2023-06-05, as the leak may result from a wrongful act (by 2023-08-04): due today{hint}"
            ),
        ]
    );

    // Without personal_data there is nothing to remind of.
    let site = TestSite::basic();
    assert!(of(&check(&site), Rule::ReportingDeadlines).is_empty());
}

#[test]
fn site_toml_turns_an_output_rule_off_or_changes_its_level() {
    let site = TestSite::basic();
    site.edit(FIRST, "をご覧ください。", "をご覧ください。[FAQ](../faq/)");
    site.edit(
        "site.toml",
        "[incident]",
        "[check.levels]\nbroken-link = \"warning\"\n\n[incident]",
    );
    let report = check(&site);
    let levels: Vec<(Rule, Level)> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::BrokenLink)
        .map(|f| (f.rule, f.level))
        .collect();
    assert_eq!(levels, [(Rule::BrokenLink, Level::Warning)]);
    assert!(!report.fails(false));
    assert!(report.fails(true));

    site.edit(
        "site.toml",
        "broken-link = \"warning\"",
        "broken-link = \"off\"",
    );
    assert!(of(&check(&site), Rule::BrokenLink).is_empty());
}

#[test]
fn bad_ir_incident_and_page_weight_settings_are_refused() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.edit(
            "site.toml",
            "securities_code = \"9999\"",
            "securities_code = \"99999\"",
        );
        s.edit(
            "site.toml",
            "exchange = \"東証プライム\"",
            "exchange = \" \"",
        );
        s.edit(
            "site.toml",
            "started = 2023-06-05T09:00:00+09:00",
            "started = 2023-06-05T09:00:00+09:00\npersonal_data = true\nwrongful_act = true",
        );
        s.edit(
            "site.toml",
            "[incident]",
            "[check]\npage_weight_kb = 0\n\n[incident]",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:9: `[check] page_weight_kb` is 0; expected a budget in KB, 1 or more",
            "site.toml:14: `incident.personal_data` is true but `incident.aware_on` is missing; expected the day the company became aware of the leak, e.g. aware_on = 2026-09-14",
            "site.toml:46: `[ir] securities_code` `99999` is not a securities code; expected 4 digits or capital letters starting with a digit, such as \"9999\" or \"130A\"",
            "site.toml:47: `[ir] exchange` is empty; expected a value, or leave the key out",
        ]
    );

    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.edit(
            "site.toml",
            "started = 2023-06-05T09:00:00+09:00",
            "started = 2023-06-05T09:00:00+09:00\naware_on = \"last week\"\nwrongful_act = true",
        );
        s.edit(
            "site.toml",
            "securities_code = \"9999\"",
            "securities_code = \"a30b\"",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:11: `incident.aware_on` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no aware_on",
            "site.toml:11: `incident.aware_on`: `last week` is not a date or a date-time; expected a date such as 2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)",
            "site.toml:12: `incident.wrongful_act` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no wrongful_act",
            "site.toml:43: `[ir] securities_code` `a30b` is not a securities code; expected 4 digits or capital letters starting with a digit, such as \"9999\" or \"130A\"",
        ]
    );
}
