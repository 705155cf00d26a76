//! The site's state as data: `status.json` (checked against the schema in
//! `schemas/`) and the Statuspage-compatible `api/v2/summary.json`, in every language,
//! as the `incident` fixture's announcements change them.

use chrono::DateTime;
use crisis_site::BaseUrl;
use serde_json::{Value, json};

use crate::support::TestSite;

fn site() -> TestSite {
    TestSite::fixture("incident")
}

fn with_base_url(mut site: TestSite) -> TestSite {
    site.base_url = Some(BaseUrl::parse("https://incident.example.jp/crisis/").unwrap());
    site
}

/// A file of the output, parsed.
fn json_at(site: &TestSite, path: &str) -> Value {
    let path = site.out().join(path);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        text.ends_with("}\n"),
        "{} ends with one newline",
        path.display()
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `field` of every element of the array `list`.
fn each<'a>(list: &'a Value, field: &str) -> Vec<&'a Value> {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .map(|v| &v[field])
        .collect()
}

/// The schema in the repository, with formats (date-time, date, uri) asserted too.
fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/status.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::meta::validate(&schema).expect("the schema is a valid draft 2020-12 schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Why `document` does not match the schema, one line per problem: where in the
/// document, the schema's keyword that refuses it, and why. Empty when it matches.
fn schema_errors(document: &Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|e| format!("{} {}: {e}", e.instance_path(), e.schema_path()))
        .collect()
}

/// Every string anywhere in `value`, keys included.
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(list) => list.iter().flat_map(strings).collect(),
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| std::iter::once(k.clone()).chain(strings(v)))
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn status_json_is_written_per_language_and_matches_the_schema() {
    for site in [site(), with_base_url(site())] {
        site.built();
        for path in ["status.json", "en/status.json"] {
            let document = json_at(&site, path);
            assert_eq!(schema_errors(&document), Vec::<String>::new(), "{path}");
            assert_eq!(document["version"], 1);
        }
        assert_eq!(json_at(&site, "status.json")["lang"], "ja");
        assert_eq!(json_at(&site, "en/status.json")["lang"], "en");
    }
    // The schema is published beside the data, as it is in the repository.
    let site = site();
    site.built();
    assert_eq!(
        std::fs::read_to_string(site.out().join("status.schema.json")).unwrap(),
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/status.schema.json"
        ))
        .unwrap()
    );
    assert!(!site.exists("en/status.schema.json"));
}

#[test]
fn the_example_site_matches_the_schema_in_every_language() {
    let site = with_base_url(TestSite::example());
    site.built();
    for path in ["status.json", "en/status.json"] {
        let document = json_at(&site, path);
        assert_eq!(schema_errors(&document), Vec::<String>::new(), "{path}");
        assert!(!document["announcements"].as_array().unwrap().is_empty());
    }
}

#[test]
fn the_schema_refuses_what_version_1_does_not_say() {
    let site = site();
    site.built();
    let good = json_at(&site, "status.json");
    assert!(schema_errors(&good).is_empty());

    let tamper = |change: fn(&mut Value)| {
        let mut document = good.clone();
        change(&mut document);
        schema_errors(&document)
    };
    assert_eq!(
        tamper(|d| d["services"][0]["status"] = json!("broken")),
        [
            "/services/0/status /properties/services/items/properties/status/enum: \"broken\" is not one of \"stopped\", \"degraded\" or 3 other candidates"
        ]
    );
    assert_eq!(
        tamper(|d| {
            d["incident"].as_object_mut().unwrap().remove("next_update");
        }),
        ["/incident /properties/incident/required: \"next_update\" is a required property"]
    );
    assert_eq!(
        tamper(|d| d["announcements"][0]["colour"] = json!("red")),
        [
            "/announcements/0 /properties/announcements/items/additionalProperties: Additional properties are not allowed ('colour' was unexpected)"
        ]
    );
    assert_eq!(
        tamper(|d| d["version"] = json!(2)),
        ["/version /properties/version/const: 1 was expected"]
    );
    // Neither a date-time (by pattern and format) nor null.
    assert_eq!(
        tamper(|d| d["incident"]["last_updated"] = json!("June 5th")),
        [
            "/incident/last_updated /$defs/dateTimeOrNull/oneOf: \"June 5th\" is not valid under any of the schemas listed in the 'oneOf' keyword"
        ]
    );
    // A word of Statuspage's, not of version 1.
    assert_eq!(
        tamper(|d| d["incident"]["status"] = json!("identified")),
        [
            "/incident/status /properties/incident/properties/status/enum: \"identified\" is not one of \"investigating\", \"responding\" or 2 other candidates"
        ]
    );
    assert_eq!(
        tamper(|d| d["announcements"][0]["channels"] = json!([])),
        [
            "/announcements/0/channels /properties/announcements/items/properties/channels/minItems: [] has less than 1 item"
        ]
    );
}

#[test]
fn status_json_tells_the_incident_s_status_in_each_language() {
    let site = site();
    site.built();
    let ja = json_at(&site, "status.json");
    assert_eq!(
        ja["site"],
        json!({"title": "テスト障害に関する特設ページ", "organization": "テスト株式会社", "url": null})
    );
    // site.toml says investigating; the first update moved it to responding, the
    // second to recovering.
    assert_eq!(
        ja["incident"],
        json!({
            "status": "recovering",
            "status_label": "復旧対応中",
            "status_since": "2023-06-02T17:00:00+09:00",
            "started": null,
            "last_updated": "2023-06-05T17:00:00+09:00",
            // Promised by the third for 7 June; it is 8 June and nothing newer came.
            "next_update": {"at": "2023-06-07T17:00:00+09:00", "late": true, "promised_in": "third"},
        })
    );
    let en = json_at(&site, "en/status.json");
    assert_eq!(en["site"]["title"], "Test incident");
    assert_eq!(en["site"]["organization"], "Test Inc.");
    assert_eq!(en["incident"]["status"], "recovering");
    assert_eq!(en["incident"]["status_label"], "Recovering");
}

#[test]
fn status_json_lists_services_and_measures_with_their_latest_status() {
    let site = site();
    site.built();
    let ja = json_at(&site, "status.json");
    assert_eq!(
        ja["services"],
        json!([
            {
                "name": "給与計算", "status": "restored", "status_label": "再開済み",
                "since": "2023-06-05T09:00:00+09:00", "note": null, "reported_in": "third",
            },
            // A day stays a day: the second said `since = 2023-06-02`.
            {
                "name": "勤怠管理", "status": "restored", "status_label": "再開済み",
                "since": "2023-06-02", "note": null, "reported_in": "second",
            },
        ])
    );
    assert_eq!(
        ja["measures"],
        json!([
            {
                "name": "EDRの導入", "status": "done", "status_label": "実施済み",
                "changed": "2023-06-05T17:00:00+09:00", "note": null, "changed_in": "third",
            },
            // In progress since the second; the third repeats it without a note.
            {
                "name": "多要素認証の必須化", "status": "in_progress", "status_label": "実施中",
                "changed": "2023-06-02T17:00:00+09:00", "note": null, "changed_in": "second",
            },
            {
                "name": "ログ監視の強化", "status": "planned", "status_label": "実施予定",
                "changed": "2023-06-05T17:00:00+09:00", "note": null, "changed_in": "third",
            },
        ])
    );

    let en = json_at(&site, "en/status.json");
    // Names from the translations where they give them (the first update's gives
    // "Attendance"), the Japanese otherwise; labels from the English strings.
    assert_eq!(each(&en["services"], "name"), ["Payroll", "Attendance"]);
    assert_eq!(
        each(&en["services"], "status_label"),
        ["Resumed", "Resumed"]
    );
    assert_eq!(
        each(&en["measures"], "name"),
        ["EDRの導入", "多要素認証の必須化", "ログ監視の強化"]
    );
    assert_eq!(
        each(&en["measures"], "status_label"),
        ["Done", "In progress", "Planned"]
    );
}

#[test]
fn a_note_comes_from_the_latest_report_in_the_file_s_language() {
    let mut site = site();
    // Before the third update: payroll is partly back, with the second's note.
    site.now = DateTime::parse_from_rfc3339("2023-06-03T12:00:00+09:00").unwrap();
    site.built();
    let ja = json_at(&site, "status.json");
    assert_eq!(ja["services"][0]["status"], "partial");
    assert_eq!(ja["services"][0]["note"], "明細の閲覧のみ");
    assert_eq!(ja["services"][0]["since"], "2023-06-02T17:00:00+09:00");
    let en = json_at(&site, "en/status.json");
    assert_eq!(en["services"][0]["note"], "Payslips only");
    assert_eq!(en["services"][0]["status_label"], "Partially resumed");
    assert_eq!(en["measures"][1]["note"], "管理者アカウントから");
}

#[test]
fn key_reports_name_the_announcement_that_fills_them_or_null() {
    let site = TestSite::basic();
    // A draft that would fill the other block leaves it in preparation.
    site.write(
        "content/announcements/draft.md",
        "+++\ntitle = \"下書き\"\ndate = 2023-06-08T09:00:00+09:00\nchannel = \"pr\"\n\
         draft = true\nkey_report = \"committee\"\n+++\n本文。\n",
    );
    site.built();
    assert_eq!(
        json_at(&site, "status.json")["key_reports"],
        json!([
            {
                "id": "investigation", "title": "調査報告書",
                "description": "外部機関による調査の結果", "announcement": "both",
            },
            {
                "id": "committee", "title": "第三者委員会の報告",
                "description": "第三者委員会による検証", "announcement": null,
            },
        ])
    );
    let en = json_at(&site, "en/status.json");
    assert_eq!(
        each(&en["key_reports"], "title"),
        ["Investigation report", "第三者委員会の報告"]
    );
    assert_eq!(schema_errors(&en), Vec::<String>::new());
    // site.toml's `started` is given.
    assert_eq!(en["incident"]["started"], "2023-06-05T09:00:00+09:00");
}

#[test]
fn announcements_are_listed_newest_first_with_paths_and_no_urls_without_base_url() {
    let site = site();
    site.built();
    let ja = json_at(&site, "status.json");
    let list = &ja["announcements"];
    assert_eq!(
        each(list, "slug"),
        ["third", "fix", "wrong", "second", "first"]
    );
    assert_eq!(
        list[3],
        json!({
            "slug": "second",
            "title": "一部機能の再開について（第2報）",
            "summary": "一部の機能を再開しました。",
            "date": "2023-06-02T17:00:00+09:00",
            "updated": null,
            "channels": ["ir", "pr"],
            "number": 2,
            "path": "announcements/second/",
            "url": null,
            "pdf_path": "announcements/second/second.pdf",
            "pdf_url": null,
            "lang": null,
            "corrects": null,
            "corrected_by": [],
        })
    );
    // `updated` defaults to the newest revision.
    assert_eq!(list[4]["updated"], "2023-06-02T09:00:00+09:00");
    assert_eq!(list[1]["number"], Value::Null);
    assert_eq!(list[1]["corrects"], "wrong");
    assert_eq!(list[2]["corrected_by"], json!(["fix"]));
    assert_eq!(each(list, "url"), [&Value::Null; 5]);
}

#[test]
fn with_base_url_every_announcement_has_its_absolute_url_in_the_file_s_language() {
    let site = with_base_url(site());
    site.built();
    let ja = json_at(&site, "status.json");
    assert_eq!(ja["site"]["url"], "https://incident.example.jp/crisis/");
    assert_eq!(
        ja["announcements"][0]["url"],
        "https://incident.example.jp/crisis/announcements/third/"
    );

    let en = json_at(&site, "en/status.json");
    assert_eq!(en["site"]["url"], "https://incident.example.jp/crisis/en/");
    let list = &en["announcements"];
    assert_eq!(
        each(list, "path"),
        [
            // Not translated: the Japanese page, words and language.
            "announcements/third/",
            "announcements/fix/",
            "announcements/wrong/",
            "en/announcements/second/",
            "en/announcements/first/",
        ]
    );
    assert_eq!(
        each(list, "lang"),
        [
            &json!("ja"),
            &json!("ja"),
            &json!("ja"),
            &Value::Null,
            &Value::Null
        ]
    );
    assert_eq!(list[0]["title"], "復旧状況について（第3報）");
    assert_eq!(list[4]["title"], "System outage (Update 1)");
    assert_eq!(list[4]["summary"], "An outage occurred.");
    assert_eq!(
        list[4]["url"],
        "https://incident.example.jp/crisis/en/announcements/first/"
    );
    assert_eq!(
        list[0]["url"],
        "https://incident.example.jp/crisis/announcements/third/"
    );
}

/// What only the fixture's draft (written by the test below) and its embargoed
/// announcement say: their slugs, titles and a timeline entry.
const UNPUBLISHED: [&str; 5] = [
    "draft",
    "embargoed",
    "下書き",
    "再発防止策について",
    "未来の出来事",
];

/// Whether any string of the data file at `path` has `text`.
fn data_has(site: &TestSite, path: &str, text: &str) -> bool {
    strings(&json_at(site, path))
        .iter()
        .any(|s| s.contains(text))
}

#[test]
fn drafts_and_embargoed_announcements_leave_no_trace_in_the_data() {
    let mut site = site();
    // The draft corrects a published announcement, resolves the incident and stops a
    // service; none of that may show.
    site.write(
        "content/announcements/draft.md",
        "+++\ntitle = \"収束のお知らせ（下書き）\"\ndate = 2023-06-06T12:00:00\nchannel = \"pr\"\n\
         draft = true\nincident_status = \"resolved\"\ncorrects = \"third\"\n\n\
         [[services]]\nname = \"給与計算\"\nstatus = \"stopped\"\n+++\n下書きです。\n",
    );
    // Their names (the slugs) and their text.
    let sources: String = ["draft.md", "embargoed.md"]
        .map(|name| {
            let path = site.root().join("content/announcements").join(name);
            format!("{name}\n{}", std::fs::read_to_string(path).unwrap())
        })
        .concat();
    for text in UNPUBLISHED {
        assert!(sources.contains(text), "{text}");
    }
    // Published with them, they are in the data: their absence below means something.
    // (The timeline is not part of the data; its entry is checked in the sources only.)
    site.drafts = true;
    site.future = true;
    site.built();
    for path in ["status.json", "en/status.json"] {
        for text in &UNPUBLISHED[..4] {
            assert!(data_has(&site, path, text), "{path}: {text}");
        }
    }
    let summary = json_at(&site, "api/v2/summary.json");
    assert_eq!(summary["incidents"], json!([]), "resolved by the draft");
    assert_eq!(summary["components"][0]["status"], "major_outage");
    site.drafts = false;
    site.built();
    let summary = json_at(&site, "api/v2/summary.json");
    assert_eq!(
        each(&summary["incidents"][0]["incident_updates"], "id")[0],
        "embargoed"
    );

    site.future = false;
    site.built();
    for path in [
        "status.json",
        "en/status.json",
        "api/v2/summary.json",
        "en/api/v2/summary.json",
    ] {
        for text in UNPUBLISHED {
            assert!(!data_has(&site, path, text), "{path} shows `{text}`");
        }
    }
    let ja = json_at(&site, "status.json");
    assert_eq!(ja["incident"]["status"], "recovering");
    assert_eq!(ja["announcements"][0]["corrected_by"], json!([]));
    // The embargoed update marks this measure done; until it is out, it is planned.
    assert_eq!(ja["measures"][2]["status"], "planned");
    assert_eq!(ja["services"][0]["status"], "restored");
    let summary = json_at(&site, "api/v2/summary.json");
    assert_eq!(summary["incidents"][0]["status"], "monitoring");
    assert_eq!(summary["components"][0]["status"], "operational");
}

#[test]
fn the_data_does_not_change_with_the_build_time() {
    let mut site = site();
    site.built();
    let before: Vec<String> = [
        "status.json",
        "api/v2/summary.json",
        "en/api/v2/summary.json",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(site.out().join(p)).unwrap())
    .collect();
    // An hour later nothing was published, so nothing may differ.
    site.now = DateTime::parse_from_rfc3339("2023-06-08T13:00:00+09:00").unwrap();
    site.built();
    let after: Vec<String> = [
        "status.json",
        "api/v2/summary.json",
        "en/api/v2/summary.json",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(site.out().join(p)).unwrap())
    .collect();
    assert_eq!(before, after);
}

#[test]
fn data_files_are_not_counted_as_pages() {
    let site = site();
    let summary = site.build().unwrap();
    let html = walkdir::WalkDir::new(site.out())
        .into_iter()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some(std::ffi::OsStr::new("html")))
        .count();
    assert_eq!(summary.pages, html);
}

#[test]
fn summary_json_has_statuspage_s_shape() {
    let site = site();
    site.built();
    let summary = json_at(&site, "api/v2/summary.json");
    let mut keys: Vec<&String> = summary.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "components",
            "incidents",
            "page",
            "scheduled_maintenances",
            "status"
        ]
    );
    let page = &summary["page"];
    assert_eq!(page["name"], "テスト株式会社");
    // Without base_url, Statuspage's string fields for links are empty, not null.
    assert_eq!(page["url"], "");
    assert_eq!(page["time_zone"], "Etc/GMT-9");
    assert_eq!(page["updated_at"], "2023-06-05T17:00:00+09:00");
    let id = page["id"].as_str().unwrap();
    assert_eq!(id.len(), 12);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    );
    assert_eq!(summary["scheduled_maintenances"], json!([]));

    let component = &summary["components"][0];
    let mut fields: Vec<&String> = component.as_object().unwrap().keys().collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "created_at",
            "description",
            "group",
            "group_id",
            "id",
            "name",
            "only_show_if_degraded",
            "page_id",
            "position",
            "showcase",
            "start_date",
            "status",
            "updated_at"
        ]
    );
    assert_eq!(component["page_id"], id);
}

#[test]
fn services_are_components_with_ids_that_every_language_and_build_shares() {
    let site = site();
    site.built();
    let ja = json_at(&site, "api/v2/summary.json");
    let components = &ja["components"];
    assert_eq!(each(components, "name"), ["給与計算", "勤怠管理"]);
    assert_eq!(each(components, "status"), ["operational", "operational"]);
    assert_eq!(each(components, "position"), [1, 2]);
    assert_eq!(
        each(components, "created_at"),
        ["2023-06-01T10:00:00+09:00", "2023-06-01T10:00:00+09:00"]
    );
    assert_eq!(
        each(components, "updated_at"),
        ["2023-06-05T17:00:00+09:00", "2023-06-05T17:00:00+09:00"]
    );
    assert_eq!(ja["status"]["indicator"], "none");
    assert_eq!(
        ja["status"]["description"],
        "サービスの停止・機能低下は報告されていません"
    );

    let en = json_at(&site, "en/api/v2/summary.json");
    assert_eq!(each(&en["components"], "name"), ["Payroll", "Attendance"]);
    assert_eq!(en["page"]["name"], "Test Inc.");
    assert_eq!(
        en["status"]["description"],
        "No service disruption reported"
    );
    assert_eq!(each(&en["components"], "id"), each(components, "id"));
    assert_eq!(en["page"]["id"], ja["page"]["id"]);
    assert_ne!(components[0]["id"], components[1]["id"]);

    // A new announcement changes statuses, not ids.
    let later = self::site();
    later.write(
        "content/announcements/fourth.md",
        "+++\ntitle = \"第4報\"\ndate = 2023-06-07T10:00:00\nchannel = \"pr\"\nnumber = 4\n\n\
         [[services]]\nname = \"新機能\"\nstatus = \"planned\"\n\n\
         [[services]]\nname = \"給与計算\"\nstatus = \"degraded\"\n+++\n本文。\n",
    );
    later.built();
    let after = json_at(&later, "api/v2/summary.json");
    assert_eq!(
        each(&after["components"], "name"),
        ["給与計算", "勤怠管理", "新機能"]
    );
    assert_eq!(after["components"][0]["id"], components[0]["id"]);
    assert_eq!(after["components"][1]["id"], components[1]["id"]);
    assert_eq!(
        each(&after["components"], "status"),
        ["degraded_performance", "operational", "major_outage"]
    );
}

#[test]
fn the_indicator_is_the_worst_component_status() {
    for (status, component, indicator, en) in [
        (
            "restored",
            "operational",
            "none",
            "No service disruption reported",
        ),
        (
            "degraded",
            "degraded_performance",
            "minor",
            "Some services are degraded",
        ),
        (
            "partial",
            "partial_outage",
            "major",
            "Partial service outage",
        ),
        (
            "stopped",
            "major_outage",
            "critical",
            "Major service outage",
        ),
        // Not running yet, though a date is set.
        (
            "planned",
            "major_outage",
            "critical",
            "Major service outage",
        ),
    ] {
        let site = site();
        site.write(
            "content/announcements/fourth.md",
            &format!(
                "+++\ntitle = \"第4報\"\ndate = 2023-06-07T10:00:00\nchannel = \"pr\"\n\n\
                 [[services]]\nname = \"勤怠管理\"\nstatus = \"{status}\"\n+++\n本文。\n"
            ),
        );
        site.built();
        let summary = json_at(&site, "en/api/v2/summary.json");
        assert_eq!(summary["components"][1]["status"], component, "{status}");
        assert_eq!(summary["status"]["indicator"], indicator, "{status}");
        assert_eq!(summary["status"]["description"], en, "{status}");
        assert_eq!(summary["incidents"][0]["impact"], indicator, "{status}");
    }
}

#[test]
fn the_unresolved_incident_is_listed_with_the_announcements_as_its_updates() {
    let site = site();
    site.built();
    let summary = json_at(&site, "api/v2/summary.json");
    let incidents = summary["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 1);
    let incident = &incidents[0];
    assert_eq!(incident["name"], "テスト障害に関する特設ページ");
    assert_eq!(incident["status"], "monitoring");
    assert_eq!(incident["impact"], "none");
    assert_eq!(incident["created_at"], "2023-06-01T10:00:00+09:00");
    // No `started` in site.toml: the incident started when it was first announced.
    assert_eq!(incident["started_at"], "2023-06-01T10:00:00+09:00");
    assert_eq!(incident["updated_at"], "2023-06-05T17:00:00+09:00");
    assert_eq!(incident["monitoring_at"], "2023-06-02T17:00:00+09:00");
    assert_eq!(incident["resolved_at"], Value::Null);
    assert_eq!(incident["shortlink"], "");
    assert_eq!(incident["page_id"], summary["page"]["id"]);
    assert_eq!(incident["components"], summary["components"]);

    let updates = &incident["incident_updates"];
    assert_eq!(
        each(updates, "id"),
        ["third", "fix", "wrong", "second", "first"]
    );
    // The status each announcement left the incident in: the first moved it to
    // responding (identified), the second to recovering (monitoring).
    assert_eq!(
        each(updates, "status"),
        [
            "monitoring",
            "monitoring",
            "monitoring",
            "monitoring",
            "identified"
        ]
    );
    assert!(
        each(updates, "incident_id")
            .iter()
            .all(|i| **i == incident["id"])
    );
    assert_eq!(
        updates[4]["body"],
        "システム障害について（第1報）\n\n障害が発生しました。"
    );
    assert_eq!(updates[4]["created_at"], "2023-06-01T10:00:00+09:00");
    assert_eq!(updates[4]["display_at"], "2023-06-01T10:00:00+09:00");
    // Amended by a revision.
    assert_eq!(updates[4]["updated_at"], "2023-06-02T09:00:00+09:00");
    assert_eq!(updates[4]["deliver_notifications"], false);
    let payroll = &summary["components"][0]["id"];
    let attendance = &summary["components"][1]["id"];
    assert_eq!(
        updates[3]["affected_components"],
        json!([
            {"code": payroll, "name": "給与計算", "old_status": "major_outage", "new_status": "partial_outage"},
            {"code": attendance, "name": "勤怠管理", "old_status": "major_outage", "new_status": "operational"},
        ])
    );
    assert_eq!(
        updates[4]["affected_components"][0]["old_status"],
        "operational"
    );
    assert_eq!(updates[1]["affected_components"], Value::Null);

    let en = json_at(&site, "en/api/v2/summary.json");
    let updates = &en["incidents"][0]["incident_updates"];
    assert_eq!(en["incidents"][0]["name"], "Test incident");
    assert_eq!(
        updates[4]["body"],
        "System outage (Update 1)\n\nAn outage occurred."
    );
    // Untranslated: in Japanese.
    assert_eq!(
        updates[0]["body"],
        "復旧状況について（第3報）\n\nすべての機能が再開しました。"
    );
}

#[test]
fn the_incident_has_absolute_links_with_base_url() {
    let site = with_base_url(site());
    site.built();
    let en = json_at(&site, "en/api/v2/summary.json");
    assert_eq!(en["page"]["url"], "https://incident.example.jp/crisis/en/");
    assert_eq!(
        en["incidents"][0]["shortlink"],
        "https://incident.example.jp/crisis/en/"
    );
}

#[test]
fn a_resolved_incident_is_no_longer_listed() {
    let site = site();
    site.write(
        "content/announcements/closing.md",
        "+++\ntitle = \"収束のお知らせ\"\ndate = 2023-06-07T10:00:00\nchannel = \"pr\"\n\
         incident_status = \"resolved\"\n+++\n収束しました。\n",
    );
    site.built();
    let summary = json_at(&site, "api/v2/summary.json");
    assert_eq!(summary["incidents"], json!([]));
    // The components stay, with their last status.
    assert_eq!(summary["components"].as_array().unwrap().len(), 2);
    assert_eq!(summary["status"]["indicator"], "none");
    assert_eq!(
        json_at(&site, "status.json")["incident"]["status"],
        "resolved"
    );

    // Resolved from the start in site.toml, with nothing to move it on.
    let site = self::site();
    site.edit(
        "site.toml",
        "status = \"investigating\"",
        "status = \"resolved\"",
    );
    for file in ["first.md", "second.md"] {
        let path = format!("content/announcements/{file}");
        let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("incident_status"))
            .map(|l| format!("{l}\n"))
            .collect();
        site.write(&path, &text);
    }
    site.built();
    assert_eq!(
        json_at(&site, "api/v2/summary.json")["incidents"],
        json!([])
    );
}

#[test]
fn before_the_first_announcement_there_is_no_incident_to_list() {
    let mut site = site();
    site.now = DateTime::parse_from_rfc3339("2023-05-31T12:00:00+09:00").unwrap();
    site.built();
    let summary = json_at(&site, "api/v2/summary.json");
    assert_eq!(summary["incidents"], json!([]));
    assert_eq!(summary["components"], json!([]));
    assert_eq!(summary["status"]["indicator"], "none");
    assert_eq!(summary["page"]["updated_at"], Value::Null);

    let status = json_at(&site, "status.json");
    assert_eq!(schema_errors(&status), Vec::<String>::new());
    assert_eq!(status["incident"]["status"], "investigating");
    assert_eq!(status["incident"]["last_updated"], Value::Null);
    assert_eq!(status["incident"]["next_update"], Value::Null);
    assert_eq!(status["announcements"], json!([]));
    assert_eq!(status["services"], json!([]));
}

#[test]
fn the_json_can_be_put_inside_a_script_element_as_it_is() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "title = \"テスト事案に関する特設ページ\"",
        "title = \"特設</script><!--ページ\"",
    );
    site.edit(
        "site.toml",
        "organization = \"テスト株式会社\"",
        "organization = \"テスト</script>株式会社\"",
    );
    site.built();
    for path in ["status.json", "api/v2/summary.json"] {
        let text = std::fs::read_to_string(site.out().join(path)).unwrap();
        assert!(
            !text.contains("</") && !text.contains("<!--"),
            "{path}: {text}"
        );
        assert!(
            text.contains(r#""テスト<\/script>株式会社""#),
            "{path}: {text}"
        );
    }
    let status = json_at(&site, "status.json");
    assert_eq!(status["site"]["title"], "特設</script><!--ページ");
    assert_eq!(status["site"]["organization"], "テスト</script>株式会社");
    assert_eq!(
        json_at(&site, "api/v2/summary.json")["page"]["name"],
        "テスト</script>株式会社"
    );
}
